// The built site under test: where it is, its pages, and one server per test file.

import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { launch } from "./browser.js";
import { serve } from "./server.js";

export const PUBLIC = path.resolve(
  process.env.SITE_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../public"),
);

export const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../screenshots",
);

export const SELFCHECK_PATH = "/self-check/questions/";

/** The Welsh self-check: the same engine and logic, with the words of questions.cy.yaml. */
export const WELSH_SELFCHECK_PATH = "/cy/self-check/questions/";

/** Every page in sitemap.xml, as a path on the local server, plus the not-found page. */
export function sitePaths() {
  const sitemap = readFileSync(path.join(PUBLIC, "sitemap.xml"), "utf8");
  const paths = [...sitemap.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => {
    const url = new URL(m[1]);
    return url.pathname + url.search;
  });
  if (paths.length === 0) throw new Error(`no <loc> in ${PUBLIC}/sitemap.xml`);
  return [...paths, "/404.html"];
}

/** Whether the built site has a page at `urlPath`. */
export function hasPage(urlPath) {
  return existsSync(path.join(PUBLIC, urlPath, "index.html"));
}

/**
 * Starts the server and the browser before the file's tests and stops them after.
 * Returns an object whose `origin` and `browser` are set once `before` has run.
 */
export function useSite() {
  const site = { origin: "", browser: null, url: (p) => new URL(p, site.origin).href };
  let server;
  before(async () => {
    if (!existsSync(path.join(PUBLIC, "index.html"))) {
      throw new Error(`no built site in ${PUBLIC}: run site-builder build first`);
    }
    server = await serve(PUBLIC);
    site.origin = server.origin;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}
