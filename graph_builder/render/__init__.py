"""Graph -> interactive HTML views; the only part of the project that imports pyvis.

Each view is one self-contained page that works offline from ``file://``:

>>> from graph_builder.render import VIEW_NAMES
>>> VIEW_NAMES[:2]
('cns-depressant-interactions', 'mechanism-of-action')
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from rdflib import Graph

from graph_builder.model import GraphError
from graph_builder.rdf import write_atomic
from graph_builder.render.collect import EDGE_RELATIONS, GraphIndex, read_index
from graph_builder.render.drug_page import drug_iris, drug_page
from graph_builder.render.html import render_index, render_view
from graph_builder.render.model import View
from graph_builder.render.views import VIEWS, Keep, keep_all
from graph_builder.vocabulary import RELATIONS, expand

logger = logging.getLogger(__name__)

VIEW_NAMES = (*VIEWS, "drug")

__all__ = ["VIEW_NAMES", "build_views", "render_view", "write_views"]


def relation_filter(relations: Iterable[str]) -> Keep:
    """Return a filter keeping the named relations (``treats``, ``biolink:treats`` or an IRI)."""
    wanted = set()
    for name in relations:
        if name in RELATIONS:
            wanted.add(expand(RELATIONS[name].predicate))
        elif name.startswith(("http://", "https://")):
            wanted.add(name)
        else:
            try:
                wanted.add(expand(name))
            except ValueError:
                choices = ", ".join(RELATIONS)
                raise GraphError(f"{name}: not a relation; try one of {choices}") from None
    drawn = {str(p) for p in EDGE_RELATIONS}
    if wanted and not wanted & drawn:
        names = ", ".join(sorted(relations))
        raise GraphError(f"{names}: none of these relations is drawn in views")
    return (lambda predicate: predicate in wanted) if wanted else keep_all


def _find_drug(index: GraphIndex, name: str) -> str:
    folded = name.casefold()
    for iri in drug_iris(index, described=False):
        node = index.nodes[iri]
        names = {node.label, iri, *node.synonyms}
        if folded in {n.casefold() for n in names}:
            return iri
    raise GraphError(f"{name}: no drug of that name in the graph")


def build_views(
    graph: Graph,
    *,
    view: str | None = None,
    drug: str | None = None,
    relations: Iterable[str] = (),
) -> list[View]:
    """Compute the views of ``graph`` (all, or one ``view`` / one ``drug``'s page)."""
    if view is not None and view not in VIEW_NAMES:
        raise GraphError(f"{view}: no such view; choose from {', '.join(VIEW_NAMES)}")
    keep = relation_filter(relations)
    index = read_index(graph)
    everything = view is None and drug is None
    views = [build(index, keep) for name, build in VIEWS.items() if everything or view == name]
    if drug is not None:
        drugs = [_find_drug(index, drug)]
    else:
        drugs = drug_iris(index) if view in (None, "drug") else []
    views += [drug_page(index, iri, keep) for iri in drugs]
    relations = tuple(relations)
    if relations:  # say on the page that it draws only some relations
        only = f" Drawn here: only {', '.join(relations)}."
        views = [replace(v, description=v.description + only) for v in views]
    return views


def write_views(
    graph: Graph,
    outdir: Path,
    *,
    view: str | None = None,
    drug: str | None = None,
    relations: Iterable[str] = (),
) -> list[Path]:
    """Write the views of ``graph`` and their index into ``outdir``; return the pages written."""
    views = build_views(graph, view=view, drug=drug, relations=relations)
    written = []
    for page in views:
        path = outdir / page.file_name
        write_atomic(path, render_view(page).encode("utf-8"))
        logger.info("wrote %s (%d nodes, %d edges)", path, len(page.nodes), len(page.edges))
        written.append(path)
    listed = views
    if view is not None or drug is not None:
        # A partial render: the index lists every page as it now is on disk, the pages
        # just written as written (with their relation filter) and the others unfiltered.
        fresh = {page.file_name: page for page in views}
        listed = [fresh.pop(page.file_name, page) for page in build_views(graph)]
        listed += list(fresh.values())
    index_path = outdir / "index.html"
    write_atomic(index_path, render_index(listed).encode("utf-8"))
    return [index_path, *written]
