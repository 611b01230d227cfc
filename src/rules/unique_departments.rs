//! `unique-departments`: no department is registered twice.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::messages::{Doc, Message, Text, Words};
use crate::model::DEPARTMENTS_PATH;
use rustc_hash::FxHashSet as HashSet;
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "unique-departments",
    severity: Severity::Error,
    summary: Doc {
        ja: "登録簿に同じ課が二度ないこと",
        en: "no department is registered twice",
    },
    fix: Doc {
        ja: "片方を消す",
        en: "remove the repeat",
    },
    guide: r#"登録簿に、同じ名前の課が 2 回あるときに出ます。新しい課を加えたつもりが、もう登録されていたときに起きます。

片方の `{ "name": … }` を消します。前後の `,` が正しく残るように気を付けてください。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(unique),
};

/// No department is registered twice.
pub fn unique(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(register) = ctx.register else {
        return;
    };
    let mut seen = HashSet::default();
    for (i, d) in register.departments.iter().enumerate() {
        if !seen.insert(d.name.as_str()) {
            out.push(RULE.report(
                DEPARTMENTS_PATH,
                Target::Value(format!("/departments/{i}/name")),
                Said::DuplicateDepartment {
                    name: d.name.clone(),
                },
            ));
        }
    }
}

/// What `unique-departments` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    DuplicateDepartment { name: String },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![Said::DuplicateDepartment {
        name: s("試験企画課"),
    }]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::DuplicateDepartment { name } => with_hint(
                format!("担当課「{name}」が 2 回登録されています。"),
                "二つ目を消してください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::DuplicateDepartment { name } => with_hint(
                format!("the department 「{name}」 is registered twice"),
                "remove the second entry",
            ),
        }
    }
}
