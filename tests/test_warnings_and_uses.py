"""Side effects, uses, warnings and advice as leaflets, labels and formularies word them."""

from __future__ import annotations

from pathlib import Path

from graph_builder.adverse import find_adverse_effects
from graph_builder.extract import find_hedges, is_negated
from graph_builder.extract.context import scoped_hedges

from .interaction_helpers import claims_of, objects

# -- a leaflet's "### Do not take it if:" heading over bullets: contraindications


LEAFLET = """# Zopiclone

## Before you take zopiclone

### Do not take zopiclone if:

- you have severe sleep apnoea (breathing that pauses again and again in your sleep)
- you have myasthenia gravis, a rare muscle weakness condition
- you have respiratory failure, a severe lung disease
- a complex sleep behaviour once followed a dose of any sleeping medicine
"""


def test_advice_heading_with_a_colon_leads_in_its_bullets(tmp_path: Path) -> None:
    claims = claims_of(tmp_path, LEAFLET, "zopiclone.md")
    contraindicated = objects(claims, "contraindicated_in")
    assert "sleep apnea" in contraindicated
    assert "myasthenia gravis" in contraindicated
    assert "respiratory failure" in contraindicated
    assert "complex sleep behavior" in contraindicated
    assert objects(claims, "has_side_effect") == []


def test_an_apposition_describing_the_item_names_no_condition(tmp_path: Path) -> None:
    assert "muscle weakness" in [m.entity.label for m in find_adverse_effects(LEAFLET)]
    contraindicated = objects(claims_of(tmp_path, LEAFLET, "zopiclone.md"), "contraindicated_in")
    assert "muscle weakness" not in contraindicated
    assert "myasthenia gravis" in contraindicated


def test_a_side_effects_heading_with_a_colon_still_lists_effects(tmp_path: Path) -> None:
    text = "# Eszopiclone\n\n## Possible side effects\n\n### It can cause:\n\n- headache\n- dizziness\n"
    claims = claims_of(tmp_path, text, "eszopiclone.md")
    assert {"headache", "dizziness"} <= set(objects(claims, "has_side_effect"))


# -- list items: the subject and verb of causing, instructions, advice words


def test_the_subject_of_causes_is_no_item_of_its_list() -> None:
    text = "Pregabalin causes somnolence, dizziness and ataxia."
    assert [m.text for m in find_adverse_effects(text)] == ["somnolence", "dizziness", "ataxia"]


def test_an_instruction_naming_a_drug_is_no_reaction() -> None:
    text = (
        "When pregabalin is given with an opioid, start pregabalin at a low dose and watch for "
        "signs of sedation and respiratory depression."
    )
    found = [m.text.lower() for m in find_adverse_effects(text)]
    assert not any("pregabalin" in f for f in found)
    assert "respiratory depression" in found


def test_caution_is_no_item_of_a_list_of_conditions() -> None:
    text = "Caution is needed in patients with hypothyroidism, adrenal insufficiency and psoriasis."
    assert not any(m.text.lower() == "caution" for m in find_adverse_effects(text))


def test_a_lab_value_naming_an_enzyme_stays_a_reaction() -> None:
    text = "Reactions included nausea, blood alkaline phosphatase increased, and dry mouth."
    found = [m.text for m in find_adverse_effects(text)]
    assert "blood alkaline phosphatase increased" in found


def test_hyperalgesia_is_its_own_effect() -> None:
    (found,) = find_adverse_effects("Frequency not known: hyperalgesia.")[-1:]
    assert found.entity.key == "hyperalgesia"


def test_sleep_driving_is_a_reaction() -> None:
    keys = [
        m.entity.key for m in find_adverse_effects("They include sleep-walking and sleep-driving.")
    ]
    assert "sleep-driving" in keys


# -- negation and hedges


def test_a_comparison_of_two_drugs_denies_nothing() -> None:
    text = "Midazolam was not associated with more hypotension than propofol in this study."
    assert not is_negated(text, text.index("hypotension"))


def test_a_comparison_of_two_drugs_is_no_side_effect_either(tmp_path: Path) -> None:
    text = (
        "Midazolam\n\nMidazolam was not associated with more hypotension than propofol in "
        "this study.\nMidazolam may cause nausea.\n"
    )
    claims = claims_of(tmp_path, text, "midazolam.txt")
    assert objects(claims, "has_side_effect") == ["nausea"]
    assert objects(claims, "has_side_effect", negated=True) == []


def test_not_commonly_is_a_frequency_hedge_not_a_denial() -> None:
    text = "Tramadol does not commonly cause constipation."
    assert not is_negated(text, text.index("constipation"))
    assert find_hedges(text) == "not commonly"
    plain = "Tramadol does not cause constipation."
    assert is_negated(plain, plain.index("constipation"))


def test_a_relative_clause_keeps_its_own_may() -> None:
    text = "Pregabalin causes dizziness, ataxia and blurred vision, which may impair driving."
    assert scoped_hedges(text, [text.index("ataxia")]) is None
    assert scoped_hedges(text, [text.index("impair")]) == "may"


def test_a_subject_list_before_which_still_takes_its_verb() -> None:
    text = "Nausea, headache, and dizziness may occur."
    assert scoped_hedges(text, [text.index("headache")]) == "may"


# -- a syndrome's bracketed signs


def test_the_bracketed_signs_of_a_syndrome_are_no_side_effects(tmp_path: Path) -> None:
    text = (
        "<html><body><h1>Olanzapine</h1><h2>Side effects</h2><ul>"
        "<li>Serotonin syndrome (agitation, sweating, tremor)</li>"
        "<li>Allergic reactions (rash, urticaria, angioedema)</li>"
        "<li>Restlessness (akathisia)</li></ul></body></html>"
    )
    claims = claims_of(tmp_path, text, "olanzapine.html")
    effects = objects(claims, "has_side_effect")
    assert "serotonin syndrome" in effects
    assert "tremor" not in effects
    assert {"urticaria", "akathisia"} <= set(effects)  # reactions of their own, a synonym
    assert "tremor" in [c.obj.entity.label for c in claims if c.relation == "has_symptom" and c.obj]


# -- uses


def test_indicated_for_the_management_of_a_named_pain(tmp_path: Path) -> None:
    text = "PREGABALIN\n\nPregabalin is indicated for the management of postherpetic neuralgia.\n"
    assert objects(claims_of(tmp_path, text, "pregabalin.txt"), "treats") == [
        "postherpetic neuralgia"
    ]


def test_pain_managed_only_with_a_class_is_still_the_use(tmp_path: Path) -> None:
    text = (
        "Tapentadol\n\nTapentadol tablets are indicated for severe pain which can be managed "
        "only with opioid analgesics.\n"
    )
    assert "pain" in objects(claims_of(tmp_path, text, "hydromorphone.txt"), "treats")


def test_a_definition_by_class_and_use_on_an_interactions_page(tmp_path: Path) -> None:
    text = (
        "<html><body><h1>Clobazam interactions</h1><p>Clobazam is a benzodiazepine used to "
        "treat anxiety disorders.</p></body></html>"
    )
    assert "anxiety disorder" in objects(claims_of(tmp_path, text, "clobazam.html"), "treats")


def test_bipolar_depression_is_a_use_of_its_own(tmp_path: Path) -> None:
    text = (
        "Lurasidone\n\nIt is used to treat schizophrenia and bipolar disorder, including "
        "episodes of bipolar depression.\n"
    )
    assert "bipolar depression" in objects(claims_of(tmp_path, text, "lurasidone.txt"), "treats")


# -- advice


SMPC = """Hydromorphone

4.3 Contraindications
Hypersensitivity to hydromorphone or an excipient is a contraindication.

4.4 Special warnings and precautions for use
Elderly patients, and patients with pre-existing respiratory impairment, are at higher risk.

4.6 Fertility, pregnancy and lactation
Hydromorphone is excreted in human milk, so breastfeeding should be stopped during treatment.
Long-term use in pregnancy can cause neonatal opioid withdrawal syndrome.
"""


def test_a_condition_that_is_a_contraindication(tmp_path: Path) -> None:
    claims = claims_of(tmp_path, SMPC, "hydromorphone.txt")
    assert "hypersensitivity" in objects(claims, "contraindicated_in")
    assert "hypersensitivity" not in objects(claims, "has_side_effect")


def test_groups_at_higher_risk_need_caution(tmp_path: Path) -> None:
    cautions = objects(claims_of(tmp_path, SMPC, "hydromorphone.txt"), "caution_in")
    assert {"older adults", "respiratory insufficiency"} <= set(cautions)


def test_breastfeeding_should_be_discontinued(tmp_path: Path) -> None:
    claims = claims_of(tmp_path, SMPC, "hydromorphone.txt")
    assert "breastfeeding" in objects(claims, "contraindicated_in")
    assert any(c.relation == "breastfeeding_warning" for c in claims)


def test_a_syndrome_named_after_a_class_is_the_drugs_effect(tmp_path: Path) -> None:
    text = (
        "Hydromorphone\n\n4.6 Fertility, pregnancy and lactation\nLong-term use in pregnancy "
        "can cause neonatal opioid withdrawal syndrome.\n"
    )
    claims = claims_of(tmp_path, text, "hydromorphone.txt")
    assert "neonatal opioid withdrawal syndrome" in objects(claims, "has_side_effect")


def test_caution_then_avoid_for_two_degrees_of_one_condition(tmp_path: Path) -> None:
    text = (
        "OXCARBAZEPINE\n\nHepatic impairment\nUse with caution in mild hepatic impairment; "
        "avoid in severe hepatic impairment.\n"
    )
    claims = claims_of(tmp_path, text, "oxcarbazepine.txt")
    assert objects(claims, "caution_in") == ["liver disease"]
    (contra,) = [c for c in claims if c.relation == "contraindicated_in"]
    assert contra.obj is not None and contra.obj.entity.label == "liver disease"
    assert contra.hedge == "severe"


def test_bare_advice_under_a_heading_naming_the_group(tmp_path: Path) -> None:
    text = "# Lacosamide\n\n## Renal impairment\n\nUse with caution.\n\n## Severe hepatic impairment\n\nAvoid.\n"
    claims = claims_of(tmp_path, text, "lacosamide.md")
    assert objects(claims, "caution_in") == ["kidney disease"]
    assert objects(claims, "contraindicated_in") == ["liver disease"]


def test_a_genotype_named_by_a_caution(tmp_path: Path) -> None:
    text = (
        "PHENYTOIN\n\nCautions\nHLA-B*1502 allele: the risk of toxic epidermal necrolysis is "
        "raised in carriers; avoid unless essential in carriers of HLA-B*1502.\n"
    )
    assert "HLA-B*1502 carriers" in objects(
        claims_of(tmp_path, text, "phenytoin.txt"), "caution_in"
    )


def test_a_symptom_of_stopping_is_no_condition_needing_caution(tmp_path: Path) -> None:
    text = (
        "<html><body><h1>Olanzapine</h1><h2>Cautions</h2><p>Olanzapine can prolong the QT "
        "interval, so take care with other such medicines.</p><p>Olanzapine is not thought to "
        "cause dependence, but stopping suddenly may cause insomnia and nausea.</p>"
        "</body></html>"
    )
    claims = claims_of(tmp_path, text, "olanzapine.html")
    assert "insomnia" not in objects(claims, "caution_in")
    assert "qt prolongation" in objects(claims, "has_side_effect")


def test_what_the_drug_may_provoke_is_the_reason_not_the_group(tmp_path: Path) -> None:
    text = (
        "Bupropion\n\nBecause bupropion can provoke seizures, it must not be used in "
        "patients with epilepsy.\n"
    )
    assert objects(claims_of(tmp_path, text, "bupropion.txt"), "contraindicated_in") == ["epilepsy"]


# -- pregnancy


def test_a_pregnancy_entrys_risks_and_warning(tmp_path: Path) -> None:
    text = (
        "CARBAMAZEPINE\n\nCautions\nCardiac disease.\n\nPregnancy\nRisk of neural tube defects "
        "and other congenital malformations; give folic acid before and during pregnancy.\n"
        "Give the newborn vitamin K at birth, because carbamazepine may cause neonatal bleeding.\n"
    )
    claims = claims_of(tmp_path, text, "carbamazepine.txt")
    effects = objects(claims, "has_side_effect")
    assert {"neural tube defect", "birth defect", "neonatal bleeding"} <= set(effects)
    assert any(c.relation == "pregnancy_warning" for c in claims)
    risk = [c for c in claims if c.rule == "pregnancy-risk"]
    assert risk and all(("population", "pregnancy") in c.qualifiers for c in risk)


def test_weighing_breastfeeding_against_the_drug_contraindicates_neither(tmp_path: Path) -> None:
    text = (
        "Sertraline\n\nLactation\nA decision should be made whether to discontinue breastfeeding "
        "or to discontinue sertraline.\n"
    )
    assert "breastfeeding" not in objects(
        claims_of(tmp_path, text, "sertraline.txt"), "contraindicated_in"
    )
    plain = "Sertraline\n\nLactation\nStop breastfeeding during treatment.\n"
    assert "breastfeeding" in objects(
        claims_of(tmp_path, plain, "sertraline.txt"), "contraindicated_in"
    )
