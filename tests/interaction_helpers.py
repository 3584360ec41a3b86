"""Helpers shared by the extraction tests: extract a small document, list its pairs and objects."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.model import Claim


def claims_of(tmp_path: Path, text: str, name: str = "diazepam.txt") -> tuple[Claim, ...]:
    """Write ``text`` as the document ``name``; return what extraction claims of it."""
    path = tmp_path / name
    path.write_text(text)
    return extract(read_document(path)).claims


def stated_pairs(claims: tuple[Claim, ...]) -> set[frozenset[str]]:
    """Return the entity keys of every interaction the claims state (not the denied ones)."""
    return {
        frozenset((c.subject.entity.key, c.obj.entity.key))
        for c in claims
        if c.relation == "interacts_with" and c.obj is not None and not c.negated
    }


def objects(claims: Iterable[Claim], relation: str, *, negated: bool = False) -> list[str]:
    """Return the labels of the objects of ``relation``, asserted or negated."""
    return sorted(
        c.obj.entity.label
        for c in claims
        if c.relation == relation and c.obj is not None and c.negated == negated
    )
