"""Adverse reactions in prose, lists and table rows; negated and animal findings kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from graph_builder import build_graph
from graph_builder.adverse import (
    STUDY_DESIGN,
    AdverseVocabulary,
    VocabularyRow,
    animal_finding,
    complete_list,
    find_adverse_effects,
    hpo,
    is_risk_factor,
    is_sign_to_watch,
    is_supposed,
    list_items,
    normalise_phrase,
    normalise_word,
    parse_hpo_obo,
    read_terms,
    table_row_term,
    tokenize,
    with_abbreviations,
    without_severity,
)
from graph_builder.extract import SectionKinds, is_negated
from graph_builder.model import Entity, EntityType, Mention, Sentence, Span
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
    (
        "unknown item of a list of known reactions",
        "Reactions included nausea, vomiting, glossodynia, and rash.",
        ["nausea", "vomiting", "glossodynia", "rash"],
    ),
    (
        "list item wider than the known word",
        "Cases of stomatitis, aphthous stomatitis, glossitis and tongue ulceration.",
        ["stomatitis", "aphthous stomatitis", "glossitis", "tongue ulceration"],
    ),
    (
        "abbreviation defined after a reaction",
        "Tumor lysis syndrome (TLS) occurred.",
        ["Tumor lysis syndrome", "TLS"],
    ),
    (
        "course of a reaction",
        "Reactivation of tuberculosis was seen.",
        ["Reactivation of tuberculosis"],
    ),
    ("new onset is a course", "New onset of diabetes mellitus", ["New onset of diabetes mellitus"]),
    (
        "body site after a reaction",
        "Angioedema of the tongue occurred.",
        ["Angioedema of the tongue"],
    ),
    ("name of the measured value", "Increased uric acid levels", ["Increased uric acid levels"]),
    ("value after a linking word", "Increases in blood pressure", ["Increases in blood pressure"]),
    ("loss of a function", "Loss of hearing was reported.", ["Loss of hearing"]),
    ("infectious agent", "A JC virus infection.", ["JC virus infection"]),
    (
        "degree and persistence narrow a reaction",
        "Second-degree AV block and persistent jaw pain occurred.",
        ["Second-degree AV block", "persistent jaw pain"],
    ),
    ("two reactions in one cell", "pruritus/rash", ["pruritus", "rash"]),
    (
        "abbreviation of a value is no reaction",
        "Increased LDL cholesterol (LDL-C)",
        ["Increased LDL cholesterol"],
    ),
    (
        "a modifier never reaches across a comma",
        "Serious infections (e.g., cytomegalovirus, herpes zoster, sepsis) occurred.",
        ["infections", "herpes zoster", "sepsis"],
    ),
    (
        "organ-class word in the first cell of a list",
        "Nervous system disorders somnolence, tremor, ataxia",
        ["somnolence", "tremor", "ataxia"],
    ),
    (
        "a disorder that is no organ class",
        "Autoimmune disorders occurred.",
        ["Autoimmune disorders"],
    ),
    (
        "words of the sentence are no list items",
        "Rash, pruritus, urticaria, dizziness when used with a diuretic.",
        ["Rash", "pruritus", "urticaria", "dizziness"],
    ),
    ("a course word ending the text", "Psoriasis, new onset or worsening", ["Psoriasis"]),
    (
        "frequencies in brackets separate no items",
        "More often on drug: gastritis (1.2%, 3.4%), flatulence (0.3%, 1.1%), and glossodynia (0%, 2%).",
        ["gastritis", "flatulence", "glossodynia"],
    ),
    (
        "a frequency word or a count is no item",
        "Seven (4%) stopped because of gastritis, hiccups, or anemia; rare: nausea, hiccups",
        ["gastritis", "hiccups", "anemia", "nausea", "hiccups"],
    ),
    (
        "an organ class of complications leads a list",
        "Injury, poisoning and procedural complications: contusion, fall, rash, pruritus",
        ["contusion", "fall", "rash", "pruritus"],
    ),
    ("a body site in front", "Face edema resolved.", ["Face edema"]),
    (
        "name of the measured value after a known change",
        "Increased triglyceride levels were seen.",
        ["Increased triglyceride levels"],
    ),
    (
        "MedDRA-style post-qualifiers",
        "Dermatitis acneiform, vomiting projectile",
        ["Dermatitis acneiform", "vomiting projectile"],
    ),
    (
        "words run together where a list lost its line breaks",
        "Skin: rash, hivesEye disorders: blurred vision",
        ["rash", "hives", "blurred vision"],
    ),
    (
        "non- names another kind",
        "Malignancies (excluding non-melanoma skin cancer) occurred.",
        ["Malignancies", "non-melanoma skin cancer"],
    ),
    (
        "non-acute is no other kind",
        "Non-acute hypersensitivity reactions occurred.",
        ["acute hypersensitivity reactions"],
    ),
    (
        "the first reading of a slashed change",
        "Weight decreased/increased, appetite decreased/increased and dehydration",
        ["Weight decreased", "appetite decreased", "dehydration"],
    ),
    (
        "the whole reading of a slashed kind",
        "Injection / application site erythema",
        ["application site erythema"],
    ),
    (
        "a verb left by bracketed frequencies is no item",
        "Rash was seen in 9 patients (4%, 5%), hives (1%, 2%) and itching.",
        ["Rash", "hives", "itching"],
    ),
    (
        "two words built like adjectives",
        "Two cases of vulvovaginal mycotic infection.",
        ["vulvovaginal mycotic infection"],
    ),
    (
        "a hyphenated prefix of a site",
        "Intra-abdominal hemorrhage and post-procedural hemorrhage",
        ["Intra-abdominal hemorrhage", "post-procedural hemorrhage"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [f[1:] for f in FOUND], ids=[f[0] for f in FOUND])
def test_finds_adverse_effects(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_adverse_effects(text)] == expected


NOT_FOUND = [
    ("acronym in lower case is a word", "pres and ten"),
    ("grouping of reactions", "Gastrointestinal disorders"),
    ("organ-class grouping", "Skin and subcutaneous tissue disorders"),
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


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Stomatitis  b    70     7     0", ["Stomatitis"]),
        ("Fatigue/malaise  45   3   0.5", ["Fatigue", "malaise"]),
        ("Anxiety      14 (8)     1 (<1)", ["Anxiety"]),
        ("Acute renal failure     5 (9%)     --     --", ["Acute renal failure"]),
        ("  Rash (includes macular, papular)    3%    1%", ["Rash"]),
        ("  Pain, tenderness    3%    1%", ["Pain", "tenderness"]),
    ],
    ids=[
        "footnote letter",
        "two terms in one cell",
        "count and percent",
        "empty cells",
        "note in brackets",
        "comma in a cell",
    ],
)
def test_table_row_cells(row: str, expected: list[str]) -> None:
    assert [m.text for m in find_adverse_effects(row, table_rows=True)] == expected


def test_list_of_words_that_are_mostly_no_reactions_stays_unknown() -> None:
    text = "Patients were enrolled in Canada, Mexico, Peru and Chile with nausea."
    found = find_adverse_effects(text)
    assert [m.text for m in complete_list(text, 0, found)] == ["nausea"]


def test_abbreviation_of_a_word_is_not_taken() -> None:
    text = "Nausea (n=12) was mild."
    assert [m.text for m in with_abbreviations(text, 0, find_adverse_effects(text))] == ["Nausea"]


@pytest.mark.parametrize(
    ("text", "design"),
    [
        ("The data described below reflect exposure to Zyxopril in 900 patients.", True),
        ("These side effects are related to the inhibition of the enzyme.", True),
        ("Headache and nausea", False),
    ],
    ids=["exposure", "explanation", "bare item"],
)
def test_sentences_about_the_trial_are_no_findings(text: str, design: bool) -> None:
    assert bool(STUDY_DESIGN.search(text)) is design


def test_list_after_organ_class_takes_unknown_items() -> None:
    text = "Nervous system disorders: dysphasia, word-finding trouble, tremor."
    assert [text[a:b] for a, b in list_items(text)] == [
        "dysphasia",
        "word-finding trouble",
        "tremor",
    ]


LIST_GROUPINGS = [
    ("frequency word", "Eye Disorders: Frequent - conjunctivitis; Rare - diplopia"),
    ("grouping word with a colon", "Adverse reactions included: Ocular: conjunctivitis, diplopia"),
    ("grouping cell", "Eye Disorders:  Eye disorders     conjunctivitis, diplopia"),
]


@pytest.mark.parametrize("text", [g[1] for g in LIST_GROUPINGS], ids=[g[0] for g in LIST_GROUPINGS])
def test_list_items_lose_their_grouping(text: str) -> None:
    assert [text[a:b] for a, b in list_items(text)] == ["conjunctivitis", "diplopia"]


def test_table_cells_run_together_keep_each_organ_class_apart() -> None:
    text = (
        "Nervous System Disorders:    tremor, dizziness, somnolence    Hepatobiliary"
        " Disorders:    jaundice    Skin Disorders:    alopecia"
        "    General Disorders and Administration Site Conditions:    fatigue"
    )
    found = [m.text for m in find_adverse_effects(text, table_rows=True)]
    assert found == ["tremor", "dizziness", "somnolence", "jaundice", "alopecia", "fatigue"]


def test_a_cell_that_is_no_grouping_stays_in_its_item() -> None:
    text = "Nervous system disorders:   tremor     AtaxiaAtaxia includes these terms: gait change"
    assert "tremor     Ataxia" not in [m.text for m in find_adverse_effects(text, table_rows=True)]


@pytest.mark.parametrize(
    "text",
    [
        "The syndrome often presents with fever, rash, lymphadenopathy and glossitis.",
        "b  Includes these terms: flushing, hot flush, feeling hot.",
    ],
    ids=["a verb of presentation", "a footnote letter"],
)
def test_words_that_are_no_list_items(text: str) -> None:
    found = {m.text for m in find_adverse_effects(text, table_rows=True)}
    assert not found & {"presents", "b"}


def test_list_item_loses_the_verb_of_the_lead() -> None:
    text = "Adverse reactions were eye reactions and included conjunctivitis, diplopia"
    assert [text[a:b] for a, b in list_items(text)] == [
        "eye reactions",
        "conjunctivitis",
        "diplopia",
    ]


SUPPOSED = [
    ("if a reaction occurs", "If a hypersensitivity reaction occurs, stop the drug.", True),
    ("should a reaction occur", "Should severe rash develop, stop the drug.", True),
    ("reported reaction", "A hypersensitivity reaction occurred in 2 patients.", False),
]


@pytest.mark.parametrize(
    ("text", "supposed"), [s[1:] for s in SUPPOSED], ids=[s[0] for s in SUPPOSED]
)
def test_supposed_reaction_is_no_finding(text: str, supposed: bool) -> None:
    position = text.lower().index("hypersensitivity") if "hyper" in text else text.index("rash")
    assert is_supposed(text, position) is supposed


CONSIDERED = [
    (
        "differential diagnosis",
        "The differential diagnosis includes heat stroke and drug fever.",
        "drug fever",
        True,
    ),
    ("watched for", "Monitor patients closely for fever during the infusion.", "fever", True),
    ("seen", "Fever occurred during the infusion in 4 patients.", "Fever", False),
    (
        "every item watched for",
        "Monitor patients for excessive sedation, low blood pressure and slow breathing.",
        "slow breathing",
        True,
    ),
    (
        "what a trial watched, then a finding",
        "Patients were evaluated for safety and efficacy, and headache was the most common.",
        "headache",
        False,
    ),
    (
        "a period watched, then a finding",
        "Patients were monitored for 4 weeks and dizziness occurred in 3%.",
        "dizziness",
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "word", "supposed"), [c[1:] for c in CONSIDERED], ids=[c[0] for c in CONSIDERED]
)
def test_conditions_to_rule_out_or_watch_for_are_no_findings(
    text: str, word: str, supposed: bool
) -> None:
    assert is_supposed(text, text.index(word)) is supposed


POPULATIONS = [
    ("condition naming the patients", "Monitor gout patients during dosing.", "gout", True),
    (
        "condition naming the trial",
        "In the psoriasis pediatric trial, 3 had rash.",
        "psoriasis",
        True,
    ),
    (
        "indication after 'therapy for'",
        "Adults on hormone therapy for prostate cancer.",
        "prostate",
        True,
    ),
    ("indication heading", "Prophylaxis of deep vein thrombosis after surgery", "deep", True),
    ("adults with", "Reactions in Adults with Chronic Hepatitis C", "Chronic", True),
    ("reaction reported in patients", "Gout was reported in 3 patients.", "Gout", False),
    (
        "patients counted by a finding",
        "The proportion of patients with ALT elevations above 3 x ULN was 2%.",
        "ALT",
        False,
    ),
    (
        "a comma closes the opening phrase",
        "In trials in patients with gout and anemia, ascites and jaundice occurred more often.",
        "jaundice",
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "word", "risk"), [p[1:] for p in POPULATIONS], ids=[p[0] for p in POPULATIONS]
)
def test_populations_and_indications_are_no_reactions(text: str, word: str, risk: bool) -> None:
    assert is_risk_factor(text, text.index(word)) is risk


def test_risk_factor_is_no_reaction() -> None:
    text = "Use with caution in patients with renal impairment."
    assert is_risk_factor(text, text.index("renal"))
    assert not is_risk_factor("Renal impairment occurred.", 0)


RISK_LISTS = [
    (
        "every item of the patients' list",
        "Avoid in patients with heart disease (e.g., angina, arrhythmia, or ischemia).",
        "ischemia",
        True,
    ),
    (
        "risk factors for example",
        "Risk factors for stroke (for example, smoking, hypertension and diabetes) matter.",
        "diabetes",
        True,
    ),
    (
        "what happened to the patients",
        "In patients with gout who received the drug, hypertension and diabetes occurred.",
        "diabetes",
        False,
    ),
    (
        "frequencies end the list",
        "Among patients with lymphoma, serious reactions were nausea (3%), and sepsis (2%).",
        "sepsis",
        False,
    ),
    ("patients named by a condition", "Zyxopril was studied in gout patients.", "gout", True),
    (
        "a verb before the study word",
        "Somnolence prompted study withdrawal in 3% of patients.",
        "Somnolence",
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "word", "risk"), [r[1:] for r in RISK_LISTS], ids=[r[0] for r in RISK_LISTS]
)
def test_risk_factor_lists(text: str, word: str, risk: bool) -> None:
    assert is_risk_factor(text, text.index(word)) is risk


SIGNS = [
    (
        "signs listed after symptoms to report",
        "Tell patients to report symptoms of liver injury (e.g., fatigue, dark urine).",
        "dark urine",
        True,
    ),
    (
        "the condition the signs point to",
        "Tell patients to report symptoms of liver injury (e.g., fatigue, dark urine).",
        "liver injury",
        False,
    ),
    (
        "symptoms reported in a trial",
        "Symptoms such as nausea and headache were reported in 3% of patients.",
        "headache",
        False,
    ),
    (
        "signs that tell to stop the drug, far down a long list",
        "Stop Zyxopril at once if signs or symptoms of a severe skin reaction appear (including,"
        " but not limited to, a spreading rash with fever, malaise, muscle aches, joint aches,"
        " peeling skin, mouth sores, swollen lips, red eyes, swelling of the face, liver"
        " inflammation, raised eosinophils or wheezing).",
        "wheezing",
        True,
    ),
    (
        "an 'if' about the dose, not about signs",
        "Symptoms such as headache and blurred vision went away if the dose was lowered.",
        "blurred vision",
        False,
    ),
    (
        "signs that occurred in a trial",
        "In the trial, signs of a skin reaction (including rash and itching) occurred in 2%.",
        "itching",
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "word", "watch"), [s[1:] for s in SIGNS], ids=[s[0] for s in SIGNS]
)
def test_signs_to_watch_for_are_no_findings(text: str, word: str, watch: bool) -> None:
    assert is_sign_to_watch(text, text.index(word)) is watch


NEGATIONS = [
    ("no reports of", "There were no reports of hepatic necrosis in the trials.", "hepatic", True),
    ("did not cause", "Zyxopril did not cause seizures in healthy volunteers.", "seizures", True),
    ("without", "Patients recovered without sequelae such as scarring.", "scarring", True),
    (
        "though not only",
        "Though not only in the elderly, the reaction shows itself as a fever.",
        "fever",
        False,
    ),
    (
        "not necessarily limits, still negates",
        "A raised ALT is not necessarily a sign of liver injury.",
        "liver injury",
        True,
    ),
    (
        "a dose range is no new conjunct",
        "Zyxopril was not associated with hepatotoxicity at 1 and 2 mg/kg, or with neutropenia.",
        "neutropenia",
        True,
    ),
    (
        "but not limited to",
        "Reactions include, but are not limited to, rash and fever.",
        "rash",
        False,
    ),
    ("if not all", "Most, if not all, patients had dry mouth.", "dry mouth", False),
    ("not uncommon", "Headache was not uncommon and resolved with rest.", "resolved", False),
    (
        "a dye's number",
        "The tablets contain FD&C Yellow No. 6, which may cause urticaria.",
        "urticaria",
        False,
    ),
    (
        "a count starts a new conjunct",
        "Tremor occurred in no patients on placebo and in 5 patients on Zyxopril (2 with ataxia).",
        "ataxia",
        False,
    ),
    ("no count", "No patients developed ataxia and 2 had no tremor.", "ataxia", True),
    (
        "a count with no patient noun",
        "No patient on placebo and 3 on Zyxopril developed hepatitis.",
        "hepatitis",
        False,
    ),
    (
        "a decimal percentage",
        "In no placebo patients and 4.2% of treated patients, rash occurred.",
        "rash",
        False,
    ),
    (
        "although not always",
        "Although not always serious, hepatotoxicity has been reported with Zyxopril.",
        "hepatotoxicity",
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "word", "negated"), [n[1:] for n in NEGATIONS], ids=[n[0] for n in NEGATIONS]
)
def test_negation_of_reactions(text: str, word: str, negated: bool) -> None:
    assert is_negated(text, text.index(word)) is negated


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
Blurred vision and tinnitus in two patients.
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
    expected = {
        "hepatotoxicity",
        "somnolence",
        "dry mouth",
        "nausea",
        "glorbitis of the ankle",
        "tinnitus",  # a sentence of the section that names reactions, with no verb
    }
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


OBO = """format-version: 1.2

[Term]
id: HP:0000118
name: Phenotypic abnormality

[Term]
id: HP:0012378
name: Fatigue
synonym: "Tiredness" EXACT layperson []
synonym: "Worn flat" RELATED []
is_a: HP:0000118 ! Phenotypic abnormality

[Term]
id: HP:0000005
name: Mode of inheritance

[Term]
id: HP:0000001
name: Old fatigue
is_obsolete: true
is_a: HP:0000118
"""


def test_hpo_obo_gives_phenotypes_with_exact_synonyms_only() -> None:
    assert parse_hpo_obo(OBO.splitlines()) == [("HP:0012378", "Fatigue", ("Tiredness",))]


def test_exact_synonym_is_the_same_phenotype() -> None:
    vocabulary = AdverseVocabulary(read_terms(), parse_hpo_obo(OBO.splitlines()))
    tiredness = vocabulary.effects[normalise_phrase("tiredness")]
    assert tiredness.identifiers == ("HP:0012378",)
    assert normalise_phrase("worn flat") not in vocabulary.effects


def _curated(term: str, *synonyms: str, identifiers: tuple[str, ...] = ()) -> VocabularyRow:
    return VocabularyRow(term, "effect", synonyms, identifiers, "curated")


def test_curated_term_that_hpo_names_exactly_takes_its_identifier() -> None:
    vocabulary = AdverseVocabulary(
        [_curated("fatigue", "weariness")], [("HP:0012378", "Fatigue", ("Weariness",))]
    )
    weariness = vocabulary.effects[normalise_phrase("weariness")]
    assert weariness.label == "fatigue"
    assert weariness.identifiers == ("HP:0012378",)
    assert "HPO" in weariness.source


def test_curated_term_matching_only_an_hpo_synonym_stays_without_identifier() -> None:
    # "Weariness" is here an exact synonym of Fatigue, not its name: the row keeps no id.
    vocabulary = AdverseVocabulary(
        [_curated("weariness")], [("HP:0012378", "Fatigue", ("Weariness",))]
    )
    assert vocabulary.effects[normalise_phrase("weariness")].identifiers == ()


def test_curated_row_broader_than_the_hpo_term_keeps_no_identifier() -> None:
    # The row maps "visual disturbance" (blurring, halos) to its term: broader than HPO's
    # Visual impairment, so HPO's identifier would say more than the label does.
    hpo_terms = [("HP:0000505", "Visual impairment", ("Poor vision",))]
    broad = AdverseVocabulary([_curated("visual impairment", "visual disturbance")], hpo_terms)
    exact = AdverseVocabulary([_curated("visual impairment", "poor vision")], hpo_terms)
    assert broad.effects[normalise_phrase("visual disturbance")].identifiers == ()
    assert exact.effects[normalise_phrase("poor vision")].identifiers == ("HP:0000505",)


def test_a_fall_in_blood_pressure_is_not_hpo_falls() -> None:
    vocabulary = AdverseVocabulary([_curated("fall")], [("HP:0002527", "Falls", ())])
    assert vocabulary.effects[normalise_phrase("fall")].identifiers == ()


def test_curated_identifier_wins_and_ambiguous_hpo_names_give_none() -> None:
    hpo_terms = [
        ("HP:9000001", "Hiccup", ()),
        ("HP:9000002", "Hiccups", ()),
        ("HP:0002315", "Headache", ()),
    ]
    vocabulary = AdverseVocabulary(
        [_curated("hiccups"), _curated("headache", identifiers=("MEDDRA:10019211",))], hpo_terms
    )
    assert vocabulary.effects[normalise_phrase("hiccups")].identifiers == ()
    assert vocabulary.effects[normalise_phrase("headache")].identifiers == ("MEDDRA:10019211",)


def test_hpo_names_only_without_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(hpo, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(hpo, "hpo_cache_path", lambda: tmp_path / "absent.tsv")
    monkeypatch.setattr(hpo, "_hpo_names", lambda: (("HP:0012378", "Fatigue"),))
    hpo.hpo_terms.cache_clear()
    try:
        assert hpo.hpo_terms() == (("HP:0012378", "Fatigue", ()),)
    finally:
        hpo.hpo_terms.cache_clear()
    assert "no HPO synonyms" in caplog.text


def _under(*headings: str) -> Sentence:
    spans = tuple(Span(h, 0, len(h)) for h in headings)
    return Sentence("Nausea occurred.", 0, 16, headings=spans)


def test_numbered_subsection_stays_in_its_section() -> None:
    sections = SectionKinds()
    assert sections.of(_under("5 WARNINGS AND PRECAUTIONS")) == {"precaution"}
    # its own words name another kind, but 5.9 sits in section 5
    assert sections.of(_under("5.9 Preparation and Administration Errors")) == {"precaution"}
    assert sections.of(_under("6 ADVERSE REACTIONS")) == {"adverse"}
    assert sections.of(_under("6.1 Clinical Trials Experience")) == {"adverse"}


def test_organ_class_heading_names_no_section() -> None:
    sections = SectionKinds()
    assert sections.of(_under("Adverse Reactions")) == {"adverse"}
    grouping = _under("Adverse Reactions", "General Disorders and Administration Site Conditions")
    assert sections.of(grouping) == {"adverse"}


def test_new_onset_is_no_severity_word() -> None:
    diabetes = Entity("diabetes-mellitus", EntityType.ADVERSE_EFFECT, "diabetes mellitus")
    assert without_severity(Mention("New onset of diabetes mellitus", 0, 30, diabetes)).start == 0
    assert without_severity(Mention("New rash", 0, 8, diabetes)).text == "rash"


def test_sentence_subject_is_no_list_item() -> None:
    text = "Taking Zyxopril may cause nausea, vomiting, glossodynia and rash."
    found = [m.text for m in complete_list(text, 0, find_adverse_effects(text))]
    assert found == ["nausea", "vomiting", "glossodynia", "rash"]


def test_what_another_drug_causes_in_a_warning_is_not_the_drugs_effect(tmp_path: Path) -> None:
    warning = (
        "Clonazepam\n\nWarnings and Precautions\n\n"
        "Even a little alcohol may cause severe pancreatitis, so patients should not drink.\n\n"
        "Clonazepam may cause hepatotoxicity.\n"
    )
    (tmp_path / "clonazepam.txt").write_text(warning, encoding="utf-8")
    graph = build_graph([tmp_path]).graph
    stated = {
        (str(graph.value(n, DKG.subjectText)), str(graph.value(n, DKG.objectText)))
        for n in graph.subjects(RDF.predicate, BIOLINK.has_side_effect)
    }
    assert ("Clonazepam", "hepatotoxicity") in stated
    assert ("Clonazepam", "pancreatitis") not in stated


def test_a_colon_ends_the_reach_of_a_negation(tmp_path: Path) -> None:
    label = (
        "Zyxopril\n\nAdverse Reactions\n\n"
        "Because these reactions are reported voluntarily, it is not possible to estimate "
        "their frequency: pancreatitis, alopecia and hepatitis.\n"
    )
    (tmp_path / "zyxopril.txt").write_text(label, encoding="utf-8")
    graph = build_graph([tmp_path]).graph
    assert _side_effects(graph, negated=False) >= {"pancreatitis", "alopecia", "hepatitis"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("tachycardia, cardiac arrestSyncope", ["tachycardia", "cardiac", "arrest", "syncope"]),
        ("McArdle myopathy, low eGFR", ["mcardle", "myopathy", "low", "egfr"]),
    ],
    ids=["run-together words split", "names and lab codes keep their capitals"],
)
def test_words_run_together_split_only_at_a_capitalised_word(text: str, words: list[str]) -> None:
    assert [t.word for t in tokenize(text)] == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reactions included nausea, vomiting and rash, but constipation is common.",
            ["nausea", "vomiting", "rash", "constipation"],
        ),
        (
            "Reactions included nausea, vomiting and rash, whereas headache and insomnia were"
            " frequent.",
            ["nausea", "vomiting", "rash", "headache", "insomnia"],
        ),
        (
            "Reactions included nausea, vomiting, although glossodynia and rash were frequent.",
            ["nausea", "vomiting", "glossodynia", "rash"],
        ),
    ],
    ids=["but", "whereas", "although-unknown-item"],
)
def test_a_contrast_word_is_no_part_of_the_list_item_after_it(
    text: str, expected: list[str]
) -> None:
    assert [m.text for m in find_adverse_effects(text)] == expected


def test_a_contrast_word_with_no_reaction_after_it_names_none() -> None:
    text = "Reactions, although uncommon, included nausea, vomiting and rash."
    assert [m.text for m in find_adverse_effects(text)] == ["nausea", "vomiting", "rash"]
