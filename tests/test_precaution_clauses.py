"""Which clause's advice rules a patient group: a caution, a contraindication, or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.extract.advice import advice_clauses
from graph_builder.ingest import read_document

CAUTION = "caution_in"
CONTRAINDICATED = "contraindicated_in"


def advice(tmp_path: Path, sentence: str) -> dict[str, set[str]]:
    """Extract a one-sentence clonazepam precaution; map each group to its asserted advice."""
    path = tmp_path / "clonazepam.txt"
    path.write_text(f"Clonazepam\n\nPrecautions\n\n{sentence}\n", encoding="utf-8")
    found: dict[str, set[str]] = {}
    for claim in extract(read_document(path)).claims:
        if claim.relation in (CAUTION, CONTRAINDICATED) and claim.obj and not claim.negated:
            found.setdefault(claim.obj.entity.key, set()).add(claim.relation)
    return found


# ---------------------------------------------------------------- a clause with a verdict of its own


@pytest.mark.parametrize(
    "sentence",
    [
        "Avoid clonazepam in pregnancy; breastfeeding is fine unless the infant is premature.",
        "Avoid clonazepam in pregnancy, and breastfeeding is fine unless the infant is premature.",
        "Avoid clonazepam in pregnancy, breastfeeding is fine unless the infant is premature.",
        "Avoid it in pregnancy, but breastfeeding is considered safe.",
        "Clonazepam must not be used in pregnancy, although it appears safe in breastfeeding.",
        "Do not give it in pregnancy, whereas breastfeeding poses little risk.",
    ],
    ids=["semicolon", "comma-and", "comma-splice", "comma-but", "although", "whereas"],
)
def test_a_clause_with_its_own_verdict_borrows_no_prohibition(
    tmp_path: Path, sentence: str
) -> None:
    # "fine unless the infant is premature" permits breastfeeding: no advice, not even a caution
    assert advice(tmp_path, sentence) == {"pregnancy": {CONTRAINDICATED}}


def test_a_clause_with_its_own_verdict_borrows_no_caution(tmp_path: Path) -> None:
    found = advice(
        tmp_path, "Use it with caution in the elderly, but kidney disease does not change the dose."
    )
    assert found == {"older-adults": {CAUTION}}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Avoid clonazepam in pregnancy and breastfeeding.",
            {"pregnancy": {CONTRAINDICATED}, "breastfeeding": {CONTRAINDICATED}},
        ),
        (
            "It is contraindicated in pregnancy, breastfeeding and severe hepatic impairment.",
            {
                "pregnancy": {CONTRAINDICATED},
                "breastfeeding": {CONTRAINDICATED},
                "liver-disease": {CONTRAINDICATED},
            },
        ),
        (
            "Use it with caution in the elderly and in patients with renal impairment.",
            {"older-adults": {CAUTION}, "kidney-disease": {CAUTION}},
        ),
        (
            "Avoid clonazepam in pregnancy, and in women who are breastfeeding.",
            {"pregnancy": {CONTRAINDICATED}, "breastfeeding": {CONTRAINDICATED}},
        ),
        # a clause with a verb still takes the advice that goes on with its subject ...
        (
            "Older adults are more sensitive to sedation and should be given it with caution.",
            {"older-adults": {CAUTION}},
        ),
        (
            "Clonazepam has not been tested in severe liver disease and therefore is not"
            " recommended there.",
            {"liver-disease": {CONTRAINDICATED}},
        ),
        # ... or that points back at the group it named
        (
            "Drowsiness may last longer in the elderly, and caution is advised in this population.",
            {"older-adults": {CAUTION}},
        ),
    ],
    ids=[
        "and",
        "list",
        "and-in",
        "relative-clause",
        "same-subject",
        "and-therefore",
        "refers-back",
    ],
)
def test_groups_of_one_piece_of_advice_share_it(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


def test_a_symptom_clause_takes_no_advice_that_does_not_point_back(tmp_path: Path) -> None:
    assert advice(tmp_path, "Insomnia and tremor can occur, and caution is advised.") == {}


# ---------------------------------------------------------------- a lead-in cut off by a semicolon


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In pregnancy; use with caution.", {"pregnancy": {CAUTION}}),
        ("During breastfeeding; avoid.", {"breastfeeding": {CONTRAINDICATED}}),
        (
            "In patients with severe liver disease; clonazepam should be avoided.",
            {"liver-disease": {CONTRAINDICATED}},
        ),
        ("Elderly patients; use it with caution.", {"older-adults": {CAUTION}}),
        # a colon joins them already
        ("In pregnancy: use with caution.", {"pregnancy": {CAUTION}}),
        # a list going on after a semicolon
        (
            "Use it with caution in heart failure; and (2) in the elderly.",
            {"older-adults": {CAUTION}},
        ),
    ],
    ids=["in", "during", "patients-with", "patients", "colon", "list-goes-on"],
)
def test_a_lead_in_takes_the_advice_after_its_semicolon(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    found = advice(tmp_path, sentence)
    assert {k: v for k, v in found.items() if k in expected} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a full clause before the semicolon
        ("Insomnia can occur; use it with caution.", {}),
        ("In pregnancy, clonazepam is well studied; use it with caution.", {}),
        # no preposition and no patients: a list of symptoms, not a lead-in
        ("Insomnia and seizures; use with caution.", {}),
        # the advice after the semicolon has an object of its own
        ("During breastfeeding; avoid alcohol.", {}),
        ("In pregnancy; use with caution in the elderly.", {"older-adults": {CAUTION}}),
        # the phrase leads in the clause after it, not the list before it
        (
            "Use it with caution in the elderly; in children, its safety is unknown.",
            {"older-adults": {CAUTION}},
        ),
    ],
    ids=["clause", "lead-in-and-clause", "bare-names", "own-object", "object-after", "leads-on"],
)
def test_no_advice_crosses_a_semicolon_but_a_lead_ins(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


# ---------------------------------------------------------------- where a piece of advice ends


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            "Avoid it in pregnancy, breastfeeding is fine.",
            ["Avoid it in pregnancy", ", breastfeeding is fine."],
        ),
        # a phrase or a clause that leads in the main clause is not cut off from it
        ("In pregnancy, it should be avoided.", ["In pregnancy, it should be avoided."]),
        (
            "Unless no alternative exists, it must not be given.",
            ["Unless no alternative exists, it must not be given."],
        ),
        # a relative clause is no new subject
        (
            "Avoid it in pregnancy, women who are nursing, and children.",
            ["Avoid it in pregnancy, women who are nursing, and children."],
        ),
    ],
    ids=["comma-splice", "lead-in", "exception-first", "relative"],
)
def test_a_new_subject_after_a_comma_starts_new_advice(sentence: str, pieces: list[str]) -> None:
    assert [sentence[a:b] for a, b in advice_clauses(sentence)] == pieces


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kidney disease requires particular caution.", {"kidney-disease": {CAUTION}}),
        ("Use in the elderly warrants caution.", {"older-adults": {CAUTION}}),
        ("Kidney disease requires no caution.", {}),
    ],
    ids=["requires", "warrants", "requires-no"],
)
def test_a_group_that_requires_caution(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


# ---------------------------------------------------------------- a caution verb starts a clause


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Clonazepam is contraindicated in pregnancy, nursing mothers need caution.",
            {"pregnancy": {CONTRAINDICATED}, "breastfeeding": {CAUTION}},
        ),
        (
            "It is contraindicated in severe liver disease, older adults require caution.",
            {"liver-disease": {CONTRAINDICATED}, "older-adults": {CAUTION}},
        ),
        (
            "Clonazepam must not be used in pregnancy, use in children calls for caution.",
            {"pregnancy": {CONTRAINDICATED}, "children": {CAUTION}},
        ),
        (
            "Avoid it during pregnancy, use in breastfeeding warrants caution.",
            {"pregnancy": {CONTRAINDICATED}, "breastfeeding": {CAUTION}},
        ),
        # a lead-in before the comma is not cut off from its clause
        ("In pregnancy, its use requires caution.", {"pregnancy": {CAUTION}}),
    ],
    ids=["need", "require", "calls-for", "warrants", "lead-in"],
)
def test_a_caution_after_a_comma_rules_only_its_own_group(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


def test_a_caution_verb_is_a_clause_verb() -> None:
    # one list of verbs decides both where a new subject starts and what a clause is
    sentence = "It is contraindicated in asthma, the elderly need caution."
    pieces = [sentence[a:b] for a, b in advice_clauses(sentence)]
    assert pieces == ["It is contraindicated in asthma", ", the elderly need caution."]


# ---------------------------------------------------------------- a reason clause inside a list


@pytest.mark.parametrize(
    "sentence",
    [
        "Avoid clonazepam in pregnancy, because it may harm the infant, and in nursing mothers.",
        "Avoid it in pregnancy, since birth defects can occur, and during breastfeeding.",
        "It should not be given in pregnancy, as the baby may be sedated, or to nursing mothers.",
    ],
    ids=["because", "since", "as-or"],
)
def test_a_reason_clause_does_not_swallow_the_next_list_item(tmp_path: Path, sentence: str) -> None:
    found = advice(tmp_path, sentence)
    assert found == {"pregnancy": {CONTRAINDICATED}, "breastfeeding": {CONTRAINDICATED}}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what the reason clause names itself is no item of the list
        (
            "Avoid it in pregnancy, as it may worsen asthma, and in nursing mothers.",
            {"pregnancy": {CONTRAINDICATED}, "breastfeeding": {CONTRAINDICATED}},
        ),
        # a clause with a verdict of its own after the reason takes none
        (
            "Avoid it in pregnancy, as it may harm the infant, and breastfeeding is fine.",
            {"pregnancy": {CONTRAINDICATED}},
        ),
    ],
    ids=["reason-object", "own-verdict"],
)
def test_a_reason_clause_keeps_its_own_words(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


def test_a_reason_clause_ends_before_the_list_goes_on() -> None:
    sentence = "Avoid it in pregnancy, as it may harm the infant, and in nursing mothers."
    assert [sentence[a:b] for a, b in advice_clauses(sentence)] == [
        "Avoid it in pregnancy",
        ", as it may harm the infant",
        ", and in nursing mothers.",
    ]


# ---------------------------------------------------------------- "do not" that prohibits nothing


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "give up" is stopping the drug: the opposite of a prohibition
        ("Do not give up clonazepam in pregnancy without speaking to your doctor.", {}),
        ("Do not take up clonazepam again in the elderly.", {}),
        # a limit on how long, not a prohibition
        ("Do not take clonazepam for longer than four weeks in the elderly.", {}),
        ("It should not be used for more than two weeks in children.", {}),
        # a prohibition your doctor may lift: a caution, like "unless the doctor finds it needed"
        (
            "Do not use clonazepam in pregnancy without first consulting your doctor.",
            {"pregnancy": {CAUTION}},
        ),
        (
            "Do not take it while breastfeeding without asking your doctor.",
            {"breastfeeding": {CAUTION}},
        ),
        # ... and a plain prohibition is still one
        ("Do not take clonazepam in pregnancy.", {"pregnancy": {CONTRAINDICATED}}),
        ("Do not give this medicine to children under 6.", {"children": {CONTRAINDICATED}}),
        ("Do not administer it to nursing mothers.", {"breastfeeding": {CONTRAINDICATED}}),
    ],
    ids=[
        "give-up",
        "take-up",
        "longer-than",
        "more-than",
        "without-consulting",
        "without-asking",
        "take",
        "give",
        "administer",
    ],
)
def test_do_not_prohibits_only_the_use_itself(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a duration in a relative clause limits nothing the advice says
        (
            "Avoid clonazepam in patients who have had liver disease for more than a year.",
            {"liver-disease": {CONTRAINDICATED}},
        ),
        # "contraindicated" stays a contraindication, whatever duration follows
        (
            "It is contraindicated in pregnancy for more than a few days.",
            {"pregnancy": {CONTRAINDICATED}},
        ),
    ],
    ids=["relative-clause", "contraindicated"],
)
def test_what_is_still_a_prohibition(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


def test_a_doctor_asked_before_stopping_softens_no_use(tmp_path: Path) -> None:
    # it is stopping that needs the doctor, not taking it: no caution for taking it
    found = advice(
        tmp_path, "Clonazepam should not be stopped in pregnancy without consulting your doctor."
    )
    assert CAUTION not in found.get("pregnancy", set())


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        # a reason clause that opens the sentence leads in the main clause: no list goes on
        (
            "Because it may harm the infant, avoid it in pregnancy, and in nursing mothers.",
            ["Because it may harm the infant, avoid it in pregnancy, and in nursing mothers."],
        ),
        # a comma just before a clause that starts already leaves no piece of its own
        (
            "Avoid it in pregnancy, although nursing mothers may take it.",
            ["Avoid it in pregnancy, ", "although nursing mothers may take it."],
        ),
    ],
    ids=["reason-first", "no-sliver"],
)
def test_where_no_new_piece_starts(sentence: str, pieces: list[str]) -> None:
    assert [sentence[a:b] for a, b in advice_clauses(sentence)] == pieces


# ---------------------------------------------------------------- a caution verb needs its object


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "special needs" ends a list item: a noun, not the verb of a new clause
        (
            "Give clonazepam with caution to the elderly, children with special needs, and"
            " nursing mothers.",
            {"older-adults": {CAUTION}, "children": {CAUTION}, "breastfeeding": {CAUTION}},
        ),
        (
            "Use it with caution in children with learning needs or in pregnancy.",
            {"children": {CAUTION}, "pregnancy": {CAUTION}},
        ),
        # ... while "needs" with its object still starts a clause of its own
        (
            "It is contraindicated in pregnancy, the frail elderly needs close monitoring.",
            {"pregnancy": {CONTRAINDICATED}, "older-adults": {CAUTION}},
        ),
    ],
    ids=["needs-comma", "needs-or", "needs-object"],
)
def test_a_need_without_an_object_is_a_noun(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


# ---------------------------------------------------------------- prohibitions of something else


@pytest.mark.parametrize(
    "sentence",
    [
        # taking a patch off or giving a drug up, a few words after the verb
        "Do not take your skin patch off during pregnancy.",
        "Do not take clonazepam off abruptly in the elderly.",
        "Do not give the tablets up suddenly while breastfeeding.",
        # a limit on the dose, which the dose reader records as a maximum for the group
        "Do not take more than three tablets a day in kidney disease.",
        "Do not give more than 2 mg daily to the elderly.",
        "Clonazepam should not be taken in doses higher than 1 mg in liver disease.",
        # stopping or changing the drug is not using it
        "Clonazepam should not be discontinued suddenly in pregnancy.",
        "It must not be withdrawn abruptly in the elderly.",
        "The dose should not be changed during breastfeeding.",
        "You should not stop taking it in pregnancy, as fits may come back.",
    ],
    ids=[
        "patch-off",
        "take-off",
        "give-up",
        "more-tablets",
        "more-mg",
        "doses-higher",
        "discontinued",
        "withdrawn",
        "changed",
        "stop-taking",
    ],
)
def test_advice_on_how_to_take_or_stop_prohibits_no_use(tmp_path: Path, sentence: str) -> None:
    assert advice(tmp_path, sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "up to" an age and "more than" a condition name the group, not a dose or a stop
        ("Do not give it to infants up to 2 years old.", {"infants": {CONTRAINDICATED}}),
        (
            "Avoid it in patients with more than one episode of liver disease.",
            {"liver-disease": {CONTRAINDICATED}},
        ),
        ("It should not be used in pregnancy.", {"pregnancy": {CONTRAINDICATED}}),
        ("It must not be given to nursing mothers.", {"breastfeeding": {CONTRAINDICATED}}),
    ],
    ids=["up-to-age", "more-than-group", "should-not-be-used", "must-not-be-given"],
)
def test_prohibitions_of_use_stay_prohibitions(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    assert advice(tmp_path, sentence) == expected


# ---------------------------------------------------------------- "unless your doctor says so"


@pytest.mark.parametrize(
    "sentence",
    [
        "Do not take clonazepam during pregnancy unless your doctor tells you to.",
        "Do not use it in pregnancy unless your physician has advised it.",
        "It should not be taken in pregnancy unless directed by a doctor.",
        "Clonazepam should not be used during pregnancy unless advised by your doctor.",
    ],
    ids=["tells", "has-advised", "directed-by", "advised-by"],
)
def test_a_use_the_doctor_may_order_is_a_caution(tmp_path: Path, sentence: str) -> None:
    assert advice(tmp_path, sentence) == {"pregnancy": {CAUTION}}


def test_a_doctor_ordering_a_stop_softens_no_use(tmp_path: Path) -> None:
    found = advice(tmp_path, "Do not stop clonazepam in pregnancy unless your doctor tells you to.")
    assert found == {}
