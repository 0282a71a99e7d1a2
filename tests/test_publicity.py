"""The Publicity Week kit: a page in both languages, shown first in its month by build date; an A4
leaflet per measure and an A3 poster whose QR codes, printed by the browser to PDF and scanned,
open the measure's page and its calculator at the configured site address."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from urllib.parse import urlparse, urlsplit

import pypdfium2 as pdfium
import pytest
import segno
import yaml
import zxingcpp
from playwright.sync_api import Browser

from conftest import copy_project
from policypress.build import engine_config
from policypress.content import Site, load_site
from policypress.errors import ContentErrors
from policypress.i18n import PUBLICITY_STRINGS, format_date, t
from policypress.pages import generate, nav
from policypress.parameters import format_value
from policypress.publicity import INDEX_PATH, POSTER_PATH, publicity_pages, publicity_week_now, site_url_kind, site_url_warning
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


# --- site_url: codes that no resident's phone can open ------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1:8000/", "local"),
        ("http://127.10.0.5/", "local"),
        ("http://localhost:8000/", "local"),
        ("http://booth.localhost/", "local"),
        ("http://[::1]:8000/", "local"),
        ("http://0.0.0.0:8000/", "local"),
        ("http://[::]/", "local"),
        ("http://[::ffff:127.0.0.1]/", "local"),
        ("", "local"),
        (None, "local"),
        ("http://192.168.1.20:8000/", "private"),
        ("http://10.0.0.7/", "private"),
        ("http://172.16.3.4/", "private"),
        ("http://169.254.10.1/", "private"),
        ("http://[fd00::5]/", "private"),
        ("https://hrss.example.gov.cn/policy/", None),
        ("http://1.2.3.4/", None),
        ("http://172.32.0.1/", None),
    ],
)
def test_which_site_addresses_a_phone_cannot_open(url: str | None, kind: str | None) -> None:
    assert site_url_kind(url) == kind


def with_site_url(site: Site, url: str) -> Site:
    return dataclasses.replace(site, config=site.config.model_copy(update={"site_url": url}))


def test_a_site_url_on_this_computer_or_a_private_network_is_said_on_the_kit_page_and_every_sheet(site: Site) -> None:
    for url, kind in (("http://127.0.0.1:8000/", "local"), ("http://192.168.1.20/", "private"), ("https://hrss.example.gov.cn/", None)):
        other = with_site_url(site, url)
        for lang in ("zh", "en"):
            pages = publicity_pages(edition_of(other, JUNE), lang)
            assert len(pages) == 12  # the kit page, the poster and ten leaflets
            for path, text in pages.items():
                for each in ("local", "private"):
                    title = PUBLICITY_STRINGS[f"qr_{each}_title"][lang]
                    assert (title in text) == (each == kind), (url, lang, path)
                if kind:
                    assert urlsplit(url).netloc in text and "site.yaml" in text  # where it points, and where to set it
        warning = site_url_warning(other)
        assert (warning is None) == (kind is None)
        if warning:
            assert warning.startswith("policy/site.yaml:") and url in warning and "ALLOW_LOCAL_SITE_URL=1" in warning
    assert PUBLICITY_STRINGS["qr_local_title"]["zh"] == "二维码指向本机地址，打印前请设置 site_url"


# --- what a leaflet says ------------------------------------------------------------------------


def leaflet(site: Site, lang: str, measure: str = MEASURE_2, day: dt.date = JUNE) -> str:
    return publicity_pages(edition_of(site, day), lang)[f"publicity-week/{measure}.md"]


def test_or_conditions_share_a_line_and_addressees_who_are_not_residents_are_named_apart(site: Site) -> None:
    groups = site.vocabulary.target_groups
    clause = site.documents[0].clause(MEASURE_2)
    assert clause.meta.target_groups_any_of == [["persons-with-disabilities", "near-pension"]]
    zh = leaflet(site, "zh")
    assert f"-   {groups['persons-with-disabilities'].zh}，或{groups['near-pension'].zh}\n" in zh
    assert f"-   {groups['persons-with-disabilities'].zh}\n" not in zh  # not a bullet of its own, read as "and"
    assert f"-   {groups['registered-poor'].zh}\n" in zh and PUBLICITY_STRINGS["who_or"]["zh"] in zh
    en = leaflet(site, "en")
    near = groups["near-pension"].en
    assert f"-   {groups['persons-with-disabilities'].en}, or {near[0].lower()}{near[1:]}\n" in en
    # Measure 4 is for poor entrepreneurs and for employers: the employers are not a condition.
    measure_4 = site.documents[0].clause("m04-guaranteed-loans")
    assert "employers" in measure_4.meta.target_groups and not groups["employers"].for_residents
    zh4 = leaflet(site, "zh", "m04-guaranteed-loans")
    assert f"-   {groups['employers'].zh}" not in zh4
    assert f"**{PUBLICITY_STRINGS['also_for']['zh']}：**{groups['employers'].zh}" in zh4
    assert PUBLICITY_STRINGS["who_or"]["zh"] not in zh4  # no "or" to explain there


def test_check_explains_target_groups_any_of_that_does_not_hold(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    path = root / "policy" / DOC / f"{MEASURE_2}.zh.md"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("target_groups_any_of:"))
    path.write_text(text.replace(old, "target_groups_any_of: [[persons-with-disabilities, students], [near-pension]]"), encoding="utf-8")
    line = text.splitlines().index(old) + 1
    with pytest.raises(ContentErrors) as failed:
        load_site(root)
    shown = [str(error) for error in failed.value.errors]
    where = f"policy/{DOC}/{MEASURE_2}.zh.md:{line}: "
    assert any(
        s.startswith(where + "'students' is in target_groups_any_of but not in target_groups — add it to target_groups") for s in shown
    ), shown
    assert any(s.startswith(where + "a list in target_groups_any_of names fewer than two groups") for s in shown), shown


def test_the_leaflet_says_in_its_body_until_when_the_measure_applies(site: Site) -> None:
    doc = site.documents[0]
    for lang, date in (("zh", "2020年5月15日"), ("en", "15 May 2020")):
        body = leaflet(site, lang).split('<div class="pp-sheet', 1)[1]
        valid = body.split('<p class="pp-leaflet__valid">', 1)[1].split("</p>", 1)[0]
        assert PUBLICITY_STRINGS["valid"][lang] in valid and t("status_in_force", lang) in valid and date in valid
        assert date not in body.split('<p class="pp-leaflet__foot">', 1)[1]  # said once, in the body
    # A document that states no expiry says so, rather than nothing.
    open_doc = dataclasses.replace(doc, meta=doc.meta.model_copy(update={"expires": None}))
    other = dataclasses.replace(site, documents=[open_doc])
    for lang in ("zh", "en"):
        valid = leaflet(other, lang, day=EXPIRED).split('<p class="pp-leaflet__valid">', 1)[1].split("</p>", 1)[0]
        assert t("banner_in_force_not-stated", lang, start=format_date(doc.meta.effective, lang)) in valid


def test_where_a_figure_depends_on_the_area_class_the_leaflet_names_the_areas_of_each_class(site: Site) -> None:
    doc = site.documents[0]
    clause = doc.clause(MEASURE_2)
    classes = sorted({int(name.split(".")[1].removeprefix("class_")) for name in clause.meta.amounts if ".class_" in name})
    assert classes == [2, 3]
    for lang in ("zh", "en"):
        text = leaflet(site, lang)
        for number in classes:
            areas = [
                (area.zh if lang == "zh" else area.en)
                for area in site.areas
                if doc.parameters[f"minimum_wage.area_class.{area.id}"].value_on(JUNE) == number
            ]
            assert areas
            name = format_value(number, "wage-class", lang)
            label = PUBLICITY_STRINGS["class_areas"][lang].format(cls=name if lang == "zh" else name.capitalize())
            joined = ("、" if lang == "zh" else ", ").join(areas)
            assert f"<strong>{label}{'：' if lang == 'zh' else ':'}</strong>{'' if lang == 'zh' else ' '}{joined}</p>" in text
    assert '<div class="pp-leaflet__classes">' not in leaflet(site, "zh", "m05-startup-support")  # no figure there depends on it


# --- in the browser: the warning on screen and on paper, and a page used whole ------------------


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(io.BytesIO(pdf))
    return "".join(page.get_textpage().get_text_range() for page in document)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_qr_warning_is_on_the_kit_page_and_on_every_sheet_on_screen_and_printed(
    browser: Browser, base_url_in_force: str, site: Site, lang: str
) -> None:
    """The real site's site_url is this computer (policy/site.yaml): a clerk opening the kit or a
    sheet sees why not to print it yet, and a sheet printed anyway says so at its top."""
    assert site_url_kind(site.config.site_url) == "local"
    title = PUBLICITY_STRINGS["qr_local_title"][lang]
    prefix = "" if lang == "zh" else "en/"
    page = browser.new_page()
    for path in ("publicity-week/", f"publicity-week/{MEASURE_2}/", "publicity-week/poster/"):
        page.goto(f"{base_url_in_force}{prefix}{path}")
        warning = page.locator(".pp-qr-warning")
        assert warning.count() == 1 and warning.is_visible(), path
        assert title in warning.inner_text() and urlsplit(site.config.site_url).netloc in warning.inner_text()
        box, heading = warning.bounding_box(), page.locator("h1").first.bounding_box()
        assert box and heading and box["y"] < heading["y"] + heading["height"] + 400  # at the top, not below the fold
    page.close()
    for path in (f"publicity-week/{MEASURE_2}/", "publicity-week/poster/"):
        printed = pdf_text(print_pdf(browser, f"{base_url_in_force}{prefix}{path}")).replace("\r\n", "").replace("\n", "")
        assert title.replace(" ", "") in printed.replace(" ", ""), path


@pytest.mark.browser
def test_every_leaflet_fills_most_of_its_page_with_larger_type_where_it_is_shorter(
    browser: Browser, base_url_in_force: str, site: Site
) -> None:
    """No empty third: printed, each leaflet's own content (the room left goes above the codes)
    takes most of the A4 page, and a shorter leaflet prints in larger type than a longer one."""
    measures = [c.id for doc in site.documents for c in doc.clauses if c.meta.action is not None]
    page = browser.new_page(viewport={"width": 703, "height": 1032})  # 186 × 273 mm, A4 within its margins, at 96 dpi
    page.emulate_media(media="print")
    sizes = {}
    for prefix in ("", "en/"):
        for measure in measures:
            page.goto(f"{base_url_in_force}{prefix}publicity-week/{measure}/")
            natural, type_size, codes_bottom = page.evaluate(
                "() => { const s = document.querySelector('.pp-sheet'); const full = s.getBoundingClientRect().height;"
                " const codes = s.querySelector('.pp-leaflet__codes').getBoundingClientRect().bottom - s.getBoundingClientRect().top;"
                " s.style.minHeight = '0'; const own = s.getBoundingClientRect().height; s.style.minHeight = '';"
                " return [own, parseFloat(getComputedStyle(s).fontSize), codes / full]; }"
            )
            assert natural >= 0.7 * 1032, (prefix, measure, natural)
            assert codes_bottom > 0.85, (prefix, measure)  # the codes at the foot of the page
            sizes[prefix + measure] = type_size
    page.close()
    assert sizes["m10-relocated-households"] > sizes["m09-pension-and-medical-insurance"]  # the shortest and the longest
    assert min(sizes.values()) >= 9.5 * 96 / 72 - 0.01  # never below 9.5 pt
