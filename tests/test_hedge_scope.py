"""Limits a claim keeps: "not first-line" on the use it names, an age on the population."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document


def uses(tmp_path: Path, sentence: str) -> dict[str, tuple[bool, str | None]]:
    """Extract a one-sentence lorazepam monograph; return each use with (negated, hedge)."""
    path = tmp_path / "lorazepam.txt"
    path.write_text(f"Lorazepam\n\n{sentence}\n", encoding="utf-8")
    return {
        c.obj.entity.label: (c.negated, c.hedge)
        for c in extract(read_document(path)).claims
        if c.relation == "treats" and c.obj is not None
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Lorazepam is not first-line for insomnia, but is effective for panic disorder.",
        "Lorazepam is effective for panic disorder, but is not first-line for insomnia.",
    ],
    ids=["limit-first", "limit-second"],
)
def test_not_first_line_hedges_only_the_use_it_names(tmp_path: Path, sentence: str) -> None:
    found = uses(tmp_path, sentence)
    assert found["insomnia"] == (False, "not first-line")
    assert found["panic disorder"] == (False, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Children under 6 years: not recommended.",
        "Lorazepam is not recommended for children under 6 years of age.",
    ],
    ids=["item", "sentence"],
)
def test_advice_for_a_population_keeps_its_age_limit(tmp_path: Path, sentence: str) -> None:
    path = tmp_path / "lorazepam.txt"
    path.write_text(f"Lorazepam\n\nWarnings\n\n{sentence}\n", encoding="utf-8")
    (claim,) = [
        c for c in extract(read_document(path)).claims if c.relation == "contraindicated_in"
    ]
    assert dict(claim.qualifiers)["population"].lower() == "children under 6 years"


def test_advice_for_a_population_without_an_age_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lorazepam.txt"
    path.write_text(
        "Lorazepam\n\nWarnings\n\nIt is contraindicated in children.\n", encoding="utf-8"
    )
    (claim,) = [
        c for c in extract(read_document(path)).claims if c.relation == "contraindicated_in"
    ]
    assert "population" not in dict(claim.qualifiers)


@pytest.mark.parametrize(
    ("sentence", "caution", "contraindication"),
    [
        (
            "Caution is required in patients with renal impairment and should be avoided in"
            " severe hepatic impairment.",
            "kidney disease",
            "liver disease",
        ),
        (
            "Lorazepam should not be used in pregnancy, and caution is needed in the elderly.",
            "older adults",
            "pregnancy",
        ),
    ],
    ids=["caution-is-required", "caution-is-needed"],
)
def test_each_clause_keeps_its_own_advice(
    tmp_path: Path, sentence: str, caution: str, contraindication: str
) -> None:
    path = tmp_path / "lorazepam.txt"
    path.write_text(f"Lorazepam\n\nWarnings\n\n{sentence}\n", encoding="utf-8")
    advice = {
        (c.relation, c.obj.entity.label)
        for c in extract(read_document(path)).claims
        if c.relation in ("caution_in", "contraindicated_in") and c.obj and not c.negated
    }
    assert ("caution_in", caution) in advice
    assert ("contraindicated_in", caution) not in advice
    assert ("contraindicated_in", contraindication) in advice


def test_advice_after_a_semicolon_is_not_borrowed_by_a_symptom_list(tmp_path: Path) -> None:
    path = tmp_path / "lorazepam.txt"
    sentence = (
        "Withdrawal reactions (tremor, sweating, insomnia) can occur; the drug should be used"
        " with caution in the elderly."
    )
    path.write_text(f"Lorazepam\n\nWarnings\n\n{sentence}\n", encoding="utf-8")
    cautions = {
        c.obj.entity.label
        for c in extract(read_document(path)).claims
        if c.relation == "caution_in" and c.obj
    }
    assert cautions == {"older adults"}
