"""`policypress new`: scaffolds that `policypress check` guides to completion."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import copy_project
from policypress.cli import main

DOC = "linyi-hrss-2016-12"
ERROR_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): .+ — .+$")


def _run(root: Path, *argv: str) -> int:
    return main(["--root", str(root), *argv])


def _errors(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert _run(root, "check") == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1].endswith(" error.") or lines[-1].endswith(" errors."), lines[-1]
    assert "published" not in lines[-1]  # check publishes nothing, so it never says so
    return lines[:-1]


def _assert_check_passes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code = _run(root, "check")
    assert code == 0, capsys.readouterr().err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_new_clause_is_guided_to_completion(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(project, "new", "clause", DOC, "m11-new-measure") == 0
    out = capsys.readouterr().out
    assert f"policy/{DOC}/m11-new-measure.zh.md" in out and f"policy/{DOC}/m11-new-measure.en.md" in out
    assert "next: run policypress check" in out

    new_files = {f"policy/{DOC}/m11-new-measure.zh.md", f"policy/{DOC}/m11-new-measure.en.md"}
    errors = _errors(project, capsys)
    assert errors
    for line in errors:
        match = ERROR_LINE.match(line)
        assert match, line
        assert match["path"] in new_files, line
    assert {ERROR_LINE.match(line)["path"] for line in errors} == new_files
    assert any(":3: 'number' is empty — write the text" in line for line in errors), errors

    folder = project / "policy" / DOC
    zh = (folder / "m11-new-measure.zh.md").read_text(encoding="utf-8")
    order = re.search(r"(?m)^order: (\d+)", zh)[1]
    # the texts written, the part and action still the scaffold's TODO: check answers with the ids they may be
    (folder / "m11-new-measure.zh.md").write_text(
        f"""---
id: m11-new-measure
number: 二(二)6
order: {order}
part: TODO
action: TODO
title: 新的扶持措施
summary: 有意愿创业的贫困人口可以到县区人社部门咨询创业扶持政策。
target_groups: [registered-poor]
benefit_types: [subsidies]
---
对有意愿创业的农村贫困人口，县区人社部门提供创业政策咨询服务。
""",
        encoding="utf-8",
    )
    (folder / "m11-new-measure.en.md").write_text(
        "---\nid: m11-new-measure\ntitle: A new support measure\nsummary: Poor people who want to start a business can ask about support.\n---\nThe county advises.\n",
        encoding="utf-8",
    )
    errors = [line for line in _errors(project, capsys) if "m11-new-measure.zh.md" in line]
    assert any(":5: unknown part 'TODO' — use one of the parts in document.yaml: " in line for line in errors), errors
    assert any(":6: unknown action 'TODO' — use one of the actions in document.yaml: " in line for line in errors), errors
    (folder / "m11-new-measure.zh.md").write_text(
        f"""---
id: m11-new-measure
number: 二(二)6
order: {order}
part: two
action: entrepreneurship
title: 新的扶持措施
summary: 有意愿创业的贫困人口可以到县区人社部门咨询创业扶持政策。
target_groups: [registered-poor]
benefit_types: [subsidies]
amounts: []
apply:
  where: 户籍所在县区人社部门
  documents: [身份证]
  reviewed_by: 县区人社部门
related: [m05-startup-support]
---
对有意愿创业的农村贫困人口，县区人社部门提供创业政策咨询服务。
""",
        encoding="utf-8",
    )
    (folder / "m11-new-measure.en.md").write_text(
        """---
id: m11-new-measure
title: A new support measure
summary: Poor people who want to start a business can ask the county's human resources and social security department about support.
apply:
  where: The human resources and social security department of the county where one's household is registered
  documents: [Identity card]
  reviewed_by: The county's human resources and social security department
---
The county's human resources and social security department advises rural poor people who want to start a business on the support policies.
""",
        encoding="utf-8",
    )
    _assert_check_passes(project, capsys)


def test_new_clause_after_moves_later_clauses_down(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project / "policy" / DOC
    before = re.search(r"(?m)^order: (\d+)", (folder / "m05-startup-support.zh.md").read_text(encoding="utf-8"))[1]
    assert _run(project, "new", "clause", DOC, "m05a-extra", "--after", "m05-startup-support") == 0
    new = re.search(r"(?m)^order: (\d+)", (folder / "m05a-extra.zh.md").read_text(encoding="utf-8"))[1]
    assert int(new) == int(before) + 1
    # only the new files are in error: no two clauses share an order
    for line in _errors(project, capsys):
        assert "/m05a-extra." in line, line


def test_new_document_is_guided_to_completion(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(project, "new", "document", "test-doc-2020-1") == 0
    out = capsys.readouterr().out
    assert "policy/test-doc-2020-1/document.yaml" in out and "next: run policypress check" in out
    folder = project / "policy" / "test-doc-2020-1"
    assert (folder / "parameters").is_dir() and (folder / "examples").is_dir()

    errors = _errors(project, capsys)
    assert errors
    for line in errors:
        match = ERROR_LINE.match(line)
        assert match, line
        assert match["path"] == "policy/test-doc-2020-1/document.yaml", line
    assert any("'TODO' is not a date (in 'signed')" in line for line in errors)

    (folder / "document.yaml").write_text(
        """id: test-doc-2020-1
number: 临人社发〔2020〕1号
title:
  zh: 关于测试的通知
  en: Notice on testing
short_title:
  zh: 测试通知
  en: Testing notice
issuers:
  - zh: 临沂市人力资源和社会保障局
    en: Linyi Human Resources and Social Security Bureau
addressees:
  zh: 各县区人力资源和社会保障局
  en: The human resources and social security bureaus of all counties and districts
signed: 2020-01-10
effective: 2020-02-01
expires: 2022-01-31
basis: []
supersedes: []
superseded_by: []
parts:
  - id: one
    number: 一
    title:
      zh: 总则
      en: General provisions
actions: []
attachments: []
""",
        encoding="utf-8",
    )
    # a document needs its text: check says so and how to add it
    assert any(
        "document.yaml:1: the document has no clauses — add its text clause by clause: policypress new clause" in line
        for line in _errors(project, capsys)
    )
    (folder / "g1-general.zh.md").write_text(
        "---\nid: g1-general\nnumber: 一\norder: 1\npart: one\ntitle: 总则\nsummary: 本通知适用于测试。\ntarget_groups: [staff]\nbenefit_types: [administration]\n---\n本通知适用于测试。\n",
        encoding="utf-8",
    )
    (folder / "g1-general.en.md").write_text(
        "---\nid: g1-general\ntitle: General provisions\nsummary: This notice applies to testing.\n---\nThis notice applies to testing.\n",
        encoding="utf-8",
    )
    _assert_check_passes(project, capsys)


def test_refuses_to_overwrite_or_bad_ids(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project / "policy" / DOC
    original = (folder / "m05-startup-support.zh.md").read_text(encoding="utf-8")
    document = (folder / "document.yaml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert _run(project, "new", "clause", DOC, "m05-startup-support") == 2
    assert "already exists" in capsys.readouterr().err
    assert _run(project, "new", "document", DOC) == 2
    assert "already exists" in capsys.readouterr().err
    assert (folder / "m05-startup-support.zh.md").read_text(encoding="utf-8") == original
    assert (folder / "document.yaml").read_text(encoding="utf-8") == document

    assert _run(project, "new", "clause", "no-such-doc", "m01-x") == 2
    assert "no document 'no-such-doc'" in capsys.readouterr().err
    assert _run(project, "new", "clause", DOC, "Bad_Id") == 2
    assert "not a valid clause id" in capsys.readouterr().err
    assert _run(project, "new", "document", "Bad Id") == 2
    assert "not a valid document id" in capsys.readouterr().err
    assert not (project / "policy" / "Bad Id").exists()
    assert not list(folder.glob("Bad_Id*"))
    _assert_check_passes(project, capsys)


# --- an editor publishes a second document of another shape, from the scaffold to the site ------

SECOND = "city-jobs-2025"
SECOND_DOCUMENT = """id: city-jobs-2025
number: 示人社发〔2025〕3号
title:
  zh: 示例市就业服务办法（测试用）
  en: Example City employment service measures (test)
short_title:
  zh: 就业服务办法（测试用）
  en: Employment service measures (test)
issuers:
  - zh: 示例市人力资源和社会保障局
    en: Example City Human Resources and Social Security Bureau
signed: 2025-01-10
effective: 2025-02-01
basis: []
supersedes: []
superseded_by: []
parts:
  - id: body
    number: ""
    title:
      zh: 正文
      en: Text
actions: []
attachments: []
"""


def _fill_clause(folder: Path, clause: str, number: str, title: tuple[str, str], text: tuple[str, str]) -> None:
    """What an editor types into the two files `new clause` wrote."""
    zh = (folder / f"{clause}.zh.md").read_text(encoding="utf-8")
    zh = (
        zh.replace('number: ""', f"number: {number}", 1)
        .replace("part: TODO", "part: body", 1)
        .replace('title: ""', f"title: {title[0]}", 1)
        .replace('summary: ""', f"summary: {text[0]}", 1)
        .replace("target_groups: [TODO]", "target_groups: [staff]", 1)
        .replace("benefit_types: [TODO]", "benefit_types: [administration]", 1)
    )
    zh = re.sub(r"(?m)^action: TODO.*\n", "", zh)
    zh = re.sub(r"(?ms)^apply:.*?^related:", "related:", zh)
    (folder / f"{clause}.zh.md").write_text(zh + text[0] + "\n", encoding="utf-8")
    en = (folder / f"{clause}.en.md").read_text(encoding="utf-8")
    en = en.replace('title: ""', f"title: {title[1]}", 1).replace('summary: ""', f"summary: {text[1]}", 1)
    en = re.sub(r"(?ms)^apply:.*?^#", "#", en)
    (folder / f"{clause}.en.md").write_text(en + text[1] + "\n", encoding="utf-8")


def test_an_editor_publishes_a_second_document_beside_the_first(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from policypress.build import build_site

    assert _run(project, "new", "document", SECOND) == 0
    folder = project / "policy" / SECOND
    (folder / "document.yaml").write_text(SECOND_DOCUMENT, encoding="utf-8")  # no expiry: the text states none
    for clause in ("a01-purpose", "a02-entry-into-force"):
        assert _run(project, "new", "clause", SECOND, clause) == 0
    errors = _errors(project, capsys)
    assert errors and all(ERROR_LINE.match(line)["path"].startswith(f"policy/{SECOND}/") for line in errors), errors
    _fill_clause(
        folder,
        "a01-purpose",
        "第一条",
        ("目的", "Purpose"),
        ("为做好就业服务，制定本办法。", "These measures are made for good employment services."),
    )
    _fill_clause(
        folder,
        "a02-entry-into-force",
        "第二条",
        ("施行日期", "Entry into force"),
        ("本办法自{{ document.effective }}起施行。", "These measures take effect on {{ document.effective }}."),
    )
    _assert_check_passes(project, capsys)

    site = build_site(project, today=dt.date(2026, 11, 27), quiet=True)
    for prefix in ("", "en/"):
        listing = (site / prefix / "documents" / "index.html").read_text(encoding="utf-8")
        assert listing.index(f"{SECOND}/") < listing.index(f"{DOC}/")  # in force first, the expired notice after
        clause = (site / prefix / "documents" / SECOND / "a01-purpose" / "index.html").read_text(encoding="utf-8")
        assert ("第一条" if not prefix else "Article 1") in clause
        document = (site / prefix / "documents" / SECOND / "index.html").read_text(encoding="utf-8")
        assert ("未规定有效期" if not prefix else "no expiry stated") in document
        assert "临人社发〔2016〕12号" not in clause  # nothing of the other document on its pages
        entry = (site / prefix / "documents" / SECOND / "a02-entry-into-force" / "index.html").read_text(encoding="utf-8")
        assert ("2025年2月1日" if not prefix else "1 February 2025") in entry  # the date from document.yaml
