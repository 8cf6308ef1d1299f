//! Common nouns that say what kind of party a name or a description is, kept in
//! `assets/lexicon/nouns.tsv` so the vocabulary grows without code changes: head nouns that
//! make a capitalised run a place or an "other" thing ("Kyoto Protocol", "Harris County"), and
//! description nouns that refer back to a party ("the carmaker", "the airline", "the index").

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::ActorKind;

const NOUNS: &str = include_str!("../../../assets/lexicon/nouns.tsv");

/// The lexicon, read once per process.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(NOUNS));

/// What a description noun stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Description {
    pub kind: ActorKind,
    /// Words in a name that show the sector ("Motors" for "the carmaker").
    pub cues: Vec<&'static str>,
}

/// Head nouns and description nouns.
#[derive(Debug, Default)]
pub struct Lexicon {
    // Fx hashing: asked about the last word of every capitalised run, keys are fixed words.
    heads: FxHashMap<&'static str, ActorKind>,
    descriptions: FxHashMap<&'static str, Description>,
    /// Every description's sector cues together.
    cues: FxHashSet<&'static str>,
}

impl Lexicon {
    fn parse(table: &'static str) -> Self {
        let mut lex = Self::default();
        for line in table.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').collect();
            let (Some(&word), Some(&use_), Some(&kind)) =
                (fields.first(), fields.get(1), fields.get(2))
            else {
                continue;
            };
            let Some(kind) = kind_named(kind) else {
                continue;
            };
            match use_ {
                "head" => {
                    lex.heads.insert(word, kind);
                }
                "description" => {
                    let cues = fields
                        .get(3)
                        .map(|c| c.split('|').filter(|w| !w.is_empty()).collect())
                        .unwrap_or_default();
                    let cues: Vec<&'static str> = cues;
                    lex.cues.extend(cues.iter().copied());
                    lex.descriptions.insert(word, Description { kind, cues });
                }
                _ => {}
            }
        }
        lex
    }

    /// The kind a capitalised run ending in `word` names, if the word decides it.
    pub fn head_kind(&self, word: &str) -> Option<ActorKind> {
        self.heads.get(word).copied()
    }

    /// What "the `noun`" refers back to, if it is a description noun.
    pub fn description(&self, noun: &str) -> Option<&Description> {
        self.descriptions.get(noun)
    }

    /// Whether `word` in a name shows a sector of some description noun ("Airlines", "Motors").
    pub fn is_sector_cue(&self, word: &str) -> bool {
        self.cues.contains(word)
    }

    /// Every description noun, for building the pattern that finds them.
    pub fn description_nouns(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.descriptions.keys().copied()
    }
}

fn kind_named(word: &str) -> Option<ActorKind> {
    ActorKind::ALL.into_iter().find(|k| k.as_str() == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_gives_heads_and_descriptions_their_kinds() {
        assert_eq!(LEXICON.head_kind("Protocol"), Some(ActorKind::Other));
        assert_eq!(LEXICON.head_kind("County"), Some(ActorKind::Place));
        assert_eq!(LEXICON.head_kind("Street"), None);
        let carmaker = LEXICON.description("carmaker").expect("a description noun");
        assert_eq!(carmaker.kind, ActorKind::Organisation);
        assert!(carmaker.cues.contains(&"Motors"));
        assert_eq!(
            LEXICON.description("planemaker").map(|d| d.kind),
            Some(ActorKind::Organisation)
        );
        assert!(LEXICON.is_sector_cue("Airlines"));
        assert!(!LEXICON.is_sector_cue("Airbus"));
    }
}
