"""Validity over time across documents: a newer notice that replaces this one is linked from both,
a notice not yet in force says when it starts, and the build date decides what is said."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import copy_project
from policypress.content import load_site
from policypress.pages import generate
from policypress.standing import edition_of

OLD = "linyi-hrss-2016-12"
NEW = "linyi-hrss-2026-30"
NEW_NUMBER = "临人社发〔2026〕30号"
BEFORE = dt.date(2026, 11, 27)  # the new notice is signed but not yet in force
AFTER = dt.date(2027, 3, 1)

NEW_DOCUMENT = f"""id: {NEW}
number: {NEW_NUMBER}
title:
  zh: 关于进一步做好就业和社会保障帮扶工作的通知
  en: Notice on further improving employment and social-security support
short_title:
  zh: 就业和社会保障帮扶通知
  en: Employment and social-security support notice
issuers:
  - zh: 临沂市人力资源和社会保障局
    en: Linyi Human Resources and Social Security Bureau
addressees:
  zh: 各县区人力资源和社会保障局
  en: The human resources and social security bureaus of all counties and districts
signed: 2026-11-20
effective: 2027-01-01
expires: null
basis: []
supersedes: [临人社发〔2016〕12号]
superseded_by: []
parts:
  - id: one
    number: 一
    title:
      zh: 总则
      en: General provisions
actions: []
attachments: []
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("relations"))
    folder = root / "policy" / NEW
    (folder / "parameters").mkdir(parents=True)
    (folder / "document.yaml").write_text(NEW_DOCUMENT, encoding="utf-8")
    (folder / "g1-general.zh.md").write_text(
        "---\nid: g1-general\nnumber: 一\norder: 1\npart: one\ntitle: 总则\nsummary: 本通知说明帮扶工作的安排。\n"
        "target_groups: [staff]\nbenefit_types: [administration]\n---\n做好就业和社会保障帮扶工作。\n",
        encoding="utf-8",
    )
    (folder / "g1-general.en.md").write_text(
        "---\nid: g1-general\ntitle: General provisions\nsummary: How the support work is arranged.\n---\nDo the support work well.\n",
        encoding="utf-8",
    )
    return root


def pages(project: Path, lang: str, day: dt.date) -> dict[str, str]:
    return generate(edition_of(load_site(project), day), lang)


def test_both_documents_link_to_each_other(project: Path) -> None:
    for lang in ("zh", "en"):
        shown = pages(project, lang, BEFORE)
        old, new = shown[f"documents/{OLD}/index.md"], shown[f"documents/{NEW}/index.md"]
        assert f"({NEW_NUMBER})](../{NEW}/index.md)" in old.replace("（", "(").replace("）", ")")
        assert f"(临人社发〔2016〕12号)](../{OLD}/index.md)" in new.replace("（", "(").replace("）", ")")
        # the old notice's clause pages say it too (the banner is on every page of a document)
        assert f"../{NEW}/index.md" in shown[f"documents/{OLD}/m02-public-welfare-jobs.md"]


def test_the_build_date_decides_not_yet_and_replaced(project: Path) -> None:
    before, after = pages(project, "zh", BEFORE), pages(project, "zh", AFTER)
    assert "本文件将于2027年1月1日起施行" in before[f"documents/{NEW}/index.md"]
    assert "尚未施行（2027年1月1日起施行）" in before["documents/index.md"]
    assert "本文件将自2027年1月1日起被" in before[f"documents/{OLD}/index.md"]
    assert "本文件已被" not in before[f"documents/{OLD}/index.md"]
    assert "现行有效" in after["documents/index.md"] and "尚未施行" not in after["documents/index.md"]
    assert "本文件已被[" in after[f"documents/{OLD}/index.md"]
    english = pages(project, "en", BEFORE)
    assert "This document comes into force on 1 January 2027" in english[f"documents/{NEW}/index.md"]
    assert "Not yet in force (from 1 January 2027)" in english["documents/index.md"]
    assert "will be replaced by [" in english[f"documents/{OLD}/index.md"]
