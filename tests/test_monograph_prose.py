"""Facts that terse monographs and their prose state in their own shapes.

A formulary writes "Indications and dose" / "Trigeminal neuralgia" / "By mouth" / "Adult: ...":
the indication alone on its line heads its dose lines. Prose writes the dose between the verb
of use and the disease ("used at low weekly doses in ..."), elides a shared modifier ("raised
cholesterol and triglycerides") and names conditions by history or by a kidney function.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import Extraction, extract
from graph_builder.ingest import read_document


def _read(tmp_path: Path, text: str, name: str = "drugx.txt") -> Extraction:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(read_document(path))


def _objects(extraction: Extraction, relation: str) -> set[str]:
    return {
        c.obj.entity.label
        for c in extraction.claims
        if c.relation == relation and c.obj and not c.negated
    }


def _dose_uses(extraction: Extraction) -> set[tuple[str, str | None]]:
    """Return (amount, indication) of each dose claim."""
    return {
        (f"{c.dose.value_max} {c.dose.unit}", c.obj.entity.label if c.obj else None)
        for c in extraction.claims
        if c.dose is not None and c.dose.kind != "maximum"
    }


# --- 1. a formulary's indication line heads the dose lines under it

CARBAMAZEPINE = """Carbamazepine

Indications and dose
Trigeminal neuralgia
By mouth
Adult: Initially 100 mg twice daily, adjusted according to response; max. 1.6 g per day.
Epilepsy
By mouth
Child 12-17 years: Initially 200 mg once daily, increased to 400 mg twice daily.
"""


def test_a_formulary_indication_line_is_the_use_of_the_doses_under_it(tmp_path: Path) -> None:
    extraction = _read(tmp_path, CARBAMAZEPINE, "carbamazepine.txt")
    uses = _dose_uses(extraction)
    assert ("100 mg", "trigeminal neuralgia") in uses
    assert ("200 mg", "epilepsy") in uses
    # the dose of one indication is no dose of the one before it
    assert ("200 mg", "trigeminal neuralgia") not in uses
    assert {"trigeminal neuralgia", "epilepsy"} <= _objects(extraction, "treats")


@pytest.mark.parametrize(
    "line",
    [
        "By mouth",  # a route
        "By continuous intravenous infusion",
        "Child 2-11 years",  # a population alone on its line
        "Elderly patients",
    ],
)
def test_a_route_or_a_population_line_is_no_indication(tmp_path: Path, line: str) -> None:
    text = (
        "Morphine\n\nIndications and dose\n"
        f"{line}\nAdult: 5 mg every 4 hours, adjusted according to response.\n"
    )
    extraction = _read(tmp_path, text, "morphine.txt")
    assert extraction.document.sentences[0].heading_texts[-1] != line
    assert _objects(extraction, "treats") == set()


def test_a_condition_heading_outside_an_indications_section_is_no_use(tmp_path: Path) -> None:
    # a dose adjusted for an effect of the drug: the effect is not what it treats
    text = (
        "Drugx\n\nDose modifications\n\nHepatotoxicity\n\n"
        "Adult: reduce to 50 mg once daily until the enzymes settle.\n"
    )
    assert _objects(_read(tmp_path, text), "treats") == set()


# --- 2. the dose phrase between the verb of use and the disease


@pytest.mark.parametrize(
    ("sentence", "disease"),
    [
        (
            "Azathioprine is used at modest daily doses in rheumatoid arthritis.",
            "rheumatoid arthritis",
        ),
        ("It is also given in small doses for hypertension.", "hypertension"),
        (
            "Lorazepam is prescribed in divided doses for generalised anxiety disorder.",
            "generalized anxiety disorder",
        ),
    ],
)
def test_a_use_reaches_its_disease_across_the_dose_phrase(
    tmp_path: Path, sentence: str, disease: str
) -> None:
    assert disease in _objects(_read(tmp_path, f"Drugx\n\n{sentence}\n"), "treats")


@pytest.mark.parametrize(
    "sentence",
    [
        # a dose given to a group, an effect of large doses
        "It is given in high doses in patients with hypertension only after a test dose.",
        "Given at high doses, it may cause seizures.",
        "When used at high doses in pregnancy it may harm the baby.",
    ],
)
def test_a_dose_phrase_without_a_use_treats_nothing(tmp_path: Path, sentence: str) -> None:
    assert _objects(_read(tmp_path, f"Drugx\n\n{sentence}\n"), "treats") == set()


# --- 4. a change said once for several values


@pytest.mark.parametrize(
    ("sentence", "effects"),
    [
        (
            "Drugx may cause high cholesterol and triglycerides.",
            {"hypercholesterolemia", "hypertriglyceridemia"},
        ),
        ("Drugx may cause low sodium and potassium levels.", {"hyponatremia", "hypokalemia"}),
        (
            "Drugx may cause increased AST and ALT.",
            {
                "elevated circulating aspartate aminotransferase concentration",
                "elevated circulating alanine aminotransferase concentration",
            },
        ),
    ],
)
def test_a_change_said_once_holds_for_each_value_after_it(
    tmp_path: Path, sentence: str, effects: set[str]
) -> None:
    assert effects <= _objects(_read(tmp_path, f"Drugx\n\n{sentence}\n"), "has_side_effect")


@pytest.mark.parametrize(
    ("phrase", "not_read"),
    [
        # a value with its own change, a value that is a word of another noun
        (
            "increased ALT and AST decreased",
            "elevated circulating aspartate aminotransferase concentration",
        ),
        ("low sodium and potassium supplements", "hypokalemia"),
        ("low sodium and potassium-sparing diuretics", "hypokalemia"),
        ("high cholesterol and triglyceride testing", "hypertriglyceridemia"),
    ],
)
def test_a_change_is_not_shared_with_what_is_no_bare_value(phrase: str, not_read: str) -> None:
    from graph_builder.adverse import find_adverse_effects

    assert not_read not in {m.entity.label for m in find_adverse_effects(phrase)}


# --- 3. what the patient's family has had is the patient's risk, never the drug's effect


@pytest.mark.parametrize(
    "sentence",
    [
        "Tell your doctor if anyone in your family has long QT syndrome.",
        "Check with your doctor if a parent or sibling has had sudden cardiac death.",
        "Ask your doctor first if your relatives have had cardiac arrhythmias.",
    ],
)
def test_a_relatives_condition_is_no_side_effect(tmp_path: Path, sentence: str) -> None:
    text = f"Drugx\n\nWarnings and precautions\n\n{sentence}\n"
    assert _objects(_read(tmp_path, text), "has_side_effect") == set()


def test_a_family_history_in_a_list_of_reasons_not_to_take_it_is_a_contraindication(
    tmp_path: Path,
) -> None:
    text = (
        "# Drugx\n\n## Before you take Drugx\n\nDo not take Drugx if you:\n\n"
        "- have a family history of long QT syndrome\n- have gout\n"
    )
    extraction = _read(tmp_path, text, "drugx.md")
    contraindications = {
        c.obj.text for c in extraction.claims if c.relation == "contraindicated_in" and c.obj
    }
    assert {"long QT syndrome", "gout"} <= contraindications
    assert _objects(extraction, "has_side_effect") == set()


def test_the_drugs_own_effect_beside_a_family_word_stays_a_side_effect(tmp_path: Path) -> None:
    text = "Drugx\n\nDrugx may cause QT prolongation, even in patients whose relatives are well.\n"
    assert "qt prolongation" in _objects(_read(tmp_path, text), "has_side_effect")


# --- 5. conditions advice names by a device or by a kidney function


@pytest.mark.parametrize(
    ("sentence", "relation", "condition"),
    [
        (
            "Use it cautiously in people with mechanical heart valves.",
            "caution_in",
            "prosthetic heart valve",
        ),
        (
            "It is not recommended in patients with an artificial heart valve.",
            "contraindicated_in",
            "prosthetic heart valve",
        ),
        (
            "Do not give it when creatinine clearance is less than 30 mL/min.",
            "contraindicated_in",
            "kidney disease",
        ),
        ("Use with caution if CrCl < 50 mL/min.", "caution_in", "kidney disease"),
    ],
)
def test_a_device_or_a_low_clearance_names_the_patients_condition(
    tmp_path: Path, sentence: str, relation: str, condition: str
) -> None:
    assert condition in _objects(_read(tmp_path, f"Drugx\n\n{sentence}\n"), relation)


@pytest.mark.parametrize(
    "sentence",
    [
        # a clearance above a threshold (normal function), a disease of the valves themselves
        "No caution is needed when creatinine clearance is above 60 mL/min.",
        "Use with caution if heart valve disease is suspected.",
    ],
)
def test_a_normal_clearance_or_a_valve_disease_is_no_such_condition(
    tmp_path: Path, sentence: str
) -> None:
    extraction = _read(tmp_path, f"Drugx\n\n{sentence}\n")
    named = _objects(extraction, "caution_in") | _objects(extraction, "contraindicated_in")
    assert not named & {"kidney disease", "prosthetic heart valve"}
