//! `unused-departments`: every registered department is named by a plan (checked once every plan is there and no plan file has another error).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::departments::{named, plans, registered};
use crate::messages::{Doc, Message, Text, Words};
use crate::model::DEPARTMENTS_PATH;
use rustc_hash::FxHashSet as HashSet;
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "unused-departments",
    severity: Severity::Warning,
    summary: Doc {
        ja: "登録した担当課がどこかの計画で使われていること（計画がすべてそろい、ほかの誤りがなく、進捗の報告が始まる前に検査します）",
        en: "every registered department is named by a plan (checked once every plan is there and no plan file has another error, until progress reporting starts)",
    },
    fix: Doc {
        ja: "登録簿から消すか、計画に加える",
        en: "remove it from the register, or add it to its plan",
    },
    guide: r#"登録簿にあるのに、どの計画も使っていない担当課があると出ます。たとえば、ある課の最後の計画を消したとき、登録簿だけを先に直してマージしようとしたときです。ほかに誤りがある間は検査しないので、ほかの誤りを直したあとに初めて出ることがあります。

文書にもうない課なら、登録簿から消します。文書にある課なら、その計画の `"departments"` に加えます。警告ですが、CI では不合格になります。

進捗の報告が始まったあと（`plans/outline.json` に `"progress"` があるとき）は検査しません。計画が終わったり担当が替わったりして、計画のなくなった課も、登録簿に残しておけます。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(unused),
};

/// Every registered department is named by some plan (a warning otherwise). Checked only
/// when every plan is there, every plan file is free of errors and names only registered
/// departments: a plan that is missing or cannot be read, or a misspelt name, would make a
/// department look unused.
pub fn unused(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(register), Some(known)) = (ctx.register, registered(ctx)) else {
        return;
    };
    if !ctx.plans_valid() || ctx.hidden || ctx.plans_missing() {
        return;
    }
    // Once the plan is running (progress set up), a department may be left without a plan
    // (its plans ended or moved) and still belong in the register: only while the data is
    // being transcribed is an unused name a slip.
    if ctx.outline.is_some_and(|o| o.progress.is_some()) {
        return;
    }
    let mut used: HashSet<&str> = HashSet::default();
    for (_, plan) in plans(ctx) {
        for (name, _) in named(plan) {
            if !known.contains(name) {
                return;
            }
            used.insert(name);
        }
    }
    for (i, d) in register.departments.iter().enumerate() {
        if !used.contains(d.name.as_str()) {
            out.push(RULE.report(
                DEPARTMENTS_PATH,
                Target::Value(format!("/departments/{i}/name")),
                Said::UnusedDepartment {
                    name: d.name.clone(),
                },
            ));
        }
    }
}

/// What `unused-departments` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    UnusedDepartment { name: String },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![Said::UnusedDepartment {
        name: s("試験広報課"),
    }]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::UnusedDepartment { name } => with_hint(
                format!("担当課「{name}」は登録されていますが、どの計画にも使われていません。"),
                "登録簿から消すか、文書でこの担当課が挙がっている計画に加えてください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::UnusedDepartment { name } => with_hint(
                format!("the department 「{name}」 is registered, but no plan names it"),
                "remove it from the register, or add it to the plan the document names it for",
            ),
        }
    }
}
