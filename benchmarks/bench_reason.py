"""Time the reason and analyse stages and the exports on the seeds plus the test monograph."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from graph_builder import build_graph
from graph_builder.analyse import analyse, to_networkx
from graph_builder.export import EXPORTERS, FOLDER_FORMATS, export_graph
from graph_builder.reason import reason
from graph_builder.vocabulary import DATA_DIR, ROOT_DIR

INPUTS = [DATA_DIR / "documents", ROOT_DIR / "tests" / "fixtures" / "reason"]


def main() -> None:
    graph = build_graph(INPUTS).graph
    before = len(graph)
    rows = []
    start = time.perf_counter()
    inferred = reason(graph)
    rows.append(("reason", time.perf_counter() - start, f"{inferred} statements, "
                 f"{len(graph) - before} triples added"))
    start = time.perf_counter()
    g = to_networkx(graph)
    rows.append(("to_networkx", time.perf_counter() - start,
                 f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"))
    start = time.perf_counter()
    analyse(graph, [("alcohol", "respiratory depression")])
    rows.append(("analyse (all metrics)", time.perf_counter() - start, ""))
    with tempfile.TemporaryDirectory() as folder:
        for fmt in EXPORTERS:
            target = Path(folder) / (fmt if fmt in FOLDER_FORMATS else f"graph.{fmt}")
            start = time.perf_counter()
            export_graph(graph, fmt, target)
            rows.append((f"export {fmt}", time.perf_counter() - start, ""))
    print(f"{'stage':<24} {'seconds':>8}  note")
    for name, seconds, note in rows:
        print(f"{name:<24} {seconds:>8.3f}  {note}")


if __name__ == "__main__":
    main()
