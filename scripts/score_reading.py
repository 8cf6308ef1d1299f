#!/usr/bin/env python3
"""Scores how well chronolane reads web pages: main text, title and publication date.

Corpus layout (e.g. ../shared/corpora/web-pages): one folder per page holding
  source.html             the page as saved from a browser
  expected.html           the page's real body (the reference text)
  expected-metadata.json  {"title": ..., "publishedTime": ...}

All pages are read in one batch with `chronolane read --json */source.html`.

Measures (each page counts once; the summary is the mean over pages, i.e. macro-averaged):
  text   bag-of-words precision, recall and F1 of the extracted paragraphs against the
         visible text of expected.html. Both sides are tokenised the same way: lower-cased
         (Unicode NFKC), a token is a run of letters/digits, except that every Han, kana and
         Hangul character is a token of its own (those scripts put no spaces between words,
         so characters are the unit). Overlap is the multiset intersection of the two bags.
         A page that gives no article scores 0.
  title  lenient match, over pages whose expected title is not empty: both titles NFKC,
         lower-cased, white space collapsed; they match when either contains the other,
         or when their token F1 (tokens as above) is at least 0.8.
  date   over pages that list publishedTime: right when the date chronolane reports equals
         the calendar day written in publishedTime (its first ten characters, YYYY-MM-DD,
         as written in the page's own time zone).

Usage: python3 scripts/score_reading.py [--bin target/release/chronolane]
                                        [--verbose] [CORPUS]
The last line reads:
  reading: text F1 X P Y R Z title W dates a/b pages N
"""

import argparse
import collections
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata

# Han (with extensions A and compatibility), kana, half-width kana, Hangul syllables.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af"
TOKEN = re.compile(rf"[{CJK}]|(?:(?![{CJK}])[^\W_])+")

BLOCK_TAGS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "section", "article", "main", "table", "tr", "td", "th", "pre", "hr",
    "figure", "figcaption", "address", "header", "footer",
}
SKIP_TAGS = {"script", "style", "noscript", "template"}


def tokens(text):
    return TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


class TextOf(html.parser.HTMLParser):
    """The visible text of an HTML fragment, blocks separated by newlines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    def text(self):
        return "".join(self.parts)


def html_text(path):
    parser = TextOf()
    with open(path, encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    parser.close()
    return parser.text()


def prf(predicted, expected):
    """Precision, recall and F1 of two bags of tokens."""
    p_bag = collections.Counter(predicted)
    e_bag = collections.Counter(expected)
    overlap = sum((p_bag & e_bag).values())
    if not predicted and not expected:
        return 1.0, 1.0, 1.0
    precision = overlap / len(predicted) if predicted else 0.0
    recall = overlap / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def normalise_title(title):
    return " ".join(unicodedata.normalize("NFKC", title).lower().split())


def title_matches(got, expected):
    got, expected = normalise_title(got or ""), normalise_title(expected)
    if not got:
        return False
    if got in expected or expected in got:
        return True
    return prf(tokens(got), tokens(expected))[2] >= 0.8


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default="../shared/corpora/web-pages")
    parser.add_argument("--bin", default="target/release/chronolane")
    parser.add_argument("--verbose", "-v", action="store_true", help="one line per page")
    args = parser.parse_args()

    pages = sorted(
        d for d in os.listdir(args.corpus)
        if os.path.isfile(os.path.join(args.corpus, d, "source.html"))
    )
    if not pages:
        sys.exit(f"score_reading: no pages with source.html under {args.corpus}")
    sources = [os.path.join(args.corpus, d, "source.html") for d in pages]
    run = subprocess.run(
        [args.bin, "read", "--json", *sources], capture_output=True, text=True, check=False
    )
    if run.returncode not in (0, 1):
        sys.exit(f"score_reading: {args.bin} failed ({run.returncode}): {run.stderr.strip()}")
    read = {os.path.normpath(a["file"]): a for a in json.loads(run.stdout or "[]")}

    totals = collections.Counter()
    titles = title_hits = dates = date_hits = 0
    for page, source in zip(pages, sources):
        folder = os.path.join(args.corpus, page)
        article = read.get(os.path.normpath(source))
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
            meta = json.load(f)
        expected = tokens(html_text(os.path.join(folder, "expected.html")))
        got = tokens("\n".join(article["paragraphs"])) if article else []
        p, r, f1 = prf(got, expected) if article else (0.0, 0.0, 0.0)
        totals["p"] += p
        totals["r"] += r
        totals["f1"] += f1

        notes = []
        want_title = (meta.get("title") or "").strip()
        if want_title:
            titles += 1
            hit = bool(article) and title_matches(article["title"], want_title)
            title_hits += hit
            if not hit:
                notes.append(f"title {article['title'] if article else None!r} != {want_title!r}")
        want_date = (meta.get("publishedTime") or "").strip()[:10]
        if want_date:
            dates += 1
            got_date = article.get("published") if article else None
            date_hits += got_date == want_date
            if got_date != want_date:
                notes.append(f"date {got_date} != {want_date}")
        if args.verbose:
            print(f"{page:40} F1 {f1:.3f} P {p:.3f} R {r:.3f} words {len(got)}/{len(expected)}"
                  + ("  " + "; ".join(notes) if notes else ""))

    n = len(pages)
    print(
        f"reading: text F1 {totals['f1'] / n:.3f} P {totals['p'] / n:.3f} R {totals['r'] / n:.3f}"
        f" title {title_hits / max(titles, 1):.3f} dates {date_hits}/{dates} pages {n}"
    )


if __name__ == "__main__":
    main()
