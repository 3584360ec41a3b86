"""The views in a real browser: Debian chromium driven by Playwright, offline.

Every request that is not ``file:`` is blocked and recorded; any console error, page error,
dialog (``alert``) or attempted network request fails the test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from graph_builder import build_graph
from graph_builder.render import write_views
from tests.constants import CLONAZEPAM, ETHANOL, OPIOIDS, RESPIRATORY_DEPRESSION

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIXTURES = Path(__file__).parent / "fixtures" / "views"
SEED_PAGES = [
    "index",
    "cns-depressant-interactions",
    "mechanism-of-action",
    "shared-side-effects",
    "whole-graph",
    "drug-clonazepam",
    "drug-ethanol",
]


def wait_until(page: Any, condition: str, seconds: float = 20.0) -> None:
    """Poll ``condition`` (page.wait_for_function evaluates strings, which the CSP forbids)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(f"() => Boolean({condition})"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {seconds} s: {condition}")
        page.wait_for_timeout(25)


@dataclass
class Trouble:
    """What a page did that it must not: errors, dialogs, requests off the file system."""

    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make system-deps)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open a file:// page; after the test, fail on anything it did wrong."""
    trouble = Trouble()
    context = browser.new_context(viewport={"width": 1400, "height": 900})

    def route(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            trouble.problems.append(f"request: {route.request.url}")
            route.abort()

    context.route("**/*", route)
    pages = []

    def opener(path: Path) -> Any:
        page = context.new_page()
        page.on(
            "console", lambda m: m.type == "error" and trouble.problems.append(f"console: {m.text}")
        )
        page.on("pageerror", lambda e: trouble.problems.append(f"page error: {e}"))

        def on_dialog(dialog: Any) -> None:
            trouble.problems.append(f"dialog: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.as_uri())
        if path.name != "index.html":
            wait_until(page, "window.drugkgView && window.drugkgView.stabilizedAt !== null")
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.wait_for_timeout(50)
    context.close()
    assert trouble.problems == []


@pytest.fixture(scope="session")
def seed_views(seed_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph_builder.reason import reason

    graph = deepcopy(seed_graph)
    reason(graph)
    outdir = tmp_path_factory.mktemp("views")
    write_views(graph, outdir)
    return outdir


@pytest.fixture(scope="session")
def hostile_views(tmp_path_factory: pytest.TempPathFactory) -> Path:
    graph = build_graph([FIXTURES / "hostile.txt"]).graph
    graph.parse(FIXTURES / "hostile.ttl", format="turtle")
    outdir = tmp_path_factory.mktemp("hostile-views")
    write_views(graph, outdir)
    return outdir


def node_labels(page: Any) -> dict[str, str]:
    return dict(
        page.evaluate(
            "window.network.body.data.nodes.get().map(function (n) { return [n.id, n.label]; })"
        )
    )


@pytest.mark.parametrize("name", SEED_PAGES, ids=SEED_PAGES)
def test_each_view_renders_offline_without_errors(
    seed_views: Path, open_page: Any, name: str
) -> None:
    page = open_page(seed_views / f"{name}.html")
    if name == "index":
        assert page.locator("table.views a").count() == len(SEED_PAGES) - 1
    else:
        assert page.evaluate("typeof window.network.getPositions") == "function"
        assert page.evaluate("document.body.dataset.stabilized") == "true"


def test_cns_view_holds_clonazepam_alcohol_opioids_and_respiratory_depression(
    seed_views: Path, open_page: Any
) -> None:
    page = open_page(seed_views / "cns-depressant-interactions.html")
    labels = node_labels(page)
    for entity in (CLONAZEPAM, ETHANOL, OPIOIDS, RESPIRATORY_DEPRESSION):
        assert str(entity) in labels
    assert "respiratory depression" in page.locator("#legend-edges").inner_text()


def test_search_finds_ethanol_by_its_synonym_alcohol(seed_views: Path, open_page: Any) -> None:
    page = open_page(seed_views / "cns-depressant-interactions.html")
    page.fill("#search", "Alcohol")
    page.press("#search", "Enter")
    assert page.evaluate("window.network.getSelectedNodes()") == [str(ETHANOL)]
    assert page.locator("#details h2").inner_text() == "ethanol"


def _hover_edge(page: Any, source: str, target: str) -> None:
    """Move the mouse to the middle of the (curved) edge between two nodes."""
    middle = page.evaluate(
        """([a, b]) => { const net = window.network;
        const id = net.getConnectedEdges(a).find(e => net.getConnectedNodes(e).includes(b));
        const point = net.body.edges[id].edgeType.getPoint(0.5);
        const box = document.getElementById('graph').getBoundingClientRect();
        const d = net.canvasToDOM(point);
        return [box.left + d.x, box.top + d.y]; }""",
        [source, target],
    )
    page.mouse.move(middle[0] - 2, middle[1])
    page.mouse.move(*middle)


def test_hovering_an_interaction_shows_its_sentence_with_the_mention_marked(
    seed_views: Path, open_page: Any
) -> None:
    page = open_page(seed_views / "drug-ethanol.html")
    page.evaluate("window.network.moveTo({scale: 1.0})")
    _hover_edge(page, str(CLONAZEPAM), str(ETHANOL))
    wait_until(page, "document.querySelector('#details blockquote')", 5.0)
    marks = page.locator("#details mark").all_inner_texts()
    assert "alcohol" in marks
    assert "000_6ad2f710c00707a1.txt" in page.locator("#details").inner_text()


def test_inferred_interactions_are_drawn_dashed(seed_views: Path, open_page: Any) -> None:
    page = open_page(seed_views / "cns-depressant-interactions.html")
    dashed = page.evaluate("window.network.body.data.edges.get().filter(e => e.dashes).length")
    solid = page.evaluate("window.network.body.data.edges.get().filter(e => !e.dashes).length")
    assert dashed > 0
    assert solid > 0


HOSTILE_PAGES = [
    "index",
    "cns-depressant-interactions",
    "whole-graph",
    "drug-clonazepam",
    "drug-hostile",
]


@pytest.mark.parametrize("name", HOSTILE_PAGES, ids=HOSTILE_PAGES)
def test_hostile_text_runs_no_script_on_load_or_hover(
    hostile_views: Path, open_page: Any, name: str
) -> None:
    page = open_page(hostile_views / f"{name}.html")
    assert page.evaluate("document.querySelectorAll('script').length") == 3 - 3 * (name == "index")
    assert page.evaluate("document.querySelectorAll('img, iframe, svg').length") == 0
    if name == "index":
        return
    box = page.locator("#graph").bounding_box()
    for x in range(20, int(box["width"]), 90):  # sweep the network: every node and edge hovered
        for y in range(20, int(box["height"]), 90):
            page.mouse.move(box["x"] + x, box["y"] + y)
    ids = page.evaluate("window.network.body.data.edges.getIds()")
    for edge in ids[:40]:
        page.evaluate("id => window.network.body.emitter.emit('hoverEdge', {edge: id})", edge)
        assert (
            page.evaluate("document.querySelectorAll('#details script, #details img').length") == 0
        )
    assert page.evaluate("window.pwned === undefined")
