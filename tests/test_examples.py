"""Every worked example in policy/<doc>/examples/ holds: the calculator gives what it says."""

from __future__ import annotations

import pytest

from calculators import calculate
from conftest import ROOT
from policypress.content import load_site
from policypress.examples import Example, differences
from policypress.export import export_parameters

SITE = load_site(ROOT)
EXAMPLES = [(doc, example) for doc in SITE.documents for example in doc.examples]


@pytest.mark.parametrize(("doc", "example"), EXAMPLES, ids=[f"{e.calculator}: {e.name['en']}" for _, e in EXAMPLES])
def test_worked_example(doc, example: Example) -> None:
    result = calculate(example.calculator, example.inputs, export_parameters(SITE, doc), today=example.today)
    assert differences(example, result) == []


def test_every_calculator_has_at_least_eight_examples() -> None:
    from calculators import calculators

    counts = {name: 0 for name in calculators()}
    for _, example in EXAMPLES:
        counts[example.calculator] += 1
    assert all(count >= 8 for count in counts.values()), counts
