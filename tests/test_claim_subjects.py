"""Who a claim is about: the drug a sentence has as its subject, else the document's drug."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.extract.context import studies_a_combination
from graph_builder.ingest import read_document


def facts(tmp_path: Path, text: str) -> set[tuple[str, str, str, str | None, bool]]:
    """Return (relation, subject, object, hedge, negated) for each claim of a document."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return {
        (c.relation, c.subject.entity.key, c.obj.entity.key if c.obj else "", c.hedge, c.negated)
        for c in extract(read_document(path)).claims
    }


def about(found: set[tuple[str, str, str, str | None, bool]], relation: str, obj: str) -> set[str]:
    """Return the subjects of the claims of ``relation`` with object ``obj``."""
    return {s for r, s, o, _, _ in found if r == relation and o == obj}


REVIEW = (
    "Clonazepam in acute seizures\n\n"
    "Clonazepam is a benzodiazepine used for seizures.\n"
    "Carbamazepine is contraindicated in patients with heart block.\n"
    "Gabapentin should be used with caution in patients with respiratory depression.\n"
    "Phenobarbital enters the brain slowly, but its anticonvulsant effect may last for days.\n"
)


@pytest.mark.parametrize(
    ("relation", "obj", "subject"),
    [
        ("contraindicated_in", "heart-block", "carbamazepine"),
        ("caution_in", "respiratory-depression", "gabapentin"),
        ("has_effect", "anticonvulsant", "phenobarbital"),
    ],
)
def test_a_sentence_about_another_drug_is_that_drugs(
    tmp_path: Path, relation: str, obj: str, subject: str
) -> None:
    # the review's own drug is never named in the sentence: its subject is the other drug
    assert about(facts(tmp_path, REVIEW), relation, obj) == {subject}


def test_an_effect_its_subject_has_is_not_hedged_by_how_long_it_lasts(tmp_path: Path) -> None:
    found = facts(tmp_path, REVIEW)
    assert ("has_effect", "phenobarbital", "anticonvulsant", None, False) in found


SEDATIVE_OF_ANOTHER = (
    "Rifampicin\n\n"
    "Rifampicin is an antibiotic.\n"
    "The sedative effects of triazolam were much weaker during rifampicin treatment.\n"
)


def test_an_effect_of_another_drug_is_the_possessors(tmp_path: Path) -> None:
    assert about(facts(tmp_path, SEDATIVE_OF_ANOTHER), "has_effect", "sedative") == {"triazolam"}


def test_a_drug_that_changes_an_effect_does_not_have_it(tmp_path: Path) -> None:
    text = "Temazepam\n\nTemazepam is a hypnotic.\nGrapefruit juice may enhance the sedative effect of temazepam.\n"
    found = facts(tmp_path, text)
    # the possessor's effect, stated without the doubt the verb "may" puts on the change
    assert ("has_effect", "temazepam", "sedative", None, False) in found
    assert about(found, "has_effect", "sedative") == {"temazepam"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Combining clonazepam with alcohol can cause drowsiness.",
        "Benzodiazepines such as clonazepam can cause drowsiness.",
        "This medicine can cause drowsiness.",
        "Drowsiness is common.",
    ],
)
def test_the_documents_drug_keeps_what_it_is_said_to_do(tmp_path: Path, sentence: str) -> None:
    text = f"Clonazepam\n\nClonazepam is a benzodiazepine.\n{sentence}\n"
    found = facts(tmp_path, text)
    # no drug but the document's has an effect or a use from it (a combination's effect may
    # go to the interaction instead, which is not this test's business)
    owners = {s for r, s, _, _, _ in found if r in ("has_side_effect", "has_effect", "treats")}
    assert owners <= {"clonazepam"}
    if not sentence.startswith("Combining"):  # the drug's own effect, said of it
        assert "clonazepam" in owners
    if not sentence.startswith(("Combining", "Benzodiazepines")):
        assert about(found, "has_side_effect", "drowsiness") == {"clonazepam"}


def test_what_a_combination_study_found_is_not_the_first_drugs(tmp_path: Path) -> None:
    text = (
        "Effect of itraconazole on the pharmacokinetics of oral triazolam\n\n"
        "Healthy volunteers took itraconazole or placebo for five days.\n"
        "Three volunteers reported marked drowsiness.\n"
    )
    assert about(facts(tmp_path, text), "has_side_effect", "drowsiness") == set()


def test_a_document_about_one_drug_keeps_its_unnamed_findings(tmp_path: Path) -> None:
    text = "Triazolam\n\nTriazolam is a hypnotic.\nPatients often report drowsiness.\n"
    assert about(facts(tmp_path, text), "has_side_effect", "drowsiness") == {"triazolam"}


@pytest.mark.parametrize(
    ("title", "combination"),
    [
        ("Effect of fluconazole on the pharmacokinetics of midazolam", True),
        ("Interaction between lithium and ibuprofen", True),
        ("Lithium carbonate tablets", False),
        ("Effect of lithium on thyroid function", False),
    ],
)
def test_a_combination_studys_title(title: str, *, combination: bool) -> None:
    assert studies_a_combination(title) is combination


def test_both_drugs_are_the_two_just_named(tmp_path: Path) -> None:
    text = (
        "Clonazepam\n\n"
        "Clonazepam is a benzodiazepine.\n"
        "Clonazepam and diazepam are often compared in panic disorder.\n"
        "Hypotension is a known adverse effect of both drugs.\n"
    )
    assert about(facts(tmp_path, text), "has_side_effect", "hypotension") == {
        "clonazepam",
        "diazepam",
    }


def test_both_with_no_pair_just_named_stays_the_documents(tmp_path: Path) -> None:
    text = "Clonazepam\n\nClonazepam is a benzodiazepine.\nHypotension is a known adverse effect of both drugs.\n"
    assert about(facts(tmp_path, text), "has_side_effect", "hypotension") == {"clonazepam"}


def test_an_effect_another_drug_changes_is_the_documents(tmp_path: Path) -> None:
    text = "Triazolam\n\nTriazolam is a hypnotic.\nCimetidine may increase the sedative effect.\n"
    found = facts(tmp_path, text)
    # whose effect is unsaid: the document's drug's, no effect of cimetidine
    assert about(found, "has_effect", "sedative") == {"triazolam"}
    assert ("has_effect", "triazolam", "sedative", None, False) in found
