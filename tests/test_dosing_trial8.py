"""Doses a first reading got wrong: prices, ceilings said with "go above", rates, aged rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.dosing import iter_amounts, parse_dose, read_doses, read_row
from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.model import Claim

# -- a shop's price and pack size are no dose


@pytest.mark.parametrize(
    "line",
    [
        "£3.49 - 28 tablets",
        "Price: $12.00 for 30 capsules",
        "28 sachets, 6.50 EUR",
        "A pack of 56 tablets.",
        "Box of 20 lozenges",
        "Pack size: 100 tablets",
        "There are 28 tablets per pack.",
    ],
)
def test_a_price_or_a_pack_size_is_no_dose(line: str) -> None:
    assert read_doses(line) == []


def test_a_price_is_never_part_of_an_amount() -> None:
    assert [m.group() for m in iter_amounts("€12.50 - 10 sachets")] == ["10 sachets"]
    assert [m.group() for m in iter_amounts("GBP 2 per 5 capsules")] == ["5 capsules"]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        # a dose said beside a price or a pack is still read
        ("Take 2 tablets with water twice a day; a box costs £5.", "2", "tablets"),
        ("Adults: 1 capsule daily.", "1", "capsule"),
        ("Give 1.5 mg at night.", "1.5", "mg"),
    ],
)
def test_a_dose_beside_a_price_is_still_a_dose(sentence: str, value: str, unit: str) -> None:
    (dose,) = read_doses(sentence)
    assert (dose.value_max, dose.unit) == (value, unit)


# -- "should not go above", "must not be infused faster than": ceilings, not lower bounds


@pytest.mark.parametrize(
    ("sentence", "high", "unit", "per"),
    [
        ("The dose should not usually go over 30 mg a day.", "30", "mg", "day"),
        ("Patients must never go above 8 tablets in a day.", "8", "tablets", "day"),
        ("It should not normally be given above 2 g daily.", "2", "g", "day"),
        ("Do not exceed lisinopril 10 mg daily when the kidneys are weak.", "10", "mg", "day"),
        ("The infusion must not be run faster than 3 mg per minute.", "3", "mg per minute", None),
        ("It should be injected no faster than 10 mg/minute.", "10", "mg/minute", None),
    ],
)
def test_a_forbidden_excess_is_a_maximum(
    sentence: str, high: str, unit: str, per: str | None
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.kind, dose.value_min, dose.value_max, dose.comparator) == (
        "maximum",
        None,
        high,
        "le",
    )
    assert (dose.unit, dose.per) == (unit, per)


@pytest.mark.parametrize(
    ("sentence", "kind", "comparator"),
    [
        # an evidence gap is no limit: nobody forbade the higher doses
        ("Doses exceeding 40 mg were not studied.", "usual", "gt"),
        # a need for more is a lower bound
        ("Patients who do not respond may go on to need more than 20 mg daily.", "usual", "gt"),
        # a rate given plainly is the rate itself
        ("The loading dose is infused at 25 mg per minute.", "initial", None),
        # a lower rate limit: "slower than" bounds from above, and forbids nothing
        ("Give it slower than 1 mg per minute.", "maximum", "lt"),
    ],
)
def test_a_comparator_without_a_prohibition_keeps_its_direction(
    sentence: str, kind: str, comparator: str | None
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.kind, dose.comparator) == (kind, comparator)


def test_a_rate_ceiling_keeps_its_population() -> None:
    dose = parse_dose("In adults it must not be infused faster than 50 mg per minute.")
    assert dose is not None
    assert (dose.kind, dose.value_max, dose.population) == ("maximum", "50", "adults")


# -- the drug a dose is limited with is its circumstance


def test_a_maximum_with_another_drug_keeps_that_drug_as_its_circumstance() -> None:
    dose = parse_dose("Never exceed 10 mg a day in patients taking verapamil.")
    assert dose is not None
    assert (dose.kind, dose.value_max) == ("maximum", "10")
    assert dose.circumstance == "in patients taking verapamil"


def test_the_dose_patients_take_already_is_no_circumstance() -> None:
    doses = read_doses("For patients taking 10 mg daily, reduce the dose to 5 mg.")
    assert [(d.value_max, d.circumstance) for d in doses] == [("5", None)]


# -- an age is whom a dose is for, never how long


@pytest.mark.parametrize(
    ("sentence", "population", "age_min", "age_max", "duration"),
    [
        ("Patients over 80 years: 25 mg once daily.", "Patients over 80 years", "80", None, None),
        (
            "People aged 70 and over: 5 mg a day for 10 days.",
            "People aged 70 and over",
            "70",
            None,
            "10 days",
        ),
        (
            "Patients younger than 12 years: 2 mg daily.",
            "Patients younger than 12 years",
            None,
            "12",
            None,
        ),
        ("Older people: 10 mg daily.", "Older people", None, None, None),
        # counter-example: a course has its duration, and no population
        ("Give 5 mg daily for 12 weeks.", None, None, None, "12 weeks"),
    ],
)
def test_an_age_names_the_population(
    sentence: str,
    population: str | None,
    age_min: str | None,
    age_max: str | None,
    duration: str | None,
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.population, dose.age_min_years, dose.age_max_years, dose.duration) == (
        population,
        age_min,
        age_max,
        duration,
    )


HEADER = "| Group | Indication | Dose |"


def test_a_table_row_for_an_age_group_is_a_usual_dose_for_that_group() -> None:
    (dose,) = (
        read_row(
            "| Patients over 80 years | Angina | 25 mg once daily without a loading dose |", HEADER
        )
        or []
    )
    assert (dose.kind, dose.population, dose.age_min_years, dose.duration) == (
        "usual",
        "Patients over 80 years",
        "80",
        None,
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Give 5 mg daily; no loading dose is needed.", "usual"),
        ("Take 10 mg daily without a starting dose.", "usual"),
        # counter-examples: the cue stated, not denied
        ("Give a loading dose of 600 mg.", "initial"),
        ("The starting dose is 10 mg daily.", "initial"),
    ],
)
def test_a_denied_kind_cue_names_no_kind(sentence: str, kind: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert dose.kind == kind


# -- in the graph: whose claim a maximum is, and a dose in a clause after another drug


def dose_claims(tmp_path: Path, *lines: str) -> list[Claim]:
    """Extract a small lorazepam monograph; return its dose and maximum-dose claims."""
    path = tmp_path / "lorazepam.txt"
    path.write_text("Lorazepam\n\nDosage\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return [
        c
        for c in extract(read_document(path)).claims
        if c.relation in {"dose", "maximum_dose"} and c.dose is not None
    ]


def test_each_maximum_keeps_the_hedge_of_its_own_clause(tmp_path: Path) -> None:
    found = dose_claims(
        tmp_path,
        "Some forums claim the maximum is 12 mg a day, but the maximum is usually 10 mg a day.",
    )
    hedges = {c.dose.value_max: c.hedge for c in found if c.dose}
    assert hedges == {"12": "Some forums claim", "10": "usually"}


def test_doses_in_one_clause_share_its_hedge(tmp_path: Path) -> None:
    found = dose_claims(tmp_path, "Adults may take 1 mg at first, then 2 mg daily.")
    assert [(c.dose.value_max, c.hedge) for c in found if c.dose] == [("1", "may"), ("2", "may")]


def test_a_dose_in_a_clause_the_drug_leads_is_read_after_another_drug(tmp_path: Path) -> None:
    found = dose_claims(
        tmp_path, "Verapamil raises the levels; the lorazepam dose should not exceed 2 mg daily."
    )
    assert [(c.relation, c.dose.value_max) for c in found if c.dose] == [("maximum_dose", "2")]


def test_a_dose_of_another_drug_stays_that_drugs(tmp_path: Path) -> None:
    assert dose_claims(tmp_path, "Verapamil 240 mg daily raises the levels of lorazepam.") == []
