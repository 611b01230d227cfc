//! `plans report [--stdout]`: the Markdown report `charts/README.md`, written atomically (or
//! printed). `plans build` writes the same report with the charts. With `--year`, a year's
//! progress report instead (never into `charts/`, which holds no progress): printed, or written
//! to `-o`. `--site` links each plan to its page on the public site. Data with errors is not
//! reported.

use std::path::PathBuf;

use super::{Exit, Halt, Stop, Streams};
use crate::chart;
use crate::commands::build::CHARTS;
use crate::generated;
use crate::messages::{Lang, Note, RunError};
use crate::publish::Publication;
use crate::render::{self, Format};
use crate::report;

/// What `plans report` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Print the report instead of writing `charts/README.md`.
    pub stdout: bool,
    /// The year whose progress the report shows (a report apart from `charts/README.md`).
    pub year: Option<i64>,
    /// The file to write instead of `charts/README.md` (or, with `year`, of printing).
    pub output: Option<PathBuf>,
    /// The public site's address, to link each plan to its own page.
    pub site: Option<String>,
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
    // A wrong --site or -o is said before the data is read.
    let site = options.site.as_deref().map(site_address).transpose()?;
    let target = options
        .output
        .as_deref()
        .map(|path| super::output_file(&options.root, path))
        .transpose()?;
    let Some(model) = super::checked_model(&options.root, options.color, lang, streams)? else {
        return Ok(Exit::Problems);
    };
    // Each plan's page exists once progress is set up.
    let site = site.filter(|_| model.outline.as_ref().and_then(|o| o.setup()).is_some());
    if options.year.is_some() {
        let year = crate::progress::shown_year(&model, options.year)?;
        let mut publication = Publication::new(&model, year);
        // Its charts are the site's: a report apart from charts/ links to none.
        publication.keep_charts(&[]);
        let text = report::markdown(&publication, site.as_deref());
        let output = options.output.as_deref().zip(target);
        super::deliver(output, text.into_bytes(), lang, streams)?;
        return Ok(Exit::Ok);
    }
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
    let output = report::output(&publication, site.as_deref());
    if options.stdout {
        streams.out.write_all(&output.bytes)?;
        return Ok(Exit::Ok);
    }
    if let Some(target) = options.output.as_deref().zip(target) {
        super::deliver(Some(target), output.bytes, lang, streams)?;
        return Ok(Exit::Ok);
    }
    generated::check_folder(&options.root, CHARTS)?;
    generated::write(&options.root, std::slice::from_ref(&output))?;
    let note = Note::Written { path: output.path };
    writeln!(streams.out, "{}", render::note(&note, lang))?;
    Ok(Exit::Ok)
}

/// The public site's address, checked to be one a report can link to: `http(s)://`, nothing a
/// Markdown link or a terminal would read otherwise; it ends in `/`.
fn site_address(given: &str) -> Result<String, RunError> {
    let refused = || RunError::SiteAddress {
        given: given.to_string(),
    };
    let rest = given
        .strip_prefix("https://")
        .or_else(|| given.strip_prefix("http://"))
        .ok_or_else(refused)?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty()
        || given.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '<' | '>' | '(' | ')' | '[' | ']' | '"' | '\'' | '`' | '\\'
                )
        })
    {
        return Err(refused());
    }
    let mut address = given.to_string();
    if !address.ends_with('/') {
        address.push('/');
    }
    Ok(address)
}
