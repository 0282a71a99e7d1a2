"""`policypress dist`: the built site as one archive, with a checksum, ready to publish or to
carry to a booth laptop (the archive includes a one-command server for the local network)."""

from __future__ import annotations

import hashlib
import tarfile
from pathlib import Path

PACKAGE = Path(__file__).parent
NAME = "policypress-site"


def make_dist(root: Path) -> tuple[Path, Path]:
    """dist/policypress-site.tar.gz (site/ and serve.py) and its .sha256; returns both paths."""
    site = root / "build" / "site"
    if not (site / "index.html").is_file():
        raise FileNotFoundError("build/site is missing: run 'make build' first")
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
