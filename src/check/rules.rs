//! The registry: every rule, once, with its stable id, its severity, a one-line summary and
//! its fix (in Japanese and English; the README's rule tables are tested against these), and
//! the function that runs it. [`RULES`] lists them in the order of the README's tables.

use super::{Context, Document, departments, identity, parse, progress, schema, structure, text};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::messages::{Doc, Message};

/// When and on what a rule runs.
pub enum Run {
    /// Reported from what loading found: entries under `plans/` and files that could not be
    /// read.
    Loading,
    /// Reported while a file is parsed, and then on the parsed document.
    Parsing(fn(&Document, &mut Vec<Diagnostic>)),
    /// On one parsed file at a time.
    Document(fn(&schema::Schemas, &Document, &mut Vec<Diagnostic>)),
    /// On each string of one parsed file, with its path (the strings are walked once for
    /// every such rule).
    Text(TextRule),
    /// On every file together.
    Repository(fn(&Context, &mut Vec<Diagnostic>)),
}

/// A rule on one string of a document, given its path.
pub type TextRule = fn(&Document, &[text::Step], &str, &mut Vec<Diagnostic>);

/// One rule.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: Doc,
    pub fix: Doc,
    pub run: Run,
}

impl Rule {
    /// A diagnostic of this rule.
    pub fn report(&'static self, file: &str, target: Target, message: Message) -> Diagnostic {
        Diagnostic::new(self.id, self.severity, file, target, message)
    }
}

pub static FILE_READ: Rule = Rule {
    id: "file-read",
    severity: Severity::Error,
    summary: Doc {
        ja: "`plans/` の中のものがすべて読めること（シンボリックリンク・`.json` という名前のフォルダー・パイプや装置・8 MiB を超えるファイル・16 段より深いフォルダー・UTF-8 でない名前は不可）",
        en: "every entry under `plans/` can be read: no symbolic links (never followed), no folders named `*.json`, no pipes or devices, no file over 8 MiB, no folder nested more than 16 deep, no name that is not UTF-8",
    },
    fix: Doc {
        ja: "普通のファイルにするか、`plans/` から出す",
        en: "make it an ordinary file, or move it out of `plans/`",
    },
    run: Run::Loading,
};

pub static NON_JSON_FILE: Rule = Rule {
    id: "non-json-file",
    severity: Severity::Warning,
    summary: Doc {
        ja: "`plans/` の中のファイルの名前が `.json` で終わること（`.` で始まる隠しファイルは対象外）",
        en: "every file in `plans/` ends in `.json` (hidden files, whose names start with `.`, are left alone)",
    },
    fix: Doc {
        ja: "計画のファイルなら名前を直す。そうでなければ `plans/` から出す",
        en: "rename it if it is a plan, or move it out of `plans/`",
    },
    run: Run::Loading,
};

pub static JSON_SYNTAX: Rule = Rule {
    id: "json-syntax",
    severity: Severity::Error,
    summary: Doc {
        ja: "UTF-8 の正しい JSON であること（BOM なし、空でない、バイナリでない、コメントなし、全角の記号なし、同じ項目名の重複なし）",
        en: "UTF-8 JSON: no BOM, not empty, not binary, not UTF-16, no comments, no full-width punctuation, no key twice in one object; in a text file each error is placed by line and column",
    },
    fix: Doc {
        ja: "示された行・列を直す。BOM 付きなら「UTF-8（BOM なし）」で保存し直す",
        en: "fix the marked spot; re-save as UTF-8 without BOM",
    },
    run: Run::Parsing(parse::duplicate_keys),
};

pub static SCHEMA: Rule = Rule {
    id: "schema",
    severity: Severity::Error,
    summary: Doc {
        ja: "スキーマどおりであること（必須項目、型、未知の項目、id の形、空の文字列、担当課の重複、数と長さの上限: 1 つの計画に担当課 20・個別事業 30、1 つの取組事項に計画 50 まで）",
        en: "the file is valid against its schema: required fields, types, unknown fields (with a did-you-mean), the id's form (full-width digits are named), empty text, a department listed twice, the bounds (at most 20 departments and 30 sub-projects in a plan, 50 plans in an action area, the texts' lengths)",
    },
    fix: Doc {
        ja: "ヒントに出る項目の説明に合わせる",
        en: "follow the hint, which quotes the field's description from the schema",
    },
    run: Run::Document(schema::check),
};

pub static FILE_LOCATION: Rule = Rule {
    id: "file-location",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画は `plans/goal-G/<id>.json` にあり、ファイル名と `id` が同じであること（全角数字・`.JSON`・`.json.txt` などの名前は正しい名前を示します）。`outline.json` と `departments.json` が決まった場所にあること。ほかの JSON を置かないこと",
        en: "a plan is at `plans/goal-G/<id>.json` and its `id` equals its file name (a name typed another way, such as full-width digits, `.JSON` or `.json.txt`, is told its right name); the outline and the register exist, in their places; no other JSON file is in `plans/`",
    },
    fix: Doc {
        ja: "示されたとおりにファイルを移す・名前を変える・`id` を直す",
        en: "move or rename the file, or correct its `id`, as told",
    },
    run: Run::Repository(identity::location),
};

pub static UNIQUE_IDS: Rule = Rule {
    id: "unique-ids",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画番号ひとつにファイルがひとつであること（コピーしたファイルの `id` の直し忘れ、同じ計画が二つのフォルダーにあるもの）",
        en: "one file per plan: no file whose `id` is another file's (a copy whose `id` was left as it was), no plan in two folders",
    },
    fix: Doc {
        ja: "新しい計画ならファイル名の番号を `id` に書く。不要なコピーは消す",
        en: "write the file's own number in its `id`, or delete the copy",
    },
    run: Run::Repository(identity::unique_ids),
};

pub static OUTLINE_REFS: Rule = Rule {
    id: "outline-refs",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画番号の重点推進目標と取組事項が体系（`outline.json`）にあること（同じ取組事項の計画が複数あれば体系に一度だけ示します）",
        en: "each plan's goal and action area exist in the outline (several plans of one missing action area are reported once, on the outline)",
    },
    fix: Doc {
        ja: "計画番号（ファイル名と `id`）を直す",
        en: "correct the plan's number (its file name and `id`)",
    },
    run: Run::Repository(identity::outline_refs),
};

pub static NUMBERING: Rule = Rule {
    id: "numbering",
    severity: Severity::Error,
    summary: Doc {
        ja: "目標・取組事項・計画の番号が 1 から欠番なく続くこと。計画のない取組事項がないこと",
        en: "goals and action areas are numbered 1..n; every action area has plans; the plans of an area are numbered 1..n without gaps",
    },
    fix: Doc {
        ja: "欠けた計画を足すか、番号を詰める",
        en: "add the missing plan, or renumber",
    },
    run: Run::Repository(structure::numbering),
};

pub static COUNTS: Rule = Rule {
    id: "counts",
    severity: Severity::Error,
    summary: Doc {
        ja: "目標ごとの計画数が `expected_plans`（計）と一致し、`expected_plans` の和が `expected_total`（合計）と一致すること（足りない計画番号を示します）",
        en: "each goal has its `expected_plans` (計), and these add up to `expected_total` (合計); names the missing ids",
    },
    fix: Doc {
        ja: "足りない計画ファイルを足すか、文書に合わせて数を直す",
        en: "add the missing plan files, or correct the counts to the document's",
    },
    run: Run::Repository(structure::counts),
};

pub static KNOWN_DEPARTMENTS: Rule = Rule {
    id: "known-departments",
    severity: Severity::Error,
    summary: Doc {
        ja: "担当課が登録簿（`departments.json`）にあること（近い名前を提案します。複数の計画が同じ名前を使い登録簿の似た名前がどこにも使われていなければ、登録簿の誤りとして示します）",
        en: "every department is in the register; near misses get a suggestion (「行政マネジメト課」 → 「行政マネジメント課」); a name several plans use, close to a registered name no plan uses, is reported as a slip in the register",
    },
    fix: Doc {
        ja: "提案どおりに直すか、登録簿に追加する",
        en: "use the suggested name, or register the new department",
    },
    run: Run::Repository(departments::known),
};

pub static SUBPROJECT_DEPARTMENTS: Rule = Rule {
    id: "subproject-departments",
    severity: Severity::Error,
    summary: Doc {
        ja: "個別事業の担当課が計画の担当課に含まれること",
        en: "a sub-project's departments are among its plan's",
    },
    fix: Doc {
        ja: "計画の `departments` に加えるか、名前を直す",
        en: "add it to the plan's `departments`, or correct it",
    },
    run: Run::Repository(departments::subproject),
};

pub static UNUSED_DEPARTMENTS: Rule = Rule {
    id: "unused-departments",
    severity: Severity::Warning,
    summary: Doc {
        ja: "登録した担当課がどこかの計画で使われていること（計画がすべてそろい、ほかの誤りがないときに検査します）",
        en: "every registered department is named by a plan (checked once every plan is there and no plan file has another error)",
    },
    fix: Doc {
        ja: "登録簿から消すか、計画に加える",
        en: "remove it from the register, or add it to its plan",
    },
    run: Run::Repository(departments::unused),
};

pub static UNIQUE_DEPARTMENTS: Rule = Rule {
    id: "unique-departments",
    severity: Severity::Error,
    summary: Doc {
        ja: "登録簿に同じ課が二度ないこと",
        en: "no department is registered twice",
    },
    fix: Doc {
        ja: "片方を消す",
        en: "remove the repeat",
    },
    run: Run::Repository(departments::unique),
};

pub static TEXT_HYGIENE: Rule = Rule {
    id: "text-hygiene",
    severity: Severity::Error,
    summary: Doc {
        ja: "空白だけの文字列・前後の空白（全角空白も）・制御文字や見えない文字・NFC でない文字がないこと",
        en: "no whitespace-only text, no leading or trailing space (full-width and no-break spaces too), no control or invisible characters, Unicode NFC",
    },
    fix: Doc {
        ja: "打ち直す",
        en: "retype the text",
    },
    run: Run::Text(text::hygiene),
};

pub static UNIQUE_TITLES: Rule = Rule {
    id: "unique-titles",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画名が重複しないこと",
        en: "plan titles are unique",
    },
    fix: Doc {
        ja: "文書と見比べて直す",
        en: "check both plans against the document",
    },
    run: Run::Repository(text::unique_titles),
};

pub static LINE_WRAP_SPACE: Rule = Rule {
    id: "line-wrap-space",
    severity: Severity::Warning,
    summary: Doc {
        ja: "日本語の文字の間に空白（半角・全角・ノーブレーク・細い空白）がないこと（PDF の改行の名残）",
        en: "no space (ASCII, full-width, no-break or thin) between two Japanese characters (a PDF line-wrap artifact)",
    },
    fix: Doc {
        ja: "空白を消す",
        en: "remove the space",
    },
    run: Run::Text(text::line_wrap),
};

/// Every rule, in the order of the README's tables.
pub static PROGRESS_SETUP: Rule = Rule {
    id: "progress-setup",
    severity: Severity::Error,
    summary: Doc {
        ja: "体系の進捗の設定（`progress`）で、評価の段階の記号（`code`）が重ならず、計画期間の `from` が `to` より後でないこと",
        en: "in the outline's `progress`, each code of the scale appears once and the period does not end before it starts",
    },
    fix: Doc {
        ja: "記号を段階ごとに別のものにする。`from` に最初の年度、`to` に最後の年度を書く",
        en: "give each level its own code; write the first fiscal year in `from` and the last in `to`",
    },
    run: Run::Repository(progress::setup),
};

pub static PROGRESS_ENABLED: Rule = Rule {
    id: "progress-enabled",
    severity: Severity::Error,
    summary: Doc {
        ja: "計画に進捗（`progress`）を書くのは、`plans/outline.json` に進捗の設定があるときだけであること",
        en: "a plan holds `progress` only once `plans/outline.json` sets progress up",
    },
    fix: Doc {
        ja: "行政マネジメント課が体系に `progress` を書くまで、計画の `progress` を削除する",
        en: "remove the plan's `progress` until the administrative-management section adds `progress` to the outline",
    },
    run: Run::Repository(progress::enabled),
};

pub static PROGRESS_YEARS: Rule = Rule {
    id: "progress-years",
    severity: Severity::Error,
    summary: Doc {
        ja: "進捗の年度が、体系の計画期間（`period`）の中にあること",
        en: "every year of progress is in the outline's period",
    },
    fix: Doc {
        ja: "年度の打ち間違いを直す",
        en: "correct the year",
    },
    run: Run::Repository(progress::years),
};

pub static PROGRESS_STATUS: Rule = Rule {
    id: "progress-status",
    severity: Severity::Error,
    summary: Doc {
        ja: "進捗の評価（`status`）が、体系の評価の段階（`scale`）の記号のどれかであること",
        en: "every `status` is a code of the outline's scale",
    },
    fix: Doc {
        ja: "評価の段階の記号を、体系と同じ文字で書く（段階の意味ではなく記号を書く）",
        en: "write one of the scale's codes exactly (the code, not its label)",
    },
    run: Run::Repository(progress::status),
};

pub static PROGRESS_INDICATORS: Rule = Rule {
    id: "progress-indicators",
    severity: Severity::Error,
    summary: Doc {
        ja: "進捗の指標（`indicators`）の単位（`unit`）が空でないこと（読めない数は `json-syntax` が示します）",
        en: "every indicator has a unit (a number that cannot be read is `json-syntax`'s)",
    },
    fix: Doc {
        ja: "`\"件\"`、`\"%\"` のように単位を書く",
        en: "write its unit, like `\"件\"` or `\"%\"`",
    },
    run: Run::Repository(progress::indicators),
};

pub static RULES: [&Rule; 21] = [
    &FILE_READ,
    &NON_JSON_FILE,
    &JSON_SYNTAX,
    &SCHEMA,
    &FILE_LOCATION,
    &UNIQUE_IDS,
    &OUTLINE_REFS,
    &NUMBERING,
    &COUNTS,
    &KNOWN_DEPARTMENTS,
    &SUBPROJECT_DEPARTMENTS,
    &UNUSED_DEPARTMENTS,
    &UNIQUE_DEPARTMENTS,
    &TEXT_HYGIENE,
    &UNIQUE_TITLES,
    &LINE_WRAP_SPACE,
    &PROGRESS_SETUP,
    &PROGRESS_ENABLED,
    &PROGRESS_YEARS,
    &PROGRESS_STATUS,
    &PROGRESS_INDICATORS,
];

/// The rules on each string ([`Run::Text`]), in the registry's order: every file's strings
/// are walked once for all of them.
pub static TEXT_RULES: std::sync::LazyLock<Vec<TextRule>> = std::sync::LazyLock::new(|| {
    RULES
        .iter()
        .filter_map(|rule| match rule.run {
            Run::Text(run) => Some(run),
            _ => None,
        })
        .collect()
});

/// The rule with this id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        for (i, rule) in RULES.iter().enumerate() {
            assert!(
                rule.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                rule.id
            );
            assert!(RULES[..i].iter().all(|r| r.id != rule.id), "{}", rule.id);
        }
    }
}
