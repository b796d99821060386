//! Running a program and measuring it: wall time, CPU time (user and system, from the
//! kernel's account of waited-for children) and peak memory (the kernel's high-water
//! mark, `VmHWM`, read while it runs). Shared by the benchmarks.

#![allow(dead_code)] // each benchmark takes what it needs

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::resource::{getrusage, UsageWho};

/// One run of a program.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub ok: bool,
    pub wall: f64,
    /// User and system time, in seconds.
    pub cpu: f64,
    pub peak_mib: f64,
}

/// Runs `command` to its end, its output thrown away.
pub fn run(command: &mut Command) -> Run {
    let before = children_cpu();
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?} runs: {e}"));
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = std::fs::read_to_string(&status_file)
            .ok()
            .as_deref()
            .and_then(high_water_mark)
        {
            peak = peak.max(kib);
        }
        match child.try_wait().expect("the child can be waited for") {
            Some(status) => break status,
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    };
    Run {
        ok: status.success(),
        wall: started.elapsed().as_secs_f64(),
        cpu: children_cpu() - before,
        peak_mib: peak as f64 / 1024.0,
    }
}

/// The CPU time of every child waited for so far.
fn children_cpu() -> f64 {
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).expect("getrusage");
    let seconds = |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 / 1e6;
    seconds(usage.user_time()) + seconds(usage.system_time())
}

fn high_water_mark(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Whether `program` can be run at all (`program version` succeeds).
pub fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The middle value.
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The machine's load over the last minute, to print beside figures.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}
