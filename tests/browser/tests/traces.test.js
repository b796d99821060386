// No traces: a visit, the self-check included, leaves nothing stored in the browser.

import assert from "node:assert/strict";
import { it } from "node:test";
import { NO_TRACES, newContext, traces, watch } from "../lib/browser.js";
import { PATHS, answerAndContinue, currentOutcome, openSelfCheck } from "../lib/selfcheck.js";
import { sitePaths, useSite } from "../lib/site.js";

const site = useSite();

it("browsing every page and completing the self-check stores nothing", async () => {
  const context = await newContext(site.browser, site.origin);
  try {
    const page = await context.newPage();
    const seen = watch(page);
    for (const urlPath of sitePaths()) {
      await page.goto(site.url(urlPath));
      assert.deepEqual(await traces(page), NO_TRACES, `traces after ${urlPath}`);
    }

    await openSelfCheck(page, site.url);
    const url = page.url();
    const historyLength = await page.evaluate(() => history.length);
    for (const [id, values] of PATHS["stalking-urgent"]) await answerAndContinue(page, id, values);
    assert.equal(await currentOutcome(page), "stalking-urgent");
    assert.equal(page.url(), url, "the address changed during the self-check");
    assert.equal(await page.evaluate(() => history.length), historyLength, "the self-check added history entries");
    assert.deepEqual(await traces(page), NO_TRACES, "traces after the self-check");
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await context.close();
  }
});
