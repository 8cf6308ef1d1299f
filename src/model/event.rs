use serde::{Deserialize, Serialize};

use super::{Grading, When};

/// One dated happening, with the actors taking part and the sentences that report it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub when: When,
    /// Actor ids, the main participants first.
    pub actors: Vec<String>,
    /// A short phrase for tooltips and captions (at most 12 words).
    pub label: String,
    /// Every report of this happening; more than one means it is corroborated.
    pub sources: Vec<SourceRef>,
    /// How explicit the date and the actors were, in [0, 1].
    pub confidence: f32,
}

impl Event {
    /// How many sources report this event.
    pub fn corroboration(&self) -> usize {
        self.sources.len()
    }
}

/// Where an event was read: a sentence of an article, by byte range into the article's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    /// The time expression that dated the event, as a byte range into the article's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timex: Option<(usize, usize)>,
    /// The analyst's Admiralty grading of this report (set by a project, never by extraction);
    /// absent from the JSON when ungraded, so the extract contract is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grading: Option<Grading>,
}
