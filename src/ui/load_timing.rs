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

/// User and system CPU seconds in one `/proc` stat line (the fields after the command name:
/// state is the first, utime the 12th, stime the 13th), with the name in brackets.
fn stat_seconds(stat: &str) -> Option<(&str, f64)> {
    let (head, tail) = stat.rsplit_once(')')?;
    let name = head.split_once('(').map_or("", |(_, n)| n);
    let mut fields = tail.split_whitespace().skip(11);
    let user = fields.next()?.parse::<f64>().ok()?;
    let system = fields.next()?.parse::<f64>().ok()?;
    Some((name, (user + system) / 100.0))
}

/// Reads CPU time from `/proc` (Linux; `None` elsewhere). The process's own total keeps the
/// time of threads that have ended (the loader's pool ends with its load), so the loading
/// figure is that total less the live threads that are not the loader's.
fn cpu_seconds() -> Option<Cpu> {
    let total = stat_seconds(&std::fs::read_to_string("/proc/self/stat").ok()?)?.1;
    let mut rest = 0.0;
    for task in std::fs::read_dir("/proc/self/task").ok()?.flatten() {
        let Ok(stat) = std::fs::read_to_string(task.path().join("stat")) else {
            continue;
        };
        if let Some((name, seconds)) = stat_seconds(&stat)
            && !name.starts_with("chronolane-")
        {
            rest += seconds;
        }
    }
    Some(Cpu {
        loading: (total - rest).max(0.0),
        rest,
    })
}

#[cfg(test)]
mod tests {
    use super::stat_seconds;

    #[test]
    fn a_stat_line_gives_its_name_and_cpu_seconds() {
        // A thread name may hold brackets and spaces; the fields count from the last ')'.
        let line = "42 (chronolane-x) y) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 1 0";
        assert_eq!(stat_seconds(line), Some(("chronolane-x) y", 3.0)));
        assert_eq!(stat_seconds("42 (cut short) S 1 2"), None);
    }
}
