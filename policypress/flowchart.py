"""The classification flowchart (Attachment 1), drawn at build time as inline SVG.

The original picture was lost, so the site draws the reconstruction from the classification code
itself (the document package's FLOWCHARTS): the diagram cannot drift from what the identification
card computes. The layout is an indented tree (parent above, children below it, joined by a
spine and arrows): it needs no layout engine, stays narrow enough for a phone (the figure scrolls
sideways inside its own box rather than shrinking the text), and reads top to bottom like the
text version kept under it. No script, no web font: the page's strict CSP and offline use allow
neither. Colours come from classes in policypress.css; the presentation attributes are a fallback.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape

from calculators.core.flowchart import Node

WIDTH = 600  # viewBox units; CSS scales it, never below a readable size
MARGIN = 8
INDENT = 28
GAP = 8
PAD_X, PAD_Y = 10, 7
FONT, SMALL = 14, 12
LINE, SMALL_LINE = 19, 16
HEADER = 28  # the "reconstruction" line above the boxes

CAPTION = {"zh": "重构（仅供参考）", "en": "Reconstruction (for reference only)"}
# Neutral words; a document package's FLOWCHARTS entry gives its own title and description.
TITLE = {"zh": "流程图（重构）", "en": "Flowchart (reconstruction)"}
DESC = {
    "zh": "本图根据文件正文和本站的代码绘制，不是原图；每个框链接到相应条款。下方有相同内容的文字版。",
    "en": "This diagram is drawn from the text of the document and the site's code; it is not the original. Each box "
    "links to its clause. The same content follows as text below.",
}
MEASURE_TAG = {"zh": "措施{}", "en": "measure\u00a0{}"}  # never split from its number


def _char_width(ch: str, size: int) -> float:
    """Rough advance of a character: CJK is one em, Latin about half (no font metrics at build time)."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return size
    if ch.isupper() or ch in "mwMW":
        return size * 0.68
    if ch in "iljtf.,;:'()! \u00a0":
        return size * 0.32
    return size * 0.55


def _width(s: str, size: int) -> float:
    return sum(_char_width(ch, size) for ch in s)


def _tokens(s: str) -> list[str]:
    """Break points: between CJK characters and after spaces; closing punctuation stays attached."""
    tokens: list[str] = []
    word = ""
    for ch in s:
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        if wide and ch in "，、。：；）》”":
            word += ch
            tokens.append(word)
            word = ""
        elif wide:
            if word:
                tokens.append(word)
            word = ch
        elif ch == " ":
            tokens.append(word + " ")
            word = ""
        else:
            if word and unicodedata.east_asian_width(word[-1]) in ("W", "F") and word[-1] not in "（《“":
                tokens.append(word)
                word = ""
            word += ch
    if word:
        tokens.append(word)
    return tokens


def wrap(s: str, size: int, width: float) -> list[str]:
    """Greedy line breaking to `width` (SVG text does not wrap by itself)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(s):
        if line and _width((line + token).rstrip(), size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


@dataclass
class _Box:
    node: Node
    depth: int
    x: float
    y: float
    w: float
    h: float
    label: list[str]
    detail: list[str]


def _fill(template: str, values: Mapping[str, object] | None) -> str | None:
    """A detail text with its figures, or None when a figure is not known (then it is left out)."""
    try:
        return template.format(**(values or {}))
    except (KeyError, IndexError):
        return None


def _layout(tree: Node, lang: str, values: Mapping[str, object] | None) -> list[_Box]:
    boxes: list[_Box] = []
    y = float(MARGIN + HEADER)

    def place(node: Node, depth: int) -> None:
        nonlocal y
        x = MARGIN + depth * INDENT
        w = WIDTH - MARGIN - x
        label = node.label[lang]  # type: ignore[literal-required]
        if node.measures:
            tag = ("、" if lang == "zh" else ", ").join(map(str, node.measures))
            label += ("（" + MEASURE_TAG[lang].format(tag) + "）") if lang == "zh" else f" ({MEASURE_TAG[lang].format(tag)})"
        detail = _fill(node.detail[lang], values) if node.detail else None  # type: ignore[literal-required]
        label_lines = wrap(label, FONT, w - 2 * PAD_X)
        detail_lines = wrap(detail, SMALL, w - 2 * PAD_X) if detail else []
        h = 2 * PAD_Y + len(label_lines) * LINE + len(detail_lines) * SMALL_LINE
        boxes.append(_Box(node, depth, x, y, w, h, label_lines, detail_lines))
        y += h + GAP
        for child in node.children:
            place(child, depth + 1)

    place(tree, 0)
    return boxes


def _box_svg(box: _Box, href: str | None) -> str:
    kind = box.node.kind
    parts = [
        f'<rect class="pp-fc-box pp-fc-box--{kind}" x="{box.x:.0f}" y="{box.y:.0f}" width="{box.w:.0f}" height="{box.h:.0f}" '
        'rx="6" fill="#ffffff" stroke="#5c6bc0" stroke-width="1.5"/>'
    ]
    ty = box.y + PAD_Y + FONT
    weight = ' font-weight="700"' if kind in ("start", "category") else ""
    for line in box.label:
        parts.append(
            f'<text class="pp-fc-label" x="{box.x + PAD_X:.0f}" y="{ty:.0f}" font-size="{FONT}"{weight} fill="#212121">{escape(line)}</text>'
        )
        ty += LINE
    ty += SMALL - FONT
    for line in box.detail:
        parts.append(
            f'<text class="pp-fc-detail" x="{box.x + PAD_X:.0f}" y="{ty:.0f}" font-size="{SMALL}" fill="#555555">{escape(line)}</text>'
        )
        ty += SMALL_LINE
    body = "".join(parts)
    if href is None:
        return f'<g class="pp-fc-node" id="pp-fc-{box.node.id}">{body}</g>'
    return f'<a class="pp-fc-node pp-fc-link" id="pp-fc-{box.node.id}" href="{escape(href)}">{body}</a>'


def _connectors(boxes: list[_Box]) -> str:
    """A spine down from each parent's left side, and an arrow into each child's left edge."""
    by_node = {id(b.node): b for b in boxes}
    lines: list[str] = []
    for parent in boxes:
        if not parent.node.children:
            continue
        spine = parent.x + INDENT / 2
        children = [by_node[id(c)] for c in parent.node.children]
        last = children[-1].y + min(children[-1].h, 2 * PAD_Y + LINE) / 2
        lines.append(f'<path d="M{spine:.0f} {parent.y + parent.h:.0f}V{last:.0f}"/>')
        for child in children:
            mid = child.y + min(child.h, 2 * PAD_Y + LINE) / 2
            lines.append(f'<path class="pp-fc-arrow" d="M{spine:.0f} {mid:.0f}H{child.x - 1:.0f}" marker-end="url(#pp-fc-head)"/>')
    return '<g class="pp-fc-lines" fill="none" stroke="#5c6bc0" stroke-width="1.5">' + "".join(lines) + "</g>"


def draw(
    tree: Node,
    lang: str,
    link: Callable[[str], str],
    values: Mapping[str, object] | None = None,
    title: Mapping[str, str] | None = None,
    description: Mapping[str, str] | None = None,
) -> str:
    """The flowchart as one HTML block: a <figure> holding the SVG and a visible caption.

    `link(clause_id)` gives the href of a clause page relative to the page being drawn (raw HTML
    is not rewritten by MkDocs, so it must already be a URL). `values` fills the figures named
    in the detail texts (the FIGURES of the document package's FLOWCHARTS); without them the details are
    left out rather than printed with a placeholder.
    """
    title, description = title or TITLE, description or DESC
    boxes = _layout(tree, lang, values)
    height = boxes[-1].y + boxes[-1].h + MARGIN
    title_id, desc_id = f"pp-fc-title-{lang}", f"pp-fc-desc-{lang}"
    svg = [
        f'<svg class="pp-flowchart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" role="group" aria-labelledby="{title_id}" aria-describedby="{desc_id}" '
        'font-family="system-ui, sans-serif">',
        f'<title id="{title_id}">{escape(title[lang])}</title>',
        f'<desc id="{desc_id}">{escape(description[lang])}</desc>',
        '<defs><marker id="pp-fc-head" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto">'
        '<path class="pp-fc-head" d="M0 0L8 4L0 8z" fill="#5c6bc0"/></marker></defs>',
        f'<text class="pp-fc-caption" x="{MARGIN}" y="{MARGIN + 14}" font-size="{SMALL}" font-weight="700" '
        f'fill="#8a4b00">{escape(CAPTION[lang])}</text>',
        _connectors(boxes),
    ]
    svg.extend(_box_svg(box, link(box.node.clause) if box.node.clause else None) for box in boxes)
    svg.append("</svg>")
    caption = escape(CAPTION[lang])
    return (
        f'<figure class="pp-flowchart" lang="{lang}"><div class="pp-flowchart__scroll">{"".join(svg)}</div>'
        f'<figcaption class="pp-flowchart__caption"><strong>{caption}</strong> {escape(description[lang])}</figcaption></figure>'
    )


__all__ = ["CAPTION", "draw", "wrap"]
