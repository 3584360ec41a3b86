"""Molecular targets: which a drug binds, what it does there, and which drug says so.

Every sentence here is written for these tests, in the styles of a US label (12.1 Mechanism of
Action), an EU SmPC (5.1), a formulary monograph and a consumer page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.extract.mechanism import target_action
from graph_builder.ingest import read_document
from graph_builder.lexicon import read_lexicon
from graph_builder.model import Claim, EntityType

HEADINGS = ("12.1 Mechanism of Action", "5.1 Pharmacodynamic properties", "How it works", "")


def binds(tmp_path: Path, drug: str, sentence: str, heading: str = "") -> list[Claim]:
    """Return the binding claims of a one-sentence page about ``drug``."""
    path = tmp_path / f"{drug.lower()}.txt"
    parts = [drug, heading, sentence]
    path.write_text("\n\n".join(p for p in parts if p) + "\n", encoding="utf-8")
    return [c for c in extract(read_document(path)).claims if c.relation == "binds"]


def is_the_drugs(claim: Claim, drug: str) -> bool:
    """Tell whether a claim is about the page's drug (named, or the page's topic)."""
    return claim.subject_inferred_from_topic or claim.subject.text.lower() == drug.lower()


TARGETS = [
    ("Dabigatran", "Dabigatran is a competitive, direct inhibitor of thrombin.",
     {("thrombin", "inhibitor")}),
    ("Phenytoin", "Phenytoin acts mainly by blocking voltage-dependent sodium channels in neurons.",
     {("voltage-gated sodium channel", "blocker")}),
    ("Imipramine", "Imipramine blocks the serotonin transporter and the noradrenaline transporter.",
     {("serotonin transporter", "blocker"), ("norepinephrine transporter", "blocker")}),
    ("Quetiapine", "Quetiapine is an antagonist at dopamine D2 and serotonin 5-HT2A receptors.",
     {("dopamine D2 receptor", "antagonist"), ("5-HT2A receptor", "antagonist")}),
    ("Buprenorphine",
     "Buprenorphine is a partial agonist at the mu-opioid receptor and an antagonist at the"
     " kappa-opioid receptor.",
     {("mu-opioid receptor", "partial agonist"), ("kappa-opioid receptor", "antagonist")}),
    ("Atorvastatin",
     "Atorvastatin selectively and competitively inhibits HMG-CoA reductase, the enzyme that"
     " limits the rate of cholesterol synthesis.",
     {("HMG-CoA reductase", "inhibitor")}),
    ("Clopidogrel", "Its active metabolite irreversibly binds to the P2Y12 ADP receptor on platelets.",
     {("P2Y12 receptor", None)}),
    ("Warfarin", "Warfarin acts by inhibiting vitamin K epoxide reductase (VKORC1).",
     {("vitamin K epoxide reductase", "inhibitor")}),
    ("Digoxin", "Digoxin inhibits the Na+/K+-ATPase pump in cardiac muscle cells.",
     {("Na+/K+-ATPase", "inhibitor")}),
    ("Sildenafil",
     "Sildenafil is a potent and selective inhibitor of cGMP-specific phosphodiesterase type 5.",
     {("phosphodiesterase type 5", "inhibitor")}),
    ("Ramipril", "Ramipril inhibits angiotensin converting enzyme, so less angiotensin II forms.",
     {("angiotensin-converting enzyme", "inhibitor")}),
    ("Morphine", "Morphine works by attaching to opioid receptors in the brain and spinal cord.",
     {("opioid receptor", None)}),
    ("Ondansetron", "Ondansetron is a selective 5-HT3 receptor antagonist.",
     {("5-HT3 receptor", "antagonist")}),
    ("Loratadine", "Loratadine, a long-acting antagonist of peripheral H1 receptors, seldom causes drowsiness.",
     {("histamine H1 receptor", "antagonist")}),
    ("Febuxostat", "Febuxostat selectively inhibits xanthine oxidase.",
     {("xanthine oxidase", "inhibitor")}),
    ("Salbutamol", "Salbutamol stimulates beta-2 adrenergic receptors in the airways.",
     {("beta-2 adrenergic receptor", "activator")}),
    ("Metoprolol", "Metoprolol blocks beta-1 adrenergic receptors in the heart.",
     {("beta-1 adrenergic receptor", "blocker")}),
    ("Pioglitazone",
     "Pioglitazone is an agonist of peroxisome proliferator-activated receptor gamma (PPARγ).",
     {("peroxisome proliferator-activated receptor gamma", "agonist")}),
    ("Sitagliptin", "Sitagliptin inhibits the DPP-4 enzyme, which breaks down incretin hormones.",
     {("dipeptidyl peptidase-4", "inhibitor")}),
    ("Dapagliflozin",
     "Dapagliflozin is a reversible inhibitor of sodium-glucose co-transporter 2 (SGLT2).",
     {("sodium-glucose cotransporter 2", "inhibitor")}),
    ("Donepezil", "Donepezil reversibly inhibits acetylcholinesterase.",
     {("acetylcholinesterase", "inhibitor")}),
    ("Levetiracetam", "Levetiracetam binds to synaptic vesicle protein 2A in the brain.",
     {("synaptic vesicle protein 2A", None)}),
    ("Omeprazole", "Omeprazole blocks the gastric proton pump (H+/K+-ATPase).",
     {("H+/K+-ATPase", "blocker")}),
    ("Selegiline", "At low doses selegiline is an irreversible inhibitor of monoamine oxidase B.",
     {("monoamine oxidase B", "inhibitor")}),
    ("Naloxone", "Naloxone antagonises opioid receptors and reverses respiratory depression.",
     {("opioid receptor", "antagonist")}),
    ("Memantine", "Memantine blocks NMDA receptors when they are overactive.",
     {("NMDA receptor", "blocker")}),
    ("Methotrexate", "Methotrexate inhibits dihydrofolate reductase.",
     {("dihydrofolate reductase", "inhibitor")}),
    ("Losartan", "Losartan selectively blocks the AT1 receptor.",
     {("angiotensin II type 1 receptor", "blocker")}),
    # items sharing one head noun are one target each
    ("Chlorpromazine", "Chlorpromazine also blocks alpha-1 adrenergic, muscarinic and H1 receptors.",
     {("alpha-1 adrenergic receptor", "blocker"), ("muscarinic acetylcholine receptor", "blocker"),
      ("histamine H1 receptor", "blocker")}),
    ("Verapamil", "Verapamil blocks L-type calcium channels in heart and vessel muscle.",
     {("voltage-gated calcium channel", "blocker")}),
    ("Glibenclamide", "Glibenclamide closes ATP-sensitive potassium channels on beta cells.",
     {("potassium channel", "blocker")}),
    ("Minoxidil", "Minoxidil opens potassium channels in vascular smooth muscle.",
     {("potassium channel", "opener")}),
    ("Baclofen", "Baclofen is an agonist at GABA-B receptors in the spinal cord.",
     {("GABA-B receptor", "agonist")}),
    ("Rivaroxaban", "Rivaroxaban is an oral factor Xa inhibitor.", {("factor Xa", "inhibitor")}),
]


@pytest.mark.parametrize(("drug", "sentence", "expected"), TARGETS, ids=[t[0] for t in TARGETS])
def test_the_drug_binds_its_target_with_its_action(
    tmp_path: Path, drug: str, sentence: str, expected: set[tuple[str, str | None]]
) -> None:
    for heading in HEADINGS[:2]:
        claims = binds(tmp_path, drug, sentence, heading)
        own = {
            (c.obj.entity.label, dict(c.qualifiers).get("action"))
            for c in claims
            if c.obj is not None and not c.negated and is_the_drugs(c, drug)
        }
        assert own == expected, heading


# Another drug's target, a class's target, an enzyme of metabolism, or no action at all.
NOT_THE_DRUGS = [
    ("Azathioprine", "Febuxostat inhibits xanthine oxidase, the enzyme that clears azathioprine."),
    ("Lithium", "NSAIDs inhibit cyclooxygenase and may raise lithium levels."),
    ("Simvastatin", "Ketoconazole is a strong inhibitor of CYP3A4 and raises simvastatin levels."),
    ("Clarithromycin", "Clarithromycin is a strong inhibitor of CYP3A4."),
    ("Rivaroxaban", "Avoid use with other factor Xa inhibitors."),
    ("Warfarin", "Factor Xa inhibitors such as apixaban add to the bleeding risk of warfarin."),
    ("Apixaban", "Factor Xa is a serine protease of the coagulation cascade."),
    ("Carbamazepine", "Sodium channels open briefly during each action potential."),
    ("Lisinopril", "Lisinopril belongs to a group of medicines called ACE inhibitors."),
    ("Metformin", "Metformin does not stimulate insulin secretion."),
]


@pytest.mark.parametrize(("drug", "sentence"), NOT_THE_DRUGS, ids=[d for d, _ in NOT_THE_DRUGS])
def test_no_target_of_the_drug(tmp_path: Path, drug: str, sentence: str) -> None:
    claims = binds(tmp_path, drug, sentence, "Pharmacology")
    assert [c for c in claims if is_the_drugs(c, drug) and not c.negated] == []


def test_another_drug_keeps_its_own_target(tmp_path: Path) -> None:
    claims = binds(tmp_path, "Azathioprine", NOT_THE_DRUGS[0][1])
    assert [(c.subject.entity.label, c.obj.entity.label) for c in claims if c.obj] == [
        ("febuxostat", "xanthine oxidase")
    ]


def test_a_drug_in_apposition_is_the_one_acting(tmp_path: Path) -> None:
    sentence = "Etoricoxib, a selective COX-2 inhibitor, raised lithium levels slightly."
    claims = binds(tmp_path, "Lithium", sentence)
    assert [(c.subject.entity.label, c.obj.entity.label) for c in claims if c.obj] == [
        ("etoricoxib", "cyclooxygenase-2")
    ]


def test_a_later_clause_is_no_target(tmp_path: Path) -> None:
    claims = binds(tmp_path, "Edoxaban", "By inhibiting factor Xa, edoxaban lowers thrombin generation.")
    assert {c.obj.entity.label for c in claims if c.obj} == {"factor Xa"}


DENIED = [
    ("Escitalopram", "Escitalopram has no or very low affinity for dopamine D2 receptors.",
     "dopamine D2 receptor"),
    ("Sertraline", "Sertraline does not bind to muscarinic receptors.",
     "muscarinic acetylcholine receptor"),
    ("Desloratadine", "Desloratadine does not block muscarinic receptors at usual doses.",
     "muscarinic acetylcholine receptor"),
]


@pytest.mark.parametrize(("drug", "sentence", "target"), DENIED, ids=[d for d, _, _ in DENIED])
def test_a_denied_target_is_kept_negated(
    tmp_path: Path, drug: str, sentence: str, target: str
) -> None:
    claims = binds(tmp_path, drug, sentence)
    assert [(c.obj.entity.label, c.negated) for c in claims if c.obj] == [(target, True)]


def test_a_hedged_target_keeps_its_hedge(tmp_path: Path) -> None:
    claims = binds(tmp_path, "Lithium", "Lithium may act partly by inhibiting GSK-3 in neurons.")
    assert [(c.obj.entity.label, c.hedge) for c in claims if c.obj] == [
        ("glycogen synthase kinase-3", "may")
    ]


def test_a_consumer_page_names_the_target(tmp_path: Path) -> None:
    claims = binds(
        tmp_path, "Zopiclone", "Zopiclone works on GABA-A receptors to calm the brain.", "How it works"
    )
    assert {c.obj.entity.label for c in claims if c.obj} == {"GABA-A receptor"}


def test_target_action_reads_the_words_around_a_target() -> None:
    text = "It is a reversible antagonist of the H2 receptor."
    at = text.index("H2")
    assert target_action(text, at, at + len("H2 receptor")) == ("antagonist", text.index("antag"))
    text = "The H2 receptor is found on parietal cells."
    assert target_action(text, 4, 15) is None


UNIPROT = re.compile(r"UNIPROT:(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9][A-Z][A-Z0-9]{2}[0-9])")


def test_target_identifiers_are_uniprot_accessions_of_one_protein() -> None:
    targets = [e for e in read_lexicon().values() if e.type is EntityType.TARGET]
    assert len(targets) > 60
    for entity in targets:
        for curie in entity.identifiers:
            assert curie.startswith("GO:") or UNIPROT.fullmatch(curie), entity.key
        # a family or a complex has no single protein to name
        if entity.label.endswith(("channel", "receptors")) or entity.key.endswith("-receptors"):
            assert not any(c.startswith("UNIPROT:") for c in entity.identifiers), entity.key
