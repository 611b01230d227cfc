//! `outline-refs`: each plan's goal and action area exist in the outline (several plans of one missing action area are reported once, on the outline).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::identity::{Identity, PlanEntry, id_target};
use crate::messages::{Doc, Message, Text, Words};
use crate::model::OUTLINE_PATH;
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "outline-refs",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画番号の重点推進目標と取組事項が体系（`outline.json`）にあること（同じ取組事項の計画が複数あれば体系に一度だけ示します）",
        en: "each plan's goal and action area exist in the outline (several plans of one missing action area are reported once, on the outline)",
    },
    fix: Doc {
        ja: "計画番号（ファイル名と `id`）を直す",
        en: "correct the plan's number (its file name and `id`)",
    },
    guide: r#"計画番号の重点推進目標や取組事項が、体系にないときに出ます。たとえば、重点推進目標 1 の取組事項は 4 つなのに、`1-5-1` という計画を作ったときです。多くは番号の打ち間違いです。

文書と見比べて、ファイル名と `"id"` の両方を直します。文書に新しい取組事項が本当にあるときは、計画を所管する課（`plans/outline.json` の `"owner"`）が `plans/outline.json` に加えます。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(outline_refs),
};

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
            Identity::UnknownArea => unknown.entry((id.goal, id.area)).or_default().push(entry),
            _ => {}
        }
    }
    for ((goal, item), entries) in unknown {
        if let [_, _, ..] = entries.as_slice() {
            let (target, message) = if item == 0 {
                (
                    Target::Value("/goals".to_string()),
                    Said::GoalMissing {
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
                    Said::ActionAreaMissing {
                        goal,
                        item,
                        plans: entries.len(),
                        items: areas.items(goal).unwrap_or(0),
                    },
                )
            };
            out.push(RULE.report(OUTLINE_PATH, target, message));
            continue;
        }
        for entry in entries {
            let message = if item == 0 {
                Said::UnknownGoal {
                    goal,
                    goals: areas.goals(),
                }
            } else {
                Said::UnknownActionArea {
                    goal,
                    item,
                    items: areas.items(goal).unwrap_or(0),
                }
            };
            out.push(RULE.report(&entry.doc.path, id_target(entry), message));
        }
    }
}

/// What `outline-refs` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    UnknownGoal {
        goal: u32,
        goals: usize,
    },
    UnknownActionArea {
        goal: u32,
        item: u32,
        items: usize,
    },
    /// Several plan files are numbered in a goal the outline does not have.
    GoalMissing {
        goal: u32,
        plans: usize,
        goals: usize,
    },
    /// Several plan files are numbered in an action area the outline does not have.
    ActionAreaMissing {
        goal: u32,
        item: u32,
        plans: usize,
        items: usize,
    },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    vec![
        Said::UnknownGoal { goal: 4, goals: 3 },
        Said::UnknownActionArea {
            goal: 1,
            item: 9,
            items: 3,
        },
        Said::GoalMissing {
            goal: 4,
            plans: 2,
            goals: 3,
        },
        Said::ActionAreaMissing {
            goal: 3,
            item: 3,
            plans: 2,
            items: 1,
        },
    ]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::UnknownGoal { goal, goals } => with_hint(
                format!(
                    "重点推進目標 {goal} は体系にありません（体系の重点推進目標は {goals} 件です）。"
                ),
                "計画番号の最初の数字が重点推進目標です。plans/outline.json と見比べてください。",
            ),
            Self::UnknownActionArea { goal, item, items } => with_hint(
                format!(
                    "取組事項 {goal}-{item} は体系にありません（体系の重点推進目標 {goal} の取組事項は {items} 件です）。"
                ),
                "計画番号の 2 番目の数字が取組事項です。plans/outline.json と見比べてください。",
            ),
            Self::GoalMissing { goal, plans, goals } => with_hint(
                format!(
                    "{goal}-… の番号の計画ファイルが {plans} 件ありますが、重点推進目標 {goal} は体系にありません（体系の重点推進目標は {goals} 件です）。"
                ),
                format!(
                    "\"goals\" に重点推進目標 {goal} を（\"title\"、\"expected_plans\"、\"items\" とともに）加えるか、これらの計画の番号を付け直してください。"
                ),
            ),
            Self::ActionAreaMissing {
                goal,
                item,
                plans,
                items,
            } => with_hint(
                format!(
                    "{goal}-{item}-… の番号の計画ファイルが {plans} 件ありますが、体系の重点推進目標 {goal} の取組事項は {items} 件です。"
                ),
                format!(
                    "この重点推進目標の \"items\" に取組事項 {item} を（\"number\" と \"title\" とともに）加えるか、これらの計画の番号を付け直してください。"
                ),
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::UnknownGoal { goal, goals } => with_hint(
                format!(
                    "goal {goal} is not in the outline (it has {})",
                    count(*goals, "goal")
                ),
                "the first number of the id is the goal (重点推進目標); check it against plans/outline.json",
            ),
            Self::UnknownActionArea { goal, item, items } => with_hint(
                format!(
                    "action area {goal}-{item} is not in the outline (goal {goal} has {})",
                    count(*items, "action area")
                ),
                "the second number of the id is the action area (取組事項); check it against plans/outline.json",
            ),
            Self::GoalMissing { goal, plans, goals } => with_hint(
                format!(
                    "goal {goal} is not in the outline (it has {}), but {plans} plan files are numbered {goal}-…",
                    count(*goals, "goal")
                ),
                format!(
                    "add goal {goal} to \"goals\" (with its title, expected_plans and action areas), or renumber those plans"
                ),
            ),
            Self::ActionAreaMissing {
                goal,
                item,
                plans,
                items,
            } => with_hint(
                format!(
                    "goal {goal} has {} here, but {plans} plan files are numbered {goal}-{item}-…",
                    count(*items, "action area")
                ),
                format!(
                    "add action area {item} (with its number and title) to this goal's \"items\", or renumber those plans"
                ),
            ),
        }
    }
}
