//! Rules on the text of every string: `text-hygiene` and `line-wrap-space`.

use std::fmt::Write as _;

use serde_json::Value;
use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::Document;
use super::diagnostic::{Diagnostic, Target};
use crate::messages;

pub const HYGIENE: &str = "text-hygiene";
pub const LINE_WRAP: &str = "line-wrap-space";

/// Calls `f` with the pointer and text of every string value in `value`.
fn each_string(value: &Value, pointer: &mut String, f: &mut dyn FnMut(&str, &str)) {
    match value {
        Value::String(s) => f(pointer, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                let _ = write!(pointer, "/{i}");
                each_string(item, pointer, f);
                pointer.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = pointer.len();
                pointer.push('/');
                if key.contains(['~', '/']) {
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                } else {
                    pointer.push_str(key);
                }
                each_string(item, pointer, f);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// No text is only spaces, starts or ends with a space, holds a control character, or is
/// not in Unicode NFC. (Empty text is the schema's `minLength`.)
pub fn hygiene(doc: &Document, out: &mut Vec<Diagnostic>) {
    each_string(&doc.value, &mut String::new(), &mut |pointer, s| {
        let problem = if s.is_empty() || looks_clean(s) {
            None
        } else if s.trim().is_empty() {
            Some(messages::blank_text())
        } else if s.starts_with(char::is_whitespace) {
            Some(messages::edge_space(true))
        } else if s.ends_with(char::is_whitespace) {
            Some(messages::edge_space(false))
        } else if let Some(c) = s.chars().find(|c| c.is_control() || is_invisible(*c)) {
            Some(messages::control_character(c as u32))
        } else if !is_nfc(s) {
            Some(messages::not_nfc(&s.nfc().collect::<String>()))
        } else {
            None
        };
        if let Some(text) = problem {
            out.push(Diagnostic::error(
                HYGIENE,
                &doc.path,
                Target::Value(pointer.to_string()),
                text,
            ));
        }
    });
}

/// A quick test that passes most strings: no whitespace at either end, no control or
/// invisible character, and NFC by the quick check.
fn looks_clean(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    !first.is_whitespace()
        && !last.is_whitespace()
        && !s.chars().any(|c| c.is_control() || is_invisible(c))
        && unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// Zero-width and direction-control characters that are invisible in an editor.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Hiragana, katakana, CJK ideographs and half-width katakana.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}' | '\u{3041}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}')
}

/// Removes each space that stands between two Japanese characters.
pub fn remove_wrap_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut fixed = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let wrap = c == ' '
            && i > 0
            && chars.get(i + 1).is_some_and(|n| is_japanese(*n))
            && is_japanese(chars[i - 1]);
        if !wrap {
            fixed.push(c);
        }
    }
    fixed
}

/// Warns of a space between two Japanese characters: a line break copied from the PDF.
pub fn line_wrap(doc: &Document, out: &mut Vec<Diagnostic>) {
    each_string(&doc.value, &mut String::new(), &mut |pointer, s| {
        let chars: Vec<char> = s.chars().collect();
        let found = chars
            .windows(3)
            .find(|w| w[1] == ' ' && is_japanese(w[0]) && is_japanese(w[2]));
        if let Some(w) = found {
            out.push(Diagnostic::warning(
                LINE_WRAP,
                &doc.path,
                Target::Value(pointer.to_string()),
                messages::line_wrap_space(w[0], w[2], &remove_wrap_spaces(s)),
            ));
        }
    });
}

pub const UNIQUE_TITLES: &str = "unique-titles";

/// No two plans share a title.
pub fn unique_titles(ctx: &super::Context, out: &mut Vec<Diagnostic>) {
    let mut first: rustc_hash::FxHashMap<&str, &str> = Default::default();
    for entry in &ctx.plans {
        if entry.plan.title.is_empty() {
            continue;
        }
        let owner = first
            .entry(entry.plan.title.as_str())
            .or_insert(entry.plan.id.as_str());
        if *owner != entry.plan.id {
            out.push(Diagnostic::error(
                UNIQUE_TITLES,
                &entry.doc.path,
                Target::Value("/title".to_string()),
                messages::duplicate_title(&entry.plan.title, owner),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_only_spaces_between_japanese() {
        assert_eq!(
            remove_wrap_spaces("柔軟な ワークスタイル ICT 活用 A B"),
            "柔軟なワークスタイル ICT 活用 A B"
        );
    }

    #[test]
    fn recognises_japanese_characters() {
        for c in ['あ', 'ア', '・', 'ー', '課', '々', 'ｱ'] {
            assert!(is_japanese(c), "{c}");
        }
        for c in ['A', '1', '(', '（', '、'] {
            assert!(!is_japanese(c), "{c}");
        }
    }
}
