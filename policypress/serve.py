"""`policypress serve`: build, serve build/site, rebuild on every change, reload open pages.

Live reload is added by the server only (a small polling script injected into HTML responses),
never into the built files, so what is served in production is exactly what was built.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from .build import build_site
from .errors import ContentErrors

WATCHED = ("policy", "docs", "mkdocs.yml", "policypress/templates", "policypress/theme", "policypress/assets")
RELOAD_PATH = "/__policypress_build"
RELOAD_SCRIPT_PATH = "/__policypress_reload.js"
# A same-origin script file (the pages' Content-Security-Policy allows no new inline script).
RELOAD_SCRIPT = (
    "(function(){var v=null;setInterval(function(){fetch('" + RELOAD_PATH + "')"
    ".then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v)location.reload();v=t})"
    ".catch(function(){})},1000)})();"
)
RELOAD_TAG = f'<script src="{RELOAD_SCRIPT_PATH}"></script>'


class _State:
    def __init__(self) -> None:
        self.build_number = 0


def _snapshot(root: Path) -> dict[Path, float]:
    files: dict[Path, float] = {}
    for name in WATCHED:
        path = root / name
        candidates = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        for file in candidates:
            if file.is_file():
                files[file] = file.stat().st_mtime
    return files


def _rebuild(root: Path, today: dt.date, state: _State) -> None:
    started = time.perf_counter()
    try:
        build_site(root, today=today, quiet=True, preview=True)
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        print(f"{len(errors.errors)} error(s); still serving the last good build.", file=sys.stderr)
        return
    state.build_number += 1
    print(f"rebuilt in {time.perf_counter() - started:.1f} s", flush=True)


def _watch(root: Path, today: dt.date, state: _State) -> None:
    before = _snapshot(root)
    while True:
        time.sleep(0.7)
        now = _snapshot(root)
        if now != before:
            before = now
            _rebuild(root, today, state)


class _Handler(http.server.SimpleHTTPRequestHandler):
    state: _State

    def do_GET(self) -> None:
        if self.path in (RELOAD_PATH, RELOAD_SCRIPT_PATH):
            script = self.path == RELOAD_SCRIPT_PATH
            body = RELOAD_SCRIPT.encode() if script else str(self.state.build_number).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript" if script else "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_text(encoding="utf-8").replace("</body>", RELOAD_TAG + "</body>", 1).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # quiet: errors only
        if args and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    site = root / "build" / "site"
    try:
        build_site(root, today=today, quiet=True, preview=True)
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        if not (site / "index.html").exists():
            print("nothing to serve: fix the errors above and run again.", file=sys.stderr)
            return 1
        print("serving the last good build.", file=sys.stderr)
    state = _State()
    extensions = {**_Handler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}
    handler_class = type("Handler", (_Handler,), {"state": state, "extensions_map": extensions})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=_watch, args=(root, today, state), daemon=True).start()
    print(f"serving http://{host}:{port}/ (中文) and http://{host}:{port}/en/ (English); Ctrl+C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
