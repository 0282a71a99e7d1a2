"""The build's search self-check: each query in policy/search_checks.yaml must find its clause.

It reads the search index the engine wrote and tokenises it the way the browser does (split on
the configured separator; Chinese was already segmented by jieba at build time), so a term that
jieba splits apart, or a clause that lost its text, fails the build instead of the reader.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .schema import SearchCheck


@dataclass
class Hit:
    location: str
    score: int


def search(index: dict, query: str) -> list[Hit]:
    """Pages whose entries contain every query token (English tokens match by prefix), best first."""
    separator = re.compile(index["config"]["separator"])
    tokens = [t for t in separator.split(query.lower()) if t]
    scores: dict[str, int] = {}
    for doc in index["docs"]:
        words = [w for w in separator.split(f"{doc['title']} {_strip_tags(doc['text'])}".lower()) if w]
        counts = [sum(1 for w in words if _matches(w, token)) for token in tokens]
        if all(counts):
            page = doc["location"].split("#")[0]
            scores[page] = scores.get(page, 0) + sum(counts) * (3 if "#" not in doc["location"] else 1)
    return sorted((Hit(loc, score) for loc, score in scores.items()), key=lambda h: -h.score)


def _matches(word: str, token: str) -> bool:
    if token.isascii():
        stem = token[: max(4, len(token) - 2)]
        return word.startswith(stem)
    return word == token


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def run_checks(site_dir: Path, checks: list[SearchCheck], url_of: dict[str, str], source: str) -> list[ContentError]:
    """Errors for every check whose clause is not among the results."""
    errors = []
    for number, check in enumerate(checks, start=1):
        index_path = site_dir / ("search" if check.lang == "zh" else "en/search") / "search_index.json"
        index = json.loads(index_path.read_text(encoding="utf-8"))
        hits = search(index, check.query)
        expected = url_of[check.expect]
        if not any(hit.location == expected for hit in hits):
            found = ", ".join(h.location or "/" for h in hits[:3]) or "nothing"
            errors.append(
                ContentError(
                    source,
                    number,
                    f"search self-check: '{check.query}' ({check.lang}) does not find {check.expect} (found: {found})",
                    "add the term to policy/glossary.yaml so it is segmented whole, or to the clause's text",
                )
            )
    return errors
