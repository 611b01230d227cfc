//! Parallel where it pays: below a size, work runs on the calling thread and rayon's pool is
//! never started (starting it and letting its idle workers spin costs more than checking a
//! small repository).

use rayon::prelude::*;

/// Below this many items, map sequentially.
pub const THRESHOLD: usize = 256;

/// Maps `items` with `f`, in order, on every core when there are at least `threshold` items.
pub fn map<T: Send, R: Send>(
    items: Vec<T>,
    threshold: usize,
    f: impl Fn(T) -> R + Sync + Send,
) -> Vec<R> {
    if items.len() >= threshold {
        items.into_par_iter().map(f).collect()
    } else {
        items.into_iter().map(f).collect()
    }
}

/// Like [`map`], over borrowed items.
pub fn map_ref<T: Sync, R: Send>(
    items: &[T],
    threshold: usize,
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    if items.len() >= threshold {
        items.par_iter().map(f).collect()
    } else {
        items.iter().map(f).collect()
    }
}

/// Runs `f` on each item, on every core when there are at least `threshold` items.
pub fn for_each_mut<T: Send>(items: &mut [T], threshold: usize, f: impl Fn(&mut T) + Sync + Send) {
    if items.len() >= threshold {
        items.par_iter_mut().for_each(f);
    } else {
        items.iter_mut().for_each(f);
    }
}

/// Sorts `items` (stably) by `compare`, on every core when there are at least `threshold`.
pub fn sort_by<T: Send>(
    items: &mut [T],
    threshold: usize,
    compare: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) {
    if items.len() >= threshold {
        items.par_sort_by(compare);
    } else {
        items.sort_by(compare);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_either_way() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = |x: u32| x * 2;
        assert_eq!(
            super::map(items.clone(), 10, doubled),
            super::map(items, 10_000, doubled)
        );
    }

    #[test]
    fn sorts_stably_either_way() {
        let items: Vec<(u32, u32)> = (0..1000).map(|i| (i % 7, i)).collect();
        let by_key = |a: &(u32, u32), b: &(u32, u32)| a.0.cmp(&b.0);
        let (mut small, mut large) = (items.clone(), items);
        super::sort_by(&mut small, 10_000, by_key);
        super::sort_by(&mut large, 10, by_key);
        assert_eq!(small, large);
        assert!(small.windows(2).all(|w| w[0].0 < w[1].0 || w[0].1 < w[1].1));
    }
}
