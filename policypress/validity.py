"""Is a document in force on a given day? Computed from its dates, never stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .schema import DocumentMeta

State = Literal["not_yet", "in_force", "expired"]


@dataclass(frozen=True)
class Validity:
    state: State
    effective: dt.date
    expires: dt.date | None


def validity_on(meta: DocumentMeta, day: dt.date) -> Validity:
    """`expires` is the last day in force: on that day the document still applies."""
    if day < meta.effective:
        state: State = "not_yet"
    elif meta.last_day is not None and day > meta.last_day:
        state = "expired"
    else:
        state = "in_force"
    return Validity(state, meta.effective, meta.last_day)
