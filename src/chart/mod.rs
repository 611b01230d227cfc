//! Charts: from checked data to SVG and PNG files in `charts/`.
//!
//! `scene` holds the display list and both renderings, `text` the font layout, `style` the
//! shared look, and each chart is a function that builds a scene from [`Stats`] (or, for
//! `progress`, from [`ProgressStats`]). [`charts`] lists what a build draws, [`draw`] lays one
//! out unless it would be taller than [`style::MAX_PAGES`] pages, and [`make`] draws them all
//! on every core, each chart's files written (or compared) by the core that drew it, so that
//! no more than one chart a core is ever held in memory.

pub mod bars;
pub mod progress;
pub mod scene;
pub mod structure;
pub mod style;
pub mod text;

use crate::generated::Output;
use crate::messages::LargeChart;
use crate::model::{DEPARTMENTS_PATH, Model, OUTLINE_PATH};
use crate::progress::{ProgressStats, progress_years};
use crate::stats::Stats;
use scene::Scene;
use text::Font;

/// Why the charts could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// A character the font lacks, with the data file that holds it where known (a problem
    /// in the data).
    MissingGlyph {
        character: char,
        text: String,
        file: Option<String>,
    },
    /// The vendored font cannot be read.
    Font,
    /// The drawing library failed on chart `chart` (a bug, not a problem in the data).
    Draw { chart: String },
}

/// One chart a build draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// Plans per goal, split by action area.
    ByGoal,
    /// Plans per registered department, split by goal.
    ByDepartment,
    /// The plans of the goal at `index` of the outline (numbered `number`) per department.
    Goal { index: usize, number: u64 },
    /// The 体系図 of every plan.
    Structure,
    /// The 体系図 of goal `number`, for a portrait A4 page.
    StructureOf { number: u64 },
    /// The progress of fiscal year `year`.
    Progress { year: i64 },
}

/// A chart that is not drawn: which, what it has too many of, and how many pages it would take
/// at least.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// The name of its files ([`Chart::name`]).
    pub name: String,
    pub chart: LargeChart,
    pub count: usize,
    pub pages: usize,
}

impl Chart {
    /// The name of its files: `charts/{name}.svg` and `.png`.
    pub fn name(&self) -> String {
        match self {
            Chart::ByGoal => "by-goal".into(),
            Chart::ByDepartment => "by-department".into(),
            Chart::Goal { number, .. } => format!("goal-{number}"),
            Chart::Structure => "structure".into(),
            Chart::StructureOf { number } => format!("structure-{number}"),
            Chart::Progress { year } => format!("progress-{year}"),
        }
    }

    /// What makes it long, how many of them there are, and the least height they take.
    fn size(&self, model: &Model, stats: &Stats) -> (LargeChart, usize, f32) {
        match *self {
            Chart::ByGoal => {
                let areas = stats.goals.iter().map(|g| g.items.len()).sum();
                (LargeChart::ByGoal, areas, bars::min_height_of_legend(areas))
            }
            Chart::ByDepartment => {
                let n = stats.departments.len();
                (LargeChart::ByDepartment, n, bars::min_height_of_bars(n))
            }
            Chart::Goal { index, number } => {
                let n = stats
                    .departments
                    .iter()
                    .filter(|d| d.per_goal.get(index).is_some_and(|n| *n > 0))
                    .count();
                let chart = LargeChart::Goal { goal: number };
                (chart, n, bars::min_height_of_bars(n))
            }
            Chart::Structure => {
                let n = model.plans.len();
                (LargeChart::Structure, n, structure::min_height(n))
            }
            Chart::StructureOf { number } => {
                let n = stats
                    .goals
                    .iter()
                    .find(|g| g.number == number)
                    .map_or(0, |g| g.plans);
                let chart = LargeChart::StructureOf { goal: number };
                (chart, n, structure::min_height(n))
            }
            Chart::Progress { year } => {
                let n =
                    stats.goals.len() + stats.goals.iter().map(|g| g.items.len()).sum::<usize>();
                (LargeChart::Progress { year }, n, progress::min_height(n))
            }
        }
    }
}

/// Which charts are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    /// The plan's structure, which `build` draws and the repository keeps: it changes only
    /// when the section changes the plan, never with a department's progress.
    Committed,
    /// The structure and each year's progress, which `site` draws and CI publishes: progress is
    /// never committed, so a department's pull request needs no generated file and two
    /// departments' pull requests never touch the same one.
    Published,
}

/// Every chart of `set` drawn from `model`, in the report's order: `by-goal`,
/// `by-department`, `goal-N` for each goal, `structure`, `structure-N` for each goal, and, when
/// published, `progress-Y` for each year [`progress_years`] gives (none without a set-up).
pub fn charts(model: &Model, stats: &Stats, set: Set) -> Vec<Chart> {
    let mut charts = vec![Chart::ByGoal, Chart::ByDepartment];
    charts.extend(
        stats
            .goals
            .iter()
            .enumerate()
            .map(|(index, g)| Chart::Goal {
                index,
                number: g.number,
            }),
    );
    charts.push(Chart::Structure);
    charts.extend(
        stats
            .goals
            .iter()
            .map(|g| Chart::StructureOf { number: g.number }),
    );
    if set == Set::Published {
        charts.extend(
            progress_years(model)
                .into_iter()
                .map(|year| Chart::Progress { year }),
        );
    }
    charts
}

/// Whether `stem` (a file name without `.svg` or `.png`) is the name of a chart some build
/// draws: the charts a build removes once it no longer draws them.
pub fn is_chart_name(stem: &str) -> bool {
    let number = |s: &str| {
        !s.is_empty()
            && !s.starts_with('0')
            && s.len() <= 20
            && s.bytes().all(|b| b.is_ascii_digit())
    };
    match stem {
        "by-goal" | "by-department" | "structure" => true,
        _ => {
            stem.strip_prefix("goal-").is_some_and(number)
                || stem.strip_prefix("structure-").is_some_and(number)
                || stem
                    .strip_prefix("progress-")
                    .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        }
    }
}

/// Lays `chart` out, unless it would take more than [`style::MAX_PAGES`] portrait A4 pages:
/// known from its counts before anything is laid out where they alone are too many (the
/// 体系図 of 100,000 plans is never laid out), and from the laid-out height otherwise (long
/// texts wrapped over many lines).
pub fn draw(
    font: &Font,
    model: &Model,
    stats: &Stats,
    chart: Chart,
) -> Result<Result<Scene, TooLarge>, ChartError> {
    let (large, count, least) = chart.size(model, stats);
    let limit = style::MAX_PAGES;
    let pages = style::pages(style::WIDTH, least);
    if pages > limit {
        return Ok(Err(TooLarge {
            name: chart.name(),
            chart: large,
            count,
            pages,
        }));
    }
    let title = model.outline.as_ref().map_or("", |o| o.title.as_str());
    let scene = match chart {
        Chart::ByGoal => bars::by_goal(font, stats, title)?,
        Chart::ByDepartment => bars::by_department(font, stats)?,
        Chart::Goal { index, .. } => bars::goal(font, stats, index)?,
        Chart::Structure => structure::structure(font, model)?,
        Chart::StructureOf { number } => structure::one_goal(font, model, number)?,
        Chart::Progress { year } => match ProgressStats::compute(model, year) {
            Some(p) => progress::progress(font, &p, title)?,
            None => Scene::new(style::WIDTH, 0.0),
        },
    };
    let pages = style::pages(scene.width, scene.height);
    if pages > limit {
        return Ok(Err(TooLarge {
            name: chart.name(),
            chart: large,
            count,
            pages,
        }));
    }
    Ok(Ok(scene))
}

/// Every chart that is published, as a scene, with the name of its files (the tests look at
/// them).
pub fn scenes(font: &Font, model: &Model) -> Result<Vec<(String, Scene)>, ChartError> {
    let stats = Stats::compute(model);
    let mut scenes = Vec::new();
    for chart in charts(model, &stats, Set::Published) {
        if let Ok(scene) = draw(font, model, &stats, chart)? {
            scenes.push((chart.name(), scene));
        }
    }
    Ok(scenes)
}

/// Which files of each chart [`make`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// None: only which charts are drawn (for the report).
    None,
    /// The SVG (for the site, which shows no PNG).
    Svg,
    /// The SVG and the PNG, `scale` times 1600 px wide.
    SvgPng { scale: u32 },
}

/// What became of one chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Made<R> {
    /// Drawn: its name, and what [`make`]'s `finish` made of its files.
    Drawn { name: String, done: R },
    /// Not drawn: too large for a document.
    TooLarge(TooLarge),
}

/// Draws every chart of `model` into `files`, on every core, and has `finish` take each
/// drawn chart's files (`charts/{name}.svg`, `.png`) on the core that drew it, to write them
/// or compare them with what is on disk: a chart's files are in memory only while it is drawn
/// and taken, and writing one chart overlaps drawing the next. What became of each chart, in
/// the order of [`charts`]; the first error of either stops it. Every text is checked against
/// the font first, so a character the font lacks is said before any chart is drawn.
pub fn make<R: Send, E: Send + From<ChartError>>(
    model: &Model,
    set: Set,
    files: Files,
    finish: impl Fn(&str, Vec<Output>) -> Result<R, E> + Sync,
) -> Result<Vec<Made<R>>, E> {
    use rayon::prelude::*;
    let font = Font::load(style::FONT)?;
    check_glyphs(&font, model)?;
    let stats = Stats::compute(model);
    // Even the real data's 18 charts are worth a second core: each takes tens of milliseconds.
    charts(model, &stats, set)
        .par_iter()
        .map(|chart| match made(&font, model, &stats, *chart, files)? {
            Ok((name, outputs)) => {
                let done = finish(&name, outputs)?;
                Ok(Made::Drawn { name, done })
            }
            Err(large) => Ok(Made::TooLarge(large)),
        })
        .collect()
}

/// One chart drawn into `files`.
fn made(
    font: &Font,
    model: &Model,
    stats: &Stats,
    chart: Chart,
    files: Files,
) -> Result<Result<(String, Vec<Output>), TooLarge>, ChartError> {
    let scene = match draw(font, model, stats, chart)? {
        Ok(scene) => scene,
        Err(large) => return Ok(Err(large)),
    };
    let name = chart.name();
    let mut outputs = Vec::new();
    if files != Files::None {
        outputs.push(Output {
            path: format!("charts/{name}.svg"),
            bytes: scene.to_svg(font).into_bytes(),
        });
    }
    if let Files::SvgPng { scale } = files {
        let png = format!("charts/{name}.png");
        let bytes = scene.to_png(font, scale).map_err(|e| match e {
            ChartError::Draw { .. } => ChartError::Draw { chart: png.clone() },
            e => e,
        })?;
        outputs.push(Output { path: png, bytes });
    }
    Ok(Ok((name, outputs)))
}

/// Every text of the data can be drawn with the font; otherwise an error naming the character
/// and the file that holds it.
pub fn check_glyphs(font: &Font, model: &Model) -> Result<(), ChartError> {
    // The file is named only for a text that fails (100,000 plans need no 300,000 paths).
    let check = |text: &str, file: &dyn Fn() -> String| match text
        .chars()
        .find(|c| !c.is_whitespace() && !font.covers(*c))
    {
        Some(character) => Err(ChartError::MissingGlyph {
            character,
            text: text.to_string(),
            file: Some(file()),
        }),
        None => Ok(()),
    };
    let outline = || OUTLINE_PATH.to_string();
    if let Some(o) = &model.outline {
        check(&o.title, &outline)?;
        for g in &o.goals {
            check(&g.title, &outline)?;
            for i in &g.items {
                check(&i.title, &outline)?;
            }
        }
        // The scale's codes and labels are drawn in the progress charts' legends.
        if let Some(setup) = o.setup() {
            for level in &setup.scale {
                check(&level.code, &outline)?;
                check(&level.label, &outline)?;
            }
        }
    }
    for d in model.register.iter().flat_map(|r| r.departments.iter()) {
        check(&d.name, &|| DEPARTMENTS_PATH.to_string())?;
    }
    for (id, plan) in &model.plans {
        let file = || id.path();
        check(&plan.title, &file)?;
        for d in &plan.departments {
            check(d, &file)?;
        }
        for sub in &plan.subprojects {
            check(&sub.title, &file)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_names_of_the_charts_a_build_draws() {
        for name in [
            "by-goal",
            "by-department",
            "structure",
            "goal-1",
            "goal-12",
            "structure-3",
            "structure-1000",
            "progress-2026",
        ] {
            assert!(is_chart_name(name), "{name}");
        }
        for name in [
            "README",
            "goal-",
            "goal-0",
            "goal-01",
            "goal-1a",
            "structure-",
            "structure-x",
            "progress-26",
            "progress-20260",
            "by-goal-old",
            "logo",
        ] {
            assert!(!is_chart_name(name), "{name}");
        }
    }

    #[test]
    fn page_counts_round_up() {
        let page = style::page_height(style::WIDTH);
        assert_eq!(style::pages(style::WIDTH, page), 1);
        assert_eq!(style::pages(style::WIDTH, page + 1.0), 2);
        assert_eq!(style::pages(style::WIDTH, 10.0 * page), style::MAX_PAGES);
        // A chart laid out narrower has a shorter page.
        assert_eq!(style::pages(1000.0, 1500.0), 2);
    }
}
