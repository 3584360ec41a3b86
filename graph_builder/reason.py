"""Reason over a built graph: class membership and class-level interactions, each marked.

The curated taxonomy (``ontology/drug-classes.ttl``) says which drugs belong to which class
and which classes are kinds of CNS depressant. The rules below add what follows from it and
from the extracted claims: clonazepam is a benzodiazepine, so a CNS depressant; "do not
combine with opioids" covers oxycodone and morphine; clonazepam's interaction with alcohol is
one of the benzodiazepines'. Every added triple gets an ``rdf:Statement`` with
``prov:wasGeneratedBy`` its rule, ``dkg:basedOn`` the statements it follows from, and no
``biolink:supporting_text`` (the graph contract's mark of an inferred triple).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from graph_builder.model import EntityType, GraphError
from graph_builder.rdf import digest as _digest
from graph_builder.vocabulary import BIOLINK, DKG, DKGID, ENTITY_CLASSES, ONTOLOGY_DIR

logger = logging.getLogger(__name__)

TAXONOMY_PATH = ONTOLOGY_DIR / "drug-classes.ttl"
MEMBER_OF = BIOLINK.member_of
SUBCLASS_OF = BIOLINK.subclass_of
INTERACTS = BIOLINK.pharmacologically_interacts_with
MEMBER_INTERACTS = DKG.memberInteractsWith  # some member of the class interacts (inferred)
PARTIAL = re.compile(r"\b(?:certain|some)\b", re.IGNORECASE)
DRUG = ENTITY_CLASSES[EntityType.DRUG]
DRUG_CLASS = ENTITY_CLASSES[EntityType.DRUG_CLASS]
TAXONOMY_NOTE = "curated drug-class taxonomy (ontology/drug-classes.ttl)"

Triple = tuple[URIRef, URIRef, URIRef]


@dataclass(frozen=True, slots=True)
class Rule:
    """An inference rule: its IRI in the ontology, label and definition."""

    name: str
    label: str
    definition: str

    @property
    def iri(self) -> URIRef:
        """Return the rule's IRI (a ``dkg:InferenceRule`` in ``ontology/drugkg.ttl``)."""
        return DKG[self.name]


RULES = {
    rule.name: rule
    for rule in (
        Rule(
            "CuratedClassRule",
            "curated drug-class taxonomy",
            "A drug is a member of a class, or a class a kind of another, because the curated "
            "taxonomy says so, citing ATC, MeSH or another named source.",
        ),
        Rule(
            "SubclassTransitivityRule",
            "subclass transitivity",
            "If class A is a kind of B and B a kind of C, A is a kind of C.",
        ),
        Rule(
            "MembershipInheritanceRule",
            "membership through subclasses",
            "If a drug is a member of class A and A is a kind of B, the drug is a member of B.",
        ),
        Rule(
            "ClassInteractionToMembersRule",
            "class interaction carried down to members",
            "If a text says X interacts with a drug class, X interacts with each drug of that "
            "class, with the same consequences.",
        ),
        Rule(
            "MemberInteractionToClassRule",
            "drug interaction carried up to its classes",
            "If a text says a drug interacts with Y, each of the drug's classes has a member "
            "that interacts with Y (dkg:memberInteractsWith; not an interaction of the whole "
            "class, so it is never carried back down).",
        ),
    )
}


def read_taxonomy(path: Path = TAXONOMY_PATH) -> Graph:
    """Read the curated drug-class taxonomy."""
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as error:
        kind = type(error).__name__
        raise GraphError(f"{path}: unreadable drug-class taxonomy ({kind})") from None


@dataclass(frozen=True, slots=True)
class _Link:
    """One curated membership or subclass link, with its source."""

    child: URIRef
    parent: URIRef
    predicate: URIRef
    source: Node | None


def _iter_links(taxonomy: Graph) -> Iterator[_Link]:
    for via, predicate in ((DKG.curatedMembership, MEMBER_OF), (DKG.curatedSubclass, SUBCLASS_OF)):
        for child, node in taxonomy.subject_objects(via):
            parent = taxonomy.value(node, DKG.inClass)
            if isinstance(child, URIRef) and isinstance(parent, URIRef):
                yield _Link(child, parent, predicate, taxonomy.value(node, DCTERMS.source))


def _relevant(graph: Graph, taxonomy: Graph, links: list[_Link]) -> set[URIRef]:
    """Choose the taxonomy's entities a graph needs: the ones it names, up and down.

    Up: every class above an entity the graph names. Down: every class and drug below a
    class the graph names (so "opioids" brings oxycodone, but oxycodone alone does not
    bring every other CNS depressant).
    """
    known = {s for s in taxonomy.subjects(RDF.type, None) if isinstance(s, URIRef)}
    named = {s for s in known if (s, RDF.type, None) in graph}
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    children: dict[URIRef, set[URIRef]] = defaultdict(set)
    for link in links:
        parents[link.child].add(link.parent)
        children[link.parent].add(link.child)
    return _closure(named, parents) | _closure(named, children)


def _uris(nodes: Iterable[Node]) -> list[URIRef]:
    """Keep the IRIs among ``nodes``, sorted (literals and blank nodes are no entities)."""
    return sorted(n for n in nodes if isinstance(n, URIRef))


def _closure(start: Iterable[URIRef], edges: dict[URIRef, set[URIRef]]) -> set[URIRef]:
    seen, stack = set(start), list(start)
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


class _Reasoner:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.added = 0
        self.statements: dict[Triple, list[URIRef]] = defaultdict(list)
        self.extracted: set[Triple] = set()
        for node in _uris(graph.subjects(RDF.type, RDF.Statement)):
            s, p, o = (graph.value(node, t) for t in (RDF.subject, RDF.predicate, RDF.object))
            if isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef):
                self.statements[(s, p, o)].append(node)
                if (node, BIOLINK.supporting_text, None) in graph:
                    self.extracted.add((s, p, o))

    def is_a(self, node: URIRef, cls: URIRef) -> bool:
        return (node, RDF.type, cls) in self.graph

    def premises(self, *triples: Triple) -> list[URIRef]:
        return sorted({n for t in triples for n in self.statements.get(t, [])})

    def infer(
        self, triple: Triple, rule: Rule, premises: Iterable[URIRef], source: Node | None = None
    ) -> URIRef | None:
        """Add ``triple`` with its statement by ``rule``; return the statement.

        A triple the graph already holds otherwise (extracted, or by another rule) is left
        alone (None); one this rule already made gains the new premises.
        """
        s, p, o = triple
        node = DKGID[f"inf-{_digest(rule.name, s, p, o)}"]
        if (node, RDF.type, RDF.Statement) in self.graph:
            for premise in premises:
                self.graph.add((node, DKG.basedOn, premise))
            return node
        if triple in self.graph:
            return None
        for t in (
            (s, p, o),
            (node, RDF.type, RDF.Statement),
            (node, RDF.subject, s),
            (node, RDF.predicate, p),
            (node, RDF.object, o),
            (node, PROV.wasGeneratedBy, rule.iri),
        ):
            self.graph.add(t)
        for premise in premises:
            self.graph.add((node, DKG.basedOn, premise))
        if source is not None:
            self.graph.add((node, DCTERMS.source, source))
        self.statements[triple].append(node)
        self.added += 1
        return node

    # ------------------------------------------------------------ taxonomy

    def import_taxonomy(self, taxonomy: Graph) -> None:
        links = sorted(_iter_links(taxonomy), key=lambda k: (k.child, k.parent))
        wanted = _relevant(self.graph, taxonomy, links)
        for entity in sorted(wanted):
            if (entity, RDF.type, None) in self.graph:
                continue  # the documents named it: keep their label and identifiers
            for p in (RDF.type, RDFS.label, SKOS.exactMatch, SKOS.closeMatch):
                for o in taxonomy.objects(entity, p):
                    self.graph.add((entity, p, o))
            self.graph.add((entity, DKG.mappingSource, Literal(TAXONOMY_NOTE)))
        rule = RULES["CuratedClassRule"]
        for link in links:
            if link.child in wanted and link.parent in wanted:
                self.infer((link.child, link.predicate, link.parent), rule, (), link.source)

    # ------------------------------------------------------------ class closure

    def close_classes(self) -> None:
        for predicate, rule_name in (
            (SUBCLASS_OF, "SubclassTransitivityRule"),
            (MEMBER_OF, "MembershipInheritanceRule"),
        ):
            rule = RULES[rule_name]
            before = -1
            while before != self.added:
                before = self.added
                pairs = self.graph.subject_objects(predicate)
                for child, parent in sorted(
                    (c, p) for c, p in pairs if isinstance(c, URIRef) and isinstance(p, URIRef)
                ):
                    for top in _uris(self.graph.objects(parent, SUBCLASS_OF)):
                        if top == child:
                            continue
                        first = (child, predicate, parent)
                        second = (parent, SUBCLASS_OF, top)
                        triple = (child, predicate, top)
                        self.infer(triple, rule, self.premises(first, second))

    # ------------------------------------------------------------ interactions

    def carry_interactions(self) -> None:
        down, up = RULES["ClassInteractionToMembersRule"], RULES["MemberInteractionToClassRule"]
        for x, y in sorted((s, o) for s, p, o in self.extracted if p == INTERACTS):
            if self.is_a(y, DRUG_CLASS) and not self._partial(x, y):
                for member in _uris(self.graph.subjects(MEMBER_OF, y)):
                    if member != x and self.is_a(member, DRUG) and not self._related(member, x):
                        self.carry(down, (x, y), (x, member), (member, MEMBER_OF, y))
            if self.is_a(x, DRUG):
                for cls in _uris(self.graph.objects(x, MEMBER_OF)):
                    if cls != y and not self._related(y, cls):
                        link = (x, MEMBER_OF, cls)
                        basis = self.premises((x, INTERACTS, y), link)
                        self.infer((cls, MEMBER_INTERACTS, y), up, basis)

    def _partial(self, x: URIRef, y: URIRef) -> bool:
        """Tell whether every statement of ``x`` interacting with class ``y`` says only part of it.

        "Certain antiepileptic drugs can interact with ..." is about some members, not all.
        """
        hedges = [
            str(self.graph.value(node, DKG.hedge) or "")
            for node in self.graph.subjects(RDF.subject, x)
            if (node, RDF.predicate, INTERACTS) in self.graph
            and (node, RDF.object, y) in self.graph
            and (node, BIOLINK.supporting_text, None) in self.graph
        ]
        return bool(hedges) and all(PARTIAL.search(h) for h in hedges)

    def _related(self, a: URIRef, b: URIRef) -> bool:
        """Tell whether one is a member or subclass of the other (no self-interaction)."""
        return any(
            (x, p, y) in self.graph for x, y in ((a, b), (b, a)) for p in (MEMBER_OF, SUBCLASS_OF)
        )

    def carry(
        self, rule: Rule, told: tuple[URIRef, URIRef], new: tuple[URIRef, URIRef], link: Triple
    ) -> None:
        """Infer the interaction ``new`` (both directions) from ``told`` and a class link."""
        a, b = new
        basis = self.premises((told[0], INTERACTS, told[1]), link)
        nodes = [
            n
            for n in (
                self.infer((a, INTERACTS, b), rule, basis),
                self.infer((b, INTERACTS, a), rule, basis),
            )
            if n is not None
        ]
        if not nodes:
            return
        for told_ixn in self._interaction_nodes(*told):
            ixn = DKGID[f"ixn-inf-{_digest(rule.name, told_ixn, a, b)}"]
            self.graph.add((ixn, RDF.type, DKG.DrugInteraction))
            self.graph.add((ixn, DKG.participant, a))
            self.graph.add((ixn, DKG.participant, b))
            self.graph.add((ixn, PROV.wasGeneratedBy, rule.iri))
            self.graph.add((ixn, DKG.basedOn, told_ixn))
            for p in (DKG.hasConsequence, DKG.interactionType, DKG.advice):
                for o in self.graph.objects(told_ixn, p):
                    self.graph.add((ixn, p, o))
            for node in nodes:
                self.graph.add((node, DKG.interaction, ixn))

    def _interaction_nodes(self, a: URIRef, b: URIRef) -> list[URIRef]:
        found = set(self.graph.subjects(DKG.participant, a)) & set(
            self.graph.subjects(DKG.participant, b)
        )
        return _uris(
            n
            for n in found
            if (n, BIOLINK.supporting_text, None) in self.graph
            and (n, BIOLINK.negated, Literal(True)) not in self.graph
        )

    def describe_rules(self) -> None:
        for rule in RULES.values():
            self.graph.add((rule.iri, RDF.type, DKG.InferenceRule))
            self.graph.add((rule.iri, RDFS.label, Literal(rule.label)))
            self.graph.add((rule.iri, SKOS.definition, Literal(rule.definition)))


def reason(graph: Graph, taxonomy: Graph | None = None) -> int:
    """Add the inferred triples to ``graph``, each with its rule; return how many.

    >>> from graph_builder.rdf import to_rdf
    >>> reason(to_rdf([], {}), Graph())
    0
    """
    reasoner = _Reasoner(graph)
    reasoner.import_taxonomy(read_taxonomy() if taxonomy is None else taxonomy)
    reasoner.close_classes()
    reasoner.carry_interactions()
    if reasoner.added:
        reasoner.describe_rules()
    logger.info("reason: %d inferred statements", reasoner.added)
    return reasoner.added
