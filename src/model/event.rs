//! Events: dated happenings with their actors, who acted in them, and where they were read.

use serde::{Deserialize, Serialize};

use super::{Grading, When};

/// One dated happening, with the actors taking part and the sentences that report it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub when: When,
    /// Actor ids, the main participants first.
    pub actors: Vec<String>,
    /// The actors of `actors` who act in this event (the grammatical subject: "Assad" in
    /// "Assad flew to Moscow"); the others took part or were mentioned. Empty when nobody
    /// could be told to act, and in project files written before roles existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agents: Vec<String>,
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

    /// Whether `actor` acts in this event ("acting") rather than only taking part or being
    /// mentioned, for the tooltip and detail panel.
    pub fn is_agent(&self, actor: &str) -> bool {
        self.agents.iter().any(|a| a == actor)
    }

    /// The event's actors with their roles, agents first, in the order of `actors`.
    pub fn roles(&self) -> impl Iterator<Item = (&str, Role)> {
        let agents = self.actors.iter().filter(|a| self.is_agent(a));
        let others = self.actors.iter().filter(|a| !self.is_agent(a));
        agents
            .map(|a| (a.as_str(), Role::Agent))
            .chain(others.map(|a| (a.as_str(), Role::Participant)))
    }
}

/// What part an actor plays in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The one who acts: "acting".
    Agent,
    /// Taking part, acted upon or mentioned: "mentioned".
    Participant,
}

impl Role {
    /// The word the app shows for the role.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agent => "acting",
            Self::Participant => "mentioned",
        }
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
