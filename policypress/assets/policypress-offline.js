// policypress: register the service worker (site root) once the page has loaded and is idle,
// so keeping the site for offline use never delays what the reader came for.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var runtime = document.querySelector('meta[name="policypress-runtime"]');
  if (!runtime) return;
  var root = new URL("../", new URL(runtime.content, document.baseURI));
  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).catch(function () {});
  }
  window.addEventListener("load", function () {
    if ("requestIdleCallback" in window) window.requestIdleCallback(register, { timeout: 5000 });
    else window.setTimeout(register, 2000);
  });
})();
