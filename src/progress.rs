//! Yearly progress, counted from checked data, in one place: the years with entries, a plan's
//! level in a year, and one year's plans at each level of the scale and not reported, per
//! goal, per action area and per department, with the unreported plans grouped by department
//! (the list reminders are sent from). `plans progress`, the progress chart, the report and
//! the page show these; the rules on progress are in `src/rules/progress_*.rs`.

use crate::messages::RunError;
use crate::model::{Level, Model, Plan, PlanId, ProgressSetup};

/// A group of plans (a goal, an action area, a department) and its tally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `1` for a goal, `1-3` for an action area, the name for a department.
    pub key: String,
    pub title: String,
    pub tally: LevelCounts,
    /// For a department in a year before a reorganisation (`since`): the names in force that
    /// year (one for a rename, those merged for a merge), to be said with the name of now.
    pub formerly: Vec<String>,
}

/// The unreported plans one department reports: those it is the first department of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub department: String,
    /// The names in force that year, as for [`Row::formerly`].
    pub formerly: Vec<String>,
    pub plans: Vec<(PlanId, String)>,
}

/// One fiscal year's progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearReport {
    pub year: i64,
    pub scale: Vec<Level>,
    pub total: LevelCounts,
    pub goals: Vec<Row>,
    pub areas: Vec<Row>,
    /// Every registered department that has a part in a plan, in register order.
    pub departments: Vec<Row>,
    /// Departments with unreported plans, in register order.
    pub missing: Vec<Missing>,
    /// Each active plan's level (an index into the scale), `None` when not reported; in id
    /// order. A plan not active in the year (added later, or ended before) is not here.
    pub levels: Vec<(PlanId, Option<usize>)>,
}

/// Where a plan stands in a year's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing<'r> {
    Reported(&'r Level),
    Unreported,
    /// Not a plan of that year: added later, or ended before it.
    NotActive,
}

impl YearReport {
    /// Where plan `id` stands in the year.
    pub fn standing(&self, id: PlanId) -> Standing<'_> {
        match self.levels.binary_search_by_key(&id, |(p, _)| *p) {
            Err(_) => Standing::NotActive,
            Ok(at) => match self.levels[at].1.and_then(|l| self.scale.get(l)) {
                Some(level) => Standing::Reported(level),
                None => Standing::Unreported,
            },
        }
    }

    /// The action areas of a goal (a row of `goals`), in outline order.
    pub fn areas_of<'r>(&'r self, goal: &'r Row) -> impl Iterator<Item = &'r Row> {
        self.areas
            .iter()
            .filter(move |a| a.key.split_once('-').map(|(g, _)| g) == Some(goal.key.as_str()))
    }
}

/// The years of the period that have any entry, in order (the charts' own list).
pub use progress_years as years;

/// The progress of `year`: the charts' figures per goal and action area, and per department
/// and each plan's level in one more pass over the plans.
pub fn report(model: &Model, setup: &ProgressSetup, year: i64) -> YearReport {
    use rustc_hash::FxHashMap as HashMap;
    let levels = setup.scale.len();
    // Goals and action areas: the charts' figures (one pass over the plans), as rows.
    let stats = ProgressStats::compute(model, year);
    let mut goals = Vec::new();
    let mut areas = Vec::new();
    for g in stats.iter().flat_map(|s| s.goals.iter()) {
        goals.push(Row {
            key: g.number.to_string(),
            title: g.title.clone(),
            tally: g.counts.clone(),
            formerly: Vec::new(),
        });
        areas.extend(g.areas.iter().map(|a| Row {
            key: format!("{}-{}", g.number, a.number),
            title: a.title.clone(),
            tally: a.counts.clone(),
            formerly: Vec::new(),
        }));
    }
    let total = stats.map_or_else(|| LevelCounts::new(levels), |s| s.total);
    // Departments in register order, found by name.
    let register: Vec<&str> = model
        .register
        .iter()
        .flat_map(|r| r.departments.iter())
        .map(|d| d.name.as_str())
        .collect();
    let department_at: HashMap<&str, usize> =
        register.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let mut tallies = vec![LevelCounts::new(levels); register.len()];
    let mut unreported: Vec<Vec<(PlanId, String)>> = vec![Vec::new(); register.len()];
    let mut levels = Vec::with_capacity(model.plans.len());
    for (id, plan) in &model.plans {
        // A plan reports only the years it is active (added, not yet ended).
        if !plan.active_in(year) {
            continue;
        }
        let level = level_of(plan, year, setup);
        levels.push((*id, level));
        for (k, name) in plan.departments.iter().enumerate() {
            if let Some(&d) = department_at.get(name.as_str()) {
                tallies[d].add(level);
                // The plan's first department (the lead, as the document lists it) reports it,
                // gathering what the others and the sub-projects' departments did: it alone
                // is reminded.
                if level.is_none() && k == 0 {
                    unreported[d].push((*id, plan.title.clone()));
                }
            }
        }
    }
    // The names in force in `year` of the departments renamed or merged after it.
    let formerly: Vec<Vec<String>> = model
        .register
        .iter()
        .flat_map(|r| r.departments.iter())
        .map(|d| match d.since {
            Some(since) if year < since => d.formerly.clone(),
            _ => Vec::new(),
        })
        .collect();
    let mut departments = Vec::new();
    let mut missing = Vec::new();
    for (((name, tally), plans), formerly) in
        register.iter().zip(tallies).zip(unreported).zip(formerly)
    {
        if tally.plans() == 0 {
            continue;
        }
        if !plans.is_empty() {
            missing.push(Missing {
                department: name.to_string(),
                formerly: formerly.clone(),
                plans,
            });
        }
        departments.push(Row {
            key: name.to_string(),
            title: name.to_string(),
            tally,
            formerly,
        });
    }
    YearReport {
        year,
        scale: setup.scale.clone(),
        total,
        goals,
        areas,
        departments,
        missing,
        levels,
    }
}

/// How many plans of a group are at each level of the evaluation scale in one fiscal year,
/// and how many are not reported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LevelCounts {
    /// Plans at each level, in scale order (best first).
    pub levels: Vec<usize>,
    /// Plans with no entry for the year, or one whose status is not a code of the scale.
    pub unreported: usize,
}

impl LevelCounts {
    pub(crate) fn new(levels: usize) -> LevelCounts {
        LevelCounts {
            levels: vec![0; levels],
            unreported: 0,
        }
    }

    /// The plans reported at some level.
    pub fn reported(&self) -> usize {
        self.levels.iter().sum()
    }

    /// Every plan of the group.
    pub fn plans(&self) -> usize {
        self.reported() + self.unreported
    }

    pub(crate) fn add(&mut self, level: Option<usize>) {
        match level.and_then(|l| self.levels.get_mut(l)) {
            Some(n) => *n += 1,
            None => self.unreported += 1,
        }
    }
}

/// One action area's plans by level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaProgress {
    pub number: u64,
    pub title: String,
    pub counts: LevelCounts,
}

/// One goal's plans by level, and each of its action areas' (outline order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalProgress {
    pub number: u64,
    pub title: String,
    pub counts: LevelCounts,
    pub areas: Vec<AreaProgress>,
}

/// The progress of one fiscal year: per goal and per action area, the plans at each level of
/// the outline's scale and the plans not reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressStats {
    pub year: i64,
    /// The scale, best first.
    pub scale: Vec<Level>,
    pub goals: Vec<GoalProgress>,
    /// Every plan of an action area of the outline.
    pub total: LevelCounts,
}

impl ProgressStats {
    /// The progress of fiscal year `year`; `None` when the outline sets no progress up. Plans
    /// are counted in one pass, so this stays linear in the number of plans.
    pub fn compute(model: &Model, year: i64) -> Option<ProgressStats> {
        let outline = model.outline.as_ref()?;
        let setup = outline.setup()?;
        let levels = setup.scale.len();
        let mut goals: Vec<GoalProgress> = outline
            .goals
            .iter()
            .map(|g| GoalProgress {
                number: g.number,
                title: g.title.clone(),
                counts: LevelCounts::new(levels),
                areas: g
                    .items
                    .iter()
                    .map(|i| AreaProgress {
                        number: i.number,
                        title: i.title.clone(),
                        counts: LevelCounts::new(levels),
                    })
                    .collect(),
            })
            .collect();
        // (goal, area) → (goal index, area index); the first of a repeated number wins.
        let mut places: rustc_hash::FxHashMap<(u64, u64), (usize, usize)> = Default::default();
        for (gi, g) in goals.iter().enumerate() {
            for (ai, a) in g.areas.iter().enumerate() {
                places.entry((g.number, a.number)).or_insert((gi, ai));
            }
        }
        let mut total = LevelCounts::new(levels);
        for (id, plan) in &model.plans {
            let Some(&(gi, ai)) = places.get(&(u64::from(id.goal), u64::from(id.area))) else {
                continue;
            };
            if !plan.active_in(year) {
                continue;
            }
            let level = level_of(plan, year, setup);
            goals[gi].areas[ai].counts.add(level);
            goals[gi].counts.add(level);
            total.add(level);
        }
        Some(ProgressStats {
            year,
            scale: setup.scale.clone(),
            goals,
            total,
        })
    }
}

/// The level (index in the scale, best first) `plan` reported for fiscal year `year`; `None`
/// when it has no entry for the year or its status is not a code of the scale.
pub fn level_of(plan: &Plan, year: i64, setup: &ProgressSetup) -> Option<usize> {
    let status = plan
        .progress
        .iter()
        .find(|p| p.year() == Some(year))?
        .status
        .as_deref()?;
    setup.scale.iter().position(|l| l.code == status)
}

/// The fiscal years that have progress to show, in order: the year being reported, and each
/// year of the period before it that any plan has an entry for; none when the outline sets no
/// progress up.
pub fn progress_years(model: &Model) -> Vec<i64> {
    let Some(setup) = model.outline.as_ref().and_then(|o| o.setup()) else {
        return Vec::new();
    };
    let open = setup.reporting_year;
    let mut years: std::collections::BTreeSet<i64> = model
        .plans
        .iter()
        .flat_map(|(_, p)| p.progress.iter().filter_map(|e| e.year()))
        .filter(|y| setup.period.holds(*y) && *y <= open)
        .collect();
    if setup.period.holds(open) {
        years.insert(open);
    }
    years.into_iter().collect()
}

/// The fiscal year to show: the one asked for, or else the year being reported. A year
/// outside the period, or after the year being reported, is refused.
pub fn chosen_year(setup: &ProgressSetup, asked: Option<i64>) -> Result<i64, RunError> {
    let period = setup.period;
    let open = setup.reporting_year;
    match asked {
        Some(year) if !period.holds(year) => Err(RunError::ProgressYear {
            option: "--year",
            year,
            from: period.from,
            to: period.to,
        }),
        Some(year) if year > open => Err(RunError::YearNotOpen { year, open }),
        Some(year) => Ok(year),
        None => Ok(open),
    }
}

/// The fiscal year a command that shows progress among other things (`build`, `report`,
/// `site`) shows: `None` when no progress is set up and none is asked for.
pub fn shown_year(model: &Model, asked: Option<i64>) -> Result<Option<i64>, RunError> {
    match (model.outline.as_ref().and_then(|o| o.setup()), asked) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(RunError::ProgressOff {
            owner: model.outline.as_ref().and_then(|o| o.owner.clone()),
        }),
        (Some(setup), asked) => chosen_year(setup, asked).map(Some),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Outline, PlanId};
    use serde_json::json;

    /// A fictional outline of two goals (areas 1-1, 1-2 and 2-1, 2-2) with a three-level scale
    /// for 2026–2029, and the plans `(id, progress)`.
    pub(crate) fn entry(status: &str) -> serde_json::Value {
        json!({"status": status, "summary": "架空の結果です。"})
    }

    pub(crate) fn counts(levels: &[usize], unreported: usize) -> LevelCounts {
        LevelCounts {
            levels: levels.to_vec(),
            unreported,
        }
    }

    pub(crate) fn sample() -> Model {
        model(
            true,
            &[
                ("1-1-1", json!({"2026": entry("A"), "2027": entry("B")})),
                ("1-1-2", json!({"2026": entry("C")})),
                ("1-2-1", json!({"2027": entry("A")})),
                // A status that is not a code counts as not reported.
                ("2-1-1", json!({"2026": entry("Z"), "2027": entry("C")})),
                // Outside the period: not a year of the charts.
                ("2-1-2", json!({"2031": entry("A")})),
            ],
        )
    }

    pub(crate) fn model(progress: bool, plans: &[(&str, serde_json::Value)]) -> Model {
        let mut outline = json!({
            "title": "架空計画", "expected_total": 5,
            "goals": [
                {"number": 1, "title": "架空目標一", "expected_plans": 3,
                 "items": [{"number": 1, "title": "架空取組一"}, {"number": 2, "title": "架空取組二"}]},
                {"number": 2, "title": "架空目標二", "expected_plans": 2,
                 "items": [{"number": 1, "title": "架空取組三"}, {"number": 2, "title": "架空取組四"}]}
            ]
        });
        if progress {
            outline["progress"] = json!({
                "period": {"from": 2026, "to": 2029},
                "reporting_year": 2027,
                "scale": [{"code": "A", "label": "架空その一"}, {"code": "B", "label": "架空その二"},
                          {"code": "C", "label": "架空その三"}]
            });
        }
        let outline: Outline = serde_json::from_value(outline).unwrap();
        let plans = plans
            .iter()
            .map(|(id, progress)| {
                let plan = json!({"id": id, "title": "架空", "departments": ["架空課"],
                                  "progress": progress});
                (PlanId::parse(id).unwrap(), Plan::lenient(plan).unwrap())
            })
            .collect();
        Model {
            outline: Some(outline),
            register: None,
            plans,
        }
    }

    #[test]
    fn counts_each_level_per_goal_and_area_in_outline_order() {
        let s = ProgressStats::compute(&sample(), 2026).unwrap();
        assert_eq!(s.year, 2026);
        assert_eq!(
            s.scale.iter().map(|l| l.code.as_str()).collect::<Vec<_>>(),
            ["A", "B", "C"]
        );
        assert_eq!(s.goals.len(), 2);
        assert_eq!(s.goals[0].counts, counts(&[1, 0, 1], 1));
        assert_eq!(s.goals[0].areas[0].counts, counts(&[1, 0, 1], 0));
        assert_eq!(s.goals[0].areas[1].counts, counts(&[0, 0, 0], 1));
        assert_eq!(s.goals[1].counts, counts(&[0, 0, 0], 2));
        assert_eq!(s.goals[1].areas[0].counts, counts(&[0, 0, 0], 2));
        // An area with no plans.
        assert_eq!(s.goals[1].areas[1].counts, counts(&[0, 0, 0], 0));
        assert_eq!(s.goals[1].areas[1].counts.plans(), 0);
        assert_eq!(s.total, counts(&[1, 0, 1], 3));
        assert_eq!((s.total.reported(), s.total.plans()), (2, 5));

        let s = ProgressStats::compute(&sample(), 2027).unwrap();
        assert_eq!(s.goals[0].counts, counts(&[1, 1, 0], 1));
        assert_eq!(s.goals[1].counts, counts(&[0, 0, 1], 1));
        assert_eq!(s.total, counts(&[1, 1, 1], 2));
    }

    #[test]
    fn a_year_without_entries_has_every_plan_unreported() {
        let s = ProgressStats::compute(&sample(), 2029).unwrap();
        assert_eq!(s.total, counts(&[0, 0, 0], 5));
        assert!(s.goals.iter().all(|g| g.counts.reported() == 0));
    }

    #[test]
    fn lists_the_years_with_entries_up_to_the_year_being_reported() {
        assert_eq!(progress_years(&sample()), vec![2026, 2027]);
        // The year being reported, even before any plan has reported it.
        assert_eq!(progress_years(&model(true, &[])), vec![2027]);
        let m = model(true, &[("1-1-1", json!({"2026": entry("A")}))]);
        assert_eq!(progress_years(&m), vec![2026, 2027]);
    }

    #[test]
    fn the_year_shown_is_the_year_being_reported_unless_another_is_asked_for() {
        let m = sample();
        let setup = m.outline.as_ref().and_then(|o| o.setup()).unwrap();
        assert_eq!(chosen_year(setup, None), Ok(2027));
        assert_eq!(chosen_year(setup, Some(2026)), Ok(2026));
        assert_eq!(
            chosen_year(setup, Some(2028)),
            Err(RunError::YearNotOpen {
                year: 2028,
                open: 2027
            })
        );
        assert_eq!(
            chosen_year(setup, Some(2030)),
            Err(RunError::ProgressYear {
                option: "--year",
                year: 2030,
                from: 2026,
                to: 2029
            })
        );
        assert_eq!(shown_year(&m, None), Ok(Some(2027)));
        let off = model(false, &[]);
        assert_eq!(shown_year(&off, None), Ok(None));
        assert_eq!(
            shown_year(&off, Some(2026)),
            Err(RunError::ProgressOff { owner: None })
        );
    }

    #[test]
    fn nothing_without_a_progress_set_up() {
        let m = model(false, &[("1-1-1", json!({"2026": entry("A")}))]);
        assert_eq!(ProgressStats::compute(&m, 2026), None);
        assert_eq!(progress_years(&m), Vec::<i64>::new());
        assert_eq!(progress_years(&Model::default()), Vec::<i64>::new());
    }
}
