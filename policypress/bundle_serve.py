#!/usr/bin/env python3
"""Serve this site on the local network, e.g. from a booth laptop with no internet:

    python3 serve.py            # http://<this laptop's address>:8000 for phones on the same Wi-Fi
    python3 serve.py --port 8080 --host 127.0.0.1

Standard library only. Sends the WebAssembly type the calculators need and no caching headers
that would keep an old build. A thread per connection, and room in the queue for a crowd of
phones arriving at once. Sends the build's compressed copies (x.br, x.gz beside x) to a browser
that accepts them: half the bytes of the calculators' runtime, a fifth of a page's.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import socket
import urllib.parse
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"
# The files the build gives compressed copies (policypress/compress.py), and the copies, best first.
COMPRESSIBLE = {".wasm", ".mjs", ".js", ".css", ".html", ".json", ".whl", ".zip", ".svg", ".xml", ".txt"}
ENCODINGS = {"br": ".br", "gzip": ".gz"}
INDEX_PAGES = ("index.html", "index.htm")  # as the standard library looks for them in a folder


def accepted(header: str | None) -> dict[str, float]:
    """Accept-Encoding as {coding: q}, e.g. 'gzip, deflate, br' or 'br;q=0, *;q=0.5'."""
    weights = {}
    for item in (header or "").split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if coding:
            weights[coding.lower()] = weight
    return weights


def choose_encoding(header: str | None, available: list[str]) -> str | None:
    """Of the encodings available (best first), the one the client weighs most; never one it did
    not accept (q > 0). None: the file as it is (always so without an Accept-Encoding)."""
    weights = accepted(header)
    best, best_weight = None, 0.0
    for coding in available:
        names = (coding, "x-gzip") if coding == "gzip" else (coding,)
        weight = next((weights[name] for name in names if name in weights), weights.get("*", 0.0))
        if weight > best_weight:
            best, best_weight = coding, weight
    return best


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".br": "application/octet-stream",  # x.br asked for by name is a file, as x.gz is (application/gzip)
    }
    timeout = 60  # seconds a connection may stay silent before it is closed (frees its thread)
    # This response: the file it sends, and the Content-Encoding and own file when that is a copy.
    sent: str | None = None
    coding: str | None = None
    own: str = ""
    varies = False  # the file has compressed copies: what is sent depends on Accept-Encoding
    status = 0

    def send_head(self):
        """The file, or its compressed copy when the client accepts it (GET and HEAD alike). The
        standard library's send_head does the rest (index.html, 304, the headers), told by
        translate_path and guess_type below which file to open and which type to give it."""
        self.sent, self.coding, self.varies = None, None, False
        path = super().translate_path(self.path)
        if os.path.isdir(path) and urllib.parse.urlsplit(self.path).path.endswith("/"):
            path = next((os.path.join(path, name) for name in INDEX_PAGES if os.path.isfile(os.path.join(path, name))), path)
        if os.path.isfile(path):
            self.sent = path
            available = [coding for coding, suffix in ENCODINGS.items() if os.path.isfile(path + suffix)]
            if os.path.splitext(path)[1] in COMPRESSIBLE and available:
                self.varies = True
                # A Range request gets the file itself: this server sends whole files (200, as
                # HTTP allows), and a client asking for a range means the file's bytes.
                coding = None if "Range" in self.headers else choose_encoding(self.headers.get("Accept-Encoding"), available)
                if coding:
                    self.sent, self.coding, self.own = path + ENCODINGS[coding], coding, path
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return self.sent if self.coding and self.sent else super().translate_path(path)

    def guess_type(self, path: str) -> str:
        return super().guess_type(self.own if self.coding else path)  # the file's own type, e.g. application/wasm

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def end_headers(self) -> None:
        if self.varies:
            self.send_header("Vary", "Accept-Encoding")
        if self.coding and self.status == 200:
            self.send_header("Content-Encoding", self.coding)
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """'"GET /pyodide/pyodide.asm.wasm HTTP/1.1" 200 3150524 br': the bytes sent, and how."""
        if code == 200 and self.sent and os.path.isfile(self.sent):
            size = f"{os.path.getsize(self.sent)} {self.coding or 'identity'}"
        super().log_request(code, size)


class Server(http.server.ThreadingHTTPServer):
    # Connections the system holds until they are accepted: the standard library's 5 would make
    # the rest of a crowd of phones wait for their system to try again, seconds later.
    request_queue_size = 128
    daemon_threads = True


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the policy site from this folder.")
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (default: every network)")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = Server((args.host, args.port), functools.partial(Handler, directory=str(SITE)))
    try:
        address = socket.gethostbyname(socket.gethostname())
    except OSError:
        address = "127.0.0.1"
    print(f"serving {SITE} at http://{address}:{args.port}/ (中文) and /en/ (English); Ctrl+C stops", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
