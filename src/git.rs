//! Loading the data of a git revision (for `plans diff`), with `git` on PATH: the files under
//! `plans/` of a commit, read in one `git cat-file --batch`, as the same `SourceFile`s the
//! walk of the working tree gives. What git says is never shown: each failure is a
//! `RunError`.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::messages::RunError;
use crate::model::is_json_name;
use crate::repo::{Loaded, MAX_FILE_BYTES, SourceFile, Stray};
use crate::safe_io::ReadFailure;

fn git(root: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(root)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Runs git and returns its standard output, or `None` if it failed.
fn output(root: &Path, args: &[&str]) -> Result<Option<Vec<u8>>, RunError> {
    let out = git(root).args(args).output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            RunError::GitMissing
        } else {
            RunError::GitFailed
        }
    })?;
    Ok(out.status.success().then_some(out.stdout))
}

/// The commit `rev` names, or why it cannot be read.
pub fn commit(root: &Path, rev: &str) -> Result<String, RunError> {
    let inside = output(root, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.is_some_and(|o| o.starts_with(b"true")) {
        return Err(RunError::NotAGitRepository {
            root: root.display().to_string(),
        });
    }
    let spec = format!("{rev}^{{commit}}");
    match output(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
    )? {
        Some(id) => Ok(String::from_utf8_lossy(&id).trim().to_string()),
        None => {
            let shallow = output(root, &["rev-parse", "--is-shallow-repository"])?
                .is_some_and(|o| o.starts_with(b"true"));
            Err(if shallow {
                RunError::RevisionNotFetched {
                    rev: rev.to_string(),
                }
            } else {
                RunError::UnknownRevision {
                    rev: rev.to_string(),
                }
            })
        }
    }
}

/// The JSON files under `plans/` (of the folder `root`, which may be inside the repository)
/// at commit `id`, as the walk of the working tree gives them: a link is not read (a JSON
/// name is a file that is a link; any other, a stray link), a submodule is a stray, a name
/// that is not UTF-8 is a stray, and a file over [`MAX_FILE_BYTES`] is too large, never read.
pub fn load(root: &Path, rev: &str, id: &str) -> Result<Loaded, RunError> {
    let listing = output(root, &["ls-tree", "-r", "-l", "-z", id, "--", "plans/"])?
        .ok_or(RunError::GitFailed)?;
    // `<mode> <type> <object> <size>\t<path>`, each ended by NUL (the size is `-` for a
    // submodule).
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut files: Vec<SourceFile> = Vec::new();
    let mut strays: Vec<(String, Stray)> = Vec::new();
    for record in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let Some(tab) = record.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let meta = String::from_utf8_lossy(&record[..tab]);
        let Ok(path) = std::str::from_utf8(&record[tab + 1..]) else {
            let shown = String::from_utf8_lossy(&record[tab + 1..]).into_owned();
            strays.push((shown, Stray::NameNotUtf8));
            continue;
        };
        let mut meta = meta.split_whitespace();
        let (mode, kind, object, size) = (meta.next(), meta.next(), meta.next(), meta.next());
        let name = path.rsplit('/').next().unwrap_or(path);
        let size: u64 = size.and_then(|s| s.parse().ok()).unwrap_or(0);
        match (mode, kind) {
            (Some("160000"), _) => strays.push((path.to_string(), Stray::Submodule)),
            (Some("120000"), _) if is_json_name(name) => files.push(SourceFile {
                path: path.to_string(),
                bytes: Err(ReadFailure::Link),
            }),
            (Some("120000"), _) => strays.push((path.to_string(), Stray::Link)),
            (Some("100644" | "100755"), Some("blob")) if is_json_name(name) => {
                if size > MAX_FILE_BYTES {
                    files.push(SourceFile {
                        path: path.to_string(),
                        bytes: Err(ReadFailure::TooLarge { size }),
                    });
                } else {
                    entries.push((path.to_string(), object.unwrap_or_default().to_string()));
                }
            }
            _ => {}
        }
    }
    if entries.is_empty() && files.is_empty() && strays.is_empty() {
        return Err(RunError::NoPlansAtRevision {
            rev: rev.to_string(),
        });
    }
    let contents = cat_file(root, entries.iter().map(|(_, object)| object.as_str()))?;
    if contents.len() != entries.len() {
        return Err(RunError::GitFailed);
    }
    files.extend(
        entries
            .into_iter()
            .zip(contents)
            .map(|((path, _), bytes)| SourceFile::new(&path, bytes)),
    );
    files.sort_by(|a, b| a.path.cmp(&b.path));
    strays.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Loaded { files, strays })
}

/// The contents of the objects, read by one `git cat-file --batch`.
fn cat_file<'a>(
    root: &Path,
    objects: impl Iterator<Item = &'a str>,
) -> Result<Vec<Vec<u8>>, RunError> {
    let mut child = git(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|_| RunError::GitFailed)?;
    let mut request = String::new();
    for object in objects {
        request.push_str(object);
        request.push('\n');
    }
    let mut stdin = child.stdin.take().ok_or(RunError::GitFailed)?;
    // Written on a thread of its own, so that neither side waits on a full pipe.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .ok_or(RunError::GitFailed)?
        .read_to_end(&mut out)
        .map_err(|_| RunError::GitFailed)?;
    let written = writer.join().map_err(|_| RunError::GitFailed)?;
    let status = child.wait().map_err(|_| RunError::GitFailed)?;
    if written.is_err() || !status.success() {
        return Err(RunError::GitFailed);
    }
    // `<object> blob <size>\n<content>\n` for each.
    let mut contents = Vec::new();
    let mut rest = out.as_slice();
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|b| *b == b'\n')
            .ok_or(RunError::GitFailed)?;
        let header = String::from_utf8_lossy(&rest[..end]);
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or(RunError::GitFailed)?;
        let start = end + 1;
        let content = rest.get(start..start + size).ok_or(RunError::GitFailed)?;
        contents.push(content.to_vec());
        rest = rest.get(start + size + 1..).unwrap_or_default();
    }
    Ok(contents)
}
