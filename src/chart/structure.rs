//! `structure`: the 体系図 itself — goal → action area → plan (with its departments), boxes
//! joined by lines, as the city publishes it. The one chart that names every plan.
//! `structure-N`: one goal's part of it, laid out to fit a portrait A4 page.

use super::ChartError;
use super::scene::{Anchor, Scene};
use super::style::*;
use super::text::Font;
use crate::model::{Goal, Model};

const PAD: f32 = 10.0;
const GAP: f32 = 8.0;
const BLOCK_GAP: f32 = 20.0;
const PLAN_SIZE: f32 = 20.0;
const SUB_SIZE: f32 = 17.0;
/// The least a plan's row takes, with the gap under it: one line of its title.
const MIN_PLAN_ROW: f32 = PLAN_SIZE * 1.35 + 2.0 * PAD + GAP;

/// The least a 体系図 of `plans` plans can be tall (their rows alone), at any width.
pub fn min_height(plans: usize) -> f32 {
    MIN_PLAN_ROW * plans as f32
}

/// The bullet of a sub-project; its wrapped lines hang under the text after it.
const BULLET: &str = "・";

/// Where the columns of a 体系図 go.
struct Columns {
    width: f32,
    /// The goal column (x, width), in the whole chart only: one goal's chart names its goal
    /// in a band across the top.
    goal: Option<(f32, f32)>,
    item_x: f32,
    item_w: f32,
    plan_x: f32,
    plan_w: f32,
    dept_x: f32,
    dept_w: f32,
}

impl Columns {
    /// The whole chart: goal, action area, plan and departments side by side.
    fn whole() -> Columns {
        let (goal_x, goal_w) = (MARGIN, 270.0);
        let item_x = goal_x + goal_w + 36.0;
        let item_w = 270.0;
        let plan_x = item_x + item_w + 36.0;
        let dept_w = 330.0;
        let dept_x = WIDTH - MARGIN - dept_w;
        Columns {
            width: WIDTH,
            goal: Some((goal_x, goal_w)),
            item_x,
            item_w,
            plan_x,
            plan_w: dept_x - plan_x - 16.0,
            dept_x,
            dept_w,
        }
    }

    /// One goal's chart, `width` wide: action area, plan and departments.
    fn one_goal(width: f32) -> Columns {
        let item_x = MARGIN + 30.0;
        let item_w = 240.0;
        let plan_x = item_x + item_w + 36.0;
        let dept_w = 270.0;
        let dept_x = width - MARGIN - dept_w;
        Columns {
            width,
            goal: None,
            item_x,
            item_w,
            plan_x,
            plan_w: dept_x - plan_x - 16.0,
            dept_x,
            dept_w,
        }
    }
}

/// One line of a box: `lead` (a plan's id, a sub-project's bullet) is drawn at the left and
/// `text` after it, at `indent`; the wrapped lines that follow keep the same indent.
#[derive(Clone)]
struct TextLine {
    lead: Option<String>,
    text: String,
    indent: f32,
    size: f32,
    colour: Rgb,
}

/// Lines of text for one box.
struct Block {
    lines: Vec<TextLine>,
}

impl Block {
    fn height(&self) -> f32 {
        self.lines.iter().map(|l| l.size * 1.35).sum::<f32>() + 2.0 * PAD
    }

    fn draw(&self, s: &mut Scene, font: &Font, x: f32, y: f32) -> Result<(), ChartError> {
        let mut baseline = y + PAD;
        for line in &self.lines {
            baseline += line.size * 1.35;
            let at = baseline - line.size * 0.3;
            if let Some(lead) = &line.lead {
                s.text(
                    font.layout(lead, line.size)?,
                    x + PAD,
                    at,
                    Anchor::Start,
                    line.colour,
                );
            }
            s.text(
                font.layout(&line.text, line.size)?,
                x + PAD + line.indent,
                at,
                Anchor::Start,
                line.colour,
            );
        }
        Ok(())
    }
}

/// A goal's label on its colour: 「重点推進目標N」, then its title wrapped at `size` to
/// `width` (the whole 体系図 and the per-goal ones differ only in those two).
fn goal_label(
    s: &mut Scene,
    font: &Font,
    goal: &Goal,
    size: f32,
    width: f32,
) -> Result<Block, ChartError> {
    Ok(Block {
        lines: [
            vec![TextLine {
                lead: None,
                text: format!("重点推進目標{}", goal.number),
                indent: 0.0,
                size: LABEL_SIZE,
                colour: WHITE,
            }],
            wrapped(s, font, &goal.title, size, width, WHITE)?,
        ]
        .concat(),
    })
}

/// `text` wrapped to a box `width` wide, every line starting at the box's padding.
fn wrapped(
    s: &mut Scene,
    font: &Font,
    text: &str,
    size: f32,
    width: f32,
    colour: Rgb,
) -> Result<Vec<TextLine>, ChartError> {
    hanging(s, font, None, text, size, width, colour)
}

/// `text` after `lead`, wrapped to a box `width` wide with a hanging indent: every line of
/// `text` starts where the first one does, after `lead`.
fn hanging(
    s: &mut Scene,
    font: &Font,
    lead: Option<&str>,
    text: &str,
    size: f32,
    width: f32,
    colour: Rgb,
) -> Result<Vec<TextLine>, ChartError> {
    let indent = match lead {
        Some(l) => font.width(l, size)?,
        None => 0.0,
    };
    Ok(s.wrap(font, text, size, width - 2.0 * PAD - indent)?
        .into_iter()
        .enumerate()
        .map(|(i, text)| TextLine {
            lead: lead.filter(|_| i == 0).map(str::to_string),
            text,
            indent,
            size,
            colour,
        })
        .collect())
}

/// The title and the line under it; returns the y below them.
fn heading(
    s: &mut Scene,
    font: &Font,
    title: &str,
    subtitle: &str,
    width: f32,
) -> Result<f32, ChartError> {
    let mut y = MARGIN - TITLE_SIZE * 1.25 + font.ascent(TITLE_SIZE);
    for line in s.wrap(font, title, TITLE_SIZE, width - 2.0 * MARGIN)? {
        y += TITLE_SIZE * 1.25;
        s.text(
            font.layout(&line, TITLE_SIZE)?,
            MARGIN,
            y,
            Anchor::Start,
            TEXT,
        );
    }
    for line in s.wrap(font, subtitle, SUBTITLE_SIZE, width - 2.0 * MARGIN)? {
        y += SUBTITLE_SIZE * 1.6;
        s.text(
            font.layout(&line, SUBTITLE_SIZE)?,
            MARGIN,
            y,
            Anchor::Start,
            MUTED,
        );
    }
    Ok(y + 36.0)
}

/// The whole 体系図: every goal, action area and plan.
pub fn structure(font: &Font, model: &Model) -> Result<Scene, ChartError> {
    let cols = Columns::whole();
    let mut s = Scene::new(cols.width, 0.0);
    let title = model.outline.as_ref().map_or("", |o| o.title.as_str());
    let mut y = heading(
        &mut s,
        font,
        &format!("{title} 体系図"),
        "重点推進目標 → 取組事項 → 計画（右は担当課）",
        cols.width,
    )?;
    let Some(outline) = &model.outline else {
        s.height = y + MARGIN;
        return Ok(s);
    };
    let (goal_x, goal_w) = cols.goal.unwrap_or((MARGIN, 0.0));
    for goal in &outline.goals {
        let colour = goal_colour(goal.number);
        let goal_top = y;
        let (item_mids, bottom) = action_areas(&mut s, font, model, goal, &cols, y)?;
        y = bottom;
        let goal_h = (y - GAP * 2.0 - goal_top).max(0.0);
        s.rect(goal_x, goal_top, goal_w, goal_h, colour);
        let goal_block = goal_label(&mut s, font, goal, SMALL_SIZE, goal_w)?;
        goal_block.draw(&mut s, font, goal_x, goal_top)?;
        connect(
            &mut s,
            goal_x + goal_w,
            goal_top + goal_h / 2.0,
            cols.item_x - 18.0,
            cols.item_x,
            &item_mids,
            colour,
        );
        y += BLOCK_GAP;
    }
    if !outline.goals.is_empty() {
        // No gaps below the last goal: the bottom margin matches the top one.
        y -= BLOCK_GAP + GAP * 2.0;
    }
    s.height = (y + MARGIN).ceil();
    Ok(s)
}

/// The widths tried for one goal's 体系図, narrowest first: the narrowest whose drawing fits
/// a portrait A4 page is kept, so that printed at the page's width its text is as large as
/// it can be (never smaller than the whole chart's, which is wider with the same sizes).
const ONE_GOAL_WIDTHS: [f32; 7] = [1000.0, 1100.0, 1200.0, 1300.0, 1400.0, 1500.0, 1600.0];

/// The 体系図 of goal `number` alone, fitting a portrait A4 page (height ≤ √2 × width) where
/// any of [`ONE_GOAL_WIDTHS`] does; otherwise at the widest.
pub fn one_goal(font: &Font, model: &Model, number: u64) -> Result<Scene, ChartError> {
    // Rows too many for a page at the widest width fit none narrower either (a narrower chart
    // is taller, its page shorter): laid out once, at the widest.
    let plans = model
        .outline
        .iter()
        .flat_map(|o| o.goals.iter())
        .find(|g| g.number == number)
        .map_or(0, |g| {
            g.items
                .iter()
                .map(|i| model.plans_in(number, i.number).len())
                .sum()
        });
    let widest = ONE_GOAL_WIDTHS[ONE_GOAL_WIDTHS.len() - 1];
    if min_height(plans) > A4_PORTRAIT * widest {
        return one_goal_at(font, model, number, widest);
    }
    let mut scene = Scene::new(WIDTH, 0.0);
    for width in ONE_GOAL_WIDTHS {
        scene = one_goal_at(font, model, number, width)?;
        if scene.height <= A4_PORTRAIT * scene.width {
            break;
        }
    }
    Ok(scene)
}

fn one_goal_at(font: &Font, model: &Model, number: u64, width: f32) -> Result<Scene, ChartError> {
    let cols = Columns::one_goal(width);
    let mut s = Scene::new(cols.width, 0.0);
    let outline = model.outline.as_ref();
    let title = outline.map_or("", |o| o.title.as_str());
    let mut y = heading(
        &mut s,
        font,
        &format!("{title} 体系図"),
        &format!("重点推進目標{number} → 取組事項 → 計画（右は担当課）"),
        cols.width,
    )?;
    let Some(goal) = outline.and_then(|o| o.goals.iter().find(|g| g.number == number)) else {
        s.height = y + MARGIN;
        return Ok(s);
    };
    let colour = goal_colour(goal.number);
    // The goal, in a band across the page.
    let band_w = cols.width - 2.0 * MARGIN;
    let band = goal_label(&mut s, font, goal, LABEL_SIZE, band_w)?;
    let band_h = band.height();
    s.rect(MARGIN, y, band_w, band_h, colour);
    band.draw(&mut s, font, MARGIN, y)?;
    let band_bottom = y + band_h;
    y = band_bottom + BLOCK_GAP;
    let (item_mids, bottom) = action_areas(&mut s, font, model, goal, &cols, y)?;
    // A spine down from the band, with a branch to each action area.
    let spine = MARGIN + 14.0;
    if let Some(last) = item_mids.last() {
        s.line(spine, band_bottom, spine, *last, 2.0, colour);
        for m in &item_mids {
            s.line(spine, *m, cols.item_x, *m, 2.0, colour);
        }
    }
    s.height = (bottom - GAP * 2.0 + MARGIN).ceil();
    Ok(s)
}

/// Draws one goal's action areas from `y` down, each with its plans; returns the middle of
/// each action area's box and the y below the last (with its gap).
fn action_areas(
    s: &mut Scene,
    font: &Font,
    model: &Model,
    goal: &Goal,
    cols: &Columns,
    mut y: f32,
) -> Result<(Vec<f32>, f32), ChartError> {
    let colour = goal_colour(goal.number);
    let mut item_mids = Vec::new();
    for item in &goal.items {
        let plans = model.plans_in(goal.number, item.number);
        // Lay out every plan row first: its height is the taller of its two columns.
        let mut rows = Vec::new();
        for (id, plan) in plans {
            let mut lines = hanging(
                s,
                font,
                Some(&format!("{id}　")),
                &plan.title,
                PLAN_SIZE,
                cols.plan_w,
                TEXT,
            )?;
            for sub in &plan.subprojects {
                let text = match &sub.departments {
                    Some(d) => format!("{}（{}）", sub.title, d.join("、")),
                    None => sub.title.clone(),
                };
                lines.extend(hanging(
                    s,
                    font,
                    Some(BULLET),
                    &text,
                    SUB_SIZE,
                    cols.plan_w,
                    MUTED,
                )?);
            }
            let mut names = plan.departments.clone();
            if plan.and_others
                && let Some(last) = names.last_mut()
            {
                last.push_str(" 等");
            }
            let dept_lines = s
                .wrap_list(font, &names, "、", SUB_SIZE, cols.dept_w - 2.0 * PAD)?
                .into_iter()
                .map(|text| TextLine {
                    lead: None,
                    text,
                    indent: 0.0,
                    size: SUB_SIZE,
                    colour: TEXT,
                })
                .collect();
            let plan_block = Block { lines };
            let dept_block = Block { lines: dept_lines };
            let h = plan_block.height().max(dept_block.height());
            rows.push((plan_block, dept_block, h));
        }
        let rows_h: f32 =
            rows.iter().map(|r| r.2).sum::<f32>() + GAP * rows.len().saturating_sub(1) as f32;
        let item_block = Block {
            lines: [
                vec![TextLine {
                    lead: None,
                    text: format!("取組事項{}", item.number),
                    indent: 0.0,
                    size: SMALL_SIZE,
                    colour,
                }],
                wrapped(s, font, &item.title, SMALL_SIZE, cols.item_w, TEXT)?,
            ]
            .concat(),
        };
        let block_h = rows_h.max(item_block.height());
        s.rect(cols.item_x, y, cols.item_w, block_h, colour.tint(0.85));
        item_block.draw(s, font, cols.item_x, y)?;
        item_mids.push(y + block_h / 2.0);
        // Plans, centred in the block, joined to the action area by a bracket.
        let mut ry = y + (block_h - rows_h) / 2.0;
        let spine = cols.plan_x - 18.0;
        let mut mids = Vec::new();
        for (plan_block, dept_block, h) in rows {
            s.rect(
                cols.plan_x,
                ry,
                cols.dept_x + cols.dept_w - cols.plan_x,
                h,
                colour.tint(0.93),
            );
            s.rect(cols.plan_x, ry, 4.0, h, colour);
            plan_block.draw(s, font, cols.plan_x + 4.0, ry)?;
            dept_block.draw(s, font, cols.dept_x, ry)?;
            mids.push(ry + h / 2.0);
            ry += h + GAP;
        }
        connect(
            s,
            cols.item_x + cols.item_w,
            y + block_h / 2.0,
            spine,
            cols.plan_x,
            &mids,
            colour,
        );
        y += block_h + GAP * 2.0;
    }
    Ok((item_mids, y))
}

/// A bracket from a parent's right edge to each child's left edge.
fn connect(
    s: &mut Scene,
    from_x: f32,
    from_y: f32,
    spine: f32,
    to_x: f32,
    mids: &[f32],
    colour: Rgb,
) {
    let (Some(first), Some(last)) = (mids.first(), mids.last()) else {
        return;
    };
    s.line(from_x, from_y, spine, from_y, 2.0, colour);
    s.line(
        spine,
        first.min(from_y),
        spine,
        last.max(from_y),
        2.0,
        colour,
    );
    for m in mids {
        s.line(spine, *m, to_x, *m, 2.0, colour);
    }
}
