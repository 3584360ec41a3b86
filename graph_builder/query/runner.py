"""Running queries in worker processes, with a wall-clock limit and a row cap."""

from __future__ import annotations

import multiprocessing
import queue
import re
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph_builder.model import GraphError, QueryError
from graph_builder.query.safety import CONTRACT_PREFIXES, check_graph_names, check_query

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

DEFAULT_TIMEOUT = 30.0  # seconds of wall-clock time per query
DEFAULT_ROW_CAP = 10_000
GRAPH_FORMATS = ("turtle", "json-ld", "n-triples")


# ---------------------------------------------------------------------------------------------
# Results: plain picklable records, so they cross the worker's pipe and any writer reads them.


class Term(NamedTuple):
    """An RDF term in a result row, as SPARQL JSON results describe it.

    A named tuple, not a dataclass: a 5,000-row answer makes tens of thousands of them, and a
    tuple is made (and pickled across the worker's pipe) in a third of the time.
    """

    kind: str  # "uri", "bnode", "literal" or "triple"
    value: str
    datatype: str | None = None
    language: str | None = None


Row = tuple[Term | None, ...]


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query answered: rows (SELECT), a boolean (ASK) or serialised triples (graphs)."""

    form: str  # "select", "ask" or "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    boolean: bool = False
    graph: bytes = b""
    graph_format: str = "turtle"
    truncated: bool = False
    triples: int = 0  # how many triples ``graph`` holds (graphs only)


@dataclass(frozen=True, slots=True)
class Job:
    """One query for a worker: the text, limits, and the dataset it may see."""

    text: str
    row_cap: int = DEFAULT_ROW_CAP
    graph_format: str = "turtle"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def run_job(store: Any, job: Job) -> QueryResult:
    """Run a checked query on an open pyoxigraph store and collect at most ``row_cap`` rows."""
    from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, RdfFormat, serialize

    options: dict[str, Any] = {"prefixes": CONTRACT_PREFIXES}
    if job.default_graphs:
        options["default_graph"] = [NamedNode(iri) for iri in job.default_graphs]
    if job.named_graphs:
        options["named_graphs"] = [NamedNode(iri) for iri in job.named_graphs]
    try:
        answer = store.query(job.text, **options)
        if isinstance(answer, QueryBoolean):
            return QueryResult(form="ask", boolean=bool(answer))
        if isinstance(answer, QuerySolutions):
            variables = tuple(variable.value for variable in answer.variables)
            # Listing queries repeat the same drugs and labels row after row: convert each
            # distinct term once (a third of the time of a 5,000-row answer otherwise).
            seen: dict[Any, Term | None] = {None: None}
            rows = [
                tuple(seen[t] if t in seen else seen.setdefault(t, _to_term(t)) for t in solution)
                for solution in _take(answer, job.row_cap + 1)
            ]
            return QueryResult(
                form="select",
                variables=variables,
                rows=tuple(rows[: job.row_cap]),
                truncated=len(rows) > job.row_cap,
            )
        triples = list(_take(answer, job.row_cap + 1))
        formats = {
            "turtle": RdfFormat.TURTLE,
            "json-ld": RdfFormat.JSON_LD,
            "n-triples": RdfFormat.N_TRIPLES,
        }
        data = serialize(
            triples[: job.row_cap],
            format=formats[job.graph_format],
            prefixes=CONTRACT_PREFIXES if job.graph_format == "turtle" else None,
        )
        return QueryResult(
            form="graph",
            graph=data or b"",
            graph_format=job.graph_format,
            truncated=len(triples) > job.row_cap,
            triples=min(len(triples), job.row_cap),
        )
    except SyntaxError as error:
        raise QueryError(describe_syntax_error(job.text, str(error))) from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {_one_line(error)}") from None


def _take(items: Any, count: int) -> Any:
    for number, item in enumerate(items):
        if number >= count:
            return
        yield item


def describe_syntax_error(text: str, parser_message: str) -> str:
    r"""Say on one line where a query stops parsing and show the text there, marked with ▸.

    The parser's lists of expected tokens are dropped: they name grammar rules, not words.

    >>> describe_syntax_error("SELECT ?x WHERE {\n?x ?y\n}", "error at 3:1: expected one of ...")
    'malformed query at line 3, column 1: syntax error at ▸ in "SELECT ?x WHERE { ?x ?y ▸}"'
    >>> describe_syntax_error("ASK { ?x ?y }", "error at 1:14: expected one of ...")
    'malformed query at line 1, column 14: the query ended before it was complete: "ASK { ?x ?y }▸"'
    """
    position = _POSITION.match(parser_message)
    if position is None:
        return f"malformed query: {_one_line(parser_message)}"
    line, column = int(position.group(1)), int(position.group(2))
    where = f"malformed query at line {line}, column {column}"
    lines = text.split("\n")
    offset = min(len(text), sum(len(part) + 1 for part in lines[: line - 1]) + column - 1)
    before = _excerpt(text[:offset], tail=True)
    after = _excerpt(text[offset:], 12, tail=False)
    if "Prefix not found" in parser_message:
        known = ", ".join(sorted(CONTRACT_PREFIXES))
        hint = f"declare it with PREFIX or use one of {known}"
        return f'{where}: unknown prefix in "{before}"; {hint}'
    if not after:
        return f'{where}: the query ended before it was complete: "{before}▸"'
    left = " " if before and text[offset - 1 : offset].isspace() else ""
    right = " " if text[offset : offset + 1].isspace() else ""
    return f'{where}: syntax error at ▸ in "{before}{left}▸{right}{after}"'


_POSITION = re.compile(r"error at (\d+):(\d+)")


def _excerpt(text: str, limit: int = 24, *, tail: bool) -> str:
    """Return the last (or first) whole words of ``text`` within ``limit`` characters."""
    words = text.split()
    if not tail:
        words.reverse()
    kept: list[str] = []
    while words and (not kept or sum(len(w) + 1 for w in kept) + len(words[-1]) <= limit):
        kept.append(words.pop())
    if tail:
        kept.reverse()
    shown = " ".join(kept)
    if len(shown) > limit:  # one long word (an IRI, a string): keep its end or its start
        shown, words = (shown[-limit:] if tail else shown[:limit]), ["cut"]
    if not words:
        return shown
    return "…" + shown if tail else shown + "…"


def _one_line(error: BaseException | str, limit: int = 200) -> str:
    """Put an error on one line, cut at ``limit`` characters (parsers list every token)."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _to_term(term: Any) -> Term | None:
    from pyoxigraph import BlankNode, Literal, NamedNode

    if term is None:
        return None
    if isinstance(term, NamedNode):
        return Term("uri", term.value)
    if isinstance(term, BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, Literal):
        if term.language:
            return Term("literal", term.value, language=term.language)
        return Term("literal", term.value, datatype=term.datatype.value)
    return Term("triple", str(term))


# ---------------------------------------------------------------------------------------------
# Workers: one process per concurrent query, killed and replaced when a query runs too long.


def _worker_main(connection: Connection, graph_dir: str, in_memory: bool = False) -> None:
    from graph_builder.store import get_graph_names, open_store

    try:
        store = open_store(Path(graph_dir), in_memory=in_memory)
    except GraphError as error:
        connection.send(("error", str(error)))
        return
    connection.send(("ready", get_graph_names(store)))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("ok", run_job(store, job)))
        except QueryError as error:
            connection.send(("error", str(error)))


class _Worker:
    def __init__(self, process: BaseProcess, connection: Connection) -> None:
        self.process, self.connection, self.ready = process, connection, False


class QueryRunner:
    """Run queries on a built graph in worker processes, each with a wall-clock limit."""

    def __init__(
        self,
        graph_dir: Path,
        *,
        workers: int = 1,
        timeout: float = DEFAULT_TIMEOUT,
        row_cap: int = DEFAULT_ROW_CAP,
        start_method: str = "fork",
        in_memory: bool = False,
    ) -> None:
        """Start ``workers`` processes serving the graph in ``graph_dir``.

        With ``in_memory`` each worker loads the graph into memory first: queries run 1.5-9
        times faster, at the cost of start-up time and memory (about 3 s and 600 MB per
        worker for a million triples).

        Raises:
            GraphError: when the folder holds no readable graph.

        """
        self.graph_dir, self.timeout, self.row_cap = graph_dir, timeout, row_cap
        self.in_memory = in_memory
        self.graph_names: frozenset[str] = frozenset()
        self._context: Any = multiprocessing.get_context(start_method)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        started = [self._start() for _ in range(max(1, workers))]
        try:
            for worker in started:
                self._await_ready(worker, max(timeout, 60.0), GraphError)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        receiver, sender = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main, args=(sender, str(self.graph_dir), self.in_memory), daemon=True
        )
        process.start()
        sender.close()
        worker = _Worker(process, receiver)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _await_ready(self, worker: _Worker, timeout: float, error: type[Exception]) -> None:
        try:
            if not worker.connection.poll(timeout):
                raise error(f"{self.graph_dir}: the store did not open within {timeout:g} s")
            kind, value = worker.connection.recv()
        except (EOFError, OSError):
            raise error(f"{self.graph_dir}: the query worker stopped while opening") from None
        if kind != "ready":
            raise error(str(value))
        self.graph_names, worker.ready = value, True

    def _stop(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.connection.close()
        with self._lock:
            self._workers.discard(worker)

    def run(self, text: str, **options: Any) -> QueryResult:
        """Check and run ``text``; ``options`` are the other ``Job`` fields.

        Raises:
            QueryError: when the query is refused, malformed, fails or passes the time limit.

        """
        check_query(text, self.graph_names)
        check_graph_names(
            options.get("default_graphs", ()) + options.get("named_graphs", ()), self.graph_names
        )
        options.setdefault("row_cap", self.row_cap)
        job = Job(text, **options)
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryError(f"busy: no worker free within {self.timeout:g} s") from None
        try:
            if not worker.ready:
                self._await_ready(worker, self.timeout, QueryError)
            kind, value = self._ask(worker, job)
        except QueryError:
            self._stop(worker)
            self._idle.put(self._start())
            raise
        self._idle.put(worker)
        if kind != "ok":
            raise QueryError(str(value))
        result: QueryResult = value
        return result

    def _ask(self, worker: _Worker, job: Job) -> tuple[str, Any]:
        try:
            worker.connection.send(job)
            if not worker.connection.poll(self.timeout):
                raise QueryError(
                    f"timed out: the query ran past {self.timeout:g} s and was stopped"
                )
            reply: tuple[str, Any] = worker.connection.recv()
        except (EOFError, OSError):
            raise QueryError("the query worker stopped unexpectedly") from None
        return reply

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            self._stop(worker)

    def __enter__(self) -> QueryRunner:
        """Return the runner for a ``with`` block."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop the workers at the end of a ``with`` block."""
        self.close()
