"""Commands that ask the graph questions: query, serve."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from graph_builder.cli.common import DEFAULT_OUTDIR, GRAPH_OPTION, friendly_errors
from graph_builder.model import InputError, QueryError
from graph_builder.query.runner import DEFAULT_ROW_CAP, DEFAULT_TIMEOUT

TIMEOUT_OPTION = click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Stop each query after this many seconds of wall-clock time.",
)
MAX_ROWS_OPTION = click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=DEFAULT_ROW_CAP,
    show_default=True,
    help="Answer at most this many rows (or triples).",
)


@click.command()
@GRAPH_OPTION
@click.argument("query_text", metavar="[QUERY]", required=False)
@click.option(
    "--file",
    "-f",
    "query_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read the query from a .rq file ('-' for stdin).",
)
@click.option("--name", "-n", "query_name", help="Run a named teaching query (see --list).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="How to print SELECT/ASK results.",
)
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Set a named query's parameter (see --list), e.g. --set drug=lithium.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@TIMEOUT_OPTION
@MAX_ROWS_OPTION
@friendly_errors
def query(
    graph_dir: Path,
    query_text: str | None,
    query_file: Path | None,
    query_name: str | None,
    fmt: str,
    settings: tuple[str, ...],
    list_queries: bool,
    timeout: float,
    max_rows: int,
) -> None:
    """Run a SPARQL query (QUERY, --file or --name) on a built graph, read-only.

    Some named queries ask about one drug or edge; --set changes it
    (drugkg query --name shared-side-effects --set drug=lithium).

    The contract's prefixes (dkg:, dkgid:, biolink:, schema: ...) need no PREFIX lines.
    CONSTRUCT and DESCRIBE print Turtle. SERVICE, LOAD, updates and FROM naming graphs
    outside the store are refused before anything runs.
    """
    from graph_builder.query import (
        NamedQuery,
        QueryRunner,
        check_query,
        get_named_queries,
        get_named_query,
        resolve_names,
    )

    if list_queries:
        for listed in get_named_queries().values():
            click.echo(f"{listed.name}\n    {listed.question}")
            for parameter in listed.parameters:
                click.echo(f"    --set {parameter.name}=...  {parameter.meaning}")
        return
    sources = [s for s in (query_text, query_file, query_name) if s is not None]
    if len(sources) != 1:
        raise InputError("give exactly one of QUERY, --file F.rq or --name NAME (or --list)")
    origin = ""  # names where a query came from in its error messages
    if settings and query_name is None:
        raise InputError("--set sets a named query's parameter: use it with --name")
    named: NamedQuery | None = None
    values = _settings(settings)
    if query_name is not None:
        named, origin = get_named_query(query_name), query_name
        text = named.bind(values)  # a bad parameter fails here, before any worker starts
    elif query_file is not None:
        text = _read_query_file(query_file)
        origin = "stdin" if str(query_file) == "-" else str(query_file)
    else:
        text = str(query_text)
    check_query(text)  # refuse an empty or unsafe query before starting any worker
    try:
        with QueryRunner(graph_dir, timeout=timeout, row_cap=max_rows) as runner:
            if named is not None and values:  # "--set drug=Klonopin": the entity so named
                text = named.bind(resolve_names(named, values, lambda q: _pairs(runner.run(q))))
            result = runner.run(text)
    except QueryError as error:
        raise QueryError(f"{origin}: {error}" if origin else str(error)) from None
    _echo_result(result, fmt, max_rows)


def _pairs(result: Any) -> list[tuple[str, str]]:
    """Return the (IRI, label) rows of a name look-up."""
    return [(row[0].value, row[1].value) for row in result.rows if row[0] and row[1]]


def _settings(settings: tuple[str, ...]) -> dict[str, str]:
    """Read ``--set NAME=VALUE`` options into a dict, or fail naming the bad one."""
    values: dict[str, str] = {}
    for setting in settings:
        name, equals, value = setting.partition("=")
        if not equals or not name.strip() or not value.strip():
            raise InputError(f"--set {setting!r}: write NAME=VALUE, e.g. --set drug=lithium")
        values[name.strip()] = value.strip()
    return values


def _read_query_file(path: Path) -> str:
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read the query ({error.strerror or error})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{'stdin' if str(path) == '-' else path}: not UTF-8 text") from None


def _echo_result(result: Any, fmt: str, max_rows: int) -> None:
    from graph_builder.results import WRITERS

    if result.form == "graph":
        click.echo(result.graph.decode("utf-8"), nl=False)
    else:
        click.echo(WRITERS[fmt](result), nl=fmt in ("table", "json"))
    if result.truncated:
        click.secho(f"drugkg: warning: stopped at --max-rows {max_rows}", fg="yellow", err=True)


@click.command()
@click.argument(
    "graph_dir",
    metavar="[OUTDIR]",
    required=False,
    type=click.Path(path_type=Path),
)
@click.option(
    "--graph",
    "-g",
    "graph_option",
    type=click.Path(path_type=Path),
    help="The folder 'drugkg build' wrote, as for the other commands (or give it as OUTDIR). "
    f"Default: {DEFAULT_OUTDIR}.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (loopback: only this machine can connect). Another address "
    "needs --public: the endpoint has no authentication.",
)
@click.option("--public", is_flag=True, help="Allow listening on a non-loopback address.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=7878, show_default=True)
@TIMEOUT_OPTION
@MAX_ROWS_OPTION
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Queries answered at the same time (one process each).",
)
@click.option(
    "--in-memory/--on-disk",
    default=None,
    help="Hold the graph in each worker's memory (queries 1.5-9x faster; ~600 MB and ~3 s of "
    "loading per worker per million triples) or query the on-disk store. Default: in memory "
    "when graph.ttl is at most 256 MB (about two million triples).",
)
@friendly_errors
def serve(
    graph_dir: Path | None,
    graph_option: Path | None,
    host: str,
    port: int,
    timeout: float,
    max_rows: int,
    workers: int,
    in_memory: bool | None,
    public: bool,
) -> None:
    """Serve a built graph (OUTDIR or --graph) read-only: SPARQL at /sparql, a query page at /."""
    from graph_builder.endpoint import LOOPBACK, serve_graph

    if (
        graph_dir is not None
        and graph_option is not None
        and graph_dir.resolve() != graph_option.resolve()
    ):
        raise click.UsageError(
            f"OUTDIR {graph_dir} and --graph {graph_option} name different folders; give one"
        )
    graph_dir = graph_dir or graph_option or DEFAULT_OUTDIR
    if host not in LOOPBACK and not public:
        raise click.UsageError(
            f"--host {host} would let other machines query without authentication; "
            "add --public if that is what you want"
        )

    if in_memory is None:
        from graph_builder.store import fits_in_memory

        in_memory = fits_in_memory(graph_dir)
    serve_graph(
        graph_dir,
        host=host,
        port=port,
        timeout=timeout,
        row_cap=max_rows,
        workers=workers,
        in_memory=in_memory,
    )
