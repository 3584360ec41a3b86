"""Maximum daily doses: a strict bound is shown as one."""

from __future__ import annotations

from pathlib import Path

from graph_builder.query import Job, get_named_queries, run_job
from graph_builder.store import open_store, write_store

GRAPH = """
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix dkg: <https://w3id.org/drugkg/vocab#> .
@prefix dkgid: <https://w3id.org/drugkg/id/> .

dkgid:diazepam rdfs:label "diazepam" ; schema:maximumIntake dkgid:max12 .
dkgid:max12 a schema:MaximumDoseSchedule ; schema:doseValue 12.0 ; dkg:doseValueMax 12.0 ;
    dkg:doseComparator dkg:LessThan ; schema:doseUnit "mg" ; dkg:doseBasis dkg:PerDay .
dkgid:doc a dkg:SourceDocument ; dcterms:source "leaflet.txt" .
dkgid:s1 a rdf:Statement ; rdf:subject dkgid:diazepam ; rdf:predicate schema:maximumIntake ;
    rdf:object dkgid:max12 ; prov:wasDerivedFrom dkgid:doc .
"""


def test_less_than_12_mg_a_day_is_stated_as_below_12(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    write_store(tmp_path / "graph.ttl")
    query = get_named_queries()["max-daily-dose"].text
    (row,) = run_job(open_store(tmp_path), Job(query)).rows
    stated = row[5]  # ?statedValues
    assert stated is not None and stated.value == "below 12"
