"""One concept, one entity: lay words, British spellings and defined initials name the same thing."""

from __future__ import annotations

import pytest

from graph_builder.adverse.vocabulary import get_vocabulary, plain_wordings
from graph_builder.adverse.words import normalise_phrase
from graph_builder.lexicon import find_abbreviations, find_mentions, is_initialism


def effect(phrase: str) -> tuple[str, tuple[str, ...]]:
    """Return the key and identifiers the adverse-effect vocabulary gives a phrase."""
    entity = get_vocabulary().effects[normalise_phrase(phrase)]
    return entity.key, entity.identifiers


@pytest.mark.parametrize(
    ("phrase", "key", "identifier"),
    [
        ("feeling sick", "nausea", "HP:0002018"),
        ("feeling shaky", "tremor", "HP:0001337"),
        ("shaky", "tremor", "HP:0001337"),
        ("passing wind", "flatulence", "HP:0033589"),
        ("feeling anxious", "anxiety", "HP:0000739"),
        ("low sodium levels", "hyponatremia", "HP:0002902"),
        ("low magnesium levels", "hypomagnesemia", "HP:0002917"),
        ("high blood pressure", "hypertension", "HP:0000822"),
        ("subarachnoid bleeding", "subarachnoid-hemorrhage", "HP:0002138"),
    ],
)
def test_lay_wording_is_the_phenotype_with_its_hpo_id(
    phrase: str, key: str, identifier: str
) -> None:
    assert effect(phrase) == (key, (identifier,))


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("malignant hypertension", "malignant-hypertension"),  # narrower: no HPO id of its own
        ("heartburn", "heartburn"),  # the symptom, not reflux disease
        ("haematomas", "hematoma"),
        ("TTP", "thrombotic-thrombocytopenic-purpura"),
    ],
)
def test_narrower_or_unlisted_concepts_keep_their_own_entity_without_a_guessed_id(
    phrase: str, key: str
) -> None:
    assert effect(phrase) == (key, ())


def test_blood_pressure_is_no_level_so_keeps_its_blood() -> None:
    assert plain_wordings(["Low blood pressure", "High blood glucose levels"]) == [
        "high glucose levels"
    ]


def test_vitamin_k_antagonist_is_a_class_of_its_own() -> None:
    keys = [
        m.entity.key for m in find_mentions("Avoid vitamin K antagonists and other anticoagulants.")
    ]
    assert keys == ["vitamin-k-antagonists", "anticoagulants"]


def test_a_defined_initialism_of_a_reaction_names_the_reaction() -> None:
    text = "Thrombotic thrombocytopenic purpura (TTP) is rare. Seizures (see WARNINGS) occur."
    defined = find_abbreviations(text, find_mentions(text))
    assert defined["TTP"].key == "thrombotic-thrombocytopenic-purpura"
    assert "WARNINGS" not in defined


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [("DVT", "deep vein thrombosis", True), ("PE", "heart attack", False), ("ACS", "acs", False)],
)
def test_initialism_letters_follow_the_words(short: str, long: str, expected: bool) -> None:
    assert is_initialism(short, long) is expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("prevention of a second heart attack", "myocardial-infarction"),
        ("after an ischaemic stroke", "ischemic-stroke"),
        ("known peripheral artery disease", "peripheral-arterial-disease"),
        ("a deep vein thrombosis (DVT) of the leg", "deep-venous-thrombosis"),
        ("his hypercholesterolaemia", "hypercholesterolemia"),
        ("eradicating H. pylori infection", "helicobacter-pylori-infection"),
        ("for bulimia nervosa", "bulimia-nervosa"),
        ("partial seizures", "focal-onset-seizure"),
    ],
)
def test_uses_named_in_labels_are_lexicon_conditions(text: str, key: str) -> None:
    assert key in [m.entity.key for m in find_mentions(text, drug_names=False)]


def test_focal_shares_the_head_noun_of_the_next_seizure_type() -> None:
    text = "used for focal and generalised tonic-clonic seizures"
    keys = [m.entity.key for m in find_mentions(text, drug_names=False)]
    assert keys == ["focal-onset-seizure", "generalized-tonic-clonic-seizure"]
    assert "focal-onset-seizure" not in [m.entity.key for m in find_mentions("a focal rash")]
