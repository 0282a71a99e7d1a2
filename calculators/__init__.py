"""The notice's rules as code: pure functions over dated parameters, standard library only, no I/O.

    calculate(name, inputs, parameters) -> dict

`inputs` is what a reader entered (a JSON object), `parameters` the export of a document's
parameters (policypress/export.py). The result is JSON-ready: an outcome, amounts, a breakdown
and an explanation citing clauses, or {"errors": {field: {"zh": …, "en": …}}} for bad input.
The same code runs under CPython (tests, `policypress calc`) and Pyodide (the site).
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from typing import Any

from .core.calculator import Calculator
from .core.explain import resolve_date
from .core.inputs import InputError, validate
from .core.parameters import NoValue, Parameters
from .core.text import text

__all__ = ["Calculator", "add_folder", "calculate", "calculators", "describe", "name_clashes", "package_of", "packages"]
__version__ = "0.1.0"


def _discover() -> dict[str, tuple[str, Calculator]]:
    """name → (package, calculator) for each module that defines CALCULATOR: the modules of a
    document's own subpackage (calculators/<package>/, named by its document.yaml), and modules
    at the top of this package (package "")."""
    found: dict[str, tuple[str, Calculator]] = {}
    for module in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        parts = module.name.split(".")
        if parts[1] == "core" or module.ispkg:
            continue
        calculator = getattr(importlib.import_module(module.name), "CALCULATOR", None)
        if isinstance(calculator, Calculator):
            package = parts[1] if len(parts) > 2 else ""
            if calculator.name in found:
                # A page and `calc` find a calculator by name: the second one would never run.
                _CLASHES.setdefault(tuple(__path__), []).append((calculator.name, found[calculator.name][0], package))
                continue
            found[calculator.name] = (package, calculator)
    return dict(sorted(found.items()))


_CLASHES: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}


def name_clashes() -> list[tuple[str, str, str]]:
    """(name, package that keeps it, package whose calculator of that name is ignored)."""
    _found()
    return list(_CLASHES.get(tuple(__path__), []))


_FOUND: dict[tuple[str, ...], dict[str, tuple[str, Calculator]]] = {}


def _found() -> dict[str, tuple[str, Calculator]]:
    key = tuple(__path__)  # a content project's own folder may be added (add_folder)
    if key not in _FOUND:
        _FOUND[key] = _discover()
    return _FOUND[key]


def calculators(package: str | None = None) -> dict[str, Calculator]:
    """Every calculator by id, or those of one document's package."""
    return {name: calc for name, (pkg, calc) in _found().items() if package is None or pkg == package}


def package_of(name: str) -> str | None:
    """The package (a document's) that holds calculator `name`."""
    entry = _found().get(name)
    return entry[0] if entry else None


def packages() -> set[str]:
    """The document packages that hold calculators."""
    return {pkg for pkg, _ in _found().values() if pkg}


def add_folder(folder: str) -> None:
    """Find calculators in `folder` too: a content project's own calculators/ (document
    subpackages only, without an __init__.py of its own at the top)."""
    if folder not in __path__:
        __path__.append(folder)


def describe(package: str | None = None) -> list[dict[str, Any]]:
    """The calculators' ids, titles, clauses and input declarations (for --list and the forms)."""
    return [c.as_json() for c in calculators(package).values()]


def calculate(name: str, inputs: Any, parameters: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """Run calculator `name`. Bad input gives {"errors": …}, never an exception."""
    calculator = calculators().get(name)
    if calculator is None:
        known = ", ".join(calculators())
        return {
            "errors": {
                "calculator": text(
                    f"没有名为“{name}”的计算器。可用的有：{known}。", f"There is no calculator named '{name}'. Available: {known}."
                )
            }
        }
    params = Parameters(parameters)
    values, errors = validate(calculator.inputs, inputs)
    if errors:
        return {"errors": errors}
    used = resolve_date(values.get("date"), today or dt.date.today(), params)
    try:
        return calculator.compute(values, params, used)
    except InputError as error:
        return {"errors": {error.name: error.message}}
    except NoValue as missing:
        since_zh = f"，该标准自 {missing.first.isoformat()} 起才有规定" if missing.first and missing.first > missing.day else ""
        since_en = f"; it is defined from {missing.first.isoformat()}" if missing.first and missing.first > missing.day else ""
        day = missing.day.isoformat()
        return {
            "errors": {
                "date": text(
                    f"{day} 没有适用的“{missing.label['zh']}”{since_zh}。请换一个日期。",
                    f"There is no '{missing.label['en']}' for {day}{since_en}. Choose another date.",
                )
            }
        }
