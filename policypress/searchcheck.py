"""The build's search self-check: each query in policy/search_checks.yaml must find its clause.

It reads the search index the engine wrote and tokenises it the way the browser does (split on
the configured separator; Chinese was already segmented by jieba at build time), so a term that
jieba splits apart, or a clause that lost its text, fails the build instead of the reader.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .schema import SearchCheck


@dataclass
class Hit:
    location: str
    score: int


@dataclass
class TokenisedIndex:
    """A search index with each entry split into words once, for many queries."""

    separator: re.Pattern[str]
    entries: list[tuple[str, Counter[str]]]  # (location, how often each word occurs)
    vocabulary: set[str]  # every word of every entry


def tokenise(index: dict) -> TokenisedIndex:
    separator = re.compile(index["config"]["separator"])
    entries = [
        (doc["location"], Counter(w for w in separator.split(f"{doc['title']} {_strip_tags(doc['text'])}".lower()) if w))
        for doc in index["docs"]
    ]
    return TokenisedIndex(separator, entries, {word for _, words in entries for word in words})


def search(index: dict | TokenisedIndex, query: str) -> list[Hit]:
    """Pages whose entries contain every query token (English tokens match by prefix), best first."""
    tokenised = index if isinstance(index, TokenisedIndex) else tokenise(index)
    tokens = [t for t in tokenised.separator.split(query.lower()) if t]
    # The index's words that each token matches, found once rather than in every entry.
    matching = [[word for word in tokenised.vocabulary if _matches(word, token)] if token.isascii() else [token] for token in tokens]
    scores: dict[str, int] = {}
    for location, words in tokenised.entries:
        counts = [sum(words.get(word, 0) for word in found) for found in matching]
        if all(counts):
            page = location.split("#")[0]
            scores[page] = scores.get(page, 0) + sum(counts) * (3 if "#" not in location else 1)
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
    indexes: dict[str, TokenisedIndex] = {}  # each language's index is read and split once
    for number, check in enumerate(checks, start=1):
        if check.lang not in indexes:
            index_path = site_dir / ("search" if check.lang == "zh" else "en/search") / "search_index.json"
            indexes[check.lang] = tokenise(json.loads(index_path.read_text(encoding="utf-8")))
        hits = search(indexes[check.lang], check.query)
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
