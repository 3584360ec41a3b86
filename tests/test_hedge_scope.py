"""'Not first-line' limits the use it names: it neither denies it nor limits the others."""

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
