"""Read several doses a sentence gives in turn, and the maximum a later clause adds."""

from __future__ import annotations

import re
from dataclasses import replace

from graph_builder.dosing.amounts import is_current, is_increment, iter_amounts
from graph_builder.dosing.context import POPULATION, RENAL_FUNCTION
from graph_builder.dosing.observed import without_observations
from graph_builder.dosing.parse import RANGE_LIMIT, parse_dose
from graph_builder.dosing.steps import day_labelled, read_day_steps
from graph_builder.dosing.strength import states_price, states_strength
from graph_builder.model import Dose

# A later clause that names its amount an upper bound: "(max. 1 g per dose)", "(up to 300 mg)".
MAXIMUM_LEADS = re.compile(
    r"(?:up to\s+)?(?:a\s+|the\s+)?max(?:imum\b|\b|\.)|up to\b|not (?:to )?exceed"
    r"|(?:not|no) more than",
    re.I,
)
# Where a sentence's later clause starts: "1 mg up to 3 times a day, not more than 4 mg ...".
_CLAUSE_START = re.compile(r"[,;(]\s*|\b(?:but|and)\s+")


def later_daily_maximum(text: str, headings: tuple[str, ...], first: Dose) -> Dose | None:
    """Return a daily maximum a later clause adds to the sentence's first dose, if any.

    >>> t = "Adults: 1 mg up to 3 times a day, not more than 4 mg in 24 hours."
    >>> d = later_daily_maximum(t, (), parse_dose(t))
    >>> (d.kind, d.value_max, d.per, d.comparator, d.population)
    ('maximum', '4', 'day', 'le', 'Adults')
    """
    found = _later_maximum(text, headings, first)
    return found[1] if found else None


def read_doses(text: str, headings: tuple[str, ...] = ()) -> list[Dose]:
    """Read each dose a sentence gives in turn, and the maximum a later clause adds to one.

    A dose given first and one that follows it ("then", "followed by") are the initial and
    the maintenance dose unless their words say otherwise; a dose "increased to" keeps its
    own kind. Each takes the population the sentence names first.

    >>> doses = read_doses("Initially 1 mg daily, up to a maximum of 6 mg daily.")
    >>> [(d.kind, d.value_max) for d in doses]
    [('initial', '1'), ('maximum', '6')]
    >>> doses = read_doses("Adults: 2 g once, then 1 g every 8 hours.")
    >>> [(d.kind, d.value_max, d.population) for d in doses]
    [('initial', '2', 'Adults'), ('maintenance', '1', 'Adults')]
    """
    return [dose for _, _, dose in read_dose_spans(text, headings)]


def read_dose_spans(text: str, headings: tuple[str, ...] = ()) -> list[tuple[int, int, Dose]]:
    """Read the doses as ``read_doses`` does, each with the span of the words that state it.

    A span starts at the dose's amount, so the clause it sits in (and that clause's hedge)
    is the dose's own: in "some sites say 80 mg, but the maximum is usually 60 mg" only the
    60 mg is "usually".

    >>> t = "Take 2 g once, then 1 g every 8 hours."
    >>> [(t[a:b], d.kind) for a, b, d in read_dose_spans(t)]
    [('2 g once', 'initial'), ('1 g every 8 hours.', 'maintenance')]
    """
    if states_strength(text) or states_price(text):
        return []  # "Each tablet contains 10 mg" is the product's strength, no dose; "£4.99 -
        # 14 capsules" a shop's price and pack
    # "up to 90 mg was well tolerated" is a finding: its clause is blanked, offsets kept
    text = without_observations(text)
    steps = read_day_steps(text, headings)
    if steps:  # "50 mg on day 1, 100 mg on day 2 and 200 mg from day 3"
        return _at_amounts(text, steps, 0)
    pieces = _dose_pieces(text)
    if len(pieces) == 1:
        found = _read_clause(text, headings)
        return _at_amounts(text, [(a, b, day_labelled(d, text)) for a, b, d in found], 0)
    doses: list[tuple[int, int, Dose]] = []
    for index, (start, end, cue) in enumerate(pieces):
        # a step up is no dose to start with, even under a "Starting dose" header
        found = _read_clause(text[start:end], () if cue == "raised" else headings)
        if not found:
            continue
        first = found[0][2]
        if cue == "raised" and doses:
            found[0] = (*found[0][:2], _stepped(first, doses[0][2], text[start:end]))
        if index == 0 and pieces[1][2] in _IN_TURN and _plain(first, text[start:end]):
            found[0] = (*found[0][:2], replace(first, kind="initial"))
        elif cue == "then" and first.kind == "usual":
            found[0] = (*found[0][:2], replace(first, kind="maintenance"))
        if doses:
            found = [(a, b, _with_population(dose, doses[0][2])) for a, b, dose in found]
        known = [dose for _, _, dose in doses]
        # a dose said twice is one, unless it is another medicine's ("and diazepam as 10 mg")
        found = [f for f in found if cue == "another" or f[2] not in known]
        doses.extend(_at_amounts(text, found, start))
    return doses


def _at_amounts(
    text: str, found: list[tuple[int, int, Dose]], offset: int
) -> list[tuple[int, int, Dose]]:
    """Move spans read from ``text[offset:]`` onto ``text``, each starting at its first amount."""
    spans = []
    for start, end, dose in found:
        a, b = start + offset, end + offset
        amount = next((m for m in iter_amounts(text[a:b]) if not is_increment(text[a:b], m)), None)
        spans.append((a + amount.start() if amount else a, b, dose))
    return spans


# Where a sentence moves on to a further dose: "80 units/kg, then 18 units/kg/hour", "a
# loading dose of 400 mg followed by 200 mg daily", "Loading dose: 10 mg/kg; maintenance:
# 5 mg/kg", "initially 25 mg, increased if necessary to 75 mg" (not "increased by 5 mg").
NEXT_DOSE = re.compile(
    r"[,;]?\s*\b(?:and\s+)?(?P<then>then|thereafter|followed\s+by|after\s+which|subsequently)\b"
    r"|[,;]\s*(?P<maintenance>(?=(?:a\s+|the\s+)?(?:usual\s+)?maintenance\b"
    # "...; usual dose 200 mg 3 times a day": the dose kept to, after the one to start with
    r"|(?:the\s+)?usual\s+(?:daily\s+)?(?:dose|dosage|range)\b))"
    r"|[,;]?\s*\b(?:and\s+)?(?:(?:which|this|that)\s+)?"
    r"(?:(?:may|can|could|should|will|is|are)\s+(?:then\s+)?(?:be\s+)?)?"
    r"(?:(?:gradually|slowly|then)\s+)?(?P<raised>increased|raised|titrated|up-?titrated)\b"
    r"(?=(?:\s+(?!by\b|in\b)[\w,-]+){0,4}?\s+(?:up\s+)?to\b)"
    # a clause of its own for another population: "...; older adults often need 200 mg"
    rf"|;\s*(?P<population>(?=(?:[\w-]+[\s,]+){{0,3}}?{POPULATION.pattern}))"
    # ... or for another kidney function: "...; when creatinine clearance is below 30 mL/min"
    rf"|;\s*(?P<condition>(?=(?:when|if|where|in|for)\b[^;.]{{0,40}}?{RENAL_FUNCTION}))"
    # ... or for another medicine named with its own amount: "..., and diazepam as 10 mg",
    # ", and buccal midazolam at 0.3 mg/kg"
    r"|,\s*and\s+(?P<another>(?=(?:[a-z][\w-]*\s+){1,2}(?:as|at)\s+\d))",
    re.I,
)
_CUES = ("then", "maintenance", "raised", "population", "condition", "another")
# the cues after which the first dose is the one to start with
_IN_TURN = frozenset({"then", "maintenance"})
# "usual" alone names the maintenance dose, but not the first of doses given in turn
_MAINTENANCE_WORD = re.compile(r"\bmaintenance\b", re.I)


def _plain(dose: Dose, text: str) -> bool:
    """Tell whether a dose's words leave its kind open ("the usual dose is 5 mg, then ...")."""
    return dose.kind == "usual" or (
        dose.kind == "maintenance" and not _MAINTENANCE_WORD.search(text)
    )


def _dose_pieces(text: str) -> list[tuple[int, int, str]]:
    """Cut a sentence where it moves on to a further dose: (start, end, the cue that led in)."""
    doses = [a for a in iter_amounts(text) if not is_increment(text, a)]
    doses = [a for a in doses if not is_current(text, a)] or doses
    if len(doses) < 2:
        return [(0, len(text), "")]
    pieces = [(0, len(text), "")]
    for cue in NEXT_DOSE.finditer(text, doses[0].end()):
        previous = pieces[-1][0]
        if any(previous <= d.start() < cue.start() for d in doses) and any(
            d.start() >= cue.end() for d in doses
        ):
            name = next(n for n in _CUES if cue.group(n) is not None)
            pieces[-1] = (previous, cue.start(), pieces[-1][2])
            pieces.append((cue.start(), len(text), name))
    return pieces


# When a step up is taken: "increased to 50 mg after one week", "... from week 3".
_STEP_WHEN = re.compile(
    r"\b(?:after|from|at)\s+(?:(?:the\s+)?(?:first|second)\s+(?:day|week|month)"
    r"|(?:one|two|three|four|a|\d+)\s+(?:days?|weeks?|months?)|(?:day|week|month)\s+\d+)\b",
    re.I,
)


def _stepped(step: Dose, start: Dose, text: str) -> Dose:
    """Give a step up what the dose it steps from says: how often, and when the step comes.

    "25 mg once daily, increased to 50 mg after one week": 50 mg once daily, after one week.
    """
    when = _STEP_WHEN.search(text)
    if step.frequency is None and step.per in (start.per, "dose"):  # "per dose" is unsaid
        step = replace(
            step,
            per=start.per,
            frequency=start.frequency,
            times_per_day_min=start.times_per_day_min,
            times_per_day_max=start.times_per_day_max,
        )
    if when is not None and step.circumstance is None:
        step = replace(step, circumstance=when.group())
    return step


def _with_population(dose: Dose, first: Dose) -> Dose:
    return replace(
        dose,
        population=dose.population or first.population,
        age_min_years=dose.age_min_years or first.age_min_years,
        age_max_years=dose.age_max_years or first.age_max_years,
    )


def _read_clause(text: str, headings: tuple[str, ...]) -> list[tuple[int, int, Dose]]:
    """Read one dose and the maximum a later clause of it adds (read from its own clause)."""
    first = parse_dose(text, headings)
    if first is None:
        return []
    found = _later_maximum(text, headings, first)
    if found is None:
        return [(0, len(text), first)]
    cut, later = found
    return [(0, cut, parse_dose(text[:cut], headings) or first), (cut, len(text), later)]


def _later_maximum(text: str, headings: tuple[str, ...], first: Dose) -> tuple[int, Dose] | None:
    amounts = [a for a in iter_amounts(text) if not is_increment(text, a)]
    for amount in amounts[1:]:
        if amount.group("high") is not None and not RANGE_LIMIT.search(text, 0, amount.start()):
            continue
        breaks = list(_CLAUSE_START.finditer(text, amounts[0].end(), amount.start()))
        if not breaks:
            continue  # "0.5 mg to 1 mg": one statement, read by parse_dose
        later = parse_dose(text[breaks[-1].end() :], headings)
        # a maximum a dose, too, where the clause names it one: "(max. 1 g per dose)"
        if later is None or later.kind != "maximum":
            continue
        if later.per != "day" and not MAXIMUM_LEADS.match(text, breaks[-1].end()):
            continue
        if (first.kind, first.value_max, first.per) == ("maximum", later.value_max, later.per):
            return None  # the first dose is this maximum already
        return breaks[0].start(), _with_population(later, first)
    return None
