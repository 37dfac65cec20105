//! The `guong` command: parse arguments, run, print errors, set the exit code.

fn main() {
    std::process::exit(guong::cli::main());
}
