"""How severe the source says an interaction is: an interaction checker's sections, a label."""

from __future__ import annotations

from pathlib import Path

from graph_builder.extract import extract
from graph_builder.ingest import read_document


def _severities(tmp_path: Path, text: str) -> dict[str, str | None]:
    path = tmp_path / "warfarin.txt"
    path.write_text(text, encoding="utf-8")
    return {
        c.obj.entity.key: dict(c.qualifiers).get("severity")
        for c in extract(read_document(path)).claims
        if c.relation == "interacts_with" and c.obj and c.subject.entity.key == "warfarin"
    }


def test_a_checkers_section_and_a_sentences_words_give_the_severity(tmp_path: Path) -> None:
    severities = _severities(
        tmp_path,
        "Warfarin\n\nMAJOR\n\nAmiodarone raises the effect of warfarin and may cause bleeding.\n\n"
        "MINOR\n\nOmeprazole may slightly raise warfarin levels.\n\nOther\n\n"
        "Fluconazole with warfarin is a serious interaction that raises the INR.\n\n"
        "Aspirin increases the risk of bleeding with warfarin.\n",
    )
    assert severities == {
        "amiodarone": "major",
        "omeprazole": "minor",
        "fluconazole": "serious",
        "aspirin": None,
    }
