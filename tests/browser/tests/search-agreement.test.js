// `site-builder search` and the browser's search-engine.js agree: the same words read,
// the same stems, the same count, the same results in the same order with the same marks.
// The site is built here, on a fixed day, so the command and the page search one index.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, it } from "node:test";
import { launch, newContext } from "../lib/browser.js";
import { SEARCH_PATH, WELSH_SEARCH_PATH } from "../lib/search.js";
import { serve } from "../lib/server.js";
import { QUERIES, STEMMER_WORDS } from "../lib/words.js";

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const BINARY = process.env.SITE_BUILDER || path.join(REPOSITORY, "target/release/site-builder");
const DAY = "2027-05-01";
const SHOWN = 20;

const run = (args, queries = []) =>
  execFileSync(BINARY, [...args, "--root", REPOSITORY, "--now", DAY, "--", ...queries], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });

let folder;
let server;
let browser;
let page;

before(async () => {
  if (!existsSync(BINARY)) {
    throw new Error(`no site-builder at ${BINARY}: run 'cargo build --release -p site-builder' (or set SITE_BUILDER)`);
  }
  folder = mkdtempSync(path.join(tmpdir(), "search-agreement-"));
  run(["build", "--out", path.join(folder, "public")]);
  server = await serve(path.join(folder, "public"));
  browser = await launch();
  page = await (await newContext(browser, server.origin)).newPage();
  await page.goto(server.origin + SEARCH_PATH);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** What the command line finds for each query, in the index of `lang` (the default's unless told). */
function cli(queries, lang) {
  const chosen = lang ? ["--lang", lang] : [];
  const lines = run(["search", "--json", "--shown", String(SHOWN), ...chosen], queries).trim().split("\n");
  return lines.map((line) => JSON.parse(line));
}

/** What the engine finds for each query, in the index the search page at `at` names, and the stems it gives `words`. */
function browserSearch(queries, words, at = SEARCH_PATH) {
  const names = readdirSync(path.join(folder, "public/assets"));
  const asset = (prefix) => `/assets/${names.find((n) => n.startsWith(prefix))}`;
  const html = readFileSync(path.join(folder, "public", at, "index.html"), "utf8");
  const indexUrl = html.match(/data-index="([^"]+)"/)[1];
  return page.evaluate(
    async ({ engineUrl, indexUrl, queries, words, shown }) => {
      const engine = await import(engineUrl);
      const data = (await import(indexUrl)).default;
      const index = engine.open(data);
      const terms = data.terms.split(" ");
      return {
        found: queries.map((query) => engine.search(index, query, shown)),
        stems: words.map((word) => engine.stem(engine.fold(word))),
        forms: index.forms.map(([form, term]) => [form, engine.stem(form), terms[term]]),
      };
    },
    { engineUrl: asset("search-engine."), indexUrl, queries, words, shown: SHOWN },
  );
}

it("the command line and the browser find the same for every query", async () => {
  const expected = cli(QUERIES);
  const { found } = await browserSearch(QUERIES, []);
  assert.equal(expected.length, QUERIES.length);
  for (const [i, query] of QUERIES.entries()) {
    assert.equal(expected[i].query, query);
    assert.deepStrictEqual(found[i], expected[i].found, `results differ for ${JSON.stringify(query)}`);
  }
  assert.ok(found.filter((f) => f.count > 0).length > QUERIES.length / 2, "most queries find something");
});

it("in Welsh and Urdu too, with English fallbacks: the same for every query", async () => {
  const queries = [...QUERIES, "hanes porwr", "ffôn", "Byw Heb Ofn", "gorchymyn", "argyfw", "heddlu 999", "siwr", "مدد", "اسٹاکنگ"];
  for (const [lang, at] of [["cy", WELSH_SEARCH_PATH], ["ur", "/ur/search/"]]) {
    const expected = cli(queries, lang);
    const { found } = await browserSearch(queries, [], at);
    for (const [i, query] of queries.entries()) {
      assert.deepStrictEqual(found[i], expected[i].found, `${lang}: results differ for ${JSON.stringify(query)}`);
    }
    assert.ok(found.some((f) => f.results.some((r) => r.fallback)), `${lang}: some results are English fallbacks`);
    assert.ok(found.some((f) => f.results.some((r) => !r.fallback)), `${lang}: some results are in the language`);
  }
});

it("the browser's stemmer gives every word of the site the stem the index has for it", async () => {
  const { forms } = await browserSearch([], []);
  assert.ok(forms.length > 1000, `only ${forms.length} words`);
  const differ = forms.filter(([, ours, theirs]) => ours !== theirs);
  assert.deepEqual(differ, []);
});

it("the browser's stemmer agrees with site-builder's on every rule of the algorithm", async () => {
  // One query per word: the command line prints each word's stem as it read it.
  const read = cli(STEMMER_WORDS.map((word) => `${word} `)).map((r) => r.found.words);
  const { stems } = await browserSearch([], STEMMER_WORDS);
  const differ = [];
  STEMMER_WORDS.forEach((word, i) => {
    // Stop words and one-letter words are not read, and have no stem to compare.
    if (read[i].length === 1 && read[i][0].stem !== stems[i]) differ.push([word, stems[i], read[i][0].stem]);
  });
  assert.deepEqual(differ, []);
  assert.ok(read.filter((r) => r.length === 1).length > STEMMER_WORDS.length - 10);
});
