"""The in-browser runtime, shipped with the site: Pyodide's core files from the pinned npm
package, the calculators as a wheel registered in pyodide-lock.json, and the parameters.

Nothing is fetched from another host: the site must work where public CDNs are blocked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from .content import Site
from .errors import ContentError, ContentErrors
from .export import export_parameters

PROJECT = Path(__file__).resolve().parent.parent
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
WHEEL_NAME = "policypress_calculators"


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
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return wheel


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
    for doc in site.documents:
        (parameters / f"{doc.id}.json").write_text(
            json.dumps(export_parameters(site, doc), ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )


def _keep_only_shipped_packages(lock: Path, shipped: set[str]) -> None:
    """The npm package's lock lists ~300 packages the site does not ship; keep the ones it does,
    so a request for any other fails plainly instead of pointing at a missing file."""
    data = json.loads(lock.read_text(encoding="utf-8"))
    data["packages"] = {name: spec for name, spec in data["packages"].items() if spec["file_name"] in shipped}
    lock.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
