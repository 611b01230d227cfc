//! The figures behind the charts, computed once from checked data.

use rustc_hash::FxHashMap;

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
    /// The figures of `model`, in one pass over the plans (a chart of 100,000 plans and
    /// thousands of departments is computed in linear time).
    pub fn compute(model: &Model) -> Stats {
        let goals_in: Vec<_> = model.outline.iter().flat_map(|o| o.goals.iter()).collect();
        let goals = goals_in
            .iter()
            .map(|g| {
                let items: Vec<(u64, String, usize)> = g
                    .items
                    .iter()
                    .map(|i| {
                        (
                            i.number,
                            i.title.clone(),
                            model.plans_in(g.number, i.number).len(),
                        )
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
        // Where each goal number is in the outline (every place, should a number repeat).
        let mut goal_places: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, g) in goals_in.iter().enumerate() {
            goal_places.entry(g.number).or_default().push(i);
        }
        // Each department's plans per goal: a plan counts once for each department it names.
        let mut per_name: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (id, plan) in &model.plans {
            let Some(places) = goal_places.get(&u64::from(id.goal)) else {
                continue;
            };
            for (i, name) in plan.departments.iter().enumerate() {
                if plan.departments[..i].contains(name) {
                    continue;
                }
                let counts = per_name
                    .entry(name.as_str())
                    .or_insert_with(|| vec![0; goals_in.len()]);
                for &place in places {
                    counts[place] += 1;
                }
            }
        }
        let mut departments: Vec<DepartmentStats> = model
            .register
            .iter()
            .flat_map(|r| r.departments.iter())
            .enumerate()
            .map(|(order, d)| {
                let per_goal = per_name
                    .get(d.name.as_str())
                    .cloned()
                    .unwrap_or_else(|| vec![0; goals_in.len()]);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;
    use crate::progress::tests::sample;
    use serde_json::json;

    #[test]
    fn counts_plans_per_action_area_and_each_department_per_goal() {
        let mut m = sample();
        let names = |plan: &mut Plan, names: &[&str]| {
            plan.departments = names.iter().map(|n| n.to_string()).collect();
        };
        names(&mut m.plans[0].1, &["架空甲課", "架空乙課"]);
        names(&mut m.plans[1].1, &["架空乙課"]);
        names(&mut m.plans[2].1, &["架空丙課"]);
        names(&mut m.plans[3].1, &["架空乙課", "架空丙課"]);
        names(&mut m.plans[4].1, &["架空乙課"]);
        m.register = Some(
            serde_json::from_value(json!({"departments": [
                {"name": "架空甲課"}, {"name": "架空乙課"}, {"name": "架空丙課"}, {"name": "架空丁課"}
            ]}))
            .unwrap(),
        );
        let s = Stats::compute(&m);
        let items = |g: usize| -> Vec<(u64, usize)> {
            s.goals[g].items.iter().map(|(n, _, c)| (*n, *c)).collect()
        };
        assert_eq!(items(0), [(1, 2), (2, 1)]);
        assert_eq!(items(1), [(1, 2), (2, 0)]);
        assert_eq!((s.goals[0].plans, s.goals[1].plans, s.total), (3, 2, 5));
        let departments: Vec<(&str, Vec<usize>, usize, usize)> = s
            .departments
            .iter()
            .map(|d| (d.name.as_str(), d.per_goal.clone(), d.plans, d.order))
            .collect();
        // By plans (descending), then register order; an unused department keeps its row.
        assert_eq!(
            departments,
            [
                ("架空乙課", vec![2, 2], 4, 1),
                ("架空丙課", vec![1, 1], 2, 2),
                ("架空甲課", vec![1, 0], 1, 0),
                ("架空丁課", vec![0, 0], 0, 3),
            ]
        );
        assert_eq!(
            s.departments_of_goal(1),
            [("架空乙課".to_string(), 2), ("架空丙課".to_string(), 1)]
        );
    }
}
