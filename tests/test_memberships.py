"""Which class a drug belongs to, as monographs say it, and what only looks like it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document


def _memberships(tmp_path: Path, drug: str, text: str) -> set[tuple[str, str]]:
    path = tmp_path / f"{drug.lower()}.txt"
    path.write_text(f"{drug}\n\nDescription\n\n{text}\n", encoding="utf-8")
    return {
        (c.subject.entity.label, c.obj.entity.label)
        for c in extract(read_document(path)).claims
        if c.relation == "member_of" and c.obj and not c.negated
    }


@pytest.mark.parametrize(
    ("sentence", "member", "drug_class"),
    [
        ("Atenolol is a cardioselective beta-blocker.", "atenolol", "beta-adrenergic blocker"),
        (
            "Sertraline belongs to a group of medicines called SSRIs.",
            "sertraline",
            "selective serotonin reuptake inhibitor",
        ),
        # the apposition's drug is the member, not the brand the sentence opens with
        (
            "Zocor is a brand of simvastatin, a medicine from the statin class.",
            "simvastatin",
            "HMG-CoA reductase inhibitor",
        ),
    ],
)
def test_a_drug_said_to_be_of_a_class_is_its_member(
    tmp_path: Path, sentence: str, member: str, drug_class: str
) -> None:
    assert (member, drug_class) in _memberships(tmp_path, "Atenolol", sentence)


@pytest.mark.parametrize(
    ("sentence", "not_member", "drug_class"),
    [
        # a comma before "a" closes a clause here, it opens no apposition to a drug
        (
            "Do not start sertraline if you have used, within the past two weeks, "
            "a monoamine oxidase inhibitor.",
            "sertraline",
            "monoamine oxidase inhibitor",
        ),
        # the class the apposition names is not recognised; an adjective further on is
        # no class of the drug
        (
            "Carbamazepine, a strong enzyme inducer, lowers apixaban levels and may weaken "
            "its anticoagulant effect.",
            "carbamazepine",
            "anticoagulant",
        ),
        # "is a" says what the noun right before it is: here "the other medicine"
        (
            "Avoid simvastatin if the other medicine is a strong CYP3A4 inhibitor.",
            "simvastatin",
            "CYP3A4 inhibitor",
        ),
        (
            "Metformin, a first-line treatment for type 2 diabetes, is preferred to "
            "sulfonylureas in overweight patients.",
            "metformin",
            "sulfonylurea",
        ),
    ],
)
def test_a_class_named_past_a_clause_is_no_membership(
    tmp_path: Path, sentence: str, not_member: str, drug_class: str
) -> None:
    assert (not_member, drug_class) not in _memberships(tmp_path, "Sertraline", sentence)
