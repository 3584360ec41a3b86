"""Tell a product's strength ("Each tablet contains 10 mg", "10 mg tablets") from a dose."""

from __future__ import annotations

import re

from graph_builder.dosing.amounts import AMOUNT, MONEY
from graph_builder.dosing.frequency import FREQUENCY

_FORMS = (
    r"(?:tablets?|capsules?|caplets?|sachets?|ampoules?|vials?|suppositories|pessaries"
    r"|patch(?:es)?|injections?|suspensions?|solutions?|syrups?|granules|lozenges)"
)
_FORM_WORDS = (
    r"(?:(?:film-coated|coated|dispersible|chewable|effervescent|orodispersible|oral"
    r"|gastro-resistant|modified-release|prolonged-release|extended-release|hard|soft"
    r"|for|injection|infusion)\s+)*"
)
# "Each tablet contains 10 mg", "each 5 mL contains 250 mg", "available as 5 mg and 10 mg
# tablets", "is supplied as 20 mg capsules", "Lisinopril 10 mg tablets", "250 mg/5 mL oral
# suspension": the amount in one unit of the product, not what anyone takes.
STRENGTH_CUE = re.compile(
    r"\beach\s+(?:\w+\s+)?(?:\d+(?:[.,]\d+)?\s*(?:ml|mL)|[a-z-]+)\s+contains?\b"
    r"|\b(?:available|supplied|comes?|marketed)\s+(?:as|in)\s+(?:[\w-]+\s+){0,3}?\d"
    r"|\bstrengths?\s+of\b"
    rf"|\b(?:mg|g|micrograms?|mcg|units?)(?:\s*/\s*\d*\s*m[lL])?\s+{_FORM_WORDS}{_FORMS}\b",
    re.I,
)
# Words that make a sentence about taking the medicine: "take one 10 mg tablet daily".
DOSING_WORDS = re.compile(
    r"\b(?:doses?|dosage|take|taken|taking|give|given|start\w*|initial\w*|maximum|max"
    r"|usual\w*|increase\w*|reduce\w*|recommended|should|daily|day)\b",
    re.I,
)


def states_strength(text: str) -> bool:
    """Tell whether a sentence only states a product's strength, and no dose to take.

    >>> states_strength("Each capsule contains 20 mg of omeprazole.")
    True
    >>> states_strength("Take one 20 mg capsule twice daily.")
    False
    """
    return bool(
        AMOUNT.search(text)
        and STRENGTH_CUE.search(text)
        and not FREQUENCY.search(text)
        and not DOSING_WORDS.search(text)
    )


def states_price(text: str) -> bool:
    """Tell whether a sentence is a shop's line: a price and what it buys, no dose to take.

    >>> states_price("£4.99 - 14 capsules")
    True
    >>> states_price("Take 2 capsules a day; a pack costs £4.99.")
    False
    """
    return bool(MONEY.search(text) and not FREQUENCY.search(text) and not DOSING_WORDS.search(text))
