"""Tell what a study observed at some dose from a dose to take.

"Doses up to 2400 mg/day were well tolerated", "no added benefit above 60 mg was shown" and
"volunteers received 200 mg daily or placebo" name amounts, but recommend none: they are a
finding or a trial's regimen, not a maximum, a usual dose or a schedule.
"""

from __future__ import annotations

import re

# Each cue, with a sentence it reads as a finding (the rules as data, their examples tested).
OBSERVED: tuple[tuple[str, str, str], ...] = (
    (
        "tolerated",
        r"\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:well\s+)?tolerated\b"
        r"|\b(?:was|were)\s+(?:\w+ly\s+)?well\s+tolerated\b",
        "Daily doses up to 120 mg have been well tolerated in open-label extension studies.",
    ),
    (
        "no-benefit-shown",
        r"\b(?:benefit|efficacy|advantage|improvement|response)\b[^.;]{0,80}?"
        r"\b(?:was|were|has|have|is|are)\s+not\s+(?:been\s+)?"
        r"(?:demonstrated|shown|established|observed|seen|found)\b"
        r"|\bno\s+(?:additional\s+|further\s+|added\s+)?(?:benefit|advantage)\b[^.;]{0,40}?"
        r"\b(?:was|were|has been|have been)\s+(?:demonstrated|shown|observed|seen|found)\b",
        "Greater benefit from doses above 60 mg a day was not shown.",
    ),
    (
        "trial-arm",
        r"\b(?:volunteers|subjects|participants)\b[^.;]{0,60}?\b(?:received|were\s+given"
        r"|were\s+randomi[sz]ed|took)\b"
        r"|\b(?:received|were\s+given|were\s+randomi[sz]ed\s+to)\b[^.;]{0,80}?\bor\s+placebo\b"
        r"|\b(?:randomi[sz]ed|double-blind|placebo-controlled|cross-?over)\b[^.;]{0,120}?"
        r"\b(?:received|were\s+given|were\s+treated)\b",
        "Sixteen healthy subjects received fluconazole 200 mg daily or placebo for 6 days.",
    ),
)
_CUES = tuple(re.compile(pattern, re.I) for _, pattern, _ in OBSERVED)


def states_observation(text: str) -> bool:
    """Tell whether a sentence reports what a study saw at some dose, and recommends none.

    >>> states_observation("Doses up to 900 mg a day were well tolerated in trials.")
    True
    >>> states_observation("The usual dose is 300 mg a day; it is well tolerated.")
    False
    """
    return any(cue.search(text) for cue in _CUES)
