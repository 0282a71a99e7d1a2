"""Broken content is reported as exactly one `path:line: what is wrong — how to fix it` line.

Each case in tests/broken/<name>.yaml breaks a fresh copy of the real project in one way:

    description: what the case breaks
    edit:                     # one edit, or a list of them, applied to the copy
      file: policy/…          # path relative to the project root
      replace: {old: …, new: …}   # `old` must occur exactly once
      # or: write: "text" | write_bytes_hex: "…" | transcode: gbk | delete: true
      #     | copy_from: policy/… | append: "text"
    expect:
      path: policy/…          # the file the editor has to open
      at: "quote: 12个月内"     # the line the editor has to go to: the one line holding this text
      # or line: 1            # where the file has no such text (a missing or non-UTF-8 file)
      contains: "…"           # words the error must contain
    command: check            # optional; `build` for errors that only a build can find
    xfail: "…"                # optional; a known policypress bug (the test must fail)

The test asserts that the command exits 1 and prints exactly that one error and the summary
`1 error.` (`check` publishes nothing) or `1 error; nothing was published.` (`build`).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from policypress.cli import main

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "broken"
TODAY = "2026-11-27"
SUMMARY = {"check": "1 error.", "build": "1 error; nothing was published."}
EDIT_KINDS = ("replace", "write", "write_bytes_hex", "transcode", "delete", "copy_from", "append")
# Cases for the build test: fails while loading (two kinds) and fails after staging (search self-check).
BUILD_CASES = ("yaml-syntax-error-glossary", "not-utf8-clause", "search-check-misses")


class CaseError(Exception):
    """A case file is malformed or no longer applies to the real content (not a policypress bug)."""


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    edits: list[dict[str, Any]]
    path: str
    line: int | None
    at: str | None
    contains: str
    command: str
    xfail: str | None


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


def load_case(path: Path) -> Case:
    """Read and sanity-check one case file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CaseError(f"{path.name}: {exc}") from None
    if not isinstance(data, dict) or not {"description", "edit", "expect"} <= data.keys():
        raise CaseError(f"{path.name}: needs description, edit and expect")
    edits = data["edit"] if isinstance(data["edit"], list) else [data["edit"]]
    if ("line" in data["expect"]) == ("at" in data["expect"]):
        raise CaseError(f"{path.name}: expect needs either 'at' or 'line'")
    for edit in edits:
        kinds = [kind for kind in EDIT_KINDS if kind in edit]
        if "file" not in edit or len(kinds) != 1:
            raise CaseError(f"{path.name}: each edit needs 'file' and exactly one of {', '.join(EDIT_KINDS)}")
    expect = data["expect"]
    command = data.get("command", "check")
    if command not in ("check", "build"):
        raise CaseError(f"{path.name}: command must be check or build")
    return Case(
        name=path.stem,
        description=data["description"],
        edits=edits,
        path=expect["path"],
        line=int(expect["line"]) if "line" in expect else None,
        at=expect.get("at"),
        contains=expect["contains"],
        command=command,
        xfail=data.get("xfail"),
    )


def all_cases() -> list[Case]:
    return [load_case(path) for path in sorted(CASES.glob("*.yaml"))]


def case_params(cases: list[Case]) -> list[Any]:
    """One pytest param per case; a known bug is a strict xfail that only an assertion can satisfy."""
    params = []
    for case in cases:
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=case.xfail)] if case.xfail else []
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


def copy_project(target: Path, with_theme: bool = False) -> Path:
    """Copy the real policy/, docs/ and mkdocs.yml (and, for builds, the theme mkdocs.yml names)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "policy", target / "policy")
    shutil.copytree(REPO / "docs", target / "docs")
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    if with_theme:  # mkdocs.yml says custom_dir: policypress/theme, relative to the project root
        shutil.copytree(REPO / "policypress" / "theme", target / "policypress" / "theme")
    return target


def apply_edit(root: Path, edit: dict[str, Any]) -> None:
    """Apply one edit to the project copy at `root`; raises CaseError when it does not apply."""
    target = root / edit["file"]
    if "replace" in edit:
        old, new = edit["replace"]["old"], edit["replace"]["new"]
        text = target.read_text(encoding="utf-8")
        if text.count(old) != 1:
            raise CaseError(f"{edit['file']}: the text to replace occurs {text.count(old)} times, expected once: {old!r}")
        target.write_text(text.replace(old, new), encoding="utf-8")
    elif "write" in edit:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(edit["write"], encoding="utf-8")
    elif "write_bytes_hex" in edit:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(bytes.fromhex(edit["write_bytes_hex"]))
    elif "transcode" in edit:
        target.write_bytes(target.read_text(encoding="utf-8").encode(edit["transcode"]))
    elif "delete" in edit:
        if not target.exists():
            raise CaseError(f"{edit['file']}: nothing to delete")
        target.unlink()
    elif "copy_from" in edit:
        shutil.copy2(root / edit["copy_from"], target)
    elif "append" in edit:
        with target.open("a", encoding="utf-8") as handle:
            handle.write(edit["append"])


def break_project(root: Path, case: Case) -> None:
    for edit in case.edits:
        apply_edit(root, edit)


def run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> Result:
    """`policypress --root ROOT check`, in-process (fast)."""
    capsys.readouterr()
    code = main(["--root", str(root), "check"])
    out = capsys.readouterr()
    return Result(code, out.out, out.err)


def run_build(root: Path) -> Result:
    """`policypress --root ROOT build`, in a subprocess (MkDocs keeps global logging state)."""
    command = [sys.executable, "-m", "policypress", "--root", str(root), "build", "--today", TODAY, "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    return Result(done.returncode, done.stdout, done.stderr)


def error_lines(stderr: str) -> list[str]:
    """The error lines of a failed run: everything but jieba's chatter and the summary line."""
    noise = ("Building prefix dict", "Loading model", "Dumping model", "Prefix dict has been built")
    return [
        line for line in stderr.splitlines() if line.strip() and not line.startswith((*noise, "warning: ")) and ": warning: " not in line
    ]


def expected_line(root: Path, case: Case) -> int:
    """The line to fix: given, or the one line of the broken file that holds `at`."""
    if case.line is not None:
        return case.line
    lines = (root / case.path).read_text(encoding="utf-8").splitlines()
    found = [number for number, text in enumerate(lines, start=1) if case.at in text]
    if len(found) != 1:
        raise CaseError(f"{case.name}: {case.at!r} is on {len(found)} lines of {case.path}, expected one")
    return found[0]


def assert_one_error(result: Result, case: Case, line: int) -> None:
    lines = error_lines(result.stderr)
    shown = "\n".join(lines) or "(nothing on stderr)"
    assert result.code == 1, f"exit code {result.code}, expected 1; stderr:\n{shown}\nstdout:\n{result.stdout}"
    assert lines and lines[-1] == SUMMARY[case.command], f"last line should be {SUMMARY[case.command]!r}; got:\n{shown}"
    errors = lines[:-1]
    assert len(errors) == 1, f"expected exactly one error, got {len(errors)}:\n{shown}"
    pattern = rf"^{re.escape(case.path)}:{line}: .+ — .+$"
    assert re.match(pattern, errors[0]), f"expected an error at {case.path}:{line}, got:\n{errors[0]}"
    assert case.contains in errors[0], f"expected {case.contains!r} in:\n{errors[0]}"


def tree_hash(folder: Path) -> str:
    """A hash of every file under `folder`: relative paths and contents."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# --- tests ---------------------------------------------------------------------------------


def test_real_content_has_no_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The untouched copy every case starts from passes `policypress check`."""
    result = run_check(copy_project(tmp_path / "project"), capsys)
    assert result.code == 0, result.stderr
    # Warnings only (a figure whose source the bureau has still to name: tests/test_sources.py)
    assert all(line.startswith("warning: ") for line in result.stderr.splitlines()), result.stderr
    assert result.stdout.startswith("ok: 1 document(s)")


def test_case_files_are_well_formed() -> None:
    """Every case file loads, names distinct cases, and the build test's cases exist."""
    cases = all_cases()
    assert len(cases) >= 12
    names = {case.name for case in cases}
    assert set(BUILD_CASES) <= names
    for case in cases:
        assert case.description.strip() and case.contains.strip() and (case.at or case.line >= 1)


@pytest.mark.parametrize("case", case_params(all_cases()))
def test_broken_content_gives_one_located_error(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The broken copy fails with exit 1 and exactly one error, on the file and line to fix."""
    root = copy_project(tmp_path / "project", with_theme=case.command == "build")
    break_project(root, case)
    result = run_check(root, capsys) if case.command == "check" else run_build(root)
    assert_one_error(result, case, expected_line(root, case))
    assert not (root / "build" / "site").exists(), "a failed run must not publish a site"


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real project with a successful build in build/."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project", with_theme=True)
    result = run_build(root)
    assert result.code == 0, result.stderr
    return root


@pytest.mark.parametrize("name", BUILD_CASES)
def test_failed_build_leaves_published_site_untouched(name: str, built_project: Path, tmp_path: Path) -> None:
    """On broken content `build` exits 1, build/ (site and docs) is byte-for-byte unchanged, no staging is left."""
    case = load_case(CASES / f"{name}.yaml")
    root = tmp_path / "project"
    shutil.copytree(built_project, root)
    before = tree_hash(root / "build")
    assert (root / "build" / "site" / "index.html").is_file()
    break_project(root, case)
    result = run_build(root)
    assert result.code == 1, result.stderr
    assert error_lines(result.stderr)[-1] == SUMMARY["build"]
    assert sorted(p.name for p in (root / "build").iterdir()) == ["docs", "site"], "leftover staging or old folders"
    assert tree_hash(root / "build") == before, "the failed build changed the published build"
