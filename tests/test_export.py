"""Exports: each format loads back in the tool it is for, with the same counts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from graph_builder.analyse import to_networkx
from graph_builder.export import (
    KGX_EDGE_HEADER,
    KGX_NODE_HEADER,
    NEO4J_EDGE_HEADER,
    NEO4J_NODE_HEADER,
    export_graph,
    json_ld_context,
)
from graph_builder.model import GraphError

FIXTURES = Path(__file__).parent / "fixtures" / "reason"


@pytest.fixture(scope="session")
def graph(reasoned: tuple[Graph, int]) -> Graph:
    return reasoned[0]


@pytest.fixture(scope="session")
def g(graph: Graph) -> nx.MultiDiGraph:
    return to_networkx(graph)


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")],
    ids=["turtle", "ntriples", "jsonld"],
)
def test_rdf_exports_round_trip(graph: Graph, tmp_path: Path, fmt: str, rdflib_format: str) -> None:
    path = tmp_path / f"graph.{fmt}"
    export_graph(graph, fmt, path)
    kwargs = {"context": json_ld_context()} if fmt == "jsonld" else {}
    back = Graph().parse(path, format=rdflib_format, **kwargs)
    assert len(back) == len(graph)


def test_graphml_loads_in_networkx(g: nx.MultiDiGraph, graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    export_graph(graph, "graphml", path)
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes["dkgid:clonazepam"]["label"] == "clonazepam"


def test_cytoscape_json_structure(g: nx.MultiDiGraph, graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.cyjs"
    export_graph(graph, "cytoscape", path)
    data = json.loads(path.read_text())
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert len(nodes) == g.number_of_nodes() and len(edges) == g.number_of_edges()
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)


def test_neo4j_import_csv_headers(g: nx.MultiDiGraph, graph: Graph, tmp_path: Path) -> None:
    export_graph(graph, "neo4j", tmp_path)
    with (tmp_path / "nodes.csv").open(newline="") as handle:
        nodes = list(csv.reader(handle))
    with (tmp_path / "relationships.csv").open(newline="") as handle:
        edges = list(csv.reader(handle))
    assert tuple(nodes[0]) == NEO4J_NODE_HEADER and tuple(edges[0]) == NEO4J_EDGE_HEADER
    assert len(nodes) - 1 == g.number_of_nodes() and len(edges) - 1 == g.number_of_edges()
    ids = {row[0] for row in nodes[1:]}
    assert all(row[0] in ids and row[1] in ids for row in edges[1:])
    assert {row[2] for row in edges[1:]} >= {"PHARMACOLOGICALLY_INTERACTS_WITH", "MEMBER_OF"}


def test_kgx_tsv_has_biolink_categories_and_predicates(
    g: nx.MultiDiGraph, graph: Graph, tmp_path: Path
) -> None:
    export_graph(graph, "kgx", tmp_path)
    with (tmp_path / "nodes.tsv").open(newline="") as handle:
        nodes = list(csv.DictReader(handle, delimiter="\t"))
    with (tmp_path / "edges.tsv").open(newline="") as handle:
        edges = list(csv.DictReader(handle, delimiter="\t"))
    assert tuple(nodes[0]) == KGX_NODE_HEADER and tuple(edges[0]) == KGX_EDGE_HEADER
    assert len(nodes) == g.number_of_nodes() and len(edges) == g.number_of_edges()
    assert all(n["category"].startswith("biolink:") for n in nodes)
    assert all(e["predicate"].startswith("biolink:") for e in edges)
    levels = {e["knowledge_level"] for e in edges}
    assert levels == {"knowledge_assertion", "logical_entailment"}


def test_folder_format_refuses_a_file(graph: Graph, tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(GraphError, match="writes a folder"):
        export_graph(graph, "kgx", target)
