//! `plans`: the implementation plan of 「郡山市行財政改革大綱2026実施計画」 as data, and the
//! checks and charts that guard and present it.
//!
//! Data flows one way (see ARCHITECTURE.md): [`model`], [`diagnostic`], [`chars`] and the
//! typed [`messages`] at the bottom; loading ([`repo`], [`safe_io`], [`git`]); checking
//! ([`check`]); presenting ([`render`], [`stats`], [`chart`], [`editor`], [`canonical`],
//! [`diff`], [`generated`]); and the [`commands`], which the binary calls.

#![forbid(unsafe_code)]

pub mod canonical;
pub mod chars;
pub mod chart;
pub mod check;
pub mod commands;
pub mod diagnostic;
pub mod diff;
pub mod editor;
pub mod export;
pub mod facts;
pub mod fix;
pub mod generated;
pub mod git;
pub mod json;
pub mod messages;
pub mod model;
pub mod output;
pub mod par;
pub mod progress;
pub mod publish;
pub mod render;
pub mod repo;
pub mod report;
pub mod rules;
pub mod safe_io;
pub mod sheet;
pub mod site;
pub mod span;
pub mod stats;
