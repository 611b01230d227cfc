//! What the web editor (github.dev, VS Code) shows on the plan files: `tests/editor/` runs VS
//! Code's own JSON language service (`vscode-json-languageservice`, from npm) on the schemas
//! `.vscode/settings.json` maps, and checks the Japanese messages, the completion of
//! department names and that every real file is valid. Needs Node.js 20 or later; the npm
//! packages are installed from `tests/editor/package-lock.json` when they are missing or were
//! installed from another lock file.

mod common;

use std::path::Path;

use common::{assert_ran, run_tool};

#[test]
fn the_web_editor_speaks_japanese_and_offers_the_registered_departments() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/editor");
    common::npm_ci(&dir);
    let test = run_tool(&dir, "node", &["--test", "editor.test.mjs"], &[]);
    assert_ran("node --test tests/editor/editor.test.mjs", &test);
}

/// Once progress is set up, `plans build` gives the editor the scale's codes for a status
/// (a fictional fixture: `tests/editor/progress.test.mjs`).
#[test]
fn the_web_editor_offers_the_scales_codes_for_a_status() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/editor");
    common::npm_ci(&dir);
    let f = common::with_progress();
    let build = f.run(&["build"]);
    assert_eq!(build.code, 0, "{}{}", build.stdout, build.stderr);
    let test = run_tool(
        &dir,
        "node",
        &["--test", "progress.test.mjs"],
        &[("PLANS_FIXTURE", f.dir.path())],
    );
    assert_ran("node --test tests/editor/progress.test.mjs", &test);
}
