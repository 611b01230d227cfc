//! `plans`: the implementation plan of 「郡山市行財政改革大綱2026実施計画」 as data, and the
//! checks that guard it.
//!
//! Data flows one way: [`repo`] reads the files, [`check`] parses and checks them into a
//! [`check::Outcome`] (diagnostics plus the typed [`model`]), and the renderers in
//! [`check::render`] turn diagnostics into text. See ARCHITECTURE.md.

pub mod chart;
pub mod check;
pub mod mem;
pub mod messages;
pub mod model;
pub mod par;
pub mod repo;
pub mod span;
pub mod stats;
