// policypress: runs the calculators (the same Python code the tests check) in Pyodide, off the
// page's main thread. Everything it loads comes from this site: the runtime, its standard library
// trimmed to what the calculators import (python_stdlib.zip; python_stdlib_extra.zip adds what QR
// codes and XLSX exports need, when asked for), the calculators wheel (listed in
// pyodide-lock.json with its sha256) and the parameters. While the runtime downloads, it tells
// the page how many bytes have come and how many are left (progress messages).
/** @typedef {import("pyodide").PyodideInterface} Pyodide */
/** @type {Promise<Pyodide> | null} */
let ready = null;
/** @type {Promise<void> | null} the extra standard library, once asked for */
let extra = null;
/** @type {string} the runtime's folder (URL), from the init message */
let runtimeURL = "";

// --- download progress: the bytes of the runtime's files, as they arrive -------------------------
/** @typedef {{size: number, wire: number, loaded: number}} Download one file: its size, the bytes it takes on the network (Content-Length: compressed when the server compressed it), and how much of it has come */
/** @type {Record<string, number>} the sizes of the files the runtime's start fetches, by name (runtime-sizes.json), once read */
let expected = {};
/** @type {Map<string, Download>} */
const downloads = new Map();
let counting = false; // only while the runtime starts: later downloads (QR, XLSX) are not shown
let firstByteAt = 0;
let postedAt = 0;
const nativeFetch = self.fetch.bind(self);

function report(force = false) {
  const now = performance.now();
  if (!force && now - postedAt < 250) return;
  postedAt = now;
  let loaded = 0;
  let total = 0;
  for (const name of Object.keys(expected)) {
    const download = downloads.get(name);
    // Not started yet: its size is all there is to go on (an upper bound when it comes compressed).
    total += download ? download.wire : expected[name];
    loaded += download ? Math.min(download.wire, download.wire * (download.loaded / (download.size || 1))) : 0;
  }
  const elapsed = (now - firstByteAt) / 1000;
  // An estimate only once there is something to base it on: a second of downloading and some bytes.
  const rate = firstByteAt && elapsed >= 1 && loaded > 0 ? loaded / elapsed : 0;
  const seconds = rate ? Math.max(0, Math.round((total - loaded) / rate)) : null;
  self.postMessage({ type: "progress", stage: "runtime", loaded: Math.round(loaded), total: Math.round(total), seconds });
}

/** @param {Download} download @param {ReadableStream<Uint8Array>} body a copy of the response's body, read as it comes */
async function count(download, body) {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByteAt) firstByteAt = performance.now();
    download.loaded += value.byteLength;
    if (counting) report();
  }
  download.loaded = download.size || download.loaded;
  if (counting) report(true);
}

// Pyodide fetches the wasm, the standard library, the lock file and the wheels with fetch(): the
// page's progress reads a copy of each of those responses (the response itself goes on untouched,
// so the browser still compiles the wasm as it streams in and keeps its compiled code).
/** @param {RequestInfo | URL} input @param {RequestInit} [options] @returns {Promise<Response>} */
self.fetch = async (input, options) => {
  const response = await nativeFetch(input, options);
  if (!counting || !response.ok || !response.body) return response;
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const name = decodeURIComponent(new URL(url, self.location.href).pathname.split("/").pop() || "");
  if (!Object.prototype.hasOwnProperty.call(expected, name)) return response;
  const length = Number(response.headers.get("content-length")) || 0;
  const size = expected[name];
  const download = { size, wire: length || size, loaded: 0 };
  downloads.set(name, download);
  count(download, /** @type {ReadableStream<Uint8Array>} */ (response.clone().body)).catch(() => {});
  return response;
};
/** @type {string} the parameters' JSON, as fetched (for their labels) */
let parametersText = "{}";
/** @type {Record<string, {zh: string, en: string}> | null} each parameter's label by name, once read */
let labelsByName = null;

/** @param {string} stage */
function progress(stage) {
  self.postMessage({ type: "progress", stage });
}

/** @param {string} runtime the runtime's folder (URL) @param {string} parameters the parameters' JSON (URL) @returns {Promise<Pyodide>} */
async function init(runtime, parameters) {
  progress("runtime");
  counting = true;
  // All at once: the sizes (for the progress), the parameters, Pyodide with its trimmed standard
  // library (stdLibURL) and the calculators wheel (packages: fetched while the wasm compiles).
  const sizes = nativeFetch(new URL("runtime-sizes.json", runtime).href)
    .then((/** @type {Response} */ response) => (response.ok ? response.json() : { files: {} }))
    .then((/** @type {any} */ data) => { expected = data && typeof data.files === "object" ? data.files : {}; report(true); })
    .catch(() => {});
  const parametersResponse = fetch(parameters).then((response) => {
    if (!response.ok) throw new Error(`parameters: HTTP ${response.status}`);
    return response.text();
  });
  parametersResponse.catch(() => {}); // awaited below; a failure is reported there
  /** @type {typeof import("pyodide")} */
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  await Promise.race([sizes, new Promise((resolve) => setTimeout(resolve, 200))]); // never waits long for it
  const pyodide = await loadPyodide({
    indexURL: runtime,
    stdLibURL: new URL("python_stdlib.zip", runtime).href,
    packages: ["policypress-calculators"],
  });
  counting = false;
  report(true);
  progress("calculators");
  progress("parameters");
  parametersText = await parametersResponse;
  pyodide.globals.set("PP_PARAMETERS_JSON", parametersText);
  pyodide.runPython(`
import json
import calculators
PP_PARAMETERS = json.loads(PP_PARAMETERS_JSON)
del PP_PARAMETERS_JSON

PP_OTHERS = {}

def pp_add_parameters(url, text):
    PP_OTHERS[url] = json.loads(text)

def pp_calculate(name, inputs_json, url=None):
    parameters = PP_OTHERS[url] if url else PP_PARAMETERS
    return json.dumps(calculators.calculate(name, json.loads(inputs_json), parameters), ensure_ascii=False)

def pp_describe():
    return json.dumps(calculators.describe(), ensure_ascii=False)

def pp_qr(text):
    import segno
    return segno.make(text, error="m").svg_inline(scale=4, border=2)

def pp_xlsx(result_json, rows_json, lang):
    import io
    from reports.statistics_xlsx import write_workbook
    stream = io.BytesIO()
    write_workbook(json.loads(result_json), stream, lang, rows=json.loads(rows_json), parameters=PP_PARAMETERS)
    return stream.getvalue()
`);
  progress("ready");
  return pyodide;
}

/** @type {Map<string, Promise<void>>} other documents' parameters (the self-check runs each document's calculator), by URL */
const others = new Map();

/** @param {Pyodide} pyodide @param {string} url another document's parameters (JSON) @returns {Promise<void>} once loaded */
function otherParameters(pyodide, url) {
  let loading = others.get(url);
  if (!loading) {
    loading = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`parameters: HTTP ${response.status}`);
      pyodide.globals.get("pp_add_parameters")(url, await response.text());
    });
    loading.catch(() => others.delete(url)); // tried again on the next request
    others.set(url, loading);
  }
  return loading;
}

/**
 * The standard library's modules that only QR codes and XLSX exports use (zipfile's writing,
 * urllib, email…), unpacked into /lib/python3.x (put on sys.path after the zip) the first time.
 * @param {Pyodide} pyodide @returns {Promise<void>}
 */
function extraStdlib(pyodide) {
  if (!extra) {
    extra = fetch(new URL("python_stdlib_extra.zip", runtimeURL).href).then(async (response) => {
      if (!response.ok) throw new Error(`python_stdlib_extra.zip: HTTP ${response.status}`);
      const folder = pyodide.runPython("import sys; f'/lib/python{sys.version_info[0]}.{sys.version_info[1]}'");
      pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: folder });
      // Pyodide's sys.path has the zip but not this folder: it goes right after the zip.
      pyodide.runPython(`
import importlib, sys
folder = ${JSON.stringify(folder)}
if folder not in sys.path:
    sys.path.insert(1 + next(i for i, entry in enumerate(sys.path) if entry.endswith(".zip")), folder)
importlib.invalidate_caches()
`);
    });
    extra.catch(() => { extra = null; }); // tried again on the next request
  }
  return extra;
}

/** @returns {Promise<Pyodide>} the runtime, once the page has asked for it ("init") and it has loaded */
function started() {
  return ready || Promise.reject(new Error("the runtime was not started (no init message)"));
}

/**
 * The labels of the named parameters (those a result used as readings, say), from the file the
 * calculators read: a name not there, or without a {zh, en} label, is left out.
 * @param {unknown} names @returns {Record<string, {zh: string, en: string}>}
 */
function labels(names) {
  if (!labelsByName) {
    /** @type {Record<string, {zh: string, en: string}>} */
    const read = Object.create(null);
    const parameters = JSON.parse(parametersText).parameters || {};
    for (const name of Object.keys(parameters)) {
      const label = parameters[name] && parameters[name].label;
      if (label && typeof label.zh === "string" && typeof label.en === "string") read[name] = { zh: label.zh, en: label.en };
    }
    labelsByName = read;
  }
  const known = labelsByName;
  /** @type {Record<string, {zh: string, en: string}>} */
  const found = Object.create(null); // a name is never a prototype ("__proto__")
  for (const name of Array.isArray(names) ? names : []) {
    if (typeof name === "string" && Object.prototype.hasOwnProperty.call(known, name)) found[name] = known[name];
  }
  return found;
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "labels") {
    try {
      await started();
      self.postMessage({ type: "result", id: message.id, result: labels(message.names) });
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
    }
    return;
  }
  if (message.type === "init") {
    runtimeURL = message.runtime;
    ready = ready || init(message.runtime, message.parameters);
    ready.catch((/** @type {any} */ error) => self.postMessage({ type: "failed", message: String(error && error.message || error) }));
    return;
  }
  if (message.type === "qr") {
    try {
      const pyodide = await started();
      await extraStdlib(pyodide);
      await pyodide.loadPackage("segno", { messageCallback: () => {} });  // only when printing
      self.postMessage({ type: "result", id: message.id, result: pyodide.globals.get("pp_qr")(message.text) });
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
    }
    return;
  }
  if (message.type === "xlsx") {
    try {
      const pyodide = await started();
      // only when exporting: the modules of the standard library they add, the writer and the reports wheel
      await extraStdlib(pyodide);
      await pyodide.loadPackage(["xlsxwriter", "policypress-reports"], { messageCallback: () => {} });
      const output = pyodide.globals.get("pp_xlsx")(JSON.stringify(message.result), JSON.stringify(message.rows), message.lang);
      const bytes = output.toJs();
      output.destroy();
      self.postMessage({ type: "result", id: message.id, result: bytes }, [bytes.buffer]);
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
    }
    return;
  }
  if (message.type === "calc") {
    try {
      const pyodide = await started();
      // `parameters`: another document's (a URL of this site's runtime folder); else those loaded at init
      const url = typeof message.parameters === "string" ? message.parameters : null;
      if (url) await otherParameters(pyodide, url);
      const output = pyodide.globals.get("pp_calculate")(message.name, JSON.stringify(message.inputs), url);
      self.postMessage({ type: "result", id: message.id, result: JSON.parse(output) });
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
    }
  }
};
