"""YAML and front matter, read with the line of every key so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[Any, ...]


@dataclass
class Located:
    """Parsed YAML plus the 1-based line of each key path (and of each list item)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, path: Path_) -> int:
        """Line of the deepest known prefix of `path`."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


class _KeepImpossibleDates:
    """Keeps an impossible date such as 2016-02-30 as text, so the schema can report it on its
    line instead of the parser failing without one."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[misc]
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[attr-defined]


class _Loader(_KeepImpossibleDates, yaml.SafeLoader):
    """PyYAML's own (pure-Python) parser: the reference for error messages."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

if yaml.__with_libyaml__:

    class _FastLoader(_KeepImpossibleDates, yaml.CSafeLoader):
        """The same loader on libyaml's parser (several times faster on a large corpus)."""

    _FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _FastLoader.construct_yaml_timestamp)
else:  # PyYAML built without libyaml
    _FastLoader = _Loader  # type: ignore[assignment,misc]


class SourceError(Exception):
    def __init__(self, line: int, problem: str, fix: str):
        super().__init__(problem)
        self.line, self.problem, self.fix = line, problem, fix


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            line,
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
            "save it as UTF-8 (in most editors: Save As → Encoding: UTF-8)",
        ) from None


def parse_yaml(text: str, line_offset: int = 0) -> Located:
    """Parse one YAML document; `line_offset` is added to every line (for front matter).

    libyaml parses; when it rejects the text, PyYAML's own parser decides, so the error the
    editor sees (its wording and line) is the same with or without libyaml."""
    try:
        return _parse(_FastLoader, text, line_offset)
    except (yaml.YAMLError, SourceError):
        if _FastLoader is _Loader:
            raise
    return _parse(_Loader, text, line_offset)


def _parse(loader_class: type, text: str, line_offset: int) -> Located:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {}, line_offset + 1)
        located = Located(loader.construct_document(node), {}, line_offset + 1)
        _record_lines(loader, node, (), located, line_offset)
        return located
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise SourceError(
            line,
            f"YAML syntax error: {problem}",
            "check the indentation and put text containing ':' or '#' in quotes",
        ) from None
    finally:
        loader.dispose()


def _record_lines(loader: Any, node: yaml.Node, path: Path_, out: Located, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            key = loader.construct_object(key_node)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                raise SourceError(
                    line,
                    f"duplicate key '{key}' (first on line {seen[key]})",
                    "keep one of the two entries",
                )
            seen[key] = line
            if node.flow_style and _written_without_value(value_node) and index > 0:
                # {zh: 每人1,000元, en: …}: the comma ended the text; '000元' became a key of its own
                raise SourceError(
                    line,
                    f"a comma ends the text before '{key}' inside {{…}}",
                    'put the whole text in quotes, e.g. zh: "每人1,000元"',
                )
            out.lines[path + (key,)] = line
            _record_lines(loader, value_node, path + (key,), out, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out.lines[path + (index,)] = item.start_mark.line + 1 + offset
            _record_lines(loader, item, path + (index,), out, offset)


def _written_without_value(node: yaml.Node) -> bool:
    """A key written alone (no ':' and no value), as a comma inside a flow mapping leaves one."""
    return (
        isinstance(node, yaml.ScalarNode)
        and node.tag == "tag:yaml.org,2002:null"
        and node.value == ""
        and node.start_mark.index == node.end_mark.index
    )


@dataclass
class MarkdownSource:
    front: Located
    body: str
    body_first_line: int
    text: str  # the whole file, to find the line of a word inside a folded YAML text


def parse_front_matter(text: str) -> MarkdownSource:
    """Split `---` front matter from a Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(1, "the file does not start with '---' front matter", "add the metadata block between two '---' lines at the top")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            front = parse_yaml("\n".join(lines[1:index]), line_offset=1)
            if not isinstance(front.data, dict):
                raise SourceError(2, "the front matter is not a set of 'key: value' lines", "write the metadata as 'key: value' lines")
            body = "\n".join(lines[index + 1 :])
            return MarkdownSource(front, body, index + 2, text)
    raise SourceError(1, "the front matter is not closed", "add a line '---' after the metadata")
