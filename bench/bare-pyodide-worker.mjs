// The baseline worker: load Pyodide from the site's /pyodide/ folder, with Pyodide's whole
// standard library (/__bench/python_stdlib.zip: the site's own is trimmed), and run 1+1.
self.onmessage = async (event) => {
  const runtime = event.data;
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({ indexURL: runtime, stdLibURL: new URL("python_stdlib.zip", self.location.href).href });
  self.postMessage(String(pyodide.runPython("1+1")));
};
