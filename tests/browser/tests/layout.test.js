// Layout: every page reflows at 320 px (WCAG 1.4.10), and screenshots of the key pages at a
// phone's and a desktop's width, for people to look at.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { newContext } from "../lib/browser.js";
import { PATHS, answerAndContinue, openSelfCheck } from "../lib/selfcheck.js";
import { SCREENSHOTS, SELFCHECK_PATH, sitePaths, useSite } from "../lib/site.js";

const site = useSite();

const KEY_PAGES = {
  home: "/",
  guidance: "/understanding-stalking/what-counts/",
  campaign: "/news/national-stalking-awareness-week/",
  "self-check-start": "/self-check/",
  "self-check": SELFCHECK_PATH,
  "home-cy": "/cy/",
  "get-help-cy": "/cy/get-help/",
  "self-check-start-cy": "/cy/self-check/",
  "self-check-cy": "/cy/self-check/questions/",
  "home-ur": "/ur/",
};
const WIDTHS = [390, 1280];

it("no page scrolls sideways at 320 px wide", async () => {
  const context = await newContext(site.browser, site.origin, { viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    const wide = [];
    const measure = async (what) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${what} is ${width} px wide`);
    };
    for (const urlPath of sitePaths()) {
      await page.goto(site.url(urlPath));
      await measure(urlPath);
    }
    // The self-check's longest result, with all its reasons.
    await openSelfCheck(page, site.url);
    for (const [id, values] of PATHS["stalking-urgent"]) await answerAndContinue(page, id, values);
    await measure("the self-check result");
    assert.deepEqual(wide, []);
  } finally {
    await context.close();
  }
});

it("screenshots of the key pages", async (t) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const published = new Set(sitePaths());
  const pages = Object.entries(KEY_PAGES).filter(([name, urlPath]) => {
    if (published.has(urlPath)) return true;
    t.diagnostic(`no ${name} screenshot: ${urlPath} is not in this build (outside its publish dates?)`);
    return false;
  });
  for (const width of WIDTHS) {
    const context = await newContext(site.browser, site.origin, { viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      const shoot = async (name) => {
        // From the top, so the sticky exit bar is drawn at the top of the full page.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      };
      for (const [name, urlPath] of pages) {
        await page.goto(site.url(urlPath));
        await shoot(name);
      }
      if (published.has(SELFCHECK_PATH)) {
        await openSelfCheck(page, site.url);
        for (const [id, values] of PATHS["stalking-urgent"]) await answerAndContinue(page, id, values);
        await shoot("self-check-result");
      }
    } finally {
      await context.close();
    }
  }
  t.diagnostic(`screenshots are in ${SCREENSHOTS}`);
});
