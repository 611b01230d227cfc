// The page of a repository with yearly progress (a fictional fixture made by tests/site.rs), in
// headless Chromium: the latest year's status of each plan in the table, each other year's page,
// the filter by status
// (each code of the scale, and 「未報告」) alone and with a goal, the progress section with its
// chart, no request leaving the page, no console error, and no axe-core violation at WCAG 2.1
// A/AA with a status chosen. What each filter must show is read from the fixture's files.
//
// Environment: PLANS_SITE_DIR, PLANS_REPO (the fixture), CHROMIUM, as site.test.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repo, siteDir, requireBrowserAndSite, launch, openSite, readPlans, waitForIds } from './lib.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const outline = JSON.parse(fs.readFileSync(path.join(repo, 'plans', 'outline.json'), 'utf8'));
const { period, scale } = outline.progress;
const codes = scale.map((l) => l.code);
// Each plan's progress, from its file.
const progress = new Map();
for (const plan of readPlans()) {
  const file = path.join(repo, 'plans', `goal-${plan.goal}`, `${plan.id}.json`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  progress.set(plan.id, { goal: plan.goal, file: json, years: json.progress ?? {} });
}
const years = [...progress.values()]
  .flatMap((p) => Object.keys(p.years).map(Number))
  .filter((y) => y >= period.from && y <= period.to);
const latest = Math.max(...years);
// A plan's status in a year (the latest unless said): its code, ' ' when not reported, '-' when
// it is not a plan of that year (added later, ended before).
const statusOf = (id, year = latest) => {
  const { added_in: added, ended } = progress.get(id).file;
  if ((added ?? -Infinity) > year || (ended?.year ?? Infinity) < year) return '-';
  const status = progress.get(id).years[String(year)]?.status;
  return codes.includes(status) ? status : ' ';
};
const shownFor = { ' ': '未報告', '-': '対象外' };
const ids = [...progress.keys()];

let url;
let browser;

before(async () => {
  url = requireBrowserAndSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the latest year: each plan\'s status, the filter by status, the chart, and no axe violation', async () => {
  const failures = [];
  const check = (ok, message) => ok || failures.push(message);
  const { page, problems } = await openSite(browser.context, url);
  check(years.length > 0, 'the fixture reports no progress: this test proves nothing');

  // The progress section: its heading names the latest year, its chart is there and loads.
  const section = await page.evaluate(() => {
    const s = document.getElementById('progress');
    const img = s?.querySelector('img');
    return s && { heading: s.querySelector('h2').textContent, src: img?.getAttribute('src'), alt: img?.alt };
  });
  check(section?.heading === `${latest} 年度の進捗`, `the progress heading is ${section?.heading}`);
  check(section?.src === `progress-${latest}.svg`, `the progress chart is ${section?.src}`);
  check((section?.alt ?? '').length > 20, 'the progress chart has no text alternative');

  // The status column says what each plan's file says for the latest year.
  const cells = await page.evaluate(() =>
    [...document.querySelectorAll('#plan-table tr.plan')].map((r) => [
      r.id.replace(/^plan-/, ''),
      r.querySelector('td.status')?.firstChild?.textContent ?? '',
    ]),
  );
  for (const [id, shown] of cells) {
    const expected = shownFor[statusOf(id)] ?? statusOf(id);
    check(shown === expected, `${id}: the status column says 「${shown}」, the file 「${expected}」`);
  }

  // Each code of the scale, and 「未報告」, alone and with goal 1.
  for (const value of [...codes, ' ']) {
    await page.selectOption('#f-status', value);
    const expected = ids.filter((id) => statusOf(id) === value);
    const shown = await waitForIds(page, expected);
    check(
      JSON.stringify(shown) === JSON.stringify(expected),
      `status ${value}: shows ${shown.join(' ')}, expected ${expected.join(' ')}`,
    );
    await page.selectOption('#f-goal', '1');
    const withGoal = expected.filter((id) => progress.get(id).goal === '1');
    const shownWithGoal = await waitForIds(page, withGoal);
    check(
      JSON.stringify(shownWithGoal) === JSON.stringify(withGoal),
      `status ${value} and goal 1: shows ${shownWithGoal.join(' ')}, expected ${withGoal.join(' ')}`,
    );
    await page.selectOption('#f-goal', '');
  }
  const count = await page.textContent('#count');
  check(count.includes('評価'), `#count does not name the status filter: ${count}`);

  // axe-core with a status chosen.
  await page.selectOption('#f-status', codes[0]);
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  for (const v of results.violations) {
    check(false, `axe ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  }
  // On a phone: the page does not scroll sideways (the year's table scrolls in its own box,
  // which the keyboard can reach), and axe-core finds nothing there either.
  await page.setViewportSize({ width: 375, height: 800 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 375, `at 375 px the page is ${wide} px wide`);
  const phone = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  for (const v of phone.violations) {
    check(false, `axe at 375 px ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  }
  await page.close();
  const all = [...failures, ...problems];
  if (all.length > 0) assert.fail(`${all.length} failures:\n  - ${all.join('\n  - ')}`);
});

// Each other year's page: that year's progress and plan table with its filters, a link to the
// main page, and nothing that only the main page shows (the same on every page, shown once).
test('each other year\'s page: that year\'s statuses, its filter, the way back, no axe violation', async () => {
  const failures = [];
  const check = (ok, message) => ok || failures.push(message);
  const problems = [];
  const others = fs
    .readdirSync(siteDir)
    .map((f) => /^year-(\d+)\.html$/.exec(f))
    .filter(Boolean)
    .map((m) => Number(m[1]))
    .sort();
  const expectedOthers = [...new Set(years)].filter((y) => y !== latest).sort();
  check(
    JSON.stringify(others) === JSON.stringify(expectedOthers),
    `year pages ${others.join(' ')}, expected ${expectedOthers.join(' ')}`,
  );
  check(others.length > 0, 'the fixture has one year of progress: this test proves nothing');
  for (const y of others) {
    const opened = await openSite(browser.context, new URL(`year-${y}.html`, url).href);
    const { page } = opened;
    problems.push(opened.problems);
    const facts = await page.evaluate(() => ({
      title: document.title,
      heading: document.querySelector('#progress h2')?.textContent,
      chart: document.querySelector('#progress img')?.getAttribute('src'),
      home: [...document.querySelectorAll('header a')].some((a) => a.getAttribute('href') === 'index.html'),
      sections: [...document.querySelectorAll('main > section')].map((s) => s.id),
    }));
    check(facts.title.startsWith(`${y} 年度の進捗｜`), `year ${y}: the title is ${facts.title}`);
    check(facts.heading === `${y} 年度の進捗`, `year ${y}: the progress heading is ${facts.heading}`);
    check(facts.chart === `progress-${y}.svg`, `year ${y}: the progress chart is ${facts.chart}`);
    check(facts.home, `year ${y}: the header does not link to index.html`);
    check(
      JSON.stringify(facts.sections) === JSON.stringify(['progress', 'plans']),
      `year ${y}: the sections are ${facts.sections.join(' ')}`,
    );
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('#plan-table tr.plan')].map((r) => [
        r.id.replace(/^plan-/, ''),
        r.querySelector('td.status')?.firstChild?.textContent ?? '',
      ]),
    );
    check(cells.length === ids.length, `year ${y}: ${cells.length} plans in the table`);
    for (const [id, shown] of cells) {
      const expected = shownFor[statusOf(id, y)] ?? statusOf(id, y);
      check(shown === expected, `year ${y}, ${id}: the status column says 「${shown}」, the file 「${expected}」`);
    }
    for (const value of [...codes, ' ']) {
      await page.selectOption('#f-status', value);
      const expected = ids.filter((id) => statusOf(id, y) === value);
      const shown = await waitForIds(page, expected);
      check(
        JSON.stringify(shown) === JSON.stringify(expected),
        `year ${y}, status ${value}: shows ${shown.join(' ')}, expected ${expected.join(' ')}`,
      );
    }
    await page.selectOption('#f-status', '');
    await page.addScriptTag({ path: axePath });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      check(wide <= width, `year ${y} at ${width} px: the page is ${wide} px wide`);
      const results = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
      );
      for (const v of results.violations) {
        check(false, `year ${y} axe at ${width} px ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
      }
    }
    await page.close();
  }
  const all = [...failures, ...problems.flat()];
  if (all.length > 0) assert.fail(`${all.length} failures:\n  - ${all.join('\n  - ')}`);
});

// The years a plan's own page shows: each year with any entry in the fixture and the year being
// reported, from the year the plan was added to the year it ended.
const reporting = outline.progress.reporting_year;
const pageYears = [...new Set([...years.filter((y) => y <= reporting), reporting])].sort();
const planFile = (id) => progress.get(id).file;
const activeIn = (plan, y) => (plan.added_in ?? -Infinity) <= y && y <= (plan.ended?.year ?? Infinity);

test('each plan\'s own page: every year, one A4 page a year in print, a phone, no axe violation', async () => {
  const failures = [];
  const check = (ok, message) => ok || failures.push(message);
  const { page, problems } = await openSite(browser.context, url);
  // The plan table links each plan to its page.
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('#plan-table tr.plan th.id a')].map((a) => a.getAttribute('href')),
  );
  check(
    JSON.stringify(links) === JSON.stringify(ids.map((id) => `plan/${id}.html`)),
    `the plan table links to ${links.join(' ')}`,
  );
  await page.close();
  let pagesPrinted = 0;
  for (const id of ids) {
    const plan = planFile(id);
    const expected = pageYears.filter((y) => activeIn(plan, y));
    const { page: p, problems: own } = await openSite(browser.context, new URL(`plan/${id}.html`, url).href);
    problems.push(...own);
    const shown = await p.evaluate(() => [...document.querySelectorAll('section.year')].map((s) => Number(s.id.replace('year-', ''))));
    check(JSON.stringify(shown) === JSON.stringify(expected), `${id}: the page shows ${shown.join(' ')}, expected ${expected.join(' ')}`);
    for (const y of expected) {
      const entry = plan.progress?.[String(y)];
      const text = await p.textContent(`#year-${y}`);
      if (entry) {
        for (const para of entry.summary.split('\n')) check(text.includes(para), `${id} ${y}: the results are not all shown`);
        check(text.includes(`評価 ${entry.status}`), `${id} ${y}: the status ${entry.status} is not shown`);
      } else {
        check(text.includes('報告されていません'), `${id} ${y}: no word that it is not reported`);
      }
    }
    // One A4 page a year when printed.
    await p.emulateMedia({ media: 'print' });
    const pdf = await p.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    check(pages === expected.length, `${id}: printed on ${pages} A4 pages, expected one a year (${expected.length})`);
    pagesPrinted += pages;
    await p.emulateMedia({ media: 'screen' });
    // axe-core at 1280 px and 375 px, and no sideways scrolling on a phone.
    await p.addScriptTag({ path: axePath });
    for (const width of [1280, 375]) {
      await p.setViewportSize({ width, height: 800 });
      const wide = await p.evaluate(() => document.documentElement.scrollWidth);
      check(wide <= width, `${id} at ${width} px: the page is ${wide} px wide`);
      const results = await p.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
      );
      for (const v of results.violations) {
        check(false, `${id} axe at ${width} px ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
      }
    }
    await p.close();
  }
  console.log(`plans' own pages: ${ids.length} pages, ${pagesPrinted} A4 pages printed`);
  const all = [...failures, ...problems];
  if (all.length > 0) assert.fail(`${all.length} failures:\n  - ${all.join('\n  - ')}`);
});
