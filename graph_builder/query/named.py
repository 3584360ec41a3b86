"""Named teaching queries: ``graph_builder/queries/*.rq``, each opening with its question."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph_builder.model import QueryError
from graph_builder.vocabulary import PACKAGE_DIR

QUERIES_DIR = PACKAGE_DIR / "queries"


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
