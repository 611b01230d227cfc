//! `plans progress [--year Y] [--format text|markdown|json|csv] [--require-complete]`: one
//! fiscal year's progress counted per goal, action area and department, and the plans not
//! reported, by department. Exit 0 whatever is missing; with `--require-complete`, 1 while a
//! plan of the year is not reported.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::json;

use super::{Exit, Stop, Streams};
use crate::chars::visible;
use crate::messages::{Lang, Note, ProgressWords, RunError};
use crate::output::ci;
use crate::output::csv::{Cell, Csv};
use crate::output::markdown::text as md;
use crate::progress::LevelCounts;
use crate::progress::{self, Row, YearReport};
use crate::render::{self, Format};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProgressFormat {
    Text,
    Markdown,
    Json,
    Csv,
}

/// What `plans progress` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// The fiscal year; the year being reported when `None`.
    pub year: Option<i64>,
    pub format: ProgressFormat,
    pub require_complete: bool,
    /// The file to write; standard output when `None` (on Windows a redirect would re-encode
    /// the output).
    pub output: Option<PathBuf>,
    pub color: bool,
    pub lang: Lang,
}

pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let result = count(options, streams);
    super::finish(result, Format::Human, options.lang, streams)
}

fn count(options: &Options, streams: &mut Streams) -> Result<Exit, Stop> {
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
    let Some(setup) = model.outline.as_ref().and_then(|o| o.setup()) else {
        let owner = model.outline.as_ref().and_then(|o| o.owner.clone());
        return Err(RunError::ProgressOff { owner }.into());
    };
    let year = progress::chosen_year(setup, options.year)?;
    let report = progress::report(&model, setup, year);
    let words = &lang.catalogue().progress;
    // Nothing from the data that a CI runner would act on, in any format.
    let text = match options.format {
        ProgressFormat::Text => ci::text_owned(text(&report, words)),
        ProgressFormat::Markdown => ci::text_owned(markdown(&report, words)),
        ProgressFormat::Json => ci::json_owned(json(&report)),
        ProgressFormat::Csv => csv(&report, words),
    };
    let output = options.output.as_deref().zip(target);
    super::deliver(output, text.into_bytes(), lang, streams)?;
    if options.require_complete && report.total.unreported > 0 {
        streams.out.flush()?;
        let note = Note::ProgressIncomplete {
            year,
            unreported: report.total.unreported,
        };
        writeln!(streams.err, "plans: {}", render::note(&note, lang))?;
        return Ok(Exit::Problems);
    }
    Ok(Exit::Ok)
}

/// A department's name as a year's report says it: before a reorganisation, the names then
/// with the name now.
fn department(words: &ProgressWords, name: &str, formerly: &[String]) -> String {
    if formerly.is_empty() {
        name.to_string()
    } else {
        (words.renamed)(formerly, name)
    }
}

/// A tally in words: each level's code and count, then the unreported and the total.
fn counts(report: &YearReport, tally: &LevelCounts, words: &ProgressWords) -> String {
    let mut parts: Vec<String> = report
        .scale
        .iter()
        .zip(&tally.levels)
        .map(|(level, n)| format!("{} {n}", level.code))
        .collect();
    parts.push(format!("{} {}", words.unreported, tally.unreported));
    let total = format!("{} {}", words.total, tally.plans());
    format!("{}{}", parts.join(words.separator), (words.aside)(&total))
}

fn text(report: &YearReport, words: &ProgressWords) -> String {
    let mut s = String::new();
    let t = &report.total;
    let _ = writeln!(s, "{}", (words.heading)(report.year));
    let _ = writeln!(
        s,
        "{}",
        (words.summary)(t.plans(), t.reported(), t.unreported)
    );
    let scale: Vec<String> = report
        .scale
        .iter()
        .map(|l| format!("{} {}", l.code, visible(&l.label)))
        .collect();
    let _ = writeln!(s, "{}: {}", words.scale, scale.join(" / "));
    // Goals and action areas each hold every plan once, so they end with the whole count;
    // a plan of several departments counts for each of them.
    let section = |s: &mut String,
                   heading: &str,
                   rows: &[Row],
                   total: Option<&LevelCounts>,
                   name: &dyn Fn(&Row) -> String| {
        let _ = writeln!(s, "\n{heading}");
        for row in rows {
            let _ = writeln!(s, "  {}: {}", name(row), counts(report, &row.tally, words));
        }
        if let Some(total) = total {
            let _ = writeln!(s, "  {}: {}", words.all, counts(report, total, words));
        }
    };
    section(&mut s, words.by_goal, &report.goals, Some(t), &|r| {
        format!(
            "{}{}{}",
            (words.goal)(&r.key),
            words.space,
            visible(&r.title)
        )
    });
    section(&mut s, words.by_area, &report.areas, Some(t), &|r| {
        format!(
            "{}{}{}",
            (words.area)(&r.key),
            words.space,
            visible(&r.title)
        )
    });
    section(
        &mut s,
        words.by_department,
        &report.departments,
        None,
        &|r| visible(&department(words, &r.title, &r.formerly)).into_owned(),
    );
    let _ = writeln!(s, "\n{}", words.missing);
    if report.missing.is_empty() {
        let _ = writeln!(s, "  {}", words.none_missing);
    }
    for m in &report.missing {
        let _ = writeln!(
            s,
            "  {}{}",
            visible(&department(words, &m.department, &m.formerly)),
            (words.aside)(&(words.count)(m.plans.len()))
        );
        for (id, title) in &m.plans {
            let _ = writeln!(s, "    {id} {}", visible(title));
        }
    }
    s
}

fn markdown(report: &YearReport, words: &ProgressWords) -> String {
    let mut s = String::new();
    let t = &report.total;
    let _ = writeln!(s, "## {}\n", (words.heading)(report.year));
    let _ = writeln!(
        s,
        "{}\n",
        (words.summary)(t.plans(), t.reported(), t.unreported)
    );
    let scale: Vec<String> = report
        .scale
        .iter()
        .map(|l| format!("{} {}", md(&l.code), md(&l.label)))
        .collect();
    let _ = writeln!(s, "{}: {}\n", words.scale, scale.join(" / "));
    let codes: Vec<String> = report.scale.iter().map(|l| md(&l.code)).collect();
    let table = |s: &mut String,
                 heading: &str,
                 column: &str,
                 rows: &[Row],
                 total: Option<&LevelCounts>,
                 name: &dyn Fn(&Row) -> String| {
        let _ = writeln!(s, "### {heading}\n");
        let _ = writeln!(
            s,
            "| {column} | {} | {} | {} |",
            codes.join(" | "),
            words.unreported,
            words.total
        );
        let _ = writeln!(s, "| :--- |{} ---: | ---: |", " ---: |".repeat(codes.len()));
        let line = |s: &mut String, name: &str, tally: &LevelCounts| {
            let levels: Vec<String> = tally.levels.iter().map(usize::to_string).collect();
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {} |",
                levels.join(" | "),
                tally.unreported,
                tally.plans()
            );
        };
        for row in rows {
            line(s, &name(row), &row.tally);
        }
        if let Some(total) = total {
            line(s, words.all, total);
        }
        s.push('\n');
    };
    table(
        &mut s,
        words.by_goal,
        words.goals,
        &report.goals,
        Some(t),
        &|r| format!("{}{}{}", (words.goal)(&r.key), words.space, md(&r.title)),
    );
    table(
        &mut s,
        words.by_area,
        words.areas,
        &report.areas,
        Some(t),
        &|r| format!("{}{}{}", (words.area)(&r.key), words.space, md(&r.title)),
    );
    table(
        &mut s,
        words.by_department,
        words.departments,
        &report.departments,
        None,
        &|r| md(&department(words, &r.title, &r.formerly)),
    );
    let _ = writeln!(s, "### {}\n", words.missing);
    if report.missing.is_empty() {
        let _ = writeln!(s, "{}\n", words.none_missing);
    }
    for m in &report.missing {
        let _ = writeln!(
            s,
            "- {}{}",
            md(&department(words, &m.department, &m.formerly)),
            (words.aside)(&(words.count)(m.plans.len()))
        );
        for (id, title) in &m.plans {
            let _ = writeln!(s, "  - {id} {}", md(title));
        }
    }
    s
}

fn json(report: &YearReport) -> String {
    let tally = |t: &LevelCounts| {
        json!({
            "levels": report.scale.iter().zip(&t.levels).map(|(l, n)| json!({"code": l.code, "plans": n})).collect::<Vec<_>>(),
            "unreported": t.unreported,
            "plans": t.plans(),
        })
    };
    let rows = |rows: &[Row], key: &str| {
        rows.iter()
            .map(|r| {
                let mut v = tally(&r.tally);
                v[key] = json!(r.key);
                if key != "department" {
                    v["title"] = json!(r.title);
                } else if !r.formerly.is_empty() {
                    // The names in force that year, before a reorganisation.
                    v["formerly"] = json!(r.formerly);
                }
                v
            })
            .collect::<Vec<_>>()
    };
    let value = json!({
        "year": report.year,
        "scale": report.scale.iter().map(|l| json!({"code": l.code, "label": l.label})).collect::<Vec<_>>(),
        "total": tally(&report.total),
        "goals": rows(&report.goals, "goal"),
        "action_areas": rows(&report.areas, "action_area"),
        "departments": rows(&report.departments, "department"),
        "unreported": report.missing.iter().map(|m| json!({
            "department": m.department,
            "formerly": m.formerly,
            "plans": m.plans.iter().map(|(id, title)| json!({"id": id.to_string(), "title": title})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

fn csv(report: &YearReport, words: &ProgressWords) -> String {
    // With a byte order mark, as `export` writes it, so that Excel reads the Japanese.
    let mut out = Csv::new(true);
    let mut header = vec![words.group, words.key, words.title];
    header.extend(report.scale.iter().map(|l| l.code.as_str()));
    header.push(words.unreported);
    header.push(words.total);
    out.texts(header);
    let mut record = |group: &str, key: &str, title: &str, t: &LevelCounts| {
        let mut r = vec![Cell::Text(group), Cell::Text(key), Cell::Text(title)];
        r.extend(t.levels.iter().map(|n| Cell::Number(*n as u64)));
        r.push(Cell::Number(t.unreported as u64));
        r.push(Cell::Number(t.plans() as u64));
        out.row(r);
    };
    for row in &report.goals {
        record(words.goals, &row.key, &row.title, &row.tally);
    }
    for row in &report.areas {
        record(words.areas, &row.key, &row.title, &row.tally);
    }
    for row in &report.departments {
        let then = if row.formerly.is_empty() {
            String::new()
        } else {
            (words.renamed)(&row.formerly, &row.key)
        };
        record(words.departments, &row.key, &then, &row.tally);
    }
    record(words.all, "", "", &report.total);
    // The plans not reported, each under the department that reports it (the reminder list).
    let blanks = report.scale.len() + 2;
    for m in &report.missing {
        let department = department(words, &m.department, &m.formerly);
        for (id, title) in &m.plans {
            let plan = format!("{id} {title}");
            let mut r = vec![
                Cell::Text(words.unreported_plan),
                Cell::Text(&department),
                Cell::Text(&plan),
            ];
            r.extend(std::iter::repeat_n(Cell::Text(""), blanks));
            out.row(r);
        }
    }
    String::from_utf8_lossy(&out.finish()).into_owned()
}
