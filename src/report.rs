//! `charts/README.md`: the plan as a Markdown report in Japanese (GitHub shows it when the
//! folder is opened): the title and counts, each chart, the table of every plan grouped by
//! goal and action area, and an index by department. With a year shown (`plans report
//! --year`), the same with that year's progress, written elsewhere; with the site's address,
//! each plan's number links to its own page there.

use std::fmt::Write as _;

use crate::generated::Output;
use crate::output::markdown::text as inline;
use crate::progress::{LevelCounts, Standing};
use crate::publish::{self, Publication};

/// Where the report is written, relative to the repository.
pub const PATH: &str = "charts/README.md";

/// The report, ready to be written.
pub fn output(publication: &Publication, site: Option<&str>) -> Output {
    Output {
        path: PATH.to_string(),
        bytes: markdown(publication, site).into_bytes(),
    }
}

/// The report's text; `site`, the public site's address (ending in `/`, checked by the
/// command), links each plan's number to its page.
pub fn markdown(p: &Publication, site: Option<&str>) -> String {
    // A plan's number, linked to its page where the site is known.
    let number = |id: &crate::model::PlanId| match site {
        Some(site) => format!("[{id}]({site}{})", crate::site::plan_path(*id)),
        None => id.to_string(),
    };
    let mut s = String::new();
    let stats = &p.stats;
    let _ = writeln!(s, "# {}", inline(p.title));
    s.push('\n');
    match &p.latest {
        None => s.push_str(
            "<!-- このファイルは plans build（または plans report）が plans/ のデータから作ります。直接は編集せず、データを直してから作り直してください。 -->\n\n",
        ),
        Some(latest) => {
            let _ = writeln!(
                s,
                "<!-- この報告書は plans report --year {} が plans/ のデータから作りました。直接は編集せず、データを直してから作り直してください。 -->\n",
                latest.year
            );
        }
    }
    let _ = writeln!(
        s,
        "重点推進目標 {} 件、取組事項 {} 件、計画 {} 件{}です。{} の課・機関が担当します。",
        p.goals.len(),
        p.items(),
        stats.total,
        p.amendments
            .as_ref()
            .map(|a| format!("（{a}）"))
            .unwrap_or_default(),
        p.departments_in_charge()
    );
    s.push('\n');
    if p.progress_set_up && p.latest.is_none() {
        s.push_str("年度ごとの進捗（評価の集計、図、計画ごとの評価）は、公開ページと `plans progress` で示します。この報告書は計画の体系だけを載せるので、担当課の進捗の報告では変わりません。\n\n");
    }

    s.push_str("## 目次\n\n");
    s.push_str("- [重点推進目標と取組事項ごとの計画数](#重点推進目標と取組事項ごとの計画数)\n");
    if let Some(latest) = &p.latest {
        let _ = writeln!(s, "- [{0} 年度の進捗](#{0}-年度の進捗)", latest.year);
    }
    if !p.charts.is_empty() {
        s.push_str("- [図](#図)\n");
    }
    s.push_str("- [計画の一覧](#計画の一覧)\n");
    s.push_str("- [担当課別の索引](#担当課別の索引)\n\n");

    s.push_str("## 重点推進目標と取組事項ごとの計画数\n\n");
    s.push_str("| 重点推進目標・取組事項 | 計画数 |\n| :--- | ---: |\n");
    for g in &p.goals {
        let _ = writeln!(
            s,
            "| **重点推進目標 {}　{}** | **{}** |",
            g.number,
            inline(g.title),
            g.plans
        );
        for i in &g.items {
            let _ = writeln!(
                s,
                "| 取組事項 {}-{}　{} | {} |",
                g.number,
                i.number,
                inline(i.title),
                i.plans.len()
            );
        }
    }
    let _ = writeln!(s, "| **合計** | **{}** |", stats.total);
    s.push('\n');

    if let Some(latest) = &p.latest {
        progress(&mut s, latest);
        if let Some(chart) = &p.progress_chart {
            image(&mut s, chart);
        }
    }

    if !p.charts.is_empty() {
        s.push_str("## 図\n\n");
        s.push_str(
            "図は SVG で載せています。印刷や文書に貼るときは、各図の下の PNG を使ってください。\n\n",
        );
        for chart in &p.charts {
            let _ = writeln!(s, "### {}\n", inline(&chart.title));
            image(&mut s, chart);
        }
    }

    s.push_str("## 計画の一覧\n\n");
    s.push_str("担当課の「等」は、ほかの課も担当することを表します。個別事業の「担当:」は、その事業を担当する課です。\n\n");
    for g in &p.goals {
        let _ = writeln!(
            s,
            "### 重点推進目標 {}　{}（{} 件）",
            g.number,
            inline(g.title),
            g.plans
        );
        s.push('\n');
        for i in &g.items {
            let _ = writeln!(
                s,
                "#### 取組事項 {}-{}　{}（{} 件）",
                g.number,
                i.number,
                inline(i.title),
                i.plans.len()
            );
            s.push('\n');
            if i.plans.is_empty() {
                s.push_str("この取組事項の計画はまだありません。\n\n");
                continue;
            }
            match &p.latest {
                Some(latest) => {
                    let _ = writeln!(
                        s,
                        "| 計画番号 | 計画名 | 担当課 | 個別事業 | {} 年度の評価 |\n| :--- | :--- | :--- | :--- | :--- |",
                        latest.year
                    );
                }
                None => s.push_str(
                    "| 計画番号 | 計画名 | 担当課 | 個別事業 |\n| :--- | :--- | :--- | :--- |\n",
                ),
            }
            for (id, plan) in &i.plans {
                let subprojects = plan
                    .subprojects
                    .iter()
                    .map(|sp| inline(&publish::subproject_text(sp)))
                    .collect::<Vec<_>>()
                    .join("<br>");
                let status = p.latest.as_ref().map(|latest| match latest.standing(*id) {
                    Standing::Reported(level) => {
                        format!(" **{}** {} |", inline(&level.code), inline(&level.label))
                    }
                    Standing::Unreported => " 未報告 |".to_string(),
                    Standing::NotActive => " 対象外 |".to_string(),
                });
                let title = match publish::life_text(plan) {
                    Some(life) => format!("{}（{}）", plan.title, life),
                    None => plan.title.clone(),
                };
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {subprojects} |{}",
                    number(id),
                    inline(&title),
                    inline(&publish::departments_text(plan)),
                    status.unwrap_or_default()
                );
            }
            s.push('\n');
        }
    }

    s.push_str("## 担当課別の索引\n\n");
    s.push_str("担当課の登録簿（plans/departments.json）の順です。個別事業だけを担当する課も、その計画に載せています。\n\n");
    for d in &p.departments {
        let _ = writeln!(s, "### {}（{} 件）", inline(d.name), d.plans.len());
        s.push('\n');
        if d.plans.is_empty() {
            s.push_str("担当する計画はありません。\n\n");
            continue;
        }
        for (id, plan) in &d.plans {
            let _ = writeln!(s, "- {} {}", number(id), inline(&plan.title));
        }
        s.push('\n');
    }
    // The escaping above leaves no runner command; this keeps it so whatever is added.
    crate::output::ci::text_owned(s)
}

/// A chart: the SVG with its text alternative, and a link to the PNG.
fn image(s: &mut String, chart: &publish::ChartEntry) {
    let _ = writeln!(s, "![{}]({}.svg)\n", inline(&chart.alt), chart.name);
    let _ = writeln!(s, "[PNG 画像（印刷用）]({}.png)\n", chart.name);
}

/// The progress of the year shown: how many plans reported, the scale, and the counts per goal
/// and action area (the chart of the year is among the charts).
fn progress(s: &mut String, report: &crate::progress::YearReport) {
    let t = &report.total;
    let _ = writeln!(s, "## {} 年度の進捗\n", report.year);
    let _ = writeln!(
        s,
        "計画 {} 件のうち、報告済み {} 件、未報告 {} 件です。評価の段階は次のとおりです。\n",
        t.plans(),
        t.reported(),
        t.unreported
    );
    for level in &report.scale {
        let _ = writeln!(s, "- {}: {}", inline(&level.code), inline(&level.label));
    }
    s.push('\n');
    let codes: Vec<String> = report.scale.iter().map(|l| inline(&l.code)).collect();
    let _ = writeln!(
        s,
        "| 重点推進目標・取組事項 | {} | 未報告 | 計 |\n| :--- |{} ---: | ---: |",
        codes.join(" | "),
        " ---: |".repeat(codes.len())
    );
    // One row: the name, each level's count, the unreported and the total; goals and the
    // total in bold.
    let row = |s: &mut String, name: String, tally: &LevelCounts, bold: bool| {
        let b = |x: String| if bold { format!("**{x}**") } else { x };
        let mut cells: Vec<String> = tally.levels.iter().map(|n| b(n.to_string())).collect();
        cells.push(b(tally.unreported.to_string()));
        cells.push(b(tally.plans().to_string()));
        let _ = writeln!(s, "| {} | {} |", b(name), cells.join(" | "));
    };
    for g in &report.goals {
        let name = format!("重点推進目標 {}　{}", g.key, inline(&g.title));
        row(s, name, &g.tally, true);
        for a in report.areas_of(g) {
            row(
                s,
                format!("取組事項 {}　{}", a.key, inline(&a.title)),
                &a.tally,
                false,
            );
        }
    }
    row(s, "合計".to_string(), t, true);
    s.push('\n');
}
