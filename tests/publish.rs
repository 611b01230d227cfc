//! `plans report` and `plans site` without a browser (the page in a browser is
//! `tests/site.rs`): the whole report and the whole page of the fictional fixture, snapshotted;
//! reproducible output; markup in the data escaped; the real repository's report current and
//! its links and figures whole; refusal of data with errors and of bad output paths, each
//! writing nothing.

mod common;

use std::path::Path;

use common::{Fixture, listing, run_in};

fn real() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every plan file of a repository, read here with serde_json: its id and the departments
/// that have a part in it (its own, then those named only for a sub-project), in id order.
fn plans_of(root: &Path) -> Vec<(String, Vec<String>)> {
    let mut plans = Vec::new();
    for dir in std::fs::read_dir(root.join("plans")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let plan = read_json(&file.unwrap().path());
            let mut names: Vec<String> = Vec::new();
            let subprojects = plan["subprojects"].as_array().cloned().unwrap_or_default();
            let named =
                plan["departments"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .chain(subprojects.iter().flat_map(|s| {
                        s["departments"]
                            .as_array()
                            .map(|a| a.as_slice())
                            .unwrap_or_default()
                    }));
            for name in named {
                let name = name.as_str().unwrap().to_string();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            plans.push((plan["id"].as_str().unwrap().to_string(), names));
        }
    }
    let key = |id: &str| -> Vec<u32> { id.split('-').map(|n| n.parse().unwrap()).collect() };
    plans.sort_by_key(|p| key(&p.0));
    plans
}

/// The ids of `plans`, in order.
fn ids(plans: &[(String, Vec<String>)]) -> Vec<String> {
    plans.iter().map(|p| p.0.clone()).collect()
}

#[test]
fn the_report_of_the_fixture() {
    let f = Fixture::copy_of("sample");
    let printed = f.run(&["report", "--stdout"]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    assert_eq!(printed.stderr, "");
    insta::assert_snapshot!("report_of_the_fixture", printed.stdout);

    let written = f.run(&["--lang", "ja", "report"]);
    assert_eq!(
        (
            written.code,
            written.stdout.as_str(),
            written.stderr.as_str()
        ),
        (0, "charts/README.md に書き出しました。\n", "")
    );
    assert_eq!(f.read("charts/README.md"), printed.stdout);
    // Written again: the same bytes, and still only the report in charts/.
    let again = f.run(&["report"]);
    assert_eq!(again.stdout, "wrote charts/README.md\n");
    assert_eq!(f.read("charts/README.md"), printed.stdout);
    let files: Vec<_> = listing(&f.path("charts"))
        .into_iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["README.md"]);
}

/// A year's progress report (`report --year`): that year's counts and each plan's status
/// with its label, each plan linked to its own page on the site given; printed, or written
/// to `-o`, never into charts/ (which holds no progress). A `--site` that is not a web address
/// is refused before anything is read; without progress set up there are no plan pages, so
/// no links.
#[test]
fn a_years_report_links_each_plan_to_its_page() {
    let f = common::with_progress();
    common::give_progress(
        &f,
        "plans/goal-1/1-1-2.json",
        "    \"2026\": { \"status\": \"B\", \"summary\": \"架空の結果です。\" }",
    );
    let printed = f.run(&[
        "report",
        "--year",
        "2026",
        "--site",
        "https://example.invalid/架空の市/plans",
    ]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    insta::assert_snapshot!("report_of_a_year", printed.stdout);
    let out = f.path("out.md").display().to_string();
    let written = f.run(&[
        "--lang",
        "ja",
        "report",
        "--year",
        "2026",
        "-o",
        &out,
        "--site",
        "https://example.invalid/架空の市/plans",
    ]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert_eq!(f.read("out.md"), printed.stdout);
    assert!(
        !f.path("charts").exists(),
        "a year's report went into charts/"
    );
    let mut refused = String::new();
    for (lang, site) in [
        ("ja", "javascript:alert(1)"),
        ("en", "https://example.invalid/a b"),
        ("ja", "https://"),
        ("ja", "https://example.invalid/[架空](x)"),
    ] {
        let run = f.run(&["--lang", lang, "report", "--year", "2026", "--site", site]);
        refused.push_str(&format!(
            "$ plans report --site {site}\nexit code {}\n{}{}",
            run.code, run.stdout, run.stderr
        ));
    }
    insta::assert_snapshot!("report_site_refused", refused);
    let plain = Fixture::copy_of("sample");
    let linked = plain.run(&[
        "report",
        "--stdout",
        "--site",
        "https://example.invalid/plans/",
    ]);
    assert_eq!(linked.stdout, plain.run(&["report", "--stdout"]).stdout);
}

#[test]
fn markup_in_the_data_stays_text() {
    let f = Fixture::copy_of("sample");
    f.edit(
        "plans/goal-1/1-1-1.json",
        "\"title\": \"",
        "\"title\": \"<b>太字</b>|縦棒*星_下線[括弧](x) & ",
    );
    let report = f.run(&["report", "--stdout"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    let row = report
        .stdout
        .lines()
        .find(|l| l.starts_with("| 1-1-1 |"))
        .expect("the row of 1-1-1");
    assert!(
        row.contains(r"\<b\>太字\</b\>\|縦棒\*星\_下線\[括弧\](x) \& "),
        "{row}"
    );
    // Four cells (five bars): the escaped | does not make a fifth cell.
    let bars = row.replace("\\|", "").matches('|').count();
    assert_eq!(bars, 5, "{row}");

    let out = tempfile::tempdir().unwrap();
    let site = f.run(&["site", "-o", &out.path().display().to_string()]);
    assert_eq!(site.code, 0, "{}", site.stderr);
    let page = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(
        !page.contains("<b>太字"),
        "markup from the data reached the page"
    );
    assert!(page.contains("&lt;b&gt;太字&lt;/b&gt;|縦棒*星_下線[括弧](x) &amp; "));
}

/// The real repository: `charts/README.md` is what `report` makes, every chart it shows is in
/// `charts/` (and every chart there is shown), and every plan is listed once in the table.
#[test]
fn the_real_report_is_current_and_whole() {
    let printed = run_in(real(), &["report", "--stdout"]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    let committed = std::fs::read_to_string(real().join("charts/README.md")).unwrap();
    assert_eq!(
        committed, printed.stdout,
        "charts/README.md is not current: run `cargo run -- build`"
    );
    let mut shown: Vec<String> = Vec::new();
    for line in committed.lines() {
        for (open, close) in [("](", ")")] {
            let mut rest = line;
            while let Some(at) = rest.find(open) {
                rest = &rest[at + open.len()..];
                let end = rest.find(close).unwrap();
                let target = &rest[..end];
                if !target.starts_with('#') {
                    shown.push(target.to_string());
                }
                rest = &rest[end..];
            }
        }
    }
    shown.sort();
    let mut charts: Vec<String> = std::fs::read_dir(real().join("charts"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".svg") || n.ends_with(".png"))
        .collect();
    charts.sort();
    assert_eq!(shown, charts);
    // Every plan file is one row of the list, in id order.
    let plans = plans_of(real());
    let rows: Vec<String> = committed
        .lines()
        .filter(|l| l.starts_with("| ") && l.as_bytes().get(2).is_some_and(u8::is_ascii_digit))
        .map(|l| l[2..].split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(rows, ids(&plans), "one row for each plan file");
    // The totals and the index by department are what the files hold.
    let outline = read_json(&real().join("plans/outline.json"));
    let goals = outline["goals"].as_array().unwrap();
    let areas: usize = goals
        .iter()
        .map(|g| g["items"].as_array().unwrap().len())
        .sum();
    let register: Vec<String> = read_json(&real().join("plans/departments.json"))["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect();
    let plans_of_department = |name: &String| plans.iter().filter(|p| p.1.contains(name)).count();
    let in_charge = register
        .iter()
        .filter(|d| plans_of_department(d) > 0)
        .count();
    // 「重点推進目標 G 件、取組事項 A 件、計画 N 件（amendments, if any）です。D の課・機関が担当します。」
    let summary = committed
        .lines()
        .find(|l| l.starts_with("重点推進目標 "))
        .expect("the report's first sentence");
    let counts = format!(
        "重点推進目標 {} 件、取組事項 {areas} 件、計画 {} 件",
        goals.len(),
        plans.len()
    );
    let in_charge = format!("{in_charge} の課・機関が担当します。");
    assert!(
        summary.starts_with(&counts) && summary.ends_with(&in_charge),
        "the report says 「{summary}」, not 「{counts}…{in_charge}」"
    );
    let index = &committed[committed.find("## 担当課別の索引").unwrap()..];
    let headings: Vec<&str> = index.lines().filter(|l| l.starts_with("### ")).collect();
    let expected: Vec<String> = register
        .iter()
        .map(|d| format!("### {d}（{} 件）", plans_of_department(d)))
        .collect();
    assert_eq!(headings, expected, "the index by department");
}

#[test]
fn the_page_of_the_fixture() {
    let f = Fixture::copy_of("sample");
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("site");
    let run = f.run(&["--lang", "ja", "site", "-o", &folder.display().to_string()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{0}/ にページとファイルを書き出しました（12 個）。ブラウザーで {0}/index.html を開くと見られます。\n",
            folder.display()
        )
    );
    let files = listing(&folder);
    let names: Vec<String> = files
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    insta::assert_snapshot!("site_files_of_the_fixture", names.join("\n"));
    let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
    insta::assert_snapshot!("page_of_the_fixture", page);
    // The data to download is what `export` gives.
    let csv = f.run(&["export", "--format", "csv"]);
    let json = f.run(&["export", "--format", "json"]);
    assert_eq!(
        std::fs::read_to_string(folder.join("plans.csv")).unwrap(),
        csv.stdout
    );
    // The site's JSON is the same document on one line (only programs read it).
    let site_json = std::fs::read_to_string(folder.join("plans.json")).unwrap();
    assert_eq!(site_json.lines().count(), 1);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&site_json).unwrap(),
        serde_json::from_str::<serde_json::Value>(&json.stdout).unwrap()
    );
    // Built again into another folder: the same bytes.
    let other = out.path().join("again");
    assert_eq!(f.run(&["site", "-o", &other.display().to_string()]).code, 0);
    let strip = |l: Vec<(std::path::PathBuf, Vec<u8>)>, root: &Path| {
        l.into_iter()
            .map(|(p, b)| (p.strip_prefix(root).unwrap().to_path_buf(), b))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(listing(&other), &other), strip(files, &folder));
    // Without -o: site/ in the repository.
    let default = f.run(&["site"]);
    assert_eq!(default.code, 0, "{}", default.stderr);
    assert!(f.path("site/index.html").is_file());
}

/// The real page: no address outside the folder, every local reference present, under 2 MB.
#[test]
fn the_real_page_is_self_contained_and_small() {
    let out = tempfile::tempdir().unwrap();
    let run = run_in(real(), &["site", "-o", &out.path().display().to_string()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = listing(out.path());
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    assert!(total < 2 * 1024 * 1024, "the site is {total} bytes");
    let page = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    for scheme in ["http:", "https:", "//"] {
        for attr in ["src=\"", "href=\"", "url("] {
            assert!(
                !page.contains(&format!("{attr}{scheme}")),
                "the page refers to {attr}{scheme}…"
            );
        }
    }
    for attr in ["src=\"", "href=\""] {
        for part in page.split(attr).skip(1) {
            let target = &part[..part.find('"').unwrap()];
            if let Some(id) = target.strip_prefix('#') {
                assert!(page.contains(&format!("id=\"{id}\"")), "no #{id}");
            } else {
                assert!(out.path().join(target).is_file(), "no {target}");
            }
        }
    }
    let rows: Vec<String> = page
        .split("<tr class=\"plan\" id=\"plan-")
        .skip(1)
        .map(|r| r[..r.find('"').unwrap()].to_string())
        .collect();
    assert_eq!(rows, ids(&plans_of(real())), "one row for each plan file");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
}

#[test]
fn refusals_write_nothing() {
    let f = Fixture::copy_of("sample");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let shown = target.display().to_string();
    // An output folder whose parent does not exist, and a file named as the folder.
    let missing = out.path().join("no/such");
    let run = f.run(&["site", "-o", &missing.display().to_string()]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            format!(
                "plans: the folder {} does not exist\n  = hint: write into a folder that exists; check the folder's name for a typo\n",
                out.path().join("no").display()
            )
            .as_str()
        )
    );
    std::fs::write(&target, "x").unwrap();
    let run = f.run(&["--lang", "ja", "site", "-o", &shown]);
    assert_eq!(
        (run.code, run.stderr.clone()),
        (
            2,
            format!(
                "plans: {shown} はフォルダーではなくファイルです。\n  = 直し方: 公開ページや進捗管理シートは、フォルダーに書き出します。-o にはフォルダーの名前を指定してください（ないときは作ります）。\n"
            )
        )
    );
    std::fs::remove_file(&target).unwrap();
    // Data with errors: exit 1, the problems and the refusal on standard error, nothing written.
    f.edit("plans/goal-1/1-1-2.json", ",", "");
    for args in [
        vec!["report"],
        vec!["report", "--stdout"],
        vec!["site", "-o", &shown],
    ] {
        let run = f.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.ends_with(
                "plans: the data has errors, so nothing was written; fix them and run the command again\n"
            ),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(!f.path("charts").exists());
    assert!(!target.exists());
}

/// `-o` never replaces what is not an ordinary file (a link, a pipe, a device) and never
/// writes into `plans/`: exit 2, one sentence, nothing written.
#[cfg(unix)]
#[test]
fn outputs_never_replace_links_pipes_devices_or_data() {
    let f = Fixture::copy_of("sample");
    let shown = |rel: &str| f.path(rel).display().to_string();
    f.write("shared/real.csv", "kept");
    std::os::unix::fs::symlink(f.path("shared/real.csv"), f.path("link.csv")).unwrap();
    // site/ (the page's default folder) a link to a folder elsewhere, which must stay empty.
    std::fs::create_dir(f.path("shared/elsewhere")).unwrap();
    std::os::unix::fs::symlink(f.path("shared/elsewhere"), f.path("site")).unwrap();
    std::os::unix::fs::symlink(f.path("shared/elsewhere"), f.path("shared/linked")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(f.path("pipe.csv"))
        .status()
        .unwrap();
    assert!(fifo.success());
    // The pipe is left out of the listing (reading it would wait for a writer).
    let files = || {
        let mut all = listing(&f.path("plans"));
        all.extend(listing(&f.path("shared")));
        all
    };
    let before = files();
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            vec!["export".into(), "--format".into(), "csv".into(), "-o".into(), shown("link.csv")],
            format!("plans: {} is not an ordinary file (it is a link, a pipe, a device or the like)\n  = hint: give the name of an ordinary file to write; to print on standard output, leave out -o\n", shown("link.csv")),
        ),
        (
            vec!["export".into(), "--format".into(), "csv".into(), "-o".into(), shown("pipe.csv")],
            format!("plans: {} is not an ordinary file (it is a link, a pipe, a device or the like)\n  = hint: give the name of an ordinary file to write; to print on standard output, leave out -o\n", shown("pipe.csv")),
        ),
        (
            vec!["export".into(), "--format".into(), "csv".into(), "-o".into(), "/dev/null".into()],
            "plans: /dev/null is not an ordinary file (it is a link, a pipe, a device or the like)\n  = hint: give the name of an ordinary file to write; to print on standard output, leave out -o\n".into(),
        ),
        (
            vec!["export".into(), "--format".into(), "json".into(), "-o".into(), shown("plans/outline.json")],
            format!("plans: {} is inside plans/, the folder of the plan data\n  = hint: plans/ holds only the plan data: write somewhere outside it\n", shown("plans/outline.json")),
        ),
        (
            vec!["site".into(), "-o".into(), shown("plans")],
            format!("plans: {} is inside plans/, the folder of the plan data\n  = hint: plans/ holds only the plan data: write somewhere outside it\n", shown("plans")),
        ),
        (
            vec!["site".into(), "-o".into(), shown("shared/../plans/goal-1/site")],
            format!("plans: {} is inside plans/, the folder of the plan data\n  = hint: plans/ holds only the plan data: write somewhere outside it\n", shown("shared/../plans/goal-1/site")),
        ),
        (
            vec!["site".into()],
            format!("plans: {}/ is a symbolic link; nothing is written through links\n  = hint: replace the link with a folder, or remove it; a missing folder {}/ is made when it is written\n", shown("site"), shown("site")),
        ),
        (
            vec!["site".into(), "-o".into(), format!("{}/", shown("site"))],
            format!("plans: {}/ is a symbolic link; nothing is written through links\n  = hint: replace the link with a folder, or remove it; a missing folder {}/ is made when it is written\n", shown("site"), shown("site")),
        ),
        (
            vec!["site".into(), "-o".into(), format!("{}/.", shown("site"))],
            format!("plans: {}/ is a symbolic link; nothing is written through links\n  = hint: replace the link with a folder, or remove it; a missing folder {}/ is made when it is written\n", shown("site"), shown("site")),
        ),
        (
            vec!["export".into(), "--format".into(), "csv".into(), "-o".into(), shown("shared/linked/plans.csv")],
            format!("plans: {}/ is a symbolic link; nothing is written through links\n  = hint: replace the link with a folder, or remove it; a missing folder {}/ is made when it is written\n", shown("shared/linked"), shown("shared/linked")),
        ),
        (
            vec!["site".into(), "-o".into(), shown("shared/linked/page")],
            format!("plans: {}/ is a symbolic link; nothing is written through links\n  = hint: replace the link with a folder, or remove it; a missing folder {}/ is made when it is written\n", shown("shared/linked"), shown("shared/linked")),
        ),
    ];
    for (args, said) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = f.run(&args);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (2, "", said.as_str()),
            "{args:?}"
        );
    }
    assert_eq!(files(), before, "something was written");
    let mut names: Vec<String> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["link.csv", "pipe.csv", "plans", "shared", "site"]);
    assert_eq!(
        std::fs::read_dir(f.path("shared/elsewhere"))
            .unwrap()
            .count(),
        0,
        "written through site/"
    );
    assert!(
        std::fs::symlink_metadata(f.path("link.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// A registered department with no plan: listed in the index with no plan, and not counted
/// among the departments in charge; a name that ends in `/` names a folder.
#[test]
fn a_department_without_plans_and_a_folder_named_with_a_slash() {
    let f = Fixture::copy_of("sample");
    f.edit(
        "plans/departments.json",
        "{ \"name\": \"試験監査室\" }",
        "{ \"name\": \"試験監査室\" },\n    { \"name\": \"架空未使用課\" }",
    );
    let report = f.run(&["report", "--stdout"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert!(
        report
            .stdout
            .contains("計画 16 件です。8 の課・機関が担当します。")
    );
    assert!(
        report
            .stdout
            .ends_with("### 架空未使用課（0 件）\n\n担当する計画はありません。\n\n"),
        "{}",
        report.stdout
    );
    let slash = f.path("out.csv/").display().to_string();
    let run = f.run(&["export", "--format", "csv", "-o", &slash]);
    assert_eq!(
        (run.code, run.stderr),
        (
            2,
            format!(
                "plans: the folder {} does not exist\n  = hint: write into a folder that exists; check the folder's name for a typo\n",
                f.path("out.csv").display()
            )
        )
    );
    assert!(!f.path("out.csv").exists());
}

/// With progress switched on (fictional): the report and the page show the latest year with
/// any entry: its counts, its chart, the status of each plan, and on the page a filter by
/// status.
#[test]
fn the_latest_year_of_progress_in_the_report_and_the_page() {
    let f = common::with_progress();
    common::open_year(&f, 2027);
    common::give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"B\", \"summary\": \"架空の結果です。\" },\n    \"2027\": { \"status\": \"A\", \"summary\": \"架空の結果その二です。\" }",
    );
    common::give_progress(
        &f,
        "plans/goal-3/3-1-1.json",
        "    \"2027\": { \"status\": \"D\", \"summary\": \"架空の結果です。\" }",
    );
    // The committed report holds no progress (a department's report never changes it); it
    // says where progress is shown.
    let report = f.run(&["report", "--stdout"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    insta::assert_snapshot!("report_with_progress", report.stdout);
    // Another year on request (here the year before the one being reported); a year not yet
    // open is refused by every command that shows a year's progress.
    let earlier = tempfile::tempdir().unwrap();
    let run = f.run(&[
        "site",
        "--year",
        "2026",
        "-o",
        &earlier.path().display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(earlier.path().join("index.html")).unwrap();
    let section = page
        .split("<section id=\"progress\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("a progress section");
    insta::assert_snapshot!("page_progress_section_of_an_earlier_year", section);
    let mut refused = String::new();
    for (command, lang) in [("site", "ja"), ("site", "en"), ("progress", "ja")] {
        let run = f.run(&[command, "--year", "2028", "--lang", lang]);
        refused.push_str(&format!(
            "$ plans {command} --year 2028 --lang {lang}\nexit code: {}\n{}{}",
            run.code, run.stdout, run.stderr
        ));
    }
    insta::assert_snapshot!("a_year_not_open_is_refused", refused);

    let out = tempfile::tempdir().unwrap();
    let run = f.run(&["site", "-o", &out.path().display().to_string()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let section = page
        .split("<section id=\"progress\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("a progress section");
    insta::assert_snapshot!("page_progress_section", section);
    assert!(page.contains("<select id=\"f-status\">\n<option value=\"\">すべて</option>\n<option value=\"A\">A　架空の段階その一</option>"));
    assert_eq!(page.matches(" data-status=\" \"").count(), 14);
    assert!(page.contains("<tr class=\"plan\" id=\"plan-1-1-1\" data-goal=\"1\" data-departments=\"試験企画課\" data-text=\"1-1-1&#10;架空組織の見直し&#10;試験企画課\" data-status=\"A\">"));
    assert!(
        page.contains("<td class=\"status\">A<span class=\"label\">架空の段階その一</span><span class=\"excerpt\">架空の結果その二です。</span></td>")
    );
    // The charts of both years are written; the page shows the latest.
    for year in [2026, 2027] {
        assert!(out.path().join(format!("progress-{year}.svg")).is_file());
    }
    assert!(page.contains("<img src=\"progress-2027.svg\""));
    assert!(!page.contains("progress-2026.svg"));
}

/// Text that is markup, quotes or a `javascript:` link in every kind of field the page shows
/// (fictional): the whole page holds it as text, escaped the same way in elements and in
/// attributes, and the SVG charts too (each read back as XML; their text, snapshotted).
#[test]
fn hostile_text_in_the_page_and_the_charts_stays_text() {
    let f = common::hostile();
    let set = |rel: &str, pointer: &str, value: &str| common::set_text(&f, rel, pointer, value);
    set(
        "plans/outline.json",
        "/title",
        "架空\"計画' <b>&amp;</b> <a href=\"javascript:alert(1)\">x</a>",
    );
    set(
        "plans/outline.json",
        "/goals/0/title",
        "\"><script>alert('x')</script>",
    );
    set(
        "plans/outline.json",
        "/goals/1/items/0/title",
        "javascript:alert(1) & 'q' \"d\" <i>",
    );
    set("plans/outline.json", "/progress/scale/0/code", "<A'\"&>");
    set(
        "plans/outline.json",
        "/progress/scale/1/label",
        "<img src=x onerror='alert(1)'> & \"b\"",
    );
    set(
        "plans/goal-1/1-1-1.json",
        "/progress/2026/status",
        "<A'\"&>",
    );
    set(
        "plans/goal-2/2-1-1.json",
        "/title",
        "<a href='javascript:alert(1)'>架空'</a> &lt; &#39;",
    );
    common::rename_department(
        &f,
        "試験企画課",
        "試験\"企画' <u>課</u> & javascript:void(0)",
    );
    // Every text of a year's entry that a plan's own page shows.
    {
        let rel = "plans/goal-2/2-2-2.json";
        let mut plan: serde_json::Value = serde_json::from_str(&f.read(rel)).unwrap();
        plan["progress"]["2026"] = serde_json::json!({
            "status": "B",
            "summary": "<b>架空</b>\n<script>alert('x')</script> & \"q\"",
            "next_steps": "javascript:alert(1)\n<i>架空</i>",
            "comment": { "by": "committee", "text": "<img src=x onerror='alert(1)'>" }
        });
        f.write(
            rel,
            format!("{}\n", serde_json::to_string_pretty(&plan).unwrap()),
        );
    }
    let out = tempfile::tempdir().unwrap();
    let run = f.run(&["site", "-o", &out.path().display().to_string()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);

    let plan_page = std::fs::read_to_string(out.path().join("plan/2-2-2.html")).unwrap();
    for raw in ["<b>", "<script>", "<i>", "<img", "'"] {
        assert!(!plan_page.contains(raw), "{raw} reached a plan's page");
    }
    insta::assert_snapshot!("plan_page_of_hostile_text", plan_page);

    let page = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    // The style and the script as they are (the fixture's page snapshot shows them).
    let style = format!(
        "<style>\n{}{}</style>\n",
        include_str!("../src/site/base.css"),
        include_str!("../src/site/site.css")
    );
    let script = format!(
        "<script>\n{}</script>\n",
        include_str!("../src/site/site.js")
    );
    assert_eq!(page.matches(&style).count(), 1);
    assert_eq!(page.matches(&script).count(), 1);
    let page = page
        .replace(&style, "<style>…</style>\n")
        .replace(&script, "<script>…</script>\n");
    for raw in [
        "<b>",
        "<a href=\"javascript",
        "<a href='javascript",
        "<script>alert",
        "<img src=x",
        "<u>",
        "<i>",
        "'",
    ] {
        assert!(!page.contains(raw), "{raw} reached the page");
    }
    insta::assert_snapshot!("page_of_hostile_text", page);

    let mut titles = String::new();
    for (path, bytes) in listing(out.path()) {
        if path.extension().is_some_and(|e| e == "svg") {
            let svg = String::from_utf8(bytes).unwrap();
            roxmltree::Document::parse(&svg).unwrap();
            titles.push_str(&format!("{}:\n", path.file_name().unwrap().display()));
            for t in svg.split("<title>").skip(1) {
                titles.push_str(t.split("</title>").next().unwrap());
                titles.push('\n');
            }
        }
    }
    assert!(!titles.contains('\''), "an SVG writes ' as it is");
    insta::assert_snapshot!("chart_text_of_hostile_text", titles);
}

/// Three fictional years: each plan's own page (個票) shows every year it is a plan of, with
/// everything its entry holds (paragraphs, indicators with grouped figures, issues, the fiscal
/// effect, the section's and the committee's comments), 「まだ報告されていません」 for the year
/// being reported and 「報告されていません」 for an earlier year without an entry; the main page
/// shows every year side by side and links each plan to its page.
#[test]
fn each_plan_has_its_own_page_and_the_years_stand_side_by_side() {
    let f = common::with_progress();
    common::open_year(&f, 2028);
    common::give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        concat!(
            "    \"2026\": {\n",
            "      \"status\": \"B\",\n",
            "      \"summary\": \"架空の第一段落です。\\n架空の第二段落です。\",\n",
            "      \"indicators\": [\n",
            "        { \"name\": \"架空の回数\", \"unit\": \"回\", \"target\": 12, \"actual\": 10 },\n",
            "        { \"name\": \"架空の額\", \"unit\": \"千円\", \"target\": 12000 }\n",
            "      ],\n",
            "      \"next_steps\": \"架空の課題です。\\n架空の方向性です。\",\n",
            "      \"fiscal_effect\": { \"amount\": 1234567, \"unit\": \"千円\" },\n",
            "      \"comment\": { \"by\": \"committee\", \"text\": \"架空の講評です。\" }\n",
            "    },\n",
            "    \"2027\": {\n",
            "      \"status\": \"A\",\n",
            "      \"summary\": \"架空の結果その二です。\",\n",
            "      \"comment\": { \"by\": \"section\", \"text\": \"架空の所見です。\" }\n",
            "    }"
        ),
    );
    common::give_progress(
        &f,
        "plans/goal-3/3-1-1.json",
        "    \"2028\": { \"status\": \"D\", \"summary\": \"架空の結果です。\" }",
    );
    // A plan completed in 2026 is not a plan of 2027 or 2028: its page has 2026 only.
    common::append_field(
        &f,
        "plans/goal-3/3-2-2.json",
        "  \"ended\": { \"year\": 2026, \"reason\": \"completed\" }\n",
    );
    let out = tempfile::tempdir().unwrap();
    let run = f.run(&["site", "-o", &out.path().display().to_string()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);

    let plans: Vec<String> = listing(out.path())
        .into_iter()
        .map(|(p, _)| p.strip_prefix(out.path()).unwrap().display().to_string())
        .filter(|p| p.starts_with("plan/"))
        .collect();
    assert_eq!(plans.len(), 17, "{plans:?}");
    assert_eq!(plans.last().map(String::as_str), Some("plan/style.css"));
    let page = |rel: &str| std::fs::read_to_string(out.path().join(rel)).unwrap();
    insta::assert_snapshot!("plan_page_with_three_years", page("plan/1-1-1.html"));
    let ended = page("plan/3-2-2.html");
    let years: Vec<&str> = ended
        .lines()
        .filter(|l| l.starts_with("<h2 id=\"year-"))
        .collect();
    insta::assert_snapshot!("plan_page_of_a_plan_ended_earlier", years.join("\n"));

    let index = page("index.html");
    let history = index
        .split("<section id=\"history\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("a section of every year");
    insta::assert_snapshot!("page_every_year_side_by_side", history);
    assert!(
        index.contains("<th scope=\"row\" class=\"id\"><a href=\"plan/3-1-1.html\">3-1-1</a></th>")
    );
    // The same pages whatever year's page links to them, and byte for byte on a second run.
    let again = tempfile::tempdir().unwrap();
    let run = f.run(&["site", "-o", &again.path().display().to_string()]);
    assert_eq!(run.code, 0);
    assert_eq!(listing(out.path()).len(), listing(again.path()).len());
    for ((a, x), (_, y)) in listing(out.path()).into_iter().zip(listing(again.path())) {
        assert!(x == y, "{} differs between two runs", a.display());
    }
}
