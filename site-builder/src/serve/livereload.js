// Live reload for `site-builder serve`. Added only to pages the preview sends; the
// published site never has it.
//
// The preview says `built` with a build number after every good build, and `problems`
// with the error text after a failed one. A page from an older build reloads; problems
// are shown over the page until the next good build. The page's policy forbids
// HTML made from strings (Trusted Types), so the overlay is built with DOM calls only.
(function () {
  "use strict";
  var build = document.currentScript && document.currentScript.dataset.build;
  var overlay = null;

  function style(element, properties) {
    Object.keys(properties).forEach(function (name) {
      element.style[name] = properties[name];
    });
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(text) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "site-builder-problems";
    overlay.setAttribute("role", "alert");
    style(overlay, {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
      background: "rgba(11, 12, 12, 0.92)", color: "#fff", padding: "1.5rem",
      font: "1rem/1.5 system-ui, sans-serif"
    });
    var heading = document.createElement("h2");
    heading.textContent = "The site could not be rebuilt";
    style(heading, { margin: "0 0 .5rem", color: "#fff" });
    var advice = document.createElement("p");
    advice.textContent =
      "Fix the problem below and save the file. This page updates by itself. " +
      "Until then, the preview shows the last version that worked.";
    var problems = document.createElement("pre");
    problems.textContent = text;
    style(problems, {
      whiteSpace: "pre-wrap", background: "#fff", color: "#0b0c0c", padding: "1rem",
      borderLeft: "6px solid #d4351c", font: "1rem/1.5 ui-monospace, monospace"
    });
    overlay.append(heading, advice, problems);
    document.body.append(overlay);
  }

  var events = new EventSource("/__livereload");
  events.addEventListener("built", function (event) {
    if (event.data !== build) {
      location.reload();
    } else {
      hide();
    }
  });
  events.addEventListener("problems", function (event) {
    show(event.data);
  });
})();
