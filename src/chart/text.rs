//! Text layout with the vendored font: glyph positions (advances and kerning), measuring and
//! line wrapping. Both canvases draw the glyphs laid out here, so PNG and SVG match.

use std::sync::{Arc, Mutex, OnceLock};

use ab_glyph::{Font as _, FontRef, GlyphId, ScaleFont as _};
use rustc_hash::FxHashMap;

use super::ChartError;

/// The chart font, parsed once.
pub struct Font {
    font: FontRef<'static>,
    /// Each glyph's outline as SVG path data, made the first time an SVG uses the glyph and
    /// shared by every chart drawn with this font (on every core).
    paths: Mutex<FxHashMap<u16, Option<Arc<str>>>>,
    /// The glyph of each character of the Basic Multilingual Plane, looked up in the font's
    /// character map the first time it is laid out: a site of 100,000 plans lays out millions
    /// of characters, and the look-up was a tenth of its time.
    ids: Box<[OnceLock<u16>]>,
}

/// One line of text, laid out: each glyph and its x offset from the line's start.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub size: f32,
    pub glyphs: Vec<(GlyphId, f32)>,
    pub width: f32,
}

impl Font {
    pub fn load(bytes: &'static [u8]) -> Result<Font, ChartError> {
        let font = FontRef::try_from_slice(bytes).map_err(|_| ChartError::Font)?;
        Ok(Font {
            font,
            paths: Mutex::default(),
            ids: (0..=u16::MAX).map(|_| OnceLock::new()).collect(),
        })
    }

    /// The font's glyph for `c` (`GlyphId(0)` where it has none).
    fn glyph(&self, c: char) -> GlyphId {
        match self.ids.get(c as usize) {
            Some(id) => GlyphId(*id.get_or_init(|| self.font.glyph_id(c).0)),
            None => self.font.glyph_id(c),
        }
    }

    /// The SVG path data of glyph `id`, made by `make` the first time it is asked for (`None`
    /// for a glyph without an outline, a space).
    pub fn svg_path(&self, id: GlyphId, make: impl FnOnce() -> Option<String>) -> Option<Arc<str>> {
        // A panic while the lock was held would have left at most a finished entry.
        let mut paths = self.paths.lock().unwrap_or_else(|e| e.into_inner());
        paths
            .entry(id.0)
            .or_insert_with(|| make().map(Arc::from))
            .clone()
    }

    pub fn inner(&self) -> &FontRef<'static> {
        &self.font
    }

    /// Lays out `text` at `size` pixels. A character the font lacks is an error naming it, so
    /// no chart ever shows a blank box.
    pub fn layout(&self, text: &str, size: f32) -> Result<Line, ChartError> {
        let scaled = self.font.as_scaled(size);
        let mut glyphs = Vec::with_capacity(text.len());
        let mut x = 0.0;
        let mut previous: Option<GlyphId> = None;
        for c in text.chars() {
            let id = self.glyph(c);
            if id.0 == 0 && !c.is_whitespace() {
                return Err(ChartError::MissingGlyph {
                    character: c,
                    text: text.to_string(),
                    file: None,
                });
            }
            if let Some(p) = previous {
                x += scaled.kern(p, id);
            }
            glyphs.push((id, x));
            x += scaled.h_advance(id);
            previous = Some(id);
        }
        Ok(Line {
            text: text.to_string(),
            size,
            glyphs,
            width: x,
        })
    }

    /// Whether the font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.glyph(c).0 != 0
    }

    pub fn width(&self, text: &str, size: f32) -> Result<f32, ChartError> {
        Ok(self.layout(text, size)?.width)
    }

    /// The distance from the baseline to the top of the tallest glyphs.
    pub fn ascent(&self, size: f32) -> f32 {
        self.font.as_scaled(size).ascent()
    }

    /// Splits `text` into lines no wider than `max_width`, breaking only between phrases
    /// (BudouX's model, see [`phrases`]): lines are filled greedily phrase by phrase, so a
    /// word such as 「持続可能な」 is never cut. Only a phrase wider than a whole line is broken
    /// between characters ([`Font::wrap_characters`]). Spaces at a break are dropped, and a
    /// single character alone on the last line takes the previous line's last phrase with it
    /// when they fit together.
    pub fn wrap(&self, text: &str, size: f32, max_width: f32) -> Result<Vec<String>, ChartError> {
        // A text that fits on one line is that line: every run of its phrases from the start is
        // narrower still, so filling line by line would give the same. Most texts of a chart
        // fit, and are not sent to BudouX (a third of the time to lay out a 体系図 of 100 plans).
        let whole = text.trim();
        if whole.is_empty() {
            return Ok(Vec::new());
        }
        if self.width(whole, size)? <= max_width {
            return Ok(vec![whole.to_string()]);
        }
        let mut lines: Vec<Vec<String>> = Vec::new();
        let mut current: Vec<String> = Vec::new();
        for phrase in phrases(text) {
            let joined = format!("{}{phrase}", current.concat());
            if current.is_empty() && phrase.trim().is_empty() {
                continue;
            }
            if self.width(joined.trim(), size)? <= max_width {
                current.push(phrase);
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            if self.width(phrase.trim(), size)? <= max_width {
                current.push(phrase);
            } else {
                // A phrase wider than the line: the one place a break falls inside a phrase.
                let mut parts = self.wrap_characters(phrase.trim(), size, max_width)?;
                current.extend(parts.pop());
                lines.extend(parts.into_iter().map(|p| vec![p]));
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        // No single character alone on the last line: move the previous line's last phrase
        // down to it, when the two fit on one line and the previous line keeps a phrase.
        if let [.., previous, last] = lines.as_mut_slice()
            && last.concat().trim().chars().count() == 1
            && previous.len() >= 2
            && let Some(moved) = previous.last()
            && self.width(format!("{moved}{}", last.concat()).trim(), size)? <= max_width
            && let Some(moved) = previous.pop()
        {
            last.insert(0, moved);
        }
        Ok(lines
            .into_iter()
            .map(|l| l.concat().trim().to_string())
            .collect())
    }

    /// Splits `text` between characters (as Japanese allows) into lines no wider than
    /// `max_width`, never before closing punctuation or after opening brackets, preferring a
    /// break after 、 or a space. Only for a phrase too wide for a line of its own.
    fn wrap_characters(
        &self,
        text: &str,
        size: f32,
        max_width: f32,
    ) -> Result<Vec<String>, ChartError> {
        let chars: Vec<char> = text.chars().collect();
        let mut lines = Vec::new();
        let mut start = 0;
        while start < chars.len() {
            let mut end = start;
            while end < chars.len() {
                let candidate: String = chars[start..=end].iter().collect();
                if self.width(&candidate, size)? > max_width && end > start {
                    break;
                }
                end += 1;
            }
            if end < chars.len() {
                // Prefer a break after 、 or a space within the last third of the line.
                let floor = start + (end - start) * 2 / 3;
                if let Some(p) = (floor..end)
                    .rev()
                    .find(|&i| matches!(chars[i], '、' | ' ' | '・'))
                {
                    end = p + 1;
                }
                while end > start + 1 && (no_line_start(chars[end]) || no_line_end(chars[end - 1]))
                {
                    end -= 1;
                }
            }
            let line: String = chars[start..end].iter().collect();
            lines.push(line.trim_end().to_string());
            start = end;
            while start < chars.len() && chars[start].is_whitespace() {
                start += 1;
            }
        }
        Ok(lines)
    }

    /// Packs `items` joined by `separator` into lines no wider than `max_width`, breaking
    /// only after a separator; an item too wide for a line on its own is wrapped inside.
    pub fn wrap_list(
        &self,
        items: &[String],
        separator: &str,
        size: f32,
        max_width: f32,
    ) -> Result<Vec<String>, ChartError> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for (i, item) in items.iter().enumerate() {
            let piece = if i + 1 < items.len() {
                format!("{item}{separator}")
            } else {
                item.clone()
            };
            let joined = format!("{current}{piece}");
            if self.width(&joined, size)? <= max_width {
                current = joined;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            if self.width(&piece, size)? <= max_width {
                current = piece;
            } else {
                let mut parts = self.wrap(&piece, size, max_width)?;
                current = parts.pop().unwrap_or_default();
                lines.extend(parts);
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        Ok(lines)
    }
}

/// The pieces of `text` a line may break between: BudouX's phrases (its Japanese model, built
/// once behind the crate's own `once_cell::sync::Lazy`), joined where a break would put
/// closing punctuation at the start of a line or an opening bracket at the end of one.
pub fn phrases(text: &str) -> Vec<String> {
    let model = budoux::models::default_japanese_model();
    let mut out: Vec<String> = Vec::new();
    for phrase in budoux::parse(model, text) {
        if phrase.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if !may_break_between(last, &phrase) => last.push_str(&phrase),
            _ => out.push(phrase),
        }
    }
    out
}

/// Whether a line may end with `before` and the next begin with `after` (kinsoku), looking
/// past the spaces a break drops.
fn may_break_between(before: &str, after: &str) -> bool {
    match (
        before.trim_end().chars().last(),
        after.trim_start().chars().next(),
    ) {
        (Some(b), Some(a)) => !no_line_end(b) && !no_line_start(a),
        _ => true,
    }
}

fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '）'
            | ')'
            | '」'
            | '』'
            | '】'
            | 'ー'
            | '・'
            | '：'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
    )
}

fn no_line_end(c: char) -> bool {
    matches!(c, '（' | '(' | '「' | '『' | '【')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::style::FONT;

    #[test]
    fn glyphs_are_the_fonts_own() {
        let font = Font::load(FONT).unwrap();
        // Twice: the first look-up fills the table, the second reads it.
        for _ in 0..2 {
            for c in (0..=0x2_FFFF).filter_map(char::from_u32) {
                assert_eq!(font.glyph(c), font.inner().glyph_id(c), "{c:?}");
            }
        }
    }

    #[test]
    fn lays_out_japanese_with_advances() {
        let font = Font::load(FONT).unwrap();
        let line = font.layout("行政マネジメント課", 24.0).unwrap();
        assert_eq!(line.glyphs.len(), 9);
        assert!(
            line.width > 150.0 && line.width < 24.0 * 9.5,
            "{}",
            line.width
        );
        let xs: Vec<f32> = line.glyphs.iter().map(|g| g.1).collect();
        assert!(xs.windows(2).all(|w| w[1] > w[0]));
    }

    #[test]
    fn missing_glyph_is_an_error_naming_the_character() {
        let font = Font::load(FONT).unwrap();
        match font.layout("課\u{10FFFD}", 24.0) {
            Err(ChartError::MissingGlyph { character, .. }) => assert_eq!(character, '\u{10FFFD}'),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wraps_lists_between_items() {
        let font = Font::load(FONT).unwrap();
        let items: Vec<String> = ["行政マネジメント課", "ダイバーシティ推進課", "人事課"]
            .map(String::from)
            .into();
        let lines = font.wrap_list(&items, "、", 18.0, 300.0).unwrap();
        assert_eq!(
            lines,
            vec![
                "行政マネジメント課、".to_string(),
                "ダイバーシティ推進課、人事課".to_string()
            ]
        );
    }

    #[test]
    fn leaves_no_single_character_on_the_last_line() {
        let font = Font::load(FONT).unwrap();
        let text = "行政サービスのデジタル化";
        let width = font.width("行政サービスのデジタル", 20.0).unwrap() + 1.0;
        let lines = font.wrap(text, 20.0, width).unwrap();
        assert_eq!(lines.concat(), text);
        assert!(lines.last().unwrap().chars().count() >= 2, "{lines:?}");
    }

    #[test]
    fn wraps_without_losing_text_or_breaking_before_punctuation() {
        let font = Font::load(FONT).unwrap();
        let text = "戦略的な資産マネジメントと多様な財源確保による持続可能な財政基盤の構築";
        let lines = font.wrap(text, 24.0, 300.0).unwrap();
        assert!(lines.len() >= 2);
        assert_eq!(lines.concat(), text);
        for l in &lines {
            assert!(font.width(l, 24.0).unwrap() <= 300.0);
            assert!(!l.starts_with('ー') && !l.starts_with('、'));
        }
    }

    #[test]
    fn breaks_between_phrases_not_inside_words() {
        let font = Font::load(FONT).unwrap();
        // The widths by-goal gave its labels, where the old wrapping cut 「持続可／能な」.
        for (text, width) in [
            (
                "戦略的な資産マネジメントと多様な財源確保による持続可能な財政基盤の構築",
                260.0,
            ),
            ("様々な主体との連携による持続可能なまちづくり", 260.0),
        ] {
            let lines = font.wrap(text, 20.0, width).unwrap();
            assert!(lines.len() >= 2, "{lines:?}");
            assert_eq!(lines.concat(), text);
            let mut at = 0;
            let mut bounds = vec![0];
            for p in phrases(text) {
                at += p.len();
                bounds.push(at);
            }
            let mut end = 0;
            for l in &lines {
                end += l.len();
                assert!(bounds.contains(&end), "{lines:?} breaks inside {bounds:?}");
            }
            assert!(
                !lines
                    .iter()
                    .any(|l| l.starts_with("能な") || l.starts_with("続可能"))
            );
        }
    }

    #[test]
    fn a_phrase_wider_than_the_line_is_broken_between_characters_with_kinsoku() {
        let font = Font::load(FONT).unwrap();
        let text = "公有資産マネジメント課";
        let width = font.width("公有資産", 20.0).unwrap() + 1.0;
        let lines = font.wrap(text, 20.0, width).unwrap();
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.concat(), text);
        for l in &lines {
            assert!(font.width(l, 20.0).unwrap() <= width, "{lines:?}");
            assert!(!l.starts_with('ー'), "{lines:?}");
        }
    }

    #[test]
    fn phrases_keep_kinsoku_and_lose_no_text() {
        for text in [
            "文化施設：郡山市民文化センター、郡山音楽・文化交流館（文化振興課）",
            "ゼロ市債（債務負担行為）の活用",
            "1-1-1　行政組織の見直し",
        ] {
            let p = phrases(text);
            assert_eq!(p.concat(), text);
            for w in p.windows(2) {
                assert!(may_break_between(&w[0], &w[1]), "{p:?}");
            }
            assert!(
                !p.iter().any(|x| x.starts_with('）') || x.ends_with('（')),
                "{p:?}"
            );
        }
    }
}
