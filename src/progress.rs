//! One fiscal year's progress, counted from checked data: the plans at each level of the
//! scale and the plans not reported, per goal, per action area and per department, and the
//! unreported plans grouped by department (the list reminders are sent from).

use crate::model::{Level, Model, Plan, PlanId, ProgressSetup};

/// Plans at each level of the scale (in scale order) and plans not reported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub levels: Vec<usize>,
    pub unreported: usize,
}

impl Tally {
    fn new(levels: usize) -> Tally {
        Tally {
            levels: vec![0; levels],
            unreported: 0,
        }
    }

    fn add(&mut self, level: Option<usize>) {
        match level {
            Some(i) => self.levels[i] += 1,
            None => self.unreported += 1,
        }
    }

    /// Every plan counted.
    pub fn plans(&self) -> usize {
        self.levels.iter().sum::<usize>() + self.unreported
    }

    pub fn reported(&self) -> usize {
        self.levels.iter().sum()
    }
}

/// A group of plans (a goal, an action area, a department) and its tally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `1` for a goal, `1-3` for an action area, the name for a department.
    pub key: String,
    pub title: String,
    pub tally: Tally,
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
    pub total: Tally,
    pub goals: Vec<Row>,
    pub areas: Vec<Row>,
    /// Every registered department that has a part in a plan, in register order.
    pub departments: Vec<Row>,
    /// Departments with unreported plans, in register order.
    pub missing: Vec<Missing>,
}

/// The years of the period that have any entry, in order (the charts' own list).
pub use crate::stats::progress_years as years;

/// The level of the scale a plan reached in `year`, or `None` when it did not report it (a
/// status that is not a code counts as not reported, as in the charts).
pub fn level(setup: &ProgressSetup, plan: &Plan, year: i64) -> Option<usize> {
    crate::stats::level_of(plan, year, setup)
}

/// The progress of `year`.
pub fn report(model: &Model, setup: &ProgressSetup, year: i64) -> YearReport {
    let levels = setup.scale.len();
    let of = |plan: &Plan| level(setup, plan, year);
    let mut total = Tally::new(levels);
    for (_, plan) in &model.plans {
        total.add(of(plan));
    }
    let mut goals = Vec::new();
    let mut areas = Vec::new();
    for g in model.outline.iter().flat_map(|o| o.goals.iter()) {
        let mut goal = Tally::new(levels);
        for i in &g.items {
            let mut area = Tally::new(levels);
            for (id, plan) in &model.plans {
                if u64::from(id.goal) == g.number && u64::from(id.item) == i.number {
                    area.add(of(plan));
                    goal.add(of(plan));
                }
            }
            areas.push(Row {
                key: format!("{}-{}", g.number, i.number),
                title: i.title.clone(),
                tally: area,
            });
        }
        goals.push(Row {
            key: g.number.to_string(),
            title: g.title.clone(),
            tally: goal,
        });
    }
    let mut departments = Vec::new();
    let mut missing = Vec::new();
    for d in model.register.iter().flat_map(|r| r.departments.iter()) {
        let mut tally = Tally::new(levels);
        let mut unreported = Vec::new();
        for (id, plan) in &model.plans {
            if !plan.departments.contains(&d.name) {
                continue;
            }
            let level = of(plan);
            tally.add(level);
            if level.is_none() {
                unreported.push((*id, plan.title.clone()));
            }
        }
        if tally.plans() == 0 {
            continue;
        }
        if !unreported.is_empty() {
            missing.push(Missing {
                department: d.name.clone(),
                plans: unreported,
            });
        }
        departments.push(Row {
            key: d.name.clone(),
            title: d.name.clone(),
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
    }
}
