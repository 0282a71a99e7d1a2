// policypress: the copy of the site on this device (the service worker, sw.js), as a choice.
//
// A first visit registers nothing and downloads nothing more than its page. The copy is made:
// - when the reader asks: the box ".pp-offline[data-pp-offline=offer]" on the calculator and
//   self-check pages, "保存到本机，离线也能用 (about N MB)", with progress and a done/failed message;
// - by itself in booth mode (policypress-modes.js sets <html data-pp-booth="on">) and on the staff
//   pages (data-pp-offline="auto"), once the page is idle (on a calculator page once it is ready).
// The choice is recorded in the cache "policypress-choice", which the service worker reads: a
// registration from before the choice existed keeps the pages only, until the reader asks.
// Once saved, each visit asks the browser to check for a new build (it downloads it in the
// background and keeps the old copy until then).
(function () {
  "use strict";
  var MESSAGE = "policypress-offline";
  var CHOICE = "policypress-choice";
  if (!("serviceWorker" in navigator) || !window.isSecureContext || !("caches" in window)) return;
  var runtime = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="policypress-runtime"]'));
  if (!runtime) return;
  var container = navigator.serviceWorker;
  var root = new URL("../", new URL(runtime.content, document.baseURI));
  var script = new URL("sw.js", root).href;
  var choiceKey = new URL("__policypress-offline-choice", root).href;
  var box = /** @type {HTMLElement | null} */ (document.querySelector(".pp-offline"));
  var booth = document.documentElement.dataset.ppBooth === "on";
  // A staff page saves by itself, but not over a connection the reader pays by the megabyte (a
  // phone on mobile data, or "save data" asked for): there the button is offered instead.
  var connection = /** @type {{ saveData?: boolean, type?: string } | undefined} */ (/** @type {any} */ (navigator).connection);
  var metered = !!connection && (connection.saveData === true || connection.type === "cellular");
  var auto = booth || (!!box && box.dataset.ppOffline === "auto" && !metered);
  var button = box ? /** @type {HTMLButtonElement | null} */ (box.querySelector(".pp-offline-save")) : null;
  var action = box ? /** @type {HTMLElement | null} */ (box.querySelector(".pp-offline-action")) : null; // the button's line
  var bar = box ? /** @type {HTMLProgressElement | null} */ (box.querySelector(".pp-offline-progress")) : null;
  var status = box ? /** @type {HTMLElement | null} */ (box.querySelector(".pp-offline-status")) : null;
  /** @type {"idle" | "saving" | "done" | "failed"} */
  var state = "idle";

  /** The box's words (data-pp-saving…), with {done} and {total} filled in. @param {string} key @param {Record<string, string>} [values] */
  function say(key, values) {
    var text = (box && box.dataset[key]) || "";
    return text.replace(/\{(\w+)\}/g, function (/** @type {string} */ whole, /** @type {string} */ name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }
  /** @param {number} bytes */
  function megabytes(bytes) {
    return (bytes / 1e6).toFixed(1) + " MB";
  }
  /** @param {string} text */
  function show(text) {
    if (status) status.textContent = text;
  }

  function saving() {
    state = "saving";
    if (box) box.dataset.ppOfflineState = "saving";
    if (button) button.disabled = true;
    if (action) action.hidden = true;
    if (bar) {
      bar.hidden = false;
      bar.removeAttribute("value"); // indeterminate until the first figures arrive
    }
    show(say("ppSaving", { done: "…", total: "…" }));
  }
  /** @param {number} done @param {number} total */
  function progress(done, total) {
    if (state !== "saving") saving();
    if (bar && total > 0) {
      bar.max = total;
      bar.value = done;
    }
    show(say("ppSaving", { done: megabytes(done), total: megabytes(total) }));
  }
  function done() {
    if (state === "done") return;
    state = "done";
    if (box) box.dataset.ppOfflineState = "done";
    if (action) action.hidden = true;
    if (bar) bar.hidden = true;
    show(say("ppDone"));
  }
  function failed() {
    if (state !== "saving") return;
    state = "failed";
    if (box) box.dataset.ppOfflineState = "failed";
    if (button) button.disabled = false;
    if (action) action.hidden = false;
    if (bar) bar.hidden = true;
    show(say("ppFailed"));
  }
  function saved() {
    state = "done";
    if (box) box.dataset.ppOfflineState = "saved";
    if (action) action.hidden = true;
    show(say("ppSaved"));
  }

  container.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== MESSAGE) return;
    if (data.state === "progress") progress(data.done, data.total);
    else if (data.state === "done") done();
    else if (data.state === "failed") failed();
  });
  container.startMessages();

  function chosen() {
    return caches.open(CHOICE)
      .then(function (cache) { return cache.match(choiceKey); })
      .then(function (found) { return !!found; }, function () { return false; });
  }
  function getRegistration() {
    return container.getRegistration(root.href).catch(function () { return undefined; });
  }
  /** Checks for a new build (the browser fetches sw.js again; a new one downloads in the background). */
  function update() {
    container.register(script, { scope: root.href }).catch(function () {});
  }

  /** Makes the copy: records the choice, then registers the service worker (its install downloads
   * everything) or, when one is already there, asks it for what it lacks. */
  function save() {
    if (state === "saving") return;
    saving();
    caches.open(CHOICE)
      .then(function (cache) { return cache.put(choiceKey, new Response("1")); })
      .then(getRegistration)
      .then(function (registration) {
        if (registration && registration.active && !registration.installing && !registration.waiting) {
          registration.active.postMessage({ type: MESSAGE, save: true });
          return;
        }
        return container.register(script, { scope: root.href }).then(function (fresh) {
          var worker = fresh.installing || fresh.waiting;
          if (!worker) {
            if (fresh.active) fresh.active.postMessage({ type: MESSAGE, save: true });
            return;
          }
          var installing = worker;
          installing.addEventListener("statechange", function () {
            if (installing.state === "redundant") failed();
            else if (installing.state === "activated") done();
          });
        });
      })
      .catch(failed);
  }

  /** Later, when it cannot slow the reader down: once idle, and on a calculator page once the
   * calculator is ready (or after a while if nobody uses it). @param {() => void} action */
  function whenQuiet(action) {
    var ran = false;
    function once() {
      if (ran) return;
      ran = true;
      action();
    }
    function idle() {
      if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(once, { timeout: 5000 });
      else window.setTimeout(once, 2000);
    }
    function start() {
      var calculator = document.querySelector(".pp-calculator");
      if (!calculator || !window.policypress) return idle();
      window.policypress.onStage(function (/** @type {string} */ stage) {
        if (stage === "ready" || stage === "failed") idle();
      });
      window.setTimeout(idle, 30000);
    }
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start);
  }

  Promise.all([getRegistration(), chosen()]).then(function (found) {
    var registration = found[0];
    var choice = found[1];
    if (registration) whenQuiet(update); // an old registration too: it keeps working as it did
    if (registration && registration.active && choice) {
      saved();
      if (box) box.hidden = false;
      return;
    }
    if (auto) {
      if (box) box.hidden = false;
      if (action) action.hidden = true;
      whenQuiet(save);
      return;
    }
    if (!box || !button) return;
    button.addEventListener("click", save);
    box.hidden = false;
  });
})();
