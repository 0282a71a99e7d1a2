"""A flowchart as data: boxes that lead to measures and link to clause pages. A document's
package draws an attachment from it (its FLOWCHARTS), so the picture cannot drift from the
classification its calculators use."""

from __future__ import annotations

from dataclasses import dataclass

from .text import Text


@dataclass(frozen=True)
class Node:
    """One box of the flowchart.

    `kind` is start, category, branch or measure (it only changes the look); `detail` is a
    smaller second line (how the box is decided); `clause` is the clause page the box links to.
    """

    id: str
    label: Text
    kind: str = "branch"
    measures: tuple[int, ...] = ()
    clause: str | None = None
    detail: Text | None = None
    children: tuple[Node, ...] = ()

    def walk(self) -> list[Node]:
        """This node and every node below it, in reading order (top to bottom)."""
        nodes = [self]
        for child in self.children:
            nodes.extend(child.walk())
        return nodes
