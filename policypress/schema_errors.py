"""Turn pydantic's validation errors into one-line content errors that point at a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ErrorSink
from .yamlsource import Located

HELP = "see policy/README.md"


def validate(model: type[BaseModel], located: Located, path: Path, sink: ErrorSink, prefix: tuple = ()) -> Any:
    """Validate `located.data` (or the part at `prefix`) against `model`; None when invalid."""
    data = located.data
    for key in prefix:
        data = data[key]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        chosen: dict[tuple, dict] = {}
        for err in exc.errors():
            data_path = prefix + _data_path(data, err["loc"])
            message = str((err.get("ctx") or {}).get("error", ""))
            if message.startswith("@"):  # a model-level check naming the field it is about
                field, _, rest = message[1:].partition("@")
                data_path = prefix + (field,)
                err = {**err, "ctx": {"error": rest}}
            # a union reports each alternative; keep one error per place, the most telling
            if data_path not in chosen or (err["type"] == "value_error" and chosen[data_path]["type"] != "value_error"):
                chosen[data_path] = err
        for data_path, err in chosen.items():
            problem, fix = _describe(err, data_path)
            line = located.line(data_path) if err["type"] != "missing" else located.line(data_path[:-1])
            sink.add(path, line, problem, fix)
        return None


def _data_path(data: Any, loc: tuple) -> tuple:
    """Keep the parts of pydantic's location that walk through the data (drop union tags)."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            key = next((k for k in node if k == part or str(part) in (str(k), repr(k))), None)
            if key is None:
                if isinstance(part, str) and not part.startswith(
                    ("function-", "is-instance", "date", "int", "float", "str", "DatedValue", "nullable")
                ):
                    path.append(part)  # a missing field: name it
                continue
            path.append(key)
            node = node[key]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
    return tuple(path)


def _name(data_path: tuple) -> str:
    """The field's name; a language is named with its field ('title.zh'), so a line of bare
    'zh:' says whose it is."""
    names = [str(p) for p in data_path if not isinstance(p, int)]
    if len(names) >= 2 and names[-1] in ("zh", "en"):
        return f"{names[-2]}.{names[-1]}"
    return names[-1] if names else "the file"


# Fields that moved: what an editor with an older file writes instead.
MOVED = {
    "publicity_week_month": "the month is the figure of the document that holds the week: remove this line and write "
    "'month: DOC-ID/PARAMETER' under publicity_week, e.g. month: city-notice-2016/publicity.week_month",
}


def _describe(err: dict, data_path: tuple) -> tuple[str, str]:
    kind = err["type"]
    name = _name(data_path)
    value = err.get("input")
    shown = value if isinstance(value, (str, int, float)) else None
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"missing required field '{name}'", f"add '{name}: …' ({HELP})"
    if kind == "extra_forbidden" and name in MOVED:
        return f"'{name}' is no longer a field here", MOVED[name]
    if kind == "extra_forbidden":
        return f"unknown field '{name}'", f"remove it or correct its spelling ({HELP})"
    if kind == "literal_error":
        return f"'{shown}' is not allowed for '{name}'", f"use one of: {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return f"'{shown}' is not a valid id for '{name}'", "use lowercase letters, digits and hyphens, e.g. m02-public-welfare-jobs"
    if kind.startswith("date") or kind == "datetime_type":
        where = f" (in '{name}')" if str(shown) != name else ""
        return f"'{shown}' is not a date{where}", "write a real date as YYYY-MM-DD, e.g. 2016-05-16"
    if kind == "string_too_short":
        return f"'{name}' is empty", "write the text"
    if kind == "too_short":
        return f"'{name}' needs at least one entry", f"add one ({HELP})"
    if kind in ("string_type",):
        return f"'{name}' should be text", "write it as text, in quotes if it starts with a symbol"
    if kind in ("list_type",):
        return f"'{name}' should be a list", "write it as [a, b] or as lines starting with '- '"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"'{name}' should be a set of 'key: value' lines", f"indent its fields under it ({HELP})"
    if kind.startswith("int") or kind.startswith("float"):
        return f"'{shown}' should be a number for '{name}'", "write a number, e.g. 1000"
    if kind in ("greater_than_equal", "greater_than"):
        return f"'{name}' must be at least {ctx.get('ge', ctx.get('gt'))}", "correct the figure"
    if kind == "value_error":
        message = str(ctx.get("error", err["msg"])).removeprefix("Value error, ")
        problem, _, fix = message.partition(" — ")
        return problem, fix or HELP
    return f"'{name}': {err['msg']}", HELP
