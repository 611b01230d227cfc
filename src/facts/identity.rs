//! Which plan each file is, decided once for the rules `file-location`, `unique-ids` and
//! `outline-refs`, and for the counting rules.
//!
//! A file named after a plan (`G-I-N.json`) is that plan, present, whatever is wrong inside
//! it: a file that does not parse still counts, so a broken file is reported once, by the
//! rule it breaks, and never again as a plan missing from the outline. Each file gets at most
//! one diagnostic about what it is, from the first of these that holds: another file is
//! named after the same plan; its `id` is another file's (a copy); its `id` differs from its
//! name; its name is not an id; its number is not in the outline; it is in the wrong folder.

use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;

use super::document::{Checked, Content};
use crate::diagnostic::Target;
use crate::model::{Kind, Outline, Plan, PlanId};

/// The outline's goals and action areas, when they are numbered 1..n as they should be.
#[derive(Debug, Clone)]
pub struct Areas {
    /// How many action areas each goal has; goal `g` is at `g - 1`.
    items: Vec<usize>,
}

impl Areas {
    /// The outline's areas, or `None` if its goals or action areas are not numbered 1..n.
    pub fn of(outline: &Outline) -> Option<Areas> {
        let numbered = outline.goals.iter().enumerate().all(|(gi, g)| {
            g.number == gi as u64 + 1
                && g.items
                    .iter()
                    .enumerate()
                    .all(|(ii, i)| i.number == ii as u64 + 1)
        });
        numbered.then(|| Areas {
            items: outline.goals.iter().map(|g| g.items.len()).collect(),
        })
    }

    pub fn goals(&self) -> usize {
        self.items.len()
    }

    /// How many action areas goal `goal` has, if it exists.
    pub fn items(&self, goal: u32) -> Option<usize> {
        self.items.get((goal as usize).checked_sub(1)?).copied()
    }

    /// Whether the plan's goal and action area exist.
    pub fn contains(&self, id: PlanId) -> bool {
        self.items(id.goal)
            .is_some_and(|items| id.area >= 1 && id.area as usize <= items)
    }
}

/// What a plan file is, and the one thing (if any) wrong with that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity<'a> {
    /// Named after its id, in its folder, in the outline.
    InPlace,
    /// Another file, `other`, is named after the same plan (and is the one counted).
    Twice { other: &'a str },
    /// Its `id` is the name of another file, `owner`: a copy whose `id` was not changed.
    Copy { id: PlanId, owner: &'a str },
    /// Its `id` differs from its name, and no file is named after it.
    Mismatch { id: PlanId },
    /// Its name is not an id; its `id` is.
    Misnamed { id: PlanId },
    /// Its goal is not in the outline.
    UnknownGoal,
    /// Its action area is not in the outline.
    UnknownArea,
    /// Named after its id, but in another folder than `plans/goal-G/`.
    WrongFolder,
}

/// A plan file, with what it is.
#[derive(Debug, Clone)]
pub struct PlanEntry<'a> {
    pub doc: &'a Checked,
    /// The plan as read (leniently), if the file could be read and parsed.
    pub plan: Option<&'a Plan>,
    /// The id in the file's name.
    pub name: Option<PlanId>,
    /// The id inside the file, if it is well formed.
    pub id: Option<PlanId>,
    pub identity: Identity<'a>,
    /// The plan the file counts as, for `numbering` and `counts`.
    pub counts_as: Option<PlanId>,
    /// The other plan a file stands for when its name and its `id` differ: until one of the
    /// two is corrected, neither is reported missing.
    pub stands_for_too: Option<PlanId>,
}

/// Whether a parsed file is an object with a well-formed `id` (a plan under another name).
pub fn has_plan_id(value: &Value) -> bool {
    value
        .get("id")
        .and_then(Value::as_str)
        .and_then(PlanId::parse)
        .is_some()
}

/// Every plan file of `docs` (named after a plan, however typed, or holding a plan's id),
/// with what it is.
pub fn identify<'a>(docs: &'a super::docs::Docs, areas: Option<&Areas>) -> Vec<PlanEntry<'a>> {
    // The file each plan's name belongs to: the one in its place, else the first.
    let mut named: HashMap<PlanId, &'a Checked> =
        HashMap::with_capacity_and_hasher(docs.len(), Default::default());
    for doc in docs.iter() {
        if let Kind::Plan(id) = doc.kind {
            named
                .entry(id)
                .and_modify(|owner| {
                    if doc.in_place {
                        *owner = doc;
                    }
                })
                .or_insert(doc);
        }
    }
    // A file is a copy of plan `c` only if the file named `c` really holds plan `c`: two
    // files whose ids were swapped are two mismatches, never copies to delete.
    let owner_of = |c: PlanId| named.get(&c).filter(|owner| owner.id == Some(c));
    let mut unnamed: HashMap<PlanId, &'a str> = HashMap::default();
    let in_outline = |id: PlanId| areas.is_none_or(|a| a.contains(id));
    let mut entries = Vec::with_capacity(docs.len());
    for doc in docs.iter() {
        let plan = match &doc.content {
            Content::Plan(plan) => Some(plan),
            _ => None,
        };
        let (name, typed) = match doc.kind {
            Kind::Plan(id) => (Some(id), None),
            Kind::Misnamed(id) => (None, Some(id)),
            Kind::Other if plan.is_some() => (None, None),
            _ => continue,
        };
        let id = doc.id;
        let identity = match (name, id.or(typed)) {
            (Some(n), _) if named.get(&n).is_some_and(|owner| owner.path != doc.path) => {
                Identity::Twice {
                    other: &named[&n].path,
                }
            }
            (Some(n), Some(c)) if c != n => match owner_of(c) {
                Some(owner) => Identity::Copy {
                    id: c,
                    owner: &owner.path,
                },
                None => Identity::Mismatch { id: c },
            },
            (None, Some(c)) => match owner_of(c)
                .map(|o| o.path.as_str())
                .or(unnamed.get(&c).copied())
            {
                Some(owner) => Identity::Copy { id: c, owner },
                None => {
                    unnamed.insert(c, &doc.path);
                    Identity::Misnamed { id: c }
                }
            },
            (Some(n), _) => match areas {
                Some(a) if a.items(n.goal).is_none() => Identity::UnknownGoal,
                Some(a) if !a.contains(n) => Identity::UnknownArea,
                _ if !doc.in_place => Identity::WrongFolder,
                _ => Identity::InPlace,
            },
            (None, None) => continue,
        };
        let (counted, also) = match identity {
            Identity::Twice { .. } | Identity::UnknownGoal => (None, None),
            // Counted in its goal (not in an action area), so a whole action area missing
            // from the outline does not also make the goal short of plans.
            Identity::UnknownArea => (name, None),
            Identity::Copy { .. } | Identity::WrongFolder | Identity::InPlace => (name, None),
            Identity::Misnamed { id } => (Some(id), None),
            // Counted under its name, unless only its id is in the outline.
            Identity::Mismatch { id } => match name {
                Some(n) if !in_outline(n) && in_outline(id) => (Some(id), Some(n)),
                n => (n, Some(id)),
            },
        };
        entries.push(PlanEntry {
            doc,
            plan,
            name,
            id,
            identity,
            counts_as: counted,
            stands_for_too: also,
        });
    }
    entries
}

/// The file's `id`, where it has one to point at; else the file.
pub fn id_target(entry: &PlanEntry) -> Target {
    match entry.plan {
        Some(plan) if !plan.id.is_empty() => Target::Value("/id".to_string()),
        _ => Target::File,
    }
}
