"""A finding denied after it is named: "weight gain has not been observed" is no side effect."""

from __future__ import annotations

import pytest

from graph_builder.extract import is_negated


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
