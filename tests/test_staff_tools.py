"""Staff tools (a card, a report) belong to the document whose attachment they implement: each
document's section of the staff page links its own, each tool's address is named by its
calculator (so it stays put when another document brings one of the same kind), and the
navigation says whose tool is whose when two read alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

import calculators
from conftest import copy_project_with_fixtures, forget_other_projects_calculators
from policypress.content import load_site
from policypress.pages import generate, nav
from policypress.standing import edition_of

DAY = dt.date(2026, 11, 27)  # fixture-jobs-2024 in force, the Linyi notice expired
FIXTURE, LINYI = "fixture-jobs-2024", "linyi-hrss-2016-12"
FIXTURE_CARD = "fixture-registration-card"
CARD_MODULE = f'''
from calculators.core.calculator import Calculator
from calculators.core.explain import finish
from calculators.core.inputs import Field
from calculators.core.text import text


def compute(values, params, used):
    return finish("{FIXTURE_CARD}", text("已核对", "Checked"), used, None, params)


CALCULATOR = Calculator(
    name="{FIXTURE_CARD}",
    title=text("见习登记卡（测试用）", "Internship registration card (test fixture)"),
    clause="a05-internship-bases",
    inputs=(Field("host", "text", text("见习单位", "Host"), required=True, max_length=60),),
    compute=compute,
    page="card",
    words=(("page_nav", text("精准识别卡", "Identification card")),),  # as the Linyi card's: alike on purpose
)
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real notice and the fixtures, fixture-jobs-2024 with a card of its own."""
    searched = list(calculators.__path__)
    root = copy_project_with_fixtures(tmp_path_factory.mktemp("staff-tools"))
    (root / "calculators" / "fixture_jobs_2024" / "registration_card.py").write_text(CARD_MODULE, encoding="utf-8")
    yield root
    calculators.__path__[:] = searched
    forget_other_projects_calculators()


@pytest.fixture(scope="module")
def edition(project: Path):  # noqa: ANN201 - an Edition
    return edition_of(load_site(project), DAY)


def sections(page: str) -> dict[str, str]:
    """The staff page's sections by heading."""
    parts = page.split("\n## ")[1:]
    return {part.splitlines()[0]: part for part in parts}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_document_section_links_its_own_tools(edition, lang: str) -> None:  # noqa: ANN001
    pages = generate(edition, lang, None)
    assert {"staff/id-card.md", "staff/stats-report.md", f"staff/{FIXTURE_CARD}.md"} <= set(pages)
    by_heading = sections(pages["for-staff.md"])
    short = {doc.id: getattr(doc.meta.short_title, lang) for doc in edition.site.documents}
    assert f"staff/{FIXTURE_CARD}.md" in by_heading[short[FIXTURE]]
    assert "staff/id-card.md" not in by_heading[short[FIXTURE]]
    assert "staff/id-card.md" in by_heading[short[LINYI]] and "staff/stats-report.md" in by_heading[short[LINYI]]
    assert f"staff/{FIXTURE_CARD}.md" not in by_heading[short[LINYI]]
    # the document in force comes first, and every section ends before the next heading
    headings = list(by_heading)
    assert headings.index(short[FIXTURE]) < headings.index(short[LINYI])
    assert pages["for-staff.md"].count("\n## ") == pages["for-staff.md"].count("\n\n## ")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_cards_are_told_apart_in_the_navigation(edition, lang: str) -> None:  # noqa: ANN001
    entries = {
        path: label for item in nav(edition, lang) if isinstance(item, dict) for label, path in item.items() if isinstance(path, str)
    }
    cards = {path: label for path, label in entries.items() if path in ("staff/id-card.md", f"staff/{FIXTURE_CARD}.md")}
    assert len(cards) == 2 and len(set(cards.values())) == 2
    short = {doc.id: getattr(doc.meta.short_title, lang) for doc in edition.site.documents}
    assert short[FIXTURE] in cards[f"staff/{FIXTURE_CARD}.md"]
    linyi_card = next(calc for calc in calculators.calculators("linyi_hrss_2016_12").values() if calc.page == "card")
    assert all(label.startswith(dict(linyi_card.words)["page_nav"][lang]) for label in cards.values())


def test_the_card_page_is_the_documents_own(edition) -> None:  # noqa: ANN001
    page = generate(edition, "zh", None)[f"staff/{FIXTURE_CARD}.md"]
    assert f'"document": "{FIXTURE}"' in page and f'"calculator": "{FIXTURE_CARD}"' in page
    linyi_card = next(calc for calc in calculators.calculators("linyi_hrss_2016_12").values() if calc.page == "card")
    assert dict(linyi_card.words)["page_lead"]["zh"] not in page  # the Linyi card's words stay on its own page


# --- the home page's residents' card follows the documents' standing -----------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_offers_help_only_on_a_day_something_is_in_force(site, lang: str) -> None:  # noqa: ANN001
    from policypress.i18n import t

    in_force = generate(edition_of(site, dt.date(2018, 6, 10)), lang)["index.md"]
    expired = generate(edition_of(site, DAY), lang)["index.md"]
    assert t("for_residents_lead", lang) in in_force and t("selfcheck_start", lang) in in_force
    assert t("for_residents_lead", lang) not in expired and t("selfcheck_start", lang) not in expired
    assert t("for_residents_lead_none", lang, hotline=site.config.hotline) in expired
    assert t("selfcheck_start_history", lang) in expired


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_old_addresses_point_to_each_documents_tool(edition, lang: str) -> None:  # noqa: ANN001
    from policypress.i18n import t

    pages = generate(edition, lang, None)
    card = pages["staff/card.md"]
    assert t("page_moved", lang) in card and "search:\n  exclude: true" in card
    assert "(id-card.md)" in card and f"({FIXTURE_CARD}.md)" in card
    assert "(stats-report.md)" in pages["staff/report.md"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_tool_of_a_document_no_longer_in_force_says_so_first(edition, lang: str) -> None:  # noqa: ANN001
    pages = generate(edition, lang, None)
    for path in ("staff/id-card.md", "staff/stats-report.md"):  # the Linyi notice expired in 2020
        body = pages[path].split("\n# ", 1)[1]
        assert body.index("pp-validity--expired") < body.index("<form") if "<form" in body else "pp-validity--expired" in body
    assert "pp-validity" not in pages[f"staff/{FIXTURE_CARD}.md"].split("\n# ", 1)[1]  # in force: no banner


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_residents_note_stands_above_its_own_documents_measures_only(site, edition, lang: str) -> None:  # noqa: ANN001
    linyi = next(doc for doc in site.documents if doc.id == LINYI)
    note = linyi.meta.residents_note
    assert note is not None
    in_force = generate(edition_of(site, dt.date(2018, 6, 10)), lang)["for-residents.md"]
    assert getattr(note.text, lang) in in_force
    # built with the fixtures after the notice expired: the fixtures' measures are listed, not its note
    later = generate(edition, lang)["for-residents.md"]
    assert getattr(note.text, lang) not in later and "a03-internship-subsidy" in later


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_paid_to_an_employer_says_so_where_it_is_offered(site, edition, lang: str) -> None:  # noqa: ANN001
    from policypress.i18n import t
    from policypress.publicity import publicity_pages

    employers = t("paid_to", lang, group=getattr(site.vocabulary.target_groups["employers"], lang))
    in_force = edition_of(site, dt.date(2018, 6, 10))
    pages = generate(in_force, lang)
    assert employers in pages[f"documents/{LINYI}/m01-poverty-alleviation-workshops.md"]
    assert employers not in pages[f"documents/{LINYI}/m02-public-welfare-jobs.md"]
    assert employers in publicity_pages(in_force, lang)["publicity-week/m01-poverty-alleviation-workshops.md"]
    residents = pages["for-residents.md"]
    line = next(row for row in residents.splitlines() if "m01-poverty-alleviation-workshops" in row)
    assert employers in line
    assert employers in generate(edition, lang)[f"documents/{FIXTURE}/a03-internship-subsidy.md"]
