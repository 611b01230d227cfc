//! The `plans` command line: parses arguments and dispatches to the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use plans::check::{self, render};
use plans::messages;

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
            timings,
            color,
        } => run_check(&cli.dir, format, deny_warnings, timings, color),
        Command::Build {
            check,
            scale,
            color,
        } => run_build(&cli.dir, check, scale, color),
    }
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

fn run_build(dir: &std::path::Path, check_only: bool, scale: u32, color: Color) -> ExitCode {
    let outcome = match check::check_repository(dir) {
        Ok(outcome) => outcome,
        Err(e) => {
            eprintln!("plans: {e}");
            return ExitCode::from(2);
        }
    };
    if outcome.errors() > 0 {
        print!(
            "{}",
            render::render(&outcome, render::Format::Human, use_color(color))
        );
        eprintln!("plans: {}", messages::build_refused());
        return ExitCode::from(1);
    }
    let outputs = match plans::chart::render_all(&outcome.model(), scale) {
        Ok(outputs) => outputs,
        Err(e) => {
            eprintln!("plans: {e}");
            return ExitCode::from(1);
        }
    };
    if check_only {
        let stale = plans::chart::stale(dir, &outputs);
        if stale.is_empty() {
            println!("{}", messages::charts_current(outputs.len()));
            return ExitCode::SUCCESS;
        }
        for o in &stale {
            println!(
                "{}",
                messages::chart_state(&o.path, dir.join(&o.path).exists())
            );
        }
        println!("{}", messages::charts_stale(stale.len(), scale));
        return ExitCode::from(1);
    }
    match plans::chart::write_all(dir, &outputs) {
        Ok(written) => {
            println!(
                "{}",
                messages::charts_written(written, outputs.len() - written)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("plans: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_check(
    dir: &std::path::Path,
    format: render::Format,
    deny_warnings: bool,
    timings: bool,
    color: Color,
) -> ExitCode {
    let started = std::time::Instant::now();
    let outcome = match check::check_repository(dir) {
        Ok(outcome) => outcome,
        Err(e) => {
            eprintln!("plans: {e}");
            return ExitCode::from(2);
        }
    };
    let color = use_color(color);
    let text = render::render(&outcome, format, color);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (e.g. `plans check | head`) is not an error worth a panic.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    if timings {
        for (phase, took) in &outcome.timings {
            eprintln!("{:>9.2} ms  {phase}", took.as_secs_f64() * 1000.0);
        }
        eprintln!(
            "{:>9.2} ms  total, with output ({} files with problems, {} threads)",
            started.elapsed().as_secs_f64() * 1000.0,
            outcome.files_with_problems(),
            rayon::current_num_threads()
        );
    }
    let code = i32::from(outcome.failed(deny_warnings));
    drop(stdout);
    // Everything is written and flushed: end here rather than free every plan that was read
    // only for the process to exit (about 15 ms on 100,000 plans).
    std::process::exit(code)
}

/// Runs before `main` (the standard library allocates before it), so that the allocator's
/// first pages already follow the policy in `plans::mem`.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static BEFORE_MAIN: extern "C" fn() = before_main;

#[cfg(target_os = "linux")]
extern "C" fn before_main() {
    // mimalloc hands memory freed for 10 ms back to the kernel, which must zero it again when
    // it is used again: a run lasts well under a second, so it keeps what it has.
    // SAFETY: sets one of mimalloc's options, before a second thread exists.
    unsafe { mi_option_set(plans::mem::MIMALLOC_PURGE_DELAY, -1) };
    plans::mem::hold_huge_pages();
}

#[cfg(target_os = "linux")]
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
