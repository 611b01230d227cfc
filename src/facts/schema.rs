//! Rule `schema`: every file is valid against its JSON Schema in `schema/`.
//!
//! Validators are generated from the schema files when `plans` is compiled
//! (`jsonschema::validator`), so the CLI validates with the very files that editors use for
//! help on hover: there is no second copy of the rules, and nothing is compiled at run time.
//! Each error becomes a typed message; one slip gives one message (a misspelled field name is
//! an unknown field with a suggestion, not also a missing one).

use std::sync::OnceLock;

use serde_json::Value;

pub const PLAN_SCHEMA: &str = include_str!("../../schema/plan.schema.json");
pub const OUTLINE_SCHEMA: &str = include_str!("../../schema/outline.schema.json");
pub const DEPARTMENTS_SCHEMA: &str = include_str!("../../schema/departments.schema.json");

// The validators are generated from the schema files when `plans` is compiled (a broken
// schema is a compile error), so no schema is compiled when it runs.
#[jsonschema::validator(path = "schema/plan.schema.json", draft = Draft202012)]
struct PlanValidator;
#[jsonschema::validator(path = "schema/outline.schema.json", draft = Draft202012)]
struct OutlineValidator;
#[jsonschema::validator(path = "schema/departments.schema.json", draft = Draft202012)]
struct DepartmentsValidator;

/// Which schema a document is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileSchema {
    Plan,
    Outline,
    Register,
}

/// One schema: its generated validator, and its source (read for descriptions and allowed
/// field names when a file breaks it).
pub struct Schema {
    text: &'static str,
    source: OnceLock<Value>,
    pub is_valid: fn(&Value) -> bool,
    pub iter_errors: for<'i> fn(&'i Value) -> jsonschema::ErrorIterator<'i>,
}

/// The three schemas.
pub struct Schemas {
    pub plan: Schema,
    pub outline: Schema,
    pub departments: Schema,
}

impl Schema {
    /// The schema as JSON, parsed the first time a file breaks it.
    pub fn source(&self) -> &Value {
        // The text compiled into a validator above, so it is valid JSON.
        self.source
            .get_or_init(|| crate::json::value(self.text).unwrap_or_default())
    }
}

impl Schemas {
    pub fn new() -> Schemas {
        Schemas {
            plan: Schema {
                text: PLAN_SCHEMA,
                source: OnceLock::new(),
                is_valid: PlanValidator::is_valid,
                iter_errors: PlanValidator::iter_errors,
            },
            outline: Schema {
                text: OUTLINE_SCHEMA,
                source: OnceLock::new(),
                is_valid: OutlineValidator::is_valid,
                iter_errors: OutlineValidator::iter_errors,
            },
            departments: Schema {
                text: DEPARTMENTS_SCHEMA,
                source: OnceLock::new(),
                is_valid: DepartmentsValidator::is_valid,
                iter_errors: DepartmentsValidator::iter_errors,
            },
        }
    }

    pub fn of(&self, schema: FileSchema) -> &Schema {
        match schema {
            FileSchema::Plan => &self.plan,
            FileSchema::Outline => &self.outline,
            FileSchema::Register => &self.departments,
        }
    }
}

impl Default for Schemas {
    fn default() -> Self {
        Schemas::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MAX_PLANS_PER_AREA;

    #[test]
    fn schema_sources_parse() {
        let schemas = Schemas::new();
        for schema in [&schemas.plan, &schemas.outline, &schemas.departments] {
            assert!(schema.source().is_object());
            assert!(jsonschema::meta::is_valid(schema.source()));
        }
    }

    /// The bounds of the plan schema, as the validator applies them: an action area's plans
    /// numbered up to `MAX_PLANS_PER_AREA`, 20 departments, 30 sub-projects.
    #[test]
    fn the_plan_schema_bounds_what_a_plan_holds() {
        let valid = |plan: Value| PlanValidator::is_valid(&plan);
        let plan = |id: &str, departments: usize, subprojects: usize| {
            let names: Vec<String> = (1..=departments).map(|i| format!("架空{i}課")).collect();
            let subprojects: Vec<Value> = (1..=subprojects)
                .map(|i| serde_json::json!({"title": format!("架空事業{i}"), "departments": [names[0]]}))
                .collect();
            let mut plan = serde_json::json!({"id": id, "title": "架空", "departments": names});
            if !subprojects.is_empty() {
                plan["subprojects"] = Value::Array(subprojects);
            }
            plan
        };
        let last = format!("1-1-{MAX_PLANS_PER_AREA}");
        let past = format!("1-1-{}", MAX_PLANS_PER_AREA + 1);
        assert!(valid(plan("1-1-1", 1, 0)) && valid(plan(&last, 1, 0)));
        assert!(valid(plan("123456-123456-9", 1, 0)) && valid(plan("1-1-10", 1, 0)));
        for id in [
            past.as_str(),
            "1-1-60",
            "1-1-100",
            "1-1-500",
            "1-1-0",
            "1-1-050",
        ] {
            assert!(!valid(plan(id, 1, 0)), "{id}");
        }
        assert!(valid(plan("1-1-1", 20, 30)));
        assert!(!valid(plan("1-1-1", 21, 1)));
        assert!(!valid(plan("1-1-1", 1, 31)));
    }
}
