//! Rules on the outline and the plan numbers as a whole: `numbering` and `counts`.
//!
//! A plan is present when a file is named after it (see `identity`), so a broken file never
//! shows up here as a missing plan. A goal whose count is wrong is reported once, by `counts`,
//! naming the ids that are missing; `numbering` reports gaps only in goals whose count is
//! right (plans renumbered, or moved to another action area).

use super::Context;
use super::identity::{Areas, PlanEntry};
use super::rules::{COUNTS, NUMBERING};
use crate::diagnostic::{Diagnostic, Target};
use crate::messages::Message;
use crate::model::{OUTLINE_PATH, PlanId};

/// Goals and action areas in the outline are numbered 1..n in order, every action area has
/// plans, and the plans of an action area are numbered 1..n with no gap.
pub fn numbering(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(outline) = ctx.outline else {
        return;
    };
    let at = |pointer: String| Target::Value(pointer);
    for (gi, goal) in outline.goals.iter().enumerate() {
        if goal.number != gi as u64 + 1 {
            out.push(NUMBERING.report(
                OUTLINE_PATH,
                at(format!("/goals/{gi}/number")),
                Message::GoalNumber {
                    expected: gi + 1,
                    found: goal.number,
                },
            ));
        }
        for (ii, item) in goal.items.iter().enumerate() {
            if item.number != ii as u64 + 1 {
                out.push(NUMBERING.report(
                    OUTLINE_PATH,
                    at(format!("/goals/{gi}/items/{ii}/number")),
                    Message::ItemNumber {
                        goal: goal.number,
                        expected: ii + 1,
                        found: item.number,
                    },
                ));
            }
        }
    }
    let Some(present) = &ctx.present else {
        return;
    };
    for (gi, goal) in outline.goals.iter().enumerate() {
        if present.count(goal.number) as u64 != goal.expected_plans {
            continue;
        }
        for (ii, item) in goal.items.iter().enumerate() {
            let target = at(format!("/goals/{gi}/items/{ii}/title"));
            let message = match present.area(goal.number, item.number) {
                None => Message::ItemWithoutPlans {
                    goal: goal.number,
                    item: item.number,
                    title: item.title.clone(),
                },
                Some(area) if !area.gaps().is_empty() => Message::PlanGap {
                    goal: goal.number,
                    item: item.number,
                    missing: area.gaps(),
                    highest: area.highest(),
                },
                Some(_) => continue,
            };
            out.push(NUMBERING.report(OUTLINE_PATH, target, message));
        }
    }
}

/// Every goal has its expected number of plans, and the goals' counts add up to
/// `expected_total`.
pub fn counts(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(outline) = ctx.outline else {
        return;
    };
    let sum: u64 = outline.goals.iter().map(|g| g.expected_plans).sum();
    if sum != outline.expected_total {
        out.push(COUNTS.report(
            OUTLINE_PATH,
            Target::Value("/expected_total".to_string()),
            Message::GoalsSum {
                sum,
                total: outline.expected_total,
            },
        ));
    }
    let Some(present) = &ctx.present else {
        return;
    };
    // `expected_total` as it would be with every goal's count taken as it is now.
    let total_if_changed = outline
        .goals
        .iter()
        .map(|g| present.count(g.number) as u64)
        .sum();
    for (gi, goal) in outline.goals.iter().enumerate() {
        let actual = present.count(goal.number);
        if actual as u64 == goal.expected_plans {
            continue;
        }
        let g = goal.number as u32;
        let mut missing = Vec::new();
        let mut candidates = Vec::new();
        let mut unplaced = 0;
        if (actual as u64) < goal.expected_plans {
            // Certain: the gaps, and the first plan of an empty action area.
            let mut next = Vec::new();
            for item in &goal.items {
                let i = item.number as u32;
                let id = |number| PlanId {
                    goal: g,
                    item: i,
                    number,
                };
                match present.area(goal.number, item.number) {
                    None => {
                        missing.push(id(1));
                        next.push(id(2));
                    }
                    Some(area) => {
                        missing.extend(area.gaps().into_iter().map(id));
                        next.push(id(area.next()));
                    }
                }
            }
            let shortfall = (goal.expected_plans as usize - actual).saturating_sub(missing.len());
            if let [first] = next.as_slice() {
                // With one action area, the rest can only follow its last plan.
                missing.extend((0..shortfall as u32).map(|k| PlanId {
                    number: first.number + k,
                    ..*first
                }));
            } else {
                unplaced = shortfall;
                if shortfall > 0 {
                    candidates = next;
                }
            }
        }
        out.push(COUNTS.report(
            OUTLINE_PATH,
            Target::Value(format!("/goals/{gi}/expected_plans")),
            Message::GoalCount {
                goal: goal.number,
                actual,
                expected: goal.expected_plans,
                missing,
                unplaced,
                candidates,
                total_if_changed,
            },
        ));
    }
}

/// The plans present in the outline's action areas, gathered once for `numbering` and
/// `counts`.
pub struct Present {
    /// Goal `g`'s action area `i` is at `[g - 1][i - 1]`.
    areas: Vec<Vec<Area>>,
}

/// The plan numbers present in one action area.
#[derive(Default)]
struct Area {
    /// The numbers of the files counted here, each once, in order.
    counted: Vec<u32>,
    /// Numbers a file whose name and `id` differ stands for (both, until one is corrected):
    /// they fill gaps, but do not make the area longer.
    loose: Vec<u32>,
    /// The highest number of a file that is the plan its name says.
    highest: u32,
}

impl Area {
    fn has(&self, n: u32) -> bool {
        self.counted.binary_search(&n).is_ok() || self.loose.binary_search(&n).is_ok()
    }

    /// The numbers below the highest one that no file stands for.
    fn gaps(&self) -> Vec<u32> {
        (1..self.highest).filter(|n| !self.has(*n)).collect()
    }

    fn is_empty(&self) -> bool {
        self.counted.is_empty() && self.loose.is_empty()
    }

    fn highest(&self) -> u32 {
        self.highest
    }

    /// The number the next plan of the area would have.
    fn next(&self) -> u32 {
        (self.highest + 1..)
            .find(|n| !self.has(*n))
            .unwrap_or(u32::MAX)
    }
}

impl Present {
    /// What the plan files stand for in the outline's action areas.
    pub fn of(plans: &[PlanEntry], areas: &Areas) -> Present {
        let mut present = Present {
            areas: (1..=areas.goals() as u32)
                .map(|g| {
                    (0..areas.items(g).unwrap_or(0))
                        .map(|_| Area::default())
                        .collect()
                })
                .collect(),
        };
        for entry in plans {
            let loose = entry.also.is_some();
            if let Some(id) = entry.counted
                && let Some(area) = present.area_mut(id)
            {
                area.counted.push(id.number);
                if loose {
                    area.loose.push(id.number);
                } else {
                    area.highest = area.highest.max(id.number);
                }
            }
            if let Some(id) = entry.also
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
        present
    }

    fn area_mut(&mut self, id: PlanId) -> Option<&mut Area> {
        let goal = self.areas.get_mut((id.goal as usize).checked_sub(1)?)?;
        goal.get_mut((id.item as usize).checked_sub(1)?)
    }

    /// How many plans goal `goal` has.
    fn count(&self, goal: u64) -> usize {
        let Some(areas) = (goal as usize)
            .checked_sub(1)
            .and_then(|g| self.areas.get(g))
        else {
            return 0;
        };
        areas.iter().map(|a| a.counted.len()).sum()
    }

    /// The numbers present in action area `item` of goal `goal`, if any.
    fn area(&self, goal: u64, item: u64) -> Option<&Area> {
        let area = self
            .areas
            .get((goal as usize).checked_sub(1)?)?
            .get((item as usize).checked_sub(1)?)?;
        (!area.is_empty()).then_some(area)
    }
}
