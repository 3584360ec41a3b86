"""Read dose statements: amounts, ranges, frequency, population, duration, setting.

``parse_dose`` looks at one sentence (and the headings above it) and returns a ``Dose``
with every part the sentence states, or ``None`` when it states no dose or schedule.
Decimal commas ("0,5 mg") are read as decimal points. ``read_doses`` reads every dose a
sentence gives in turn ("a bolus of 80 units/kg, then 18 units/kg/hour") and the maximum a
later clause adds ("10 mg twice daily (max. 40 mg per day)").
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph_builder.model import Dose

_NUMBER = r"\d+(?:[.,]\d+)?"
# An amount per kilogram of body weight keeps "/kg" in its unit ("250 micrograms/kg").
# A rate keeps its time in the unit too ("18 units/kg/hour", "1 mg per minute"): an infusion
# is given per hour or minute, neither per dose nor per day. A count of a dose form
# ("2 tablets", "1 to 2 puffs") is an amount as well.
_RATE = r"\s*(?:/|per\s+)\s*(?:hours?|hrs?|h|minutes?|mins?)\b"
_COUNTED = (
    r"tablets?|capsules?|caplets?|puffs?|sprays?|drops?|sachets?|lozenges?|pastilles?"
    r"|suppositor(?:y|ies)|pessar(?:y|ies)|patch(?:es)?|ampoules?|ampules?|vials?"
    r"|actuations?|inhalations?|spoonfuls?|teaspoonfuls?"
)
UNITS = (
    r"(?:(?:mg|mcg|µg|μg|micrograms?|milligrams?|g|units?|IU|ml|mL)\s*(?:/|per\s+)\s*kg\b"
    r"|mg/m2|mg|mcg|µg|μg|micrograms?|milligrams?|g|ml|mL|units?|IU)"
    rf"(?:{_RATE})?|{_COUNTED}"
)
# An amount per volume ("10 g/dL", "4 mg per L") is a concentration, no dose. A range may
# name its unit twice ("50 mg to 100 mg").
AMOUNT = re.compile(
    rf"(?P<low>{_NUMBER})(?:(?:\s*(?P<first>{UNITS}))?\s*(?:-|–|to)\s*(?P<high>{_NUMBER}))?"
    rf"\s*(?P<unit>(?(first)(?P=first)|(?:{UNITS})))\b"
    r"(?!\s*(?:/|per\b)\s*(?:d?l|ml|mmol|lit(?:er|re)s?)\b)"
    # a volume a minute is a clearance ("CrCl 30 mL/min", "GFR 60 mL/min/1.73 m2"), no dose
    r"(?<!l/min)(?<!l/minute)(?<!l per min)(?<!l per minute)"
    r"(?!(?<=l)\s*(?:/|per\s+)\s*min)",
    re.I,
)
# A count of a dose form may be written out: "one capsule", "one or two tablets".
COUNTED_IN_WORDS = re.compile(
    r"\b(?P<low>one|two|three|four)(?:\s+(?:or|to)\s+(?P<high>two|three|four))?"
    rf"\s+(?P<unit>{_COUNTED})\b",
    re.I,
)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "once": 1, "twice": 2}
# The prescriber's Latin: "bid"/"b.i.d."/"bd" twice a day, "tid"/"tds" three, "qid"/"qds"
# four, "qd" once; "q8h" every 8 hours.
_LATIN = {"bid": 2, "bd": 2, "tid": 3, "tds": 3, "qid": 4, "qds": 4, "qd": 1}
FREQUENCY = re.compile(
    r"\b(?P<text>(?P<n>once|twice|one|two|three|four|five|six|\d+)"
    r"(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+|two|three|four|five|six))?"
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
    r"(?:24|twenty-four)[\s-]*(?:hours?|hrs?|h)\b(?:\s+period)?"
    r"|^\s*/\s*24\s*(?:hours?|hrs?|h)\b"
    r"|^\s*(?:of \w+\s+)?(?:in|within|during)\s+(?:one|a single|any one|a)\s+day\b",
    re.I,
)
DAILY_BEFORE = re.compile(r"\bdaily (?:dose|dosage|amount)\b|\bdose per day\b", re.I)
DIVIDED = re.compile(
    r"\bdivided into (?P<n>\w+|\d+) (?:doses|parts|portions)|\bin (?P<n2>\w+|\d+) divided doses",
    re.I,
)
DURATION = re.compile(
    r"\b(?:within|for|over|during) "
    r"(?P<text>\d+(?:\s*(?:-|–|to)\s*\d+)? (?:days|weeks|months|years))\b",
    re.I,
)
MAX_DURATION = re.compile(
    r"\b(?:not more than|no more than|no longer than|up to|maximum of|not exceeding) "
    r"(?P<n>\d+) months?\b",
    re.I,
)
CIRCUMSTANCE = re.compile(
    r"\b(?:during|in|for) (?:an? |the )?acute (?:conditions?|episodes?|attacks?|states?|phases?)\b"
    r"|\b(?:during|in) (?:an? )?(?:emergenc(?:y|ies)|crisis|crises)\b",
    re.I,
)
# "only in hospital", "should only be given in a clinic", "in hospital only", "under hospital
# supervision": the dose is kept to that setting.
SETTING = re.compile(
    r"\bonly\s+(?:(?:be\s+)?(?:given|used|administered|started|initiated|taken)\s+)?in\s+(?:an?\s+)?"
    r"(?P<s>hospital|inpatient settings?|clinic)\b"
    r"|\bin\s+(?:an?\s+)?(?P<s2>hospital|inpatient settings?|clinic)\s+only\b"
    r"|\bunder\s+(?P<s3>hospital|inpatient|clinic)\s+supervision\b",
    re.I,
)
POPULATION = re.compile(
    r"\b(?P<text>(?:infants|newborns|neonates|children|adolescents|adults|older adults|elderly"
    r"|geriatric patients|pediatric patients)"
    r"(?:\s+(?:and|or)\s+(?:infants|children|adolescents|adults))?"
    r"(?:\s+(?:under|below|younger than|over|above|older than)\s+(?P<bound>\d+)(?:\s*years?)?"
    r"|\s+(?:at the age of|aged|ages|age|from)\s+"
    r"(?P<lo>\d+)\s*(?:to|-|–)\s*(?P<hi>\d+)(?:\s*years?)?"
    # the ages alone, in years: "Children 6-12 years: 5 mL"
    r"|\s+(?P<lo2>\d+)\s*(?:to|-|–)\s*(?P<hi2>\d+)\s*years?\b(?:\s+of\s+age)?)?)",
    re.I,
)
# Words right before an amount that make it a bound rather than the dose: "more than 10 mg"
# is any dose above 10 mg (exclusive lower bound), "at least" an inclusive lower bound, "up to",
# "not more than", "a maximum of" an upper bound, "less than" an exclusive upper bound. The
# negated forms come first ("not more than" is an upper bound, "not less than" a lower one).
# ... and a dose named between the comparator and its amount: "not exceed a total daily dose of"
_DOSE_NOUN = (
    r"(?:a\s+|the\s+)?(?:total\s+(?:of\s+)?)?"
    r"(?:(?:(?:total|daily|single)\s+)+(?:doses?|dosages?|amounts?)\s+of\s+)?"
)
COMPARATORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?:{words})\s*(?:of\s+)?{_DOSE_NOUN}$", re.I))
    for name, words in (
        (
            "le",
            r"\b(?:not|no) (?:more|greater|higher) than|\bnot (?:to )?exceed(?:ing)?"
            r"|\bup to(?: a maximum of)?|\bat most|\b(?:a |the )?max(?:imum|\.)?|≤|<=",
        ),
        ("ge", r"\b(?:not|no) (?:less|fewer|lower) than|\bat least|\b(?:a |the )?minimum|≥|>="),
        (
            "gt",
            r"\b(?:more|greater|higher) than|\bover|\babove|\bexceed(?:ing|s)?|\bin excess of"
            r"|\bbeyond|>",
        ),
        ("lt", r"\b(?:less|fewer|lower) than|\bbelow|\bunder|<"),
    )
)
LOWER_BOUNDS = frozenset({"gt", "ge"})
# A prohibition turns a lower bound into an upper one: "do not take more than 10 mg", "never
# exceed 20 mg", "the dose should not be more than 20 mg" (a negation, then at most a verb of
# taking and "the dose to", right before the comparative); "doses above 40 mg are not
# recommended", "doses higher than 20 mg should be avoided" (a dose named before the
# comparative, a prohibition after the amount). What was excluded stays excluded: "more than
# 10 mg" forbidden is "at most 10 mg", "at least 10 mg" forbidden is "less than 10 mg".
# A forbidden upper bound is a minimum: "do not give less than 0.5 mg" is at least 0.5 mg.
FORBIDDEN_BOUND = {"gt": "le", "ge": "lt", "lt": "ge", "le": "gt"}
UPPER_BOUNDS = frozenset({"lt", "le"})
# "or more" after the amount: "12 mg or more" is at least 12 mg, "1 mg or less" at most 1 mg.
AFTER_COMPARATOR = re.compile(
    r"^\s*or\s+(?:(?P<ge>more|above|higher|greater|over)|(?P<le>less|below|lower|fewer|under))\b",
    re.I,
)
# A verb that itself bounds from above: "do not exceed the maximum of 10 mg" stays a maximum.
EXCEED = re.compile(r"\bexceed", re.I)
NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever)\s+(?:(?:necessary|needed|advisable|required|recommended)\s+to\s+)?"
    r"(?:(?:be|take|use|give|administer|prescribe|receive|exceed"
    r"|increase|raise|go)\w*\s+)?(?:(?:it|them|this|these)\s+)?(?:(?:the|a|your)\s+)?"
    r"(?:(?:daily|total)\s+)?"
    r"(?:(?:doses?|dosages?|amounts?)\s+(?:to\s+|of\s+)?)?$",
    re.I,
)
DOSE_SUBJECT = re.compile(r"\b(?:doses?|dosages?|amounts?|intakes?)\b", re.I)
FORBIDDEN_AFTER = re.compile(
    r"^[^.;:]{0,40}?\b(?:should|must|are|is|be)\s+(?:(?:\w+ly\s+)?(?:avoided|unsafe"
    r"|not\s+(?:be\s+)?(?:recommended|advised|exceeded|used|given|taken|administered"
    r"|prescribed))|(?:rarely|seldom)\s+(?:needed|required|necessary)"
    r"|not\s+(?:usually\s+|generally\s+|often\s+)?(?:advisable|necessary|needed|required))\b",
    re.I,
)
# a stop ends a sentence, not the stop of a shortened "max." or "approx."
_SENTENCE_BREAK = re.compile(r";|(?<!\bmax)(?<!\bmin)(?<!\bapprox)(?<!\bca)\.\s", re.I)
# "The 20 mg daily dose must not be exceeded": a plain amount forbidden to exceed is a maximum.
NOT_EXCEEDED_AFTER = re.compile(
    r"^[^.;:]{0,40}?\b(?:should|must|is|are)\s+not\s+be\s+exceeded\b", re.I
)
# A step of titration is no dose: "increased by 5 mg", "in increments of 25 mg", "in 10 mg
# steps"; the frequency right after it ("by 5 mg every 2 weeks") paces the titration.
INCREMENT_BEFORE = re.compile(
    r"(?:\b(?:increas|rais|reduc|decreas|titrat|lower|adjust|chang)\w*\s+(?:\w+\s+){0,5}?by"
    r"|\b(?:increments?|decrements?|steps?)\s+of)\s*$",
    re.I,
)
INCREMENT_AFTER = re.compile(r"\s*(?:increments?|decrements?|steps?)\b", re.I)
PACE_GAP = re.compile(r"[\s,]*(?:(?:at|given|no more often than|not more often than)\s+)?", re.I)
AS_NEEDED = re.compile(
    r"\b(?:as|when|if) (?:needed|required|necessary)\b|\bprn\b|\bp\.r\.n\b", re.I
)
# The few words between an amount and its own frequency: "60 mg subcutaneously every 6 months"
# (no other number, and no comma: "after 200 mg, test the blood every 2 weeks").
NEAR_GAP = re.compile(r"[^\d;,()\[\]]{0,40}")
RATE_UNIT = re.compile(rf"{_RATE}$", re.I)
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


def _decimal(text: str | None) -> str | None:
    if text is not None and text.lower() in _WORDS:
        return str(_WORDS[text.lower()])
    return None if text is None else text.replace(",", ".")


def iter_amounts(text: str) -> list[re.Match[str]]:
    """Return the amounts of a sentence in order: "5 mg", "1-2 tablets", "one capsule"."""
    found = [*AMOUNT.finditer(text), *COUNTED_IN_WORDS.finditer(text)]
    return sorted(found, key=lambda match: match.start())


def _count(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return _WORDS.get(text.lower())


def comparator(before: str) -> str | None:
    """Say which bound the words right before an amount make of it: gt, ge, lt, le or None.

    >>> comparator("More than "), comparator("increased up to "), comparator("at least ")
    ('gt', 'le', 'ge')
    >>> comparator("a dose of ") is None
    True
    """
    found = _comparator_match(before)
    return found[0] if found else None


def _comparator_match(before: str) -> tuple[str, re.Match[str]] | None:
    for name, pattern in COMPARATORS:
        match = pattern.search(before)
        if match:
            return name, match
    return None


def bound_of(text: str, start: int, end: int) -> tuple[str | None, bool]:
    """Return the bound the words around an amount make of it, and whether a prohibition did.

    >>> bound_of("Never exceed 20 mg per day.", 13, 18)
    ('le', True)
    >>> bound_of("Patients who do not respond need more than 20 mg.", 43, 48)
    ('gt', False)
    """
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)]
    before = text[max([0, start - 60, *breaks]) : start]
    after = text[end:]
    found = _comparator_match(before)
    if found is not None:
        name, lead = found[0], before[: found[1].start()]
    else:
        trailing = AFTER_COMPARATOR.match(after)
        if trailing is None:
            return ("le", True) if NOT_EXCEEDED_AFTER.match(after) else (None, False)
        name = "ge" if trailing.group("ge") else "le"
        lead, after = before, after[trailing.end() :]
    prohibited = FORBIDDEN_AFTER.match(after)
    if NEGATED_BEFORE.search(lead) or (DOSE_SUBJECT.search(lead) and prohibited):
        # "do not exceed the maximum of 10 mg", "a maximum of 10 mg must not be exceeded"
        exceeded = EXCEED.search(lead) or (prohibited and EXCEED.search(prohibited.group()))
        if not (name in UPPER_BOUNDS and exceeded):
            return FORBIDDEN_BOUND[name], True
    return name, False


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
        if cue.search(own if kind == "maximum" else text):
            return kind
    for heading in reversed(headings):
        for kind, cue in KIND_CUES:
            if kind == "hospital-threshold" or (kind == "maximum" and bound in LOWER_BOUNDS):
                continue  # "more than 20 mg" under "Maximum Dose" states no maximum
            if cue.search(heading):
                return kind
    return "usual"


def _times_a_day(text: str, frequency: re.Match[str]) -> tuple[int | None, int | None]:
    """Count the doses a day a frequency gives: "twice daily" 2, "tid" 3, "every 8 hours" 3.

    >>> _times_a_day("every 4 to 6 hours as needed", FREQUENCY.search("every 4 to 6 hours"))
    (None, 6)
    """
    if frequency.group("text"):
        times = _count(frequency.group("n"))
        if times is not None and frequency.group("n2") is None:
            return _times_bounded(text, frequency, times)
        return times, _count(frequency.group("n2")) or times
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


def _is_increment(text: str, amount: re.Match[str]) -> bool:
    """Tell whether an amount is a step of titration ("increased by 5 mg"), not a dose."""
    return bool(
        INCREMENT_BEFORE.search(text[max(0, amount.start() - 60) : amount.start()])
        or INCREMENT_AFTER.match(text, amount.end())
    )


def _belongs(text: str, amount: re.Match[str] | None, frequency: re.Match[str]) -> bool:
    """Tell whether a frequency is the dose's: "tid", "every 8 hours" right after its amount.

    "Twice daily" and "3 times a day" are read anywhere in the sentence ("Twice daily, take
    5 mg"); "every 8 hours" and "q8h" stay out of an earlier or another dose's clause.
    """
    if frequency.group("text"):
        return True
    if amount is None or frequency.start() < amount.end():
        return False
    return bool(NEAR_GAP.fullmatch(text, amount.end(), frequency.start()))


def _paces(text: str, increment: re.Match[str], frequency: re.Match[str]) -> bool:
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


def population_of(text: str) -> tuple[str | None, str | None, str | None]:
    """Return the population a sentence names ("children under 6 years") and its age limits."""
    match = POPULATION.search(text)
    if not match:
        return None, None, None
    low, high = match.group("lo") or match.group("lo2"), match.group("hi") or match.group("hi2")
    bound = match.group("bound")
    if bound:
        if re.search(r"under|below|younger", match.group("text"), re.I):
            high = bound
        else:
            low = bound
    return match.group("text"), low, high


def _duration(duration: re.Match[str] | None, text: str) -> str | None:
    """Return how long a dose is given, not an age ("adults over 75 years").

    >>> _duration(DURATION.search("Adults over 75 years: 300 mg."), "Adults over 75 years")
    """
    if duration is None:
        return None
    population = POPULATION.search(text)
    if population and population.start() <= duration.start() < population.end():
        return None
    return duration.group("text")


_SUFFICES = re.compile(r"\b(?:sufficient|adequate|enough|effective|suffices?)\b", re.I)


def parse_dose(text: str, headings: tuple[str, ...] = ()) -> Dose | None:
    """Read the dose or schedule a sentence states.

    >>> d = parse_dose("Children at the age of 1 to 5 are prescribed 1.5-3 mg per day")
    >>> (d.value_min, d.value_max, d.unit, d.per, d.age_min_years, d.age_max_years)
    ('1.5', '3', 'mg', 'day', '1', '5')
    >>> parse_dose("The dose can be increased to a maximum of 4 mg per day.").kind
    'maximum'
    """
    amounts = iter_amounts(text)
    increments = [a for a in amounts if _is_increment(text, a)]
    amount = next((a for a in amounts if a not in increments), None)
    frequency = next(
        (
            f
            for f in FREQUENCY.finditer(text)
            if not any(_paces(text, a, f) for a in increments) and _belongs(text, amount, f)
        ),
        None,
    )
    duration = DURATION.search(text)
    max_duration = MAX_DURATION.search(text)
    if not (amount or frequency or duration or max_duration):
        return None
    per = bound = None
    forbidden = False
    low = high = unit = None
    if amount:
        low, high, unit = amount.group("low"), amount.group("high"), amount.group("unit")
        if high is None:  # a single value: the dose itself, or a bound on it
            bound, forbidden = bound_of(text, amount.start(), amount.end())
            if bound is not None and bound not in LOWER_BOUNDS:
                low, high = None, low
        after = text[amount.end() :]
        trailing = AFTER_COMPARATOR.match(after)
        after = after[trailing.end() :] if trailing else after  # "12 mg or more per day"
        per_day = PER_DAY.match(after) and not (frequency and frequency.start() == amount.end() + 1)
        per = "day" if per_day or DAILY_BEFORE.search(text[: amount.start()]) else "dose"
        if RATE_UNIT.search(unit):
            per = None  # a rate is given per hour or minute, its unit says which
    population, age_min, age_max = population_of(text)
    divided = DIVIDED.search(text)
    setting = SETTING.search(text)
    place = setting.group("s") or setting.group("s2") or setting.group("s3") if setting else None
    circumstance = CIRCUMSTANCE.search(text)
    times_min, times_max = _times_a_day(text, frequency) if frequency else (None, None)
    kind = "course"
    if amount:
        own = CLAUSE_AFTER.search(text, amount.end())
        kind = _kind(text, headings, bound, text[: own.start()] if own else text)
        # "up to 6 mg", "give 1 mg or less", "do not take more than 10 mg": the most one may
        # take; "10 mg or less are usually sufficient" says what suffices and limits nothing
        suffices = AFTER_COMPARATOR.match(text[amount.end() :]) and _SUFFICES.search(text)
        if bound in UPPER_BOUNDS and (forbidden or (kind != "overdose-risk" and not suffices)):
            kind = "maximum"
    return Dose(
        kind=kind,
        value_min=_decimal(low),
        value_max=_decimal(high if bound else high or low),  # a lower bound has no maximum
        comparator=bound,
        unit=unit.lower() if unit else None,
        per=per,
        frequency=frequency.group(0) if frequency else None,
        times_per_day_min=times_min,
        times_per_day_max=times_max,
        divided_into=_count(divided.group("n") or divided.group("n2")) if divided else None,
        population=population,
        age_min_years=age_min,
        age_max_years=age_max,
        duration=_duration(duration, text),
        duration_max_months=max_duration.group("n") if max_duration else None,
        setting=place.lower() if place else None,
        circumstance=circumstance.group() if circumstance else None,
    )


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
    pieces = _dose_pieces(text)
    if len(pieces) == 1:
        return _read_clause(text, headings)
    doses: list[Dose] = []
    for index, (start, end, cue) in enumerate(pieces):
        found = _read_clause(text[start:end], headings)
        if not found:
            continue
        if index == 0 and pieces[1][2] != "raised" and found[0].kind == "usual":
            found[0] = replace(found[0], kind="initial")
        elif cue == "then" and found[0].kind == "usual":
            found[0] = replace(found[0], kind="maintenance")
        if doses:
            found = [_with_population(dose, doses[0]) for dose in found]
        doses.extend(dose for dose in found if dose not in doses)  # a dose said twice is one
    return doses


# Where a sentence moves on to a further dose: "80 units/kg, then 18 units/kg/hour", "a
# loading dose of 400 mg followed by 200 mg daily", "Loading dose: 10 mg/kg; maintenance:
# 5 mg/kg", "initially 25 mg, increased if necessary to 75 mg" (not "increased by 5 mg").
NEXT_DOSE = re.compile(
    r"[,;]?\s*\b(?:and\s+)?(?P<then>then|thereafter|followed\s+by|after\s+which|subsequently)\b"
    r"|[,;]\s*(?P<maintenance>(?=(?:a\s+|the\s+)?(?:usual\s+)?maintenance\b))"
    r"|[,;]?\s*\b(?:and\s+)?(?:(?:which|this|that)\s+)?"
    r"(?:(?:may|can|could|should|will|is|are)\s+(?:then\s+)?(?:be\s+)?)?"
    r"(?:(?:gradually|slowly|then)\s+)?(?P<raised>increased|raised|titrated|up-?titrated)\b"
    r"(?=(?:\s+(?!by\b|in\b)[\w,-]+){0,4}?\s+(?:up\s+)?to\b)",
    re.I,
)


def _dose_pieces(text: str) -> list[tuple[int, int, str]]:
    """Cut a sentence where it moves on to a further dose: (start, end, the cue that led in)."""
    doses = [a for a in iter_amounts(text) if not _is_increment(text, a)]
    if len(doses) < 2:
        return [(0, len(text), "")]
    pieces = [(0, len(text), "")]
    for cue in NEXT_DOSE.finditer(text, doses[0].end()):
        previous = pieces[-1][0]
        if any(previous <= d.start() < cue.start() for d in doses) and any(
            d.start() >= cue.end() for d in doses
        ):
            name = next(n for n in ("then", "maintenance", "raised") if cue.group(n) is not None)
            pieces[-1] = (previous, cue.start(), pieces[-1][2])
            pieces.append((cue.start(), len(text), name))
    return pieces


def _with_population(dose: Dose, first: Dose) -> Dose:
    return replace(
        dose,
        population=dose.population or first.population,
        age_min_years=dose.age_min_years or first.age_min_years,
        age_max_years=dose.age_max_years or first.age_max_years,
    )


def _read_clause(text: str, headings: tuple[str, ...]) -> list[Dose]:
    """Read one dose and the maximum a later clause of it adds (read from its own clause)."""
    first = parse_dose(text, headings)
    if first is None:
        return []
    found = _later_maximum(text, headings, first)
    if found is None:
        return [first]
    cut, later = found
    return [parse_dose(text[:cut], headings) or first, later]


def _later_maximum(text: str, headings: tuple[str, ...], first: Dose) -> tuple[int, Dose] | None:
    amounts = [a for a in iter_amounts(text) if not _is_increment(text, a)]
    for amount in amounts[1:]:
        if amount.group("high") is not None:
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
