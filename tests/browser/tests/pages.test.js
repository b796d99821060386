// Every page of the built site: accessible at WCAG 2.2 AA, quiet in the console, within the
// security policy, storing nothing, and making no request to anyone else, nor any at all
// once loaded.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { axeViolations, newContext, traces, watch } from "../lib/browser.js";
import { sitePaths, useSite } from "../lib/site.js";

// How long to keep watching after `load` for late requests.
const SETTLE_MS = 1000;

const site = useSite();

describe("every page", { concurrency: 3 }, () => {
  for (const urlPath of sitePaths()) {
    it(urlPath, async () => {
      const context = await newContext(site.browser, site.origin);
      try {
        const page = await context.newPage();
        const seen = watch(page);
        const response = await page.goto(site.url(urlPath), { waitUntil: "load" });
        assert.equal(response.status(), 200, `${urlPath} answered ${response.status()}`);
        await page.waitForTimeout(SETTLE_MS);

        const offSite = seen.requests.filter((r) => new URL(r.url).origin !== site.origin);
        // Chromium fetches the tab icon once the page has loaded: allow exactly the icon the
        // page declares, from the site itself, and nothing else.
        const icons = await page.$$eval('link[rel~="icon"]', (links) => links.map((l) => l.href));
        const late = seen.requests.filter((r) => r.afterLoad && !icons.includes(r.url));
        const leftBehind = Object.entries(await traces(page)).filter(([, v]) => v.length > 0);

        // Every kind of problem at once, so one run shows all that is wrong with a page.
        const problems = {
          "requests to other sites": offSite.map((r) => r.url),
          "requests after load": late.map((r) => r.url),
          "security policy violations": seen.cspViolations,
          "console errors": seen.consoleErrors,
          "uncaught errors": seen.pageErrors,
          "traces left in the browser": leftBehind.map(([k, v]) => `${k}: ${v}`),
          "accessibility problems": await axeViolations(page),
        };
        const found = Object.fromEntries(Object.entries(problems).filter(([, list]) => list.length));
        assert.deepEqual(found, {}, `${urlPath} has problems`);
      } finally {
        await context.close();
      }
    });
  }
});

it("an unknown address gets the not-found page with status 404", async () => {
  const context = await newContext(site.browser, site.origin);
  try {
    const page = await context.newPage();
    const response = await page.goto(site.url("/no-such-page/"));
    assert.equal(response.status(), 404);
    assert.match(await page.title(), /not found/i);
    const headers = response.headers();
    assert.match(headers["content-security-policy"] ?? "", /default-src 'none'/);
    assert.equal(headers["referrer-policy"], "no-referrer");
  } finally {
    await context.close();
  }
});
