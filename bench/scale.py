"""`make bench-scale`: policypress on a large generated corpus, next to a plain `mkdocs build` of
the same pages. Figures are reported, never asserted.

The corpus: this project's site-wide files and real document, plus N generated documents of M
clauses each (default 100 × 20), in both languages. Each generated clause is made of the real
clauses' texts, rotated, so the Chinese search index (jieba) has real work to do; each generated
document has the real document's parameters (as 'reference' figures), so placeholders resolve.

What is measured, each in a fresh process so its peak memory is its own:
- policypress: `policypress build` of the corpus (both languages in parallel, as it always does);
- baseline: `mkdocs build` of the very pages policypress generated (build/docs/<lang>), with a
  plain mkdocs.yml per language (Material, the same search settings, jieba for Chinese, the same
  nav; no policypress theme overrides), both languages run in parallel like policypress, and
  again one after the other, as a user typing two commands would.
Time is wall-clock; memory is the peak of the summed RSS of the whole process tree (sampled every
0.1 s) and the largest single process (getrusage). Medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REAL_DOC = ROOT / "policy" / "linyi-hrss-2016-12"
SITE_FILES = ("site.yaml", "vocabulary.yaml", "glossary.yaml", "areas.yaml", "holidays.yaml", "search_checks.yaml")
# The clauses whose text is prose (the measures, goals and guarantees); the preamble, the
# validity clause and the attachments are tables and forms, and have calculators tied to them.
PROSE_PREFIXES = ("p1-", "m0", "m1", "g")
TODAY = "2026-11-27"
REPORT = ROOT / "build" / "bench-scale.json"
SAMPLE_SECONDS = 0.1
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# --- the corpus -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceClause:
    """A real clause: its front matter and body in each language."""

    stem: str
    front: dict[str, dict]
    body: dict[str, str]


def split_front_matter(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body.strip("\n")


def read_sources(folder: Path = REAL_DOC) -> list[SourceClause]:
    """The real document's prose clauses, in file-name order (deterministic)."""
    sources = []
    for zh in sorted(folder.glob("*.zh.md")):
        stem = zh.name.removesuffix(".zh.md")
        if not stem.startswith(PROSE_PREFIXES):
            continue
        parts = {lang: split_front_matter((folder / f"{stem}.{lang}.md").read_text(encoding="utf-8")) for lang in ("zh", "en")}
        sources.append(SourceClause(stem, {lang: parts[lang][0] for lang in parts}, {lang: parts[lang][1] for lang in parts}))
    return sources


def copy_project(target: Path) -> Path:
    """What a build reads, without the content: site-wide files, the real document, docs/, mkdocs.yml."""
    policy = target / "policy"
    policy.mkdir(parents=True)
    for name in SITE_FILES:
        shutil.copy(ROOT / "policy" / name, policy / name)
    shutil.copytree(REAL_DOC, policy / REAL_DOC.name)
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def document_id(index: int) -> str:
    # "scale-…" sorts after the real document, which stays the site's first (calculators, self-check).
    return f"scale-{index:03d}"


def document_number(index: int) -> str:
    return f"临规测〔2026〕{index}号"


def neutral_reference(reference: dict, number: str) -> dict:
    """A parameter's reference without clause and quote (they name clauses of the real document)."""
    return {key: value for key, value in {**reference, "document": number}.items() if key not in ("clause", "quote")}


def neutral_parameters(node: object, number: str) -> object:
    """The real parameters as 'reference' figures of a generated document: the same names, units
    and values, so every placeholder in the copied texts resolves and every typed figure the
    real texts avoid is still avoided."""
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "status" and value == "official":
            value = "reference"
        elif key == "reference" and isinstance(value, dict):
            value = neutral_reference(value, number)
        out[key] = neutral_parameters(value, number)
    return out


def write_parameters(folder: Path, number: str) -> None:
    folder.mkdir(parents=True)
    for path in sorted((REAL_DOC / "parameters").glob("*.yaml")):
        data = neutral_parameters(yaml.safe_load(path.read_text(encoding="utf-8")), number)
        (folder / path.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def document_meta(index: int, real: dict) -> dict:
    """document.yaml of a generated document: the real one's issuers, parts and actions, its own names."""
    return {
        "id": document_id(index),
        "number": document_number(index),
        "title": {
            "zh": f"关于做好就业与社会保障精准扶贫工作的通知（规模测试第{index}号）",
            "en": f"Notice on targeted poverty alleviation through employment and social security (scale test {index})",
        },
        "short_title": {"zh": f"规模测试文件{index}", "en": f"Scale test document {index}"},
        "issuers": real["issuers"],
        "signed": real["signed"],
        "effective": real["effective"],
        "expires": real["expires"],
        "parts": [part for part in real["parts"] if part["id"] in ("one", "two", "three")],
        "actions": real["actions"],
    }


def clause_id(doc_index: int, number: int) -> str:
    # Unique across documents, like the real clause ids: some pages (the Publicity Week leaflets)
    # are addressed by the clause id alone.
    return f"s{doc_index:03d}-c{number:02d}"


def clause_sources(doc_index: int, number: int, sources: list[SourceClause]) -> list[SourceClause]:
    """The real clauses a generated clause is made of: its lead source and two more, rotated."""
    lead = (doc_index * 7 + number) % len(sources)
    return [sources[(lead + step) % len(sources)] for step in (0, 5, 11)]


def clause_files(doc_index: int, number: int, sources: list[SourceClause], parts: dict[str, str]) -> dict[str, str]:
    """The two Markdown files of generated clause `number` (1-based) of document `doc_index`."""
    lead, *more = clause_sources(doc_index, number, sources)
    zh, en = lead.front["zh"], lead.front["en"]
    cid = clause_id(doc_index, number)
    meta_zh = {
        "id": cid,
        "number": f"{parts[zh['part']]}({number})",
        "order": number,
        "part": zh["part"],
        **({"action": zh["action"]} if zh.get("action") else {}),
        "title": zh["title"],
        "summary": zh["summary"],
        "target_groups": zh["target_groups"],
        "benefit_types": zh["benefit_types"],
        "amounts": zh.get("amounts", []),
        **({"apply": zh["apply"]} if zh.get("apply") else {}),
        "related": [clause_id(doc_index, number - 1)] if number > 1 else [],
    }
    meta_en = {"id": cid, "title": en["title"], "summary": en["summary"], **({"apply": en["apply"]} if en.get("apply") else {})}
    files = {}
    for lang, meta in (("zh", meta_zh), ("en", meta_en)):
        body = "\n\n".join(source.body[lang] for source in (lead, *more))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        files[f"{cid}.{lang}.md"] = f"---\n{front}---\n{body}\n"
    return files


def generate_corpus(target: Path, documents: int = 100, clauses: int = 20) -> Path:
    """A project under `target` with the real document and `documents` × `clauses` generated ones."""
    copy_project(target)
    sources = read_sources()
    real = yaml.safe_load((REAL_DOC / "document.yaml").read_text(encoding="utf-8"))
    part_numbers = {part["id"]: part["number"] for part in real["parts"]}
    for index in range(1, documents + 1):
        folder = target / "policy" / document_id(index)
        write_parameters(folder / "parameters", document_number(index))
        meta = document_meta(index, real)
        (folder / "document.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        for number in range(1, clauses + 1):
            for name, text in clause_files(index, number, sources, part_numbers).items():
                (folder / name).write_text(text, encoding="utf-8")
    return target


# --- the baseline: plain MkDocs on the same pages ---------------------------------------------


def baseline_config(project: Path, docs: Path, lang: str, nav: list) -> Path:
    """mkdocs.yml for one language as a user without policypress would write it: the project's
    theme settings, markdown extensions and search settings, without policypress's theme
    overrides (custom_dir) or anything it computes besides the nav."""
    base = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {key: value for key, value in base["theme"].items() if key != "custom_dir"}
    search = dict(base["plugins"][0]["search"])
    if lang == "zh":
        search["jieba_dict_user"] = str(docs / "jieba-user-dict.txt")
    else:
        search.pop("pipeline", None)
    config = {
        "site_name": base["site_name"],
        "site_url": base["site_url"] + ("" if lang == "zh" else "en/"),
        "docs_dir": str(docs / lang),
        "site_dir": str(docs.parent / f"site-{lang}"),
        "use_directory_urls": True,
        "strict": True,
        "theme": {**theme, "language": lang},
        "plugins": [{"search": search}],
        "markdown_extensions": base["markdown_extensions"],
        "extra_css": base["extra_css"],
        "extra_javascript": base["extra_javascript"],
        "extra": {"alternate": base["extra"]["alternate"]},
        "nav": nav,
    }
    path = docs.parent / f"mkdocs.{lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def prepare_baseline(project: Path, work: Path) -> list[list[str]]:
    """Copy the pages policypress generated into `work`, write the configs; the two commands."""
    from policypress.content import LANGS, load_site
    from policypress.pages import nav
    from policypress.standing import edition_of

    docs = work / "docs"
    shutil.copytree(project / "build" / "docs", docs)
    site = load_site(project)
    commands = []
    for lang in LANGS:
        config = baseline_config(project, docs, lang, nav(edition_of(site, dt.date.fromisoformat(TODAY)), lang))
        commands.append([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config)])
    return commands


# --- measuring --------------------------------------------------------------------------------

# Runs the commands (in parallel or one after the other) in a process of its own, so that
# getrusage(RUSAGE_CHILDREN) covers exactly them and their children; prints JSON.
RUNNER = """
import json, resource, subprocess, sys, time
spec = json.loads(sys.argv[1])
start = time.perf_counter()
codes, outputs = [], []
def run(commands):
    jobs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for c in commands]
    for job in jobs:
        outputs.append(job.communicate()[0])
        codes.append(job.returncode)
if spec["parallel"]:
    run(spec["commands"])
else:
    for command in spec["commands"]:
        run([command])
seconds = time.perf_counter() - start
largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(json.dumps({"seconds": seconds, "largest_kib": largest, "codes": codes, "outputs": outputs}))
"""


@dataclass
class Sample:
    seconds: float
    tree_mib: float  # peak of the summed RSS of every process in the tree
    largest_mib: float  # the largest single process


def _processes() -> dict[int, tuple[int, int]]:
    """pid → (parent pid, RSS in bytes) for every process we may read."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(entry.name)] = (int(fields[1]), int(fields[21]) * PAGE_SIZE)
    return found


def tree_rss(root: int) -> int:
    """Summed RSS of `root` and all its descendants."""
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += processes.get(pid, (0, 0))[1]
        stack.extend(children.get(pid, []))
    return total


@contextmanager
def sampling(pid: int) -> Iterator[list[int]]:
    """Samples the tree's RSS until the block ends; yields the list the peak is kept in."""
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(SAMPLE_SECONDS):
            peak[0] = max(peak[0], tree_rss(pid))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        done.set()
        thread.join()


def measure(commands: list[list[str]], parallel: bool, cwd: Path) -> Sample:
    """Run `commands` in a fresh process; fails loudly when any of them fails."""
    spec = json.dumps({"commands": commands, "parallel": parallel})
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "NO_MKDOCS_2_WARNING": "1"}  # as policypress runs MkDocs
    runner = subprocess.Popen([sys.executable, "-c", RUNNER, spec], cwd=cwd, env=env, stdout=subprocess.PIPE, text=True)
    with sampling(runner.pid) as peak:
        output, _ = runner.communicate()
    result = json.loads(output)
    if any(result["codes"]):
        sys.exit("bench-scale: a measured command failed:\n" + "\n".join(o[-2000:] for o in result["outputs"]))
    return Sample(result["seconds"], peak[0] / 2**20, result["largest_kib"] / 1024)


# --- the run ------------------------------------------------------------------------------------

RUNS = ("policypress", "baseline-parallel", "baseline-sequential")


def median_sample(samples: list[Sample]) -> Sample:
    return Sample(*(statistics.median(getattr(s, f) for s in samples) for f in ("seconds", "tree_mib", "largest_mib")))


def describe_corpus(project: Path) -> str:
    """Documents, clauses and pages of a built project, and the size of what was built."""
    docs = len(list((project / "policy").glob("*/document.yaml")))
    clauses = len(list((project / "policy").glob("*/*.zh.md")))
    pages = len(list((project / "build" / "docs" / "zh").rglob("*.md")))
    sizes = [p.stat().st_size for p in (project / "build" / "site").rglob("*") if p.is_file()]
    html = [p.stat().st_size for p in (project / "build" / "site").rglob("*.html")]
    return (
        f"{docs} documents, {clauses} clauses, {pages} pages per language; "
        f"site {sum(sizes) / 1e6:,.0f} MB, a page {statistics.median(html) / 1e6:.2f} MB (median)"
    )


def table(results: dict[str, Sample], repeat: int) -> str:
    labels = {
        "policypress": "policypress build (zh ∥ en)",
        "baseline-parallel": "plain mkdocs build, zh ∥ en",
        "baseline-sequential": "plain mkdocs build, zh then en",
    }
    head = f"{'median of ' + str(repeat):<34}{'seconds':>9}{'peak MiB (tree)':>17}{'largest process MiB':>21}"
    lines = [head]
    for key in RUNS:
        s = results[key]
        lines.append(f"{labels[key]:<34}{s.seconds:>9.2f}{s.tree_mib:>17.0f}{s.largest_mib:>21.0f}")
    pp = results["policypress"]
    for key, name in (("baseline-parallel", "∥ baseline (aim ≤ 1.5×)"), ("baseline-sequential", "sequential baseline")):
        base = results[key]
        lines.append(
            f"{'  ratio to ' + name:<34}{pp.seconds / base.seconds:>8.2f}×{pp.tree_mib / base.tree_mib:>16.2f}×"
            f"{pp.largest_mib / base.largest_mib:>20.2f}×"
        )
    return "\n".join(lines)


def run(documents: int, clauses: int, repeat: int, keep: bool) -> dict[str, Sample]:
    work = Path(tempfile.mkdtemp(prefix="policypress-scale-"))
    try:
        project = work / "project"
        started = time.perf_counter()
        generate_corpus(project, documents, clauses)
        print(f"bench-scale: generated {documents} × {clauses} in {time.perf_counter() - started:.1f} s under {work}", flush=True)
        policypress = [str(Path(sys.executable).with_name("policypress")), "build", "--quiet", "--today", TODAY]
        samples: dict[str, list[Sample]] = {key: [] for key in RUNS}
        baseline: list[list[str]] = []
        for number in range(1, repeat + 1):
            shutil.rmtree(project / "build", ignore_errors=True)  # each time a first build: no previous site
            samples["policypress"].append(measure([policypress], parallel=False, cwd=project))
            if not baseline:
                baseline = prepare_baseline(project, work / "baseline")
                print(f"bench-scale: {describe_corpus(project)}", flush=True)
            samples["baseline-parallel"].append(measure(baseline, parallel=True, cwd=work))
            samples["baseline-sequential"].append(measure(baseline, parallel=False, cwd=work))
            shown = ", ".join(f"{key} {samples[key][-1].seconds:.1f} s" for key in RUNS)
            print(f"bench-scale: run {number}/{repeat}: {shown}", flush=True)
        return {key: median_sample(values) for key, values in samples.items()}
    finally:
        if keep:
            print(f"bench-scale: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100, help="generated documents (default 100; the real one is added)")
    parser.add_argument("--clauses", type=int, default=20, help="clauses per generated document (default 20)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; medians are reported (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary project and baseline for inspection")
    args = parser.parse_args(argv)
    results = run(args.documents, args.clauses, max(1, args.repeat), args.keep)
    print()
    print(table(results, args.repeat))
    print(f"(2 × mkdocs; machine: {os.cpu_count()} cores; ∥ = both languages at the same time)")
    REPORT.parent.mkdir(exist_ok=True)
    report = {
        "date": dt.date.today().isoformat(),
        "documents": args.documents,
        "clauses": args.clauses,
        "repeat": args.repeat,
        "cores": os.cpu_count(),
        "results": {key: asdict(sample) for key, sample in results.items()},
    }
    REPORT.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
