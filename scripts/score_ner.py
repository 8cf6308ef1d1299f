#!/usr/bin/env python3
"""Document-level name recognition score on Universal NER (English-EWT dev by default).

For each document: the distinct entity strings (lower-cased, whitespace collapsed) with their
type (PER / ORG / LOC) in the gold file, against those `chronolane entities --json` finds in the
document's text. Precision, recall and F1 are micro-averaged over documents (true and false
positives summed over all documents), typed and type-agnostic. Names the program calls MISC
(products, events) are not counted: the gold file has no such type.

    cargo build --release
    python3 scripts/score_ner.py                    # the actor finder (what lanes are made of)
    python3 scripts/score_ner.py --raw              # the statistical recogniser alone
    python3 scripts/score_ner.py --errors 40        # the errors by class, 40 of each
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

TYPES = {"PER", "ORG", "LOC"}


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def read_docs(path):
    """[(doc_id, text, {(string, type)})] from an IOB2 file with # newdoc / # text comments."""
    docs = []
    cur = None
    sent_text, toks = None, []

    def close_sentence():
        nonlocal sent_text, toks
        if cur is None or sent_text is None:
            sent_text, toks = None, []
            return
        # place each token in the sentence text, in order
        pos, spans = 0, []
        for word, label in toks:
            at = sent_text.find(word, pos)
            if at < 0:
                at = pos
            spans.append((at, at + len(word), label))
            pos = at + len(word)
        cur[1] += ("\n\n" if cur[1] else "") + sent_text
        start, typ, end = None, None, None
        for s, e, label in spans + [(0, 0, "O")]:
            if label.startswith("I-") and typ == label[2:]:
                end = e
                continue
            if typ is not None:
                cur[2].add((norm(sent_text[start:end]), typ))
                typ = None
            if label[:2] in ("B-", "I-"):
                start, end, typ = s, e, label[2:]
        sent_text, toks = None, []

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                close_sentence()
                cur = [line.split("=", 1)[1].strip(), "", set()]
                docs.append(cur)
            elif line.startswith("# text"):
                sent_text = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                close_sentence()
            else:
                cols = line.split("\t")
                if len(cols) >= 3:
                    toks.append((cols[1], cols[2]))
        close_sentence()
    return [(d[0], d[1], {g for g in d[2] if g[1] in TYPES}) for d in docs]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report_errors(missed, spurious, retyped, n):
    """Errors by class: a name found with the wrong type, a gold name not found, a name found
    that the gold file does not have; then the most frequent strings of each class."""
    from collections import Counter

    confusion = Counter((g, f) for _, g, f in retyped)
    print(f"wrong type {len(retyped)}: " + ", ".join(f"{g}->{f} {c}" for (g, f), c in confusion.most_common()))
    print(f"missed {len(missed)}: " + ", ".join(f"{t} {c}" for t, c in Counter(t for _, t in missed).most_common()))
    print(f"spurious {len(spurious)}: " + ", ".join(f"{t} {c}" for t, c in Counter(t for _, t in spurious).most_common()))
    for title, rows in (
        ("wrong type", [f"{a} {g}->{f}" for a, g, f in retyped]),
        ("missed", [f"{a} {t}" for a, t in missed]),
        ("spurious", [f"{a} {t}" for a, t in spurious]),
    ):
        print(f"-- {title}:")
        for text, c in Counter(rows).most_common(n):
            print(f"  {c:3d}  {text}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="../shared/corpora/uner-ewt/en_ewt-ud-dev.iob2")
    ap.add_argument("--bin", default=os.environ.get("CHRONOLANE_BIN", "target/release/chronolane"))
    ap.add_argument("--raw", action="store_true", help="score the recogniser alone (entities --raw)")
    ap.add_argument(
        "--errors",
        type=int,
        default=0,
        help="print the classes of error (wrong type, missed, spurious, by type and count) and this many of each",
    )
    args = ap.parse_args()

    docs = read_docs(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (_, text, _) in enumerate(docs):
            p = os.path.join(tmp, f"doc{i:04d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(text + "\n")
            paths.append(p)
        cmd = [args.bin, "entities", "--json"] + (["--raw"] if args.raw else []) + paths
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        rec = json.loads(line)
        i = int(os.path.basename(rec["file"])[3:7])
        found[i] = {(norm(e["text"]), e["type"]) for e in rec["entities"] if e["type"] in TYPES}

    t = [0, 0, 0]
    u = [0, 0, 0]
    missed, spurious, retyped = [], [], []
    for i, (_, _, gold) in enumerate(docs):
        got = found.get(i, set())
        t[0] += len(gold & got)
        t[1] += len(got - gold)
        t[2] += len(gold - got)
        gs, ns = {g[0] for g in gold}, {g[0] for g in got}
        u[0] += len(gs & ns)
        u[1] += len(ns - gs)
        u[2] += len(gs - ns)
        gold_type = dict(gold)
        got_type = dict(got)
        for name, typ in sorted(gold - got):
            if name in ns:
                retyped.append((name, typ, got_type[name]))
            else:
                missed.append((name, typ))
        spurious += [(n, t) for n, t in sorted(got - gold) if n not in gold_type]
    if args.errors:
        report_errors(missed, spurious, retyped, args.errors)
    up, ur, uf = prf(*u)
    print(f"documents {len(docs)}  untyped P {up:.3f} R {ur:.3f} F1 {uf:.3f}")
    tp, tr, tf = prf(*t)
    print(f"typed P {tp:.3f} R {tr:.3f} F1 {tf:.3f}")


if __name__ == "__main__":
    sys.exit(main())
