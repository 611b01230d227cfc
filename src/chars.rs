//! Kinds of character the checks and the renderers must agree on: invisible ones, spaces of
//! every width, and Japanese letters.

/// A character that does not show, or shows wrongly, in an editor or a terminal: control
/// characters, zero-width characters, and the ones that change the direction of text.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A double quote in its typographic or full-width form (“ ” „ ″ ＂), as text pasted from a word
/// processor has them where JSON needs `"`.
pub fn is_typographic_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '″' | '＂')
}

/// A space of any width that is not a line break or tab: ASCII, full-width (U+3000),
/// no-break, thin and the other spaces of Unicode's category Zs.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Hiragana, katakana, CJK ideographs and half-width katakana.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}' | '\u{3041}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}')
}

/// How the tool writes a character it will not show raw: `<U+XXXX>`.
pub fn hidden(c: char) -> String {
    format!("<U+{:04X}>", c as u32)
}

/// `s` with every control or invisible character written as `<U+XXXX>`, so that nothing from a
/// file name or the data starts a line of its own or hides in a terminal or a log.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_invisible) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_invisible(c) {
            out.push_str(&hidden(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A digit as people type it: half-width or full-width (`1`, `１`).
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_unicodes_space_separators() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            // Zs: every white space that is not a control character or a line/paragraph
            // separator.
            let zs = c.is_whitespace() && !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}');
            assert_eq!(is_space(c), zs, "{c:?}");
        }
    }

    #[test]
    fn recognises_japanese_and_invisible_characters() {
        for c in ['あ', 'ア', '・', 'ー', '課', '々', 'ｱ'] {
            assert!(is_japanese(c), "{c}");
        }
        for c in ['A', '1', '(', '（', '、'] {
            assert!(!is_japanese(c), "{c}");
        }
        for c in [
            '\n', '\u{7}', '\u{200B}', '\u{202E}', '\u{2067}', '\u{FEFF}', '\u{85}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in [' ', 'あ', '\u{3000}'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }
}
