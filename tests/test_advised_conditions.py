"""A condition the patient has, named by advice, is what the drug is advised against, not its effect.

"Contraindicated in acute narrow-angle glaucoma" is one of the oldest warnings on a
benzodiazepine label; read as a side effect, it would tell a student that clonazepam causes
glaucoma.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import Extraction, extract
from graph_builder.ingest import read_document


def _extract(tmp_path: Path, sentence: str, heading: str = "Precautions") -> Extraction:
    """Extract a one-sentence clonazepam monograph under ``heading``."""
    path = tmp_path / "clonazepam.txt"
    path.write_text(f"Clonazepam\n\n{heading}\n\n{sentence}\n", encoding="utf-8")
    return extract(read_document(path))


def _objects(extraction: Extraction, relation: str) -> set[str]:
    return {
        c.obj.entity.label
        for c in extraction.claims
        if c.relation == relation and c.obj and not c.negated
    }


@pytest.mark.parametrize(
    ("sentence", "relation", "condition"),
    [
        (
            "Clonazepam is contraindicated in acute narrow-angle glaucoma.",
            "contraindicated_in",
            "acute narrow-angle glaucoma",
        ),
        (
            "It should not be used in patients with sleep apnea.",
            "contraindicated_in",
            "sleep apnea",
        ),
        ("Avoid its use in hypotension.", "contraindicated_in", "hypotension"),
        (
            "Use it cautiously in patients with glaucoma, asthma or sleep apnea.",
            "caution_in",
            "sleep apnea",
        ),
        ("Caution is advised in open-angle glaucoma.", "caution_in", "open angle glaucoma"),
    ],
)
def test_a_condition_named_by_advice_is_advised_against_not_caused(
    tmp_path: Path, sentence: str, relation: str, condition: str
) -> None:
    extraction = _extract(tmp_path, sentence)
    assert condition in _objects(extraction, relation)
    assert condition not in _objects(extraction, "has_side_effect")


def test_the_second_piece_of_advice_names_its_own_condition(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "It is contraindicated in patients with sleep apnea and should be used with caution in"
        " glaucoma.",
    )
    assert _objects(extraction, "contraindicated_in") == {"sleep apnea"}
    assert _objects(extraction, "caution_in") == {"glaucoma"}


@pytest.mark.parametrize(
    ("sentence", "effect"),
    [
        # the advice and the effect are two clauses: the effect is the drug's
        ("It is contraindicated in pregnancy and may cause glaucoma.", "glaucoma"),
        ("Use it with caution in the elderly, because it may cause hypotension.", "hypotension"),
        ("Hypotension is common; use it with caution in the elderly.", "hypotension"),
    ],
)
def test_an_effect_beside_the_advice_stays_a_side_effect(
    tmp_path: Path, sentence: str, effect: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Warnings")
    assert effect in _objects(extraction, "has_side_effect")
    assert effect not in _objects(extraction, "contraindicated_in") | _objects(
        extraction, "caution_in"
    )


def test_what_patients_are_at_risk_of_is_no_condition_they_have(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Use it with caution in patients with risk factors for hypotension."
    )
    assert "hypotension" not in _objects(extraction, "caution_in")
    assert "hypotension" not in _objects(extraction, "has_side_effect")


@pytest.mark.parametrize(
    "sentence",
    [
        "Clonazepam is contraindicated in patients with known hypersensitivity to benzodiazepines.",
        "Do not use it in patients with an allergy to penicillins or cephalosporins.",
        "Hypersensitivity reactions to lorazepam or diazepam contraindicate its use.",
    ],
)
def test_the_drug_a_patient_is_allergic_to_is_no_interaction_partner(
    tmp_path: Path, sentence: str
) -> None:
    assert _objects(_extract(tmp_path, sentence), "interacts_with") == set()


def test_a_drug_after_the_allergy_clause_still_interacts(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Patients with hypersensitivity to aspirin should not take clonazepam with warfarin.",
        heading="Drug Interactions",
    )
    assert _objects(extraction, "interacts_with") == {"warfarin"}


@pytest.mark.parametrize(
    ("sentence", "effect"),
    [
        # a reason, a comma splice, a risk or a monitoring instruction names the drug's effect
        (
            "Use it with caution in elderly patients, as orthostatic hypotension is more frequent.",
            "orthostatic hypotension",
        ),
        ("Use it with caution in the elderly, in whom confusion is more frequent.", "confusion"),
        ("Caution in the elderly, sedation and ataxia may occur.", "ataxia"),
        (
            "Avoid it in pregnancy, birth defects including microcephaly have been reported.",
            "microcephaly",
        ),
        (
            "Caution should be used in patients with asthma as bronchospasm may be precipitated.",
            "bronchospasm",
        ),
        ("Use caution in driving, as dizziness can occur.", "dizziness"),
    ],
)
def test_the_drugs_effect_beside_advice_is_no_condition_of_the_patient(
    tmp_path: Path, sentence: str, effect: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Warnings")
    assert effect in _objects(extraction, "has_side_effect")
    advised = _objects(extraction, "caution_in") | _objects(extraction, "contraindicated_in")
    assert effect not in advised


@pytest.mark.parametrize(
    ("sentence", "effect"),
    [
        ("Not recommended in the elderly owing to the risk of falls.", "fall"),
        ("Use it with caution and monitor for hypokalemia.", "hypokalemia"),
        ("Avoid sunlight in case of photosensitivity.", "photosensitivity"),
        ("It should not be given for diarrhoea caused by an infection.", "diarrhea"),
        ("Patients should use caution for drowsiness in the first days.", "drowsiness"),
    ],
)
def test_an_effect_the_advice_is_not_about_is_not_advised_against(
    tmp_path: Path, sentence: str, effect: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Warnings")
    advised = _objects(extraction, "caution_in") | _objects(extraction, "contraindicated_in")
    assert effect not in advised


def test_a_study_not_done_makes_no_denied_caution(tmp_path: Path) -> None:
    path = tmp_path / "clonazepam.txt"
    path.write_text(
        "Clonazepam\n\nPrecautions\n\nIt has not been studied in glaucoma and should be used"
        " with caution in glaucoma.\n",
        encoding="utf-8",
    )
    claims = extract(read_document(path)).claims
    assert not [c for c in claims if c.relation == "caution_in" and c.negated]


def test_an_allergic_reaction_named_at_length_still_names_the_allergen(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "It is contraindicated after an allergic reaction such as angioedema to any penicillin.",
    )
    assert _objects(extraction, "interacts_with") == set()


def test_a_greater_sensitivity_to_a_drug_is_an_interaction(tmp_path: Path) -> None:
    """Not an allergy: "increases sensitivity to opioids" is a pharmacodynamic interaction."""
    extraction = _extract(
        tmp_path, "Clonazepam may increase sensitivity to opioids.", heading="Drug Interactions"
    )
    assert _objects(extraction, "interacts_with") == {"opioid"}


@pytest.mark.parametrize(
    ("sentence", "disease"),
    [
        ("It is indicated for the treatment of hypertension and angina.", "angina pectoris"),
        ("It is used to treat high blood pressure.", "hypertension"),
        (
            "It is indicated for the treatment of major depressive disorder.",
            "major depressive disorder",
        ),
        ("It is used for moderate to severe pain.", "pain"),
    ],
)
def test_a_disease_the_drug_is_used_for_is_treated(
    tmp_path: Path, sentence: str, disease: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Indications")
    assert disease in _objects(extraction, "treats")
    assert disease not in _objects(extraction, "has_side_effect")


@pytest.mark.parametrize(
    ("sentence", "phenotype"),
    [
        # the patients' other condition, a negated use, and an effect of the drug
        (
            "It is indicated for the prevention of migraine in patients with hypertension.",
            "hypertension",
        ),
        ("It is not used to treat headache.", "headache"),
        ("It is used for anxiety but may cause insomnia.", "insomnia"),
    ],
)
def test_a_phenotype_outside_the_use_is_not_treated(
    tmp_path: Path, sentence: str, phenotype: str
) -> None:
    assert phenotype not in _objects(_extract(tmp_path, sentence, heading="Uses"), "treats")


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        # the patients' conditions listed before the risk they run
        (
            "Patients with renal impairment, dehydration or hyponatremia are more likely to"
            " develop lithium toxicity.",
            "dehydration",
        ),
        # a condition described by what causes it is still the patient's
        (
            "Avoid it in patients with conditions causing tissue hypoxia, such as heart failure.",
            "cardiac failure",
        ),
    ],
)
def test_the_patients_conditions_are_no_side_effects(
    tmp_path: Path, sentence: str, condition: str
) -> None:
    assert condition not in _objects(
        _extract(tmp_path, sentence, heading="Warnings"), "has_side_effect"
    )


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        (
            "Use it with caution in patients at risk of gastrointestinal bleeding.",
            "gastrointestinal hemorrhage",
        ),
        ("Use it cautiously in those at high risk of falls.", "fall"),
    ],
)
def test_patients_at_risk_of_a_condition_need_caution(
    tmp_path: Path, sentence: str, condition: str
) -> None:
    assert condition in _objects(_extract(tmp_path, sentence), "caution_in")


def test_a_reason_after_a_prohibition_is_stated_not_denied(tmp_path: Path) -> None:
    path = tmp_path / "prednisolone.txt"
    path.write_text(
        "Prednisolone\n\nWarnings\n\nPrednisolone should not be used in children for long"
        " periods, as growth retardation may result.\n",
        encoding="utf-8",
    )
    claims = extract(read_document(path)).claims
    growth = [
        c
        for c in claims
        if c.relation == "has_side_effect" and c.obj and c.obj.entity.key == "growth-delay"
    ]
    assert growth and not any(c.negated for c in growth)


def test_a_risk_of_hypersensitivity_raised_by_another_drug_is_an_interaction(
    tmp_path: Path,
) -> None:
    path = tmp_path / "valproate.txt"
    path.write_text(
        "Valproate\n\nDrug Interactions\n\nThe risk of hypersensitivity to lamotrigine increases"
        " when valproate is added.\n",
        encoding="utf-8",
    )
    claims = extract(read_document(path)).claims
    partners = {c.obj.entity.key for c in claims if c.relation == "interacts_with" and c.obj}
    partners |= {c.subject.entity.key for c in claims if c.relation == "interacts_with"}
    assert "lamotrigine" in partners


def test_what_the_drug_may_cause_in_a_uses_section_is_not_treated(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "It is used for anxiety but may cause insomnia.", heading="Uses"
    )
    assert _objects(extraction, "treats") == {"anxiety"}


@pytest.mark.parametrize(
    ("sentence", "not_treated"),
    [
        # after the first use, a phrase with a verb of its own is a finding
        (
            "Insulin is used to control hyperglycaemia, and hypoglycaemia is its main risk.",
            "hypoglycemia",
        ),
        (
            "In trials for the treatment of depression, somnolence and dry mouth were reported.",
            "drowsiness",
        ),
        ("It is used for hypertension, and bradycardia may occur.", "bradycardia"),
        # a bracketed warning, a cross-reference and a state of life are no uses
        ("Severe pain (avoid in respiratory depression).", "respiratory depression"),
        ("For hepatotoxicity, see section 4.4.", "hepatotoxicity"),
        ("Migraine prophylaxis in adults, except in pregnancy.", "pregnancy"),
    ],
)
def test_a_finding_or_a_warning_beside_a_use_is_not_treated(
    tmp_path: Path, sentence: str, not_treated: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Indications")
    assert not_treated not in _objects(extraction, "treats")


def test_a_patients_allergy_in_a_leaflet_names_no_partner(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "Do not take it if you are allergic to aspirin.")
    assert _objects(extraction, "interacts_with") == set()


@pytest.mark.parametrize(
    ("sentence", "effect"),
    [
        ("Rarely, in patients with renal impairment, hyperkalaemia has occurred.", "hyperkalemia"),
        ("When used in patients with heart failure, oedema may develop.", "edema"),
    ],
)
def test_a_finding_after_an_opening_phrase_naming_patients_is_a_side_effect(
    tmp_path: Path, sentence: str, effect: str
) -> None:
    assert effect in _objects(_extract(tmp_path, sentence, heading="Warnings"), "has_side_effect")


@pytest.mark.parametrize(
    ("heading", "sentence", "relation", "wrong"),
    [
        # the antidote treats, under an overdosage heading
        (
            "10 OVERDOSAGE",
            "Treat hypotension with intravenous fluids and glucagon.",
            "treats",
            "hypotension",
        ),
        # a type the vocabulary cannot tell apart is no "diabetes mellitus"
        (
            "Indications and Usage",
            "It should not be used in patients with type 1 diabetes mellitus.",
            "contraindicated_in",
            "diabetes mellitus",
        ),
        # the drug's risk, advice and signs of toxicity in a list of cautions
        ("Cautions", "Elderly (risk of falls); epilepsy.", "caution_in", "fall"),
        ("Cautions", "Diarrhoea (withdraw treatment); epilepsy.", "caution_in", "diarrhea"),
    ],
)
def test_no_use_or_condition_where_the_text_names_none(
    tmp_path: Path, heading: str, sentence: str, relation: str, wrong: str
) -> None:
    assert wrong not in _objects(_extract(tmp_path, sentence, heading=heading), relation)


def test_bone_marrow_depression_is_myelosuppression_not_depression(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "It is contraindicated in bone-marrow depression.")
    assert _objects(extraction, "contraindicated_in") == {"myelosuppression"}


def test_what_a_withdrawal_causes_is_still_treated(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "It is used for the relief of tremor and hallucinosis caused by alcohol withdrawal.",
        heading="Uses",
    )
    assert "alcohol withdrawal" in _objects(extraction, "treats")


def test_what_the_drug_is_used_for_is_no_side_effect_of_the_same_sentence(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Prazosin, used to treat hypertension, may cause fainting with the first dose.",
        heading="Warnings",
    )
    assert "hypertension" not in _objects(extraction, "has_side_effect")


@pytest.mark.parametrize(
    ("heading", "sentence", "relation", "condition"),
    [
        (
            "Indications",
            "It is indicated for type 2 diabetes mellitus in adults.",
            "treats",
            "type ii diabetes mellitus",
        ),
        (
            "Indications",
            "It is used to treat type II diabetes.",
            "treats",
            "type ii diabetes mellitus",
        ),
        (
            "Contraindications",
            "Do not use it in patients with type 1 diabetes.",
            "contraindicated_in",
            "type i diabetes mellitus",
        ),
    ],
)
def test_the_type_of_diabetes_is_the_disease_named(
    tmp_path: Path, heading: str, sentence: str, relation: str, condition: str
) -> None:
    # a type in Arabic or Roman numerals names one disease, never the other type
    objects = _objects(_extract(tmp_path, sentence, heading=heading), relation)
    assert objects == {condition}


@pytest.mark.parametrize(
    ("sentence", "relation", "conditions"),
    [
        (
            "Do not take Clonazepam if you have ever had angioedema.",
            "contraindicated_in",
            {"angioedema"},
        ),
        (
            "Do not use it if you suffer from myasthenia gravis or sleep apnea.",
            "contraindicated_in",
            {"myasthenia gravis", "sleep apnea"},
        ),
        ("Take special care if you have kidney problems.", "caution_in", {"kidney disease"}),
        (
            "Talk to your doctor before taking it if you have diabetes or glaucoma.",
            "caution_in",
            {"diabetes mellitus", "glaucoma"},
        ),
    ],
)
def test_a_leaflets_advice_before_use_names_the_patients_conditions(
    tmp_path: Path, sentence: str, relation: str, conditions: set[str]
) -> None:
    extraction = _extract(tmp_path, sentence, heading="2. What you need to know before you take it")
    assert _objects(extraction, relation) == conditions
    assert not {
        c.obj.entity.label for c in extraction.claims if c.relation == "has_side_effect" and c.obj
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have severe diarrhoea, stop taking it and tell your doctor.",
        "Tell your doctor if you get a rash.",
    ],
)
def test_a_reaction_during_use_stays_a_side_effect(tmp_path: Path, sentence: str) -> None:
    extraction = _extract(tmp_path, sentence, heading="4. Possible side effects")
    assert not _objects(extraction, "contraindicated_in") | _objects(extraction, "caution_in")
    assert _objects(extraction, "has_side_effect")


def test_items_of_advice_before_use_name_conditions_not_side_effects(tmp_path: Path) -> None:
    path = tmp_path / "lisinopril.txt"
    path.write_text(
        "Lisinopril\n\nWhat you need to know before you take it\n\nDo not take Lisinopril:\n"
        "- if you have ever had an allergic reaction to another ACE inhibitor\n"
        "- if you are taking sacubitril/valsartan, a medicine used to treat heart failure in adults\n"
        "\nTalk to your doctor before taking Lisinopril:\n"
        "- if you have a narrowing of the kidney artery (renal artery stenosis)\n"
        "- if you have low blood pressure, which you may notice as dizziness when standing up\n",
        encoding="utf-8",
    )
    extraction = extract(read_document(path))
    assert _objects(extraction, "contraindicated_in") == {"allergic reaction"}
    assert "renal artery stenosis" in _objects(extraction, "caution_in")
    # the patient's conditions and their signs are no effects of lisinopril
    assert not _objects(extraction, "has_side_effect")


def test_a_consumer_pages_who_should_not_take_it_lists_contraindications(tmp_path: Path) -> None:
    path = tmp_path / "zolpidem.html"
    path.write_text(
        "<html><body><h1>Zolpidem</h1><h2>Who should not take zolpidem?</h2><ul>"
        "<li>People with sleep apnoea</li><li>People with myasthenia gravis</li>"
        "<li>Children under 18 years</li></ul></body></html>",
        encoding="utf-8",
    )
    extraction = extract(read_document(path))
    assert _objects(extraction, "contraindicated_in") == {
        "sleep apnea",
        "myasthenia gravis",
        "children",
    }
    assert not _objects(extraction, "has_side_effect")


@pytest.mark.parametrize(
    ("sentence", "uses"),
    [
        (
            "It remains a first-line maintenance treatment for bipolar disorder.",
            {"bipolar affective disorder"},
        ),
        (
            "Prophylaxis of manic-depressive psychosis in patients unresponsive to other drugs.",
            {"bipolar affective disorder"},
        ),
        (
            "It is indicated to reduce the risk of stroke in patients with atrial fibrillation.",
            {"stroke"},
        ),
        ("It is used after a heart attack (myocardial infarction).", {"myocardial infarction"}),
        (
            "It is sometimes used for polycystic ovary syndrome (PCOS).",
            {"polycystic ovary syndrome"},
        ),
    ],
)
def test_uses_as_monographs_word_them(tmp_path: Path, sentence: str, uses: set[str]) -> None:
    assert _objects(_extract(tmp_path, sentence, heading="Indications"), "treats") == uses


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("Use with caution in patients with Parkinson's disease.", "parkinson disease"),
        ("Use with caution in patients with Addison's disease.", "primary adrenal insufficiency"),
        ("Use with caution in patients with acute porphyria.", "porphyria"),
        ("Use with caution in patients with phaeochromocytoma.", "pheochromocytoma"),
        (
            "Use with caution in patients with prostatic hypertrophy.",
            "benign prostatic hyperplasia",
        ),
        (
            "Use with caution in patients with cardiac conduction disturbances.",
            "cardiac conduction abnormality",
        ),
    ],
)
def test_conditions_labels_name_by_eponym_or_british_spelling(
    tmp_path: Path, sentence: str, condition: str
) -> None:
    assert _objects(_extract(tmp_path, sentence), "caution_in") == {condition}


def test_the_cause_of_a_use_and_the_patients_it_is_for_are_no_uses(tmp_path: Path) -> None:
    sentence = (
        "It is used to treat kidney problems caused by type 2 diabetes in people with high "
        "blood pressure."
    )
    assert _objects(_extract(tmp_path, sentence, heading="Uses"), "treats") == {"kidney disease"}


def test_nerve_pain_is_a_use(tmp_path: Path) -> None:
    sentence = "It is used to treat nerve pain after shingles."
    assert _objects(_extract(tmp_path, sentence, heading="Uses"), "treats") == {"neuropathic pain"}


def test_a_take_care_if_you_have_heading_lists_cautions(tmp_path: Path) -> None:
    path = tmp_path / "quetiapine.html"
    path.write_text(
        "<html><body><h1>Quetiapine</h1><h2>Take care if you have</h2><ul>"
        "<li>low blood pressure</li><li>epilepsy</li></ul></body></html>",
        encoding="utf-8",
    )
    extraction = extract(read_document(path))
    assert _objects(extraction, "caution_in") == {"hypotension", "epilepsy"}
    assert not _objects(extraction, "contraindicated_in")
