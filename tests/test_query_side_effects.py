"""Side effects by seriousness: every stated side effect is listed, grouped or not."""

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

dkgid:diazepam rdfs:label "diazepam" ;
    biolink:has_side_effect dkgid:ataxia, dkgid:nausea, dkgid:rash .
dkgid:ataxia rdfs:label "ataxia" .
dkgid:nausea rdfs:label "nausea" .
dkgid:rash rdfs:label "rash" .
dkgid:s1 a rdf:Statement ; rdf:subject dkgid:diazepam ; rdf:predicate biolink:has_side_effect ;
    rdf:object dkgid:ataxia ; dkg:sideEffectGroup "common" ;
    biolink:supporting_text "Common side effects of diazepam include ataxia." .
dkgid:s2 a rdf:Statement ; rdf:subject dkgid:diazepam ; rdf:predicate biolink:has_side_effect ;
    rdf:object dkgid:nausea ;
    biolink:supporting_text "Diazepam can cause nausea." .
dkgid:s3 a rdf:Statement ; rdf:subject dkgid:diazepam ; rdf:predicate biolink:has_side_effect ;
    rdf:object dkgid:rash ; biolink:negated true ;
    biolink:supporting_text "Diazepam does not cause rash." .
"""


def test_a_side_effect_its_source_puts_in_no_group_is_listed_as_unspecified(
    tmp_path: Path,
) -> None:
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    write_store(tmp_path / "graph.ttl")
    query = get_named_queries()["side-effects-by-seriousness"].text
    result = run_job(open_store(tmp_path), Job(query))
    rows = {tuple(term.value if term else None for term in row) for row in result.rows}
    assert rows == {
        ("diazepam", "common", "1", "ataxia"),
        ("diazepam", "unspecified", "1", "nausea"),
    }
