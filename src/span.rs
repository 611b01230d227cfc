//! Positions in JSON source text.
//!
//! `serde_json` gives values without positions. Once a file has parsed, this module finds the
//! byte range of the value (or key) at a JSON Pointer by scanning the text again, and turns byte
//! offsets into 1-based line and column numbers counted in characters. Its functions run only
//! for files with something to report (a diagnostic to place, or a key the parse found
//! repeated), so a clean run never pays for them.

/// A located piece of source: 1-based line and column (in characters) and its length in
/// characters on that line (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub len: usize,
}

/// Which part of an object member a pointer should be placed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Key,
    Value,
}

/// Finds the byte range of the value (or, with `Part::Key`, of the member's key) at `pointer`
/// in `text`, which must be valid JSON. Returns `None` when the pointer does not resolve.
pub fn find(text: &str, pointer: &str, part: Part) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    let mut key_range = None;
    let segments: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer
            .strip_prefix('/')?
            .split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect()
    };
    for segment in &segments {
        match *bytes.get(pos)? {
            b'{' => {
                let (k, v) = find_member(text, pos, segment)?;
                key_range = Some(k);
                pos = v;
            }
            b'[' => {
                let index: usize = segment.parse().ok()?;
                pos = find_element(bytes, pos, index)?;
                key_range = None;
            }
            _ => return None,
        }
    }
    if part == Part::Key
        && let Some(k) = key_range
    {
        return Some(k);
    }
    let end = value_end(bytes, pos)?;
    Some((pos, end))
}

/// Every value of a document by its JSON Pointer, built in one pass: for files with many
/// diagnostics (a large outline), looking each one up with [`find`] would rescan the text.
pub struct Index {
    entries: Entries,
    /// Where each line starts, for [`Lines::position`].
    pub lines: Lines,
}

impl Index {
    /// Indexes `text`, which must be valid JSON.
    pub fn build(text: &str) -> Index {
        let mut entries = std::collections::HashMap::new();
        let start = skip_ws(text.as_bytes(), 0);
        index_value(text, start, &mut String::new(), None, &mut entries);
        Index {
            entries,
            lines: Lines::new(text),
        }
    }

    /// Like [`find`], from the index.
    pub fn find(&self, pointer: &str, part: Part) -> Option<(usize, usize)> {
        let (key, value) = self.entries.get(pointer)?;
        match (part, key) {
            (Part::Key, Some(k)) => Some(*k),
            _ => Some(*value),
        }
    }
}

/// Pointer → (key range, if a member; value range).
type Entries = std::collections::HashMap<String, (Option<(usize, usize)>, (usize, usize))>;

/// Records the value at `start` and everything inside it; returns the index past it.
fn index_value(
    text: &str,
    start: usize,
    pointer: &mut String,
    key: Option<(usize, usize)>,
    entries: &mut Entries,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = match *bytes.get(start)? {
        b'{' => {
            let mut i = skip_ws(bytes, start + 1);
            while i < bytes.len() && bytes[i] == b'"' {
                let key_end = string_end(bytes, i)?;
                let name = decode_string(&text[i..key_end]);
                let value = skip_ws(bytes, skip_ws(bytes, key_end) + 1);
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&name.replace('~', "~0").replace('/', "~1"));
                let after = index_value(text, value, pointer, Some((i, key_end)), entries)?;
                pointer.truncate(len);
                let after = skip_ws(bytes, after);
                if bytes.get(after) != Some(&b',') {
                    break;
                }
                i = skip_ws(bytes, after + 1);
            }
            value_end(bytes, start)?
        }
        b'[' => {
            let mut i = skip_ws(bytes, start + 1);
            let mut n = 0usize;
            while i < bytes.len() && bytes[i] != b']' {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&n.to_string());
                let after = index_value(text, i, pointer, None, entries)?;
                pointer.truncate(len);
                let after = skip_ws(bytes, after);
                if bytes.get(after) != Some(&b',') {
                    break;
                }
                i = skip_ws(bytes, after + 1);
                n += 1;
            }
            value_end(bytes, start)?
        }
        _ => value_end(bytes, start)?,
    };
    entries.insert(pointer.clone(), (key, (start, end)));
    Some(end)
}

/// Turns a byte range into a position; objects and arrays are marked by their first character.
pub fn position(text: &str, start: usize, end: usize) -> Position {
    let start = floor_boundary(text, start.min(text.len()));
    let end = floor_boundary(text, end.min(text.len())).max(start);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..start].matches('\n').count() + 1;
    let column = text[line_start..start].chars().count() + 1;
    Position {
        line,
        column,
        len: mark_len(&text[start..end]),
    }
}

/// How many characters to mark for a value: one for an object or array, else its first line.
fn mark_len(piece: &str) -> usize {
    match piece.chars().next() {
        Some('{') | Some('[') => 1,
        _ => piece
            .split('\n')
            .next()
            .unwrap_or("")
            .chars()
            .count()
            .max(1),
    }
}

/// Converts a 1-based line and a 1-based column counted in bytes (as `serde_json` reports
/// them) into a column counted in characters.
pub fn byte_column_to_char(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let idx = floor_boundary(
        line_text,
        byte_column.saturating_sub(1).min(line_text.len()),
    );
    line_text[..idx].chars().count() + 1
}

/// The text of line `line` (1-based), without its line ending.
/// Where each line of a text starts: [`position`] and [`line_text`] without rescanning the
/// text from its start, for a file with many diagnostics (a large outline).
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { starts }
    }

    /// Like [`position`], for the text these lines were made from.
    pub fn position(&self, text: &str, start: usize, end: usize) -> Position {
        let start = floor_boundary(text, start.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= start);
        let line_start = self.starts[line - 1];
        let end = floor_boundary(text, end.min(text.len())).max(start);
        Position {
            line,
            column: text[line_start..start].chars().count() + 1,
            len: mark_len(&text[start..end]),
        }
    }

    /// Like [`line_text`], for the text these lines were made from.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> Option<&'t str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(text.len(), |next| next - 1);
        let l = text.get(start..end)?;
        Some(l.strip_suffix('\r').unwrap_or(l))
    }
}

pub fn line_text(text: &str, line: usize) -> Option<&str> {
    text.split('\n')
        .nth(line.checked_sub(1)?)
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
}

/// Every key that appears twice in the same object, as (byte range of the later key, key).
/// `text` must be valid JSON.
pub fn duplicate_keys(text: &str) -> Vec<((usize, usize), String)> {
    use std::borrow::Cow;
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // The keys of every open object, one after another; each open object or array remembers
    // where its keys start (`None` for an array), so no object allocates a set of its own.
    let mut keys: Vec<Cow<str>> = Vec::new();
    let mut open: Vec<Option<usize>> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                open.push(Some(keys.len()));
                expect_key = true;
                i += 1;
            }
            b'[' => {
                open.push(None);
                expect_key = false;
                i += 1;
            }
            b'}' | b']' => {
                if let Some(Some(start)) = open.pop() {
                    keys.truncate(start);
                }
                expect_key = false;
                i += 1;
            }
            b',' => {
                expect_key = matches!(open.last(), Some(Some(_)));
                i += 1;
            }
            b'"' => {
                let end = string_end(bytes, i).unwrap_or(bytes.len());
                if expect_key && let Some(Some(start)) = open.last() {
                    let raw = &text[i..end];
                    // Keys without escapes are compared as they stand, without allocating.
                    let key = match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
                        Some(inner) if !inner.contains('\\') => Cow::Borrowed(inner),
                        _ => Cow::Owned(decode_string(raw)),
                    };
                    if keys[*start..].contains(&key) {
                        found.push(((i, end), key.into_owned()));
                    } else {
                        keys.push(key);
                    }
                }
                expect_key = false;
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

fn decode_string(raw: &str) -> String {
    serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.trim_matches('"').to_string())
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The index just past the string that starts (with its quote) at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    // Jump from one quote or backslash to the next: most of a file is the text inside strings.
    while let Some(found) = memchr::memchr2(b'"', b'\\', bytes.get(i..)?) {
        i += found;
        match bytes[i] {
            b'\\' => i += 2,
            _ => return Some(i + 1),
        }
    }
    None
}

/// The index just past the value that starts at `start`.
fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    match *bytes.get(start)? {
        b'"' => string_end(bytes, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = start;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let mut i = start;
            while i < bytes.len()
                && !matches!(bytes[i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
            {
                i += 1;
            }
            Some(i)
        }
    }
}

/// In the object at `start`, the (key range, value start) of the member named `name`; the
/// last one wins, as in `serde_json`.
fn find_member(text: &str, start: usize, name: &str) -> Option<((usize, usize), usize)> {
    let bytes = text.as_bytes();
    let mut i = skip_ws(bytes, start + 1);
    let mut found = None;
    while i < bytes.len() && bytes[i] == b'"' {
        let key_end = string_end(bytes, i)?;
        let key = decode_string(&text[i..key_end]);
        let colon = skip_ws(bytes, key_end);
        let value = skip_ws(bytes, colon + 1);
        if key == name {
            found = Some(((i, key_end), value));
        }
        let after = skip_ws(bytes, value_end(bytes, value)?);
        if bytes.get(after) != Some(&b',') {
            break;
        }
        i = skip_ws(bytes, after + 1);
    }
    found
}

/// In the array at `start`, the start of element `index`.
fn find_element(bytes: &[u8], start: usize, index: usize) -> Option<usize> {
    let mut i = skip_ws(bytes, start + 1);
    if bytes.get(i) == Some(&b']') {
        return None;
    }
    for _ in 0..index {
        let after = skip_ws(bytes, value_end(bytes, i)?);
        if bytes.get(after) != Some(&b',') {
            return None;
        }
        i = skip_ws(bytes, after + 1);
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_scanning() {
        let text = "{\r\n  \"a\": \"行政\",\n\n  \"b\": [1, {\"c\": \"ｱ\"}]\n}";
        let lines = Lines::new(text);
        for start in 0..=text.len() + 2 {
            for end in [start, start + 3, text.len()] {
                assert_eq!(
                    lines.position(text, start, end),
                    position(text, start, end),
                    "{start}..{end}"
                );
            }
        }
        for line in 0..8 {
            assert_eq!(lines.line_text(text, line), line_text(text, line), "{line}");
        }
    }

    const DOC: &str = "{\n  \"id\": \"1-3-1\",\n  \"title\": \"デジタル\\\"x\",\n  \"departments\": [\n    \"DX戦略課\",\n    \"生涯学習課\"\n  ],\n  \"a/b\": {\"c\": [1, {\"d\": null}]}\n}\n";

    fn pos(pointer: &str, part: Part) -> Option<Position> {
        find(DOC, pointer, part).map(|(s, e)| position(DOC, s, e))
    }

    #[test]
    fn finds_values_and_keys() {
        let p = pos("/id", Part::Value).unwrap();
        assert_eq!((p.line, p.column, p.len), (2, 9, 7));
        let p = pos("/id", Part::Key).unwrap();
        assert_eq!((p.line, p.column, p.len), (2, 3, 4));
        let p = pos("/departments/1", Part::Value).unwrap();
        assert_eq!((p.line, p.column, p.len), (6, 5, 7));
        let p = pos("/departments", Part::Value).unwrap();
        assert_eq!((p.line, p.column, p.len), (4, 18, 1));
        let p = pos("/a~1b/c/1/d", Part::Value).unwrap();
        assert_eq!((p.line, p.column), (8, 26));
        let p = pos("", Part::Value).unwrap();
        assert_eq!((p.line, p.column), (1, 1));
    }

    #[test]
    fn index_agrees_with_find_everywhere() {
        let index = Index::build(DOC);
        for pointer in [
            "",
            "/id",
            "/title",
            "/departments",
            "/departments/0",
            "/departments/1",
            "/a~1b",
            "/a~1b/c",
            "/a~1b/c/0",
            "/a~1b/c/1/d",
        ] {
            for part in [Part::Key, Part::Value] {
                assert_eq!(
                    index.find(pointer, part),
                    find(DOC, pointer, part),
                    "{pointer} {part:?}"
                );
            }
        }
        assert_eq!(index.find("/nope", Part::Value), None);
    }

    #[test]
    fn columns_count_characters_after_japanese_text() {
        let text = "{\"title\": \"行政\", \"x\": 1}";
        let (s, e) = find(text, "/x", Part::Value).unwrap();
        assert_eq!(position(text, s, e).column, 22);
    }

    #[test]
    fn missing_pointers_resolve_to_none() {
        assert!(pos("/nope", Part::Value).is_none());
        assert!(pos("/departments/5", Part::Value).is_none());
        assert!(pos("/id/0", Part::Value).is_none());
        assert!(pos("/departments/x", Part::Value).is_none());
        assert!(find("[]", "/0", Part::Value).is_none());
    }

    #[test]
    fn finds_duplicate_keys_per_object() {
        let text = r#"{"a": 1, "b": {"a": 2, "c": ["a", "a"]}, "a": 3, "b\u0031": 0, "b1": 4}"#;
        let dups: Vec<String> = duplicate_keys(text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(dups, vec!["a".to_string(), "b1".to_string()]);
    }

    #[test]
    fn converts_byte_columns() {
        let text = "{\n  \"行政\": x\n}";
        assert_eq!(byte_column_to_char(text, 2, 13), 9);
        assert_eq!(byte_column_to_char(text, 9, 4), 4);
    }
}
