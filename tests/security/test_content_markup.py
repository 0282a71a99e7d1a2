"""Script, handler, style and javascript: payloads written into every kind of content field are
refused by `policypress check` with one located error, and nothing is published.

The cases in tests/security/content/ use the broken-content corpus's format (see
tests/test_broken_content.py): each breaks a fresh copy of the real project in one way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_broken_content import assert_one_error, break_project, case_params, copy_project, expected_line, load_case, run_check

CASES = Path(__file__).resolve().parent / "content"


def security_cases() -> list:
    return [load_case(path) for path in sorted(CASES.glob("*.yaml"))]


def test_the_corpus_reaches_every_kind_of_content_field() -> None:
    """Clause front matter and texts in both languages, the glossary, parameters, examples, the
    document, the site settings, the vocabulary, the areas and the hand-written pages."""
    edited = {case.path for case in security_cases()}
    assert {"policy/glossary.yaml", "policy/site.yaml", "policy/vocabulary.yaml", "policy/areas.yaml"} <= edited
    assert any(path.endswith(".zh.md") for path in edited) and any(path.endswith(".en.md") for path in edited)
    assert any("/parameters/" in path for path in edited) and any("/examples/" in path for path in edited)
    assert any(path.endswith("document.yaml") for path in edited) and any(path.startswith("docs/") for path in edited)
    assert len(edited) >= 8


@pytest.mark.parametrize("case", case_params(security_cases()))
def test_markup_in_content_is_one_located_error(case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    break_project(root, case)
    result = run_check(root, capsys)
    assert_one_error(result, case, expected_line(root, case))
    assert not (root / "build").exists()
