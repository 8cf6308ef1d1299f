#!/usr/bin/env python3
"""Write a synthetic hand-kept event list (CSV) of N events for export and UI benchmarks.

usage: python3 scripts/make_events_csv.py N OUT.csv

Deterministic: events spread over 2014-2016 among 24 made-up actors, one in ten a period.
"""
import datetime, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
actors = [f"Delegation {chr(65 + i // 3)}{i % 3 + 1}" for i in range(24)]
verbs = ["meets", "calls", "visits", "criticises", "signs a memorandum with", "hosts"]
origin = datetime.date(2014, 1, 1)
with open(out, "w", encoding="utf-8") as f:
    f.write("Date,End,Who,What\n")
    for i in range(n):
        day = origin + datetime.timedelta(days=rng.randrange(3 * 365))
        a, b = rng.sample(actors, 2)
        end = (day + datetime.timedelta(days=rng.randrange(2, 30))).isoformat() if i % 10 == 0 else ""
        who = f"{a} | {b}" if i % 3 == 0 else a
        f.write(f"{day.isoformat()},{end},{who},{a} {rng.choice(verbs)} {b} (item {i})\n")
