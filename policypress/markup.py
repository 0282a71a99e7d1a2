"""Content is text and Markdown, never HTML: what an editor writes cannot become a script,
an event handler, a style or a link that runs code on the published pages.

The engine's Markdown passes raw HTML through unchanged, so the loader rejects it here, with the
line to fix; the build then checks every page it wrote against what the theme writes
(`offline.check_pages`), so nothing that slips past this reaches a reader's browser.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from .yamlsource import Located

# A tag, a closing tag, a comment, a declaration or a processing instruction ("<b", "</b",
# "<!--", "<!DOCTYPE", "<?xml"); "<" before a digit, a space or "=" is ordinary text.
RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
# Markdown links and images, inline "[text](target)" and reference "[id]: target".
INLINE_LINK = re.compile(r"\]\(\s*<?([^)>\s]*)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*)", re.M)
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# An attribute that runs code, restyles or links: written in an attribute list ({: onclick=…}, the
# engine's attr_list), or after a quote that ends the attribute a text is printed in.
UNSAFE_ATTRIBUTE = re.compile(r"\b(on[a-z]+|style|href|src|srcdoc|action|formaction)\s*=", re.I)

FIX_HTML = "write plain text or Markdown; to show the sign '<' itself, write '&lt;'"


def problems_in_text(text: str) -> Iterator[tuple[str, str, str]]:
    """(snippet, problem, fix) for each piece of `text` that would be markup on the page."""
    for match in RAW_HTML.finditer(text):
        snippet = _snippet(text, match.start())
        yield snippet, f"HTML is not allowed in content: '{snippet}'", FIX_HTML
    for pattern in (INLINE_LINK, REFERENCE_LINK):
        for match in pattern.finditer(text):
            scheme = _scheme(match.group(1))
            if scheme and scheme not in SAFE_SCHEMES:
                snippet = _snippet(text, match.start(1))
                yield (
                    snippet,
                    f"a link to '{scheme}:' is not allowed in content: '{snippet}'",
                    "link to a page of the site (a relative path), or to an http(s), mailto or tel address",
                )
    for match in UNSAFE_ATTRIBUTE.finditer(text):
        snippet = _snippet(text, match.start())
        yield (
            snippet,
            f"'{match.group(1)}=' is not allowed in content (it could become an HTML attribute): '{snippet}'",
            "remove it or reword it; an attribute list may only give classes ({ .name })",
        )


def problems_in_yaml(located: Located, source: str) -> Iterator[tuple[int, str, str]]:
    """(line, problem, fix) for every string in a YAML file that would be markup on the page."""
    lines = source.split("\n")
    for path, value in _strings(located.data, ()):
        first = next(problems_in_text(value), None)  # one mistake, one error
        if first:
            snippet, problem, fix = first
            yield _line_of(lines, snippet, located.line(path)), problem, fix


def problems_in_markdown(body: str, first_line: int) -> Iterator[tuple[int, str, str]]:
    """(line, problem, fix) for a Markdown body that starts on line `first_line` of its file."""
    for number, line in enumerate(body.split("\n"), start=first_line):
        first = next(problems_in_text(line), None)
        if first:
            yield number, first[1], first[2]


def _strings(node: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, path + (index,))


def _scheme(target: str) -> str:
    """The URL scheme a browser would see in `target` (entities decoded, blanks dropped)."""
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(target)).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else ""


def _snippet(text: str, start: int) -> str:
    return text[start : start + 40].split("\n")[0].strip()


def _line_of(lines: list[str], snippet: str, from_line: int) -> int:
    """The first line at or after `from_line` (1-based) holding `snippet`: a folded YAML text
    spans lines below its key."""
    needle = snippet[:10]
    for number in range(max(from_line, 1), len(lines) + 1):
        if needle in lines[number - 1]:
            return number
    return from_line
