"""Read a schedule given day by day: "20 mg on day 1, 40 mg on day 2 and 80 mg from day 3".

Each day's amount is a step of its own, with the day it is for as its circumstance, and the
frequency its own words give ("400 mg/day on day 2 (split twice daily)") or, failing that,
the one the sentence gives all its days ("Take it each evening: 20 mg on day 1, ..."). A step
"on day N" is one to start with; a line labelled with its day ("Day 2: 60 mg in total") is too,
and its amount "in total" is that day's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph_builder.dosing.amounts import iter_amounts
from graph_builder.dosing.frequency import DAILY_BEFORE, FREQUENCY, times_a_day
from graph_builder.dosing.parse import parse_dose
from graph_builder.model import Dose

# "on day 1", "from Day 4", "on days 2-3" (with what the day's words add in brackets)
DAY_STEP = re.compile(
    r"\b(?P<when>(?:on|from)\s+days?\s+\d+(?:\s*(?:-|–|to)\s*\d+)?)\b(?:\s*\([^()]*\))?",
    re.I,
)
# a line that names its day first: "Day 1: 30 mg in total", "On day 3: 120 mg"
DAY_LABEL = re.compile(r"^\s*(?P<when>(?:on\s+)?days?\s+\d+(?:\s*(?:-|–|to)\s*\d+)?)\s*:", re.I)
# "30 mg in total", "a total of": the whole of a day's amount
_IN_TOTAL = re.compile(r"\s*(?:in\s+total|total)\b", re.I)
# the kinds a step's own words leave open
_OPEN_KINDS = frozenset({"usual", "maintenance"})


def read_day_steps(text: str, headings: tuple[str, ...] = ()) -> list[tuple[int, int, Dose]]:
    """Read each day's step of a schedule given day by day; [] if the sentence gives none.

    >>> t = "The total daily dose is 20 mg on day 1, 40 mg on day 2 and 60 mg on day 3."
    >>> [(d.kind, d.value_max, d.per, d.circumstance) for _, _, d in read_day_steps(t)]
    [('initial', '20', 'day', 'on day 1'), ('initial', '40', 'day', 'on day 2'), \
('initial', '60', 'day', 'on day 3')]
    """
    amounts = iter_amounts(text)
    days = [day for day in DAY_STEP.finditer(text) if any(a.end() <= day.start() for a in amounts)]
    if len(days) < 2:
        return []
    lead = text[: amounts[0].start()] if amounts else ""
    shared = FREQUENCY.search(lead)
    steps: list[tuple[int, int, Dose]] = []
    start = 0
    for day in days:
        piece = text[start : day.end()]
        dose = parse_dose(piece, headings)
        if dose is None or not any(start <= a.start() < day.start() for a in amounts):
            continue
        when = day.group("when")
        dose = _as_step(dose, when, when.lower().startswith("on"))
        if DAILY_BEFORE.search(lead) and dose.frequency is None:
            dose = replace(dose, per="day")  # "The total daily dose is 20 mg on day 1, ..."
        if shared is not None and dose.frequency is None:
            low, high = times_a_day(lead, shared)
            dose = replace(
                dose, frequency=shared.group(), times_per_day_min=low, times_per_day_max=high
            )
        if steps:
            first = steps[0][2]
            dose = replace(
                dose,
                population=dose.population or first.population,
                age_min_years=dose.age_min_years or first.age_min_years,
                age_max_years=dose.age_max_years or first.age_max_years,
            )
        steps.append((start, day.end(), dose))
        start = day.end()
    return steps if len(steps) > 1 else []


def _as_step(dose: Dose, when: str, starts: bool) -> Dose:
    """Make a dose the step of its day ``when``; one to start with if ``starts`` ("on day 1")."""
    kind = "initial" if starts and dose.kind in _OPEN_KINDS else dose.kind
    return replace(dose, kind=kind, circumstance=dose.circumstance or when)


def day_labelled(dose: Dose, text: str) -> Dose:
    """Give the dose of a line labelled with its day ("Day 1: 30 mg in total") that day.

    >>> d = day_labelled(parse_dose("Day 2: 60 mg in total."), "Day 2: 60 mg in total.")
    >>> (d.kind, d.per, d.circumstance)
    ('initial', 'day', 'Day 2')
    """
    label = DAY_LABEL.match(text)
    if label is None:
        return dose
    amount = next(iter(iter_amounts(text)), None)
    if amount is not None and dose.per == "dose" and _IN_TOTAL.match(text, amount.end()):
        dose = replace(dose, per="day")
    return _as_step(dose, label.group("when"), starts=True)
