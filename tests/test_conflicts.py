"""Source conflicts: what two documents disagree about, with what each one says."""

from __future__ import annotations

from pathlib import Path

from graph_builder.conflicts import find_conflicts
from graph_builder.extract import extract
from graph_builder.ingest import read_document


def conflicts_of(tmp_path: Path, *texts: str) -> list[str]:
    """Extract each text as a monograph of its own; return the conflicts' descriptions."""
    extractions = []
    for number, text in enumerate(texts):
        path = tmp_path / f"source-{number}.txt"
        path.write_text(f"Diazepam\n\n{text}\n", encoding="utf-8")
        extractions.append(extract(read_document(path)))
    return [conflict.description for conflict in find_conflicts(extractions)]


def test_a_maximum_limited_to_acute_episodes_says_so(tmp_path: Path) -> None:
    (conflict,) = conflicts_of(
        tmp_path,
        "For anxiety, the maximum dose is 10 mg per day.",
        "For anxiety, doses of up to 30 mg per day may be given during acute episodes.",
    )
    assert "10 mg/day" in conflict
    assert "30 mg/day during acute episodes" in conflict


def test_maxima_for_different_populations_do_not_conflict(tmp_path: Path) -> None:
    found = conflicts_of(
        tmp_path,
        "For anxiety, the maximum dose in adults is 10 mg per day.",
        "For anxiety, the maximum dose in elderly patients is 5 mg per day.",
    )
    assert found == []


def test_a_page_that_states_and_denies_the_same_side_effect_is_reported(tmp_path: Path) -> None:
    (conflict,) = conflicts_of(
        tmp_path,
        "Diazepam can cause ataxia. Diazepam does not cause ataxia.",
    )
    assert "diazepam has side effect ataxia" in conflict
    assert "source-0.txt both states and denies it" in conflict


def test_two_pages_that_disagree_on_a_side_effect_name_each_side(tmp_path: Path) -> None:
    (conflict,) = conflicts_of(
        tmp_path, "Diazepam can cause ataxia.", "Diazepam does not cause ataxia."
    )
    assert conflict.endswith("source-0.txt states it; source-1.txt denies it")


def test_a_denial_for_children_only_contradicts_nothing(tmp_path: Path) -> None:
    found = conflicts_of(
        tmp_path, "Diazepam can cause ataxia. Ataxia has not been reported in children."
    )
    assert found == []
