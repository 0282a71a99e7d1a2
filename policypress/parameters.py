"""Dated parameters: the value in force on a day, and how a figure reads in zh and en."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from .schema import Bilingual, DatedValue, ParameterSpec, Reference, UnitSpec, parse_number
from .yamlsource import Located

Value = int | Decimal | Fraction


@dataclass(frozen=True)
class DatedEntry:
    since: dt.date
    value: Value | None  # None ends the parameter from `since`
    status: str
    reference: Reference | None  # its own, or else the parameter's
    own_reference: Reference | None


@dataclass
class Parameter:
    name: str
    label: Bilingual
    unit: str
    status: str
    reference: Reference | None
    code: str | None
    entries: list[DatedEntry]
    path: Path
    source: Located
    prefix: tuple

    @classmethod
    def from_spec(cls, name: str, spec: ParameterSpec, path: Path, source: Located, prefix: tuple) -> Parameter:
        entries = []
        for since, raw in sorted(spec.values.items()):
            own = raw.reference if isinstance(raw, DatedValue) else None
            value = raw.value if isinstance(raw, DatedValue) else raw
            status = (raw.status if isinstance(raw, DatedValue) else None) or spec.status
            number = None if value is None else parse_number(value)
            entries.append(DatedEntry(since, number, status, own or spec.reference, own))
        return cls(name, spec.label, spec.unit, spec.status, spec.reference, spec.code, entries, path, source, prefix)

    def line_of(self, *path: object) -> int:
        """The line in the parameter file of this parameter, or of a key inside it."""
        return self.source.line(self.prefix + path)

    def entry_on(self, day: dt.date) -> DatedEntry | None:
        """The entry in force on `day`, or None before the first one."""
        current = None
        for entry in self.entries:
            if entry.since <= day:
                current = entry
        return current

    def value_on(self, day: dt.date) -> Value | None:
        entry = self.entry_on(day)
        return entry.value if entry else None

    def status_on(self, day: dt.date) -> str:
        entry = self.entry_on(day)
        return entry.status if entry and entry.value is not None else "unset" if not self.entries else self.status

    def all_values(self) -> list[Value]:
        return [e.value for e in self.entries if e.value is not None]


ZH_DIGITS = "〇一二三四五六七八九十"
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def plain_number(value: Value) -> str:
    """1000 → '1,000'; Decimal('17.10') → '17.1'; Fraction(2, 3) → '2/3'."""
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else f"{value.numerator:,}"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        whole, _, frac = text.partition(".")
        return f"{int(whole):,}" + (f".{frac}" if frac else "")
    return f"{value:,}"


def _percent(value: Value) -> str:
    """A ratio as a percentage (0.5 → '50%'); a fraction with no exact percentage stays '2/3'."""
    hundred = value * 100
    if isinstance(hundred, Fraction):
        return f"{hundred.numerator}%" if hundred.denominator == 1 else str(value)
    return plain_number(hundred) + "%"


def _zh_yuan(value: Value) -> str:
    if isinstance(value, int) and value >= 10_000 and value % 10_000 == 0:
        wan = value // 10_000
        if wan % 10_000 == 0:
            return f"{wan // 10_000:,}亿元"
        return f"{wan:,}万元"
    return f"{plain_number(value)}元"


# Units defined in content (policy/units.yaml), added by content.load_site: unit ids are the
# site's own words, so one registry serves every site loaded in a process.
CONTENT_UNITS: dict[str, UnitSpec] = {}
COUNT_UNITS = {"people", "posts"}


def register_units(units: dict[str, UnitSpec]) -> None:
    CONTENT_UNITS.update(units)


def _count(value: Value, lang: str) -> str:
    """A count as the language writes it: 480000 → '48万' in Chinese, '480,000' in English."""
    if lang == "zh" and isinstance(value, int) and value >= 10_000 and value % 1_000 == 0:
        return plain_number(Decimal(value) / 10_000) + "万"
    return plain_number(value)


def format_value(value: Value | None, unit: str, lang: str) -> str:
    """A figure as a reader sees it, e.g. ('yuan-per-person', 1000) → '每人1,000元' / '1,000 yuan per person'."""
    if value is None:  # unset, ended or not yet in force: the parameter's note and status say which
        return "（未设定）" if lang == "zh" else "(not set)"
    n = plain_number(value)
    zh = lang == "zh"
    match unit:
        case "yuan":
            return _zh_yuan(value) if zh else f"{n} yuan"
        case "ten-thousand-yuan":
            return f"{n}万元" if zh else f"{plain_number(value * 10_000)} yuan"
        case "yuan-per-person":
            return f"每人{_zh_yuan(value)}" if zh else f"{n} yuan per person"
        case "yuan-per-month":
            return f"每月{_zh_yuan(value)}" if zh else f"{n} yuan a month"
        case "yuan-per-hour":
            return f"每小时{n}元" if zh else f"{n} yuan an hour"
        case "yuan-per-year":
            return f"每年{_zh_yuan(value)}" if zh else f"{n} yuan a year"
        case "percent":
            return f"{n}%"
        case "percentage-points":
            return f"{n}个百分点" if zh else f"{n} percentage points"
        case "ratio":
            return _percent(value)
        case "people":
            return f"{_count(value, lang)}人" if zh else f"{n} {'person' if value == 1 else 'people'}"
        case "posts":
            return f"{_count(value, lang)}个" if zh else f"{n} {'post' if value == 1 else 'posts'}"
        case "months":
            return f"{n}个月" if zh else f"{n} {'month' if value == 1 else 'months'}"
        case "years":
            return f"{n}年" if zh else f"{n} {'year' if value == 1 else 'years'}"
        case "days":
            return f"{n}天" if zh else f"{n} {'day' if value == 1 else 'days'}"
        case "hours-per-month":
            return f"每月{n}小时" if zh else f"{n} hours a month"
        case "wage-class":
            return f"{ZH_DIGITS[int(value)]}类" if zh and 0 < value < 11 else f"class {n}"
        case "age":
            return f"{n}周岁" if zh else f"age {n}"
        case "month-of-year":
            return f"{n}月" if zh else EN_MONTHS[int(value) - 1]
        case "disability-grade":
            return f"{ZH_DIGITS[int(value)]}级" if zh and 0 < value < 11 else f"grade {n}"
        case "calendar-year":
            return f"{int(value)}年" if zh else str(int(value))
        case "times-per-year":
            return f"每年{n}次" if zh else f"{n} {'time' if value == 1 else 'times'} a year"
    spec = CONTENT_UNITS.get(unit)
    if spec is not None:
        figure = _count(value, lang) if spec.count else n
        pattern = spec.zh if zh else (spec.en_one if spec.en_one and value == 1 else spec.en)
        return pattern.replace("{n}", figure)
    return n


# The engine's words for a figure's source say 文件/document: a document may be a notice, a set of
# measures, rules… (docs/decisions/018-document-neutral-engine-words.md).
STATUS_LABELS = {
    "official": {"zh": "本文件规定", "en": "set by this document"},
    "reference": {"zh": "参考其他文件", "en": "from another document"},
    "interpretation": {"zh": "测算口径，以经办机构解释为准", "en": "our reading; the bureau's interpretation prevails"},
    "unset": {"zh": "未设定", "en": "not set"},
}
STATUS_TAGS = {
    "official": {"zh": "文件", "en": "document"},
    "reference": {"zh": "参考", "en": "reference"},
    "interpretation": {"zh": "口径", "en": "reading"},
    "unset": {"zh": "待定", "en": "unset"},
}
