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

/**
 * The site's languages from sitemap.xml, each with the folder its pages live in ("" for the
 * default language, "/cy" for Welsh) and its pages: each page of the default language in
 * that language where it has a translation, and as it is (a fallback) where it has none.
 */
export function languagePages() {
  const sitemap = readFileSync(path.join(PUBLIC, "sitemap.xml"), "utf8");
  const pathOf = (url) => new URL(url).pathname;
  const entries = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({
    loc: pathOf(m[1].match(/<loc>\s*([^<\s]+)/)[1]),
    alternates: new Map([...m[1].matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((a) => [a[1], pathOf(a[2])])),
  }));
  const codes = new Set(entries.flatMap((e) => [...e.alternates.keys()]).filter((c) => c !== "x-default"));
  const folderOf = (code) => (entries.some((e) => e.alternates.get(code)?.startsWith(`/${code}/`)) ? `/${code}` : "");
  const languages = [...codes].map((code) => ({ code, folder: folderOf(code) }));
  const folders = languages.map((l) => l.folder).filter(Boolean);
  const originals = entries.filter((e) => !folders.some((f) => e.loc.startsWith(`${f}/`)));
  return languages.map(({ code, folder }) => ({
    code,
    folder,
    pages: originals.map((e) => ({ url: e.alternates.get(code) ?? e.loc, fallback: !e.alternates.has(code) && folder !== "" })),
  }));
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
