//! Every input the fuzzers keep (seeds, and crashes once fixed) replayed through all three
//! entry points: ingest under every reader, time expressions, and extraction. See
//! `scripts/fuzz.sh` and `fuzz/entry_points.rs`, which this test shares with the fuzz targets.

#[path = "../fuzz/entry_points.rs"]
mod entry_points;

use std::path::Path;

#[test]
fn every_saved_fuzz_input_runs_through_every_entry_point() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut replayed = 0;
    for target in ["ingest", "timex", "extract"] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let name = file.display().to_string();
            let replay = std::panic::catch_unwind(|| {
                entry_points::ingest_bytes(&data);
                entry_points::timex_bytes(&data);
                entry_points::extract_bytes(&data);
            });
            assert!(replay.is_ok(), "{name} fails again");
            replayed += 1;
        }
    }
    assert!(
        replayed >= 10,
        "the seeds are missing from {}",
        root.display()
    );
}
