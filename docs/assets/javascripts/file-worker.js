/* Search for the offline edition opened from disk. Browsers refuse to start a
   Web Worker from a file:// page, so there the search worker is loaded as an
   ordinary script and answered on the page, asynchronously as a worker
   would. Replaces the iframe-worker shim Material's offline plugin would
   fetch from unpkg.com (see tools/hooks/search.py). */
"use strict";

if (location.protocol === "file:")
  window.Worker = class FileWorker extends EventTarget {
    constructor(url) {
      super();
      this.ready = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`cannot load ${url}`));
        document.head.appendChild(script);
      });
    }

    postMessage(data) {
      this.ready.then(() => {
        this.dispatchEvent(new MessageEvent("message", { data: window.handbookSearch(data) }));
      });
    }

    terminate() {}
  };
