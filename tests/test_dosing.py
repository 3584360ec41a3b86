"""Dose amounts as labels write them: ranges, units per kilogram, counts a day, ages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDF

from graph_builder.dosing import parse_dose
from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.rdf import to_rdf
from graph_builder.validate import validate_graph
from graph_builder.vocabulary import DKG, SCHEMA


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        # a range that names its unit twice
        ("The usual dose is 50 mg to 100 mg every 4 to 6 hours.", "50", "100", "mg"),
        ("Give 0.5 mg - 1 mg at night.", "0.5", "1", "mg"),
        # an amount per kilogram keeps its "/kg"
        ("Children: 250-500 micrograms/kg three times daily.", "250", "500", "micrograms/kg"),
        ("Infants: 10 mg per kg once daily.", "10", "10", "mg per kg"),
    ],
)
def test_the_amount_keeps_both_ends_and_its_whole_unit(
    text: str, low: str, high: str, unit: str
) -> None:
    dose = parse_dose(text)
    assert dose is not None
    assert (dose.value_min, dose.value_max, dose.unit) == (low, high, unit)


def test_two_or_three_times_a_day_is_two_to_three_doses() -> None:
    dose = parse_dose("Start with 500 mg two or three times a day.")
    assert dose is not None
    assert (dose.times_per_day_min, dose.times_per_day_max) == (2, 3)


def test_an_age_is_no_duration() -> None:
    dose = parse_dose("Adults over 75 years: no more than 300 mg a day.")
    assert dose is not None
    assert dose.duration is None
    assert dose.age_min_years == "75"


# --- a maximum in a later clause bounds the sentence's dose; the dose itself is no maximum


def _read(sentence: str) -> list[tuple[str, str | None, str | None, str | None]]:
    from graph_builder.dosing import read_doses

    return [(d.kind, d.value_max, d.unit, d.per) for d in read_doses(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The usual dose is 20 mg three times daily (max. 90 mg per day).",
            [("maintenance", "20", "mg", "dose"), ("maximum", "90", "mg", "day")],
        ),
        (
            "Adults: 2.5 mg once daily; max. 15 mg daily.",
            [("usual", "2.5", "mg", "dose"), ("maximum", "15", "mg", "day")],
        ),
        # a maximum a dose where the clause says so
        (
            "Infants: 15 mg/kg every 6 hours (max. 500 mg per dose).",
            [("usual", "15", "mg/kg", "dose"), ("maximum", "500", "mg", "dose")],
        ),
        (
            "Older patients: initially 1 mg once daily, max. 4 mg once daily.",
            [("initial", "1", "mg", "dose"), ("maximum", "4", "mg", "dose")],
        ),
        (
            "Give 3 mg/kg (up to 200 mg) by slow injection.",
            [("usual", "3", "mg/kg", "dose"), ("maximum", "200", "mg", "dose")],
        ),
    ],
    ids=[
        "max-in-brackets",
        "max-after-semicolon",
        "max-per-dose",
        "comma-max",
        "up-to-in-brackets",
    ],
)
def test_only_the_bound_after_max_is_a_maximum(
    sentence: str, expected: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    assert _read(sentence) == expected


def test_a_later_count_of_doses_makes_no_maximum_of_the_dose() -> None:
    # "max. 3 doses" bounds how often, not how much: the 10 mL is no maximum
    assert _read("Children: 10 mL every 6 hours if needed; max. 3 doses a day.") == [
        ("usual", "10", "ml", "dose")
    ]


# --- infusion rates keep their time in the unit


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        (
            "Infuse at 3 to 10 micrograms/kg/minute, adjusted to blood pressure.",
            "3",
            "10",
            "micrograms/kg/minute",
        ),
        ("Run the infusion at 0.2 mg/kg/h.", "0.2", "0.2", "mg/kg/h"),
        ("Give 2 mg per minute until the rhythm settles.", "2", "2", "mg per minute"),
        ("The pump delivers 4 mL/hour.", "4", "4", "ml/hour"),
        ("Continue at 12 units/kg/hour.", "12", "12", "units/kg/hour"),
    ],
    ids=["mcg-kg-minute", "mg-kg-h", "mg-per-minute", "ml-hour", "units-kg-hour"],
)
def test_a_rate_keeps_its_time_and_is_neither_per_dose_nor_per_day(
    sentence: str, low: str, high: str, unit: str
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.value_min, dose.value_max, dose.unit, dose.per) == (low, high, unit, None)


@pytest.mark.parametrize(
    ("sentence", "unit", "per"),
    [
        # an amount a day is a daily dose, no rate
        ("Children: 30 mg/kg/day in three doses.", "mg/kg", "day"),
        ("Take 6 mg/day.", "mg", "day"),
    ],
    ids=["mg-kg-day", "mg-day"],
)
def test_an_amount_a_day_is_no_rate(sentence: str, unit: str, per: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.unit, dose.per) == (unit, per)


@pytest.mark.parametrize(
    "sentence",
    [
        "Avoid it when creatinine clearance is below 40 mL/min.",
        "Halve the dose if the eGFR is 15 to 29 mL/min/1.73 m2",
        "Not for patients whose clearance is under 25 mL per minute.",
    ],
    ids=["crcl-ml-min", "egfr", "ml-per-minute"],
)
def test_a_clearance_is_no_dose(sentence: str) -> None:
    dose = parse_dose(sentence)
    assert dose is None or dose.unit is None


# --- one sentence, several doses in turn


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Start with a bolus of 60 units/kg, then infuse 15 units/kg/hour.",
            [("initial", "60", "units/kg", "dose"), ("maintenance", "15", "units/kg/hour", None)],
        ),
        (
            "A loading dose of 600 mg is given, followed by a maintenance dose of 300 mg daily.",
            [("initial", "600", "mg", "dose"), ("maintenance", "300", "mg", "day")],
        ),
        (
            "Loading dose: 20 mg/kg; maintenance: 10 mg/kg once daily.",
            [("initial", "20", "mg/kg", "dose"), ("maintenance", "10", "mg/kg", "dose")],
        ),
        (
            "Babies: 8 mg/kg as one dose, then 4 mg/kg every 12 hours.",
            [("initial", "8", "mg/kg", "dose"), ("maintenance", "4", "mg/kg", "dose")],
        ),
        # a dose "increased to" keeps its own kind, and the first dose stays as it was
        (
            "Initially 10 mg at bedtime, increased if needed to 30 mg daily.",
            [("initial", "10", "mg", "dose"), ("usual", "30", "mg", "day")],
        ),
        (
            "Adults: 100 mg every 12 hours, increased to 200 mg every 12 hours in severe cases.",
            [("usual", "100", "mg", "dose"), ("usual", "200", "mg", "dose")],
        ),
    ],
    ids=[
        "bolus-then-rate",
        "loading-followed-by",
        "loading-maintenance",
        "then",
        "increased-to",
        "usual-increased-to",
    ],
)
def test_each_dose_in_turn_is_read_with_its_kind(
    sentence: str, expected: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    assert _read(sentence) == expected


def test_the_later_doses_take_the_population_the_sentence_names() -> None:
    from graph_builder.dosing import read_doses

    doses = read_doses("Children over 6 years: 400 mg once, then 200 mg daily.")
    assert [(d.population, d.age_min_years) for d in doses] == [
        ("Children over 6 years", "6"),
        ("Children over 6 years", "6"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "increased by" is a step, and "weight increased" in a list is no dose at all
        (
            "Begin with 25 mg daily; this may be increased by 25 mg every week.",
            [("initial", "25", "mg", "day")],
        ),
        ("Weight increased in 3 patients on 50 mg daily.", [("usual", "50", "mg", "day")]),
    ],
    ids=["increased-by", "weight-increased"],
)
def test_a_rise_without_a_new_dose_adds_none(
    sentence: str, expected: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    assert _read(sentence) == expected


# --- a step of titration is no dose


@pytest.mark.parametrize(
    "sentence",
    [
        "Titrate upwards in increments of 50 mg at fortnightly intervals.",
        "The dose may be raised by 2.5 mg after 4 weeks.",
        "Taper by lowering the daily dose every week by 10 mg.",
        "Adjust in 5 mg steps.",
    ],
    ids=["increments-of", "raised-by", "lowered-by", "steps"],
)
def test_a_titration_step_is_no_dose(sentence: str) -> None:
    dose = parse_dose(sentence)
    assert dose is None or dose.value_max is None


def test_the_titration_goes_to_its_maximum_at_its_own_pace() -> None:
    dose = parse_dose("It may be increased by 10 mg every 2 weeks up to a maximum of 60 mg daily.")
    assert dose is not None
    # "every 2 weeks" paces the steps; it is not how often the 60 mg is taken
    assert (dose.kind, dose.value_max, dose.per, dose.frequency) == ("maximum", "60", "day", None)


# --- how often: the prescriber's Latin, "every 8 hours", weekly and monthly


@pytest.mark.parametrize(
    ("sentence", "frequency", "times"),
    [
        ("Take 250 mg bid with meals.", "bid", (2, 2)),
        ("Give 100 mg t.i.d. after food.", "t.i.d.", (3, 3)),
        ("250 to 500 mg q6h.", "q6h", (4, 4)),
        ("Adults: 40 mg every 12 hours.", "every 12 hours", (2, 2)),
        # "as needed": at most so many doses, maybe fewer
        ("1 g every 4 to 6 hours as needed.", "every 4 to 6 hours as needed", (None, 6)),
        # no whole count a day
        ("Give 5 mg/kg every 36 hours.", "every 36 hours", (None, None)),
        ("Inject 60 mg under the skin every 6 months.", "every 6 months", (None, None)),
        ("Adults: 70 mg once weekly.", "once weekly", (None, None)),
        ("Take 2 mg/kg every other week.", "every other week", (None, None)),
    ],
    ids=[
        "bid",
        "t.i.d.",
        "q6h",
        "every-12-hours",
        "prn",
        "every-36-hours",
        "six-monthly",
        "weekly",
        "fortnightly",
    ],
)
def test_how_often_and_how_many_times_a_day(
    sentence: str, frequency: str, times: tuple[int | None, int | None]
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert dose.frequency == frequency
    assert (dose.times_per_day_min, dose.times_per_day_max) == times


@pytest.mark.parametrize(
    ("sentence", "frequency"),
    [
        # the frequency of a test or of another drug is not the dose's
        ("After a first dose of 200 mg, check liver enzymes every 2 weeks.", None),
        ("Patients took 5 mg/kg of drug A with drug B (300 mg BID).", None),
    ],
    ids=["monitoring", "another-drug"],
)
def test_a_frequency_away_from_the_amount_is_not_the_doses(
    sentence: str, frequency: str | None
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert dose.frequency == frequency


def test_a_monitoring_interval_alone_is_no_dose() -> None:
    assert parse_dose("Measure blood counts every 4 weeks during treatment.") is None


# --- counts of a dose form, in figures or in words


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("Take 1 to 2 tablets every 4 hours.", "1", "2", "tablets"),
        ("Inhale 2 puffs twice daily.", "2", "2", "puffs"),
        ("Swallow one capsule each morning.", "1", "1", "capsule"),
        ("Use one or two sachets a day.", "1", "2", "sachets"),
    ],
    ids=["tablets", "puffs", "one-capsule", "one-or-two-sachets"],
)
def test_a_count_of_a_dose_form_is_an_amount(sentence: str, low: str, high: str, unit: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.value_min, dose.value_max, dose.unit) == (low, high, unit)


def test_a_count_of_anything_else_is_no_amount() -> None:
    dose = parse_dose("Patients with one prior seizure should take 5 mg.")
    assert dose is not None
    assert (dose.value_max, dose.unit) == ("5", "mg")


def test_a_daily_limit_in_tablets_is_a_maximum() -> None:
    assert _read("Take 1 or 2 tablets every 6 hours, no more than 6 tablets in 24 hours.") == [
        ("usual", "2", "tablets", "dose"),
        ("maximum", "6", "tablets", "day"),
    ]


@pytest.mark.parametrize(
    ("sentence", "ages"),
    [
        ("Children 2-6 years: 2.5 mL three times a day.", ("2", "6")),
        ("Children 7 to 11 years of age: 5 mL twice daily.", ("7", "11")),
    ],
    ids=["years", "years-of-age"],
)
def test_the_ages_named_after_the_population_bound_it(sentence: str, ages: tuple[str, str]) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.age_min_years, dose.age_max_years) == ages


def test_a_bolus_and_its_infusion_are_two_schedules_in_the_graph(tmp_path: Path) -> None:
    path = tmp_path / "heparin.txt"
    text = "Give a bolus of 5000 units, then infuse 1000 units/hour.\n"
    path.write_text(f"Heparin\n\nDosage and administration\n{text}", encoding="utf-8")
    graph = to_rdf([extract(read_document(path))], {})
    schedules = {
        str(graph.value(node, SCHEMA.doseUnit)): node
        for node in graph.subjects(RDF.type, SCHEMA.DoseSchedule)
    }
    assert set(schedules) == {"units", "units/hour"}
    bolus, infusion = schedules["units"], schedules["units/hour"]
    assert graph.value(bolus, DKG.scheduleKind) == DKG.InitialDose
    assert graph.value(infusion, DKG.scheduleKind) == DKG.MaintenanceDose
    assert graph.value(infusion, SCHEMA.doseValue) == Literal(Decimal("1000"))
    # a rate is neither per dose nor per day: its unit says per what
    assert graph.value(infusion, DKG.doseBasis) is None
    assert validate_graph(graph).conforms
