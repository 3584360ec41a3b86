"""The graph-wide views: which nodes and edges each one draws.

Each view is a function ``(index, keep) -> View``; ``keep`` says which relation
predicates (IRIs) may be drawn. ``VIEWS`` is the registry the CLI and ``write_views`` use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graph_builder.render.collect import GraphIndex, Interaction, Triple
from graph_builder.render.model import Evidence, View, ViewEdge
from graph_builder.vocabulary import BIOLINK, DKG, DKGID

Keep = Callable[[str], bool]

CNS_DEPRESSANTS = str(DKGID["cns-depressants"])
INTERACTS = str(BIOLINK.pharmacologically_interacts_with)
HAS_SIDE_EFFECT = str(BIOLINK.has_side_effect)
MEMBERSHIP = (str(BIOLINK.member_of), str(BIOLINK.subclass_of))
MECHANISM = (
    str(BIOLINK.directly_physically_interacts_with),
    str(BIOLINK.affects),
    str(DKG.hasPharmacologicalEffect),
)
MECHANISM_KINDS = {
    "MolecularTarget",
    "Neurotransmitter",
    "PhysiologicalProcess",
    "PharmacologicalEffect",
}
DRUG_KINDS = {"Drug", "DrugClass"}
# Consequence colours, handed out in order of how many interactions name each consequence.
PALETTE = ("#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
OTHER_COLOUR = "#7f7f7f"


def keep_all(_: str) -> bool:
    """Keep every relation."""
    return True


def network_view(
    index: GraphIndex,
    name: str,
    title: str,
    description: str,
    triples: Iterable[Triple],
    **extra: object,
) -> View:
    """Draw ``triples`` (symmetric ones once) with their end nodes."""
    edges: dict[tuple[str, str, str], ViewEdge] = {}
    for triple in triples:
        edge = index.edge(triple)
        key = (*sorted((edge.source, edge.target)), triple[1]) if edge.symmetric else triple
        edges.setdefault(key, edge)  # type: ignore[arg-type]
    return _assemble(index, name, title, description, list(edges.values()), **extra)


def _assemble(
    index: GraphIndex,
    name: str,
    title: str,
    description: str,
    edges: list[ViewEdge],
    **extra: object,
) -> View:
    ids = sorted({e.source for e in edges} | {e.target for e in edges})
    nodes = tuple(index.nodes[i] for i in ids if i in index.nodes)
    return View(name, title, description, nodes, tuple(edges), **extra)  # type: ignore[arg-type]


def whole_graph(index: GraphIndex, keep: Keep) -> View:
    """Draw every relation between entities."""
    return network_view(
        index,
        "whole-graph",
        "The whole graph",
        "Every entity and every relation between them.",
        (t for t in index.triples if keep(t[1])),
    )


def mechanism_of_action(index: GraphIndex, keep: Keep) -> View:
    """Draw drug -> target -> neurotransmitter -> effect chains."""
    triples = [
        t
        for t in index.triples
        if keep(t[1])
        and (
            t[1] in MECHANISM or {index.nodes[t[0]].kind, index.nodes[t[2]].kind} <= MECHANISM_KINDS
        )
    ]
    return network_view(
        index,
        "mechanism-of-action",
        "Mechanism of action",
        "What each drug binds, the neurotransmitters and processes it affects, and its effects.",
        triples,
    )


def shared_side_effects(index: GraphIndex, keep: Keep) -> View:
    """Draw the side effects that two or more drugs or classes have."""
    triples = [t for t in index.triples if t[1] == HAS_SIDE_EFFECT and keep(t[1])]
    takers = Counter(t[2] for t in triples)
    shared = [t for t in triples if takers[t[2]] >= 2]
    note = "" if shared else "No side effect is named for two drugs in this graph yet."
    return network_view(
        index,
        "shared-side-effects",
        "Side effects shared between drugs",
        "Side effects that two or more drugs or drug classes have in common.",
        shared,
        note=note,
    )


def get_cns_depressants(index: GraphIndex) -> set[str]:
    """Return the CNS-depressant class and everything that is a member or subclass of it."""
    found = {CNS_DEPRESSANTS} if CNS_DEPRESSANTS in index.nodes else set()
    grew = True
    while grew:
        more = {s for s, p, o in index.triples if p in MEMBERSHIP and o in found} - found
        found |= more
        grew = bool(more)
    return found


@dataclass(frozen=True, slots=True)
class _Palette:
    colours: dict[str, str]

    def primary(self, consequences: Iterable[str]) -> str:
        ranked = [c for c in self.colours if c in set(consequences)]
        return ranked[0] if ranked else ""


def _palette(index: GraphIndex, interactions: list[Interaction]) -> _Palette:
    counts = Counter(c for i in interactions for c in i.consequences)
    order = sorted(counts, key=lambda c: (-counts[c], index.label(c)))
    return _Palette(
        {c: PALETTE[n] if n < len(PALETTE) else OTHER_COLOUR for n, c in enumerate(order)}
    )


def cns_depressant_interactions(index: GraphIndex, keep: Keep) -> View:
    """Draw every drug and class that interacts with a CNS depressant, by consequence."""
    depressants = get_cns_depressants(index)
    members = {
        x
        for s, p, o in index.triples
        if p == INTERACTS and keep(p)
        for x in (s, o)
        if {s, o} & depressants and index.nodes[x].kind in DRUG_KINDS
    }
    interactions = [i for i in index.interactions if len(set(i.participants) & members) >= 2]
    palette = _palette(index, interactions)
    edges: dict[tuple[str, str, str], ViewEdge] = {}
    for s, p, o in index.triples:
        if s in members and o in members and p in (INTERACTS, *MEMBERSHIP) and keep(p):
            edge = index.edge((s, p, o))
            named = [
                c for i in interactions if {s, o} <= set(i.participants) for c in i.consequences
            ]
            category = palette.primary(named) if p == INTERACTS else ""
            colour = palette.colours.get(category, "") if p == INTERACTS else "#b0b0b0"
            styled = ViewEdge(
                edge.source,
                edge.target,
                edge.relation,
                edge.evidence,
                edge.inferred,
                edge.symmetric,
                index.label(category),
                colour,
            )
            key = (*sorted((s, o)), p) if edge.symmetric else (s, o, p)
            edges.setdefault(key, styled)  # type: ignore[arg-type]
    for interaction in (i for i in interactions if not i.inferred):  # the texts' own words
        for consequence in interaction.consequences:
            for participant in sorted(set(interaction.participants) & members):
                key = (participant, consequence, "consequence")
                evidence = Evidence(interaction.sentence, source=interaction.source)
                old = edges.get(key)
                merged = (*old.evidence, evidence) if old else (evidence,)
                edges[key] = ViewEdge(
                    participant,
                    consequence,
                    "risk in combination",
                    tuple(dict.fromkeys(merged)),
                    category=index.label(consequence),
                    color=palette.colours[consequence],
                )
    categories = tuple((index.label(c), colour) for c, colour in palette.colours.items())
    note = "" if members else "No interaction with a CNS depressant is recorded in this graph."
    return _assemble(
        index,
        "cns-depressant-interactions",
        "Interactions with CNS depressants",
        "Every drug and drug class that interacts with a central nervous system depressant; "
        "edges coloured by the consequence the text names.",
        list(edges.values()),
        categories=categories,
        note=note,
    )


VIEWS: dict[str, Callable[[GraphIndex, Keep], View]] = {
    "cns-depressant-interactions": cns_depressant_interactions,
    "mechanism-of-action": mechanism_of_action,
    "shared-side-effects": shared_side_effects,
    "whole-graph": whole_graph,
}
