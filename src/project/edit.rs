//! The analyst's corrections, one operation each, keyed by the stable ids extraction gives
//! events and actors, so they can be replayed on a fresh extraction of the same articles.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{ActorKind, Event, Grading, Precision, SourceRef, When};

/// One correction. Applying the log of edits, in order, to the extracted timeline gives what
/// the analyst sees; undo drops an edit from the log and replays, so every edit is reversible.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Re-date an event (day, month, year or an explicit range; see [`DateChoice`]).
    SetDate {
        event: String,
        when: When,
    },
    /// Replace an event's actors (ids, main participant first).
    SetActors {
        event: String,
        actors: Vec<String>,
    },
    SetLabel {
        event: String,
        label: String,
    },
    /// Keep the event but leave it off the timeline and exports.
    Hide {
        event: String,
    },
    Unhide {
        event: String,
    },
    /// Drop the event altogether (undo brings it back).
    Delete {
        event: String,
    },
    /// An event the analyst adds by hand, with an optional note saying where it came from.
    AddEvent {
        event: Event,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Attach (or, with `None`, remove) the analyst's note on an event.
    SetNote {
        event: String,
        note: Option<String>,
    },
    /// Put an event on the briefing list at `position` (the end when `None`); starring an event
    /// already on the list moves it.
    Star {
        event: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    Unstar {
        event: String,
    },
    /// Grade a whole article or one report (`None` clears the grading).
    Grade {
        target: GradeTarget,
        grading: Option<Grading>,
    },
    /// Change the name shown on an actor's lane; the old name stays as an alias.
    RenameActor {
        actor: String,
        name: String,
    },
    /// Fold `from` into `into`: its name and aliases become aliases of `into`, and its events,
    /// affiliates and colour move over.
    MergeActors {
        into: String,
        from: String,
    },
    /// Make `alias` of `actor` an actor of its own, with id `new_actor`; events whose sources
    /// name only that alias move to it.
    SplitAlias {
        actor: String,
        alias: String,
        new_actor: String,
    },
    SetActorKind {
        actor: String,
        kind: ActorKind,
    },
    SetAffiliation {
        actor: String,
        affiliation: Option<String>,
    },
    /// The lane colour (`None` goes back to the automatic one).
    SetColour {
        actor: String,
        colour: Option<Colour>,
    },
}

impl Edit {
    /// A short phrase for menus and reports ("Undo rename actor putin").
    pub fn describe(&self) -> String {
        match self {
            Self::SetDate { event, when } => format!("re-date event {event} to {}", when.value),
            Self::SetActors { event, .. } => format!("change the actors of event {event}"),
            Self::SetLabel { event, .. } => format!("relabel event {event}"),
            Self::Hide { event } => format!("hide event {event}"),
            Self::Unhide { event } => format!("show event {event}"),
            Self::Delete { event } => format!("delete event {event}"),
            Self::AddEvent { event, .. } => format!("add event {}", event.id),
            Self::SetNote { event, .. } => format!("note on event {event}"),
            Self::Star { event, .. } => format!("star event {event}"),
            Self::Unstar { event } => format!("unstar event {event}"),
            Self::Grade { target, grading } => match grading {
                Some(g) => format!("grade {target} {g}"),
                None => format!("clear the grading of {target}"),
            },
            Self::RenameActor { actor, name } => format!("rename actor {actor} to {name:?}"),
            Self::MergeActors { into, from } => format!("merge actor {from} into {into}"),
            Self::SplitAlias { actor, alias, .. } => {
                format!("split {alias:?} off actor {actor}")
            }
            Self::SetActorKind { actor, kind } => {
                format!("make actor {actor} a {}", kind.as_str())
            }
            Self::SetAffiliation { actor, .. } => format!("change the affiliation of {actor}"),
            Self::SetColour { actor, .. } => format!("recolour actor {actor}"),
        }
    }
}

/// What a grading applies to: every report from an article, or one report (a sentence range
/// of an article, whichever events cite it). A report's own grading wins over its article's.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GradeTarget {
    Article {
        article: String,
    },
    Source {
        article: String,
        start: usize,
        end: usize,
    },
}

impl GradeTarget {
    /// The report a source points at (the tooltip's "grade this report").
    pub fn report(source: &SourceRef) -> Self {
        Self::Source {
            article: source.article.clone(),
            start: source.start,
            end: source.end,
        }
    }
}

impl fmt::Display for GradeTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Article { article } => write!(f, "article {article}"),
            Self::Source {
                article,
                start,
                end,
            } => write!(f, "report {article}[{start}..{end}]"),
        }
    }
}

/// A date as the analyst picks it in the editor; [`DateChoice::to_when`] gives the [`When`]
/// stored in [`Edit::SetDate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateChoice {
    Day(NaiveDate),
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    /// First and last day, inclusive.
    Range {
        start: NaiveDate,
        end: NaiveDate,
    },
}

impl DateChoice {
    /// The date range and precision this choice covers; `None` for an impossible month or a
    /// range that ends before it starts.
    pub fn to_when(self) -> Option<When> {
        match self {
            Self::Day(date) => Some(When::day(date)),
            Self::Month { year, month } => When::from_timex(&format!("{year:04}-{month:02}"), None),
            Self::Year(year) => When::from_timex(&format!("{year:04}"), None),
            Self::Range { start, end } if start <= end => Some(When {
                start,
                end,
                precision: Precision::Range,
                modifier: None,
                approximate: false,
                // An ISO 8601 interval: TIMEX3 has no single value for an arbitrary span.
                value: format!("{start}/{end}"),
                inferred: false,
            }),
            Self::Range { .. } => None,
        }
    }

    /// The choice that best describes an existing date, to pre-fill the editor.
    pub fn from_when(when: &When) -> Self {
        match when.precision {
            Precision::Day | Precision::Time if when.is_point() => Self::Day(when.start),
            Precision::Month if when.start.month() == when.end.month() => Self::Month {
                year: when.start.year(),
                month: when.start.month(),
            },
            Precision::Year if when.start.year() == when.end.year() => {
                Self::Year(when.start.year())
            }
            _ => Self::Range {
                start: when.start,
                end: when.end,
            },
        }
    }
}

/// An actor's lane colour, written `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Colour(pub [u8; 3]);

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// Why a colour could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a colour (expected #rrggbb)")]
pub struct ColourParseError(pub String);

impl FromStr for Colour {
    type Err = ColourParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ColourParseError(s.to_string());
        let hex = s.trim().strip_prefix('#').ok_or_else(bad)?;
        if hex.len() != 6 || !hex.is_ascii() {
            return Err(bad());
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok(Self([channel(0)?, channel(2)?, channel(4)?]))
    }
}

impl Serialize for Colour {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn date_choices_cover_their_whole_extent() {
        let month = DateChoice::Month {
            year: 2024,
            month: 2,
        }
        .to_when()
        .unwrap();
        assert_eq!(
            (month.start, month.end, month.precision),
            (date("2024-02-01"), date("2024-02-29"), Precision::Month)
        );
        let year = DateChoice::Year(2015).to_when().unwrap();
        assert_eq!(
            (year.start, year.end),
            (date("2015-01-01"), date("2015-12-31"))
        );
        let range = DateChoice::Range {
            start: date("2015-10-01"),
            end: date("2015-10-09"),
        }
        .to_when()
        .unwrap();
        assert_eq!(range.precision, Precision::Range);
        assert_eq!(range.days(), 9);
        assert_eq!(
            DateChoice::from_when(&range),
            DateChoice::Range {
                start: date("2015-10-01"),
                end: date("2015-10-09"),
            }
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(
            DateChoice::Month {
                year: 2024,
                month: 13
            }
            .to_when()
            .is_none()
        );
        let backwards = DateChoice::Range {
            start: date("2015-10-09"),
            end: date("2015-10-01"),
        };
        assert!(backwards.to_when().is_none());
    }

    #[test]
    fn edits_serialise_as_tagged_operations() {
        let edit = Edit::SetColour {
            actor: "nato".into(),
            colour: Some("#1f77B4".parse().unwrap()),
        };
        let json = serde_json::to_value(&edit).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"op": "set_colour", "actor": "nato", "colour": "#1f77b4"})
        );
        assert_eq!(serde_json::from_value::<Edit>(json).unwrap(), edit);
        let grade = Edit::Grade {
            target: GradeTarget::Source {
                article: "a2".into(),
                start: 0,
                end: 46,
            },
            grading: Some("A1".parse().unwrap()),
        };
        assert_eq!(
            serde_json::to_value(&grade).unwrap(),
            serde_json::json!({"op": "grade", "grading": "A1",
                "target": {"kind": "source", "article": "a2", "start": 0, "end": 46}})
        );
        assert!("1f77b4".parse::<Colour>().is_err());
        assert!("#1f77b".parse::<Colour>().is_err());
    }
}
