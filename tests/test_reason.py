"""The reason stage: class membership and class-level interactions, each marked as inferred."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from graph_builder import build_graph
from graph_builder.reason import RULES, read_taxonomy, reason
from graph_builder.validate import validate_graph
from graph_builder.vocabulary import BIOLINK, DATA_DIR, DKG, DKGID

FIXTURES = Path(__file__).parent / "fixtures" / "reason"
CLONAZEPAM = DKGID["clonazepam"]
OXYCODONE = DKGID["oxycodone"]
MORPHINE = DKGID["morphine"]
CODEINE = DKGID["codeine"]
DIAZEPAM = DKGID["diazepam"]
ETHANOL = DKGID["ethanol"]
BENZODIAZEPINES = DKGID["benzodiazepines"]
OPIOIDS = DKGID["opioids"]
CNS_DEPRESSANTS = DKGID["cns-depressants"]
RESPIRATORY_DEPRESSION = DKGID["respiratory-depression"]
INTERACTS = BIOLINK.pharmacologically_interacts_with
MEMBER_OF = BIOLINK.member_of


def statements_of(graph: Graph, s: URIRef, p: URIRef, o: URIRef) -> list[URIRef]:
    found = set(graph.subjects(RDF.subject, s)) & set(graph.subjects(RDF.object, o))
    return sorted(URIRef(n) for n in found if (n, RDF.predicate, p) in graph)


def rule_of(graph: Graph, s: URIRef, p: URIRef, o: URIRef) -> set[URIRef]:
    return {
        URIRef(r)
        for n in statements_of(graph, s, p, o)
        for r in graph.objects(n, PROV.wasGeneratedBy)
    }


@pytest.mark.parametrize(
    ("drug", "cls"),
    [
        (CLONAZEPAM, CNS_DEPRESSANTS),
        (OXYCODONE, CNS_DEPRESSANTS),
        (MORPHINE, OPIOIDS),
        (DIAZEPAM, BENZODIAZEPINES),
        (DIAZEPAM, CNS_DEPRESSANTS),
    ],
    ids=[
        "clonazepam-is-cns-depressant",
        "oxycodone-is-cns-depressant",
        "morphine-is-opioid",
        "diazepam-is-benzodiazepine",
        "diazepam-is-cns-depressant",
    ],
)
def test_class_membership_is_derived(
    reasoned: tuple[Graph, int], drug: URIRef, cls: URIRef
) -> None:
    graph, _ = reasoned
    assert (drug, MEMBER_OF, cls) in graph
    statements = statements_of(graph, drug, MEMBER_OF, cls)
    assert statements, "every membership has a statement: its sentence or its rule"
    for node in statements:  # extracted (a sentence) or inferred (a rule), never neither
        assert ((node, BIOLINK.supporting_text, None) in graph) != (
            (node, PROV.wasGeneratedBy, None) in graph
        )


def test_oxycodone_is_a_cns_depressant_because_opioids_are(reasoned: tuple[Graph, int]) -> None:
    graph, _ = reasoned
    assert rule_of(graph, OXYCODONE, MEMBER_OF, CNS_DEPRESSANTS) == {DKG.MembershipInheritanceRule}
    (node,) = statements_of(graph, OXYCODONE, MEMBER_OF, CNS_DEPRESSANTS)
    premises = set(graph.objects(node, DKG.basedOn))
    assert set(statements_of(graph, OXYCODONE, MEMBER_OF, OPIOIDS)) <= premises
    assert set(statements_of(graph, OPIOIDS, BIOLINK.subclass_of, CNS_DEPRESSANTS)) <= premises


@pytest.mark.parametrize(
    "drug", [OXYCODONE, MORPHINE, CODEINE], ids=["oxycodone", "morphine", "codeine"]
)
def test_combining_with_opioids_covers_each_opioid(
    reasoned: tuple[Graph, int], drug: URIRef
) -> None:
    graph, _ = reasoned
    assert (CLONAZEPAM, INTERACTS, drug) in graph
    assert (drug, INTERACTS, CLONAZEPAM) in graph


def test_inferred_interaction_is_marked_and_keeps_its_consequences(
    reasoned: tuple[Graph, int],
) -> None:
    graph, _ = reasoned
    (node,) = statements_of(graph, CLONAZEPAM, INTERACTS, MORPHINE)
    assert (node, BIOLINK.supporting_text, None) not in graph
    assert (node, PROV.wasGeneratedBy, DKG.ClassInteractionToMembersRule) in graph
    told = statements_of(graph, CLONAZEPAM, INTERACTS, OPIOIDS)
    assert set(told) <= set(graph.objects(node, DKG.basedOn))
    interactions = list(graph.objects(node, DKG.interaction))
    assert interactions
    assert any((i, DKG.hasConsequence, RESPIRATORY_DEPRESSION) in graph for i in interactions)


def test_second_document_carries_benzodiazepine_warning_to_clonazepam(
    reasoned: tuple[Graph, int],
) -> None:
    graph, _ = reasoned
    assert (OXYCODONE, INTERACTS, DIAZEPAM) in graph
    assert (OXYCODONE, INTERACTS, CLONAZEPAM) in graph


def test_drug_interaction_carried_up_to_its_class(reasoned: tuple[Graph, int]) -> None:
    graph, _ = reasoned
    # clonazepam is an antiepileptic (ATC N03AE01) and the texts say it interacts with alcohol
    antiepileptics = DKGID["antiepileptics"]
    assert rule_of(graph, antiepileptics, DKG.memberInteractsWith, ETHANOL) == {
        DKG.MemberInteractionToClassRule
    }
    assert (antiepileptics, INTERACTS, ETHANOL) not in graph  # not "every antiepileptic"


def test_extracted_triples_are_not_restated_as_inferred(reasoned: tuple[Graph, int]) -> None:
    graph, _ = reasoned
    assert rule_of(graph, CLONAZEPAM, INTERACTS, ETHANOL) == set()
    assert rule_of(graph, CLONAZEPAM, MEMBER_OF, BENZODIAZEPINES) == set()


def test_no_self_interaction_is_inferred(reasoned: tuple[Graph, int]) -> None:
    graph, _ = reasoned
    assert not any(s == o for s, o in graph.subject_objects(INTERACTS))


def test_taxonomy_members_enter_with_identifiers(reasoned: tuple[Graph, int]) -> None:
    graph, _ = reasoned
    assert (MORPHINE, RDFS.label, Literal("morphine")) in graph
    assert (MORPHINE, SKOS.exactMatch, URIRef("https://go.drugbank.com/drugs/DB00295")) in graph
    assert len(list(graph.objects(CLONAZEPAM, RDFS.label))) == 1


def test_reasoned_graph_passes_shacl_and_defines_its_rules(reasoned: tuple[Graph, int]) -> None:
    graph, inferred = reasoned
    assert inferred > 100
    report = validate_graph(graph)
    assert report.conforms, report.text
    for rule in RULES.values():
        assert (rule.iri, RDF.type, DKG.InferenceRule) in graph


def test_reasoning_is_deterministic_and_idempotent(reasoned: tuple[Graph, int]) -> None:
    graph, _ = reasoned
    again = build_graph([DATA_DIR / "documents", FIXTURES]).graph
    reason(again)
    assert set(again) == set(graph)
    assert reason(again) == 0
    assert not any(isinstance(t, type(None)) for t in again)


def test_taxonomy_members_use_pipeline_iris() -> None:
    from graph_builder.lexicon import get_drug_entity, read_lexicon, slugify

    taxonomy = read_taxonomy()
    lexicon = read_lexicon()
    for entity in taxonomy.subjects(RDF.type, DKG.Drug):
        key = str(entity).removeprefix(str(DKGID))
        label = str(taxonomy.value(entity, RDFS.label))
        assert key in lexicon or key == slugify(label) == get_drug_entity(label, None).key, key


def test_graph_without_taxonomy_entities_gains_nothing() -> None:
    graph = Graph()
    graph.add((DKGID["amoxicillin"], RDF.type, DKG.Drug))
    assert reason(graph) == 0


def test_certain_members_of_a_class_are_not_all_members(reasoned: tuple[Graph, int]) -> None:
    """'Certain antiepileptic drugs can interact with Klonopin' says nothing of gabapentin."""
    graph, _ = reasoned
    antiepileptics = DKGID["antiepileptics"]
    carried = [
        ixn
        for ixn in graph.subjects(PROV.wasGeneratedBy, DKG.ClassInteractionToMembersRule)
        for told in graph.objects(ixn, DKG.basedOn)
        if (told, DKG.participant, antiepileptics) in graph
    ]
    assert carried == []


def test_inferred_interaction_node_without_its_basis_fails_shacl(
    reasoned: tuple[Graph, int],
) -> None:
    from graph_builder.validate import validate_graph

    graph = Graph()
    for triple in reasoned[0]:
        graph.add(triple)
    inferred = [
        node
        for node in sorted(graph.subjects(DKG.basedOn, None))
        if (node, RDF.type, DKG.DrugInteraction) in graph
    ]
    assert inferred
    graph.remove((inferred[0], DKG.basedOn, None))
    assert not validate_graph(graph).conforms
