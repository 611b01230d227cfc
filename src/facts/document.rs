//! A checked file: the parsed document its own rules look at, and what the checks keep of it
//! for the rules across files.

use serde_json::Value;

use super::schema::FileSchema;
use crate::model::{Kind, Outline, Plan, PlanId, Register};

/// A file that has parsed as JSON and is to be checked.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    pub path: String,
    pub text: &'t str,
    pub value: Value,
    /// What the parse noticed (a repeated key; text the rules on text need not see).
    pub notes: Notes,
    /// The schema it is checked against.
    pub schema: FileSchema,
}

/// What the checks keep of a file once its own rules have run: the JSON tree is dropped, so
/// memory holds typed content, not every file's tree at once.
#[derive(Debug, Clone)]
pub enum Content {
    /// The file could not be read (`file-read` has said why).
    Unread,
    /// The file is not UTF-8 JSON, or a plan file holds JSON that is not an object
    /// (`json-syntax` or `schema` has said so, if the file's name says what it is).
    NotJson,
    /// The outline, if its content has the outline's shape.
    Outline(Option<Outline>),
    /// The register, if its content has the register's shape.
    Register(Option<Register>),
    /// A plan, read leniently (see [`Plan::lenient`]).
    Plan(Plan),
    /// A misplaced outline or register, or a JSON file that is not a plan: not checked
    /// further (file-location says what to do with it).
    SetAside,
}

/// A JSON file found under `plans/`, after the rules that look at it alone.
#[derive(Debug, Clone)]
pub struct Checked {
    pub path: String,
    /// The text, to place diagnostics and show their lines; `None` if the file could not be
    /// read or is not text, or if its text was not kept (see `check::KeepTexts`).
    pub text: Option<String>,
    /// The length and hash of a text that was not kept, to know it again when it is read
    /// back for a diagnostic of a cross-file rule.
    pub dropped: Option<Digest>,
    pub kind: Kind,
    pub content: Content,
    /// The file's own rules found no error in it.
    pub valid: bool,
    /// The plan id inside the file, if it holds a plan with a well-formed id.
    pub id: Option<PlanId>,
    /// A file named after a plan sits in that plan's place, `plans/goal-G/G-I-N.json`.
    pub in_place: bool,
}

/// What the parse notices on its way through a file, so that the rules that would look for it
/// in every file look only in the files that have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notes {
    /// Some object repeats a key (the value keeps the last one; the second parse that places
    /// the repeated key, [`Located::repeated_keys`](crate::json::Located::repeated_keys), runs
    /// only then).
    pub repeated_keys: bool,
    /// Every string value is [`text::quiet`](super::text::quiet): the rules on text have
    /// nothing to say about this file, and its strings are not walked again.
    pub quiet_text: bool,
}

/// The length and hash of a file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest {
    len: usize,
    hash: u64,
}

impl Digest {
    pub fn of(bytes: &[u8]) -> Digest {
        use std::hash::Hasher as _;
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(bytes);
        Digest {
            len: bytes.len(),
            hash: hasher.finish(),
        }
    }
}
