"""Words of adverse-effect phrases: tokens, normalisation (lower case, US spelling, singular)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.lexicon import slugify  # one key scheme for every entity

__all__ = ["normalise_phrase", "normalise_word", "slugify", "tokenize"]

# A word; two words run together where a list lost its line breaks ("hivesEye disorders:
# blurred vision") split where a capitalised word starts; the number of a type ("type 2
# diabetes mellitus"), which names a disease of its own, so it reads as its Roman numeral; a
# possessive is one word with its name ("Addison's disease" is "Addison disease").
_TOKEN = re.compile(
    r"[A-Za-z][a-z]{2,}(?=[A-Z][a-z]{2})|[A-Za-z][A-Za-z0-9]*(?:['\u2019]s(?![A-Za-z]))?"
    r"|\d+[A-Za-z]+[A-Za-z0-9]*"
    r"|(?<=\b[Tt]ype )[1-4]\b"
)
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
_JOINER = re.compile(r"[ \t]*(?:-|/)?[ \t]*|\s+")
_SPELLING = (
    ("haem", "hem"),
    ("aemia", "emia"),
    ("oedema", "edema"),
    ("phaeo", "pheo"),
    ("oesophag", "esophag"),
    ("oea", "ea"),
    ("aesthe", "esthe"),
    ("leukaem", "leukem"),
    ("paed", "ped"),
    ("tumour", "tumor"),
    ("ise", "ize"),
)
_KEEP_S = ("ss", "us", "is", "sis", "ous", "ics", "ies")


def normalise_word(word: str) -> str:
    """Normalise one word for matching: lower case, US spelling, singular.

    >>> words = ("Anaemias", "Reactions", "diarrhoea", "allergies", "2", "Crohn's")
    >>> [normalise_word(w) for w in words]
    ['anemia', 'reaction', 'diarrhea', 'allergy', 'ii', 'crohn']
    """
    if word in _ROMAN:
        return _ROMAN[word]
    if word[-2:] in ("'s", "\u2019s"):  # a possessive eponym: "Parkinson's disease"
        word = word[:-2]
    if len(word) > 1 and word.rstrip("s").isupper():  # "PRES", "UTIs": acronyms keep case
        return word.rstrip("s") if word[-1] == "s" and len(word) > 2 else word
    word = word.lower()
    for british, american in _SPELLING:
        if british in word:
            word = word.replace(british, american)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


def normalise_phrase(phrase: str) -> tuple[str, ...]:
    """Normalise a phrase into its matching key, a tuple of normalised words."""
    return tuple(normalise_word(m.group()) for m in _TOKEN.finditer(phrase))


@dataclass(frozen=True, slots=True)
class _Token:
    word: str  # normalised
    start: int
    end: int


def tokenize(text: str) -> list[_Token]:
    """Split text into normalised word tokens with their offsets."""
    return [_Token(normalise_word(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
