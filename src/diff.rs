//! What changed in the plan between two versions of the data (`plans diff`): plans added,
//! removed, renumbered or retitled, their departments, 「等」 and sub-projects, the outline's
//! goals and action areas, and the numbers of plans per goal, in all and per department.
//! Changes are typed (`messages::Change`); the catalogue words them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use crate::messages::{Amount, Change, Figures, SetupSummary};
use crate::model::{
    Comment, CommentBy, Goal, Indicator, Model, Outline, Plan, PlanId, YearProgress,
};

/// Every change from `base` to `head`: the outline's, then the plans' (by number), then the
/// numbers of plans.
pub fn compare(base: &Model, head: &Model) -> Vec<Change> {
    let mut changes = outline(base, head);
    changes.extend(register(base, head));
    // The scale's words for each code (the head's, then the base's for codes it no longer has),
    // and the section that owns the plan (the head's, else the base's).
    let mut names = Names::default();
    for model in [base, head] {
        if let Some(setup) = model.outline.as_ref().and_then(|o| o.setup()) {
            names.labels.extend(
                setup
                    .scale
                    .iter()
                    .map(|l| (l.code.clone(), l.label.clone())),
            );
        }
    }
    names.owner = [head, base]
        .iter()
        .find_map(|m| m.outline.as_ref().and_then(|o| o.owner.clone()));
    changes.extend(plans(base, head, &names));
    changes.extend(counts(base, head));
    for (from, to, since, into_registered) in reorganisations(base, head) {
        changes = folded(changes, (base, head), (&from, &to), since, into_registered);
    }
    changes
}

/// What the changes of progress name besides the plans: the scale's words for each code, and
/// the section that owns the plan (who a section's comment is by).
#[derive(Default)]
struct Names {
    labels: HashMap<String, String>,
    owner: Option<String>,
}

/// The reorganisations the head's register records that the base's does not: each
/// department with former names the base registered under those names.
/// One reorganisation: the names merged or renamed, the name now, since when, and whether the
/// name now was registered before.
type Reorganised = (Vec<String>, String, Option<i64>, bool);

fn reorganisations(base: &Model, head: &Model) -> Vec<Reorganised> {
    let departments = |m: &Model| -> Vec<crate::model::Department> {
        m.register
            .iter()
            .flat_map(|r| r.departments.iter().cloned())
            .collect()
    };
    let (old, new) = (departments(base), departments(head));
    let registered =
        |list: &[crate::model::Department], name: &str| list.iter().any(|d| d.name == name);
    new.iter()
        .filter(|d| !d.formerly.is_empty())
        // Recorded in this change, not before it.
        .filter(|d| {
            !old.iter()
                .any(|o| o.name == d.name && o.formerly == d.formerly)
        })
        .filter_map(|d| {
            let from: Vec<String> = d
                .formerly
                .iter()
                .filter(|f| registered(&old, f) && !registered(&new, f))
                .cloned()
                .collect();
            let before = registered(&old, &d.name);
            (!from.is_empty()).then(|| (from, d.name.clone(), d.since, before))
        })
        .collect()
}

/// `changes` with one reorganisation said once: the register's lines for its names, and in
/// each plan that named a merged name, the exchange of those names for the new one; every
/// other change stays (a department added to a plan that named none of them, a count that
/// moved by more than the exchange), placed where the register's changes are.
fn folded(
    changes: Vec<Change>,
    (base, head): (&Model, &Model),
    (from, to): (&[String], &str),
    since: Option<i64>,
    into_registered: bool,
) -> Vec<Change> {
    use crate::facts::departments::named;
    let names_any_from = |p: &Plan| named(p).any(|(n, _)| from.iter().any(|f| f == n));
    let names_to = |p: &Plan| named(p).any(|(n, _)| n == to);
    // The plans whose exchange this is: they named a merged name, and now name the new one.
    let exchanged: HashSet<String> = base
        .plans
        .iter()
        .filter(|(_, p)| names_any_from(p))
        .filter(|(id, _)| head.plan(*id).is_some_and(names_to))
        .map(|(id, _)| id.to_string())
        .collect();
    let plans = base.plans.iter().filter(|(_, p)| names_any_from(p)).count();
    // The new name's count after the exchange alone: its own plans and those exchanged.
    let expected_after = base
        .plans
        .iter()
        .filter(|(id, p)| names_to(p) || exchanged.contains(&id.to_string()))
        .count();
    let count_now = head.plans.iter().filter(|(_, p)| names_to(p)).count();
    let to_count_explained = count_now == expected_after;
    let mut out = Vec::with_capacity(changes.len());
    let mut placed = false;
    let mut place = |out: &mut Vec<Change>| {
        if !placed {
            out.push(Change::DepartmentsReorganised {
                from: from.to_vec(),
                to: to.to_string(),
                since,
                plans,
                into_registered,
            });
            placed = true;
        }
    };
    for change in changes {
        match change {
            Change::DepartmentRegistered { name } | Change::DepartmentUnregistered { name }
                if from.contains(&name) || name == to =>
            {
                place(&mut out);
            }
            Change::DepartmentsAdded { id, names } if exchanged.contains(&id) => {
                let names: Vec<String> = names.into_iter().filter(|n| n != to).collect();
                if !names.is_empty() {
                    out.push(Change::DepartmentsAdded { id, names });
                }
            }
            Change::DepartmentsRemoved { id, names } if exchanged.contains(&id) => {
                let names: Vec<String> = names.into_iter().filter(|n| !from.contains(n)).collect();
                if !names.is_empty() {
                    out.push(Change::DepartmentsRemoved { id, names });
                }
            }
            Change::SubprojectDepartments {
                id,
                title,
                added,
                removed,
            } if exchanged.contains(&id) => {
                let added: Vec<String> = added.into_iter().filter(|n| n != to).collect();
                let removed: Vec<String> =
                    removed.into_iter().filter(|n| !from.contains(n)).collect();
                if !added.is_empty() || !removed.is_empty() {
                    out.push(Change::SubprojectDepartments {
                        id,
                        title,
                        added,
                        removed,
                    });
                }
            }
            // A merged name's count goes with it; the new name's, when the exchange explains it.
            Change::DepartmentCount { ref name, .. }
                if from.contains(name) || (name == to && to_count_explained) => {}
            other => out.push(other),
        }
    }
    place(&mut out);
    out
}

fn outline(base: &Model, head: &Model) -> Vec<Change> {
    let mut changes = Vec::new();
    let (Some(before), Some(after)) = (&base.outline, &head.outline) else {
        return changes;
    };
    if before.title != after.title {
        changes.push(Change::Retitled {
            from: before.title.clone(),
            to: after.title.clone(),
        });
    }
    if before.expected_total != after.expected_total {
        changes.push(Change::ExpectedTotal {
            before: before.expected_total,
            after: after.expected_total,
        });
    }
    let (old, new) = (goals(before), goals(after));
    let numbers: BTreeSet<u64> = old.keys().chain(new.keys()).copied().collect();
    for goal in numbers {
        if let (Some(a), Some(b)) = (old.get(&goal), new.get(&goal))
            && a.expected_plans != b.expected_plans
        {
            changes.push(Change::ExpectedPlans {
                goal,
                before: a.expected_plans,
                after: b.expected_plans,
            });
        }
        match (old.get(&goal), new.get(&goal)) {
            (Some(g), None) => changes.push(Change::GoalRemoved {
                goal,
                title: g.title.clone(),
            }),
            (None, Some(g)) => changes.push(Change::GoalAdded {
                goal,
                title: g.title.clone(),
            }),
            (Some(a), Some(b)) if a.title != b.title => changes.push(Change::GoalRetitled {
                goal,
                from: a.title.clone(),
                to: b.title.clone(),
            }),
            _ => {}
        }
        let items = |g: Option<&&Goal>| -> BTreeMap<u64, String> {
            g.iter()
                .flat_map(|g| g.items.iter())
                .map(|i| (i.number, i.title.clone()))
                .collect()
        };
        let (old_items, new_items) = (items(old.get(&goal)), items(new.get(&goal)));
        let numbers: BTreeSet<u64> = old_items.keys().chain(new_items.keys()).copied().collect();
        for item in numbers {
            match (old_items.get(&item), new_items.get(&item)) {
                (Some(title), None) => changes.push(Change::AreaRemoved {
                    goal,
                    item,
                    title: title.clone(),
                }),
                (None, Some(title)) => changes.push(Change::AreaAdded {
                    goal,
                    item,
                    title: title.clone(),
                }),
                (Some(a), Some(b)) if a != b => changes.push(Change::AreaRetitled {
                    goal,
                    item,
                    from: a.clone(),
                    to: b.clone(),
                }),
                _ => {}
            }
        }
    }
    // A year opened: only the year being reported moved on.
    let opened = match (before.setup(), after.setup()) {
        (Some(a), Some(b)) if a.reporting_year != b.reporting_year => {
            let same = crate::model::ProgressSetup {
                reporting_year: b.reporting_year,
                ..a.clone()
            };
            (same == *b).then_some((a.reporting_year, b.reporting_year))
        }
        _ => None,
    };
    if let Some((from, to)) = opened {
        changes.push(Change::ReportingYear { from, to });
    } else if before.progress != after.progress {
        changes.push(Change::ProgressSetup {
            now: after.setup().map(|s| SetupSummary {
                from: s.period.from,
                to: s.period.to,
                reporting_year: s.reporting_year,
                codes: s.scale.iter().map(|l| l.code.clone()).collect(),
                labels: s.scale.iter().map(|l| l.label.clone()).collect(),
            }),
        });
    }
    changes
}

/// Departments registered or taken out of the register, in the register's order.
fn register(base: &Model, head: &Model) -> Vec<Change> {
    let names = |m: &Model| -> Vec<String> {
        m.register
            .iter()
            .flat_map(|r| r.departments.iter())
            .map(|d| d.name.clone())
            .collect()
    };
    let (old, new) = (names(base), names(head));
    let mut changes: Vec<Change> = missing_from(&new, &old)
        .into_iter()
        .map(|name| Change::DepartmentRegistered { name })
        .collect();
    changes.extend(
        missing_from(&old, &new)
            .into_iter()
            .map(|name| Change::DepartmentUnregistered { name }),
    );
    changes
}

fn goals(outline: &Outline) -> BTreeMap<u64, &Goal> {
    outline.goals.iter().map(|g| (g.number, g)).collect()
}

fn plans(base: &Model, head: &Model, names: &Names) -> Vec<Change> {
    let old: BTreeMap<PlanId, &Plan> = base.plans.iter().map(|(id, p)| (*id, p)).collect();
    let new: BTreeMap<PlanId, &Plan> = head.plans.iter().map(|(id, p)| (*id, p)).collect();
    // A plan is the plan with the same title first, wherever it is numbered (a plan moved,
    // renumbered, or shifted by one inserted before it); then the plan with the same number
    // (retitled). What is left was removed or added.
    let mut by_title: HashMap<&str, VecDeque<PlanId>> = HashMap::new();
    for (id, plan) in &new {
        by_title
            .entry(plan.title.as_str())
            .or_default()
            .push_back(*id);
    }
    let mut taken: HashSet<PlanId> = HashSet::new();
    let mut pairs: Vec<(PlanId, PlanId)> = Vec::new();
    let mut left = Vec::new();
    for (from, plan) in &old {
        match by_title
            .get_mut(plan.title.as_str())
            .and_then(VecDeque::pop_front)
        {
            Some(to) => {
                pairs.push((*from, to));
                taken.insert(to);
            }
            None => left.push(*from),
        }
    }
    let mut gone = Vec::new();
    for from in left {
        if new.contains_key(&from) && taken.insert(from) {
            pairs.push((from, from));
        } else {
            gone.push(from);
        }
    }
    let added: Vec<PlanId> = new
        .keys()
        .filter(|id| !taken.contains(id))
        .copied()
        .collect();
    let mut changes: Vec<(PlanId, Change)> = Vec::new();
    for from in gone {
        changes.push((
            from,
            Change::PlanRemoved {
                id: from.to_string(),
                title: old[&from].title.clone(),
                progress_years: old[&from].progress.len(),
            },
        ));
    }
    for to in added {
        changes.push((
            to,
            Change::PlanAdded {
                id: to.to_string(),
                title: new[&to].title.clone(),
                added_in: new[&to].added_in,
            },
        ));
    }
    for (from, to) in pairs {
        let (a, b) = (old[&from], new[&to]);
        if from != to {
            changes.push((
                to,
                Change::PlanRenumbered {
                    from: from.to_string(),
                    to: to.to_string(),
                    title: b.title.clone(),
                },
            ));
        }
        changes.extend(
            plan(&to.to_string(), a, b, names)
                .into_iter()
                .map(|c| (to, c)),
        );
    }
    // By number; each plan's changes in the order they were found.
    changes.sort_by_key(|(id, _)| *id);
    changes.into_iter().map(|(_, c)| c).collect()
}

/// The names in `a` that `b` lacks, in `a`'s order.
fn missing_from(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|n| !b.contains(n)).cloned().collect()
}

/// What changed inside one plan.
fn plan(id: &str, a: &Plan, b: &Plan, names: &Names) -> Vec<Change> {
    let id = id.to_string();
    let mut changes = Vec::new();
    if let Some(ended) = &b.ended
        && a.ended.as_ref() != Some(ended)
    {
        changes.push(Change::PlanEnded {
            id: id.clone(),
            title: b.title.clone(),
            year: ended.year,
            reason: ended.reason,
            into: ended.into.clone(),
        });
    }
    if a.title != b.title {
        changes.push(Change::PlanRetitled {
            id: id.clone(),
            from: a.title.clone(),
            to: b.title.clone(),
        });
    }
    let added = missing_from(&b.departments, &a.departments);
    if !added.is_empty() {
        changes.push(Change::DepartmentsAdded {
            id: id.clone(),
            names: added,
        });
    }
    let removed = missing_from(&a.departments, &b.departments);
    if !removed.is_empty() {
        changes.push(Change::DepartmentsRemoved {
            id: id.clone(),
            names: removed,
        });
    }
    if a.and_others != b.and_others {
        changes.push(Change::AndOthers {
            id: id.clone(),
            now: b.and_others,
        });
    }
    let find = |p: &Plan, title: &str| p.subprojects.iter().find(|s| s.title == title).cloned();
    for s in &a.subprojects {
        if find(b, &s.title).is_none() {
            changes.push(Change::SubprojectRemoved {
                id: id.clone(),
                title: s.title.clone(),
            });
        }
    }
    for s in &b.subprojects {
        match find(a, &s.title) {
            None => changes.push(Change::SubprojectAdded {
                id: id.clone(),
                title: s.title.clone(),
            }),
            Some(old) => {
                let (before, after) = (
                    old.departments.unwrap_or_default(),
                    s.departments.clone().unwrap_or_default(),
                );
                let (added, removed) =
                    (missing_from(&after, &before), missing_from(&before, &after));
                if !added.is_empty() || !removed.is_empty() {
                    changes.push(Change::SubprojectDepartments {
                        id: id.clone(),
                        title: s.title.clone(),
                        added,
                        removed,
                    });
                }
            }
        }
    }
    changes.extend(progress(&id, a, b, names));
    changes
}

/// What changed in a plan's progress, year by year in order: a year added or taken away, its
/// status, its result, its indicators, its next steps, its fiscal effect and its comment.
fn progress(id: &str, a: &Plan, b: &Plan, names: &Names) -> Vec<Change> {
    let years: BTreeSet<&str> = a
        .progress
        .iter()
        .chain(&b.progress)
        .map(|e| e.year.as_str())
        .collect();
    let mut changes = Vec::new();
    for year in years {
        let before = a.progress.iter().find(|e| e.year == year);
        let after = b.progress.iter().find(|e| e.year == year);
        let status = |e: Option<&YearProgress>| e.map(|e| e.status.clone().unwrap_or_default());
        let label =
            |code: &Option<String>| code.as_ref().and_then(|c| names.labels.get(c)).cloned();
        if status(before) != status(after) {
            changes.push(Change::ProgressStatus {
                id: id.to_string(),
                year: year.to_string(),
                from_label: label(&status(before)),
                to_label: label(&status(after)),
                from: status(before),
                to: status(after),
            });
        }
        // A year taken away: its status says so, and what it held goes with it.
        let Some(y) = after else {
            continue;
        };
        let (id, year) = (id.to_string(), year.to_string());
        // A new entry's texts are new: written whole.
        if let Some(w) = written(before.map(|x| x.summary.as_str()), Some(&y.summary)) {
            changes.push(Change::ProgressSummary {
                id: id.clone(),
                year: year.clone(),
                sentences: w.sentences,
                whole: w.whole,
                taken_out: w.taken_out,
            });
        }
        let none: &[Indicator] = &[];
        changes.extend(indicators(
            &id,
            &year,
            before.map_or(none, |x| &x.indicators),
            &y.indicators,
        ));
        if let Some(w) = written(
            before.and_then(|x| x.next_steps.as_deref()),
            y.next_steps.as_deref(),
        ) {
            changes.push(Change::ProgressNextSteps {
                id: id.clone(),
                year: year.clone(),
                sentences: w.sentences,
                whole: w.whole,
                taken_out: w.taken_out,
                removed: w.removed,
            });
        }
        let amount = |e: Option<&YearProgress>| {
            e.and_then(|e| e.fiscal_effect.as_ref()).map(|f| Amount {
                amount: f
                    .amount
                    .as_f64()
                    .and_then(Figures::number)
                    .unwrap_or_else(|| f.amount.clone()),
                unit: f.unit.clone(),
            })
        };
        let (from, to) = (amount(before), amount(Some(y)));
        if from != to {
            changes.push(Change::ProgressFiscalEffect {
                id: id.clone(),
                year: year.clone(),
                from,
                to,
            });
        }
        changes.extend(comment(
            (&id, &year),
            before.and_then(|x| x.comment.as_ref()),
            y.comment.as_ref(),
            names,
        ));
    }
    changes
}

/// How a text of a year's entry changed, when it did: the paragraphs of a new one (`whole`),
/// the sentences of a rewritten one that were not there before, or its removal.
struct Written {
    sentences: Vec<String>,
    whole: bool,
    taken_out: bool,
    removed: bool,
}

/// How the text `before` became `after` (`None`: not written); `None` when it did not change,
/// or when a new text holds nothing but spaces.
fn written(before: Option<&str>, after: Option<&str>) -> Option<Written> {
    let change = |sentences, whole, taken_out, removed| Written {
        sentences,
        whole,
        taken_out,
        removed,
    };
    match (before, after) {
        (None, Some(a)) => {
            let whole = paragraphs(a);
            (!whole.is_empty()).then(|| change(whole, true, false, false))
        }
        (Some(_), None) => Some(change(Vec::new(), false, false, true)),
        (Some(b), Some(a)) if a != b => Some(change(
            changed_sentences(b, a),
            false,
            sentences(a).len() < sentences(b).len(),
            false,
        )),
        _ => None,
    }
}

/// How a year's comment changed: written, taken away or rewritten; a comment now by the other
/// (the section's become the committee's) is the one taken away and the other written whole.
fn comment(
    (id, year): (&str, &str),
    before: Option<&Comment>,
    after: Option<&Comment>,
    names: &Names,
) -> Vec<Change> {
    let said = |by: CommentBy, w: Written| Change::ProgressComment {
        id: id.to_string(),
        year: year.to_string(),
        by,
        owner: match by {
            CommentBy::Section => names.owner.clone(),
            CommentBy::Committee => None,
        },
        sentences: w.sentences,
        whole: w.whole,
        taken_out: w.taken_out,
        removed: w.removed,
    };
    fn text(c: Option<&Comment>) -> Option<&str> {
        c.map(|c| c.text.as_str())
    }
    match (before, after) {
        (Some(x), Some(y)) if x.by != y.by => [
            written(text(before), None).map(|w| said(x.by, w)),
            written(None, text(after)).map(|w| said(y.by, w)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        _ => {
            let by = after.or(before).map(|c| c.by);
            by.zip(written(text(before), text(after)))
                .map(|(by, w)| said(by, w))
                .into_iter()
                .collect()
        }
    }
}

/// The paragraphs of a text (its lines), without surrounding spaces; a blank line is none.
fn paragraphs(s: &str) -> Vec<String> {
    s.split(is_line_break)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `c` ends a line: a line feed, a carriage return, or the other characters Unicode
/// breaks lines at.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The sentences of a text, each ending in 。 or at the end of its paragraph, without
/// surrounding spaces.
fn sentences(s: &str) -> Vec<String> {
    paragraphs(s)
        .iter()
        .flat_map(|p| p.split_inclusive('。'))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The sentences of `after` that `before` does not have (each of `before`'s counted once:
/// a sentence written twice is a new one), in order.
fn changed_sentences(before: &str, after: &str) -> Vec<String> {
    let mut old = sentences(before);
    sentences(after)
        .into_iter()
        .filter(|s| match old.iter().position(|o| o == s) {
            Some(i) => {
                old.remove(i);
                false
            }
            None => true,
        })
        .collect()
}

/// The indicators of one year that were added, taken away or given other figures, matched by
/// name (the first of each name), in the order of the newer version, then the ones taken away.
fn indicators(id: &str, year: &str, a: &[Indicator], b: &[Indicator]) -> Vec<Change> {
    let figures = |i: &Indicator| Figures {
        unit: i.unit.clone().unwrap_or_default(),
        target: i.target.and_then(Figures::number),
        actual: i.actual.and_then(Figures::number),
    };
    let mut names: Vec<&str> = Vec::new();
    for i in b.iter().chain(a) {
        if !names.contains(&i.name.as_str()) {
            names.push(&i.name);
        }
    }
    let mut changes = Vec::new();
    for name in names {
        let from = a.iter().find(|i| i.name == name).map(figures);
        let to = b.iter().find(|i| i.name == name).map(figures);
        if from != to {
            changes.push(Change::ProgressIndicator {
                id: id.to_string(),
                year: year.to_string(),
                name: name.to_string(),
                from,
                to,
            });
        }
    }
    changes
}

fn counts(base: &Model, head: &Model) -> Vec<Change> {
    let mut changes = Vec::new();
    let per_goal = |m: &Model| -> BTreeMap<u64, usize> {
        let mut n = BTreeMap::new();
        for goal in m.outline.iter().flat_map(|o| o.goals.iter()) {
            n.insert(goal.number, 0);
        }
        for (id, _) in &m.plans {
            *n.entry(u64::from(id.goal)).or_insert(0) += 1;
        }
        n
    };
    let (old, new) = (per_goal(base), per_goal(head));
    let goals: BTreeSet<u64> = old.keys().chain(new.keys()).copied().collect();
    for goal in goals {
        let (before, after) = (
            old.get(&goal).copied().unwrap_or(0),
            new.get(&goal).copied().unwrap_or(0),
        );
        if before != after {
            changes.push(Change::GoalCount {
                goal,
                before,
                after,
            });
        }
    }
    if base.plans.len() != head.plans.len() {
        changes.push(Change::TotalCount {
            before: base.plans.len(),
            after: head.plans.len(),
        });
    }
    // Departments in the register's order (the head's, then any only the base has).
    let per_department = |m: &Model| -> BTreeMap<String, usize> {
        let mut n = BTreeMap::new();
        for (_, plan) in &m.plans {
            for name in &plan.departments {
                *n.entry(name.clone()).or_insert(0) += 1;
            }
        }
        n
    };
    let (old, new) = (per_department(base), per_department(head));
    let mut order: Vec<String> = Vec::new();
    for m in [head, base] {
        for d in m.register.iter().flat_map(|r| r.departments.iter()) {
            if !order.contains(&d.name) {
                order.push(d.name.clone());
            }
        }
    }
    for name in old.keys().chain(new.keys()) {
        if !order.contains(name) {
            order.push(name.clone());
        }
    }
    for name in order {
        let (before, after) = (
            old.get(&name).copied().unwrap_or(0),
            new.get(&name).copied().unwrap_or(0),
        );
        if before != after {
            changes.push(Change::DepartmentCount {
                name,
                before,
                after,
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_the_full_stop_and_at_line_breaks() {
        let text = " 架空一。架空二\r\n\n架空三。架空四。\u{2028}架空五 ";
        assert_eq!(
            paragraphs(text),
            ["架空一。架空二", "架空三。架空四。", "架空五"]
        );
        assert_eq!(
            sentences(text),
            ["架空一。", "架空二", "架空三。", "架空四。", "架空五"]
        );
        // Paragraphs broken another way: the same sentences.
        assert!(changed_sentences("架空一。\n架空二。", "架空一。架空二。").is_empty());
        assert_eq!(
            changed_sentences("架空一。架空二。", "架空一。\n架空三\n架空二。"),
            ["架空三"]
        );
    }

    #[test]
    fn a_text_written_removed_or_rewritten() {
        let whole = written(None, Some("架空一。\n\n架空二。")).unwrap();
        assert!(whole.whole && whole.sentences == ["架空一。", "架空二。"]);
        assert!(written(None, Some(" \n ")).is_none());
        assert!(written(None, None).is_none());
        assert!(written(Some("架空。"), None).unwrap().removed);
        let fewer = written(Some("架空一。架空二。"), Some("架空一。")).unwrap();
        assert!(fewer.taken_out && fewer.sentences.is_empty() && !fewer.removed);
        assert!(written(Some("架空。"), Some("架空。")).is_none());
    }
}
