//! Rule `schema`: every file is valid against its JSON Schema in `schema/`.
//!
//! Validators are generated from the schema files when `plans` is compiled
//! (`jsonschema::validator`), so the CLI validates with the very files that editors use for
//! help on hover: there is no second copy of the rules, and nothing is compiled at run time.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use std::sync::OnceLock;

use jsonschema::ValidationError;
use serde_json::Value;

use super::diagnostic::{Diagnostic, Target};
use super::{Document, Kind};
use crate::messages;

pub const RULE: &str = "schema";

pub const PLAN_SCHEMA: &str = include_str!("../../schema/plan.schema.json");
pub const OUTLINE_SCHEMA: &str = include_str!("../../schema/outline.schema.json");
pub const DEPARTMENTS_SCHEMA: &str = include_str!("../../schema/departments.schema.json");

// The validators are generated from the schema files when `plans` is compiled (a broken
// schema is a compile error), so no schema is compiled when it runs.
#[jsonschema::validator(path = "schema/plan.schema.json", draft = Draft202012, validate_formats = true)]
struct PlanValidator;
#[jsonschema::validator(path = "schema/outline.schema.json", draft = Draft202012, validate_formats = true)]
struct OutlineValidator;
#[jsonschema::validator(
    path = "schema/departments.schema.json",
    draft = Draft202012,
    validate_formats = true
)]
struct DepartmentsValidator;

/// One schema: its generated validator, and its source (read for descriptions and allowed
/// field names when a file breaks it).
pub struct Schema {
    text: &'static str,
    source: OnceLock<Value>,
    is_valid: fn(&Value) -> bool,
    iter_errors: for<'i> fn(&'i Value) -> jsonschema::ErrorIterator<'i>,
}

/// The three schemas.
pub struct Schemas {
    pub plan: Schema,
    pub outline: Schema,
    pub departments: Schema,
}

impl Schema {
    /// The schema as JSON, parsed the first time a file breaks it.
    fn source(&self) -> &Value {
        // The text compiled into a validator above, so it is valid JSON.
        self.source
            .get_or_init(|| serde_json::from_str(self.text).unwrap_or_default())
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

    fn for_kind(&self, kind: Kind) -> &Schema {
        match kind {
            Kind::Outline | Kind::MisplacedOutline => &self.outline,
            Kind::Register | Kind::MisplacedRegister => &self.departments,
            Kind::Plan => &self.plan,
        }
    }
}

impl Default for Schemas {
    fn default() -> Self {
        Schemas::new()
    }
}

/// Validates a document against the schema for its kind and reports every violation.
pub fn check(schemas: &Schemas, doc: &Document, out: &mut Vec<Diagnostic>) {
    let schema = schemas.for_kind(doc.kind);
    if (schema.is_valid)(&doc.value) {
        return;
    }
    for error in (schema.iter_errors)(&doc.value) {
        explain(schema, doc, &error, out);
    }
}

fn explain(
    schema: &Schema,
    doc: &Document,
    error: &ValidationError<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let pointer = error.instance_path().as_str().to_string();
    let keyword_path = error.schema_path().as_str();
    // The subschema that holds the failing keyword, e.g. `/properties/id` for `/properties/id/pattern`.
    let subschema = resolve(schema.source(), parent_pointer(keyword_path));
    let description = |sub: Option<&Value>| {
        sub.and_then(|s| s.get("description"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let field = field_label(&pointer);
    let own_description = description(subschema.as_ref().copied());
    let push = |out: &mut Vec<Diagnostic>, target: Target, text: messages::Text| {
        out.push(Diagnostic::error(RULE, &doc.path, target, text));
    };
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed: Vec<String> = subschema
                .and_then(|s| s.get("properties"))
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            for name in unexpected {
                let suggestion = closest_field(name, &allowed);
                push(
                    out,
                    Target::Key(format!("{pointer}/{}", escape(name))),
                    messages::unknown_field(name, suggestion, &allowed),
                );
            }
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let property_schema = subschema
                .and_then(|s| s.get("properties"))
                .and_then(|p| p.get(name));
            let property_schema = property_schema.map(|p| follow_ref(schema.source(), p));
            push(
                out,
                Target::Value(pointer.clone()),
                messages::missing_field(name, description(property_schema).as_deref()),
            );
        }
        ValidationErrorKind::Type { kind } => {
            let expected: Vec<String> = match kind {
                TypeKind::Single(t) => vec![t.to_string()],
                TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
            };
            let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
            let found = json_type(error.instance());
            let found = if found == "number" && error.instance().is_i64() {
                "integer"
            } else {
                found
            };
            push(
                out,
                Target::Value(pointer.clone()),
                messages::wrong_type(&field, &expected, found, own_description.as_deref()),
            );
        }
        ValidationErrorKind::MinLength { .. } => {
            push(
                out,
                Target::Value(pointer.clone()),
                messages::empty_text(&field),
            );
        }
        ValidationErrorKind::MaxLength { limit } => {
            let length = error.instance().as_str().map_or(0, |s| s.chars().count());
            push(
                out,
                Target::Value(pointer.clone()),
                messages::too_long(&field, length, *limit),
            );
        }
        ValidationErrorKind::Pattern { .. } => {
            let value = error.instance().as_str().unwrap_or_default();
            push(
                out,
                Target::Value(pointer.clone()),
                messages::bad_pattern(&field, value, own_description.as_deref()),
            );
        }
        ValidationErrorKind::MinItems { .. } => {
            push(
                out,
                Target::Value(pointer.clone()),
                messages::empty_list(&field),
            );
        }
        ValidationErrorKind::UniqueItems => {
            let items = error.instance().as_array().cloned().unwrap_or_default();
            let mut reported = false;
            for (i, item) in items.iter().enumerate() {
                if items[..i].contains(item) {
                    let entry = match item.as_str() {
                        Some(s) => format!("「{s}」"),
                        None => item.to_string(),
                    };
                    push(
                        out,
                        Target::Value(format!("{pointer}/{i}")),
                        messages::repeated_entry(&field, &entry),
                    );
                    reported = true;
                }
            }
            if !reported {
                push(
                    out,
                    Target::Value(pointer.clone()),
                    messages::schema_other(&field, &error.to_string(), None),
                );
            }
        }
        ValidationErrorKind::Minimum { limit } => {
            push(
                out,
                Target::Value(pointer.clone()),
                messages::below_minimum(&field, &limit.to_string()),
            );
        }
        _ => push(
            out,
            Target::Value(pointer.clone()),
            messages::schema_other(&field, &error.to_string(), own_description.as_deref()),
        ),
    }
}

/// How a place in a file is named in messages: `"title"`, `entry 2 of "departments"`, …
pub fn field_label(pointer: &str) -> String {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    match segments.as_slice() {
        [] => "the file".to_string(),
        [.., parent, last] if last.bytes().all(|b| b.is_ascii_digit()) => {
            let index: usize = last.parse().unwrap_or(0);
            if parent.bytes().all(|b| b.is_ascii_digit()) {
                format!("entry {}", index + 1)
            } else {
                format!("entry {} of \"{}\"", index + 1, unescape(parent))
            }
        }
        [.., last] => format!("\"{}\"", unescape(last)),
    }
}

fn parent_pointer(pointer: &str) -> &str {
    pointer.rfind('/').map_or("", |i| &pointer[..i])
}

/// Walks a schema pointer, following local `$ref`s the way the validator's keyword path does.
fn resolve<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut node = root;
    for segment in pointer.split('/').skip(1) {
        let segment = unescape(segment);
        if segment == "$ref" {
            node = follow_ref(root, node);
            continue;
        }
        node = match node {
            Value::Object(map) => map.get(&segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(follow_ref(root, node))
}

/// If `node` is `{"$ref": "#/..."}` (possibly with annotations beside it), the node it names;
/// annotations such as `description` next to the `$ref` win, so they are kept when present.
fn follow_ref<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) if node.get("description").is_none() => r
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .map_or(node, |target| follow_ref(root, target)),
        _ => node,
    }
}

fn closest_field<'a>(name: &str, allowed: &'a [String]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (strsim::levenshtein(&name.to_lowercase(), a), a))
        .filter(|(d, a)| *d <= 2.max(a.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a.as_str())
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_sources_parse() {
        let schemas = Schemas::new();
        for schema in [&schemas.plan, &schemas.outline, &schemas.departments] {
            assert!(schema.source().is_object());
            assert!(jsonschema::meta::is_valid(schema.source()));
        }
    }

    #[test]
    fn labels_fields() {
        assert_eq!(field_label(""), "the file");
        assert_eq!(field_label("/title"), "\"title\"");
        assert_eq!(field_label("/departments/1"), "entry 2 of \"departments\"");
        assert_eq!(field_label("/subprojects/0/title"), "\"title\"");
    }

    #[test]
    fn suggests_close_field_names() {
        let allowed: Vec<String> = ["id", "title", "departments", "subprojects"]
            .map(String::from)
            .into();
        assert_eq!(closest_field("titel", &allowed), Some("title"));
        assert_eq!(closest_field("department", &allowed), Some("departments"));
        assert_eq!(closest_field("Title", &allowed), Some("title"));
        assert_eq!(closest_field("budget", &allowed), None);
    }
}
