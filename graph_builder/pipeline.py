"""The pipeline as one call: documents in, graph out."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from graph_builder.conflicts import Conflict, find_conflicts
from graph_builder.extract import Extraction, extract
from graph_builder.ingest import iter_documents
from graph_builder.link import LinkedEntity, link
from graph_builder.model import InputError
from graph_builder.rdf import to_rdf

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build made: the graph and the pieces it was built from."""

    graph: Graph
    extractions: tuple[Extraction, ...]
    entities: dict[str, LinkedEntity]
    conflicts: tuple[Conflict, ...]
    errors: tuple[InputError, ...]


def build_graph(
    paths: Iterable[Path],
    *,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Read, extract, link, compare and write documents as one RDF graph.

    A document that cannot be read is reported through ``on_error`` (or raised when no
    handler is given) and the others are still built.
    """
    errors: list[InputError] = []

    def report(error: InputError) -> None:
        errors.append(error)
        if on_error is None:
            raise error
        on_error(error)

    extractions = []
    for document in iter_documents(paths, on_error=report):
        if progress is not None:
            progress(document.source)
        extractions.append(extract(document))
    entities = link(extractions)
    conflicts = find_conflicts(extractions)
    graph = to_rdf(extractions, entities, conflicts)
    return BuildResult(graph, tuple(extractions), entities, tuple(conflicts), tuple(errors))
