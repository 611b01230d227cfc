//! `progress-enabled`: a plan holds `progress` only once `plans/outline.json` sets progress up.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::progress::plans;
use crate::messages::{Doc, Message, Text, Words};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "progress-enabled",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画に進捗（`progress`）を書くのは、`plans/outline.json` に進捗の設定があるときだけであること",
        en: "a plan holds `progress` only once `plans/outline.json` sets progress up",
    },
    fix: Doc {
        ja: "行政マネジメント課が体系に `progress` を書くまで、計画の `progress` を削除する",
        en: "remove the plan's `progress` until the administrative-management section adds `progress` to the outline",
    },
    guide: r#"計画のファイルに `"progress"` がありますが、体系に進捗の設定がないときに出ます。進捗の報告は、行政マネジメント課が体系に設定を書いてから始まります。

設定ができるまでは、計画の `"progress"` を削除します。報告の時期かどうかは、行政マネジメント課に確かめてください。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(enabled),
};

/// A plan holds progress only once the outline sets it up (an outline whose `progress` the
/// schema rejects counts as set up: the schema has said what is wrong there).
pub fn enabled(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(outline) = ctx.outline else {
        return;
    };
    if outline.progress.is_some() {
        return;
    }
    for (path, plan) in plans(ctx) {
        if !plan.progress.is_empty() {
            out.push(RULE.report(
                path,
                Target::Key("/progress".into()),
                Said::ProgressNotSetUp,
            ));
        }
    }
}

/// What `progress-enabled` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A plan holds progress, but the outline does not set progress up.
    ProgressNotSetUp,
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    vec![Said::ProgressNotSetUp]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::ProgressNotSetUp => with_hint(
                "この計画には進捗（\"progress\"）がありますが、plans/outline.json に進捗の設定がありません。",
                "進捗の報告は、行政マネジメント課が plans/outline.json に \"progress\"（計画期間と評価の段階）を書いてから始めます。それまでは、この計画の \"progress\" を削除してください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::ProgressNotSetUp => with_hint(
                "this plan holds progress, but plans/outline.json does not set progress up",
                "progress is reported once the administrative-management section writes \"progress\" (the period and the scale) into plans/outline.json; until then, remove this plan's \"progress\"",
            ),
        }
    }
}
