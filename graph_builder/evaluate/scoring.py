"""Precision, recall and F1 over sets of items."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of true positives, false positives and false negatives, and the ratios."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def row(self, name: str) -> str:
        """Format as one table row: name, P, R, F1, TP, FP, FN."""
        return (
            f"{name:<14} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"
            f"  (tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def score_sets(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Score:
    """Score ``predicted`` against ``gold`` as sets.

    >>> s = score_sets({"a", "b", "c"}, {"b", "c", "d"})
    >>> (s.tp, s.fp, s.fn, round(s.f1, 3))
    (2, 1, 1, 0.667)
    """
    gold_set, predicted_set = set(gold), set(predicted)
    tp = len(gold_set & predicted_set)
    return Score(tp, len(predicted_set - gold_set), len(gold_set - predicted_set))
