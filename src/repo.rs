//! Loading: find every file under `plans/`, read it, and report what cannot be read.
//!
//! The walk is hand-written (over `getdents` on Unix, `std::fs::read_dir` elsewhere) rather
//! than a glob because the checker must see what a glob hides: symbolic links (never
//! followed), folders named like files, pipes and devices (never opened, so a FIFO cannot
//! hang the run), unreadable entries and huge files. Files come back in path order so every
//! run reports in the same order.

use std::fs;
use std::io;
#[cfg(not(unix))]
use std::io::Read;

use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// Path relative to the repository root, with `/` separators; the part after the last `/`
    /// is the file's name in its folder.
    pub path: String,
    /// The folder it was listed in (shared by every file of that folder).
    folder: Arc<Folder>,
}

/// A folder under `plans/`, as listed.
#[derive(Debug)]
struct Folder {
    /// Where it is on disk.
    real: PathBuf,
    /// The folder, opened once, so each file is opened relative to it (`openat`): no path
    /// walk from the root for every file, and no race with a folder renamed meanwhile.
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
}

/// An opened folder (on Unix; elsewhere folders are listed and read by path).
#[cfg(unix)]
type Opened = rustix::fd::OwnedFd;
#[cfg(not(unix))]
type Opened = ();

impl Found {
    fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// What [`walk`] hands back: what `visit` made of each folder's files, and diagnostics for
/// every entry that does not belong.
pub struct Walked<R> {
    pub visited: Vec<R>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `root/plans` and hands each folder's JSON files to `visit` as soon as the folder is
/// listed, while it is open; sub-folders are walked side by side. Each call gets a run of the
/// repository's path order (a folder's files are split where a sub-folder falls between
/// them), so sorting the runs by their first path puts every file in order. Files are read in
/// `visit` (with [`read`]): reading starts before the walk ends, and only the folders being
/// worked on are open at any time.
pub fn walk<R: Send>(
    root: &Path,
    visit: &(dyn Fn(Vec<Found>) -> R + Sync),
) -> Result<Walked<R>, LoadError> {
    let plans = root.join("plans");
    match fs::symlink_metadata(&plans) {
        Ok(m) if m.is_dir() => {}
        _ => return Err(LoadError::NoPlansFolder(root.to_path_buf())),
    }
    let opened = open_folder(None, &plans);
    let mut walked = Walked {
        visited: Vec::new(),
        diagnostics: Vec::new(),
    };
    walk_folder(plans, "plans", 0, opened, visit, &mut walked);
    Ok(walked)
}

/// Reads every file under `root/plans`, on every core; files come in path order.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    let walked = walk(root, &|files| {
        crate::par::map(files, crate::par::THRESHOLD, read)
    })?;
    let mut loaded = Loaded {
        files: Vec::new(),
        diagnostics: walked.diagnostics,
    };
    for r in walked.visited.into_iter().flatten() {
        match r {
            Ok(file) => loaded.files.push(file),
            Err(d) => loaded.diagnostics.push(*d),
        }
    }
    loaded.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(loaded)
}

/// Reads one found file, or says why it cannot be read (rule `file-read`).
pub fn read(found: Found) -> Result<SourceFile, Box<Diagnostic>> {
    #[cfg(unix)]
    let result = read_at(&found.folder.fd, found.name());
    #[cfg(not(unix))]
    let result = read_limited(&found.folder.real.join(found.name()));
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

/// What a folder entry is, as listed (a symbolic link is a link, never followed).
enum Entry {
    File,
    Folder,
    Link,
    Other,
}

/// Opens a folder for listing and for opening its files: relative to its parent (never
/// following a link), or by path for `plans/` itself.
#[cfg(unix)]
fn open_folder(parent: Option<&Folder>, path: &Path) -> io::Result<Opened> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let opened = match (parent, path.file_name()) {
        (Some(parent), Some(name)) => rustix::fs::openat(&parent.fd, name, flags, Mode::empty()),
        _ => rustix::fs::open(path, flags, Mode::empty()),
    };
    opened.map_err(io::Error::from)
}

#[cfg(not(unix))]
fn open_folder(_parent: Option<&Folder>, _path: &Path) -> io::Result<Opened> {
    Ok(())
}

/// Calls `each` with the name and kind of every entry of `folder` (unsorted).
#[cfg(unix)]
fn list(folder: &Folder, mut each: impl FnMut(&str, io::Result<Entry>)) -> io::Result<()> {
    use rustix::fs::{AtFlags, FileType};
    let fd = &folder.fd;
    let mut dir = rustix::fs::Dir::read_from(fd)?;
    while let Some(entry) = dir.read() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                each("", Err(e.into()));
                break;
            }
        };
        let raw = entry.file_name().to_bytes();
        if raw == b"." || raw == b".." {
            continue;
        }
        let name = String::from_utf8_lossy(raw);
        let mut kind = entry.file_type();
        if kind == FileType::Unknown {
            // Some file systems do not say in the listing; ask, without following a link.
            kind = match rustix::fs::statat(fd, entry.file_name(), AtFlags::SYMLINK_NOFOLLOW) {
                Ok(stat) => FileType::from_raw_mode(stat.st_mode),
                Err(e) => {
                    each(&name, Err(e.into()));
                    continue;
                }
            };
        }
        let kind = match kind {
            FileType::RegularFile => Entry::File,
            FileType::Directory => Entry::Folder,
            FileType::Symlink => Entry::Link,
            _ => Entry::Other,
        };
        each(&name, Ok(kind));
    }
    Ok(())
}

#[cfg(not(unix))]
fn list(folder: &Folder, mut each: impl FnMut(&str, io::Result<Entry>)) -> io::Result<()> {
    for entry in fs::read_dir(&folder.real)? {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                each("", Err(e));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = entry.file_type().map(|k| {
            if k.is_symlink() {
                Entry::Link
            } else if k.is_dir() {
                Entry::Folder
            } else if k.is_file() {
                Entry::File
            } else {
                Entry::Other
            }
        });
        each(&name, kind);
    }
    Ok(())
}

/// Lists the JSON files under `dir` and reports every other entry that does not belong.
fn walk_folder<R: Send>(
    dir: PathBuf,
    rel: &str,
    depth: usize,
    opened: io::Result<Opened>,
    visit: &(dyn Fn(Vec<Found>) -> R + Sync),
    out: &mut Walked<R>,
) {
    let mut files = Vec::new();
    #[cfg_attr(not(unix), allow(unused_variables))]
    let fd = match opened {
        Ok(fd) => fd,
        Err(e) => {
            out.diagnostics
                .push(problem(rel, messages::unreadable(&e.to_string())));
            return;
        }
    };
    let folder = Arc::new(Folder {
        real: dir,
        #[cfg(unix)]
        fd,
    });
    let mut folders = Vec::new();
    let listed = list(&folder, |name, kind| {
        let rel_path = if name.is_empty() {
            rel.to_string()
        } else {
            let mut p = String::with_capacity(rel.len() + 1 + name.len());
            p.push_str(rel);
            p.push('/');
            p.push_str(name);
            p
        };
        let kind = match kind {
            Ok(k) => k,
            Err(e) => {
                out.diagnostics
                    .push(problem(&rel_path, messages::unreadable(&e.to_string())));
                return;
            }
        };
        let is_json = name.ends_with(".json");
        match kind {
            Entry::Link => out
                .diagnostics
                .push(problem(&rel_path, messages::symlink())),
            Entry::Folder if is_json => out
                .diagnostics
                .push(problem(&rel_path, messages::json_named_folder())),
            Entry::Folder => {
                if depth < MAX_DEPTH {
                    folders.push(rel_path);
                }
            }
            Entry::Other => out
                .diagnostics
                .push(problem(&rel_path, messages::not_regular_file())),
            Entry::File if !is_json => {
                if !name.starts_with('.') {
                    out.diagnostics.push(Diagnostic::warning(
                        RULE_FILE_READ,
                        &rel_path,
                        Target::File,
                        messages::stray_file(),
                    ));
                }
            }
            Entry::File => files.push(Found {
                path: rel_path,
                folder: folder.clone(),
            }),
        }
    });
    if let Err(e) = listed {
        out.diagnostics
            .push(problem(rel, messages::unreadable(&e.to_string())));
        return;
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    folders.sort();
    crate::mem::listed(files.len(), folders.len());
    for group in split_at_folders(files, &folders) {
        out.visited.push(visit(group));
    }
    let nested: Vec<Walked<R>> = crate::par::map(folders, 8, |rel_path| {
        let name = rel_path.rsplit('/').next().unwrap_or_default();
        let real = folder.real.join(name);
        let opened = open_folder(Some(&folder), &real);
        let mut walked = Walked {
            visited: Vec::new(),
            diagnostics: Vec::new(),
        };
        walk_folder(real, &rel_path, depth + 1, opened, visit, &mut walked);
        walked
    });
    for n in nested {
        out.visited.extend(n.visited);
        out.diagnostics.extend(n.diagnostics);
    }
}

/// Splits a folder's files (sorted) where one of its sub-folders falls between them in path
/// order (`plans/departments.json` < `plans/goal-1/…` < `plans/outline.json`), so that each
/// group is a run of the whole repository's path order.
fn split_at_folders(files: Vec<Found>, folders: &[String]) -> Vec<Vec<Found>> {
    let mut groups = Vec::new();
    let mut group = Vec::new();
    let mut folders = folders.iter().peekable();
    for file in files {
        while let Some(folder) = folders.peek() {
            // Everything in `folder` comes before `file` if `folder/` does.
            let before = file
                .path
                .strip_prefix(folder.as_str())
                .map_or(folder.as_str() < file.path.as_str(), |rest| "/" < rest);
            if !before {
                break;
            }
            if !group.is_empty() {
                groups.push(std::mem::take(&mut group));
            }
            folders.next();
        }
        group.push(file);
    }
    if !group.is_empty() {
        groups.push(group);
    }
    groups
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
fn read_at(folder: &rustix::fd::OwnedFd, name: &str) -> Result<Vec<u8>, messages::Text> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_back_as_runs_of_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            "plans/a.json",
            "plans/goal-1.json",
            "plans/goal-1/a.json",
            "plans/goal-1/sub/y.json",
            "plans/goal-1/z.json",
            "plans/goal-10/w.json",
            "plans/outline.json",
        ];
        for rel in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "{}").unwrap();
        }
        let walked = walk(dir.path(), &|found| {
            found.into_iter().map(|f| f.path).collect::<Vec<_>>()
        })
        .unwrap();
        let mut groups = walked.visited;
        groups.sort();
        let joined: Vec<String> = groups.into_iter().flatten().collect();
        assert_eq!(joined, files);
        assert!(walked.diagnostics.is_empty());
    }
}
