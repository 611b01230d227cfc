//! Loading: find every file under `plans/`, read it, and report what cannot be read.
//!
//! The walk is hand-written over `std::fs::read_dir` rather than a glob because the checker
//! must see what a glob hides: symbolic links (never followed), folders named like files,
//! pipes and devices (never opened, so a FIFO cannot hang the run), unreadable entries and
//! huge files. Entries come out sorted by path so every run reports in the same order.

use std::fs;
use std::io::{self, Read};

use rayon::prelude::*;
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

/// Reads every file under `root/plans`: the folders are walked in order, then the files are
/// read on every core.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    let plans = root.join("plans");
    match fs::symlink_metadata(&plans) {
        Ok(m) if m.is_dir() => {}
        _ => return Err(LoadError::NoPlansFolder(root.to_path_buf())),
    }
    let mut loaded = Loaded::default();
    let mut to_read = Vec::new();
    walk(&plans, "plans", 0, &mut to_read, &mut loaded.diagnostics);
    let results: Vec<Result<SourceFile, Box<Diagnostic>>> = to_read
        .into_par_iter()
        .map(|(rel_path, path)| match read_limited(&path) {
            Ok(bytes) => Ok(SourceFile {
                path: rel_path,
                bytes,
            }),
            Err(text) => Err(Box::new(problem(&rel_path, text))),
        })
        .collect();
    for r in results {
        match r {
            Ok(file) => loaded.files.push(file),
            Err(d) => loaded.diagnostics.push(*d),
        }
    }
    loaded.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(loaded)
}

/// Lists the JSON files to read under `dir` (as repository-relative and real paths) and
/// reports every other entry that does not belong.
fn walk(
    dir: &Path,
    rel: &str,
    depth: usize,
    to_read: &mut Vec<(String, PathBuf)>,
    out: &mut Vec<Diagnostic>,
) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(problem(rel, messages::unreadable(&e.to_string())));
            return;
        }
    };
    let mut listed: Vec<(String, PathBuf, io::Result<fs::FileType>)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let name = entry.file_name().to_string_lossy().into_owned();
                // The entry's own type: a symbolic link is reported as a link, never followed.
                let kind = entry.file_type();
                listed.push((name, entry.path(), kind));
            }
            Err(e) => out.push(problem(rel, messages::unreadable(&e.to_string()))),
        }
    }
    listed.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, path, kind) in listed {
        let rel_path = format!("{rel}/{name}");
        let is_json = name.ends_with(".json");
        let kind = match kind {
            Ok(k) => k,
            Err(e) => {
                out.push(problem(&rel_path, messages::unreadable(&e.to_string())));
                continue;
            }
        };
        if kind.is_symlink() {
            out.push(problem(&rel_path, messages::symlink()));
        } else if kind.is_dir() {
            if is_json {
                out.push(problem(&rel_path, messages::json_named_folder()));
            } else if depth < MAX_DEPTH {
                walk(&path, &rel_path, depth + 1, to_read, out);
            }
        } else if !kind.is_file() {
            out.push(problem(&rel_path, messages::not_regular_file()));
        } else if !is_json {
            if !name.starts_with('.') {
                out.push(Diagnostic::warning(
                    RULE_FILE_READ,
                    &rel_path,
                    Target::File,
                    messages::stray_file(),
                ));
            }
        } else {
            to_read.push((rel_path, path));
        }
    }
}

/// Reads a file, refusing one over the limit before reading it (and one that grows past the
/// limit while it is read).
fn read_limited(path: &Path) -> Result<Vec<u8>, messages::Text> {
    let file = fs::File::open(path).map_err(|e| messages::unreadable(&e.to_string()))?;
    let size = file
        .metadata()
        .map_err(|e| messages::unreadable(&e.to_string()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(messages::too_large(size, MAX_FILE_BYTES));
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
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
