"""What ``drugkg build`` does around the pipeline: write the outputs and summarise them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph_builder.model import InputError
from graph_builder.pipeline import BuildResult, build_graph
from graph_builder.rdf import write_graph
from graph_builder.vocabulary import PREFIXES


def count_relations(graph: Graph) -> Counter[str]:
    """Count the direct triples per contract predicate, by CURIE."""
    counts: Counter[str] = Counter()
    wanted = {str(PREFIXES[p]): p for p in ("biolink", "schema", "dkg")}
    for _, predicate, _ in graph.triples((None, None, None)):
        for base, prefix in wanted.items():
            if str(predicate).startswith(base) and _is_relation(graph, predicate):
                counts[f"{prefix}:{str(predicate)[len(base):]}"] += 1
    return counts


def _is_relation(graph: Graph, predicate: URIRef) -> bool:
    return (None, RDF.predicate, predicate) in graph


def summarise(result: BuildResult, outdir: Path) -> str:
    """Describe a build in a few lines: documents, relations, conflicts, where things are."""
    graph = result.graph
    statements = len(list(graph.subjects(RDF.type, RDF.Statement)))
    lines = [
        f"Built {outdir / 'graph.ttl'}: {len(graph)} triples from {len(result.extractions)} "
        f"document(s), {len(result.entities)} entities, {statements} evidence statements.",
        "Relations (direct triples):",
    ]
    counts = count_relations(graph)
    width = max((len(k) for k in counts), default=0)
    lines += [f"  {name:<{width}}  {count}" for name, count in sorted(counts.items())]
    lines.append(f"Conflicts between sources: {len(result.conflicts)}")
    lines += [f"  - {conflict.description}" for conflict in result.conflicts]
    if result.errors:
        lines.append(f"Skipped {len(result.errors)} unreadable document(s); see the errors above.")
    return "\n".join(lines)


def run_build(
    paths: Iterable[Path],
    outdir: Path,
    *,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> str:
    """Build the graph from ``paths`` into ``outdir`` and return the summary."""
    result = build_graph(paths, on_error=on_error, progress=progress)
    write_graph(result.graph, outdir / "graph.ttl")
    return summarise(result, outdir)
