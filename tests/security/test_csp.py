"""Only the generator's own scripts and styles run: each page's Content-Security-Policy lists the
hashes of the inline scripts and styles the theme and templates write, nothing else, and the build
fails on anything else a page carries (naming the content file and line it came from)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser
from test_browser_accessibility import representatives

from policypress.csp import apply_csp, page_policy, theme_allowlist
from policypress.errors import ContentErrors

MATERIAL_SCOPE = (
    '__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
)
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def page(body: str, head: str = "") -> str:
    return f'<!doctype html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def test_the_themes_own_scripts_are_allowed_with_their_hash() -> None:
    meta, findings = page_policy(page("<p>x</p>", f"<script>{MATERIAL_SCOPE}</script>"), theme_allowlist())
    assert findings == []
    assert "'sha256-" in meta and "unsafe-inline" not in meta


def test_a_template_expression_stands_for_a_path_only() -> None:
    """A value that leaves the script's string (a quote) is not the theme's script."""
    hostile = MATERIAL_SCOPE.replace('"../.."', '"x",alert(1),"')
    _, findings = page_policy(page("", f"<script>{hostile}</script>"), theme_allowlist())
    assert [f.what for f in findings] == ["an inline script that the theme and templates do not write"]


@pytest.mark.parametrize(
    ("html", "what"),
    [
        ("<script>window.__pwned=1</script>", "an inline script"),
        ('<script type="module">window.__pwned=1</script>', "an inline script"),
        ("<style>body{display:none}</style>", "an inline style"),
        ('<img src="x" onerror="window.__pwned=1">', "an event handler (onerror)"),
        ("<svg onload=window.__pwned=1></svg>", "an event handler (onload)"),
        ('<p style="display:none">x</p>', "a style attribute"),
        ('<a href="javascript:window.__pwned=1">x</a>', "a script link (href=javascript:)"),
        ('<a href="java&#09;script&#58;window.__pwned=1">x</a>', "a script link"),
        ('<form action=" JavaScript:alert(1)"></form>', "a script link (action="),
    ],
)
def test_anything_else_on_a_page_is_found(html: str, what: str) -> None:
    _, findings = page_policy(page(html), theme_allowlist())
    assert findings and findings[0].what.startswith(what), findings
    assert findings[0].line == 1


def test_json_data_blocks_and_external_scripts_need_no_hash() -> None:
    html = page('<script type="application/json" id="x">{"a": "\\u003c/script\\u003e"}</script><script src="a.js"></script>')
    meta, findings = page_policy(html, theme_allowlist())
    assert findings == [] and "sha256" not in meta


def test_the_build_names_the_content_line_a_script_came_from(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(page("<h1>T<script>window.__pwned=1</script></h1>"), encoding="utf-8")
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "x.zh.md").write_text("---\ntitle: T<script>window.__pwned=1</script>\n---\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        apply_csp(site, tmp_path)
    (error,) = raised.value.errors
    assert (error.path, error.line) == ("policy/x.zh.md", 2)
    assert "inline script" in error.problem
    assert "Content-Security-Policy" not in (site / "a" / "index.html").read_text(encoding="utf-8"), "nothing written"


def test_without_a_source_the_page_and_its_line_are_named(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(page("<p>\n\n<b onclick=go()>x</b></p>"), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        apply_csp(site, tmp_path)
    (error,) = raised.value.errors
    assert (error.path, error.line) == ("site/index.html", 3)


def test_every_built_page_has_a_strict_policy(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 100
    for file in pages:
        text = file.read_text(encoding="utf-8")
        policies = CSP.findall(text)
        assert len(policies) == 1, file
        assert "unsafe-inline" not in policies[0] and "unsafe-eval'" not in policies[0].replace("wasm-unsafe-eval'", ""), file
        stripped = CSP.sub("", text)
        _, findings = page_policy(stripped, theme_allowlist())
        assert findings == [], (file, findings)


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_page_breaks_its_own_policy(prefix: str, built: Path, base_url: str, browser: Browser) -> None:
    """One page of each kind (and a leaflet, the poster, a calculator's result): the browser
    reports no CSP violation, so dropping 'unsafe-inline' broke nothing the theme does."""
    paths = representatives(built, prefix, ["publicity-week/poster/", "publicity-week/m02-public-welfare-jobs/"])
    assert len(paths) >= 15
    context = browser.new_context(service_workers="block")
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        tab = context.new_page()
        for path in paths:
            tab.goto(base_url + prefix + path)
            tab.wait_for_load_state("load")
            tab.locator("body").hover()
            assert tab.evaluate("window.__violations") == [], path
        answers = quote(json.dumps({"eligible_costs": "170000", "registered_poor": True, "date": "2018-01-01"}))
        tab.goto(base_url + prefix + f"calculators/critical-illness/#answers={answers}")
        tab.locator(".pp-result").wait_for(state="visible", timeout=120_000)
        assert "97,750" in tab.locator(".pp-result").inner_text()
        assert tab.evaluate("window.__violations") == []
    finally:
        context.close()
