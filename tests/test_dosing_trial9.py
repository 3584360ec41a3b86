"""Doses a fourth reading got wrong: hedged ceilings, mixed-unit ranges, kidney bands, steps."""

from __future__ import annotations

import pytest

from graph_builder.dosing import iter_amounts, parse_dose, read_doses, read_row
from graph_builder.dosing.amounts import range_of

# -- "not to take more than": a ceiling however the prohibition is worded


@pytest.mark.parametrize(
    ("sentence", "high", "per"),
    [
        ("Your pharmacist may ask you not to take more than 2 g a day.", "2", "day"),
        ("Older people may be told not to have more than 10 mg daily.", "10", "day"),
        ("Do not give children more than 250 mg in 24 hours.", "250", "day"),
        ("Try not to go over 3 g in any one day.", "3", "day"),
        ("Not to exceed 4 g per day.", "4", "day"),
        ("Take no more than 6 puffs a day.", "6", "day"),
        ("Adults: up to 400 mg a day.", "400", "day"),
        ("It is important not to swallow more than 1 g at a time.", "1", "dose"),
    ],
)
def test_a_forbidden_excess_is_a_maximum(sentence: str, high: str, per: str) -> None:
    (dose,) = read_doses(sentence)
    assert (dose.kind, dose.comparator, dose.value_max, dose.per) == ("maximum", "le", high, per)


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        # nothing forbids the excess: a lower bound, no ceiling
        ("Some adults have more than 10 mg daily.", "10"),
        ("Patients who relapse may need more than 20 mg a day.", "20"),
    ],
)
def test_an_excess_nothing_forbids_stays_a_lower_bound(sentence: str, low: str) -> None:
    (dose,) = read_doses(sentence)
    assert (dose.comparator, dose.value_min, dose.value_max) == ("gt", low, None)


def test_a_ceiling_for_you_over_an_age_keeps_the_age() -> None:
    dose = parse_dose("If you are over 80, your nurse may tell you not to use more than 2 g a day.")
    assert dose is not None
    assert (dose.kind, dose.value_max, dose.age_min_years) == ("maximum", "2", "80")
    dose = parse_dose("If you are aged 70 or over, take no more than 5 mg a day.")
    assert dose is not None
    assert (dose.value_max, dose.age_min_years) == ("5", "70")


# -- a range whose ends name different masses


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("600 mg to 1.5 g", ("600", "1500", "mg")),
        ("250 micrograms to 2 mg", ("250", "2000", "micrograms")),
        ("0.5 g to 1 g", ("0.5", "1", "g")),
        ("1-2 g", ("1", "2", "g")),
    ],
)
def test_a_range_is_read_in_the_unit_of_its_low_end(text: str, read: tuple[str, str, str]) -> None:
    (amount,) = iter_amounts(text)
    assert range_of(amount) == read


def test_a_count_and_a_mass_make_no_range() -> None:
    (amount,) = iter_amounts("2 capsules to 1 g")
    assert range_of(amount) == ("2", None, "capsules")
    (amount,) = iter_amounts("5 mg to 50 micrograms")  # runs down: no range
    assert range_of(amount) == ("5", None, "mg")


def test_a_days_amount_taken_at_one_time_is_once_a_day() -> None:
    dose = parse_dose("Adults take 600 mg to 1.5 g a day, as a single dose at bedtime.")
    assert dose is not None
    assert (dose.value_min, dose.value_max, dose.unit, dose.per) == ("600", "1500", "mg", "day")
    assert (dose.times_per_day_min, dose.times_per_day_max) == (1, 1)


def test_a_single_dose_course_is_no_daily_frequency() -> None:
    # one dose, once: no day's amount, so no "once a day"
    dose = parse_dose("Give a single dose of 3 g.")
    assert dose is not None
    assert (dose.frequency, dose.times_per_day_min) == (None, None)


# -- "once or twice a day", "as needed"


@pytest.mark.parametrize(
    ("sentence", "times"),
    [
        ("Take 200 mg once or twice a day with food.", (1, 2)),
        ("Use 1 puff twice or three times a day.", (2, 3)),
        ("Take 10 mg once a day.", (1, 1)),
    ],
)
def test_a_choice_of_counts_a_day_is_a_range(sentence: str, times: tuple[int, int]) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.times_per_day_min, dose.times_per_day_max) == times


def test_as_needed_stays_with_its_frequency() -> None:
    dose = parse_dose("Adults may take 200 mg to 400 mg every 6 to 8 hours when required.")
    assert dose is not None
    assert dose.frequency == "every 6 to 8 hours when required"
    assert dose.instruction == "when required"
    # a dose taken only when needed may be taken less often: the interval gives the most
    assert (dose.times_per_day_min, dose.times_per_day_max) == (None, 4)


def test_a_regular_frequency_has_no_as_needed() -> None:
    dose = parse_dose("Take 100 mg every 8 hours with a glass of water.")
    assert dose is not None
    assert (dose.frequency, dose.instruction) == ("every 8 hours", None)


# -- kidney function: the band a dose is for, and each band's own dose


def test_each_kidney_band_gives_its_own_dose() -> None:
    sentence = (
        "If the creatinine clearance is 20 to 40 mL/min, give 100 mg every 12 hours; "
        "if creatinine clearance is below 20 mL/min, give 100 mg every 24 hours."
    )
    first, second = read_doses(sentence)
    assert (first.frequency, first.circumstance) == (
        "every 12 hours",
        "creatinine clearance is 20 to 40 mL/min",
    )
    assert (second.frequency, second.circumstance) == (
        "every 24 hours",
        "creatinine clearance is below 20 mL/min",
    )


def test_an_egfr_band_is_the_doses_circumstance() -> None:
    dose = parse_dose("When eGFR is 30-44 mL/min/1.73 m2, the most is 1 g a day.")
    assert dose is not None
    assert dose.circumstance == "eGFR is 30-44 mL/min/1.73 m2"


def test_a_band_up_to_less_than_a_value_is_read_whole() -> None:
    dose = parse_dose("For a CrCl of 15 to less than 30 mL/min, give 50 mg daily.")
    assert dose is not None
    assert dose.circumstance == "CrCl of 15 to less than 30 mL/min"


def test_a_clearance_named_without_a_value_is_no_band() -> None:
    dose = parse_dose("Check creatinine clearance before giving 500 mg daily.")
    assert dose is not None
    assert dose.circumstance is None


def test_a_later_clause_of_no_kidney_band_is_no_new_dose() -> None:
    # "; if needed" opens no band: one dose, as before
    assert len(read_doses("Take 5 mg daily; if needed, take it with food.")) == 1


def test_a_kidney_function_table_gives_each_band_its_daily_maximum() -> None:
    header = "| Creatinine clearance (mL/min) | Maximum daily dose |"
    (dose,) = read_row("| 30-59 | 1500 mg |", header) or []
    assert (dose.kind, dose.value_max, dose.per) == ("maximum", "1500", "day")
    assert dose.circumstance == "Creatinine clearance (mL/min): 30-59"
    # a row with no amount ("avoid") gives no dose
    assert read_row("| under 30 | avoid |", header) == []


def test_a_table_of_people_names_no_kidney_band() -> None:
    (dose,) = read_row("| Adults | 20 mg |", "| Who | Maximum daily dose |") or []
    assert (dose.per, dose.circumstance, dose.population) == ("day", None, "Adults")


def test_a_daily_header_leaves_a_cell_with_its_own_frequency() -> None:
    (dose,) = read_row("| Adults | 10 mg twice daily |", "| Who | Daily dose |") or []
    assert (dose.per, dose.times_per_day_max) == ("dose", 2)


# -- a titration step is no second starting dose


def test_a_step_up_in_a_starting_dose_column_is_a_step() -> None:
    header = "| Use | Starting dose |"
    start, step = (
        read_row("| Anxiety | 10 mg once daily, increased to 20 mg after 2 weeks |", header) or []
    )
    assert (start.kind, start.value_max) == ("initial", "10")
    assert (step.kind, step.value_max, step.frequency) == ("usual", "20", "once daily")
    assert step.circumstance == "after 2 weeks"


def test_a_step_up_keeps_the_days_basis() -> None:
    start, step = read_doses("Initially 50 mg daily, increased to 100 mg after one week.")
    assert (start.per, step.per, step.circumstance) == ("day", "day", "after one week")


def test_a_step_up_to_a_maximum_is_still_a_maximum() -> None:
    start, step = read_doses(
        "Initially 5 mg daily, increased if needed up to a maximum of 20 mg daily."
    )
    assert (start.kind, step.kind, step.value_max) == ("initial", "maximum", "20")
