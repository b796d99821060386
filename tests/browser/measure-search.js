// Measures the search in headless Chromium on a built site: how long the index takes to
// open, and how long each keystroke's search takes (performance.now() around the engine's
// search call), while queries are typed letter by letter. It reports and asserts nothing.
//
//   cargo bench -p site-builder --bench build -- generate /tmp/site10k 10000
//   cargo run --release -p site-builder -- build --root /tmp/site10k --out /tmp/out10k --now 2027-01-01
//   node tests/browser/measure-search.js /tmp/out10k

import { launch, newContext } from "./lib/browser.js";
import { serve } from "./lib/server.js";

const QUERIES = ["stalking police", "messages online", "write down what happened", "stalkign", "zzzzz"];
const RUNS = 5;

const dir = process.argv[2];
if (!dir) throw new Error("usage: node measure-search.js BUILT_SITE_DIR");
const server = await serve(dir);
const browser = await launch();
try {
  const context = await newContext(browser, server.origin);
  const page = await context.newPage();
  await page.goto(`${server.origin}/search/`, { waitUntil: "load" });
  const report = await page.evaluate(
    async ({ queries, runs }) => {
      const root = document.querySelector("[data-search]");
      const started = performance.now();
      const engine = await import(root.dataset.engine);
      const data = (await import(root.dataset.index)).default;
      const imported = performance.now();
      const index = engine.open(data);
      const opened = performance.now();
      const times = [];
      const first = [];
      for (let run = 0; run < runs; run++) {
        // A new index each run, so decoded postings are not reused from the run before.
        const fresh = run === 0 ? index : engine.open(data);
        for (const query of queries) {
          for (let n = 1; n <= query.length; n++) {
            const t = performance.now();
            engine.search(fresh, query.slice(0, n), 20);
            (run === 0 ? first : times).push(performance.now() - t);
          }
        }
      }
      const sorted = (list) => [...list].sort((a, b) => a - b);
      const at = (list, q) => sorted(list)[Math.min(list.length - 1, Math.floor(q * list.length))];
      return {
        sections: index.sections.length,
        forms: index.forms.length,
        importMs: imported - started,
        openMs: opened - imported,
        firstTyping: { median: at(first, 0.5), p90: at(first, 0.9), max: at(first, 1) },
        laterTyping: { median: at(times, 0.5), p90: at(times, 0.9), max: at(times, 1) },
        keystrokes: first.length,
      };
    },
    { queries: QUERIES, runs: RUNS },
  );
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`${report.sections} sections, ${report.forms} words; import ${ms(report.importMs)}, open ${ms(report.openMs)}`);
  for (const [name, t] of [["first typing (postings decoded as met)", report.firstTyping], ["typing again", report.laterTyping]]) {
    console.log(`${name}: per keystroke median ${ms(t.median)}, p90 ${ms(t.p90)}, max ${ms(t.max)} (${report.keystrokes} keystrokes)`);
  }
} finally {
  await browser.close();
  await server.close();
}
