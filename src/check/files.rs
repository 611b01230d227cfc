//! Rule `file-location`: each file sits where its content says it belongs.

use super::diagnostic::{Diagnostic, Target};
use super::{Content, Context, DEPARTMENTS_PATH, Kind, OUTLINE_PATH};
use crate::messages;
use crate::model::PlanId;

pub const RULE: &str = "file-location";

/// A plan sits at `plans/goal-G/<id>.json`; the outline and the register are present and in
/// their places; no other JSON file is in `plans/`.
pub fn location(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut expected = String::new();
    for doc in ctx.docs.iter() {
        match doc.kind {
            Kind::MisplacedOutline => out.push(Diagnostic::error(
                RULE,
                &doc.path,
                Target::File,
                messages::special_misplaced(OUTLINE_PATH),
            )),
            Kind::MisplacedRegister => out.push(Diagnostic::error(
                RULE,
                &doc.path,
                Target::File,
                messages::special_misplaced(DEPARTMENTS_PATH),
            )),
            Kind::Outline | Kind::Register => {}
            Kind::Plan => {
                let id = match &doc.content {
                    Content::Plan(Some(plan)) => PlanId::parse(&plan.id),
                    _ => None,
                };
                match id {
                    Some(id) => {
                        expected.clear();
                        id.write_path(&mut expected);
                        if doc.path != expected {
                            out.push(Diagnostic::error(
                                RULE,
                                &doc.path,
                                Target::Value("/id".to_string()),
                                messages::plan_misplaced(&id.to_string(), &expected),
                            ));
                        }
                    }
                    // A plan with a broken id in a goal folder is the schema's to report.
                    None if in_goal_folder(&doc.path) => {}
                    None => out.push(Diagnostic::error(
                        RULE,
                        &doc.path,
                        Target::File,
                        messages::not_a_plan(),
                    )),
                }
            }
        }
    }
    for (present, path, what) in [
        (
            ctx.present.outline,
            OUTLINE_PATH,
            "outline (plans/outline.json)",
        ),
        (
            ctx.present.register,
            DEPARTMENTS_PATH,
            "department register (plans/departments.json)",
        ),
    ] {
        if !present {
            out.push(Diagnostic::error(
                RULE,
                path,
                Target::File,
                messages::missing_file(what),
            ));
        }
    }
}

/// `plans/goal-<digits>/<name>.json`.
fn in_goal_folder(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    matches!(parts.as_slice(), ["plans", folder, _] if folder
        .strip_prefix("goal-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
}
