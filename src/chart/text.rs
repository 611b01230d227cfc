//! Text layout with the vendored font: glyph positions (advances and kerning), measuring and
//! line wrapping. Both canvases draw the glyphs laid out here, so PNG and SVG match.

use ab_glyph::{Font as _, FontRef, GlyphId, ScaleFont as _};

use super::ChartError;

/// The chart font, parsed once.
pub struct Font {
    font: FontRef<'static>,
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
        Ok(Font { font })
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
            let id = self.font.glyph_id(c);
            if id.0 == 0 && !c.is_whitespace() {
                return Err(ChartError::MissingGlyph {
                    character: c,
                    text: text.to_string(),
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

    pub fn width(&self, text: &str, size: f32) -> Result<f32, ChartError> {
        Ok(self.layout(text, size)?.width)
    }

    /// The distance from the baseline to the top of the tallest glyphs.
    pub fn ascent(&self, size: f32) -> f32 {
        self.font.as_scaled(size).ascent()
    }

    /// Splits `text` into lines no wider than `max_width`, breaking between characters (as
    /// Japanese allows) but never before closing punctuation or after opening brackets, and
    /// preferring a break after 、 or a space.
    pub fn wrap(&self, text: &str, size: f32, max_width: f32) -> Result<Vec<String>, ChartError> {
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
            while start < chars.len() && chars[start] == ' ' {
                start += 1;
            }
        }
        Ok(lines)
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
}
