//! `plans export --format csv|json [-o FILE]`: the plan as a table or one JSON document, on
//! standard output or written atomically to a file. Data with errors is not exported.

use std::path::PathBuf;

use super::{Exit, Stop, Streams};
use crate::check::check_repository;
use crate::export;
use crate::generated::{self, Output};
use crate::messages::{Lang, Note};
use crate::render::{self, Format};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// What `plans export` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub format: ExportFormat,
    /// The file to write; standard output when `None`.
    pub output: Option<PathBuf>,
    /// Start the CSV with a byte order mark (for Excel).
    pub bom: bool,
    /// English column names in the CSV.
    pub english_header: bool,
    pub color: bool,
    pub lang: Lang,
}

/// Exports: exit 0 when written, 1 when the data has errors (nothing written), 2 when it
/// could not run.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = export(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

fn export(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let lang = options.lang;
    let outcome = check_repository(&options.root)?;
    if outcome.errors() > 0 {
        // Standard output is the export's: the problems go to standard error.
        let show = render::Show {
            format: Format::Human,
            color: options.color,
            deny_warnings: false,
            lang,
        };
        streams
            .err
            .write_all(render::human(&outcome, show).as_bytes())?;
        writeln!(
            streams.err,
            "plans: {}",
            render::note(&Note::ExportRefused, lang)
        )?;
        return Ok(Exit::Problems);
    }
    let model = outcome.model();
    let bytes = match options.format {
        ExportFormat::Csv => export::csv(&model, options.english_header, options.bom),
        ExportFormat::Json => export::json(&model),
    };
    match &options.output {
        None => streams.out.write_all(&bytes)?,
        Some(path) => {
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), PathBuf::from);
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            generated::write(&folder, &[Output { path: name, bytes }])?;
            let note = Note::ExportWritten {
                path: path.display().to_string(),
            };
            writeln!(streams.out, "{}", render::note(&note, lang))?;
        }
    }
    Ok(Exit::Ok)
}
