//! `plans diff BASE [HEAD]`: what changed in the plan between two git revisions (or a
//! revision and the working tree), as text, Markdown (a pull request's summary) or JSON.

use std::path::PathBuf;

use super::{Exit, Stop, Streams};
use crate::chars::visible;
use crate::check::check_loaded;
use crate::diff::compare;
use crate::git;
use crate::messages::{Change, Lang, RunError};
use crate::model::{DEPARTMENTS_PATH, Model, OUTLINE_PATH};
use crate::output::ci;
use crate::output::markdown::text as markdown_text;
use crate::render::Format;
use crate::repo::{self, Loaded};

/// How `plans diff` prints the changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

/// What `plans diff` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The top of the plan repository (inside a git repository).
    pub root: PathBuf,
    pub base: String,
    /// The second revision; the working tree when `None`.
    pub head: Option<String>,
    pub format: DiffFormat,
    pub lang: Lang,
}

/// Prints the changes: exit 0 when they could be compared (whatever changed), 2 when not.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = diff(options, streams);
    // A pull request's summary says why it could not be made, in Markdown like the summary
    // itself (the data it names made inert), so that no earlier summary stays in its place.
    if options.format == DiffFormat::Markdown
        && let Err(Stop::Run(error)) = &result
    {
        let _ = streams
            .out
            .write_all(markdown_failure(error, options.lang).as_bytes());
    }
    super::finish(result, Format::Human, options.lang, streams)
}

/// The summary of a comparison that could not be made: a heading, the sentence that says so,
/// and the reason with its hint as a quotation.
fn markdown_failure(error: &RunError, lang: Lang) -> String {
    let words = lang.catalogue();
    let text = (words.run_error)(error);
    let mut out = format!(
        "## {}\n\n{}\n\n> {}\n",
        words.diff.failed_heading,
        words.diff.failed,
        markdown_text(&text.message)
    );
    if let Some(hint) = &text.hint {
        out.push_str(&format!(
            ">\n> {}: {}\n",
            words.labels.hint,
            markdown_text(hint)
        ));
    }
    ci::text_owned(out)
}

/// The model of one side, or why it cannot be compared: a file that is not JSON, or that
/// does not hold what its name says (a plan, the outline, the register) would be missing from
/// the model, and the comparison would report it as removed, or not at all.
fn model(loaded: Loaded, label: &str) -> Result<Model, RunError> {
    let outcome = check_loaded(loaded);
    let unreadable =
        |file: &str, why: Option<&crate::messages::Message>| RunError::RevisionUnreadable {
            rev: label.to_string(),
            file: file.to_string(),
            why: why.map(|m| Box::new(m.clone())),
        };
    if let Some(d) = crate::check::why_left_out(outcome.diagnostics.iter()) {
        return Err(unreadable(&d.file, Some(&d.message)));
    }
    let model = outcome.model();
    if model.outline.is_none() {
        return Err(unreadable(OUTLINE_PATH, None));
    }
    if model.register.is_none() {
        return Err(unreadable(DEPARTMENTS_PATH, None));
    }
    Ok(model)
}

fn diff(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let root = &options.root;
    let words = options.lang.catalogue();
    let base_id = git::commit(root, &options.base)?;
    let (head_label, head_loaded) = match &options.head {
        Some(rev) => {
            let id = git::commit(root, rev)?;
            (rev.clone(), git::load(root, rev, &id)?)
        }
        None => (words.diff.working_tree.to_string(), repo::load(root)?),
    };
    let base = model(git::load(root, &options.base, &base_id)?, &options.base)?;
    let head = model(head_loaded, &head_label)?;
    let changes = compare(&base, &head);
    let text = match options.format {
        DiffFormat::Json => json(options, &changes),
        DiffFormat::Text => lines(&text(options.lang, &options.base, &head_label, &changes)),
        DiffFormat::Markdown => lines(&markdown(
            options.lang,
            &options.base,
            &head_label,
            &changes,
        )),
    };
    streams.out.write_all(text.as_bytes())?;
    Ok(Exit::Ok)
}

/// Each line with the control characters of the data written as `<U+XXXX>`, and nothing a CI
/// runner would act on.
fn lines(text: &str) -> String {
    ci::text_owned(text.lines().map(|l| format!("{}\n", visible(l))).collect())
}

fn json(options: &Options, changes: &[Change]) -> String {
    let document = serde_json::json!({
        "base": options.base,
        "head": options.head,
        "changes": changes,
    });
    let mut s = serde_json::to_string_pretty(&document).unwrap_or_default();
    s.push('\n');
    ci::json_owned(s)
}

/// The three groups of changes: the outline's, the plans', the numbers of plans.
fn groups(changes: &[Change]) -> [Vec<&Change>; 3] {
    let mut groups: [Vec<&Change>; 3] = Default::default();
    for c in changes {
        let group = match c {
            Change::Retitled { .. }
            | Change::GoalAdded { .. }
            | Change::GoalRemoved { .. }
            | Change::GoalRetitled { .. }
            | Change::AreaAdded { .. }
            | Change::AreaRemoved { .. }
            | Change::AreaRetitled { .. }
            | Change::ExpectedPlans { .. }
            | Change::ExpectedTotal { .. }
            | Change::DepartmentRegistered { .. }
            | Change::DepartmentUnregistered { .. }
            | Change::DepartmentsReorganised { .. }
            | Change::ReportingYear { .. }
            | Change::ProgressSetup { .. } => 0,
            Change::GoalCount { .. }
            | Change::TotalCount { .. }
            | Change::DepartmentCount { .. } => 2,
            _ => 1,
        };
        groups[group].push(c);
    }
    groups
}

/// The changes as `plans diff` lists them in text, without its heading: each group's title
/// and its lines (for `import`, which says what it changed).
pub fn change_lines(lang: Lang, changes: &[Change]) -> String {
    let words = lang.catalogue();
    let mut out = String::new();
    let titles = [words.diff.outline, words.diff.plans, words.diff.counts];
    for (title, group) in titles.iter().zip(groups(changes)) {
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}\n"));
        for c in group {
            out.push_str(&format!("- {}\n", visible(&(words.change)(c))));
        }
    }
    lines(&out)
}

fn text(lang: Lang, base: &str, head: &str, changes: &[Change]) -> String {
    let words = lang.catalogue();
    let mut out = format!("{}\n", (words.diff.heading)(base, head));
    if changes.is_empty() {
        out.push_str(&format!("\n{}\n", words.diff.nothing));
        return out;
    }
    let titles = [words.diff.outline, words.diff.plans, words.diff.counts];
    for (title, group) in titles.iter().zip(groups(changes)) {
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}\n"));
        for c in group {
            // A title with a line break in it stays on its line: `<U+000A>`.
            out.push_str(&format!("- {}\n", visible(&(words.change)(c))));
        }
    }
    out
}

fn markdown(lang: Lang, base: &str, head: &str, changes: &[Change]) -> String {
    let words = lang.catalogue();
    let mut out = format!("## {}\n", markdown_text(&(words.diff.heading)(base, head)));
    if changes.is_empty() {
        out.push_str(&format!("\n{}\n", words.diff.nothing));
        return out;
    }
    let [outline, plans, counts] = groups(changes);
    for (title, group) in [(words.diff.outline, outline), (words.diff.plans, plans)] {
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {title}\n\n"));
        for c in group {
            out.push_str(&format!("- {}\n", markdown_text(&(words.change)(c))));
        }
    }
    if !counts.is_empty() {
        out.push_str(&format!(
            "\n### {}\n\n| {} | {} | {} |\n| --- | ---: | ---: |\n",
            words.diff.counts, words.diff.what, words.diff.before, words.diff.after
        ));
        for c in counts {
            let (before, after) = match c {
                Change::GoalCount { before, after, .. }
                | Change::TotalCount { before, after }
                | Change::DepartmentCount { before, after, .. } => (*before, *after),
                _ => continue,
            };
            out.push_str(&format!(
                "| {} | {before} | {after} |\n",
                markdown_text(&(words.counted)(c))
            ));
        }
    }
    out
}
