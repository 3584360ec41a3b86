"""A table's rows are read one by one, each under its header: partners, doses."""

from __future__ import annotations

from pathlib import Path

from graph_builder.extract import extract
from graph_builder.ingest import read_document


def _claims(tmp_path: Path, name: str, text: str) -> list[tuple[str, str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [
        (c.relation, c.subject.entity.key, c.obj.entity.key if c.obj else "")
        for c in extract(read_document(path)).claims
    ]


def test_each_row_of_an_interaction_table_is_a_partner_of_the_drug_not_of_the_next_row(
    tmp_path: Path,
) -> None:
    claims = _claims(
        tmp_path,
        "naproxen.html",
        "<html><body><h1>Naproxen</h1><h2>Interactions</h2><table>"
        "<tr><th>Medicine</th><th>What may happen</th></tr>"
        "<tr><td>Warfarin</td><td>Higher risk of bleeding</td></tr>"
        "<tr><td>Lithium</td><td>Raised lithium levels</td></tr></table></body></html>",
    )
    pairs = {(s, o) for r, s, o in claims if r == "interacts_with"}
    assert ("naproxen", "warfarin") in pairs
    assert ("warfarin", "lithium") not in pairs and ("lithium", "warfarin") not in pairs


def test_a_dose_tables_columns_name_the_kind_of_each_dose(tmp_path: Path) -> None:
    path = tmp_path / "lisinopril.md"
    path.write_text(
        "# Lisinopril\n\n## Dosage\n\n| Who | Starting dose | Maximum |\n|---|---|---|\n"
        "| Adults | 10 mg once daily | 80 mg daily |\n",
        encoding="utf-8",
    )
    doses = [c.dose for c in extract(read_document(path)).claims if c.dose is not None]
    assert sorted((d.kind, d.value_max, d.population) for d in doses) == [
        ("initial", "10", "Adults"),
        ("maximum", "80", "Adults"),
    ]


def test_a_tables_header_row_states_no_dose(tmp_path: Path) -> None:
    path = tmp_path / "rivaroxaban.md"
    path.write_text(
        "# Rivaroxaban\n\n## Adverse reactions\n\n| Reaction | Rivaroxaban 10 mg (N=400) | "
        "Placebo (N=400) |\n|---|---|---|\n| Bleeding | 6% | 4% |\n",
        encoding="utf-8",
    )
    assert not [c for c in extract(read_document(path)).claims if c.dose is not None]


def test_the_drugs_cell_denies_or_advises_and_the_row_states_no_side_effect(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rivaroxaban.md"
    path.write_text(
        "# Rivaroxaban\n\n## Adverse reactions\n\n| Side effect | Rivaroxaban | Placebo |\n"
        "|---|---|---|\n| Headache | None | Common |\n| Bleeding | Common | Rare |\n\n"
        "## Who should be careful\n\n| Condition | Advice |\n|---|---|\n"
        "| Glaucoma | Do not take rivaroxaban |\n",
        encoding="utf-8",
    )
    side_effects = {
        (c.obj.entity.key, c.negated)
        for c in extract(read_document(path)).claims
        if c.relation == "has_side_effect" and c.obj
    }
    assert side_effects == {("headache", True), ("hemorrhage", False)}
