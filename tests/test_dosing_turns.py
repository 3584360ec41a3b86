"""Doses a patient leaflet or handbook states, told from strengths, conditions and exposures."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.dosing import parse_dose, read_doses
from graph_builder.model import Dose

Row = tuple[str, str | None, str | None, str | None]


def _read(sentence: str) -> list[Row]:
    return [(d.kind, d.value_max, d.per, d.population) for d in read_doses(sentence)]


# --- the strength of a product is no dose


@pytest.mark.parametrize(
    "sentence",
    [
        "Enalapril 20 mg tablets",
        "Ramipril 2.5 mg hard capsules: package leaflet",
        "Each capsule contains 40 mg of esomeprazole (as magnesium).",
        "Each 10 mL contains 125 mg of amoxicillin.",
        "The medicine is available as 25 mg and 50 mg film-coated tablets.",
        "Supplied as 100 mg dispersible tablets in blister packs.",
    ],
)
def test_a_products_strength_is_no_dose(sentence: str) -> None:
    assert read_doses(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # taking one unit of a strength is a dose
        ("Take one 20 mg tablet once daily.", [("usual", "20", "dose", None)]),
        ("The usual dose is two 500 mg capsules.", [("maintenance", "500", "dose", None)]),
        # a strength with a schedule says what to take
        ("Adults: 10 mL twice daily.", [("usual", "10", "dose", "Adults")]),
    ],
)
def test_a_dose_that_names_a_unit_of_the_product_stays_a_dose(
    sentence: str, expected: list[Row]
) -> None:
    assert _read(sentence) == expected


# --- doses in turn: the one after "and then" is kept for good


def test_the_dose_after_and_then_is_the_maintenance_dose() -> None:
    sentence = "After a stroke the usual dose is 2 mg on day one, and then 4 mg once a day."
    assert _read(sentence) == [("initial", "2", "dose", None), ("maintenance", "4", "dose", None)]


def test_a_first_dose_named_maintenance_stays_maintenance() -> None:
    sentence = "The maintenance dose is 50 mg daily, then 25 mg daily for a further week."
    assert [d.kind for d in read_doses(sentence)] == ["maintenance", "maintenance"]


@pytest.mark.parametrize(
    ("sentence", "per"),
    [
        # a time after an event is no day
        ("Give 300 mg within 24 hours of the first symptoms.", "dose"),
        ("Give 300 mg within 24 hours after surgery.", "dose"),
        # the day as a span stays a day
        ("Do not take more than 300 mg within 24 hours.", "day"),
    ],
)
def test_24_hours_of_an_event_is_a_time_not_a_day(sentence: str, per: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert dose.per == per


# --- the dose patients already take is a condition, the changed one the dose


def test_a_reduced_dose_for_patients_on_a_dose_is_the_reduced_one() -> None:
    sentence = (
        "In patients taking warfarin 10 mg daily, lower the dose to 5 mg daily when "
        "given together with fluconazole."
    )
    doses = read_doses(sentence)
    assert [(d.value_max, d.per) for d in doses] == [("5", "day")]
    assert doses[0].circumstance == "when given together with fluconazole"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # no other dose follows: the dose the patients took is the one read
        ("Nausea occurred in 4 patients on 30 mg daily.", "30"),
        # exposure in a trial is no change of dose
        ("Headache was seen in patients receiving 20 mg daily and in 3% on 40 mg daily.", "20"),
    ],
)
def test_a_dose_named_without_a_change_is_still_read(sentence: str, value: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert dose.value_max == value


# --- a clause of its own for another population


def test_each_clause_keeps_its_own_population() -> None:
    sentence = (
        "The usual adult starting dose is 300 mg daily at bedtime; elderly patients "
        "often need 150 mg daily or less."
    )
    doses = read_doses(sentence)
    assert [(d.kind, d.value_max, d.comparator, d.population) for d in doses] == [
        ("initial", "300", None, "adult"),
        ("maximum", "150", "le", "elderly"),
    ]


def test_a_second_clause_without_a_population_is_no_new_dose() -> None:
    sentence = "Adults: initially 5 mg daily; 10 mg daily may be used."
    assert [d.value_max for d in read_doses(sentence)] == ["5"]


# --- a labelled line names the population of all its doses


@pytest.mark.parametrize(
    ("sentence", "population", "ages"),
    [
        (
            "Child 12-17 years: Initially 10 mg daily; maximum 40 mg per day.",
            "Child 12-17 years",
            ("12", "17"),
        ),
        ("Adult: 20 mg once daily; maximum 60 mg per day.", "Adult", (None, None)),
        ("Adolescent: 5 mg twice daily; max. 20 mg daily.", "Adolescent", (None, None)),
    ],
)
def test_a_labelled_line_gives_each_dose_its_population(
    sentence: str, population: str, ages: tuple[str | None, str | None]
) -> None:
    doses = read_doses(sentence)
    assert len(doses) == 2
    assert all(d.population == population for d in doses)
    assert all((d.age_min_years, d.age_max_years) == ages for d in doses)


def test_child_bearing_names_no_child() -> None:
    dose = parse_dose("Women of child-bearing potential: 5 mg daily.")
    assert dose is not None
    assert dose.population is None


# --- durations with the words that bound them


@pytest.mark.parametrize(
    ("sentence", "duration"),
    [
        ("Take 20 mg twice daily for the first 5 days.", "the first 5 days"),
        ("Apply 1 g daily for no longer than 2 weeks.", "no longer than 2 weeks"),
        ("Give 50 mg daily for up to 6 weeks.", "up to 6 weeks"),
        ("Give 50 mg daily for 21 days.", "21 days"),
        # an age is no duration
        ("Adults over 65 years: 5 mg daily.", None),
    ],
)
def test_a_dose_keeps_how_long_it_is_given(sentence: str, duration: str | None) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert dose.duration == duration


def test_an_exposure_for_at_least_some_months_starts_no_course() -> None:
    assert parse_dose("Of these, 400 took part for at least 6 months.") is None


def test_a_course_for_a_plain_span_is_read() -> None:
    dose = parse_dose("Continue treatment for 10 days.")
    assert dose == Dose(kind="course", duration="10 days")


# --- a dose table: each column's header names its kind, each row's label its population

_TABLE = (
    "| Patients | Initial dose | Usual maintenance | Maximum | |---|---|---|---| "
    "| Adults, migraine | 25 mg daily | 50-100 mg daily | 200 mg daily | "
    "| Children 6-11 years | 10 mg daily | 20 mg daily | |"
)


def test_a_table_reads_each_cell_with_its_column_and_row() -> None:
    from graph_builder.dosing import read_table

    rows = read_table(_TABLE)
    assert rows is not None
    assert [(d.kind, d.value_min, d.value_max, d.population) for _, _, d in rows] == [
        ("initial", "25", "25", "Adults"),
        ("maintenance", "50", "100", "Adults"),
        ("maximum", "200", "200", "Adults"),
        ("initial", "10", "10", "Children 6-11 years"),
        ("maintenance", "20", "20", "Children 6-11 years"),
    ]
    # each dose keeps the span of its own row
    first_row, last_row = rows[0], rows[-1]
    assert "migraine" in _TABLE[first_row[0] : first_row[1]]
    assert "migraine" not in _TABLE[last_row[0] : last_row[1]]


def test_the_first_column_of_a_table_is_no_maximum() -> None:
    from graph_builder.dosing import read_table

    rows = read_table(_TABLE)
    assert rows is not None
    assert rows[0][2].kind != "maximum"


@pytest.mark.parametrize(
    "text",
    [
        # no header separator: a line with bars is no table
        "Adults | 10 mg daily | 20 mg daily",
        # a header that does not fit its separator
        "| Dose | |---|---| | 10 mg | 20 mg |",
    ],
)
def test_text_without_a_table_header_is_no_table(text: str) -> None:
    from graph_builder.dosing import read_table

    assert read_table(text) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # "presented in" a table, and an amount a day, are no strength
        "Reactions in patients given 300 mg daily are presented in Table 2.",
        "The 40 mg/day tablets group had more nausea.",
    ],
)
def test_an_amount_a_day_is_no_strength(sentence: str) -> None:
    assert read_doses(sentence) != []


def test_a_dose_lines_label_names_its_use_or_the_patients_it_is_for(tmp_path: Path) -> None:
    from graph_builder.extract import extract
    from graph_builder.ingest import read_document

    path = tmp_path / "lisinopril.txt"
    path.write_text(
        "Lisinopril\n\nDosage\n\nHigh blood pressure: the usual starting dose is 10 mg once a "
        "day.\n\nRenal impairment: the starting dose is 2.5 mg once a day.\n",
        encoding="utf-8",
    )
    doses = {
        (c.dose.value_max, c.obj.entity.label if c.obj else None, c.dose.population)
        for c in extract(read_document(path)).claims
        if c.dose is not None
    }
    assert doses == {("10", "hypertension", None), ("2.5", None, "Renal impairment")}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Up to a maximum of 3,600 mg a day in three divided doses.", "3600"),
        ("The dose is 2,5 mg twice daily.", "2.5"),
    ],
)
def test_a_thousands_separator_is_no_decimal_comma(sentence: str, value: str) -> None:
    assert [d.value_max for d in read_doses(sentence)] == [value]


def test_a_label_that_is_no_use_gives_the_dose_no_indication(tmp_path: Path) -> None:
    from graph_builder.extract import extract
    from graph_builder.ingest import read_document

    path = tmp_path / "lisinopril.txt"
    path.write_text(
        "Lisinopril\n\nDosage\n\nHeadache: this is common at 10 mg.\n\n"
        "Overdose: more than 200 mg may be dangerous.\n",
        encoding="utf-8",
    )
    claims = [c for c in extract(read_document(path)).claims if c.dose is not None]
    assert claims and all(c.obj is None for c in claims)
