// What VS Code and github.dev show while a plan file is edited: the JSON language service VS
// Code itself uses (vscode-json-languageservice), given the schemas exactly as
// `.vscode/settings.json` maps them, validates, completes and explains the files here.
//
// Run from the repository: npm ci --prefix tests/editor && node --test tests/editor/editor.test.mjs
// (naming the file works on every Node from 20; a bare directory argument only on Node 20).

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import jsonService from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

const { getLanguageService, ClientCapabilities, DiagnosticSeverity } = jsonService;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The workspace folder as VS Code names it (no trailing slash).
const ROOT_URI = pathToFileURL(ROOT).href.replace(/\/$/, '');

const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const readJson = (path) => JSON.parse(read(path));
const uriOf = (path) => `${ROOT_URI}/${path}`;

// A schema `url` in the folder's settings, resolved as VS Code's JSON extension does
// (`Uri.joinPath(folder, url)` for a url starting with `.` or `/`; jsonClient.ts getSchemaId).
function schemaUri(url) {
  if (url.startsWith('.') || url.startsWith('/')) {
    return new URL(url.replace(/^\.?\/+/, ''), `${ROOT_URI}/`).href;
  }
  return url;
}

const settings = readJson('.vscode/settings.json');
// A single folder opened (github.dev, VS Code): its settings apply with no folderUri, each
// pattern matched as `**/pattern` against the whole file URI.
const schemas = settings['json.schemas'].map((s) => ({
  uri: schemaUri(s.url),
  fileMatch: s.fileMatch,
}));

const PLAN_SCHEMA_URI = uriOf('.vscode/plan.schema.json');
const OUTLINE_SCHEMA_URI = uriOf('schema/outline.schema.json');
const REGISTER_SCHEMA_URI = uriOf('schema/departments.schema.json');

const requested = [];
const service = getLanguageService({
  // Schemas are served from the file system, as VS Code does for file: URLs.
  schemaRequestService: async (uri) => {
    requested.push(uri);
    if (!uri.startsWith('file:')) {
      throw new Error(`only file: schemas are expected here, not ${uri}`);
    }
    return readFileSync(fileURLToPath(uri), 'utf8');
  },
  workspaceContext: {
    resolveRelativePath: (relativePath, resource) => new URL(relativePath, resource).href,
  },
  clientCapabilities: ClientCapabilities.LATEST,
});
service.configure({ validate: true, allowComments: false, schemas });

// What VS Code's JSON server passes for a `.json` file (language `json`, not `jsonc`).
const JSON_DOCUMENT_SETTINGS = { comments: 'error', trailingCommas: 'error' };

function open(path, text) {
  const document = TextDocument.create(uriOf(path), 'json', 1, text);
  return { document, json: service.parseJSONDocument(document) };
}

async function diagnose(path, text) {
  const { document, json } = open(path, text);
  const diagnostics = await service.doValidation(document, json, JSON_DOCUMENT_SETTINGS);
  // In the order of the text (the service reports in the order of the schema's keywords).
  return diagnostics
    .map(({ message, range, severity }) => ({ message, range, severity }))
    .sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
}

/** The position just after the first occurrence of `marker` in `text` (plus `shift`). */
function after(document, marker, shift = 0) {
  const at = document.getText().indexOf(marker);
  assert.notEqual(at, -1, `${marker} is in the text`);
  return document.positionAt(at + marker.length + shift);
}

/** The range of the `nth` occurrence (from 0) of `needle` in `text`. */
function rangeOf(text, needle, nth = 0) {
  const document = TextDocument.create('untitled:x', 'json', 1, text);
  let at = text.indexOf(needle);
  for (let i = 0; i < nth && at !== -1; i++) at = text.indexOf(needle, at + 1);
  assert.notEqual(at, -1, `${needle} is in the text`);
  return { start: document.positionAt(at), end: document.positionAt(at + needle.length) };
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
// The service's English defaults (from its l10n strings), which the schemas replace.
const ENGLISH_DEFAULTS =
  /is not allowed|does not match the pattern|Incorrect type|Value is not accepted|Matches a schema|Missing property|String is (shorter|longer)|Array has/;

function assertAllJapanese(diagnostics) {
  for (const { message } of diagnostics) {
    assert.match(message, JAPANESE, `in Japanese: ${message}`);
    assert.doesNotMatch(message, ENGLISH_DEFAULTS, `no English default: ${message}`);
  }
}

const registered = readJson('plans/departments.json').departments.map((d) => d.name);

const planFiles = readdirSync(join(ROOT, 'plans'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.startsWith('goal-'))
  .flatMap((d) =>
    readdirSync(join(ROOT, 'plans', d.name))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `plans/${d.name}/${f}`),
  )
  .sort();

// The editor's message for a department name that is not registered; `plans build` writes it
// into .vscode/plan.schema.json with the registered names.
const NOT_REGISTERED =
  'この担当課の名前は plans/departments.json に登録されていません。入力中に出る候補から選ぶか、文書の担当課名と一字ずつ見比べてください。新しい課は、先に plans/departments.json に登録します。';

/** The generated schema's list of names (`enum`), beside `departmentName`'s own keywords or in an `allOf` entry. */
function registerIn(schema) {
  const name = schema.$defs.departmentName;
  return [name, ...(name.allOf ?? [])].find((s) => Array.isArray(s.enum));
}

// A made-up plan file the repository does not have (goal 1, action area 1, the first number
// from 9 with no file), and a registered name and a slip of it (化 for 課), both taken from the
// files so that an amendment of the plan or the register does not break the tests.
const MADE_UP_NUMBER = (() => {
  let n = 9;
  while (planFiles.includes(`plans/goal-1/1-1-${n}.json`)) n++;
  return n;
})();
const MADE_UP = `plans/goal-1/1-1-${MADE_UP_NUMBER}.json`;
const REGISTERED = registered[0];
const SLIP = REGISTERED.replace(/.$/, '化');
const fullWidth = (digits) => [...digits].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
const MADE_UP_ID = `1-1-${fullWidth(String(MADE_UP_NUMBER))}`;

// The made-up plan with three slips: an id typed with full-width digits, a department name
// converted wrongly and a field the format does not have.
const FICTIONAL_PLAN = `{
  "id": "${MADE_UP_ID}",
  "title": "架空の計画",
  "departments": [
    "${REGISTERED}",
    "${SLIP}"
  ],
  "budget": 100
}
`;

test('settings.json maps the editor schema to plans, and the others to their files', () => {
  assert.deepEqual(
    settings['json.schemas'].map((s) => [s.fileMatch, s.url]),
    [
      [['/plans/goal-*/*.json', '!/tests/fixtures/*/plans/goal-*/*.json'], './.vscode/plan.schema.json'],
      [['/tests/fixtures/*/plans/goal-*/*.json'], './schema/plan.schema.json'],
      [['/plans/outline.json'], './schema/outline.schema.json'],
      [['/plans/departments.json'], './schema/departments.schema.json'],
    ],
  );
});

test('the editor schema is schema/plan.schema.json with the registered names (run `plans build` if not)', () => {
  const editor = readJson('.vscode/plan.schema.json');
  const source = readJson('schema/plan.schema.json');
  const register = registerIn(editor);
  assert.ok(register, 'departmentName has the list of registered names (enum)');
  assert.deepEqual(register.enum, registered, 'the names are the register, in its order');
  assert.equal(register.errorMessage, NOT_REGISTERED);
  assert.equal(typeof editor.$comment, 'string', 'the file says it is generated');
  // Apart from those, a copy of the source schema, every keyword.
  delete editor.$comment;
  const name = editor.$defs.departmentName;
  if (register === name) {
    delete name.enum;
    name.errorMessage = source.$defs.departmentName.errorMessage;
  } else {
    name.allOf = name.allOf.filter((s) => s !== register);
    if (name.allOf.length === 0) delete name.allOf;
  }
  assert.deepEqual(editor, source);
});

test('a made-up plan with three slips gets three messages, all in Japanese', async () => {
  assert.ok(!planFiles.includes(MADE_UP), 'the made-up plan is not a real one');
  assert.ok(!registered.includes(SLIP), `the slip ${SLIP} is not a registered name`);
  const diagnostics = await diagnose(MADE_UP, FICTIONAL_PLAN);
  assert.deepEqual(diagnostics, [
    {
      message: '計画番号は半角数字とハイフンで「1-3-1」のように書きます（ファイル名と同じ番号。計画の番号は 50 まで）。',
      range: rangeOf(FICTIONAL_PLAN, `"${MADE_UP_ID}"`),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message: NOT_REGISTERED,
      range: rangeOf(FICTIONAL_PLAN, `"${SLIP}"`),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message:
        '計画ファイルには { } の中に "id"、"title"、"departments"、"and_others"、"subprojects"、"added_in"、"ended"、"progress" の項目だけを書きます。項目名のつづりを確かめてください。',
      range: rangeOf(FICTIONAL_PLAN, '"budget"'),
      severity: DiagnosticSeverity.Warning,
    },
  ]);
  assertAllJapanese(diagnostics);
  // Served from the file system: the mapped editor schema was read.
  assert.ok(requested.includes(PLAN_SCHEMA_URI), `${PLAN_SCHEMA_URI} was requested`);
});

test('values of the wrong kind are explained in Japanese', async () => {
  const text = `{
  "id": 119,
  "title": ["架空の計画"],
  "departments": "架空の課",
  "and_others": "true",
  "subprojects": [
    "架空の事業",
    { "title": "架空の事業その2", "department": ["架空の課"] }
  ]
}
`;
  const diagnostics = await diagnose(MADE_UP, text);
  assert.deepEqual(diagnostics, [
    {
      message: '計画番号は "1-3-1" のように、半角数字とハイフンを " で囲んで書きます。',
      range: rangeOf(text, '119'),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message: '計画名は " で囲んで書きます。',
      range: rangeOf(text, '["架空の計画"]'),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message: '担当課は ["DX戦略課", "生涯学習課"] のように [ ] の中に書きます。',
      range: rangeOf(text, '"架空の課"'),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message: 'true か false を書きます（" で囲みません）。',
      range: rangeOf(text, '"true"'),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message:
        '個別事業は { } の中に "title" と "departments" の項目だけを書きます。項目名のつづりを確かめてください。',
      range: rangeOf(text, '"架空の事業"'),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message:
        '個別事業は { } の中に "title" と "departments" の項目だけを書きます。項目名のつづりを確かめてください。',
      range: rangeOf(text, '"department"'),
      severity: DiagnosticSeverity.Warning,
    },
  ]);
  assertAllJapanese(diagnostics);
});

test('slips in the outline and the register are explained in Japanese', async () => {
  const outline = `{
  "title": "架空の実施計画",
  "expected_total": "1",
  "goals": [
    {
      "number": 1,
      "title": "架空の重点推進目標",
      "expected_plans": 1,
      "items": [
        { "number": "1", "title": "架空の取組事項", "note": "" }
      ]
    }
  ]
}
`;
  const outlineDiagnostics = await diagnose('plans/outline.json', outline);
  assert.deepEqual(outlineDiagnostics, [
    {
      message: '計画数は半角数字（整数）で書きます（" で囲みません）。',
      range: rangeOf(outline, '"1"'),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message: '番号は半角数字（整数）で書きます（" で囲みません）。',
      range: rangeOf(outline, '"1"', 1),
      severity: DiagnosticSeverity.Warning,
    },
    {
      message: '取組事項は { } の中に "number" と "title" の項目だけを書きます。項目名のつづりを確かめてください。',
      range: rangeOf(outline, '"note"'),
      severity: DiagnosticSeverity.Warning,
    },
  ]);
  assertAllJapanese(outlineDiagnostics);

  const register = `{
  "departments": [
    { "name": "架空課", "kana": "かくうか" },
    "架空第二課"
  ]
}
`;
  const registerDiagnostics = await diagnose('plans/departments.json', register);
  const department =
    '担当課は { } の中に "name"（機構改革で名前が変わった課は "formerly" と "since" も）の項目だけを書きます。項目名のつづりを確かめてください。';
  assert.deepEqual(registerDiagnostics, [
    { message: department, range: rangeOf(register, '"kana"'), severity: DiagnosticSeverity.Warning },
    { message: department, range: rangeOf(register, '"架空第二課"'), severity: DiagnosticSeverity.Warning },
  ]);
  assertAllJapanese(registerDiagnostics);
});

test('completion in the departments list offers exactly the registered names, in register order', async () => {
  const text = `{
  "id": "1-1-9",
  "title": "架空の計画",
  "departments": []
}
`;
  const { document, json } = open(MADE_UP, text);
  const list = await service.doComplete(document, after(document, '"departments": ['), json);
  assert.deepEqual(
    list.items.map((item) => JSON.parse(item.label)),
    registered,
  );
});

test('completion inside an empty name offers the registered names not yet listed', async () => {
  const text = `{
  "id": "1-1-9",
  "title": "架空の計画",
  "departments": [
    "${REGISTERED}",
    ""
  ]
}
`;
  const { document, json } = open(MADE_UP, text);
  const list = await service.doComplete(document, after(document, '""', -1), json);
  assert.deepEqual(
    list.items.map((item) => JSON.parse(item.label)),
    registered.filter((name) => name !== REGISTERED),
  );
});

test('a new, empty plan file is offered the outline of a plan, its id taken from the file name', async () => {
  const { document, json } = open(MADE_UP, '');
  const list = await service.doComplete(document, { line: 0, character: 0 }, json);
  const labels = list.items.map((item) => item.label);
  assert.ok(labels.includes('新しい計画'), `offered: ${labels.join(', ')}`);
  const snippet = list.items.find((item) => item.label === '新しい計画');
  assert.match(snippet.insertText, /"id": "\$\{1:\$TM_FILENAME_BASE\}"/);
  assert.match(snippet.documentation.value, JAPANESE);
});

test('hovering on "id" explains it in Japanese', async () => {
  const text = readFileSync(join(ROOT, planFiles[0]), 'utf8');
  const { document, json } = open(planFiles[0], text);
  const hover = await service.doHover(document, after(document, '"i'), json);
  assert.deepEqual(hover.contents, [
    '計画番号「重点推進目標-取組事項-計画」です（例: `1-3-1`。①は 1）。ファイル名と同じにします。計画の番号は 1 つの取組事項に 50 までです。',
  ]);
});

test('every field and definition has a Japanese hover text (markdownDescription)', () => {
  for (const path of [
    '.vscode/plan.schema.json',
    'schema/plan.schema.json',
    'schema/outline.schema.json',
    'schema/departments.schema.json',
  ]) {
    const walk = (node, where) => {
      if (typeof node !== 'object' || node === null) return;
      if (typeof node.description === 'string') {
        assert.match(node.markdownDescription ?? '', JAPANESE, `${path} ${where} has a Japanese markdownDescription`);
        assert.ok(!node.markdownDescription.includes(' / '), `${path} ${where}: Japanese only`);
      }
      if (typeof node.pattern === 'string') {
        assert.match(node.patternErrorMessage ?? '', JAPANESE, `${path} ${where} has a Japanese patternErrorMessage`);
      }
      for (const key of ['properties', '$defs']) {
        for (const [name, child] of Object.entries(node[key] ?? {})) walk(child, `${where}/${key}/${name}`);
      }
      if (node.items) walk(node.items, `${where}/items`);
    };
    walk(readJson(path), '#');
  }
});

test('every plan file validates with no message through the editor schema', async () => {
  assert.ok(planFiles.length > 0);
  for (const path of planFiles) {
    const { document, json } = open(path, read(path));
    assert.deepEqual(service.getLanguageStatus(document, json).schemas, [PLAN_SCHEMA_URI], path);
    assert.deepEqual(await diagnose(path, read(path)), [], path);
  }
});

test('the outline and the register validate with no message through their schemas', async () => {
  for (const [path, schema] of [
    ['plans/outline.json', OUTLINE_SCHEMA_URI],
    ['plans/departments.json', REGISTER_SCHEMA_URI],
  ]) {
    const { document, json } = open(path, read(path));
    assert.deepEqual(service.getLanguageStatus(document, json).schemas, [schema], path);
    assert.deepEqual(await diagnose(path, read(path)), [], path);
  }
});
