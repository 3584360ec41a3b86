"""Check a graph against the SHACL shapes in ``ontology/`` and the graph contract."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import RDFS, SKOS

from graph_builder.vocabulary import DKG, ONTOLOGY_DIR

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "drugkg.ttl"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether a graph conforms, and a readable account of why not."""

    conforms: bool
    text: str


def undefined_terms(graph: Graph, ontology: Graph) -> list[str]:
    """Return the ``dkg:`` terms a graph uses that the ontology does not define."""
    base = str(DKG)
    used = {str(term) for triple in graph for term in triple if str(term).startswith(base)}
    defined = {
        str(s)
        for s in ontology.subjects(RDFS.label, None)
        if (s, SKOS.definition, None) in ontology
    }
    return sorted(term[len(base) :] for term in used - defined)


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate ``graph`` with pyshacl against the project's shapes and ontology."""
    from pyshacl import validate

    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    conforms, _, text = validate(
        graph, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    missing = undefined_terms(graph, ontology)
    lines = [f"SHACL: {'conforms' if conforms else 'does NOT conform'} ({len(graph)} triples)"]
    if not conforms:
        lines.append(str(text))
    if missing:
        lines.append("Terms used but not defined in ontology/drugkg.ttl: " + ", ".join(missing))
    else:
        lines.append("Ontology: every dkg: term used is defined with a label and a definition.")
    return ValidationReport(bool(conforms) and not missing, "\n".join(lines))
