//! `plans sheet [--year Y] [--department NAME] -o DIR`: each department's progress workbook
//! for the plans it reports in the year (see [`crate::sheet`]), written atomically into DIR as
//! `<department>-<year>.xlsx`. Data with errors gets no workbook.

use std::path::PathBuf;

use super::{Exit, Stop, Streams};
use crate::generated::{self, Output};
use crate::messages::{Lang, Note, RunError};
use crate::output::xlsx;
use crate::render::{self, Format};

/// What `plans sheet` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// The fiscal year; the year being reported when `None`.
    pub year: Option<i64>,
    /// Only this department's workbook.
    pub department: Option<String>,
    /// The folder to write into.
    pub output: PathBuf,
    pub color: bool,
    pub lang: Lang,
}

/// Writes the workbooks: exit 0 when written, 1 when the data has errors (nothing written),
/// 2 when it could not run.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = sheets(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

fn sheets(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
    let lang = options.lang;
    let folder = &options.output;
    super::output_folder(&options.root, folder)?;
    let Some(model) = super::checked_model(&options.root, options.color, lang, streams)? else {
        return Ok(Exit::Problems);
    };
    let Some(setup) = model.outline.as_ref().and_then(|o| o.setup()) else {
        let owner = model.outline.as_ref().and_then(|o| o.owner.clone());
        return Err(RunError::ProgressOff { owner }.into());
    };
    let year = crate::progress::chosen_year(setup, options.year)?;
    if let Some(name) = &options.department {
        let registered: Vec<&str> = model
            .register
            .iter()
            .flat_map(|r| r.departments.iter())
            .map(|d| d.name.as_str())
            .collect();
        if !registered.contains(&name.as_str()) {
            return Err(RunError::DepartmentNotRegistered {
                name: name.clone(),
                suggestion: crate::facts::departments::suggest(name, &registered)
                    .map(str::to_string),
            }
            .into());
        }
    }
    let reporters = crate::sheet::reporters(&model, year, options.department.as_deref());
    if reporters.is_empty() {
        return Err(RunError::NothingToReport {
            year,
            department: options.department.clone(),
        }
        .into());
    }
    let title = model
        .outline
        .as_ref()
        .map_or(String::new(), |o| o.title.clone());
    let mut outputs = Vec::with_capacity(reporters.len());
    let mut counts = Vec::with_capacity(reporters.len());
    for (department, plans) in &reporters {
        let owner = model.outline.as_ref().and_then(|o| o.owner.as_deref());
        let bytes =
            crate::sheet::workbook(&title, owner, setup, year, department, plans).map_err(|e| {
                match e {
                    xlsx::Error::CellTooLong { sheet, cell } => {
                        RunError::CellTooLong { sheet, cell }
                    }
                    xlsx::Error::TooManyRows { sheet } => RunError::SheetTooLong { sheet },
                    xlsx::Error::Failed => RunError::WorkbookFailed,
                }
            })?;
        outputs.push(Output {
            path: crate::sheet::file_name(department, year),
            bytes,
        });
        counts.push(plans.len());
    }
    for path in generated::remove_leftovers(folder)? {
        let note = Note::TemporaryRemoved { path };
        writeln!(streams.out, "{}", render::note(&note, lang))?;
    }
    generated::write(folder, &outputs).map_err(|e| super::written_in(folder, e))?;
    for (output, plans) in outputs.iter().zip(counts) {
        let note = Note::SheetWritten {
            path: folder.join(&output.path).display().to_string(),
            plans,
        };
        writeln!(streams.out, "{}", render::note(&note, lang))?;
    }
    Ok(Exit::Ok)
}
