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
