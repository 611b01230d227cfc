//! `file-location`: a plan is at `plans/goal-G/<id>.json` and its `id` equals its file name (a name typed another way, such as full-width digits, `.JSON` or `.json.txt`, is told its right name).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::document::Content;
use crate::facts::identity::{Identity, id_target};
use crate::messages::{Doc, Message, Text, Words};
use crate::model::{Kind, PlanId, Special};
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "file-location",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画は `plans/goal-G/<id>.json` にあり、ファイル名と `id` が同じであること（全角数字・`.JSON`・`.json.txt` などの名前は正しい名前を示します）。`outline.json` と `departments.json` が決まった場所にあること。ほかの JSON を置かないこと",
        en: "a plan is at `plans/goal-G/<id>.json` and its `id` equals its file name (a name typed another way, such as full-width digits, `.JSON` or `.json.txt`, is told its right name); the outline and the register exist, in their places; no other JSON file is in `plans/`",
    },
    fix: Doc {
        ja: "示されたとおりにファイルを移す・名前を変える・`id` を直す",
        en: "move or rename the file, or correct its `id`, as told",
    },
    guide: r#"ファイル名と `"id"` が違う、重点推進目標 2 の計画を `goal-1` フォルダーに置いた、ファイル名を全角数字や `.JSON` にした、`メモ.json` のような計画ではない JSON ファイルを `plans/` に置いた、などのときに出ます。正しい名前や場所が示されます。

名前を変えるには、github.dev ではファイル一覧で右クリックして「Rename...」を選びます。鉛筆アイコンのエディターでは、上のファイル名の欄を書き換えます。名前の欄に `goal-2/` のように書くと、別のフォルダーに移せます（`../` で 1 つ上のフォルダーに戻ります）。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(location),
};

/// A plan is at `plans/goal-G/<id>.json` with the same `id` inside; the outline and the
/// register exist, in their places; no other JSON file is in `plans/`.
pub fn location(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut present = [false; 2];
    let mut misplaced = [false; 2];
    for doc in ctx.docs.iter() {
        match (doc.kind, &doc.content) {
            (Kind::Outline, _) => present[0] = true,
            (Kind::Register, _) => present[1] = true,
            // A file that could not be read is reported by file-read alone.
            (_, Content::Unread) => {}
            (Kind::Misplaced(which), _) => misplaced[which as usize] = true,
            (Kind::Other, Content::Plan(_)) | (Kind::Plan(_) | Kind::Misnamed(_), _) => {}
            (Kind::Other, _) => out.push(RULE.report(&doc.path, Target::File, Said::NotAPlan)),
        }
    }
    for doc in ctx.docs.iter() {
        if let (Kind::Misplaced(which), false) = (doc.kind, matches!(doc.content, Content::Unread))
        {
            out.push(RULE.report(
                &doc.path,
                Target::File,
                Said::MisplacedFile {
                    which,
                    exists: present[which as usize],
                },
            ));
        }
    }
    for which in [Special::Outline, Special::Register] {
        let i = which as usize;
        if !present[i] && !misplaced[i] {
            out.push(RULE.report(which.path(), Target::File, Said::MissingFile { which }));
        }
    }
    let renamed = misnamed_folders(ctx);
    let taken = |id: PlanId| ctx.plans.iter().any(|e| e.name == Some(id));
    for entry in &ctx.plans {
        let (target, message) = match (entry.identity, entry.name) {
            (Identity::WrongFolder, Some(_))
                if renamed
                    .iter()
                    .any(|(folder, _)| *folder == folder_of(&entry.doc.path)) =>
            {
                continue;
            }
            (Identity::WrongFolder, Some(id)) => (Target::File, Said::WrongFolder { id }),
            (Identity::Mismatch { id }, Some(name)) => (
                id_target(entry),
                Said::IdMismatch {
                    id,
                    name,
                    rename: !taken(id) && ctx.areas.as_ref().is_none_or(|a| a.contains(id)),
                },
            ),
            (Identity::Misnamed { id }, _) => {
                // The id typed the same other way as the name (`１-１-３`, `1-2-01`).
                let id_too = entry.id.is_none()
                    && entry
                        .plan
                        .is_some_and(|p| PlanId::parse_lookalike(&p.id) == Some(id));
                (Target::File, Said::MisnamedPlan { id, id_too })
            }
            _ => continue,
        };
        out.push(RULE.report(&entry.doc.path, target, message));
    }
    for (folder, goal) in renamed {
        out.push(RULE.report(folder, Target::File, Said::FolderMisnamed { goal }));
    }
}

/// The folder a path is in.
fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// Folders whose plans all belong to one goal whose folder does not exist: the folder has
/// the wrong name (`plans/goal1`), one mistake however many plans it holds. Each with the
/// goal its plans belong to.
fn misnamed_folders<'c>(ctx: &'c Context) -> Vec<(&'c str, u32)> {
    if !ctx
        .plans
        .iter()
        .any(|e| e.identity == Identity::WrongFolder)
    {
        return Vec::new();
    }
    /// What a folder's plans say: the one goal of them all (None once they differ, or once
    /// one is not in a wrong folder), and how many there are.
    struct Seen {
        goal: Option<u32>,
        plans: usize,
    }
    let mut folders: std::collections::BTreeMap<&str, Seen> = Default::default();
    for entry in &ctx.plans {
        let seen = folders.entry(folder_of(&entry.doc.path)).or_insert(Seen {
            goal: entry.name.map(|id| id.goal),
            plans: 0,
        });
        seen.plans += 1;
        match (entry.identity, entry.name) {
            (Identity::WrongFolder, Some(id)) if seen.goal == Some(id.goal) => {}
            _ => seen.goal = None,
        }
    }
    let exists = |goal: u32| {
        let prefix = format!("plans/goal-{goal}/");
        ctx.docs.iter().any(|d| d.path.starts_with(&prefix))
    };
    folders
        .into_iter()
        .filter(|(folder, seen)| *folder != "plans" && seen.plans > 1)
        .filter_map(|(folder, seen)| Some((folder, seen.goal?)))
        .filter(|(_, goal)| !exists(*goal))
        .collect()
}

/// What `file-location` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A plan file in the wrong folder.
    WrongFolder {
        id: PlanId,
    },
    /// The `id` inside differs from the file's name; `rename`: renaming the file to the id
    /// would work (no other file has that name, and the id is in the outline).
    IdMismatch {
        id: PlanId,
        name: PlanId,
        rename: bool,
    },
    /// A folder whose plans all belong to goal `goal`, whose folder does not exist.
    FolderMisnamed {
        goal: u32,
    },
    /// A plan whose file name is not its id; `id_too`: its `id` is written the same other
    /// way as its name.
    MisnamedPlan {
        id: PlanId,
        id_too: bool,
    },
    /// An outline or register in the wrong place; `exists`: the right place is taken.
    MisplacedFile {
        which: Special,
        exists: bool,
    },
    /// A JSON file that is not a plan, the outline or the register.
    NotAPlan,
    MissingFile {
        which: Special,
    },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::WrongFolder { id: id(2, 1, 1) },
        Said::IdMismatch {
            id: id(1, 1, 9),
            name: id(1, 1, 1),
            rename: true,
        },
        Said::IdMismatch {
            id: id(1, 1, 2),
            name: id(1, 1, 1),
            rename: false,
        },
        Said::FolderMisnamed { goal: 2 },
        Said::MisnamedPlan {
            id: id(1, 1, 3),
            id_too: false,
        },
        Said::MisnamedPlan {
            id: id(1, 1, 3),
            id_too: true,
        },
        Said::MisplacedFile {
            which: Special::Outline,
            exists: true,
        },
        Said::MisplacedFile {
            which: Special::Register,
            exists: false,
        },
        Said::NotAPlan,
        Said::MissingFile {
            which: Special::Register,
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
            Self::WrongFolder { id } => with_hint(
                format!(
                    "計画 {id} はフォルダー plans/goal-{}/ に置きます。",
                    id.goal
                ),
                format!("このファイルを {} に移してください。", id.path()),
            ),
            Self::IdMismatch { id, name, rename } => with_hint(
                format!("\"id\" の値 \"{id}\" が、ファイル名 {name}.json と違います。"),
                if *rename {
                    format!(
                        "これが計画 {name} なら \"id\": \"{name}\" と書いてください。計画 {id} なら、ファイルの名前を {} に変えてください。",
                        id.path()
                    )
                } else {
                    format!("ファイル名の番号に合わせて \"id\": \"{name}\" と書いてください。")
                },
            ),
            Self::FolderMisnamed { goal } => with_hint(
                format!(
                    "このフォルダーの計画は重点推進目標 {goal} のものです。重点推進目標 {goal} のフォルダーは plans/goal-{goal}/ です。"
                ),
                format!("このフォルダーの名前を plans/goal-{goal} に変えてください。"),
            ),
            Self::MisnamedPlan { id, id_too: false } => with_hint(
                format!("計画 {id} のファイル名は {id}.json にします。"),
                format!("このファイルの名前を {} に変えてください。", id.path()),
            ),
            Self::MisnamedPlan { id, id_too: true } => with_hint(
                format!("計画 {id} は、ファイル名を {id}.json にし、\"id\": \"{id}\" と書きます。"),
                format!(
                    "このファイルの名前を {} に変え、\"id\": \"{id}\" と書いてください（半角の数字とハイフンで、数字の頭に 0 を付けません）。",
                    id.path()
                ),
            ),
            Self::MisplacedFile { which, exists } => {
                let path = which.path();
                if *exists {
                    with_hint(
                        format!(
                            "これは二つ目の{}です。使われているのは {path} です。",
                            special_name(*which)
                        ),
                        format!(
                            "二つを見比べて、正しい内容を {path} に残し、このファイルを削除してください。"
                        ),
                    )
                } else {
                    with_hint(
                        format!("このファイルは {path} に置きます。"),
                        format!("{path} に移してください。"),
                    )
                }
            }
            Self::NotAPlan => with_hint(
                "このファイルは、計画でも、体系でも、担当課の登録簿でもありません。",
                "計画のファイルは plans/goal-G/G-I-N.json のように計画番号を名前にし、同じ番号を \"id\" に書きます。計画でなければ、plans/ の外へ移すか削除してください。",
            ),
            Self::MissingFile { which } => with_hint(
                format!("{}（{}）がありません。", special_name(*which), which.path()),
                "どの検査にも必要なファイルです。リポジトリの履歴から元に戻してください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::WrongFolder { id } => with_hint(
                format!("plan {id} belongs in the folder plans/goal-{}/", id.goal),
                format!("move this file to {}", id.path()),
            ),
            Self::IdMismatch { id, name, rename } => with_hint(
                format!("the id \"{id}\" differs from the file's name, {name}.json"),
                if *rename {
                    format!(
                        "if this is plan {name}, write \"id\": \"{name}\"; if it is plan {id}, rename the file to {}",
                        id.path()
                    )
                } else {
                    format!("write \"id\": \"{name}\", the number in the file's name")
                },
            ),
            Self::FolderMisnamed { goal } => with_hint(
                format!(
                    "the plans in this folder belong to goal {goal}, whose folder is plans/goal-{goal}/"
                ),
                format!("rename this folder to plans/goal-{goal}"),
            ),
            Self::MisnamedPlan { id, id_too: false } => with_hint(
                format!("plan {id} must be in a file named {id}.json"),
                format!("rename this file to {}", id.path()),
            ),
            Self::MisnamedPlan { id, id_too: true } => with_hint(
                format!("plan {id} must be in a file named {id}.json, with \"id\": \"{id}\""),
                format!(
                    "rename this file to {} and write \"id\": \"{id}\" (half-width digits, hyphens, no leading zeros)",
                    id.path()
                ),
            ),
            Self::MisplacedFile { which, exists } => {
                let path = which.path();
                if *exists {
                    with_hint(
                        format!(
                            "this is a second {}; the one in use is {path}",
                            special_name(*which)
                        ),
                        format!(
                            "compare the two, keep what is right in {path}, and delete this file"
                        ),
                    )
                } else {
                    with_hint(
                        format!("this file belongs at {path}"),
                        format!("move it to {path}"),
                    )
                }
            }
            Self::NotAPlan => with_hint(
                "this file is not a plan, the outline or the register",
                "a plan is named after its number, plans/goal-G/G-I-N.json, and holds the same \"id\"; if this is not a plan, move it out of plans/ or delete it",
            ),
            Self::MissingFile { which } => with_hint(
                format!("the {} {} is missing", special_name(*which), which.path()),
                "restore the file from the repository's history: every check needs it",
            ),
        }
    }
}
