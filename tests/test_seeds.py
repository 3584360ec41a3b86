"""The golden test: what the two Klonopin pages say is in the graph, with its evidence."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from graph_builder.vocabulary import BIOLINK, DKG, SCHEMA

from .conftest import SEED_DIR
from .constants import (
    ABSENCE_SEIZURE,
    AFFECTS,
    ANTIDEPRESSANTS,
    ANTIEPILEPTICS,
    ANXIETY,
    BENZODIAZEPINES,
    BINDS,
    BREASTFEEDING,
    CAUTION_IN,
    CHLORIDE_CHANNEL_OPENING,
    CLONAZEPAM,
    CNS_DEPRESSANTS,
    CONTRAINDICATED_IN,
    DKGID,
    EPILEPSY,
    ETHANOL,
    GABA,
    GABA_A_RECEPTOR,
    GAD,
    GENERALIZED_EPILEPSY,
    HAS_EFFECT,
    HAS_SIDE_EFFECT,
    HAS_SYMPTOM,
    INTERACTS_WITH,
    MEMBER_OF,
    MYOCLONIC_SEIZURE,
    OPIOIDS,
    PANIC_DISORDER,
    PREGNANCY,
    RESPIRATORY_DEPRESSION,
    RLS,
    SEIZURE,
    SEIZURE_DISORDER,
    SEVERE_SEDATION,
    TREATS,
    WITHDRAWAL,
)

PAGE_ONE = "000_6ad2f710c00707a1.txt"
PAGE_TWO = "003_24c6c82f160b80c4.txt"
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in SEED_DIR.glob("*.txt")}


def evidence(graph: Graph, s: URIRef, p: URIRef, o: URIRef) -> list[tuple[str, str]]:
    """(source file, sentence) of every extracted statement of ``s p o``."""
    found = []
    for statement in graph.subjects(RDF.subject, s):
        if (statement, RDF.predicate, p) in graph and (statement, RDF.object, o) in graph:
            doc = graph.value(statement, PROV.wasDerivedFrom)
            text = graph.value(statement, BIOLINK.supporting_text)
            if doc is not None and text is not None:
                found.append((str(graph.value(doc, DCTERMS.source)), str(text)))
    return found


STATED = [
    # class and names
    (CLONAZEPAM, MEMBER_OF, BENZODIAZEPINES, PAGE_ONE),
    (CLONAZEPAM, MEMBER_OF, BENZODIAZEPINES, PAGE_TWO),
    # mechanism
    (CLONAZEPAM, BINDS, GABA_A_RECEPTOR, PAGE_ONE),
    (CLONAZEPAM, AFFECTS, GABA, PAGE_ONE),
    (CLONAZEPAM, AFFECTS, GABA, PAGE_TWO),
    (CLONAZEPAM, AFFECTS, CHLORIDE_CHANNEL_OPENING, PAGE_ONE),
    (CLONAZEPAM, HAS_EFFECT, DKGID["sedative"], PAGE_ONE),
    (CLONAZEPAM, HAS_EFFECT, DKGID["anxiolytic"], PAGE_ONE),
    (CLONAZEPAM, HAS_EFFECT, DKGID["anticonvulsant"], PAGE_ONE),
    (CLONAZEPAM, HAS_EFFECT, DKGID["anticonvulsant"], PAGE_TWO),
    (CLONAZEPAM, HAS_EFFECT, DKGID["muscle-relaxant"], PAGE_TWO),
    # indications
    (CLONAZEPAM, TREATS, PANIC_DISORDER, PAGE_ONE),
    (CLONAZEPAM, TREATS, GAD, PAGE_ONE),
    (CLONAZEPAM, TREATS, SEIZURE_DISORDER, PAGE_ONE),
    (CLONAZEPAM, TREATS, EPILEPSY, PAGE_ONE),
    (CLONAZEPAM, TREATS, ABSENCE_SEIZURE, PAGE_ONE),
    (CLONAZEPAM, TREATS, MYOCLONIC_SEIZURE, PAGE_ONE),
    (CLONAZEPAM, TREATS, RLS, PAGE_ONE),
    (CLONAZEPAM, TREATS, GENERALIZED_EPILEPSY, PAGE_TWO),
    (CLONAZEPAM, TREATS, PANIC_DISORDER, PAGE_TWO),
    # side effects, as the pages group them
    *[
        (CLONAZEPAM, HAS_SIDE_EFFECT, DKGID[k], PAGE_ONE)
        for k in (
            "drowsiness",
            "sedation",
            "dizziness",
            "fatigue",
            "incoordination",
            "respiratory-depression",
            "allergic-reaction",
            "rash",
            "pruritus",
            "face-throat-swelling",
            "mood-changes",
            "depression",
            "suicidal-ideation",
            "dependence",
            "tolerance",
            "withdrawal",
            "memory-impairment",
            "impaired-concentration",
            "confusion",
        )
    ],
    *[
        (CLONAZEPAM, HAS_SIDE_EFFECT, DKGID[k], PAGE_TWO)
        for k in (
            "incoordination",
            "confusion",
            "drowsiness",
            "muscle-weakness",
            "nausea",
            "dizziness",
            "dyspepsia",
            "hypotension",
        )
    ],
    # withdrawal symptoms belong to withdrawal
    *[
        (WITHDRAWAL, HAS_SYMPTOM, DKGID[k], PAGE_ONE)
        for k in ("anxiety", "agitation", "tremor", "seizure")
    ],
    # interactions, both directions
    *[
        (CLONAZEPAM, INTERACTS_WITH, o, PAGE_ONE)
        for o in (
            ETHANOL,
            OPIOIDS,
            BENZODIAZEPINES,
            CNS_DEPRESSANTS,
            ANTIDEPRESSANTS,
            ANTIEPILEPTICS,
        )
    ],
    *[(o, INTERACTS_WITH, CLONAZEPAM, PAGE_ONE) for o in (ETHANOL, OPIOIDS, ANTIDEPRESSANTS)],
    (CLONAZEPAM, INTERACTS_WITH, ETHANOL, PAGE_TWO),
    # precautions and contraindications
    *[
        (CLONAZEPAM, CAUTION_IN, DKGID[k], PAGE_ONE)
        for k in (
            "liver-disease",
            "kidney-disease",
            "respiratory-disease",
            "older-adults",
            "pregnancy",
        )
    ],
    # "generally not recommended unless deemed essential" allows use: a caution (this was
    # wrongly expected as a contraindication before)
    (CLONAZEPAM, CAUTION_IN, BREASTFEEDING, PAGE_ONE),
    (CLONAZEPAM, CONTRAINDICATED_IN, PREGNANCY, PAGE_TWO),
    (CLONAZEPAM, CONTRAINDICATED_IN, BREASTFEEDING, PAGE_TWO),
    (CLONAZEPAM, DKG.passesInto, DKGID["placenta"], PAGE_TWO),
    (CLONAZEPAM, DKG.passesInto, DKGID["breast-milk"], PAGE_ONE),
    (CLONAZEPAM, SCHEMA.pregnancyCategory, SCHEMA.FDAcategoryD, PAGE_ONE),
]


@pytest.mark.parametrize(
    ("s", "p", "o", "source"),
    STATED,
    ids=[
        f"{s.split('/')[-1]} {p.split('/')[-1].split('#')[-1]} {o.split('/')[-1]} ({src[:3]})"
        for s, p, o, src in STATED
    ],
)
def test_stated_with_verbatim_evidence(
    seed_graph: Graph, s: URIRef, p: URIRef, o: URIRef, source: str
) -> None:
    assert (s, p, o) in seed_graph
    sides = [text for src, text in evidence(seed_graph, s, p, o) if src == source]
    assert sides, f"no evidence from {source}"
    assert all(text in TEXTS[source] for text in sides)


@pytest.mark.parametrize(
    ("o",),
    [
        (SEIZURE,),
        (ANXIETY,),
        (DKGID["agitation"],),
        (DKGID["tremor"],),
        (EPILEPSY,),
        (PANIC_DISORDER,),
    ],
    ids=["seizures", "anxiety", "agitation", "tremors", "epilepsy", "panic"],
)
def test_withdrawal_symptoms_and_indications_are_not_side_effects(
    seed_graph: Graph, o: URIRef
) -> None:
    assert (CLONAZEPAM, HAS_SIDE_EFFECT, o) not in seed_graph


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (ETHANOL, CNS_DEPRESSANTS),
        (OPIOIDS, CNS_DEPRESSANTS),
        (ETHANOL, OPIOIDS),
        (ETHANOL, BENZODIAZEPINES),
    ],
    ids=[
        "alcohol-is-a-cns-depressant",
        "opioids-are-cns-depressants",
        "listed-together",
        "listed-together-2",
    ],
)
def test_examples_and_list_neighbours_are_not_interactions(
    seed_graph: Graph, a: URIRef, b: URIRef
) -> None:
    """'other CNS depressants like alcohol or opioids' names members, not an interaction."""
    stated = [
        st
        for st in seed_graph.subjects(RDF.subject, a)
        if (st, RDF.predicate, INTERACTS_WITH) in seed_graph
        and (st, RDF.object, b) in seed_graph
        and (st, BIOLINK.supporting_text, None) in seed_graph
    ]
    assert stated == []


def test_conditions_that_come_back_are_rebound_not_withdrawal_symptoms(seed_graph: Graph) -> None:
    """'An abrupt termination may cause the increase of the symptoms of epilepsy and panic attacks.'"""
    for condition in (EPILEPSY, PANIC_DISORDER):
        assert (WITHDRAWAL, HAS_SYMPTOM, condition) not in seed_graph
        assert (CLONAZEPAM, DKG.worsensOnAbruptWithdrawal, condition) in seed_graph
    labels = {str(o) for o in seed_graph.objects(WITHDRAWAL, SKOS.altLabel)}
    assert not any("termination" in label or "discontinuation" in label for label in labels)


def test_the_sentence_subject_is_no_side_effect(seed_graph: Graph) -> None:
    """'Using Klonopin may cause incoordination, ...': "Using Klonopin" is the cause."""
    labels = {
        str(seed_graph.value(o, RDFS.label))
        for o in seed_graph.objects(CLONAZEPAM, HAS_SIDE_EFFECT)
    }
    assert not any("klonopin" in label.lower() or "using" in label.lower() for label in labels)


def test_what_alcohol_causes_is_no_side_effect_of_clonazepam(seed_graph: Graph) -> None:
    """'Even a little of alcohol may cause a severe inhibition of the CNS': alcohol's doing."""
    assert (CLONAZEPAM, HAS_SIDE_EFFECT, DKGID["cns-depression"]) not in seed_graph


def test_no_boilerplate_and_nothing_unsaid(seed_graph: Graph) -> None:
    for text in seed_graph.objects(None, BIOLINK.supporting_text):
        assert "Toll Free" not in text and "Chat Online" not in text
    assert (CLONAZEPAM, TREATS, PREGNANCY) not in seed_graph
    assert (CLONAZEPAM, TREATS, BREASTFEEDING) not in seed_graph


def test_interaction_nodes_name_their_consequences(seed_graph: Graph) -> None:
    consequences = {
        (participant, consequence)
        for node in seed_graph.subjects(RDF.type, DKG.DrugInteraction)
        for participant in seed_graph.objects(node, DKG.participant)
        for consequence in seed_graph.objects(node, DKG.hasConsequence)
    }
    assert (ETHANOL, RESPIRATORY_DEPRESSION) in consequences
    assert (OPIOIDS, SEVERE_SEDATION) in consequences
    assert (ANTIEPILEPTICS, DKGID["altered-metabolism"]) in consequences
    assert (ANTIDEPRESSANTS, DKGID["altered-efficacy"]) in consequences


def test_brand_and_generic_are_one_entity(seed_graph: Graph) -> None:
    assert seed_graph.value(CLONAZEPAM, RDFS.label) == Literal("clonazepam")
    assert Literal("Klonopin") in set(seed_graph.objects(CLONAZEPAM, SKOS.altLabel))
    assert Literal("Klonopin") in set(seed_graph.objects(CLONAZEPAM, DKG.brandName))
    assert (ETHANOL, SKOS.altLabel, Literal("alcohol")) in seed_graph


def doses(graph: Graph, indication: URIRef | None = None) -> list[dict[str, object]]:
    rows = []
    for predicate in (SCHEMA.doseSchedule, SCHEMA.maximumIntake):
        for node in graph.objects(CLONAZEPAM, predicate):
            row = {
                "kind": str(graph.value(node, DKG.scheduleKind)).split("#")[-1],
                "value": graph.value(node, SCHEMA.doseValue),
                "min": graph.value(node, DKG.doseValueMin),
                "basis": str(graph.value(node, DKG.doseBasis)).split("#")[-1],
                "indication": graph.value(node, DKG.forIndication),
                "population": graph.value(node, SCHEMA.targetPopulation),
                "frequency": graph.value(node, SCHEMA.frequency),
                "divided": graph.value(node, DKG.dividedInto),
                "setting": graph.value(node, DKG.setting),
                "max_months": graph.value(node, DKG.maxDurationMonths),
                "duration": graph.value(node, DKG.duration),
            }
            if indication is None or row["indication"] == indication:
                rows.append(row)
    return rows


def value(row: dict[str, object]) -> Decimal | None:
    v = row["value"]
    return Decimal(str(v)) if v is not None else None


def test_panic_disorder_doses_initial_and_maximum(seed_graph: Graph) -> None:
    rows = doses(seed_graph, PANIC_DISORDER)
    initial = [r for r in rows if r["kind"] == "InitialDose"]
    maximum = sorted(value(r) for r in rows if r["kind"] == "MaximumDose")
    assert [(value(r), r["basis"], str(r["frequency"])) for r in initial] == [
        (Decimal("0.25"), "PerDose", "twice daily")
    ]
    assert maximum == [Decimal("4"), Decimal("20")]  # the two pages disagree


def test_seizure_doses_for_adults(seed_graph: Graph) -> None:
    rows = doses(seed_graph, SEIZURE_DISORDER)
    initial = next(r for r in rows if r["kind"] == "InitialDose")
    assert value(initial) == Decimal("1.5") and initial["basis"] == "PerDay"
    assert str(initial["population"]) == "adults" and int(str(initial["divided"])) == 3
    assert [value(r) for r in rows if r["kind"] == "MaximumDose"] == [Decimal("20")]


def test_second_page_ranges_bands_and_limits(seed_graph: Graph) -> None:
    rows = doses(seed_graph)
    ranges = {
        (Decimal(str(r["min"])), value(r), str(r["population"]))
        for r in rows
        if r["min"] is not None
    }
    assert (Decimal("4"), Decimal("8"), "None") in ranges
    assert (Decimal("0.1"), Decimal("1"), "Infants and children under 1 year") in ranges
    assert (Decimal("1.5"), Decimal("3"), "Children at the age of 1 to 5") in ranges
    assert (Decimal("3"), Decimal("6"), "Children at the age of 6 to 15") in ranges
    assert any(
        r["kind"] == "HospitalOnlyDose"
        and value(r) == Decimal("10")
        and str(r["setting"]) == "hospital"
        for r in rows
    )
    assert any(str(r["max_months"]) == "3" for r in rows)
    assert any(str(r["duration"]) == "2-3 months" for r in rows)


def test_administration_instructions(seed_graph: Graph) -> None:
    instructions = {str(o) for o in seed_graph.objects(CLONAZEPAM, DKG.administrationInstruction)}
    assert "taper the dose gradually" in instructions
    assert "between meals and with water only" in instructions
    assert "Do not terminate the treatment abruptly" in instructions


def test_hedges_stay_on_the_evidence(seed_graph: Graph) -> None:
    hedges = {
        str(seed_graph.value(st, DKG.hedge))
        for st in seed_graph.subjects(RDF.object, RLS)
        if (st, RDF.predicate, TREATS) in seed_graph
    }
    assert any("not the first-line treatment" in h for h in hedges)
    rare = [st for st in seed_graph.subjects(RDF.object, DKGID["allergic-reaction"])]
    assert any("Rarely" in str(seed_graph.value(st, DKG.hedge)) for st in rare)


def test_side_effect_groups(seed_graph: Graph) -> None:
    groups = {
        (
            str(seed_graph.value(st, RDF.object)).split("/")[-1],
            str(seed_graph.value(st, DKG.sideEffectGroup)),
        )
        for st in seed_graph.subjects(RDF.predicate, HAS_SIDE_EFFECT)
    }
    assert ("drowsiness", "common") in groups
    assert ("respiratory-depression", "serious") in groups
    assert ("tolerance", "dependence") in groups
    assert ("confusion", "cognitive") in groups


def test_the_disagreements_are_recorded(seed_build) -> None:
    # Page one allows pregnancy and breastfeeding with caution ("unless deemed essential"),
    # page two contraindicates both: two use-in-condition conflicts (breastfeeding was
    # wrongly read as a contraindication on page one before, hiding the second).
    kinds = sorted(c.kind for c in seed_build.conflicts)
    assert kinds == ["maximum-dose", "mechanism", "use-in-condition", "use-in-condition"]
    conditions = sorted(
        c.description.split(" in ")[1].split(":")[0]
        for c in seed_build.conflicts
        if c.kind == "use-in-condition"
    )
    assert conditions == ["breastfeeding", "pregnancy"]
    graph = seed_build.graph
    nodes = list(graph.subjects(RDF.type, DKG.SourceConflict))
    assert len(nodes) == 4
    for node in nodes:
        sources = {
            str(graph.value(graph.value(st, PROV.wasDerivedFrom), DCTERMS.source))
            for st in graph.objects(node, DKG.conflictingStatement)
        }
        assert sources == {PAGE_ONE, PAGE_TWO}


def test_synthesis_claim_is_attributed_to_the_second_page(seed_graph: Graph) -> None:
    aspects = {
        (src, str(seed_graph.value(st, DKG.aspect)))
        for st in seed_graph.subjects(RDF.object, GABA)
        for src in [
            str(seed_graph.value(seed_graph.value(st, PROV.wasDerivedFrom), DCTERMS.source))
        ]
    }
    assert (PAGE_TWO, "synthesis") in aspects
    assert (PAGE_ONE, "effect") in aspects
    assert (PAGE_ONE, "synthesis") not in aspects


@pytest.mark.parametrize("partner", [ETHANOL, OPIOIDS], ids=["alcohol", "opioids"])
def test_examples_of_the_depressants_named_in_a_warning_interact_too(
    seed_graph: Graph, partner: URIRef
) -> None:
    # "... in combination with other central nervous system depressants like alcohol or
    # opioids": the examples share the class's interaction, from the same sentence.
    sentences = [s for _, s in evidence(seed_graph, CLONAZEPAM, INTERACTS_WITH, partner)]
    assert any("Respiratory Depression" in s for s in sentences), sentences
