"""The copy of the site on this device (issue 13), as the build writes it: every file a reader's
browser may ask for, the calculators' runtime included, computed from what the build ships; the
download size of each (its gzip copy); the size shown on the pages that offer the copy."""

from __future__ import annotations

import json
import re
from pathlib import Path

from policypress.history import BASELINE, FOLDER, MANIFEST
from policypress.i18n import OFFLINE_STRINGS
from policypress.offline import LUNR, SIZE_MARKER, format_size, precache_list, search_scripts


def service_worker(built: Path) -> tuple[list[str], list[int], list[int]]:
    script = (built / "sw.js").read_text(encoding="utf-8")
    found = [
        json.loads(re.search(rf"const {name} = (?:new Set\()?(\[.*?\])", script).group(1)) for name in ("PRECACHE", "SIZES", "RUNTIME")
    ]
    return found[0], found[1], found[2]


def own_file(built: Path, url: str) -> Path:
    return built / (url + "index.html" if url.endswith("/") else url) if url != "./" else built / "index.html"


def test_the_copy_holds_every_page_and_every_runtime_file_the_build_ships(built: Path) -> None:
    urls, sizes, runtime = service_worker(built)
    assert len(urls) == len(sizes) == len(set(urls))
    files = {own_file(built, url).relative_to(built).as_posix() for url in urls}
    shipped_runtime = {
        p.relative_to(built).as_posix() for p in (built / "pyodide").rglob("*") if p.is_file() and p.suffix not in (".gz", ".br")
    }
    assert shipped_runtime and shipped_runtime <= files
    assert {urls[i] for i in runtime} == shipped_runtime
    pages = {p.relative_to(built).as_posix() for p in built.rglob("index.html")}
    assert pages <= files
    assert {"search/search_index.json", "en/search/search_index.json"} <= files
    assert {f for f in files if LUNR in f} == search_scripts(built, "") | search_scripts(built, "en/")
    assert not [f for f in files if f.endswith((".gz", ".br", ".map")) or f == "sw.js"]
    # Everything else the site ships, but the change history's manifests (written after sw.js).
    assert set(precache_list(built)) - {f"{FOLDER}/{MANIFEST}", f"{FOLDER}/{BASELINE}"} == files


def test_each_size_is_what_a_gzip_serving_host_sends(built: Path) -> None:
    """The build sizes the copy at gzip level 6 (half the time of the level-9 copies it ships):
    within a few per cent of each file, and of the whole."""
    urls, sizes, _ = service_worker(built)
    total = 0
    for url, size in zip(urls, sizes, strict=True):
        path = own_file(built, url)
        copy = path.with_name(path.name + ".gz")
        sent = copy.stat().st_size if copy.is_file() else path.stat().st_size
        assert abs(size - sent) <= max(64, 0.06 * sent), f"{url}: {size} listed, {sent} sent"
        total += sent
    assert abs(sum(sizes) - total) <= 0.02 * total


def test_the_pages_that_offer_the_copy_show_its_size_in_their_language(built: Path) -> None:
    _, sizes, _ = service_worker(built)
    shown = format_size(sum(sizes))
    assert not [p for p in built.rglob("*.html") if SIZE_MARKER in p.read_text(encoding="utf-8")]
    for page, lang in [
        ("calculators/critical-illness/", "zh"),
        ("self-check/", "zh"),
        ("en/calculators/critical-illness/", "en"),
        ("en/self-check/", "en"),
    ]:
        html = (built / page / "index.html").read_text(encoding="utf-8")
        assert 'data-pp-offline="offer"' in html
        assert OFFLINE_STRINGS["save"][lang].replace("{size}", shown) in html
    assert 'data-pp-offline="auto"' in (built / "for-staff" / "index.html").read_text(encoding="utf-8")
    assert "pp-offline" not in (built / "documents" / "linyi-hrss-2016-12" / "m02-public-welfare-jobs" / "index.html").read_text(
        encoding="utf-8"
    )


def test_search_languages_are_kept_only_when_the_search_uses_them(tmp_path: Path) -> None:
    def site(languages: list[str], under: str = "") -> Path:
        root = tmp_path / "-".join(languages)
        (root / under / "search").mkdir(parents=True)
        (root / under / "search" / "search_index.json").write_text(
            json.dumps({"config": {"lang": languages}, "docs": []}), encoding="utf-8"
        )
        return root

    assert search_scripts(site(["en"]), "") == set()
    assert search_scripts(site(["de"], "en/"), "en/") == {f"en/{LUNR}min/lunr.de.min.js", f"en/{LUNR}min/lunr.stemmer.support.min.js"}
    assert search_scripts(site(["en", "ja"]), "") == {
        LUNR + "tinyseg.js",
        LUNR + "min/lunr.ja.min.js",
        LUNR + "min/lunr.multi.min.js",
        LUNR + "min/lunr.stemmer.support.min.js",
    }
    assert search_scripts(site(["th"]), "") == {LUNR + "wordcut.js", LUNR + "min/lunr.th.min.js", LUNR + "min/lunr.stemmer.support.min.js"}
