//! `plan-life`: a plan's amendment fields agree with each other and with the data: a merge
//! names the plan it went into (an existing other plan), only a merge does, and a plan does
//! not end before it was added.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::progress::plans;
use crate::messages::{Doc, Message, Text, Words};
use crate::model::{EndReason, PlanId};
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "plan-life",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画の追加・終了の記録（`added_in`、`ended`）が食い違わないこと（統合は統合先の計画番号を `into` に書き、それはある計画であること。統合でなければ `into` を書かないこと。追加より前に終わっていないこと）",
        en: "a plan's amendment record (`added_in`, `ended`) is consistent: a merge names in `into` another plan that exists, only a merge has `into`, and a plan does not end before it was added",
    },
    fix: Doc {
        ja: "`into` に統合先の計画番号を書く（統合でなければ `into` を取り除く）。年度を確かめる",
        en: "write the plan merged into in `into` (and leave `into` out unless merged); check the years",
    },
    guide: r#"計画が終わったこと（`"ended"`）や、計画の見直しで加わったこと（`"added_in"`）の書き方が食い違うときに出ます。

統合（`"reason": "merged"`）のときは、`"into"` に統合先の計画番号（例: `"2-2-3"`）を書きます。完了（`completed`）や廃止（`abolished`）には `"into"` を書きません。終わった年度（`"year"`）は、追加の年度（`"added_in"`）より前にはなりません。終わった計画も、ファイルと計画番号はそのまま残します。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(life),
};

/// Each ended plan's record is consistent, and a merge goes into a plan that exists.
pub fn life(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let ids: rustc_hash::FxHashSet<PlanId> = plans(ctx)
        .filter_map(|(_, plan)| PlanId::parse(&plan.id))
        .collect();
    for (path, plan) in plans(ctx) {
        let Some(ended) = &plan.ended else {
            continue;
        };
        if let Some(added) = plan.added_in
            && ended.year < added
        {
            out.push(RULE.report(
                path,
                Target::Value("/ended/year".into()),
                Said::EndedBeforeAdded {
                    added,
                    ended: ended.year,
                },
            ));
        }
        match (ended.reason, ended.into.as_deref()) {
            (EndReason::Merged, None) => out.push(RULE.report(
                path,
                Target::Key("/ended".into()),
                Said::MergedWithoutInto,
            )),
            (EndReason::Merged, Some(into)) => {
                let known = PlanId::parse(into).is_some_and(|id| ids.contains(&id));
                if into == plan.id || !known {
                    out.push(RULE.report(
                        path,
                        Target::Value("/ended/into".into()),
                        Said::UnknownInto {
                            into: into.to_string(),
                            itself: into == plan.id,
                        },
                    ));
                }
            }
            (_, Some(_)) => out.push(RULE.report(
                path,
                Target::Key("/ended/into".into()),
                Said::IntoWithoutMerge,
            )),
            (_, None) => {}
        }
    }
}

/// What `plan-life` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A merge without the plan it went into.
    MergedWithoutInto,
    /// `into` on a plan that was not merged.
    IntoWithoutMerge,
    /// `into` names no plan of the data, or the plan itself.
    UnknownInto { into: String, itself: bool },
    /// The plan ends before the year it was added.
    EndedBeforeAdded { added: i64, ended: i64 },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::MergedWithoutInto,
        Said::IntoWithoutMerge,
        Said::UnknownInto {
            into: s("2-2-9"),
            itself: false,
        },
        Said::UnknownInto {
            into: s("1-1-1"),
            itself: true,
        },
        Said::EndedBeforeAdded {
            added: 2028,
            ended: 2027,
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
            Self::MergedWithoutInto => with_hint(
                "統合した計画（\"reason\": \"merged\"）に、統合先（\"into\"）がありません。",
                "\"ended\" の中に \"into\": \"2-2-3\" のように、統合先の計画番号を書き加えてください。",
            ),
            Self::IntoWithoutMerge => with_hint(
                "統合ではない計画の \"ended\" に、統合先（\"into\"）があります。",
                "統合なら \"reason\" を \"merged\" にしてください。完了（completed）や廃止（abolished）なら、統合先はありません。",
            ),
            Self::UnknownInto { into, itself: true } => with_hint(
                format!("統合先（\"into\"）の「{into}」が、この計画自身です。"),
                "統合先の計画番号を書いてください。",
            ),
            Self::UnknownInto { into, itself: false } => with_hint(
                format!("統合先（\"into\"）の計画「{into}」が見つかりません。"),
                "統合先の計画番号を確かめてください。統合先の計画もファイルがあるはずです。",
            ),
            Self::EndedBeforeAdded { added, ended } => with_hint(
                format!(
                    "終わった年度（{ended} 年度）が、追加の年度（\"added_in\": {added}）より前です。"
                ),
                "\"ended\" の \"year\" と \"added_in\" の年度を確かめてください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::MergedWithoutInto => with_hint(
                "this plan was merged (\"reason\": \"merged\") but does not say into which plan (\"into\")",
                "add the plan merged into inside \"ended\", like \"into\": \"2-2-3\"",
            ),
            Self::IntoWithoutMerge => with_hint(
                "\"ended\" names a plan merged into (\"into\"), but the plan was not merged",
                "if it was merged, write \"reason\": \"merged\"; a completed or abolished plan has no \"into\"",
            ),
            Self::UnknownInto { into, itself: true } => with_hint(
                format!("the plan merged into (\"into\"), 「{into}」, is this plan itself"),
                "write the number of the plan it was merged into",
            ),
            Self::UnknownInto {
                into,
                itself: false,
            } => with_hint(
                format!("the plan merged into (\"into\"), 「{into}」, is not in the data"),
                "check the plan number; the plan merged into has a file too",
            ),
            Self::EndedBeforeAdded { added, ended } => with_hint(
                format!(
                    "the plan ends in fiscal year {ended}, before it was added (\"added_in\": {added})"
                ),
                "check \"year\" in \"ended\" and \"added_in\"",
            ),
        }
    }
}
