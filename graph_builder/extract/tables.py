"""A table row as a sentence: its cells, its header's titles, and the column a word sits in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph_builder.model import Sentence

# A column of another arm of a trial: what it says is not the drug's.
OTHER_ARM = re.compile(r"placebo|comparator|control|vehicle", re.I)


@dataclass(frozen=True, slots=True)
class TableRow:
    """The cells of a pipe-table row, the titles of its header row, and the column at hand."""

    cells: tuple[str, ...]
    titles: tuple[str, ...]  # as many as the cells ("" where the header has none)
    column: int  # the column of the word read, counted from 0

    def other_cells(self) -> Iterator[tuple[str, str]]:
        """Yield (cell, title) for every column but the word's own."""
        for index, pair in enumerate(zip(self.cells, self.titles, strict=True)):
            if index != self.column:
                yield pair

    def drugs_cells(self) -> Iterator[str]:
        """Yield the other cells that are no other arm's ("Placebo")."""
        return (cell for cell, title in self.other_cells() if not OTHER_ARM.search(title))


def table_row(sentence: Sentence, at: int) -> TableRow | None:
    """Return the table row a sentence is, read at ``at``; None for a sentence of prose.

    >>> from graph_builder.model import Sentence
    >>> row = table_row(Sentence("| Nausea | Rare | Common |", 0, 25, lead_in="| A | B | C |"), 3)
    >>> row.column, list(row.other_cells())
    (0, [('Rare', 'B'), ('Common', 'C')])
    """
    cells = table_cells(sentence.text)
    if not cells:
        return None
    titles = table_cells(sentence.lead_in or "")[: len(cells)]
    titles += [""] * (len(cells) - len(titles))
    return TableRow(tuple(cells), tuple(titles), sentence.text.count("|", 0, at) - 1)


def table_cells(text: str) -> list[str]:
    """Return the cells of a pipe-table row ("| Drowsiness | Common |"); [] for other text."""
    stripped = text.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")):
        return []
    return [cell.strip() for cell in stripped[1:-1].split("|")]
