"""`policypress calc` with hostile input: whatever arrives on stdin, the command prints JSON
(a result, or {"errors": {field: {zh, en}}}), exits 0 or 2, and prints nothing on stderr — no
traceback, and no "internal error" line from the command's last-resort guard either, so a bug
that the guard would hide still fails here.

Hypothesis runs each calculator in-process (policypress.cli.main with stdin and stdout
replaced, as the real streams behave: bytes in, UTF-8 out, strict); a few cases go through the
installed `policypress` entry point as well.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from policypress.cli import main
from policypress.content import Site

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINT = Path(sys.executable).with_name("policypress")
DESCRIPTIONS = {calculator["name"]: calculator for calculator in calculators.describe()}
HOSTILE_TEXT = ["\ud800", "a\udfffb", "\udc00\ud800", "9" * 5000, "-" + "9" * 40, "1e999", "NaN", "\x00", "", " ", "\u202e"]
HOSTILE_NUMBERS = [10**15 - 1, 10**15, -(10**15), 2**63, -(2**64), 10**40, 1e300, -1e-300, 0.1, 5e-324]
DATES = ["0001-01-01", "9999-12-31", "1900-02-29", "2000-02-29", "2016-05-16", "2020-05-15", "1969-12-31", "2100-01-01"]

# --- running the command -------------------------------------------------------------------


class Run:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr


def run_in_process(site: Site, name: str, data: bytes) -> Run:
    """main(["calc", NAME, "--input", "-"]) with `data` on stdin; the streams behave as the real
    ones: stdin gives bytes, stdout encodes UTF-8 strictly (a lone surrogate would fail)."""
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    with (
        mock.patch("policypress.content.load_site", return_value=site),  # loaded once, not per example
        mock.patch.multiple(sys, stdin=stdin, stdout=stdout, stderr=stderr),
    ):
        try:
            code = main(["--root", str(ROOT), "calc", name, "--input", "-", "--today", "2026-11-27"])
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        stdout.flush()
        stderr.flush()
    return Run(code, stdout.buffer.getvalue().decode("utf-8"), stderr.buffer.getvalue().decode("utf-8"))


def run_entry_point(name: str, data: bytes) -> Run:
    done = subprocess.run(
        [str(ENTRY_POINT), "--root", str(ROOT), "calc", name, "--input", "-"],
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "backslashreplace"))


def _strict_constant(name: str) -> Any:
    raise AssertionError(f"{name} is not JSON")


def assert_well_behaved(run: Run) -> dict[str, Any]:
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stderr == "", run.stderr  # calc reports bad input on stdout; anything here is a bug
    assert run.code in (0, 2), (run.code, run.stdout)
    result = json.loads(run.stdout, parse_constant=_strict_constant)
    assert isinstance(result, dict)
    if run.code == 2:
        assert set(result) == {"errors"} and result["errors"], result
        for message in result["errors"].values():
            assert set(message) == {"zh", "en"} and all(isinstance(t, str) and t for t in message.values()), message
    else:
        assert "errors" not in result, result
    return result


# --- what arrives --------------------------------------------------------------------------

texts = st.text(alphabet=st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=30) | st.sampled_from(HOSTILE_TEXT)
scalars = st.none() | st.booleans() | st.integers() | st.sampled_from(HOSTILE_NUMBERS) | st.floats(allow_nan=False) | texts
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(texts, inner, max_size=5), max_leaves=25)


def typed(field: dict[str, Any]) -> st.SearchStrategy[Any]:
    """What a form or a script might send for this input: right, nearly right, or anything."""
    kind = field["type"]
    options = [option["value"] for option in field.get("options", [])]
    near: st.SearchStrategy[Any]
    if kind == "bool":
        near = st.booleans() | st.sampled_from(["true", "否", "yes", "0"])
    elif kind in ("int", "money"):
        near = (
            st.integers(-(10**16), 10**16)
            | st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str)
            | st.sampled_from(HOSTILE_NUMBERS)
            | st.integers(0, 10**6).map(lambda n: f"{n:,}")
        )
    elif kind == "date":
        near = st.dates().map(lambda day: day.isoformat()) | st.sampled_from(DATES)
    elif kind == "choice":
        near = st.sampled_from(options)
    elif kind == "multi":
        near = st.lists(st.sampled_from(options), max_size=4)
    elif kind == "rows":
        row = st.fixed_dictionaries({}, optional={column["name"]: typed(column) for column in field["rows"]})
        near = st.lists(row, max_size=4)
    elif kind == "list":
        near = st.lists(st.none() | st.integers(-(10**16), 10**16) | st.sampled_from(HOSTILE_NUMBERS) | texts, max_size=12)
    else:
        near = texts
    return st.one_of(near, near, json_values)


def inputs_for(name: str) -> st.SearchStrategy[Any]:
    fields = DESCRIPTIONS[name]["inputs"]
    objects = st.fixed_dictionaries({}, optional={field["name"]: typed(field) for field in fields})
    return st.one_of(objects, objects, objects, json_values)


# --- the tests -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_json_gives_a_result_or_field_errors(site: Site, name: str, data: st.DataObject) -> None:
    inputs = data.draw(inputs_for(name), label="inputs")
    assert_well_behaved(run_in_process(site, name, json.dumps(inputs).encode("utf-8")))


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
@settings(max_examples=15, deadline=None)
@given(data=st.binary(max_size=200) | st.text(max_size=100).map(str.encode))
def test_any_bytes_give_json(site: Site, name: str, data: bytes) -> None:
    assert_well_behaved(run_in_process(site, name, data))


HOSTILE_INPUTS = {
    "5000-digit number": b'{"eligible_costs": ' + b"9" * 5000 + b', "registered_poor": true}',
    "5000 digits as text": b'{"eligible_costs": "' + b"9" * 5000 + b'", "registered_poor": true}',
    "100,000-deep arrays": b"[" * 100_000 + b"]" * 100_000,
    "100,000-deep objects": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "33-deep arrays": b'{"eligible_costs": ' + b"[" * 33 + b"]" * 33 + b"}",
    "a lone surrogate as a key": b'{"\\ud800": 1}',
    "NaN": b'{"eligible_costs": NaN, "registered_poor": true}',
    "1e999": b'{"eligible_costs": 1e999, "registered_poor": true}',
    "not UTF-8": b'{"registered_poor": "\xff"}',
    "a UTF-8 BOM": b'\xef\xbb\xbf{"eligible_costs": 100, "registered_poor": true}',
    "5 MB": b'{"a": "' + b"x" * 5_000_000 + b'"}',
}


@pytest.mark.parametrize("case", HOSTILE_INPUTS)
def test_the_trial_cases_in_process(site: Site, case: str) -> None:
    result = assert_well_behaved(run_in_process(site, "critical-illness", HOSTILE_INPUTS[case]))
    if case == "a UTF-8 BOM":
        assert "errors" not in result
    else:
        assert "errors" in result


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
def test_every_text_and_number_input_refuses_hostile_values_with_a_field_error(site: Site, name: str) -> None:
    """A lone surrogate in each text input, 5,000 digits in each number: an error on that input."""
    for field in DESCRIPTIONS[name]["inputs"]:
        bad = {"text": '"\\ud800x"', "int": "9" * 5000, "money": '"' + "9" * 5000 + '"'}.get(field["type"])
        if bad is None:
            continue
        result = assert_well_behaved(run_in_process(site, name, f'{{"{field["name"]}": {bad}}}'.encode()))
        assert field["name"] in result["errors"], (field["name"], result)


def test_the_trial_cases_through_the_installed_command() -> None:
    """The 5000-digit number, 100,000-deep JSON and a lone surrogate in a text field, through
    .venv/bin/policypress itself (its own streams, encoding and recursion limit)."""
    digits = assert_well_behaved(run_entry_point("critical-illness", HOSTILE_INPUTS["5000-digit number"]))
    message = digits["errors"]["eligible_costs"]
    assert "15" in message["zh"] and "15" in message["en"]
    deep = assert_well_behaved(run_entry_point("critical-illness", HOSTILE_INPUTS["100,000-deep arrays"]))
    assert set(deep["errors"]) == {"_"}
    surrogate = run_entry_point("id-card", b'{"name": "\\ud800", "\\udfff": 1}')
    errors = assert_well_behaved(surrogate)["errors"]
    assert "name" in errors and "\udfff" in errors  # the unknown name comes back as the same escape
    assert "\\udfff" in surrogate.stdout


def test_an_unexpected_error_is_one_line_and_exit_2(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last-resort guard: a bug in a command is one line on stderr saying what failed and how
    to report it (exit 2); POLICYPRESS_DEBUG=1 shows the traceback for the report."""

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(calculators, "calculate", broken)
    run = run_in_process(site, "critical-illness", b"{}")
    assert run.code == 2 and run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith("policypress calc: internal error (ZeroDivisionError: division by zero)")
    assert "report" in line and "POLICYPRESS_DEBUG=1" in line
    monkeypatch.setenv("POLICYPRESS_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        run_in_process(site, "critical-illness", b"{}")
