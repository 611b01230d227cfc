//! Rule `json-syntax`: every file is UTF-8 JSON without a BOM and without repeated keys, and
//! a syntax error is named the way a person typed it (a comment, a full-width comma, a
//! missing comma after the last value) and marked where it is to be fixed.

use std::borrow::Cow;

use serde_json::Value;

use crate::chars::is_typographic_quote;
use crate::diagnostic::{Diagnostic, Target};
use crate::facts::document::Notes;
use crate::json;
use crate::rules::json_syntax::{self, RULE as JSON_SYNTAX, Syntax};
use crate::span;

/// A file that is not UTF-8 JSON: its diagnostics (every syntax slip the parser found, each
/// once, in the order of the text; one for a file that is not text), and the text to show
/// their lines (where the file is text).
pub struct Failed {
    pub diagnostics: Vec<Diagnostic>,
    pub text: Option<String>,
    /// The value the text was meant to have, when every slip is one the parser read on from
    /// exactly as it was meant ([`read_as_meant`]: a typographic quote, a full-width comma or
    /// colon, an odd space, a comma missing before a name or left before a closing bracket),
    /// so that the rules on the file's content can speak in the same run.
    pub meant: Option<(Value, Notes)>,
}

/// A file that is UTF-8 JSON: its text (borrowed from the bytes read), its value, and what
/// the parse noticed on the way.
#[derive(Debug)]
pub struct Parsed<'b> {
    pub text: &'b str,
    pub value: Value,
    pub notes: Notes,
}

/// Parses one file's bytes into its text and JSON value, or explains why it is not UTF-8 JSON.
/// The text is the bytes themselves, validated as UTF-8 with `simdutf8` (no copy is made:
/// most files' text is dropped once their own rules have run).
pub fn parse<'b>(path: &str, bytes: &'b [u8]) -> Result<Parsed<'b>, Failed> {
    let fail = |target: Target, message: json_syntax::Said, text: Option<String>| Failed {
        diagnostics: vec![JSON_SYNTAX.report(path, target, message)],
        text,
        meant: None,
    };
    let at = |line, column| Target::At {
        line,
        column,
        len: 1,
    };
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text = String::from_utf8_lossy(rest).into_owned();
        return Err(fail(at(1, 1), json_syntax::Said::Bom, Some(text)));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(Target::File, json_syntax::Said::Utf16, None));
    }
    if bytes.contains(&0) {
        return Err(fail(Target::File, json_syntax::Said::Binary, None));
    }
    let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
        // The standard library says where the first invalid byte is.
        let valid = std::str::from_utf8(bytes)
            .err()
            .map_or(bytes.len(), |e| e.valid_up_to());
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let p = span::position(prefix, prefix.len(), prefix.len());
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Err(fail(
            at(p.line, p.column),
            json_syntax::Said::InvalidUtf8,
            Some(text),
        ));
    };
    if text.trim().is_empty() {
        return Err(fail(Target::File, json_syntax::Said::EmptyFile, None));
    }
    match value_of(text) {
        Ok((value, notes)) => Ok(Parsed { text, value, notes }),
        Err((errors, meant)) => {
            let meant = meant.filter(|(value, _)| {
                let located = std::cell::OnceCell::new();
                errors
                    .iter()
                    .all(|e| read_as_meant(text, e, value, &located))
            });
            // Each slip once: two errors marked at one place, or one inside what another
            // marks (the 「，」 of 「１２０，」), are one mistake to fix, and so are the
            // typographic quotes of one line (the hint says to replace them all). Indentation
            // pasted from mail or Word is on many lines: one message, at the first, saying how
            // many.
            let mut found: Vec<(Syntax, usize, usize)> = Vec::with_capacity(errors.len());
            let mut quoted_lines = Vec::new();
            let mut spaced_lines = Vec::new();
            let marked_end = |start: usize, len: usize| -> usize {
                start
                    + text[start..]
                        .chars()
                        .take(len)
                        .map(char::len_utf8)
                        .sum::<usize>()
            };
            for e in &errors {
                let (syntax, start, len) = diagnose(text, e);
                let line = span::position(text, start, start).line;
                if syntax != Syntax::TooManySlips
                    && (found.iter().any(|(_, at, n)| {
                        *at == start || (*at < start && start < marked_end(*at, *n))
                    }) || (syntax == Syntax::CurlyQuote && quoted_lines.contains(&line)))
                {
                    continue;
                }
                // `1,200,000`: one figure, said once at its first comma.
                if matches!(syntax, Syntax::ThousandsSeparator { .. }) {
                    let digits = text[..start].trim_end_matches(|c: char| c.is_ascii_digit());
                    let previous = digits.len().checked_sub(1);
                    if digits.ends_with(',')
                        && found.iter().any(|(s, at, _)| {
                            matches!(s, Syntax::ThousandsSeparator { .. }) && Some(*at) == previous
                        })
                    {
                        continue;
                    }
                }
                if syntax == Syntax::CurlyQuote {
                    quoted_lines.push(line);
                }
                if matches!(syntax, Syntax::OtherSpace { .. }) {
                    if !spaced_lines.contains(&line) {
                        spaced_lines.push(line);
                    }
                    if spaced_lines.len() > 1 {
                        continue;
                    }
                }
                found.push((syntax, start, len));
            }
            // The lines indented with such spaces too (the parser, skipping a line after an
            // error, need not have met every one): each is named, as the spaces cannot be seen.
            for (i, l) in text.lines().enumerate() {
                let indented = l
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .any(|c| c != ' ' && c != '\t' && crate::chars::is_space(c));
                if indented && !spaced_lines.contains(&(i + 1)) {
                    spaced_lines.push(i + 1);
                }
            }
            spaced_lines.sort_unstable();
            let diagnostics = found
                .into_iter()
                .map(|(mut syntax, start, len)| {
                    if let Syntax::OtherSpace { others, .. } = &mut syntax {
                        let here = span::position(text, start, start).line;
                        *others = spaced_lines
                            .iter()
                            .copied()
                            .filter(|l| *l != here)
                            .collect();
                    }
                    let p = span::position(text, start, start);
                    let target = Target::At {
                        line: p.line,
                        column: p.column,
                        len,
                    };
                    JSON_SYNTAX.report(path, target, json_syntax::Said::Syntax(syntax))
                })
                .collect();
            Err(Failed {
                diagnostics,
                text: Some(text.to_string()),
                meant,
            })
        }
    }
}

/// Whether the parser, at `error`, read on exactly as the text was meant: as the parser says
/// ([`json::Error::as_meant`]: a typographic quote, a full-width comma or colon, an odd space, a
/// comma missing before the next member or left before a bracket, a figure in full-width
/// digits or with thousands separators), or a unit typed after a figure that is the unit its
/// object gives (`"unit": "件"` and `96件`: the figure is 96), with nothing after it but the
/// end of the member. Any other slip leaves the value short of something or holding what was
/// not meant (a text cut at a line break, `96万件` for an indicator in 件).
fn read_as_meant(
    text: &str,
    error: &json::Error,
    value: &Value,
    located: &std::cell::OnceCell<Option<json::Located>>,
) -> bool {
    if error.as_meant {
        return true;
    }
    let json::ErrorKind::MissingComma { closing: '}' } = error.kind else {
        return false;
    };
    let Syntax::TextAfterNumber {
        found,
        figure: true,
    } = diagnose(text, error).0
    else {
        return false;
    };
    if !text[..error.at].ends_with(crate::chars::is_digit) {
        return false;
    }
    // Nothing but the end of the member after the unit: `,` and another member, or the end
    // of the object (after a line break, a member with no comma before it is a slip).
    let after = text[error.at + found.len()..].trim_start_matches([' ', '\t']);
    let next = after
        .strip_prefix(',')
        .map(|rest| rest.trim_start())
        .filter(|rest| !rest.starts_with(['}', ']']));
    if !(after.trim_start().starts_with('}') || next.is_some()) {
        return false;
    }
    // The unit of the object the figure is in (the text's places found once for the file).
    let Some(located) = located.get_or_init(|| json::Located::of(text)) else {
        return false;
    };
    let Some(pointer) = located.object_at(error.at) else {
        return false;
    };
    value
        .pointer(&pointer)
        .and_then(|o| o.get("unit"))
        .and_then(Value::as_str)
        .is_some_and(|unit| unit.trim() == found.trim())
}

/// The figure a thousands separator at byte `separator` is part of, as it should be written:
/// its sign, its digits before and after every separator (`,` or `，`, full-width digits made
/// half-width) and its decimals, without the separators (`-1,200.5` → `-1200.5`).
fn figure_around(text: &str, separator: usize) -> String {
    let digit = crate::chars::is_digit;
    let start = text[..separator]
        .char_indices()
        .rev()
        .find(|&(_, c)| !digit(c))
        .map_or(0, |(i, c)| {
            // A minus sign belongs to the figure.
            if matches!(c, '-' | '－') {
                i
            } else {
                i + c.len_utf8()
            }
        });
    let mut end = separator;
    let mut point = false;
    for (i, c) in text[separator..].char_indices() {
        let part = digit(c) || matches!(c, ',' | '，') || (!point && matches!(c, '.' | '．'));
        if !part {
            break;
        }
        point |= matches!(c, '.' | '．');
        end = separator + i + c.len_utf8();
    }
    text[start..end]
        .chars()
        .filter_map(|c| match c {
            ',' | '，' => None,
            '０'..='９' | '．' | '－' => char::from_u32(c as u32 - 0xFEE0),
            c => Some(c),
        })
        .collect()
}

/// Parses JSON text into a `Value`, with its [`Notes`]; or every error, in the order of the
/// text (at least one), with the value as far as it was read when no error went unreported.
#[allow(clippy::type_complexity)]
fn value_of(text: &str) -> Result<(Value, Notes), (Vec<json::Error>, Option<(Value, Notes)>)> {
    let mut noting = Noting {
        notes: Notes {
            repeated_keys: false,
            quiet_text: true,
        },
    };
    let parsed = json::parse(text, &mut noting);
    match parsed.value {
        Some(value) if parsed.errors.is_empty() => Ok((value, noting.notes)),
        // A text without a value and without an error has none to read.
        _ if parsed.errors.is_empty() => Err((
            vec![json::Error {
                kind: json::ErrorKind::EndsEarly,
                at: 0,
                range: json::Span::default(),
                as_meant: false,
            }],
            None,
        )),
        value => Err((
            parsed.errors,
            value
                .filter(|_| parsed.unreported == 0)
                .map(|v| (v, noting.notes)),
        )),
    }
}

/// Builds a `Value` as [`json::ToValue`] does, and takes [`Notes`] on the way.
struct Noting {
    notes: Notes,
}

impl<'t> json::Build<'t> for Noting {
    type Value = Value;
    type Object = serde_json::Map<String, Value>;
    type Array = Vec<Value>;

    fn scalar(&mut self, scalar: json::Scalar<'t>, span: json::Span) -> Value {
        if let json::Scalar::String(s) = &scalar
            && self.notes.quiet_text
            && !crate::facts::text::quiet(s)
        {
            self.notes.quiet_text = false;
        }
        json::ToValue.scalar(scalar, span)
    }
    fn object(&mut self) -> Self::Object {
        serde_json::Map::new()
    }
    fn member(
        &mut self,
        object: &mut Self::Object,
        key: Cow<'t, str>,
        _: json::Span,
        value: Value,
    ) {
        if object.insert(key.into_owned(), value).is_some() {
            self.notes.repeated_keys = true;
        }
    }
    fn end_object(&mut self, object: Self::Object, _: json::Span) -> Value {
        Value::Object(object)
    }
    fn array(&mut self) -> Self::Array {
        Vec::new()
    }
    fn element(&mut self, array: &mut Self::Array, value: Value) {
        array.push(value);
    }
    fn end_array(&mut self, array: Self::Array, _: json::Span) -> Value {
        Value::Array(array)
    }
}

/// What a syntax error is, as a person typed it; where to mark it (a byte offset) and how
/// many characters to mark.
fn diagnose(text: &str, error: &json::Error) -> (Syntax, usize, usize) {
    use json::ErrorKind as Kind;
    let offset = error.at;
    let kind = error.kind;
    if kind == Kind::EndsEarly {
        // Placed at the file's last character, whatever it is.
        let end = text.trim_end().len();
        return (Syntax::EndsEarly, end, 1);
    }
    let here = &text[offset..];
    let c = here.chars().next();
    if here.starts_with("//") || here.starts_with("/*") {
        return (Syntax::Comment, offset, 2);
    }
    if c == Some('\u{3000}') {
        return (Syntax::FullWidthSpace, offset, 1);
    }
    // A no-break space (mail, Word) or another space where JSON allows only the ASCII one.
    if let Some(character) = c.filter(|c| *c != ' ' && crate::chars::is_space(*c)) {
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let indentation = text[line_start..offset].chars().all(char::is_whitespace);
        return (
            Syntax::OtherSpace {
                character,
                indentation,
                others: Vec::new(),
            },
            offset,
            1,
        );
    }
    // Fields pasted after the file's last `}` (`,` or `"name": …` follows it).
    if kind == Kind::TrailingCharacters && (here.starts_with(',') || here.starts_with('"')) {
        return (Syntax::FieldsAfterEnd, offset, 1);
    }
    // Text in typographic quotes, “…” or half-fixed as "…”: the error may come long after the
    // quote (at the end of the line, or at a colon that is there), so the line is searched for
    // a typographic quote without its partner (a “…” pair is quoted text, as in a summary
    // pasted from Word).
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let lone = lone_curly_quotes(line);
    let curly = if kind == Kind::ControlCharacter {
        // The text ran on to the end of the line. It was closed with a typographic quote
        // (`"…”,`, `"…”、`) only if that quote is the line's last and nothing but a comma or a
        // closing bracket follows it.
        lone.last()
            .filter(|&&i| {
                line[i..].chars().skip(1).all(|c| {
                    c.is_whitespace() || matches!(ascii_for(c).unwrap_or(c), ',' | '}' | ']')
                })
            })
            .map(|i| line_start + i)
    } else {
        lone.first().map(|i| line_start + i)
    };
    // A comma missing before a name or text in typographic quotes: the comma is said here,
    // the quotes by the next error, at them.
    if let (Some(q), Kind::MissingComma { closing }) = (c, kind)
        && is_typographic_quote(q)
    {
        let after_last_value = text[..offset].trim_end().len();
        return (Syntax::MissingComma { closing }, after_last_value, 1);
    }
    match (c, curly) {
        (Some(c), _) if is_typographic_quote(c) => return (Syntax::CurlyQuote, offset, 1),
        (_, Some(at)) if kind != Kind::TrailingComma => {
            return (Syntax::CurlyQuote, at, 1);
        }
        _ => {}
    }
    let expected_comma = matches!(kind, Kind::MissingComma { .. });
    let before = text[..offset].trim_end();
    // A unit or sign after a number (`80%`, `96件`, `80 ％`): marked whole.
    // (A full-width comma or quote there is a full-width slip, named below.)
    let ends_value = |c: char| {
        let structural = |c: char| matches!(c, ',' | '}' | ']' | '"');
        c.is_whitespace() || structural(c) || ascii_for(c).is_some_and(structural)
    };
    // After a space, only what cannot start a value (`[1 2]` lacks a comma).
    let adjacent = text[..offset].ends_with(crate::chars::is_digit);
    // A full-width digit or point is part of the number: a full-width slip, named below.
    let unit_like = |c: char| {
        !ends_value(c)
            && !ascii_for(c).is_some_and(|a| a.is_ascii_digit() || a == '.')
            && (adjacent || !(c.is_ascii_alphanumeric() || matches!(c, '-' | '{' | '[')))
    };
    if expected_comma && before.ends_with(crate::chars::is_digit) && c.is_some_and(unit_like) {
        let found: String = here.chars().take_while(|c| !ends_value(*c)).collect();
        let len = found.chars().count();
        // A figure's unit (after "target", "actual" or "amount"), which fix can write in the
        // object's "unit".
        let number = before.trim_end_matches(|c: char| {
            crate::chars::is_digit(c)
                || matches!(c, '.' | '-' | '+' | 'e' | 'E' | ',' | '，' | '．' | '－')
        });
        let quote = |c: char| c == '"' || is_typographic_quote(c);
        let key = number
            .trim_end()
            .strip_suffix([':', '：'])
            .map(str::trim_end)
            .and_then(|b| b.strip_suffix(quote))
            .and_then(|b| b.rfind(quote).map(|at| &b[at..]))
            .map(|k| k.trim_start_matches(quote));
        let figure = matches!(key, Some("target" | "actual" | "amount"));
        return (Syntax::TextAfterNumber { found, figure }, offset, len);
    }
    // Text right after a closing quote: the quote was the text's own (`"…"個別"…"`). A
    // full-width comma or bracket there is a full-width slip, named below.
    let text_like = |c: char| {
        (!c.is_ascii() || c.is_ascii_alphanumeric())
            && !ascii_for(c).is_some_and(|a| matches!(a, ',' | ':' | '"' | '{' | '}' | '[' | ']'))
    };
    if expected_comma && text[..offset].ends_with('"') && c.is_some_and(text_like) {
        return (Syntax::QuoteInText, offset - 1, 1);
    }
    // A digit where a field name should come, after `1,`: a thousands separator.
    if kind == Kind::ExpectedKey
        && c.is_some_and(|c| c.is_ascii_digit())
        && before
            .strip_suffix(',')
            .is_some_and(|b| b.ends_with(crate::chars::is_digit))
    {
        // The figure as typed, without its separators: the digits before the first comma
        // and every group after it.
        let comma = before.len() - 1;
        let figure = figure_around(text, comma);
        return (Syntax::ThousandsSeparator { figure }, comma, 1);
    }
    // 「1，200」 in an object: a figure with a full-width thousands separator.
    if expected_comma
        && c == Some('，')
        && before.ends_with(|c: char| c.is_ascii_digit())
        && here['，'.len_utf8()..].starts_with(crate::chars::is_digit)
    {
        let figure = figure_around(text, offset);
        return (Syntax::ThousandsSeparator { figure }, offset, 1);
    }
    // A full-width comma before a closing bracket: a trailing comma.
    if expected_comma
        && matches!(c, Some('，' | '、'))
        && here[c.map_or(0, char::len_utf8)..]
            .trim_start()
            .starts_with(['}', ']'])
    {
        return (Syntax::TrailingComma, offset, 1);
    }
    if c.and_then(ascii_for).is_some() {
        // The whole run, so that 「２０」 is one fix, not two.
        let run: String = here
            .chars()
            .take_while(|c| *c != '\u{3000}' && ascii_for(*c).is_some())
            .collect();
        let mut ascii: String = run.chars().filter_map(ascii_for).collect();
        // A figure's thousands separators (`１，２００`) go: the figure is written without.
        let digits: Vec<char> = ascii.chars().collect();
        if digits.first().is_some_and(char::is_ascii_digit) {
            ascii = digits
                .iter()
                .enumerate()
                .filter(|&(i, c)| {
                    !(*c == ','
                        && i > 0
                        && digits[i - 1].is_ascii_digit()
                        && digits.get(i + 1).is_some_and(char::is_ascii_digit))
                })
                .map(|(_, c)| c)
                .collect();
        }
        let len = run.chars().count();
        return (Syntax::FullWidth { found: run, ascii }, offset, len);
    }
    if c == Some('\'') {
        return (Syntax::SingleQuote, offset, 1);
    }
    let after_last_value = || text[..offset].trim_end().len();
    let marked = || text[error.range.start..error.range.end].chars().count();
    match kind {
        Kind::EndsEarly => (Syntax::EndsEarly, offset, 1),
        Kind::TrailingComma => {
            // The comma, half-width or full-width, before the spaces.
            let comma = text[..offset]
                .trim_end()
                .char_indices()
                .last()
                .map_or(0, |(i, _)| i);
            (Syntax::TrailingComma, comma, 1)
        }
        Kind::MissingComma { closing } => (Syntax::MissingComma { closing }, after_last_value(), 1),
        Kind::ExpectedKey => (Syntax::KeyNotQuoted, offset, 1),
        // Marked after the name, or where the value starts when odd spaces stand between
        // them (they are said at the name's end).
        Kind::MissingColon => {
            let at = after_last_value();
            let spaced = text[at..offset]
                .chars()
                .any(|c| c != ' ' && crate::chars::is_space(c));
            (Syntax::MissingColon, if spaced { offset } else { at }, 1)
        }
        Kind::ControlCharacter => {
            // A line break, and the next line goes on with a field or a closing bracket: the
            // text was not closed (`"行政,` then `"departments": …`). Marked where its `"`
            // belongs.
            let next = text[offset..].trim_start();
            let next_is_key = next.strip_prefix('"').is_some_and(|key| {
                key.find('"')
                    .is_some_and(|end| key[end + 1..].trim_start().starts_with(':'))
            });
            let line_break = matches!(c, Some('\n' | '\r'));
            if line_break && (next_is_key || next.starts_with(['}', ']'])) {
                let at = if before.ends_with(',') {
                    before.len() - 1
                } else {
                    offset
                };
                (Syntax::UnclosedText, at, 1)
            } else {
                (Syntax::LineBreakInText, offset, 1)
            }
        }
        // Marked from the `\`.
        Kind::InvalidEscape => (Syntax::InvalidEscape, error.range.start, 2),
        Kind::TrailingCharacters => (Syntax::TrailingCharacters, offset, 1),
        Kind::TooDeep => (Syntax::TooDeep, offset, 1),
        Kind::TooManyErrors => (Syntax::TooManySlips, offset, 1),
        // Marked from the number's first character.
        Kind::InvalidNumber => (Syntax::InvalidNumber, error.range.start, 1),
        // A misspelt word (`ture`, `nul`) is marked from its first letter to where it went
        // wrong.
        Kind::ExpectedValue => (Syntax::ExpectedValue, error.range.start, marked()),
    }
}

/// The byte offsets of the typographic double quotes of `line` that are not one of a “…” pair.
fn lone_curly_quotes(line: &str) -> Vec<usize> {
    let quotes: Vec<(usize, char)> = line
        .char_indices()
        .filter(|(_, c)| is_typographic_quote(*c))
        .collect();
    let mut lone = Vec::new();
    let mut i = 0;
    while i < quotes.len() {
        if quotes[i].1 == '“' && quotes.get(i + 1).is_some_and(|q| q.1 == '”') {
            i += 2;
        } else {
            lone.push(quotes[i].0);
            i += 1;
        }
    }
    lone
}

/// A typographic double quote, typed where JSON needs `"`.
/// The ASCII character a full-width or typographic one stands for, where JSON needs ASCII.
fn ascii_for(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '“' | '”' | '„' | '″' => Some('"'),
        '‘' | '’' => Some('"'),
        '、' => Some(','),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first syntax error in `text`, with its marked place as (line, column).
    fn syntax(text: &str) -> (Syntax, usize, usize) {
        let failed = parse("plans/goal-1/1-1-1.json", text.as_bytes()).unwrap_err();
        let d = &failed.diagnostics[0];
        match d.message.get::<json_syntax::Said>() {
            Some(json_syntax::Said::Syntax(s)) => (s.clone(), d.line.unwrap(), d.column.unwrap()),
            _ => panic!("{:?}", d.message),
        }
    }

    #[test]
    fn parses_as_serde_json_does_and_notes_repeated_keys() {
        for text in [
            r#"{"a": [1, -2, 3.5, 1e300, true, null, "x", {"b": {}}], "c": 18446744073709551615}"#,
            "[]",
            "\"\\u3042\"",
        ] {
            let (value, notes) = value_of(text).unwrap();
            assert_eq!(
                value,
                serde_json::from_str::<Value>(text).unwrap(),
                "{text}"
            );
            assert!(!notes.repeated_keys, "{text}");
        }
        for text in [r#"{"a": 1, "a": 2}"#, r#"[{"b": {"a": 1, "\u0061": 2}}]"#] {
            let (value, notes) = value_of(text).unwrap();
            assert_eq!(
                value,
                serde_json::from_str::<Value>(text).unwrap(),
                "{text}"
            );
            assert!(notes.repeated_keys, "{text}");
        }
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(value_of(&deep).is_err(), "the recursion limit holds");
    }

    #[test]
    fn a_missing_comma_is_marked_after_the_last_value() {
        let text = "{\n  \"id\": \"1-1-1\"\n  \"title\": \"x\"\n}";
        assert_eq!(syntax(text), (Syntax::MissingComma { closing: '}' }, 2, 16));
        assert_eq!(
            syntax("{\"a\": [\"行政\" \"x\"]}"),
            (Syntax::MissingComma { closing: ']' }, 1, 12)
        );
    }

    #[test]
    fn a_trailing_comma_is_marked_at_the_comma() {
        assert_eq!(
            syntax("{\n  \"id\": \"1\",\n}"),
            (Syntax::TrailingComma, 2, 12)
        );
        assert_eq!(syntax("[1,]"), (Syntax::TrailingComma, 1, 3));
    }

    #[test]
    fn a_run_of_full_width_characters_is_one_fix() {
        let failed = parse("plans/outline.json", "{\"a\": ２０}".as_bytes()).unwrap_err();
        assert_eq!(failed.diagnostics.len(), 1);
        let d = &failed.diagnostics[0];
        assert_eq!(
            d.message,
            json_syntax::Said::Syntax(Syntax::FullWidth {
                found: "２０".into(),
                ascii: "20".into()
            })
            .into()
        );
        assert_eq!((d.column, d.len), (Some(7), 2));
        assert_eq!(syntax("{\"a\":\u{3000}1}").0, Syntax::FullWidthSpace);
    }

    #[test]
    fn comments_and_full_width_punctuation_are_named() {
        assert_eq!(syntax("{\n  // note\n  \"a\": 1\n}").0, Syntax::Comment);
        assert_eq!(syntax("{\"a\": 1 /* x */}").0, Syntax::Comment);
        let full = |found: &str, ascii: &str| Syntax::FullWidth {
            found: found.into(),
            ascii: ascii.into(),
        };
        assert_eq!(syntax("{\n  \"a\"：1\n}"), (full("：", ":"), 2, 6));
        assert_eq!(syntax("{\"a\": 1，\"b\": 2}").0, full("，", ","));
        assert_eq!(syntax("{\"a\": “x”}"), (Syntax::CurlyQuote, 1, 7));
        // Half fixed: the closing quote is still typographic, and the error comes at the end
        // of the line (a line break inside the text), or at a colon that is there.
        assert_eq!(
            syntax("{\n  \"title\": \"行政”,\n  \"id\": \"1\"\n}"),
            (Syntax::CurlyQuote, 2, 15)
        );
        assert_eq!(
            syntax("{\n  \"title”: \"行政\"\n}"),
            (Syntax::CurlyQuote, 2, 9)
        );
        assert_eq!(syntax("{\"a\": ＂x＂}"), (Syntax::CurlyQuote, 1, 7));
        assert_eq!(syntax("{\"a\": １}").0, full("１", "1"));
        assert_eq!(syntax("{'a': 1}").0, Syntax::SingleQuote);
    }

    #[test]
    fn other_errors_are_placed_where_they_are() {
        assert_eq!(
            syntax("{\n  \"a\": \"x\n"),
            (Syntax::LineBreakInText, 2, 10)
        );
        assert_eq!(syntax("{\n  \"a\": \"x\"\n"), (Syntax::EndsEarly, 2, 11));
        assert_eq!(
            syntax("{\n  \"a\": \"（第10期）"),
            (Syntax::EndsEarly, 2, 15)
        );
        assert_eq!(syntax("{\"a\": \"\\q\"}"), (Syntax::InvalidEscape, 1, 8));
        // Half a surrogate pair: an escape JSON cannot read (was "something here is not JSON").
        assert_eq!(
            syntax("{\"a\": \"x\\ud800\"}"),
            (Syntax::InvalidEscape, 1, 9)
        );
        assert_eq!(
            syntax("{\"a\": \"\\ud800\\u0041\"}"),
            (Syntax::InvalidEscape, 1, 8)
        );
        assert_eq!(syntax("{\"a\": 1}}"), (Syntax::TrailingCharacters, 1, 9));
        assert_eq!(syntax("{\"a\": 01}"), (Syntax::InvalidNumber, 1, 7));
        assert_eq!(syntax("{\"a\": tru}"), (Syntax::ExpectedValue, 1, 7));
        assert_eq!(syntax("{\"a\": ture}"), (Syntax::ExpectedValue, 1, 7));
        assert_eq!(syntax("{a: 1}"), (Syntax::KeyNotQuoted, 1, 2));
        assert_eq!(syntax("{\"a\" 1}"), (Syntax::MissingColon, 1, 5));
    }

    #[test]
    fn a_line_break_in_text_with_typographic_quotes_inside_is_a_line_break() {
        // A summary pasted from Word: “…” inside the text, then a line break.
        assert_eq!(
            syntax("{\n  \"summary\": \"（架空）“施設”の見直し\n\"\n}"),
            (Syntax::LineBreakInText, 2, 27)
        );
        // Closed with a typographic quote, the line ending in `,` (or `、`) or nothing more.
        assert_eq!(
            syntax("{\n  \"title\": \"行政”\n}"),
            (Syntax::CurlyQuote, 2, 15)
        );
        assert_eq!(
            syntax("{\n  \"title\": \"行政”、\n  \"id\": \"1\"\n}"),
            (Syntax::CurlyQuote, 2, 15)
        );
        // A “…” pair at the end of the text is the text's own.
        assert_eq!(
            syntax("{\n  \"summary\": \"（架空）“施設の見直し”\n次です。\"\n}"),
            (Syntax::LineBreakInText, 2, 27)
        );
    }

    #[test]
    fn a_text_left_open_is_named_where_its_quote_belongs() {
        // The next line goes on with a field, or closes the object: the `"` is missing.
        assert_eq!(
            syntax("{\n  \"title\": \"行政,\n  \"id\": \"1\"\n}"),
            (Syntax::UnclosedText, 2, 15)
        );
        assert_eq!(
            syntax("{\n  \"title\": \"行政\n}"),
            (Syntax::UnclosedText, 2, 15)
        );
        assert_eq!(
            syntax("{\n  \"departments\": [\"試験課\n  ]\n}"),
            (Syntax::UnclosedText, 2, 23)
        );
    }

    #[test]
    fn slips_in_text_and_numbers_are_named() {
        // A `"` inside a text ends it early: marked at that quote.
        assert_eq!(
            syntax("{\"summary\": \"（架空）\"施設\"の見直し\"}"),
            (Syntax::QuoteInText, 1, 18)
        );
        assert_eq!(syntax("{\"a\": \"x\"y\"}"), (Syntax::QuoteInText, 1, 9));
        assert_eq!(
            syntax("{\"a\": \"x\"（注）\"}"),
            (Syntax::QuoteInText, 1, 9)
        );
        // Quoted text in “…” on the same line does not hide it.
        assert_eq!(
            syntax("{\"a\": \"市は“施設”の\"見直し\"を\"}"),
            (Syntax::QuoteInText, 1, 15)
        );
        assert_eq!(
            syntax("{\"a\": \"x\"，\"b\": 1}").0,
            Syntax::FullWidth {
                found: "，".into(),
                ascii: ",".into()
            }
        );
        // Two values without a comma are still a missing comma.
        assert_eq!(
            syntax("{\"a\": \"x\" \"b\": 1}"),
            (Syntax::MissingComma { closing: '}' }, 1, 10)
        );
        assert_eq!(
            syntax("{\"target\": 1,200}"),
            (
                Syntax::ThousandsSeparator {
                    figure: "1200".into()
                },
                1,
                13
            )
        );
        let after = |found: &str| Syntax::TextAfterNumber {
            found: found.into(),
            figure: true,
        };
        assert_eq!(syntax("{\"actual\": 80%}"), (after("%"), 1, 14));
        assert_eq!(syntax("{\"actual\": 96件, \"b\": 1}"), (after("件"), 1, 14));
        assert_eq!(syntax("{\"actual\": 80 ％}"), (after("％"), 1, 15));
        assert_eq!(syntax("{\"actual\": 5kg}"), (after("kg"), 1, 13));
        // A full-width digit in a number is a full-width slip.
        assert_eq!(
            syntax("{\"actual\": 12０}").0,
            Syntax::FullWidth {
                found: "０".into(),
                ascii: "0".into()
            }
        );
        assert_eq!(syntax("[1 2]").0, Syntax::MissingComma { closing: ']' });
        assert_eq!(syntax("[1 true]").0, Syntax::MissingComma { closing: ']' });
    }
}
