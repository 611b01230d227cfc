//! Renderers: diagnostics as text for people (`human`), for programs (`json`) and for GitHub
//! Actions (`github`, workflow commands that annotate the pull request's diff).

use std::collections::HashMap;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use super::Outcome;
use super::diagnostic::{Diagnostic, Severity};
use crate::messages;
use crate::span;

/// The output formats of `plans check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Renders the outcome in `format`; `color` adds ANSI colours to the human format.
pub fn render(outcome: &Outcome, format: Format, color: bool) -> String {
    match format {
        Format::Human => human(outcome, color),
        Format::Json => json(&outcome.diagnostics),
        Format::Github => github(outcome),
    }
}

/// The one-line summary that ends human and GitHub output.
pub fn summary(outcome: &Outcome) -> String {
    let goals = outcome.goal_count().unwrap_or(0);
    if outcome.errors() == 0 {
        messages::summary_ok(outcome.plan_count(), goals, outcome.warnings())
    } else {
        messages::summary_problems(
            outcome.errors(),
            outcome.warnings(),
            outcome.files_with_problems(),
        )
    }
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
pub fn human(outcome: &Outcome, color: bool) -> String {
    let style = Style { on: color };
    let mut out = String::new();
    // Each file's line starts, found once: a large outline may carry hundreds of diagnostics.
    let mut lines: HashMap<&str, span::Lines> = HashMap::new();
    for d in &outcome.diagnostics {
        let (label, code) = match d.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        let place = match (d.line, d.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", d.file),
            _ => d.file.clone(),
        };
        let _ = writeln!(
            out,
            "{}: {}: {}",
            style.paint("1", &place),
            style.paint(code, &format!("{label}[{}]", d.rule)),
            style.paint("1", &d.message)
        );
        if let (Some(line), Some(column), Some(text)) =
            (d.line, d.column, outcome.sources.get(&d.file))
            && let Some(source) = lines
                .entry(d.file.as_str())
                .or_insert_with(|| span::Lines::new(text))
                .line_text(text, line)
        {
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, offset, width) = excerpt(source, column, d.len);
            let _ = writeln!(out, "{pad} {}", style.paint("1;34", "|"));
            let _ = writeln!(
                out,
                "{} {} {shown}",
                style.paint("1;34", &number),
                style.paint("1;34", "|")
            );
            let _ = writeln!(
                out,
                "{pad} {} {}{}",
                style.paint("1;34", "|"),
                " ".repeat(offset),
                style.paint(code, &"^".repeat(width.max(1)))
            );
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "  {} {hint}", style.paint("1;36", "= hint:"));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary(outcome));
    out
}

/// The part of a source line to show (tabs expanded, long lines cut around the mark), the
/// display-column offset of the mark and its display width. Japanese characters are two
/// columns wide in a terminal.
fn excerpt(source: &str, column: usize, len: usize) -> (String, usize, usize) {
    const BEFORE: usize = 60;
    const MAX: usize = 160;
    let chars: Vec<char> = source
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let start_mark = column.saturating_sub(1).min(chars.len());
    let first = start_mark.saturating_sub(BEFORE);
    let last = (first + MAX).min(chars.len());
    let end_mark = (start_mark + len).min(last).max(start_mark);
    let width = |cs: &[char]| cs.iter().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    let mut shown: String = chars[first..last]
        .iter()
        .filter(|c| !c.is_control())
        .collect();
    let mut offset = width(&chars[first..start_mark]);
    if first > 0 {
        shown.insert(0, '…');
        offset += 1;
    }
    if last < chars.len() {
        shown.push('…');
    }
    (shown, offset, width(&chars[start_mark..end_mark]).max(1))
}

/// One JSON array of diagnostics.
pub fn json(diagnostics: &[Diagnostic]) -> String {
    let mut s = serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}

/// GitHub workflow commands, one per diagnostic, then the summary.
pub fn github(outcome: &Outcome) -> String {
    let mut out = String::new();
    for d in &outcome.diagnostics {
        let mut props = format!("file={}", escape_property(&d.file));
        if let Some(line) = d.line {
            let _ = write!(props, ",line={line}");
        }
        if let Some(col) = d.column {
            let _ = write!(props, ",col={col}");
        }
        let _ = write!(
            props,
            ",title={}",
            escape_property(&format!("plans check: {}", d.rule))
        );
        let mut text = d.message.clone();
        if let Some(hint) = &d.hint {
            text.push_str("\nhint: ");
            text.push_str(hint);
        }
        let _ = writeln!(
            out,
            "::{} {props}::{}",
            d.severity.as_str(),
            escape_data(&text)
        );
    }
    let _ = writeln!(out, "{}", summary(outcome));
    out
}

/// Escapes a workflow command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_commands() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn marks_wide_characters_with_two_columns() {
        let (shown, offset, width) = excerpt("  \"人事課\",", 3, 5);
        assert_eq!(shown, "  \"人事課\",");
        assert_eq!((offset, width), (2, 8));
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
