"""The `policypress` command: check, build, serve, calc, report, dist, new."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TextIO

from .errors import ContentErrors


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


class UsageError(Exception):
    """A mistyped option that argparse cannot check: one line on stderr, exit 2."""


def _today(args: argparse.Namespace) -> dt.date:
    try:
        return dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        raise UsageError(f"--today must be a date written YYYY-MM-DD, not {args.today!r}") from None


def _report(errors: ContentErrors, published: bool = False) -> int:
    """Every error, one a line, then how many; a command that publishes says nothing was."""
    for error in errors.errors:
        print(error, file=sys.stderr)
    count = len(errors.errors)
    summary = f"{count} error{'s' if count != 1 else ''}"
    print(f"{summary}; nothing was published." if published else f"{summary}.", file=sys.stderr)
    return 1


def cmd_check(args: argparse.Namespace) -> int:
    from .content import load_site

    try:
        site = load_site(_root(args))
    except ContentErrors as errors:
        return _report(errors)
    for warning in site.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    clauses = sum(len(d.clauses) for d in site.documents)
    parameters = sum(len(d.parameters) for d in site.documents)
    print(f"ok: {len(site.documents)} document(s), {clauses} clauses, {parameters} parameters, {len(site.glossary)} glossary terms")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build_site

    try:
        out = build_site(_root(args), today=_today(args), quiet=args.quiet)
    except ContentErrors as errors:
        return _report(errors, published=True)
    print(f"built {out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(_root(args), host=args.host, port=args.port, today=_today(args))


def cmd_calc(args: argparse.Namespace) -> int:
    from calculators import calculate
    from calculators.core.inputs import parse_json

    from .content import load_site
    from .export import export_parameters

    if not args.list and not args.name:
        print("policypress calc: name a calculator (see --list)", file=sys.stderr)
        return 2
    try:
        site = load_site(_root(args))  # also finds a content project's own calculators
    except ContentErrors as errors:
        return _report(errors)
    if args.list:
        _list_calculators(site)
        return 0
    found = _calculator_document(site, args.name, args.document)
    if isinstance(found, str):
        print(f"policypress calc: {found}", file=sys.stderr)
        return 2
    doc, name = found
    today = _today(args)
    try:
        source = _read_input(args.input)
    except OSError as exc:
        result = {
            "errors": {
                "_": {
                    "zh": f"无法读取输入文件：{exc.strerror}（{args.input}）",
                    "en": f"Cannot read the input file: {exc.strerror} ({args.input})",
                }
            }
        }
    else:
        raw, errors = parse_json(source)  # bounded in size and depth; bad JSON is a "_" error
        result = {"errors": errors} if errors else calculate(name, raw, export_parameters(site, doc), today=today)
    print(_json_text(result))
    return 2 if "errors" in result else 0


def _list_calculators(site: object) -> None:
    """Each document's calculators, with the name to give `calc` and their inputs."""
    from .content import document_calculators

    for doc in site.documents:  # type: ignore[attr-defined]
        for calculator in document_calculators(doc.meta).values():
            declared = calculator.as_json()
            inputs = ", ".join(f"{i['name']} ({i['type']}{', required' if i['required'] else ''})" for i in declared["inputs"])
            print(f"{doc.id}/{calculator.name}: {declared['title']['en']} / {declared['title']['zh']}\n  inputs: {inputs}")


def _calculator_document(site: object, given: str, document: str | None) -> tuple[object, str] | str:
    """(document, calculator name) for `calc DOC/NAME`, `calc NAME --document DOC`, or `calc NAME`
    when one document has that calculator; else what is wrong, in a sentence."""
    from .content import document_calculators

    doc_id, _, name = given.rpartition("/")
    doc_id = doc_id or document or ""
    having = [d for d in site.documents if name in document_calculators(d.meta)]  # type: ignore[attr-defined]
    if doc_id:
        doc = site.document(doc_id)  # type: ignore[attr-defined]
        if doc is None:
            return f"no document '{doc_id}' (the documents: {', '.join(d.id for d in site.documents)})"  # type: ignore[attr-defined]
        if name not in document_calculators(doc.meta):
            return f"the document '{doc_id}' has no calculator '{name}' (see policypress calc --list)"
        return doc, name
    if len(having) == 1:
        return having[0], name
    if not having:
        return f"no calculator '{name}' (see policypress calc --list)"
    return f"several documents have a calculator '{name}': write DOCUMENT/{name} ({', '.join(d.id for d in having)})"


def _read_input(name: str | None) -> str | bytes:
    """The calc input as read, at most one character more than parse_json accepts."""
    from calculators.core.inputs import MAX_JSON_CHARS

    if not name:
        return "{}"
    if name == "-":
        stream = getattr(sys.stdin, "buffer", sys.stdin)  # bytes when it can: decoded as UTF-8 whatever the locale
        return stream.read(MAX_JSON_CHARS + 1)
    with Path(name).open("rb") as file:
        return file.read(MAX_JSON_CHARS + 1)


def _json_text(result: object) -> str:
    """The result as JSON that any reader can parse: UTF-8 text where stdout takes it, a lone
    surrogate (from a \\ud800 escape in the input) written back as the same escape."""
    import json
    import re

    text = json.dumps(result, ensure_ascii=False, indent=2, allow_nan=False)
    text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(result, indent=2, allow_nan=False)  # a terminal that is not UTF-8: \u escapes
    return text


def _say(message: dict[str, str], stream: TextIO | None = None) -> None:
    """One problem on one line, in both languages, for a clerk and for a log."""
    print(f"{message['zh']} / {message['en']}", file=stream or sys.stderr)


def cmd_report_xlsx(args: argparse.Namespace) -> int:
    """CSV in, the official-layout XLSX out: the same calculator and writer as the site's page.
    Every bad input is one line per problem and exit 2, and then no file is written: the workbook
    is made in memory and moved into place whole."""
    import io
    import os

    from calculators import calculate
    from reports.cells import REPORT_IMPORT_MAX_BYTES, size_text
    from reports.statistics_xlsx import CsvError, read_csv, write_workbook

    from .content import load_site
    from .export import export_parameters

    try:
        site = load_site(_root(args))
    except ContentErrors as errors:
        return _report(errors)
    tabled = [d for d in site.documents if d.statistics_table is not None]
    doc = site.document(args.document) if args.document else tabled[0] if len(tabled) == 1 else None
    if doc is None and not args.document and len(tabled) > 1:
        print(
            f"policypress report: several documents have a statistics table: give --document ({', '.join(d.id for d in tabled)})",
            file=sys.stderr,
        )
        return 2
    if doc is None and not args.document:
        print("policypress report: no document of this site has a statistics table", file=sys.stderr)
        return 2
    if doc is None:
        print(f"policypress report: no document '{args.document}'", file=sys.stderr)
        return 2
    parameters = export_parameters(site, doc)
    if "statistics_table" not in parameters:
        print(f"policypress report: the document '{doc.id}' has no statistics table", file=sys.stderr)
        return 2
    output = Path(args.output)
    if output.is_dir() or not output.parent.is_dir():
        _say(
            {
                "zh": f"无法写入 {output}：这是一个文件夹。请在 -o 后写上文件名，例如 {output / 'report.xlsx'}。"
                if output.is_dir()
                else f"无法写入 {output}：文件夹 {output.parent} 不存在。请先建立这个文件夹，或用 -o 指定已有文件夹中的文件。",
                "en": f"Cannot write {output}: it is a folder. Give -o a file name, e.g. {output / 'report.xlsx'}."
                if output.is_dir()
                else f"Cannot write {output}: the folder {output.parent} does not exist. Create it, or give -o a file in an existing folder.",
            }
        )
        return 2
    try:
        size = Path(args.input).stat().st_size
        if size > REPORT_IMPORT_MAX_BYTES:
            limit, got = size_text(REPORT_IMPORT_MAX_BYTES), size_text(size)
            _say(
                {
                    "zh": f"{args.input} 有 {got}，超过上限 {limit}。一个月的统计表不会这么大：请检查是否选错了文件。",
                    "en": f"{args.input} is {got}, over the limit of {limit}. A month's table is never this big: check that it is the right file.",
                }
            )
            return 2
        table = read_csv(Path(args.input).read_text(encoding="utf-8"), parameters["statistics_table"])
    except OSError as exc:
        print(f"无法读取 {args.input}：{exc.strerror} / Cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"{args.input} 不是 UTF-8 编码 / {args.input} is not UTF-8", file=sys.stderr)
        return 2
    except CsvError as error:
        _say(error.message)
        return 2
    inputs = {"county": args.county or table.county or "", "month": args.month or table.month or "", "rows": table.rows}
    result = calculate("stats-report", inputs, parameters, today=_today(args))
    if "errors" in result:
        for message in result["errors"].values():
            _say(message)
        return 2
    stream = io.BytesIO()
    write_workbook(result, stream, args.lang, rows=table.rows, parameters=parameters)
    partial = output.with_name(f".{output.name}.partial")
    try:
        partial.write_bytes(stream.getvalue())
        os.replace(partial, output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        _say({"zh": f"无法写入 {output}：{exc.strerror}", "en": f"Cannot write {output}: {exc.strerror}"})
        return 2
    for violation in result["violations"]:
        _say(violation, sys.stdout)
    print(f"wrote {args.output}")
    return 1 if result["violations"] else 0


def cmd_dist(args: argparse.Namespace) -> int:
    from .dist import LocalSiteUrl, make_dist

    try:
        archive, checksum = make_dist(_root(args), allow_local_site_url=args.allow_local_site_url)
    except (FileNotFoundError, LocalSiteUrl) as problem:
        print(f"policypress dist: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {archive} and {checksum}")
    return 0


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def cmd_new_document(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_document

    root = _root(args)
    try:
        created = new_document(root, args.id)
    except ScaffoldError as error:
        print(f"policypress new document: {error}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {_shown(root, path)}{'/' if path.is_dir() else ''}")
    print("next: run policypress check, and fill in what it lists")
    return 0


def cmd_new_clause(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_clause

    root = _root(args)
    try:
        created, renumbered = new_clause(root, args.doc_id, args.clause_id, after=args.after)
    except ScaffoldError as error:
        print(f"policypress new clause: {error}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {_shown(root, path)}")
    for path in renumbered:
        print(f"renumbered {_shown(root, path)} (order + 1)")
    print("next: run policypress check, and fill in what it lists")
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policypress",
        description="Publish policy documents as a searchable bilingual (中文/English) site.",
    )
    parser.add_argument("--root", default=".", help="project folder holding policy/, docs/ and mkdocs.yml (default: .)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate all content and list every problem",
        description="Validate policy/ and docs/ against the schema. Prints one line per problem, "
        "'file:line: what is wrong — how to fix it', and exits 1 when there is any.",
    )
    check.set_defaults(func=cmd_check)

    build = commands.add_parser(
        "build",
        help="check, then build the site into build/site",
        description="Check the content, generate the docs tree in build/docs, render it with MkDocs "
        "into a temporary folder and, only if everything succeeded (including the search self-check), "
        "replace build/site with it. On any error the previous build/site is left as it was.",
    )
    build.add_argument("--today", help="build as if today were this date (YYYY-MM-DD); decides the validity banners")
    build.add_argument("--quiet", action="store_true", help="print only errors")
    build.set_defaults(func=cmd_build)

    serve = commands.add_parser(
        "serve",
        help="build and serve the site, rebuilding when policy/ or docs/ change",
        description="Build the site, serve build/site at http://HOST:PORT and rebuild whenever a file "
        "under policy/, docs/ or mkdocs.yml changes; open pages reload themselves. A build with errors "
        "prints them and keeps serving the last good site.",
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--today", help="serve as if today were this date (YYYY-MM-DD)")
    serve.set_defaults(func=cmd_serve)

    dist = commands.add_parser(
        "dist",
        help="pack build/site into dist/policypress-site.tar.gz with a checksum",
        description="Pack the built site (build/site) and a one-command server (serve.py) into "
        "dist/policypress-site.tar.gz, and write its SHA-256 to dist/policypress-site.tar.gz.sha256. "
        "Unpack anywhere and run 'python3 serve.py' to serve it on the local network.",
    )
    dist.add_argument(
        "--allow-local-site-url",
        action="store_true",
        help="pack a site whose site_url is this computer or a private network (its QR codes open nowhere else)",
    )
    dist.set_defaults(func=cmd_dist)

    calc = commands.add_parser(
        "calc",
        help="run a calculator on JSON input and print the result as JSON",
        description="Run a calculator in Python on the inputs given as a JSON object (a file, or - for "
        "standard input; none means {}), with the parameters in policy/. Prints the result as JSON "
        '(UTF-8) and exits 0; on bad input prints {"errors": {field: {zh, en}}} and exits 2.',
    )
    calc.add_argument("name", nargs="?", help="the calculator, e.g. critical-illness or DOCUMENT/critical-illness (see --list)")
    calc.add_argument("--input", metavar="FILE", help="JSON file with the inputs, or - for standard input")
    calc.add_argument("--list", action="store_true", help="list the calculators and their inputs")
    calc.add_argument("--document", help="the calculator's document (needed only when several documents have it)")
    calc.add_argument("--today", help="calculate as if today were this date (YYYY-MM-DD)")
    calc.set_defaults(func=cmd_calc)

    from reports.statistics_xlsx import CSV_LAYOUT

    report = commands.add_parser("report", help="make the notice's forms as files (xlsx: the monthly statistics table)")
    reports = report.add_subparsers(dest="report", required=True, metavar="FORM")
    xlsx = reports.add_parser(
        "xlsx",
        help="the monthly statistics table (attachment 3) from CSV to XLSX in the official layout",
        description="Check a month's statistics table given as CSV with the stats-report calculator and write it as "
        "XLSX in the official layout. Exit 0: written. Exit 1: written, but column relations are broken (each "
        "printed, and marked red in the workbook). Exit 2: bad input (errors printed, nothing written).",
        epilog=CSV_LAYOUT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    xlsx.add_argument("input", metavar="INPUT.csv", help="the table as CSV (layout below)")
    xlsx.add_argument("-o", "--output", metavar="OUT.xlsx", required=True, help="the workbook to write")
    xlsx.add_argument("--county", help="the county or district (overrides the CSV's county line)")
    xlsx.add_argument("--month", metavar="YYYY-MM", help="the reporting month (overrides the CSV's month line)")
    xlsx.add_argument("--lang", choices=["zh", "en"], default="zh", help="the workbook's language (default: zh, the official form)")
    xlsx.add_argument("--document", help="the document whose statistics table to use (needed only when several have one)")
    xlsx.add_argument("--today", help="run as if today were this date (YYYY-MM-DD)")
    xlsx.set_defaults(func=cmd_report_xlsx)

    new = commands.add_parser(
        "new",
        help="scaffold a document or a clause with every field, for check to guide to completion",
        description="Create the files of a new document or clause with every field of the schema, in both "
        "languages, as placeholders that 'policypress check' reports until they are filled in. Never overwrites: "
        "exits 2 if the files exist or an id is invalid.",
    )
    news = new.add_subparsers(dest="new", required=True, metavar="KIND")
    new_doc = news.add_parser("document", help="policy/ID/document.yaml and empty parameters/ and examples/")
    new_doc.add_argument("id", metavar="ID", help="the document id (lowercase letters, digits, hyphens)")
    new_doc.set_defaults(func=cmd_new_document)
    new_cl = news.add_parser("clause", help="DOC_ID/CLAUSE_ID.zh.md and .en.md")
    new_cl.add_argument("doc_id", metavar="DOC_ID", help="an existing document id")
    new_cl.add_argument("clause_id", metavar="CLAUSE_ID", help="the new clause id (lowercase letters, digits, hyphens)")
    new_cl.add_argument("--after", metavar="EXISTING_ID", help="place it right after this clause (later clauses move down one)")
    new_cl.set_defaults(func=cmd_new_clause)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as error:
        print(f"policypress {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"policypress {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # whoever read the output went away (e.g. `| head`): nothing to say
        with contextlib.suppress(OSError, ValueError):  # and no second error when Python flushes stdout at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2
    except Exception as error:  # never a traceback: one line saying what failed and what to do
        if os.environ.get("POLICYPRESS_DEBUG"):
            raise
        what = (str(error).splitlines() or [""])[0][:200]
        print(
            f"policypress {args.command}: internal error ({type(error).__name__}: {what}). This is a bug in policypress, "
            "not in what you gave it: please report it to the maintainers with the command you ran, and what the same "
            "command prints with POLICYPRESS_DEBUG=1 set.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
