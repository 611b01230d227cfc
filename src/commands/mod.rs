//! The commands, as library functions: each takes its options and the two output streams,
//! writes everything it has to say, and returns how it ended. `main.rs` only parses the
//! arguments and calls one of these; tests and the coming commands call them the same way.

pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod fmt;
pub mod new;

use std::io::{self, Write};

use crate::messages::{IoReason, Lang, RunError};
use crate::render::{self, Format};

/// How a command ended, as its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: nothing wrong.
    Ok = 0,
    /// 1: problems in the data (or charts out of date).
    Problems = 1,
    /// 2: the command could not run.
    CouldNotRun = 2,
}

/// How a command ended, and what it made. The binary ends the process without freeing
/// what was made: freeing 100,000 checked files, allocated on other threads, takes about
/// 60 ms, longer than everything else after the check.
pub struct Ended<T> {
    pub exit: Exit,
    pub made: Option<T>,
}

/// Where a command writes: standard output and standard error.
pub struct Streams<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// Why a command stopped before it was done.
#[derive(Debug)]
pub enum Stop {
    /// It could not run (no `plans/`, a file where a folder should be, a failed write …).
    Run(RunError),
    /// Its output could not be written.
    Output(io::Error),
}

impl From<RunError> for Stop {
    fn from(e: RunError) -> Stop {
        Stop::Run(e)
    }
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Output(e)
    }
}

/// Ends a command: flushes its output, and prints an error that stopped it in `format` (on
/// standard output for `json` and `github`, where programs read; on standard error for
/// people; on standard error whenever standard output itself failed). Never panics.
pub fn finish(
    result: Result<Exit, Stop>,
    format: Format,
    lang: Lang,
    streams: &mut Streams,
) -> Exit {
    let result = result.and_then(|exit| {
        streams.out.flush()?;
        Ok(exit)
    });
    let (error, to_out) = match result {
        Ok(exit) => return exit,
        Err(Stop::Run(e)) => (e, format != Format::Human),
        Err(Stop::Output(e)) => (
            RunError::Output {
                reason: IoReason::of(&e),
            },
            false,
        ),
    };
    let text = render::run_error(&error, format, lang);
    let on_out =
        to_out && streams.out.write_all(text.as_bytes()).is_ok() && streams.out.flush().is_ok();
    if !on_out {
        let _ = streams.err.write_all(text.as_bytes());
        let _ = streams.err.flush();
    }
    Exit::CouldNotRun
}
