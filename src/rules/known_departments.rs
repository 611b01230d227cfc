//! `known-departments`: every department is in the register.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::departments::{Named, Suggester, named, plans};
use crate::messages::{Doc, Message, Text, Words};
use crate::model::{DEPARTMENTS_PATH, OUTLINE_PATH};
use rustc_hash::FxHashSet as HashSet;
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "known-departments",
    severity: Severity::Error,
    summary: Doc {
        ja: "担当課と、体系の計画を所管する課（`owner`）が登録簿（`departments.json`）にあること（近い名前を提案します。複数の計画が同じ名前を使い登録簿の似た名前がどこにも使われていなければ、登録簿の誤りとして示します）",
        en: "every department is in the register; near misses get a suggestion (「試験市民科」 → 「試験市民課」); a name several plans use, close to a registered name no plan uses, is reported as a slip in the register; the outline's `owner` is a registered department too",
    },
    fix: Doc {
        ja: "提案どおりに直すか、登録簿に追加する",
        en: "use the suggested name, or register the new department",
    },
    guide: r#"担当課の名前が、登録簿の名前と 1 文字でも違うと出ます。多いのは、打ち間違い、名前の前後や途中の空白、`"公有資産マネジメント課 等"` のように「等」を名前に入れたものです。「等」は `"and_others": true` で表します。

メッセージに近い名前が示されたら、そのとおりに直します。github.dev では、`"departments"` の中で候補から選ぶと間違いません。本当に新しい課なら、同じプルリクエストで登録簿に加えます（[計画を追加する・終える](add-or-end-plan.md#計画を追加する) の手順 2）。登録簿の方が打ち間違っているときは、登録簿に誤りとして示されます。その場合は、登録簿の名前を直します。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(known),
};

/// Every department a plan or sub-project names is in the register. A name several plans
/// use, close to a registered name no plan uses, is a slip in the register, reported once
/// there; a name with 「等」 is told to use `and_others`.
pub fn known(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(register) = ctx.register else {
        return;
    };
    let names: Vec<&str> = register
        .departments
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    let known: HashSet<&str> = names.iter().copied().collect();
    // The index is made once an unknown name needs a suggestion.
    let mut suggester: Option<Suggester> = None;
    // Every unknown name, in the order first met, with where it is named.
    let mut unknown: Vec<(&str, Vec<Named>)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut used: HashSet<&str> = HashSet::default();
    for (entry, plan) in plans(ctx) {
        for (name, place) in named(plan) {
            // An empty name is the schema's to report.
            if name.is_empty() {
                continue;
            }
            if known.contains(name) {
                used.insert(name);
                continue;
            }
            let i = *index.entry(name).or_insert_with(|| {
                unknown.push((name, Vec::new()));
                unknown.len() - 1
            });
            unknown[i]
                .1
                .push((entry.doc.path.as_str(), place, plan.and_others));
        }
    }
    // Names the register knows as former ones: a reorganisation gave them a new name.
    let former: rustc_hash::FxHashMap<&str, (&str, Option<i64>)> = register
        .departments
        .iter()
        .flat_map(|d| d.formerly.iter().map(move |f| (f.as_str(), (d.name.as_str(), d.since))))
        .collect();
    for (name, places) in unknown {
        if let Some(&(now, since)) = former.get(name) {
            let message = Said::FormerName {
                name: name.to_string(),
                now: now.to_string(),
                since,
            };
            for (file, place, _) in places {
                out.push(RULE.report(file, Target::Value(place.pointer()), message.clone()));
            }
            continue;
        }
        let message = match without_etc(name).filter(|d| known.contains(d)) {
            Some(department) => {
                for (file, place, and_others) in places {
                    let message = Said::DepartmentWithEtc {
                        name: name.to_string(),
                        department: department.to_string(),
                        and_others,
                    };
                    out.push(RULE.report(file, Target::Value(place.pointer()), message));
                }
                continue;
            }
            None => {
                let suggestion = suggester
                    .get_or_insert_with(|| Suggester::new(&names))
                    .suggest_place(name);
                let mut files: Vec<&str> = places.iter().map(|(file, ..)| *file).collect();
                files.dedup();
                if let Some((i, registered)) =
                    suggestion.filter(|(_, s)| !used.contains(s) && files.len() > 1)
                {
                    out.push(RULE.report(
                        DEPARTMENTS_PATH,
                        Target::Value(format!("/departments/{i}/name")),
                        Said::RegisterMisspelt {
                            registered: registered.to_string(),
                            used: name.to_string(),
                            plans: files.len(),
                        },
                    ));
                    continue;
                }
                Said::UnknownDepartment {
                    name: name.to_string(),
                    suggestion: suggestion.map(|(_, s)| s.to_string()),
                }
            }
        };
        for (file, place, _) in places {
            out.push(RULE.report(file, Target::Value(place.pointer()), message.clone()));
        }
    }
    // The section that owns the plan is a registered department too (an empty name is the
    // schema's to report).
    if let Some(owner) = ctx.outline.and_then(|o| o.owner.as_deref())
        && let Some(&(now, since)) = former.get(owner)
    {
        let message = Said::FormerName {
            name: owner.to_string(),
            now: now.to_string(),
            since,
        };
        out.push(RULE.report(OUTLINE_PATH, Target::Value("/owner".into()), message));
    } else if let Some(owner) = ctx.outline.and_then(|o| o.owner.as_deref())
        && !owner.is_empty()
        && !known.contains(owner)
    {
        let suggestion = suggester
            .get_or_insert_with(|| Suggester::new(&names))
            .suggest_place(owner)
            .map(|(_, s)| s.to_string());
        out.push(RULE.report(
            OUTLINE_PATH,
            Target::Value("/owner".into()),
            Said::UnknownOwner {
                name: owner.to_string(),
                suggestion,
            },
        ));
    }
}

/// A name written with 「等」 at its end (「人事課 等」), without it.
fn without_etc(name: &str) -> Option<&str> {
    let rest = name
        .trim_end_matches(crate::chars::is_space)
        .strip_suffix('等')?
        .trim_end_matches(crate::chars::is_space);
    (!rest.is_empty()).then_some(rest)
}

/// What `known-departments` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    UnknownDepartment {
        name: String,
        suggestion: Option<String>,
    },
    /// A department written with 「等」: that is `"and_others": true`, not part of the name.
    DepartmentWithEtc {
        name: String,
        department: String,
        /// The plan already has `"and_others": true`.
        and_others: bool,
    },
    /// A registered name no plan uses, while several plans use one close to it that is not
    /// registered: the register's spelling is the slip.
    RegisterMisspelt {
        registered: String,
        used: String,
        plans: usize,
    },
    /// A department's former name: the register says which name replaced it, and since when.
    FormerName {
        name: String,
        now: String,
        since: Option<i64>,
    },
    /// The outline's `owner` is not in the register.
    UnknownOwner {
        name: String,
        suggestion: Option<String>,
    },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::UnknownDepartment {
            name: s("試験企面課"),
            suggestion: Some(s("試験企画課")),
        },
        Said::UnknownDepartment {
            name: s("架空課"),
            suggestion: None,
        },
        Said::DepartmentWithEtc {
            name: s("試験財務課 等"),
            department: s("試験財務課"),
            and_others: false,
        },
        Said::DepartmentWithEtc {
            name: s("試験財務課 等"),
            department: s("試験財務課"),
            and_others: true,
        },
        Said::RegisterMisspelt {
            registered: s("試験人時課"),
            used: s("試験人事課"),
            plans: 2,
        },
        Said::FormerName {
            name: s("試験水道整備課"),
            now: s("試験水道施設課"),
            since: Some(2027),
        },
        Said::UnknownOwner {
            name: s("試験企面課"),
            suggestion: Some(s("試験企画課")),
        },
        Said::UnknownOwner {
            name: s("架空課"),
            suggestion: None,
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
            Self::UnknownDepartment { name, suggestion } => match suggestion {
                Some(s) => with_hint(
                    format!("「{name}」は担当課の登録簿にありません。"),
                    format!(
                        "「{s}」のことでしょうか。担当課の名前は plans/departments.json にある名前と完全に同じにします。"
                    ),
                ),
                None => with_hint(
                    format!("「{name}」は担当課の登録簿にありません。"),
                    "plans/departments.json にある名前を使ってください。文書に新しい担当課が出てくる場合は、先にそこへ追加してください。",
                ),
            },
            Self::DepartmentWithEtc {
                name,
                department,
                and_others,
            } => with_hint(
                format!("「{name}」の「等」は、担当課の名前には含めません。"),
                if *and_others {
                    format!(
                        "「{department}」と書いてください。「等」は、この計画の \"and_others\": true ですでに表されています。"
                    )
                } else {
                    format!(
                        "「{department}」と書き、\"departments\" の ] の後にカンマを付けて、\"and_others\": true を加えてください（ファイルでは「等」をこう書き表します）。"
                    )
                },
            ),
            Self::RegisterMisspelt {
                registered,
                used,
                plans,
            } => with_hint(
                format!(
                    "登録簿の担当課「{registered}」はどの計画にも使われていません。一方、登録されていない「{used}」を {plans} 件の計画が使っています。"
                ),
                format!(
                    "「{used}」が担当課の正しい名前なら、ここを直してください。計画はそのままで検査に通ります。"
                ),
            ),
            Self::FormerName { name, now, since } => with_hint(
                format!(
                    "「{name}」は、{}「{now}」になりました。",
                    since.map(|y| format!("{}から", fiscal_year(y))).unwrap_or_default()
                ),
                format!(
                    "\"{now}\" に書き換えてください。plans department rename（名前の変更）と merge（統合）は、登録簿とすべての計画を一度に書き換えます。"
                ),
            ),
            Self::UnknownOwner { name, suggestion } => with_hint(
                format!(
                    "計画を所管する課（\"owner\"）の「{name}」が、担当課の一覧（plans/departments.json）にありません。"
                ),
                match suggestion {
                    Some(s) => format!(
                        "「{s}」のことでしょうか。機構改革で名前が変わったときは、新しい名前に書き換えてください。"
                    ),
                    None => "担当課の一覧にある名前を書いてください。機構改革で名前が変わったときは、新しい名前に書き換えてください。".to_string(),
                },
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::UnknownDepartment { name, suggestion } => match suggestion {
                Some(s) => with_hint(
                    format!("unknown department 「{name}」"),
                    format!(
                        "did you mean 「{s}」? department names must match plans/departments.json exactly"
                    ),
                ),
                None => with_hint(
                    format!("unknown department 「{name}」"),
                    "use a name from plans/departments.json; if the document names a new department, add it there first",
                ),
            },
            Self::DepartmentWithEtc {
                name,
                department,
                and_others,
            } => with_hint(
                format!("「{name}」: 「等」 is not part of a department's name"),
                if *and_others {
                    format!(
                        "write 「{department}」: the plan's \"and_others\": true already says 「等」"
                    )
                } else {
                    format!(
                        "write 「{department}」, and add \"and_others\": true to the plan, after the ] of \"departments\" and a comma (that is how the files say 「等」)"
                    )
                },
            ),
            Self::RegisterMisspelt {
                registered,
                used,
                plans,
            } => with_hint(
                format!(
                    "the registered department 「{registered}」 is named by no plan, while {plans} plans name 「{used}」, which is not registered"
                ),
                format!(
                    "if 「{used}」 is the department's right name, correct it here; the plans then pass as they are"
                ),
            ),
            Self::FormerName { name, now, since } => with_hint(
                format!(
                    "「{name}」 is now 「{now}」{}",
                    since
                        .map(|y| format!(" (since fiscal year {y})"))
                        .unwrap_or_default()
                ),
                format!(
                    "write \"{now}\"; plans department rename and merge change the register and every plan at once"
                ),
            ),
            Self::UnknownOwner { name, suggestion } => with_hint(
                format!(
                    "the section that owns the plan (\"owner\"), 「{name}」, is not in the register (plans/departments.json)"
                ),
                match suggestion {
                    Some(s) => format!(
                        "did you mean 「{s}」? after a reorganisation, write the section's new name"
                    ),
                    None => "write a name from the register; after a reorganisation, write the section's new name".to_string(),
                },
            ),
        }
    }
}
