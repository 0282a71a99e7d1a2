"""The Publicity Week (宣传周) kit: its page, an A4 leaflet per measure and an A3 poster.

Everything on a leaflet comes from the measure's clause (summary, who, figures, how to apply) and
the site settings (hotline, address); the QR codes are drawn at build time with segno from the
configured site address, so a printed leaflet opens the published page, not the build machine.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

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


def publicity_week_month(site: Site, today: dt.date) -> tuple[int | None, bool]:
    """(the month of the week, is it held on `today`): the figure of the document that holds the
    week (site.yaml publicity_week.month), as of `today` while that document is in force, else as
    of its last day and not held. (None, False) when the site names no such figure."""
    from .content import publicity_month_parameter
    from .standing import standing_on

    week = site.config.publicity_week
    found = publicity_month_parameter(site, week.month) if week is not None else None
    if found is None:
        return None, False
    doc, parameter = found
    standing = standing_on(site, doc, today)
    held = standing.state == "in_force"
    day = today if held else (standing.last_day or doc.meta.effective) if standing.state != "not_yet" else doc.meta.effective
    value = parameter.value_on(day)
    return (int(value) if value is not None else None), held


def publicity_week_now(site: Site, today: dt.date) -> bool:
    """Publicity Week month (by the build date): its materials come first on every page."""
    month, held = publicity_week_month(site, today)
    return held and today.month == month


def published_url(site: Site, lang: str, path: str) -> str:
    """The address a page will have once published at the configured site address."""
    return site.config.site_url + ("" if lang == "zh" else "en/") + page_url(path)


# --- a site address no resident's phone can open ----------------------------------------------

SiteUrlKind = Literal["local", "private"]


def site_url_kind(url: str | None) -> SiteUrlKind | None:
    """Why codes drawn for `url` would not open on a resident's phone, or None when they would:
    "local" for this computer (unset, localhost, a loopback or unspecified address such as
    127.0.0.1, ::1 or 0.0.0.0), "private" for an address only one local network reaches
    (10.x, 172.16–31.x, 192.168.x, link-local, fc00::/7)."""
    if not url:
        return "local"
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host or host == "localhost" or host.endswith(".localhost"):
        return "local"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None  # a name: what it points to is the publisher's business
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback or address.is_unspecified:
        return "local"
    if address.is_private or address.is_link_local:
        return "private"
    return None


def site_url_line(root: Path) -> int:
    """The line of `site_url:` in policy/site.yaml (1 when it is not there)."""
    try:
        lines = (root / "policy" / "site.yaml").read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((number for number, line in enumerate(lines, 1) if line.startswith("site_url:")), 1)


def site_url_problem(url: str | None, kind: SiteUrlKind) -> str:
    """What is wrong with the address, in the words of the build warning and of make dist."""
    where = "this computer" if kind == "local" else "a private network address, which only phones on that network reach"
    return f"site_url {url or '(unset)'} is {where}: the leaflets' and poster's QR codes would not open the site on a resident's phone"


SITE_URL_FIX = "set site_url in policy/site.yaml to the address the site is published at (e.g. https://hrss.example.gov.cn/policy/), then build again before printing"


def site_url_warning(site: Site) -> str | None:
    """The build's warning line for a site address no phone can open, or None."""
    kind = site_url_kind(site.config.site_url)
    if kind is None:
        return None
    return (
        f"policy/site.yaml:{site_url_line(site.root)}: warning: {site_url_problem(site.config.site_url, kind)} — {SITE_URL_FIX}"
        " (make dist refuses this build until then, unless run as 'make dist ALLOW_LOCAL_SITE_URL=1')"
    )


def site_url_notice(site: Site, lang: str) -> tuple[str, str] | None:
    """(title, text) of the banner on the kit's page and on every sheet, or None."""
    kind = site_url_kind(site.config.site_url)
    if kind is None:
        return None
    words = PUBLICITY_STRINGS
    # The host only: the page's links and codes are the full addresses, the warning names no page.
    host = urlsplit(site.config.site_url or "").netloc or "—"
    return words[f"qr_{kind}_title"][lang], words[f"qr_{kind}"][lang].format(host=host)


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


def publicity_words(lang: str, site: Site, today: dt.date | None = None) -> dict[str, str]:
    """The kit's words; the week's name and lead are the site's own when site.yaml gives them and
    the document that holds the week is in force on `today` (else the kit is a booth kit, not
    that week's)."""
    words = {key: value[lang] for key, value in PUBLICITY_STRINGS.items()}
    week = site.config.publicity_week
    if week is not None and (today is None or publicity_week_month(site, today)[1]):
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


def who_lines(ctx: PageContext, clause: Clause) -> tuple[list[str], list[str]]:
    """(conditions for residents, one a line; others it is also for). Groups of which one is
    enough (target_groups_any_of) share a line joined by "or"; groups that are not residents
    (for_residents: false, e.g. employers) are not conditions on a resident but the measure's
    other addressees."""
    vocabulary = ctx.site.vocabulary.target_groups
    alternatives = {group: index for index, groups in enumerate(clause.meta.target_groups_any_of) for group in groups}
    either = PUBLICITY_STRINGS["or"][ctx.lang]
    lines: list[str] = []
    others: list[str] = []
    done: set[int] = set()
    for group in clause.meta.target_groups:
        if not vocabulary[group].for_residents:
            others.append(ctx.text(vocabulary[group]))
        elif group not in alternatives:
            lines.append(ctx.text(vocabulary[group]))
        elif alternatives[group] not in done:
            done.add(alternatives[group])
            names = [g for g in clause.meta.target_groups_any_of[alternatives[group]] if vocabulary[g].for_residents]
            texts = [ctx.text(vocabulary[g]) for g in names]
            lines.append(either.join([texts[0], *(_lower(text) if ctx.lang == "en" else text for text in texts[1:])]))
    return lines, others


def _lower(text: str) -> str:
    """'People close to pension age' → 'people close to pension age' (not 'HRSS staff')."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


CLASS = re.compile(r"^class_(\d+)$")


def class_areas(ctx: PageContext, doc: PolicyDocument, clause: Clause) -> list[tuple[str, str]]:
    """For figures that differ by area class (an amount named `<figure>.class_<N>.…`), which
    areas are of class N: (the class's name, its areas), from the `<figure>.area_class.<area>`
    parameters (unit wage-class) on the leaflet's day and the area names in policy/areas.yaml."""
    day = ctx.edition.reference_date(doc)
    names = {area.id: area.zh if ctx.lang == "zh" else area.en for area in ctx.site.areas}
    order = {area.id: index for index, area in enumerate(ctx.site.areas)}
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, int]] = set()
    for amount in clause.meta.amounts:
        parts = amount.split(".")
        found = next(((i, int(m.group(1))) for i, part in enumerate(parts) if (m := CLASS.match(part))), None)
        if found is None or found[0] == 0:
            continue
        prefix, number = ".".join(parts[: found[0]]), found[1]
        if (prefix, number) in seen:
            continue
        seen.add((prefix, number))
        ids = [
            name.rsplit(".", 1)[1]
            for name, parameter in doc.parameters.items()
            if name.startswith(prefix + ".area_class.") and parameter.unit == "wage-class" and parameter.value_on(day) == number
        ]
        ids.sort(key=lambda area: order.get(area, len(order)))  # as policy/areas.yaml lists them
        areas = [names.get(area, area) for area in ids]
        if areas:
            label = format_value(number, "wage-class", ctx.lang)
            rows.append((label if ctx.lang == "zh" else label[:1].upper() + label[1:], ("、" if ctx.lang == "zh" else ", ").join(areas)))
    return rows


def standing_line(ctx: PageContext, doc: PolicyDocument) -> tuple[str, list[str]]:
    """The document's standing on the leaflet's day, said in the body: (status, sentences): its
    validity (until when, open-ended, or no expiry stated; expired, replaced) and a replacement
    announced."""
    v = ctx.standing(doc)
    sentences = [validity_text(ctx, doc)]
    for r in v.to_be_replaced_by:
        if r.document is not None:
            sentences.append(
                ctx.t(
                    "banner_to_be_superseded",
                    by=f"{ctx.text(r.document.meta.short_title)}{ctx.parenthesis(r.document.meta.number)}",
                    start=ctx.date(r.document.meta.effective),
                )
            )
    return ctx.t(f"status_{v.state}"), sentences


# --- the leaflet's type size: as large as its length allows on one A4 page ------------------------

# The printed leaflet (leaflet.md.j2): A4 with 12 mm margins, in points; the type sizes of each
# size class and its QR codes. Shorter leaflets print larger, for older readers.
PAGE_WIDTH, PAGE_HEIGHT = 186 / 25.4 * 72, 273 / 25.4 * 72
SIZES = (("l", 12.5, 4.2), ("m", 11.5, 3.8), ("s", 10.5, 3.4), ("xs", 9.5, 3.0))
FILL = 0.94  # the share of the page a leaflet may be estimated to fill (the estimate is rough)


def _ems(text: str) -> float:
    """The width of `text` in ems: a Chinese character is one, a Latin letter or digit about half."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.3 if ch == " " else 0.5 for ch in text)


def _lines(text: str, size: float, width: float) -> int:
    return max(1, -(-int(_ems(text) * size * 1.04) // int(width))) if text else 0


def estimated_height(size: float, qr: float, parts: dict) -> float:
    """The printed leaflet's height in points at base type `size` (a rough model of the layout:
    lines of text in their column widths, with headings, boxes and the codes)."""
    full, half = PAGE_WIDTH, (PAGE_WIDTH - 1.5 * 16) / 2  # two columns, 1.5rem apart
    lead = 1.45 * size
    height = 0.0
    if parts["warning"]:
        height += 10 * 1.45 * _lines(parts["warning"], 10, full - 40) + 24
    height += lead + 0.4 * size  # the kicker
    height += _lines(parts["title"], 1.75 * size, full) * 1.75 * size * 1.3 + 0.6 * size
    height += _lines(parts["standing"], size, full - 20) * lead + 1.4 * size
    heading = 1.15 * size * 1.3 + 0.75 * 1.15 * size
    height += heading + _lines(parts["summary"], 1.08 * size, full) * 1.08 * size * 1.55 + 0.8 * size
    left = heading + sum(_lines(line, size, half - 1.2 * size) * lead for line in parts["who"]) + len(parts["notes"]) * 2 * 0.9 * lead
    right = heading + sum(_lines(line, size, half) * lead for line in parts["apply"]) + 3.6 * size + 1.6 * size
    height += max(left, right) + 0.8 * size
    if parts["amounts"]:
        small = 0.92 * size
        rows = [parts["amounts"][i : i + 2] for i in range(0, len(parts["amounts"]), 2)]
        height += heading
        for row in rows:
            lines = max(_lines(label, small, half - _ems(value) * small - 0.8 * small) for label, value in row)
            height += lines * small * 1.45 + 0.5 * small + 1
        height += sum(_lines(line, 0.88 * size, full) * 0.88 * size * 1.45 + 0.4 * size for line in parts["classes"])
    height += max(qr / 2.54 * 72, 3 * lead) + 2 * size  # the codes
    height += 8.5 * 1.5 + 1.2 * size  # the foot
    return height


def _apply_lines(ctx: PageContext, doc: PolicyDocument, clause: Clause, apply: object) -> list[str]:
    """The how-to-apply column's lines, as the leaflet prints them (for the size estimate)."""
    if not apply:
        return [ctx.apply_fallback(doc, clause)]
    lines = []
    for key in ("where", "reviewed_by"):
        if getattr(apply, key, None):
            lines.append(f"{ctx.t('apply_' + key)}： {plain(ctx, doc, getattr(apply, key))}")
    if getattr(apply, "documents", None):
        lines.append(ctx.t("apply_documents") + "： " + "、".join(plain(ctx, doc, item) for item in apply.documents))
    return lines


def leaflet_size(parts: dict) -> str:
    """The largest type size class whose estimated height fits FILL of the page ('xs' at worst)."""
    for name, size, qr in SIZES:
        if estimated_height(size, qr, parts) <= FILL * PAGE_HEIGHT:
            return name
    return SIZES[-1][0]


def _page(path: str, lang: str, title: str, body: str) -> str:
    # The kit repeats the measures' own pages: kept out of search so the measure itself is found.
    return front_matter(title=title, alternate=alternate_url(path, lang), search={"exclude": True}) + body


def publicity_pages(edition: Edition, lang: str) -> dict[str, str]:
    """The Publicity Week page, a leaflet per measure in force and the poster, for one language."""
    site = edition.site
    measures = measures_of(edition)
    w = publicity_words(lang, site, edition.today)
    if not measures:  # the page says that none is in force, when the site has measures at all
        return {INDEX_PATH: _index(edition, lang, w, [], None)} if edition.measures(site.documents) else {}
    pages: dict[str, str] = {}
    # The self-check is offered only while its own document is in force: the kit never sends a
    # reader to history.
    found = _selfcheck_calculator(site)
    selfcheck = code(site, lang, SELFCHECK_PATH, w["qr_selfcheck"]) if found and edition.of(found[0]).in_force else None
    shared = _shared_ids(measures)
    qr_warning = site_url_notice(site, lang)
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
        summary, who, amounts = plain(ctx, doc, clause.summary(lang)), who_lines(ctx, clause), _amounts(ctx, doc, clause)
        classes, standing, apply = class_areas(ctx, doc, clause), standing_line(ctx, doc), ctx.apply_of(doc, clause)
        size = leaflet_size(
            {
                "warning": qr_warning[0] if qr_warning else "",
                "title": title,
                "standing": f"{w['valid']} {standing[0]} {' '.join(standing[1])}",
                "summary": summary,
                "who": who[0],
                "notes": [note for note in (w["who_or"] if clause.meta.target_groups_any_of else "", "、".join(who[1])) if note],
                "apply": _apply_lines(ctx, doc, clause, apply),
                "amounts": amounts,
                "classes": [f"{name} {areas}" for name, areas in classes],
            }
        )
        body = _env.get_template("leaflet.md.j2").render(
            c=ctx,
            w=w,
            site=site,
            lang=lang,
            doc=doc,
            clause=clause,
            title=title,
            summary=summary,
            who=who,
            amounts=amounts,
            classes=classes,
            standing=standing,
            apply=apply,
            plain=lambda text, doc=doc, ctx=ctx: plain(ctx, doc, text),
            codes=codes,
            qr_warning=qr_warning,
            size=size,
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
            qr_warning=qr_warning,
        ),
    )
    pages[INDEX_PATH] = _index(edition, lang, w, kit, documents)
    return pages


def _index(edition: Edition, lang: str, w: dict[str, str], kit: list, documents: list[PolicyDocument] | None) -> str:
    """The Publicity Week page: the kit of the measures in force, or why there is none."""
    site = edition.site
    ctx = PageContext(edition, lang, INDEX_PATH)
    month, held = publicity_week_month(site, edition.today)
    if not held or month is None:  # the week's month is a figure of a document in force, or not said
        w = {**w, "lead": w["lead_undated"]}
    body = _env.get_template("publicity_week.md.j2").render(
        c=ctx,
        w=w,
        site=site,
        lang=lang,
        kit=kit,
        kit_by_document=[(doc, [item for item in kit if item[0] is doc]) for doc in documents or []],
        poster=POSTER_PATH,
        now=publicity_week_now(site, edition.today),
        month=(f"{month}月" if lang == "zh" else dt.date(2000, month, 1).strftime("%B")) if held and month else "",
        banners=[banner(ctx, doc) for doc in documents or []],
        history=edition.history,
        qr_warning=site_url_notice(site, lang) if kit else None,
    )
    return front_matter(title=w["title"], alternate=alternate_url(INDEX_PATH, lang), search={"boost": 0.5}) + body
