//! `unique-titles`: plan titles are unique.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::identity::Identity;
use crate::messages::{Doc, Message, Text, Words};
use crate::model::PlanId;
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "unique-titles",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画名が重複しないこと",
        en: "plan titles are unique",
    },
    fix: Doc {
        ja: "文書と見比べて直す",
        en: "check both plans against the document",
    },
    guide: r#"2 つの計画が同じ計画名のときに出ます。多いのは、ファイルをコピーして計画名を直し忘れたときです。文書には、括弧の中だけが違う計画名があります。括弧を落とすと重複になります。

文書と見比べて、どちらの計画名が違っているかを確かめ、直します。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(unique_titles),
};

/// No two plans share a title (a copy whose `id` was not changed is `unique-ids`' to report).
pub fn unique_titles(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut first: rustc_hash::FxHashMap<&str, crate::model::PlanId> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(ctx.plans.len(), Default::default());
    for entry in &ctx.plans {
        let (Some(plan), Some(id)) = (entry.plan, entry.counts_as) else {
            continue;
        };
        if plan.title.is_empty() || matches!(entry.identity, Identity::Copy { .. }) {
            continue;
        }
        let owner = *first.entry(plan.title.as_str()).or_insert(id);
        if owner != id {
            out.push(RULE.report(
                &entry.doc.path,
                Target::Value("/title".to_string()),
                Said::DuplicateTitle {
                    title: plan.title.clone(),
                    other: owner,
                },
            ));
        }
    }
}

/// What `unique-titles` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    DuplicateTitle { title: String, other: PlanId },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![Said::DuplicateTitle {
        title: s("架空組織の見直し"),
        other: id(1, 1, 1),
    }]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::DuplicateTitle { title, other } => with_hint(
                format!("計画名「{title}」は、計画 {other} の計画名と同じです。"),
                "計画名は文書の中で重複しません。両方のファイルを文書と見比べてください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::DuplicateTitle { title, other } => with_hint(
                format!("the title 「{title}」 is also the title of plan {other}"),
                "plan titles are unique in the document: check both files against it",
            ),
        }
    }
}
