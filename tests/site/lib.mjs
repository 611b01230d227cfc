// Shared by site.test.mjs and bench.mjs: where things are, the headless Chromium, a page
// that records every request and console error, the filters, and what the data says each
// filter must show (read straight from plans/, not from the page or the code under test).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: `PLANS_REPO`, or two folders up from tests/site. */
export const repo = path.resolve(process.env.PLANS_REPO || path.join(here, '..', '..'));

/** The folder `plans site` wrote: `PLANS_SITE_DIR`, or `<repo>/site` (the command's default). */
export const siteDir = path.resolve(process.env.PLANS_SITE_DIR || path.join(repo, 'site'));

/** The browser: `CHROMIUM`, or Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** The flags of issue 12 part 5 (the fresh `--user-data-dir` is the persistent context's). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireBrowserAndSite() {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `the page is tested in a real browser and ${chromiumPath} does not exist: install Chromium ` +
        '(Debian: apt-get install chromium) or set CHROMIUM to a Chromium or Chrome binary',
    );
  }
  const index = path.join(siteDir, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(
      `${index} does not exist: write the site first (plans site -o DIR) and set PLANS_SITE_DIR=DIR`,
    );
  }
  return pathToFileURL(index).href;
}

/**
 * Starts Chromium with a fresh profile in a temporary folder. Returns the browser context
 * and a function that closes it and removes the profile.
 */
export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-site-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    offline: false,
  });
  // No request may leave the page: anything that is not a local file is refused here (and
  // reported by the page's request log below), so that a test never reaches the network.
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

function isLocal(url) {
  return url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:');
}

/**
 * A new page of `width` px that loads the site. `problems` collects every console error,
 * page error, request that is not a local file and local file that failed to load.
 */
export async function openSite(context, url, width = 1280, height = 900) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      problems.push(`console error: ${message.text()} (${where.url || '?'}:${where.lineNumber})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) {
      problems.push(`request leaving the page: ${request.method()} ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (isLocal(request.url())) {
      problems.push(
        `local file failed to load: ${request.url()} (${request.failure()?.errorText ?? '?'})`,
      );
    }
  });
  await page.setViewportSize({ width, height });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

// ---- What the data says ------------------------------------------------------------------

/** NFKC and lower case: how the page's search compares text. */
export const fold = (text) => text.normalize('NFKC').toLowerCase();

// Every plan of plans/goal-N/*.json: id, goal, title, departments, sub-project titles.
export function readPlans() {
  const plans = [];
  const base = path.join(repo, 'plans');
  for (const goalDir of fs.readdirSync(base).filter((d) => /^goal-\d+$/.test(d))) {
    for (const file of fs.readdirSync(path.join(base, goalDir)).filter((f) => f.endsWith('.json'))) {
      const plan = JSON.parse(fs.readFileSync(path.join(base, goalDir, file), 'utf8'));
      const subprojects = plan.subprojects ?? [];
      plans.push({
        id: plan.id,
        goal: plan.id.split('-')[0],
        title: plan.title,
        departments: new Set([
          ...(plan.departments ?? []),
          ...subprojects.flatMap((s) => s.departments ?? []),
        ]),
        subprojects: subprojects.map((s) => s.title),
      });
    }
  }
  return plans.sort((a, b) => compareIds(a.id, b.id));
}

export function compareIds(a, b) {
  const x = a.split('-').map(Number);
  const y = b.split('-').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
}

/** The registered departments, in the order of plans/departments.json. */
export function readDepartments() {
  const file = JSON.parse(fs.readFileSync(path.join(repo, 'plans', 'departments.json'), 'utf8'));
  return file.departments.map((d) => d.name);
}

/** The goal numbers of plans/outline.json. */
export function readGoals() {
  const file = JSON.parse(fs.readFileSync(path.join(repo, 'plans', 'outline.json'), 'utf8'));
  return file.goals.map((g) => String(g.number));
}

/**
 * The filters the page test and the benchmark apply, chosen from the data (no department,
 * goal or word of the plan is named in the tests, so that an amendment of the plan never
 * breaks them): `department`, the registered department with the most plans (the first in the
 * register on a tie); `goal`, the goal of the outline holding the most of that department's
 * plans (the first on a tie); `search`, a word of two or more Latin letters from a plan's
 * title, the one in the fewest plans (the longest, then the first in id order, on a tie), or
 * the last plan's title when no title has such a word; and
 * `searchFolded`, the same word in full-width lower case.
 */
export function chooseFilters(plans) {
  const most = (candidates, count) =>
    candidates.reduce((best, c) => (count(c) > count(best) ? c : best), candidates[0]);
  const department = most(readDepartments(), (d) => expectedIds(plans, { dept: d }).length);
  const goal = most(readGoals(), (g) => expectedIds(plans, { goal: g, dept: department }).length);
  const words = [...new Set(plans.flatMap((p) => p.title.match(/[A-Za-z]{2,}/g) ?? []))];
  const fewest = (a, b) =>
    expectedIds(plans, { text: a }).length - expectedIds(plans, { text: b }).length || b.length - a.length;
  const search = words.length > 0 ? [...words].sort(fewest)[0] : plans[plans.length - 1].title;
  const searchFolded = [...search.toLowerCase()]
    .map((c) => (/[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
    .join('');
  return { department, goal, search, searchFolded };
}

/** The ids a filter must show: goal and department exact, text over titles and sub-projects. */
export function expectedIds(plans, { goal = '', dept = '', text = '' } = {}) {
  // Each word (split at spaces) must be in one of the plan's number, title, sub-project
  // titles or departments, with spaces inside them ignored.
  const words = fold(text).split(/\s+/).filter((w) => w);
  const squeeze = (t) => fold(t).replace(/\s+/g, '');
  return plans
    .filter((p) => !goal || p.goal === goal)
    .filter((p) => !dept || p.departments.has(dept))
    .filter((p) => {
      const fields = [p.id, p.title, ...p.subprojects, ...p.departments].map(squeeze);
      return words.every((w) => fields.some((f) => f.includes(w)));
    })
    .map((p) => p.id);
}

// ---- The page ----------------------------------------------------------------------------

/** The ids of the plan rows the page shows (rendered, not only without `hidden`). */
export function visibleIds(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#plan-table tr.plan')]
      .filter((row) => row.getClientRects().length > 0)
      .map((row) => row.id.replace(/^plan-/, '')),
  );
}

/**
 * Waits until the page shows exactly `ids` (the page may answer after a frame), up to
 * `timeout` ms; returns what it shows then.
 */
export async function waitForIds(page, ids, timeout = 3000) {
  const want = JSON.stringify(ids);
  try {
    await page.waitForFunction(
      (want) =>
        JSON.stringify(
          [...document.querySelectorAll('#plan-table tr.plan')]
            .filter((row) => row.getClientRects().length > 0)
            .map((row) => row.id.replace(/^plan-/, '')),
        ) === want,
      want,
      { timeout, polling: 'raf' },
    );
  } catch {
    // The caller compares and reports what the page shows.
  }
  return visibleIds(page);
}

/**
 * Measures, in the page with performance.now(), how long a filter takes: from setting the
 * control's value and dispatching its events (`input` and `change`, bubbling, as a person's
 * change does) to `#count` saying the number of plans the filter must show (with `painted`,
 * to the start of the next frame after that, when the browser has laid out the table). Each
 * run goes from "all plans" to the filter and back; returns the times in ms of the way there.
 */
export function measureFilter(page, control, value, expectedCount, allCount, runs, painted = false) {
  return page.evaluate(
    async ({ control, value, expectedCount, allCount, runs, painted }) => {
      const element = document.querySelector(control);
      const count = document.querySelector('#count');
      const shows = (n) =>
        new RegExp(`(^|\\D)${n}(\\D|$)`).test(count.textContent.normalize('NFKC'));
      const set = (v, n) =>
        new Promise((resolve, reject) => {
          const start = performance.now();
          let observer;
          const done = () => {
            observer?.disconnect();
            clearTimeout(timer);
            if (!painted) return resolve(performance.now() - start);
            // rAF runs before the frame's layout and paint; the task after it, once they are done.
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
          };
          const timer = setTimeout(() => {
            observer?.disconnect();
            reject(new Error(`#count did not say ${n} within 5 s (it says "${count.textContent}")`));
          }, 5000);
          element.value = v;
          element.dispatchEvent(new Event('input', { bubbles: true }));
          element.dispatchEvent(new Event('change', { bubbles: true }));
          if (shows(n)) return done();
          observer = new MutationObserver(() => shows(n) && done());
          observer.observe(count, { childList: true, characterData: true, subtree: true });
        });
      const times = [];
      for (let i = 0; i < runs; i++) {
        times.push(await set(value, expectedCount));
        await set('', allCount);
        // Let the page paint between runs, as between a person's actions.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      }
      return times;
    },
    { control, value, expectedCount, allCount, runs, painted },
  );
}

export function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, max: sorted[sorted.length - 1], min: sorted[0], runs: sorted.length };
}
