"""What ``drugkg build`` does around the pipeline: write the outputs and summarise them."""

from __future__ import annotations

import os
import shutil
import tempfile
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
    for predicate in set(graph.objects(None, RDF.predicate)):
        for base, prefix in wanted.items():
            if isinstance(predicate, URIRef) and str(predicate).startswith(base):
                name = f"{prefix}:{str(predicate)[len(base) :]}"
                counts[name] = sum(1 for _ in graph.triples((None, predicate, None)))
    return counts


def summarise(result: BuildResult, outdir: Path) -> str:
    """Describe a build in a few lines: documents, relations, conflicts, where things are."""
    graph = result.graph
    statements = len(list(graph.subjects(RDF.type, RDF.Statement)))
    lines = [
        f"Built {outdir / 'graph.ttl'}: {len(graph)} triples from {len(result.extractions)} "
        f"document(s), {len(result.entities)} entities named in them, "
        f"{statements} evidence statements.",
        "Relations (direct triples):",
    ]
    counts = count_relations(graph)
    width = max((len(k) for k in counts), default=0)
    lines += [f"  {name:<{width}}  {count}" for name, count in sorted(counts.items())]
    lines.append(f"Conflicts between sources: {len(result.conflicts)}")
    lines += [f"  - {conflict.description}" for conflict in result.conflicts]
    if result.errors:
        lines.append(
            f"Skipped {len(result.errors)} document(s) with nothing to read (unreadable, empty"
            " or no sentences); see the warnings above."
        )
    return "\n".join(lines)


def run_build(
    paths: Iterable[Path],
    outdir: Path,
    *,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[str], None] | None = None,
    store: bool = True,
    reason: bool = True,
    views: bool = True,
) -> str:
    """Build the graph from ``paths`` into ``outdir`` and return the summary."""
    result = build_graph(paths, on_error=on_error, progress=progress)
    if not result.extractions:
        raise InputError("no document could be read; nothing was built")
    inferred = None
    if reason:  # class membership and class-level interactions, each marked with its rule
        from graph_builder.reason import reason as reason_over

        inferred = reason_over(result.graph)
    summary = summarise(result, outdir)
    if inferred is not None:
        summary += f"\nInferred statements (reason stage, marked prov:wasGeneratedBy): {inferred}"
    outdir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(outdir)
    # Every output is written into a staging folder first and moved into place only when all
    # are done: a failed build leaves the last good outputs, never half of new ones.
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=outdir))
    try:
        write_graph(result.graph, staging / "graph.ttl")
        if store:  # the Oxigraph store beside graph.ttl, so queries never re-parse the Turtle
            from graph_builder.store import write_store

            write_store(staging / "graph.ttl")
        if views:  # interactive HTML pages, one self-contained file per view
            from graph_builder.render import write_views

            pages = write_views(result.graph, staging / "views")
            summary += f"\nViews: {len(pages) - 1} page(s) and an index in {outdir / 'views'}"
        publish(staging, outdir)
        if not views:
            summary += retire_old_views(outdir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for folder, command in (("analysis", "drugkg analyze"),):
        if (outdir / folder).is_dir():
            summary += (
                f"\nNote: {outdir / folder} is from an earlier build and describes another "
                f"graph; run '{command} -g {outdir}' to refresh it."
            )
    return summary


STAGING_PREFIX = ".drugkg-build-"


def remove_stale_temporaries(outdir: Path) -> list[Path]:
    """Remove what killed builds left in ``outdir``: staging and retired output folders.

    Only names a build makes are touched: ``.drugkg-build-*`` and ``.NAME.old-.drugkg-build-*``.
    """
    stale = sorted(
        path
        for path in outdir.iterdir()
        if path.is_dir()
        and not path.is_symlink()
        and (path.name.startswith(STAGING_PREFIX) or f".old-{STAGING_PREFIX}" in path.name)
    )
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return stale


def retire_old_views(outdir: Path) -> str:
    """Remove views an earlier build left (they show another graph); say so in the summary."""
    views = outdir / "views"
    if not views.is_dir() or views.is_symlink():
        return ""
    shutil.rmtree(views)
    return (
        f"\nRemoved {views}: its pages showed the graph of an earlier build "
        f"(--no-views); 'drugkg render -g {outdir}' draws this one."
    )


def publish(staging: Path, outdir: Path) -> None:
    """Move every output from ``staging`` into ``outdir``, replacing the old ones whole."""
    staged = sorted(staging.iterdir())
    for new in staged:
        old = outdir / new.name
        if old.exists() and old.is_dir() != new.is_dir():
            kind = "folder" if new.is_dir() else "file"
            raise InputError(f"{old}: in the way of the new {kind}; move it and build again")
    for new in staged:
        old = outdir / new.name
        if new.is_dir() and old.exists():
            retired = outdir / f".{new.name}.old-{staging.name}"
            os.replace(old, retired)
            os.replace(new, old)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(new, old)
