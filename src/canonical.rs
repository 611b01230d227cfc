//! The canonical form of a data file, as `plans fmt` writes it: 2-space indent, each value of
//! an object or a list on a line of its own, the keys of every object in the order its schema
//! lists them (keys the schema does not know after them, in the order written), lists in
//! their order, text in Unicode NFC and written as itself (no `\u` escapes but for control
//! characters), LF line ends, no BOM, one newline at the end.
//!
//! Formatting never changes what a file says: the text is read into a [`Tree`] that keeps
//! every key in its order (a key written twice stays twice, for `check` to report), and
//! written back from it.

use std::borrow::Cow;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::facts::schema::{DEPARTMENTS_SCHEMA, OUTLINE_SCHEMA, PLAN_SCHEMA};
use crate::json::{self, Scalar, Span};
use crate::model::{Kind, Special};

/// A JSON value with every object's keys in the order they were written.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Object(Vec<(String, Tree)>),
    Array(Vec<Tree>),
    /// A string, number, boolean or null.
    Scalar(Value),
}

/// The [`json::Build`] of a [`Tree`]; it notes a number that would be written back otherwise
/// than it is written (`1e2`, `72.50`, a number too large).
#[derive(Default)]
struct Read {
    number_changes: bool,
}

impl<'t> json::Build<'t> for Read {
    type Value = Tree;
    type Object = Vec<(String, Tree)>;
    type Array = Vec<Tree>;

    fn scalar(&mut self, scalar: Scalar<'t>, _: Span) -> Tree {
        Tree::Scalar(match scalar {
            Scalar::Null => Value::Null,
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::Number(literal) => {
                let n = json::number(&literal);
                if n.to_string() != literal {
                    self.number_changes = true;
                }
                Value::Number(n)
            }
            Scalar::String(s) => Value::String(s.into_owned()),
        })
    }
    fn object(&mut self) -> Self::Object {
        Vec::new()
    }
    fn member(&mut self, object: &mut Self::Object, key: Cow<'t, str>, _: Span, value: Tree) {
        object.push((key.into_owned(), value));
    }
    fn end_object(&mut self, object: Self::Object, _: Span) -> Tree {
        Tree::Object(object)
    }
    fn array(&mut self) -> Self::Array {
        Vec::new()
    }
    fn element(&mut self, array: &mut Self::Array, value: Tree) {
        array.push(value);
    }
    fn end_array(&mut self, array: Self::Array, _: Span) -> Tree {
        Tree::Array(array)
    }
}

/// The tree of a JSON text (a BOM at the start is skipped), and whether a number in it would
/// be written back otherwise.
fn read(text: &str) -> Result<(Tree, bool), json::Error> {
    let mut read = Read::default();
    let tree = json::parse(text.strip_prefix('\u{FEFF}').unwrap_or(text), &mut read).ok()?;
    Ok((tree, read.number_changes))
}

impl Tree {
    /// The tree of a JSON text (a BOM at the start is skipped).
    pub fn parse(text: &str) -> Result<Tree, json::Error> {
        read(text).map(|(tree, _)| tree)
    }
}

/// The key order a schema gives an object, and the shapes of its values and list items.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shape {
    keys: Vec<(String, Shape)>,
    items: Option<Box<Shape>>,
    /// The shape of the values of keys the schema does not list (`additionalProperties`,
    /// as the years of a plan's `progress`).
    values: Option<Box<Shape>>,
}

impl Shape {
    /// The shape a schema describes (its `properties` in order, through `$ref`s to `$defs`
    /// and `items`).
    pub fn of_schema(schema: &str) -> Shape {
        match Tree::parse(schema) {
            Ok(root) => shape(&root, &root, 0),
            Err(_) => Shape::default(),
        }
    }

    fn key(&self, name: &str) -> Option<&Shape> {
        self.keys
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, s)| s)
            .or(self.values.as_deref())
    }
}

/// The shapes of the three kinds of data file, read once from the schemas.
pub struct Shapes {
    plan: Shape,
    outline: Shape,
    register: Shape,
    other: Shape,
}

impl Shapes {
    pub fn new() -> Shapes {
        Shapes {
            plan: Shape::of_schema(PLAN_SCHEMA),
            outline: Shape::of_schema(OUTLINE_SCHEMA),
            register: Shape::of_schema(DEPARTMENTS_SCHEMA),
            other: Shape::default(),
        }
    }

    /// The shape of a file of this kind (a JSON file that is none of the three keeps its
    /// keys in the order written).
    pub fn of(&self, kind: &Kind) -> &Shape {
        match kind {
            Kind::Plan(_) | Kind::Misnamed(_) => &self.plan,
            Kind::Outline | Kind::Misplaced(Special::Outline) => &self.outline,
            Kind::Register | Kind::Misplaced(Special::Register) => &self.register,
            Kind::Other => &self.other,
        }
    }
}

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes::new()
    }
}

fn get<'a>(node: &'a Tree, key: &str) -> Option<&'a Tree> {
    match node {
        Tree::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// The schema node a local `$ref` (`#/$defs/name`) points to, or the node itself.
fn resolve<'a>(root: &'a Tree, node: &'a Tree) -> &'a Tree {
    let target = match get(node, "$ref") {
        Some(Tree::Scalar(Value::String(r))) => r.strip_prefix("#/"),
        _ => None,
    };
    match target {
        Some(path) => path
            .split('/')
            .try_fold(root, |n, part| get(n, part))
            .unwrap_or(node),
        None => node,
    }
}

fn shape(root: &Tree, node: &Tree, depth: usize) -> Shape {
    // The schemas nest a few levels; a `$ref` loop would not end.
    if depth > 16 {
        return Shape::default();
    }
    let node = resolve(root, node);
    let keys = match get(node, "properties") {
        Some(Tree::Object(properties)) => properties
            .iter()
            .map(|(name, schema)| (name.clone(), shape(root, schema, depth + 1)))
            .collect(),
        _ => Vec::new(),
    };
    let items = match get(node, "items") {
        Some(schema @ Tree::Object(_)) => Some(Box::new(shape(root, schema, depth + 1))),
        _ => None,
    };
    let values = match get(node, "additionalProperties") {
        Some(schema @ Tree::Object(_)) => Some(Box::new(shape(root, schema, depth + 1))),
        _ => None,
    };
    Shape {
        keys,
        items,
        values,
    }
}

/// The canonical text of `tree`, keys in the order of `shape`.
pub fn write(tree: &Tree, shape: &Shape) -> String {
    let mut out = String::new();
    write_value(tree, Some(shape), 0, &mut out);
    out.push('\n');
    out
}

/// Why a text has no canonical form.
#[derive(Debug)]
pub enum Unformatted {
    /// It is not JSON.
    NotJson(json::Error),
    /// It holds a number that would not be written back as it is written (`1e2`, `72.50`, a
    /// number too large), so the file is left alone.
    Number,
}

/// The canonical text of a JSON text, or why it has none.
pub fn canonical(text: &str, shape: &Shape) -> Result<String, Unformatted> {
    let (tree, number_changes) = read(text).map_err(Unformatted::NotJson)?;
    if number_changes {
        return Err(Unformatted::Number);
    }
    Ok(write(&tree, shape))
}

fn indent(level: usize, out: &mut String) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn string(s: &str, out: &mut String) {
    let s: String = s.nfc().collect();
    // serde_json escapes only `"`, `\` and control characters; everything else is itself.
    out.push_str(&serde_json::to_string(&s).unwrap_or_default());
}

fn write_value(tree: &Tree, shape: Option<&Shape>, level: usize, out: &mut String) {
    match tree {
        Tree::Scalar(Value::String(s)) => string(s, out),
        Tree::Scalar(v) => out.push_str(&v.to_string()),
        Tree::Array(items) if items.is_empty() => out.push_str("[]"),
        Tree::Array(items) => {
            let item_shape = shape.and_then(|s| s.items.as_deref());
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(level + 1, out);
                write_value(item, item_shape, level + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(level, out);
            out.push(']');
        }
        Tree::Object(entries) if entries.is_empty() => out.push_str("{}"),
        Tree::Object(entries) => {
            // Known keys in the schema's order, then the others as written; a key written
            // twice keeps both places, each in its group.
            let known = |k: &str| shape.is_some_and(|s| s.keys.iter().any(|(name, _)| name == k));
            let mut ordered: Vec<&(String, Tree)> = Vec::with_capacity(entries.len());
            if let Some(shape) = shape {
                for (name, _) in &shape.keys {
                    ordered.extend(entries.iter().filter(|(k, _)| k == name));
                }
            }
            ordered.extend(entries.iter().filter(|(k, _)| !known(k)));
            out.push_str("{\n");
            for (i, (key, value)) in ordered.iter().enumerate() {
                indent(level + 1, out);
                string(key, out);
                out.push_str(": ");
                write_value(value, shape.and_then(|s| s.key(key)), level + 1, out);
                out.push_str(if i + 1 < ordered.len() { ",\n" } else { "\n" });
            }
            indent(level, out);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Shape {
        Shape::of_schema(PLAN_SCHEMA)
    }

    const CANONICAL: &str = "{\n  \"id\": \"1-2-4\",\n  \"title\": \"架空の事務の見直し\",\n  \"departments\": [\n    \"架空課\",\n    \"架空第二課\"\n  ],\n  \"and_others\": true,\n  \"subprojects\": [\n    {\n      \"title\": \"架空の受付事業\",\n      \"departments\": [\n        \"架空課\"\n      ]\n    }\n  ]\n}\n";

    #[test]
    fn keys_follow_the_schema_and_lists_keep_their_order() {
        let messy = "\u{FEFF}{\"subprojects\":[{\"departments\":[\"架空課\"],\"title\":\"架空の受付事業\"}],\r\n\"and_others\":true,\"departments\":[\"架空課\",\"架空第二課\"],\"title\":\"\\u67b6\\u7a7a\\u306e\\u4e8b\\u52d9\\u306e\\u898b\\u76f4\\u3057\",\"id\":\"1-2-4\"}";
        assert_eq!(canonical(messy, &plan()).unwrap(), CANONICAL);
        assert_eq!(canonical(CANONICAL, &plan()).unwrap(), CANONICAL);
    }

    #[test]
    fn the_outline_keeps_its_action_areas_apart_from_the_keyword_items() {
        let outline = Shape::of_schema(OUTLINE_SCHEMA);
        let text = "{\"goals\":[{\"items\":[{\"title\":\"架空\",\"number\":1}],\"expected_plans\":1,\"title\":\"架空目標\",\"number\":1}],\"expected_total\":1,\"title\":\"架空計画\"}";
        assert_eq!(
            canonical(text, &outline).unwrap(),
            "{\n  \"title\": \"架空計画\",\n  \"expected_total\": 1,\n  \"goals\": [\n    {\n      \"number\": 1,\n      \"title\": \"架空目標\",\n      \"expected_plans\": 1,\n      \"items\": [\n        {\n          \"number\": 1,\n          \"title\": \"架空\"\n        }\n      ]\n    }\n  ]\n}\n"
        );
    }

    /// The years of `progress` are keys the schema does not list (`additionalProperties`):
    /// every year is kept, in the order written, and each entry gets the schema's order.
    #[test]
    fn every_year_of_progress_is_kept_in_its_order_with_its_entry_in_the_schemas() {
        let text = "{\"progress\":{\"2027\":{\"summary\":\"架空の結果\",\"status\":\"B\"},\"2026\":{\"indicators\":[{\"actual\":8,\"unit\":\"件\",\"name\":\"架空の件数\"}],\"status\":\"A\",\"summary\":\"架空\"}},\"id\":\"1-1-1\"}";
        assert_eq!(
            canonical(text, &plan()).unwrap(),
            "{\n  \"id\": \"1-1-1\",\n  \"progress\": {\n    \"2027\": {\n      \"status\": \"B\",\n      \"summary\": \"架空の結果\"\n    },\n    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"架空\",\n      \"indicators\": [\n        {\n          \"name\": \"架空の件数\",\n          \"unit\": \"件\",\n          \"actual\": 8\n        }\n      ]\n    }\n  }\n}\n"
        );
    }

    #[test]
    fn unknown_and_repeated_keys_are_kept() {
        let text = "{\"note\":1,\"title\":\"a\",\"id\":\"1-1-1\",\"title\":\"b\",\"departments\":[],\"x\":{}}";
        assert_eq!(
            canonical(text, &plan()).unwrap(),
            "{\n  \"id\": \"1-1-1\",\n  \"title\": \"a\",\n  \"title\": \"b\",\n  \"departments\": [],\n  \"note\": 1,\n  \"x\": {}\n}\n"
        );
    }

    #[test]
    fn text_is_nfc_and_control_characters_stay_escaped() {
        let text = "{\"title\":\"か\u{3099}\\n\\t\\\"\\\\\"}";
        assert_eq!(
            canonical(text, &plan()).unwrap(),
            "{\n  \"title\": \"が\\n\\t\\\"\\\\\"\n}\n"
        );
    }

    #[test]
    fn what_is_not_json_is_an_error() {
        assert!(matches!(
            canonical("{\"a\": 1,}", &plan()),
            Err(Unformatted::NotJson(_))
        ));
        assert!(matches!(
            canonical("", &plan()),
            Err(Unformatted::NotJson(_))
        ));
    }

    #[test]
    fn numbers_that_would_change_are_left_alone() {
        for number in [
            "1e2",
            "72.50",
            "1.5e0",
            "1e-400",
            "18446744073709551616",
            "1e20",
        ] {
            let text = format!("{{\"expected_total\": {number}}}");
            assert!(
                matches!(canonical(&text, &plan()), Err(Unformatted::Number)),
                "{number}"
            );
        }
        for number in [
            "0",
            "-1",
            "57",
            "18446744073709551615",
            "-9223372036854775808",
            // An indicator's value may have a fraction: written back as it is.
            "72.5",
            "1.0",
            "-0.0",
            "0.125",
        ] {
            let text = format!("{{\"expected_total\": {number}}}");
            assert_eq!(
                canonical(&text, &plan()).unwrap(),
                format!("{{\n  \"expected_total\": {number}\n}}\n")
            );
        }
    }
}
