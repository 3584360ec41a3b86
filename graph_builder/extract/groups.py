"""How a document groups a side effect: by how often (bands), by seriousness or by kind."""

from __future__ import annotations

import re

from graph_builder import rules as R
from graph_builder.extract.tables import OTHER_ARM, table_row
from graph_builder.model import Sentence


def side_effect_group(sentence: Sentence, at: int | None = None) -> str | None:
    """Say how the text groups the side effect at ``at`` (relative to the sentence).

    By how often, from the label running its line in ("Rare: hepatitis") or leading in its
    list ("Common (may affect up to 1 in 10 people):"), its table row
    ("| Drowsiness | Common |") or column ("| Very common | Common |" over the row), or a
    heading that is a band ("Very rare"); else by the innermost heading that groups:
    serious, common, dependence, cognitive.
    """
    label = R.FREQUENCY_LABEL.match(sentence.text) or R.FREQUENCY_LABEL.match(
        sentence.lead_in or ""
    )  # "Common (may affect up to 1 in 10 people):" leading in a list
    if label:
        return _band(label)
    if at is not None and (band := _row_band(sentence, at)):
        return band
    for heading in reversed(sentence.heading_texts):
        bare = _NUMBER_PREFIX.sub("", heading)
        if band_match := R.FREQUENCY_BAND.fullmatch(bare):
            return _band(band_match)
        for group, cue in R.GROUP_CUES.items():
            if cue.search(heading):
                return group
    return None


def _row_band(sentence: Sentence, at: int) -> str | None:
    """Return the band of a table row's cell at ``at``: its column's header, else a band cell.

    A column of another arm of a trial ("Placebo") bands nothing.
    """
    row = table_row(sentence, at)
    if row is None:
        return None
    if 0 <= row.column < len(row.titles) and (
        band := R.FREQUENCY_BAND.fullmatch(row.titles[row.column])
    ):
        return _band(band)
    for cell, title in zip(row.cells, row.titles, strict=True):
        first = re.split(r"[;,]", cell)[0]  # "Rare; may be severe"
        if (band := R.FREQUENCY_BAND.fullmatch(first)) and not OTHER_ARM.search(title):
            return _band(band)
    return None


_NUMBER_PREFIX = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")


def _band(match: re.Match[str]) -> str:
    """Return the frequency band a match of ``FREQUENCY_BAND`` names."""
    return next(key.replace("_", " ") for key, value in match.groupdict().items() if value)
