//! The README's rule tables and the contributor's guide are the registry's: every rule, its
//! severity, summary and fix, in Japanese (and in English in the README), in registry order.

mod common;

use plans::check::rules::RULES;
use plans::diagnostic::Severity;

/// The table the README must hold, in Japanese (`ja`) or English.
fn table(ja: bool) -> String {
    let mut out = if ja {
        "| 規則 | 意味 | 直し方 |\n| --- | --- | --- |\n".to_string()
    } else {
        "| rule | ensures | how to fix |\n| --- | --- | --- |\n".to_string()
    };
    for rule in RULES {
        let warning = match (rule.severity, ja) {
            (Severity::Error, _) => "",
            (Severity::Warning, true) => "（警告）",
            (Severity::Warning, false) => " (warning)",
        };
        let (summary, fix) = if ja {
            (rule.summary.ja, rule.fix.ja)
        } else {
            (rule.summary.en, rule.fix.en)
        };
        out.push_str(&format!("| `{}`{warning} | {summary} | {fix} |\n", rule.id));
    }
    out
}

#[test]
fn the_readme_rule_tables_are_the_registry() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for ja in [true, false] {
        let expected = table(ja);
        assert!(
            readme.contains(&expected),
            "README.md must contain this table (from src/check/rules.rs):\n\n{expected}"
        );
    }
}

/// The rule section of CONTRIBUTING.md: each rule's heading and its two lines, in order.
fn contributing_rules(text: &str) -> Vec<String> {
    let section = text
        .split("\n## 検査の規則と直し方\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_default();
    section
        .lines()
        .filter(|l| {
            l.starts_with("### ") || l.starts_with("- 意味: ") || l.starts_with("- 直し方: ")
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_contributors_guide_explains_every_rule_in_the_registrys_words() {
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/CONTRIBUTING.md")).unwrap();
    let mut expected = Vec::new();
    for rule in RULES {
        let warning = match rule.severity {
            Severity::Error => "",
            Severity::Warning => "（警告）",
        };
        expected.push(format!("### `{}`{warning}", rule.id));
        expected.push(format!("- 意味: {}", rule.summary.ja));
        expected.push(format!("- 直し方: {}", rule.fix.ja));
    }
    assert_eq!(
        contributing_rules(&guide),
        expected,
        "CONTRIBUTING.md's section 「検査の規則と直し方」 must give every rule of \
         src/check/rules.rs, in its order, with its summary and fix"
    );
}

#[test]
fn the_contributors_guide_counts_the_rules_right() {
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/CONTRIBUTING.md")).unwrap();
    for said in [
        format!("検査の規則は {} あります", RULES.len()),
        format!("{} の規則ですべてのファイルを検査し", RULES.len()),
    ] {
        assert!(guide.contains(&said), "CONTRIBUTING.md must say 「{said}」");
    }
}

/// Every `description` in a schema, with its JSON Pointer.
fn descriptions(value: &serde_json::Value, at: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("description", serde_json::Value::String(d)) => {
                        out.push((at.clone(), d.clone()))
                    }
                    _ => descriptions(v, format!("{at}/{key}"), out),
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                descriptions(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The command line's hints quote a field's description in the chosen language: each is
/// 「日本語 / English」, and the editor's `markdownDescription` is there beside it.
#[test]
fn every_schema_description_is_japanese_then_english() {
    let kana = |s: &str| s.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c));
    for name in ["plan", "outline", "departments"] {
        let path = format!("{}/schema/{name}.schema.json", env!("CARGO_MANIFEST_DIR"));
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut found = Vec::new();
        descriptions(&schema, String::new(), &mut found);
        assert!(!found.is_empty(), "{path}");
        for (at, description) in found {
            let (ja, en) = description
                .split_once(" / ")
                .unwrap_or_else(|| panic!("{path}{at}: not 「日本語 / English」: {description}"));
            let japanese = ja.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) || kana(ja);
            assert!(japanese, "{path}{at}: the first half is not Japanese: {ja}");
            let outside: String = en
                .split('「')
                .map(|p| p.split_once('」').map_or(p, |(_, r)| r))
                .collect();
            assert!(
                !kana(&outside),
                "{path}{at}: the second half is not English: {en}"
            );
            let node = schema.pointer(&at).unwrap_or(&schema);
            assert!(
                node.get("markdownDescription").is_some(),
                "{path}{at}: no markdownDescription for the editor"
            );
        }
    }
}

/// The JSON examples of the guide's 「進捗の報告」, in order: the outline's `"progress"`, then a
/// plan's.
fn progress_examples() -> Vec<String> {
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/CONTRIBUTING.md")).unwrap();
    let start = guide
        .find("\n## 進捗の報告")
        .expect("the section 「進捗の報告」");
    let section = &guide[start + 1..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    section
        .split("```json\n")
        .skip(1)
        .map(|block| block[..block.find("```").expect("a closed block")].to_string())
        .collect()
}

/// Done as the guide says, on canonical files: the outline's progress pasted after `"goals"`
/// and a plan's after its last field, each with the comma before it, pass `check` and
/// `fmt --check` (CI runs both) as they are.
#[test]
fn the_guides_progress_examples_pass_check_and_fmt_as_pasted() {
    let examples = progress_examples();
    let [outline, plan] = examples.as_slice() else {
        panic!("two JSON examples, the outline's and a plan's: {examples:?}");
    };
    let f = common::Fixture::copy_of("sample");
    assert_eq!(f.run(&["fmt"]).code, 0);
    common::append_field(&f, "plans/outline.json", outline);
    common::append_field(&f, "plans/goal-1/1-1-1.json", plan);
    for args in [
        &["check", "--lang", "ja"][..],
        &["fmt", "--check", "--lang", "ja"],
    ] {
        let run = f.run(args);
        assert_eq!(run.code, 0, "{args:?}\n{}{}", run.stdout, run.stderr);
    }
}
