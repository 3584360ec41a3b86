"""Named teaching queries: ``graph_builder/queries/*.rq``, each opening with its question."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph_builder.model import QueryError
from graph_builder.vocabulary import PACKAGE_DIR

QUERIES_DIR = PACKAGE_DIR / "queries"


@dataclass(frozen=True, slots=True)
class Parameter:
    """A term of a named query a user may change: its name, the default term, what it is."""

    name: str
    default: str  # as written in the query: "dkgid:clonazepam", "biolink:treats"
    meaning: str

    @property
    def names_an_entity(self) -> bool:
        """Tell whether the parameter is an entity of the graph (not a Biolink predicate)."""
        return self.default.startswith("dkgid:")

    def term(self, value: str) -> str:
        """Write ``value`` as a term of this parameter's kind, or fail in one line.

        An entity is named by its key or label ("lisinopril", "panic disorder") or by a full
        IRI; a relation by its Biolink name ("treats"). Nothing else can enter the query.

        >>> drug = Parameter("drug", "dkgid:clonazepam", "the drug")
        >>> drug.term("Panic disorder"), drug.term("https://w3id.org/drugkg/id/x")
        ('dkgid:panic-disorder', '<https://w3id.org/drugkg/id/x>')
        """
        prefix = self.default.split(":", 1)[0]
        if self.names_an_entity and _IRI.fullmatch(value):
            return f"<{value}>"
        local = value.split(":", 1)[1] if value.startswith(f"{prefix}:") else value
        if self.names_an_entity:
            local = "-".join(re.findall(r"[a-z0-9]+", local.lower()))
        if not _LOCAL.fullmatch(local):
            raise QueryError(f"--set {self.name}: {value!r} is no {self.meaning}")
        return f"{prefix}:{local}"


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A teaching query: its name, the pharmacology question it answers, its text, parameters."""

    name: str
    question: str
    text: str
    parameters: tuple[Parameter, ...] = ()

    def bind(self, values: dict[str, str]) -> str:
        """Return the query text with parameters set ("drug" -> dkgid:lisinopril)."""
        known = {p.name: p for p in self.parameters}
        text = self.text
        for name, value in values.items():
            if name not in known:
                names = ", ".join(known) or "none"
                raise QueryError(f"{self.name} has no parameter {name!r} (its parameters: {names})")
            parameter = known[name]
            term = parameter.term(value).replace("\\", "\\\\")  # a replacement, not a regex
            text = re.sub(re.escape(parameter.default) + r"(?![\w-])", term, text)
        return text


def name_query(value: str) -> str:
    r"""Return a query for the entities whose label or synonym is ``value``, in any case.

    A key also names its entity ("panic-disorder"). The value enters the query only as a
    string literal, so it cannot add query text.

    >>> 'LCASE(STR(?name)) = "klonopin"' in name_query("Klonopin")
    True
    >>> '\"' in name_query('x" } DELETE {')
    True
    """
    text = value.strip().lower()
    literal = text.replace("\\", "\\\\").replace('"', '\\"')
    literal = re.sub(r"[\x00-\x1f]", " ", literal)
    key = "-".join(re.findall(r"[a-z0-9]+", text))
    keyed = f"UNION {{ BIND (dkgid:{key} AS ?entity) ?entity rdfs:label ?label }}" if key else ""
    return (
        "SELECT DISTINCT ?entity ?label WHERE {\n"
        "  { ?entity rdfs:label|skos:altLabel ?name .\n"
        f'    FILTER (LCASE(STR(?name)) = "{literal}") ?entity rdfs:label ?label }}\n'
        f"  {keyed}\n"
        "} ORDER BY ?entity LIMIT 20"
    )


def resolve_names(
    named: NamedQuery,
    values: dict[str, str],
    ask: Callable[[str], Sequence[tuple[str, str]]],
) -> dict[str, str]:
    """Turn each entity parameter's name into its entity's IRI, found by label or synonym.

    ``ask`` runs a query from :func:`name_query` and returns its (IRI, label) rows. A name no
    entity has, or one several share, fails in one line naming it; an IRI is kept as given.
    """
    entities = {p.name for p in named.parameters if p.names_an_entity}
    resolved = dict(values)
    for name, value in values.items():
        if name not in entities or _IRI.fullmatch(value):
            continue
        found = dict(ask(name_query(value)))
        if not found:
            raise QueryError(
                f"--set {name}: no entity of the graph is named {value!r} (by label or"
                " synonym); 'drugkg query --name drug-identifiers' lists the drugs' names"
            )
        if len(found) > 1:
            labels = ", ".join(f"{label!r} <{iri}>" for iri, label in sorted(found.items()))
            raise QueryError(
                f"--set {name}: {value!r} names several entities: {labels}; give one IRI"
            )
        resolved[name] = next(iter(found))
    return resolved


_PARAMETER = re.compile(
    r"^#\s*parameter\s+(?P<name>[a-z]+)\s*=\s*(?P<default>(?:dkgid|biolink):[\w-]+)"
    r"\s*(?:\((?P<meaning>[^)]*)\))?",
    re.M,
)
_LOCAL = re.compile(r"[a-z0-9][a-z0-9_-]{0,120}")
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def read_named_query(path: Path) -> NamedQuery:
    """Read one ``.rq`` file whose first comment line states the question it answers.

    A comment ``# parameter drug = dkgid:clonazepam (a drug)`` names a term the user may set.
    """
    text = path.read_text(encoding="utf-8")
    comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    question = next((line for line in comments if line), "")
    if not question:
        raise QueryError(f"{path}: a named query starts with a '# question' comment")
    parameters = tuple(
        Parameter(m.group("name"), m.group("default"), m.group("meaning") or m.group("name"))
        for m in _PARAMETER.finditer(text)
    )
    return NamedQuery(name=path.stem, question=question, text=text, parameters=parameters)


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
