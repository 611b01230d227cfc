//! `plans import FILE.xlsx…`: the progress workbooks the departments returned (see
//! [`crate::sheet`]), read and written into the plan files in canonical form. Only each
//! imported year's entry changes: other years, fields and plans stay byte for byte as they
//! were. A problem in any workbook is said at its sheet and cell, and the data the workbooks
//! would make is checked as `plans check` checks it; on any problem nothing is written. At the
//! end it says what changed, as `plans diff` does.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Exit, Stop, Streams};
use crate::canonical::{Shapes, Tree, write};
use crate::check::check_loaded;
use crate::generated::{self, Output};
use crate::messages::{IoReason, Lang, Note, RunError, SheetProblem};
use crate::model::{Kind, PlanId};
use crate::render::{self, Format};
use crate::sheet::{self, Found, NewEntry};

/// What `plans import` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub files: Vec<PathBuf>,
    /// Overwrite entries changed in the plan files since the workbooks were made.
    pub replace: bool,
    /// The year of the workbooks taken (`--year`); by default the year being reported.
    pub year: Option<i64>,
    pub color: bool,
    pub lang: Lang,
}

/// The largest workbook read (a department's workbook is a few tens of kilobytes).
const MAX_WORKBOOK_BYTES: u64 = 64 * 1024 * 1024;

/// Imports: exit 0 when written (or nothing changed), 1 on problems in the workbooks or the
/// data they would make (nothing written), 2 when it could not run.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = import(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

fn import(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let lang = options.lang;
    let root = &options.root;
    // Every workbook is read before anything else: one that cannot be read stops the run.
    let mut books = Vec::with_capacity(options.files.len());
    for path in &options.files {
        let bytes = crate::safe_io::read(path, MAX_WORKBOOK_BYTES).map_err(|e| {
            RunError::WorkbookUnreadable {
                path: path.display().to_string(),
                reason: match e {
                    crate::safe_io::ReadFailure::Io(reason) => reason,
                    crate::safe_io::ReadFailure::Folder => IoReason::IsFolder,
                    _ => IoReason::Other(None),
                },
            }
        })?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        books.push((name, bytes));
    }
    // How the data's problems are shown, before and after the workbooks.
    let show = render::Show {
        format: Format::Human,
        color: options.color,
        deny_warnings: false,
        lang,
    };
    let loaded = crate::repo::load(root)?;
    let base_outcome = check_loaded(loaded);
    if base_outcome.errors() > 0 {
        streams
            .err
            .write_all(render::human(&base_outcome, show).as_bytes())?;
        writeln!(
            streams.err,
            "plans: {}",
            render::note(&Note::OutputRefused, lang)
        )?;
        return Ok(Exit::Problems);
    }
    let base = base_outcome.model();
    // A year asked for that cannot be reported stops the run, as in `sheet`.
    crate::progress::shown_year(&base, options.year)?;
    // Each workbook read; every problem kept with its place. The rows read without a problem
    // are kept too, so that the data they make is checked in the same round.
    let mut problems: Vec<(String, Found)> = Vec::new();
    let mut troubled = std::collections::BTreeSet::new();
    let mut returned = Vec::new();
    let mut taken: HashMap<(PlanId, i64), String> = HashMap::new();
    for (name, bytes) in &books {
        let (book, found) = match sheet::read(bytes, &base, options.year) {
            Err(found) => (None, found),
            Ok((book, found)) => (Some(book), found),
        };
        if !found.is_empty() {
            troubled.insert(name.clone());
        }
        problems.extend(found.into_iter().map(|f| (name.clone(), f)));
        let Some(book) = book else {
            continue;
        };
        for entry in &book.entries {
            let key = (entry.id, book.year);
            // A row as the workbook was made (the department did not change it): not
            // theirs to write, so it neither overwrites nor is refused.
            if sheet::digest(Some(&sheet::as_progress(entry, book.year))) == entry.started_from {
                continue;
            }
            let at = Some((sheet::PROGRESS, entry.cell.clone()));
            if let Some(other) = taken.get(&key) {
                let problem = SheetProblem::TwoWorkbooks {
                    id: entry.id.to_string(),
                    other: other.clone(),
                };
                problems.push((name.clone(), Found { at, problem }));
                troubled.insert(name.clone());
                continue;
            }
            taken.insert(key, name.clone());
            let plan = base.plan(entry.id);
            let now = plan.and_then(|p| sheet::entry_of(p, book.year));
            let unchanged = now.is_some_and(|n| same(n, entry, book.year));
            if !options.replace && !unchanged && sheet::digest(now) != entry.started_from {
                let problem = SheetProblem::Changed {
                    id: entry.id.to_string(),
                    year: book.year,
                };
                problems.push((name.clone(), Found { at, problem }));
                troubled.insert(name.clone());
            }
        }
        returned.push((name.clone(), book));
    }
    // The plan files with the new entries, in canonical form.
    let shapes = Shapes::new();
    let mut by_plan: std::collections::BTreeMap<PlanId, Vec<(i64, &NewEntry)>> = Default::default();
    let mut entries = 0;
    for (name, book) in &returned {
        for entry in &book.entries {
            // Only the workbook that changed the plan's row, the first of two that did (a row
            // left as it was sent is not taken, whatever another workbook says of the plan).
            if taken.get(&(entry.id, book.year)) != Some(name) {
                continue;
            }
            by_plan
                .entry(entry.id)
                .or_default()
                .push((book.year, entry));
            entries += 1;
        }
    }
    let mut outputs = Vec::new();
    let mut not_canonical = Vec::new();
    for (id, new) in &by_plan {
        let path = id.path();
        let changed = || RunError::ChangedWhileRunning { path: path.clone() };
        let bytes = crate::safe_io::read(&root.join(&path), crate::repo::MAX_FILE_BYTES)
            .map_err(|_| changed())?;
        let text = String::from_utf8(bytes.clone()).map_err(|_| changed())?;
        let mut tree = Tree::parse(&text).map_err(|_| changed())?;
        for (year, entry) in new {
            set_entry(&mut tree, *year, entry);
        }
        let shape = shapes.of(&Kind::Plan(*id));
        let written = write(&tree, shape).into_bytes();
        if written == bytes {
            continue;
        }
        // A file not in canonical form would change beyond the year's entry: refused.
        if crate::canonical::canonical(&text, shape).ok().as_deref() != Some(text.as_str()) {
            not_canonical.push(path);
            continue;
        }
        outputs.push(Output {
            path,
            bytes: written,
        });
    }
    // The data as it would be, checked as `plans check` checks it.
    let mut loaded = crate::repo::load(root)?;
    for output in &outputs {
        if let Some(file) = loaded.files.iter_mut().find(|f| f.path == output.path) {
            file.bytes = Ok(output.bytes.clone());
        }
    }
    let head_outcome = check_loaded(loaded);
    if problems.is_empty() && not_canonical.is_empty() && head_outcome.errors() == 0 {
        let head = head_outcome.model();
        generated::write(root, &outputs)?;
        let note = Note::Imported {
            workbooks: books.len(),
            entries,
            files: outputs.len(),
        };
        writeln!(streams.out, "{}", render::note(&note, lang))?;
        let changes = crate::diff::compare(&base, &head);
        streams
            .out
            .write_all(super::diff::change_lines(lang, &changes).as_bytes())?;
        return Ok(Exit::Ok);
    }
    // Every problem of this round: the workbooks', then the data's, each plan whose file the
    // check refuses said at the cell of the workbook the refused value came from, or at the
    // plan's row where it came from no cell.
    for (name, found) in &problems {
        let place = match &found.at {
            Some((sheet, cell)) => format!("{name}「{sheet}」{cell}"),
            None => name.clone(),
        };
        let text = render::sheet_problem(&place, &found.problem, lang);
        streams.err.write_all(text.as_bytes())?;
    }
    let mut count = problems.len();
    if head_outcome.errors() > 0 {
        if !problems.is_empty() {
            writeln!(streams.err)?;
        }
        streams
            .err
            .write_all(render::human(&head_outcome, show).as_bytes())?;
        let errors: Vec<&crate::diagnostic::Diagnostic> = head_outcome
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .collect();
        let mut refused = 0;
        for (name, book) in &returned {
            for entry in &book.entries {
                let file = entry.id.path();
                let entry_at = format!("/progress/{}", book.year);
                let mut places: Vec<(String, bool)> = Vec::new();
                for d in errors.iter().filter(|d| d.file == file) {
                    let pointer = match &d.target {
                        crate::diagnostic::Target::Value(p) | crate::diagnostic::Target::Key(p) => {
                            Some(p.as_str())
                        }
                        _ => None,
                    };
                    let cell = pointer
                        .and_then(|p| p.strip_prefix(entry_at.as_str()))
                        .filter(|rest| rest.is_empty() || rest.starts_with('/'))
                        .and_then(|rest| sheet::cell_of(entry, rest));
                    let place = cell.unwrap_or_else(|| {
                        (format!("「{}」{}", sheet::PROGRESS, entry.cell), true)
                    });
                    if !places.contains(&place) {
                        places.push(place);
                    }
                }
                for (cell, row) in places {
                    let place = format!("{name}{cell}");
                    let problem = SheetProblem::CheckRefused {
                        id: entry.id.to_string(),
                        file: file.clone(),
                        row,
                    };
                    streams
                        .err
                        .write_all(render::sheet_problem(&place, &problem, lang).as_bytes())?;
                    refused += 1;
                    troubled.insert(name.clone());
                }
            }
        }
        count += refused.max(1);
    }
    for path in not_canonical {
        let note = Note::ImportNotCanonical { path };
        writeln!(streams.err, "plans: {}", render::note(&note, lang))?;
    }
    if count > 0 {
        let note = Note::ImportRefused {
            problems: count,
            workbooks: troubled.len().max(1),
        };
        writeln!(streams.err, "\nplans: {}", render::note(&note, lang))?;
    }
    Ok(Exit::Problems)
}

/// Whether the plan's entry says what the workbook's does (its comment aside).
fn same(now: &crate::model::YearProgress, entry: &NewEntry, year: i64) -> bool {
    let new = sheet::as_progress(entry, year);
    sheet::digest(Some(now)) == sheet::digest(Some(&new))
}

/// Puts `entry` as the plan's progress of `year`: in place of the year's entry (keeping its
/// comment), or as a new year after the earlier years; `progress` made if the plan has none.
fn set_entry(tree: &mut Tree, year: i64, entry: &NewEntry) {
    let Tree::Object(fields) = tree else {
        return;
    };
    if !fields.iter().any(|(k, _)| k == "progress") {
        fields.push(("progress".to_string(), Tree::Object(Vec::new())));
    }
    let Some((_, Tree::Object(years))) = fields.iter_mut().find(|(k, _)| k == "progress") else {
        return;
    };
    let key = year.to_string();
    match years.iter_mut().find(|(k, _)| *k == key) {
        Some((_, old)) => {
            let comment = match old {
                Tree::Object(f) => f
                    .iter()
                    .find(|(k, _)| k == "comment")
                    .map(|(_, v)| v.clone()),
                _ => None,
            };
            *old = sheet::as_tree(entry, comment);
        }
        None => {
            let at = years
                .iter()
                .position(|(k, _)| k.as_str() > key.as_str())
                .unwrap_or(years.len());
            years.insert(at, (key, sheet::as_tree(entry, None)));
        }
    }
}
