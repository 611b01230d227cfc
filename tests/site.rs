//! The page `plans site` writes, in a real browser: the binary writes the site of this
//! repository into a temporary folder, and `tests/site/site.test.mjs` loads it from disk in
//! headless Chromium (`playwright-core` from npm driving `/usr/bin/chromium`, or `$CHROMIUM`)
//! and checks the filters, that no request leaves the page and the console has no error,
//! keyboard use with a visible focus, no sideways scrolling at 375 px, axe-core at WCAG 2.1
//! AA, and printing to PDF. Needs Node.js 20 or later and Chromium (`apt-get install
//! chromium`); without the browser the test fails, it never skips. The npm packages are
//! installed from `tests/site/package-lock.json` when they are missing or were installed
//! from another lock file. The screenshots (1280 px and 375 px) and the PDF are left in
//! `target/tmp/site-shots/` (or `$PLANS_SITE_SHOTS`) for a person to look at; run with
//! `cargo test --test site -- --nocapture` to see the filter times and the paths.

mod common;

use common::{assert_ran, run_tool};

use std::path::{Path, PathBuf};

/// The browser: `$CHROMIUM`, or Debian's `/usr/bin/chromium`.
fn chromium() -> PathBuf {
    let path = std::env::var_os("CHROMIUM")
        .filter(|p| !p.is_empty())
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        path.is_file(),
        "{} does not exist: the page `plans site` writes is tested in a real browser. Install \
         Chromium (Debian: `apt-get update && apt-get install -y --no-install-recommends \
         chromium`; `.ci/run` does this) or set CHROMIUM to a Chromium or Google Chrome binary",
        path.display()
    );
    path
}

/// `plans site` of the repository at `root`, written into a new temporary folder.
fn write_site(root: &Path) -> tempfile::TempDir {
    let site = tempfile::tempdir().expect("temp dir");
    let built = common::plans()
        .arg("-C")
        .arg(root)
        .arg("site")
        .arg("-o")
        .arg(site.path())
        .output()
        .expect("run plans site");
    assert_ran("plans site", &built);
    site
}

#[test]
fn the_site_works_in_a_real_browser_offline_by_keyboard_on_a_phone_and_in_print() {
    let browser = chromium();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = write_site(root);
    assert!(
        site.path().join("index.html").is_file(),
        "plans site wrote no index.html"
    );

    let dir = root.join("tests/site");
    common::npm_ci(&dir);

    let shots = std::env::var_os("PLANS_SITE_SHOTS")
        .filter(|p| !p.is_empty())
        .map_or_else(
            || Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-shots"),
            PathBuf::from,
        );
    std::fs::create_dir_all(&shots).expect("create the screenshot folder");
    let test = run_tool(
        &dir,
        "node",
        &["--test", "site.test.mjs"],
        &[
            ("PLANS_SITE_DIR", site.path()),
            ("PLANS_REPO", root),
            ("PLANS_SITE_SHOTS", &shots),
            ("CHROMIUM", &browser),
        ],
    );
    assert_ran("node --test tests/site/site.test.mjs", &test);
    // Shown with --nocapture: the filter times, the focus, axe's summary, the file paths.
    for line in String::from_utf8_lossy(&test.stdout).lines() {
        if let Some(note) = line.strip_prefix("# ")
            && !note.starts_with("Subtest:")
        {
            println!("{}", note.replace("\\#", "#"));
        }
    }
}

/// A repository with yearly progress (the fictional fixture, some plans reporting two years, one
/// year in full): `tests/site/progress.test.mjs` checks the latest year on the page: each plan's
/// status, the filter by status, the chart, and axe-core; and each plan's own page: every year
/// it is a plan of, one A4 page a year when printed, 375 px, axe-core.
#[test]
fn the_latest_year_of_progress_on_the_page() {
    let browser = chromium();
    let f = common::with_progress();
    common::open_year(&f, 2027);
    // A year as a department writes it in full: results of three paragraphs, four indicators,
    // issues of two paragraphs, the fiscal effect and the committee's comment (about 1,500
    // characters, fictional), which must print on one A4 page.
    let paragraph =
        |n: usize| "架空の取組を計画どおりに進め、関係する課と協議を重ねました。".repeat(n);
    let full_year = format!(
        concat!(
            "    \"2026\": {{\n      \"status\": \"B\",\n      \"summary\": \"{p}\\n{p}\\n{q}\",\n",
            "      \"indicators\": [\n",
            "        {{ \"name\": \"架空の説明会の開催回数\", \"unit\": \"回\", \"target\": 12, \"actual\": 10 }},\n",
            "        {{ \"name\": \"架空の削減額\", \"unit\": \"千円\", \"target\": 12000, \"actual\": 9500 }},\n",
            "        {{ \"name\": \"架空の利用者数\", \"unit\": \"人\", \"target\": 250000, \"actual\": 231456 }},\n",
            "        {{ \"name\": \"架空の満足度\", \"unit\": \"%\", \"target\": 80 }}\n",
            "      ],\n",
            "      \"next_steps\": \"{q}\\n{q}\",\n",
            "      \"fiscal_effect\": {{ \"amount\": 12000, \"unit\": \"千円\" }},\n",
            "      \"comment\": {{ \"by\": \"committee\", \"text\": \"{q}\" }}\n",
            "    }},\n",
            "    \"2027\": {{ \"status\": \"A\", \"summary\": \"架空の結果その二です。\" }}"
        ),
        p = paragraph(8),
        q = paragraph(4)
    );
    for (plan, entries) in [
        ("plans/goal-1/1-1-1.json", full_year.as_str()),
        (
            "plans/goal-1/1-3-1.json",
            "    \"2027\": { \"status\": \"C\", \"summary\": \"架空の結果です。\" }",
        ),
        (
            "plans/goal-2/2-1-1.json",
            "    \"2027\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
        ),
        (
            "plans/goal-3/3-1-1.json",
            "    \"2026\": { \"status\": \"D\", \"summary\": \"架空の結果です。\" }",
        ),
    ] {
        common::give_progress(&f, plan, entries);
    }
    // A plan ended in 2026: its page shows 2026 only.
    common::append_field(
        &f,
        "plans/goal-3/3-2-2.json",
        "  \"ended\": { \"year\": 2026, \"reason\": \"completed\" }\n",
    );
    let site = write_site(f.dir.path());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/site");
    common::npm_ci(&dir);
    let test = run_tool(
        &dir,
        "node",
        &["--test", "progress.test.mjs"],
        &[
            ("PLANS_SITE_DIR", site.path()),
            ("PLANS_REPO", f.dir.path()),
            ("CHROMIUM", &browser),
        ],
    );
    assert_ran("node --test tests/site/progress.test.mjs", &test);
}
