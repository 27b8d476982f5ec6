/* The page's side of the handbook's search, inlined into every page before
   Material's bundle (tools/handbook/search/material.py).

   - Nothing is fetched for search until the reader opens it: Material's
     worker is created on page load, so its constructor is replaced by one
     that starts the real worker only when the search box opens. On file://,
     where browsers refuse workers, the worker's script runs on the page.
   - Material searches on keyup; text that arrives without one (an IME's
     commit, paste, voice input) is passed on as a keyup too.
   - Results arrive before the text of their pages: their titles and
     snippets are filled in as Material shows them.
   - The result count says sections and pages.
   - A page opened from a result marks the matches (?h=…). */
"use strict";

(function () {
  const QUERY_BOX = "[data-md-component=search-query]";
  const OPENERS = `${QUERY_BOX}, label[for=__search], #__search`;
  const RESULT = 3;
  const TRADITIONAL = /^zh-Hant/.test(document.documentElement.lang);
  const COUNT = TRADITIONAL
    ? (s, p, a) => `${s} 節 · ${p} 頁${a ? `（${a} 頁的詞語分在不同節）` : ""}`
    : (s, p, a) => `${s} 节 · ${p} 页${a ? `（${a} 页的词语分在不同节）` : ""}`;
  const NativeWorker = window.Worker;

  class SearchWorker extends EventTarget {
    constructor(url) {
      if (!/search-worker\.js$/.test(url)) return new NativeWorker(url);
      super();
      this.url = new URL(url, location.href).href;
      this.queue = [];
      this.post = null;
      /* The reader's finger on the search button or box: open, or about to */
      const start = (ev) => ev.target.closest && ev.target.closest(OPENERS) && this.start();
      for (const type of ["pointerdown", "focusin", "change"]) document.addEventListener(type, start, true);
    }

    start() {
      if (this.started) return;
      this.started = true;
      const config = JSON.parse(document.getElementById("__config").textContent);
      const base = new URL("search/", new URL(config.base, location.href)).href;
      const receive = (message) => this.receive(message);
      if (location.protocol === "file:") {
        const script = document.createElement("script");
        script.src = this.url;
        script.onload = () => this.ready(window.handbookSearch.connect(base, receive));
        document.head.appendChild(script);
      } else {
        /* The manifest comes while the worker's script does, not after it */
        const manifest = fetch(new URL("manifest.json", base)).then((r) => r.text());
        const worker = new NativeWorker(this.url);
        worker.onmessage = (ev) => receive(ev.data);
        worker.postMessage({ type: "handbook:init", base });
        manifest.then(
          (text) => worker.postMessage({ type: "handbook:manifest", text }),
          (error) => worker.postMessage({ type: "handbook:manifest", error: `${error}` })
        );
        this.ready((message) => worker.postMessage(message));
      }
    }

    ready(post) {
      this.post = post;
      this.queue.splice(0).forEach(post);
    }

    postMessage(message) {
      this.start();
      if (this.post) this.post(message);
      else this.queue.push(message);
    }

    receive(message) {
      if (message.type === "handbook:filled") return fill(message);
      this.dispatchEvent(new MessageEvent("message", { data: message }));
      if (message.type === RESULT) counted(message.data.handbook || {}, this);
    }

    terminate() {}
  }
  window.Worker = SearchWorker;

  /* Sections waiting until the first result is on screen */
  let later = null;

  /* After Material has shown a result list: the count, and the placeholders
     to fill, the first result's alone first, so that nothing else shares the
     network with it (Material shows more results as the reader scrolls) */
  function counted(found, worker) {
    const meta = document.querySelector(".md-search-result__meta");
    if (found.error) meta.textContent = found.error;
    else if (found.pages) meta.textContent = COUNT(found.sections, found.pages, found.across);
    const list = document.querySelector(".md-search-result__list");
    let first = true;
    const ask = () => {
      const sections = [];
      for (const el of list.querySelectorAll("[data-handbook-title], [data-handbook-text]")) {
        if ("asked" in el.dataset) continue;
        el.dataset.asked = "";
        const id = el.dataset.handbookTitle || el.dataset.handbookText;
        const [query, section] = id.split(":").map(Number);
        const top = el.closest(".md-search-result__item") === list.firstElementChild;
        if (query !== found.query || sections.includes(section)) continue;
        if (first && !top) (later ||= { worker, query, sections: [] }).sections.push(section);
        else sections.push(section);
      }
      first = false;
      if (sections.length) worker.post({ type: "handbook:fill", query: found.query, sections });
    };
    later = null;
    if (!list.handbookObserved) {
      new MutationObserver(() => list.handbook && list.handbook()).observe(list, { childList: true });
      list.handbookObserved = true;
    }
    list.handbook = ask;
    ask();
  }

  function fill({ query, entries }) {
    for (const [section, { title, text, forms }] of entries) {
      const id = `${query}:${section}`;
      for (const el of document.querySelectorAll(`[data-handbook-title="${id}"]`))
        el.outerHTML = title;
      for (const el of document.querySelectorAll(`[data-handbook-text="${id}"]`)) {
        const link = el.closest("a");
        if (link && forms.length) {
          const url = new URL(link.href);
          url.searchParams.set("h", forms.join(" "));
          link.href = url.href;
        }
        if (text) el.outerHTML = text;
        else el.parentElement.remove(); /* a heading with no text of its own */
      }
    }
    if (later && later.query === query) {
      const { worker, sections } = later;
      later = null;
      requestAnimationFrame(() =>
        setTimeout(() => worker.post({ type: "handbook:fill", query, sections }))
      );
    }
  }

  /* Material searches on keyup only */
  const typed = (ev) => {
    if (ev.target.matches && ev.target.matches(QUERY_BOX) && !ev.isComposing)
      ev.target.dispatchEvent(new KeyboardEvent("keyup"));
  };
  document.addEventListener("input", typed, true);
  document.addEventListener("compositionend", typed, true);

  /* A page opened from a result: mark what the reader searched for */
  const wanted = new URL(location.href).searchParams.get("h");
  if (wanted)
    document.addEventListener("DOMContentLoaded", () => {
      const terms = wanted.split(/\s+/).filter(Boolean).sort((a, b) => b.length - a.length);
      const article = document.querySelector("article.md-content__inner");
      if (!terms.length || !article) return;
      const pattern = new RegExp(
        terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
        "giu"
      );
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const nodes = [];
      while (walker.nextNode())
        if (!walker.currentNode.parentElement.closest(".headerlink, script, style"))
          nodes.push(walker.currentNode);
      for (const node of nodes) {
        const text = node.textContent;
        const parts = [];
        let last = 0;
        for (const m of text.matchAll(pattern)) {
          parts.push(document.createTextNode(text.slice(last, m.index)));
          const mark = document.createElement("mark");
          mark.setAttribute("data-md-highlight", "");
          mark.textContent = m[0];
          parts.push(mark);
          last = m.index + m[0].length;
        }
        if (parts.length) node.replaceWith(...parts, document.createTextNode(text.slice(last)));
      }
    });
})();
