//! `plans fmt`: every file of the repository is canonical; messy variants of every real file
//! (minified, CRLF, BOM, keys shuffled, Japanese escaped as `\u`, text decomposed) come back
//! byte for byte, and never with other content; files that are not JSON are reported as
//! `check` reports them and left untouched; `--check` writes nothing.

mod common;

use std::path::Path;

use common::{Fixture, run_in};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// A temporary repository holding a copy of the real `plans/`.
fn real_copy() -> Fixture {
    let f = Fixture {
        dir: tempfile::tempdir().unwrap(),
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, bytes) in data_files(root) {
        f.write(&path, bytes);
    }
    f
}

/// Every file under `plans/` (path from the top, bytes), in path order.
fn data_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("plans")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// What a JSON text says, with its text in NFC (formatting may compose it, nothing else).
fn content(text: &[u8]) -> Value {
    let text = std::str::from_utf8(text).unwrap();
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    nfc(serde_json::from_str(text).unwrap())
}

fn nfc(value: Value) -> Value {
    match value {
        Value::String(s) => Value::String(s.nfc().collect()),
        Value::Array(items) => Value::Array(items.into_iter().map(nfc).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k.nfc().collect(), nfc(v)))
                .collect(),
        ),
        other => other,
    }
}

/// A JSON value written with its keys in reverse order, on one line, every non-ASCII
/// character escaped as `\u`.
fn escaped_reversed(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| format!("{}:{}", escape(k), escaped_reversed(v)))
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(escaped_reversed).collect();
            format!("[{}]", parts.join(","))
        }
        Value::String(s) => escape(s),
        other => other.to_string(),
    }
}

fn escape(s: &str) -> String {
    let mut out = String::from("\"");
    for unit in s.encode_utf16() {
        match unit {
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            0x20..=0x7E => out.push(unit as u8 as char),
            _ => out.push_str(&format!("\\u{unit:04x}")),
        }
    }
    out.push('"');
    out
}

/// Every messy variant of a canonical file.
fn variants(original: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let text = std::str::from_utf8(original).unwrap();
    let value: Value = serde_json::from_slice(original).unwrap();
    vec![
        ("minified", serde_json::to_vec(&value).unwrap()),
        ("crlf", text.replace('\n', "\r\n").into_bytes()),
        ("bom", [b"\xEF\xBB\xBF".as_slice(), original].concat()),
        (
            "shuffled and escaped",
            escaped_reversed(&value).into_bytes(),
        ),
        ("decomposed", text.nfd().collect::<String>().into_bytes()),
        (
            "tabs and no final newline",
            text.trim_end().replace("  ", "\t").into_bytes(),
        ),
    ]
}

#[test]
fn the_repository_is_canonical() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = run_in(root, &["fmt", "--check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let files = data_files(root).len();
    assert_eq!(
        run.stdout,
        format!("OK: the {files} data files are in canonical form\n")
    );
}

#[test]
fn messy_variants_of_every_real_file_come_back_byte_for_byte() {
    let originals = data_files(Path::new(env!("CARGO_MANIFEST_DIR")));
    for kind in 0..variants(&originals[0].1).len() {
        let f = real_copy();
        let (mut name, mut changed) = ("", 0);
        for (path, bytes) in &originals {
            let (n, messy) = variants(bytes).swap_remove(kind);
            name = n;
            assert_eq!(content(&messy), content(bytes), "{name}: {path}");
            changed += usize::from(&messy != bytes);
            f.write(path, messy);
        }
        // Every variant changes files (decomposing changes only those with 「が」 and the like).
        assert!(changed > 0, "{name}");
        let check = f.run(&["fmt", "--check"]);
        assert_eq!(check.code, 1, "{name}: {}", check.stdout);
        let run = f.run(&["fmt"]);
        assert_eq!(run.code, 0, "{name}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.ends_with(&format!(
                "formatted {changed} files ({} already in canonical form)\n",
                originals.len() - changed
            )),
            "{name}: {}",
            run.stdout
        );
        for (path, bytes) in &originals {
            let after = std::fs::read(f.path(path)).unwrap();
            assert_eq!(
                content(&after),
                content(bytes),
                "{name}: {path} says something else"
            );
            assert_eq!(
                String::from_utf8_lossy(&after),
                String::from_utf8_lossy(bytes),
                "{name}: {path}"
            );
        }
        assert_eq!(f.run(&["fmt", "--check"]).code, 0, "{name}");
        let again = f.run(&["fmt"]);
        assert!(
            again.stdout.starts_with("formatted 0 files"),
            "{name}: {}",
            again.stdout
        );
    }
}

/// The sample fixture with one messy file, one that is not JSON, and a register written
/// with its entries on one line each.
fn broken() -> Fixture {
    let f = Fixture::copy_of("sample");
    f.write(
        "plans/goal-1/1-1-1.json",
        "{\"departments\":[\"試験企画課\"],\"title\":\"架空組織の見直し\",\"id\":\"1-1-1\"}",
    );
    f.write("plans/goal-1/1-1-2.json", "{\"id\": \"1-1-2\",}\n");
    f
}

#[test]
fn check_lists_what_fmt_would_change_and_writes_nothing() {
    let f = broken();
    // A file in its canonical form but for Windows line breaks: said as such, in plain words.
    let canonical = f.read("plans/goal-1/1-1-3.json");
    assert!(!canonical.contains('\r'));
    f.write("plans/goal-1/1-1-3.json", canonical.replace('\n', "\r\n"));
    // Members in another order (a field typed where the example did not have it): told to be
    // reordered, never a line to be replaced.
    let sample = f.read("plans/goal-1/1-2-1.json");
    let lines: Vec<&str> = sample.lines().collect();
    let (id, title) = (lines[1], lines[2]);
    f.write(
        "plans/goal-1/1-2-1.json",
        sample.replacen(&format!("{id}\n{title}"), &format!("{title}\n{id}"), 1),
    );
    let before = common::listing(f.dir.path());
    let mut shown = String::new();
    for lang in ["ja", "en"] {
        let run = f.run(&["fmt", "--check", "--lang", lang]);
        shown.push_str(&format!(
            "--- {lang}: exit code {}\n{}",
            run.code, run.stdout
        ));
        assert_eq!(run.stderr, "");
    }
    assert_eq!(
        common::listing(f.dir.path()),
        before,
        "--check writes nothing"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn fmt_formats_what_it_can_and_leaves_what_is_not_json() {
    let f = broken();
    let broken_text = f.read("plans/goal-1/1-1-2.json");
    let run = f.run(&["fmt", "--lang", "ja"]);
    let en = broken();
    let run_en = en.run(&["fmt", "--lang", "en"]);
    insta::assert_snapshot!(format!(
        "--- ja: exit code {}\n{}--- en: exit code {}\n{}",
        run.code, run.stdout, run_en.code, run_en.stdout
    ));
    assert_eq!(f.read("plans/goal-1/1-1-2.json"), broken_text);
    assert_eq!(
        f.read("plans/goal-1/1-1-1.json"),
        "{\n  \"id\": \"1-1-1\",\n  \"title\": \"架空組織の見直し\",\n  \"departments\": [\n    \"試験企画課\"\n  ]\n}\n"
    );
    let leftovers: Vec<_> = common::listing(f.dir.path())
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().ends_with(".plans-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A JSON file that is none of the data files and not JSON either: `fmt --check` says what
/// `check` says of it (where it belongs), never "OK" with nothing marked.
#[test]
fn a_stray_file_that_is_not_json_is_told_where_it_belongs() {
    let f = Fixture::copy_of("sample");
    f.write("plans/goal-1/メモ.json", "{\"x\": }\n");
    let mut shown = String::new();
    for lang in ["ja", "en"] {
        let run = f.run(&["fmt", "--check", "--lang", lang]);
        shown.push_str(&format!(
            "--- {lang}: exit code {}\n{}{}",
            run.code, run.stdout, run.stderr
        ));
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn only_the_files_named_are_formatted() {
    let f = broken();
    let register = f.read("plans/departments.json");
    let dir = f.dir.path();
    let run = run_in(dir, &["fmt", "plans/goal-1/1-1-1.json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "formatted plans/goal-1/1-1-1.json\nformatted 1 file (0 already in canonical form)\n"
    );
    assert_eq!(f.read("plans/departments.json"), register);
    // Named from inside the repository, with -C pointing back to its top.
    let run = common::run_from(
        &dir.join("plans/goal-1"),
        &["-C", "../..", "fmt", "--check", "plans/goal-1/1-1-1.json"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "OK: the data file is in canonical form\n");
    let run = run_in(dir, &["fmt", "README.md"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "plans: README.md is not a data file under plans/\n  = hint: plans fmt formats the JSON files under plans/: name them by their path from the top of the repository, like plans/goal-1/1-1-1.json\n"
    );
}

/// A number written other than as a whole number would be written back differently: the file
/// is left as it is, and said so. A file that is rewritten keeps its permissions. A folder
/// that is a link is reported as check reports it.
#[test]
fn what_fmt_leaves_alone_and_keeps() {
    let f = common::Fixture::copy_of("sample");
    let outline = f
        .read("plans/outline.json")
        .replace("\"expected_total\": 16", "\"expected_total\": 1.6e1");
    f.write("plans/outline.json", &outline);
    f.write(
        "plans/goal-1/1-1-1.json",
        "{\"departments\":[\"試験企画課\"],\"title\":\"架空組織の見直し\",\"id\":\"1-1-1\"}",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = f.path("plans/goal-1/1-1-1.json");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::os::unix::fs::symlink(f.path("plans/goal-3"), f.path("plans/goal-9")).unwrap();
    }
    let run = f.run(&["fmt", "--lang", "ja"]);
    assert_eq!(f.read("plans/outline.json"), outline, "left as it is");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(f.path("plans/goal-1/1-1-1.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        insta::assert_snapshot!(format!("exit code: {}\n{}", run.code, run.stdout));
    }
    assert_eq!(run.code, 1);
}
