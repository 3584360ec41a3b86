"""Read the names a document gives its drug: a product's title and its brand-name lines.

"Movexa 20 mg film-coated tablets (dulorexine)" names a product: its brand, its strength,
its dose form and, in brackets, its generic name. "Brand names: Movexa, Movexa XL" lists
the brands of the document's drug. Neither needs the names to be known beforehand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a new drug taken from its title is recorded as coming from: it has no identifiers, and
# its generic name (a synonym) is an alternative label.
NEW_DRUG_SOURCE = "title: a drug the lexicon does not know"

_DOSE_FORM = (
    r"(?:(?:film|sugar|enteric)[- ]coated\s+|(?:prolonged|modified|extended|delayed|immediate)"
    r"[- ]release\s+|orodispersible\s+|chewable\s+|dispersible\s+|effervescent\s+|soluble\s+"
    r"|oral\s+|hard\s+|soft\s+|gastro[- ]resistant\s+)*"
    r"(?:tablets?|capsules?|caplets?|solution|suspension|syrup|liquid|drops|injection"
    r"|infusion|cream|ointment|gel|patch(?:es)?|inhaler|spray|suppositor(?:y|ies)|granules"
    r"|powder|lozenges?|for\s+injection|concentrate)"
)
_STRENGTH = r"\d[\d.,]*\s*(?:mg|micrograms?|mcg|µg|g|mL|ml|%|units?)(?:\s*/\s*\w+)?"
# A brand as printed: one capitalised word (or one in capitals), perhaps with a short suffix
# in capitals ("Zyxo XR", "Movexa SR").
_BRAND = r"[A-Z][A-Za-z]{3,}(?:[ -](?:[A-Z]{1,3}|\d{2,3}))?"
_PRODUCT = re.compile(
    rf"(?P<brand>{_BRAND})"
    rf"(?P<strength>\s+{_STRENGTH}(?:\s*/\s*{_STRENGTH})?)?"
    rf"(?P<form>\s*,?\s+{_DOSE_FORM}(?:\s*,?\s+for\s+\w+\s+use)?)?"
    r"(?:\s*\(\s*(?P<generic>[a-z][a-z -]{3,40}?)\s*\))?"
    rf"(?P<form_after>\s*,?\s+{_DOSE_FORM}(?:\s*,?\s+for\s+\w+\s+use)?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ProductTitle:
    """A product's name as a title or heading prints it."""

    brand: str  # "Movexa", as the document writes it once in ordinary case
    generic: str | None  # "dulorexine", the name in brackets
    as_sold: bool = False  # a strength or a dose form follows the name: "20 mg", "capsules"


def read_product_title(line: str) -> ProductTitle | None:
    """Read a title that names a product: a brand, then its strength, form or generic name.

    >>> read_product_title("MOVEXA (dulorexine) capsules")
    ProductTitle(brand='Movexa', generic='dulorexine', as_sold=True)
    >>> read_product_title("Movexa 20 mg film-coated tablets (dulorexine)")
    ProductTitle(brand='Movexa', generic='dulorexine', as_sold=True)
    >>> read_product_title("Movexa XR")
    ProductTitle(brand='Movexa XR', generic=None, as_sold=False)
    >>> read_product_title("Tiredness after meals") is None
    True
    """
    match = _PRODUCT.fullmatch(line.strip())
    if match is None:
        return None
    brand = match.group("brand")
    if not brand[0].isupper():
        return None
    head, _, suffix = brand.partition(" ")
    if head.isupper():  # "MOVEXA": a label's capitals; the brand is "Movexa"
        head = head.capitalize()
    elif not head[1:].islower():  # "MoVexa", "iPhone": no brand as printed
        return None
    name = f"{head} {suffix}".strip() if suffix else head
    generic = match.group("generic")
    as_sold = any(match.group(g) for g in ("strength", "form", "form_after"))
    return ProductTitle(name, generic.strip() if generic else None, as_sold)


# The lead of a line listing brands, as in "Brand names: Movexa, Dulox".
_BRAND_LINE = re.compile(r"\b(?:brand|trade|proprietary)\s+names?\s*(?:include\s*)?[:-]\s*", re.I)
_BRAND_ITEM = re.compile(rf"{_BRAND}(?:\s+[A-Z]{{1,3}}\b)?")


def brand_line_names(text: str) -> tuple[str, ...]:
    """Return the brands a "Brand names: A, B, C" line lists, in order.

    A note in brackets ("(oral solution)") names no brand.

    >>> brand_line_names("Brand names: Movexa, Movexa XL and Dulox (oral solution).")
    ('Movexa', 'Movexa XL', 'Dulox')
    >>> brand_line_names("Brand name: Movexa")
    ('Movexa',)
    >>> brand_line_names("Ask your pharmacist about other brands.")
    ()
    """
    lead = _BRAND_LINE.search(text)
    if lead is None:
        return ()
    listed = re.sub(r"\([^()]*\)", " ", text[lead.end() :])
    listed = re.split(r"[.;]\s|[.;]?$", listed, maxsplit=1)[0]
    names: list[str] = []
    for item in re.split(r"\s*,\s*|\s+(?:and|or)\s+", listed):
        found = _BRAND_ITEM.fullmatch(item.strip())
        if found and found.group() not in names:
            names.append(found.group())
    return tuple(names)
