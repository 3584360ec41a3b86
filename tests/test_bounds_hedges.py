"""Dose bounds, the scope of hedges, and cautions that allow an exception, read as pharmacology."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from graph_builder.conflicts import find_conflicts
from graph_builder.dosing import parse_dose
from graph_builder.extract import extract
from graph_builder.extract.context import clauses, scoped_hedges
from graph_builder.ingest import read_document
from graph_builder.model import Claim
from graph_builder.rdf import to_rdf
from graph_builder.validate import validate_graph
from graph_builder.vocabulary import DKG, SCHEMA


@pytest.mark.parametrize(
    ("sentence", "low", "high", "comparator"),
    [
        ("Doses above 30 mg per day should be given only in a clinic.", "30", None, "gt"),
        ("Exceeding 2 g daily risks liver damage.", "2", None, "gt"),
        ("Give greater than 5 mg per dose only in hospital.", "5", None, "gt"),
        ("Adults need at least 1 mg a day.", "1", None, "ge"),
        ("Take not less than 50 mg daily.", "50", None, "ge"),
        ("Children may take up to 6 mg per day.", None, "6", "le"),
        ("Use no more than 3 mg per dose.", None, "3", "le"),
        ("The daily dose should not exceed 40 mg.", None, "40", "le"),
        ("Give at most 8 mg per day.", None, "8", "le"),
        ("Elderly patients should receive less than 2 mg per day.", None, "2", "lt"),
        # counter-examples: a plain amount or a range is the dose itself, no bound
        ("The usual dose is 5 mg twice daily.", "5", "5", None),
        ("Give 2-4 mg per day in divided doses.", "2", "4", None),
        ("Over two weeks, 10 mg per day is given.", "10", "10", None),
    ],
)
def test_a_comparator_makes_the_amount_a_bound(
    sentence: str, low: str | None, high: str | None, comparator: str | None
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.value_min, dose.value_max, dose.comparator) == (low, high, comparator)


@pytest.mark.parametrize(
    ("sentence", "high", "comparator"),
    [
        ("Do not take more than 10 mg per day.", "10", "le"),
        ("Never exceed 20 mg per day.", "20", "le"),
        ("The dose should not be more than 20 mg per day.", "20", "le"),
        ("Do not use over 8 mg a day.", "8", "le"),
        ("Doses above 40 mg daily are not recommended.", "40", "le"),
        ("Doses higher than 20 mg per day should be avoided.", "20", "le"),
        ("The 15 mg daily dose must not be exceeded.", "15", "le"),
        ("Never give at least 5 mg per dose to infants.", "5", "lt"),
    ],
)
def test_a_forbidden_amount_is_a_maximum(sentence: str, high: str, comparator: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.kind, dose.value_min, dose.value_max, dose.comparator, dose.per) == (
        "maximum",
        None,
        high,
        comparator,
        "dose" if "per dose" in sentence else "day",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # a negation that governs another verb, or a prohibition about something else
        "Patients who do not respond may need more than 20 mg per day.",
        "Doses above 30 mg per day should be given only in a clinic.",
        "Patients on more than 20 mg daily should not drive.",
    ],
)
def test_a_negation_elsewhere_leaves_a_lower_bound(sentence: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None and dose.comparator == "gt" and dose.value_max is None
    assert dose.kind != "maximum"


def test_a_forbidden_amount_answers_the_maximum_dose_queries(tmp_path: Path) -> None:
    graph, _ = _graph(tmp_path, "Do not take more than 10 mg of diazepam per day.")
    (node,) = list(graph.subjects(RDF.type, SCHEMA.MaximumDoseSchedule))
    assert graph.value(node, DKG.doseComparator) == DKG.AtMost
    assert Decimal(str(graph.value(node, DKG.doseValueMax))) == Decimal("10")
    assert graph.value(node, DKG.doseValueMin) is None


def test_a_lower_bound_under_a_maximum_heading_is_no_maximum() -> None:
    dose = parse_dose("Some patients need more than 20 mg per day.", ("Maximum Dose",))
    assert dose is not None
    assert (dose.kind, dose.value_min, dose.value_max) == ("usual", "20", None)
    capped = parse_dose("Adults: 30 mg per day.", ("Maximum Dose",))
    assert capped is not None and capped.kind == "maximum"


def test_a_maximum_with_no_value_conflicts_with_nothing(tmp_path: Path) -> None:
    extractions = []
    for number, text in enumerate(
        (
            "For anxiety, the maximum dose is 10 mg per day.",
            "For anxiety, do not take more than 30 mg per day.",
        )
    ):
        path = tmp_path / f"source-{number}.txt"
        path.write_text(f"Diazepam\n\n{text}\n", encoding="utf-8")
        extractions.append(extract(read_document(path)))
    assert [c.kind for c in find_conflicts(extractions)] == ["maximum-dose"]
    # the second source's maximum without its value (as a lower bound once gave): no conflict
    second = extractions[1]
    emptied = tuple(
        replace(c, dose=replace(c.dose, value_max=None)) if c.dose is not None else c
        for c in second.claims
    )
    assert find_conflicts([extractions[0], replace(second, claims=emptied)]) == []


def test_a_lower_bound_is_no_maximum() -> None:
    dose = parse_dose("Doses greater than 4 mg per day exceed the maximum.")
    assert dose is not None and dose.kind != "maximum"
    hospital = parse_dose("Above 12 mg per day it is used only in hospital.")
    assert hospital is not None and hospital.kind == "hospital-threshold"
    assert parse_dose("12 mg per day is used only in hospital.").kind != "hospital-threshold"  # type: ignore[union-attr]


def _graph(tmp_path: Path, text: str) -> tuple[Graph, tuple[Claim, ...]]:
    path = tmp_path / "diazepam.txt"
    path.write_text(f"Diazepam\n\n{text}\n", encoding="utf-8")
    extraction = extract(read_document(path))
    return to_rdf([extraction], {}), extraction.claims


def test_a_lower_bound_dose_node_has_a_minimum_and_no_maximum(tmp_path: Path) -> None:
    graph, _ = _graph(tmp_path, "Diazepam above 60 mg per day is given only in hospital.")
    (node,) = list(graph.subjects(RDF.type, SCHEMA.DoseSchedule))
    assert graph.value(node, DKG.doseComparator) == DKG.MoreThan
    assert Decimal(str(graph.value(node, DKG.doseValueMin))) == Decimal("60")
    assert graph.value(node, DKG.doseValueMax) is None
    assert graph.value(node, DKG.scheduleKind) == DKG.HospitalOnlyDose


def test_an_upper_bound_dose_node_has_a_maximum_and_no_minimum(tmp_path: Path) -> None:
    graph, _ = _graph(tmp_path, "The dose of diazepam can be raised up to 30 mg per day.")
    (node,) = list(graph.subjects(RDF.type, SCHEMA.MaximumDoseSchedule))
    assert graph.value(node, DKG.doseComparator) == DKG.AtMost
    assert Decimal(str(graph.value(node, DKG.doseValueMax))) == Decimal("30")
    assert graph.value(node, DKG.doseValueMin) is None


# ---------------------------------------------------------------- hedges


def test_clauses_split_at_contrast_and_consequence() -> None:
    text = "It calms, but it is rarely given; so it waits."
    assert [text[a:b] for a, b in clauses(text)] == [
        "It calms, ",
        "but it is rarely given",
        "; so it waits.",
    ]
    # a fronted concession runs on into its main clause; an item label joins the first clause
    fronted = "Insomnia: Though not first-line, it helps with insomnia."
    assert len(clauses(fronted)) == 1


@pytest.mark.parametrize(
    ("sentence", "word", "hedge"),
    [
        ("Rarely, patients may develop jaundice.", "jaundice", "Rarely; may"),
        ("In some patients it causes hiccups.", "hiccups", "In some patients"),
        ("Occasionally it worsens asthma.", "asthma", "Occasionally"),
        ("Insomnia: Though not first-line, it helps with insomnia.", "insomnia", "not first-line"),
        # a hedge in another clause qualifies that clause only
        ("It relieves migraine, although it is usually kept for short courses.", "migraine", None),
        ("It eases nausea and is often combined with fluids.", "nausea", None),
        # focus words are no hedges; "certain" qualifies only the noun it determines
        ("It eases insomnia and certain types of headache.", "insomnia", None),
        ("It eases insomnia and certain types of headache.", "headache", "certain types of"),
        ("Certain antacids can interact with it.", "antacids", "Certain"),
        ("It raises serotonin, particularly in the gut.", "serotonin", None),
        ("It sedates, especially in the elderly.", "sedates", None),
        # one plain statement of the claim outweighs a hedged one in another clause
        ("Alcohol may add to drowsiness, so alcohol is strictly forbidden.", "Alcohol", None),
        # a concession about the claim itself limits the main clause too
        ("Diazepam treats anxiety, although it is not first-line.", "anxiety", "not first-line"),
        ("It eases spasm, though only if given early.", "spasm", "only if given early"),
        ("It eases spasm, but only if given early.", "spasm", "only if given early"),
        ("It eases spasm; although not first-line, it calms.", "spasm", None),
        # ", and" with a new subject and its verb starts a new clause
        ("It can occasionally cause rash, and hepatitis has been reported.", "hepatitis", None),
        (
            "It can occasionally cause rash, and hepatitis has been reported.",
            "rash",
            "occasionally",
        ),
        ("It may cause rash, and in rare cases hepatitis.", "hepatitis", "may; in rare cases"),
    ],
)
def test_a_hedge_qualifies_only_its_own_clause(sentence: str, word: str, hedge: str | None) -> None:
    lower = sentence.lower()
    positions = [i for i in range(len(sentence)) if lower.startswith(word.lower(), i)]
    assert scoped_hedges(sentence, positions) == hedge


def _hedges(claims: tuple[Claim, ...], relation: str) -> dict[str, str | None]:
    return {c.obj.entity.label: c.hedge for c in claims if c.relation == relation and c.obj}


def test_a_treatment_keeps_only_its_own_hedge(tmp_path: Path) -> None:
    _, claims = _graph(
        tmp_path,
        "Diazepam is used to treat anxiety disorders, although it is generally prescribed "
        "for short periods.",
    )
    assert _hedges(claims, "treats") == {"anxiety disorder": None}


def test_a_contraindicated_interaction_is_not_hedged(tmp_path: Path) -> None:
    _, claims = _graph(
        tmp_path,
        "Alcohol may deepen the sedation, and therefore drinking alcohol during treatment "
        "with diazepam is contraindicated.",
    )
    assert _hedges(claims, "interacts_with").get("ethanol") is None
    _, hedged = _graph(tmp_path, "Diazepam may interact with alcohol.")
    assert _hedges(hedged, "interacts_with").get("ethanol") == "may"


# ---------------------------------------------------------------- cautions with an exception


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("Breast-feeding is generally not recommended unless judged essential.", "caution_in"),
        ("Lactation should be avoided except when the benefits outweigh the risks.", "caution_in"),
        ("Diazepam must not be used while breastfeeding.", "contraindicated_in"),
        ("It is contraindicated in nursing mothers.", "contraindicated_in"),
        ("Breastfeeding is not recommended.", "contraindicated_in"),
    ],
)
def test_breastfeeding_advice_with_an_exception_is_a_caution(
    tmp_path: Path, sentence: str, relation: str
) -> None:
    _, claims = _graph(tmp_path, sentence)
    found = {
        c.relation
        for c in claims
        if c.obj is not None and c.obj.entity.key == "breastfeeding" and not c.negated
    }
    assert found == {relation}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Diazepam is contraindicated in severe liver disease and should not be used in "
            "pregnancy unless essential.",
            {"liver-disease": {"contraindicated_in"}, "pregnancy": {"caution_in"}},
        ),
        (
            "Diazepam must not be taken in pregnancy and is not recommended in breastfeeding "
            "unless necessary.",
            {"pregnancy": {"contraindicated_in"}, "breastfeeding": {"caution_in"}},
        ),
        (
            "Do not use diazepam in pregnancy; in breastfeeding, avoid it unless essential.",
            {"pregnancy": {"contraindicated_in"}, "breastfeeding": {"caution_in"}},
        ),
        (
            "Diazepam should not be stopped abruptly unless necessary, and is contraindicated "
            "in pregnancy.",
            {"pregnancy": {"contraindicated_in"}},
        ),
        # one clause naming both: the exception holds for both
        (
            "Diazepam is not recommended in pregnancy or breastfeeding unless essential.",
            {"pregnancy": {"caution_in"}, "breastfeeding": {"caution_in"}},
        ),
    ],
)
def test_an_exception_softens_only_the_advice_of_its_own_clause(
    tmp_path: Path, sentence: str, expected: dict[str, set[str]]
) -> None:
    _, claims = _graph(tmp_path, sentence)
    found: dict[str, set[str]] = {}
    for c in claims:
        if c.relation in ("caution_in", "contraindicated_in") and c.obj and not c.negated:
            found.setdefault(c.obj.entity.key, set()).add(c.relation)
    assert found == expected


def test_a_side_effect_after_a_new_subject_is_not_hedged(tmp_path: Path) -> None:
    _, claims = _graph(
        tmp_path, "Diazepam can occasionally cause rash, and hepatitis has been reported."
    )
    assert _hedges(claims, "has_side_effect") == {"rash": "occasionally", "hepatitis": None}


# ---------------------------------------------------------------- caution or contraindication, per object


def _advice(claims: tuple[Claim, ...]) -> dict[str, set[tuple[str, bool]]]:
    found: dict[str, set[tuple[str, bool]]] = {}
    for c in claims:
        if c.relation in ("caution_in", "contraindicated_in") and c.obj:
            found.setdefault(c.obj.entity.key, set()).add((c.relation, c.negated))
    return found


CAUTION = ("caution_in", False)
CONTRAINDICATED = ("contraindicated_in", False)
NOT_CONTRAINDICATED = ("contraindicated_in", True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Diazepam is contraindicated in pregnancy and should be used with caution in "
            "breastfeeding.",
            {"pregnancy": {CONTRAINDICATED}, "breastfeeding": {CAUTION}},
        ),
        (
            "Diazepam is contraindicated in liver disease and should be used with caution in "
            "the elderly.",
            {"liver-disease": {CONTRAINDICATED}, "older-adults": {CAUTION}},
        ),
        (
            "Caution is advised in kidney disease; diazepam is contraindicated in myasthenia.",
            {"kidney-disease": {CAUTION}},
        ),
        (
            "Patients with myasthenia should not take diazepam, but patients with kidney disease "
            "may take it with caution.",
            {"kidney-disease": {CAUTION}},
        ),
        # the "not" of a prohibition negates no caution
        (
            "Use diazepam with caution in liver disease, and do not use it in pregnancy.",
            {"liver-disease": {CAUTION}, "pregnancy": {CONTRAINDICATED}},
        ),
        # an exception softens its own clause only, even when the next has no verb of its own
        (
            "Avoid diazepam in kidney disease unless clearly necessary, and contraindicated in "
            "breastfeeding.",
            {"kidney-disease": {CAUTION}, "breastfeeding": {CONTRAINDICATED}},
        ),
        # a new subject with a verb the drug is the object of says something of its own
        (
            "Diazepam is contraindicated in pregnancy, children tolerate it poorly.",
            {"pregnancy": {CONTRAINDICATED}},
        ),
        (
            "Avoid diazepam in pregnancy, in children who need it, and in liver disease.",
            {
                "pregnancy": {CONTRAINDICATED},
                "children": {CONTRAINDICATED},
                "liver-disease": {CONTRAINDICATED},
            },
        ),
        # a denied contraindication: recorded negated, and the caution after it holds
        (
            "Diazepam is not contraindicated in pregnancy but caution is advised.",
            {"pregnancy": {CAUTION, NOT_CONTRAINDICATED}},
        ),
    ],
)
def test_each_object_takes_the_advice_of_its_own_clause(
    tmp_path: Path, sentence: str, expected: dict[str, set[tuple[str, bool]]]
) -> None:
    _, claims = _graph(tmp_path, sentence)
    assert _advice(claims) == expected


def test_a_denial_of_a_contraindication_is_negated_but_a_prohibition_is_not(
    tmp_path: Path,
) -> None:
    sentences = {
        "There is no contraindication to diazepam in pregnancy.": NOT_CONTRAINDICATED,
        "Pregnancy is not a contraindication to diazepam.": NOT_CONTRAINDICATED,
        "Diazepam is not absolutely contraindicated in pregnancy.": NOT_CONTRAINDICATED,
        # the prohibition itself, with its "not"
        "Diazepam should not be used in pregnancy.": CONTRAINDICATED,
        "Diazepam is not recommended in pregnancy.": CONTRAINDICATED,
        "Do not use diazepam in pregnancy.": CONTRAINDICATED,
    }
    found = {s: _advice(_graph(tmp_path, s)[1]).get("pregnancy") for s in sentences}
    assert found == {s: {advice} for s, advice in sentences.items()}


def test_advice_in_another_clause_lends_no_hedge(tmp_path: Path) -> None:
    _, claims = _graph(
        tmp_path,
        "Avoid diazepam in kidney disease unless clearly necessary, and contraindicated in "
        "breastfeeding.",
    )
    assert _hedges(claims, "contraindicated_in") == {"breastfeeding": None}
    assert _hedges(claims, "caution_in") == {"kidney disease": "unless clearly necessary"}


def test_a_hedged_second_verb_hedges_only_its_own_conjunct() -> None:
    cases = {
        ("Lorazepam treats anxiety and may help insomnia.", "anxiety"): None,
        ("Lorazepam treats anxiety and may help insomnia.", "insomnia"): "may",
        ("Lorazepam causes drowsiness and may cause amnesia.", "drowsiness"): None,
        ("It eases pain and usually relieves spasm.", "pain"): None,
        ("It eases pain and usually relieves spasm.", "spasm"): "usually",
        # no verb after "and": one clause, one hedge for both
        ("Lorazepam may cause drowsiness and dizziness.", "drowsiness"): "may",
        ("Lorazepam may cause drowsiness and dizziness.", "dizziness"): "may",
    }
    found = {(s, w): scoped_hedges(s, [s.index(w)]) for s, w in cases}
    assert found == cases


@pytest.mark.parametrize(
    ("sentence", "word", "hedge"),
    [
        # a plural finding after "and often" is one more object of the hedged verb, no verb
        ("Diazepam may cause dry mouth and often headaches.", "dry mouth", "may"),
        ("Diazepam may cause dry mouth and often headaches.", "headaches", "may; often"),
        (
            "It might provoke hiccups or occasionally palpitations.",
            "palpitations",
            "might; occasionally",
        ),
        ("It might provoke hiccups or occasionally palpitations.", "hiccups", "might"),
        # a comparison of frequency is kept whole: "less often" is no "often"
        ("It may bring rash and less often blurred vision.", "blurred vision", "may; less often"),
        ("It may cause nausea and, less frequently, seizures.", "seizures", "may; less frequently"),
        ("Headache was reported less often than on placebo.", "Headache", "less often"),
        # "more often/commonly" compares, it does not weaken
        ("Tremor occurs more commonly in the elderly.", "Tremor", None),
        ("Cough is more often reported in women.", "Cough", None),
        # a conjunct's own frequency replaces the clause's
        ("It often causes drowsiness and rarely seizures.", "drowsiness", "often"),
        ("It often causes drowsiness and rarely seizures.", "seizures", "rarely"),
        # set off by commas, the conjunct's frequency word is still its own
        ("It may cause nausea and, rarely, seizures.", "nausea", "may"),
        ("It may cause nausea and, rarely, seizures.", "seizures", "may; rarely"),
        ("It may cause nausea or, occasionally, tremor.", "tremor", "may; occasionally"),
        # a real second predicate still ends the hedge's reach
        ("It may cause rash and often causes hiccups.", "hiccups", "often"),
        ("It may cause rash and often causes hiccups.", "rash", "may"),
        ("It may cause rash, and patients often report hiccups.", "hiccups", "often"),
        ("It may cause rash, and patients often report hiccups.", "rash", "may"),
        ("It may cause rash and it usually worsens acne.", "acne", "usually"),
        ("It may cause rash and it usually worsens acne.", "rash", "may"),
        # ", and" closing a list of subjects starts no clause; after a pronoun it does
        ("Nausea, vomiting, and diarrhoea may occur.", "Nausea", "may"),
        ("Hiccups, cramps, and tremor often occur.", "cramps", "often"),
        ("It eases spasm, cramps, and it may cause drowsiness.", "spasm", None),
    ],
)
def test_a_frequency_word_after_and_keeps_the_object_in_the_hedged_clause(
    sentence: str, word: str, hedge: str | None
) -> None:
    assert scoped_hedges(sentence, [sentence.index(word)]) == hedge


def test_each_side_effect_keeps_the_hedges_of_its_own_conjunct(tmp_path: Path) -> None:
    _, claims = _graph(tmp_path, "Diazepam may cause rash and often headaches.")
    assert _hedges(claims, "has_side_effect") == {"rash": "may", "headache": "may; often"}
    _, claims = _graph(tmp_path, "Diazepam may cause rash, and patients often report headaches.")
    assert _hedges(claims, "has_side_effect") == {"rash": "may", "headache": "often"}


# ---------------------------------------------------------------- one statement per claim


def test_a_pair_named_twice_in_a_sentence_makes_two_statements(tmp_path: Path) -> None:
    graph, claims = _graph(
        tmp_path, "Warfarin and phenytoin: diazepam does not interact with warfarin or phenytoin."
    )
    pairs = [
        c
        for c in claims
        if {c.subject.entity.key, c.obj and c.obj.entity.key} == {"warfarin", "phenytoin"}
    ]
    assert len(pairs) == 2  # the label's pair, and the body's
    for node in graph.subjects(RDF.type, RDF.Statement):
        assert len(list(graph.objects(node, DKG.objectStart))) <= 1
        assert len(list(graph.objects(node, DKG.subjectStart))) <= 1
    for node in graph.subjects(RDF.type, DKG.DrugInteraction):
        assert len(list(graph.objects(node, DKG.interactionType))) <= 1
    assert validate_graph(graph).conforms


# ---------------------------------------------------------------- dose review: per day, prohibitions


@pytest.mark.parametrize(
    ("sentence", "per"),
    [
        ("Do not exceed 10 mg in 24 hours.", "day"),
        ("Take no more than 2 g in any 24-hour period.", "day"),
        ("Give at most 6 mg in one day.", "day"),
        ("Use up to 8 mg within 24 hours.", "day"),
        ("Never take more than 3 g per 24 hours.", "day"),
        ("Give up to 40 mg over 24 hours by infusion.", "day"),
        # counter-examples: another span of time, or one dose, is no day
        ("Take 5 mg in one dose.", "dose"),
        ("Infuse 10 mg within 2 hours.", "dose"),
        ("Give up to 4 mg in 12 hours.", "dose"),
    ],
)
def test_an_amount_in_twenty_four_hours_is_per_day(sentence: str, per: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None and dose.per == per


@pytest.mark.parametrize(
    ("sentence", "kind", "low", "high", "comparator"),
    [
        # a comparator after the amount: "or more" a lower bound, "or less" an upper one
        ("Take 12 mg or more per day if needed.", "usual", "12", None, "ge"),
        ("Some adults need 20 mg or higher per day.", "usual", "20", None, "ge"),
        ("Give 1 mg or less per dose.", "maximum", None, "1", "le"),
        ("Frail patients get 2 mg or below per day.", "maximum", None, "2", "le"),
        # ... then a prohibition flips it
        ("Adults should not take 12 mg or more per day.", "maximum", None, "12", "lt"),
        # discouraged amounts: what is not advisable, rarely needed or unsafe is above a maximum
        ("Doses exceeding 15 mg daily are not advisable.", "maximum", None, "15", "le"),
        ("Doses of more than 4 mg per day are rarely needed.", "maximum", None, "4", "le"),
        ("Doses higher than 6 mg a day are rarely required.", "maximum", None, "6", "le"),
        ("It is not necessary to give more than 4 mg a day.", "maximum", None, "4", "le"),
        ("Doses above 10 mg are not usually needed.", "maximum", None, "10", "le"),
        ("Doses greater than 9 mg per day are not usually required.", "maximum", None, "9", "le"),
        ("Doses over 30 mg a day are unsafe.", "maximum", None, "30", "le"),
        ("Doses above 8 mg per day are not necessary.", "maximum", None, "8", "le"),
        # a forbidden upper bound is a minimum, never a maximum
        ("Do not give less than 0.5 mg per dose.", "usual", "0.5", None, "ge"),
        ("Never use below 2 mg per day.", "usual", "2", None, "ge"),
        # counter-examples: a maximum named after the prohibition stays a maximum
        ("Do not exceed the maximum of 10 mg per day.", "maximum", None, "10", "le"),
        (
            "Patients who do not respond may need more than 20 mg per day.",
            "usual",
            "20",
            None,
            "gt",
        ),
        ("Doses above 30 mg per day are needed in some patients.", "usual", "30", None, "gt"),
    ],
)
def test_a_prohibited_or_discouraged_amount_is_read_as_a_bound(
    sentence: str, kind: str, low: str | None, high: str | None, comparator: str
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.kind, dose.value_min, dose.value_max, dose.comparator) == (
        kind,
        low,
        high,
        comparator,
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The usual dose is 5 mg twice daily.", "maintenance"),
        # "usually" is a hedge, not the usual (maintenance) dose
        ("Children usually receive 2 mg per day.", "usual"),
        ("It is usually started at 2 mg per day.", "initial"),
    ],
)
def test_only_the_word_usual_names_a_maintenance_dose(sentence: str, kind: str) -> None:
    dose = parse_dose(sentence)
    assert dose is not None and dose.kind == kind


@pytest.mark.parametrize(
    ("sentence", "kind", "setting"),
    [
        (
            "Doses over 20 mg a day should only be given in hospital.",
            "hospital-threshold",
            "hospital",
        ),
        ("Above 20 mg a day it is used in hospital only.", "hospital-threshold", "hospital"),
        (
            "Above 20 mg a day, give it under hospital supervision.",
            "hospital-threshold",
            "hospital",
        ),
        (
            "Doses above 30 mg a day should only be used in a clinic.",
            "hospital-threshold",
            "clinic",
        ),
        # counter-examples: a plain dose in hospital, or a hospital named as a place of care
        ("Give 12 mg per day in hospital only.", "usual", "hospital"),
        ("Above 20 mg a day, patients in hospital may sleep more.", "usual", None),
    ],
)
def test_a_lower_bound_kept_to_hospital_is_a_hospital_threshold(
    sentence: str, kind: str, setting: str | None
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None and (dose.kind, dose.setting) == (kind, setting)


@pytest.mark.parametrize(
    ("sentence", "times_min", "times_max"),
    [
        ("Do not take it more than 3 times a day.", None, 3),
        ("Take it up to 4 times a day.", None, 4),
        ("Use no more than twice daily.", None, 2),
        ("Apply at most three times a day.", None, 3),
        ("Use not more than 4 times a day.", None, 4),
        # counter-examples: a plain frequency or range states both ends
        ("Take 5 mg three times a day.", 3, 3),
        ("Take it 2 to 4 times a day.", 2, 4),
    ],
)
def test_a_capped_frequency_is_a_maximum_only(
    sentence: str, times_min: int | None, times_max: int | None
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.times_per_day_min, dose.times_per_day_max) == (times_min, times_max)


def test_a_maximum_in_twenty_four_hours_answers_the_daily_maximum(tmp_path: Path) -> None:
    graph, _ = _graph(tmp_path, "Do not exceed 10 mg of diazepam in 24 hours.")
    (node,) = list(graph.subjects(RDF.type, SCHEMA.MaximumDoseSchedule))
    assert graph.value(node, DKG.doseBasis) == DKG.PerDay
    assert Decimal(str(graph.value(node, DKG.doseValueMax))) == Decimal("10")


@pytest.mark.parametrize(
    ("sentence", "kind", "low", "high", "comparator"),
    [
        # a dose named between the comparator and its amount keeps the comparator
        ("The dose should not exceed a total daily dose of 40 mg.", "maximum", None, "40", "le"),
        ("Up to a daily dose of 10 mg may be given.", "maximum", None, "10", "le"),
        ("Never take more than a single dose of 10 mg.", "maximum", None, "10", "le"),
        # an "up to" that caps the count of doses leaves the amount a plain dose
        ("Adults: 1 mg up to 3 times a day.", "usual", "1", "1", None),
        ("Take 5 mg, up to 4 times daily if needed.", "usual", "5", "5", None),
    ],
)
def test_each_amount_carries_its_own_comparator(
    sentence: str, kind: str, low: str | None, high: str | None, comparator: str | None
) -> None:
    dose = parse_dose(sentence)
    assert dose is not None
    assert (dose.kind, dose.value_min, dose.value_max, dose.comparator) == (
        kind,
        low,
        high,
        comparator,
    )


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # a concentration is a laboratory value, not a dose
        ("Use with caution when haemoglobin is below 9 g/dL.", None),
        ("Stop it if the serum level exceeds 4 mg/L.", None),
        ("Lower the dose once haemoglobin falls under 10 g per dL.", None),
        # counter-examples: doses per day or per kilogram stay doses
        ("Give 10 mg/day.", "mg"),
        ("Give 2 mg/kg per day.", "mg/kg"),
    ],
)
def test_a_concentration_is_no_dose(sentence: str, unit: str | None) -> None:
    dose = parse_dose(sentence)
    assert (dose.unit if dose else None) == unit


# --- a daily maximum in a later clause of a dose sentence


@pytest.mark.parametrize(
    ("sentence", "maximum"),
    [
        ("Adults: 1 mg up to 3 times a day, not more than 4 mg in 24 hours.", "4"),
        ("You can take up to 2 mg at a time, but no more than 6 mg daily.", "6"),
    ],
    ids=["not-more-than-in-24-hours", "but-no-more-than-daily"],
)
def test_a_later_clause_adds_the_daily_maximum(sentence: str, maximum: str) -> None:
    from graph_builder.dosing import later_daily_maximum

    later = later_daily_maximum(sentence, (), parse_dose(sentence))  # type: ignore[arg-type]
    assert later is not None
    assert (later.kind, later.value_max, later.per) == ("maximum", maximum, "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "The initial dose is 0.5 mg three times a day, and may be raised by 0.5 mg every 3 days.",
        "The maximum dose is 4 mg per day.",
        "Take 0.5 mg to 1 mg at bedtime.",
    ],
    ids=["titration-step", "one-maximum", "one-range"],
)
def test_no_second_maximum_where_the_sentence_states_one_dose(sentence: str) -> None:
    from graph_builder.dosing import later_daily_maximum

    assert later_daily_maximum(sentence, (), parse_dose(sentence)) is None  # type: ignore[arg-type]


# --- the first dose read from its own clause when a later one states the maximum


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Adults: 4 mg daily in 2 divided doses, maximum 8 mg daily.",
            [("usual", "4", "day"), ("maximum", "8", "day")],
        ),
        (
            "Initially 1 mg daily, increased gradually to a maximum of 6 mg daily.",
            [("initial", "1", "day"), ("maximum", "6", "day")],
        ),
        (
            "Adults: 10 mg every 8 hours; maximum 40 mg/24 h.",
            [("usual", "10", "dose"), ("maximum", "40", "day")],
        ),
        ("The maximum dose is 40 mg/24 hours.", [("maximum", "40", "day")]),
    ],
    ids=["maximum-n-daily", "to-a-maximum-of", "per-24-h", "one-maximum-per-24-hours"],
)
def test_only_the_stated_maximum_is_a_maximum(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    from graph_builder.dosing import read_doses

    assert [(d.kind, d.value_max, d.per) for d in read_doses(sentence)] == expected


def test_a_usual_dose_bounded_after_the_amount_is_no_maximum() -> None:
    dose = parse_dose("Doses of 10 mg or less per day are usually sufficient.")
    assert dose is not None and dose.kind != "maximum" and dose.comparator == "le"
