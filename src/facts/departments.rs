//! Rules on departments: `known-departments`, `subproject-departments`,
//! `unused-departments`, `unique-departments`.

use rustc_hash::FxHashSet as HashSet;

use unicode_normalization::UnicodeNormalization;

use super::context::Context;
use super::identity::{Identity, PlanEntry};
use crate::model::Plan;

/// The plans whose departments are looked at: every plan read, but a second file named after
/// the same plan.
pub fn plans<'c>(ctx: &'c Context) -> impl Iterator<Item = (&'c PlanEntry<'c>, &'c Plan)> {
    ctx.plans.iter().filter_map(|e| match (e.identity, e.plan) {
        (Identity::Twice { .. }, _) | (_, None) => None,
        (_, Some(plan)) => Some((e, plan)),
    })
}

/// Every department a plan names, with the JSON Pointer of its place (made only when asked).
pub fn named(plan: &Plan) -> impl Iterator<Item = (&str, Place)> {
    let own = plan
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.as_str(), Place::Plan(i)));
    let subs = plan.subprojects.iter().enumerate().flat_map(|(s, sub)| {
        sub.departments
            .iter()
            .flatten()
            .enumerate()
            .map(move |(i, d)| (d.as_str(), Place::Subproject(s, i)))
    });
    own.chain(subs)
}

/// Where a department is named in a plan.
#[derive(Clone, Copy)]
pub enum Place {
    Plan(usize),
    Subproject(usize, usize),
}

impl Place {
    pub fn pointer(self) -> String {
        match self {
            Place::Plan(i) => format!("/departments/{i}"),
            Place::Subproject(s, i) => format!("/subprojects/{s}/departments/{i}"),
        }
    }
}

/// The registered names, if the register could be read.
pub fn registered<'c>(ctx: &'c Context) -> Option<HashSet<&'c str>> {
    let register = ctx.register?;
    Some(
        register
            .departments
            .iter()
            .map(|d| d.name.as_str())
            .collect(),
    )
}

/// Where an unknown name is written: the file, the place, and whether the plan already says
/// 「等」 (`and_others`).
pub type Named<'a> = (&'a str, Place, bool);

/// The registered name closest to `name`: the same after Unicode compatibility folding
/// (full-width letters, half-width katakana, spaces), one containing the other, or a small
/// edit distance.
pub fn suggest<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    Suggester::new(names).suggest(name)
}

/// Unicode compatibility folding without spaces, for comparing names.
fn fold(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// A registered name prepared for comparison: folded, and its sorted characters.
struct Folded<'a> {
    folded: String,
    sorted: Vec<char>,
    name: &'a str,
}

/// Two characters next to each other in a folded name.
type Bigram = (char, char);

/// The bigrams of `chars`, each with how often it occurs.
fn bigrams(chars: &[char]) -> Vec<(Bigram, u32)> {
    let mut all: Vec<Bigram> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    all.sort_unstable();
    let mut counted: Vec<(Bigram, u32)> = Vec::new();
    for b in all {
        match counted.last_mut() {
            Some((last, n)) if *last == b => *n = n.saturating_add(1),
            _ => counted.push((b, 1)),
        }
    }
    counted
}

/// Which of 64 bits a character sets in a [`mask`] (by a hash of it).
fn bit(c: char) -> u32 {
    (c as u32).wrapping_mul(0x9E37_79B9) >> 26
}

/// The characters of a text as 64 bits, the [`bit`] of each: a character two texts share sets
/// a bit of both masks.
fn mask(chars: &[char]) -> u64 {
    chars.iter().fold(0, |m, c| m | 1u64 << bit(*c))
}

/// The registered names prepared once, with the indexes that find the few names that can be
/// close to an unknown one without comparing it with every name (a register of 90,000 names
/// and 10,000 unknown ones took 61 s that way), and the counters one search uses.
pub struct Suggester<'a> {
    all: Vec<Folded<'a>>,
    /// Each name's length in characters, and the [`mask`] of its characters, side by side
    /// for the quick tests that rule most names out.
    lens: Vec<usize>,
    masks: Vec<u64>,
    /// Each folded name, with every place in the register that folds to it.
    by_folded: rustc_hash::FxHashMap<String, Vec<u32>>,
    /// Each bigram, with the names that have it (each name once).
    by_bigram: rustc_hash::FxHashMap<Bigram, Vec<u32>>,
    /// The names of at most three characters, which may be close while sharing no bigram.
    short: Vec<u32>,
    /// The length of the longest name, in characters: no longer piece of a text is looked up.
    longest: usize,
    /// For each name, the bigrams it shares with the name being looked up (counted as often
    /// as they occur in that name), and the names touched, to clear them afterwards.
    shared: Vec<u32>,
    touched: Vec<u32>,
}

/// A registered name that may be close to the text looked up, with what the indexes know of
/// it: the text contains it, or it has every bigram of the text (so it may contain the text).
struct Candidate {
    place: u32,
    in_text: bool,
    every_bigram: bool,
}

impl<'a> Suggester<'a> {
    /// The register's names prepared for suggestions.
    pub fn new(names: &[&'a str]) -> Suggester<'a> {
        let mut by_folded: rustc_hash::FxHashMap<String, Vec<u32>> = Default::default();
        let mut by_bigram: rustc_hash::FxHashMap<Bigram, Vec<u32>> = Default::default();
        let (mut short, mut lens, mut masks) = (Vec::new(), Vec::new(), Vec::new());
        let all: Vec<Folded<'a>> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let i = i as u32;
                let folded = fold(n);
                let chars: Vec<char> = folded.chars().collect();
                for (b, _) in bigrams(&chars) {
                    by_bigram.entry(b).or_default().push(i);
                }
                if chars.len() <= 3 {
                    short.push(i);
                }
                lens.push(chars.len());
                masks.push(mask(&chars));
                by_folded.entry(folded.clone()).or_default().push(i);
                let mut sorted = chars;
                sorted.sort_unstable();
                Folded {
                    folded,
                    sorted,
                    name: n,
                }
            })
            .collect();
        Suggester {
            shared: vec![0; all.len()],
            touched: Vec::new(),
            longest: lens.iter().copied().max().unwrap_or(0),
            all,
            lens,
            masks,
            by_folded,
            by_bigram,
            short,
        }
    }

    /// The registered name closest to `name`: the same after Unicode compatibility folding
    /// (full-width letters, half-width katakana, spaces), one containing the other, or a
    /// small edit distance; the nearest, and the first in the register of the nearest.
    pub fn suggest(&mut self, name: &str) -> Option<&'a str> {
        self.suggest_place(name).map(|(_, n)| n)
    }

    /// [`Suggester::suggest`], with the name's place in the register.
    pub fn suggest_place(&mut self, name: &str) -> Option<(usize, &'a str)> {
        let folded = fold(name);
        if let Some(places) = self.by_folded.get(&folded) {
            let place = places[0] as usize;
            return Some((place, self.all[place].name));
        }
        let chars: Vec<char> = folded.chars().collect();
        let mut sorted = chars.clone();
        sorted.sort_unstable();
        let length = sorted.len();
        let candidates = self.candidates(&folded, &chars);
        let all = &self.all;
        candidates
            .into_iter()
            .filter_map(|c| {
                let f = &all[c.place as usize];
                // What contains the text has every bigram of it, and what it contains was
                // looked up: only those are searched.
                let contains =
                    length >= 2 && (c.in_text || (c.every_bigram && f.folded.contains(&folded)));
                let longer = length.max(f.sorted.len());
                let limit = 1.max(longer / 3);
                // Every edit fixes at most one unshared character: a lower bound that spares
                // the edit distance for names that cannot be close.
                if !contains && longer - common(&sorted, &f.sorted) > limit {
                    return None;
                }
                let distance = strsim::levenshtein(&folded, &f.folded);
                (contains || distance <= limit).then_some((distance, c.place, f.name))
            })
            .min_by_key(|(distance, place, _)| (*distance, *place))
            .map(|(_, place, n)| (place as usize, n))
    }

    /// The places in the register of every name that can be close to `folded` (its
    /// characters `chars`), perhaps more than once.
    ///
    /// A close name is contained in `folded`, contains it, or is within edit distance
    /// `d = max(1, m / 3)` of it, `m` the longer length. The names it contains are found by
    /// looking up each piece of it. A name that contains it has all of its bigrams. Two texts
    /// within edit distance `d` share at least `m - 1 - 2d` bigrams (the q-gram lemma for
    /// q = 2), which is at least 1 once `m >= 4`; the shared bigrams are counted for every
    /// name that has one of them, from the index. Only when both are at most three
    /// characters long can they be close with no bigram in common: those few are all tried.
    /// Of the names within an edit distance, only those that could share enough characters
    /// (by length and by [`mask`]) are kept.
    fn candidates(&mut self, folded: &str, chars: &[char]) -> Vec<Candidate> {
        let length = chars.len();
        let query = mask(chars);
        // How many of the text's characters set each bit of its mask.
        let mut weights = [0usize; 64];
        for c in chars {
            weights[bit(*c) as usize] += 1;
        }
        let (lens, masks) = (&self.lens, &self.masks);
        // Whether name `i` could be within its edit distance of the text: each edit fixes at
        // most one unshared character, and the text's characters the name has are at most
        // those that set a bit the name's mask has too.
        let may_be_near = |i: u32| {
            let (len, m) = (lens[i as usize], masks[i as usize]);
            let longer = length.max(len);
            let (mut bits, mut shared) = (query & m, 0);
            while bits != 0 {
                shared += weights[bits.trailing_zeros() as usize];
                bits &= bits - 1;
            }
            longer - shared.min(len).min(length) <= 1.max(longer / 3)
        };
        let candidate = |place: u32, in_text: bool, every_bigram: bool| Candidate {
            place,
            in_text,
            every_bigram,
        };
        if length < 2 {
            return (0..self.all.len() as u32)
                .filter(|i| may_be_near(*i))
                .map(|i| candidate(i, false, false))
                .collect();
        }
        let mut found: Vec<Candidate> = Vec::new();
        let starts: Vec<usize> = folded
            .char_indices()
            .map(|(i, _)| i)
            .chain([folded.len()])
            .collect();
        for (a, &from) in starts.iter().enumerate() {
            for &to in starts[a..].iter().take(self.longest + 1) {
                if let Some(places) = self.by_folded.get(&folded[from..to]) {
                    found.extend(places.iter().map(|&i| candidate(i, true, false)));
                }
            }
        }
        if length <= 3 {
            found.extend(
                self.short
                    .iter()
                    .filter(|i| may_be_near(**i))
                    .map(|&i| candidate(i, false, false)),
            );
        }
        let wanted = bigrams(chars);
        let total: usize = wanted.iter().map(|(_, n)| *n as usize).sum();
        for (b, n) in &wanted {
            for &i in self.by_bigram.get(b).map_or(&[][..], Vec::as_slice) {
                let count = &mut self.shared[i as usize];
                if *count == 0 {
                    self.touched.push(i);
                }
                *count = count.saturating_add(*n);
            }
        }
        for i in self.touched.drain(..) {
            let shared = std::mem::take(&mut self.shared[i as usize]) as usize;
            if shared == total {
                found.push(candidate(i, false, true));
                continue;
            }
            let longer = length.max(lens[i as usize]);
            let needed = (longer - 1).saturating_sub(2 * 1.max(longer / 3));
            if shared >= needed && may_be_near(i) {
                found.push(candidate(i, false, false));
            }
        }
        found
    }
}

/// How many characters two sorted lists share (as multisets).
fn common(a: &[char], b: &[char]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::suggest;

    const NAMES: [&str; 5] = [
        "行政マネジメント課",
        "人事課",
        "DX戦略課",
        "総務法務課",
        "財政課",
    ];

    #[test]
    fn suggests_near_misses() {
        assert_eq!(
            suggest("行政マネジメト課", &NAMES),
            Some("行政マネジメント課")
        );
        assert_eq!(
            suggest("行政マネージメント課", &NAMES),
            Some("行政マネジメント課")
        );
        assert_eq!(suggest("ＤＸ戦略課", &NAMES), Some("DX戦略課"));
        assert_eq!(suggest("人事 課", &NAMES), Some("人事課"));
        assert_eq!(suggest("人事", &NAMES), Some("人事課"));
        assert_eq!(suggest("総務法務", &NAMES), Some("総務法務課"));
    }

    #[test]
    fn does_not_suggest_unrelated_names() {
        assert_eq!(suggest("観光課", &NAMES), None);
        assert_eq!(suggest("上下水道局", &NAMES), None);
    }

    /// A very long unknown name (the file may hold 8 MiB) is looked up piece by piece only up
    /// to the longest registered name: it does not take time growing with its length cubed.
    #[test]
    fn a_very_long_name_is_looked_up_quickly() {
        let long = "総務".repeat(10_000);
        assert_eq!(suggest(&long, &NAMES), None);
        let mut with_name = "課".repeat(20_000);
        with_name.push_str("人事課");
        assert_eq!(suggest(&with_name, &["人事課"]), Some("人事課"));
    }

    /// Two characters that set the same bit of a mask still count as two shared characters.
    #[test]
    fn characters_sharing_a_bit_are_counted_each() {
        assert_eq!(super::bit('係'), super::bit('総'));
        assert_eq!(suggest("係財総", &["係室総"]), Some("係室総"));
    }

    /// Two substitutions in six characters leave one bigram in common, the fewest the q-gram
    /// lemma allows: the index must still offer the name.
    #[test]
    fn a_name_sharing_only_the_bigrams_the_lemma_guarantees_is_found() {
        assert_eq!(
            suggest("総務財政人事", &["総課財政係事", "観光課"]),
            Some("総課財政係事")
        );
    }

    /// Every registered name compared with the unknown one, as before the indexes: what
    /// they must find.
    fn every_name<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
        let folded = super::fold(name);
        let all = super::Suggester::new(names).all;
        let len = |f: &super::Folded| f.sorted.len();
        if let Some(f) = all.iter().find(|f| f.folded == folded) {
            return Some(f.name);
        }
        let length = folded.chars().count();
        all.iter()
            .filter_map(|f| {
                let contains = length >= 2
                    && (f.folded.contains(&folded) || folded.contains(f.folded.as_str()));
                let distance = strsim::levenshtein(&folded, &f.folded);
                (contains || distance <= 1.max(length.max(len(f)) / 3))
                    .then_some((distance, f.name))
            })
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, n)| n)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn the_indexes_find_what_comparing_every_name_finds(
            register in proptest::collection::vec("[課室係総務財政人事ＤDX 　]{0,12}", 1..40),
            unknown in "[課室係総務財政人事ＤDX 　]{0,14}",
        ) {
            let names: Vec<&str> = register.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(suggest(&unknown, &names), every_name(&unknown, &names));
        }
    }
}
