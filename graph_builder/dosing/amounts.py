"""Read the amounts of a dose: numbers, units, ranges, counts of a dose form, titration steps."""

from __future__ import annotations

import re
from decimal import Decimal

# "3,600 mg" is three thousand six hundred (a thousands separator: three digits after each
# comma), "2,5 mg" two and a half (a decimal comma)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:[.,]\d+)?"
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
# A price is no amount: "£4.99", "$ 12", "GBP 9.99" (a currency right before the number), nor
# is any part of a longer number ("£14.99" holds no "4.99 ...").
_NOT_MONEY = (
    r"(?<![\d.,])(?<!\d[.,])(?<![£$€¥])(?<![£$€¥]\s)"
    r"(?<!GBP)(?<!GBP\s)(?<!USD)(?<!USD\s)(?<!EUR)(?<!EUR\s)"
)
# A pack's size is no amount to take: "a pack of 28 tablets", "box of 30 capsules", "pack size:
# 56", "28 tablets per pack", "14 capsules in each box".
_CONTAINERS = ("pack", "packs", "packet", "box", "bottle", "carton", "tub", "blister", "strip")
_NOT_PACKED = "".join(
    f"(?<!{word} of )(?<!{word} of: )(?<!{word} size )(?<!{word} size: )" for word in _CONTAINERS
)
_PACKED_AFTER = (
    r"(?!\s+(?:per|in\s+(?:a|each|the|one|every))\s+"
    r"(?:packs?|packets?|box(?:es)?|bottles?|cartons?|tubs?|blisters?|strips?)\b)"
)
# A price anywhere in a sentence, before or after its number: "£4.99", "12.50 USD", "Price:".
MONEY = re.compile(
    r"[£$€¥]\s?\d|\b(?:GBP|USD|EUR)\s?\d|\d\s?(?:GBP|USD|EUR|pence|dollars?|euros?)\b"
    r"|\bprices?\b|\bRRP\b",
    re.I,
)
# A mass, and how many of the smallest unit it holds: "1.2 g" is 1200 mg.
_MASS = r"mg|mcg|µg|μg|micrograms?|milligrams?|g"
_MICROGRAMS = {"g": 1_000_000, "mg": 1000, "milligram": 1000, "mcg": 1, "µg": 1, "μg": 1}
# An amount per volume ("10 g/dL", "4 mg per L") is a concentration, no dose. A range may
# name its unit twice ("50 mg to 100 mg"), or name a larger mass at its top ("400 mg to 1.2 g").
AMOUNT = re.compile(
    rf"{_NOT_MONEY}{_NOT_PACKED}(?P<low>{_NUMBER})"
    rf"(?:(?:\s*(?P<first>{UNITS}))?\s*(?:-|–|to)\s*(?P<high>{_NUMBER}))?"
    rf"\s*(?P<unit>(?(first)(?:(?P=first)|(?P<other>{_MASS}))|(?:{UNITS})))\b{_PACKED_AFTER}"
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

# A step of titration is no dose: "increased by 5 mg", "in increments of 25 mg", "in 10 mg
# steps"; the frequency right after it ("by 5 mg every 2 weeks") paces the titration.
INCREMENT_BEFORE = re.compile(
    r"(?:\b(?:increas|rais|reduc|decreas|titrat|lower|adjust|chang)\w*\s+(?:\w+\s+){0,5}?by"
    r"|\b(?:increments?|decrements?|steps?)\s+of)\s*$",
    re.I,
)
# A dose the patients take already, named as a condition: "for patients receiving drug X
# 5 mg twice daily, reduce the dose to 2.5 mg" (the 2.5 mg is the dose).
CURRENT_BEFORE = re.compile(
    r"\b(?:patients|people|those|anyone|you)\s+(?:who\s+are\s+|currently\s+|already\s+)*"
    r"(?:receiving|taking|on)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# ... and a later clause changes it: "..., reduce the dose to 2.5 mg"
CHANGED_AFTER = re.compile(
    r"[^.;]*?,\s*(?:\w+\s+){0,3}?(?:reduc|decreas|lower|increas|rais|adjust|chang|switch|halv)"
    r"\w*\b[^.;]*?\d",
    re.I,
)
INCREMENT_AFTER = re.compile(r"\s*(?:increments?|decrements?|steps?)\b", re.I)
RATE_UNIT = re.compile(rf"{_RATE}$", re.I)


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def decimal_of(text: str | None) -> str | None:
    """Write a number as a decimal string: "0,5" is "0.5", "3,600" is "3600", "two" is "2".

    >>> [decimal_of(n) for n in ("0,5", "3,600", "1,200,000", "two")]
    ['0.5', '3600', '1200000', '2']
    """
    if text is not None and text.lower() in _WORDS:
        return str(_WORDS[text.lower()])
    if text is None:
        return None
    if _THOUSANDS.fullmatch(text):
        return text.replace(",", "")
    return text.replace(",", ".")


def _micrograms(unit: str) -> int | None:
    """Return how many micrograms one of a mass unit is ("g" 1000000), None for no mass."""
    unit = unit.lower().removesuffix("s")
    return 1 if unit == "microgram" else _MICROGRAMS.get(unit)


def range_of(amount: re.Match[str]) -> tuple[str, str | None, str]:
    """Return an amount's low end, high end and unit, both ends in the unit of the low one.

    >>> [range_of(a) for a in iter_amounts("400 mg to 1.2 g a day, or 5-10 mg")]
    [('400', '1200', 'mg'), ('5', '10', 'mg')]
    """
    low, high, unit = amount.group("low"), amount.group("high"), amount.group("unit")
    first = amount.groupdict().get("first")
    if high is None or first is None or first.lower() == unit.lower():
        return low, high, unit
    small, large = _micrograms(first), _micrograms(unit)
    number = decimal_of(high)
    if small is None or large is None or number is None:
        return low, None, first  # "2 tablets to 1 g" names no one range
    scaled = Decimal(number) * large / small
    if scaled < Decimal(decimal_of(low) or "0"):
        return low, None, first  # "10 mg to 20 micrograms" runs down: no range
    return low, f"{scaled.normalize():f}", first


def iter_amounts(text: str) -> list[re.Match[str]]:
    """Return the amounts of a sentence in order: "5 mg", "1-2 tablets", "one capsule"."""
    found = [*AMOUNT.finditer(text), *COUNTED_IN_WORDS.finditer(text)]
    return sorted(found, key=lambda match: match.start())


def count_of(text: str | None) -> int | None:
    """Read a count in digits or words: "3" or "three" is 3."""
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return _WORDS.get(text.lower())


def is_increment(text: str, amount: re.Match[str]) -> bool:
    """Tell whether an amount is a step of titration ("increased by 5 mg"), not a dose."""
    return bool(
        INCREMENT_BEFORE.search(text[max(0, amount.start() - 60) : amount.start()])
        or INCREMENT_AFTER.match(text, amount.end())
    )


def is_current(text: str, amount: re.Match[str]) -> bool:
    """Tell whether an amount is the dose patients already take ("patients taking 5 mg").

    >>> text = "In patients taking 10 mg daily, lower the dose to 5 mg."
    >>> [is_current(text, a) for a in iter_amounts(text)]
    [True, False]
    """
    return bool(
        CURRENT_BEFORE.search(text[max(0, amount.start() - 60) : amount.start()])
        and CHANGED_AFTER.match(text, amount.end())
    )
