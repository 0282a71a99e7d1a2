"""Worked examples as readers see them on clause pages: the inputs and what the calculator gave.

The figures are computed here, at build time, by the same calculators the tests check."""

from __future__ import annotations

from typing import Any

from calculators import calculate, calculators

from .content import PolicyDocument, Site
from .export import export_parameters
from .i18n import t


def _value(field: dict[str, Any], value: Any, lang: str) -> str:
    kind = field["type"]
    if kind == "bool":
        return t("yes" if value else "no", lang)
    if kind == "money":
        return f"{float(value):,.2f}".removesuffix(".00") + ("元" if lang == "zh" else " yuan")
    if kind == "choice":
        option = next((o for o in field.get("options", []) if o["value"] == value), None)
        return option["label"][lang] if option else str(value)
    if kind == "rows":
        return t("rows", lang, count=str(len(value)))
    if kind == "multi":
        return "、".join(map(str, value)) if lang == "zh" else ", ".join(map(str, value))
    return str(value)


def _output(value: Any, lang: str) -> str:
    if isinstance(value, dict) and set(value) >= {"zh", "en"}:
        return str(value[lang])
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, float):
        return f"{value:,.2f}".removesuffix(".00")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ("、" if lang == "zh" else ", ").join(map(str, value)) or "—"
    return str(value)


def worked_examples(site: Site, doc: PolicyDocument, clause_id: str, lang: str) -> list[dict[str, Any]]:
    """The examples of the calculators that implement `clause_id`, ready for the page."""
    shown = []
    registry = calculators()
    parameters = export_parameters(site, doc)
    for example in doc.examples:
        calculator = registry[example.calculator]
        if calculator.clause != clause_id or "errors" in example.expect:
            continue
        declaration = {f["name"]: f for f in calculator.as_json()["inputs"]}
        result = calculate(example.calculator, example.inputs, parameters, today=example.today)
        colon = "：" if lang == "zh" else ": "
        inputs = [
            f"{declaration[name]['label'][lang].rstrip('?？')}{colon}{_value(declaration[name], value, lang)}"
            for name, value in example.inputs.items()
        ]
        outputs = [f"{label[lang]}{colon}**{_output(result[name], lang)}**" for name, label in calculator.outputs if name in result]
        shown.append(
            {
                "name": example.name[lang],
                "calculator": calculator.title[lang],
                "inputs": inputs,
                "outputs": outputs,
                "outcome": result.get("outcome"),
            }
        )
    return shown
