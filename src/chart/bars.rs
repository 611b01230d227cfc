//! The bar charts: `by-goal` (stacked by action area), `by-department` (stacked by goal) and
//! `goal-N` (one goal's plans per department).

use super::ChartError;
use super::scene::{Anchor, Scene};
use super::style::*;
use super::text::Font;
use crate::stats::Stats;

/// The height of a bar's row in the horizontal bar charts.
const ROW_H: f32 = 38.0;
/// The height of an action area's line in the legend of `by-goal`.
const LEGEND_ROW: f32 = 30.0;

/// The least a horizontal bar chart of `bars` bars can be tall (its rows alone).
pub fn min_height_of_bars(bars: usize) -> f32 {
    ROW_H * bars as f32
}

/// The least `by-goal` can be tall with `areas` action areas in its legend (their lines alone).
pub fn min_height_of_legend(areas: usize) -> f32 {
    LEGEND_ROW * areas as f32
}

/// A round upper end for an axis, and the step between its ticks.
fn axis(max: usize) -> (usize, usize) {
    let step = if max <= 12 { 2 } else { 5 };
    let mut top = max.div_ceil(step).max(1) * step;
    // Leave room above the longest bar for its count label.
    if max * 10 > top * 9 {
        top += step;
    }
    (top, step)
}

/// Title and subtitle at the top of a chart, each wrapped to the chart's width (a title may
/// hold the plan's title); returns the y below them.
pub(super) fn heading(
    s: &mut Scene,
    font: &Font,
    title: &str,
    subtitle: &str,
) -> Result<f32, ChartError> {
    let mut y = MARGIN;
    for (i, line) in s
        .wrap(font, title, TITLE_SIZE, WIDTH - 2.0 * MARGIN)?
        .into_iter()
        .enumerate()
    {
        y += if i == 0 {
            font.ascent(TITLE_SIZE)
        } else {
            TITLE_SIZE * 1.3
        };
        s.text(
            font.layout(&line, TITLE_SIZE)?,
            MARGIN,
            y,
            Anchor::Start,
            TEXT,
        );
    }
    y += 12.0;
    for line in s.wrap(font, subtitle, SUBTITLE_SIZE, WIDTH - 2.0 * MARGIN)? {
        y += SUBTITLE_SIZE * 1.4;
        s.text(
            font.layout(&line, SUBTITLE_SIZE)?,
            MARGIN,
            y,
            Anchor::Start,
            MUTED,
        );
    }
    Ok(y + 24.0)
}

/// Plans per goal, each bar split by action area, with a legend of the action areas.
pub fn by_goal(font: &Font, stats: &Stats, plan_title: &str) -> Result<Scene, ChartError> {
    let mut s = Scene::new(WIDTH, 0.0);
    let subtitle = format!(
        "{plan_title}（全{}計画）。棒の中は取組事項ごとの計画数です。",
        stats.total
    );
    let top = heading(&mut s, font, "重点推進目標別の計画数", &subtitle)?;
    let legend_w = 560.0;
    let (left, right) = (MARGIN + 48.0, WIDTH - MARGIN - legend_w - 32.0);
    let (plot_top, plot_bottom) = (top + 40.0, top + 40.0 + 560.0);
    let max = stats.goals.iter().map(|g| g.plans).max().unwrap_or(0);
    let (ymax, step) = axis(max);
    let y_of = |v: f32| plot_bottom - (plot_bottom - plot_top) * v / ymax as f32;
    for t in (0..=ymax).step_by(step) {
        let y = y_of(t as f32);
        s.line(left, y, right, y, 1.0, if t == 0 { AXIS } else { GRID });
        s.text(
            font.layout(&t.to_string(), SMALL_SIZE)?,
            left - 10.0,
            y + 7.0,
            Anchor::End,
            MUTED,
        );
    }
    let n = stats.goals.len().max(1) as f32;
    let slot = (right - left) / n;
    let bar_w = slot * 0.56;
    let mut below = plot_bottom;
    for (gi, g) in stats.goals.iter().enumerate() {
        let colour = goal_colour(g.number);
        let cx = left + slot * (gi as f32 + 0.5);
        let mut base = 0usize;
        let k = g.items.len().max(1) as f32;
        for (ii, (number, _, count)) in g.items.iter().enumerate() {
            if *count == 0 {
                continue;
            }
            let amount = ii as f32 * 0.6 / k;
            let fill = colour.tint(amount);
            let (y0, y1) = (y_of((base + count) as f32), y_of(base as f32));
            s.rect(cx - bar_w / 2.0, y0, bar_w, y1 - y0, fill);
            s.line(cx - bar_w / 2.0, y0, cx + bar_w / 2.0, y0, 2.0, WHITE);
            let label = format!("{}-{}：{}", g.number, number, count);
            if y1 - y0 >= SMALL_SIZE + 6.0 {
                let ink = if amount > 0.3 { TEXT } else { WHITE };
                s.text(
                    font.layout(&label, SMALL_SIZE)?,
                    cx,
                    (y0 + y1) / 2.0 + 7.0,
                    Anchor::Middle,
                    ink,
                );
            } else {
                // Too thin for its label: the label goes beside the bar.
                s.text(
                    font.layout(&label, SMALL_SIZE)?,
                    cx + bar_w / 2.0 + 8.0,
                    (y0 + y1) / 2.0 + 7.0,
                    Anchor::Start,
                    TEXT,
                );
            }
            base += count;
        }
        let top_y = y_of(g.plans as f32);
        s.text(
            font.layout(&format!("{}計画", g.plans), LABEL_SIZE)?,
            cx,
            top_y - 10.0,
            Anchor::Middle,
            TEXT,
        );
        let mut y = plot_bottom + 36.0;
        s.text(
            font.layout(&format!("重点推進目標{}", g.number), LABEL_SIZE)?,
            cx,
            y,
            Anchor::Middle,
            colour,
        );
        for line in s.wrap(font, &g.title, SMALL_SIZE, slot - 24.0)? {
            y += SMALL_SIZE * 1.35;
            s.text(font.layout(&line, SMALL_SIZE)?, cx, y, Anchor::Middle, TEXT);
        }
        below = below.max(y);
    }
    // Legend: every action area with its swatch.
    let lx = WIDTH - MARGIN - legend_w;
    let mut y = plot_top;
    for g in &stats.goals {
        let colour = goal_colour(g.number);
        s.text(
            font.layout(&format!("重点推進目標{}の取組事項", g.number), SMALL_SIZE)?,
            lx,
            y + 16.0,
            Anchor::Start,
            TEXT,
        );
        y += LEGEND_ROW;
        let k = g.items.len().max(1) as f32;
        for (ii, (number, title, count)) in g.items.iter().enumerate() {
            s.rect(lx, y, 22.0, 22.0, colour.tint(ii as f32 * 0.6 / k));
            let label = format!("{}-{} {}（{}）", g.number, number, title, count);
            for (li, line) in s
                .wrap(font, &label, SMALL_SIZE, legend_w - 32.0)?
                .into_iter()
                .enumerate()
            {
                if li > 0 {
                    y += SMALL_SIZE * 1.3;
                }
                s.text(
                    font.layout(&line, SMALL_SIZE)?,
                    lx + 32.0,
                    y + 18.0,
                    Anchor::Start,
                    TEXT,
                );
            }
            y += LEGEND_ROW;
        }
        y += 14.0;
    }
    s.height = (below.max(y) + MARGIN).ceil();
    Ok(s)
}

/// One horizontal bar per row, each split into coloured parts, with the total at its end.
fn horizontal(
    font: &Font,
    title: &str,
    subtitle: &str,
    legend: &[(Rgb, String)],
    rows: &[(String, Vec<(usize, Rgb)>)],
) -> Result<Scene, ChartError> {
    let mut s = Scene::new(WIDTH, 0.0);
    let mut y = heading(&mut s, font, title, subtitle)?;
    for (colour, label) in legend {
        s.rect(MARGIN, y, 22.0, 22.0, *colour);
        s.text(
            font.layout(label, SMALL_SIZE)?,
            MARGIN + 32.0,
            y + 18.0,
            Anchor::Start,
            TEXT,
        );
        y += 32.0;
    }
    y += 16.0;
    let mut label_w: f32 = 0.0;
    for (name, _) in rows {
        label_w = label_w.max(font.width(name, LABEL_SIZE)?);
    }
    let left = MARGIN + label_w + 16.0;
    let right = WIDTH - MARGIN - 90.0;
    let max = rows
        .iter()
        .map(|(_, parts)| parts.iter().map(|p| p.0).sum::<usize>())
        .max()
        .unwrap_or(0);
    let (xmax, step) = axis(max);
    let x_of = |v: f32| left + (right - left) * v / xmax as f32;
    let row_h = ROW_H;
    let plot_top = y + 30.0;
    let plot_bottom = plot_top + row_h * rows.len() as f32;
    for t in (0..=xmax).step_by(step) {
        let x = x_of(t as f32);
        s.line(
            x,
            plot_top - 6.0,
            x,
            plot_bottom,
            1.0,
            if t == 0 { AXIS } else { GRID },
        );
        s.text(
            font.layout(&t.to_string(), SMALL_SIZE)?,
            x,
            plot_top - 12.0,
            Anchor::Middle,
            MUTED,
        );
    }
    for (ri, (name, parts)) in rows.iter().enumerate() {
        let ry = plot_top + row_h * ri as f32;
        let mid = ry + row_h / 2.0;
        s.text(
            font.layout(name, LABEL_SIZE)?,
            left - 12.0,
            mid + 8.0,
            Anchor::End,
            TEXT,
        );
        let mut base = 0usize;
        for (count, colour) in parts {
            if *count == 0 {
                continue;
            }
            let (x0, x1) = (x_of(base as f32), x_of((base + count) as f32));
            s.rect(x0, ry + 7.0, x1 - x0, row_h - 14.0, *colour);
            if base > 0 {
                s.line(x0, ry + 7.0, x0, ry + row_h - 7.0, 2.0, WHITE);
            }
            base += count;
        }
        s.text(
            font.layout(&base.to_string(), LABEL_SIZE)?,
            x_of(base as f32) + 10.0,
            mid + 8.0,
            Anchor::Start,
            TEXT,
        );
    }
    s.height = (plot_bottom + MARGIN).ceil();
    Ok(s)
}

/// Every registered department's plans, split by goal.
pub fn by_department(font: &Font, stats: &Stats) -> Result<Scene, ChartError> {
    let legend: Vec<(Rgb, String)> = stats
        .goals
        .iter()
        .map(|g| {
            (
                goal_colour(g.number),
                format!("重点推進目標{}　{}", g.number, g.title),
            )
        })
        .collect();
    let rows: Vec<(String, Vec<(usize, Rgb)>)> = stats
        .departments
        .iter()
        .map(|d| {
            let parts = d
                .per_goal
                .iter()
                .zip(&stats.goals)
                .map(|(n, g)| (*n, goal_colour(g.number)))
                .collect();
            (d.name.clone(), parts)
        })
        .collect();
    horizontal(
        font,
        "担当課別の計画数",
        &format!(
            "{}課。複数の課が担当する計画は、それぞれの課で1件と数えます。色は重点推進目標です。",
            stats.departments.len()
        ),
        &legend,
        &rows,
    )
}

/// One goal's plans per department.
pub fn goal(font: &Font, stats: &Stats, index: usize) -> Result<Scene, ChartError> {
    let g = &stats.goals[index];
    let colour = goal_colour(g.number);
    let rows: Vec<(String, Vec<(usize, Rgb)>)> = stats
        .departments_of_goal(index)
        .into_iter()
        .map(|(name, n)| (name, vec![(n, colour)]))
        .collect();
    horizontal(
        font,
        &format!("重点推進目標{}の担当課別の計画数", g.number),
        &format!("{}（{}計画）", g.title, g.plans),
        &[],
        &rows,
    )
}
