//! guong's developer tasks, kept out of the release binary: a clearly
//! fictional site of N profiles (as guong and, for comparisons, as Hugo) and
//! phone-size photos, both deterministic, for the tests and benchmarks
//! (`scripts/test`, `scripts/bench-*`, `scripts/site-hash`).
//!
//! `cargo run -p xtask -- gen-fixture --profiles 300 --out DIR`

use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod fixture;
mod photos;

#[derive(Parser, Debug)]
#[command(
    name = "xtask",
    about = "guong's developer tasks (fixtures for tests and benchmarks)"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand, Debug)]
enum Task {
    /// Write a clearly fictional site of N bilingual profiles (deterministic).
    GenFixture {
        /// How many profiles.
        #[arg(long)]
        profiles: usize,
        /// The folder to create (must be empty or absent).
        #[arg(long)]
        out: PathBuf,
        /// Also write the same records as a Hugo site into this folder.
        #[arg(long)]
        hugo: Option<PathBuf>,
    },
    /// Write N fictional 4000×3000 phone-size JPEG photos (deterministic).
    GenPhotos {
        /// How many photos.
        #[arg(long)]
        count: usize,
        /// The folder to write them into.
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().task {
        Task::GenFixture {
            profiles,
            out,
            hugo,
        } => {
            // A fixed seed: the same N always gives the same site.
            let opts = fixture::FixtureOptions { profiles, seed: 1 };
            fixture::generate_guong(&out, &opts)?;
            if let Some(dir) = &hugo {
                fixture::generate_hugo(dir, &opts)?;
            }
            eprintln!("Wrote {profiles} fictional profiles into {}", out.display());
        }
        Task::GenPhotos { count, out } => {
            photos::generate(&out, count)?;
            eprintln!("Wrote {count} fictional photos into {}", out.display());
        }
    }
    Ok(())
}
