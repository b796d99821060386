// The search page: where it is, and what the tests do on it.

export const SEARCH_PATH = "/search/";

/** Opens the search page and waits until its script has shown the form. */
export async function openSearch(page, url) {
  await page.goto(url(SEARCH_PATH), { waitUntil: "load" });
  await page.locator("[data-search-form]").waitFor({ state: "visible" });
}

/** Types into the search box with the keyboard, one key at a time, as a visitor does. */
export async function typeQuery(page, text) {
  await page.locator("#search-box").focus();
  await page.keyboard.type(text, { delay: 20 });
}

/** The results shown: each link's address and its text. */
export function shownResults(page) {
  return page.$$eval("[data-search-results] > li > a", (links) =>
    links.map((a) => ({ href: new URL(a.href).pathname + new URL(a.href).hash, text: a.textContent })),
  );
}

/** The words the results mark. */
export function markedWords(page) {
  return page.$$eval("[data-search-results] mark", (marks) => marks.map((m) => m.textContent));
}

/** The live region's text, once the count has been announced. */
export async function announced(page) {
  const count = page.locator("[data-search-count]");
  await page.waitForFunction(() => document.querySelector("[data-search-count]").textContent !== "");
  return count.textContent();
}
