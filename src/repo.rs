//! Loading: find every file under `plans/`, read it, and report what cannot be read.
//!
//! The walk is hand-written over `std::fs::read_dir` rather than a glob because the checker
//! must see what a glob hides: symbolic links (never followed), folders named like files,
//! pipes and devices (never opened, so a FIFO cannot hang the run), unreadable entries and
//! huge files. Entries come out sorted by path so every run reports in the same order.

use std::fs;
use std::io;
#[cfg(not(unix))]
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

/// A JSON file found under `plans/`, not yet read.
#[derive(Debug, Clone)]
pub struct Found {
    /// Path relative to the repository root, with `/` separators.
    pub path: String,
    /// Where it is on disk.
    pub real: PathBuf,
    /// Its folder, opened once, so the file is opened relative to it (`openat`): no path
    /// walk from the root for every file, and no race with a folder renamed meanwhile.
    #[cfg(unix)]
    folder: Option<std::sync::Arc<rustix::fd::OwnedFd>>,
}

/// What the walk found: the JSON files to read, sorted by path, and diagnostics for every
/// entry that does not belong.
#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<Found>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `root/plans`; sub-folders are walked side by side.
pub fn discover(root: &Path) -> Result<Discovery, LoadError> {
    let plans = root.join("plans");
    match fs::symlink_metadata(&plans) {
        Ok(m) if m.is_dir() => {}
        _ => return Err(LoadError::NoPlansFolder(root.to_path_buf())),
    }
    let mut found = walk(&plans, "plans", 0);
    found.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// Reads every file under `root/plans`, on every core.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    let Discovery { files, diagnostics } = discover(root)?;
    let mut loaded = Loaded {
        files: Vec::with_capacity(files.len()),
        diagnostics,
    };
    let results: Vec<Result<SourceFile, Box<Diagnostic>>> =
        crate::par::map(files, crate::par::THRESHOLD, read);
    for r in results {
        match r {
            Ok(file) => loaded.files.push(file),
            Err(d) => loaded.diagnostics.push(*d),
        }
    }
    Ok(loaded)
}

/// Reads one found file, or says why it cannot be read (rule `file-read`).
pub fn read(found: Found) -> Result<SourceFile, Box<Diagnostic>> {
    #[cfg(unix)]
    let result = match &found.folder {
        Some(folder) => read_at(folder, &found.real),
        None => read_limited(&found.real),
    };
    #[cfg(not(unix))]
    let result = read_limited(&found.real);
    match result {
        Ok(bytes) => Ok(SourceFile {
            path: found.path,
            bytes,
        }),
        Err(text) => Err(Box::new(problem(&found.path, text))),
    }
}

/// Reads a file's text again (to place a diagnostic on a file whose text was not kept).
pub fn read_text(root: &Path, path: &str) -> Option<String> {
    let bytes = read_limited(&root.join(path)).ok()?;
    String::from_utf8(bytes).ok()
}

/// Lists the JSON files under `dir` and reports every other entry that does not belong.
fn walk(dir: &Path, rel: &str, depth: usize) -> Discovery {
    let mut out = Discovery::default();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.diagnostics
                .push(problem(rel, messages::unreadable(&e.to_string())));
            return out;
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
            Err(e) => out
                .diagnostics
                .push(problem(rel, messages::unreadable(&e.to_string()))),
        }
    }
    listed.sort_by(|a, b| a.0.cmp(&b.0));
    #[cfg(unix)]
    let folder = rustix::fs::open(
        dir,
        rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::DIRECTORY | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )
    .ok()
    .map(std::sync::Arc::new);
    let mut folders = Vec::new();
    for (name, path, kind) in listed {
        let rel_path = format!("{rel}/{name}");
        let is_json = name.ends_with(".json");
        let kind = match kind {
            Ok(k) => k,
            Err(e) => {
                out.diagnostics
                    .push(problem(&rel_path, messages::unreadable(&e.to_string())));
                continue;
            }
        };
        if kind.is_symlink() {
            out.diagnostics
                .push(problem(&rel_path, messages::symlink()));
        } else if kind.is_dir() {
            if is_json {
                out.diagnostics
                    .push(problem(&rel_path, messages::json_named_folder()));
            } else if depth < MAX_DEPTH {
                folders.push((path, rel_path));
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
        } else {
            out.files.push(Found {
                path: rel_path,
                real: path,
                #[cfg(unix)]
                folder: folder.clone(),
            });
        }
    }
    let nested: Vec<Discovery> = crate::par::map(folders, 8, |(path, rel_path)| {
        walk(&path, &rel_path, depth + 1)
    });
    for n in nested {
        out.files.extend(n.files);
        out.diagnostics.extend(n.diagnostics);
    }
    out
}

/// Reads a file by its path, refusing a link, a pipe or a file over the limit.
#[cfg(unix)]
fn read_limited(path: &Path) -> Result<Vec<u8>, messages::Text> {
    let fd = rustix::fs::open(path, safe_flags(), rustix::fs::Mode::empty()).map_err(open_error)?;
    read_fd(&fd)
}

/// Reads a file by its path, refusing one over the limit.
#[cfg(not(unix))]
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

/// Opens a file relative to its folder, never following a link and never waiting on a pipe
/// (`O_NOFOLLOW | O_NONBLOCK`), so an entry swapped after the walk cannot escape the
/// repository or hang the run; then reads it.
#[cfg(unix)]
fn read_at(folder: &rustix::fd::OwnedFd, real: &Path) -> Result<Vec<u8>, messages::Text> {
    let name = real.file_name().unwrap_or_default();
    let fd = rustix::fs::openat(folder, name, safe_flags(), rustix::fs::Mode::empty())
        .map_err(open_error)?;
    read_fd(&fd)
}

#[cfg(unix)]
fn safe_flags() -> rustix::fs::OFlags {
    use rustix::fs::OFlags;
    OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC
}

#[cfg(unix)]
fn open_error(e: rustix::io::Errno) -> messages::Text {
    match e {
        rustix::io::Errno::LOOP => messages::symlink(),
        e => messages::unreadable(&io::Error::from(e).to_string()),
    }
}

/// Reads an open file: only a regular file, only up to the limit, with the size from one
/// `fstat` and plain `read` calls (`read_to_end` would ask the size again and seek).
#[cfg(unix)]
fn read_fd(fd: &rustix::fd::OwnedFd) -> Result<Vec<u8>, messages::Text> {
    use rustix::fs::FileType;
    let unreadable = |e: rustix::io::Errno| messages::unreadable(&io::Error::from(e).to_string());
    let stat = rustix::fs::fstat(fd).map_err(unreadable)?;
    if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile {
        return Err(messages::not_regular_file());
    }
    let size = stat.st_size.max(0) as u64;
    if size > MAX_FILE_BYTES {
        return Err(messages::too_large(size, MAX_FILE_BYTES));
    }
    let mut bytes = vec![0u8; size as usize];
    let mut filled = 0;
    while filled < bytes.len() {
        match rustix::io::read(fd, &mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(unreadable(e)),
        }
    }
    // A file that shrank while being read is taken as it was read.
    bytes.truncate(filled);
    Ok(bytes)
}

fn problem(path: &str, text: messages::Text) -> Diagnostic {
    Diagnostic::error(RULE_FILE_READ, path, Target::File, text)
}
