/* Runs the search worker's own code under Node over a built edition's index,
   for tests/test_search.py: one JSON request per input line, one answer per
   output line. A request {"match": query} answers which sections and pages
   hold every term; {"search": query} Material's result items as the worker
   sends them, with their titles and snippets filled. */
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { createSearch } = require(process.argv[2]);
const base = process.argv[3];
const load = async (name) => JSON.parse(fs.readFileSync(path.join(base, `${name}.json`), "utf8"));
const engine = createSearch(load);

async function answer(request) {
  const index = await engine.ready;
  const where = (s) => index.pages.url[index.pageOf[s]] + (index.anchors[s] ? `#${index.anchors[s]}` : "");
  if ("match" in request) {
    const found = await engine.match(request.match);
    return {
      sections: found.sections.map(where),
      pages: found.pages.map((p) => index.pages.url[p]),
    };
  }
  const result = await engine.search(request.search);
  const filled = new Map();
  const wanted = result.items.flat().flatMap((item) =>
    [...`${item.title}${item.text}`.matchAll(/data-handbook-(?:title|text)="\d+:(\d+)"/g)].map((m) => +m[1])
  );
  await engine.fill(result.handbook.query, [...new Set(wanted)], request.search, (m) => {
    for (const [s, entry] of m.entries) filled.set(s, entry);
  });
  const fillIn = (html) =>
    html.replace(/<span data-handbook-(title|text)="\d+:(\d+)">[^<]*<\/span>/g, (_, part, s) => filled.get(+s)[part]);
  return {
    handbook: result.handbook,
    items: result.items.map((group) =>
      group.map((item) => ({ ...item, title: fillIn(item.title), text: fillIn(item.text) }))
    ),
  };
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  queue = queue.then(async () => {
    let out;
    try {
      out = await answer(JSON.parse(line));
    } catch (error) {
      out = { error: `${error.stack}` };
    }
    process.stdout.write(JSON.stringify(out) + "\n");
  });
});
