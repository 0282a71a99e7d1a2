// policypress: search that answers however the text arrives. Material's search reads the query
// on keyup (and on focus) only, so text that comes without key events — a phone IME commit,
// voice input, paste, autocomplete — left the box on "键入以开始搜索". On `input` (when not
// composing) and on `compositionend` this tells Material the query changed the way it listens:
// a keyup on the query element. Material ignores a value it has already searched for, so an
// extra keyup (a real key press after an input event) costs nothing. When nothing matches,
// Material itself then shows search.result.none (没有找到 / No matching documents).
(function () {
  "use strict";
  var QUERY = "[data-md-component=search-query]";

  /** @param {Event} event */
  function isQuery(event) {
    return event.target instanceof HTMLInputElement && event.target.matches(QUERY);
  }

  /** @param {HTMLInputElement} input */
  function announce(input) {
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, cancelable: true, key: "Unidentified" }));
  }

  document.addEventListener("input", function (event) {
    if (!isQuery(event)) return;
    if (event instanceof InputEvent && event.isComposing) return;  // compositionend will follow
    announce(/** @type {HTMLInputElement} */ (event.target));
  }, true);

  document.addEventListener("compositionend", function (event) {
    if (!isQuery(event)) return;
    var input = /** @type {HTMLInputElement} */ (event.target);
    // The committed text is in the box only after compositionend in some browsers: read it then.
    announce(input);
    window.setTimeout(function () { announce(input); }, 0);
  }, true);
})();
