//! The output languages that people open in other programs, each with the one writer that
//! escapes what the data says: [`csv`] for spreadsheets, [`markdown`] for GitHub's pages and
//! comments, [`html`] for the page and the SVG charts, [`ci`] for lines a CI runner reads.

pub mod ci;
pub mod csv;
pub mod html;
pub mod markdown;
