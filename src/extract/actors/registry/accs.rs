//! The actors of a merge by id ([`Accs`]): kept in the order they were first met, found by a
//! hash of the id, and walked in the order of their ids, as the `BTreeMap` they replace was.
//! A merge runs once per article of a stream; the tree's searches compared ids byte by byte
//! about twenty times per actor (a fifth of the merge), where a hash finds an id with one
//! comparison and one sort gives the order.

use rustc_hash::FxHashMap;

use super::Acc;

/// The actors of a merge by id. Ids are added first ([`Accs::entry`]), then the order of the
/// ids is made once ([`Accs::sort`]) before any walk ([`Accs::iter`]); an actor removed is
/// gone from the walks and the searches.
#[derive(Default)]
pub(super) struct Accs<'a> {
    /// (id, actor) in the order they were first met; `None` once removed.
    list: Vec<(&'a str, Option<Acc<'a>>)>,
    /// Per id, its place in `list`.
    at: FxHashMap<&'a str, usize>,
    /// The places in `list` in the order of their ids.
    sorted: Vec<usize>,
}

impl<'a> Accs<'a> {
    /// Room for `ids` ids without growing: a merge gives the number of entities of its
    /// articles, which no number of distinct ids exceeds. Growing by doubling touched about
    /// twice the memory kept; room never used is never touched.
    pub(super) fn with_capacity(ids: usize) -> Self {
        Self {
            list: Vec::with_capacity(ids),
            at: FxHashMap::with_capacity_and_hasher(ids, Default::default()),
            sorted: Vec::new(),
        }
    }

    /// The actor `id`, made by `new` when it is not there yet.
    pub(super) fn entry(&mut self, id: &'a str, new: impl FnOnce() -> Acc<'a>) -> &mut Acc<'a> {
        let place = *self.at.entry(id).or_insert_with(|| {
            self.list.push((id, Some(new())));
            self.list.len() - 1
        });
        self.list[place]
            .1
            .as_mut()
            .expect("an actor is only removed after every one is added")
    }

    /// Makes the order of the ids, for [`Accs::iter`]: once, after the last [`Accs::entry`].
    ///
    /// Each place is sorted with its id's first eight bytes as one number ([`prefix`]), which
    /// orders two ids as their bytes do wherever the numbers differ (most ids differ within
    /// eight bytes); only ids with the same first eight are compared whole. Comparing every
    /// pair whole, through the list, was a tenth of a single article's merge.
    pub(super) fn sort(&mut self) {
        let list = &self.list;
        let mut keyed: Vec<(u64, usize)> = (list.iter().enumerate())
            .map(|(place, (id, _))| (prefix(id), place))
            .collect();
        // ids are distinct: no two places compare equal
        keyed.sort_unstable_by(|a, b| (a.0.cmp(&b.0)).then_with(|| list[a.1].0.cmp(list[b.1].0)));
        self.sorted.clear();
        self.sorted.extend(keyed.iter().map(|&(_, place)| place));
    }

    pub(super) fn get(&self, id: &str) -> Option<&Acc<'a>> {
        self.list[*self.at.get(id)?].1.as_ref()
    }

    pub(super) fn get_mut(&mut self, id: &str) -> Option<&mut Acc<'a>> {
        self.list[*self.at.get(id)?].1.as_mut()
    }

    /// The actor `id`, which is there.
    pub(super) fn of(&self, id: &str) -> &Acc<'a> {
        self.get(id).expect("an id of the merge")
    }

    pub(super) fn remove(&mut self, id: &str) -> Option<Acc<'a>> {
        self.list[*self.at.get(id)?].1.take()
    }

    /// The actors there, in the order of their ids (see [`Accs::sort`]).
    pub(super) fn iter(&self) -> impl Iterator<Item = (&'a str, &Acc<'a>)> + Clone {
        (self.sorted.iter()).filter_map(|&place| {
            let (id, acc) = &self.list[place];
            Some((*id, acc.as_ref()?))
        })
    }

    /// The actors there, in the order of their ids.
    pub(super) fn values(&self) -> impl Iterator<Item = &Acc<'a>> {
        self.iter().map(|(_, acc)| acc)
    }
}

/// The first eight bytes of `id` as a big-endian number, zeros after a shorter id: where the
/// numbers of two ids differ, they order as the ids' bytes do (a shorter id's zero is below
/// any byte but zero, and an id that is a prefix of another sorts first); where they are
/// equal, the ids must be compared whole.
fn prefix(id: &str) -> u64 {
    let mut eight = [0; 8];
    let n = id.len().min(8);
    eight[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(eight)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::ActorKind;

    fn acc(name: &str) -> Acc<'_> {
        Acc {
            name,
            kind: ActorKind::Person,
            affiliation: None,
            forms: Vec::new(),
            known: false,
        }
    }

    #[test]
    fn walks_searches_and_removals_are_those_of_a_sorted_map() {
        // ids alike in their first eight bytes or fewer, and one that is another's prefix
        let ids = [
            "kerry",
            "abbas",
            "obama",
            "kerry",
            "zuma",
            "abbas",
            "al-assad",
            "b",
            "united-states",
            "united-kingdom",
            "united",
            "united-states-army",
            "unite",
            "united-nations",
            "a\0",
            "a",
            "a\0b",
            "united-s",
        ];
        let mut accs = Accs::default();
        let mut tree = BTreeMap::new();
        for id in ids {
            accs.entry(id, || acc(id)).forms.push("x");
            tree.entry(id).or_insert_with(|| acc(id)).forms.push("x");
        }
        accs.sort();
        let walk = |accs: &Accs, tree: &BTreeMap<&str, Acc>| {
            let a: Vec<(&str, usize)> = accs.iter().map(|(id, a)| (id, a.forms.len())).collect();
            let t: Vec<(&str, usize)> = tree.iter().map(|(id, a)| (*id, a.forms.len())).collect();
            assert_eq!(a, t);
        };
        walk(&accs, &tree);
        assert_eq!(accs.list.len(), tree.len());
        for id in ["obama", "nobody", "obama", "b"] {
            assert_eq!(
                accs.remove(id).map(|a| a.name),
                tree.remove(id).map(|a| a.name)
            );
            walk(&accs, &tree);
            assert_eq!(accs.get(id).is_some(), tree.contains_key(id));
        }
        assert_eq!(accs.of("kerry").forms.len(), 2);
        accs.get_mut("zuma").expect("there").forms.push("y");
        assert_eq!(accs.values().map(|a| a.forms.len()).sum::<usize>(), 17);
    }
}
