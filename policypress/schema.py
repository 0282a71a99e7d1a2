"""The one schema for all content: documents, clauses, parameters, vocabulary, glossary.

The models check shape and types; cross references (a clause naming a parameter, a part,
another clause) are checked in `content.py`, which knows the whole tree.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

STATUSES = ("official", "reference", "interpretation", "unset")
Status = Literal["official", "reference", "interpretation", "unset"]
UNITS = (
    "yuan",
    "yuan-per-person",
    "yuan-per-month",
    "yuan-per-hour",
    "yuan-per-year",
    "ten-thousand-yuan",
    "percent",
    "percentage-points",
    "ratio",
    "people",
    "posts",
    "months",
    "years",
    "days",
    "hours-per-month",
    "wage-class",
    "age",
    "month-of-year",
    "times-per-year",
    "disability-grade",
    "calendar-year",
)
# A unit is one of UNITS (formatted by parameters.format_value) or one defined in
# policy/units.yaml; content.py checks which, on the parameter's line.
Unit = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Bilingual(Strict):
    zh: NonEmpty
    en: NonEmpty


# --- units defined in content (policy/units.yaml) ---------------------------------------


def _has_number_slot(text: str) -> str:
    if "{n}" not in text:
        raise ValueError(f"'{text}' has no {{n}} — write where the figure goes, e.g. '{{n}}户' or '{{n}} households'")
    return text


UnitText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_has_number_slot)]


class UnitSpec(Strict):
    """A unit defined in content: how a figure reads, e.g. zh '{n}户', en '{n} households'."""

    zh: UnitText
    en: UnitText
    en_one: UnitText | None = None  # English for exactly one, e.g. '{n} household'
    count: bool = False  # a count of things: in Chinese, 480000 reads 48万


# --- document.yaml ---------------------------------------------------------------------


class Basis(Strict):
    number: NonEmpty
    title: Bilingual


class Part(Strict):
    id: Identifier
    number: str = ""  # 一, 第一章; none for a document whose articles are not grouped in numbered parts
    title: Bilingual


class Action(Strict):
    id: Identifier
    part: Identifier
    number: NonEmpty
    title: Bilingual


class Attachment(Strict):
    number: int = Field(ge=1)
    clause: Identifier
    title: Bilingual


class Forwarded(Strict):
    """The document a forwarding notice (转发) passes on, with its own issuers and date."""

    number: NonEmpty
    title: Bilingual
    issuers: list[Bilingual] = Field(min_length=1)
    signed: dt.date


class Apply(Strict):
    where: NonEmpty | None = None
    documents: list[NonEmpty] | None = None
    reviewed_by: NonEmpty | None = None


class DocumentApply(Strict):
    """How to apply, for every clause of a document that does not say so itself."""

    zh: Apply
    en: Apply


# How long a document applies: until a date it gives (the last day in force), open-ended
# because the text says so (长期有效), or not stated at all (the default: nothing is claimed).
OPEN_ENDED = "open-ended"
Expiry = Literal["date", "open-ended", "not-stated"]


class ResidentsNote(Strict):
    title: Bilingual
    text: Bilingual


class DocumentMeta(Strict):
    id: Identifier
    number: NonEmpty
    title: Bilingual
    short_title: Bilingual
    issuers: list[Bilingual] = Field(min_length=1)
    addressees: Bilingual | None = None
    signed: dt.date
    effective: dt.date
    expires: dt.date | Literal["open-ended"] | None = None
    forwards: Forwarded | None = None
    basis: list[Basis] = []
    supersedes: list[NonEmpty] = []
    superseded_by: list[NonEmpty] = []
    parts: list[Part] = Field(min_length=1)
    actions: list[Action] = []
    attachments: list[Attachment] = []
    apply: DocumentApply | None = None
    hotline: NonEmpty | None = None
    hotline_label: Bilingual | None = None
    residents_note: ResidentsNote | None = None  # on the residents' page, above this document's measures
    # The document's calculators: the Python package calculators/<name>/ (see policy/README.md).
    calculators: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")] | None = None

    @property
    def last_day(self) -> dt.date | None:
        """The last day in force, when the document gives one."""
        return self.expires if isinstance(self.expires, dt.date) else None

    @property
    def expiry(self) -> Expiry:
        if isinstance(self.expires, dt.date):
            return "date"
        return "open-ended" if self.expires == OPEN_ENDED else "not-stated"

    @model_validator(mode="after")
    def _expiry_after_start(self) -> DocumentMeta:
        if self.last_day is not None and self.last_day < self.effective:
            raise ValueError(
                f"@expires@expires ({self.last_day}) is before effective ({self.effective})"
                " — check both dates: 'expires' is the last day in force"
            )
        return self


# --- clauses ------------------------------------------------------------------------------


# Ids that name something else (a part, an action, a vocabulary entry, a clause) are checked in
# content.py against what exists, so a wrong one, or a scaffold's TODO, lists the valid ids.
Reference_id = NonEmpty


class ClauseZh(Strict):
    id: Identifier
    number: NonEmpty
    number_editorial: bool = False  # the site numbered it (序, 附则, 一(1)): shown in brackets, not as the document's
    order: int = Field(ge=1)
    part: Reference_id
    action: Reference_id | None = None
    title: NonEmpty
    summary: NonEmpty
    target_groups: list[Reference_id] = Field(min_length=1)
    # Groups of target_groups of which one is enough ("or"): [[persons-with-disabilities, near-pension]].
    # The groups not named here all apply together, as before.
    target_groups_any_of: list[list[Reference_id]] = []
    # The group the help is paid to, when not the people it is for (an award paid to the employer
    # that takes them on): one of target_groups.
    paid_to: Reference_id | None = None
    benefit_types: list[Reference_id] = Field(min_length=1)
    amounts: list[NonEmpty] = []
    apply: Apply | None = None
    hotline: NonEmpty | None = None  # the clause's own, when it differs from the document's and the site's
    measure: bool | None = None  # something a reader can get; by default, a clause that belongs to an action
    related: list[Reference_id] = []


class ClauseEn(Strict):
    id: Identifier
    title: NonEmpty
    summary: NonEmpty
    apply: Apply | None = None


# --- parameters --------------------------------------------------------------------------


# A document number as printed on it: 临人社发〔2016〕12号, 国发[2014]8号, 第18号, No. 18.
DOCUMENT_NUMBER = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号|第\s*\d+\s*[号期]|No\.\s*\d+")


class Reference(Strict):
    document: NonEmpty
    clause: Identifier | None = None
    quote: NonEmpty | None = None
    href: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    publication: NonEmpty | None = None  # a named official publication: 山东省人民政府公报 2017年第18期
    note: Bilingual | None = None

    @property
    def findable(self) -> bool:
        """Can a reader find the source: a document number, an address or a named publication?"""
        return bool(DOCUMENT_NUMBER.search(self.document) or self.href or self.publication)


def parse_number(raw: int | float | str) -> int | Decimal | Fraction:
    """YAML numbers stay exact: 17.1 is Decimal('17.1'), '2/3' is Fraction(2, 3)."""
    if isinstance(raw, bool):
        raise ValueError("expected a number, got true/false — write the figure, e.g. 1000")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return Decimal(repr(raw))
    text = str(raw).strip().replace(",", "")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return Decimal(text)
    if re.fullmatch(r"\d+/[1-9]\d*", text):
        return Fraction(text)
    raise ValueError(f"'{raw}' is not a number — write a number such as 1000, 17.1 or 2/3, without units")


def _check_number(raw: int | float | str) -> int | float | str:
    parse_number(raw)
    return raw


# A figure as written in YAML; checked where it stands, so an error points at its own line.
Number = Annotated[int | float | str, AfterValidator(_check_number)]


class DatedValue(Strict):
    value: Number | None
    status: Status | None = None
    reference: Reference | None = None


class ParameterSpec(Strict):
    label: Bilingual
    unit: Unit
    status: Status
    reference: Reference | None = None
    code: NonEmpty | None = None
    values: dict[dt.date, Number | DatedValue | None]


# --- vocabulary and glossary -------------------------------------------------------------


class VocabularyEntry(Strict):
    zh: NonEmpty
    en: NonEmpty
    description: Bilingual
    for_residents: bool = True  # listed on the residents' entry page


class Vocabulary(Strict):
    target_groups: dict[Identifier, VocabularyEntry]
    benefit_types: dict[Identifier, VocabularyEntry]


class GlossaryTerm(Strict):
    zh: NonEmpty
    en: NonEmpty
    definition: Bilingual | None = None


# --- hand-written pages ----------------------------------------------------------------


class PageMeta(Strict):
    title: NonEmpty
    nav: bool = True
    order: int = 100


# --- site settings and search self-checks ----------------------------------------------------


class PublicityWeekWords(Strict):
    """The week's own name and lead; {month} is filled in with the month of the week, a figure of
    the document that holds the week (`month: DOC/PARAMETER`, a month-of-year parameter)."""

    title: Bilingual
    lead: Bilingual
    banner: Bilingual
    month: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[a-z0-9_.-]+$")]


class SiteConfig(Strict):
    name: Bilingual
    short_name: Bilingual | None = None  # the header's title on a phone, where the whole name does not fit
    tagline: Bilingual
    hotline: NonEmpty
    hotline_label: Bilingual
    site_url: Annotated[str, StringConstraints(pattern=r"^https?://\S+/$")]
    booth_idle_minutes: Annotated[float, Field(gt=0, le=60)]
    # Site-wide words that belong to the bureau, not to the generator (neutral defaults in i18n.py):
    how_to_apply: Bilingual | None = None  # where a clause and its document do not say; {hotline} is filled in
    residents_note: ResidentsNote | None = None  # shown first on the residents' page
    publicity_week: PublicityWeekWords | None = None


class SearchCheck(Strict):
    lang: Literal["zh", "en"]
    query: NonEmpty
    expect: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")]


class Area(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    code: Annotated[str, StringConstraints(pattern=r"^\d{6}$")] | None = None
    zh: NonEmpty
    en: NonEmpty
    aliases: list[NonEmpty] = []


# --- the monthly statistics table (attachment 3) -------------------------------------------


class StatisticsColumn(Strict):
    number: int = Field(ge=1)
    label: Bilingual
    reconstructed: bool  # the header was damaged in the PDF: the label is our reconstruction
    kind: Literal["count", "money"]


class StatisticsRelation(Strict):
    """(left) ≥ (right), by column number."""

    left: int = Field(ge=1)
    right: int = Field(ge=1)


class StatisticsUnits(Strict):
    count: Bilingual
    money: Bilingual


class StatisticsTable(Strict):
    clause: Identifier  # the clause that shows the table
    units: StatisticsUnits
    money_decimals: int = Field(ge=0, le=4)
    columns: list[StatisticsColumn] = Field(min_length=1)
    relations: list[StatisticsRelation] = []
    source: Reference


# --- public holidays and adjusted working days (policy/holidays.yaml) ------------------------


class DayRange(Strict):
    """From one day to another, both included ('from' ≤ 'to' is checked in content.py, on its line)."""

    first: dt.date = Field(alias="from")
    last: dt.date = Field(alias="to")


class Holiday(Strict):
    name: Bilingual
    days_off: DayRange  # 放假: as the notice gives them (with the weekend when it says 与周末连休)
    working_days: list[dt.date] = []  # weekend days that are working days (调休上班)
    notice: NonEmpty  # the arrangement as the State Council notice words it
    reference: Reference | None = None  # a later notice that changed this holiday


class HolidayYear(Strict):
    reference: Reference
    holidays: list[Holiday] = Field(min_length=1)


class HolidayCalendar(Strict):
    status: Status
    note: Bilingual
    years: dict[int, HolidayYear] = Field(min_length=1)
