//! The walk over every string of a document for the rules on text (`text-hygiene`,
//! `line-wrap-space`), and what they share: a string's path as a JSON Pointer, which strings
//! are plain enough that no rule on text has anything to say of them ([`quiet`]).

use std::fmt::Write as _;

use serde_json::Value;

use super::document::Document;
use super::schema::FileSchema;
use crate::chars::{is_japanese, is_space};
use crate::diagnostic::Diagnostic;

/// One step on the way from the root of a document to a value.
pub enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// The JSON Pointer of a path (written only for the few strings that have a problem).
pub fn pointer(path: &[Step]) -> String {
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

/// A check on one string of a document, given its path (a rule on text, `Run::Text`).
pub type TextCheck = fn(&Document, &[Step], &str, &mut Vec<Diagnostic>);

/// Runs every rule on text on each string of the document, in one walk, leaving out the
/// strings that other rules check (see [`left_to_others`]) and those that are [`quiet`]: a
/// rule on text never sees a string of plain characters without a space (most titles). A file
/// whose strings are all quiet (the parse says so) is not walked at all.
pub fn each_text(doc: &Document, rules: &[TextCheck], out: &mut Vec<Diagnostic>) {
    if doc.notes.quiet_text {
        return;
    }
    each_string(&doc.value, &mut Vec::new(), &mut |path, s| {
        if !quiet(s) && !left_to_others(doc, path) {
            for rule in rules {
                rule(doc, path, s, out);
            }
        }
    });
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

/// Whether the string at `path` is a text of paragraphs, separated by `\n`: a year's results
/// (`summary`), its issues and next steps (`next_steps`) and a comment's `text`. Every other
/// text is one line.
pub fn holds_paragraphs(doc: &Document, path: &[Step]) -> bool {
    doc.schema == FileSchema::Plan
        && matches!(
            path,
            [
                Step::Key("progress"),
                Step::Key(_),
                Step::Key("summary" | "next_steps")
            ] | [
                Step::Key("progress"),
                Step::Key(_),
                Step::Key("comment"),
                Step::Key("text")
            ]
        )
}

/// Whether the string at `path` is left to another rule: a plan's `id` (the schema checks its
/// form) and the department names a plan gives (`known-departments` compares them with the
/// register, whose own names these text rules check).
fn left_to_others(doc: &Document, path: &[Step]) -> bool {
    doc.schema == FileSchema::Plan
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

/// Printable ASCII and the common Japanese letters and punctuation: none is a control or
/// invisible character, and each is NFC on its own and never combines with its neighbours
/// (Unicode's NFC quick check says Yes, and combining class 0), so text made only of them
/// is NFC. The quick check proper looks each character up in tables.
pub fn is_plain(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{3001}'..='\u{3029}'   // 、。「」… (not U+302A–U+302F, which combine)
        | '\u{3041}'..='\u{3096}'   // hiragana (not U+3099/U+309A, the combining sound marks)
        | '\u{30A1}'..='\u{30FE}'   // katakana, ・, ー
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{FF01}'..='\u{FF60}') // full-width forms
}

/// Whether no rule on text can have anything to say about `s`: every character is
/// [`is_plain`] and none is a space. (Plain characters are not control, invisible or
/// whitespace characters apart from the ASCII space, and text made of them is NFC; without a
/// space nothing stands at an edge or between two Japanese characters.) Each rule on text
/// must stay silent on such a string; `a_quiet_string_gives_no_rule_anything_to_say` checks
/// every one.
///
/// The parse asks this of every string it reads, so it is a test on the bytes that the
/// compiler can run many at a time: for each byte, with the two after it, whether it starts
/// something that is not plain or is a space. In UTF-8 a plain character other than ASCII is
/// three bytes with the lead byte E3 (U+3001–U+30FE), E4–E9 (U+4E00–U+9FFF) or EF
/// (U+FF01–U+FF60); continuation bytes (80–BF) are judged with their lead.
pub fn quiet(s: &str) -> bool {
    /// Whether the byte `b0`, followed by `b1` and `b2`, starts what a quiet string lacks.
    #[inline(always)]
    fn loud(b0: u8, b1: u8, b2: u8) -> bool {
        let in_ = |b: u8, lo: u8, hi: u8| b.wrapping_sub(lo) <= hi - lo;
        // ASCII controls and the space, DEL, two-byte leads, E0–E2, EA–EE, four-byte leads.
        let lead =
            (b0 <= 0x20) | (b0 == 0x7F) | in_(b0, 0xC0, 0xE2) | in_(b0, 0xEA, 0xEE) | (b0 >= 0xF0);
        // U+3000–U+30FF: only U+3001–3029, U+3041–3096 and U+30A1–30FE; nothing from U+3100.
        let e3 = (b0 == 0xE3)
            & (((b1 == 0x80) & !in_(b2, 0x81, 0xA9))
                | ((b1 == 0x81) & (b2 == 0x80))
                | ((b1 == 0x82) & in_(b2, 0x97, 0xA0))
                | ((b1 == 0x83) & (b2 == 0xBF))
                | (b1 >= 0x84));
        // U+4000–U+4FFF: only from U+4E00 (E4 B8 80).
        let e4 = (b0 == 0xE4) & (b1 < 0xB8);
        // U+F000–U+FFFF: only U+FF01 (EF BC 81) to U+FF60 (EF BD A0).
        let ef = (b0 == 0xEF) & !(((b1 == 0xBC) & (b2 >= 0x81)) | ((b1 == 0xBD) & (b2 <= 0xA0)));
        lead | e3 | e4 | ef
    }
    let in_ascii = |x: u8| (0x21..=0x7E).contains(&x);
    let b = s.as_bytes();
    let n = b.len();
    if n < 3 {
        // Too short for a character of three bytes: quiet only if ASCII without a space.
        return b.iter().all(|&x| in_ascii(x));
    }
    // No early exit: the loop is made of compares the compiler runs many bytes at a time
    // (three slices of one length, so no index is checked).
    let (b0, b1, b2) = (&b[..n - 2], &b[1..n - 1], &b[2..]);
    let mut body = 0u8;
    for i in 0..b0.len() {
        body |= u8::from(loud(b0[i], b1[i], b2[i]));
    }
    let body = body != 0;
    // The last two bytes are ASCII or continuation bytes in valid UTF-8 text, unless they
    // start a character of two bytes (which is not plain).
    let tail = b[n - 2..]
        .iter()
        .fold(false, |any, &x| any | loud(x, 0x80, 0x80));
    !(body | tail)
}

/// Whether `s` may hold a space of [`is_space`]: a look at the bytes that spares most text
/// the character-by-character scan. (U+00A0 starts with the byte 0xC2, U+1680 with 0xE1,
/// U+2000–U+205F with 0xE2; U+3000 is E3 80 80, looked for whole.)
pub fn may_have_space(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes
        .iter()
        .any(|&b| matches!(b, b' ' | 0xC2 | 0xE1 | 0xE2))
        || memchr::memmem::find(bytes, "\u{3000}".as_bytes()).is_some()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::is_invisible;

    #[test]
    fn removes_only_spaces_between_japanese() {
        assert_eq!(
            remove_wrap_spaces("柔軟な ワーク\u{3000}スタイル\u{3000}ICT 活用 A B"),
            "柔軟なワークスタイル\u{3000}ICT 活用 A B"
        );
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

    /// What [`quiet`] is to say, one character at a time.
    fn quiet_by_characters(s: &str) -> bool {
        s.chars().all(|c| is_plain(c) && c != ' ')
    }

    #[test]
    fn quiet_bytes_agree_with_characters() {
        // Every character alone, at the start, in the middle and at the end of longer text.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("{c}a"),
                format!("a{c}"),
                format!("あ{c}漢"),
                format!("{c}計画です"),
                format!("計画です{c}"),
            ] {
                assert_eq!(quiet(&s), quiet_by_characters(&s), "{c:?} in {s:?}");
            }
        }
        assert!(quiet(""));
        assert!(quiet("行政マネジメント課の見直し（ICT活用）、２０２６年。"));
        assert!(!quiet("ICT 活用"));
        assert!(!quiet("課\u{3000}"));
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
