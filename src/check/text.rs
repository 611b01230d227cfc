//! Rules on the text of every string: `text-hygiene` and `line-wrap-space`.

use std::fmt::Write as _;

use serde_json::Value;
use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::identity::Identity;
use super::rules::{LINE_WRAP_SPACE, TEXT_HYGIENE, UNIQUE_TITLES};
use super::schema::Of;
use super::{Context, Document};
use crate::chars::{is_invisible, is_japanese, is_space};
use crate::diagnostic::{Diagnostic, Target};
use crate::messages::Message;

/// One step on the way from the root of a document to a value.
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// The JSON Pointer of a path (written only for the few strings that have a problem).
fn pointer(path: &[Step]) -> String {
    let mut pointer = String::new();
    for step in path {
        match step {
            Step::Key(key) if key.contains(['~', '/']) => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Step::Key(key) => {
                pointer.push('/');
                pointer.push_str(key);
            }
            Step::Index(i) => {
                let _ = write!(pointer, "/{i}");
            }
        }
    }
    pointer
}

/// Calls `f` with the path and text of every string value in `value`.
fn each_string<'v>(
    value: &'v Value,
    path: &mut Vec<Step<'v>>,
    f: &mut dyn FnMut(&[Step<'v>], &'v str),
) {
    match value {
        Value::String(s) => f(path, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                each_string(item, path, f);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                path.push(Step::Key(key));
                each_string(item, path, f);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Whether the string at `path` is left to another rule: a plan's `id` (the schema checks its
/// form) and the department names a plan gives (`known-departments` compares them with the
/// register, whose own names these text rules check).
fn left_to_others(doc: &Document, path: &[Step]) -> bool {
    doc.of == Of::Plan
        && matches!(
            path,
            [Step::Key("id")]
                | [Step::Key("departments"), Step::Index(_)]
                | [
                    Step::Key("subprojects"),
                    Step::Index(_),
                    Step::Key("departments"),
                    Step::Index(_)
                ]
                // A status is a code of the scale, or `progress-status` says what it meant.
                | [Step::Key("progress"), Step::Key(_), Step::Key("status")]
        )
}

/// No text is only spaces, starts or ends with a space, holds a control character, or is
/// not in Unicode NFC. (Empty text is the schema's `minLength`.)
pub fn hygiene(doc: &Document, out: &mut Vec<Diagnostic>) {
    each_string(&doc.value, &mut Vec::new(), &mut |path, s| {
        if left_to_others(doc, path) {
            return;
        }
        let first = s.chars().next();
        let last = s.chars().next_back();
        let problem = if s.is_empty() || looks_clean(s) {
            None
        } else if s.trim().is_empty() {
            Some(Message::BlankText)
        } else if let Some(character) = first.filter(|c| c.is_whitespace()) {
            Some(Message::EdgeSpace {
                leading: true,
                character,
            })
        } else if let Some(character) = last.filter(|c| c.is_whitespace()) {
            Some(Message::EdgeSpace {
                leading: false,
                character,
            })
        } else if let Some(character) = s.chars().find(|c| is_invisible(*c)) {
            Some(Message::ControlCharacter { character })
        } else if !is_nfc(s) {
            Some(Message::NotNfc {
                fixed: s.nfc().collect(),
            })
        } else {
            None
        };
        if let Some(message) = problem {
            out.push(TEXT_HYGIENE.report(&doc.path, Target::Value(pointer(path)), message));
        }
    });
}

/// A quick test that passes most strings: no whitespace at either end, no control or
/// invisible character, and NFC by the quick check.
fn looks_clean(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    if first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    if s.chars().all(is_plain) {
        return true;
    }
    !s.chars().any(is_invisible)
        && unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// Printable ASCII and the common Japanese letters and punctuation: none is a control or
/// invisible character, and each is NFC on its own and never combines with its neighbours
/// (Unicode's NFC quick check says Yes, and combining class 0), so text made only of them
/// is NFC. The quick check proper looks each character up in tables.
fn is_plain(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{3001}'..='\u{3029}'   // 、。「」… (not U+302A–U+302F, which combine)
        | '\u{3041}'..='\u{3096}'   // hiragana (not U+3099/U+309A, the combining sound marks)
        | '\u{30A1}'..='\u{30FE}'   // katakana, ・, ー
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{FF01}'..='\u{FF60}') // full-width forms
}

/// Whether `s` may hold a space of [`is_space`]: one pass over the bytes that spares most
/// text the character-by-character scan. (U+00A0 starts with the byte 0xC2, U+1680 with
/// 0xE1, U+2000–U+205F with 0xE2; U+3000 ends in 0x80 0x80.)
fn may_have_space(s: &str) -> bool {
    /// The bytes that start (or, for 0x80, may end) a space.
    const MARKS: [bool; 256] = {
        let mut marks = [false; 256];
        marks[b' ' as usize] = true;
        marks[0x80] = true;
        marks[0xC2] = true;
        marks[0xE1] = true;
        marks[0xE2] = true;
        marks
    };
    let bytes = s.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| MARKS[b as usize] && (b != 0x80 || (i > 0 && bytes[i - 1] == 0x80)))
}

/// Removes each space that stands between two Japanese characters.
pub fn remove_wrap_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut fixed = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let wrap = is_space(c)
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
    each_string(&doc.value, &mut Vec::new(), &mut |path, s| {
        if let Some((before, space, after)) = wrap_space(s)
            && !left_to_others(doc, path)
        {
            out.push(LINE_WRAP_SPACE.report(
                &doc.path,
                Target::Value(pointer(path)),
                Message::LineWrapSpace {
                    before,
                    space,
                    after,
                    fixed: remove_wrap_spaces(s),
                },
            ));
        }
    });
}

/// The first space between two Japanese characters in `s`: the characters around it and the
/// space itself.
fn wrap_space(s: &str) -> Option<(char, char, char)> {
    if !may_have_space(s) {
        return None;
    }
    let mut chars = s.chars();
    let (mut a, mut b) = (chars.next()?, chars.next()?);
    for c in chars {
        if is_space(b) && is_japanese(a) && is_japanese(c) {
            return Some((a, b, c));
        }
        (a, b) = (b, c);
    }
    None
}

/// No two plans share a title (a copy whose `id` was not changed is `unique-ids`' to report).
pub fn unique_titles(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut first: rustc_hash::FxHashMap<&str, crate::model::PlanId> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(ctx.plans.len(), Default::default());
    for entry in &ctx.plans {
        let (Some(plan), Some(id)) = (entry.plan, entry.counted) else {
            continue;
        };
        if plan.title.is_empty() || matches!(entry.identity, Identity::Copy { .. }) {
            continue;
        }
        let owner = *first.entry(plan.title.as_str()).or_insert(id);
        if owner != id {
            out.push(UNIQUE_TITLES.report(
                &entry.doc.path,
                Target::Value("/title".to_string()),
                Message::DuplicateTitle {
                    title: plan.title.clone(),
                    other: owner,
                },
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
            remove_wrap_spaces("柔軟な ワーク\u{3000}スタイル\u{3000}ICT 活用 A B"),
            "柔軟なワークスタイル\u{3000}ICT 活用 A B"
        );
    }

    #[test]
    fn finds_the_first_wrap_space() {
        assert_eq!(wrap_space("柔軟な ワーク"), Some(('な', ' ', 'ワ')));
        assert_eq!(wrap_space("ICT 活用 の 推進"), Some(('用', ' ', 'の')));
        assert_eq!(
            wrap_space("柔軟な\u{3000}ワーク"),
            Some(('な', '\u{3000}', 'ワ'))
        );
        assert_eq!(
            wrap_space("柔軟な\u{A0}ワーク"),
            Some(('な', '\u{A0}', 'ワ'))
        );
        assert_eq!(
            wrap_space("柔軟な\u{2009}ワーク"),
            Some(('な', '\u{2009}', 'ワ'))
        );
        assert_eq!(wrap_space("ICT 活用"), None);
        assert_eq!(wrap_space("行政評価"), None);
        assert_eq!(wrap_space(" あ"), None);
        assert_eq!(wrap_space(""), None);
    }

    #[test]
    fn plain_characters_agree_with_the_nfc_quick_check() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let ranges = [
            (0x20, 0x7E),
            (0x3001, 0x3029),
            (0x3041, 0x3096),
            (0x30A1, 0x30FE),
            (0x4E00, 0x9FFF),
            (0xFF01, 0xFF60),
        ];
        for (from, to) in ranges {
            for c in (from..=to).filter_map(char::from_u32) {
                assert!(is_plain(c), "{c:?}");
                assert!(!c.is_control() && !is_invisible(c), "{c:?}");
                // Alone, and after a letter it could combine with.
                assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
                assert_eq!(
                    is_nfc_quick(['か', c].into_iter()),
                    IsNormalized::Yes,
                    "{c:?}"
                );
            }
        }
        for c in [
            '\u{3099}', '\u{302A}', '\u{3000}', '\u{F900}', '\u{0301}', '\u{FEFF}',
        ] {
            assert!(!is_plain(c), "{c:?}");
        }
    }

    #[test]
    fn the_quick_look_finds_every_space() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| is_space(*c))
        {
            assert!(may_have_space(&format!("あ{c}い")), "{c:?}");
        }
        assert!(!may_have_space("行政マネジメント課の見直し（ICT活用）"));
    }

    #[test]
    fn pointers_escape_tilde_and_slash() {
        let path = [Step::Key("a/b"), Step::Index(2), Step::Key("c~d")];
        assert_eq!(pointer(&path), "/a~1b/2/c~0d");
        assert_eq!(pointer(&[]), "");
    }
}
