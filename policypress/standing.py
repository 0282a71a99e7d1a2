"""Where each document stands on the build date: not yet in force, in force, expired, or replaced
(and by what). Computed once per build, in an `Edition`, which every page, the navigation, the
Publicity Week kit and the self-check read: nothing else compares a document's dates with today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .content import Clause, PolicyDocument, Site

State = Literal["not_yet", "in_force", "expired", "replaced"]
HISTORY: tuple[State, ...] = ("expired", "replaced")


@dataclass(frozen=True)
class Related:
    """Another document named by `supersedes` / `superseded_by`: the site's own when it has it."""

    reference: str
    document: PolicyDocument | None


def _names(doc: PolicyDocument) -> set[str]:
    return {doc.id, doc.meta.number}


def _related(site: Site, references: list[str]) -> list[Related]:
    by_name = {name: d for d in site.documents for name in _names(d)}
    return [Related(r, by_name.get(r)) for r in references]


def supersedes(site: Site, doc: PolicyDocument) -> list[Related]:
    """What `doc` replaces: its own list, and every document that says `doc` replaced it."""
    found = _related(site, doc.meta.supersedes)
    named = {r.document.id for r in found if r.document}
    found += [Related(d.meta.number, d) for d in site.documents if d.id not in named and _names(doc) & set(d.meta.superseded_by)]
    return found


def superseded_by(site: Site, doc: PolicyDocument) -> list[Related]:
    """What replaces `doc`: its own list, and every document that says it replaces `doc`."""
    found = _related(site, doc.meta.superseded_by)
    named = {r.document.id for r in found if r.document}
    found += [Related(d.meta.number, d) for d in site.documents if d.id not in named and _names(doc) & set(d.meta.supersedes)]
    return found


@dataclass(frozen=True)
class Standing:
    state: State
    effective: dt.date
    expires: dt.date | None  # the last day in force, when the document gives one
    replaced_by: tuple[Related, ...] = ()  # replacements in force on the day (or not dated by the site)
    to_be_replaced_by: tuple[Related, ...] = ()  # replacements the site has, not yet in force

    @property
    def in_force(self) -> bool:
        return self.state == "in_force"

    @property
    def replaced_on(self) -> dt.date | None:
        """The first day a replacement the site holds is in force."""
        days = [r.document.meta.effective for r in self.replaced_by if r.document is not None]
        return min(days) if days else None

    @property
    def last_day(self) -> dt.date | None:
        """The last day the document applied: its own last day, or the day before its replacement."""
        ends = [d for d in (self.expires, self.replaced_on - dt.timedelta(days=1) if self.replaced_on else None) if d]
        return min(ends) if ends else None

    @property
    def history(self) -> bool:
        """Expired or replaced: shown apart, never offered as something a reader can get."""
        return self.state in HISTORY


def standing_on(site: Site, doc: PolicyDocument, day: dt.date) -> Standing:
    """`expires` is the last day in force: on that day the document still applies. A replacement
    the site does not hold (named only by its number) is taken as in force already."""
    meta = doc.meta
    replacements = superseded_by(site, doc)
    now = tuple(r for r in replacements if r.document is None or r.document.meta.effective <= day)
    later = tuple(r for r in replacements if r not in now)
    if day < meta.effective:
        state: State = "not_yet"
    elif now:
        state = "replaced"
    elif meta.last_day is not None and day > meta.last_day:
        state = "expired"
    else:
        state = "in_force"
    return Standing(state, meta.effective, meta.last_day, now, later)


@dataclass(frozen=True)
class Edition:
    """The site as published on one day: each document's standing, and the order they come in."""

    site: Site
    today: dt.date
    standings: dict[str, Standing] = field(default_factory=dict)

    def of(self, doc: PolicyDocument) -> Standing:
        return self.standings[doc.id]

    def reference_date(self, doc: PolicyDocument) -> dt.date:
        """The day whose figures the site shows for `doc`: today, kept within the days it applied."""
        s = self.of(doc)
        day = max(self.today, s.effective)
        return min(day, s.last_day) if s.last_day else day

    @property
    def documents(self) -> list[PolicyDocument]:
        """In force first (newest first), then those not yet in force (soonest first), then history
        (most recently ended first)."""

        def key(doc: PolicyDocument) -> tuple:
            s = self.of(doc)
            if s.in_force:
                return (0, -doc.meta.effective.toordinal(), doc.id)
            if s.state == "not_yet":
                return (1, doc.meta.effective.toordinal(), doc.id)
            return (2, -(s.last_day or s.effective).toordinal(), doc.id)

        return sorted(self.site.documents, key=key)

    @property
    def in_force(self) -> list[PolicyDocument]:
        return [d for d in self.documents if self.of(d).in_force]

    @property
    def not_yet(self) -> list[PolicyDocument]:
        return [d for d in self.documents if self.of(d).state == "not_yet"]

    @property
    def history(self) -> list[PolicyDocument]:
        return [d for d in self.documents if self.of(d).history]

    def measures(self, documents: list[PolicyDocument] | None = None) -> list[tuple[PolicyDocument, Clause]]:
        """The measures (clauses that belong to an action) of `documents` (default: those in force),
        in each document's order."""
        chosen = self.in_force if documents is None else documents
        return [(doc, c) for doc in chosen for c in doc.clauses if c.is_measure]


def edition_of(site: Site, today: dt.date) -> Edition:
    return Edition(site, today, {doc.id: standing_on(site, doc, today) for doc in site.documents})
