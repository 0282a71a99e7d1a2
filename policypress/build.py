"""One build: check → generate the docs tree → render each language → self-check → publish.

Everything is written into a staging folder under build/; build/docs and build/site are
replaced only when every step succeeded, so a failed build leaves the last good site as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from pathlib import Path

import yaml

from .content import LANGS, Site, load_site
from .errors import ContentError, ContentErrors
from .pages import clause_path, generate, nav, page_url
from .searchcheck import run_checks

PACKAGE = Path(__file__).parent


def build_site(root: Path, today: dt.date | None = None, quiet: bool = False) -> Path:
    """Build `root` into root/build/site; raises ContentErrors (nothing published) on any error."""
    today = today or dt.date.today()
    site = load_site(root)
    out = root / "build"
    out.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        write_docs_tree(site, staging / "docs", today)
        render_site(site, staging, quiet=quiet)
        check_search(site, staging / "site")
        publish(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / "site"


def write_docs_tree(site: Site, docs: Path, today: dt.date) -> None:
    for lang in LANGS:
        folder = docs / lang
        for path, text in generate(site, lang, today).items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        shutil.copytree(PACKAGE / "assets", folder / "assets", dirs_exist_ok=True)
        for extra in ("assets", "images"):
            source = site.root / "docs" / extra
            if source.is_dir():
                shutil.copytree(source, folder / extra, dirs_exist_ok=True)
    user_dict = docs / "jieba-user-dict.txt"
    user_dict.write_text("".join(f"{term.zh} 100000 n\n" for term in site.glossary), encoding="utf-8")


def engine_config(site: Site, staging: Path, lang: str) -> Path:
    """The per-language engine configuration: mkdocs.yml with only the per-language keys changed."""
    base = yaml.safe_load((site.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config = dict(base)
    config["docs_dir"] = str(staging / "docs" / lang)
    config["site_dir"] = str(staging / "site" / ("" if lang == "zh" else "en"))
    config["site_name"] = getattr(site.config.name, lang)
    config["site_url"] = site.config.site_url + ("" if lang == "zh" else "en/")
    theme = dict(config["theme"])
    theme["language"] = lang
    theme["custom_dir"] = str((site.root / theme.get("custom_dir", PACKAGE / "theme")).resolve())
    config["theme"] = theme
    plugins = []
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "search" in plugin:
            search = dict(plugin["search"] or {})
            if lang == "zh":
                search["jieba_dict_user"] = str(staging / "docs" / "jieba-user-dict.txt")
            else:
                search.pop("pipeline", None)  # English keeps lunr's trimmer and stemmer
            plugin = {"search": search}
        plugins.append(plugin)
    config["plugins"] = plugins
    config["nav"] = nav(site, lang)
    path = staging / f"mkdocs.{lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_site(site: Site, staging: Path, quiet: bool = False) -> None:
    """Render each language with the engine (MkDocs); Chinese first: English goes into its en/."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("jieba").setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    collector = _Collect()
    mkdocs_log.addHandler(collector)
    previous_level = mkdocs_log.level
    if quiet:
        mkdocs_log.setLevel(logging.WARNING)
    try:
        for lang in LANGS:
            config_path = engine_config(site, staging, lang)
            try:
                config = load_config(str(config_path))
                build(config)
            except (Abort, ConfigurationError, SystemExit) as exc:
                details = "; ".join(collector.messages[-5:]) or str(exc)
                raise ContentErrors(
                    [ContentError("mkdocs.yml", 1, f"the {lang} site did not render: {details}", "fix the reported page or setting")]
                ) from None
    finally:
        mkdocs_log.removeHandler(collector)
        mkdocs_log.setLevel(previous_level)


def check_search(site: Site, site_dir: Path) -> None:
    url_of = {f"{doc.id}/{clause.id}": page_url(clause_path(clause)) for doc in site.documents for clause in doc.clauses}
    source = site.root / "policy" / "search_checks.yaml"
    errors = run_checks(site_dir, site.search_checks, url_of, "policy/search_checks.yaml")
    if errors:
        lines = source.read_text(encoding="utf-8").splitlines()
        located = []
        for error in errors:
            query = error.problem.split("'")[1]
            line = next((i for i, text in enumerate(lines, 1) if query in text), error.line)
            located.append(ContentError(error.path, line, error.problem, error.fix))
        raise ContentErrors(located)


def publish(staging: Path, out: Path) -> None:
    """Swap the staged docs tree and site into build/ (rename is atomic on one filesystem)."""
    for name in ("docs", "site"):
        target = out / name
        old = out / f".old-{name}-{os.getpid()}"
        if target.exists():
            target.rename(old)
        (staging / name).rename(target)
        shutil.rmtree(old, ignore_errors=True)
