"""Which drug mentions of a sentence interact, how, and when the sentence denies it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import read_document
from graph_builder.interactions import (
    class_mentions,
    interaction_pairs,
    interaction_type,
    name_pattern_mentions,
    statements_of,
    with_class_mentions,
)
from graph_builder.lexicon import abbreviation_mentions, find_abbreviations, find_mentions
from graph_builder.model import EntityType


def stated_pairs(
    tmp_path: Path, sentence: str, title: str = "Diazepam"
) -> set[tuple[str, str, str]]:
    """Extract a one-sentence monograph; return (drug, drug, type) of asserted interactions."""
    path = tmp_path / "doc.txt"
    path.write_text(f"{title}\n\n{sentence}\n", encoding="utf-8")
    return {
        (
            *sorted((c.subject.text.lower(), c.obj.text.lower())),
            dict(c.qualifiers)["interaction_type"],
        )
        for c in extract(read_document(path)).claims
        if c.relation == "interacts_with" and c.obj is not None and not c.negated
    }


PAIRS = [
    (
        "Cimetidine increases the plasma levels of warfarin.",
        {("cimetidine", "warfarin", "mechanism")},
    ),
    (
        "Rifampin may induce the metabolism of ketoconazole, itraconazole, or fluconazole.",
        {
            ("itraconazole", "rifampin", "mechanism"),
            ("ketoconazole", "rifampin", "mechanism"),
            ("fluconazole", "rifampin", "mechanism"),
        },
    ),
    (
        "Diazepam should be used cautiously in patients receiving MAO inhibitors.",
        {("diazepam", "mao inhibitors", "advise")},
    ),
    (
        "Diazepam may potentiate the effects of narcotics, barbiturates and phenothiazines.",
        {
            ("diazepam", "narcotics", "effect"),
            ("barbiturates", "diazepam", "effect"),
            ("diazepam", "phenothiazines", "effect"),
        },
    ),
    (
        "Coadministration of fluoxetine and tramadol may increase the risk of seizures.",
        {("fluoxetine", "tramadol", "effect")},
    ),
    (
        "Potent CYP3A4 inhibitors increase the plasma levels of diazepam.",
        {("diazepam", "potent cyp3a4 inhibitors", "mechanism")},
    ),
    (
        "Warfarin interacts with aspirin.",
        {("aspirin", "warfarin", "int")},
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    PAIRS,
    ids=[
        "increases-plasma-levels",
        "induces-metabolism-list",
        "cautiously-receiving-class",
        "potentiates-three-classes",
        "coadministration-of-a-and-b",
        "class-phrase",
        "bare-int",
    ],
)
def test_sentence_states_its_pairs(
    tmp_path: Path, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    assert stated_pairs(tmp_path, sentence) == expected


def test_a_coordinated_list_is_one_pair_per_member(tmp_path: Path) -> None:
    sentence = (
        "Diazepam may enhance the effects of alcohol, barbiturates, phenothiazines, "
        "narcotics, antihistamines, and MAO inhibitors."
    )
    pairs = stated_pairs(tmp_path, sentence)
    assert len(pairs) == 6
    assert all("diazepam" in pair[:2] for pair in pairs)


NEGATED = [
    "Diazepam does not appear to alter the pharmacokinetics of phenytoin or carbamazepine.",
    "The effect of diazepam on the metabolism of warfarin has not been investigated.",
    "No clinically significant interaction was seen between diazepam and cimetidine.",
    "Cimetidine did not affect the clearance of diazepam.",
]


@pytest.mark.parametrize(
    "sentence",
    NEGATED,
    ids=["does-not-alter", "not-investigated", "no-significant-interaction", "did-not-affect"],
)
def test_denied_or_unstudied_interaction_is_not_asserted(tmp_path: Path, sentence: str) -> None:
    assert stated_pairs(tmp_path, sentence) == set()


def test_pairs_stay_within_a_statement(tmp_path: Path) -> None:
    sentence = "Cimetidine increases levels of warfarin; aspirin is unaffected."
    assert stated_pairs(tmp_path, sentence) == {("cimetidine", "warfarin", "mechanism")}


def test_unnamed_topic_is_the_partner_of_a_lone_drug(tmp_path: Path) -> None:
    claims = extract(
        read_document(_write(tmp_path, "Diazepam", "Ketoconazole may increase plasma levels."))
    )
    (claim,) = [c for c in claims.claims if c.relation == "interacts_with"]
    assert claim.subject.entity.key == "diazepam" and claim.subject_inferred_from_topic
    assert claim.obj is not None and claim.obj.text == "Ketoconazole"


def _write(tmp_path: Path, title: str, sentence: str) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(f"{title}\n\n{sentence}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Avoid concomitant CYP3A4 inhibitors.", ["CYP3A4 inhibitors"]),
        ("Use with HMG-CoA reductase inhibitors.", ["HMG-CoA reductase inhibitors"]),
        ("with oral antifungal agents", ["antifungal agents"]),
        ("potassium-sparing diuretics", ["potassium-sparing diuretics"]),
        ("It is a strong inhibitor of the enzyme.", []),
        ("Other drugs may interact.", []),
    ],
    ids=[
        "cyp-inhibitors",
        "enzyme-inhibitors",
        "adjective-agents",
        "hyphenated",
        "no-head",
        "other-drugs",
    ],
)
def test_class_phrases(text: str, expected: list[str]) -> None:
    assert [m.text for m in class_mentions(text, 0)] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dose adjustment may be required when X is given with Y.", "advise"),
        ("X decreased the AUC of Y by 40%.", "mechanism"),
        ("X enhanced the hypotensive effect of Y.", "effect"),
        ("X and Y interact.", "int"),
    ],
    ids=["advise", "mechanism", "effect", "int"],
)
def test_interaction_type(text: str, kind: str) -> None:
    assert interaction_type(text) == kind


def test_statements_split_at_semicolons_and_stops() -> None:
    text = "A e.g. B raises C; D. E"
    assert [text[a:b].strip() for a, b in statements_of(text)] == ["A e.g. B raises C;", "D.", "E"]


def rule_pairs(sentence: str) -> set[tuple[str, str]]:
    """What the readable rules alone pair in a sentence (no trained model)."""
    mentions = with_class_mentions(sentence, 0, find_mentions(sentence))
    return {(p.first.text, p.second.text) for p in interaction_pairs(sentence, 0, mentions)}


def test_rules_pair_a_class_phrase_in_a_passive_sentence() -> None:
    sentence = "Diazepam levels were raised by potent CYP3A4 inhibitors."
    assert rule_pairs(sentence) == {("Diazepam", "potent CYP3A4 inhibitors")}


def test_a_class_named_as_an_adjective_is_no_partner() -> None:
    sentence = "Diazepam may increase the CNS-depressant effects of narcotics."
    assert rule_pairs(sentence) == {("Diazepam", "narcotics")}


def test_a_rule_pair_the_model_keeps_names_its_rule(tmp_path: Path) -> None:
    """With the shipped model, a pair the rules state and the model keeps names the rule."""
    from graph_builder.ddi_model import get_model

    if get_model() is None:
        pytest.skip("no shipped model")
    sentence = "Ketoconazole increased the plasma concentrations of midazolam and of warfarin."
    claims = extract(read_document(_write(tmp_path, "Ketoconazole", sentence)))
    rules = {
        (c.obj.text.lower(), c.rule)
        for c in claims.claims
        if c.relation == "interacts_with" and c.obj is not None
    }
    assert ("midazolam", "interaction-pharmacokinetic") in rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Use ZANTRIX with caution in the elderly.", ["ZANTRIX"]),
        ("ZANTRIXTM raised the levels of the drug.", ["ZANTRIXTM"]),
        ("SCH 12345 and LY-987654 are experimental.", ["SCH 12345", "LY-987654"]),
        ("CLINICAL PHARMACOLOGY of the drug.", []),
        ("See DRUG INTERACTIONS below.", []),
        ("Patients SHOULD avoid the drug.", []),
        ("CYP3A4, CYP450, P450 and HIV-1 are no drugs.", []),
    ],
    ids=["brand", "trade-mark", "codes", "heading", "heading-pair", "shouted-word", "no-code"],
)
def test_printed_brands_and_compound_codes(text: str, expected: list[str]) -> None:
    assert [m.text for m in name_pattern_mentions(text, 0)] == expected


def test_a_printed_brand_is_a_partner_of_the_rules() -> None:
    sentence = "ZANTRIX may potentiate the effect of warfarin."
    assert rule_pairs(sentence) == {("ZANTRIX", "warfarin")}


def test_a_defined_abbreviation_names_its_drug_later() -> None:
    text = "Methotrexate (MTX) is cleared by the kidney. Probenecid raises MTX levels."
    defined = find_abbreviations(text, find_mentions(text))
    assert {short: e.key for short, e in defined.items()} == {"MTX": "methotrexate"}
    later = abbreviation_mentions(text, 0, defined, find_mentions(text))
    assert [(m.text, m.start, m.entity.key) for m in later] == [("MTX", 63, "methotrexate")]


@pytest.mark.parametrize(
    "text",
    ["The patients (n=12) took warfarin.", "Warfarin (see below) and aspirin (low dose)."],
    ids=["no-drug-before", "lower-case-aside"],
)
def test_brackets_that_define_nothing(text: str) -> None:
    assert find_abbreviations(text, find_mentions(text)) == {}


def test_an_abbreviation_pairs_like_its_drug(tmp_path: Path) -> None:
    text = (
        "Methotrexate (MTX) is cleared by the kidney. "
        "Probenecid increases the plasma levels of MTX."
    )
    pairs = {(a, b) for a, b, _ in stated_pairs(tmp_path, text, title="Methotrexate")}
    assert ("mtx", "probenecid") in pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Additive with sedatives.", [("sedatives", "hypnotics")]),
        (
            "Avoid catecholamine-depleting drugs.",
            [("catecholamine-depleting drugs", "catecholamine-depleting-drugs")],
        ),
        ("Fibrates raise the risk.", [("Fibrates", "fibrates")]),
        (
            "Urinary acidifying agents speed excretion.",
            [("Urinary acidifying agents", "urinary-acidifiers")],
        ),
        (
            "Theophylline antagonizes adenosine.",
            [("Theophylline", "theophylline"), ("adenosine", "adenosine")],
        ),
        ("Kaolin reduces absorption.", [("Kaolin", "kaolin")]),
        ("Steroid therapy was stopped.", [("Steroid", "corticosteroids")]),
        (
            "Curare-like compounds prolong the block.",
            [("Curare-like compounds", "neuromuscular-blockers")],
        ),
        ("Avoid alpha-adrenergic blockers.", [("alpha-adrenergic blockers", "alpha-blockers")]),
        ("Avoid adrenergic blockers.", [("adrenergic blockers", "adrenergic-blockers")]),
    ],
    ids=[
        "sedatives",
        "depleting",
        "fibrates",
        "acidifiers",
        "adenosine",
        "kaolin",
        "steroid",
        "curare-like",
        "alpha-not-generic",
        "adrenergic-generic",
    ],
)
def test_drug_and_class_rows_name_partners(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.text, m.entity.key) for m in find_mentions(text)]
    assert found == expected


def test_a_potential_inhibitor_is_no_class() -> None:
    assert class_mentions("It is a potential inhibitor of the enzyme.", 0) == []


def test_neither_nor_denies_the_interaction_of_both(tmp_path: Path) -> None:
    from graph_builder.extract import extract
    from graph_builder.ingest import read_document

    path = tmp_path / "notes.txt"
    path.write_text(
        "Notes\n\nNeither cimetidine nor ranitidine altered the clearance of diazepam.\n",
        encoding="utf-8",
    )
    claims = [c for c in extract(read_document(path)).claims if c.relation == "interacts_with"]
    assert claims
    assert all(c.negated for c in claims)


def denied_pairs(tmp_path: Path, sentence: str) -> set[tuple[str, str]]:
    """Extract a one-sentence monograph; return the pairs it records as denied."""
    path = tmp_path / "doc.txt"
    path.write_text(f"Diazepam\n\n{sentence}\n", encoding="utf-8")
    return {
        tuple(sorted((c.subject.text.lower(), c.obj.text.lower())))  # type: ignore[misc]
        for c in extract(read_document(path)).claims
        if c.relation == "interacts_with" and c.obj is not None and c.negated
    }


# A plain "A raises B levels" stays stated when the sentence goes on to deny another pair:
# the trained model, reading the whole sentence, was sure it held no interaction.
STATED_DESPITE_A_DENIAL = [
    (
        "Cimetidine raises diazepam levels, whereas famotidine does not alter them.",
        ("cimetidine", "diazepam"),
        ("diazepam", "famotidine"),
    ),
    (
        "Rifampin markedly lowers the serum concentrations of midazolam, while azithromycin"
        " has no such effect.",
        ("midazolam", "rifampin"),
        ("azithromycin", "midazolam"),
    ),
    (
        "Fluvoxamine may increase the plasma concentrations of alprazolam, but sertraline"
        " did not change them in a small study.",
        ("alprazolam", "fluvoxamine"),
        ("alprazolam", "sertraline"),
    ),
]


@pytest.mark.parametrize(
    ("sentence", "stated", "denied"),
    STATED_DESPITE_A_DENIAL,
    ids=["raises-levels", "lowers-concentrations-of", "may-increase-concentrations-of"],
)
def test_a_pair_stated_straight_out_survives_a_denial_later_in_the_sentence(
    tmp_path: Path, sentence: str, stated: tuple[str, str], denied: tuple[str, str]
) -> None:
    assert stated in {pair[:2] for pair in stated_pairs(tmp_path, sentence)}
    assert denied in denied_pairs(tmp_path, sentence)


def test_does_not_raise_is_a_denial(tmp_path: Path) -> None:
    sentence = "Ketoconazole does not raise midazolam levels."
    assert stated_pairs(tmp_path, sentence) == set()
    assert denied_pairs(tmp_path, sentence) == {("ketoconazole", "midazolam")}


@pytest.mark.parametrize(
    ("sentence", "direct"),
    [
        ("Cimetidine raises diazepam levels.", True),
        ("Cimetidine may significantly increase the plasma concentrations of diazepam.", True),
        ("Alcohol potentiates the sedative effects of diazepam.", True),
        ("Rifampin induces the metabolism of diazepam.", True),
        ("Cimetidine raises the heart rate, and diazepam was given later.", False),
        ("Cimetidine is given with diazepam.", False),
        ("Cimetidine does not raise diazepam levels.", False),
        ("Cimetidine and diazepam levels were measured.", False),
        ("Cimetidine raises diazepam.", False),
    ],
)
def test_a_change_verb_straight_from_one_drug_to_the_other(sentence: str, direct: bool) -> None:
    from graph_builder.interactions import states_directly

    drugs = (EntityType.DRUG, EntityType.DRUG_CLASS)
    mentions = [m for m in find_mentions(sentence, 0) if m.entity.type in drugs]
    first, second = mentions[0], mentions[1]
    assert states_directly(sentence, 0, first, second) is direct


@pytest.mark.parametrize(
    ("sentence", "stated", "denied"),
    [
        (
            "Cimetidine increases diazepam levels, and ranitidine does not affect them.",
            ("cimetidine", "diazepam"),
            ("diazepam", "ranitidine"),
        ),
        (
            "Erythromycin raises the plasma levels of triazolam, and no change was seen with"
            " azithromycin.",
            ("erythromycin", "triazolam"),
            ("azithromycin", "triazolam"),
        ),
    ],
    ids=["and-does-not-affect", "and-no-change-was-seen"],
)
def test_a_denial_after_and_does_not_reach_the_statement_before_it(
    tmp_path: Path, sentence: str, stated: tuple[str, str], denied: tuple[str, str]
) -> None:
    assert stated in {pair[:2] for pair in stated_pairs(tmp_path, sentence)}
    assert denied in denied_pairs(tmp_path, sentence)


def test_a_denial_that_opens_the_clause_still_denies_the_statement(tmp_path: Path) -> None:
    sentence = "It has not been established whether cimetidine raises diazepam levels."
    assert stated_pairs(tmp_path, sentence) == set()
    assert denied_pairs(tmp_path, sentence) == {("cimetidine", "diazepam")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Neither cimetidine nor ranitidine elevates warfarin levels.",
        "Cimetidine doesn't raise warfarin levels.",
        "Cimetidine cannot raise warfarin levels.",
        "Cimetidine never raises warfarin levels.",
        "Claims that cimetidine raises warfarin levels were not confirmed.",
    ],
    ids=["neither-nor-elevates", "doesnt", "cannot", "never", "not-confirmed"],
)
def test_a_denied_change_is_no_interaction(tmp_path: Path, sentence: str) -> None:
    assert stated_pairs(tmp_path, sentence) == set()
    assert ("cimetidine", "warfarin") in denied_pairs(tmp_path, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No study has shown that cimetidine raises warfarin levels.",
        "Whether cimetidine raises warfarin levels is unknown.",
    ],
    ids=["no-study-has-shown-that", "whether-is-unknown"],
)
def test_a_reported_or_doubted_change_is_not_stated_straight_out(
    tmp_path: Path, sentence: str
) -> None:
    assert stated_pairs(tmp_path, sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        (
            "You should never increase the dose of diazepam while taking cimetidine.",
            ("cimetidine", "diazepam"),
        ),
        (
            "Patients taking phenytoin should never lower their warfarin dose without checking"
            " the INR.",
            ("phenytoin", "warfarin"),
        ),
        ("Diazepam can't be combined with lorazepam.", ("diazepam", "lorazepam")),
    ],
    ids=["should-never-increase-the-dose", "should-never-lower-their-dose", "cant-be-combined"],
)
def test_never_or_cannot_in_advice_is_no_denial(
    tmp_path: Path, sentence: str, pair: tuple[str, str]
) -> None:
    assert pair in {p[:2] for p in stated_pairs(tmp_path, sentence)}
    assert pair not in denied_pairs(tmp_path, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Fluvoxamine cannot be safely combined with diazepam.",
        "Diazepam should never be taken with alcohol.",
    ],
)
def test_a_prohibited_combination_is_advice(sentence: str) -> None:
    assert interaction_type(sentence) == "advise"


def test_a_denial_names_the_drugs_of_its_own_clause_not_the_next_ones(tmp_path: Path) -> None:
    """The later clause speaks of the earlier one's drug; its own words decide the pair."""
    sentence = "Levetiracetam does not affect phenytoin, but carbamazepine lowers its levels."
    assert ("carbamazepine", "phenytoin") not in denied_pairs(tmp_path, sentence)
    assert ("levetiracetam", "phenytoin") in denied_pairs(tmp_path, sentence)


@pytest.mark.parametrize(
    "text",
    [
        "It belongs to the angiotensin converting enzyme (ACE) inhibitors.",
        "Do not take it if you are allergic to other proton pump inhibitors.",
    ],
)
def test_a_class_name_cut_short_is_no_class(text: str) -> None:
    assert not any(
        m.text.lower().startswith(("enzyme", "pump")) for m in class_mentions(text, 0)
    )


def test_a_class_with_its_own_modifier_is_found() -> None:
    assert [m.text for m in class_mentions("Avoid hepatic enzyme inducers.", 0)] == [
        "hepatic enzyme inducers"
    ]


def test_a_channel_or_pump_class_keeps_the_ion_that_names_it() -> None:
    found = [m.text for m in class_mentions("Avoid calcium channel blockers and proton pump inhibitors.", 0)]
    assert "calcium channel blockers" in found and "proton pump inhibitors" in found
