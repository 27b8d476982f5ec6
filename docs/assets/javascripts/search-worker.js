/* The handbook's search, in place of Material's lunr worker (see
   tools/handbook/search/). It speaks Material's worker messages, so Material's
   search box and result list stay as they are, and searches exactly: a
   section matches when it contains every space-separated term of the query,
   character for character once both are folded to one script (群眾 finds
   群众, 干 finds 幹 and 乾). When no section holds every term, the pages that
   hold them all, in different sections, come after, with each section's
   missing terms named.

   The index is split (tools/handbook/search/index.py): a query fetches the
   manifest once, then only the shards its terms need; the text of a page is
   fetched when its result is shown, for the snippet.

   Runs as a Web Worker; on file:// as a page script (the page script
   tools/handbook/search/page.js loads it), where it exposes
   self.handbookSearch; under Node it exports createSearch for the tests. */
"use strict";

(function (scope) {
  /* Material's SearchMessageType */
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  /* Ranking: BM25's constants, and what a term in a title is worth */
  const K1 = 1.2, B = 0.75, TITLE = 2;
  /* Snippets: how far back a clause may start, how long they run */
  const LEAD = 20, SNIPPET = 80;

  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) DIGIT[DIGITS.charCodeAt(i)] = i;

  /* Numbers written by index.py's vlq(numbers, less) */
  function decode(digits, less) {
    const out = [];
    for (let i = 0, n = 0, shift = 0; i < digits.length; i++) {
      const d = DIGIT[digits.charCodeAt(i)];
      n += (d & 31) * 2 ** shift;
      if (d & 32) shift += 5;
      else out.push(n + less), (n = 0), (shift = 0);
    }
    return out;
  }

  function escapeHTML(value) {
    return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }

  /* The last shard whose first key (or page) is not after `key`: keys in
     UTF-16 order, as index.py sorts them */
  function shardOf(firsts, key) {
    let lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /* The search over one edition's index; `load(name)` resolves to the data
     of search/<name>.json (or .js). */
  function createSearch(load) {
    const cache = new Map();
    let index = null;

    function fetchPart(name) {
      if (!cache.has(name))
        cache.set(
          name,
          load(name).then((data) => {
            if (index && data.id !== index.id)
              throw new Error("the search index changed: reload the page");
            return data;
          })
        );
      return cache.get(name);
    }

    const ready = load("manifest").then((m) => {
      const fold = new Map();
      const pairs = Array.from(m.fold);
      for (let i = 0; i + 1 < pairs.length; i += 2) fold.set(pairs[i], pairs[i + 1]);
      const counts = decode(m.pages.sections, 0);
      const first = [];
      const pageOf = [];
      counts.forEach((n, page) => {
        first.push(pageOf.length);
        for (let i = 0; i < n; i++) pageOf.push(page);
      });
      const titles = decode(m.sections.title, 0);
      const lengths = decode(m.sections.length, 0);
      const total = lengths.reduce((a, b) => a + b, 0);
      index = {
        id: m.id,
        fold,
        breaks: new Set(Array.from(m.breaks)),
        pages: m.pages,
        first,
        pageOf,
        anchors: m.sections.anchor,
        titles,
        lengths,
        average: total / Math.max(1, lengths.length),
        keys: m.keys,
        texts: m.texts,
        names: new Map(),
      };
      for (const [page, names] of Object.entries(m.pages.names))
        for (const name of names) index.names.set(folded(name).join(""), +page);
      return index;
    });

    function folded(text) {
      return Array.from(text, (c) => (index.fold.get(c) || c));
    }

    /* --- matching ------------------------------------------------------- */

    /* Section → [occurrences, whether the title holds it] for a key of one
       or two characters */
    async function sectionsOf(key) {
      const shard = shardOf(index.keys.k, key);
      const digits = (await fetchPart(`k/${shard}`)).keys[key];
      const found = new Map();
      if (digits === undefined) return found;
      const numbers = decode(digits, 1);
      for (let i = 0, section = -1; i < numbers.length; i += 2) {
        section += numbers[i];
        found.set(section, [numbers[i + 1] >> 1, numbers[i + 1] & 1]);
      }
      return found;
    }

    /* Section → ascending positions of a pair of characters */
    async function positionsOf(key) {
      const shard = shardOf(index.keys.p, key);
      const [sections, part] = await Promise.all([
        sectionsOf(key),
        fetchPart(`p/${shard}`),
      ]);
      const numbers = part.keys[key] === undefined ? [] : decode(part.keys[key], 1);
      const found = new Map();
      let i = 0;
      for (const [section, [n]] of sections) {
        const at = new Array(n);
        for (let j = 0, position = -1; j < n; j++) position += numbers[i++], (at[j] = position);
        found.set(section, at);
      }
      return found;
    }

    /* Offsets of the pairs that cover a term of three or more characters,
       the cheapest to fetch (each character in at least one pair) */
    function cover(chars) {
      const cost = (i) => {
        const key = chars[i] + chars[i + 1];
        const shard = shardOf(index.keys.p, key);
        return cache.has(`p/${shard}`) ? 0 : index.keys.pbytes[shard];
      };
      /* best[c + 1]: cheapest offsets covering characters 0 … c */
      const best = [{ cost: 0, offsets: [] }];
      for (let i = 0; i + 1 < chars.length; i++) {
        const from = [best[i], best[i + 1]].filter(Boolean).sort((a, b) => a.cost - b.cost)[0];
        const option = { cost: from.cost + cost(i), offsets: [...from.offsets, i] };
        if (!best[i + 2] || option.cost < best[i + 2].cost) best[i + 2] = option;
      }
      return best[chars.length].offsets;
    }

    /* Section → [occurrences, whether the title holds it] for a folded term */
    async function termSections(chars) {
      if (chars.length <= 2) return sectionsOf(chars.join(""));
      const offsets = cover(chars);
      const lists = await Promise.all(offsets.map((i) => positionsOf(chars[i] + chars[i + 1])));
      const found = new Map();
      for (const [section, starts] of lists[0]) {
        if (!lists.every((list) => list.has(section))) continue;
        const pointers = lists.map(() => 0);
        let n = 0, inTitle = 0;
        for (const start of starts)
          if (
            lists.every((list, j) => {
              const at = list.get(section), want = start + offsets[j];
              while (pointers[j] < at.length && at[pointers[j]] < want) pointers[j]++;
              return at[pointers[j]] === want;
            })
          ) {
            n++;
            if (start + chars.length <= index.titles[section]) inTitle = 1;
          }
        if (n) found.set(section, [n, inTitle]);
      }
      return found;
    }

    function parse(query) {
      const seen = new Set(), terms = [];
      for (const term of query.split(/\s+/u).filter(Boolean)) {
        const chars = folded(term), key = chars.join("");
        if (!seen.has(key)) seen.add(key), terms.push({ term, chars, key });
      }
      return terms;
    }

    /* Which sections and pages hold every term: `sections` are sections
       holding all of them, `pages` pages holding all of them only across
       sections, with for each term the sections holding it. */
    async function match(query) {
      await ready;
      const terms = parse(query);
      if (!terms.length) return { terms, hits: [], sections: [], pages: [] };
      const hits = await Promise.all(terms.map((t) => termSections(t.chars)));
      const sections = [...hits[0].keys()].filter((s) => hits.every((h) => h.has(s)));
      const withSection = new Set(sections.map((s) => index.pageOf[s]));
      const perTerm = hits.map((h) => new Set([...h.keys()].map((s) => index.pageOf[s])));
      const pages = [...perTerm[0]].filter(
        (p) => !withSection.has(p) && perTerm.every((set) => set.has(p))
      );
      return { terms, hits, sections, pages };
    }

    /* --- ranking ---------------------------------------------------------- */

    function weight(hits) {
      const n = index.lengths.length;
      return hits.map((h) => Math.log(1 + (n - h.size + 0.5) / (h.size + 0.5)));
    }

    function relevance(counts, length, weights) {
      let score = 0;
      counts.forEach(([n, inTitle], t) => {
        const norm = K1 * (1 - B + (B * length) / index.average);
        score += weights[t] * ((n * (K1 + 1)) / (n + norm) + (inTitle ? TITLE : 0));
      });
      return score;
    }

    function location(section, forms) {
      const page = index.pageOf[section], anchor = index.anchors[section];
      const h = forms.length ? `?h=${encodeURIComponent(forms.join(" "))}` : "";
      return index.pages.url[page] + h + (anchor ? `#${anchor}` : "");
    }

    /* Groups of results, one per page, best first: the glossary entry the
       query names; pages with sections holding every term, by their best
       section; pages holding the terms only across sections. */
    function rank({ terms, hits, sections, pages }) {
      const weights = weight(hits);
      const groups = new Map();
      for (const s of sections) {
        const counts = hits.map((h) => h.get(s));
        const score = relevance(counts, index.lengths[s], weights);
        const page = index.pageOf[s];
        if (!groups.has(page)) groups.set(page, { page, tier: 1, score: 0, hits: [] });
        const group = groups.get(page);
        group.hits.push({ section: s, score, holds: terms.map(() => true) });
        group.score = Math.max(group.score, score);
      }
      for (const page of pages) {
        const counts = hits.map(() => [0, 0]);
        const group = { page, tier: 0, score: 0, hits: [] };
        let length = 0;
        for (let s = index.first[page]; index.pageOf[s] === page; s++) {
          length += index.lengths[s];
          const holds = hits.map((h) => h.has(s));
          if (!holds.some(Boolean)) continue;
          hits.forEach((h, t) => {
            if (h.has(s)) (counts[t][0] += h.get(s)[0]), (counts[t][1] ||= h.get(s)[1]);
          });
          const own = relevance(hits.map((h) => h.get(s) || [0, 0]), index.lengths[s], weights);
          group.hits.push({ section: s, score: own, holds });
        }
        group.score = relevance(counts, length, weights);
        groups.set(page, group);
      }
      const named = terms.length === 1 ? index.names.get(terms[0].key) : undefined;
      if (named !== undefined && groups.has(named)) groups.get(named).tier = 2;
      return [...groups.values()].sort(
        (a, b) => b.tier - a.tier || b.score - a.score || a.page - b.page
      );
    }

    /* --- snippets --------------------------------------------------------- */

    /* [start, end) of every occurrence of a term in folded characters */
    function occurrences(chars, terms) {
      const found = [];
      for (const { chars: term } of terms)
        for (let i = 0; i + term.length <= chars.length; i++)
          if (term.every((c, j) => chars[i + j] === c)) found.push([i, i + term.length]);
      return found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    }

    /* HTML of characters [from, to) of a text, its matches marked; the
       matches' own characters, as the text writes them */
    function marked(text, from, to, found) {
      let out = "", at = from;
      const forms = new Set();
      for (const [start, end] of found) {
        if (end <= at || start >= to) continue;
        const s = Math.max(start, at), e = Math.min(end, to);
        const form = text.slice(s, e).join("");
        forms.add(text.slice(start, end).join(""));
        out += escapeHTML(text.slice(at, s).join("")) + `<mark>${escapeHTML(form)}</mark>`;
        at = e;
      }
      return { html: out + escapeHTML(text.slice(at, to).join("")), forms };
    }

    /* The text from the start of the clause holding the first match, so the
       match is always in view and never starts mid-word */
    function snippet(text, terms) {
      const chars = Array.from(text), found = occurrences(folded(text), terms);
      let start = 0;
      if (found.length) {
        const first = found[0][0];
        start = first;
        for (let i = first - 1; i >= Math.max(0, first - LEAD) - 1; i--)
          if (i < 0 || index.breaks.has(chars[i])) {
            start = i + 1;
            break;
          }
      }
      const end = Math.min(chars.length, Math.max(start + SNIPPET, (found[0] || [0, 0])[1] + LEAD));
      const { html, forms } = marked(chars, start, end, found);
      const body = html.replace(/\n/g, " ");
      return { html: `${start > 0 ? "…" : ""}${body}${end < chars.length ? "…" : ""}`, forms };
    }

    function heading(title, terms) {
      const chars = Array.from(title);
      return marked(chars, 0, chars.length, occurrences(folded(title), terms));
    }

    /* Title and snippet HTML of sections whose page text is loaded */
    function filled(section, terms, shard) {
      const page = index.pageOf[section];
      const [title, text] = shard.pages[page - index.texts[shardOf(index.texts, page)]][
        section - index.first[page]
      ];
      const t = heading(title, terms), s = snippet(text, terms);
      return {
        title: t.html,
        text: s.html,
        forms: [...new Set([...t.forms, ...s.forms])],
      };
    }

    /* Page texts already here, by shard */
    const texts = new Map();

    function loadedText(page) {
      return texts.get(shardOf(index.texts, page));
    }

    function textOf(page) {
      const shard = shardOf(index.texts, page);
      return fetchPart(`t/${shard}`).then((data) => (texts.set(shard, data), data));
    }

    /* --- Material's result items ------------------------------------------ */

    let serial = 0;

    /* One item for Material's list: a section or a page's article; text
       that is not loaded yet is a placeholder the page script fills */
    function item(query, terms, section, score, holds) {
      const page = index.pageOf[section];
      const shard = loadedText(page);
      const id = `${query}:${section}`;
      /* A page's first section is titled with the page's title */
      const title = index.anchors[section]
        ? `<span data-handbook-title="${id}">…</span>`
        : heading(index.pages.title[page], terms).html;
      const content = shard
        ? filled(section, terms, shard)
        : { title, text: `<span data-handbook-text="${id}">…</span>`, forms: terms.map((t) => t.term) };
      return {
        location: location(section, content.forms),
        title: content.title,
        text: content.text ? `<p>${content.text}</p>` : "",
        score,
        terms: Object.fromEntries(terms.map((t, i) => [t.term, holds[i]])),
      };
    }

    function article(page, terms, score) {
      const section = index.first[page];
      return {
        location: location(section, []),
        title: heading(index.pages.title[page], terms).html,
        text: "",
        score,
        terms: Object.fromEntries(terms.map((t) => [t.term, true])),
      };
    }

    async function search(query) {
      const number = ++serial;
      const started = Date.now();
      const found = await match(query);
      const groups = rank(found);
      const { terms } = found;
      /* The first result's page text, on its way while the list is drawn */
      if (groups.length) textOf(groups[0].page).catch(() => {});
      /* Scores fall with the groups' order; in a group, the best sections are
         shown and the others folded under "more on this page" */
      const items = groups.map((group, g) => {
        const base = groups.length - g;
        const best = Math.max(...group.hits.map((h) => h.score));
        const hits = [...group.hits].sort((a, b) => b.score - a.score || a.section - b.section);
        let entries;
        if (group.tier > 0) {
          entries = hits.map((h) =>
            item(number, terms, h.section, base + (0.5 * h.score) / best, h.holds)
          );
          /* Material shows a page's first section as the page's heading, with
             its text only when it is the best; below a better section it is
             listed as a section (an empty #) under its own heading */
          const opening = hits.findIndex((h) => h.section === index.first[group.page]);
          if (opening !== 0) entries.push(article(group.page, terms, 0));
          if (opening > 0) entries[opening].location = entries[opening].location.replace(/#.*|$/, "#");
        } else {
          /* Across sections: under the page, each term's best sections */
          const shown = new Set();
          terms.forEach((_, t) => {
            const holding = hits.filter((h) => h.holds[t]);
            if (holding.length) shown.add(holding[0].section);
          });
          entries = [article(group.page, terms, base + 0.5)].concat(
            hits.map((h) =>
              item(number, terms, h.section, shown.has(h.section) ? base + 0.5 : base + 0.25, h.holds)
            )
          );
        }
        return entries;
      });
      return {
        items,
        handbook: {
          query: number,
          sections: found.sections.length,
          pages: groups.length,
          across: found.pages.length,
          milliseconds: Date.now() - started,
        },
      };
    }

    /* Titles and snippets of placeholders, page by page as texts arrive,
       the first page's first */
    async function fill(query, sections, text, reply) {
      const found = parse(text);
      const pages = [...new Set(sections.map((s) => index.pageOf[s]))];
      const send = (page, shard) =>
        reply({
          type: "handbook:filled",
          query,
          entries: sections
            .filter((s) => index.pageOf[s] === page)
            .map((s) => [s, filled(s, found, shard)]),
        });
      if (!pages.length) return;
      send(pages[0], await textOf(pages[0]));
      await Promise.all(pages.slice(1).map((p) => textOf(p).then((shard) => send(p, shard))));
    }

    return { ready, match, search, fill, get index() { return index; } };
  }

  /* --- where it runs --------------------------------------------------------- */

  /* Material's messages and the page script's, answered through `reply` */
  function connect(load, reply) {
    const engine = createSearch(load);
    let latest = 0, queries = new Map();
    const failed = (error) => reply({ type: RESULT, data: { items: [], handbook: { error: `${error.message}` } } });
    /* Ready once the manifest is in, whether or not Material's set-up
       message has come: it carries nothing this search reads */
    engine.ready.then(() => reply({ type: READY }), (error) => {
      reply({ type: READY });
      failed(error);
    });
    return (message) => {
      switch (message.type) {
        case SETUP:
          break;
        case QUERY: {
          const mine = ++latest;
          engine.search(message.data).then((data) => {
            queries.set(data.handbook.query, message.data);
            queries.delete(data.handbook.query - 20);
            if (mine === latest) reply({ type: RESULT, data });
          }, failed);
          break;
        }
        case "handbook:fill":
          engine.fill(message.query, message.sections, queries.get(message.query) || "", reply).catch(failed);
          break;
        default:
          throw new TypeError(`search worker: unknown message type ${message.type}`);
      }
    };
  }

  if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope) {
    /* The page fetches the manifest while this script loads, and sends it */
    let handle = null, manifest = null;
    const sent = new Promise((resolve) => (manifest = resolve));
    scope.addEventListener("message", ({ data }) => {
      if (data.type === "handbook:init") {
        const load = (name) =>
          name === "manifest"
            ? sent.then((m) => (m.error ? Promise.reject(new Error(m.error)) : JSON.parse(m.text)))
            : fetch(new URL(`${name}.json`, data.base)).then((r) => {
                if (!r.ok) throw new Error(`search index: ${r.status} ${r.url}`);
                return r.json();
              });
        handle = connect(load, (m) => scope.postMessage(m));
      } else if (data.type === "handbook:manifest") manifest(data);
      else handle(data);
    });
  } else if (typeof module === "object" && module.exports) {
    module.exports = { createSearch, connect, decode };
  } else {
    /* A page opened from disk: the index's parts are scripts that call back */
    const pending = new Map();
    scope.__handbookSearch = (name, data) => {
      const done = pending.get(name);
      if (done) pending.delete(name), done(data);
    };
    scope.handbookSearch = {
      connect(base, reply) {
        const load = (name) =>
          new Promise((resolve, reject) => {
            pending.set(name, resolve);
            const script = document.createElement("script");
            script.src = new URL(`${name}.js`, base).href;
            script.onload = () => script.remove();
            script.onerror = () => reject(new Error(`search index: cannot load ${script.src}`));
            document.head.appendChild(script);
          });
        return connect(load, (m) => setTimeout(() => reply(m)));
      },
    };
  }
})(typeof self !== "undefined" ? self : globalThis);
