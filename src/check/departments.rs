//! Rules on departments: `known-departments`, `subproject-departments`,
//! `unused-departments`, `unique-departments`.

use rustc_hash::FxHashSet as HashSet;

use unicode_normalization::UnicodeNormalization;

use super::Context;
use super::identity::{Identity, PlanEntry};
use super::rules::{
    KNOWN_DEPARTMENTS, SUBPROJECT_DEPARTMENTS, UNIQUE_DEPARTMENTS, UNUSED_DEPARTMENTS,
};
use crate::diagnostic::{Diagnostic, Target};
use crate::messages::Message;
use crate::model::{DEPARTMENTS_PATH, Plan};

/// The plans whose departments are looked at: every plan read, but a second file named after
/// the same plan.
fn plans<'c>(ctx: &'c Context) -> impl Iterator<Item = (&'c PlanEntry<'c>, &'c Plan)> {
    ctx.plans.iter().filter_map(|e| match (e.identity, e.plan) {
        (Identity::Twice { .. }, _) | (_, None) => None,
        (_, Some(plan)) => Some((e, plan)),
    })
}

/// Every department a plan names, with the JSON Pointer of its place (made only when asked).
fn named(plan: &Plan) -> impl Iterator<Item = (&str, Place)> {
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
enum Place {
    Plan(usize),
    Subproject(usize, usize),
}

impl Place {
    fn pointer(self) -> String {
        match self {
            Place::Plan(i) => format!("/departments/{i}"),
            Place::Subproject(s, i) => format!("/subprojects/{s}/departments/{i}"),
        }
    }
}

/// The registered names, if the register could be read.
fn registered<'c>(ctx: &'c Context) -> Option<HashSet<&'c str>> {
    let register = ctx.register?;
    Some(
        register
            .departments
            .iter()
            .map(|d| d.name.as_str())
            .collect(),
    )
}

/// Every department a plan or sub-project names is in the register. A name several plans
/// use, close to a registered name no plan uses, is a slip in the register, reported once
/// there; a name with 「等」 is told to use `and_others`.
pub fn known(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(register) = ctx.register else {
        return;
    };
    let names: Vec<&str> = register
        .departments
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    let known: HashSet<&str> = names.iter().copied().collect();
    let folded = fold_all(&names);
    // Every unknown name, in the order first met, with where it is named.
    let mut unknown: Vec<(&str, Vec<Named>)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut used: HashSet<&str> = HashSet::default();
    for (entry, plan) in plans(ctx) {
        for (name, place) in named(plan) {
            // An empty name is the schema's to report.
            if name.is_empty() {
                continue;
            }
            if known.contains(name) {
                used.insert(name);
                continue;
            }
            let i = *index.entry(name).or_insert_with(|| {
                unknown.push((name, Vec::new()));
                unknown.len() - 1
            });
            unknown[i]
                .1
                .push((entry.doc.path.as_str(), place, plan.and_others));
        }
    }
    for (name, places) in unknown {
        let message = match without_etc(name).filter(|d| known.contains(d)) {
            Some(department) => {
                for (file, place, and_others) in places {
                    let message = Message::DepartmentWithEtc {
                        name: name.to_string(),
                        department: department.to_string(),
                        and_others,
                    };
                    out.push(KNOWN_DEPARTMENTS.report(
                        file,
                        Target::Value(place.pointer()),
                        message,
                    ));
                }
                continue;
            }
            None => {
                let suggestion = suggest_folded(name, &folded);
                let mut files: Vec<&str> = places.iter().map(|(file, ..)| *file).collect();
                files.dedup();
                if let Some(registered) =
                    suggestion.filter(|s| !used.contains(s) && files.len() > 1)
                    && let Some(i) = names.iter().position(|n| *n == registered)
                {
                    out.push(KNOWN_DEPARTMENTS.report(
                        DEPARTMENTS_PATH,
                        Target::Value(format!("/departments/{i}/name")),
                        Message::RegisterMisspelt {
                            registered: registered.to_string(),
                            used: name.to_string(),
                            plans: files.len(),
                        },
                    ));
                    continue;
                }
                Message::UnknownDepartment {
                    name: name.to_string(),
                    suggestion: suggestion.map(str::to_string),
                }
            }
        };
        for (file, place, _) in places {
            out.push(KNOWN_DEPARTMENTS.report(
                file,
                Target::Value(place.pointer()),
                message.clone(),
            ));
        }
    }
}

/// Where an unknown name is written: the file, the place, and whether the plan already says
/// 「等」 (`and_others`).
type Named<'a> = (&'a str, Place, bool);

/// A name written with 「等」 at its end (「人事課 等」), without it.
fn without_etc(name: &str) -> Option<&str> {
    let rest = name
        .trim_end_matches(crate::chars::is_space)
        .strip_suffix('等')?
        .trim_end_matches(crate::chars::is_space);
    (!rest.is_empty()).then_some(rest)
}

/// A sub-project's departments are among its plan's (checked on plans whose own file is
/// free of errors and whose departments are all registered, so a misspelt plan department is
/// reported once, by `known-departments`).
pub fn subproject(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let known = registered(ctx);
    for (entry, plan) in plans(ctx) {
        let all_known = known
            .as_ref()
            .is_none_or(|k| named(plan).all(|(name, _)| name.is_empty() || k.contains(name)));
        if !entry.doc.sound || !all_known {
            continue;
        }
        for (name, place) in named(plan) {
            if matches!(place, Place::Subproject(..))
                && !name.is_empty()
                && !plan.departments.iter().any(|d| d == name)
            {
                out.push(SUBPROJECT_DEPARTMENTS.report(
                    &entry.doc.path,
                    Target::Value(place.pointer()),
                    Message::SubprojectDepartment {
                        name: name.to_string(),
                    },
                ));
            }
        }
    }
}

/// Every registered department is named by some plan (a warning otherwise). Checked only
/// when every plan is there, every plan file is free of errors and names only registered
/// departments: a plan that is missing or cannot be read, or a misspelt name, would make a
/// department look unused.
pub fn unused(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(register), Some(known)) = (ctx.register, registered(ctx)) else {
        return;
    };
    if !ctx.plans_sound() || ctx.hidden || ctx.plans_missing() {
        return;
    }
    let mut used: HashSet<&str> = HashSet::default();
    for (_, plan) in plans(ctx) {
        for (name, _) in named(plan) {
            if !known.contains(name) {
                return;
            }
            used.insert(name);
        }
    }
    for (i, d) in register.departments.iter().enumerate() {
        if !used.contains(d.name.as_str()) {
            out.push(UNUSED_DEPARTMENTS.report(
                DEPARTMENTS_PATH,
                Target::Value(format!("/departments/{i}/name")),
                Message::UnusedDepartment {
                    name: d.name.clone(),
                },
            ));
        }
    }
}

/// No department is registered twice.
pub fn unique(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(register) = ctx.register else {
        return;
    };
    let mut seen = HashSet::default();
    for (i, d) in register.departments.iter().enumerate() {
        if !seen.insert(d.name.as_str()) {
            out.push(UNIQUE_DEPARTMENTS.report(
                DEPARTMENTS_PATH,
                Target::Value(format!("/departments/{i}/name")),
                Message::DuplicateDepartment {
                    name: d.name.clone(),
                },
            ));
        }
    }
}

/// The registered name closest to `name`: the same after Unicode compatibility folding
/// (full-width letters, half-width katakana, spaces), one containing the other, or a small
/// edit distance.
pub fn suggest<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    suggest_folded(name, &fold_all(names))
}

/// Unicode compatibility folding without spaces, for comparing names.
fn fold(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// A registered name prepared for comparison: folded, its length and its sorted characters.
struct Folded<'a> {
    folded: String,
    len: usize,
    sorted: Vec<char>,
    name: &'a str,
}

/// Each registered name prepared once per run.
fn fold_all<'a>(names: &[&'a str]) -> Vec<Folded<'a>> {
    names
        .iter()
        .map(|n| {
            let folded = fold(n);
            let mut sorted: Vec<char> = folded.chars().collect();
            sorted.sort_unstable();
            Folded {
                len: sorted.len(),
                folded,
                sorted,
                name: n,
            }
        })
        .collect()
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

fn suggest_folded<'a>(name: &str, names: &[Folded<'a>]) -> Option<&'a str> {
    let folded = fold(name);
    if let Some(f) = names.iter().find(|f| f.folded == folded) {
        return Some(f.name);
    }
    let mut sorted: Vec<char> = folded.chars().collect();
    sorted.sort_unstable();
    let length = sorted.len();
    names
        .iter()
        .filter_map(|f| {
            let contains =
                length >= 2 && (f.folded.contains(&folded) || folded.contains(f.folded.as_str()));
            let limit = 1.max(length.max(f.len) / 3);
            // Every edit fixes at most one unshared character: a cheap lower bound that
            // spares the edit distance for names that cannot be close.
            let bound = length.max(f.len) - common(&sorted, &f.sorted);
            if !contains && bound > limit {
                return None;
            }
            let distance = strsim::levenshtein(&folded, &f.folded);
            (contains || distance <= limit).then_some((distance, f.name))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, n)| n)
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
}
