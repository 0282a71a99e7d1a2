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

__all__ = ["Calculator", "calculate", "calculators", "describe"]
__version__ = "0.1.0"


def calculators() -> dict[str, Calculator]:
    """Every calculator, by id: each module of this package that defines CALCULATOR."""
    found = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name == "core":
            continue
        calculator = getattr(importlib.import_module(f"{__name__}.{module.name}"), "CALCULATOR", None)
        if isinstance(calculator, Calculator):
            found[calculator.name] = calculator
    return dict(sorted(found.items()))


def describe() -> list[dict[str, Any]]:
    """Every calculator's id, title, clause and input declarations (for --list and the forms)."""
    return [c.as_json() for c in calculators().values()]


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
