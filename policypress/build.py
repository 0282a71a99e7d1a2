"""One build: check → generate the docs tree → render each language → self-check → publish.

Everything is written into a staging folder under build/; build/docs and build/site are
replaced only when every step succeeded, so a failed build leaves the last good site as it was,
and each in one atomic step, so does a build killed at any moment (staging.py).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .compress import write_compressed
from .content import LANGS, Site, load_site
from .csp import apply_csp
from .errors import ContentError, ContentErrors
from .history import History, prepare_history, write_history
from .i18n import mode_strings
from .offline import write_service_worker
from .pages import clause_path, generate, nav, page_url
from .publicity import publicity_week_now, site_url_warning
from .runtime import bundle_runtime
from .searchcheck import run_checks
from .staging import new_staging, publish, remove_stale
from .standing import Edition, edition_of

PACKAGE = Path(__file__).parent
JIEBA_CHATTER = ("Building prefix dict", "Loading model", "Dumping model", "Prefix dict has been built")


def build_site(root: Path, today: dt.date | None = None, quiet: bool = False, preview: bool = False) -> Path:
    """Build `root` into root/build/site; raises ContentErrors (nothing published) on any error.

    `preview` (serve's builds): the what-changed page never takes a preview as the previous build.
    """
    today = today or dt.date.today()
    site = load_site(root)
    if (warning := site_url_warning(site)) is not None:  # QR codes no phone can open: said at every build
        print(warning, file=sys.stderr)
    out = root / "build"
    out.mkdir(exist_ok=True)
    remove_stale(out)  # what killed builds left
    staging, lock = new_staging(out)
    try:
        edition = edition_of(site, today)  # each document's standing on the build date, read by every page
        history = prepare_history(site, today, out / "site", preview)  # reads the previous build's manifest
        write_docs_tree(edition, staging / "docs", history)
        render_site(edition, staging, quiet=quiet, hold=(lock,) if lock >= 0 else ())
        bundle_runtime(site, staging / "site")
        check_search(site, staging / "site")
        apply_csp(staging / "site", site.root)
        write_service_worker(staging / "site")
        write_history(history, staging / "site")  # after the service worker: the manifests are not precached
        write_compressed(staging / "site")  # last: x.gz and x.br of the final files (never precached)
        publish(staging, out)  # the previous docs and site are now in staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if lock >= 0:
            os.close(lock)
    return out / "site"


def write_docs_tree(edition: Edition, docs: Path, history: History | None = None) -> None:
    site = edition.site
    for lang in LANGS:
        folder = docs / lang
        for path, text in generate(edition, lang, history).items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        shutil.copytree(PACKAGE / "assets", folder / "assets", dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.tmpl"))
        write_search_worker(folder / "assets")
        for extra in ("assets", "images"):
            source = site.root / "docs" / extra
            if source.is_dir():
                shutil.copytree(source, folder / extra, dirs_exist_ok=True)
    user_dict = docs / "jieba-user-dict.txt"
    user_dict.write_text("".join(f"{term.zh} 100000 n\n" for term in site.glossary), encoding="utf-8")


def write_search_worker(assets: Path) -> None:
    """The search worker wrapper, pointing at the installed Material's (hashed) worker file."""
    import material

    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    worker = next(workers.glob("search.*.min.js")).name
    template = (PACKAGE / "assets" / "policypress-search-worker.js.tmpl").read_text(encoding="utf-8")
    (assets / "policypress-search-worker.js").write_text(template.replace("__MATERIAL_WORKER__", worker), encoding="utf-8")


def engine_config(edition: Edition, staging: Path, lang: str) -> Path:
    """The per-language engine configuration: mkdocs.yml with only the per-language keys changed."""
    site, today = edition.site, edition.today
    base = yaml.safe_load((site.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config = dict(base)
    config["docs_dir"] = str(staging / "docs" / lang)
    config["site_dir"] = str(staging / ("site" if lang == "zh" else "site-en"))
    config["site_name"] = getattr(site.config.name, lang)
    config["site_url"] = site.config.site_url + ("" if lang == "zh" else "en/")
    theme = dict(config["theme"])
    theme["language"] = lang
    theme["custom_dir"] = str(PACKAGE / "theme")  # the theme overrides belong to the generator
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
    config["nav"] = nav(edition, lang)
    extra = dict(config.get("extra") or {})
    extra["policypress"] = {
        "runtime": "pyodide/" if lang == "zh" else "../pyodide/",
        "mode_strings": mode_strings(lang, site.config),
        "booth_idle_minutes": site.config.booth_idle_minutes,
        "short_name": getattr(site.config.short_name, lang) if site.config.short_name else None,
        "publicity_week_now": publicity_week_now(site, today),
    }
    config["extra"] = extra
    path = staging / f"mkdocs.{lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def render_site(edition: Edition, staging: Path, quiet: bool = False, hold: tuple[int, ...] = ()) -> None:
    """Render both languages with the engine, each in its own process and at the same time.

    A process per language keeps the engine a thin, swappable command (`mkdocs build -f …`)
    and starts each build clean: jieba's dictionary is global state in the engine's process.
    English renders into zh's en/ folder, so zh (which empties its site folder) runs first
    into its own folder and the two are combined afterwards.
    """
    jobs = {}
    for lang in LANGS:
        config_path = engine_config(edition, staging, lang)
        # The engine's own chatter (INFO lines) helps nobody editing content; its warnings and
        # errors fail the build (--strict) and are reported below.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config_path)]
        env = {**os.environ, "PYTHONWARNINGS": "ignore", "NO_MKDOCS_2_WARNING": "1"}
        # `hold`: the staging folder's lock, kept by the engine too, so that it stays its own if the build is killed
        jobs[lang] = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, pass_fds=hold)
    failures = []
    for lang, job in jobs.items():
        output, _ = job.communicate()
        if job.returncode != 0:
            lines = [line.strip() for line in output.splitlines() if line.startswith(("WARNING", "ERROR")) or "Error" in line]
            failures.append(
                ContentError(
                    "mkdocs.yml",
                    1,
                    f"the {lang} site did not render: {'; '.join(lines[-5:]) or output[-500:]}",
                    "fix the page or setting named above",
                )
            )
        elif not quiet:
            shown = [line for line in output.splitlines() if line.strip() and not line.startswith(JIEBA_CHATTER)]
            if shown:
                print("\n".join(shown))
    if failures:
        raise ContentErrors(failures)
    shutil.move(str(staging / "site-en"), str(staging / "site" / "en"))


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
