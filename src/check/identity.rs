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

use super::rules::{FILE_LOCATION, OUTLINE_REFS, UNIQUE_IDS};
use super::{Checked, Content, Context};
use crate::diagnostic::{Diagnostic, Target};
use crate::messages::Message;
use crate::model::{Kind, OUTLINE_PATH, Outline, Plan, PlanId, Special};

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
            .is_some_and(|items| id.item >= 1 && id.item as usize <= items)
    }
}

/// What a plan file is, and the one thing (if any) wrong with that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity<'a> {
    /// Named after its id, in its folder, in the outline.
    Sound,
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
    UnknownItem,
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
    pub counted: Option<PlanId>,
    /// The other plan a file stands for when its name and its `id` differ: until one of the
    /// two is corrected, neither is reported missing.
    pub also: Option<PlanId>,
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
                    if doc.placed {
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
                Some(a) if !a.contains(n) => Identity::UnknownItem,
                _ if !doc.placed => Identity::WrongFolder,
                _ => Identity::Sound,
            },
            (None, None) => continue,
        };
        let (counted, also) = match identity {
            Identity::Twice { .. } | Identity::UnknownGoal => (None, None),
            // Counted in its goal (not in an action area), so a whole action area missing
            // from the outline does not also make the goal short of plans.
            Identity::UnknownItem => (name, None),
            Identity::Copy { .. } | Identity::WrongFolder | Identity::Sound => (name, None),
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
            counted,
            also,
        });
    }
    entries
}

/// A plan is at `plans/goal-G/<id>.json` with the same `id` inside; the outline and the
/// register exist, in their places; no other JSON file is in `plans/`.
pub fn location(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut present = [false; 2];
    let mut misplaced = [false; 2];
    for doc in ctx.docs.iter() {
        match (doc.kind, &doc.content) {
            (Kind::Outline, _) => present[0] = true,
            (Kind::Register, _) => present[1] = true,
            // A file that could not be read is reported by file-read alone.
            (_, Content::Unread) => {}
            (Kind::Misplaced(which), _) => misplaced[which as usize] = true,
            (Kind::Other, Content::Plan(_)) | (Kind::Plan(_) | Kind::Misnamed(_), _) => {}
            (Kind::Other, _) => {
                out.push(FILE_LOCATION.report(&doc.path, Target::File, Message::NotAPlan))
            }
        }
    }
    for doc in ctx.docs.iter() {
        if let (Kind::Misplaced(which), false) = (doc.kind, matches!(doc.content, Content::Unread))
        {
            out.push(FILE_LOCATION.report(
                &doc.path,
                Target::File,
                Message::Misplaced {
                    which,
                    exists: present[which as usize],
                },
            ));
        }
    }
    for which in [Special::Outline, Special::Register] {
        let i = which as usize;
        if !present[i] && !misplaced[i] {
            out.push(FILE_LOCATION.report(
                which.path(),
                Target::File,
                Message::MissingFile { which },
            ));
        }
    }
    let renamed = misnamed_folders(ctx);
    let taken = |id: PlanId| ctx.plans.iter().any(|e| e.name == Some(id));
    for entry in &ctx.plans {
        let (target, message) = match (entry.identity, entry.name) {
            (Identity::WrongFolder, Some(_))
                if renamed
                    .iter()
                    .any(|(folder, _)| *folder == folder_of(&entry.doc.path)) =>
            {
                continue;
            }
            (Identity::WrongFolder, Some(id)) => (Target::File, Message::WrongFolder { id }),
            (Identity::Mismatch { id }, Some(name)) => (
                id_target(entry),
                Message::IdMismatch {
                    id,
                    name,
                    rename: !taken(id) && ctx.areas.as_ref().is_none_or(|a| a.contains(id)),
                },
            ),
            (Identity::Misnamed { id }, _) => {
                // The id typed the same other way as the name (`１-１-３`, `1-2-01`).
                let id_too = entry.id.is_none()
                    && entry
                        .plan
                        .is_some_and(|p| PlanId::parse_lookalike(&p.id) == Some(id));
                (Target::File, Message::MisnamedPlan { id, id_too })
            }
            _ => continue,
        };
        out.push(FILE_LOCATION.report(&entry.doc.path, target, message));
    }
    for (folder, goal) in renamed {
        out.push(FILE_LOCATION.report(folder, Target::File, Message::FolderMisnamed { goal }));
    }
}

/// The folder a path is in.
fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// Folders whose plans all belong to one goal whose folder does not exist: the folder has
/// the wrong name (`plans/goal1`), one mistake however many plans it holds. Each with the
/// goal its plans belong to.
fn misnamed_folders<'c>(ctx: &'c Context) -> Vec<(&'c str, u32)> {
    if !ctx
        .plans
        .iter()
        .any(|e| e.identity == Identity::WrongFolder)
    {
        return Vec::new();
    }
    /// What a folder's plans say: the one goal of them all (None once they differ, or once
    /// one is not in a wrong folder), and how many there are.
    struct Seen {
        goal: Option<u32>,
        plans: usize,
    }
    let mut folders: std::collections::BTreeMap<&str, Seen> = Default::default();
    for entry in &ctx.plans {
        let seen = folders.entry(folder_of(&entry.doc.path)).or_insert(Seen {
            goal: entry.name.map(|id| id.goal),
            plans: 0,
        });
        seen.plans += 1;
        match (entry.identity, entry.name) {
            (Identity::WrongFolder, Some(id)) if seen.goal == Some(id.goal) => {}
            _ => seen.goal = None,
        }
    }
    let exists = |goal: u32| {
        let prefix = format!("plans/goal-{goal}/");
        ctx.docs.iter().any(|d| d.path.starts_with(&prefix))
    };
    folders
        .into_iter()
        .filter(|(folder, seen)| *folder != "plans" && seen.plans > 1)
        .filter_map(|(folder, seen)| Some((folder, seen.goal?)))
        .filter(|(_, goal)| !exists(*goal))
        .collect()
}

/// One file per plan: no file whose `id` is another file's, and no plan named twice.
pub fn unique_ids(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let title_of = |path: &str| {
        ctx.plans
            .iter()
            .find(|e| e.doc.path == path)
            .and_then(|e| e.plan.map(|p| p.title.as_str()))
    };
    for entry in &ctx.plans {
        let (target, message) = match (entry.identity, entry.name) {
            (Identity::Copy { id, owner }, name) => (
                id_target(entry),
                Message::CopiedId {
                    id,
                    owner: owner.to_string(),
                    name,
                    same_title: entry
                        .plan
                        .is_some_and(|p| Some(p.title.as_str()) == title_of(owner)),
                },
            ),
            (Identity::Twice { other }, Some(id)) => (
                Target::File,
                Message::SamePlanTwice {
                    id,
                    other: other.to_string(),
                },
            ),
            _ => continue,
        };
        out.push(UNIQUE_IDS.report(&entry.doc.path, target, message));
    }
}

/// Each plan's goal and action area exist in the outline. Several plans of one action area
/// (or goal) that is not there are one mistake in the outline, reported once on it.
pub fn outline_refs(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(areas), Some(outline)) = (&ctx.areas, ctx.outline) else {
        return;
    };
    // The plans of each (goal, action area) not in the outline; the action area is 0 for a
    // goal that is not there.
    let mut unknown: std::collections::BTreeMap<(u32, u32), Vec<&PlanEntry>> = Default::default();
    for entry in &ctx.plans {
        let (Some(id), Some(_)) = (entry.name, entry.plan) else {
            continue;
        };
        match entry.identity {
            Identity::UnknownGoal => unknown.entry((id.goal, 0)).or_default().push(entry),
            Identity::UnknownItem => unknown.entry((id.goal, id.item)).or_default().push(entry),
            _ => {}
        }
    }
    for ((goal, item), entries) in unknown {
        if let [_, _, ..] = entries.as_slice() {
            let (target, message) = if item == 0 {
                (
                    Target::Value("/goals".to_string()),
                    Message::GoalMissing {
                        goal,
                        plans: entries.len(),
                        goals: areas.goals(),
                    },
                )
            } else {
                let gi = outline
                    .goals
                    .iter()
                    .position(|g| g.number == u64::from(goal));
                (
                    Target::Value(format!("/goals/{}/items", gi.unwrap_or(0))),
                    Message::AreaMissing {
                        goal,
                        item,
                        plans: entries.len(),
                        items: areas.items(goal).unwrap_or(0),
                    },
                )
            };
            out.push(OUTLINE_REFS.report(OUTLINE_PATH, target, message));
            continue;
        }
        for entry in entries {
            let message = if item == 0 {
                Message::UnknownGoal {
                    goal,
                    goals: areas.goals(),
                }
            } else {
                Message::UnknownItem {
                    goal,
                    item,
                    items: areas.items(goal).unwrap_or(0),
                }
            };
            out.push(OUTLINE_REFS.report(&entry.doc.path, id_target(entry), message));
        }
    }
}

/// The file's `id`, where it has one to point at; else the file.
pub fn id_target(entry: &PlanEntry) -> Target {
    match entry.plan {
        Some(plan) if !plan.id.is_empty() => Target::Value("/id".to_string()),
        _ => Target::File,
    }
}
