// How fast the page's filters answer on the real data, in headless Chromium: each filter
// (a department, a goal, a search; chosen from the data as the page test chooses them, see
// chooseFilters in lib.mjs) applied RUNS times (default 50) from "all plans", timed in
// the page with performance.now() from setting the value and dispatching its events to
// #count saying the new number ("answer"), and to the next frame after it ("painted", which
// includes waiting for that frame: up to 16.7 ms at 60 frames a second).
// Target (issue 12): under 50 ms. Prints the median and the maximum of each.
// Usage: PLANS_SITE_DIR=DIR node bench.mjs [RUNS]   (bench/site.sh runs it)

import {
  requireBrowserAndSite,
  launch,
  openSite,
  readPlans,
  chooseFilters,
  expectedIds,
  measureFilter,
  stats,
} from './lib.mjs';

const runs = Number(process.argv[2] || 50);
const url = requireBrowserAndSite();
const plans = readPlans();
const { department, goal, search } = chooseFilters(plans);
const browser = await launch();
try {
  const { page, problems } = await openSite(browser.context, url);
  // The department's name searched as text too: a search that shows many rows.
  const cases = [
    [`department ${department}`, '#f-dept', department, { dept: department }],
    [`goal ${goal}`, '#f-goal', goal, { goal }],
    [`search 「${search}」`, '#f-text', search, { text: search }],
    [`search 「${department}」`, '#f-text', department, { text: department }],
  ];
  const all = plans.length;
  let worst = 0;
  for (const [name, control, value, filter] of cases) {
    const n = expectedIds(plans, filter).length;
    const answer = stats(await measureFilter(page, control, value, n, all, runs));
    const painted = stats(await measureFilter(page, control, value, n, all, runs, true));
    worst = Math.max(worst, painted.max);
    console.log(
      `${name.padEnd(34)} ${String(n).padStart(2)} of ${all} plans: ` +
        `answer median ${answer.median.toFixed(2)} ms, max ${answer.max.toFixed(2)} ms; ` +
        `painted median ${painted.median.toFixed(2)} ms, max ${painted.max.toFixed(2)} ms (${runs} runs)`,
    );
  }
  console.log(`slowest filter, to the next frame: ${worst.toFixed(2)} ms (target: under 50 ms)`);
  if (problems.length) {
    console.error(`the page had problems:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
