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
        ja: "計画を所管する課（体系の `owner`）が体系に `progress` を書くまで、プルリクエストをマージせずに置いておく",
        en: "keep the pull request unmerged until the section that owns the plan (the outline's `owner`) adds `progress` to the outline",
    },
    guide: r#"計画のファイルに `"progress"` がありますが、体系に進捗の設定がないときに出ます。進捗の報告は、計画を所管する課（`plans/outline.json` の `"owner"`）が体系に設定を書いてから始まります。

書いた進捗は消さずに、プルリクエストをマージしないまま置いておき、報告の時期かどうかを計画を所管する課に確かめてください。設定ができれば、そのまま検査に通ります。"#,
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
                Said::ProgressNotSetUp {
                    owner: outline.owner.clone(),
                },
            ));
        }
    }
}

/// What `progress-enabled` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A plan holds progress, but the outline does not set progress up; who owns the plan.
    ProgressNotSetUp { owner: Option<String> },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    vec![
        Said::ProgressNotSetUp {
            owner: Some("架空推進課".into()),
        },
        Said::ProgressNotSetUp { owner: None },
    ]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::ProgressNotSetUp { owner: o } => with_hint(
                "この計画には進捗（\"progress\"）がありますが、plans/outline.json に進捗の設定がありません。",
                format!(
                    "進捗の報告は、{}が plans/outline.json に \"progress\"（計画期間、報告する年度、評価の段階）を書いてから始まります。書いた進捗は消さずに、プルリクエストをマージしないまま置いておき、報告の時期かどうかを{}に確かめてください。",
                    owner(o.as_deref()),
                    owner(o.as_deref())
                ),
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::ProgressNotSetUp { owner: o } => with_hint(
                "this plan holds progress, but plans/outline.json does not set progress up",
                format!(
                    "progress is reported once {} writes \"progress\" (the period, the year being reported and the scale) into plans/outline.json; keep what you wrote, leave the pull request unmerged and ask {} whether reporting has started",
                    owner(o.as_deref()),
                    owner(o.as_deref())
                ),
            ),
        }
    }
}
