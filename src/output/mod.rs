//! The output languages that people open in other programs, each with the one writer that
//! escapes what the data says: [`csv`] for spreadsheets, [`xlsx`] for Excel workbooks,
//! [`markdown`] for GitHub's pages and comments, [`html`] for the page and the SVG charts,
//! [`github`] for the annotations of `check --format github`, [`ci`] for lines a CI runner
//! reads.

pub mod ci;
pub mod csv;
pub mod github;
pub mod html;
pub mod markdown;
pub mod xlsx;
