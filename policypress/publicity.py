"""The Publicity Week (宣传周) kit: its page, an A4 leaflet per measure and an A3 poster.

Everything on a leaflet comes from the measure's clause (summary, who, figures, how to apply) and
the site settings (hotline, address); the QR codes are drawn at build time with segno from the
configured site address, so a printed leaflet opens the published page, not the build machine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import segno

from .content import Clause, PolicyDocument, Site
from .i18n import PUBLICITY_STRINGS
from .pages import (
    PageContext,
    _env,
    _selfcheck_calculator,
    alternate_url,
    banner,
    calculator_path,
    calculators_of,
    clause_path,
    front_matter,
    page_url,
    plain,
    validity_text,
)
from .parameters import format_value
from .standing import Edition

INDEX_PATH = "publicity-week/index.md"
POSTER_PATH = "publicity-week/poster.md"
SELFCHECK_PATH = "self-check.md"


def leaflet_path(doc: PolicyDocument, clause: Clause, shared_ids: set[str]) -> str:
    """publicity-week/<clause>.md; with the document's id first when two documents share a clause id."""
    return f"publicity-week/{doc.id}-{clause.id}.md" if clause.id in shared_ids else f"publicity-week/{clause.id}.md"


def _shared_ids(measures: list[tuple[PolicyDocument, Clause]]) -> set[str]:
    seen: set[str] = set()
    shared: set[str] = set()
    for _, clause in measures:
        (shared if clause.id in seen else seen).add(clause.id)
    return shared


def publicity_week_now(site: Site, today: dt.date) -> bool:
    """Publicity Week month (by the build date): its materials come first on every page."""
    return today.month == site.config.publicity_week_month


def published_url(site: Site, lang: str, path: str) -> str:
    """The address a page will have once published at the configured site address."""
    return site.config.site_url + ("" if lang == "zh" else "en/") + page_url(path)


def qr_svg(url: str, label: str) -> str:
    """A QR code as inline SVG (scalable, prints sharp), named for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="pp-qr__code", title=label, dark="#000", light="#fff")
    return svg.replace("<svg ", '<svg role="img" aria-label="' + label.replace('"', "'") + '" ', 1)


@dataclass(frozen=True)
class Code:
    url: str
    caption: str
    svg: str


def code(site: Site, lang: str, path: str, caption: str) -> Code:
    url = published_url(site, lang, path)
    return Code(url, caption, qr_svg(url, caption))


def measures_of(edition: Edition) -> list[tuple[PolicyDocument, Clause]]:
    """The measures in force on the build date (the clauses that belong to an action), per
    document in its own order: a booth never hands out a leaflet for an expired measure."""
    return edition.measures()


def publicity_words(lang: str, site: Site) -> dict[str, str]:
    """The kit's words; the week's name and lead are the site's own when site.yaml gives them."""
    words = {key: value[lang] for key, value in PUBLICITY_STRINGS.items()}
    week = site.config.publicity_week
    if week is not None:
        words["title"], words["lead"] = getattr(week.title, lang), getattr(week.lead, lang)
    return words


def _calculator_of(doc: PolicyDocument, clause: Clause):
    return next((calc for calc in calculators_of(doc) if calc.clause == clause.id), None)


def _amounts(ctx: PageContext, doc: PolicyDocument, clause: Clause) -> list[tuple[str, str]]:
    day = ctx.edition.reference_date(doc)
    rows = []
    for name in clause.meta.amounts:
        parameter = doc.parameters[name]
        rows.append((ctx.text(parameter.label), format_value(parameter.value_on(day), parameter.unit, ctx.lang)))
    return rows


def _page(path: str, lang: str, title: str, body: str) -> str:
    # The kit repeats the measures' own pages: kept out of search so the measure itself is found.
    return front_matter(title=title, alternate=alternate_url(path, lang), search={"exclude": True}) + body


def publicity_pages(edition: Edition, lang: str) -> dict[str, str]:
    """The Publicity Week page, a leaflet per measure in force and the poster, for one language."""
    site = edition.site
    measures = measures_of(edition)
    w = publicity_words(lang, site)
    if not measures:  # the page says that none is in force, when the site has measures at all
        return {INDEX_PATH: _index(edition, lang, w, [], None)} if edition.measures(site.documents) else {}
    pages: dict[str, str] = {}
    # The self-check is offered only while its own document is in force: the kit never sends a
    # reader to history.
    found = _selfcheck_calculator(site)
    selfcheck = code(site, lang, SELFCHECK_PATH, w["qr_selfcheck"]) if found and edition.of(found[0]).in_force else None
    shared = _shared_ids(measures)
    kit = []
    for doc, clause in measures:
        path = leaflet_path(doc, clause, shared)
        ctx = PageContext(edition, lang, path)
        calculator = _calculator_of(doc, clause)
        codes = [code(site, lang, clause_path(clause), w["qr_measure"])]
        if calculator is not None:
            codes.append(code(site, lang, calculator_path(calculator.name), w["qr_calculator"]))
        elif selfcheck is not None:
            codes.append(selfcheck)
        title = f"{clause.number(lang)} {ctx.text(clause.title(lang))}"
        body = _env.get_template("leaflet.md.j2").render(
            c=ctx,
            w=w,
            site=site,
            lang=lang,
            doc=doc,
            clause=clause,
            title=title,
            summary=plain(ctx, doc, clause.summary(lang)),
            groups=[ctx.text(site.vocabulary.target_groups[g]) for g in clause.meta.target_groups],
            amounts=_amounts(ctx, doc, clause),
            apply=ctx.apply_of(doc, clause),
            plain=lambda text, doc=doc, ctx=ctx: plain(ctx, doc, text),
            codes=codes,
            validity=validity_text(ctx, doc),
        )
        pages[path] = _page(path, lang, f"{w['leaflet']}：{title}" if lang == "zh" else f"{w['leaflet']}: {title}", body)
        kit.append((doc, clause, path, codes[0]))

    ctx = PageContext(edition, lang, POSTER_PATH)
    documents = list({doc.id: doc for doc, _ in measures}.values())
    pages[POSTER_PATH] = _page(
        POSTER_PATH,
        lang,
        w["poster"],
        _env.get_template("poster.md.j2").render(
            c=ctx,
            w=w,
            site=site,
            lang=lang,
            kit=[(doc, clause, qr, plain(ctx, doc, clause.summary(lang))) for doc, clause, _, qr in kit],
            selfcheck=selfcheck,
            sources=[(doc, validity_text(ctx, doc)) for doc in documents],
            hotline_doc=documents[0] if len(documents) == 1 else None,  # one document: its own hotline
            count=len(kit),
        ),
    )
    pages[INDEX_PATH] = _index(edition, lang, w, kit, documents)
    return pages


def _index(edition: Edition, lang: str, w: dict[str, str], kit: list, documents: list[PolicyDocument] | None) -> str:
    """The Publicity Week page: the kit of the measures in force, or why there is none."""
    site = edition.site
    ctx = PageContext(edition, lang, INDEX_PATH)
    month = site.config.publicity_week_month
    body = _env.get_template("publicity_week.md.j2").render(
        c=ctx,
        w=w,
        site=site,
        lang=lang,
        kit=kit,
        kit_by_document=[(doc, [item for item in kit if item[0] is doc]) for doc in documents or []],
        poster=POSTER_PATH,
        now=publicity_week_now(site, edition.today),
        month=f"{month}月" if lang == "zh" else dt.date(2000, month, 1).strftime("%B"),
        banners=[banner(ctx, doc) for doc in documents or []],
        history=edition.history,
    )
    return front_matter(title=w["title"], alternate=alternate_url(INDEX_PATH, lang), search={"boost": 0.5}) + body
