"""Read how often a dose is given: "twice daily", "tid", "every 8 hours", "per day", divided."""

from __future__ import annotations

import re

from graph_builder.dosing.amounts import count_of
from graph_builder.dosing.bounds import LOWER_BOUNDS, UPPER_BOUNDS, bound_of

# The prescriber's Latin: "bid"/"b.i.d."/"bd" twice a day, "tid"/"tds" three, "qid"/"qds"
# four, "qd" once; "q8h" every 8 hours. A choice of counts is a range: "once or twice a day"
# is 1-2 times a day.
_LATIN = {"bid": 2, "bd": 2, "tid": 3, "tds": 3, "qid": 4, "qds": 4, "qd": 1}
FREQUENCY = re.compile(
    r"\b(?P<text>(?P<n>once|twice|one|two|three|four|five|six|\d+)"
    r"(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+|twice|two|three|four|five|six))?"
    r"(?:\s+times?)?\s+(?:daily|a day|per day|each day|every day))\b"
    r"|\b(?P<every>every (?P<h>\d+)(?:\s*(?:-|–|to)\s*(?P<h2>\d+))? (?:hours|hrs?|h)"
    r"|q\s?(?P<qh>\d+)(?:\s*(?:-|–|to)\s*(?P<qh2>\d+))?\s?h(?:ours?|rs?)?)\b"
    r"|(?P<latin>\b(?:[btq]\.i\.d|q\.d)\.|\b(?:bid|tid|qid|bd|tds|qds|qd)\b)"
    r"|\b(?P<period>once (?:a|per|every) (?:week|fortnight|month)|once (?:weekly|monthly)"
    r"|every (?:other (?:day|week)|week|month|\d+ (?:days|weeks|months))|on alternate days)\b",
    re.I,
)
# "per day", "daily", and the same day named as a span: "in 24 hours", "in any 24-hour period",
# "within one day" (a shorter or longer span, "in 12 hours", is no day).
PER_DAY = re.compile(
    r"^\s*(?:of \w+\s+)?(?:per|a|/)\s*day\b|^\s*/d\b|^\s*daily\b"
    r"|^\s*(?:of \w+\s+)?(?:in|per|within|over|during)\s+(?:any\s+|a\s+|one\s+|each\s+)?"
    r"(?:24|twenty-four)[\s-]*(?:hours?|hrs?|h)\b(?:\s+period)?(?!\s+(?:of|after|before|from)\b)"
    r"|^\s*/\s*24\s*(?:hours?|hrs?|h)\b"
    r"|^\s*(?:of \w+\s+)?(?:in|within|during)\s+(?:one|a single|any one|a)\s+day\b",
    re.I,
)
DAILY_BEFORE = re.compile(r"\bdaily (?:dose|dosage|amount)\b|\bdose per day\b", re.I)
DIVIDED = re.compile(
    r"\b(?:divided|split) into (?P<n>\w+|\d+) (?:doses|parts|portions)"
    r"|\bin (?P<n2>\w+|\d+) divided doses",
    re.I,
)
PACE_GAP = re.compile(r"[\s,]*(?:(?:at|given|no more often than|not more often than)\s+)?", re.I)
AS_NEEDED = re.compile(
    r"\b(?:as|when|if) (?:needed|required|necessary)\b|\bprn\b|\bp\.r\.n\b", re.I
)
# The few words between an amount and its own frequency: "60 mg subcutaneously every 6 months"
# (no other number, and no comma: "after 200 mg, test the blood every 2 weeks").
NEAR_GAP = re.compile(r"[^\d;,()\[\]]{0,40}")


# A day's amount taken at one time is taken once a day: "1 g a day, taken as a single dose at
# night", "200 mg daily in one dose" (not "a single dose of 3 g", a course of one dose).
ONCE_A_DAY = re.compile(
    r"\b(?:as|in)\s+(?:a\s+|one\s+)?(?:single|one)\s+(?:daily\s+)?dose\b"
    r"|\bin\s+a\s+single\s+daily\s+dose\b",
    re.I,
)
# "as needed" right after a frequency ("every 6 hours as needed", "up to 4 times a day when
# required") stays with it: the frequency is then the most often the dose may be taken.
_AS_NEEDED_AFTER = re.compile(rf"[\s,]*(?:{AS_NEEDED.pattern})", re.I)


def said(text: str, frequency: re.Match[str]) -> tuple[str, str | None]:
    """Return a frequency's words, an "as needed" right after it included, and that "as needed".

    >>> text = "50 mg every 4 to 6 hours as needed"
    >>> said(text, FREQUENCY.search(text))
    ('every 4 to 6 hours as needed', 'as needed')
    """
    prn = _AS_NEEDED_AFTER.match(text, frequency.end())
    if prn is None:
        return frequency.group(0), None
    return text[frequency.start() : prn.end()], prn.group().strip(" ,")


def once_a_day(text: str, amount_end: int) -> re.Match[str] | None:
    """Return the words after a day's amount that say it is taken at one time, if any.

    >>> once_a_day("Take 1 g a day as a single dose.", 9).group()
    'as a single dose'
    """
    return ONCE_A_DAY.search(text, amount_end)


def times_a_day(text: str, frequency: re.Match[str]) -> tuple[int | None, int | None]:
    """Count the doses a day a frequency gives: "twice daily" 2, "tid" 3, "every 8 hours" 3.

    >>> times_a_day("every 4 to 6 hours as needed", FREQUENCY.search("every 4 to 6 hours"))
    (None, 6)
    """
    if frequency.group("text"):
        times = count_of(frequency.group("n"))
        if times is not None and frequency.group("n2") is None:
            return _times_bounded(text, frequency, times)
        return times, count_of(frequency.group("n2")) or times
    if frequency.group("latin"):
        times = _LATIN[re.sub(r"\W", "", frequency.group("latin")).lower()]
        return times, times
    shortest = frequency.group("h") or frequency.group("qh")
    if shortest is None:
        return None, None  # weekly, monthly: less than once a day
    longest = frequency.group("h2") or frequency.group("qh2") or shortest
    if any(int(hours) == 0 or 24 % int(hours) for hours in (shortest, longest)):
        return None, None  # "every 36 hours" is no whole count a day
    # "every 6 hours as needed" is at most four doses a day, and maybe fewer
    fewest = None if AS_NEEDED.search(text) else 24 // int(longest)
    return fewest, 24 // int(shortest)


def belongs(text: str, amount: re.Match[str] | None, frequency: re.Match[str]) -> bool:
    """Tell whether a frequency is the dose's: "tid", "every 8 hours" right after its amount.

    "Twice daily" and "3 times a day" are read anywhere in the sentence ("Twice daily, take
    5 mg"); "every 8 hours" and "q8h" stay out of an earlier or another dose's clause.
    """
    if frequency.group("text"):
        return True
    if amount is None or frequency.start() < amount.end():
        return False
    return bool(NEAR_GAP.fullmatch(text, amount.end(), frequency.start()))


def paces(text: str, increment: re.Match[str], frequency: re.Match[str]) -> bool:
    """Tell whether a frequency right after a step paces the titration ("by 5 mg every week")."""
    return bool(PACE_GAP.fullmatch(text, increment.end(), frequency.start()))


def _times_bounded(
    text: str, frequency: re.Match[str], times: int
) -> tuple[int | None, int | None]:
    """Bound a count of doses a day by its comparator: "up to 3 times a day" is at most 3."""
    bound, _ = bound_of(text, frequency.start(), frequency.end())
    if bound in UPPER_BOUNDS:
        return None, times - 1 if bound == "lt" else times
    if bound in LOWER_BOUNDS:
        return times + 1 if bound == "gt" else times, None
    return times, times
