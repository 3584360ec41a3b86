"""Dose amounts as labels write them: ranges, units per kilogram, counts a day, ages."""

from __future__ import annotations

import pytest

from graph_builder.dosing import parse_dose


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
