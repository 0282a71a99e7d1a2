"""calculators/ runs anywhere Python runs: standard library only, no I/O, Python 3.12 and up."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from policypress.content import load_site
from policypress.export import export_parameters

PACKAGE = ROOT / "calculators"
FORBIDDEN_CALLS = {"open", "print", "input", "exec", "eval", "__import__"}
FORBIDDEN_MODULES = {"os", "io", "sys", "socket", "subprocess", "pathlib", "shutil", "urllib", "http", "tempfile", "random", "time"}


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_calculators_import_only_the_standard_library_and_do_no_io() -> None:
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom) and not (isinstance(node, ast.ImportFrom) and node.level):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    top = name.split(".")[0]
                    assert top in sys.stdlib_module_names or top == "__future__", f"{path.name} imports {name}"
                    assert top not in FORBIDDEN_MODULES, f"{path.name} imports {name}, which does I/O or is not pure"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {node.func.id}()"


def python312() -> Path:
    """An interpreter of the oldest supported Python (pyenv installs it on these machines)."""
    for candidate in sorted(Path.home().glob(".pyenv/versions/3.12*/bin/python")):
        return candidate
    raise AssertionError("no Python 3.12 found under ~/.pyenv/versions: install one to test the oldest supported version")


def test_every_worked_example_gives_the_same_result_under_python_312(tmp_path: Path) -> None:
    """The examples' results under Python 3.12 are identical to this interpreter's."""
    from calculators import calculate

    site = load_site(ROOT)
    doc = site.documents[0]
    parameters = export_parameters(site, doc)
    cases = [{"name": e.calculator, "inputs": e.inputs, "today": e.today.isoformat()} for e in doc.examples]
    (tmp_path / "cases.json").write_text(json.dumps({"parameters": parameters, "cases": cases}, ensure_ascii=False), encoding="utf-8")
    script = (
        "import json, sys, datetime as dt\n"
        "from calculators import calculate\n"
        "data = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "out = [calculate(c['name'], c['inputs'], data['parameters'], today=dt.date.fromisoformat(c['today'])) for c in data['cases']]\n"
        "print(json.dumps(out, ensure_ascii=False, sort_keys=True))\n"
    )
    done = subprocess.run(
        [str(python312()), "-I", "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); exec({script!r})", str(tmp_path / "cases.json")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    import datetime as dt

    here = [calculate(c["name"], c["inputs"], parameters, today=dt.date.fromisoformat(c["today"])) for c in cases]
    assert json.loads(done.stdout) == json.loads(json.dumps(here, ensure_ascii=False, sort_keys=True))
    assert len(here) >= 40
