"""Interactions as consumer pages and checker reports write them, and pairs stated wrongly.

Pair headings ("Digoxin <-> verapamil") say what the lines under them are about; a class
named with its examples is one partner; a list each of whose drugs acts on another drug pairs
every one of them; a class that only explains a mechanism is no partner.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.interactions import explains_only, heading_pair
from graph_builder.lexicon import find_mentions
from graph_builder.model import Claim


def _claims(tmp_path: Path, text: str, name: str = "page.txt") -> tuple[Claim, ...]:
    path = tmp_path / name
    path.write_text(text)
    return extract(read_document(path)).claims


def _pairs(claims: tuple[Claim, ...], *, negated: bool = False) -> set[frozenset[str]]:
    return {
        frozenset((c.subject.entity.key, c.obj.entity.key))
        for c in claims
        if c.relation == "interacts_with" and c.obj is not None and c.negated == negated
    }


@pytest.mark.parametrize(
    ("line", "first", "second"),
    [
        ("digoxin <-> verapamil", "digoxin", "verapamil"),
        ("## Lithium and ibuprofen", "lithium", "ibuprofen"),
        ("Phenytoin with fluconazole:", "phenytoin", "fluconazole"),
        ("metformin <-> kidney disease", "metformin", None),  # a drug and a condition
    ],
    ids=["arrows", "markdown-and", "with-colon", "drug-and-condition"],
)
def test_a_heading_line_names_its_pair(line: str, first: str, second: str | None) -> None:
    found = heading_pair(line, 0, find_mentions(line))
    assert found is not None
    assert found[0].entity.key == first
    assert (found[1].entity.key if found[1] else None) == second


@pytest.mark.parametrize(
    "line",
    [
        "Digoxin and verapamil.",  # a sentence, not a heading
        "Verapamil raises digoxin levels in most patients",  # says something of its own
        "Kidney disease and digoxin",  # opens with no drug
    ],
    ids=["ends-as-sentence", "has-a-verb", "condition-first"],
)
def test_a_line_that_says_something_names_no_pair(line: str) -> None:
    assert heading_pair(line, 0, find_mentions(line)) is None


CHECKER = """Medicine check report

Checked: phenytoin, digoxin, verapamil, lithium, fluconazole

digoxin <-> verapamil
Verapamil can raise the amount of digoxin in the blood.
Avoid this combination where you can.

FOOD AND DRINK INTERACTIONS

lithium <-> alcohol
Avoid alcohol.

lithium <-> kidney disease
Lithium should be used with caution in patients with kidney disease.
"""


def test_lines_under_a_pair_heading_are_about_that_pair(tmp_path: Path) -> None:
    claims = _claims(tmp_path, CHECKER)
    pairs = _pairs(claims)
    assert frozenset({"digoxin", "verapamil"}) in pairs
    assert frozenset({"lithium", "ethanol"}) in pairs  # "Avoid alcohol." under lithium <-> alcohol
    # no other drug of the page takes the facts the headings give lithium
    assert pairs <= {frozenset({"digoxin", "verapamil"}), frozenset({"lithium", "ethanol"})}
    cautions = {
        (c.subject.entity.key, c.obj.entity.key)
        for c in claims
        if c.relation == "caution_in" and c.obj is not None
    }
    assert cautions
    assert {subject for subject, _ in cautions} == {"lithium"}


def test_a_subjectless_line_under_a_pair_heading_takes_the_pair(tmp_path: Path) -> None:
    claims = _claims(tmp_path, CHECKER)
    avoid = [
        c
        for c in claims
        if c.relation == "interacts_with" and c.sentence.text.startswith("Avoid this")
    ]
    assert {frozenset((c.subject.entity.key, c.obj.entity.key)) for c in avoid} == {
        frozenset({"digoxin", "verapamil"})
    }


def test_a_class_with_its_examples_is_the_topics_partner(tmp_path: Path) -> None:
    page = (
        "Diazepam\n\nTaking diazepam with other medicines\n\n"
        "Opioid painkillers such as tramadol or oxycodone: taking them together can cause "
        "deep sleepiness.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "diazepam.txt"))
    assert frozenset({"diazepam", "tramadol"}) in pairs
    assert frozenset({"diazepam", "oxycodone"}) in pairs
    assert frozenset({"opioids", "tramadol"}) not in pairs  # the class and its own example


def test_each_drug_of_a_list_acts_on_the_other(tmp_path: Path) -> None:
    page = (
        "Digoxin review\n\nVerapamil, quinidine and amiodarone each raised digoxin levels "
        "in the studies we pooled.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "digoxin.txt"))
    assert {frozenset({"digoxin", d}) for d in ("verapamil", "quinidine", "amiodarone")} <= pairs


@pytest.mark.parametrize(
    ("text", "explains"),
    [
        ("Citalopram raises the bleeding risk with heparin, because SSRIs impair platelets.", True),
        ("Do not combine citalopram with other SSRIs.", False),  # a real partner
    ],
    ids=["because-clause", "named-partner"],
)
def test_a_class_that_explains_the_mechanism(text: str, explains: bool) -> None:
    ssri = next(m for m in find_mentions(text) if m.text == "SSRIs")
    assert explains_only(text, 0, ssri) is explains


def test_a_mechanism_class_is_no_partner(tmp_path: Path) -> None:
    page = (
        "Heparin notes\n\nCitalopram raises the risk of bleeding when given with heparin, "
        "because SSRIs impair platelet function.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "heparin.txt"))
    assert frozenset({"citalopram", "heparin"}) in pairs
    assert not any("selective-serotonin-reuptake-inhibitors" in p or "ssris" in p for p in pairs)
