//! The registry: every rule, once, in the order of the docs (`plans rules`). A rule is one
//! file beside this one (its id, severity, words for the docs, its check and its messages in
//! Japanese and English); adding one is a new file and a line in the `registry!` below.

pub mod rule;

pub use rule::{Rule, Run};

use crate::facts::text::TextCheck;

/// Declares each rule's file as a module and lists its `RULE` in [`RULES`], in one place.
macro_rules! registry {
    ($($rule:ident),* $(,)?) => {
        $(pub mod $rule;)*

        /// Every rule, in the order of the docs.
        pub static RULES: &[&Rule] = &[$(&$rule::RULE),*];
    };
}

registry![
    file_read,
    non_json_file,
    json_syntax,
    schema,
    file_location,
    unique_ids,
    outline_refs,
    numbering,
    counts,
    plan_life,
    known_departments,
    subproject_departments,
    unused_departments,
    unique_departments,
    text_hygiene,
    unique_titles,
    line_wrap_space,
    progress_setup,
    progress_enabled,
    progress_years,
    progress_status,
    progress_indicators,
    progress_placeholders,
];

/// The rules on each string ([`Run::Text`]), in the registry's order: every file's strings
/// are walked once for all of them.
pub static TEXT_RULES: std::sync::LazyLock<Vec<TextCheck>> = std::sync::LazyLock::new(|| {
    RULES
        .iter()
        .filter_map(|rule| match rule.run {
            Run::Text(run) => Some(run),
            _ => None,
        })
        .collect()
});

/// The rule with this id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        for (i, rule) in RULES.iter().enumerate() {
            assert!(
                rule.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                rule.id
            );
            assert!(RULES[..i].iter().all(|r| r.id != rule.id), "{}", rule.id);
        }
    }

    #[test]
    fn a_quiet_string_gives_no_rule_anything_to_say() {
        use crate::facts::document::{Document, Notes};
        use crate::facts::schema::FileSchema;
        use crate::facts::text::{Step, is_plain, quiet};
        let doc = Document {
            path: "plans/goal-1/1-1-1.json".to_string(),
            text: "{}",
            value: serde_json::Value::Null,
            notes: Notes {
                repeated_keys: false,
                quiet_text: false,
            },
            schema: FileSchema::Plan,
        };
        let path = [Step::Key("title")];
        let mut out = Vec::new();
        // Every plain character but the space, alone and between Japanese letters.
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| is_plain(*c) && *c != ' ')
        {
            for s in [c.to_string(), format!("あ{c}漢"), format!("{c}{c}")] {
                assert!(quiet(&s));
                for rule in TEXT_RULES.iter() {
                    rule(&doc, &path, &s, &mut out);
                }
                assert!(out.is_empty(), "{s:?}: {out:?}");
            }
        }
    }
}
