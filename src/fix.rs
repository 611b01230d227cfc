//! What `plans fix` mends: the slips that have exactly one meaning, as a person typed them.
//!
//! Two passes. The first reads the text as characters and mends JSON's own syntax, never the
//! inside of a text: typographic and full-width quotes, commas, colons and brackets; full-width
//! digits in numbers; no-break, full-width and other spaces between the parts; a byte order
//! mark; Windows line breaks; a comma before a closing bracket; a thousands separator in a
//! number (`1,200`: in an object, digits cannot follow a comma); a unit typed after a number
//! (`96件`, taken out and kept for the second pass); a line break typed inside a text that
//! holds paragraphs (written `\n`). The second, on a text that now parses, mends a plan's
//! structure: a status typed as its level's label or a near miss of it (`A 順調`, `順調`,
//! `Ａ`), a unit taken from a number put in the indicator's `unit` where it has none, and a
//! year's block (or a year's fields) pasted outside `"progress"` moved into it. What is left is
//! `check`'s to say; the file is then written in its canonical form.

use serde_json::{Map, Value};

use crate::messages::Mended;
use crate::model::{Level, status_code};

/// One thing mended: where the first pass found it (a byte offset in the text as read; `None`
/// for what concerns the whole file or comes from the second pass), and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mend {
    pub at: Option<usize>,
    pub what: Mended,
}

/// The fields of a plan's year that hold paragraphs.
const PARAGRAPH_KEYS: [&str; 3] = ["summary", "next_steps", "text"];
/// The fields of a year's entry.
const YEAR_FIELDS: [&str; 6] = [
    "status",
    "summary",
    "indicators",
    "next_steps",
    "fiscal_effect",
    "comment",
];

/// The ASCII character a full-width or typographic character of JSON's syntax stands for.
fn syntax_ascii(c: char) -> Option<char> {
    Some(match c {
        c if crate::chars::is_typographic_quote(c) => '"',
        '，' | '、' => ',',
        '：' => ':',
        '｛' => '{',
        '｝' => '}',
        '［' => '[',
        '］' => ']',
        _ => return None,
    })
}

/// A typographic quote `c` at byte `at` of the text as read, made `"`.
fn quote_mend(at: usize, c: char) -> Mend {
    Mend {
        at: Some(at),
        what: Mended::Syntax {
            found: c.to_string(),
            ascii: "\"".into(),
        },
    }
}

fn is_open_quote(c: char) -> bool {
    c == '"' || crate::chars::is_typographic_quote(c)
}

/// A full-width digit, point or minus as its ASCII form.
fn digit_ascii(c: char) -> Option<char> {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFEE0),
        '0'..='9' | '.' | '-' => Some(c),
        '．' => Some('.'),
        '－' => Some('-'),
        _ => None,
    }
}

/// A unit the first pass took from after a figure: where the figure ends in the mended text,
/// and the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub at: usize,
    pub unit: String,
}

/// The fields whose figures may have a unit typed after them, which the second pass can write
/// in their object's `unit`.
const FIGURES: [&str; 3] = ["target", "actual", "amount"];

/// The first pass: the text with JSON's syntax mended, what was mended, and the units taken
/// from after figures (only when `take_units`, and only after `target`, `actual` and
/// `amount`).
pub fn mend_text(text: &str, take_units: bool) -> (String, Vec<Mend>, Vec<Taken>) {
    let mut taken = Vec::new();
    let mut mends = Vec::new();
    let mut s = text;
    if let Some(rest) = s.strip_prefix('\u{FEFF}') {
        mends.push(Mend {
            at: None,
            what: Mended::Bom,
        });
        s = rest;
    }
    let crlf = s.matches("\r\n").count();
    let owned;
    if crlf > 0 {
        mends.push(Mend {
            at: None,
            what: Mended::LineEnds { count: crlf },
        });
        owned = s.replace("\r\n", "\n");
        s = &owned;
    }
    let offset = text.len() - text.trim_start_matches('\u{FEFF}').len();
    // Byte offsets are reported in the text as read; after `\r\n` were made `\n`, an offset is
    // moved on by the `\r` taken away before it.
    let crs: Vec<usize> = if crlf > 0 {
        text[offset..]
            .match_indices("\r\n")
            .enumerate()
            .map(|(i, (at, _))| at - i)
            .collect()
    } else {
        Vec::new()
    };
    let at_read = |at: usize| offset + at + crs.iter().take_while(|c| **c < at).count();

    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = String::with_capacity(s.len());
    // The brackets open, `{` or `[`.
    let mut stack: Vec<char> = Vec::new();
    let mut last_key = String::new();
    let mut spaced_lines: Vec<usize> = Vec::new();
    let mut first_space = None;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        // A text: copied as it is, up to its closing quote.
        if is_open_quote(c) {
            if c != '"' {
                mends.push(quote_mend(at_read(at), c));
            }
            let typographic = c != '"';
            out.push('"');
            let start = out.len();
            i += 1;
            let mut closed = false;
            while i < chars.len() {
                let (at, c) = chars[i];
                if c == '\\' && !typographic {
                    out.push(c);
                    if let Some((_, next)) = chars.get(i + 1) {
                        out.push(*next);
                    }
                    i += 2;
                    continue;
                }
                if c == '"' || (typographic && is_open_quote(c)) {
                    if c != '"' {
                        mends.push(quote_mend(at_read(at), c));
                    }
                    out.push('"');
                    i += 1;
                    closed = true;
                    break;
                }
                if c == '\n' {
                    // A line break in a text of paragraphs that goes on (the next line is not a
                    // field or a closing bracket, which would mean the text was not closed).
                    let rest: String = chars[i + 1..].iter().map(|(_, c)| *c).collect();
                    let next = rest.trim_start();
                    let next_is_key = next.strip_prefix(is_open_quote).is_some_and(|k| {
                        k.find(is_open_quote).is_some_and(|e| {
                            k[e..]
                                .chars()
                                .skip(1)
                                .collect::<String>()
                                .trim_start()
                                .starts_with([':', '：'])
                        })
                    });
                    let goes_on = !(next_is_key || next.starts_with(['}', ']', '｝', '］']));
                    if PARAGRAPH_KEYS.contains(&last_key.as_str()) && goes_on {
                        // Spaces around the break are layout, not text.
                        while out.len() > start && out.ends_with([' ', '\u{3000}', '\t']) {
                            out.pop();
                        }
                        out.push_str("\\n");
                        mends.push(Mend {
                            at: Some(at_read(at)),
                            what: Mended::Paragraph,
                        });
                        i += 1;
                        while i < chars.len() && matches!(chars[i].1, ' ' | '\u{3000}' | '\t') {
                            i += 1;
                        }
                        continue;
                    }
                    // A text broken by a line break that is not a paragraph's: nothing after it
                    // is mended up to the next quote (it is text, or check's to say).
                    out.push('\n');
                    i += 1;
                    while let Some((_, c)) = chars.get(i) {
                        out.push(*c);
                        i += 1;
                        if is_open_quote(*c) || *c == '\n' {
                            break;
                        }
                    }
                    break;
                }
                // A text opened with a straight quote and closed with a typographic one at the
                // end of its line (`"…”,`): closed there.
                if !typographic && is_open_quote(c) && c != '"' {
                    let after: String = chars[i + 1..]
                        .iter()
                        .map(|(_, c)| *c)
                        .take_while(|c| *c != '\n')
                        .collect();
                    let after = after.trim();
                    if after.is_empty()
                        || (after.chars().count() <= 2
                            && after
                                .chars()
                                .all(|c| matches!(c, ',' | '}' | ']' | '，' | '、' | '｝' | '］')))
                    {
                        mends.push(quote_mend(at_read(at), c));
                        out.push('"');
                        i += 1;
                        closed = true;
                        break;
                    }
                }
                out.push(c);
                i += 1;
            }
            if closed {
                let text = out[start..out.len() - 1].to_string();
                // A key when a colon follows.
                let rest = chars[i..]
                    .iter()
                    .map(|(_, c)| *c)
                    .find(|c| !c.is_whitespace() && !crate::chars::is_space(*c));
                if matches!(rest, Some(':' | '：')) {
                    last_key = text;
                }
            }
            continue;
        }
        match c {
            '{' | '[' => {
                stack.push(c);
                out.push(c);
            }
            '}' | ']' => {
                stack.pop();
                out.push(c);
            }
            ',' | '，' | '、' => {
                // A comma before a closing bracket: taken away.
                let next = chars[i + 1..]
                    .iter()
                    .map(|(_, c)| *c)
                    .find(|c| !c.is_whitespace() && !crate::chars::is_space(*c));
                if matches!(
                    next.and_then(|n| syntax_ascii(n).or(Some(n))),
                    Some('}' | ']')
                ) {
                    mends.push(Mend {
                        at: Some(at_read(at)),
                        what: Mended::TrailingComma,
                    });
                } else {
                    if c != ',' {
                        mends.push(Mend {
                            at: Some(at_read(at)),
                            what: Mended::Syntax {
                                found: c.to_string(),
                                ascii: ",".into(),
                            },
                        });
                    }
                    out.push(',');
                }
            }
            c if syntax_ascii(c).is_some() => {
                let ascii = syntax_ascii(c).unwrap_or(c);
                mends.push(Mend {
                    at: Some(at_read(at)),
                    what: Mended::Syntax {
                        found: c.to_string(),
                        ascii: ascii.to_string(),
                    },
                });
                match ascii {
                    '{' | '[' => stack.push(ascii),
                    '}' | ']' => {
                        stack.pop();
                    }
                    _ => {}
                }
                out.push(ascii);
            }
            c if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c.is_whitespace()
                || crate::chars::is_space(c) && c != ' ' =>
            {
                let line = s[..at].matches('\n').count();
                if !spaced_lines.contains(&line) {
                    spaced_lines.push(line);
                }
                first_space.get_or_insert(at_read(at));
                out.push(' ');
            }
            c if digit_ascii(c).is_some() => {
                // A number: its digits (full-width ones made ASCII), then in an object a
                // thousands separator or a unit typed after it.
                let start = i;
                let mut number = String::new();
                while let Some(d) = chars.get(i).and_then(|(_, c)| digit_ascii(*c)) {
                    number.push(d);
                    i += 1;
                }
                // Exponents and the like are left to the parser.
                while let Some((_, c)) = chars.get(i).filter(|(_, c)| matches!(c, 'e' | 'E' | '+'))
                {
                    number.push(*c);
                    i += 1;
                    while let Some(d) = chars.get(i).and_then(|(_, c)| digit_ascii(*c)) {
                        number.push(d);
                        i += 1;
                    }
                }
                let typed: String = chars[start..i].iter().map(|(_, c)| *c).collect();
                if typed != number {
                    mends.push(Mend {
                        at: Some(at_read(chars[start].0)),
                        what: Mended::Syntax {
                            found: typed.clone(),
                            ascii: number.clone(),
                        },
                    });
                }
                let in_object = stack.last() == Some(&'{');
                // `1,200,000`: groups of three digits after commas, then no digit.
                let mut groups = String::new();
                let mut j = i;
                while in_object
                    && matches!(chars.get(j).map(|(_, c)| *c), Some(',' | '，'))
                    && (1..=3).all(|k| {
                        chars.get(j + k).is_some_and(|(_, c)| {
                            digit_ascii(*c).is_some_and(|d| d.is_ascii_digit())
                        })
                    })
                    && !chars
                        .get(j + 4)
                        .is_some_and(|(_, c)| digit_ascii(*c).is_some_and(|d| d.is_ascii_digit()))
                {
                    for k in 1..=3 {
                        groups.push(digit_ascii(chars[j + k].1).unwrap_or('0'));
                    }
                    j += 4;
                }
                if !groups.is_empty() {
                    let found: String = chars[start..j].iter().map(|(_, c)| *c).collect();
                    mends.push(Mend {
                        at: Some(at_read(chars[start].0)),
                        what: Mended::Thousands {
                            found,
                            figure: format!("{number}{groups}"),
                        },
                    });
                    number.push_str(&groups);
                    i = j;
                }
                out.push_str(&number);
                // A unit typed after a figure, up to the end of the value.
                if in_object && take_units && FIGURES.contains(&last_key.as_str()) {
                    let unit: String = chars[i..]
                        .iter()
                        .map(|(_, c)| *c)
                        .take_while(|c| {
                            !c.is_whitespace()
                                && !crate::chars::is_space(*c)
                                && !matches!(syntax_ascii(*c).unwrap_or(*c), ',' | '}' | ']' | '"')
                        })
                        .collect();
                    if !unit.is_empty() && !unit.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                        mends.push(Mend {
                            at: Some(at_read(chars[i].0)),
                            what: Mended::Unit { unit: unit.clone() },
                        });
                        taken.push(Taken {
                            at: out.len(),
                            unit: unit.clone(),
                        });
                        i += unit.chars().count();
                    }
                }
                continue;
            }
            c => out.push(c),
        }
        i += 1;
    }
    if let Some(at) = first_space {
        mends.push(Mend {
            at: Some(at),
            what: Mended::Spaces {
                lines: spaced_lines.len(),
            },
        });
    }
    (out, mends, taken)
}

/// Where each unit the first pass took belongs: the path (keys and indices) of the object that
/// holds its figure, found in the mended `text`.
pub fn placements(text: &str, taken: &[Taken]) -> Option<Vec<(Vec<String>, String)>> {
    let root = crate::json::Located::of(text)?;
    taken
        .iter()
        .map(|t| {
            let mut path = Vec::new();
            holder(&root, t.at, &mut path).then(|| (path, t.unit.clone()))
        })
        .collect()
}

/// Whether the object `loc` (or one inside it) holds a scalar ending at `at`; `path` is then
/// the path to that object.
fn holder(loc: &crate::json::Located, at: usize, path: &mut Vec<String>) -> bool {
    use crate::json::Inner;
    let members: Vec<(String, &crate::json::Located)> = match &loc.inner {
        Inner::Object(members) => members.iter().map(|(k, _, v)| (k.clone(), v)).collect(),
        Inner::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        Inner::Scalar => return false,
    };
    for (key, value) in members {
        if value.span.start >= at || value.span.end < at {
            continue;
        }
        if matches!(value.inner, Inner::Scalar) {
            return value.span.end == at && matches!(loc.inner, Inner::Object(_));
        }
        path.push(key);
        if holder(value, at, path) {
            return true;
        }
        path.pop();
    }
    false
}

/// The second pass, on a plan that parses: the units taken from after figures written in
/// their object's `unit` (`placements`), its statuses, and years pasted outside `"progress"`.
/// `None` when a unit cannot be placed (its object has another unit): the caller then leaves
/// the units where they were typed, for check to say.
pub fn mend_plan(
    plan: &mut Value,
    scale: &[Level],
    reporting_year: Option<i64>,
    placements: &[(Vec<String>, String)],
) -> Option<Vec<Mend>> {
    let mut mends = Vec::new();
    for (path, unit) in placements {
        let mut at = &mut *plan;
        for step in path {
            at = match at {
                Value::Object(map) => map.get_mut(step)?,
                Value::Array(items) => items.get_mut(step.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        let object = at.as_object_mut()?;
        match object.get("unit").and_then(Value::as_str) {
            Some(u) if u == unit => {}
            Some(u) if !u.is_empty() => return None,
            _ => {
                object.insert("unit".into(), Value::String(unit.clone()));
                let year = path
                    .iter()
                    .find(|s| crate::model::is_year_key(s))
                    .cloned()
                    .unwrap_or_default();
                mends.push(Mend {
                    at: None,
                    what: Mended::UnitField {
                        year,
                        unit: unit.clone(),
                    },
                });
            }
        }
    }
    let Some(object) = plan.as_object_mut() else {
        return Some(mends);
    };
    // A year's block at the top of the plan, or in a sub-project, and a year's fields at the
    // top without their year (the year being reported): moved into "progress" where that
    // year has no entry yet; anything else stays where it is, for check to say.
    let existing: Vec<String> = match object.get("progress") {
        Some(Value::Object(progress)) => progress.keys().cloned().collect(),
        Some(_) => return Some(mends),
        None => Vec::new(),
    };
    let mut taken: Vec<String> = existing.clone();
    let mut moved: Vec<(String, Value)> = Vec::new();
    let years: Vec<String> = object
        .keys()
        .filter(|k| crate::model::is_year_key(k) && !taken.contains(k))
        .cloned()
        .collect();
    for year in years {
        if let Some(block) = object.remove(&year) {
            taken.push(year.clone());
            moved.push((year, block));
        }
    }
    if let Some(Value::Array(subprojects)) = object.get_mut("subprojects") {
        for sp in subprojects.iter_mut().filter_map(Value::as_object_mut) {
            let Some(Value::Object(progress)) = sp.get_mut("progress") else {
                continue;
            };
            let years: Vec<String> = progress
                .keys()
                .filter(|k| !taken.contains(k))
                .cloned()
                .collect();
            for year in years {
                if let Some(block) = progress.remove(&year) {
                    taken.push(year.clone());
                    moved.push((year, block));
                }
            }
            if progress.is_empty() {
                sp.remove("progress");
            }
        }
    }
    let fields: Vec<String> = YEAR_FIELDS
        .iter()
        .filter(|f| object.contains_key(**f))
        .map(|f| f.to_string())
        .collect();
    let loose = reporting_year
        .map(|y| y.to_string())
        .filter(|year| !fields.is_empty() && !taken.contains(year))
        .map(|year| {
            let mut entry = Map::new();
            for f in &fields {
                if let Some(v) = object.remove(f) {
                    entry.insert(f.clone(), v);
                }
            }
            (year, entry)
        });
    if !moved.is_empty() || loose.is_some() {
        let progress = object
            .entry("progress")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(progress) = progress {
            for (year, block) in moved {
                progress.insert(year.clone(), block);
                mends.push(Mend {
                    at: None,
                    what: Mended::YearMoved { year },
                });
            }
            if let Some((year, entry)) = loose {
                progress.insert(year.clone(), Value::Object(entry));
                mends.push(Mend {
                    at: None,
                    what: Mended::FieldsMoved { year, fields },
                });
            }
        }
    }
    // Statuses.
    if let Some(Value::Object(progress)) = object.get_mut("progress") {
        for (year, entry) in progress.iter_mut() {
            let Some(entry) = entry.as_object_mut() else {
                continue;
            };
            if let Some(Value::String(typed)) = entry.get_mut("status")
                && let Some(code) = status_code(typed, scale)
            {
                mends.push(Mend {
                    at: None,
                    what: Mended::Status {
                        year: year.clone(),
                        found: typed.clone(),
                        code: code.clone(),
                    },
                });
                *typed = code;
            }
        }
    }
    Some(mends)
}

/// A text whose object is followed by fields (a block pasted after the file's last `}`), with
/// those fields moved before that `}`; `None` when the text is not so, or the result would not
/// be JSON.
pub fn fields_after_end(text: &str) -> Option<String> {
    let error = crate::json::value(text).err()?;
    if error.kind != crate::json::ErrorKind::TrailingCharacters {
        return None;
    }
    let (head, tail) = text.split_at(error.at);
    let tail = tail.trim();
    let tail = tail.strip_prefix(',').unwrap_or(tail).trim_start();
    if !tail.starts_with('"') {
        return None;
    }
    let head = head.trim_end().strip_suffix('}')?.trim_end();
    let joined = format!("{head},\n{tail}\n}}\n");
    crate::json::value(&joined).ok().map(|_| joined)
}

/// A change to suggest on a pull request, in GitHub's terms: lines `start..=end` (counted
/// from 1) of the file as read are to be replaced by `lines`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suggestion {
    pub start: usize,
    pub end: usize,
    pub lines: Vec<String>,
}

/// The most lines of a file whose changes are aligned line by line (a paragraph typed across
/// lines changes the count): a larger file gets suggestions only where the counts agree.
const ALIGN_LINES: usize = 2_000;

/// The first pass's mends of `text`, and each status the second pass would make a code of,
/// as suggestions of whole lines: what a reviewer can take in one click. `mended` is the
/// first pass's text; `statuses` the second pass's status mends (text typed, code).
pub fn suggestions(text: &str, mended: &str, statuses: &[(String, String)]) -> Vec<Suggestion> {
    let mut mended = mended.to_string();
    for (found, code) in statuses {
        mended = replace_status(&mended, found, code);
    }
    let old: Vec<&str> = text
        .trim_start_matches('\u{FEFF}')
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let new: Vec<&str> = mended.split('\n').collect();
    // Pairs of (old line, new line) that stay as they are, in order.
    let same: Vec<(usize, usize)> = if old.len() == new.len() {
        (0..old.len())
            .filter(|&i| old[i] == new[i])
            .map(|i| (i, i))
            .collect()
    } else if old.len() <= ALIGN_LINES && new.len() <= ALIGN_LINES {
        common_lines(&old, &new)
    } else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(a, b) in same.iter().chain(std::iter::once(&(old.len(), new.len()))) {
        // A hunk that only takes lines away is never suggested: what the first pass takes away
        // is characters, and lines only as two made one.
        if a > i && b > j {
            out.push(Suggestion {
                start: i + 1,
                end: a,
                lines: new[j..b].iter().map(|l| (*l).to_string()).collect(),
            });
        }
        i = a + 1;
        j = b + 1;
    }
    out
}

/// The longest common subsequence of two lists of lines, as pairs of indices.
fn common_lines(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    let mut len = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i][j] = if old[i] == new[j] {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if old[i] == new[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if len[i + 1][j] >= len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// `text` with the value of each `"status"` that is the JSON string of `found` written as the
/// JSON string of `code`.
fn replace_status(text: &str, found: &str, code: &str) -> String {
    let (Ok(found), Ok(code)) = (serde_json::to_string(found), serde_json::to_string(code)) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\"status\"") {
        let after = &rest[at + 8..];
        let colon = after.len() - after.trim_start().len();
        let value = after.trim_start();
        if let Some(v) = value.strip_prefix(':') {
            let spaces = v.len() - v.trim_start().len();
            if v.trim_start().starts_with(&found) {
                let cut = at + 8 + colon + 1 + spaces;
                out.push_str(&rest[..cut]);
                out.push_str(&code);
                rest = &rest[cut + found.len()..];
                continue;
            }
        }
        out.push_str(&rest[..at + 8]);
        rest = &rest[at + 8..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scale() -> Vec<Level> {
        ["架空の順調", "架空のおおむね順調", "架空の遅れ"]
            .iter()
            .zip(["A", "B", "C"])
            .map(|(label, code)| Level {
                code: code.into(),
                label: (*label).into(),
            })
            .collect()
    }

    #[test]
    fn a_status_with_one_meaning_is_made_its_code() {
        let s = scale();
        for (typed, code) in [
            ("Ａ", Some("A")),
            ("a", Some("A")),
            (" B ", Some("B")),
            ("A 架空の順調", Some("A")),
            ("A（架空の順調）", Some("A")),
            ("B:架空のおおむね順調", Some("B")),
            ("架空の概ね順調", Some("B")),
            ("架空の遅れ", Some("C")),
            // Its own code, another level's label with a code, a word of no level.
            ("A", None),
            ("A 架空の遅れ", None),
            ("架空", None),
            ("", None),
        ] {
            assert_eq!(status_code(typed, &s).as_deref(), code, "{typed}");
        }
    }

    #[test]
    fn nothing_pasted_twice_is_lost() {
        // The year is both in "progress" and at the top: both stay where they are.
        let mut plan = json!({
            "id": "1-1-1",
            "progress": { "2026": { "status": "A", "summary": "x" } },
            "2026": { "status": "B", "summary": "y" },
            "status": "C",
        });
        let before = plan.clone();
        assert_eq!(
            mend_plan(&mut plan, &scale(), Some(2026), &[]),
            Some(vec![])
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn the_text_pass_never_changes_the_inside_of_a_text() {
        let text = "{\"a\": \"“引用”，１２０、 1,200 96件\", \"b\": [1,200]}\n";
        let (mended, mends, _) = mend_text(text, true);
        assert_eq!(mended, text);
        assert!(mends.is_empty(), "{mends:?}");
    }

    #[test]
    fn suggestions_replace_whole_lines_and_give_the_mended_text() {
        let text = "{\n  “id”: “1-1-1”，\n  \"a\": 1\n}\n";
        let (mended, _, _) = mend_text(text, true);
        assert_eq!(
            suggestions(text, &mended, &[]),
            vec![Suggestion {
                start: 2,
                end: 2,
                lines: vec!["  \"id\": \"1-1-1\",".into()]
            }]
        );
        // A paragraph typed across two lines is one suggestion of two lines made one.
        let text = "{\n  \"summary\": \"第一段落。\n第二段落。\",\n  \"a\": 1\n}\n";
        let (mended, _, _) = mend_text(text, true);
        assert_eq!(
            suggestions(text, &mended, &[]),
            vec![Suggestion {
                start: 2,
                end: 3,
                lines: vec!["  \"summary\": \"第一段落。\\n第二段落。\",".into()]
            }]
        );
        // A status made its code.
        let text = "{\n  \"status\": \"A 順調\",\n  \"b\": \"A 順調\"\n}\n";
        assert_eq!(
            suggestions(text, text, &[("A 順調".into(), "A".into())]),
            vec![Suggestion {
                start: 2,
                end: 2,
                lines: vec!["  \"status\": \"A\",".into()]
            }]
        );
    }
}
