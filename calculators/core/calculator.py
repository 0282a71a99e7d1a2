"""A calculator: its id, its words, its inputs and the function that computes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .explain import DateUsed
from .inputs import Field
from .parameters import Parameters
from .text import Text, text

Compute = Callable[[dict[str, Any], Parameters, DateUsed], dict[str, Any]]


@dataclass(frozen=True)
class Calculator:
    name: str  # fixed: scripts and staff rely on it
    title: Text
    clause: str  # the clause it implements (its page links to it)
    inputs: tuple[Field, ...]
    compute: Compute
    summary: Text | None = None
    outputs: tuple[tuple[str, Text], ...] = ()  # the result's main fields, labelled for pages
    # The page it gets: "form" (a calculator page), "self-check" (the residents' questions one
    # at a time), "card" (a staff form laid out like a paper card) or "report" (a staff table).
    page: str = "form"
    # For a card: its boxes, (side, key, field names), in the paper's order; and the page's own
    # words (titles, section names), which the document's paper form gives.
    layout: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    words: tuple[tuple[str, Text], ...] = ()
    # For a card: what it hands to the self-check, (self-check input, card input, how), how being
    # "value", "text", "birth_from_id" (the date of birth in an 18-digit resident ID number) or
    # "includes:OPTION:KNOWN" (is OPTION ticked in a list, said only when the list has a tick or
    # the card input KNOWN is false). Never a name or an ID number itself.
    handoff: tuple[tuple[str, str, str], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "clause": self.clause,
            "summary": self.summary,
            "inputs": [f.as_json() for f in self.inputs],
            "outputs": [{"name": name, "label": label} for name, label in self.outputs],
        }


DATE = Field(
    "date",
    "date",
    text("按哪一天的规定计算", "Rules of which day"),
    help=text(
        "不填则按今天；通知已失效时按其有效期最后一天计算。",
        "Leave empty for today; when the notice has expired, its last day in force is used.",
    ),
)
REGISTERED_POOR = Field(
    "registered_poor",
    "bool",
    text("是否建档立卡农村贫困人口", "Registered rural poor?"),
    help=text(
        "家庭是建档立卡贫困户的选“是”。不清楚的请问村委会或乡镇扶贫办。",
        "Yes if your household is a registered poor household. Ask the village committee if unsure.",
    ),
    required=True,
)
BIRTH_DATE = Field(
    "birth_date",
    "date",
    text("出生日期", "Date of birth"),
    help=text("按身份证填写，例如 1961-03-15。", "As on the ID card, e.g. 1961-03-15."),
)


def run(calculator: Calculator, inputs: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """Run another calculator from inside a calculation, on the same day and parameters
    (the self-check uses the estimators this way). Bad inputs come back as {"errors": …}."""
    from .inputs import InputError, validate
    from .parameters import NoValue

    values, errors = validate(calculator.inputs, inputs)
    if errors:
        return {"errors": errors}
    try:
        return calculator.compute(values, params, used)
    except (InputError, NoValue) as error:
        return {"errors": {getattr(error, "name", "date"): getattr(error, "message", None) or {"zh": str(error), "en": str(error)}}}
