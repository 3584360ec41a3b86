"""Adverse reactions in prose, lists and table rows; negated and animal findings kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from graph_builder import build_graph
from graph_builder.adverse import (
    animal_finding,
    find_adverse_effects,
    is_risk_factor,
    list_items,
    normalise_word,
    table_row_term,
)
from graph_builder.vocabulary import BIOLINK, DKG, DKGID

ZYXOPRIL = DKGID["zyxopril"]
SOMNOLENCE_ROW = "Somnolence        22%        9%"

FOUND = [
    ("prose", "Nausea, dry mouth and headache were reported.", ["Nausea", "dry mouth", "headache"]),
    ("lab change after", "ALT increased in 3 patients.", ["ALT increased"]),
    ("lab change before", "Increased AST was seen.", ["Increased AST"]),
    ("MedDRA qualifier", "Rash macular and edema peripheral", ["Rash macular", "edema peripheral"]),
    ("site modifiers", "peripheral sensory neuropathy", ["peripheral sensory neuropathy"]),
    ("head noun", "Opportunistic infections occurred.", ["Opportunistic infections"]),
    ("injection site", "Injection site pain resolved.", ["Injection site pain"]),
    ("disorder word", "Two cases of cholangitis.", ["cholangitis"]),
    ("british spelling", "Anaemia and diarrhoea", ["Anaemia", "diarrhoea"]),
    ("acronym keeps case", "PML was fatal.", ["PML", "fatal"]),
]


@pytest.mark.parametrize(("text", "expected"), [f[1:] for f in FOUND], ids=[f[0] for f in FOUND])
def test_finds_adverse_effects(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_adverse_effects(text)] == expected


NOT_FOUND = [
    ("acronym in lower case is a word", "pres and ten"),
    ("grouping of reactions", "Gastrointestinal disorders"),
    ("diagnosis is no disorder", "The diagnosis was confirmed."),
]


@pytest.mark.parametrize("text", [f[1] for f in NOT_FOUND], ids=[f[0] for f in NOT_FOUND])
def test_finds_nothing(text: str) -> None:
    assert find_adverse_effects(text) == []


def test_table_row_first_cell_is_a_reaction_even_when_unknown() -> None:
    row = "Glorbitis of the ankle      12%      2%"
    assert table_row_term(row) is not None
    found = find_adverse_effects(row, table_rows=True)
    assert [m.text for m in found] == ["Glorbitis of the ankle"]


@pytest.mark.parametrize(
    "row",
    ["Gastrointestinal disorders   30   12", "Total patients   120   118", "Table 2   4"],
    ids=["system organ class", "total", "caption"],
)
def test_table_rows_that_are_no_reactions(row: str) -> None:
    assert table_row_term(row) is None


def test_list_after_organ_class_takes_unknown_items() -> None:
    text = "Nervous system disorders: dysphasia, word-finding trouble, tremor."
    assert [text[a:b] for a, b in list_items(text)] == ["dysphasia", "word-finding trouble", "tremor"]


def test_risk_factor_is_no_reaction() -> None:
    text = "Use with caution in patients with renal impairment."
    assert is_risk_factor(text, text.index("renal"))
    assert not is_risk_factor("Renal impairment occurred.", 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cataracts were seen in rats given 10 times the human dose.", "in rats"),
        ("In animal studies, fetal harm occurred.", "In animal"),
        ("Cataracts were seen in patients.", None),
    ],
    ids=["rats", "animal studies", "people"],
)
def test_animal_findings(text: str, expected: str | None) -> None:
    assert animal_finding(text) == expected


def test_word_normalisation() -> None:
    assert [normalise_word(w) for w in ("Oedemas", "UTIs", "seizures")] == [
        "edema",
        "UTI",
        "seizure",
    ]


LABEL = """Zyxopril

Warnings and Precautions

Hepatotoxicity has occurred; monitor liver tests.
No cases of agranulocytosis were reported.
Cataracts were seen in rats given 10 times the human dose.
Use with caution in patients with renal impairment.

Adverse Reactions

The most common adverse reactions (>=10%) were somnolence, dry mouth and nausea.

Somnolence        22%        9%
Glorbitis of the ankle      12%      2%
Headache          8%         7%

Reactions are listed by decreasing frequency.
"""


@pytest.fixture(scope="module")
def label_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    folder: Path = tmp_path_factory.mktemp("adr")
    (folder / "zyxopril.txt").write_text(LABEL, encoding="utf-8")
    return build_graph([folder]).graph


def _side_effects(graph: Graph, *, negated: bool) -> set[str]:
    found = set()
    for node in graph.subjects(RDF.predicate, BIOLINK.has_side_effect):
        if (graph.value(node, BIOLINK.negated) == Literal(True)) is negated:
            found.add(str(graph.value(node, DKG.objectText)).lower())
    return found


def test_label_side_effects_in_prose_lists_and_tables(label_graph: Graph) -> None:
    stated = _side_effects(label_graph, negated=False)
    expected = {"hepatotoxicity", "somnolence", "dry mouth", "nausea", "glorbitis of the ankle"}
    assert expected <= stated
    assert "renal impairment" not in stated


def test_negated_finding_is_evidence_without_triple(label_graph: Graph) -> None:
    assert "agranulocytosis" in _side_effects(label_graph, negated=True)
    assert (ZYXOPRIL, BIOLINK.has_side_effect, DKGID["agranulocytosis"]) not in label_graph


def test_animal_finding_is_evidence_but_no_side_effect(label_graph: Graph) -> None:
    statements = list(label_graph.subjects(DKG.objectText, Literal("Cataracts")))
    assert {str(label_graph.value(node, DKG.species)) for node in statements} == {"in rats"}
    for node in statements:
        triple = (
            label_graph.value(node, RDF.subject),
            label_graph.value(node, RDF.predicate),
            label_graph.value(node, RDF.object),
        )
        assert triple not in label_graph


def test_hpo_identifier_only_for_an_exact_name(label_graph: Graph) -> None:
    assert (DKGID["hepatotoxicity"], SKOS.exactMatch, None) not in label_graph or all(
        "HP_" in str(o) for o in label_graph.objects(DKGID["hepatotoxicity"], SKOS.exactMatch)
    )
    assert not list(label_graph.objects(DKGID["glorbitis-of-the-ankle"], SKOS.exactMatch))
