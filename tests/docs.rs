//! The README's rule tables are the registry's: every rule, its severity, summary and fix,
//! in Japanese and in English, in registry order.

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
