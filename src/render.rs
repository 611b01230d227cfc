//! Renderers: diagnostics as text for people (`human`), for programs (`json`) and for GitHub
//! Actions (`github`, workflow commands that annotate the pull request's diff, each line made
//! by `output::github`); the words come from the catalogue of the chosen language
//! (`messages::ja` or `messages::en`).
//!
//! Nothing from a file name or from the data reaches a terminal or a CI log as a control
//! character: [`visible`] writes each one as `<U+XXXX>`, so a department named
//! "x\n::error::y" cannot start a line of its own, let alone a workflow command.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use crate::chars::{hidden, is_invisible, visible};
use crate::check::Outcome;
use crate::diagnostic::{Diagnostic, Severity};
use crate::messages::{Lang, Note, RunError, Text, Usage};
use crate::output::ci;
use crate::output::github::{self, Annotation};
use crate::span;

/// The output formats of `plans check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// How a check's outcome is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Show {
    pub format: Format,
    /// ANSI colours in the human format.
    pub color: bool,
    /// Warnings fail the run, so the summary counts them as problems.
    pub deny_warnings: bool,
    /// The language of the words (rule ids, codes and JSON field names are the same in both).
    pub lang: Lang,
}

/// Renders the outcome as `show` says.
pub fn render(outcome: &Outcome, show: Show) -> String {
    match show.format {
        Format::Human => human(outcome, show),
        Format::Json => json(&outcome.diagnostics, show.lang),
        Format::Github => github(outcome, show),
    }
}

/// The one-line summary that ends human and GitHub output: OK only when the run passes.
pub fn summary(outcome: &Outcome, show: Show) -> Note {
    if !outcome.failed(show.deny_warnings) {
        Note::SummaryOk {
            plans: outcome.plan_count(),
            goals: outcome.goal_count().unwrap_or(0),
            warnings: outcome.warnings(),
        }
    } else {
        Note::SummaryProblems {
            errors: outcome.errors(),
            warnings: outcome.warnings(),
            files: outcome.files_with_problems(),
        }
    }
}

/// A line of a command's output, in words.
pub fn note(note: &Note, lang: Lang) -> String {
    ci::text_owned(visible(&(lang.catalogue().note)(note)).into_owned())
}

/// A problem in a returned workbook at `place` (`財政課-2026.xlsx「進捗」C7`), as a
/// diagnostic is said: the place, 「エラー」 and the message, then the hint on a line of its own.
pub fn sheet_problem(place: &str, problem: &crate::messages::SheetProblem, lang: Lang) -> String {
    let words = lang.catalogue();
    let text = (words.sheet_problem)(problem);
    let mut out = format!(
        "{}: {}: {}\n",
        visible(place),
        words.labels.error,
        visible(&text.message)
    );
    if let Some(hint) = &text.hint {
        out.push_str(&format!("  = {}: {}\n", words.labels.hint, visible(hint)));
    }
    ci::text_owned(out)
}

/// An error that stopped a command, in `format`.
pub fn run_error(error: &RunError, format: Format, lang: Lang) -> String {
    let text = (lang.catalogue().run_error)(error);
    let (message, hint) = (visible(&text.message), text.hint.as_deref().map(visible));
    match format {
        Format::Human => stopped(&text, lang),
        Format::Json => {
            let item = JsonItem {
                severity: "error",
                rule: None,
                code: error.code(),
                file: None,
                pointer: None,
                line: None,
                column: None,
                message: &message,
                hint: hint.as_deref(),
            };
            to_json(&[item])
        }
        Format::Github => Annotation {
            level: github::Level::Error,
            file: None,
            line: None,
            column: None,
            title: "plans",
            message: &annotation_text(&message, hint.as_deref(), lang),
        }
        .line(),
    }
}

/// A mistake on the command line, for people (standard error).
pub fn usage(usage: &Usage, lang: Lang) -> String {
    stopped(&(lang.catalogue().usage)(usage), lang)
}

/// `plans: message` and the hint under it: how a command that could not run says why.
fn stopped(text: &Text, lang: Lang) -> String {
    let mut out = format!("plans: {}\n", visible(&text.message));
    if let Some(hint) = &text.hint {
        let _ = writeln!(
            out,
            "  = {}: {}",
            lang.catalogue().labels.hint,
            visible(hint)
        );
    }
    ci::text_owned(out)
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// `path:line:col: error[rule]: message`, the source line with a marker, and a hint.
pub fn human(outcome: &Outcome, show: Show) -> String {
    let style = Style { on: show.color };
    let words = show.lang.catalogue();
    let mut out = String::new();
    // Each file's line starts, found once: a large outline may carry hundreds of diagnostics.
    let mut lines: HashMap<&str, span::Lines> = HashMap::new();
    for d in &outcome.diagnostics {
        let Text { message, hint } = d.message.text(show.lang);
        let (label, code) = match d.severity {
            Severity::Error => (words.labels.error, "1;31"),
            Severity::Warning => (words.labels.warning, "1;33"),
        };
        let file = visible(&d.file);
        let place = match (d.line, d.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            _ => file.into_owned(),
        };
        let _ = writeln!(
            out,
            "{}: {}: {}",
            style.paint("1", &place),
            style.paint(code, &format!("{label}[{}]", d.rule)),
            style.paint("1", &visible(&message))
        );
        if let (Some(line), Some(column), Some(text)) = (d.line, d.column, outcome.source(&d.file))
            && let Some(source) = lines
                .entry(d.file.as_str())
                .or_insert_with(|| span::Lines::new(text))
                .line_text(text, line)
        {
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, offset, width) = excerpt(source, column, d.len);
            let bar = style.paint("1;34", "|");
            let _ = writeln!(out, "{pad} {bar}");
            let _ = writeln!(out, "{} {bar} {shown}", style.paint("1;34", &number));
            let _ = writeln!(
                out,
                "{pad} {bar} {}{}",
                " ".repeat(offset),
                style.paint(code, &"^".repeat(width.max(1)))
            );
        }
        if let Some(hint) = hint {
            let _ = writeln!(
                out,
                "  {} {}",
                style.paint("1;36", &format!("= {}:", words.labels.hint)),
                visible(&hint)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", note(&summary(outcome, show), show.lang));
    ci::text_owned(out)
}

/// The part of a source line to show (tabs as spaces, other invisible characters written
/// visibly, long lines cut around the mark), the display-column offset of the mark and its
/// display width. Japanese characters are two columns wide in a terminal.
fn excerpt(source: &str, column: usize, len: usize) -> (String, usize, usize) {
    const BEFORE: usize = 60;
    const MAX: usize = 160;
    let chars: Vec<char> = source.chars().collect();
    let start_mark = column.saturating_sub(1).min(chars.len());
    let first = start_mark.saturating_sub(BEFORE);
    let last = (first + MAX).min(chars.len());
    let end_mark = (start_mark + len).min(last).max(start_mark);
    // The second `#` of `##[` is shown as `<U+0023>` (a CI runner would act on it), with its
    // width, so that the marker stays under what it marks.
    let runner_hash = |i: usize| {
        chars[i] == '#' && i > 0 && chars[i - 1] == '#' && chars.get(i + 1) == Some(&'[')
    };
    let piece = |i: usize| -> (Cow<'static, str>, usize) {
        let c = chars[i];
        if c == '\t' {
            (Cow::Borrowed(" "), 1)
        } else if is_invisible(c) || runner_hash(i) {
            let s = hidden(c);
            let w = s.len();
            (Cow::Owned(s), w)
        } else {
            (Cow::Owned(c.to_string()), c.width().unwrap_or(0))
        }
    };
    let width = |from: usize, to: usize| (from..to).map(|i| piece(i).1).sum::<usize>();
    let mut shown = String::new();
    if first > 0 {
        shown.push('…');
    }
    for i in first..last {
        shown.push_str(&piece(i).0);
    }
    if last < chars.len() {
        shown.push('…');
    }
    let offset = width(first, start_mark) + usize::from(first > 0);
    (shown, offset, width(start_mark, end_mark).max(1))
}

/// A diagnostic as `--format json` gives it.
#[derive(Serialize)]
struct JsonItem<'a> {
    severity: &'a str,
    /// The rule's id; `null` for an error that stopped the run.
    rule: Option<&'a str>,
    code: &'a str,
    file: Option<&'a str>,
    pointer: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

fn to_json(items: &[JsonItem]) -> String {
    let mut s = serde_json::to_string_pretty(items).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    ci::json_owned(s)
}

/// One JSON array of diagnostics, each with its rule, message code, place and words.
pub fn json(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let texts: Vec<Text> = diagnostics.iter().map(|d| d.message.text(lang)).collect();
    let items: Vec<JsonItem> = diagnostics
        .iter()
        .zip(&texts)
        .map(|(d, text)| JsonItem {
            severity: d.severity.as_str(),
            rule: Some(d.rule),
            code: d.message.code(),
            file: Some(&d.file),
            pointer: d.pointer(),
            line: d.line,
            column: d.column,
            message: &text.message,
            hint: text.hint.as_deref(),
        })
        .collect();
    to_json(&items)
}

/// GitHub workflow commands, one per diagnostic, then the summary.
pub fn github(outcome: &Outcome, show: Show) -> String {
    let words = show.lang.catalogue();
    let mut out = String::new();
    for d in &outcome.diagnostics {
        let Text { message, hint } = d.message.text(show.lang);
        let hint = hint.as_deref().map(visible);
        Annotation {
            level: match d.severity {
                Severity::Error => github::Level::Error,
                Severity::Warning => github::Level::Warning,
            },
            file: Some(&visible(&d.file)),
            line: d.line,
            column: d.column,
            title: &format!("{}: {}", words.labels.annotation, d.rule),
            message: &annotation_text(&visible(&message), hint.as_deref(), show.lang),
        }
        .write(&mut out);
    }
    let _ = writeln!(out, "{}", note(&summary(outcome, show), show.lang));
    out
}

/// A GitHub annotation's text: the message, then the hint on a line of its own.
fn annotation_text(message: &str, hint: Option<&str>, lang: Lang) -> String {
    match hint {
        Some(hint) => format!("{message}\n{}: {hint}", lang.catalogue().labels.hint),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_control_and_invisible_characters_visibly() {
        assert_eq!(visible("財政課"), "財政課");
        assert_eq!(
            visible("課\n::error::x\x1b[31m"),
            "課<U+000A>::error::x<U+001B>[31m"
        );
        assert_eq!(visible("a\u{202E}b\u{200B}"), "a<U+202E>b<U+200B>");
    }

    #[test]
    fn marks_wide_characters_with_two_columns() {
        let (shown, offset, width) = excerpt("  \"人事課\",", 3, 5);
        assert_eq!(shown, "  \"人事課\",");
        assert_eq!((offset, width), (2, 8));
    }

    #[test]
    fn shows_hidden_characters_and_keeps_the_mark_under_its_place() {
        let (shown, offset, width) = excerpt("\"a\u{7}b\", \"x\"", 7, 3);
        assert_eq!(shown, "\"a<U+0007>b\", \"x\"");
        assert_eq!((offset, width), (13, 3));
    }

    #[test]
    fn cuts_long_lines_around_the_mark() {
        let line = "x".repeat(500);
        let (shown, offset, width) = excerpt(&line, 300, 3);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().count(), 162);
        assert_eq!((offset, width), (61, 3));
    }
}
