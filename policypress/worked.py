"""Worked examples as readers see them on clause pages: the inputs and what the calculator gave.

The figures are computed here, at build time, by the same calculators the tests check."""

from __future__ import annotations

from typing import Any

from calculators import calculate, calculators

from .content import PolicyDocument, Site
from .export import export_parameters
from .i18n import t


def _area_name(areas: list[dict[str, Any]], value: str, lang: str) -> str | None:
    """A typed area (its id, name in either language, code or another name) as the page's reader
    knows it: the area's name in the page's language; the code, or another name written in the
    page's script (a former name, 苍山), is kept beside it so the example still shows what was
    typed. None when `value` names no area."""
    wanted = value.strip().casefold()
    for area in areas:
        names = [area["id"], area["zh"], area["en"], area.get("code") or "", *area.get("aliases", [])]
        if wanted not in (n.casefold() for n in names if n):
            continue
        name = area[lang]
        if value.strip() == area.get("code"):
            return name + (f"（{t('area_code', lang)}{value.strip()}）" if lang == "zh" else f" ({t('area_code', lang)} {value.strip()})")
        in_script = any("\u4e00" <= ch <= "\u9fff" for ch in value) == (lang == "zh")
        if in_script and not name.casefold().startswith(wanted) and wanted != area["id"]:
            return name + (f"（{value.strip()}）" if lang == "zh" else f" ({value.strip()})")
        return name
    return None


def _value(field: dict[str, Any], value: Any, lang: str, areas: list[dict[str, Any]] | None = None) -> str:
    kind = field["type"]
    if kind == "text" and isinstance(value, str) and areas:
        area = _area_name(areas, value, lang)
        if area is not None:
            return area
    if kind == "bool":
        return t("yes" if value else "no", lang)
    if kind == "money":
        return f"{float(value):,.2f}".removesuffix(".00") + ("元" if lang == "zh" else " yuan")
    if kind == "choice":
        option = next((o for o in field.get("options", []) if o["value"] == value), None)
        return option["label"][lang] if option else str(value)
    if kind == "rows":
        return t("rows_one" if len(value) == 1 else "rows", lang, count=str(len(value)))
    if kind == "multi":
        labels = {o["value"]: o["label"][lang] for o in field.get("options", [])}
        shown = [labels.get(v, str(v)) for v in value]
        return "、".join(shown) if lang == "zh" else ", ".join(shown)
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
            f"{declaration[name]['label'][lang].rstrip('?？')}{colon}{_value(declaration[name], value, lang, parameters.get('areas'))}"
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
