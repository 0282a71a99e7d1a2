"""`policypress new`: scaffold a document or a clause with every field of the schema.

Every placeholder is a value the schema rejects (an empty text, `TODO` where an id or a date
belongs), so `policypress check` lists each one as `file:line: what is wrong — how to fix it`
until the editor has filled it in.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_RULE = "lowercase letters, digits and single hyphens, e.g. m11-new-measure"


class ScaffoldError(Exception):
    """The scaffold was refused: nothing was written."""


DOCUMENT_TEMPLATE = """\
# A new policy document: fill in every field (see policy/README.md), then run `policypress check`.
id: {id}                          # must equal the folder name
number: ""                        # 发文字号, e.g. 临人社发〔2016〕12号
title:                            # the full title, as on the notice
  zh: ""
  en: ""
short_title:                      # used in navigation and breadcrumbs
  zh: ""
  en: ""
issuers:                          # 发文机关, in the order of the notice
  - zh: ""
    en: ""
addressees:                       # 主送机关 (delete these three lines if the notice has none)
  zh: ""
  en: ""
signed: TODO                      # 成文日期, e.g. 2016-06-12
effective: TODO                   # 施行日期: first day in force, e.g. 2016-05-16
expires: TODO                     # 有效期至: the last day in force, e.g. 2020-05-15; write open-ended only when
                                  # the text says 长期有效; delete the line when the text states no expiry
# forwards:                       # a forwarding notice (转发): the document it passes on
#   number: ""                    #   its 发文字号
#   title: {{zh: "", en: ""}}
#   issuers: [{{zh: "", en: ""}}]
#   signed: TODO
basis: []                         # documents this one implements: - {{number: …, title: {{zh: …, en: …}}}}
supersedes: []                    # ids or numbers of documents this one replaces
superseded_by: []
# calculators: {package}         # its calculators: the folder calculators/{package}/ (see policy/README.md)
# apply:                          # how to apply, for every clause that does not say so itself
#   zh: {{where: "", documents: [""]}}
#   en: {{where: "", documents: [""]}}
# hotline: ""                     # the document's own hotline, when it is not the site's
# hotline_label: {{zh: "", en: ""}}
parts:                            # the notice's top-level parts
  - id: TODO                      # lowercase id, e.g. one
    number: ""                    # as numbered in the notice, e.g. 一 or 第一章; leave "" if its parts have no number
    title:
      zh: ""
      en: ""
actions: []                       # - {{id: …, part: <a part id>, number: （一）, title: {{zh: …, en: …}}}}
attachments: []                   # - {{number: 1, clause: <a clause id>, title: {{zh: …, en: …}}}}
"""

CLAUSE_ZH_TEMPLATE = """\
---
id: {id}                          # same as the file name
number: ""                        # as numbered in the document, e.g. 二(一)2 or 第三条
order: {order}                    # position in the notice (1 = preamble), unique
part: TODO                        # a part id from document.yaml: {parts}
action: TODO                      # an action id from document.yaml: {actions} (delete this line if the clause belongs to no action)
title: ""                         # the measure's lead sentence, without the final 。
summary: ""                       # 2–3 plain sentences a resident understands; figures as {{{{ topic.name }}}}
target_groups: [TODO]             # ids from policy/vocabulary.yaml
benefit_types: [TODO]             # ids from policy/vocabulary.yaml
amounts: []                       # parameters shown in the "amounts" box, e.g. [startup.min_subsidy]
apply:                            # only what the notice says: delete a key (or all of apply) if it is silent
  where: ""                       # where to apply
  documents: [""]                 # what to bring
  reviewed_by: ""                 # who reviews
related: []                       # other clause ids of this document
# Below the closing '---': the official Chinese text, exactly as in the notice (do not reword it;
# full-width punctuation; paragraphs separated by a blank line; the title is not repeated).
---
"""

CLAUSE_EN_TEMPLATE = """\
---
id: {id}                          # same as the Chinese file's id
title: ""                         # the English title
summary: ""                       # the Chinese summary in plain English; figures as {{{{ topic.name }}}}
apply:                            # the same keys as the Chinese file's apply, translated
  where: ""
  documents: [""]
  reviewed_by: ""
# Below the closing '---': a complete and faithful translation of the official text, paragraph
# for paragraph, using the terms in policy/glossary.yaml; figures as {{{{ topic.name }}}}.
---
"""


def _check_id(kind: str, value: str) -> None:
    if not ID_PATTERN.match(value):
        raise ScaffoldError(f"'{value}' is not a valid {kind} id — use {ID_RULE}")


def new_document(root: Path, doc_id: str) -> list[Path]:
    """Create policy/DOC_ID/document.yaml and empty parameters/ and examples/ folders."""
    _check_id("document", doc_id)
    folder = root / "policy" / doc_id
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists — choose another id, or edit the document that is there")
    (folder / "parameters").mkdir(parents=True)
    (folder / "examples").mkdir()
    path = folder / "document.yaml"
    path.write_text(DOCUMENT_TEMPLATE.format(id=doc_id, package=doc_id.replace("-", "_")), encoding="utf-8")
    return [path, folder / "parameters", folder / "examples"]


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    try:
        data = yaml.safe_load(text.split("---", 2)[1])
    except (yaml.YAMLError, IndexError):
        return {}
    return data if isinstance(data, dict) else {}


def _orders(folder: Path) -> dict[str, int]:
    orders = {}
    for path in sorted(folder.glob("*.zh.md")):
        order = _front(path).get("order")
        if isinstance(order, int) and not isinstance(order, bool):
            orders[path.name.removesuffix(".zh.md")] = order
    return orders


def _ids(items: object) -> str:
    ids = [str(item.get("id")) for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    return ", ".join(ids) if ids else "(none yet)"


def _shift_orders(folder: Path, orders: dict[str, int], start: int) -> list[Path]:
    """Move every clause at position `start` or later one place down; returns the files changed."""
    changed = []
    for stem, order in orders.items():
        if order >= start:
            path = folder / f"{stem}.zh.md"
            text = path.read_text(encoding="utf-8")
            new, count = re.subn(rf"(?m)^order:(\s*){order}\b", rf"order:\g<1>{order + 1}", text, count=1)
            if count:
                path.write_text(new, encoding="utf-8")
                changed.append(path)
    return changed


def new_clause(root: Path, doc_id: str, clause_id: str, after: str | None = None) -> tuple[list[Path], list[Path]]:
    """Create DOC_ID/CLAUSE_ID.zh.md and .en.md; returns (created, renumbered)."""
    _check_id("document", doc_id)
    _check_id("clause", clause_id)
    folder = root / "policy" / doc_id
    document = folder / "document.yaml"
    if not document.is_file():
        raise ScaffoldError(f"no document '{doc_id}' ({document} does not exist) — create it with: policypress new document {doc_id}")
    paths = [folder / f"{clause_id}.zh.md", folder / f"{clause_id}.en.md"]
    for path in paths:
        if path.exists():
            raise ScaffoldError(f"{path} already exists — choose another clause id, or edit the clause that is there")
    orders = _orders(folder)
    if after is not None:
        if after not in orders:
            known = ", ".join(sorted(orders)) or "(none)"
            raise ScaffoldError(f"--after: no clause '{after}' with an order in {doc_id} — use one of: {known}")
        order = orders[after] + 1
    else:
        order = max(orders.values(), default=0) + 1
    try:
        meta = yaml.safe_load(document.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        meta = None
    meta = meta if isinstance(meta, dict) else {}
    renumbered = _shift_orders(folder, orders, order) if after is not None else []
    fields = {"id": clause_id, "order": order, "parts": _ids(meta.get("parts")), "actions": _ids(meta.get("actions"))}
    paths[0].write_text(CLAUSE_ZH_TEMPLATE.format(**fields), encoding="utf-8")
    paths[1].write_text(CLAUSE_EN_TEMPLATE.format(**fields), encoding="utf-8")
    return paths, renumbered
