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
    Organisation,
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Country => "country",
            Self::Organisation => "organisation",
            Self::Group => "group",
        }
    }
}
