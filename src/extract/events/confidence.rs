//! How sure an event is: an explicit day with named actors scores high; a date carried over
//! from the narrative, or actors known only by a pronoun, lower.

use crate::model::{Precision, When};

/// How the actors of an event were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorEvidence {
    /// At least one actor named in the clause.
    Named,
    /// Only pronouns, descriptions or the sentence's sayer.
    Indirect,
    None,
}

/// Confidence in [0, 1].
pub fn confidence(when: &When, actors: ActorEvidence) -> f32 {
    let date: f32 = if when.inferred {
        0.45
    } else {
        match when.precision {
            Precision::Time | Precision::Day => 0.9,
            Precision::Week | Precision::Month => 0.75,
            Precision::Season | Precision::Quarter | Precision::Half | Precision::Range => 0.65,
            Precision::Year => 0.6,
            Precision::Decade | Precision::Century => 0.4,
        }
    };
    let date = if when.approximate { date * 0.85 } else { date };
    let actors = match actors {
        ActorEvidence::Named => 1.0,
        ActorEvidence::Indirect => 0.85,
        ActorEvidence::None => 0.6,
    };
    (date * actors).clamp(0.0, 1.0)
}
