"""The ``drugkg`` command line: each command a thin wrapper over one library call.

Data goes to stdout; progress, warnings and errors to stderr. Every error the project
raises on purpose becomes one line naming the bad input and a non-zero exit code.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from graph_builder import __version__
from graph_builder.model import GraphBuilderError, InputError
from graph_builder.vocabulary import DATA_DIR

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_INPUT = DATA_DIR / "documents"
DEFAULT_OUTDIR = Path("out")

GRAPH_OPTION = click.option(
    "--graph",
    "-g",
    "graph_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUTDIR,
    show_default=True,
    help="The folder 'drugkg build' wrote (holding graph.ttl).",
)


def _fail(message: str) -> None:
    click.secho(f"drugkg: error: {message}", fg="red", err=True)


def friendly_errors(command: F) -> F:
    """Turn the project's errors into one line on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GraphBuilderError as error:
            _fail(str(error))
            sys.exit(1)
        except KeyboardInterrupt:
            _fail("interrupted")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="drugkg")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does (on stderr).")
def main(verbose: bool) -> None:
    """Build and explore a knowledge graph of drug relationships from drug documents.

    \b
    Typical use:
      drugkg build data/documents -o out     read documents, write out/graph.ttl
      drugkg conflicts -g out                where the sources disagree
      drugkg validate -g out                 check the graph against the SHACL shapes
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="drugkg: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o", "--outdir", type=click.Path(path_type=Path), default=DEFAULT_OUTDIR, show_default=True,
    help="Folder to write graph.ttl (and the views, store and reports) into.",
)
@click.option("--strict", is_flag=True, help="Stop at the first unreadable document.")
@friendly_errors
def build(paths: tuple[Path, ...], outdir: Path, strict: bool) -> None:
    """Build the graph from PATHS (.txt, .md, .html files or folders; default data/documents).

    Writes OUTDIR/graph.ttl (sorted and stable: the same input gives the same bytes) and
    prints counts by relation and the conflicts found between sources. A document that
    cannot be read is reported on one line and the others are still built, unless --strict.
    """
    from graph_builder.build import run_build

    inputs = list(paths) or [DEFAULT_INPUT]
    for path in inputs:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")

    def on_error(error: InputError) -> None:
        if strict:
            raise error
        _fail(str(error))

    show_progress = sys.stderr.isatty()

    def progress(source: str) -> None:
        if show_progress:
            click.echo(f"  reading {source}", err=True)

    summary = run_build(inputs, outdir, on_error=on_error, progress=progress)
    click.echo(summary)


@main.command()
@GRAPH_OPTION
@friendly_errors
def validate(graph_dir: Path) -> None:
    """Check a built graph against the SHACL shapes and the graph contract."""
    from graph_builder.rdf import read_graph
    from graph_builder.validate import validate_graph

    report = validate_graph(read_graph(graph_dir))
    click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@main.command()
@GRAPH_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "tsv"]), default="text", show_default=True)
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
            click.echo(f"   - {source}: \"{sentence}\"")


if __name__ == "__main__":  # pragma: no cover
    main()
