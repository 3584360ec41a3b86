"""Advice against a use, and side effects told apart from the patient's conditions and risks.

A graph that reads "not usually recommended in pregnancy" as a denial tells a student the drug
is fine in pregnancy; one that reads a contraindications list as side effects tells them the
drug causes heart block. Each rule here has its counter-example.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.adverse import is_risk_factor
from graph_builder.extract import Extraction, extract
from graph_builder.extract.context import SectionKinds
from graph_builder.extract.effects import outcome_of_another
from graph_builder.ingest import read_document


def _extract(tmp_path: Path, body: str, heading: str = "", title: str = "Sertraline") -> Extraction:
    """Extract a short monograph: a title, an optional heading, then the body."""
    path = tmp_path / "doc.txt"
    under = f"{heading}\n\n" if heading else ""
    path.write_text(f"{title}\n\n{under}{body}\n", encoding="utf-8")
    return extract(read_document(path))


def _objects(extraction: Extraction, relation: str, *, negated: bool = False) -> set[str]:
    return {
        c.obj.entity.label
        for c in extraction.claims
        if c.relation == relation and c.obj is not None and c.negated == negated
    }


# 1. "not usually recommended": advice against the use, hedged, never a denial


@pytest.mark.parametrize("heading", ["", "Who should not take sertraline?"])
@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Sertraline is not usually recommended in pregnancy, but ask your doctor.", "usually"),
        ("It is not generally recommended during pregnancy.", "generally"),
        ("Sertraline should not usually be recommended in pregnancy.", "usually"),
    ],
)
def test_advice_against_a_use_with_a_hedge_is_no_denial(
    tmp_path: Path, heading: str, sentence: str, hedge: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading)
    claims = [c for c in extraction.claims if c.relation == "contraindicated_in"]
    assert claims and all(not c.negated for c in claims)
    assert all(hedge in (c.hedge or "") for c in claims)
    warnings = [c for c in extraction.claims if c.relation == "pregnancy_warning"]
    assert warnings and not any(c.negated for c in warnings)


def test_a_denied_contraindication_stays_denied(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "Sertraline is not usually contraindicated in pregnancy.")
    assert "pregnancy" in _objects(extraction, "contraindicated_in", negated=True)
    assert "pregnancy" not in _objects(extraction, "contraindicated_in")


# 2. "Talk to your doctor first if you have A, B or C": a caution for every item


@pytest.mark.parametrize("heading", ["", "Who should not take sertraline?"])
def test_asking_the_doctor_first_is_a_caution_for_each_listed_condition(
    tmp_path: Path, heading: str
) -> None:
    extraction = _extract(
        tmp_path,
        "Speak to your pharmacist first if you have asthma, glaucoma or epilepsy.",
        heading,
    )
    assert {"asthma", "glaucoma", "epilepsy"} <= _objects(extraction, "caution_in")
    assert not _objects(extraction, "contraindicated_in")


def test_asking_the_doctor_first_before_stopping_names_no_condition(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "If you want to stop taking it, talk to your doctor first.")
    assert not _objects(extraction, "caution_in")


def test_a_condition_after_use_is_no_risk_factor() -> None:
    text = "If you have diarrhoea, vomiting or a rash, stop taking it."
    assert not is_risk_factor(text, text.index("vomiting"))
    advice = "Talk to your doctor first if you have diarrhoea, vomiting or a rash."
    assert is_risk_factor(advice, advice.index("vomiting"))


# 3. a contraindications list names the patient's conditions, never side effects


def test_a_contraindications_list_holds_no_side_effects(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Sick sinus syndrome; atrial flutter associated with an accessory pathway; heart block.",
        "CONTRA-INDICATIONS",
        title="Verapamil",
    )
    assert "sick sinus syndrome" in _objects(extraction, "contraindicated_in")
    assert not _objects(extraction, "has_side_effect")


def test_a_contraindications_clause_with_a_verb_still_names_the_harm(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "It must not be given in heart block because it may cause ventricular fibrillation.",
        "CONTRA-INDICATIONS",
        title="Verapamil",
    )
    assert "ventricular fibrillation" in _objects(extraction, "has_side_effect")


# 4. an outcome said of an effect, a risk factor, an overdose label: no effects of their own


def test_an_outcome_said_of_an_effect_is_no_effect_of_its_own(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Its main hazard is haemorrhage, which may prove fatal.", "Adverse reactions"
    )
    assert "death" not in _objects(extraction, "has_side_effect")
    assert "hemorrhage" in _objects(extraction, "has_side_effect")


def test_a_fatal_outcome_reported_as_such_is_still_read() -> None:
    text = "Deaths and fatal outcomes have been reported."
    assert not outcome_of_another(text, text.index("fatal"), "fatal")
    reported = "Two of these bleeds were fatal."
    assert not outcome_of_another(reported, reported.index("fatal"), "fatal")
    said = "Liver failure can be lethal."
    assert outcome_of_another(said, said.index("lethal"), "lethal")


def test_what_makes_toxicity_worse_is_a_risk_factor(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Its toxicity is worsened by hypokalaemia or hypercalcaemia.", "Side effects"
    )
    assert not _objects(extraction, "has_side_effect")
    text = "Hypokalaemia is worsened by the drug."
    assert not is_risk_factor(text, 0)


def test_an_overdose_label_runs_in_no_side_effects(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Common: headache.\nOverdose: toxicity brings on confusion and heart block.",
        "SIDE-EFFECTS",
        title="Lithium",
    )
    effects = _objects(extraction, "has_side_effect")
    assert "headache" in effects
    assert "overdose" not in effects and "confusion" not in effects


# 5. a rate limit names no group; another medicine's use is not this one's contraindication


def test_a_limit_on_the_infusion_rate_prohibits_no_group(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "It should not be injected faster than 2 mg a minute in adults.", title="Diazepam"
    )
    assert not _objects(extraction, "contraindicated_in")


def test_a_prohibition_for_a_group_is_still_read(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "It should not be given to adults with heart block.")
    assert "heart block" in _objects(extraction, "contraindicated_in")


def test_the_use_of_another_medicine_is_not_a_contraindication(tmp_path: Path) -> None:
    path = tmp_path / "simvastatin.md"
    path.write_text(
        "# Simvastatin\n\n## Before you take it\n\nDo not take simvastatin if you:\n"
        "- have active liver disease\n"
        "- take a mixture of elbasvir and grazoprevir for hepatitis C\n",
        encoding="utf-8",
    )
    extraction = extract(read_document(path))
    contraindications = _objects(extraction, "contraindicated_in")
    assert "liver disease" in contraindications
    assert "hepatitis" not in contraindications and "hepatitis c" not in contraindications


# 6. the prose of a review names side effects with its own verbs


def test_an_abstract_takes_no_kind_from_the_title_above_it() -> None:
    from graph_builder.model import Sentence, Span

    kinds = SectionKinds()
    title = "Lithium and drug interactions: a review"
    under_title = Sentence("a review", 40, 48, headings=(Span(title, 0, 39),))
    assert "interaction" in kinds.of(under_title)
    later = Sentence("Lithium may cause tremor.", 70, 95, headings=(Span("Abstract", 60, 68),))
    assert kinds.of(later) == frozenset()


def test_a_plain_sub_heading_still_sits_in_the_section_before_it() -> None:
    from graph_builder.model import Sentence, Span

    kinds = SectionKinds()
    first = Sentence("Avoid alcohol.", 20, 34, headings=(Span("Drug interactions", 0, 17),))
    assert "interaction" in kinds.of(first)
    later = Sentence("It adds to sedation.", 50, 70, headings=(Span("Alcohol", 40, 47),))
    assert "interaction" in kinds.of(later)


def test_review_prose_names_side_effects(tmp_path: Path) -> None:
    body = (
        "Abstract\n\nLithium toxicity manifests as coarse tremor and ataxia. "
        "Serious reactions include nephrogenic diabetes insipidus."
    )
    extraction = _extract(tmp_path, body, title="Lithium and its drug interactions:\na review")
    assert {"ataxia", "nephrogenic diabetes insipidus"} <= _objects(extraction, "has_side_effect")


def test_a_patient_presenting_with_a_disease_names_no_side_effect(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "Patients presenting with mania were given lithium.")
    assert not _objects(extraction, "has_side_effect")
