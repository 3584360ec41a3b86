"""What is no side effect of the drug: risks, other drugs' uses, combinations, outcomes, signs."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.adverse import changes_a_level, find_adverse_effects
from graph_builder.extract import Extraction, extract
from graph_builder.extract.effects import overdose_lead, symptoms_lead
from graph_builder.ingest import read_document


def _extract(tmp_path: Path, sentence: str, heading: str = "Warnings") -> Extraction:
    """Extract a one-sentence valproate document under ``heading``."""
    path = tmp_path / "valproate.txt"
    path.write_text(f"Valproate\n\n{heading}\n\n{sentence}\n", encoding="utf-8")
    return extract(read_document(path))


def _side_effects(extraction: Extraction) -> dict[str, str | None]:
    """Map each asserted side effect to its hedge."""
    return {
        c.obj.entity.label: c.hedge
        for c in extraction.claims
        if c.relation == "has_side_effect" and c.obj and not c.negated
    }


def _symptoms(extraction: Extraction) -> set[tuple[str, str]]:
    return {
        (c.subject.entity.label, c.obj.entity.label)
        for c in extraction.claims
        if c.relation == "has_symptom" and c.obj
    }


# -- risk factors of the patient


@pytest.mark.parametrize(
    "sentence",
    [
        "Liver damage is likelier in people with epilepsy, heart failure or dehydration.",
        "The danger is greater for anyone with heart failure, pneumonia, dehydration or anaemia.",
    ],
)
def test_the_conditions_of_people_at_higher_risk_are_no_side_effects(
    tmp_path: Path, sentence: str
) -> None:
    found = _side_effects(_extract(tmp_path, sentence))
    assert not {"cardiac failure", "dehydration", "anemia", "pneumonia"} & set(found)


@pytest.mark.parametrize(
    ("sentence", "start", "length", "expected"),
    [
        ("Fever and a fasting diet may make valproate levels climb.", 0, 5, True),
        ("Vomiting can lower the blood levels of the pill.", 0, 8, True),
        ("Valproate may cause vomiting that can lower its levels.", 20, 8, False),
        ("Vomiting was reported in two patients.", 0, 8, False),
    ],
    ids=["raises a level", "lowers a level", "object of cause", "no level"],
)
def test_what_changes_a_drug_level_is_a_risk(
    sentence: str, start: int, length: int, expected: bool
) -> None:
    assert changes_a_level(sentence, start, length) is expected


def test_a_cause_of_losing_water_before_use_is_the_patients_state(tmp_path: Path) -> None:
    sentence = (
        "Ask your pharmacist before using valproate if you are old, or if you are losing"
        " water through sweating, vomiting or diarrhoea."
    )
    found = _side_effects(_extract(tmp_path, sentence))
    assert not {"hyperhidrosis", "vomiting", "diarrhea"} & set(found)


def test_effects_after_advice_about_fluid_loss_still_count_when_caused(tmp_path: Path) -> None:
    found = _side_effects(_extract(tmp_path, "Valproate can cause vomiting and diarrhoea."))
    assert {"vomiting", "diarrhea"} <= set(found)


# -- another medicine's use, a combination, other drugs' doing


def test_what_another_class_is_taken_for_is_no_side_effect(tmp_path: Path) -> None:
    sentence = "Tell your doctor if you take beta blockers for high blood pressure."
    assert "hypertension" not in _side_effects(_extract(tmp_path, sentence))


def test_an_action_on_another_drug_because_of_an_effect_keeps_the_effect(
    tmp_path: Path,
) -> None:
    sentence = "Stop valproate and warfarin for severe bleeding."
    assert "hemorrhage" in _side_effects(_extract(tmp_path, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Taking it with tramadol can raise the chance of serotonin syndrome.",
        "Taking valproate with aspirin or other NSAIDs may occasionally cause confusion.",
    ],
)
def test_a_combinations_consequence_is_no_side_effect_of_the_drug_alone(
    tmp_path: Path, sentence: str
) -> None:
    found = _side_effects(_extract(tmp_path, sentence))
    assert not {"serotonin syndrome", "confusion"} & set(found)


def test_taking_the_drug_with_food_leaves_its_side_effect(tmp_path: Path) -> None:
    found = _side_effects(_extract(tmp_path, "Taking it with food may cause less nausea."))
    assert "nausea" in found


def test_what_other_drugs_do_is_no_side_effect(tmp_path: Path) -> None:
    sentence = "Avoid medicines that can prolong the QT interval."
    assert "qt prolongation" not in _side_effects(_extract(tmp_path, sentence))


def test_the_drugs_own_qt_warning_is_a_side_effect(tmp_path: Path) -> None:
    found = _side_effects(_extract(tmp_path, "Valproate might prolong the QT interval."))
    assert found.get("qt prolongation") == "might"


# -- outcome and overdose qualifiers


def test_fatal_before_a_reaction_qualifies_it(tmp_path: Path) -> None:
    found = _side_effects(_extract(tmp_path, "Rarely, valproate has caused fatal pancreatitis."))
    assert "pancreatitis" in found
    assert "death" not in found


def test_deaths_reported_by_themselves_stay_a_finding(tmp_path: Path) -> None:
    found = _side_effects(_extract(tmp_path, "Fatal outcomes have been reported."))
    assert "death" in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mainly only in overdose: agitation, fever.", "only in overdose"),
        ("Usually at very high doses, tremor and sweating.", "at very high doses"),
        ("Tremor at high doses is rare.", None),
    ],
)
def test_a_lead_limiting_a_list_to_overdose(sentence: str, expected: str | None) -> None:
    assert overdose_lead(sentence, len(sentence) - 8) == expected


def test_an_overdose_lead_replaces_the_hedge_usually(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Side-effects: Generally only at excessive doses: sweating, tremor, insomnia.",
        heading="Side-effects",
    )
    hedges = _side_effects(extraction)
    assert hedges["tremor"] == "only at excessive doses"
    assert "Generally" not in {h for h in hedges.values() if h}


# -- signs of a named reaction


def test_symptoms_of_a_named_reaction_are_its_symptoms(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Signs of pancreatitis may include vomiting and abdominal pain."
    )
    assert _symptoms(extraction) == {
        ("pancreatitis", "vomiting"),
        ("pancreatitis", "abdominal pain"),
    }
    assert not {"vomiting", "abdominal pain"} & set(_side_effects(extraction))


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Symptoms of hepatitis include jaundice.", True),
        ("Side effects include jaundice.", False),
        ("Withdrawal symptoms include jaundice.", False),
        ("Symptoms are usually mild but jaundice may occur.", False),
    ],
)
def test_a_lead_listing_signs(sentence: str, found: bool) -> None:
    assert (symptoms_lead(sentence, sentence.index("jaundice")) is not None) is found


@pytest.mark.parametrize("advice", ["don't halt abruptly", "never stop suddenly"])
def test_advice_is_no_item_of_a_list_of_reactions(advice: str) -> None:
    text = f"After a month of use, {advice}; you may get withdrawal symptoms such as restlessness,"
    found = [m.text for m in find_adverse_effects(f"{text} sweating and diarrhoea.")]
    assert found == ["withdrawal symptoms", "restlessness", "sweating", "diarrhoea"]


# -- lay wordings of standard reactions


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("thinning of the hair", "alopecia"),
        ("feeling very thirsty", "polydipsia"),
        ("passing large amounts of urine", "polyuria"),
        ("high calcium levels", "hypercalcemia"),
        ("walking unsteadily", "unsteady gait"),
        ("shaky hands", "tremor"),
        ("nerve damage", "neuropathy"),
        ("breathlessness", "dyspnea"),
        ("failure of ejaculation", "ejaculation failure"),
        (
            "Clostridium difficile-associated diarrhoea",
            "clostridioides difficile-associated diarrhea",
        ),
    ],
)
def test_a_lay_wording_names_the_standard_reaction(phrase: str, label: str) -> None:
    found = find_adverse_effects(f"Some patients had {phrase}.")
    assert [m.entity.label for m in found] == [label]


# -- the exposed child


def _populations(extraction: Extraction) -> dict[str, tuple[tuple[str, str], ...]]:
    return {
        c.obj.entity.label: c.qualifiers
        for c in extraction.claims
        if c.relation == "has_side_effect" and c.obj
    }


def test_an_effect_in_the_newborn_keeps_its_population(tmp_path: Path) -> None:
    sentence = "Use near term can cause jaundice in the newborn infant."
    found = _populations(_extract(tmp_path, sentence))
    assert ("population", "newborn infant") in found["jaundice"]


def test_an_effect_without_a_child_named_has_no_population(tmp_path: Path) -> None:
    found = _populations(_extract(tmp_path, "Valproate can cause jaundice in rare cases."))
    assert found["jaundice"] == ()
