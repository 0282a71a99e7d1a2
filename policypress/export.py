"""A document's parameters as plain JSON: what the calculators read, in CPython and the browser."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from .content import PolicyDocument, Site
from .schema import HolidayCalendar


def _exact(value: int | Decimal | Fraction | None) -> str | None:
    """Values travel as strings so they stay exact: '1000', '17.1', '2/3'."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _reference(reference: Any) -> dict[str, Any] | None:
    return reference.model_dump(exclude_none=True) if reference is not None else None


def _holidays(calendar: HolidayCalendar | None) -> dict[str, Any] | None:
    """Public holidays and adjusted working days, by year, dates as ISO text: what a due date
    that is moved past holidays needs."""
    if calendar is None:
        return None
    return {
        "status": calendar.status,
        "note": calendar.note.model_dump(),
        "years": [
            {"year": year, **entry.model_dump(mode="json", by_alias=True, exclude_none=True)}
            for year, entry in sorted(calendar.years.items())
        ],
    }


def export_parameters(site: Site, doc: PolicyDocument) -> dict[str, Any]:
    """The calculators' view of `doc`: its dates, clause titles, areas, dated parameters, the
    holidays, and the statistics table's columns when the document has one."""
    meta = doc.meta
    export = {
        "site": {"hotline": site.config.hotline},
        "document": {
            "id": doc.id,
            "number": meta.number,
            "title": meta.short_title.model_dump(),
            "effective": meta.effective.isoformat(),
            "expires": meta.last_day.isoformat() if meta.last_day else None,
        },
        "clauses": {
            c.id: {
                "number": c.meta.number,
                "number_en": c.number("en"),
                "title": {"zh": c.meta.title, "en": c.en.title},
                "apply": {lang: c.apply(lang).model_dump(exclude_none=True) if c.apply(lang) else None for lang in ("zh", "en")},
            }
            for c in doc.clauses
        },
        "areas": [area.model_dump(exclude_none=True) for area in site.areas],
        "parameters": {
            name: {
                "label": p.label.model_dump(),
                "unit": p.unit,
                "status": p.status,
                "reference": _reference(p.reference),
                "values": [
                    {"since": e.since.isoformat(), "value": _exact(e.value), "status": e.status, "reference": _reference(e.own_reference)}
                    for e in p.entries
                ],
            }
            for name, p in doc.parameters.items()
        },
        "holidays": _holidays(site.holidays),
    }
    if doc.statistics_table is not None:
        export["statistics_table"] = doc.statistics_table.model_dump(mode="json", exclude_none=True)
    return export
