"""Worked examples: named cases (inputs → expected outputs) that the tests run and the clause
pages show, so every figure on the site was computed by the code the tests check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ErrorSink
from .yamlsource import Located

DEFAULT_TODAY = dt.date(2026, 11, 27)


@dataclass
class Example:
    calculator: str
    name: dict[str, str]  # a sentence in zh and en that says what the case shows
    inputs: dict[str, Any]
    expect: dict[str, Any]
    today: dt.date
    path: Path
    line: int


def jsonable(value: Any) -> Any:
    """YAML gives dates as date objects; inputs and expectations are JSON: dates as ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def load_examples(path: Path, located: Located, known: set[str], sink: ErrorSink) -> list[Example]:
    data = located.data
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        sink.add(path, 1, "the examples are not 'calculator:' and a list of 'cases:'", "see policy/README.md, Worked examples")
        return []
    calculator = data.get("calculator")
    if calculator not in known:
        sink.add(path, located.line(("calculator",)), f"unknown calculator '{calculator}'", f"use one of: {', '.join(sorted(known))}")
        return []
    if path.stem != calculator:
        sink.add(
            path,
            located.line(("calculator",)),
            f"the file is named '{path.stem}' but holds examples of '{calculator}'",
            f"name it {calculator}.yaml",
        )
    examples, names = [], {}
    for index, case in enumerate(data["cases"]):
        line = located.line(("cases", index))
        if not isinstance(case, dict) or not {"name", "inputs", "expect"} <= case.keys():
            sink.add(path, line, "a case needs name, inputs and expect", "add the missing key (see policy/README.md)")
            continue
        unknown = set(case) - {"name", "inputs", "expect", "today"}
        if unknown:
            sink.add(
                path,
                located.line(("cases", index, sorted(unknown)[0])),
                f"unknown key '{sorted(unknown)[0]}' in a case",
                "use name, inputs, expect and today",
            )
            continue
        name = case["name"]
        if not isinstance(name, dict) or set(name) != {"zh", "en"} or not all(isinstance(v, str) and v.strip() for v in name.values()):
            sink.add(
                path,
                located.line(("cases", index, "name")),
                "a case's name must be a sentence in both languages",
                "write name: {zh: …, en: …}",
            )
            continue
        if name["en"] in names:
            sink.add(
                path,
                located.line(("cases", index, "name")),
                f"two cases are named '{name['en']}' (first on line {names[name['en']]})",
                "give each case its own sentence",
            )
            continue
        names[name["en"]] = line
        if not isinstance(case["inputs"], dict) or not isinstance(case["expect"], dict):
            sink.add(path, line, "inputs and expect must be 'key: value' lines", "indent the fields under inputs: and expect:")
            continue
        today = case.get("today", DEFAULT_TODAY)
        if not isinstance(today, dt.date):
            sink.add(path, located.line(("cases", index, "today")), f"'{today}' is not a date", "write today: YYYY-MM-DD")
            continue
        examples.append(
            Example(
                calculator,
                {"zh": name["zh"].strip(), "en": name["en"].strip()},
                jsonable(case["inputs"]),
                jsonable(case["expect"]),
                today,
                path,
                line,
            )
        )
    return examples


def matches(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Differences between an expected value and the result: dicts by their expected keys
    (a subset), lists element by element, numbers by value (87000 equals 87000.0)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where or 'result'}: expected an object, got {actual!r}"]
        problems = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{where}{key}: missing from the result")
            else:
                problems += matches(value, actual[key], f"{where}{key}.")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where.rstrip('.')}: expected {len(expected)} items, got {actual!r}"]
        return [p for i, (e, a) in enumerate(zip(expected, actual, strict=True)) for p in matches(e, a, f"{where}{i}.")]
    if (
        isinstance(expected, (int, float))
        and not isinstance(expected, bool)
        and isinstance(actual, (int, float))
        and not isinstance(actual, bool)
    ):
        return [] if abs(expected - actual) < 0.005 else [f"{where.rstrip('.')}: expected {expected}, got {actual}"]
    return [] if expected == actual else [f"{where.rstrip('.')}: expected {expected!r}, got {actual!r}"]


def differences(example: Example, result: dict[str, Any]) -> list[str]:
    """What in the result differs from what the example expects. `errors: [field, …]` expects
    exactly those fields to be rejected."""
    expect = dict(example.expect)
    if "errors" in expect:
        wanted = expect.pop("errors")
        got = sorted(result.get("errors", {}))
        if sorted(wanted) != got:
            return [f"errors: expected fields {sorted(wanted)}, got {got or 'no errors'}"]
    elif "errors" in result:
        return [f"the inputs were rejected: {', '.join(f'{k}: {v["en"]}' for k, v in result['errors'].items())}"]
    return matches(expect, result)
