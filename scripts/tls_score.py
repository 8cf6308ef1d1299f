#!/usr/bin/env python3
"""Score chronolane as a news timeline summariser on Timeline17 (T17) laid out by eval/prepare_tls.py.

Usage:
    python3 scripts/tls_score.py [--bin target/release/chronolane] [--data ../shared/corpora/tls-dev]
        [--topics bpoil,egypt,...] [--rank sources|events] [--explicit-only] [--span gold|all]
        [--rouge auto|perl|reimpl|rouge-score|none] [--out results.json] [--show N]
        [--baseline pubcount]   # no binary: publication-count dates (protocol sanity check)
        [--digest]              # the dates and sentences of `chronolane digest --json` instead of
                                # this script's own ranking of `extract --json`
    Default run (what the figures in the report used):
        python3 scripts/tls_score.py --out tls.json
        python3 scripts/tls_score.py --digest --out tls-digest.json

    One-time setup for ROUGE as the literature computes it (tilse = ROUGE-1.5.5 perl, stemmed,
    stopwords removed; news-tls uses exactly this):
        python3 -m venv /tmp/peers   # if absent
        /tmp/peers/bin/pip download --no-deps -d /tmp/tilse_dl tilse==0.2.1
        /tmp/peers/bin/pip install --no-deps /tmp/tilse_dl/tilse-0.2.1-py3-none-any.whl
        /tmp/peers/bin/pip install scipy nltk rouge-score==0.1.2
        apt-get install -y libxml-parser-perl     # XML::Parser for ROUGE-1.5.5.pl
    The script re-runs itself under /tmp/peers/bin/python when its own python lacks tilse.

Protocol (news-tls, Gholipour Ghalandari & Ifrim 2020, experiments/evaluate.py), per gold timeline:
  * input = the topic's articles published within [first, last] gold date (--span gold);
    `BIN extract --json` runs once per (topic, span);
  * candidate dates = single-day events (when.start == when.end, precision day/time) inside the
    span (--explicit-only drops events whose date chronolane inferred from context);
  * dates ranked by distinct source articles (--rank sources, default) or by event count
    (--rank events), ties by the other count then by date; top l kept, l = number of gold dates;
  * each kept date gets k quotes, k = round(mean gold sentences per date): its events ordered by
    distinct sources then confidence, first source's quote, duplicates dropped;
  * metrics: date P/R/F1 (exact day), ROUGE-1/2 F for concat (whole timelines), agreement
    (only dates in both = "matched dates") and align+ m:1 (news-tls "AR-1/AR-2").
With --digest, each timeline's articles go through `BIN digest --json --dates l --sentences k
--from first --to last` instead (the same l, k and span), and its dates and sentences are scored as
they come: the binary ranks the dates and picks the sentences.
Averages: "macro" = F of P and R averaged over all timelines (news-tls get_average_results);
"meanF" = plain mean of per-timeline F. Per-topic rows average that topic's timelines.
"""
import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

PEERS_PY = "/tmp/peers/bin/python"
HERE = os.path.dirname(os.path.abspath(__file__))
# this copy lives in the project's scripts/: its own release build, the corpora beside the checkout
DEFAULT_BIN = os.path.join(HERE, "..", "target", "release", "chronolane")
DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "corpora", "tls-dev")


def have(mod):
    try:
        __import__(mod)
        return True
    except Exception:
        return False


def load_jsonl(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]


def run_extract(binary, articles, cache):
    """Runs `binary extract --json` on the articles; caches by their ids."""
    key = (len(articles), articles[0]["id"] if articles else "", articles[-1]["id"] if articles else "")
    if key in cache:
        return cache[key]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
        path = f.name
    t0 = time.time()
    p = subprocess.run([binary, "extract", "--json", path], capture_output=True, text=True)
    secs = time.time() - t0
    os.unlink(path)
    if p.returncode != 0:
        sys.exit(f"{binary} extract failed ({p.returncode}): {p.stderr[-2000:]}")
    out = json.loads(p.stdout)
    cache[key] = (out, secs)
    return cache[key]


def run_digest(binary, articles, l, k, start, end):
    """Runs `binary digest --json` on the articles; returns ({date: [sentences]}, {date: sources}, secs)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
        path = f.name
    cmd = [binary, "digest", "--json", "--dates", str(l), "--sentences", str(k)]
    if start:
        cmd += ["--from", start, "--to", end]
    t0 = time.time()
    p = subprocess.run(cmd + [path], capture_output=True, text=True)
    secs = time.time() - t0
    os.unlink(path)
    if p.returncode != 0:
        sys.exit(f"{binary} digest failed ({p.returncode}): {p.stderr[-2000:]}")
    entries = json.loads(p.stdout)
    pred = {e["date"]: [" ".join(s.split()) for s in e["sentences"]] for e in entries}
    sources = {e["date"]: e.get("sources", 0) for e in entries}
    return pred, sources, secs


def day_events(out, start, end, explicit_only):
    """date -> list of events that chronolane pins to that single day inside [start, end]."""
    by_day = defaultdict(list)
    for e in out.get("events", []):
        w = e.get("when") or {}
        s, t = w.get("start"), w.get("end")
        if not s or s != t or w.get("precision") not in ("day", "time"):
            continue
        if explicit_only and w.get("inferred"):
            continue
        if start and not (start <= s <= end):
            continue
        by_day[s].append(e)
    return by_day


def pubcount_events(articles):
    """The PubCount baseline in chronolane's output shape: one event per article, on its publication
    day, quoting its first line."""
    evs = []
    for a in articles:
        lead = next((l for l in a["text"].split("\n") if len(l.split()) >= 5), a["text"][:200])
        evs.append({"id": a["id"], "when": {"start": a["published"], "end": a["published"], "precision": "day"},
                    "label": lead, "sources": [{"article": a["id"], "quote": lead}], "confidence": 1.0})
    return {"events": evs}


def n_sources(events):
    return len({src.get("article") for e in events for src in e.get("sources", [])})


def predict(by_day, l, k, rank):
    def key(d):
        ev, so = len(by_day[d]), n_sources(by_day[d])
        return (-so, -ev, d) if rank == "sources" else (-ev, -so, d)

    chosen = sorted(by_day, key=key)[:l]
    tl = {}
    for d in sorted(chosen):
        evs = sorted(by_day[d], key=lambda e: (-n_sources([e]), -(e.get("confidence") or 0), e.get("id", "")))
        sents, seen = [], set()
        for e in evs:
            srcs = e.get("sources") or []
            q = (srcs[0].get("quote") if srcs else None) or e.get("label") or ""
            q = " ".join(q.split())
            if q and q.lower() not in seen:
                seen.add(q.lower())
                sents.append(q)
            if len(sents) >= k:
                break
        tl[d] = sents
    return tl


def prf(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def date_scores(pred, gold):
    shared = len(set(pred) & set(gold))
    p = shared / len(pred) if pred else 0.0
    r = shared / len(gold) if gold else 0.0
    return {"precision": p, "recall": r, "f_score": prf(p, r)}


class Rouge:
    """ROUGE-1/2 concat, agreement (matched dates) and align+ m:1 on {date: [sentences]} timelines."""

    def __init__(self, mode):
        self.mode = mode
        if mode in ("perl", "reimpl"):
            from tilse.evaluation import rouge as trouge
            self.ev = trouge.TimelineRougeEvaluator(
                measures=["rouge_1", "rouge_2"], rouge_computation="original" if mode == "perl" else "reimpl")
        elif mode == "rouge-score":
            from rouge_score import rouge_scorer
            self.rs = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)

    def score(self, pred, gold):
        if self.mode == "none":
            return {}
        if self.mode == "rouge-score":
            return self._rouge_score(pred, gold)
        from tilse.data.timelines import Timeline, GroundTruth
        d = lambda s: dt.date.fromisoformat(s)
        # tilse splits sentences on whitespace; split punctuation off first, as news-tls's tokenised
        # input was (matters for the reimplementation; ROUGE-1.5.5 itself drops punctuation)
        tok = lambda sents: [" ".join(re.findall(r"\w+|[^\w\s]", x)) for x in sents]
        p_tl = Timeline({d(x): tok(v) for x, v in pred.items() if v})
        g = GroundTruth([Timeline({d(x): tok(v) for x, v in gold.items()})])
        if not p_tl.get_dates():
            z = {m: {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2")}
            return {"concat": z, "agreement": z, "align_m1": z}
        out = {"concat": self.ev.evaluate_concat(p_tl, g)}
        try:
            out["agreement"] = self.ev.evaluate_agreement(p_tl, g)
        except ZeroDivisionError:  # no matched date
            out["agreement"] = {m: {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2")}
        out["align_m1"] = self.ev.evaluate_align_date_content_costs_many_to_one(p_tl, g)
        return out

    def _rouge_score(self, pred, gold):
        def one(a, b):
            s = self.rs.score(b, a)  # (target, prediction)
            return {"rouge_1": {"precision": s["rouge1"].precision, "recall": s["rouge1"].recall,
                                "f_score": s["rouge1"].fmeasure},
                    "rouge_2": {"precision": s["rouge2"].precision, "recall": s["rouge2"].recall,
                                "f_score": s["rouge2"].fmeasure}}
        cat = lambda tl, ds: " ".join(s for x in ds for s in tl.get(x, []))
        matched = sorted(set(pred) & set(gold))
        return {"concat": one(cat(pred, sorted(pred)), cat(gold, sorted(gold))),
                "agreement": one(cat(pred, matched), cat(gold, matched))}


def average(rows):
    """news-tls style: P and R averaged, F from them; plus the plain mean of F."""
    keys = ["date"] + [f"{m}.{r}" for m in ("concat", "agreement", "align_m1") for r in ("rouge_1", "rouge_2")]
    res = {}
    for key in keys:
        vals = []
        for row in rows:
            v = row["date"] if key == "date" else row.get("rouge", {}).get(key.split(".")[0], {}).get(key.split(".")[1])
            if v is not None:
                vals.append(v)
        if not vals:
            continue
        p = sum(v["precision"] for v in vals) / len(vals)
        r = sum(v["recall"] for v in vals) / len(vals)
        res[key] = {"precision": p, "recall": r, "f_macro": prf(p, r),
                    "f_mean": sum(v["f_score"] for v in vals) / len(vals)}
    return res


def fmt(avg, key, which="f_macro"):
    v = avg.get(key)
    return f"{v[which]:.3f}" if v else "  -  "


def main():
    ap = argparse.ArgumentParser(description="chronolane on Timeline17: date F1 and ROUGE")
    ap.add_argument("--bin", default=DEFAULT_BIN)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--topics", default="")
    ap.add_argument("--rank", choices=["sources", "events"], default="sources")
    ap.add_argument("--explicit-only", action="store_true")
    ap.add_argument("--span", choices=["gold", "all"], default="gold")
    ap.add_argument("--rouge", choices=["auto", "perl", "reimpl", "rouge-score", "none"], default="auto")
    ap.add_argument("--out", default="")
    ap.add_argument("--show", type=int, default=0, help="print the first N predicted dates per timeline")
    ap.add_argument("--baseline", choices=["none", "pubcount"], default="none",
                    help="pubcount: ignore the binary; rank dates by articles published (sanity check of the "
                         "protocol: news-tls reports PubCount Date-F1 0.481 on T17), lead sentences as summaries")
    ap.add_argument("--digest", action="store_true",
                    help="score `BIN digest --json --dates l --sentences k` (its own date ranking and "
                         "sentences) instead of ranking `extract --json` events here")
    a = ap.parse_args()

    missing = (a.rouge in ("auto", "perl", "reimpl") and not have("tilse")) or \
        (a.rouge == "rouge-score" and not have("rouge_score"))
    if missing and os.path.exists(PEERS_PY) and os.path.realpath(sys.prefix) != os.path.realpath("/tmp/peers"):
        os.execv(PEERS_PY, [PEERS_PY, os.path.abspath(__file__)] + sys.argv[1:])
    mode = a.rouge
    if mode == "auto":
        mode = "perl" if have("tilse") else ("rouge-score" if have("rouge_score") else "none")
    rouge = Rouge(mode)
    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"no executable at {binary}")
    topics = [t for t in (a.topics.split(",") if a.topics else sorted(os.listdir(a.data)))
              if os.path.isfile(os.path.join(a.data, t, "articles.jsonl"))]
    if not topics:
        sys.exit(f"no topics under {a.data}: run eval/prepare_tls.py")
    print(f"bin {binary if a.baseline == 'none' else 'baseline ' + a.baseline}\n"
          f"{'mode=digest' if a.digest else f'rank={a.rank} explicit_only={a.explicit_only}'} "
          f"span={a.span} rouge={mode}")
    rows, ext_secs, n_art = [], 0.0, 0
    for topic in topics:
        arts = load_jsonl(os.path.join(a.data, topic, "articles.jsonl"))
        cache = {}
        tdir = os.path.join(a.data, topic, "timelines")
        for fn in sorted(os.listdir(tdir)):
            gold_list = json.load(open(os.path.join(tdir, fn)))
            gold = {e["date"]: e["sentences"] for e in gold_list}
            start, end = (min(gold), max(gold)) if a.span == "gold" else ("", "")
            inp = [x for x in arts if not start or start <= x["published"] <= end]
            if not inp:
                inp = arts
            l = len(gold)
            k = max(1, round(sum(len(v) for v in gold.values()) / l))
            if a.digest and a.baseline == "none":
                pred, sources, secs = run_digest(binary, inp, l, k, start, end)
                ext_secs += secs
                n_art += len(inp)
                out = {"events": []}
                by_day = {d: [] for d in pred}
            else:
                fresh = len(cache)
                if a.baseline == "pubcount":
                    out, secs = pubcount_events(inp), 0.0
                else:
                    out, secs = run_extract(binary, inp, cache)
                if len(cache) > fresh:
                    ext_secs += secs
                    n_art += len(inp)
                by_day = day_events(out, start, end, a.explicit_only)
                pred = predict(by_day, l, k, a.rank)
                sources = {d: n_sources(by_day[d]) for d in by_day}
            row = {"topic": topic, "timeline": fn[:-5], "articles": len(inp), "events": len(out.get("events", [])),
                   "candidate_dates": len(by_day), "gold_dates": l, "k": k, "pred_dates": len(pred),
                   "date": date_scores(pred, gold), "rouge": rouge.score(pred, gold)}
            rows.append(row)
            r = row["rouge"]
            g = lambda m, n: f"{r[m][n]['f_score']:.3f}" if m in r else "  -  "
            print(f"{topic:6s} {fn[:-5]:45.45s} art={len(inp):5d} cand={len(by_day):4d} l={l:3d} k={k} "
                  f"dateF1={row['date']['f_score']:.3f} concatR1={g('concat', 'rouge_1')} R2={g('concat', 'rouge_2')} "
                  f"agreeR1={g('agreement', 'rouge_1')} AR1={g('align_m1', 'rouge_1')} AR2={g('align_m1', 'rouge_2')}",
                  flush=True)
            for d in sorted(pred)[:a.show]:
                mark = "*" if d in gold else " "
                print(f"    {mark} {d} ({sources.get(d, 0)} src, {len(by_day.get(d, []))} ev) "
                      f"{pred[d][0][:110] if pred[d] else ''}")
    print("\nper topic (F of averaged P/R over the topic's timelines)")
    print(f"{'topic':8s} {'TLs':>3s} {'dateF1':>7s} {'cR1':>6s} {'cR2':>6s} {'agR1':>6s} {'agR2':>6s} {'AR1':>6s} {'AR2':>6s}")
    per_topic = {}
    for topic in topics:
        tr = [r for r in rows if r["topic"] == topic]
        avg = per_topic[topic] = average(tr)
        print(f"{topic:8s} {len(tr):3d} {fmt(avg, 'date'):>7s} {fmt(avg, 'concat.rouge_1'):>6s} {fmt(avg, 'concat.rouge_2'):>6s} "
              f"{fmt(avg, 'agreement.rouge_1'):>6s} {fmt(avg, 'agreement.rouge_2'):>6s} "
              f"{fmt(avg, 'align_m1.rouge_1'):>6s} {fmt(avg, 'align_m1.rouge_2'):>6s}")
    overall = average(rows)
    for which in ("f_macro", "f_mean"):
        print(f"{'ALL/' + which[2:]:8s} {len(rows):3d} {fmt(overall, 'date', which):>7s} "
              f"{fmt(overall, 'concat.rouge_1', which):>6s} {fmt(overall, 'concat.rouge_2', which):>6s} "
              f"{fmt(overall, 'agreement.rouge_1', which):>6s} {fmt(overall, 'agreement.rouge_2', which):>6s} "
              f"{fmt(overall, 'align_m1.rouge_1', which):>6s} {fmt(overall, 'align_m1.rouge_2', which):>6s}")
    print(f"{'digest' if a.digest else 'extract'}: {n_art} articles in {ext_secs:.1f} s ({n_art / max(ext_secs, 1e-9):.0f} articles/s)")
    if a.out:
        with open(a.out, "w") as f:
            json.dump({"settings": {**vars(a), "rouge_mode": mode}, "timelines": rows,
                       "per_topic": per_topic, "overall": overall}, f, indent=1)


if __name__ == "__main__":
    main()
