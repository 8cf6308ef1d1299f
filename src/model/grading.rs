use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The NATO Admiralty grading of a report: how reliable its source is (A–F) and how credible
/// the information itself is (1–6). Written and serialised as two characters, `"B2"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Grading {
    pub reliability: Reliability,
    pub credibility: Credibility,
}

/// Source reliability: A is completely reliable, E unreliable, F cannot be judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

/// Information credibility: 1 is confirmed by other sources, 5 improbable, 6 cannot be judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Credibility {
    Confirmed,
    ProbablyTrue,
    PossiblyTrue,
    Doubtful,
    Improbable,
    CannotBeJudged,
}

impl Reliability {
    pub const ALL: [Self; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    /// The letter, `'A'`..=`'F'`.
    pub fn letter(self) -> char {
        match self {
            Self::A => 'A',
            Self::B => 'B',
            Self::C => 'C',
            Self::D => 'D',
            Self::E => 'E',
            Self::F => 'F',
        }
    }

    /// The standard wording, for tooltips.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::A => "completely reliable",
            Self::B => "usually reliable",
            Self::C => "fairly reliable",
            Self::D => "not usually reliable",
            Self::E => "unreliable",
            Self::F => "reliability cannot be judged",
        }
    }

    pub fn from_letter(c: char) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|r| r.letter() == c.to_ascii_uppercase())
    }
}

impl Credibility {
    pub const ALL: [Self; 6] = [
        Self::Confirmed,
        Self::ProbablyTrue,
        Self::PossiblyTrue,
        Self::Doubtful,
        Self::Improbable,
        Self::CannotBeJudged,
    ];

    /// The digit, 1..=6.
    pub fn number(self) -> u8 {
        match self {
            Self::Confirmed => 1,
            Self::ProbablyTrue => 2,
            Self::PossiblyTrue => 3,
            Self::Doubtful => 4,
            Self::Improbable => 5,
            Self::CannotBeJudged => 6,
        }
    }

    /// The standard wording, for tooltips.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed by other sources",
            Self::ProbablyTrue => "probably true",
            Self::PossiblyTrue => "possibly true",
            Self::Doubtful => "doubtful",
            Self::Improbable => "improbable",
            Self::CannotBeJudged => "truth cannot be judged",
        }
    }

    pub fn from_number(n: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.number() == n)
    }
}

impl Grading {
    pub fn new(reliability: Reliability, credibility: Credibility) -> Self {
        Self {
            reliability,
            credibility,
        }
    }

    /// Both parts in words: "usually reliable source; information probably true".
    pub fn meaning(self) -> String {
        format!(
            "{} source; information {}",
            self.reliability.meaning(),
            self.credibility.meaning()
        )
    }
}

impl fmt::Display for Grading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}",
            self.reliability.letter(),
            self.credibility.number()
        )
    }
}

/// Why a grading code could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an Admiralty grading (a letter A-F then a digit 1-6, like \"B2\")")]
pub struct GradingParseError(pub String);

impl FromStr for Grading {
    type Err = GradingParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut chars = s.trim().chars();
        let parsed = match (chars.next(), chars.next(), chars.next()) {
            (Some(letter), Some(digit), None) => Reliability::from_letter(letter).zip(
                digit
                    .to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .and_then(Credibility::from_number),
            ),
            _ => None,
        };
        parsed
            .map(|(r, c)| Self::new(r, c))
            .ok_or_else(|| GradingParseError(s.to_string()))
    }
}

impl Serialize for Grading {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Grading {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_and_print_as_letter_then_digit() {
        let g: Grading = "b2".parse().unwrap();
        assert_eq!(g, Grading::new(Reliability::B, Credibility::ProbablyTrue));
        assert_eq!(g.to_string(), "B2");
        assert_eq!(
            g.meaning(),
            "usually reliable source; information probably true"
        );
        assert_eq!(serde_json::to_string(&g).unwrap(), "\"B2\"");
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in ["", "B", "G2", "B7", "B0", "B22", "2B"] {
            assert!(bad.parse::<Grading>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Grading>("\"Z9\"").is_err());
    }
}
