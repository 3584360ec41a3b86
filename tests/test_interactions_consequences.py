"""What a combination brings about is the interaction's, and the words pages use for it.

An effect a sentence puts down to taking two drugs together ("using them together can cause
coma", "combined use of A with B has been linked to X") is a consequence of the interaction,
not a side effect of the page's drug; one the drug causes on its own stays its own. "A can
make B less effective", "A may stop B working properly", "A makes B work less well" are
interactions (effect, or mechanism when the breakdown is named). Classes listed with their
examples open an item about what they do with the page's drug.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.extract.base import PARTNERS
from graph_builder.extract.interacting import combination_causes
from graph_builder.extract.reader import SentenceReader
from graph_builder.ingest import read_document
from graph_builder.interactions import interaction_type, one_class_with_examples, states_directly
from graph_builder.lexicon import find_mentions
from graph_builder.model import Claim, Sentence


def _claims(tmp_path: Path, text: str, name: str) -> tuple[Claim, ...]:
    path = tmp_path / name
    path.write_text(text)
    return extract(read_document(path)).claims


def _side_effects(claims: tuple[Claim, ...]) -> set[str]:
    return {
        c.obj.entity.key
        for c in claims
        if c.relation == "has_side_effect" and c.obj is not None and not c.negated
    }


def _interactions(claims: tuple[Claim, ...], partner: str) -> list[Claim]:
    return [
        c
        for c in claims
        if c.relation == "interacts_with"
        and c.obj is not None
        and partner in (c.subject.entity.key, c.obj.entity.key)
        and not c.negated
    ]


def _consequences(claims: tuple[Claim, ...], partner: str) -> set[str]:
    return {m.entity.key for c in _interactions(claims, partner) for m in c.consequences}


def _kinds(claims: tuple[Claim, ...], partner: str) -> set[str]:
    return {dict(c.qualifiers)["interaction_type"] for c in _interactions(claims, partner)}


DIAZEPAM = """Diazepam

Taking diazepam with other medicines

- Strong painkillers such as oxycodone: using them together can cause deep sleep, slowed
  breathing and coma.
- Other sedating medicines and antihistamines such as promethazine: increased sleepiness.
"""


def test_what_taking_both_causes_is_the_interactions(tmp_path: Path) -> None:
    claims = _claims(tmp_path, DIAZEPAM, "diazepam.txt")
    assert "coma" in _consequences(claims, "oxycodone")
    assert "coma" not in _side_effects(claims)


def test_classes_listed_with_an_example_are_the_topics_partners(tmp_path: Path) -> None:
    claims = _claims(tmp_path, DIAZEPAM, "diazepam.txt")
    assert _interactions(claims, "promethazine")
    assert "drowsiness" in _consequences(claims, "promethazine")
    assert _interactions(claims, "antihistamines")


def test_combined_use_linked_to_a_syndrome(tmp_path: Path) -> None:
    page = (
        "Lithium in practice\n\nCombined use of lithium with clozapine has occasionally been "
        "linked to neuroleptic malignant syndrome.\n"
    )
    claims = _claims(tmp_path, page, "lithium.txt")
    assert "neuroleptic-malignant-syndrome" in _consequences(claims, "clozapine")
    assert "neuroleptic-malignant-syndrome" not in _side_effects(claims)


@pytest.mark.parametrize(
    ("text", "own", "combined"),
    [
        # the drug's own effect, and another drug that makes it worse: the effect stays
        ("Lithium can cause tremor; caffeine may make it worse.", {"tremor"}, set()),
        # one effect of its own, one of taking it with alcohol
        (
            "Lithium may cause polyuria, and taking it with alcohol can cause dizziness.",
            {"polyuria"},
            {"dizziness"},
        ),
        # a regimen the drug is part of: a label lists what it brings as the drug's own
        (
            "Lithium given in combination with valproate may cause weight gain.",
            {"weight-increased"},
            set(),
        ),
    ],
    ids=["own-effect-then-another-drug", "own-and-combined", "regimen"],
)
def test_the_drugs_own_effects_stay(
    tmp_path: Path, text: str, own: set[str], combined: set[str]
) -> None:
    claims = _claims(tmp_path, f"Lithium\n\n{text}\n", "lithium.txt")
    effects = _side_effects(claims)
    assert own <= effects
    assert not combined & effects


@pytest.mark.parametrize(
    ("text", "partner", "kind"),
    [
        ("Carbamazepine can make warfarin less effective.", "carbamazepine", "effect"),
        ("St John's wort may stop warfarin working properly.", "st-johns-wort", "effect"),
        ("Vitamin K makes warfarin work less well.", "phytonadione", "effect"),
        (
            "Phenobarbital can make warfarin less effective by speeding up its breakdown.",
            "phenobarbital",
            "mechanism",
        ),
    ],
    ids=["less-effective", "stop-working", "work-less-well", "breakdown-named"],
)
def test_a_weaker_effect_in_plain_words(tmp_path: Path, text: str, partner: str, kind: str) -> None:
    claims = _claims(tmp_path, f"Warfarin\n\nOther medicines\n\n{text}\n", "warfarin.txt")
    assert _kinds(claims, partner) == {kind}


def test_a_comparison_of_two_drugs_is_no_interaction(tmp_path: Path) -> None:
    page = "Ibuprofen\n\nFor toothache, paracetamol is less effective than ibuprofen.\n"
    claims = _claims(tmp_path, page, "ibuprofen.txt")
    assert not _interactions(claims, "acetaminophen")


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Opioids such as codeine: more sleepiness.", True),
        ("Other sleeping pills and antihistamines such as promethazine: drowsiness.", True),
        ("Other sedating medicines and opioids such as codeine: drowsiness.", True),
        ("Warfarin and aspirin: more bleeding.", False),  # two drugs, no class
        ("Opioids and antihistamines: drowsiness.", False),  # no example named
        ("Codeine raises the levels of opioids such as morphine.", False),  # a drug opens it
    ],
    ids=["class-example", "two-classes", "unknown-kind-first", "drugs", "no-example", "drug"],
)
def test_an_item_opened_by_classes_and_examples(text: str, opens: bool) -> None:
    drugs = [m for m in find_mentions(text) if m.entity.type in PARTNERS]
    assert one_class_with_examples(text, 0, drugs) is opens


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A can make B less effective.", "effect"),
        ("A may stop B working properly.", "effect"),
        ("A can make B less effective by speeding up its breakdown.", "mechanism"),
        ("A interacts with B.", "int"),
    ],
    ids=["less-effective", "stop-working", "breakdown", "bare"],
)
def test_type_of_a_weaker_effect(text: str, kind: str) -> None:
    assert interaction_type(text) == kind


@pytest.mark.parametrize(
    ("text", "effect", "combined"),
    [
        ("Taking lithium and sertraline together may cause tremor.", "tremor", True),
        ("Concomitant use of lithium with sertraline was linked to tremor.", "tremor", True),
        ("Lithium causes tremor, and sertraline is often given for low mood.", "tremor", False),
        # the combination lessens a risk: it causes nothing
        ("Concurrent use of propranolol may reduce the tremor lithium causes.", "tremor", False),
        # a regimen, as labels write it
        ("Lithium in combination with sertraline: tremor was reported.", "tremor", False),
        # no other drug named before the effect
        ("Taking lithium together with food may cause nausea.", "nausea", False),
    ],
    ids=["together", "concomitant-use", "no-cue", "lessens", "regimen", "food"],
)
def test_what_the_combination_causes(text: str, effect: str, combined: bool) -> None:
    sentence = Sentence(text, 0, len(text))
    mentions = find_mentions(text)
    topic = next(m for m in mentions if m.entity.key == "lithium")
    reader = SentenceReader(sentence, topic, mentions, frozenset())
    assert combination_causes(reader, text.index(effect)) is combined


@pytest.mark.parametrize(
    ("text", "direct"),
    [
        ("Phenytoin can make warfarin less effective.", True),
        ("Phenytoin may stop warfarin working.", True),
        ("Phenytoin makes warfarin work much less well.", True),
        ("Phenytoin is less effective than warfarin.", False),  # a comparison
        ("Phenytoin and warfarin are less effective in the elderly.", False),  # no verb between
    ],
    ids=["less-effective", "stop-working", "work-less-well", "than", "coordinated"],
)
def test_a_weaker_effect_is_stated_directly(text: str, direct: bool) -> None:
    first, second = (m for m in find_mentions(text) if m.entity.type in PARTNERS)
    assert states_directly(text, 0, first, second) is direct
