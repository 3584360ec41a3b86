"""Read the bound an amount is: "more than 10 mg", "up to 6 mg", "do not exceed 4 mg"."""

from __future__ import annotations

import re

# Words right before an amount that make it a bound rather than the dose: "more than 10 mg"
# is any dose above 10 mg (exclusive lower bound), "at least" an inclusive lower bound, "up to",
# "not more than", "a maximum of" an upper bound, "less than" an exclusive upper bound. The
# negated forms come first ("not more than" is an upper bound, "not less than" a lower one).
# ... and a dose named between the comparator and its amount: "not exceed a total daily dose of"
_DOSE_NOUN = (
    r"(?:a\s+|the\s+)?(?:total\s+(?:of\s+)?)?"
    r"(?:(?:(?:total|daily|single)\s+)+(?:doses?|dosages?|amounts?)\s+of\s+)?"
)
# one word that names no amount, as a drug's name before its amount does
_DRUG_WORD = (
    r"(?!(?:a|an|the|one|two|three|four|more|less|than|of|total|daily|single)\b)[a-z][\w-]+"
)
COMPARATORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?:{words})\s*(?:of\s+)?{_DOSE_NOUN}$", re.I))
    for name, words in (
        (
            "le",
            r"\b(?:not|no) (?:more|greater|higher|faster|quicker) than"
            # "do not exceed simvastatin 20 mg": the drug may be named before its amount
            rf"|\bnot (?:to )?exceed(?:ing)?(?:\s+{_DRUG_WORD})?"
            r"|\bup to(?: a maximum of)?|\bat most|\b(?:a |the )?max(?:imum|\.)?|≤|<=",
        ),
        ("ge", r"\b(?:not|no) (?:less|fewer|lower) than|\bat least|\b(?:a |the )?minimum|≥|>="),
        (
            "gt",
            r"\b(?:more|greater|higher) than|\bover|\babove|\bexceed(?:ing|s)?|\bin excess of"
            # a rate: "infused faster than 50 mg per minute"
            r"|\b(?:faster|quicker|more (?:rapidly|quickly)) than|\bbeyond|>",
        ),
        ("lt", r"\b(?:less|fewer|lower|slower|more slowly) than|\bbelow|\bunder|<"),
    )
)
LOWER_BOUNDS = frozenset({"gt", "ge"})
# A prohibition turns a lower bound into an upper one: "do not take more than 10 mg", "never
# exceed 20 mg", "the dose should not be more than 20 mg" (a negation, then at most a verb of
# taking and "the dose to", right before the comparative; "should not normally go above 40 mg",
# "may tell you not to take more than 300 mg", "try not to go over 3 g",
# "must not be infused faster than 50 mg per minute"); "doses above 40 mg are not
# recommended", "doses higher than 20 mg should be avoided" (a dose named before the
# comparative, a prohibition after the amount). What was excluded stays excluded: "more than
# 10 mg" forbidden is "at most 10 mg", "at least 10 mg" forbidden is "less than 10 mg".
# A forbidden upper bound is a minimum: "do not give less than 0.5 mg" is at least 0.5 mg.
FORBIDDEN_BOUND = {"gt": "le", "ge": "lt", "lt": "ge", "le": "gt"}
UPPER_BOUNDS = frozenset({"lt", "le"})
# "or more" after the amount: "12 mg or more" is at least 12 mg, "1 mg or less" at most 1 mg.
# "200 mg daily or less" too: the day the amount is given in may come first.
AFTER_COMPARATOR = re.compile(
    r"^\s*(?P<day>(?:daily|a day|per day|each day)\s+)?or\s+"
    r"(?:(?P<ge>more|above|higher|greater|over)|(?P<le>less|below|lower|fewer|under))\b",
    re.I,
)
# A verb that itself bounds from above: "do not exceed the maximum of 10 mg" stays a maximum.
EXCEED = re.compile(r"\bexceed", re.I)
NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever)\s+(?:(?:normally|usually|generally|ordinarily)\s+)?"
    r"(?:(?:necessary|needed|advisable|required|recommended)\s+to\s+)?(?:to\s+)?(?:be\s+)?"
    r"(?:(?:be|take|use|give|administer|prescribe|receive|exceed"
    r"|increase|raise|go|infuse|inject|run|have|swallow)\w*\s+)?"
    r"(?:(?:it|them|this|these|him|her|you|children|adults|patients)\s+)?(?:(?:the|a|your)\s+)?"
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
