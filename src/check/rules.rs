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
    /// What staff read under the rule's heading in the guide (`plans rules --format
    /// markdown`): when the problem happens and how to mend it, in Japanese, in Markdown.
    pub guide: &'static str,
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
    guide: r#"Web エディターで作業していれば、まず起きません。起きるのは、たとえば「Create new file」で名前に `/` を入れて `1-2-4.json/…` のようなフォルダーを作ってしまったとき、大きな資料を `plans/` に置いたときです。

余計なフォルダーやファイルは消すか、`plans/` の外に移します。どう直せばよいか分からないときは、行政マネジメント課に相談してください。"#,
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
    guide: r#"`plans/` に、計画ではない資料（PDF、メモ、表計算のファイルなど）や、`1-1-3.json.bak` のような控えのファイルを置くと出ます。`.json` で終わらないファイルは検査されません。

計画のファイルなら、名前を `G-I-N.json` に直します。そうでなければ消すか、`plans/` の外に移します。警告ですが、CI では不合格になります。"#,
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
    guide: r#"いちばんよく出る誤りです。多いのは、`,` の入れ忘れ、最後のものの後の余計な `,`、`"` の閉じ忘れ、全角の `，` `：` `“ ”`、同じ項目（`"title"` など）を 2 回書いたもの、`//` のコメントです。`,` の入れ忘れは、次の行の頭に印が付くことがあります。示された行と、その前の行を見てください。進捗の報告では、文の中の半角の `"`（「」に置き換えます）、Word から貼り付けた改行、`1,200` のような桁区切りや `80%` のような単位付きの数も、それぞれ名前を挙げて示されます。

github.dev では、同じ所に波線が出ます。記号は半角に切り替えて打ち直します。BOM は、Windows のメモ帳などで保存したファイルをアップロードしたときに付くことがあります。github.dev では、画面右下に「UTF-8 with BOM」と出ます。そこを押し、「Save with Encoding」→「UTF-8」を選ぶと、BOM なしで保存し直せます。"#,
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
    guide: r#"ファイルの形が決まりと違うときに出ます。たとえば、`"departments"` がない、`"departments"` を `[ ]` で囲んでいない、`"and_others": "true"` のように `true` を `"` で囲んだ、項目名を `"department"` や `"titel"` と打ち間違えた、`"id"` に全角数字や空白がある、`""` のように中身が空、同じ担当課を 2 回書いた、などです。

数と長さにも上限があります。1 つの計画の担当課は 20 課まで、個別事業は 30 件まで、1 つの取組事項の計画は 50 件まで（文書の丸数字は㊿までです）、計画名や個別事業の名前は 200 文字までです。市の計画としては十分な余裕があり、これを超えるのは、ほかの計画の内容を貼り付けてしまったときなどです。図と表は、この上限の中で描けるように作っています。

項目名の打ち間違いには、正しい名前が示されます。github.dev では、波線にマウスを重ねると、同じ説明が出ます。"#,
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
    guide: r#"ファイル名と `"id"` が違う、重点推進目標 2 の計画を `goal-1` フォルダーに置いた、ファイル名を全角数字や `.JSON` にした、`メモ.json` のような計画ではない JSON ファイルを `plans/` に置いた、などのときに出ます。正しい名前や場所が示されます。

名前を変えるには、github.dev ではファイル一覧で右クリックして「Rename...」を選びます。鉛筆アイコンのエディターでは、上のファイル名の欄を書き換えます。名前の欄に `goal-2/` のように書くと、別のフォルダーに移せます（`../` で 1 つ上のフォルダーに戻ります）。"#,
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
    guide: r#"多いのは、計画を足すときに既存のファイルをコピーし、`"id"` を直し忘れたものです。同じ計画を、誤って 2 つのフォルダーに置いたときにも出ます。

新しい計画なら、ファイル名の番号を `"id"` に書きます（計画名と担当課も書き換えます）。誤って作ったコピーなら、そのファイルを消します。"#,
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
    guide: r#"計画番号の重点推進目標や取組事項が、体系にないときに出ます。たとえば、重点推進目標 1 の取組事項は 4 つなのに、`1-5-1` という計画を作ったときです。多くは番号の打ち間違いです。

文書と見比べて、ファイル名と `"id"` の両方を直します。文書に新しい取組事項が本当にあるときは、行政マネジメント課が `plans/outline.json` に加えます。"#,
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
    guide: r#"計画の番号が飛んでいるときに出ます。たとえば、計画を消したあとに、後ろの計画の番号を詰めていないとき（`1-2-1`、`1-2-2`、`1-2-4`）です。ある取組事項の計画をすべて消したときにも出ます。

欠けている計画が文書にあれば、そのファイルを足します。なければ、後ろの計画の番号を 1 つずつ詰めます。ファイル名と `"id"` の両方を直します。"#,
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
    guide: r#"計画を足したり消したりしたのに、`plans/outline.json` の数を直していないときに出ます。メッセージは `plans/outline.json` に付きます。自分が変えていないファイルなので、「Files changed」タブには出ず、「Checks」タブに出ます。計画ファイルを消してしまったときは、足りない計画番号が示されます。

文書の「計」「合計」と見比べて、`"expected_plans"` と `"expected_total"` の両方を直します。計画が足りないなら、そのファイルを足します。"#,
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
    guide: r#"担当課の名前が、登録簿の名前と 1 文字でも違うと出ます。多いのは、打ち間違い、名前の前後や途中の空白、`"公有資産マネジメント課 等"` のように「等」を名前に入れたものです。「等」は `"and_others": true` で表します。

メッセージに近い名前が示されたら、そのとおりに直します。github.dev では、`"departments"` の中で候補から選ぶと間違いません。本当に新しい課なら、同じプルリクエストで登録簿に加えます（[計画を追加する手順](#計画を追加する手順)）。登録簿の方が打ち間違っているときは、登録簿に誤りとして示されます。その場合は、登録簿の名前を直します。"#,
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
    guide: r#"個別事業の `"departments"` に、計画の `"departments"` にない担当課を書いたときに出ます。個別事業の担当課は、計画の担当課の中から選ぶ決まりです。

文書と見比べて、計画の `"departments"` に加える（文書の順の位置に入れます）か、個別事業の方の名前を直します。"#,
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
    guide: r#"登録簿にあるのに、どの計画も使っていない担当課があると出ます。たとえば、ある課の最後の計画を消したとき、登録簿だけを先に直してマージしようとしたときです。ほかに誤りがある間は検査しないので、ほかの誤りを直したあとに初めて出ることがあります。

文書にもうない課なら、登録簿から消します。文書にある課なら、その計画の `"departments"` に加えます。警告ですが、CI では不合格になります。"#,
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
    guide: r#"登録簿に、同じ名前の課が 2 回あるときに出ます。新しい課を加えたつもりが、もう登録されていたときに起きます。

片方の `{ "name": … }` を消します。前後の `,` が正しく残るように気を付けてください。"#,
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
    guide: r#"文字の前後に空白（全角空白も）があるとき、空白だけのとき、目に見えない文字が入っているときに出ます。見えない文字は、PDF や Web ページ、表計算ソフトからコピーして貼り付けたときによく入ります。濁点が文字と分かれている（「か」＋「゛」）ときにも出ます。

`"` と `"` の間を、いったん消して打ち直すのが確実です。github.dev では、見えない文字が枠で囲まれて表示されることがあります。"#,
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
    guide: r#"2 つの計画が同じ計画名のときに出ます。多いのは、ファイルをコピーして計画名を直し忘れたときです。文書には、括弧の中だけが違う計画名があります。括弧を落とすと重複になります。

文書と見比べて、どちらの計画名が違っているかを確かめ、直します。"#,
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
    guide: r#"文書の PDF から計画名をコピーすると、PDF で改行されていた所に空白が入ります。たとえば 1-4-5 の計画名（「ワーク・ライフ・バランス及び…」）は長いので、そのままコピーすると途中に空白が入ります。

メッセージに、空白を消した正しい形が示されます。そのとおりに空白を消します。警告ですが、CI では不合格になります。文書に本当に空白があると思われるときは、行政マネジメント課に相談してください。"#,
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
    guide: r#"体系（`plans/outline.json`）の進捗の設定（`"progress"`）に、同じ記号の段階が 2 つあるとき、または計画期間の最後の年度（`"to"`）が最初の年度（`"from"`）より前のときに出ます。設定は行政マネジメント課が書きます。

記号は段階ごとに別のもの（例: `A`、`B`、`C`、`D`）にし、`"from"` に最初の年度、`"to"` に最後の年度を書きます。"#,
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
    guide: r#"計画のファイルに `"progress"` がありますが、体系に進捗の設定がないときに出ます。進捗の報告は、行政マネジメント課が体系に設定を書いてから始まります。

設定ができるまでは、計画の `"progress"` を削除します。報告の時期かどうかは、行政マネジメント課に確かめてください。"#,
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
    guide: r#"進捗の年度（`"2026"` のような項目名）が、体系の計画期間の外にあるときに出ます。多いのは年度の打ち間違いです。

年度を直します。計画期間は `plans/outline.json` の `"progress"` の `"period"` にあります。"#,
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
    guide: r#"評価（`"status"`）が、体系の評価の段階の記号のどれでもないときに出ます。全角の「Ａ」や小文字の「a」、段階の意味（「計画どおり進んでいる」など）を書いたときには、正しい記号をメッセージが示します。

示された記号に直します。評価には段階の意味ではなく記号を書きます。"#,
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
    guide: r#"指標の単位（`"unit"`）が空（`""`）のときに出ます。

`"件"`、`"%"`、`"回"` のように単位を書きます。目標値（`"target"`）と実績値（`"actual"`）は半角数字で書き、`"` で囲みません。"#,
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
