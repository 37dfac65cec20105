//! The `guong` command: parse arguments, run, print errors, set the exit code.

// A build makes millions of small strings (tokens, JSON values, HTML); the
// system allocator spent a fifth of a 10,000-profile build in malloc/free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(guong::cli::main());
}
