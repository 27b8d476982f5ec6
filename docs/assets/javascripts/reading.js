/* The reader's text size: one header button steps through four sizes; the
   choice is kept in localStorage, in both editions. An inline script in
   <head> (tools/theme/main.html) applies it before the first paint; this
   file is deferred. */
"use strict";

(function () {
  const KEY = "handbook.textScale";
  const SCALES = [1, 1.15, 1.3, 1.5];
  const NAMES = { zh: ["标准", "大", "较大", "特大"], hant: ["標準", "大", "較大", "特大"] };
  /* Material Design Icons "format-size" */
  const ICON =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M2 4v3h5v12h3V7h5V4H2m19 5h-9v3h3v7h3v-7h3V9Z"/></svg>';

  function stored() {
    try {
      const value = Number(localStorage.getItem(KEY));
      return SCALES.includes(value) ? value : 1;
    } catch {
      return 1; /* storage blocked: the default size */
    }
  }

  function apply(scale) {
    document.documentElement.style.setProperty("--handbook-text-scale", String(scale));
  }

  function label(button, scale) {
    const lang = document.documentElement.lang;
    const names = /Hant|TW|HK/.test(lang) ? NAMES.hant : NAMES.zh;
    const text = (/Hant|TW|HK/.test(lang) ? "字號：" : "字号：") + names[SCALES.indexOf(scale)];
    button.title = text;
    button.setAttribute("aria-label", text);
  }

  function start() {
    const header = document.querySelector(".md-header__inner");
    if (!header) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon handbook-text-size";
    button.innerHTML = ICON;
    label(button, stored());
    button.addEventListener("click", () => {
      const scale = SCALES[(SCALES.indexOf(stored()) + 1) % SCALES.length];
      try {
        localStorage.setItem(KEY, String(scale));
      } catch {
        /* storage blocked: the size holds for this page only */
      }
      apply(scale);
      label(button, scale);
    });
    const palette = header.querySelector("[data-md-component=palette]");
    header.insertBefore(button, palette || header.querySelector(".md-search"));
  }

  apply(stored());
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
