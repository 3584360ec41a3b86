"""How severe the text says an interaction is: a checker page's section, a label, its words.

"MAJOR" heading a section of an interaction checker, "Tramadol <-> alcohol (major)", "a
serious interaction": the severity is recorded as the text words it, lower-cased, on the
interaction node (``dkg:severity``); the graph does not grade it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph_builder.extract.tables import table_cells
from graph_builder.model import Claim, Sentence

_LEVEL = r"major|moderate|minor|severe|serious|mild|contraindicated"
# a heading that is the level ("MAJOR", "Moderate interactions", "3.1 Minor")
_HEADING = re.compile(
    rf"\W*(?:\d+(?:\.\d+)*\.?\s*)?(?P<level>{_LEVEL})(?:\s+(?:drug\s+)?interactions?)?\W*", re.I
)
# a level in brackets or after a label ("(major)", "Severity: moderate")
_LABELLED = re.compile(rf"\((?P<level>{_LEVEL})\)|\bseverity\s*:\s*(?P<named>{_LEVEL})\b", re.I)
# the sentence's own words ("a major interaction", "a serious drug interaction")
_WORDED = re.compile(
    rf"\b(?:an?|this|the)\s+(?:potentially\s+)?(?P<level>{_LEVEL})\s+(?:drug\s+)?interaction\b",
    re.I,
)


def interaction_severity(sentence: Sentence) -> str | None:
    """Return the severity the sentence, its label or its innermost heading gives, if any.

    >>> from graph_builder.model import Sentence, Span
    >>> interaction_severity(Sentence("It is a major interaction.", 0, 26))
    'major'
    >>> heading = Span("MODERATE", 0, 8)
    >>> interaction_severity(Sentence("Avoid it.", 9, 18, headings=(heading,)))
    'moderate'
    """
    worded = _WORDED.search(sentence.text) or _LABELLED.search(sentence.text)
    if worded:
        return _level(worded)
    if level := _column_level(sentence):
        return level
    for heading in reversed(sentence.heading_texts):
        found = _HEADING.fullmatch(heading) or _LABELLED.search(heading)
        if found:
            return _level(found)
    return None


# a table's column of severities ("Severity", "Interaction severity", "Level", "Risk")
_SEVERITY_TITLE = re.compile(
    r"\W*(?:(?:interaction\s+)?severity|(?:severity\s+)?level|risk)\W*", re.I
)
_CELL_LEVEL = re.compile(rf"\W*(?P<level>{_LEVEL})\W*", re.I)


def _column_level(sentence: Sentence) -> str | None:
    """Return the level a table row gives in its severity column ("| A | Major | ... |").

    >>> from graph_builder.model import Sentence
    >>> row = "| Warfarin | Major | Bleeding. |"
    >>> _column_level(Sentence(row, 0, len(row), lead_in="| Drug | Severity | Effect |"))
    'major'
    """
    cells, titles = table_cells(sentence.text), table_cells(sentence.lead_in or "")
    for cell, title in zip(cells, titles, strict=False):
        if _SEVERITY_TITLE.fullmatch(title) and (level := _CELL_LEVEL.fullmatch(cell)):
            return _level(level)
    return None


def _level(match: re.Match[str]) -> str:
    return next(value for value in match.groupdict().values() if value).lower()


def with_severity(claim: Claim) -> Claim:
    """Add the severity the text gives to an interaction claim; other claims pass unchanged."""
    if claim.relation != "interacts_with" or claim.negated:
        return claim
    level = interaction_severity(claim.sentence)
    if level is None:
        return claim
    return replace(claim, qualifiers=(*claim.qualifiers, ("severity", level)))
