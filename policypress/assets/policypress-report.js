// policypress: the monthly statistics report (统计表). An editable table built from the columns and
// relations of statistics-table.yaml (the page's JSON config), checked as the clerk types by the
// stats-report calculator (window.policypress.calc, Pyodide in a Web Worker), the 合计 row live,
// the draft kept in localStorage, XLSX made by xlsxwriter in the same worker, CSV out and in.
// Nothing leaves the device.
// Hostile files: CSV cells follow the rule of reports/cells.py (README, "Staff pages"): on export a
// cell whose text starts with = + - @, a tab or a carriage return (after any apostrophes) gets an
// apostrophe in front, so no spreadsheet runs it as a formula; on import that apostrophe is removed.
// A file over config.limits.bytes, or with more than config.limits.rows units, is refused before
// anything on the page changes; rows are added BATCH at a time, one batch per animation frame, so
// the page answers while the largest allowed table appears; a draft the storage refuses is said so.
(function () {
  "use strict";

  var configNode = document.querySelector(".pp-report-config");
  var app = document.querySelector(".pp-report-app");
  if (!configNode || !app) return;
  var config = JSON.parse(configNode.textContent);
  var S = config.strings;
  var lang = config.lang;
  var table = config.table;
  var columns = table.columns;
  var WIDTH = columns.length;
  var DECIMALS = table.money_decimals;
  var STORE = "policypress-report:" + config.document;
  var RECONSTRUCTED = "\u25c7";
  var DEBOUNCE = 400;
  var LIMITS = config.limits;
  var BATCH = 100; // rows added per animation frame

  function say(key, values) {
    var text = S[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.replace("{" + name + "}", values[name]); });
    return text;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "className") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function label(column) {
    return (column.reconstructed ? RECONSTRUCTED : "") + column.label[lang];
  }

  // --- the page's parts ------------------------------------------------------------------------

  var areas = el("datalist", { id: "pp-report-areas" }, config.areas.map(function (name) { return el("option", { value: name }); }));
  var county = el("input", { id: "pp-report-county", name: "county", list: "pp-report-areas", autocomplete: "off" });
  var month = el("input", { id: "pp-report-month", name: "month", placeholder: "2016-11", inputmode: "numeric", autocomplete: "off" });
  var fields = el("div", { className: "pp-report-fields" }, [
    el("label", { for: "pp-report-county", text: S.county }), county, areas,
    el("label", { for: "pp-report-month", text: S.month }), month,
  ]);

  var head1 = el("tr", {}, [el("th", { scope: "col", rowspan: "2", text: S.unit, className: "pp-report-unit" })]);
  var head2 = el("tr", {}, []);
  columns.forEach(function (column) {
    head1.appendChild(el("th", { scope: "col", title: column.label[lang], "data-column": String(column.number), className: column.reconstructed ? "pp-report-reconstructed" : "" }, [
      el("span", { text: label(column) }),
    ]));
    head2.appendChild(el("th", { scope: "col", className: "pp-report-number", text: "(" + column.number + ")" }));
  });
  head1.appendChild(el("th", { scope: "col", rowspan: "2", className: "pp-report-actions" }, [el("span", { className: "pp-visually-hidden", text: S.remove_row })]));
  var tbody = el("tbody");
  var totalRow = el("tr", { className: "pp-report-total" }, [el("th", { scope: "row", text: S.total, className: "pp-report-unit" })]);
  columns.forEach(function (column) { totalRow.appendChild(el("td", { "data-column": String(column.number) })); });
  totalRow.appendChild(el("td"));
  var grid = el("table", { className: "pp-report-table" }, [el("thead", {}, [head1, head2]), tbody, el("tfoot", {}, [totalRow])]);

  var addButton = el("button", { type: "button", className: "md-button pp-report-add", text: S.add_row });
  var pasteBox = el("textarea", { id: "pp-report-paste", rows: "3", className: "pp-report-paste", "aria-describedby": "pp-report-paste-help" });
  var pasteButton = el("button", { type: "button", className: "md-button pp-report-paste-apply", text: S.paste_apply });
  var pasteArea = el("details", { className: "pp-report-paste-area" }, [
    el("summary", { text: S.paste }),
    el("p", { id: "pp-report-paste-help", className: "pp-help", text: S.paste_help }),
    pasteBox, pasteButton,
  ]);
  var xlsxButton = el("button", { type: "button", className: "md-button md-button--primary pp-report-xlsx", text: S.export_xlsx });
  var csvButton = el("button", { type: "button", className: "md-button pp-report-csv", text: S.export_csv });
  // The browser's file input would speak the browser's language ("Choose File"): hidden, and
  // opened by the page's own button.
  var csvInput = el("input", { type: "file", accept: ".csv,text/csv", className: "pp-report-csv-file", id: "pp-report-csv-file", hidden: "hidden", tabindex: "-1", "aria-hidden": "true" });
  var csvImport = el("button", { type: "button", className: "md-button pp-report-csv-import", text: S.import_csv });
  csvImport.addEventListener("click", function () { csvInput.click(); });
  var printButton = el("button", { type: "button", className: "md-button pp-report-print", text: S.print });
  var clearButton = el("button", { type: "button", className: "md-button pp-report-clear", text: S.clear });
  var tools = el("div", { className: "pp-report-tools" }, [addButton, xlsxButton, csvButton, csvImport, csvInput, printButton, clearButton]);
  var stageLine = el("p", { className: "pp-report-stage", "aria-live": "polite" });
  var notice = el("p", { className: "pp-report-notice", "aria-live": "polite" });
  var storageLine = el("p", { className: "pp-report-storage pp-field-error", role: "alert", hidden: "hidden" });
  var messages = el("div", { className: "pp-report-messages", role: "status", "aria-live": "polite" });
  var due = el("p", { className: "pp-report-due" });
  var note = columns.some(function (c) { return c.reconstructed; }) ? el("p", { className: "pp-note", text: S.reconstructed }) : null;

  app.appendChild(fields);
  app.appendChild(pasteArea);
  app.appendChild(el("div", { className: "pp-report-scroll" }, [grid]));
  app.appendChild(addButton);
  app.appendChild(stageLine);
  app.appendChild(messages);
  app.appendChild(due);
  if (note) app.appendChild(note);
  app.appendChild(tools);
  app.appendChild(notice);
  app.appendChild(storageLine);

  // --- rows --------------------------------------------------------------------------------------

  function renumber() {
    Array.prototype.forEach.call(tbody.rows, function (tr, index) {
      tr.querySelector(".pp-report-remove").setAttribute("aria-label", say("remove_row_label", { n: index + 1 }));
    });
  }

  // A row at the end of the table (its remove button labelled with its number there).
  function addRow(row) {
    var tr = el("tr");
    var unit = el("input", { className: "pp-report-cell-unit", "data-column": "unit", "aria-label": S.unit, autocomplete: "off" });
    unit.value = (row && row.unit) || "";
    tr.appendChild(el("td", { className: "pp-report-unit" }, [unit])); // stays in view as the table scrolls sideways
    columns.forEach(function (column, i) {
      var input = el("input", {
        "data-column": String(column.number),
        "aria-label": "(" + column.number + ") " + column.label[lang],
        inputmode: "decimal",
        autocomplete: "off",
      });
      var value = row && row.columns ? row.columns[i] : "";
      input.value = value === undefined || value === null ? "" : String(value);
      tr.appendChild(el("td", { "data-column": String(column.number) }, [input]));
    });
    var remove = el("button", {
      type: "button", className: "pp-report-remove", text: "\u00d7", title: S.remove_row,
      "aria-label": say("remove_row_label", { n: tbody.rows.length + 1 }),
    });
    remove.addEventListener("click", function () {
      tr.remove();
      if (!tbody.rows.length) addRow();
      renumber();
      changed();
    });
    tr.appendChild(el("td", { className: "pp-report-actions" }, [remove]));
    tbody.appendChild(tr);
    return tr;
  }

  function rowOf(tr) {
    var inputs = tr.querySelectorAll("input");
    var values = [];
    for (var i = 1; i <= WIDTH; i += 1) values.push(inputs[i].value.trim());
    return { unit: inputs[0].value.trim(), columns: values };
  }

  function isEmpty(row) {
    return !row.unit && row.columns.every(function (v) { return v === ""; });
  }

  function state() {
    return {
      county: county.value.trim(),
      month: month.value.trim(),
      rows: Array.prototype.map.call(tbody.rows, rowOf),
    };
  }

  // The rows the calculator sees, with the table row each came from.
  function filled() {
    var rows = [], trs = [];
    Array.prototype.forEach.call(tbody.rows, function (tr) {
      var row = rowOf(tr);
      if (!isEmpty(row)) { rows.push(row); trs.push(tr); }
    });
    return { rows: rows, trs: trs };
  }

  var loading = 0; // the current load(): an older one stops at its next batch
  var rendering = false; // rows are still being added: nothing is saved or checked until all are there

  function nextFrame(fn) {
    if (window.requestAnimationFrame && document.visibilityState !== "hidden") window.requestAnimationFrame(function () { fn(); });
    else setTimeout(fn, 0);
  }

  // The table replaced by `data`, BATCH rows per frame; resolves true once every row is there
  // (false when a later load() took over).
  function load(data) {
    loading += 1;
    var mine = loading;
    county.value = data.county || "";
    month.value = data.month || "";
    tbody.innerHTML = "";
    var rows = data.rows && data.rows.length ? data.rows : [null];
    var next = 0;
    rendering = true;
    // The unit column is made sticky once every row is there: laid out row batch by row batch,
    // sticky cells cost about as much again as the rows themselves (1000 rows: 68 s against 40 s
    // on the 2-core test machine).
    grid.classList.add("pp-report-loading");
    return new Promise(function (resolve) {
      function batch() {
        if (mine !== loading) { resolve(false); return; }
        for (var end = Math.min(next + BATCH, rows.length); next < end; next += 1) addRow(rows[next]);
        if (next < rows.length) { nextFrame(batch); return; }
        rendering = false;
        grid.classList.remove("pp-report-loading");
        resolve(true);
      }
      batch();
    });
  }

  // --- the 合计 row, summed here at once (the calculator's totals replace it when they come) ---------

  function parseCell(text, column) {
    var clean = String(text).replace(/[,，\s]/g, "");
    if (clean === "") return 0;
    if (!/^\d+(\.\d*)?$/.test(clean)) return null;
    if (column.kind === "money") {
      var parts = clean.split(".");
      var frac = (parts[1] || "");
      if (frac.length > DECIMALS) return null;
      return parseInt(parts[0], 10) * Math.pow(10, DECIMALS) + parseInt((frac + "0000000000").slice(0, DECIMALS) || "0", 10);
    }
    return clean.indexOf(".") >= 0 && !/\.0*$/.test(clean) ? null : parseInt(clean, 10);
  }

  function formatTotal(value, column) {
    if (value === null) return "—";
    if (column.kind !== "money") return String(value);
    var scale = Math.pow(10, DECIMALS);
    var whole = Math.floor(value / scale), frac = String(value % scale);
    while (frac.length < DECIMALS) frac = "0" + frac;
    return DECIMALS ? whole + "." + frac : String(whole);
  }

  function showTotals() {
    var rows = filled().rows;
    columns.forEach(function (column, i) {
      /** @type {number | null} */
      var sum = 0;
      rows.forEach(function (row) {
        var value = parseCell(row.columns[i], column);
        sum = sum === null || value === null ? null : sum + value;
      });
      totalRow.cells[i + 1].textContent = formatTotal(sum, column);
    });
  }

  // --- checking as the clerk types ------------------------------------------------------------------

  var timer = null;
  var latest = 0;

  function clearMarks() {
    grid.querySelectorAll(".pp-report-bad").forEach(function (node) { node.classList.remove("pp-report-bad"); });
    grid.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    grid.querySelectorAll("tbody td[title], tfoot td[title]").forEach(function (node) { node.removeAttribute("title"); });
  }

  function relationColumns(name) {
    var match = /^\((\d+)\)≥\((\d+)\)$/.exec(name);
    return match ? [parseInt(match[1], 10), parseInt(match[2], 10)] : [];
  }

  function mark(tr, number, text) {
    var cell = tr.cells[number];
    if (!cell) return;
    cell.classList.add("pp-report-bad");
    cell.setAttribute("title", text);
    var input = cell.querySelector("input");
    if (input) input.setAttribute("aria-invalid", "true");
  }

  function showResult(result, trs) {
    clearMarks();
    messages.innerHTML = "";
    due.textContent = "";
    if (result.errors) {
      var list = el("ul", { className: "pp-report-errors" });
      Object.keys(result.errors).forEach(function (key) {
        list.appendChild(el("li", { text: result.errors[key][lang] }));
        var match = /^rows\[(\d+)\]\.(\w+)/.exec(key);
        if (match && trs[parseInt(match[1], 10)]) {
          var tr = trs[parseInt(match[1], 10)];
          if (match[2] === "unit") mark(tr, 0, result.errors[key][lang]);
          else Array.prototype.forEach.call(tr.cells, function (cell, i) { if (i > 0 && i <= WIDTH) {
            var input = cell.querySelector("input");
            if (input && parseCell(input.value, columns[i - 1]) === null) mark(tr, i, result.errors[key][lang]);
          } });
        } else if (key === "county") county.setAttribute("aria-invalid", "true");
        else if (key === "month") month.setAttribute("aria-invalid", "true");
      });
      messages.appendChild(list);
      return;
    }
    result.totals.forEach(function (value, i) {
      totalRow.cells[i + 1].textContent = columns[i].kind === "money" ? Number(value).toFixed(DECIMALS) : String(value);
    });
    if (result.violations.length) {
      messages.appendChild(el("p", { className: "pp-report-broken-title", text: S.broken }));
      var broken = el("ul", { className: "pp-report-violations" });
      result.violations.forEach(function (v) {
        broken.appendChild(el("li", { "data-relation": v.relation, "data-row": String(v.row), text: v[lang] }));
        var tr = v.row === "total" ? totalRow : trs[v.row - 1];
        if (tr) relationColumns(v.relation).forEach(function (number) { mark(tr, number, v[lang]); });
      });
      messages.appendChild(broken);
    } else {
      messages.appendChild(el("p", { className: "pp-report-ok", text: S.ok }));
    }
    due.textContent = say("due", { date: result.due_date });
  }

  function check() {
    if (rendering) return Promise.resolve(null);
    var current = filled();
    var inputs = { county: county.value.trim(), month: month.value.trim(), rows: current.rows };
    latest += 1;
    var mine = latest;
    if (!current.rows.length) {
      clearMarks();
      messages.innerHTML = "";
      due.textContent = "";
      return Promise.resolve(null);
    }
    if (!window.policypress) return Promise.resolve(null);
    stageLine.textContent = window.policypress.stage === "ready" ? S.checking : S.loading;
    return window.policypress.calc(config.calculator, inputs).then(function (result) {
      if (mine !== latest) return null;
      stageLine.textContent = "";
      showResult(result, current.trs);
      return { result: result, rows: current.rows };
    }).catch(function (error) {
      if (mine === latest) stageLine.textContent = String(error && error.message || error);
      return null;
    });
  }

  function booth() {
    return !!(window.policypressModes && !window.policypressModes.mayStore());
  }

  // Keep the draft; true when the storage took it. Refused (full, or switched off): said so.
  function save() {
    if (rendering || booth()) return false; // booth mode: no draft kept
    try {
      localStorage.setItem(STORE, JSON.stringify(state()));
    } catch (error) {
      storageLine.textContent = S.storage_failed;
      storageLine.hidden = false;
      return false;
    }
    storageLine.textContent = "";
    storageLine.hidden = true;
    return true;
  }

  function changed() {
    if (rendering) return; // load() calls it once every row is there
    save();
    showTotals();
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE);
  }

  // --- paste a block copied from Excel (TSV) -------------------------------------------------------

  var HEADER_UNITS = ["unit", "填报单位", "合计", "total"];

  function parseBlock(text) {
    var lines = text.replace(/\r\n?/g, "\n").split("\n").filter(function (line) { return line.trim() !== ""; });
    var rows = [], problems = [];
    lines.forEach(function (line, index) {
      var cells = line.indexOf("\t") >= 0 ? line.split("\t") : line.trim().split(/\s+/);
      cells = cells.map(function (cell) { return cell.trim(); });
      while (cells.length > WIDTH + 1 && cells[cells.length - 1] === "") cells.pop();
      var first = (cells[0] || "").toLowerCase();
      var numbers = cells.filter(function (c) { return c !== ""; }).map(function (c) { return c.replace(/[()（）]/g, ""); });
      if (HEADER_UNITS.indexOf(first) >= 0) return;  // a header or 合计 line: 合计 is computed
      if (numbers.length === WIDTH && numbers.every(function (c, i) { return c === String(i + 1); })) return;  // the numbers row
      if (cells.length === WIDTH + 1) rows.push({ unit: cells[0], columns: cells.slice(1) });
      else if (cells.length === WIDTH) rows.push({ unit: "", columns: cells });
      else problems.push(say("paste_bad", { n: index + 1, k: cells.length }));
    });
    return { rows: rows, problems: problems };
  }

  function startOf(startTr) {
    var start = startTr ? Array.prototype.indexOf.call(tbody.rows, startTr) : -1;
    if (start < 0) {
      // after the last non-empty row; empty rows at the end are filled first
      start = 0;
      Array.prototype.forEach.call(tbody.rows, function (tr, i) { if (!isEmpty(rowOf(tr))) start = i + 1; });
    }
    return start;
  }

  function putRows(rows, start) {
    rows.forEach(function (row, offset) {
      var tr = tbody.rows[start + offset] || addRow();
      var inputs = tr.querySelectorAll("input");
      if (row.unit || !inputs[0].value) inputs[0].value = row.unit;
      row.columns.forEach(function (value, i) { inputs[i + 1].value = value; });
    });
  }

  function paste(text, startTr) {
    if (rendering) return 0;
    var block = parseBlock(text);
    var start = startOf(startTr);
    var total = Math.max(tbody.rows.length, start + block.rows.length);
    if (total > LIMITS.rows) {
      notice.textContent = say("paste_too_many", { n: total, limit: LIMITS.rows });
      return 0;
    }
    if (block.rows.length) putRows(block.rows, start);
    notice.textContent = [block.rows.length ? say("pasted", { n: block.rows.length }) : ""].concat(block.problems).join(" ").trim();
    changed();
    return block.rows.length;
  }

  tbody.addEventListener("paste", function (event) {
    var text = (event.clipboardData || /** @type {any} */ (window).clipboardData).getData("text");
    if (!/[\t\n]/.test(text)) return;  // one value: the browser's own paste
    event.preventDefault();
    paste(text, event.target.closest("tr"));
  });
  pasteButton.addEventListener("click", function () {
    if (paste(pasteBox.value)) pasteBox.value = "";
  });

  // --- CSV out and in (the layout reports.read_csv accepts) ----------------------------------------

  // The formula rule (reports/cells.py): the same two functions are in policypress-card.js.
  var FORMULA_LIKE = /^'*[=+\-@\t\r]/;

  function csvEscape(text) {
    return FORMULA_LIKE.test(text) ? "'" + text : text;
  }

  function csvUnescape(text) {
    return text.charAt(0) === "'" && FORMULA_LIKE.test(text) ? text.slice(1) : text;
  }

  function csvCell(value) {
    value = csvEscape(String(value === undefined || value === null ? "" : value));
    return /[",\n\r]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function toCsv() {
    var data = state();
    var lines = [["county", data.county], ["month", data.month], ["unit"].concat(columns.map(function (c) { return String(c.number); }))];
    data.rows.filter(function (row) { return !isEmpty(row); }).forEach(function (row) { lines.push([row.unit].concat(row.columns)); });
    return "\ufeff" + lines.map(function (cells) { return cells.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function parseCsv(text) {
    var rows = [], row = [], cell = "", quoted = false, line = 1, quoteLine = 1;
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
      else if (ch === ",") { row.push(csvUnescape(cell)); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i += 1;
        line += 1;
        row.push(csvUnescape(cell)); rows.push(row); row = []; cell = "";
      } else cell += ch;
    }
    if (quoted) throw new Error(say("import_quote", { n: quoteLine }));
    if (cell !== "" || row.length) { row.push(csvUnescape(cell)); rows.push(row); }
    return rows;
  }

  var PREAMBLE = { county: "county", "县(区)": "county", "县（区）": "county", month: "month", "报告期": "month" };

  function columnNumber(header) {
    var name = header.trim().replace(/^\u25c7/, "").trim();
    var match = /^[(（]?\s*(\d+)\s*[)）]?$/.exec(name);
    if (match) {
      var n = parseInt(match[1], 10);
      return n >= 1 && n <= WIDTH ? n : null;
    }
    var found = columns.filter(function (c) { return c.label.zh === name || c.label.en === name; })[0];
    return found ? found.number : null;
  }

  function fromCsv(text) {
    var data = { county: county.value.trim(), month: month.value.trim(), rows: /** @type {{unit: string, columns: string[]}[]} */ ([]) };
    var order = null;
    parseCsv(text.replace(/^\ufeff/, "")).forEach(function (cells, index) {
      if (!cells.some(function (c) { return c.trim(); })) return;
      var first = cells[0].trim(), key = first.toLowerCase();
      if (!order && PREAMBLE[key]) data[PREAMBLE[key]] = (cells[1] || "").trim();
      else if (!order && (key === "unit" || first === "填报单位")) {
        order = cells.slice(1).map(columnNumber);
        var sorted = order.slice().sort(function (a, b) { return a - b; });
        if (sorted.length !== WIDTH || sorted.some(function (n, i) { return n !== i + 1; })) throw new Error(lang === "zh" ? "表头应有第 1 至第 " + WIDTH + " 栏，每栏一次。" : "The header must name columns 1 to " + WIDTH + ", each once.");
      } else if (!order) throw new Error(lang === "zh" ? "第 " + (index + 1) + " 行：表头应以 unit（或 填报单位）开头。" : "Line " + (index + 1) + ": the header must start with 'unit'.");
      else if (["合计", "total"].indexOf(key) < 0) {
        var values = new Array(WIDTH).fill("");
        order.forEach(function (number, i) { values[number - 1] = (cells[i + 1] || "").trim(); });
        data.rows.push({ unit: first, columns: values });
      }
    });
    if (!order) throw new Error(lang === "zh" ? "没有找到表头（unit,1,2,…）。" : "No header line (unit,1,2,…) was found.");
    if (data.rows.length > LIMITS.rows) throw new Error(say("import_too_many_rows", { n: data.rows.length, limit: LIMITS.rows }));
    return data;
  }

  function sizeText(bytes) {
    if (bytes >= 1048576) return String(Math.round(bytes / 104857.6) / 10) + " MB";
    return String(Math.ceil(bytes / 1024)) + " KB";
  }

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function fileName(ext) {
    var data = state();
    return [S.file_prefix, data.county || "-", data.month || "-"].join("-").replace(/[\\/:*?"<>|]/g, "_") + "." + ext;
  }

  csvButton.addEventListener("click", function () {
    download(new Blob([toCsv()], { type: "text/csv;charset=utf-8" }), fileName("csv"));
  });

  // Refused before it is read when too big; read and checked whole before the table changes.
  csvInput.addEventListener("change", function () {
    var file = csvInput.files && csvInput.files[0];
    if (!file) return;
    if (file.size > LIMITS.bytes) {
      notice.textContent = S.import_failed + say("import_too_big", { file: file.name, size: sizeText(file.size), limit: sizeText(LIMITS.bytes) });
      csvInput.value = "";
      return;
    }
    file.text().then(function (text) {
      var data = fromCsv(text);
      notice.textContent = say("importing", { n: data.rows.length });
      return load(data).then(function (done) {
        if (!done) return;
        notice.textContent = say("imported", { n: data.rows.length }) + (booth() ? " " + S.booth_no_draft : "");
        changed();
      });
    }).catch(function (error) {
      notice.textContent = S.import_failed + (error && error.message || error);
    }).then(function () { csvInput.value = ""; });
  });

  xlsxButton.addEventListener("click", function () {
    clearTimeout(timer);
    xlsxButton.disabled = true;
    notice.textContent = "";
    check().then(function (checked) {
      if (!checked) return null;
      if (checked.result.errors) {
        notice.textContent = S.export_blocked;
        return null;
      }
      return /** @type {PolicypressRuntime} */ (window.policypress).xlsx(checked.result, checked.rows, lang).then(function (bytes) {
        var type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        download(new Blob([bytes], { type: type }), fileName("xlsx"));
      });
    }).catch(function (error) {
      notice.textContent = S.export_failed + (error && error.message || error);
    }).then(function () { xlsxButton.disabled = false; });
  });

  printButton.addEventListener("click", function () { window.print(); });
  clearButton.addEventListener("click", function () {
    if (!window.confirm(S.clear_confirm)) return;
    try { localStorage.removeItem(STORE); } catch (error) { /* nothing kept */ }
    load({}).then(function (done) { if (done) changed(); });
  });
  addButton.addEventListener("click", function () {
    addRow().querySelector("input").focus();
    save();
  });

  app.addEventListener("input", function (event) {
    if (event.target === pasteBox || event.target === csvInput) return;
    changed();
  });

  // --- start: the draft, if any, and the runtime --------------------------------------------------

  var draft = null;
  try { draft = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (error) { draft = null; }
  if (!draft || typeof draft !== "object" || !Array.isArray(draft.rows)) draft = null;
  var restoring = load(draft || {});
  if (draft && draft.rows.some(function (row) { return row && Array.isArray(row.columns) && !isEmpty(row); })) notice.textContent = S.restored;
  if (booth()) notice.textContent = S.booth_no_draft;
  restoring.then(function (done) { if (done) showTotals(); });
  if (window.policypress) {
    window.policypress.onStage(function (current) {
      if (current === "failed") document.querySelectorAll(".pp-report .pp-runtime-failed").forEach(function (node) { /** @type {HTMLElement} */ (node).hidden = false; });
    });
    window.policypress.start(config.document);
    restoring.then(function (done) { if (done) check(); });
  }
})();
