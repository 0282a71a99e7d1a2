// policypress: the reader's modes, set before the page is drawn (this script runs in <head>).
//
// Elder mode (长辈模式): larger text, more contrast and spacing, bigger targets, results read
// aloud where the browser has a voice. Remembered on this device (localStorage).
// Booth mode (展台模式): for a shared laptop or tablet at a Publicity Week booth. Large type, a
// "new resident" button, and after a few idle minutes everything a resident typed is cleared:
// saved answers and drafts, this tab's session storage, and the answers in the address. Nothing
// personal is stored while it is on (the card and report pages ask window.policypressModes).
// Both can be switched from the bar at the top of every page or with ?elder=1 / ?booth=1 (0: off).
(function () {
  "use strict";

  var ELDER = "policypress-elder";
  var BOOTH = "policypress-booth";
  var TOKEN = "policypress-booth-token"; // changes at every reset: older history entries are stale
  var CLEARED = "policypress-booth-cleared"; // sessionStorage: say "cleared" once after a reset
  var MODE_KEYS = [ELDER, BOOTH, TOKEN];
  var root = document.documentElement;

  function store() {
    try { return window.localStorage; } catch (error) { return null; }
  }
  /** @param {string} key */
  function read(key) {
    var s = store();
    try { return s ? s.getItem(key) : null; } catch (error) { return null; }
  }
  /** @param {string} key @param {string | null} value */
  function write(key, value) {
    var s = store();
    try { if (s) { if (value === null) s.removeItem(key); else s.setItem(key, value); } } catch (error) { /* private mode */ }
  }

  // --- staff work kept on this device (policypress-card.js, policypress-report.js) ---------------
  // Cards are kept as CARD_PREFIX + id ({id, updated, values}), the statistics table's draft as
  // REPORT_PREFIX + document ({county, month, rows: [{unit, columns}]}). Booth mode clears them at
  // every reset, so switching it on asks first: print, export, discard or cancel.
  var CARD_PREFIX = "policypress.card.";
  var REPORT_PREFIX = "policypress-report:";
  var STAFF_PAGES = "policypress-staff-pages"; // where the card and report pages are, from the home page
  var ASK = "policypress-booth-ask"; // sessionStorage: the question goes on on the page that holds the work

  /** @param {string | null} text */
  function parsed(text) {
    try { return JSON.parse(text || "null"); } catch (error) { return null; }
  }
  /** @param {any} draft */
  function reportHasContent(draft) {
    if (!draft || typeof draft !== "object") return false;
    if (draft.county || draft.month) return true;
    return Array.isArray(draft.rows) && draft.rows.some(function (/** @type {any} */ row) {
      return row && (row.unit || (Array.isArray(row.columns) && row.columns.some(function (/** @type {any} */ v) { return v !== "" && v !== null && v !== undefined; })));
    });
  }
  function unsavedWork() {
    var s = store();
    var work = { cards: 0, reports: 0, total: 0 };
    if (!s) return work;
    try {
      for (var i = 0; i < s.length; i += 1) {
        var key = s.key(i) || "";
        if (key.indexOf(CARD_PREFIX) === 0) {
          var card = parsed(s.getItem(key));
          if (card && card.values) work.cards += 1;
        } else if (key.indexOf(REPORT_PREFIX) === 0 && reportHasContent(parsed(s.getItem(key)))) work.reports += 1;
      }
    } catch (error) { /* storage switched off: nothing kept either */ }
    work.total = work.cards + work.reports;
    return work;
  }

  // ?elder=1 / ?booth=0 in the address: set the mode, then drop the flag from the address.
  var params = new URLSearchParams(location.search);
  var flagged = false;
  var askFirst = false; // ?booth=1 with staff work on the device: asked once the page is there
  [["elder", ELDER], ["booth", BOOTH]].forEach(function (pair) {
    if (!params.has(pair[0])) return;
    var on = /^(1|on|true)$/i.test(params.get(pair[0]) || "");
    if (pair[1] === BOOTH && on && read(BOOTH) !== "on" && unsavedWork().total) askFirst = true;
    else write(pair[1], on ? "on" : null);
    params.delete(pair[0]);
    flagged = true;
  });
  if (flagged) {
    var rest = params.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  }

  var modes = {
    elder: read(ELDER) === "on",
    booth: read(BOOTH) === "on",
  };
  if (modes.elder) root.dataset.ppElder = "on";
  if (modes.booth) root.dataset.ppBooth = "on";

  // --- booth: history entries from before the last reset show nothing ---------------------------

  function token() {
    var value = read(TOKEN);
    if (!value) {
      value = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      write(TOKEN, value);
    }
    return value;
  }

  function hasAnswers() {
    return /answers=/.test(location.hash);
  }

  // Each history entry is stamped with the booth token it was made under; after a reset the
  // token changes, so going Back (or reloading) to a previous resident's answers lands on a clean
  // page instead. An entry without a stamp is a new visit — a link or a resident's own QR code —
  // and shows what it carries.
  function stale() {
    var state = history.state;
    return hasAnswers() && !!(state && state.ppBooth) && state.ppBooth !== token();
  }
  function stamp() {
    var state = history.state && typeof history.state === "object" ? history.state : {};
    if (state.ppBooth === token()) return;
    history.replaceState(Object.assign({}, state, { ppBooth: token() }), "", location.href);
  }

  /** @type {string | null} */
  var pageToken = null;

  if (modes.booth) {
    if (stale()) history.replaceState(null, "", location.pathname + location.search);
    stamp();
    pageToken = read(TOKEN);
    // Registered before the page's own scripts: a stale entry never reaches them.
    window.addEventListener("hashchange", function (event) {
      if (stale()) {
        event.stopImmediatePropagation();
        location.replace(location.pathname + location.search);
        return;
      }
      stamp();
    });
    // A page kept in the back/forward cache from before a reset is drawn again, not kept.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && read(TOKEN) !== pageToken) location.reload();
    });
  }

  function clearPersonal() {
    var s = store();
    if (s) {
      var kept = s;
      var keys = [];
      for (var i = 0; i < kept.length; i += 1) keys.push(kept.key(i));
      keys.forEach(function (key) {
        if (key && key.indexOf("policypress") === 0 && MODE_KEYS.indexOf(key) < 0) kept.removeItem(key);
      });
    }
    try { window.sessionStorage.clear(); } catch (error) { /* nothing kept */ }
    write(TOKEN, null);
    token();
    document.querySelectorAll("form").forEach(function (form) { form.reset(); });
  }

  function home() {
    var base = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="policypress-base"]'));
    return base ? new URL(base.content, document.baseURI).href : "/";
  }

  function newResident() {
    clearPersonal();
    try { window.sessionStorage.setItem(CLEARED, "1"); } catch (error) { /* no message then */ }
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    location.replace(home());
  }

  // --- speech: results read aloud ---------------------------------------------------------------

  var lang = (root.lang || "zh").indexOf("en") === 0 ? "en" : "zh";
  function voice() {
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance !== "function") return null;
    var voices = window.speechSynthesis.getVoices() || [];
    return voices.filter(function (v) { return (v.lang || "").toLowerCase().indexOf(lang) === 0; })[0] || null;
  }

  // What is read: the result's text without buttons, print-only parts and folded details.
  /** @param {Element} element */
  function spokenText(element) {
    var copy = /** @type {Element} */ (element.cloneNode(true));
    copy.querySelectorAll("button, details, .pp-print, .pp-print-only, .pp-speak, script, [hidden]").forEach(function (node) { node.remove(); });
    return (copy.textContent || "").replace(/\s+/g, " ").trim();
  }

  /** @param {Element} element @returns {boolean} whether it is being read */
  function speak(element) {
    var chosen = voice();
    if (!chosen) return false;
    var utterance = new SpeechSynthesisUtterance(spokenText(element));
    utterance.voice = chosen;
    utterance.lang = chosen.lang;
    utterance.rate = modes.elder ? 0.85 : 1;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    return true;
  }

  /** @type {Record<string, string>} */
  var words = {};
  /** @param {string} key */
  function say(key) { return (Object.prototype.hasOwnProperty.call(words, key) && words[key]) || key; }

  // The page scripts announce a new result with a "pp:result" event on its container.
  document.addEventListener("pp:result", function (event) {
    if (!(event.target instanceof Element) || !voice()) return;
    var container = event.target;
    var old = container.querySelector(":scope > .pp-speak");
    if (old) old.remove();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button pp-speak";
    button.textContent = say("read_aloud");
    button.addEventListener("click", function () { speak(container); });
    container.insertBefore(button, container.firstChild);
    // Read at once in elder mode when the reader asked for it; a result shown on opening a page
    // (answers in the address) is only offered: reading out unasked would startle.
    var detail = event instanceof CustomEvent ? event.detail : null;
    var restored = detail && detail.restored;
    if (modes.elder && !restored) speak(container);
  });

  // --- the bar at the top of every page -----------------------------------------------------------

  /** @type {number | undefined} */
  var idleTimer;
  /** @type {number | undefined} */
  var warnTimer;

  function idleMinutes() {
    var meta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="policypress-booth-idle"]'));
    var minutes = meta ? parseFloat(meta.content) : 3;
    return minutes > 0 ? minutes : 3;
  }

  /** @param {Element} bar */
  function watchIdle(bar) {
    var warning = /** @type {HTMLElement | null} */ (bar.querySelector(".pp-booth-warning"));
    var total = idleMinutes() * 60000;
    var notice = Math.min(30000, total / 4);
    function restart() {
      window.clearTimeout(idleTimer);
      window.clearTimeout(warnTimer);
      if (warning) warning.hidden = true;
      warnTimer = window.setTimeout(function () { if (warning) warning.hidden = false; }, total - notice);
      idleTimer = window.setTimeout(newResident, total);
    }
    ["pointerdown", "keydown", "touchstart", "wheel", "input", "scroll"].forEach(function (type) {
      window.addEventListener(type, restart, { passive: true, capture: true });
    });
    restart();
  }

  function setup() {
    var bar = /** @type {HTMLElement | null} */ (document.querySelector(".pp-modes"));
    var stringsNode = document.getElementById("pp-mode-strings");
    try { if (stringsNode) words = JSON.parse(stringsNode.textContent || "{}"); } catch (error) { words = {}; }
    if (!bar) return;
    bar.hidden = false;
    bar.querySelectorAll("[data-pp-mode]").forEach(function (button) {
      var name = button.getAttribute("data-pp-mode");
      var on = name === "elder" ? modes.elder : name === "booth" ? modes.booth : false;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.addEventListener("click", function () {
        if (name === "booth" && !modes.booth && unsavedWork().total) { askBeforeBooth(); return; }
        if (name === "booth" && modes.booth) clearPersonal(); // leaving booth mode leaves nothing behind
        write(name === "elder" ? ELDER : BOOTH, on ? null : "on");
        location.reload();
      });
    });
    var next = /** @type {HTMLElement | null} */ (bar.querySelector(".pp-new-resident"));
    if (next) {
      next.hidden = !modes.booth;
      next.addEventListener("click", newResident);
    }
    var cleared = false;
    try { cleared = window.sessionStorage.getItem(CLEARED) === "1"; window.sessionStorage.removeItem(CLEARED); } catch (error) { /* none */ }
    var message = /** @type {HTMLElement | null} */ (bar.querySelector(".pp-booth-cleared"));
    if (message && cleared && modes.booth) message.hidden = false;
    if (modes.booth) watchIdle(bar);
    rememberStaffPage();
    var asked = false;
    try { asked = window.sessionStorage.getItem(ASK) === "1"; window.sessionStorage.removeItem(ASK); } catch (error) { /* none */ }
    if ((askFirst || asked) && !modes.booth && unsavedWork().total) askBeforeBooth();
  }

  // --- switching booth mode on with staff work on the device: print, export, discard or cancel ---

  /** Which staff page this is ("card", "report" or ""). */
  function staffPage() {
    if (document.querySelector(".pp-card [data-card-action]")) return "card";
    if (document.querySelector(".pp-report")) return "report";
    return "";
  }
  function homePath() { return new URL(home(), location.href).pathname; }
  /** @returns {Record<string, string>} */
  function staffPages() {
    var pages = parsed(read(STAFF_PAGES));
    return pages && typeof pages === "object" ? pages : {};
  }
  // The card and report pages note where they are (relative to the home page, so the same in
  // either language): from any page, "print" and "export" can open the page that holds the work.
  function rememberStaffPage() {
    var kind = staffPage();
    var base = homePath();
    if (!kind || modes.booth || location.pathname.indexOf(base) !== 0) return;
    var pages = staffPages();
    var here = location.pathname.slice(base.length);
    if (pages[kind] === here) return;
    pages[kind] = here;
    write(STAFF_PAGES, JSON.stringify(pages));
  }

  /** @param {string} key @param {Record<string, string | number>} values */
  function fill(key, values) {
    return Object.keys(values).reduce(function (text, name) { return text.split("{" + name + "}").join(String(values[name])); }, key);
  }

  /** @type {HTMLDialogElement | null} */
  var dialog = null;

  function askBeforeBooth() {
    var work = unsavedWork();
    var here = staffPage();
    // What print and export act on: this page's work, else the page that holds some.
    var target = here === "card" && work.cards ? "card" : here === "report" && work.reports ? "report" : "";
    var pages = staffPages();
    var away = target ? "" : work.cards && pages.card ? "card" : work.reports && pages.report ? "report" : "";
    if (dialog) dialog.remove();
    var box = document.createElement("dialog");
    dialog = box;
    box.className = "pp-booth-ask md-typeset"; // Material's type and buttons
    box.style.maxWidth = "36rem"; // (set through the CSSOM: the CSP forbids style attributes, not this)
    box.style.padding = "0.4rem 1.4rem 0.8rem";
    box.style.border = "3px solid #1a237e";
    box.style.borderRadius = "0.3rem";
    box.setAttribute("aria-labelledby", "pp-booth-ask-title");
    /** @param {string} tag @param {string} text @param {string} [className] */
    function add(tag, text, className) {
      var node = document.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      box.appendChild(node);
      return node;
    }
    add("h2", say("booth_ask_title")).id = "pp-booth-ask-title";
    var what = [];
    if (work.cards) what.push(fill(say("booth_ask_cards"), { n: work.cards }));
    if (work.reports) what.push(fill(say("booth_ask_reports"), { n: work.reports }));
    add("p", fill(say("booth_ask_text"), { what: what.join(lang === "zh" ? "、" : ", ") }));
    if (target === "card") add("p", say("booth_ask_here_card"));
    else if (target === "report") add("p", say("booth_ask_here_report"));
    else if (away) add("p", say("booth_ask_elsewhere"));
    var actions = document.createElement("p");
    actions.className = "pp-booth-ask__actions";
    box.appendChild(actions);
    /** @param {string} text @param {string} action @param {() => void} run */
    function button(text, action, run) {
      var node = document.createElement("button");
      node.type = "button";
      node.className = "md-button" + (action === "cancel" ? " md-button--primary" : "");
      node.setAttribute("data-pp-booth-ask", action);
      node.textContent = text;
      node.addEventListener("click", run);
      actions.appendChild(node);
      actions.appendChild(document.createTextNode(" "));
      return node;
    }
    /** @param {string} action */
    function act(action) {
      if (!target) { // open the page that holds the work, and ask again there
        try { window.sessionStorage.setItem(ASK, "1"); } catch (error) { /* asked again on switching */ }
        location.assign(new URL(pages[away], home()).href);
        return;
      }
      var selector = target === "card"
        ? (action === "print" ? '[data-card-action="print"]' : '[data-card-action="export-json"]')
        : (action === "print" ? ".pp-report-print" : ".pp-report-csv");
      var control = /** @type {HTMLElement | null} */ (document.querySelector(selector));
      if (!control) return;
      if (action === "print") { // the dialog is not printed: closed for the print, then asked again
        box.close();
        control.click();
        window.setTimeout(function () { if (!box.open && box.isConnected) box.showModal(); }, 0);
      } else control.click();
    }
    if (target || away) {
      button(say("booth_ask_print"), "print", function () { act("print"); });
      button(say("booth_ask_export"), "export", function () { act("export"); });
    }
    button(say("booth_ask_discard"), "discard", function () {
      clearPersonal();
      write(BOOTH, "on");
      location.reload();
    });
    var cancel = button(say("booth_ask_cancel"), "cancel", function () { box.close(); });
    document.body.appendChild(box);
    box.showModal();
    cancel.focus(); // the safe answer first
  }

  window.policypressModes = {
    elder: modes.elder,
    booth: modes.booth,
    // Whether answers and drafts may be kept on this device (not at a shared booth).
    mayStore: function () { return !modes.booth; },
    speak: speak,
    newResident: newResident,
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();

// Print buttons ("print this leaflet"): the browser's own print, with the sheet's paper size.
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest("[data-pp-print]") : null;
  if (button) window.print();
});
