//! The rule reference in the docs is the registry's: every region marked
//! `<!-- BEGIN plans rules --format markdown --lang L -->` … `<!-- END plans rules -->` in a
//! Markdown file of the repository holds exactly what `plans rules --format markdown --lang L`
//! prints. `UPDATE_DOCS=1 cargo test --test docs` rewrites the regions.

mod common;

use plans::commands::rules::{RulesFormat, reference};
use plans::messages::Lang;

const END: &str = "<!-- END plans rules -->";

/// The Markdown files that may hold a region: the top folder's and those under `docs/`.
fn markdown_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in [root.to_path_buf(), root.join("docs")] {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `text` with every region rewritten from the registry, and the languages of its regions.
fn regenerated(text: &str) -> (String, Vec<Lang>) {
    let mut out = String::new();
    let mut langs = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("<!-- BEGIN plans rules --format markdown --lang ") {
        let after = &rest[at..];
        let line_end = after.find('\n').expect("a BEGIN marker ends its line") + 1;
        let lang = match &after[..line_end] {
            "<!-- BEGIN plans rules --format markdown --lang ja -->\n" => Lang::Ja,
            "<!-- BEGIN plans rules --format markdown --lang en -->\n" => Lang::En,
            other => panic!("an unknown marker: {other}"),
        };
        let end = after.find(END).expect("every BEGIN marker has its END");
        out.push_str(&rest[..at + line_end]);
        out.push_str(&reference(RulesFormat::Markdown, lang));
        out.push_str(END);
        langs.push(lang);
        rest = &after[end + END.len()..];
    }
    out.push_str(rest);
    (out, langs)
}

#[test]
fn the_docs_rule_reference_is_the_registrys() {
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut langs = Vec::new();
    let mut stale = Vec::new();
    for path in markdown_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let (expected, found) = regenerated(&text);
        langs.extend(found);
        if expected != text {
            if update {
                std::fs::write(&path, expected).unwrap();
            } else {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the rule reference in {} differs from the registry (src/rules/mod.rs); \
         rewrite it with: UPDATE_DOCS=1 cargo test --test docs",
        stale.join(", ")
    );
    for lang in [Lang::Ja, Lang::En] {
        assert!(
            langs.contains(&lang),
            "no Markdown file holds the rule reference in {lang:?}"
        );
    }
}

#[test]
fn a_region_is_rewritten_whole_and_the_text_around_it_kept() {
    let text = "before\n<!-- BEGIN plans rules --format markdown --lang en -->\nstale\n<!-- END plans rules -->\nafter\n";
    let (out, langs) = regenerated(text);
    assert_eq!(langs, [Lang::En]);
    assert_eq!(
        out,
        format!(
            "before\n<!-- BEGIN plans rules --format markdown --lang en -->\n{}<!-- END plans rules -->\nafter\n",
            reference(RulesFormat::Markdown, Lang::En)
        )
    );
    assert_eq!(regenerated(&out).0, out, "a rewritten region is current");
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

/// The JSON examples of one of the staff's pages under `docs/`, in order.
fn json_examples(page: &str) -> Vec<String> {
    let path = format!("{}/docs/{page}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.split("```json\n")
        .skip(1)
        .map(|block| block[..block.find("```").expect("a closed block")].to_string())
        .collect()
}

/// Done as the staff's pages say, on canonical files: the outline's progress of
/// `docs/open-year.md` pasted after `"goals"` and the plan's of `docs/report-progress.md` after
/// its last field, each with the comma before it, pass `check` and `fmt --check` (CI runs both)
/// once the guide's placeholders 「（…）」 are written over (left as they are, they are
/// `progress-placeholders`' errors, and nothing else is).
#[test]
fn the_guides_progress_examples_pass_check_and_fmt_as_pasted() {
    let outlines = json_examples("open-year.md");
    let [outline] = outlines.as_slice() else {
        panic!("docs/open-year.md: one JSON example, the outline's progress: {outlines:?}");
    };
    let plans = json_examples("report-progress.md");
    let [plan] = plans.as_slice() else {
        panic!("docs/report-progress.md: one JSON example, a plan's progress: {plans:?}");
    };
    let f = common::Fixture::copy_of("sample");
    assert_eq!(f.run(&["fmt"]).code, 0);
    common::append_field(&f, "plans/outline.json", outline);
    common::append_field(&f, "plans/goal-1/1-1-1.json", plan);
    let left = f.run(&["check", "--lang", "ja"]);
    let errors: Vec<&str> = left
        .stdout
        .lines()
        .filter(|l| l.contains("エラー["))
        .collect();
    assert!(
        !errors.is_empty()
            && errors
                .iter()
                .all(|l| l.contains("エラー[progress-placeholders]")),
        "{}",
        left.stdout
    );
    // Each placeholder written over with words of the department's own (fictional).
    let text = f.read("plans/goal-1/1-1-1.json");
    let mut written = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("\"（") {
        let end = rest[at..].find("）\"").expect("a closed placeholder") + at;
        written.push_str(&rest[..at]);
        written.push_str("\"架空の記述です。\"");
        rest = &rest[end + "）\"".len()..];
    }
    written.push_str(rest);
    f.write("plans/goal-1/1-1-1.json", written);
    for args in [
        &["check", "--lang", "ja"][..],
        &["fmt", "--check", "--lang", "ja"],
    ] {
        let run = f.run(args);
        assert_eq!(run.code, 0, "{args:?}\n{}{}", run.stdout, run.stderr);
    }
}
