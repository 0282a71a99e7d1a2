"""The real site, built once: pages in both languages, the document header, no outside loads,
the language switch and the search self-check."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from policypress.content import Site
from policypress.pages import page_url
from policypress.searchcheck import search

DOC = "linyi-hrss-2016-12"


def read(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class Loads(HTMLParser):
    """Every URL a page loads (not links the reader may follow), and its alternate-language link."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.alternate: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed", "track") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "object" and a.get("data"):
            self.loads.append(a["data"])
        if tag == "link" and a.get("href"):
            rel = a.get("rel", "")
            if rel == "alternate" and a.get("hreflang"):
                self.alternate[a["hreflang"]] = a["href"]
            elif rel not in ("canonical", "alternate"):
                self.loads.append(a["href"])
        if tag == "a" and "md-select__link" in a.get("class", ""):
            self.alternate.setdefault("switch-" + a.get("hreflang", ""), a["href"])
        if a.get("style") and "url(" in a["style"]:
            self.loads.extend(re.findall(r"url\(['\"]?([^'\")]+)", a["style"]))


def parse(html: str) -> Loads:
    parser = Loads()
    parser.feed(html)
    return parser


def test_every_clause_has_a_page_in_both_languages(site: Site, built: Path) -> None:
    """Each clause of each document is rendered at the same path under / and /en/."""
    clauses = [c for d in site.documents for c in d.clauses]
    assert len(clauses) == 22
    for clause in clauses:
        url = page_url(f"documents/{clause.doc_id}/{clause.id}.md")
        zh, en = html.unescape(read(built, url)), html.unescape(read(built / "en", url))
        assert "<h1" in zh and clause.meta.title in zh
        assert clause.en.title in en


def test_document_page_has_the_metadata_header_and_the_expired_banner(built: Path) -> None:
    """发文字号, 发文机关, 成文日期, 施行日期, 有效期, 状态 with the notice's values; the 2026 build
    shows the notice as expired (last day in force 2020-05-15)."""
    zh = text_of(read(built, f"documents/{DOC}/"))
    for label, value in [
        ("发文字号", "临人社发〔2016〕12号"),
        ("发文机关", "临沂市人力资源和社会保障局 临沂市扶贫开发领导小组办公室 临沂市财政局"),
        ("成文日期", "2016年6月12日"),
        ("施行日期", "2016年5月16日"),
        ("有效期", "2016年5月16日 至 2020年5月15日"),
        ("状态", "已失效"),
    ]:
        assert f"{label} {value}" in zh, label
    assert "本文件有效期至2020年5月15日，已经失效" in zh
    en = text_of(read(built / "en", f"documents/{DOC}/"))
    for label, value in [("Date signed", "12 June 2016"), ("In force from", "16 May 2016"), ("Status", "Expired")]:
        assert f"{label} {value}" in en, label
    assert "was valid until 15 May 2020 and is no longer in force" in en


def test_clause_pages_carry_the_banner_summary_amounts_and_official_text(built: Path) -> None:
    page = read(built, f"documents/{DOC}/m01-poverty-alleviation-workshops/")
    text = text_of(page)
    assert "已失效" in text and "简明解读" in text and "金额和标准" in text and "怎么申请" in text
    assert "每人1,000元" in text  # the parameter, inserted by the generator
    assert "按每人1000元的标准给予“扶贫车间”一次性奖补" in text  # the official wording, verbatim
    assert 'class="pp-fig pp-fig--official"' in page
    assert "乡镇人社所、扶贫办初审确认" in text


def all_html(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def test_no_page_loads_anything_from_another_host(built: Path) -> None:
    """Scripts, styles, images, fonts and frames all come from the site itself."""
    pages = all_html(built)
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for url in parse(html).loads:
            assert not urlparse(url).netloc and not url.startswith("//"), f"{path.relative_to(built)} loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    for css in built.rglob("*.css"):
        for url in re.findall(r"url\(['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not urlparse(url).netloc, f"{css.relative_to(built)} loads {url}"


def test_language_switch_lands_on_the_same_page(built: Path) -> None:
    """On every page, the switch to the other language points at the counterpart page, which exists."""
    for path in all_html(built):
        rel = path.relative_to(built).as_posix()
        if rel.endswith("404.html"):
            continue
        english = rel.startswith("en/")
        links = parse(path.read_text(encoding="utf-8")).alternate
        other = links["switch-zh" if english else "switch-en"]
        target = urlparse(urljoin("http://x/" + rel, other)).path.lstrip("/")
        expected = rel.removeprefix("en/") if english else "en/" + rel
        assert target in (expected, expected.removesuffix("index.html")), rel
        assert (built / expected).exists(), rel


def index(site_dir: Path, lang: str) -> dict:
    folder = site_dir if lang == "zh" else site_dir / "en"
    return json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_search_finds_the_clauses_for_whole_chinese_terms(built: Path) -> None:
    """The glossary's terms stay whole in the Chinese index, so a search for each finds its clause."""
    zh = index(built, "zh")
    for term, clause in [
        ("扶贫车间", "m01-poverty-alleviation-workshops"),
        ("公益性岗位", "m02-public-welfare-jobs"),
        ("三支一扶", "m07-college-graduates"),
        ("大病保险", "m09-pension-and-medical-insurance"),
    ]:
        entry = next(d for d in zh["docs"] if d["location"] == f"documents/{DOC}/{clause}/")
        assert f"\u200b{term}\u200b" in entry["text"], f"{term} was split by the segmenter"
        assert f"documents/{DOC}/{clause}/" in [h.location for h in search(zh, term)]


def test_search_in_english_finds_measure_2(built: Path) -> None:
    hits = [h.location for h in search(index(built, "en"), "public-welfare job")]
    assert f"documents/{DOC}/m02-public-welfare-jobs/" in hits
    assert not any(h.startswith("en/") for h in hits)  # results stay in the reader's language


def test_search_results_are_in_the_readers_language(built: Path) -> None:
    zh_titles = {d["title"] for d in index(built, "zh")["docs"]}
    en_titles = {d["title"] for d in index(built, "en")["docs"]}
    assert any("公益" in t for t in zh_titles) and not any("公益" in t for t in en_titles)
