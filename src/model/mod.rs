//! The data every other module speaks: articles, actors, events and their dates.
//!
//! These types serialise to the `chronolane extract --json` contract of
//! `ARCHITECTURE.md`; they know nothing about files or screens.

mod actor;
mod article;
pub mod contract;
mod event;
mod grading;
pub(crate) mod json;
mod when;

pub use actor::{Actor, ActorKind, MentionRef};
pub use article::{Article, ArticleFormat};
pub use event::{Event, Role, SourceRef};
pub use grading::{Credibility, Grading, GradingParseError, Reliability};
pub use when::{MONTH_NAMES, Modifier, Precision, WEEKDAY_NAMES, When};

use serde::{Deserialize, Serialize};

/// Everything extracted from a set of inputs: the timeline the app draws and `extract` prints.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
}

impl Timeline {
    /// The actor with this id, if any.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The article with this id, if any.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}
