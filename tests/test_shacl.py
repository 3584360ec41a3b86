"""SHACL: the seed graph passes the shapes, and the shapes do catch broken graphs."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from graph_builder.validate import validate_graph
from graph_builder.vocabulary import BIOLINK, DKG, DKGID, SCHEMA

from .constants import CLONAZEPAM


def copy(graph: Graph) -> Graph:
    new = Graph()
    for triple in graph:
        new.add(triple)
    return new


def test_seed_graph_conforms(seed_graph: Graph) -> None:
    report = validate_graph(seed_graph)
    assert report.conforms, report.text


def test_entity_without_label_fails(seed_graph: Graph) -> None:
    broken = copy(seed_graph)
    broken.remove((CLONAZEPAM, RDFS.label, None))
    assert not validate_graph(broken).conforms


def test_statement_without_evidence_fails(seed_graph: Graph) -> None:
    broken = copy(seed_graph)
    # An evidence statement (an interaction node also carries a sentence, under its own shape).
    statement = min(
        s
        for s in broken.subjects(BIOLINK.supporting_text, None)
        if (s, RDF.type, RDF.Statement) in broken
    )
    broken.remove((statement, BIOLINK.supporting_text, None))
    assert not validate_graph(broken).conforms


def _interaction_nodes(graph: Graph) -> list[tuple[object, ...]]:
    return sorted(graph.subjects(RDF.type, DKG.DrugInteraction))  # type: ignore[type-var]


def test_interaction_node_without_its_sentence_fails(seed_graph: Graph) -> None:
    broken = copy(seed_graph)
    stated = [n for n in _interaction_nodes(broken) if (n, BIOLINK.supporting_text, None) in broken]
    assert stated
    broken.remove((stated[0], BIOLINK.supporting_text, None))
    assert not validate_graph(broken).conforms


def test_dose_value_as_text_fails(seed_graph: Graph) -> None:
    broken = copy(seed_graph)
    dose, value = next(iter(broken.subject_objects(SCHEMA.doseValue)))
    broken.remove((dose, SCHEMA.doseValue, value))
    broken.add((dose, SCHEMA.doseValue, Literal("four mg")))
    assert not validate_graph(broken).conforms


def test_treating_a_receptor_fails(seed_graph: Graph) -> None:
    broken = copy(seed_graph)
    receptor = DKGID["gaba-a-receptor-test"]
    broken.add((receptor, RDF.type, DKG.MolecularTarget))
    broken.add((receptor, RDFS.label, Literal("GABA-A receptor")))
    broken.add((CLONAZEPAM, BIOLINK.treats, receptor))
    assert not validate_graph(broken).conforms


def test_a_phenotype_may_be_treated(seed_graph: Graph) -> None:
    """'Indicated for hypertension': Biolink's range is a disease or a phenotypic feature."""
    graph = copy(seed_graph)
    graph.add((DKGID["hypertension"], RDF.type, DKG.AdverseEffect))
    graph.add((DKGID["hypertension"], RDFS.label, Literal("hypertension")))
    graph.add((CLONAZEPAM, BIOLINK.treats, DKGID["hypertension"]))
    assert validate_graph(graph).conforms


def test_undefined_dkg_term_fails(seed_graph: Graph) -> None:
    broken = copy(seed_graph)
    broken.add((CLONAZEPAM, DKG.madeUpProperty, Literal("x")))
    report = validate_graph(broken)
    assert not report.conforms and "madeUpProperty" in report.text


def test_maximum_dose_without_its_upper_value_fails(seed_graph: Graph) -> None:
    broken = copy(seed_graph)
    maximum = min(broken.subjects(RDF.type, SCHEMA.MaximumDoseSchedule))  # type: ignore[type-var]
    broken.remove((maximum, DKG.doseValueMax, None))
    assert not validate_graph(broken).conforms


def test_a_phenotype_the_patient_has_may_be_contraindicated(seed_graph: Graph) -> None:
    """'Contraindicated in glaucoma': Biolink's range is a disease or a phenotypic feature."""
    graph = copy(seed_graph)
    glaucoma = DKGID["glaucoma"]
    graph.add((glaucoma, RDF.type, DKG.AdverseEffect))
    graph.add((glaucoma, RDFS.label, Literal("glaucoma")))
    graph.add((CLONAZEPAM, BIOLINK.contraindicated_in, glaucoma))
    assert validate_graph(graph).conforms


def test_a_receptor_is_never_contraindicated(seed_graph: Graph) -> None:
    graph = copy(seed_graph)
    receptor = DKGID["gaba-a-receptor-test"]
    graph.add((receptor, RDF.type, DKG.MolecularTarget))
    graph.add((receptor, RDFS.label, Literal("GABA-A receptor")))
    graph.add((CLONAZEPAM, BIOLINK.contraindicated_in, receptor))
    assert not validate_graph(graph).conforms
