"""The pieces of advice of a sentence, and what each advises: caution, prohibition, denial."""

from __future__ import annotations

from itertools import pairwise

from graph_builder import rules as R
from graph_builder.extract.context import clauses

ADVICE = frozenset({"caution", "contraindication"})
ADVICE_RELATIONS = frozenset({"caution_in", "contraindicated_in"})


def advice_clauses(text: str) -> list[tuple[int, int]]:
    """Split a sentence into its pieces of advice: its clauses, cut again before new advice.

    >>> t = "Avoid in gout unless needed, and contraindicated in asthma."
    >>> [t[a:b] for a, b in advice_clauses(t)]
    ['Avoid in gout unless needed', ', and contraindicated in asthma.']
    """
    cuts = {a for a, _ in clauses(text)}
    cuts.update(
        m.start() for m in R.ADVICE_CLAUSE_BREAK.finditer(text) if text[: m.start()].strip()
    )
    for match in R.NEW_SUBJECT_BREAK.finditer(text):
        # a clause before the comma, not a phrase leading in the one after it ("In pregnancy,
        # it should be ...", "Unless essential, it should not be ...")
        opening = max(c for c in cuts | {0} if c < match.start())
        clause = states_own(text, opening, match.start()) or advice_kinds(
            text, opening, match.start()
        )
        # (not just before a clause cut already there: "..., although it is")
        if clause and not R.LEADING_CLAUSE.match(text, opening) and match.end() not in cuts:
            cuts.add(match.start())
    for a, b in pairwise(sorted(cuts | {0, len(text)})):
        if R.REASON_CLAUSE.match(text, a):
            cuts.update(_list_going_on(text, a, b))
    bounds = sorted(cuts | {0, len(text)})
    return [(a, b) for a, b in pairwise(bounds) if a < b]


def _list_going_on(text: str, start: int, end: int) -> list[int]:
    """Return where a reason clause ends and the list it interrupts goes on, if it does.

    >>> t = "Avoid in gout, as it may harm, and in asthma."
    >>> [t[a:] for a in _list_going_on(t, 13, len(t))]
    [', and in asthma.']
    """
    for match in R.LIST_GOES_ON.finditer(text, start, end):
        if not states_own(text, match.start(), end):
            return [match.start()]
    return []


def states_own(text: str, start: int, end: int) -> bool:
    """Tell whether a piece is a clause with a verb of its own, not of a relative clause."""
    return bool(R.ADVICE_CLAUSE_VERB.search(R.RELATIVE_CLAUSE.sub("", text[start:end])))


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank the given spans of a text, keeping every offset."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def advice_kinds(text: str, start: int, end: int) -> frozenset[str]:
    """Say what a clause advises: "caution", "contraindication", or a "denied" contraindication.

    A prohibition that allows an exception ("avoid unless essential") is a caution; the
    "contraindicated" of "not contraindicated" is a denial.
    """
    kinds: set[str] = set()
    softened = [m.span() for m in R.SOFTENED_PROHIBITION.finditer(text, start, end)]
    denied = [m.span() for m in R.DENIED_CONTRAINDICATION.finditer(text, start, end)]
    if softened or R.CAUTION_WORDS.search(text, start, end):
        kinds.add("caution")
    if denied:
        kinds.add("denied")
    for match in R.CONTRAINDICATION_CUE.finditer(text, start, end):
        if not any(a < match.end() and match.start() < b for a, b in softened + denied):
            kinds.add("contraindication")
    return frozenset(kinds)


def mask_advice(text: str) -> str:
    """Blank the prohibitions and denials of a sentence: their "not" negates no caution."""
    for pattern in (R.SOFTENED_PROHIBITION, R.DENIED_CONTRAINDICATION, R.CONTRAINDICATION_CUE):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text
