"""One page per drug: its neighbourhood drawn, and a fact sheet with the evidence."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from rdflib import URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from graph_builder.lexicon import slugify
from graph_builder.render.collect import GraphIndex, Statement
from graph_builder.render.model import Fact, View
from graph_builder.render.views import Keep, network_view
from graph_builder.vocabulary import BIOLINK, DKG, SCHEMA

# Fact-sheet sections: heading -> the relations listed under it.
SECTIONS = {
    "Class": (BIOLINK.member_of,),
    "Mechanism": (
        BIOLINK.directly_physically_interacts_with,
        BIOLINK.affects,
        DKG.hasPharmacologicalEffect,
    ),
    "Indications": (BIOLINK.treats,),
    "Interactions": (BIOLINK.pharmacologically_interacts_with,),
    "Cautions": (BIOLINK.contraindicated_in, DKG.cautionIn),
}
PREFIXES = {BIOLINK.contraindicated_in: "contraindicated in ", DKG.cautionIn: "caution in "}
WARNINGS = (
    SCHEMA.pregnancyWarning,
    SCHEMA.breastfeedingWarning,
    SCHEMA.alcoholWarning,
    DKG.administrationInstruction,
)
# shown first, bands of frequency from the most frequent; other groups follow by name
SIDE_EFFECT_GROUPS = ("serious", "very common", "common", "uncommon", "rare", "very rare")
DOSES = (SCHEMA.doseSchedule, SCHEMA.maximumIntake)


def drug_file_stem(iri: str) -> str:
    """Return a safe file stem for a drug's page: ``drug-clonazepam``."""
    return "drug-" + slugify(iri.rstrip("/").rsplit("/", 1)[-1])


def _fact(index: GraphIndex, statement: Statement, prefix: str = "") -> Fact:
    evidence = statement.evidence
    return Fact(
        prefix + index.label(statement.object), statement.group, evidence.sentence, evidence.source
    )


def _facts(index: GraphIndex, drug: str, predicates: tuple[URIRef, ...]) -> tuple[Fact, ...]:
    found: dict[str, Fact] = {}
    for predicate in predicates:
        for statement in index.statements_about(drug, predicate):
            if not statement.negated:
                fact = _fact(index, statement, PREFIXES.get(predicate, ""))
                found.setdefault(fact.text, fact)
    for s, p, o in index.triples:  # direct triples without a statement (inferred elsewhere)
        if s == drug and URIRef(p) in predicates:
            text = PREFIXES.get(URIRef(p), "") + index.label(o)
            found.setdefault(text, Fact(text))
    return tuple(sorted(found.values(), key=lambda f: f.text.casefold()))


def _side_effects(index: GraphIndex, drug: str) -> tuple[Fact, ...]:
    facts = _facts(index, drug, (BIOLINK.has_side_effect,))
    by_text: dict[str, Fact] = {}
    for fact in facts:
        old = by_text.get(fact.text)
        if old is None or (not old.group and fact.group):
            by_text[fact.text] = fact
    order = {group: n for n, group in enumerate(SIDE_EFFECT_GROUPS)}

    def rank(fact: Fact) -> tuple[int, str, str]:
        group = fact.group or "unspecified"
        return (
            order.get(group, len(order) + (group == "unspecified")),
            group,
            fact.text.casefold(),
        )

    return tuple(
        Fact(f.text, f.group or "unspecified", f.evidence, f.source)
        for f in sorted(by_text.values(), key=rank)
    )


def _dose_text(index: GraphIndex, dose: Node) -> str:
    graph = index.graph
    value = graph.value(dose, SCHEMA.doseValue)
    low = graph.value(dose, DKG.doseValueMin)
    amount = f"{low}-{value}" if low is not None and low != value else str(value or "")
    bound = _local(graph.value(dose, DKG.doseComparator))  # "more than", "at most" ...
    if bound:
        amount = f"{bound} {value}"
    parts = [
        _local(graph.value(dose, DKG.scheduleKind)) or _local(graph.value(dose, RDF.type)),
        f"{amount} {graph.value(dose, SCHEMA.doseUnit) or ''}".strip(),
        _local(graph.value(dose, DKG.doseBasis)),
        str(graph.value(dose, SCHEMA.frequency) or ""),
        str(graph.value(dose, SCHEMA.targetPopulation) or ""),
    ]
    indication = graph.value(dose, DKG.forIndication)
    if indication is not None:
        parts.append("for " + index.label(str(indication)))
    return ", ".join(p for p in parts if p)


def _local(node: Node | None) -> str:
    if node is None:
        return ""
    name = str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def _doses(index: GraphIndex, drug: str) -> tuple[Fact, ...]:
    facts = []
    for predicate in DOSES:
        for statement in index.statements_about(drug, predicate):
            text = _dose_text(index, URIRef(statement.object))
            facts.append(Fact(text, "", statement.evidence.sentence, statement.evidence.source))
    return tuple(sorted(set(facts), key=lambda f: (f.text, f.source)))


def _warnings(index: GraphIndex, drug: str) -> tuple[Fact, ...]:
    values = (index.graph.objects(URIRef(drug), p) for p in WARNINGS)
    return tuple(Fact(str(v)) for v in sorted({str(v) for vs in values for v in vs}))


def iter_fact_sheet(index: GraphIndex, drug: str) -> Iterator[tuple[str, tuple[Fact, ...]]]:
    """Yield the drug's fact-sheet sections, each a heading and its lines."""
    for heading, predicates in SECTIONS.items():
        yield heading, _facts(index, drug, predicates)
        if heading == "Indications":
            yield "Side effects", _side_effects(index, drug)
    yield "Warnings and administration", _warnings(index, drug)
    yield "Doses", _doses(index, drug)


def drug_page(index: GraphIndex, drug: str, keep: Keep) -> View:
    """Draw a drug's neighbourhood and list what the graph says about it."""
    label = index.label(drug)
    triples = [t for t in index.triples if drug in (t[0], t[2]) and keep(t[1])]
    sections: defaultdict[str, tuple[object, ...]] = defaultdict(tuple)
    sections.update(iter_fact_sheet(index, drug))
    return network_view(
        index,
        drug_file_stem(drug),
        label,
        f"What the graph says about {label}: class, mechanism, indications, side effects, "
        "interactions, cautions and doses.",
        triples,
        facts=tuple(sections.items()),
    )


def drug_iris(index: GraphIndex, *, described: bool = True) -> list[str]:
    """Return the drugs sorted by label: those a document describes, or all of them.

    A drug that only reasoning added (a class member from the ontology) gets a page only
    when asked for by name.
    """
    drugs = {n.id for n in index.nodes.values() if n.kind == "Drug"}
    if described:
        drugs &= {
            end
            for statements in index.statements.values()
            for s in statements
            if not s.inferred
            for end in (s.subject, s.object)
        }
    return sorted(drugs, key=lambda i: (index.label(i).casefold(), i))
