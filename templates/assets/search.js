// The search page. templates/search.html names the engine (search-engine.js, shipped by
// site-builder) and the site's index, both same-origin modules loaded whole as the page
// loads: nothing fetched depends on what is typed. Results update as the visitor types or
// presses Enter; the address, the history and the title never change, and nothing is
// stored. The box and the results are wiped on pagehide and on quick exit. The security
// policy forbids HTML from strings, so results are built from elements and textContent.

const root = document.querySelector("[data-search]");
if (root) start().catch((error) => console.error("search:", error));

// As many results as `site-builder search` shows by default.
const SHOWN = 20;
// How long typing must pause before the count is announced.
const ANNOUNCE_MS = 500;

async function start() {
  const text = root.dataset;
  const [engine, { default: data }] = await Promise.all([import(text.engine), import(text.index)]);
  const index = engine.open(data);
  const $ = (selector) => root.querySelector(selector);
  const form = $("[data-search-form]");
  const box = $("[data-search-box]");
  const count = $("[data-search-count]");
  const results = $("[data-search-results]");
  const aToZ = $("[data-a-to-z]");
  const language = document.documentElement.lang || undefined;
  let timer;

  const number = (n) => n.toLocaleString(language);
  function message(found) {
    if (found.count === 0) return text.countNone;
    if (found.count === 1) return text.countOne;
    const words = found.count > found.results.length ? text.countMore : text.countMany;
    return words.replace("{n}", number(found.count)).replace("{shown}", number(found.results.length));
  }

  function segments(element, parts) {
    for (const [words, marked] of parts) {
      if (!marked) element.append(words);
      else element.appendChild(document.createElement("mark")).textContent = words;
    }
    return element;
  }

  function item(hit) {
    const li = document.createElement("li");
    const link = li.appendChild(document.createElement("a"));
    link.href = hit.url;
    // A page in the default language, standing in for a missing translation: marked
    // as the menus mark it.
    if (hit.fallback) {
      link.lang = link.hreflang = text.fallbackLang;
      link.dir = text.fallbackDir;
    }
    segments(link.appendChild(document.createElement("span")), hit.title);
    if (hit.heading.length) {
      const heading = link.appendChild(document.createElement("span"));
      heading.className = "search-result-heading";
      heading.appendChild(document.createElement("span")).className = "visually-hidden";
      heading.firstChild.textContent = text.sectionSeparator;
      segments(heading, hit.heading);
    }
    if (hit.fallback) {
      const note = li.appendChild(document.createElement("span"));
      note.className = "lang-note";
      note.textContent = ` ${text.fallbackNote}`;
    }
    if (hit.excerpt.length) {
      const excerpt = segments(li.appendChild(document.createElement("p")), hit.excerpt);
      if (hit.fallback) [excerpt.lang, excerpt.dir] = [text.fallbackLang, text.fallbackDir];
    }
    return li;
  }

  // Shows the results for what is in the box; `now` announces the count at once.
  function show(now) {
    clearTimeout(timer);
    const query = box.value;
    const found = query.trim() ? engine.search(index, query, SHOWN) : null;
    results.replaceChildren(...(found ? found.results.map(item) : []));
    results.hidden = !found || found.count === 0;
    aToZ.hidden = !!found && found.count > 0;
    // A count for an earlier query is wrong: it goes at once, and the new one is said
    // once typing pauses.
    const said = found ? message(found) : "";
    count.textContent = now ? said : "";
    if (!now && said) timer = setTimeout(() => (count.textContent = said), ANNOUNCE_MS);
  }

  function wipe() {
    form.reset();
    box.value = "";
    show(true);
  }

  box.addEventListener("input", () => show(false));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(true);
  });
  window.addEventListener("pagehide", wipe);
  window.addEventListener("pageshow", (event) => event.persisted && wipe());
  document.addEventListener("quick-exit", wipe);

  $("[data-search-nojs]").hidden = true;
  form.hidden = false;
  // A box the browser refilled (it should not: autocomplete is off) is searched at once.
  if (box.value) show(true);
}
