"""Change history: when each clause and parameter last changed, and what changed between builds.

Where "last changed" comes from, first that applies:
- git, when the project is in a git work tree: a clause's date is that of the last commit
  touching either of its files; a parameter's is that of the last commit that changed its
  definition as parsed (label, unit, status, reference, dated values: not comments or layout).
  Anything not yet committed counts as changed on the build date.
- the previous build's manifest (build/site/changes/manifest.json): each clause's and
  parameter's fingerprint and date, carried forward when unchanged, else the build date.

The "what changed" page compares this build's manifest with a baseline: the previous build, or,
when that build had the same content or was a `serve` preview, that build's own baseline
(kept in changes/baseline.json), so a rebuild does not empty the page.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .content import DOCUMENT_DATES, LANGS, PLACEHOLDER, Clause, Site, document_date
from .errors import ContentError, ContentErrors
from .i18n import clause_number, format_date, join_cjk_lines, t
from .parameters import STATUS_LABELS, Parameter, format_value
from .schema import ParameterSpec, parse_number
from .yamlsource import SourceError, parse_yaml

FORMAT = 1
FOLDER = "changes"  # in the site: the page (changes/index.html) and the manifests beside it
MANIFEST = "manifest.json"
BASELINE = "baseline.json"


@dataclass
class History:
    """This build's manifest (with every last-changed date) and the baseline it is compared with."""

    today: dt.date
    manifest: dict[str, Any]
    baseline: dict[str, Any] | None

    @classmethod
    def none(cls, today: dt.date) -> History:
        """No history known (pages generated outside a build): no dates, a first-build page."""
        return cls(today, {"format": FORMAT, "build_date": today.isoformat(), "clauses": {}, "parameters": {}, "documents": {}}, None)

    def clause_date(self, doc_id: str, clause_id: str) -> dt.date | None:
        return _day(self.manifest["clauses"].get(f"{doc_id}/{clause_id}"))

    def parameter_date(self, doc_id: str, name: str) -> dt.date | None:
        return _day(self.manifest["parameters"].get(f"{doc_id}/{name}"))


def _day(record: dict | None) -> dt.date | None:
    return dt.date.fromisoformat(record["last_changed"]) if record and record.get("last_changed") else None


# --- the build's steps ------------------------------------------------------------------------


def prepare_history(site: Site, today: dt.date, published: Path, preview: bool = False) -> History:
    """This build's history; `published` is the previous build's site folder (build/site)."""
    previous, previous_baseline = read_previous(site.root, published)
    manifest = make_manifest(site, today, preview)
    git = git_dates(site, today)
    manifest["dates_from"] = "git" if git else "manifest"
    old_clauses = previous["clauses"] if previous else {}
    for key, record in manifest["clauses"].items():
        day = git.clause(record) if git else None
        old = old_clauses.get(key)
        same = old is not None and all(old[lang]["sha256"] == record[lang]["sha256"] for lang in LANGS)
        record["last_changed"] = _last_changed(day, old, same, bool(git), today)
    old_parameters = previous["parameters"] if previous else {}
    for key, record in manifest["parameters"].items():
        day = git.parameters.get(key) if git else None
        old = old_parameters.get(key)
        same = old is not None and old["sha256"] == record["sha256"]
        record["last_changed"] = _last_changed(day, old, same, bool(git), today)
    if previous is None:
        baseline = None
    elif previous.get("preview") or previous["content_hash"] == manifest["content_hash"]:
        baseline = previous_baseline  # nothing new since: keep comparing with the same build
    else:
        baseline = previous
    return History(today, manifest, baseline)


def _last_changed(committed: dt.date | None, old: dict | None, same: bool, git: bool, today: dt.date) -> str | None:
    """The day a text or figure last changed, as far as anything knows: its last commit; else the
    previous build's date for it if it has not changed since; else today when it changed since
    the previous build or is uncommitted in a git checkout. A first build of a copy without git
    knows nothing: no date (never the build day passed off as a change)."""
    if committed is not None:
        return committed.isoformat()
    if old is not None and same:
        return old.get("last_changed")
    if git or old is not None:
        return today.isoformat()
    return None


def write_history(history: History, site_dir: Path) -> None:
    """The manifest (and the baseline it was compared with) into site_dir/changes/."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).write_text(json.dumps(history.manifest, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    if history.baseline is not None:
        (folder / BASELINE).write_text(json.dumps(history.baseline, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def read_previous(root: Path, published: Path) -> tuple[dict | None, dict | None]:
    """The previous build's manifest and baseline, or None for what it does not have."""
    folder = published / FOLDER
    return _read_manifest(root, folder / MANIFEST), _read_manifest(root, folder / BASELINE)


def _read_manifest(root: Path, path: Path) -> dict | None:
    if not path.is_file():
        return None
    shown = os.path.relpath(path, root).replace(os.sep, "/")
    fix = f"delete the folder {os.path.dirname(shown)}/ to start the change history afresh (dates then restart from this build)"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ContentErrors(
            [ContentError(shown, exc.lineno, f"the previous build's change record is not valid JSON ({exc.msg})", fix)]
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentErrors([ContentError(shown, 1, f"the previous build's change record cannot be read ({exc})", fix)]) from None
    if not (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and isinstance(data.get("clauses"), dict)
        and isinstance(data.get("parameters"), dict)
        and isinstance(data.get("content_hash"), str)
    ):
        raise ContentErrors([ContentError(shown, 1, f"the previous build's change record is not in format {FORMAT}", fix)])
    return data


# --- the manifest ---------------------------------------------------------------------------


def _sha(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clause_record(clause: Clause) -> dict[str, Any]:
    """A clause's fingerprint and the texts a reader would compare."""
    neutral = clause.meta.model_dump(mode="json", exclude={"id", "title", "summary", "apply"})
    record: dict[str, Any] = {"doc": clause.doc_id, "clause": clause.id, "number": clause.meta.number, "meta": _sha(neutral)}
    for lang in LANGS:
        apply = clause.apply(lang)
        record[lang] = {
            "sha256": _sha("\n".join(clause.source_lines[lang])),
            "title": clause.title(lang),
            "summary": clause.summary(lang),
            "apply": apply.model_dump(mode="json", exclude_none=True) if apply else {},
            "body": clause.body[lang],
        }
    return record


def parameter_definition(parameter: Parameter) -> dict[str, Any]:
    """What a parameter says, as parsed: a change here is a change of the parameter."""

    def reference(ref) -> dict | None:
        return ref.model_dump(mode="json", exclude_none=True) if ref is not None else None

    return {
        "label": parameter.label.model_dump(mode="json"),
        "unit": parameter.unit,
        "status": parameter.status,
        "reference": reference(parameter.reference),
        "code": parameter.code,
        "values": [
            {
                "since": e.since.isoformat(),
                "value": None if e.value is None else str(e.value),
                "status": e.status,
                "reference": reference(e.own_reference),
            }
            for e in parameter.entries
        ],
    }


def make_manifest(site: Site, today: dt.date, preview: bool = False) -> dict[str, Any]:
    clauses = {f"{doc.id}/{clause.id}": clause_record(clause) for doc in site.documents for clause in doc.clauses}
    parameters = {}
    for doc in site.documents:
        for name, parameter in doc.parameters.items():
            definition = parameter_definition(parameter)
            parameters[f"{doc.id}/{name}"] = {"doc": doc.id, "name": name, "definition": definition, "sha256": _sha(definition)}
    fingerprint = {
        "clauses": {key: [r["zh"]["sha256"], r["en"]["sha256"]] for key, r in clauses.items()},
        "parameters": {key: r["sha256"] for key, r in parameters.items()},
    }
    return {
        "format": FORMAT,
        "build_date": today.isoformat(),
        "preview": preview,
        "content_hash": _sha(fingerprint),
        "documents": {doc.id: doc.meta.short_title.model_dump(mode="json") for doc in site.documents},
        "clauses": clauses,
        "parameters": parameters,
    }


# --- dates from git -------------------------------------------------------------------------


@dataclass
class GitDates:
    files: dict[str, dt.date]  # root-relative path → last commit touching it (build date if not committed)
    parameters: dict[str, dt.date]  # "doc/name" → last commit changing its definition

    def clause(self, record: dict) -> dt.date | None:
        days = [self.files.get(f"policy/{record['doc']}/{record['clause']}.{lang}.md") for lang in LANGS]
        return max(days) if all(days) else None  # type: ignore[type-var]


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """Run git in `root`; None when it fails. Never takes the index lock (others may commit)."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args], cwd=root, input=stdin, capture_output=True, env=env, check=False
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


PARAMETER_FILE = re.compile(r"^policy/([^/]+)/parameters/([^/]+)\.yaml$")


def git_dates(site: Site, today: dt.date) -> GitDates | None:
    """Dates from git in four calls (rev-parse, log, status, cat-file), or None outside git."""
    root = site.root
    if shutil.which("git") is None or _git(root, "rev-parse", "--is-inside-work-tree") != b"true\n":
        return None
    prefix = (_git(root, "rev-parse", "--show-prefix") or b"").decode().strip()
    log = _git(root, "log", "--no-renames", "--format=%x01%H %cs", "--name-only", "--", "policy")
    status = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", "policy")
    if log is None or status is None:
        return None
    commits: list[tuple[str, dt.date, list[str]]] = []  # newest first
    for chunk in log.decode("utf-8", "replace").split("\x01")[1:]:
        head, *names = chunk.strip("\n").split("\n")
        commit, day = head.split(" ")
        commits.append((commit, dt.date.fromisoformat(day), [n.removeprefix(prefix) for n in names if n]))
    dirty = {entry[3:].removeprefix(prefix) for entry in status.decode("utf-8", "replace").split("\0") if len(entry) > 3}

    files: dict[str, dt.date] = {}
    for _, day, names in commits:
        for name in names:
            files.setdefault(name, day)
    for name in dirty:
        files[name] = today

    # Each parameter file's versions, oldest first: its commits, then the work tree if changed.
    versions: dict[str, list[tuple[dt.date, str | None]]] = {}
    wanted = [(commit, day, name) for commit, day, names in reversed(commits) for name in names if PARAMETER_FILE.match(name)]
    request = "".join(f"{commit}:{prefix}{name}\n" for commit, _, name in wanted).encode()
    blobs = _cat_files(root, request, len(wanted)) if wanted else []
    if len(blobs) != len(wanted):
        return GitDates(files, {})
    for (_, day, name), text in zip(wanted, blobs, strict=True):
        versions.setdefault(name, []).append((day, text))
    for doc in site.documents:
        for path in sorted((root / "policy" / doc.id / "parameters").glob("*.yaml")):
            name = f"policy/{doc.id}/parameters/{path.name}"
            if name in dirty:  # changed or new since the last commit (an ignored file has no git date)
                versions.setdefault(name, []).append((today, path.read_text(encoding="utf-8")))

    parameters: dict[str, dt.date] = {}
    for name, timeline in versions.items():
        doc_id, stem = PARAMETER_FILE.match(name).groups()  # type: ignore[union-attr]
        before: dict[str, str] = {}
        for day, text in timeline:
            now = {} if text is None else _definitions(text, stem)
            if now is None:
                continue  # this version did not parse: judge the next one against the last good one
            for parameter, digest in now.items():
                if before.get(parameter) != digest:
                    parameters[f"{doc_id}/{parameter}"] = day
            before = now
    return GitDates(files, parameters)


def _cat_files(root: Path, request: bytes, count: int) -> list[str | None]:
    """`git cat-file --batch`: the text of each `commit:path` asked for (None when missing)."""
    output = _git(root, "cat-file", "--batch", stdin=request)
    if output is None:
        return []
    texts: list[str | None] = []
    position = 0
    while len(texts) < count and position < len(output):
        end = output.index(b"\n", position)
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            texts.append(output[position : position + size].decode("utf-8", "replace"))
            position += size + 1
        else:
            texts.append(None)  # missing: the commit deleted the file
    return texts


def _definitions(text: str, stem: str) -> dict[str, str] | None:
    """The fingerprint of each parameter a version of a parameter file defines (None: unreadable)."""
    try:
        data = parse_yaml(text).data
    except SourceError:
        return None
    found: dict[str, str] = {}

    def walk(node: object, name: str) -> None:
        if isinstance(node, dict) and "values" in node:
            try:
                spec = ParameterSpec.model_validate(node)
                found[name] = _sha(parameter_definition(Parameter.from_spec(name, spec, Path(), None, ())))  # type: ignore[arg-type]
            except Exception:  # an old version the schema no longer accepts: it is not compared
                pass
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{name}.{key}")

    walk(data, stem)
    return found


# --- what changed, for the page -------------------------------------------------------------


def _fields(record: dict, lang: str) -> list[tuple[str, str]]:
    """A clause's comparable texts in one language: (label, text)."""
    text = record[lang]
    apply = text.get("apply") or {}
    sep = "、" if lang == "zh" else "; "
    colon = "：" if lang == "zh" else ": "
    apply_lines = [
        t(label, lang) + colon + (sep.join(apply[key]) if isinstance(apply[key], list) else apply[key])
        for key, label in (("where", "apply_where"), ("documents", "apply_documents"), ("reviewed_by", "apply_reviewed_by"))
        if apply.get(key)
    ]
    return [
        (t("changes_field_title", lang), text["title"]),
        (t("summary", lang), text["summary"]),
        (t("how_to_apply", lang), "\n\n".join(apply_lines)),
        (t("official_text", lang), text["body"]),
    ]


TOKEN = re.compile(r"\s+|[A-Za-z0-9]+(?:[.,'’/-][A-Za-z0-9]+)*%?|.", re.S)


def _tokens(text: str) -> list[str]:
    """Words, numbers and spaces whole; every other character (each 汉字) on its own."""
    return TOKEN.findall(text)


def _mark(kind: str, text: str, lang: str) -> str:
    """<ins>/<del> with words a screen reader says (most do not announce the elements)."""
    start = t(f"changes_{kind}_start", lang)
    end = t("changes_mark_end", lang)
    return f'<{kind}><span class="pp-visually-hidden">{start}</span>{html.escape(text, quote=False)}<span class="pp-visually-hidden">{end}</span></{kind}>'


def inline_diff(old: str, new: str, lang: str) -> str:
    """`new` as HTML, with what was deleted from `old` in <del> and what was inserted in <ins>."""
    a, b = _tokens(old), _tokens(new)
    segments: list[list[str]] = []  # [kind, old text, new text]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        kind = "equal" if tag == "equal" else "change"
        if segments and segments[-1][0] == kind == "change":
            segments[-1][1] += old_text
            segments[-1][2] += new_text
        else:
            segments.append([kind, old_text, new_text])
    # A sliver of equal text between two changes reads better as part of one change.
    merged: list[list[str]] = []
    for index, segment in enumerate(segments):
        sliver = len(segment[1].strip()) <= 1 if lang == "zh" else not segment[1].strip()
        between = 0 < index < len(segments) - 1
        if segment[0] == "equal" and sliver and between and merged and merged[-1][0] == "change":
            merged[-1][1] += segment[1]
            merged[-1][2] += segment[2]
            continue
        if segment[0] == "change" and merged and merged[-1][0] == "change":
            merged[-1][1] += segment[1]
            merged[-1][2] += segment[2]
            continue
        merged.append(list(segment))
    out = []
    for index, (kind, old_text, new_text) in enumerate(merged):
        if kind == "equal":
            out.append(html.escape(_trim(new_text, index == 0, index == len(merged) - 1), quote=False))
            continue
        if old_text:
            out.append(_mark("del", old_text, lang))
        if new_text:
            out.append(_mark("ins", new_text, lang))
    return "".join(out)


CONTEXT = 30  # tokens (characters of Chinese, words and spaces of English) kept either side of a change


def _trim(text: str, first: bool, last: bool) -> str:
    """Unchanged text around a change, shortened to its context: the reader sees where, not all."""
    tokens = _tokens(text)
    if len(tokens) <= 2 * CONTEXT + 10 or (first and last):
        return text
    head, tail = "".join(tokens[:CONTEXT]), "".join(tokens[-CONTEXT:])
    if first:
        return "…" + tail
    if last:
        return head + "…"
    return head + " … " + tail


def text_diff(old: str, new: str, lang: str) -> str:
    """A text's changed paragraphs as one HTML block; unchanged paragraphs are left out (…)."""

    def paragraphs(text: str) -> list[str]:
        parts = [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", text.strip())]
        return [join_cjk_lines(p) if lang == "zh" else p for p in parts if p]

    a, b = paragraphs(old), paragraphs(new)
    shown: list[str] = []
    gap = '<p class="pp-diff__gap" aria-hidden="true">…</p>'
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            shown.append(gap)
            continue
        pairs = list(zip(a[i1:i2], b[j1:j2], strict=False))
        shown += [f"<p>{inline_diff(x, y, lang)}</p>" for x, y in pairs]
        shown += [f"<p>{_mark('del', x, lang)}</p>" for x in a[i1 + len(pairs) : i2]]
        shown += [f"<p>{_mark('ins', y, lang)}</p>" for y in b[j1 + len(pairs) : j2]]
    while shown and shown[0] == gap:
        shown.pop(0)
    while shown and shown[-1] == gap:
        shown.pop()
    return '<div class="pp-diff">' + "".join(shown) + "</div>"


def _figures(site: Site, doc_id: str, lang: str, today: dt.date):
    """Replace {{ parameter }} with the figure it shows today (the same on both sides of a diff)."""
    doc = site.document(doc_id)

    def figure(match: re.Match) -> str:
        if doc and match.group(1) in DOCUMENT_DATES:
            day = document_date(doc, match.group(1))
            return format_date(day, lang) if day else match.group(1)
        parameter = doc.parameters.get(match.group(1)) if doc else None
        if parameter is None:
            return match.group(1)
        value = parameter.value_on(doc.reference_date(today))  # type: ignore[union-attr]
        return format_value(value, parameter.unit, lang)

    return lambda text: PLACEHOLDER.sub(figure, text)


def _value(entry: dict, unit: str, lang: str, status: bool) -> str:
    text = t("ended", lang) if entry["value"] is None else format_value(parse_number(entry["value"]), unit, lang)
    if status and entry["value"] is not None:
        label = STATUS_LABELS[entry["status"]][lang]
        text += f"（{label}）" if lang == "zh" else f" ({label})"
    return text


def value_changes(old: dict | None, new: dict | None, lang: str) -> list[str]:
    """Each dated value that differs: 'From 16 May 2016: 1,000 yuan → 1,200 yuan'."""
    before = {e["since"]: e for e in old["values"]} if old else {}
    after = {e["since"]: e for e in new["values"]} if new else {}
    lines = []
    for since in sorted(set(before) | set(after)):
        o, n = before.get(since), after.get(since)
        if o == n:
            continue
        if o is None:
            change = t("changes_value_added", lang, value=_value(n, new["unit"], lang, True))  # type: ignore[index]
        elif n is None:
            change = t("changes_value_removed", lang, value=_value(o, old["unit"], lang, True))  # type: ignore[index]
        else:
            status = o["status"] != n["status"]
            was, now = _value(o, old["unit"], lang, status), _value(n, new["unit"], lang, status)  # type: ignore[index]
            change = f"{was} → {now}" if was != now else t("changes_value_source", lang, value=now)
        lines.append(t("changes_value_since", lang, date=format_date(dt.date.fromisoformat(since), lang), change=change))
    return lines


PARAMETER_FIELDS = (
    ("label", "changes_f_label"),
    ("unit", "changes_f_unit"),
    ("status", "changes_f_status"),
    ("reference", "changes_f_reference"),
    ("code", "changes_f_code"),
)


def changes_view(history: History, site: Site, lang: str) -> dict[str, Any]:
    """Everything the what-changed page shows, in one language."""
    current, base = history.manifest, history.baseline
    view: dict[str, Any] = {
        "current": dt.date.fromisoformat(current["build_date"]),
        "previous": dt.date.fromisoformat(base["build_date"]) if base else None,
        "first": base is None,
        "clauses": {"added": [], "removed": [], "changed": []},
        "parameters": {"added": [], "removed": [], "changed": []},
    }
    if base is None:
        view["any"] = False
        return view
    several = len(set(current.get("documents", {})) | set(base.get("documents", {}))) > 1

    def doc_title(doc_id: str) -> str:
        titles = current.get("documents", {}).get(doc_id) or base.get("documents", {}).get(doc_id) or {}
        return titles.get(lang, doc_id) if several else ""

    def clause_item(record: dict, exists: bool) -> dict[str, Any]:
        title = record[lang]["title"]
        return {
            "doc": record["doc"],
            "clause": record["clause"],
            "label": f"{clause_number(record['number'], lang)} {join_cjk_lines(title) if lang == 'zh' else title}",
            "doc_title": doc_title(record["doc"]),
            "exists": exists,
            "fields": [],
            "notes": [],
        }

    now_clauses, old_clauses = current["clauses"], base["clauses"]
    for key, record in now_clauses.items():
        old = old_clauses.get(key)
        if old is None:
            view["clauses"]["added"].append(clause_item(record, True))
            continue
        if all(old[x]["sha256"] == record[x]["sha256"] for x in LANGS):
            continue
        item = clause_item(record, True)
        figures = _figures(site, record["doc"], lang, history.today)
        for (label, was), (_, now) in zip(_fields(old, lang), _fields(record, lang), strict=True):
            if was != now:
                item["fields"].append((label, text_diff(figures(was), figures(now), lang)))
        other = "en" if lang == "zh" else "zh"
        other_changed = any(a != b for (_, a), (_, b) in zip(_fields(old, other), _fields(record, other), strict=True))
        if old["meta"] != record["meta"]:
            item["notes"].append(t("changes_clause_details", lang))
        if not item["fields"]:
            item["notes"].append(t("changes_clause_other_lang" if other_changed else "changes_clause_layout", lang))
        view["clauses"]["changed"].append(item)
    for key, record in old_clauses.items():
        if key not in now_clauses:
            view["clauses"]["removed"].append(clause_item(record, False))

    def parameter_item(record: dict, exists: bool) -> dict[str, Any]:
        return {
            "doc": record["doc"],
            "name": record["name"],
            "label": record["definition"]["label"][lang],
            "doc_title": doc_title(record["doc"]),
            "exists": exists,
            "lines": [],
        }

    now_parameters, old_parameters = current["parameters"], base["parameters"]
    sep = "、" if lang == "zh" else ", "
    for key, record in now_parameters.items():
        old = old_parameters.get(key)
        if old is not None and old["sha256"] == record["sha256"]:
            continue
        item = parameter_item(record, True)
        new_definition = record["definition"]
        if old is None:
            item["lines"] = value_changes(None, new_definition, lang)
            view["parameters"]["added"].append(item)
            continue
        old_definition = old["definition"]
        fields = [t(label, lang) for field, label in PARAMETER_FIELDS if old_definition.get(field) != new_definition.get(field)]
        if fields:
            item["lines"].append(t("changes_param_fields", lang, fields=sep.join(fields)))
        item["lines"] += value_changes(old_definition, new_definition, lang)
        view["parameters"]["changed"].append(item)
    for key, record in old_parameters.items():
        if key not in now_parameters:
            view["parameters"]["removed"].append(parameter_item(record, False))
    view["any"] = any(view[kind][change] for kind in ("clauses", "parameters") for change in ("added", "removed", "changed"))
    return view
