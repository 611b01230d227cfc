//! A fixture repository in a temporary folder, and a way to run the binary on it.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

/// The result of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The diagnostics of a `--format json` run.
    pub fn diagnostics(&self) -> Vec<Value> {
        match serde_json::from_str::<Value>(&self.stdout) {
            Ok(Value::Array(items)) => items,
            other => panic!("not a JSON array: {other:?}\n{}", self.stdout),
        }
    }

    /// The diagnostics of rule `rule`.
    pub fn of_rule(&self, rule: &str) -> Vec<Value> {
        self.diagnostics()
            .into_iter()
            .filter(|d| d["rule"] == rule)
            .collect()
    }

    /// The one diagnostic of rule `rule`; fails the test if there is not exactly one.
    pub fn one(&self, rule: &str) -> Value {
        let found = self.of_rule(rule);
        assert_eq!(
            found.len(),
            1,
            "expected one {rule} diagnostic:\n{}",
            self.stdout
        );
        found.into_iter().next().unwrap_or_default()
    }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

impl Fixture {
    /// A copy of `tests/fixtures/<name>`.
    pub fn copy_of(name: &str) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(&fixtures().join(name), dir.path());
        Fixture { dir }
    }

    /// A copy of another fixture as it is now.
    pub fn copy_from(other: &Fixture) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(other.dir.path(), dir.path());
        Fixture { dir }
    }

    /// A copy of the minimal valid repository (3 plans in 2 goals).
    pub fn minimal() -> Fixture {
        Self::copy_of("minimal")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, content).expect("write");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read")
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path(rel)).expect("remove");
    }

    /// Replaces the first occurrence of `from` in a file; fails if it is not there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Runs `plans -C <fixture> <args>`.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.dir.path(), args)
    }

    /// Runs `plans -C <fixture> check --format json <extra>`.
    pub fn check_json(&self, extra: &[&str]) -> Run {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

/// Every file under `dir` with its bytes, in path order.
pub fn listing(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().filter_map(Result::ok) {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push((e.path(), std::fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The binary, with the locale fixed (`LANG=C`: English unless a test says `--lang`) and
/// `NO_COLOR` unset, so that no run depends on the machine's environment.
pub fn plans() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plans"));
    command
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    command
}

/// Runs `plans <args>` with `dir` as the current folder (no `-C`).
pub fn run_from(dir: &Path, args: &[&str]) -> Run {
    Run::of(
        plans()
            .current_dir(dir)
            .args(args)
            .output()
            .expect("run plans"),
    )
}

/// Runs `plans -C <dir> <args>`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    Run::of(
        plans()
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .expect("run plans"),
    )
}

impl Run {
    /// The result of a finished process.
    pub fn of(output: std::process::Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Makes the fixture a git repository with everything committed once, on branch `main`.
pub fn commit_all(f: &Fixture) {
    let dir = f.dir.path();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "base"]);
}

/// Every run's command, exit code, standard output and standard error, one after another.
pub fn transcript(f: &Fixture, lines: &[&[&str]]) -> String {
    let mut out = String::new();
    for args in lines {
        let run = f.run(args);
        out.push_str(&format!(
            "$ plans {}\nexit code: {}\n{}{}\n",
            args.join(" "),
            run.code,
            run.stdout,
            run.stderr
        ));
    }
    out
}

/// What `document` breaks of `schema/export.schema.json` (nothing when it validates).
pub fn export_schema_errors(document: &Value) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/export.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator
        .iter_errors(document)
        .map(|e| e.to_string())
        .collect()
}

/// Runs git in `dir` with no configuration of the machine's, failing the test if it fails.
pub fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .output()
        .expect("git");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Asserts a diagnostic's rule, file and line.
pub fn assert_at(d: &Value, rule: &str, file: &str, line: Option<u64>) {
    assert_eq!(d["rule"], rule, "{d}");
    assert_eq!(d["file"], file, "{d}");
    assert_eq!(d["line"].as_u64(), line, "{d}");
}

/// Runs a tool (`npm`, `node`) in `dir` with extra environment variables; a tool that cannot
/// start fails the test saying what it needs.
pub fn run_tool(
    dir: &Path,
    program: &str,
    args: &[&str],
    envs: &[(&str, &Path)],
) -> std::process::Output {
    let mut command = Command::new(program);
    command.args(args).current_dir(dir);
    for (key, value) in envs {
        command.env(key, value);
    }
    match command.output() {
        Ok(output) => output,
        Err(e) => panic!(
            "could not run {program} ({e}): this test needs Node.js 20 or later (with npm) on PATH"
        ),
    }
}

/// Fails the test with the tool's output unless it succeeded.
pub fn assert_ran(what: &str, output: &std::process::Output) {
    assert!(
        output.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Installs the npm packages of `dir` (`tests/editor`, `tests/site`) from its lock file when
/// they are missing or were installed from another lock file. One install at a time: the tests
/// of one binary run in parallel, and two `npm ci` in one folder delete each other's files.
pub fn npm_ci(dir: &Path) {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let lock = std::fs::read(dir.join("package-lock.json")).expect("package-lock.json");
    let stamp = dir.join("node_modules/.installed-from-package-lock.json");
    if std::fs::read(&stamp).ok().as_ref() != Some(&lock) {
        let install = run_tool(dir, "npm", &["ci", "--no-audit", "--no-fund"], &[]);
        assert_ran(&format!("npm ci in {}", dir.display()), &install);
        std::fs::write(&stamp, &lock).expect("write the install stamp");
    }
}

// ---- progress (every name, summary and scale label is fictional)

/// The fixture with progress switched on: fiscal years 2026–2029, 2026 being reported, and a
/// four-level scale.
pub fn with_progress() -> Fixture {
    let f = Fixture::copy_of("sample");
    f.edit(
        "plans/outline.json",
        "\"expected_total\": 16,",
        "\"expected_total\": 16,\n  \"progress\": {\n    \"period\": { \"from\": 2026, \"to\": 2029 },\n    \"reporting_year\": 2026,\n    \"scale\": [\n      { \"code\": \"A\", \"label\": \"架空の段階その一\" },\n      { \"code\": \"B\", \"label\": \"架空の段階その二\" },\n      { \"code\": \"C\", \"label\": \"架空の段階その三\" },\n      { \"code\": \"D\", \"label\": \"架空の段階その四\" }\n    ]\n  },",
    );
    f
}

/// Opens fiscal year `year` for reporting in a fixture made by [`with_progress`], as the
/// section does: `"reporting_year"` in the outline's `progress` becomes `year`.
pub fn open_year(f: &Fixture, year: i64) {
    f.edit(
        "plans/outline.json",
        "\"reporting_year\": 2026,",
        &format!("\"reporting_year\": {year},"),
    );
}

/// Gives plan 1-1-2 the progress `entries` (the inside of its `"progress": { … }`).
pub fn report_progress(f: &Fixture, entries: &str) {
    give_progress(f, "plans/goal-1/1-1-2.json", entries);
}

/// Gives the plan file `rel` the progress `entries`, after its last field.
pub fn give_progress(f: &Fixture, rel: &str, entries: &str) {
    append_field(f, rel, &format!("  \"progress\": {{\n{entries}\n  }}\n"));
}

/// Pastes `field` (lines ending in a line break) into the JSON object of the file `rel` after
/// its last field, with the comma before it, as the guide tells people to.
pub fn append_field(f: &Fixture, rel: &str, field: &str) {
    let text = f.read(rel);
    let body = text
        .trim_end()
        .strip_suffix('}')
        .expect("a JSON object")
        .trim_end();
    f.write(rel, format!("{body},\n{field}}}\n"));
}

// ---- hostile data (every value is fictional; each tries to act where the tool's outputs are
// opened: a spreadsheet formula, a CI runner command, a link, an image, HTML or a mention)

/// Sets the string at JSON Pointer `pointer` in the file `rel` (written back with 2-space
/// indentation; the key order stays as it was).
pub fn set_text(f: &Fixture, rel: &str, pointer: &str, value: &str) {
    let mut json: Value = serde_json::from_str(&f.read(rel)).expect("JSON");
    *json
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{rel} has no {pointer}")) = Value::String(value.to_string());
    f.write(
        rel,
        format!("{}\n", serde_json::to_string_pretty(&json).unwrap()),
    );
}

/// Sets the value at `pointer` in the JSON file `rel` (its parent object must exist; the last
/// key is added when missing), writing the file back pretty-printed.
pub fn set_json(f: &Fixture, rel: &str, pointer: &str, value: Value) {
    let mut json: Value = serde_json::from_str(&f.read(rel)).expect("JSON");
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let object = json
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{rel} has no object at {parent}"));
    object.insert(key.to_string(), value);
    f.write(
        rel,
        format!("{}\n", serde_json::to_string_pretty(&json).unwrap()),
    );
}

/// Renames a registered department in the register and in every plan of the fixture.
pub fn rename_department(f: &Fixture, from: &str, to: &str) {
    let quoted = |s: &str| serde_json::to_string(s).unwrap();
    for (path, bytes) in listing(&f.path("plans")) {
        let text = String::from_utf8(bytes).unwrap();
        if text.contains(&quoted(from)) {
            std::fs::write(&path, text.replace(&quoted(from), &quoted(to))).unwrap();
        }
    }
}

/// Titles, names and labels that try to act in a spreadsheet, a CI log or on GitHub.
pub const HOSTILE: &[(&str, &str, &str)] = &[
    (
        "plans/goal-1/1-1-1.json",
        "/title",
        "=HYPERLINK(\"https://example.invalid/\",\"架空\")",
    ),
    (
        "plans/goal-1/1-1-2.json",
        "/title",
        "::error title=架空::偽の注釈です",
    ),
    (
        "plans/goal-1/1-1-3.json",
        "/title",
        "##[error]偽の注釈 ##[add-mask]架空",
    ),
    (
        "plans/goal-1/1-2-1.json",
        "/title",
        "[架空](https://example.invalid/) ![画像](https://example.invalid/a.png) <img src=x onerror=alert(1)>",
    ),
    (
        "plans/goal-1/1-2-2.json",
        "/title",
        "[架空][1] https://example.invalid/x www.example.invalid",
    ),
    (
        "plans/goal-1/1-3-2.json",
        "/title",
        "@team &commat;team &#64;team kakuu@example.invalid",
    ),
    (
        "plans/goal-1/1-3-1.json",
        "/subprojects/0/title",
        "-2+3架空事業",
    ),
    (
        "plans/goal-1/1-3-1.json",
        "/subprojects/1/title",
        "+cmd|' /C calc'!A0",
    ),
    ("plans/goal-2/2-1-2.json", "/title", "1-1"),
    ("plans/goal-2/2-2-1.json", "/title", "1E5"),
    ("plans/goal-2/2-2-3.json", "/title", "令和8年4月1日"),
    ("plans/goal-3/3-2-2.json", "/title", "123456789012"),
    (
        "plans/goal-3/3-1-1.json",
        "/title",
        "架空 #12 と octo/repo#3 と GH-12 の見直し",
    ),
    ("plans/outline.json", "/goals/1/title", "@SUM(1+1)架空目標"),
    (
        "plans/outline.json",
        "/goals/0/items/0/title",
        "＝1+1架空取組",
    ),
    (
        "plans/outline.json",
        "/progress/scale/1/label",
        "+架空の段階その二",
    ),
];

/// The sample fixture with progress, every value of [`HOSTILE`] in place, two departments
/// renamed into a reference-style link's definition and a runner command, and a year of
/// progress: data `check` accepts, whose every output must stay inert.
pub fn hostile() -> Fixture {
    let f = with_progress();
    make_hostile(&f);
    f
}

/// Puts the values of [`hostile`] into a fixture that has progress set up.
pub fn make_hostile(f: &Fixture) {
    for (rel, pointer, value) in HOSTILE {
        set_text(f, rel, pointer, value);
    }
    rename_department(f, "試験監査室", "[1]: https://example.invalid/");
    rename_department(f, "試験環境課", "::warning::架空課");
    give_progress(
        f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"A\", \"summary\": \"=1+1 ##[error]架空の結果です。\" }",
    );
    give_progress(
        f,
        "plans/goal-2/2-2-2.json",
        "    \"2026\": { \"status\": \"B\", \"summary\": \"架空の結果です。\" }",
    );
}

/// A workbook at `path` as openpyxl reads it: what the script `tests/<script>` prints as JSON
/// when given `args` then the path (an independent reader of the tool's workbooks).
pub fn openpyxl_read(script: &str, args: &[&str], path: &Path) -> Value {
    let mut all: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    all.push(path.as_os_str());
    let out = openpyxl_run(script, &all, &format!("read {}", path.display()));
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("JSON from tests/{script}: {e}"))
}

/// Runs the openpyxl script `tests/<script>` with `args`, failing the test with what it could
/// not do (`doing`) and the script's error; what it printed.
pub fn openpyxl_run(script: &str, args: &[&OsStr], doing: &str) -> Vec<u8> {
    let run = Command::new(python())
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests")
                .join(script),
        )
        .args(args)
        .output()
        .expect("python3");
    assert!(
        run.status.success(),
        "openpyxl could not {doing}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    run.stdout
}

/// A python3 that has openpyxl (`PYTHON`, else `python3`, else Debian's `/usr/bin/python3`), or
/// a failed test saying how to install it.
pub fn python() -> PathBuf {
    let candidates: Vec<PathBuf> = match std::env::var_os("PYTHON") {
        Some(p) => vec![PathBuf::from(p)],
        None => vec!["python3".into(), "/usr/bin/python3".into()],
    };
    for candidate in &candidates {
        let ok = Command::new(candidate)
            .args(["-c", "import openpyxl"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return candidate.clone();
        }
    }
    panic!(
        "no python3 with openpyxl among {candidates:?}: workbooks are read back and filled with \
         openpyxl, a reader independent of the tool. Install it (Debian: `apt-get update && apt-get install -y \
         python3-openpyxl`; `.ci/run` does this; or `pip install openpyxl`) or set PYTHON to a \
         python3 that has it"
    );
}

/// LibreOffice's `soffice`, or a failed test saying how to install it.
pub fn soffice() -> PathBuf {
    let path = std::env::var_os("SOFFICE").map_or_else(|| PathBuf::from("soffice"), PathBuf::from);
    match Command::new(&path).arg("--version").output() {
        Ok(o) if o.status.success() => path,
        _ => panic!(
            "{} cannot be run: the CSV files and the workbooks are opened in a real spreadsheet. Install LibreOffice \
             Calc (Debian: `apt-get update && apt-get install -y --no-install-recommends \
             libreoffice-calc-nogui`; `.ci/run` does this) or set SOFFICE to its soffice binary",
            path.display()
        ),
    }
}
