"""The views without a browser: what each draws, the evidence it carries, and safe HTML."""

from __future__ import annotations

import json
import re
from copy import deepcopy
from html import unescape
from pathlib import Path

import pytest
from rdflib import Graph

from graph_builder.model import GraphError
from graph_builder.render import build_views, write_views
from graph_builder.render.collect import read_index
from graph_builder.render.html import LARGE, asset, render_view, seed_layout
from graph_builder.render.model import View, ViewEdge, ViewNode
from graph_builder.render.views import get_cns_depressants
from tests.constants import (
    ANTIDEPRESSANTS,
    ANTIEPILEPTICS,
    BENZODIAZEPINES,
    CLONAZEPAM,
    CNS_DEPRESSANTS,
    ETHANOL,
    GABA_A_RECEPTOR,
    OPIOIDS,
    RESPIRATORY_DEPRESSION,
)

FIXTURES = Path(__file__).parent / "fixtures" / "views"
CNS_INTERACTORS = (
    CLONAZEPAM,
    ETHANOL,
    OPIOIDS,
    BENZODIAZEPINES,
    CNS_DEPRESSANTS,
    ANTIDEPRESSANTS,
    ANTIEPILEPTICS,
)


@pytest.fixture(scope="session")
def reasoned_graph(seed_graph: Graph) -> Graph:
    from graph_builder.reason import reason

    graph = deepcopy(seed_graph)
    reason(graph)
    return graph


@pytest.fixture(scope="session")
def views(reasoned_graph: Graph) -> dict[str, View]:
    return {view.name: view for view in build_views(reasoned_graph)}


def node_ids(view: View) -> set[str]:
    return {node.id for node in view.nodes}


def embedded_data(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', html, re.S)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_seed_graph_gives_the_graph_views_and_a_page_per_described_drug(
    views: dict[str, View],
) -> None:
    assert sorted(views) == [
        "cns-depressant-interactions",
        "drug-clonazepam",
        "drug-ethanol",
        "mechanism-of-action",
        "shared-side-effects",
        "whole-graph",
    ]


def test_clonazepam_is_a_cns_depressant_through_the_benzodiazepines(
    reasoned_graph: Graph,
) -> None:
    depressants = get_cns_depressants(read_index(reasoned_graph))
    assert {str(CLONAZEPAM), str(ETHANOL), str(BENZODIAZEPINES)} <= depressants


@pytest.mark.parametrize("entity", CNS_INTERACTORS, ids=lambda e: str(e).rsplit("/", 1)[-1])
def test_cns_view_holds_every_drug_interacting_with_a_cns_depressant(
    views: dict[str, View], entity: str
) -> None:
    assert str(entity) in node_ids(views["cns-depressant-interactions"])


def test_cns_view_colours_alcohol_by_respiratory_depression(views: dict[str, View]) -> None:
    view = views["cns-depressant-interactions"]
    assert str(RESPIRATORY_DEPRESSION) in node_ids(view)
    colours = dict(view.categories)
    alcohol = [
        e
        for e in view.edges
        if {e.source, e.target} == {str(CLONAZEPAM), str(ETHANOL)}
        and e.relation == "interacts with"
    ]
    assert len(alcohol) == 1
    assert alcohol[0].color == colours[alcohol[0].category]
    assert alcohol[0].category == "respiratory depression"


def test_interaction_evidence_marks_the_mention_in_its_sentence(views: dict[str, View]) -> None:
    edge = next(
        e
        for e in views["drug-ethanol"].edges
        if {e.source, e.target} == {str(CLONAZEPAM), str(ETHANOL)}
    )
    marked = {ev.sentence[s:t] for ev in edge.evidence for s, t in ev.marks}
    assert {"alcohol", "Klonopin"} <= marked
    assert {ev.source for ev in edge.evidence} == {
        "000_6ad2f710c00707a1.txt",
        "003_24c6c82f160b80c4.txt",
    }


def test_class_interactions_carried_to_members_are_inferred(views: dict[str, View]) -> None:
    edges = views["cns-depressant-interactions"].edges
    inferred = [e for e in edges if e.inferred]
    assert inferred
    assert all(not ev.sentence and ev.inferred_by for e in inferred for ev in e.evidence)
    assert not any(
        e.inferred for e in edges if {e.source, e.target} == {str(CLONAZEPAM), str(ETHANOL)}
    )


def test_mechanism_view_runs_from_clonazepam_to_the_gaba_a_receptor(
    views: dict[str, View],
) -> None:
    edges = {(e.source, e.relation, e.target) for e in views["mechanism-of-action"].edges}
    assert (str(CLONAZEPAM), "binds", str(GABA_A_RECEPTOR)) in edges


def test_clonazepam_page_groups_side_effects_serious_first(views: dict[str, View]) -> None:
    facts = dict(views["drug-clonazepam"].facts)
    groups = [fact.group for fact in facts["Side effects"]]
    assert groups[0] == "serious"
    assert "respiratory depression" in {
        f.text for f in facts["Side effects"] if f.group == "serious"
    }
    assert any("4" in fact.text and "panic disorder" in fact.text for fact in facts["Doses"])
    assert "benzodiazepine" in {fact.text for fact in facts["Class"]}


@pytest.mark.parametrize(
    ("relations", "expected"),
    [
        (("treats",), {"treats"}),
        (("biolink:pharmacologically_interacts_with",), {"interacts with"}),
    ],
    ids=["name", "curie"],
)
def test_relation_filter_keeps_only_the_named_relations(
    seed_graph: Graph, relations: tuple[str, ...], expected: set[str]
) -> None:
    (view,) = build_views(seed_graph, view="whole-graph", relations=relations)
    assert {edge.relation for edge in view.edges} == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"view": "pie-chart"}, "pie-chart: no such view"),
        ({"drug": "aspirin"}, "aspirin: no drug of that name"),
        ({"relations": ("frobnicates",)}, "frobnicates: not a relation"),
    ],
    ids=["view", "drug", "relation"],
)
def test_bad_choices_are_one_line_errors(
    seed_graph: Graph, options: dict[str, object], message: str
) -> None:
    with pytest.raises(GraphError, match=message):
        build_views(seed_graph, **options)  # type: ignore[arg-type]


def test_drug_found_by_brand_name_gets_only_its_page(seed_graph: Graph) -> None:
    assert [v.name for v in build_views(seed_graph, drug="KLONOPIN")] == ["drug-clonazepam"]


@pytest.fixture(scope="session")
def hostile_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    graph = Graph()
    graph.parse(FIXTURES / "hostile.ttl", format="turtle")
    outdir = tmp_path_factory.mktemp("hostile")
    return {path.name: path.read_text(encoding="utf-8") for path in write_views(graph, outdir)}


def test_hostile_text_never_reaches_the_html_as_markup(hostile_pages: dict[str, str]) -> None:
    for name, html in hostile_pages.items():
        assert "<img" not in html, name
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html), name
        ours = html.replace(asset("vis-network.min.js"), "")  # vis itself holds "<script>"
        assert ours.count("<script") == (0 if name == "index.html" else 3), name


def test_hostile_label_and_sentence_survive_as_data(hostile_pages: dict[str, str]) -> None:
    data = embedded_data(hostile_pages["drug-hostile.html"])
    labels = {node["label"] for node in data["nodes"]}  # type: ignore[attr-defined]
    assert "<img src=x onerror=\"window.pwned=1;alert('label')\">" in labels
    links = [link for node in data["nodes"] for link in node["links"]]  # type: ignore[attr-defined]
    assert links == []  # javascript: identifiers are dropped


def test_pages_load_nothing_from_the_network(hostile_pages: dict[str, str]) -> None:
    for name, html in hostile_pages.items():
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), name
        assert "default-src 'none'" in unescape(html), name


def test_large_views_get_a_seeded_layout_and_capped_physics() -> None:
    nodes = tuple(ViewNode(f"urn:n{i}", f"n{i}", "Drug") for i in range(LARGE + 1))
    edges = tuple(ViewEdge(f"urn:n{i}", f"urn:n{i - 1}", "treats") for i in range(1, LARGE + 1))
    data = embedded_data(render_view(View("big", "Big", "", nodes, edges)))
    assert data["large"] is True
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 60  # type: ignore[index]
    assert len(seed_layout(nodes, edges)) == LARGE + 1


def test_rendering_one_view_keeps_every_view_in_the_index(tmp_path: Path) -> None:
    from graph_builder import build_graph
    from graph_builder.render import write_views
    from graph_builder.vocabulary import DATA_DIR

    graph = build_graph([DATA_DIR / "documents"]).graph
    write_views(graph, tmp_path)
    full_index = (tmp_path / "index.html").read_text(encoding="utf-8")
    write_views(graph, tmp_path, view="cns-depressant-interactions")
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == full_index


def test_a_filtered_partial_render_lists_the_other_pages_as_they_are(tmp_path: Path) -> None:
    from graph_builder import build_graph
    from graph_builder.render import write_views
    from graph_builder.vocabulary import DATA_DIR

    graph = build_graph([DATA_DIR / "documents"]).graph
    write_views(graph, tmp_path)
    full_index = (tmp_path / "index.html").read_text(encoding="utf-8")
    write_views(graph, tmp_path, view="mechanism-of-action", relations=("treats",))
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    page = (tmp_path / "mechanism-of-action.html").read_text(encoding="utf-8")
    assert "Drawn here: only treats." in page
    # Only the re-rendered page's row changes; whole graph and drug pages keep their counts.
    changed = [
        (old, new)
        for old, new in zip(full_index.splitlines(), index.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 2  # the page's row: its description line and its counts line
    assert "mechanism-of-action" in changed[0][0]


def test_clonazepam_page_says_the_hospital_dose_is_more_than_10_mg(
    views: dict[str, View],
) -> None:
    doses = [fact.text for fact in dict(views["drug-clonazepam"].facts)["Doses"]]
    assert any(text.startswith("hospital only dose, more than 10 mg") for text in doses), doses
    assert any("at most 4 mg" in text for text in doses), doses
