//! The `plans` command line: the commands and options, each defined once (below, with clap's
//! derive), in the language chosen before parsing; then the command, a library function in
//! `plans::commands`.
//!
//! Every help word comes from the catalogue (`plans::messages::Help`) at run time, through
//! [`words`]. The definitions carry no doc comments (`//` instead): clap's derive would take
//! one for the help, or for a value's help, which completions and the manual page show.

use std::ffi::{OsStr, OsString};
use std::io::{IsTerminal, Write};
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::LazyLock;

use clap::builder::TypedValueParser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{
    Arg, ArgAction, Args, ColorChoice, Command, CommandFactory, FromArgMatches, Parser, Subcommand,
    ValueEnum, value_parser,
};
use plans::commands::department::Reorganisation;
use plans::commands::diff::DiffFormat;
use plans::commands::export::ExportFormat;
use plans::commands::progress::ProgressFormat;
use plans::commands::rules::RulesFormat;
use plans::commands::{self, Streams};
use plans::messages::{Help, Lang, Usage};
use plans::render;

/// Where the options every command takes (`-C`, `--lang`) are listed in a command's help:
/// after its own.
const GLOBAL_ORDER: usize = 100;

/// The language of everything the command line says, chosen before parsing so that the
/// parser's own help and errors are in it: `--lang ja|en` wherever it is written, then the
/// environment.
static LANG: LazyLock<Lang> = LazyLock::new(|| {
    let args: Vec<OsString> = std::env::args_os().collect();
    prescan(&args).0.unwrap_or_else(Lang::from_env)
});

/// The help words of the chosen language.
fn words() -> &'static Help {
    &LANG.catalogue().help
}

#[derive(Parser)]
#[command(
    name = "plans",
    version,
    about = words().about,
    subcommand_required = true,
    disable_help_subcommand = true,
    disable_version_flag = true,
    subcommand_help_heading = words().commands_heading
)]
struct Cli {
    #[arg(
        short = 'C',
        value_name = words().dir_value,
        help = words().dir,
        default_value = ".",
        global = true,
        display_order = GLOBAL_ORDER
    )]
    dir: PathBuf,
    #[arg(
        long,
        value_name = words().lang_value,
        help = words().lang,
        global = true,
        display_order = GLOBAL_ORDER + 1
    )]
    lang: Option<Lang>,
    #[command(flatten)]
    help: HelpFlag,
    #[arg(short = 'V', long, action = ArgAction::Version, help = words().version)]
    version: Option<bool>,
    #[command(subcommand)]
    command: Commands,
}

// `-h, --help`, first in every command's list (clap's own would come last, in English).
#[derive(Args)]
struct HelpFlag {
    #[arg(short, long, action = ArgAction::Help, help = words().help)]
    help: Option<bool>,
}

/// `plans department rename | merge`.
#[derive(Subcommand)]
enum DepartmentChange {
    #[command(about = words().department_rename)]
    Rename {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(value_name = words().department_value, help = words().department_old, display_order = 1000)]
        old: String,
        #[arg(value_name = words().department_value, help = words().department_new, display_order = 1001)]
        new: String,
        #[command(flatten)]
        since: Since,
        #[command(flatten)]
        color: Color,
    },
    #[command(about = words().department_merge)]
    Merge {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(value_name = words().department_value, num_args = 1.., required = true, help = words().department_merged)]
        from: Vec<String>,
        #[arg(long, value_name = words().department_value, help = words().department_into)]
        into: String,
        #[command(flatten)]
        since: Since,
        #[command(flatten)]
        color: Color,
    },
}

// `--from YEAR` of a reorganisation.
#[derive(Args)]
struct Since {
    #[arg(
        long = "from",
        value_name = words().year_value,
        value_parser = Whole(YEARS),
        help = words().department_from
    )]
    year: u32,
}

// `-o FILE`, in every command that can write its output to a file instead of standard output.
#[derive(Args)]
struct OutputFile {
    #[arg(short = 'o', value_name = words().file_value, help = words().output_file)]
    output: Option<PathBuf>,
}

// `--year`, in every command that shows a year's progress.
#[derive(Args)]
struct Year {
    #[arg(
        long,
        value_name = words().year_value,
        value_parser = Whole(YEARS),
        help = words().year
    )]
    year: Option<u32>,
}

impl Year {
    fn get(&self) -> Option<i64> {
        self.year.map(i64::from)
    }
}

// `--color`, in every command that prints problems.
#[derive(Args)]
struct Color {
    #[arg(
        long,
        value_enum,
        default_value_t = ColorChoice::Auto,
        value_name = words().color_value,
        help = words().color
    )]
    color: ColorChoice,
}

// The commands, in the order of `plans --help` and of the list a mistake on the command
// line is answered with.
#[derive(Subcommand)]
enum Commands {
    #[command(about = words().check)]
    Check {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(
            long,
            value_enum,
            default_value_t = render::Format::Human,
            value_name = words().format_value,
            help = words().format
        )]
        format: render::Format,
        #[arg(long, help = words().deny_warnings)]
        deny_warnings: bool,
        #[arg(long, help = words().timings)]
        timings: bool,
        #[command(flatten)]
        color: Color,
    },
    #[command(about = words().build)]
    Build {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(long, help = words().build_check)]
        check: bool,
        #[arg(
            long,
            value_name = "N",
            value_parser = Whole(1..=8),
            allow_negative_numbers = true,
            default_value_t = 1,
            help = words().scale
        )]
        scale: u32,
        #[command(flatten)]
        color: Color,
    },
    #[command(about = words().diff)]
    Diff {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(
            long,
            value_enum,
            default_value_t = DiffFormat::Text,
            value_name = words().format_value,
            help = words().diff_format
        )]
        format: DiffFormat,
        #[arg(value_name = words().base_value, help = words().diff_base)]
        base: String,
        #[arg(value_name = words().head_value, help = words().diff_head)]
        head: Option<String>,
    },
    #[command(about = words().fix)]
    Fix {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(long, help = words().fix_suggest)]
        suggest: bool,
        #[arg(value_name = words().files_value, num_args = 0.., help = words().fix_files)]
        files: Vec<PathBuf>,
    },
    #[command(about = words().fmt)]
    Fmt {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(long, help = words().fmt_check)]
        check: bool,
        #[command(flatten)]
        color: Color,
        #[arg(value_name = words().files_value, num_args = 0.., help = words().fmt_files)]
        files: Vec<PathBuf>,
    },
    #[command(about = words().new)]
    New {
        #[command(flatten)]
        help: HelpFlag,
        // `--item` is the option's first name, still accepted.
        #[arg(long, alias = "item", value_name = "G-I", help = words().new_area)]
        area: Option<String>,
        #[arg(long, value_name = words().title_value, help = words().new_title)]
        title: Option<String>,
        #[arg(long = "department", value_name = words().department_value, help = words().new_department)]
        departments: Vec<String>,
        #[arg(long, help = words().new_and_others)]
        and_others: bool,
        #[arg(long = "subproject", value_name = words().subproject_value, help = words().new_subproject)]
        subprojects: Vec<String>,
        #[arg(long, help = words().new_update_counts)]
        update_counts: bool,
        #[arg(
            long,
            value_name = words().year_value,
            value_parser = Whole(YEARS),
            conflicts_with = "update_counts",
            help = words().new_added_in
        )]
        added_in: Option<u32>,
    },
    #[command(about = words().department)]
    Department {
        #[command(flatten)]
        help: HelpFlag,
        #[command(subcommand)]
        change: DepartmentChange,
    },
    #[command(about = words().export)]
    Export {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(long, value_enum, value_name = words().format_value, help = words().export_format)]
        format: ExportFormat,
        #[command(flatten)]
        output: OutputFile,
        #[arg(long, help = words().export_no_bom)]
        no_bom: bool,
        #[arg(
            long,
            value_enum,
            default_value_t = Lang::Ja,
            value_name = words().lang_value,
            help = words().export_header
        )]
        header: Lang,
        #[command(flatten)]
        color: Color,
    },
    #[command(about = words().report)]
    Report {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(long, help = words().report_stdout)]
        stdout: bool,
        #[command(flatten)]
        year: Year,
        #[command(flatten)]
        output: OutputFile,
        #[arg(long, value_name = words().url_value, help = words().report_site)]
        site: Option<String>,
        #[command(flatten)]
        color: Color,
    },
    #[command(about = words().site)]
    Site {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(short = 'o', value_name = words().dir_value, help = words().site_output)]
        output: Option<PathBuf>,
        #[command(flatten)]
        year: Year,
        #[command(flatten)]
        color: Color,
    },
    #[command(about = words().progress)]
    Progress {
        #[command(flatten)]
        help: HelpFlag,
        #[command(flatten)]
        year: Year,
        #[arg(
            long,
            value_enum,
            default_value_t = ProgressFormat::Text,
            value_name = words().format_value,
            help = words().progress_format
        )]
        format: ProgressFormat,
        #[arg(long, help = words().progress_require_complete)]
        require_complete: bool,
        #[command(flatten)]
        output: OutputFile,
        #[command(flatten)]
        color: Color,
    },
    #[command(about = words().sheet)]
    Sheet {
        #[command(flatten)]
        help: HelpFlag,
        #[command(flatten)]
        year: Year,
        #[arg(long, value_name = words().department_value, help = words().sheet_department)]
        department: Option<String>,
        #[arg(short = 'o', value_name = words().dir_value, required = true, help = words().sheet_output)]
        output: PathBuf,
        #[command(flatten)]
        color: Color,
    },
    #[command(about = words().import)]
    Import {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(long, help = words().import_replace)]
        replace: bool,
        #[arg(
            long,
            value_name = words().year_value,
            value_parser = Whole(YEARS),
            help = words().import_year
        )]
        year: Option<u32>,
        #[command(flatten)]
        color: Color,
        #[arg(value_name = words().files_value, num_args = 1.., required = true, help = words().import_files)]
        files: Vec<PathBuf>,
    },
    #[command(about = words().rules)]
    Rules {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(
            long,
            value_enum,
            default_value_t = RulesFormat::Human,
            value_name = words().format_value,
            help = words().rules_format
        )]
        format: RulesFormat,
    },
    #[command(about = words().completions)]
    Completions {
        #[command(flatten)]
        help: HelpFlag,
        #[arg(value_enum, value_name = words().shell_value, help = words().completions_shell)]
        shell: Shell,
    },
    #[command(about = words().man)]
    Man {
        #[command(flatten)]
        help: HelpFlag,
    },
}

// The shells `completions` writes for (clap_complete knows elvish too, which is not offered).
#[derive(Clone, Copy, ValueEnum)]
enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

impl From<Shell> for clap_complete::Shell {
    fn from(shell: Shell) -> clap_complete::Shell {
        match shell {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
            Shell::Powershell => clap_complete::Shell::PowerShell,
        }
    }
}

/// A whole number from a range (`--scale`, `--year`). Any other value is refused with the
/// range in the error, as its least and greatest valid values, so that the words of the
/// mistake take the range from the option's own definition.
#[derive(Clone)]
struct Whole(RangeInclusive<u32>);

/// The fiscal years an option takes (`--year`, `--from`, `--added-in`).
const YEARS: RangeInclusive<u32> = 2000..=2100;

impl TypedValueParser for Whole {
    type Value = u32;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<u32, clap::Error> {
        let (min, max) = (*self.0.start(), *self.0.end());
        value_parser!(u32)
            .range(i64::from(min)..=i64::from(max))
            .parse_ref(cmd, arg, value)
            .map_err(|mut e| {
                let bounds = vec![min.to_string(), max.to_string()];
                e.insert(ContextKind::ValidValue, ContextValue::Strings(bounds));
                e
            })
    }
}

/// The parser: the definitions above, laid out alike in every command (the help's template
/// and headings in the chosen language, the usage line, no option's choices or default shown
/// after its help, whose words say them).
fn parser() -> Command {
    let shared = |cmd: Command, path: &str| {
        let usage = usage_line(&cmd, path);
        cmd.help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}",
            words().usage_heading
        ))
        .override_usage(usage)
        .subcommand_help_heading(words().commands_heading)
        .disable_help_flag(true)
        .mut_args(|arg| {
            let arg = arg.help_heading(words().options_heading);
            if arg.get_action().takes_values() {
                arg.hide_possible_values(true).hide_default_value(true)
            } else {
                arg
            }
        })
    };
    // Every command and the commands under it (`plans department rename`) alike.
    fn each(cmd: Command, path: &str, shared: &dyn Fn(Command, &str) -> Command) -> Command {
        shared(cmd, path).mut_subcommands(|sub| {
            let path = format!("{path} {}", sub.get_name());
            each(sub, &path, shared)
        })
    }
    each(Cli::command(), "plans", &shared)
}

/// `plans check [OPTIONS]`, with the placeholders in the chosen language, then the values the
/// command takes (`<BASE> [HEAD]`, `[FILE]...`) or `<COMMAND>`.
fn usage_line(cmd: &Command, path: &str) -> String {
    let mut line = format!("{path} {}", words().options_placeholder);
    for arg in cmd.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().to_string(), ToString::to_string);
        let many = matches!(arg.get_action(), ArgAction::Append);
        line.push_str(&match (arg.is_required_set(), many) {
            (true, _) => format!(" <{name}>"),
            (false, false) => format!(" [{name}]"),
            (false, true) => format!(" [{name}]..."),
        });
    }
    if cmd.has_subcommands() {
        line.push(' ');
        line.push_str(words().command_placeholder);
    }
    line
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = *LANG;
    let mut definition = parser();
    let parsed = definition
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(refuse(&e, lang, &definition, &args)),
    };
    let root = cli.dir;
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let mut streams = Streams {
        out: &mut out,
        err: &mut err,
    };
    let exit = match cli.command {
        Commands::Check {
            format,
            deny_warnings,
            timings,
            color,
            ..
        } => {
            let options = commands::check::Options {
                root,
                format,
                deny_warnings,
                timings,
                color: use_color(color.color),
                lang,
            };
            let ended = commands::check::run(&options, &mut streams);
            // Everything is written and flushed: end here, without freeing every file that
            // was checked (see `commands::Ended`).
            std::process::exit(ended.exit as i32)
        }
        Commands::Build {
            check,
            scale,
            color,
            ..
        } => {
            let options = commands::build::Options {
                root,
                check_only: check,
                scale,
                color: use_color(color.color),
                lang,
            };
            commands::build::run(&options, &mut streams)
        }
        Commands::Diff {
            format, base, head, ..
        } => {
            let options = commands::diff::Options {
                root,
                base,
                head,
                format,
                lang,
            };
            commands::diff::run(&options, &mut streams)
        }
        Commands::Fix { files, suggest, .. } => {
            let options = commands::fix::Options {
                root,
                files,
                suggest,
                lang,
            };
            commands::fix::run(&options, &mut streams)
        }
        Commands::Fmt {
            check,
            color,
            files,
            ..
        } => {
            let options = commands::fmt::Options {
                root,
                check_only: check,
                files,
                color: use_color(color.color),
                lang,
            };
            commands::fmt::run(&options, &mut streams)
        }
        Commands::New {
            area,
            title,
            departments,
            and_others,
            subprojects,
            update_counts,
            added_in,
            ..
        } => {
            let options = commands::new::Options {
                root,
                area,
                title,
                departments,
                and_others,
                subprojects,
                update_counts,
                added_in: added_in.map(i64::from),
                interactive: std::io::stdin().is_terminal(),
                lang,
            };
            let mut input = std::io::stdin().lock();
            commands::new::run(&options, &mut input, &mut streams)
        }
        Commands::Department { change, .. } => {
            let (change, since, color) = match change {
                DepartmentChange::Rename {
                    old,
                    new,
                    since,
                    color,
                    ..
                } => (Reorganisation::Rename { old, new }, since, color),
                DepartmentChange::Merge {
                    from,
                    into,
                    since,
                    color,
                    ..
                } => (Reorganisation::Merge { from, into }, since, color),
            };
            let options = commands::department::Options {
                root,
                change,
                since: i64::from(since.year),
                color: use_color(color.color),
                lang,
            };
            commands::department::run(&options, &mut streams)
        }
        Commands::Export {
            format,
            output,
            no_bom,
            header,
            color,
            ..
        } => {
            let options = commands::export::Options {
                root,
                format,
                output: output.output,
                bom: !no_bom,
                english_header: header == Lang::En,
                terminal: std::io::stdout().is_terminal(),
                color: use_color(color.color),
                lang,
            };
            commands::export::run(&options, &mut streams)
        }
        Commands::Report {
            stdout,
            year,
            output,
            site,
            color,
            ..
        } => {
            let options = commands::report::Options {
                root,
                stdout,
                year: year.get(),
                output: output.output,
                site,
                color: use_color(color.color),
                lang,
            };
            commands::report::run(&options, &mut streams)
        }
        Commands::Site {
            output,
            year,
            color,
            ..
        } => {
            let options = commands::site::Options {
                root,
                output,
                year: year.get(),
                color: use_color(color.color),
                lang,
            };
            commands::site::run(&options, &mut streams)
        }
        Commands::Progress {
            year,
            format,
            require_complete,
            output,
            color,
            ..
        } => {
            let options = commands::progress::Options {
                root,
                year: year.get(),
                format,
                require_complete,
                output: output.output,
                color: use_color(color.color),
                lang,
            };
            commands::progress::run(&options, &mut streams)
        }
        Commands::Sheet {
            year,
            department,
            output,
            color,
            ..
        } => {
            let options = commands::sheet::Options {
                root,
                year: year.get(),
                department,
                output,
                color: use_color(color.color),
                lang,
            };
            commands::sheet::run(&options, &mut streams)
        }
        Commands::Import {
            replace,
            year,
            color,
            files,
            ..
        } => {
            let options = commands::import::Options {
                root,
                files,
                replace,
                year: year.map(i64::from),
                color: use_color(color.color),
                lang,
            };
            commands::import::run(&options, &mut streams)
        }
        Commands::Rules { format, .. } => {
            let options = commands::rules::Options { format, lang };
            commands::rules::run(&options, &mut streams)
        }
        Commands::Completions { shell, .. } => {
            let mut script = Vec::new();
            clap_complete::generate(
                clap_complete::Shell::from(shell),
                &mut parser(),
                "plans",
                &mut script,
            );
            written(streams.out, &script, lang)
        }
        Commands::Man { .. } => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(parser()).render(&mut page) {
                Ok(()) if lang == Lang::Ja => {
                    let page = String::from_utf8_lossy(&page)
                        .lines()
                        .map(|line| match line.strip_prefix(".SH ") {
                            Some(heading) => plans::messages::ja::man_section(heading)
                                .map_or_else(|| line.to_string(), |ja| format!(".SH {ja}")),
                            None => line.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                        + "\n";
                    written(streams.out, page.as_bytes(), lang)
                }
                Ok(()) => written(streams.out, &page, lang),
                Err(_) => commands::Exit::CouldNotRun,
            }
        }
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

/// The language asked for with `--lang`, and the command, read before parsing (the command
/// names the help to point a mistake to).
fn prescan(args: &[OsString]) -> (Option<Lang>, Option<String>) {
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
                    if command.is_none() && Commands::has_subcommand(other) {
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
    (lang, command)
}

/// Prints why the command line was refused (or the help or version asked for) and returns
/// the exit code: 0 for help and version, 2 for a mistake.
fn refuse(e: &clap::Error, lang: Lang, parser: &Command, args: &[OsString]) -> u8 {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let printed = e.print().and_then(|()| std::io::stdout().flush());
        return if printed.is_err() { 2 } else { 0 };
    }
    let commands = parser
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let text = render::usage(&usage(e, prescan(args).1, commands), lang);
    let _ = std::io::stderr().write_all(text.as_bytes());
    2
}

/// What is wrong with the command line, from the parser's error kind and context.
fn usage(e: &clap::Error, command: Option<String>, commands: Vec<String>) -> Usage {
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
    // The parser lists its suggestions from the least like what was typed to the most.
    let closest = |kind| all(kind).pop();
    // The least and the greatest value `Whole` puts in its error.
    let bounds = |valid: Vec<String>| match valid.as_slice() {
        [min, max] => Some((min.parse().ok()?, max.parse().ok()?)),
        _ => None,
    };
    // The parser names an option with its value name ("--format <FORMAT>"): keep the option.
    let argument = || {
        one(ContextKind::InvalidArg)
            .map(|a| {
                let name = a.split(' ').next().unwrap_or_default();
                name.trim_end_matches("...")
                    .trim_matches(['<', '>'])
                    .to_string()
            })
            .unwrap_or_default()
    };
    match e.kind() {
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Usage::MissingCommand { commands }
        }
        ErrorKind::InvalidSubcommand => Usage::UnknownCommand {
            name: one(ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion: closest(ContextKind::SuggestedSubcommand),
            commands,
        },
        ErrorKind::UnknownArgument if !argument().starts_with('-') => Usage::Unexpected {
            command,
            argument: argument(),
        },
        ErrorKind::UnknownArgument => Usage::UnknownArgument {
            command,
            argument: argument(),
            suggestion: closest(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidValue => Usage::InvalidValue {
            command,
            argument: argument(),
            value: one(ContextKind::InvalidValue).unwrap_or_default(),
            allowed: all(ContextKind::ValidValue),
        },
        // Not a whole number of its range (see `Whole`), or another value refused.
        ErrorKind::ValueValidation => match bounds(all(ContextKind::ValidValue)) {
            Some((min, max)) => Usage::OutOfRange {
                command,
                argument: argument(),
                value: one(ContextKind::InvalidValue).unwrap_or_default(),
                min,
                max,
            },
            None => Usage::InvalidValue {
                command,
                argument: argument(),
                value: one(ContextKind::InvalidValue).unwrap_or_default(),
                allowed: Vec::new(),
            },
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
        // Two options that exclude each other (the parser names the other one), or one twice.
        ErrorKind::ArgumentConflict => {
            let other = one(ContextKind::PriorArg)
                .map(|a| a.split(' ').next().unwrap_or_default().to_string())
                .filter(|other| *other != argument());
            match other {
                Some(other) => Usage::Conflict {
                    command,
                    argument: argument(),
                    other,
                },
                None => Usage::Repeated {
                    command,
                    argument: argument(),
                },
            }
        }
        ErrorKind::InvalidUtf8 => Usage::NotUtf8 { command },
        _ => Usage::Other { command },
    }
}

/// Whether to colour the output: `--color always|never`, or on a terminal when `NO_COLOR` is
/// not set.
fn use_color(color: ColorChoice) -> bool {
    match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
