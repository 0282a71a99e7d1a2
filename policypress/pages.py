"""Content → docs tree: every generated page as Markdown, per language.

Plain functions over the loaded `Site`, tested without building a site. The site engine
(MkDocs + Material today) only renders what this returns.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from reports.cells import CARD_IMPORT_MAX_BYTES, REPORT_IMPORT_MAX_BYTES, REPORT_MAX_ROWS

from .content import DOCUMENT_DATES, LANGS, PLACEHOLDER, Clause, PolicyDocument, Site, document_date
from .flowchart import draw
from .history import History, changes_view
from .i18n import PUBLICITY_STRINGS, format_date, join_cjk_lines, offline_strings, t
from .parameters import STATUS_LABELS, STATUS_TAGS, Parameter, format_value
from .standing import Edition, Related, Standing, superseded_by, supersedes
from .worked import worked_examples

_env = Environment(
    loader=PackageLoader("policypress", "templates"),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


# --- paths ---------------------------------------------------------------------------------


def document_path(doc: PolicyDocument) -> str:
    return f"documents/{doc.id}/index.md"


def clause_path(clause: Clause) -> str:
    return f"documents/{clause.doc_id}/{clause.id}.md"


def parameters_path(doc: PolicyDocument) -> str:
    return f"documents/{doc.id}/parameters.md"


def group_path(group_id: str) -> str:
    return f"groups/{group_id}.md"


def benefit_path(benefit_id: str) -> str:
    return f"benefits/{benefit_id}.md"


def parameter_anchor(name: str) -> str:
    return "param-" + name.replace(".", "-").replace("_", "-")


def page_url(path: str) -> str:
    """The URL MkDocs gives a page (use_directory_urls): a/b.md → a/b/, a/index.md → a/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def alternate_url(path: str, lang: str) -> str:
    """Relative URL from a page to the same page in the other language (English lives in en/)."""
    url = page_url(path)
    depth = url.count("/")
    if lang == "zh":
        return "../" * depth + "en/" + url
    return "../" * (depth + 1) + url or "./"


# --- rendering helpers ----------------------------------------------------------------------


@dataclass
class PageContext:
    """What a template needs to know about the page it renders: the edition (the site on the
    build date, with each document's standing), the language and the page's path."""

    edition: Edition
    lang: str
    path: str
    # The figures' badges shown on the page so far: status → the document whose figure had it
    # (render() explains them once, below the page: `badge_legend`).
    badges: dict[str, PolicyDocument] = dataclass_field(default_factory=dict, compare=False, repr=False)

    @property
    def site(self) -> Site:
        return self.edition.site

    @property
    def today(self) -> dt.date:
        return self.edition.today

    def standing(self, doc: PolicyDocument) -> Standing:
        return self.edition.of(doc)

    def link(self, target: str) -> str:
        """Relative .md link from this page to `target` (MkDocs checks and rewrites it)."""
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def t(self, key: str, **values: str) -> str:
        return t(key, self.lang, **values)

    def date(self, day: dt.date | None) -> str:
        return format_date(day, self.lang) if day else ""

    def text(self, value: object) -> str:
        """A bilingual value (model with zh/en) or plain text, in this page's language."""
        if isinstance(value, dict):
            value = value[self.lang]
        text = getattr(value, self.lang) if hasattr(value, self.lang) else str(value)
        return join_cjk_lines(text) if self.lang == "zh" else text

    def alternate(self) -> str:
        return alternate_url(self.path, self.lang)

    def parenthesis(self, text: str) -> str:
        """（text） in Chinese, " (text)" in English."""
        return f"（{text}）" if self.lang == "zh" else f" ({text})"

    def hotline(self, doc: PolicyDocument | None = None, clause: Clause | None = None) -> str:
        """The clause's own hotline, else its document's, else the site's."""
        return (clause and clause.meta.hotline) or (doc and doc.meta.hotline) or self.site.config.hotline

    def hotline_label(self, doc: PolicyDocument | None = None) -> object:
        return (doc and doc.meta.hotline and doc.meta.hotline_label) or self.site.config.hotline_label

    def apply_of(self, doc: PolicyDocument, clause: Clause) -> object:
        """How to apply: the clause's own words, else its document's, else None."""
        return clause.apply(self.lang) or (getattr(doc.meta.apply, self.lang) if doc.meta.apply else None)

    def apply_fallback(self, doc: PolicyDocument, clause: Clause) -> str:
        """What to say where neither the clause nor its document says how to apply: the site's
        words (site.yaml how_to_apply), else a neutral sentence."""
        fallback = self.site.config.how_to_apply
        text = getattr(fallback, self.lang) if fallback else self.t("apply_silent")
        return text.replace("{hotline}", self.hotline(doc, clause))

    def figure(self, doc: PolicyDocument, name: str, as_issued: bool = False) -> str:
        """A parameter's value on the document's reference date, linked to its source, with its
        status, and the day it took effect when that was after the document's own start; or one
        of the document's own dates ({{ document.effective }}). `as_issued`: the value the text
        stated when the document took effect (a translation of the text says what the text says,
        not what a later change made of it)."""
        if name in DOCUMENT_DATES:
            return self.date(document_date(doc, name))
        parameter = doc.parameters[name]
        day = doc.meta.effective if as_issued else self.edition.reference_date(doc)
        entry = parameter.entry_on(day) or (parameter.entries[0] if as_issued and parameter.entries else None)
        value = entry.value if entry else None
        status = entry.status if entry is not None and value is not None else "unset"
        shown = format_value(value, parameter.unit, self.lang)
        if not as_issued and entry is not None and value is not None and entry.since > doc.meta.effective:
            since = self.t("figure_since", date=self.date(entry.since))  # beside the figure, free to wrap
        else:
            since = ""
        title = STATUS_LABELS[status][self.lang].replace('"', "'")
        href = self.link(parameters_path(doc)) + "#" + parameter_anchor(name)
        self.badges.setdefault(status, doc)
        return f'[{shown}{self.badge(status)}]({href}){{ .pp-fig .pp-fig--{status} title="{title}" }}{since}'

    def badge(self, status: str) -> str:
        """A figure's status tag ("文件" / "document"), drawn small beside it. Read as text (copied,
        read aloud, extracted) it is set apart from the figure and says what it means, "5年（文件：
        本文件规定）" / "5 years (document: set by this document)", never "5年文件"; search leaves it
        out of the index, so a snippet shows the figure alone."""
        tag, label = STATUS_TAGS[status][self.lang], STATUS_LABELS[status][self.lang]
        opening, between, closing = ("（", "：", "）") if self.lang == "zh" else (" (", ": ", ")")
        hidden = '<span class="pp-fig__said">{}</span>'
        return f'<sup class="pp-fig__tag" data-search-exclude>{hidden.format(opening)}{tag}{hidden.format(between + label + closing)}</sup>'

    def expand(self, doc: PolicyDocument, text: str, as_issued: bool = False) -> str:
        """Replace {{ parameter }} placeholders with figures (as the text stated them, for `as_issued`)."""
        return PLACEHOLDER.sub(lambda m: self.figure(doc, m.group(1), as_issued), self.text(text))


def source(ctx: PageContext, doc: PolicyDocument, parameter: Parameter) -> str:
    """Where a parameter's current figure comes from, as Markdown for a table cell."""
    entry = parameter.entry_on(ctx.edition.reference_date(doc))
    reference = (entry.reference if entry else None) or parameter.reference
    if reference is None:
        return ""
    text = reference.document
    if reference.clause and doc.clause(reference.clause):
        clause = doc.clause(reference.clause)
        text += f" [{clause.number(ctx.lang)}]({ctx.link(clause_path(clause))})"
    if reference.publication:
        text += f"，{reference.publication}" if ctx.lang == "zh" else f", {reference.publication}"
    if reference.href:
        text += f" [↗]({reference.href})"
    if not reference.findable:
        text += t("source_unnumbered", ctx.lang)
    return text.replace("|", "\\|")


_env.globals["source"] = source
_env.globals["related_link"] = lambda ctx, related: related_link(ctx, related)
_env.globals["supersedes"] = supersedes
_env.globals["superseded_by"] = superseded_by
_env.globals["worked"] = worked_examples
_env.globals["calculators_for"] = lambda doc, clause_id: [c for c in calculators_of(doc) if c.clause == clause_id]


# --- attachments drawn from code (a flowchart) ------------------------------------------------


def flowcharts_of(doc: PolicyDocument) -> dict:
    """clause id → {tree, figures, title, description}: the flowcharts the document's calculators package draws
    (its FLOWCHARTS), so an attachment's picture comes from the same code as its rules."""
    import importlib

    if not doc.meta.calculators:
        return {}
    return dict(getattr(importlib.import_module(f"calculators.{doc.meta.calculators}"), "FLOWCHARTS", {}))


def flowchart(ctx: PageContext, doc: PolicyDocument, clause_id: str) -> str:
    """A clause page's drawing: its figures are the document's parameters on its reference date,
    its links raw-HTML hrefs to the clause pages."""
    chart = flowcharts_of(doc)[clause_id]
    tree, figures = chart["tree"], chart["figures"]
    day = ctx.edition.reference_date(doc)
    values = {}
    for key, name in figures.items():
        value = doc.parameters[name].value_on(day) if name in doc.parameters else None
        if value is not None:
            values[key] = int(value) if float(value).is_integer() else value

    def link(target: str) -> str:
        clause = doc.clause(target)
        if clause is None:
            raise ValueError(f"the flowchart links to {target}, which {doc.id} does not have")
        return _relative_url(ctx.path, clause_path(clause))

    return draw(tree, ctx.lang, link, values, chart.get("title"), chart.get("description"))


_env.globals["flowchart"] = flowchart
_env.globals["flowcharts_of"] = flowcharts_of


def front_matter(**values: object) -> str:
    return "---\n" + yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def plain(ctx: PageContext, doc: PolicyDocument | None, text: str) -> str:
    """Text with placeholders replaced by bare figures (for <meta> descriptions)."""

    def figure(match) -> str:
        if match.group(1) in DOCUMENT_DATES:
            return ctx.date(document_date(doc, match.group(1)))
        parameter = doc.parameters[match.group(1)]
        return format_value(parameter.value_on(ctx.edition.reference_date(doc)), parameter.unit, ctx.lang)

    return PLACEHOLDER.sub(figure, ctx.text(text)) if doc else ctx.text(text)


# Search ranks a measure's own page above the pages that list or quote it (parameters, browse
# pages, the full text). A title match weighs 1000 times a text match, so the parameters
# page, whose every section title names a figure, must weigh far less to rank below.
SEARCH_BOOST = {"clause.md.j2": 4, "document.md.j2": 1, "parameters.md.j2": 0.001, "glossary.md.j2": 0.01, "calculator.md.j2": 0.002}
DEFAULT_SEARCH_BOOST = 0.5
HISTORY_SEARCH_WEIGHT = 0.5
# Not indexed: the what-changed page quotes old and new clause texts, which search would
# otherwise offer beside (or instead of) the clauses themselves.
SEARCH_EXCLUDE = {"changes.md.j2", "moved.md.j2"}
# The pages that offer to save the site on this device ("offer": the reader chooses; a first
# visit downloads only its page) and those that save it by themselves ("auto": the staff's).
OFFLINE = {"calculator.md.j2": "offer", "selfcheck.md.j2": "offer", "staff.md.j2": "auto", "card.md.j2": "auto", "report.md.j2": "auto"}
CHANGES_PATH = "changes.md"


def render(template: str, ctx: PageContext, title: str, description: str = "", **values: object) -> str:
    meta: dict[str, object] = {"alternate": alternate_url(ctx.path, ctx.lang)}
    if ctx.path != "index.md":  # the home page's window title is the site name alone
        meta["title"] = title
    boost = SEARCH_BOOST.get(template, DEFAULT_SEARCH_BOOST)
    doc = values.get("doc")
    if isinstance(doc, PolicyDocument) and ctx.standing(doc).history:
        boost *= HISTORY_SEARCH_WEIGHT  # a document in force ranks before one that has ended
    meta["search"] = {"exclude": True} if template in SEARCH_EXCLUDE else {"boost": boost}
    if template in OFFLINE:  # the box that saves the site on this device (theme/main.html)
        meta["offline"] = {"mode": OFFLINE[template], **offline_strings(ctx.lang)}
    if description:
        meta["description"] = " ".join(plain(ctx, values.get("doc"), description).split())
    if isinstance(values.get("doc"), PolicyDocument):  # whose parameters the page's calculator uses
        meta["document"] = values["doc"].id
    meta["stale"] = stale_notice(ctx, doc if isinstance(doc, PolicyDocument) else None)
    body = _env.get_template(template).render(c=ctx, site=ctx.site, lang=ctx.lang, title=title, **values)
    if template != "parameters.md.j2":  # that page explains every status at its top
        body += badge_legend(ctx)
    return front_matter(**meta) + body


def stale_notice(ctx: PageContext, doc: PolicyDocument | None) -> dict[str, str] | None:
    """The day after which this page no longer tells the truth about standing, and what to say
    then (policypress-stale.js shows it when the reader's today is past that day): a static page
    may be read long after it was built. For a document's page, the day its standing changes
    next; for the other pages, the first such day of any document of the site."""
    docs = [doc] if doc is not None else ctx.site.documents
    changes = []
    for d in docs:
        s = ctx.standing(d)
        if s.state == "not_yet":
            changes.append(s.effective)
        elif s.state == "in_force" and s.last_day is not None:
            changes.append(s.last_day + dt.timedelta(days=1))
        for r in s.to_be_replaced_by:
            if r.document is not None:
                changes.append(r.document.meta.effective)
    if not changes:
        return None
    day = min(changes)
    key = "stale_document" if doc is not None else "stale_site"
    return {
        "after": (day - dt.timedelta(days=1)).isoformat(),
        "text": ctx.t(key, built=ctx.date(ctx.today), day=ctx.date(day), hotline=ctx.hotline(doc)),
    }


def badge_legend(ctx: PageContext) -> str:
    """Below a page that shows figures: what each of its badges means, once, with a link to the
    figures' page (which explains them all). Empty for a page without figures."""
    if not ctx.badges:
        return ""
    items = "；" if ctx.lang == "zh" else "; "
    explained = items.join(
        f'<span class="pp-fig pp-fig--{status}">{STATUS_TAGS[status][ctx.lang]}</span> {STATUS_LABELS[status][ctx.lang]}'
        for status in STATUS_LABELS
        if status in ctx.badges
    )
    doc = next(iter(ctx.badges.values()))
    link = f"[{t('parameters', ctx.lang)}]({ctx.link(parameters_path(doc))})"
    return f'\n\n{t("badge_legend", ctx.lang, items=explained, link=link)}\n{{ .pp-fig-legend #pp-fig-legend data-search-exclude="" }}\n'


# --- pages ------------------------------------------------------------------------------------


def validity_text(ctx: PageContext, doc: PolicyDocument) -> str:
    """One sentence on whether the document applies on the build date (banners, leaflets)."""
    v = ctx.standing(doc)
    start, end = ctx.date(doc.meta.effective), ctx.date(doc.meta.last_day)
    if v.state == "replaced" and v.replaced_on and (not doc.meta.last_day or v.replaced_on <= doc.meta.last_day):
        return ctx.t("banner_replaced", start=start, since=ctx.date(v.replaced_on), hotline=ctx.hotline(doc))
    if v.state in ("expired", "replaced"):
        return ctx.t("banner_expired", end=end, hotline=ctx.hotline(doc))
    if v.state == "not_yet":
        return ctx.t("banner_not_yet", start=start)
    return ctx.t("banner_in_force", start=start, end=end) if doc.meta.last_day else ctx.t(f"banner_in_force_{doc.meta.expiry}", start=start)


def banner(ctx: PageContext, doc: PolicyDocument) -> str:
    """The validity banner as a Material admonition."""
    v = ctx.standing(doc)
    kind = {"in_force": "success", "expired": "warning", "replaced": "warning", "not_yet": "info"}[v.state]
    text = validity_text(ctx, doc)
    lines = [f'!!! {kind} pp-validity pp-validity--{v.state} "{status_label(ctx, v)}"', "", f"    {text}"]
    separator = "、" if ctx.lang == "zh" else ", "
    now, later = v.replaced_by, v.to_be_replaced_by
    if now:
        lines += ["", "    " + ctx.t("banner_superseded", by=separator.join(related_link(ctx, r) for r in now))]
    for r in later:
        assert r.document is not None
        lines += ["", "    " + ctx.t("banner_to_be_superseded", by=related_link(ctx, r), start=ctx.date(r.document.meta.effective))]
    replaces = supersedes(ctx.site, doc)
    if replaces:
        lines += ["", "    " + ctx.t("banner_supersedes", what=separator.join(related_link(ctx, r) for r in replaces))]
    return "\n".join(lines) + "\n"


_env.globals["banner"] = banner


def related_link(ctx: PageContext, related: Related) -> str:
    """Another document named by supersedes / superseded_by: a link when the site has it."""
    if related.document is None:
        return related.reference
    meta = related.document.meta
    return f"[{ctx.text(meta.short_title)}{ctx.parenthesis(meta.number)}]({ctx.link(document_path(related.document))})"


def status_label(ctx: PageContext, v: Standing) -> str:
    return ctx.t(f"status_{v.state}")


def generate(edition: Edition, lang: str, history: History | None = None) -> dict[str, str]:
    """Every generated page of one language: {path in the docs tree: Markdown}."""
    from .publicity import publicity_words

    site, today = edition.site, edition.today
    pages: dict[str, str] = {}
    history = history or History.none(today)

    def ctx(path: str) -> PageContext:
        return PageContext(edition, lang, path)

    measures = edition.measures()  # of the documents in force: never offered from history
    pages["index.md"] = render(
        "home.md.j2",
        ctx("index.md"),
        site.config.name.zh if lang == "zh" else site.config.name.en,
        site.config.tagline.zh if lang == "zh" else site.config.tagline.en,
        banner=banner,
        measures=measures,
        publicity_now=_publicity_now(site, today),
        pw=publicity_words(lang, site, today),
        has_selfcheck=_selfcheck_calculator(site) is not None,
    )
    pages["for-residents.md"] = render(
        "residents.md.j2",
        ctx("for-residents.md"),
        t("for_residents", lang),
        t("for_residents_lead", lang),
        measures=measures,
        has_selfcheck=_selfcheck_calculator(site) is not None,
    )
    pages["for-staff.md"] = render(
        "staff.md.j2",
        ctx("for-staff.md"),
        t("for_staff", lang),
        t("for_staff_lead", lang),
    )
    pages["documents/index.md"] = render("documents.md.j2", ctx("documents/index.md"), t("documents", lang))

    for doc in site.documents:
        c = ctx(document_path(doc))
        pages[document_path(doc)] = render(
            "document.md.j2",
            c,
            c.text(doc.meta.short_title),
            c.text(doc.meta.title),
            doc=doc,
            banner=banner(c, doc),
            v=c.standing(doc),
        )
        c = ctx(parameters_path(doc))
        pages[parameters_path(doc)] = render(
            "parameters.md.j2",
            c,
            f"{t('parameters', lang)} · {c.text(doc.meta.short_title)}",
            t("parameters_lead", lang),
            doc=doc,
            groups=_parameter_groups(doc),
            anchor=parameter_anchor,
            format_value=format_value,
            STATUS_LABELS=STATUS_LABELS,
            STATUS_TAGS=STATUS_TAGS,
            changed_on=lambda name, doc=doc: history.parameter_date(doc.id, name),
        )
        for clause in doc.clauses:
            c = ctx(clause_path(clause))
            pages[clause_path(clause)] = render(
                "clause.md.j2",
                c,
                f"{clause.number(lang)} {clause.title(lang)}",
                clause.summary(lang),
                doc=doc,
                clause=clause,
                banner=banner(c, doc),
                last_changed=history.clause_date(doc.id, clause.id),
            )

    for kind, vocabulary, path_of in (
        ("group", site.vocabulary.target_groups, group_path),
        ("benefit", site.vocabulary.benefit_types, benefit_path),
    ):
        index_path = path_of("index")
        title = t("by_group" if kind == "group" else "by_benefit", lang)
        pages[index_path] = render("browse_index.md.j2", ctx(index_path), title, vocabulary=vocabulary, path_of=path_of, kind=kind)
        for term_id, term in vocabulary.items():
            field = "target_groups" if kind == "group" else "benefit_types"
            matching = [(doc, c) for doc in edition.documents for c in doc.clauses if term_id in getattr(c.meta, field)]
            pages[path_of(term_id)] = render(
                "browse_term.md.j2",
                ctx(path_of(term_id)),
                getattr(term, lang),
                getattr(term.description, lang),
                term=term,
                clauses=[(d, c) for d, c in matching if not edition.of(d).history],
                history_clauses=[(d, c) for d, c in matching if edition.of(d).history],
                kind=kind,
            )

    pages.update(calculator_pages(edition, lang))
    pages.update(selfcheck_pages(edition, lang))
    pages.update(card_pages(edition, lang))
    pages.update(report_pages(edition, lang))
    pages.update(moved_staff_pages(edition, lang, pages))
    from .publicity import publicity_pages

    pages.update(publicity_pages(edition, lang))

    pages["glossary.md"] = render("glossary.md.j2", ctx("glossary.md"), t("glossary", lang), t("glossary_lead", lang))
    pages[CHANGES_PATH] = render(
        "changes.md.j2",
        ctx(CHANGES_PATH),
        t("changes", lang),
        t("changes_lead", lang),
        view=changes_view(history, site, lang),
        anchor=parameter_anchor,
    )

    for page in site.pages:
        path = f"{page.slug}.md"
        meta = page.meta[lang]
        pages[path] = front_matter(title=meta.title, alternate=alternate_url(path, lang)) + page.body[lang].lstrip("\n")
    return pages


def calculator_path(name: str) -> str:
    return f"calculators/{name}.md"


def calculators_of(doc: PolicyDocument) -> list:
    """The calculators `doc` declares that implement its clauses, in the order of those clauses."""
    from .content import document_calculators

    order = {c.id: c.meta.order for c in doc.clauses}
    found = document_calculators(doc.meta).values()
    return sorted((calc for calc in found if calc.clause in order), key=lambda calc: (order[calc.clause], calc.name))


def _script_json(value: object) -> str:
    """JSON safe inside <script>: no '<' (so no '</script>' or '<!--') and no '>' or '&' at all."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


FIELD_KEYS = {
    "help": None,
    "default": None,
    "default_from": None,
    "unit": None,
    "options": [],
    "rows": [],
    "minimum": None,
    "maximum": None,
}


def _complete(declaration: dict) -> dict:
    """The declaration with every optional key present, for the form template."""

    def field(f: dict) -> dict:
        return {**FIELD_KEYS, **f, "rows": [field(r) for r in f.get("rows", [])]}

    return {**declaration, "inputs": [field(f) for f in declaration["inputs"]]}


def calculator_pages(edition: Edition, lang: str) -> dict[str, str]:
    """A page per calculator with its form generated from the input declarations."""
    from .i18n import SCRIPT_STRINGS

    pages: dict[str, str] = {}
    listed = []
    for doc in edition.documents:
        for calculator in calculators_of(doc):
            path = calculator_path(calculator.name)
            ctx = PageContext(edition, lang, path)
            declaration = calculator.as_json()
            clause = doc.clause(calculator.clause)
            hotline = ctx.hotline(doc, clause)
            # Only {hotline} is filled in here: the script fills the others ({date}, {outcome}, …).
            strings = {key: value[lang].replace("{hotline}", hotline) for key, value in SCRIPT_STRINGS.items()}

            def default_of(name: str, doc: PolicyDocument = doc) -> str:
                parameter = doc.parameters[name]
                return format_value(parameter.value_on(edition.reference_date(doc)), parameter.unit, lang)

            pages[path] = render(
                "calculator.md.j2",
                ctx,
                calculator.title[lang],
                (calculator.summary or calculator.title)[lang],
                doc=doc,
                clause=clause,
                declaration=_complete(declaration),
                declaration_json=_script_json(declaration),
                strings_json=_script_json(strings),
                default_of=default_of,
                plain=lambda text, doc=doc, ctx=ctx: plain(ctx, doc, text),
            )
            listed.append((doc, calculator, clause))
    if listed:
        path = calculator_path("index")
        pages[path] = render("calculators.md.j2", PageContext(edition, lang, path), t("calculators", lang), listed=listed)
    return pages


# --- the self-check: one question at a time, from the `eligibility` calculator's declaration ---

SELFCHECK_PATH = "self-check.md"
SEARCH_BOOST["selfcheck.md.j2"] = 0.002  # low, like the calculators: the measures' own pages rank first


def page_calculator(site: Site, page: str) -> tuple[PolicyDocument, object] | None:
    """(document, calculator) of the first document whose calculators include one for `page`
    ("self-check", "card", "report"), or None when no document has one."""
    for doc in site.documents:
        for calculator in calculators_of(doc):
            if calculator.page == page:
                return doc, calculator
    return None


def _selfcheck_calculator(site: Site) -> tuple[PolicyDocument, object] | None:
    """(document, calculator) of the self-check, or None when no document has one."""
    return page_calculator(site, "self-check")


def _relative_url(from_path: str, to_path: str) -> str:
    """An href for raw HTML (MkDocs rewrites only Markdown links): page URL to page URL."""
    return "../" * page_url(from_path).count("/") + page_url(to_path)


AREA_INPUTS = ("county",)  # inputs answered by choosing one of the site's areas (policy/areas.yaml)


def selfcheck_calculators(edition: Edition) -> list[tuple[PolicyDocument, object]]:
    """(document, calculator) of every document's self-check calculator, in the edition's order
    (documents in force first)."""
    return [(doc, calc) for doc in edition.documents for calc in calculators_of(doc) if calc.page == "self-check"]


def _resolved(condition: Any, doc: PolicyDocument, day: dt.date) -> Any:
    """An input's ask_if with each parameter it names (age_below, age_at_least, age_at_most) as its value on `day`."""
    if isinstance(condition, dict):
        return {
            key: float(doc.parameters[value].value_on(day))
            if key in ("age_below", "age_at_least", "age_at_most")
            else _resolved(value, doc, day)
            for key, value in condition.items()
        }
    if isinstance(condition, list):
        return [_resolved(item, doc, day) for item in condition]
    return condition


def _selfcheck_document(edition: Edition, ctx: PageContext, doc: PolicyDocument, calculator: Any) -> dict[str, Any]:
    """What the self-check page needs of one document: its dates (the page decides on its own day
    whether the document is in force), its words, its calculator's questions and when to ask them."""
    lang, standing = ctx.lang, edition.of(doc)
    from calculators.core.inputs import how_to_write

    declaration = _complete(calculator.as_json())
    day = edition.reference_date(doc)
    for field, declared in zip(declaration["inputs"], calculator.inputs, strict=True):
        if field.get("ask_if") is not None:
            field["ask_if"] = _resolved(field["ask_if"], doc, day)
        if declared.type in ("int", "money"):
            field["how_to_write"] = how_to_write(declared)[lang]  # the calculator's own words for a number it cannot read
    # The last day it applies, its replacements the site holds counted (whatever the build day).
    ends = [
        d
        for d in (
            doc.meta.last_day,
            *(r.document.meta.effective - dt.timedelta(days=1) for r in superseded_by(edition.site, doc) if r.document),
        )
        if d
    ]
    last_day = min(ends) if ends else (day if standing.history else None)  # replaced by a document the site lacks: as the site shows it
    clauses = {
        c.id: {
            "title": f"{c.number(lang)} {c.title(lang)}",
            "apply": _apply_words(ctx, doc, c),
            "hotline": ctx.hotline(doc, c),
        }
        for c in doc.clauses
    }
    return {
        "id": doc.id,
        "calculator": calculator.name,
        "number": doc.meta.number,
        "title": getattr(doc.meta.short_title, lang),
        "effective": doc.meta.effective.isoformat(),
        "last_day": last_day.isoformat() if last_day else None,
        "expires": doc.meta.last_day.isoformat() if doc.meta.last_day else None,  # its own, as its calculators know it
        "hotline": ctx.hotline(doc),
        "hotline_label": getattr(ctx.hotline_label(doc), lang),
        "link": _relative_url(SELFCHECK_PATH, document_path(doc)),
        "declaration": declaration,
        "clauses": clauses,
    }


def _apply_words(ctx: PageContext, doc: PolicyDocument, clause: Clause) -> str:
    """How to apply for `clause` in one line (where, what to bring, who reviews it), as its page says."""
    given = ctx.apply_of(doc, clause)
    if not given:
        return ctx.apply_fallback(doc, clause)
    colon, joiner, stop = ("：", "、", "；") if ctx.lang == "zh" else (": ", "; ", ". ")
    parts = [
        ctx.t(key) + colon + (joiner.join(value) if isinstance(value, list) else value)
        for key, value in (("apply_where", given.where), ("apply_documents", given.documents), ("apply_reviewed_by", given.reviewed_by))
        if value
    ]
    return stop.join(parts) + ("。" if ctx.lang == "zh" else ".")


def selfcheck_pages(edition: Edition, lang: str) -> dict[str, str]:
    """self-check.md: the page shell; policypress-selfcheck.js asks the union of the questions of
    every document's self-check calculator (an input's name is its question) and explains per
    document, those in force on the reader's day first, the others as history."""
    from .i18n import SELFCHECK_STRINGS

    site = edition.site
    found = selfcheck_calculators(edition)
    if not found:
        return {}
    ctx = PageContext(edition, lang, SELFCHECK_PATH)
    hotline = site.config.hotline
    config = {
        "lang": lang,
        "documents": [_selfcheck_document(edition, ctx, doc, calculator) for doc, calculator in found],
        "areas": [area.zh if lang == "zh" else area.en for area in site.areas],
        "area_inputs": list(AREA_INPUTS),
        "calculators": [c.name for d in site.documents for c in calculators_of(d)],
        "strings": {key: value[lang].replace("{hotline}", hotline) for key, value in SELFCHECK_STRINGS.items()},
    }
    groups = f'<a href="{_relative_url(SELFCHECK_PATH, group_path("index"))}">{t("by_group", lang)}</a>'
    page = render(
        "selfcheck.md.j2",
        ctx,
        t("selfcheck_title", lang),
        t("selfcheck_lead", lang),
        doc=found[0][0],
        config_json=_script_json(config),
        noscript=t("selfcheck_noscript", lang, groups=groups, hotline=hotline),
        script_src="../" * page_url(SELFCHECK_PATH).count("/") + "assets/policypress-selfcheck.js",
    )
    return {SELFCHECK_PATH: page}


# --- the monthly statistics report: an editable table checked by `stats-report` ---------------------

SEARCH_BOOST["report.md.j2"] = 0.002


def staff_tool_path(calculator: object) -> str:
    """A staff tool's page (a card, a report) is named by its calculator, unique on the site, so its
    address stays the same when another document brings a tool of the same kind."""
    return f"staff/{calculator.name}.md"  # type: ignore[attr-defined]


def staff_tools(edition: Edition, page: str) -> list[tuple[PolicyDocument, object]]:
    """(document, calculator) of every document's calculators for `page` ("card", "report"),
    documents in force first; a report needs the document's statistics table too."""
    return [
        (doc, calculator)
        for doc in edition.documents
        for calculator in calculators_of(doc)
        if calculator.page == page and (page != "report" or doc.statistics_table is not None)
    ]


def staff_tool_links(c: PageContext, doc: PolicyDocument) -> list[tuple[str, str]]:
    """(label, link) of the document's staff tools, for the staff page's section on it."""
    from .i18n import REPORT_STRINGS

    links = [
        (card_words(calc, c.lang, c.hotline(doc))["page_link"], c.link(staff_tool_path(calc)))
        for d, calc in staff_tools(c.edition, "card")
        if d is doc
    ]
    links += [(REPORT_STRINGS["title"][c.lang], c.link(staff_tool_path(calc))) for d, calc in staff_tools(c.edition, "report") if d is doc]
    return links


_env.globals["staff_tool_links"] = staff_tool_links


def report_pages(edition: Edition, lang: str) -> dict[str, str]:
    """staff/<calculator>.md for each report calculator: the page shell; policypress-report.js
    builds the table from the JSON config."""
    pages: dict[str, str] = {}
    for doc, calculator in staff_tools(edition, "report"):
        path = staff_tool_path(calculator)
        pages[path] = _report_page(edition, lang, doc, calculator, path)
    return pages


def _report_page(edition: Edition, lang: str, doc: PolicyDocument, calculator: Any, path: str) -> str:
    from .i18n import REPORT_STRINGS

    site = edition.site
    assert doc.statistics_table is not None
    ctx = PageContext(edition, lang, path)
    hotline = ctx.hotline(doc)
    strings = {key: value[lang].replace("{hotline}", hotline) for key, value in REPORT_STRINGS.items()}
    config = {
        "calculator": calculator.name,
        "lang": lang,
        "document": doc.id,
        "table": doc.statistics_table.model_dump(mode="json", exclude_none=True),
        "areas": [area.zh if lang == "zh" else area.en for area in site.areas],
        "limits": {"bytes": REPORT_IMPORT_MAX_BYTES, "rows": REPORT_MAX_ROWS},
        "strings": strings,
    }
    return render(
        "report.md.j2",
        ctx,
        strings["title"],
        strings["lead"],
        doc=doc,
        clause=doc.clause(doc.statistics_table.clause),
        strings=strings,
        config_json=_script_json(config),
        script_src="../" * page_url(path).count("/") + "assets/policypress-report.js",
    )


def _parameter_groups(doc: PolicyDocument) -> list[tuple[Clause | None, list[Parameter]]]:
    """Parameters grouped under the first clause (in the notice's order) that shows them;
    those no clause shows come last."""
    groups: list[tuple[Clause | None, list[Parameter]]] = []
    placed: set[str] = set()
    for clause in doc.clauses:
        names = [n for n in clause.meta.amounts if n not in placed]
        if names:
            groups.append((clause, [doc.parameters[n] for n in names]))
            placed.update(names)
    rest = [p for n, p in doc.parameters.items() if n not in placed]
    if rest:
        groups.append((None, rest))
    return groups


# --- the identification card (Attachment 2): a form from the `id-card` declaration ------------------

SEARCH_BOOST["card.md.j2"] = 0.002


def card_words(calculator: object, lang: str, hotline: str) -> dict[str, str]:
    """The card page's words: the calculator's own (its paper form's), over neutral defaults."""
    from .i18n import CARD_STRINGS

    words = {key: value[lang] for key, value in CARD_STRINGS.items()}
    words.update({key: value[lang] for key, value in calculator.words})  # type: ignore[attr-defined]
    return {key: value.replace("{hotline}", hotline) for key, value in words.items()}


def measure_clauses(doc: PolicyDocument) -> dict[int, str]:
    """Measure number → clause id, as the document's calculators number the measures they
    recommend (its package's MEASURE_CLAUSES)."""
    import importlib

    if not doc.meta.calculators:
        return {}
    return dict(getattr(importlib.import_module(f"calculators.{doc.meta.calculators}"), "MEASURE_CLAUSES", {}))


# Where the card and the report were before each document's tools had their own address
# (docs/decisions/013): a clerk's bookmark still finds them.
MOVED_STAFF_PAGES = {"card": "staff/card.md", "report": "staff/report.md"}


def moved_staff_pages(edition: Edition, lang: str, pages: dict[str, str]) -> dict[str, str]:
    """A page at each old address listing the tools of that kind, unless a page lives there now."""
    from .i18n import REPORT_STRINGS

    moved: dict[str, str] = {}
    for kind, path in MOVED_STAFF_PAGES.items():
        tools = staff_tools(edition, kind)
        if not tools or path in pages:
            continue
        ctx = PageContext(edition, lang, path)
        links = []
        for doc, calc in tools:
            label = card_words(calc, lang, "")["page_link"] if kind == "card" else REPORT_STRINGS["title"][lang]
            links.append((f"{label} · {getattr(doc.meta.short_title, lang)}", ctx.link(staff_tool_path(calc))))
        moved[path] = render("moved.md.j2", ctx, t("page_moved_title", lang), links=links)
    return moved


def card_pages(edition: Edition, lang: str) -> dict[str, str]:
    """staff/<calculator>.md for each card calculator: the card form, laid out like the paper
    card; policypress-card.js runs it."""
    pages: dict[str, str] = {}
    for doc, calculator in staff_tools(edition, "card"):
        path = staff_tool_path(calculator)
        pages[path] = _card_page(edition, lang, doc, calculator, path)
    return pages


def _card_page(edition: Edition, lang: str, doc: PolicyDocument, calculator: Any, path: str) -> str:
    site = edition.site
    ctx = PageContext(edition, lang, path)
    strings = card_words(calculator, lang, ctx.hotline(doc))
    declaration = _complete(calculator.as_json())
    by_name = {f["name"]: f for f in declaration["inputs"]}
    layout = calculator.layout or (("front", "other", tuple(by_name)),)
    placed = {name for _, _, names in layout for name in names}
    sections = [(side, key, [by_name[n] for n in names if n in by_name]) for side, key, names in layout]
    rest = [f for f in declaration["inputs"] if f["name"] not in placed]
    if rest:
        sections.append(("back", "other", rest))
    measures = {
        number: _relative_url(path, clause_path(doc.clause(clause_id)))
        for number, clause_id in measure_clauses(doc).items()
        if doc.clause(clause_id) is not None
    }
    config = {
        "calculator": calculator.name,
        "lang": lang,
        "document": doc.id,
        "declaration": declaration,
        "selfcheck": _relative_url(path, SELFCHECK_PATH) if _selfcheck_calculator(site) and calculator.handoff else None,
        "handoff": [list(item) for item in calculator.handoff],
        # The printed card: the same boxes as the form, front then back.
        "print": [[side, [f["name"] for f in fields]] for side, _, fields in sections],
        "measures": measures,
        "limits": {"bytes": CARD_IMPORT_MAX_BYTES},
        "strings": strings,
    }
    page = render(
        "card.md.j2",
        ctx,
        strings["page_title"],
        strings["page_lead"],
        doc=doc,
        clause=doc.clause(calculator.clause),
        sections=sections,
        s=strings,
        config_json=_script_json(config),
        script_src="../" * page_url(path).count("/") + "assets/policypress-card.js",
    )
    return page


def _publicity_now(site: Site, today: dt.date) -> bool:
    from .publicity import publicity_week_now

    return publicity_week_now(site, today)


def _publicity_nav(edition: Edition, lang: str) -> dict | None:
    """The kit's page, when the site has measures (in force or not: the page says which)."""
    from .publicity import INDEX_PATH

    return {PUBLICITY_STRINGS["nav"][lang]: INDEX_PATH} if edition.measures(edition.site.documents) else None


def nav(edition: Edition, lang: str) -> list:
    """The navigation, in the notice's order (MkDocs would otherwise sort by file name).

    Documents in force come first; expired and replaced ones are grouped apart, as history.
    The Publicity Week kit sits with the staff pages, and comes second (after the home page)
    in Publicity Week month by the build date.
    """
    site, today = edition.site, edition.today
    items: list = [
        {t("home", lang): "index.md"},
        {t("for_residents", lang): "for-residents.md"},
        {t("for_staff", lang): "for-staff.md"},
    ]
    if _selfcheck_calculator(site) is not None:
        items.insert(2, {t("selfcheck_nav", lang): SELFCHECK_PATH})
    from .i18n import REPORT_STRINGS

    tools = [(doc, calc, card_words(calc, lang, "")["page_nav"]) for doc, calc in staff_tools(edition, "card")]
    tools += [(doc, calc, REPORT_STRINGS["nav"][lang]) for doc, calc in staff_tools(edition, "report")]
    after = items.index({t("for_staff", lang): "for-staff.md"}) + 1
    for doc, calc, label in reversed(tools):
        # Two documents' tools of one kind would read alike: each says whose it is.
        alike = sum(1 for _, _, other in tools if other == label) > 1
        shown = (
            f"{label}（{getattr(doc.meta.short_title, lang)}）"
            if alike and lang == "zh"
            else f"{label} ({getattr(doc.meta.short_title, lang)})"
            if alike
            else label
        )
        items.insert(after, {shown: staff_tool_path(calc)})
    publicity = _publicity_nav(edition, lang)
    if publicity is not None:
        if _publicity_now(site, today):
            items.insert(1, publicity)
        else:
            items.append(publicity)
    history: list = []
    for doc in edition.documents:
        title = getattr(doc.meta.short_title, lang)
        section: list = [document_path(doc)]
        for part in doc.meta.parts:
            clauses = [c for c in doc.clauses if c.meta.part == part.id]
            if not clauses:
                continue
            label = getattr(part.title, lang) if part.id != "preamble" else None
            entries = [{f"{c.number(lang)} {c.title(lang)}": clause_path(c)} for c in clauses]
            if label is None or len(clauses) == 1:
                section.extend(entries)
            else:
                section.append({f"{part.number} {label}" if lang == "zh" and part.number else label: entries})
        section.append({t("parameters", lang): parameters_path(doc)})
        (history if edition.of(doc).history else items).append({title: section})
    if history:
        items.append({t("documents_history", lang): history})
    items.append({t("by_group", lang): [group_path("index")] + [group_path(g) for g in site.vocabulary.target_groups]})
    items.append({t("by_benefit", lang): [benefit_path("index")] + [benefit_path(b) for b in site.vocabulary.benefit_types]})
    calculator_entries = [calculator_path(c.name) for doc in edition.documents for c in calculators_of(doc)]
    if calculator_entries:
        items.append({t("calculators", lang): [calculator_path("index"), *calculator_entries]})
    items.append({t("glossary", lang): "glossary.md"})
    items.append({t("changes", lang): CHANGES_PATH})
    for page in site.pages:
        if page.meta[lang].nav:
            items.append({page.meta[lang].title: f"{page.slug}.md"})
    return items


__all__ = ["LANGS", "generate", "nav", "page_url", "alternate_url", "clause_path", "document_path"]
