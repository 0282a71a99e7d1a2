// policypress: register the service worker (site root) that keeps the site for offline use.
// It downloads the site in the background, so it waits until it cannot slow the reader down:
// after the page has loaded and is idle, and on a calculator page after the calculator is ready.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var runtime = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="policypress-runtime"]'));
  if (!runtime) return;
  var root = new URL("../", new URL(runtime.content, document.baseURI));
  var registered = false;
  function register() {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).catch(function () {});
  }
  function whenIdle() {
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(register, { timeout: 5000 });
    else window.setTimeout(register, 2000);
  }
  window.addEventListener("load", function () {
    if (navigator.serviceWorker.controller) return register();  // already kept: just check for a new build
    var calculator = document.querySelector(".pp-calculator");
    if (!calculator || !window.policypress) return whenIdle();
    window.policypress.onStage(function (/** @type {string} */ stage) {
      if (stage === "ready" || stage === "failed") whenIdle();
    });
    // A calculator nobody uses: keep the site anyway after a while.
    window.setTimeout(whenIdle, 30000);
  });
})();
