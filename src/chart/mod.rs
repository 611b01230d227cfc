//! Charts: from checked data to SVG and PNG files in `charts/`.
//!
//! `scene` holds the display list and both renderings, `text` the font layout, `style` the
//! shared look, and each chart is a function that builds a scene from [`Stats`].

pub mod bars;
pub mod scene;
pub mod structure;
pub mod style;
pub mod text;

use std::path::{Path, PathBuf};

use crate::check::Model;
use crate::messages;
use crate::stats::Stats;
use scene::Scene;
use text::Font;

#[derive(Debug)]
pub enum ChartError {
    Font,
    MissingGlyph {
        character: char,
        text: String,
    },
    /// A character of the data that the font lacks, with the file it came from.
    MissingGlyphInFile {
        character: char,
        text: String,
        file: String,
    },
    Draw(String),
    Write {
        path: PathBuf,
        error: String,
    },
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ChartError::Font => messages::font_unreadable(),
            ChartError::MissingGlyph { character, text } => {
                messages::missing_glyph(*character, text, None)
            }
            ChartError::MissingGlyphInFile {
                character,
                text,
                file,
            } => messages::missing_glyph(*character, text, Some(file)),
            ChartError::Draw(e) => messages::drawing_failed(e),
            ChartError::Write { path, error } => {
                messages::cannot_write(&path.display().to_string(), error)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ChartError {}

/// One generated file: its path relative to the repository, and its bytes.
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Draws every chart, in memory, as SVG and PNG (`scale` times 1600 px wide).
pub fn render_all(model: &Model, scale: u32) -> Result<Vec<Output>, ChartError> {
    let font = Font::load(style::FONT)?;
    check_glyphs(&font, model)?;
    let stats = Stats::compute(model);
    let title = model.outline.as_ref().map_or("", |o| o.title.as_str());
    let mut scenes: Vec<(String, Scene)> = vec![
        ("by-goal".to_string(), bars::by_goal(&font, &stats, title)?),
        (
            "by-department".to_string(),
            bars::by_department(&font, &stats)?,
        ),
    ];
    for (i, g) in stats.goals.iter().enumerate() {
        scenes.push((format!("goal-{}", g.number), bars::goal(&font, &stats, i)?));
    }
    scenes.push(("structure".to_string(), structure::structure(&font, model)?));
    let mut outputs = Vec::new();
    for (name, scene) in scenes {
        outputs.push(Output {
            path: format!("charts/{name}.svg"),
            bytes: scene.to_svg(&font).into_bytes(),
        });
        outputs.push(Output {
            path: format!("charts/{name}.png"),
            bytes: scene.to_png(&font, scale)?,
        });
    }
    Ok(outputs)
}

/// Every text of the data can be drawn with the font; otherwise an error naming the character
/// and the file that holds it.
pub fn check_glyphs(font: &Font, model: &Model) -> Result<(), ChartError> {
    let mut texts: Vec<(&str, String)> = Vec::new();
    if let Some(o) = &model.outline {
        let file = crate::check::OUTLINE_PATH.to_string();
        texts.push((&o.title, file.clone()));
        for g in &o.goals {
            texts.push((&g.title, file.clone()));
            texts.extend(g.items.iter().map(|i| (i.title.as_str(), file.clone())));
        }
    }
    if let Some(r) = &model.register {
        let file = crate::check::DEPARTMENTS_PATH.to_string();
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
            return Err(ChartError::MissingGlyphInFile {
                character: c,
                text: text.to_string(),
                file,
            });
        }
    }
    Ok(())
}

/// The outputs that are missing from `root` or differ from what is there.
pub fn stale<'a>(root: &Path, outputs: &'a [Output]) -> Vec<&'a Output> {
    outputs
        .iter()
        .filter(|o| std::fs::read(root.join(&o.path)).map_or(true, |b| b != o.bytes))
        .collect()
}

/// Writes each output atomically: a temporary file in the same folder, then a rename, so an
/// interrupted build leaves the old file, never a broken one. Unchanged files are not touched.
pub fn write_all(root: &Path, outputs: &[Output]) -> Result<usize, ChartError> {
    let mut written = 0;
    for o in stale(root, outputs) {
        let path = root.join(&o.path);
        let fail = |e: &dyn std::fmt::Display| ChartError::Write {
            path: path.clone(),
            error: e.to_string(),
        };
        let dir = path.parent().unwrap_or(root);
        std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(&e))?;
        std::io::Write::write_all(&mut tmp, &o.bytes).map_err(|e| fail(&e))?;
        // Temporary files are private (0600); charts are for everyone to read.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(|e| fail(&e))?;
        }
        tmp.persist(&path).map_err(|e| fail(&e.error))?;
        written += 1;
    }
    Ok(written)
}
