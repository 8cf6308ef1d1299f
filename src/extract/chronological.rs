//! A timeline's events in time order: by first day, last day, then id, the order every timeline
//! is written and shown in.
//!
//! Sorting the events themselves compared two heap strings (the ids) for every pair on the same
//! days and moved whole events (about 170 bytes each) at every step of the merge sort: in a 10 MB
//! run those id comparisons, each a cache miss into another allocation, took about 3 % of the
//! time. So a small key per event is sorted instead, and the events are put in its order with
//! one swap each.

use rayon::prelude::*;

use crate::model::Event;

/// How many events are sorted on every core rather than on this one: below this, setting up
/// the parallel sort costs more than sorting (the stream sorts each article's few on its own).
const PARALLEL_SORT_FROM: usize = 4096;

/// Sorts `events` by (first day, last day, id), stably: events that tie keep their order. The
/// same order whichever core count sorts them.
pub fn sort(events: &mut [Event]) {
    let Some(mut keys) = keys(events) else {
        // ids not written by `event_id` (not 16 bytes): compare the strings themselves
        events.sort_by(|a, b| {
            (a.when.start, a.when.end, &a.id).cmp(&(b.when.start, b.when.end, &b.id))
        });
        return;
    };
    // Every key is unique (it ends in the event's place), so an unstable sort gives the one
    // order a stable sort of the events would.
    if keys.len() < PARALLEL_SORT_FROM {
        keys.sort_unstable();
    } else {
        keys.par_sort_unstable();
    }
    let mut order: Vec<usize> = keys.into_iter().map(|k| k.place).collect();
    permute(events, &mut order);
}

/// What an event is sorted by. Two ids of 16 bytes compare as their bytes read as two
/// big-endian numbers do, so the key holds the numbers and not a pointer to the string.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    id_high: u64,
    id_low: u64,
    /// The event's place before sorting: ties on everything else keep their order.
    place: usize,
}

/// The events' keys, or `None` when some id is not 16 bytes long (every id extraction makes
/// is 16 hex digits; a hand-edited timeline might hold others). Made in a list of their size:
/// collected through `Option` the list had no size to start from and grew by doubling.
fn keys(events: &[Event]) -> Option<Vec<Key>> {
    let mut keys = Vec::with_capacity(events.len());
    for (place, e) in events.iter().enumerate() {
        let id: &[u8; 16] = e.id.as_bytes().try_into().ok()?;
        let (high, low) = id.split_at(8);
        keys.push(Key {
            start: e.when.start,
            end: e.when.end,
            id_high: u64::from_be_bytes(high.try_into().ok()?),
            id_low: u64::from_be_bytes(low.try_into().ok()?),
            place,
        });
    }
    Some(keys)
}

/// Puts `items` in `order` (`order[i]` is the place of the item that goes to place `i`), in
/// place: each cycle of the permutation is followed with swaps, so nothing is allocated and an
/// item moves about once. `order` is used up (left as the identity).
pub(crate) fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        // the item first at `start` is carried along the cycle until its place comes up
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permuting_puts_each_item_where_the_order_says() {
        let orders: [&[usize]; 5] = [&[], &[0], &[2, 0, 1], &[1, 0, 3, 2, 4], &[4, 3, 2, 1, 0, 5]];
        for order in orders {
            let mut items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            let mut left = order.to_vec();
            permute(&mut items, &mut left);
            let wanted: Vec<usize> = order.iter().map(|&i| i * 10).collect();
            assert_eq!(items, wanted, "order {order:?}");
            assert!(left.iter().enumerate().all(|(i, &p)| i == p));
        }
    }
}
