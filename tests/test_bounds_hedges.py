"""Dose bounds, the scope of hedges, and cautions that allow an exception, read as pharmacology."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from graph_builder.dosing import parse_dose
from graph_builder.extract import extract
from graph_builder.extract.context import clauses, scoped_hedges
from graph_builder.ingest import read_document
from graph_builder.model import Claim
from graph_builder.rdf import to_rdf
from graph_builder.vocabulary import DKG, SCHEMA


@pytest.mark.parametrize(
    ("sentence", "low", "high", "comparator"),
    [
        ("Doses above 30 mg per day should be given only in a clinic.", "30", None, "gt"),
        ("Exceeding 2 g daily risks liver damage.", "2", None, "gt"),
        ("Give greater than 5 mg per dose only in hospital.", "5", None, "gt"),
        ("Adults need at least 1 mg a day.", "1", None, "ge"),
        ("Take not less than 50 mg daily.", "50", None, "ge"),
        ("Children may take up to 6 mg per day.", None, "6", "le"),
        ("Use no more than 3 mg per dose.", None, "3", "le"),
        ("The daily dose should not exceed 40 mg.", None, "40", "le"),
        ("Give at most 8 mg per day.", None, "8", "le"),
        ("Elderly patients should receive less than 2 mg per day.", None, "2", "lt"),
        # counter-examples: a plain amount or a range is the dose itself, no bound
        ("The usual dose is 5 mg twice daily.", "5", "5", None),
        ("Give 2-4 mg per day in divided doses.", "2", "4", None),
        ("Over two weeks, 10 mg per day is given.", "10", "10", None),
    ],
)
def test_a_comparator_makes_the_amount_a_bound(
    sentence: str, low: str | None, high: str | None, comparator: str | None
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.value_min, dose.value_max, dose.comparator) == (low, high, comparator)


def test_a_lower_bound_is_no_maximum() -> None:
    dose = parse_dose("Doses greater than 4 mg per day exceed the maximum.")
    assert dose is not None and dose.kind != "maximum"
    hospital = parse_dose("Above 12 mg per day it is used only in hospital.")
    assert hospital is not None and hospital.kind == "hospital-threshold"
    assert parse_dose("12 mg per day is used only in hospital.").kind != "hospital-threshold"  # type: ignore[union-attr]


def _graph(tmp_path: Path, text: str) -> tuple[Graph, tuple[Claim, ...]]:
    path = tmp_path / "diazepam.txt"
    path.write_text(f"Diazepam\n\n{text}\n", encoding="utf-8")
    extraction = extract(read_document(path))
    return to_rdf([extraction], {}), extraction.claims


def test_a_lower_bound_dose_node_has_a_minimum_and_no_maximum(tmp_path: Path) -> None:
    graph, _ = _graph(tmp_path, "Diazepam above 60 mg per day is given only in hospital.")
    (node,) = list(graph.subjects(RDF.type, SCHEMA.DoseSchedule))
    assert graph.value(node, DKG.doseComparator) == DKG.MoreThan
    assert Decimal(str(graph.value(node, DKG.doseValueMin))) == Decimal("60")
    assert graph.value(node, DKG.doseValueMax) is None
    assert graph.value(node, DKG.scheduleKind) == DKG.HospitalOnlyDose


def test_an_upper_bound_dose_node_has_a_maximum_and_no_minimum(tmp_path: Path) -> None:
    graph, _ = _graph(tmp_path, "The dose of diazepam can be raised up to 30 mg per day.")
    (node,) = list(graph.subjects(RDF.type, SCHEMA.MaximumDoseSchedule))
    assert graph.value(node, DKG.doseComparator) == DKG.AtMost
    assert Decimal(str(graph.value(node, DKG.doseValueMax))) == Decimal("30")
    assert graph.value(node, DKG.doseValueMin) is None


# ---------------------------------------------------------------- hedges


def test_clauses_split_at_contrast_and_consequence() -> None:
    text = "It calms, but it is rarely given; so it waits."
    assert [text[a:b] for a, b in clauses(text)] == [
        "It calms, ",
        "but it is rarely given",
        "; so it waits.",
    ]
    # a fronted concession runs on into its main clause; an item label joins the first clause
    fronted = "Insomnia: Though not first-line, it helps with insomnia."
    assert len(clauses(fronted)) == 1


@pytest.mark.parametrize(
    ("sentence", "word", "hedge"),
    [
        ("Rarely, patients may develop jaundice.", "jaundice", "Rarely; may"),
        ("In some patients it causes hiccups.", "hiccups", "In some patients"),
        ("Occasionally it worsens asthma.", "asthma", "Occasionally"),
        ("Insomnia: Though not first-line, it helps with insomnia.", "insomnia", "not first-line"),
        # a hedge in another clause qualifies that clause only
        ("It relieves migraine, although it is usually kept for short courses.", "migraine", None),
        ("It eases nausea and is often combined with fluids.", "nausea", None),
        # focus words are no hedges; "certain" qualifies only the noun it determines
        ("It eases insomnia and certain types of headache.", "insomnia", None),
        ("It eases insomnia and certain types of headache.", "headache", "certain types of"),
        ("Certain antacids can interact with it.", "antacids", "Certain"),
        ("It raises serotonin, particularly in the gut.", "serotonin", None),
        ("It sedates, especially in the elderly.", "sedates", None),
        # one plain statement of the claim outweighs a hedged one in another clause
        ("Alcohol may add to drowsiness, so alcohol is strictly forbidden.", "Alcohol", None),
    ],
)
def test_a_hedge_qualifies_only_its_own_clause(sentence: str, word: str, hedge: str | None) -> None:
    lower = sentence.lower()
    positions = [i for i in range(len(sentence)) if lower.startswith(word.lower(), i)]
    assert scoped_hedges(sentence, positions) == hedge


def _hedges(claims: tuple[Claim, ...], relation: str) -> dict[str, str | None]:
    return {c.obj.entity.label: c.hedge for c in claims if c.relation == relation and c.obj}


def test_a_treatment_keeps_only_its_own_hedge(tmp_path: Path) -> None:
    _, claims = _graph(
        tmp_path,
        "Diazepam is used to treat anxiety disorders, although it is generally prescribed "
        "for short periods.",
    )
    assert _hedges(claims, "treats") == {"anxiety disorder": None}


def test_a_contraindicated_interaction_is_not_hedged(tmp_path: Path) -> None:
    _, claims = _graph(
        tmp_path,
        "Alcohol may deepen the sedation, and therefore drinking alcohol during treatment "
        "with diazepam is contraindicated.",
    )
    assert _hedges(claims, "interacts_with").get("ethanol") is None
    _, hedged = _graph(tmp_path, "Diazepam may interact with alcohol.")
    assert _hedges(hedged, "interacts_with").get("ethanol") == "may"


# ---------------------------------------------------------------- cautions with an exception


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("Breast-feeding is generally not recommended unless judged essential.", "caution_in"),
        ("Lactation should be avoided except when the benefits outweigh the risks.", "caution_in"),
        ("Diazepam must not be used while breastfeeding.", "contraindicated_in"),
        ("It is contraindicated in nursing mothers.", "contraindicated_in"),
        ("Breastfeeding is not recommended.", "contraindicated_in"),
    ],
)
def test_breastfeeding_advice_with_an_exception_is_a_caution(
    tmp_path: Path, sentence: str, relation: str
) -> None:
    _, claims = _graph(tmp_path, sentence)
    found = {
        c.relation
        for c in claims
        if c.obj is not None and c.obj.entity.key == "breastfeeding" and not c.negated
    }
    assert found == {relation}
