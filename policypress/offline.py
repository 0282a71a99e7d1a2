"""Offline and privacy, written into the built site after the engine has rendered it:

- a service worker (sw.js) that keeps a copy of the site, the calculators' runtime included, for
  use with the network off, once the reader has asked for it ("save on this device", on the
  calculator and self-check pages), in booth mode and on the staff pages (policypress-offline.js
  decides; a first visit registers nothing). Versioned by the build's content: a new build's
  cache replaces the old one;
- the size of that copy, shown on the pages that offer it (the marker SIZE_MARKER the theme
  writes is replaced here);
- (the Content-Security-Policy of every page is csp.py's.)

The copy is computed from the files the build ships, never typed: every file of the site, less
the files no reader's browser asks for (source maps, the sitemap, the compressed copies, the search
languages the site's search does not use) and sw.js itself.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .compress import COMPRESSIBLE

PACKAGE = Path(__file__).parent
# Never in the copy: source maps, the sitemap, the service worker itself, and the compressed
# copies (compress.py's x.gz and x.br, for servers to send in place of x). The search's language
# scripts are kept only when the site's search uses them (search_scripts).
SKIP = re.compile(r"^(.*\.map$|.*sitemap\.xml(\.gz)?$|sw\.js$|.*\.(gz|br)$)")
COMPRESSED = (".gz", ".br")
RUNTIME = "pyodide"  # the calculators' runtime, shared by both languages (runtime.py puts it there)
LUNR = "assets/javascripts/lunr/"  # Material's search languages, under each language's root
SIZE_MARKER = "__POLICYPRESS_OFFLINE_SIZE__"  # written by the theme where the copy's size is shown
GZIP_LEVEL = 6  # for the size shown: within 1 % of the build's level-9 copies, in half the time


def search_scripts(site_dir: Path, root: str) -> set[str]:
    """The lunr scripts Material's search worker imports for the search index under `root`
    (its rule: tinyseg for ja, wordcut for hi and th, lunr.<lang> for every language but en,
    lunr.multi for more than one, lunr.stemmer.support for any of them)."""
    index = site_dir / root / "search" / "search_index.json"
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if index.is_file() else []
    scripts = set()
    for lang in languages:
        if lang == "ja":
            scripts.add("tinyseg.js")
        if lang in ("hi", "th"):
            scripts.add("wordcut.js")
        if lang != "en":
            scripts.add(f"min/lunr.{lang}.min.js")
    if len(languages) > 1:
        scripts.add("min/lunr.multi.min.js")
    if scripts:
        scripts.add("min/lunr.stemmer.support.min.js")
    return {root + LUNR + script for script in scripts}


def precache_list(site_dir: Path) -> list[str]:
    """The files of the offline copy, relative to site_dir: the pages, their assets, the search
    index and the calculators' runtime."""
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    files = [f for f in files if not SKIP.match(f)]
    roots = sorted({f.removesuffix("search/search_index.json") for f in files if f.endswith("search/search_index.json")})
    needed = set().union(*(search_scripts(site_dir, root) for root in roots)) if roots else set()
    return [f for f in files if LUNR not in f or f in needed]


def runtime_files(site_dir: Path, files: list[str]) -> list[str]:
    """Those of `files` that are the calculators' runtime."""
    return [f for f in files if f.startswith(RUNTIME + "/")]


def build_version(site_dir: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    runtime = sorted(
        p.relative_to(site_dir).as_posix() for p in (site_dir / RUNTIME).rglob("*") if p.is_file() and p.suffix not in COMPRESSED
    )
    for name in dict.fromkeys(files + runtime):
        digest.update(name.encode() + b"\0" + hashlib.sha256((site_dir / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def download_size(path: Path) -> int:
    """The bytes a browser downloads for `path` from a server that sends the build's gzip copies
    (the booth's serve.py, nginx with gzip_static): its gzip size when that is smaller."""
    data = path.read_bytes()
    if path.suffix not in COMPRESSIBLE:
        return len(data)
    return min(len(data), len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)))


def format_size(size: int) -> str:
    """'8.7 MB' (the same in both languages)."""
    return f"{size / 1e6:.1f} MB"


def _sizes(site_dir: Path, files: list[str]) -> dict[str, int]:
    with ThreadPoolExecutor() as pool:  # zlib releases the GIL
        return dict(zip(files, pool.map(lambda f: download_size(site_dir / f), files), strict=True))


def write_size(site_dir: Path, files: list[str]) -> dict[str, int]:
    """Replace SIZE_MARKER in the pages with the copy's size; returns each file's download size.
    The pages that show the size are part of the copy, so it is computed until it stays the same."""
    marked = [f for f in files if f.endswith(".html") and SIZE_MARKER in (site_dir / f).read_text(encoding="utf-8")]
    originals = {f: (site_dir / f).read_text(encoding="utf-8") for f in marked}
    sizes = _sizes(site_dir, files)
    shown = None
    for _ in range(5):
        total = format_size(sum(sizes.values()))
        if total == shown:
            break
        shown = total
        for f, text in originals.items():
            (site_dir / f).write_text(text.replace(SIZE_MARKER, shown), encoding="utf-8")
        sizes.update(_sizes(site_dir, marked))
    return sizes


def write_service_worker(site_dir: Path) -> str:
    """site_dir/sw.js; returns the build version it carries."""
    files = precache_list(site_dir)
    sizes = write_size(site_dir, files)
    version = build_version(site_dir, files)
    runtime = set(runtime_files(site_dir, files))
    template = (PACKAGE / "assets" / "sw.js.tmpl").read_text(encoding="utf-8")
    urls = [f.removesuffix("index.html") or "./" for f in files]  # pages by their address
    values = {
        "__VERSION__": version,
        "__PRECACHE__": urls,
        "__SIZES__": [sizes[f] for f in files],
        "__RUNTIME__": [i for i, f in enumerate(files) if f in runtime],
    }
    script = template
    for marker, value in values.items():
        script = script.replace(marker, json.dumps(value, ensure_ascii=False))
    (site_dir / "sw.js").write_text(script, encoding="utf-8")
    return version
