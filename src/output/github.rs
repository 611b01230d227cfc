//! GitHub Actions workflow commands (`check --format github`): one annotation a line,
//! `::error file=…,line=…,col=…,title=…::message`, which the runner shows on the pull
//! request's diff. This is the one place such a line is made.
//!
//! The runner reads the line up to its end, so what the data says is escaped the way it
//! undoes: in the message `%`, `\r` and `\n` (a message of several lines is one command, shown
//! with its line breaks), in a property value `:` and `,` as well, which would otherwise end
//! the value. (A `##[` in it is not read: the runner takes the line as this command and looks
//! no further; [`super::ci`] keeps every other output free of commands.)

use std::fmt::Write as _;

/// The command of an annotation: how GitHub marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    fn command(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// One annotation: where it points (a file, and in it a line and column, when known), its
/// title and its message (which may hold line breaks).
#[derive(Debug, Clone, Copy)]
pub struct Annotation<'a> {
    pub level: Level,
    pub file: Option<&'a str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub title: &'a str,
    pub message: &'a str,
}

impl Annotation<'_> {
    /// Writes the annotation's line, with its line break, at the end of `out`.
    pub fn write(&self, out: &mut String) {
        out.push_str("::");
        out.push_str(self.level.command());
        let mut separator = ' ';
        let mut push = |out: &mut String, name: &str, value: &str| {
            out.push(separator);
            out.push_str(name);
            out.push('=');
            out.push_str(&property(value));
            separator = ',';
        };
        if let Some(file) = self.file {
            push(out, "file", file);
        }
        if let Some(line) = self.line {
            push(out, "line", &line.to_string());
        }
        if let Some(column) = self.column {
            push(out, "col", &column.to_string());
        }
        push(out, "title", self.title);
        let _ = writeln!(out, "::{}", data(self.message));
    }

    /// The annotation's line, with its line break.
    pub fn line(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// A workflow command's message, escaped.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn an_annotation_is_one_line() {
        let annotation = Annotation {
            level: Level::Warning,
            file: Some("plans/goal-1/a,b:c%.json"),
            line: Some(3),
            column: Some(5),
            title: "plans check: rule",
            message: "架空の課 ::error::x\nhint: 50%",
        };
        assert_eq!(
            annotation.line(),
            "::warning file=plans/goal-1/a%2Cb%3Ac%25.json,line=3,col=5,title=plans check%3A rule::架空の課 ::error::x%0Ahint: 50%25\n"
        );
        let bare = Annotation {
            level: Level::Error,
            file: None,
            line: None,
            column: None,
            title: "plans",
            message: "m",
        };
        assert_eq!(bare.line(), "::error title=plans::m\n");
        assert_eq!(
            Annotation {
                line: Some(1),
                ..bare
            }
            .line(),
            "::error line=1,title=plans::m\n"
        );
    }
}
