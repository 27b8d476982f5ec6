/* The handbook's search worker, in place of Material's lunr worker (see
   tools/hooks/search.py). It speaks Material's worker protocol, so Material's
   search box and result list stay as they are, but it searches exactly: a
   section matches when it contains every space-separated term of the query
   verbatim, whatever the script and however jieba would cut the words.

   Loaded as a Web Worker, or on file:// as a page script (file-worker.js),
   where it exposes its message handler as self.handbookSearch. */
"use strict";

(function (scope) {
  /* Material's SearchMessageType */
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  /* A term in a section's title counts as much as this many in its text */
  const TITLE_WEIGHT = 10;
  /* Characters of context shown before the first match in a result */
  const BEFORE = 24, SNIPPET = 110;

  let sections = [];
  /* Every two-character chunk of the text → ids of the sections holding it,
     ascending; narrows the sections that need the exact check. */
  let chunks = new Map();

  function setup(docs) {
    sections = docs.map((doc, id) => ({
      id,
      doc,
      page: doc.location.split("#")[0],
      title: doc.title.toLowerCase(),
      text: doc.text.toLowerCase(),
    }));
    chunks = new Map();
    for (const section of sections) {
      const haystack = section.title + "\n" + section.text;
      for (let i = 0; i + 1 < haystack.length; i++) {
        const chunk = haystack.slice(i, i + 2);
        const ids = chunks.get(chunk);
        if (ids === undefined) chunks.set(chunk, [section.id]);
        else if (ids[ids.length - 1] !== section.id) ids.push(section.id);
      }
    }
  }

  function intersect(a, b) {
    const result = [];
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else result.push(a[i++]), j++;
    }
    return result;
  }

  function candidates(terms) {
    let ids = null;
    for (const term of terms)
      for (let i = 0; i + 1 < term.length; i++) {
        const found = chunks.get(term.slice(i, i + 2)) || [];
        ids = ids === null ? found : intersect(ids, found);
      }
    return ids === null ? sections.map((section) => section.id) : ids;
  }

  function count(haystack, term) {
    let n = 0;
    for (let i = haystack.indexOf(term); i !== -1; i = haystack.indexOf(term, i + term.length)) n++;
    return n;
  }

  function escapeHTML(value) {
    return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }

  function highlighter(terms) {
    const alternatives = [...terms]
      .sort((a, b) => b.length - a.length)
      .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const match = new RegExp(alternatives.join("|"), "giu");
    return (value) => {
      let out = "", last = 0;
      for (const m of value.matchAll(match)) {
        out += escapeHTML(value.slice(last, m.index)) + `<mark>${escapeHTML(m[0])}</mark>`;
        last = m.index + m[0].length;
      }
      return out + escapeHTML(value.slice(last));
    };
  }

  /* The part of the text around the first match, so a reader sees why the
     section came up */
  function snippet(section, terms, mark) {
    const text = section.doc.text;
    if (!text) return "";
    const first = Math.min(
      ...terms.map((term) => section.text.indexOf(term)).filter((i) => i !== -1)
    );
    const start = Number.isFinite(first) ? Math.max(0, first - BEFORE) : 0;
    const end = Math.min(text.length, start + SNIPPET);
    const body = mark(text.slice(start, end).replace(/\n/g, " "));
    return `<p>${start > 0 ? "…" : ""}${body}${end < text.length ? "…" : ""}</p>`;
  }

  function search(query) {
    const terms = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
    if (!terms.length) return { items: [] };
    const mark = highlighter(terms);
    const matched = Object.fromEntries(terms.map((term) => [term, true]));

    const pages = new Map();
    for (const id of candidates(terms)) {
      const section = sections[id];
      let score = 0;
      for (const term of terms) {
        const n = TITLE_WEIGHT * count(section.title, term) + count(section.text, term);
        if (n === 0) {
          score = 0;
          break;
        }
        score += n;
      }
      if (score === 0) continue;
      const hits = pages.get(section.page) || [];
      hits.push({
        ...section.doc,
        title: mark(section.doc.title),
        text: snippet(section, terms, mark),
        score,
        terms: matched,
      });
      pages.set(section.page, hits);
    }

    /* Material renders each page as its article followed by its sections,
       best first; an article without a match heads its sections with score 0. */
    const items = [...pages.entries()].map(([page, hits]) => {
      hits.sort((a, b) => b.score - a.score);
      if (!hits.some((hit) => hit.location === page)) {
        const article = sections.find((section) => section.doc.location === page);
        /* Material shows titles as HTML: escaped like the matched ones */
        if (article)
          hits.push({ ...article.doc, title: escapeHTML(article.doc.title), text: "", score: 0, terms: {} });
      }
      return hits;
    });
    items.sort((a, b) => b[0].score - a[0].score);
    return { items };
  }

  function handle(message) {
    switch (message.type) {
      case SETUP:
        setup(message.data.docs);
        return { type: READY };
      case QUERY:
        return { type: RESULT, data: search(message.data) };
      default:
        throw new TypeError(`search worker: unknown message type ${message.type}`);
    }
  }

  if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope)
    scope.addEventListener("message", (ev) => scope.postMessage(handle(ev.data)));
  else scope.handbookSearch = handle;
})(self);
