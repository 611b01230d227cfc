// The page `plans site` writes, in a real headless Chromium (issue 12, part 5): loaded from
// disk (file://) with no request leaving it and no console error, the filters showing what
// the data says (every plan; a department, a goal and a word chosen from the data, never named
// here, so that an amendment of the plan does not break the test), usable by keyboard alone
// with a visible focus, images with text alternatives, no sideways scrolling (and no text
// squeezed into a column a few characters wide) at 375 px and 1280 px, no axe-core
// violation at WCAG 2.1 level A/AA, and printable to an A4 PDF.
//
// Environment: PLANS_SITE_DIR (the folder `plans site -o` wrote; default <repo>/site),
// PLANS_REPO (default two folders up), CHROMIUM (default /usr/bin/chromium), PLANS_SITE_SHOTS
// (where the screenshots and the PDF go; default a new temporary folder).
// Run: node --test site.test.mjs   (cargo test runs it through tests/site.rs)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  repo,
  siteDir,
  requireBrowserAndSite,
  launch,
  openSite,
  readPlans,
  readDepartments,
  readGoals,
  chooseFilters,
  expectedIds,
  visibleIds,
  waitForIds,
  measureFilter,
  stats,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const shots = process.env.PLANS_SITE_SHOTS
  ? path.resolve(process.env.PLANS_SITE_SHOTS)
  : fs.mkdtempSync(path.join(os.tmpdir(), 'plans-site-shots-'));
fs.mkdirSync(shots, { recursive: true });

const plans = readPlans();
const allIds = plans.map((p) => p.id);
// Chosen from the files (lib.mjs says how): the department with the most plans, its largest
// goal, and a word of Latin letters from the titles.
const { department: DEPARTMENT, goal: GOAL, search: SEARCH, searchFolded: SEARCH_FOLDED } = chooseFilters(plans);

let url;
let browser;

before(async () => {
  url = requireBrowserAndSite();
  browser = await launch();
  console.log(`site: ${siteDir}\nrepository: ${repo}\nscreenshots and PDF: ${shots}`);
  // Without a Japanese font the screenshots and the PDF show boxes for the text (the checks
  // above do not depend on it): say so to whoever looks at them.
  try {
    if (execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).trim() === '') {
      console.log('no Japanese font on this machine: the screenshots and the PDF show boxes (apt-get install fonts-noto-cjk)');
    }
  } catch {
    // No fontconfig tools: nothing to say.
  }
});

after(async () => {
  await browser?.close();
});

/** Soft checks: a test collects every failure and reports them all at its end. */
function checker() {
  const failures = [];
  return {
    failures,
    check(ok, message) {
      if (!ok) failures.push(message);
    },
    done(problems = []) {
      const all = [...new Set([...failures, ...problems])];
      if (all.length > 0) assert.fail(`${all.length} failures:\n  - ${all.join('\n  - ')}`);
    },
  };
}

/** What differs between the ids shown and the ids expected, in a line. */
function difference(shown, expected) {
  const missing = expected.filter((id) => !shown.includes(id));
  const extra = shown.filter((id) => !expected.includes(id));
  return `shows ${shown.length} rows, expected ${expected.length}` +
    (missing.length ? `; missing ${missing.join(' ')}` : '') +
    (extra.length ? `; not expected ${extra.join(' ')}` : '');
}

/** The state of the page after a filter: rows, #count, and tbodies hidden with their rows. */
async function expectShown(page, c, what, expected) {
  const shown = await waitForIds(page, expected);
  c.check(JSON.stringify(shown) === JSON.stringify(expected), `${what}: ${difference(shown, expected)}`);
  const state = await page.evaluate(() => ({
    count: document.querySelector('#count')?.textContent ?? null,
    hiddenAttr: [...document.querySelectorAll('#plan-table tr.plan')].filter((r) => !r.hidden).length,
    bodies: [...document.querySelectorAll('#plan-table tbody')].map((body) => ({
      hidden: body.hidden,
      rows: body.querySelectorAll('tr.plan').length,
      shown: body.querySelectorAll('tr.plan:not([hidden])').length,
    })),
  }));
  c.check(
    state.hiddenAttr === shown.length,
    `${what}: ${state.hiddenAttr} rows lack the hidden attribute but ${shown.length} are rendered`,
  );
  const n = shown.length;
  // The number shown; none may be said in words (「…ありません」).
  const says = (text) =>
    new RegExp(`(^|\\D)${n}(\\D|$)`).test(text.normalize('NFKC')) || (n === 0 && /ありません|ない/.test(text));
  c.check(
    state.count !== null && says(state.count),
    `${what}: #count says ${JSON.stringify(state.count)}, which does not contain ${n}`,
  );
  state.bodies.forEach((body, i) => {
    if (body.rows === 0) return;
    c.check(
      body.hidden === (body.shown === 0),
      `${what}: tbody ${i + 1} has ${body.shown} of ${body.rows} rows shown but hidden=${body.hidden}`,
    );
  });
}

test('the page loads from disk, in Japanese, with its filters, and shows every plan', async () => {
  const c = checker();
  const { page, problems } = await openSite(browser.context, url);
  c.check((await page.getAttribute('html', 'lang')) === 'ja', 'html has no lang="ja"');
  c.check(
    await page.evaluate(() => {
      const form = document.querySelector('form#filters');
      return !!form && !form.hidden && form.getClientRects().length > 0;
    }),
    'form#filters is missing or still hidden after the script ran',
  );
  for (const id of ['#plan-table', '#f-goal', '#f-dept', '#f-text', '#f-reset', '#count']) {
    c.check((await page.locator(id).count()) === 1, `${id} is missing`);
  }
  c.check(
    (await page.getAttribute('#f-text', 'type')) === 'search',
    '#f-text is not an <input type="search">',
  );
  c.check((await page.getAttribute('#f-reset', 'type')) === 'reset', '#f-reset is not type="reset"');
  c.check((await page.getAttribute('#count', 'role')) === 'status', '#count has no role="status"');
  // The options: "" (all), then every goal; "" (all), then every registered department.
  const options = (select) =>
    page.$$eval(`${select} option`, (os) => os.map((o) => o.value)).catch(() => []);
  const goals = await options('#f-goal');
  c.check(
    JSON.stringify(goals) === JSON.stringify(['', ...readGoals()]),
    `#f-goal's option values are ${JSON.stringify(goals)}, expected "" and ${readGoals().join(', ')}`,
  );
  const departments = await options('#f-dept');
  c.check(departments[0] === '', `#f-dept's first option is ${JSON.stringify(departments[0])}, not ""`);
  const missing = readDepartments().filter((d) => !departments.includes(d));
  c.check(missing.length === 0, `#f-dept has no option for ${missing.join('、')}`);
  // Every row is one plan, headed by its id.
  const rows = await page.$$eval('#plan-table tr.plan', (rows) =>
    rows.map((r) => ({
      id: r.id,
      head: r.cells[0]?.tagName === 'TH' ? r.cells[0].getAttribute('scope') + ' ' + r.cells[0].textContent.trim() : null,
      inBody: r.parentElement.tagName === 'TBODY',
    })),
  );
  for (const row of rows) {
    const id = row.id.replace(/^plan-/, '');
    c.check(row.head === `row ${id}`, `${row.id}: first cell is not <th scope="row">${id}</th>`);
    c.check(row.inBody, `${row.id} is not in a tbody`);
  }
  await expectShown(page, c, 'on load', allIds);
  // The downloads are there.
  for (const file of ['plans.csv', 'plans.json']) {
    const link = await page.locator(`a[href$="${file}"]`).count();
    c.check(link > 0, `no link to ${file}`);
    const onDisk = path.join(siteDir, file);
    c.check(fs.existsSync(onDisk) && fs.statSync(onDisk).size > 0, `${file} is missing or empty`);
  }
  // The images: each loaded (scrolled to first, as a lazy image loads when it comes near
  // the view) and with a text alternative.
  const images = await page.$$eval('img', async (images) => {
    const found = [];
    for (const i of images) {
      i.scrollIntoView();
      if (!i.complete) {
        await new Promise((resolve) => {
          i.addEventListener('load', resolve, { once: true });
          i.addEventListener('error', resolve, { once: true });
          setTimeout(resolve, 5000);
        });
      }
      found.push({ src: i.getAttribute('src'), alt: i.getAttribute('alt'), loaded: i.complete && i.naturalWidth > 0 });
    }
    window.scrollTo(0, 0);
    return found;
  });
  c.check(images.length > 0, 'the page has no <img> (the charts)');
  for (const image of images) {
    c.check(image.alt !== null && image.alt.trim() !== '', `<img src="${image.src}"> has no alt text`);
    c.check(image.loaded, `<img src="${image.src}"> did not load`);
  }
  await page.close();
  c.done(problems);
});

test('the filters show what the data says: a department, a goal, a search', async () => {
  const c = checker();
  const { page, problems } = await openSite(browser.context, url);
  await expectShown(page, c, 'on load', allIds);
  const reset = async (what) => {
    await page.click('#f-reset');
    await expectShown(page, c, `after reset (${what})`, allIds);
  };

  // The expected sets come from the files; each filter must hide some plans and show some,
  // or it proves nothing.
  console.log(`filters chosen from the data: department ${DEPARTMENT}, goal ${GOAL}, search 「${SEARCH}」`);
  for (const [what, filter] of [[`department ${DEPARTMENT}`, { dept: DEPARTMENT }], [`goal ${GOAL}`, { goal: GOAL }]]) {
    const n = expectedIds(plans, filter).length;
    c.check(n > 0 && n < allIds.length, `${what} shows ${n} of ${allIds.length} plans: the filter test proves nothing`);
  }
  await page.selectOption('#f-dept', DEPARTMENT);
  await expectShown(page, c, `department ${DEPARTMENT}`, expectedIds(plans, { dept: DEPARTMENT }));
  await reset('department');

  await page.selectOption('#f-goal', GOAL);
  await expectShown(page, c, `goal ${GOAL}`, expectedIds(plans, { goal: GOAL }));
  await reset('goal');

  await page.fill('#f-text', SEARCH);
  const searched = expectedIds(plans, { text: SEARCH });
  c.check(searched.length > 0, `no plan of the data mentions ${SEARCH}: the search test proves nothing`);
  await expectShown(page, c, `search 「${SEARCH}」`, searched);
  // NFKC and case: full-width lower case finds the same plans.
  await page.fill('#f-text', SEARCH_FOLDED);
  await expectShown(page, c, `search 「${SEARCH_FOLDED}」 (full width, lower case)`, searched);
  // A sub-project's title is searched too.
  const sub = plans.find((p) => p.subprojects.length > 0 && !p.subprojects[0].includes(p.title));
  if (sub) {
    await page.fill('#f-text', sub.subprojects[0]);
    await expectShown(page, c, `search a sub-project 「${sub.subprojects[0]}」`, expectedIds(plans, { text: sub.subprojects[0] }));
  }
  await reset('search');

  // Several words: each must be found (here the search word and a department of its plans).
  const both = plans.find((p) => expectedIds(plans, { text: SEARCH }).includes(p.id));
  if (both) {
    const words = `${SEARCH} ${[...both.departments][0]}`;
    const found = expectedIds(plans, { text: words });
    c.check(found.includes(both.id), `the expected plans of 「${words}」 miss ${both.id}`);
    await page.fill('#f-text', words);
    await expectShown(page, c, `search 「${words}」`, found);
  }
  // A plan's number and a department's name are searched too.
  const numbered = plans[plans.length - 1];
  await page.fill('#f-text', numbered.id);
  await expectShown(page, c, `search the number 「${numbered.id}」`, expectedIds(plans, { text: numbered.id }));
  await page.fill('#f-text', DEPARTMENT);
  await expectShown(page, c, `search the department 「${DEPARTMENT}」`, expectedIds(plans, { text: DEPARTMENT }));
  await reset('more searches');

  // A link to a plan the filters hide (from the index by department) clears the filters and
  // shows that plan's row.
  const other = plans.find((p) => p.goal !== GOAL);
  await page.selectOption('#f-goal', GOAL);
  await page.click(`#departments a[href="#plan-${other.id}"]`);
  await expectShown(page, c, `after following the index's link to ${other.id} while goal ${GOAL} was chosen`, allIds);
  const target = await page.evaluate(() => location.hash);
  c.check(target === `#plan-${other.id}`, `the link went to ${target}, not #plan-${other.id}`);

  // Printed while filtered, the page says which plans it holds; unfiltered, it does not.
  await page.selectOption('#f-dept', DEPARTMENT);
  // The charts load lazily on screen; a browser loads them all when it prints.
  await page.evaluate(() =>
    Promise.all([...document.images].map((i) => ((i.loading = 'eager'), i.decode().catch(() => {})))),
  );
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const count = document.getElementById('count');
    return count.getClientRects().length > 0 ? count.textContent : null;
  });
  c.check(
    printed !== null && printed.includes(DEPARTMENT),
    `printed with ${DEPARTMENT} chosen, the page does not say so: ${printed}`,
  );
  await page.emulateMedia({ media: 'screen' });
  await reset('print');
  await page.emulateMedia({ media: 'print' });
  const unfiltered = await page.evaluate(() => document.getElementById('count').getClientRects().length);
  c.check(unfiltered === 0, 'printed without filters, the page still shows the count line');
  await page.emulateMedia({ media: 'screen' });

  // Two filters together.
  await page.selectOption('#f-goal', GOAL);
  await page.selectOption('#f-dept', DEPARTMENT);
  await expectShown(page, c, `goal ${GOAL} and ${DEPARTMENT}`, expectedIds(plans, { goal: GOAL, dept: DEPARTMENT }));
  await reset('two filters');

  // Nothing found: every row and every tbody hidden, #count says 0.
  await page.fill('#f-text', '該当しない検索語ZZZ');
  await expectShown(page, c, 'a search that finds nothing', []);
  await reset('nothing found');

  // How long a filter takes (printed, not asserted: bench/site.sh measures the target).
  if (c.failures.length === 0) {
    const all = allIds.length;
    const cases = [
      ['#f-dept', DEPARTMENT, expectedIds(plans, { dept: DEPARTMENT }).length],
      ['#f-goal', GOAL, expectedIds(plans, { goal: GOAL }).length],
      ['#f-text', SEARCH, searched.length],
    ];
    for (const [control, value, n] of cases) {
      const s = stats(await measureFilter(page, control, value, n, all, 10));
      console.log(
        `filter latency ${control}=${value}: median ${s.median.toFixed(2)} ms, max ${s.max.toFixed(2)} ms (${s.runs} runs)`,
      );
    }
  }
  await page.close();
  c.done(problems);
});

test('keyboard alone: Tab reaches every filter control, the focus is visible, and they work', async () => {
  const c = checker();
  const { page, problems } = await openSite(browser.context, url);
  const controls = ['f-goal', 'f-dept', 'f-text', 'f-reset'];
  const reached = new Map();
  // From the top of the page, Tab through (at most 300 stops) and look at each control.
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < 300 && reached.size < controls.length; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const s = getComputedStyle(e);
      return {
        id: e.id,
        outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
        visible:
          (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
          (s.boxShadow !== 'none' && s.boxShadow !== ''),
        boxShadow: s.boxShadow,
      };
    });
    if (focus && controls.includes(focus.id) && !reached.has(focus.id)) {
      reached.set(focus.id, { ...focus, tabs: i + 1 });
    }
  }
  for (const id of controls) {
    const focus = reached.get(id);
    c.check(!!focus, `Tab never reaches #${id}`);
    if (focus) {
      c.check(
        focus.visible,
        `#${id} has no visible focus indicator (outline: ${focus.outline}; box-shadow: ${focus.boxShadow})`,
      );
    }
  }
  console.log(
    'focus: ' + [...reached.values()].map((f) => `#${f.id} after ${f.tabs} Tab (outline ${f.outline})`).join('; '),
  );
  // Type a search and clear it with the reset button, by keyboard only.
  if (reached.has('f-text') && reached.has('f-reset')) {
    await page.focus('#f-text');
    await page.keyboard.type(SEARCH);
    await expectShown(page, c, `typed 「${SEARCH}」`, expectedIds(plans, { text: SEARCH }));
    await page.focus('#f-reset');
    await page.keyboard.press('Enter');
    await expectShown(page, c, 'Enter on the reset button', allIds);
  }
  await page.close();
  c.done(problems);
});

/** Elements wider than the viewport: what makes the page scroll sideways. */
function overflowing(page, width) {
  return page.evaluate((width) => {
    const name = (e) =>
      e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
    return [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5)
      .slice(0, 10)
      .map((e) => `${name(e)} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
  }, width);
}

/** Elements whose own text (8 characters or more) is laid out narrower than 4 em. */
function squeezedText(page) {
  return page.evaluate(() => {
    const name = (e) =>
      e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
    const found = [];
    for (const e of document.body.querySelectorAll('*')) {
      const own = [...e.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent.trim())
        .join('');
      if ([...own].length < 8 || e.getClientRects().length === 0) continue;
      // Text hidden on purpose for screen readers only (clipped to 1 px) is not laid out for
      // reading.
      if (getComputedStyle(e).clip === 'rect(0px, 0px, 0px, 0px)') continue;
      const width = e.getBoundingClientRect().width;
      const em = parseFloat(getComputedStyle(e).fontSize);
      if (width < 4 * em) {
        const parent = e.parentElement ? ` in ${name(e.parentElement)}` : '';
        found.push(`${name(e)}${parent} 「${own.slice(0, 16)}…」 (${Math.round(width)} px wide)`);
      }
    }
    return found.slice(0, 10);
  });
}

for (const width of [1280, 375]) {
  test(`${width} px wide: no sideways scrolling, no text squeezed to a narrow column, a full-page screenshot`, async () => {
    const c = checker();
    const { page, problems } = await openSite(browser.context, url, width, width === 375 ? 812 : 900);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    c.check(
      scrollWidth <= width,
      `at ${width} px the page is ${scrollWidth} px wide (scrolls sideways); too wide: ${(await overflowing(page, width)).join(', ')}`,
    );
    // Text squeezed into a column a few characters wide (one character a line) reads badly.
    for (const squeezed of await squeezedText(page)) {
      c.check(false, `at ${width} px the text of ${squeezed} is squeezed into a column narrower than 4 characters`);
    }
    const shot = path.join(shots, `site-${width}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    await page.close();
    c.done(problems);
  });
}

test('axe-core finds no WCAG 2.1 A/AA violation (at 1280 px and 375 px, and filtered)', async () => {
  const c = checker();
  const allProblems = [];
  for (const [width, filter] of [[1280, false], [375, false], [1280, true]]) {
    const { page, problems } = await openSite(browser.context, url, width);
    if (filter) {
      await page.selectOption('#f-goal', GOAL);
      await waitForIds(page, expectedIds(plans, { goal: GOAL }));
    }
    await page.addScriptTag({ path: axePath });
    const results = await page.evaluate(() =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations', 'incomplete'],
      }),
    );
    const where = `${width} px${filter ? `, goal ${GOAL} selected` : ''}`;
    for (const v of results.violations) {
      const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 8);
      const more = v.nodes.length > 8 ? ` … (${v.nodes.length} in all)` : '';
      const detail = (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim().slice(0, 240);
      c.check(false, `axe ${v.id} [${v.impact}] at ${where}: ${v.help} — ${targets.join(', ')}${more} — ${detail}`);
    }
    console.log(
      `axe at ${where}: ${results.violations.length} violations, ${results.passes?.length ?? '-'} passes, ` +
        `incomplete (needs a person): ${results.incomplete.map((i) => `${i.id}×${i.nodes.length}`).join(', ') || 'none'}`,
    );
    allProblems.push(...problems);
    await page.close();
  }
  c.done(allProblems);
});

test('the page prints to an A4 PDF', async () => {
  const c = checker();
  const { page, problems } = await openSite(browser.context, url);
  // On paper: no navigation, filters, download links or the 体系図 as a list (the table holds
  // it); the per-goal 体系図 images are there, loaded.
  // The charts load lazily on screen; a browser loads them all when it prints.
  await page.evaluate(() =>
    Promise.all([...document.images].map((i) => ((i.loading = 'eager'), i.decode().catch(() => {})))),
  );
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
    return {
      hidden: ['nav', '#filters', '#downloads', '.tree', '.skip'].filter((sel) => shown(sel) > 0),
      structures: [...document.querySelectorAll('figure.structure-goal img')]
        .filter((i) => i.getClientRects().length > 0 && i.complete && i.naturalWidth > 0).length,
      rows: shown('#plan-table tr.plan'),
    };
  });
  await page.emulateMedia({ media: 'screen' });
  c.check(printed.hidden.length === 0, `printed, the page still shows ${printed.hidden.join(', ')}`);
  const goals = readGoals().length;
  c.check(printed.structures === goals, `printed, ${printed.structures} per-goal 体系図 images are shown, not ${goals}`);
  c.check(printed.rows === allIds.length, `printed, ${printed.rows} plan rows are shown, not ${allIds.length}`);
  const pdfPath = path.join(shots, 'site.pdf');
  const pdf = await page.pdf({ path: pdfPath, format: 'A4' });
  c.check(pdf.subarray(0, 5).toString('latin1') === '%PDF-', `${pdfPath} is not a PDF`);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  c.check(pages >= 1, `${pdfPath} has no page`);
  console.log(`PDF: ${pdfPath} (${pages} A4 pages, ${pdf.length} bytes)`);
  // For a person to look at: the pages as PNG, when poppler's pdftoppm is installed.
  for (const old of fs.readdirSync(shots).filter((f) => /^site-pdf-\d+\.png$/.test(f))) {
    fs.rmSync(path.join(shots, old));
  }
  try {
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(shots, 'site-pdf')], { stdio: 'ignore' });
    console.log(`PDF pages as PNG: ${path.join(shots, 'site-pdf-*.png')}`);
  } catch {
    console.log('pdftoppm not found (apt-get install poppler-utils): the PDF is not rendered to PNG');
  }
  await page.close();
  c.done(problems);
});
