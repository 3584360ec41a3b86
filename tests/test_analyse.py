"""The analyse stage: interaction clusters, hubs, explanations and side-effect similarity."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from graph_builder.analyse import (
    analyse,
    explain,
    find_clusters,
    find_hubs,
    get_entity,
    side_effect_similarity,
    to_networkx,
)
from graph_builder.analysis_report import write_report
from graph_builder.model import QueryError

FIXTURES = Path(__file__).parent / "fixtures" / "reason"
CLONAZEPAM = "dkgid:clonazepam"
OXYCODONE = "dkgid:oxycodone"
ETHANOL = "dkgid:ethanol"
MORPHINE = "dkgid:morphine"
DIAZEPAM = "dkgid:diazepam"
ZOLPIDEM = "dkgid:zolpidem"
CNS_DEPRESSANTS = "dkgid:cns-depressants"
RESPIRATORY_DEPRESSION = "dkgid:respiratory-depression"


@pytest.fixture(scope="session")
def graph(reasoned: tuple[Graph, int]) -> Graph:
    return reasoned[0]


@pytest.fixture(scope="session")
def g(graph: Graph) -> nx.MultiDiGraph:
    return to_networkx(graph)


def test_networkx_graph_has_entities_not_literals(g: nx.MultiDiGraph) -> None:
    assert g.nodes[CLONAZEPAM]["label"] == "clonazepam"
    assert g.nodes[CLONAZEPAM]["category"] == "biolink:Drug"
    assert all(":" in node and not node.startswith('"') for node in g)
    for _, _, data in g.edges(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())


def test_cns_depressant_cluster_holds_the_depressants(g: nx.MultiDiGraph) -> None:
    (named,) = [c for c in find_clusters(g)["components"] if c.named_after == CNS_DEPRESSANTS]
    assert named.name == "central nervous system depressant cluster"
    assert {CLONAZEPAM, OXYCODONE, ETHANOL, MORPHINE, DIAZEPAM, ZOLPIDEM} <= set(named.members)


def test_louvain_names_one_community_after_cns_depressants(g: nx.MultiDiGraph) -> None:
    communities = find_clusters(g)["communities"]
    named = [c for c in communities if c.named_after == CNS_DEPRESSANTS]
    assert len(named) == 1
    depressants = {
        s
        for s, o, d in g.edges(data=True)
        if o == CNS_DEPRESSANTS and d["predicate"] == "biolink:member_of"
    }
    drugs = {n for n in named[0].members if g.nodes[n]["kind"] == "Drug"}
    assert len(drugs) >= 10 and drugs <= depressants
    assert find_clusters(g)["communities"] == communities  # fixed seed: same clusters


def test_clonazepam_is_an_interaction_hub(g: nx.MultiDiGraph) -> None:
    hubs = [h["id"] for h in find_hubs(g)]
    assert CLONAZEPAM in hubs[:3]
    assert ZOLPIDEM not in hubs[:3]  # a drug only the taxonomy names is no hub


def test_alcohol_to_respiratory_depression_cites_its_sentences(g: nx.MultiDiGraph) -> None:
    paths = explain(g, "alcohol", "respiratory depression")
    assert paths
    first = paths[0]
    assert first[0]["subject"] == ETHANOL and first[-1]["object"] == RESPIRATORY_DEPRESSION
    for path in paths:
        for step in path:
            if step["inferred"]:
                assert step["rule"].startswith("dkg:") and not step["evidence"]
            else:
                assert step["evidence"] and step["source"].endswith(".txt")
    assert "respirat" in first[0]["evidence"].lower()


def test_every_path_walks_from_alcohol_to_respiratory_depression(g: nx.MultiDiGraph) -> None:
    # "clonazepam interacts with ethanol" is stated from clonazepam; a path from alcohol
    # still walks it from ethanol, and the report names the walk, not the edge's direction.
    paths = explain(g, "alcohol", "respiratory depression")
    assert len(paths) > 1
    for path in paths:
        assert path[0]["from"] == ETHANOL and path[-1]["to"] == RESPIRATORY_DEPRESSION
        for step, following in pairwise(path):
            assert step["to"] == following["from"]
            assert {step["from"], step["to"]} == {step["subject"], step["object"]}


def test_unknown_entity_is_a_one_line_error(g: nx.MultiDiGraph) -> None:
    with pytest.raises(QueryError, match="no entity named 'unobtainium'"):
        get_entity(g, "unobtainium")


def test_klonopin_and_oxycodone_share_side_effects(g: nx.MultiDiGraph) -> None:
    (row,) = [r for r in side_effect_similarity(g) if {r["a"], r["b"]} == {CLONAZEPAM, OXYCODONE}]
    assert {"drowsiness", "respiratory depression", "nausea"} <= set(row["shared"])
    assert 0 < row["jaccard"] < 1


def test_report_files_are_written(graph: Graph, g: nx.MultiDiGraph, tmp_path: Path) -> None:
    result = analyse(graph, [("alcohol", "respiratory depression")])
    written = write_report(result, g, tmp_path)
    names = {p.name for p in written}
    assert {"report.md", "report.json", "interaction-clusters.png"} <= names
    hubs = json.loads((tmp_path / "report.json").read_text())["hubs"]
    assert CLONAZEPAM in [h["id"] for h in hubs]
    assert (tmp_path / "interaction-clusters.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Klonopin" in (tmp_path / "report.md").read_text()  # the explanations cite sentences
