//! The `plans` command line: builds the argument parser in the chosen language, parses the
//! arguments, and calls the command, a library function in `plans::commands`.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};
use plans::commands::{self, Streams};
use plans::messages::{Help, Lang, Usage};
use plans::render;

/// The commands, with the options each one takes.
const COMMANDS: [&str; 12] = [
    "check",
    "build",
    "diff",
    "fmt",
    "new",
    "export",
    "report",
    "site",
    "progress",
    "rules",
    "completions",
    "man",
];

/// The range of `build --scale`.
const SCALES: std::ops::RangeInclusive<u32> = 1..=8;

/// Where the options every command takes (`-C`, `--lang`) are listed in a command's help:
/// after its own.
const GLOBAL_ORDER: usize = 100;

/// The argument parser, with every help text in the language of `words`.
fn cli(words: &Help) -> Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}",
        words.usage_heading
    );
    let usage = |command: &str| {
        format!(
            "plans {command}{}{}",
            if command.is_empty() { "" } else { " " },
            words.options_placeholder
        )
    };
    let help = || {
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(words.help)
    };
    let color = || {
        Arg::new("color")
            .long("color")
            .value_name(words.color_value)
            .value_parser(["auto", "always", "never"])
            .default_value("auto")
            .hide_possible_values(true)
            .hide_default_value(true)
            .help(words.color)
    };
    let sub = |name: &'static str, about: &'static str| {
        Command::new(name)
            .about(about)
            .help_template(&template)
            .override_usage(usage(name))
            .disable_help_flag(true)
            .next_help_heading(words.options_heading)
            .arg(help())
    };
    let check = sub("check", words.check)
        .arg(
            Arg::new("format")
                .long("format")
                .value_name(words.format_value)
                .value_parser(["human", "json", "github"])
                .default_value("human")
                .hide_possible_values(true)
                .hide_default_value(true)
                .help(words.format),
        )
        .arg(
            Arg::new("deny-warnings")
                .long("deny-warnings")
                .action(ArgAction::SetTrue)
                .help(words.deny_warnings),
        )
        .arg(
            Arg::new("timings")
                .long("timings")
                .action(ArgAction::SetTrue)
                .help(words.timings),
        )
        .arg(color());
    let build = sub("build", words.build)
        .arg(
            Arg::new("check")
                .long("check")
                .action(ArgAction::SetTrue)
                .help(words.build_check),
        )
        .arg(
            Arg::new("scale")
                .long("scale")
                .value_name("N")
                .value_parser(
                    value_parser!(u32).range(i64::from(*SCALES.start())..=i64::from(*SCALES.end())),
                )
                .allow_negative_numbers(true)
                .default_value("1")
                .hide_default_value(true)
                .help(words.scale),
        )
        .arg(color());
    let diff = sub("diff", words.diff)
        .override_usage(format!(
            "{} <{}> [{}]",
            usage("diff"),
            words.base_value,
            words.head_value
        ))
        .arg(
            Arg::new("format")
                .long("format")
                .value_name(words.format_value)
                .value_parser(["text", "markdown", "json"])
                .default_value("text")
                .hide_possible_values(true)
                .hide_default_value(true)
                .help(words.diff_format),
        )
        .arg(
            Arg::new("base")
                .value_name(words.base_value)
                .required(true)
                .help(words.diff_base),
        )
        .arg(
            Arg::new("head")
                .value_name(words.head_value)
                .help(words.diff_head),
        );
    let fmt = sub("fmt", words.fmt)
        .override_usage(format!("{} [{}]...", usage("fmt"), words.files_value))
        .arg(
            Arg::new("check")
                .long("check")
                .action(ArgAction::SetTrue)
                .help(words.fmt_check),
        )
        .arg(color())
        .arg(
            Arg::new("files")
                .value_name(words.files_value)
                .num_args(0..)
                .value_parser(value_parser!(PathBuf))
                .help(words.fmt_files),
        );
    let new = sub("new", words.new)
        .arg(
            Arg::new("item")
                .long("item")
                .value_name("G-I")
                .help(words.new_item),
        )
        .arg(
            Arg::new("title")
                .long("title")
                .value_name(words.title_value)
                .help(words.new_title),
        )
        .arg(
            Arg::new("department")
                .long("department")
                .value_name(words.department_value)
                .action(ArgAction::Append)
                .help(words.new_department),
        )
        .arg(
            Arg::new("and-others")
                .long("and-others")
                .action(ArgAction::SetTrue)
                .help(words.new_and_others),
        )
        .arg(
            Arg::new("subproject")
                .long("subproject")
                .value_name(words.subproject_value)
                .action(ArgAction::Append)
                .help(words.new_subproject),
        )
        .arg(
            Arg::new("update-counts")
                .long("update-counts")
                .action(ArgAction::SetTrue)
                .help(words.new_update_counts),
        );
    let export = sub("export", words.export)
        .arg(
            Arg::new("format")
                .long("format")
                .value_name(words.format_value)
                .value_parser(["csv", "json"])
                .required(true)
                .hide_possible_values(true)
                .help(words.export_format),
        )
        .arg(
            Arg::new("output")
                .short('o')
                .value_name(words.file_value)
                .value_parser(value_parser!(PathBuf))
                .help(words.export_output),
        )
        .arg(
            Arg::new("no-bom")
                .long("no-bom")
                .action(ArgAction::SetTrue)
                .help(words.export_no_bom),
        )
        .arg(
            Arg::new("header")
                .long("header")
                .value_name(words.lang_value)
                .value_parser(["ja", "en"])
                .default_value("ja")
                .hide_possible_values(true)
                .hide_default_value(true)
                .help(words.export_header),
        )
        .arg(color());
    let report = sub("report", words.report)
        .arg(
            Arg::new("stdout")
                .long("stdout")
                .action(ArgAction::SetTrue)
                .help(words.report_stdout),
        )
        .arg(color());
    let site = sub("site", words.site)
        .arg(
            Arg::new("output")
                .short('o')
                .value_name(words.dir_value)
                .value_parser(value_parser!(PathBuf))
                .help(words.site_output),
        )
        .arg(color());
    let progress = sub("progress", words.progress)
        .arg(
            Arg::new("year")
                .long("year")
                .value_name(words.year_value)
                .value_parser(value_parser!(i64).range(2000..=2100))
                .help(words.progress_year),
        )
        .arg(
            Arg::new("format")
                .long("format")
                .value_name(words.format_value)
                .value_parser(["text", "markdown", "json", "csv"])
                .default_value("text")
                .hide_possible_values(true)
                .hide_default_value(true)
                .help(words.progress_format),
        )
        .arg(
            Arg::new("require-complete")
                .long("require-complete")
                .action(ArgAction::SetTrue)
                .help(words.progress_require_complete),
        )
        .arg(color());
    let rules = sub("rules", words.rules).arg(
        Arg::new("format")
            .long("format")
            .value_name(words.format_value)
            .value_parser(["human", "markdown"])
            .default_value("human")
            .hide_possible_values(true)
            .hide_default_value(true)
            .help(words.rules_format),
    );
    let completions = sub("completions", words.completions)
        .override_usage(format!("{} <{}>", usage("completions"), words.shell_value))
        .arg(
            Arg::new("shell")
                .value_name(words.shell_value)
                .required(true)
                .value_parser(["bash", "zsh", "fish", "powershell"])
                .hide_possible_values(true)
                .help(words.completions_shell),
        );
    let man = sub("man", words.man);
    Command::new("plans")
        .version(env!("CARGO_PKG_VERSION"))
        .about(words.about)
        .help_template(&template)
        .override_usage(format!("{} {}", usage(""), words.command_placeholder))
        .subcommand_required(true)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .subcommand_help_heading(words.commands_heading)
        .next_help_heading(words.options_heading)
        .arg(
            Arg::new("dir")
                .short('C')
                .value_name(words.dir_value)
                .value_parser(value_parser!(PathBuf))
                .default_value(".")
                .hide_default_value(true)
                .global(true)
                .display_order(GLOBAL_ORDER)
                .help(words.dir),
        )
        .arg(
            Arg::new("lang")
                .long("lang")
                .value_name(words.lang_value)
                .value_parser(["ja", "en"])
                .hide_possible_values(true)
                .global(true)
                .display_order(GLOBAL_ORDER + 1)
                .help(words.lang),
        )
        .arg(help())
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words.version),
        )
        .subcommand(check)
        .subcommand(build)
        .subcommand(diff)
        .subcommand(fmt)
        .subcommand(new)
        .subcommand(export)
        .subcommand(report)
        .subcommand(site)
        .subcommand(progress)
        .subcommand(rules)
        .subcommand(completions)
        .subcommand(man)
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let (lang, command) = prescan(&args);
    let matches = match cli(&lang.catalogue().help).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(e) => return ExitCode::from(refuse(&e, lang, command)),
    };
    let root = matches
        .get_one::<PathBuf>("dir")
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let mut streams = Streams {
        out: &mut out,
        err: &mut err,
    };
    let exit = match matches.subcommand() {
        Some(("check", m)) => {
            let options = commands::check::Options {
                root,
                format: match text(m, "format") {
                    "json" => render::Format::Json,
                    "github" => render::Format::Github,
                    _ => render::Format::Human,
                },
                deny_warnings: m.get_flag("deny-warnings"),
                timings: m.get_flag("timings"),
                color: use_color(text(m, "color")),
                lang,
            };
            let ended = commands::check::run(&options, &mut streams);
            // Everything is written and flushed: end here, without freeing every file that
            // was checked (see `commands::Ended`).
            std::process::exit(ended.exit as i32)
        }
        Some(("build", m)) => {
            let options = commands::build::Options {
                root,
                check_only: m.get_flag("check"),
                scale: m.get_one::<u32>("scale").copied().unwrap_or(1),
                color: use_color(text(m, "color")),
                lang,
            };
            commands::build::run(&options, &mut streams)
        }
        Some(("diff", m)) => {
            let options = commands::diff::Options {
                root,
                base: text(m, "base").to_string(),
                head: m.get_one::<String>("head").cloned(),
                format: match text(m, "format") {
                    "markdown" => commands::diff::DiffFormat::Markdown,
                    "json" => commands::diff::DiffFormat::Json,
                    _ => commands::diff::DiffFormat::Text,
                },
                lang,
            };
            commands::diff::run(&options, &mut streams)
        }
        Some(("fmt", m)) => {
            let options = commands::fmt::Options {
                root,
                check_only: m.get_flag("check"),
                files: m
                    .get_many::<PathBuf>("files")
                    .map(|files| files.cloned().collect())
                    .unwrap_or_default(),
                color: use_color(text(m, "color")),
                lang,
            };
            commands::fmt::run(&options, &mut streams)
        }
        Some(("new", m)) => {
            let many = |id: &str| -> Vec<String> {
                m.get_many::<String>(id)
                    .map(|v| v.cloned().collect())
                    .unwrap_or_default()
            };
            let options = commands::new::Options {
                root,
                item: m.get_one::<String>("item").cloned(),
                title: m.get_one::<String>("title").cloned(),
                departments: many("department"),
                and_others: m.get_flag("and-others"),
                subprojects: many("subproject"),
                update_counts: m.get_flag("update-counts"),
                interactive: std::io::stdin().is_terminal(),
                lang,
            };
            let mut input = std::io::stdin().lock();
            commands::new::run(&options, &mut input, &mut streams)
        }
        Some(("export", m)) => {
            let options = commands::export::Options {
                root,
                format: match text(m, "format") {
                    "json" => commands::export::ExportFormat::Json,
                    _ => commands::export::ExportFormat::Csv,
                },
                output: m.get_one::<PathBuf>("output").cloned(),
                bom: !m.get_flag("no-bom"),
                english_header: text(m, "header") == "en",
                color: use_color(text(m, "color")),
                lang,
            };
            commands::export::run(&options, &mut streams)
        }
        Some(("report", m)) => {
            let options = commands::report::Options {
                root,
                stdout: m.get_flag("stdout"),
                color: use_color(text(m, "color")),
                lang,
            };
            commands::report::run(&options, &mut streams)
        }
        Some(("site", m)) => {
            let options = commands::site::Options {
                root,
                output: m.get_one::<PathBuf>("output").cloned(),
                color: use_color(text(m, "color")),
                lang,
            };
            commands::site::run(&options, &mut streams)
        }
        Some(("progress", m)) => {
            let options = commands::progress::Options {
                root,
                year: m.get_one::<i64>("year").copied(),
                format: match text(m, "format") {
                    "markdown" => commands::progress::ProgressFormat::Markdown,
                    "json" => commands::progress::ProgressFormat::Json,
                    "csv" => commands::progress::ProgressFormat::Csv,
                    _ => commands::progress::ProgressFormat::Text,
                },
                require_complete: m.get_flag("require-complete"),
                color: use_color(text(m, "color")),
                lang,
            };
            commands::progress::run(&options, &mut streams)
        }
        Some(("rules", m)) => {
            let options = commands::rules::Options {
                format: match text(m, "format") {
                    "markdown" => commands::rules::RulesFormat::Markdown,
                    _ => commands::rules::RulesFormat::Human,
                },
                lang,
            };
            commands::rules::run(&options, &mut streams)
        }
        Some(("completions", m)) => {
            let shell = match text(m, "shell") {
                "zsh" => clap_complete::Shell::Zsh,
                "fish" => clap_complete::Shell::Fish,
                "powershell" => clap_complete::Shell::PowerShell,
                _ => clap_complete::Shell::Bash,
            };
            let mut script = Vec::new();
            clap_complete::generate(
                shell,
                &mut cli(&lang.catalogue().help),
                "plans",
                &mut script,
            );
            written(streams.out, &script, lang)
        }
        Some(("man", _)) => {
            let mut page = Vec::new();
            let rendered = clap_mangen::Man::new(cli(&lang.catalogue().help)).render(&mut page);
            match rendered {
                Ok(()) => written(streams.out, &page, lang),
                Err(_) => commands::Exit::CouldNotRun,
            }
        }
        // `subcommand_required` leaves no other case.
        _ => commands::Exit::CouldNotRun,
    };
    ExitCode::from(exit as u8)
}

/// Writes a generated script or page to standard output: exit 0, or 2 (said on standard
/// error) if it cannot be written.
fn written(out: &mut dyn Write, bytes: &[u8], lang: Lang) -> commands::Exit {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => commands::Exit::Ok,
        Err(e) => {
            let error = plans::messages::RunError::Output {
                reason: plans::messages::IoReason::of(&e),
            };
            let text = render::run_error(&error, render::Format::Human, lang);
            let _ = std::io::stderr().write_all(text.as_bytes());
            commands::Exit::CouldNotRun
        }
    }
}

fn text<'a>(matches: &'a ArgMatches, id: &str) -> &'a str {
    matches.get_one::<String>(id).map_or("", String::as_str)
}

/// The language and the command, read before parsing so that the parser's own help and
/// errors are in that language: `--lang ja|en` wins, then the environment.
fn prescan(args: &[OsString]) -> (Lang, Option<String>) {
    let mut lang = None;
    let mut command = None;
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        let value = match arg.as_ref() {
            "--lang" => rest.next(),
            "-C" => {
                rest.next();
                continue;
            }
            other => match other.strip_prefix("--lang=") {
                Some(v) => Some(v.to_string().into()),
                None => {
                    if command.is_none() && COMMANDS.contains(&other) {
                        command = Some(other.to_string());
                    }
                    continue;
                }
            },
        };
        lang = match value.as_deref() {
            Some("ja") => Some(Lang::Ja),
            Some("en") => Some(Lang::En),
            _ => lang,
        };
    }
    (lang.unwrap_or_else(Lang::from_env), command)
}

/// Prints why the command line was refused (or the help or version asked for) and returns
/// the exit code: 0 for help and version, 2 for a mistake.
fn refuse(e: &clap::Error, lang: Lang, command: Option<String>) -> u8 {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let printed = e.print().and_then(|()| std::io::stdout().flush());
        return if printed.is_err() { 2 } else { 0 };
    }
    let text = render::usage(&usage(e, command), lang);
    let _ = std::io::stderr().write_all(text.as_bytes());
    2
}

/// What is wrong with the command line, from the parser's error kind and context.
fn usage(e: &clap::Error, command: Option<String>) -> Usage {
    let one = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let all = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    // The parser names an option with its value name ("--format <FORMAT>"): keep the option.
    let argument = || {
        one(ContextKind::InvalidArg)
            .map(|a| {
                let name = a.split(' ').next().unwrap_or_default();
                name.trim_matches(['<', '>']).to_string()
            })
            .unwrap_or_default()
    };
    match e.kind() {
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Usage::MissingCommand
        }
        ErrorKind::InvalidSubcommand => Usage::UnknownCommand {
            name: one(ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion: one(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::UnknownArgument if !argument().starts_with('-') => Usage::Unexpected {
            command,
            argument: argument(),
        },
        ErrorKind::UnknownArgument => Usage::UnknownArgument {
            command,
            argument: argument(),
            suggestion: one(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidValue => Usage::InvalidValue {
            command,
            argument: argument(),
            value: one(ContextKind::InvalidValue).unwrap_or_default(),
            allowed: all(ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation if argument() == "--year" => Usage::OutOfRange {
            command,
            argument: argument(),
            value: one(ContextKind::InvalidValue).unwrap_or_default(),
            min: 2000,
            max: 2100,
        },
        ErrorKind::ValueValidation if argument() == "--scale" => Usage::OutOfRange {
            command,
            argument: argument(),
            value: one(ContextKind::InvalidValue).unwrap_or_default(),
            min: *SCALES.start(),
            max: *SCALES.end(),
        },
        ErrorKind::ValueValidation => Usage::InvalidValue {
            command,
            argument: argument(),
            value: one(ContextKind::InvalidValue).unwrap_or_default(),
            allowed: Vec::new(),
        },
        ErrorKind::MissingRequiredArgument => Usage::MissingArgument {
            command,
            argument: argument(),
        },
        ErrorKind::TooManyValues => Usage::NoValueAllowed {
            command,
            argument: argument(),
        },
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            Usage::MissingValue {
                command,
                argument: argument(),
            }
        }
        ErrorKind::ArgumentConflict => Usage::Repeated {
            command,
            argument: argument(),
        },
        ErrorKind::InvalidUtf8 => Usage::NotUtf8 { command },
        _ => Usage::Other { command },
    }
}

fn use_color(color: &str) -> bool {
    match color {
        "always" => true,
        "never" => false,
        _ => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
