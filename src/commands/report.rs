//! `plans report [--stdout]`: the Markdown report `charts/README.md`, written atomically (or
//! printed). `plans build` writes the same report with the charts. Data with errors is not
//! reported.

use std::path::PathBuf;

use super::{Exit, Halt, Stop, Streams};
use crate::chart;
use crate::commands::build::CHARTS;
use crate::generated;
use crate::messages::{Lang, Note};
use crate::publish::Publication;
use crate::render::{self, Format};
use crate::report;

/// What `plans report` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Print the report instead of writing `charts/README.md`.
    pub stdout: bool,
    pub color: bool,
    pub lang: Lang,
}

/// Writes (or prints) the report: exit 0 when done, 1 when the data has errors (nothing
/// written), 2 when it could not run.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = write_report(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

fn write_report(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let lang = options.lang;
    let Some(model) = super::checked_model(&options.root, options.color, lang, streams)? else {
        return Ok(Exit::Problems);
    };
    // The report shows the charts build draws: those not too large for a document (which is
    // known once they are laid out).
    let made = chart::make(&model, chart::Set::Committed, chart::Files::None, |_, _| {
        Ok::<(), Halt>(())
    });
    let drawn: Vec<String> = match made {
        Ok(made) => made
            .into_iter()
            .filter_map(|m| match m {
                chart::Made::Drawn { name, .. } => Some(name),
                chart::Made::TooLarge(_) => None,
            })
            .collect(),
        Err(Halt::Chart(e)) => return super::chart_failed(e, lang, streams),
        Err(Halt::Stop(stop)) => return Err(stop),
    };
    let mut publication = Publication::new(&model, None);
    publication.keep_charts(&drawn);
    let output = report::output(&publication);
    if options.stdout {
        streams.out.write_all(&output.bytes)?;
        return Ok(Exit::Ok);
    }
    generated::check_folder(&options.root, CHARTS)?;
    generated::write(&options.root, std::slice::from_ref(&output))?;
    let note = Note::Written { path: output.path };
    writeln!(streams.out, "{}", render::note(&note, lang))?;
    Ok(Exit::Ok)
}
