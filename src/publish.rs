//! What the report (`charts/README.md`) and the public page (`site/index.html`) say, gathered
//! once from checked data: the totals, the plans grouped by goal and action area, the index by
//! department, and each chart with its title and a text alternative that gives its figures.
//!
//! These are documents of the city, in Japanese only, like the charts; the words are made here
//! and in the two renderers (`report`, `site`), never from the locale, so the files are the
//! same wherever they are built.

use rustc_hash::FxHashMap;

use crate::chart::Chart;
use crate::messages::{grouped, grouped_f64};
use crate::model::{CommentBy, FiscalEffect, Level, Model, Plan, PlanId, YearProgress};
use crate::progress::{self, YearReport};
use crate::stats::Stats;

/// One goal with its action areas and their plans, in outline order.
#[derive(Debug, Clone)]
pub struct GoalEntry<'a> {
    pub number: u64,
    pub title: &'a str,
    pub items: Vec<AreaEntry<'a>>,
    pub plans: usize,
}

/// One action area with its plans, in id order.
#[derive(Debug, Clone)]
pub struct AreaEntry<'a> {
    pub number: u64,
    pub title: &'a str,
    pub plans: Vec<(PlanId, &'a Plan)>,
}

/// One registered department with the plans it has a part in, in id order.
#[derive(Debug, Clone)]
pub struct DepartmentEntry<'a> {
    pub name: &'a str,
    pub plans: Vec<(PlanId, &'a Plan)>,
}

/// One chart: its file name without extension, its title, and a text alternative that says
/// what it shows with its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartEntry {
    pub name: String,
    pub title: String,
    pub alt: String,
}

/// Everything the report and the site show.
#[derive(Debug, Clone)]
pub struct Publication<'a> {
    pub title: &'a str,
    pub stats: Stats,
    /// How the plans stand against the document as adopted: said after their count when any
    /// plan was added or ended (「策定時の 16 件と、見直しで加わった 1 件。終了した 2 件を含みます」).
    pub amendments: Option<String>,
    /// The outline sets progress up (the committed report then says where progress is shown).
    pub progress_set_up: bool,
    /// The fiscal year shown (its counts and each plan's level), once progress is set up.
    pub latest: Option<YearReport>,
    pub goals: Vec<GoalEntry<'a>>,
    /// Every registered department, in register order.
    pub departments: Vec<DepartmentEntry<'a>>,
    /// The charts shown under 図 and 体系図, in the report's order.
    pub charts: Vec<ChartEntry>,
    /// The progress chart of the year shown, with its counts (not among `charts`).
    pub progress_chart: Option<ChartEntry>,
}

impl<'a> Publication<'a> {
    /// What is published of `model`, with the progress of fiscal year `year` (checked by
    /// [`progress::shown_year`]).
    pub fn new(model: &'a Model, year: Option<i64>) -> Publication<'a> {
        let stats = Stats::compute(model);
        let goals: Vec<GoalEntry> = model
            .outline
            .iter()
            .flat_map(|o| o.goals.iter())
            .map(|g| {
                let items: Vec<AreaEntry> = g
                    .items
                    .iter()
                    .map(|i| AreaEntry {
                        number: i.number,
                        title: &i.title,
                        plans: model
                            .plans_in(g.number, i.number)
                            .iter()
                            .map(|(id, p)| (*id, p))
                            .collect(),
                    })
                    .collect();
                GoalEntry {
                    number: g.number,
                    title: &g.title,
                    plans: items.iter().map(|i| i.plans.len()).sum(),
                    items,
                }
            })
            .collect();
        // Each department's plans, in one pass over the plans (in id order).
        let mut by_name: FxHashMap<&str, Vec<(PlanId, &Plan)>> = FxHashMap::default();
        for (id, plan) in &model.plans {
            for name in departments_of(plan) {
                by_name.entry(name).or_default().push((*id, plan));
            }
        }
        let departments = model
            .register
            .iter()
            .flat_map(|r| r.departments.iter())
            .map(|d| DepartmentEntry {
                name: &d.name,
                plans: by_name.get(d.name.as_str()).cloned().unwrap_or_default(),
            })
            .collect();
        let latest = model
            .outline
            .as_ref()
            .and_then(|o| o.setup())
            .zip(year)
            .map(|(setup, year)| progress::report(model, setup, year));
        let charts = charts(&stats);
        let progress_chart = latest.as_ref().map(progress_chart);
        let added = model
            .plans
            .iter()
            .filter(|(_, p)| p.added_in.is_some())
            .count();
        let ended = model
            .plans
            .iter()
            .filter(|(_, p)| p.ended.is_some())
            .count();
        let amendments = (added + ended > 0).then(|| {
            let mut words = format!("策定時の {} 件", model.plans.len() - added);
            if added > 0 {
                words.push_str(&format!("と、見直しで加わった {added} 件"));
            }
            if ended > 0 {
                words.push_str(&format!("。終了した {ended} 件を含みます"));
            }
            words
        });
        Publication {
            title: model.outline.as_ref().map_or("", |o| o.title.as_str()),
            amendments,
            progress_set_up: model.outline.as_ref().and_then(|o| o.setup()).is_some(),
            stats,
            latest,
            goals,
            departments,
            charts,
            progress_chart,
        }
    }

    /// Keeps only the charts named in `drawn` (a chart too large for a document is not drawn,
    /// so neither the report nor the page shows it).
    pub fn keep_charts(&mut self, drawn: &[String]) {
        self.charts.retain(|c| drawn.contains(&c.name));
        if self
            .progress_chart
            .as_ref()
            .is_some_and(|c| !drawn.contains(&c.name))
        {
            self.progress_chart = None;
        }
    }

    /// The number of registered departments that have a part in some plan.
    pub fn departments_in_charge(&self) -> usize {
        self.departments
            .iter()
            .filter(|d| !d.plans.is_empty())
            .count()
    }

    /// The number of action areas in the outline.
    pub fn items(&self) -> usize {
        self.goals.iter().map(|g| g.items.len()).sum()
    }
}

/// Every year with progress side by side: each year's report (the years of
/// [`progress::progress_years`], in order), for the plan × year table and each goal's
/// statuses year by year.
#[derive(Debug, Clone)]
pub struct History<'a> {
    pub reports: Vec<YearReport>,
    pub plans: Vec<(PlanId, &'a Plan)>,
}

impl<'a> History<'a> {
    /// The years with progress of `model`; `None` when the outline sets no progress up.
    pub fn new(model: &'a Model) -> Option<History<'a>> {
        let setup = model.outline.as_ref().and_then(|o| o.setup())?;
        Some(History {
            reports: progress::progress_years(model)
                .into_iter()
                .map(|year| progress::report(model, setup, year))
                .collect(),
            plans: model.plans.iter().map(|(id, p)| (*id, p)).collect(),
        })
    }

    /// Each goal (its key and title) with its row in each year's report, in outline order.
    pub fn goals(&self) -> Vec<GoalYears<'_>> {
        let Some(first) = self.reports.first() else {
            return Vec::new();
        };
        first
            .goals
            .iter()
            .enumerate()
            .map(|(at, g)| {
                let years = self
                    .reports
                    .iter()
                    .filter_map(|r| r.goals.get(at).map(|row| (r.year, row)))
                    .collect();
                (g.key.as_str(), g.title.as_str(), years)
            })
            .collect()
    }
}

/// A goal's key and title, and its row in each year's report.
pub type GoalYears<'h> = (&'h str, &'h str, Vec<(i64, &'h progress::Row)>);

/// A plan's own page (個票): the plan and, for each year with progress that it is a plan of,
/// what it reported.
#[derive(Debug, Clone)]
pub struct PlanSheet<'a> {
    pub id: PlanId,
    pub plan: &'a Plan,
    pub goal_title: &'a str,
    pub area_title: &'a str,
    pub life: Option<String>,
    pub years: Vec<SheetYear<'a>>,
}

/// One year of a plan's page.
#[derive(Debug, Clone)]
pub struct SheetYear<'a> {
    pub year: i64,
    /// 「令和8年度」.
    pub era: String,
    /// The year's entry, when the plan reported it.
    pub entry: Option<&'a YearProgress>,
    /// The level of the scale its status names.
    pub level: Option<&'a Level>,
    /// The year being reported (`reporting_year`): a plan without an entry has not reported
    /// yet, rather than not at all.
    pub open: bool,
}

/// The page of each plan, in id order, for the years with progress (none when the outline
/// sets no progress up).
pub fn plan_sheets(model: &Model) -> Vec<PlanSheet<'_>> {
    let Some(setup) = model.outline.as_ref().and_then(|o| o.setup()) else {
        return Vec::new();
    };
    let years = progress::progress_years(model);
    let titles: FxHashMap<(u64, u64), (&str, &str)> = model
        .outline
        .iter()
        .flat_map(|o| o.goals.iter())
        .flat_map(|g| {
            g.items
                .iter()
                .map(move |i| ((g.number, i.number), (g.title.as_str(), i.title.as_str())))
        })
        .collect();
    model
        .plans
        .iter()
        .map(|(id, plan)| {
            let (goal_title, area_title) = titles
                .get(&(u64::from(id.goal), u64::from(id.area)))
                .copied()
                .unwrap_or_default();
            PlanSheet {
                id: *id,
                plan,
                goal_title,
                area_title,
                life: life_text(plan),
                years: years
                    .iter()
                    .filter(|y| plan.active_in(**y))
                    .map(|&year| {
                        let entry = plan.progress.iter().find(|e| e.year() == Some(year));
                        SheetYear {
                            year,
                            era: crate::messages::ja::reiwa(year).unwrap_or_default(),
                            entry,
                            level: entry
                                .and_then(|e| e.status.as_deref())
                                .and_then(|s| setup.scale.iter().find(|l| l.code == s)),
                            open: year == setup.reporting_year,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A text's paragraphs (`\n` between them), as the page and the report show them.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').filter(|p| !p.is_empty())
}

/// The start of a text, for a table: its first paragraph up to `chars` characters, with 「…」
/// where it goes on.
pub fn excerpt(text: &str, chars: usize) -> String {
    let first = text.split('\n').next().unwrap_or_default();
    let mut out: String = first.chars().take(chars).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// A figure as people read it (`12,000`), or 「－」 where none is written.
pub fn figure(x: &Option<f64>) -> String {
    x.map_or_else(|| "－".to_string(), grouped_f64)
}

/// A fiscal effect as people read it: 「12,000千円」.
pub fn fiscal_text(f: &FiscalEffect) -> String {
    format!("{}{}", grouped(&f.amount), f.unit)
}

/// Whose a comment is: the section that owns the plan (its name, when the outline gives it)
/// or the reform committee.
pub fn comment_by(by: &CommentBy, owner: &Option<&str>) -> String {
    match (by, owner) {
        (CommentBy::Committee, _) => "推進委員会".into(),
        (CommentBy::Section, Some(owner)) => (*owner).into(),
        (CommentBy::Section, None) => "計画を所管する課".into(),
    }
}

/// The departments that have a part in `plan`: its own, then those named only for one of its
/// sub-projects (the index by department and the page's filter both use this).
pub fn departments_of(plan: &Plan) -> Vec<&str> {
    let mut departments: Vec<&str> = plan.departments.iter().map(String::as_str).collect();
    for d in plan
        .subprojects
        .iter()
        .flat_map(|s| s.departments.iter().flatten())
    {
        if !departments.contains(&d.as_str()) {
            departments.push(d);
        }
    }
    departments
}

/// A plan's departments as the document writes them: joined with 「、」, with 「等」 where the
/// data says others share it.
pub fn departments_text(plan: &Plan) -> String {
    with_and_others(plan.departments.join("、"), plan)
}

/// `names` followed by 「等」 where the data says others share the plan.
pub fn with_and_others(mut names: String, plan: &Plan) -> String {
    if plan.and_others {
        names.push_str(" 等");
    }
    names
}

/// A sub-project as the report and the page show it: its title, with its departments after
/// What the report and the page say after the title of a plan added by an amendment or ended:
/// 「2027 年度に追加」, 「2028 年度に完了」, 「2028 年度に 2-2-3 へ統合」 (both, for a plan added
/// and later ended).
pub fn life_text(plan: &Plan) -> Option<String> {
    use crate::model::EndReason;
    let added = plan.added_in.map(|year| format!("{year} 年度に追加"));
    let ended = plan
        .ended
        .as_ref()
        .map(|e| match (e.reason, e.into.as_deref()) {
            (EndReason::Completed, _) => format!("{} 年度に完了", e.year),
            (EndReason::Abolished, _) => format!("{} 年度に廃止", e.year),
            (EndReason::Merged, Some(into)) => format!("{} 年度に {into} へ統合", e.year),
            (EndReason::Merged, None) => format!("{} 年度に統合", e.year),
        });
    let parts: Vec<String> = added.into_iter().chain(ended).collect();
    (!parts.is_empty()).then(|| parts.join("、"))
}

/// 「担当:」 where the document pairs them (titles hold brackets of their own).
pub fn subproject_text(subproject: &crate::model::Subproject) -> String {
    match &subproject.departments {
        Some(d) if !d.is_empty() => format!("{}（担当: {}）", subproject.title, d.join("、")),
        _ => subproject.title.clone(),
    }
}

/// The progress chart of the year shown, with its figures in words.
fn progress_chart(report: &YearReport) -> ChartEntry {
    let groups = report
        .goals
        .iter()
        .map(|g| {
            let levels: Vec<String> = report
                .scale
                .iter()
                .zip(&g.tally.levels)
                .map(|(l, n)| format!("{} {n} 件", l.code))
                .collect();
            format!(
                "重点推進目標 {} は {}、未報告 {} 件",
                g.key,
                levels.join("、"),
                g.tally.unreported
            )
        })
        .collect::<Vec<_>>()
        .join("。");
    ChartEntry {
        name: Chart::Progress { year: report.year }.name(),
        title: format!("{} 年度の進捗", report.year),
        alt: format!(
            "{} 年度の進捗を、重点推進目標と取組事項ごとに評価の段階で分けた横棒グラフです。未報告の計画は灰色です。{groups}。",
            report.year
        ),
    }
}

/// The charts `plans build` draws, in the order the report shows them, each with a text
/// alternative built from the same figures.
fn charts(stats: &Stats) -> Vec<ChartEntry> {
    let mut charts = Vec::new();
    let goals = stats
        .goals
        .iter()
        .map(|g| {
            let items = g
                .items
                .iter()
                .map(|(n, title, plans)| format!("{}-{n} {title} {plans} 件", g.number))
                .collect::<Vec<_>>()
                .join("、");
            format!("重点推進目標 {} は {} 件（{items}）", g.number, g.plans)
        })
        .collect::<Vec<_>>()
        .join("。");
    charts.push(ChartEntry {
        name: Chart::ByGoal.name(),
        title: "重点推進目標別の計画数".into(),
        alt: format!(
            "重点推進目標ごとの計画数を、取組事項ごとに積み上げた棒グラフです。全 {} 件のうち、{goals}。",
            stats.total
        ),
    });
    let departments = stats
        .departments
        .iter()
        .filter(|d| d.plans > 0)
        .map(|d| {
            let parts: Vec<String> = stats
                .goals
                .iter()
                .zip(&d.per_goal)
                .filter(|(_, n)| **n > 0)
                .map(|(g, n)| format!("重点推進目標 {} が {n} 件", g.number))
                .collect();
            if parts.len() > 1 {
                format!("{} {} 件（{}）", d.name, d.plans, parts.join("、"))
            } else {
                format!("{} {} 件", d.name, d.plans)
            }
        })
        .collect::<Vec<_>>()
        .join("、");
    charts.push(ChartEntry {
        name: Chart::ByDepartment.name(),
        title: "担当課別の計画数".into(),
        alt: format!(
            "担当課ごとの計画数を、重点推進目標ごとに色分けした横棒グラフです。複数の課が担当する計画は、それぞれの課で 1 件と数えます。多い順に、{departments}。"
        ),
    });
    for (index, g) in stats.goals.iter().enumerate() {
        let departments = stats
            .departments_of_goal(index)
            .iter()
            .map(|(name, n)| format!("{name} {n} 件"))
            .collect::<Vec<_>>()
            .join("、");
        charts.push(ChartEntry {
            name: Chart::Goal {
                index,
                number: g.number,
            }
            .name(),
            title: format!("重点推進目標 {} の担当課別の計画数", g.number),
            alt: format!(
                "重点推進目標 {}「{}」（{} 件）の計画数を担当課ごとに示した横棒グラフです。多い順に、{departments}。",
                g.number, g.title, g.plans
            ),
        });
    }
    charts.push(ChartEntry {
        name: Chart::Structure.name(),
        title: "体系図".into(),
        alt: format!(
            "重点推進目標 → 取組事項 → 計画の体系図です。重点推進目標 {} 件、取組事項 {} 件、計画 {} 件を、担当課と個別事業とともに示します。同じ内容を「計画の一覧」の表に載せています。",
            stats.goals.len(),
            stats.goals.iter().map(|g| g.items.len()).sum::<usize>(),
            stats.total
        ),
    });
    for g in &stats.goals {
        charts.push(ChartEntry {
            name: Chart::StructureOf { number: g.number }.name(),
            title: format!("体系図（重点推進目標 {}、印刷用）", g.number),
            alt: format!(
                "重点推進目標 {}「{}」の体系図です。取組事項 {} 件と計画 {} 件を、担当課と個別事業とともに A4 の 1 ページに収まるように示します。同じ内容を「計画の一覧」の表に載せています。",
                g.number,
                g.title,
                g.items.len(),
                g.plans
            ),
        });
    }
    charts
}
