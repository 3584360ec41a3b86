"""Tell what a study observed at some dose from a dose to take.

"Doses up to 1800 mg/day were well tolerated", "no added benefit above 60 mg was shown" and
"volunteers received 200 mg daily or placebo" name amounts, but recommend none: they are a
finding or a trial's regimen, not a maximum, a usual dose or a schedule. Only the clause that
says so is set aside: in "the usual dose is 10 mg; doses up to 20 mg were well tolerated" the
10 mg is still the dose.
"""

from __future__ import annotations

import re

# Each cue, with a sentence it reads as a finding, and a counter-example: a sentence whose
# first clause recommends a dose that must still be read (the rules as data, all tested).
OBSERVED: tuple[tuple[str, str, str, str], ...] = (
    (
        "tolerated",
        r"\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:well\s+)?tolerated\b"
        r"|\b(?:was|were)\s+(?:\w+ly\s+)?well\s+tolerated\b",
        "Daily doses up to 120 mg have been well tolerated in open-label extension studies.",
        "Most adults take 5 mg at night; nightly doses up to 15 mg have been well tolerated.",
    ),
    (
        "no-benefit-shown",
        r"\b(?:benefit|efficacy|advantage|improvement|response)\b[^.;]{0,80}?"
        r"\b(?:was|were|has|have|is|are)\s+not\s+(?:been\s+)?"
        r"(?:demonstrated|shown|established|observed|seen|found)\b"
        r"|\bno\s+(?:additional\s+|further\s+|added\s+)?(?:benefit|advantage)\b[^.;]{0,40}?"
        r"\b(?:was|were|has been|have been)\s+(?:demonstrated|shown|observed|seen|found)\b",
        "Greater benefit from doses above 60 mg a day was not shown.",
        "Give 40 mg once a day; whether more than 40 mg adds efficacy has not been established.",
    ),
    (
        "trial-arm",
        r"\b(?:volunteers|subjects|participants)\b[^.;]{0,60}?\b(?:received|were\s+given"
        r"|were\s+randomi[sz]ed|took)\b"
        r"|\b(?:received|were\s+given|were\s+randomi[sz]ed\s+to)\b[^.;]{0,80}?\bor\s+placebo\b"
        r"|\b(?:randomi[sz]ed|double-blind|placebo-controlled|cross-?over)\b[^.;]{0,120}?"
        r"\b(?:received|were\s+given|were\s+treated)\b",
        "Sixteen healthy subjects received fluconazole 200 mg daily or placebo for 6 days.",
        "The starting dose is 25 mg twice daily; in a crossover study, subjects received 100 mg.",
    ),
)
_CUES = tuple(re.compile(pattern, re.I) for _, pattern, _, _ in OBSERVED)
# Where a clause of a sentence ends: "the usual dose is 10 mg; doses up to ...", "..., but".
_CLAUSE_END = re.compile(r";|,\s*(?=(?:but|whereas|although|though)\b)", re.I)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Cut a sentence into its clauses: (start, end) of each."""
    spans, start = [], 0
    for end in _CLAUSE_END.finditer(text):
        spans.append((start, end.start()))
        start = end.end()
    spans.append((start, len(text)))
    return spans


def observed_clauses(text: str) -> list[tuple[int, int]]:
    """Return the clauses of a sentence that report what a study saw at some dose.

    >>> t = "Most adults take 250 mg a day; up to 750 mg a day was well tolerated."
    >>> [t[a:b] for a, b in observed_clauses(t)]
    [' up to 750 mg a day was well tolerated.']
    """
    return [(a, b) for a, b in _clauses(text) if any(c.search(text, a, b) for c in _CUES)]


def without_observations(text: str) -> str:
    """Blank the clauses that report a finding, keeping every other character where it was.

    >>> without_observations("Take 5 mg; 10 mg was well tolerated.").rstrip()
    'Take 5 mg;'
    """
    for start, end in observed_clauses(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def states_observation(text: str) -> bool:
    """Tell whether a sentence reports what a study saw at some dose, in any clause.

    >>> states_observation("In trials, amounts up to 750 mg daily were well tolerated.")
    True
    >>> states_observation("Most adults take 250 mg a day; it is well tolerated.")
    False
    """
    return bool(observed_clauses(text))
