"""Split a stretch of text into sentences, keeping exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence ends at . ! or ? followed by white space and an upper-case letter, a digit
# or an opening quote/bracket, unless the word before the stop is a known abbreviation.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9•])")
_ABBREVIATIONS = frozenset(
    (
        "e.g i.e etc vs approx dr mr mrs ms no fig figs ref refs al ca st inc ltd jr sr u.s "
        "mg mcg kg ml dl max min resp tab tabs cap caps"
    ).split()
)
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def iter_sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence in ``text[start:end]``, trimmed.

    >>> t = "Take 0.5 mg twice daily. Do not stop abruptly, e.g. after 3 months."
    >>> [t[a:b] for a, b in iter_sentence_spans(t, 0, len(t))]
    ['Take 0.5 mg twice daily.', 'Do not stop abruptly, e.g. after 3 months.']
    """
    piece_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        before = text[piece_start : match.start()]
        word = _LAST_WORD.search(before)
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        yield from _trimmed(text, piece_start, match.start())
        piece_start = match.end()
    yield from _trimmed(text, piece_start, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
