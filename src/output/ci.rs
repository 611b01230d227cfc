//! Lines a CI runner reads. GitHub Actions acts on a line of a step's output that starts,
//! after white space, with `::` (`::error::…`, `::add-mask::…`, `::stop-commands::…`), and on
//! `##[` anywhere in a line (`##[error]…`). The runner splits lines at `\n` and at `\r`.
//! Nothing read from the data or from a file name may reach a log as such a command: every
//! output of the tool passes through one of these functions before it is written, and only the
//! GitHub format's own annotations start a line with `::` (the runner takes such a line as that
//! one command, so a `##[` inside it is not read; its text keeps the format's own escaping).

use std::borrow::Cow;

/// The `#` that makes `##[` a command, as the tool writes characters it will not show raw.
const HASH: &str = "<U+0023>";
/// The `:` that makes `::` a command at the start of a line.
const COLON: &str = "<U+003A>";

/// Text for people (or a CSV): in `##[` the second `#` is written `<U+0023>`, and a line whose
/// first characters other than white space are `::` has its first `:` written `<U+003A>`, the
/// way the tool shows every character it will not write raw.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.contains("##[") && !s.contains("::") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut line_start = true;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let rest = &s[i..];
        if line_start && c.is_whitespace() && c != '\n' && c != '\r' {
            out.push(c);
            continue;
        }
        if line_start && rest.starts_with("::") {
            out.push_str(COLON);
            line_start = false;
            continue;
        }
        line_start = c == '\n' || c == '\r';
        if rest.starts_with("##[") {
            out.push('#');
            out.push_str(HASH);
            chars.next();
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// JSON text: `##[` can only be inside a string (no line of pretty-printed JSON starts with
/// `::`), where `#\u0023[` is the same string to every JSON reader.
pub fn json(s: &str) -> Cow<'_, str> {
    if s.contains("##[") {
        Cow::Owned(s.replace("##[", "#\\u0023["))
    } else {
        Cow::Borrowed(s)
    }
}

/// [`text`] of a `String`, reusing it when nothing changes.
pub fn text_owned(s: String) -> String {
    match text(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => o,
    }
}

/// [`json`] of a `String`, reusing it when nothing changes.
pub fn json_owned(s: String) -> String {
    match json(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => o,
    }
}

/// Whether the runner would read a line of `s` as a command: what the tests check every
/// output against.
pub fn has_command(s: &str) -> bool {
    s.split(['\n', '\r'])
        .any(|line| line.contains("##[") || line.trim_start().starts_with("::"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_in_text_are_written_otherwise() {
        assert_eq!(text("::error::x"), "<U+003A>:error::x");
        assert_eq!(text("  ::error::x"), "  <U+003A>:error::x");
        assert_eq!(text("\u{3000}::x"), "\u{3000}<U+003A>:x");
        assert_eq!(
            text("a\n::b\r::c\r\n ::d"),
            "a\n<U+003A>:b\r<U+003A>:c\r\n <U+003A>:d"
        );
        assert_eq!(text("計画 ##[error]x"), "計画 #<U+0023>[error]x");
        assert_eq!(text("###[x"), "##<U+0023>[x");
        for s in [
            text("::error::x"),
            text("x ##[warning]y"),
            text("a\r  ::add-mask::z"),
        ] {
            assert!(!has_command(&s), "{s}");
        }
    }

    #[test]
    fn other_text_is_as_it_was() {
        for s in [
            "a::b",
            "plans/goal-1/1-1-1.json:3:5: error",
            "## 見出し",
            "#[x]",
            "",
        ] {
            assert_eq!(text(s), s);
        }
    }

    #[test]
    fn json_keeps_its_values() {
        assert_eq!(json("[\"##[error]\"]"), "[\"#\\u0023[error]\"]");
        let back: Vec<String> = serde_json::from_str(&json("[\"##[error]\"]")).unwrap();
        assert_eq!(back, ["##[error]"]);
    }
}
