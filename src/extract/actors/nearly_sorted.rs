//! Sorting lists that are in order but for a few short moves: an article's mentions are made
//! sentence by sentence, so once grouped by sentence only the few inside a sentence are out of
//! place. A general sort spent hundreds of instructions per mention on a long text (TimeBank as
//! one document) re-ordering what was already in order.

/// Sorts `v` by `key` exactly as [`slice::sort_by_key`] does (stable), moving each item back
/// over the greater ones before it. Cheap when every item is near its place; after about eight
/// moves an item on average the list is taken to be far from order and handed to
/// `sort_by_key` (which orders equal items as they were: the moves so far kept that order).
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let mut budget = v.len().saturating_mul(8).saturating_add(64);
    for i in 1..v.len() {
        let k = key(&v[i]);
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > k {
            j -= 1;
            if budget == 0 {
                v.sort_by_key(key);
                return;
            }
            budget -= 1;
        }
        v[j..=i].rotate_right(1);
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_as_the_standard_stable_sort_near_order_or_far_from_it() {
        // (key, original position): equal keys must keep their order
        let near: Vec<(u32, usize)> = [1, 3, 2, 2, 5, 4, 4, 9, 6, 7, 8, 8, 10]
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        let far: Vec<(u32, usize)> = (0..500u32).rev().map(|k| (k % 7, k as usize)).collect();
        for list in [near, far, Vec::new(), vec![(1, 0)]] {
            let mut ours = list.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = list;
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std);
        }
    }
}
