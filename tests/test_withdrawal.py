"""Symptoms of stopping a drug: named with the side effects' vocabulary, kept apart from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder import rules as R
from graph_builder.extract import Extraction, extract
from graph_builder.ingest import read_document


def _extract(tmp_path: Path, sentence: str, heading: str = "Warnings") -> Extraction:
    """Extract a one-sentence lorazepam monograph under ``heading``."""
    path = tmp_path / "lorazepam.txt"
    path.write_text(f"Lorazepam\n\n{heading}\n\n{sentence}\n", encoding="utf-8")
    return extract(read_document(path))


def _objects(extraction: Extraction, relation: str) -> set[str]:
    return {c.obj.entity.label for c in extraction.claims if c.relation == relation and c.obj}


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("irritability", "irritability"),
        ("sweating", "hyperhidrosis"),
        ("profuse sweating", "hyperhidrosis"),
        ("muscle cramps", "muscle spasms"),
        ("palpitations", "palpitations"),
        ("a pounding headache", "headache"),
        ("dysphoria", "dysphoria"),
        ("restlessness", "restlessness"),
        ("perceptual disturbances", "perceptual disturbances"),
        ("tingling", "paresthesia"),
        ("hypersensitivity to light", "photophobia"),
        ("sensitivity to sound", "hyperacusis"),
        ("hypersensitivity to light and noise", "sensory hypersensitivity"),
        ("depersonalisation", "depersonalization"),
        ("a feeling of unreality", "derealization"),
        ("goose bumps", "piloerection"),
        ("brain zaps", "electric shock sensations"),
        ("drug cravings", "craving"),
        ("yawning", "yawning"),
    ],
)
def test_a_withdrawal_symptom_is_named_with_the_side_effect_vocabulary(
    tmp_path: Path, phrase: str, label: str
) -> None:
    extraction = _extract(
        tmp_path, f"After long use, withdrawal symptoms can include {phrase} for some weeks."
    )
    assert label in _objects(extraction, "has_symptom")
    assert label not in _objects(extraction, "has_side_effect")


def test_every_item_of_a_withdrawal_list_is_a_symptom(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Stopping lorazepam suddenly after regular use may bring on withdrawal reactions such as"
        " irritability, sweating, tremor, insomnia, agitation, nausea and palpitations.",
    )
    assert _objects(extraction, "has_symptom") == {
        "irritability",
        "hyperhidrosis",
        "tremor",
        "insomnia",
        "agitation",
        "nausea",
        "palpitations",
    }


def test_only_what_follows_the_stopping_is_a_withdrawal_symptom(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Lorazepam can cause irritability; withdrawal symptoms include sweating.",
        heading="Side Effects",
    )
    assert _objects(extraction, "has_side_effect") - {"withdrawal syndrome"} == {"irritability"}
    assert _objects(extraction, "has_symptom") == {"hyperhidrosis"}


def test_a_rebound_names_one_condition_and_the_list_goes_on(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Withdrawal symptoms include rebound insomnia, irritability and rebound anxiety.",
    )
    assert _objects(extraction, "rebound") == {"insomnia", "anxiety"}
    assert _objects(extraction, "has_symptom") == {"irritability"}


def test_a_return_of_governs_the_whole_list(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Stopping lorazepam abruptly may cause a return of insomnia and anxiety."
    )
    assert _objects(extraction, "rebound") == {"insomnia", "anxiety"}
    assert _objects(extraction, "has_symptom") == set()


def test_light_sensitivity_is_no_allergy(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Withdrawal reactions may include hypersensitivity to light and tinnitus."
    )
    found = {
        c.obj.entity.label: c.obj.entity.identifiers
        for c in extraction.claims
        if c.relation == "has_symptom" and c.obj
    }
    assert found["photophobia"] == ("HP:0000613",)
    assert "hypersensitivity" not in found


def test_a_symptom_no_ontology_names_exactly_has_no_identifier(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "Withdrawal symptoms include goose bumps and yawning.")
    found = {
        c.obj.entity.label: c.obj.entity.identifiers
        for c in extraction.claims
        if c.relation == "has_symptom" and c.obj
    }
    assert found == {"piloerection": (), "yawning": ()}


@pytest.mark.parametrize(
    "sentence",
    [
        "Discontinuation symptoms such as dizziness and irritability may follow a missed dose.",
        "Symptoms of withdrawal include irritability and sweating.",
        "Signs upon discontinuation can include yawning and goose bumps.",
        "Withdrawal signs such as restlessness may appear within a day.",
        "Stopping the tablets abruptly can cause sweating.",
        "Stopping sertraline may cause dizziness.",
        "Discontinuing the patch can often lead to restlessness.",
        "Withdrawal of long-term therapy may precipitate tremor.",
        "Do not stop taking it suddenly: it may bring on seizures.",
        "A sudden cessation of treatment can cause insomnia.",
    ],
)
def test_a_sentence_about_stopping_lists_withdrawal_symptoms(sentence: str) -> None:
    assert R.WITHDRAWAL.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Discontinuation due to adverse events occurred in 4% of treated patients.",
        "Signs of overdose include drowsiness and confusion.",
        "Withdrawal from the trial was more frequent on placebo.",
        "Symptoms of depression may worsen in the first weeks.",
        # stopping because of the effect, not the effect of stopping
        "Stopping treatment is advised if a rash occurs.",
        "Stop the drug if jaundice develops.",
        "Sudden changes in mood may occur.",
        "Discontinuation rates were similar in both arms and may reflect nausea.",
    ],
)
def test_a_sentence_that_does_not_stop_the_drug_lists_none(sentence: str) -> None:
    assert R.WITHDRAWAL.search(sentence) is None


def test_discontinuation_symptoms_are_no_side_effects(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Discontinuation symptoms such as irritability and sweating can occur if doses are missed.",
        heading="Side Effects",
    )
    assert _objects(extraction, "has_symptom") == {"irritability", "hyperhidrosis"}
    assert not {"irritability", "hyperhidrosis"} & _objects(extraction, "has_side_effect")


def _side_effects(extraction: Extraction) -> dict[str, tuple[bool, str | None]]:
    """Map each side effect to (negated, hedge)."""
    return {
        c.obj.entity.label: (c.negated, c.hedge)
        for c in extraction.claims
        if c.relation == "has_side_effect" and c.obj and c.obj.entity.key != "withdrawal"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Discontinuation symptoms are usually brief, but lorazepam itself may cause dizziness"
        " and nausea.",
        "Withdrawal reactions can occur; dizziness and nausea are also frequent while on the drug.",
        "Withdrawal effects are rare, whereas dizziness and nausea are common in the first week.",
    ],
    ids=["but", "semicolon", "whereas"],
)
def test_effects_after_the_withdrawal_list_ends_are_side_effects(
    tmp_path: Path, sentence: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Side Effects")
    assert set(_side_effects(extraction)) == {"dizziness", "nausea"}
    assert not {"dizziness", "nausea"} & _objects(extraction, "has_symptom")


def test_the_withdrawal_list_and_the_side_effects_after_it_are_kept_apart(
    tmp_path: Path,
) -> None:
    extraction = _extract(
        tmp_path,
        "Withdrawal symptoms may include tremor and sweating; weight gain is also reported.",
        heading="Side Effects",
    )
    assert _objects(extraction, "has_symptom") == {"tremor", "hyperhidrosis"}
    assert set(_side_effects(extraction)) == {"weight increased"}


def test_a_side_effect_after_the_list_keeps_its_own_negation(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Withdrawal symptoms can include tremor; lorazepam does not cause weight gain.",
        heading="Side Effects",
    )
    assert _objects(extraction, "has_symptom") == {"tremor"}
    assert _side_effects(extraction)["weight increased"][0] is True


def test_a_side_effect_after_the_list_keeps_its_own_hedge(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Withdrawal symptoms include tremor; lorazepam may also cause weight gain.",
        heading="Side Effects",
    )
    assert _side_effects(extraction)["weight increased"][1] == "may"
    hedges = {
        c.obj.entity.label: c.hedge
        for c in extraction.claims
        if c.relation == "has_symptom" and c.obj
    }
    assert hedges == {"tremor": None}


@pytest.mark.parametrize(
    "sentence",
    [
        "Stopping it abruptly can lead to withdrawal reactions, which include dizziness and"
        " nausea.",
        "Discontinuation symptoms include dizziness, and nausea has also been described.",
        "After abrupt cessation, dizziness and nausea were reported.",
    ],
    ids=["which-include", "and-a-new-subject", "cue-first"],
)
def test_a_list_that_runs_on_stays_withdrawal(tmp_path: Path, sentence: str) -> None:
    extraction = _extract(tmp_path, sentence, heading="Side Effects")
    assert _objects(extraction, "has_symptom") == {"dizziness", "nausea"}
    assert not _side_effects(extraction)


def test_a_second_withdrawal_cue_starts_a_list_of_its_own(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Withdrawal symptoms include tremor; on abrupt discontinuation seizures may also occur.",
        heading="Side Effects",
    )
    assert _objects(extraction, "has_symptom") == {"tremor", "seizure"}
    assert not _side_effects(extraction)


def test_a_return_of_list_ends_after_its_and(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Stopping lorazepam abruptly can bring a return of anxiety and insomnia, and sweating.",
    )
    assert _objects(extraction, "rebound") == {"anxiety", "insomnia"}
    assert _objects(extraction, "has_symptom") == {"hyperhidrosis"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Stopping lorazepam abruptly can bring a return of anxiety, insomnia and panic attacks.",
        "Stopping lorazepam abruptly can bring a return of anxiety, insomnia, and panic attacks.",
    ],
    ids=["no-serial-comma", "serial-comma"],
)
def test_a_return_of_list_runs_to_its_last_item(tmp_path: Path, sentence: str) -> None:
    extraction = _extract(tmp_path, sentence)
    assert _objects(extraction, "rebound") == {"anxiety", "insomnia", "panic disorder"}
    assert _objects(extraction, "has_symptom") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Withdrawal symptoms include tremor, although dizziness is frequent during treatment.",
        "Withdrawal symptoms include tremor, though dizziness is frequent during treatment.",
        "Withdrawal symptoms include tremor, while dizziness is frequent during treatment.",
        "Withdrawal symptoms include tremor, and lorazepam itself may cause dizziness.",
        "Withdrawal symptoms include tremor, and it can cause dizziness during treatment.",
    ],
    ids=["although", "though", "while", "and-the-drug-causes", "and-it-causes"],
)
def test_a_contrast_or_a_new_subject_ends_the_withdrawal_list(
    tmp_path: Path, sentence: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Side Effects")
    assert _objects(extraction, "has_symptom") == {"tremor"}
    assert set(_side_effects(extraction)) == {"dizziness"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Withdrawal symptoms, although uncommon, include tremor and dizziness.",
        "Withdrawal symptoms include tremor, and dizziness may occur within days.",
        "Withdrawal symptoms include tremor while the dose is tapered, and dizziness.",
    ],
    ids=["an-aside", "and-a-symptom-that-occurs", "while-without-comma"],
)
def test_an_aside_or_a_symptom_that_occurs_keeps_the_list_going(
    tmp_path: Path, sentence: str
) -> None:
    extraction = _extract(tmp_path, sentence, heading="Side Effects")
    assert _objects(extraction, "has_symptom") == {"tremor", "dizziness"}
    assert not _side_effects(extraction)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lorazepam should not be withdrawn abruptly in epilepsy.",
        "Lorazepam should not be withdrawn abruptly in patients with epilepsy.",
        "Lorazepam should not be withdrawn abruptly in older patients with epilepsy or insomnia.",
    ],
    ids=["in-condition", "in-patients-with", "coordinated"],
)
def test_the_condition_treated_when_stopping_is_no_withdrawal_symptom(
    tmp_path: Path, sentence: str
) -> None:
    extraction = _extract(tmp_path, sentence)
    assert _objects(extraction, "has_symptom") == set()


@pytest.mark.parametrize(
    ("sentence", "symptoms"),
    [
        ("Stopping lorazepam abruptly in epilepsy may cause agitation.", {"agitation"}),
        ("Stopping lorazepam abruptly may cause seizures and agitation.", {"seizure", "agitation"}),
        (
            "Lorazepam should not be withdrawn abruptly in epilepsy, and agitation may follow.",
            {"agitation"},
        ),
    ],
    ids=["symptom-after-the-population", "symptoms-without-a-population", "comma-ends-it"],
)
def test_symptoms_of_stopping_are_read_past_the_population(
    tmp_path: Path, sentence: str, symptoms: set[str]
) -> None:
    extraction = _extract(tmp_path, sentence)
    assert _objects(extraction, "has_symptom") == symptoms


@pytest.mark.parametrize(
    ("sentence", "rebounds", "symptoms"),
    [
        (
            "Stopping lorazepam abruptly may cause rebound insomnia and anxiety.",
            {"insomnia", "anxiety"},
            set(),
        ),
        (
            "Stopping lorazepam abruptly may cause rebound insomnia and anxiety, whereas"
            " drowsiness is usual during treatment.",
            {"insomnia", "anxiety"},
            set(),
        ),
        (
            "Stopping lorazepam abruptly may cause rebound insomnia, anxiety and tremor.",
            {"insomnia"},
            {"anxiety", "tremor"},
        ),
        (
            "Stopping lorazepam abruptly may cause rebound insomnia and anxiety, and tremor.",
            {"insomnia", "anxiety"},
            {"tremor"},
        ),
    ],
    ids=["pair", "pair-then-contrast", "comma-list", "pair-then-another-item"],
)
def test_a_rebound_covers_a_pair_joined_by_a_bare_and(
    tmp_path: Path, sentence: str, rebounds: set[str], symptoms: set[str]
) -> None:
    extraction = _extract(tmp_path, sentence)
    assert _objects(extraction, "rebound") == rebounds
    assert _objects(extraction, "has_symptom") == symptoms


@pytest.mark.parametrize(
    ("gap", "population"),
    [
        (" in ", True),
        (" in patients with ", True),
        (" in older patients with ", True),
        (" in people treated for ", True),
        (" in severe ", True),
        (" may cause ", False),
        (" in the first week may cause ", False),
        (", ", False),
    ],
)
def test_what_brings_in_the_treated_condition_after_the_stopping(
    gap: str, population: bool
) -> None:
    assert bool(R.WITHDRAWAL_POPULATION.fullmatch(gap)) is population


def test_the_treated_condition_can_come_back_as_a_rebound(tmp_path: Path) -> None:
    # clonidine's classic teaching point: the hypertension it treats returns, worse
    extraction = _extract(
        tmp_path, "Stopping clonidine abruptly in hypertension may cause rebound hypertension."
    )
    assert _objects(extraction, "rebound") == {"hypertension"}
    assert _objects(extraction, "has_symptom") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Withdrawal symptoms include anxiety, tremor and sweating, though seizures are rare.",
        "Stopping diazepam abruptly causes anxiety and tremor, although seizures can also occur.",
    ],
)
def test_a_rare_withdrawal_symptom_after_though_is_still_one(tmp_path: Path, sentence: str) -> None:
    assert "seizure" in _objects(_extract(tmp_path, sentence), "has_symptom")


def test_a_symptom_and_its_rebound_are_both_kept(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Abrupt discontinuation may cause anxiety, insomnia and rebound anxiety."
    )
    assert "anxiety" in _objects(extraction, "has_symptom")
    assert _objects(extraction, "rebound") == {"anxiety"}


def test_what_stopping_the_drug_causes_is_withdrawal_not_a_side_effect(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Lorazepam may cause drowsiness, and stopping it suddenly can cause tremor."
    )
    assert _objects(extraction, "has_side_effect") == {"drowsiness"}
    assert _objects(extraction, "has_symptom") == {"tremor"}


def test_another_way_of_stopping_is_no_symptom(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Abrupt discontinuation or a rapid dose reduction may precipitate acute withdrawal"
        " reactions, including seizures and tremor.",
    )
    assert _objects(extraction, "has_symptom") == {"seizure", "tremor"}


@pytest.mark.parametrize(
    "sentence",
    [
        # what stopping does to another drug's levels, and a side effect that goes away
        "Stopping smoking may cause theophylline levels to rise, leading to nausea.",
        "Stopping treatment caused the rash to resolve within days.",
    ],
)
def test_stopping_that_brings_on_no_withdrawal_lists_no_symptom(
    tmp_path: Path, sentence: str
) -> None:
    assert _objects(_extract(tmp_path, sentence), "has_symptom") == set()


def test_the_treated_illness_coming_back_is_rebound(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "Discontinuation of lithium may precipitate relapse of mania.")
    assert _objects(extraction, "has_symptom") == set()
    assert "mania" in _objects(extraction, "rebound")


def test_a_symptom_named_with_withdrawal_is_a_symptom(tmp_path: Path) -> None:
    extraction = _extract(tmp_path, "Rapid dose reduction may cause withdrawal seizures.")
    assert _objects(extraction, "has_symptom") == {"withdrawal seizures"}


def test_a_condition_said_to_come_back_on_stopping_is_a_rebound_and_its_patients_no_symptom(
    tmp_path: Path,
) -> None:
    path = tmp_path / "gabapentin.txt"
    path.write_text(
        "Gabapentin\n\nStopping it\n\nStopping suddenly can make seizures come back more often "
        "in people with epilepsy.\n",
        encoding="utf-8",
    )
    claims = {
        (c.relation, c.obj.entity.key) for c in extract(read_document(path)).claims if c.obj
    }
    assert claims == {("rebound", "seizure")}
