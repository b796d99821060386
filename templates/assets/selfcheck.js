// The self-check, one question at a time. templates/selfcheck.html renders every question,
// outcome and reason; the wasm engine decides which questions show and which outcome holds.
// Answers live only in the form's controls: nothing is stored, sent or put in the URL, and
// they are wiped on pagehide and on quick exit. The security policy forbids HTML from
// strings, so this only toggles `hidden`, sets textContent and moves focus.

const root = document.querySelector("[data-selfcheck]");
if (root) start().catch((error) => console.error("self-check:", error));

async function start() {
  const text = root.dataset;
  const { load, Engine } = await import(text.engine);
  load();
  const engine = new Engine(text.definition);

  const $ = (selector, from = root) => from.querySelector(selector);
  const $$ = (selector, from = root) => [...from.querySelectorAll(selector)];
  const list = (value) => value.split(",").filter(Boolean);

  const form = $("[data-form]");
  const sets = $$("[data-question]");
  const ids = sets.map((set) => set.dataset.question);
  const byId = (id) => sets[ids.indexOf(id)];
  const status = $("[data-status]");
  const progress = $("[data-progress]");
  const summary = $("[data-error]");
  const errorLink = $("[data-error-link]");
  const result = $("[data-result]");
  const contacts = $("[data-contacts]");
  const backs = $$("[data-back]");
  const pageTitle = document.title;
  const described = sets.map((set) => set.getAttribute("aria-describedby") || "");
  let current = ids[0]; // the question shown, or "" for the result

  // "danger=no;behaviours=following,contact", read from the controls.
  const answers = () =>
    sets.map((set, i) => ids[i] + "=" + $$(":checked", set).map((input) => input.value).join(",")).join(";");

  function evaluate() {
    const state = {};
    for (const entry of engine.evaluate(answers()).split(";")) {
      const [key, value] = entry.split("=");
      state[key] = value;
    }
    state.visible = list(state.visible);
    return state;
  }

  // "Question 3 of 6": questions before the first unanswered one are settled, so count
  // those that show; every question after it may still show. The page holds the words for
  // every n of every m, in its language's plural forms: m = 1, 2, ... with n = 1 to m.
  const progressTexts = text.progressTexts.split("|");
  function count(state = evaluate()) {
    const first = state.next ? ids.indexOf(state.next) : ids.length;
    const total = state.visible.filter((id) => ids.indexOf(id) < first).length + ids.length - first;
    const n = state.visible.indexOf(current) + 1;
    progress.textContent = progressTexts[(total * (total - 1)) / 2 + n - 1];
  }

  function announce(message) {
    status.textContent = "";
    setTimeout(() => (status.textContent = message), 100);
  }

  function describe(set, value) {
    if (value) set.setAttribute("aria-describedby", value);
    else set.removeAttribute("aria-describedby");
  }

  function clearError() {
    summary.hidden = true;
    document.title = pageTitle;
    sets.forEach((set, i) => {
      set.classList.remove("is-error");
      $("[data-error-message]", set).hidden = true;
      describe(set, described[i]);
    });
  }

  function showError(set) {
    const message = $("[data-error-message]", set);
    message.hidden = false;
    set.classList.add("is-error");
    describe(set, (described[ids.indexOf(current)] + " " + message.id).trim());
    errorLink.textContent = message.lastChild.textContent.trim();
    errorLink.href = "#" + set.id;
    summary.hidden = false;
    document.title = text.errorTitle + pageTitle;
    summary.focus();
  }

  // Shows question `id`, or the result when `id` is empty; `quiet` keeps focus where it is.
  function show(id, quiet) {
    const state = evaluate();
    current = id;
    clearError();
    form.hidden = !id;
    result.hidden = contacts.hidden = !!id;
    for (const set of sets) set.hidden = set.dataset.question !== id;
    $("[data-intro]").hidden = id !== ids[0];
    for (const back of backs) back.hidden = id === ids[0];
    let start; // where focus, and so a screen reader's reading, starts
    if (id) {
      count(state);
      start = $("legend", byId(id));
    } else {
      for (const section of $$("[data-outcome]")) section.hidden = section.dataset.outcome !== state.outcome;
      const reasons = list(state.reasons);
      for (const item of $$("[data-reason]")) item.hidden = !reasons.includes(item.dataset.reason);
      $("[data-reasons]").hidden = !reasons.length;
      // The outcome itself, so reading starts at its first line (the 999 line), not its h2.
      start = $(`[data-outcome="${state.outcome}"]`);
    }
    if (quiet) return;
    start.focus();
    announce(id ? progress.textContent : text.resultText);
  }

  function wipe(quiet = true) {
    form.reset();
    show(ids[0], quiet);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const set = byId(current);
    if (!$(":checked", set)) return showError(set);
    const state = evaluate();
    // Step through the questions that show, in order; then the result.
    const next = state.visible[state.visible.indexOf(current) + 1];
    show(next || (state.complete === "1" ? "" : state.next));
  });

  // Checkboxes: the engine applies the exclusive rule ("None of these"), and the boxes
  // are ticked again from the answers it returns.
  form.addEventListener("change", ({ target }) => {
    if (target.type === "checkbox") {
      const entry = engine
        .toggle(answers(), target.name, target.value, target.checked)
        .split(";")
        .find((e) => e.startsWith(target.name + "="));
      const chosen = list(entry ? entry.slice(target.name.length + 1) : "");
      for (const box of $$("input", byId(target.name))) box.checked = chosen.includes(box.value);
    }
    count();
  });

  for (const back of backs) {
    back.addEventListener("click", () => {
      const visible = evaluate().visible;
      show(visible[(current ? visible.indexOf(current) : visible.length) - 1]);
    });
  }

  // The summary's link goes to the question without changing the URL.
  errorLink.addEventListener("click", (event) => {
    event.preventDefault();
    $("input", byId(current)).focus();
  });

  $("[data-restart]").addEventListener("click", () => wipe(false));
  addEventListener("pagehide", () => wipe());
  document.addEventListener("quick-exit", () => wipe());

  $("[data-nojs]").hidden = true;
  wipe();
}
