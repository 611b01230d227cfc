//! Generated files (the charts): compared with what is on disk, and written atomically.
//!
//! What is on disk is read like a plan file (`safe_io`): never through a link, never waiting
//! on a pipe, and never more than one byte past the size it should have, so a committed chart
//! that links to `/dev/zero` is reported as out of date, not read until memory runs out.
//! Writes go to a temporary file in the same folder (named `.<name>.XXXXXX.plans-tmp`,
//! git-ignored), flushed to disk, then renamed over the old file. The run that makes a
//! temporary file holds a lock on it (`File::try_lock`) until it is done with it, so runs side
//! by side (pre-commit runs `fmt` on batches of files at once) never touch each other's files,
//! on any platform and whatever process ids say; the temporary files of an interrupted run
//! (whose lock the system let go when the run ended) are removed by the next run.

use std::io::Write as _;
use std::path::Path;

use crate::messages::{FileState, IoReason, RunError};
use crate::safe_io::{self, ReadFailure};

/// The end of every temporary file's name.
pub const TEMPORARY_SUFFIX: &str = ".plans-tmp";

/// How old an unlocked temporary file must be to be a leftover: a run locks its file at once,
/// so one younger than this may be a run's that has not locked it yet.
pub const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(10);

/// How old a temporary file must be to be removed where files cannot be locked (some network
/// file systems): longer than any run takes.
pub const UNLOCKABLE_AGE: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Whether the temporary file at `path` is a leftover of a run that has ended: no run holds
/// its lock, and it is older than [`LEFTOVER_AGE`]. Anything but an ordinary file under a
/// temporary file's name is a leftover (a link is removed itself, never followed).
fn leftover(path: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return true;
    }
    let age = meta
        .modified()
        .ok()
        .and_then(|m| m.elapsed().ok())
        .unwrap_or_default();
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    match file.try_lock() {
        Ok(()) => age > LEFTOVER_AGE,
        Err(std::fs::TryLockError::WouldBlock) => false,
        Err(std::fs::TryLockError::Error(_)) => age > UNLOCKABLE_AGE,
    }
}

/// One generated file: its path relative to the repository, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The folder `folder` (relative to `root`) may be written into: it is a folder or does not
/// exist yet, and it is not a link.
pub fn check_folder(root: &Path, folder: &str) -> Result<(), RunError> {
    match std::fs::symlink_metadata(root.join(folder)) {
        Ok(m) if m.file_type().is_symlink() => Err(RunError::FolderIsLink {
            path: folder.to_string(),
        }),
        Ok(m) if !m.is_dir() => Err(RunError::NotAFolder {
            path: folder.to_string(),
        }),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(RunError::WriteFailed {
            path: folder.to_string(),
            reason: IoReason::of(&e),
        }),
    }
}

/// What is on disk where `output` should be, if it is not `output`.
pub fn state(root: &Path, output: &Output) -> Option<FileState> {
    // One byte more than the file should have is enough to know it differs.
    let limit = output.bytes.len() as u64 + 1;
    match safe_io::read(&root.join(&output.path), limit) {
        Ok(bytes) if bytes == output.bytes => None,
        Ok(_) | Err(ReadFailure::TooLarge { .. }) => Some(FileState::OutOfDate),
        Err(ReadFailure::Io(IoReason::NotFound)) => Some(FileState::Missing),
        Err(ReadFailure::Link | ReadFailure::Folder | ReadFailure::NotRegular) => {
            Some(FileState::NotAFile)
        }
        Err(ReadFailure::Io(reason)) => Some(FileState::Unreadable(reason)),
    }
}

/// The outputs that are not on disk as they should be, with what is there instead.
pub fn stale<'a>(root: &Path, outputs: &'a [Output]) -> Vec<(&'a Output, FileState)> {
    outputs
        .iter()
        .filter_map(|o| state(root, o).map(|s| (o, s)))
        .collect()
}

/// Removes the temporary files an interrupted run left in `folder` (see [`leftover`]), and
/// says which. Another run's files are left alone; one that another run removes first is not
/// an error.
pub fn remove_temporaries(root: &Path, folder: &str) -> Result<Vec<String>, RunError> {
    let entries = match std::fs::read_dir(root.join(folder)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(RunError::WriteFailed {
                path: folder.to_string(),
                reason: IoReason::of(&e),
            });
        }
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with('.') && name.ends_with(TEMPORARY_SUFFIX)) {
            continue;
        }
        if !leftover(&entry.path()) {
            continue;
        }
        let path = match folder {
            "" | "." => name.clone(),
            _ => format!("{folder}/{name}"),
        };
        // `remove_file` removes a link itself, never what it points to.
        match std::fs::remove_file(entry.path()) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(RunError::TemporaryLeft {
                    path,
                    reason: IoReason::of(&e),
                });
            }
        }
    }
    removed.sort();
    Ok(removed)
}

/// [`remove_temporaries`] in a folder named on the command line (`-o`), each file said with
/// the folder as it was named.
pub fn remove_leftovers(folder: &Path) -> Result<Vec<String>, RunError> {
    let shown = folder.display().to_string();
    let shown = shown.trim_end_matches(['/', std::path::MAIN_SEPARATOR]);
    remove_temporaries(Path::new(""), shown)
}

/// The charts in `folder` (`.svg` and `.png` files whose name without its extension `is_chart`
/// accepts), by path, in order: what a build removes of them once it no longer draws them.
pub fn chart_files(root: &Path, folder: &str, is_chart: impl Fn(&str) -> bool) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .flatten()
        // A folder with a chart's name is not a chart (a link is, and is removed itself).
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.strip_suffix(".svg")
                .or_else(|| name.strip_suffix(".png"))
                .is_some_and(&is_chart)
        })
        .map(|name| format!("{folder}/{name}"))
        .collect();
    found.sort();
    found
}

/// Removes a generated file that is no longer made (a link is removed itself, never what it
/// points to; one that another run removed first is gone all the same).
pub fn remove(root: &Path, path: &str) -> Result<(), RunError> {
    match std::fs::remove_file(root.join(path)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(RunError::WriteFailed {
            path: path.to_string(),
            reason: IoReason::of(&e),
        }),
        _ => Ok(()),
    }
}

/// How many staged temporary files a run keeps open, each locked, at once: well within the
/// files a process may have open (1,024 on most systems). A file staged beyond them is closed
/// once written, and only its age keeps another run from taking it for a leftover
/// ([`LEFTOVER_AGE`]); one that another run removed all the same is written again when its
/// turn to be renamed comes.
const HELD_OPEN: usize = 256;

/// A temporary file written in full and on disk, waiting to take its file's name. Dropped
/// unrenamed, it is removed.
enum Staged {
    /// Still open, its lock held.
    Open(tempfile::NamedTempFile),
    /// Closed (beyond [`HELD_OPEN`]).
    Closed(tempfile::TempPath),
}

impl Staged {
    /// Gives the file the name `path`.
    fn persist(self, path: &Path) -> std::io::Result<()> {
        match self {
            Staged::Open(tmp) => tmp.persist(path).map(|_| ()).map_err(|e| e.error),
            Staged::Closed(tmp) => tmp.persist(path).map_err(|e| e.error),
        }
    }
}

/// Writes every output that is not on disk as it should be, atomically and all together;
/// says how many.
///
/// Every file is first written in full to a temporary file beside it and flushed to disk;
/// only when all of them are does each take its file's name. So whatever fails while they are
/// written (a full disk, a folder that cannot be written to, a folder where a file should be)
/// leaves every file as it was and no temporary file behind: a run writes all its files or
/// none. Only a rename failing after that (which the checks before make rare) leaves the files
/// renamed before it written, and says so ([`RunError::PartlyWritten`]).
pub fn write(root: &Path, outputs: &[Output]) -> Result<usize, RunError> {
    let mut staged = Vec::new();
    for (o, _) in stale(root, outputs) {
        staged.push((o, stage(root, o, staged.len() < HELD_OPEN)?));
    }
    rename_all(root, staged)
}

/// Writes `o` to a temporary file beside where it goes, flushed to disk; kept open and
/// locked if `hold`.
fn stage(root: &Path, o: &Output, hold: bool) -> Result<Staged, RunError> {
    let path = root.join(&o.path);
    let fail = |e: &std::io::Error| RunError::WriteFailed {
        path: o.path.clone(),
        reason: IoReason::of(e),
    };
    // A folder cannot be replaced by a file: said now, before any file is written.
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
        return Err(RunError::WriteFailed {
            path: o.path.clone(),
            reason: IoReason::IsFolder,
        });
    }
    let dir = path.parent().unwrap_or(root);
    std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    // Temporary files are private (0600); generated files get the mode any new file
    // gets (0666 less the umask), as a plain write would give them.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(&e))?;
    // Held until the file is renamed (or dropped): no other run takes it for a leftover.
    // Where files cannot be locked, the age of a leftover decides (`UNLOCKABLE_AGE`).
    let _ = tmp.as_file().try_lock();
    // A file that is replaced keeps its permissions (a data file rewritten by fmt stays
    // 0600 or 0755 if it was).
    if let Ok(old) = std::fs::symlink_metadata(&path)
        && old.is_file()
    {
        tmp.as_file()
            .set_permissions(old.permissions())
            .map_err(|e| fail(&e))?;
    }
    tmp.write_all(&o.bytes).map_err(|e| fail(&e))?;
    // On disk before it takes the old file's name, so a crash leaves one or the other.
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    Ok(if hold {
        Staged::Open(tmp)
    } else {
        Staged::Closed(tmp.into_temp_path())
    })
}

/// Gives each staged file its file's name, in order; then the renames themselves are put on
/// disk (where a folder can be opened to be synced).
fn rename_all(root: &Path, staged: Vec<(&Output, Staged)>) -> Result<usize, RunError> {
    let mut written = 0;
    let mut folders = Vec::new();
    for (o, file) in staged {
        let path = root.join(&o.path);
        let closed = matches!(file, Staged::Closed(_));
        let renamed = match file.persist(&path) {
            // Taken for a leftover by another run while the rest were staged: again.
            Err(e) if closed && e.kind() == std::io::ErrorKind::NotFound => {
                match stage(root, o, true) {
                    Ok(again) => again.persist(&path),
                    Err(_) => Err(e),
                }
            }
            other => other,
        };
        if let Err(e) = renamed {
            // The files staged after this one are removed as they are dropped.
            return Err(RunError::PartlyWritten {
                path: o.path.clone(),
                reason: IoReason::of(&e),
                written,
            });
        }
        let dir = path.parent().unwrap_or(root).to_path_buf();
        if !folders.contains(&dir) {
            folders.push(dir);
        }
        written += 1;
    }
    for folder in folders {
        if let Ok(f) = std::fs::File::open(&folder) {
            let _ = f.sync_all();
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(path: &str, bytes: &[u8]) -> Output {
        Output {
            path: path.to_string(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn writes_only_what_differs_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let outputs = [
            output("charts/a.svg", b"<svg/>"),
            output("charts/b.png", b"png"),
        ];
        assert_eq!(
            stale(dir.path(), &outputs)
                .iter()
                .map(|(_, s)| *s)
                .collect::<Vec<_>>(),
            [FileState::Missing, FileState::Missing]
        );
        assert_eq!(write(dir.path(), &outputs), Ok(2));
        assert_eq!(write(dir.path(), &outputs), Ok(0));
        std::fs::write(dir.path().join("charts/b.png"), "old").unwrap();
        assert_eq!(state(dir.path(), &outputs[1]), Some(FileState::OutOfDate));
        assert_eq!(write(dir.path(), &outputs), Ok(1));
        assert_eq!(names(dir.path(), "charts"), ["a.svg", "b.png"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_a_pipe_in_place_of_a_chart_is_replaced_never_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("charts")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("charts/a.png")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join("charts/b.png"))
            .status()
            .unwrap();
        assert!(made.success());
        let outputs = [output("charts/a.png", b"a"), output("charts/b.png", b"b")];
        assert_eq!(state(dir.path(), &outputs[0]), Some(FileState::NotAFile));
        assert_eq!(state(dir.path(), &outputs[1]), Some(FileState::NotAFile));
        assert_eq!(write(dir.path(), &outputs), Ok(2));
        assert_eq!(
            std::fs::read(dir.path().join("charts/a.png")).unwrap(),
            b"a"
        );
        assert!(
            !std::fs::symlink_metadata(dir.path().join("charts/a.png"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    /// The names in `folder` under `root`, sorted.
    fn names(root: &Path, folder: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failure_while_files_are_written_writes_none_of_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("plans")).unwrap();
        std::fs::write(dir.path().join("plans/a.json"), "old a").unwrap();
        // A file where the third output's folder should be: its folder cannot be made.
        std::fs::write(dir.path().join("blocked"), "").unwrap();
        let outputs = [
            output("plans/a.json", b"new a"),
            output("plans/b.json", b"new b"),
            output("blocked/c.json", b"new c"),
            output("plans/d.json", b"new d"),
        ];
        assert!(matches!(
            write(dir.path(), &outputs),
            Err(RunError::WriteFailed { path, .. }) if path == "blocked/c.json"
        ));
        // The files before it are as they were, and no temporary file is left.
        assert_eq!(names(dir.path(), "plans"), ["a.json"]);
        assert_eq!(
            std::fs::read(dir.path().join("plans/a.json")).unwrap(),
            b"old a"
        );
        // A folder where a file goes is said before anything is written.
        std::fs::remove_file(dir.path().join("blocked")).unwrap();
        std::fs::create_dir_all(dir.path().join("blocked/c.json/inside")).unwrap();
        assert_eq!(
            write(dir.path(), &outputs),
            Err(RunError::WriteFailed {
                path: "blocked/c.json".into(),
                reason: IoReason::IsFolder
            })
        );
        assert_eq!(names(dir.path(), "plans"), ["a.json"]);
        assert_eq!(names(dir.path(), "blocked"), ["c.json"]);
    }

    #[test]
    fn files_staged_beyond_those_held_open_are_written_too() {
        let dir = tempfile::tempdir().unwrap();
        let outputs: Vec<Output> = (0..HELD_OPEN + 3)
            .map(|i| output(&format!("many/{i}.txt"), i.to_string().as_bytes()))
            .collect();
        assert_eq!(write(dir.path(), &outputs), Ok(HELD_OPEN + 3));
        assert_eq!(names(dir.path(), "many").len(), HELD_OPEN + 3);
        let last = format!("many/{}.txt", HELD_OPEN + 2);
        assert_eq!(
            std::fs::read(dir.path().join(last)).unwrap(),
            (HELD_OPEN + 2).to_string().as_bytes()
        );
    }

    #[test]
    fn a_closed_staged_file_another_run_took_for_a_leftover_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let outputs: Vec<Output> = (0..3)
            .map(|i| output(&format!("many/{i}.txt"), i.to_string().as_bytes()))
            .collect();
        // The last one closed, as beyond HELD_OPEN, and old enough to be a leftover.
        let staged: Vec<(&Output, Staged)> = outputs
            .iter()
            .enumerate()
            .map(|(i, o)| (o, stage(dir.path(), o, i < 2).unwrap()))
            .collect();
        for name in names(dir.path(), "many") {
            age(&dir.path().join("many").join(name));
        }
        // Another run cleans up: only the closed one is taken.
        let removed = remove_temporaries(dir.path(), "many").unwrap();
        assert_eq!(removed.len(), 1, "{removed:?}");
        assert!(removed[0].starts_with("many/.2.txt."));
        assert_eq!(rename_all(dir.path(), staged), Ok(3));
        assert_eq!(names(dir.path(), "many"), ["0.txt", "1.txt", "2.txt"]);
        assert_eq!(std::fs::read(dir.path().join("many/2.txt")).unwrap(), b"2");
    }

    #[test]
    fn a_rename_that_fails_after_every_file_is_staged_says_how_many_were_written() {
        let dir = tempfile::tempdir().unwrap();
        let outputs = [
            output("plans/a.json", b"a"),
            output("plans/b.json", b"b"),
            output("plans/c.json", b"c"),
        ];
        let staged: Vec<(&Output, Staged)> = outputs
            .iter()
            .enumerate()
            .map(|(i, o)| (o, stage(dir.path(), o, i == 0).unwrap()))
            .collect();
        // A folder takes the second file's name between staging and renaming.
        std::fs::create_dir_all(dir.path().join("plans/b.json/inside")).unwrap();
        assert_eq!(
            rename_all(dir.path(), staged),
            Err(RunError::PartlyWritten {
                path: "plans/b.json".into(),
                reason: IoReason::IsFolder,
                written: 1,
            })
        );
        // The one after it is not written, and its temporary file is gone.
        assert_eq!(names(dir.path(), "plans"), ["a.json", "b.json"]);
    }

    /// Makes the file at `path` older than a leftover must be.
    fn age(path: &Path) {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - 2 * LEFTOVER_AGE)
            .unwrap();
    }

    #[test]
    fn temporaries_of_an_interrupted_run_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("charts")).unwrap();
        let left = dir.path().join("charts/.a.png.x1Y2z3.plans-tmp");
        std::fs::write(&left, "half").unwrap();
        age(&left);
        std::fs::write(dir.path().join("charts/a.png"), "keep").unwrap();
        assert_eq!(
            remove_temporaries(dir.path(), "charts"),
            Ok(vec!["charts/.a.png.x1Y2z3.plans-tmp".to_string()])
        );
        assert!(dir.path().join("charts/a.png").exists());
        assert_eq!(remove_temporaries(dir.path(), "charts"), Ok(Vec::new()));
        assert_eq!(remove_temporaries(dir.path(), "none"), Ok(Vec::new()));
    }

    #[test]
    fn temporaries_a_run_holds_or_has_just_made_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let held = dir.path().join(".a.png.Ab12Cd.plans-tmp");
        let young = dir.path().join(".b.png.Ef34Gh.plans-tmp");
        let left = dir.path().join(".c.png.Ij56Kl.plans-tmp");
        for path in [&held, &young, &left] {
            std::fs::write(path, "half").unwrap();
        }
        age(&held);
        age(&left);
        // Another run's lock, as a run holds it while it writes.
        let lock = std::fs::File::open(&held).unwrap();
        lock.try_lock().unwrap();
        assert_eq!(
            remove_temporaries(dir.path(), ""),
            Ok(vec![".c.png.Ij56Kl.plans-tmp".to_string()])
        );
        assert!(held.exists() && young.exists());
        // Once that run has ended, its file is a leftover.
        drop(lock);
        assert_eq!(
            remove_temporaries(dir.path(), ""),
            Ok(vec![".a.png.Ab12Cd.plans-tmp".to_string()])
        );
    }

    #[test]
    fn a_file_or_a_link_in_place_of_the_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(check_folder(dir.path(), "charts"), Ok(()));
        std::fs::write(dir.path().join("charts"), "").unwrap();
        assert_eq!(
            check_folder(dir.path(), "charts"),
            Err(RunError::NotAFolder {
                path: "charts".into()
            })
        );
        #[cfg(unix)]
        {
            std::fs::remove_file(dir.path().join("charts")).unwrap();
            std::os::unix::fs::symlink("/tmp", dir.path().join("charts")).unwrap();
            assert_eq!(
                check_folder(dir.path(), "charts"),
                Err(RunError::FolderIsLink {
                    path: "charts".into()
                })
            );
        }
    }
}
