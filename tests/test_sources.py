"""A `reference` figure comes from another document, so a reader must be able to find that
document: its number (鲁政字〔2017〕NN号), an address or a named official publication. Where the
content names none, `check` warns once per parameter file and every page showing the figure's
source says 未注明文号 beside it, until the bureau names the source or sets the figure unset."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from conftest import copy_project
from policypress.cli import main
from policypress.content import Site, load_site
from policypress.i18n import t
from policypress.pages import generate
from policypress.schema import Reference
from policypress.standing import edition_of

DOC = "linyi-hrss-2016-12"
DAY = dt.date(2018, 6, 10)


@pytest.mark.parametrize(
    ("reference", "findable"),
    [
        ({"document": "临人社发〔2016〕12号"}, True),
        ({"document": "国发[2014]8号"}, True),
        ({"document": "山东省人民政府令第 311 号"}, True),
        ({"document": "山东省最低工资标准通知"}, False),
        ({"document": "山东省最低工资标准通知", "publication": "山东省人民政府公报 2017年第18期"}, True),
        ({"document": "山东省最低工资标准通知", "href": "https://example.gov.cn/notice.html"}, True),
        ({"document": "山东省城乡居民大病保险（2014年4月1日起）"}, False),
    ],
)
def test_what_counts_as_findable(reference: dict, findable: bool) -> None:
    assert Reference.model_validate(reference).findable is findable


def unfindable(site: Site) -> dict[Path, list[str]]:
    found: dict[Path, list[str]] = {}
    for doc in site.documents:
        for parameter in doc.parameters.values():
            if any(e.status == "reference" and e.reference is not None and not e.reference.findable for e in parameter.entries):
                found.setdefault(parameter.path, []).append(parameter.name)
    return found


def check_warnings(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0
    return [line for line in capsys.readouterr().err.splitlines() if "cite" in line and line.startswith("warning: ")]


def test_check_warns_once_per_file_with_the_count(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = unfindable(site)
    assert expected, "the real content has figures whose source the bureau has still to name"
    warnings = check_warnings(copy_project(tmp_path / "p"), capsys)
    assert len(warnings) == len(expected)
    for path, names in expected.items():
        rel = path.relative_to(site.root).as_posix()
        line = next(w for w in warnings if f" {rel}:" in w)
        assert f"{len(names)} reference figure" in line and names[0] in line
        assert "set status: unset" in line


def test_naming_the_source_ends_the_warning(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "p")
    path = root / "policy" / DOC / "parameters" / "pension.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "lowest_tier" in data
    text = path.read_text(encoding="utf-8")
    # a publication line under the figure's document line: a named source a reader can look up
    old = "    document: 山东省居民基本养老保险缴费档次\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, old + "    publication: 山东省人民政府公报（测试用）\n"), encoding="utf-8")
    warnings = check_warnings(root, capsys)
    assert not any("pension.yaml" in w for w in warnings)
    assert len(warnings) == len(unfindable(site)) - 1
    page = generate(edition_of(load_site(root), DAY), "zh")[f"documents/{DOC}/parameters.md"]
    assert "山东省人民政府公报（测试用）" in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_says_the_source_is_unnumbered(site: Site, lang: str) -> None:
    page = generate(edition_of(site, DAY), lang)[f"documents/{DOC}/parameters.md"]
    rows = [
        line
        for line in page.splitlines()
        if line.endswith("| 山东省最低工资标准通知" + t("source_unnumbered", lang) + " |") or line.endswith("| 山东省最低工资标准通知 |")
    ]
    assert rows and all(t("source_unnumbered", lang) in row for row in rows)
    numbered = [line for line in page.splitlines() if "临人社发〔2016〕12号" in line and line.startswith("|")]
    assert numbered and not any(t("source_unnumbered", lang) in row for row in numbered)
