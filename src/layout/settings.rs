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
    /// [`Self::FirstAppearance`] for a small timeline, where the story reads left to right
    /// and top to bottom; [`Self::Activity`] above [`AUTO_ACTIVITY_ABOVE_LANES`] lanes, where
    /// sorting by first appearance puts whoever a background paragraph named first on top.
    #[default]
    Automatic,
    /// By the earliest event in the lane.
    FirstAppearance,
    /// The main actors first: events plus, weighted more, the distinct articles reporting
    /// them, so an actor many sources corroborate outranks one a single article repeats.
    Activity,
    /// Busiest lane first.
    EventCount,
    /// Alphabetical.
    Name,
}

/// Above this many lanes, [`LaneSort::Automatic`] sorts by activity and lanes of at most
/// [`MINOR_LANE_EVENTS`] events fold into one "Other actors" lane.
pub const AUTO_ACTIVITY_ABOVE_LANES: usize = 30;
/// Lanes with at most this many events are minor on a large timeline.
pub const MINOR_LANE_EVENTS: usize = 2;

impl LaneSort {
    pub const ALL: [Self; 5] = [
        Self::Automatic,
        Self::FirstAppearance,
        Self::Activity,
        Self::EventCount,
        Self::Name,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Automatic => "Automatic",
            Self::FirstAppearance => "First appearance",
            Self::Activity => "Activity and sources",
            Self::EventCount => "Event count",
            Self::Name => "Name",
        }
    }

    /// The order actually used for a view of `lanes` lanes.
    pub fn resolved(self, lanes: usize) -> Self {
        match self {
            Self::Automatic if lanes > AUTO_ACTIVITY_ABOVE_LANES => Self::Activity,
            Self::Automatic => Self::FirstAppearance,
            other => other,
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
    /// Show only the digest's key events (`ViewSettings::key_events`): the dates that matter,
    /// each by its most representative reports.
    pub key_events_only: bool,
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
            && !self.key_events_only
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
    /// Ids of the key events, filled by the view from the digest while
    /// `filters.key_events_only` is on; worked out anew for every timeline, so never saved.
    #[serde(skip)]
    pub key_events: BTreeSet<String>,
    pub filters: Filters,
    /// Show every minor actor in a lane of its own. Off by default: on a timeline with more
    /// than [`AUTO_ACTIVITY_ABOVE_LANES`] lanes, actors with at most [`MINOR_LANE_EVENTS`]
    /// events share one "Other actors (N)" lane at the bottom.
    pub show_minor_lanes: bool,
    /// The least Admiralty grade shown. Not saved with the view: a grade filter is a
    /// question asked of the reports now, and a reopened view shows every event again.
    #[serde(skip)]
    pub grades: GradeFilter,
}
