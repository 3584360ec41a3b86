"""Read dose statements: amounts, ranges, frequency, population, duration, setting.

``parse_dose`` looks at one sentence (and the headings above it) and returns a ``Dose``
with every part the sentence states, or ``None`` when it states no dose or schedule.
Decimal commas ("0,5 mg") are read as decimal points. ``read_doses`` reads every dose a
sentence gives in turn ("a bolus of 80 units/kg, then 18 units/kg/hour") and the maximum a
later clause adds ("10 mg twice daily (max. 40 mg per day)").

The parts live in their own modules: ``amounts`` (numbers, units, ranges, titration steps),
``bounds`` (comparators and prohibitions), ``frequency`` (times a day, per day, divided),
``context`` (population, duration, setting, circumstance), ``parse`` (one dose and its kind)
``turns`` (several doses in turn, a later maximum), ``strength`` (a product's strength,
no dose) and ``table`` (a dose table's rows and columns).
"""

from __future__ import annotations

from graph_builder.dosing.amounts import AMOUNT, UNITS, iter_amounts
from graph_builder.dosing.bounds import bound_of, comparator
from graph_builder.dosing.context import MAX_DURATION, POPULATION, population_of
from graph_builder.dosing.frequency import FREQUENCY
from graph_builder.dosing.parse import parse_dose
from graph_builder.dosing.table import read_row, read_table
from graph_builder.dosing.turns import later_daily_maximum, read_dose_spans, read_doses

__all__ = [
    "AMOUNT",
    "FREQUENCY",
    "MAX_DURATION",
    "POPULATION",
    "UNITS",
    "bound_of",
    "comparator",
    "iter_amounts",
    "later_daily_maximum",
    "parse_dose",
    "population_of",
    "read_dose_spans",
    "read_doses",
    "read_row",
    "read_table",
]
