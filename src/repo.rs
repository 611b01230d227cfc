//! Loading: find every file under `plans/`, read it, and report what cannot be read.
//!
//! The walk is hand-written over `std::fs::read_dir` rather than a glob because the checker
//! must see what a glob hides: symbolic links (never followed), folders named like files,
//! pipes and devices (never opened, so a FIFO cannot hang the run), unreadable entries and
//! huge files. Entries come out sorted by path so every run reports in the same order.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::check::diagnostic::{Diagnostic, Target};
use crate::messages;

/// The largest file the checker reads. Plan files are a few hundred bytes; anything near this
/// size is not a plan, and refusing it keeps memory bounded.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How deep folders under `plans/` may nest before the walk stops descending.
const MAX_DEPTH: usize = 16;

/// The rule id under which problems of reading files are reported.
pub const RULE_FILE_READ: &str = "file-read";

/// One file read from the repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the repository root, with `/` separators, e.g. `plans/goal-1/1-1-1.json`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Everything found under `plans/`: the JSON files that could be read, and diagnostics for
/// the entries that could not.
#[derive(Debug, Default)]
pub struct Loaded {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Why loading could not even start.
#[derive(Debug)]
pub enum LoadError {
    NoPlansFolder(PathBuf),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NoPlansFolder(root) => {
                f.write_str(&messages::no_plans_folder(&root.display().to_string()))
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads every file under `root/plans`.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    let plans = root.join("plans");
    match fs::symlink_metadata(&plans) {
        Ok(m) if m.is_dir() => {}
        _ => return Err(LoadError::NoPlansFolder(root.to_path_buf())),
    }
    let mut loaded = Loaded::default();
    walk(&plans, "plans", 0, &mut loaded);
    loaded.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(loaded)
}

fn walk(dir: &Path, rel: &str, depth: usize, out: &mut Loaded) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.diagnostics
                .push(problem(rel, messages::unreadable(&e.to_string())));
            return;
        }
    };
    let mut names: Vec<(String, PathBuf)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let name = entry.file_name().to_string_lossy().into_owned();
                names.push((name, entry.path()));
            }
            Err(e) => out
                .diagnostics
                .push(problem(rel, messages::unreadable(&e.to_string()))),
        }
    }
    names.sort();
    for (name, path) in names {
        let rel_path = format!("{rel}/{name}");
        let is_json = name.ends_with(".json");
        let meta = match fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                out.diagnostics
                    .push(problem(&rel_path, messages::unreadable(&e.to_string())));
                continue;
            }
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            out.diagnostics
                .push(problem(&rel_path, messages::symlink()));
        } else if kind.is_dir() {
            if is_json {
                out.diagnostics
                    .push(problem(&rel_path, messages::json_named_folder()));
            } else if depth < MAX_DEPTH {
                walk(&path, &rel_path, depth + 1, out);
            }
        } else if !kind.is_file() {
            out.diagnostics
                .push(problem(&rel_path, messages::not_regular_file()));
        } else if !is_json {
            if !name.starts_with('.') {
                out.diagnostics.push(Diagnostic::warning(
                    RULE_FILE_READ,
                    &rel_path,
                    Target::File,
                    messages::stray_file(),
                ));
            }
        } else if meta.len() > MAX_FILE_BYTES {
            out.diagnostics.push(problem(
                &rel_path,
                messages::too_large(meta.len(), MAX_FILE_BYTES),
            ));
        } else {
            match read_limited(&path) {
                Ok(bytes) => out.files.push(SourceFile {
                    path: rel_path,
                    bytes,
                }),
                Err(text) => out.diagnostics.push(problem(&rel_path, text)),
            }
        }
    }
}

/// Reads a file, refusing one that has grown past the limit since it was listed.
fn read_limited(path: &Path) -> Result<Vec<u8>, messages::Text> {
    let file = fs::File::open(path).map_err(|e| messages::unreadable(&e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| messages::unreadable(&e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(messages::too_large(bytes.len() as u64, MAX_FILE_BYTES));
    }
    Ok(bytes)
}

fn problem(path: &str, text: messages::Text) -> Diagnostic {
    Diagnostic::error(RULE_FILE_READ, path, Target::File, text)
}
