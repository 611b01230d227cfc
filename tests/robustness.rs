//! Property test: random mutations of valid files never make the checker panic, and every
//! broken file is reported by name.

use plans::check::check_loaded;
use plans::repo::{Loaded, SourceFile};
use proptest::prelude::*;

fn fixture_files() -> Vec<SourceFile> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let mut files = Vec::new();
    for rel in [
        "plans/outline.json",
        "plans/departments.json",
        "plans/goal-1/1-1-1.json",
        "plans/goal-1/1-1-2.json",
        "plans/goal-2/2-1-1.json",
    ] {
        let bytes = std::fs::read(root.join(rel)).unwrap();
        files.push(SourceFile {
            path: rel.to_string(),
            bytes,
        });
    }
    files
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
        let original = files[file].bytes.clone();
        for m in &mutations {
            apply(&mut files[file].bytes, m);
        }
        let changed = files[file].bytes != original;
        let path = files[file].path.clone();
        let outcome = check_loaded(Loaded { files, diagnostics: Vec::new() });
        for d in &outcome.diagnostics {
            prop_assert!(!d.message.is_empty());
            if let (Some(line), Some(column)) = (d.line, d.column) {
                prop_assert!(line >= 1 && column >= 1);
            }
        }
        if !changed {
            prop_assert!(outcome.diagnostics.is_empty());
        }
        // A mutation that breaks the JSON is reported on the mutated file.
        if changed && serde_json::from_slice::<serde_json::Value>(&fixture_bytes_after(&path, &mutations)).is_err() {
            prop_assert!(outcome.diagnostics.iter().any(|d| d.file == path), "{:?}", outcome.diagnostics);
        }
    }
}

fn fixture_bytes_after(path: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = fixture_files()
        .into_iter()
        .find(|f| f.path == path)
        .unwrap()
        .bytes;
    for m in mutations {
        apply(&mut bytes, m);
    }
    bytes
}
