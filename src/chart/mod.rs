//! Charts: from checked data to SVG and PNG files in `charts/`.
//!
//! `scene` holds the display list and both renderings, `text` the font layout, `style` the
//! shared look, and each chart is a function that builds a scene from [`Stats`] (or, for
//! `progress`, from [`ProgressStats`]).

pub mod bars;
pub mod progress;
pub mod scene;
pub mod structure;
pub mod style;
pub mod text;

use crate::generated::Output;
use crate::model::{DEPARTMENTS_PATH, Model, OUTLINE_PATH};
use crate::stats::{ProgressStats, Stats, progress_years};
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

/// Every chart as a scene, with the name of its files (`charts/{name}.svg` and `.png`).
pub fn scenes(font: &Font, model: &Model) -> Result<Vec<(String, Scene)>, ChartError> {
    let stats = Stats::compute(model);
    let title = model.outline.as_ref().map_or("", |o| o.title.as_str());
    let mut scenes: Vec<(String, Scene)> = vec![
        ("by-goal".to_string(), bars::by_goal(font, &stats, title)?),
        (
            "by-department".to_string(),
            bars::by_department(font, &stats)?,
        ),
    ];
    for (i, g) in stats.goals.iter().enumerate() {
        scenes.push((format!("goal-{}", g.number), bars::goal(font, &stats, i)?));
    }
    scenes.push(("structure".to_string(), structure::structure(font, model)?));
    for g in &stats.goals {
        scenes.push((
            format!("structure-{}", g.number),
            structure::one_goal(font, model, g.number)?,
        ));
    }
    // One progress chart for each fiscal year any plan reports (none without a set-up).
    for year in progress_years(model) {
        if let Some(p) = ProgressStats::compute(model, year) {
            scenes.push((
                format!("progress-{year}"),
                progress::progress(font, &p, title)?,
            ));
        }
    }
    Ok(scenes)
}

/// Draws every chart, in memory, as SVG and PNG (`scale` times 1600 px wide).
pub fn render_all(model: &Model, scale: u32) -> Result<Vec<Output>, ChartError> {
    let font = Font::load(style::FONT)?;
    check_glyphs(&font, model)?;
    let scenes = scenes(&font, model)?;
    let mut outputs = Vec::new();
    for (name, scene) in scenes {
        outputs.push(Output {
            path: format!("charts/{name}.svg"),
            bytes: scene.to_svg(&font).into_bytes(),
        });
        let png = format!("charts/{name}.png");
        let bytes = scene.to_png(&font, scale).map_err(|e| match e {
            ChartError::Draw { .. } => ChartError::Draw { chart: png.clone() },
            e => e,
        })?;
        outputs.push(Output { path: png, bytes });
    }
    Ok(outputs)
}

/// Every text of the data can be drawn with the font; otherwise an error naming the character
/// and the file that holds it.
pub fn check_glyphs(font: &Font, model: &Model) -> Result<(), ChartError> {
    let mut texts: Vec<(&str, String)> = Vec::new();
    if let Some(o) = &model.outline {
        let file = OUTLINE_PATH.to_string();
        texts.push((&o.title, file.clone()));
        for g in &o.goals {
            texts.push((&g.title, file.clone()));
            texts.extend(g.items.iter().map(|i| (i.title.as_str(), file.clone())));
        }
        // The scale's codes and labels are drawn in the progress charts' legends.
        if let Some(setup) = o.setup() {
            for level in &setup.scale {
                texts.push((&level.code, file.clone()));
                texts.push((&level.label, file.clone()));
            }
        }
    }
    if let Some(r) = &model.register {
        let file = DEPARTMENTS_PATH.to_string();
        texts.extend(
            r.departments
                .iter()
                .map(|d| (d.name.as_str(), file.clone())),
        );
    }
    for (id, plan) in &model.plans {
        let file = id.path();
        texts.push((&plan.title, file.clone()));
        texts.extend(plan.departments.iter().map(|d| (d.as_str(), file.clone())));
        for sub in &plan.subprojects {
            texts.push((&sub.title, file.clone()));
        }
    }
    for (text, file) in texts {
        if let Some(c) = text
            .chars()
            .find(|c| !c.is_whitespace() && !font.covers(*c))
        {
            return Err(ChartError::MissingGlyph {
                character: c,
                text: text.to_string(),
                file: Some(file),
            });
        }
    }
    Ok(())
}

/// Every chart as SVG only (for the site, which shows no PNG).
pub fn render_svgs(model: &Model) -> Result<Vec<Output>, ChartError> {
    let font = Font::load(style::FONT)?;
    check_glyphs(&font, model)?;
    Ok(scenes(&font, model)?
        .into_iter()
        .map(|(name, scene)| Output {
            path: format!("charts/{name}.svg"),
            bytes: scene.to_svg(&font).into_bytes(),
        })
        .collect())
}
