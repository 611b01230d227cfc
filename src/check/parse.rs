//! Rule `json-syntax`: every file is UTF-8 JSON without a BOM and without repeated keys.

use serde_json::Value;

use super::diagnostic::{Diagnostic, Target};
use super::{Document, Kind};
use crate::messages::{self, Text};
use crate::repo::SourceFile;
use crate::span;

pub const RULE: &str = "json-syntax";

/// Parses one file into a [`Document`], or explains why it is not UTF-8 JSON.
pub fn parse(file: SourceFile) -> Result<Document, Box<Diagnostic>> {
    let SourceFile { path, bytes } = file;
    let fail = |target: Target, text: Text| Box::new(Diagnostic::error(RULE, &path, target, text));
    let at = |line, column| Target::At {
        line,
        column,
        len: 1,
    };
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(fail(at(1, 1), messages::bom()));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(at(1, 1), messages::utf16()));
    }
    if bytes.contains(&0) {
        return Err(fail(Target::File, messages::binary()));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = &bytes[..e.utf8_error().valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let p = span::position(prefix, prefix.len(), prefix.len());
            return Err(fail(at(p.line, p.column), messages::invalid_utf8()));
        }
    };
    if text.trim().is_empty() {
        return Err(fail(Target::File, messages::empty_file()));
    }
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let raw = e.to_string();
            let raw = raw.split(" at line ").next().unwrap_or(&raw);
            let line = e.line().max(1);
            let column = span::byte_column_to_char(&text, line, e.column());
            return Err(fail(at(line, column), messages::json_syntax(raw)));
        }
    };
    let kind = Kind::of_path(&path);
    Ok(Document {
        path,
        text,
        value,
        kind,
    })
}

/// Keys that appear twice in one object: `serde_json` silently keeps the last.
pub fn duplicate_keys(doc: &Document, out: &mut Vec<Diagnostic>) {
    for ((start, end), key) in span::duplicate_keys(&doc.text) {
        let p = span::position(&doc.text, start, end);
        out.push(Diagnostic::error(
            RULE,
            &doc.path,
            Target::At {
                line: p.line,
                column: p.column,
                len: p.len,
            },
            messages::duplicate_key(&key),
        ));
    }
}
