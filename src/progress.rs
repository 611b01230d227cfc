//! One fiscal year's progress, counted from checked data: the plans at each level of the
//! scale and the plans not reported, per goal, per action area and per department, and the
//! unreported plans grouped by department (the list reminders are sent from).

use crate::model::{Level, Model, PlanId, ProgressSetup};
use crate::stats::{LevelCounts, ProgressStats};

/// A group of plans (a goal, an action area, a department) and its tally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `1` for a goal, `1-3` for an action area, the name for a department.
    pub key: String,
    pub title: String,
    pub tally: LevelCounts,
}

/// The unreported plans of one department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub department: String,
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
    /// Each plan's level (an index into the scale), `None` when not reported; in id order.
    pub levels: Vec<(PlanId, Option<usize>)>,
}

impl YearReport {
    /// The level a plan reached, when it reported the year.
    pub fn level_of(&self, id: PlanId) -> Option<&Level> {
        let at = self.levels.binary_search_by_key(&id, |(p, _)| *p).ok()?;
        self.scale.get(self.levels[at].1?)
    }

    /// The action areas of a goal (a row of `goals`), in outline order.
    pub fn areas_of<'r>(&'r self, goal: &'r Row) -> impl Iterator<Item = &'r Row> {
        self.areas
            .iter()
            .filter(move |a| a.key.split_once('-').map(|(g, _)| g) == Some(goal.key.as_str()))
    }
}

/// The years of the period that have any entry, in order (the charts' own list).
pub use crate::stats::progress_years as years;

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
        });
        areas.extend(g.areas.iter().map(|a| Row {
            key: format!("{}-{}", g.number, a.number),
            title: a.title.clone(),
            tally: a.counts.clone(),
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
        let level = crate::stats::level_of(plan, year, setup);
        levels.push((*id, level));
        for name in &plan.departments {
            if let Some(&d) = department_at.get(name.as_str()) {
                tallies[d].add(level);
                if level.is_none() {
                    unreported[d].push((*id, plan.title.clone()));
                }
            }
        }
    }
    let mut departments = Vec::new();
    let mut missing = Vec::new();
    for ((name, tally), plans) in register.iter().zip(tallies).zip(unreported) {
        if tally.plans() == 0 {
            continue;
        }
        if !plans.is_empty() {
            missing.push(Missing {
                department: name.to_string(),
                plans,
            });
        }
        departments.push(Row {
            key: name.to_string(),
            title: name.to_string(),
            tally,
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
