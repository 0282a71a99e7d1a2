// policypress: the calculators in the page. window.policypress.calc(name, inputs) returns a
// Promise of the same JSON that `policypress calc` prints. Pyodide starts loading only when a
// calculator comes into view or is first used; the page stays usable meanwhile. Nothing typed
// leaves the device: answers are kept in the URL fragment (never sent to a server) and the
// calculation runs in a Web Worker on this site's own files.
(function () {
  "use strict";

  var runtimeMeta = document.querySelector('meta[name="policypress-runtime"]');
  if (!runtimeMeta) return;
  var runtime = new URL(runtimeMeta.content, document.baseURI).href;
  var base = new URL(document.querySelector('meta[name="policypress-base"]').content, document.baseURI).href;
  var defaultDocument = document.querySelector('meta[name="policypress-document"]').content;
  var stringsNode = document.getElementById("pp-strings");
  var words = stringsNode ? JSON.parse(stringsNode.textContent) : {};
  var lang = document.documentElement.lang.indexOf("en") === 0 ? "en" : "zh";

  var worker = null;
  var failed = null;
  var stage = "idle";
  var sequence = 0;
  var pending = new Map();
  var listeners = [];

  function say(key) {
    return words[key] || key;
  }

  function setStage(next, detail) {
    stage = next;
    listeners.forEach(function (listener) { listener(next, detail); });
  }

  function start(documentId) {
    if (worker || failed) return;
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      failed = "no-webassembly";
      setStage("failed", failed);
      return;
    }
    try {
      worker = new Worker(new URL("policypress-calc-worker.mjs", runtimeMeta.dataset.assets ? new URL(runtimeMeta.dataset.assets, document.baseURI) : base + "assets/"), { type: "module" });
    } catch (error) {
      failed = String(error);
      setStage("failed", failed);
      return;
    }
    worker.onmessage = function (event) {
      var message = event.data;
      if (message.type === "progress") {
        setStage(message.stage);
      } else if (message.type === "failed") {
        failed = message.message;
        setStage("failed", failed);
        pending.forEach(function (entry) { entry.reject(new Error(failed)); });
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

  function calc(name, inputs) {
    start();
    if (failed) return Promise.reject(new Error(failed));
    return new Promise(function (resolve, reject) {
      sequence += 1;
      pending.set(sequence, { resolve: resolve, reject: reject });
      worker.postMessage({ type: "calc", id: sequence, name: name, inputs: inputs || {} });
    });
  }

  function qr(text) {
    start();
    if (failed) return Promise.reject(new Error(failed));
    return new Promise(function (resolve, reject) {
      sequence += 1;
      pending.set(sequence, { resolve: resolve, reject: reject });
      worker.postMessage({ type: "qr", id: sequence, text: text });
    });
  }

  function xlsx(result, rows, language) {
    start();
    if (failed) return Promise.reject(new Error(failed));
    return new Promise(function (resolve, reject) {
      sequence += 1;
      pending.set(sequence, { resolve: resolve, reject: reject });
      worker.postMessage({ type: "xlsx", id: sequence, result: result, rows: rows || [], lang: language || lang });
    });
  }

  window.policypress = {
    calc: calc,
    qr: qr,
    xlsx: xlsx,
    start: start,
    onStage: function (listener) { listeners.push(listener); listener(stage); },
    get stage() { return stage; },
  };

  // --- forms ------------------------------------------------------------------------------

  function fieldValue(form, field) {
    var name = field.name;
    if (field.type === "bool") {
      var checked = form.querySelector('input[name="' + name + '"]:checked');
      if (!checked || checked.value === "") return undefined;
      return checked.value === "true";
    }
    if (field.type === "rows") return rowsValue(form, field);
    var input = form.elements[name];
    if (!input) return undefined;
    var value = input.value.trim();
    if (value === "") return undefined;
    if (field.type === "int") return /^-?\d+$/.test(value) ? parseInt(value, 10) : value;
    return value;
  }

  function rowsValue(form, field) {
    var rows = [];
    form.querySelectorAll('[data-rows="' + field.name + '"] tbody tr').forEach(function (tr) {
      var row = {};
      var empty = true;
      field.rows.forEach(function (column) {
        var input = tr.querySelector('[data-column="' + column.name + '"]');
        var value = input ? input.value.trim() : "";
        if (value !== "") { row[column.name] = value; empty = false; }
      });
      if (!empty) rows.push(row);
    });
    return rows;
  }

  function collect(form, declaration) {
    var inputs = {};
    declaration.inputs.forEach(function (field) {
      var value = fieldValue(form, field);
      if (value !== undefined) inputs[field.name] = value;
    });
    return inputs;
  }

  function fill(form, declaration, inputs) {
    declaration.inputs.forEach(function (field) {
      var value = inputs[field.name];
      if (value === undefined) return;
      if (field.type === "bool") {
        var radio = form.querySelector('input[name="' + field.name + '"][value="' + String(value) + '"]');
        if (radio) radio.checked = true;
      } else if (field.type === "rows") {
        var table = form.querySelector('[data-rows="' + field.name + '"]');
        if (!table) return;
        var body = table.querySelector("tbody");
        body.innerHTML = "";
        (value || []).forEach(function (row) { addRow(table, field, row); });
      } else if (form.elements[field.name]) {
        form.elements[field.name].value = String(value);
      }
    });
  }

  function addRow(table, field, values) {
    var template = table.querySelector("template");
    var row = template.content.firstElementChild.cloneNode(true);
    field.rows.forEach(function (column) {
      var input = row.querySelector('[data-column="' + column.name + '"]');
      if (input && values && values[column.name] !== undefined) input.value = values[column.name];
    });
    row.querySelector(".pp-row-remove").addEventListener("click", function () { row.remove(); });
    table.querySelector("tbody").appendChild(row);
    return row;
  }

  function clearErrors(form) {
    form.querySelectorAll(".pp-field-error").forEach(function (node) { node.textContent = ""; node.hidden = true; });
    form.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
  }

  function showErrors(form, errors) {
    var first = null;
    Object.keys(errors).forEach(function (key) {
      var name = key.split("[")[0];
      var slot = form.querySelector('[data-error-for="' + name + '"]') || form.querySelector('[data-error-for="_"]');
      if (!slot) return;
      var text = errors[key][lang];
      slot.textContent = slot.textContent ? slot.textContent + " " + text : text;
      slot.hidden = false;
      var input = form.querySelector('[name="' + name + '"]');
      if (input) {
        input.setAttribute("aria-invalid", "true");
        first = first || input;
      }
    });
    if (first) first.focus();
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function number(value) {
    if (typeof value !== "number") return escapeHtml(value);
    return value.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { maximumFractionDigits: 2 });
  }

  function clauseLink(clause, documentId) {
    return base + "documents/" + (documentId || defaultDocument) + "/" + clause + "/";
  }

  function renderResult(container, declaration, result, documentId) {
    var html = [];
    var outcome = result.outcome;
    html.push('<div class="admonition pp-outcome pp-outcome--' + outcome + '"><p class="admonition-title">' + escapeHtml(say("outcome_" + outcome)) + "</p>");
    if (result.date_reason) html.push("<p>" + escapeHtml(result.date_reason[lang]) + "</p>");
    html.push("</div>");
    var outputs = declaration.outputs || [];
    if (outputs.length) {
      html.push('<dl class="pp-outputs">');
      outputs.forEach(function (output) {
        if (result[output.name] === undefined || result[output.name] === null) return;
        var value = result[output.name];
        if (value && typeof value === "object" && !Array.isArray(value) && value[lang] !== undefined) value = escapeHtml(value[lang]);
        else if (typeof value === "boolean") value = say(value ? "yes" : "no");
        else if (Array.isArray(value)) value = value.join(lang === "zh" ? "、" : ", ") || "—";
        else value = number(value);
        html.push("<dt>" + escapeHtml(output.label[lang]) + "</dt><dd>" + value + "</dd>");
      });
      html.push("</dl>");
    }
    if (result.breakdown && result.breakdown.length) {
      html.push('<table class="pp-breakdown"><caption>' + escapeHtml(say("breakdown")) + "</caption><tbody>");
      result.breakdown.forEach(function (line) {
        html.push("<tr><th scope=\"row\">" + escapeHtml(line.label[lang]) + "</th><td>" + number(line.value) + "</td></tr>");
      });
      html.push("</tbody></table>");
    }
    if (result.explanation && result.explanation.length) {
      html.push("<h3>" + escapeHtml(say("why")) + '</h3><ul class="pp-explanation">');
      result.explanation.forEach(function (condition) {
        var mark = condition.met === true ? "met" : condition.met === false ? "unmet" : "unknown";
        html.push('<li class="pp-condition pp-condition--' + mark + '"><span class="pp-mark" aria-label="' + escapeHtml(say("condition_" + mark)) + '">' + (mark === "met" ? "✓" : mark === "unmet" ? "✗" : "?") + "</span> " + escapeHtml(condition[lang]) + ' <a href="' + clauseLink(condition.clause, documentId) + '">' + escapeHtml(say("see_clause")) + "</a></li>");
      });
      html.push("</ul>");
    }
    (result.notes || []).forEach(function (note) { html.push('<p class="pp-note">' + escapeHtml(note[lang]) + "</p>"); });
    if (outcome === "not_eligible") html.push('<p class="pp-note">' + escapeHtml(say("other_help")) + "</p>");
    html.push('<p class="pp-disclaimer"><strong>' + escapeHtml(result.disclaimer ? result.disclaimer[lang] : say("disclaimer")) + "</strong></p>");
    html.push('<p><button type="button" class="md-button pp-print">' + escapeHtml(say("print")) + "</button></p>");
    container.innerHTML = html.join("");
    container.hidden = false;
    container.querySelector(".pp-print").addEventListener("click", function () { printSummary(container); });
  }

  // The one-page summary (明白纸): the result, where to apply, the hotline, and a QR code that
  // opens this calculator with the same answers (they are in the address after '#').
  function printSummary(container) {
    var sheet = document.querySelector(".pp-print-only");
    if (!sheet) { window.print(); return; }
    var summary = container.cloneNode(true);
    summary.querySelectorAll(".pp-print, .pp-explanation, .pp-note, h3").forEach(function (node) { node.remove(); });
    sheet.querySelector(".pp-print-result").innerHTML = summary.innerHTML;
    var code = sheet.querySelector(".pp-print-qr");
    qr(location.href).then(function (svg) {
      code.innerHTML = svg;
    }).catch(function () {
      code.textContent = location.href;
    }).then(function () { window.print(); });
  }

  function saveToFragment(inputs) {
    var encoded = encodeURIComponent(JSON.stringify(inputs));
    history.replaceState(history.state, "", "#answers=" + encoded); // keeps the booth stamp (policypress-modes.js)
  }

  function loadFromFragment() {
    var match = /#answers=([^&]*)/.exec(location.hash);
    if (!match) return null;
    try { return JSON.parse(decodeURIComponent(match[1])); } catch (error) { return null; }
  }

  function setupForm(form) {
    var declaration = JSON.parse(form.querySelector(".pp-declaration").textContent);
    var documentId = form.dataset.document;
    var status = form.querySelector(".pp-runtime-status");
    var result = form.parentElement.querySelector(".pp-result");
    var button = form.querySelector('button[type="submit"]');

    window.policypress.onStage(function (current) {
      if (!status) return;
      status.hidden = current === "idle" || current === "ready";
      status.className = "pp-runtime-status pp-runtime-status--" + current;
      status.textContent = say("stage_" + current);
    });

    form.querySelectorAll("[data-rows]").forEach(function (table) {
      var field = declaration.inputs.filter(function (f) { return f.name === table.dataset.rows; })[0];
      table.querySelector(".pp-row-add").addEventListener("click", function () {
        var row = addRow(table, field);
        var firstInput = row.querySelector("input");
        if (firstInput) firstInput.focus();
      });
      if (!table.querySelector("tbody tr")) addRow(table, field);
    });

    form.addEventListener("focusin", function () { start(documentId); }, { once: true });
    var restoring = false; // the run that shows answers from the address, not one the reader asked for
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var restored = restoring;
      restoring = false;
      clearErrors(form);
      var inputs = collect(form, declaration);
      saveToFragment(inputs);
      button.disabled = true;
      result.setAttribute("aria-busy", "true");
      calc(declaration.name, inputs).then(function (output) {
        if (output.errors) {
          showErrors(form, output.errors);
          result.hidden = true;
        } else {
          renderResult(result, declaration, output, documentId);
          result.focus();
          // policypress-modes.js offers to read it aloud (and does, in elder mode).
          result.dispatchEvent(new CustomEvent("pp:result", { bubbles: true, detail: { restored: restored } }));
        }
      }).catch(function () {
        result.innerHTML = '<p class="pp-failure">' + escapeHtml(say("stage_failed")) + "</p>";
        result.hidden = false;
      }).then(function () {
        button.disabled = false;
        result.removeAttribute("aria-busy");
      });
    });

    var saved = loadFromFragment();
    if (saved) {
      fill(form, declaration, saved);
      restoring = true;
      if (typeof form.requestSubmit === "function") form.requestSubmit();
    }
  }

  var forms = document.querySelectorAll("form.pp-calc-form");
  forms.forEach(setupForm);

  // Start loading when a calculator comes into view (not before: pages without one never do).
  var calculatorsOnPage = document.querySelectorAll(".pp-calculator");
  if (calculatorsOnPage.length && "IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        start(calculatorsOnPage[0].dataset.document);
      }
    });
    calculatorsOnPage.forEach(function (node) { observer.observe(node); });
  }

  window.policypress.onStage(function (current) {
    if (current !== "failed") return;
    document.querySelectorAll(".pp-runtime-failed").forEach(function (node) { node.hidden = false; });
  });
})();
