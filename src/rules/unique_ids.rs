//! `unique-ids`: one file per plan.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::identity::{Identity, id_target};
use crate::messages::{Doc, Message, Text, Words};
use crate::model::PlanId;
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "unique-ids",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画番号ひとつにファイルがひとつであること（コピーしたファイルの `id` の直し忘れ、同じ計画が二つのフォルダーにあるもの）",
        en: "one file per plan: no file whose `id` is another file's (a copy whose `id` was left as it was), no plan in two folders",
    },
    fix: Doc {
        ja: "新しい計画ならファイル名の番号を `id` に書く。不要なコピーは消す",
        en: "write the file's own number in its `id`, or delete the copy",
    },
    guide: r#"多いのは、計画を足すときに既存のファイルをコピーし、`"id"` を直し忘れたものです。同じ計画を、誤って 2 つのフォルダーに置いたときにも出ます。

新しい計画なら、ファイル名の番号を `"id"` に書きます（計画名と担当課も書き換えます）。誤って作ったコピーなら、そのファイルを消します。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(unique_ids),
};

/// One file per plan: no file whose `id` is another file's, and no plan named twice.
pub fn unique_ids(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let title_of = |path: &str| {
        ctx.plans
            .iter()
            .find(|e| e.doc.path == path)
            .and_then(|e| e.plan.map(|p| p.title.as_str()))
    };
    for entry in &ctx.plans {
        let (target, message) = match (entry.identity, entry.name) {
            (Identity::Copy { id, owner }, name) => (
                id_target(entry),
                Said::CopiedId {
                    id,
                    owner: owner.to_string(),
                    name,
                    same_title: entry
                        .plan
                        .is_some_and(|p| Some(p.title.as_str()) == title_of(owner)),
                },
            ),
            (Identity::Twice { other }, Some(id)) => (
                Target::File,
                Said::SamePlanTwice {
                    id,
                    other: other.to_string(),
                },
            ),
            _ => continue,
        };
        out.push(RULE.report(&entry.doc.path, target, message));
    }
}

/// What `unique-ids` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// The `id` inside is another file's: the file was copied and the id left as it was.
    CopiedId {
        id: PlanId,
        owner: String,
        name: Option<PlanId>,
        /// The file has the owner's title too, so it may be a copy; otherwise only its `id`
        /// is wrong.
        same_title: bool,
    },
    /// Two files are named after the same plan.
    SamePlanTwice { id: PlanId, other: String },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::CopiedId {
            id: id(1, 3, 3),
            owner: s("plans/goal-1/1-3-3.json"),
            name: Some(id(1, 3, 4)),
            same_title: true,
        },
        Said::CopiedId {
            id: id(1, 3, 3),
            owner: s("plans/goal-1/1-3-3.json"),
            name: Some(id(1, 3, 4)),
            same_title: false,
        },
        Said::CopiedId {
            id: id(1, 1, 3),
            owner: s("plans/goal-1/1-1-3.json"),
            name: None,
            same_title: true,
        },
        Said::SamePlanTwice {
            id: id(2, 1, 1),
            other: s("plans/goal-2/2-1-1.json"),
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
            Self::CopiedId {
                id,
                owner,
                name,
                same_title,
            } => match name {
                Some(name) if !same_title => with_hint(
                    format!(
                        "\"id\" の値 \"{id}\" はすでに {owner} の \"id\" ですが、このファイルの名前は {name}.json です。"
                    ),
                    format!("ファイル名の番号に合わせて \"id\": \"{name}\" と書いてください。"),
                ),
                Some(name) => with_hint(
                    format!(
                        "\"id\" の値 \"{id}\" はすでに {owner} の \"id\" ですが、このファイルの名前は {name}.json です。"
                    ),
                    format!(
                        "新しい計画 {name} なら、\"id\": \"{name}\" と書いてください（計画名と担当課もこの計画のものにします）。誤ってできたコピーなら、このファイルを削除してください。"
                    ),
                ),
                None => with_hint(
                    format!("このファイルは、{owner} にある計画 {id} と重複しています。"),
                    "誤ってできたコピーなら、このファイルを削除してください。新しい計画なら、ファイル名と \"id\" にその計画の番号を書いてください。",
                ),
            },
            Self::SamePlanTwice { id, other } => with_hint(
                format!("計画 {id} は {other} にもあります。"),
                format!(
                    "計画 1 件につきファイルは一つです。二つを見比べて、正しい内容を {other} に残し、このファイルを削除してください。"
                ),
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::CopiedId {
                id,
                owner,
                name,
                same_title,
            } => match name {
                Some(name) if !same_title => with_hint(
                    format!(
                        "the id \"{id}\" is already the id of {owner}, but this file is named {name}.json"
                    ),
                    format!("write \"id\": \"{name}\", the number in the file's name"),
                ),
                Some(name) => with_hint(
                    format!(
                        "the id \"{id}\" is already the id of {owner}, but this file is named {name}.json"
                    ),
                    format!(
                        "if this is a new plan {name}, write \"id\": \"{name}\" (and its own title and departments); if the file is a copy made by mistake, delete it"
                    ),
                ),
                None => with_hint(
                    format!("this file repeats plan {id}, which is {owner}"),
                    "if the file is a copy made by mistake, delete it; if it is a new plan, give it its own number in its name and its \"id\"",
                ),
            },
            Self::SamePlanTwice { id, other } => with_hint(
                format!("plan {id} is also in {other}"),
                "a plan has one file: compare the two, keep what is right in that file, and delete this one",
            ),
        }
    }
}
