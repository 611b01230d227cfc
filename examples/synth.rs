//! Generates a synthetic plan repository in this project's format, for benchmarks.
//!
//!     cargo run --release --example synth -- --plans 100000 --out /tmp/synth [--seed 1] [--errors 1000] [--progress]
//!
//! `--out` must be a new or empty folder: the generator never deletes or overwrites anything.
//! The outline has goals of up to 10 action areas × 10 plans, with expected counts that add
//! up; the register has about one department per 30 plans (at least 36), every one used;
//! titles are realistic Japanese; every 7th plan has sub-projects paired with departments.
//! The same arguments always give the same files. `--errors N` injects N problems, spread
//! round-robin over the rules listed in `KINDS`, and prints how many of each it injected.
//! `--progress` switches progress on (fiscal years 2026–2029, reporting 2028, a four-level scale; the labels are
//! made up for the benchmark) and gives every plan three years of entries (2026–2028), each
//! with a summary and, for every third plan, an indicator.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const TOPICS: &[&str] = &[
    "行政評価",
    "窓口業務",
    "公共施設",
    "市税収納",
    "介護認定",
    "保育料徴収",
    "市営住宅",
    "下水道接続",
    "橋りょう点検",
    "学校施設",
    "公用車管理",
    "情報公開",
    "内部監査",
    "情報セキュリティ",
    "行政手続",
    "町内会活動",
    "広聴広報",
    "大学連携",
    "指定管理者制度",
    "外郭団体",
    "ふるさと納税",
    "売電収入",
    "道路照明",
    "公園施設",
    "防災訓練",
    "図書館運営",
    "子育て支援",
    "高齢者見守り",
    "地域交通",
    "文化振興",
];
const ACTIONS: &[&str] = &[
    "の推進",
    "の見直し",
    "の適正化",
    "の強化",
    "の効率化",
    "の充実",
    "の効果的な活用",
    "のデジタル化",
    "の長寿命化",
    "の民間委託",
    "の広域連携",
    "の可視化",
];
const PLACES: &[&str] = &[
    "",
    "中央地区における",
    "東部地区における",
    "西部地区における",
    "湖南地域における",
    "全庁的な",
];
const DEPT_STEMS: &[&str] = &[
    "行政マネジメント",
    "人事",
    "財政",
    "市民",
    "市民税",
    "収納",
    "保育",
    "住宅政策",
    "資源循環",
    "道路保全",
    "下水道保全",
    "総務法務",
    "環境政策",
    "公園緑地",
    "学校管理",
    "文化振興",
    "広聴広報",
    "未来創造",
    "DX戦略",
    "介護保険",
    "健康長寿",
    "生涯学習",
    "契約検査",
    "職員厚生",
    "防災危機管理",
    "子ども支援",
];
const DEPT_SUFFIXES: &[&str] = &["課", "推進課", "管理課", "企画課", "第二課"];

/// The rules errors are injected for, in round-robin order.
const KINDS: &[&str] = &[
    "json-syntax",
    "schema",
    "known-departments",
    "file-location",
    "text-hygiene",
    "unique-titles",
];

/// splitmix64: small, fast and deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Args {
    plans: usize,
    out: PathBuf,
    seed: u64,
    errors: usize,
    progress: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        plans: 57,
        out: PathBuf::new(),
        seed: 1,
        errors: 0,
        progress: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--plans" => args.plans = value()?.parse().map_err(|e| format!("--plans: {e}"))?,
            "--out" => args.out = PathBuf::from(value()?),
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--errors" => args.errors = value()?.parse().map_err(|e| format!("--errors: {e}"))?,
            "--progress" => args.progress = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err("usage: synth --plans N --out DIR [--seed S] [--errors K] [--progress]".into());
    }
    if args.plans == 0 {
        return Err("--plans must be at least 1".into());
    }
    Ok(args)
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("synth: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = generate(&args) {
        eprintln!("synth: {e}");
        std::process::exit(1);
    }
}

fn generate(args: &Args) -> std::io::Result<()> {
    let mut rng = Rng(args.seed);
    let occupied = match std::fs::read_dir(&args.out) {
        Ok(mut entries) => entries.next().is_some(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(e),
    };
    if occupied {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!(
                "{} is not empty: give a new or empty folder (nothing in it is deleted or overwritten)",
                args.out.display()
            ),
        ));
    }
    let plans_dir = args.out.join("plans");
    std::fs::create_dir_all(&plans_dir)?;

    // Departments: unique names from stems and suffixes, numbered past the combinations.
    let n_depts = (args.plans / 30).max(36);
    let departments: Vec<String> = (0..n_depts)
        .map(|i| {
            let stem = DEPT_STEMS[i % DEPT_STEMS.len()];
            let suffix = DEPT_SUFFIXES[(i / DEPT_STEMS.len()) % DEPT_SUFFIXES.len()];
            let round = i / (DEPT_STEMS.len() * DEPT_SUFFIXES.len());
            if round == 0 {
                format!("{stem}{suffix}")
            } else {
                format!("第{}{stem}{suffix}", round + 1)
            }
        })
        .collect();

    // Plan k is plan (k % 10) + 1 of action area (k / 10) % 10 + 1 of goal k / 100 + 1.
    let ids: Vec<(usize, usize, usize)> = (0..args.plans)
        .map(|k| (k / 100 + 1, (k / 10) % 10 + 1, k % 10 + 1))
        .collect();
    let n_goals = ids.last().map_or(1, |id| id.0);
    let mut outline = String::new();
    let _ = write!(
        outline,
        "{{\n  \"title\": \"合成データによる実施計画（{}計画）\",\n  \"expected_total\": {},\n  \"goals\": [",
        args.plans, args.plans
    );
    if args.progress {
        outline.insert_str(
            outline.len() - "\n  \"goals\": [".len(),
            "\n  \"progress\": {\n    \"period\": { \"from\": 2026, \"to\": 2029 },\n    \"reporting_year\": 2028,\n    \"scale\": [\n      { \"code\": \"A\", \"label\": \"合成データの段階その一\" },\n      { \"code\": \"B\", \"label\": \"合成データの段階その二\" },\n      { \"code\": \"C\", \"label\": \"合成データの段階その三\" },\n      { \"code\": \"D\", \"label\": \"合成データの段階その四\" }\n    ]\n  },",
        );
    }
    for g in 1..=n_goals {
        let in_goal = ids.iter().filter(|id| id.0 == g).count();
        let items = ids
            .iter()
            .filter(|id| id.0 == g)
            .map(|id| id.1)
            .max()
            .unwrap_or(1);
        let _ = write!(
            outline,
            "{}\n    {{\n      \"number\": {g},\n      \"title\": {},\n      \"expected_plans\": {in_goal},\n      \"items\": [",
            if g > 1 { "," } else { "" },
            json_string(&format!(
                "重点推進目標その{g}　{}による持続可能な行政運営",
                TOPICS[g % TOPICS.len()]
            ))
        );
        for i in 1..=items {
            let _ = write!(
                outline,
                "{}\n        {{ \"number\": {i}, \"title\": {} }}",
                if i > 1 { "," } else { "" },
                json_string(&format!(
                    "{}{}（取組{i}）",
                    TOPICS[(g + i) % TOPICS.len()],
                    ACTIONS[i % ACTIONS.len()]
                ))
            );
        }
        outline.push_str("\n      ]\n    }");
    }
    outline.push_str("\n  ]\n}\n");
    std::fs::write(plans_dir.join("outline.json"), outline)?;

    let mut register = String::from("{\n  \"departments\": [");
    for (i, d) in departments.iter().enumerate() {
        let _ = write!(
            register,
            "{}\n    {{ \"name\": {} }}",
            if i > 0 { "," } else { "" },
            json_string(d)
        );
    }
    register.push_str("\n  ]\n}\n");
    std::fs::write(plans_dir.join("departments.json"), register)?;

    let mut injected = vec![0usize; KINDS.len()];
    let stride = args
        .plans
        .checked_div(args.errors)
        .map_or(usize::MAX, |s| s.max(1));
    let mut first_title = String::new();
    for (k, &(g, i, n)) in ids.iter().enumerate() {
        let id = format!("{g}-{i}-{n}");
        // Titles are unique: the combination index is spread over topic, action and place.
        let c = k;
        let title = format!(
            "{}{}{}{}",
            PLACES[(c / (TOPICS.len() * ACTIONS.len())) % PLACES.len()],
            TOPICS[c % TOPICS.len()],
            ACTIONS[(c / TOPICS.len()) % ACTIONS.len()],
            if c >= TOPICS.len() * ACTIONS.len() * PLACES.len() {
                format!(
                    "（第{}期）",
                    c / (TOPICS.len() * ACTIONS.len() * PLACES.len()) + 1
                )
            } else {
                String::new()
            }
        );
        if k == 0 {
            first_title = title.clone();
        }
        let mut depts = vec![departments[k % n_depts].clone()];
        for _ in 0..rng.below(3) {
            let d = departments[rng.below(n_depts)].clone();
            if !depts.contains(&d) {
                depts.push(d);
            }
        }
        let mut text = format!(
            "{{\n  \"id\": \"{id}\",\n  \"title\": {},\n  \"departments\": [\n",
            json_string(&title)
        );
        let list: Vec<String> = depts
            .iter()
            .map(|d| format!("    {}", json_string(d)))
            .collect();
        text.push_str(&list.join(",\n"));
        text.push_str("\n  ]");
        if k % 7 == 3 {
            text.push_str(",\n  \"subprojects\": [");
            for (s, d) in depts.iter().enumerate() {
                let _ = write!(
                    text,
                    "{}\n    {{ \"title\": {}, \"departments\": [{}] }}",
                    if s > 0 { "," } else { "" },
                    json_string(&format!(
                        "{}事業（その{}）",
                        TOPICS[(k + s) % TOPICS.len()],
                        s + 1
                    )),
                    json_string(d)
                );
            }
            text.push_str("\n  ]");
        }
        if args.progress {
            text.push_str(",\n  \"progress\": {");
            for (y, year) in (2026..=2028).enumerate() {
                let status = ["A", "B", "C", "D"][(k + y) % 4];
                let _ = write!(
                    text,
                    "{}\n    \"{year}\": {{\n      \"status\": \"{status}\",\n      \"summary\": {}",
                    if y > 0 { "," } else { "" },
                    json_string(&format!(
                        "{year}年度は{}について予定した取組を進めました（合成データ）。",
                        TOPICS[(k + y) % TOPICS.len()]
                    ))
                );
                if k % 3 == 0 {
                    let _ = write!(
                        text,
                        ",\n      \"indicators\": [\n        {{ \"name\": \"実施件数\", \"unit\": \"件\", \"target\": {}, \"actual\": {} }}\n      ]",
                        100 + k % 50,
                        90 + (k + y) % 30
                    );
                }
                text.push_str("\n    }");
            }
            text.push_str("\n  }");
        }
        text.push_str("\n}\n");
        let mut path = plans_dir
            .join(format!("goal-{g}"))
            .join(format!("{id}.json"));
        // Inject errors at evenly spaced plans, skipping the first (it anchors unique-titles).
        let total_injected: usize = injected.iter().sum();
        if k > 0 && total_injected < args.errors && k % stride == 0 {
            let kind = total_injected % KINDS.len();
            match KINDS[kind] {
                "json-syntax" => {
                    let mut cut = text.len() / 2;
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    text.truncate(cut);
                }
                "schema" => text = text.replacen("{\n", "{\n  \"budget\": 100,\n", 1),
                "known-departments" => text = text.replacen("課\"", "か\"", 1),
                "file-location" => {
                    path = plans_dir
                        .join(format!("goal-{g}"))
                        .join(format!("{g}-{i}-{n}-old.json"))
                }
                "text-hygiene" => {
                    text = text.replacen("\",\n  \"departments\"", " \",\n  \"departments\"", 1)
                }
                "unique-titles" => {
                    text = text.replacen(&json_string(&title), &json_string(&first_title), 1)
                }
                _ => {}
            }
            injected[kind] += 1;
        }
        write_file(&path, &text)?;
    }
    let summary: Vec<String> = KINDS
        .iter()
        .zip(&injected)
        .map(|(k, n)| format!("{k}: {n}"))
        .collect();
    println!(
        "wrote {} plans in {} goals, {} departments to {}; injected errors: {}",
        args.plans,
        n_goals,
        n_depts,
        args.out.display(),
        if args.errors == 0 {
            "none".to_string()
        } else {
            summary.join(", ")
        }
    );
    Ok(())
}

fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plans::check::check_repository;

    fn make(plans: usize, errors: usize, out: &Path) {
        let args = Args {
            plans,
            out: out.to_path_buf(),
            seed: 7,
            errors,
            progress: false,
        };
        generate(&args).unwrap();
    }

    #[test]
    fn with_progress_every_rule_passes_and_every_plan_reports_three_years() {
        let dir = tempfile::tempdir().unwrap();
        let args = Args {
            plans: 257,
            out: dir.path().to_path_buf(),
            seed: 7,
            errors: 0,
            progress: true,
        };
        generate(&args).unwrap();
        let outcome = check_repository(dir.path()).unwrap();
        assert!(
            outcome.diagnostics.is_empty(),
            "{:?}",
            &outcome.diagnostics[..3.min(outcome.diagnostics.len())]
        );
        let model = outcome.model();
        assert!(model.plans.iter().all(|(_, p)| p.progress.len() == 3));
        assert_eq!(plans::progress::years(&model), [2026, 2027, 2028]);
    }

    #[test]
    fn clean_repository_passes_every_rule() {
        let dir = tempfile::tempdir().unwrap();
        make(257, 0, dir.path());
        let outcome = check_repository(dir.path()).unwrap();
        assert!(
            outcome.diagnostics.is_empty(),
            "{:?}",
            &outcome.diagnostics[..3.min(outcome.diagnostics.len())]
        );
        assert_eq!(outcome.model().plans.len(), 257);
        assert_eq!(outcome.model().outline.unwrap().goals.len(), 3);
    }

    #[test]
    fn injected_errors_are_all_reported() {
        let dir = tempfile::tempdir().unwrap();
        make(650, 12, dir.path());
        let outcome = check_repository(dir.path()).unwrap();
        for kind in KINDS {
            let n = outcome
                .diagnostics
                .iter()
                .filter(|d| d.rule == *kind)
                .count();
            assert_eq!(n, 2, "{kind}: {n}");
        }
    }

    #[test]
    fn refuses_a_folder_that_is_not_empty() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
        let args = Args {
            plans: 3,
            out: dir.path().to_path_buf(),
            seed: 1,
            errors: 0,
            progress: false,
        };
        let e = generate(&args).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(!dir.path().join("plans").exists());
    }

    #[test]
    fn same_arguments_give_the_same_files() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        make(150, 6, a.path());
        make(150, 6, b.path());
        let read = |root: &Path| -> Vec<(String, Result<Vec<u8>, plans::safe_io::ReadFailure>)> {
            let loaded = plans::repo::load(root).unwrap();
            loaded
                .files
                .into_iter()
                .map(|f| (f.path, f.bytes))
                .collect()
        };
        assert_eq!(read(a.path()), read(b.path()));
    }
}
