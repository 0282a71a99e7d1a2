// policypress: the calculators in the page. window.policypress.calc(name, inputs) returns a
// Promise of the same JSON that `policypress calc` prints. Pyodide starts loading only when a
// calculator comes into view or is first used; the page stays usable meanwhile. Nothing typed
// leaves the device: answers are kept in the URL fragment (never sent to a server) and the
// calculation runs in a Web Worker on this site's own files.
(function () {
  "use strict";

  /** @param {string} name @returns {string | null} the content of <meta name=…> */
  function meta(name) {
    var found = Array.prototype.filter.call(document.getElementsByTagName("meta"), function (/** @type {HTMLMetaElement} */ node) { return node.name === name; });
    return found.length ? /** @type {HTMLMetaElement} */ (found[0]).content : null;
  }

  var runtimeMeta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="policypress-runtime"]'));
  if (!runtimeMeta) return;
  var runtime = new URL(runtimeMeta.content, document.baseURI).href;
  var assets = runtimeMeta.dataset.assets;
  var base = new URL(meta("policypress-base") || "./", document.baseURI).href;
  var defaultDocument = meta("policypress-document") || "";
  var stringsNode = document.getElementById("pp-strings");
  /** @type {Record<string, string>} */
  var words = {};
  try { words = stringsNode ? JSON.parse(stringsNode.textContent || "{}") : {}; } catch (error) { words = {}; }
  var lang = document.documentElement.lang.indexOf("en") === 0 ? "en" : "zh";
  var own = Object.prototype.hasOwnProperty;

  /** @type {Worker | null} */
  var worker = null;
  /** @type {string | null} why the runtime cannot run, once it cannot */
  var failed = null;
  var stage = "idle";
  var sequence = 0;
  /** @type {Map<number, {resolve: (value: any) => void, reject: (error: Error) => void}>} */
  var pending = new Map();
  /** @typedef {(stage: string, detail?: string | null) => void} StageListener */
  /** @type {StageListener[]} */
  var listeners = [];
  /**
   * The runtime's download, while it lasts: bytes come and bytes in all (on the network: the
   * compressed size when the server compresses), and the seconds left at the speed so far (null
   * until there is a speed to go on).
   * @typedef {{loaded: number, total: number, seconds: number | null}} Download
   * @typedef {(stage: string, download: Download | null, text: string) => void} ProgressListener
   */
  /** @type {Download | null} */
  var download = null;
  /** @type {ProgressListener[]} */
  var progressListeners = [];

  /**
   * @param {string} key @param {Record<string, unknown>} [values] what stands for {name} in the words
   * @param {Record<string, string>} [table] the words to use (a page's own, given to showStatus); default: this page's pp-strings
   */
  function say(key, values, table) {
    var from = table || words;
    var text = (own.call(from, key) && from[key]) || key;
    var given = values || {};
    Object.keys(given).forEach(function (name) { text = text.split("{" + name + "}").join(String(given[name])); });
    return text;
  }

  /** @param {string} next @param {string | null} [detail] */
  function setStage(next, detail) {
    var changed = next !== stage;
    stage = next;
    if (next !== "runtime") download = null;
    if (changed || next === "failed") listeners.forEach(function (listener) { listener(next, detail); });
    progressListeners.forEach(function (listener) { listener(stage, download, statusText()); });
  }

  /** @param {number} bytes @returns {string} megabytes, one decimal */
  function megabytes(bytes) {
    return (bytes / 1e6).toFixed(1);
  }

  /**
   * @param {Record<string, string>} [table] the words (stage_… keys) to say it with; default: this page's pp-strings
   * @returns {string} what the runtime is doing, in the page's words, with the download's bytes and time left
   */
  function statusText(table) {
    if (stage === "runtime" && download && download.total > 0) {
      var values = { loaded: megabytes(download.loaded), total: megabytes(download.total), seconds: download.seconds };
      return download.seconds === null ? say("stage_download_estimating", values, table) : say("stage_download", values, table);
    }
    return stage === "idle" ? "" : say("stage_" + stage, undefined, table);
  }

  /** @param {string} [documentId] the document whose parameters the calculators use */
  function start(documentId) {
    if (worker || failed) return;
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      failed = "no-webassembly";
      setStage("failed", failed);
      return;
    }
    try {
      worker = new Worker(new URL("policypress-calc-worker.mjs", assets ? new URL(assets, document.baseURI) : base + "assets/"), { type: "module" });
    } catch (error) {
      failed = String(error);
      setStage("failed", failed);
      return;
    }
    worker.onmessage = function (event) {
      var message = event.data;
      if (message.type === "progress") {
        if (message.stage === "runtime" && typeof message.total === "number") {
          download = { loaded: message.loaded, total: message.total, seconds: typeof message.seconds === "number" ? message.seconds : null };
        }
        setStage(message.stage);
      } else if (message.type === "failed") {
        var why = String(message.message);
        failed = why;
        setStage("failed", why);
        pending.forEach(function (entry) { entry.reject(new Error(why)); });
        pending.clear();
      } else if (message.type === "result" || message.type === "error") {
        var entry = pending.get(message.id);
        pending.delete(message.id);
        if (!entry) return;
        if (message.type === "result") entry.resolve(message.result);
        else entry.reject(new Error(message.message));
      }
    };
    worker.onerror = function (event) {
      failed = event.message || "worker error";
      setStage("failed", failed);
    };
    setStage("starting");
    worker.postMessage({
      type: "init",
      runtime: runtime,
      parameters: new URL("parameters/" + (documentId || defaultDocument) + ".json", runtime).href,
    });
  }

  /** @param {{type: string, [key: string]: unknown}} message @returns {Promise<any>} the worker's answer */
  function request(message) {
    start();
    var current = worker;
    if (failed || !current) return Promise.reject(new Error(failed || "no worker"));
    return new Promise(function (resolve, reject) {
      sequence += 1;
      pending.set(sequence, { resolve: resolve, reject: reject });
      /** @type {Worker} */ (current).postMessage(Object.assign({ id: sequence }, message)); // a DataCloneError rejects this Promise
    });
  }

  /** @param {string} name @param {object} [inputs] @param {string} [documentId] whose parameters to use (default: the page's) */
  function calc(name, inputs, documentId) {
    /** @type {{type: string, name: string, inputs: object, parameters?: string}} */
    var message = { type: "calc", name: name, inputs: inputs || {} };
    if (documentId && documentId !== defaultDocument) message.parameters = new URL("parameters/" + encodeURIComponent(documentId) + ".json", runtime).href;
    return request(message);
  }

  /** @param {string} text */
  function qr(text) {
    return request({ type: "qr", text: text });
  }

  /** @param {object} result @param {object[]} [rows] @param {string} [language] */
  function xlsx(result, rows, language) {
    return request({ type: "xlsx", result: result, rows: rows || [], lang: language || lang });
  }

  /** @param {string[]} names parameters' names @returns {Promise<Record<string, {zh: string, en: string}>>} their labels */
  function labels(names) {
    return request({ type: "labels", names: names });
  }

  /** @param {StageListener} listener called now and at every change of stage */
  function onStage(listener) {
    listeners.push(listener);
    listener(stage);
  }

  /** @param {ProgressListener} listener called now, at every change of stage and as the runtime downloads */
  function onProgress(listener) {
    progressListeners.push(listener);
    listener(stage, download, statusText());
  }

  /**
   * Keep `node` (a role=status paragraph) saying what the runtime is doing: hidden while idle and
   * once ready, the download's bytes and time left meanwhile, the failure when it cannot run.
   * @param {HTMLElement} node @param {Record<string, string>} [table] the page's own words for it (stage_… keys), if not in pp-strings
   */
  function showStatus(node, table) {
    onProgress(function (current) {
      var text = statusText(table);
      node.hidden = current === "idle" || current === "ready";
      node.className = "pp-runtime-status pp-runtime-status--" + current;
      if (node.textContent !== text) node.textContent = text;
    });
  }

  window.policypress = {
    calc: calc,
    qr: qr,
    xlsx: xlsx,
    labels: labels,
    start: start,
    onStage: onStage,
    onProgress: onProgress,
    showStatus: showStatus,
    get statusText() { return statusText(); },
    get stage() { return stage; },
  };

  // Where the intent is clear, at once: a calculator page opened with answers (from a QR code or
  // a link) will calculate as soon as it can, so its runtime starts before the forms are set up.
  var openedWith = /** @type {HTMLElement | null} */ (document.querySelector(".pp-calculator"));
  if (openedWith && /#answers=/.test(location.hash)) start(openedWith.dataset.document);

  // --- forms ------------------------------------------------------------------------------
  var MAX_FRAGMENT = 200000; // characters of answers read from the address, at most
  var MAX_ROWS = 1000; // rows of a rows field read from the address, at most (or the field's maximum)
  // No CSS selector is ever built from a name or a value: names come from the declaration and
  // from the calculator's error keys, values from the address, and a quote or a bracket in either
  // would make querySelector throw (or match something else). Controls are found by name with
  // form.elements.namedItem, and other nodes by comparing an attribute's value.

  /**
   * @typedef {{name: string, type: string, label?: any, required?: boolean, default?: any,
   *   options?: {value: string}[], rows?: Field[], maximum?: number | null, max_length?: number | null}} Field
   * @typedef {{name: string, inputs: Field[], outputs?: any[]}} Declaration
   */

  /** @param {HTMLFormElement} form @param {string} name @returns {HTMLInputElement[]} the controls called `name` */
  function controls(form, name) {
    var found = form.elements.namedItem(name);
    if (!found) return [];
    if (found instanceof RadioNodeList) return /** @type {HTMLInputElement[]} */ (Array.prototype.slice.call(found));
    return [/** @type {HTMLInputElement} */ (found)];
  }

  /**
   * The first element under `root` whose `attribute` (a constant) has the value `value`.
   * @param {ParentNode} root @param {string} attribute @param {string} value @returns {HTMLElement | null}
   */
  function byAttribute(root, attribute, value) {
    var nodes = root.querySelectorAll("[" + attribute + "]");
    for (var i = 0; i < nodes.length; i += 1) {
      if (nodes[i].getAttribute(attribute) === value) return /** @type {HTMLElement} */ (nodes[i]);
    }
    return null;
  }

  /** @param {unknown} value @returns {value is Record<string, unknown>} a plain object (from JSON), not an array */
  function isRecord(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /** @param {unknown} value @returns {string | null} a string or a number as text; anything else is no value */
  function scalar(value) {
    if (typeof value === "string") return value;
    if (typeof value === "number" && isFinite(value)) return String(value);
    return null;
  }

  /** @param {HTMLFormElement} form @param {Field} field */
  function fieldValue(form, field) {
    var name = field.name;
    var inputs = controls(form, name);
    if (field.type === "bool") {
      var checked = inputs.filter(function (input) { return input.checked; })[0];
      if (!checked || checked.value === "") return undefined;
      return checked.value === "true";
    }
    if (field.type === "multi") {
      var chosen = inputs.filter(function (input) { return input.checked; }).map(function (input) { return input.value; });
      return chosen.length ? chosen : undefined;
    }
    if (field.type === "rows") return rowsValue(form, field);
    if (!inputs.length) return undefined;
    var value = inputs[0].value.trim();
    if (value === "") return undefined;
    if (field.type === "int") return /^-?\d+$/.test(value) ? parseInt(value, 10) : value;
    return value;
  }

  /** @param {HTMLFormElement} form @param {Field} field */
  function rowsValue(form, field) {
    /** @type {Record<string, string>[]} */
    var rows = [];
    var table = byAttribute(form, "data-rows", field.name);
    if (!table) return rows;
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      /** @type {Record<string, string>} */
      var row = {};
      var empty = true;
      (field.rows || []).forEach(function (column) {
        var input = /** @type {HTMLInputElement | null} */ (byAttribute(tr, "data-column", column.name));
        var value = input ? input.value.trim() : "";
        if (value !== "") { row[column.name] = value; empty = false; }
      });
      if (!empty) rows.push(row);
    });
    return rows;
  }

  /** @param {HTMLFormElement} form @param {Declaration} declaration */
  function collect(form, declaration) {
    /** @type {Record<string, unknown>} */
    var inputs = {};
    declaration.inputs.forEach(function (field) {
      var value = fieldValue(form, field);
      if (value !== undefined) inputs[field.name] = value;
    });
    return inputs;
  }

  // Answers from the address are anyone's: only the declared fields are read (own properties,
  // so "__proto__" or "constructor" are just unknown names), only values of the field's kind are
  // used, and they are set as .value or .checked, never as HTML.
  /** @param {HTMLFormElement} form @param {Declaration} declaration @param {unknown} inputs */
  function fill(form, declaration, inputs) {
    if (!isRecord(inputs)) return;
    declaration.inputs.forEach(function (field) {
      if (!own.call(inputs, field.name)) return;
      var value = inputs[field.name];
      var found = controls(form, field.name);
      if (field.type === "bool") {
        var wanted = value === true || value === false || value === null ? String(value === null ? "" : value) : scalar(value);
        found.forEach(function (radio) { if (radio.value === wanted) radio.checked = true; });
      } else if (field.type === "multi") {
        var list = Array.isArray(value) ? value : [];
        found.forEach(function (box) { box.checked = list.indexOf(box.value) >= 0; });
      } else if (field.type === "rows") {
        var table = byAttribute(form, "data-rows", field.name);
        var body = table && table.querySelector("tbody");
        if (!table || !body || !Array.isArray(value)) return;
        body.textContent = "";
        var limit = typeof field.maximum === "number" ? Math.min(field.maximum, MAX_ROWS) : MAX_ROWS;
        var rowsTable = table;
        value.slice(0, limit).forEach(function (row) { if (isRecord(row)) addRow(rowsTable, field, row); });
      } else if (found.length) {
        var text = scalar(value);
        if (text === null) return;
        var control = found[0];
        if (control instanceof HTMLSelectElement) {
          var known = Array.prototype.some.call(control.options, function (/** @type {HTMLOptionElement} */ o) { return o.value === text; });
          if (known) control.value = text;
        } else {
          control.value = text;
        }
      }
    });
  }

  /**
   * @param {HTMLElement} table the rows field's table @param {Field} field
   * @param {Record<string, unknown>} [values] @returns {HTMLTableRowElement | null}
   */
  function addRow(table, field, values) {
    var template = /** @type {HTMLTemplateElement | null} */ (table.querySelector("template"));
    var body = table.querySelector("tbody");
    var first = template && template.content.firstElementChild;
    if (!first || !body) return null;
    var row = /** @type {HTMLTableRowElement} */ (first.cloneNode(true));
    (field.rows || []).forEach(function (column) {
      var input = /** @type {HTMLInputElement | null} */ (byAttribute(row, "data-column", column.name));
      var value = values && own.call(values, column.name) ? scalar(values[column.name]) : null;
      if (input && value !== null) input.value = value;
    });
    body.appendChild(row);
    return row;
  }

  /** @param {HTMLFormElement} form */
  function clearErrors(form) {
    form.querySelectorAll(".pp-field-error").forEach(function (node) { node.textContent = ""; /** @type {HTMLElement} */ (node).hidden = true; });
    form.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
  }

  // errors: {key: {zh, en}}, the key a field's name, or "rows[2].pay" for a cell of a rows field.
  /** @param {HTMLFormElement} form @param {Record<string, any>} errors */
  function showErrors(form, errors) {
    /** @type {HTMLElement[]} */
    var invalid = [];
    Object.keys(errors).forEach(function (key) {
      var match = /^([^[.]*)(?:\[(\d+)\]\.?([^[.]*))?/.exec(key) || ["", key];
      var name = match[1];
      var slot = byAttribute(form, "data-error-for", name) || byAttribute(form, "data-error-for", "_");
      if (!slot) return;
      var message = errors[key];
      var text = isRecord(message) ? String(message[lang] || message.zh || "") : String(message);
      slot.textContent = slot.textContent ? slot.textContent + " " + text : text;
      slot.hidden = false;
      /** @type {HTMLElement[]} */
      var marked = controls(form, name);
      var table = byAttribute(form, "data-rows", name);
      if (table && match[2] !== undefined) {
        var tr = table.querySelectorAll("tbody tr")[parseInt(match[2], 10)];
        var cell = tr && match[3] ? byAttribute(tr, "data-column", match[3]) : null;
        if (cell) marked = [cell];
      }
      marked.forEach(function (node) { node.setAttribute("aria-invalid", "true"); });
      invalid = invalid.concat(marked);
    });
    if (invalid.length) invalid[0].focus();
  }

  /** @param {unknown} text */
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return /** @type {Record<string, string>} */ ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c];
    });
  }

  /** @param {unknown} value @returns {string} HTML: a number in the page's language, anything else escaped */
  function number(value) {
    if (typeof value !== "number") return escapeHtml(value);
    return value.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { maximumFractionDigits: 2 });
  }

  /** @param {unknown} iso a day, YYYY-MM-DD @returns {string} it in the page's language: 2020年5月15日, 15 May 2020 */
  function dayWords(iso) {
    var match = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
    if (!match) return String(iso);
    var day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return day.toLocaleDateString(lang === "zh" ? "zh-CN" : "en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  // A result for a day outside the notice (in_force_on_date false, the notice expired or not yet
  // in force on the day asked about) is history, or what the notice will give: it is never
  // worded as what the reader gets now.
  /** @param {any} result @returns {"history" | "not_yet" | null} null when the notice applies on the day asked about */
  function standing(result) {
    if (result.in_force_on_date !== false) return null;
    return isRecord(result.date_reason) && result.date_reason.code === "notice_not_yet_in_force" ? "not_yet" : "history";
  }

  /** @param {any} result @returns {any} the explanation's line saying the notice does not apply on that day, if it has one */
  function historyLine(result) {
    var lines = Array.isArray(result.explanation) ? result.explanation : [];
    return lines.filter(function (/** @type {any} */ line) { return isRecord(line) && line.condition === "in_force_on_date"; })[0] || null;
  }

  /** @param {string} clause @param {string} [documentId] */
  function clauseLink(clause, documentId) {
    return base + "documents/" + encodeURIComponent(documentId || defaultDocument) + "/" + encodeURIComponent(clause) + "/";
  }

  /**
   * @param {any} result @param {string} [said] the amount in words, which may already say how to read it ("约 54,840 元")
   * @returns {string} HTML: how to read the amount (amount_kind), or nothing for a kind without words or one the words already say
   */
  function amountKind(result, said) {
    var kind = typeof result.amount_kind === "string" ? "amount_kind_" + result.amount_kind : "";
    if (!kind || !own.call(words, kind) || !words[kind]) return "";
    if (said && String(said).toLowerCase().indexOf(say(kind).toLowerCase()) >= 0) return "";
    return ' <span class="pp-amount-kind pp-amount-kind--' + escapeHtml(result.amount_kind) + '">' + escapeHtml(say(kind)) + "</span>";
  }

  /** @param {any} result @param {Record<string, {zh: string, en: string}>} labelled @returns {string} HTML: the readings it used, if any */
  function readingsNote(result, labelled) {
    var names = Array.isArray(result.readings) ? result.readings.filter(function (/** @type {unknown} */ n) { return typeof n === "string"; }) : [];
    if (!names.length) return "";
    var listed = names.map(function (/** @type {string} */ name) {
      var entry = own.call(labelled, name) ? /** @type {unknown} */ (labelled[name]) : null;
      var label = isRecord(entry) ? entry[lang] : null;
      return typeof label === "string" && label ? label : name;
    });
    return '<p class="pp-readings">' + escapeHtml(say("readings", { readings: listed.join(lang === "zh" ? "、" : "; ") })) + "</p>";
  }

  // Every value from the result is escaped: it may echo what was typed (a worker's name, say).
  /**
   * @param {HTMLElement} container @param {Declaration} declaration @param {any} result @param {string} [documentId]
   * @param {Record<string, {zh: string, en: string}>} [labelled] the labels of the readings the result used, by name
   */
  function renderResult(container, declaration, result, documentId, labelled) {
    var html = [];
    var outcome = String(result.outcome);
    var when = standing(result);
    var first = when ? historyLine(result) : null;
    // Outside the notice: the heading says so, and the sentence that says why comes first.
    var title = when ? say(when + "_heading", { date: dayWords(result.date_used), outcome: say(when + "_outcome_" + outcome) }) : say("outcome_" + outcome);
    html.push('<div class="admonition pp-outcome pp-outcome--' + escapeHtml(outcome) + (when ? " pp-outcome--" + when : "") + '"><p class="admonition-title">' + escapeHtml(title) + "</p>");
    if (first) html.push('<p class="pp-history">' + escapeHtml(first[lang]) + "</p>");
    else if (result.date_reason) html.push('<p class="pp-date-reason' + (when ? " pp-history" : "") + '">' + escapeHtml(result.date_reason[lang]) + "</p>");
    html.push("</div>");
    var outputs = declaration.outputs || [];
    var kindShown = false;
    if (outputs.length) {
      html.push('<dl class="pp-outputs">');
      outputs.forEach(function (output) {
        if (result[output.name] === undefined || result[output.name] === null) return;
        var value = result[output.name];
        if (value && typeof value === "object" && !Array.isArray(value) && value[lang] !== undefined) value = escapeHtml(value[lang]);
        else if (typeof value === "boolean") value = escapeHtml(say(value ? "yes" : "no"));
        else if (Array.isArray(value)) value = value.map(function (item) { return isRecord(item) && item[lang] !== undefined ? escapeHtml(item[lang]) : number(item); }).join(lang === "zh" ? "、" : ", ") || "—";
        else value = number(value);
        // The amount in words (amount_words, limit_words, total_words…: not eligible_words) says how to read it.
        if (!kindShown && /_words$/.test(output.name) && output.name !== "eligible_words") {
          value += amountKind(result, value);
          kindShown = true;
        }
        html.push("<dt>" + escapeHtml(output.label[lang]) + "</dt><dd>" + value + "</dd>");
      });
      html.push("</dl>");
    }
    html.push(readingsNote(result, labelled || {}));
    if (result.breakdown && result.breakdown.length) {
      html.push('<table class="pp-breakdown"><caption>' + escapeHtml(say("breakdown")) + "</caption><tbody>");
      result.breakdown.forEach(function (/** @type {any} */ line) {
        html.push("<tr><th scope=\"row\">" + escapeHtml(line.label[lang]) + "</th><td>" + number(line.value) + "</td></tr>");
      });
      html.push("</tbody></table>");
    }
    if (result.explanation && result.explanation.length) {
      html.push("<h3>" + escapeHtml(say("why")) + '</h3><ul class="pp-explanation">');
      result.explanation.forEach(function (/** @type {any} */ condition) {
        if (condition === first) return; // said first, above
        var mark = condition.met === true ? "met" : condition.met === false ? "unmet" : "unknown";
        html.push('<li class="pp-condition pp-condition--' + mark + '"><span class="pp-mark" aria-label="' + escapeHtml(say("condition_" + mark)) + '">' + (mark === "met" ? "✓" : mark === "unmet" ? "✗" : "?") + "</span> " + escapeHtml(condition[lang]) + ' <a href="' + escapeHtml(clauseLink(condition.clause, documentId)) + '">' + escapeHtml(say("see_clause")) + "</a></li>");
      });
      html.push("</ul>");
    }
    (result.notes || []).forEach(function (/** @type {any} */ note) { html.push('<p class="pp-note">' + escapeHtml(note[lang]) + "</p>"); });
    if (outcome === "not_eligible") html.push('<p class="pp-note">' + escapeHtml(say("other_help")) + "</p>");
    html.push('<p class="pp-disclaimer"><strong>' + escapeHtml(result.disclaimer ? result.disclaimer[lang] : say("disclaimer")) + "</strong></p>");
    html.push('<p><button type="button" class="md-button pp-print">' + escapeHtml(say("print")) + "</button></p>");
    container.innerHTML = html.join("");
    container.hidden = false;
    var print = container.querySelector(".pp-print");
    if (print) print.addEventListener("click", function () { printSummary(container); });
  }

  // The one-page summary (明白纸): the result, where to apply, the hotline, and a QR code that
  // opens this calculator with the same answers (they are in the address after '#').
  /** @param {HTMLElement} container */
  function printSummary(container) {
    var sheet = document.querySelector(".pp-print-only");
    var place = sheet && sheet.querySelector(".pp-print-result");
    var code = sheet && sheet.querySelector(".pp-print-qr");
    if (!place || !code) { window.print(); return; }
    var summary = /** @type {HTMLElement} */ (container.cloneNode(true));
    // The conditions and notes are left out; the history sentence (.pp-history, in the outcome) stays.
    summary.querySelectorAll(".pp-print, .pp-explanation, .pp-note, h3").forEach(function (node) { node.remove(); });
    place.innerHTML = summary.innerHTML;
    qr(location.href).then(function (svg) { // segno's drawing of the address: no text from the page
      /** @type {Element} */ (code).innerHTML = svg;
    }).catch(function () {
      /** @type {Element} */ (code).textContent = location.href;
    }).then(function () { window.print(); });
  }

  /** @param {Record<string, unknown>} inputs */
  function saveToFragment(inputs) {
    var encoded = encodeURIComponent(JSON.stringify(inputs));
    history.replaceState(history.state, "", "#answers=" + encoded); // keeps the booth stamp (policypress-modes.js)
  }

  // The answers in the address, or null: what is not a JSON object (or is too long to be one a
  // form wrote) is no answers at all, and fill() checks each value.
  /** @returns {Record<string, unknown> | null} */
  function loadFromFragment() {
    var match = /#answers=([^&]*)/.exec(location.hash);
    if (!match || match[1].length > MAX_FRAGMENT) return null;
    try {
      var answers = JSON.parse(decodeURIComponent(match[1]));
      return isRecord(answers) ? answers : null;
    } catch (error) {
      return null;
    }
  }

  /** @param {HTMLFormElement} form */
  function setupForm(form) {
    var button = /** @type {HTMLButtonElement | null} */ (form.querySelector('button[type="submit"]'));
    /** @type {(() => void) | null} */
    var onSubmit = null;
    // First of all: a submission never leaves the page, whatever happens next. The form has
    // method="dialog" and its button is disabled in the HTML, so without this script nothing is
    // sent anywhere either (answers must never end up in a URL, a server log or a cache).
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (onSubmit) onSubmit();
    });

    var declarationNode = form.querySelector(".pp-declaration");
    /** @type {Declaration} */
    var declaration = JSON.parse((declarationNode && declarationNode.textContent) || "null");
    var documentId = form.dataset.document;
    var status = /** @type {HTMLElement | null} */ (form.querySelector(".pp-runtime-status"));
    var container = form.parentElement;
    var result = /** @type {HTMLElement | null} */ (container && container.querySelector(".pp-result"));
    if (!declaration || !Array.isArray(declaration.inputs) || !result) throw new Error("calculator form without its declaration or result");
    var output = result;

    if (status) showStatus(status);

    /** @param {string} name @returns {Field | undefined} */
    function declared(name) {
      return declaration.inputs.filter(function (f) { return f.name === name; })[0];
    }

    // Rows fields: "add" beside the table (data-rows-add names it), "remove" in each row.
    form.querySelectorAll("button[data-rows-add]").forEach(function (add) {
      var name = add.getAttribute("data-rows-add") || "";
      var table = byAttribute(form, "data-rows", name);
      var field = declared(name);
      if (!table || !field) return;
      var rowsTable = table, rowsField = field;
      add.addEventListener("click", function () {
        var row = addRow(rowsTable, rowsField);
        var firstInput = row && row.querySelector("input");
        if (firstInput) firstInput.focus();
      });
    });
    form.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var remove = target && target.closest(".pp-row-remove");
      var row = remove && remove.closest("tr");
      var table = row && row.closest("[data-rows]");
      if (!row || !table || !form.contains(row)) return;
      row.remove();
      // The focus was on the button just removed: move it to the table's "add" button.
      var add = byAttribute(form, "data-rows-add", table.getAttribute("data-rows") || "");
      if (add) add.focus();
    });
    form.querySelectorAll("table[data-rows]").forEach(function (table) {
      var field = declared(table.getAttribute("data-rows") || "");
      if (field && !table.querySelector("tbody tr")) addRow(/** @type {HTMLElement} */ (table), field);
    });

    form.addEventListener("focusin", function () { start(documentId); }, { once: true });
    var restoring = false; // the run that shows answers from the address, not one the reader asked for
    onSubmit = function () {
      var restored = restoring;
      restoring = false;
      /** @param {unknown} error */
      function failure(error) {
        if (error) console.error("policypress:", error);
        output.innerHTML = '<p class="pp-failure">' + escapeHtml(say("stage_failed")) + "</p>";
        output.hidden = false;
      }
      function done() {
        if (button) button.disabled = false;
        output.removeAttribute("aria-busy");
      }
      try {
        clearErrors(form);
        var inputs = collect(form, declaration);
        saveToFragment(inputs);
        if (button) button.disabled = true;
        output.setAttribute("aria-busy", "true");
        calc(declaration.name, inputs).then(function (answer) {
          if (answer.errors) {
            showErrors(form, answer.errors);
            output.hidden = true;
            return;
          }
          // The readings' labels, from the parameters the worker has; their names if that fails.
          var readings = Array.isArray(answer.readings) ? answer.readings : [];
          var named = readings.length ? labels(readings).catch(function () { return {}; }) : Promise.resolve({});
          return named.then(function (labelled) {
            renderResult(output, declaration, answer, documentId, labelled);
            output.focus();
            // policypress-modes.js offers to read it aloud (and does, in elder mode).
            output.dispatchEvent(new CustomEvent("pp:result", { bubbles: true, detail: { restored: restored } }));
          });
        }).catch(function () {
          failure(null); // the runtime's own failure is shown by onStage("failed")
        }).then(done);
      } catch (error) {
        failure(error);
        done();
      }
    };

    var saved = loadFromFragment();
    if (saved) fill(form, declaration, saved);
    if (button) button.disabled = false; // the submit handler is in place: the form may be used
    if (saved) {
      restoring = true;
      if (typeof form.requestSubmit === "function") form.requestSubmit();
    }
  }

  // A calculator whose setup fails says so (the failure notice) instead of half-working.
  document.querySelectorAll("form.pp-calc-form").forEach(function (form) {
    try {
      setupForm(/** @type {HTMLFormElement} */ (form));
    } catch (error) {
      console.error("policypress: calculator form", error);
      var calculator = form.closest(".pp-calculator");
      var notice = /** @type {HTMLElement | null} */ (calculator && calculator.querySelector(".pp-runtime-failed"));
      if (notice) notice.hidden = false;
    }
  });

  // The self-check (.pp-selfcheck) starts it at its first answer: a reader who only looks costs
  // nothing (a click, a key or a change inside it, whichever comes first).
  document.querySelectorAll(".pp-calculator.pp-selfcheck").forEach(function (node) {
    var check = /** @type {HTMLElement} */ (node);
    function first() {
      ["click", "keydown", "change"].forEach(function (type) { check.removeEventListener(type, first); });
      start(check.dataset.document);
    }
    ["click", "keydown", "change"].forEach(function (type) { check.addEventListener(type, first); });
  });

  // Start loading when a calculator comes into view (not before: pages without one never do).
  var calculatorsOnPage = document.querySelectorAll(".pp-calculator:not(.pp-selfcheck)");
  if (calculatorsOnPage.length && "IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        start(/** @type {HTMLElement} */ (calculatorsOnPage[0]).dataset.document);
      }
    });
    calculatorsOnPage.forEach(function (node) { observer.observe(node); });
  }

  onStage(function (current) {
    if (current !== "failed") return;
    document.querySelectorAll(".pp-runtime-failed").forEach(function (node) { /** @type {HTMLElement} */ (node).hidden = false; });
  });
})();
