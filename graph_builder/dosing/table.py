"""Read a dose table whose header names each column's kind: starting | maintenance | maximum."""

from __future__ import annotations

import re
from dataclasses import replace

from graph_builder.dosing.amounts import AMOUNT
from graph_builder.dosing.context import RENAL_HEADER
from graph_builder.dosing.frequency import FREQUENCY
from graph_builder.dosing.turns import read_doses
from graph_builder.model import Dose

# A Markdown table as one line of text: "| Who | Starting dose | Maximum | |---|---|---| | ..."
_SEPARATOR = re.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")


def read_table(text: str, headings: tuple[str, ...] = ()) -> list[tuple[int, int, Dose]] | None:
    """Read each dose of a pipe table, its row's label and its column's header; None if no table.

    Each dose comes with the span of its row, so the row's words (an indication) can go with it.

    >>> table = "| Who | Start | Max | |---|---|---| | Adults | 5 mg daily | 20 mg daily |"
    >>> [(d.kind, d.value_max, d.population) for _, _, d in read_table(table)]
    [('initial', '5', 'Adults'), ('maximum', '20', 'Adults')]
    """
    separator = _SEPARATOR.search(text)
    if separator is None:
        return None
    header = [cell.strip() for cell in text[: separator.start()].strip().strip("|").split("|")]
    width = separator.group().count("|") - 1
    if len(header) != width or width < 2:
        return None
    row = re.compile(r"\s*\|" + r"([^|]*)\|" * width)
    found: list[tuple[int, int, Dose]] = []
    position = separator.end()
    renal = RENAL_HEADER.match(header[0]) is not None
    while (match := row.match(text, position)) is not None:
        label = match.group(1).strip()
        for column in range(2, width + 1):
            cell = _with_unit(match.group(column).strip(), header[column - 1])
            if not AMOUNT.search(cell):
                continue
            cell = _with_frequency(cell, [match.group(c) for c in range(2, width + 1)])
            # the row's label names who; the column's header what kind of dose
            for dose in read_doses(f"{label}: {cell}", (*headings, header[column - 1])):
                dose = _in_column(
                    dose, header[column - 1], f"{header[0]}: {label}" if renal else None
                )
                found.append((match.start(), match.end(), dose))
        position = match.end()
    return found


# A column's header that makes its plain amounts a day's: "Maximum daily dose", "Dose per day".
_DAILY_HEADER = re.compile(r"\bdaily\b|\bper\s+day\b|\ba\s+day\b|/\s*day\b", re.I)


def _in_column(dose: Dose, column: str, band: str | None) -> Dose:
    """Give a cell's dose what its table's headers say: a day's amount, a kidney function's band.

    Under "| eGFR (mL/min/1.73 m2) | Maximum daily dose |" the row "| 45-59 | 2000 mg |" is at
    most 2000 mg a day for an eGFR of 45-59.
    """
    if _DAILY_HEADER.search(column) and dose.per == "dose" and dose.frequency is None:
        dose = replace(dose, per="day")
    if band is not None and dose.circumstance is None:
        dose = replace(dose, circumstance=band)
    return dose


def _barred(line: str) -> str:
    """Write a table's line with a bar at each end: "a | b" is "| a | b |"."""
    return "| " + line.strip().strip("|").strip() + " |"


# The unit a column's header gives its bare numbers: "Total daily dose range (mg/day)",
# "Dose (mg)", "Dose, mg".
_HEADER_UNIT = re.compile(
    r"(?:\(|,\s*|\bin\s+)(?P<unit>(?:mg|g|micrograms?|mcg|µg|units?|IU)(?:\s*/\s*kg)?)(?P<day>\s*/\s*day|\s+per\s+day)?\s*\)?\s*$",
    re.I,
)
# a cell of bare numbers: "900 to 3600", "400-1400", "300"
_BARE_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?", re.I)


def _with_unit(cell: str, column: str) -> str:
    """Give a cell of bare numbers the unit its column's header names.

    >>> _with_unit("900 to 3600", "Total daily dose range (mg/day)")
    '900 to 3600 mg/day'
    >>> _with_unit("900 to 3600", "Creatinine clearance (mL/min)")
    '900 to 3600'
    """
    unit = _HEADER_UNIT.search(column)
    if unit is None or not _BARE_NUMBERS.fullmatch(cell):
        return cell
    return f"{cell} {unit.group('unit')}{'/day' if unit.group('day') else ''}"


def _with_frequency(cell: str, row: list[str]) -> str:
    """Give a dose cell with no frequency the frequency another cell of its row gives alone.

    >>> _with_frequency("400 mg/day", ["400 mg/day", "twice daily"])
    '400 mg/day, twice daily'
    """
    if FREQUENCY.search(cell):
        return cell
    alone = [c.strip() for c in row if not AMOUNT.search(c) and FREQUENCY.fullmatch(c.strip())]
    return f"{cell}, {alone[0]}" if len(alone) == 1 else cell


def read_row(row: str, header: str, headings: tuple[str, ...] = ()) -> list[Dose] | None:
    """Read the doses of one pipe-table row under its table's header row; None if no table.

    >>> [(d.kind, d.value_max) for d in read_row("| Adults | 5 mg daily | 20 mg daily |",
    ...                                           "| Who | Start | Max |")]
    [('initial', '5'), ('maximum', '20')]
    """
    header, row = _barred(header), _barred(row)  # "a | b" is the row "| a | b |"
    width = header.strip().strip("|").count("|") + 1
    found = read_table(f"{header} |{'---|' * width} {row}", headings)
    return None if found is None else [dose for _, _, dose in found]
