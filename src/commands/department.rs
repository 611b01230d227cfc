//! `plans department rename OLD NEW --from YEAR` and `plans department merge A B … --into C
//! --from YEAR`: a reorganisation (機構改革) in one canonical edit. The register keeps the
//! department's history (`formerly`, `since`); every plan (and sub-project) naming an old name
//! names the new one, and the outline's `owner` too. Data with errors is not changed.

use std::path::PathBuf;

use serde_json::Value;

use super::{Exit, Stop, Streams};
use crate::canonical::{Shapes, Tree, write};
use crate::generated::{self, Output};
use crate::messages::{Lang, Note, RunError};
use crate::model::{DEPARTMENTS_PATH, Kind, OUTLINE_PATH};
use crate::render::{self, Format};

/// What changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reorganisation {
    /// One department gets a new name.
    Rename { old: String, new: String },
    /// Departments become one (a new name, or one of them, or another registered one).
    Merge { from: Vec<String>, into: String },
}

/// What `plans department` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub change: Reorganisation,
    /// The fiscal year the new name applies from.
    pub since: i64,
    pub color: bool,
    pub lang: Lang,
}

/// Changes the register and the files: exit 0 when written, 1 when the data has errors
/// (nothing written), 2 when it could not run (a name not registered …).
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = reorganise(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

fn reorganise(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let root = &options.root;
    let Some(model) = super::checked_model(root, options.color, options.lang, streams)? else {
        return Ok(Exit::Problems);
    };
    // The year the new names apply from is a year of the plan's period, once it has one.
    if let Some(setup) = model.outline.as_ref().and_then(|o| o.setup())
        && !setup.period.holds(options.since)
    {
        return Err(RunError::ProgressYear {
            option: "--from",
            year: options.since,
            from: setup.period.from,
            to: setup.period.to,
        }
        .into());
    }
    let registered: Vec<&str> = model
        .register
        .iter()
        .flat_map(|r| r.departments.iter())
        .map(|d| d.name.as_str())
        .collect();
    let (from, to) = match &options.change {
        Reorganisation::Rename { old, new } => {
            if old == new {
                return Err(RunError::SameName { name: new.clone() }.into());
            }
            if registered.contains(&new.as_str()) {
                return Err(RunError::DepartmentRegistered { name: new.clone() }.into());
            }
            (vec![old.clone()], new.clone())
        }
        Reorganisation::Merge { from, into } => {
            // The departments merged, each once; the one merged into is not one of them.
            let mut names: Vec<String> = Vec::new();
            for name in from {
                if !names.contains(name) && name != into {
                    names.push(name.clone());
                }
            }
            if names.is_empty() {
                return Err(RunError::SameName { name: into.clone() }.into());
            }
            if names.len() == 1 && !registered.contains(&into.as_str()) {
                return Err(RunError::MergeOfOne {
                    name: names[0].clone(),
                    into: into.clone(),
                }
                .into());
            }
            (names, into.clone())
        }
    };
    if let Some(name) = from.iter().find(|n| !registered.contains(&n.as_str())) {
        return Err(RunError::DepartmentNotRegistered {
            name: name.clone(),
            suggestion: crate::facts::departments::suggest(name, &registered).map(str::to_string),
        }
        .into());
    }
    let shapes = Shapes::new();
    // Each file to change is read again for its keys' order (the model keeps none); one that
    // no longer reads as it was checked stops the command before anything is written.
    let read = |path: &str| -> Result<Tree, RunError> {
        let changed = || RunError::ChangedWhileRunning {
            path: path.to_string(),
        };
        let bytes = crate::safe_io::read(&root.join(path), crate::repo::MAX_FILE_BYTES)
            .map_err(|_| changed())?;
        let text = String::from_utf8(bytes).map_err(|_| changed())?;
        Tree::parse(&text).map_err(|_| changed())
    };
    let into_registered = registered.contains(&to.as_str());
    let mut outputs = Vec::new();
    // The register: the first department merged (or the one renamed) takes the new name and
    // the history; the others merged go; a registered department merged into keeps its place.
    let mut register = read(DEPARTMENTS_PATH)?;
    if let Tree::Object(fields) = &mut register
        && let Some((_, Tree::Array(departments))) =
            fields.iter_mut().find(|(k, _)| k == "departments")
    {
        reorganise_register(departments, &from, &to, options.since);
    }
    outputs.push(Output {
        path: DEPARTMENTS_PATH.to_string(),
        bytes: write(&register, shapes.of(&Kind::Register)).into_bytes(),
    });
    // Every plan that names an old name.
    let mut plans = 0;
    for (id, plan) in &model.plans {
        if !crate::facts::departments::named(plan).any(|(n, _)| from.iter().any(|f| f == n)) {
            continue;
        }
        let path = id.path();
        let mut tree = read(&path)?;
        rename_in_plan(&mut tree, &from, &to);
        outputs.push(Output {
            bytes: write(&tree, shapes.of(&Kind::Plan(*id))).into_bytes(),
            path,
        });
        plans += 1;
    }
    // The outline's owner.
    if model
        .outline
        .as_ref()
        .and_then(|o| o.owner.as_ref())
        .is_some_and(|owner| from.contains(owner))
    {
        let mut outline = read(OUTLINE_PATH)?;
        if let Tree::Object(fields) = &mut outline {
            for (key, value) in fields.iter_mut() {
                if key == "owner" {
                    *value = string(&to);
                }
            }
        }
        outputs.push(Output {
            path: OUTLINE_PATH.to_string(),
            bytes: write(&outline, shapes.of(&Kind::Outline)).into_bytes(),
        });
    }
    generated::write(root, &outputs)?;
    let note = Note::Reorganised {
        from,
        to,
        since: options.since,
        plans,
        into_registered,
    };
    writeln!(streams.out, "{}", render::note(&note, options.lang))?;
    Ok(Exit::Ok)
}

fn string(s: &str) -> Tree {
    Tree::Scalar(Value::String(s.to_string()))
}

fn text(tree: &Tree) -> Option<&str> {
    match tree {
        Tree::Scalar(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// The value of `key` in an object.
fn field<'t>(tree: &'t mut Tree, key: &str) -> Option<&'t mut Tree> {
    match tree {
        Tree::Object(fields) => fields.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// The register's departments after the reorganisation.
fn reorganise_register(departments: &mut Vec<Tree>, from: &[String], to: &str, since: i64) {
    let name_of = |d: &Tree| match d {
        Tree::Object(fields) => fields
            .iter()
            .find(|(k, _)| k == "name")
            .and_then(|(_, v)| text(v))
            .map(str::to_string),
        _ => None,
    };
    let formerly_of = |d: &Tree| -> Vec<String> {
        match d {
            Tree::Object(fields) => match fields.iter().find(|(k, _)| k == "formerly") {
                Some((_, Tree::Array(items))) => {
                    items.iter().filter_map(text).map(str::to_string).collect()
                }
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    };
    // The history: each old name, after the names it had before. A registered department
    // merged into is one of the names its plans were under before the year, so it is among
    // them too (a year before it then reads 「A、B（現 A）」).
    let mut formerly: Vec<String> = Vec::new();
    let mut place = None;
    let mut target_place = None;
    let mut keep = Vec::with_capacity(departments.len());
    for d in departments.drain(..) {
        let name = name_of(&d);
        let merged = name.as_ref().is_some_and(|n| from.contains(n));
        let target = name.as_deref() == Some(to);
        if merged || target {
            for f in formerly_of(&d) {
                if !formerly.contains(&f) {
                    formerly.push(f);
                }
            }
            if let Some(n) = name
                && !formerly.contains(&n)
            {
                formerly.push(n);
            }
            // Its place: the department merged into keeps its own; else the first one found's.
            if target {
                target_place = Some(keep.len());
            }
            place.get_or_insert(keep.len());
            continue;
        }
        keep.push(d);
    }
    let at = target_place.or(place).unwrap_or(keep.len());
    let entry = Tree::Object(vec![
        ("name".to_string(), string(to)),
        (
            "formerly".to_string(),
            Tree::Array(formerly.iter().map(|f| string(f)).collect()),
        ),
        (
            "since".to_string(),
            Tree::Scalar(Value::Number(since.into())),
        ),
    ]);
    keep.insert(at, entry);
    *departments = keep;
}

/// Every department a plan and its sub-projects name: an old name becomes the new one, once.
fn rename_in_plan(tree: &mut Tree, from: &[String], to: &str) {
    if let Some(list) = field(tree, "departments") {
        rename_list(list, from, to);
    }
    if let Some(Tree::Array(subprojects)) = field(tree, "subprojects") {
        for sub in subprojects {
            if let Some(list) = field(sub, "departments") {
                rename_list(list, from, to);
            }
        }
    }
}

fn rename_list(list: &mut Tree, from: &[String], to: &str) {
    let Tree::Array(items) = list else {
        return;
    };
    let mut seen: Vec<String> = Vec::new();
    items.retain_mut(|item| {
        let Some(name) = text(item).map(str::to_string) else {
            return true;
        };
        let name = if from.contains(&name) {
            *item = string(to);
            to.to_string()
        } else {
            name
        };
        if seen.contains(&name) {
            return false;
        }
        seen.push(name);
        true
    });
}
