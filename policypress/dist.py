"""`policypress dist`: the built site as one archive, with a checksum, ready to publish or to
carry to a booth laptop (the archive includes a one-command server for the local network).

A site built for an address no resident's phone can open (site_url on this computer or on a
private network: publicity.site_url_kind) is refused unless the caller says it is meant
(`--allow-local-site-url`, `make dist ALLOW_LOCAL_SITE_URL=1`): its printed QR codes would lead
nowhere. The address is read from the built site itself (its sitemap), so what is checked is
what is packed, even when policy/site.yaml changed after the build.
"""

from __future__ import annotations

import hashlib
import re
import tarfile
from pathlib import Path

from .publicity import SITE_URL_FIX, site_url_kind, site_url_problem

PACKAGE = Path(__file__).parent
NAME = "policypress-site"
LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


class LocalSiteUrl(Exception):
    """The built site's QR codes point to this computer or a private network."""


def built_site_url(site: Path) -> str | None:
    """The address the site in `site` was built for: the first address of its sitemap."""
    try:
        found = LOC.search((site / "sitemap.xml").read_text(encoding="utf-8"))
    except OSError:
        return None
    return found.group(1) if found else None


def make_dist(root: Path, allow_local_site_url: bool = False) -> tuple[Path, Path]:
    """dist/policypress-site.tar.gz (site/ and serve.py) and its .sha256; returns both paths.

    Raises FileNotFoundError without a build, LocalSiteUrl for a build whose QR codes no phone
    could open (unless `allow_local_site_url`)."""
    site = root / "build" / "site"
    if not (site / "index.html").is_file():
        raise FileNotFoundError("build/site is missing: run 'make build' first")
    url = built_site_url(site)
    kind = site_url_kind(url)
    if kind is not None and not allow_local_site_url:
        raise LocalSiteUrl(
            f"refused: in build/site, {site_url_problem(url, kind)} — {SITE_URL_FIX}; "
            "or, to pack it anyway (a test, or a booth whose codes are only for its own network), "
            "run 'policypress dist --allow-local-site-url' (make dist ALLOW_LOCAL_SITE_URL=1)"
        )
    out = root / "dist"
    out.mkdir(exist_ok=True)
    archive = out / f"{NAME}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(site, arcname=f"{NAME}/site", filter=_normalise)
        tar.add(PACKAGE / "bundle_serve.py", arcname=f"{NAME}/serve.py", filter=_normalise)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    checksum = out / f"{NAME}.tar.gz.sha256"
    checksum.write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return archive, checksum


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info
