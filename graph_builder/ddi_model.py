"""Decide which drug mentions of a sentence interact, with a small trained model.

The model reads a *candidate pair* (two drug or drug-class mentions of one sentence) with
the drug names blinded: the words before, between and after the two mentions (and the
between words' stems), how far apart they are, the sentence's interaction and negation
cues and on which side of the pair each sits, whether the rules of ``interactions.py`` pair
them (and how they type and negate them), and whether a semicolon, a bracket or other drugs
sit between them. It scores five classes (none, mechanism, effect, advise, int). The
shipped model is boosted decision trees (``TreeModel``, scored by ``ddi_trees.py`` with
numpy); the earlier linear model (``PairModel``, a JSON table ``feature -> one weight per
class``) can still be read. Both are trained by ``scripts/train_ddi.py`` on the DDI-2013
training documents only; prediction needs no machine-learning library and is deterministic.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path

from graph_builder.ddi_trees import Leaves, TreeJson, flatten
from graph_builder.model import EntityType, InputError, Mention
from graph_builder.vocabulary import DATA_DIR

MODEL_PATH = DATA_DIR / "models" / "ddi-pairs.json"
CLASSES = ("none", "mechanism", "effect", "advise", "int")
_TOKEN = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*|\d+(?:\.\d+)?|[^\w\s]")
_WINDOW = 3
_WIDE = 8  # a looser bag of words either side: the cue often sits beyond three words


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two mentions of one sentence (in text order) that may interact."""

    first: Mention
    second: Mention


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the model says of a candidate: how likely no interaction, else which kind."""

    kind: str  # the likeliest kind of interaction: mechanism | effect | advise | int
    probability: float  # of that kind
    none: float  # the probability that the pair does not interact


def _shape(word: str) -> str:
    if word.isdigit() or re.fullmatch(r"\d+\.\d+", word):
        return "<num>"
    return word.lower()


@dataclass(frozen=True, slots=True)
class SentenceLayout:
    """Where each mention sits: its coordinated group and its statement (by index)."""

    groups: tuple[int, ...]  # one per mention: the coordinated group ("A, B or C") it is in
    statements: tuple[int, ...]  # one per mention: the statement (";"- or "."-ended) it is in
    statement_count: int


class SentenceView:
    """A sentence's tokens with its drug mentions blinded, shared by its candidates."""

    def __init__(
        self,
        text: str,
        start: int,
        mentions: Sequence[Mention],
        layout: SentenceLayout | None = None,
    ) -> None:
        self.text = text
        self.start = start
        self.mentions = list(mentions)
        self.layout = layout
        # tokens: (word, index of the mention it belongs to or -1)
        self.tokens: list[tuple[str, int]] = []
        cursor, index = 0, 0
        spans = [(m.start - start, m.end - start) for m in self.mentions]
        self.mention_token: list[int] = []
        for which, (begin, end) in enumerate(spans):
            if begin < cursor:  # overlapping mentions share the earlier token
                self.mention_token.append(len(self.tokens) - 1)
                continue
            self.tokens += [(_shape(t.group()), -1) for t in _TOKEN.finditer(text, cursor, begin)]
            self.mention_token.append(len(self.tokens))
            self.tokens.append(("<drug>", which))
            cursor = max(end, begin)
            index += 1
        self.tokens += [(_shape(t.group()), -1) for t in _TOKEN.finditer(text, cursor)]

    @cached_property
    def cue_tokens(self) -> list[tuple[int, str | None, bool]]:
        """Return each word that is an interaction trigger or a negation, with its position.

        Each is (position, the trigger's stem or None, whether it is a negation word); they
        do not depend on the pair, so every candidate of the sentence shares them.
        """
        found = []
        for position, (word, which) in enumerate(self.tokens):
            if which >= 0:
                continue
            trigger = _TRIGGER.match(word)
            negation = word in _NEGATION
            if trigger or negation:
                found.append((position, trigger.group() if trigger else None, negation))
        return found

    def word(self, position: int, a: int, b: int) -> str:
        """Return the token at ``position``, the two candidates shown as DRUG1/DRUG2."""
        word, which = self.tokens[position]
        if which == a:
            return "DRUG1"
        if which == b:
            return "DRUG2"
        return "DRUGO" if which >= 0 else word


def _bin(value: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20):
        if value <= limit:
            return str(limit)
    return "many"


def features(
    view: SentenceView, a: int, b: int, rule: tuple[bool, str, bool] | None = None
) -> list[str]:
    """Return the blinded features of the candidate (mention ``a``, mention ``b``), a < b.

    ``rule`` is what the rules say of the pair: (paired, type, negated), or None.
    """
    found = ["bias", *_context(view, a, b), *_pair(view, a, b), *_layout(view, a, b)]
    found += _triggers(view, a, b) + _between_edges(view, a, b) + _cues(view, a, b)
    if rule is not None:
        paired, kind, negated = rule
        found.append(f"rule:{'pair' if paired else 'nopair'}")
        found.append(f"rule-type:{kind}")
        if paired:
            found.append(f"rule-pair-type:{kind}")
        if negated:
            found.append("rule:negated")
    return found


def _context(view: SentenceView, a: int, b: int) -> list[str]:
    """Words between the two mentions (bag, bigrams, short sequence) and around them."""
    i, j = view.mention_token[a], view.mention_token[b]
    between = [view.word(p, a, b) for p in range(i + 1, j)]
    before = [view.word(p, a, b) for p in range(max(0, i - _WINDOW), i)]
    after = [view.word(p, a, b) for p in range(j + 1, min(len(view.tokens), j + 1 + _WINDOW))]
    found = [f"b:{w}" for w in set(between)]
    found += [f"bb:{x}_{y}" for x, y in set(pairwise(between))]
    if len(between) <= 4:
        found.append("bs:" + "_".join(between))
    found += [f"l{len(before) - k}:{w}" for k, w in enumerate(before)]
    found += [f"r{k + 1}:{w}" for k, w in enumerate(after)]
    found += [f"lw:{w}" for w in before] + [f"rw:{w}" for w in after]
    wide_before = range(max(0, i - _WIDE), i)
    wide_after = range(j + 1, min(len(view.tokens), j + 1 + _WIDE))
    found += [f"lwide:{view.word(p, a, b)}" for p in wide_before]
    found += [f"rwide:{view.word(p, a, b)}" for p in wide_after]
    others = sum(1 for w in between if w == "DRUGO")
    found += [f"dist:{_bin(len(between))}", f"others:{_bin(others)}"]
    marks = ((";", "semi"), (".", "stop"), ("(", "open"), (")", "close"), (":", "colon"))
    found += [f"has:{name}" for mark, name in marks if mark in between]
    return found


# Words that carry an interaction: a change (increases, inhibits, prolongs), what changes
# (levels, clearance, effect, risk), joint use (coadministered, receiving) or advice
# (caution, avoid, monitor); matched as word stems.
_TRIGGER = re.compile(
    r"(?:increas|decreas|inhibit|induc|reduc|enhanc|potentiat|antagoni|block|alter|affect|elevat"
    r"|lower|rais|prolong|interact|administ|combin|caution|avoid|monitor|recommend|contraindicat"
    r"|adjust|concentrat|level|clearance|metaboli|absor|auc|effect|risk|toxic|displac|impair"
    r"|attenuat|augment|diminish|accelerat|excret|eliminat|exposure|bioavailab|half|synerg"
    r"|additive|respon|action|activit|use|given|receiv|tak|treat|concomitant|coadminist"
    r"|co-administ|plasma|serum)"
)
_TRIGGER_REACH = 10


def _nearest_trigger(view: SentenceView, position: int, a: int, b: int, step: int) -> str | None:
    """Return the nearest trigger word from ``position`` in one direction, not past a pair drug."""
    for p in range(position + step, position + step * (_TRIGGER_REACH + 1), step):
        if not 0 <= p < len(view.tokens):
            return None
        word = view.word(p, a, b)
        if word in ("DRUG1", "DRUG2"):
            return None
        if word != "DRUGO" and _TRIGGER.match(word):
            return word
    return None


def _triggers(view: SentenceView, a: int, b: int) -> list[str]:
    """Name the trigger word nearest each of the two mentions, on either side of it.

    "A increases the levels of B": DRUG1's right trigger and DRUG2's left one are
    "increases" and "levels"; a trigger beyond the other mention of the pair is not used.
    """
    found = []
    for name, which in (("1", a), ("2", b)):
        position = view.mention_token[which]
        for side, step in (("L", -1), ("R", 1)):
            word = _nearest_trigger(view, position, a, b, step)
            if word is not None:
                found.append(f"t{name}{side}:{word}")
    return found


# Words that deny or doubt an interaction; where one sits (before, between or after the
# pair) says whether it reaches the pair: "A did not alter B", "no dose change of A with B"
_NEGATION = frozenset(
    {"not", "no", "neither", "nor", "without", "none", "lack", "absence", "unlikely"}
    | {"cannot", "never"}
)
_STEM = 6


def _stem(word: str) -> str:
    """Return a long word's first six letters: "increased" and "increases" are "increa"."""
    return word[:_STEM] if len(word) > _STEM and word.isalpha() else word


def _between_edges(view: SentenceView, a: int, b: int) -> list[str]:
    """Describe the words between the pair: as stems, and the two next to each mention.

    "A increased the levels of B": stems "increa", "levels"; "increased" is the first word
    after DRUG1 and "of" the first before DRUG2.
    """
    i, j = view.mention_token[a], view.mention_token[b]
    between = [view.word(p, a, b) for p in range(i + 1, j)]
    found = [f"b6:{word}" for word in sorted({_stem(w) for w in between})]
    found += [f"bf{k + 1}:{w}" for k, w in enumerate(between[:2])]
    found += [f"bl{k + 1}:{w}" for k, w in enumerate(reversed(between[-2:]))]
    return found


def _cues(view: SentenceView, a: int, b: int) -> list[str]:
    """Name every trigger stem and negation word of the sentence, and its side of the pair.

    "Unlike A, B did not increase C" for the pair (B, C): "not" and "increas" between them.
    """
    i, j = view.mention_token[a], view.mention_token[b]
    found: set[str] = set()
    for position, trigger, negation in view.cue_tokens:
        side = "B" if i < position < j else ("L" if position < i else "R")
        if trigger is not None:
            found |= {f"tr{side}:{trigger}", f"trS:{trigger}"}
        if negation:
            word = view.tokens[position][0]
            found |= {f"neg{side}", f"neg{side}:{word}"}
    return sorted(found)


def _pair(view: SentenceView, a: int, b: int) -> list[str]:
    """Describe the two mentions: drug or class, the same name, first or last."""
    first, second = view.mentions[a], view.mentions[b]
    found = [f"types:{_kind(first)}_{_kind(second)}", f"mentions:{_bin(len(view.mentions))}"]
    if first.entity.key == second.entity.key:
        found.append("same-entity")
    if first.text.lower() == second.text.lower():
        found.append("same-text")
    if a == 0:
        found.append("first-is-first")
    if b == len(view.mentions) - 1:
        found.append("second-is-last")
    return found


def _layout(view: SentenceView, a: int, b: int) -> list[str]:
    """Say how the sentence's structure places the pair and the other drugs around it.

    Two members of one coordinated list ("A, B or C") rarely interact with each other;
    two items of a semicolon-separated list ("includes: A; B; C") neither.
    """
    found = [
        f"drugs-before:{min(a, 3)}",
        f"drugs-after:{min(len(view.mentions) - 1 - b, 3)}",
    ]
    layout = view.layout
    if layout is None:
        return found
    if layout.groups[a] == layout.groups[b]:
        found.append("same-group")
    found.append(f"group-distance:{min(layout.groups[b] - layout.groups[a], 3)}")
    if layout.statements[a] != layout.statements[b]:
        found.append("other-statement")
    if layout.statement_count >= 4:
        found.append("many-statements")
    return found


def _kind(mention: Mention) -> str:
    if mention.entity.type is EntityType.DRUG_CLASS:
        return "class"
    if mention.text[:1].isupper() and not mention.text.isupper():
        return "Cap"
    if mention.text.isupper():
        return "CAPS"
    return "drug"


@dataclass(frozen=True, slots=True)
class PairModel:
    """A linear multiclass model: per feature, one weight per class."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float  # a pair the rules did not state interacts when P(none) is below this
    veto: float = 1.0  # a pair the rules stated is dropped when P(none) is at least this

    def verdict(self, found: list[str]) -> Verdict:
        """Score the features; return the most likely class and its probability."""
        totals = [0.0] * len(self.classes)
        for name in found:
            row = self.weights.get(name)
            if row is not None:
                totals = [t + w for t, w in zip(totals, row, strict=True)]
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        norm = sum(exps)
        probabilities = [e / norm for e in exps]
        best = max(range(1, len(self.classes)), key=lambda k: probabilities[k])
        return Verdict(self.classes[best], probabilities[best], probabilities[0])

    def quiet_threshold(self) -> float:
        """Return the P(none) a pair of a sentence with no interaction cue must stay below."""
        return self.threshold

    def known_features(self) -> frozenset[str]:
        """Return the features the model weighs."""
        return frozenset(self.weights)

    def to_json(self) -> dict[str, object]:
        """Return the model as a JSON-ready dictionary."""
        return {
            "format": "drugkg-ddi-pairs/1",
            "classes": list(self.classes),
            "threshold": self.threshold,
            "veto": self.veto,
            "weights": {k: list(v) for k, v in sorted(self.weights.items())},
        }


@dataclass(frozen=True, slots=True)
class TreeModel:
    """Boosted trees (``ddi_trees.py``): whether a pair interacts, then which kind it is.

    Score 0 is the log-odds that the pair interacts; scores 1.. rank the kinds (softmax).
    """

    classes: tuple[str, ...]
    trees: tuple[tuple[int, TreeJson], ...]  # (score, tree), as written by the trainer
    threshold: float
    veto: float = 1.0
    # a sentence with no interaction cue states a pair only when P(none) is below this (None:
    # ``threshold``): the training text is all about interactions, a monograph's "how it
    # works" is not
    quiet: float | None = None
    leaves: Leaves = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "leaves", flatten(self.trees, len(self.classes)))

    def verdict(self, found: list[str]) -> Verdict:
        """Score the features; return the most likely kind and the chance of none."""
        scores = self.leaves.scores(found)
        interacts = 1.0 / (1.0 + math.exp(-float(scores[0])))
        kinds = [float(s) for s in scores[1:]]
        top = max(kinds)
        exps = [math.exp(k - top) for k in kinds]
        best = max(range(len(kinds)), key=lambda k: exps[k])
        return Verdict(self.classes[best + 1], interacts * exps[best] / sum(exps), 1 - interacts)

    def quiet_threshold(self) -> float:
        """Return the P(none) a pair of a sentence with no interaction cue must stay below."""
        return self.threshold if self.quiet is None else self.quiet

    def known_features(self) -> frozenset[str]:
        """Return the features some split of the trees tests."""
        return frozenset(self.leaves.splits)

    def to_json(self) -> dict[str, object]:
        """Return the model as a JSON-ready dictionary."""
        return {
            "format": TREES_FORMAT,
            "classes": list(self.classes),
            "threshold": self.threshold,
            "veto": self.veto,
            "quiet": self.quiet_threshold(),
            "trees": [[score, tree] for score, tree in self.trees],
        }


Model = PairModel | TreeModel
TREES_FORMAT = "drugkg-ddi-trees/1"


def read_model(path: Path | None = None) -> Model:
    """Read a pair model written by ``scripts/train_ddi.py`` (default: the shipped one)."""
    path = MODEL_PATH if path is None else path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        classes = tuple(str(c) for c in data["classes"])
        threshold = float(data["threshold"])
        veto = float(data.get("veto", 1.0))
        if classes[:1] != ("none",):
            raise ValueError("the first class must be none")
        if data.get("format") == TREES_FORMAT:
            trees = tuple((int(score), tree) for score, tree in data["trees"])
            quiet = float(data["quiet"]) if "quiet" in data else None
            return TreeModel(classes, trees, threshold, veto, quiet)
        weights = {str(k): tuple(float(x) for x in v) for k, v in data["weights"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(f"{path}: not a readable DDI pair model ({error})") from error
    if any(len(row) != len(classes) for row in weights.values()):
        raise InputError(f"{path}: not a readable DDI pair model (bad classes or weights)")
    return PairModel(classes, weights, threshold, veto)


@cache
def get_model() -> Model | None:
    """Return the shipped pair model, or None when there is none."""
    return read_model(MODEL_PATH) if MODEL_PATH.exists() else None
