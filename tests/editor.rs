//! What the web editor (github.dev, VS Code) shows on the plan files: `tests/editor/` runs VS
//! Code's own JSON language service (`vscode-json-languageservice`, from npm) on the schemas
//! `.vscode/settings.json` maps, and checks the Japanese messages, the completion of
//! department names and that every real file is valid. Needs Node.js 20 or later; the npm
//! packages are installed from `tests/editor/package-lock.json` when they are missing or were
//! installed from another lock file.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, program: &str, args: &[&str]) -> std::process::Output {
    match Command::new(program).args(args).current_dir(dir).output() {
        Ok(output) => output,
        Err(e) => panic!(
            "could not run {program} ({e}): this test needs Node.js 20 or later (with npm) on PATH"
        ),
    }
}

fn assert_ran(what: &str, output: &std::process::Output) {
    assert!(
        output.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_web_editor_speaks_japanese_and_offers_the_registered_departments() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/editor");
    // The packages are installed again whenever the lock file is not the one they came from.
    let lock =
        std::fs::read(dir.join("package-lock.json")).expect("tests/editor/package-lock.json");
    let stamp = dir.join("node_modules/.installed-from-package-lock.json");
    if std::fs::read(&stamp).ok().as_ref() != Some(&lock) {
        let install = run(&dir, "npm", &["ci", "--no-audit", "--no-fund"]);
        assert_ran("npm ci in tests/editor", &install);
        std::fs::write(&stamp, &lock).expect("write the install stamp");
    }
    let test = run(&dir, "node", &["--test", "editor.test.mjs"]);
    assert_ran("node --test tests/editor/editor.test.mjs", &test);
}
