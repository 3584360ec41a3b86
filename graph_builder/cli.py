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
        except OSError as error:  # an output folder that cannot be written, a full disk
            _fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "))
            sys.exit(1)
        except KeyboardInterrupt:
            _fail("interrupted")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="drugkg")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does (on stderr).")
def main(verbose: bool) -> None:
    r"""Build and explore a knowledge graph of drug relationships from drug documents.

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
@click.option("--no-store", is_flag=True, help="Skip the Oxigraph store (OUTDIR/store/).")
@click.option("--no-reason", is_flag=True, help="Skip the reason stage (no inferred triples).")
@click.option("--no-views", is_flag=True, help="Skip the interactive HTML views (OUTDIR/views/).")
@friendly_errors
def build(
    paths: tuple[Path, ...], outdir: Path, strict: bool, no_store: bool, no_reason: bool,
    no_views: bool,
) -> None:
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

    summary = run_build(
        inputs, outdir, on_error=on_error, progress=progress, store=not no_store,
        reason=not no_reason, views=not no_views,
    )
    click.echo(summary)


@main.command()
@GRAPH_OPTION
@click.option("--view", "view_name", help="Only this view: cns-depressant-interactions, "
              "mechanism-of-action, shared-side-effects, whole-graph or drug.")
@click.option("--drug", help="Only this drug's page (a name or synonym, e.g. Klonopin).")
@click.option("--relation", "relations", multiple=True,
              help="Draw only this relation (treats, biolink:treats ...); repeatable.")
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
    for path in write_views(read_graph(graph_dir), folder, view=view_name, drug=drug,
                            relations=relations):
        click.echo(f"wrote {path}", err=True)


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
            click.echo(f"   - {source}: \"{sentence}\"")


@main.command()
@GRAPH_OPTION
@click.argument("query_text", metavar="[QUERY]", required=False)
@click.option("--file", "-f", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Read the query from a .rq file ('-' for stdin).")
@click.option("--name", "-n", "query_name", help="Run a named teaching query (see --list).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]),
              default="table", show_default=True, help="How to print SELECT/ASK results.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Stop the query after this many seconds.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Print at most this many rows (or triples).")
@friendly_errors
def query(
    graph_dir: Path, query_text: str | None, query_file: Path | None, query_name: str | None,
    fmt: str, list_queries: bool, timeout: float, max_rows: int,
) -> None:
    """Run a SPARQL query (QUERY, --file or --name) on a built graph, read-only.

    The contract's prefixes (dkg:, dkgid:, biolink:, schema: ...) need no PREFIX lines.
    CONSTRUCT and DESCRIBE print Turtle. SERVICE, LOAD, updates and FROM naming graphs
    outside the store are refused before anything runs.
    """
    from graph_builder.query import QueryRunner, get_named_queries, get_named_query

    if list_queries:
        for named in get_named_queries().values():
            click.echo(f"{named.name}\n    {named.question}")
        return
    sources = [s for s in (query_text, query_file, query_name) if s is not None]
    if len(sources) != 1:
        raise InputError("give exactly one of QUERY, --file F.rq or --name NAME (or --list)")
    if query_name is not None:
        text = get_named_query(query_name).text
    elif query_file is not None:
        text = _read_query_file(query_file)
    else:
        text = str(query_text)
    with QueryRunner(graph_dir, timeout=timeout, row_cap=max_rows) as runner:
        result = runner.run(text)
    _echo_result(result, fmt, max_rows)


def _read_query_file(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the query ({type(error).__name__})") from None


def _echo_result(result: Any, fmt: str, max_rows: int) -> None:
    from graph_builder.results import WRITERS

    if result.form == "graph":
        click.echo(result.graph.decode("utf-8"), nl=False)
    else:
        click.echo(WRITERS[fmt](result), nl=fmt in ("table", "json"))
    if result.truncated:
        click.secho(f"drugkg: warning: stopped at --max-rows {max_rows}", fg="yellow", err=True)


@main.command()
@click.argument("graph_dir", metavar="[OUTDIR]", required=False, default=DEFAULT_OUTDIR,
                type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback: only this machine can connect).")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Stop each query after this many seconds.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Queries answered at the same time (one process each).")
@friendly_errors
def serve(
    graph_dir: Path, host: str, port: int, timeout: float, max_rows: int, workers: int
) -> None:
    """Serve OUTDIR's graph read-only: SPARQL 1.1 Protocol at /sparql, a query page at /."""
    from graph_builder.endpoint import serve_graph

    serve_graph(graph_dir, host=host, port=port, timeout=timeout, row_cap=max_rows,
                workers=workers)



@main.command()
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
    pairs = [(source, target)] if source and target else list(DEFAULT_EXPLANATIONS)
    graph = read_graph(graph_dir)
    result = analyse(graph, pairs)
    click.echo(to_markdown(result))
    folder = (graph_dir if graph_dir.is_dir() else graph_dir.parent) / "analysis"
    for path in write_report(result, to_networkx(graph), folder):
        click.echo(f"wrote {path}", err=True)


@main.command()
@GRAPH_OPTION
@click.option("--format", "fmt", required=True, type=click.Choice(
    ["turtle", "jsonld", "ntriples", "graphml", "cytoscape", "neo4j", "kgx"]))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A file, or a folder for neo4j and kgx.")
@friendly_errors
def export(graph_dir: Path, fmt: str, output: Path) -> None:
    """Export the graph for another tool (networkx, Cytoscape, Neo4j, KGX, RDF)."""
    from graph_builder.export import export_graph
    from graph_builder.rdf import read_graph

    for path in export_graph(read_graph(graph_dir), fmt, output):
        click.echo(f"wrote {path}", err=True)

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


@main.group()
def evaluate() -> None:
    """Score what the graph states against published gold annotations (DDI-2013, TAC-2017)."""


@evaluate.command("ddi")
@click.argument(
    "corpus", type=click.Path(exists=True, path_type=Path), required=False,
    default=CORPORA / "ddi2013-train",
)
@click.option("--errors", is_flag=True, help="List false positives and misses per document.")
@friendly_errors
def evaluate_ddi_command(corpus: Path, errors: bool) -> None:
    """Build the DDI-2013 documents as plain text and score the interacting pairs."""
    from graph_builder.evaluate.ddi import evaluate_ddi

    result = evaluate_ddi(corpus)
    if errors:
        click.echo(result.error_listing())
        click.echo()
    click.echo(result.table())


@evaluate.command("adr")
@click.argument(
    "corpus", type=click.Path(exists=True, path_type=Path), required=False,
    default=CORPORA / "tac2017-adr-train",
)
@click.option("--errors", is_flag=True, help="List false positives and misses per label.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N labels.")
@friendly_errors
def evaluate_adr_command(corpus: Path, errors: bool, limit: int | None) -> None:
    """Build the TAC-2017 labels as plain text and score the unique reactions per label."""
    from graph_builder.evaluate.adr import evaluate_adr

    click.echo(evaluate_adr(corpus, errors=errors, limit=limit))

if __name__ == "__main__":  # pragma: no cover
    main()
