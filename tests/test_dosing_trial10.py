"""Doses a fifth reading got wrong: findings read as doses, day-by-day steps, bare tables,
formulary uses, another drug's dose."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.dosing import parse_dose, read_doses, read_row
from graph_builder.dosing.observed import OBSERVED, states_observation
from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.model import Claim

# -- what a study saw at some dose recommends no dose


@pytest.mark.parametrize(("name", "example"), [(name, example) for name, _, example in OBSERVED])
def test_each_observation_rule_reads_its_example(name: str, example: str) -> None:
    assert states_observation(example), name
    assert read_doses(example) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Amounts up to 1200 mg a day have been well tolerated in extension studies.",
        "Further benefit from doses above 40 mg a day was not demonstrated.",
        "Eighteen healthy subjects received itraconazole 200 mg daily or placebo for 5 days.",
    ],
)
def test_a_finding_at_some_dose_is_no_dose(sentence: str) -> None:
    assert read_doses(sentence) == []


def test_a_dose_that_is_well_tolerated_stays_a_dose() -> None:
    doses = read_doses("The usual dose is 300 mg a day; it is well tolerated.")
    assert [(d.value_max, d.per) for d in doses] == [("300", "day")]


# -- a formulary entry's "usual dose" after the dose to start with


def test_a_usual_dose_after_the_starting_dose_is_read_too() -> None:
    text = "Adult: initially 250 mg twice daily; usual dose 500 mg twice daily; max. 2 g per day."
    doses = read_doses(text)
    assert [(d.kind, d.value_max, d.per) for d in doses] == [
        ("initial", "250", "dose"),
        ("maintenance", "500", "dose"),
        ("maximum", "2", "day"),
    ]


def test_a_range_kept_within_gives_its_top_as_the_maximum() -> None:
    text = "The usual dose is 20 mg daily, adjusted within the range 10 mg to 60 mg daily."
    doses = read_doses(text)
    assert [(d.kind, d.value_min, d.value_max, d.comparator) for d in doses] == [
        ("maintenance", "20", "20", None),
        ("maximum", None, "60", "le"),
    ]


# -- a schedule given day by day


def test_each_day_of_a_daily_total_is_a_step_to_start_with() -> None:
    doses = read_doses("The total daily dose is 25 mg on day 1, 50 mg on day 2 and 75 mg on day 3.")
    assert [(d.kind, d.value_max, d.per, d.circumstance) for d in doses] == [
        ("initial", "25", "day", "on day 1"),
        ("initial", "50", "day", "on day 2"),
        ("initial", "75", "day", "on day 3"),
    ]


def test_a_frequency_given_for_all_days_goes_with_each_step() -> None:
    text = "Take it once daily in the evening: 10 mg on day 1, 20 mg on day 2 and 40 mg from day 3."
    doses = read_doses(text)
    assert [(d.value_max, d.times_per_day_max) for d in doses] == [
        ("10", 1),
        ("20", 1),
        ("40", 1),
    ]
    assert [d.kind for d in doses] == ["initial", "initial", "usual"]


def test_each_day_keeps_its_own_frequency() -> None:
    text = (
        "Adults may start with a single 100 mg dose on day 1, 200 mg/day on day 2 (divided "
        "twice daily) and 300 mg/day on day 3 (divided three times daily)."
    )
    doses = read_doses(text)
    assert [(d.value_max, d.per, d.times_per_day_max) for d in doses] == [
        ("100", "dose", None),
        ("200", "day", 2),
        ("300", "day", 3),
    ]
    assert {d.population for d in doses} == {"Adults"}


def test_a_line_labelled_with_its_day_gives_that_days_total() -> None:
    dose = read_doses("Day 2: 150 mg in total, split into three doses.")[0]
    assert (dose.kind, dose.per, dose.divided_into, dose.circumstance) == (
        "initial",
        "day",
        3,
        "Day 2",
    )


def test_a_total_with_no_day_stays_as_it_was() -> None:
    dose = parse_dose("Give 150 mg in total.")
    assert dose is not None and dose.per == "dose"


# -- whom a dose is for


def test_an_age_and_older_is_a_lower_age_limit() -> None:
    dose = parse_dose(
        "For patients 6 years of age and older, the starting dose is 5 mg twice daily."
    )
    assert dose is not None and (dose.age_min_years, dose.age_max_years) == ("6", None)


def test_patients_on_dialysis_are_the_doses_population() -> None:
    dose = parse_dose("Patients receiving haemodialysis should be given an extra 250 mg.")
    assert dose is not None and dose.population == "Patients receiving haemodialysis"


# -- a table written with bars and no rule


def test_a_bare_row_takes_its_unit_and_day_from_the_header() -> None:
    doses = read_row(
        ">=50 | 250 to 1000 | twice daily",
        "Creatinine clearance (mL/min) | Daily dose (mg/day) | Schedule",
    )
    assert doses is not None
    assert [(d.value_min, d.value_max, d.unit, d.per, d.times_per_day_max) for d in doses] == [
        ("250", "1000", "mg", "day", 2)
    ]
    assert doses[0].circumstance is not None and ">=50" in doses[0].circumstance


def test_a_plain_text_table_with_bars_leads_its_rows_with_its_header(tmp_path: Path) -> None:
    path = tmp_path / "levetiracetam.txt"
    path.write_text(
        "Levetiracetam\n\nRenal impairment\n\n"
        "Creatinine clearance (mL/min) | Daily dose (mg/day) | Schedule\n"
        ">80 | 1000 to 3000 | twice daily\n"
        "50 to 79 | 1000 to 2000 | twice daily\n",
        encoding="utf-8",
    )
    rows = [s for s in read_document(path).sentences if s.text.startswith((">80", "50 to"))]
    assert [s.lead_in for s in rows] == [
        "Creatinine clearance (mL/min) | Daily dose (mg/day) | Schedule"
    ] * 2


# -- the use and the drug a dose belongs to


def _doses(tmp_path: Path, name: str, body: str) -> list[Claim]:
    path = tmp_path / f"{name.lower()}.txt"
    path.write_text(f"{name}\n\n{body}\n", encoding="utf-8")
    return [
        c
        for c in extract(read_document(path)).claims
        if c.relation in ("dose", "maximum_dose") and c.dose is not None
    ]


def test_a_formulary_entrys_use_goes_with_its_doses(tmp_path: Path) -> None:
    found = _doses(
        tmp_path,
        "Phenytoin",
        "Indications and dose\n\n"
        "Trigeminal neuralgia; by mouth, adult: initially 100 mg twice daily; max. 400 mg per day.",
    )
    assert len(found) == 2
    assert {c.obj.entity.key if c.obj else None for c in found} == {"trigeminal-neuralgia"}


def test_a_drug_named_in_a_formulary_entrys_use_leads_no_dose(tmp_path: Path) -> None:
    found = _doses(
        tmp_path,
        "Lamotrigine",
        "Indications and dose\n\n"
        "Bipolar disorder unresponsive to lithium; by mouth, adult: initially 25 mg daily; "
        "usual dose 200 mg daily.",
    )
    assert [(c.subject.entity.label, c.dose.value_max) for c in found if c.dose] == [
        ("lamotrigine", "25"),
        ("lamotrigine", "200"),
    ]


def test_a_drug_describing_the_patients_leads_no_dose(tmp_path: Path) -> None:
    found = _doses(
        tmp_path,
        "Morphine",
        "Dosage\n\nAdults: the usual starting dose for opioid-naive patients is 5 mg every 4 hours.",
    )
    assert [(c.subject.entity.label, c.dose.value_max) for c in found if c.dose] == [
        ("morphine", "5")
    ]


def test_a_short_heading_names_the_use_of_the_doses_below_it(tmp_path: Path) -> None:
    found = _doses(
        tmp_path, "Olanzapine", "Schizophrenia: dose titration\n\nThe starting dose is 10 mg a day."
    )
    assert [c.obj.entity.key if c.obj else None for c in found] == ["schizophrenia"]


def test_a_heading_read_whole_beats_a_word_of_it(tmp_path: Path) -> None:
    found = _doses(tmp_path, "Lurasidone", "Bipolar depression\n\nThe usual dose is 40 mg a day.")
    assert [c.obj.entity.key if c.obj else None for c in found] == ["bipolar-depression"]


def test_another_drug_given_at_its_own_amount_owns_that_dose(tmp_path: Path) -> None:
    found = _doses(
        tmp_path,
        "Midazolam",
        "Dosage\n\nIn adults, midazolam is given as 10 mg buccally, and diazepam as 10 mg rectally.\n\n"
        "The intravenous dose of phenobarbital in children is 15 to 20 mg/kg (maximum 1 g per dose).",
    )
    owners = [(c.subject.entity.label, c.relation, c.dose.value_max) for c in found if c.dose]
    assert owners == [
        ("midazolam", "dose", "10"),
        ("diazepam", "dose", "10"),
        ("phenobarbital", "dose", "20"),
        ("phenobarbital", "maximum_dose", "1"),
    ]
