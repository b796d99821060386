// Driving the self-check as a visitor would, through the markup it promises:
// fieldset[data-question] per question, inputs named by question id with option ids as
// values, [data-continue], [data-back] and [data-restart] buttons, and a section[data-outcome]
// per outcome, which takes focus when it is shown.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { SELFCHECK_PATH } from "./site.js";

const DEFINITION_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../content/self-check/questions.yaml",
);

/** This repository's self-check definition: content/self-check/questions.yaml. */
const DEFINITION = parse(readFileSync(DEFINITION_FILE, "utf8"));

/**
 * One answer set per outcome, in the order the questions come: the first example that
 * questions.yaml gives for each outcome, so the browser walks what the build checked.
 * Each is a list of [question id, option ids], holding only the questions it answers.
 */
export const PATHS = Object.fromEntries(
  DEFINITION.outcomes.map(({ id }) => {
    const example = DEFINITION.examples.find((e) => e.expect === id);
    assert.ok(example, `questions.yaml has no example for the outcome "${id}"`);
    const steps = DEFINITION.questions
      .filter((q) => q.id in example.answers)
      .map((q) => [q.id, [example.answers[q.id]].flat().map(String)]);
    return [id, steps];
  }),
);

const MAX_TABS = 80;

/**
 * Opens the self-check and waits for its script to show the first question. Fails, with
 * a message saying what is missing, when the page or its script is not there.
 */
export async function openSelfCheck(page, url, path = SELFCHECK_PATH) {
  const response = await page.goto(url(path));
  assert.equal(response.status(), 200, `no self-check page at ${path} (status ${response.status()})`);
  assert.ok(
    (await page.locator("[data-selfcheck]").count()) > 0,
    `${path} has no [data-selfcheck] root: the self-check template is missing`,
  );
  try {
    await page.locator("[data-selfcheck] [data-question]:visible").first().waitFor({ timeout: 5000 });
  } catch {
    assert.fail(
      `${path} never showed a question: the self-check script did not start ` +
        "(is templates/assets/selfcheck.js there, and does it load without errors?)",
    );
  }
}

/** The question being asked, or null. */
export async function currentQuestion(page) {
  const shown = page.locator("[data-selfcheck] [data-question]:visible");
  const count = await shown.count();
  assert.ok(count <= 1, `${count} questions are shown at once`);
  return count ? shown.getAttribute("data-question") : null;
}

/** The outcome shown, or null. */
export async function currentOutcome(page) {
  const shown = page.locator("[data-selfcheck] [data-outcome]:visible");
  const count = await shown.count();
  assert.ok(count <= 1, `${count} outcomes are shown at once`);
  return count ? shown.getAttribute("data-outcome") : null;
}

/** Ids of the reasons shown with the result. */
export function shownReasons(page) {
  return page.locator("[data-selfcheck] [data-reason]:visible").evaluateAll((items) =>
    items.map((li) => li.dataset.reason),
  );
}

/** Describes the focused element, for assertions and messages. */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const question = el.closest("[data-question]");
    const outcome = el.closest("[data-outcome]");
    return {
      tag: el.tagName.toLowerCase(),
      question: question && el.tagName === "LEGEND" ? question.dataset.question : null,
      result: outcome && el === outcome ? outcome.dataset.outcome : null,
      name: el.getAttribute("name"),
      value: el.getAttribute("value"),
      type: el.getAttribute("type"),
      button: el.matches("[data-continue]")
        ? "continue"
        : el.matches("[data-back]")
          ? "back"
          : el.matches("[data-restart]")
            ? "restart"
            : null,
      text: el.textContent.trim().slice(0, 60),
    };
  });
}

/** Presses Tab until `wanted(focus)` holds. */
async function tabTo(page, wanted, what) {
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press("Tab");
    if (wanted(await focused(page))) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

/** Chooses `values` for question `id` with the keyboard only, starting from its legend. */
export async function answerWithKeyboard(page, id, values) {
  const type = await page
    .locator(`[data-question="${id}"] input`)
    .first()
    .getAttribute("type");
  if (type === "radio") {
    const [value] = values;
    await tabTo(page, (f) => f.name === id, `the answers to "${id}"`);
    for (let i = 0; i < 20 && (await focused(page)).value !== value; i += 1) {
      await page.keyboard.press("ArrowDown");
    }
    assert.equal((await focused(page)).value, value, `arrow keys never reached "${id}=${value}"`);
    await page.keyboard.press("Space");
    return;
  }
  const order = await page
    .locator(`[data-question="${id}"] input`)
    .evaluateAll((inputs) => inputs.map((i) => i.value));
  for (const value of [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b))) {
    await tabTo(page, (f) => f.name === id && f.value === value, `"${id}=${value}"`);
    await page.keyboard.press("Space");
  }
}

/** Moves to the button `which` ("continue", "back" or "restart") with Tab and presses Enter. */
export async function pressButtonWithKeyboard(page, which) {
  await tabTo(page, (f) => f.button === which, `the ${which} button`);
  await page.keyboard.press("Enter");
}

/** Answers with the mouse, then continues: for tests about what happens, not how. */
export async function answerAndContinue(page, id, values) {
  const question = page.locator(`[data-question="${id}"]`);
  for (const value of values) await question.locator(`input[value="${value}"]`).check();
  await page.locator("[data-selfcheck] [data-continue]:visible").click();
}

/** Ids and values of every ticked input in the page. */
export function ticked(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("input:checked")].map((i) => `${i.name}=${i.value}`),
  );
}
