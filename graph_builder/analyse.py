"""Analyse a built graph with NetworkX: interaction clusters, hubs, explanations, similarity.

The NetworkX graph is made from the RDF by triple patterns over chosen predicates, one node
per entity and one edge per relation, every attribute a scalar (so GraphML can hold it).
Each edge keeps its evidence: the sentence and document, or the rule that inferred it.
Metrics are pure functions of that graph.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise, permutations
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from graph_builder.model import QueryError
from graph_builder.vocabulary import (
    BIOLINK,
    DKG,
    DKGID,
    ENTITY_CLASSES,
    ONTOLOGY_DIR,
    PREFIXES,
    expand,
)

logger = logging.getLogger(__name__)

SEED = 42  # louvain and layouts: the same graph gives the same clusters and pictures
INFERRED_WEIGHT = 0.5  # an inferred interaction counts half an extracted sentence
EDGE_PREDICATES = {  # predicate CURIE -> a reading for explanations
    "biolink:pharmacologically_interacts_with": "interacts with",
    "biolink:has_side_effect": "can cause",
    "biolink:treats": "treats",
    "biolink:member_of": "is a",
    "biolink:subclass_of": "is a kind of",
    "biolink:contraindicated_in": "is contraindicated in",
    "dkg:cautionIn": "needs caution in",
    "biolink:directly_physically_interacts_with": "binds",
    "biolink:affects": "affects",
    "dkg:hasPharmacologicalEffect": "has the effect",
    "dkg:hasSymptom": "shows the symptom",
    "dkg:hasConsequence": "risks, when combined,",
    "biolink:is_substrate_of": "is metabolised by",
}
INTERACTS = "biolink:pharmacologically_interacts_with"
SIDE_EFFECT = "biolink:has_side_effect"
MEMBER_OF = "biolink:member_of"
INTERACTING_KINDS = ("Drug", "DrugClass")


def to_curie(iri: object) -> str:
    """Shorten an IRI to a CURIE with the contract's prefixes (``dkgid:clonazepam``)."""
    text = str(iri)
    for prefix in ("dkgid", "dkg", "biolink", "schema"):
        base = str(PREFIXES[prefix])
        if text.startswith(base):
            return f"{prefix}:{text[len(base) :]}"
    return text


def get_biolink_categories() -> dict[str, str]:
    """Map each ontology class (``Drug``) to its Biolink category (``biolink:Drug``)."""
    ontology = Graph().parse(ONTOLOGY_DIR / "drugkg.ttl", format="turtle")
    categories: dict[str, str] = {}
    for relation in (SKOS.closeMatch, SKOS.exactMatch):  # exact wins over close
        for cls, target in ontology.subject_objects(relation):
            if str(cls).startswith(str(DKG)) and str(target).startswith(str(PREFIXES["biolink"])):
                categories[str(cls)[len(str(DKG)) :]] = to_curie(target)
    return categories


@dataclass
class _Evidence:
    texts: set[tuple[str, str]] = field(default_factory=set)  # (sentence, source file)
    rules: set[str] = field(default_factory=set)

    def add(self, graph: Graph, node: Node) -> None:
        """Add what evidence node ``node`` (a statement or an interaction) says."""
        text = graph.value(node, BIOLINK.supporting_text)
        if text is not None:
            doc = graph.value(node, PROV.wasDerivedFrom)
            source = graph.value(doc, DCTERMS.source) if doc is not None else None
            self.texts.add((str(text), str(source or "")))
        self.rules.update(to_curie(rule) for rule in graph.objects(node, PROV.wasGeneratedBy))

    def attributes(self) -> dict[str, Any]:
        texts = sorted(self.texts)
        inferred = not texts
        return {
            "inferred": inferred,
            "evidence": texts[0][0] if texts else "",
            "source": texts[0][1] if texts else "",
            "evidence_count": len(texts),
            "rule": "|".join(sorted(self.rules)) if inferred else "",
            "weight": INFERRED_WEIGHT if inferred else float(len(texts)),
        }


def _iter_entities(graph: Graph) -> Iterator[tuple[str, dict[str, Any]]]:
    categories = get_biolink_categories()
    for kind, cls in ENTITY_CLASSES.items():
        for entity in sorted(e for e in graph.subjects(RDF.type, cls) if isinstance(e, URIRef)):
            label = graph.value(entity, RDFS.label)
            if label is None or not str(entity).startswith(str(DKGID)):
                continue
            yield (
                to_curie(entity),
                {
                    "label": str(label),
                    "kind": kind.value,
                    "category": categories.get(kind.value, "biolink:NamedThing"),
                    "synonyms": "|".join(
                        sorted(str(a) for a in graph.objects(entity, SKOS.altLabel))
                    ),
                    "xrefs": "|".join(
                        sorted(str(x) for x in graph.objects(entity, SKOS.exactMatch))
                    ),
                },
            )


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Make the analysis graph: entities as nodes, chosen relations as edges with evidence.

    Built from triple patterns over the chosen predicates (never ``rdflib_to_networkx_*``,
    which would make every literal a node): one node per entity, scalar attributes only.
    """
    g = nx.MultiDiGraph()
    g.add_nodes_from(_iter_entities(graph))
    evidence: dict[tuple[str, str, str], _Evidence] = defaultdict(_Evidence)
    for curie in EDGE_PREDICATES:
        predicate = URIRef(expand(curie))
        for s, o in graph.subject_objects(predicate):
            evidence[(to_curie(s), to_curie(o), curie)] = _Evidence()
    for node, s in graph.subject_objects(RDF.subject):
        key = (
            to_curie(s),
            to_curie(graph.value(node, RDF.object)),
            to_curie(graph.value(node, RDF.predicate)),
        )
        if key in evidence:
            evidence[key].add(graph, node)
    consequences: dict[tuple[str, str, str], _Evidence] = defaultdict(_Evidence)
    for ixn in graph.subjects(RDF.type, DKG.DrugInteraction):
        partners = sorted(to_curie(p) for p in graph.objects(ixn, DKG.participant))
        negated = (ixn, BIOLINK.negated, Literal(True)) in graph
        for c in graph.objects(ixn, DKG.hasConsequence) if not negated else ():
            for a, b in permutations(partners, 2):
                consequences[(a, to_curie(c), b)].add(graph, ixn)
    for (subject, obj, curie), found in sorted(evidence.items()):
        if subject in g and obj in g:
            g.add_edge(
                subject,
                obj,
                key=curie,
                predicate=curie,
                label=EDGE_PREDICATES[curie],
                **found.attributes(),
            )
    _add_consequences(g, consequences)
    return g


def _add_consequences(
    g: nx.MultiDiGraph, consequences: dict[tuple[str, str, str], _Evidence]
) -> None:
    """Add an edge from each interaction partner to each consequence of the combination."""
    for (a, c, b), found in sorted(consequences.items()):
        if a in g and c in g and b in g:
            g.add_edge(
                a,
                c,
                key=f"dkg:hasConsequence|{b}",
                predicate="dkg:hasConsequence",
                label=f"risks, when combined with {g.nodes[b]['label']},",
                partner=b,
                **found.attributes(),
            )


def interaction_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Collapse the interactions between drugs and classes into one weighted, undirected graph."""
    h = nx.Graph()
    for node, data in g.nodes(data=True):
        if data["kind"] in INTERACTING_KINDS:
            h.add_node(node, label=data["label"], kind=data["kind"])
    for s, o, data in g.edges(data=True):
        if data["predicate"] != INTERACTS or s == o:
            continue
        current = h.get_edge_data(s, o)
        if current is None or data["weight"] > current["weight"]:
            h.add_edge(s, o, weight=data["weight"], inferred=data["inferred"])
    h.remove_nodes_from([n for n in list(h) if h.degree(n) == 0])
    return h


def get_class_members(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Return each class's member drugs (direct and inferred ``member_of`` edges)."""
    members: dict[str, set[str]] = defaultdict(set)
    for s, o, data in g.edges(data=True):
        if data["predicate"] == MEMBER_OF and g.nodes[s]["kind"] == "Drug":
            members[o].add(s)
    return dict(members)


@dataclass(frozen=True, slots=True)
class Cluster:
    """A group of drugs and classes that interact with each other."""

    name: str
    members: tuple[str, ...]  # node ids, sorted
    labels: tuple[str, ...]
    named_after: str | None  # the class whose drugs the cluster holds most of


def find_clusters(g: nx.MultiDiGraph) -> dict[str, list[Cluster]]:
    """Find interaction clusters: connected components and louvain communities.

    Louvain runs with a fixed seed and the explicit ``weight`` (sentences per interaction,
    half for an inferred one). Each cluster is named after the class most of whose member
    drugs it holds, so the cluster of benzodiazepines, opioids and alcohol is the
    CNS-depressant cluster.
    """
    h = interaction_graph(g)
    members = get_class_members(g)
    components = sorted(nx.connected_components(h), key=lambda c: (-len(c), min(c)))
    communities = nx.community.louvain_communities(h, weight="weight", seed=SEED)
    communities = sorted(communities, key=lambda c: (-len(c), min(c)))
    return {
        "components": _name_clusters(g, components, members),
        "communities": _name_clusters(g, communities, members),
    }


def _name_clusters(
    g: nx.MultiDiGraph, groups: list[set[str]], members: dict[str, set[str]]
) -> list[Cluster]:
    """Name each cluster after the class it holds most drugs of, each class naming one."""
    scores = []
    for index, nodes in enumerate(groups):
        drugs = {n for n in nodes if g.nodes[n]["kind"] == "Drug"}
        for cls, cls_members in members.items():
            shared = len(drugs & cls_members)
            if shared >= 2:  # most drugs first, then the tightest class
                scores.append((-shared, -shared / len(cls_members), cls, index))
    names: dict[int, str] = {}
    used: set[str] = set()
    for _, _, cls, index in sorted(scores):
        if index not in names and cls not in used:
            names[index] = cls
            used.add(cls)
    clusters = []
    for index, nodes in enumerate(groups):
        ordered = tuple(sorted(nodes))
        best = names.get(index)
        name = f"{g.nodes[best]['label']} cluster" if best else f"cluster {index + 1}"
        clusters.append(Cluster(name, ordered, tuple(g.nodes[n]["label"] for n in ordered), best))
    return clusters


def find_hubs(g: nx.MultiDiGraph, top: int = 10) -> list[dict[str, Any]]:
    """Rank drugs and classes by how central they are to the interaction network."""
    h = interaction_graph(g)
    if not h:
        return []
    degree = nx.degree_centrality(h)
    betweenness = nx.betweenness_centrality(h, weight=None, seed=SEED)
    strength = dict(h.degree(weight="weight"))
    ranked = sorted(h, key=lambda n: (-degree[n], -betweenness[n], n))[:top]
    return [
        {
            "id": n,
            "label": h.nodes[n]["label"],
            "kind": h.nodes[n]["kind"],
            "partners": h.degree(n),
            "degree_centrality": round(degree[n], 4),
            "betweenness": round(betweenness[n], 4),
            "weighted_degree": round(strength[n], 2),
        }
        for n in ranked
    ]


def get_entity(g: nx.MultiDiGraph, name: str) -> str:
    """Find the node a user means by id, key, label or synonym ("alcohol" is ethanol)."""
    wanted = name.strip().casefold()
    for node, data in sorted(g.nodes(data=True)):
        names = {node, node.partition(":")[2], data["label"], *data["synonyms"].split("|")}
        if wanted in {n.casefold() for n in names if n}:
            return str(node)
    raise QueryError(f"no entity named {name!r} in the graph")


def explain(g: nx.MultiDiGraph, source: str, target: str, k: int = 3) -> list[list[dict[str, Any]]]:
    """Return up to ``k`` shortest paths between two entities, each step with its evidence.

    Extracted edges cost 1 and inferred ones 2, so a path the texts state outranks one the
    rules made up.
    """
    a, b = get_entity(g, source), get_entity(g, target)
    best: dict[tuple[str, str], tuple[str, str, dict[str, Any]]] = {}
    for s, o, data in g.edges(data=True):
        pair = (min(s, o), max(s, o))
        current = best.get(pair)
        if current is None or _rank(data) < _rank(current[2]):
            best[pair] = (s, o, data)
    h = nx.Graph()
    for pair, (_, _, data) in best.items():
        h.add_edge(*pair, cost=2 if data["inferred"] else 1)
    if a not in h or b not in h or not nx.has_path(h, a, b):
        return []
    paths = []
    for path in nx.shortest_simple_paths(h, a, b, weight="cost"):
        paths.append([_step(g, best[(min(u, v), max(u, v))], u, v) for u, v in pairwise(path)])
        if len(paths) == k:
            break
    return paths


def _rank(data: dict[str, Any]) -> tuple[bool, int, str]:
    return (data["inferred"], -data["evidence_count"], data["predicate"])


def _step(
    g: nx.MultiDiGraph, edge: tuple[str, str, dict[str, Any]], walk_from: str, walk_to: str
) -> dict[str, Any]:
    """Describe one step of a path: the edge as stated, and the way the path walks it."""
    s, o, data = edge
    return {
        "from": walk_from,  # the path walks from here to "to", whichever way the edge points
        "from_label": g.nodes[walk_from]["label"],
        "to": walk_to,
        "to_label": g.nodes[walk_to]["label"],
        "subject": s,
        "subject_label": g.nodes[s]["label"],
        "relation": data["label"],
        "predicate": data["predicate"],
        "object": o,
        "object_label": g.nodes[o]["label"],
        "inferred": data["inferred"],
        "evidence": data["evidence"],
        "source": data["source"],
        "rule": data["rule"],
    }


def side_effect_similarity(g: nx.MultiDiGraph, minimum: float = 0.0) -> list[dict[str, Any]]:
    """Compare the side effects of every pair of drugs (Jaccard index of the two sets)."""
    effects: dict[str, set[str]] = defaultdict(set)
    for s, o, data in g.edges(data=True):
        if data["predicate"] == SIDE_EFFECT and g.nodes[s]["kind"] == "Drug":
            effects[s].add(o)
    rows = []
    drugs = sorted(effects)
    for i, a in enumerate(drugs):
        for b in drugs[i + 1 :]:
            shared = effects[a] & effects[b]
            score = len(shared) / len(effects[a] | effects[b])
            if score > minimum:
                rows.append(
                    {
                        "a": a,
                        "b": b,
                        "a_label": g.nodes[a]["label"],
                        "b_label": g.nodes[b]["label"],
                        "jaccard": round(score, 4),
                        "shared": sorted(g.nodes[n]["label"] for n in shared),
                    }
                )
    return sorted(rows, key=lambda r: (-r["jaccard"], r["a"], r["b"]))


def summarise_graph(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Count nodes by kind and edges by predicate, extracted and inferred apart."""
    kinds: dict[str, int] = defaultdict(int)
    for _, data in g.nodes(data=True):
        kinds[data["kind"]] += 1
    edges: dict[str, dict[str, int]] = defaultdict(lambda: {"extracted": 0, "inferred": 0})
    for _, _, data in g.edges(data=True):
        edges[data["predicate"]]["inferred" if data["inferred"] else "extracted"] += 1
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "nodes_by_kind": dict(sorted(kinds.items())),
        "edges_by_predicate": dict(sorted(edges.items())),
    }


def analyse(graph: Graph, pairs: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    """Run every analysis on a built graph and return the results as plain data.

    >>> analyse(Graph())["graph"]["nodes"]
    0
    """
    g = to_networkx(graph)
    clusters = find_clusters(g) if g else {"components": [], "communities": []}
    return {
        "graph": summarise_graph(g),
        "clusters": {kind: [_cluster_dict(c) for c in found] for kind, found in clusters.items()},
        "hubs": find_hubs(g),
        "explanations": [{"from": a, "to": b, "paths": explain(g, a, b)} for a, b in pairs],
        "side_effect_similarity": side_effect_similarity(g),
    }


def _cluster_dict(cluster: Cluster) -> dict[str, Any]:
    return {
        "name": cluster.name,
        "named_after": cluster.named_after,
        "members": list(cluster.members),
        "labels": list(cluster.labels),
    }


DEFAULT_EXPLANATIONS = (("alcohol", "respiratory depression"),)
__all__ = ["DKGID", "analyse", "explain", "find_clusters", "find_hubs", "to_networkx"]
