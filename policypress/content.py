"""Load policy/ and docs/ into one validated model, or report every error found.

Shape and types are checked by `schema.py`; this module checks what needs the whole tree:
counterparts in both languages, cross references, parameter references and quotes, figures
typed where a parameter holds them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import markup, schema
from .errors import ErrorSink
from .examples import Example, load_examples
from .i18n import clause_number
from .parameters import Parameter, register_units
from .schema_errors import validate
from .yamlsource import Located, MarkdownSource, SourceError, parse_front_matter, parse_yaml, read_text

LANGS = ("zh", "en")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
# Placeholders for the document's own dates (document.yaml), beside its parameters.
DOCUMENT_DATES = {"document.signed": "signed", "document.effective": "effective", "document.expires": "last_day"}


def document_date(doc: PolicyDocument, name: str) -> dt.date | None:
    """The date a {{ document.… }} placeholder stands for (None: the document gives none)."""
    return getattr(doc.meta, DOCUMENT_DATES[name])


@dataclass
class Clause:
    id: str
    doc_id: str
    stem: str
    meta: schema.ClauseZh
    en: schema.ClauseEn
    body: dict[str, str]
    body_line: dict[str, int]
    paths: dict[str, Path]
    front: dict[str, Located]
    source_lines: dict[str, list[str]]

    def title(self, lang: str) -> str:
        return self.meta.title if lang == "zh" else self.en.title

    def number(self, lang: str) -> str:
        """The clause's number in `lang`; one the site gave it (not the document) in brackets."""
        number = clause_number(self.meta.number, lang)
        return f"［{number}］" if self.meta.number_editorial and lang == "zh" else f"[{number}]" if self.meta.number_editorial else number

    def summary(self, lang: str) -> str:
        return self.meta.summary if lang == "zh" else self.en.summary

    def apply(self, lang: str) -> schema.Apply | None:
        return self.meta.apply if lang == "zh" else self.en.apply

    @property
    def is_measure(self) -> bool:
        """Something a reader can get: said in the front matter, or else a clause of an action."""
        return self.meta.measure if self.meta.measure is not None else self.meta.action is not None


@dataclass
class PolicyDocument:
    meta: schema.DocumentMeta
    path: Path
    clauses: list[Clause]
    parameters: dict[str, Parameter]
    examples: list[Example] = field(default_factory=list)
    statistics_table: schema.StatisticsTable | None = None  # attachment 3's columns, when the document has it

    @property
    def id(self) -> str:
        return self.meta.id

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)

    def reference_date(self, today: dt.date) -> dt.date:
        """The day whose figures the site shows: today, kept within the document's validity."""
        day = max(today, self.meta.effective)
        return min(day, self.meta.last_day) if self.meta.last_day else day


@dataclass
class Page:
    """A hand-written page from docs/<lang>/."""

    slug: str
    meta: dict[str, schema.PageMeta]
    body: dict[str, str]


@dataclass
class Site:
    root: Path
    config: schema.SiteConfig
    vocabulary: schema.Vocabulary
    glossary: list[schema.GlossaryTerm]
    documents: list[PolicyDocument]
    pages: list[Page] = field(default_factory=list)
    search_checks: list[schema.SearchCheck] = field(default_factory=list)
    areas: list[schema.Area] = field(default_factory=list)
    holidays: schema.HolidayCalendar | None = None
    warnings: list = field(default_factory=list)  # ContentError lines that did not stop the load

    def document(self, doc_id: str) -> PolicyDocument | None:
        return next((d for d in self.documents if d.id == doc_id), None)


def _calculator_packages() -> set[str]:
    from calculators import packages

    return packages()


def _use_project_calculators(root: Path) -> None:
    """A content project may bring its own calculators/ beside policy/ (document subpackages)."""
    import calculators

    folder = root / "calculators"
    if folder.is_dir() and all(folder.resolve() != Path(p).resolve() for p in calculators.__path__):
        calculators.add_folder(str(folder))


def load_site(root: Path) -> Site:
    """Load and validate everything under `root`; raises ContentErrors listing every problem."""
    sink = ErrorSink(root)
    _use_project_calculators(root)
    policy = root / "policy"
    vocabulary = _load_model(policy / "vocabulary.yaml", schema.Vocabulary, sink)
    glossary = _load_glossary(policy / "glossary.yaml", sink)
    units = _load_units(policy / "units.yaml", sink)
    documents = [
        doc
        for folder in sorted(p.parent for p in policy.glob("*/document.yaml"))
        if (doc := _load_document(folder, sink, vocabulary)) is not None
    ]
    for doc in documents:
        _check_units(doc, units, sink)
    pages = _load_pages(root / "docs", sink)
    config = _load_model(policy / "site.yaml", schema.SiteConfig, sink)
    if config is not None and config.publicity_week is not None:
        _check_publicity_month(policy / "site.yaml", config.publicity_week.month, documents, sink)
    search_checks = _load_search_checks(policy / "search_checks.yaml", documents, sink)
    areas = _load_areas(policy / "areas.yaml", documents, sink)
    holidays = _load_holidays(policy / "holidays.yaml", sink)
    site = Site(root, config, vocabulary, glossary, documents, pages, search_checks, areas, holidays, warnings=sink.warnings)
    if not sink.errors:
        for doc in documents:
            _check_examples(site, doc, sink)
    sink.raise_if_any()
    return site


def publicity_month_parameter(site_or_documents, reference: str) -> tuple[PolicyDocument, Parameter] | None:
    """The document and parameter `publicity_week.month` names (DOC-ID/PARAMETER), if both exist."""
    documents = getattr(site_or_documents, "documents", site_or_documents)
    doc_id, _, name = reference.partition("/")
    doc = next((d for d in documents if d.id == doc_id), None)
    if doc is None or name not in doc.parameters:
        return None
    return doc, doc.parameters[name]


def _check_publicity_month(path: Path, reference: str, documents: list[PolicyDocument], sink: ErrorSink) -> None:
    located = _read_yaml(path, sink)
    line = located.line(("publicity_week", "month")) if located is not None else 1
    doc_id, _, name = reference.partition("/")
    doc = next((d for d in documents if d.id == doc_id), None)
    if doc is None and (path.parent / doc_id / "document.yaml").exists():
        return  # the document is there but broken: its own errors say how to fix it
    if doc is None:
        sink.add(
            path, line, f"publicity_week.month names no document '{doc_id}'", one_of(doc_id, {d.id for d in documents}, " the documents")
        )
        return
    if name not in doc.parameters:
        sink.add(path, line, f"the document {doc_id} has no parameter '{name}'", _parameter_hint(name, doc))
        return
    if doc.parameters[name].unit != "month-of-year":
        sink.add(
            path, line, f"{reference} is not a month (its unit is {doc.parameters[name].unit})", "name a parameter with unit: month-of-year"
        )


def _load_units(path: Path, sink: ErrorSink) -> dict[str, schema.UnitSpec]:
    """policy/units.yaml (optional): units of the site's own, beside the built-in ones."""
    if not path.exists():
        return {}
    located = _read_yaml(path, sink)
    if located is None:
        return {}
    if not isinstance(located.data, dict):
        sink.add(
            path,
            1,
            "the file is not a set of units",
            "write each unit as 'id:' with zh and en, e.g. households: {zh: '{n}户', en: '{n} households'}",
        )
        return {}
    units = {}
    for unit_id in located.data:
        if unit_id in schema.UNITS:
            sink.add(path, located.line((unit_id,)), f"'{unit_id}' is a built-in unit", "use it as it is, or give this one another id")
            continue
        spec = validate(schema.UnitSpec, located, path, sink, prefix=(unit_id,))
        if spec is not None:
            units[str(unit_id)] = spec
    register_units(units)
    return units


def _check_units(doc: PolicyDocument, units: dict[str, schema.UnitSpec], sink: ErrorSink) -> None:
    known = [*schema.UNITS, *units]
    for parameter in doc.parameters.values():
        if parameter.unit not in known:
            sink.add(
                parameter.path,
                parameter.line_of("unit"),
                f"'{parameter.unit}' is not a known unit",
                f"use one of: {', '.join(known)}; or define it in policy/units.yaml (see policy/README.md)",
            )


def document_calculators(meta: schema.DocumentMeta) -> dict:
    """The calculators a document declares (document.yaml `calculators: <package>`, a folder
    calculators/<package>/); a document that declares none uses the package's top-level ones."""
    from calculators import calculators

    return calculators(meta.calculators or "")


def _load_document_examples(folder: Path, meta: schema.DocumentMeta, sink: ErrorSink) -> list[Example]:
    known = set(document_calculators(meta))
    examples: list[Example] = []
    for path in sorted((folder / "examples").glob("*.yaml")):
        located = _read_yaml(path, sink)
        if located is not None:
            examples += load_examples(path, located, known, sink)
    return examples


def _check_examples(site: Site, doc: PolicyDocument, sink: ErrorSink) -> None:
    """Run every worked example: an example the rules no longer give is a content error."""
    from calculators import calculate

    from .examples import differences
    from .export import export_parameters

    parameters = export_parameters(site, doc)
    for example in doc.examples:
        problems = differences(example, calculate(example.calculator, example.inputs, parameters, today=example.today))
        if problems:
            sink.add(
                example.path,
                example.line,
                f"example '{example.name['en']}' does not hold: {'; '.join(problems[:3])}",
                "correct the expected figures, or the parameter or rule that changed",
            )


def _check_any_of(clause: Clause, path: Path, front: Located, sink: ErrorSink) -> None:
    """target_groups_any_of: each list names two or more of the clause's target_groups, of which
    one is enough; a group is an alternative in one list only."""
    seen: set[str] = set()
    for index, alternatives in enumerate(clause.meta.target_groups_any_of):
        if len(set(alternatives)) < 2:
            sink.add(
                path,
                front.line(("target_groups_any_of", index)),
                "a list in target_groups_any_of names fewer than two groups",
                "list two or more target groups of which one is enough (read as 'or'), or delete the list",
            )
        for position, group in enumerate(alternatives):
            if group not in clause.meta.target_groups:
                sink.add(
                    path,
                    front.line(("target_groups_any_of", index, position)),
                    f"'{group}' is in target_groups_any_of but not in target_groups",
                    "add it to target_groups too: target_groups lists everyone the clause is for, "
                    "target_groups_any_of only says which of them are alternatives",
                )
            elif group in seen:
                sink.add(
                    path,
                    front.line(("target_groups_any_of", index, position)),
                    f"'{group}' is in two lists of target_groups_any_of",
                    "name each group in one list of alternatives only",
                )
            seen.add(group)


def _load_areas(path: Path, documents: list[PolicyDocument], sink: ErrorSink) -> list[schema.Area]:
    """The areas a reader may name; each area with a wage class parameter must be listed."""
    located = _read_yaml(path, sink)
    if located is None or not isinstance(located.data, list):
        if located is not None:
            sink.add(path, 1, "the areas are not a list", "write each as '- {id: …, zh: …, en: …}'")
        return []
    areas = [a for index in range(len(located.data)) if (a := validate(schema.Area, located, path, sink, prefix=(index,)))]
    names: dict[str, int] = {}
    for index, area in enumerate(areas):
        for name in [area.id, area.zh, area.en, *(area.aliases), *([area.code] if area.code else [])]:
            key = name.casefold()
            if key in names and names[key] != index:
                sink.add(path, located.line((index,)), f"the name '{name}' is used by two areas", "give each area its own names")
            names[key] = index
    ids = {a.id for a in areas}
    for doc in documents:
        for name, parameter in doc.parameters.items():
            if name.startswith("minimum_wage.area_class.") and name.rsplit(".", 1)[1] not in ids:
                sink.add(
                    parameter.path,
                    parameter.line_of(),
                    f"area '{name.rsplit('.', 1)[1]}' is not in policy/areas.yaml",
                    "add it there, with its names and area code",
                )
    return areas


def _load_search_checks(path: Path, documents: list[PolicyDocument], sink: ErrorSink) -> list[schema.SearchCheck]:
    located = _read_yaml(path, sink)
    if located is None or not isinstance(located.data, list):
        if located is not None:
            sink.add(path, 1, "the search checks are not a list", "write each as '- {lang: zh, query: …, expect: doc-id/clause-id}'")
        return []
    checks = []
    for index in range(len(located.data)):
        check = validate(schema.SearchCheck, located, path, sink, prefix=(index,))
        if check is None:
            continue
        doc_id, _, clause_id = check.expect.partition("/")
        doc = next((d for d in documents if d.id == doc_id), None)
        if sink.is_broken("doc", doc_id) or sink.is_broken("clause", check.expect):
            continue
        if doc is None or doc.clause(clause_id) is None:
            sink.add(
                path,
                located.line((index, "expect")),
                f"unknown clause '{check.expect}'",
                one_of(check.expect, {f"{d.id}/{c.id}" for d in documents for c in d.clauses}, " (document-id/clause-id)"),
            )
            continue
        checks.append(check)
    return checks


def _load_holidays(path: Path, sink: ErrorSink) -> schema.HolidayCalendar | None:
    """Public holidays and adjusted working days, by year of the State Council's notice. Each
    day belongs to its year (a New Year's break may start in the December before), a range runs
    forwards, an adjusted working day is a Saturday or Sunday outside the days off, and no day is
    off twice."""
    located = _read_yaml(path, sink)
    calendar = validate(schema.HolidayCalendar, located, path, sink) if located is not None else None
    if calendar is None:
        return None
    before = len(sink.errors)
    off_days: dict[dt.date, int] = {}
    for year, entry in calendar.years.items():
        for index, holiday in enumerate(entry.holidays):
            at = ("years", year, "holidays", index)
            _check_days_off(path, located, year, at, holiday.days_off, off_days, sink)
    for year, entry in calendar.years.items():
        for index, holiday in enumerate(entry.holidays):
            for number, day in enumerate(holiday.working_days):
                _check_working_day(
                    path, located.line(("years", year, "holidays", index, "working_days", number)), year, day, off_days, sink
                )
    return calendar if len(sink.errors) == before else None


def _in_year(day: dt.date, year: int) -> bool:
    """A day of `year`'s arrangement: in that year, or in the December before (New Year's Day)."""
    return dt.date(year - 1, 12, 1) <= day <= dt.date(year, 12, 31)


def _year_fix(year: int) -> str:
    return f"write a day of {year} (or of December {year - 1}, for a New Year's break that starts then)"


def _check_days_off(
    path: Path, located: Located, year: int, at: tuple, off: schema.DayRange, seen: dict[dt.date, int], sink: ErrorSink
) -> None:
    for key, day in (("from", off.first), ("to", off.last)):
        if not _in_year(day, year):
            sink.add(path, located.line((*at, "days_off", key)), f"{day} is not in the {year} arrangement", _year_fix(year))
            return
    if off.last < off.first:
        sink.add(
            path,
            located.line((*at, "days_off", "to")),
            f"'to' ({off.last}) is before 'from' ({off.first})",
            "write the first day off in from, the last in to",
        )
        return
    line = located.line((*at, "days_off"))
    day = off.first
    while day <= off.last:
        if day in seen:
            sink.add(path, line, f"{day} is already a day off of another holiday (line {seen[day]})", "correct one of the two ranges")
            return
        seen[day] = line
        day += dt.timedelta(days=1)


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _check_working_day(path: Path, line: int, year: int, day: dt.date, off_days: dict[dt.date, int], sink: ErrorSink) -> None:
    if not _in_year(day, year):
        sink.add(path, line, f"{day} is not in the {year} arrangement", _year_fix(year))
    elif day.weekday() < 5:
        sink.add(
            path,
            line,
            f"{day} is a {WEEKDAYS[day.weekday()]}: an adjusted working day (调休上班) is a Saturday or Sunday",
            "check the date against the notice",
        )
    elif day in off_days:
        sink.add(path, line, f"{day} is both a working day and a day off (line {off_days[day]})", "check the date against the notice")


def _load_statistics_table(path: Path, doc_id: str, clauses: list[Clause], sink: ErrorSink) -> schema.StatisticsTable | None:
    """The monthly statistics table, for a document that has one (attachment 3 of this notice):
    its clause exists and quotes its source, the columns are numbered 1, 2, 3… in order, and
    each relation compares two different columns of the same kind, once."""
    if not path.exists():
        return None
    located = _read_yaml(path, sink)
    table = validate(schema.StatisticsTable, located, path, sink) if located is not None else None
    if table is None:
        return None
    before = len(sink.errors)
    by_id = {c.id: c for c in clauses}
    for key, clause_id in ((("clause",), table.clause), (("source", "clause"), table.source.clause)):
        if clause_id is not None and clause_id not in by_id and not sink.is_broken("clause", f"{doc_id}/{clause_id}"):
            sink.add(
                path, located.line(key), f"unknown clause '{clause_id}'", one_of(clause_id, set(by_id), " the clauses of this document")
            )
    quoted = by_id.get(table.source.clause or "")
    if quoted is not None and table.source.quote is not None and _squash(table.source.quote) not in _squash(quoted.body["zh"]):
        sink.add(
            path,
            located.line(("source", "quote")),
            f"the quote '{table.source.quote}' is not in the official text of '{quoted.id}'",
            "copy the words exactly from the clause's .zh.md file",
        )
    for index, column in enumerate(table.columns):
        if column.number != index + 1:
            sink.add(
                path,
                located.line(("columns", index, "number")),
                f"column {column.number} is listed in position {index + 1}",
                "number the columns 1, 2, 3… in the order of the table",
            )
            break
    else:
        _check_relations(path, located, table, sink)
    return table if len(sink.errors) == before else None


def _check_relations(path: Path, located: Located, table: schema.StatisticsTable, sink: ErrorSink) -> None:
    kinds = {column.number: column.kind for column in table.columns}
    seen: dict[tuple[int, int], int] = {}
    for index, relation in enumerate(table.relations):
        line = located.line(("relations", index))
        missing = next((side for side in ("left", "right") if getattr(relation, side) not in kinds), None)
        shown = f"({relation.left})≥({relation.right})"
        if missing is not None:
            sink.add(
                path,
                located.line(("relations", index, missing)),
                f"relation {shown} names column {getattr(relation, missing)}, which the table does not have",
                f"use a column number from 1 to {len(kinds)}",
            )
        elif relation.left == relation.right:
            sink.add(path, line, f"relation {shown} compares a column with itself", "name two different columns")
        elif kinds[relation.left] != kinds[relation.right]:
            sink.add(
                path,
                line,
                f"relation {shown} compares a {kinds[relation.left]} column with a {kinds[relation.right]} column",
                "compare columns of the same kind",
            )
        elif (relation.left, relation.right) in seen:
            sink.add(path, line, f"relation {shown} is listed twice (first on line {seen[(relation.left, relation.right)]})", "keep one")
        else:
            seen[(relation.left, relation.right)] = line


# --- single files -------------------------------------------------------------------------


def _read_yaml(path: Path, sink: ErrorSink) -> Located | None:
    if not path.exists():
        sink.add(path, 1, "the file is missing", "create it (see policy/README.md)")
        return None
    try:
        text = read_text(path)
        located = parse_yaml(text)
    except SourceError as exc:
        sink.add(path, exc.line, exc.problem, exc.fix)
        return None
    for line, problem, fix in markup.problems_in_yaml(located, text):
        sink.add(path, line, problem, fix)
    return located


def _read_markdown(path: Path, sink: ErrorSink) -> MarkdownSource | None:
    try:
        source = parse_front_matter(read_text(path))
    except SourceError as exc:
        sink.add(path, exc.line, exc.problem, exc.fix)
        return None
    found = [*markup.problems_in_yaml(source.front, source.text), *markup.problems_in_markdown(source.body, source.body_first_line)]
    for line, problem, fix in found:
        sink.add(path, line, problem, fix)
    return source


def _load_model(path: Path, model: type, sink: ErrorSink):
    located = _read_yaml(path, sink)
    if located is None:
        return None
    return validate(model, located, path, sink)


def _load_glossary(path: Path, sink: ErrorSink) -> list[schema.GlossaryTerm]:
    located = _read_yaml(path, sink)
    if located is None:
        return []
    if not isinstance(located.data, list):
        sink.add(path, 1, "the glossary is not a list of terms", "write each term as '- zh: …' with en and definition")
        return []
    terms, seen = [], {}
    for index in range(len(located.data)):
        term = validate(schema.GlossaryTerm, located, path, sink, prefix=(index,))
        if term is None:
            continue
        line = located.line((index,))
        if term.zh in seen:
            sink.add(path, line, f"the term '{term.zh}' is listed twice (first on line {seen[term.zh]})", "keep one entry")
            continue
        seen[term.zh] = line
        terms.append(term)
    return terms


# --- a document -------------------------------------------------------------------------


def _load_document(folder: Path, sink: ErrorSink, vocabulary: schema.Vocabulary | None) -> PolicyDocument | None:
    path = folder / "document.yaml"
    located = _read_yaml(path, sink)
    meta = validate(schema.DocumentMeta, located, path, sink) if located else None
    if meta is None:
        sink.mark_broken("doc", folder.name)
        return None
    if meta.id != folder.name:
        sink.add(
            path,
            located.line(("id",)),
            f"id '{meta.id}' differs from the folder name '{folder.name}'",
            f"rename the folder or set id: {folder.name}",
        )
    parameters = _load_parameters(folder / "parameters", sink)
    clauses = _load_clauses(folder, meta, sink)
    if not any(folder.glob("*.zh.md")):
        sink.add(path, 1, "the document has no clauses", f"add its text clause by clause: policypress new clause {meta.id} CLAUSE-ID")
    table = _load_statistics_table(folder / "statistics-table.yaml", meta.id, clauses, sink)
    if meta.calculators is not None and meta.calculators not in _calculator_packages():
        sink.add(
            path,
            located.line(("calculators",)),
            f"there is no calculators package '{meta.calculators}'",
            one_of(meta.calculators, _calculator_packages(), " the folders under calculators/")
            + " (a folder calculators/<name>/ with the document's calculator modules)",
        )
    elif meta.calculators is not None:
        from calculators import name_clashes

        for name, kept, ignored in name_clashes():
            if ignored == meta.calculators:
                sink.add(
                    path,
                    located.line(("calculators",)),
                    f"calculators/{ignored}/ defines a calculator named '{name}', a name calculators/{kept or '.'}/ already uses",
                    "rename one of them (Calculator(name=…)): a page and `policypress calc` find calculators by name",
                )
    examples = _load_document_examples(folder, meta, sink)
    doc = PolicyDocument(meta, path, sorted(clauses, key=lambda c: c.meta.order), parameters, examples, table)
    _check_document(doc, located, sink, vocabulary)
    return doc


def _load_parameters(folder: Path, sink: ErrorSink) -> dict[str, Parameter]:
    parameters: dict[str, Parameter] = {}
    for path in sorted(folder.glob("*.yaml")):
        located = _read_yaml(path, sink)
        if located is None:
            sink.mark_broken("param", path.stem)
            continue
        if not isinstance(located.data, dict):
            sink.add(path, 1, "the file is not a set of parameters", "write 'name:' then its label, unit, status, reference and values")
            continue
        _collect_parameters(path, located, (), path.stem, parameters, sink)
    return parameters


def _collect_parameters(path: Path, located: Located, prefix: tuple, name: str, out: dict, sink: ErrorSink) -> None:
    node = located.data
    for key in prefix:
        node = node[key]
    if isinstance(node, dict) and "values" in node:
        spec = validate(schema.ParameterSpec, located, path, sink, prefix=prefix)
        if spec is None:
            sink.mark_broken("param", name)
        else:
            out[name] = Parameter.from_spec(name, spec, path, located, prefix)
        return
    if not isinstance(node, dict) or not node:
        sink.add(
            path,
            located.line(prefix),
            f"'{name}' is neither a parameter nor a group of parameters",
            "give it label, unit, status, reference and values (see policy/README.md)",
        )
        return
    for key in node:
        _collect_parameters(path, located, prefix + (key,), f"{name}.{key}", out, sink)


def _load_clauses(folder: Path, meta: schema.DocumentMeta, sink: ErrorSink) -> list[Clause]:
    stems = {p.name.removesuffix(f".{lang}.md") for lang in LANGS for p in folder.glob(f"*.{lang}.md")}
    clauses = []
    for stem in sorted(stems):
        paths = {lang: folder / f"{stem}.{lang}.md" for lang in LANGS}
        sink.mark_broken("clause", f"{meta.id}/{stem}")  # until it has loaded
        if not paths["en"].exists():
            sink.add(
                paths["zh"],
                1,
                "this clause has no English counterpart",
                f"create {paths['en'].name} with id, title, summary and the translated text",
            )
            continue
        if not paths["zh"].exists():
            sink.add(
                paths["en"],
                1,
                "this English clause has no Chinese original",
                f"create {paths['zh'].name} with the official text, or delete this file",
            )
            continue
        sources = {lang: _read_markdown(paths[lang], sink) for lang in LANGS}
        if None in sources.values():
            continue
        zh = validate(schema.ClauseZh, sources["zh"].front, paths["zh"], sink)
        en = validate(schema.ClauseEn, sources["en"].front, paths["en"], sink)
        if zh is None or en is None:
            continue
        if zh.id != stem:
            line = sources["zh"].front.line(("id",))
            if zh.id in stems:
                sink.add(
                    paths["zh"],
                    line,
                    f"duplicate clause id '{zh.id}' (it is the id of {zh.id}.zh.md)",
                    "give this clause its own id and name its two files after it",
                )
            else:
                sink.add(
                    paths["zh"],
                    line,
                    f"id '{zh.id}' differs from the file name '{stem}'",
                    f"rename the two files to {zh.id}.zh.md and {zh.id}.en.md, or set id: {stem} (the id is in the page's address: keep it stable)",
                )
            continue
        if en.id != zh.id:
            sink.add(
                paths["en"],
                sources["en"].front.line(("id",)),
                f"id '{en.id}' differs from the Chinese file's id '{zh.id}'",
                f"set id: {zh.id}",
            )
            continue
        sink.broken.discard(f"clause:{meta.id}/{stem}")
        clause = Clause(
            zh.id,
            meta.id,
            stem,
            zh,
            en,
            {lang: sources[lang].body.strip("\n") for lang in LANGS},
            {lang: sources[lang].body_first_line + _leading_blank_lines(sources[lang].body) for lang in LANGS},
            paths,
            {lang: sources[lang].front for lang in LANGS},
            {lang: sources[lang].text.split("\n") for lang in LANGS},
        )
        for lang in LANGS:
            if not clause.body[lang].strip():
                sink.add(paths[lang], sources[lang].body_first_line - 1, "the clause has no text", "write the text below the closing '---'")
        _check_apply_mirrors(clause, sink)
        clauses.append(clause)
    return clauses


def _leading_blank_lines(body: str) -> int:
    return len(body) - len(body.lstrip("\n"))


def _check_apply_mirrors(clause: Clause, sink: ErrorSink) -> None:
    zh, en = clause.meta.apply, clause.en.apply
    for key in ("where", "documents", "reviewed_by"):
        has_zh = zh is not None and getattr(zh, key) is not None
        has_en = en is not None and getattr(en, key) is not None
        if has_zh and not has_en:
            sink.add(
                clause.paths["en"],
                clause.front["en"].line(("apply",)),
                f"apply.{key} has no English translation",
                f"add apply.{key} as in {clause.paths['zh'].name}",
            )
        elif has_en and not has_zh:
            sink.add(
                clause.paths["zh"],
                clause.front["zh"].line(("apply",)),
                f"apply.{key} is in English only",
                f"add apply.{key} in Chinese, or remove it from {clause.paths['en'].name}",
            )
        elif key == "documents" and has_zh and len(zh.documents) != len(en.documents):
            sink.add(
                clause.paths["en"],
                clause.front["en"].line(("apply", "documents")),
                "apply.documents lists a different number of items than the Chinese file",
                "translate each item once, in the same order",
            )


# --- cross references -------------------------------------------------------------------


def _check_document(doc: PolicyDocument, located: Located, sink: ErrorSink, vocabulary: schema.Vocabulary | None) -> None:
    meta, path = doc.meta, doc.path
    part_ids = {p.id for p in meta.parts}
    actions = {a.id: a for a in meta.actions}
    clause_ids: dict[str, Clause] = {}
    orders: dict[int, Clause] = {}

    for index, action in enumerate(meta.actions):
        if action.part not in part_ids:
            sink.add(
                path,
                located.line(("actions", index, "part")),
                f"unknown part '{action.part}'",
                one_of(action.part, part_ids),
            )

    for clause in doc.clauses:
        zh_path, front = clause.paths["zh"], clause.front["zh"]
        clause_ids[clause.id] = clause  # ids are file names, so they are unique
        if clause.meta.order in orders:
            sink.add(
                zh_path,
                front.line(("order",)),
                f"order {clause.meta.order} is also used by '{orders[clause.meta.order].id}'",
                "give each clause its own position",
            )
        orders[clause.meta.order] = clause
        if clause.meta.part not in part_ids:
            sink.add(
                zh_path,
                front.line(("part",)),
                f"unknown part '{clause.meta.part}'",
                one_of(clause.meta.part, part_ids, " the parts in document.yaml"),
            )
        action = clause.meta.action
        if action is not None and action not in actions:
            sink.add(
                zh_path,
                front.line(("action",)),
                f"unknown action '{action}'",
                one_of(action, set(actions), " the actions in document.yaml") + " (or delete the line)",
            )
        elif action is not None and actions[action].part != clause.meta.part:
            sink.add(
                zh_path,
                front.line(("action",)),
                f"action '{action}' belongs to part '{actions[action].part}', not '{clause.meta.part}'",
                "correct the part or the action",
            )
        if vocabulary is not None:
            for field_name, known in (("target_groups", vocabulary.target_groups), ("benefit_types", vocabulary.benefit_types)):
                for index, value in enumerate(getattr(clause.meta, field_name)):
                    if value not in known:
                        sink.add(
                            zh_path,
                            front.line((field_name, index)),
                            f"unknown {field_name[:-1].replace('_', ' ')} '{value}'",
                            one_of(value, set(known), " the ids in policy/vocabulary.yaml"),
                        )
        if vocabulary is None or all(group in vocabulary.target_groups for group in clause.meta.target_groups):
            _check_any_of(clause, zh_path, front, sink)  # (an unknown group is reported once, above)
        if clause.meta.paid_to is not None and clause.meta.paid_to not in clause.meta.target_groups:
            sink.add(
                zh_path,
                front.line(("paid_to",)),
                f"paid_to '{clause.meta.paid_to}' is not one of the clause's target_groups",
                one_of(clause.meta.paid_to, set(clause.meta.target_groups), " the clause's target_groups"),
            )
        for index, name in enumerate(clause.meta.amounts):
            if name not in doc.parameters and not sink.is_broken("param", name):
                sink.add(zh_path, front.line(("amounts", index)), f"unknown parameter '{name}'", _parameter_hint(name, doc))

    families = _unit_families(doc)
    for clause in doc.clauses:
        for index, other in enumerate(clause.meta.related):
            if other not in clause_ids and not sink.is_broken("clause", f"{doc.id}/{other}"):
                sink.add(
                    clause.paths["zh"],
                    clause.front["zh"].line(("related", index)),
                    f"unknown clause '{other}' in related",
                    one_of(other, set(clause_ids) - {clause.id}, " the clauses of this document"),
                )
            elif other == clause.id:
                sink.add(
                    clause.paths["zh"],
                    clause.front["zh"].line(("related", index)),
                    "a clause cannot be related to itself",
                    "remove it from related",
                )
        _check_texts(clause, doc, families, sink)

    for index, attachment in enumerate(meta.attachments):
        if attachment.clause not in clause_ids and not sink.is_broken("clause", f"{doc.id}/{attachment.clause}"):
            sink.add(
                path,
                located.line(("attachments", index, "clause")),
                f"unknown clause '{attachment.clause}'",
                one_of(attachment.clause, set(clause_ids), " the clauses of this document (the file that holds the attachment)"),
            )

    for parameter in doc.parameters.values():
        _check_parameter(parameter, doc, clause_ids, sink)
        _check_value_dates(parameter, doc, sink)
    _check_findable_sources(doc, sink)


def _check_findable_sources(doc: PolicyDocument, sink: ErrorSink) -> None:
    """A `reference` figure comes from another document: a reader must be able to find it. One
    warning per parameter file, at its first such figure (the pages say 未注明文号 beside each)."""
    by_file: dict[Path, list[Parameter]] = {}
    for parameter in doc.parameters.values():
        unfindable = [e for e in parameter.entries if e.status == "reference" and e.reference is not None and not e.reference.findable]
        if unfindable:
            by_file.setdefault(parameter.path, []).append(parameter)
    for path, parameters in by_file.items():
        names = [p.name for p in parameters]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        sink.warn(
            path,
            parameters[0].line_of("reference", "document"),
            f"{len(names)} reference figure{'s' if len(names) > 1 else ''} cite{'' if len(names) > 1 else 's'} a source no reader can find ({shown}): "
            "no document number, href or publication",
            "give the source's number in 'document' (a number such as 鲁政字〔2017〕NN号), an 'href' or a 'publication'; "
            "if the bureau cannot name one, set status: unset",
        )


def _check_value_dates(parameter: Parameter, doc: PolicyDocument, sink: ErrorSink) -> None:
    """A value that starts after the document's last day is never shown by it: a warning."""
    last = doc.meta.last_day
    for entry in parameter.entries:
        if last is not None and entry.value is not None and entry.since > last:
            sink.warn(
                parameter.path,
                parameter.line_of("values", entry.since),
                f"'{parameter.name}' has a value from {entry.since}, after the document's last day in force ({last})",
                "check the date; a figure that belongs to a later document goes in that document's parameters",
            )


def one_of(value: str, known: list[str] | set[str], where: str = "") -> str:
    """'use one of: …' with the closest ids first, so a typo or a scaffold's TODO shows its fix."""
    ordered = sorted(known)
    close = difflib.get_close_matches(value, ordered, n=3, cutoff=0.6)
    listing = [*close, *[k for k in ordered if k not in close]]
    shown = ", ".join(listing[:12]) + (f", … ({len(listing)} in all)" if len(listing) > 12 else "")
    return f"use one of{where}: {shown}" if listing else f"there is none yet{where}: add one first"


def _parameter_hint(name: str, doc: PolicyDocument) -> str:
    return one_of(name, set(doc.parameters), f" the parameters under {sink_rel_parameters(doc)}")


def sink_rel_parameters(doc: PolicyDocument) -> str:
    return f"policy/{doc.id}/parameters/"


def _check_parameter(parameter: Parameter, doc: PolicyDocument, clauses: dict[str, Clause], sink: ErrorSink) -> None:
    line = parameter.line_of
    if not parameter.entries and parameter.status != "unset":
        sink.add(parameter.path, line(), f"'{parameter.name}' has no values", "add a dated value, or set status: unset")
    if parameter.status == "unset" and parameter.all_values():
        sink.add(
            parameter.path,
            line(),
            f"'{parameter.name}' is unset but has values",
            "set its status (official, reference or interpretation), or remove the values",
        )
    with_value = [e for e in parameter.entries if e.value is not None]
    if parameter.reference is None and (parameter.status == "unset" or all(e.own_reference is None for e in with_value)):
        sink.add(
            parameter.path,
            line(),
            f"'{parameter.name}' has no reference",
            "add 'reference:' with the document (and clause or link) its figures come from",
        )
        return
    shared_checked = False
    for entry in with_value:
        if entry.own_reference is None:
            if shared_checked:
                continue  # the shared reference is checked once
            shared_checked = True
        reference = entry.reference
        at = ("values", entry.since, "reference") if entry.own_reference is not None else ("reference",)
        if reference is None:
            sink.add(
                parameter.path,
                line("values", entry.since),
                f"the value of '{parameter.name}' from {entry.since} has no reference",
                "add 'reference:' with the document (and clause or link) it comes from",
            )
            continue
        if reference.clause is not None and reference.clause not in clauses:
            if not sink.is_broken("clause", f"{doc.id}/{reference.clause}"):
                sink.add(
                    parameter.path,
                    line(*at, "clause"),
                    f"the reference of '{parameter.name}' names unknown clause '{reference.clause}'",
                    "use the id of a clause of this document",
                )
            continue
        if entry.status == "official":
            if reference.clause is None or reference.quote is None:
                sink.add(
                    parameter.path,
                    line(*at),
                    f"official figure '{parameter.name}' does not say where the notice states it",
                    "add reference.clause and reference.quote (the words of the clause that state it)",
                )
            elif _squash(reference.quote) not in _squash(clauses[reference.clause].body["zh"]):
                sink.add(
                    parameter.path,
                    line(*at, "quote"),
                    f"the quote '{reference.quote}' is not in the official text of '{reference.clause}'",
                    "copy the words exactly from the clause's .zh.md file",
                )
    for entry in with_value:  # an official figure is one the notice states: its quote must say it
        reference = entry.reference
        if entry.status != "official" or reference is None or reference.quote is None or reference.clause not in clauses:
            continue
        if _squash(reference.quote) not in _squash(clauses[reference.clause].body["zh"]):
            continue  # reported above
        if not _quote_states(entry.value, parameter.unit, reference.quote):
            sink.add(
                parameter.path,
                line("values", entry.since),
                f"the official value {entry.value} of '{parameter.name}' from {entry.since} is not a figure its quote "
                f"'{reference.quote}' states (in {parameter.unit})",
                "correct the value, or quote the words of the notice that state it (or, if the notice does not state it, "
                "change the status to interpretation or reference)",
            )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_TENS = {"十": 10, "百": 100, "千": 1000}
_QUOTED_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([万亿]?)|([零一二两三四五六七八九十百千]+)\s*([万亿]?)|(半)")


def _zh_number(digits: str) -> int:
    """十二 → 12, 二十 → 20, 两 → 2: the Chinese numerals a notice writes figures in."""
    total, current = 0, 0
    for char in digits:
        if char in _ZH_DIGITS:
            current = _ZH_DIGITS[char]
        else:
            total += (current or 1) * _ZH_TENS[char]
            current = 0
    return total + current


def _quote_states(value: object, unit: str, quote: str) -> bool:
    """Does `quote` write a number equal to `value` in `unit`? 50万元 is 500000 yuan, 5% is 5 percent
    (or a ratio of 0.05), 减半 a ratio of 0.5, 两年 2 years; a ten-thousand-yuan figure reads as N万元."""
    from decimal import Decimal

    number = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if hasattr(value, "denominator") and not isinstance(value, int)
        else Decimal(str(value))
    )
    wanted = {number}
    if unit == "ten-thousand-yuan":
        wanted = {number * 10_000}
    elif unit == "ratio":
        wanted.add(number * 100)
    written = set()
    for arabic, arabic_scale, chinese, chinese_scale, half in _QUOTED_NUMBER.findall(quote):
        if half:
            written.add(Decimal("0.5"))
            continue
        figure = Decimal(arabic.replace(",", "")) if arabic else Decimal(_zh_number(chinese))
        scale = arabic_scale or chinese_scale
        written.add(figure * {"万": 10_000, "亿": 100_000_000}.get(scale, 1))
    return bool(wanted & written)


# --- texts: placeholders and typed figures ------------------------------------------------

UNIT_WORDS = {
    "money": r"万元|亿元|元|yuan",
    "percent": r"%|％|个百分点|percentage points?|per ?cent",
    "people": r"万人|万名|人|名|people|persons?|posts?",
    "months": r"个月|months?",
    "years": r"年|years?",
    "days": r"天|日|days?",
    "age": r"周岁|岁",
    "times": r"次|times",
    "hours": r"小时|hours?",
}
UNIT_FAMILY = {
    "yuan": "money",
    "yuan-per-person": "money",
    "yuan-per-month": "money",
    "yuan-per-hour": "money",
    "yuan-per-year": "money",
    "ten-thousand-yuan": "money",
    "percent": "percent",
    "percentage-points": "percent",
    "ratio": "percent",
    "people": "people",
    "posts": "people",
    "months": "months",
    "years": "years",
    "days": "days",
    "age": "age",
    "times-per-year": "times",
    "hours-per-month": "hours",
}
FIGURE = re.compile(
    r"(?<![\d.,/])(\d[\d,]*(?:\.\d+)?)\s*(" + "|".join(UNIT_WORDS.values()) + r")(?![A-Za-z])",
    re.IGNORECASE,
)


def _typed_figures(text: str) -> list[tuple[str, str, object]]:
    """Figures with a unit typed into text: (as typed, unit family, comparable value)."""
    from decimal import Decimal

    found = []
    for match in FIGURE.finditer(text):
        number = Decimal(match.group(1).replace(",", ""))
        word = match.group(2).lower()
        family = next(f for f, pattern in UNIT_WORDS.items() if re.fullmatch(pattern, word, re.IGNORECASE))
        if family == "years" and 1900 <= number <= 2100:
            continue  # a calendar year, not a duration
        if word in ("万元", "万人", "万名"):  # 48万人 is 480,000 people
            number *= 10_000
        elif word == "亿元":
            number *= 100_000_000
        found.append((match.group(0), family, number))
    return found


TYPED_DATE = re.compile(
    r"(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})-(\d{2})-(\d{2})|(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December),? (\d{4})"
)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _typed_dates(text: str) -> list[tuple[str, dt.date]]:
    """Dates typed into text, in the forms the site writes them: 2020年5月15日, 2020-05-15, 15 May 2020."""
    found = []
    for match in TYPED_DATE.finditer(text):
        g = match.groups()
        try:
            if g[0]:
                day = dt.date(int(g[0]), int(g[1]), int(g[2]))
            elif g[3]:
                day = dt.date(int(g[3]), int(g[4]), int(g[5]))
            else:
                day = dt.date(int(g[8]), MONTHS.index(g[7]) + 1, int(g[6]))
        except ValueError:
            continue
        found.append((match.group(0), day))
    return found


def _comparable(parameter: Parameter) -> set:
    from decimal import Decimal

    values = set()
    for value in parameter.all_values():
        number = (
            Decimal(value.numerator) / Decimal(value.denominator)
            if hasattr(value, "denominator") and not isinstance(value, int)
            else Decimal(value)
        )
        values.add(number * 100 if parameter.unit == "ratio" else number)
        if parameter.unit == "ten-thousand-yuan":
            values.add(number * 10_000)
    return values


def _text_fields(clause: Clause, lang: str) -> list[tuple[str, int]]:
    """(text, line) of every translated text of a clause in `lang`, body excluded."""
    front = clause.front[lang]
    meta = clause.meta if lang == "zh" else clause.en
    fields = [(meta.summary, front.line(("summary",))), (meta.title, front.line(("title",)))]
    if meta.apply is not None:
        for key in ("where", "reviewed_by"):
            if getattr(meta.apply, key):
                fields.append((getattr(meta.apply, key), front.line(("apply", key))))
        for index, item in enumerate(meta.apply.documents or []):
            fields.append((item, front.line(("apply", "documents", index))))
    return fields


def _unit_families(doc: PolicyDocument) -> dict[str, list[tuple[set, str]]]:
    """unit family → (the values a typed figure is compared with, parameter name), per parameter."""
    families: dict[str, list[tuple[set, str]]] = {}
    for parameter in doc.parameters.values():
        family = UNIT_FAMILY.get(parameter.unit)
        if family:
            families.setdefault(family, []).append((_comparable(parameter), parameter.name))
    return families


def _check_texts(clause: Clause, doc: PolicyDocument, families: dict[str, list[tuple[set, str]]], sink: ErrorSink) -> None:
    def check(text: str, line: int, path: Path, lines: list[str] | None = None, official: bool = False) -> None:
        """`lines`: the file's lines, for a text from YAML whose line breaks folding removed;
        without them, line breaks in `text` are counted from `line` (a Markdown body)."""

        def line_of(needle: str, offset: int) -> int:
            if lines is None:
                return line + text[:offset].count("\n")
            return next((i + 1 for i in range(line - 1, len(lines)) if needle in lines[i]), line)

        for match in PLACEHOLDER.finditer(text):
            name = match.group(1)
            if name in DOCUMENT_DATES:
                if document_date(doc, name) is None:
                    sink.add(
                        path,
                        line_of(match.group(0), match.start()),
                        f"'{name}' stands for a date document.yaml does not give",
                        "give the date in document.yaml, or reword the text",
                    )
                continue
            if name not in doc.parameters and not sink.is_broken("param", name):
                sink.add(path, line_of(match.group(0), match.start()), f"unknown parameter '{name}'", _parameter_hint(name, doc))
        if official:
            return  # the official text quotes the notice, figures included
        for typed, day in _typed_dates(PLACEHOLDER.sub("", text)):
            names = [name for name in DOCUMENT_DATES if document_date(doc, name) == day]
            if names:
                sink.add(
                    path,
                    line_of(typed, max(text.find(typed), 0)),
                    f"the date '{typed}' is typed into the text, but document.yaml holds it",
                    f"write {{{{ {names[0]} }}}} instead",
                )
        for typed, family, number in _typed_figures(PLACEHOLDER.sub("", text)):
            holders = [name for values, name in families.get(family, []) if number in values]
            if holders:
                names = " or ".join(f"{{{{ {name} }}}}" for name in holders[:3])
                sink.add(
                    path,
                    line_of(typed, max(text.find(typed), 0)),
                    f"the figure '{typed}' is typed into the text, but a parameter holds it",
                    f"write {names} instead, so the site always shows the current value",
                )

    for lang in LANGS:
        for text, line in _text_fields(clause, lang):
            check(text, line, clause.paths[lang], lines=clause.source_lines[lang])
        # A summary promises only the figures the clause's amounts box shows (and so its sources).
        summary = clause.meta.summary if lang == "zh" else clause.en.summary
        if any(name not in doc.parameters for name in clause.meta.amounts):
            continue  # the amounts list itself is wrong: reported on its own line
        for match in PLACEHOLDER.finditer(summary):
            name = match.group(1)
            if name in doc.parameters and name not in clause.meta.amounts:
                sink.add(
                    clause.paths[lang],
                    next(
                        (i + 1 for i, text in enumerate(clause.source_lines[lang]) if match.group(0) in text),
                        clause.front[lang].line(("summary",)),
                    ),
                    f"the summary shows {{{{ {name} }}}}, which is not among the clause's amounts",
                    f"add {name} to amounts in {clause.paths['zh'].name}, or leave the figure out of the summary",
                )
    check(clause.body["zh"], clause.body_line["zh"], clause.paths["zh"], official=True)
    check(clause.body["en"], clause.body_line["en"], clause.paths["en"])


# --- hand-written pages ---------------------------------------------------------------------


def _load_pages(folder: Path, sink: ErrorSink) -> list[Page]:
    stems = sorted({p.relative_to(folder / lang).with_suffix("").as_posix() for lang in LANGS for p in (folder / lang).rglob("*.md")})
    pages = []
    for slug in stems:
        paths = {lang: folder / lang / f"{slug}.md" for lang in LANGS}
        missing = [lang for lang in LANGS if not paths[lang].exists()]
        if missing:
            present = next(lang for lang in LANGS if lang not in missing)
            other = paths[missing[0]]
            sink.add(
                paths[present],
                1,
                f"this page has no {'English' if missing[0] == 'en' else 'Chinese'} counterpart",
                f"create {sink.rel(other)}",
            )
            continue
        sources = {lang: _read_markdown(paths[lang], sink) for lang in LANGS}
        if None in sources.values():
            continue
        metas = {lang: validate(schema.PageMeta, sources[lang].front, paths[lang], sink) for lang in LANGS}
        if None in metas.values():
            continue
        pages.append(Page(slug, metas, {lang: sources[lang].body for lang in LANGS}))
    return pages
