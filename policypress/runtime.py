"""The in-browser runtime, shipped with the site: Pyodide's core files from the pinned npm
package, a standard library trimmed to what the calculators import, the calculators as a wheel
registered in pyodide-lock.json, and the parameters.

Nothing is fetched from another host: the site must work where public CDNs are blocked.

The standard library: Pyodide's python_stdlib.zip holds 614 files (2.5 MB compressed); a
calculator page needs about 170 of them. Which ones is measured at build time as pyodide-pack
measures it, by running the calculators under Pyodide in Node (runtime_trace.mjs: Pyodide's own
start, the calculators' imports found in their source, every worked example, an error's
traceback) and recording the modules imported. The site's pyodide/python_stdlib.zip holds those
(loaded with loadPyodide's stdLibURL); python_stdlib_extra.zip what QR codes and XLSX exports add,
unpacked into the runtime only when a page asks for one. See docs/decisions/015-trimmed-runtime-no-snapshot.md.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from .content import Site
from .errors import ContentError, ContentErrors
from .export import export_parameters

PROJECT = Path(__file__).resolve().parent.parent
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
WHEEL_NAME = "policypress_calculators"
CALCULATORS_PACKAGE = "policypress-calculators"  # its name in pyodide-lock.json
STDLIB = "python_stdlib.zip"  # the trimmed standard library, under Pyodide's own name for it
STDLIB_EXTRA = "python_stdlib_extra.zip"  # what QR codes and XLSX exports add to it
SIZES = "runtime-sizes.json"  # the files' sizes, for the download progress the page shows
TRACER = Path(__file__).with_name("runtime_trace.mjs")
TRACE_CACHE = PROJECT / ".cache" / "stdlib-trace"  # measurements by content (see trace_stdlib)


def pyodide_source(root: Path) -> Path:
    """The installed npm package: the project's own node_modules, or the one beside policypress."""
    for base in (root, PROJECT):
        folder = base / "node_modules" / "pyodide"
        if (folder / "pyodide-lock.json").is_file():
            return folder
    raise ContentErrors(
        [
            ContentError(
                "package.json", 1, "the Pyodide runtime is not installed (node_modules/pyodide)", "run 'make setup' (it runs npm ci)"
            )
        ]
    )


WHEELS = {  # package → (wheel name, distribution name, summary)
    "calculators": (WHEEL_NAME, "policypress-calculators", "The policy rules as code (standard library only, no I/O)"),
    "reports": ("policypress_reports", "policypress-reports", "Documents made from calculator results (XLSX in the official layout)"),
}


def build_wheel(out: Path, package_name: str = "calculators") -> Path:
    """A package of the project (calculators, reports) as a pure-Python wheel, byte for byte the
    same for the same code (fixed timestamps, sorted entries), so the lock file's sha256 only
    changes with the code. Both carry the calculators' version."""
    import importlib

    import calculators

    wheel_name, dist_name, summary = WHEELS[package_name]
    module = importlib.import_module(package_name)
    version = calculators.__version__
    dist = f"{wheel_name}-{version}.dist-info"
    files: dict[str, bytes] = {}
    # The package's own folder first, then any a content project added (its document packages).
    for folder in map(Path, module.__path__):
        for path in sorted(folder.rglob("*.py")):
            files.setdefault(f"{package_name}/{path.relative_to(folder).as_posix()}", path.read_bytes())
    files[f"{dist}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {dist_name}\nVersion: {version}\nSummary: {summary}\nRequires-Python: >=3.12\n"
    ).encode()
    files[f"{dist}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: policypress\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    files[f"{dist}/top_level.txt"] = f"{package_name}\n".encode()
    record = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in files.items()] + [f"{dist}/RECORD,,"]
    files[f"{dist}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = out / f"{wheel_name}-{version}-py3-none-any.whl"
    write_stored_zip(wheel, files)
    return wheel


def write_stored_zip(path: Path, files: dict[str, bytes]) -> None:
    """A zip of `files` in their order, uncompressed (stored), with fixed timestamps: the site's
    servers send it compressed whole (.br, .gz), which packs it a quarter smaller than deflating
    file by file does (the calculators wheel: 68 KB against 92 KB as brotli), and Python reads a
    stored module without inflating it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data)


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def extra_wheels(root: Path) -> list[Path]:
    """The pinned pure-Python wheels of browser-wheels.txt, as downloaded by `make setup`."""
    listing = next((base / "browser-wheels.txt" for base in (root, PROJECT) if (base / "browser-wheels.txt").is_file()), None)
    if listing is None:
        return []
    wheels = []
    for line in listing.read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].strip()
        if not requirement:
            continue
        name, _, version = requirement.partition("==")
        pattern = f"{name.replace('-', '_')}-{version}-*.whl"
        found = sorted((listing.parent / ".cache" / "wheels").glob(pattern))
        if not found:
            raise ContentErrors([ContentError(listing.name, 1, f"the wheel for {requirement} has not been downloaded", "run 'make setup'")])
        wheels.append(found[0])
    return wheels


def bundle_runtime(site: Site, site_dir: Path) -> None:
    """Write site_dir/pyodide/: the core files, our wheel, the lock file listing it, and one
    parameters file per document (site_dir/pyodide/parameters/<doc>.json)."""
    source = pyodide_source(site.root)
    target = site_dir / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        shutil.copy2(source / name, target / name)
    wheels = [build_wheel(target), build_wheel(target, "reports")]
    for extra in extra_wheels(site.root):
        shutil.copy2(extra, target / extra.name)
        wheels.append(target / extra.name)
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    done = subprocess.run(
        [
            str(pyodide_cli),
            "lockfile",
            "add-wheels",
            "--input",
            str(source / "pyodide-lock.json"),
            "--output",
            str(target / "pyodide-lock.json"),
            "--base-path",
            str(target),
            *map(str, wheels),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise ContentErrors(
            [
                ContentError(
                    "package.json",
                    1,
                    f"could not register the wheels in pyodide-lock.json: {detail[0]}",
                    "run 'make setup' (pyodide-build) and try again",
                )
            ]
        )
    _keep_only_shipped_packages(target / "pyodide-lock.json", {w.name for w in wheels})
    parameters = target / "parameters"
    parameters.mkdir(exist_ok=True)
    exported = {doc.id: export_parameters(site, doc) for doc in site.documents}
    for doc_id, values in exported.items():
        (parameters / f"{doc_id}.json").write_text(json.dumps(values, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    plan = trace_plan(site, target, wheels, exported)
    traced = trace_stdlib(source, target, plan)
    write_stored_zip(target / STDLIB, {path: text.encode("utf-8") for path, text in traced["core"].items()})
    write_stored_zip(target / STDLIB_EXTRA, {path: text.encode("utf-8") for path, text in traced["extra"].items()})
    # What the worker's start fetches (its progress counts these; the .mjs files come by import()).
    lock = json.loads((target / "pyodide-lock.json").read_text(encoding="utf-8"))
    start = (STDLIB, "pyodide.asm.wasm", "pyodide-lock.json", lock["packages"][CALCULATORS_PACKAGE]["file_name"])
    (target / SIZES).write_text(
        json.dumps({"files": {name: (target / name).stat().st_size for name in start}}, sort_keys=True), encoding="utf-8"
    )


def _imports(sources: dict[str, bytes]) -> set[str]:
    """Every module an `import` in these sources names (at the top or inside a function)."""
    found: set[str] = set()
    for name, data in sources.items():
        if not name.endswith(".py"):
            continue
        try:
            tree = ast.parse(data)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    return found


def _wheel_sources(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith(".py")}


def trace_plan(site: Site, target: Path, wheels: list[Path], parameters: dict[str, Any]) -> dict[str, Any]:
    """What runtime_trace.mjs runs: the calculators' wheel with every worked example (core), and
    the other wheels (extra: QR codes, XLSX)."""
    from .examples import jsonable

    lock = json.loads((target / "pyodide-lock.json").read_text(encoding="utf-8"))
    by_file = {spec["file_name"]: name for name, spec in lock["packages"].items()}
    core_wheel = next(w for w in wheels if by_file.get(w.name) == CALCULATORS_PACKAGE)
    extra_wheels = [w for w in wheels if w is not core_wheel]
    examples = [
        {"calculator": example.calculator, "inputs": jsonable(example.inputs), "document": doc.id}
        for doc in site.documents
        for example in doc.examples
    ]
    return {
        "core": {
            "packages": [CALCULATORS_PACKAGE],
            "imports": sorted(_imports(_wheel_sources(core_wheel))),
            "examples": examples,
            "parameters": parameters,
        },
        "extra": {
            "packages": sorted(by_file[w.name] for w in extra_wheels),
            "imports": sorted(set().union(*(_imports(_wheel_sources(w)) for w in extra_wheels))),
        },
    }


def trace_stdlib(source: Path, target: Path, plan: dict[str, Any]) -> dict[str, dict[str, str]]:
    """{"core": {path: source}, "extra": {…}}: the standard library files the plan imports, as
    runtime_trace.mjs measured them under Pyodide. The same inputs give the same answer, so it is
    kept in .cache/stdlib-trace by their digest (the tracer, Pyodide's files, the wheels, the
    plan): a build whose calculators and examples did not change does not run Node again."""
    digest = hashlib.sha256()
    for path in (TRACER, source / "pyodide.asm.wasm", source / "python_stdlib.zip", source / "pyodide.mjs"):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    lock = json.loads((target / "pyodide-lock.json").read_text(encoding="utf-8"))
    for spec in sorted(lock["packages"].values(), key=lambda spec: spec["file_name"]):
        digest.update(spec["sha256"].encode())
    digest.update(json.dumps(plan, sort_keys=True, ensure_ascii=False).encode())
    cached = TRACE_CACHE / f"{digest.hexdigest()}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    node = shutil.which("node")
    if node is None:
        raise ContentErrors(
            [
                ContentError(
                    "package.json",
                    1,
                    "Node.js is missing: the build measures what the calculators import under Pyodide",
                    "install Node.js 20 (it brings npm), then run 'make setup'",
                )
            ]
        )
    with tempfile.TemporaryDirectory(prefix="policypress-trace-") as tmp:
        plan_file = Path(tmp) / "plan.json"
        plan_file.write_text(
            json.dumps({"pyodide": str(source.resolve()), "site": str(target.resolve()), **plan}, ensure_ascii=False), encoding="utf-8"
        )
        done = subprocess.run([node, str(TRACER), str(plan_file)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise ContentErrors(
            [
                ContentError(
                    TRACER.name,
                    1,
                    f"could not measure what the calculators import under Pyodide: {detail[0][:300]}",
                    "run the calculators' tests ('make test'): a calculator that fails in CPython fails here too",
                )
            ]
        )
    traced = json.loads(done.stdout)
    try:  # by content: a build running at the same time writes the same bytes
        TRACE_CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(traced, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, cached)
    except OSError:
        pass  # no cache where the project cannot be written: the next build measures again
    return traced


def _keep_only_shipped_packages(lock: Path, shipped: set[str]) -> None:
    """The npm package's lock lists ~300 packages the site does not ship; keep the ones it does,
    so a request for any other fails plainly instead of pointing at a missing file."""
    data = json.loads(lock.read_text(encoding="utf-8"))
    data["packages"] = {name: spec for name, spec in data["packages"].items() if spec["file_name"] in shipped}
    lock.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
