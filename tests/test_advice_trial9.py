"""Advice, indications and negation scope as a fourth trial's documents word them."""

from __future__ import annotations

from pathlib import Path

from graph_builder.extract import Claim, is_negated
from graph_builder.rules import INSTRUCTIONS

from .interaction_helpers import claims_of, objects


def hedge_of(claims: list[Claim], relation: str, label: str) -> str | None:
    """Return the hedge of the claim of ``relation`` whose object is ``label``."""
    found = [c for c in claims if c.relation == relation and c.obj and c.obj.entity.label == label]
    assert found, f"no {relation} {label}"
    return found[0].hedge


# -- negation scope: "with or without" denies nothing


def test_with_or_without_a_complication_negates_no_later_indication(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nIndications\n\nDiazepam is indicated for panic disorder with or without "
        "agoraphobia, obsessive-compulsive disorder and insomnia.\n",
    )
    assert objects(claims, "treats", negated=True) == []
    assert "obsessive-compulsive disorder" in objects(claims, "treats")
    assert "insomnia" in objects(claims, "treats")


def test_with_or_without_food_is_no_negation() -> None:
    text = "It can be taken with or without food and relieves insomnia."
    assert not is_negated(text, text.index("insomnia"))
    text = "Take it without regard to meals; it relieves insomnia."
    assert not is_negated(text, text.index("insomnia"))


def test_without_still_denies_what_it_governs() -> None:
    text = "It relieves anxiety without causing drowsiness or dizziness."
    assert is_negated(text, text.index("drowsiness"))
    assert is_negated(text, text.index("dizziness"))


# -- missed contraindications and cautions


def test_a_group_labelled_with_a_reason_under_who_should_not_take(tmp_path: Path) -> None:
    html = (
        "<html><body><h1>Diazepam</h1><h2>Who should not take diazepam</h2><ul>"
        "<li>Women who are pregnant or hoping to conceive: diazepam may harm the unborn child."
        "</li><li>People with kidney disease.</li></ul></body></html>\n"
    )
    claims = claims_of(tmp_path, html, "diazepam.html")
    assert objects(claims, "contraindicated_in") == ["kidney disease", "pregnancy"]


def test_a_group_label_under_a_side_effects_heading_gives_no_contraindication(
    tmp_path: Path,
) -> None:
    html = (
        "<html><body><h1>Diazepam</h1><h2>Side effects</h2><ul>"
        "<li>Women who are pregnant: drowsiness in the newborn has been seen.</li>"
        "</ul></body></html>\n"
    )
    claims = claims_of(tmp_path, html, "diazepam.html")
    assert objects(claims, "contraindicated_in") == []


def test_used_with_care_is_a_caution(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nWarnings\n\nDiazepam should be used with particular care in people with "
        "epilepsy, as it may lower the seizure threshold.\n",
    )
    assert objects(claims, "caution_in") == ["epilepsy"]
    assert objects(claims, "contraindicated_in") == []


def test_handle_with_care_names_no_caution(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path, "Diazepam\n\nStorage\n\nHandle the ampoules with care; keep below 25 C.\n"
    )
    assert objects(claims, "caution_in") == []


def test_not_breastfeeding_while_on_it_is_a_contraindication(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nPregnancy and breast-feeding\n\n"
        "You must not be breast-feeding while you are on diazepam.\n",
    )
    assert objects(claims, "contraindicated_in") == ["breastfeeding"]


# -- the qualifier of the condition stays on the advice


def test_severity_and_control_of_a_condition_stay_on_the_advice(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nDo not take diazepam if you:\n\n- have severe liver disease\n"
        "- have uncontrolled epilepsy\n- have kidney disease\n",
    )
    assert hedge_of(claims, "contraindicated_in", "liver disease") == "severe"
    assert hedge_of(claims, "contraindicated_in", "epilepsy") == "uncontrolled"
    assert hedge_of(claims, "contraindicated_in", "kidney disease") is None


def test_one_qualifier_covers_both_coordinated_conditions(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nContraindications\n\nPatients with advanced liver or kidney disease.\n",
    )
    assert hedge_of(claims, "contraindicated_in", "liver disease") == "advanced"
    assert hedge_of(claims, "contraindicated_in", "kidney disease") == "advanced"


def test_an_age_limit_stays_with_the_children(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path, "Diazepam\n\nWarnings\n\nChildren younger than 6 must not be given diazepam.\n"
    )
    advice = [c for c in claims if c.relation == "contraindicated_in"]
    assert [dict(c.qualifiers).get("population") for c in advice] == ["Children younger than 6"]


# -- class lines


def test_a_drug_class_label_names_the_class(tmp_path: Path) -> None:
    claims = claims_of(tmp_path, "Diazepam\n\nDrug class: Benzodiazepines.\n\nUses: insomnia.\n")
    assert objects(claims, "member_of") == ["benzodiazepine"]


def test_a_class_named_after_another_label_is_no_membership(tmp_path: Path) -> None:
    claims = claims_of(tmp_path, "Diazepam\n\nInteracting class: opioids.\n")
    assert objects(claims, "member_of") == []


# -- administration instructions


def instructions(text: str) -> list[str]:
    """Return the instruction phrases the patterns find in ``text``."""
    return sorted(m.group() for pattern in INSTRUCTIONS for m in pattern.finditer(text))


def test_timing_against_a_meal_is_an_instruction() -> None:
    assert instructions("Swallow it 15 to 30 minutes before dinner.") == [
        "15 to 30 minutes before dinner"
    ]


def test_spacing_from_another_medicine_is_an_instruction() -> None:
    assert instructions("Keep it at least 3 hours apart from zinc supplements.") == [
        "at least 3 hours apart from zinc supplements"
    ]
    assert instructions("Give it 1 hour before or 4 hours after antacids.") == [
        "1 hour before or 4 hours after antacids"
    ]


def test_a_regular_time_is_an_instruction() -> None:
    assert instructions("Try to take it at the same time every evening.") == [
        "at the same time every evening"
    ]


def test_a_timed_observation_is_no_instruction() -> None:
    assert instructions("Peak levels were reached 2 hours after a single dose.") == []
    assert instructions("Nausea began 3 hours after eating.") == []


# -- "not suitable", and the state of a condition said after it


def test_not_suitable_when_the_disease_is_not_controlled(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nCan I take it if I have epilepsy?\n\n"
        "Diazepam is not suitable for people whose epilepsy is not controlled.\n",
    )
    assert objects(claims, "contraindicated_in") == ["epilepsy"]
    assert hedge_of(claims, "contraindicated_in", "epilepsy") == "not controlled"
    assert objects(claims, "treats") == []
    assert objects(claims, "treats", negated=True) == []


def test_a_poorly_controlled_condition_keeps_its_state_on_the_caution(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nWarnings\n\nUse diazepam with caution in asthma that is poorly controlled.\n",
    )
    assert objects(claims, "caution_in") == ["asthma"]
    assert hedge_of(claims, "caution_in", "asthma") == "poorly controlled"
    assert objects(claims, "treats") == []


# -- uses named as examples, as prevented episodes, or kept in reserve


def test_a_use_given_as_an_example_is_a_use(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nUses\n\nAt high doses it is given on the ward to treat some blood cancers, "
        "such as acute lymphoblastic leukaemia.\n",
    )
    assert "acute lymphoblastic leukemia" in objects(claims, "treats")


def test_the_illness_whose_episodes_it_prevents_is_treated(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nUses\n\nIt is taken long term to prevent further relapses in people with "
        "bipolar affective disorder.\n",
    )
    assert objects(claims, "treats") == ["bipolar affective disorder"]


def test_a_use_kept_in_reserve_is_a_use(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "Diazepam\n\nUses\n\nBecause of its risks, reserve diazepam for cystitis that other "
        "treatments have not cleared.\n",
    )
    assert objects(claims, "treats") == ["cystitis"]
