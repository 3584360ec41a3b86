"""A finding denied after it is named: "weight gain has not been observed" is no side effect."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.conflicts import find_conflicts
from graph_builder.extract import extract, is_negated
from graph_builder.extract.context import denied_for_a_group
from graph_builder.ingest import read_document


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Weight gain has not been observed with lorazepam.", "Weight gain"),
        ("Weight gain was not reported in clinical trials.", "Weight gain"),
        ("Hepatotoxicity and pancreatitis have not been reported.", "pancreatitis"),
        ("Seizures have never been described with lorazepam.", "Seizures"),
        ("Lorazepam may cause drowsiness; weight gain has not been observed.", "weight gain"),
        ("Drowsiness is common, but weight gain has never been described.", "weight gain"),
        ("In these trials agranulocytosis did not occur.", "agranulocytosis"),
        # everyone who takes it is no group; one subject of one denial
        (
            "Agranulocytosis has not been reported in patients receiving lorazepam.",
            "Agranulocytosis",
        ),
        (
            "Hepatotoxicity and the elevation of liver enzymes have not been observed.",
            "Hepatotoxicity",
        ),
        ("Agranulocytosis or any other blood dyscrasia has not been reported.", "Agranulocytosis"),
        ("Agranulocytosis, as well as thrombocytopenia, has not been reported.", "Agranulocytosis"),
        # a participle or an adverb before "it" is no verb of a new clause
        (
            "Hepatotoxicity in patients receiving it long term has not been reported.",
            "Hepatotoxicity",
        ),
        ("Rash in children given it for migraine was not seen.", "Rash"),
    ],
)
def test_a_finding_denied_after_it_is_named_is_negated(sentence: str, word: str) -> None:
    assert is_negated(sentence, sentence.index(word))


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # the denial belongs to another clause
        ("Drowsiness is common, but weight gain has not been observed.", "Drowsiness"),
        ("Lorazepam may cause drowsiness; weight gain has not been observed.", "drowsiness"),
        ("Agranulocytosis has been reported, although hepatotoxicity has not.", "Agranulocytosis"),
        # a verb of the finding's own stands between it and the denial
        ("Rash occurred in 2% and has not been associated with harm.", "Rash"),
        # a relative clause: the denial is said of something else
        ("A rash that has not been reported before may occur.", "rash"),
        (
            "Hepatotoxicity, which has not been seen with lorazepam, occurs with valproate.",
            "Hepatotoxicity",
        ),
        # not a report denied: "controlled" is no report
        ("Seizures that have not been controlled may respond to clonazepam.", "Seizures"),
        ("Weight gain has been observed.", "Weight gain"),
        # a new subject after ", and" or "and its": the denial is said of that one
        ("It causes nausea, and hepatotoxicity has not been reported.", "nausea"),
        ("It is used for insomnia and its benefit in anxiety has not been observed.", "insomnia"),
        # a reason clause, and missing evidence, deny nothing
        ("Use with caution in renal impairment, as pancreatitis has not been studied.", "renal"),
        ("Its efficacy in insomnia has not been established.", "insomnia"),
        # "not associated with falls" denies the link to falls, not the dizziness
        ("Dizziness, reported by some, was not associated with falls.", "Dizziness"),
        # a denial for one group only
        ("Hepatotoxicity has not been reported in pediatric patients.", "Hepatotoxicity"),
        # the reason for a prohibition is no denial
        ("It must not be used in renal stenosis because it may cause renal failure.", "failure"),
        (
            "Hepatotoxicity has not been reported in children but occurs in adults.",
            "Hepatotoxicity",
        ),
    ],
)
def test_no_denial_of_the_finding_itself(sentence: str, word: str) -> None:
    assert not is_negated(sentence, sentence.index(word))


@pytest.mark.parametrize(
    ("sentence", "word", "group"),
    [
        ("Seizures were not reported in children.", "Seizures", "children"),
        (
            "Hepatotoxicity has not been observed in elderly patients.",
            "Hepatotoxicity",
            "elderly patients",
        ),
        ("Teratogenicity was not seen in rats.", "Teratogenicity", "rats"),
        # said of everyone, or stated for the others after the contrast
        ("Seizures were not reported.", "Seizures", None),
        (
            "Hepatotoxicity has not been reported in children but occurs in adults.",
            "Hepatotoxicity",
            None,
        ),
        (
            "Agranulocytosis has not been reported in patients receiving it.",
            "Agranulocytosis",
            None,
        ),
        # a comparison between groups denies no finding
        (
            "Differences in dizziness were not observed in elderly patients compared with"
            " younger adults.",
            "dizziness",
            None,
        ),
    ],
)
def test_a_denial_for_one_group_names_the_group(
    sentence: str, word: str, group: str | None
) -> None:
    assert denied_for_a_group(sentence, sentence.index(word)) == group


def _side_effects(
    tmp_path: Path, sentence: str
) -> set[tuple[str, bool, tuple[tuple[str, str], ...]]]:
    path = tmp_path / "lorazepam.txt"
    path.write_text(f"Lorazepam\n\nSide effects\n\n{sentence}\n", encoding="utf-8")
    return {
        (c.obj.entity.label, c.negated, c.qualifiers)
        for c in extract(read_document(path)).claims
        if c.relation == "has_side_effect" and c.obj
    }


def test_a_side_effect_not_reported_in_children_is_denied_for_children_only(tmp_path: Path) -> None:
    found = _side_effects(tmp_path, "Seizures were not reported in children.")
    assert found == {("seizure", True, (("population", "children"),))}


def test_a_denial_for_one_group_contradicts_no_other_source(tmp_path: Path) -> None:
    first = tmp_path / "a" / "lorazepam.txt"
    second = tmp_path / "b" / "lorazepam.txt"
    for path, sentence in (
        (first, "Lorazepam may cause seizures."),
        (second, "Seizures were not reported in children."),
    ):
        path.parent.mkdir()
        path.write_text(f"Lorazepam\n\nSide effects\n\n{sentence}\n", encoding="utf-8")
    conflicts = find_conflicts([extract(read_document(p)) for p in (first, second)])
    assert [c for c in conflicts if c.kind == "negation"] == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # "i.e., as" explains the denied use, it starts no reason clause
        (
            "It should not be used for acute symptoms, i.e., as rescue therapy for bronchospasm.",
            "bronchospasm",
        ),
        # a relative clause after the last item of a denied list starts no new clause
        (
            "It does not cause dry mouth, constipation or urinary retention which can occur"
            " with tricyclics.",
            "constipation",
        ),
    ],
)
def test_a_denial_reaches_past_an_explanation_and_a_list(sentence: str, word: str) -> None:
    assert is_negated(sentence, sentence.index(word))
