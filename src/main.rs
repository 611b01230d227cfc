//! The `plans` command line: parses arguments and dispatches to the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use plans::check::{self, render};

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
        #[arg(long, value_enum, default_value_t = render::Format::Human)]
        format: render::Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// When to colour the human output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            format,
            deny_warnings,
            color,
        } => run_check(&cli.dir, format, deny_warnings, color),
    }
}

fn run_check(
    dir: &std::path::Path,
    format: render::Format,
    deny_warnings: bool,
    color: Color,
) -> ExitCode {
    let outcome = match check::check_repository(dir) {
        Ok(outcome) => outcome,
        Err(e) => {
            eprintln!("plans: {e}");
            return ExitCode::from(2);
        }
    };
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let text = render::render(&outcome, format, color);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (e.g. `plans check | head`) is not an error worth a panic.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    if outcome.failed(deny_warnings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
