//! Runs side by side, as pre-commit runs a hook's batches of files at once: every run of `fmt`
//! (on the same files or on disjoint ones), `build`, `site` and `export -o` succeeds, and no
//! temporary file is left; a run removes only the temporary files no run holds, and `site` and
//! `export -o` remove those too (a page would publish them).

mod common;

use std::path::Path;
use std::process::{Child, Stdio};

use common::{Fixture, plans};

/// Every data file of the fixture written on one line (valid JSON, not in canonical form), so
/// that `fmt` rewrites each.
fn mess_up(f: &Fixture) {
    for (path, bytes) in common::listing(&f.path("plans")) {
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        std::fs::write(path, serde_json::to_string(&value).unwrap()).unwrap();
    }
}

fn start(dir: &Path, args: &[&str]) -> Child {
    plans()
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run plans")
}

/// Runs the commands at once, and fails the test unless every one succeeds.
fn side_by_side(dir: &Path, commands: &[&[&str]]) {
    let children: Vec<Child> = commands.iter().map(|args| start(dir, args)).collect();
    for (args, child) in commands.iter().zip(children) {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "plans {}: {}\n{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The temporary files anywhere under `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    common::listing(dir)
        .into_iter()
        .map(|(p, _)| p.display().to_string())
        .filter(|p| p.ends_with(".plans-tmp"))
        .collect()
}

#[test]
fn fmt_runs_side_by_side_all_succeed() {
    let f = Fixture::copy_of("sample");
    let dir = f.dir.path();
    for _ in 0..25 {
        mess_up(&f);
        side_by_side(dir, &[&["fmt"], &["fmt"], &["fmt"]]);
        assert_eq!(f.run(&["fmt", "--check"]).code, 0);
        assert_eq!(temporaries(dir), Vec::<String>::new());
    }
    // Batches of files, as pre-commit passes them, disjoint and overlapping.
    let goal = |g: u32| -> Vec<String> {
        common::listing(&f.path(&format!("plans/goal-{g}")))
            .into_iter()
            .map(|(p, _)| p.strip_prefix(dir).unwrap().display().to_string())
            .collect()
    };
    let (one, two) = (goal(1), goal(2));
    let args = |files: &[String]| -> Vec<String> {
        let mut all = vec!["fmt".to_string()];
        all.extend(files.iter().cloned());
        all
    };
    let (a, b) = (args(&one), args(&two));
    let both = args(&[one.clone(), two.clone()].concat());
    let [a, b, both]: [Vec<&str>; 3] =
        [&a, &b, &both].map(|v| v.iter().map(String::as_str).collect());
    for _ in 0..10 {
        mess_up(&f);
        side_by_side(dir, &[&a, &b, &both]);
        assert_eq!(temporaries(dir), Vec::<String>::new());
    }
}

#[test]
fn builds_pages_and_exports_side_by_side_all_succeed() {
    let f = Fixture::copy_of("sample");
    let dir = f.dir.path();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site").display().to_string();
    let csv = out.path().join("plans.csv").display().to_string();
    for _ in 0..3 {
        side_by_side(
            dir,
            &[
                &["build"],
                &["build"],
                &["site", "-o", &site],
                &["site", "-o", &site],
                &["export", "--format", "csv", "-o", &csv],
                &["export", "--format", "csv", "-o", &csv],
            ],
        );
        assert_eq!(temporaries(dir), Vec::<String>::new());
        assert_eq!(temporaries(out.path()), Vec::<String>::new());
        assert_eq!(f.run(&["build", "--check"]).code, 0);
    }
}

/// Makes the file at `path` older than a leftover must be (a run locks its file at once; one
/// just made may not be locked yet).
fn age(path: &Path) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - 2 * plans::generated::LEFTOVER_AGE)
        .unwrap();
}

/// What an interrupted `site` or `export -o` left (a temporary file no run holds) is removed
/// by the next run, which says so; a temporary file another run holds is not.
#[test]
fn site_and_export_remove_what_an_interrupted_run_left() {
    let f = Fixture::copy_of("sample");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    std::fs::create_dir(&site).unwrap();
    let left = site.join(".index.html.Ab12Cd.plans-tmp");
    let kept = site.join(".plans.json.Ef34Gh.plans-tmp");
    let csv_left = out.path().join(".plans.csv.Ij56Kl.plans-tmp");
    for (path, text) in [(&left, "<html>half"), (&kept, "{"), (&csv_left, "half")] {
        std::fs::write(path, text).unwrap();
        age(path);
    }
    // Held, as the run writing it holds it.
    let holder = std::fs::File::open(&kept).unwrap();
    holder.try_lock().unwrap();

    let shown = |p: &Path| p.display().to_string();
    let page = f.run(&["--lang", "ja", "site", "-o", &shown(&site)]);
    let export = f.run(&[
        "export",
        "--format",
        "csv",
        "-o",
        &shown(&out.path().join("plans.csv")),
    ]);
    assert_eq!((page.code, export.code), (0, 0));
    let said = format!(
        "{}{}{}{}",
        page.stdout, page.stderr, export.stdout, export.stderr
    )
    .replace(&shown(out.path()), "OUT");
    insta::assert_snapshot!(said, @r"
    中断した実行が残した一時ファイル OUT/site/.index.html.Ab12Cd.plans-tmp を削除しました。
    OUT/site/ にページとファイルを書き出しました（12 個）。ブラウザーで OUT/site/index.html を開くと見られます。
    removed the temporary file OUT/.plans.csv.Ij56Kl.plans-tmp, left by an interrupted run
    wrote OUT/plans.csv
    ");
    assert!(!left.exists());
    assert!(kept.exists(), "another run's file was removed");
    assert!(!csv_left.exists());
}
