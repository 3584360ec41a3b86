"""Commands that build, check and show graphs: build, render, validate, conflicts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from graph_builder.cli.common import (
    DEFAULT_INPUT,
    DEFAULT_OUTDIR,
    GRAPH_OPTION,
    friendly_errors,
    terminate_cleanly,
    warn,
)
from graph_builder.model import InputError


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--outdir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUTDIR,
    show_default=True,
    help="Folder to write graph.ttl (and the views, store and reports) into.",
)
@click.option("--strict", is_flag=True, help="Stop at the first unreadable document.")
@click.option("--no-store", is_flag=True, help="Skip the Oxigraph store (OUTDIR/store/).")
@click.option("--no-reason", is_flag=True, help="Skip the reason stage (no inferred triples).")
@click.option("--no-views", is_flag=True, help="Skip the interactive HTML views (OUTDIR/views/).")
@friendly_errors
def build(
    paths: tuple[Path, ...],
    outdir: Path,
    strict: bool,
    no_store: bool,
    no_reason: bool,
    no_views: bool,
) -> None:
    """Build the graph from PATHS (.txt, .md, .html files or folders; default data/documents).

    Writes OUTDIR/graph.ttl (sorted and stable: the same input gives the same bytes) and
    prints counts by relation and the conflicts found between sources. A document that
    cannot be read is reported on one line and the others are still built, unless --strict.
    """
    from graph_builder.build import run_build

    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir}: -o must name a folder, and this is a file")
    given = list(paths) or [DEFAULT_INPUT]
    missing = [path for path in given if not path.exists()]
    inputs = [path for path in given if path.exists()]
    if not inputs:  # nothing to build from: one error line naming what is missing
        shown = ", ".join(str(p) for p in missing)
        raise InputError(f"{shown}: no such file or folder")

    def on_error(error: InputError) -> None:
        if strict:
            raise error
        warn(str(error))

    for problem in [*(missing_path(p) for p in missing), *broken_links(inputs)]:
        on_error(problem)

    from graph_builder.ingest import iter_paths

    total = sum(1 for _ in iter_paths(inputs))
    if total == 0:
        shown = ", ".join(str(p) for p in inputs)
        raise InputError(f"{shown}: no .txt, .md or .html documents found")
    show_progress = sys.stderr.isatty() and total > 1
    done = 0

    def progress(source: str) -> None:
        nonlocal done
        done += 1
        if show_progress:  # one line, rewritten in place; nothing when stderr is a file
            end = "\n" if done == total else ""
            click.echo(f"\r\033[K  [{done}/{total}] {source}", err=True, nl=False)
            click.echo(end, err=True, nl=False)

    with terminate_cleanly():  # SIGTERM unwinds too, so the staging folder is removed
        summary = run_build(
            inputs,
            outdir,
            on_error=on_error,
            progress=progress,
            store=not no_store,
            reason=not no_reason,
            views=not no_views,
        )
    click.echo(summary)


def missing_path(path: Path) -> InputError:
    """Say why a path given to build is not there (a dangling link or nothing at all)."""
    if path.is_symlink():
        return InputError(f"{path}: broken link to {os.readlink(path)}")
    return InputError(f"{path}: no such file or folder")


def broken_links(inputs: list[Path]) -> list[InputError]:
    """Find the dangling links to documents inside the folders given to build."""
    from graph_builder.ingest import SUFFIXES

    found = []
    for folder in (path for path in inputs if path.is_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_symlink() and not path.exists():
                target = os.readlink(path)
                if path.suffix.lower() in SUFFIXES or Path(target).suffix.lower() in SUFFIXES:
                    found.append(InputError(f"{path}: broken link to {target}"))
    return found


@click.command()
@GRAPH_OPTION
@click.option(
    "--view",
    "view_name",
    help="Only this view: cns-depressant-interactions, "
    "mechanism-of-action, shared-side-effects, whole-graph or drug.",
)
@click.option("--drug", help="Only this drug's page (a name or synonym, e.g. Klonopin).")
@click.option(
    "--relation",
    "relations",
    multiple=True,
    help="Draw only this relation (treats, biolink:treats ...); repeatable.",
)
@friendly_errors
def render(
    graph_dir: Path, view_name: str | None, drug: str | None, relations: tuple[str, ...]
) -> None:
    """Regenerate the interactive views (GRAPH/views/) from a built graph.

    Each page is one self-contained HTML file that works offline; open views/index.html.
    """
    from graph_builder.rdf import read_graph
    from graph_builder.render import write_views

    folder = (graph_dir if graph_dir.is_dir() else graph_dir.parent) / "views"
    for path in write_views(
        read_graph(graph_dir), folder, view=view_name, drug=drug, relations=relations
    ):
        click.echo(f"wrote {path}", err=True)


@click.command()
@GRAPH_OPTION
@friendly_errors
def validate(graph_dir: Path) -> None:
    """Check a built graph: SHACL shapes, and every dkg: term defined in the ontology.

    Two checks, each reported on its own line. SHACL: the graph against
    ontology/shapes.ttl (pyshacl, no inference). Ontology: every dkg: class and property
    the graph uses has a label and a definition in ontology/drugkg.ttl. Exits 1 when
    either check fails.
    """
    from graph_builder.rdf import read_graph
    from graph_builder.validate import validate_graph

    report = validate_graph(read_graph(graph_dir))
    click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@click.command()
@GRAPH_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(["text", "tsv"]), default="text", show_default=True
)
@friendly_errors
def conflicts(graph_dir: Path, fmt: str) -> None:
    """List where the sources disagree, with each side's sentence and document."""
    from graph_builder.rdf import read_graph
    from graph_builder.report import iter_conflicts

    rows = list(iter_conflicts(read_graph(graph_dir)))
    if fmt == "tsv":
        click.echo("kind\tconflict\tsource\tsentence")
        for row in rows:
            for source, sentence in row.sides:
                click.echo(f"{row.kind}\t{row.description}\t{source}\t{sentence}")
        return
    if not rows:
        click.echo("No conflicts between sources.")
    for number, row in enumerate(rows, 1):
        click.echo(f"{number}. [{row.kind}] {row.description}")
        for source, sentence in row.sides:
            click.echo(f'   - {source}: "{sentence}"')
