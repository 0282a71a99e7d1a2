"""Shared fixtures: a copy of the project's content, and one real site built from it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from policypress.build import build_site
from policypress.content import Site, load_site

# CI (CI=true) draws the same examples every run, so it never fails at random; a local run
# keeps searching new ones (and its failures are replayed from .hypothesis/).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
# The notice as extracted from its PDF: the document's own source file, kept with its content.
SEED = ROOT / "policy" / "linyi-hrss-2016-12" / "source.zh.txt"
BUILD_DAY = dt.date(2026, 11, 27)
IN_FORCE_DAY = dt.date(2018, 6, 10)


def copy_project(target: Path) -> Path:
    """Copy what a build reads (content, hand-written pages, engine config) into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "policy", target / "policy")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


# Test data of other shapes (fictional documents, ids fixture-…), never part of policy/.
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_project_with_fixtures(target: Path) -> Path:
    """copy_project, plus the fixture documents (tests/fixtures/policy/: document folders and
    units.yaml) in the copy's policy/, and their calculators (tests/fixtures/calculators/<package>/)
    in the copy's own calculators/ folder beside policy/."""
    copy_project(target)
    for item in sorted((FIXTURES / "policy").iterdir()):
        if item.is_dir():
            shutil.copytree(item, target / "policy" / item.name)
        else:
            assert not (target / "policy" / item.name).exists(), f"policy/{item.name} exists: the fixtures would replace it"
            shutil.copy(item, target / "policy" / item.name)
    for package in sorted((FIXTURES / "calculators").iterdir()):
        if package.is_dir():
            shutil.copytree(package, target / "calculators" / package.name, ignore=shutil.ignore_patterns("__pycache__"))
    forget_other_projects_calculators()
    return target


def forget_other_projects_calculators() -> None:
    """Drop the calculator modules an earlier test imported from another copy of the project: a
    package of the same name in this copy would otherwise be found in sys.modules, from there."""
    own = str(ROOT / "calculators")
    for name, module in list(sys.modules.items()):
        where = str(getattr(module, "__file__", "") or "")
        if name.startswith("calculators.") and where and not where.startswith(own):
            del sys.modules[name]


@pytest.fixture(scope="session")
def site() -> Site:
    return load_site(ROOT)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the session as of BUILD_DAY; returns build/site."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    return build_site(root, today=BUILD_DAY, quiet=True)


@pytest.fixture(scope="session")
def built_in_force(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built on a day its notice was in force (and in Publicity Week month): what a
    booth printed then. Returns build/site."""
    root = copy_project(tmp_path_factory.mktemp("project-in-force"))
    return build_site(root, today=IN_FORCE_DAY, quiet=True)


@pytest.fixture(scope="module")
def base_url_in_force(built_in_force: Path) -> Iterator[str]:
    with serve(built_in_force) as url:
        yield url


@pytest.fixture(scope="module")
def base_url(built: Path) -> Iterator[str]:
    """The built site served on a free localhost port (for the browser tests)."""
    with serve(built) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless, driven by Playwright."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
