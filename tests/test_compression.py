"""Compressed on disk (issue 13): the built site carries x.gz and x.br beside every compressible
file, never precached; the booth laptop's server sends them to a client that asks, with the
file's own type, and the file itself to one that does not; a calculator works through it and
its runtime arrives compressed."""

from __future__ import annotations

import contextlib
import gzip
import http.client
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from urllib.parse import quote, unquote, urlsplit

import brotli
import pytest
from playwright.sync_api import Browser
from test_dist import free_port, unpack

from policypress import bundle_serve
from policypress.compress import COMPRESSIBLE, ENCODINGS, compressible, write_compressed
from policypress.history import BASELINE, FOLDER, MANIFEST
from policypress.offline import build_version, precache_list

DECOMPRESS = {".gz": gzip.decompress, ".br": brotli.decompress}
# Files each build must carry compressed (they are large and compress well).
MUST = [
    "pyodide/pyodide.asm.wasm",
    "pyodide/pyodide.asm.mjs",
    "pyodide/pyodide.mjs",
    "pyodide/pyodide-lock.json",
    "search/search_index.json",
    "en/search/search_index.json",
    "index.html",
    "en/index.html",
    "sw.js",
    "sitemap.xml",
]


# --- the files ------------------------------------------------------------------------------


def test_every_compressible_file_has_a_gz_and_a_br_that_give_back_exactly_the_file(built: Path) -> None:
    files = [p for p in built.rglob("*") if p.is_file() and p.suffix in COMPRESSIBLE]
    assert compressible(built) == sorted(files)
    assert {p.suffix for p in files} >= {".wasm", ".mjs", ".js", ".css", ".html", ".json", ".whl", ".zip", ".xml"}
    missing = []
    for path in files:
        data = path.read_bytes()
        for suffix, decompress in DECOMPRESS.items():
            copy = path.with_name(path.name + suffix)
            if copy.is_file():
                packed = copy.read_bytes()
                assert len(packed) < len(data), f"{copy} is not smaller than the file"
                assert decompress(packed) == data, f"{copy} does not give back {path}"
            else:
                missing.append(copy.relative_to(built).as_posix())
                assert len(ENCODINGS[suffix](data)) >= len(data), f"{copy} is missing though it would be smaller"
    assert not [name for name in missing if name.rsplit(".", 1)[0] in MUST]
    assert len(missing) < len(files) // 10, f"most files should have both copies: {missing}"


def test_the_copies_are_the_same_bytes_every_build(built: Path) -> None:
    """gzip with mtime 0 and no name; brotli deterministic: compressing again gives the same."""
    for name in MUST:
        path = built / name
        gz = path.with_name(path.name + ".gz").read_bytes()
        assert gz[4:8] == b"\0\0\0\0" and not gz[3] & 0x08  # no mtime, no file name
        for suffix, compress in ENCODINGS.items():
            assert path.with_name(path.name + suffix).read_bytes() == compress(path.read_bytes())


def test_a_copy_that_would_not_be_smaller_is_not_written_and_a_stale_one_is_removed(tmp_path: Path) -> None:
    (tmp_path / "tiny.js").write_bytes(b"1")
    (tmp_path / "tiny.js.gz").write_bytes(b"stale")  # a server would send it for tiny.js
    (tmp_path / "page.html").write_text("<p>policy</p>\n" * 200, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\0" * 1000)  # not a compressible type
    totals = write_compressed(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["page.html", "page.html.br", "page.html.gz", "photo.png", "tiny.js"]
    assert totals["plain"] == 1 + 200 * 14
    assert totals[".gz"] == 1 + (tmp_path / "page.html.gz").stat().st_size


def test_the_copies_are_never_precached_and_leave_the_build_version_as_it_was(built: Path, tmp_path: Path) -> None:
    script = (built / "sw.js").read_text(encoding="utf-8")
    precached = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script, re.S).group(1))
    version = json.loads(re.search(r"const VERSION = (\"[0-9a-f]+\");", script).group(1))
    assert precached and not [url for url in precached if url.endswith((".gz", ".br"))]
    files = precache_list(built)  # the final site, copies included
    assert not [f for f in files if f.endswith((".gz", ".br"))]
    # The history's manifests are written after the service worker, so they are not in its list.
    after = {f"{FOLDER}/{MANIFEST}", f"{FOLDER}/{BASELINE}"}
    assert build_version(built, [f for f in files if f not in after]) == version
    # The same site without any copy has the same list and version.
    bare = tmp_path / "site"
    shutil.copytree(built, bare, ignore=shutil.ignore_patterns("*.gz", "*.br"))
    assert precache_list(bare) == files
    assert build_version(bare, files) == build_version(built, files)


# --- the booth server -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def booth(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """What `make dist` ships, unpacked and served by its serve.py: (url, site, the server's log)."""
    folder = unpack(built, tmp_path_factory.mktemp("booth"))
    log = folder / "serve.log"
    with serving(folder, log) as url:
        yield url, folder / "site", log


@contextlib.contextmanager
def serving(folder: Path, log: Path) -> Iterator[str]:
    port = free_port()
    with log.open("wb") as errors:
        server = subprocess.Popen(
            [sys.executable, str(folder / "serve.py"), "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=errors
        )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/en/").close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("serve.py did not answer")
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def request(url: str, path: str, headers: dict[str, str], method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """One request with exactly these headers (http.client would add Accept-Encoding: identity)."""
    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        connection.putrequest(method, "/" + path, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


TYPES = {
    "pyodide/pyodide.asm.wasm": "application/wasm",
    "pyodide/pyodide.mjs": "text/javascript",
    "pyodide/pyodide-lock.json": "application/json",
    "pyodide/python_stdlib.zip": "application/zip",
    "search/search_index.json": "application/json",
    "en/": "text/html",
    "sw.js": "text/javascript",
}


def own_file(site: Path, path: str) -> Path:
    path = unquote(urlsplit("/" + path).path).lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


@pytest.mark.parametrize("path", TYPES)
@pytest.mark.parametrize(
    ("accept", "suffix"),
    [("br", ".br"), ("gzip", ".gz"), ("gzip, deflate, br", ".br"), ("gzip, deflate", ".gz"), ("br;q=0, gzip", ".gz"), ("*", ".br")],
)
def test_the_booth_server_sends_a_compressed_copy_to_a_client_that_asks(
    booth: tuple[str, Path, Path], path: str, accept: str, suffix: str
) -> None:
    url, site, _ = booth
    plain = own_file(site, path)
    status, headers, body = request(url, path, {"Accept-Encoding": accept})
    assert status == 200
    assert body == plain.with_name(plain.name + suffix).read_bytes()
    assert DECOMPRESS[suffix](body) == plain.read_bytes()
    assert headers["content-encoding"] == {".br": "br", ".gz": "gzip"}[suffix]
    assert headers["content-length"] == str(len(body))
    assert headers["content-type"].split(";")[0] == TYPES[path]
    assert headers["vary"] == "Accept-Encoding"
    # HEAD: the same headers, no body.
    status, head, body = request(url, path, {"Accept-Encoding": accept}, "HEAD")
    assert (status, body) == (200, b"")
    assert {k: head[k] for k in ("content-encoding", "content-length", "content-type", "vary")} == {
        k: headers[k] for k in ("content-encoding", "content-length", "content-type", "vary")
    }


@pytest.mark.parametrize("path", TYPES)
@pytest.mark.parametrize("accept", [None, "identity", "deflate", "br;q=0, gzip;q=0", "zstd"])
def test_the_booth_server_sends_the_file_itself_to_a_client_that_did_not_ask(
    booth: tuple[str, Path, Path], path: str, accept: str | None
) -> None:
    url, site, _ = booth
    status, headers, body = request(url, path, {} if accept is None else {"Accept-Encoding": accept})
    assert status == 200
    assert body == own_file(site, path).read_bytes()
    assert "content-encoding" not in headers
    assert headers["content-length"] == str(len(body))
    assert headers["content-type"].split(";")[0] == TYPES[path]
    assert headers["vary"] == "Accept-Encoding"


def test_a_range_request_gets_the_file_itself(booth: tuple[str, Path, Path]) -> None:
    """This server sends whole files; a range, if ever honoured, is of the file's own bytes."""
    url, site, _ = booth
    wasm = (site / "pyodide" / "pyodide.asm.wasm").read_bytes()
    status, headers, body = request(url, "pyodide/pyodide.asm.wasm", {"Accept-Encoding": "gzip, deflate, br", "Range": "bytes=0-99"})
    assert "content-encoding" not in headers
    if status == 206:  # a Python whose http.server does ranges
        assert body == wasm[:100]
    else:
        assert (status, body) == (200, wasm)


def test_a_copy_asked_for_by_name_is_sent_as_a_file_without_encoding(booth: tuple[str, Path, Path]) -> None:
    url, site, _ = booth
    for name, kind in (("pyodide/pyodide.mjs.gz", "application/gzip"), ("pyodide/pyodide.mjs.br", "application/octet-stream")):
        status, headers, body = request(url, name, {"Accept-Encoding": "gzip, deflate, br"})
        assert status == 200
        assert body == (site / name).read_bytes()
        assert "content-encoding" not in headers and headers["content-type"] == kind


def test_accept_encoding_is_read_as_http_says() -> None:
    choose = bundle_serve.choose_encoding
    both = ["br", "gzip"]
    assert choose(None, both) is None and choose("", both) is None
    assert choose("gzip, deflate, br", both) == "br"
    assert choose("gzip, deflate, br, zstd", ["gzip"]) == "gzip"  # only a .gz beside the file
    assert choose("br;q=0.5, gzip", both) == "gzip"
    assert choose("BR;Q=1, GZIP;q=0.2", both) == "br"
    assert choose("x-gzip", both) == "gzip"
    assert choose("*;q=0.1, br;q=0", both) == "gzip"
    assert choose("identity", both) is None
    assert choose("br;q=nonsense, gzip", both) == "gzip"


def test_the_server_compresses_what_the_build_compresses() -> None:
    """serve.py is shipped alone (standard library only), so it keeps its own copy of the list."""
    assert bundle_serve.COMPRESSIBLE == COMPRESSIBLE
    assert set(bundle_serve.ENCODINGS.values()) == set(ENCODINGS)


def test_the_shipped_server_is_the_one_tested(booth: tuple[str, Path, Path]) -> None:
    _, site, _ = booth
    assert (site.parent / "serve.py").read_bytes() == Path(bundle_serve.__file__).read_bytes()
    module = load_module(site.parent / "serve.py")
    assert module.choose_encoding("gzip, deflate, br", ["br", "gzip"]) == "br"


def load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("booth_serve_copy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- in Chromium ----------------------------------------------------------------------------

LOG_LINE = re.compile(r'"(?:GET|HEAD) (\S+) HTTP/[\d.]+" 200 (\d+) (\S+)')
RUNTIME = [
    "pyodide/pyodide.mjs",
    "pyodide/pyodide.asm.mjs",
    "pyodide/pyodide.asm.wasm",
    "pyodide/pyodide-lock.json",
    "pyodide/python_stdlib.zip",
]


@pytest.mark.browser
def test_a_calculator_through_the_booth_server_gets_its_runtime_compressed(built: Path, tmp_path: Path, browser: Browser) -> None:
    """Chromium asks for gzip, deflate, br: the runtime arrives as .br, and the whole visit costs
    at most about half the bytes of the files it got."""
    folder = unpack(built, tmp_path / "booth")
    log = tmp_path / "serve.log"
    with serving(folder, log) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        answers = quote(json.dumps({"eligible_costs": "170000", "registered_poor": True, "date": "2018-01-01"}))
        start = log.stat().st_size  # from here on: the visit
        page.goto(url + "en/calculators/critical-illness/#answers=" + answers)
        page.wait_for_selector(".pp-result:not([hidden])", timeout=90_000)
        assert "97,750" in page.inner_text(".pp-result")
        context.close()
        lines = LOG_LINE.findall(log.read_bytes()[start:].decode("utf-8"))
    sent = {path: (int(size), coding) for path, size, coding in lines}
    site = folder / "site"
    for name in RUNTIME:
        assert sent.get("/" + name, (0, None))[1] == "br", f"{name} was not sent compressed: {sent.get('/' + name)}"
    wheel = next(path for path in sent if path.endswith(".whl") and "policypress_calculators" in path)
    assert sent[wheel][1] == "br"
    transferred = sum(int(size) for _, size, _ in lines)
    plain = sum(own_file(site, path.lstrip("/")).stat().st_size for path, _, _ in lines)
    print(f"\nthe visit: {len(lines)} responses, {transferred / 1e6:.2f} MB sent for {plain / 1e6:.2f} MB of files")
    assert transferred <= 0.5 * plain, f"{transferred} bytes sent for {plain} bytes of files"
