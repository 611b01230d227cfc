//! A chart as a display list (rectangles, lines, laid-out text), and its two renderings:
//! PNG (drawn with plotters' bitmap backend, glyphs rasterised from the font) and SVG (glyph
//! outlines as paths, each glyph defined once and reused, the text kept in a `<title>`).
//! Both are byte-for-byte reproducible: no timestamps, fixed number formatting, sorted defs.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use ab_glyph::{Font as _, OutlineCurve, ScaleFont as _, point};
use plotters::prelude::{BitMapBackend, DrawingBackend, RGBColor, ShapeStyle};

use super::ChartError;
use super::style::{Rgb, WHITE, WIDTH};
use super::text::{Font, Line};

pub enum Item {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Rgb,
    },
    Text {
        line: Line,
        x: f32,
        baseline: f32,
        colour: Rgb,
    },
}

/// Where a text's x coordinate is measured from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
    /// Every text the chart wrapped, with the lines it got: what the tests check each line
    /// break of. Not drawn.
    pub wrapped: Vec<Wrapped>,
}

/// A text wrapped to a width: `pieces` joined are the text (one piece, or a list's items each
/// with its separator), and `lines` the lines drawn.
#[derive(Debug, Clone)]
pub struct Wrapped {
    pub pieces: Vec<String>,
    pub size: f32,
    pub width: f32,
    pub lines: Vec<String>,
}

impl Scene {
    pub fn new(width: f32, height: f32) -> Scene {
        Scene {
            width,
            height,
            items: Vec::new(),
            wrapped: Vec::new(),
        }
    }

    /// [`Font::wrap`], kept in [`Scene::wrapped`].
    pub fn wrap(
        &mut self,
        font: &Font,
        text: &str,
        size: f32,
        width: f32,
    ) -> Result<Vec<String>, ChartError> {
        let lines = font.wrap(text, size, width)?;
        self.wrapped.push(Wrapped {
            pieces: vec![text.to_string()],
            size,
            width,
            lines: lines.clone(),
        });
        Ok(lines)
    }

    /// [`Font::wrap_list`], kept in [`Scene::wrapped`].
    pub fn wrap_list(
        &mut self,
        font: &Font,
        items: &[String],
        separator: &str,
        size: f32,
        width: f32,
    ) -> Result<Vec<String>, ChartError> {
        let lines = font.wrap_list(items, separator, size, width)?;
        let pieces = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                if i + 1 < items.len() {
                    format!("{item}{separator}")
                } else {
                    item.clone()
                }
            })
            .collect();
        self.wrapped.push(Wrapped {
            pieces,
            size,
            width,
            lines: lines.clone(),
        });
        Ok(lines)
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
        self.items.push(Item::Rect { x, y, w, h, fill });
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, colour: Rgb) {
        self.items.push(Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            colour,
        });
    }

    /// Places a laid-out line of text with its baseline at `baseline`.
    pub fn text(&mut self, line: Line, x: f32, baseline: f32, anchor: Anchor, colour: Rgb) {
        let x = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - line.width / 2.0,
            Anchor::End => x - line.width,
        };
        self.items.push(Item::Text {
            line,
            x,
            baseline,
            colour,
        });
    }

    /// Encodes the scene as a PNG `scale` times [`WIDTH`] pixels wide, whatever the scene's
    /// own width (a narrower scene, such as a 体系図 laid out for an A4 page, is enlarged).
    pub fn to_png(&self, font: &Font, scale: u32) -> Result<Vec<u8>, ChartError> {
        let s = if self.width > 0.0 {
            scale as f32 * (WIDTH / self.width)
        } else {
            scale as f32
        };
        let (w, h) = (
            (self.width * s).round() as u32,
            (self.height * s).round() as u32,
        );
        let mut buf = vec![255u8; (w as usize) * (h as usize) * 3];
        {
            let mut backend = BitMapBackend::with_buffer(&mut buf, (w, h));
            for item in &self.items {
                let drawn = match item {
                    Item::Rect {
                        x,
                        y,
                        w: rw,
                        h: rh,
                        fill,
                    } => backend.draw_rect(
                        ((x * s).round() as i32, (y * s).round() as i32),
                        (
                            ((x + rw) * s).round() as i32 - 1,
                            ((y + rh) * s).round() as i32 - 1,
                        ),
                        &style(*fill, 1.0),
                        true,
                    ),
                    Item::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width,
                        colour,
                    } => backend.draw_line(
                        ((x1 * s).round() as i32, (y1 * s).round() as i32),
                        ((x2 * s).round() as i32, (y2 * s).round() as i32),
                        &style(*colour, (width * s).max(1.0)),
                    ),
                    Item::Text { .. } => Ok(()),
                };
                drawn.map_err(|_| ChartError::Draw {
                    chart: String::new(),
                })?;
            }
            backend.present().map_err(|_| ChartError::Draw {
                chart: String::new(),
            })?;
        }
        for item in &self.items {
            if let Item::Text {
                line,
                x,
                baseline,
                colour,
            } = item
            {
                rasterise(font, line, x * s, baseline * s, s, *colour, &mut buf, w, h);
            }
        }
        if w == 0 || h == 0 {
            return Err(ChartError::Draw {
                chart: String::new(),
            });
        }
        Ok(png_rgb(w, h, &buf))
    }

    /// Writes the scene as SVG. Text is drawn with the font's own outlines, so it looks the
    /// same on a machine with no Japanese font; the text itself is kept in `<title>`.
    pub fn to_svg(&self, font: &Font) -> String {
        // Each glyph's outline once, in `<defs>` (a glyph without one, a space, draws nothing);
        // and room for the whole text, so that it is never copied to grow.
        let mut glyphs: BTreeMap<u16, Option<Arc<str>>> = BTreeMap::new();
        let mut room = 1024;
        for item in &self.items {
            room += match item {
                Item::Rect { .. } => 96,
                Item::Line { .. } => 128,
                Item::Text { line, .. } => {
                    for (id, _) in &line.glyphs {
                        if let std::collections::btree_map::Entry::Vacant(slot) = glyphs.entry(id.0)
                        {
                            let path = font.svg_path(*id, || glyph_path(font, *id));
                            room += path.as_ref().map_or(0, |p| p.len() + 32);
                            slot.insert(path);
                        }
                    }
                    96 + 2 * line.text.len() + 32 * line.glyphs.len()
                }
            };
        }
        let mut svg = String::with_capacity(room);
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#,
            w = Num(self.width),
            h = Num(self.height)
        );
        svg.push_str("<defs>\n");
        for (id, d) in &glyphs {
            if let Some(d) = d {
                let _ = writeln!(svg, r#"<path id="g{id}" d="{d}"/>"#);
            }
        }
        svg.push_str("</defs>\n");
        let _ = writeln!(
            svg,
            r#"<rect width="100%" height="100%" fill="{}"/>"#,
            WHITE.hex()
        );
        // Numbers and glyph ids are written by hand (`push_num`, `push_whole`): a chart holds
        // tens of thousands of them, and formatting each through `write!` was most of the
        // time to write the SVGs of a site.
        for item in &self.items {
            match item {
                Item::Rect { x, y, w, h, fill } => {
                    svg.push_str("<rect x=\"");
                    push_num(&mut svg, *x);
                    svg.push_str("\" y=\"");
                    push_num(&mut svg, *y);
                    svg.push_str("\" width=\"");
                    push_num(&mut svg, *w);
                    svg.push_str("\" height=\"");
                    push_num(&mut svg, *h);
                    svg.push_str("\" fill=\"");
                    push_hex(&mut svg, *fill);
                    svg.push_str("\"/>\n");
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    colour,
                } => {
                    svg.push_str("<line x1=\"");
                    push_num(&mut svg, *x1);
                    svg.push_str("\" y1=\"");
                    push_num(&mut svg, *y1);
                    svg.push_str("\" x2=\"");
                    push_num(&mut svg, *x2);
                    svg.push_str("\" y2=\"");
                    push_num(&mut svg, *y2);
                    svg.push_str("\" stroke=\"");
                    push_hex(&mut svg, *colour);
                    svg.push_str("\" stroke-width=\"");
                    push_num(&mut svg, *width);
                    svg.push_str("\"/>\n");
                }
                Item::Text {
                    line,
                    x,
                    baseline,
                    colour,
                } => {
                    // The glyphs of a line share their scale and baseline: one transform for
                    // the line, each glyph placed along it in font units.
                    let scaled = font.inner().as_scaled(line.size);
                    // The scale to a millionth (a glyph's size to a few parts in 100,000;
                    // a thousandth was up to 2.5 % off at small sizes), and the glyphs placed
                    // by the scale as written, so that the line keeps its length.
                    let h_scale = fine(scaled.h_scale_factor());
                    let scale: f32 = h_scale.parse().unwrap_or(scaled.h_scale_factor());
                    svg.push_str("<g fill=\"");
                    push_hex(&mut svg, *colour);
                    svg.push_str("\" transform=\"matrix(");
                    svg.push_str(&h_scale);
                    svg.push_str(" 0 0 -");
                    svg.push_str(&fine(scaled.v_scale_factor()));
                    svg.push(' ');
                    push_num(&mut svg, *x);
                    svg.push(' ');
                    push_num(&mut svg, *baseline);
                    svg.push_str(")\"><title>");
                    crate::output::html::push(&mut svg, &line.text);
                    svg.push_str("</title>");
                    for (id, gx) in &line.glyphs {
                        if !matches!(glyphs.get(&id.0), Some(Some(_))) {
                            continue;
                        }
                        svg.push_str("<use href=\"#g");
                        push_whole(&mut svg, u64::from(id.0));
                        let along = (gx / scale).round();
                        if along != 0.0 {
                            svg.push_str("\" x=\"");
                            push_num(&mut svg, along);
                        }
                        svg.push_str("\"/>");
                    }
                    svg.push_str("</g>\n");
                }
            }
        }
        svg.push_str("</svg>\n");
        svg
    }
}

fn style(c: Rgb, width: f32) -> ShapeStyle {
    ShapeStyle {
        color: RGBColor(c.0, c.1, c.2).into(),
        filled: true,
        stroke_width: width.round() as u32,
    }
}

/// Draws a line of text into an RGB buffer, blending each glyph's coverage over what is there.
#[allow(clippy::too_many_arguments)]
fn rasterise(
    font: &Font,
    line: &Line,
    x: f32,
    baseline: f32,
    scale: f32,
    colour: Rgb,
    buf: &mut [u8],
    w: u32,
    h: u32,
) {
    let size = line.size * scale;
    for (id, gx) in &line.glyphs {
        let glyph = id.with_scale_and_position(size, point(x + gx * scale, baseline));
        let Some(outlined) = font.inner().outline_glyph(glyph) else {
            continue;
        };
        let bounds = outlined.px_bounds();
        outlined.draw(|px, py, coverage| {
            let xx = bounds.min.x as i32 + px as i32;
            let yy = bounds.min.y as i32 + py as i32;
            if xx < 0 || yy < 0 || xx >= w as i32 || yy >= h as i32 {
                return;
            }
            let i = (yy as usize * w as usize + xx as usize) * 3;
            let a = coverage.clamp(0.0, 1.0);
            for (k, c) in [colour.0, colour.1, colour.2].into_iter().enumerate() {
                let bg = f32::from(buf[i + k]);
                buf[i + k] = (f32::from(c) * a + bg * (1.0 - a)).round() as u8;
            }
        });
    }
}

/// A glyph's outline as SVG path data, in font units (y up), written short: each point
/// relative to the one before (`m l h v q c`), a command letter only where it changes, a
/// contour's last line back to its start left to `z`, and lines of no length left out. The
/// shape is the font's, point for point (to a thousandth of a unit, as [`num`] writes it).
fn glyph_path(font: &Font, id: ab_glyph::GlyphId) -> Option<String> {
    let outline = font.inner().outline(id)?;
    Some(short_path(&outline.curves))
}

/// A point in thousandths of a font unit: relative steps between such points add up exactly.
type Milli = (i64, i64);

fn milli(p: ab_glyph::Point) -> Milli {
    let m = |v: f32| (f64::from(v) * 1000.0).round() as i64;
    (m(p.x), m(p.y))
}

/// [`glyph_path`]'s writing of `curves`.
fn short_path(curves: &[OutlineCurve]) -> String {
    let mut pen = PathPen::default();
    for curve in curves {
        match curve {
            OutlineCurve::Line(p0, p1) => {
                pen.begin(milli(*p0));
                pen.line(milli(*p1));
            }
            OutlineCurve::Quad(p0, p1, p2) => {
                pen.begin(milli(*p0));
                pen.curve('q', &[milli(*p1), milli(*p2)]);
            }
            OutlineCurve::Cubic(p0, p1, p2, p3) => {
                pen.begin(milli(*p0));
                pen.curve('c', &[milli(*p1), milli(*p2), milli(*p3)]);
            }
        }
    }
    pen.close();
    pen.d
}

/// Writes path data command by command, remembering where it is.
#[derive(Default)]
struct PathPen {
    d: String,
    /// The last command letter written: a repeat of it goes without its letter.
    last: char,
    /// Where the pen is, and where its contour began.
    at: Milli,
    start: Milli,
    /// Something has been drawn since the contour began (it is not closed).
    open: bool,
}

impl PathPen {
    /// Moves to `p` to draw from there, unless the pen is there (after `z`, a path goes on
    /// from its contour's start without a move).
    fn begin(&mut self, p: Milli) {
        if p == self.at && !self.d.is_empty() {
            return;
        }
        self.close();
        self.command('m');
        self.numbers(&[p], self.at);
        self.at = p;
        self.start = p;
    }

    fn line(&mut self, p: Milli) {
        if p == self.at {
            return;
        }
        if p == self.start {
            self.close();
            return;
        }
        let from = self.at;
        if p.1 == from.1 {
            self.command('h');
            self.number(p.0 - from.0);
        } else if p.0 == from.0 {
            self.command('v');
            self.number(p.1 - from.1);
        } else {
            self.command('l');
            self.numbers(&[p], from);
        }
        self.at = p;
        self.open = true;
    }

    fn curve(&mut self, command: char, points: &[Milli]) {
        self.command(command);
        self.numbers(points, self.at);
        self.at = points[points.len() - 1];
        self.open = true;
        if self.at == self.start {
            self.close();
        }
    }

    fn close(&mut self) {
        if self.open {
            self.d.push('z');
            self.last = 'z';
            self.at = self.start;
            self.open = false;
        }
    }

    fn command(&mut self, c: char) {
        // After `m`, numbers without a letter would be a line: `m` is always written.
        if self.last != c || c == 'm' {
            self.d.push(c);
            self.last = c;
        }
    }

    /// Each point relative to `from` (all of a segment's points are relative to its start).
    fn numbers(&mut self, points: &[Milli], from: Milli) {
        for p in points {
            self.number(p.0 - from.0);
            self.number(p.1 - from.1);
        }
    }

    /// A number in thousandths, after a space only where it would run into the one before.
    fn number(&mut self, m: i64) {
        if m >= 0 && self.d.ends_with(|c: char| c.is_ascii_digit()) {
            self.d.push(' ');
        }
        push_thousandths(&mut self.d, m);
    }
}

/// A number with at most three decimals and no trailing zeros: stable across machines.
pub fn num(v: f32) -> String {
    Num(v).to_string()
}

/// [`num`], written straight into the text it is part of.
#[derive(Clone, Copy)]
struct Num(f32);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut text = String::new();
        push_num(&mut text, self.0);
        f.write_str(&text)
    }
}

/// Writes [`num`] of `v` at the end of `out`.
fn push_num(out: &mut String, v: f32) {
    // Thousandths as a whole number: an f32 times 1000 is exact in an f64 (24 + 10 bits), so
    // rounding it to the nearest whole number is what `{:.3}` does, but for a value exactly
    // halfway (which `{:.3}` rounds its own way) and values too large, which go the slow way.
    let thousandths = f64::from(v) * 1000.0;
    if thousandths.abs() < 1.0e15 && (thousandths - thousandths.trunc()).abs() != 0.5 {
        push_thousandths(out, thousandths.round() as i64);
        return;
    }
    let text = format!("{v:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    out.push_str(if text == "-0" { "0" } else { text });
}

/// A positive scale with at most six decimals and no trailing zeros.
fn fine(v: f32) -> String {
    let text = format!("{v:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Writes `m` thousandths as a decimal at the end of `out`: at most three decimals, no trailing
/// zeros (`1500` → `1.5`, `-20` → `-0.02`, `0` → `0`).
fn push_thousandths(out: &mut String, m: i64) {
    if m < 0 {
        out.push('-');
    }
    let m = m.unsigned_abs();
    push_whole(out, m / 1000);
    let (mut part, mut digits) = (m % 1000, 3);
    if part != 0 {
        while part % 10 == 0 {
            part /= 10;
            digits -= 1;
        }
        out.push('.');
        for k in (0..digits).rev() {
            out.push(char::from(b'0' + (part / 10u64.pow(k) % 10) as u8));
        }
    }
}

/// Writes a whole number in decimal at the end of `out`.
fn push_whole(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// Writes a colour as `#rrggbb` (as [`Rgb::hex`]) at the end of `out`.
fn push_hex(out: &mut String, colour: Rgb) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push('#');
    for v in [colour.0, colour.1, colour.2] {
        out.push(char::from(DIGITS[usize::from(v >> 4)]));
        out.push(char::from(DIGITS[usize::from(v & 15)]));
    }
}

/// An RGB image (`rgb`, `w` × `h`, 8 bits a channel) as a PNG file: the signature, `IHDR`,
/// one `IDAT` and `IEND`. The rows are not filtered and are deflated at level 1 by miniz_oxide
/// in one call: on these flat-coloured charts, runs of one colour that long matches find as
/// well without a filter (nine times faster than the png crate's level 6 with adaptive
/// filters, files about 5 % larger; see bench/README.md). Written here rather than by the
/// png crate, whose deflating goes through flate2: the backend flate2 uses is chosen by the
/// features every crate of the build asks for (the xlsx writer's zip asks for zlib-rs), and a
/// committed chart must be the same bytes whatever else the build holds.
fn png_rgb(w: u32, h: u32, rgb: &[u8]) -> Vec<u8> {
    let row = w as usize * 3;
    let mut raw = Vec::with_capacity((row + 1) * h as usize);
    for line in rgb.chunks(row.max(1)) {
        raw.push(0);
        raw.extend_from_slice(line);
    }
    let idat = miniz_oxide::deflate::compress_to_vec_zlib(&raw, 1);
    drop(raw);
    let mut out = Vec::with_capacity(idat.len() + 64);
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut chunk = |kind: &[u8; 4], data: &[u8]| {
        // A chunk is far smaller than 4 GiB: the image is at most a few hundred MB.
        out.extend_from_slice(&u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(&crc.finalize().to_be_bytes());
    };
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&w.to_be_bytes());
    header.extend_from_slice(&h.to_be_bytes());
    // 8 bits a channel, RGB, deflate, adaptive filtering method, no interlace.
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &header);
    chunk(b"IDAT", &idat);
    chunk(b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How numbers were written before they were written in place: the SVGs keep their bytes.
    fn through_a_string(v: f32) -> String {
        let s = format!("{:.3}", v);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".to_string()
        } else {
            s.to_string()
        }
    }

    /// A segment drawn: its kind and its points from the pen's, in thousandths of a unit.
    type Drawn = (char, Vec<Milli>);

    /// Reads path data as [`short_path`] writes it (`m l h v q c z`, relative, repeated
    /// commands without their letter), back into the segments it draws, `z`'s line included.
    fn draw(d: &str) -> Vec<Drawn> {
        let mut tokens = Vec::new();
        let mut rest = d;
        while let Some(c) = rest.chars().next() {
            if c.is_ascii_alphabetic() {
                tokens.push(Err(c));
                rest = &rest[1..];
            } else if c == ' ' {
                rest = &rest[1..];
            } else {
                let end = rest[1..]
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .map_or(rest.len(), |i| i + 1);
                let v: f64 = rest[..end].parse().unwrap();
                tokens.push(Ok((v * 1000.0).round() as i64));
                rest = &rest[end..];
            }
        }
        let (mut at, mut start) = ((0, 0), (0, 0));
        let mut command = ' ';
        let mut drawn = Vec::new();
        let mut i = 0;
        let take = |i: &mut usize| -> i64 {
            *i += 1;
            tokens[*i - 1].unwrap()
        };
        while i < tokens.len() {
            if let Err(c) = tokens[i] {
                command = c;
                i += 1;
                if c == 'z' {
                    if at != start {
                        drawn.push(('l', vec![at, start]));
                    }
                    at = start;
                    continue;
                }
            }
            let point = |i: &mut usize| {
                let dx = take(i);
                let dy = take(i);
                (at.0 + dx, at.1 + dy)
            };
            match command {
                'm' => {
                    at = point(&mut i);
                    start = at;
                    command = 'l';
                }
                'l' => {
                    let p = point(&mut i);
                    drawn.push(('l', vec![at, p]));
                    at = p;
                }
                'h' => {
                    let p = (at.0 + take(&mut i), at.1);
                    drawn.push(('l', vec![at, p]));
                    at = p;
                }
                'v' => {
                    let p = (at.0, at.1 + take(&mut i));
                    drawn.push(('l', vec![at, p]));
                    at = p;
                }
                'q' | 'c' => {
                    let n = if command == 'q' { 2 } else { 3 };
                    let mut points = vec![at];
                    for _ in 0..n {
                        points.push(point(&mut i));
                    }
                    at = *points.last().unwrap();
                    drawn.push((command, points));
                }
                other => panic!("{other} in {d}"),
            }
        }
        drawn
    }

    /// Every glyph of the font, written short and read back, draws the font's own segments
    /// (a line of no length aside, and each contour closed as a fill closes it).
    #[test]
    fn short_glyph_paths_draw_the_fonts_outlines() {
        let font = Font::load(super::super::style::FONT).unwrap();
        let mut glyphs = 0;
        for id in 0..font.inner().glyph_count() {
            let Some(outline) = font.inner().outline(ab_glyph::GlyphId(id as u16)) else {
                continue;
            };
            glyphs += 1;
            let mut expected: Vec<Drawn> = Vec::new();
            let (mut at, mut start): (Option<Milli>, Milli) = (None, (0, 0));
            for curve in &outline.curves {
                let (kind, points) = match curve {
                    OutlineCurve::Line(a, b) => ('l', vec![milli(*a), milli(*b)]),
                    OutlineCurve::Quad(a, b, c) => ('q', vec![milli(*a), milli(*b), milli(*c)]),
                    OutlineCurve::Cubic(a, b, c, e) => {
                        ('c', vec![milli(*a), milli(*b), milli(*c), milli(*e)])
                    }
                };
                if at != Some(points[0]) {
                    if let Some(end) = at.filter(|end| *end != start) {
                        expected.push(('l', vec![end, start]));
                    }
                    start = points[0];
                }
                at = points.last().copied();
                if kind == 'l' && points[0] == points[1] {
                    continue;
                }
                expected.push((kind, points));
            }
            if let Some(end) = at.filter(|end| *end != start) {
                expected.push(('l', vec![end, start]));
            }
            let d = short_path(&outline.curves);
            assert_eq!(draw(&d), expected, "glyph {id}: {d}");
        }
        assert!(glyphs > 1000, "{glyphs} glyphs with outlines");
    }

    /// In the SVG each glyph of a line is drawn at the size and the place the layout gave it
    /// (as the PNG draws it), at every size the charts use: the line's scale as written, times
    /// a glyph's place along it, plus the line's start.
    #[test]
    fn svg_glyphs_are_drawn_at_the_layouts_size_and_place() {
        let font = Font::load(super::super::style::FONT).unwrap();
        for size in [11.0, 13.5, 16.0, 20.0, 24.0, 40.0] {
            let line = font.layout("架空の計画（2026年度）Ab", size).unwrap();
            let expected: Vec<f32> = line.glyphs.iter().map(|(_, gx)| 30.5 + gx).collect();
            let true_scale = font.inner().as_scaled(size).h_scale_factor();
            let scene = Scene {
                width: 800.0,
                height: 100.0,
                items: vec![Item::Text {
                    line,
                    x: 30.5,
                    baseline: 60.0,
                    colour: Rgb(0, 0, 0),
                }],
                wrapped: Vec::new(),
            };
            let svg = scene.to_svg(&font);
            let matrix = svg.split("transform=\"matrix(").nth(1).unwrap();
            let numbers: Vec<f32> = matrix[..matrix.find(')').unwrap()]
                .split(' ')
                .map(|n| n.parse().unwrap())
                .collect();
            let (scale, start) = (numbers[0], numbers[4]);
            assert!(
                ((scale - true_scale) / true_scale).abs() < 1e-4,
                "size {size}: scale {scale}, the font's {true_scale}"
            );
            assert_eq!(numbers[3], -scale, "size {size}");
            let placed: Vec<f32> = svg
                .split("<use ")
                .skip(1)
                .map(|u| {
                    let along = u
                        .split("x=\"")
                        .nth(1)
                        .filter(|_| !u.starts_with("href=\"#g") || u.contains(" x=\""))
                        .map_or(0.0, |x| x[..x.find('"').unwrap()].parse().unwrap());
                    start + scale * along
                })
                .collect();
            assert_eq!(placed.len(), expected.len(), "size {size}: {svg}");
            for (p, e) in placed.iter().zip(&expected) {
                assert!(
                    (p - e).abs() < 0.02,
                    "size {size}: a glyph at {p}, laid out at {e}"
                );
            }
        }
    }

    #[test]
    fn colours_are_written_as_before() {
        for c in [
            Rgb(0, 0, 0),
            Rgb(255, 255, 255),
            Rgb(0x00, 0x72, 0xB2),
            Rgb(9, 160, 15),
        ] {
            let mut out = String::new();
            push_hex(&mut out, c);
            assert_eq!(out, c.hex());
        }
    }

    #[test]
    fn numbers_are_written_as_before() {
        let mut values = vec![
            // Exactly halfway between two thousandths.
            0.0625,
            -0.0625,
            1.0625,
            0.1875,
            2.4375,
            0.0,
            -0.0,
            -0.0004,
            0.0005,
            1.0,
            10.0,
            100.0,
            1600.0,
            0.012_207_031,
            -0.012_207_031,
            123.456_79,
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
        ];
        let mut x = 0.1f32;
        while x < 1.0e7 {
            values.push(x);
            values.push(-x * 1.37);
            x *= 1.618;
        }
        // Every thousandth from -1000 to 1000, and the floats around each.
        for k in -1_000_000..=1_000_000 {
            let v = k as f32 / 1000.0;
            values.extend([
                v,
                f32::from_bits(v.to_bits() + 1),
                f32::from_bits(v.to_bits().max(1) - 1),
            ]);
        }
        for v in values {
            assert_eq!(num(v), through_a_string(v), "{v}");
        }
    }
}
