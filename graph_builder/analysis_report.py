"""Write the analysis as ``report.md``, ``report.json`` and PNG plots (matplotlib, no display)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph_builder.analyse import SEED, interaction_graph
from graph_builder.rdf import write_atomic


def to_markdown(analysis: dict[str, Any]) -> str:
    """Render the analysis as a readable Markdown report."""
    summary = analysis["graph"]
    lines = [
        "# Interaction analysis",
        "",
        f"{summary['nodes']} entities, {summary['edges']} relations "
        "(inferred ones are marked and carry the rule that made them).",
        "",
        "## Interaction clusters",
    ]
    for kind in ("components", "communities"):
        title = "Connected components" if kind == "components" else "Louvain communities"
        lines += ["", f"### {title}", ""]
        for cluster in analysis["clusters"][kind]:
            lines.append(
                f"- **{cluster['name']}** ({len(cluster['labels'])}): "
                + ", ".join(cluster["labels"])
            )
    lines += [
        "",
        "## Interaction hubs",
        "",
        "| entity | kind | partners | betweenness |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {h['label']} | {h['kind']} | {h['partners']} | {h['betweenness']} |"
        for h in analysis["hubs"]
    ]
    lines += ["", "## Explanations"]
    for item in analysis["explanations"]:
        lines += ["", f"### Why {item['from']} leads to {item['to']}"]
        if not item["paths"]:
            lines += ["", "No path between them in the graph."]
        for number, path in enumerate((p for p in item["paths"] if p), 1):
            walk = [path[0]["from_label"]] + [step["to_label"] for step in path]
            lines += ["", f"{number}. " + " → ".join(walk)]
            lines += [f"   - {_describe_step(step)}" for step in path]
    lines += ["", "## Side-effect similarity (Jaccard)", ""]
    if not analysis["side_effect_similarity"]:
        lines.append("No two drugs in the graph share a side effect.")
    for row in analysis["side_effect_similarity"][:20]:
        lines.append(
            f"- {row['a_label']} / {row['b_label']}: {row['jaccard']:.2f} "
            f"(shared: {', '.join(row['shared'])})"
        )
    return "\n".join(lines) + "\n"


def _describe_step(step: dict[str, Any]) -> str:
    claim = f"{step['subject_label']} {step['relation']} {step['object_label']}"
    if step["inferred"]:
        return f"{claim} — inferred by {step['rule']}"
    return f'{claim} — "{step["evidence"]}" ({step["source"]})'


def write_report(analysis: dict[str, Any], g: nx.MultiDiGraph, outdir: Path) -> list[Path]:
    """Write report.md, report.json and the plots into ``outdir``; return the paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = [outdir / "report.md", outdir / "report.json"]
    write_atomic(written[0], to_markdown(analysis).encode("utf-8"))
    data = json.dumps(analysis, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    write_atomic(written[1], data.encode("utf-8"))
    written += write_plots(analysis, g, outdir)
    return written


def write_plots(analysis: dict[str, Any], g: nx.MultiDiGraph, outdir: Path) -> list[Path]:
    """Draw the interaction network by community, the hubs and the side-effect similarity."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    h = interaction_graph(g)
    if h:
        figure, axes = plt.subplots(figsize=(11, 8))
        colours = {
            n: i for i, c in enumerate(analysis["clusters"]["communities"]) for n in c["members"]
        }
        layout = nx.spring_layout(h, seed=SEED, weight="weight")
        styles = ["dashed" if d["inferred"] else "solid" for _, _, d in h.edges(data=True)]
        nx.draw_networkx_edges(h, layout, ax=axes, style=styles, alpha=0.4)
        nx.draw_networkx_nodes(
            h,
            layout,
            ax=axes,
            node_color=[colours.get(n, -1) for n in h],
            cmap="tab10",
            node_size=[300 if h.nodes[n]["kind"] == "DrugClass" else 120 for n in h],
        )
        nx.draw_networkx_labels(
            h, layout, ax=axes, font_size=7, labels={n: h.nodes[n]["label"] for n in h}
        )
        axes.set_title("Interaction network by Louvain community (dashed: inferred)")
        axes.axis("off")
        written.append(_save(figure, outdir / "interaction-clusters.png"))
    if analysis["hubs"]:
        hubs = analysis["hubs"][::-1]
        figure, axes = plt.subplots(figsize=(8, 5))
        axes.barh([h_["label"] for h_ in hubs], [h_["partners"] for h_ in hubs])
        axes.set_xlabel("interaction partners (extracted and inferred)")
        axes.set_title("Interaction hubs")
        written.append(_save(figure, outdir / "interaction-hubs.png"))
    rows = analysis["side_effect_similarity"]
    if rows:
        labels = sorted({r["a_label"] for r in rows} | {r["b_label"] for r in rows})
        index = {label: i for i, label in enumerate(labels)}
        matrix = [[1.0 if i == j else 0.0 for j in labels] for i in labels]
        for r in rows:
            a, b = index[r["a_label"]], index[r["b_label"]]
            matrix[a][b] = matrix[b][a] = r["jaccard"]
        figure, axes = plt.subplots(figsize=(2 + len(labels), 1.5 + len(labels)))
        image = axes.imshow(matrix, vmin=0, vmax=1, cmap="viridis")
        axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
        axes.set_yticks(range(len(labels)), labels)
        figure.colorbar(image, ax=axes, label="Jaccard index of side effects")
        axes.set_title("Side-effect similarity")
        written.append(_save(figure, outdir / "side-effect-similarity.png"))
    return written


def _save(figure: Any, path: Path) -> Path:
    import io

    import matplotlib.pyplot as plt

    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    plt.close(figure)
    write_atomic(path, buffer.getvalue())
    return path
