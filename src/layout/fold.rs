//! Placing ordered lanes on the plot and in the side panel's list, folding the minor
//! actors of a large timeline into one "Other actors (N)" lane, and choosing which rows of
//! that list a search shows.

use std::collections::HashMap;

use crate::model::Timeline;

use super::lanes::{Draft, Entry, Lane, LaneInfo, MINOR_KEY, hash_colour};
use super::settings::ViewSettings;

/// The rows of the side panel's lane list (indices into `listing`) for the search `query`:
/// with no query, every lane with events but the members folded into "Other actors (N)"
/// (hundreds of one-event actors would bury the main ones; the fold's own row stands for
/// them). A lane with no events (a country that is only the affiliation of its people) is left
/// out, unless it heads members that have some; [`empty_lanes`] counts what was left out. With
/// a query, every lane whose name or one of whose actor's aliases contains it,
/// case-insensitively, folded members and empty lanes included. Worked out when the query or
/// the lanes change, not per frame.
pub fn listed_rows(timeline: &Timeline, listing: &[LaneInfo], query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        let mut rows = Vec::with_capacity(listing.len());
        for unit in units(listing) {
            if listing[unit.start].key == MINOR_KEY {
                rows.push(unit.start);
                continue;
            }
            let busy = |i: &usize| listing[*i].events > 0;
            if unit.clone().any(|i| busy(&i)) {
                rows.push(unit.start);
                rows.extend((unit.start + 1..unit.end).filter(busy));
            }
        }
        return rows;
    }
    let actors: HashMap<&str, &[String]> = timeline
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.aliases.as_slice()))
        .collect();
    let has = |text: &str| text.to_lowercase().contains(&query);
    listing
        .iter()
        .enumerate()
        .filter(|(_, info)| {
            has(&info.label)
                || (info.key.strip_prefix("actor:"))
                    .and_then(|id| actors.get(id))
                    .is_some_and(|aliases| aliases.iter().any(|a| has(a)))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Lanes with no events that the unsearched lane list leaves out (see [`listed_rows`]).
pub fn empty_lanes(listing: &[LaneInfo]) -> usize {
    listing.len().saturating_sub(listed_rows_len(listing))
}

/// How many rows the unsearched list shows, counting a fold's members as listed (they are
/// one search away and have events).
fn listed_rows_len(listing: &[LaneInfo]) -> usize {
    units(listing)
        .map(|unit| {
            if listing[unit.start].key == MINOR_KEY {
                return unit.len();
            }
            let busy = (unit.start + 1..unit.end)
                .filter(|&i| listing[i].events > 0)
                .count();
            if busy > 0 || listing[unit.start].events > 0 {
                busy + 1
            } else {
                0
            }
        })
        .sum()
}

/// The listing split into units: a top-level row and the rows nested under it.
fn units(listing: &[LaneInfo]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= listing.len() {
            return None;
        }
        let nested = (listing[start + 1..].iter())
            .take_while(|l| l.depth > 0)
            .count();
        let unit = start..start + 1 + nested;
        start = unit.end;
        Some(unit)
    })
}

/// Lists `unit` (a head and the lanes nested under it) and puts its visible lanes on the plot.
pub(super) fn place_unit(
    drafts: &mut [Draft],
    unit: &[usize],
    counts: &[usize],
    settings: &ViewSettings,
    lanes: &mut Vec<Lane>,
    listing: &mut Vec<LaneInfo>,
) {
    let head_hidden = settings.hidden_lanes.contains(&drafts[unit[0]].key);
    let unit_events: usize = unit.iter().map(|&i| counts[i]).sum();
    for (position, &i) in unit.iter().enumerate() {
        let draft = &mut drafts[i];
        let depth = u8::from(position > 0);
        let hidden = settings.hidden_lanes.contains(&draft.key) || head_hidden;
        listing.push(LaneInfo {
            key: draft.key.clone(),
            label: draft.label.clone(),
            depth,
            colour: draft.colour,
            events: counts[i],
            hidden,
        });
        // A group's head stays as a header while any member has events.
        let has_events = if position == 0 {
            unit_events > 0
        } else {
            counts[i] > 0
        };
        if hidden || !has_events {
            continue;
        }
        let entries = std::mem::take(&mut draft.entries);
        lanes.push(Lane {
            key: draft.key.clone(),
            label: draft.label.clone(),
            depth,
            colour: draft.colour,
            max_span: max_span(&entries),
            entries,
        });
    }
}

/// The minor units' lanes folded into one "Other actors (N)" lane: listed under its header
/// (so search still finds each actor), drawn as one lane holding each of their events once.
pub(super) fn fold_minor(
    drafts: &mut [Draft],
    minor: &[Vec<usize>],
    counts: &[usize],
    settings: &ViewSettings,
    lanes: &mut Vec<Lane>,
    listing: &mut Vec<LaneInfo>,
) {
    let members: Vec<usize> = minor.iter().flatten().copied().collect();
    let mut entries: Vec<Entry> = members
        .iter()
        .filter(|&&i| !settings.hidden_lanes.contains(&drafts[i].key))
        .flat_map(|&i| drafts[i].entries.iter().copied())
        .collect();
    entries.sort_unstable_by(|a, b| a.start.total_cmp(&b.start).then(a.event.cmp(&b.event)));
    // An event naming two minor actors is one mark, not two.
    entries.dedup_by_key(|e| e.event);
    let hidden = settings.hidden_lanes.contains(MINOR_KEY);
    let label = format!("Other actors ({})", minor.len());
    let colour = hash_colour(MINOR_KEY);
    listing.push(LaneInfo {
        key: MINOR_KEY.to_string(),
        label: label.clone(),
        depth: 0,
        colour,
        events: entries.len(),
        hidden,
    });
    for &i in &members {
        listing.push(LaneInfo {
            key: drafts[i].key.clone(),
            label: drafts[i].label.clone(),
            depth: 1,
            colour: drafts[i].colour,
            events: counts[i],
            hidden: hidden || settings.hidden_lanes.contains(&drafts[i].key),
        });
    }
    if !hidden && !entries.is_empty() {
        lanes.push(Lane {
            key: MINOR_KEY.to_string(),
            label,
            depth: 0,
            colour,
            max_span: max_span(&entries),
            entries,
        });
    }
}

fn max_span(entries: &[Entry]) -> f64 {
    entries.iter().map(|e| e.end - e.start).fold(0.0, f64::max)
}
