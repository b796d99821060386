// The quick exit: the link without JavaScript, the button, three presses of Shift, what is
// announced, and what is left behind.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newContext } from "../lib/browser.js";
import { exitUrl, STUB_TITLE, stubExit } from "../lib/exit.js";
import { useSite } from "../lib/site.js";

const site = useSite();

/** A fresh context and page at `urlPath`, with the exit destination stubbed. */
async function open(urlPath, { cancel = false, clock = false, ...options } = {}) {
  const context = await newContext(site.browser, site.origin, options);
  const page = await context.newPage();
  if (clock) await page.clock.install();
  await page.goto(site.url(urlPath));
  // A paused clock moves only when a test says, however slow the machine is.
  if (clock) await page.clock.pauseAt(Date.now() + 60_000);
  const exit = await exitUrl(page);
  const stub = await stubExit(context, exit, { cancel });
  return { context, page, exit, requested: stub.requested };
}

/** What the quick exit says and shows, read from the page. */
function exitState(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-quick-exit]");
    const indicator = root.querySelector("[data-quick-exit-indicator]");
    return {
      status: root.querySelector('[role="status"]').textContent,
      dotsShown: !indicator.hidden && indicator.getClientRects().length > 0,
      dotsOn: indicator.querySelectorAll(".is-on").length,
    };
  });
}

/** The announcements, as the template gives them (so a translation does not break tests). */
function words(page) {
  return page.evaluate(() => ({ ...document.querySelector("[data-quick-exit]").dataset }));
}

/** The page as it was when it asked to leave (open it with `cancel`). */
async function leavingPage(page, requested) {
  await requested;
  return page.evaluate(() => {
    const overlay = document.querySelector(".quick-exit-overlay");
    const shown = (selector) => document.querySelector(selector).getClientRects().length > 0;
    return {
      overlayRole: overlay.getAttribute("role"),
      overlayText: overlay.textContent.trim(),
      mainShown: shown("main"),
      exitBarShown: shown(".exit-bar"),
      title: document.title,
      entered: [...document.querySelectorAll("input, textarea, select")]
        .filter((f) => f.checked || (f.type !== "radio" && f.type !== "checkbox" && f.value))
        .map((f) => f.name),
    };
  });
}

async function pressShift(page, times = 1) {
  for (let i = 0; i < times; i += 1) await page.keyboard.press("Shift");
}

async function stillHere(page, urlPath) {
  // Give a wrongly started exit time to show itself.
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).pathname, urlPath, "the page was left");
  assert.equal(await page.locator(".quick-exit-overlay").count(), 0, "the exit overlay appeared");
}


// Three presses of Shift, each announced (two more, one more) with its dot lit, then the
// exit page.
async function leavesAfterThreeShifts(page, text, exit) {
  await pressShift(page);
  assert.deepEqual(await exitState(page), { status: text.pressTwoMore, dotsShown: true, dotsOn: 1 });
  await pressShift(page);
  assert.deepEqual(await exitState(page), { status: text.pressOneMore, dotsShown: true, dotsOn: 2 });
  await pressShift(page);
  await page.waitForURL(exit);
  assert.equal(await page.title(), STUB_TITLE);
}

describe("quick exit", { concurrency: 2 }, () => {
  it("works without JavaScript, as a plain link", async () => {
    const { context, page, exit } = await open("/", { javaScriptEnabled: false });
    try {
      const button = page.locator(".exit-button");
      assert.deepEqual(
        (await button.getAttribute("rel")).split(/\s+/).sort(),
        ["nofollow", "noopener", "noreferrer"],
      );
      await button.click();
      await page.waitForURL(exit);
      assert.equal(await page.title(), STUB_TITLE);
    } finally {
      await context.close();
    }
  });

  it("has a skip link to the exit, second in the tab order", async () => {
    const { context, page, exit } = await open("/get-help/");
    try {
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => ({
        href: document.activeElement.getAttribute("href"),
        text: document.activeElement.textContent.trim(),
        visible: document.activeElement.getBoundingClientRect().width > 1,
      }));
      assert.equal(focused.href, exit);
      assert.ok(focused.visible, "the exit skip link is not visible when focused");
      await page.keyboard.press("Enter");
      await page.waitForURL(exit);
    } finally {
      await context.close();
    }
  });

  it("on a click, hides the page at once behind a blank overlay that says it is loading", async () => {
    const { context, page, requested } = await open("/get-help/", { cancel: true });
    try {
      const { loading } = await words(page);
      await page.locator(".exit-button").click({ noWaitAfter: true });
      const leaving = await leavingPage(page, requested);
      assert.equal(leaving.overlayRole, "alert");
      assert.equal(leaving.overlayText, loading);
      assert.ok(!leaving.mainShown, "the page is still visible behind the overlay");
      assert.ok(!leaving.exitBarShown, "the exit bar is still visible");
      assert.equal(leaving.title, loading, "the tab still shows the page title");
    } finally {
      await context.close();
    }
  });

  it("on a click, leaves without adding a Back entry", async () => {
    const { context, page, exit } = await open("/");
    try {
      await page.goto(site.url("/get-help/"));
      const before = await page.evaluate(() => history.length);
      await page.locator(".exit-button").click();
      await page.waitForURL(exit);
      assert.equal(await page.evaluate(() => history.length), before, "the exit added a history entry");
      await page.goBack();
      assert.equal(new URL(page.url()).pathname, "/", "Back did not skip the page that was left");
    } finally {
      await context.close();
    }
  });

  it("leaves after three presses of Shift, announcing each one", async () => {
    const { context, page, exit } = await open("/understanding-stalking/");
    try {
      const text = await words(page);
      assert.deepEqual(await exitState(page), { status: "", dotsShown: false, dotsOn: 0 });
      await leavesAfterThreeShifts(page, text, exit);
    } finally {
      await context.close();
    }
  });

  it("does not count Shift used with another key", async () => {
    const { context, page } = await open("/understanding-stalking/");
    try {
      const text = await words(page);
      for (let i = 0; i < 3; i += 1) await page.keyboard.press("Shift+KeyA");
      await stillHere(page, "/understanding-stalking/");
      assert.deepEqual(await exitState(page), { status: "", dotsShown: false, dotsOn: 0 });

      await pressShift(page, 2);
      await page.keyboard.press("Shift+KeyA");
      assert.deepEqual(await exitState(page), { status: text.expired, dotsShown: false, dotsOn: 0 });
      await pressShift(page, 2);
      await stillHere(page, "/understanding-stalking/");
      assert.deepEqual(await exitState(page), { status: text.pressOneMore, dotsShown: true, dotsOn: 2 });
    } finally {
      await context.close();
    }
  });

  it("starts counting again after any other key", async () => {
    const { context, page } = await open("/");
    try {
      const text = await words(page);
      await pressShift(page, 2);
      await page.keyboard.press("KeyA");
      assert.deepEqual(await exitState(page), { status: text.expired, dotsShown: false, dotsOn: 0 });
      await pressShift(page);
      await stillHere(page, "/");
      assert.deepEqual(await exitState(page), { status: text.pressTwoMore, dotsShown: true, dotsOn: 1 });
    } finally {
      await context.close();
    }
  });

  it("starts counting again after a gap of 6 seconds", async () => {
    const { context, page } = await open("/", { clock: true });
    try {
      const text = await words(page);
      await pressShift(page, 2);
      await page.clock.runFor(6000);
      assert.deepEqual(await exitState(page), { status: text.expired, dotsShown: false, dotsOn: 0 });
      await pressShift(page);
      await stillHere(page, "/");
      assert.deepEqual(await exitState(page), { status: text.pressTwoMore, dotsShown: true, dotsOn: 1 });
      await page.clock.runFor(6000);
      await page.clock.runFor(6000);
      assert.equal((await exitState(page)).status, "", "the expiry message did not clear");
    } finally {
      await context.close();
    }
  });

  it("still counts presses up to 5 seconds apart", async () => {
    const { context, page, exit } = await open("/", { clock: true });
    try {
      await pressShift(page);
      await page.clock.runFor(4900);
      await pressShift(page);
      await page.clock.runFor(4900);
      await pressShift(page);
      await page.waitForURL(exit);
    } finally {
      await context.close();
    }
  });

  it("resets every form before leaving", async () => {
    const { context, page, requested } = await open("/get-help/", { cancel: true });
    try {
      await page.evaluate(() => {
        const form = document.createElement("form");
        const choice = Object.assign(document.createElement("input"), { type: "radio", name: "q", value: "a" });
        const note = Object.assign(document.createElement("input"), { type: "text", name: "note" });
        const loose = Object.assign(document.createElement("input"), { type: "checkbox", name: "loose" });
        form.append(choice, note);
        document.querySelector("main").append(form, loose);
        choice.checked = true;
        note.value = "something private";
        loose.checked = true;
      });
      await pressShift(page, 3);
      const leaving = await leavingPage(page, requested);
      assert.deepEqual(leaving.entered, [], "answers were still in the page while it was leaving");
    } finally {
      await context.close();
    }
  });

  it("shows the page again, blank of answers, when it comes back from the back/forward cache", async () => {
    const { context, page, requested } = await open("/get-help/", { cancel: true });
    try {
      const title = await page.title();
      await page.locator(".exit-button").click({ noWaitAfter: true });
      await leavingPage(page, requested);
      const shown = await page.evaluate(() => {
        window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true }));
        return {
          overlay: document.querySelectorAll(".quick-exit-overlay").length,
          main: document.querySelector("main").getClientRects().length > 0,
          title: document.title,
        };
      });
      assert.deepEqual(shown, { overlay: 0, main: true, title });
      assert.deepEqual(await exitState(page), { status: "", dotsShown: false, dotsOn: 0 });
    } finally {
      await context.close();
    }
  });
});

// The quick exit in the other languages: on a Welsh page it announces in Welsh, and on the
// right-to-left Urdu page it sits on the mirrored side and works the same way.
describe("quick exit in other languages", { concurrency: 2 }, () => {
  it("on a Welsh page, announces each press of Shift in Welsh and leaves after three", async () => {
    const { context, page, exit } = await open("/cy/get-help/");
    try {
      assert.equal(await page.evaluate(() => document.documentElement.lang), "cy");
      const text = await words(page);
      // The theme's Welsh, chosen by Welsh's plural rules (two, then one).
      assert.equal(text.pressTwoMore, "Shift, pwyswch ddwywaith eto i adael.");
      assert.equal(text.pressOneMore, "Shift, pwyswch unwaith eto i adael.");
      assert.equal(text.loading, "Yn llwytho.");
      assert.match(await page.locator(".exit-button").innerText(), /Gadael y dudalen hon/);
      await leavesAfterThreeShifts(page, text, exit);
    } finally {
      await context.close();
    }
  });

  it("on a Welsh page, says it is loading in Welsh while it leaves", async () => {
    const { context, page, requested } = await open("/cy/", { cancel: true });
    try {
      await page.locator(".exit-button").click({ noWaitAfter: true });
      const leaving = await leavingPage(page, requested);
      assert.equal(leaving.overlayText, "Yn llwytho.");
      assert.equal(leaving.title, "Yn llwytho.");
      assert.ok(!leaving.mainShown);
    } finally {
      await context.close();
    }
  });

  it("on the right-to-left page, is mirrored and leaves after three presses of Shift", async () => {
    const { context, page, exit } = await open("/ur/");
    try {
      const layout = await page.evaluate(() => {
        const button = document.querySelector(".exit-button").getBoundingClientRect();
        const heading = document.querySelector("h1").getBoundingClientRect();
        return {
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
          width: document.documentElement.clientWidth,
          buttonLeft: button.left,
          buttonRight: button.right,
          headingRight: heading.right,
        };
      });
      assert.equal(layout.dir, "rtl");
      assert.equal(layout.lang, "ur");
      // Mirrored: the heading starts on the right, where English pages start on the left.
      assert.ok(layout.headingRight > layout.width * 0.8, `the heading does not start on the right: ${JSON.stringify(layout)}`);
      const text = await words(page);
      await pressShift(page);
      assert.deepEqual(await exitState(page), { status: text.pressTwoMore, dotsShown: true, dotsOn: 1 });
      assert.match(text.pressTwoMore, /2 بار/);
      await pressShift(page, 2);
      await page.waitForURL(exit);
      assert.equal(await page.title(), STUB_TITLE);
    } finally {
      await context.close();
    }
  });
});
