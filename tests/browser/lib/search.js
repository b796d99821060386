// The search page: where it is, and what the tests do on it.

export const SEARCH_PATH = "/search/";

/** The Welsh search page, searching the Welsh index. */
export const WELSH_SEARCH_PATH = "/cy/search/";

/** Opens a search page (the English one unless told) and waits until its script has shown the form. */
export async function openSearch(page, url, at = SEARCH_PATH) {
  await page.goto(url(at), { waitUntil: "load" });
  await page.locator("[data-search-form]").waitFor({ state: "visible" });
}

/** Types into the search box with the keyboard, one key at a time, as a visitor does. */
export async function typeQuery(page, text) {
  await page.locator("#search-box").focus();
  await page.keyboard.type(text, { delay: 20 });
}

/** The results shown: each link's address, its text, and its lang (set on results in another language). */
export function shownResults(page) {
  return page.$$eval("[data-search-results] > li > a", (links) =>
    links.map((a) => ({ href: new URL(a.href).pathname + new URL(a.href).hash, text: a.textContent, lang: a.lang })),
  );
}

/** Folds a title word by word, as site-builder folds words (search/text.rs): accents, Arabic vowel marks, case and apostrophes go. */
export function foldTitle(title) {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f\u064b-\u0652]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .join(" ");
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
