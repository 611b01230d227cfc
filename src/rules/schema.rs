//! `schema`: the file is valid against its schema.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::document::Document;
use crate::facts::schema::{Schema as Compiled, Schemas};
use crate::messages::{
    Doc, Entry, Field, JsonType, Lang, Message, Text, Words, description_in, expected_first,
};
use crate::model::{Kind, MAX_PLANS_PER_AREA, PlanId};
use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "schema",
    severity: Severity::Error,
    summary: Doc {
        ja: "スキーマどおりであること（必須項目、型、未知の項目、id の形、空の文字列、担当課の重複、数と長さの上限: 1 つの計画に担当課 20・個別事業 30、1 つの取組事項に計画 50 まで）",
        en: "the file is valid against its schema: required fields, types, unknown fields (with a did-you-mean), the id's form (full-width digits are named), empty text, a department listed twice, the bounds (at most 20 departments and 30 sub-projects in a plan, 50 plans in an action area, the texts' lengths)",
    },
    fix: Doc {
        ja: "ヒントに出る項目の説明に合わせる",
        en: "follow the hint, which quotes the field's description from the schema",
    },
    guide: r#"ファイルの形が決まりと違うときに出ます。たとえば、`"departments"` がない、`"departments"` を `[ ]` で囲んでいない、`"and_others": "true"` のように `true` を `"` で囲んだ、項目名を `"department"` や `"titel"` と打ち間違えた、`"id"` に全角数字や空白がある、`""` のように中身が空、同じ担当課を 2 回書いた、などです。

数と長さにも上限があります。1 つの計画の担当課は 20 課まで、個別事業は 30 件まで、1 つの取組事項の計画は 50 件まで（文書の丸数字は㊿までです）、計画名や個別事業の名前は 200 文字までです。市の計画としては十分な余裕があり、これを超えるのは、ほかの計画の内容を貼り付けてしまったときなどです。図と表は、この上限の中で描けるように作っています。

項目名の打ち間違いには、正しい名前が示されます。github.dev では、波線にマウスを重ねると、同じ説明が出ます。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Document(check),
};

/// The file is valid against its schema.
pub fn check(schemas: &Schemas, doc: &Document, out: &mut Vec<Diagnostic>) {
    let schema = schemas.of(doc.schema);
    if (schema.is_valid)(&doc.value) {
        return;
    }
    let mut found: Vec<(Target, Said)> = Vec::new();
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
                Said::UnknownField {
                    suggestion: Some(s),
                    ..
                },
            ) => Some((parent(pointer).to_string(), s.clone())),
            _ => None,
        })
        .collect();
    found.retain(|(target, message)| match (target, message) {
        (Target::Value(pointer), Said::MissingField { name, .. }) => !suggested
            .iter()
            .any(|(object, s)| object == pointer && s == name),
        _ => true,
    });
    // A key of `progress` that is not a year is one slip (often a year's entry written
    // without its year): what is wrong inside its value is not reported too.
    let not_years: Vec<String> = found
        .iter()
        .filter_map(|(target, message)| match (target, message) {
            (Target::Key(pointer), Said::BadYear { .. }) => Some(pointer.clone()),
            _ => None,
        })
        .collect();
    // The fields of a year's entry where the years belong: one message, at `progress`.
    let entry_fields = ["status", "summary", "indicators"];
    let unwrapped: Vec<String> = found
        .iter()
        .filter_map(|(target, message)| match (target, message) {
            (Target::Key(pointer), Said::BadYear { value })
                if entry_fields.contains(&value.as_str()) =>
            {
                Some(parent(pointer).to_string())
            }
            _ => None,
        })
        .collect();
    if let Some(progress) = unwrapped.first() {
        found.retain(|(target, message)| {
            !matches!((target, message), (Target::Key(p), Said::BadYear { .. }) if parent(p) == progress)
        });
        found.push((Target::Key(progress.clone()), Said::EntryWithoutYear));
    }
    let inside = |pointer: &str, key: &str| {
        pointer == key
            || pointer
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    found.retain(|(target, message)| match (target, message) {
        (_, Said::BadYear { .. }) => true,
        (Target::Value(pointer) | Target::Key(pointer), _) => {
            !not_years.iter().any(|key| inside(pointer, key))
        }
        _ => true,
    });
    for (target, message) in found {
        out.push(RULE.report(&doc.path, target, message));
    }
}

/// In an object with exactly one unknown field that resembles no allowed name and exactly
/// one missing field, the unknown one is the missing one under another name (`"name"` for
/// `"title"`): it suggests it.
fn pair_lone_fields(found: &mut [(Target, Said)]) {
    let objects: Vec<String> = found
        .iter()
        .filter_map(|(target, message)| match (target, message) {
            (Target::Value(pointer), Said::MissingField { .. }) => Some(pointer.clone()),
            _ => None,
        })
        .collect();
    for object in objects {
        let missing: Vec<String> = found
            .iter()
            .filter_map(|(target, message)| match (target, message) {
                (Target::Value(p), Said::MissingField { name, .. }) if *p == object => {
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
                        Said::UnknownField {
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
    schema: &Compiled,
    doc: &Document,
    error: &ValidationError<'_>,
    out: &mut Vec<(Target, Said)>,
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
                // A year's progress pasted where it does not belong is told where it does.
                if doc.schema == crate::facts::schema::FileSchema::Plan {
                    let in_subproject = pointer.starts_with("/subprojects/")
                        && pointer.matches('/').count() == 2;
                    let place = match name.as_str() {
                        n if pointer.is_empty() && crate::model::is_year_key(n) => {
                            Some(Misplaced::Year)
                        }
                        "status" | "summary" | "indicators" | "next_steps" | "fiscal_effect"
                        | "comment"
                            if pointer.is_empty() =>
                        {
                            Some(Misplaced::YearField)
                        }
                        "progress" if in_subproject => Some(Misplaced::InSubproject),
                        _ => None,
                    };
                    if let Some(place) = place {
                        out.push((
                            Target::Key(format!("{pointer}/{}", escape(name))),
                            Said::MisplacedProgress {
                                name: name.clone(),
                                place,
                            },
                        ));
                        continue;
                    }
                }
                let suggestion = closest_field(name, &described).map(str::to_string);
                out.push((
                    Target::Key(format!("{pointer}/{}", escape(name))),
                    Said::UnknownField {
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
            Said::MissingField {
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
            let found = json_type(error.instance());
            Said::WrongType {
                field,
                retype: Retype::of(
                    &expected,
                    found,
                    error.instance(),
                    is_required(root, &pointer),
                ),
                expected,
                found,
                description: own_description,
            }
        }
        ValidationErrorKind::MinLength { .. } => Said::EmptyText {
            required: is_required(root, &pointer),
            field,
            description: own_description,
        },
        ValidationErrorKind::MaxLength { limit } => Said::TooLong {
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
                    Said::PlanNumberTooHigh {
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
            Said::BadId {
                fix: IdFix::of(&value, lookalike.or(named)),
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
                Said::BadYear { value },
            ));
            return;
        }
        ValidationErrorKind::Pattern { .. } => Said::BadPattern {
            value: error.instance().as_str().unwrap_or_default().to_string(),
            field,
            description: own_description,
        },
        // The evaluation scale: 2 to 9 levels.
        ValidationErrorKind::MinItems { .. } | ValidationErrorKind::MaxItems { .. }
            if pointer == "/progress/scale" =>
        {
            Said::ScaleLength {
                levels: error.instance().as_array().map_or(0, Vec::len),
            }
        }
        // A year of the period, outside the years the schema allows.
        ValidationErrorKind::Minimum { .. } | ValidationErrorKind::Maximum { .. }
            if pointer.starts_with("/progress/period/") =>
        {
            Said::PeriodYear {
                field,
                value: error.instance().to_string(),
            }
        }
        ValidationErrorKind::MaxItems { limit } => Said::TooMany {
            count: error.instance().as_array().map_or(0, Vec::len),
            limit: *limit,
            field,
        },
        ValidationErrorKind::MinItems { .. } => Said::EmptyList {
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
                        Said::RepeatedEntry {
                            field: field.clone(),
                            entry,
                        },
                    ));
                }
            }
            return;
        }
        ValidationErrorKind::Minimum { limit } => Said::BelowMinimum {
            field,
            limit: limit.to_string(),
        },
        // A value that is not one of the choices (a merge's reason, whose comment): the
        // choices, as the schema lists them.
        ValidationErrorKind::Enum { options } => Said::NotAChoice {
            field,
            found: match error.instance().as_ref() {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            },
            choices: options
                .as_array()
                .map(|o| {
                    o.iter()
                        .map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            description: own_description,
        },
        _ => Said::SchemaOther {
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

/// Where a year's progress was pasted instead of `"progress"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misplaced {
    /// A year's block at the top of the plan.
    Year,
    /// A field of a year's entry at the top of the plan.
    YearField,
    /// `"progress"` inside a sub-project.
    InSubproject,
}

/// What `schema` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    UnknownField {
        name: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },
    /// A year's progress, or a field of one, pasted outside `"progress"`.
    MisplacedProgress {
        name: String,
        place: Misplaced,
    },
    MissingField {
        name: String,
        description: Option<String>,
    },
    WrongType {
        field: Field,
        expected: Vec<JsonType>,
        found: JsonType,
        /// How to turn the value into the type needed, for the usual slips.
        retype: Option<Retype>,
        description: Option<String>,
    },
    EmptyText {
        field: Field,
        required: bool,
        /// The field's description in the schema, which says what to write.
        description: Option<String>,
    },
    TooLong {
        field: Field,
        length: usize,
        limit: u64,
    },
    /// A list longer than the schema allows (`maxItems`: a plan's departments or sub-projects).
    TooMany {
        field: Field,
        count: usize,
        limit: u64,
    },
    /// An `id` in the form `G-I-N` whose plan number is past the most an action area holds.
    PlanNumberTooHigh {
        id: PlanId,
        limit: u32,
    },
    /// An `id` that is not `G-I-N`, with the id it was probably meant to be.
    BadId {
        value: String,
        fix: IdFix,
    },
    BadPattern {
        field: Field,
        value: String,
        description: Option<String>,
    },
    EmptyList {
        field: Field,
        required: bool,
    },
    RepeatedEntry {
        field: Field,
        entry: Entry,
    },
    BelowMinimum {
        field: Field,
        limit: String,
    },
    /// A value that is not one of the schema's choices.
    NotAChoice {
        field: Field,
        found: String,
        choices: Vec<String>,
        description: Option<String>,
    },
    /// Any other schema keyword, by name.
    SchemaOther {
        field: Field,
        keyword: String,
        description: Option<String>,
    },
    /// The evaluation scale has fewer than 2 or more than 9 levels.
    ScaleLength {
        levels: usize,
    },
    /// A year of the period outside 2000–2100.
    PeriodYear {
        field: Field,
        value: String,
    },
    /// A year's entry (`status`, `summary`) written straight into `progress`, without its year.
    EntryWithoutYear,
    /// A key of a plan's `progress` that is not a fiscal year in four digits.
    BadYear {
        value: String,
    },
}

/// How a value of one type is turned into the type its field needs, for the usual slips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retype {
    /// `"true"`: take the quotes away.
    UnquoteBoolean,
    /// `"19"`: take the quotes away.
    UnquoteNumber,
    /// `"未定"` or `null` where a number goes: leave the field out until the figure is known.
    LeaveOutNumber,
    /// `"令和8年度"` where a year goes: the year in the Western calendar.
    Western(i64),
    /// `"課"` where a list is needed: put it in `[ ]`.
    Bracket,
    /// `19` where a text is needed: put it in quotes.
    Quote,
}

impl Retype {
    /// The fix for a value of type `found` where `expected` alone is allowed.
    fn of(
        expected: &[JsonType],
        found: JsonType,
        value: &serde_json::Value,
        required: bool,
    ) -> Option<Retype> {
        use JsonType as J;
        // A figure typed as text (「19」, 「１９」, 「1,200」), or words (「未定」).
        let figure = value.as_str().is_some_and(|s| {
            let digits: String = s
                .chars()
                .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
                .map(|c| match c {
                    '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                    '．' => '.',
                    '－' => '-',
                    c => c,
                })
                .collect();
            !digits.is_empty() && digits.parse::<f64>().is_ok()
        });
        Some(match (expected_first(expected)?, found) {
            (J::Boolean, J::String) => Retype::UnquoteBoolean,
            (J::Integer | J::Number, J::String) if figure => Retype::UnquoteNumber,
            // A year written in the Japanese era (「令和8年度」): the same year in the
            // Western calendar.
            (J::Integer | J::Number, J::String)
                if value.as_str().and_then(western_year).is_some() =>
            {
                Retype::Western(value.as_str().and_then(western_year).unwrap_or_default())
            }
            (J::Integer | J::Number, J::String | J::Null) if !required => Retype::LeaveOutNumber,
            (J::Array, J::String) => Retype::Bracket,
            (J::String, J::Integer | J::Number) => Retype::Quote,
            _ => return None,
        })
    }

    fn ja(self) -> String {
        match self {
            Retype::UnquoteBoolean => {
                "\" を消して、true か false だけを書いてください（例: \"and_others\": true）。".into()
            }
            Retype::UnquoteNumber => "\" を消して、半角の数字だけを書いてください（例: 19）。".into(),
            Retype::LeaveOutNumber => {
                "数がまだ決まっていない・分からないときは、この項目ごと書きません（消したあと、残った項目どうしの間にカンマが 1 つずつあるようにします）。数が分かっているときは、半角の数字だけを \" で囲まずに書いてください（例: 19）。".into()
            }
            Retype::Western(year) => format!(
                "年度は西暦の半角数字で、\" で囲まずに書きます。{year} と書いてください。"
            ),
            Retype::Bracket => "[ ] で囲んでください（例: [\"〇〇課\"]）。".into(),
            Retype::Quote => "前後を半角の \" で囲んでください。".into(),
        }
    }

    fn en(self) -> String {
        match self {
            Retype::UnquoteBoolean => {
                "remove the quotes: write true or false alone (e.g. \"and_others\": true)".into()
            }
            Retype::UnquoteNumber => {
                "remove the quotes: write the number alone, in half-width digits (e.g. 19)".into()
            }
            Retype::LeaveOutNumber => {
                "while the figure is not decided or not known, leave the field out (so that one comma stands between each two fields left); once it is known, write the number alone, in half-width digits, without quotes (e.g. 19)".into()
            }
            Retype::Western(year) => format!(
                "a fiscal year is written in the Western calendar, in half-width digits, without quotes: write {year}"
            ),
            Retype::Bracket => "put it in [ ] (e.g. [\"〇〇課\"])".into(),
            Retype::Quote => "put it in straight double quotes".into(),
        }
    }
}

/// The Western year of a year written in the Japanese era: 「令和8年度」, 「令和８年」, 「R8」 →
/// 2026; 「令和元年度」 → 2019.
fn western_year(text: &str) -> Option<i64> {
    use unicode_normalization::UnicodeNormalization;
    let t: String = text.nfkc().filter(|c| !c.is_whitespace()).collect();
    let rest = t
        .strip_prefix("令和")
        .or_else(|| t.strip_prefix('R'))
        .or_else(|| t.strip_prefix('r'))?;
    let rest = rest.trim_end_matches("年度").trim_end_matches('年');
    let n: i64 = if rest == "元" { 1 } else { rest.parse().ok()? };
    (1..=80).contains(&n).then_some(2018 + n)
}

/// What is wrong with an `id` that is not `G-I-N`, and the id it was probably meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdFix {
    /// The id with spaces before or after it.
    Spaces(PlanId),
    /// The id in full-width letters, digits or punctuation (U+FF01–U+FF5E).
    HalfWidth(PlanId),
    /// Another form of the id (`1-1-02`), or the file's own name.
    Form(PlanId),
    /// Nothing to go by.
    Unknown,
}

impl IdFix {
    fn of(value: &str, suggestion: Option<PlanId>) -> IdFix {
        match suggestion {
            Some(id) if value.trim() != value && PlanId::parse(value.trim()) == Some(id) => {
                IdFix::Spaces(id)
            }
            Some(id)
                if value
                    .chars()
                    .any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c)) =>
            {
                IdFix::HalfWidth(id)
            }
            Some(id) => IdFix::Form(id),
            None => IdFix::Unknown,
        }
    }
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    // The schema's description of a field, as the messages quote it.
    const DESCRIPTION: &str =
        "文書の「計」の計画数。 / The document's count of plans for this goal (計).";
    vec![
        Said::MisplacedProgress {
            name: s("2026"),
            place: Misplaced::Year,
        },
        Said::MisplacedProgress {
            name: s("status"),
            place: Misplaced::YearField,
        },
        Said::MisplacedProgress {
            name: s("progress"),
            place: Misplaced::InSubproject,
        },
        Said::UnknownField {
            name: s("titel"),
            suggestion: Some(s("title")),
            allowed: vec![s("id"), s("title"), s("departments")],
        },
        Said::UnknownField {
            name: s("note"),
            suggestion: None,
            allowed: vec![s("name")],
        },
        Said::UnknownField {
            name: s("note"),
            suggestion: None,
            allowed: vec![],
        },
        Said::MissingField {
            name: s("expected_plans"),
            description: Some(s(DESCRIPTION)),
        },
        Said::MissingField {
            name: s("title"),
            description: None,
        },
        Said::WrongType {
            field: named("and_others"),
            expected: vec![JsonType::Boolean],
            found: JsonType::String,
            retype: Some(Retype::UnquoteBoolean),
            description: None,
        },
        Said::WrongType {
            field: named("expected_plans"),
            expected: vec![JsonType::Integer],
            found: JsonType::String,
            retype: Some(Retype::UnquoteNumber),
            description: None,
        },
        Said::WrongType {
            field: named("actual"),
            expected: vec![JsonType::Number],
            found: JsonType::String,
            retype: Some(Retype::LeaveOutNumber),
            description: None,
        },
        Said::WrongType {
            field: named("from"),
            expected: vec![JsonType::Integer],
            found: JsonType::String,
            retype: Some(Retype::Western(2026)),
            description: None,
        },
        Said::WrongType {
            field: named("departments"),
            expected: vec![JsonType::Array],
            found: JsonType::String,
            retype: Some(Retype::Bracket),
            description: None,
        },
        Said::WrongType {
            field: Field::Entry {
                of: Some(s("departments")),
                index: 1,
            },
            expected: vec![JsonType::String],
            found: JsonType::Integer,
            retype: Some(Retype::Quote),
            description: None,
        },
        Said::WrongType {
            field: Field::File,
            expected: vec![JsonType::Object],
            found: JsonType::Array,
            retype: None,
            description: Some(s(DESCRIPTION)),
        },
        Said::EmptyText {
            field: named("title"),
            required: true,
            description: None,
        },
        Said::EmptyText {
            field: named("summary"),
            required: true,
            description: Some(s(DESCRIPTION)),
        },
        Said::EmptyText {
            field: Field::Entry { of: None, index: 0 },
            required: false,
            description: None,
        },
        Said::EmptyText {
            field: named("unit"),
            required: false,
            description: Some(s(DESCRIPTION)),
        },
        Said::TooLong {
            field: named("title"),
            length: 250,
            limit: 200,
        },
        Said::TooMany {
            field: named("subprojects"),
            count: 90_000,
            limit: 30,
        },
        Said::PlanNumberTooHigh {
            id: id(1, 3, 51),
            limit: 50,
        },
        Said::BadId {
            value: s(" 1-1-2"),
            fix: IdFix::Spaces(id(1, 1, 2)),
        },
        Said::BadId {
            value: s("１-１-２"),
            fix: IdFix::HalfWidth(id(1, 1, 2)),
        },
        Said::BadId {
            value: s("1-1-02"),
            fix: IdFix::Form(id(1, 1, 2)),
        },
        Said::BadId {
            value: s("1_1_2"),
            fix: IdFix::Unknown,
        },
        Said::BadPattern {
            field: named("code"),
            value: s("x"),
            description: None,
        },
        Said::EmptyList {
            field: named("departments"),
            required: true,
        },
        Said::EmptyList {
            field: named("subprojects"),
            required: false,
        },
        Said::RepeatedEntry {
            field: named("departments"),
            entry: Entry::Text(s("試験企画課")),
        },
        Said::RepeatedEntry {
            field: named("numbers"),
            entry: Entry::Json(s("1")),
        },
        Said::BelowMinimum {
            field: named("number"),
            limit: s("1"),
        },
        Said::NotAChoice {
            field: named("by"),
            found: s("department"),
            choices: vec![s("section"), s("committee")],
            description: Some(s("だれのコメントか: section（計画を所管する課）か committee（推進委員会）。 / Whose comment: section or committee.")),
        },
        Said::SchemaOther {
            field: named("title"),
            keyword: s("format"),
            description: None,
        },
        Said::BadYear {
            value: s("令和8")
        },
        Said::EntryWithoutYear,
        Said::ScaleLength { levels: 1 },
        Said::PeriodYear {
            field: Field::Named(s("from")),
            value: s("8"),
        },
    ]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::UnknownField {
                name,
                suggestion,
                allowed,
            } => {
                let allowed: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
                let allowed = allowed.join("、");
                let hint = match suggestion {
                    Some(s) => {
                        format!("\"{s}\" のことでしょうか。ここに書ける項目は {allowed} です。")
                    }
                    None if allowed.is_empty() => "この項目を消してください。".to_string(),
                    None => {
                        format!("この項目を消してください。ここに書ける項目は {allowed} です。")
                    }
                };
                with_hint(format!("\"{name}\" という項目は使えません。"), hint)
            }
            Self::MisplacedProgress { name, place } => match place {
                Misplaced::Year => with_hint(
                    format!("\"{name}\" は年度の進捗ですが、\"progress\" の外に書かれています。"),
                    format!("\"progress\": {{ … }} の中に移してください（\"progress\" がまだなければ、\"progress\": {{ \"{name}\": {{ … }} }} の形にします）。手元では `plans fix` でも直せます。"),
                ),
                Misplaced::YearField => with_hint(
                    format!("\"{name}\" は年度の進捗の項目ですが、年度の外（ファイルの一番外側）に書かれています。"),
                    "\"progress\": { \"2026\": { … } } のように、その年度の { } の中に移してください。報告する年度のものなら、手元では `plans fix` でも直せます。",
                ),
                Misplaced::InSubproject => with_hint(
                    "個別事業の中に \"progress\" が書かれています。",
                    "進捗は計画ごとに書きます。この \"progress\" を、ファイルの一番外側の { } の中（\"departments\" と同じ段）に移してください。手元では `plans fix` でも直せます。",
                ),
            },
            Self::MissingField { name, description } => with_hint(
                format!("必須の項目 \"{name}\" がありません。"),
                match description {
                    Some(_) => format!(
                        "\"{name}\" を書き加えてください。{}",
                        field_hint(description.as_deref())
                    ),
                    None => field_hint(None),
                },
            ),
            Self::WrongType {
                field,
                expected,
                found,
                retype,
                description,
            } => {
                let names: Vec<&str> = expected.iter().map(|e| type_name(*e)).collect();
                with_hint(
                    format!(
                        "{}には{}を書きますが、{}が書かれています。",
                        field_name(field),
                        spaced(&names.join("または")),
                        before_particle(type_name(*found))
                    ),
                    match retype {
                        Some(fix) => fix.ja(),
                        None => field_hint(description.as_deref()),
                    },
                )
            }
            Self::EmptyText {
                field,
                required,
                description,
            } => with_hint(
                format!("{}が空です。", field_name(field)),
                match (required, description) {
                    (true, Some(d)) => format!("この項目は必須です。{}", field_hint(Some(d))),
                    (false, Some(d)) => {
                        format!(
                            "内容を書くか、この項目ごと消してください。{}",
                            field_hint(Some(d))
                        )
                    }
                    (true, None) => "この項目は必須です。文書のとおりに書いてください。".into(),
                    (false, None) => "文書のとおりに書くか、この項目を消してください。".into(),
                },
            ),
            Self::TooLong {
                field,
                length,
                limit,
            } => with_hint(
                format!(
                    "{}が {length} 文字あります。{limit} 文字までです。",
                    field_name(field)
                ),
                // A summary is the department's own words; a name is the document's, so a long one
                // is most often two values run together.
                if matches!(field, Field::Named(n) if n == "summary") {
                    format!("{limit} 文字以内にまとめてください。")
                } else {
                    "二つの値がつながっていないか確かめてください。".to_string()
                },
            ),
            Self::TooMany {
                field,
                count,
                limit,
            } => with_hint(
                format!(
                    "{}に {count} 件あります。{limit} 件までです。",
                    field_name(field)
                ),
                "文書と見比べて、ほかの計画の内容や、同じものの繰り返しが紛れ込んでいないか確かめてください。",
            ),
            Self::PlanNumberTooHigh { id, limit } => with_hint(
                format!(
                    "計画番号 \"{id}\" の計画の番号 {} が大きすぎます。1 つの取組事項の計画は {limit} 件まで（①から㊿まで）です。",
                    id.number
                ),
                "番号の打ち間違いなら、ファイル名と \"id\" を同じ正しい番号に直してください。",
            ),
            Self::BadId { value, fix } => match fix {
                IdFix::Spaces(id) => with_hint(
                    format!("\"id\" の値 \"{value}\" は、番号の前か後ろに空白があります。"),
                    format!("空白を消して \"{id}\" としてください。"),
                ),
                IdFix::HalfWidth(id) => with_hint(
                    format!("\"id\" の値 \"{value}\" が全角の文字で書かれています。"),
                    format!("半角の数字とハイフンで \"{id}\" と書いてください。"),
                ),
                IdFix::Form(id) => with_hint(
                    format!("\"id\" の値 \"{value}\" が G-I-N の形になっていません。"),
                    format!(
                        "計画番号は、ファイル名と同じく「重点推進目標-取組事項-計画」の番号をハイフンでつないで \"{id}\" と書いてください。"
                    ),
                ),
                IdFix::Unknown => with_hint(
                    format!("\"id\" の値 \"{value}\" が G-I-N の形になっていません。"),
                    "計画番号は、ファイル名と同じく「重点推進目標-取組事項-計画」の番号を半角の数字とハイフンでつないで、\"1-3-1\" のように書いてください（① は 1 です）。",
                ),
            },
            Self::BadPattern {
                field,
                value,
                description,
            } => with_hint(
                format!(
                    "{}の値 \"{value}\" の形が正しくありません。",
                    field_name(field)
                ),
                field_hint(description.as_deref()),
            ),
            Self::EmptyList { field, required } => with_hint(
                format!("{}が空のリストです。", field_name(field)),
                if *required {
                    "この項目は必須です。少なくとも 1 件書いてください。"
                } else {
                    "少なくとも 1 件書くか、この項目を消してください。"
                },
            ),
            Self::RepeatedEntry { field, entry } => with_hint(
                format!(
                    "{}に{}が 2 回以上あります。",
                    field_name(field),
                    spaced(&entry_text(entry))
                ),
                "それぞれ 1 回だけ、文書の順で最初に出てくる位置に残してください。",
            ),
            Self::BelowMinimum { field, limit } => with_hint(
                format!("{}は {limit} 以上にしてください。", field_name(field)),
                "番号は 1 から始まります。件数は 0 でもかまいません。",
            ),
            Self::NotAChoice {
                field,
                found,
                choices,
                description,
            } => with_hint(
                format!(
                    "{}に「{found}」は書けません。{} のどれかを書きます。",
                    field_name(field),
                    choices.join("、")
                ),
                field_hint(description.as_deref()),
            ),
            Self::SchemaOther {
                field,
                keyword,
                description,
            } => with_hint(
                format!(
                    "{}がスキーマの規則 \"{keyword}\" に合っていません。",
                    field_name(field)
                ),
                field_hint(description.as_deref()),
            ),
            Self::ScaleLength { levels } => with_hint(
                format!("評価の段階が {levels} 段階です。"),
                "評価の段階は 2 段階から 9 段階までで書きます。",
            ),
            Self::PeriodYear { field, value } => with_hint(
                format!("{}の {value} は年度として使えません。", field_name(field)),
                "計画期間の年度は、2000 から 2100 までの西暦で書きます（例: 2026）。令和の年ではなく西暦です。",
            ),
            Self::EntryWithoutYear => with_hint(
                "進捗の中に、年度がないまま \"status\" や \"summary\" が書かれています。",
                "年度ごとに { } で囲み、\"progress\": { \"2026\": { \"status\": \"A\", \"summary\": \"…\" } } のように年度を付けてください。",
            ),
            Self::BadYear { value } => with_hint(
                format!("「{value}」は年度として読めません。"),
                "進捗の年度は \"2026\" のように、西暦の半角数字 4 桁を \" で囲んで書きます（令和の年ではなく西暦です）。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::UnknownField {
                name,
                suggestion,
                allowed,
            } => {
                let allowed = allowed.join(", ");
                let hint = match suggestion {
                    Some(s) => {
                        format!("did you mean \"{s}\"? the fields allowed here are: {allowed}")
                    }
                    None if allowed.is_empty() => "remove this field".to_string(),
                    None => format!("remove it; the fields allowed here are: {allowed}"),
                };
                with_hint(format!("unknown field \"{name}\""), hint)
            }
            Self::MisplacedProgress { name, place } => match place {
                Misplaced::Year => with_hint(
                    format!("\"{name}\" is a year's progress, written outside \"progress\""),
                    format!("move it inside \"progress\": {{ … }} (without \"progress\" yet, write \"progress\": {{ \"{name}\": {{ … }} }}); `plans fix` mends it too"),
                ),
                Misplaced::YearField => with_hint(
                    format!("\"{name}\" is a field of a year's progress, written outside its year (at the top of the file)"),
                    "move it inside its year's { }, as in \"progress\": { \"2026\": { … } }; for the year being reported, `plans fix` mends it too",
                ),
                Misplaced::InSubproject => with_hint(
                    "a sub-project holds \"progress\"",
                    "progress is written per plan: move this \"progress\" to the file's outermost { } (beside \"departments\"); `plans fix` mends it too",
                ),
            },
            Self::MissingField { name, description } => with_hint(
                format!("the required field \"{name}\" is missing"),
                match description {
                    Some(d) => format!("add \"{name}\": {}", description_in(d, Lang::En)),
                    None => field_hint(None),
                },
            ),
            Self::WrongType {
                field,
                expected,
                found,
                retype,
                description,
            } => {
                let names: Vec<&str> = expected.iter().map(|e| type_name(*e)).collect();
                with_hint(
                    format!(
                        "{} must be {}, but it is {}",
                        field_name(field),
                        names.join(" or "),
                        type_name(*found)
                    ),
                    match retype {
                        Some(fix) => fix.en(),
                        None => field_hint(description.as_deref()),
                    },
                )
            }
            Self::EmptyText {
                field,
                required,
                description,
            } => with_hint(
                format!("{} is empty", field_name(field)),
                match (required, description) {
                    (true, Some(d)) => {
                        format!("this field is required: {}", description_in(d, Lang::En))
                    }
                    (false, Some(d)) => format!(
                        "write it, or remove the field: {}",
                        description_in(d, Lang::En)
                    ),
                    (true, None) => {
                        "this field is required: write the text as the document gives it".into()
                    }
                    (false, None) => {
                        "write the text as the document gives it, or remove the field".into()
                    }
                },
            ),
            Self::TooLong {
                field,
                length,
                limit,
            } => with_hint(
                format!(
                    "{} is {length} characters long; at most {limit} are allowed",
                    field_name(field)
                ),
                if matches!(field, Field::Named(n) if n == "summary") {
                    format!("shorten it to {limit} characters or fewer")
                } else {
                    "check that two values have not run together".to_string()
                },
            ),
            Self::TooMany {
                field,
                count,
                limit,
            } => with_hint(
                format!(
                    "{} has {count} entries; at most {limit} are allowed",
                    field_name(field)
                ),
                "compare it with the document: entries of another plan, or the same entry repeated, may have been pasted in",
            ),
            Self::PlanNumberTooHigh { id, limit } => with_hint(
                format!(
                    "the plan number {} of \"{id}\" is too high: an action area holds at most {limit} plans (① to ㊿)",
                    id.number
                ),
                "if the number is mistyped, correct the file name and \"id\" to the same right number",
            ),
            Self::BadId { value, fix } => match fix {
                IdFix::Spaces(id) => with_hint(
                    format!("the id \"{value}\" has a space before or after the number"),
                    format!("remove the space: \"{id}\""),
                ),
                IdFix::HalfWidth(id) => with_hint(
                    format!("the id \"{value}\" is written with full-width characters"),
                    format!("write it with half-width (ASCII) digits and hyphens: \"{id}\""),
                ),
                IdFix::Form(id) => with_hint(
                    format!("the id \"{value}\" is not in the form G-I-N"),
                    format!(
                        "write the plan's number as goal-area-plan with hyphens, the same as the file's name: \"{id}\""
                    ),
                ),
                IdFix::Unknown => with_hint(
                    format!("the id \"{value}\" is not in the form G-I-N"),
                    "write the plan's number as goal-area-plan with half-width digits and hyphens, like \"1-3-1\" (① is 1), the same as the file's name",
                ),
            },
            Self::BadPattern {
                field,
                value,
                description,
            } => with_hint(
                format!("{} \"{value}\" is not in the right form", field_name(field)),
                field_hint(description.as_deref()),
            ),
            Self::EmptyList { field, required } => with_hint(
                format!("{} is an empty list", field_name(field)),
                if *required {
                    "this field is required: write at least one entry"
                } else {
                    "write at least one entry, or remove the field"
                },
            ),
            Self::RepeatedEntry { field, entry } => with_hint(
                format!(
                    "{} names {} more than once",
                    field_name(field),
                    entry_text(entry)
                ),
                "keep each entry once, at its first place in the document's order",
            ),
            Self::BelowMinimum { field, limit } => with_hint(
                format!("{} must be at least {limit}", field_name(field)),
                "numbers start at 1; a count can be 0",
            ),
            Self::NotAChoice {
                field,
                found,
                choices,
                description,
            } => with_hint(
                format!(
                    "「{found}」 is not a value of {}: write one of {}",
                    field_name(field),
                    choices.join(", ")
                ),
                field_hint(description.as_deref()),
            ),
            Self::SchemaOther {
                field,
                keyword,
                description,
            } => with_hint(
                format!(
                    "{} breaks the schema's rule \"{keyword}\"",
                    field_name(field)
                ),
                field_hint(description.as_deref()),
            ),
            Self::ScaleLength { levels } => with_hint(
                format!(
                    "the scale has {levels} {}",
                    if *levels == 1 { "level" } else { "levels" }
                ),
                "write a scale of 2 to 9 levels",
            ),
            Self::PeriodYear { field, value } => with_hint(
                format!("{value} in {} cannot be a fiscal year", field_name(field)),
                "write the period's years as Western years from 2000 to 2100 (for example 2026), not Reiwa years",
            ),
            Self::EntryWithoutYear => with_hint(
                "\"status\" or \"summary\" is written in progress without its year",
                "wrap each year's entry with its year: \"progress\": { \"2026\": { \"status\": \"A\", \"summary\": \"…\" } }",
            ),
            Self::BadYear { value } => with_hint(
                format!("「{value}」 is not a fiscal year"),
                "write the year of progress as four half-width digits in quotes, like \"2026\" (the Western year, not the Reiwa year)",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_year_of_the_japanese_era_is_read_as_its_western_year() {
        for (text, year) in [
            ("令和8年度", Some(2026)),
            ("令和８年", Some(2026)),
            ("R11", Some(2029)),
            ("令和元年度", Some(2019)),
            ("平成30年度", None),
            ("未定", None),
        ] {
            assert_eq!(super::western_year(text), year, "{text}");
        }
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
            Some("その年度の結果（担当課の言葉で）。段落に分けるときは \\n で区切ります。")
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
