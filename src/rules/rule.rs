//! What a rule is: its id, severity, words for the docs, and when and on what it runs.
//! Each rule is one file beside this one; `mod.rs` lists them.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::document::Document;
use crate::facts::schema::Schemas;
use crate::facts::text::TextCheck;
use crate::messages::{Doc, Message};

/// When and on what a rule runs.
pub enum Run {
    /// Reported from what loading found (entries under `plans/` that do not belong, files that
    /// could not be read): the pipeline calls the rule's own functions with those facts
    /// (`file_read::stray`, `file_read::unread`, `non_json_file::report`), as no file is there
    /// to run on.
    Loading,
    /// Reported while a file is parsed, and then on the parsed document.
    Parsing(fn(&Document, &mut Vec<Diagnostic>)),
    /// On one parsed file at a time.
    Document(fn(&Schemas, &Document, &mut Vec<Diagnostic>)),
    /// On each string of one parsed file, with its path (the strings are walked once for
    /// every such rule).
    Text(TextCheck),
    /// On every file together.
    Repository(fn(&Context, &mut Vec<Diagnostic>)),
}

/// One rule.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: Doc,
    pub fix: Doc,
    /// What staff read under the rule's heading in the guide (`plans rules --format
    /// markdown`): when the problem happens and how to mend it, in Japanese, in Markdown.
    pub guide: &'static str,
    /// The code of every message the rule can give (in `--format json`), derived from its
    /// message type.
    pub codes: fn() -> Vec<&'static str>,
    /// One message of each kind the rule gives (and of each branch worded differently), for
    /// the snapshot of every sentence in both languages (`tests/catalogue.rs`).
    pub samples: fn() -> Vec<Message>,
    pub run: Run,
}

impl Rule {
    /// A diagnostic of this rule.
    pub fn report(
        &'static self,
        file: &str,
        target: Target,
        message: impl Into<Message>,
    ) -> Diagnostic {
        Diagnostic::new(self.id, self.severity, file, target, message.into())
    }
}

/// What the rules' samples are made of.
pub mod sample {
    use crate::messages::Field;
    use crate::model::PlanId;

    pub fn id(goal: u32, item: u32, number: u32) -> PlanId {
        PlanId {
            goal,
            area: item,
            number,
        }
    }

    pub fn named(name: &str) -> Field {
        Field::Named(name.to_string())
    }

    pub fn s(text: &str) -> String {
        text.to_string()
    }
}
