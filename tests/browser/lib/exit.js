// The quick exit's neutral destination, stubbed so tests never reach the real site.

export const STUB_TITLE = "Exit stub";

/** The exit link's target, as written in the page. */
export function exitUrl(page) {
  return page.locator(".exit-button").getAttribute("href");
}

/**
 * Answers requests for `url` with a small local page. With `cancel`, the request is
 * aborted instead, so the page stays as it was at the moment of leaving and can be
 * inspected (Chromium holds DevTools commands while a cross-site navigation is pending).
 * `requested` resolves when the first request for `url` arrives.
 */
export async function stubExit(context, url, { cancel = false } = {}) {
  let arrived;
  const requested = new Promise((resolve) => (arrived = resolve));
  await context.route(
    (u) => u.href === url,
    async (route) => {
      arrived();
      if (cancel) {
        await route.abort("aborted");
        return;
      }
      await route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><title>${STUB_TITLE}</title><p>Weather</p></html>`,
      });
    },
  );
  return { requested };
}
