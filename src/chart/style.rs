//! Shared look of every chart: the font, the palette and the sizes.

/// BIZ UDPGothic, Morisawa's universal-design font for public documents (SIL OFL 1.1; see
/// `assets/fonts/OFL.txt`). Vendored so charts look the same on every machine.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/BIZUDPGothic-Regular.ttf");

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Mixes the colour with white: `amount` 0.0 keeps it, 1.0 gives white.
    pub fn tint(self, amount: f32) -> Rgb {
        let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * amount).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

pub const WHITE: Rgb = Rgb(255, 255, 255);
pub const TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);
pub const GRID: Rgb = Rgb(0xdd, 0xdd, 0xdd);
pub const AXIS: Rgb = Rgb(0x88, 0x88, 0x88);

/// Okabe–Ito colours, distinguishable with every common colour-vision deficiency. Goal N has
/// `GOAL_COLOURS[N - 1]` in every chart.
pub const GOAL_COLOURS: [Rgb; 7] = [
    Rgb(0x00, 0x72, 0xB2), // blue
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0xE6, 0x9F, 0x00), // orange
    Rgb(0x56, 0xB4, 0xE9), // sky blue
    Rgb(0xF0, 0xE4, 0x42), // yellow
];

/// The colour of goal `number` (1-based).
pub fn goal_colour(number: u64) -> Rgb {
    let i = (number.max(1) - 1) as usize % GOAL_COLOURS.len();
    GOAL_COLOURS[i]
}

/// The width of every chart at `--scale 1`, in pixels.
pub const WIDTH: f32 = 1600.0;
pub const TITLE_SIZE: f32 = 40.0;
pub const SUBTITLE_SIZE: f32 = 24.0;
pub const LABEL_SIZE: f32 = 24.0;
pub const SMALL_SIZE: f32 = 20.0;
pub const MARGIN: f32 = 48.0;
/// The most a chart meant for a portrait A4 page may be tall for its width (A4 is 1:√2).
pub const A4_PORTRAIT: f32 = 1.414;

/// The most portrait A4 pages one chart may take, printed at its width. A chart is a figure of
/// a document: the whole 体系図 of this plan takes 1.8 pages, a bar chart of a city's hundred
/// or so departments about 2; past ten pages a figure is a book nobody reads as one picture
/// (the 体系図 of 10,000 plans would take over 240), and its PNG a buffer that grows with the data.
/// A chart that would take more is not drawn, and the build says which and why; the 体系図 is
/// drawn per goal as well, so a plan too large for the whole one is still drawn in parts.
pub const MAX_PAGES: usize = 10;

/// How tall a portrait A4 page is for a chart `width` wide.
pub fn page_height(width: f32) -> f32 {
    width * A4_PORTRAIT
}

/// How many portrait A4 pages a chart `width` wide and `height` tall takes (a part counts).
pub fn pages(width: f32, height: f32) -> usize {
    (height / page_height(width)).ceil() as usize
}

/// The levels of a progress scale, best first, for scales of 2 to 9 levels: ColorBrewer's
/// RdYlBu (Cynthia Brewer, Apache-2.0), marked colour-blind safe, in its scheme for that
/// many classes, reversed so that blue is the best level and red the worst. Neighbouring
/// levels of a long scale can still look alike, so each segment also carries its code.
const PROGRESS_SCHEMES: [&[Rgb]; 8] = [
    &[Rgb(0x2c, 0x7b, 0xb6), Rgb(0xd7, 0x19, 0x1c)],
    &[
        Rgb(0x91, 0xbf, 0xdb),
        Rgb(0xff, 0xff, 0xbf),
        Rgb(0xfc, 0x8d, 0x59),
    ],
    &[
        Rgb(0x2c, 0x7b, 0xb6),
        Rgb(0xab, 0xd9, 0xe9),
        Rgb(0xfd, 0xae, 0x61),
        Rgb(0xd7, 0x19, 0x1c),
    ],
    &[
        Rgb(0x2c, 0x7b, 0xb6),
        Rgb(0xab, 0xd9, 0xe9),
        Rgb(0xff, 0xff, 0xbf),
        Rgb(0xfd, 0xae, 0x61),
        Rgb(0xd7, 0x19, 0x1c),
    ],
    &[
        Rgb(0x45, 0x75, 0xb4),
        Rgb(0x91, 0xbf, 0xdb),
        Rgb(0xe0, 0xf3, 0xf8),
        Rgb(0xfe, 0xe0, 0x90),
        Rgb(0xfc, 0x8d, 0x59),
        Rgb(0xd7, 0x30, 0x27),
    ],
    &[
        Rgb(0x45, 0x75, 0xb4),
        Rgb(0x91, 0xbf, 0xdb),
        Rgb(0xe0, 0xf3, 0xf8),
        Rgb(0xff, 0xff, 0xbf),
        Rgb(0xfe, 0xe0, 0x90),
        Rgb(0xfc, 0x8d, 0x59),
        Rgb(0xd7, 0x30, 0x27),
    ],
    &[
        Rgb(0x45, 0x75, 0xb4),
        Rgb(0x74, 0xad, 0xd1),
        Rgb(0xab, 0xd9, 0xe9),
        Rgb(0xe0, 0xf3, 0xf8),
        Rgb(0xfe, 0xe0, 0x90),
        Rgb(0xfd, 0xae, 0x61),
        Rgb(0xf4, 0x6d, 0x43),
        Rgb(0xd7, 0x30, 0x27),
    ],
    &[
        Rgb(0x45, 0x75, 0xb4),
        Rgb(0x74, 0xad, 0xd1),
        Rgb(0xab, 0xd9, 0xe9),
        Rgb(0xe0, 0xf3, 0xf8),
        Rgb(0xff, 0xff, 0xbf),
        Rgb(0xfe, 0xe0, 0x90),
        Rgb(0xfd, 0xae, 0x61),
        Rgb(0xf4, 0x6d, 0x43),
        Rgb(0xd7, 0x30, 0x27),
    ],
];

/// The plans not reported: a neutral grey, unlike every level's colour.
pub const UNREPORTED: Rgb = Rgb(0x96, 0x96, 0x96);

/// The colours of a scale of `levels` levels, best first. A scale longer than the palette (the
/// schema allows none) reuses its colours in order; the codes in the segments tell them apart.
pub fn progress_colours(levels: usize) -> Vec<Rgb> {
    match levels {
        0 => Vec::new(),
        1 => vec![PROGRESS_SCHEMES[0][0]],
        2..=9 => PROGRESS_SCHEMES[levels - 2].to_vec(),
        _ => {
            let nine = PROGRESS_SCHEMES[7];
            (0..levels).map(|i| nine[i * 9 / levels]).collect()
        }
    }
}

/// The relative luminance of a colour (WCAG 2).
fn luminance(c: Rgb) -> f32 {
    let channel = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// The contrast ratio of two colours (WCAG 2), from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The text colour that reads best on `fill`: white or the usual dark text.
pub fn ink_on(fill: Rgb) -> Rgb {
    if contrast(WHITE, fill) > contrast(TEXT, fill) {
        WHITE
    } else {
        TEXT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CIE L*a*b* of an sRGB colour (D65), for colour differences.
    fn lab(c: Rgb) -> (f32, f32, f32) {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let (r, g, b) = (lin(c.0), lin(c.1), lin(c.2));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f32| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        (
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        )
    }

    fn delta_e(a: Rgb, b: Rgb) -> f32 {
        let (p, q) = (lab(a), lab(b));
        ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2) + (p.2 - q.2).powi(2)).sqrt()
    }

    #[test]
    fn every_scale_has_distinct_colours_unlike_the_grey_of_unreported() {
        for n in 2..=9 {
            let colours = progress_colours(n);
            assert_eq!(colours.len(), n);
            for (i, a) in colours.iter().enumerate() {
                assert!(
                    delta_e(*a, UNREPORTED) > 20.0,
                    "{n} levels: level {i} {} is too close to the grey {}",
                    a.hex(),
                    UNREPORTED.hex()
                );
                assert!(delta_e(*a, WHITE) > 5.0, "{n} levels: level {i} on white");
                for b in &colours[i + 1..] {
                    assert!(delta_e(*a, *b) > 10.0, "{n}: {} {}", a.hex(), b.hex());
                }
            }
            // Best first: blue at the top of the scale, red at the bottom.
            assert!(colours[0].2 > colours[0].0 && colours[n - 1].0 > colours[n - 1].2);
        }
        assert_eq!(progress_colours(0), vec![]);
        assert_eq!(progress_colours(12).len(), 12);
    }

    #[test]
    fn ink_is_the_more_legible_of_white_and_dark() {
        for c in progress_colours(9).into_iter().chain([UNREPORTED]) {
            assert!(contrast(ink_on(c), c) >= 4.5, "{}", c.hex());
        }
    }
}
