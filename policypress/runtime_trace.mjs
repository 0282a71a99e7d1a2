// policypress build step (Node, never shipped): which files of Pyodide's standard library the
// calculators need, measured as pyodide-pack measures it: by running them under Pyodide with the
// whole standard library and recording the modules that were imported (sys.modules).
//
//   node runtime_trace.mjs PLAN.json   →  prints {"core": {path: source}, "extra": {path: source}}
//
// PLAN.json: {pyodide: folder of the npm package, site: the site's pyodide/ folder (its lock
// file and wheels), core: {packages, imports, examples, parameters}, extra: {packages, imports}}.
// "core" is what every calculator page loads; "extra" what only QR codes and XLSX exports add.
// A path is relative to the standard library's zip (json/decoder.py); each source is as it is
// there, without comments and layout (ast.unparse, by this very Python, so its own syntax) and, outside
// Pyodide's own packages, without docstrings (as python -OO leaves them). A parent package's
// __init__.py comes with every module of it, and a package is never split between the two.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(pathToFileURL(plan.pyodide + "/pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL: plan.pyodide + "/",
  lockFileURL: plan.site + "/pyodide-lock.json",
  packageBaseUrl: plan.site + "/",
  stdout: () => {},
  stderr: () => {},
});

const RECORD = `
import json, sys
def pp_trace_files():
    found = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None) or ""
        if ".zip/" in path:
            found.add(path.split(".zip/", 1)[1])
    return json.dumps(sorted(found))
`;
pyodide.runPython(RECORD);

/** @param {string[]} names */
function importAll(names) {
  pyodide.globals.set("PP_TRACE_NAMES", JSON.stringify(names));
  pyodide.runPython(`
import importlib, json
for name in json.loads(PP_TRACE_NAMES):
    try:
        importlib.import_module(name)
    except Exception:  # a module another platform has (winreg), or an optional dependency
        pass
`);
}

// What every calculator page does: the worker's own Python, every calculator described and every
// worked example run, and an error turned into a JavaScript one (Pyodide formats its traceback).
await pyodide.loadPackage(plan.core.packages, { messageCallback: () => {} });
importAll(plan.core.imports);
pyodide.globals.set("PP_TRACE_CORE", JSON.stringify(plan.core));
pyodide.runPython(`
import io, json
import calculators
plan = json.loads(PP_TRACE_CORE)
json.dumps(calculators.describe(), ensure_ascii=False)
for example in plan["examples"]:
    result = calculators.calculate(example["calculator"], example["inputs"], plan["parameters"][example["document"]])
    json.dumps(result, ensure_ascii=False)
`);
try {
  pyodide.runPython("raise ValueError('traced')");
} catch (error) {
  String(error);
}
const core = JSON.parse(pyodide.globals.get("pp_trace_files")());

// What a QR code and an XLSX export add.
await pyodide.loadPackage(plan.extra.packages, { messageCallback: () => {} });
importAll(plan.extra.imports);
pyodide.runPython(`
import io
import segno
segno.make("https://example.invalid/#answers=%7B%7D", error="m").svg_inline(scale=4, border=2)
import xlsxwriter
stream = io.BytesIO()
book = xlsxwriter.Workbook(stream, {"in_memory": True})
sheet = book.add_worksheet("表")
sheet.merge_range(0, 0, 0, 3, "标题", book.add_format({"bold": True, "align": "center", "border": 1}))
sheet.write_number(1, 0, 1.5)
sheet.write_formula(1, 1, "=A2*2")
sheet.set_column(0, 3, 12)
book.close()
`);
const all = JSON.parse(pyodide.globals.get("pp_trace_files")());
const seen = new Set(core);
pyodide.globals.set("PP_TRACE_SETS", JSON.stringify({ core, extra: all.filter((path) => !seen.has(path)) }));
process.stdout.write(pyodide.runPython(`
import ast, json, sys, zipfile

KEEP_DOCSTRINGS = ("_pyodide/", "pyodide/")  # Pyodide reads its own docstrings at start-up

def without_docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return tree

def smaller(path, source):
    try:
        tree = ast.parse(source)
        if not path.startswith(KEEP_DOCSTRINGS):
            tree = without_docstrings(tree)
        text = ast.unparse(tree) + "\\n"
        compile(text, path, "exec")
        return text
    except (SyntaxError, ValueError, RecursionError):
        return source.decode("utf-8") if isinstance(source, bytes) else source

stdlib = zipfile.ZipFile(next(p for p in sys.path if p.endswith(".zip")))
names = set(stdlib.namelist())
sets = json.loads(PP_TRACE_SETS)
# A package lives in one place: a module of a package the core has (email.parser, when the core
# has email) goes in the core too, or the package, imported from the zip, would not find it.
core_packages = {path.split("/")[0] for path in sets["core"] if "/" in path}
moved = [path for path in sets["extra"] if path.split("/")[0] in core_packages]
sets["core"] += moved
sets["extra"] = [path for path in sets["extra"] if path not in moved]
taken = set()
out = {}
for key in ("core", "extra"):
    files = set()
    for path in sets[key]:
        parts = path.split("/")
        files.update(init for i in range(1, len(parts)) if (init := "/".join(parts[:i]) + "/__init__.py") in names)
        files.add(path)
    out[key] = {path: smaller(path, stdlib.read(path)) for path in sorted(files - taken)}
    taken |= files
json.dumps(out, ensure_ascii=False, sort_keys=True)
`));
