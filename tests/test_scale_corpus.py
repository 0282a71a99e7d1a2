"""The scale benchmark's corpus (bench/scale.py), tiny: valid content that builds a page for every
clause in both languages. No timing is asserted here; `make bench-scale` reports it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import BUILD_DAY, ROOT
from policypress.build import build_site
from policypress.cli import main
from policypress.content import LANGS, load_site
from policypress.pages import clause_path, page_url

DOCUMENTS, CLAUSES = 2, 3


def load_scale() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scale() -> ModuleType:
    return load_scale()


@pytest.fixture(scope="module")
def corpus(scale: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scale.generate_corpus(tmp_path_factory.mktemp("scale") / "project", DOCUMENTS, CLAUSES)


def generated(scale: ModuleType) -> list[tuple[int, str]]:
    """(index, id) of each generated document."""
    return [(index, scale.document_id(index)) for index in range(1, DOCUMENTS + 1)]


def test_check_accepts_the_corpus(corpus: Path, scale: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(corpus), "check"]) == 0, capsys.readouterr().out
    site = load_site(corpus)
    for index, doc_id in generated(scale):
        doc = site.document(doc_id)
        assert doc is not None
        assert [c.id for c in doc.clauses] == [scale.clause_id(index, n) for n in range(1, CLAUSES + 1)]
        assert all(clause.body[lang].count("\n\n") >= 2 for clause in doc.clauses for lang in LANGS)  # a few paragraphs
        assert not doc.examples
    assert site.documents[0].id == "linyi-hrss-2016-12"  # the real document stays the first


def test_the_corpus_is_the_same_every_time(corpus: Path, scale: ModuleType, tmp_path: Path) -> None:
    again = scale.generate_corpus(tmp_path / "again", DOCUMENTS, CLAUSES)
    for _, doc_id in generated(scale):
        first = sorted((corpus / "policy" / doc_id).rglob("*"))
        assert [p.relative_to(corpus) for p in first] == [p.relative_to(again) for p in sorted((again / "policy" / doc_id).rglob("*"))]
        for path in first:
            if path.is_file():
                assert path.read_bytes() == (again / path.relative_to(corpus)).read_bytes()


def test_build_has_a_page_for_every_clause_in_both_languages(corpus: Path, scale: ModuleType) -> None:
    site_dir = build_site(corpus, today=BUILD_DAY, quiet=True)
    site = load_site(corpus)
    for _, doc_id in generated(scale):
        doc = site.document(doc_id)
        assert doc is not None
        for clause in doc.clauses:
            url = page_url(clause_path(clause))
            for lang, folder in (("zh", site_dir), ("en", site_dir / "en")):
                assert (corpus / "build" / "docs" / lang / clause_path(clause)).is_file()
                page = (folder / url / "index.html").read_text(encoding="utf-8")
                assert clause.title(lang) in page
