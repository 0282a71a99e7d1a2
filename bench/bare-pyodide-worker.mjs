// The baseline worker: load Pyodide from the site's /pyodide/ folder and run 1+1.
self.onmessage = async (event) => {
  const runtime = event.data;
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({ indexURL: runtime });
  self.postMessage(String(pyodide.runPython("1+1")));
};
