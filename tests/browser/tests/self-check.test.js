// The self-check, as a visitor uses it: keyboard only, one question at a time, focus where
// a screen-reader user needs it, Back and Start again, questions that stop applying, and a
// page that explains itself without JavaScript. Nothing may reach the URL or the history.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { axeViolations, newContext, watch } from "../lib/browser.js";
import { exitUrl, stubExit } from "../lib/exit.js";
import {
  PATHS,
  answerAndContinue,
  answerWithKeyboard,
  currentOutcome,
  currentQuestion,
  focused,
  openSelfCheck,
  pressButtonWithKeyboard,
  shownReasons,
  ticked,
} from "../lib/selfcheck.js";
import { SELFCHECK_PATH, WELSH_SELFCHECK_PATH, useSite } from "../lib/site.js";

const site = useSite();

async function withPage(run, options = {}) {
  const context = await newContext(site.browser, site.origin, options);
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await run(page, context, seen);
  } finally {
    await context.close();
  }
}

// Each language that offers the self-check: its page, and how its 999 line begins.
const LANGUAGES = [
  { name: "English", page: SELFCHECK_PATH, lang: "en-GB", opening: /^In danger now\? Call 999\./ },
  { name: "Welsh", page: WELSH_SELFCHECK_PATH, lang: "cy", opening: /^Mewn perygl nawr\? Ffoniwch 999\./ },
];

for (const language of LANGUAGES) describe(`self-check in ${language.name}, keyboard only`, { concurrency: 2 }, () => {
  for (const [outcome, path] of Object.entries(PATHS)) {
    it(`reaches "${outcome}"`, () =>
      withPage(async (page, _context, seen) => {
        await openSelfCheck(page, site.url, language.page);
        assert.equal(await page.evaluate(() => document.documentElement.lang), language.lang);
        const url = page.url();
        const historyLength = await page.evaluate(() => history.length);
        const requestsBefore = seen.requests.length;

        for (const [id, values] of path) {
          assert.equal(await currentQuestion(page), id, `expected the question "${id}"`);
          const focus = await focused(page);
          if (id !== path[0][0]) {
            assert.equal(focus.question, id, `focus is not on the legend of "${id}": ${JSON.stringify(focus)}`);
          }
          await answerWithKeyboard(page, id, values);
          await pressButtonWithKeyboard(page, "continue");
        }

        await page.locator("[data-selfcheck] [data-outcome]:visible").waitFor({ timeout: 5000 });
        assert.equal(await currentOutcome(page), outcome);
        assert.equal(await currentQuestion(page), null, "a question is still shown with the result");
        const focus = await focused(page);
        assert.equal(focus.result, outcome, `focus is not on the result: ${JSON.stringify(focus)}`);
        assert.ok((await shownReasons(page)).length > 0, "the result gives no reasons");
        await assertOpensSafely(page, outcome, language.opening);
        assert.deepEqual(await axeViolations(page), [], `accessibility problems in "${outcome}"`);

        assert.equal(page.url(), url, "the address changed during the self-check");
        assert.equal(await page.evaluate(() => history.length), historyLength, "the self-check added history entries");
        assert.deepEqual(seen.requests.slice(requestsBefore).map((r) => r.url), [], "the self-check made requests");
        assert.deepEqual(seen.consoleErrors, []);
        assert.deepEqual(seen.pageErrors, []);
        assert.deepEqual(seen.cspViolations, []);
      }));
  }
});

// Outcomes that tell the visitor to contact the police today, as issue 9 names them.
const URGENT = ["emergency", "stalking-urgent", "serious-risk"];

/**
 * The outcome shown opens with the 999 line before anything else (the emergency outcome
 * with its "Call 999" title instead); urgent outcomes give 999 and 101 before any
 * explanation; every outcome mentions Childline.
 */
async function assertOpensSafely(page, outcome, opening = LANGUAGES[0].opening) {
  const section = page.locator(`[data-selfcheck] [data-outcome="${outcome}"]`);
  const { first, all, lead } = await section.evaluate((el) => {
    const visible = [...el.children].filter((child) => child.checkVisibility());
    const body = el.querySelector(".selfcheck-outcome-body");
    return {
      first: { tag: visible[0].tagName, text: visible[0].innerText.trim() },
      all: el.innerText.trim(),
      lead: body.firstElementChild.innerText,
    };
  });
  assert.ok(all.startsWith(first.text), `"${outcome}" shows something before its first child`);
  if (outcome === "emergency") {
    assert.equal(first.tag, "H2", `"${outcome}" does not open with its title`);
    assert.match(first.text, /999/, `"${outcome}" does not open with 999`);
  } else {
    assert.notEqual(first.tag, "H2", `"${outcome}" opens with its title, not the 999 line`);
    // The facts are the same in every language (the build checks each text keeps its
    // numbers); the English words are checked in English.
    const words = opening === LANGUAGES[0].opening ? [/where you are/, /yes or no/, /landline/] : [];
    for (const needed of [opening, /55/, /18000/, /emergencySMS/, ...words]) {
      assert.match(first.text, needed, `the 999 line of "${outcome}" does not say ${needed}`);
    }
  }
  if (URGENT.includes(outcome)) {
    assert.match(lead, /999/, `"${outcome}" does not give 999 before its explanation: ${lead}`);
    assert.match(lead, /101/, `"${outcome}" does not give 101 before its explanation: ${lead}`);
  }
  assert.match(all, /Childline[^.]*0800 1111/, `"${outcome}" does not mention Childline`);
}

describe("self-check in Welsh", { concurrency: 2 }, () => {
  it("counts, warns and explains itself in Welsh", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url, WELSH_SELFCHECK_PATH);
      assert.match(await page.locator("[data-selfcheck] [data-progress]").textContent(), /^Cwestiwn 1 o \d$/);
      await pressButtonWithKeyboard(page, "continue");
      const summary = page.locator("[data-selfcheck] [data-error]");
      assert.ok(await summary.isVisible(), "no error summary");
      assert.equal((await summary.locator("a").textContent()).trim(), "Dewiswch ateb.");
      assert.match(await page.title(), /^Gwall: /);
      assert.deepEqual(await axeViolations(page), [], "accessibility problems with the Welsh error shown");
      await answerAndContinue(page, "danger", ["no"]);
      assert.equal(await currentQuestion(page), "behaviours");
      assert.match(await page.locator("[data-selfcheck] legend:visible").textContent(), /Ydy rhywun wedi gwneud/);
    }));

  it("explains itself in Welsh without JavaScript", () =>
    withPage(
      async (page) => {
        await page.goto(site.url(WELSH_SELFCHECK_PATH));
        assert.match(await page.locator("[data-selfcheck] [data-nojs]").textContent(), /Mae angen JavaScript/);
        assert.match(await page.locator("main").textContent(), /999/);
      },
      { javaScriptEnabled: false },
    ));
});

describe("self-check", { concurrency: 2 }, () => {
  it("Back returns to the previous question with its answer, and to the last one from the result", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      await answerAndContinue(page, "danger", ["no"]);
      await answerAndContinue(page, "behaviours", ["none"]);
      await answerAndContinue(page, "fear", ["no"]);
      await answerAndContinue(page, "risk", ["none"]);
      assert.equal(await currentOutcome(page), "no-signs");

      await pressButtonWithKeyboard(page, "back");
      assert.equal(await currentOutcome(page), null);
      assert.equal(await currentQuestion(page), "risk");
      assert.equal((await focused(page)).question, "risk", "focus is not on the question after Back");
      assert.deepEqual(await ticked(page), ["danger=no", "behaviours=none", "fear=no", "risk=none"]);

      for (const id of ["fear", "behaviours", "danger"]) {
        await page.locator("[data-selfcheck] [data-back]:visible").click();
        assert.equal(await currentQuestion(page), id);
        assert.equal((await focused(page)).question, id);
      }
      assert.ok(await page.locator("[data-selfcheck] [data-back]:visible").count() === 0, "Back is offered on the first question");
    }));

  it("asks about fear and risk after \"None of these\", and a sign of risk there means contact the police", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      await answerAndContinue(page, "danger", ["no"]);
      await answerAndContinue(page, "behaviours", ["none"]);
      assert.equal(await currentQuestion(page), "fear");
      await answerAndContinue(page, "fear", ["no"]);
      assert.equal(await currentQuestion(page), "risk");
      await answerAndContinue(page, "risk", ["threats"]);
      assert.equal(await currentOutcome(page), "serious-risk");
      assert.deepEqual(await shownReasons(page), ["risk-threats", "behaviour-none"]);
    }));

  it("not being sure about danger carries on with the questions and ends with contact the police", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      await answerAndContinue(page, "danger", ["not-sure"]);
      assert.equal(await currentQuestion(page), "behaviours", "the check stopped after \"not sure\"");
      await answerAndContinue(page, "behaviours", ["none"]);
      await answerAndContinue(page, "fear", ["no"]);
      await answerAndContinue(page, "risk", ["none"]);
      assert.equal(await currentOutcome(page), "serious-risk");
      assert.ok((await shownReasons(page)).includes("danger-not-sure"), "the result does not say why");
      await assertOpensSafely(page, "serious-risk");
    }));

  it("Continue without an answer shows an error summary that names the problem and links to it", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      const summary = page.locator("[data-selfcheck] [data-error]");
      assert.equal(await summary.getAttribute("role"), "alert");
      await pressButtonWithKeyboard(page, "continue");
      assert.ok(await summary.isVisible(), "no error summary");
      assert.ok(await summary.evaluate((el) => el === document.activeElement), "the error summary is not focused");
      const link = summary.locator("a");
      assert.equal((await link.textContent()).trim(), "Choose an answer.");
      await link.click();
      assert.equal((await focused(page)).name, "danger", "the link does not go to the answers");
      assert.deepEqual(await axeViolations(page), [], "accessibility problems with the error shown");
    }));

  it("a question prints with its options and the phone numbers, and a result with the numbers", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      await answerAndContinue(page, "danger", ["no"]);
      await page.emulateMedia({ media: "print" });
      const question = page.locator('[data-selfcheck] [data-question="behaviours"]');
      assert.ok(await question.locator("legend").isVisible(), "the question does not print");
      const labels = question.locator("label");
      assert.equal(await labels.count(), 9);
      for (const label of await labels.all()) {
        assert.ok(await label.isVisible(), `the option "${await label.textContent()}" does not print`);
      }
      const contacts = page.locator("[data-selfcheck] [data-contacts]");
      assert.ok(await contacts.isVisible(), "the phone numbers do not print with a question");
      assert.match(await contacts.innerText(), /999/);
      assert.equal(await page.locator("[data-selfcheck] button:visible").count(), 0, "buttons print");

      await page.emulateMedia({ media: "screen" });
      assert.ok(await contacts.isHidden(), "the phone numbers show on screen while a question is asked");
      for (const [id, values] of PATHS.stalking.slice(1)) await answerAndContinue(page, id, values);
      await page.emulateMedia({ media: "print" });
      assert.ok(await page.locator('[data-selfcheck] [data-outcome="stalking"]').isVisible(), "the result does not print");
      assert.ok(await contacts.isVisible(), "the phone numbers do not print with the result");
    }));

  it("Start again wipes every answer and goes back to the first question", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      for (const [id, values] of PATHS.stalking) await answerAndContinue(page, id, values);
      assert.equal(await currentOutcome(page), "stalking");

      await pressButtonWithKeyboard(page, "restart");
      assert.equal(await currentOutcome(page), null);
      assert.equal(await currentQuestion(page), "danger");
      assert.deepEqual(await ticked(page), []);
      assert.equal((await focused(page)).question, "danger", "focus is not on the first question after Start again");
      // The old answers must not come back on the way through again.
      await answerAndContinue(page, "danger", ["no"]);
      assert.deepEqual(await ticked(page), ["danger=no"]);
    }));

  it("drops questions that no longer apply when an earlier answer changes", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      await answerAndContinue(page, "danger", ["no"]);
      await answerAndContinue(page, "behaviours", ["following"]);
      await answerAndContinue(page, "occasions", ["once"]);
      assert.equal(await currentQuestion(page), "unwanted");
      const longer = await page.locator("[data-selfcheck] [data-progress]").textContent();

      // Go back to the behaviours and say none of them happened.
      await page.locator("[data-selfcheck] [data-back]:visible").click();
      await page.locator("[data-selfcheck] [data-back]:visible").click();
      assert.equal(await currentQuestion(page), "behaviours");
      await answerAndContinue(page, "behaviours", ["none"]);
      assert.deepEqual(
        (await ticked(page)).filter((t) => t.startsWith("behaviours=")),
        ["behaviours=none"],
        '"None of these" did not clear the other behaviours',
      );
      assert.equal(await currentQuestion(page), "fear", "the questions that no longer apply were still asked");
      await answerAndContinue(page, "fear", ["no"]);
      await answerAndContinue(page, "risk", ["none"]);
      assert.equal(await currentOutcome(page), "no-signs");
      assert.ok(!(await shownReasons(page)).includes("once"), "a reason from a dropped answer is shown");

      // Back from the result goes to the last question that applies.
      await page.locator("[data-selfcheck] [data-back]:visible").click();
      assert.equal(await currentQuestion(page), "risk");
      assert.notEqual(await page.locator("[data-selfcheck] [data-progress]").textContent(), longer, "the progress count did not shrink");

      // And "in danger" ends the check at once.
      for (let i = 0; i < 3; i += 1) await page.locator("[data-selfcheck] [data-back]:visible").click();
      assert.equal(await currentQuestion(page), "danger");
      await answerAndContinue(page, "danger", ["yes"]);
      assert.equal(await currentOutcome(page), "emergency");
    }));

  it("explains itself without JavaScript and still gives the help contacts", () =>
    withPage(
      async (page) => {
        await page.goto(site.url(SELFCHECK_PATH));
        const nojs = page.locator("[data-selfcheck] [data-nojs]");
        assert.ok(await nojs.isVisible(), "no explanation is shown without JavaScript");
        assert.match(await nojs.textContent(), /JavaScript/);
        assert.equal(await page.locator("[data-selfcheck] [data-question]:visible").count(), 0, "questions are shown that cannot work");
        assert.match(await page.locator("main").textContent(), /999/, "the emergency number is not on the page");
      },
      { javaScriptEnabled: false },
    ));

  it("hides the explanation for no JavaScript once the script runs", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      assert.ok(await page.locator("[data-selfcheck] [data-nojs]").isHidden());
    }));

  it("after the quick exit, Back does not show the answers", () =>
    withPage(async (page, context) => {
      await page.goto(site.url("/self-check/"));
      await page.locator(`main a[href="${SELFCHECK_PATH}"]`).first().click();
      await openSelfCheck(page, site.url);
      await answerAndContinue(page, "danger", ["no"]);
      await page.locator('[data-question="behaviours"] input[value="following"]').check();
      const exit = await exitUrl(page);
      await stubExit(context, exit);
      for (let i = 0; i < 3; i += 1) await page.keyboard.press("Shift");
      await page.waitForURL(exit);

      await page.goBack();
      assert.equal(new URL(page.url()).pathname, "/self-check/", "Back returned to the questions");
      assert.deepEqual(await ticked(page), []);
      await page.goForward();
      assert.equal(page.url(), exit);
    }));

  it("leaving another way and coming Back shows no answers", () =>
    withPage(async (page) => {
      await openSelfCheck(page, site.url);
      await answerAndContinue(page, "danger", ["no"]);
      await page.locator('[data-question="behaviours"] input[value="watching"]').check();
      await page.goto(site.url("/privacy/"));
      await page.goBack();
      await page.waitForURL(site.url(SELFCHECK_PATH));
      await page.locator("[data-selfcheck] [data-question]:visible").first().waitFor();
      assert.deepEqual(await ticked(page), [], "answers came back with the page");
      assert.equal(await currentQuestion(page), "danger");
      assert.equal(await currentOutcome(page), null);
    }));
});
