// The site's search, in the browser. It reads the index module that site-builder writes
// (site-builder/src/search/wire.rs) and searches it exactly as `site-builder search` does:
// the same words (text.rs), matches (query.rs), ranking (rank.rs) and marks (mark.rs), so
// the browser tests can compare the two result by result. Change both together.
// It has no DOM and keeps nothing: the page's script owns what is shown.

const VERSION = 2;
// The rules of each language an index can be in (text.rs): English alone is stemmed.
const STEMMED = { en: true, cy: false, ur: false, und: false };
const LAST = "0123456789abcdefghijklmnopqrstuv";
const MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_-";
const WEIGHT = { exact: 1, prefix: 0.5, typo: 0.5 };
const TYPO_MIN_CHARS = 5;
const K1 = 1.2;
const B = 0.75;
const WORD = /[\p{Alphabetic}\p{N}'\u2019]+/gu;

/** Folds a word: without accents or Arabic vowel marks, composed, lowercase, without apostrophes. */
export function fold(word) {
  return word.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u0652]/g, "").normalize("NFC").toLowerCase().replace(/['\u2019]/g, "");
}

/** The words of `text`, with where they are (in UTF-16 units) and their folded form. */
function words(text) {
  const found = [];
  for (const m of text.matchAll(WORD)) {
    const folded = fold(m[0]);
    if (folded) found.push({ start: m.index, end: m.index + m[0].length, folded });
  }
  return found;
}

function postings(text) {
  const numbers = [];
  let n = 0;
  for (const c of text) {
    const last = LAST.indexOf(c);
    if (last < 0) n = n * 32 + MORE.indexOf(c);
    else {
      numbers.push(n * 32 + last);
      n = 0;
    }
  }
  const list = [];
  let next = 0;
  for (let i = 0; i < numbers.length; i++) {
    const section = next + Math.floor(numbers[i] / 2);
    const weight = numbers[i] % 2 === 1 ? numbers[++i] + 2 : 1;
    list.push([section, weight]);
    next = section + 1;
  }
  return list;
}

/** Opens an index (the module's default export) for searching. */
export function open(data) {
  if (data.version !== VERSION || !Object.hasOwn(STEMMED, data.language)) {
    throw new Error(`search index version ${data.version} in ${data.language} cannot be read`);
  }
  const stems = data.terms.split(" ");
  const lists = data.postings.split(" ");
  const forms = [];
  data.forms.split(" ").forEach((group, term) => {
    for (const f of group.split(",")) forms.push([f[0] === "=" ? f.slice(1) : stems[term] + f, term]);
  });
  forms.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const sections = data.sections.map(([page, heading, anchor, length, excerpt]) => ({ page, heading, anchor, length, excerpt }));
  const total = sections.reduce((sum, s) => sum + s.length, 0);
  return {
    stop: new Set(data.stop.split(" ")),
    stem: STEMMED[data.language] ? stem : (word) => word,
    pages: data.pages.map(([title, url, fallback]) => ({ title, url, fallback: fallback === 1 })),
    sections,
    stems: new Map(stems.map((stem, i) => [stem, i])),
    lists,
    decoded: new Map(),
    forms,
    formTerms: new Map(forms),
    average: Math.max(total / Math.max(sections.length, 1), 1),
  };
}

function counts(index, folded) {
  return [...folded].length >= 2 && !index.stop.has(folded);
}

function termPostings(index, term) {
  let list = index.decoded.get(term);
  if (!list) index.decoded.set(term, (list = postings(index.lists[term])));
  return list;
}

/** The words of `query` that are searched, each once, with the terms they match. */
export function read(index, query) {
  const all = words(query);
  const typing = all.length > 0 && all[all.length - 1].end === query.length;
  const read = [];
  all.forEach((w, i) => {
    const prefix = typing && i === all.length - 1;
    if (!counts(index, w.folded) || read.some((r) => r.word === w.folded)) return;
    const s = index.stem(w.folded);
    read.push({ word: w.folded, stem: s, prefix, matches: matches(index, w.folded, s, prefix) });
  });
  return read;
}

function matches(index, word, s, prefix) {
  const found = new Map();
  if (index.stems.has(s)) found.set(index.stems.get(s), "exact");
  if (prefix) {
    const forms = index.forms;
    let low = 0;
    let high = forms.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (forms[mid][0] < word) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < forms.length && forms[i][0].startsWith(word); i++) {
      if (!found.has(forms[i][1])) found.set(forms[i][1], "prefix");
    }
  }
  const chars = [...word];
  if (found.size === 0 && chars.length >= TYPO_MIN_CHARS) {
    for (const [form, term] of index.forms) {
      if (Math.abs(form.length - word.length) <= 2 && oneTypo(chars, [...form]) && !found.has(term)) {
        found.set(term, "typo");
      }
    }
  }
  return [...found].sort((a, b) => a[0] - b[0]);
}

const same = (a, b, from) => a.length - from === b.length - from && a.every((c, i) => i < from || c === b[i]);

/** Whether two words (arrays of characters) are one letter added, left out or changed, or two swapped, apart. */
export function oneTypo(a, b) {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let start = 0;
  while (start < short.length && short[start] === long[start]) start++;
  if (start === long.length) return false;
  if (short.length < long.length) return short.slice(start).join("") === long.slice(start + 1).join("");
  const changed = same(short, long, start + 1);
  const swapped = start + 1 < short.length && short[start] === long[start + 1] && short[start + 1] === long[start] && same(short, long, start + 2);
  return changed || swapped;
}

/** The natural logarithm with only the four operations, as rank.rs works it out. */
export function ln(x) {
  let m = x;
  let halvings = 0;
  while (m >= 1.5) {
    m /= 2;
    halvings += 1;
  }
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let sum = 0;
  for (let odd = 21; odd >= 1; odd -= 2) sum = sum * z2 + 1 / odd;
  return 2 * z * sum + halvings * Math.LN2;
}

const before = (a, b) =>
  a.words !== b.words ? a.words > b.words
  : a.fallback !== b.fallback ? !a.fallback
  : a.score !== b.score ? a.score > b.score
  : a.section < b.section;

function rank(index, read) {
  const n = index.sections.length;
  const wordsIn = new Uint32Array(n);
  const scores = new Float64Array(n);
  const best = new Float64Array(n);
  const touched = [];
  for (const word of read) {
    for (const [term, how] of word.matches) {
      const list = termPostings(index, term);
      const df = list.length;
      const idf = ln(1 + (n - df + 0.5) / (df + 0.5));
      for (const [s, weight] of list) {
        const bm25 = (weight * (K1 + 1)) / (weight + K1 * (1 - B + (B * index.sections[s].length) / index.average));
        const score = WEIGHT[how] * idf * bm25;
        if (best[s] === 0) touched.push(s);
        if (score > best[s]) best[s] = score;
      }
    }
    for (const s of touched) {
      wordsIn[s] += 1;
      scores[s] += best[s];
      best[s] = 0;
    }
    touched.length = 0;
  }
  const pages = new Array(index.pages.length).fill(null);
  for (let s = 0; s < n; s++) {
    if (wordsIn[s] === 0) continue;
    const page = index.sections[s].page;
    const standing = { section: s, words: wordsIn[s], fallback: index.pages[page].fallback, score: scores[s] };
    if (pages[page] === null || before(standing, pages[page])) pages[page] = standing;
  }
  return pages.filter(Boolean).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

/** `text` as segments `[text, marked]`, the words whose term is in `terms` marked. */
function mark(index, text, terms) {
  const segments = [];
  let from = 0;
  for (const w of words(text)) {
    if (counts(index, w.folded) && terms.has(index.formTerms.get(w.folded))) {
      if (w.start > from) segments.push([text.slice(from, w.start), false]);
      segments.push([text.slice(w.start, w.end), true]);
      from = w.end;
    }
  }
  if (from < text.length) segments.push([text.slice(from), false]);
  return segments;
}

/** Searches for `query`: how it was read, how many pages match, and the first `shown`. */
export function search(index, query, shown) {
  const wordsRead = read(index, query);
  const ranked = rank(index, wordsRead);
  const terms = new Set(wordsRead.flatMap((w) => w.matches.map(([term]) => term)));
  const results = ranked.slice(0, shown).map(({ section: s }) => {
    const section = index.sections[s];
    const page = index.pages[section.page];
    return {
      url: section.anchor ? `${page.url}#${section.anchor}` : page.url,
      title: mark(index, page.title, terms),
      heading: mark(index, section.heading, terms),
      excerpt: mark(index, section.excerpt, terms),
      fallback: page.fallback,
    };
  });
  return { words: wordsRead.map(({ word, stem, prefix }) => ({ word, stem, prefix })), count: ranked.length, results };
}

// Snowball's English stemmer (Porter2), as rust-stemmers runs it, for words already
// folded (so without apostrophes). Regions and suffixes count characters.
const EXCEPTIONS = {
  skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
  ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
  atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes",
};
const AFTER_1A = ["succeed", "proceed", "exceed", "canning", "inning", "earring", "herring", "outing"];
const STEP_2 = {
  tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize",
  ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful",
  ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", ogi: "og",
  fulli: "ful", lessli: "less", li: "",
};
const STEP_3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "", ative: "" };
const STEP_4 = "al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion".split(" ");

const vowel = (c) => c !== undefined && "aeiouy".includes(c);
const consonant = (c) => c !== undefined && !vowel(c);
const ends = (w, s) => w.length >= s.length && w.slice(w.length - s.length).join("") === s;
const longest = (w, list) => list.filter((s) => ends(w, s)).sort((a, b) => b.length - a.length)[0];
const replace = (w, s, by) => w.splice(w.length - s.length, s.length, ...by);

/** Where the region after the first consonant that follows a vowel, from `from`, starts. */
function region(w, from) {
  let i = from;
  while (i < w.length && !vowel(w[i])) i++;
  while (i < w.length && vowel(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
}

/** Whether the word, up to `end`, ends in a short syllable. */
function short(w, end) {
  const [a, b, c] = [w[end - 3], w[end - 2], w[end - 1]];
  if (c !== undefined && !"aeiouywxY".includes(c) && vowel(b) && consonant(a)) return true;
  return consonant(c) && vowel(b) && end === 2;
}

function step1b(w, p1) {
  const s = longest(w, ["eedly", "ingly", "edly", "eed", "ing", "ed"]);
  if (!s) return;
  const start = w.length - s.length;
  if (s === "eed" || s === "eedly") {
    if (start >= p1) replace(w, s, ["e", "e"]);
    return;
  }
  if (!w.slice(0, start).some(vowel)) return;
  w.length = start;
  if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) w.push("e");
  else if (["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].some((d) => ends(w, d))) w.length -= 1;
  else if (w.length === p1 && short(w, w.length)) w.push("e");
}

function steps2to5(w, p1, p2) {
  let s = longest(w, Object.keys(STEP_2));
  if (s && w.length - s.length >= p1) {
    const before = w[w.length - s.length - 1];
    if (s === "ogi" ? before === "l" : s === "li" ? "cdeghkmnrt".includes(before ?? " ") : true) replace(w, s, [...STEP_2[s]]);
  }
  s = longest(w, Object.keys(STEP_3));
  if (s && w.length - s.length >= p1 && (s !== "ative" || w.length - s.length >= p2)) replace(w, s, [...STEP_3[s]]);
  s = longest(w, STEP_4);
  if (s && w.length - s.length >= p2) {
    const before = w[w.length - s.length - 1];
    if (s !== "ion" || before === "s" || before === "t") w.length -= s.length;
  }
  const at = w.length - 1;
  if (w[at] === "e" && (at >= p2 || (at >= p1 && !short(w, at)))) w.length = at;
  else if (w[at] === "l" && at >= p2 && w[at - 1] === "l") w.length = at;
}

/** The stem of a folded word. */
export function stem(word) {
  if (Object.hasOwn(EXCEPTIONS, word)) return EXCEPTIONS[word];
  const w = [...word];
  if (w.length < 3) return word;
  let y = false;
  w.forEach((c, i) => {
    if (c === "y" && (i === 0 || vowel(w[i - 1]))) [w[i], y] = ["Y", true];
  });
  const prefix = ["gener", "commun", "arsen"].find((p) => word.startsWith(p));
  const p1 = prefix ? prefix.length : region(w, 0);
  const p2 = region(w, p1);
  const s = longest(w, ["sses", "ied", "ies", "ss", "us", "s"]);
  if (s === "sses") replace(w, s, ["s", "s"]);
  else if (s === "ied" || s === "ies") replace(w, s, w.length > 4 ? ["i"] : ["i", "e"]);
  else if (s === "s" && w.slice(0, -2).some(vowel)) w.length -= 1;
  if (!AFTER_1A.includes(w.join(""))) {
    step1b(w, p1);
    const n = w.length;
    if ((w[n - 1] === "y" || w[n - 1] === "Y") && n > 2 && consonant(w[n - 2])) w[n - 1] = "i";
    steps2to5(w, p1, p2);
  }
  const stemmed = w.join("");
  return y ? stemmed.replaceAll("Y", "y") : stemmed;
}
