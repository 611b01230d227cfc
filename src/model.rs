//! Typed views of the files, read once the JSON has parsed.
//!
//! The schema files in `schema/` are the one source of the format's rules; these types only
//! name what the later checks and the charts read. They ignore fields they do not know (the
//! schema reports those) so that a file with one stray field still takes part in the
//! cross-file checks.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Outline {
    pub title: String,
    pub expected_total: u64,
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Goal {
    pub number: u64,
    pub title: String,
    pub expected_plans: u64,
    pub items: Vec<Item>,
}

/// An action area (取組事項).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Item {
    pub number: u64,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Register {
    pub departments: Vec<Department>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Department {
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub departments: Vec<String>,
    /// The document follows the departments with 「等」 (and others).
    #[serde(default)]
    pub and_others: bool,
    #[serde(default)]
    pub subprojects: Vec<Subproject>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Subproject {
    pub title: String,
    /// Present only where the document pairs sub-projects with departments one to one.
    pub departments: Option<Vec<String>>,
}

impl Plan {
    /// Reads a plan as far as its content allows, for the cross-file checks: it needs a
    /// text `id`; any other field of the wrong type reads as empty, and a list entry that is
    /// not text reads as "" so that entries keep their positions. The schema reports all of
    /// these; reading leniently keeps one wrong value from hiding the plan from every other rule.
    pub fn lenient(mut value: serde_json::Value) -> Option<Plan> {
        use serde_json::Value;
        // Strings are moved out of the parsed tree, which is dropped next, not copied.
        let text = |v: Option<&mut Value>| match v {
            Some(Value::String(s)) => std::mem::take(s),
            _ => String::new(),
        };
        let names = |v: Option<&mut Value>| -> Vec<String> {
            match v {
                Some(Value::Array(items)) => items.iter_mut().map(|d| text(Some(d))).collect(),
                _ => Vec::new(),
            }
        };
        let object = value.as_object_mut()?;
        let id = match object.get_mut("id")? {
            Value::String(id) => std::mem::take(id),
            _ => return None,
        };
        let subprojects = match object.get_mut("subprojects") {
            Some(Value::Array(subs)) => subs
                .iter_mut()
                .map(|s| Subproject {
                    title: text(s.get_mut("title")),
                    departments: s.get_mut("departments").map(|d| names(Some(d))),
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(Plan {
            id,
            title: text(object.get_mut("title")),
            departments: names(object.get_mut("departments")),
            and_others: object
                .get("and_others")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            subprojects,
        })
    }
}

/// A plan's number, goal-item-plan, as in `1-3-1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanId {
    pub goal: u32,
    pub item: u32,
    pub number: u32,
}

impl PlanId {
    /// Parses `G-I-N`: three positive integers without leading zeros.
    pub fn parse(s: &str) -> Option<PlanId> {
        let mut parts = s.split('-');
        let mut next = || -> Option<u32> {
            let p = parts.next()?;
            if p.is_empty() || p.starts_with('0') || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            p.parse().ok()
        };
        let id = PlanId {
            goal: next()?,
            item: next()?,
            number: next()?,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(id)
    }

    /// Where the plan's file belongs, relative to the repository.
    pub fn path(&self) -> String {
        let mut path = String::new();
        self.write_path(&mut path);
        path
    }

    /// Writes [`PlanId::path`] into `out` (to reuse one buffer for many ids).
    pub fn write_path(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "plans/goal-{}/{}.json", self.goal, self);
    }
}

impl std::fmt::Display for PlanId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}-{}", self.goal, self.item, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ids_with_many_digits() {
        let id = PlanId::parse("12-3-104").unwrap();
        assert_eq!((id.goal, id.item, id.number), (12, 3, 104));
        assert_eq!(id.to_string(), "12-3-104");
        assert_eq!(id.path(), "plans/goal-12/12-3-104.json");
    }

    #[test]
    fn reads_plans_leniently() {
        let v = serde_json::json!({"id": "1-1-1", "title": 5, "departments": ["人事課", 7],
            "subprojects": [{"departments": ["人事課"]}], "extra": true});
        let p = Plan::lenient(v).unwrap();
        assert_eq!(p.title, "");
        assert_eq!(p.departments, vec!["人事課".to_string(), String::new()]);
        assert_eq!(
            p.subprojects[0].departments,
            Some(vec!["人事課".to_string()])
        );
        assert!(Plan::lenient(serde_json::json!({"title": "x"})).is_none());
        assert!(Plan::lenient(serde_json::json!([1])).is_none());
    }

    #[test]
    fn rejects_malformed_ids() {
        for bad in [
            "",
            "1-1",
            "1-1-1-1",
            "01-1-1",
            "1-0-1",
            "1-a-1",
            "1--1",
            "-1-1-1",
            "1-1-99999999999",
        ] {
            assert_eq!(PlanId::parse(bad), None, "{bad}");
        }
    }
}
