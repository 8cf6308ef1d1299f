//! Readers for the training corpora: CoNLL-U treebanks (words and UPOS tags) and the
//! two-column CoNLL files of the open named-entity sets, whose many type schemes are mapped
//! onto ours (person, organisation, location, other) by one function per corpus.

use std::path::Path;

use super::ner::EntType;
use super::pos::{Tagged, UPOS};

/// Sentences of a CoNLL-U file: surface words (multi-word token lines and empty nodes skipped)
/// with their UPOS tags.
pub fn read_conllu(path: &Path) -> std::io::Result<Vec<Tagged>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    let mut cur = Tagged {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Tagged {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols[0].contains(['-', '.']) {
            continue;
        }
        if let Some(t) = UPOS.iter().position(|u| *u == cols[3]) {
            cur.words.push(cols[1].to_string());
            cur.tags.push(t);
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// One sentence of an entity corpus: words and, per word, its entity type and whether it
/// begins a name.
#[derive(Clone, Debug, Default)]
pub struct NerSentence {
    pub words: Vec<String>,
    pub labels: Vec<Option<(EntType, bool)>>,
}

/// How a corpus names its types; `None` for types we do not recognise (time, quantity).
pub type TypeMap = fn(&str) -> Option<EntType>;

/// Sentences of a two-column CoNLL file (word, then the label in the last column; IO or BIO).
pub fn read_conll(path: &Path, map: TypeMap) -> std::io::Result<Vec<NerSentence>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    let mut cur = NerSentence::default();
    let mut prev: Option<EntType> = None;
    for line in text.lines() {
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols.len() < 2 || cols[0] == "-DOCSTART-" {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev = None;
            continue;
        }
        let label = cols[cols.len() - 1];
        let (begin, name) = match label.split_once('-') {
            Some(("B", t)) => (true, t),
            Some(("I", t)) => (false, t),
            _ => (false, ""),
        };
        let ty = if name.is_empty() { None } else { map(name) };
        let begins = ty.is_some() && (begin || prev != ty);
        cur.words.push(cols[0].to_string());
        cur.labels.push(ty.map(|t| (t, begins)));
        prev = ty;
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// CoNLL-2003 style types (wikigold, BTC).
pub fn conll_types(t: &str) -> Option<EntType> {
    match t {
        "PER" => Some(EntType::Per),
        "ORG" => Some(EntType::Org),
        "LOC" => Some(EntType::Loc),
        "MISC" => Some(EntType::Misc),
        _ => None,
    }
}

/// WNUT 2017 emerging entities.
pub fn wnut_types(t: &str) -> Option<EntType> {
    match t {
        "person" => Some(EntType::Per),
        "location" => Some(EntType::Loc),
        "corporation" | "group" => Some(EntType::Org),
        "product" | "creative-work" => Some(EntType::Misc),
        _ => None,
    }
}

/// re3d (defence and security): weapons and military platforms are products.
pub fn re3d_types(t: &str) -> Option<EntType> {
    match t {
        "Person" => Some(EntType::Per),
        "Organisation" => Some(EntType::Org),
        "Location" => Some(EntType::Loc),
        "Weapon" | "MilitaryPlatform" => Some(EntType::Misc),
        _ => None,
    }
}

/// GUM marks every mention, named or not ("the back of my hand" is an object); only its named
/// persons, places and organisations are kept, by [`keep_named`].
pub fn gum_types(t: &str) -> Option<EntType> {
    match t {
        "person" => Some(EntType::Per),
        "place" => Some(EntType::Loc),
        "organization" => Some(EntType::Org),
        _ => None,
    }
}

/// Drops the spans of a mention corpus that are no names: a name here has a capitalised
/// first word and no lower-case word except connectors, after a leading "the".
pub fn keep_named(s: &mut NerSentence) {
    let mut i = 0;
    while i < s.words.len() {
        let Some((ty, _)) = s.labels[i] else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < s.words.len() && s.labels[end].is_some_and(|(t, b)| t == ty && !b) {
            end += 1;
        }
        let mut start = i;
        if s.words[start].eq_ignore_ascii_case("the") {
            s.labels[start] = None;
            start += 1;
        }
        let named = start < end
            && s.words[start]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !matches!(
                s.words[start].as_str(),
                "I" | "He" | "She" | "They" | "We" | "It" | "You"
            )
            && s.words[start..end].iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    || matches!(w.as_str(), "of" | "and" | "de" | "for" | "the" | "on")
            });
        for k in start..end {
            s.labels[k] = named.then_some((ty, k == start));
        }
        i = end;
    }
}

/// Sentences of Universal NER's IOB2 files (`id word label ...`, `#` comment lines).
pub fn read_uner(path: &Path) -> std::io::Result<Vec<NerSentence>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    let mut cur = NerSentence::default();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let label = match cols[2].split_once('-') {
            Some((b, t)) => conll_types(t).map(|ty| (ty, b == "B")),
            None => None,
        };
        cur.words.push(cols[1].to_string());
        cur.labels.push(label);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}
