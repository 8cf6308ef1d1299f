//! How long opening files takes, printed to stderr when `CHRONOLANE_TIMING` is set (the app's
//! figures in BENCHMARKS.md): wall time since the load started, and CPU time split between the
//! threads that load (reading, extraction, lane layout) and the rest of the process (the
//! window, and the software renderer under Xvfb), because on a shared machine the wall time
//! says little and the process's CPU time mixes the two.

use std::time::Instant;

/// Set to print how long a load took until its first timeline and its whole timeline were on
/// screen, and each of its phases.
pub const TIMING_VAR: &str = "CHRONOLANE_TIMING";

/// Whether timings are to be printed.
pub fn enabled() -> bool {
    std::env::var_os(TIMING_VAR).is_some()
}

/// Frames drawn during a load and the longest wait between two of them.
#[derive(Debug, Default)]
pub struct FrameClock {
    frames: usize,
    last: Option<Instant>,
    longest_gap: f64,
}

impl FrameClock {
    /// Notes a frame drawn now.
    pub fn tick(&mut self) {
        let now = Instant::now();
        if let Some(last) = self.last {
            self.longest_gap = self.longest_gap.max((now - last).as_secs_f64());
        }
        self.last = Some(now);
        self.frames += 1;
    }

    fn describe(&self) -> String {
        format!(
            "{} frames so far, the longest {:.0} ms apart",
            self.frames,
            self.longest_gap * 1000.0
        )
    }
}

/// Prints that `what` happened `started.elapsed()` into a load, with the CPU time so far and,
/// when given, the frames drawn.
pub fn log(started: Instant, what: &str, frames: Option<&FrameClock>) {
    if !enabled() {
        return;
    }
    let cpu = cpu_seconds()
        .map(|c| {
            format!(
                "; CPU {:.2} s loading threads, {:.2} s window and renderer",
                c.loading, c.rest
            )
        })
        .unwrap_or_default();
    let frames = frames
        .map(|f| format!("; {}", f.describe()))
        .unwrap_or_default();
    eprintln!(
        "chronolane: {what} {:.2} s after loading started{cpu}{frames}",
        started.elapsed().as_secs_f64()
    );
}

/// CPU seconds (user and system) of this process's threads so far.
struct Cpu {
    /// Threads named `chronolane-…`: the loader, its extraction pool, freeing old sessions.
    loading: f64,
    /// Every other thread: the window's, the renderer's.
    rest: f64,
}

/// Reads the threads' CPU time from `/proc` (Linux; `None` elsewhere). Threads that have ended
/// are no longer listed, so the loading figure counts live threads only — the loader's pool
/// lives until the load is done.
fn cpu_seconds() -> Option<Cpu> {
    let mut cpu = Cpu {
        loading: 0.0,
        rest: 0.0,
    };
    for task in std::fs::read_dir("/proc/self/task").ok()?.flatten() {
        let Ok(stat) = std::fs::read_to_string(task.path().join("stat")) else {
            continue;
        };
        let Some((head, tail)) = stat.rsplit_once(')') else {
            continue;
        };
        let name = head.split_once('(').map_or("", |(_, n)| n);
        // the fields after the name: state is the first, utime the 12th, stime the 13th
        let fields: Vec<&str> = tail.split_whitespace().collect();
        let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
        let (Some(user), Some(system)) = (ticks(11), ticks(12)) else {
            continue;
        };
        let seconds = (user + system) / 100.0;
        if name.starts_with("chronolane-") {
            cpu.loading += seconds;
        } else {
            cpu.rest += seconds;
        }
    }
    Some(cpu)
}
