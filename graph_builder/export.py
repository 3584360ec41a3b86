"""Export a built graph for other tools: RDF serialisations, GraphML, Cytoscape, Neo4j, KGX.

RDF formats (Turtle, N-Triples, JSON-LD) hold the whole graph. The property-graph formats
hold the analysis graph (``analyse.to_networkx``): entities and relations, each relation
with its evidence sentence or the rule that inferred it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from graph_builder.analyse import to_networkx
from graph_builder.model import GraphError
from graph_builder.rdf import serialize, write_atomic
from graph_builder.vocabulary import PREFIXES

KNOWLEDGE_SOURCE = "infores:drugkg"
NEO4J_NODE_HEADER = ("id:ID", "name", "category", "xrefs", ":LABEL")
NEO4J_EDGE_HEADER = (
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "predicate",
    "inferred:boolean",
    "evidence",
    "source",
    "evidence_count:int",
    "rule",
    "weight:float",
)
KGX_NODE_HEADER = ("id", "category", "name", "synonym", "xref", "provided_by")
KGX_EDGE_HEADER = (
    "id",
    "subject",
    "predicate",
    "object",
    "original_predicate",
    "knowledge_level",
    "agent_type",
    "primary_knowledge_source",
    "supporting_text",
    "source_file",
)
KGX_PREDICATES = {  # the project's own predicates, as the Biolink predicate they refine
    "dkg:cautionIn": "biolink:contraindicated_in",
    "dkg:hasPharmacologicalEffect": "biolink:has_phenotype",
    "dkg:hasSymptom": "biolink:has_phenotype",
    "dkg:hasConsequence": "biolink:has_adverse_event",
}


def json_ld_context() -> dict[str, str]:
    """Return the JSON-LD context as a local dict (never a URL to dereference)."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _write_text(path: Path, text: str) -> list[Path]:
    write_atomic(path, text.encode("utf-8"))
    return [path]


def export_turtle(graph: Graph, path: Path) -> list[Path]:
    """Write the whole graph as sorted Turtle."""
    write_atomic(path, serialize(graph))
    return [path]


def export_ntriples(graph: Graph, path: Path) -> list[Path]:
    """Write the whole graph as N-Triples, one triple a line, sorted."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return _write_text(path, "\n".join(sorted(line for line in lines if line)) + "\n")


def export_jsonld(graph: Graph, path: Path) -> list[Path]:
    """Write the whole graph as JSON-LD with the contract's prefixes as context."""
    data = graph.serialize(format="json-ld", context=json_ld_context(), sort_keys=True, indent=1)
    return _write_text(path, data)


def export_graphml(graph: Graph, path: Path) -> list[Path]:
    """Write the analysis graph as GraphML (networkx ``read_graphml`` loads it back)."""
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buffer, named_key_ids=True)
    write_atomic(path, buffer.getvalue())
    return [path]


def to_cytoscape(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Convert the analysis graph to Cytoscape's JSON (``.cyjs``) structure."""
    nodes = [{"data": {"id": n, "name": d["label"], **d}} for n, d in sorted(g.nodes(data=True))]
    edges = [
        {
            "data": {
                **d,
                "source_file": d["source"],
                "id": f"e{i}",
                "source": s,
                "target": o,
                "interaction": d["predicate"],
            }
        }
        for i, (s, o, d) in enumerate(sorted(g.edges(data=True), key=_edge_order))
    ]
    return {
        "format_version": "1.0",
        "generated_by": "drugkg",
        "data": {"name": "drugkg"},
        "elements": {"nodes": nodes, "edges": edges},
    }


def _edge_order(edge: tuple[str, str, dict[str, Any]]) -> tuple[str, str, str, str]:
    s, o, d = edge
    return (s, o, d["predicate"], d.get("partner", ""))


def export_cytoscape(graph: Graph, path: Path) -> list[Path]:
    """Write the analysis graph as a Cytoscape ``.cyjs`` file."""
    data = json.dumps(to_cytoscape(to_networkx(graph)), indent=1, ensure_ascii=False)
    return _write_text(path, data + "\n")


def _csv(rows: list[tuple[Any, ...]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _neo4j_type(predicate: str) -> str:
    return predicate.partition(":")[2].upper() if "_" in predicate else _snake(predicate).upper()


def _snake(curie: str) -> str:
    local = curie.partition(":")[2]
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in local)


def export_neo4j(graph: Graph, folder: Path) -> list[Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import``."""
    g = to_networkx(graph)
    nodes = [NEO4J_NODE_HEADER] + [
        (n, d["label"], d["category"], d["xrefs"], d["kind"]) for n, d in sorted(g.nodes(data=True))
    ]
    edges = [NEO4J_EDGE_HEADER] + [
        (
            s,
            o,
            _neo4j_type(d["predicate"]),
            d["predicate"],
            str(d["inferred"]).lower(),
            d["evidence"],
            d["source"],
            d["evidence_count"],
            d["rule"],
            d["weight"],
        )
        for s, o, d in sorted(g.edges(data=True), key=_edge_order)
    ]
    return _write_text(folder / "nodes.csv", _csv(nodes)) + _write_text(
        folder / "relationships.csv", _csv(edges)
    )


def _tsv(rows: list[tuple[Any, ...]]) -> str:
    return "".join("\t".join(" ".join(str(v).split()) for v in row) + "\n" for row in rows)


def export_kgx(graph: Graph, folder: Path) -> list[Path]:
    """Write KGX ``nodes.tsv`` and ``edges.tsv`` with Biolink categories and predicates."""
    g = to_networkx(graph)
    nodes = [KGX_NODE_HEADER] + [
        (n, d["category"], d["label"], d["synonyms"], d["xrefs"], KNOWLEDGE_SOURCE)
        for n, d in sorted(g.nodes(data=True))
    ]
    edges: list[tuple[Any, ...]] = [KGX_EDGE_HEADER]
    for i, (s, o, d) in enumerate(sorted(g.edges(data=True), key=_edge_order)):
        predicate = KGX_PREDICATES.get(d["predicate"], d["predicate"])
        edges.append(
            (
                f"drugkg:e{i}",
                s,
                predicate,
                o,
                d["predicate"] if predicate != d["predicate"] else "",
                "logical_entailment" if d["inferred"] else "knowledge_assertion",
                "automated_agent" if d["inferred"] else "text_mining_agent",
                KNOWLEDGE_SOURCE,
                d["evidence"],
                d["source"],
            )
        )
    return _write_text(folder / "nodes.tsv", _tsv(nodes)) + _write_text(
        folder / "edges.tsv", _tsv(edges)
    )


EXPORTERS: dict[str, Callable[[Graph, Path], list[Path]]] = {
    "turtle": export_turtle,
    "ntriples": export_ntriples,
    "jsonld": export_jsonld,
    "graphml": export_graphml,
    "cytoscape": export_cytoscape,
    "neo4j": export_neo4j,
    "kgx": export_kgx,
}
FOLDER_FORMATS = ("neo4j", "kgx")


def export_graph(graph: Graph, fmt: str, path: Path) -> list[Path]:
    """Export ``graph`` in format ``fmt`` to ``path`` (a folder for neo4j and kgx)."""
    if fmt not in EXPORTERS:
        raise GraphError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    if fmt in FOLDER_FORMATS and path.is_file():
        raise GraphError(f"{path}: {fmt} writes a folder, and this is a file")
    if fmt not in FOLDER_FORMATS and path.is_dir():
        raise GraphError(f"{path}: {fmt} writes a file, and this is a folder")
    return EXPORTERS[fmt](graph, path)
