"""Metabolising enzymes: each drug's enzymes, with the extent the sentences give."""

from __future__ import annotations

from pathlib import Path

from graph_builder.query import Job, get_named_queries, run_job
from graph_builder.store import open_store, write_store

GRAPH = """
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix biolink: <https://w3id.org/biolink/vocab/> .
@prefix dkg: <https://w3id.org/drugkg/vocab#> .
@prefix dkgid: <https://w3id.org/drugkg/id/> .

dkgid:methadone rdfs:label "methadone" ; biolink:is_substrate_of dkgid:cyp3a4, dkgid:cyp2b6 .
dkgid:lorazepam rdfs:label "lorazepam" .
dkgid:cyp3a4 rdfs:label "cytochrome P450 3A4" .
dkgid:cyp2b6 rdfs:label "cytochrome P450 2B6" .
dkgid:s1 a rdf:Statement ; rdf:subject dkgid:methadone ;
    rdf:predicate biolink:is_substrate_of ; rdf:object dkgid:cyp2b6 ; dkg:extent "major" .
dkgid:s2 a rdf:Statement ; rdf:subject dkgid:methadone ;
    rdf:predicate biolink:is_substrate_of ; rdf:object dkgid:cyp3a4 ; dkg:extent "minor" .
dkgid:s3 a rdf:Statement ; rdf:subject dkgid:methadone ;
    rdf:predicate biolink:is_substrate_of ; rdf:object dkgid:cyp2b6 .
dkgid:s4 a rdf:Statement ; rdf:subject dkgid:lorazepam ; biolink:negated true ;
    rdf:predicate biolink:is_substrate_of ; rdf:object dkgid:cyp3a4 .
"""


def _rows(tmp_path: Path) -> set[tuple[str | None, ...]]:
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    write_store(tmp_path / "graph.ttl")
    query = get_named_queries()["metabolising-enzymes"].text
    result = run_job(open_store(tmp_path), Job(query))
    return {tuple(term.value if term else None for term in row) for row in result.rows}


def test_each_enzyme_of_a_drug_comes_with_its_extent_and_sentences(tmp_path: Path) -> None:
    assert _rows(tmp_path) == {
        ("methadone", "cytochrome P450 2B6", "major", "2"),
        ("methadone", "cytochrome P450 3A4", "minor", "1"),
    }


def test_the_neighbourhood_and_the_analysis_graph_carry_the_enzymes(tmp_path: Path) -> None:
    from graph_builder.analyse import EDGE_PREDICATES

    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    write_store(tmp_path / "graph.ttl")
    query = get_named_queries()["drug-neighbourhood"].text.replace("clonazepam", "methadone")
    result = run_job(open_store(tmp_path), Job(query))
    assert b"is_substrate_of" in result.graph
    assert EDGE_PREDICATES["biolink:is_substrate_of"] == "is metabolised by"
