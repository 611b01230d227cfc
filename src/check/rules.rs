//! The registry: every rule, by its stable id, in the order it runs.
//!
//! `file-read` (in `repo`) and `json-syntax` (in `parse`) run first, while files are read and
//! parsed; a file that fails them takes no further part. Document rules then look at one
//! parsed file at a time; repository rules look at all of them together.

use super::diagnostic::Diagnostic;
use super::schema::Schemas;
use super::{Context, Document, departments, files, parse, schema, structure, text};

/// A rule that looks at one parsed file.
pub struct DocumentRule {
    pub id: &'static str,
    pub run: fn(&Schemas, &Document, &mut Vec<Diagnostic>),
}

/// A rule that looks at the repository as a whole.
pub struct RepositoryRule {
    pub id: &'static str,
    pub run: fn(&Context, &mut Vec<Diagnostic>),
}

pub const DOCUMENT_RULES: &[DocumentRule] = &[
    DocumentRule {
        id: parse::RULE,
        run: |_, doc, out| parse::duplicate_keys(doc, out),
    },
    DocumentRule {
        id: schema::RULE,
        run: schema::check,
    },
    DocumentRule {
        id: text::HYGIENE,
        run: |_, doc, out| text::hygiene(doc, out),
    },
    DocumentRule {
        id: text::LINE_WRAP,
        run: |_, doc, out| text::line_wrap(doc, out),
    },
];

pub const REPOSITORY_RULES: &[RepositoryRule] = &[
    RepositoryRule {
        id: files::RULE,
        run: files::location,
    },
    RepositoryRule {
        id: structure::UNIQUE_IDS,
        run: structure::unique_ids,
    },
    RepositoryRule {
        id: structure::OUTLINE_REFS,
        run: structure::outline_refs,
    },
    RepositoryRule {
        id: structure::NUMBERING,
        run: structure::numbering,
    },
    RepositoryRule {
        id: structure::COUNTS,
        run: structure::counts,
    },
    RepositoryRule {
        id: departments::KNOWN,
        run: departments::known,
    },
    RepositoryRule {
        id: departments::SUBPROJECT,
        run: departments::subproject,
    },
    RepositoryRule {
        id: departments::UNUSED,
        run: departments::unused,
    },
    RepositoryRule {
        id: departments::UNIQUE,
        run: departments::unique,
    },
    RepositoryRule {
        id: text::UNIQUE_TITLES,
        run: text::unique_titles,
    },
];

/// Every rule id, in the order the rules run (for documentation and tests).
pub fn all_ids() -> Vec<&'static str> {
    let mut ids = vec![crate::repo::RULE_FILE_READ];
    for r in DOCUMENT_RULES {
        if !ids.contains(&r.id) {
            ids.push(r.id);
        }
    }
    ids.extend(REPOSITORY_RULES.iter().map(|r| r.id));
    ids
}
