"""Split a stretch of text into sentences, keeping exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence ends at . ! or ? (a closing quote or bracket may follow) and white space,
# before an upper-case letter, a digit, an opening quote/bracket or a list bullet
# ("- ", "• "); a line break after the stop ends it whatever follows. A stop ends no
# sentence after a known abbreviation ("e.g.", "Dr.") or an initial ("J. Smith").
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]?(?:\s*\n\s*|\s+(?=[\"'(\[]?[A-Z0-9•]|[-–•]\s))")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "dr",
        "mr",
        "mrs",
        "ms",
        "no",
        "fig",
        "figs",
        "ref",
        "refs",
        "al",
        "ca",
        "st",
        "inc",
        "ltd",
        "jr",
        "sr",
        "u.s",
        "resp",
        "tab",
        "tabs",
        "cap",
        "caps",
        "viz",
        "cf",
        "eq",
        "eqs",
        "vol",
        "nos",
        "sec",
        "pp",
        "incl",
        "inj",
    ]
)
# Shortened words that end a sentence as often as they shorten one ("infuse over 5 min."):
# each hides its stop only before a number ("max. 40 mg daily", "min. 10 mg"), and never
# after one, where it is a unit ("over 5 min. 10 minutes later ...").
_BEFORE_NUMBER = frozenset(["max", "min"])
_NUMBER_BEFORE = re.compile(r"\d\s*\S+$")
_LAST_WORD = re.compile(r"(?:(?<=(\S))|(?<!\S))([A-Za-z][A-Za-z.]*)\.$")
# The word before an initial: "J. Smith" follows a name or nothing; "vitamin A." does not.
_WORD_BEFORE = re.compile(r"(\S+)\s+\S*$")


def _ends_no_sentence(before: str, after: str = "") -> bool:
    """Tell whether the stop ending ``before`` closes an abbreviation or an initial."""
    word = _LAST_WORD.search(before)
    if word is None:
        return False
    if word.group(2).lower() in _ABBREVIATIONS:
        return True
    if word.group(2).lower() in _BEFORE_NUMBER and after[:1].isdigit():
        return not _NUMBER_BEFORE.search(before)
    if len(word.group(2)) != 1 or word.group(1) is not None:  # "3A.", "mmol/L."
        return False
    previous = _WORD_BEFORE.search(before)
    return previous is None or not previous.group(1)[0].islower()


def iter_sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence in ``text[start:end]``, trimmed.

    >>> t = "Take 0.5 mg twice daily. Do not stop abruptly, e.g. after 3 months."
    >>> [t[a:b] for a, b in iter_sentence_spans(t, 0, len(t))]
    ['Take 0.5 mg twice daily.', 'Do not stop abruptly, e.g. after 3 months.']
    >>> t = "Avoid high doses of vitamin A. Dr. J. Smith agreed . - Monitor levels."
    >>> [t[a:b] for a, b in iter_sentence_spans(t, 0, len(t))]
    ['Avoid high doses of vitamin A.', 'Dr. J. Smith agreed .', '- Monitor levels.']
    """
    piece_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        before = text[max(piece_start, match.start() - 40) : match.start()]
        if _ends_no_sentence(before, text[match.end() : match.end() + 1]):
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
