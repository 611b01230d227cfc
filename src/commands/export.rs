//! `plans export --format csv|xlsx|json [-o FILE]`: the plan as a table, an Excel workbook or
//! one JSON document, on standard output or written atomically to a file. Data with errors is
//! not exported; a workbook is not printed on a terminal.

use std::path::PathBuf;

use super::{Exit, Stop, Streams};
use crate::export;
use crate::messages::{Lang, RunError};
use crate::output::xlsx;
use crate::render::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Xlsx,
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
    /// English column names in the CSV and the workbook.
    pub english_header: bool,
    /// Whether standard output is a terminal (a workbook, being binary, is not printed on one).
    pub terminal: bool,
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
    // A wrong -o is said before the data is read.
    let target = options
        .output
        .as_deref()
        .map(|path| super::output_file(&options.root, path))
        .transpose()?;
    if options.format == ExportFormat::Xlsx && options.output.is_none() && options.terminal {
        return Err(RunError::BinaryToTerminal.into());
    }
    let Some(model) = super::checked_model(&options.root, options.color, lang, streams)? else {
        return Ok(Exit::Problems);
    };
    let bytes = match options.format {
        ExportFormat::Csv => export::csv(&model, options.english_header, options.bom),
        ExportFormat::Xlsx => {
            export::xlsx(&model, options.english_header).map_err(|e| match e {
                xlsx::Error::CellTooLong { sheet, cell } => RunError::CellTooLong { sheet, cell },
                xlsx::Error::TooManyRows { sheet } => RunError::SheetTooLong { sheet },
                xlsx::Error::Failed => RunError::WorkbookFailed,
            })?
        }
        ExportFormat::Json => export::json(&model, export::JsonLayout::Indented),
    };
    let output = options.output.as_deref().zip(target);
    super::deliver(output, bytes, lang, streams)?;
    Ok(Exit::Ok)
}
