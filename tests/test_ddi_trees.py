"""The boosted-tree pair model: QuickScorer gives the trees' own scores, and reads safely."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from graph_builder.ddi_model import CLASSES, TreeModel, read_model
from graph_builder.ddi_trees import flatten, from_lightgbm
from graph_builder.model import InputError

# "levels" between the drugs suggests a pharmacokinetic interaction, unless "not" is there;
# the kind tree prefers "mechanism" when "levels" is present, "effect" otherwise
DETECT = ["b:levels", ["b:not", -2.0, -1.0], ["b:not", 1.5, -0.5]]
KINDS = [(1, ["b:levels", 0.0, 2.0]), (2, ["b:levels", 1.0, 0.0]), (3, 0.0), (4, -1.0)]


def model() -> TreeModel:
    return TreeModel(CLASSES, ((0, DETECT), *KINDS), threshold=0.5, veto=0.9)


@pytest.mark.parametrize(
    ("features", "log_odds"),
    [
        (["bias"], -2.0),  # nothing said: unlikely
        (["b:not"], -1.0),
        (["b:levels", "b:increases"], 1.5),  # a change of levels: likely
        (["b:levels", "b:not"], -0.5),  # "did not alter the levels"
    ],
)
def test_each_tree_sends_a_pair_to_the_leaf_its_features_choose(
    features: list[str], log_odds: float
) -> None:
    assert model().leaves.scores(features)[0] == pytest.approx(log_odds)


def test_a_change_of_levels_is_a_likely_pharmacokinetic_interaction() -> None:
    verdict = model().verdict(["bias", "b:levels"])
    assert verdict.kind == "mechanism"
    assert verdict.none == pytest.approx(1 - 1 / (1 + np.exp(-1.5)))
    assert model().verdict(["b:not"]).kind == "effect"


def test_deep_trees_pick_the_leftmost_leaf_that_no_present_feature_rules_out() -> None:
    # a chain: every split sends a present feature right; the leaves read 0, 1, 2, 3
    chain = ["a", ["b", ["c", 0.0, 1.0], 2.0], 3.0]
    leaves = flatten([(0, chain)], 1)
    assert leaves.scores([])[0] == 0.0
    assert leaves.scores(["c"])[0] == 1.0
    assert leaves.scores(["b", "c"])[0] == 2.0
    assert leaves.scores(["a", "b", "c"])[0] == 3.0


def test_a_model_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "trees.json"
    path.write_text(json.dumps(model().to_json()), encoding="utf-8")
    again = read_model(path)
    assert isinstance(again, TreeModel)
    assert again.verdict(["b:levels"]) == model().verdict(["b:levels"])


@pytest.mark.parametrize(
    "trees",
    [
        [[0, [3, 0.0, 1.0]]],  # a split must name a feature
        [[7, 0.0]],  # an output the classes do not have
        [[0, ["b:levels", 0.0]]],  # a split needs two sides
    ],
)
def test_a_broken_tree_file_is_one_clear_error(tmp_path: Path, trees: list[object]) -> None:
    path = tmp_path / "trees.json"
    data = {**model().to_json(), "trees": trees}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="not a readable DDI pair model"):
        read_model(path)


def test_the_scores_are_lightgbms_own() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(7)
    x = (rng.random((400, 12)) < 0.3).astype(np.float32)
    y = ((x[:, 0] + x[:, 1] * x[:, 2] - x[:, 3]) > 0.5).astype(int)
    names = [f"f{k}" for k in range(12)]
    # LightGBM's own API: scikit-learn is a training extra, not a test dependency
    booster = lightgbm.train(
        {"objective": "binary", "num_leaves": 7, "min_data_in_leaf": 5, "verbose": -1,
         "num_threads": 1},
        lightgbm.Dataset(x, y),
        num_boost_round=30,
    )
    trees = from_lightgbm(booster.dump_model(), names)
    leaves = flatten([(0, tree) for tree in trees], 1)
    expected = booster.predict(x, raw_score=True)
    ours = [leaves.scores([names[k] for k in np.flatnonzero(row)])[0] for row in x]
    assert np.allclose(ours, expected, atol=1e-4)
