//! Rule `schema`: every file is valid against its JSON Schema in `schema/`.
//!
//! Validators are generated from the schema files when `plans` is compiled
//! (`jsonschema::validator`), so the CLI validates with the very files that editors use for
//! help on hover: there is no second copy of the rules, and nothing is compiled at run time.
//! Each error becomes a typed message; one slip gives one message (a misspelled field name is
//! an unknown field with a suggestion, not also a missing one).

use std::sync::OnceLock;

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::Document;
use super::rules::SCHEMA;
use crate::diagnostic::{Diagnostic, Target};
use crate::messages::{Entry, Field, JsonType, Lang, Message, description_in};
use crate::model::{Kind, MAX_PLANS_PER_AREA, PlanId};

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
pub enum Of {
    Plan,
    Outline,
    Register,
}

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

    fn of(&self, of: Of) -> &Schema {
        match of {
            Of::Plan => &self.plan,
            Of::Outline => &self.outline,
            Of::Register => &self.departments,
        }
    }
}

impl Default for Schemas {
    fn default() -> Self {
        Schemas::new()
    }
}

/// The file is valid against its schema.
pub fn check(schemas: &Schemas, doc: &Document, out: &mut Vec<Diagnostic>) {
    let schema = schemas.of(doc.of);
    if (schema.is_valid)(&doc.value) {
        return;
    }
    let mut found: Vec<(Target, Message)> = Vec::new();
    for error in (schema.iter_errors)(&doc.value) {
        explain(schema, doc, &error, &mut found);
    }
    pair_lone_fields(&mut found);
    // A misspelled field name is one slip: the unknown field that suggests a missing one
    // says it all, so the missing one is not reported too.
    let suggested: Vec<(String, String)> = found
        .iter()
        .filter_map(|(target, message)| match (target, message) {
            (
                Target::Key(pointer),
                Message::UnknownField {
                    suggestion: Some(s),
                    ..
                },
            ) => Some((parent(pointer).to_string(), s.clone())),
            _ => None,
        })
        .collect();
    found.retain(|(target, message)| match (target, message) {
        (Target::Value(pointer), Message::MissingField { name, .. }) => !suggested
            .iter()
            .any(|(object, s)| object == pointer && s == name),
        _ => true,
    });
    // A key of `progress` that is not a year is one slip (often a year's entry written
    // without its year): what is wrong inside its value is not reported too.
    let not_years: Vec<String> = found
        .iter()
        .filter_map(|(target, message)| match (target, message) {
            (Target::Key(pointer), Message::BadYear { .. }) => Some(pointer.clone()),
            _ => None,
        })
        .collect();
    // The fields of a year's entry where the years belong: one message, at `progress`.
    let entry_fields = ["status", "summary", "indicators"];
    let unwrapped: Vec<String> = found
        .iter()
        .filter_map(|(target, message)| match (target, message) {
            (Target::Key(pointer), Message::BadYear { value })
                if entry_fields.contains(&value.as_str()) =>
            {
                Some(parent(pointer).to_string())
            }
            _ => None,
        })
        .collect();
    if let Some(progress) = unwrapped.first() {
        found.retain(|(target, message)| {
            !matches!((target, message), (Target::Key(p), Message::BadYear { .. }) if parent(p) == progress)
        });
        found.push((Target::Key(progress.clone()), Message::EntryWithoutYear));
    }
    let inside = |pointer: &str, key: &str| {
        pointer == key
            || pointer
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    found.retain(|(target, message)| match (target, message) {
        (_, Message::BadYear { .. }) => true,
        (Target::Value(pointer) | Target::Key(pointer), _) => {
            !not_years.iter().any(|key| inside(pointer, key))
        }
        _ => true,
    });
    for (target, message) in found {
        out.push(SCHEMA.report(&doc.path, target, message));
    }
}

/// In an object with exactly one unknown field that resembles no allowed name and exactly
/// one missing field, the unknown one is the missing one under another name (`"name"` for
/// `"title"`): it suggests it.
fn pair_lone_fields(found: &mut [(Target, Message)]) {
    let objects: Vec<String> = found
        .iter()
        .filter_map(|(target, message)| match (target, message) {
            (Target::Value(pointer), Message::MissingField { .. }) => Some(pointer.clone()),
            _ => None,
        })
        .collect();
    for object in objects {
        let missing: Vec<String> = found
            .iter()
            .filter_map(|(target, message)| match (target, message) {
                (Target::Value(p), Message::MissingField { name, .. }) if *p == object => {
                    Some(name.clone())
                }
                _ => None,
            })
            .collect();
        let mut unknown =
            found
                .iter_mut()
                .filter_map(|(target, message)| match (target, message) {
                    (
                        Target::Key(p),
                        Message::UnknownField {
                            suggestion: suggestion @ None,
                            ..
                        },
                    ) if parent(p) == object => Some(suggestion),
                    _ => None,
                });
        if let ([name], Some(suggestion), None) =
            (missing.as_slice(), unknown.next(), unknown.next())
        {
            *suggestion = Some(name.clone());
        }
    }
}

fn explain(
    schema: &Schema,
    doc: &Document,
    error: &ValidationError<'_>,
    out: &mut Vec<(Target, Message)>,
) {
    let root = schema.source();
    let pointer = error.instance_path().as_str().to_string();
    // The schema of the value the error is about (its field's description, its properties).
    let here = schema_at(root, &pointer);
    let description = |node: Option<&Value>| {
        node.and_then(|n| keyword(root, n, "description"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let field = Field::of_pointer(&pointer);
    let own_description = description(here);
    let target = Target::Value(pointer.clone());
    let message = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            // Each allowed field with the Japanese half of its description.
            let described: Vec<(String, String)> = here
                .and_then(|n| keyword(root, n, "properties"))
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(field, node)| {
                    let japanese = keyword(root, node, "description")
                        .and_then(Value::as_str)
                        .map(|d| description_in(d, Lang::Ja).to_string())
                        .unwrap_or_default();
                    (field.clone(), japanese)
                })
                .collect();
            let allowed: Vec<String> = described.iter().map(|(f, _)| f.clone()).collect();
            for name in unexpected {
                let suggestion = closest_field(name, &described).map(str::to_string);
                out.push((
                    Target::Key(format!("{pointer}/{}", escape(name))),
                    Message::UnknownField {
                        name: name.clone(),
                        suggestion,
                        allowed: allowed.clone(),
                    },
                ));
            }
            return;
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default().to_string();
            let property_schema = here
                .and_then(|n| keyword(root, n, "properties"))
                .and_then(|p| p.get(&name));
            Message::MissingField {
                description: description(property_schema),
                name,
            }
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => vec![json_type_named(&t.to_string())],
                TypeKind::Multiple(set) => set
                    .iter()
                    .map(|t| json_type_named(&t.to_string()))
                    .collect(),
            };
            Message::WrongType {
                field,
                expected,
                found: json_type(error.instance()),
                description: own_description,
            }
        }
        ValidationErrorKind::MinLength { .. } => Message::EmptyText {
            required: is_required(root, &pointer),
            field,
            description: own_description,
        },
        ValidationErrorKind::MaxLength { limit } => Message::TooLong {
            length: error.instance().as_str().map_or(0, |s| s.chars().count()),
            limit: *limit,
            field,
        },
        ValidationErrorKind::Pattern { .. } if pointer == "/id" => {
            let value = error.instance().as_str().unwrap_or_default().to_string();
            // The right form, with a plan number past the most an action area holds.
            if let Some(id) = PlanId::parse(&value)
                && id.number > MAX_PLANS_PER_AREA
            {
                out.push((
                    target,
                    Message::PlanNumberTooHigh {
                        id,
                        limit: MAX_PLANS_PER_AREA,
                    },
                ));
                return;
            }
            let lookalike = PlanId::parse_lookalike(&value);
            let named = match Kind::of_path(&doc.path) {
                Kind::Plan(id) => Some(id),
                // The name typed the same other way: `file-location` says to correct both.
                Kind::Misnamed(id) if lookalike == Some(id) => return,
                _ => None,
            };
            Message::BadId {
                suggestion: lookalike.or(named),
                value,
            }
        }
        // A key of a plan's `progress` that is not a year: said at the key.
        ValidationErrorKind::Pattern { .. }
            if error.schema_path().as_str().contains("/propertyNames") =>
        {
            let value = error.instance().as_str().unwrap_or_default().to_string();
            out.push((
                Target::Key(format!("{pointer}/{}", escape(&value))),
                Message::BadYear { value },
            ));
            return;
        }
        ValidationErrorKind::Pattern { .. } => Message::BadPattern {
            value: error.instance().as_str().unwrap_or_default().to_string(),
            field,
            description: own_description,
        },
        // The evaluation scale: 2 to 9 levels.
        ValidationErrorKind::MinItems { .. } | ValidationErrorKind::MaxItems { .. }
            if pointer == "/progress/scale" =>
        {
            Message::ScaleLength {
                levels: error.instance().as_array().map_or(0, Vec::len),
            }
        }
        // A year of the period, outside the years the schema allows.
        ValidationErrorKind::Minimum { .. } | ValidationErrorKind::Maximum { .. }
            if pointer.starts_with("/progress/period/") =>
        {
            Message::PeriodYear {
                field,
                value: error.instance().to_string(),
            }
        }
        ValidationErrorKind::MaxItems { limit } => Message::TooMany {
            count: error.instance().as_array().map_or(0, Vec::len),
            limit: *limit,
            field,
        },
        ValidationErrorKind::MinItems { .. } => Message::EmptyList {
            required: is_required(root, &pointer),
            field,
        },
        ValidationErrorKind::UniqueItems => {
            let items = error.instance().as_array().cloned().unwrap_or_default();
            for (i, item) in items.iter().enumerate() {
                if items[..i].contains(item) {
                    let entry = match item.as_str() {
                        Some(s) => Entry::Text(s.to_string()),
                        None => Entry::Json(item.to_string()),
                    };
                    out.push((
                        Target::Value(format!("{pointer}/{i}")),
                        Message::RepeatedEntry {
                            field: field.clone(),
                            entry,
                        },
                    ));
                }
            }
            return;
        }
        ValidationErrorKind::Minimum { limit } => Message::BelowMinimum {
            field,
            limit: limit.to_string(),
        },
        _ => Message::SchemaOther {
            field,
            keyword: error
                .schema_path()
                .as_str()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
            description: own_description,
        },
    };
    out.push((target, message));
}

/// Whether the field at `pointer` is one its object requires.
fn is_required(root: &Value, pointer: &str) -> bool {
    let Some(name) = pointer.rsplit('/').next().map(unescape) else {
        return false;
    };
    schema_at(root, parent(pointer))
        .and_then(|object| keyword(root, object, "required"))
        .and_then(Value::as_array)
        .is_some_and(|required| required.iter().any(|r| r.as_str() == Some(&name)))
}

fn parent(pointer: &str) -> &str {
    pointer.rfind('/').map_or("", |i| &pointer[..i])
}

/// The schema of the value at `pointer` in a document: the root schema, then `properties`
/// by name, `items` for list entries and `additionalProperties` for the other keys of an
/// object (a year of `progress`).
fn schema_at<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut node = root;
    for segment in pointer.split('/').skip(1) {
        let segment = unescape(segment);
        node = keyword(root, node, "properties")
            .and_then(|p| p.get(&segment))
            .or_else(|| keyword(root, node, "items"))
            .or_else(|| keyword(root, node, "additionalProperties").filter(|n| n.is_object()))?;
    }
    Some(node)
}

/// Keyword `key` of a schema node, or of the schema its local `$ref` names (the node's own
/// annotations, such as a `description` beside the `$ref`, win).
fn keyword<'a>(root: &'a Value, node: &'a Value, key: &str) -> Option<&'a Value> {
    let mut node = node;
    // Local references only, and never more than a few deep.
    for _ in 0..8 {
        if let Some(found) = node.get(key) {
            return Some(found);
        }
        let target = node.get("$ref")?.as_str()?.strip_prefix('#')?;
        node = root.pointer(target)?;
    }
    None
}

/// The allowed field an unknown name most likely meant, from the allowed names with the
/// Japanese half of their descriptions: a name in ASCII (after NFKC, so `"ｔｉｔｌｅ"` and a
/// trailing full-width space count) by its spelling (`"titel"`), a name in Japanese by the
/// description whose first phrase names it first (`"進捗"` is `"progress"`, 「年度ごとの進捗（…」;
/// `"担当課"` is `"departments"`, 「担当課。…」, before `"and_others"`, 「文書で担当課の後に…」;
/// `"名前"` names no field of a plan: the first phrases are 計画名, 担当課 and so on).
fn closest_field<'a>(name: &str, allowed: &'a [(String, String)]) -> Option<&'a str> {
    use unicode_normalization::UnicodeNormalization;
    let normal: String = name.nfkc().collect();
    let name = normal.trim();
    if !name.is_ascii() {
        let first_phrase = |d: &'a str| d.split(['。', '（', '(', ':', '、']).next().unwrap_or(d);
        return allowed
            .iter()
            .filter_map(|(field, japanese)| first_phrase(japanese).find(name).map(|at| (at, field)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, field)| field.as_str());
    }
    allowed
        .iter()
        .map(|(a, _)| (strsim::levenshtein(&name.to_lowercase(), a), a))
        .filter(|(d, a)| *d <= 2.max(a.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a.as_str())
}

fn json_type(v: &Value) -> JsonType {
    match v {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Boolean,
        Value::Number(n) if n.is_i64() || n.is_u64() => JsonType::Integer,
        Value::Number(_) => JsonType::Number,
        Value::String(_) => JsonType::String,
        Value::Array(_) => JsonType::Array,
        Value::Object(_) => JsonType::Object,
    }
}

/// A JSON Schema type name (`"string"`, `"integer"` …) as a [`JsonType`].
fn json_type_named(name: &str) -> JsonType {
    match name {
        "string" => JsonType::String,
        "integer" => JsonType::Integer,
        "number" => JsonType::Number,
        "boolean" => JsonType::Boolean,
        "array" => JsonType::Array,
        "object" => JsonType::Object,
        _ => JsonType::Null,
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

    #[test]
    fn knows_which_fields_are_required() {
        let plan = Schemas::new().plan;
        let root = plan.source();
        assert!(is_required(root, "/departments"));
        assert!(is_required(root, "/title"));
        assert!(!is_required(root, "/subprojects"));
        assert!(!is_required(root, "/subprojects/0/departments"));
        assert!(is_required(root, "/subprojects/0/title"));
        assert!(!is_required(root, "/departments/0"));
        assert!(is_required(root, "/progress/2026/summary"));
        assert!(is_required(root, "/progress/2026/indicators/1/unit"));
        assert!(!is_required(root, "/progress/2026/indicators"));
    }

    #[test]
    fn finds_the_schema_of_every_field() {
        let plan = Schemas::new().plan;
        let root = plan.source();
        let description = |pointer: &str| {
            schema_at(root, pointer)
                .and_then(|n| keyword(root, n, "description"))
                .and_then(Value::as_str)
                .map(|d| d.split(" / ").next().unwrap_or_default().to_string())
        };
        assert_eq!(
            description("/departments").as_deref(),
            Some(
                "担当課。plans/departments.json に登録された名前を、文書の順に1回ずつ書きます（20 課まで）。"
            )
        );
        assert_eq!(
            description("/departments/3").as_deref(),
            Some("担当課の名前（plans/departments.json に登録された名前）。")
        );
        assert_eq!(
            description("/subprojects/1/title").as_deref(),
            Some("個別事業の名前。文書の括弧は外し、中の括弧は文書のまま書きます。")
        );
        // A year of `progress` is any key (`additionalProperties`).
        assert_eq!(
            description("/progress/2026/summary").as_deref(),
            Some("その年度の結果（担当課の言葉で）。")
        );
        assert!(
            description("/progress/2027/indicators/0/unit").is_some_and(|d| d.starts_with("単位"))
        );
        assert_eq!(schema_at(root, "/budget"), None);
    }

    #[test]
    fn suggests_close_field_names() {
        let allowed: Vec<(String, String)> = [
            ("id", "計画番号「重点推進目標-取組事項-計画」"),
            ("title", "計画名。文書のとおりに書きます"),
            ("departments", "担当課。登録された名前を書きます"),
            ("and_others", "文書で担当課の後に「等」とある場合だけ true"),
            ("progress", "年度ごとの進捗"),
        ]
        .map(|(a, d)| (a.to_string(), d.to_string()))
        .into();
        assert_eq!(closest_field("titel", &allowed), Some("title"));
        assert_eq!(closest_field("department", &allowed), Some("departments"));
        assert_eq!(closest_field("Title", &allowed), Some("title"));
        assert_eq!(closest_field("budget", &allowed), None);
        // Japanese names by the descriptions, never by spelling ("進捗" is two edits from "id").
        assert_eq!(closest_field("進捗", &allowed), Some("progress"));
        assert_eq!(closest_field("計画名", &allowed), Some("title"));
        assert_eq!(closest_field("担当課", &allowed), Some("departments"));
        assert_eq!(closest_field("予算", &allowed), None);
        // Only a description's first phrase names its field ("名前" is in departments' second).
        assert_eq!(closest_field("名前", &allowed), None);
        assert_eq!(closest_field("title\u{3000}", &allowed), Some("title"));
        assert_eq!(closest_field("ｔｉｔｌｅ", &allowed), Some("title"));
    }
}
