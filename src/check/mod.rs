//! Checking: parse the loaded files, run every rule, place each diagnostic at a line and
//! column, and hand back the diagnostics together with the typed data.

pub mod departments;
pub mod diagnostic;
pub mod docs;
pub mod files;
pub mod parse;
pub mod render;
pub mod rules;
pub mod schema;
pub mod structure;
pub mod text;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;

use crate::model::{Outline, Plan, PlanId, Register};
use crate::par;
use crate::repo::{self, LoadError, Loaded, SourceFile};
use crate::span::{self, Part};
use diagnostic::{Diagnostic, Severity, Target};
use docs::Docs;
use schema::Schemas;

pub const OUTLINE_PATH: &str = "plans/outline.json";
pub const DEPARTMENTS_PATH: &str = "plans/departments.json";

/// What a JSON file under `plans/` is, judged by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Outline,
    Register,
    Plan,
    /// A file named `outline.json` somewhere other than `plans/`.
    MisplacedOutline,
    /// A file named `departments.json` somewhere other than `plans/`.
    MisplacedRegister,
}

impl Kind {
    pub fn of_path(path: &str) -> Kind {
        match path {
            OUTLINE_PATH => Kind::Outline,
            DEPARTMENTS_PATH => Kind::Register,
            p if p.ends_with("/outline.json") => Kind::MisplacedOutline,
            p if p.ends_with("/departments.json") => Kind::MisplacedRegister,
            _ => Kind::Plan,
        }
    }
}

/// A file that has parsed as JSON.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    pub text: String,
    pub value: Value,
    pub kind: Kind,
}

/// What a file's per-file rules leave for the cross-file rules: the JSON tree is dropped as
/// soon as they have run, so memory holds typed content, not every file's tree at once.
#[derive(Debug, Clone)]
pub enum Content {
    Outline(Option<Outline>),
    Register(Option<Register>),
    /// A plan read leniently (see [`Plan::lenient`]); `None` if it has no text id.
    Plan(Option<Plan>),
    /// A misplaced outline or register: checked against its schema, then set aside.
    Misplaced,
}

/// A file that has parsed and passed through the per-file rules.
#[derive(Debug, Clone)]
pub struct Checked {
    pub path: String,
    /// The source text, kept only where it may be needed to place a diagnostic: files with
    /// per-file diagnostics, the outline and the register. Clean plan files are re-read in
    /// the rare case that a cross-file rule reports on them (see [`finish`]).
    pub text: Option<String>,
    pub kind: Kind,
    pub content: Content,
}

/// Splits per-file results into the files that parsed (in the results' order) and the
/// diagnostics, appended to `diagnostics`.
fn split(results: Vec<FileResult>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Checked> {
    let mut docs = Vec::with_capacity(results.len());
    for (doc, found) in results {
        docs.extend(doc);
        diagnostics.extend(found);
    }
    docs
}

/// A plan file whose content could be read as a plan (even if it breaks some rules).
pub struct PlanEntry<'a> {
    pub doc: &'a Checked,
    pub plan: &'a Plan,
    /// The parsed id, if it is well formed.
    pub id: Option<PlanId>,
}

/// Whether the outline and the register were among the files found, whether or not they
/// could be read or parsed (so a broken one is not also reported as missing).
#[derive(Debug, Clone, Copy, Default)]
pub struct Present {
    pub outline: bool,
    pub register: bool,
}

impl Present {
    pub fn of<'p>(paths: impl Iterator<Item = &'p str>) -> Present {
        let mut present = Present::default();
        for path in paths {
            present.outline |= path == OUTLINE_PATH;
            present.register |= path == DEPARTMENTS_PATH;
        }
        present
    }
}

/// What the repository rules see.
pub struct Context<'a> {
    pub docs: &'a Docs,
    pub present: Present,
    pub outline: Option<(&'a Checked, &'a Outline)>,
    pub register: Option<(&'a Checked, &'a Register)>,
    pub plans: Vec<PlanEntry<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(docs: &'a Docs, present: Present) -> Self {
        let mut outline = None;
        let mut register = None;
        let mut plans = Vec::with_capacity(docs.len());
        for doc in docs.iter() {
            match &doc.content {
                Content::Outline(Some(o)) if outline.is_none() => outline = Some((doc, o)),
                Content::Register(Some(r)) if register.is_none() => register = Some((doc, r)),
                Content::Plan(Some(plan)) => plans.push(PlanEntry {
                    doc,
                    plan,
                    id: PlanId::parse(&plan.id),
                }),
                _ => {}
            }
        }
        Context {
            docs,
            present,
            outline,
            register,
            plans,
        }
    }
}

/// The checked data, in the order of the files.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub outline: Option<Outline>,
    pub register: Option<Register>,
    pub plans: Vec<(PlanId, Plan)>,
}

/// The result of a check: every diagnostic, sorted, and the data that was read.
#[derive(Debug, Default)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    /// The text of each file that has a diagnostic placed on a line, for showing the line.
    pub sources: HashMap<String, String>,
    /// How long each phase took (for `--timings`).
    pub timings: Vec<(&'static str, Duration)>,
    /// Every file that parsed, in path order; [`Outcome::model`] gathers the data from them
    /// when it is wanted (a check alone never needs it).
    docs: Docs,
}

impl Outcome {
    /// The checked data: the first outline and register, and every plan with a
    /// well-formed id, in path order.
    pub fn model(&self) -> Model {
        let mut model = Model::default();
        for doc in self.docs.iter() {
            match &doc.content {
                Content::Outline(o) if model.outline.is_none() && doc.kind == Kind::Outline => {
                    model.outline = o.clone()
                }
                Content::Register(r) if model.register.is_none() => model.register = r.clone(),
                _ => {}
            }
        }
        model.plans = self.plans().map(|(id, plan)| (id, plan.clone())).collect();
        model
    }

    /// How many plans have a well-formed id (the plans in [`Outcome::model`]).
    pub fn plan_count(&self) -> usize {
        self.plans().count()
    }

    /// How many goals the outline has, if it could be read.
    pub fn goal_count(&self) -> Option<usize> {
        self.docs.iter().find_map(|doc| match &doc.content {
            Content::Outline(Some(o)) if doc.kind == Kind::Outline => Some(o.goals.len()),
            _ => None,
        })
    }

    /// Every plan with a well-formed id, in path order.
    fn plans(&self) -> impl Iterator<Item = (PlanId, &Plan)> {
        self.docs.iter().filter_map(|doc| match &doc.content {
            Content::Plan(Some(plan)) => Some((PlanId::parse(&plan.id)?, plan)),
            _ => None,
        })
    }

    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Whether the run fails: any error, or any warning when warnings are denied.
    pub fn failed(&self, deny_warnings: bool) -> bool {
        self.errors() > 0 || (deny_warnings && self.warnings() > 0)
    }

    /// How many distinct files have diagnostics.
    pub fn files_with_problems(&self) -> usize {
        let mut files: Vec<&str> = self.diagnostics.iter().map(|d| d.file.as_str()).collect();
        files.dedup();
        files.len()
    }
}

/// Why a check could not run at all.
#[derive(Debug)]
pub enum CheckError {
    Load(LoadError),
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::Load(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CheckError {}

/// Loads and checks the repository at `root`: each folder's files are read, parsed and
/// checked as soon as the walk has listed it, on every core.
pub fn check_repository(root: &Path) -> Result<Outcome, CheckError> {
    let mut clock = Clock::new();
    let schemas = Schemas::new();
    let walked = repo::walk(root, &|files: Vec<repo::Found>| {
        let present = Present::of(files.iter().map(|f| f.path.as_str()));
        let results = par::map(files, par::THRESHOLD, |found| match repo::read(found) {
            Ok(file) => check_file(&schemas, file, false),
            Err(d) => (None, vec![*d]),
        });
        let mut diagnostics = Vec::new();
        let run = split(results, &mut diagnostics);
        (present, run, diagnostics)
    })
    .map_err(CheckError::Load)?;
    clock.lap("walk, read, parse and per-file rules");
    let mut present = Present::default();
    let mut diagnostics = walked.diagnostics;
    let mut runs = Vec::with_capacity(walked.visited.len());
    for (p, run, found) in walked.visited {
        present.outline |= p.outline;
        present.register |= p.register;
        runs.push(run);
        diagnostics.extend(found);
    }
    Ok(finish(
        Docs::from_runs(runs),
        diagnostics,
        present,
        Some(root),
        clock,
    ))
}

/// What the per-file rules make of one file: what the cross-file rules need (if it parsed),
/// and its diagnostics.
type FileResult = (Option<Checked>, Vec<Diagnostic>);

/// Phase timings for `--timings`.
struct Clock {
    last: Instant,
    timings: Vec<(&'static str, Duration)>,
}

impl Clock {
    fn new() -> Clock {
        Clock {
            last: Instant::now(),
            timings: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        self.timings.push((name, self.last.elapsed()));
        self.last = Instant::now();
    }
}

/// Parses one file and runs the per-file rules on it.
fn check_file(schemas: &Schemas, file: SourceFile, keep_text: bool) -> FileResult {
    let doc = match parse::parse(file) {
        Ok(doc) => doc,
        Err(d) => return (None, vec![*d]),
    };
    let mut out = Vec::new();
    for rule in rules::DOCUMENT_RULES {
        (rule.run)(schemas, &doc, &mut out);
    }
    let Document {
        path,
        text,
        value,
        kind,
    } = doc;
    let content = match kind {
        Kind::Outline => Content::Outline(Outline::deserialize(&value).ok()),
        Kind::Register => Content::Register(Register::deserialize(&value).ok()),
        Kind::Plan => Content::Plan(Plan::lenient(value)),
        Kind::MisplacedOutline | Kind::MisplacedRegister => Content::Misplaced,
    };
    let checked = Checked {
        path,
        text: (keep_text || !out.is_empty() || kind != Kind::Plan).then_some(text),
        kind,
        content,
    };
    (Some(checked), out)
}

/// Checks files already read (the loader's output, or files made in memory by tests).
pub fn check_loaded(loaded: Loaded) -> Outcome {
    let mut clock = Clock::new();
    let schemas = Schemas::new();
    let Loaded {
        mut files,
        mut diagnostics,
    } = loaded;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let present = Present::of(files.iter().map(|f| f.path.as_str()));
    let results = par::map(files, par::THRESHOLD, |file| {
        check_file(&schemas, file, true)
    });
    clock.lap("parse and per-file rules");
    let docs = Docs::from_runs(vec![split(results, &mut diagnostics)]);
    finish(docs, diagnostics, present, None, clock)
}

/// Runs the cross-file rules on the per-file results (in path order), and places and sorts
/// every diagnostic.
fn finish(
    mut docs: Docs,
    mut diagnostics: Vec<Diagnostic>,
    present: Present,
    root: Option<&Path>,
    mut clock: Clock,
) -> Outcome {
    let ctx = Context::new(&docs, present);
    clock.lap("collect typed content");
    // The cross-file rules are independent: on a large repository they run side by side;
    // they report in registry order either way.
    let side_by_side = if docs.len() >= par::THRESHOLD {
        1
    } else {
        usize::MAX
    };
    let found: Vec<(&'static str, Duration, Vec<Diagnostic>)> =
        par::map_ref(rules::REPOSITORY_RULES, side_by_side, |rule| {
            let started = Instant::now();
            let mut found = Vec::new();
            (rule.run)(&ctx, &mut found);
            (rule.id, started.elapsed(), found)
        });
    let mut rule_times = Vec::new();
    for (id, took, found) in found {
        rule_times.push((id, took));
        diagnostics.extend(found);
    }
    drop(ctx);
    clock.lap("cross-file rules (side by side)");
    clock.timings.extend(rule_times);
    // Re-read the few clean files that a cross-file rule has reported on.
    let mut missing: Vec<usize> = diagnostics
        .iter()
        .filter(|d| d.pointer.is_some())
        .filter_map(|d| docs.position(&d.file))
        .filter(|&i| docs.get(i).is_some_and(|doc| doc.text.is_none()))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if let Some(root) = root {
        let texts: Vec<(usize, Option<String>)> = par::map(missing, par::THRESHOLD, |i| {
            let text = docs.get(i).and_then(|doc| repo::read_text(root, &doc.path));
            (i, text)
        });
        for (i, text) in texts {
            if let Some(doc) = docs.get_mut(i) {
                doc.text = text;
            }
        }
    }
    place(&docs, &mut diagnostics);
    par::sort_by(&mut diagnostics, par::THRESHOLD, |a, b| {
        a.sort_key().cmp(&b.sort_key())
    });
    diagnostics.dedup();
    let mut sources = HashMap::new();
    for d in diagnostics.iter().filter(|d| d.line.is_some()) {
        if let Some(doc) = docs.find(&d.file) {
            sources
                .entry(d.file.clone())
                .or_insert_with(|| doc.text.clone().unwrap_or_default());
        }
    }
    clock.lap("place and sort diagnostics");
    Outcome {
        diagnostics,
        sources,
        timings: clock.timings,
        docs,
    }
}

/// Resolves each diagnostic's JSON Pointer to a line and column in its file. A file with
/// many diagnostics is indexed once instead of rescanned for each.
fn place(docs: &Docs, diagnostics: &mut [Diagnostic]) {
    const INDEX_FROM: usize = 16;
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    for d in diagnostics.iter().filter(|d| d.pointer.is_some()) {
        *per_file.entry(d.file.as_str()).or_default() += 1;
    }
    let indexes: HashMap<String, span::Index> = per_file
        .into_iter()
        .filter(|(_, n)| *n >= INDEX_FROM)
        .filter_map(|(file, _)| {
            let text = docs.find(file)?.text.as_deref()?;
            Some((file.to_string(), span::Index::build(text)))
        })
        .collect();
    par::for_each_mut(diagnostics, par::THRESHOLD, |d| {
        let part = match &d.target {
            Target::Value(_) => Part::Value,
            Target::Key(_) => Part::Key,
            Target::File | Target::At { .. } => return,
        };
        let Some(pointer) = &d.pointer else { return };
        let Some(text) = docs.find(&d.file).and_then(|doc| doc.text.as_deref()) else {
            return;
        };
        let index = indexes.get(&d.file);
        let found = match index {
            Some(index) => index.find(pointer, part),
            None => span::find(text, pointer, part),
        };
        if let Some((start, end)) = found {
            let p = match index {
                Some(index) => index.lines.position(text, start, end),
                None => span::position(text, start, end),
            };
            d.line = Some(p.line);
            d.column = Some(p.column);
            d.len = p.len;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(path: &str) -> FileResult {
        let checked = Checked {
            path: path.to_string(),
            text: None,
            kind: Kind::of_path(path),
            content: Content::Misplaced,
        };
        (Some(checked), Vec::new())
    }

    #[test]
    fn files_beside_folders_are_put_in_path_order() {
        // Out of path order, as a walk that did not split `plans/` at its sub-folders would be.
        let results = [
            "plans/departments.json",
            "plans/outline.json",
            "plans/goal-1/1-1-1.json",
            "plans/goal-1/1-1-2.json",
        ]
        .map(parsed);
        let docs = Docs::from_runs(vec![split(results.into(), &mut Vec::new())]);
        let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "plans/departments.json",
                "plans/goal-1/1-1-1.json",
                "plans/goal-1/1-1-2.json",
                "plans/outline.json",
            ]
        );
    }

    #[test]
    fn unparsed_files_leave_only_their_diagnostics() {
        let failed = (
            None,
            vec![Diagnostic::error(
                "json-syntax",
                "plans/goal-1/1-1-3.json",
                Target::File,
                crate::messages::empty_file(),
            )],
        );
        let results = vec![parsed("plans/goal-1/1-1-1.json"), failed];
        let mut diagnostics = Vec::new();
        let docs = split(results, &mut diagnostics);
        assert_eq!(docs.len(), 1);
        assert_eq!(diagnostics.len(), 1);
    }
}
