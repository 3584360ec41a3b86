"""What a page asks, or says a drug fails at, is no claim that the drug does it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import Extraction, extract
from graph_builder.ingest import read_document


def _extract(tmp_path: Path, drug: str, heading: str, text: str) -> Extraction:
    path = tmp_path / f"{drug.lower()}.txt"
    path.write_text(f"{drug}\n\n{heading}\n\n{text}\n", encoding="utf-8")
    return extract(read_document(path))


def _claims(extraction: Extraction, relation: str) -> set[tuple[str, str, bool]]:
    return {
        (c.subject.entity.label, c.obj.entity.label, c.negated)
        for c in extraction.claims
        if c.relation == relation and c.obj
    }


def test_a_question_states_nothing_its_answer_does(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Metformin",
        "Frequently asked questions",
        "Does metformin cause hair loss? There is no good evidence that metformin causes "
        "hair loss. Can it cause lactic acidosis? Yes, lactic acidosis occurs rarely.",
    )
    side_effects = _claims(extraction, "has_side_effect")
    assert ("metformin", "alopecia", True) in side_effects  # the answer denies it
    assert ("metformin", "alopecia", False) not in side_effects
    assert [c.sentence.text for c in extraction.claims if c.sentence.text.endswith("?")] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Carbamazepine is usually ineffective in absence seizures.",
        "Carbamazepine may aggravate absence seizures.",
        "It can worsen absence seizures in children.",
    ],
)
def test_a_condition_the_drug_fails_in_or_worsens_is_not_treated(
    tmp_path: Path, sentence: str
) -> None:
    extraction = _extract(tmp_path, "Carbamazepine", "Indications", sentence)
    assert not {c for c in _claims(extraction, "treats") if not c[2]}


def test_a_use_named_before_a_failure_is_still_treated(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Carbamazepine",
        "Indications",
        "It treats focal seizures but is ineffective in absence seizures.",
    )
    treated = {c[1] for c in _claims(extraction, "treats") if not c[2]}
    assert "focal-onset seizure" in treated or "focal onset seizure" in treated
    assert "absence seizure" not in treated


@pytest.mark.parametrize(
    ("sentence", "member", "drug_class"),
    [
        (
            "Ketoconazole and other strong CYP3A4 inhibitors can raise zolpidem levels.",
            "ketoconazole",
            "CYP3A4 inhibitor",
        ),
        (
            "Aspirin or other NSAIDs increase the risk of bleeding.",
            "aspirin",
            "nonsteroidal anti-inflammatory drug",
        ),
        ("Do not combine zolpidem with other hypnotics.", "zolpidem", "hypnotic drug"),
    ],
)
def test_other_members_of_a_class_are_the_drug_named_before_them(
    tmp_path: Path, sentence: str, member: str, drug_class: str
) -> None:
    extraction = _extract(tmp_path, "Zolpidem", "Interactions", sentence)
    members = {(s, o) for s, o, _ in _claims(extraction, "member_of")}
    assert (member, drug_class) in members
    if member != "zolpidem":
        assert not any(s == "zolpidem" for s, _ in members)


def test_a_member_of_the_family_is_no_class_membership(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Lisinopril",
        "Warnings",
        "Tell your doctor if a member of your family has had angioedema with an ACE inhibitor.",
    )
    assert not _claims(extraction, "member_of")


@pytest.mark.parametrize(
    ("sentence", "use"),
    [
        ("Prednisolone is used for exacerbations of COPD and asthma.", "asthma"),
        (
            "Where diet alone is ineffective, it is used to treat type II diabetes.",
            "type ii diabetes mellitus",
        ),
    ],
)
def test_a_failure_or_worsening_named_elsewhere_leaves_the_use(
    tmp_path: Path, sentence: str, use: str
) -> None:
    extraction = _extract(tmp_path, "Prednisolone", "Uses", sentence)
    assert use in {c[1] for c in _claims(extraction, "treats") if not c[2]}


@pytest.mark.parametrize(
    "sentence",
    [
        "Do not take another dose if you have severe vomiting.",
        "Talk to your doctor before taking the next dose if you have black stools.",
    ],
)
def test_advice_after_use_names_no_condition_of_the_patient(tmp_path: Path, sentence: str) -> None:
    extraction = _extract(tmp_path, "Lisinopril", "Possible side effects", sentence)
    assert not _claims(extraction, "contraindicated_in") | _claims(extraction, "caution_in")


def test_a_history_before_use_is_a_condition_not_a_side_effect(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Lisinopril",
        "2. What you need to know before you take Lisinopril",
        "Tell your doctor before taking it if you have recently had a heart attack or heart "
        "failure. Tell your doctor if you have ever had angioedema.",
    )
    assert not _claims(extraction, "has_side_effect")
    assert {c[1] for c in _claims(extraction, "caution_in")} >= {"cardiac failure"}


def test_another_medicines_use_is_no_side_effect(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Lisinopril",
        "Other medicines and Lisinopril",
        "Tell your doctor about medicines for diabetes such as insulin.",
    )
    assert not _claims(extraction, "has_side_effect")


def test_effects_listed_after_a_caution_that_names_their_cause_stay_side_effects(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sertraline.txt"
    path.write_text(
        "Sertraline\n\nWarnings\n\nUse it with caution because it can cause:\n"
        "- low sodium in the blood\n- bleeding\n",
        encoding="utf-8",
    )
    extraction = extract(read_document(path))
    assert "hemorrhage" in {c[1] for c in _claims(extraction, "has_side_effect")}
    assert not _claims(extraction, "caution_in")


def test_an_off_label_use_is_hedged(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Gabapentin", "Uses", "Some doctors prescribe it off-label for anxiety."
    )
    hedges = [c.hedge or "" for c in extraction.claims if c.relation == "treats"]
    assert hedges and all("off-label" in h for h in hedges)


def test_two_drugs_compared_do_not_interact(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Lisinopril",
        "Uses",
        "Lisinopril is less effective than amlodipine in some patients.",
    )
    assert not _claims(extraction, "interacts_with")


def test_a_class_named_by_its_action_binds_nothing_for_the_drug(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Lithium", "Interactions", "Inhibitors of ACE may increase lithium levels."
    )
    assert not _claims(extraction, "binds")


@pytest.mark.parametrize(
    ("drug", "heading", "sentence", "relation"),
    [
        (
            "Lisinopril",
            "Uses",
            "It is used for high blood pressure caused by kidney disease.",
            "treats",
        ),
        ("Metoprolol", "Warnings", "It may mask the signs of hyperthyroidism.", "has_side_effect"),
        (
            "Warfarin",
            "Interactions",
            "An overdose of antidepressants can cause bleeding.",
            "interacts_with",
        ),
    ],
)
def test_a_cause_a_masked_sign_or_an_overdose_is_no_object_of_the_claim(
    tmp_path: Path, drug: str, heading: str, sentence: str, relation: str
) -> None:
    objects = {c[1] for c in _claims(_extract(tmp_path, drug, heading, sentence), relation)}
    assert not objects & {"kidney disease", "hyperthyroidism", "antidepressant"}


def test_what_something_else_helps_with_is_no_use_of_the_drug(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Metformin",
        "Living with diabetes",
        "Exercise can help with weight loss. Metformin can also help with polycystic ovary "
        "syndrome.",
    )
    uses = {o for _, o, negated in _claims(extraction, "treats") if not negated}
    assert "polycystic ovary syndrome" in uses
    assert "weight decreased" not in uses
