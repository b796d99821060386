// The search page: typing finds pages with no request, no trace and no change of address,
// history or title; it is accessible in the results state; the quick exit wipes it; and
// without JavaScript its A to Z lists every page of the site.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { NO_TRACES, axeViolations, newContext, traces, watch } from "../lib/browser.js";
import { exitUrl, stubExit } from "../lib/exit.js";
import { SEARCH_PATH, announced, markedWords, openSearch, shownResults, typeQuery } from "../lib/search.js";
import { SCREENSHOTS, sitePaths, useSite } from "../lib/site.js";

const site = useSite();

async function withPage(body, options = {}) {
  const context = await newContext(site.browser, site.origin, options);
  try {
    await body(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

describe("the search page", { concurrency: 3 }, () => {
  it("finds pages as the visitor types, with no request, trace or change of address", () =>
    withPage(async (page) => {
      const seen = watch(page);
      await openSearch(page, site.url);
      const before = await page.evaluate(() => ({ url: location.href, history: history.length, title: document.title }));
      const requestsAtLoad = seen.requests.length;

      await typeQuery(page, "protection order");
      assert.equal((await shownResults(page))[0].href, "/get-help/stalking-protection-orders/");
      assert.match(await announced(page), /^\d+ pages found$/);
      assert.ok((await markedWords(page)).some((w) => /^protection$/i.test(w)));
      await page.keyboard.press("Enter");
      await page.keyboard.press("Control+A");
      await typeQuery(page, "tracker");
      const found = (await shownResults(page)).map((r) => r.href.split("#")[0]);
      assert.ok(found.includes("/understanding-stalking/online-stalking/"), found.join(" "));
      assert.ok(found.includes("/cover-your-tracks/"), found.join(" "));

      const after = await page.evaluate(() => ({ url: location.href, history: history.length, title: document.title }));
      assert.deepEqual(after, before, "the address, the history or the title changed");
      assert.deepEqual(seen.requests.slice(requestsAtLoad), [], "requests while searching");
      assert.deepEqual(await traces(page), NO_TRACES);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.cspViolations, []);
    }));

  it("makes no request after load, none depending on the query", () =>
    withPage(async (page) => {
      const seen = watch(page);
      await openSearch(page, site.url);
      await page.waitForTimeout(500);
      const icons = await page.$$eval('link[rel~="icon"]', (links) => links.map((l) => l.href));
      const late = seen.requests.filter((r) => r.afterLoad && !icons.includes(r.url));
      assert.deepEqual(late, []);
      const loaded = seen.requests.map((r) => new URL(r.url).pathname);
      assert.ok(loaded.some((p) => /^\/assets\/search-index\.[0-9a-f]+\.js$/.test(p)), "the index loads with the page");
      await typeQuery(page, "stalking protection orders harassment");
      await page.waitForTimeout(300);
      assert.equal(seen.requests.filter((r) => r.afterLoad && !icons.includes(r.url)).length, 0);
    }));

  it("is usable by keyboard alone: Tab reaches the box, Enter searches, Tab reaches the results", () =>
    withPage(async (page) => {
      await openSearch(page, site.url);
      const url = page.url();
      let focused = "";
      for (let i = 0; i < 40 && focused !== "search-box"; i += 1) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => document.activeElement.id);
      }
      assert.equal(focused, "search-box", "Tab never reached the search box");
      await page.keyboard.type("tracker ");
      await page.keyboard.press("Enter");
      assert.equal(page.url(), url, "Enter navigated");
      await page.keyboard.press("Tab"); // the Search button
      await page.keyboard.press("Tab");
      const link = await page.evaluate(() => document.activeElement.closest("[data-search-results]") !== null);
      assert.ok(link, "Tab did not reach the first result");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/get-help\/check-your-devices\/#trackers$/);
    }));

  it("has no accessibility problems, empty or with results", () =>
    withPage(async (page) => {
      await openSearch(page, site.url);
      assert.deepEqual(await axeViolations(page), [], "empty");
      await typeQuery(page, "protection order");
      await announced(page);
      assert.deepEqual(await axeViolations(page), [], "with results");
      await page.keyboard.press("Control+A");
      await typeQuery(page, "zzzzqqq");
      assert.match(await announced(page), /^No pages found/);
      assert.deepEqual(await axeViolations(page), [], "with no results");
    }));

  it("the quick exit wipes the box and the results", () =>
    withPage(async (page, context) => {
      await openSearch(page, site.url);
      await typeQuery(page, "protection order");
      assert.ok((await shownResults(page)).length > 0);
      await stubExit(context, await exitUrl(page), { cancel: true });
      await page.locator("#main").focus();
      for (let i = 0; i < 3; i += 1) await page.keyboard.press("Shift");
      await page.waitForFunction(() => document.querySelector("#search-box").value === "");
      assert.deepEqual(await shownResults(page), []);
      assert.equal(await page.locator("[data-search-count]").textContent(), "");
    }));

  it("leaving and coming Back shows neither the query nor the results", () =>
    withPage(async (page) => {
      await openSearch(page, site.url);
      await typeQuery(page, "tracker");
      await page.goto(site.url("/privacy/"));
      await page.goBack();
      await page.locator("[data-search-form]").waitFor({ state: "visible" });
      assert.equal(await page.locator("#search-box").inputValue(), "");
      assert.deepEqual(await shownResults(page), []);
    }));

  it("without JavaScript, lists every page of the site A to Z", () =>
    withPage(
      async (page) => {
        await page.goto(site.url(SEARCH_PATH));
        assert.ok(await page.locator("[data-search-form]").isHidden());
        assert.ok(await page.locator("[data-search-nojs]").isVisible());
        const listed = await page.$$eval("[data-a-to-z] li a", (links) => links.map((a) => new URL(a.href).pathname));
        const pages = sitePaths().filter((p) => p !== "/404.html");
        assert.deepEqual([...listed].sort(), [...pages].sort());
        const titles = await page.$$eval("[data-a-to-z] li a", (links) => links.map((a) => a.textContent));
        // Word by word, as site-builder folds words: accents, case and apostrophes go.
        const folded = titles.map((t) =>
          t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['\u2019]/g, "")
            .split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" "),
        );
        assert.deepEqual(folded, [...folded].sort(), "not in A to Z order");
      },
      { javaScriptEnabled: false },
    ));

  it("does not scroll sideways at 320 px with results; screenshots at 390 px", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = (name) => path.join(SCREENSHOTS, `search-${name}-390.png`);
    await withPage(
      async (page) => {
        await openSearch(page, site.url);
        await typeQuery(page, "protection order");
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 320);
      },
      { viewport: { width: 320, height: 640 } },
    );
    await withPage(
      async (page) => {
        await openSearch(page, site.url);
        await page.screenshot({ path: shot("empty"), fullPage: true });
        await typeQuery(page, "tracker on my car");
        await announced(page);
        await page.screenshot({ path: shot("results"), fullPage: true });
      },
      { viewport: { width: 390, height: 900 } },
    );
    await withPage(
      async (page) => {
        await page.goto(site.url(SEARCH_PATH));
        await page.screenshot({ path: shot("nojs"), fullPage: true });
      },
      { viewport: { width: 390, height: 900 }, javaScriptEnabled: false },
    );
  });
});

it("every page links to the search page from its header", () =>
  withPage(async (page) => {
    for (const urlPath of [...sitePaths().slice(0, 5), "/404.html"]) {
      await page.goto(site.url(urlPath));
      assert.equal(await page.locator(".site-header a.search-link").getAttribute("href"), SEARCH_PATH, urlPath);
    }
  }));
