// policypress: the identification card (Attachment 2) page. The form comes from the id-card
// calculator's declaration (embedded as JSON). Drafts are saved in this browser's localStorage as
// they are typed (one key per card), never sent anywhere: ID numbers stay on this device and are
// never put in a URL. "Check card" runs id-card through window.policypress.calc (policypress-calc.js).
// A draft is said to be saved only once localStorage has taken it (a full storage is reported).
// CSV cells follow the rule of reports/cells.py (README, "Staff pages"): on export a cell whose text
// starts with = + - @, a tab or a carriage return (after any apostrophes) gets an apostrophe in front,
// so no spreadsheet runs it as a formula; on import that apostrophe is removed again. A file over
// config.limits.bytes is refused before it is read, and nothing on the page changes.
(function () {
  "use strict";

  var root = /** @type {HTMLElement} */ (document.querySelector(".pp-card"));
  if (!root) return;
  // The parts card.md.j2 renders inside .pp-card (typed here once; the checker sees the rest).
  var config = JSON.parse(/** @type {HTMLElement} */ (root.querySelector(".pp-card-config")).textContent || "null");
  var words = config.strings;
  var lang = config.lang;
  var fields = config.declaration.inputs;
  var byName = {};
  fields.forEach(function (f) { byName[f.name] = f; });
  var MAX_BYTES = config.limits.bytes;

  function known(name) {
    return Object.prototype.hasOwnProperty.call(byName, name) ? byName[name] : null;
  }
  var form = /** @type {HTMLFormElement} */ (root.querySelector(".pp-card-form"));
  var list = /** @type {HTMLElement} */ (root.querySelector(".pp-card-list"));
  var status = /** @type {HTMLElement} */ (root.querySelector(".pp-card-status"));
  var resultBox = /** @type {HTMLElement} */ (root.querySelector(".pp-card-result"));
  var selfcheckLink = /** @type {HTMLAnchorElement} */ (root.querySelector(".pp-card-selfcheck"));
  var printBox = document.querySelector(".pp-card-print");
  var PREFIX = "policypress.card.";
  var CURRENT = "policypress.cards.current";
  var currentId = null;
  var lastResult = null;
  var confirming = false;

  function say(key, values) {
    var text = words[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }

  function esc(value) {
    return String(value === undefined || value === null ? "" : value).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  function textOf(value) {
    if (value && typeof value === "object") return value[lang] || value.zh || "";
    return value === undefined || value === null ? "" : String(value);
  }

  // --- dates, typed as text in the page's language ---------------------------------------------
  // A browser's own date field speaks the browser's language (mm/dd/yyyy on a Chinese page), so
  // a date is a text field with its pattern said (年-月-日 / YYYY-MM-DD). What people write is
  // accepted: 2020-5-10, 2020/05/10, 2020.5.10, 2020年5月10日, 20200510; it reads as YYYY-MM-DD.

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** @param {string} text @returns {string | null} the day as YYYY-MM-DD, or null */
  function normaliseDate(text) {
    var clean = String(text).trim();
    var m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(clean) || /^(\d{4})(\d{2})(\d{2})$/.exec(clean);
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    var day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
    return y + "-" + pad(mo) + "-" + pad(d);
  }

  /** A date as the calculator reads it (YYYY-MM-DD) when it is one; else as typed, for the check to name. */
  function dateValue(text) {
    return normaliseDate(text) || text;
  }

  function optionLabel(field, value) {
    var found = (field.options || []).filter(function (o) { return o.value === value; })[0];
    return found ? textOf(found.label) : value;
  }

  // --- the form <-> values ------------------------------------------------------------------
  // No CSS selector is built from a name or a value (a quote in one would make querySelector
  // throw): controls are found with form.elements.namedItem, other nodes by an attribute's value.

  /** @param {string} name @returns {HTMLInputElement[]} the form's controls called `name` */
  function controls(name) {
    var found = form.elements.namedItem(name);
    if (!found) return [];
    if (found instanceof RadioNodeList) return /** @type {HTMLInputElement[]} */ (Array.prototype.slice.call(found));
    return [/** @type {HTMLInputElement} */ (found)];
  }

  /** @param {ParentNode} within @param {string} attribute a constant @param {string} value @returns {HTMLElement | null} */
  function byAttribute(within, attribute, value) {
    var nodes = within.querySelectorAll("[" + attribute + "]");
    for (var i = 0; i < nodes.length; i += 1) {
      if (nodes[i].getAttribute(attribute) === value) return /** @type {HTMLElement} */ (nodes[i]);
    }
    return null;
  }

  /** @param {string} name @param {object} [row] @returns {HTMLTableRowElement | null} */
  function addRow(name, row) {
    var table = byAttribute(form, "data-rows", name);
    var template = /** @type {HTMLTemplateElement | null} */ (table && table.parentNode && table.parentNode.querySelector("template.pp-card-row"));
    var body = table && table.querySelector("tbody");
    var first = template && template.content.firstElementChild;
    if (!first || !body) return null;
    var tr = /** @type {HTMLTableRowElement} */ (first.cloneNode(true));
    var data = row && typeof row === "object" ? row : {};
    tr.querySelectorAll("[data-column]").forEach(function (input) {
      var column = input.getAttribute("data-column") || "";
      var value = Object.prototype.hasOwnProperty.call(data, column) ? data[column] : null;
      /** @type {HTMLInputElement} */ (input).value = value === null || value === undefined ? "" : String(value);
    });
    body.appendChild(tr);
    return tr;
  }

  function readForm() {
    var values = {};
    fields.forEach(function (f) {
      var name = f.name;
      if (f.type === "bool") {
        var checked = controls(name).filter(function (radio) { return radio.checked; })[0];
        if (checked && checked.value !== "") values[name] = checked.value === "true";
      } else if (f.type === "multi") {
        var chosen = controls(name).filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
        if (chosen.length) values[name] = chosen;
      } else if (f.type === "rows") {
        var rows = [];
        var table = byAttribute(form, "data-rows", name);
        (table ? table.querySelectorAll("tbody tr") : []).forEach(function (tr) {
          var row = {};
          var empty = true;
          f.rows.forEach(function (column) {
            var input = /** @type {HTMLInputElement | null} */ (byAttribute(tr, "data-column", column.name));
            var value = input ? input.value.trim() : "";
            if (value !== "") { row[column.name] = column.type === "date" ? dateValue(value) : value; empty = false; }
          });
          if (!empty) rows.push(row);
        });
        if (rows.length) values[name] = rows;
      } else {
        var input = controls(name)[0];
        var value = input ? input.value.trim() : "";
        if (value === "") return;
        if (f.type === "date") value = dateValue(value);
        values[name] = f.type === "int" && /^-?\d+$/.test(value) ? parseInt(value, 10) : value;
      }
    });
    return values;
  }

  function writeForm(values) {
    values = values || {};
    fields.forEach(function (f) {
      var name = f.name;
      var value = values[name];
      if (f.type === "bool") {
        var wanted = value === true ? "true" : value === false ? "false" : "";
        controls(name).forEach(function (radio) { radio.checked = radio.value === wanted; });
      } else if (f.type === "multi") {
        var chosen = Array.isArray(value) ? value : [];
        controls(name).forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
      } else if (f.type === "rows") {
        var table = byAttribute(form, "data-rows", name);
        var body = table && table.querySelector("tbody");
        if (body) body.innerHTML = "";
        (Array.isArray(value) ? value : []).forEach(function (row) { addRow(name, row); });
      } else if (controls(name).length) {
        controls(name)[0].value = value === undefined || value === null ? "" : String(value);
      }
    });
    clearErrors();
  }

  // --- saved cards (localStorage only) ----------------------------------------------------------

  function storage() {
    // At a booth (policypress-modes.js) nothing personal is kept: no card is saved on the device.
    if (window.policypressModes && !window.policypressModes.mayStore()) return null;
    try { return window.localStorage; } catch (error) { return null; }
  }

  function newId() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  function savedCards() {
    var store = storage();
    var cards = [];
    if (!store) return cards;
    for (var i = 0; i < store.length; i += 1) {
      var key = store.key(i);
      if (!key || key.indexOf(PREFIX) !== 0) continue;
      try {
        var card = JSON.parse(store.getItem(key) || "null");
        if (card && card.values && ofThisForm(card)) cards.push(card);
      } catch (error) { /* not one of ours */ }
    }
    return cards.sort(function (a, b) { return (b.updated || "").localeCompare(a.updated || ""); });
  }

  // Several documents may each have a card: a saved card belongs to the form it was filled on. One
  // saved before cards said so is this form's when every field it holds is one of this form's.
  function ofThisForm(card) {
    if (card.form) return card.form === config.calculator;
    return Object.keys(card.values).every(function (name) { return Object.prototype.hasOwnProperty.call(byName, name); });
  }

  function loadCard(id) {
    var store = storage();
    if (!store) return null;
    var card = null;
    try { card = JSON.parse(store.getItem(PREFIX + id) || "null"); } catch (error) { return null; }
    return card && card.values && ofThisForm(card) ? card : null;
  }

  function isEmpty(values) {
    // A value still at its declared default was not typed.
    return Object.keys(values).filter(function (k) { return !byName[k] || byName[k].default === undefined || byName[k].default === null || values[k] !== byName[k].default; }).length === 0;
  }

  // "saved", "booth" (nothing is kept at a booth), "empty" (nothing typed yet) or "failed" (the
  // storage refused it, full or switched off: said so, and nothing is claimed saved).
  function save() {
    var store = storage();
    if (!store) return "booth";
    var values = readForm();
    if (isEmpty(values) && !loadCard(currentId)) return "empty"; // nothing typed yet: no empty card in the list
    var updated = new Date().toISOString();
    try {
      store.setItem(PREFIX + currentId, JSON.stringify({ id: currentId, form: config.calculator, updated: updated, values: values }));
    } catch (error) {
      status.textContent = say("storage_failed");
      renderList();
      return "failed";
    }
    try { store.setItem(CURRENT, currentId); } catch (error) { /* the card is saved; which one is open is not */ }
    status.textContent = say("saved_at", { time: new Date(updated).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB") });
    renderList();
    return "saved";
  }

  function openCard(id) {
    var card = loadCard(id);
    currentId = id;
    writeForm(card ? card.values : defaults());
    var store = storage();
    if (store && card) {
      try { store.setItem(CURRENT, id); } catch (error) { /* only which card is open is not remembered */ }
    }
    resultBox.hidden = true;
    lastResult = null;
    showCategory(null);
    updateSelfcheck();
    renderList();
  }

  function defaults() {
    var values = {};
    fields.forEach(function (f) { if (f.default !== null && f.default !== undefined) values[f.name] = f.default; });
    return values;
  }

  function newCard() {
    currentId = newId();
    var store = storage();
    if (store) store.removeItem(CURRENT);
    writeForm(defaults());
    resultBox.hidden = true;
    lastResult = null;
    showCategory(null);
    updateSelfcheck();
    status.textContent = "";
    renderList();
  }

  function renderList() {
    var cards = savedCards();
    if (window.policypressModes && !window.policypressModes.mayStore()) {
      list.innerHTML = '<p class="pp-booth-note">' + esc(say("booth_not_saved")) + "</p>";
      confirming = false;
      return;
    }
    if (!cards.length) {
      list.innerHTML = "<p>" + esc(say("saved_none")) + "</p>";
      confirming = false;
      return;
    }
    var html = ['<table class="pp-card-saved-table"><thead><tr><th scope="col">' + esc(say("col_name")) + '</th><th scope="col">' +
      esc(say("col_id")) + '</th><th scope="col">' + esc(say("col_updated")) + '</th><th scope="col">' + esc(say("col_actions")) + "</th></tr></thead><tbody>"];
    cards.forEach(function (card) {
      var id = String(card.values.id_number || "").replace(/\s/g, "");
      var last4 = id ? "…" + id.slice(-4) : "";
      var when = card.updated ? new Date(card.updated).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB") : "";
      html.push('<tr data-card="' + esc(card.id) + '"><td>' + esc(card.values.name || say("no_name")) +
        (card.id === currentId ? " " + esc(say("current")) : "") + "</td><td>" + esc(last4) + "</td><td>" + esc(when) +
        '</td><td><button type="button" class="md-button" data-card-open="' + esc(card.id) + '">' + esc(say("open")) +
        '</button> <button type="button" class="md-button" data-card-delete="' + esc(card.id) + '">' + esc(say("delete")) + "</button></td></tr>");
    });
    html.push("</tbody></table><p>");
    if (confirming) {
      html.push('<button type="button" class="md-button md-button--primary" data-card-action="clear-confirm">' + esc(say("clear_confirm", { n: cards.length })) +
        '</button> <button type="button" class="md-button" data-card-action="clear-cancel">' + esc(say("cancel")) + "</button>");
    } else {
      html.push('<button type="button" class="md-button" data-card-action="clear">' + esc(say("clear_all")) + "</button>");
    }
    html.push("</p>");
    list.innerHTML = html.join("");
  }

  function clearAll() {
    var store = storage();
    if (store) {
      var kept = store;
      savedCards().forEach(function (card) { kept.removeItem(PREFIX + card.id); });
      kept.removeItem(CURRENT);
    }
    confirming = false;
    newCard();
  }

  // --- checking the card ----------------------------------------------------------------------

  function clearErrors() {
    form.querySelectorAll(".pp-field-error").forEach(function (node) { node.textContent = ""; /** @type {HTMLElement} */ (node).hidden = true; });
    form.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
  }

  /** The control an error's key names: "name", "help_records[0].date" (a row's cell), "_" (none).
   * @param {string} key @returns {HTMLElement | null} */
  function controlFor(key) {
    var name = key.split(/[.[]/)[0];
    var cell = /^[^[]+\[(\d+)\]\.(.+)$/.exec(key);
    if (cell) {
      var table = byAttribute(form, "data-rows", name);
      var tr = table ? table.querySelectorAll("tbody tr")[parseInt(cell[1], 10)] : null;
      var input = tr ? byAttribute(tr, "data-column", cell[2]) : null;
      if (input) return input;
      return table ? /** @type {HTMLElement | null} */ (table.querySelector("input")) : null;
    }
    var found = controls(name);
    var checked = found.filter(function (c) { return c.checked; })[0];
    return checked || found[0] || null;
  }

  /** Where an error's words go: a row's cell is named by the row's number and its column.
   * @param {string} key */
  function errorLabel(key) {
    var name = key.split(/[.[]/)[0];
    var f = known(name);
    var label = f ? textOf(f.label) : "";
    var cell = /^[^[]+\[(\d+)\]\.(.+)$/.exec(key);
    var columnName = cell ? cell[2] : "";
    var column = cell && f && f.rows ? f.rows.filter(function (c) { return c.name === columnName; })[0] : null;
    if (cell) label += (lang === "zh" ? " " : ", ") + say("row_n", { n: parseInt(cell[1], 10) + 1 }) + (column ? " " + textOf(column.label) : "");
    return label;
  }

  /** Each message next to its field (in the page's language), the controls marked; returns the
   * list of [key, message] in the form's order. */
  function showErrors(errors) {
    clearErrors();
    var order = fields.map(function (f) { return f.name; });
    var keys = Object.keys(errors).sort(function (a, b) {
      var ia = order.indexOf(a.split(/[.[]/)[0]), ib = order.indexOf(b.split(/[.[]/)[0]);
      return (ia < 0 ? 1e6 : ia) - (ib < 0 ? 1e6 : ib);
    });
    keys.forEach(function (key) {
      var name = key.split(/[.[]/)[0];
      var node = byAttribute(form, "data-error-for", name) || byAttribute(form, "data-error-for", "_");
      if (!node) return;
      node.textContent = (node.textContent ? node.textContent + " " : "") + textOf(errors[key]);
      node.hidden = false;
      var input = controlFor(key);
      if (input) input.setAttribute("aria-invalid", "true");
    });
    return keys.map(function (key) { return [key, textOf(errors[key])]; });
  }

  /** The error summary: how many, then a link to each field (the link moves the focus there). */
  function errorSummary(list) {
    return "<h2>" + esc(say("result")) + '</h2><p class="pp-card-result-errors">' + esc(say("result_errors", { n: list.length })) + "</p>" +
      '<p class="pp-card-errors-title">' + esc(say("errors_title")) + '</p><ul class="pp-card-error-list">' +
      list.map(function (item) {
        var label = errorLabel(item[0]);
        var href = "#card-field-" + item[0].split(/[.[]/)[0];
        return '<li><a href="' + esc(href) + '" data-card-goto="' + esc(item[0]) + '">' + (label ? esc(label) + (lang === "zh" ? "：" : ": ") : "") + esc(item[1]) + "</a></li>";
      }).join("") + "</ul>";
  }

  /** Focus the control an error names, scrolled into view with its label above it. @param {string} key */
  function goTo(key) {
    var target = controlFor(key) || byAttribute(form, "data-error-for", key.split(/[.[]/)[0]);
    if (!target) return;
    var box = target.closest(".pp-card-field") || target;
    box.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  function measureList(numbers) {
    if (!numbers || !numbers.length) return esc(say("none"));
    var titles = {};
    (lastResult.measures || []).forEach(function (m) { titles[m.measure] = textOf(m.title); });
    return "<ul>" + numbers.map(function (n) {
      var label = say("measure_n", { n: n }) + (titles[n] ? " " + titles[n] : "");
      var href = config.measures[n];
      return '<li data-measure="' + esc(n) + '">' + (href ? '<a href="' + esc(href) + '">' + esc(label) + "</a>" : esc(label)) + "</li>";
    }).join("") + "</ul>";
  }

  function showCategory(result) {
    var node = form.querySelector(".pp-card-category");
    if (node) node.textContent = result && result.category_label ? "☑ " + textOf(result.category_label) : "";
  }

  function showResult(result) {
    lastResult = result;
    resultBox.hidden = false;
    if (result.errors) {
      showCategory(null);
      resultBox.innerHTML = errorSummary(showErrors(result.errors));
      resultBox.focus(); // the summary is read out; each of its links goes to its field
      return;
    }
    clearErrors();
    showCategory(result);
    resultBox.innerHTML = "<h2>" + esc(say("result")) + "</h2><p>" + esc(say("result_ok")) + '</p><dl class="pp-card-facts">' +
      "<dt>" + esc(say("birth_date")) + '</dt><dd data-output="birth_date">' + esc(result.birth_date) + "</dd>" +
      "<dt>" + esc(say("age")) + '</dt><dd data-output="age">' + esc(result.age) + "</dd>" +
      "<dt>" + esc(say("category")) + '</dt><dd data-output="category" data-category="' + esc(result.category) + '">' + esc(textOf(result.category_label)) + "</dd>" +
      "<dt>" + esc(say("recommended")) + '</dt><dd data-output="recommended">' + measureList(result.recommended) + "</dd>" +
      "<dt>" + esc(say("possibly")) + '</dt><dd data-output="possibly">' + measureList(result.possibly) + "</dd></dl>";
    resultBox.focus();
  }

  function check() {
    if (!window.policypress || !window.policypress.calc) {
      var failed = /** @type {HTMLElement | null} */ (root.querySelector(".pp-runtime-failed"));
      if (failed) failed.hidden = false;
      return;
    }
    resultBox.hidden = false;
    resultBox.innerHTML = "<p>" + esc(say("working")) + "</p>";
    window.policypress.calc(config.calculator, readForm()).then(showResult, function (error) {
      resultBox.innerHTML = '<p class="pp-field-error">' + esc(say("failed", { message: error.message })) + "</p>";
    });
  }

  // --- the self-check link: the card's facts, never the name or the ID number -----------------------

  function birthFromId(raw) {
    var id = String(raw || "").replace(/\s/g, "");
    var m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(id);
    return m ? m[1] + "-" + m[2] + "-" + m[3] : null;
  }

  // What the card hands to the self-check is the card calculator's declaration (its handoff):
  // (self-check input, card input, how). Never the name or the ID number itself.
  function selfcheckAnswers(v) {
    var answers = {};
    function put(name, value) { if (value !== undefined && value !== null && value !== "") answers[name] = value; }
    (config.handoff || []).forEach(function (item) {
      var target = item[0], source = item[1], how = String(item[2]);
      var value = v[source];
      if (how === "birth_from_id") put(target, birthFromId(value));
      else if (how === "text") put(target, value === undefined || value === null ? undefined : String(value));
      else if (how.indexOf("includes:") === 0) {
        var parts = how.split(":");
        var ticked = Array.isArray(value) ? value : [];
        if (ticked.length > 0 || (parts[2] && v[parts[2]] === false)) put(target, ticked.indexOf(parts[1]) >= 0);
      } else put(target, value);
    });
    return answers;
  }

  function updateSelfcheck() {
    if (!config.selfcheck) return;
    selfcheckLink.hidden = false;
    selfcheckLink.href = config.selfcheck + "#answers=" + encodeURIComponent(JSON.stringify(selfcheckAnswers(readForm()))) + "&step=summary";
  }

  // --- export and import ------------------------------------------------------------------------

  function download(blob, filename) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function fileStem() {
    var values = readForm();
    return "card-" + String(values.name || currentId).replace(/[\\/:*?"<>|\s]+/g, "_");
  }

  // The formula rule (reports/cells.py): the same two functions are in policypress-report.js.
  var FORMULA_LIKE = /^'*[=+\-@\t\r]/;

  function csvEscape(text) {
    return FORMULA_LIKE.test(text) ? "'" + text : text;
  }

  function csvUnescape(text) {
    return text.charAt(0) === "'" && FORMULA_LIKE.test(text) ? text.slice(1) : text;
  }

  function csvCell(value) {
    var text = csvEscape(String(value));
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCsv(values) {
    var header = fields.map(function (f) { return f.name; });
    var row = fields.map(function (f) {
      var value = values[f.name];
      if (value === undefined || value === null) return "";
      if (f.type === "rows") return JSON.stringify(value);
      if (f.type === "multi") return value.join(";");
      return String(value);
    });
    return "\uFEFF" + header.map(csvCell).join(",") + "\r\n" + row.map(csvCell).join(",") + "\r\n";
  }

  function parseCsv(text) {
    /** @type {string[][]} */
    var rows = [[]];
    var cell = "";
    var quoted = false;
    var line = 1, quoteLine = 1;
    for (var i = 0; i < text.length; i += 1) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
        else if (ch === '"') quoted = false;
        else {
          if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line += 1;
          cell += ch;
        }
      } else if (ch === '"') { quoted = true; quoteLine = line; }
      else if (ch === ",") { rows[rows.length - 1].push(csvUnescape(cell)); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i += 1;
        line += 1;
        rows[rows.length - 1].push(csvUnescape(cell)); cell = ""; rows.push([]);
      } else cell += ch;
    }
    if (quoted) throw new Error(say("import_quote", { n: quoteLine }));
    if (cell !== "" || rows[rows.length - 1].length) rows[rows.length - 1].push(csvUnescape(cell));
    return rows.filter(function (r) { return r.length > 1 || (r.length === 1 && r[0] !== ""); });
  }

  function fromCsv(text) {
    var rows = parseCsv(text);
    if (rows.length < 2) throw new Error(say("import_bad"));
    var values = {};
    rows[0].forEach(function (name, index) {
      var f = known(name.trim());
      var raw = rows[1][index];
      if (!f || raw === undefined || raw === "") return;
      if (f.type === "rows") values[f.name] = JSON.parse(raw);
      else if (f.type === "multi") values[f.name] = raw.split(";").filter(Boolean);
      else if (f.type === "bool") values[f.name] = raw === "true";
      else if (f.type === "int") values[f.name] = /^-?\d+$/.test(raw) ? parseInt(raw, 10) : raw;
      else values[f.name] = raw;
    });
    if (!Object.keys(values).length) throw new Error(say("import_bad"));
    return values;
  }

  function fromJson(text) {
    var data = JSON.parse(text);
    var values = data && data.values && typeof data.values === "object" ? data.values : data;
    if (!values || typeof values !== "object" || Array.isArray(values)) throw new Error(say("import_bad"));
    var found = {};
    Object.keys(values).forEach(function (name) { if (known(name)) found[name] = values[name]; });
    if (!Object.keys(found).length) throw new Error(say("import_bad"));
    return found;
  }

  // A table of the card (help_records) holds at most what its declaration allows: more is refused.
  function checkRows(values) {
    fields.forEach(function (f) {
      var rows = values[f.name];
      if (f.type === "rows" && Array.isArray(rows) && f.maximum && rows.length > f.maximum) {
        throw new Error(say("import_too_many_rows", { field: textOf(f.label), n: rows.length, limit: f.maximum }));
      }
    });
    return values;
  }

  function sizeText(bytes) {
    if (bytes >= 1048576) return String(Math.round(bytes / 104857.6) / 10) + " MB";
    return String(Math.ceil(bytes / 1024)) + " KB";
  }

  // The file is read and checked whole before anything on the page changes; the message says
  // "imported" only when the card was stored (at a booth, or with the storage full, it says so).
  function importFile(file) {
    if (file.size > MAX_BYTES) {
      status.textContent = say("import_failed", { file: file.name, message: say("import_too_big", { size: sizeText(file.size), limit: sizeText(MAX_BYTES) }) });
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var text = String(reader.result).replace(/^\uFEFF/, "");
      var values;
      try {
        values = checkRows(/^\s*[{[]/.test(text) ? fromJson(text) : fromCsv(text));
      } catch (error) {
        status.textContent = say("import_failed", { file: file.name, message: error.message });
        return;
      }
      currentId = newId();
      writeForm(values);
      var saved = save();
      updateSelfcheck();
      resultBox.hidden = true;
      showCategory(null);
      if (saved === "saved" || saved === "empty") status.textContent = say("imported", { file: file.name });
      else status.textContent = say("imported_unsaved", { file: file.name }) + " " + say(saved === "booth" ? "booth_not_saved" : "storage_failed");
    };
    reader.onerror = function () {
      status.textContent = say("import_failed", { file: file.name, message: String(reader.error && reader.error.message || reader.error) });
    };
    reader.readAsText(file, "utf-8");
  }

  // --- print: the card's front and back as the paper card, on A4 ----------------------------------

  function shown(name, values) {
    var f = byName[name];
    var value = values[name];
    if (!f || value === undefined || value === null) return "";
    if (f.type === "bool") return value ? say("yes") : say("no");
    if (f.type === "choice") return optionLabel(f, value);
    if (f.type === "multi") return value.map(function (v) { return optionLabel(f, v); }).join("、");
    return String(value);
  }

  function boxes(name, values) {
    var f = byName[name];
    if (!f) return "";
    var chosen = f.type === "multi" ? values[name] || [] : [values[name]];
    return f.options.map(function (o) { return (chosen.indexOf(o.value) >= 0 ? "☑ " : "☐ ") + esc(textOf(o.label)); }).join("　");
  }

  function cell(name, values) {
    return '<th scope="row">' + esc(byName[name] ? textOf(byName[name].label) : name) + "</th><td>" + esc(shown(name, values)) + "</td>";
  }

  // The printed card: each side's boxes as the form lays them out (config.print, from the card
  // calculator's layout): a choice as its boxes, a table of rows with room to write, other fields
  // three to a line.
  function renderPrint() {
    if (!printBox) return;
    var v = readForm();
    var html = ["<h1>" + esc(say("print_title")) + "</h1>"];
    var sides = [];
    (config.print || []).forEach(function (section) {
      var side = sides.length && sides[sides.length - 1].side === section[0] ? sides[sides.length - 1] : null;
      if (!side) { side = { side: section[0], names: [] }; sides.push(side); }
      side.names = side.names.concat(section[1]);
    });
    sides.forEach(function (side, index) {
      html.push('<div class="pp-card-print-side' + (index > 0 ? " pp-card-print-back" : "") + '"><h2>' + esc(say(side.side === "front" ? "page_front" : "page_back")) + "</h2><table>");
      var line = [];
      function flush() { if (line.length) html.push("<tr>" + line.join("") + "</tr>"); line = []; }
      side.names.forEach(function (name) {
        var f = byName[name];
        if (!f) return;
        if (f.type === "rows") {
          flush();
          html.push('</table><h3>' + esc(textOf(f.label)) + "</h3><table><tr>" + f.rows.map(function (c) { return "<th>" + esc(textOf(c.label)) + "</th>"; }).join("") + "</tr>");
          var rows = (v[name] || []).slice();
          while (rows.length < 6) rows.push({});
          rows.forEach(function (row) {
            html.push("<tr>" + f.rows.map(function (c) { return "<td>" + esc(row[c.name] || "") + "</td>"; }).join("") + "</tr>");
          });
          html.push("</table><table>");
        } else if (f.type === "multi" || (f.options && f.options.length > 3)) {
          flush();
          html.push('<tr><th scope="row">' + esc(textOf(f.label)) + '</th><td colspan="5">' + boxes(name, v) + "</td></tr>");
        } else {
          line.push(cell(name, v));
          if (line.length === 3) flush();
        }
      });
      flush();
      if (index === 0 && lastResult && lastResult.category_label) {
        html.push('<tr><th scope="row">' + esc(say("sec_category")) + '</th><td colspan="5">' + esc(textOf(lastResult.category_label)) + "</td></tr>");
      }
      html.push("</table></div>");
    });
    printBox.innerHTML = html.join("");
  }

  // --- wiring ---------------------------------------------------------------------------------

  function changed() {
    save();
    updateSelfcheck();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // A date is checked when the field is left: written as YYYY-MM-DD when it reads as a day, else
  // the field keeps what was typed and says how to write it, next to it.
  form.addEventListener("change", function (event) {
    var input = event.target instanceof HTMLInputElement && event.target.hasAttribute("data-date") ? event.target : null;
    if (!input) return;
    var text = input.value.trim();
    var day = text === "" ? "" : normaliseDate(text);
    var holder = input.closest("[data-rows]"); // a row's cell: its table's field
    var name = holder ? holder.getAttribute("data-rows") || "" : input.name;
    var node = byAttribute(form, "data-error-for", name);
    if (day !== null) {
      if (day !== text) { input.value = day; changed(); }
      input.removeAttribute("aria-invalid");
      if (node && node.getAttribute("data-date-error") !== null) { node.textContent = ""; node.hidden = true; node.removeAttribute("data-date-error"); }
      return;
    }
    var columnName = input.getAttribute("data-column");
    var column = holder ? (known(name) || { rows: [] }).rows.filter(function (c) { return c.name === columnName; })[0] : null;
    var f = known(name);
    input.setAttribute("aria-invalid", "true");
    if (node) {
      node.textContent = say("date_bad", { label: column ? textOf(column.label) : f ? textOf(f.label) : "" });
      node.hidden = false;
      node.setAttribute("data-date-error", "");
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    save();
    check();
  });
  // The page renders "check" disabled (and the form with method="dialog"): without this script a
  // submission goes nowhere. Now that the handler is in place, it may be used.
  var submitButton = /** @type {HTMLButtonElement | null} */ (form.querySelector('button[type="submit"]'));
  if (submitButton) submitButton.disabled = false;
  form.addEventListener("click", function (event) {
    var clicked = event.target instanceof Element ? event.target : null;
    var add = clicked && clicked.closest("[data-rows-add]");
    if (add) {
      var tr = addRow(add.getAttribute("data-rows-add") || "", {});
      var input = tr && tr.querySelector("input");
      if (input) input.focus();
      return;
    }
    var remove = clicked && clicked.closest(".pp-row-remove");
    var row = remove && remove.closest("tr");
    if (row) {
      row.remove();
      changed();
    }
  });
  root.addEventListener("click", function (event) {
    var goto = event.target instanceof Element ? event.target.closest("[data-card-goto]") : null;
    if (goto) {
      event.preventDefault();
      goTo(goto.getAttribute("data-card-goto") || "");
      return;
    }
    var target = event.target instanceof Element ? event.target.closest("[data-card-action], [data-card-open], [data-card-delete]") : null;
    if (!target) return;
    var open = target.getAttribute("data-card-open");
    var del = target.getAttribute("data-card-delete");
    var action = target.getAttribute("data-card-action");
    if (open) openCard(open);
    else if (del) {
      var store = storage();
      if (store) store.removeItem(PREFIX + del);
      if (del === currentId) newCard();
      else renderList();
    } else if (action === "new") newCard();
    else if (action === "import") fileInput.click();
    else if (action === "export-json") {
      download(new Blob([JSON.stringify({ card: config.calculator, version: 1, values: readForm() }, null, 2)], { type: "application/json" }), fileStem() + ".json");
    } else if (action === "export-csv") {
      download(new Blob([toCsv(readForm())], { type: "text/csv;charset=utf-8" }), fileStem() + ".csv");
    } else if (action === "print") {
      renderPrint();
      window.print();
    } else if (action === "clear") {
      confirming = true;
      renderList();
      var yes = /** @type {HTMLElement | null} */ (list.querySelector('[data-card-action="clear-confirm"]'));
      if (yes) yes.focus();
    } else if (action === "clear-confirm") clearAll();
    else if (action === "clear-cancel") {
      confirming = false;
      renderList();
    }
  });
  var fileInput = /** @type {HTMLInputElement} */ (root.querySelector(".pp-card-file"));
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (file) importFile(file);
    fileInput.value = "";
  });
  window.addEventListener("beforeprint", renderPrint);

  var store = storage();
  var remembered = store ? store.getItem(CURRENT) : null;
  if (remembered && loadCard(remembered)) openCard(remembered);
  else newCard();

  // Staff open this page to check cards: the runtime starts with it, its download shown in the
  // form's status line (policypress-calc.js, which runs after this script).
  document.addEventListener("DOMContentLoaded", function () {
    var runtimeStatus = /** @type {HTMLElement | null} */ (form.querySelector(".pp-runtime-status"));
    if (!window.policypress || typeof window.policypress.showStatus !== "function") return;
    if (runtimeStatus) window.policypress.showStatus(runtimeStatus, words);
    window.policypress.start(config.document);
  });
})();
