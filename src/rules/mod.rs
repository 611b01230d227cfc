//! The registry: every rule, once, in the order of the docs (`plans rules`). A rule is one
//! file beside this one (its id, severity, words for the docs, its check and its messages in
//! Japanese and English); adding one is a new file and a line in [`RULES`].

pub mod counts;
pub mod file_location;
pub mod file_read;
pub mod json_syntax;
pub mod known_departments;
pub mod line_wrap_space;
pub mod non_json_file;
pub mod numbering;
pub mod outline_refs;
pub mod progress_enabled;
pub mod progress_indicators;
pub mod progress_setup;
pub mod progress_status;
pub mod progress_years;
pub mod rule;
pub mod schema;
pub mod subproject_departments;
pub mod text_hygiene;
pub mod unique_departments;
pub mod unique_ids;
pub mod unique_titles;
pub mod unused_departments;

pub use rule::{Rule, Run, TextRule};

pub static RULES: [&Rule; 21] = [
    &file_read::RULE,
    &non_json_file::RULE,
    &json_syntax::RULE,
    &schema::RULE,
    &file_location::RULE,
    &unique_ids::RULE,
    &outline_refs::RULE,
    &numbering::RULE,
    &counts::RULE,
    &known_departments::RULE,
    &subproject_departments::RULE,
    &unused_departments::RULE,
    &unique_departments::RULE,
    &text_hygiene::RULE,
    &unique_titles::RULE,
    &line_wrap_space::RULE,
    &progress_setup::RULE,
    &progress_enabled::RULE,
    &progress_years::RULE,
    &progress_status::RULE,
    &progress_indicators::RULE,
];

/// The rules on each string ([`Run::Text`]), in the registry's order: every file's strings
/// are walked once for all of them.
pub static TEXT_RULES: std::sync::LazyLock<Vec<TextRule>> = std::sync::LazyLock::new(|| {
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
        use crate::facts::schema::Of;
        use crate::facts::text::{Step, is_plain, quiet};
        let doc = Document {
            path: "plans/goal-1/1-1-1.json".to_string(),
            text: "{}",
            value: serde_json::Value::Null,
            notes: Notes {
                repeated_keys: false,
                quiet_text: false,
            },
            of: Of::Plan,
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
