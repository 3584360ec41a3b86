"""Named SPARQL queries (``queries/*.rq``), the safety check, and running queries with limits.

A query is checked before anything runs it: updates, ``SERVICE``, ``LOAD`` and ``FROM`` /
``FROM NAMED`` naming a graph the store does not hold are refused, so no query ever opens a
connection or reads a file. Queries then run in worker processes (Oxigraph, through
pyoxigraph) that are killed when they pass their wall-clock limit, and answer at most
``row_cap`` rows.
"""

from __future__ import annotations

from graph_builder.query.named import (
    QUERIES_DIR,
    NamedQuery,
    get_named_queries,
    get_named_query,
    name_query,
    read_named_query,
    resolve_names,
)
from graph_builder.query.runner import (
    DEFAULT_ROW_CAP,
    DEFAULT_TIMEOUT,
    GRAPH_FORMATS,
    Job,
    QueryResult,
    QueryRunner,
    Row,
    Term,
    run_job,
)
from graph_builder.query.safety import CONTRACT_PREFIXES, check_graph_names, check_query

__all__ = [
    "CONTRACT_PREFIXES",
    "DEFAULT_ROW_CAP",
    "DEFAULT_TIMEOUT",
    "GRAPH_FORMATS",
    "QUERIES_DIR",
    "Job",
    "NamedQuery",
    "QueryResult",
    "QueryRunner",
    "Row",
    "Term",
    "check_graph_names",
    "check_query",
    "get_named_queries",
    "get_named_query",
    "name_query",
    "read_named_query",
    "resolve_names",
    "run_job",
]
