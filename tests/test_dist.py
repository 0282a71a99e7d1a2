"""make dist: one archive with a checksum, which unpacks anywhere and serves itself."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

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
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/pyodide/pyodide.asm.wasm") as wasm:
            assert wasm.headers["Content-Type"] == "application/wasm"
    finally:
        server.terminate()
        server.wait(timeout=10)
