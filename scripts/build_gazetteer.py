#!/usr/bin/env python3
"""Regenerate assets/gazetteer/ from the CAMEO / Phoenix actor dictionaries (MIT, Open Event Data).

usage: python3 scripts/build_gazetteer.py [CAMEO_DIR] [OUT_DIR]
       (defaults: /work/shared/corpora/cameo and assets/gazetteer)
       python3 scripts/build_gazetteer.py --order [OUT_DIR]
       (only names.order and compiled.bin, from the tables in OUT_DIR: run it after editing a
       table by hand)

The dictionaries are TABARI blocks: a NAME line (optionally with an inline [CODE]), "+ALIAS"
lines, and indented "[CODE from-to]" role lines. We keep what a news timeline needs and write
compact tab-separated files that the binary embeds with include_str!:

  countries.tsv  code, id, name, aliases       countries + demonyms, capitals, seats of power and
                                               state bodies (GOV/MIL/LEG/... codes) folded in
  orgs.tsv       id, name, kind, affiliation code, aliases   international bodies, companies,
                                               media, NGOs, armed groups (kind "group")
  people.tsv     id, name, affiliation code, aliases  office-holders
  people_roles.tsv  id, roles                  their dated roles (not embedded: nothing reads them yet)
  names.order    the order of the binary's table of names (see write_names_order)
  compiled.bin   the tables as the binary reads them, so it need not parse them at start-up
                 (see write_compiled)
  given_names.txt  first names seen at least twice among the people (for the name patterns)

extras.tsv (hand-kept, not generated) adds the few short forms news uses that CAMEO lacks.
"""
import collections, os, re, sys

DEFAULT_CAMEO = "/work/shared/corpora/cameo"
DEFAULT_OUT = os.path.join(os.path.dirname(__file__), "..", "assets", "gazetteer")

# Display names for countries whose CAMEO block name is a formal or dated one.
DISPLAY = {
    "RUS": "Russia", "USA": "United States", "SYR": "Syria", "GBR": "United Kingdom",
    "IRN": "Iran", "PRK": "North Korea", "KOR": "South Korea", "CHN": "China", "TWN": "Taiwan",
    "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania", "VNM": "Vietnam", "LAO": "Laos",
    "MDA": "Moldova", "MKD": "Macedonia", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "CIV": "Ivory Coast", "PSE": "Palestine", "ARE": "United Arab Emirates",
    "CZE": "Czech Republic", "DEU": "Germany", "ZAF": "South Africa", "MDG": "Madagascar",
    "BRN": "Brunei", "FRA": "France", "SAU": "Saudi Arabia", "TUR": "Turkey",
}
STATE_ROLES = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI")
GROUP_ROLES = ("REB", "INS", "IMG", "UAF", "SEP")
INSTITUTION = re.compile(
    r"\b(MINISTRY|MINISTER|COUNCIL|GOVERNMENT|ARMY|FORCES?|PARTY|FRONT|COMMITTEE|AGENCY|OFFICE|"
    r"COMMISSION|ASSEMBLY|PARLIAMENT|COURT|POLICE|SERVICE|BANK|UNION|ORGANI[SZ]ATION|MOVEMENT|"
    r"ALLIANCE|BRIGADES?|REGIME|STATE|DEPARTMENT|INSTITUTE|ASSOCIATION|CORPS|GUARD|NAVY|"
    r"AIR|SECRETARY|PRESIDENT|CHIEF|OFFICIALS?|CABINET|SENATE|CONGRESS|HOUSE|NATIONAL|GROUP|"
    r"COMPANY|CORPORATION|INC|LTD|OBSERVATORY|LEAGUE|AUTHORITY|CENTER|CENTRE|BUREAU|FEDERATION|MILITARY|STATES|REPUBLIC|KINGDOM|TROOPS|MILITIAS?|REBELS|OPPOSITION|MEDIA|NEWS|RADIO|TV|TELEVISION|PRESS|AIRLINES?|UNIVERSITY|SCHOOL|HOSPITAL|CHURCH|EMBASSY|CONSULATE)\b")
FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "to", "at", "al", "bin", "van", "von", "der", "y"}
CORP_SUFFIX = re.compile(r"\s+(Inc|Corp|Corporation|Co|Company|Ltd|Plc|Llc|Group|Holdings|Sa|Ag|Nv)\.?$", re.I)


def words(raw):
    """CAMEO spelling (UPPER_WITH_UNDERSCORES) to news spelling (Title Case, acronyms kept)."""
    s = raw.strip().strip("_").replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip()
    if not s or not re.search(r"[A-Za-z]", s):
        return ""
    toks = s.split(" ")
    out = []
    for i, t in enumerate(toks):
        low = t.lower()
        if "." in t and len(t) <= 6:
            out.append(t.upper())
        elif len(toks) == 1 and len(t) <= 3 and t.isalpha():
            out.append(t.upper())
        elif i > 0 and low in FUNCTION_WORDS:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() if p else p for p in t.split("-")))
    return " ".join(out)


# Nationality words whose stem differs from the country's name.
IRREGULAR_DEMONYMS = {"dutch", "dutchman", "dutchwoman", "welsh", "welshman", "welshwoman", "scot", "scots",
                      "scotsman", "scotswoman", "briton", "britons", "swiss", "greek", "greeks", "kiwi", "kiwis",
                      "englishman", "englishwoman", "hollander", "netherlander", "motswana", "batswana"}
DEMONYM_END = re.compile(r"(an|ean|ese|ish|i|ic|ch|man|woman|men|women|er|ai|oi)$")
STATE_WORDS = re.compile(r"\b(Republic|Kingdom|Federation|States?|Union|Emirates?|Sultanate|Principality|"
                         r"Commonwealth|Confederation|Democratic|Islamic|People's|Soviet|Federal)\b")


def common_prefix(a, b):
    n = 0
    for x, y in zip(a.lower(), b.lower()):
        if x != y:
            break
        n += 1
    return n


# English short names of countries that share no spelling with the table's display name.
COUNTRY_NAMES = {"America", "Britain", "Great Britain", "Holland", "Persia", "Burma", "Siam", "Deutschland",
                 "Eire", "Ceylon", "Formosa"}


def split_country_aliases(name, aliases):
    """A CAMEO country block lists, without telling them apart, other names of the country
    (spellings, formal and foreign names), nationality words and its cities and regions.
    Nationality words describe ("Syrian"), cities and regions are places of their own
    ("Houston" is not the United States): returns (names, demonyms, places)."""
    import difflib
    first = name.split()[0].lower()
    def spelled_like(a, variants):
        return max(difflib.SequenceMatcher(None, a.lower(), v.lower()).ratio() for v in variants) >= 0.75
    variants = [name] + [a for a in aliases if a in COUNTRY_NAMES or spelled_like(a, [name])]
    own, demonyms, places = [], [], []
    for a in aliases:
        low = a.lower()
        last = a.split()[-1].lower()
        def stem_of(v):
            """The country's own stem opens the word: "Syria-n", "Afghan(istan)", "Thai(land)"."""
            n = common_prefix(a, v)
            return v != a and n >= 3 and (n >= len(v) - 2 or (len(a) < len(v) and n / len(a) >= 0.6))
        if low in IRREGULAR_DEMONYMS or (DEMONYM_END.search(last.rstrip("s")) and a not in COUNTRY_NAMES
                and len(a.split()) <= 2 and not STATE_WORDS.search(a) and (
                any(stem_of(v) for v in variants)
                or (max(common_prefix(a, v) for v in variants if v != a) >= 2 and re.search(r"(ish|ch)$", last)))):
            demonyms.append(a)
        elif (a in variants or spelled_like(a, variants) or re.search(r"\b" + re.escape(first) + r"\b", low)
                or STATE_WORDS.search(a) or a.upper() == a or "." in a or a.startswith("The ")):
            own.append(a)
        else:
            places.append(a)
    return own, demonyms, places


def slug(name):
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s or "actor"


def parse_date(d):
    d = d.strip()
    if not d.isdigit():
        return ""
    if len(d) == 6:
        yy = int(d[:2])
        return f"{1900 + yy if yy > 30 else 2000 + yy}-{d[2:4]}-{d[4:6]}"
    if len(d) == 8:
        return f"{d[:4]}-{d[4:6]}-{d[6:8]}"
    return ""


def parse_roles(text):
    roles = []
    for m in re.finditer(r"\[([A-Z~]*)\s*([^\]]*)\]", text):
        code, span = m.group(1), m.group(2).replace(" ", "")
        lo = hi = ""
        if span.startswith(">"):
            lo = parse_date(span[1:])
        elif span.startswith("<"):
            hi = parse_date(span[1:])
        elif "-" in span:
            a, b = span.split("-", 1)
            lo, hi = parse_date(a), parse_date(b)
        roles.append((code, lo, hi))
    return roles


def blocks(path):
    block = None
    for line in open(path, encoding="utf-8", errors="replace"):
        raw = line.rstrip("\n")
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body = raw.split("#", 1)[0]
        if raw[0] in " \t":
            if block is not None:
                block["roles"] += parse_roles(body)
            continue
        if raw.startswith("+"):
            if block is not None:
                alias = body[1:].split("[", 1)[0]
                block["aliases"].append(alias)
                block["roles"] += parse_roles(body)
            continue
        if block is not None:
            yield block
        name = body.split("[", 1)[0]
        # "# CountryInfo.txt" marks a block taken from CAMEO's list of office-holders: a person
        block = {"name": name, "aliases": [], "roles": parse_roles(body), "inline": parse_roles(body),
                 "info": "CountryInfo" in raw}
    if block is not None:
        yield block


def main(CAMEO, OUT):
    """Writes every table of OUT from the dictionaries in CAMEO."""
    os.makedirs(OUT, exist_ok=True)
    countries = collections.OrderedDict()  # code -> [name, aliases]
    state_bodies = collections.defaultdict(list)
    orgs, people = collections.OrderedDict(), collections.OrderedDict()
    given = collections.Counter()

    cfile = os.path.join(CAMEO, "Phoenix.Countries.actors.txt")
    all_blocks = [(f, b) for f in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                   "Phoenix.MilNonState.actors.txt")
                  for b in blocks(os.path.join(CAMEO, f))]
    def country_code(f, b):
        """A country block carries one undated three-letter code, inline or on its own line."""
        roles = b["roles"]
        if not f.startswith("Phoenix.Countries") or not roles:
            return None
        plain = [r[0] for r in roles if re.fullmatch(r"[A-Z]{3}", r[0])]
        # occupation or transition periods ("[ESTOCC <910820]", "[IRQOCC ...]") keep the country
        if plain and all(r[0][:3] == plain[0] or r[0].endswith(plain[0]) for r in roles) and len(set(r[0] for r in roles)) <= 3:
            return plain[0]
        return None

    for f, b in all_blocks:
        code = country_code(f, b)
        if code:
            name = DISPLAY.get(code) or words(b["name"])
            aliases = [words(a) for a in [b["name"]] + b["aliases"]]
            entry = countries.setdefault(code, [name, []])
            entry[1] += [a for a in aliases if a]
    for f, b in all_blocks:
        if country_code(f, b):
            continue
        name = words(b["name"])
        if name.startswith("The "):
            b["aliases"].append(b["name"])
            name = name[4:]
        if not name or "," in name:
            continue
        codes = [r[0] for r in b["roles"]]
        if not codes:
            continue
        upper = b["name"].upper()
        country = next((c[:3] for c in codes if c[:3] in countries), "")
        is_institution = bool(INSTITUTION.search(upper.replace("_", " ")))
        ntok = len(name.split())
        dated = any(r[1] or r[2] for r in b["roles"])
        if b.get("info") and not is_institution and ntok == 1:
            # a bare given name ("Abdullah", "Khalid") names no one in particular in news text,
            # and folded into the country it made the country collect people's names as aliases
            continue
        is_person = (not is_institution and 2 <= ntok <= 5 and (dated or b.get("info"))
                     and not any(c.startswith(("MNC", "NGO", "IGO", "MED")) and not c[3:] for c in codes))
        if f.startswith("Phoenix.Countries") and not is_institution and (2 <= ntok <= 5 or b.get("info")):
            is_person = True
        elif f.startswith("Phoenix.International") and 2 <= ntok <= 4 and not is_institution and dated:
            is_person = True
        else:
            is_person = is_person and f.startswith("Phoenix.Countries")
        aliases = [words(a) for a in b["aliases"]]
        if is_person:
            aliases = [a for a in aliases if a and not INSTITUTION.search(a.upper())]
            pid = slug(name)
            roles = [r for r in b["roles"] if r[1] or r[2] or r[0][3:] in STATE_ROLES]
            latest = sorted(roles, key=lambda r: r[1] or "0000")
            aff = next((r[0][:3] for r in reversed(latest) if r[0][:3] in countries), country)
            entry = people.setdefault(pid, [name, aff, [], []])
            entry[2] += [f"{r[0]}:{r[1]}..{r[2]}" for r in roles]
            entry[3] += aliases
            first = name.split()[0]
            if first.isalpha() and len(first) > 2:
                given[first] += 1
            continue
        # state bodies fold into their country; everything else is an organisation or a group
        role_tail = [c[3:] for c in codes if c[:3] in countries]
        if f.startswith("Phoenix.Countries") and country and role_tail and all(t[:3] in STATE_ROLES for t in role_tail if t):
            state_bodies[country] += [a for a in [name] + aliases if a]
            continue
        kind = "group" if any(g in c for c in codes for g in GROUP_ROLES) else "organisation"
        display = name
        if any(c.startswith("MNC") for c in codes):
            short = CORP_SUFFIX.sub("", name)
            if short != name:
                aliases.append(short)
        oid = slug(display)
        entry = orgs.setdefault(oid, [display, kind, country if kind == "group" or not f.startswith("Phoenix.International") else "", []])
        entry[3] += [a for a in aliases if a]

    def clean(aliases, name):
        seen, out = {name.lower()}, []
        for a in aliases:
            if len(a) < 2 or a.lower() in seen or "'S " in a.upper() and False:
                continue
            seen.add(a.lower())
            out.append(a)
        return out

    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as w:
        w.write("# code\tid\tname\taliases\tdemonyms\tplaces (derived from CAMEO, see LICENSE-CAMEO.txt)\n")
        for code, (name, aliases) in countries.items():
            own, demonyms, places = split_country_aliases(name, clean(aliases, name))
            own = clean(own + state_bodies.get(code, []), name)
            w.write(f"{code}\t{slug(name)}\t{name}\t{'|'.join(own)}\t{'|'.join(demonyms)}\t{'|'.join(places)}\n")
    with open(os.path.join(OUT, "orgs.tsv"), "w", encoding="utf-8") as w:
        w.write("# id\tname\tkind\taffiliation code\taliases (derived from CAMEO, see LICENSE-CAMEO.txt)\n")
        for oid, (name, kind, aff, aliases) in orgs.items():
            w.write(f"{oid}\t{name}\t{kind}\t{aff}\t{'|'.join(clean(aliases, name))}\n")
    with open(os.path.join(OUT, "people.tsv"), "w", encoding="utf-8") as w:
        w.write("# id\tname\taffiliation code\taliases (derived from CAMEO, see LICENSE-CAMEO.txt)\n")
        for pid, (name, aff, roles, aliases) in people.items():
            w.write(f"{pid}\t{name}\t{aff}\t{'|'.join(clean(aliases, name))}\n")
    # The dated roles are kept beside the table, not in it: the binary embeds people.tsv and
    # reads no role, and scanning them was a third of reading the tables at every start.
    with open(os.path.join(OUT, "people_roles.tsv"), "w", encoding="utf-8") as w:
        w.write("# id\troles CODE:from..to (derived from CAMEO, see LICENSE-CAMEO.txt)\n")
        for pid, (name, aff, roles, aliases) in people.items():
            w.write(f"{pid}\t{';'.join(dict.fromkeys(roles))}\n")
    with open(os.path.join(OUT, "given_names.txt"), "w", encoding="utf-8") as w:
        w.write("# first names seen at least twice among CAMEO office-holders\n")
        for n, c in sorted(given.items()):
            if c >= 2:
                w.write(n + "\n")
    lic = open(os.path.join(CAMEO, "LICENSE"), encoding="utf-8").read()
    with open(os.path.join(OUT, "LICENSE-CAMEO.txt"), "w", encoding="utf-8") as w:
        w.write("countries.tsv, orgs.tsv, people.tsv, people_roles.tsv, given_names.txt and names.order\n"
                "are derived from the CAMEO / Phoenix actor dictionaries of the Open Event Data Alliance\n"
                "by scripts/build_gazetteer.py.\n\n" + lic)
    write_names_order(OUT)
    print(f"countries {len(countries)} orgs {len(orgs)} people {len(people)} given names {sum(1 for c in given.values() if c >= 2)}")


def table_rows(path, n):
    """The rows of a table as the gazetteer reads them: `n` tab-separated fields, other rows
    skipped; none for a missing table (the hand-kept ones when writing elsewhere)."""
    if not os.path.exists(path):
        return
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) == n:
            yield fields


# The white space Rust's `str::trim` removes (the Unicode White_Space property).
RUST_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"

# The tables the compiled table is read from, in the order its header gives their lengths.
SOURCES = ("countries.tsv", "orgs.tsv", "people.tsv", "named.tsv", "extras.tsv")


def rust_slug(name):
    """src/extract/actors/mod.rs `slug`, which names a city's entry (not the `slug` above)."""
    out, dash = [], False
    for c in name:
        if c.isascii() and c.isalnum():
            if dash and out:
                out.append("-")
            dash = False
            out.append(c.lower())
        elif c.isalnum():
            if dash and out:
                out.append("-")
            dash = False
            out.append(c.lower())
        elif c not in "'\u2019.":
            dash = True
    return "".join(out) or "actor"


def read_tables(out):
    """The gazetteer as TablesRead::read (src/extract/actors/gazetteer/tables.rs) reads the
    tables in `out`: entries (id, name, kind, affiliation) in the order they are made, the
    patterns (entry, form, whether a nationality word) in the order they are added, and the
    nationality words. Mirrors it step for step; a test holds the result to the Rust reading."""
    path = lambda f: os.path.join(out, f)
    entries, by_id, patterns, by_form, demonyms = [], {}, [], {}, []

    def add_form(entry, form):
        raw = form.encode()
        if not (raw[:1].isascii() and raw[:1].isalnum() or raw[:1] in b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") \
                or not (raw[-1:].isascii() and raw[-1:].isalnum() or raw[-1:] in b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"):
            form = form.strip(RUST_WHITE_SPACE)
        for the in ("the ", "The "):
            if form.startswith(the):
                form = form[len(the):]
                break
        if len(form.encode()) < 2 or not re.search(r"[A-Za-z]", form):
            return
        if form.lower() in by_form:
            return
        by_form[form.lower()] = len(patterns)
        patterns.append([entry, form, False])
        if " al " in form:
            add_form(entry, form.replace(" al ", " al-"))

    def add(id_, name, kind, affiliation, aliases):
        if id_ not in by_id:
            by_id[id_] = len(entries)
            entries.append((id_, name, kind, affiliation))
        entry = by_id[id_]
        add_form(entry, name)
        for form in aliases.split("|"):
            add_form(entry, form)

    def extras():
        for id_, aliases in table_rows(path("extras.tsv"), 2):
            if id_ in by_id:
                for form in aliases.split("|"):
                    add_form(by_id[id_], form)

    country_by_code, places = {}, []
    for code, id_, name, aliases, country_demonyms, country_places in table_rows(path("countries.tsv"), 6):
        demonyms.extend(d for d in country_demonyms.split("|") if d)
        country_by_code[code] = id_
        add(id_, name, "country", "", aliases)
        add(id_, name, "country", "", country_demonyms)
        places.append((id_, country_places))
    extras()
    for id_, name, kind, code, aliases in table_rows(path("orgs.tsv"), 5):
        kind = "group" if kind == "group" else "organisation"
        add(id_, name, kind, country_by_code.get(code, ""), aliases)
    for id_, name, code, aliases in table_rows(path("people.tsv"), 4):
        add(id_, name, "person", country_by_code.get(code, ""), aliases)
    for id_, name, kind, affiliation, aliases in table_rows(path("named.tsv"), 5):
        kind = kind if kind in ("product", "place", "organisation") else "other"
        add(id_, name, kind, affiliation, aliases)
    for country, places_of_country in places:
        for place in places_of_country.split("|"):
            if len(place.encode()) >= 2 and place.lower() not in by_form:
                add(rust_slug(place), place, "place", country, "")
    extras()
    for demonym in demonyms:
        if demonym.lower() in by_form:
            patterns[by_form[demonym.lower()]][2] = True
    return entries, patterns, demonyms


# The version of compiled.bin's layout, its first number (src/extract/actors/gazetteer/tables.rs).
COMPILED_VERSION = 4

# `NO_KEY` in src/extract/actors/prefixes.rs: a name no other name starts.
NO_KEY = 0xFFFFFFFF


def fingerprint(tables):
    """`fingerprint` in src/extract/actors/gazetteer/tables.rs: each table's bytes eight at a
    time (little-endian, the last group zero-padded), folded into one 64-bit number. The
    binary compares it with the tables it embeds, so an edit that keeps a table's length still
    makes it read the tables rather than a stale compiled.bin."""
    mask = (1 << 64) - 1
    h = 0
    for table in tables:
        for i in range(0, len(table), 8):
            chunk = int.from_bytes(table[i:i + 8].ljust(8, b"\0"), "little")
            h = ((((h << 5) | (h >> 59)) & mask) ^ chunk) * 0x517CC1B727220A95 & mask
    return h
# ActorKind by its number in compiled.bin.
KINDS = ("country", "person", "organisation", "place", "group", "product", "other")


def write_compiled(path, tables, entries, patterns, demonyms, order):
    """compiled.bin: what the binary makes of the tables (see `read_tables`), so that it need
    not split 1.35 MB of rows nor trim, compare and deduplicate ~55k forms at every start. All
    numbers are 32-bit little-endian: the version; the byte lengths of the tables it was made
    from and their `fingerprint` (low half first; the binary reads the tables instead when
    either differs); the numbers of entries,
    patterns and nationality words, the number of slots of the set of first words and of the
    table of forms, the byte length of the names' keys and of the text, the number of patterns
    whose forms are not all ASCII; then each entry (id, name and
    affiliation as offset and length into the text, its kind's number), each pattern (form as
    offset and length, entry, 1 for a nationality word), each nationality word (offset,
    length); the table of names (see `names_table`): each key in key order (offset into the
    keys' bytes, length, pattern), each key's first eight bytes as a big-endian number (low half
    first), each key's longest shorter key (its position, or NO_KEY), the slots of its set of
    first words (see `first_words`, low half first); the entries' numbers in the order of
    their ids' bytes; the slots of the table of all-ASCII forms (see `form_table`); the table of
    names' two-byte buckets (see `buckets`); the numbers of the patterns whose forms are not
    all ASCII; then the keys' bytes one after another in key
    order; then the text, every string once, UTF-8."""
    import struct
    text, at = bytearray(), {}

    def place(s):
        if s not in at:
            at[s] = len(text)
            text.extend(s.encode())
        return at[s], len(s.encode())

    print_ = fingerprint(tables)
    numbers = [COMPILED_VERSION, *map(len, tables), print_ & 0xFFFFFFFF, print_ >> 32,
               len(entries), len(patterns), len(demonyms)]
    body = []
    for id_, name, kind, affiliation in entries:
        body += [*place(id_), *place(name), *place(affiliation), KINDS.index(kind)]
    for entry, form, demonym in patterns:
        body += [*place(form), entry, int(demonym)]
    for demonym in demonyms:
        body += [*place(demonym)]
    keys, shorter = names_table(patterns, order)
    start = 0
    for key, pattern in zip(keys, order):
        body += [start, len(key), pattern]
        start += len(key)
    for key in keys:
        head = int.from_bytes(key[:8].ljust(8, b"\0"), "big")
        body += [head & 0xFFFFFFFF, head >> 32]
    body += shorter
    slots = first_words(keys)
    for slot in slots:
        body += [slot & 0xFFFFFFFF, slot >> 32]
    body += sorted(range(len(entries)), key=lambda e: entries[e][0].encode())
    forms = form_table(patterns)
    body += forms
    body += buckets(keys)
    # the patterns whose forms are not all ASCII, which the table of forms leaves out
    unusual = [p for p, (_, form, _) in enumerate(patterns) if not form.isascii()]
    body += unusual
    key_bytes = b"".join(keys)
    numbers += [len(slots), len(forms), len(key_bytes), len(text), len(unusual)]
    with open(path, "wb") as w:
        w.write(struct.pack(f"<{len(numbers) + len(body)}I", *numbers, *body))
        w.write(key_bytes)
        w.write(bytes(text))


def first_word_key(key):
    """`first_word_key` in src/extract/actors/prefixes.rs, of a lower-cased key: the key's
    leading run of ASCII letters and digits as one number, its first seven bytes from the
    lowest byte up and one more than its length (at most eight) in the highest."""
    run = 0
    while run < min(len(key), 8) and chr(key[run]).isascii() and chr(key[run]).isalnum():
        run += 1
    return int.from_bytes(key[:min(run, 7)], "little") | (run + 1) << 56


def table_shape(count):
    """The slots of an open-addressing table holding `count` keys at most half full (a power of
    two, at least 16: `table_size` in src/extract/actors/number_set.rs), and the shift that
    takes a 64-bit hash's top bits to a slot."""
    size = 16
    while size < 2 * count:
        size *= 2
    return size, 64 - (size.bit_length() - 1)


def first_words(keys):
    """The slots of `NumberSet` (src/extract/actors/number_set.rs) holding every key's
    `first_word_key`: open addressing, a key's first slot the top bits of the key times
    SPREAD, then the next free one; at most half full, at least 16 slots."""
    mask = (1 << 64) - 1
    words = list(dict.fromkeys(first_word_key(k) for k in keys))
    size, shift = table_shape(len(words))
    slots = [0] * size
    for word in words:
        i = (word * 0x9E3779B97F4A7C15 & mask) >> shift
        while slots[i]:
            i = (i + 1) % size
        slots[i] = word
    return slots


def form_hash(key):
    """`form_hash` in src/extract/actors/gazetteer/forms.rs, of an ASCII-lower-cased form: its
    length, then each eight bytes (the last group zero-padded) folded in as `fingerprint`
    folds."""
    mask = (1 << 64) - 1
    h = len(key)
    for i in range(0, len(key), 8):
        chunk = int.from_bytes(key[i:i + 8].ljust(8, b"\0"), "little")
        h = ((((h << 5) | (h >> 59)) & mask) ^ chunk) * 0x517CC1B727220A95 & mask
    return h


def form_table(patterns):
    """The slots of `FormTable` (src/extract/actors/gazetteer/forms.rs) as the binary builds
    it: each all-ASCII form's pattern number plus one, at the first free slot from the top
    bits of its `form_hash` on; at most half full, at least 16 slots."""
    forms = [form.encode().lower() for _, form, _ in patterns]
    ascii_forms = [p for p, (_, form, _) in enumerate(patterns) if form.isascii()]
    size, shift = table_shape(len(ascii_forms))
    slots = [0] * size
    for p in ascii_forms:
        i = form_hash(forms[p]) >> shift
        while slots[i] and forms[slots[i] - 1] != forms[p]:
            i = (i + 1) % size
        if not slots[i]:
            slots[i] = p + 1
    return slots


def names_table(patterns, order):
    """The binary's table of names (`Prefixes` in src/extract/actors/prefixes.rs) as it would
    make it: the patterns' ASCII-lower-cased forms (keys) in `order`, and for each the position
    (in that order) of the longest other key it starts with, or NO_KEY. Shipped so that the
    binary neither sorts nor links ~37k names at every start."""
    keys = [patterns[i][1].encode().lower() for i in order]
    at = {key: k for k, key in enumerate(keys)}
    shorter = []
    for key in keys:
        prefix = next((at[key[:n]] for n in range(len(key) - 1, 0, -1) if key[:n] in at), NO_KEY)
        shorter.append(prefix)
    return keys, shorter


def buckets(keys):
    """The table of names' index by the keys' first two bytes (`by_two_bytes` and `longest_in`
    in src/extract/actors/prefixes.rs), shipped so that the binary need not fill 384 KB of
    fresh memory from the keys at every start: for each two-byte value `a << 8 | b` (the
    second byte 0 for a key of one byte) and one past the last, the position of the first key
    whose first two bytes are that value or greater (65,537 numbers); then for each value the
    length of its longest key, at least 1 and at most 65,535, two to a number (the even
    value's in the low half: 32,768 numbers)."""
    bucket = lambda key: key[0] << 8 | (key[1] if len(key) > 1 else 0)
    first, longest = [], [1] * (1 << 16)
    for k, key in enumerate(keys):
        b = bucket(key)
        while len(first) <= b:
            first.append(k)
        longest[b] = max(longest[b], min(len(key), 0xFFFF))
    first += [len(keys)] * ((1 << 16) + 1 - len(first))
    return first + [longest[i] | longest[i + 1] << 16 for i in range(0, 1 << 16, 2)]


def write_names_order(out):
    """names.order and compiled.bin, from the tables in `out`.

    names.order: the gazetteer's name patterns (every form it matches, numbered in the order
    src/extract/actors/gazetteer.rs adds them) listed by pattern number in the byte order of
    their ASCII-lower-cased forms, which is the order its table of names searches. The binary
    takes this order when it checks out (every pattern once, keys strictly rising) instead of
    sorting ~60k names at every start; when the tables change without this file, it sorts as
    before, only slower.

    compiled.bin: what the binary makes of the tables, see `write_compiled`."""
    path = lambda f: os.path.join(out, f)
    entries, patterns, demonyms = read_tables(out)
    keys = [form.encode().lower() for _, form, _ in patterns]
    order = sorted(range(len(keys)), key=lambda i: (keys[i], i))
    with open(path("names.order"), "w", encoding="utf-8") as w:
        w.write("# generated by scripts/build_gazetteer.py from the tables here: see write_names_order\n")
        w.write("".join(f"{i}\n" for i in order))
    tables = [open(path(f), "rb").read() if os.path.exists(path(f)) else b"" for f in SOURCES]
    write_compiled(path("compiled.bin"), tables, entries, patterns, demonyms, order)
    return len(order)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--order"]:
        # after a hand edit of the tables: python3 scripts/build_gazetteer.py --order [OUT_DIR]
        if len(args) > 2:
            sys.exit(__doc__)
        out = args[1] if len(args) > 1 else DEFAULT_OUT
        print(f"names.order: {write_names_order(out)} patterns")
    else:
        if len(args) > 2 or any(a.startswith("-") for a in args):
            sys.exit(__doc__)
        main(args[0] if args else DEFAULT_CAMEO, args[1] if len(args) > 1 else DEFAULT_OUT)
