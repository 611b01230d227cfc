//! Rules on the plan numbers as a whole: `unique-ids`, `outline-refs`, `numbering`, `counts`.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::diagnostic::{Diagnostic, Target};
use super::{Context, OUTLINE_PATH};
use crate::messages;
use crate::model::PlanId;

pub const UNIQUE_IDS: &str = "unique-ids";
pub const OUTLINE_REFS: &str = "outline-refs";
pub const NUMBERING: &str = "numbering";
pub const COUNTS: &str = "counts";

/// No two plans share an id.
pub fn unique_ids(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, &str> =
        HashMap::with_capacity_and_hasher(ctx.plans.len(), Default::default());
    for entry in &ctx.plans {
        if let Some(other) = first.insert(&entry.plan.id, &entry.doc.path) {
            // Keep the first file as the owner of the id.
            first.insert(&entry.plan.id, other);
            out.push(Diagnostic::error(
                UNIQUE_IDS,
                &entry.doc.path,
                Target::Value("/id".to_string()),
                messages::duplicate_id(&entry.plan.id, other),
            ));
        }
    }
}

/// Each plan's goal and action area exist in the outline.
pub fn outline_refs(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((_, outline)) = &ctx.outline else {
        return;
    };
    let goals: HashMap<u64, (usize, HashSet<u64>)> = outline
        .goals
        .iter()
        .map(|g| {
            (
                g.number,
                (g.items.len(), g.items.iter().map(|i| i.number).collect()),
            )
        })
        .collect();
    for entry in &ctx.plans {
        let Some(id) = entry.id else { continue };
        let text = match goals.get(&u64::from(id.goal)) {
            None => messages::unknown_goal(id.goal, outline.goals.len()),
            Some((count, items)) if !items.contains(&u64::from(id.item)) => {
                messages::unknown_item(id.goal, id.item, *count)
            }
            Some(_) => continue,
        };
        out.push(Diagnostic::error(
            OUTLINE_REFS,
            &entry.doc.path,
            Target::Value("/id".to_string()),
            text,
        ));
    }
}

/// Goals and action areas in the outline are numbered 1..n in order, every action area has
/// plans, and the plans of an action area are numbered 1..n with no gap.
pub fn numbering(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((_, outline)) = &ctx.outline else {
        return;
    };
    let numbers = plan_numbers(ctx);
    for (gi, goal) in outline.goals.iter().enumerate() {
        if goal.number != gi as u64 + 1 {
            out.push(Diagnostic::error(
                NUMBERING,
                OUTLINE_PATH,
                Target::Value(format!("/goals/{gi}/number")),
                messages::outline_number(&format!("goal {}", gi + 1), goal.number, gi + 1),
            ));
        }
        for (ii, item) in goal.items.iter().enumerate() {
            if item.number != ii as u64 + 1 {
                out.push(Diagnostic::error(
                    NUMBERING,
                    OUTLINE_PATH,
                    Target::Value(format!("/goals/{gi}/items/{ii}/number")),
                    messages::outline_number(
                        &format!("action area {} of goal {}", ii + 1, goal.number),
                        item.number,
                        ii + 1,
                    ),
                ));
            }
            let label = format!("{}-{}", goal.number, item.number);
            let target = Target::Value(format!("/goals/{gi}/items/{ii}/title"));
            let key = (goal.number, item.number);
            match numbers.get(&key) {
                None => out.push(Diagnostic::error(
                    NUMBERING,
                    OUTLINE_PATH,
                    target,
                    messages::item_without_plans(&label, &item.title),
                )),
                Some(set) => {
                    let missing = gaps(set);
                    if !missing.is_empty() {
                        let highest = set.iter().next_back().copied().unwrap_or(0);
                        let ids: Vec<String> =
                            missing.iter().map(|n| format!("{label}-{n}")).collect();
                        out.push(Diagnostic::error(
                            NUMBERING,
                            OUTLINE_PATH,
                            target,
                            messages::plan_gap(&label, &ids, highest),
                        ));
                    }
                }
            }
        }
    }
}

/// Every goal has its expected number of plans, and the total is `expected_total` and the
/// goals' sum.
pub fn counts(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((_, outline)) = &ctx.outline else {
        return;
    };
    let numbers = plan_numbers(ctx);
    let ids: Vec<PlanId> = ctx.plans.iter().filter_map(|e| e.id).collect();
    let mut by_goal: HashMap<u64, Vec<&PlanId>> = HashMap::default();
    for id in &ids {
        by_goal.entry(u64::from(id.goal)).or_default().push(id);
    }
    for (gi, goal) in outline.goals.iter().enumerate() {
        let in_goal: &[&PlanId] = by_goal.get(&goal.number).map_or(&[], Vec::as_slice);
        if in_goal.len() as u64 == goal.expected_plans {
            continue;
        }
        let mut missing = Vec::new();
        for item in &goal.items {
            match numbers.get(&(goal.number, item.number)) {
                None => missing.push(format!("{}-{}-1", goal.number, item.number)),
                Some(set) => missing.extend(
                    gaps(set)
                        .iter()
                        .map(|n| format!("{}-{}-{n}", goal.number, item.number)),
                ),
            }
        }
        // With one action area, a shortfall beyond the gaps can only be at the end.
        let shortfall = (goal.expected_plans as usize).saturating_sub(in_goal.len());
        if let [item] = goal.items.as_slice()
            && missing.len() < shortfall
            && let Some(set) = numbers.get(&(goal.number, item.number))
        {
            let highest = set.iter().next_back().copied().unwrap_or(0) as usize;
            for n in highest + 1..=highest + shortfall - missing.len() {
                missing.push(format!("{}-{}-{n}", goal.number, item.number));
            }
        }
        let mut extra: Vec<String> = in_goal
            .iter()
            .filter(|id| !goal.items.iter().any(|i| i.number == u64::from(id.item)))
            .map(|id| id.to_string())
            .collect();
        extra.sort();
        // Missing ids explain a shortfall, extra ids a surplus; show what fits the figures.
        let (missing, extra) = if (in_goal.len() as u64) < goal.expected_plans {
            (missing, Vec::new())
        } else {
            (Vec::new(), extra)
        };
        out.push(Diagnostic::error(
            COUNTS,
            OUTLINE_PATH,
            Target::Value(format!("/goals/{gi}/expected_plans")),
            messages::goal_count(
                goal.number as u32,
                in_goal.len(),
                goal.expected_plans,
                &missing,
                &extra,
            ),
        ));
    }
    if ids.len() as u64 != outline.expected_total {
        out.push(Diagnostic::error(
            COUNTS,
            OUTLINE_PATH,
            Target::Value("/expected_total".to_string()),
            messages::total_count(ids.len(), outline.expected_total),
        ));
    }
    let sum: u64 = outline.goals.iter().map(|g| g.expected_plans).sum();
    if sum != outline.expected_total {
        out.push(Diagnostic::error(
            COUNTS,
            OUTLINE_PATH,
            Target::Value("/expected_total".to_string()),
            messages::goals_sum(sum, outline.expected_total),
        ));
    }
}

/// Plan numbers present for each (goal, action area).
fn plan_numbers(ctx: &Context) -> BTreeMap<(u64, u64), BTreeSet<u32>> {
    let mut numbers: BTreeMap<(u64, u64), BTreeSet<u32>> = BTreeMap::new();
    for id in ctx.plans.iter().filter_map(|e| e.id) {
        numbers
            .entry((u64::from(id.goal), u64::from(id.item)))
            .or_default()
            .insert(id.number);
    }
    numbers
}

/// The numbers below the highest one that are not in `set`.
fn gaps(set: &BTreeSet<u32>) -> Vec<u32> {
    let highest = set.iter().next_back().copied().unwrap_or(0);
    (1..highest).filter(|n| !set.contains(n)).collect()
}
