"""Every word a page script asks for (`say("key")`) is in policypress/i18n.py, in both languages:
a key missing from the page's words would show as the key itself ("history_heading"), and a
language missing would break the build of that language's pages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from policypress import i18n

ASSETS = Path(i18n.__file__).resolve().parent / "assets"
# Which words each script is given (the page embeds them as JSON, in its language).
SCRIPTS = {
    "policypress-calc.js": i18n.SCRIPT_STRINGS,
    "policypress-selfcheck.js": i18n.SELFCHECK_STRINGS,
    "policypress-report.js": i18n.REPORT_STRINGS,
    "policypress-modes.js": i18n.MODE_STRINGS,
}
# Keys put together in the script (say("outcome_" + outcome)): the prefix and every value the
# part after it takes. A new prefix in a script fails the test until it is listed here.
OUTCOMES = ["eligible", "possibly", "not_eligible"]
STAGES = ["idle", "starting", "runtime", "calculators", "parameters", "ready", "failed"]
AMOUNT_KINDS = ["at_least", "at_most", "estimate", "if_insured", "if_confirmed", "not_known"]
BUILT = {
    "policypress-calc.js": {
        "outcome_": OUTCOMES,
        "stage_": STAGES,
        "condition_": ["met", "unmet", "unknown"],
        "amount_kind_": AMOUNT_KINDS,
        # when + "_heading", when + "_outcome_" + outcome: when is "history" or "not_yet"
        "": ["history_heading", "not_yet_heading"] + [f"{w}_outcome_{o}" for w in ("history", "not_yet") for o in OUTCOMES],
    },
    "policypress-selfcheck.js": {
        "stage_": STAGES,
        "group_": OUTCOMES + [f"{w}_{o}" for w in ("history", "not_yet") for o in OUTCOMES],
        "result_lead_": ["history", "not_yet"],
        "question_": ["history", "not_yet"],  # a question asked only for documents not in force
        "amount_kind_": AMOUNT_KINDS,
        "": ["met", "unmet", "unknown"],  # say(kind[0]) over [["met", "✓"], …]
    },
}
CALL = re.compile(r"(?<!function )\bsay\(")  # a call, not the function's definition
LITERAL = re.compile(r'(\+\s*|[=!]==?\s*)?"((?:[^"\\]|\\.)*)"(\s*\+)?')


def arguments(source: str) -> list[str]:
    """The key argument of every say( … ) call: up to its closing bracket, or to the values
    that fill it in (", {" or ", name"). A say( … ) inside one is found as a call of its own."""
    found = []
    for match in CALL.finditer(source):
        depth, i = 1, match.end()
        while depth and i < len(source):
            depth += {"(": 1, ")": -1, "{": 1, "}": -1}.get(source[i], 0)
            if depth == 1 and source[i] == ",":
                break
            i += 1
        found.append(source[match.end() : i].rstrip(")"))
    return found


def keys_used(script: str) -> tuple[set[str], set[str]]:
    """(keys written whole, prefixes of keys put together) in the script's say( … ) calls: a
    literal alone is a key ("why", or either of value ? "yes" : "no"; not one compared with,
    as in type === "int" ? …); one followed by "+" a
    prefix ("outcome_" + outcome); a key with no literal of its own in front (when + "_heading",
    kind[0]) has the prefix ""."""
    whole: set[str] = set()
    prefixes: set[str] = set()
    for key in arguments((ASSETS / script).read_text(encoding="utf-8")):
        leading = [(literal, bool(after)) for before, literal, after in LITERAL.findall(key) if not before]
        for literal, joined in leading:
            (prefixes if joined else whole).add(literal)
        if not leading:
            prefixes.add("")
    return whole, prefixes


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_every_key_a_script_asks_for_is_there_in_both_languages(script: str) -> None:
    words = SCRIPTS[script]
    whole, prefixes = keys_used(script)
    assert whole, f"{script}: no say(…) call found: has the script's word function been renamed?"
    built = BUILT.get(script, {})
    unknown = prefixes - built.keys()
    assert not unknown, f"{script} puts keys together from {sorted(unknown)}: list the values they take in BUILT"
    source = (ASSETS / script).read_text(encoding="utf-8")
    stale = sorted(prefix for prefix in built if prefix and f'"{prefix}"' not in source)
    assert not stale, f"{script} no longer puts keys together from {stale}: remove them from BUILT"
    wanted = set(whole) | {prefix + rest for prefix, rests in built.items() for rest in rests}
    missing = sorted(key for key in wanted if key not in words)
    assert not missing, f"{script} asks for words i18n.py does not have: {missing}"
    for key in sorted(wanted):
        for lang in ("zh", "en"):
            assert lang in words[key], f"{script}: {key!r} has no {lang} words"
        if key != "stage_idle":
            assert words[key]["zh"].strip() and words[key]["en"].strip(), f"{script}: {key!r} is empty in a language"


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_both_languages_fill_in_the_same_names(script: str) -> None:
    """{date} in the Chinese and {date} in the English: a name in one language only would be shown
    as it is, braces and all, in the other."""
    names = string.Formatter()
    for key, value in SCRIPTS[script].items():
        zh, en = ({field for _, field, _, _ in names.parse(value[lang]) if field} for lang in ("zh", "en"))
        assert zh == en, f"{script}: {key!r} fills in {sorted(zh)} in Chinese, {sorted(en)} in English"
