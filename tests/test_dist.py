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
import yaml
from playwright.sync_api import Browser, Route

from conftest import IN_FORCE_DAY, copy_project
from policypress.build import build_site
from policypress.dist import LocalSiteUrl, make_dist
from policypress.i18n import PUBLICITY_STRINGS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_archive_matches_its_checksum_and_serves_the_site_with_the_right_types(built: Path, tmp_path: Path) -> None:
    archive, checksum = make_dist(built.parent.parent, allow_local_site_url=True)
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
    """The real site (built for policy/site.yaml's address, on this computer) packed as a booth
    laptop would be, told that its codes are local, and unpacked in `target`."""
    archive, _ = make_dist(built.parent.parent, allow_local_site_url=True)
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


# --- a site whose QR codes would open nowhere is not packed unless told -------------------------

CLI = [sys.executable, "-m", "policypress"]


def test_the_real_site_built_for_this_computer_is_refused_and_says_how_to_go_on(built: Path) -> None:
    root = built.parent.parent
    assert yaml.safe_load((root / "policy" / "site.yaml").read_text(encoding="utf-8"))["site_url"].startswith("http://127.")
    (root / "dist").mkdir(exist_ok=True)
    for old in (root / "dist").iterdir():
        old.unlink()
    with pytest.raises(LocalSiteUrl) as refused:
        make_dist(root)
    assert "this computer" in str(refused.value) and "--allow-local-site-url" in str(refused.value)
    assert list((root / "dist").iterdir()) == []  # nothing written
    command = subprocess.run([*CLI, "--root", str(root), "dist"], capture_output=True, text=True, timeout=120)
    assert command.returncode == 1 and list((root / "dist").iterdir()) == []
    assert "policy/site.yaml" in command.stderr and "ALLOW_LOCAL_SITE_URL=1" in command.stderr
    told = subprocess.run([*CLI, "--root", str(root), "dist", "--allow-local-site-url"], capture_output=True, text=True, timeout=300)
    assert told.returncode == 0, told.stderr
    assert sorted(p.name for p in (root / "dist").iterdir()) == ["policypress-site.tar.gz", "policypress-site.tar.gz.sha256"]


def set_site_url(root: Path, url: str) -> None:
    path = root / "policy" / "site.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("site_url:"))
    path.write_text(text.replace(old, f"site_url: {url}"), encoding="utf-8")


def test_a_build_for_a_private_address_warns_marks_its_sheets_and_is_not_packed_and_a_published_one_is(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path / "project")
    set_site_url(root, "http://192.168.1.20:8000/")
    site = build_site(root, today=IN_FORCE_DAY, quiet=True)
    warning = capfd.readouterr().err
    line = next(n for n, text in enumerate((root / "policy" / "site.yaml").read_text().splitlines(), 1) if text.startswith("site_url:"))
    assert f"policy/site.yaml:{line}: warning: site_url http://192.168.1.20:8000/ is a private network address" in warning
    assert "ALLOW_LOCAL_SITE_URL=1" in warning
    leaflet = (site / "publicity-week" / "m02-public-welfare-jobs" / "index.html").read_text(encoding="utf-8")
    assert PUBLICITY_STRINGS["qr_private_title"]["zh"] in leaflet
    with pytest.raises(LocalSiteUrl, match="private network"):
        make_dist(root)

    set_site_url(root, "https://hrss.example.gov.cn/policy/")
    site = build_site(root, today=IN_FORCE_DAY, quiet=True)
    assert "site_url" not in capfd.readouterr().err
    for lang, prefix in (("zh", ""), ("en", "en/")):
        leaflet = (site / prefix / "publicity-week" / "m02-public-welfare-jobs" / "index.html").read_text(encoding="utf-8")
        assert "https://hrss.example.gov.cn/policy/" in leaflet
        assert PUBLICITY_STRINGS["qr_private_title"][lang] not in leaflet and PUBLICITY_STRINGS["qr_local_title"][lang] not in leaflet
    archive, _ = make_dist(root)  # no flag needed
    assert archive.is_file()
