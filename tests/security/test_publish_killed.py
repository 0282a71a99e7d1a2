"""A build killed at any moment leaves the previous complete build/site (and build/docs), and
the next build removes what the killed one left; two builds at once both publish whole sites.

The kills are SIGKILL to `policypress build` and the engine processes it started, at fixed
fractions of one measured build and at fixed delays after the moment the build is about to
publish (seen from outside: its staged service worker, among the last files it writes, appears)
and while it removes the previous site.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUILD_DAY, copy_project
from policypress.staging import exchange, new_staging, remove_stale, swap_in

ENTRY_POINT = Path(sys.executable).with_name("policypress")
FRACTIONS = (0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.97)  # of one measured build
AFTER_STAGED = (0.0, 0.005, 0.02, 0.05, 0.1, 0.3)  # seconds after the staged service worker appears
TIMEOUT = 600  # seconds any one build may take on a busy machine


def start(root: Path, day: dt.date) -> subprocess.Popen[bytes]:
    """`policypress build` in its own process group (the group is what a kill takes down)."""
    command = [str(ENTRY_POINT), "--root", str(root), "build", "--today", day.isoformat(), "--quiet"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def group_alive(process: subprocess.Popen[bytes]) -> bool:
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        return False
    return True


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL to the build and every process it started; returns when all of them are gone."""
    if group_alive(process):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert process.stderr is not None
    process.stderr.close()
    deadline = time.monotonic() + 60
    while group_alive(process):
        assert time.monotonic() < deadline, "the killed build's processes did not end"
        time.sleep(0.05)


def finish(process: subprocess.Popen[bytes]) -> None:
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, stderr.decode("utf-8", "replace")


def published_date(build: Path) -> str:
    """The build date of the site in build/site, asserting that it is one whole site: the pages,
    the service worker and every file it precaches, the change manifest; and a docs tree."""
    site = build / "site"
    assert site.is_dir() and not site.is_symlink(), "build/site is missing"
    for name in ("index.html", "en/index.html", "sw.js", "changes/manifest.json", "pyodide/pyodide.asm.wasm"):
        assert (site / name).is_file(), f"build/site/{name} is missing"
    worker = (site / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker).group(1))
    assert len(precache) > 50
    missing = [path for path in precache if not (site / path / "index.html" if path.endswith("/") else site / path).is_file()]
    assert not missing, f"build/site lacks files its service worker lists: {missing[:5]}"
    assert (build / "docs" / "zh" / "index.md").is_file() and (build / "docs" / "en" / "index.md").is_file()
    return json.loads((site / "changes" / "manifest.json").read_text(encoding="utf-8"))["build_date"]


def leftovers(build: Path) -> list[str]:
    return sorted(name for name in os.listdir(build) if name not in ("docs", "site"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A copy of the project with a complete build, and how long a build takes (the second: the
    first also fills caches)."""
    root = copy_project(tmp_path_factory.mktemp("killed") / "project")
    finish(start(root, BUILD_DAY - dt.timedelta(days=1)))
    started = time.monotonic()
    finish(start(root, BUILD_DAY))
    took = time.monotonic() - started
    assert published_date(root / "build") == BUILD_DAY.isoformat() and leftovers(root / "build") == []
    return root, took


def test_a_build_killed_at_any_moment_leaves_the_previous_complete_site(built: tuple[Path, float], tmp_path: Path) -> None:
    source, took = built
    root = tmp_path / "project"
    shutil.copytree(source, root, symlinks=True)
    build = root / "build"
    expected = BUILD_DAY.isoformat()
    day = BUILD_DAY
    for fraction in FRACTIONS:  # spread over the build
        day += dt.timedelta(days=1)  # each attempt builds another date, so its site is told apart
        process = start(root, day)
        time.sleep(fraction * took)
        kill_group(process)
        now = published_date(build)
        assert now in (expected, day.isoformat()), (fraction, now)
        expected = now
        assert all(name.startswith(".staging-") for name in leftovers(build)), leftovers(build)
    for delay in AFTER_STAGED:  # while publishing, and while removing the previous site
        day += dt.timedelta(days=1)
        earlier = set(build.glob(".staging-*"))  # what the last kill left, until this build removes it
        process = start(root, day)
        deadline = time.monotonic() + TIMEOUT
        while not [path for path in build.glob(".staging-*/site/sw.js") if path.parent.parent not in earlier]:
            assert process.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.001)
        time.sleep(delay)
        kill_group(process)
        now = published_date(build)
        assert now in (expected, day.isoformat()), (delay, now)
        expected = now
    # And one killed right after it published, while it removes the previous site (the steps
    # after staging, compression included, take long enough that the delays above may all land
    # before the exchange).
    day += dt.timedelta(days=1)
    process = start(root, day)
    deadline = time.monotonic() + TIMEOUT
    while published_date(build) != day.isoformat():
        assert process.poll() is None, "the build ended without publishing"
        assert time.monotonic() < deadline
        time.sleep(0.001)
    kill_group(process)
    assert published_date(build) == day.isoformat()
    day += dt.timedelta(days=1)
    finish(start(root, day))
    assert published_date(build) == day.isoformat()
    assert leftovers(build) == [], "the next build left staging or old folders"


def test_a_staging_folder_stays_while_a_process_of_its_killed_build_runs(built: tuple[Path, float], tmp_path: Path) -> None:
    """Only the build's own process killed: its engine processes still write into the staging
    folder, so another build does not remove it until they have ended."""
    source, _ = built
    root = tmp_path / "project"
    shutil.copytree(source, root, symlinks=True)
    build = root / "build"
    process = start(root, BUILD_DAY + dt.timedelta(days=1))
    deadline = time.monotonic() + TIMEOUT
    while not list(build.glob(".staging-*/mkdocs.en.yml")):  # written just before the engine starts
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.3)
    (staging,) = build.glob(".staging-*")
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    try:
        assert group_alive(process), "the engine ended before the test could look"
        assert remove_stale(build) == [] and staging.is_dir()
    finally:
        kill_group(process)
    assert remove_stale(build) == [staging] and not staging.exists()
    assert published_date(build) == BUILD_DAY.isoformat()


def test_two_builds_at_once_each_publish_a_whole_site(built: tuple[Path, float], tmp_path: Path) -> None:
    """`serve`'s rebuild and a manual build at the same time: both succeed, the site is one of
    the two, and nothing is left over."""
    source, _ = built
    root = tmp_path / "project"
    shutil.copytree(source, root, symlinks=True)
    days = (BUILD_DAY + dt.timedelta(days=1), BUILD_DAY + dt.timedelta(days=2))
    processes = [start(root, day) for day in days]
    for process in processes:
        finish(process)
    assert published_date(root / "build") in {day.isoformat() for day in days}
    assert leftovers(root / "build") == []


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    (a / "new").write_text("new")
    assert not exchange(a, b)  # nothing at b yet
    swap_in(a, b)
    assert (b / "new").is_file() and not a.exists()
    a.mkdir()
    (a / "newer").write_text("newer")
    swap_in(a, b)
    assert (b / "newer").is_file() and (a / "new").is_file()


def test_cleaning_up_never_follows_a_link_and_spares_what_is_in_use(tmp_path: Path) -> None:
    build, outside = tmp_path / "build", tmp_path / "outside"
    build.mkdir()
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    (build / ".staging-link").symlink_to(outside, target_is_directory=True)
    in_use, lock = new_staging(build)
    stale = build / ".staging-stale"
    (stale / "site").mkdir(parents=True)
    legacy_old, legacy_new = build / ".old-site-1", build / ".old-site-2"
    legacy_old.mkdir()
    legacy_new.mkdir()
    os.utime(legacy_old, (time.time() - 3600, time.time() - 3600))
    try:
        assert remove_stale(build) == [stale, legacy_old]
        assert in_use.is_dir() and legacy_new.is_dir() and (outside / "keep.txt").is_file()
    finally:
        os.close(lock)
    assert remove_stale(build) == [in_use]
    assert (outside / "keep.txt").is_file() and (build / ".staging-link").is_symlink()
