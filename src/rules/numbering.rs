//! `numbering`: goals and action areas are numbered 1..n.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::identity::id_target;
use crate::messages::{Doc, Message, Text, Words};
use crate::model::{OUTLINE_PATH, PlanId};
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "numbering",
    severity: Severity::Error,
    summary: Doc {
        ja: "目標・取組事項・計画の番号が 1 から欠番なく続くこと。計画のない取組事項がないこと",
        en: "goals and action areas are numbered 1..n; every action area has plans; the plans of an area are numbered 1..n without gaps",
    },
    fix: Doc {
        ja: "欠けた計画のファイルを戻す（終わった計画なら `ended` を書く）。番号の付け間違いなら、ファイル名と `id` を直す",
        en: "bring the missing plan's file back (an ended plan records `ended`); where a number was mistyped, correct the file name and `id`",
    },
    guide: r#"計画の番号が飛んでいるときに出ます（`1-2-1`、`1-2-2`、`1-2-4`）。多いのは、計画のファイルを消したときと、番号を打ち間違えたときです。ある取組事項の計画をすべて消したときにも出ます。

計画が終わっても（完了・廃止・統合）、ファイルは消しません。ファイルを元に戻し、`"ended"` に終わった年度と理由を書きます（[計画を追加する・終える](add-or-end-plan.md)）。計画番号は文書と過去の報告書に合わせたままにし、後ろの計画の番号は詰めません。番号を打ち間違えたときは、ファイル名と `"id"` の両方を直します。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(numbering),
};

/// Goals and action areas in the outline are numbered 1..n in order, every action area has
/// plans, and the plans of an action area are numbered 1..n with no gap.
pub fn numbering(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(outline) = ctx.outline else {
        return;
    };
    let at = |pointer: String| Target::Value(pointer);
    for (gi, goal) in outline.goals.iter().enumerate() {
        if goal.number != gi as u64 + 1 {
            out.push(RULE.report(
                OUTLINE_PATH,
                at(format!("/goals/{gi}/number")),
                Said::GoalNumber {
                    expected: gi + 1,
                    found: goal.number,
                },
            ));
        }
        for (ii, item) in goal.items.iter().enumerate() {
            if item.number != ii as u64 + 1 {
                out.push(RULE.report(
                    OUTLINE_PATH,
                    at(format!("/goals/{gi}/items/{ii}/number")),
                    Said::ActionAreaNumber {
                        goal: goal.number,
                        expected: ii + 1,
                        found: item.number,
                    },
                ));
            }
        }
    }
    let Some(present) = ctx.present.as_ref().filter(|_| !ctx.hidden) else {
        return;
    };
    for (gi, goal) in outline.goals.iter().enumerate() {
        if present.count(goal.number) as u64 != goal.expected_plans {
            continue;
        }
        for (ii, item) in goal.items.iter().enumerate() {
            let Some(area) = present.area(goal.number, item.number) else {
                out.push(RULE.report(
                    OUTLINE_PATH,
                    at(format!("/goals/{gi}/items/{ii}/title")),
                    Said::ActionAreaWithoutPlans {
                        goal: goal.number,
                        item: item.number,
                        title: item.title.clone(),
                    },
                ));
                continue;
            };
            let gaps = area.gaps();
            let Some(first) = gaps.listed.first() else {
                continue;
            };
            // On the plan that follows the first gap: it is the one to renumber, or the
            // one after which the missing plan goes.
            let after = PlanId {
                goal: goal.number as u32,
                area: item.number as u32,
                number: area.after(*first),
            };
            let (file, target) = ctx.plans.iter().find(|e| e.counts_as == Some(after)).map_or(
                (OUTLINE_PATH, at(format!("/goals/{gi}/items/{ii}/title"))),
                |e| (e.doc.path.as_str(), id_target(e)),
            );
            out.push(RULE.report(
                file,
                target,
                Said::PlanGap {
                    goal: goal.number,
                    item: item.number,
                    missing: gaps.listed,
                    more: gaps.more,
                    highest: area.highest,
                },
            ));
        }
    }
}

/// What `numbering` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    GoalNumber {
        expected: usize,
        found: u64,
    },
    ActionAreaNumber {
        goal: u64,
        expected: usize,
        found: u64,
    },
    ActionAreaWithoutPlans {
        goal: u64,
        item: u64,
        title: String,
    },
    /// Numbers missing below the highest plan of an action area (at most a dozen listed,
    /// `more` not listed), reported on the first plan after a gap.
    PlanGap {
        goal: u64,
        item: u64,
        missing: Vec<u32>,
        more: u64,
        highest: u32,
    },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::GoalNumber {
            expected: 2,
            found: 3,
        },
        Said::ActionAreaNumber {
            goal: 1,
            expected: 2,
            found: 4,
        },
        Said::ActionAreaWithoutPlans {
            goal: 3,
            item: 1,
            title: s("架空の取組"),
        },
        Said::PlanGap {
            goal: 1,
            item: 3,
            missing: vec![2],
            more: 0,
            highest: 4,
        },
        Said::PlanGap {
            goal: 1,
            item: 3,
            missing: vec![2, 3],
            more: 5,
            highest: 9,
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
            Self::GoalNumber { expected, found } => with_hint(
                format!("{expected} 番目の重点推進目標の番号が {found} になっています。"),
                "重点推進目標には、文書の順に 1、2、3 … と番号を付けてください。",
            ),
            Self::ActionAreaNumber {
                goal,
                expected,
                found,
            } => with_hint(
                format!(
                    "重点推進目標 {goal} の {expected} 番目の取組事項の番号が {found} になっています。"
                ),
                "取組事項には、重点推進目標ごとに文書の順で 1、2、3 … と番号を付けてください。",
            ),
            Self::ActionAreaWithoutPlans { goal, item, title } => with_hint(
                format!("取組事項 {goal}-{item}「{title}」には計画がありません。"),
                format!(
                    "計画を plans/goal-{goal}/{goal}-{item}-1.json、{goal}-{item}-2.json … として加えるか、体系からこの取組事項を消してください。"
                ),
            ),
            Self::PlanGap {
                goal,
                item,
                missing,
                more,
                highest,
            } => {
                let mut ids: Vec<String> = missing
                    .iter()
                    .map(|n| format!("{goal}-{item}-{n}"))
                    .collect();
                if *more > 0 {
                    ids.push(format!("ほか {more} 件"));
                }
                with_hint(
                    format!(
                        "取組事項 {goal}-{item} には計画 {goal}-{item}-{highest} までありますが、{}ありません。",
                        are(&ids)
                    ),
                    "取組事項の計画には 1、2、3 … と欠番なく番号を付けます。終わった計画のファイルを消したのなら、ファイルを元に戻して \"ended\" に終わった年度と理由を書いてください（番号は詰めません）。番号を打ち間違えたのなら、この計画の番号（ファイル名と \"id\"）を直してください。",
                )
            }
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::GoalNumber { expected, found } => with_hint(
                format!("goal {expected} is numbered {found}"),
                "number the goals 1, 2, 3 … in the document's order",
            ),
            Self::ActionAreaNumber {
                goal,
                expected,
                found,
            } => with_hint(
                format!("action area {expected} of goal {goal} is numbered {found}"),
                "number each goal's action areas 1, 2, 3 … in the document's order",
            ),
            Self::ActionAreaWithoutPlans { goal, item, title } => with_hint(
                format!("action area {goal}-{item} 「{title}」 has no plans"),
                format!(
                    "add its plans as plans/goal-{goal}/{goal}-{item}-1.json, {goal}-{item}-2.json …, or remove the action area from the outline"
                ),
            ),
            Self::PlanGap {
                goal,
                item,
                missing,
                more,
                highest,
            } => {
                let mut ids: Vec<String> = missing
                    .iter()
                    .map(|n| format!("{goal}-{item}-{n}"))
                    .collect();
                if *more > 0 {
                    ids.push(format!("{more} more"));
                }
                with_hint(
                    format!(
                        "action area {goal}-{item} has plans up to {goal}-{item}-{highest}, but {} missing",
                        are(&ids)
                    ),
                    "plans of an action area are numbered 1, 2, 3 … without gaps: if an ended plan's file was deleted, bring it back and record \"ended\" (the year and why; numbers are never closed up); if this plan's number was mistyped, correct its file name and \"id\"",
                )
            }
        }
    }
}
