"""Which kind of section a heading opens: a contraindications section lists no uses."""

from __future__ import annotations

import pytest

from graph_builder.extract import SectionKinds
from graph_builder.model import Sentence, Span


def _under(heading: str) -> Sentence:
    return Sentence("It is used in X.", 0, 16, headings=(Span(heading, 0, len(heading)),))


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Contraindications", "precaution"),
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


@pytest.mark.parametrize("heading", ["Contraindications", "4 CONTRAINDICATIONS"])
def test_a_contraindications_heading_is_no_indications_heading(heading: str) -> None:
    # "Contraindications" contains the letters of "indications": the drug treats none of them
    assert "indication" not in SectionKinds().of(_under(heading))
