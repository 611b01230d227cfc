//! `plans fmt`: write every data file (or the files named) in its canonical form
//! (`canonical`), atomically; with `--check`, write nothing and name the files that are not.
//! A file that is not JSON is reported as `check` reports it and left as it is.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Exit, Stop, Streams};
use crate::canonical::{Shapes, Unformatted, canonical};
use crate::check::check_repository;
use crate::generated::{self, Output};
use crate::messages::{Lang, Note, RunError};
use crate::model::Kind;
use crate::render::{self, Format};
use crate::repo;

/// What `plans fmt` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The top of the plan repository.
    pub root: PathBuf,
    /// Write nothing; exit 1 if a file is not in canonical form.
    pub check_only: bool,
    /// Only these files (as given on the command line); every data file when empty.
    pub files: Vec<PathBuf>,
    /// Colour the diagnostics of files that are not JSON.
    pub color: bool,
    /// The language of the words.
    pub lang: Lang,
}

/// Formats the data files: exit 0 when every file is (now) canonical, 1 when a file is not
/// JSON (or, with `--check`, not canonical), 2 when it could not run.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = fmt(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

/// A file named on the command line (relative to `-C`'s folder, as every path is), as a path
/// from the top of the repository.
/// The data files named on the command line (for `fmt` and `fix`), as paths from the top of
/// the repository; `None` (every file) when none is named. A name that is not a data file
/// stops the command.
pub(crate) fn wanted(
    root: &Path,
    loaded: &repo::Loaded,
    files: &[PathBuf],
) -> Result<Option<BTreeSet<String>>, RunError> {
    if files.is_empty() {
        return Ok(None);
    }
    let mut wanted = BTreeSet::new();
    for file in files {
        let found = relative(root, file)
            .filter(|rel| loaded.files.iter().any(|f| &f.path == rel))
            .ok_or_else(|| RunError::NotADataFile {
                path: file.display().to_string(),
            })?;
        wanted.insert(found);
    }
    Ok(Some(wanted))
}

fn relative(root: &Path, file: &Path) -> Option<String> {
    let root = std::path::absolute(root).ok()?;
    let file = std::path::absolute(root.join(file)).ok()?;
    let rel = file.strip_prefix(&root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_str().map(str::to_string))
        .collect::<Option<_>>()?;
    Some(parts.join("/"))
}

fn fmt(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let root = &options.root;
    let lang = options.lang;
    let loaded = repo::load(root)?;
    let wanted = wanted(root, &loaded, &options.files)?;
    let shapes = Shapes::new();
    let (mut outputs, mut refused, mut unchanged) = (Vec::new(), BTreeSet::new(), 0);
    let mut numbers = Vec::new();
    // For each output, the first line that differs from the file (what `--check` says).
    let mut firsts = Vec::new();
    // What the walk could not read as a file (a link, a pipe, a folder too deep, a name that
    // is not UTF-8) is reported as check reports it, whatever files were named.
    if wanted.is_none() {
        for (path, stray) in &loaded.strays {
            if !matches!(stray, repo::Stray::NonJson) {
                refused.insert(path.clone());
            }
        }
    }
    for file in &loaded.files {
        if wanted.as_ref().is_some_and(|w| !w.contains(&file.path)) {
            continue;
        }
        let text = match &file.bytes {
            Ok(bytes) => std::str::from_utf8(bytes).ok(),
            Err(_) => None,
        };
        let shape = shapes.of(&Kind::of_path(&file.path));
        match text.map(|t| canonical(t, shape)) {
            Some(Ok(form)) if Some(form.as_str()) == text => unchanged += 1,
            Some(Ok(form)) => {
                firsts.push(first_difference(text.unwrap_or_default(), &form));
                outputs.push(Output {
                    path: file.path.clone(),
                    bytes: form.into_bytes(),
                });
            }
            Some(Err(Unformatted::Number)) => numbers.push(file.path.clone()),
            _ => {
                refused.insert(file.path.clone());
            }
        }
    }
    if !refused.is_empty() {
        // Said as `check` says it: the same diagnostics, for these files only (a JSON file that
        // is not one of the data files is told where it belongs, whatever is inside it).
        let mut outcome = check_repository(root)?;
        outcome.diagnostics.retain(|d| refused.contains(&d.file));
        if !outcome.diagnostics.is_empty() {
            let show = render::Show {
                format: Format::Human,
                color: options.color,
                deny_warnings: false,
                lang,
            };
            streams
                .out
                .write_all(render::human(&outcome, show).as_bytes())?;
        }
    }
    let say =
        |streams: &mut Streams, note: Note| writeln!(streams.out, "{}", render::note(&note, lang));
    for path in &numbers {
        say(streams, Note::FormatNumber { path: path.clone() })?;
    }
    if options.check_only {
        for (output, first) in outputs.iter().zip(firsts) {
            let path = output.path.clone();
            let note = match first {
                Some(Difference {
                    line,
                    found,
                    wanted,
                    moved,
                }) => Note::NotCanonical {
                    path,
                    line,
                    found,
                    wanted,
                    moved,
                },
                None => Note::LineEnds { path },
            };
            say(streams, note)?;
        }
        if !outputs.is_empty() {
            say(
                streams,
                Note::FormatCheckFailed {
                    files: outputs.len(),
                },
            )?;
        } else if refused.is_empty() && numbers.is_empty() {
            say(streams, Note::FormatCheckOk { files: unchanged })?;
        }
    } else {
        let folders: BTreeSet<&str> = outputs
            .iter()
            .map(|o| o.path.rsplit_once('/').map_or("", |(folder, _)| folder))
            .collect();
        for folder in folders {
            for path in generated::remove_temporaries(root, folder)? {
                say(streams, Note::TemporaryRemoved { path })?;
            }
        }
        generated::write(root, &outputs)?;
        for output in &outputs {
            say(
                streams,
                Note::Formatted {
                    path: output.path.clone(),
                },
            )?;
        }
        say(
            streams,
            Note::FormatWritten {
                written: outputs.len(),
                unchanged,
            },
        )?;
    }
    if !refused.is_empty() {
        say(
            streams,
            Note::FormatRefused {
                files: refused.len(),
            },
        )?;
    }
    let failed =
        !refused.is_empty() || !numbers.is_empty() || (options.check_only && !outputs.is_empty());
    Ok(if failed { Exit::Problems } else { Exit::Ok })
}

/// Where `text` first differs from its canonical `form`: the line (counted from 1) with each
/// one's line there (`None` past its end), shown with hidden characters made visible, Windows
/// line breaks aside; or, when only its line breaks differ, `None`.
fn first_difference(text: &str, form: &str) -> Option<Difference> {
    let lines = |t: &str| -> Vec<String> {
        t.split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
            .collect()
    };
    let (a, b) = (lines(text.trim_start_matches('\u{FEFF}')), lines(form));
    let shown = |l: &String| crate::chars::visible(l).into_owned();
    // A line as a member, whatever its indentation and its comma.
    let member = |l: &str| l.trim().trim_end_matches(',').to_string();
    (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .map(|i| {
            // Both lines are in the other text elsewhere: the members are in another order.
            let moved = match (a.get(i), b.get(i)) {
                (Some(found), Some(wanted)) if member(found) != member(wanted) => {
                    b.iter().any(|l| member(l) == member(found))
                        && a.iter().any(|l| member(l) == member(wanted))
                }
                _ => false,
            };
            Difference {
                line: i + 1,
                found: a.get(i).map(shown),
                wanted: b.get(i).map(shown),
                moved,
            }
        })
}

/// Where a file first differs from its canonical form.
struct Difference {
    line: usize,
    found: Option<String>,
    wanted: Option<String>,
    /// The two lines are both in the file, in another order.
    moved: bool,
}
