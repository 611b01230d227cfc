//! Positions in text: byte offsets turned into 1-based line and column numbers counted in
//! characters, and the text of a line. Where a JSON value or key is, as byte offsets, comes
//! from the parser ([`crate::json::Located`]).

/// A located piece of source: 1-based line and column (in characters) and its length in
/// characters on that line (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub len: usize,
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

/// The text of line `line` (1-based), without its line ending.
pub fn line_text(text: &str, line: usize) -> Option<&str> {
    text.split('\n')
        .nth(line.checked_sub(1)?)
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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

    #[test]
    fn columns_count_characters_after_japanese_text() {
        let text = "{\"title\": \"行政\", \"x\": 1}";
        let start = text.find('1').unwrap();
        assert_eq!(
            position(text, start, start + 1),
            Position {
                line: 1,
                column: 22,
                len: 1
            }
        );
        // An object or a list is marked by its first character; a text by its first line.
        assert_eq!(position("[\n1]", 0, 4).len, 1);
        assert_eq!(position("\"a\nb\"", 0, 5).len, 2);
    }
}
