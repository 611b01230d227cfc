//! The data: typed views of the three kinds of file, the plan ids, and where each file belongs.
//!
//! The schema files in `schema/` are the one source of the format's rules; these types only
//! name what the checks and the charts read. They ignore fields they do not know (the schema
//! reports those), so a file with one stray field still takes part in the cross-file checks.

use serde::Deserialize;

/// Where the outline lives.
pub const OUTLINE_PATH: &str = "plans/outline.json";
/// Where the register of departments lives.
pub const DEPARTMENTS_PATH: &str = "plans/departments.json";

/// The two files that have one fixed place: the outline and the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Special {
    Outline,
    Register,
}

impl Special {
    /// The file's one place.
    pub fn path(self) -> &'static str {
        match self {
            Special::Outline => OUTLINE_PATH,
            Special::Register => DEPARTMENTS_PATH,
        }
    }
}

/// What a JSON file under `plans/` is, judged by its path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `plans/outline.json`.
    Outline,
    /// `plans/departments.json`.
    Register,
    /// A file named after a plan, `G-I-N.json`, wherever it is (its folder is checked later).
    Plan(PlanId),
    /// A file whose name is a plan's id typed another way: full-width digits, another dash,
    /// leading zeros, `.JSON`, or `.json.txt` (a name Windows shows without `.txt`).
    Misnamed(PlanId),
    /// A file named `outline.json` or `departments.json` somewhere else under `plans/`.
    Misplaced(Special),
    /// Any other JSON file: a plan under a wrong name, or a file that does not belong.
    Other,
}

impl Kind {
    /// Judges a path relative to the repository, with `/` separators.
    pub fn of_path(path: &str) -> Kind {
        match path {
            OUTLINE_PATH => return Kind::Outline,
            DEPARTMENTS_PATH => return Kind::Register,
            _ => {}
        }
        let name = path.rfind('/').map_or(path, |i| &path[i + 1..]);
        match name {
            "outline.json" => Kind::Misplaced(Special::Outline),
            "departments.json" => Kind::Misplaced(Special::Register),
            _ => match name.strip_suffix(".json") {
                Some(stem) => match PlanId::parse(stem) {
                    Some(id) => Kind::Plan(id),
                    None => PlanId::parse_lookalike(stem).map_or(Kind::Other, Kind::Misnamed),
                },
                None => json_stem(name)
                    .and_then(PlanId::parse_lookalike)
                    .map_or(Kind::Other, Kind::Misnamed),
            },
        }
    }
}

/// The name without its JSON extension, however it is written: `.json`, `.JSON`, or
/// `.json.txt` (Windows hides the last extension, so a file saved as text looks right).
fn json_stem(name: &str) -> Option<&str> {
    let lower_suffix = |suffix: &str| {
        let cut = name.len().checked_sub(suffix.len())?;
        (name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(suffix))
            .then(|| &name[..cut])
    };
    lower_suffix(".json").or_else(|| lower_suffix(".json.txt"))
}

/// Whether an entry of `plans/` by this name is a JSON file to read.
pub fn is_json_name(name: &str) -> bool {
    json_stem(name).is_some()
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Outline {
    pub title: String,
    /// The section that owns the plan (a registered department), named in the messages that
    /// send people to it.
    #[serde(default)]
    pub owner: Option<String>,
    pub expected_total: u64,
    pub goals: Vec<Goal>,
    /// Progress reporting, once the section switches it on: read leniently, so that a
    /// mistake in it (which the schema reports) never hides the rest of the outline.
    #[serde(default, deserialize_with = "lenient_setup")]
    pub progress: Option<Setup>,
}

/// The outline's `progress`, when it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setup {
    Ready(ProgressSetup),
    /// Written, but not in the shape the schema gives (the schema says what is wrong).
    Unreadable,
}

impl Outline {
    /// Progress reporting as set up, when it is and can be read.
    pub fn setup(&self) -> Option<&ProgressSetup> {
        match &self.progress {
            Some(Setup::Ready(setup)) => Some(setup),
            _ => None,
        }
    }
}

/// The outline's `progress`: the plan's fiscal years, the year being reported and the
/// evaluation scale.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct ProgressSetup {
    pub period: Period,
    /// The fiscal year being reported (opened by the section): commands show it unless asked
    /// for another, and no plan may report a later year.
    pub reporting_year: i64,
    /// Best first.
    pub scale: Vec<Level>,
}

/// The plan's fiscal years, `from` to `to` inclusive.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub struct Period {
    pub from: i64,
    pub to: i64,
}

impl Period {
    /// Whether the fiscal year `year` is in the period.
    pub fn holds(&self, year: i64) -> bool {
        (self.from..=self.to).contains(&year)
    }
}

/// One level of the evaluation scale.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Level {
    pub code: String,
    pub label: String,
}

fn lenient_setup<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Setup>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(Some(
        ProgressSetup::deserialize(&value).map_or(Setup::Unreadable, Setup::Ready),
    ))
}

/// A priority goal (重点推進目標).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Goal {
    pub number: u64,
    pub title: String,
    pub expected_plans: u64,
    pub items: Vec<ActionArea>,
}

/// An action area (取組事項).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct ActionArea {
    pub number: u64,
    pub title: String,
}

/// The register of departments (担当課).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Register {
    pub departments: Vec<Department>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct Department {
    pub name: String,
    /// The names before a reorganisation (one for a rename, several for a merge).
    #[serde(default)]
    pub formerly: Vec<String>,
    /// The fiscal year it has had this name since.
    #[serde(default)]
    pub since: Option<i64>,
}

/// A plan (計画).
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub departments: Vec<String>,
    /// The document follows the departments with 「等」 (and others).
    #[serde(default)]
    pub and_others: bool,
    #[serde(default)]
    pub subprojects: Vec<Subproject>,
    /// The fiscal year the plan was added by an amendment (none for a plan of the document as
    /// adopted); read leniently (a wrong value is the schema's to report).
    #[serde(default, deserialize_with = "lenient")]
    pub added_in: Option<i64>,
    /// When and how the plan ended; read leniently.
    #[serde(default, deserialize_with = "lenient")]
    pub ended: Option<Ended>,
    /// The progress reported for each fiscal year, as read (in year order).
    #[serde(skip)]
    pub progress: Vec<YearProgress>,
}

impl Plan {
    /// Whether the plan is expected to report fiscal year `year`: from the year it was added
    /// (or from the start) to the year it ended, that year included.
    pub fn active_in(&self, year: i64) -> bool {
        self.added_in.is_none_or(|added| year >= added)
            && self.ended.as_ref().is_none_or(|e| year <= e.year)
    }
}

/// How a plan ended (`"ended"`): in which fiscal year, why, into which plan (for a merge) and
/// a note.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Ended {
    pub year: i64,
    pub reason: EndReason,
    #[serde(default)]
    pub into: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Why a plan ended: 完了, 廃止 or 統合.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EndReason {
    Completed,
    Abolished,
    Merged,
}

/// A value read as `None` where it is not of its type (the schema says what is wrong).
fn lenient<'de, D: serde::Deserializer<'de>, T: serde::de::DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(T::deserialize(value).ok())
}

/// One fiscal year's progress of a plan, as far as it could be read (a field of the wrong
/// type reads as empty; the schema reports it).
#[derive(Debug, Clone, PartialEq)]
pub struct YearProgress {
    /// The key as written (`"2026"`).
    pub year: String,
    /// `None` when missing or not text (the schema reports it).
    pub status: Option<String>,
    pub summary: String,
    pub indicators: Vec<Indicator>,
    /// Issues and next steps (課題・今後の方向性), when written.
    pub next_steps: Option<String>,
    /// The fiscal effect (財政効果額) and its unit, when written and readable.
    pub fiscal_effect: Option<FiscalEffect>,
    /// A comment by the section or the committee, when written and readable.
    pub comment: Option<Comment>,
    /// Pasted outside `"progress"`, at the top of the file (the schema says where it belongs;
    /// the rules on a year's content read it where it is, so its slips are found at once).
    pub misplaced: bool,
}

/// A year's fiscal effect: the amount and its unit (`千円`).
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
pub struct FiscalEffect {
    pub amount: serde_json::Number,
    pub unit: String,
}

/// A comment on a year's progress, and whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Comment {
    pub by: CommentBy,
    pub text: String,
}

/// Who commented: the section that owns the plan, or the reform committee (推進委員会).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentBy {
    Section,
    Committee,
}

impl YearProgress {
    /// Where the entry is in its file, as a JSON Pointer: `/progress/2026`, or `/2026` where
    /// it was pasted outside `"progress"`.
    pub fn pointer(&self) -> String {
        if self.misplaced {
            format!("/{}", self.year)
        } else {
            format!("/progress/{}", self.year)
        }
    }

    /// The fiscal year, when the key is one.
    pub fn year(&self) -> Option<i64> {
        is_year_key(&self.year)
            .then(|| self.year.parse().ok())
            .flatten()
    }
}

/// Whether a key of a plan's `progress` is written as a fiscal year: four ASCII digits.
pub fn is_year_key(key: &str) -> bool {
    key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit())
}

/// An indicator of one year's progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub name: String,
    /// `None` when missing or not text (the schema reports it).
    pub unit: Option<String>,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    /// Whether a target or an actual figure is written at all (of whatever type).
    pub figures_written: bool,
}

/// A sub-project (個別事業) of a plan.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Subproject {
    pub title: String,
    /// Present only where the document pairs sub-projects with departments one to one.
    pub departments: Option<Vec<String>>,
}

impl Plan {
    /// Reads a plan as far as its content allows, for the cross-file checks: any field of the
    /// wrong type reads as empty, and a list entry that is not text reads as "" so that
    /// entries keep their positions. The schema reports all of these; reading leniently keeps
    /// one wrong value from hiding the plan from every other rule. `None` if the file is not
    /// a JSON object.
    pub fn lenient(mut value: serde_json::Value) -> Option<Plan> {
        use serde_json::Value;
        // Strings are moved out of the parsed tree, which is dropped next, not copied.
        let text = |v: Option<&mut Value>| match v {
            Some(Value::String(s)) => std::mem::take(s),
            _ => String::new(),
        };
        let names = |v: Option<&mut Value>| -> Vec<String> {
            match v {
                Some(Value::Array(items)) => items.iter_mut().map(|d| text(Some(d))).collect(),
                _ => Vec::new(),
            }
        };
        let object = value.as_object_mut()?;
        let subprojects = match object.get_mut("subprojects") {
            Some(Value::Array(subs)) => subs
                .iter_mut()
                .map(|s| Subproject {
                    title: text(s.get_mut("title")),
                    departments: s.get_mut("departments").map(|d| names(Some(d))),
                })
                .collect(),
            _ => Vec::new(),
        };
        // The years' keys are moved out too: the progress object is taken from the tree.
        let year_entry = |year: String, mut entry: Value, misplaced: bool| {
            let indicators = match entry.get_mut("indicators") {
                Some(Value::Array(items)) => items
                    .iter_mut()
                    .map(|i| Indicator {
                        name: text(i.get_mut("name")),
                        unit: i
                            .get_mut("unit")
                            .and_then(|u| u.is_string().then(|| text(Some(u)))),
                        target: i.get("target").and_then(Value::as_f64),
                        actual: i.get("actual").and_then(Value::as_f64),
                        figures_written: i.get("target").is_some() || i.get("actual").is_some(),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            YearProgress {
                year,
                misplaced,
                status: entry
                    .get_mut("status")
                    .and_then(|v| v.is_string().then(|| text(Some(v)))),
                summary: text(entry.get_mut("summary")),
                indicators,
                next_steps: entry
                    .get_mut("next_steps")
                    .and_then(|v| v.is_string().then(|| text(Some(v)))),
                fiscal_effect: entry
                    .get_mut("fiscal_effect")
                    .map(Value::take)
                    .and_then(|v| serde_json::from_value(v).ok()),
                comment: entry
                    .get_mut("comment")
                    .map(Value::take)
                    .and_then(|v| serde_json::from_value(v).ok()),
            }
        };
        let mut progress: Vec<YearProgress> = match object.remove("progress") {
            Some(Value::Object(years)) => years
                .into_iter()
                .map(|(year, entry)| year_entry(year, entry, false))
                .collect(),
            _ => Vec::new(),
        };
        // A year's block pasted outside "progress" (only in a file with that slip, which the
        // schema names), for a year "progress" does not hold.
        let pasted: Vec<String> = object
            .keys()
            .filter(|k| is_year_key(k) && !progress.iter().any(|e| &e.year == *k))
            .cloned()
            .collect();
        for year in pasted {
            if let Some(entry @ Value::Object(_)) = object.remove(&year) {
                progress.push(year_entry(year, entry, true));
            }
        }
        Some(Plan {
            progress,
            id: text(object.get_mut("id")),
            title: text(object.get_mut("title")),
            departments: names(object.get_mut("departments")),
            and_others: object
                .get("and_others")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            subprojects,
            added_in: object.get("added_in").and_then(Value::as_i64),
            ended: object
                .remove("ended")
                .and_then(|v| serde_json::from_value(v).ok()),
        })
    }
}

/// The checked data, as the charts read it.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub outline: Option<Outline>,
    pub register: Option<Register>,
    /// Every plan, in id order.
    pub plans: Vec<(PlanId, Plan)>,
}

impl Model {
    /// The plans of action area `item` of goal `goal`, in id order: a run of [`Model::plans`]
    /// (which is in id order), found by binary search, so that a chart or a table that goes
    /// through every action area stays linear in the plans.
    pub fn plans_in(&self, goal: u64, item: u64) -> &[(PlanId, Plan)] {
        let (Ok(goal), Ok(item)) = (u32::try_from(goal), u32::try_from(item)) else {
            return &[];
        };
        let start = self
            .plans
            .partition_point(|(id, _)| (id.goal, id.area) < (goal, item));
        let end = self
            .plans
            .partition_point(|(id, _)| (id.goal, id.area) <= (goal, item));
        &self.plans[start..end.max(start)]
    }

    /// The plan `id`, found by binary search in [`Model::plans`] (which is in id order).
    pub fn plan(&self, id: PlanId) -> Option<&Plan> {
        let at = self.plans.binary_search_by_key(&id, |(p, _)| *p).ok()?;
        Some(&self.plans[at].1)
    }
}

/// The most plans an action area holds: the plan number of an id (`G-I-N`'s `N`) is at most
/// this, as `schema/plan.schema.json`'s pattern for `id` says. The document numbers an action
/// area's plans with circled numbers, which end at ㊿; a city's action area has a handful
/// (this plan's largest has 8).
pub const MAX_PLANS_PER_AREA: u32 = 50;

/// A plan's number, goal-item-plan, as in `1-3-1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanId {
    pub goal: u32,
    pub area: u32,
    pub number: u32,
}

impl PlanId {
    /// Parses `G-I-N`: three positive integers in ASCII digits without leading zeros.
    pub fn parse(s: &str) -> Option<PlanId> {
        let (goal, rest) = s.split_once('-')?;
        let (item, number) = rest.split_once('-')?;
        Some(PlanId {
            goal: positive(goal)?,
            area: positive(item)?,
            number: positive(number)?,
        })
    }

    /// Whether `path` is this plan's place, `plans/goal-G/G-I-N.json`.
    pub fn is_path(&self, path: &str) -> bool {
        let Some((folder, name)) = path
            .strip_prefix("plans/goal-")
            .and_then(|rest| rest.split_once('/'))
        else {
            return false;
        };
        positive(folder) == Some(self.goal)
            && name.strip_suffix(".json").and_then(PlanId::parse) == Some(*self)
    }

    /// Parses an id typed another way: full-width digits, a dash that looks like a hyphen,
    /// leading zeros, spaces around it (`１-１-１`, `1ー1ー1`, `1－1－1`, `1-1-01`), for a
    /// suggestion; `None` if it is not such an id.
    pub fn parse_lookalike(s: &str) -> Option<PlanId> {
        use unicode_normalization::UnicodeNormalization;
        let folded: String = s
            .trim()
            .nfkc()
            .map(|c| match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF70}' => '-',
                c => c,
            })
            .collect();
        let mut parts = folded.split('-').map(|p| p.trim_start_matches('0'));
        let id = PlanId {
            goal: positive(parts.next()?)?,
            area: positive(parts.next()?)?,
            number: positive(parts.next()?)?,
        };
        parts.next().is_none().then_some(id)
    }

    /// Where the plan's file belongs, relative to the repository.
    pub fn path(&self) -> String {
        format!("plans/goal-{}/{self}.json", self.goal)
    }

    /// The action area the plan belongs to, as (goal, item).
    pub fn area(&self) -> (u32, u32) {
        (self.goal, self.area)
    }
}

/// A positive integer in ASCII digits without a leading zero.
fn positive(s: &str) -> Option<u32> {
    let bytes = s.as_bytes();
    if bytes.first().is_none_or(|b| !(b'1'..=b'9').contains(b)) {
        return None;
    }
    bytes.iter().try_fold(0u32, |n, &b| {
        if !b.is_ascii_digit() {
            return None;
        }
        n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    })
}

impl std::fmt::Display for PlanId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}-{}", self.goal, self.area, self.number)
    }
}

/// A status as typed, made a code of the scale where it has exactly one meaning: the code
/// itself in another form (`Ａ`, ` A `), the code followed by its label or part of it
/// (`A 順調`, `A（順調）`, `B:おおむね順調`), a level's label (`順調`), or a label written
/// otherwise (`概ね順調`).
pub fn status_code(typed: &str, scale: &[Level]) -> Option<String> {
    let fold = |s: &str| -> String {
        unicode_normalization::UnicodeNormalization::nfkc(s)
            .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | ':' | '「' | '」' | '・'))
            .collect::<String>()
            .replace("概ね", "おおむね")
            .to_lowercase()
    };
    if scale.iter().any(|l| l.code == typed) {
        return None;
    }
    let t = fold(typed);
    if t.is_empty() {
        return None;
    }
    let one = |found: Vec<&Level>| match found.as_slice() {
        [level] => Some(level.code.clone()),
        _ => None,
    };
    // The code in another form.
    if let Some(code) = one(scale.iter().filter(|l| fold(&l.code) == t).collect()) {
        return Some(code);
    }
    // A label.
    if let Some(code) = one(scale.iter().filter(|l| fold(&l.label) == t).collect()) {
        return Some(code);
    }
    // The code and its label.
    one(scale
        .iter()
        .filter(|l| {
            let code = fold(&l.code);
            t.strip_prefix(&code)
                .is_some_and(|rest| !rest.is_empty() && fold(&l.label) == rest)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_in_an_action_area_are_its_run_of_the_plans() {
        let plan = |id: &str| {
            let plan = serde_json::json!({"id": id, "title": "架空", "departments": ["架空課"]});
            (PlanId::parse(id).unwrap(), Plan::lenient(plan).unwrap())
        };
        let model = Model {
            outline: None,
            register: None,
            plans: [
                "1-1-1", "1-1-2", "1-2-1", "1-10-1", "2-1-1", "2-1-2", "2-1-3",
            ]
            .map(plan)
            .into(),
        };
        let ids = |goal, item| -> Vec<String> {
            model
                .plans_in(goal, item)
                .iter()
                .map(|(id, _)| id.to_string())
                .collect()
        };
        assert_eq!(ids(1, 1), ["1-1-1", "1-1-2"]);
        assert_eq!(ids(1, 2), ["1-2-1"]);
        assert_eq!(ids(1, 10), ["1-10-1"]);
        assert_eq!(ids(2, 1), ["2-1-1", "2-1-2", "2-1-3"]);
        assert!(ids(1, 3).is_empty() && ids(3, 1).is_empty() && ids(0, 0).is_empty());
        assert!(ids(u64::from(u32::MAX) + 2, 1).is_empty());
    }

    #[test]
    fn parses_ids_with_many_digits() {
        let id = PlanId::parse("12-3-104").unwrap();
        assert_eq!((id.goal, id.area, id.number), (12, 3, 104));
        assert_eq!(id.to_string(), "12-3-104");
        assert_eq!(id.path(), "plans/goal-12/12-3-104.json");
        assert!(id.is_path("plans/goal-12/12-3-104.json"));
        for other in [
            "plans/goal-1/12-3-104.json",
            "plans/goal-012/12-3-104.json",
            "plans/goal-12/x/12-3-104.json",
            "plans/12-3-104.json",
            "plans/goal-12/12-3-104.json.bak",
        ] {
            assert!(!id.is_path(other), "{other}");
        }
    }

    #[test]
    fn reads_lookalike_ids_for_suggestions() {
        let one = PlanId::parse("1-1-1");
        for typed in [
            "１-１-１",
            "１－１－１",
            "1ー1ー1",
            "1−1−1",
            " 1-1-1",
            "01-1-001",
        ] {
            assert_eq!(PlanId::parse(typed), None, "{typed}");
            assert_eq!(PlanId::parse_lookalike(typed), one, "{typed}");
        }
        assert_eq!(PlanId::parse_lookalike("一-一-一"), None);
        assert_eq!(PlanId::parse_lookalike("1-0-1"), None);
        assert_eq!(PlanId::parse_lookalike("1-1-1-1"), None);
    }

    #[test]
    fn judges_files_by_their_path() {
        let id = PlanId::parse("1-3-1").unwrap();
        assert_eq!(Kind::of_path("plans/outline.json"), Kind::Outline);
        assert_eq!(Kind::of_path("plans/departments.json"), Kind::Register);
        assert_eq!(Kind::of_path("plans/goal-1/1-3-1.json"), Kind::Plan(id));
        assert_eq!(Kind::of_path("plans/goal-2/1-3-1.json"), Kind::Plan(id));
        assert_eq!(Kind::of_path("plans/1-3-1.json"), Kind::Plan(id));
        assert_eq!(
            Kind::of_path("plans/goal-1/outline.json"),
            Kind::Misplaced(Special::Outline)
        );
        for misnamed in [
            "plans/goal-1/１-３-１.json",
            "plans/goal-1/1-3-01.json",
            "plans/goal-1/1-3-1.JSON",
            "plans/goal-1/1-3-1.json.txt",
            "plans/goal-1/1ー3ー1.Json",
        ] {
            assert_eq!(Kind::of_path(misnamed), Kind::Misnamed(id), "{misnamed}");
        }
        for other in [
            "plans/notes.json",
            "plans/goal-1/1-3-1-old.json",
            "plans/goal-1/1-3-1 (1).json",
            "plans/goal-1/1-3-1.json.bak",
        ] {
            assert_eq!(Kind::of_path(other), Kind::Other, "{other}");
        }
        assert!(is_json_name("1-3-1.JSON") && is_json_name("a.json.txt"));
        assert!(!is_json_name("1-3-1.json.bak") && !is_json_name("json"));
    }

    #[test]
    fn reads_plans_leniently() {
        let v = serde_json::json!({"id": "1-1-1", "title": 5, "departments": ["人事課", 7],
            "subprojects": [{"departments": ["人事課"]}], "extra": true});
        let p = Plan::lenient(v).unwrap();
        assert_eq!(p.id, "1-1-1");
        assert_eq!(p.title, "");
        assert_eq!(p.departments, vec!["人事課".to_string(), String::new()]);
        assert_eq!(
            p.subprojects[0].departments,
            Some(vec!["人事課".to_string()])
        );
        assert_eq!(
            Plan::lenient(serde_json::json!({"title": "x"})).unwrap().id,
            ""
        );
        assert!(Plan::lenient(serde_json::json!([1])).is_none());
    }

    #[test]
    fn rejects_malformed_ids() {
        for bad in [
            "",
            "1-1",
            "1-1-1-1",
            "01-1-1",
            "1-0-1",
            "1-a-1",
            "1--1",
            "-1-1-1",
            "1-1-99999999999",
            "1-1-1-",
            "１-１-１",
            "+1-1-1",
        ] {
            assert_eq!(PlanId::parse(bad), None, "{bad}");
        }
    }
}
