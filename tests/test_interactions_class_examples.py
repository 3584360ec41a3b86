"""A drug class named together with its examples is one partner: its pairs stand together."""

from __future__ import annotations

import pytest

from graph_builder.ddi_model import CLASSES, PairModel
from graph_builder.interactions import _examples_of, model_pairs
from graph_builder.model import Entity, EntityType, Mention

KINDS = {
    "clonazepam": EntityType.DRUG,
    "alcohol": EntityType.DRUG,
    "zolpidem": EntityType.DRUG,
    "phenelzine": EntityType.DRUG,
    "tyramine": EntityType.DRUG,
    "sedatives": EntityType.DRUG_CLASS,
    "opioids": EntityType.DRUG_CLASS,
    "MAO inhibitors": EntityType.DRUG_CLASS,
}

# A hand-set model that is sure a drug and a class never interact (it vetoes the rules' pair)
# and that two drugs do; two members of one list are never added as a pair of its own.
DOUBTS_CLASSES = PairModel(
    CLASSES,
    {
        "bias": (0.0, 0.0, 2.0, 0.0, 0.0),
        **{f"types:{k}": (5.0, 0.0, 0.0, 0.0, 0.0) for k in ("drug_class", "class_drug")},
        "same-group": (9.0, 0.0, 0.0, 0.0, 0.0),
    },
    threshold=0.55,
    veto=0.85,
)
# The same, sure of nothing: every pair of a drug with anything is vetoed.
DOUBTS_ALL = PairModel(
    CLASSES,
    {"bias": (5.0, 0.0, 0.0, 0.0, 0.0), "same-group": (9.0, 0.0, 0.0, 0.0, 0.0)},
    threshold=0.55,
    veto=0.85,
)


def mentions_in(text: str) -> list[Mention]:
    """Find the known names of ``KINDS`` in a lower-case sentence, each once."""
    found = []
    for name, kind in KINDS.items():
        at = text.find(name)
        if at >= 0:
            key = name.lower().replace(" ", "-")
            found.append(Mention(name, at, at + len(name), Entity(key, kind, name)))
    return sorted(found, key=lambda m: m.start)


def kept(text: str, model: PairModel = DOUBTS_CLASSES) -> set[tuple[str, str]]:
    """Return the asserted pairs of one sentence, as (first, second) names."""
    pairs = model_pairs(text, 0, mentions_in(text), model)
    return {(p.first.text, p.second.text) for p in pairs if not p.negated}


@pytest.mark.parametrize(
    "sentence",
    [
        "the sedation of clonazepam deepens when it is combined with sedatives like alcohol.",
        "the sedation of clonazepam deepens when it is combined with sedatives such as alcohol.",
        "the sedation of clonazepam deepens when it is combined with sedatives (e.g. alcohol).",
        "the sedation of clonazepam deepens when it is combined with sedatives, including"
        " alcohol or zolpidem.",
    ],
    ids=["like", "such-as", "bracketed-e.g.", "including-two"],
)
def test_a_class_keeps_its_pair_when_a_listed_example_keeps_its_own(sentence: str) -> None:
    pairs = kept(sentence)
    assert ("clonazepam", "alcohol") in pairs  # the model is sure of the drug
    assert ("clonazepam", "sedatives") in pairs  # so the class it exemplifies stands too


def test_the_example_may_name_the_class_before_the_drug() -> None:
    sentence = "opioids such as zolpidem or alcohol add to the sedation caused by clonazepam."
    assert ("opioids", "clonazepam") in kept(sentence)


def test_a_class_and_its_examples_all_vetoed_stay_vetoed() -> None:
    sentence = "the sedation of clonazepam deepens when it is combined with sedatives like alcohol."
    assert kept(sentence, DOUBTS_ALL) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        # no examples: the class stands alone, a drug named later is another partner
        "the sedation of clonazepam deepens when it is combined with sedatives, and alcohol.",
        # "drugs like this one": a comparison with no drug after it
        "the sedation of clonazepam deepens with sedatives like this one, and with alcohol.",
        # "like" as a verb
        "patients combining clonazepam with opioids like the calm but should avoid alcohol.",
        # a comparison of the whole combination, not a list of examples
        "clonazepam taken with sedatives, like taking it with alcohol, deepens sedation.",
    ],
    ids=["no-examples", "like-this-one", "like-the-verb", "like-a-comparison"],
)
def test_a_class_not_followed_by_its_examples_keeps_the_models_veto(sentence: str) -> None:
    pairs = kept(sentence)
    assert not any("sedatives" in pair or "opioids" in pair for pair in pairs), pairs


@pytest.mark.parametrize(
    ("sentence", "examples"),
    [
        ("avoid MAO inhibitors such as phenelzine with tyramine.", ["phenelzine"]),
        (
            "sedatives such as alcohol, zolpidem or opioids add up.",
            ["alcohol", "zolpidem", "opioids"],
        ),
        ("sedatives (e.g. alcohol, zolpidem) add up.", ["alcohol", "zolpidem"]),
        ("sedatives like alcohol may add to zolpidem's effect.", []),  # a clause of its own
        ("sedatives, and alcohol, add up.", []),
    ],
    ids=["a-later-drug-is-no-example", "a-list", "bracketed", "a-verb-follows", "no-cue"],
)
def test_which_names_a_class_introduces_as_its_examples(sentence: str, examples: list[str]) -> None:
    mentions = mentions_in(sentence)
    classes = [i for i, m in enumerate(mentions) if m.entity.type is EntityType.DRUG_CLASS]
    found = [mentions[e].text for e in _examples_of(sentence, 0, mentions, classes[0])]
    assert found == examples
