#!/usr/bin/env python3
"""Score actor lanes against MEANTIME participants (NewsReader CAT XML), as a held-out check
beside ../shared/tools/timeline_score.py: the same lane measure, with gold lanes for every named
entity of the corpus instead of six chosen ones.

usage: score_meantime_lanes.py [--bin PATH] [--roles Arg0,Arg1] [--errors] DIR

Each document's tokens become one article (title line, date line, then the body), run once
through `BIN extract --json`. A gold lane is built for every entity instance that has a named
mention (types PER, ORG, LOC, PRO, FIN): the sentences of the events that have one of its
mentions as a participant in one of the given PropBank roles (default Arg0 and Arg1, the
SemEval-2015 TimeLine rule). MEANTIME annotates only the first sentences of each article, so
only the sentences with annotated events are scored, in the lanes too. An event is anchored by a TLINK to a time expression (included in,
simultaneous with); the anchored figures leave events without an anchor out of the gold (like
the timeline scorer's row 0), the lane figures (dates aside) count every participant event.
The system lane is every actor whose name or alias equals one of the entity's named forms
(case, punctuation and a company suffix aside). Last line:
    meantime lanes: F1 (anchored) ... lane F1 (dates aside) ... entities N without a lane M
"""
import argparse, glob, json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

SUFFIX = re.compile(r"\b(inc|co|corp|corporation|company|ltd|plc|llc|n\.?v|s\.?a|ag|group)\.?$")
KINDS = {"PER", "ORG", "LOC", "PRO", "FIN"}
ANCHORING = {"IS_INCLUDED", "SIMULTANEOUS", "DURING", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY"}


def canon(name):
    n = (name or "").lower().replace("\u2019", "'")
    n = re.sub(r"[\"'`.,()]", " ", n)
    n = re.sub(r"\s+", " ", n).strip()
    return SUFFIX.sub("", n).strip() or n


def join_tokens(words):
    s = " ".join(words)
    s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    s = re.sub(r" ('s|'re|'ve|'ll|'d|'m|n't)\b", r"\1", s)
    return s


def read_doc(path, roles):
    root = ET.parse(path).getroot()
    docid = root.get("doc_id")
    tok_sent, words_of, word = {}, {}, {}
    for t in root.iter("token"):
        sid = int(t.get("sentence"))
        tok_sent[t.get("t_id")] = sid
        word[t.get("t_id")] = t.text or ""
        words_of.setdefault(sid, []).append(t.text or "")
    marks = root.find("Markables")
    mention_sent, mention_text, named, annotated = {}, {}, set(), set()
    timex_value, dct = {}, None
    for m in marks:
        ids = [a.get("t_id") for a in m.findall("token_anchor")]
        if ids:
            mention_sent[m.get("m_id")] = tok_sent[ids[0]]
        if m.tag == "EVENT_MENTION" and ids:
            annotated.add(tok_sent[ids[0]])
        if m.tag == "ENTITY_MENTION" and ids:
            mention_text[m.get("m_id")] = join_tokens([word[i] for i in ids])
            if m.get("syntactic_type") == "NAM":
                named.add(m.get("m_id"))
        if m.tag == "TIMEX3":
            timex_value[m.get("m_id")] = m.get("value") or ""
            if m.get("functionInDocument") == "CREATION_TIME":
                dct = m.get("value")
    # keyed by the cross-document instance id, so one party is one lane across articles
    entities = {
        m.get("m_id"): (m.get("instance_id") or docid + m.get("m_id"), m.get("TAG_DESCRIPTOR"))
        for m in marks
        if m.tag == "ENTITY" and m.get("ent_type") in KINDS
    }
    rels = root.find("Relations")
    refers, anchor, participants = {}, {}, []
    for r in rels:
        src = [s.get("m_id") for s in r.findall("source")]
        tgt = [t.get("m_id") for t in r.findall("target")]
        if r.tag == "REFERS_TO" and tgt:
            for s in src:
                refers[s] = tgt[0]
        elif r.tag == "TLINK" and r.get("reltype") in ANCHORING and tgt and tgt[0] in timex_value:
            for s in src:
                anchor.setdefault(s, timex_value[tgt[0]])
        elif r.tag == "HAS_PARTICIPANT" and (not roles or r.get("sem_role") in roles):
            for s in src:
                for t in tgt:
                    participants.append((s, t))
    gold = {}  # instance id -> {(doc, sentence): {anchor}}
    forms = {}  # instance id -> named forms
    for m, ent in refers.items():
        if ent in entities and m in named:
            forms.setdefault(entities[ent][0], set()).add(mention_text[m])
    for ev, who in participants:
        ent = refers.get(who)
        if ent not in entities or ev not in mention_sent:
            continue
        items = gold.setdefault(entities[ent][0], {}).setdefault((docid, mention_sent[ev]), set())
        if ev in anchor:
            items.add(anchor[ev])
    sents = [join_tokens(words_of[k]) for k in sorted(words_of)]
    text, spans = "", {}
    for i, s in enumerate(sents):
        if text:
            text += "\n\n" if i <= 2 else " "
        sid = sorted(words_of)[i]
        if sid in annotated:
            spans[sid] = (len(text), len(text) + len(s))
        text += s
    article = {"id": docid, "title": sents[0] if sents else "", "published": (dct or "")[:10], "text": text}
    return article, spans, dict(entities.values()), gold, forms


def agrees(anchor, start):
    if not start:
        return False
    a, s = anchor.split("-"), start[:10].split("-")
    for k, part in enumerate(a):
        if "X" in part.upper():
            continue
        if k >= len(s) or s[k] != part.zfill(len(s[k])):
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/chronolane")
    ap.add_argument("--roles", default="Arg0,Arg1", help="comma-separated; 'all' for every role")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("dir")
    args = ap.parse_args()
    roles = None if args.roles == "all" else set(args.roles.split(","))

    docs, gold, forms, descr = {}, {}, {}, {}
    for p in sorted(glob.glob(os.path.join(args.dir, "*.xml"))):
        article, spans, entities, g, f = read_doc(p, roles)
        docs[article["id"]] = (article, spans)
        for inst, items in g.items():
            for k, v in items.items():
                gold.setdefault(inst, {}).setdefault(k, set()).update(v)
        for inst, fs in f.items():
            forms.setdefault(inst, set()).update(fs)
        descr.update(entities)
    gold = {i: g for i, g in gold.items() if forms.get(i)}

    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for article, _ in docs.values():
                f.write(json.dumps(article) + "\n")
        p = subprocess.run([args.bin, "extract", "--json", corpus], capture_output=True, timeout=600)
        out = json.loads(p.stdout)
    by_id = {a.get("id"): a for a in out.get("actors") or []}
    lanes = {}
    for e in out.get("events") or []:
        start = (e.get("when") or {}).get("start")
        for src in e.get("sources") or []:
            if src.get("article") not in docs:
                continue
            article, spans = docs[src["article"]]
            data = article["text"].encode("utf-8")
            cs = len(data[: int(src["start"])].decode("utf-8", "ignore"))
            ce = len(data[: int(src["end"])].decode("utf-8", "ignore"))
            for sid, (s0, s1) in spans.items():
                if min(ce, s1) > max(cs, s0):
                    for aid in e.get("actors") or []:
                        lanes.setdefault(aid, {}).setdefault((article["id"], sid), set()).add(start)

    n_gold = n_all = n_sys = in_lane = anchored = 0
    missing = []
    for inst, items in sorted(gold.items(), key=lambda kv: descr.get(kv[0]) or ""):
        want = {canon(f) for f in forms[inst]}
        lane = {}
        for aid, its in lanes.items():
            a = by_id.get(aid) or {}
            if any(canon(n) in want for n in [a.get("name", "")] + list(a.get("aliases") or [])):
                for k, v in its.items():
                    lane.setdefault(k, set()).update(v)
        if not lane:
            missing.append(descr.get(inst) or inst)
        n_gold += sum(1 for a in items.values() if a)
        n_all += len(items)
        n_sys += len(lane)
        hit = sum(1 for k in items if k in lane)
        ok = sum(1 for k, a in items.items() if k in lane and any(agrees(x, s) for x in a for s in lane[k]))
        in_lane += hit
        anchored += ok
        if args.errors:
            extra = sorted(k for k in lane if k not in items)
            print(f"{descr.get(inst)!r}\tgold {len(items)}\tlane {len(lane)}\tin lane {hit}\tanchored {ok}\textra {extra[:8]}")
    r_lane = in_lane / n_all if n_all else 0
    p_lane = in_lane / n_sys if n_sys else 0
    r = anchored / n_gold if n_gold else 0
    p = anchored / n_sys if n_sys else 0
    f1 = 2 * p * r / (p + r) if p + r else 0
    lf1 = 2 * p_lane * r_lane / (p_lane + r_lane) if p_lane + r_lane else 0
    print(f"without a lane: {', '.join(missing[:20])}")
    print(f"gold items {n_gold} lane items {n_sys}  lane R {r_lane:.3f} P {p_lane:.3f}  anchored R {r:.3f} P {p:.3f}")
    print(f"meantime lanes: F1 {f1:.3f} lane F1 {lf1:.3f} entities {len(gold)} without a lane {len(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
