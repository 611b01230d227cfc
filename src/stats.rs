//! The figures behind the charts, computed once from checked data.

use rustc_hash::FxHashMap;

use crate::model::{Level, Model, Plan, ProgressSetup};

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
            let Some(&(gi, ai)) = places.get(&(u64::from(id.goal), u64::from(id.item))) else {
                continue;
            };
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

/// The fiscal years of the period that any plan has an entry for, in order; none when the
/// outline sets no progress up.
pub fn progress_years(model: &Model) -> Vec<i64> {
    let Some(setup) = model.outline.as_ref().and_then(|o| o.setup()) else {
        return Vec::new();
    };
    let years: std::collections::BTreeSet<i64> = model
        .plans
        .iter()
        .flat_map(|(_, p)| p.progress.iter().filter_map(|e| e.year()))
        .filter(|y| setup.period.holds(*y))
        .collect();
    years.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Outline, PlanId};
    use serde_json::json;

    /// A fictional outline of two goals (areas 1-1, 1-2 and 2-1, 2-2) with a three-level scale
    /// for 2026–2029, and the plans `(id, progress)`.
    fn model(progress: bool, plans: &[(&str, serde_json::Value)]) -> Model {
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

    fn entry(status: &str) -> serde_json::Value {
        json!({"status": status, "summary": "架空の結果です。"})
    }

    fn counts(levels: &[usize], unreported: usize) -> LevelCounts {
        LevelCounts {
            levels: levels.to_vec(),
            unreported,
        }
    }

    fn sample() -> Model {
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

    #[test]
    fn a_year_without_entries_has_every_plan_unreported() {
        let s = ProgressStats::compute(&sample(), 2029).unwrap();
        assert_eq!(s.total, counts(&[0, 0, 0], 5));
        assert!(s.goals.iter().all(|g| g.counts.reported() == 0));
    }

    #[test]
    fn lists_the_years_with_entries_inside_the_period() {
        assert_eq!(progress_years(&sample()), vec![2026, 2027]);
        assert_eq!(progress_years(&model(true, &[])), Vec::<i64>::new());
    }

    #[test]
    fn nothing_without_a_progress_set_up() {
        let m = model(false, &[("1-1-1", json!({"2026": entry("A")}))]);
        assert_eq!(ProgressStats::compute(&m, 2026), None);
        assert_eq!(progress_years(&m), Vec::<i64>::new());
        assert_eq!(progress_years(&Model::default()), Vec::<i64>::new());
    }
}
