"""The classification flowchart (Attachment 1): drawn from calculators.classification, it covers
every measure, links only to clauses that exist, is well-formed SVG in both languages, appears on
the att1 page, and classifies people exactly as the identification card does."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_site_build import DOC, read

from calculators.core.parameters import Parameters
from calculators.linyi_hrss_2016_12 import classification, eligibility, id_card
from calculators.linyi_hrss_2016_12.classification import TREE, category
from policypress.content import Site
from policypress.export import export_parameters
from policypress.flowchart import CAPTION, draw

SVG = "{http://www.w3.org/2000/svg}"
NODES = TREE.walk()
FLOWCHART_CLAUSE = "att1-flowchart"
VALUES = {"working_age_min": 16, "working_age_limit": 60, "pension_age": 60}


def fake_link(clause_id: str) -> str:
    return f"../{clause_id}/"


def svg_of(lang: str) -> ET.Element:
    figure = ET.fromstring(draw(TREE, lang, fake_link, VALUES))
    svg = figure.find(f".//{SVG}svg")
    assert svg is not None
    return svg


def test_the_tree_covers_every_measure_and_each_measure_links_to_its_own_clause() -> None:
    measures = {number for node in NODES for number in node.measures}
    assert measures == set(range(1, 11))
    for node in NODES:
        for number in node.measures:
            assert node.clause == eligibility.CLAUSES[number - 1], node.id
    assert len({node.id for node in NODES}) == len(NODES), "node ids are unique"
    assert {node.id for node in NODES} >= set(classification.CATEGORY_IDS)


def test_every_clause_link_exists_in_the_content(site: Site) -> None:
    doc = next(d for d in site.documents if d.id == DOC)
    for node in NODES:
        if node.clause:
            assert doc.clause(node.clause) is not None, node.clause
    assert doc.clause(FLOWCHART_CLAUSE) is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_draw_is_well_formed_svg_with_every_label_and_a_link_per_clause_node(lang: str) -> None:
    svg = svg_of(lang)
    assert svg.find(f"{SVG}title") is not None and svg.find(f"{SVG}desc") is not None
    shown = "".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
    for node in NODES:
        assert node.label[lang].replace(" ", "") in shown.replace(" ", ""), node.id  # type: ignore[literal-required]
    assert CAPTION[lang] in shown
    links = [a.get("href") for a in svg.iter(f"{SVG}a")]
    assert links == [fake_link(node.clause) for node in NODES if node.clause]
    assert "{" not in shown, "every figure was filled in"
    assert not list(svg.iter(f"{SVG}script")) and "<script" not in draw(TREE, lang, fake_link, VALUES)


def test_without_figures_the_details_are_left_out_not_shown_as_placeholders() -> None:
    drawn = draw(TREE, "en", fake_link)
    ET.fromstring(drawn)
    assert "{working_age" not in drawn


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_built_att1_page_shows_the_flowchart(built: Path, lang: str) -> None:
    url = ("en/" if lang == "en" else "") + f"documents/{DOC}/{FLOWCHART_CLAUSE}/"
    page = read(built, url)
    match = re.search(r"<svg class=\"pp-flowchart__svg\".*?</svg>", page, re.S)
    assert match, "the att1 page has the drawing"
    svg = ET.fromstring(match.group(0))
    hrefs = [a.get("href") for a in svg.iter(f"{SVG}a")]
    assert len(hrefs) == sum(1 for node in NODES if node.clause)
    for href in hrefs:
        assert href and (built / url / href / "index.html").resolve().is_file(), href
    assert CAPTION[lang] in page
    assert page.index("pp-flowchart__svg") < page.index('class="pp-official"'), "drawing above the official text"
    assert "{working_age" not in match.group(0)
    other = read(built, ("en/" if lang == "en" else "") + f"documents/{DOC}/m01-poverty-alleviation-workshops/")
    assert "pp-flowchart" not in other


@pytest.fixture(scope="module")
def parameters(site: Site) -> Parameters:
    doc = next(d for d in site.documents if d.id == DOC)
    return Parameters(export_parameters(site, doc))


@pytest.mark.parametrize("age", [15, 16, 59, 60])
@pytest.mark.parametrize("able", ["yes", "partly", "no", None])
def test_category_agrees_with_the_identification_card(parameters: Parameters, age: int, able: str | None) -> None:
    day = dt.date(2018, 1, 1)
    expected = id_card.category(age, able, parameters, day)
    assert category(age, able, parameters, day) == expected
    if able in ("yes", "no"):
        assert category(age, able == "yes", parameters, day) == expected, "a plain yes/no reads the same"
