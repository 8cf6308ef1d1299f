//! Fuzz target: see `entry_points.rs`.
#![no_main]

#[path = "../entry_points.rs"]
#[allow(dead_code, reason = "each target uses one entry point")]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::ingest_bytes(data));
