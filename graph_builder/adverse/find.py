"""Find the adverse effects of one sentence: phrases, list items, table cells, abbreviations."""

from __future__ import annotations

import re

from graph_builder.adverse.lists import _GROUPING, complete_list, list_items, table_row_term
from graph_builder.adverse.matcher import _Matcher
from graph_builder.adverse.vocabulary import entity_for, get_vocabulary
from graph_builder.adverse.words import normalise_phrase
from graph_builder.model import Mention

# "cytokine release syndrome (CRS)": the abbreviation a label defines for a reaction.
_ABBREVIATION = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9-]{1,7})\s*\)")


def with_abbreviations(text: str, offset: int, found: list[Mention]) -> list[Mention]:
    """Add the abbreviation defined in brackets right after a reaction.

    >>> t = "Tumor lysis syndrome (TLS) occurred."
    >>> [m.text for m in with_abbreviations(t, 0, find_adverse_effects(t)[:1])]
    ['Tumor lysis syndrome', 'TLS']
    """
    vocabulary = get_vocabulary()
    starts = {m.start for m in found}
    added = []
    for mention in found:
        match = _ABBREVIATION.match(text, mention.end - offset)
        if match is None or offset + match.start(1) in starts:
            continue
        short = match.group(1)
        measured = normalise_phrase(short) in vocabulary.kind("measurement")  # "(LDL-C)"
        if sum(c.isupper() for c in short) >= 2 and not measured:
            a, b = offset + match.start(1), offset + match.end(1)
            added.append(Mention(short, a, b, entity_for(short, vocabulary)))
    return sorted([*found, *added], key=lambda m: m.start) if added else found


def find_adverse_effects(text: str, offset: int = 0, *, table_rows: bool = False) -> list[Mention]:
    """Find adverse-effect mentions in ``text`` (a sentence), longest first, in text order.

    >>> [m.text for m in find_adverse_effects("Nausea, dry mouth and ALT increased occurred.")]
    ['Nausea', 'dry mouth', 'ALT increased']
    """
    vocabulary = get_vocabulary()
    found = complete_list(text, offset, _Matcher(text, offset, vocabulary).mentions())
    found = with_abbreviations(text, offset, found)
    if not table_rows:
        return [m for m in found if not _GROUPING.search(m.text)]
    row = table_row_term(text)
    items = [row] if row is not None else list_items(text)
    for a, b in (cell for item in items for cell in _cells(text, item)):
        surface = text[a:b]
        if not any(m.start - offset <= a and m.end - offset >= b for m in found):
            found = [m for m in found if m.end - offset <= a or m.start - offset >= b]
            found.append(Mention(surface, offset + a, offset + b, entity_for(surface, vocabulary)))
    return sorted((m for m in found if not _GROUPING.search(m.text)), key=lambda m: m.start)


_CELL_NOTE = re.compile(r"\s*\([^)]*\)\s*$")


def _cells(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Split a table cell naming several reactions ("Fatigue/malaise", "A, B") into its parts."""
    a, b = span
    parts = []
    cell = _CELL_NOTE.sub(lambda m: " " * len(m.group()), text[a:b])  # "Rash (includes ...)"
    for match in re.finditer(r"[^/,]+", cell):
        part = match.group()
        stripped = part.strip()
        if stripped:
            start = a + match.start() + part.index(stripped)
            parts.append((start, start + len(stripped)))
    return parts
