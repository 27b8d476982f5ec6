/* Reading aids, in both editions:
   - a glossary term's definition at a touch: tapping, clicking or hovering a
     term (a.term, titled "term：definition" by the converter) opens a popover
     with the term, its definition and a link to its entry; a tap outside or
     Escape closes it; the page does not move and its address stays;
   - the edition switch keeps the reader's place: the same page (the link is
     already exact), the same section or paragraph and scroll position;
   - names for what Material leaves unnamed: the search dialog and the
     navigation's sub-menus. */
"use strict";

(function () {
  const HANT = /Hant|TW|HK/.test(document.documentElement.lang);
  const WORDS = HANT
    ? { entry: "查看詞條", close: "關閉" }
    : { entry: "查看词条", close: "关闭" };
  const PLACE = "handbook.place"; /* sessionStorage: where the switch left the reader */
  const COLON = "\uff1a";

  /* --- the glossary popover ------------------------------------------------ */

  let popover = null; /* built on first use */
  let opener = null; /* the term link it belongs to */
  let pinned = false; /* opened by a tap, click or key, not by hovering */
  let hoverTimer = 0;

  function build() {
    const box = document.createElement("div");
    box.className = "handbook-term";
    box.id = "handbook-term";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", "handbook-term-name");
    box.hidden = true;
    box.innerHTML =
      '<p class="handbook-term__name" id="handbook-term-name"></p>' +
      '<p class="handbook-term__definition"></p>' +
      '<p class="handbook-term__more"><a></a></p>' +
      '<button type="button" class="handbook-term__close"><span aria-hidden="true">×</span></button>';
    box.querySelector(".handbook-term__more a").textContent = WORDS.entry;
    box.querySelector(".handbook-term__close").setAttribute("aria-label", WORDS.close);
    box.querySelector(".handbook-term__close").addEventListener("click", () => close(true));
    box.addEventListener("pointerenter", () => clearTimeout(hoverTimer));
    box.addEventListener("pointerleave", (event) => {
      if (event.pointerType === "mouse" && !pinned) later(close);
    });
    return box;
  }

  function later(action) {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(action, 250);
  }

  function place(link) {
    /* Below the term's last line, or above its first when the screen has no
       room below; within the screen's width. In the page, so it scrolls with
       the text. */
    const lines = link.getClientRects();
    const first = lines[0], last = lines[lines.length - 1];
    const frame = popover.offsetParent ? popover.offsetParent.getBoundingClientRect() : { left: 0, top: 0 };
    const screen = document.documentElement.clientWidth;
    const margin = 8;
    const width = popover.offsetWidth;
    const left = Math.max(margin, Math.min(last.left, screen - width - margin));
    const room = window.innerHeight - last.bottom;
    const top = room > popover.offsetHeight + 12 || first.top < popover.offsetHeight + 12
      ? last.bottom + 6
      : first.top - popover.offsetHeight - 6;
    popover.style.left = `${left - frame.left}px`;
    popover.style.top = `${top - frame.top}px`;
  }

  function open(link, byHand) {
    popover = popover || build();
    if (opener && opener !== link) opener.setAttribute("aria-expanded", "false");
    const text = link.dataset.definition;
    const at = text.indexOf(COLON);
    popover.querySelector(".handbook-term__name").textContent = text.slice(0, at);
    popover.querySelector(".handbook-term__definition").textContent = text.slice(at + 1);
    popover.querySelector(".handbook-term__more a").setAttribute("href", link.getAttribute("href"));
    /* After the term's paragraph: the keyboard reaches it next, and the
       paragraph's containment (reading.css) does not clip it. */
    const block = link.closest(".md-typeset > *") || link;
    if (block.nextElementSibling !== popover) block.after(popover);
    popover.hidden = false;
    place(link);
    opener = link;
    pinned = pinned || byHand;
    link.setAttribute("aria-expanded", "true");
  }

  function close(restoreFocus) {
    clearTimeout(hoverTimer);
    if (!popover || popover.hidden) return;
    popover.hidden = true;
    pinned = false;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (restoreFocus) opener.focus({ preventScroll: true });
    }
    opener = null;
  }

  /* The converter escapes a term link's title as HTML (as Material's
     tooltips read titles): the text it stands for, parsed in an inert
     document, never as markup of this page. */
  function asText(escaped) {
    return new DOMParser().parseFromString(escaped, "text/html").documentElement.textContent;
  }

  function setUpTerms() {
    for (const link of document.querySelectorAll(".md-typeset a.term[title]")) {
      /* The title becomes the popover's text: no second, native tooltip. */
      link.dataset.definition = asText(link.title);
      link.removeAttribute("title");
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", "handbook-term");
      link.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
        event.preventDefault(); /* the address stays; the entry is one more tap */
        if (opener === link && pinned) return close(false);
        pinned = true;
        open(link, true);
        if (event.detail === 0) popover.querySelector("a").focus({ preventScroll: true }); /* by key */
      });
      link.addEventListener("pointerenter", (event) => {
        if (event.pointerType === "mouse") later(() => open(link, false));
      });
      link.addEventListener("pointerleave", (event) => {
        if (event.pointerType === "mouse" && !pinned) later(close);
      });
    }
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && popover && !popover.hidden) close(true);
    });
    document.addEventListener("pointerdown", (event) => {
      if (!popover || popover.hidden) return;
      if (popover.contains(event.target) || (opener && opener.contains(event.target))) return;
      close(false);
    });
    window.addEventListener("resize", () => opener && !popover.hidden && place(opener));
  }

  /* --- the edition switch keeps the place ---------------------------------- */

  function headerBottom() {
    const header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  /* The paragraph or heading at the top of the screen, and how far its top
     is from the header: the same anchors exist in both editions. */
  function here() {
    if (window.scrollY < 1) return null;
    const top = headerBottom();
    const marked = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (marked) {
      /* the section the address names, while it is near the top */
      const rect = marked.getBoundingClientRect();
      if (rect.bottom > top && rect.top < window.innerHeight / 2) {
        return { id: marked.id, offset: rect.top - top };
      }
    }
    for (const element of document.querySelectorAll("article.md-content__inner [id]")) {
      if (!/^(P|H[1-6])$/.test(element.tagName)) continue;
      const rect = element.getBoundingClientRect();
      if (rect.bottom <= top) continue;
      /* still at the page's title: the other edition opens at its top */
      if (element.tagName === "H1") return null;
      return { id: element.id, offset: rect.top - top };
    }
    return null;
  }

  function setUpSwitch() {
    document.addEventListener("click", (event) => {
      const link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      if (link.getAttribute("aria-current") === "true") return;
      const spot = here();
      const target = new URL(link.href, location.href);
      target.hash = spot ? spot.id : location.hash;
      try {
        if (spot) sessionStorage.setItem(PLACE, JSON.stringify({ path: target.pathname, ...spot }));
      } catch {
        /* storage blocked: the anchor alone brings the reader close */
      }
      location.href = target.href;
    });
    let spot = null;
    try {
      spot = JSON.parse(sessionStorage.getItem(PLACE) || "null");
      sessionStorage.removeItem(PLACE);
    } catch {
      return;
    }
    if (!spot || spot.path !== location.pathname || location.hash !== `#${spot.id}`) return;
    const restore = () => {
      const element = document.getElementById(spot.id);
      if (!element) return;
      const shift = element.getBoundingClientRect().top - headerBottom() - spot.offset;
      window.scrollTo(0, window.scrollY + shift);
    };
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", () => requestAnimationFrame(restore), { once: true });
  }

  /* --- names Material leaves out --------------------------------------------- */

  function nameLandmarks() {
    const search = document.querySelector(".md-search[role=dialog]");
    const query = document.querySelector(".md-search__input");
    if (search && query && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", query.getAttribute("aria-label") || query.placeholder);
    }
    /* A sub-menu is labelled by its toggle, an icon without text: two of them
       would be navigation landmarks with the same empty name. It is named
       after its title instead. */
    for (const nav of document.querySelectorAll("nav.md-nav[aria-labelledby]")) {
      const toggle = document.getElementById(nav.getAttribute("aria-labelledby"));
      const title = nav.querySelector(":scope > .md-nav__title");
      if (toggle && title && !toggle.textContent.trim()) {
        nav.removeAttribute("aria-labelledby");
        nav.setAttribute("aria-label", title.textContent.trim());
      }
    }
  }

  function start() {
    nameLandmarks();
    setUpTerms();
    setUpSwitch();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
