"""Read the circumstances of a dose: population and ages, duration, setting, circumstance."""

from __future__ import annotations

import re

# How long a dose is given: "for 35 days", "for the first 7 days", "for no longer than
# 4 weeks", "for up to 3 months" (the words that bound the span stay in its text).
# A bounded span alone ("for at least 6 months") starts no course: it is often an exposure.
DURATION = re.compile(
    r"\b(?:within|for|over|during) "
    r"(?P<text>(?:(?<=for )(?P<q>(?:the\s+)?(?:first|next)\s+"
    r"|(?:no|not)\s+(?:longer|more)\s+than\s+|up\s+to\s+|at\s+least\s+))?"
    r"\d+(?:\s*(?:-|–|to)\s*\d+)? (?:days|weeks|months|years))\b",
    re.I,
)
MAX_DURATION = re.compile(
    r"\b(?:not more than|no more than|no longer than|up to|maximum of|not exceeding) "
    r"(?P<n>\d+) months?\b",
    re.I,
)
_RENAL_MEASURE = r"(?:creatinine\s+clearance|CrCl|CLcr|e?GFR|glomerular\s+filtration\s+rate)"
RENAL_FUNCTION = (
    rf"\b{_RENAL_MEASURE}\b(?:\s*\([^)]{{0,30}}\))?"
    r"(?:\s+(?:of|is|was|are|between|from|falls?|in\s+the\s+range(?:\s+of)?)){0,2}"
    r"\s*(?:(?:below|above|under|over|(?:less|more|greater|lower|higher)\s+than|at\s+least"
    r"|<|>|≤|≥|=)\s*)?\d+(?:\.\d+)?"
    # "30 to 50", "30 to less than 50"
    r"(?:\s*(?:-|–|to|and)\s*(?:(?:less\s+than|below|under|<)\s*)?\d+(?:\.\d+)?)?"
    r"(?:\s*(?:or|and)\s+(?:more|above|over|less|below|under))?"
    r"(?:\s*m[lL]\s*/\s*min(?:ute)?(?:\s*/\s*1[.,]73\s*m(?:2|²))?)?"
)
# the first column of a dose table that bands a kidney function: "eGFR (mL/min/1.73 m2)"
RENAL_HEADER = re.compile(rf"^\s*{_RENAL_MEASURE}\b", re.I)
CIRCUMSTANCE = re.compile(
    r"\b(?:during|in|for) (?:an? |the )?acute (?:conditions?|episodes?|attacks?|states?|phases?)\b"
    r"|\b(?:during|in) (?:an? )?(?:emergenc(?:y|ies)|crisis|crises)\b"
    # a dose for a combination: "when coadministered with strong inhibitors of CYP3A4"
    r"|\b(?:when|if|while)\s+(?:co-?administered|given|taken|used|combined)\s+(?:together\s+)?"
    r"with\s+[^,;.()]+"
    # a dose for a kidney function: "a creatinine clearance of 30 to 50 mL/min", "when CrCl is
    # below 30 mL/min", "eGFR 45-59 mL/min/1.73 m2"
    rf"|{RENAL_FUNCTION}",
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
    # a label names one of them: "Child 12-17 years:", "Adult:" (not "child-bearing")
    r"\b(?P<text>(?:infants|newborns|neonates|children|adolescents|adults|older adults|elderly"
    r"|geriatric patients|pediatric patients|(?:infant|neonate|child|adolescent|adult)(?![-\w]))"
    r"(?:\s+(?:and|or)\s+(?:infants|children|adolescents|adults))?"
    r"(?:\s+(?:under|below|younger than|over|above|older than)\s+(?P<bound>\d+)(?:\s*years?)?"
    r"|\s+(?:at the age of|aged|ages|age|from)\s+"
    r"(?P<lo>\d+)\s*(?:to|-|–)\s*(?P<hi>\d+)(?:\s*years?)?"
    # the ages alone, in years: "Children 6-12 years: 5 mL"
    r"|\s+(?P<lo2>\d+)\s*(?:to|-|–)\s*(?P<hi2>\d+)\s*years?\b(?:\s+of\s+age)?)?)",
    re.I,
)


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


def duration_of(duration: re.Match[str] | None, text: str) -> str | None:
    """Return how long a dose is given, not an age ("adults over 75 years").

    >>> duration_of(DURATION.search("Adults over 75 years: 300 mg."), "Adults over 75 years")
    """
    if duration is None:
        return None
    population = POPULATION.search(text)
    if population and population.start() <= duration.start() < population.end():
        return None
    return duration.group("text")
