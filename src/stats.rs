//! The figures behind the charts, computed once from checked data.

use crate::model::Model;

/// Plans per action area of one goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalStats {
    pub number: u64,
    pub title: String,
    /// (action area number, title, plans) in outline order.
    pub items: Vec<(u64, String, usize)>,
    pub plans: usize,
}

/// Plans of one department, split by goal (a plan counts once for each of its departments).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartmentStats {
    pub name: String,
    /// Plans per goal, in outline order.
    pub per_goal: Vec<usize>,
    pub plans: usize,
    /// Position in the register (0-based), the tie-breaker in every sort.
    pub order: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub goals: Vec<GoalStats>,
    /// Every registered department, by plan count (descending), then register order.
    pub departments: Vec<DepartmentStats>,
    pub total: usize,
}

impl Stats {
    pub fn compute(model: &Model) -> Stats {
        let goals_in: Vec<_> = model.outline.iter().flat_map(|o| o.goals.iter()).collect();
        let goals = goals_in
            .iter()
            .map(|g| {
                let items: Vec<(u64, String, usize)> = g
                    .items
                    .iter()
                    .map(|i| {
                        let n = model
                            .plans
                            .iter()
                            .filter(|(id, _)| {
                                u64::from(id.goal) == g.number && u64::from(id.item) == i.number
                            })
                            .count();
                        (i.number, i.title.clone(), n)
                    })
                    .collect();
                let plans = items.iter().map(|i| i.2).sum();
                GoalStats {
                    number: g.number,
                    title: g.title.clone(),
                    items,
                    plans,
                }
            })
            .collect();
        let mut departments: Vec<DepartmentStats> = model
            .register
            .iter()
            .flat_map(|r| r.departments.iter())
            .enumerate()
            .map(|(order, d)| {
                let per_goal: Vec<usize> = goals_in
                    .iter()
                    .map(|g| {
                        model
                            .plans
                            .iter()
                            .filter(|(id, p)| {
                                u64::from(id.goal) == g.number && p.departments.contains(&d.name)
                            })
                            .count()
                    })
                    .collect();
                let plans = per_goal.iter().sum();
                DepartmentStats {
                    name: d.name.clone(),
                    per_goal,
                    plans,
                    order,
                }
            })
            .collect();
        departments.sort_by(|a, b| b.plans.cmp(&a.plans).then(a.order.cmp(&b.order)));
        Stats {
            goals,
            departments,
            total: model.plans.len(),
        }
    }

    /// The departments of one goal's plans, by count in that goal (descending), then register order.
    pub fn departments_of_goal(&self, goal_index: usize) -> Vec<(String, usize)> {
        let mut v: Vec<(usize, String, usize)> = self
            .departments
            .iter()
            .map(|d| {
                (
                    d.order,
                    d.name.clone(),
                    d.per_goal.get(goal_index).copied().unwrap_or(0),
                )
            })
            .filter(|(_, _, n)| *n > 0)
            .collect();
        v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        v.into_iter().map(|(_, name, n)| (name, n)).collect()
    }
}
