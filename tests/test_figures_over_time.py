"""A figure that changed after its document took effect: the translation of the text says what
the text says (the figure as issued), the plain words and the amounts say today's figure and
from when it applies."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

import calculators
from conftest import copy_project_with_fixtures, forget_other_projects_calculators
from policypress.content import load_site
from policypress.i18n import t
from policypress.pages import generate
from policypress.standing import edition_of

DAY = dt.date(2026, 11, 27)  # after fixture-jobs-2024's subsidy rose from 1500 to 1800 (2025-07-01)
CLAUSE = "documents/fixture-jobs-2024/a03-internship-subsidy.md"


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    searched = list(calculators.__path__)
    root = copy_project_with_fixtures(tmp_path_factory.mktemp("figures-over-time"))
    yield edition_of(load_site(root), DAY)
    calculators.__path__[:] = searched
    forget_other_projects_calculators()


@pytest.mark.parametrize(
    ("lang", "issued", "today", "since"),
    [("zh", "每月1,500元", "每月1,800元", "2025年7月1日"), ("en", "1,500 yuan a month", "1,800 yuan a month", "1 July 2025")],
)
def test_the_translation_keeps_the_figure_the_text_states(edition, lang: str, issued: str, today: str, since: str) -> None:  # noqa: ANN001
    page = generate(edition, lang)[CLAUSE]
    before, text = page.split(f"## {t('official_text', lang)}", 1)
    if lang == "en":  # the Chinese text is the official wording itself; the translation follows it
        assert issued in text and today not in text
    # the plain words: today's figure, and (beside its link, free to wrap) from when
    assert re.search(re.escape(today) + r"[^\n]*?\)\{[^}]*\}" + re.escape(t("figure_since", lang, date=since)), before)
