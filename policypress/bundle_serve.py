#!/usr/bin/env python3
"""Serve this site on the local network, e.g. from a booth laptop with no internet:

    python3 serve.py            # http://<this laptop's address>:8000 for phones on the same Wi-Fi
    python3 serve.py --port 8080 --host 127.0.0.1

Standard library only. Sends the WebAssembly type the calculators need and no caching headers
that would keep an old build. A thread per connection, and room in the queue for a crowd of
phones arriving at once.
"""

import argparse
import contextlib
import functools
import http.server
import socket
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
    }
    timeout = 60  # seconds a connection may stay silent before it is closed (frees its thread)


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
