// Headless Debian Chromium, driven by playwright-core, and what the tests watch in it.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

// Without these, Chromium makes requests of its own (updates, sync, field trials), which
// would hide the site's and fail on a closed network.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Chromium. Playwright gives each launch a new, empty user-data directory. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A new browser context (its own cookies and storage) that lets requests reach only
 * `origin`: anything else is recorded by the page watchers and aborted, so a test never
 * touches the real network. Routes added later (such as the exit stub) take precedence.
 */
export async function newContext(browser, origin, options = {}) {
  const context = await browser.newContext({ serviceWorkers: "allow", ...options });
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort("blockedbyclient"),
  );
  if (options.javaScriptEnabled !== false) {
    await context.exposeBinding("__reportPolicyViolation", ({ page }, violation) => {
      watchers.get(page)?.cspViolations.push(violation);
    });
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        window.__reportPolicyViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`,
        );
      });
    });
  }
  return context;
}

const watchers = new WeakMap();

/**
 * Records what a page does from now on: every request (and whether it came after the
 * `load` event), console errors, uncaught exceptions and security-policy violations.
 */
export function watch(page) {
  const seen = {
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    loaded: false,
  };
  page.on("load", () => {
    seen.loaded = true;
  });
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      seen.loaded = false;
    }
    seen.requests.push({ url: request.url(), afterLoad: seen.loaded });
  });
  page.on("console", (message) => {
    if (message.type() === "error") seen.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => seen.pageErrors.push(String(error)));
  watchers.set(page, seen);
  return seen;
}

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe-core in the page at WCAG 2.2 A/AA. The policy blocks <script> tags added by a
 * test, so the source is evaluated directly. Returns readable lines, one per problem.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, WCAG_TAGS);
  return violations.map((v) => `${v.id}: ${v.help} (${v.targets.slice(0, 5).join(", ")})`);
}

/** Everything the page could have left behind, read from inside it and from the context. */
export async function traces(page) {
  const inPage = await page.evaluate(async () => {
    const names = (storage) => Object.keys(storage);
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    const registrations = navigator.serviceWorker
      ? await navigator.serviceWorker.getRegistrations()
      : [];
    const caches = window.caches ? await window.caches.keys() : [];
    return {
      documentCookie: document.cookie,
      localStorage: names(localStorage),
      sessionStorage: names(sessionStorage),
      indexedDB: databases.map((d) => d.name),
      serviceWorkers: registrations.map((r) => r.scope),
      cacheStorage: caches,
    };
  });
  const cookies = (await page.context().cookies()).map((c) => c.name);
  return { cookies, ...inPage };
}

export const NO_TRACES = {
  cookies: [],
  documentCookie: "",
  localStorage: [],
  sessionStorage: [],
  indexedDB: [],
  serviceWorkers: [],
  cacheStorage: [],
};
