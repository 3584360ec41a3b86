"""Which enzymes metabolise a drug: ``metabolised_by`` (``biolink:is_substrate_of``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDF

from graph_builder import build_graph
from graph_builder.extract import Extraction, extract
from graph_builder.extract.metabolism import CUES, ENZYMES, RELATION, Cue, extent_of
from graph_builder.ingest import read_document
from graph_builder.interactions import with_class_mentions
from graph_builder.lexicon import find_mentions, get_lexicon
from graph_builder.model import Claim
from graph_builder.validate import validate_graph
from graph_builder.vocabulary import BIOLINK, DKG, DKGID, RELATIONS


def extract_text(tmp_path: Path, sentence: str, title: str = "Diazepam") -> Extraction:
    path = tmp_path / "monograph.txt"
    path.write_text(f"{title}\n\n{sentence}\n", encoding="utf-8")
    return extract(read_document(path))


def substrates(extraction: Extraction) -> list[Claim]:
    return [c for c in extraction.claims if c.relation == RELATION]


def asserted(extraction: Extraction) -> list[tuple[str, str, str | None]]:
    return [
        (c.subject.entity.key, c.obj.entity.label, dict(c.qualifiers).get("extent"))
        for c in substrates(extraction)
        if c.obj is not None and not c.negated
    ]


EXAMPLES = [(cue, *example) for cue in CUES for example in cue.examples]
COUNTEREXAMPLES = [(cue, sentence) for cue in CUES for sentence in cue.counterexamples]


@pytest.mark.parametrize(
    ("cue", "sentence", "enzyme", "extent"),
    EXAMPLES,
    ids=[f"{c.name}:{s[:40]}" for c, s, _, _ in EXAMPLES],
)
def test_cue_example_names_the_enzyme_and_its_extent(
    tmp_path: Path, cue: Cue, sentence: str, enzyme: str, extent: str | None
) -> None:
    found = [
        (label, ext)
        for c in substrates(extract_text(tmp_path, sentence))
        if c.rule == cue.name and c.obj is not None and not c.negated
        for label, ext in [(c.obj.entity.label, dict(c.qualifiers).get("extent"))]
    ]
    assert (enzyme, extent) in found


@pytest.mark.parametrize(
    ("cue", "sentence"), COUNTEREXAMPLES, ids=[f"{c.name}:{s[:40]}" for c, s in COUNTEREXAMPLES]
)
def test_cue_counterexample_names_no_substrate(tmp_path: Path, cue: Cue, sentence: str) -> None:
    assert asserted(extract_text(tmp_path, sentence)) == []


def test_every_cue_has_examples_and_counterexamples() -> None:
    assert all(cue.examples and cue.counterexamples for cue in CUES)


def test_two_coordinated_enzymes_keep_their_own_extents(tmp_path: Path) -> None:
    found = asserted(
        extract_text(tmp_path, "Zolpidem is metabolised mainly by CYP3A4 and in part by CYP2C9.")
    )
    assert found == [
        ("zolpidem", "cytochrome P450 3A4", "major"),
        ("zolpidem", "cytochrome P450 2C9", "minor"),
    ]


def test_the_readmes_example_gives_two_extents(tmp_path: Path) -> None:
    sentence = "Zolpidem is cleared largely by CYP3A4 and to a lesser extent by CYP2C9."
    assert sentence[:-1] in (Path(__file__).parents[1] / "README.md").read_text(
        encoding="utf-8"
    ).replace("\n", " ")
    assert asserted(extract_text(tmp_path, sentence)) == [
        ("zolpidem", "cytochrome P450 3A4", "major"),
        ("zolpidem", "cytochrome P450 2C9", "minor"),
    ]


def test_at_least_in_part_gives_no_extent() -> None:
    assert extent_of("is metabolised at least in part by ") is None
    assert extent_of("is metabolised in part by ") == "minor"


def test_the_enzymes_are_the_lexicons_cytochromes() -> None:
    cytochromes = {
        key
        for key, entity in get_lexicon().entities.items()
        if entity.type.value == "MolecularTarget" and key.startswith("cyp")
    }
    assert cytochromes == ENZYMES and {"cyp3a4", "cyp2d6", "cyp2b6"} <= ENZYMES


def test_a_plain_list_of_enzymes_shares_the_cue(tmp_path: Path) -> None:
    found = asserted(extract_text(tmp_path, "It is metabolised by CYP2C8, CYP2C9 and CYP3A4."))
    assert [label for _, label, _ in found] == [
        "cytochrome P450 2C8",
        "cytochrome P450 2C9",
        "cytochrome P450 3A4",
    ]
    assert {key for key, _, _ in found} == {"diazepam"}


def test_a_lesser_pathway_after_a_list_is_minor(tmp_path: Path) -> None:
    sentence = (
        "It is predominantly metabolised by CYP3A4 and CYP3A5, and to a lesser extent by CYP2C19."
    )
    extents = {label: ext for _, label, ext in asserted(extract_text(tmp_path, sentence))}
    assert extents == {
        "cytochrome P450 3A4": "major",
        "cytochrome P450 3A5": "major",
        "cytochrome P450 2C19": "minor",
    }


def test_a_denied_metabolism_is_kept_negated(tmp_path: Path) -> None:
    claims = substrates(extract_text(tmp_path, "Lorazepam is not metabolised by CYP3A4."))
    assert [
        (c.subject.entity.key, c.obj.entity.key if c.obj else None, c.negated) for c in claims
    ] == [("lorazepam", "cyp3a4", True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Clarithromycin inhibits CYP3A4.",
        "Medicines that inhibit CYP2D6 can raise its levels.",
        "Phenytoin induces CYP2C9 and CYP3A4.",
        "Avoid CYP3A4 inhibitors.",
    ],
)
def test_an_inhibitor_or_inducer_is_no_substrate_and_binds_nothing(
    tmp_path: Path, sentence: str
) -> None:
    claims = extract_text(tmp_path, sentence).claims
    assert [c for c in claims if c.relation in (RELATION, "binds")] == []


def test_the_named_drug_not_the_topic_is_the_substrate(tmp_path: Path) -> None:
    found = asserted(
        extract_text(
            tmp_path, "Ketoconazole raises levels of triazolam, which is cleared by CYP3A4."
        )
    )
    assert found == [("triazolam", "cytochrome P450 3A4", None)]


def test_a_drug_class_cleared_by_an_enzyme_gives_the_topic_nothing(tmp_path: Path) -> None:
    assert asserted(extract_text(tmp_path, "Statins are metabolised by CYP3A4.")) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("metabolised by CYP3A4", "cyp3a4"),
        ("metabolised by CYP 2D6", "cyp2d6"),
        ("metabolised by cytochrome P450 2C9", "cyp2c9"),
        ("metabolised by P450 2C19", "cyp2c19"),
        ("metabolised by CYP450 1A2", "cyp1a2"),
        ("metabolised by cytochrome P450 (CYP) 2E1", "cyp2e1"),
        ("metabolised by CYP3A4/5", "cyp3a"),
        ("metabolised by CYP3A", "cyp3a"),
    ],
)
def test_an_enzyme_is_found_under_its_usual_names(text: str, key: str) -> None:
    assert [m.entity.key for m in find_mentions(text) if m.entity.key in ENZYMES] == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Avoid CYP3A4 inhibitors.", "cyp3a4-inhibitors"),
        ("It is a potent inhibitor of CYP3A4.", "cyp3a4-inhibitors"),
        ("Use with other CYP3A inhibitors needs care.", "cyp3a4-inhibitors"),
        ("It is a CYP3A4 inducer.", "cyp3a4-inducers"),
        ("Avoid strong CYP2D6 inhibitors.", "cyp2d6-inhibitors"),
    ],
)
def test_a_class_named_after_an_enzyme_stays_the_class(text: str, key: str) -> None:
    keys = [m.entity.key for m in find_mentions(text)]
    assert key in keys
    assert not set(keys) & ENZYMES


@pytest.mark.parametrize("text", ["Avoid CYP2C9 inhibitors.", "Other CYP2C19 substrates."])
def test_a_class_phrase_on_an_enzyme_outside_the_lexicon_is_still_found(text: str) -> None:
    mentions = with_class_mentions(text, 0, find_mentions(text))
    assert [m.entity.type.value for m in mentions] == ["DrugClass"]


def test_the_enzymes_are_targets_with_human_uniprot_accessions() -> None:
    entities = get_lexicon().entities
    assert {key for key in ENZYMES if entities[key].type.value != "MolecularTarget"} == set()
    assert entities["cyp3a4"].identifiers == ("UNIPROT:P08684",)
    assert entities["cyp2d6"].identifiers == ("UNIPROT:P10635",)
    assert entities["cyp3a"].identifiers == ()  # a subfamily: no one protein


def test_the_relation_is_written_as_biolink_is_substrate_of() -> None:
    assert RELATIONS[RELATION].predicate == "biolink:is_substrate_of"


def test_the_graph_carries_the_extent_and_passes_the_shapes(tmp_path: Path) -> None:
    (tmp_path / "methadone.txt").write_text(
        "Methadone\n\nMethadone is metabolised mainly by CYP2B6 and in part by CYP3A4.\n",
        encoding="utf-8",
    )
    graph = build_graph([tmp_path]).graph
    assert (DKGID["methadone"], BIOLINK.is_substrate_of, DKGID["cyp2b6"]) in graph
    extents = {
        str(graph.value(s, RDF.object)): str(graph.value(s, DKG.extent))
        for s in graph.subjects(RDF.predicate, BIOLINK.is_substrate_of)
    }
    assert extents == {str(DKGID["cyp2b6"]): "major", str(DKGID["cyp3a4"]): "minor"}
    assert (DKGID["cyp3a4"], RDF.type, DKG.MolecularTarget) in graph
    assert validate_graph(graph).conforms
    statement = next(graph.subjects(DKG.extent, Literal("major")))
    graph.add((statement, DKG.extent, Literal("most")))  # one extent, major or minor
    assert not validate_graph(graph).conforms
