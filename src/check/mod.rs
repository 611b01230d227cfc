//! Checking: parse every file found, run every rule, place each diagnostic at a line and
//! column, and hand back the diagnostics together with the checked files.
//!
//! One pipeline, two entry points: [`check_repository`] reads a repository on disk (each
//! folder's files are read and checked as soon as the walk has listed it), [`check_loaded`]
//! takes files already in memory. Both run [`check_file`] on every file and [`finish`] on
//! the whole.

pub mod parse;
mod scale;

pub use crate::facts::context::Context;
use crate::facts::docs::Docs;
pub use crate::facts::document::{Checked, Content, Digest, Document};
use crate::facts::schema::{FileSchema, Schemas};
use crate::facts::{context, identity, text};

use std::path::Path;
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::json::Located;
use crate::messages::{Phase, RunError};
use crate::model::{Kind, Model, Outline, Plan, PlanId, Register};
use crate::par;
use crate::repo::{self, Loaded, SourceFile, Stray};
use crate::rules::{self, Rule, Run, file_read};
use crate::span;
use scale::{KeepTexts, read_back};

/// The result of a check: every diagnostic, sorted, and the files they are about.
#[derive(Debug, Default)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    /// How long each phase took (for `--timings`).
    pub timings: Vec<(Phase, Duration)>,
    /// Every JSON file found, in path order.
    docs: Docs,
}

/// Whether `d` is an error that keeps a file from being read as what its name says: not
/// read, not JSON, not of its schema, misplaced, or a second file for one plan. The data is
/// then incomplete in a way no command that counts or compares it can work around (`diff`
/// compares nothing, `new` adds nothing, until it is fixed).
pub fn leaves_data_out(d: &Diagnostic) -> bool {
    use crate::rules::{file_location, json_syntax, schema, unique_ids};
    d.severity == Severity::Error
        && [
            json_syntax::RULE.id,
            file_read::RULE.id,
            schema::RULE.id,
            file_location::RULE.id,
            unique_ids::RULE.id,
        ]
        .contains(&d.rule)
}

/// Of `diagnostics` (in the order they are shown), the one that says why data is left out
/// of the model: the first such, or rather the syntax slip of its file where it has one (the
/// content of a file that is not JSON is checked too, and may be said first).
pub fn why_left_out<'d>(
    diagnostics: impl Iterator<Item = &'d Diagnostic> + Clone,
) -> Option<&'d Diagnostic> {
    let first = diagnostics.clone().find(|d| leaves_data_out(d))?;
    let syntax = crate::rules::json_syntax::RULE.id;
    let mut diagnostics = diagnostics;
    diagnostics
        .find(|d| d.file == first.file && d.rule == syntax && leaves_data_out(d))
        .or(Some(first))
}

impl Outcome {
    /// The text of the file at `path`, to show a diagnostic's line: there for every file with
    /// a placed diagnostic, and `None` for most files without one (see [`KeepTexts`]).
    pub fn source(&self, path: &str) -> Option<&str> {
        self.docs.find(path)?.text.as_deref()
    }

    /// The checked data: the outline, the register, and every plan whose file is named after
    /// its id and sits in its place, in id order.
    pub fn model(&self) -> Model {
        let (outline, register) = context::outline_and_register(&self.docs);
        let mut plans: Vec<(PlanId, Plan)> =
            self.plans().map(|(id, plan)| (id, plan.clone())).collect();
        plans.sort_by_key(|(id, _)| *id);
        Model {
            outline: outline.cloned(),
            register: register.cloned(),
            plans,
        }
    }

    /// How many plans are in the model.
    pub fn plan_count(&self) -> usize {
        self.plans().count()
    }

    /// How many goals the outline has, if it could be read.
    pub fn goal_count(&self) -> Option<usize> {
        context::outline_and_register(&self.docs)
            .0
            .map(|o| o.goals.len())
    }

    /// Every plan whose file is named after its id and sits in its place.
    fn plans(&self) -> impl Iterator<Item = (PlanId, &Plan)> {
        self.docs
            .iter()
            .filter_map(|doc| match (&doc.kind, &doc.content) {
                (Kind::Plan(id), Content::Plan(plan)) if doc.id == Some(*id) && doc.in_place => {
                    Some((*id, plan))
                }
                _ => None,
            })
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
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

/// Loads and checks the repository at `root`: each folder's files are read, parsed and
/// checked as soon as the walk has listed it, on every core.
pub fn check_repository(root: &Path) -> Result<Outcome, RunError> {
    let keep = KeepTexts::WithDiagnostics(root);
    let mut clock = Clock::new();
    let schemas = Schemas::new();
    let walked = repo::walk(root, &|found| {
        let results = par::map(found, par::THRESHOLD, |found| {
            check_file(&schemas, repo::read(found), keep)
        });
        split(results)
    })?;
    clock.lap(Phase::Walk);
    let mut diagnostics: Vec<Diagnostic> = walked
        .strays
        .iter()
        .map(|(path, stray)| file_read::stray(path, stray))
        .collect();
    let mut runs = Vec::with_capacity(walked.visited.len());
    for (run, found) in walked.visited {
        runs.push(run);
        diagnostics.extend(found);
    }
    Ok(finish(
        Docs::from_runs(runs),
        diagnostics,
        &walked.strays,
        keep,
        clock,
    ))
}

/// Checks files already read (the loader's output, or files made in memory by tests) with
/// the same per-file and cross-file steps as [`check_repository`].
pub fn check_loaded(loaded: Loaded) -> Outcome {
    let mut clock = Clock::new();
    let schemas = Schemas::new();
    let Loaded { mut files, strays } = loaded;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let results = par::map(files, par::THRESHOLD, |file| {
        check_file(&schemas, file, KeepTexts::Every)
    });
    clock.lap(Phase::PerFile);
    let (run, mut diagnostics) = split(results);
    diagnostics.extend(
        strays
            .iter()
            .map(|(path, stray)| file_read::stray(path, stray)),
    );
    finish(
        Docs::from_runs(vec![run]),
        diagnostics,
        &strays,
        KeepTexts::Every,
        clock,
    )
}

/// What the rules make of one file: what the cross-file rules need, and its diagnostics.
type FileResult = (Checked, Vec<Diagnostic>);

/// Splits per-file results into the files (in the results' order) and their diagnostics.
fn split(results: Vec<FileResult>) -> (Vec<Checked>, Vec<Diagnostic>) {
    let mut docs = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for (doc, found) in results {
        docs.push(doc);
        diagnostics.extend(found);
    }
    (docs, diagnostics)
}

/// Parses one file and runs the rules that look at it alone. A file that is not named like
/// a plan, the outline or the register is checked only if its content is a plan with an id;
/// otherwise file-location alone speaks of it.
fn check_file(schemas: &Schemas, file: SourceFile, keep: KeepTexts) -> FileResult {
    let keep_text = |out: &Vec<Diagnostic>| keep == KeepTexts::Every || !out.is_empty();
    let SourceFile { path, bytes } = file;
    let kind = Kind::of_path(&path);
    let mut out = Vec::new();
    let checked = |path: String, text, dropped, content: Content, out: &Vec<Diagnostic>| Checked {
        id: match &content {
            Content::Plan(plan) => PlanId::parse(&plan.id),
            _ => None,
        },
        in_place: matches!(kind, Kind::Plan(id) if id.is_path(&path)),
        path,
        text,
        dropped,
        kind,
        content,
        valid: !out
            .iter()
            .any(|d: &Diagnostic| d.severity == Severity::Error),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(failure) => {
            out.push(file_read::unread(&path, failure));
            return (checked(path, None, None, Content::Unread, &out), out);
        }
    };
    // The text of a file with slips that the parser read on from as they were meant.
    let meant_text: String;
    let parse::Parsed { text, value, notes } = match parse::parse(&path, &bytes) {
        Ok(parsed) => parsed,
        Err(failed) => {
            // Only a file whose name says what it is must be JSON; any other file is set
            // aside, and file-location says what to do with it.
            let named = matches!(
                kind,
                Kind::Outline | Kind::Register | Kind::Plan(_) | Kind::Misnamed(_)
            );
            if named {
                out.extend(failed.diagnostics);
            }
            match (named, failed.meant, failed.text) {
                // Its content is checked too, in the same run: one round finds every slip.
                (true, Some((value, notes)), Some(text)) => {
                    meant_text = text;
                    parse::Parsed {
                        text: &meant_text,
                        value,
                        notes,
                    }
                }
                (_, _, text) => {
                    return (
                        checked(
                            path,
                            text.filter(|_| keep_text(&out)),
                            None,
                            Content::NotJson,
                            &out,
                        ),
                        out,
                    );
                }
            }
        }
    };
    // The text, kept or known again by its digest.
    let kept = |out: &Vec<Diagnostic>| {
        if keep_text(out) {
            (Some(text.to_string()), None)
        } else {
            (None, Some(Digest::of(&bytes)))
        }
    };
    let schema = match kind {
        Kind::Outline => FileSchema::Outline,
        Kind::Register => FileSchema::Register,
        Kind::Plan(_) | Kind::Misnamed(_) => FileSchema::Plan,
        Kind::Other if identity::has_plan_id(&value) => FileSchema::Plan,
        Kind::Misplaced(_) | Kind::Other => {
            let (text, dropped) = kept(&out);
            return (checked(path, text, dropped, Content::SetAside, &out), out);
        }
    };
    let doc = Document {
        path,
        text,
        value,
        notes,
        schema,
    };
    for rule in rules::RULES {
        match rule.run {
            Run::Parsing(run) => run(&doc, &mut out),
            Run::Document(run) => run(schemas, &doc, &mut out),
            Run::Text(_) | Run::Loading | Run::Repository(_) => {}
        }
    }
    text::each_text(&doc, &rules::TEXT_RULES, &mut out);
    let Document {
        path,
        value,
        schema,
        ..
    } = doc;
    let content = match schema {
        FileSchema::Outline => Content::Outline(Outline::deserialize(&value).ok()),
        FileSchema::Register => Content::Register(Register::deserialize(&value).ok()),
        FileSchema::Plan => Plan::lenient(value).map_or(Content::NotJson, Content::Plan),
    };
    let (text, dropped) = kept(&out);
    (checked(path, text, dropped, content, &out), out)
}

/// Runs the cross-file rules on the per-file results (in path order), and places and sorts
/// every diagnostic.
fn finish(
    mut docs: Docs,
    mut diagnostics: Vec<Diagnostic>,
    strays: &[(String, Stray)],
    keep: KeepTexts,
    mut clock: Clock,
) -> Outcome {
    let ctx = Context::new(&docs, strays);
    clock.lap(Phase::Collect);
    let repository: Vec<&'static Rule> = rules::RULES
        .iter()
        .copied()
        .filter(|r| matches!(r.run, Run::Repository(_)))
        .collect();
    // The cross-file rules are independent: on a large repository they run side by side.
    let side_by_side = if docs.len() >= par::THRESHOLD {
        1
    } else {
        usize::MAX
    };
    let found: Vec<(&'static str, Duration, Vec<Diagnostic>)> =
        par::map_ref(&repository, side_by_side, |rule| {
            let started = Instant::now();
            let mut found = Vec::new();
            if let Run::Repository(run) = rule.run {
                run(&ctx, &mut found);
            }
            (rule.id, started.elapsed(), found)
        });
    drop(ctx);
    let mut rule_times = Vec::new();
    for (id, took, found) in found {
        rule_times.push((Phase::Rule(id), took));
        diagnostics.extend(found);
    }
    clock.lap(Phase::CrossFile);
    clock.timings.extend(rule_times);
    if let KeepTexts::WithDiagnostics(root) = keep {
        read_back(root, &mut docs, &diagnostics);
    }
    place(&docs, &mut diagnostics);
    debug_assert!(
        diagnostics
            .iter()
            .all(|d| d.line.is_none() || docs.find(&d.file).is_none_or(|doc| doc.text.is_some())),
        "a diagnostic with a line is in a file whose text is there to show it"
    );
    par::sort_by(&mut diagnostics, par::THRESHOLD, |a, b| {
        a.sort_key().cmp(&b.sort_key())
    });
    diagnostics.dedup();
    clock.lap(Phase::Place);
    Outcome {
        diagnostics,
        timings: clock.timings,
        docs,
    }
}

/// Resolves each diagnostic's JSON Pointer to a line and column in its file: each file with
/// something to place is parsed once more for where its values and keys are.
fn place(docs: &Docs, diagnostics: &mut [Diagnostic]) {
    let mut files: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.pointer().is_some())
        .map(|d| d.file.clone())
        .collect();
    files.sort_unstable();
    files.dedup();
    let located: HashMap<String, (Located, span::Lines)> = files
        .into_iter()
        .filter_map(|file| {
            let text = docs.find(&file)?.text.as_deref()?;
            let found = (Located::of(text)?, span::Lines::new(text));
            Some((file, found))
        })
        .collect();
    par::for_each_mut(diagnostics, par::THRESHOLD, |d| {
        let (pointer, key) = match &d.target {
            Target::Value(p) => (p, false),
            Target::Key(p) => (p, true),
            Target::File | Target::At { .. } => return,
        };
        let (Some((tree, lines)), Some(text)) = (
            located.get(&d.file),
            docs.find(&d.file).and_then(|doc| doc.text.as_deref()),
        ) else {
            return;
        };
        let Some((key_span, value)) = tree.at(pointer) else {
            return;
        };
        let span = match key_span {
            Some(k) if key => k,
            _ => value.span,
        };
        let p = lines.position(text, span.start, span.end);
        d.line = Some(p.line);
        d.column = Some(p.column);
        d.len = p.len;
    });
}

/// Phase timings for `--timings`.
struct Clock {
    last: Instant,
    timings: Vec<(Phase, Duration)>,
}

impl Clock {
    fn new() -> Clock {
        Clock {
            last: Instant::now(),
            timings: Vec::new(),
        }
    }

    fn lap(&mut self, phase: Phase) {
        self.timings.push((phase, self.last.elapsed()));
        self.last = Instant::now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = "plans/goal-1/1-1-1.json";
    const PLAN: &str = "{\n  \"id\": \"1-1-1\",\n  \"title\": \"架空の計画\",\n  \"departments\": [\"架空課\"]\n}\n";

    /// The file as checked with its text not kept, and a diagnostic a cross-file rule would
    /// give it.
    fn checked_without_text() -> (Docs, Vec<Diagnostic>) {
        let file = SourceFile::new(PATH, PLAN.as_bytes());
        let (checked, found) = check_file(
            &Schemas::new(),
            file,
            KeepTexts::WithDiagnostics(Path::new(".")),
        );
        assert!(found.is_empty(), "{found:?}");
        assert!(checked.text.is_none() && checked.dropped.is_some());
        let diagnostic = rules::known_departments::RULE.report(
            PATH,
            Target::Value("/departments/0".to_string()),
            crate::rules::text_hygiene::Said::BlankText,
        );
        (Docs::from_runs(vec![vec![checked]]), vec![diagnostic])
    }

    fn write(root: &Path, text: &str) {
        std::fs::create_dir_all(root.join("plans/goal-1")).unwrap();
        std::fs::write(root.join(PATH), text).unwrap();
    }

    #[test]
    fn a_text_not_kept_is_read_back_to_place_a_diagnostic() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), PLAN);
        let (mut docs, mut diagnostics) = checked_without_text();
        read_back(dir.path(), &mut docs, &diagnostics);
        assert_eq!(docs.find(PATH).unwrap().text.as_deref(), Some(PLAN));
        place(&docs, &mut diagnostics);
        assert_eq!(
            (diagnostics[0].line, diagnostics[0].column),
            (Some(4), Some(19))
        );
    }

    #[test]
    fn a_file_changed_since_its_check_is_not_read_back() {
        let dir = tempfile::tempdir().unwrap();
        // The same length, one character changed: only the hash tells.
        write(dir.path(), &PLAN.replace("架空課", "架空局"));
        let (mut docs, mut diagnostics) = checked_without_text();
        read_back(dir.path(), &mut docs, &diagnostics);
        assert_eq!(docs.find(PATH).unwrap().text, None);
        place(&docs, &mut diagnostics);
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (None, None));
        // Gone altogether.
        std::fs::remove_file(dir.path().join(PATH)).unwrap();
        let (mut docs, diagnostics) = checked_without_text();
        read_back(dir.path(), &mut docs, &diagnostics);
        assert_eq!(docs.find(PATH).unwrap().text, None);
    }

    #[test]
    fn files_in_memory_keep_their_text() {
        let file = SourceFile::new(PATH, PLAN.as_bytes());
        let (checked, _) = check_file(&Schemas::new(), file, KeepTexts::Every);
        assert_eq!(checked.text.as_deref(), Some(PLAN));
        assert_eq!(checked.dropped, None);
    }
}
