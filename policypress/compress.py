"""Precompressed copies of the built site: `x.gz` and `x.br` beside every compressible file `x`,
each only when it is smaller, for servers that send a file's compressed copy as it is (nginx's
gzip_static and brotli_static, the booth laptop's serve.py) instead of compressing every time.

The build's last step: the copies must be of the final files (the CSP step rewrites the pages,
the service worker step writes sw.js, the change history's manifests come after it). They are
never precached and never part of the build version (offline.py skips them).

The same files give the same bytes: gzip at level 9 with mtime 0 and no file name, brotli from
the pinned `brotli` package at quality 6. Measured on this site (25 MB of compressible files, of
which Pyodide 13 MB): quality 6 gives 8.14 MB in 0.5 s of CPU, 9 gives 8.03 MB in 3.4 s, 11
saves 0.4 MB more on pyodide.asm.wasm alone (3.15 → 2.74 MB) but costs 28 s on it, every build.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

COMPRESSIBLE = frozenset({".wasm", ".mjs", ".js", ".css", ".html", ".json", ".whl", ".zip", ".svg", ".xml", ".txt"})
GZIP_LEVEL = 9
BROTLI_QUALITY = 6
ENCODINGS: dict[str, Callable[[bytes], bytes]] = {  # the copy's suffix → how it is made
    ".gz": lambda data: gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0),
    ".br": lambda data: brotli.compress(data, quality=BROTLI_QUALITY),
}


def compressible(site_dir: Path) -> list[Path]:
    """The files of site_dir that get compressed copies (the search index is a .json)."""
    return sorted(p for p in site_dir.rglob("*") if p.suffix in COMPRESSIBLE and p.is_file() and not p.is_symlink())


def write_compressed(site_dir: Path) -> dict[str, int]:
    """x.gz and x.br beside each compressible file x of site_dir, when smaller than x (else any
    x.gz or x.br there is removed: a server would send it for x). Returns the total bytes of the
    files ('plain') and of what a client accepting each encoding gets ('.gz', '.br')."""
    files = compressible(site_dir)
    jobs = sorted(((path, suffix) for path in files for suffix in ENCODINGS), key=lambda job: -job[0].stat().st_size)
    # Biggest first, on every core: zlib and brotli release the GIL while they compress.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        sizes = list(pool.map(lambda job: (job[1], _write(*job)), jobs))
    totals = {"plain": sum(path.stat().st_size for path in files), **dict.fromkeys(ENCODINGS, 0)}
    for suffix, size in sizes:
        totals[suffix] += size
    return totals


def _write(path: Path, suffix: str) -> int:
    """Write path+suffix if smaller than path; returns the bytes a client gets for path."""
    data = path.read_bytes()
    packed = ENCODINGS[suffix](data)
    target = path.with_name(path.name + suffix)
    if len(packed) < len(data):
        target.write_bytes(packed)
        return len(packed)
    target.unlink(missing_ok=True)
    return len(data)
