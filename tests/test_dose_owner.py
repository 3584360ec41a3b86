"""A dose written right after another drug's name is that drug's dose, not the topic's."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document


def _doses(tmp_path: Path, sentence: str) -> list[tuple[str, str | None]]:
    path = tmp_path / "amlodipine.txt"
    path.write_text(f"Amlodipine\n\nDosage\n\n{sentence}\n", encoding="utf-8")
    return [
        (c.subject.entity.label, c.dose.value_max if c.dose else None)
        for c in extract(read_document(path)).claims
        if c.relation in ("dose", "maximum_dose")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "If you take amlodipine, do not exceed simvastatin 20 mg a day.",
        "With amlodipine, the simvastatin dose should not be more than 20 mg.",
    ],
)
def test_another_drugs_ceiling_is_not_the_topics_dose(tmp_path: Path, sentence: str) -> None:
    assert _doses(tmp_path, sentence) == []


def test_the_topics_own_dose_stays(tmp_path: Path) -> None:
    found = _doses(tmp_path, "Take amlodipine 5 mg once a day, with or without simvastatin.")
    assert [label for label, _ in found] == ["amlodipine"]
