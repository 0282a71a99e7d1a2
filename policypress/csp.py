"""The Content-Security-Policy of every page, and the check that only the generator's own
scripts and styles are on it.

The policy allows no inline script or style but those the theme and the templates write:
their `<script>`/`<style>` blocks are read from the template files themselves (an allowlist made
at build time, each `{{ … }}` in them standing for a path), and a page's CSP lists the hashes
of exactly those it carries. Anything else on a page (an inline script or style the templates
do not write, an event handler, a style attribute, a javascript: link) fails the build, naming
the content file and line it came from when it can be found, else the page and its line. No form may submit anywhere (`form-action 'none'`): the calculators
work by script, and nothing a reader types may reach an address.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import ContentError, ContentErrors

PACKAGE = Path(__file__).parent
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'none'"
)
CHARSET = '<meta charset="utf-8">'

# Inline scripts that run (not src=, not a JSON data block), and inline style blocks.
SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
# What a template expression inside an allowed block may stand for: a path or an address, never
# a quote, a backslash or a '<' that could leave the string it stands in.
EXPRESSION = r"[A-Za-z0-9_./:%#?&=~+-]{0,2048}"
# Cheap test for a page that needs the attribute-level check below.
SUSPECT = re.compile(r"\s(?:on[a-z]+|style)\s*=|(?:javascript|vbscript)\s*:|(?:href|src|action|data|poster)\s*=\s*[\"']?[^\"'>\s]*&", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:")


@dataclass(frozen=True)
class Allowlist:
    scripts: tuple[re.Pattern[str], ...]
    styles: tuple[re.Pattern[str], ...]


def _template_files() -> Iterator[Path]:
    import material

    yield from sorted((Path(material.__file__).parent / "templates").rglob("*.html"))
    yield from sorted((PACKAGE / "theme").rglob("*.html"))
    yield from sorted((PACKAGE / "templates").glob("*.j2"))


def _as_pattern(block: str) -> re.Pattern[str]:
    parts = re.split(r"\{\{.*?\}\}", block, flags=re.S)
    return re.compile(EXPRESSION.join(re.escape(part) for part in parts), re.S)


@functools.cache
def theme_allowlist() -> Allowlist:
    """The inline scripts and styles that the theme (Material and policypress's overrides) and
    the page templates write."""
    scripts: dict[str, re.Pattern[str]] = {}
    styles: dict[str, re.Pattern[str]] = {}
    for path in _template_files():
        text = path.read_text(encoding="utf-8")
        for match in SCRIPT.finditer(text):
            scripts.setdefault(match.group(1), _as_pattern(match.group(1)))
        for match in STYLE.finditer(text):
            styles.setdefault(match.group(1), _as_pattern(match.group(1)))
    return Allowlist(tuple(scripts.values()), tuple(styles.values()))


def _hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


@dataclass(frozen=True)
class Finding:
    line: int
    what: str
    snippet: str


class _Attributes(HTMLParser):
    """Event handlers, style attributes and script links in a page's tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            shown = f'<{tag} {name}="{(value or "")[:40]}"'
            if name.startswith("on"):
                self.found.append(Finding(line, f"an event handler ({name})", shown))
            elif name == "style":
                self.found.append(Finding(line, "a style attribute", shown))
            elif name in URL_ATTRIBUTES and value and re.sub(r"[\x00-\x20]", "", value).lower().startswith(UNSAFE_SCHEMES):
                self.found.append(Finding(line, f"a script link ({name}={value.split(':')[0]}:)", shown))

    handle_startendtag = handle_starttag


def page_policy(text: str, allow: Allowlist) -> tuple[str, list[Finding]]:
    """The page's CSP meta tag, and what on the page the theme and templates did not write."""
    findings: list[Finding] = []
    script_hashes: set[str] = set()
    style_hashes: set[str] = set()
    for pattern_set, regex, hashes, kind in (
        (allow.scripts, SCRIPT, script_hashes, "script"),
        (allow.styles, STYLE, style_hashes, "style"),
    ):
        for match in regex.finditer(text):
            body = match.group(1)
            if any(pattern.fullmatch(body) for pattern in pattern_set):
                hashes.add(_hash(body))
            else:
                findings.append(
                    Finding(_line(text, match.start()), f"an inline {kind} that the theme and templates do not write", body.strip()[:60])
                )
    if SUSPECT.search(text):
        parser = _Attributes()
        parser.feed(text)
        parser.close()
        findings += parser.found

    def sources(hashes: set[str]) -> str:
        return "".join(" " + h for h in sorted(hashes))

    policy = POLICY.format(scripts=sources(script_hashes), styles=sources(style_hashes))
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">', findings


def apply_csp(site_dir: Path, content_root: Path | None = None) -> None:
    """Add the policy to every page; raises ContentErrors (naming where each came from) when a
    page carries a script, style or handler that the theme and templates do not write."""
    allow = theme_allowlist()
    errors: list[ContentError] = []
    for page in sorted(site_dir.rglob("*.html")):
        # Read as text: the browser hashes the script as parsed (line ends normalised), as here.
        text = page.read_text(encoding="utf-8")
        meta, findings = page_policy(text, allow)
        if findings:
            errors += [_error(site_dir, page, finding, content_root) for finding in findings[:3]]
            continue
        if errors:
            continue  # nothing will be published: no need to write
        at = text.find(CHARSET)
        if at != -1:
            end = at + len(CHARSET)
            page.write_text(text[:end] + "\n  " + meta + text[end:], encoding="utf-8")
    if errors:
        raise ContentErrors(errors)


def _error(site_dir: Path, page: Path, finding: Finding, content_root: Path | None) -> ContentError:
    fix = "content is text or Markdown: remove it; a template's own script or style must be written in the theme or a page template"
    source = _find_in_content(content_root, finding.snippet) if content_root else None
    if source:
        path, line = source
        return ContentError(path, line, f"{finding.what} would be published: '{finding.snippet}'", fix)
    return ContentError(f"site/{page.relative_to(site_dir).as_posix()}", finding.line, f"{finding.what}: '{finding.snippet}'", fix)


def _find_in_content(root: Path, snippet: str) -> tuple[str, int] | None:
    """The content file and line holding the start of `snippet` (as written, or HTML-escaped)."""
    needles = {piece for piece in (snippet[:24].strip(), html.unescape(snippet[:24]).strip()) if len(piece) >= 4}
    for folder in ("policy", "docs"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".md", ".yaml", ".yml") or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
                if any(needle in line for needle in needles):
                    return path.relative_to(root).as_posix(), number
    return None
