//! `plans check`: check every file under `plans/` and report every problem.

use std::path::PathBuf;
use std::time::Instant;

use super::{Ended, Exit, Stop, Streams};
use crate::check::{Outcome, check_repository};
use crate::messages::{Lang, Note};
use crate::render::{self, Format};

/// What `plans check` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The top of the plan repository.
    pub root: PathBuf,
    pub format: Format,
    /// Warnings fail the run too.
    pub deny_warnings: bool,
    /// Print how long each phase took, to standard error.
    pub timings: bool,
    /// Colour the human output.
    pub color: bool,
    /// The language of the words.
    pub lang: Lang,
}

/// Checks the repository and prints the diagnostics: exit 0 if none fails the run, 1 if any
/// does, 2 if the check could not run (printed in the chosen format). The outcome is handed
/// back with the exit code.
pub fn run(options: &Options, streams: &mut Streams) -> Ended<Outcome> {
    let mut made = None;
    let result = check(options, streams, &mut made);
    Ended {
        exit: super::finish(result, options.format, options.lang, streams),
        made,
    }
}

fn check(
    options: &Options,
    streams: &mut Streams,
    made: &mut Option<Outcome>,
) -> Result<Exit, Stop> {
    let started = Instant::now();
    let outcome = check_repository(&options.root)?;
    let show = render::Show {
        format: options.format,
        color: options.color,
        deny_warnings: options.deny_warnings,
        lang: options.lang,
    };
    let text = render::render(&outcome, show);
    streams.out.write_all(text.as_bytes())?;
    streams.out.flush()?;
    if options.timings {
        for (phase, took) in &outcome.timings {
            let note = Note::Timing {
                phase: *phase,
                micros: took.as_micros() as u64,
            };
            writeln!(streams.err, "{}", render::note(&note, options.lang))?;
        }
        let note = Note::TimingTotal {
            micros: started.elapsed().as_micros() as u64,
            files: outcome.files_with_problems(),
            threads: rayon::current_num_threads(),
        };
        writeln!(streams.err, "{}", render::note(&note, options.lang))?;
    }
    let exit = if outcome.failed(options.deny_warnings) {
        Exit::Problems
    } else {
        Exit::Ok
    };
    *made = Some(outcome);
    Ok(exit)
}
