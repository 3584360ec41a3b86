"""The safety check: refuse updates, SERVICE, LOAD and outside FROM before anything runs."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from graph_builder.model import QueryError
from graph_builder.vocabulary import PREFIXES

CONTRACT_PREFIXES = {name: str(namespace) for name, namespace in PREFIXES.items()}

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
    if not _tokens(text):
        raise QueryError("empty query: give a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE")
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
