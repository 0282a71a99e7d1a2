"""Change history: "last changed" on clause and parameter pages (from git, else carried forward
in the build's manifest) and the what-changed page, comparing a build with the previous one."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_project
from policypress.build import build_site
from policypress.content import load_site
from policypress.history import prepare_history, text_diff, write_history
from policypress.pages import generate
from policypress.standing import edition_of

DOC = "linyi-hrss-2016-12"
CLAUSE = "m01-poverty-alleviation-workshops"  # its Chinese text changes
OTHER = "m02-public-welfare-jobs"  # unchanged
# 1,600 → 1,650 yuan a month from 2015-03-01: a reference figure, since an official one must stay
# the number its quote of the notice states (content.py checks it)
PARAMETER = "minimum_wage.class_1.monthly"
SIBLING = "minimum_wage.class_1.hourly"  # in the same file, not changed by the commit
PAGES = {
    "changes": "changes/",
    "clause": f"documents/{DOC}/{CLAUSE}/",
    "other": f"documents/{DOC}/{OTHER}/",
    "parameters": f"documents/{DOC}/parameters/",
}
FIRST, SECOND, THIRD = dt.date(2026, 1, 15), dt.date(2026, 3, 10), dt.date(2026, 3, 20)


def change_content(root: Path) -> None:
    """The editor's change: a word of a clause's official text and a parameter's value."""
    clause = root / "policy" / DOC / f"{CLAUSE}.zh.md"
    text = clause.read_text(encoding="utf-8")
    assert "鼓励利用乡镇" in text
    clause.write_text(text.replace("鼓励利用乡镇", "积极鼓励利用乡镇", 1), encoding="utf-8")
    wages = root / "policy" / DOC / "parameters" / "minimum_wage.yaml"
    text = wages.read_text(encoding="utf-8")
    assert text.count("      2015-03-01: 1600\n") == 1
    wages.write_text(text.replace("      2015-03-01: 1600\n", "      2015-03-01: 1650\n", 1), encoding="utf-8")


def git(root: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, **({"GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00"} if day else {})}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def article(page: str) -> str:
    """The page's own content, without the navigation (which links to every page)."""
    return page[page.index("<article") : page.index("</article>")]


def snapshot(site_dir: Path) -> dict[tuple[str, str], str]:
    """The content of the pages the tests read, both languages (the next build replaces build/site)."""
    return {
        (lang, name): article((site_dir / ("en" if lang == "en" else "") / url / "index.html").read_text(encoding="utf-8"))
        for lang in ("zh", "en")
        for name, url in PAGES.items()
    }


def parameter_section(page: str, name: str) -> str:
    """The text of one parameter's section on the parameters page."""
    anchor = "param-" + name.replace(".", "-").replace("_", "-")
    start = page.index(f'id="{anchor}"')
    end = page.find("<h3", start)
    return text_of(page[start : end if end > 0 else None])


@pytest.fixture(scope="module")
def git_builds(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Three real builds of a project in git: the first; after a commit changing a clause and a
    parameter; again with nothing changed."""
    root = copy_project(tmp_path_factory.mktemp("history-git"))
    git(root, "init", "-q")
    git(root, "config", "user.name", "Editor")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "policy", "docs", "mkdocs.yml")
    git(root, "commit", "-q", "-m", "The notice", day="2026-01-10")
    first = snapshot(build_site(root, today=FIRST, quiet=True))
    change_content(root)
    git(root, "commit", "-q", "-am", "A word and a figure", day="2026-03-05")
    site_dir = build_site(root, today=SECOND, quiet=True)
    second = snapshot(site_dir)
    manifest = json.loads((site_dir / "changes" / "manifest.json").read_text(encoding="utf-8"))
    baseline = json.loads((site_dir / "changes" / "baseline.json").read_text(encoding="utf-8"))
    third = snapshot(build_site(root, today=THIRD, quiet=True))
    return {"root": root, "first": first, "second": second, "third": third, "manifest": manifest, "baseline": baseline}


def test_the_first_build_says_so(git_builds: dict) -> None:
    zh, en = text_of(git_builds["first"]["zh", "changes"]), text_of(git_builds["first"]["en", "changes"])
    assert "这是第一次发布（2026年1月15日）" in zh
    assert "This is the first published build (15 January 2026)" in en
    assert "修改（" not in zh and "Changed (" not in en


def test_a_clause_shows_the_date_of_its_last_commit(git_builds: dict) -> None:
    first, second = git_builds["first"], git_builds["second"]
    assert "最后修改：2026年1月10日" in text_of(first["zh", "clause"])
    assert "最后修改：2026年3月5日" in text_of(second["zh", "clause"])
    assert "Last changed: 5 March 2026" in text_of(second["en", "clause"])  # the clause, either language
    assert "最后修改：2026年1月10日" in text_of(second["zh", "other"])
    assert "Last changed: 10 January 2026" in text_of(second["en", "other"])
    assert 'href="../../../changes/"' in second["zh", "clause"]  # the date links to the what-changed page


def test_a_parameter_shows_the_date_its_definition_changed(git_builds: dict) -> None:
    second = git_builds["second"]
    assert "最后修改：2026年3月5日" in parameter_section(second["zh", "parameters"], PARAMETER)
    assert "Last changed: 5 March 2026" in parameter_section(second["en", "parameters"], PARAMETER)
    # minimum_wage.yaml changed, but not this parameter's definition
    assert "最后修改：2026年1月10日" in parameter_section(second["zh", "parameters"], SIBLING)


def assert_lists_the_change(pages: dict, current: str, current_en: str) -> None:
    zh, en = pages["zh", "changes"], pages["en", "changes"]
    zh_text, en_text = text_of(zh), text_of(en)
    assert f"本次发布：{current}；上一次发布：2026年1月15日。" in zh_text
    assert f"This build: {current_en}. Previous build: 15 January 2026." in en_text
    # exactly one clause and one parameter, changed; nothing added or removed
    assert zh_text.count("修改（1）") == 2 and "新增（" not in zh_text and "删除（" not in zh_text
    assert en_text.count("Changed (1)") == 2 and "Added (" not in en_text and "Removed (" not in en_text
    assert zh.count(f'href="../documents/{DOC}/') == 2 and f'href="../documents/{DOC}/{CLAUSE}/"' in zh
    assert f'href="../documents/{DOC}/parameters/#param-minimum-wage-class-1-monthly"' in zh
    # the Chinese page shows the word added to the official text; the English page says why it has none
    assert re.search(r"<ins><span[^>]*>［新增：</span>积极<span", zh)
    assert "<del>" not in zh.split('class="pp-diff"', 1)[1].split("</div>", 1)[0]
    assert "The English text is unchanged; only the Chinese original changed." in en_text
    assert "2015年3月1日起：每月1,600元 → 每月1,650元" in zh_text
    assert "From 1 March 2015: 1,600 yuan a month → 1,650 yuan a month" in en_text


def test_the_what_changed_page_lists_the_clause_and_the_parameter(git_builds: dict) -> None:
    assert_lists_the_change(git_builds["second"], "2026年3月10日", "10 March 2026")
    assert git_builds["manifest"]["dates_from"] == "git"
    assert git_builds["baseline"]["build_date"] == "2026-01-15"


def test_a_rebuild_without_changes_keeps_the_same_differences(git_builds: dict) -> None:
    assert_lists_the_change(git_builds["third"], "2026年3月20日", "20 March 2026")
    assert "最后修改：2026年3月5日" in text_of(git_builds["third"]["zh", "clause"])


def test_an_uncommitted_change_counts_as_changed_on_the_build_date(git_builds: dict) -> None:
    root = git_builds["root"]
    wages = root / "policy" / DOC / "parameters" / "minimum_wage.yaml"
    saved = wages.read_text(encoding="utf-8")
    try:
        wages.write_text(saved.replace("      2015-03-01: 16.0\n", "      2015-03-01: 16.5\n", 1), encoding="utf-8")  # SIBLING
        wages.write_text(wages.read_text(encoding="utf-8") + "# a comment is not a change\n", encoding="utf-8")
        day = dt.date(2026, 4, 1)
        history = prepare_history(load_site(root), day, root / "build" / "site")
        assert history.parameter_date(DOC, SIBLING) == day
        assert history.parameter_date(DOC, PARAMETER) == dt.date(2026, 3, 5)
        assert history.clause_date(DOC, CLAUSE) == dt.date(2026, 3, 5)
    finally:
        wages.write_text(saved, encoding="utf-8")


def test_without_git_the_manifest_carries_dates_forward(tmp_path: Path) -> None:
    """The build's own steps (prepare, generate, write into build/site) without rendering:
    a copied project has no git history, so each date comes from the previous manifest."""
    root = copy_project(tmp_path / "project")
    published = root / "build" / "site"
    day1, day2 = dt.date(2026, 2, 1), dt.date(2026, 2, 20)
    first = prepare_history(load_site(root), day1, published)
    assert first.manifest["dates_from"] == "manifest" and first.baseline is None
    # a first build of a copy knows no change dates: none is shown (not the build day)
    assert first.clause_date(DOC, CLAUSE) is None and first.parameter_date(DOC, PARAMETER) is None
    assert "最后修改" not in generate(edition_of(load_site(root), day1), "zh", first)[f"documents/{DOC}/{CLAUSE}.md"]
    write_history(first, published)
    change_content(root)
    site = load_site(root)
    second = prepare_history(site, day2, published)
    assert second.clause_date(DOC, CLAUSE) == day2
    assert second.clause_date(DOC, OTHER) is None
    assert second.parameter_date(DOC, PARAMETER) == day2
    assert second.parameter_date(DOC, SIBLING) is None
    zh = generate(edition_of(site, day2), "zh", second)
    assert "最后修改：2026年2月20日" in zh[f"documents/{DOC}/{CLAUSE}.md"]
    assert "最后修改" not in zh[f"documents/{DOC}/{OTHER}.md"]
    assert "本次发布：2026年2月20日；上一次发布：2026年2月1日。" in zh["changes.md"]
    assert "2015年3月1日起：每月1,600元 → 每月1,650元" in zh["changes.md"]
    # a third build with the same content keeps both the dates and the comparison
    write_history(second, published)
    third = prepare_history(load_site(root), dt.date(2026, 3, 1), published)
    assert third.clause_date(DOC, CLAUSE) == day2 and third.clause_date(DOC, OTHER) is None
    assert third.baseline is not None and third.baseline["build_date"] == "2026-02-01"


def test_a_preview_is_never_the_previous_build(tmp_path: Path) -> None:
    """`serve` builds are previews: the next build still compares with the last real one."""
    root = copy_project(tmp_path / "project")
    published = root / "build" / "site"
    write_history(prepare_history(load_site(root), dt.date(2026, 2, 1), published), published)
    change_content(root)
    site = load_site(root)
    write_history(prepare_history(site, dt.date(2026, 2, 5), published, preview=True), published)
    final = prepare_history(site, dt.date(2026, 2, 6), published)
    assert final.baseline is not None and final.baseline["build_date"] == "2026-02-01"
    assert final.clause_date(DOC, CLAUSE) == dt.date(2026, 2, 5)  # changed when previewed


def test_an_unreadable_manifest_is_one_error_line(tmp_path: Path) -> None:
    from policypress.errors import ContentErrors

    root = copy_project(tmp_path / "project")
    manifest = root / "build" / "site" / "changes" / "manifest.json"
    manifest.parent.mkdir(parents=True)
    manifest.write_text("{\n  oops\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        prepare_history(load_site(root), dt.date(2026, 2, 1), root / "build" / "site")
    (line,) = str(caught.value).splitlines()
    assert line.startswith("build/site/changes/manifest.json:2: the previous build's change record is not valid JSON")
    assert " — delete the folder build/site/changes/" in line


@pytest.mark.parametrize(
    ("old", "new", "lang", "expected"),
    [
        ("按每人1000元的标准", "按每人1200元的标准", "zh", "按每人<del>1000</del><ins>1200</ins>元的标准"),
        (
            "a one-off award of 1,000 yuan",
            "a one-off award of 1,200 yuan",
            "en",
            "a one-off award of <del>1,000</del><ins>1,200</ins> yuan",
        ),
        ("第一段。\n\n第二段。", "第一段。\n\n第二段。\n\n第三段。", "zh", "<p><ins>第三段。</ins></p>"),
    ],
)
def test_a_diff_marks_whole_words_and_numbers(old: str, new: str, lang: str, expected: str) -> None:
    shown = re.sub(r'<span class="pp-visually-hidden">[^<]*</span>', "", text_diff(old, new, lang))
    assert expected in shown
    assert 'class="pp-diff__gap"' not in shown.split("<p>")[-1]
