"""Interactions a leaflet states in ways the fourth trial found missed or misread.

A "Tell your doctor if you take:" list names the drug's partners; classes coordinated in one
sentence are not each other's subclasses; a denial of one aspect does not deny the advice or
harm stated after "but"/"however"; spacing the doses of two drugs is an interaction; advice on
a drug for patients taking others names each of them; an unnamed kind of medicine with its
examples names the topic's partners.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.interactions import (
    SPACED_DOSES,
    SPACING_ADVICE,
    STUDY_AIM,
    affirmed_after_denial,
)
from graph_builder.model import Claim

from .interaction_helpers import claims_of as _claims
from .interaction_helpers import stated_pairs as _pairs


def _denied(claims: tuple[Claim, ...]) -> set[frozenset[str]]:
    return {
        frozenset((c.subject.entity.key, c.obj.entity.key))
        for c in claims
        if c.relation == "interacts_with" and c.obj is not None and c.negated
    }


def _classes(claims: tuple[Claim, ...]) -> set[tuple[str, str, str]]:
    return {
        (c.relation, c.subject.entity.key, c.obj.entity.key)
        for c in claims
        if c.relation in ("member_of", "subclass_of") and c.obj is not None
    }


def test_a_tell_your_doctor_list_names_the_leaflets_partners(tmp_path: Path) -> None:
    page = (
        "# Digoxin leaflet\n\n"
        "Several medicines can push digoxin levels up. Tell your doctor if you are taking:\n\n"
        "- heart rhythm medicines, for example amiodarone\n"
        "- calcium channel blockers such as verapamil or diltiazem\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "digoxin.md"))
    for partner in ("amiodarone", "verapamil", "diltiazem"):
        assert frozenset({"digoxin", partner}) in pairs
    assert frozenset({"verapamil", "diltiazem"}) not in pairs  # examples of one class


def test_a_tell_your_doctor_list_of_illnesses_names_no_partner(tmp_path: Path) -> None:
    page = (
        "# Digoxin leaflet\n\nTell your doctor if you have:\n\n"
        "- kidney problems\n- an underactive thyroid\n"
    )
    assert not _pairs(_claims(tmp_path, page, "digoxin.md"))


def test_taking_it_with_a_class_and_its_example_pairs_the_topic(tmp_path: Path) -> None:
    page = (
        "Tramadol\n\nOther medicines\n\n"
        "Taking it with MAOI antidepressants such as phenelzine can be dangerous.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "tramadol.txt"))
    assert frozenset({"tramadol", "phenelzine"}) in pairs


@pytest.mark.parametrize(
    ("sentence", "coordinated"),
    [
        (
            "Statins such as simvastatin and macrolides like clarithromycin can hurt muscles.",
            ("macrolides", "statins"),
        ),
        ("Beta-blockers such as atenolol and diuretics can lower potassium.", None),
    ],
    ids=["each-with-examples", "second-bare"],
)
def test_a_class_coordinated_after_a_drug_example_is_no_subclass(
    tmp_path: Path, sentence: str, coordinated: tuple[str, str] | None
) -> None:
    classes = _classes(_claims(tmp_path, f"Warfarin\n\nInteractions\n\n{sentence}\n", "w.txt"))
    assert not {r for r in classes if r[0] == "subclass_of"}
    if coordinated:
        assert ("member_of", "clarithromycin", "macrolides") in classes


@pytest.mark.parametrize(
    ("sentence", "subclass", "parent"),
    [
        (
            "Antihypertensives such as beta blockers and ACE inhibitors may lower it further.",
            "ace-inhibitors",
            "antihypertensives",
        ),
        # a class after a drug example, joined by "or" and with no examples of its own
        (
            "It deepens sleepiness with sedatives like alcohol or benzodiazepines.",
            "benzodiazepines",
            "hypnotics",
        ),
    ],
    ids=["classes-only", "drug-then-class-or"],
)
def test_classes_listed_as_examples_of_a_class_stay_its_subclasses(
    tmp_path: Path, sentence: str, subclass: str, parent: str
) -> None:
    page = f"Warfarin\n\nDescription\n\n{sentence}\n"
    classes = _classes(_claims(tmp_path, page, "w.txt"))
    assert ("subclass_of", subclass, parent) in classes


@pytest.mark.parametrize(
    ("text", "affirmed"),
    [
        ("A did not change B levels, but dizziness and falls were more frequent.", True),
        ("A had no effect on B; nevertheless, using them together is not recommended.", True),
        ("A has not been studied with B, and their combination is contraindicated.", True),
        # the later clause changes a measure only: the study's detail
        ("A did not alter B exposure, but the rate of absorption of B was reduced.", False),
        # the later clause keeps a negation of its own
        ("A does not interact with B, and no dose change is needed.", False),
        ("A does not affect B, but it is well tolerated.", False),
    ],
    ids=["harm", "advice", "contraindicated", "measure", "still-denied", "nothing"],
)
def test_a_later_clause_of_harm_or_advice_outweighs_the_denial(text: str, affirmed: bool) -> None:
    assert affirmed_after_denial(text) is affirmed


def test_a_later_clause_about_another_drug_leaves_the_denial(tmp_path: Path) -> None:
    text = "A does not alter B levels, but C raises the risk of bleeding."
    assert not affirmed_after_denial(text, (text.index("C raises"),))


def test_a_denied_aspect_does_not_deny_the_advice_after_however(tmp_path: Path) -> None:
    page = (
        "Citalopram\n\nInteractions\n\n"
        "Citalopram did not add to the sedation of alcohol in volunteers; however, "
        "drinking alcohol during citalopram treatment is not advised.\n"
        "Citalopram did not alter the levels of digoxin.\n"
    )
    claims = _claims(tmp_path, page, "citalopram.txt")
    assert frozenset({"citalopram", "ethanol"}) not in _denied(claims)
    assert frozenset({"citalopram", "digoxin"}) in _denied(claims)


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("Take it 4 hours before or 2 hours after antacids.", True),
        ("Leave 2-3 hours between the two medicines.", True),
        ("Please separate doses of these by a few hours.", True),
        ("Take it twice a day, morning and evening.", False),
    ],
    ids=["before-after", "range-between", "separate", "schedule"],
)
def test_the_words_that_space_two_doses(text: str, spaced: bool) -> None:
    assert (SPACED_DOSES.search(text) is not None) is spaced


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("Take it 4 hours before or 2 hours after antacids.", True),
        ("Doses of the two should be separated by 3 hours.", True),
        ("Volunteers were given it 2 hours after a dose of cimetidine.", False),  # a study
        ("Its levels peaked 3 hours after ranitidine was given.", False),
    ],
    ids=["imperative", "should-be", "study-timing", "study-peak"],
)
def test_spacing_counts_only_as_advice(text: str, advice: bool) -> None:
    assert (SPACING_ADVICE.search(text) is not None) is advice


def test_spacing_the_doses_pairs_the_drug_with_each_product(tmp_path: Path) -> None:
    page = (
        "Doxycycline\n\nTaking it\n\n"
        "Take doxycycline 3 hours before or 2 hours after sucralfate, bismuth, or "
        "supplements containing iron or zinc.\n"
        "Peak levels of doxycycline come 2 hours after a dose.\n"  # spaced from nothing
    )
    pairs = _pairs(_claims(tmp_path, page, "doxycycline.txt"))
    assert {frozenset({"doxycycline", d}) for d in ("sucralfate", "iron", "zinc")} <= pairs
    assert all("doxycycline" in pair for pair in pairs)


@pytest.mark.parametrize(
    "conditions",
    ["", "with a long QT interval or a slow heart rate, and in patients "],
    ids=["patients-taking", "after-conditions"],
)
def test_advice_for_patients_taking_numbered_classes_names_each_drug(
    tmp_path: Path, conditions: str
) -> None:
    page = (
        "Moxifloxacin\n\nWarnings\n\n"
        f"Avoid moxifloxacin in patients {conditions}taking Class IA (disopyramide, quinidine) "
        "or Class III (dofetilide, sotalol) antiarrhythmics.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "moxifloxacin.txt"))
    for partner in ("disopyramide", "quinidine", "dofetilide", "sotalol"):
        assert frozenset({"moxifloxacin", partner}) in pairs
    assert frozenset({"quinidine", "sotalol"}) not in pairs


def test_an_unnamed_kind_with_its_examples_names_the_topics_partners(tmp_path: Path) -> None:
    page = (
        "Codeine\n\nOther medicines\n\n"
        "Drugs that inhibit CYP2D6, such as bupropion, paroxetine or terbinafine, can weaken "
        "its effect.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "codeine.txt"))
    for partner in ("bupropion", "paroxetine", "terbinafine"):
        assert frozenset({"codeine", partner}) in pairs
    assert frozenset({"bupropion", "paroxetine"}) not in pairs


def test_a_warning_about_the_topics_own_class_names_no_partner(tmp_path: Path) -> None:
    page = (
        "Fluoxetine\n\nWarnings and precautions\n\n"
        "SNRIs may raise the risk of low sodium in older patients.\n"
        "Alcohol may increase the risk of drowsiness.\n\n"
        "Interactions\n\n"
        "NSAIDs may increase the risk of bleeding.\n"
    )
    pairs = _pairs(_claims(tmp_path, page, "fluoxetine.txt"))
    assert frozenset({"fluoxetine", "snris"}) not in pairs  # its class, under warnings
    assert frozenset({"fluoxetine", "ethanol"}) in pairs  # a drug, not a class
    assert frozenset({"fluoxetine", "nsaids"}) in pairs  # an interactions section's partner


@pytest.mark.parametrize(
    ("sentence", "substance"),
    [
        # what a drug blocks or what cells make is a substance, no partner
        ("Pemetrexed blocks folate and can cause mouth sores.", "folic-acid"),
        ("It stops an enzyme that the body needs to make folate.", "folic-acid"),
        # a constituent of the herb the text is about
        ("The ingredient behind most of its interactions is hyperforin.", "hyperforin"),
        ("How strongly it induces enzymes depends on the hyperforin content.", "hyperforin"),
        # a supplement given against the drug's harm
        ("Folic acid may help prevent the mouth sores it causes.", "folic-acid"),
        # a nutrient store the drug itself lowers, the drug unnamed
        ("Taken for years, it can lower vitamin B12 levels.", "cyanocobalamin"),
    ],
    ids=["blocks", "make", "constituent", "content", "helps-prevent", "nutrient-level"],
)
def test_a_substance_constituent_or_supplement_is_no_partner(
    tmp_path: Path, sentence: str, substance: str
) -> None:
    page = f"Methotrexate\n\nInteractions\n\n{sentence}\n"
    pairs = _pairs(_claims(tmp_path, page, "methotrexate.txt"))
    assert not any(substance in pair for pair in pairs)


@pytest.mark.parametrize(
    "sentence",
    [
        "Omeprazole can lower vitamin B12 absorption from food supplements with it.",
        "Cholestyramine blocks folic acid absorption, so take them apart.",
        "Colestyramine may reduce the levels of cyanocobalamin taken with methotrexate.",
    ],
    ids=["named-drug-lowers", "blocks-absorption", "levels-with-topic-named"],
)
def test_a_supplement_whose_levels_another_drug_changes_is_a_partner(
    tmp_path: Path, sentence: str
) -> None:
    page = f"Methotrexate\n\nInteractions\n\n{sentence}\n"
    claims = _claims(tmp_path, page, "methotrexate.txt")
    assert any(
        c.relation == "interacts_with"
        and c.obj is not None
        and {c.subject.entity.key, c.obj.entity.key} & {"cyanocobalamin", "folic-acid"}
        for c in claims
    )


@pytest.mark.parametrize("strength", ["a weak to moderate", "a strong or moderate"])
def test_a_graded_class_the_drug_is_said_to_be_is_no_partner(tmp_path: Path, strength: str) -> None:
    page = (
        "Bupropion\n\nInteractions\n\n"
        f"Bupropion is {strength} inhibitor of CYP2D6 and may raise the plasma levels of "
        "metoprolol and desipramine.\n"
    )
    claims = _claims(tmp_path, page, "bupropion.txt")
    assert any(c.obj is not None and c.obj.entity.key == "cyp2d6-inhibitors" for c in claims)
    pairs = _pairs(claims)
    assert frozenset({"bupropion", "metoprolol"}) in pairs
    assert not any("cyp2d6-inhibitors" in pair for pair in pairs)


@pytest.mark.parametrize(
    ("sentence", "aim"),
    [
        (
            "Methods: we searched case reports of interactions between ginkgo and anticoagulants.",
            True,
        ),
        (
            "The aim of this trial was to assess the interaction between A and B in volunteers.",
            True,
        ),
        ("We showed that rifampicin lowers the levels of midazolam.", False),  # a finding
        ("In this study, A doubled the exposure to B, an interaction of note.", False),
    ],
    ids=["methods", "aim", "finding", "study-result"],
)
def test_a_studys_aim_states_no_interaction(sentence: str, aim: bool) -> None:
    assert (STUDY_AIM.search(sentence) is not None) is aim


def test_a_review_of_interactions_between_a_herb_and_drugs_pairs_nothing(tmp_path: Path) -> None:
    page = (
        "Ginkgo\n\nAbstract\n\n"
        "Methods: we searched case reports of interactions between ginkgo and warfarin.\n"
        "Results: ginkgo raised the risk of bleeding with warfarin.\n"
    )
    claims = _claims(tmp_path, page, "ginkgo.txt")
    found = [c for c in claims if c.relation == "interacts_with"]
    assert found
    assert all(c.sentence.text.startswith("Results") for c in found)


@pytest.mark.parametrize(
    ("sentence", "paired"),
    [
        ("Alcohol and oxycodone together can make you dangerously drowsy.", True),
        ("No. Alcohol and oxycodone together can cause drowsiness.", True),  # a reply
        ("Oxycodone with alcohol combined may cause slow breathing.", True),
        # no harm named, or no acting together
        ("Alcohol and oxycodone together are sold in no product.", False),
        ("Alcohol and oxycodone together were listed in reports of drowsiness.", False),
    ],
    ids=["together-make", "a-reply", "combined-cause", "no-harm", "no-verb-of-harm"],
)
def test_two_drugs_acting_together_as_one_subject_interact(
    tmp_path: Path, sentence: str, paired: bool
) -> None:
    page = f"Oxycodone\n\nWarnings\n\n{sentence}\n"
    pairs = _pairs(_claims(tmp_path, page, "oxycodone.txt"))
    assert (frozenset({"oxycodone", "ethanol"}) in pairs) is paired
