"""Bilingual text: every label, help, error and explanation exists in Chinese and English."""

from __future__ import annotations

from typing import TypedDict


class Text(TypedDict):
    zh: str
    en: str


def text(zh: str, en: str) -> Text:
    return {"zh": zh, "en": en}
