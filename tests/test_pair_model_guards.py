"""What the trained pair model may not state, whatever its score: guards a reader can check.

The model learned from interaction texts, where two drugs in one sentence often interact. In a
monograph, a sentence naming two drugs with no interaction cue is often something else: how a
drug works, what class it belongs to, a combined product, or a denial.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.ddi_model import CLASSES, TreeModel, get_model
from graph_builder.extract import extract, interacting
from graph_builder.ingest import read_document

pytestmark = pytest.mark.skipif(get_model() is None, reason="no shipped model")
# a model that asserts every pair it is shown, as an effect: only a guard can stop it
EAGER = TreeModel(CLASSES, ((0, 5.0), (2, 1.0)), threshold=0.5, veto=0.9)


def _interactions(tmp_path: Path, text: str) -> set[tuple[frozenset[str], bool]]:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return {
        (frozenset((c.subject.entity.label, c.obj.entity.label)), c.negated)
        for c in extract(read_document(path)).claims
        if c.relation == "interacts_with" and c.obj is not None
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Carvedilol belongs to a group of medicines called beta-blockers.",
        "Background: Phenytoin is an older antiepileptic drug that remains in use for focal "
        "seizures.",
    ],
)
def test_a_drug_said_to_be_of_a_class_does_not_interact_with_it(
    tmp_path: Path, sentence: str
) -> None:
    found = _interactions(tmp_path, f"# Medicine\n\n## About it\n\n{sentence}\n")
    assert not any(not negated for _, negated in found)


def test_a_combined_product_is_not_two_interacting_drugs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(interacting, "get_model", lambda: EAGER)
    text = (
        "# Enalapril\n\n## Before you take it\n\n"
        "Tell your doctor if you take sacubitril/valsartan or aliskiren.\n"
    )
    found = _interactions(tmp_path, text)
    assert (frozenset({"sacubitril", "valsartan"}), False) not in found
    assert (frozenset({"valsartan", "aliskiren"}), False) in found


def test_a_pair_the_text_says_does_not_interact_is_not_stated(tmp_path: Path) -> None:
    text = (
        "# Citalopram interactions\n\n## Checked pairs\n\n"
        "Citalopram and paracetamol do not interact in any way that matters clinically.\n"
    )
    assert (frozenset({"citalopram", "acetaminophen"}), False) not in _interactions(tmp_path, text)


def test_pairs_under_a_no_interactions_heading_are_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(interacting, "get_model", lambda: EAGER)
    text = (
        "# Citalopram interactions\n\n## No interactions found\n\n"
        "- citalopram + amoxicillin\n- citalopram + paracetamol\n"
    )
    found = _interactions(tmp_path, text)
    assert found, "the checker's pairs are recorded"
    assert all(negated for _, negated in found)


def test_a_denial_in_another_clause_leaves_the_pair_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(interacting, "get_model", lambda: EAGER)
    text = (
        "# Diazepam\n\n## Interactions\n\n"
        "In volunteers, omeprazole prolonged the half-life of diazepam, whereas "
        "pantoprazole and diazepam did not interact.\n"
    )
    found = _interactions(tmp_path, text)
    assert (frozenset({"omeprazole", "diazepam"}), False) in found
    assert (frozenset({"pantoprazole", "diazepam"}), False) not in found


@pytest.mark.parametrize(
    "lead_in",
    [
        "Lansoprazole does not interact with:",
        "These are fine when taken with lansoprazole:",
        "Lansoprazole is commonly used with:",
        "Lansoprazole can be combined with these antibiotics to treat H. pylori:",
    ],
)
def test_a_lead_in_that_reassures_lists_no_partners(tmp_path: Path, lead_in: str) -> None:
    text = f"# Lansoprazole\n\n## Other medicines\n\n{lead_in}\n\n- amoxicillin\n- tacrolimus\n"
    assert not any(not negated for _, negated in _interactions(tmp_path, text))


def test_a_lead_in_that_warns_pairs_each_item(tmp_path: Path) -> None:
    text = (
        "# Lansoprazole\n\n## Other medicines\n\n"
        "Some medicines raise the risk of side effects when taken with lansoprazole:\n\n"
        "- methotrexate\n- tacrolimus\n"
    )
    found = _interactions(tmp_path, text)
    assert (frozenset({"lansoprazole", "methotrexate"}), False) in found
    assert (frozenset({"lansoprazole", "tacrolimus"}), False) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Amlodipine blocks calcium channels in the same way as nifedipine.",
        "If you cannot take bisoprolol, your doctor may suggest nebivolol instead.",
        "Paracetamol is fine to take with lithium.",
    ],
)
def test_drugs_compared_replaced_or_called_harmless_do_not_interact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentence: str
) -> None:
    monkeypatch.setattr(interacting, "get_model", lambda: EAGER)
    found = _interactions(tmp_path, f"# Medicine\n\n## About it\n\n{sentence}\n")
    assert not any(not negated for _, negated in found)


def test_a_question_left_open_holds_only_in_its_own_clause(tmp_path: Path) -> None:
    text = (
        "# Simvastatin\n\n## Interactions\n\n"
        "Ketoconazole raises simvastatin levels; whether fluconazole does so is unclear.\n\n"
        "Whether amlodipine changes ciclosporin levels is not known.\n"
    )
    found = _interactions(tmp_path, text)
    assert (frozenset({"simvastatin", "ketoconazole"}), False) in found
    assert not any("ciclosporin" in pair or "cyclosporine" in pair for pair, _ in found)
