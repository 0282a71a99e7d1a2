"""The `policypress` command: check, build, serve."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .errors import ContentErrors


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def _today(args: argparse.Namespace) -> dt.date:
    return dt.date.fromisoformat(args.today) if args.today else dt.date.today()


def _report(errors: ContentErrors) -> int:
    for error in errors.errors:
        print(error, file=sys.stderr)
    count = len(errors.errors)
    print(f"{count} error{'s' if count != 1 else ''}; nothing was published.", file=sys.stderr)
    return 1


def cmd_check(args: argparse.Namespace) -> int:
    from .content import load_site

    try:
        site = load_site(_root(args))
    except ContentErrors as errors:
        return _report(errors)
    clauses = sum(len(d.clauses) for d in site.documents)
    parameters = sum(len(d.parameters) for d in site.documents)
    print(f"ok: {len(site.documents)} document(s), {clauses} clauses, {parameters} parameters, {len(site.glossary)} glossary terms")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build_site

    try:
        out = build_site(_root(args), today=_today(args), quiet=args.quiet)
    except ContentErrors as errors:
        return _report(errors)
    print(f"built {out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(_root(args), host=args.host, port=args.port, today=_today(args))


def cmd_calc(args: argparse.Namespace) -> int:
    import json

    from calculators import calculate, describe

    from .content import load_site
    from .export import export_parameters

    if args.list:
        for calculator in describe():
            inputs = ", ".join(f"{i['name']} ({i['type']}{', required' if i['required'] else ''})" for i in calculator["inputs"])
            print(f"{calculator['name']}: {calculator['title']['en']} / {calculator['title']['zh']}\n  inputs: {inputs}")
        return 0
    if not args.name:
        print("policypress calc: name a calculator (see --list)", file=sys.stderr)
        return 2
    try:
        site = load_site(_root(args))
    except ContentErrors as errors:
        return _report(errors)
    doc = site.document(args.document) if args.document else site.documents[0]
    if doc is None:
        print(f"policypress calc: no document '{args.document}'", file=sys.stderr)
        return 2
    try:
        text = sys.stdin.read() if args.input == "-" else Path(args.input).read_text(encoding="utf-8") if args.input else "{}"
        raw = json.loads(text)
    except OSError as exc:
        result = {
            "errors": {
                "_": {
                    "zh": f"无法读取输入文件：{exc.strerror}（{args.input}）",
                    "en": f"Cannot read the input file: {exc.strerror} ({args.input})",
                }
            }
        }
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = f"第 {exc.lineno} 行" if isinstance(exc, json.JSONDecodeError) else "编码"
        place = f"line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else "encoding"
        result = {"errors": {"_": {"zh": f"输入不是有效的 UTF-8 JSON（{where}）。", "en": f"The input is not valid UTF-8 JSON ({place})."}}}
    else:
        result = calculate(args.name, raw, export_parameters(site, doc), today=_today(args))
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 2 if "errors" in result else 0


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

    calc = commands.add_parser(
        "calc",
        help="run a calculator on JSON input and print the result as JSON",
        description="Run a calculator in Python on the inputs given as a JSON object (a file, or - for "
        "standard input; none means {}), with the parameters in policy/. Prints the result as JSON "
        '(UTF-8) and exits 0; on bad input prints {"errors": {field: {zh, en}}} and exits 2.',
    )
    calc.add_argument("name", nargs="?", help="the calculator, e.g. critical-illness (see --list)")
    calc.add_argument("--input", metavar="FILE", help="JSON file with the inputs, or - for standard input")
    calc.add_argument("--list", action="store_true", help="list the calculators and their inputs")
    calc.add_argument("--document", help="the document whose parameters to use (default: the first)")
    calc.add_argument("--today", help="calculate as if today were this date (YYYY-MM-DD)")
    calc.set_defaults(func=cmd_calc)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
