"""Lists of partners: the examples of one class are one partner, never partners of each other.

"Cephalosporins, including cefazolin and ceftriaxone, ..." names one kind of partner three
ways; "X with statins such as A, with fibrates such as B" names two partners of X; an
examples list ends where the list around the class goes on; review databases are no brands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.interactions import (
    examples_end,
    name_pattern_mentions,
    parallel_partners,
    states_directly,
    with_class_mentions,
)
from graph_builder.lexicon import find_mentions
from graph_builder.model import Claim

from .interaction_helpers import claims_of as _claims
from .interaction_helpers import stated_pairs as _pairs


def _members(claims: tuple[Claim, ...]) -> set[tuple[str, str]]:
    return {
        (c.subject.entity.key, c.obj.entity.key)
        for c in claims
        if c.relation == "member_of" and c.obj is not None
    }


def test_examples_of_one_class_are_no_partners_of_each_other(tmp_path: Path) -> None:
    text = (
        "Methotrexate is a folate antagonist.\n\n"
        "Cephalosporins, including cefazolin and ceftriaxone, lower methotrexate clearance "
        "by competing for secretion.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "methotrexate.txt"))
    assert frozenset(("cefazolin", "methotrexate")) in pairs
    assert frozenset(("ceftriaxone", "methotrexate")) in pairs
    assert frozenset(("cefazolin", "ceftriaxone")) not in pairs


def test_examples_of_an_unnamed_kind_are_no_partners_of_each_other(tmp_path: Path) -> None:
    text = (
        "Ramipril is an ACE inhibitor.\n\n"
        "Take care with medicines for cancer such as temsirolimus and everolimus, which may "
        "raise the risk of swelling.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "ramipril.txt"))
    assert frozenset(("temsirolimus", "everolimus")) not in pairs


def test_a_chain_of_with_phrases_pairs_each_with_the_drug_before(tmp_path: Path) -> None:
    text = (
        "Tramadol is an opioid analgesic.\n\n"
        "Tramadol raises the risk of serotonin syndrome when taken with SSRIs such as "
        "citalopram and paroxetine, with SNRIs such as duloxetine, or with triptans.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "tramadol.txt"))
    for partner in ("citalopram", "paroxetine", "duloxetine"):
        assert frozenset(("tramadol", partner)) in pairs
    assert frozenset(("citalopram", "duloxetine")) not in pairs
    assert not any("tramadol" not in pair for pair in pairs)


@pytest.mark.parametrize(
    ("text", "chained"),
    [
        ("Warfarin bleeds more with NSAIDs such as naproxen, with SSRIs, or with heparin.", True),
        ("Warfarin bleeds more with naproxen and heparin.", False),  # one "with": no chain
        ("With food, warfarin is absorbed more slowly.", False),  # no drug before "with"
    ],
    ids=["chain", "single-with", "nothing-before"],
)
def test_a_chain_of_with_phrases_is_found(text: str, chained: bool) -> None:
    mentions = with_class_mentions(text, 0, find_mentions(text, 0))
    assert (parallel_partners(text, 0, mentions) is not None) is chained


@pytest.mark.parametrize(
    ("gaps", "ended"),
    [
        ([", and "], True),  # "such as A, and B": B belongs to the outer list
        ([", ", ", and "], False),  # "such as A, B, and C": a serial comma
        ([" and "], False),  # "such as A and B"
        ([", or "], False),  # "such as A, or B": B is one more example
    ],
    ids=["comma-and-after-one", "serial-comma", "plain-and", "comma-or-goes-on"],
)
def test_an_examples_list_ends_at_comma_and_after_one_example(gaps: list[str], ended: bool) -> None:
    assert examples_end(gaps) is ended


def test_the_item_after_an_examples_list_is_no_member(tmp_path: Path) -> None:
    text = (
        "Ramipril is an ACE inhibitor.\n\n"
        "Blood potassium may rise with potassium salts, potassium-sparing diuretics such as "
        "amiloride, and ciclosporin, as each adds to the effect.\n"
    )
    members = _members(_claims(tmp_path, text, "ramipril.txt"))
    assert ("amiloride", "potassium-sparing-diuretics") in members
    assert not any(drug == "cyclosporine" for drug, _ in members)


def test_a_drug_acting_together_with_an_example_is_no_example(tmp_path: Path) -> None:
    text = (
        "Sertraline is an antidepressant.\n\n"
        "SSRIs such as citalopram and ibuprofen both weaken platelet function.\n"
    )
    members = _members(_claims(tmp_path, text, "sertraline.txt"))
    assert ("citalopram", "ssris") in members
    assert ("ibuprofen", "ssris") not in members


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("We searched MEDLINE and EMBASE for case reports.", None),
        ("Records from PUBMED and COCHRANE were screened.", None),
        ("Each vial of NIMBEX holds the drug.", "NIMBEX"),  # a printed brand stays one
    ],
    ids=["medline-embase", "pubmed-cochrane", "real-brand"],
)
def test_literature_databases_are_no_brands(text: str, brand: str | None) -> None:
    found = [m.text for m in name_pattern_mentions(text, 0)]
    assert found == ([brand] if brand else [])


def test_an_item_naming_examples_of_one_kind_pairs_them_with_the_topic(tmp_path: Path) -> None:
    text = (
        "Ramipril is an ACE inhibitor.\n\n"
        "Tell your doctor if you are taking any of the following medicines:\n"
        "- medicines for gout such as allopurinol and probenecid, which may raise the risk "
        "of a rash\n"
        "- lithium, because ramipril raises its levels\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "ramipril.txt"))
    assert frozenset(("ramipril", "allopurinol")) in pairs
    assert frozenset(("ramipril", "probenecid")) in pairs
    assert frozenset(("allopurinol", "probenecid")) not in pairs


def test_a_sentence_outside_a_list_names_no_topic_partner(tmp_path: Path) -> None:
    # not an item under a lead-in: the examples are no partners of the topic, nor of each other
    text = (
        "Ramipril is an ACE inhibitor.\n\n"
        "Medicines for gout such as allopurinol and probenecid may raise the risk of a rash.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "ramipril.txt"))
    assert not pairs


@pytest.mark.parametrize(
    "text",
    [
        "| Rifampicin, rifabutin | lower quetiapine levels |\n",
        "Rifampicin, rifabutin: lower quetiapine levels.\n",
    ],
    ids=["table-cell", "labelled-line"],
)
def test_a_cell_of_drugs_joined_by_commas_pairs_each(tmp_path: Path, text: str) -> None:
    header = "| Drug | Effect |\n|---|---|\n" if text.startswith("|") else ""
    page = "Quetiapine is an antipsychotic.\n\n" + header + text
    pairs = _pairs(_claims(tmp_path, page, "quetiapine.md"))
    assert frozenset(("quetiapine", "rifampin")) in pairs
    assert frozenset(("quetiapine", "rifabutin")) in pairs
    assert frozenset(("rifampin", "rifabutin")) not in pairs


@pytest.mark.parametrize(
    ("text", "direct"),
    [
        ("Ketoconazole | raises midazolam levels |", True),
        ("Ketoconazole: raises midazolam levels.", True),
        ("Ketoconazole | in most patients midazolam levels rise |", False),  # no change verb
    ],
    ids=["cell", "label", "no-verb-after-the-cell"],
)
def test_a_cell_boundary_keeps_a_direct_statement(text: str, direct: bool) -> None:
    mentions = find_mentions(text, 0)
    assert states_directly(text, 0, mentions[0], mentions[1]) is direct


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Naloxone reverses opioid overdose.", False),  # a condition the class qualifies
        ("Naloxone is given in barbiturate poisoning.", False),
        ("Hypokalaemia potentiates digitalis toxicity.", True),  # DDI-2013 marks digitalis
        ("Naloxone blocks opioids.", True),
    ],
    ids=["overdose", "poisoning", "toxicity-stays", "plain-class"],
)
def test_a_class_naming_a_condition_is_no_partner(text: str, kept: bool) -> None:
    mentions = with_class_mentions(text, 0, find_mentions(text, 0))
    classes = [m for m in mentions if m.entity.type.name == "DRUG_CLASS"]
    assert bool(classes) is kept
