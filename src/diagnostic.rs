//! The `Diagnostic` type: one problem, found by one rule, in one place of one file.
//!
//! A diagnostic carries a typed [`Message`] (its rule's own type), never text: the words are
//! made from it only when the diagnostic is rendered, in the language asked for.

use crate::messages::Message;

/// How bad a problem is. Warnings fail a run only with `--deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// Where in its file a diagnostic belongs, before it is resolved to a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The file as a whole (no line).
    File,
    /// The value at a JSON Pointer.
    Value(String),
    /// The key of the member at a JSON Pointer.
    Key(String),
    /// A place already known: 1-based line and column (in characters), and how many
    /// characters to mark.
    At {
        line: usize,
        column: usize,
        len: usize,
    },
}

/// One problem: which rule found it, where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stable id of the rule that found it, e.g. `known-departments`.
    pub rule: &'static str,
    /// The file's path relative to the repository, with `/` separators.
    pub file: String,
    pub target: Target,
    /// 1-based line, once placed (or given by [`Target::At`]).
    pub line: Option<usize>,
    /// 1-based column, counted in characters.
    pub column: Option<usize>,
    /// How many characters to mark from `column`.
    pub len: usize,
    pub message: Message,
}

impl Diagnostic {
    /// A diagnostic of rule `rule` (with its severity), not yet placed unless `target` is
    /// [`Target::At`].
    pub fn new(
        rule: &'static str,
        severity: Severity,
        file: &str,
        target: Target,
        message: Message,
    ) -> Diagnostic {
        let (line, column, len) = match target {
            Target::At { line, column, len } => (Some(line), Some(column), len),
            _ => (None, None, 1),
        };
        Diagnostic {
            severity,
            rule,
            file: file.to_string(),
            target,
            line,
            column,
            len,
            message,
        }
    }

    /// The JSON Pointer of the value or key the diagnostic is about, if any.
    pub fn pointer(&self) -> Option<&str> {
        match &self.target {
            Target::Value(p) | Target::Key(p) => Some(p),
            Target::File | Target::At { .. } => None,
        }
    }

    /// The order diagnostics are shown in: by file, line, column, then severity, rule and
    /// message code.
    pub fn sort_key(&self) -> (&str, usize, usize, Severity, &str, &str) {
        (
            &self.file,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            self.rule,
            self.message.code(),
        )
    }
}
