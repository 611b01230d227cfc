//! `plans export --format csv|json [-o FILE]`: the plan as a table or one JSON document, on
//! standard output or written atomically to a file. Data with errors is not exported.

use std::path::PathBuf;

use super::{Exit, Stop, Streams};
use crate::export;
use crate::messages::Lang;
use crate::render::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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
    // A wrong -o is said before the data is read.
    let target = options
        .output
        .as_deref()
        .map(|path| super::output_file(&options.root, path))
        .transpose()?;
    let Some(model) = super::checked_model(&options.root, options.color, lang, streams)? else {
        return Ok(Exit::Problems);
    };
    let bytes = match options.format {
        ExportFormat::Csv => export::csv(&model, options.english_header, options.bom),
        ExportFormat::Json => export::json(&model),
    };
    let output = options.output.as_deref().zip(target);
    super::deliver(output, bytes, lang, streams)?;
    Ok(Exit::Ok)
}
