//! Timeline + settings → the lanes to draw, each with its events sorted by time.
//!
//! Built once whenever the timeline or the settings change; the per-frame work in
//! [`super::marks`] only binary-searches these sorted lists.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::model::{ActorKind, Event, Modifier, Precision, Timeline};

use super::extent::corpus_period;
use super::filter::EventFilter;
use super::fold::{fold_minor, place_unit};
use super::settings::{
    AUTO_ACTIVITY_ABOVE_LANES, Grouping, LaneSort, MINOR_LANE_EVENTS, ViewSettings,
};
use super::time::{span_of, x_from_date};

/// The lanes of one view.
#[derive(Clone, Debug, Default)]
pub struct LaneSet {
    /// Lanes on the plot, top to bottom.
    pub lanes: Vec<Lane>,
    /// Every lane, hidden or empty ones included, in display order: the side panel's list.
    pub listing: Vec<LaneInfo>,
    /// First and last x covered by a shown event.
    pub extent: Option<(f64, f64)>,
    /// Start x of every shown event, sorted: the overview strip's density.
    pub starts: Vec<f64>,
    /// The corpus's own period ([`super::extent::corpus_period`] of the shown events and the
    /// articles' publication days): what the first view should fit, unlike `extent`, which
    /// a single far-off date stretches.
    pub period: Option<(f64, f64)>,
    /// Shown events outside `period` (indices into `Timeline::events`), still drawn.
    pub outliers: Vec<u32>,
}

/// A lane as the side panel lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneInfo {
    pub key: String,
    pub label: String,
    /// 0 for a top-level lane, 1 for a person nested under a country or organisation.
    pub depth: u8,
    /// Stable index into the palette.
    pub colour: usize,
    /// Events in the lane that pass the filters.
    pub events: usize,
    pub hidden: bool,
}

/// A lane on the plot.
#[derive(Clone, Debug, Default)]
pub struct Lane {
    pub key: String,
    pub label: String,
    pub depth: u8,
    pub colour: usize,
    /// Sorted by `start`.
    pub entries: Vec<Entry>,
    /// The longest `end - start` in the lane, so a window search can start early enough to
    /// catch a long period that began before the window.
    pub max_span: f64,
}

/// One event's place in one lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    pub start: f64,
    pub end: f64,
    /// Index into `Timeline::events`.
    pub event: u32,
    pub style: MarkStyle,
}

/// How an event's date should look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MarkStyle {
    /// Known to lie somewhere in its extent but not exactly when (month only, "late last
    /// month", approximate): drawn faded with soft ends, never as a precise point.
    pub uncertain: bool,
    /// Date inferred from context rather than written: drawn hollow.
    pub inferred: bool,
    /// A definite period with a start and an end: drawn as a solid bar.
    pub period: bool,
    pub starred: bool,
}

impl MarkStyle {
    pub fn of(event: &Event, starred: bool) -> Self {
        let when = &event.when;
        let vague_modifier = when.modifier.is_some_and(|m| {
            !matches!(m, Modifier::Start | Modifier::Mid | Modifier::End)
                || when.precision > Precision::Day
        });
        let coarse = !matches!(
            when.precision,
            Precision::Time | Precision::Day | Precision::Range
        );
        Self {
            uncertain: when.approximate || coarse || vague_modifier,
            inferred: when.inferred,
            period: when.precision == Precision::Range || (!coarse && !when.is_point()),
            starred,
        }
    }
}

/// Lane key for events that name no actor (or no article).
pub const NO_ACTOR_KEY: &str = "none";
/// Lane key of the folded lane holding the minor actors' events.
pub const MINOR_KEY: &str = "minor";

/// Builds the lanes for `settings`.
pub fn build(timeline: &Timeline, settings: &ViewSettings) -> LaneSet {
    let filter = EventFilter::new(settings);
    let actor_index: HashMap<&str, usize> = timeline
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut builder = Builder::new(timeline, settings.grouping, &actor_index);
    // Filtering (the text search lower-cases every label and quote) runs on all cores; only
    // the cheap placement into lanes is sequential.
    let limit = timeline.events.len().min(u32::MAX as usize);
    let passing: Vec<Entry> = timeline.events[..limit]
        .par_iter()
        .enumerate()
        .filter_map(|(index, event)| {
            let (start, end) = span_of(event.when.start, event.when.end);
            filter.passes(timeline, event, start, end).then(|| Entry {
                start,
                end,
                event: index as u32,
                style: MarkStyle::of(event, settings.starred.contains(&event.id)),
            })
        })
        .collect();
    let spans: Vec<(f64, f64)> = passing.iter().map(|e| (e.start, e.end)).collect();
    // A filtered view fits what passes; the whole view also covers the articles' own days.
    let published: Vec<f64> = if settings.filters.is_empty() {
        timeline
            .articles
            .iter()
            .filter_map(|a| a.published.map(x_from_date))
            .collect()
    } else {
        Vec::new()
    };
    let period = corpus_period(&spans, &published);
    let outliers = period.as_ref().map_or_else(Vec::new, |p| {
        p.outliers.iter().map(|&i| passing[i].event).collect()
    });
    let mut starts = Vec::with_capacity(passing.len());
    let mut extent: Option<(f64, f64)> = None;
    let mut keys = Vec::new();
    for entry in passing {
        let event = &timeline.events[entry.event as usize];
        keys.clear();
        builder.keys_of(event, &mut keys);
        for &lane in &keys {
            builder.push(lane, entry);
        }
        starts.push(entry.start);
        extent = Some(extent.map_or((entry.start, entry.end), |(a, b)| {
            (a.min(entry.start), b.max(entry.end))
        }));
    }
    starts.par_sort_unstable_by(f64::total_cmp);
    let (lanes, listing) = builder.finish(settings);
    LaneSet {
        lanes,
        listing,
        extent,
        starts,
        period: period.map(|p| (p.start, p.end)),
        outliers,
    }
}

/// A lane under construction.
pub(super) struct Draft {
    pub(super) key: String,
    pub(super) label: String,
    pub(super) colour: usize,
    /// The lane this one nests under (affiliation grouping).
    parent: Option<usize>,
    pub(super) entries: Vec<Entry>,
}

struct Builder<'a> {
    timeline: &'a Timeline,
    grouping: Grouping,
    actor_index: &'a HashMap<&'a str, usize>,
    drafts: Vec<Draft>,
    by_key: HashMap<String, usize>,
    /// Draft index of each actor's lane, by actor index.
    actor_lane: Vec<usize>,
}

impl<'a> Builder<'a> {
    fn new(
        timeline: &'a Timeline,
        grouping: Grouping,
        actor_index: &'a HashMap<&'a str, usize>,
    ) -> Self {
        let mut builder = Self {
            timeline,
            grouping,
            actor_index,
            drafts: Vec::new(),
            by_key: HashMap::new(),
            actor_lane: Vec::new(),
        };
        match grouping {
            Grouping::Actor | Grouping::Affiliation => {
                for (i, actor) in timeline.actors.iter().enumerate() {
                    let lane = builder.lane(&format!("actor:{}", actor.id), &actor.name, i);
                    builder.actor_lane.push(lane);
                }
                if grouping == Grouping::Affiliation {
                    for (i, _) in timeline.actors.iter().enumerate() {
                        let root = builder.affiliation_root(i);
                        if root != i {
                            let (lane, parent) = (builder.actor_lane[i], builder.actor_lane[root]);
                            builder.drafts[lane].parent = Some(parent);
                        }
                    }
                }
            }
            Grouping::Article => {
                for (i, article) in timeline.articles.iter().enumerate() {
                    let label = if article.title.trim().is_empty() {
                        article.id.as_str()
                    } else {
                        article.title.as_str()
                    };
                    builder.lane(&format!("article:{}", article.id), label, i);
                }
            }
            Grouping::Kind => {}
        }
        builder
    }

    /// The top of `actor`'s affiliation chain (itself when unaffiliated), cycles ignored.
    fn affiliation_root(&self, actor: usize) -> usize {
        let mut current = actor;
        for _ in 0..8 {
            let next = self.timeline.actors[current]
                .affiliation
                .as_deref()
                .and_then(|id| self.actor_index.get(id).copied());
            match next {
                Some(next) if next != actor && next != current => current = next,
                _ => break,
            }
        }
        current
    }

    fn lane(&mut self, key: &str, label: &str, colour: usize) -> usize {
        if let Some(&i) = self.by_key.get(key) {
            return i;
        }
        self.drafts.push(Draft {
            key: key.to_string(),
            label: label.to_string(),
            colour,
            parent: None,
            entries: Vec::new(),
        });
        self.by_key.insert(key.to_string(), self.drafts.len() - 1);
        self.drafts.len() - 1
    }

    fn no_actor_lane(&mut self) -> usize {
        let label = match self.grouping {
            Grouping::Article => "(no source)",
            _ => "(no actor)",
        };
        self.lane(NO_ACTOR_KEY, label, usize::MAX / 2)
    }

    /// The lanes `event` appears in, each once.
    fn keys_of(&mut self, event: &Event, out: &mut Vec<usize>) {
        match self.grouping {
            Grouping::Actor | Grouping::Affiliation => {
                for id in &event.actors {
                    let lane = match self.actor_index.get(id.as_str()) {
                        Some(&i) => self.actor_lane[i],
                        None => self.lane(&format!("actor:{id}"), id, hash_colour(id)),
                    };
                    out.push(lane);
                }
            }
            Grouping::Article => {
                for source in &event.sources {
                    let lane = match self.by_key.get(&format!("article:{}", source.article)) {
                        Some(&i) => i,
                        None => self.lane(
                            &format!("article:{}", source.article),
                            &source.article,
                            hash_colour(&source.article),
                        ),
                    };
                    out.push(lane);
                }
            }
            Grouping::Kind => {
                for id in &event.actors {
                    let kind = self
                        .actor_index
                        .get(id.as_str())
                        .map(|&i| self.timeline.actors[i].kind);
                    let (key, label, colour) = match kind {
                        Some(ActorKind::Person) => ("kind:person", "People", 0),
                        Some(ActorKind::Country) => ("kind:country", "Countries", 1),
                        Some(ActorKind::Organisation) => ("kind:organisation", "Organisations", 2),
                        Some(ActorKind::Group) => ("kind:group", "Groups", 3),
                        Some(ActorKind::Place) => ("kind:place", "Places", 5),
                        Some(ActorKind::Product) => ("kind:product", "Products", 6),
                        Some(ActorKind::Other) | None => ("kind:other", "Other", 4),
                    };
                    out.push(self.lane(key, label, colour));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        if out.is_empty() {
            out.push(self.no_actor_lane());
        }
    }

    fn push(&mut self, lane: usize, entry: Entry) {
        self.drafts[lane].entries.push(entry);
    }

    /// Orders groups and lanes, folds the minor ones, drops hidden and empty ones from the plot.
    fn finish(mut self, settings: &ViewSettings) -> (Vec<Lane>, Vec<LaneInfo>) {
        // Keys are unique (an event appears once per lane), so an unstable sort is deterministic.
        self.drafts.par_iter_mut().for_each(|draft| {
            draft
                .entries
                .sort_unstable_by(|a, b| a.start.total_cmp(&b.start).then(a.event.cmp(&b.event)));
        });
        let mut drafts = std::mem::take(&mut self.drafts);
        let counts: Vec<usize> = drafts.iter().map(|d| d.entries.len()).collect();
        let articles = self.article_counts(&drafts);
        let units = self.ordered_units(&drafts, settings, &articles);
        let unit_events = |unit: &[usize]| unit.iter().map(|&i| counts[i]).sum::<usize>();
        let busy_units = units.iter().filter(|u| unit_events(u) > 0).count();
        let fold = !settings.show_minor_lanes
            && matches!(self.grouping, Grouping::Actor | Grouping::Affiliation)
            && busy_units > AUTO_ACTIVITY_ABOVE_LANES;
        let manual: HashSet<&str> = settings.lane_order.iter().map(String::as_str).collect();
        let is_minor = |unit: &[usize]| {
            let events = unit_events(unit);
            fold && (1..=MINOR_LANE_EVENTS).contains(&events)
                && drafts[unit[0]].key != NO_ACTOR_KEY
                && !manual.contains(drafts[unit[0]].key.as_str())
        };
        let (minor, major): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
            units.into_iter().partition(|u| is_minor(u));
        let mut lanes = Vec::new();
        let mut listing = Vec::new();
        // "(no actor)" closes the list, after the folded lane.
        let (rest, no_actor): (Vec<Vec<usize>>, Vec<Vec<usize>>) = major
            .into_iter()
            .partition(|u| drafts[u[0]].key != NO_ACTOR_KEY);
        // `None` stands for the folded lane's place.
        let order = rest
            .iter()
            .map(Some)
            .chain(std::iter::once(None))
            .chain(no_actor.iter().map(Some));
        for unit in order {
            let (lanes, listing) = (&mut lanes, &mut listing);
            match unit {
                Some(unit) => place_unit(&mut drafts, unit, &counts, settings, lanes, listing),
                None if minor.is_empty() => {}
                None => fold_minor(&mut drafts, &minor, &counts, settings, lanes, listing),
            }
        }
        (lanes, listing)
    }

    /// How many distinct articles report the events of each draft: corroboration.
    fn article_counts(&self, drafts: &[Draft]) -> Vec<usize> {
        let events = &self.timeline.events;
        drafts
            .par_iter()
            .map(|draft| {
                let mut seen: HashSet<&str> = HashSet::new();
                for entry in &draft.entries {
                    if let Some(event) = events.get(entry.event as usize) {
                        seen.extend(event.sources.iter().map(|s| s.article.as_str()));
                    }
                }
                seen.len()
            })
            .collect()
    }

    /// Lanes grouped into units (a head and the lanes nested under it), units and their
    /// members in display order.
    fn ordered_units(
        &self,
        drafts: &[Draft],
        settings: &ViewSettings,
        articles: &[usize],
    ) -> Vec<Vec<usize>> {
        let first = |i: usize| drafts[i].entries.first().map_or(f64::INFINITY, |e| e.start);
        let count = |i: usize| drafts[i].entries.len();
        // Events count once; each distinct article reporting them counts twice more.
        let activity = |i: usize| (count(i) + 2 * articles[i]) as f64;
        // Each unit is a head lane followed by the lanes nested under it.
        let mut units: Vec<Vec<usize>> = Vec::new();
        let mut unit_of_head: HashMap<usize, usize> = HashMap::new();
        for (i, draft) in drafts.iter().enumerate() {
            let head = draft.parent.unwrap_or(i);
            let unit = *unit_of_head.entry(head).or_insert_with(|| {
                units.push(vec![head]);
                units.len() - 1
            });
            if head != i {
                units[unit].push(i);
            }
        }
        let busy = units
            .iter()
            .filter(|u| u.iter().any(|&i| count(i) > 0))
            .count();
        let sort = settings.sort.resolved(busy);
        let order_key = |members: &[usize]| -> (bool, f64, f64, String) {
            let by_first = members
                .iter()
                .map(|&i| first(i))
                .fold(f64::INFINITY, f64::min);
            let by_count = members.iter().map(|&i| count(i)).sum::<usize>() as f64;
            let name = drafts[members[0]].label.to_lowercase();
            // "(no actor)" goes last whatever the order.
            let last = drafts[members[0]].key == NO_ACTOR_KEY;
            match sort {
                LaneSort::Activity => {
                    let score: f64 = members.iter().map(|&i| activity(i)).sum();
                    (last, -score, by_first, name)
                }
                LaneSort::EventCount => (last, -by_count, by_first, name),
                LaneSort::Name => (last, 0.0, 0.0, name),
                LaneSort::FirstAppearance | LaneSort::Automatic => {
                    (last, by_first, -by_count, name)
                }
            }
        };
        // A map, not a search of the list per lane: thousands of lanes stay linear.
        let positions: HashMap<&str, usize> = settings
            .lane_order
            .iter()
            .enumerate()
            .map(|(p, k)| (k.as_str(), p))
            .collect();
        let manual = |i: usize| {
            positions
                .get(drafts[i].key.as_str())
                .copied()
                .unwrap_or(usize::MAX)
        };
        for unit in &mut units {
            let (head, members) = unit.split_at_mut(1);
            let _ = head;
            members.sort_by(|&a, &b| {
                manual(a).cmp(&manual(b)).then_with(|| {
                    order_key(&[a])
                        .partial_cmp(&order_key(&[b]))
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
            });
        }
        units.sort_by(|a, b| {
            manual(a[0]).cmp(&manual(b[0])).then_with(|| {
                order_key(a)
                    .partial_cmp(&order_key(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
        });
        units
    }
}

/// A palette index for a lane with no actor or article record, stable across runs.
pub(super) fn hash_colour(text: &str) -> usize {
    text.bytes()
        .fold(5381usize, |h, b| h.wrapping_mul(33) ^ usize::from(b))
        % 97
}

/// The manual lane order after moving `key` by `delta` places among the top-level lanes.
pub fn moved(listing: &[LaneInfo], key: &str, delta: isize) -> Vec<String> {
    let tops: Vec<&LaneInfo> = listing.iter().filter(|l| l.depth == 0).collect();
    let nested_parent = listing.iter().position(|l| l.key == key).and_then(|i| {
        (listing[i].depth > 0).then(|| listing[..i].iter().rposition(|l| l.depth == 0))?
    });
    let mut order: Vec<String> = match nested_parent {
        // Moving a nested lane reorders it among its siblings only.
        Some(parent) => listing[parent + 1..]
            .iter()
            .take_while(|l| l.depth > 0)
            .map(|l| l.key.clone())
            .collect(),
        None => tops.iter().map(|l| l.key.clone()).collect(),
    };
    if let Some(from) = order.iter().position(|k| k == key) {
        let to = (from as isize + delta).clamp(0, order.len() as isize - 1) as usize;
        let item = order.remove(from);
        order.insert(to, item);
    }
    if nested_parent.is_some() {
        // Keep the top-level order as shown, then the siblings' new order.
        let mut all: Vec<String> = tops.iter().map(|l| l.key.clone()).collect();
        all.extend(order);
        return all;
    }
    order
}
