"""The TAC-2017 ADR evaluation: conversion, gold reading and scoring on hand-made labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_builder.evaluate.adr import (
    Label,
    LabelResult,
    evaluate_labels,
    format_report,
    read_labels,
    to_document_text,
    total,
)

from .conftest import SHARED

TAC = SHARED / "corpora" / "tac2017-adr-train"


def _row(text: str, kind: str = "human") -> list[str]:
    return [text, "PT", "0", "LLT", "0", "0", str(len(text)), kind]


RECORDS = [
    {
        "label_id": "ZYXOPRIL",
        "section_name": "adverse reactions",
        "section_text": "  6 ADVERSE REACTIONS\n\n\n\n Adverse reactions were nausea and dry mouth.\n",
        "adverse_events": [_row("Nausea"), _row("dry  mouth"), _row("cataract", "animal")],
    },
    {
        "label_id": "ZYXOPRIL",
        "section_name": "boxed warnings",
        "section_text": "Hepatotoxicity has occurred.\n",
        "adverse_events": [_row("hepatotoxicity")],
    },
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "train-labels.json").write_text(json.dumps(RECORDS), encoding="utf-8")
    return tmp_path


def test_gold_is_the_human_reactions_normalised(corpus: Path) -> None:
    (label,) = read_labels(corpus)
    assert label.gold == {"nausea", "dry mouth", "hepatotoxicity"}


def test_document_has_title_then_sections_boxed_warning_first(corpus: Path) -> None:
    text = to_document_text(read_labels(corpus)[0])
    assert text.startswith("ZYXOPRIL\n\nBoxed Warnings\n\nHepatotoxicity")
    assert "\n\n\n" not in text
    assert "Adverse Reactions\n\n" in text


def test_scores_what_the_graph_states(corpus: Path) -> None:
    (result,) = evaluate_labels(read_labels(corpus))
    assert result.predicted == {"nausea", "dry mouth", "hepatotoxicity"}
    assert (result.score.tp, result.score.fp, result.score.fn) == (3, 0, 0)


def test_micro_average_and_error_listing() -> None:
    results = [
        LabelResult("A", frozenset({"nausea", "rash"}), frozenset({"nausea", "pain"})),
        LabelResult("B", frozenset({"cough"}), frozenset({"cough"})),
    ]
    score = total(results)
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)
    report = format_report(results, errors=True)
    assert "  FP  pain" in report
    assert "  FN  rash" in report
    assert "== B" not in report


def test_unreadable_corpus_is_one_line_error(tmp_path: Path) -> None:
    from graph_builder.model import InputError

    with pytest.raises(InputError, match=r"train-labels\.json"):
        read_labels(tmp_path)


@pytest.mark.corpus
@pytest.mark.skipif(not TAC.exists(), reason="needs ../shared/corpora")
def test_corpus_labels_score_above_chance() -> None:
    labels: list[Label] = read_labels(TAC)[:3]
    score = total(evaluate_labels(labels))
    assert score.tp > 0
    assert score.precision > 0.5
