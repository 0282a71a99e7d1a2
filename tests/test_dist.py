"""make dist: one archive with a checksum, which unpacks anywhere and serves itself."""

from __future__ import annotations

import contextlib
import hashlib
import json
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Route

from policypress.dist import make_dist


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_archive_matches_its_checksum_and_serves_the_site_with_the_right_types(built: Path, tmp_path: Path) -> None:
    archive, checksum = make_dist(built.parent.parent)
    digest, name = checksum.read_text(encoding="utf-8").split()
    assert name == archive.name and digest == hashlib.sha256(archive.read_bytes()).hexdigest()
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    folder = tmp_path / "policypress-site"
    assert (folder / "site" / "index.html").is_file() and (folder / "site" / "pyodide" / "pyodide.asm.wasm").is_file()
    with bundle_server(folder) as url, urllib.request.urlopen(url + "pyodide/pyodide.asm.wasm") as wasm:
        assert wasm.headers["Content-Type"] == "application/wasm"


@contextlib.contextmanager
def bundle_server(folder: Path) -> Iterator[str]:
    """The unpacked bundle's own server, run with the documented command."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(folder / "serve.py"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/") as page:
                    assert "Linyi" in page.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("serve.py did not answer")
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def unpack(built: Path, target: Path) -> Path:
    archive, _ = make_dist(built.parent.parent)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target / "policypress-site"


@pytest.mark.browser
def test_a_calculator_works_from_the_unpacked_bundle_with_no_internet(built: Path, tmp_path: Path, browser: Browser) -> None:
    """The booth laptop: unpack on another folder, serve with the documented command, and use a
    calculator while every request to any other host fails (no internet)."""
    folder = unpack(built, tmp_path / "booth")
    with bundle_server(folder) as url:
        context = browser.new_context()
        outside: list[str] = []

        def only_the_laptop(route: Route) -> None:
            if route.request.url.startswith(url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort("internetdisconnected")

        context.route("**/*", only_the_laptop)
        page = context.new_page()
        answers = quote(json.dumps({"eligible_costs": "170000", "registered_poor": True, "date": "2018-01-01"}))
        page.goto(url + "en/calculators/critical-illness/#answers=" + answers)
        page.wait_for_selector(".pp-result:not([hidden])", timeout=60_000)
        assert "97,750" in page.inner_text(".pp-result")
        assert outside == []
        context.close()
