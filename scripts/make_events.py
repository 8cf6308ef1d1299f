#!/usr/bin/env python3
"""Write N synthetic events for export and UI benchmarks, deterministically.

usage: python3 scripts/make_events.py N OUT.csv    a hand-kept event list (Date,End,Who,What)
       python3 scripts/make_events.py N OUT.json   a timeline as `chronolane extract --json`
                                                   prints it (for `export --timeline`)

Events spread over 2014-2016 among 24 made-up states; one in ten is a period, one in three
names two actors. Descriptions hold no names or numbers. Note that reading the CSV as
articles also runs free-text extraction over its rows, so it gives more than N events; the
JSON timeline has exactly N.
"""
import datetime, json, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
actors = ["Arland", "Borrow Isles", "Cassia", "Dunmere", "Eastvale", "Fenwick", "Galmont",
          "Harrow", "Istrana", "Jorvale", "Kestria", "Lunmark", "Morvia", "Norhaven", "Ostrel",
          "Pellan", "Quarry Union", "Rostmark", "Solvane", "Tarrin", "Umbria League", "Valdor",
          "Wessmoor", "Yarrow"]
topics = ["water rights", "a border crossing", "grain exports", "a prisoner exchange",
          "fishing quotas", "a ceasefire line", "rail links", "energy prices"]
origin = datetime.date(2014, 1, 1)

rows = []
for i in range(n):
    day = origin + datetime.timedelta(days=rng.randrange(3 * 365))
    a, b = rng.sample(actors, 2)
    end = day + datetime.timedelta(days=rng.randrange(2, 30)) if i % 10 == 0 else None
    who = [a, b] if i % 3 == 0 else [a]
    rows.append((day, end, who, f"talks on {rng.choice(topics)}"))

if out.endswith(".json"):
    ident = lambda name: name.lower().replace(" ", "-")
    text_offset = 0
    events = []
    for i, (day, end, who, what) in enumerate(rows):
        quote = f"{' and '.join(who)} held {what}."
        last = end or day
        events.append({
            "id": f"synthetic-{i}",
            "when": {"start": day.isoformat(), "end": last.isoformat(),
                     "precision": "range" if end else "day", "mod": None, "approximate": False,
                     "value": f"{day.isoformat()}/{last.isoformat()}" if end else day.isoformat(),
                     "inferred": False},
            "actors": [ident(w) for w in who],
            "label": what,
            "sources": [{"article": "synthetic", "start": text_offset,
                         "end": text_offset + len(quote), "quote": quote}],
            "confidence": 1.0,
        })
        text_offset += len(quote) + 1
    timeline = {
        "articles": [{"id": "synthetic", "title": "Synthetic benchmark events",
                      "published": "2017-01-01", "path": None}],
        "actors": [{"id": ident(a), "name": a, "kind": "country", "aliases": [],
                    "affiliation": None} for a in actors],
        "events": events,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(timeline, f)
else:
    with open(out, "w", encoding="utf-8") as f:
        f.write("Date,End,Who,What\n")
        for day, end, who, what in rows:
            f.write(f"{day.isoformat()},{end.isoformat() if end else ''},{' | '.join(who)},{what}\n")
