"""Which drugs a sentence names as partners, and which it names as no partner.

A placebo arm is no drug; a drug never interacts with its own class named beside it; a
leaflet's "Do not take X if you are taking A, B such as C, D or E" names five partners (and C
alone is B's example); a table's column of interacting drugs names a partner per row, with
the severity its severity column gives; drugs given one instead of or after the other, and
two subjects of one verb, are not each other's partners; a supplement given for prevention
and a history of substance misuse are no partners; the words of a combination's harm and of
advice are kept.
"""

from __future__ import annotations

from pathlib import Path

from graph_builder.model import Claim

from .interaction_helpers import claims_of as _claims
from .interaction_helpers import stated_pairs as _pairs


def _ixn(claims: tuple[Claim, ...], partner: str) -> list[Claim]:
    return [
        c
        for c in claims
        if c.relation == "interacts_with"
        and c.obj is not None
        and partner in (c.subject.entity.key, c.obj.entity.key)
    ]


def _denied(claims: tuple[Claim, ...]) -> set[frozenset[str]]:
    return {
        frozenset((c.subject.entity.key, c.obj.entity.key))
        for c in claims
        if c.relation == "interacts_with" and c.obj is not None and c.negated
    }


def test_a_placebo_arm_denies_nothing_of_the_study_drug(tmp_path: Path) -> None:
    text = (
        "Itraconazole\n\nIn a crossover study, volunteers took itraconazole or placebo.\n\n"
        "The vehicle alone did not alter the clearance of triazolam.\n\n"
        "Placebo had no effect on the plasma levels of buspirone.\n\n"
        "Compared with placebo, it raised simvastatin exposure tenfold.\n"
    )
    claims = _claims(tmp_path, text, "itraconazole.txt")
    assert not _denied(claims) & {
        frozenset({"itraconazole", "triazolam"}),
        frozenset({"itraconazole", "buspirone"}),
    }
    assert frozenset({"itraconazole", "simvastatin"}) in _pairs(claims)  # the arm compared


def test_a_placebo_controlled_study_still_names_the_pair(tmp_path: Path) -> None:
    text = (
        "Itraconazole\n\nItraconazole is an antifungal.\n\n"
        "In a placebo-controlled study, coadministration increased lovastatin AUC twentyfold.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "itraconazole.txt"))
    assert frozenset({"itraconazole", "lovastatin"}) in pairs


def test_a_drug_does_not_interact_with_its_own_class(tmp_path: Path) -> None:
    text = (
        "Morphine\n\nMorphine is for severe pain that cannot be controlled without opioid "
        "analgesics.\n\nThe main danger of opioid overdose is slowed breathing.\n\n"
        "Taking morphine with other opioids deepens the respiratory depression.\n"
    )
    claims = _claims(tmp_path, text, "morphine.txt")
    own = _ixn(claims, "opioids")
    assert len(own) == 1 and "other opioids" in own[0].sentence.text


def test_a_class_named_as_a_dose_is_not_the_drugs_partner(tmp_path: Path) -> None:
    text = (
        "Alprazolam\n\nStaff should monitor oxygen saturation and heart rate after every "
        "benzodiazepine dose.\n\nCombining alprazolam with benzodiazepines adds sedation.\n"
    )
    own = _ixn(_claims(tmp_path, text, "alprazolam.txt"), "benzodiazepines")
    assert [c.sentence.text.startswith("Combining") for c in own] == [True]


def test_a_class_therapy_added_to_is_a_partner(tmp_path: Path) -> None:
    text = (
        "Clonazepam\n\nAdding clonazepam to ongoing benzodiazepine therapy deepens sedation "
        "and the risk of respiratory depression.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "clonazepam.txt"))
    assert frozenset({"clonazepam", "benzodiazepines"}) in pairs


def test_a_class_that_adds_to_the_drug_is_still_its_partner(tmp_path: Path) -> None:
    text = "Morphine\n\nMorphine may potentiate central nervous system depressants.\n"
    pairs = _pairs(_claims(tmp_path, text, "morphine.txt"))
    assert frozenset({"morphine", "cns-depressants"}) in pairs


def test_do_not_take_it_if_you_are_taking_names_every_item(tmp_path: Path) -> None:
    page = (
        "# Lurasidone leaflet\n\n## Other medicines\n\n"
        "Do not use lurasidone if you are taking HIV protease inhibitors, azole antifungals "
        "such as ketoconazole, clarithromycin or rifampicin.\n"
    )
    claims = _claims(tmp_path, page, "lurasidone.md")
    for partner in ("ketoconazole", "clarithromycin", "rifampin", "antifungals"):
        found = [c for c in _ixn(claims, partner) if not c.negated]
        assert found, partner
        assert dict(found[0].qualifiers).get("advice", "").lower() == "do not use"
    members = {
        (c.subject.entity.key, c.obj.entity.key)
        for c in claims
        if c.relation == "member_of" and c.obj is not None
    }
    assert ("ketoconazole", "antifungals") in members
    assert ("clarithromycin", "antifungals") not in members  # the outer list goes on
    assert ("rifampin", "antifungals") not in members


def test_a_class_opening_its_examples_keeps_them_all(tmp_path: Path) -> None:
    text = (
        "Pimozide\n\nAzole antifungals such as itraconazole, voriconazole or posaconazole "
        "raise pimozide levels.\n"
    )
    claims = _claims(tmp_path, text, "pimozide.txt")
    members = {c.subject.entity.key for c in claims if c.relation == "member_of"}
    assert {"itraconazole", "voriconazole", "posaconazole"} <= members


_TABLE = (
    "<html><head><title>Warfarin interactions</title></head><body>"
    "<h1>Warfarin interactions</h1><table><thead><tr><th>Interacting drug</th>"
    "<th>Severity</th><th>What may happen</th></tr></thead><tbody>"
    "<tr><td>Fluconazole</td><td>Major</td><td>Serious bleeding.</td></tr>"
    "<tr><td>Omeprazole</td><td>Minor</td><td>A small rise in warfarin levels.</td></tr>"
    "<tr><td>Fluvoxamine</td><td>Moderate</td><td>Bruising and nosebleeds.</td></tr>"
    "<tr><td>Tramadol</td><td>Minor</td><td>Rarely, coma.</td></tr>"
    "</tbody></table></body></html>"
)


def test_a_table_of_interacting_drugs_names_a_partner_per_row(tmp_path: Path) -> None:
    claims = _claims(tmp_path, _TABLE, "warfarin.html")
    pairs = _pairs(claims)
    for partner in ("fluconazole", "omeprazole", "fluvoxamine", "tramadol"):
        assert frozenset({"warfarin", partner}) in pairs
    tramadol = _ixn(claims, "tramadol")[0]  # what a row says may happen is the combination's
    assert "coma" in {m.entity.key for m in tramadol.consequences}


def test_a_severity_column_gives_the_severity(tmp_path: Path) -> None:
    claims = _claims(tmp_path, _TABLE, "warfarin.html")
    severity = {
        c.obj.entity.key: dict(c.qualifiers).get("severity")
        for c in claims
        if c.relation == "interacts_with" and c.obj is not None
    }
    assert severity == {
        "fluconazole": "major",
        "omeprazole": "minor",
        "fluvoxamine": "moderate",
        "tramadol": "minor",
    }


def test_alternatives_and_sequential_treatments_are_no_pairs(tmp_path: Path) -> None:
    text = (
        "Haloperidol\n\n"
        "Haloperidol is usually preferred, but olanzapine remains a reasonable choice when "
        "haloperidol is unavailable.\n\n"
        "Intramuscular olanzapine can be given at 10 mg, and intramuscular ziprasidone at "
        "20 mg is an effective alternative.\n\n"
        "If intravenous access is lacking, give rectal diazepam at 0.5 mg/kg, and intranasal "
        "midazolam at 0.2 mg/kg is an effective alternative.\n\n"
        "If agitation persists after two doses of a benzodiazepine, second-line treatment "
        "with droperidol or ketamine should be considered.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "haloperidol.txt"))
    for one, other in (
        ("haloperidol", "olanzapine"),
        ("olanzapine", "ziprasidone"),
        ("diazepam", "midazolam"),
        ("benzodiazepines", "droperidol"),
        ("benzodiazepines", "ketamine"),
    ):
        assert frozenset({one, other}) not in pairs, (one, other)


def test_a_lacking_service_is_no_drug_in_place_of_another(tmp_path: Path) -> None:
    text = (
        "Lithium\n\nLithium is a mood stabiliser.\n\n"
        "Lithium toxicity has been reported with enalapril where serum-level monitoring is "
        "not available.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "lithium.txt"))
    assert frozenset({"lithium", "enalapril"}) in pairs


def test_two_subjects_of_one_verb_are_not_each_others_partners(tmp_path: Path) -> None:
    text = (
        "Clozapine\n\nFluvoxamine and cimetidine may increase plasma concentrations of "
        "clozapine.\n\nPhenytoin and rifampin can lower tacrolimus levels a lot.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "clozapine.txt"))
    assert {
        frozenset({"fluvoxamine", "clozapine"}),
        frozenset({"cimetidine", "clozapine"}),
    } <= pairs
    assert frozenset({"phenytoin", "tacrolimus"}) in pairs
    assert frozenset({"fluvoxamine", "cimetidine"}) not in pairs
    assert frozenset({"phenytoin", "rifampin"}) not in pairs


def test_another_drugs_own_advice_is_no_interaction_of_the_topic(tmp_path: Path) -> None:
    text = (
        "Remifentanil\n\nRemifentanil is used during anaesthesia.\n\n"
        "Etomidate should be avoided in patients with adrenal insufficiency.\n\n"
        "Suxamethonium is contraindicated in people with a history of malignant hyperthermia.\n\n"
        "Diazepam should not be given by intramuscular injection.\n"
    )
    claims = _claims(tmp_path, text, "remifentanil.txt")
    pairs = _pairs(claims)
    for partner in ("etomidate", "suxamethonium", "diazepam"):
        assert frozenset({"remifentanil", partner}) not in pairs, partner


def test_prophylactic_supplements_are_no_partners(tmp_path: Path) -> None:
    text = (
        "Valproate\n\nNeural tube defects may occur; folic acid supplements are recommended "
        "before conception.\n\n"
        "Vitamin K should be given to the newborn at birth, as valproate may cause bleeding.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "valproate.txt"))
    assert not any("folic-acid" in p or "phytonadione" in p for p in pairs)


def test_a_supplement_to_avoid_is_a_partner(tmp_path: Path) -> None:
    text = (
        "Warfarin\n\nVitamin K supplements should be avoided, since they weaken the "
        "anticoagulant effect of warfarin.\n"
    )
    pairs = _pairs(_claims(tmp_path, text, "warfarin.txt"))
    assert frozenset({"warfarin", "phytonadione"}) in pairs


def test_a_history_of_drug_treatment_is_a_partner(tmp_path: Path) -> None:
    text = (
        "Linezolid\n\nLinezolid should be used with caution in patients with a history of "
        "SSRI treatment in the previous two weeks.\n\n"
        "Use it with caution in patients with a history of alcohol abuse.\n"
    )
    claims = _claims(tmp_path, text, "linezolid.txt")
    assert frozenset({"linezolid", "ssris"}) in _pairs(claims)
    assert not _ixn(claims, "ethanol")  # a history of misuse is still no partner


def test_a_history_of_misuse_names_no_alcohol_interaction(tmp_path: Path) -> None:
    text = (
        "Tramadol\n\nTramadol should be used with caution in patients with a history of "
        "alcohol or drug abuse.\n"
    )
    claims = _claims(tmp_path, text, "tramadol.txt")
    assert not _ixn(claims, "ethanol")
    assert not any(c.relation == "alcohol_warning" for c in claims)


def test_chronic_alcohol_abuse_still_lowers_levels(tmp_path: Path) -> None:
    text = "Phenytoin\n\nChronic alcohol abuse may decrease phenytoin levels.\n"
    assert frozenset({"ethanol", "phenytoin"}) in _pairs(_claims(tmp_path, text, "phenytoin.txt"))


def test_a_relative_clause_keeps_its_hedge(tmp_path: Path) -> None:
    page = (
        "# Sertraline leaflet\n\n## Other medicines\n\nTell your doctor if you take:\n\n"
        "- carbamazepine, which may make sertraline work less well\n"
    )
    found = _ixn(_claims(tmp_path, page, "sertraline.md"), "carbamazepine")
    assert found and found[0].hedge == "may"


def test_the_harms_and_advice_of_a_combination_are_kept(tmp_path: Path) -> None:
    page = (
        "# Pregabalin leaflet\n\n## Other medicines\n\nTell your doctor if you take:\n\n"
        "- opioid painkillers such as tramadol, because the combination can cause slow "
        "breathing and coma\n\n"
        "Do not drink alcohol while you are taking pregabalin.\n\n"
        "The dose of pregabalin taken with benzodiazepines should be limited.\n\n"
        "Lithium with pregabalin: risk of neurotoxicity.\n"
    )
    claims = _claims(tmp_path, page, "pregabalin.md")
    tramadol = _ixn(claims, "tramadol")[0]
    assert {"respiratory-depression", "coma"} <= {m.entity.key for m in tramadol.consequences}
    alcohol = _ixn(claims, "ethanol")[0]
    assert dict(alcohol.qualifiers)["advice"].lower() == "do not drink"
    benzo = _ixn(claims, "benzodiazepines")[0]
    assert dict(benzo.qualifiers)["advice"] == "should be limited"
    lithium = _ixn(claims, "lithium")[0]
    assert "neurotoxicity" in {m.entity.key for m in lithium.consequences}


def test_a_risk_named_after_both_drugs_is_the_pairs(tmp_path: Path) -> None:
    text = (
        "Eszopiclone\n\nAlcohol may deepen the sedation of eszopiclone and raise the risk of "
        "sleep-walking.\n"
    )
    found = _ixn(_claims(tmp_path, text, "eszopiclone.txt"), "ethanol")
    assert found and "somnambulism" in {m.entity.key for m in found[0].consequences}
