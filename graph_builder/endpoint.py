"""The ``drugkg serve`` endpoint: SPARQL 1.1 Protocol at /sparql, read-only, and a query page.

Each request runs on its own thread; queries run in a pool of worker processes
(``QueryRunner``), so a slow query holds one worker while the others keep answering, and a
query past its time limit is killed. Updates are refused with 403; SERVICE, LOAD and FROM
naming anything outside the store with 400, before anything runs.
"""

from __future__ import annotations

import errno
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from graph_builder.model import InputError, QueryError
from graph_builder.query import QueryResult, QueryRunner, get_named_queries
from graph_builder.results import to_csv, to_json, to_tsv, to_xml
from graph_builder.vocabulary import PACKAGE_DIR

logger = logging.getLogger(__name__)

TEMPLATES_DIR = PACKAGE_DIR / "templates"
MAX_BODY = 1_000_000  # bytes: a query, not a data upload
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
STATIC_FILES = {
    "/": ("sparql.html", "text/html; charset=utf-8"),
    "/sparql.js": ("sparql.js", "text/javascript; charset=utf-8"),
    "/sparql.css": ("sparql.css", "text/css; charset=utf-8"),
}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

# media type -> writer, for SELECT and ASK results; the first is the default
RESULT_TYPES: dict[str, Callable[[QueryResult], str]] = {
    "application/sparql-results+json": to_json,
    "application/json": to_json,
    "application/sparql-results+xml": to_xml,
    "application/xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
}
# media type -> graph format of the worker, for CONSTRUCT and DESCRIBE; the first is the default
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "n-triples",
}


def negotiate(accept: str, offered: list[str]) -> str | None:
    """Pick the offered media type the Accept header prefers (q-values, wildcards)."""
    best, best_q = None, 0.0
    for rank, part in enumerate(accept.split(",") if accept.strip() else ["*/*"]):
        media, *params = (piece.strip() for piece in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        for candidate in offered:
            if _matches(media.lower(), candidate) and q - rank * 1e-6 > best_q:
                best, best_q = candidate, q - rank * 1e-6
    return best


def _matches(pattern: str, media: str) -> bool:
    if pattern in ("*/*", "*"):
        return True
    if pattern.endswith("/*"):
        return media.startswith(pattern[:-1])
    return pattern == media


class SparqlHandler(BaseHTTPRequestHandler):
    """Answer SPARQL Protocol requests and serve the query page."""

    server_version = "drugkg-sparql"
    runner: QueryRunner  # set on the subclass made by make_server
    allowed_hosts: frozenset[str] = frozenset()  # set by make_server for a loopback bind
    timeout = 60  # seconds a connection may stay idle or slow (no slowloris)

    def parse_request(self) -> bool:
        """Start the clock; refuse a Host naming another site (DNS rebinding) on loopback."""
        self.started = time.perf_counter()
        if not super().parse_request():
            return False
        host = (self.headers.get("Host") or "").strip().lower()
        if self.allowed_hosts and host not in self.allowed_hosts:
            self._error(HTTPStatus.MISDIRECTED_REQUEST, f"Host {host or '-'} is not served here")
            return False
        return True

    def do_GET(self) -> None:
        """Serve /sparql?query=..., the query page and its files, and /queries."""
        url = urlsplit(self.path)
        if url.path == "/sparql":
            params = parse_qs(url.query, keep_blank_values=True)
            if "update" in params:
                self._error(HTTPStatus.FORBIDDEN, "updates are refused: the endpoint is read-only")
            elif "query" not in params:
                self._error(HTTPStatus.BAD_REQUEST, "give the query as ?query=")
            else:
                self._answer(params)
        elif url.path == "/queries":
            named = [
                {"name": q.name, "question": q.question, "query": q.text}
                for q in get_named_queries().values()
            ]
            self._send(HTTPStatus.OK, "application/json", json.dumps(named).encode())
        elif url.path in STATIC_FILES:
            name, media = STATIC_FILES[url.path]
            self._send(HTTPStatus.OK, media, (TEMPLATES_DIR / name).read_bytes())
        else:
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}; the endpoint is /sparql")

    def do_POST(self) -> None:
        """Serve POST /sparql with a form body or an application/sparql-query body."""
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}; the endpoint is /sparql")
            return
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        declared = (self.headers.get("Content-Length") or "").strip()
        if not declared.isdigit():
            self._error(HTTPStatus.LENGTH_REQUIRED, "give the body's length as a Content-Length")
            return
        length = int(declared)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        params = parse_qs(url.query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "updates are refused: the endpoint is read-only")
        elif media == "application/sparql-query":
            self._answer({**params, "query": [body]})
        elif media == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                self._error(HTTPStatus.FORBIDDEN, "updates are refused: the endpoint is read-only")
            elif "query" not in form:
                self._error(HTTPStatus.BAD_REQUEST, "give the query as a 'query' form field")
            else:
                self._answer({**params, **form})
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"cannot read a {media or 'typeless'} "
                "body; send application/sparql-query or a form",
            )

    def _reject(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "only GET and POST; the endpoint is read-only")

    do_PUT = do_DELETE = do_PATCH = _reject

    def _answer(self, params: dict[str, list[str]]) -> None:
        accept = self.headers.get("Accept", "")
        wanted_graph_type = negotiate(accept, list(GRAPH_TYPES))
        graph_type = wanted_graph_type or "text/turtle"
        try:
            if len(params["query"]) != 1:
                raise QueryError("give exactly one query")
            result = self.runner.run(
                params["query"][0],
                graph_format=GRAPH_TYPES[graph_type],
                default_graphs=tuple(params.get("default-graph-uri", ())),
                named_graphs=tuple(params.get("named-graph-uri", ())),
            )
        except QueryError as error:
            message = str(error)
            status = HTTPStatus.BAD_REQUEST
            if message.startswith("timed out"):
                status = HTTPStatus.SERVICE_UNAVAILABLE
            elif message.startswith("refused") and "update" in message:
                status = HTTPStatus.FORBIDDEN
            elif message.startswith("busy"):
                status = HTTPStatus.SERVICE_UNAVAILABLE
            self._error(status, message)
            return
        self.detail = _describe(result)
        if result.form == "graph":
            if wanted_graph_type is None:
                self._not_acceptable(accept, "a CONSTRUCT or DESCRIBE result", GRAPH_TYPES)
                return
            self._send(HTTPStatus.OK, f"{graph_type}; charset=utf-8", result.graph, result)
            return
        media = negotiate(accept, list(RESULT_TYPES))
        if media is None:
            self._not_acceptable(accept, "a SELECT or ASK result", RESULT_TYPES)
            return
        data = RESULT_TYPES[media](result).encode("utf-8")
        self._send(HTTPStatus.OK, f"{media}; charset=utf-8", data, result)

    def _not_acceptable(self, accept: str, what: str, offered: Iterable[str]) -> None:
        self._error(
            HTTPStatus.NOT_ACCEPTABLE,
            f"cannot answer as {accept}: {what} can be {', '.join(offered)}",
        )

    def _error(self, status: HTTPStatus, message: str) -> None:
        self.note = message
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(
        self, status: HTTPStatus, media: str, data: bytes, result: QueryResult | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        if result is not None and result.truncated:
            self.send_header("X-Drugkg-Truncated", "row cap reached")
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Log one line per request: client, method, path, status, time, what it answered."""
        elapsed = (time.perf_counter() - getattr(self, "started", time.perf_counter())) * 1000
        detail = getattr(self, "note", None) or getattr(self, "detail", "")
        path = self.path if len(self.path) <= 80 else self.path[:79] + "…"
        line = f"{self.client_address[0]} {self.command} {path} {code} {elapsed:.1f}ms {detail}"
        sys.stderr.write(line.rstrip() + "\n")

    def log_message(self, format: str, *args: object) -> None:
        """Send http.server's own messages (bad requests) to the log as one line."""
        logger.info("%s %s", self.client_address[0], format % args)


def _describe(result: QueryResult) -> str:
    """Say what a query answered, for the request log: rows, a boolean or triples."""
    if result.form == "ask":
        return f"ask: {'true' if result.boolean else 'false'}"
    if result.form == "graph":
        return f"{result.triples} triple{'' if result.triples == 1 else 's'}"
    return f"{len(result.rows)} row{'' if len(result.rows) == 1 else 's'}"


def make_server(runner: QueryRunner, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """Make (not start) a threaded HTTP server answering SPARQL with ``runner``."""
    server = _bind(host, port)
    server.RequestHandlerClass.runner = runner  # type: ignore[attr-defined]
    return server


def _bind(host: str, port: int) -> ThreadingHTTPServer:
    """Listen on ``host:port`` with a handler still waiting for its runner.

    Raises:
        InputError: when the port is taken or may not be used, naming host and port.

    """
    handler: type[SparqlHandler] = type("Handler", (SparqlHandler,), {})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if error.errno == errno.EADDRINUSE:
            raise InputError(f"{where} is already in use; choose another --port") from None
        if error.errno == errno.EACCES:
            raise InputError(f"{where}: permission denied; choose a --port above 1023") from None
        raise InputError(f"cannot listen on {where}: {error.strerror or error}") from None
    if host in LOOPBACK:
        names = ("127.0.0.1", "localhost", "[::1]")
        bound_port = server.server_address[1]
        handler.allowed_hosts = frozenset({*names, *(f"{n}:{bound_port}" for n in names)})
    server.daemon_threads = True
    return server


def serve_graph(
    graph_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    row_cap: int = 10_000,
    workers: int = 2,
    in_memory: bool = False,
) -> None:
    """Serve the graph in ``graph_dir`` until interrupted."""
    where = "in memory" if in_memory else "from the on-disk store"
    server = _bind(host, port)  # first, so a taken port is said before any loading
    sys.stderr.write(f"drugkg: loading {graph_dir} ({workers} worker(s), {where})...\n")
    with (
        server,
        QueryRunner(
            graph_dir,
            workers=workers,
            timeout=timeout,
            row_cap=row_cap,
            start_method="forkserver",
            in_memory=in_memory,
        ) as runner,
    ):
        server.RequestHandlerClass.runner = runner  # type: ignore[attr-defined]
        bound_host, bound_port = server.server_address[:2]
        sys.stderr.write(
            f"drugkg: serving {graph_dir} at http://{bound_host!s}:{bound_port}/ "
            f"(SPARQL at /sparql; Ctrl-C stops)\n"
        )
        try:
            server.serve_forever()
        finally:
            server.server_close()
