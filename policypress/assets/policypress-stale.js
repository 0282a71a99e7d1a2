// A static page can be read long after it was built: when the reader's today is past the day its
// words on standing stop being true (meta policypress-stale, from pages.py stale_notice), say so at
// the top of the page, in the page's language (the words come with the page).
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="policypress-stale"]');
  if (!meta) return;
  var after = meta.getAttribute("content") || "";
  var text = meta.getAttribute("data-text") || "";
  var now = new Date();
  var pad = function (/** @type {number} */ n) { return (n < 10 ? "0" : "") + n; };
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  if (!after || !text || today <= after) return;

  function show() {
    var article = document.querySelector(".md-content__inner");
    if (!article || article.querySelector(".pp-stale")) return;
    var box = document.createElement("div");
    box.className = "admonition warning pp-stale";
    box.setAttribute("role", "note");
    var paragraph = document.createElement("p");
    paragraph.textContent = text;
    box.appendChild(paragraph);
    var heading = article.querySelector("h1");
    if (heading && heading.parentNode === article) article.insertBefore(box, heading.nextSibling);
    else article.insertBefore(box, article.firstChild);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
