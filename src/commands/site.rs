//! `plans site [-o DIR]`: the public page and its files (charts as SVG, the CSV and the JSON)
//! written into a folder (`site/` by default), each file atomically. Data with errors is not
//! published.

use std::path::PathBuf;

use super::{Exit, Stop, Streams};
use crate::chart;
use crate::export;
use crate::generated::{self, Output};
use crate::messages::{Lang, Note};
use crate::publish::Publication;
use crate::render::{self, Format};
use crate::site;

/// The folder written when no `-o` is given, relative to the repository.
pub const DEFAULT_FOLDER: &str = "site";

/// What `plans site` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// The folder to write into; `site/` in the repository when `None`.
    pub output: Option<PathBuf>,
    /// The fiscal year whose progress to show; the year being reported when `None`.
    pub year: Option<i64>,
    pub color: bool,
    pub lang: Lang,
}

/// Writes the site: exit 0 when written, 1 when the data has errors (nothing written), 2
/// when it could not run.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = write_site(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

fn write_site(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let lang = options.lang;
    let folder = options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join(DEFAULT_FOLDER));
    super::output_folder(&options.root, &folder)?;
    let Some(model) = super::checked_model(&options.root, options.color, lang, streams)? else {
        return Ok(Exit::Problems);
    };
    let year = crate::progress::shown_year(&model, options.year)?;
    // What an interrupted run left would be published with the page.
    for path in generated::remove_leftovers(&folder)? {
        writeln!(
            streams.out,
            "{}",
            render::note(&Note::TemporaryRemoved { path }, lang)
        )?;
    }
    // Each chart is written as soon as it is drawn (the charts of 100,000 plans are never all
    // in memory), the data next, and the page last: a write that fails part way never leaves
    // a new page without its files.
    let charts = match super::draw_charts(
        &model,
        chart::Set::Published,
        chart::Files::Svg,
        lang,
        streams,
        |_, charts| {
            let charts: Vec<Output> = charts
                .into_iter()
                .map(|o| Output {
                    path: o.path.trim_start_matches("charts/").to_string(),
                    bytes: o.bytes,
                })
                .collect();
            generated::write(&folder, &charts).map_err(|e| super::written_in(&folder, e))?;
            Ok(charts.len())
        },
    )? {
        Ok(charts) => charts,
        Err(exit) => return Ok(exit),
    };
    let mut files: usize = charts.iter().map(|(_, n)| n).sum();
    let drawn: Vec<String> = charts.into_iter().map(|(name, _)| name).collect();
    let mut publication = Publication::new(&model, year);
    publication.keep_charts(&drawn);
    // Every other year with progress gets a page of its own, linked from each page.
    let years: Vec<site::YearPage> = crate::progress::progress_years(&model)
        .into_iter()
        .filter(|y| Some(*y) != year)
        .map(|y| {
            let mut publication = Publication::new(&model, Some(y));
            publication.keep_charts(&drawn);
            site::YearPage {
                year: y,
                path: format!("year-{y}.html"),
                publication,
            }
        })
        .collect();
    let shared = site::Shared {
        history: crate::publish::History::new(&model),
        sheets: crate::publish::plan_sheets(&model),
        owner: model.outline.as_ref().and_then(|o| o.owner.as_deref()),
    };
    let outputs = site::outputs(
        &publication,
        &years,
        &shared,
        Vec::new(),
        export::csv(&model, false, true),
        export::json(&model, export::JsonLayout::Compact),
    );
    files += outputs.len();
    generated::write(&folder, &outputs).map_err(|e| super::written_in(&folder, e))?;
    let mut shown = folder
        .strip_prefix(".")
        .unwrap_or(&folder)
        .display()
        .to_string();
    if !shown.ends_with(std::path::MAIN_SEPARATOR) && !shown.ends_with('/') {
        shown.push(std::path::MAIN_SEPARATOR);
    }
    let note = Note::SiteWritten {
        folder: shown,
        files,
    };
    writeln!(streams.out, "{}", render::note(&note, lang))?;
    Ok(Exit::Ok)
}
