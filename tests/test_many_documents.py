"""Many documents, one site (issue 11): the real notice and fixture documents of other shapes
(tests/fixtures/: fictional, ids fixture-…) published side by side, each on its own pages.

On the build day the fixtures stand as: fixture-jobs-2024 in force with no expiry stated, articles
numbered 第一条 …, its own apply, hotline, units and calculator; fixture-forwarding-2010, a
provincial forwarding notice, in force and 长期有效, replacing fixture-old-2008; the Linyi notice
expired. The site is built once for the module from a copy of the project with the fixtures in it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

import calculators
from browser import serve
from conftest import FIXTURES, ROOT, copy_project_with_fixtures
from policypress.build import build_site
from policypress.content import Site, load_site
from policypress.i18n import t
from policypress.pages import generate
from policypress.standing import edition_of

DAY = dt.date(2026, 11, 27)  # the build day: Linyi expired (2020), fixture-old-2008 replaced (2010)
JOBS, FORWARDING, OLD, LINYI = "fixture-jobs-2024", "fixture-forwarding-2010", "fixture-old-2008", "linyi-hrss-2016-12"
IN_FORCE, HISTORY = [JOBS, FORWARDING], [LINYI, OLD]
NUMBERS = {JOBS: "示人社发〔2024〕1号", FORWARDING: "示人社发〔2010〕8号", OLD: "示劳社发〔2008〕5号", LINYI: "临人社发〔2016〕12号"}
JOBS_MEASURES = ["a03-internship-subsidy", "a04-retention-award", "a05-internship-bases"]  # a05 by `measure: true`
JOBS_CLAUSES = ["a01-purpose", "a02-scope", *JOBS_MEASURES, "a06-entry-into-force"]
CALCULATOR = "fixture-internship-subsidy"
HOTLINE = "0000-2024-0101"  # fixture-jobs-2024's own hotline; the site's (and so the Linyi notice's) is 12333
EXAMPLES = yaml.safe_load((FIXTURES / "policy" / JOBS / "examples" / f"{CALCULATOR}.yaml").read_text(encoding="utf-8"))
FIRST_CASE = EXAMPLES["cases"][0]  # ten interns, six months, four kept on: 98,000 yuan
LOAD = 90_000  # ms: Pyodide's first load on a slow machine


# --- the project, its content and its site ------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the project with the fixture documents and their calculators in it. Loading it
    adds its calculators/ folder to the `calculators` package: taken away again afterwards, so the
    other test modules see the project's own calculators only."""
    searched = list(calculators.__path__)
    yield copy_project_with_fixtures(tmp_path_factory.mktemp("many-documents"))
    calculators.__path__[:] = searched


@pytest.fixture(scope="module")
def site(project: Path) -> Site:
    return load_site(project)


@pytest.fixture(scope="module")
def built(project: Path, site: Site) -> Path:
    return build_site(project, today=DAY, quiet=True)


def read(built: Path, lang: str, url: str) -> str:
    return (built / ("en" if lang == "en" else "") / url / "index.html").read_text(encoding="utf-8")


def article(page: str) -> str:
    """The page's own content, without the navigation and header (which name every document)."""
    return page[page.index("<article") : page.index("</article>")]


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)))


def section(fragment: str, heading: str) -> str:
    """From the <h2> that reads `heading` to the next <h2> (or the end)."""
    found = next((m for m in re.finditer(r"<h2[^>]*>(.*?)</h2>", fragment, re.S) if text_of(m.group(1)).strip(" ¶") == heading), None)
    assert found is not None, f"no heading '{heading}'"
    following = fragment.find("<h2", found.end())
    return fragment[found.end() : following if following > 0 else None]


def items(fragment: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", fragment, re.S)


def document_links(fragment: str) -> list[str]:
    """The documents a fragment links to (their own pages), in order."""
    return re.findall(r'href="(?:\.\./)*(?:documents/)?([a-z0-9-]+)/"', fragment)


def meta_rows(page: str) -> dict[str, str]:
    """The document page's table: 发文字号, 有效期 … → the cell's text."""
    return {text_of(th).strip(): text_of(td).strip() for th, td in re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", page, re.S)}


def heading(page: str) -> str:
    """The text of the page's <h1>."""
    found = re.search(r"<h1[^>]*>(.*?)</h1>", article(page), re.S)
    assert found is not None
    return text_of(found.group(1)).strip(" ¶")


def page_document(page: str) -> str:
    """Whose page it is: <meta name="policypress-document">."""
    found = re.search(r'<meta name="policypress-document" content="([^"]*)">', page)
    assert found is not None
    return found.group(1)


# --- the content --------------------------------------------------------------------------------


def test_the_fixtures_are_test_data_and_pass_check(project: Path) -> None:
    for folder in sorted((FIXTURES / "policy").iterdir()):
        if folder.is_dir():
            meta = yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8"))
            assert meta["id"].startswith("fixture-") and meta["id"] == folder.name
            assert "测试用" in meta["title"]["zh"] and "test fixture" in meta["title"]["en"]
            assert not (ROOT / "policy" / folder.name).exists()  # never in the real content
    done = subprocess.run(
        [sys.executable, "-m", "policypress", "--root", str(project), "check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ok: 4 document(s)")


def test_each_document_stands_where_its_dates_put_it(site: Site) -> None:
    edition = edition_of(site, DAY)
    assert [d.id for d in edition.documents] == [*IN_FORCE, *HISTORY]  # in force (newest first), then history
    assert {d.id: edition.of(d).state for d in site.documents} == {
        JOBS: "in_force",
        FORWARDING: "in_force",
        LINYI: "expired",
        OLD: "replaced",
    }
    assert [r.document.id for r in edition.of(site.document(OLD)).replaced_by] == [FORWARDING]
    assert {d.id: d.meta.expiry for d in site.documents} == {JOBS: "not-stated", FORWARDING: "open-ended", LINYI: "date", OLD: "date"}
    # before the forwarding notice took effect, the old one was in force and said it would be replaced
    earlier = edition_of(site, dt.date(2010, 6, 25))
    assert earlier.of(site.document(OLD)).state == "in_force" and earlier.of(site.document(FORWARDING)).state == "not_yet"
    assert [r.document.id for r in earlier.of(site.document(OLD)).to_be_replaced_by] == [FORWARDING]


def test_only_the_measures_of_documents_in_force_are_offered(site: Site) -> None:
    edition = edition_of(site, DAY)
    assert [(d.id, c.id) for d, c in edition.measures()] == [(JOBS, m) for m in JOBS_MEASURES]
    everything = {d.id for d, _ in edition.measures(site.documents)}
    assert everything == {JOBS, OLD, LINYI}  # the history has measures: they are not offered


def test_the_generated_pages_name_each_documents_own_words(site: Site) -> None:
    """A fast check without a build: the Markdown of fixture-jobs-2024's measure."""
    for lang, where, label in (
        ("zh", "示例市就业见习服务窗口", "示例市见习服务专线"),
        ("en", "The Example City internship service window", "Example City internship line"),
    ):
        page = generate(edition_of(site, DAY), lang)[f"documents/{JOBS}/a03-internship-subsidy.md"]
        assert where in page and HOTLINE in page and label in page
        assert "12333" not in page and "临沂" not in page and "Linyi" not in page


# --- the site ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_documents_page_lists_each_document_as_its_own_item_in_force_first(built: Path, lang: str) -> None:
    page = article(read(built, lang, "documents"))
    for heading, expected, states in (
        (t("documents_in_force", lang), IN_FORCE, ["in_force", "in_force"]),
        (t("documents_history", lang), HISTORY, ["expired", "replaced"]),
    ):
        listed = items(section(page, heading))
        assert len(listed) == len(expected)
        for item, doc_id, state in zip(listed, expected, states, strict=True):
            assert document_links(item) == [doc_id]  # one document per item: none runs into the next
            assert NUMBERS[doc_id] in item and all(n not in item for d, n in NUMBERS.items() if d != doc_id)
            assert f"pp-status--{state}" in item and t(f"status_{state}", lang) in text_of(item)
    assert page.index(t("documents_in_force", lang)) < page.index(t("documents_history", lang))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_lists_the_measures_in_force_only(built: Path, lang: str) -> None:
    page = article(read(built, lang, ""))
    listed = items(section(page, t("measures_in_force", lang, n="3")))
    assert [re.search(rf"{JOBS}/([a-z0-9-]+)/", item).group(1) for item in listed] == JOBS_MEASURES
    assert LINYI not in section(page, t("measures_in_force", lang, n="3")) and OLD not in section(page, t("measures_in_force", lang, n="3"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_words_of_one_document_on_anothers_pages(built: Path, lang: str) -> None:
    zh = lang == "zh"
    own = (
        ["示例市就业见习服务窗口", "示例市就业服务中心审核", "示例市见习服务专线（测试用）"]
        if zh
        else [
            "The Example City internship service window",
            "Reviewed by the Example City Employment Service Centre",
            "Example City internship line (test fixture)",
        ]
    )
    others = [
        "临沂",
        "Linyi",
        "12333",
        "人社服务热线",
        "national HRSS hotline",
        "文件没有规定具体的申请办法",  # the site's words where neither the clause nor its document says
        "The document does not say how to apply",
    ]
    for clause in JOBS_CLAUSES:
        text = text_of(article(read(built, lang, f"documents/{JOBS}/{clause}")))
        assert HOTLINE in text and all(words in text for words in own), clause  # the document's apply and hotline
        assert [w for w in others if w in text] == [], clause
    for clause in ("m01-poverty-alleviation-workshops", "m02-public-welfare-jobs"):
        text = text_of(article(read(built, lang, f"documents/{LINYI}/{clause}")))
        assert [w for w in ("示例", "Example City", "Example Province", HOTLINE, "fixture") if w in text] == [], clause
    for clause in ("o1-insurance-subsidy", "o2-public-posts"):
        text = text_of(article(read(built, lang, f"documents/{OLD}/{clause}")))
        assert [w for w in ("示例市", "Example City", HOTLINE, "临沂", "Linyi") if w in text] == [], clause


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_document_that_is_not_a_notice_is_not_called_one_by_the_engine(built: Path, site: Site, lang: str) -> None:
    """The figures' source tags and the site's how-to-apply words say 文件/document: the jobs
    fixture is a set of 若干措施, not a notice."""
    from policypress.parameters import STATUS_LABELS, STATUS_TAGS

    figures = text_of(article(read(built, lang, f"documents/{JOBS}/parameters")))
    assert STATUS_LABELS["official"][lang] in figures and STATUS_TAGS["official"][lang] in figures
    said = ["本通知", "通知：", "通知规定"] if lang == "zh" else ["this notice", "notice:", "The notice"]
    assert [w for w in said if w in figures] == []
    silent = text_of(article(read(built, lang, f"documents/{OLD}/o2-public-posts")))  # neither clause nor document says how
    fallback = getattr(site.config.how_to_apply, lang).split("{hotline}")[0]
    assert fallback in silent and [w for w in said if w in silent] == []


def test_articles_are_numbered_as_the_document_numbers_them(built: Path) -> None:
    assert heading(read(built, "en", f"documents/{JOBS}/a01-purpose")) == "Article 1 Purpose"
    assert heading(read(built, "zh", f"documents/{JOBS}/a01-purpose")) == "第一条 制定目的"
    english = text_of(article(read(built, "en", f"documents/{JOBS}")))
    assert all(f"Article {n} " in english for n in range(1, 7)) and "第一条" not in english
    forwarding = text_of(article(read(built, "en", f"documents/{FORWARDING}")))
    assert "1 Forwarding and carrying out" in forwarding  # 一、二、三 → 1, 2, 3


def test_the_forwarding_notice_names_the_document_it_forwards(built: Path) -> None:
    zh = meta_rows(read(built, "zh", f"documents/{FORWARDING}"))
    assert (
        "国示就发〔2010〕3号" in zh["转发文件"]
        and "国家示例就业服务局、国家示例财政司" in zh["转发文件"]
        and "2010年4月12日" in zh["转发文件"]
    )
    assert zh["发文机关"] == "示例省人力资源和社会保障厅"  # the forwarding notice's own issuer, apart from those it forwards
    en = meta_rows(read(built, "en", f"documents/{FORWARDING}"))
    forwards = en[t("forwards", "en")]
    assert (
        "国示就发〔2010〕3号" in forwards
        and "National Example Employment Service Administration; National Example Finance Department" in forwards
    )
    assert "12 April 2010" in forwards and "Strengthening Employment Assistance" in forwards
    assert t("forwards", "zh") not in meta_rows(read(built, "zh", f"documents/{JOBS}"))  # only a forwarding notice has the row


def test_the_validity_row_says_what_each_document_states(built: Path) -> None:
    validity = {
        (lang, doc_id): meta_rows(read(built, lang, f"documents/{doc_id}"))[t("validity", lang)]
        for lang in ("zh", "en")
        for doc_id in (JOBS, FORWARDING, OLD)
    }
    assert "未规定有效期" in validity[("zh", JOBS)] and "长期" not in validity[("zh", JOBS)]
    assert "no expiry stated" in validity[("en", JOBS)]
    assert "长期有效" in validity[("zh", FORWARDING)] and "with no end date" in validity[("en", FORWARDING)]
    assert "2012年12月31日" in validity[("zh", OLD)] and "31 December 2012" in validity[("en", OLD)]
    for lang in ("zh", "en"):
        assert meta_rows(read(built, lang, f"documents/{OLD}"))[t("status", lang)] == t("status_replaced", lang)


def test_replacement_is_linked_both_ways(built: Path) -> None:
    for lang in ("zh", "en"):
        assert f"../{OLD}/" in article(read(built, lang, f"documents/{FORWARDING}"))
        old = article(read(built, lang, f"documents/{OLD}"))
        assert f"../{FORWARDING}/" in old and "pp-validity--replaced" in old


def test_the_units_of_the_content_and_counts_in_wan_are_written_out(built: Path) -> None:
    for url in (f"documents/{JOBS}/a05-internship-bases", f"documents/{JOBS}/parameters"):
        zh, en = text_of(article(read(built, "zh", url))), text_of(article(read(built, "en", url)))
        assert "100家" in zh and "2万人" in zh and "20000" not in zh and "20,000人" not in zh
        assert "100 internship bases" in en and "20,000 people" in en
    for lang, bases, interns in (("zh", "100家", "2万人"), ("en", "100 internship bases", "20,000 people")):
        page = article(read(built, lang, f"documents/{JOBS}/a05-internship-bases"))
        for name, shown in (("new-bases-per-year", bases), ("interns-per-year", interns)):  # placeholders, filled in
            assert re.search(rf'href="\.\./parameters/#param-goals-{name}"[^>]*>{shown}<sup[ >]', page), (lang, shown)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_publicity_week_kit_has_leaflets_for_the_measures_in_force_only(built: Path, lang: str) -> None:
    kit = built / ("en" if lang == "en" else "") / "publicity-week"
    leaflets = sorted(p.name for p in kit.iterdir() if p.is_dir() and p.name != "poster")
    assert leaflets == JOBS_MEASURES
    index = article(read(built, lang, "publicity-week"))
    for measure in JOBS_MEASURES:
        assert f'href="{measure}/"' in index
    assert "o1-insurance-subsidy" not in index and "m01-poverty-alleviation-workshops" not in index
    poster = text_of(article(read(built, lang, "publicity-week/poster")))
    assert NUMBERS[JOBS] in poster and NUMBERS[LINYI] not in poster and NUMBERS[OLD] not in poster
    leaflet = text_of(article(read(built, lang, "publicity-week/a03-internship-subsidy")))
    assert HOTLINE in leaflet and "12333" not in leaflet


def test_the_fixture_calculator_has_its_page_and_its_documents_parameters(built: Path) -> None:
    for lang in ("zh", "en"):
        page = read(built, lang, f"calculators/{CALCULATOR}")
        assert 'data-document="fixture-jobs-2024"' in page
        assert '<meta name="policypress-document" content="fixture-jobs-2024">' in page
        assert f"calculators/{CALCULATOR}/" in article(read(built, lang, f"documents/{JOBS}/a03-internship-subsidy"))
    parameters = json.loads((built / "pyodide" / "parameters" / f"{JOBS}.json").read_text(encoding="utf-8"))
    assert parameters["document"]["id"] == JOBS and parameters["document"]["expires"] is None
    assert [v["value"] for v in parameters["parameters"]["internship.subsidy_per_month"]["values"]] == ["1500", "1800"]
    # the worked examples are on the measure's page, computed by the fixture's calculator
    for lang, figure in (("zh", "98,000 元"), ("en", "98,000 yuan")):
        text = text_of(article(read(built, lang, f"documents/{JOBS}/a03-internship-subsidy")))
        assert FIRST_CASE["name"][lang] in text and figure in text


def calc(project: Path, name: str, inputs: dict, *extra: str) -> tuple[int, dict]:
    done = subprocess.run(
        [sys.executable, "-m", "policypress", "--root", str(project), "calc", name, "--input", "-", *extra],
        input=json.dumps(inputs, default=str),
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return done.returncode, json.loads(done.stdout)
    except json.JSONDecodeError:
        return done.returncode, {"stderr": done.stderr}


def test_policypress_calc_runs_the_fixture_calculator_on_its_document(project: Path) -> None:
    code, result = calc(project, CALCULATOR, FIRST_CASE["inputs"], "--document", JOBS)
    assert code == 0, result
    assert result["amount"] == FIRST_CASE["expect"]["amount"] == 98000
    assert result["subsidy"] == 90000 and result["retention_award"] == 8000


# --- what the generator does not do yet -----------------------------------------------------------


def test_policypress_calc_finds_the_calculators_own_document(project: Path) -> None:
    code, result = calc(project, CALCULATOR, FIRST_CASE["inputs"])
    assert code == 0 and result.get("amount") == 98000, result


def test_policypress_calc_still_runs_the_real_notices_calculators_without_document(project: Path) -> None:
    code, result = calc(project, "critical-illness", {"eligible_costs": 170000, "registered_poor": False, "date": "2018-01-01"})
    assert code == 0 and result.get("amount") == 87000, result


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_document_page_gives_the_documents_own_hotline(built: Path, lang: str) -> None:
    text = text_of(article(read(built, lang, f"documents/{JOBS}")))
    assert HOTLINE in text and "12333" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_calculator_page_gives_the_documents_own_hotline(built: Path, lang: str) -> None:
    page = article(read(built, lang, f"calculators/{CALCULATOR}"))
    assert HOTLINE in page and "12333" not in page


def test_the_replaces_line_reads_as_a_label_in_english(built: Path) -> None:
    page = article(read(built, "en", f"documents/{FORWARDING}"))
    assert "**" not in text_of(page) and "<strong>Replaces:</strong>" in page.replace("</strong> ", "</strong>")


def test_chapter_headings_read_as_chapters(built: Path) -> None:
    headings = [text_of(h).strip(" ¶") for h in re.findall(r"<h2[^>]*>(.*?)</h2>", article(read(built, "zh", f"documents/{JOBS}")), re.S)]
    assert {"第一章 总则", "第二章 见习扶持", "第三章 附则"} <= set(headings), headings


def test_the_kit_sends_readers_only_to_pages_of_documents_in_force(built: Path, site: Site) -> None:
    base = site.config.site_url
    for lang in ("zh", "en"):
        for sheet in [*JOBS_MEASURES, "poster"]:
            page = article(read(built, lang, f"publicity-week/{sheet}"))
            for url in sorted(set(re.findall(re.escape(base) + r"[^\s\"<>]*", page))):
                target = built / url.removeprefix(base) / "index.html"
                assert page_document(target.read_text(encoding="utf-8")) in IN_FORCE, f"{lang} {sheet}: {url}"


# --- in the browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(built: Path) -> Iterator[str]:
    with serve(built) as url:
        yield url


@pytest.mark.browser
def test_the_browser_runs_the_fixture_calculator_with_its_documents_parameters(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(base_url + f"en/calculators/{CALCULATOR}/")
        inputs = FIRST_CASE["inputs"]
        for name in ("interns", "months", "retained"):
            page.locator(f"#input-{name}").press_sequentially(str(inputs[name]))
        page.fill("#input-date", str(inputs["date"]))
        page.click('button[type="submit"]')
        page.wait_for_selector(".pp-result:not([hidden]), .pp-field-error:not([hidden]), .pp-runtime-failed:not([hidden])", timeout=LOAD)
        result = page.locator(".pp-result")
        assert result.is_visible(), page.inner_text(".pp-calculator")
        shown = result.inner_text()
        assert "98,000 yuan" in shown and "1,500 yuan a month" in shown  # the document's own figure, on 1 June 2024
    finally:
        context.close()
