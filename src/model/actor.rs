//! Actors: the parties a timeline has lanes for, what kind each is, and where the texts
//! name them.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Someone or something that acts in events: each actor is one lane of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    /// The name shown on the lane: the fullest form seen ("Sergei Lavrov").
    pub name: String,
    pub kind: ActorKind,
    /// Every other form the texts used for this actor ("Lavrov", "the foreign minister").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The actor this one belongs to (a person's country), so lanes can nest.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// Every place the articles refer to this actor (names, short forms, descriptions,
    /// pronouns), so recognition can be scored and a reader can see each one highlighted.
    /// Absent from older project files and from hand-made actors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<MentionRef>,
}

/// One reference to an actor: a byte range into an article's text, as read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionRef {
    /// The article's id, one copy shared by all the article's mentions, because a long text
    /// has hundreds of thousands of them.
    #[serde(with = "shared_str")]
    pub article: Arc<str>,
    pub start: usize,
    pub end: usize,
}

/// A shared string read and written as a plain JSON string (serde's own impls for `Arc` need
/// a feature the project does not enable).
mod shared_str {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<str>, D::Error> {
        String::deserialize(deserializer).map(Arc::from)
    }
}

impl Actor {
    /// Whether `form` names this actor, case-insensitively.
    pub fn is_named(&self, form: &str) -> bool {
        self.name.eq_ignore_ascii_case(form)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(form))
    }
}

/// What kind of entity an actor is; decides grouping and how lanes nest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Country,
    /// A city or region: its own actor, affiliated to its country, never merged into it.
    Place,
    /// Companies, ministries, unions, agencies.
    Organisation,
    /// Armed groups.
    Group,
    /// A made thing news follows by name: an aircraft, a phone, a car model.
    Product,
    /// Other named things news follows: market indices, programmes, treaties.
    Other,
}

impl ActorKind {
    /// Every kind, in the order an editor lists them.
    pub const ALL: [ActorKind; 7] = [
        Self::Person,
        Self::Country,
        Self::Place,
        Self::Organisation,
        Self::Group,
        Self::Product,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Country => "country",
            Self::Place => "place",
            Self::Organisation => "organisation",
            Self::Group => "group",
            Self::Product => "product",
            Self::Other => "other",
        }
    }
}
