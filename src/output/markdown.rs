//! Markdown that GitHub shows (`charts/README.md`, the job summary, the pull-request comment,
//! `progress --format markdown`, `diff --format markdown`): text from the data or from a file
//! name is written so that GitHub shows it as the text it is, and nothing in it acts.
//!
//! What GitHub would otherwise make of such text, and how [`text`] stops it:
//! - markup (emphasis, code, headings, tables, block quotes, lists, thematic breaks, math): the
//!   character that starts it is escaped with `\`, wherever it is, so the text may also start a
//!   line (a list item, a heading);
//! - links, images, reference-style links and their definitions (`[x](…)`, `![x](…)`,
//!   `[x][1]`, `[1]: https://…`), footnotes: `[` and `]` are escaped;
//! - HTML, autolinks in `<…>`, entities (`&#64;`, `&commat;`): `<`, `>` and `&` are escaped,
//!   so they show as written;
//! - bare URLs (`https://…`, `ftp://…`, `www.…`): the `:` of `://` is escaped, and so is the
//!   `.` of `www.`;
//! - mentions (`@team`, `@org/team`) and e-mail addresses, which GitHub finds in the text
//!   after Markdown is read (escaping cannot hide them): `@` is written as the full-width
//!   `＠`, as Japanese documents often write addresses; for the same reason a `#` before a
//!   letter or digit (an issue `#12`, `owner/repo#3`) is written `＃`, and the `-` of `GH-12`
//!   `－`;
//! - control characters, which would start a line of their own: written as `<U+XXXX>`.

use crate::chars::visible;

/// `s` as Markdown text that shows as `s` and makes nothing of it.
pub fn text(s: &str) -> String {
    let s = visible(s);
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let chars: Vec<char> = s.chars().collect();
    // The text may start a line: after its leading spaces, a `-`, `+` or `=` would start a
    // list or a heading's underline, and a run of digits followed by `.` or `)` an ordered
    // list.
    let lead = chars.iter().take_while(|c| matches!(c, ' ' | '\t')).count();
    let digits = chars[lead..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    for (i, &c) in chars.iter().enumerate() {
        let at_start = i == lead;
        match c {
            '#' if chars.get(i + 1).is_some_and(char::is_ascii_alphanumeric) => out.push('＃'),
            '-' if i >= 2
                && chars[i - 2..i]
                    .iter()
                    .collect::<String>()
                    .eq_ignore_ascii_case("gh")
                && chars.get(i + 1).is_some_and(char::is_ascii_digit) =>
            {
                out.push('－')
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '$' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == lead + digits && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            ':' if chars.get(i + 1..i + 3) == Some(&['/', '/']) => out.push_str("\\:"),
            '.' if www_before(&chars, i) => out.push_str("\\."),
            '@' => out.push('＠'),
            c => out.push(c),
        }
    }
    out
}

/// Whether `chars[i]` is the `.` of `www.` that starts a word (GitHub links `www.x.y`).
fn www_before(chars: &[char], i: usize) -> bool {
    i >= 3
        && chars[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&'w'))
        && (i == 3 || !chars[i - 4].is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_images_and_references_are_text() {
        assert_eq!(
            text("[架空](https://example.invalid)"),
            "\\[架空\\](https\\://example.invalid)"
        );
        assert_eq!(
            text("![x](https://example.invalid/a.png)"),
            "!\\[x\\](https\\://example.invalid/a.png)"
        );
        assert_eq!(text("[x][1]"), "\\[x\\]\\[1\\]");
        assert_eq!(
            text("[1]: https://example.invalid"),
            "\\[1\\]: https\\://example.invalid"
        );
        assert_eq!(text("[^1]"), "\\[^1\\]");
    }

    #[test]
    fn bare_urls_html_and_mentions_are_text() {
        assert_eq!(text("https://example.invalid"), "https\\://example.invalid");
        assert_eq!(
            text("見て www.example.invalid"),
            "見て www\\.example.invalid"
        );
        assert_eq!(text("WWW.example.invalid"), "WWW\\.example.invalid");
        assert_eq!(text("awww.x"), "awww.x");
        assert_eq!(
            text("<img src=x onerror=alert(1)>"),
            "\\<img src=x onerror=alert(1)\\>"
        );
        assert_eq!(text("@team"), "＠team");
        assert_eq!(text("@org/team"), "＠org/team");
        assert_eq!(text("&commat;team"), "\\&commat;team");
        assert_eq!(text("&#64;team"), "\\&＃64;team");
        assert_eq!(text("kakuu@example.invalid"), "kakuu＠example.invalid");
        assert_eq!(text("担当: 課"), "担当: 課");
        assert_eq!(
            text("#12 と octo/repo#3 と GH-12"),
            "＃12 と octo/repo＃3 と GH－12"
        );
        assert_eq!(text("C# # ##"), "C\\# \\# \\#\\#");
    }

    #[test]
    fn markup_is_text_even_at_the_start_of_a_line() {
        assert_eq!(text("a|b*c_~`$x$"), "a\\|b\\*c\\_\\~\\`\\$x\\$");
        assert_eq!(text("# 見出し"), "\\# 見出し");
        assert_eq!(text("> 引用"), "\\> 引用");
        assert_eq!(text("- 項目"), "\\- 項目");
        assert_eq!(text("+ 項目"), "\\+ 項目");
        assert_eq!(text("==="), "\\===");
        assert_eq!(text("1. 項目"), "1\\. 項目");
        assert_eq!(text("12) 項目"), "12\\) 項目");
        assert_eq!(text("1-1-1 (x). ok"), "1-1-1 (x). ok");
        assert_eq!(text("a\\b"), "a\\\\b");
        // After leading spaces, too (a text of its own line, read as a list item).
        assert_eq!(text(" -"), " \\-");
        assert_eq!(text("  + 項目"), "  \\+ 項目");
        assert_eq!(text(" 2. 項目"), " 2\\. 項目");
        assert_eq!(text("a -"), "a -");
    }

    #[test]
    fn control_characters_are_shown_never_start_a_line() {
        assert_eq!(text("改\n行"), "改\\<U+000A\\>行");
    }

    #[test]
    fn japanese_text_is_as_it_was() {
        assert_eq!(text("架空組織の見直し（試験）"), "架空組織の見直し（試験）");
    }
}
