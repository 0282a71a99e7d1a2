"""The Publicity Week kit: a page in both languages, shown first in its month by build date; an A4
leaflet per measure and an A3 poster whose QR codes, printed by the browser to PDF and scanned,
open the measure's page and its calculator at the configured site address."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from urllib.parse import urlparse

import pypdfium2 as pdfium
import pytest
import segno
import yaml
import zxingcpp
from playwright.sync_api import Browser

from policypress.build import engine_config
from policypress.content import Site
from policypress.i18n import PUBLICITY_STRINGS
from policypress.pages import generate, nav
from policypress.publicity import INDEX_PATH, POSTER_PATH, publicity_pages, publicity_week_now
from policypress.standing import edition_of

DOC = "linyi-hrss-2016-12"
# Days the notice was in force (a kit to print), and a day after it expired (none).
JUNE = dt.date(2018, 6, 10)
NOVEMBER = dt.date(2018, 11, 27)
EXPIRED = dt.date(2026, 11, 27)
MEASURE_2 = "m02-public-welfare-jobs"


def test_there_is_a_leaflet_per_measure_and_a_poster_in_both_languages(site: Site) -> None:
    measures = [c.id for doc in site.documents for c in doc.clauses if c.meta.action is not None]
    assert len(measures) == 10
    for lang in ("zh", "en"):
        pages = publicity_pages(edition_of(site, NOVEMBER), lang)
        assert set(pages) == {INDEX_PATH, POSTER_PATH} | {f"publicity-week/{m}.md" for m in measures}
        for measure in measures:
            assert f"]({measure}.md)" in pages[INDEX_PATH]  # every leaflet is listed (a link beside the index)
        assert "exclude: true" in pages[f"publicity-week/{MEASURE_2}.md"]  # search finds the measure, not its leaflet


def expected_svg(url: str) -> str:
    """The QR code segno draws for `url` (the same settings as the leaflets')."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=1, border=4, omitsize=True, svgclass="pp-qr__code")


def path_of_svg(svg: str) -> str:
    return svg.split(' d="', 1)[1].split('"', 1)[0]


def test_the_codes_are_drawn_from_the_configured_site_address(site: Site) -> None:
    moved = site.config.model_copy(update={"site_url": "https://policy.example.gov.cn/linyi/"})
    other = dataclasses.replace(site, config=moved)
    for lang, prefix in (("zh", ""), ("en", "en/")):
        leaflet = publicity_pages(edition_of(other, NOVEMBER), lang)[f"publicity-week/{MEASURE_2}.md"]
        for target in (f"documents/{DOC}/{MEASURE_2}/", "calculators/public-welfare-job/"):
            url = f"https://policy.example.gov.cn/linyi/{prefix}{target}"
            assert url in leaflet  # printed under the code, for anyone who cannot scan
            assert path_of_svg(expected_svg(url)) in leaflet  # and it is what the code encodes
        assert "127.0.0.1" not in leaflet


def test_in_june_the_week_comes_first_and_the_rest_of_the_year_it_sits_with_the_staff_pages(site: Site, tmp_path: Path) -> None:
    assert publicity_week_now(site, JUNE) and not publicity_week_now(site, NOVEMBER)
    for lang in ("zh", "en"):
        entry = {PUBLICITY_STRINGS["nav"][lang]: INDEX_PATH}
        assert nav(edition_of(site, JUNE), lang)[1] == entry
        november = nav(edition_of(site, NOVEMBER), lang)
        assert entry in november and november.index(entry) > 2
        home_june, home_november = (
            generate(edition_of(site, JUNE), lang)["index.md"],
            generate(edition_of(site, NOVEMBER), lang)["index.md"],
        )
        assert PUBLICITY_STRINGS["now"][lang] in home_june and PUBLICITY_STRINGS["now"][lang] not in home_november
    (tmp_path / "docs" / "zh").mkdir(parents=True)
    june = yaml.safe_load(engine_config(edition_of(site, JUNE), tmp_path, "zh").read_text(encoding="utf-8"))
    november = yaml.safe_load(engine_config(edition_of(site, NOVEMBER), tmp_path, "zh").read_text(encoding="utf-8"))
    assert june["extra"]["policypress"]["publicity_week_now"] is True  # the banner on every page
    assert november["extra"]["policypress"]["publicity_week_now"] is False


# --- printed by the browser, scanned ------------------------------------------------------------


def print_pdf(browser: Browser, url: str) -> bytes:
    page = browser.new_page()
    page.goto(url)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    return pdf


def scan(pdf: bytes) -> tuple[list[tuple[float, float]], list[str]]:
    """Page sizes in millimetres and every QR code's text, as a phone would read the paper."""
    document = pdfium.PdfDocument(io.BytesIO(pdf))
    sizes = [(round(p.get_width() * 25.4 / 72), round(p.get_height() * 25.4 / 72)) for p in document]
    texts = [code.text for page in document for code in zxingcpp.read_barcodes(page.render(scale=3).to_pil())]
    return sizes, texts


A4 = (210, 297)
A3 = (297, 420)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_leaflet_for_measure_2_prints_on_one_a4_page_and_its_codes_open_the_measure_and_calculator(
    browser: Browser, base_url_in_force: str, site: Site, lang: str
) -> None:
    base_url = base_url_in_force
    prefix = "" if lang == "zh" else "en/"
    sizes, codes = scan(print_pdf(browser, f"{base_url}{prefix}publicity-week/{MEASURE_2}/"))
    assert sizes == [A4]
    published = site.config.site_url + prefix
    assert sorted(codes) == sorted([f"{published}documents/{DOC}/{MEASURE_2}/", f"{published}calculators/public-welfare-job/"])
    page = browser.new_page()
    measure_page = next(code for code in codes if "/documents/" in code)
    calculator_page = next(code for code in codes if "/calculators/" in code)
    page.goto(base_url + urlparse(measure_page).path.lstrip("/"))  # follow the address as the phone would
    assert site.documents[0].clause(MEASURE_2).title(lang) in page.locator("h1").first.inner_text()
    page.goto(base_url + urlparse(calculator_page).path.lstrip("/"))
    assert page.locator("form.pp-calc-form").count() == 1
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_leaflet_fits_one_a4_page_and_the_poster_one_a3_page(browser: Browser, base_url_in_force: str, site: Site, lang: str) -> None:
    base_url = base_url_in_force
    prefix = "" if lang == "zh" else "en/"
    measures = [c.id for doc in site.documents for c in doc.clauses if c.meta.action is not None]
    for measure in measures:
        sizes, codes = scan(print_pdf(browser, f"{base_url}{prefix}publicity-week/{measure}/"))
        assert sizes == [A4], measure
        assert len(codes) == 2, measure
    sizes, codes = scan(print_pdf(browser, f"{base_url}{prefix}publicity-week/poster/"))
    assert sizes == [A3]
    published = site.config.site_url + prefix
    assert set(codes) == {f"{published}documents/{DOC}/{m}/" for m in measures} | {f"{published}self-check/"}


@pytest.mark.browser
def test_an_ordinary_page_still_prints_portrait_a4(browser: Browser, base_url: str) -> None:
    """The report's landscape paper belongs to the report page alone."""
    sizes, _ = scan(print_pdf(browser, f"{base_url}documents/{DOC}/{MEASURE_2}/"))
    assert set(sizes) == {A4}
    sizes, _ = scan(print_pdf(browser, f"{base_url}staff/stats-report/"))
    assert set(sizes) == {(297, 210)}


def test_after_the_notice_expired_there_is_no_kit_to_print_only_the_reason(site: Site) -> None:
    """A booth never hands out a leaflet for a measure that can no longer be applied for."""
    for lang in ("zh", "en"):
        pages = publicity_pages(edition_of(site, EXPIRED), lang)
        assert set(pages) == {INDEX_PATH}
        assert PUBLICITY_STRINGS["none_in_force"][lang] in pages[INDEX_PATH]
        assert f"documents/{DOC}/index.md" in pages[INDEX_PATH]  # the expired notice, for reference
        home = generate(edition_of(site, EXPIRED), lang)["index.md"]
        assert MEASURE_2 not in home  # nothing offered on the home page as if current


def test_two_documents_with_the_same_measure_ids_get_a_leaflet_each(site: Site) -> None:
    doc = site.documents[0]
    twin = dataclasses.replace(doc, meta=doc.meta.model_copy(update={"id": "linyi-hrss-2026-30"}))
    pages = publicity_pages(edition_of(dataclasses.replace(site, documents=[doc, twin]), NOVEMBER), "zh")
    leaflets = [path for path in pages if path not in (INDEX_PATH, POSTER_PATH)]
    assert len(leaflets) == 20  # none overwrites another
    assert f"publicity-week/{DOC}-{MEASURE_2}.md" in leaflets and f"publicity-week/linyi-hrss-2026-30-{MEASURE_2}.md" in leaflets
