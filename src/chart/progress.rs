//! `progress-Y`: one fiscal year's progress. One bar per goal and per action area (the areas
//! under their goal), each the row's plans split by level of the scale, best first, with the
//! plans not reported in grey at the end. Each segment wide enough carries its level's code
//! and count, so that levels whose colours look alike (a long scale, a reader with a
//! colour-vision deficiency, a black-and-white printout) are still told apart; a row with a
//! segment too narrow for its own gives every level's count under its bar, so that each row
//! can be added up on paper.

use super::ChartError;
use super::scene::{Anchor, Scene};
use super::style::*;
use super::text::Font;
use crate::progress::{LevelCounts, ProgressStats};

/// The column of goal and action-area names, left of the bars.
const LABEL_W: f32 = 520.0;
/// Room right of the bars for a row's total (「20計画」).
const TOTAL_W: f32 = 110.0;
const GOAL_BAR: f32 = 36.0;
const AREA_BAR: f32 = 28.0;
/// How far an action area's name is set in from its goal's.
const INDENT: f32 = 28.0;
/// Space a label leaves on each side inside its segment.
const PAD: f32 = 6.0;
const SWATCH: f32 = 28.0;

/// The least the chart can be tall with `rows` goals and action areas (their rows alone: a row
/// is at least an action area's bar and the space under it).
pub fn min_height(rows: usize) -> f32 {
    (AREA_BAR + 14.0) * rows as f32
}

/// The word for the plans not reported.
pub const UNREPORTED_LABEL: &str = "未報告";

/// One row of the chart: its name's lines, where they go, and the bar.
struct Row<'a> {
    lines: Vec<(String, f32, Rgb)>,
    indent: f32,
    bar: f32,
    counts: &'a LevelCounts,
    /// Under the bar, every level's count, when a segment is too narrow to carry its own
    /// (「A：1　C：2　未報告：13」), so that each row can be added up.
    note: Option<String>,
    height: f32,
    /// The first row of a goal after another goal's rows: a rule above it.
    rule: bool,
}

/// The height of the line of counts under a bar.
const NOTE_H: f32 = SMALL_SIZE * 1.4;

/// The progress chart of `stats.year`, titled with the plan's title.
pub fn progress(font: &Font, stats: &ProgressStats, plan_title: &str) -> Result<Scene, ChartError> {
    let mut s = Scene::new(WIDTH, 0.0);
    let title = if plan_title.is_empty() {
        format!("{}年度の進捗", stats.year)
    } else {
        format!("{}年度の進捗（{plan_title}）", stats.year)
    };
    let t = &stats.total;
    let subtitle = format!(
        "全{}計画のうち、報告済み{}計画、未報告{}計画。棒は重点推進目標と取組事項ごとの計画の内訳で、記号は評価、数字は計画数です（棒の中に書ききれない行は、棒の下にすべての数を書きます）。",
        t.plans(),
        t.reported(),
        t.unreported
    );
    let top = super::bars::heading(&mut s, font, &title, &subtitle)?;
    let colours = progress_colours(stats.scale.len());
    let mut legend: Vec<(Option<&str>, &str, Rgb)> = stats
        .scale
        .iter()
        .zip(&colours)
        .map(|(l, c)| (Some(l.code.as_str()), l.label.as_str(), *c))
        .collect();
    legend.push((None, UNREPORTED_LABEL, UNREPORTED));
    let y = draw_legend(&mut s, font, &legend, top)?;

    let left = MARGIN + LABEL_W + 24.0;
    let right = WIDTH - MARGIN - TOTAL_W;
    let note = |counts: &LevelCounts| breakdown(font, stats, counts, right - left);
    // Lay the rows out first: the grid is drawn under them.
    // All plans first, so that the whole year reads before its parts.
    let mut rows: Vec<Row> = vec![row(
        vec![("全計画".to_string(), LABEL_SIZE, TEXT)],
        0.0,
        GOAL_BAR,
        &stats.total,
        note(&stats.total)?,
        false,
    )];
    for g in &stats.goals {
        let colour = goal_colour(g.number);
        let mut lines = vec![(format!("重点推進目標{}", g.number), LABEL_SIZE, colour)];
        for line in s.wrap(font, &g.title, SMALL_SIZE, LABEL_W)? {
            lines.push((line, SMALL_SIZE, TEXT));
        }
        rows.push(row(lines, 0.0, GOAL_BAR, &g.counts, note(&g.counts)?, true));
        for a in &g.areas {
            let name = format!("{}-{}　{}", g.number, a.number, a.title);
            let lines = s
                .wrap(font, &name, SMALL_SIZE, LABEL_W - INDENT)?
                .into_iter()
                .map(|l| (l, SMALL_SIZE, TEXT))
                .collect();
            rows.push(row(
                lines,
                INDENT,
                AREA_BAR,
                &a.counts,
                note(&a.counts)?,
                false,
            ));
        }
    }

    let plot_top = y + 40.0;
    let plot_bottom = plot_top + rows.iter().map(|r| r.height).sum::<f32>();
    for pct in [0u32, 25, 50, 75, 100] {
        let x = left + (right - left) * pct as f32 / 100.0;
        let colour = if pct == 0 || pct == 100 { AXIS } else { GRID };
        s.line(x, plot_top - 8.0, x, plot_bottom, 1.0, colour);
        s.text(
            font.layout(&format!("{pct}%"), SMALL_SIZE)?,
            x,
            plot_top - 14.0,
            Anchor::Middle,
            MUTED,
        );
    }

    s.text(
        font.layout("各行の計画数に占める割合", SMALL_SIZE)?,
        left - 44.0,
        plot_top - 14.0,
        Anchor::End,
        MUTED,
    );

    let mut ry = plot_top;
    for r in &rows {
        if r.rule {
            s.line(MARGIN, ry, WIDTH - MARGIN, ry, 1.0, GRID);
        }
        let block: f32 = r.lines.iter().map(|l| l.1 * 1.35).sum();
        let mid = ry + r.height / 2.0;
        let mut baseline = mid - block / 2.0;
        for (text, size, colour) in &r.lines {
            baseline += size * 1.35;
            s.text(
                font.layout(text, *size)?,
                MARGIN + r.indent,
                baseline - size * 0.3,
                Anchor::Start,
                *colour,
            );
        }
        let under = if r.note.is_some() { NOTE_H } else { 0.0 };
        draw_bar(
            &mut s,
            font,
            stats,
            &colours,
            r,
            (left, right),
            mid - (r.bar + under) / 2.0,
        )?;
        ry += r.height;
    }
    s.height = (plot_bottom + MARGIN).ceil();
    Ok(s)
}

fn row<'a>(
    lines: Vec<(String, f32, Rgb)>,
    indent: f32,
    bar: f32,
    counts: &'a LevelCounts,
    note: Option<String>,
    rule: bool,
) -> Row<'a> {
    let block: f32 = lines.iter().map(|l| l.1 * 1.35).sum();
    let under = if note.is_some() { NOTE_H } else { 0.0 };
    Row {
        lines,
        indent,
        bar,
        counts,
        note,
        height: block.max(bar + under) + if rule { 28.0 } else { 14.0 },
        rule,
    }
}

/// Each segment of a row with plans: its count, colour-free label (「A：1」) and short label
/// (the code, or the count of the plans not reported).
fn segments(stats: &ProgressStats, c: &LevelCounts) -> Vec<(usize, [String; 2])> {
    let mut segments: Vec<(usize, [String; 2])> = c
        .levels
        .iter()
        .zip(&stats.scale)
        .map(|(n, l)| (*n, [format!("{}：{n}", l.code), l.code.clone()]))
        .collect();
    segments.push((
        c.unreported,
        [
            format!("{UNREPORTED_LABEL}：{}", c.unreported),
            c.unreported.to_string(),
        ],
    ));
    segments
}

/// The counts written under a bar of `width` when one of its segments is too narrow for its
/// code and count: every segment's, in the bar's order.
fn breakdown(
    font: &Font,
    stats: &ProgressStats,
    c: &LevelCounts,
    width: f32,
) -> Result<Option<String>, ChartError> {
    let plans = c.plans();
    if plans == 0 {
        return Ok(None);
    }
    let mut narrow = false;
    for (n, [full, _]) in segments(stats, c).iter().filter(|(n, _)| *n > 0) {
        let room = width * *n as f32 / plans as f32;
        if font.layout(full, SMALL_SIZE)?.width + 2.0 * PAD > room {
            narrow = true;
        }
    }
    Ok(narrow.then(|| {
        segments(stats, c)
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, [full, _])| full)
            .collect::<Vec<_>>()
            .join("　")
    }))
}

/// One row's bar from `x0` to `x1` at `top`: a segment per level with plans, then the plans
/// not reported, each labelled where it fits, and the row's total after it.
fn draw_bar(
    s: &mut Scene,
    font: &Font,
    stats: &ProgressStats,
    colours: &[Rgb],
    r: &Row,
    (x0, x1): (f32, f32),
    top: f32,
) -> Result<(), ChartError> {
    let c = r.counts;
    let plans = c.plans();
    let size = if r.bar >= GOAL_BAR {
        LABEL_SIZE
    } else {
        SMALL_SIZE
    };
    let mid = top + r.bar / 2.0;
    if plans == 0 {
        s.text(
            font.layout("計画なし", SMALL_SIZE)?,
            x0 + 8.0,
            mid + 7.0,
            Anchor::Start,
            MUTED,
        );
        return Ok(());
    }
    let fills = colours.iter().copied().chain(std::iter::once(UNREPORTED));
    let segments = segments(stats, c)
        .into_iter()
        .zip(fills)
        .map(|((n, labels), fill)| (n, fill, labels));
    let x_of = |v: usize| x0 + (x1 - x0) * v as f32 / plans as f32;
    let mut base = 0;
    for (n, fill, labels) in segments {
        if n == 0 {
            continue;
        }
        let (a, b) = (x_of(base), x_of(base + n));
        s.rect(a, top, b - a, r.bar, fill);
        if base > 0 {
            s.line(a, top, a, top + r.bar, 2.0, WHITE);
        }
        for label in labels {
            let line = font.layout(&label, SMALL_SIZE)?;
            if line.width + 2.0 * PAD <= b - a {
                s.text(line, (a + b) / 2.0, mid + 7.0, Anchor::Middle, ink_on(fill));
                break;
            }
        }
        base += n;
    }
    // A frame, so that a pale level (the middle of a long scale) still shows its bar's end.
    frame(s, x0, top, x1 - x0, r.bar);
    if let Some(note) = &r.note {
        s.text(
            font.layout(note, SMALL_SIZE)?,
            x0,
            top + r.bar + NOTE_H - 4.0,
            Anchor::Start,
            TEXT,
        );
    }
    s.text(
        font.layout(&format!("{plans}計画"), size)?,
        x1 + 12.0,
        mid + size * 0.33,
        Anchor::Start,
        TEXT,
    );
    Ok(())
}

/// A thin grey outline of a rectangle.
fn frame(s: &mut Scene, x: f32, y: f32, w: f32, h: f32) {
    s.line(x, y, x + w, y, 1.0, AXIS);
    s.line(x, y + h, x + w, y + h, 1.0, AXIS);
    s.line(x, y, x, y + h, 1.0, AXIS);
    s.line(x + w, y, x + w, y + h, 1.0, AXIS);
}

/// The legend: each level's swatch with its code in it, then its label, read across (best
/// first, the plans not reported last), as many to a line as fit. A label too wide for a
/// line of its own is wrapped. Returns the y below it.
fn draw_legend(
    s: &mut Scene,
    font: &Font,
    entries: &[(Option<&str>, &str, Rgb)],
    top: f32,
) -> Result<f32, ChartError> {
    let avail = WIDTH - 2.0 * MARGIN;
    let gap = 36.0;
    let (mut x, mut y) = (MARGIN, top);
    let mut height: f32 = SWATCH;
    for (code, label, fill) in entries {
        let w = match code {
            Some(code) => SWATCH.max(font.width(code, SMALL_SIZE)? + 2.0 * PAD),
            None => SWATCH,
        };
        let width = w + 10.0 + font.width(label, SMALL_SIZE)?;
        if x > MARGIN && x + width > MARGIN + avail {
            (x, y) = (MARGIN, y + height + 12.0);
            height = SWATCH;
        }
        s.rect(x, y, w, SWATCH, *fill);
        frame(s, x, y, w, SWATCH);
        if let Some(code) = code {
            s.text(
                font.layout(code, SMALL_SIZE)?,
                x + w / 2.0,
                y + SWATCH / 2.0 + 7.0,
                Anchor::Middle,
                ink_on(*fill),
            );
        }
        let lines = s.wrap(font, label, SMALL_SIZE, (avail - w - 10.0).max(SMALL_SIZE))?;
        for (li, line) in lines.iter().enumerate() {
            s.text(
                font.layout(line, SMALL_SIZE)?,
                x + w + 10.0,
                y + SWATCH / 2.0 + 7.0 + li as f32 * SMALL_SIZE * 1.35,
                Anchor::Start,
                TEXT,
            );
        }
        height = height.max(SWATCH + (lines.len().max(1) - 1) as f32 * SMALL_SIZE * 1.35);
        x += width.min(avail) + gap;
    }
    Ok(y + height + 12.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;
    use crate::progress::{AreaProgress, GoalProgress};

    fn stats(levels: usize, goals: Vec<Vec<LevelCounts>>) -> ProgressStats {
        let scale: Vec<Level> = (0..levels)
            .map(|i| Level {
                code: char::from(b'A' + i as u8).to_string(),
                label: format!("架空の段階その{}", i + 1),
            })
            .collect();
        let mut total = LevelCounts {
            levels: vec![0; levels],
            unreported: 0,
        };
        let goals = goals
            .into_iter()
            .enumerate()
            .map(|(gi, areas)| {
                let mut counts = LevelCounts {
                    levels: vec![0; levels],
                    unreported: 0,
                };
                for a in &areas {
                    for (k, n) in a.levels.iter().enumerate() {
                        counts.levels[k] += n;
                        total.levels[k] += n;
                    }
                    counts.unreported += a.unreported;
                    total.unreported += a.unreported;
                }
                GoalProgress {
                    number: gi as u64 + 1,
                    title: format!("架空目標その{}", gi + 1),
                    counts,
                    areas: areas
                        .into_iter()
                        .enumerate()
                        .map(|(ai, counts)| AreaProgress {
                            number: ai as u64 + 1,
                            title: format!("架空取組その{}", ai + 1),
                            counts,
                        })
                        .collect(),
                }
            })
            .collect();
        ProgressStats {
            year: 2026,
            scale,
            goals,
            total,
        }
    }

    fn texts(s: &Scene) -> Vec<String> {
        s.items
            .iter()
            .filter_map(|i| match i {
                crate::chart::scene::Item::Text { line, .. } => Some(line.text.clone()),
                _ => None,
            })
            .collect()
    }

    fn counts(levels: &[usize], unreported: usize) -> LevelCounts {
        LevelCounts {
            levels: levels.to_vec(),
            unreported,
        }
    }

    #[test]
    fn odd_data_draws_without_panicking() {
        let font = Font::load(FONT).unwrap();
        // An area with no plans, and a year with every plan unreported.
        let s = stats(4, vec![vec![counts(&[0; 4], 3), counts(&[0; 4], 0)]]);
        let scene = progress(&font, &s, "架空計画").unwrap();
        let t = texts(&scene);
        assert!(t.contains(&"未報告：3".to_string()), "{t:?}");
        assert!(t.contains(&"計画なし".to_string()), "{t:?}");
        // No goals at all, and an empty plan title.
        let scene = progress(&font, &stats(2, vec![]), "").unwrap();
        assert!(texts(&scene).contains(&"2026年度の進捗".to_string()));
    }

    #[test]
    fn a_label_wider_than_the_chart_is_wrapped() {
        let font = Font::load(FONT).unwrap();
        let mut s = stats(3, vec![vec![counts(&[1, 1, 1], 1)]]);
        s.scale[1].label = "架空の段階の説明がとても長い場合でも図の幅に収まるように折り返して表示されることを確かめるための文章です".repeat(2);
        let scene = progress(&font, &s, "架空計画").unwrap();
        for w in &scene.wrapped {
            for l in &w.lines {
                assert!(font.width(l, w.size).unwrap() <= w.width, "{l}");
            }
        }
        assert!(scene.wrapped.iter().any(|w| w.lines.len() > 1));
    }

    #[test]
    fn each_segment_has_its_code_and_count_and_the_legend_every_level() {
        let font = Font::load(FONT).unwrap();
        let s = stats(9, vec![vec![counts(&[1; 9], 2)]]);
        let scene = progress(&font, &s, "架空計画").unwrap();
        let t = texts(&scene);
        for (i, l) in s.scale.iter().enumerate() {
            assert!(t.contains(&l.code), "{} in the legend", l.code);
            assert!(t.contains(&l.label), "{} in the legend", l.label);
            // Once in the bar of all plans, once in the goal's and once in its area's.
            let label = format!("{}：1", l.code);
            assert_eq!(t.iter().filter(|x| **x == label).count(), 3, "{i}: {t:?}");
        }
        assert_eq!(t.iter().filter(|x| *x == "未報告：2").count(), 3, "{t:?}");
        assert!(t.contains(&"全計画".to_string()));
        assert!(t.contains(&"未報告".to_string()));
        assert_eq!(t.iter().filter(|x| *x == "11計画").count(), 3);
    }

    /// A segment too narrow for its code and count (one plan of 60): each row then says every
    /// level's count under its bar, so that the row can be added up; a row whose segments all
    /// carry theirs says nothing more.
    #[test]
    fn a_row_with_a_narrow_segment_gives_every_count_under_its_bar() {
        let font = Font::load(FONT).unwrap();
        let s = stats(3, vec![vec![counts(&[1, 0, 2], 57), counts(&[1, 1, 1], 1)]]);
        let scene = progress(&font, &s, "架空計画").unwrap();
        let t = texts(&scene);
        let notes: Vec<&String> = t
            .iter()
            .filter(|x| x.contains("：") && x.contains('　'))
            .collect();
        assert_eq!(
            notes,
            [
                "A：2　B：1　C：3　未報告：58",
                "A：2　B：1　C：3　未報告：58",
                "A：1　C：2　未報告：57"
            ],
            "{t:?}"
        );
    }
}
