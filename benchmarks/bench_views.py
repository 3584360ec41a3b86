"""How fast the views render and stabilise, and the CNS-view screenshot for the README.

Synthetic views (a random tree plus as many random extra edges, so ~2 edges per node) are
rendered by graph_builder.render and opened from file:// in headless Debian chromium with
every other request blocked. "stabilised" is the time from navigation start until the
page's vis-network finished its stabilisation (window.drugkgView.stabilizedAt), median of
--runs.

    .venv/bin/python benchmarks/bench_views.py                 # 200, 1000, 2000 nodes
    .venv/bin/python benchmarks/bench_views.py --screenshot docs/cns-view.png
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from copy import deepcopy
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from graph_builder import build_graph
from graph_builder.render import write_views
from graph_builder.render.html import KIND_STYLES, render_view
from graph_builder.render.model import Evidence, View, ViewEdge, ViewNode
from graph_builder.vocabulary import DATA_DIR

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run"]
RELATIONS = ("treats", "has side effect", "interacts with", "member of", "affects")


def synthetic_view(size: int, seed: int = 1) -> View:
    """Return a random connected view with ``size`` nodes and about 2 edges per node."""
    rnd = random.Random(seed)
    kinds = list(KIND_STYLES)
    nodes = tuple(ViewNode(f"urn:n{i}", f"entity {i}", rnd.choice(kinds)) for i in range(size))
    pairs = [(i, rnd.randrange(i)) for i in range(1, size)]
    pairs += [(rnd.randrange(size), rnd.randrange(size)) for _ in range(size)]
    evidence = (Evidence("Entity A interacts with entity B.", ((0, 8),), "synthetic.txt"),)
    edges = tuple(
        ViewEdge(f"urn:n{a}", f"urn:n{b}", rnd.choice(RELATIONS), evidence, rnd.random() < 0.2)
        for a, b in pairs if a != b
    )
    return View(f"synthetic-{size}", f"Synthetic {size}", "benchmark", nodes, edges)


def open_page(browser: Any, path: Path, blocked: list[str]) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 900})

    def route(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    deadline = time.monotonic() + 60
    while page.evaluate("() => !(window.drugkgView && window.drugkgView.stabilizedAt)"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path.name} did not stabilise within 60 s")
        page.wait_for_timeout(10)
    return page


def bench(sizes: list[int], runs: int) -> None:
    blocked: list[str] = []
    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for size in sizes:
            view = synthetic_view(size)
            start = time.perf_counter()
            html = render_view(view)
            render_s = time.perf_counter() - start
            path = Path(folder) / view.file_name
            path.write_text(html, encoding="utf-8")
            times = []
            for _ in range(runs):
                page = open_page(browser, path, blocked)
                times.append(page.evaluate("window.drugkgView.stabilizedAt") / 1000)
                page.close()
            rows.append((size, len(view.edges), render_s, len(html) / 1e6,
                         statistics.median(times), max(times)))
        browser.close()
    print(f"{'nodes':>6} {'edges':>6} {'render s':>9} {'page MB':>8} "
          f"{'stabilised s (median)':>22} {'max s':>6}")
    for size, edges, render_s, mb, median, worst in rows:
        print(f"{size:>6} {edges:>6} {render_s:>9.2f} {mb:>8.2f} {median:>22.2f} {worst:>6.2f}")
    print(f"blocked requests: {len(blocked)}")


def screenshot(target: Path) -> None:
    from graph_builder.reason import reason

    graph = deepcopy(build_graph([DATA_DIR / "documents"]).graph)
    reason(graph)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        write_views(graph, Path(folder), view="cns-depressant-interactions")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        blocked: list[str] = []
        page = open_page(browser, Path(folder) / "cns-depressant-interactions.html", blocked)
        page.wait_for_timeout(300)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target))
        browser.close()
    print(f"wrote {target} (blocked requests: {len(blocked)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, help="write the CNS view's screenshot here")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
    else:
        bench(args.sizes, args.runs)


if __name__ == "__main__":
    main()
