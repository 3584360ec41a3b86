"""The DDI-2013 scorer: gold pairs per sentence against what the graph states."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.evaluate.corpus_ddi import (
    GoldDocument,
    GoldEntity,
    GoldPair,
    GoldSentence,
    read_ddi_document,
    title_of,
)
from graph_builder.evaluate.ddi import Stated, score_ddi

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ddi2013-train"

# A hand-made document: "Warfarin\n\nCimetidine raises warfarin levels. Aspirin is fine."
TEXT = "Warfarin\n\nCimetidine raises warfarin levels. Aspirin is fine.\n"
CIMETIDINE = GoldEntity("s0.e0", "drug", "Cimetidine", ((10, 20),))
WARFARIN = GoldEntity("s0.e1", "drug", "warfarin", ((28, 36),))
ASPIRIN = GoldEntity("s1.e0", "drug", "Aspirin", ((45, 52),))
DOCUMENT = GoldDocument(
    "d0",
    "warfarin",
    TEXT,
    (
        GoldSentence(
            "s0",
            TEXT[10:44],
            10,
            44,
            (CIMETIDINE, WARFARIN),
            (GoldPair("s0.e0", "s0.e1", True, "mechanism"),),
        ),
        GoldSentence("s1", TEXT[45:62], 45, 62, (ASPIRIN,), ()),
    ),
)


def stated(
    subject: tuple[str, int | None, int | None],
    obj: tuple[str, int, int],
    kind: str = "mechanism",
    negated: bool = False,
) -> Stated:
    return Stated("warfarin.txt", 10, subject, obj, kind, negated)


def test_gold_offsets_point_at_the_mentions() -> None:
    for entity in (CIMETIDINE, WARFARIN, ASPIRIN):
        assert TEXT[entity.start : entity.end] == entity.text


def test_right_pair_right_type_is_a_true_positive_both_ways() -> None:
    result = score_ddi(
        [DOCUMENT],
        [
            stated(("Cimetidine", 10, 20), ("warfarin", 28, 36)),
            stated(("warfarin", 28, 36), ("Cimetidine", 10, 20)),
        ],
    )
    assert (result.detection.tp, result.detection.fp, result.detection.fn) == (1, 0, 0)
    assert result.typed.tp == 1 and result.per_type["mechanism"].tp == 1


def test_wrong_type_is_detected_but_not_typed() -> None:
    result = score_ddi([DOCUMENT], [stated(("Cimetidine", 10, 20), ("warfarin", 28, 36), "effect")])
    assert result.detection.tp == 1
    assert (result.typed.tp, result.typed.fp, result.typed.fn) == (0, 1, 1)


def test_negated_statement_is_no_prediction() -> None:
    result = score_ddi(
        [DOCUMENT], [stated(("Cimetidine", 10, 20), ("warfarin", 28, 36), negated=True)]
    )
    assert (result.detection.tp, result.detection.fp, result.detection.fn) == (0, 0, 1)


def test_subject_from_the_title_counts_as_a_false_positive() -> None:
    result = score_ddi([DOCUMENT], [stated(("Warfarin", None, None), ("Aspirin", 45, 52))])
    assert (result.detection.fp, result.unaligned) == (1, 1)
    assert "Aspirin" in result.error_listing()


def test_a_partial_mention_still_aligns() -> None:
    result = score_ddi([DOCUMENT], [stated(("Cimetidine", 10, 20), ("warfarin levels", 28, 43))])
    assert result.detection.tp == 1


def test_misses_are_listed_per_document() -> None:
    listing = score_ddi([DOCUMENT], []).error_listing()
    assert "== warfarin.txt" in listing and "MISS Cimetidine ~ warfarin [mechanism]" in listing


@pytest.mark.parametrize(
    ("path", "sentences", "title"),
    [
        ("DrugBank/Valproic_Acid_ddi.xml", ["Aspirin raises its levels."], "Valproic Acid"),
        (
            "MedLine/12345.xml",
            ["Aspirin and warfarin were given.", "Warfarin levels rose.", "Both were stopped."],
            "warfarin",
        ),
        ("MedLine/12346.xml", ["Aspirin and warfarin were given."], "Aspirin"),
        ("MedLine/12347.xml", ["The rats were fed."], "Abstract"),
    ],
    ids=["drugbank-file-name", "most-named-drug", "tie-first-named", "no-drug"],
)
def test_title_line_comes_from_the_file_name_or_the_text(
    path: str, sentences: list[str], title: str
) -> None:
    assert title_of(Path(path), sentences) == title


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora is absent")
def test_corpus_documents_convert_with_exact_offsets() -> None:
    for path in sorted((CORPUS / "DrugBank").glob("*.xml"))[:5]:
        document = read_ddi_document(path)
        assert document.text.startswith(path.stem.removesuffix("_ddi"))
        for sentence in document.sentences:
            assert document.text[sentence.start : sentence.end] == sentence.text
            for entity in sentence.entities:
                if len(entity.spans) == 1:
                    assert document.text[entity.start : entity.end] == entity.text
