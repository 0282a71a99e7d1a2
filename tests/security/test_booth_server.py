"""The booth laptop's server (serve.py in what `make dist` ships) under a crowd: 50 phones at
once each load the calculator runtime and a page, and every one gets every file whole.

Bounded: 50 clients × a fixed list of files, a timeout on every request, and the whole run
stops by itself. The server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import hashlib
import http.client
import importlib.util
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from test_dist import bundle_server, unpack

CLIENTS = 50
REQUEST_TIMEOUT = 120  # seconds, each request
RUN_TIMEOUT = 600  # seconds, the whole crowd


def runtime_files(site: Path) -> dict[str, Path]:
    """The URL paths a calculator's first visit needs, with the file each must deliver."""
    files = {
        path.relative_to(site).as_posix(): path
        for path in sorted((site / "pyodide").iterdir())
        if path.suffix in (".wasm", ".mjs", ".js", ".json", ".zip")
    }
    assert {"pyodide/pyodide.asm.wasm", "pyodide/pyodide.mjs", "pyodide/pyodide-lock.json", "pyodide/python_stdlib.zip"} <= set(files)
    files["en/"] = site / "en" / "index.html"
    files[""] = site / "index.html"
    return files


def fetch(url: str, path: str) -> tuple[tuple[int, str], float]:
    """GET url+path on a connection of its own: (length, sha256) and how long connecting took."""
    address = urlparse(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=REQUEST_TIMEOUT)
    try:
        began = time.monotonic()
        connection.connect()
        connected = time.monotonic() - began
        connection.request("GET", "/" + path)
        response = connection.getresponse()
        assert response.status == 200, (path, response.status)
        digest, length = hashlib.sha256(), 0
        while chunk := response.read(1 << 16):
            digest.update(chunk)
            length += len(chunk)
    finally:
        connection.close()
    return (length, digest.hexdigest()), connected


@pytest.fixture(scope="module")
def bundle(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make dist` ships, unpacked: site/ and serve.py."""
    return unpack(built, tmp_path_factory.mktemp("booth"))


def test_fifty_phones_at_once_each_get_every_runtime_file_whole(bundle: Path) -> None:
    folder = bundle
    files = runtime_files(folder / "site")
    expected = {path: (file.stat().st_size, hashlib.sha256(file.read_bytes()).hexdigest()) for path, file in files.items()}
    got: dict[int, dict[str, tuple[int, str]]] = {client: {} for client in range(CLIENTS)}
    first_connect: dict[int, float] = {}
    failures: list[str] = []
    start = threading.Barrier(CLIENTS, timeout=60)

    with bundle_server(folder) as url:

        def phone(client: int) -> None:
            try:
                start.wait()  # all 50 connect at the same moment
                for path in files:
                    got[client][path], connected = fetch(url, path)
                    first_connect.setdefault(client, connected)
            except Exception as error:  # reported below, with the client and the file
                failures.append(f"client {client}: {type(error).__name__}: {error}")

        threads = [threading.Thread(target=phone, args=(client,), daemon=True) for client in range(CLIENTS)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1.0, RUN_TIMEOUT - (time.monotonic() - began)))
        assert not any(thread.is_alive() for thread in threads), "the crowd did not finish in time"
    assert failures == []
    for client in range(CLIENTS):
        assert got[client] == expected, f"client {client} got a file cut short or changed"
    # All connected at once, not after the second or more a system waits before trying again
    # when the queue is full (a few may be slow on a busy machine).
    waited = sorted(seconds for seconds in first_connect.values() if seconds >= 0.9)
    assert len(waited) <= 5, f"{len(waited)} of {CLIENTS} waited to connect: {waited}"


def test_the_server_queues_a_crowd_and_frees_silent_connections(bundle: Path) -> None:
    """Its listen queue holds twice the crowd (the standard library's default is 5), each
    connection has a thread that ends with the server, and a silent connection is closed."""
    spec = importlib.util.spec_from_file_location("booth_serve", bundle / "serve.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.Server.request_queue_size >= 2 * CLIENTS
    assert module.Server.daemon_threads and module.Handler.timeout
