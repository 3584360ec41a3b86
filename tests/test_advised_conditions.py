"""A condition the patient has, named by advice, is what the drug is advised against, not its effect.

"Contraindicated in acute narrow-angle glaucoma" is one of the oldest warnings on a
benzodiazepine label; read as a side effect, it would tell a student that clonazepam causes
glaucoma.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import Extraction, extract
from graph_builder.ingest import read_document


def _extract(tmp_path: Path, sentence: str, heading: str = "Precautions") -> Extraction:
    """Extract a one-sentence clonazepam monograph under ``heading``."""
    path = tmp_path / "clonazepam.txt"
    path.write_text(f"Clonazepam\n\n{heading}\n\n{sentence}\n", encoding="utf-8")
    return extract(read_document(path))


def _objects(extraction: Extraction, relation: str) -> set[str]:
    return {
        c.obj.entity.label
        for c in extraction.claims
        if c.relation == relation and c.obj and not c.negated
    }


@pytest.mark.parametrize(
    ("sentence", "relation", "condition"),
    [
        (
            "Clonazepam is contraindicated in acute narrow-angle glaucoma.",
            "contraindicated_in",
            "acute narrow-angle glaucoma",
        ),
        (
            "It should not be used in patients with sleep apnea.",
            "contraindicated_in",
            "sleep apnea",
        ),
        ("Avoid its use in hypotension.", "contraindicated_in", "hypotension"),
        (
            "Use it cautiously in patients with glaucoma, asthma or sleep apnea.",
            "caution_in",
            "sleep apnea",
        ),
        ("Caution is advised in open-angle glaucoma.", "caution_in", "open angle glaucoma"),
    ],
)
def test_a_condition_named_by_advice_is_advised_against_not_caused(
    tmp_path: Path, sentence: str, relation: str, condition: str
) -> None:
    extraction = _extract(tmp_path, sentence)
    assert condition in _objects(extraction, relation)
    assert condition not in _objects(extraction, "has_side_effect")


def test_the_second_piece_of_advice_names_its_own_condition(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "It is contraindicated in patients with sleep apnea and should be used with caution in"
        " glaucoma.",
    )
    assert _objects(extraction, "contraindicated_in") == {"sleep apnea"}
    assert _objects(extraction, "caution_in") == {"glaucoma"}


@pytest.mark.parametrize(
    ("sentence", "effect"),
    [
        # the advice and the effect are two clauses: the effect is the drug's
        ("It is contraindicated in pregnancy and may cause glaucoma.", "glaucoma"),
        ("Use it with caution in the elderly, because it may cause hypotension.", "hypotension"),
        ("Hypotension is common; use it with caution in the elderly.", "hypotension"),
    ],
)
def test_an_effect_beside_the_advice_stays_a_side_effect(
    tmp_path: Path, sentence: str, effect: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Warnings")
    assert effect in _objects(extraction, "has_side_effect")
    assert effect not in _objects(extraction, "contraindicated_in") | _objects(
        extraction, "caution_in"
    )


def test_what_patients_are_at_risk_of_is_no_condition_they_have(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Use it with caution in patients with risk factors for hypotension."
    )
    assert "hypotension" not in _objects(extraction, "caution_in")
    assert "hypotension" not in _objects(extraction, "has_side_effect")
