//! `structure`: the 体系図 itself — goal → action area → plan (with its departments), boxes
//! joined by lines, as the city publishes it. The one chart that names every plan.

use super::ChartError;
use super::scene::{Anchor, Scene};
use super::style::*;
use super::text::Font;
use crate::model::Model;

const GOAL_X: f32 = MARGIN;
const GOAL_W: f32 = 270.0;
const ITEM_X: f32 = GOAL_X + GOAL_W + 36.0;
const ITEM_W: f32 = 270.0;
const PLAN_X: f32 = ITEM_X + ITEM_W + 36.0;
const DEPT_W: f32 = 330.0;
const DEPT_X: f32 = WIDTH - MARGIN - DEPT_W;
const PLAN_W: f32 = DEPT_X - PLAN_X - 16.0;
const PAD: f32 = 10.0;
const GAP: f32 = 8.0;
const BLOCK_GAP: f32 = 20.0;
const PLAN_SIZE: f32 = 20.0;
const SUB_SIZE: f32 = 17.0;

/// Lines of text with their sizes and colours, for one box.
struct Block {
    lines: Vec<(String, f32, Rgb)>,
}

impl Block {
    fn height(&self) -> f32 {
        self.lines
            .iter()
            .map(|(_, size, _)| size * 1.35)
            .sum::<f32>()
            + 2.0 * PAD
    }

    fn draw(&self, s: &mut Scene, font: &Font, x: f32, y: f32) -> Result<(), ChartError> {
        let mut baseline = y + PAD;
        for (text, size, colour) in &self.lines {
            baseline += size * 1.35;
            s.text(
                font.layout(text, *size)?,
                x + PAD,
                baseline - size * 0.3,
                Anchor::Start,
                *colour,
            );
        }
        Ok(())
    }
}

fn wrapped(
    s: &mut Scene,
    font: &Font,
    text: &str,
    size: f32,
    width: f32,
    colour: Rgb,
) -> Result<Vec<(String, f32, Rgb)>, ChartError> {
    Ok(s.wrap(font, text, size, width - 2.0 * PAD)?
        .into_iter()
        .map(|l| (l, size, colour))
        .collect())
}

pub fn structure(font: &Font, model: &Model) -> Result<Scene, ChartError> {
    let mut s = Scene::new(WIDTH, 0.0);
    let title = model.outline.as_ref().map_or("", |o| o.title.as_str());
    let mut y = MARGIN + font.ascent(TITLE_SIZE);
    s.text(
        font.layout(&format!("{title} 体系図"), TITLE_SIZE)?,
        MARGIN,
        y,
        Anchor::Start,
        TEXT,
    );
    y += SUBTITLE_SIZE * 1.6;
    s.text(
        font.layout(
            "重点推進目標 → 取組事項 → 計画（右は担当課）",
            SUBTITLE_SIZE,
        )?,
        MARGIN,
        y,
        Anchor::Start,
        MUTED,
    );
    y += 36.0;
    let Some(outline) = &model.outline else {
        s.height = y + MARGIN;
        return Ok(s);
    };
    for goal in &outline.goals {
        let colour = goal_colour(goal.number);
        let goal_top = y;
        let mut item_mids = Vec::new();
        for item in &goal.items {
            let mut plans: Vec<_> = model
                .plans
                .iter()
                .filter(|(id, _)| {
                    u64::from(id.goal) == goal.number && u64::from(id.item) == item.number
                })
                .collect();
            plans.sort_by_key(|(id, _)| *id);
            // Lay out every plan row first: its height is the taller of its two columns.
            let mut rows = Vec::new();
            for (id, plan) in &plans {
                let mut lines = wrapped(
                    &mut s,
                    font,
                    &format!("{id}　{}", plan.title),
                    PLAN_SIZE,
                    PLAN_W,
                    TEXT,
                )?;
                for sub in &plan.subprojects {
                    let text = match &sub.departments {
                        Some(d) => format!("・{}（{}）", sub.title, d.join("、")),
                        None => format!("・{}", sub.title),
                    };
                    lines.extend(wrapped(&mut s, font, &text, SUB_SIZE, PLAN_W, MUTED)?);
                }
                let mut names = plan.departments.clone();
                if plan.and_others
                    && let Some(last) = names.last_mut()
                {
                    last.push_str(" 等");
                }
                let dept_lines = s
                    .wrap_list(font, &names, "、", SUB_SIZE, DEPT_W - 2.0 * PAD)?
                    .into_iter()
                    .map(|l| (l, SUB_SIZE, TEXT))
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
                    vec![(format!("取組事項{}", item.number), SMALL_SIZE, colour)],
                    wrapped(&mut s, font, &item.title, SMALL_SIZE, ITEM_W, TEXT)?,
                ]
                .concat(),
            };
            let block_h = rows_h.max(item_block.height());
            s.rect(ITEM_X, y, ITEM_W, block_h, colour.tint(0.85));
            item_block.draw(&mut s, font, ITEM_X, y)?;
            item_mids.push(y + block_h / 2.0);
            // Plans, centred in the block, joined to the action area by a bracket.
            let mut ry = y + (block_h - rows_h) / 2.0;
            let spine = PLAN_X - 18.0;
            let mut mids = Vec::new();
            for (plan_block, dept_block, h) in rows {
                s.rect(PLAN_X, ry, DEPT_X + DEPT_W - PLAN_X, h, colour.tint(0.93));
                s.rect(PLAN_X, ry, 4.0, h, colour);
                plan_block.draw(&mut s, font, PLAN_X + 4.0, ry)?;
                dept_block.draw(&mut s, font, DEPT_X, ry)?;
                mids.push(ry + h / 2.0);
                ry += h + GAP;
            }
            connect(
                &mut s,
                ITEM_X + ITEM_W,
                y + block_h / 2.0,
                spine,
                PLAN_X,
                &mids,
                colour,
            );
            y += block_h + GAP * 2.0;
        }
        let goal_h = (y - GAP * 2.0 - goal_top).max(0.0);
        s.rect(GOAL_X, goal_top, GOAL_W, goal_h, colour);
        let goal_block = Block {
            lines: [
                vec![(format!("重点推進目標{}", goal.number), LABEL_SIZE, WHITE)],
                wrapped(&mut s, font, &goal.title, SMALL_SIZE, GOAL_W, WHITE)?,
            ]
            .concat(),
        };
        goal_block.draw(&mut s, font, GOAL_X, goal_top)?;
        connect(
            &mut s,
            GOAL_X + GOAL_W,
            goal_top + goal_h / 2.0,
            ITEM_X - 18.0,
            ITEM_X,
            &item_mids,
            colour,
        );
        y += BLOCK_GAP;
    }
    s.height = (y + MARGIN).ceil();
    Ok(s)
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
