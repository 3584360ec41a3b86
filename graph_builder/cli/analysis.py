"""Commands that analyse and export a graph: analyze, export."""

from __future__ import annotations

from pathlib import Path

import click

from graph_builder.cli.common import GRAPH_OPTION, friendly_errors


@click.command()
@GRAPH_OPTION
@click.option("--from", "source", help="Explain how this entity leads to --to (e.g. alcohol).")
@click.option("--to", "target", help="The entity to explain (e.g. 'respiratory depression').")
@friendly_errors
def analyze(graph_dir: Path, source: str | None, target: str | None) -> None:
    """Find interaction clusters, hubs, explanations and side-effect similarity.

    Prints the report and writes GRAPH/analysis/report.md, report.json and PNG plots.
    Without --from/--to it explains alcohol -> respiratory depression.
    """
    from graph_builder.analyse import DEFAULT_EXPLANATIONS, analyse, to_networkx
    from graph_builder.analysis_report import to_markdown, write_report
    from graph_builder.rdf import read_graph

    if (source is None) != (target is None):
        raise click.UsageError("give both --from and --to, or neither")
    if source is not None and source == target:
        raise click.UsageError("--from and --to name the same entity; give two")
    pairs = [(source, target)] if source and target else list(DEFAULT_EXPLANATIONS)
    graph = read_graph(graph_dir)
    result = analyse(graph, pairs)
    click.echo(to_markdown(result))
    folder = (graph_dir if graph_dir.is_dir() else graph_dir.parent) / "analysis"
    for path in write_report(result, to_networkx(graph), folder):
        click.echo(f"wrote {path}", err=True)


@click.command()
@GRAPH_OPTION
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["turtle", "jsonld", "ntriples", "graphml", "cytoscape", "neo4j", "kgx"]),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="A file, or a folder for neo4j and kgx.",
)
@friendly_errors
def export(graph_dir: Path, fmt: str, output: Path) -> None:
    """Export the graph for another tool (networkx, Cytoscape, Neo4j, KGX, RDF)."""
    from graph_builder.export import export_graph
    from graph_builder.rdf import read_graph

    for path in export_graph(read_graph(graph_dir), fmt, output):
        click.echo(f"wrote {path}", err=True)
