"""Read reports back out of a built graph: the conflicts between sources."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from graph_builder.vocabulary import BIOLINK, DKG


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """One recorded disagreement: what it is about, and each side's source and sentence."""

    kind: str
    description: str
    sides: tuple[tuple[str, str], ...]


def iter_conflicts(graph: Graph) -> Iterator[ConflictRow]:
    """Yield the conflicts recorded in ``graph``, sorted by kind and description."""
    rows = []
    for node in graph.subjects(RDF.type, DKG.SourceConflict):
        sides = []
        for statement in graph.objects(node, DKG.conflictingStatement):
            doc = graph.value(statement, PROV.wasDerivedFrom)
            source = str(graph.value(doc, DCTERMS.source)) if doc is not None else "?"
            sentence = str(graph.value(statement, BIOLINK.supporting_text))
            sides.append((source, sentence))
        rows.append(
            ConflictRow(
                str(graph.value(node, DKG.conflictKind)),
                str(graph.value(node, RDFS.label)),
                tuple(sorted(sides)),
            )
        )
    yield from sorted(rows, key=lambda r: (r.kind, r.description))
