//! HTML and XML (the public page and the SVG charts): text from the data written so that a
//! browser or an XML reader shows it as the text it is, in an element or in a quoted attribute
//! (`"` or `'`), and nothing in it becomes markup, a reference or the end of an attribute.
//!
//! `&`, `<`, `>`, `"` and `'` are written as references (`&amp;`, `&lt;`, `&gt;`, `&quot;`,
//! `&#39;`, each read the same by HTML and by XML). A control character, which `check` reports
//! and which XML 1.0 does not allow, is written as a space.
//!
//! The page's template escapes every value it shows through [`Html`] (`src/site/askama.toml`
//! makes it the escaper of `.html` templates), and the charts' SVG through [`push`]: one
//! escaper for both.

use std::fmt;

/// What `c` is written as, or `None` when it is written as it is.
fn reference(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        c if c.is_control() => Some(" "),
        _ => None,
    }
}

/// Writes `text` escaped into `out`: runs of plain characters as they are, each other
/// character as its [`reference`].
pub fn write(out: &mut (impl fmt::Write + ?Sized), text: &str) -> fmt::Result {
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        if let Some(r) = reference(c) {
            out.write_str(&text[plain..i])?;
            out.write_str(r)?;
            plain = i + c.len_utf8();
        }
    }
    out.write_str(&text[plain..])
}

/// Writes `text` escaped at the end of `out`.
pub fn push(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = write(out, text);
}

/// `text` escaped.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push(&mut out, text);
    out
}

/// The escaper of the page's template (askama): every `{{ value }}` goes through [`write`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: fmt::Write>(&self, mut dest: W, string: &str) -> fmt::Result {
        write(&mut dest, string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_quotes_and_controls_are_escaped() {
        assert_eq!(
            text("<a href=\"x\">'&'</a>\u{7}"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; "
        );
        assert_eq!(text("「A&B」<c> &amp;"), "「A&amp;B」&lt;c&gt; &amp;amp;");
        assert_eq!(
            text("改\n行\r\t\u{0}\u{7f}\u{9f}"),
            format!("改 行{}", " ".repeat(5))
        );
    }

    #[test]
    fn other_text_is_as_it_was() {
        for s in [
            "",
            "架空組織の見直し（試験）",
            "javascript:alert(1)",
            "1-1-1",
            "＆＜＞",
        ] {
            assert_eq!(text(s), s);
        }
    }

    #[test]
    fn what_is_escaped_reads_back_as_the_text() {
        let original = "架空\"計画' <b>&amp;</b> <a href='javascript:alert(1)'>x</a>";
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><title a=\"{0}\" b='{0}'>{0}</title></svg>",
            text(original)
        );
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let title = doc.root_element().first_element_child().unwrap();
        assert_eq!(title.text(), Some(original));
        assert_eq!(title.attribute("a"), Some(original));
        assert_eq!(title.attribute("b"), Some(original));
    }
}
