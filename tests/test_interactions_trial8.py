"""Interactions a label states, and drugs given together that are no interaction.

A regimen given for a disease is a treatment; a label naming a class, then an example of it,
makes the example the topic's partner; a relative clause does not end a list of examples; a
list under a lead-in naming the topic pairs each item with the topic; a class a drug is said to
be is no partner; an allergy names no partner.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.interactions import label_class_example, states_regimen
from graph_builder.lexicon import find_mentions

from .interaction_helpers import claims_of as _claims
from .interaction_helpers import stated_pairs as _pairs


@pytest.mark.parametrize(
    ("text", "regimen"),
    [
        ("Lansoprazole is taken together with two antibiotics to eradicate the infection.", True),
        ("It is indicated in combination with metformin for type 2 diabetes.", True),
        ("Given with rifampicin it raises the risk of liver damage.", False),  # a harm
        ("Combined with verapamil it should be used with caution.", False),  # advice
        ("It increases digoxin levels when given with it to treat angina.", False),  # a change
        ("Atenolol is used to treat angina.", False),  # one drug, no joint use
    ],
    ids=["to-eradicate", "indicated-for", "risk", "caution", "levels", "no-joint-use"],
)
def test_a_regimen_for_a_disease_is_no_interaction(text: str, regimen: bool) -> None:
    assert states_regimen(text) is regimen


def test_co_therapy_in_an_indications_section_pairs_nothing(tmp_path: Path) -> None:
    page = (
        "Atenolol\n\n## Indications\n\n"
        "In adults with stable angina, atenolol is given in combination with nifedipine.\n\n"
        "## Interactions\n\n"
        "Atenolol given in combination with verapamil increases the risk of heart block.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "atenolol.md"))
    assert frozenset({"atenolol", "nifedipine"}) not in pairs
    assert frozenset({"atenolol", "verapamil"}) in pairs  # an interaction section's harm


def test_drugs_used_together_for_an_infection_do_not_interact(tmp_path: Path) -> None:
    page = "Lansoprazole\n\nIt is also taken together with antibiotics to clear an ulcer infection.\n"
    assert not _pairs(_claims(tmp_path, page, "lansoprazole.txt"))


@pytest.mark.parametrize(
    ("text", "labelled"),
    [
        ("Loop diuretics: the combination with furosemide needs potassium checks.", 2),
        ("Beta-blockers: concomitant use with propranolol may slow the heart.", 2),
        ("Loop diuretics lower potassium, and furosemide is one of them.", 0),  # no label
        ("Antacids: they reduce the absorption of digoxin.", 0),  # no unsaid combination
    ],
    ids=["combination-with", "concomitant-use-with", "no-label", "own-subject"],
)
def test_a_label_class_and_the_drug_combined_under_it(text: str, labelled: int) -> None:
    assert len(label_class_example(text, 0, find_mentions(text))) == labelled


def test_the_example_under_a_class_label_is_the_topics_partner(tmp_path: Path) -> None:
    page = (
        "Ticagrelor\n\nInteractions\n\n"
        "Oral anticoagulants: the combination with apixaban is not advised because bleeding "
        "may be heavier.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "ticagrelor.txt"))
    assert frozenset({"ticagrelor", "apixaban"}) in pairs
    assert not any("apixaban" in p and "anticoagulants" in p for p in pairs)


def test_a_relative_clause_does_not_end_the_list_of_examples(tmp_path: Path) -> None:
    page = (
        "Paroxetine\n\nParoxetine can raise the levels of some medicines, including "
        "desipramine, which it may make more toxic, and atomoxetine.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "paroxetine.txt"))
    assert frozenset({"paroxetine", "desipramine"}) in pairs
    assert frozenset({"desipramine", "atomoxetine"}) not in pairs  # one partner list


def test_items_under_a_lead_in_naming_the_topic_are_its_partners(tmp_path: Path) -> None:
    page = (
        "# Simvastatin leaflet\n\n"
        "Do not take Simvastatin if you:\n"
        "- take the combination of lopinavir and ritonavir for HIV\n"
        "- have liver disease\n\n"
        "Some medicines raise the risk of muscle damage when taken with Simvastatin:\n"
        "- verapamil\n"
        "- amiodarone and diltiazem\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "simvastatin.md"))
    partners = {"lopinavir", "ritonavir", "verapamil", "amiodarone", "diltiazem"}
    assert {frozenset({"simvastatin", d}) for d in partners} <= pairs
    assert frozenset({"lopinavir", "ritonavir"}) not in pairs  # one regimen, no interaction


def test_a_lead_in_of_side_effects_names_no_partner(tmp_path: Path) -> None:
    page = "# Simvastatin leaflet\n\nSimvastatin can cause:\n- headache\n- muscle pain\n"
    assert not _pairs(_claims(tmp_path, page, "simvastatin.md"))


def test_the_class_a_drug_is_said_to_be_is_no_partner(tmp_path: Path) -> None:
    page = (
        "Carbamazepine\n\nCarbamazepine is itself a strong inducer of CYP3A4 and lowers the "
        "plasma levels of quetiapine.\n\nCYP3A4 inhibitors raise carbamazepine levels.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "carbamazepine.txt"))
    assert frozenset({"carbamazepine", "quetiapine"}) in pairs
    assert not any("inducer" in key for p in pairs for key in p)
    assert any("inhibitor" in key for p in pairs for key in p)  # a class that acts on it


def test_a_class_named_in_an_allergy_is_no_partner(tmp_path: Path) -> None:
    page = (
        "Pantoprazole\n\nDo not take pantoprazole if you are allergic to other proton pump "
        "inhibitors such as rabeprazole.\n"
    )
    claims = _claims(tmp_path, page, "pantoprazole.txt")
    assert not _pairs(claims)
    assert not any(c.obj is not None and c.obj.text == "pump inhibitors" for c in claims)


def test_examples_of_a_class_that_act_on_the_drug(tmp_path: Path) -> None:
    page = (
        "Quetiapine\n\nInhibitors of CYP3A4, such as ketoconazole and ritonavir, raise "
        "quetiapine exposure.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "quetiapine.txt"))
    assert {frozenset({"quetiapine", d}) for d in ("ketoconazole", "ritonavir")} <= pairs


def test_taking_the_drug_with_others_is_a_cue(tmp_path: Path) -> None:
    page = (
        "Sertraline\n\nIf you take sertraline with aspirin or naproxen, you may bleed more "
        "easily.\n\nYou can take sertraline with water.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "sertraline.txt"))
    assert {frozenset({"sertraline", d}) for d in ("aspirin", "naproxen")} <= pairs
    assert frozenset({"aspirin", "naproxen"}) not in pairs


def test_concomitant_use_of_classes_with_examples_pairs_the_topic(tmp_path: Path) -> None:
    page = (
        "Tamoxifen\n\nInteractions\n\nConcomitant use of strong or moderate CYP2D6 inhibitors, "
        "such as paroxetine and bupropion, is discouraged because they lower endoxifen levels.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "tamoxifen.txt"))
    assert {frozenset({"tamoxifen", d}) for d in ("paroxetine", "bupropion")} <= pairs
