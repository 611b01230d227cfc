//! Rules on the outline and the plan numbers as a whole: `numbering` and `counts`.
//!
//! A plan is present when a file is named after it (see `identity`), so a broken file never
//! shows up here as a missing plan. A goal whose count is wrong is reported once, by `counts`,
//! naming the ids that are missing; `numbering` reports gaps only in goals whose count is
//! right (plans renumbered, or moved to another action area), on the plan after the gap.
//! Neither speaks while part of `plans/` cannot be read (`Context::hidden`): the plans it
//! holds are not missing.

use super::identity::{Areas, PlanEntry};
use crate::model::{MAX_PLANS_PER_AREA, PlanId};

/// How many missing numbers a message lists; the rest are counted.
pub const LISTED: usize = 12;

/// The plans present in the outline's goals and action areas, gathered once for `numbering`
/// and `counts`.
pub struct Present {
    /// Goal `g`'s action area `i` is at `[g - 1][i - 1]`.
    areas: Vec<Vec<Area>>,
    /// Plans of each goal numbered in an action area the outline does not have (they count
    /// in their goal; `outline-refs` reports them).
    elsewhere: Vec<Vec<PlanId>>,
    /// How many of each goal's plans were added by an amendment (`added_in`): the outline's
    /// counts are the document's as adopted, so these are not counted against them.
    added: Vec<usize>,
}

/// The plan numbers present in one action area.
#[derive(Default)]
pub struct Area {
    /// The numbers of the files counted here, each once, in order.
    counted: Vec<u32>,
    /// Numbers a file whose name and `id` differ stands for (both, until one is corrected),
    /// and numbers past `MAX_PLANS_PER_AREA`: they fill gaps, but do not make the area longer.
    loose: Vec<u32>,
    /// The highest number of a file that is the plan its name says.
    pub highest: u32,
}

/// The numbers missing below the highest plan of an area: the first few, and how many more.
pub struct Gaps {
    pub listed: Vec<u32>,
    pub more: u64,
}

impl Area {
    fn has(&self, n: u32) -> bool {
        self.counted.binary_search(&n).is_ok() || self.loose.binary_search(&n).is_ok()
    }

    /// Every number any file stands for, in order, once.
    fn numbers(&self) -> Vec<u32> {
        let mut all: Vec<u32> = self.counted.iter().chain(&self.loose).copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The numbers below the highest one that no file stands for, found from the numbers
    /// present (a plan numbered 300000 by mistake costs nothing to look at).
    pub fn gaps(&self) -> Gaps {
        let mut gaps = Gaps {
            listed: Vec::new(),
            more: 0,
        };
        let mut expected = 1u32;
        for n in self.numbers().into_iter().filter(|n| *n <= self.highest) {
            if n > expected {
                for missing in expected..n {
                    if gaps.listed.len() < LISTED {
                        gaps.listed.push(missing);
                    } else {
                        gaps.more += u64::from(n - missing);
                        break;
                    }
                }
            }
            expected = n.saturating_add(1);
        }
        gaps
    }

    /// The first number present after `n`.
    pub fn after(&self, n: u32) -> u32 {
        self.numbers()
            .into_iter()
            .find(|m| *m > n)
            .unwrap_or(self.highest)
    }

    fn is_empty(&self) -> bool {
        self.counted.is_empty() && self.loose.is_empty()
    }

    /// The number the next plan of the area would have.
    pub fn next(&self) -> u32 {
        let mut n = self.highest.saturating_add(1);
        while self.has(n) && n < u32::MAX {
            n += 1;
        }
        n
    }
}

impl Present {
    /// What the plan files stand for in the outline's goals and action areas.
    pub fn of(plans: &[PlanEntry], areas: &Areas) -> Present {
        let goals = areas.goals();
        let mut present = Present {
            areas: (1..=goals as u32)
                .map(|g| {
                    (0..areas.items(g).unwrap_or(0))
                        .map(|_| Area::default())
                        .collect()
                })
                .collect(),
            elsewhere: vec![Vec::new(); goals],
            added: vec![0; goals],
        };
        let mut elsewhere: Vec<PlanId> = Vec::new();
        for entry in plans {
            let loose = entry.stands_for_too.is_some();
            if let Some(id) = entry.counts_as
                && entry.plan.is_some_and(|p| p.added_in.is_some())
                && let Some(added) = present.added.get_mut((id.goal as usize).wrapping_sub(1))
            {
                *added += 1;
            }
            if let Some(id) = entry.counts_as {
                match present.area_mut(id) {
                    Some(area) => {
                        area.counted.push(id.number);
                        // A number past the most an area holds is the schema's to report (at
                        // the plan's id): it counts in its goal, but makes no gap below it.
                        if loose || id.number > MAX_PLANS_PER_AREA {
                            area.loose.push(id.number);
                        } else {
                            area.highest = area.highest.max(id.number);
                        }
                    }
                    None if areas.items(id.goal).is_some() => elsewhere.push(id),
                    None => {}
                }
            }
            if let Some(id) = entry.stands_for_too
                && let Some(area) = present.area_mut(id)
            {
                area.loose.push(id.number);
            }
        }
        for area in present.areas.iter_mut().flatten() {
            area.counted.sort_unstable();
            area.counted.dedup();
            area.loose.sort_unstable();
            area.loose.dedup();
        }
        elsewhere.sort_unstable();
        elsewhere.dedup();
        for id in elsewhere {
            present.elsewhere[id.goal as usize - 1].push(id);
        }
        present
    }

    fn area_mut(&mut self, id: PlanId) -> Option<&mut Area> {
        let goal = self.areas.get_mut((id.goal as usize).checked_sub(1)?)?;
        goal.get_mut((id.area as usize).checked_sub(1)?)
    }

    /// How many plans of the document as adopted goal `goal` has: a plan added by an
    /// amendment (`added_in`) is not counted, an ended plan (which keeps its file) is.
    pub fn count(&self, goal: u64) -> usize {
        let Some(g) = (goal as usize).checked_sub(1) else {
            return 0;
        };
        let in_areas: usize = self
            .areas
            .get(g)
            .map_or(0, |areas| areas.iter().map(|a| a.counted.len()).sum());
        (in_areas + self.elsewhere.get(g).map_or(0, Vec::len))
            .saturating_sub(self.added.get(g).copied().unwrap_or(0))
    }

    /// The plans of goal `goal` numbered in an action area the outline does not have.
    pub fn elsewhere(&self, goal: u64) -> &[PlanId] {
        (goal as usize)
            .checked_sub(1)
            .and_then(|g| self.elsewhere.get(g))
            .map_or(&[], Vec::as_slice)
    }

    /// The numbers present in action area `item` of goal `goal`, if any.
    pub fn area(&self, goal: u64, item: u64) -> Option<&Area> {
        let area = self
            .areas
            .get((goal as usize).checked_sub(1)?)?
            .get((item as usize).checked_sub(1)?)?;
        (!area.is_empty()).then_some(area)
    }
}

#[cfg(test)]
mod tests {
    use super::Area;

    #[test]
    fn gaps_are_found_from_the_numbers_present() {
        let area = Area {
            counted: vec![1, 2, 5, 300_000],
            loose: vec![3],
            highest: 300_000,
        };
        let gaps = area.gaps();
        assert_eq!(gaps.listed, [4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
        assert_eq!(gaps.more, 300_000 - 17);
        assert_eq!(area.after(4), 5);
        assert_eq!(area.next(), 300_001);
        let full = Area {
            counted: vec![1, 2, 3],
            loose: vec![],
            highest: u32::MAX,
        };
        assert_eq!(full.next(), u32::MAX);
    }
}
