//! The commands, as library functions: each takes its options and the two output streams,
//! writes everything it has to say, and returns how it ended. `main.rs` only parses the
//! arguments and calls one of these; tests and the coming commands call them the same way.

pub mod build;
pub mod check;
pub mod department;
pub mod diff;
pub mod export;
pub mod fix;
pub mod fmt;
pub mod import;
pub mod new;
pub mod progress;
pub mod report;
pub mod rules;
pub mod sheet;
pub mod site;

use std::io::{self, Write};

use crate::check::check_repository;
use crate::messages::{IoReason, Lang, Note, RunError};
use crate::model::Model;
use crate::render::{self, Format};
use std::path::{Path, PathBuf};

/// How a command ended, as its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: nothing wrong.
    Ok = 0,
    /// 1: problems in the data (or charts out of date).
    Problems = 1,
    /// 2: the command could not run.
    CouldNotRun = 2,
}

/// How a command ended, and what it made. The binary ends the process without freeing
/// what was made: freeing 100,000 checked files, allocated on other threads, takes about
/// 60 ms, longer than everything else after the check.
pub struct Ended<T> {
    pub exit: Exit,
    pub made: Option<T>,
}

/// Where a command writes: standard output and standard error.
pub struct Streams<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// Why a command stopped before it was done.
#[derive(Debug)]
pub enum Stop {
    /// It could not run (no `plans/`, a file where a folder should be, a failed write …).
    Run(RunError),
    /// Its output could not be written.
    Output(io::Error),
}

impl From<RunError> for Stop {
    fn from(e: RunError) -> Stop {
        Stop::Run(e)
    }
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Output(e)
    }
}

/// Ends a command: flushes its output, and prints an error that stopped it in `format` (on
/// standard output for `json` and `github`, where programs read; on standard error for
/// people; on standard error whenever standard output itself failed). Never panics.
pub fn finish(
    result: Result<Exit, Stop>,
    format: Format,
    lang: Lang,
    streams: &mut Streams,
) -> Exit {
    let result = result.and_then(|exit| {
        streams.out.flush()?;
        Ok(exit)
    });
    let (error, to_out) = match result {
        Ok(exit) => return exit,
        Err(Stop::Run(e)) => (e, format != Format::Human),
        Err(Stop::Output(e)) => (
            RunError::Output {
                reason: IoReason::of(&e),
            },
            false,
        ),
    };
    let text = render::run_error(&error, format, lang);
    let on_out =
        to_out && streams.out.write_all(text.as_bytes()).is_ok() && streams.out.flush().is_ok();
    if !on_out {
        let _ = streams.err.write_all(text.as_bytes());
        let _ = streams.err.flush();
    }
    Exit::CouldNotRun
}

/// Checks the repository for a command that writes something made from the data (`export`,
/// `report`, `site`): the data's model, or `None` when the data has errors, which are then
/// printed on standard error (standard output may be the command's product) with the note
/// that nothing was written.
pub fn checked_model(
    root: &Path,
    color: bool,
    lang: Lang,
    streams: &mut Streams,
) -> Result<Option<Model>, Stop> {
    let outcome = check_repository(root)?;
    if outcome.errors() == 0 {
        return Ok(Some(outcome.model()));
    }
    let show = render::Show {
        format: Format::Human,
        color,
        deny_warnings: false,
        lang,
    };
    streams
        .err
        .write_all(render::human(&outcome, show).as_bytes())?;
    writeln!(
        streams.err,
        "plans: {}",
        render::note(&Note::OutputRefused, lang)
    )?;
    Ok(None)
}

/// Writes a command's output: atomically to `-o FILE` (its place found beforehand by
/// [`output_file`]; leftovers of an interrupted run removed and said), saying so, or else to
/// standard output.
pub fn deliver(
    output: Option<(&Path, (PathBuf, String))>,
    bytes: Vec<u8>,
    lang: Lang,
    streams: &mut Streams,
) -> Result<(), Stop> {
    let Some((path, (folder, name))) = output else {
        streams.out.write_all(&bytes)?;
        return Ok(());
    };
    for path in crate::generated::remove_leftovers(&folder)? {
        let note = Note::TemporaryRemoved { path };
        writeln!(streams.out, "{}", render::note(&note, lang))?;
    }
    crate::generated::write(&folder, &[crate::generated::Output { path: name, bytes }])
        .map_err(|e| written_in(&folder, e))?;
    let note = Note::Written {
        path: path.display().to_string(),
    };
    writeln!(streams.out, "{}", render::note(&note, lang))?;
    Ok(())
}

/// Where `-o FILE` writes: the folder that holds the file (it must exist) and the file's
/// name. Refused: a folder named instead of a file; something there that is not an ordinary
/// file (a link, a pipe, a device), which a write would replace; a place inside `plans/`.
pub fn output_file(root: &Path, path: &Path) -> Result<(PathBuf, String), RunError> {
    let shown = || path.display().to_string();
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => return Err(RunError::OutputIsFolder { path: shown() }),
        Ok(m) if !m.is_file() => return Err(RunError::OutputNotAFile { path: shown() }),
        _ => {}
    }
    // A name that ends in a separator (`out/`, `a/..`) names a folder, whatever is there.
    let raw = path.as_os_str().to_string_lossy();
    let names_folder = raw.ends_with('/') || raw.ends_with(std::path::MAIN_SEPARATOR);
    let name = match path.file_name() {
        Some(name) if !names_folder => name,
        _ if path.is_dir() => return Err(RunError::OutputIsFolder { path: shown() }),
        _ => {
            return Err(RunError::OutputFolderMissing {
                folder: raw
                    .trim_end_matches(['/', std::path::MAIN_SEPARATOR])
                    .to_string(),
            });
        }
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    if !folder.is_dir() {
        return Err(RunError::OutputFolderMissing {
            folder: folder.display().to_string(),
        });
    }
    if in_data(root, &folder.join(name)) {
        return Err(RunError::OutputInData { path: shown() });
    }
    if let Some(link) = link_on_the_way(root, &folder) {
        return Err(RunError::FolderIsLink { path: link });
    }
    Ok((folder, name.to_string_lossy().into_owned()))
}

/// Whether `-o FOLDER` can be written into: a folder, or a new one in a folder that exists,
/// not inside `plans/`, and not reached through a link (nothing is written through one): the
/// folder itself (`site`, `site/`, `site/.`) and every folder between the repository and it.
pub fn output_folder(root: &Path, path: &Path) -> Result<(), RunError> {
    if let Some(link) = link_on_the_way(root, path) {
        return Err(RunError::FolderIsLink { path: link });
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(RunError::OutputIsFile {
                path: path.display().to_string(),
            });
        }
        Err(_) => {
            let parent = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if !parent.is_dir() {
                return Err(RunError::OutputFolderMissing {
                    folder: parent.display().to_string(),
                });
            }
        }
    }
    if in_data(root, path) {
        return Err(RunError::OutputInData {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

/// The folder `path` names, or a folder between the repository `root` and it, that is a
/// symbolic link (as it would be shown), if any: writing there would write through the link.
/// `.` and a trailing separator, which would make a link followed, are taken off first.
fn link_on_the_way(root: &Path, path: &Path) -> Option<String> {
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let folder: PathBuf = absolute.components().collect();
    let repository: PathBuf = std::path::absolute(root)
        .unwrap_or_else(|_| root.to_path_buf())
        .components()
        .collect();
    let shown = |p: &Path| {
        let text = p.display().to_string();
        let text = text.trim_end_matches(['/', std::path::MAIN_SEPARATOR]);
        let text = text
            .trim_end_matches("/.")
            .trim_end_matches(['/', std::path::MAIN_SEPARATOR]);
        text.strip_prefix("./").unwrap_or(text).to_string()
    };
    if is_link(&folder) {
        return Some(shown(path));
    }
    folder
        .ancestors()
        .skip(1)
        .take_while(|a| *a != repository && a.starts_with(&repository))
        .find(|a| is_link(a))
        .map(|a| shown(&root.join(a.strip_prefix(&repository).unwrap_or(a))))
}

/// Whether `path` (which may not exist yet; its folder does) is `plans/` or inside it, with
/// links and `..` resolved.
fn in_data(root: &Path, path: &Path) -> bool {
    let Ok(data) = root.join("plans").canonicalize() else {
        return false;
    };
    let resolved = path.canonicalize().or_else(|_| {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        parent
            .canonicalize()
            .map(|p| p.join(path.file_name().unwrap_or_default()))
    });
    resolved.is_ok_and(|p| p.starts_with(&data))
}

/// A failed write in a folder named on the command line, said with the folder's path.
pub fn written_in(folder: &Path, error: RunError) -> RunError {
    match error {
        RunError::WriteFailed { path, reason } => RunError::WriteFailed {
            path: folder.join(path).display().to_string(),
            reason,
        },
        RunError::PartlyWritten {
            path,
            reason,
            written,
        } => RunError::PartlyWritten {
            path: folder.join(path).display().to_string(),
            reason,
            written,
        },
        other => other,
    }
}

/// Why drawing the charts stopped: a chart could not be drawn, or what the command did with
/// one that was (writing it) failed.
pub enum Halt {
    Chart(crate::chart::ChartError),
    Stop(Stop),
}

impl From<crate::chart::ChartError> for Halt {
    fn from(e: crate::chart::ChartError) -> Halt {
        Halt::Chart(e)
    }
}

impl<T: Into<Stop>> From<T> for Halt {
    fn from(e: T) -> Halt {
        Halt::Stop(e.into())
    }
}

/// Draws every chart of `model` into `files` (see [`crate::chart::make`]), each chart's files
/// taken by `finish` on the core that drew them, then says in `lang` on standard output which
/// charts are too large to draw. Each drawn chart's name with what `finish` made of it, in
/// order; or, when a chart could not be drawn, how the command ends (see [`chart_failed`]).
pub fn draw_charts<R: Send>(
    model: &Model,
    set: crate::chart::Set,
    files: crate::chart::Files,
    lang: Lang,
    streams: &mut Streams,
    finish: impl Fn(&str, Vec<crate::generated::Output>) -> Result<R, Stop> + Sync,
) -> Result<Result<Vec<(String, R)>, Exit>, Stop> {
    use crate::chart::Made;
    let made = crate::chart::make(model, set, files, |name, outputs| -> Result<R, Halt> {
        Ok(finish(name, outputs)?)
    });
    let made = match made {
        Ok(made) => made,
        Err(Halt::Chart(e)) => return chart_failed(e, lang, streams).map(Err),
        Err(Halt::Stop(stop)) => return Err(stop),
    };
    let mut drawn = Vec::new();
    for m in made {
        match m {
            Made::Drawn { name, done } => drawn.push((name, done)),
            Made::TooLarge(large) => {
                let note = Note::ChartTooLarge {
                    name: large.name,
                    chart: large.chart,
                    count: large.count,
                    pages: large.pages,
                    limit: crate::chart::style::MAX_PAGES,
                };
                writeln!(streams.out, "{}", render::note(&note, lang))?;
            }
        }
    }
    Ok(Ok(drawn))
}

/// Says why the charts could not be drawn: a character the font lacks is a problem in the
/// data (exit 1); an unreadable font or a failed drawing stops the command (exit 2).
pub fn chart_failed(
    error: crate::chart::ChartError,
    lang: Lang,
    streams: &mut Streams,
) -> Result<Exit, Stop> {
    use crate::chart::ChartError;
    match error {
        ChartError::MissingGlyph {
            character,
            text,
            file,
        } => {
            let note = Note::MissingGlyph {
                character,
                text,
                file,
            };
            writeln!(streams.err, "plans: {}", render::note(&note, lang))?;
            Ok(Exit::Problems)
        }
        ChartError::Font => Err(RunError::FontUnreadable.into()),
        ChartError::Draw { chart } => Err(RunError::DrawingFailed { chart }.into()),
    }
}
