"""Common conditions a label contraindicates or cautions: found as conditions, not side effects."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document


def claims(tmp_path: Path, drug: str, heading: str, sentence: str) -> set[tuple[str, str]]:
    """Extract one sentence under ``heading``; return (relation, object key) pairs asserted."""
    path = tmp_path / f"{drug.lower()}.txt"
    path.write_text(f"{drug}\n\n{heading}\n\n{sentence}\n", encoding="utf-8")
    return {
        (claim.relation, claim.obj.entity.key)
        for claim in extract(read_document(path)).claims
        if claim.obj and not claim.negated
    }


@pytest.mark.parametrize(
    ("heading", "sentence", "expected"),
    [
        (
            "Contraindications",
            "Propranolol is contraindicated in asthma.",
            {("contraindicated_in", "asthma")},
        ),
        (
            "Precautions",
            "Propranolol must not be used in patients with asthma or heart failure.",
            {("contraindicated_in", "asthma"), ("contraindicated_in", "heart-failure")},
        ),
        (
            "Precautions",
            "Use with caution in patients with diabetes or heart failure.",
            {("caution_in", "diabetes-mellitus"), ("caution_in", "heart-failure")},
        ),
        (
            "Precautions",
            "Avoid clonazepam in sleep apnoea and myasthenia gravis.",
            {("contraindicated_in", "sleep-apnea"), ("contraindicated_in", "myasthenia-gravis")},
        ),
        (
            "Contraindications",
            "It is contraindicated in acute narrow-angle glaucoma.",
            {("contraindicated_in", "angle-closure-glaucoma")},
        ),
    ],
)
def test_a_contraindicated_condition_is_no_side_effect(
    tmp_path: Path, heading: str, sentence: str, expected: set[tuple[str, str]]
) -> None:
    found = claims(tmp_path, "Propranolol", heading, sentence)
    assert expected <= found
    assert not {pair for pair in found if pair[0] == "has_side_effect"}


def test_the_same_condition_is_treated_or_caused_as_the_text_says(tmp_path: Path) -> None:
    assert ("treats", "heart-failure") in claims(
        tmp_path,
        "Metoprolol",
        "Uses",
        "Metoprolol is used to treat heart failure and hypertension.",
    )
    assert ("has_side_effect", "heart-failure") in claims(
        tmp_path, "Pioglitazone", "Side effects", "Pioglitazone can cause heart failure."
    )
