//! `plans new`: add a plan, the next of its action area, in canonical form; refuse an unknown
//! department (with the suggestion `check` gives) and a title already used; say which counts
//! to raise, or raise them (`--update-counts`). With no option, on a terminal, it asks for
//! each value in turn.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::{Exit, Stop, Streams};
use crate::canonical::{Shapes, Tree, write};
use crate::chars::visible;
use crate::check::{check_loaded, why_left_out};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::departments::suggest;
use crate::generated::{self, Output};
use crate::messages::{Lang, Message, Note, RunError};
use crate::model::{Kind, Model, OUTLINE_PATH, PlanId};
use crate::output::ci;
use crate::render::{self, Format};
use crate::repo::{self, SourceFile};

/// What `plans new` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// The action area, `G-I`.
    pub area: Option<String>,
    pub title: Option<String>,
    pub departments: Vec<String>,
    pub and_others: bool,
    pub subprojects: Vec<String>,
    /// Raise `expected_plans` and `expected_total` too.
    pub update_counts: bool,
    /// The plan is added by the amendment of this fiscal year (`"added_in"`): the counts, the
    /// document's as adopted, stay.
    pub added_in: Option<i64>,
    /// Standard input is a terminal, so missing values can be asked for.
    pub interactive: bool,
    pub lang: Lang,
}

/// Adds the plan: exit 0 when it is written, 2 when it cannot be (said why).
pub fn run(options: &Options, input: &mut dyn BufRead, streams: &mut Streams) -> Exit {
    let result = new(options, input, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

/// The values of the new plan, checked against the outline and the register.
struct Plan {
    id: PlanId,
    title: String,
    departments: Vec<String>,
    and_others: bool,
    subprojects: Vec<String>,
}

fn text(s: &str) -> String {
    s.trim().nfc().collect()
}

/// The action area `G-I`, if the outline has it.
fn area(model: &Model, value: &str) -> Result<(u32, u32), RunError> {
    let bad = || RunError::NewBadItem {
        value: value.to_string(),
    };
    let (goal, item) = value.trim().split_once('-').ok_or_else(bad)?;
    let number = |s: &str| s.parse::<u32>().ok().filter(|n| *n > 0);
    let (goal, item) = (number(goal).ok_or_else(bad)?, number(item).ok_or_else(bad)?);
    let known = model.outline.iter().flat_map(|o| o.goals.iter()).any(|g| {
        g.number == u64::from(goal) && g.items.iter().any(|i| i.number == u64::from(item))
    });
    if known {
        Ok((goal, item))
    } else {
        Err(RunError::NewUnknownItem { goal, item })
    }
}

/// A registered department (by name, or by its number in the register when `numbered`).
fn department(model: &Model, value: &str, numbered: bool) -> Result<String, RunError> {
    let names: Vec<&str> = model
        .register
        .iter()
        .flat_map(|r| r.departments.iter())
        .map(|d| d.name.as_str())
        .collect();
    let value = text(value);
    if numbered
        && let Some(name) = value
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| names.get(i))
    {
        return Ok(name.to_string());
    }
    if names.contains(&value.as_str()) {
        return Ok(value);
    }
    Err(RunError::NewUnknownDepartment {
        suggestion: suggest(&value, &names).map(str::to_string),
        name: value,
    })
}

fn title(model: &Model, value: &str) -> Result<String, RunError> {
    let title = text(value);
    match model.plans.iter().find(|(_, p)| p.title == title) {
        Some((id, _)) => Err(RunError::NewDuplicateTitle {
            title,
            other: id.to_string(),
        }),
        None => Ok(title),
    }
}

/// Asks on standard error and reads one line; `None` at the end of the input.
fn ask(
    question: &str,
    input: &mut dyn BufRead,
    streams: &mut Streams,
) -> Result<Option<String>, Stop> {
    write!(streams.err, "{question}")?;
    streams.err.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
}

/// Asks until `check` accepts the answer; `None` at the end of the input.
fn ask_until<T>(
    question: &str,
    input: &mut dyn BufRead,
    streams: &mut Streams,
    lang: Lang,
    check: impl Fn(&str) -> Result<T, RunError>,
) -> Result<Option<T>, Stop> {
    loop {
        let Some(answer) = ask(question, input, streams)? else {
            return Ok(None);
        };
        match check(&answer) {
            Ok(value) => return Ok(Some(value)),
            Err(e) => {
                let words = lang.catalogue();
                let text = (words.run_error)(&e);
                let line = format!("{}{}", words.new.again, visible(&text.message));
                writeln!(streams.err, "{}", ci::text(&line))?;
            }
        }
    }
}

/// Refuses to add a plan to goal `goal` while a file that may bear on it cannot be read as
/// what it is (`check::leaves_data_out`: a plan that does not parse, a goal folder that is a
/// link, a misplaced plan …): such a file is missing from the model, so the next number and
/// the goal's count would be wrong, and a linked folder would be written through. Files of
/// another goal's folder, named as that goal's plans or not plans at all, do not bear on it.
fn fix_first(diagnostics: &[Diagnostic], goal: u32) -> Result<(), RunError> {
    let elsewhere = |file: &str| {
        let folder_goal = file
            .strip_prefix("plans/goal-")
            .map(|rest| rest.split('/').next().unwrap_or(rest))
            .and_then(|n| n.parse::<u32>().ok());
        let named_for = match Kind::of_path(file) {
            Kind::Plan(id) | Kind::Misnamed(id) => Some(id.goal),
            _ => None,
        };
        folder_goal.is_some_and(|g| g != goal) && named_for != Some(goal)
    };
    match why_left_out(diagnostics.iter().filter(|d| !elsewhere(&d.file))) {
        Some(d) => Err(RunError::NewFixFirst {
            file: match (d.line, d.column) {
                (Some(line), Some(column)) => format!("{}:{line}:{column}", d.file),
                _ => d.file.clone(),
            },
            message: Box::new(d.message.clone()),
        }),
        None => Ok(()),
    }
}

/// The values asked for on a terminal.
fn interview(
    root: &Path,
    model: &Model,
    diagnostics: &[Diagnostic],
    input: &mut dyn BufRead,
    streams: &mut Streams,
    lang: Lang,
) -> Result<Option<Plan>, Stop> {
    let words = &lang.catalogue().new;
    let Some((goal, item)) = ask_until(words.item, input, streams, lang, |a| area(model, a))?
    else {
        return Ok(None);
    };
    fix_first(diagnostics, goal)?;
    let Some(title) = ask_until(words.title, input, streams, lang, |a| {
        if a.trim().is_empty() {
            Err(RunError::NewMissing {
                options: vec!["--title".into()],
            })
        } else {
            title(model, a)
        }
    })?
    else {
        return Ok(None);
    };
    writeln!(streams.err, "{}", words.registered)?;
    for (i, d) in model
        .register
        .iter()
        .flat_map(|r| r.departments.iter())
        .enumerate()
    {
        let line = format!("  {:>2}. {}", i + 1, visible(&d.name));
        writeln!(streams.err, "{}", ci::text(&line))?;
    }
    let Some(departments) = ask_until(words.departments, input, streams, lang, |a| {
        let names: Vec<String> = a
            .split([',', '、', '，'])
            .filter(|s| !s.trim().is_empty())
            .map(|s| department(model, s, true))
            .collect::<Result<_, _>>()?;
        if names.is_empty() {
            Err(RunError::NewMissing {
                options: vec!["--department".into()],
            })
        } else {
            Ok(names)
        }
    })?
    else {
        return Ok(None);
    };
    let Some(and_others) = ask_until(words.and_others, input, streams, lang, |a| {
        match a.trim().to_lowercase().as_str() {
            "" | "n" | "no" => Ok(false),
            "y" | "yes" => Ok(true),
            other if other == words.yes => Ok(true),
            other if other == words.no => Ok(false),
            _ => Err(RunError::NewYesNo),
        }
    })?
    else {
        return Ok(None);
    };
    let mut subprojects = Vec::new();
    while let Some(answer) = ask(words.subproject, input, streams)? {
        if answer.trim().is_empty() {
            break;
        }
        subprojects.push(text(&answer));
    }
    Ok(Some(Plan {
        id: next(root, model, goal, item),
        title,
        departments,
        and_others,
        subprojects,
    }))
}

/// The next free number of an action area: after its last plan, and past any entry already
/// at that name (a file that is not a plan yet, a link), which is never replaced.
fn next(root: &Path, model: &Model, goal: u32, item: u32) -> PlanId {
    let last = model
        .plans
        .iter()
        .filter(|(id, _)| id.goal == goal && id.area == item)
        .map(|(id, _)| id.number)
        .max()
        .unwrap_or(0);
    let mut id = PlanId {
        goal,
        area: item,
        number: last.saturating_add(1),
    };
    while std::fs::symlink_metadata(root.join(id.path())).is_ok() && id.number < u32::MAX {
        id.number += 1;
    }
    id
}

/// The values given as options, checked.
fn given(
    root: &Path,
    model: &Model,
    diagnostics: &[Diagnostic],
    options: &Options,
) -> Result<Plan, RunError> {
    let mut missing = Vec::new();
    if options.area.is_none() {
        missing.push("--area".to_string());
    }
    if options.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        missing.push("--title".to_string());
    }
    if options.departments.is_empty() {
        missing.push("--department".to_string());
    }
    if !missing.is_empty() {
        return Err(RunError::NewMissing { options: missing });
    }
    let (goal, item) = area(model, options.area.as_deref().unwrap_or_default())?;
    fix_first(diagnostics, goal)?;
    let title = title(model, options.title.as_deref().unwrap_or_default())?;
    let departments = options
        .departments
        .iter()
        .map(|d| department(model, d, false))
        .collect::<Result<_, _>>()?;
    Ok(Plan {
        id: next(root, model, goal, item),
        title,
        departments,
        and_others: options.and_others,
        subprojects: options.subprojects.iter().map(|s| text(s)).collect(),
    })
}

fn string(s: &str) -> Tree {
    Tree::Scalar(Value::String(s.to_string()))
}

/// The plan file's tree.
fn tree(plan: &Plan) -> Tree {
    let mut entries = vec![
        ("id".to_string(), string(&plan.id.to_string())),
        ("title".to_string(), string(&plan.title)),
        (
            "departments".to_string(),
            Tree::Array(plan.departments.iter().map(|d| string(d)).collect()),
        ),
    ];
    if plan.and_others {
        entries.push(("and_others".to_string(), Tree::Scalar(Value::Bool(true))));
    }
    if !plan.subprojects.is_empty() {
        let subprojects = plan
            .subprojects
            .iter()
            .map(|s| Tree::Object(vec![("title".to_string(), string(s))]))
            .collect();
        entries.push(("subprojects".to_string(), Tree::Array(subprojects)));
    }
    Tree::Object(entries)
}

/// Sets a whole number at `key` of an object.
fn set(tree: &mut Tree, key: &str, value: u64) {
    if let Tree::Object(entries) = tree {
        for (k, v) in entries.iter_mut() {
            if k == key {
                *v = Tree::Scalar(Value::Number(value.into()));
            }
        }
    }
}

/// The outline with goal `goal`'s `expected_plans` and the `expected_total` set.
fn raised(text: &str, goal: u32, expected_plans: u64, expected_total: u64) -> Option<String> {
    let mut outline = Tree::parse(text).ok()?;
    let number = |t: &Tree, key: &str| match t {
        Tree::Object(entries) => {
            entries
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| match v {
                    Tree::Scalar(Value::Number(n)) => n.as_u64(),
                    _ => None,
                })
        }
        _ => None,
    };
    number(&outline, "expected_total")?;
    set(&mut outline, "expected_total", expected_total);
    let mut plans = None;
    if let Tree::Object(entries) = &mut outline
        && let Some((_, Tree::Array(goals))) = entries.iter_mut().find(|(k, _)| k == "goals")
    {
        for g in goals.iter_mut() {
            if number(g, "number") == Some(u64::from(goal)) {
                number(g, "expected_plans")?;
                set(g, "expected_plans", expected_plans);
                plans = Some(());
            }
        }
    }
    let shapes = Shapes::new();
    plans?;
    Some(write(&outline, shapes.of(&Kind::Outline)))
}

fn new(options: &Options, input: &mut dyn BufRead, streams: &mut Streams) -> Result<Exit, Stop> {
    let root = &options.root;
    let lang = options.lang;
    // The repository is read once: checked as it is (the model, and the errors it has
    // already), then again below with the new file added.
    let loaded = repo::load(root)?;
    let mut with_new = repo::Loaded {
        files: loaded.files.clone(),
        strays: loaded.strays.clone(),
    };
    let outcome = check_loaded(loaded);
    let model = outcome.model();
    let (Some(outline), Some(_)) = (&model.outline, &model.register) else {
        return Err(RunError::NewNoOutline.into());
    };
    let nothing_given = options.area.is_none()
        && options.title.is_none()
        && options.departments.is_empty()
        && options.subprojects.is_empty();
    let diagnostics = &outcome.diagnostics;
    let plan = if nothing_given && options.interactive {
        match interview(root, &model, diagnostics, input, streams, lang)? {
            Some(plan) => plan,
            None => given(root, &model, diagnostics, options)?,
        }
    } else {
        given(root, &model, diagnostics, options)?
    };
    let shapes = Shapes::new();
    let path = plan.id.path();
    let mut written = tree(&plan);
    if let (Some(year), Tree::Object(entries)) = (options.added_in, &mut written) {
        entries.push((
            "added_in".to_string(),
            Tree::Scalar(Value::Number(year.into())),
        ));
    }
    let mut outputs = vec![Output {
        path: path.clone(),
        bytes: write(&written, shapes.of(&Kind::Plan(plan.id))).into_bytes(),
    }];
    // The new file must bring no error of its own into the repository (a department named
    // twice, an empty sub-project, a control character in the title, an id another file
    // already holds): each is refused with the rule's own message. The counts it leaves to
    // raise are said below.
    let errors = |diagnostics: Vec<Diagnostic>| -> Vec<(String, &'static str, Message)> {
        diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error && !matches!(d.rule, "counts" | "numbering"))
            .map(|d| (d.file, d.rule, d.message))
            .collect()
    };
    let before = errors(outcome.diagnostics);
    with_new
        .files
        .push(SourceFile::new(&path, outputs[0].bytes.clone()));
    let after = errors(check_loaded(with_new).diagnostics);
    if let Some((file, _, message)) = after.into_iter().find(|e| !before.contains(e)) {
        return Err(RunError::NewRejected {
            file,
            message: Box::new(message),
        }
        .into());
    }
    // The goal's count becomes the plans it has with this one; the total changes by as much,
    // so that the goals still add up to it as far as they did.
    let goal = outline
        .goals
        .iter()
        .find(|g| g.number == u64::from(plan.id.goal));
    let expected_plans = model
        .plans
        .iter()
        .filter(|(id, _)| id.goal == plan.id.goal)
        .count() as u64
        + 1;
    let expected_total = outline
        .expected_total
        .saturating_add(expected_plans)
        .saturating_sub(goal.map_or(0, |g| g.expected_plans));
    let mut counts = Note::RaiseCounts {
        goal: u64::from(plan.id.goal),
        expected_plans,
        expected_total,
    };
    if options.added_in.is_some() {
        // The counts are the document's as adopted: an added plan leaves them as they are.
        generated::write(root, &outputs)?;
        let note = Note::PlanCreated {
            path,
            id: plan.id.to_string(),
        };
        writeln!(streams.out, "{}", render::note(&note, lang))?;
        return Ok(Exit::Ok);
    }
    if options.update_counts {
        let text = std::fs::read_to_string(root.join(OUTLINE_PATH)).unwrap_or_default();
        if let Some(outline) = raised(&text, plan.id.goal, expected_plans, expected_total) {
            outputs.push(Output {
                path: OUTLINE_PATH.to_string(),
                bytes: outline.into_bytes(),
            });
            counts = Note::CountsRaised {
                goal: u64::from(plan.id.goal),
                expected_plans,
                expected_total,
            };
        }
    }
    generated::write(root, &outputs)?;
    let say =
        |streams: &mut Streams, note: Note| writeln!(streams.out, "{}", render::note(&note, lang));
    say(
        streams,
        Note::PlanCreated {
            path,
            id: plan.id.to_string(),
        },
    )?;
    say(streams, counts)?;
    Ok(Exit::Ok)
}
