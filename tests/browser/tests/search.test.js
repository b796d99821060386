// The search pages: typing finds pages with no request, no trace and no change of address,
// history or title; they are accessible in the results state; the quick exit wipes them;
// and without JavaScript each language's A to Z lists every page of the site in that
// language, or in English where a page has no translation. The Welsh page searches the
// Welsh index, and marks the English pages it finds.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { NO_TRACES, axeViolations, newContext, traces, watch } from "../lib/browser.js";
import { exitUrl, stubExit } from "../lib/exit.js";
import { SEARCH_PATH, WELSH_SEARCH_PATH, announced, foldTitle, markedWords, openSearch, shownResults, typeQuery } from "../lib/search.js";
import { SCREENSHOTS, languagePages, sitePaths, useSite } from "../lib/site.js";

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

  it("without JavaScript, lists every page of the site A to Z, in each language's own list", () =>
    withPage(
      async (page) => {
        const languages = languagePages();
        assert.deepEqual(languages.map((l) => l.folder), ["", "/cy", "/ur"]);
        for (const { code, folder, pages } of languages) {
          const at = `${folder}${SEARCH_PATH}`;
          await page.goto(site.url(at));
          assert.ok(await page.locator("[data-search-form]").isHidden(), at);
          assert.ok(await page.locator("[data-search-nojs]").isVisible(), at);
          const listed = await page.$$eval("[data-a-to-z] li a", (links) =>
            links.map((a) => ({ url: new URL(a.href).pathname, lang: a.lang, note: a.nextElementSibling?.className === "lang-note" })),
          );
          assert.deepEqual(listed.map((l) => l.url).sort(), pages.map((p) => p.url).sort(), `${at} lists every page in ${code}`);
          // Pages with no translation are in English, marked as the menus mark them.
          const fallbacks = pages.filter((p) => p.fallback).map((p) => p.url).sort();
          const marked = listed.filter((l) => l.lang && l.note).map((l) => l.url).sort();
          assert.deepEqual(marked, fallbacks, `${at}: the English pages are marked`);
          assert.ok(listed.filter((l) => !fallbacks.includes(l.url)).every((l) => !l.lang && !l.note), at);
          const titles = await page.$$eval("[data-a-to-z] li a", (links) => links.map((a) => a.textContent));
          const folded = titles.map(foldTitle);
          assert.deepEqual(folded, [...folded].sort(), `${at} is not in A to Z order`);
        }
      },
      { javaScriptEnabled: false },
    ));

  it("in Welsh: finds a Welsh page by keyboard, with no request, trace or change of address, and axe is clean", () =>
    withPage(async (page) => {
      const seen = watch(page);
      await openSearch(page, site.url, WELSH_SEARCH_PATH);
      assert.equal(await page.getAttribute("html", "lang"), "cy");
      await page.waitForTimeout(300);
      const icons = await page.$$eval('link[rel~="icon"]', (links) => links.map((l) => l.href));
      const requestsAtLoad = seen.requests.length;
      const before = await page.evaluate(() => ({ url: location.href, history: history.length, title: document.title }));
      assert.deepEqual(await axeViolations(page), [], "empty");

      let focused = "";
      for (let i = 0; i < 40 && focused !== "search-box"; i += 1) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => document.activeElement.id);
      }
      assert.equal(focused, "search-box", "Tab never reached the search box");
      await page.keyboard.type("hanes porwr", { delay: 20 });
      await page.keyboard.press("Enter");
      assert.match(await announced(page), /^Wedi dod o hyd i \d+ o dudalennau$/);
      const found = await shownResults(page);
      assert.equal(found[0].href, "/cy/cover-your-tracks/#hanes-y-porwr");
      assert.equal(found[0].lang, "", "a Welsh result is not marked as English");
      assert.ok((await markedWords(page)).includes("porwr"));
      assert.deepEqual(await axeViolations(page), [], "with Welsh results");

      // A page only in English is still found, marked with lang and the Welsh note.
      await page.keyboard.press("Control+A");
      await page.keyboard.type("court order", { delay: 20 });
      await announced(page);
      const english = (await shownResults(page)).find((r) => r.href === "/get-help/court-orders/");
      assert.ok(english, "the court orders page is found");
      assert.equal(english.lang, "en-GB");
      const note = await page.$eval('[data-search-results] a[href="/get-help/court-orders/"] + .lang-note', (n) => n.textContent);
      assert.equal(note.trim(), "(Saesneg)");
      assert.deepEqual(await axeViolations(page), [], "with English results");

      // Tab from the box reaches the results, and Enter follows the first.
      await page.locator("#search-box").focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("hanes porwr", { delay: 20 });
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab"); // the Search button
      await page.keyboard.press("Tab");
      assert.ok(await page.evaluate(() => document.activeElement.closest("[data-search-results]") !== null));
      const after = await page.evaluate(() => ({ url: location.href, history: history.length, title: document.title }));
      assert.deepEqual(after, before, "the address, the history or the title changed");
      const late = seen.requests.slice(requestsAtLoad).filter((r) => !icons.includes(r.url));
      assert.deepEqual(late, [], "requests while searching");
      const loaded = seen.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes("search-index"));
      assert.equal(loaded.length, 1, "the Welsh page loads its one index");
      assert.deepEqual(await traces(page), NO_TRACES);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.consoleErrors, []);
      assert.deepEqual(seen.cspViolations, []);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/cy\/cover-your-tracks\/#hanes-y-porwr$/);
    }));

  it("each language's page loads its own index, and Welsh words are not in the English one", () =>
    withPage(async (page) => {
      const indexes = [];
      for (const at of [SEARCH_PATH, WELSH_SEARCH_PATH, "/ur/search/"]) {
        await openSearch(page, site.url, at);
        indexes.push(await page.getAttribute("[data-search]", "data-index"));
      }
      assert.equal(new Set(indexes).size, 3, indexes.join(" "));
      await openSearch(page, site.url);
      await typeQuery(page, "hanes porwr");
      assert.match(await announced(page), /^No pages found/);
    }));

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

it("every page links to its own language's search page from its header, not marked as English", () =>
  withPage(async (page) => {
    const paths = sitePaths();
    const inFolder = (folder) => paths.filter((p) => p.startsWith(folder)).slice(0, 3);
    const sample = [...paths.slice(0, 5), ...inFolder("/cy/"), ...inFolder("/ur/"), "/404.html"];
    assert.ok(sample.some((p) => p.startsWith("/cy/")) && sample.some((p) => p.startsWith("/ur/")));
    for (const urlPath of sample) {
      await page.goto(site.url(urlPath));
      const folder = urlPath.match(/^\/(cy|ur)\//)?.[0].slice(0, -1) ?? "";
      const link = page.locator(".site-header a.search-link");
      assert.equal(await link.getAttribute("href"), `${folder}${SEARCH_PATH}`, urlPath);
      assert.equal(await link.getAttribute("hreflang"), null, urlPath);
      assert.equal(await link.locator(".lang-note").count(), 0, urlPath);
    }
  }));
