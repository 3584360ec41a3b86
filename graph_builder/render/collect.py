"""Read what the views draw from a built graph: entities, relations, evidence, interactions.

Plain triple patterns only: the graph is read once into dictionaries, so views of a large
graph cost no SPARQL (rdflib's engine is slow on big graphs; see pitfalls.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from graph_builder.render.model import Evidence, ViewEdge, ViewNode
from graph_builder.vocabulary import BIOLINK, DKG, ENTITY_CLASSES, RELATIONS, expand

ENTITY_KINDS = {cls: cls[len(str(DKG)) :] for cls in ENTITY_CLASSES.values()}
# Relations drawn as edges: entity to entity (text values and dose nodes go to fact sheets).
EDGE_RELATIONS = {
    URIRef(expand(r.predicate)): r
    for r in RELATIONS.values()
    if not r.literal and r.name not in {"dose", "maximum_dose", "pregnancy_category"}
}

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Statement:
    """An rdf:Statement node as the views need it."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    inferred: bool = False
    negated: bool = False
    group: str = ""  # dkg:sideEffectGroup


@dataclass(frozen=True, slots=True)
class Interaction:
    """A dkg:DrugInteraction node: who takes part, and what follows."""

    participants: tuple[str, ...]
    consequences: tuple[str, ...]
    sentence: str
    source: str = ""
    inferred: bool = False  # a reasoning rule made it (prov:wasGeneratedBy)


@dataclass(frozen=True, slots=True)
class GraphIndex:
    """Everything the views read, keyed by IRI string."""

    nodes: dict[str, ViewNode]
    triples: tuple[Triple, ...]  # direct entity-to-entity relation triples
    statements: dict[Triple, tuple[Statement, ...]]
    interactions: tuple[Interaction, ...]
    by_subject: dict[str, tuple[Statement, ...]]
    graph: Graph

    def edge(self, triple: Triple, **style: str) -> ViewEdge:
        """Return the drawn edge for a direct triple, with all its evidence."""
        subject, predicate, obj = triple
        relation = EDGE_RELATIONS[URIRef(predicate)]
        found = list(self.statements.get(triple, ()))
        if relation.symmetric:
            found += self.statements.get((obj, predicate, subject), ())
        evidence = tuple(dict.fromkeys(s.evidence for s in found if not s.negated))
        inferred = bool(found) and all(s.inferred for s in found)
        return ViewEdge(
            subject,
            obj,
            relation.name.replace("_", " "),
            evidence,
            inferred,
            relation.symmetric,
            **style,
        )

    def label(self, iri: str) -> str:
        """Return the label of an entity, or the end of its IRI."""
        node = self.nodes.get(iri)
        return node.label if node else _local_name(iri)

    def statements_about(self, subject: str, predicate: URIRef) -> Iterator[Statement]:
        """Yield the statements with this subject and predicate, negated ones too."""
        for statement in self.by_subject.get(subject, ()):
            if statement.predicate == str(predicate):
                yield statement


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _text(graph: Graph, node: Node, predicate: URIRef) -> str:
    value = graph.value(node, predicate)
    return str(value) if value is not None else ""


def _int(graph: Graph, node: Node, predicate: URIRef) -> int | None:
    value = graph.value(node, predicate)
    if isinstance(value, Literal):
        try:
            return int(value.toPython())
        except (TypeError, ValueError):
            return None
    return None


def read_nodes(graph: Graph) -> dict[str, ViewNode]:
    """Collect every typed entity with its label, synonyms and web identifiers."""
    nodes = {}
    for cls, kind in ENTITY_KINDS.items():
        for entity in graph.subjects(RDF.type, cls):
            iri = str(entity)
            synonyms = sorted({str(s) for s in graph.objects(entity, SKOS.altLabel)})
            links = sorted(
                str(o)
                for o in graph.objects(entity, SKOS.exactMatch)
                if str(o).startswith(("https://", "http://"))
            )
            label = _text(graph, entity, RDFS.label) or _local_name(iri)
            nodes[iri] = ViewNode(iri, label, kind, tuple(synonyms), tuple(links))
    return nodes


def _marks(graph: Graph, node: Node, length: int) -> tuple[tuple[int, int], ...]:
    """Turn a statement's document offsets into offsets within its sentence."""
    origin = _int(graph, node, DKG.sentenceStart)
    if origin is None:
        return ()
    marks = []
    for start_p, end_p in ((DKG.subjectStart, DKG.subjectEnd), (DKG.objectStart, DKG.objectEnd)):
        start, end = _int(graph, node, start_p), _int(graph, node, end_p)
        if start is None or end is None:
            continue
        start, end = start - origin, end - origin
        if 0 <= start < end <= length:
            marks.append((start, end))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(marks):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return tuple(kept)


def read_statement(graph: Graph, node: Node, documents: dict[str, tuple[str, str]]) -> Statement:
    """Read one rdf:Statement node into a Statement with its evidence."""
    sentence = _text(graph, node, BIOLINK.supporting_text)
    rule = graph.value(node, PROV.wasGeneratedBy)
    inferred = rule is not None and not sentence
    source, title = documents.get(str(graph.value(node, PROV.wasDerivedFrom)), ("", ""))
    negated = bool(graph.value(node, BIOLINK.negated))
    qualifiers = [_text(graph, node, p) for p in (DKG.hedge, DKG.advice)]
    qualifier = "; ".join(["negated"] * negated + [q for q in qualifiers if q])
    inferred_by = ""
    if inferred and rule is not None:
        inferred_by = _text(graph, rule, RDFS.label) or _local_name(str(rule))
    evidence = Evidence(
        sentence,
        _marks(graph, node, len(sentence)),
        source,
        title,
        _text(graph, node, DKG.section),
        qualifier,
        inferred_by,
    )
    return Statement(
        str(graph.value(node, RDF.subject)),
        str(graph.value(node, RDF.predicate)),
        str(graph.value(node, RDF.object)),
        evidence,
        inferred,
        negated,
        _text(graph, node, DKG.sideEffectGroup),
    )


def read_interactions(
    graph: Graph, documents: dict[str, tuple[str, str]]
) -> tuple[Interaction, ...]:
    """Collect the dkg:DrugInteraction nodes, sorted for stable output."""
    found = []
    for node in graph.subjects(RDF.type, DKG.DrugInteraction):
        source, _ = documents.get(str(graph.value(node, PROV.wasDerivedFrom)), ("", ""))
        found.append(
            Interaction(
                tuple(sorted(str(p) for p in graph.objects(node, DKG.participant))),
                tuple(sorted(str(c) for c in graph.objects(node, DKG.hasConsequence))),
                _text(graph, node, BIOLINK.supporting_text),
                source,
                graph.value(node, PROV.wasGeneratedBy) is not None,
            )
        )
    return tuple(sorted(found, key=lambda i: (i.participants, i.consequences, i.sentence)))


def read_index(graph: Graph) -> GraphIndex:
    """Read a built graph into the index every view is drawn from."""
    nodes = read_nodes(graph)
    triples = sorted(
        (str(s), str(p), str(o))
        for p in EDGE_RELATIONS
        for s, o in graph.subject_objects(p)
        if str(s) in nodes and str(o) in nodes
    )
    documents = {
        str(doc): (_text(graph, doc, DCTERMS.source), _text(graph, doc, DCTERMS.title))
        for doc in graph.subjects(RDF.type, DKG.SourceDocument)
    }
    statements: dict[Triple, list[Statement]] = defaultdict(list)
    for node in graph.subjects(RDF.type, RDF.Statement):
        statement = read_statement(graph, node, documents)
        statements[(statement.subject, statement.predicate, statement.object)].append(statement)
    ordered = {
        key: tuple(sorted(found, key=lambda s: (s.evidence.source, s.evidence.sentence)))
        for key, found in sorted(statements.items())
    }
    by_subject: dict[str, list[Statement]] = defaultdict(list)
    for (subject, _, _), found in ordered.items():
        by_subject[subject].extend(found)
    return GraphIndex(
        nodes,
        tuple(triples),
        ordered,
        read_interactions(graph, documents),
        {key: tuple(found) for key, found in by_subject.items()},
        graph,
    )
