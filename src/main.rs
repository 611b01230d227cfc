//! The `plans` command line: parses the arguments with clap and calls the command, a
//! library function in `plans::commands`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use plans::commands::{self, Streams};
use plans::render;

/// 郡山市行財政改革大綱2026実施計画: the plan repository's checks.
#[derive(Parser)]
#[command(name = "plans", version, about)]
struct Cli {
    /// Run as if started in DIR (the top of the plan repository).
    #[arg(short = 'C', value_name = "DIR", global = true, default_value = ".")]
    dir: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every file under plans/ and report every problem (exit 1 if any).
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Print how long each phase took, to standard error.
        #[arg(long)]
        timings: bool,
        /// When to colour the human output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// Check, then draw every chart into charts/ as SVG and PNG.
    Build {
        /// Write nothing; exit 1 if any chart is missing or stale.
        #[arg(long)]
        check: bool,
        /// PNG resolution: N times 1600 px wide (for print).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=8))]
        scale: u32,
        /// When to colour the human output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version go to standard output (exit 0), usage errors to standard
            // error (exit 2); a failed write is exit 2 either way.
            let printed = e.print().and_then(|()| std::io::stdout().flush());
            let code = if e.use_stderr() || printed.is_err() {
                2
            } else {
                0
            };
            return ExitCode::from(code);
        }
    };
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let mut streams = Streams {
        out: &mut out,
        err: &mut err,
    };
    let exit = match cli.command {
        Command::Check {
            format,
            deny_warnings,
            timings,
            color,
        } => {
            let options = commands::check::Options {
                root: cli.dir,
                format: match format {
                    Format::Human => render::Format::Human,
                    Format::Json => render::Format::Json,
                    Format::Github => render::Format::Github,
                },
                deny_warnings,
                timings,
                color: use_color(color),
                lang: plans::messages::Lang::from_env(),
            };
            let ended = commands::check::run(&options, &mut streams);
            // Everything is written and flushed: end here, without freeing every file that
            // was checked (see `commands::Ended`).
            std::process::exit(ended.exit as i32)
        }
        Command::Build {
            check,
            scale,
            color,
        } => {
            let options = commands::build::Options {
                root: cli.dir,
                check_only: check,
                scale,
                color: use_color(color),
                lang: plans::messages::Lang::from_env(),
            };
            commands::build::run(&options, &mut streams)
        }
    };
    ExitCode::from(exit as u8)
}

fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
