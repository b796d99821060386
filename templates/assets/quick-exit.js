// Quick exit, after the GOV.UK "Exit this page" component.
//
// The exit links work without this script. With it, a click or three presses of Shift
// (at most 5 seconds apart) hide the page at once behind a blank overlay, wipe what the
// visitor entered, and replace this page in the history with the neutral exit page.
//
// Every word shown or announced comes from data- attributes on [data-quick-exit] in
// templates/base.html, so editors can translate them. The self-check listens for the
// "quick-exit" event on document to wipe the answers it holds.
//
// The security policy forbids HTML from strings (trusted-types 'none'), so the DOM is built
// with createElement and textContent only.
"use strict";

(() => {
  const root = document.querySelector("[data-quick-exit]");
  if (!root) return;

  const PRESSES = 3;
  const WINDOW_MS = 5000;
  const text = root.dataset;
  const link = root.querySelector("a[href]");
  const status = root.querySelector("[data-quick-exit-status]");
  const dots = root.querySelectorAll("[data-quick-exit-indicator] > *");
  const indicator = root.querySelector("[data-quick-exit-indicator]");
  const pageTitle = document.title;

  let presses = 0;
  let windowTimer = 0;
  let clearTimer = 0;
  // Set when a key is pressed while Shift is held, so that releasing Shift is not a press.
  let shiftWasModifier = false;
  let overlay = null;

  function announce(message) {
    clearTimeout(clearTimer);
    status.textContent = message || "";
  }

  function showPresses() {
    indicator.hidden = presses === 0;
    dots.forEach((dot, i) => dot.classList.toggle("is-on", i < presses));
  }

  function expire() {
    clearTimeout(windowTimer);
    presses = 0;
    showPresses();
    announce(text.expired);
    clearTimer = setTimeout(() => announce(""), WINDOW_MS);
  }

  function wipeEntries() {
    for (const form of document.forms) form.reset();
    for (const field of document.querySelectorAll("input, textarea, select")) {
      if (field.form) continue;
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = field.defaultChecked;
      } else if (field.tagName === "SELECT") {
        for (const option of field.options) option.selected = option.defaultSelected;
      } else {
        field.value = field.defaultValue;
      }
    }
    document.dispatchEvent(new CustomEvent("quick-exit"));
  }

  function exit() {
    if (overlay) return;
    clearTimeout(windowTimer);
    presses = 0;
    showPresses();
    announce("");
    // Hide everything first, in one step, then wipe and leave.
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    const loading = document.createElement("span");
    loading.className = "quick-exit-visually-hidden";
    overlay.append(loading);
    document.body.append(overlay);
    document.documentElement.classList.add("quick-exit-active");
    loading.textContent = text.loading;
    document.title = text.loading;
    wipeEntries();
    location.replace(link.href);
  }

  function onShiftReleased() {
    presses += 1;
    showPresses();
    if (presses >= PRESSES) {
      exit();
      return;
    }
    announce(presses === 1 ? text.pressTwoMore : text.pressOneMore);
    clearTimeout(windowTimer);
    windowTimer = setTimeout(expire, WINDOW_MS);
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Shift") {
      if (!event.repeat) shiftWasModifier = false;
      return;
    }
    if (event.shiftKey) shiftWasModifier = true;
    if (presses > 0) expire();
  });

  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift") return;
    if (shiftWasModifier) {
      shiftWasModifier = false;
      return;
    }
    onShiftReleased();
  });

  for (const exitLink of document.querySelectorAll("a[data-quick-exit-link]")) {
    exitLink.addEventListener("click", (event) => {
      event.preventDefault();
      exit();
    });
  }

  // Coming back through the back/forward cache: show the page again, with nothing entered.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    if (overlay) overlay.remove();
    overlay = null;
    document.documentElement.classList.remove("quick-exit-active");
    document.title = pageTitle;
    presses = 0;
    showPresses();
    announce("");
    wipeEntries();
  });
})();
