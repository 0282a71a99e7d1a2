"""English pages read as English (review 22-27, 31, 34, 35, 39): no full-width colon or 〔…〕 of
the engine's own making (a document number, 临人社发〔2016〕12号, and quoted Chinese text may keep
theirs), worked examples show their inputs in the page's language, and the engine's generic words
do not call every document a notice."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from policypress.content import Site
from policypress.i18n import t
from policypress.parameters import STATUS_LABELS, STATUS_TAGS
from policypress.worked import worked_examples

DOC = "linyi-hrss-2016-12"
HAN = "\u4e00-\u9fff"
# A document number is an identifier: 临人社发〔2016〕12号 stays as issued on every page.
NUMBER = re.compile(rf"[{HAN}]+〔\d{{4}}〕\d+号")


def articles(site_dir: Path) -> dict[str, str]:
    """Each English page's own text (no navigation, no script data), by its path."""
    pages = {}
    for path in sorted((site_dir / "en").rglob("index.html")):
        page = path.read_text(encoding="utf-8")
        if "<article" not in page:
            continue
        body = re.sub(r"<script.*?</script>", " ", page[page.index("<article") : page.index("</article>")], flags=re.S)
        pages[str(path.relative_to(site_dir).parent)] = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))
    return pages


def stray_marks(text: str) -> list[str]:
    """Full-width colons and 〔〕 that are not part of Chinese text: a mark with a Chinese
    character on neither side (a Chinese phrase quoted on an English page keeps its own)."""
    text = NUMBER.sub("#", text)
    found = []
    for match in re.finditer("[：〔〕]", text):
        before, after = text[max(0, match.start() - 1) : match.start()], text[match.end() : match.end() + 1]
        if not re.match(f"[{HAN}”“]", before) and not re.match(f"[{HAN}“”]", after):
            found.append(text[max(0, match.start() - 40) : match.end() + 20])
    return found


@pytest.mark.parametrize("which", ["built", "built_in_force"])
def test_english_pages_carry_no_full_width_colon_or_brackets_of_their_own(which: str, request: pytest.FixtureRequest) -> None:
    pages = articles(request.getfixturevalue(which))
    assert len(pages) > 40
    strays = {path: marks for path, text in pages.items() if (marks := stray_marks(text))}
    assert strays == {}


def test_the_check_finds_a_colon_after_an_english_label_and_spares_chinese_text() -> None:
    assert stray_marks("How to apply Where： The HRSS department") != []
    assert stray_marks("part 〔3〕 of it") != []
    assert stray_marks("临人社发〔2016〕12号 · the notice quotes “申请人：本人”") == []


def test_the_labels_of_how_to_apply_and_the_status_line_are_punctuated_in_the_pages_language(built_in_force: Path) -> None:
    clause = (built_in_force / "en" / "documents" / DOC / "m01-poverty-alleviation-workshops" / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{t('apply_where', 'en')}:</strong>" in clause and f"{t('benefits', 'en')}: " in html.unescape(
        re.sub(r"<[^>]+>", "", clause)
    )
    zh = (built_in_force / "documents" / DOC / "m01-poverty-alleviation-workshops" / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{t('apply_where', 'zh')}：</strong>" in zh
    leaflet = (built_in_force / "en" / "publicity-week" / "m01-poverty-alleviation-workshops" / "index.html").read_text(encoding="utf-8")
    valid = leaflet.split('<p class="pp-leaflet__valid">', 1)[1].split("</p>", 1)[0]
    assert re.search(rf"{t('status_in_force', 'en')}\.</strong> \S", valid), valid  # "In force. This document…", not run together


def test_the_staff_page_names_each_attachment_in_the_singular(built: Path) -> None:
    for lang, prefix in (("en", "en/"), ("zh", "")):
        text = html.unescape(re.sub(r"<[^>]+>", "", (built / f"{prefix}for-staff" / "index.html").read_text(encoding="utf-8")))
        assert re.search(rf"{t('attachment', lang)} 1{t('colon', lang)}", text), lang
        assert "Attachments 1" not in text and "附件 1:" not in text


def test_worked_examples_name_an_area_in_the_pages_language(site: Site) -> None:
    doc = next(d for d in site.documents if d.id == DOC)
    by_name = {}
    for area in site.areas:
        for name in (area.id, area.zh, area.en, area.code, *area.aliases):
            if name:
                by_name[name.casefold()] = area
    typed = [
        (e, v)
        for e in doc.examples
        if "errors" not in e.expect
        for v in e.inputs.values()
        if isinstance(v, str) and v.casefold() in by_name
    ]
    assert len({v for _, v in typed}) >= 5  # names, a code, an English name, a former name
    clauses = {c.id for c in doc.clauses}
    for lang in ("zh", "en"):
        other = "en" if lang == "zh" else "zh"
        situations = [line for clause in clauses for example in worked_examples(site, doc, clause, lang) for line in example["inputs"]]
        for _, value in typed:
            area = by_name[value.casefold()]
            assert any(getattr(area, lang) in line for line in situations), (lang, value)
        colon = "：" if lang == "zh" else ": "
        values = [line.split(colon, 1)[1] for line in situations if colon in line]
        foreign = {getattr(a, other) for a in site.areas} | {a.code for a in site.areas if a.code}
        assert [v for v in values if v in foreign] == [], lang  # never the other language's name, nor a bare code
    code = next(a for a in site.areas if a.code and any(v == a.code for _, v in typed))
    zh = [line for c in clauses for e in worked_examples(site, doc, c, "zh") for line in e["inputs"]]
    en = [line for c in clauses for e in worked_examples(site, doc, c, "en") for line in e["inputs"]]
    assert any(f"{code.zh}（{t('area_code', 'zh')}{code.code}）" in line for line in zh)
    assert any(f"{code.en} ({t('area_code', 'en')} {code.code})" in line for line in en)


def test_an_english_clause_page_shows_no_chinese_area_name_in_its_examples(built: Path, site: Site) -> None:
    page = (built / "en" / "documents" / DOC / "m02-public-welfare-jobs" / "index.html").read_text(encoding="utf-8")
    lines = [html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", page, re.S)]
    situations = [line for line in lines if line.startswith(t("example_inputs", "en"))]
    assert len(situations) >= 10
    assert [line for line in situations if any(area.zh in line for area in site.areas)] == []


def test_the_engines_words_for_a_figures_source_do_not_say_notice(site: Site) -> None:
    """A document may be a notice, a set of measures, rules…: the engine's words say 文件/document."""
    for words in (STATUS_LABELS, STATUS_TAGS):
        for status, said in words.items():
            assert "通知" not in said["zh"] and "notice" not in said["en"].lower(), status
    fallback = site.config.how_to_apply
    assert fallback is not None and "通知" not in fallback.zh and "notice" not in fallback.en.lower()
    for lang in ("zh", "en"):
        assert "通知" not in t("apply_silent", lang) and "notice" not in t("apply_silent", lang).lower()


def test_yes_no_and_not_sure_are_written_alike_on_calculators_and_the_self_check() -> None:
    from policypress.i18n import SELFCHECK_STRINGS

    for key, other in (("yes", "yes"), ("no", "no"), ("unknown", "not_sure")):
        assert t(key, "en") == SELFCHECK_STRINGS[other]["en"], key
