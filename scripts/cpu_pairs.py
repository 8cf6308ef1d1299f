#!/usr/bin/env python3
"""CPU seconds (user + system) of two builds of chronolane on one core, run in turns.

The machine's speed wanders by 10-40 % over minutes, so two builds are only compared when
their runs alternate; and `/usr/bin/time` reports whole hundredths, too coarse for a run of a
tenth of a second. This reads the children's resource usage around each run instead
(microseconds) and prints, per build, the best, median and worst run and every run in order.

Usage: scripts/cpu_pairs.py RUNS BASE_BIN NEW_BIN ARGS...
  e.g. scripts/cpu_pairs.py 10 /tmp/base target/release/chronolane \
           extract --json target/real-corpus/timebank-1MB.txt
Each run is pinned to core 0 (taskset) with RAYON_NUM_THREADS=1; output goes to /dev/null.
CHRONOLANE_MODELS and other variables of the caller's environment are passed on.
"""

import os
import resource
import statistics
import subprocess
import sys


def cpu_seconds(command, env):
    """User + system CPU seconds of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    builds = sys.argv[2:4]
    args = sys.argv[4:]
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    pin = ["taskset", "-c", "0"] if subprocess.run(
        ["sh", "-c", "command -v taskset"], stdout=subprocess.DEVNULL
    ).returncode == 0 else []
    seconds = {build: [] for build in builds}
    for _ in range(runs):
        for build in builds:
            seconds[build].append(cpu_seconds(pin + [build] + args, env))
    for build in builds:
        ordered = sorted(seconds[build])
        every = " ".join(f"{s:.3f}" for s in seconds[build])
        print(
            f"{build}: best {ordered[0]:.3f} median {statistics.median(ordered):.3f} "
            f"worst {ordered[-1]:.3f} s  ({every})"
        )


if __name__ == "__main__":
    main()
