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
    # When a question-at-a-time page (the self-check) asks this input, as data it evaluates on
    # the answers so far; None: always. See ASK_IF for the forms. It never changes validation.
    ask_if: Any = None

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
        if self.ask_if is not None:
            out["ask_if"] = self.ask_if
        return out


# The forms of Field.ask_if (JSON-ready). An answer not given yet, or "not sure", never rules a
# question out except through "is" (so a question is asked whenever it may still matter):
#   {"is": {name: value}}       the answer to `name` is `value`
#   {"is_not": {name: value}}   the answer to `name` is not `value`
#   {"given": name}             `name` was answered with a value
#   {"age_at_least": param}     the age on the day used is at least the parameter's value
#   {"age_below": param}        the age on the day used is under the parameter's value
#   {"age_at_most": param}      ... at most the parameter's value
#   {"all": [...]}, {"any": [...]}
#   {"with": name}              asked on the step of input `name` (an alternative answer to it)
#   {"never": true}             not asked: the calculator's default (or an answer given in a link)
ASK_IF = ("is", "is_not", "given", "age_at_least", "age_below", "age_at_most", "all", "any", "with", "never")


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
        number = parse_number(raw, whole=f.type == "int", unit=f.unit)
        if number is None:
            raise _Bad(how_to_write(f))
        if abs(number) >= 10**MAX_DIGITS:
            raise _Bad(text(f"“{zh}”的数字太长：整数部分最多 {MAX_DIGITS} 位。", f"'{en}' is too large: at most {MAX_DIGITS} digits."))
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


# --- numbers as people write them: 80000, 8万, 8万元, 1.5万, 五十八, 三万五, 58岁 ------------------

_WIDE = str.maketrans("０１２３４５６７８９．－＋，", "0123456789.-+,")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4}
_CN_DIGITS |= {"五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_LARGE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_YUAN = ("元整", "块钱", "元", "块", "圆", "yuan", "rmb", "cny")  # the words of money, after a figure
_TOKEN = re.compile(r"\d+(?:\.\d+)?|.", re.S)


def _unit_words(unit: Text | None, money: bool) -> list[str]:
    """What may follow a figure: the field's own unit (周岁 also as 岁) and, for money, 元 or 块."""
    words = [w.strip().lower() for w in (unit or {}).values() if w and w.strip()]
    words += [w[1:] for w in words if w.startswith("周")]  # 周岁 → 岁
    if money:
        words += list(_YUAN)
    return sorted(set(words), key=len, reverse=True)


def _read_figure(written: str) -> Decimal | None:
    """Arabic or Chinese numerals with 十百千万亿, mixed as people write them (1.5万, 3万5000,
    五十八, 一百零五); a bare digit after 百, 千 or 万 counts in the next unit down, as in speech
    (三万五 = 35000, 一千五 = 1500). None when it is not a number."""
    tokens = _TOKEN.findall(written)
    if len(tokens) == 1 and tokens[0][0].isdigit():
        return Decimal(tokens[0])
    total, section = Decimal(0), Decimal(0)
    number: Decimal | None = None
    last_unit: int | None = None  # the unit just written, for 三万五
    small: int | None = None  # the last of 十百千 in this section: they only go down
    spoken_tail = zero = False  # a lone digit right after a unit; 零 written since the last unit
    for token in tokens:
        if token[0].isdigit() or token in _CN_DIGITS:
            value = Decimal(token) if token[0].isdigit() else Decimal(_CN_DIGITS[token])
            if number is not None:
                return None  # 五八 or 5八: not a way to write 58
            if token in _CN_DIGITS and value == 0:
                zero = True
                continue
            number, spoken_tail = value, token in _CN_DIGITS and last_unit is not None and not zero
        elif token in _CN_SMALL:
            unit = _CN_SMALL[token]
            if small is not None and unit >= small:
                return None
            section += (number if number is not None else Decimal(1)) * unit
            number, last_unit, small, spoken_tail, zero = None, unit, unit, False, False
        elif token in _CN_LARGE:
            unit = _CN_LARGE[token]
            section += number if number is not None else 0
            if section == 0:
                return None
            total += section * unit
            section, number, last_unit, small, spoken_tail, zero = Decimal(0), None, unit, None, False, False
        else:
            return None
    if number is not None:
        section += number * last_unit / 10 if spoken_tail and last_unit and last_unit >= 100 else number
    return total + section


def parse_number(raw: Any, whole: bool, unit: Text | None = None) -> int | Decimal | None:
    """A count (`whole`) or an amount in yuan, as a JSON number or as people write it: "80000",
    "80,000", "8万", "8万元", "1.5万", "五十八", "58岁" (the field's own `unit` after the figure, and
    元/块 after an amount). An amount has at most two decimals once read; None when it is none."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        raw = repr(raw)
    if not isinstance(raw, str):
        return None
    written = re.sub(r"\s+", "", raw.translate(_WIDE)).replace(",", "").lower()
    written = written.lstrip("¥￥")
    for word in _unit_words(unit, money=not whole):
        if written.endswith(word) and len(written) > len(word):
            written = written[: -len(word)]
            break
    negative = written.startswith("-")
    written = written[1:] if negative else written
    if not written or len(written) > 4 * MAX_DIGITS:
        return None
    try:
        number = _read_figure(written)
    except InvalidOperation:
        return None
    if number is None:
        return None
    number = -number if negative else number
    if whole:
        return int(number) if number == number.to_integral_value() else None
    if number * 100 != (number * 100).to_integral_value():
        return None  # more than two decimals (of a yuan)
    return Decimal(int(number)) if number == number.to_integral_value() else number


def _chinese(n: int) -> str:
    """A small whole number in Chinese numerals, for examples: 58 → 五十八."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


def _int_example(f: Field) -> int:
    """A typical whole number for field `f`: its declared default when it has one within its bounds,
    else the round number (1, 2 or 5 × 10ⁿ) within its bounds nearest a tenth of the way up the
    range: near the low end, never the middle of a wide range (1–744 hours gives 100, not 373)."""
    low = int(f.minimum) if f.minimum is not None else 0
    high = int(f.maximum) if f.maximum is not None else None
    if isinstance(f.default, int) and not isinstance(f.default, bool) and low <= f.default and (high is None or f.default <= high):
        return f.default
    if high is None:
        return max(low, 3)
    target = low + (high - low) / 10
    rounds = [step * 10**power for power in range(len(str(high)) + 1) for step in (1, 2, 5)]
    fitting = [n for n in rounds if low <= n <= high] or [low]
    return min(fitting, key=lambda n: (abs(n - target), n))


def how_to_write(f: Field) -> Text:
    """How to write a number in field `f`, with an example that fits it (its bounds, its unit)."""
    zh, en = f.label["zh"], f.label["en"]
    unit_zh, unit_en = (f.unit["zh"], " " + f.unit["en"]) if f.unit else ("", "")
    if f.type == "int":
        example = _int_example(f)
        return text(
            f"“{zh}”请填写整数，例如 {example}{unit_zh}（也可以写“{_chinese(example)}”）。",
            f"'{en}' must be a whole number, e.g. {example}{unit_en}.",
        )
    return text(
        f"“{zh}”请填写金额（元），例如 15000、1.5万 或 15000.50。",
        f"'{en}' must be an amount in yuan, e.g. 15000 or 15000.50 (at most two decimals).",
    )


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


__all__ = ["ASK_IF", "Field", "InputError", "Option", "how_to_write", "parse_json", "parse_number", "validate"]
