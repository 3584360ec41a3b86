"""Which kind of section a heading opens: a contraindications section lists no uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import SectionKinds, extract
from graph_builder.ingest import read_document
from graph_builder.model import Sentence, Span


def _under(heading: str) -> Sentence:
    return Sentence("It is used in X.", 0, 16, headings=(Span(heading, 0, len(heading)),))


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Contraindications", "precaution"),
        ("Contra-indications", "precaution"),
        ("Contraindications", "contraindication"),
        ("CONTRAINDICATIONS", "precaution"),
        ("4 CONTRAINDICATIONS", "precaution"),
        ("Indications and Usage", "indication"),
        ("1 INDICATIONS AND USAGE", "indication"),
        ("What is it indicated for?", "indication"),
        ("Uses", "indication"),
    ],
)
def test_heading_opens_its_kind_of_section(heading: str, kind: str) -> None:
    assert kind in SectionKinds().of(_under(heading))


@pytest.mark.parametrize(
    "heading", ["Contraindications", "4 CONTRAINDICATIONS", "Contra-indications"]
)
def test_a_contraindications_heading_is_no_indications_heading(heading: str) -> None:
    # "Contraindications" contains the letters of "indications": the drug treats none of them
    assert "indication" not in SectionKinds().of(_under(heading))


def test_a_contraindications_section_names_no_side_effects(tmp_path: Path) -> None:
    # the conditions a contraindications section lists are groups, not risks of the drug
    path = tmp_path / "clonazepam.txt"
    text = "Recent myocardial infarction, arrhythmias, mania and severe liver disease."
    path.write_text(f"Clonazepam\n\nContraindications\n\n{text}\n", encoding="utf-8")
    relations = {claim.relation for claim in extract(read_document(path)).claims}
    assert "has_side_effect" not in relations
    assert "treats" not in relations
