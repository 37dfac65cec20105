//! How long each stage of a run took, printed when `GUONG_TIMINGS` is set
//! (for profiling builds; docs/performance.md). A leaf any stage may use.

/// Runs `f`, and prints how long it took when `GUONG_TIMINGS` is set.
pub fn timed<T>(stage: &str, f: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let out = f();
    if std::env::var_os("GUONG_TIMINGS").is_some() {
        eprintln!(
            "timing: {stage:<14} {:>8.3} s",
            start.elapsed().as_secs_f64()
        );
    }
    out
}
