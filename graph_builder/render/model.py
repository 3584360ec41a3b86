"""The records a view is made of: nodes, edges, their evidence, and the view itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence behind an edge, with the mentions to highlight and its document.

    ``marks`` are (start, end) character offsets into ``sentence``, sorted and disjoint.
    An inferred statement has no sentence and names the rule in ``inferred_by``.
    """

    sentence: str
    marks: tuple[tuple[int, int], ...] = ()
    source: str = ""  # the document's dcterms:source (its file name)
    title: str = ""  # the document's dcterms:title
    section: str = ""
    qualifier: str = ""  # hedge, negation or advice the statement keeps
    inferred_by: str = ""


@dataclass(frozen=True, slots=True)
class ViewNode:
    """An entity drawn in a view."""

    id: str  # the entity IRI
    label: str
    kind: str  # the local name of its dkg: class (Drug, AdverseEffect ...)
    synonyms: tuple[str, ...] = ()
    links: tuple[str, ...] = ()  # external identifier IRIs (http/https only)


@dataclass(frozen=True, slots=True)
class ViewEdge:
    """A relation drawn between two nodes, with the evidence for it."""

    source: str
    target: str
    relation: str  # a human label: "treats", "interacts with"
    evidence: tuple[Evidence, ...] = ()
    inferred: bool = False
    symmetric: bool = False
    category: str = ""  # e.g. the interaction consequence that colours it
    color: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """One line of a drug page's fact sheet, with an optional evidence sentence."""

    text: str
    group: str = ""
    evidence: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class View:
    """A page: a network of nodes and edges, plus an optional fact sheet."""

    name: str  # file stem
    title: str
    description: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    facts: tuple[tuple[str, tuple[Fact, ...]], ...] = ()  # (heading, lines)
    categories: tuple[tuple[str, str], ...] = ()  # (edge category, colour) for the legend
    note: str = ""

    @property
    def file_name(self) -> str:
        """Return the page's file name."""
        return f"{self.name}.html"
