"""The Publicity Week's month is the figure of the document that holds the week (site.yaml
`publicity_week.month: DOC/PARAMETER`), not a second copy of it in site.yaml: while that document
is in force the kit comes first in that month; once it has expired no month is claimed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import copy_project
from policypress.cli import main
from policypress.content import Site, publicity_month_parameter
from policypress.i18n import PUBLICITY_STRINGS
from policypress.publicity import INDEX_PATH, publicity_pages, publicity_week_month, publicity_week_now
from policypress.standing import edition_of

IN_FORCE_JUNE, EXPIRED_JUNE = dt.date(2018, 6, 10), dt.date(2026, 6, 10)


def test_the_month_is_the_documents_figure(site: Site) -> None:
    assert site.config.publicity_week is not None
    found = publicity_month_parameter(site, site.config.publicity_week.month)
    assert found is not None
    doc, parameter = found
    month = int(parameter.value_on(IN_FORCE_JUNE))
    assert publicity_week_month(site, IN_FORCE_JUNE) == (month, True)
    assert publicity_week_now(site, IN_FORCE_JUNE.replace(month=month))
    assert not publicity_week_now(site, IN_FORCE_JUNE.replace(month=month % 12 + 1))


def test_after_the_document_expired_the_week_is_not_claimed(site: Site) -> None:
    assert not publicity_week_now(site, EXPIRED_JUNE)
    for lang in ("zh", "en"):
        index = publicity_pages(edition_of(site, EXPIRED_JUNE), lang)[INDEX_PATH]
        assert PUBLICITY_STRINGS["lead_undated"][lang] in index
        assert PUBLICITY_STRINGS["now"][lang] not in index


def run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 1
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("policy/")]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def test_the_old_field_says_where_the_month_went(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "p")
    site_yaml = root / "policy" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "publicity_week_month: 6\n", encoding="utf-8")
    errors = run_check(root, capsys)
    assert len(errors) == 1
    assert errors[0].startswith(
        f"policy/site.yaml:{line_of(site_yaml, 'publicity_week_month')}: 'publicity_week_month' is no longer a field here — "
    )
    assert "month: DOC-ID/PARAMETER" in errors[0]


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (
            "linyi-hrss-2016-12/publicity.week_mnth",
            "has no parameter 'publicity.week_mnth' — use one of the parameters under policy/linyi-hrss-2016-12/parameters/: publicity.week_month, ",
        ),
        (
            "linyi-hrss-2016-21/publicity.week_month",
            "names no document 'linyi-hrss-2016-21' — use one of the documents: linyi-hrss-2016-12",
        ),
        ("linyi-hrss-2016-12/statistics.report_due_days", "is not a month"),
    ],
)
def test_a_wrong_month_reference_is_one_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reference: str, expected: str
) -> None:
    root = copy_project(tmp_path / "p")
    site_yaml = root / "policy" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(text.replace("month: linyi-hrss-2016-12/publicity.week_month", f"month: {reference}"), encoding="utf-8")
    errors = run_check(root, capsys)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"policy/site.yaml:{line_of(site_yaml, 'month: ' + reference)}: ")
    assert expected in errors[0]


def test_the_weeks_name_is_used_only_while_its_document_is_in_force(site: Site) -> None:
    week = site.config.publicity_week
    assert week is not None
    for lang in ("zh", "en"):
        held = publicity_pages(edition_of(site, IN_FORCE_JUNE), lang)[INDEX_PATH]
        ended = publicity_pages(edition_of(site, EXPIRED_JUNE), lang)[INDEX_PATH]
        assert f"# {getattr(week.title, lang)}\n" in held
        assert getattr(week.title, lang) not in ended and f"# {PUBLICITY_STRINGS['title'][lang]}\n" in ended
