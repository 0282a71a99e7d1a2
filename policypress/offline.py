"""Offline and privacy, written into the built site after the engine has rendered it:

- a service worker that keeps the site (and, once fetched, the runtime) for use with the
  network off, versioned by the build's content so a new build replaces the old cache;
- a Content-Security-Policy in every page that allows only the site itself.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

PACKAGE = Path(__file__).parent
# Precached on the first visit: the pages and what they need. Pyodide (13 MB) is not: it is
# kept when a calculator first loads it, so a page without a calculator never fetches it.
SKIP = re.compile(r"^(pyodide/|.*assets/javascripts/lunr/min/lunr\.(?!stemmer|multi)|.*\.map$|.*sitemap\.xml(\.gz)?$|sw\.js$)")


def precache_list(site_dir: Path) -> list[str]:
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return [f for f in files if not SKIP.match(f)]


def build_version(site_dir: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files + sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "pyodide").rglob("*") if p.is_file()):
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


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


# The same pattern on the page's bytes: a large site's pages are megabytes each (the nav lists
# every page), and decoding and re-encoding them cost more than the rest of this step. Bytes
# and text give the same matches unless a non-ASCII letter stands right before 'src=' (where
# '\b' differs) or the page has a carriage return (which reading as text translates).
INLINE_SCRIPT_BYTES = re.compile(INLINE_SCRIPT.pattern.encode(), re.S)
CHARSET = '<meta charset="utf-8">'


def _bytes_differ(raw: bytes) -> bool:
    """True when matching on bytes might not give what matching on the text gives."""
    if b"\r" in raw:
        return True
    at = raw.find(b"src=")
    while at != -1:
        if at > 0 and raw[at - 1] >= 0x80:
            return True
        at = raw.find(b"src=", at + 1)
    return False


def _script_hash(script: bytes) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"


def _csp_meta(hashes: set[str]) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=" ".join(sorted(hashes)))}">'


def apply_csp(site_dir: Path) -> None:
    """Add the policy to every page, allowing exactly the inline scripts each page has."""
    for page in site_dir.rglob("*.html"):
        raw = page.read_bytes()
        if _bytes_differ(raw):
            html = page.read_text(encoding="utf-8")
            meta = _csp_meta({_script_hash(m.group(1).encode()) for m in INLINE_SCRIPT.finditer(html)})
            page.write_text(html.replace(CHARSET, CHARSET + "\n  " + meta, 1), encoding="utf-8")
            continue
        meta = _csp_meta({_script_hash(m.group(1)) for m in INLINE_SCRIPT_BYTES.finditer(raw)})
        _write_after_charset(page, raw, ("\n  " + meta).encode())


def _write_after_charset(page: Path, raw: bytes, insert: bytes) -> None:
    """raw with `insert` after the first charset tag (if any), written without copying raw."""
    at = raw.find(CHARSET.encode())
    with page.open("wb") as out:
        if at == -1:
            out.write(raw)
            return
        end = at + len(CHARSET)
        out.write(memoryview(raw)[:end])
        out.write(insert)
        out.write(memoryview(raw)[end:])
