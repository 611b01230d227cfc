//! Rules on departments: `known-departments`, `subproject-departments`,
//! `unused-departments`, `unique-departments`.

use std::collections::HashSet;

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
    for entry in &ctx.plans {
        let mut check = |pointer: String, name: &str| {
            // An empty name is the schema's to report.
            if !name.is_empty() && !known.contains(name) {
                out.push(Diagnostic::error(
                    KNOWN,
                    &entry.doc.path,
                    Target::Value(pointer),
                    messages::unknown_department(name, suggest(name, &names)),
                ));
            }
        };
        for (i, name) in entry.plan.departments.iter().enumerate() {
            check(format!("/departments/{i}"), name);
        }
        for (s, sub) in entry.plan.subprojects.iter().enumerate() {
            for (i, name) in sub.departments.iter().flatten().enumerate() {
                check(format!("/subprojects/{s}/departments/{i}"), name);
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
    let mut seen = HashSet::new();
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
    let fold = |s: &str| -> String { s.nfkc().filter(|c| !c.is_whitespace()).collect() };
    let folded = fold(name);
    if let Some(n) = names.iter().find(|n| fold(n) == folded) {
        return Some(n);
    }
    let length = folded.chars().count();
    names
        .iter()
        .map(|n| {
            let other = fold(n);
            let contains = length >= 2 && (other.contains(&folded) || folded.contains(&other));
            let distance = strsim::levenshtein(&folded, &other);
            let limit = 1.max(length.max(other.chars().count()) / 3);
            (contains || distance <= limit, distance, *n)
        })
        .filter(|(close, _, _)| *close)
        .min_by_key(|(_, distance, _)| *distance)
        .map(|(_, _, n)| n)
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
