//! `plans fix [FILE…]`: mend the slips that have exactly one meaning (`crate::fix`), write each
//! mended file atomically (in its canonical form where it now parses) and say what was mended,
//! line by line. Everything else is left to `check`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Deserialize;

use super::{Exit, Stop, Streams};
use crate::canonical::{Shapes, canonical};
use crate::fix::{self, Mend};
use crate::generated::{self, Output};
use crate::messages::{Lang, Mended, Note};
use crate::model::{Kind, Level};
use crate::render::{self, Format};
use crate::{json, repo, span};

/// What `plans fix` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Only these files (as given on the command line); every data file when empty.
    pub files: Vec<PathBuf>,
    /// Write nothing: print the mends as suggestions of whole lines, in JSON, for CI to post
    /// on a pull request.
    pub suggest: bool,
    pub lang: Lang,
}

/// The most suggestions `--suggest` prints: a pull request gets no more review comments than
/// this from one push (the rest are in check's annotations).
pub const MAX_SUGGESTIONS: usize = 20;

/// One suggestion as `--suggest` prints it: GitHub's review comment fields.
#[derive(serde::Serialize)]
struct Posted {
    path: String,
    start_line: usize,
    line: usize,
    lines: Vec<String>,
}

/// Mends the data files: exit 0 when done (whatever is left for `check`), 2 when it could not
/// run.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = mend(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

/// What the second pass needs of the outline: the scale and the year being reported, read
/// leniently (a broken outline mends nothing of a plan's structure).
#[derive(Deserialize, Default)]
struct Setup {
    #[serde(default)]
    scale: Vec<Level>,
    #[serde(default)]
    reporting_year: Option<i64>,
}

fn setup_of(loaded: &repo::Loaded) -> Setup {
    loaded
        .files
        .iter()
        .find(|f| f.path == crate::model::OUTLINE_PATH)
        .and_then(|f| f.bytes.as_ref().ok())
        .and_then(|b| std::str::from_utf8(b).ok())
        .and_then(|t| json::value(t).ok())
        .and_then(|v| v.get("progress").cloned())
        .and_then(|p| serde_json::from_value(p).ok())
        .unwrap_or_default()
}

fn mend(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let root = &options.root;
    let lang = options.lang;
    let loaded = repo::load(root)?;
    let wanted = super::fmt::wanted(root, &loaded, &options.files)?;
    let setup = setup_of(&loaded);
    let shapes = Shapes::new();
    let mut outputs = Vec::new();
    let mut said = Vec::new();
    let mut posted: Vec<Posted> = Vec::new();
    for file in &loaded.files {
        if wanted.as_ref().is_some_and(|w| !w.contains(&file.path)) {
            continue;
        }
        let Some(text) = file
            .bytes
            .as_ref()
            .ok()
            .and_then(|b| std::str::from_utf8(b).ok())
        else {
            continue;
        };
        let kind = Kind::of_path(&file.path);
        if options.suggest {
            // On a pull request, the first pass line by line, for a file the whole of fix would
            // make JSON; the lines where a unit is taken from after a figure are left out (a
            // suggestion replaces lines where they are, and the unit is written elsewhere).
            if mend_file(text, &kind, &setup, &shapes).is_none() {
                continue;
            }
            let (mended, mends, taken) = fix::mend_text(text, true);
            // A unit that is already its object's unit is only taken away; any other is left
            // out of the suggestions.
            let value = json::value(&mended).ok();
            let known: Vec<bool> = fix::placements(&mended, &taken)
                .unwrap_or_default()
                .iter()
                .map(|(path, unit)| {
                    let pointer: String = path.iter().map(|p| format!("/{p}")).collect();
                    value
                        .as_ref()
                        .and_then(|v| v.pointer(&format!("{pointer}/unit")))
                        .and_then(|u| u.as_str())
                        == Some(unit.as_str())
                })
                .collect();
            let unit_lines: Vec<usize> = mends
                .iter()
                .filter(|m| matches!(m.what, Mended::Unit { .. }))
                .zip(known.iter().chain(std::iter::repeat(&false)))
                .filter(|(_, known)| !**known)
                .filter_map(|(m, _)| m.at)
                .map(|at| place(text, at).0)
                .collect();
            let statuses: Vec<(String, String)> = json::value(&mended)
                .ok()
                .and_then(|mut v| {
                    matches!(kind, Kind::Plan(_))
                        .then(|| fix::mend_plan(&mut v, &setup.scale, None, &[]))
                        .flatten()
                })
                .unwrap_or_default()
                .into_iter()
                .filter_map(|m| match m.what {
                    Mended::Status { found, code, .. } => Some((found, code)),
                    _ => None,
                })
                .collect();
            for s in fix::suggestions(text, &mended, &statuses) {
                // A line holding a code fence would end the suggestion's block early.
                if s.lines.iter().any(|l| l.contains("```"))
                    || unit_lines.iter().any(|l| (s.start..=s.end).contains(l))
                {
                    continue;
                }
                posted.push(Posted {
                    path: file.path.clone(),
                    start_line: s.start,
                    line: s.end,
                    lines: s.lines,
                });
            }
            continue;
        }
        let Some((written, mends)) = mend_file(text, &kind, &setup, &shapes) else {
            if fix::mend_text(text, false).1.is_empty() {
                continue;
            }
            // Something has one meaning, but the file would still not be JSON: nothing is
            // written, so that nothing is mended on a guess.
            said.push(Note::FixLeft {
                path: file.path.clone(),
            });
            continue;
        };
        if mends.is_empty() || written == text {
            continue;
        }
        // The quotes of one line are said once, at the first.
        let mut quoted: Vec<(usize, usize)> = Vec::new();
        let mut notes: Vec<(Option<(usize, usize)>, Mended)> = Vec::new();
        for Mend { at, what } in mends {
            let place = at.map(|at| place(text, at));
            if let (Mended::Syntax { ascii, .. }, Some((line, _))) = (&what, place)
                && ascii == "\""
            {
                if let Some((_, count)) = quoted.iter_mut().find(|(l, _)| *l == line) {
                    *count += 1;
                    continue;
                }
                quoted.push((line, 1));
                notes.push((place, Mended::Quotes { count: 0 }));
                continue;
            }
            notes.push((place, what));
        }
        for (place, mut what) in notes {
            if let (Mended::Quotes { count }, Some((line, _))) = (&mut what, place) {
                *count = quoted
                    .iter()
                    .find(|(l, _)| *l == line)
                    .map_or(1, |(_, n)| *n);
            }
            said.push(Note::Mended {
                path: file.path.clone(),
                place,
                what,
            });
        }
        outputs.push(Output {
            path: file.path.clone(),
            bytes: written.into_bytes(),
        });
    }
    if options.suggest {
        posted.truncate(MAX_SUGGESTIONS);
        let json = serde_json::to_string_pretty(&posted).unwrap_or_else(|_| "[]".into());
        writeln!(streams.out, "{json}")?;
        return Ok(Exit::Ok);
    }
    if !outputs.is_empty() {
        let folders: BTreeSet<&str> = outputs
            .iter()
            .map(|o| o.path.rsplit_once('/').map_or("", |(folder, _)| folder))
            .collect();
        for folder in folders {
            for path in generated::remove_temporaries(root, folder)? {
                writeln!(
                    streams.out,
                    "{}",
                    render::note(&Note::TemporaryRemoved { path }, lang)
                )?;
            }
        }
        generated::write(root, &outputs)?;
    }
    for note in &said {
        writeln!(streams.out, "{}", render::note(note, lang))?;
    }
    let done = Note::FixDone {
        files: outputs.len(),
        mends: said.len(),
    };
    writeln!(streams.out, "{}", render::note(&done, lang))?;
    Ok(Exit::Ok)
}

/// A file mended: its text to write and what was mended; `None` when what can be mended would
/// not make it JSON (it is then left as it is). Units typed after figures are taken away only
/// when each can be written in its own object's `unit` (or is that unit already); a file with
/// a name written twice in one object gets the first pass only (its structure is left alone,
/// so that neither value is lost).
fn mend_file(
    text: &str,
    kind: &Kind,
    setup: &Setup,
    shapes: &Shapes,
) -> Option<(String, Vec<Mend>)> {
    for take_units in [true, false] {
        let (mut mended, mut mends, taken) = fix::mend_text(text, take_units);
        if let Some(joined) = fix::fields_after_end(&mended) {
            mended = joined;
            mends.push(Mend {
                at: None,
                what: Mended::FieldsAfterEnd,
            });
        }
        let Ok(mut value) = json::value(&mended) else {
            if take_units && !taken.is_empty() {
                continue;
            }
            return None;
        };
        let placements = match fix::placements(&mended, &taken) {
            Some(p) => p,
            None if take_units => continue,
            None => Vec::new(),
        };
        let twice = json::Located::of(&mended).is_some_and(|l| !l.repeated_keys().is_empty());
        let mut written = mended.clone();
        if matches!(kind, Kind::Plan(_)) && !twice {
            match fix::mend_plan(&mut value, &setup.scale, setup.reporting_year, &placements) {
                Some(structure) if !structure.is_empty() => {
                    written = serde_json::to_string(&value).unwrap_or_else(|_| mended.clone());
                    mends.extend(structure);
                }
                Some(_) => {}
                None if take_units => continue,
                None => {}
            }
        } else if !taken.is_empty() && take_units {
            // Units taken with nowhere to write them: left where they were typed.
            continue;
        }
        if !mends.is_empty()
            && let Ok(form) = canonical(&written, shapes.of(kind))
        {
            written = form;
        }
        return Some((written, mends));
    }
    None
}

/// The line and column of byte `at` of `text` as an editor shows them: a byte order mark at
/// the start is not a column.
fn place(text: &str, at: usize) -> (usize, usize) {
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let at = at.saturating_sub(bom);
    let p = span::position(&text[bom..], at, at);
    (p.line, p.column)
}
