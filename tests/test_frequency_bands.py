"""How often a label says a side effect occurs: the bands of an SmPC or a leaflet.

"Very common (>= 1/10)" and "rare" tell a student how likely a reaction is; "rare" is no
"serious", and "uncommon" no "common".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document


def _groups(tmp_path: Path, name: str, text: str) -> dict[str, str | None]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {
        c.obj.entity.label: c.group
        for c in extract(read_document(path)).claims
        if c.relation == "has_side_effect" and c.obj
    }


@pytest.mark.parametrize(
    ("line", "band"),
    [
        ("Very common (may affect more than 1 in 10 people): headache.", "very common"),
        ("Common: headache.", "common"),
        ("Uncommon (1 to 10 users in 1,000): headache.", "uncommon"),
        ("Rare: headache.", "rare"),
        ("Frequency not known: headache.", "not known"),
    ],
)
def test_the_label_running_a_line_in_is_its_band(tmp_path: Path, line: str, band: str) -> None:
    text = f"Lisinopril\n\nPossible side effects\n\n{line}\n"
    assert _groups(tmp_path, "lisinopril.txt", text) == {"headache": band}


def test_each_row_of_a_markdown_table_has_its_own_band(tmp_path: Path) -> None:
    text = (
        "# Carbamazepine\n\n## Undesirable effects\n\n| Frequency | Reactions |\n|---|---|\n"
        "| Very common (>=1/10) | dizziness, nausea |\n| Uncommon | tremor |\n"
    )
    assert _groups(tmp_path, "carbamazepine.md", text) == {
        "dizziness": "very common",
        "nausea": "very common",
        "tremor": "uncommon",
    }


def test_an_html_table_with_a_frequency_column_bands_its_rows(tmp_path: Path) -> None:
    text = (
        "<html><body><h1>Zolpidem</h1><h2>Side effects</h2><table>"
        "<tr><th>Side effect</th><th>How often</th></tr>"
        "<tr><td>Drowsiness</td><td>Common</td></tr>"
        "<tr><td>Hallucinations</td><td>Rare</td></tr></table></body></html>"
    )
    assert _groups(tmp_path, "zolpidem.html", text) == {
        "drowsiness": "common",
        "hallucination": "rare",
    }


def test_a_heading_that_is_a_band_groups_its_list_and_rare_is_not_serious(
    tmp_path: Path,
) -> None:
    text = (
        "# Carbamazepine\n\n## Side effects\n\n### Very rare\n\n- pancreatitis\n\n"
        "### Rare side effects\n\n- jaundice\n\n### Serious side effects\n\n- hepatitis\n"
    )
    assert _groups(tmp_path, "carbamazepine.md", text) == {
        "pancreatitis": "very rare",
        "jaundice": "rare",
        "hepatitis": "serious",
    }


def test_a_not_known_band_denies_no_side_effect_and_a_column_header_bands_its_cells(
    tmp_path: Path,
) -> None:
    text = (
        "<html><body><h1>Lisinopril</h1><h2>Side effects</h2><table>"
        "<tr><th>How often</th><th>Side effects</th></tr>"
        "<tr><td>Not known</td><td>hair loss, photosensitivity</td></tr></table>"
        "<h2>Undesirable effects</h2><table>"
        "<tr><th>Organ system</th><th>Very common</th><th>Not known</th></tr>"
        "<tr><td>Nervous system</td><td>somnolence</td><td>seizures</td></tr></table>"
        "</body></html>"
    )
    path = tmp_path / "lisinopril.html"
    path.write_text(text, encoding="utf-8")
    claims = [
        c for c in extract(read_document(path)).claims if c.relation == "has_side_effect" and c.obj
    ]
    assert not [c for c in claims if c.negated]
    assert {c.obj.entity.label: c.group for c in claims} == {
        "alopecia": "not known",
        "photosensitivity": "not known",
        "drowsiness": "very common",
        "seizure": "not known",
    }


def test_the_band_of_a_placebo_column_is_not_the_drugs(tmp_path: Path) -> None:
    text = (
        "# Lisinopril\n\n## Adverse reactions\n\n| Reaction | Placebo | Lisinopril |\n"
        "|---|---|---|\n| Nausea | Rare | Common |\n"
    )
    assert _groups(tmp_path, "lisinopril.md", text) == {"nausea": "common"}


def test_a_band_leading_in_a_list_bands_its_items(tmp_path: Path) -> None:
    text = (
        "Lisinopril\n\n4. Possible side effects\n\nCommon (may affect up to 1 in 10 people):\n"
        "- headache\n- dizziness\n\nRare (may affect up to 1 in 1,000 people):\n- jaundice\n"
    )
    assert _groups(tmp_path, "lisinopril.txt", text) == {
        "headache": "common",
        "dizziness": "common",
        "jaundice": "rare",
    }


def test_a_terse_monographs_band_lines_head_their_lists_without_blank_lines(
    tmp_path: Path,
) -> None:
    text = (
        "Tramadol\n\nDose: 50 mg every 6 hours.\nSide-effects\nCommon or very common\n"
        "Nausea; dizziness.\nRare or very rare\nSeizures.\nOverdose\n"
        "Symptoms of overdose include coma.\n"
    )
    assert _groups(tmp_path, "tramadol.txt", text) == {
        "nausea": "common",
        "dizziness": "common",
        "seizure": "rare",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Very common side effects (more than 1 in 10 people): headache.",
        "Very common side effects, which happen in more than 1 in 10 people, include headache.",
    ],
)
def test_a_sentence_led_in_by_a_band_names_effects_of_that_band(tmp_path: Path, text: str) -> None:
    assert _groups(tmp_path, "drugx.txt", f"Drugx\n\nSide effects\n\n{text}\n") == {
        "headache": "very common"
    }
