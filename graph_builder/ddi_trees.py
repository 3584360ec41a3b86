"""Boosted decision trees over the pair model's features, scored without a learning library.

``scripts/train_ddi.py`` trains two LightGBM ensembles on the DDI-2013 training documents:
one says whether a candidate pair interacts (a log-odds), the other which kind of
interaction it is (mechanism, effect, advise, int; one score per kind). Every feature is
present or absent, so a split sends a pair left (absent) or right (present). Scoring
follows QuickScorer: per tree, the leaves are bits, each present feature's splits rule out
the leaves on their left, and the leftmost leaf left standing is the pair's. With numpy
that gives LightGBM's own scores (``tests/test_ddi_trees.py``) at about 50 microseconds a
pair for 1,200 trees, deterministically.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

# A tree as JSON: a leaf value, or [feature, subtree if absent, subtree if present].
TreeJson = float | list[object]


@dataclass(frozen=True, slots=True)
class Leaves:
    """An ensemble's trees, as QuickScorer lays them out (Lucchese et al., SIGIR 2015).

    A tree's leaves are bits, numbered left to right. A split whose feature is present
    sends the pair right, so it rules out the leaves on its left; the pair's leaf is the
    leftmost one that no split of its present features rules out.
    """

    splits: Mapping[str, tuple[npt.NDArray[np.intp], npt.NDArray[np.uint64]]]  # trees, masks
    leaves: npt.NDArray[np.uint64]  # per tree, a bit for each of its leaves
    first: npt.NDArray[np.intp]  # per tree, the index of its first leaf in ``values``
    values: npt.NDArray[np.float64]
    outputs: npt.NDArray[np.intp]  # per tree, the score it adds to
    width: int  # how many scores

    def scores(self, found: Iterable[str]) -> npt.NDArray[np.float64]:
        """Sum, per score, the value of the leaf each tree sends the features to."""
        alive = self.leaves.copy()
        chosen = [self.splits[name] for name in set(found) if name in self.splits]
        if chosen:
            trees = np.concatenate([trees for trees, _ in chosen])
            masks = np.concatenate([masks for _, masks in chosen])
            np.bitwise_and.at(alive, trees, masks)
        lowest = alive & (~alive + np.uint64(1))
        leaf = np.log2(lowest.astype(np.float64)).astype(np.intp)  # exact: a power of two
        values = self.values[self.first + leaf]
        scores: npt.NDArray[np.float64] = np.bincount(
            self.outputs, weights=values, minlength=self.width
        ).astype(np.float64)
        return scores


def flatten(trees: Iterable[tuple[int, TreeJson]], width: int) -> Leaves:
    """Lay ``(output, tree)`` pairs out for scoring: leaves in order, a mask per split."""
    splits: dict[str, tuple[list[int], list[int]]] = {}
    counts: list[int] = []
    first: list[int] = []
    values: list[float] = []
    outputs: list[int] = []

    def walk(node: TreeJson, tree: int) -> tuple[int, int]:
        """Give the leaves under ``node`` their bits; return the first bit and the end."""
        if not isinstance(node, list):
            values.append(float(node))
            counts[tree] += 1
            return counts[tree] - 1, counts[tree]
        feature, if_absent, if_present = node
        if not isinstance(feature, str):
            raise ValueError(f"a split names no feature: {feature!r}")
        low, middle = walk(if_absent, tree)  # type: ignore[arg-type]
        _, high = walk(if_present, tree)  # type: ignore[arg-type]
        if high > 64:
            raise ValueError("a tree has more than 64 leaves")
        left = ((1 << middle) - 1) ^ ((1 << low) - 1)
        at_tree, masks = splits.setdefault(feature, ([], []))
        at_tree.append(tree)
        masks.append(~left & ((1 << 64) - 1))
        return low, high

    for tree, (output, root) in enumerate(trees):
        if not 0 <= output < width:
            raise ValueError(f"a tree scores output {output}, not one of {width}")
        first.append(len(values))
        counts.append(0)
        outputs.append(output)
        walk(root, tree)
    return Leaves(
        {
            name: (np.array(at, dtype=np.intp), np.array(masks, dtype=np.uint64))
            for name, (at, masks) in splits.items()
        },
        np.array([(1 << n) - 1 if n < 64 else (1 << 64) - 1 for n in counts], dtype=np.uint64),
        np.array(first, dtype=np.intp),
        np.array(values, dtype=np.float64),
        np.array(outputs, dtype=np.intp),
        width,
    )


def from_lightgbm(dump: Mapping[str, object], names: list[str]) -> list[TreeJson]:
    """Return the trees of a LightGBM ``dump_model()`` as [feature, if absent, if present].

    Every feature is 0 or 1, so each split must be "feature <= t" with 0 <= t < 1: absent
    goes left, present goes right.
    """

    def node(tree: Mapping[str, object]) -> TreeJson:
        if "leaf_value" in tree:
            return round(float(tree["leaf_value"]), 6)  # type: ignore[arg-type]
        threshold = float(tree["threshold"])  # type: ignore[arg-type]
        if tree["decision_type"] != "<=" or not 0 <= threshold < 1:
            raise ValueError(f"not a split on a 0/1 feature: {tree['decision_type']} {threshold}")
        feature = names[int(tree["split_feature"])]  # type: ignore[call-overload]
        return [feature, node(tree["left_child"]), node(tree["right_child"])]  # type: ignore[arg-type]

    infos: list[Mapping[str, object]] = dump["tree_info"]  # type: ignore[assignment]
    return [node(info["tree_structure"]) for info in infos]  # type: ignore[arg-type]
