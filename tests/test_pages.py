"""Content → docs tree, without building a site: figures, dates, banners, links, counterparts."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from policypress.content import Site
from policypress.pages import alternate_url, generate, page_url
from policypress.parameters import format_value
from policypress.standing import edition_of, standing_on

DOC = "linyi-hrss-2016-12"


@pytest.mark.parametrize(
    ("value", "unit", "zh", "en"),
    [
        (1000, "yuan-per-person", "每人1,000元", "1,000 yuan per person"),
        (3_000_000, "yuan", "300万元", "3,000,000 yuan"),
        (500_000_000, "yuan", "5亿元", "500,000,000 yuan"),
        (Decimal("17.1"), "yuan-per-hour", "每小时17.1元", "17.1 yuan an hour"),
        (Decimal("0.5"), "ratio", "50%", "50%"),
        (Fraction(2, 3), "ratio", "2/3", "2/3"),
        (5, "percentage-points", "5个百分点", "5 percentage points"),
        (1, "people", "1人", "1 person"),
        (6, "month-of-year", "6月", "June"),
        (2, "wage-class", "二类", "class 2"),
        (None, "yuan", "（未设定）", "(not set)"),
    ],
)
def test_a_figure_reads_naturally_in_both_languages(value, unit: str, zh: str, en: str) -> None:
    assert format_value(value, unit, "zh") == zh
    assert format_value(value, unit, "en") == en


def test_a_parameter_gives_the_value_in_force_on_the_day(site: Site) -> None:
    wage = site.document(DOC).parameters["minimum_wage.class_3.monthly"]
    assert wage.value_on(dt.date(2015, 2, 28)) is None
    assert wage.value_on(dt.date(2016, 5, 31)) == 1300
    assert wage.value_on(dt.date(2016, 6, 1)) == 1390
    assert wage.value_on(dt.date(2030, 1, 1)) == 1550
    award = site.document(DOC).parameters["workshop.award_per_person"]
    assert award.value_on(dt.date(2020, 5, 15)) == 1000
    assert award.value_on(dt.date(2020, 5, 16)) is None  # ended with the notice


@pytest.mark.parametrize(
    ("day", "state"),
    [("2016-05-15", "not_yet"), ("2016-05-16", "in_force"), ("2020-05-15", "in_force"), ("2020-05-16", "expired")],
)
def test_validity_follows_the_dates(site: Site, day: str, state: str) -> None:
    assert standing_on(site, site.document(DOC), dt.date.fromisoformat(day)).state == state


@pytest.mark.parametrize(
    ("today", "zh", "en"),
    [
        (dt.date(2016, 1, 1), "尚未施行", "Not yet in force"),
        (dt.date(2018, 1, 1), "现行有效", "In force"),
        (dt.date(2026, 11, 27), "已失效", "Expired"),
    ],
)
def test_the_banner_is_computed_from_the_build_date(site: Site, today: dt.date, zh: str, en: str) -> None:
    zh_page = generate(edition_of(site, today), "zh")[f"documents/{DOC}/index.md"]
    en_page = generate(edition_of(site, today), "en")[f"documents/{DOC}/index.md"]
    assert f'"{zh}"' in zh_page and f'"{en}"' in en_page


def test_figures_are_shown_as_they_were_while_the_notice_was_in_force(site: Site) -> None:
    """Built in 2026, after expiry, the award still reads 1,000 (the notice's last day), not 'unset'."""
    page = generate(edition_of(site, dt.date(2026, 11, 27)), "zh")[f"documents/{DOC}/m01-poverty-alleviation-workshops.md"]
    assert re.search(r"\[每人1,000元<sup [^\]]*>.*?文件.*?</sup>\]\(parameters\.md#param-workshop-award-per-person\)", page)


def test_every_page_has_its_counterpart_and_no_placeholder_is_left(site: Site) -> None:
    today = dt.date(2026, 11, 27)
    zh, en = generate(edition_of(site, today), "zh"), generate(edition_of(site, today), "en")
    assert zh.keys() == en.keys()
    for pages in (zh, en):
        for path, text in pages.items():
            assert "{{" not in text, path


@pytest.mark.parametrize(
    ("path", "url", "zh", "en"),
    [
        ("index.md", "", "en/", "../"),
        ("documents/x/index.md", "documents/x/", "../../en/documents/x/", "../../../documents/x/"),
        ("documents/x/m01.md", "documents/x/m01/", "../../../en/documents/x/m01/", "../../../../documents/x/m01/"),
    ],
)
def test_urls_and_language_counterparts(path: str, url: str, zh: str, en: str) -> None:
    assert page_url(path) == url
    assert alternate_url(path, "zh") == zh
    assert alternate_url(path, "en") == en


def test_the_documents_own_dates_fill_their_placeholders(site: Site) -> None:
    """{{ document.effective }} and {{ document.expires }} read as dates, from document.yaml."""
    edition = edition_of(site, dt.date(2026, 11, 27))
    zh, en = generate(edition, "zh")[f"documents/{DOC}/validity.md"], generate(edition, "en")[f"documents/{DOC}/validity.md"]
    assert "本通知自2016年5月16日起执行，有效期至2020年5月15日" in zh and "{{" not in zh
    assert "takes effect on 16 May 2016 and is valid until 15 May 2020" in en


def test_numbers_the_site_gave_are_shown_as_its_own(site: Site) -> None:
    """序, 附则 and 一(1) are not the notice's numbers: in brackets, with a line that says so."""
    edition = edition_of(site, dt.date(2026, 11, 27))
    zh, en = generate(edition, "zh"), generate(edition, "en")
    assert "# ［序］" in zh[f"documents/{DOC}/preamble.md"] and "本站为方便查阅所加" in zh[f"documents/{DOC}/preamble.md"]
    assert "# [Preamble]" in en[f"documents/{DOC}/preamble.md"] and "given by this site" in en[f"documents/{DOC}/preamble.md"]
    assert "# 二(一)2 " in zh[f"documents/{DOC}/m02-public-welfare-jobs.md"]  # the notice's own number, as it is
    assert "本站为方便查阅所加" not in zh[f"documents/{DOC}/m02-public-welfare-jobs.md"]
