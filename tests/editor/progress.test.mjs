// The editor schema `plans build` writes once progress is set up (a fictional fixture, whose
// folder is PLANS_FIXTURE): in a year's "status" the web editor offers the scale's codes with
// their labels, and underlines a label typed as the status with a Japanese message.
//
// Run by tests/editor.rs, which builds the fixture first.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import jsonService from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

const { getLanguageService, ClientCapabilities } = jsonService;

const ROOT = process.env.PLANS_FIXTURE;
assert.ok(ROOT, 'PLANS_FIXTURE names the fixture folder');
const ROOT_URI = pathToFileURL(ROOT).href.replace(/\/$/, '');
const SCHEMA_URI = `${ROOT_URI}/.vscode/plan.schema.json`;

const service = getLanguageService({
  schemaRequestService: async (uri) => readFileSync(new URL(uri), 'utf8'),
  clientCapabilities: ClientCapabilities.LATEST,
});
service.configure({ validate: true, schemas: [{ uri: SCHEMA_URI, fileMatch: ['plans/goal-*/*.json'] }] });

function open(text) {
  const document = TextDocument.create(`${ROOT_URI}/plans/goal-1/1-1-2.json`, 'json', 1, text);
  return { document, json: service.parseJSONDocument(document) };
}

const plan = (status) => `{
  "id": "1-1-2",
  "title": "架空定員の管理",
  "departments": [
    "試験人事課"
  ],
  "progress": {
    "2026": {
      "status": ${status},
      "summary": "架空の結果です。"
    }
  }
}
`;

test('a status offers the scale\'s codes, best first, each with its label', async () => {
  const text = plan('""');
  const { document, json } = open(text);
  const at = document.positionAt(text.indexOf('"status": ""') + '"status": "'.length);
  const list = await service.doComplete(document, at, json);
  assert.deepEqual(
    list.items.map((item) => [JSON.parse(item.label), item.documentation]),
    [
      ['A', '架空の段階その一'],
      ['B', '架空の段階その二'],
      ['C', '架空の段階その三'],
      ['D', '架空の段階その四'],
    ],
  );
});

test('a label typed as the status is underlined in Japanese; a code is not', async () => {
  for (const [status, messages] of [
    ['"B"', []],
    [
      '"架空の段階その二"',
      [
        '評価は plans/outline.json の段階の記号 "A"（架空の段階その一）、"B"（架空の段階その二）、"C"（架空の段階その三）、"D"（架空の段階その四）のどれかを書きます。段階の言葉ではなく記号を書いてください。',
      ],
    ],
  ]) {
    const { document, json } = open(plan(status));
    const diagnostics = await service.doValidation(document, json, { comments: 'error', trailingCommas: 'error' });
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      messages,
      status,
    );
  }
});
