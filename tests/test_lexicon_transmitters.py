"""The body's transmitters are no drug in a mechanism; names a document gives its drug."""

from __future__ import annotations

import pytest

from graph_builder.lexicon import find_mentions, named_mentions
from graph_builder.model import Entity, EntityType


def drug_keys(text: str) -> set[str]:
    return {m.entity.key for m in find_mentions(text) if m.entity.type is EntityType.DRUG}


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("It barely affects serotonin and dopamine reuptake.", "dopamine"),
        ("It barely affects serotonin and dopamine reuptake.", "serotonin"),
        ("The drug inhibits the uptake of noradrenaline into nerve endings.", "norepinephrine"),
        ("Mast cells stop the release of histamine when it is given.", "histamine"),
        ("It blocks the reuptake of serotonin, noradrenaline and dopamine.", "dopamine"),
    ],
)
def test_a_transmitter_in_a_mechanism_is_no_drug(text: str, drug: str) -> None:
    assert drug not in drug_keys(text)


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("A dopamine infusion raised his blood pressure.", "dopamine"),
        ("The pressor response to norepinephrine may be enhanced.", "norepinephrine"),
        ("Epinephrine should be given at once for anaphylaxis.", "epinephrine"),
        ("Do not give dopamine together with phenytoin.", "dopamine"),
    ],
)
def test_a_transmitter_given_as_a_medicine_is_a_drug(text: str, drug: str) -> None:
    assert drug in drug_keys(text)


def test_names_a_document_gives_are_found_in_any_case() -> None:
    drug = Entity("norvessa", EntityType.DRUG, "Norvessa", synonyms=("lentoprazine",))
    names = {"Norvessa": drug, "lentoprazine": drug}
    text = "NORVESSA contains Lentoprazine; ask before taking norvessa."
    assert [m.text for m in named_mentions(text, 10, names)] == [
        "NORVESSA",
        "Lentoprazine",
        "norvessa",
    ]
    assert named_mentions(text, 10, names)[0].start == 10


def test_a_name_inside_a_longer_word_or_a_known_mention_is_not_found() -> None:
    drug = Entity("norvessa", EntityType.DRUG, "Norvessa")
    known = find_mentions("Norvessax and warfarin.")
    assert named_mentions("Norvessax and warfarin.", 0, {"Norvessa": drug}, known) == []


def test_a_longer_brand_covers_the_known_name_inside_it() -> None:
    drug = find_mentions("warfarin")[0].entity
    text = "Warfarin XR is taken at night."
    known = find_mentions(text)
    found = named_mentions(text, 0, {"Warfarin XR": drug}, known)
    assert [(m.text, m.entity.key) for m in found] == [("Warfarin XR", "warfarin")]
