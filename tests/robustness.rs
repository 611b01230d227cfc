//! Property test: random mutations of the fixture's files, written to a temporary folder and
//! checked the way the binary checks them (`check_repository`), never make the checker panic;
//! every diagnostic is of a registered rule and placed inside its file; the in-memory path
//! (`check_loaded`) agrees; and every broken file is reported by name.
//!
//! And random hostile text through each writer that escapes: Markdown read back with comrak
//! shows exactly the text (`@` as `＠`) with no link, image, HTML or footnote; no CI runner
//! command survives `output::ci::text`; no CSV cell starts a formula.

use plans::check::{check_loaded, check_repository};
use plans::repo::{self, Loaded, SourceFile};
use plans::rules;
use proptest::prelude::*;

const FILES: [&str; 5] = [
    "plans/outline.json",
    "plans/departments.json",
    "plans/goal-1/1-1-1.json",
    "plans/goal-1/1-1-2.json",
    "plans/goal-2/2-1-1.json",
];

fn fixture_files() -> Vec<(String, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    FILES
        .iter()
        .map(|rel| (rel.to_string(), std::fs::read(root.join(rel)).unwrap()))
        .collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop::sample::select(vec![
        b"{".to_vec(),
        b"}".to_vec(),
        b"[".to_vec(),
        b"]".to_vec(),
        b"\"".to_vec(),
        b",".to_vec(),
        b":".to_vec(),
        b"\\".to_vec(),
        b"\\u".to_vec(),
        b"null".to_vec(),
        b"-1".to_vec(),
        b"1e999".to_vec(),
        "課".as_bytes().to_vec(),
        vec![0xE8],
        vec![0],
        b"\"id\": \"9-9-9\",".to_vec(),
        b" ".to_vec(),
        "\u{3099}".as_bytes().to_vec(),
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (any::<usize>(), interesting).prop_map(|(i, s)| Mutation::Insert(i, s)),
        (any::<usize>(), 1usize..20).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Replace(i, b) => {
            if !bytes.is_empty() {
                bytes[i % len] = *b;
            }
        }
        Mutation::Insert(i, s) => {
            let at = i % (bytes.len() + 1);
            bytes.splice(at..at, s.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            if at < end {
                bytes.drain(at..end);
            }
        }
        Mutation::Truncate(i) => bytes.truncate(i % len),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mutated_files_never_panic(file in 0usize..5, mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut files = fixture_files();
        let original = files[file].1.clone();
        for m in &mutations {
            apply(&mut files[file].1, m);
        }
        let changed = files[file].1 != original;
        let path = files[file].0.clone();
        let dir = tempfile::tempdir().unwrap();
        for (rel, bytes) in &files {
            let at = dir.path().join(rel);
            std::fs::create_dir_all(at.parent().unwrap()).unwrap();
            std::fs::write(at, bytes).unwrap();
        }
        let outcome = check_repository(dir.path()).unwrap();
        for d in &outcome.diagnostics {
            prop_assert!(rules::by_id(d.rule).is_some(), "{}", d.rule);
            let lines = files
                .iter()
                .find(|(rel, _)| *rel == d.file)
                .map(|(_, bytes)| bytes.split(|b| *b == b'\n').count());
            if d.pointer().is_some() {
                prop_assert!(d.line.is_some(), "{:?}", d);
            }
            if let (Some(line), Some(column)) = (d.line, d.column) {
                prop_assert!(column >= 1, "{:?}", d);
                prop_assert!(lines.is_some_and(|n| line >= 1 && line <= n), "{:?}", d);
            }
        }
        if !changed {
            prop_assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
        }
        // The loader's files, and the same files made in memory, give the same diagnostics.
        let loaded = check_loaded(repo::load(dir.path()).unwrap());
        prop_assert_eq!(&loaded.diagnostics, &outcome.diagnostics);
        let in_memory = check_loaded(Loaded {
            files: files.iter().map(|(rel, bytes)| SourceFile::new(rel, bytes.clone())).collect(),
            strays: Vec::new(),
        });
        prop_assert_eq!(&in_memory.diagnostics, &outcome.diagnostics);
        // A mutation that breaks the JSON is reported on the mutated file.
        if changed && serde_json::from_slice::<serde_json::Value>(&files[file].1).is_err() {
            prop_assert!(outcome.diagnostics.iter().any(|d| d.file == path), "{:?}", outcome.diagnostics);
        }
    }
}

/// Text made of what Markdown, GitHub, a CI runner and a spreadsheet act on, and plain letters.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "[", "]", "(", ")", "!", "<", ">", "&", "#", ";", ":", "/", "@", "*", "_", "`", "~", "|",
        "\\", "$", "-", "+", "=", ".", "1", "w", "W", "x", "GH", "https://", "www.", "&#64;",
        "&commat;", "##[", "::", "架空", "課", " ",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn markdown_shows_any_text_as_it_is_and_nothing_acts(text in hostile_text()) {
        use comrak::nodes::NodeValue;
        let markdown = plans::output::markdown::text(&text);
        let arena = comrak::Arena::new();
        let mut options = comrak::Options::default();
        options.extension.autolink = true;
        options.extension.table = true;
        options.extension.strikethrough = true;
        options.extension.footnotes = true;
        options.extension.math_dollars = true;
        // As a list item's text, where it starts a line of its own.
        let root = comrak::parse_document(&arena, &format!("- {markdown}\n"), &options);
        let mut shown = String::new();
        for node in root.descendants() {
            match &node.data().value {
                NodeValue::Text(t) => shown.push_str(t),
                NodeValue::Code(_) | NodeValue::Math(_) => shown.push_str("<code>"),
                NodeValue::Link(_) | NodeValue::Image(_) | NodeValue::HtmlInline(_)
                | NodeValue::HtmlBlock(_) | NodeValue::FootnoteReference(_) => {
                    prop_assert!(false, "{text:?} became {markdown:?}")
                }
                _ => {}
            }
        }
        // As written, but for what GitHub would link however it is escaped: `@`, `#` before a
        // letter or digit, and the `-` of `GH-` before a digit are full-width.
        let chars: Vec<char> = text.chars().collect();
        let expected: String = chars
            .iter()
            .enumerate()
            .map(|(i, c)| match c {
                '@' => '＠',
                '#' if chars.get(i + 1).is_some_and(char::is_ascii_alphanumeric) => '＃',
                '-' if i >= 2
                    && chars[i - 2..i].iter().collect::<String>().eq_ignore_ascii_case("gh")
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit) => '－',
                c => *c,
            })
            .collect();
        prop_assert_eq!(shown.trim(), expected.trim(), "{:?}", markdown);
    }

    #[test]
    fn no_runner_command_survives(text in hostile_text(), breaks in prop::collection::vec(0usize..30, 0..4)) {
        let mut text = text;
        for b in breaks {
            let at = text.char_indices().map(|(i, _)| i).nth(b).unwrap_or(text.len());
            text.insert(at, if b % 2 == 0 { '\n' } else { '\r' });
        }
        let guarded = plans::output::ci::text(&text);
        prop_assert!(!plans::output::ci::has_command(&guarded), "{:?}", guarded);
    }

    #[test]
    fn no_csv_cell_starts_a_formula(text in hostile_text()) {
        let cell = plans::output::csv::safe(&text);
        prop_assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']),
            "{:?}", cell
        );
        // The value itself, or the value after one '.
        prop_assert!(cell == text || cell == format!("'{text}"), "{:?}", cell);
    }
}
