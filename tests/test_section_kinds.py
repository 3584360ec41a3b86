"""Which kind of section a heading opens: a contraindications section lists no uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import SectionKinds, extract
from graph_builder.ingest import read_document
from graph_builder.model import Sentence, Span


def _under(heading: str) -> Sentence:
    return Sentence("It is used in X.", 0, 16, headings=(Span(heading, 0, len(heading)),))


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Contraindications", "precaution"),
        ("Contra-indications", "precaution"),
        ("Contraindications", "contraindication"),
        ("CONTRAINDICATIONS", "precaution"),
        ("4 CONTRAINDICATIONS", "precaution"),
        ("Indications and Usage", "indication"),
        ("1 INDICATIONS AND USAGE", "indication"),
        ("What is it indicated for?", "indication"),
        ("2. What you need to know before you take Lisinopril", "precaution"),
        ("Who should not take zolpidem?", "precaution"),
        ("Can I drink alcohol with lisinopril?", "interaction"),
        ("Other medicines and Lisinopril", "interaction"),
        ("How should I take lisinopril?", "dosage"),
        ("Uses", "indication"),
    ],
)
def test_heading_opens_its_kind_of_section(heading: str, kind: str) -> None:
    assert kind in SectionKinds().of(_under(heading))


@pytest.mark.parametrize(
    "heading", ["Contraindications", "4 CONTRAINDICATIONS", "Contra-indications"]
)
def test_a_contraindications_heading_is_no_indications_heading(heading: str) -> None:
    # "Contraindications" contains the letters of "indications": the drug treats none of them
    assert "indication" not in SectionKinds().of(_under(heading))


def test_a_contraindications_section_names_no_side_effects(tmp_path: Path) -> None:
    # the conditions a contraindications section lists are groups, not risks of the drug
    path = tmp_path / "clonazepam.txt"
    text = "Recent myocardial infarction, arrhythmias, mania and severe liver disease."
    path.write_text(f"Clonazepam\n\nContraindications\n\n{text}\n", encoding="utf-8")
    relations = {claim.relation for claim in extract(read_document(path)).claims}
    assert "has_side_effect" not in relations
    assert "treats" not in relations


def _claims(tmp_path: Path, text: str) -> set[tuple[str, str]]:
    path = tmp_path / "valproate.txt"
    path.write_text(text, encoding="utf-8")
    return {
        (claim.relation, claim.obj.entity.key)
        for claim in extract(read_document(path)).claims
        if claim.obj
    }


@pytest.mark.parametrize(
    "heading",
    ["Contraindications and Warnings", "Warnings, Precautions and Contraindications"],
)
def test_a_warning_under_a_heading_that_also_names_contraindications_stays(
    tmp_path: Path, heading: str
) -> None:
    text = f"Clozapine\n\n{heading}\n\nClozapine can cause agranulocytosis.\n"
    assert ("has_side_effect", "agranulocytosis") in _claims(tmp_path, text)


def test_a_stated_risk_in_a_contraindications_section_is_a_side_effect(tmp_path: Path) -> None:
    text = "Warfarin\n\nCONTRAINDICATIONS\n\nWarfarin may cause major bleeding.\n"
    assert ("has_side_effect", "hemorrhage") in _claims(tmp_path, text)


def test_warnings_after_the_contraindications_of_a_label_are_warnings(tmp_path: Path) -> None:
    # "5 WARNINGS AND PRECAUTIONS" has no text of its own: 5.1 must not inherit section 4
    text = (
        "Valproate\n\n4 CONTRAINDICATIONS\n\nValproate is contraindicated in severe hepatic "
        "impairment.\n\n5 WARNINGS AND PRECAUTIONS\n\n5.1 Hepatotoxicity\n\nHepatic failure "
        "has occurred in patients receiving valproate.\n"
    )
    assert ("has_side_effect", "hepatic-failure") in _claims(tmp_path, text)


def test_a_spaced_contra_indications_heading_lists_no_uses(tmp_path: Path) -> None:
    text = "Bupropion\n\nContra Indications\n\nIt is contraindicated in epilepsy.\n"
    assert ("treats", "epilepsy") not in _claims(tmp_path, text)


def test_conditions_under_sub_headings_of_contraindications_are_no_side_effects(
    tmp_path: Path,
) -> None:
    text = (
        "Lorazepam\n\n4 CONTRAINDICATIONS\n\nLorazepam is contraindicated in these patients."
        "\n\nGlaucoma\n\nAcute narrow-angle glaucoma.\n\nRespiratory Insufficiency\n\n"
        "Severe respiratory insufficiency. Sleep apnoea syndrome.\n"
    )
    assert not {pair for pair in _claims(tmp_path, text) if pair[0] == "has_side_effect"}


@pytest.mark.parametrize(
    "heading", ["Contraindications and Precautions", "Contraindications and Warnings"]
)
def test_a_bare_item_under_a_mixed_contraindications_heading_is_no_side_effect(
    tmp_path: Path, heading: str
) -> None:
    text = f"Lisinopril\n\n{heading}\n\nAnuria. Hereditary angioedema.\n"
    assert not {pair for pair in _claims(tmp_path, text) if pair[0] == "has_side_effect"}


def test_each_subsection_of_an_smpc_section_4_names_its_own_kind(tmp_path: Path) -> None:
    # section 4 ("Clinical particulars") has no heading of its own kind: 4.3 is no indication
    text = (
        "Lisinopril\n\n4.1 Therapeutic indications\n\nLisinopril is indicated for heart "
        "failure.\n\n4.3 Contraindications\n\nSevere hepatic impairment. Pregnancy.\n\n"
        "4.8 Undesirable effects\n\nDizziness and headache are common.\n"
    )
    found = _claims(tmp_path, text)
    assert {pair for pair in found if pair[0] == "treats"} == {("treats", "cardiac-failure")}
    assert {("has_side_effect", "dizziness"), ("has_side_effect", "headache")} <= found


def test_fda_subsections_under_empty_top_headings_keep_their_section(tmp_path: Path) -> None:
    text = (
        "Zolpidem\n\n2 DOSAGE AND ADMINISTRATION\n\n2.1 Recommended Dosage\n\nThe dose is 5 mg "
        "at bedtime.\n\n2.2 Dosage in Hepatic Impairment\n\nSevere hepatic impairment: 5 mg at "
        "bedtime.\n\n4 CONTRAINDICATIONS\n\nZolpidem is contraindicated after a complex sleep "
        "behavior.\n\n5 WARNINGS AND PRECAUTIONS\n\n5.1 Complex Sleep Behaviors\n\nSleep-walking "
        "has been reported.\n\n5.2 CNS Depressant Effects\n\nZolpidem can cause daytime "
        "drowsiness.\n"
    )
    found = _claims(tmp_path, text)
    assert ("has_side_effect", "drowsiness") in found
    assert ("has_side_effect", "liver-disease") not in found


def test_a_warning_after_an_unnumbered_contraindications_section_is_a_warning(
    tmp_path: Path,
) -> None:
    # "WARNINGS" has no text of its own: "Tardive Dyskinesia" follows "CONTRAINDICATIONS"
    text = (
        "Haloperidol\n\nCONTRAINDICATIONS\n\nParkinson's disease.\n\nWARNINGS\n\n"
        "Tardive Dyskinesia\n\nTardive dyskinesia may develop in patients treated with "
        "haloperidol.\n"
    )
    assert ("has_side_effect", "tardive-dyskinesia") in _claims(tmp_path, text)


def test_an_empty_numbered_heading_opens_its_section(tmp_path: Path) -> None:
    # no "4 CONTRAINDICATIONS" between: "5.x" follows the dosage subsections directly
    text = (
        "Zolpidem\n\n2 DOSAGE AND ADMINISTRATION\n\n2.1 Recommended Dosage\n\nThe dose is 5 mg "
        "at bedtime.\n\n5 WARNINGS AND PRECAUTIONS\n\n5.1 Complex Sleep Behaviors\n\n"
        "Sleep-walking may occur after a dose.\n\n5.2 CNS Depressant Effects\n\nZolpidem may "
        "cause daytime drowsiness.\n"
    )
    found = _claims(tmp_path, text)
    assert ("has_side_effect", "drowsiness") in found
    assert ("has_side_effect", "somnambulism") in found


def test_a_heading_without_text_is_remembered() -> None:
    sections = SectionKinds()
    assert "dosage" in sections.of(_under("2.1 Recommended Dosage"))
    sections.heading("5 WARNINGS AND PRECAUTIONS")
    kinds = sections.of(_under("5.2 CNS Depressant Effects"))
    assert "dosage" not in kinds
    assert "precaution" in kinds


def test_an_overdosage_section_lists_no_side_effects(tmp_path: Path) -> None:
    text = (
        "Zolpidem\n\n6 ADVERSE REACTIONS\n\nHeadache was common.\n\n10 OVERDOSAGE\n\n"
        "Overdosage may cause coma and respiratory depression.\n"
    )
    found = _claims(tmp_path, text)
    assert ("has_side_effect", "headache") in found
    assert ("has_side_effect", "coma") not in found
    assert ("has_side_effect", "respiratory-depression") not in found


def test_a_warning_about_the_risk_of_overdose_stays_a_warning(tmp_path: Path) -> None:
    text = (
        "Oxycodone\n\n5 WARNINGS AND PRECAUTIONS\n\n5.3 Risk of Overdose\n\n"
        "Oxycodone may cause life-threatening respiratory depression.\n"
    )
    assert ("has_side_effect", "respiratory-depression") in _claims(tmp_path, text)


def test_a_title_naming_uses_is_no_uses_section(tmp_path: Path) -> None:
    text = (
        "Amoxicillin: uses and dosage\n\nKidney problems\n\nUse with caution in patients with"
        " renal impairment.\n"
    )
    found = _claims(tmp_path, text)
    assert ("caution_in", "kidney-disease") in found
    assert not {pair for pair in found if pair[0] == "treats"}


def test_the_section_after_an_overdosage_section_lists_side_effects(tmp_path: Path) -> None:
    text = (
        "Quetiapine\n\n10 OVERDOSAGE\n\nOverdosage may cause coma.\n\n"
        "17 PATIENT COUNSELING INFORMATION\n\nQuetiapine may cause dizziness.\n"
    )
    found = _claims(tmp_path, text)
    assert ("has_side_effect", "dizziness") in found
    assert ("has_side_effect", "coma") not in found


def test_a_warning_about_overdose_is_a_warning(tmp_path: Path) -> None:
    text = (
        "Methadone\n\nWARNING: RISK OF ACCIDENTAL OVERDOSE\n\nMethadone may cause"
        " life-threatening respiratory depression.\n"
    )
    assert ("has_side_effect", "respiratory-depression") in _claims(tmp_path, text)


def test_a_terse_monograph_lists_uses_cautions_contraindications_and_side_effects(
    tmp_path: Path,
) -> None:
    text = (
        "Propranolol\n\nIndications: hypertension; angina.\n\n"
        "Cautions: first-degree heart block; pregnancy.\n\n"
        "Contra-indications: asthma; cardiogenic shock.\n\n"
        "Hepatic impairment: reduce the oral dose.\n\n"
        "Side-effects: bradycardia; fatigue; bronchospasm.\n"
    )
    found = _claims(tmp_path, text)
    assert {("treats", "hypertension"), ("treats", "angina-pectoris")} <= found
    assert ("caution_in", "pregnancy") in found
    assert {("contraindicated_in", "asthma"), ("contraindicated_in", "cardiogenic-shock")} <= found
    assert {("has_side_effect", "bradycardia"), ("has_side_effect", "fatigue")} <= found
    # a group of patients labelled, and the conditions listed, are no side effects
    assert not {p for p in found if p[0] == "has_side_effect"} & {
        ("has_side_effect", key) for key in ("liver-disease", "asthma", "cardiogenic-shock")
    }


def test_verbless_items_under_a_contraindications_heading_are_contraindications(
    tmp_path: Path,
) -> None:
    text = (
        "Warfarin\n\n4.3 Contraindications\n\nHaemorrhagic stroke.\n\nSevere hepatic impairment.\n"
    )
    found = _claims(tmp_path, text)
    assert ("contraindicated_in", "liver-disease") in found


def test_a_sub_heading_of_an_overdosage_section_is_overdose_too(tmp_path: Path) -> None:
    text = "Haloperidol\n\nOVERDOSAGE\n\nSigns and Symptoms\n\nComa and hypotension may occur.\n"
    assert not {p for p in _claims(tmp_path, text) if p[0] == "has_side_effect"}


def test_a_numbered_section_named_by_no_kind_inherits_none(tmp_path: Path) -> None:
    text = (
        "Haloperidol\n\n7 DRUG INTERACTIONS\n\nAlcohol adds to sedation.\n\n"
        "8 USE IN SPECIFIC POPULATIONS\n\n8.5 Geriatric Use\n\n"
        "Haloperidol may cause confusion in older patients.\n"
    )
    assert ("has_side_effect", "confusion") in _claims(tmp_path, text)
