"""The teaching notebooks are committed clean: no outputs, and every part a lesson needs.

Running them is nbmake's job (``make test`` runs ``pytest --nbmake notebooks``); these checks
only read the JSON, so they stay fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
LESSONS = (
    "01-monograph-to-triples",
    "02-sparql-for-pharmacology",
    "03-cns-depressants",
    "04-mechanism-of-action",
    "05-when-sources-disagree",
)
SECTIONS = ("Learning objectives", "## Exercises", "## Solutions")


def read_notebook(path: Path) -> dict[str, Any]:
    notebook: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return notebook


def cell_text(cell: dict[str, Any]) -> str:
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def test_every_lesson_has_a_notebook() -> None:
    assert [p.stem for p in NOTEBOOKS] == list(LESSONS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    code_cells = [c for c in read_notebook(path)["cells"] if c["cell_type"] == "code"]
    with_outputs = [i for i, c in enumerate(code_cells) if c.get("outputs")]
    executed = [i for i, c in enumerate(code_cells) if c.get("execution_count") is not None]
    assert not with_outputs, f"strip the outputs of code cells {with_outputs}"
    assert not executed, f"reset the execution counts of code cells {executed}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_has_objectives_exercises_and_solutions(path: Path) -> None:
    markdown = "\n".join(
        cell_text(c) for c in read_notebook(path)["cells"] if c["cell_type"] == "markdown"
    )
    missing = [section for section in SECTIONS if section not in markdown]
    assert not missing, f"missing sections: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_solutions_are_collapsed_until_opened(path: Path) -> None:
    cells = read_notebook(path)["cells"]
    start = next(i for i, c in enumerate(cells) if cell_text(c).startswith("## Solutions"))
    solutions = [
        c
        for c in cells[start:]
        if c["cell_type"] == "code" and "solution" in c["metadata"].get("tags", ())
    ]
    assert solutions, "tag the solution code cells 'solution'"
    assert all(c["metadata"]["jupyter"]["source_hidden"] for c in solutions)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_shows_a_view_in_an_isolated_frame(path: Path) -> None:
    code = "\n".join(cell_text(c) for c in read_notebook(path)["cells"])
    assert "render_view(" in code
    assert 'sandbox="allow-scripts"' in code
    assert "srcdoc" in code
