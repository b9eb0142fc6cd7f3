/* Search page: fold the query as the index was folded, then ask the Pagefind bundle of the site.
 *
 * The index (hawal/search.py) holds text folded by hawal.language.fold_for_search, so a query
 * typed on an Arabic keyboard (ي ك ه‌ ة), with diacritics or tatweel, or with Arabic-Indic or
 * Persian digits finds the same words. foldForSearch below must give exactly what the Python fold
 * gives: tests/test_search.py runs both over the same strings.
 *
 * The index is sharded by month (hawal/search.py): the page lists its language's shards newest
 * first; the newest one's pagefind.js is imported as a module and the others are merged into it.
 * Browsers allow module imports only over http(s): when the site is opened from disk the page
 * keeps its notice that search needs a web server. Everything resolves relative to the page, so
 * the site can live under any sub-path; nothing is fetched elsewhere.
 */

// hawal.language._SEARCH_FOLD: keyboard variants of a letter, tatweel, ZWNJ, digit systems.
const LETTERS = new Map([
  ["\u064A", "\u06CC"], ["\u0649", "\u06CC"], ["\u0643", "\u06A9"], ["\u06D5", "\u0647"],
  ["\u06BE", "\u0647"], ["\u0629", "\u0647"], ["\u0640", ""], ["\u200C", ""],
  ["\u0623", "\u0627"], ["\u0625", "\u0627"], ["\u0622", "\u0627"],
  // Sorani letters an Arabic keyboard lacks (ێ ۆ ڕ ڵ ڤ): readers type the bare letter instead.
  ["\u06CE", "\u06CC"], ["\u06C6", "\u0648"], ["\u0695", "\u0631"], ["\u06B5", "\u0644"],
  ["\u06A4", "\u0641"],
  ...Array.from({ length: 10 }, (_, i) => [String.fromCharCode(0x0660 + i), String(i)]),
  ...Array.from({ length: 10 }, (_, i) => [String.fromCharCode(0x06F0 + i), String(i)]),
]);

// Python's str.casefold() is toLowerCase() and then these (full case folding of letters that are
// already lower case); Cherokee small letters fold to capitals (see isCherokeeSmall).
const CASEFOLD_EXTRA = {
  "\u00B5": "\u03BC", "\u00DF": "ss", "\u0149": "\u02BCn", "\u017F": "s", "\u03C2": "\u03C3",
  "\u03D0": "\u03B2", "\u03D1": "\u03B8", "\u03D5": "\u03C6", "\u03D6": "\u03C0",
  "\u03F0": "\u03BA", "\u03F1": "\u03C1", "\u03F5": "\u03B5", "\u0587": "\u0565\u0582",
  "\u1C80": "\u0432", "\u1C81": "\u0434", "\u1C82": "\u043E", "\u1C83": "\u0441",
  "\u1C84": "\u0442", "\u1C85": "\u0442", "\u1C86": "\u044A", "\u1C87": "\u0463",
  "\u1C88": "\uA64B", "\u1E9A": "a\u02BE", "\uFB00": "ff", "\uFB01": "fi", "\uFB02": "fl",
  "\uFB03": "ffi", "\uFB04": "ffl", "\uFB05": "st", "\uFB06": "st", "\uFB13": "\u0574\u0576",
  "\uFB14": "\u0574\u0565", "\uFB15": "\u0574\u056B", "\uFB16": "\u057E\u0576",
  "\uFB17": "\u0574\u056D",
};

const isCherokeeSmall = (cp) => (cp >= 0xAB70 && cp <= 0xABBF) || (cp >= 0x13F8 && cp <= 0x13FD);

/** Fold keyboard variants, diacritics, tatweel and digit systems to one form (as the index). */
export function foldForSearch(text) {
  const bare = text.normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");
  let mapped = "";
  for (const ch of bare) {
    const to = LETTERS.get(ch);
    mapped += to === undefined ? ch : to;
  }
  let folded = "";
  for (const ch of mapped.toLowerCase()) {
    if (isCherokeeSmall(ch.codePointAt(0))) folded += ch.toUpperCase();
    else folded += CASEFOLD_EXTRA[ch] ?? ch;
  }
  return folded;
}

const PAGE_SIZE = 10;
const WORDS = /[\r\n\s]+/;

function words(text) {
  const trimmed = (text ?? "").trim();
  return trimmed ? trimmed.split(WORDS) : [];
}

/** The article's opening words as written, those the query matched marked.
 *
 * The index holds "title body" folded; the summary is the body's first words unfolded. A word is
 * marked where Pagefind reports a match at its position and it folds to the indexed word there. */
export function excerptParts(data) {
  const real = words(data.meta?.summary);
  const folded = words(data.content);
  const skip = words(data.meta?.title).length;
  const hits = new Set(data.locations ?? []);
  const parts = real.map((text, i) => ({
    text, mark: hits.has(skip + i) && foldForSearch(text) === folded[skip + i],
  }));
  return { parts, more: folded.length > skip + real.length };
}

/** Pagefind over the shards (folder URLs, newest first) as one index; results link under siteRoot.
 *
 * Pagefind fetches a merged shard's files from the path it is given; on the page's own origin
 * that is the URL's path, as Pagefind itself keeps the imported shard's. */
export async function loadIndex(shards, siteRoot) {
  const bundleUrl = new URL("pagefind.js", shards[0]).href;
  const pf = await import(bundleUrl);
  await pf.options({ baseUrl: siteRoot });
  const local = (url) => (typeof location !== "undefined" && url.origin === location.origin ? url.pathname : url.href);
  await Promise.all(shards.slice(1).map((shard) => pf.mergeIndex(local(shard), { baseUrl: siteRoot })));
  return pf;
}

const filterValue = (data, name) => (data.filters?.[name] ?? [])[0] ?? "";

function start(form) {
  const input = form.querySelector('input[type="search"]');
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const more = document.querySelector("[data-search-more]");
  const text = form.dataset;
  const pageLang = document.documentElement.lang;
  const rtl = new Set((text.rtlLangs || "").split(" ").filter(Boolean));
  // Each shard is named by its pagefind-entry.json; Pagefind wants the folder, ending in "/".
  const shards = (text.shards || "").split(" ").filter(Boolean)
    .map((entry) => new URL("./", new URL(entry, document.baseURI)));
  const siteRoot = new URL("./", new URL(text.root, document.baseURI)).pathname;
  const digits = (n) => (text.digits === "arab"
    ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))) : String(n));

  let pagefind = null;
  const load = () => {
    pagefind ??= loadIndex(shards, siteRoot);
    return pagefind;
  };

  let generation = 0;
  let pending = [];

  const say = (message) => { status.textContent = message; };

  function resultItem(data) {
    const item = document.createElement("li");
    item.className = "card search-result";
    const textLang = filterValue(data, "text_lang") || pageLang;
    if (textLang !== pageLang) {
      item.lang = textLang;
      item.dir = rtl.has(textLang) ? "rtl" : "ltr";
    }
    const heading = document.createElement("h3");
    heading.className = "card__title";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    heading.append(link);

    const meta = document.createElement("p");
    meta.className = "card__meta";
    meta.lang = pageLang;
    meta.dir = document.documentElement.dir;
    const time = document.createElement("time");
    time.dateTime = filterValue(data, "date");
    time.textContent = filterValue(data, "date_label") || time.dateTime;
    meta.append(time);
    if (textLang !== pageLang && text.msgUntranslated) {
      const badge = document.createElement("span");
      badge.className = "badge badge--missing";
      badge.textContent = text.msgUntranslated;
      meta.append(" · ", badge);
    }

    const summary = document.createElement("p");
    summary.className = "card__summary";
    const { parts, more } = excerptParts(data);
    parts.forEach((part, i) => {
      if (i) summary.append(" ");
      if (part.mark) {
        const mark = document.createElement("mark");
        mark.textContent = part.text;
        summary.append(mark);
      } else {
        summary.append(part.text);
      }
    });
    if (more) summary.append(" …");
    item.append(heading, meta, summary);
    return item;
  }

  async function showMore(current) {
    const batch = pending.splice(0, PAGE_SIZE);
    const found = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    list.append(...found.map(resultItem));
    more.hidden = pending.length === 0;
  }

  async function run(query) {
    const current = ++generation;
    const folded = foldForSearch(query).trim();
    const url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    if (!folded) {
      list.replaceChildren();
      more.hidden = true;
      say("");
      return;
    }
    try {
      const pf = await load();
      const search = await pf.search(folded);
      if (current !== generation || !search) return;
      list.replaceChildren();
      pending = search.results.slice();
      say(pending.length ? text.msgCount.replace("{count}", digits(pending.length)) : text.msgNone);
      await showMore(current);
    } catch (error) {
      if (current !== generation) return;
      say(text.msgError);
      console.warn("search:", error);
    }
  }

  let timer = 0;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => run(input.value), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  more.addEventListener("click", () => showMore(generation));

  say("");
  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}

if (typeof document !== "undefined") {
  const form = document.querySelector("form[data-search]");
  if (form) start(form);
}
