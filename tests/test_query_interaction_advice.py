"""Interaction advice: both participants are named, in alphabetical order, even off-contract."""

from __future__ import annotations

from pathlib import Path

from graph_builder.query import Job, get_named_queries, run_job
from graph_builder.store import open_store, write_store

GRAPH = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix biolink: <https://w3id.org/biolink/vocab/> .
@prefix dkg: <https://w3id.org/drugkg/vocab#> .
@prefix dkgid: <https://w3id.org/drugkg/id/> .

dkgid:warfarin rdfs:label "warfarin" .
dkgid:aspirin rdfs:label "aspirin" .
dkgid:zolpidem rdfs:label "zolpidem", "Ambien" .
dkgid:i1 a dkg:DrugInteraction ; dkg:participant dkgid:warfarin, dkgid:aspirin ;
    dkg:advice "Monitor INR" ; dkg:interactionType "effect" ;
    biolink:supporting_text "Aspirin adds to the bleeding risk of warfarin." .
dkgid:i2 a dkg:DrugInteraction ; dkg:participant dkgid:aspirin, dkgid:unlabelled ;
    dkg:advice "Avoid" ;
    biolink:supporting_text "Do not combine aspirin with drug Q." .
dkgid:i3 a dkg:DrugInteraction ; dkg:participant dkgid:zolpidem, dkgid:warfarin ;
    dkg:advice "Monitor" ;
    biolink:supporting_text "Zolpidem and warfarin." .
"""


def _rows(tmp_path: Path) -> set[tuple[str | None, ...]]:
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    write_store(tmp_path / "graph.ttl")
    query = get_named_queries()["interaction-advice"].text
    result = run_job(open_store(tmp_path), Job(query))
    return {tuple(term.value if term else None for term in row) for row in result.rows}


def test_warfarin_and_aspirin_are_named_alphabetically(tmp_path: Path) -> None:
    assert (
        "aspirin + warfarin",
        "effect",
        "Monitor INR",
        "Aspirin adds to the bleeding risk of warfarin.",
    ) in _rows(tmp_path)


def test_a_participant_without_a_label_is_named_by_its_iri_not_dropped(tmp_path: Path) -> None:
    participants = {row[0] for row in _rows(tmp_path)}
    assert "aspirin + https://w3id.org/drugkg/id/unlabelled" in participants
    assert "aspirin + aspirin" not in participants


def test_a_participant_with_two_labels_is_named_once(tmp_path: Path) -> None:
    participants = {row[0] for row in _rows(tmp_path)}
    assert "Ambien + warfarin" in participants  # the first label; warfarin is not lost
