"""A drug's mechanism on the body's own messengers: serotonin, noradrenaline, dopamine."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.lexicon import TRANSMITTERS, find_mentions
from graph_builder.model import Claim, EntityType


def claims(tmp_path: Path, title: str, text: str) -> list[Claim]:
    path = tmp_path / "monograph.txt"
    path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    return list(extract(read_document(path)).claims)


def effects_on(found: list[Claim]) -> dict[str, dict[str, str]]:
    return {
        c.obj.entity.label: dict(c.qualifiers)
        for c in found
        if c.relation == "affects" and c.obj is not None
    }


@pytest.mark.parametrize(
    ("text", "transmitter", "aspect", "direction"),
    [
        ("Duloxetine inhibits the reuptake of serotonin.", "serotonin", "reuptake", "decreased"),
        (
            "Duloxetine is a potent inhibitor of serotonin (5-HT) reuptake.",
            "serotonin",
            "reuptake",
            "decreased",
        ),
        (
            "Reboxetine blocks noradrenaline reuptake in the brain.",
            "norepinephrine",
            "reuptake",
            "decreased",
        ),
        ("Bupropion increases the release of dopamine.", "dopamine", "release", "increased"),
    ],
)
def test_a_reuptake_inhibitor_affects_the_transmitter_it_names(
    tmp_path: Path, text: str, transmitter: str, aspect: str, direction: str
) -> None:
    found = effects_on(claims(tmp_path, "Duloxetine", text))
    assert found[transmitter].get("aspect") == aspect
    assert found[transmitter].get("direction") == direction


def test_two_transmitters_of_one_reuptake_are_both_affected(tmp_path: Path) -> None:
    found = effects_on(
        claims(
            tmp_path,
            "Venlafaxine",
            "Venlafaxine inhibits the reuptake of serotonin and noradrenaline.",
        )
    )
    assert set(found) == {"serotonin", "norepinephrine"}


def test_the_transmitter_of_a_mechanism_is_no_interacting_drug(tmp_path: Path) -> None:
    found = claims(
        tmp_path, "Fluvoxamine", "Fluvoxamine raises the levels of serotonin in the synapse."
    )
    assert not [c for c in found if c.relation == "interacts_with"]
    assert "serotonin" in effects_on(found)


def test_a_transmitter_given_as_a_medicine_stays_a_drug() -> None:
    kinds = {m.text: m.entity.type for m in find_mentions("Start a dopamine infusion at once.")}
    assert kinds["dopamine"] is EntityType.DRUG


def test_the_messengers_are_keyed_apart_from_the_drugs_of_the_same_name() -> None:
    for name, entity in TRANSMITTERS.items():
        assert entity.type is EntityType.NEUROTRANSMITTER
        assert entity.key != name and entity.label == name
        # identifiers are ChEBI or MeSH only: never a drug's DrugBank id
        assert all(i.split(":")[0] in {"CHEBI", "MESH"} for i in entity.identifiers)
