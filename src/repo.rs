//! Loading: list every entry under `plans/` and read the JSON files. Loading reports facts
//! (what each entry is, why a file could not be read); checking turns them into diagnostics.
//!
//! The walk is hand-written (over `std::fs::read_dir`, files opened relative to their folder)
//! rather than a glob because the checker must see what a glob hides: symbolic links (never
//! followed), folders named like files, pipes and devices (never opened blocking, so a FIFO
//! cannot hang the run), unreadable entries and huge files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::messages::{IoReason, RunError};
use crate::model::is_json_name;
use crate::safe_io::{self, ReadFailure};

/// The largest file the checker reads. Plan files are a few hundred bytes; anything near this
/// size is not a plan, and refusing it keeps memory bounded.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How deep folders under `plans/` may nest before the walk stops descending.
pub const MAX_DEPTH: usize = 16;

/// One JSON file under `plans/`: its path and its bytes, or why they could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the repository root, with `/` separators, e.g. `plans/goal-1/1-1-1.json`.
    pub path: String,
    pub bytes: Result<Vec<u8>, ReadFailure>,
}

impl SourceFile {
    /// A file that was read.
    pub fn new(path: &str, bytes: impl Into<Vec<u8>>) -> SourceFile {
        SourceFile {
            path: path.to_string(),
            bytes: Ok(bytes.into()),
        }
    }
}

/// An entry under `plans/` that is not a JSON file to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stray {
    /// An ordinary file whose name does not end in `.json` (hidden files are left alone).
    NonJson,
    /// A symbolic link (never followed).
    Link,
    /// A pipe, socket or device.
    Special,
    /// An entry or folder that cannot be listed.
    Unlistable(IoReason),
    /// A folder nested more than [`MAX_DEPTH`] deep (not descended into).
    TooDeep,
    /// An entry whose name is not UTF-8 (it cannot be named, read or be a plan).
    NameNotUtf8,
    /// A folder that is a git submodule at a revision (`plans diff`): its files are elsewhere.
    Submodule,
}

/// A JSON entry found under `plans/`, not yet read: any entry whose name ends in `.json`,
/// whatever it is ([`read`] says why a link, pipe or folder cannot be read).
#[derive(Debug, Clone)]
pub struct Found {
    /// Path relative to the repository root, with `/` separators; the part after the last `/`
    /// is the entry's name in its folder.
    pub path: String,
    /// The folder it was listed in (shared by every entry of that folder).
    folder: Arc<Folder>,
}

impl Found {
    fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
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

/// What [`walk`] hands back: what `visit` made of each folder's JSON entries, and every
/// other entry that does not belong.
pub struct Walked<R> {
    pub visited: Vec<R>,
    pub strays: Vec<(String, Stray)>,
}

/// Everything under `plans/`, read into memory (tests, and `check::check_loaded`).
#[derive(Debug, Default)]
pub struct Loaded {
    pub files: Vec<SourceFile>,
    pub strays: Vec<(String, Stray)>,
}

/// Opens `root/plans`, or says why a command cannot run there.
fn plans_folder(root: &Path) -> Result<PathBuf, RunError> {
    let shown = root.display().to_string();
    match fs::metadata(root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(RunError::RootNotFolder { root: shown }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(RunError::RootMissing { root: shown });
        }
        Err(e) => {
            return Err(RunError::RootUnreadable {
                root: shown,
                reason: IoReason::of(&e),
            });
        }
    }
    let plans = root.join("plans");
    match fs::symlink_metadata(&plans) {
        Ok(m) if m.file_type().is_symlink() => Err(RunError::PlansIsLink { root: shown }),
        Ok(m) if m.is_dir() => Ok(plans),
        Ok(_) => Err(RunError::PlansNotFolder { root: shown }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            Err(RunError::NoPlansFolder { root: shown })
        }
        Err(e) => Err(RunError::RootUnreadable {
            root: plans.display().to_string(),
            reason: IoReason::of(&e),
        }),
    }
}

/// Walks `root/plans` and hands each folder's JSON entries to `visit` as soon as the folder
/// is listed, while it is open; sub-folders are walked side by side. Each call gets a run of
/// the repository's path order (a folder's entries are split where a sub-folder falls between
/// them), so sorting the runs by their first path puts every file in order. Files are read in
/// `visit` (with [`read`]): reading starts before the walk ends, and only the folders being
/// worked on are open at any time.
pub fn walk<R: Send>(
    root: &Path,
    visit: &(dyn Fn(Vec<Found>) -> R + Sync),
) -> Result<Walked<R>, RunError> {
    let plans = plans_folder(root)?;
    // Off Unix a folder is not held open: `Opened` is `()`, and this only checks it can be read.
    #[cfg_attr(not(unix), allow(clippy::let_unit_value))]
    let opened = open_folder(None, &plans).map_err(|e| RunError::RootUnreadable {
        root: plans.display().to_string(),
        reason: IoReason::of(&e),
    })?;
    let mut walked = Walked {
        visited: Vec::new(),
        strays: Vec::new(),
    };
    walk_folder(plans, "plans", 0, opened, visit, &mut walked);
    Ok(walked)
}

/// Reads every JSON file under `root/plans`; files come in path order.
pub fn load(root: &Path) -> Result<Loaded, RunError> {
    let walked = walk(root, &|found| {
        crate::par::map(found, crate::par::THRESHOLD, read)
    })?;
    let mut files: Vec<SourceFile> = walked.visited.into_iter().flatten().collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Loaded {
        files,
        strays: walked.strays,
    })
}

/// Reads one found entry: an ordinary file of at most [`MAX_FILE_BYTES`], opened relative to
/// its folder without following a link or waiting on a pipe.
pub fn read(found: Found) -> SourceFile {
    #[cfg(unix)]
    let bytes = safe_io::read_at(&found.folder.fd, found.name(), MAX_FILE_BYTES);
    #[cfg(not(unix))]
    let bytes = safe_io::read(&found.folder.real.join(found.name()), MAX_FILE_BYTES);
    SourceFile {
        path: found.path,
        bytes,
    }
}

/// What a folder entry is, as listed (a symbolic link is a link, never followed).
enum Entry {
    File,
    Folder,
    Link,
    Other,
    /// Any entry whose name is not UTF-8.
    BadName,
}

/// An opened folder (on Unix; elsewhere folders are listed and read by path).
#[cfg(unix)]
type Opened = rustix::fd::OwnedFd;
#[cfg(not(unix))]
type Opened = ();

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
fn list(folder: &Folder, mut each: impl FnMut(&str, io::Result<Entry>)) -> io::Result<()> {
    for entry in fs::read_dir(&folder.real)? {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                each("", Err(e));
                continue;
            }
        };
        // A name that is not UTF-8 (on Windows, not Unicode) cannot be a plan's: it is said.
        let name = match entry.file_name().into_string() {
            Ok(name) => name,
            Err(raw) => {
                each(&raw.to_string_lossy(), Ok(Entry::BadName));
                continue;
            }
        };
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

/// Lists the JSON entries under `dir` and every other entry that does not belong.
fn walk_folder<R: Send>(
    dir: PathBuf,
    rel: &str,
    depth: usize,
    #[cfg_attr(not(unix), allow(unused_variables))] opened: Opened,
    visit: &(dyn Fn(Vec<Found>) -> R + Sync),
    out: &mut Walked<R>,
) {
    let folder = Arc::new(Folder {
        real: dir,
        #[cfg(unix)]
        fd: opened,
    });
    let mut found = Vec::new();
    let mut folders = Vec::new();
    let listed = list(&folder, |name, kind| {
        let path = if name.is_empty() {
            rel.to_string()
        } else {
            let mut p = String::with_capacity(rel.len() + 1 + name.len());
            p.push_str(rel);
            p.push('/');
            p.push_str(name);
            p
        };
        let kind = match kind {
            Ok(kind) => kind,
            Err(e) => {
                out.strays.push((path, Stray::Unlistable(IoReason::of(&e))));
                return;
            }
        };
        if let Entry::BadName = kind {
            out.strays.push((path, Stray::NameNotUtf8));
            return;
        }
        if is_json_name(name) {
            // Whatever it is: `read` reports a link, a pipe or a folder by this name.
            found.push(Found {
                path,
                folder: folder.clone(),
            });
            return;
        }
        match kind {
            Entry::Folder if depth < MAX_DEPTH => folders.push(path),
            Entry::Folder => out.strays.push((path, Stray::TooDeep)),
            Entry::Link => out.strays.push((path, Stray::Link)),
            Entry::Other => out.strays.push((path, Stray::Special)),
            Entry::File if name.starts_with('.') => {}
            Entry::File => out.strays.push((path, Stray::NonJson)),
            Entry::BadName => {}
        }
    });
    if let Err(e) = listed {
        out.strays
            .push((rel.to_string(), Stray::Unlistable(IoReason::of(&e))));
        return;
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    folders.sort();
    for group in split_at_folders(found, &folders) {
        out.visited.push(visit(group));
    }
    let nested: Vec<Walked<R>> = crate::par::map(folders, 8, |path| {
        let name = path.rsplit('/').next().unwrap_or_default();
        let real = folder.real.join(name);
        let mut walked = Walked {
            visited: Vec::new(),
            strays: Vec::new(),
        };
        match open_folder(Some(&folder), &real) {
            Ok(opened) => walk_folder(real, &path, depth + 1, opened, visit, &mut walked),
            Err(e) => walked
                .strays
                .push((path, Stray::Unlistable(IoReason::of(&e)))),
        }
        walked
    });
    for n in nested {
        out.visited.extend(n.visited);
        out.strays.extend(n.strays);
    }
}

/// Splits a folder's entries (sorted) where one of its sub-folders falls between them in path
/// order (`plans/departments.json` < `plans/goal-1/…` < `plans/outline.json`), so that each
/// group is a run of the whole repository's path order.
fn split_at_folders(found: Vec<Found>, folders: &[String]) -> Vec<Vec<Found>> {
    let mut groups = Vec::new();
    let mut group = Vec::new();
    let mut folders = folders.iter().peekable();
    for file in found {
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
        assert!(walked.strays.is_empty());
    }

    #[test]
    fn says_why_a_repository_cannot_be_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let shown = |p: &Path| p.display().to_string();
        let nothing = |_: Vec<Found>| ();
        let missing = root.join("missing");
        assert_eq!(
            walk(&missing, &nothing).err(),
            Some(RunError::RootMissing {
                root: shown(&missing)
            })
        );
        let file = root.join("file");
        std::fs::write(&file, "").unwrap();
        assert_eq!(
            walk(&file, &nothing).err(),
            Some(RunError::RootNotFolder { root: shown(&file) })
        );
        assert_eq!(
            walk(root, &nothing).err(),
            Some(RunError::NoPlansFolder { root: shown(root) })
        );
        std::fs::write(root.join("plans"), "").unwrap();
        assert_eq!(
            walk(root, &nothing).err(),
            Some(RunError::PlansNotFolder { root: shown(root) })
        );
        #[cfg(unix)]
        {
            std::fs::remove_file(root.join("plans")).unwrap();
            std::fs::create_dir(root.join("elsewhere")).unwrap();
            std::os::unix::fs::symlink(root.join("elsewhere"), root.join("plans")).unwrap();
            assert_eq!(
                walk(root, &nothing).err(),
                Some(RunError::PlansIsLink { root: shown(root) })
            );
        }
    }
}
