"""Blocks: the structural units every reader produces, and page furniture to drop."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.vocabulary import DATA_DIR


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of a document: ``kind`` is heading, para, item or row.

    A table row is written as a pipe-table line ("| Drowsiness | Common |"); its ``depth`` is
    0 for the table's header row, 1 for a row of the table's body.
    """

    kind: str
    start: int
    end: int
    depth: int = 0


def _load_boilerplate() -> tuple[re.Pattern[str], ...]:
    path = DATA_DIR / "boilerplate.tsv"
    patterns = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            patterns.append(re.compile(line.split("\t")[0], re.IGNORECASE))
    return tuple(patterns)


BOILERPLATE = _load_boilerplate()


def is_boilerplate(text: str) -> bool:
    """Tell whether a line is page furniture that says nothing about the drug."""
    return any(p.search(text) for p in BOILERPLATE)


def pipe_row(cells: list[str]) -> str:
    """Write a table row as a line of a pipe table (a bar inside a cell becomes a slash).

    >>> pipe_row(["Nausea", "Common"])
    '| Nausea | Common |'
    """
    return "| " + " | ".join(" ".join(cell.replace("|", "/").split()) for cell in cells) + " |"


class TextBuilder:
    """Accumulate rendered blocks into one text with offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []

    def add(self, kind: str, text: str, depth: int = 0) -> None:
        """Append a block, separated from the last by a blank line."""
        text = " ".join(text.split())
        if not text:
            return
        if self.parts:
            sep = "\n\n"
            self.parts.append(sep)
            self.length += len(sep)
        self.blocks.append(Block(kind, self.length, self.length + len(text), depth))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        """The rendered text so far."""
        return "".join(self.parts) + "\n"
