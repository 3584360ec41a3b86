"""Sentence ends in dose lines: shortened words such as "max." end no sentence before a number."""

from __future__ import annotations

import pytest

from graph_builder.segment import iter_sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in iter_sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Give 20 mg at night (max. 60 mg in a day).",
        "Adults: 2 g daily; max. 6 g daily.",
        "Keep the trough level high, min. 15 mg per litre.",
        "Store all strengths, incl. 5 mg and 10 mg, below 25 °C.",
        "Use the inj. 40 mg once weekly.",
    ],
    ids=["max-in-brackets", "max-after-semicolon", "min", "incl", "inj"],
)
def test_a_shortened_word_before_a_number_ends_no_sentence(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # minutes, not a minimum: the number before "min." makes it a unit
        (
            "Inject slowly over 3 min. 5 minutes later check the pulse.",
            ["Inject slowly over 3 min.", "5 minutes later check the pulse."],
        ),
        # "max." at the end of a sentence, before a new one in capitals
        (
            "Do not take more than the stated max. Call a doctor if in doubt.",
            ["Do not take more than the stated max.", "Call a doctor if in doubt."],
        ),
    ],
    ids=["minutes-before-a-number", "max-before-a-capital"],
)
def test_a_shortened_word_still_ends_a_sentence_elsewhere(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected
