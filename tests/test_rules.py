"""Every rule's examples yield its relation; its counter-examples do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.dosing import parse_dose
from graph_builder.extract import Extraction, extract, find_hedges, is_negated
from graph_builder.ingest import read_document
from graph_builder.rules import RULES, Rule


def extract_sentence(tmp_path: Path, heading: str, sentence: str, lead_in: str = "") -> Extraction:
    """Extract from a tiny monograph about diazepam holding one sentence under ``heading``."""
    labelled = ":" in sentence.split(" ")[0] or ": " in sentence[:40]
    body = f"  • {sentence}" if labelled else sentence  # "Label: text" is a list item
    parts = ["Diazepam", heading, lead_in, body]
    path = tmp_path / "diazepam.txt"
    path.write_text("\n\n".join(p for p in parts if p) + "\n", encoding="utf-8")
    return extract(read_document(path))


def by_rule(extraction: Extraction, rule: Rule) -> list[str]:
    return [
        c.obj.entity.label
        for c in extraction.claims
        if c.rule == rule.name
        and c.relation == rule.relation
        and c.obj is not None
        and not c.negated
    ]


EXAMPLES = [(rule, *example) for rule in RULES for example in rule.examples]
COUNTEREXAMPLES = [(rule, *example) for rule in RULES for example in rule.counterexamples]


@pytest.mark.parametrize(
    ("rule", "heading", "sentence", "expected"),
    EXAMPLES,
    ids=[f"{r.name}:{s[:40]}" for r, _, s, _ in EXAMPLES],
)
def test_rule_example_yields_its_relation(
    tmp_path: Path, rule: Rule, heading: str, sentence: str, expected: str
) -> None:
    assert expected in by_rule(extract_sentence(tmp_path, heading, sentence), rule)


@pytest.mark.parametrize(
    ("rule", "heading", "sentence"),
    COUNTEREXAMPLES,
    ids=[f"{r.name}:{s[:40]}" for r, _, s in COUNTEREXAMPLES],
)
def test_rule_counterexample_does_not(
    tmp_path: Path, rule: Rule, heading: str, sentence: str
) -> None:
    assert by_rule(extract_sentence(tmp_path, heading, sentence), rule) == []


def test_every_rule_has_examples_and_counterexamples() -> None:
    lacking = [
        r.name for r in RULES if not r.cue_in_lead_in and not (r.examples and r.counterexamples)
    ]
    assert lacking == []


def test_caution_lead_in_applies_to_each_item(tmp_path: Path) -> None:
    path = tmp_path / "diazepam.txt"
    path.write_text(
        "Diazepam\n\nPrecautions\n\nDiazepam should be used with caution in patients with:\n\n"
        "  • Liver Disease: dose changes may be needed.\n  • Older adults: falls are more likely.\n",
        encoding="utf-8",
    )
    claims = extract(read_document(path)).claims
    cautions = sorted(c.obj.entity.label for c in claims if c.relation == "caution_in" and c.obj)
    assert cautions == ["liver disease", "older adults"]


def test_withdrawal_symptoms_are_not_side_effects(tmp_path: Path) -> None:
    extraction = extract_sentence(
        tmp_path,
        "Side Effects",
        "Withdrawal Symptoms: Abrupt discontinuation can cause withdrawal symptoms such as anxiety, tremors, and seizures.",
    )
    side_effects = {
        c.obj.entity.label for c in extraction.claims if c.relation == "has_side_effect" and c.obj
    }
    symptoms = {
        c.obj.entity.label for c in extraction.claims if c.relation == "has_symptom" and c.obj
    }
    assert side_effects == {"withdrawal syndrome"}
    assert symptoms == {"anxiety", "tremor", "seizure"}


def test_a_condition_in_the_next_clause_is_no_withdrawal_symptom(tmp_path: Path) -> None:
    extraction = extract_sentence(
        tmp_path,
        "Precautions",
        "Diazepam should not be stopped abruptly, and is contraindicated in pregnancy.",
    )
    assert not [c for c in extraction.claims if c.relation == "has_symptom"]
    assert any(c.relation == "contraindicated_in" for c in extraction.claims)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Stopping it abruptly may lead to withdrawal, which includes seizures and tremor.",
            {"seizure", "tremor"},
        ),
        (
            "When stopped abruptly, it causes insomnia and tremor, and seizures have been"
            " reported.",
            {"insomnia", "tremor", "seizure"},
        ),
    ],
    ids=["which-includes", "and-a-new-subject"],
)
def test_withdrawal_symptoms_listed_on_after_a_comma(
    tmp_path: Path, sentence: str, expected: set[str]
) -> None:
    extraction = extract_sentence(tmp_path, "Precautions", sentence)
    symptoms = {
        c.obj.entity.label for c in extraction.claims if c.relation == "has_symptom" and c.obj
    }
    assert symptoms == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Withdrawal symptoms such as anxiety can occur, and diazepam is not recommended in"
        " pregnancy.",
        "Withdrawal symptoms include anxiety and tremor, and patients with depression should be"
        " monitored.",
    ],
    ids=["and-not-recommended", "and-should-be-monitored"],
)
def test_advice_after_and_ends_the_withdrawal_symptoms(tmp_path: Path, sentence: str) -> None:
    extraction = extract_sentence(tmp_path, "Precautions", sentence)
    symptoms = {
        c.obj.entity.label for c in extraction.claims if c.relation == "has_symptom" and c.obj
    }
    assert "anxiety" in symptoms
    assert not symptoms & {"pregnancy", "depression"}


def test_negated_claim_is_kept_and_marked(tmp_path: Path) -> None:
    extraction = extract_sentence(
        tmp_path, "", "Diazepam is not indicated for the treatment of panic disorder."
    )
    treats = [c for c in extraction.claims if c.relation == "treats"]
    assert len(treats) == 1 and treats[0].negated


@pytest.mark.parametrize(
    ("sentence", "word", "negated"),
    [
        ("Although not the first-line treatment, it can help in RLS.", "RLS", False),
        (
            "Fluoxetine does not affect the pharmacokinetics of clonazepam.",
            "pharmacokinetics",
            True,
        ),
        ("The drug is used for not more than 3 months.", "months", False),
        ("No interaction with cimetidine was seen.", "cimetidine", True),
    ],
    ids=["not-first-line", "does-not-affect", "not-more-than", "no-interaction"],
)
def test_negation(sentence: str, word: str, negated: bool) -> None:
    assert is_negated(sentence, sentence.index(word)) is negated


def test_hedges_are_kept() -> None:
    assert find_hedges("Rarely, patients may experience rash.") == "Rarely; may"
    assert (
        find_hedges("Although not the first-line treatment, it helps.")
        == "not the first-line treatment"
    )
    assert find_hedges("Diazepam causes drowsiness.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Typically, the starting dose is 0.25 mg taken twice daily.",
            {"kind": "initial", "value_max": "0.25", "per": "dose", "times_per_day_max": 2},
        ),
        (
            "The dose can be gradually increased to a maximum of 4 mg per day, divided into multiple doses.",
            {"kind": "maximum", "value_max": "4", "per": "day"},
        ),
        (
            "A standard daily dose is 4-8 mg (the dose is divided into 3 parts).",
            {
                "kind": "maintenance",
                "value_min": "4",
                "value_max": "8",
                "per": "day",
                "divided_into": 3,
            },
        ),
        (
            "Infants under 1 year are prescribed 0,1-1 mg per day",
            {
                "value_min": "0.1",
                "value_max": "1",
                "age_max_years": "1",
                "population": "Infants under 1 year",
            },
        ),
        (
            "It may be increased up to 20 mg per day during acute conditions of epilepsy.",
            {"kind": "maximum", "value_max": "20", "circumstance": "during acute conditions"},
        ),
        (
            "More than 10 mg per day may be used only in hospital.",
            # "more than 10 mg" is an exclusive lower bound: no maximum (was value_max "10")
            {
                "kind": "hospital-threshold",
                "value_min": "10",
                "value_max": None,
                "comparator": "gt",
                "setting": "hospital",
            },
        ),
        (
            "The drug is used for not more than 3 months.",
            {"kind": "course", "duration_max_months": "3"},
        ),
        (
            "It is taken 2-3 times per day, within 2-3 months.",
            {
                "kind": "course",
                "times_per_day_min": 2,
                "times_per_day_max": 3,
                "duration": "2-3 months",
            },
        ),
    ],
    ids=["initial", "maximum", "range", "infants", "acute", "hospital", "course-limit", "course"],
)
def test_dose_statements(sentence: str, expected: dict[str, object]) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert {k: getattr(dose, k) for k in expected} == expected


def test_sentence_without_a_dose_gives_none() -> None:
    assert parse_dose("In some patients the dose is increased.") is None


def test_a_condition_coming_back_on_stopping_is_rebound(tmp_path: Path) -> None:
    extraction = extract_sentence(
        tmp_path,
        "Precautions",
        "Stopping diazepam abruptly may cause a return of seizures and anxiety.",
    )
    rebound = {c.obj.entity.label for c in extraction.claims if c.relation == "rebound" and c.obj}
    symptoms = {
        c.obj.entity.label for c in extraction.claims if c.relation == "has_symptom" and c.obj
    }
    assert rebound == {"seizure", "anxiety"} and symptoms == set()


@pytest.mark.parametrize("title", ["Abstract", "Prescribing Information", "Adverse Reactions"])
def test_a_generic_title_names_no_drug(tmp_path: Path, title: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(f"{title}\n\nPatients may experience drowsiness.\n", encoding="utf-8")
    assert extract(read_document(path)).topic is None


@pytest.mark.parametrize(
    "verb", ["is", "had", "could", "requires", "need", "warrants", "calls for"]
)
def test_a_verb_that_makes_a_clause_also_starts_a_new_subject(verb: str) -> None:
    from graph_builder.rules import CLAUSE_VERB, NEW_SUBJECT_BREAK

    assert CLAUSE_VERB.search(f"the elderly {verb} caution")
    assert NEW_SUBJECT_BREAK.search(f"Avoid it in asthma, the elderly {verb} caution")


def test_a_need_that_is_a_noun_makes_no_clause() -> None:
    from graph_builder.rules import CLAUSE_VERB

    assert not CLAUSE_VERB.search("and in patients in need of dialysis")


@pytest.mark.parametrize(
    "text", ["children with special needs, and pregnancy", "patients with needs or wishes"]
)
def test_a_need_with_no_object_makes_no_clause(text: str) -> None:
    from graph_builder.rules import CLAUSE_VERB, NEW_SUBJECT_BREAK

    assert not CLAUSE_VERB.search(text)
    assert not NEW_SUBJECT_BREAK.search(f"Avoid it in asthma, {text}")


@pytest.mark.parametrize(
    ("lead_in", "item", "relation", "expected"),
    [
        ("Do not take diazepam if:", "you are pregnant", "contraindicated_in", "pregnancy"),
        (
            "Diazepam must not be used in:",
            "severe liver disease",
            "contraindicated_in",
            "liver disease",
        ),
        ("Use diazepam with caution in:", "the elderly", "caution_in", "older adults"),
    ],
)
def test_an_item_takes_the_advice_of_its_lead_in(
    tmp_path: Path, lead_in: str, item: str, relation: str, expected: str
) -> None:
    path = tmp_path / "diazepam.txt"
    path.write_text(f"Diazepam\n\nWarnings\n\n{lead_in}\n- {item}\n", encoding="utf-8")
    claims = extract(read_document(path)).claims
    assert expected in {c.obj.entity.label for c in claims if c.relation == relation and c.obj}


def test_an_item_after_a_lead_in_without_advice_is_no_contraindication(tmp_path: Path) -> None:
    path = tmp_path / "diazepam.txt"
    path.write_text("Diazepam\n\nUses\n\nDiazepam is taken:\n- in pregnancy\n", encoding="utf-8")
    claims = extract(read_document(path)).claims
    assert not [c for c in claims if c.relation == "contraindicated_in"]
