"""Offline and privacy, written into the built site after the engine has rendered it:

- a service worker that keeps the site (and, once fetched, the runtime) for use with the
  network off, versioned by the build's content so a new build replaces the old cache;
- (the Content-Security-Policy of every page is csp.py's.)
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

PACKAGE = Path(__file__).parent
# Precached on the first visit: the pages and what they need. Pyodide (13 MB) is not: it is
# kept when a calculator first loads it, so a page without a calculator never fetches it.
# Never the compressed copies (compress.py's x.gz and x.br, for servers to send in place of x).
SKIP = re.compile(r"^(pyodide/|.*assets/javascripts/lunr/min/lunr\.(?!stemmer|multi)|.*\.map$|.*sitemap\.xml(\.gz)?$|sw\.js$|.*\.(gz|br)$)")
COMPRESSED = (".gz", ".br")


def precache_list(site_dir: Path) -> list[str]:
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return [f for f in files if not SKIP.match(f)]


def build_version(site_dir: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    runtime = sorted(
        p.relative_to(site_dir).as_posix() for p in (site_dir / "pyodide").rglob("*") if p.is_file() and p.suffix not in COMPRESSED
    )
    for name in files + runtime:
        digest.update(name.encode() + b"\0" + hashlib.sha256((site_dir / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(site_dir: Path) -> str:
    """site_dir/sw.js; returns the build version it carries."""
    files = precache_list(site_dir)
    version = build_version(site_dir, files)
    template = (PACKAGE / "assets" / "sw.js.tmpl").read_text(encoding="utf-8")
    urls = list(dict.fromkeys(f.removesuffix("index.html") or "./" for f in files))  # pages by their address
    script = template.replace("__VERSION__", json.dumps(version)).replace("__PRECACHE__", json.dumps(urls, ensure_ascii=False))
    (site_dir / "sw.js").write_text(script, encoding="utf-8")
    return version
