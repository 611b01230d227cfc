//! What the rules look at: each file as parsed ([`document`]), every file in path order
//! ([`docs`]), the compiled schemas ([`schema`]), which file is which plan and what the outline
//! holds ([`identity`], [`structure`], gathered in [`context`]), and the helpers some rules
//! share (departments named in plans, the progress set-up, the walk over every string). The
//! rules (`src/rules/`) stand on these; the check (`src/check/`) runs the rules over them.

pub mod context;
pub mod departments;
pub mod docs;
pub mod document;
pub mod identity;
pub mod progress;
pub mod schema;
pub mod structure;
pub mod text;
