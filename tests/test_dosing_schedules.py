"""Schedules and what is no schedule: findings read as doses, ranges, day-by-day steps, bare
tables, formulary uses, another drug's dose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_builder.dosing import parse_dose, read_doses, read_row
from graph_builder.dosing.observed import OBSERVED, states_observation
from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.model import Claim

# -- what a study saw at some dose recommends no dose


@pytest.mark.parametrize(("name", "example"), [(name, example) for name, _, example, _ in OBSERVED])
def test_each_observation_rule_reads_its_example(name: str, example: str) -> None:
    assert states_observation(example), name
    assert read_doses(example) == []


@pytest.mark.parametrize(("name", "counter"), [(name, counter) for name, _, _, counter in OBSERVED])
def test_each_observation_rule_keeps_the_dose_its_sentence_recommends(
    name: str, counter: str
) -> None:
    first = re.search(r"\d+", counter)
    assert first is not None and states_observation(counter), name
    assert [d.value_max for d in read_doses(counter)] == [first.group()], name


@pytest.mark.parametrize(
    ("sentence", "dose"),
    [
        ("The advised dose is 30 mg once a day; benefit above 30 mg has not been shown.", "30"),
        ("Adults usually take 2 mg daily; doses up to 6 mg a day were well tolerated.", "2"),
    ],
)
def test_a_finding_in_a_later_clause_leaves_the_dose_before_it(sentence: str, dose: str) -> None:
    assert [d.value_max for d in read_doses(sentence)] == [dose]


@pytest.mark.parametrize(
    "sentence",
    [
        "In long extension studies, amounts up to 1200 mg daily were well tolerated.",
        "Further benefit from doses above 40 mg a day was not demonstrated.",
        "Eighteen healthy subjects received itraconazole 200 mg daily or placebo for 5 days.",
    ],
)
def test_a_finding_at_some_dose_is_no_dose(sentence: str) -> None:
    assert read_doses(sentence) == []


def test_a_dose_that_is_well_tolerated_stays_a_dose() -> None:
    doses = read_doses("Most adults take 250 mg a day; it is well tolerated.")
    assert [(d.value_max, d.per) for d in doses] == [("250", "day")]


# -- a formulary entry's "usual dose" after the dose to start with


def test_a_usual_dose_after_the_starting_dose_is_read_too() -> None:
    text = "Adult: initially 250 mg twice daily; usual dose 500 mg twice daily; max. 2 g per day."
    doses = read_doses(text)
    assert [(d.kind, d.value_max, d.per) for d in doses] == [
        ("initial", "250", "dose"),
        ("maintenance", "500", "dose"),
        ("maximum", "2", "day"),
    ]


def test_a_range_adjusted_within_gives_its_top_as_the_maximum_and_keeps_its_low_end() -> None:
    text = "The usual dose is 20 mg daily, adjusted within the range 10 mg to 60 mg daily."
    doses = read_doses(text)
    assert [(d.kind, d.value_min, d.value_max, d.comparator) for d in doses] == [
        ("maintenance", "20", "20", None),
        ("maximum", "10", "60", "le"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The maintenance dose usually lies in the range of 2-4 mg daily.",
        "A maintenance dose within the range of 2 to 4 mg daily suffices for most adults.",
    ],
)
def test_a_range_a_dose_is_in_keeps_both_ends(text: str) -> None:
    doses = read_doses(text)
    assert [(d.kind, d.value_min, d.value_max, d.comparator) for d in doses] == [
        ("maintenance", "2", "4", None)
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
        "Adults can begin on one 75 mg dose on day 1, 150 mg/day on day 2 (split twice "
        "daily) and 225 mg/day on day 3 (split three times daily)."
    )
    doses = read_doses(text)
    assert [(d.value_max, d.per, d.times_per_day_max) for d in doses] == [
        ("75", "dose", None),
        ("150", "day", 2),
        ("225", "day", 3),
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
    dose = parse_dose("In patients 6 years of age and older, treatment starts at 5 mg twice daily.")
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
        "Pregabalin",
        "Indications and dose\n\n"
        "Postherpetic neuralgia; by mouth, adult: to start 75 mg twice a day; max. 600 mg per day.",
    )
    assert len(found) == 2
    assert {c.obj.entity.key if c.obj else None for c in found} == {"postherpetic-neuralgia"}


def test_a_drug_named_in_a_formulary_entrys_use_leads_no_dose(tmp_path: Path) -> None:
    found = _doses(
        tmp_path,
        "Olanzapine",
        "Indications and dose\n\n"
        "Mania not controlled by lithium alone; by mouth, adult: initially 10 mg daily; "
        "usual dose 15 mg daily.",
    )
    assert [(c.subject.entity.label, c.dose.value_max) for c in found if c.dose] == [
        ("olanzapine", "10"),
        ("olanzapine", "15"),
    ]


def test_a_drug_describing_the_patients_leads_no_dose(tmp_path: Path) -> None:
    found = _doses(
        tmp_path,
        "Tapentadol",
        "Dosage\n\nIn adults who are opioid-naive, treatment begins with 50 mg every 6 hours.",
    )
    assert [(c.subject.entity.label, c.dose.value_max) for c in found if c.dose] == [
        ("tapentadol", "50")
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
