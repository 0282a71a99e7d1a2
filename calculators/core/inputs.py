"""Inputs are declared once: name, type, bounds, options, default, and words in zh and en.

The same declaration validates what a script, the command line or a page form sends, and will
generate the forms. Bad input gives field errors in both languages, never an exception.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .text import Text, text

# A `list` is a list of plain values (numbers, text or empty) that the calculator checks itself,
# e.g. a statistics row whose columns are declared as data; `maximum` caps its length. Text is
# split at tabs (a row pasted from a spreadsheet) or, without tabs, at spaces.
TYPES = ("bool", "int", "money", "date", "choice", "multi", "text", "rows", "list")

# Hostile or mistyped input gets a field error, never an exception, in CPython and in Pyodide:
# no amount or count has more than MAX_DIGITS digits before the point (Python cannot even print
# an integer of more than 4,300), and JSON text is bounded in size and nesting (parse_json).
MAX_DIGITS = 15
MAX_UNKNOWN = 20  # unknown input names reported per object; the rest are left unsaid
MAX_JSON_CHARS = 4_000_000
MAX_JSON_DEPTH = 32
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    label: Text
    help: Text | None = None
    required: bool = False
    default: Any = None
    minimum: int | Decimal | None = None
    maximum: int | Decimal | None = None
    options: tuple[Option, ...] = ()
    unit: Text | None = None
    rows: tuple[Field, ...] = ()  # the columns of a `rows` input
    max_length: int | None = None
    default_from: str | None = None  # left empty, the calculator uses this parameter's value

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"unknown input type {self.type!r} for {self.name}")

    def as_json(self) -> dict[str, Any]:
        """The declaration as data, for the command line's --list and the page forms."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "label": self.label, "required": self.required}
        if self.help:
            out["help"] = self.help
        if self.default is not None:
            out["default"] = self.default
        if self.default_from:
            out["default_from"] = self.default_from
        if self.minimum is not None:
            out["minimum"] = _plain(self.minimum)
        if self.maximum is not None:
            out["maximum"] = _plain(self.maximum)
        if self.options:
            out["options"] = [{"value": o.value, "label": o.label} for o in self.options]
        if self.unit:
            out["unit"] = self.unit
        if self.rows:
            out["rows"] = [column.as_json() for column in self.rows]
        return out


def _plain(number: int | Decimal) -> int | float:
    return int(number) if number == int(number) else float(number)


class InputError(Exception):
    """Raised by a calculator for an error only the calculation can see (e.g. a parameter
    that must be entered because it is not set); reported like any field error."""

    def __init__(self, name: str, message: Text):
        super().__init__(name)
        self.name, self.message = name, message


Errors = dict[str, Text]


def validate(fields: tuple[Field, ...], raw: Any) -> tuple[dict[str, Any], Errors]:
    """Check `raw` (a JSON object) against the declaration: (clean values, field errors)."""
    if not isinstance(raw, dict):
        return {}, {
            "_": text(
                '输入必须是一个 JSON 对象，例如 {"registered_poor": true}。',
                'The input must be a JSON object, e.g. {"registered_poor": true}.',
            )
        }
    values: dict[str, Any] = {}
    errors: Errors = {}
    known = [f.name for f in fields]
    names = set(known)
    unknown = [name for name in raw if name not in names]
    for name in unknown[:MAX_UNKNOWN]:
        errors[name] = text(
            f"未知的输入项“{name}”。可用的输入项：{'、'.join(known)}。", f"Unknown input '{name}'. Inputs: {', '.join(known)}."
        )
    for f in fields:
        value, error = _one(f, raw.get(f.name), f.name)
        if error:
            errors.update(error)
        else:
            values[f.name] = value
    return values, errors


def _missing(f: Field) -> Text:
    return text(f"请填写“{f.label['zh']}”。", f"Please enter '{f.label['en']}'.")


def _one(f: Field, raw: Any, key: str) -> tuple[Any, Errors]:
    if raw is None or (isinstance(raw, str) and raw.strip() == "" and f.type != "text"):
        if f.required:
            return None, {key: _missing(f)}
        return f.default, {}
    try:
        return _convert(f, raw, key), {}
    except _Bad as bad:
        return None, bad.errors if bad.errors else {key: bad.message}


class _Bad(Exception):
    def __init__(self, message: Text | None = None, errors: Errors | None = None):
        super().__init__()
        self.message, self.errors = message, errors or {}


def _convert(f: Field, raw: Any, key: str) -> Any:
    zh, en = f.label["zh"], f.label["en"]
    if f.type == "bool":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in ("true", "yes", "1", "是"):
            return True
        if isinstance(raw, str) and raw.strip().lower() in ("false", "no", "0", "否"):
            return False
        raise _Bad(text(f"“{zh}”请选择“是”或“否”。", f"'{en}': choose yes or no."))
    if f.type in ("int", "money"):
        if _oversized(raw):
            raise _Bad(text(f"“{zh}”的数字太长：整数部分最多 {MAX_DIGITS} 位。", f"'{en}' is too large: at most {MAX_DIGITS} digits."))
        number = _number(raw, whole=f.type == "int")
        if number is None:
            if f.type == "int":
                raise _Bad(text(f"“{zh}”请填写整数，例如 3。", f"'{en}' must be a whole number, e.g. 3."))
            raise _Bad(
                text(
                    f"“{zh}”请填写金额（元），最多两位小数，例如 1500 或 1500.50。",
                    f"'{en}' must be an amount in yuan with at most two decimals, e.g. 1500 or 1500.50.",
                )
            )
        if f.minimum is not None and number < f.minimum:
            raise _Bad(text(f"“{zh}”不能小于 {_plain(f.minimum)}。", f"'{en}' cannot be less than {_plain(f.minimum)}."))
        if f.maximum is not None and number > f.maximum:
            raise _Bad(text(f"“{zh}”不能大于 {_plain(f.maximum)}。", f"'{en}' cannot be more than {_plain(f.maximum)}."))
        return number
    if f.type == "date":
        if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
            try:
                return dt.date.fromisoformat(raw.strip())
            except ValueError:
                pass
        raise _Bad(
            text(
                f"“{zh}”请填写一个真实的日期，格式为 年-月-日，例如 2016-09-01。",
                f"'{en}' must be a real date written YYYY-MM-DD, e.g. 2016-09-01.",
            )
        )
    if f.type == "choice":
        values = [o.value for o in f.options]
        if isinstance(raw, str) and raw in values:
            return raw
        zh_options = "、".join(o.label["zh"] for o in f.options)
        en_options = ", ".join(f"{o.value} ({o.label['en']})" for o in f.options)
        raise _Bad(text(f"“{zh}”请从以下选项中选择：{zh_options}。", f"'{en}' must be one of: {en_options}."))
    if f.type == "multi":
        values = [o.value for o in f.options]
        if isinstance(raw, list) and all(isinstance(v, str) and v in values for v in raw):
            return list(dict.fromkeys(raw))
        en_options = ", ".join(values)
        raise _Bad(text(f"“{zh}”只能从选项中选择（可多选）。", f"'{en}' must be a list of: {en_options}."))
    if f.type == "text":
        if not isinstance(raw, str):
            raise _Bad(text(f"“{zh}”请填写文字。", f"'{en}' must be text."))
        value = raw.strip()
        if _SURROGATE.search(value):
            raise _Bad(text(f"“{zh}”含有无法识别的字符。", f"'{en}' contains characters that are not valid text."))
        if f.max_length is not None and len(value) > f.max_length:
            raise _Bad(text(f"“{zh}”最多 {f.max_length} 个字。", f"'{en}' can be at most {f.max_length} characters."))
        if f.required and not value:
            raise _Bad(_missing(f))
        return value
    if f.type == "rows":
        if not isinstance(raw, list) or not all(isinstance(row, dict) for row in raw):
            raise _Bad(text(f"“{zh}”应为若干行，每行是一个 JSON 对象。", f"'{en}' must be a list of rows, each a JSON object."))
        if f.maximum is not None and len(raw) > f.maximum:
            raise _Bad(text(f"“{zh}”最多 {_plain(f.maximum)} 行。", f"'{en}' can have at most {_plain(f.maximum)} rows."))
        rows, errors = [], {}
        for index, row in enumerate(raw):
            clean, row_errors = validate(f.rows, row)
            for column, message in row_errors.items():
                errors[f"{key}[{index}].{column}"] = text(f"第 {index + 1} 行：{message['zh']}", f"Row {index + 1}: {message['en']}")
            rows.append(clean)
        if errors:
            raise _Bad(errors=errors)
        return rows
    if f.type == "list":
        if isinstance(raw, str):  # a row pasted from a spreadsheet (tabs keep empty cells) or typed with spaces
            raw = [cell.strip() for cell in raw.split("\t")] if "\t" in raw else raw.split()
        if not isinstance(raw, list) or not all(_plain_value(v) for v in raw):
            raise _Bad(text(f"“{zh}”应为一组数值，例如 [120, 80, 0]。", f"'{en}' must be a list of values, e.g. [120, 80, 0]."))
        if f.maximum is not None and len(raw) > f.maximum:
            raise _Bad(text(f"“{zh}”最多 {_plain(f.maximum)} 个值。", f"'{en}' can have at most {_plain(f.maximum)} values."))
        if any(_oversized(v) or (isinstance(v, str) and _SURROGATE.search(v)) for v in raw):
            raise _Bad(
                text(
                    f"“{zh}”中有数值太长（整数部分最多 {MAX_DIGITS} 位）或无法识别的字符。",
                    f"'{en}' has a value that is too large (at most {MAX_DIGITS} digits) or not valid text.",
                )
            )
        return list(raw)
    raise _Bad(text(f"“{zh}”无法识别。", f"'{en}' is not understood."))


def _plain_value(value: Any) -> bool:
    """A number, a text or nothing: what a spreadsheet cell holds."""
    return value is None or (isinstance(value, (int, float, str)) and not isinstance(value, bool))


def _oversized(value: Any) -> bool:
    """A number too long to be any amount or count: more than MAX_DIGITS digits before the
    point (as a number or as text), or not finite."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) >= 10**MAX_DIGITS
    if isinstance(value, float):
        return not math.isfinite(value) or abs(value) >= 10.0**MAX_DIGITS
    if isinstance(value, str):
        written = value.strip().replace(",", "").replace("，", "")
        digits = re.match(r"[-+]?(\d*)", written)
        return digits is not None and len(digits.group(1)) > MAX_DIGITS
    return False


def _number(raw: Any, whole: bool) -> int | Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        raw = repr(raw)
    if not isinstance(raw, str):
        return None
    cleaned = raw.strip().replace(",", "").replace("，", "")
    pattern = r"-?\d+" if whole else r"-?\d+(\.\d{1,2})?"
    if not re.fullmatch(pattern, cleaned):
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return int(number) if whole else number


def parse_json(source: str | bytes) -> tuple[Any, Errors]:
    """JSON text (bytes are read as UTF-8) as the inputs of a calculator: (value, {}), or
    (None, {"_": …}) when it is not JSON, or too large or too deeply nested to be inputs.
    Integers too long to be numbers are kept as their digits, for `validate` to refuse."""
    if len(source) > MAX_JSON_CHARS:
        size = MAX_JSON_CHARS // 1_000_000
        return None, {"_": text(f"输入太大（超过 {size} MB）。", f"The input is too large (more than {size} MB).")}
    nested = text(f"输入的嵌套层数太多（最多 {MAX_JSON_DEPTH} 层）。", f"The input is nested too deeply (at most {MAX_JSON_DEPTH} levels).")
    try:
        value = json.loads(
            source.decode("utf-8-sig") if isinstance(source, bytes) else source,
            parse_int=lambda digits: int(digits) if len(digits) <= 2 * MAX_DIGITS else digits,
            parse_constant=_no_constant,
        )
    except UnicodeDecodeError:
        return None, {"_": text("输入不是有效的 UTF-8 JSON（编码）。", "The input is not valid UTF-8 JSON (encoding).")}
    except json.JSONDecodeError as exc:
        return None, {
            "_": text(f"输入不是有效的 UTF-8 JSON（第 {exc.lineno} 行）。", f"The input is not valid UTF-8 JSON (line {exc.lineno}).")
        }
    except _NotJson as exc:
        return None, {"_": text(f"输入不是有效的 JSON：{exc} 不是数值。", f"The input is not valid JSON: {exc} is not a number.")}
    except RecursionError:  # deeper than the parser itself goes
        return None, {"_": nested}
    if _deeper_than(value, MAX_JSON_DEPTH):
        return None, {"_": nested}
    return value, {}


class _NotJson(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _NotJson(name)  # NaN, Infinity, -Infinity: Python's extensions to JSON


def _deeper_than(value: Any, limit: int) -> bool:
    """Do lists and objects nest more than `limit` levels deep in `value`? (No recursion.)"""
    pending = [(value, 1)]
    while pending:
        item, level = pending.pop()
        if isinstance(item, (list, dict)):
            if level > limit:
                return True
            pending.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


__all__ = ["Field", "Option", "InputError", "parse_json", "validate"]
