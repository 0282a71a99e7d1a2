"""Calculators are found by name (pages, `policypress calc`): two documents' calculators with one
name would hide one of them, so `check` says which and where instead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import calculators
from conftest import FIXTURES, copy_project_with_fixtures, forget_other_projects_calculators
from policypress.cli import main

LINYI_NAME = "startup-subsidy"  # a calculator of the real notice's package (calculators/linyi_hrss_2016_12/)
FIXTURE_PACKAGE = "fixture_jobs_2024"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A copy with the fixtures; afterwards the `calculators` package forgets the copy's folder
    and the modules imported from it (the next test's copy is another folder)."""
    searched = list(calculators.__path__)
    root = copy_project_with_fixtures(tmp_path / "project")
    yield root
    calculators.__path__[:] = searched
    forget_other_projects_calculators()


def test_a_clashing_calculator_name_is_one_located_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert LINYI_NAME in calculators.calculators("linyi_hrss_2016_12")
    source = (FIXTURES / "calculators" / FIXTURE_PACKAGE / "internship_subsidy.py").read_text(encoding="utf-8")
    clash = source.replace('name="fixture-internship-subsidy"', f'name="{LINYI_NAME}"')
    assert clash != source
    (project / "calculators" / FIXTURE_PACKAGE / "second_startup.py").write_text(clash, encoding="utf-8")

    assert main(["--root", str(project), "check"]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if "calculator named" in line]
    document = (project / "policy" / "fixture-jobs-2024" / "document.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(document, start=1) if text.startswith("calculators:"))
    assert errors == [
        f"policy/fixture-jobs-2024/document.yaml:{line}: calculators/{FIXTURE_PACKAGE}/ defines a calculator named "
        f"'{LINYI_NAME}', a name calculators/linyi_hrss_2016_12/ already uses — rename one of them (Calculator(name=…)): "
        "a page and `policypress calc` find calculators by name"
    ]


def test_without_a_clash_the_fixtures_check_clean(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "check"]) == 0, capsys.readouterr().err
