// policypress: search loads when the reader opens it, not with every page.
//
// Material's script asks for the search index (search/search_index.json, by XMLHttpRequest) and
// starts its search worker (the "search" address of its config) as soon as the page is ready, on
// every page: the index alone is most of what a page costs. This script (loaded just before
// Material's, theme/main.html, since Material asks for both as it starts) holds both back until the reader opens
// search: the search field gets the focus (a click or tap, Material's f, s and / keys, a ?q= link)
// or the search button is pressed. Then the index request is sent and the worker starts, in
// parallel; Material shows "initialising search" meanwhile, as it did while the index loaded.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/assets\/policypress-search-worker\.js$/;
  var opened = false;
  /** @type {Array<() => void>} */
  var waiting = [];

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  /** @param {() => void} run */
  function whenOpen(run) {
    if (opened) run();
    else waiting.push(run);
  }
  /** @param {string | URL} url */
  function path(url) {
    try { return new URL(String(url), document.baseURI).pathname; } catch (error) { return ""; }
  }

  // --- the index: the request is opened as Material does, and sent once search is open ---------
  var held = new WeakSet();
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  /** @this {XMLHttpRequest} @param {string} method @param {string | URL} url */
  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(path(url))) held.add(this);
    else held.delete(this);
    return xhrOpen.apply(this, /** @type {any} */ (arguments));
  };
  /** @this {XMLHttpRequest} @param {Document | XMLHttpRequestBodyInit | null} [body] */
  XMLHttpRequest.prototype.send = function (body) {
    var request = this;
    if (!held.has(request) || opened) return xhrSend.call(request, body);
    whenOpen(function () {
      try { xhrSend.call(request, body); } catch (error) { /* aborted before search was opened */ }
    });
  };

  // --- the worker: a stand-in that starts the real one when search opens (or a message comes) ---
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function") {
    class LazyWorker extends EventTarget {
      /** @param {string | URL} url @param {WorkerOptions} [options] */
      constructor(url, options) {
        super();
        this.url = url;
        this.options = options;
        /** @type {Worker | null} */
        this.worker = null;
        /** @type {((event: MessageEvent) => void) | null} */
        this.onmessage = null;
        /** @type {((event: Event) => void) | null} */
        this.onerror = null;
        var self = this;
        whenOpen(function () { self.start(); });
      }
      start() {
        if (this.worker) return this.worker;
        var self = this;
        var worker = new RealWorker(this.url, this.options);
        worker.addEventListener("message", function (event) {
          var copy = new MessageEvent("message", { data: event.data });
          self.dispatchEvent(copy);
          if (self.onmessage) self.onmessage(copy);
        });
        worker.addEventListener("error", function () {
          var copy = new Event("error");
          self.dispatchEvent(copy);
          if (self.onerror) self.onerror(copy);
        });
        this.worker = worker;
        return worker;
      }
      /** @param {any} message @param {any} [transfer] */
      postMessage(message, transfer) {
        this.start().postMessage(message, transfer);
      }
      terminate() {
        if (this.worker) this.worker.terminate();
      }
    }
    /** @param {string | URL} url @param {WorkerOptions} [options] */
    var Lazy = function (url, options) {
      return WORKER.test(path(url)) ? new LazyWorker(url, options) : new RealWorker(url, options);
    };
    Lazy.prototype = RealWorker.prototype;
    window.Worker = /** @type {any} */ (Lazy);
  }

  // --- what opens search --------------------------------------------------------------------
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof Element && target.matches('[data-md-component="search-query"]')) open();
  }, true);
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.id === "__search" && target.checked) open();
  }, true);
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest('label[for="__search"]')) open();
  }, true);
  if (/[?&]q=/.test(location.search)) open();
})();
