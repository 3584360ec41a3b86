"""The trained DDI pair model: blinded features, prediction, the shipped weights file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_builder.ddi_model import (
    CLASSES,
    MODEL_PATH,
    PairModel,
    SentenceView,
    features,
    read_model,
)
from graph_builder.interactions import model_pairs, sentence_view
from graph_builder.model import Entity, EntityType, InputError, Mention

WARFARIN = Entity("warfarin", EntityType.DRUG, "warfarin")
CIMETIDINE = Entity("cimetidine", EntityType.DRUG, "cimetidine")
ASPIRIN = Entity("aspirin", EntityType.DRUG, "aspirin")
SENTENCE = "Cimetidine raises the plasma levels of warfarin, not aspirin."


def mentions_of(text: str, *entities: Entity) -> list[Mention]:
    found = []
    for entity in entities:
        at = text.lower().index(entity.label)
        found.append(Mention(text[at : at + len(entity.label)], at, at + len(entity.label), entity))
    return sorted(found, key=lambda m: m.start)


def test_features_blind_the_drug_names() -> None:
    mentions = mentions_of(SENTENCE, CIMETIDINE, WARFARIN, ASPIRIN)
    found = features(SentenceView(SENTENCE, 0, mentions), 0, 1)
    assert "b:levels" in found and "bb:plasma_levels" in found
    assert "r1:," in found and "r3:DRUGO" in found  # aspirin is "some other drug"
    assert not any("warfarin" in f or "cimetidine" in f or "aspirin" in f for f in found)


def test_features_keep_no_whole_sentence() -> None:
    mentions = mentions_of(SENTENCE, CIMETIDINE, WARFARIN)
    found = features(SentenceView(SENTENCE, 0, mentions), 0, 1)
    assert not any(f.startswith("bs:") for f in found)  # six words between: no sequence
    assert max(len(f.split("_")) for f in found) <= 3


def test_offsets_follow_the_sentence_start() -> None:
    shifted = [
        Mention(m.text, m.start + 100, m.end + 100, m.entity)
        for m in mentions_of(SENTENCE, CIMETIDINE, WARFARIN)
    ]
    plain = mentions_of(SENTENCE, CIMETIDINE, WARFARIN)
    assert features(SentenceView(SENTENCE, 100, shifted), 0, 1) == features(
        SentenceView(SENTENCE, 0, plain), 0, 1
    )


FLUCONAZOLE = Entity("fluconazole", EntityType.DRUG, "fluconazole")


def test_layout_marks_two_members_of_one_list() -> None:
    text = "Aspirin raises warfarin, cimetidine or fluconazole exposure."
    mentions = mentions_of(text, ASPIRIN, WARFARIN, CIMETIDINE, FLUCONAZOLE)
    view = sentence_view(text, 0, mentions)
    listed = features(view, 1, 3)  # warfarin ~ fluconazole: one coordinated list
    assert "same-group" in listed and "group-distance:0" in listed
    across = features(view, 0, 1)  # aspirin ~ warfarin: neighbouring groups
    assert "same-group" not in across and "group-distance:1" in across
    assert "drugs-before:0" in across and "drugs-after:2" in across


def test_layout_marks_two_items_of_a_semicolon_list() -> None:
    text = "Drugs that may lower the effect include: aspirin; cimetidine; warfarin; fluconazole."
    mentions = mentions_of(text, ASPIRIN, CIMETIDINE, WARFARIN, FLUCONAZOLE)
    found = features(sentence_view(text, 0, mentions), 0, 1)
    assert "other-statement" in found and "many-statements" in found
    near = "Aspirin and warfarin; cimetidine."
    assert "other-statement" not in features(
        sentence_view(near, 0, mentions_of(near, ASPIRIN, WARFARIN, CIMETIDINE)), 0, 1
    )


def test_wide_context_reaches_a_cue_beyond_three_words() -> None:
    text = "Caution is advised in patients who take aspirin with warfarin."
    found = features(SentenceView(text, 0, mentions_of(text, ASPIRIN, WARFARIN)), 0, 1)
    assert "lwide:caution" in found and "lw:caution" not in found


def test_triggers_name_the_nearest_interaction_word_of_each_drug() -> None:
    text = "Aspirin markedly increases the serum levels of warfarin in elderly patients."
    found = features(SentenceView(text, 0, mentions_of(text, ASPIRIN, WARFARIN)), 0, 1)
    assert "t1R:increases" in found and "t2L:levels" in found
    assert not any(f.startswith("t1L:") or f.startswith("t2R:") for f in found)


def test_a_trigger_beyond_the_other_drug_of_the_pair_is_not_used() -> None:
    text = "Aspirin with warfarin adds to the bleeding risk."
    found = features(SentenceView(text, 0, mentions_of(text, ASPIRIN, WARFARIN)), 0, 1)
    assert "t2R:risk" in found and not any(f.startswith("t1R:") for f in found)


def test_between_words_give_their_stems_and_the_words_next_to_each_drug() -> None:
    text = "Aspirin increased the exposure of warfarin."
    found = features(SentenceView(text, 0, mentions_of(text, ASPIRIN, WARFARIN)), 0, 1)
    assert "b6:increa" in found and "b6:exposu" in found and "b6:the" in found
    assert "bf1:increased" in found and "bf2:the" in found
    assert "bl1:of" in found and "bl2:exposure" in found
    other = "Aspirin increases the exposure of warfarin."
    assert "b6:increa" in features(
        SentenceView(other, 0, mentions_of(other, ASPIRIN, WARFARIN)), 0, 1
    )


def test_cues_say_on_which_side_of_the_pair_they_sit() -> None:
    text = "Unlike aspirin, cimetidine did not increase warfarin levels."
    mentions = mentions_of(text, ASPIRIN, CIMETIDINE, WARFARIN)
    inner = features(SentenceView(text, 0, mentions), 1, 2)  # cimetidine ~ warfarin
    assert "negB:not" in inner and "trB:increas" in inner and "trR:level" in inner
    outer = features(SentenceView(text, 0, mentions), 0, 1)  # aspirin ~ cimetidine
    assert "negR:not" in outer and "negB" not in outer and "trS:increas" in outer


def test_a_cue_less_sentence_keeps_only_what_the_model_asserts() -> None:
    """Without an interaction cue the model alone decides, the rules' pairing one input."""
    sentence = "Cimetidine raises the plasma levels of warfarin, not aspirin."
    mentions = mentions_of(sentence, CIMETIDINE, WARFARIN, ASPIRIN)
    pairs = model_pairs(sentence, 0, mentions, toy_model(), cue=False)
    assert [(p.first.text, p.second.text, p.kind, p.by_model) for p in pairs] == [
        ("Cimetidine", "warfarin", "mechanism", True)
    ]
    sure = toy_model(threshold=0.05)  # the rules pair C~W, yet the model is not sure enough
    assert model_pairs(sentence, 0, mentions, sure, cue=False) == []


def toy_model(threshold: float = 0.5, veto: float = 0.8) -> PairModel:
    """A hand-set model: 'levels' between two drugs is a mechanism, 'not' denies it."""
    weights = {
        "bias": (1.0, 0.0, 0.0, 0.0, 0.0),
        "b:levels": (0.0, 3.0, 0.0, 0.0, 0.0),
        "b:not": (4.0, 0.0, 0.0, 0.0, 0.0),
    }
    return PairModel(CLASSES, weights, threshold, veto)


def test_model_vetoes_a_rule_pair_and_types_the_rest() -> None:
    """The rules pair neighbours (C~W, W~A); the model drops 'warfarin, not aspirin'."""
    mentions = mentions_of(SENTENCE, CIMETIDINE, WARFARIN, ASPIRIN)
    pairs = model_pairs(SENTENCE, 0, mentions, toy_model())
    assert [(p.first.text, p.second.text, p.kind, p.by_model) for p in pairs] == [
        ("Cimetidine", "warfarin", "mechanism", False)
    ]


def test_model_adds_a_pair_the_rules_do_not_state() -> None:
    sentence = "Cimetidine and warfarin levels rose."  # one group: the rules pair nothing
    mentions = mentions_of(sentence, CIMETIDINE, WARFARIN)
    adding = PairModel(CLASSES, {"bias": (0.0, 0.0, 0.0, 0.0, 2.0)}, 0.5)
    pairs = model_pairs(sentence, 0, mentions, adding)
    assert [(p.first.text, p.second.text, p.kind, p.by_model) for p in pairs] == [
        ("Cimetidine", "warfarin", "int", True)
    ]


@pytest.mark.parametrize(
    ("found", "kind", "interacts"),
    [
        (["bias", "b:levels"], "mechanism", True),
        (["bias", "b:levels", "b:not"], "mechanism", False),
    ],
    ids=["levels", "levels-denied"],
)
def test_verdict_gives_the_kind_and_the_chance_of_none(
    found: list[str], kind: str, interacts: bool
) -> None:
    verdict = toy_model().verdict(found)
    assert verdict.kind == kind
    assert (verdict.none < 0.5) is interacts


def test_model_round_trips_through_json(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(toy_model().to_json()), encoding="utf-8")
    assert read_model(path) == toy_model()


def test_a_broken_model_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"classes": ["none", "effect"], "weights": {"bias": [1]}}', encoding="utf-8")
    with pytest.raises(InputError, match=r"model\.json: not a readable DDI pair model"):
        read_model(path)


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="no shipped model")
def test_shipped_model_is_small_json_with_blinded_features() -> None:
    assert MODEL_PATH.stat().st_size < 3_000_000
    model = read_model()
    assert model.classes == CLASSES
    prefixes = {name.split(":")[0] for name in model.known_features()}
    assert prefixes <= {
        "bias",
        "b",
        "bb",
        "bs",
        "l1",
        "l2",
        "l3",
        "r1",
        "r2",
        "r3",
        "lw",
        "rw",
        "dist",
        "others",
        "has",
        "types",
        "same-entity",
        "same-text",
        "first-is-first",
        "second-is-last",
        "mentions",
        "rule",
        "rule-type",
        "rule-pair-type",
        "rule:negated",
        "lwide",
        "rwide",
        "drugs-before",
        "drugs-after",
        "same-group",
        "group-distance",
        "other-statement",
        "many-statements",
        "t1L",
        "t1R",
        "t2L",
        "t2R",
        "b6",
        "bf1",
        "bf2",
        "bl1",
        "bl2",
        "trL",
        "trB",
        "trR",
        "trS",
        "negL",
        "negB",
        "negR",
    }


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="no shipped model")
def test_shipped_model_weighs_every_kind_of_feature_the_pipeline_computes() -> None:
    """What users run is the documented method: no feature family is left without weights."""
    text = "Cimetidine increases the plasma levels of warfarin; monitor aspirin use."
    mentions = mentions_of(text, CIMETIDINE, WARFARIN, ASPIRIN)
    computed = features(sentence_view(text, 0, mentions), 0, 1, (True, "mechanism", False))
    families = {name.split(":")[0] for name in computed}
    weighted = {name.split(":")[0] for name in read_model().known_features()}
    assert {"t1R", "t2L", "group-distance", "drugs-after"} <= families
    assert families - {"bias"} <= weighted  # trees need no bias feature


def test_a_document_with_no_drug_in_its_title_gets_the_models_cue_less_pairs(
    tmp_path: Path,
) -> None:
    from graph_builder.extract import extract
    from graph_builder.ingest import read_document

    # Classes only: the text names no single drug that could be the document's topic.
    body = "Tricyclic antidepressants deepened the sedation seen with barbiturates.\n"
    pairs = {}
    for title in ("Abstract", "Clonazepam"):
        path = tmp_path / f"{title}.txt"
        path.write_text(f"{title}\n\n{body}", encoding="utf-8")
        claims = extract(read_document(path)).claims
        pairs[title] = {
            frozenset((c.subject.entity.key, c.obj.entity.key))
            for c in claims
            if c.relation == "interacts_with" and c.obj is not None
        }
    assert frozenset(("tricyclic-antidepressants", "barbiturates")) in pairs["Clonazepam"]
    assert pairs["Abstract"] == pairs["Clonazepam"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Like other benzodiazepines, the effect of diazepam is mediated by GABA-A receptors.",
        "As with the other benzodiazepines, the action of lorazepam depends on GABA.",
    ],
    ids=["like other", "as with the other"],
)
def test_a_drug_compared_with_its_own_class_is_a_member_not_an_interaction(
    tmp_path: Path, sentence: str
) -> None:
    from graph_builder.extract import extract
    from graph_builder.ingest import read_document

    path = tmp_path / "notes.txt"
    path.write_text(f"Notes on sedatives\n\n{sentence}\n", encoding="utf-8")
    claims = extract(read_document(path)).claims
    relations = {(c.relation, c.obj.entity.key) for c in claims if c.obj is not None}
    assert ("member_of", "benzodiazepines") in relations
    assert ("interacts_with", "benzodiazepines") not in relations


def test_only_the_examples_a_class_introduces_share_its_pair() -> None:
    from graph_builder.interactions import _only_examples_between

    text = "Clonazepam potentiates CNS depressants such as alcohol, and caffeine does not help."

    def mention(sentence: str, words: str, key: str, kind: EntityType) -> Mention:
        at = sentence.index(words)
        return Mention(words, at, at + len(words), Entity(key, kind, key))

    def examples(sentence: str) -> tuple[bool, bool]:
        cls = mention(sentence, "CNS depressants", "cns-depressants", EntityType.DRUG_CLASS)
        alcohol = mention(sentence, "alcohol", "ethanol", EntityType.DRUG)
        caffeine = mention(sentence, "caffeine", "caffeine", EntityType.DRUG)
        return (
            _only_examples_between(sentence, 0, cls, [], alcohol),
            _only_examples_between(sentence, 0, cls, [alcohol], caffeine),
        )

    assert examples(text) == (True, False)  # "and caffeine does ...": a clause, no list item
    assert examples("It potentiates CNS depressants such as alcohol, or caffeine.") == (True, True)
    assert examples("It potentiates CNS depressants; alcohol and caffeine differ.") == (
        False,
        False,
    )
