// Layout: every page reflows at 320 px (WCAG 1.4.10), and screenshots of the key pages at a
// phone's and a desktop's width, for people to look at.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { newContext } from "../lib/browser.js";
import { SCREENSHOTS, SELFCHECK_PATH, sitePaths, useSite } from "../lib/site.js";

const site = useSite();

const KEY_PAGES = {
  home: "/",
  guidance: "/understanding-stalking/what-counts/",
  campaign: "/news/national-stalking-awareness-week/",
  "self-check-start": "/self-check/",
  "self-check": SELFCHECK_PATH,
};
const WIDTHS = [390, 1280];

it("no page scrolls sideways at 320 px wide", async () => {
  const context = await newContext(site.browser, site.origin, { viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    const wide = [];
    for (const urlPath of sitePaths()) {
      await page.goto(site.url(urlPath));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${urlPath} is ${width} px wide`);
    }
    assert.deepEqual(wide, []);
  } finally {
    await context.close();
  }
});

it("screenshots of the key pages", async (t) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const published = new Set(sitePaths());
  for (const width of WIDTHS) {
    const context = await newContext(site.browser, site.origin, { viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      for (const [name, urlPath] of Object.entries(KEY_PAGES)) {
        if (!published.has(urlPath)) {
          t.diagnostic(`${name}: ${urlPath} is not in this build (outside its publish dates?)`);
          continue;
        }
        await page.goto(site.url(urlPath));
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  }
  t.diagnostic(`screenshots are in ${SCREENSHOTS}`);
  console.log(`Screenshots: ${SCREENSHOTS}`);
});
