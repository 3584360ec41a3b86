"""Read the one dose or schedule a sentence states, and its kind."""

from __future__ import annotations

import re

from graph_builder.dosing.amounts import (
    RATE_UNIT,
    count_of,
    decimal_of,
    is_current,
    is_increment,
    iter_amounts,
    range_of,
)
from graph_builder.dosing.bounds import AFTER_COMPARATOR, LOWER_BOUNDS, UPPER_BOUNDS, bound_of
from graph_builder.dosing.context import (
    CIRCUMSTANCE,
    DURATION,
    MAX_DURATION,
    SETTING,
    duration_of,
    population_of,
)
from graph_builder.dosing.frequency import (
    DAILY_BEFORE,
    DIVIDED,
    FREQUENCY,
    PER_DAY,
    belongs,
    once_a_day,
    paces,
    said,
    times_a_day,
)
from graph_builder.model import Dose

# Where an amount's own clause ends: "10 mg twice daily (max. 40 mg per day)", "5 mg once
# daily; max. 20 mg", "2.5 mg once daily, max. 10 mg once daily".
CLAUSE_AFTER = re.compile(r"[;(]|,\s*(?:max\b|maximum\b)", re.I)
KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("overdose-risk", re.compile(r"\boverdose|toxic", re.I)),
    (
        "hospital-threshold",
        re.compile(
            r"\b(?:more|greater|higher) than|\bover\b|\babove\b|\bexceed\w*|\bin excess of"
            r"|\bat least\b",
            re.I,
        ),
    ),
    # only the word: "up to", "not more than" are comparators, and bound their own amount
    ("maximum", re.compile(r"\bmaximum|\bmax\b", re.I)),
    (
        "initial",
        re.compile(r"\bstart\w*|\binitial\w*|\bminimal|\bbegin\w*|\blowest|\bloading", re.I),
    ),
    ("maintenance", re.compile(r"\bmaintenance|\bstandard|\busual\b|\btypical daily", re.I)),
)


def _kind(text: str, headings: tuple[str, ...], bound: str | None, own: str) -> str:
    """Name the kind of a dose from its cues; a maximum's only from the amount's clause, ``own``.

    In "10 mg twice daily (max. 40 mg daily)" the 10 mg is no maximum.
    """
    for kind, cue in KIND_CUES:
        if kind == "hospital-threshold":
            # a lower bound with a setting: "above 10 mg a day, only in hospital"
            if bound in LOWER_BOUNDS and SETTING.search(text) and cue.search(text):
                return kind
            continue
        if kind == "maximum" and bound in LOWER_BOUNDS:
            continue  # "more than the maximum of 4 mg" states no maximum
        if _cue(cue, own if kind == "maximum" else text):
            return kind
    for heading in reversed(headings):
        for kind, cue in KIND_CUES:
            if kind == "hospital-threshold" or (kind == "maximum" and bound in LOWER_BOUNDS):
                continue  # "more than 20 mg" under "Maximum Dose" states no maximum
            if _cue(cue, heading):
                return kind
    return "usual"


# Whom a dose is for, where the population's own words name no group of age: "patients over
# 75 years", "people aged 65 and over", "older people", "if you are over 65" (a duration must
# not take the age).
_WHO = r"(?:patients|people|persons|those|individuals|you\s+are|you're)"
AGED = re.compile(
    rf"\b(?P<text>{_WHO}\s+(?:aged\s+)?"
    r"(?:(?P<over>over|above|older than)|(?P<under>under|below|younger than))\s+"
    r"(?P<age>\d+)(?:\s*years?)?(?:\s+(?:of\s+age|old))?"
    rf"|{_WHO}\s+(?:aged\s+)?(?P<age2>\d+)(?:\s*years?)?(?:\s+of\s+age)?"
    r"\s+(?:and|or)\s+(?:over|above|older)"
    r"|(?:older|elderly)\s+(?:people|patients|persons|individuals))\b",
    re.I,
)
# A dose kept to a combination, named after its amount: "do not exceed 20 mg in patients
# taking amlodipine", "5 mg for those also receiving a CYP3A4 inhibitor". Not the dose patients
# take already ("for patients taking 10 mg daily": no amount in it), nor another arm of a trial
# ("than in patients receiving warfarin", "in those taking placebo").
COMBINED = re.compile(
    r"(?<!than )\b(?:in|for)\s+(?:patients|people|those|anyone)\s+(?:who\s+are\s+)?"
    r"(?:also\s+)?(?:taking|receiving|using)\s+"
    r"(?![^,;.()\d]*\b(?:placebo|vehicle|comparator)\b)[^,;.()\d]*[^,;.()\d\s]"
    r"(?=\s*(?:[;.()]|$))",
    re.I,
)
# A range a dose is adjusted within: "titrated within the range 100 mg to 400 mg a day" is at
# most 400 mg a day (and at least 100 mg). Only after a verb of adjusting: "the maintenance dose
# is in the range of 4-6 mg" is a range, both ends the dose.
RANGE_LIMIT = re.compile(
    r"\b(?:adjust\w*|titrat\w*|kept|keep\w*|maintain\w*|individuali[sz]ed|var(?:y|ied|ies))"
    r"\s+(?:[\w-]+\s+){0,3}?(?:within|in)\s+(?:the|a)\s+(?:(?:dose|dosage|daily|dosing)\s+)?"
    r"range\s+(?:of\s+)?$",
    re.I,
)
# A cue its sentence denies: "without a loading dose", "no starting dose is needed".
_DENIED = re.compile(r"\b(?:without|no|not)\s+(?:an?\s+|the\s+|any\s+)?$", re.I)


# Patients a treatment of the kidneys' work sets apart: "patients on haemodialysis",
# "people receiving peritoneal dialysis".
DIALYSIS = re.compile(
    rf"\b{_WHO}\s+(?:who\s+are\s+)?(?:on|receiving|undergoing|having|requiring)\s+"
    r"(?:(?:ha?emo|peritoneal\s+)?dialysis|ha?emodialysis)\b",
    re.I,
)


def _population(text: str) -> tuple[str | None, str | None, str | None]:
    """Return the population a sentence names and its age limits, "patients over 75" too."""
    found = population_of(text)
    if found[0] is not None:
        return found
    dialysis = DIALYSIS.search(text)
    if dialysis is not None:
        return dialysis.group(), None, None
    aged = AGED.search(text)
    if aged is None:
        return None, None, None
    if aged.group("under"):
        return aged.group("text"), None, aged.group("age")
    return aged.group("text"), aged.group("age") or aged.group("age2"), None


def _cue(pattern: re.Pattern[str], text: str) -> bool:
    """Tell whether a kind's cue is in ``text``, and not denied ("without a loading dose")."""
    return any(
        not _DENIED.search(text[max(0, m.start() - 12) : m.start()]) for m in pattern.finditer(text)
    )


def _is_age(duration: re.Match[str] | None, text: str) -> bool:
    """Tell whether a span read as a duration is the age of the population ("over 75 years")."""
    if duration is None:
        return False
    return any(a.start() <= duration.start() < a.end() for a in AGED.finditer(text))


_SUFFICES = re.compile(r"\b(?:sufficient|adequate|enough|effective|suffices?)\b", re.I)


def _how_often(
    text: str, frequency: re.Match[str] | None, day_amount_end: int | None
) -> tuple[str | None, int | None, int | None, str | None]:
    """Return a dose's frequency as said, its times a day and an "as needed" that goes with it.

    A day's amount with no frequency may be taken at one time: "1 g a day as a single dose".
    """
    if frequency is not None:
        words, instruction = said(text, frequency)
        return (words, *times_a_day(text, frequency), instruction)
    single = once_a_day(text, day_amount_end) if day_amount_end is not None else None
    if single is not None:
        return single.group(), 1, 1, None
    return None, None, None, None


def _bounded(
    text: str, amount: re.Match[str]
) -> tuple[str | None, str | None, str, str | None, bool]:
    """Return an amount's low and high ends, unit, bound and whether a prohibition bounds it.

    A single value is the dose itself or a bound on it ("up to 6 mg"); the top of a range a
    dose is adjusted within is the most to take, its low end kept ("adjusted within the range
    100 mg to 400 mg").
    """
    low, high, unit = range_of(amount)
    if high is None:
        bound, forbidden = bound_of(text, amount.start(), amount.end())
        if bound is not None and bound not in LOWER_BOUNDS:
            return None, low, unit, bound, forbidden
        return low, None, unit, bound, forbidden
    if RANGE_LIMIT.search(text, 0, amount.start()):
        return low, high, unit, "le", False
    return low, high, unit, None, False


def _basis(
    text: str, amount: re.Match[str], unit: str, frequency: re.Match[str] | None
) -> str | None:
    """Tell whether an amount is per day or per dose; a rate's unit says it (no basis)."""
    if RATE_UNIT.search(unit):
        return None  # a rate is given per hour or minute, its unit says which
    after = text[amount.end() :]
    trailing = AFTER_COMPARATOR.match(after)
    if trailing and not trailing.group("day"):
        after = after[trailing.end() :]  # "12 mg or more per day"
    per_day = PER_DAY.match(after) and not (frequency and frequency.start() == amount.end() + 1)
    return "day" if per_day or DAILY_BEFORE.search(text[: amount.start()]) else "dose"


def _amount_kind(
    text: str, headings: tuple[str, ...], amount: re.Match[str], bound: str | None, forbidden: bool
) -> str:
    """Name the kind of the dose an amount states, a bound on it making it a maximum."""
    own = CLAUSE_AFTER.search(text, amount.end())
    kind = _kind(text, headings, bound, text[: own.start()] if own else text)
    # "up to 6 mg", "give 1 mg or less", "do not take more than 10 mg": the most one may
    # take; "10 mg or less are usually sufficient" says what suffices and limits nothing
    suffices = AFTER_COMPARATOR.match(text[amount.end() :]) and _SUFFICES.search(text)
    if bound in UPPER_BOUNDS and (forbidden or (kind != "overdose-risk" and not suffices)):
        return "maximum"
    return kind


def parse_dose(text: str, headings: tuple[str, ...] = ()) -> Dose | None:
    """Read the dose or schedule a sentence states.

    >>> d = parse_dose("Children at the age of 1 to 5 are prescribed 1.5-3 mg per day")
    >>> (d.value_min, d.value_max, d.unit, d.per, d.age_min_years, d.age_max_years)
    ('1.5', '3', 'mg', 'day', '1', '5')
    >>> parse_dose("The dose can be increased to a maximum of 4 mg per day.").kind
    'maximum'
    """
    amounts = iter_amounts(text)
    increments = [a for a in amounts if is_increment(text, a)]
    # "for patients taking 5 mg twice daily, reduce to 2.5 mg": the 5 mg is a condition
    current = [a for a in amounts if a not in increments and is_current(text, a)]
    doses = [a for a in amounts if a not in increments and a not in current]
    if not doses:  # "3 patients on 50 mg daily" names no other dose: the 50 mg is read
        doses, current = [a for a in amounts if a not in increments], []
    amount = doses[0] if doses else None
    floor = current[-1].end() if current else 0
    frequency = next(
        (
            f
            for f in FREQUENCY.finditer(text, floor)
            if not any(paces(text, a, f) for a in increments) and belongs(text, amount, f)
        ),
        None,
    )
    duration = DURATION.search(text)
    max_duration = MAX_DURATION.search(text)
    plain_duration = any(d.group("q") is None for d in DURATION.finditer(text))
    if not (amount or frequency or plain_duration or max_duration):
        return None
    per = bound = None
    forbidden = False
    low = high = unit = None
    if amount:
        low, high, unit, bound, forbidden = _bounded(text, amount)
        per = _basis(text, amount, unit, frequency)
    population, age_min, age_max = _population(text)
    divided = DIVIDED.search(text)
    setting = SETTING.search(text)
    place = setting.group("s") or setting.group("s2") or setting.group("s3") if setting else None
    circumstance = CIRCUMSTANCE.search(text) or (
        COMBINED.search(text, amount.end()) if amount else None
    )
    words, times_min, times_max, instruction = _how_often(
        text, frequency, amount.end() if amount and per == "day" else None
    )
    return Dose(
        kind=_amount_kind(text, headings, amount, bound, forbidden) if amount else "course",
        value_min=decimal_of(low),
        value_max=decimal_of(high if bound else high or low),  # a lower bound has no maximum
        comparator=bound,
        unit=unit.lower() if unit else None,
        per=per,
        frequency=words,
        times_per_day_min=times_min,
        times_per_day_max=times_max,
        divided_into=count_of(divided.group("n") or divided.group("n2")) if divided else None,
        population=population,
        age_min_years=age_min,
        age_max_years=age_max,
        duration=None if _is_age(duration, text) else duration_of(duration, text),
        duration_max_months=max_duration.group("n") if max_duration else None,
        setting=place.lower() if place else None,
        circumstance=circumstance.group() if circumstance else None,
        instruction=instruction,
    )
