//! The public page: `index.html` with its style and script inline, the charts as SVG beside
//! it, and `plans.csv` and `plans.json` to download. Nothing is fetched from elsewhere, so the
//! folder works from the file system and from any static host. In Japanese (`lang="ja"`).
//!
//! The page works without its script (every plan shown); the script adds the filters by goal,
//! by department and by text (`site.js`).

use std::fmt::Write as _;

use crate::generated::Output;
use crate::publish::{self, Publication};

const STYLE: &str = include_str!("site.css");
const SCRIPT: &str = include_str!("site.js");

/// The files of the site, relative to its folder: the charts, the data, then the page.
pub fn outputs(p: &Publication, charts: Vec<Output>, csv: Vec<u8>, json: Vec<u8>) -> Vec<Output> {
    // The page last: a write that fails part way never leaves a new page without its files.
    let mut outputs = charts;
    outputs.push(Output {
        path: "plans.csv".into(),
        bytes: csv,
    });
    outputs.push(Output {
        path: "plans.json".into(),
        bytes: json,
    });
    outputs.push(Output {
        path: "index.html".into(),
        bytes: page(p).into_bytes(),
    });
    outputs
}

/// Text for HTML, in an element or in a quoted attribute: markup characters as references,
/// control characters (which `check` reports) as spaces.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A plan's departments: each name kept on one line (a line breaks only after 「、」), with
/// 「等」 where the data says others share it.
fn departments_html(plan: &crate::model::Plan) -> String {
    let names: Vec<String> = plan
        .departments
        .iter()
        .map(|d| format!("<span class=\"nb\">{}</span>", esc(d)))
        .collect();
    publish::with_and_others(names.join("、"), plan)
}

/// The page.
pub fn page(p: &Publication) -> String {
    let mut s = String::new();
    let title = esc(p.title);
    let total = p.stats.total;
    s.push_str("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(s, "<title>{title}</title>");
    let _ = writeln!(
        s,
        "<meta name=\"description\" content=\"{title}の重点推進目標・取組事項・計画 {total} 件と担当課の一覧です。\">"
    );
    let _ = write!(s, "<style>\n{STYLE}</style>\n</head>\n<body>\n");
    s.push_str("<a class=\"skip\" href=\"#plans\">計画の一覧へ移動</a>\n");
    s.push_str("<header class=\"page\">\n");
    let _ = writeln!(s, "<h1>{title}</h1>");
    let _ = writeln!(
        s,
        "<p class=\"totals\">重点推進目標 <strong>{}</strong> 件、取組事項 <strong>{}</strong> 件、計画 <strong>{total}</strong> 件です。<strong>{}</strong> の課・機関が担当します。</p>",
        p.goals.len(),
        p.items(),
        p.departments_in_charge()
    );
    s.push_str("<nav aria-label=\"このページの目次\">\n<ul>\n");
    let _ = writeln!(s, "<li><a href=\"#summary\">計画数</a></li>");
    if let Some(latest) = &p.latest {
        let _ = writeln!(
            s,
            "<li><a href=\"#progress\">{} 年度の進捗</a></li>",
            latest.year
        );
    }
    for (id, label) in [
        ("plans", "計画の一覧"),
        ("departments", "担当課別の索引"),
        ("charts", "図"),
        ("structure", "体系図"),
        ("downloads", "データのダウンロード"),
    ] {
        let _ = writeln!(s, "<li><a href=\"#{id}\">{label}</a></li>");
    }
    s.push_str("</ul>\n</nav>\n</header>\n<main>\n");

    summary(&mut s, p);
    if let Some(latest) = &p.latest {
        progress(&mut s, p, latest);
    }
    plans(&mut s, p);
    departments(&mut s, p);
    charts(&mut s, p);
    structure(&mut s, p);
    downloads(&mut s);

    s.push_str("</main>\n<footer class=\"page\">\n");
    let _ = writeln!(
        s,
        "<p>このページは、「{title}」の体系（重点推進目標・取組事項・計画・担当課）のデータから作っています。</p>"
    );
    s.push_str("</footer>\n");
    let _ = write!(s, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    s
}

fn summary(s: &mut String, p: &Publication) {
    s.push_str("<section id=\"summary\" aria-labelledby=\"summary-h\">\n");
    s.push_str("<h2 id=\"summary-h\">重点推進目標と取組事項ごとの計画数</h2>\n");
    s.push_str("<table class=\"counts\">\n<caption class=\"vh\">重点推進目標と取組事項ごとの計画数</caption>\n");
    s.push_str("<thead><tr><th scope=\"col\">重点推進目標・取組事項</th><th scope=\"col\" class=\"num\">計画数</th></tr></thead>\n");
    for g in &p.goals {
        let _ = writeln!(
            s,
            "<tbody>\n<tr class=\"goal goal-{n}\"><th scope=\"row\">重点推進目標 {n}　{}</th><td class=\"num\">{}</td></tr>",
            esc(g.title),
            g.plans,
            n = g.number
        );
        for i in &g.items {
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\" class=\"item\">取組事項 {}-{}　{}</th><td class=\"num\">{}</td></tr>",
                g.number,
                i.number,
                esc(i.title),
                i.plans.len()
            );
        }
        s.push_str("</tbody>\n");
    }
    let _ = writeln!(
        s,
        "<tfoot><tr><th scope=\"row\">合計</th><td class=\"num\">{}</td></tr></tfoot>\n</table>\n</section>",
        p.stats.total
    );
}

/// The latest year's progress: how many plans reported, the scale, the counts per goal and
/// action area, and the year's chart.
fn progress(s: &mut String, p: &Publication, report: &crate::progress::YearReport) {
    let t = &report.total;
    let _ = writeln!(
        s,
        "<section id=\"progress\" aria-labelledby=\"progress-h\">\n<h2 id=\"progress-h\">{} 年度の進捗</h2>",
        report.year
    );
    let _ = writeln!(
        s,
        "<p>計画 {} 件のうち、報告済み {} 件、未報告 {} 件です。評価の段階は次のとおりです。</p>\n<ul class=\"scale\">",
        t.plans(),
        t.reported(),
        t.unreported
    );
    for level in &report.scale {
        let _ = writeln!(
            s,
            "<li><strong>{}</strong>　{}</li>",
            esc(&level.code),
            esc(&level.label)
        );
    }
    // A scale of up to 9 levels may not fit a phone: the table scrolls inside its own box.
    // Focusable, so that the box can be scrolled by keyboard too.
    let _ = writeln!(
        s,
        "</ul>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{} 年度の評価ごとの計画数の表\">\n<table class=\"counts progress\">",
        report.year
    );
    let _ = writeln!(
        s,
        "<caption>{} 年度の評価ごとの計画数（重点推進目標・取組事項ごと）</caption>",
        report.year
    );
    s.push_str("<thead><tr><th scope=\"col\">重点推進目標・取組事項</th>");
    for level in &report.scale {
        let _ = write!(
            s,
            "<th scope=\"col\" class=\"num\">{}</th>",
            esc(&level.code)
        );
    }
    s.push_str("<th scope=\"col\" class=\"num\">未報告</th><th scope=\"col\" class=\"num\">計</th></tr></thead>\n");
    let cells = |tally: &crate::progress::LevelCounts| -> String {
        let mut out: String = tally
            .levels
            .iter()
            .map(|n| format!("<td class=\"num\">{n}</td>"))
            .collect();
        let _ = write!(
            out,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
            tally.unreported,
            tally.plans()
        );
        out
    };
    for g in &report.goals {
        let _ = writeln!(
            s,
            "<tbody>\n<tr class=\"goal goal-{k}\"><th scope=\"row\">重点推進目標 {k}　{}</th>{}</tr>",
            esc(&g.title),
            cells(&g.tally),
            k = esc(&g.key)
        );
        for a in report.areas_of(g) {
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\" class=\"item\">取組事項 {}　{}</th>{}</tr>",
                esc(&a.key),
                esc(&a.title),
                cells(&a.tally)
            );
        }
        s.push_str("</tbody>\n");
    }
    let _ = writeln!(
        s,
        "<tfoot><tr><th scope=\"row\">合計</th>{}</tr></tfoot>",
        cells(t)
    );
    s.push_str("</table>\n</div>\n");
    if let Some(chart) = &p.progress_chart {
        figure(s, chart, "chart");
    }
    s.push_str("</section>\n");
}

fn figure(s: &mut String, chart: &publish::ChartEntry, class: &str) {
    let _ = writeln!(
        s,
        "<figure class=\"{class}\" id=\"chart-{name}\">\n<a href=\"{name}.svg\"><img src=\"{name}.svg\" alt=\"{}\" loading=\"lazy\"></a>\n<figcaption>{}<span class=\"screen-only\">（画像を選ぶと大きく表示します）</span></figcaption>\n</figure>",
        esc(&chart.alt),
        esc(&chart.title),
        name = esc(&chart.name)
    );
}

fn charts(s: &mut String, p: &Publication) {
    s.push_str(
        "<section id=\"charts\" aria-labelledby=\"charts-h\">\n<h2 id=\"charts-h\">図</h2>\n",
    );
    s.push_str("<p>各図の数値は、画像の代替テキストと、このページの表（計画数、担当課別の索引）にも載せています。</p>\n");
    for chart in p.charts.iter().filter(|c| !c.name.starts_with("structure")) {
        figure(s, chart, "chart");
    }
    s.push_str("</section>\n");
}

fn structure(s: &mut String, p: &Publication) {
    s.push_str("<section id=\"structure\" aria-labelledby=\"structure-h\">\n<h2 id=\"structure-h\">体系図</h2>\n");
    s.push_str("<p>重点推進目標 → 取組事項 → 計画の順に並べ、計画ごとに担当課を示します。重点推進目標ごとに 1 枚（A4 で印刷できる大きさ）です。図と同じ内容を、下に文字の一覧でも載せています。</p>\n");
    if let Some(whole) = p.charts.iter().find(|c| c.name == "structure") {
        let _ = writeln!(
            s,
            "<p class=\"screen-only\"><a href=\"{}.svg\">体系図の全体（1 枚の画像）を開く</a></p>",
            esc(&whole.name)
        );
    }
    for chart in p.charts.iter().filter(|c| c.name.starts_with("structure-")) {
        figure(s, chart, "chart structure-goal");
    }
    s.push_str("<h3 id=\"tree-h\">体系図（文字の一覧）</h3>\n<ol class=\"tree\">\n");
    for g in &p.goals {
        let _ = writeln!(
            s,
            "<li><span class=\"goal-name goal-{n}\">重点推進目標 {n}　{}</span>\n<ol>",
            esc(g.title),
            n = g.number
        );
        for i in &g.items {
            let _ = writeln!(
                s,
                "<li><span class=\"item-name\">取組事項 {}-{}　{}</span>",
                g.number,
                i.number,
                esc(i.title)
            );
            if i.plans.is_empty() {
                s.push_str("</li>\n");
                continue;
            }
            s.push_str("<ol>\n");
            for (id, plan) in &i.plans {
                let _ = write!(
                    s,
                    "<li><a href=\"#plan-{id}\">{id}</a> {}<span class=\"depts\">（{}）</span>",
                    esc(&plan.title),
                    departments_html(plan)
                );
                if !plan.subprojects.is_empty() {
                    s.push_str("\n<ul>\n");
                    for sp in &plan.subprojects {
                        let _ = writeln!(s, "<li>{}</li>", esc(&publish::subproject_text(sp)));
                    }
                    s.push_str("</ul>\n");
                }
                s.push_str("</li>\n");
            }
            s.push_str("</ol>\n</li>\n");
        }
        s.push_str("</ol>\n</li>\n");
    }
    s.push_str("</ol>\n</section>\n");
}

fn plans(s: &mut String, p: &Publication) {
    s.push_str(
        "<section id=\"plans\" aria-labelledby=\"plans-h\">\n<h2 id=\"plans-h\">計画の一覧</h2>\n",
    );
    s.push_str("<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"計画の絞り込み\" hidden>\n");
    s.push_str("<div class=\"field\"><label for=\"f-goal\">重点推進目標</label>\n<select id=\"f-goal\">\n<option value=\"\">すべて</option>\n");
    for g in &p.goals {
        let _ = writeln!(
            s,
            "<option value=\"{n}\">{n}　{}</option>",
            esc(g.title),
            n = g.number
        );
    }
    s.push_str("</select></div>\n");
    s.push_str("<div class=\"field\"><label for=\"f-dept\">担当課</label>\n<select id=\"f-dept\">\n<option value=\"\">すべて</option>\n");
    for d in &p.departments {
        let _ = writeln!(
            s,
            "<option value=\"{name}\">{name}</option>",
            name = esc(d.name)
        );
    }
    s.push_str("</select></div>\n");
    if let Some(latest) = &p.latest {
        let _ = writeln!(
            s,
            "<div class=\"field\"><label for=\"f-status\">{} 年度の評価</label>\n<select id=\"f-status\">\n<option value=\"\">すべて</option>",
            latest.year
        );
        for level in &latest.scale {
            let _ = writeln!(
                s,
                "<option value=\"{}\">{}　{}</option>",
                esc(&level.code),
                esc(&level.code),
                esc(&level.label)
            );
        }
        // Not reported: a space, which no code of a sound scale can be (codes have no edge
        // spaces; the rules are silent until the scale is sound).
        s.push_str("<option value=\" \">未報告</option>\n</select></div>\n");
    }
    s.push_str("<div class=\"field wide\"><label for=\"f-text\">言葉で探す</label>\n<input type=\"search\" id=\"f-text\" autocomplete=\"off\" aria-describedby=\"f-text-hint\">\n<span id=\"f-text-hint\" class=\"hint\">計画名、個別事業、担当課、計画番号から探します。例: PFI、デジタル、財政課、2-3-8。空白で区切ると、すべての言葉を含む計画を探します。全角・半角、大文字・小文字は区別しません。</span></div>\n");
    s.push_str("<div class=\"field\"><button type=\"reset\" id=\"f-reset\">条件を消す</button></div>\n</form>\n");
    let _ = writeln!(
        s,
        "<p id=\"count\" role=\"status\" aria-live=\"polite\">計画 {} 件をすべて表示しています。</p>",
        p.stats.total
    );
    s.push_str("<p class=\"legend\">担当課の「等」は、ほかの課も担当することを表します。個別事業の「担当:」は、その事業を担当する課です。</p>\n");
    s.push_str("<div class=\"table-wrap\">\n<table id=\"plan-table\" class=\"plans\">\n<caption>計画の一覧（重点推進目標・取組事項ごと）</caption>\n");
    let status_head = p
        .latest
        .as_ref()
        .map(|l| format!("<th scope=\"col\">{} 年度の評価</th>", l.year))
        .unwrap_or_default();
    let columns = if p.latest.is_some() { 5 } else { 4 };
    let _ = writeln!(
        s,
        "<thead><tr><th scope=\"col\" class=\"id\">計画番号</th><th scope=\"col\">計画名</th><th scope=\"col\">担当課</th><th scope=\"col\">個別事業</th>{status_head}</tr></thead>"
    );
    for g in &p.goals {
        for i in &g.items {
            let _ = writeln!(
                s,
                "<tbody data-goal=\"{}\">\n<tr class=\"area goal-{}\"><th scope=\"rowgroup\" colspan=\"{columns}\">重点推進目標 {} ／ 取組事項 {}-{}　{}</th></tr>",
                g.number,
                g.number,
                g.number,
                g.number,
                i.number,
                esc(i.title)
            );
            for (id, plan) in &i.plans {
                let departments = publish::departments_of(plan);
                // One line per department and per text searched (`&#10;` inside the attribute).
                let departments: Vec<String> = departments.iter().map(|d| esc(d)).collect();
                let mut text = vec![id.to_string(), esc(&plan.title)];
                text.extend(plan.subprojects.iter().map(|sp| esc(&sp.title)));
                text.extend(departments.iter().cloned());
                let subprojects = if plan.subprojects.is_empty() {
                    String::new()
                } else {
                    let items: String = plan
                        .subprojects
                        .iter()
                        .map(|sp| format!("<li>{}</li>", esc(&publish::subproject_text(sp))))
                        .collect();
                    format!("<ul>{items}</ul>")
                };
                // The latest year's status: its code (a space when not reported) for the filter,
                // the code and its label in the cell.
                let (status, status_cell) = match &p.latest {
                    None => (String::new(), String::new()),
                    Some(latest) => match latest.level_of(*id) {
                        Some(level) => (
                            format!(" data-status=\"{}\"", esc(&level.code)),
                            format!(
                                "<td class=\"status\">{}<span class=\"label\">{}</span></td>",
                                esc(&level.code),
                                esc(&level.label)
                            ),
                        ),
                        None => (
                            " data-status=\" \"".to_string(),
                            "<td class=\"status\">未報告</td>".to_string(),
                        ),
                    },
                };
                let _ = writeln!(
                    s,
                    "<tr class=\"plan\" id=\"plan-{id}\" data-goal=\"{}\" data-departments=\"{}\" data-text=\"{}\"{status}><th scope=\"row\" class=\"id\">{id}</th><td>{}</td><td>{}</td><td>{subprojects}</td>{status_cell}</tr>",
                    id.goal,
                    departments.join("&#10;"),
                    text.join("&#10;"),
                    esc(&plan.title),
                    departments_html(plan),
                );
            }
            s.push_str("</tbody>\n");
        }
    }
    s.push_str("</table>\n</div>\n</section>\n");
}

fn departments(s: &mut String, p: &Publication) {
    s.push_str("<section id=\"departments\" aria-labelledby=\"departments-h\">\n<h2 id=\"departments-h\">担当課別の索引</h2>\n");
    s.push_str("<p>担当課の登録簿の順です。<span class=\"screen-only\">計画番号を選ぶと、計画の一覧のその行へ移動します。</span></p>\n<div class=\"index\">\n");
    for d in &p.departments {
        let _ = writeln!(
            s,
            "<div class=\"dept\">\n<h3>{name}<span class=\"n\">（{} 件）</span></h3>",
            d.plans.len(),
            name = esc(d.name)
        );
        if d.plans.is_empty() {
            s.push_str("<p>担当する計画はありません。</p>\n</div>\n");
            continue;
        }
        s.push_str("<ul>\n");
        for (id, plan) in &d.plans {
            let _ = writeln!(
                s,
                "<li><a href=\"#plan-{id}\">{id}</a> {}</li>",
                esc(&plan.title)
            );
        }
        s.push_str("</ul>\n</div>\n");
    }
    s.push_str("</div>\n</section>\n");
}

fn downloads(s: &mut String) {
    s.push_str("<section id=\"downloads\" aria-labelledby=\"downloads-h\">\n<h2 id=\"downloads-h\">データのダウンロード</h2>\n<ul>\n");
    s.push_str("<li><a href=\"plans.csv\" download>plans.csv</a>: 1 行に計画 1 件の表です（UTF-8、Excel でそのまま開けます）。</li>\n");
    s.push_str("<li><a href=\"plans.json\" download>plans.json</a>: 体系、担当課、すべての計画をまとめた JSON です（ほかのシステム向け）。</li>\n");
    s.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>\u{7}"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; "
        );
    }
}
