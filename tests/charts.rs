//! Charts: the statistics against the seed's own figures, every chart produced and readable,
//! reproducible output, `build --check`, and refusal to draw from invalid data.

mod common;

use common::{Fixture, run_in};
use plans::chart::scene::{Item, Scene};
use plans::chart::style::FONT;
use plans::chart::text::Font;
use plans::check::check_repository;
use plans::stats::Stats;

fn real_root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stats_of(root: &std::path::Path) -> Stats {
    Stats::compute(&check_repository(root).unwrap().model())
}

/// A department's figures as the tests compare them: (name, plans per goal, plans).
type DepartmentFigures = (String, Vec<usize>, usize);

/// A goal's figures: (number, plans, (action area number, plans) in outline order).
type GoalFigures = (u64, usize, Vec<(u64, usize)>);

/// Each department's figures, in the order of the statistics.
fn departments_of(stats: &Stats) -> Vec<DepartmentFigures> {
    stats
        .departments
        .iter()
        .map(|d| (d.name.clone(), d.per_goal.clone(), d.plans))
        .collect()
}

/// The statistics of the fictional fixture, counted by hand from its files: plans per goal
/// and per action area, and each department's plans per goal, by count then register order.
/// 試験施設課 is named on 2-2-2 and on one of its sub-projects: one plan.
#[test]
fn statistics_of_the_fixture_are_counted_by_hand() {
    let stats = stats_of(&common::fixtures().join("sample"));
    let per_goal: Vec<usize> = stats.goals.iter().map(|g| g.plans).collect();
    assert_eq!(per_goal, vec![8, 5, 3]);
    assert_eq!(stats.total, 16);
    let items: Vec<Vec<usize>> = stats
        .goals
        .iter()
        .map(|g| g.items.iter().map(|i| i.2).collect())
        .collect();
    assert_eq!(items, vec![vec![3, 2, 3], vec![2, 3], vec![1, 2]]);
    let d = |name: &str, per_goal: [usize; 3]| {
        (name.to_string(), per_goal.to_vec(), per_goal.iter().sum())
    };
    assert_eq!(
        departments_of(&stats),
        vec![
            d("試験企画課", [4, 0, 1]),
            d("試験市民課", [2, 0, 1]),
            d("試験財務課", [0, 3, 0]),
            d("試験人事課", [2, 0, 0]),
            d("DX試験課", [2, 0, 0]),
            d("試験施設課", [0, 2, 0]),
            d("試験環境課", [0, 1, 0]),
            d("試験監査室", [0, 0, 1]),
        ]
    );
}

/// The real data's statistics are what its files say, counted here with serde_json (not by
/// the code under test): plans per goal and action area of `plans/outline.json`, every
/// registered department's plans per goal (a name listed twice on one plan counts once), in
/// order of count, then register. Nothing here is a figure of the document: an amendment
/// changes the files and the figures together.
#[test]
fn statistics_of_the_real_data_are_its_files() {
    let read = |rel: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(real_root().join(rel)).unwrap()).unwrap()
    };
    let outline = read("plans/outline.json");
    let goals: Vec<(u64, Vec<u64>)> = outline["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let areas = g["items"].as_array().unwrap();
            let numbers = areas
                .iter()
                .map(|a| a["number"].as_u64().unwrap())
                .collect();
            (g["number"].as_u64().unwrap(), numbers)
        })
        .collect();
    // (goal, action area, departments) of every plan file.
    let mut plans: Vec<(u64, u64, Vec<String>)> = Vec::new();
    for dir in std::fs::read_dir(real_root().join("plans")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let plan: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(file.unwrap().path()).unwrap())
                    .unwrap();
            let id: Vec<u64> = plan["id"]
                .as_str()
                .unwrap()
                .split('-')
                .map(|n| n.parse().unwrap())
                .collect();
            let mut names: Vec<String> = Vec::new();
            for name in plan["departments"].as_array().unwrap() {
                let name = name.as_str().unwrap().to_string();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            plans.push((id[0], id[1], names));
        }
    }
    let stats = stats_of(real_root());
    assert_eq!(stats.total, plans.len());
    let expected_goals: Vec<GoalFigures> = goals
        .iter()
        .map(|(g, areas)| {
            let in_area = |a: u64| plans.iter().filter(|p| p.0 == *g && p.1 == a).count();
            let areas: Vec<(u64, usize)> = areas.iter().map(|&a| (a, in_area(a))).collect();
            (*g, areas.iter().map(|a| a.1).sum(), areas)
        })
        .collect();
    let goals_of_stats: Vec<GoalFigures> = stats
        .goals
        .iter()
        .map(|g| {
            let areas = g.items.iter().map(|i| (i.0, i.2)).collect();
            (g.number, g.plans, areas)
        })
        .collect();
    assert_eq!(goals_of_stats, expected_goals);
    let register = read("plans/departments.json");
    let mut expected: Vec<(usize, DepartmentFigures)> = register["departments"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(order, d)| {
            let name = d["name"].as_str().unwrap().to_string();
            let per_goal: Vec<usize> = goals
                .iter()
                .map(|(g, _)| {
                    plans
                        .iter()
                        .filter(|p| p.0 == *g && p.2.contains(&name))
                        .count()
                })
                .collect();
            let total = per_goal.iter().sum();
            (order, (name, per_goal, total))
        })
        .collect();
    expected.sort_by(|a, b| b.1.2.cmp(&a.1.2).then(a.0.cmp(&b.0)));
    let expected: Vec<_> = expected.into_iter().map(|(_, d)| d).collect();
    assert_eq!(departments_of(&stats), expected);
}

fn build(f: &Fixture, extra: &[&str]) -> common::Run {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    f.run(&args)
}

#[test]
fn build_produces_every_chart_readable_and_reproducible() {
    let f = Fixture::minimal();
    let run = build(&f, &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let names = [
        "by-goal",
        "by-department",
        "goal-1",
        "goal-2",
        "structure",
        "structure-1",
        "structure-2",
    ];
    let mut first = Vec::new();
    for name in names {
        let png = std::fs::read(f.path(&format!("charts/{name}.png"))).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png.clone()));
        let reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().width, 1600, "{name}");
        assert!(reader.info().height > 200, "{name}");
        let svg = f.read(&format!("charts/{name}.svg"));
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(
            svg.contains("<title>"),
            "text is kept for search and screen readers"
        );
        assert!(
            !svg.contains("<text"),
            "glyphs are outlines, not fonts the reader may lack"
        );
        first.push((png, svg));
    }
    let mut files: Vec<String> = std::fs::read_dir(f.path("charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        15,
        "no temporary files are left behind: {files:?}"
    );
    std::fs::remove_dir_all(f.path("charts")).unwrap();
    assert_eq!(build(&f, &[]).code, 0);
    for (name, (png, svg)) in names.iter().zip(first) {
        assert_eq!(
            std::fs::read(f.path(&format!("charts/{name}.png"))).unwrap(),
            png,
            "{name}"
        );
        assert_eq!(f.read(&format!("charts/{name}.svg")), svg, "{name}");
    }
}

#[test]
fn scale_multiplies_the_png_size() {
    let f = Fixture::minimal();
    assert_eq!(build(&f, &["--scale", "2"]).code, 0);
    let png = std::fs::read(f.path("charts/by-goal.png")).unwrap();
    let reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    assert_eq!(reader.info().width, 3200);
}

#[test]
fn check_mode_passes_after_a_build_and_fails_after_a_data_change() {
    let f = Fixture::minimal();
    let before = build(&f, &["--check"]);
    assert_eq!(before.code, 1);
    assert!(
        before.stdout.contains("charts/by-goal.svg: missing"),
        "{}",
        before.stdout
    );
    assert!(!f.path("charts").exists(), "--check writes nothing");
    assert_eq!(build(&f, &[]).code, 0);
    assert_eq!(build(&f, &["--check"]).code, 0);
    f.edit("plans/goal-2/2-1-1.json", "試験財務課", "試験人事課");
    let after = build(&f, &["--check"]);
    assert_eq!(after.code, 1);
    assert!(
        after
            .stdout
            .contains("charts/by-department.png: out of date"),
        "{}",
        after.stdout
    );
    assert!(
        after.stdout.contains("run `plans build`"),
        "{}",
        after.stdout
    );
}

#[test]
fn build_refuses_invalid_data_and_writes_nothing() {
    let f = Fixture::minimal();
    f.edit("plans/goal-1/1-1-1.json", "試験企画課", "試験企面課");
    let run = build(&f, &[]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[known-departments]"));
    assert!(!f.path("charts").exists());
    assert!(!f.path(".vscode").exists());
}

#[test]
fn the_editor_schema_follows_the_register() {
    let f = Fixture::minimal();
    assert_eq!(build(&f, &[]).code, 0);
    let names = |f: &Fixture| {
        let schema: serde_json::Value =
            serde_json::from_str(&f.read(".vscode/plan.schema.json")).unwrap();
        schema["$defs"]["departmentName"]["allOf"][0]["enum"].clone()
    };
    let register: serde_json::Value =
        serde_json::from_str(&f.read("plans/departments.json")).unwrap();
    let registered: Vec<&serde_json::Value> = register["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["name"])
        .collect();
    assert_eq!(names(&f), serde_json::json!(registered));
    // A renamed department (fictional): the schema is out of date until the next build.
    f.edit("plans/departments.json", "試験財務課", "架空財政課");
    f.edit("plans/goal-2/2-1-1.json", "試験財務課", "架空財政課");
    let check = build(&f, &["--check"]);
    assert_eq!(check.code, 1);
    assert!(
        check
            .stdout
            .starts_with(".vscode/plan.schema.json: out of date\n")
            || check
                .stdout
                .contains("\n.vscode/plan.schema.json: out of date\n"),
        "{}",
        check.stdout
    );
    assert_eq!(build(&f, &[]).code, 0);
    assert!(names(&f).to_string().contains("架空財政課"));
    assert_eq!(build(&f, &["--check"]).code, 0);
}

#[test]
fn committed_charts_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = run_in(root, &["build", "--check"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn a_character_the_font_lacks_names_the_character_and_the_file() {
    let f = Fixture::minimal();
    f.edit(
        "plans/goal-2/2-1-1.json",
        "架空経費の削減",
        "架空経費の削減🙂",
    );
    assert_eq!(f.run(&["check"]).code, 0, "the data itself is valid");
    let run = build(&f, &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "plans: plans/goal-2/2-1-1.json: the chart font has no glyph for 「🙂」 (U+1F642) in 「架空経費の削減🙂」, so it cannot be drawn; check this file for a mistyped or unusual character\n"
    );
    assert!(!f.path("charts").exists());
}

#[test]
fn build_refusal_shows_control_characters_visibly() {
    let f = Fixture::minimal();
    f.edit(
        "plans/goal-2/2-1-1.json",
        "\"試験財務課\"",
        "\"試験財務課\\n::error file=x::forged\"",
    );
    let run = build(&f, &[]);
    assert_eq!(run.code, 1);
    for line in run.stdout.lines().chain(run.stderr.lines()) {
        assert!(!line.starts_with("::"), "{line}");
    }
    assert!(
        run.stdout
            .contains("unknown department 「試験財務課<U+000A>::error file=x::forged」"),
        "{}",
        run.stdout
    );
    assert!(!f.path("charts").exists());
}

#[cfg(unix)]
#[test]
fn a_chart_that_is_a_link_or_a_pipe_is_reported_not_read_and_replaced_by_a_build() {
    let f = Fixture::minimal();
    assert_eq!(build(&f, &[]).code, 0);
    std::fs::remove_file(f.path("charts/by-goal.png")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", f.path("charts/by-goal.png")).unwrap();
    std::fs::remove_file(f.path("charts/goal-1.svg")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(f.path("charts/goal-1.svg"))
        .status()
        .unwrap();
    assert!(made.success());
    let check = build(&f, &["--check"]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stdout,
        "charts/by-goal.png: not an ordinary file (a link, pipe or folder)\n\
         charts/goal-1.svg: not an ordinary file (a link, pipe or folder)\n\
         2 generated files need regenerating: run `plans build` (in a clone of the repository: `cargo run --release -- build`) and commit charts/ and .vscode/\n"
    );
    let run = build(&f, &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "wrote 2 files to charts/ and .vscode/ (14 unchanged)\n"
    );
    for name in ["charts/by-goal.png", "charts/goal-1.svg"] {
        assert!(
            std::fs::symlink_metadata(f.path(name)).unwrap().is_file(),
            "{name}"
        );
    }
    assert_eq!(build(&f, &["--check"]).code, 0);
}

#[test]
fn temporary_files_of_an_interrupted_build_are_removed_and_reported() {
    let f = Fixture::minimal();
    f.write("charts/.by-goal.png.Ab12Cd.plans-tmp", "half a chart");
    // Older than a run's own file may be before it locks it.
    std::fs::File::options()
        .write(true)
        .open(f.path("charts/.by-goal.png.Ab12Cd.plans-tmp"))
        .unwrap()
        .set_modified(std::time::SystemTime::now() - 2 * plans::generated::LEFTOVER_AGE)
        .unwrap();
    let run = build(&f, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "removed the temporary file charts/.by-goal.png.Ab12Cd.plans-tmp, left by an interrupted run\n\
         wrote 16 files to charts/ and .vscode/ (0 unchanged)\n"
    );
    assert!(!f.path("charts/.by-goal.png.Ab12Cd.plans-tmp").exists());
    let ignored = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".gitignore"),
    )
    .unwrap();
    assert!(ignored.lines().any(|l| l == "*.plans-tmp"), "{ignored}");
}

#[test]
fn charts_that_is_a_file_is_said_exactly() {
    let f = Fixture::minimal();
    f.write("charts", "not a folder");
    for args in [&[][..], &["--check"]] {
        let run = build(&f, args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(
            run.stderr,
            "plans: charts is a file, not a folder\n  = hint: remove or rename the file charts; the build makes the folder charts/ itself\n",
            "{args:?}"
        );
    }
}

#[test]
fn build_check_on_data_with_errors_says_nothing_was_compared() {
    let f = Fixture::minimal();
    f.edit("plans/goal-1/1-1-1.json", "\"1-1-1\",", "\"1-1-1\"");
    let run = build(&f, &["--check"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "plans: the data has errors, so the charts were not compared; fix them first\n"
    );
}

fn real_model() -> plans::model::Model {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    check_repository(root).unwrap().model()
}

fn real_scenes() -> (Font, Vec<(String, Scene)>) {
    let font = Font::load(FONT).unwrap();
    let scenes = plans::chart::scenes(&font, &real_model()).unwrap();
    (font, scenes)
}

/// The byte offsets in `text` where BudouX's Japanese model allows a break.
fn phrase_bounds(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut bounds = vec![0];
    for p in budoux::parse(budoux::models::default_japanese_model(), text) {
        at += p.len();
        bounds.push(at);
    }
    bounds
}

#[test]
fn every_label_of_the_real_data_breaks_between_phrases() {
    let (font, scenes) = real_scenes();
    let mut labels = 0;
    let mut broken = 0;
    let mut inside = Vec::new();
    let mut too_wide = Vec::new();
    for (name, scene) in &scenes {
        for w in &scene.wrapped {
            labels += 1;
            let text = w.pieces.concat();
            // Breaks allowed: between the pieces (a list's items) and between BudouX's phrases.
            let mut allowed = Vec::new();
            let mut at = 0;
            for piece in &w.pieces {
                allowed.extend(phrase_bounds(piece).into_iter().map(|b| at + b));
                at += piece.len();
            }
            assert!(!w.lines.is_empty(), "{name}: {text}");
            if w.lines.len() > 1 {
                broken += 1;
            }
            let mut pos = 0;
            for (i, line) in w.lines.iter().enumerate() {
                let before = pos;
                while text[pos..].starts_with(char::is_whitespace) {
                    pos += text[pos..].chars().next().unwrap().len_utf8();
                }
                assert!(
                    text[pos..].starts_with(line.as_str()),
                    "{name}: {:?} loses or changes text of 「{text}」",
                    w.lines
                );
                if i > 0 && !(before..=pos).any(|b| allowed.contains(&b)) {
                    // Inside a phrase: only allowed when that phrase is wider than the line.
                    let start = allowed
                        .iter()
                        .copied()
                        .filter(|&b| b < before)
                        .max()
                        .unwrap();
                    let end = allowed.iter().copied().find(|&b| b > pos).unwrap();
                    let phrase = text[start..end].trim();
                    if font.width(phrase, w.size).unwrap() > w.width {
                        too_wide.push(format!("{name}: 「{phrase}」 in {:?}", w.lines));
                    } else {
                        inside.push(format!("{name}: {:?}", w.lines));
                    }
                }
                pos += line.len();
                assert!(
                    font.width(line, w.size).unwrap() <= w.width,
                    "{name}: 「{line}」 is wider than {}",
                    w.width
                );
                // Kinsoku at each break.
                let first = line.chars().next().unwrap();
                let last = line.chars().last().unwrap();
                assert!(
                    i == 0
                        || !"、。，．）)」』】ー・：ぁぃぅぇぉっゃゅょァィゥェォッャュョ"
                            .contains(first),
                    "{name}: 「{line}」 starts with closing punctuation in {:?}",
                    w.lines
                );
                assert!(
                    i + 1 == w.lines.len() || !"（(「『【".contains(last),
                    "{name}: 「{line}」 ends with an opening bracket in {:?}",
                    w.lines
                );
            }
            assert!(
                text[pos..].trim().is_empty(),
                "{name}: {:?} loses the end of 「{text}」",
                w.lines
            );
            if let [.., previous, last] = w.lines.as_slice() {
                assert!(
                    last.chars().count() > 1 || previous.chars().count() < 2,
                    "{name}: a single character alone on the last line: {:?}",
                    w.lines
                );
            }
        }
    }
    // Every goal, action area, plan and sub-project title and department list was laid out, in
    // the whole 体系図 and again in its goal's, and enough of them wrapped to test the breaks.
    let model = real_model();
    let goals = &model.outline.as_ref().unwrap().goals;
    let areas: usize = goals.iter().map(|g| g.items.len()).sum();
    let at_least = 2 * (goals.len() + areas + model.plans.len() * 2);
    assert!(
        labels > at_least,
        "{labels} labels, not more than {at_least}"
    );
    assert!(
        broken >= 10,
        "only {broken} labels needed more than one line"
    );
    assert!(
        inside.is_empty(),
        "lines broken inside a phrase:\n{}",
        inside.join("\n")
    );
    assert!(
        too_wide.is_empty(),
        "phrases wider than their line, broken between characters (widen the column):\n{}",
        too_wide.join("\n")
    );
}

#[test]
fn every_goal_has_a_structure_chart_for_an_a4_page() {
    let (font, scenes) = real_scenes();
    let model = real_model();
    let find = |name: &str| &scenes.iter().find(|(n, _)| n == name).unwrap().1;
    let whole = find("structure");
    let sizes = |s: &Scene| -> Vec<f32> {
        s.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { line, .. } => Some(line.size),
                _ => None,
            })
            .collect()
    };
    let smallest = |s: &Scene| sizes(s).into_iter().fold(f32::MAX, f32::min);
    let goals = &model.outline.as_ref().unwrap().goals;
    assert!(!goals.is_empty());
    for goal in goals.iter().map(|g| u32::try_from(g.number).unwrap()) {
        let name = format!("structure-{goal}");
        let scene = find(&name);
        assert!(
            scene.height / scene.width <= 1.414,
            "{name}: {} × {} does not fit a portrait A4 page",
            scene.width,
            scene.height
        );
        // Printed at the same width as the whole chart, its text is no smaller.
        assert!(scene.width <= whole.width, "{name}");
        assert!(smallest(scene) >= smallest(whole), "{name}");
        let svg = scene.to_svg(&font);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("title"))
            .filter_map(|n| n.text().map(|t| t.trim().to_string()))
            .collect();
        let joined = texts.concat();
        for (id, plan) in &model.plans {
            let id_text = id.to_string();
            let has_id = texts.contains(&id_text);
            if id.goal == goal {
                assert!(has_id, "{name} lacks {id_text}");
                assert!(
                    joined.contains(&plan.title),
                    "{name} lacks 「{}」",
                    plan.title
                );
                for sub in &plan.subprojects {
                    assert!(
                        joined.contains(&sub.title),
                        "{name} lacks 「{}」",
                        sub.title
                    );
                }
            } else {
                assert!(!has_id, "{name} names {id_text}, a plan of another goal");
                assert!(
                    !joined.contains(&plan.title),
                    "{name} names 「{}」, a plan of another goal",
                    plan.title
                );
            }
        }
        let plans = texts
            .iter()
            .filter(|t| model.plans.iter().any(|(id, _)| id.to_string() == **t))
            .count();
        let expected = model.plans.iter().filter(|(id, _)| id.goal == goal).count();
        assert_eq!(plans, expected, "{name}: each of its plans once");
    }
}

#[test]
fn wrapped_sub_projects_hang_under_the_text_after_their_bullet() {
    let (_, scenes) = real_scenes();
    let mut hanging = 0;
    for (name, scene) in scenes.iter().filter(|(n, _)| n.starts_with("structure")) {
        let texts: Vec<(&str, f32)> = scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { line, x, .. } => Some((line.text.as_str(), *x)),
                _ => None,
            })
            .collect();
        for (i, (text, x)) in texts.iter().enumerate() {
            if *text != "・" {
                continue;
            }
            // The bullet, the first line after it, then any continuation lines.
            let (_, body_x) = texts[i + 1];
            assert!(body_x > x + 5.0, "{name}: the text after a bullet");
            for (t, cx) in &texts[i + 2..] {
                if *t == "・" || (*cx - body_x).abs() > 0.01 {
                    break;
                }
                hanging += 1;
                assert!(*cx > x + 5.0, "{name}: 「{t}」 under the bullet");
            }
        }
    }
    assert!(hanging >= 1, "{hanging} continuation lines of sub-projects");
}

/// `build` writes the report with the charts, the same as `report --stdout`; `build --check`
/// names it when it is stale or missing.
#[test]
fn build_writes_the_report_and_check_covers_it() {
    let f = Fixture::copy_of("sample");
    assert_eq!(build(&f, &[]).code, 0);
    let report = f.run(&["report", "--stdout"]);
    assert_eq!(f.read("charts/README.md"), report.stdout);
    f.write("charts/README.md", "edited by hand\n");
    let check = build(&f, &["--check"]);
    assert_eq!(
        (check.code, check.stdout.as_str()),
        (
            1,
            "charts/README.md: out of date\n\
             1 generated files need regenerating: run `plans build` (in a clone of the repository: `cargo run --release -- build`) and commit charts/ and .vscode/\n"
        )
    );
    f.remove("charts/README.md");
    let check = build(&f, &["--check"]);
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.starts_with("charts/README.md: missing\n"),
        "{}",
        check.stdout
    );
}

/// A copy of the sample fixture with progress switched on (a fictional scale of `levels`
/// levels, codes A, B, …, for 2026–2029, reporting the last year of `entries`) and the
/// fictional entries `(plan, year, status)`.
fn progress_fixture(levels: usize, entries: &[(&str, &str, &str)]) -> Fixture {
    let f = Fixture::copy_of("sample");
    // The last year with an entry is the year being reported.
    let open = entries
        .iter()
        .filter_map(|(_, year, _)| year.parse::<i64>().ok())
        .max()
        .unwrap_or(2026);
    let scale: Vec<String> = (0..levels)
        .map(|i| {
            format!(
                "{{ \"code\": \"{}\", \"label\": \"架空の段階その{}\" }}",
                char::from(b'A' + i as u8),
                i + 1
            )
        })
        .collect();
    f.edit(
        "plans/outline.json",
        "\"expected_total\": 16,",
        &format!(
            "\"expected_total\": 16,\n  \"progress\": {{\n    \"period\": {{ \"from\": 2026, \"to\": 2029 }},\n    \"reporting_year\": {open},\n    \"scale\": [\n      {}\n    ]\n  }},",
            scale.join(",\n      ")
        ),
    );
    let mut by_plan: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for (plan, year, status) in entries {
        by_plan.entry(plan).or_default().push(format!(
            "    \"{year}\": {{ \"status\": \"{status}\", \"summary\": \"架空の結果です（テスト用の架空データ）。\" }}"
        ));
    }
    for (plan, years) in by_plan {
        let path = format!("plans/goal-{}/{plan}.json", &plan[..1]);
        let text = f.read(&path);
        let body = text.trim_end().strip_suffix('}').unwrap().trim_end();
        f.write(
            &path,
            format!(
                "{body},\n  \"progress\": {{\n{}\n  }}\n}}\n",
                years.join(",\n")
            ),
        );
    }
    f
}

/// Fictional entries: ten plans report 2026, three report 2027, none 2028.
const ENTRIES: &[(&str, &str, &str)] = &[
    ("1-1-1", "2026", "A"),
    ("1-1-1", "2027", "A"),
    ("1-1-2", "2026", "B"),
    ("1-1-3", "2026", "A"),
    ("1-2-1", "2026", "C"),
    ("1-3-1", "2026", "D"),
    ("1-3-2", "2026", "A"),
    ("2-1-1", "2026", "B"),
    ("2-1-1", "2027", "A"),
    ("2-2-1", "2026", "B"),
    ("2-2-2", "2026", "C"),
    ("3-1-1", "2027", "D"),
    ("3-2-1", "2026", "A"),
];

/// The texts of an SVG's `<title>`s, in order.
fn svg_titles(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect()
}

/// What a progress chart shows of its figures, in order: each segment's 「code：count」
/// (「未報告：count」 for the plans not reported) and each row's 「N計画」.
fn shown_counts(titles: &[String]) -> Vec<String> {
    titles
        .iter()
        .filter(|t| {
            let count = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            t.strip_suffix("計画").is_some_and(count)
                || t.split_once('：').is_some_and(|(_, n)| count(n))
        })
        .cloned()
        .collect()
}

/// The same figures from the statistics: all plans, then per goal and each of its areas.
fn expected_counts(stats: &plans::progress::ProgressStats) -> Vec<String> {
    let mut out = Vec::new();
    let mut row = |c: &plans::progress::LevelCounts| {
        for (n, level) in c.levels.iter().zip(&stats.scale) {
            if *n > 0 {
                out.push(format!("{}：{n}", level.code));
            }
        }
        if c.unreported > 0 {
            out.push(format!("未報告：{}", c.unreported));
        }
        out.push(format!("{}計画", c.plans()));
    };
    row(&stats.total);
    for g in &stats.goals {
        row(&g.counts);
        for a in &g.areas {
            row(&a.counts);
        }
    }
    out
}

#[test]
fn progress_charts_for_each_year_with_entries_show_their_statistics() {
    let f = progress_fixture(4, ENTRIES);
    let out = published(&f);
    let progress_files = |dir: &std::path::Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("progress"))
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        progress_files(out.path()),
        ["progress-2026.svg", "progress-2027.svg"],
        "a chart for each year with entries up to the one being reported"
    );
    let model = check_repository(f.dir.path()).unwrap().model();
    assert_eq!(plans::progress::progress_years(&model), vec![2026, 2027]);

    // The figures, counted by hand from ENTRIES: (levels A–D, unreported) per goal and area.
    let c = |levels: [usize; 4], unreported: usize| plans::progress::LevelCounts {
        levels: levels.to_vec(),
        unreported,
    };
    let stats = plans::progress::ProgressStats::compute(&model, 2026).unwrap();
    let per_row: Vec<Vec<plans::progress::LevelCounts>> = stats
        .goals
        .iter()
        .map(|g| {
            std::iter::once(g.counts.clone())
                .chain(g.areas.iter().map(|a| a.counts.clone()))
                .collect()
        })
        .collect();
    assert_eq!(
        per_row,
        vec![
            vec![
                c([3, 1, 1, 1], 2),
                c([2, 1, 0, 0], 0),
                c([0, 0, 1, 0], 1),
                c([1, 0, 0, 1], 1)
            ],
            vec![c([0, 2, 1, 0], 2), c([0, 1, 0, 0], 1), c([0, 1, 1, 0], 1)],
            vec![c([1, 0, 0, 0], 2), c([0, 0, 0, 0], 1), c([1, 0, 0, 0], 1)],
        ]
    );
    assert_eq!(stats.total, c([4, 3, 2, 1], 6));

    for year in [2026, 2027] {
        let name = format!("progress-{year}");
        let svg = std::fs::read_to_string(out.path().join(format!("{name}.svg"))).unwrap();
        let titles = svg_titles(&svg);
        let stats = plans::progress::ProgressStats::compute(&model, year).unwrap();
        assert_eq!(
            shown_counts(&titles),
            expected_counts(&stats),
            "{name}: the counts the chart shows"
        );
        let joined = titles.concat();
        assert!(
            joined.contains(&format!("{year}年度の進捗（架空市行財政改革試験計画")),
            "{name}: {titles:?}"
        );
        let t = &stats.total;
        assert!(
            joined.contains(&format!(
                "全16計画のうち、報告済み{}計画、未報告{}計画",
                t.reported(),
                t.unreported
            )),
            "{name}: {titles:?}"
        );
        for code in ["A", "B", "C", "D", "未報告"] {
            assert!(titles.iter().any(|t| t == code), "{name}: legend {code}");
        }
    }

    // Reproducible: a second run writes the same bytes.
    let again = published(&f);
    for name in progress_files(out.path()) {
        assert_eq!(
            std::fs::read(out.path().join(&name)).unwrap(),
            std::fs::read(again.path().join(&name)).unwrap(),
            "{name}: two runs differ"
        );
    }
}

#[test]
fn a_nine_level_scale_is_drawn_with_every_code_in_the_legend() {
    let codes = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
    let plans_ = [
        "1-1-1", "1-1-2", "1-1-3", "1-2-1", "1-2-2", "1-3-1", "1-3-2", "1-3-3", "2-1-1",
    ];
    let entries: Vec<(&str, &str, &str)> = plans_
        .iter()
        .zip(codes)
        .map(|(p, c)| (*p, "2026", c))
        .collect();
    let f = progress_fixture(9, &entries);
    let out = published(&f);
    let titles =
        svg_titles(&std::fs::read_to_string(out.path().join("progress-2026.svg")).unwrap());
    for (i, code) in codes.iter().enumerate() {
        assert!(titles.iter().any(|t| t == code), "legend lacks {code}");
        let label = format!("架空の段階その{}", i + 1);
        assert!(titles.contains(&label), "legend lacks {label}");
    }
    let model = check_repository(f.dir.path()).unwrap().model();
    let stats = plans::progress::ProgressStats::compute(&model, 2026).unwrap();
    assert_eq!(shown_counts(&titles), expected_counts(&stats));
}

#[test]
fn a_scale_label_the_font_lacks_is_named_before_anything_is_drawn() {
    let f = progress_fixture(4, ENTRIES);
    f.edit("plans/outline.json", "架空の段階その2", "架空の段階その2🙂");
    let run = build(&f, &[]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .starts_with("plans: plans/outline.json: the chart font has no glyph for 「🙂」"),
        "{}",
        run.stderr
    );
    assert!(!f.path("charts").exists());
}

/// Without progress set up, no progress chart: a goal chart and a 体系図 for each goal of the
/// fictional fixture, and the charts of every plan.
#[test]
fn data_without_progress_has_no_progress_chart() {
    let font = Font::load(FONT).unwrap();
    let model = check_repository(&common::fixtures().join("sample"))
        .unwrap()
        .model();
    let scenes = plans::chart::scenes(&font, &model).unwrap();
    let names: Vec<&str> = scenes.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "by-goal",
            "by-department",
            "goal-1",
            "goal-2",
            "goal-3",
            "structure",
            "structure-1",
            "structure-2",
            "structure-3"
        ]
    );
}

/// The real data is drawn whole: a goal chart and a 体系図 for each goal of its outline, and a
/// progress chart for each year with entries (none before progress is set up); none is left
/// out as too large.
#[test]
fn the_real_data_has_every_chart_its_outline_and_progress_call_for() {
    let (_, scenes) = real_scenes();
    let model = real_model();
    let names: Vec<&str> = scenes.iter().map(|(n, _)| n.as_str()).collect();
    let goals: Vec<u64> = model
        .outline
        .as_ref()
        .unwrap()
        .goals
        .iter()
        .map(|g| g.number)
        .collect();
    let mut expected = vec!["by-goal".to_string(), "by-department".to_string()];
    expected.extend(goals.iter().map(|g| format!("goal-{g}")));
    expected.push("structure".to_string());
    expected.extend(goals.iter().map(|g| format!("structure-{g}")));
    expected.extend(
        plans::progress::progress_years(&model)
            .iter()
            .map(|y| format!("progress-{y}")),
    );
    assert_eq!(names, expected);
}

/// A year's progress chart whose entries went away (corrected to another year): `build
/// --check` names it, and `build` removes it and says so.
/// Progress is never committed: `build` draws no progress chart, so a department's progress
/// pull request needs no generated file; progress charts committed before are no longer
/// drawn, and `build` removes them.
#[test]
fn build_draws_no_progress_and_a_progress_pull_request_needs_no_generated_file() {
    let f = common::with_progress();
    assert_eq!(build(&f, &[]).code, 0);
    common::give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
    );
    let check = build(&f, &["--check"]);
    assert_eq!(
        (check.code, check.stdout.as_str()),
        (
            0,
            "OK: the 20 generated files (the charts and the report in charts/, and .vscode/plan.schema.json) are up to date\n"
        )
    );
    // A progress chart committed by an earlier version of the tool.
    f.write("charts/progress-2026.svg", "<svg/>");
    let check = build(&f, &["--check"]);
    assert_eq!(
        (check.code, check.stdout.as_str()),
        (
            1,
            "charts/progress-2026.svg: no longer drawn (plans build removes it)\n\
             1 generated files need regenerating: run `plans build` (in a clone of the repository: `cargo run --release -- build`) and commit charts/ and .vscode/\n"
        )
    );
    let run = build(&f, &[]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            "removed charts/progress-2026.svg, a chart no longer drawn\n\
             wrote 0 files to charts/ and .vscode/ (20 unchanged)\n"
        )
    );
    assert_eq!(build(&f, &["--check"]).code, 0);
}

/// The published charts of `f` (`plans site`), in a folder of their own.
fn published(f: &Fixture) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let run = f.run(&["site", "-o", &out.path().display().to_string()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    out
}

/// A repository of fictional plans: for each goal, (action areas, plans in each, sub-projects
/// of each plan); three registered departments, each plan in the care of one.
fn many_plans(goals: &[(usize, usize, usize)]) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let f = Fixture { dir };
    let departments = ["架空企画課", "架空財務課", "架空施設課"];
    let mut outline_goals = Vec::new();
    let mut total = 0;
    for (gi, &(areas, plans, subprojects)) in goals.iter().enumerate() {
        let g = gi + 1;
        let items: Vec<serde_json::Value> = (1..=areas)
            .map(|i| serde_json::json!({"number": i, "title": format!("架空取組その{g}の{i}")}))
            .collect();
        outline_goals.push(serde_json::json!({
            "number": g, "title": format!("架空目標その{g}"), "expected_plans": areas * plans, "items": items
        }));
        total += areas * plans;
        for i in 1..=areas {
            for n in 1..=plans {
                let id = format!("{g}-{i}-{n}");
                let mut plan = serde_json::json!({
                    "id": id, "title": format!("架空の計画（{id}）"),
                    "departments": [departments[(i + n) % 3]]
                });
                if subprojects > 0 {
                    plan["subprojects"] = (1..=subprojects)
                        .map(|k| serde_json::json!({"title": format!("架空の個別事業その{k}")}))
                        .collect();
                }
                f.write(
                    &format!("plans/goal-{g}/{id}.json"),
                    serde_json::to_string_pretty(&plan).unwrap(),
                );
            }
        }
    }
    let outline = serde_json::json!({
        "title": "架空市の大きな計画（テスト用の架空データ）", "expected_total": total, "goals": outline_goals
    });
    f.write(
        "plans/outline.json",
        serde_json::to_string_pretty(&outline).unwrap(),
    );
    let register: Vec<serde_json::Value> = departments
        .iter()
        .map(|d| serde_json::json!({"name": d}))
        .collect();
    f.write(
        "plans/departments.json",
        serde_json::to_string_pretty(&serde_json::json!({"departments": register})).unwrap(),
    );
    f
}

/// 450 plans: the whole 体系図 would take more than ten A4 pages by its plans alone (not laid
/// out), and goal 1's (300 plans of 10 sub-projects each) once laid out; each is left out with
/// one note saying which and why, in both languages, and goal 2's 体系図 and the bar charts
/// are drawn. The report and the page show what is drawn; a chart left over from a smaller
/// plan is reported by `--check` and removed by `build`.
#[test]
fn charts_too_large_for_a_document_are_left_out_with_one_note_each() {
    let f = many_plans(&[(6, 50, 10), (3, 50, 0)]);
    assert_eq!(f.run(&["check"]).code, 0, "{}", f.run(&["check"]).stdout);
    // What a build of this plan with fewer plans drew.
    f.write("charts/structure.svg", "<svg/>");
    f.write("charts/structure.png", "png");
    let check = build(&f, &["--check", "--lang", "en"]);
    let first = build(&f, &["--lang", "ja"]);
    std::fs::remove_dir_all(f.path("charts")).unwrap();
    std::fs::remove_dir_all(f.path(".vscode")).unwrap();
    f.write("charts/structure.svg", "<svg/>");
    let again = build(&f, &["--lang", "en"]);
    let current = build(&f, &["--check", "--lang", "ja"]);
    let shown: String = [
        ("build --check --lang en", &check),
        ("build --lang ja", &first),
        ("build --lang en", &again),
        ("build --check --lang ja", &current),
    ]
    .iter()
    .map(|(what, run)| {
        format!(
            "--- {what}: exit code {}\n{}{}",
            run.code, run.stdout, run.stderr
        )
    })
    .collect();
    insta::assert_snapshot!(shown);

    let mut files: Vec<String> = std::fs::read_dir(f.path("charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "README.md",
            "by-department.png",
            "by-department.svg",
            "by-goal.png",
            "by-goal.svg",
            "goal-1.png",
            "goal-1.svg",
            "goal-2.png",
            "goal-2.svg",
            "structure-2.png",
            "structure-2.svg"
        ]
    );
    let report = f.read("charts/README.md");
    assert!(report.contains("(structure-2.svg)") && report.contains("(goal-1.svg)"));
    assert!(!report.contains("(structure.svg)") && !report.contains("(structure-1.svg)"));
    assert_eq!(f.run(&["report", "--stdout"]).stdout, report);
    let folder = f.path("site").display().to_string();
    let site = f.run(&["site", "-o", &folder]);
    assert_eq!(
        (site.code, site.stdout.as_str()),
        (
            0,
            format!(
                "{}wrote the page and its files to {folder}/ (8 files); open {folder}/index.html in a browser to see it\n",
                again.stdout.lines().take(2).map(|l| format!("{l}\n")).collect::<String>()
            )
            .as_str()
        ),
        "{}",
        site.stderr
    );
    let page = f.read("site/index.html");
    assert!(page.contains("\"structure-2.svg\"") && !page.contains("\"structure.svg\""));
    assert!(!f.path("site/structure.svg").exists() && !f.path("site/structure-1.svg").exists());
}
