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

/// Writes every output that is not on disk as it should be, atomically; says how many.
pub fn write(root: &Path, outputs: &[Output]) -> Result<usize, RunError> {
    let mut written = 0;
    let mut folders = Vec::new();
    for (o, _) in stale(root, outputs) {
        let path = root.join(&o.path);
        let fail = |e: &std::io::Error| RunError::WriteFailed {
            path: o.path.clone(),
            reason: IoReason::of(e),
        };
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
        tmp.persist(&path).map_err(|e| fail(&e.error))?;
        if !folders.contains(&dir.to_path_buf()) {
            folders.push(dir.to_path_buf());
        }
        written += 1;
    }
    // The renames themselves on disk (where a folder can be opened to be synced).
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
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join("charts"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.svg", "b.png"]);
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
