//! `counts`: each goal has its `expected_plans` (計), and these add up to `expected_total` (合計).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::identity::Identity;
use crate::facts::structure::*;
use crate::messages::{Doc, Message, Text, Words};
use crate::model::{OUTLINE_PATH, PlanId};
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "counts",
    severity: Severity::Error,
    summary: Doc {
        ja: "目標ごとの計画数が `expected_plans`（計）と一致し、`expected_plans` の和が `expected_total`（合計）と一致すること（足りない計画番号を示します）",
        en: "each goal has its `expected_plans` (計), and these add up to `expected_total` (合計); names the missing ids",
    },
    fix: Doc {
        ja: "足りない計画ファイルを足すか、文書に合わせて数を直す",
        en: "add the missing plan files, or correct the counts to the document's",
    },
    guide: r#"計画を足したり消したりしたのに、`plans/outline.json` の数を直していないときに出ます。メッセージは `plans/outline.json` に付きます。自分が変えていないファイルなので、「Files changed」タブには出ず、「Checks」タブに出ます。計画ファイルを消してしまったときは、足りない計画番号が示されます。

文書の「計」「合計」と見比べて、`"expected_plans"` と `"expected_total"` の両方を直します。計画が足りないなら、そのファイルを足します。この数は策定時の文書の数です。計画の見直しで加えた計画には `"added_in"` に追加の年度を書きます。そうすれば数は直しません。終わった計画はファイルを残し、数にも入れたままにします。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(counts),
};

/// Every goal has its expected number of plans, and the goals' counts add up to
/// `expected_total`.
pub fn counts(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(outline) = ctx.outline else {
        return;
    };
    let present = ctx.present.as_ref().filter(|_| !ctx.hidden);
    let sum: u64 = outline.goals.iter().map(|g| g.expected_plans).sum();
    // A goal whose count differs says how to correct both figures, so the sum is only
    // reported on its own when every goal has its plans.
    let goals_right = present.is_none_or(|p| {
        outline
            .goals
            .iter()
            .all(|g| p.count(g.number) as u64 == g.expected_plans)
    });
    if sum != outline.expected_total && (goals_right || ctx.hidden) {
        out.push(RULE.report(
            OUTLINE_PATH,
            Target::Value("/expected_total".to_string()),
            Said::GoalsSum {
                sum,
                total: outline.expected_total,
            },
        ));
    }
    let Some(present) = present else {
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
        let id = |item: u64, number: u32| PlanId {
            goal: g,
            area: item as u32,
            number,
        };
        let mut missing = Vec::new();
        let mut unlisted = 0u64;
        let mut candidates = Vec::new();
        let mut extra_candidates = Vec::new();
        let mut unplaced = 0;
        if (actual as u64) < goal.expected_plans {
            // Certain: the gaps, and the first plan of an empty action area.
            let mut next = Vec::new();
            for item in &goal.items {
                match present.area(goal.number, item.number) {
                    None => {
                        missing.push(id(item.number, 1));
                        next.push(id(item.number, 2));
                    }
                    Some(area) => {
                        let gaps = area.gaps();
                        missing.extend(gaps.listed.iter().map(|n| id(item.number, *n)));
                        unlisted += gaps.more;
                        next.push(id(item.number, area.next()));
                    }
                }
            }
            let certain = missing.len() as u64 + unlisted;
            let shortfall = (goal.expected_plans - actual as u64).saturating_sub(certain);
            if let [first] = next.as_slice() {
                // With one action area, the rest can only follow its last plan.
                for k in 0..shortfall.min(u32::MAX as u64) as u32 {
                    missing.push(PlanId {
                        number: first.number.saturating_add(k),
                        ..*first
                    });
                }
            } else if shortfall > 0 {
                unplaced = shortfall as usize;
                candidates = next;
            }
            if missing.len() > LISTED {
                unlisted += (missing.len() - LISTED) as u64;
                missing.truncate(LISTED);
            }
        } else {
            // A copy of another plan, if any; else the plans outside the outline's action
            // areas; else the newest plan of each action area, its last.
            extra_candidates = ctx
                .plans
                .iter()
                .filter(|e| matches!(e.identity, Identity::Copy { .. }))
                .filter_map(|e| e.counts_as)
                .filter(|id| u64::from(id.goal) == goal.number)
                .collect();
            if extra_candidates.is_empty() {
                extra_candidates = present.elsewhere(goal.number).to_vec();
            }
            if extra_candidates.is_empty() {
                extra_candidates = goal
                    .items
                    .iter()
                    .filter_map(|item| {
                        let area = present.area(goal.number, item.number)?;
                        (area.highest > 0).then(|| id(item.number, area.highest))
                    })
                    .collect();
            }
        }
        out.push(RULE.report(
            OUTLINE_PATH,
            Target::Value(format!("/goals/{gi}/expected_plans")),
            Said::GoalCount {
                goal: goal.number,
                actual,
                expected: goal.expected_plans,
                missing,
                unlisted,
                unplaced,
                candidates,
                extra_candidates,
                total_if_changed,
                total: outline.expected_total,
            },
        ));
    }
}

/// What `counts` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    GoalCount {
        goal: u64,
        actual: usize,
        expected: u64,
        /// Plans certainly missing: gaps, and the first plan of an empty action area (at
        /// most a dozen listed; `unlisted` more).
        missing: Vec<PlanId>,
        unlisted: u64,
        /// How many more are missing at the end of some action area, and the candidates.
        unplaced: usize,
        candidates: Vec<PlanId>,
        /// With too many plans: where the extra one most likely is (the plans outside the
        /// outline's action areas, else the last plan of each action area).
        extra_candidates: Vec<PlanId>,
        /// `expected_total` as it would be with every goal's count taken as it is now.
        total_if_changed: u64,
        /// `expected_total` as it is.
        total: u64,
    },
    GoalsSum {
        sum: u64,
        total: u64,
    },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::GoalCount {
            goal: 1,
            actual: 7,
            expected: 8,
            missing: vec![id(1, 1, 2)],
            unlisted: 0,
            unplaced: 0,
            candidates: vec![],
            extra_candidates: vec![],
            total_if_changed: 15,
            total: 16,
        },
        Said::GoalCount {
            goal: 1,
            actual: 6,
            expected: 8,
            missing: vec![id(1, 1, 2)],
            unlisted: 2,
            unplaced: 1,
            candidates: vec![id(1, 1, 3), id(1, 2, 3)],
            extra_candidates: vec![],
            total_if_changed: 14,
            total: 16,
        },
        Said::GoalCount {
            goal: 1,
            actual: 9,
            expected: 8,
            missing: vec![],
            unlisted: 0,
            unplaced: 0,
            candidates: vec![],
            extra_candidates: vec![id(1, 1, 3), id(1, 3, 4)],
            total_if_changed: 17,
            total: 16,
        },
        Said::GoalCount {
            goal: 3,
            actual: 0,
            expected: 3,
            missing: vec![id(3, 1, 1), id(3, 1, 2)],
            unlisted: 1,
            unplaced: 0,
            candidates: vec![],
            extra_candidates: vec![],
            total_if_changed: 13,
            total: 16,
        },
        Said::GoalsSum { sum: 16, total: 17 },
    ]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::GoalCount {
                goal,
                actual,
                expected,
                missing,
                unlisted,
                unplaced,
                candidates,
                extra_candidates,
                total_if_changed,
                total,
            } => {
                let mut message = format!(
                    "重点推進目標 {goal} の計画は {actual} 件ですが、体系では {expected} 件としています。"
                );
                if !missing.is_empty() {
                    message.push_str(&format!("足りない計画は{}", spaced(&list(missing))));
                    if *unlisted > 0 {
                        message.push_str(&format!("ほか {unlisted} 件です。"));
                    } else {
                        message.push_str("です。");
                    }
                }
                if *unplaced > 0 {
                    let also = if missing.is_empty() {
                        ""
                    } else {
                        "ほかに、"
                    };
                    message.push_str(&format!(
                        "{also}取組事項の末尾の計画が {unplaced} 件足りません（{}）。",
                        or_list(candidates)
                    ));
                }
                if !extra_candidates.is_empty() {
                    message.push_str(&format!(
                        "数を超えている計画は、おそらく{}です。",
                        spaced(&or_list(extra_candidates))
                    ));
                }
                let set = if total_if_changed == total {
                    format!("\"expected_plans\" を {actual} にしてください")
                } else {
                    format!(
                        "\"expected_plans\" を {actual} に、\"expected_total\" を {total_if_changed} にしてください"
                    )
                };
                let hint = if *actual == 0 {
                    "足りない計画ファイルを加えてください（終わった計画なら、ファイルを戻して \"ended\" を書きます）。".to_string()
                } else if (*actual as u64) < *expected {
                    format!(
                        "足りない計画ファイルを加えてください（終わった計画なら、ファイルを戻して \"ended\" を書きます）。文書でこの重点推進目標の計画が {actual} 件だけなら、{set}。"
                    )
                } else {
                    format!(
                        "計画の見直しで加わった計画なら、そのファイルに \"added_in\": 2027 のように加わった年度を書いてください（数は策定時のままにします）。策定時の文書でこの重点推進目標の計画が {actual} 件なら、{set}。"
                    )
                };
                with_hint(message, hint)
            }
            Self::GoalsSum { sum, total } => with_hint(
                format!(
                    "重点推進目標の \"expected_plans\" の和は {sum} ですが、\"expected_total\" は {total} です。"
                ),
                "\"expected_total\" を、各重点推進目標の \"expected_plans\" の和にしてください（文書の「合計」は「計」の和です）。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::GoalCount {
                goal,
                actual,
                expected,
                missing,
                unlisted,
                unplaced,
                candidates,
                extra_candidates,
                total_if_changed,
                total,
            } => {
                let mut message = format!(
                    "goal {goal} has {}, but the outline expects {expected}",
                    count(*actual, "plan")
                );
                if !missing.is_empty() {
                    message.push_str(&format!("; missing: {}", list(missing)));
                    if *unlisted > 0 {
                        message.push_str(&format!(" and {unlisted} more"));
                    }
                }
                if *unplaced > 0 {
                    let (missing_word, more) = if missing.is_empty() {
                        ("; missing: ", "")
                    } else {
                        (", and ", " more")
                    };
                    message.push_str(&format!(
                        "{missing_word}{}{more} at the end of an action area ({})",
                        count(*unplaced, "plan"),
                        or_list(candidates)
                    ));
                }
                if !extra_candidates.is_empty() {
                    message.push_str(&format!(
                        "; the extra plan is most likely {}",
                        or_list(extra_candidates)
                    ));
                }
                let set = if total_if_changed == total {
                    format!("set expected_plans to {actual}")
                } else {
                    format!(
                        "set expected_plans to {actual} and expected_total to {total_if_changed}"
                    )
                };
                let hint = if *actual == 0 {
                    "add the missing plan files (for an ended plan, bring its file back and record \"ended\")".to_string()
                } else if (*actual as u64) < *expected {
                    format!(
                        "add the missing plan files (for an ended plan, bring its file back and record \"ended\"); if the document has only {actual} plans in this goal, {set}"
                    )
                } else {
                    format!(
                        "if a plan was added by an amendment, write the year it was added in its file, like \"added_in\": 2027 (the counts stay the document's); if the document as adopted has {actual} plans in this goal, {set}"
                    )
                };
                with_hint(message, hint)
            }
            Self::GoalsSum { sum, total } => with_hint(
                format!("the goals' expected_plans add up to {sum}, but expected_total is {total}"),
                "make expected_total the sum of the goals' counts, as the document's 合計 is the sum of its 計",
            ),
        }
    }
}
