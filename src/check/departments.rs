//! Rules on departments: `known-departments`, `subproject-departments`,
//! `unused-departments`, `unique-departments`.

use rustc_hash::FxHashSet as HashSet;

use unicode_normalization::UnicodeNormalization;

use super::diagnostic::{Diagnostic, Target};
use super::{Context, DEPARTMENTS_PATH};
use crate::messages;

pub const KNOWN: &str = "known-departments";
pub const SUBPROJECT: &str = "subproject-departments";
pub const UNUSED: &str = "unused-departments";
pub const UNIQUE: &str = "unique-departments";

/// Every department a plan or sub-project names is in the register.
pub fn known(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((_, register)) = &ctx.register else {
        return;
    };
    let names: Vec<&str> = register
        .departments
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    let known: HashSet<&str> = names.iter().copied().collect();
    let folded = fold_all(&names);
    for entry in &ctx.plans {
        // The pointer is written only for an unknown name.
        let mut check = |name: &str, pointer: &dyn Fn() -> String| {
            // An empty name is the schema's to report.
            if !name.is_empty() && !known.contains(name) {
                out.push(Diagnostic::error(
                    KNOWN,
                    &entry.doc.path,
                    Target::Value(pointer()),
                    messages::unknown_department(name, suggest_folded(name, &folded)),
                ));
            }
        };
        for (i, name) in entry.plan.departments.iter().enumerate() {
            check(name, &|| format!("/departments/{i}"));
        }
        for (s, sub) in entry.plan.subprojects.iter().enumerate() {
            for (i, name) in sub.departments.iter().flatten().enumerate() {
                check(name, &|| format!("/subprojects/{s}/departments/{i}"));
            }
        }
    }
}

/// A sub-project's departments are among its plan's.
pub fn subproject(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &ctx.plans {
        for (s, sub) in entry.plan.subprojects.iter().enumerate() {
            for (i, name) in sub.departments.iter().flatten().enumerate() {
                if !name.is_empty() && !entry.plan.departments.contains(name) {
                    out.push(Diagnostic::error(
                        SUBPROJECT,
                        &entry.doc.path,
                        Target::Value(format!("/subprojects/{s}/departments/{i}")),
                        messages::subproject_department(name),
                    ));
                }
            }
        }
    }
}

/// Every registered department is named by some plan (a warning otherwise).
pub fn unused(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((_, register)) = &ctx.register else {
        return;
    };
    let used: HashSet<&str> = ctx
        .plans
        .iter()
        .flat_map(|e| {
            e.plan.departments.iter().chain(
                e.plan
                    .subprojects
                    .iter()
                    .flat_map(|s| s.departments.iter().flatten()),
            )
        })
        .map(String::as_str)
        .collect();
    for (i, d) in register.departments.iter().enumerate() {
        if !used.contains(d.name.as_str()) {
            out.push(Diagnostic::warning(
                UNUSED,
                DEPARTMENTS_PATH,
                Target::Value(format!("/departments/{i}/name")),
                messages::unused_department(&d.name),
            ));
        }
    }
}

/// No department is registered twice.
pub fn unique(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((_, register)) = &ctx.register else {
        return;
    };
    let mut seen = HashSet::default();
    for (i, d) in register.departments.iter().enumerate() {
        if !seen.insert(d.name.as_str()) {
            out.push(Diagnostic::error(
                UNIQUE,
                DEPARTMENTS_PATH,
                Target::Value(format!("/departments/{i}/name")),
                messages::duplicate_department(&d.name),
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
