//! The `Diagnostic` type: one problem found in one place.

use serde::Serialize;

use crate::messages::Text;

/// How bad a problem is. Warnings fail a run only with `--deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Where in a file a diagnostic should be placed before it has been resolved to a line and
/// column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The file as a whole (no line).
    File,
    /// The value at a JSON Pointer.
    Value(String),
    /// The key of the member at a JSON Pointer.
    Key(String),
    /// A position already known (1-based line and character column), with a length.
    At {
        line: usize,
        column: usize,
        len: usize,
    },
}

/// One problem: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stable id of the rule that found it, e.g. `known-departments`.
    pub rule: &'static str,
    /// The file's path relative to the repository, with `/` separators.
    pub file: String,
    /// The JSON Pointer of the offending value inside the file, if any.
    pub pointer: Option<String>,
    /// 1-based line, if the problem has a place in the file.
    pub line: Option<usize>,
    /// 1-based column, counted in characters.
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    /// How many characters to mark from `column` (for the human renderer).
    #[serde(skip)]
    pub len: usize,
    #[serde(skip)]
    pub target: Target,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        rule: &'static str,
        file: &str,
        target: Target,
        text: Text,
    ) -> Self {
        let pointer = match &target {
            Target::Value(p) | Target::Key(p) => Some(p.clone()),
            Target::File | Target::At { .. } => None,
        };
        let (line, column, len) = match target {
            Target::At { line, column, len } => (Some(line), Some(column), len),
            _ => (None, None, 1),
        };
        Diagnostic {
            severity,
            rule,
            file: file.to_string(),
            pointer,
            line,
            column,
            message: text.message,
            hint: text.hint,
            len,
            target,
        }
    }

    pub fn error(rule: &'static str, file: &str, target: Target, text: Text) -> Self {
        Self::new(Severity::Error, rule, file, target, text)
    }

    pub fn warning(rule: &'static str, file: &str, target: Target, text: Text) -> Self {
        Self::new(Severity::Warning, rule, file, target, text)
    }

    /// The order diagnostics are shown in: by file, line, column, then severity and rule.
    pub fn sort_key(&self) -> (&str, usize, usize, Severity, &str, &str) {
        (
            &self.file,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            self.rule,
            &self.message,
        )
    }
}
