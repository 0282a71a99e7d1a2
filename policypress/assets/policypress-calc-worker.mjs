// policypress: runs the calculators (the same Python code the tests check) in Pyodide, off the
// page's main thread. Everything it loads comes from this site: the runtime, the calculators
// wheel (listed in pyodide-lock.json with its sha256) and the parameters.
/** @typedef {import("pyodide").PyodideInterface} Pyodide */
/** @type {Promise<Pyodide> | null} */
let ready = null;
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
  /** @type {typeof import("pyodide")} */
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({ indexURL: runtime });
  progress("calculators");
  await pyodide.loadPackage("policypress-calculators", { messageCallback: () => {}, errorCallback: (/** @type {string} */ m) => console.warn(m) });
  progress("parameters");
  const response = await fetch(parameters);
  if (!response.ok) throw new Error(`parameters: HTTP ${response.status}`);
  parametersText = await response.text();
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
    ready = ready || init(message.runtime, message.parameters);
    ready.catch((/** @type {any} */ error) => self.postMessage({ type: "failed", message: String(error && error.message || error) }));
    return;
  }
  if (message.type === "qr") {
    try {
      const pyodide = await started();
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
      // only when exporting: the writer and the reports wheel
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
