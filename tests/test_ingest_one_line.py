"""Plain text: one-line documents, and hard-wrapped sentences holding a percentage."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.ingest import read_document
from graph_builder.model import InputError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_document_of_one_sentence_is_its_own_text(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "Warfarin can cause bleeding gums.\n"))
    assert [s.text for s in document.sentences] == ["Warfarin can cause bleeding gums."]
    assert document.title == "Warfarin can cause bleeding gums."


def test_a_lone_name_is_still_no_text(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no sentences found"):
        read_document(write(tmp_path, "Warfarin\n"))


def test_a_title_over_text_stays_a_title(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "Warfarin\n\nWarfarin can cause bleeding gums.\n"))
    assert [s.text for s in document.sentences] == ["Warfarin can cause bleeding gums."]


def test_a_percentage_in_a_wrapped_sentence_does_not_break_it(tmp_path: Path) -> None:
    text = (
        "Review\n\n"
        "In the study the clearance of theophylline went down by roughly 40% over the\n"
        "first fortnight of treatment, so its levels in the blood rose considerably,\n"
        "and the dose had to be lowered.\n"
    )
    sentences = [s.text for s in read_document(write(tmp_path, text)).sentences]
    assert len(sentences) == 1
    assert sentences[0].startswith("In the study") and sentences[0].endswith("lowered.")


def test_a_row_of_percentages_still_stands_alone(tmp_path: Path) -> None:
    text = (
        "Adverse reactions reported in the placebo-controlled studies were\n"
        "headache 14% 8%\n"
        "nausea 9% 3%\n"
    )
    sentences = [s.text for s in read_document(write(tmp_path, text)).sentences]
    assert "headache 14% 8%" in sentences
