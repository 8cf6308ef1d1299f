//! What the analyst chose to see: grouping, lane order, hidden lanes, filters. (Hidden events
//! are the project's: a hidden event is left out of its visible timeline.)
//! Plain serde data, so the app can restore the last view on the next start.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::filter::GradeFilter;

/// How events are split into lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grouping {
    /// One lane per actor.
    #[default]
    Actor,
    /// One lane per country or organisation, with the people affiliated to it nested under it.
    Affiliation,
    /// One lane per source article.
    Article,
    /// One lane per kind of actor (people, countries, ...).
    Kind,
}

impl Grouping {
    pub const ALL: [Self; 4] = [Self::Actor, Self::Affiliation, Self::Article, Self::Kind];

    pub fn label(self) -> &'static str {
        match self {
            Self::Actor => "Actor",
            Self::Affiliation => "Affiliation",
            Self::Article => "Article",
            Self::Kind => "Kind",
        }
    }
}

/// The order of lanes (and of groups, when grouping by affiliation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneSort {
    /// By the earliest event in the lane.
    #[default]
    FirstAppearance,
    /// Busiest lane first.
    EventCount,
    /// Alphabetical.
    Name,
}

impl LaneSort {
    pub const ALL: [Self; 3] = [Self::FirstAppearance, Self::EventCount, Self::Name];

    pub fn label(self) -> &'static str {
        match self {
            Self::FirstAppearance => "First appearance",
            Self::EventCount => "Event count",
            Self::Name => "Name",
        }
    }
}

/// Which events are shown at all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Case-insensitive text searched in labels, quotes and actor names.
    pub text: String,
    /// Events ending before this day are hidden.
    pub from: Option<NaiveDate>,
    /// Events starting after this day are hidden.
    pub to: Option<NaiveDate>,
    /// Only events with a source in this article.
    pub article: Option<String>,
    /// Events below this confidence are hidden.
    pub min_confidence: f32,
    /// Show only starred events.
    pub starred_only: bool,
}

impl Filters {
    /// True when no filter narrows the timeline.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.article.is_none()
            && self.min_confidence <= 0.0
            && !self.starred_only
    }
}

/// Everything that decides which lanes exist and what is in them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    pub grouping: Grouping,
    pub sort: LaneSort,
    /// Lane keys the analyst moved by hand, in the order they chose; they come first.
    pub lane_order: Vec<String>,
    /// Lane keys hidden from the plot (still listed in the side panel).
    pub hidden_lanes: BTreeSet<String>,
    /// Event ids the analyst starred.
    pub starred: BTreeSet<String>,
    pub filters: Filters,
    /// The least Admiralty grade shown. Not saved with the view: a grade filter is a
    /// question asked of the reports now, and a reopened view shows every event again.
    #[serde(skip)]
    pub grades: GradeFilter,
}
