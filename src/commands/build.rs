//! `plans build`: check, refuse to draw from data with errors, draw every chart, then write
//! the charts that changed (or, with `--check`, say which are not current).

use std::path::PathBuf;

use super::{Exit, Stop, Streams};
use crate::chart;
use crate::check::check_repository;
use crate::editor;
use crate::generated::{self, Output};
use crate::messages::{FileState, Lang, Note};
use crate::publish::Publication;
use crate::render::{self, Format};
use crate::report;

/// The folder the charts are written to, relative to the repository.
pub const CHARTS: &str = "charts";

/// What `plans build` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The top of the plan repository.
    pub root: PathBuf,
    /// Write nothing; exit 1 if a chart is missing or out of date.
    pub check_only: bool,
    /// PNG resolution: `scale` times 1600 px wide.
    pub scale: u32,
    /// Colour the diagnostics.
    pub color: bool,
    /// The language of the words.
    pub lang: Lang,
}

/// Builds the charts: exit 0 when they are written (or current, with `--check`), 1 when the
/// data has errors (nothing is drawn) or a chart is not current, 2 when the build could not
/// run.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = build(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

fn build(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let root = &options.root;
    let outcome = check_repository(root)?;
    if !outcome.diagnostics.is_empty() {
        let show = render::Show {
            format: Format::Human,
            color: options.color,
            deny_warnings: false,
            lang: options.lang,
        };
        streams
            .out
            .write_all(render::human(&outcome, show).as_bytes())?;
    }
    if outcome.errors() > 0 {
        streams.out.flush()?;
        let refused = if options.check_only {
            Note::CheckRefused
        } else {
            Note::BuildRefused
        };
        writeln!(
            streams.err,
            "plans: {}",
            render::note(&refused, options.lang)
        )?;
        return Ok(Exit::Problems);
    }
    generated::check_folder(root, CHARTS)?;
    generated::check_folder(root, editor::FOLDER)?;
    let model = outcome.model();
    let lang = options.lang;
    let say =
        |streams: &mut Streams, note: Note| writeln!(streams.out, "{}", render::note(&note, lang));
    if !options.check_only {
        for folder in [CHARTS, editor::FOLDER] {
            for path in generated::remove_temporaries(root, folder)? {
                say(streams, Note::TemporaryRemoved { path })?;
            }
        }
    }
    // Each chart is compared with what is on disk, or written, by the core that drew it, as
    // soon as it is drawn: the charts of 100,000 plans are never all in memory.
    let take = |outputs: &[Output]| -> Result<Taken, Stop> {
        Ok(if options.check_only {
            Taken {
                files: outputs.len(),
                written: 0,
                stale: generated::stale(root, outputs)
                    .into_iter()
                    .map(|(o, state)| (o.path.clone(), state))
                    .collect(),
            }
        } else {
            Taken {
                files: outputs.len(),
                written: generated::write(root, outputs)?,
                stale: Vec::new(),
            }
        })
    };
    let files_of = chart::Files::SvgPng {
        scale: options.scale,
    };
    let charts = match super::draw_charts(
        &model,
        crate::chart::Set::Committed,
        files_of,
        lang,
        streams,
        |_, outputs| take(&outputs),
    )? {
        Ok(charts) => charts,
        Err(exit) => return Ok(exit),
    };
    let mut outputs = Vec::new();
    if let Some(register) = &model.register {
        let setup = model.outline.as_ref().and_then(|o| o.setup());
        outputs.push(editor::plan_schema(register, setup));
    }
    let drawn: Vec<String> = charts.iter().map(|(name, _)| name.clone()).collect();
    let mut publication = Publication::new(&model, None);
    publication.keep_charts(&drawn);
    outputs.push(report::output(&publication, None));
    let (mut files, mut written, mut stale) = (0, 0, Vec::new());
    for taken in charts
        .into_iter()
        .map(|(_, taken)| taken)
        .chain([take(&outputs)?])
    {
        files += taken.files;
        written += taken.written;
        stale.extend(taken.stale);
    }
    // Charts no longer drawn (a year whose entries went away, a goal taken out of the
    // outline, a chart grown too large for a document): removed.
    let drawn: rustc_hash::FxHashSet<&str> = drawn.iter().map(String::as_str).collect();
    let gone: Vec<String> = generated::chart_files(root, CHARTS, chart::is_chart_name)
        .into_iter()
        .filter(|path| {
            let name = path.trim_start_matches("charts/");
            let stem = name
                .strip_suffix(".svg")
                .or_else(|| name.strip_suffix(".png"))
                .unwrap_or(name);
            !drawn.contains(stem)
        })
        .collect();
    if options.check_only {
        stale.extend(gone.iter().map(|p| (p.clone(), FileState::NoLongerDrawn)));
        if stale.is_empty() {
            say(streams, Note::ChartsCurrent { files })?;
            return Ok(Exit::Ok);
        }
        for (path, state) in &stale {
            say(
                streams,
                Note::Stale {
                    path: path.clone(),
                    state: *state,
                },
            )?;
        }
        say(
            streams,
            Note::ChartsStale {
                files: stale.len(),
                scale: options.scale,
            },
        )?;
        return Ok(Exit::Problems);
    }
    for path in gone {
        generated::remove(root, &path)?;
        say(streams, Note::ChartRemoved { path })?;
    }
    say(
        streams,
        Note::ChartsWritten {
            written,
            unchanged: files - written,
        },
    )?;
    Ok(Exit::Ok)
}

/// What became of one chart's files, or of the editor schema and the report: how many, how
/// many were written, and (with `--check`) those not on disk as they should be.
struct Taken {
    files: usize,
    written: usize,
    stale: Vec<(String, FileState)>,
}
