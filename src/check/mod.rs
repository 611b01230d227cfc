//! Checking: parse the loaded files, run every rule, place each diagnostic at a line and
//! column, and hand back the diagnostics together with the typed data.

pub mod departments;
pub mod diagnostic;
pub mod files;
pub mod parse;
pub mod render;
pub mod rules;
pub mod schema;
pub mod structure;
pub mod text;

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::model::{Outline, Plan, PlanId, Register};
use crate::repo::{self, LoadError, Loaded};
use crate::span::{self, Part};
use diagnostic::{Diagnostic, Severity, Target};
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

/// A plan file whose content could be read as a plan (even if it breaks some rules).
pub struct PlanEntry<'a> {
    pub doc: &'a Document,
    pub plan: Plan,
    /// The parsed id, if it is well formed.
    pub id: Option<PlanId>,
}

/// What the repository rules see.
pub struct Context<'a> {
    pub docs: &'a [Document],
    /// Every JSON file read, including those that did not parse.
    pub paths: &'a [String],
    pub outline: Option<(&'a Document, Outline)>,
    pub register: Option<(&'a Document, Register)>,
    pub plans: Vec<PlanEntry<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(docs: &'a [Document], paths: &'a [String]) -> Self {
        let read = |kind: Kind| docs.iter().find(|d| d.kind == kind);
        let outline =
            read(Kind::Outline).and_then(|d| Outline::deserialize(&d.value).ok().map(|o| (d, o)));
        let register =
            read(Kind::Register).and_then(|d| Register::deserialize(&d.value).ok().map(|r| (d, r)));
        let plans = docs
            .iter()
            .filter(|d| d.kind == Kind::Plan)
            .filter_map(|doc| {
                let plan = Plan::lenient(&doc.value)?;
                let id = PlanId::parse(&plan.id);
                Some(PlanEntry { doc, plan, id })
            })
            .collect();
        Context {
            docs,
            paths,
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
    pub model: Model,
    /// The text of each file that has a diagnostic placed on a line, for showing the line.
    pub sources: HashMap<String, String>,
}

impl Outcome {
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
    Schema(String),
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::Load(e) => e.fmt(f),
            CheckError::Schema(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for CheckError {}

/// Loads and checks the repository at `root`.
pub fn check_repository(root: &Path) -> Result<Outcome, CheckError> {
    let loaded = repo::load(root).map_err(CheckError::Load)?;
    check_loaded(loaded)
}

/// Checks files already read (the loader's output, or files made in memory by tests).
pub fn check_loaded(loaded: Loaded) -> Result<Outcome, CheckError> {
    let schemas = Schemas::compile().map_err(CheckError::Schema)?;
    let Loaded {
        mut files,
        mut diagnostics,
    } = loaded;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let mut docs = Vec::with_capacity(files.len());
    for file in files {
        match parse::parse(file) {
            Ok(doc) => docs.push(doc),
            Err(d) => diagnostics.push(*d),
        }
    }
    for doc in &docs {
        for rule in rules::DOCUMENT_RULES {
            (rule.run)(&schemas, doc, &mut diagnostics);
        }
    }
    let ctx = Context::new(&docs, &paths);
    for rule in rules::REPOSITORY_RULES {
        (rule.run)(&ctx, &mut diagnostics);
    }
    let model = Model {
        outline: ctx.outline.as_ref().map(|(_, o)| o.clone()),
        register: ctx.register.as_ref().map(|(_, r)| r.clone()),
        plans: ctx
            .plans
            .iter()
            .filter_map(|e| Some((e.id?, e.plan.clone())))
            .collect(),
    };
    place(&docs, &mut diagnostics);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    let mut sources = HashMap::new();
    for d in diagnostics.iter().filter(|d| d.line.is_some()) {
        if let Ok(i) = docs.binary_search_by(|doc| doc.path.as_str().cmp(&d.file)) {
            sources
                .entry(d.file.clone())
                .or_insert_with(|| docs[i].text.clone());
        }
    }
    Ok(Outcome {
        diagnostics,
        model,
        sources,
    })
}

/// Resolves each diagnostic's JSON Pointer to a line and column in its file.
fn place(docs: &[Document], diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut() {
        let part = match &d.target {
            Target::Value(_) => Part::Value,
            Target::Key(_) => Part::Key,
            Target::File | Target::At { .. } => continue,
        };
        let Some(pointer) = &d.pointer else { continue };
        let Ok(i) = docs.binary_search_by(|doc| doc.path.as_str().cmp(&d.file)) else {
            continue;
        };
        let text = &docs[i].text;
        if let Some((start, end)) = span::find(text, pointer, part) {
            let p = span::position(text, start, end);
            d.line = Some(p.line);
            d.column = Some(p.column);
            d.len = p.len;
        }
    }
}
