"""Read dose statements: amounts, ranges, frequency, population, duration, setting.

``parse_dose`` looks at one sentence (and the headings above it) and returns a ``Dose``
with every part the sentence states, or ``None`` when it states no dose or schedule.
Decimal commas ("0,5 mg") are read as decimal points.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph_builder.model import Dose

_NUMBER = r"\d+(?:[.,]\d+)?"
# An amount per kilogram of body weight keeps "/kg" in its unit ("250 micrograms/kg").
UNITS = (
    r"(?:mg|mcg|µg|μg|micrograms?|milligrams?|g|units?|IU)\s*(?:/|per\s+)\s*kg\b|mg/m2"
    r"|mg|mcg|µg|μg|micrograms?|milligrams?|g|ml|mL|units?|IU"
)
# An amount per volume ("10 g/dL", "4 mg per L") is a concentration, no dose. A range may
# name its unit twice ("50 mg to 100 mg").
AMOUNT = re.compile(
    rf"(?P<low>{_NUMBER})(?:(?:\s*(?P<first>{UNITS}))?\s*(?:-|–|to)\s*(?P<high>{_NUMBER}))?"
    rf"\s*(?P<unit>(?(first)(?P=first)|(?:{UNITS})))\b"
    r"(?!\s*(?:/|per\b)\s*(?:d?l|ml|mmol|lit(?:er|re)s?)\b)",
    re.I,
)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "once": 1, "twice": 2}
FREQUENCY = re.compile(
    r"\b(?P<text>(?P<n>once|twice|one|two|three|four|five|six|\d+)"
    r"(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+|two|three|four|five|six))?"
    r"(?:\s+times?)?\s+(?:daily|a day|per day|each day|every day))\b"
    r"|\b(?P<every>every \d+(?:\s*(?:-|to)\s*\d+)? hours)\b",
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
    r"(?P<lo>\d+)\s*(?:to|-|–)\s*(?P<hi>\d+)(?:\s*years?)?)?)",
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
_SENTENCE_BREAK = re.compile(r";|\.\s")
# "The 20 mg daily dose must not be exceeded": a plain amount forbidden to exceed is a maximum.
NOT_EXCEEDED_AFTER = re.compile(
    r"^[^.;:]{0,40}?\b(?:should|must|is|are)\s+not\s+be\s+exceeded\b", re.I
)
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
    ("initial", re.compile(r"\bstart\w*|\binitial\w*|\bminimal|\bbegin\w*|\blowest", re.I)),
    ("maintenance", re.compile(r"\bmaintenance|\bstandard|\busual\b|\btypical daily", re.I)),
)


def _decimal(text: str | None) -> str | None:
    return None if text is None else text.replace(",", ".")


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


def _kind(text: str, headings: tuple[str, ...], bound: str | None) -> str:
    for kind, cue in KIND_CUES:
        if kind == "hospital-threshold":
            # a lower bound with a setting: "above 10 mg a day, only in hospital"
            if bound in LOWER_BOUNDS and SETTING.search(text) and cue.search(text):
                return kind
            continue
        if kind == "maximum" and bound in LOWER_BOUNDS:
            continue  # "more than the maximum of 4 mg" states no maximum
        if cue.search(text):
            return kind
    for heading in reversed(headings):
        for kind, cue in KIND_CUES:
            if kind == "hospital-threshold" or (kind == "maximum" and bound in LOWER_BOUNDS):
                continue  # "more than 20 mg" under "Maximum Dose" states no maximum
            if cue.search(heading):
                return kind
    return "usual"


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
    low, high = match.group("lo"), match.group("hi")
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
    amount = AMOUNT.search(text)
    frequency = FREQUENCY.search(text)
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
    population, age_min, age_max = population_of(text)
    divided = DIVIDED.search(text)
    setting = SETTING.search(text)
    place = setting.group("s") or setting.group("s2") or setting.group("s3") if setting else None
    circumstance = CIRCUMSTANCE.search(text)
    times_min = times_max = None
    if frequency and frequency.group("text"):
        times_min = _count(frequency.group("n"))
        times_max = _count(frequency.group("n2")) or times_min
        if times_min is not None and frequency.group("n2") is None:
            times_min, times_max = _times_bounded(text, frequency, times_min)
    kind = "course"
    if amount:
        kind = _kind(text, headings, bound)
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
    """Read a sentence's dose and the daily maximum a later clause adds to it.

    The first dose is then read from its own clause: in "4 mg daily in 2 divided doses,
    maximum 8 mg daily" the 4 mg is the usual dose and only the 8 mg a maximum.

    >>> doses = read_doses("Initially 1 mg daily, up to a maximum of 6 mg daily.")
    >>> [(d.kind, d.value_max) for d in doses]
    [('initial', '1'), ('maximum', '6')]
    """
    first = parse_dose(text, headings)
    if first is None:
        return []
    found = _later_maximum(text, headings, first)
    if found is None:
        return [first]
    cut, later = found
    return [parse_dose(text[:cut], headings) or first, later]


def _later_maximum(text: str, headings: tuple[str, ...], first: Dose) -> tuple[int, Dose] | None:
    amounts = list(AMOUNT.finditer(text))
    for amount in amounts[1:]:
        if amount.group("high") is not None:
            continue
        breaks = list(_CLAUSE_START.finditer(text, amounts[0].end(), amount.start()))
        if not breaks:
            continue  # "0.5 mg to 1 mg": one statement, read by parse_dose
        later = parse_dose(text[breaks[-1].end() :], headings)
        if later is None or later.kind != "maximum" or later.per != "day":
            continue
        if (first.kind, first.value_max, first.per) == ("maximum", later.value_max, "day"):
            return None  # the first dose is this maximum already
        return breaks[0].start(), replace(
            later,
            population=later.population or first.population,
            age_min_years=later.age_min_years or first.age_min_years,
            age_max_years=later.age_max_years or first.age_max_years,
        )
    return None
