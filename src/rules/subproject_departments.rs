//! `subproject-departments`: a sub-project's departments are among its plan's.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::departments::{Place, named, plans, registered};
use crate::messages::{Doc, Message, Text, Words};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "subproject-departments",
    severity: Severity::Error,
    summary: Doc {
        ja: "個別事業の担当課が計画の担当課に含まれること",
        en: "a sub-project's departments are among its plan's",
    },
    fix: Doc {
        ja: "計画の `departments` に加えるか、名前を直す",
        en: "add it to the plan's `departments`, or correct it",
    },
    guide: r#"個別事業の `"departments"` に、計画の `"departments"` にない担当課を書いたときに出ます。個別事業の担当課は、計画の担当課の中から選ぶ決まりです。

文書と見比べて、計画の `"departments"` に加える（文書の順の位置に入れます）か、個別事業の方の名前を直します。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(subproject),
};

/// A sub-project's departments are among its plan's (checked on plans whose own file is
/// free of errors and whose departments are all registered, so a misspelt plan department is
/// reported once, by `known-departments`).
pub fn subproject(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let known = registered(ctx);
    for (entry, plan) in plans(ctx) {
        let all_known = known
            .as_ref()
            .is_none_or(|k| named(plan).all(|(name, _)| name.is_empty() || k.contains(name)));
        if !entry.doc.valid || !all_known {
            continue;
        }
        for (name, place) in named(plan) {
            if matches!(place, Place::Subproject(..))
                && !name.is_empty()
                && !plan.departments.iter().any(|d| d == name)
            {
                out.push(RULE.report(
                    &entry.doc.path,
                    Target::Value(place.pointer()),
                    Said::SubprojectDepartment {
                        name: name.to_string(),
                    },
                ));
            }
        }
    }
}

/// What `subproject-departments` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    SubprojectDepartment { name: String },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![Said::SubprojectDepartment {
        name: s("試験施設課"),
    }]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::SubprojectDepartment { name } => with_hint(
                format!("個別事業の担当課「{name}」が、計画の担当課に含まれていません。"),
                "個別事業の担当課は計画の担当課から選びます。計画の \"departments\" に加えるか、名前を直してください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::SubprojectDepartment { name } => with_hint(
                format!(
                    "the sub-project's department 「{name}」 is not among the plan's departments"
                ),
                "a sub-project's departments are taken from its plan: add it to the plan's \"departments\" or correct the name",
            ),
        }
    }
}
