"""Named SPARQL queries (``queries/*.rq``), the safety check, and running queries with limits.

A query is checked before anything runs it: updates, ``SERVICE``, ``LOAD`` and ``FROM`` /
``FROM NAMED`` naming a graph the store does not hold are refused, so no query ever opens a
connection or reads a file. Queries then run in worker processes (Oxigraph, through
pyoxigraph) that are killed when they pass their wall-clock limit, and answer at most
``row_cap`` rows.
"""

from __future__ import annotations

import multiprocessing
import queue
import re
import threading
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from graph_builder.model import GraphError, QueryError
from graph_builder.vocabulary import PACKAGE_DIR, PREFIXES

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

QUERIES_DIR = PACKAGE_DIR / "queries"
DEFAULT_TIMEOUT = 30.0  # seconds of wall-clock time per query
DEFAULT_ROW_CAP = 10_000
CONTRACT_PREFIXES = {name: str(namespace) for name, namespace in PREFIXES.items()}
GRAPH_FORMATS = ("turtle", "json-ld", "n-triples")


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A teaching query: its name, the pharmacology question it answers, and its text."""

    name: str
    question: str
    text: str


def read_named_query(path: Path) -> NamedQuery:
    """Read one ``.rq`` file whose first comment line states the question it answers."""
    text = path.read_text(encoding="utf-8")
    comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    question = next((line for line in comments if line), "")
    if not question:
        raise QueryError(f"{path}: a named query starts with a '# question' comment")
    return NamedQuery(name=path.stem, question=question, text=text)


@cache
def get_named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Return the named queries by name, in name order."""
    return {path.stem: read_named_query(path) for path in sorted(folder.glob("*.rq"))}


def get_named_query(name: str) -> NamedQuery:
    """Return the named query ``name``, or fail naming the ones there are."""
    queries = get_named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; 'drugkg query --list' shows them")
    return queries[name]


# ---------------------------------------------------------------------------------------------
# The safety check: a SPARQL tokenizer, so keywords inside strings, IRIs and comments never
# count and a keyword outside them always does. Every SERVICE, LOAD, update or FROM clause
# has its keyword as a token, so refusing on tokens is sound whatever the parser accepts.

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<var>[?$][\w\u00b7-\uffff]*)
  | (?P<bnode>_:[\w\-.\u00b7-\uffff]*)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d_][\w\-.\u00b7-\uffff]*)?:(?:[\w\-.:%\u00b7-\uffff]|\\.)*)
  | (?P<word>[^\W\d][\w]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_CALL_OUT = re.compile(r"(?<![?$\w:])(?:SERVICE|LOAD)\s+(?:SILENT\s+)?[<?$\w]", re.IGNORECASE)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "LOAD"}
)


def _tokens(text: str) -> list[tuple[str, str]]:
    return [
        (match.lastgroup or "other", match.group())
        for match in _TOKEN.finditer(text)
        if match.lastgroup not in ("space", "comment")
    ]


def _unescape(text: str) -> str:
    def char(match: re.Match[str]) -> str:
        return chr(int(match.group(1) or match.group(2), 16))

    try:
        return _UNICODE_ESCAPE.sub(char, text)
    except (ValueError, OverflowError):
        raise QueryError("refused: invalid \\u escape in the query") from None


def _resolve(kind: str, token: str, prefixes: dict[str, str], base: str) -> str | None:
    if kind == "iri":
        return urljoin(base, token[1:-1]) if base else token[1:-1]
    if kind == "pname":
        prefix, _, local = token.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def check_query(text: str, graph_names: frozenset[str] = frozenset()) -> None:
    """Refuse a query that updates, calls out (SERVICE, LOAD) or names a graph not in the store.

    Raises:
        QueryError: naming what is refused; nothing has run.

    """
    for variant in {text, _unescape(text)}:
        _check_tokens(_tokens(variant), graph_names)
        # Belt and braces: a call-out keyword followed by a target anywhere, even where the
        # tokenizer saw a comment or a string, is refused too (a false refusal is cheap).
        if _CALL_OUT.search(variant):
            raise QueryError("refused: SERVICE or LOAD would reach outside the local store")


def _check_tokens(tokens: list[tuple[str, str]], graph_names: frozenset[str]) -> None:
    prefixes, base = dict(CONTRACT_PREFIXES), ""
    for index, (kind, token) in enumerate(tokens):
        following = tokens[index + 1 : index + 4]
        word = token.upper() if kind == "word" else ""
        if word == "SERVICE":
            raise QueryError("refused: SERVICE would query another endpoint; only the local store")
        if word in _UPDATE_WORDS:
            raise QueryError(f"refused: {word} is an update; the graph is read-only")
        if word == "PREFIX" and len(following) >= 2 and following[1][0] == "iri":
            prefixes[following[0][1].rstrip(":")] = urljoin(base, following[1][1][1:-1])
        elif word == "BASE" and following and following[0][0] == "iri":
            base = urljoin(base, following[0][1][1:-1])
        elif word == "FROM":
            _check_from(following, prefixes, base, graph_names)


def _check_from(
    following: list[tuple[str, str]], prefixes: dict[str, str], base: str, names: frozenset[str]
) -> None:
    if (
        following
        and following[0] == ("word", following[0][1])
        and following[0][1].upper() == "NAMED"
    ):
        following = following[1:]
    iri = _resolve(*following[0], prefixes, base) if following else None
    if iri is None or iri not in names:
        shown = iri or (following[0][1] if following else "nothing")
        raise QueryError(f"refused: FROM {shown} names no graph in the store")


def check_graph_names(iris: tuple[str, ...], graph_names: frozenset[str]) -> None:
    """Refuse protocol graph parameters (default-graph-uri ...) naming graphs not in the store."""
    for iri in iris:
        if iri not in graph_names:
            raise QueryError(f"refused: graph {iri} is not in the store")


# ---------------------------------------------------------------------------------------------
# Results: plain picklable records, so they cross the worker's pipe and any writer reads them.


@dataclass(frozen=True, slots=True)
class Term:
    """An RDF term in a result row, as SPARQL JSON results describe it."""

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
            rows = [
                tuple(_to_term(t) for t in solution) for solution in _take(answer, job.row_cap + 1)
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
        )
    except SyntaxError as error:
        raise QueryError(f"malformed query: {_one_line(error)}") from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {_one_line(error)}") from None


def _take(items: Any, count: int) -> Any:
    for number, item in enumerate(items):
        if number >= count:
            return
        yield item


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


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


def _worker_main(connection: Connection, graph_dir: str) -> None:
    from graph_builder.store import get_graph_names, open_store

    try:
        store = open_store(Path(graph_dir))
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
    ) -> None:
        """Start ``workers`` processes serving the graph in ``graph_dir``.

        Raises:
            GraphError: when the folder holds no readable graph.

        """
        self.graph_dir, self.timeout, self.row_cap = graph_dir, timeout, row_cap
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
            target=_worker_main, args=(sender, str(self.graph_dir)), daemon=True
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
