"""Reading drug-drug interactions: the pairing itself lives in ``interactions.py``."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from graph_builder import rules as R
from graph_builder.ddi_model import get_model
from graph_builder.extract.base import CONSEQUENCES, PARTNERS, ReaderBase
from graph_builder.interactions import (
    interaction_pairs,
    model_pairs,
    topic_pairs,
    with_class_mentions,
)
from graph_builder.model import Claim, Mention


class InteractionReading(ReaderBase):
    """Interactions between the drugs a sentence names, or with the topic drug."""

    def model_only_interactions(self) -> Iterator[Claim]:
        """With a trained model, judge sentences naming two drugs even without a cue word."""
        drugs = with_class_mentions(self.text, self.sentence.start, self.partners)
        if get_model() is None or len({m.entity.key for m in drugs}) < 2:
            return
        yield from self.interactions(R.RULES_BY_NAME["interaction"], cue=False)

    @cached_property
    def partners(self) -> list[Mention]:
        """Return the drugs and classes that may interact: not what a patient is allergic to."""
        return [
            m
            for m in self.mentions
            if m.entity.type in PARTNERS
            and (
                m.entity.key == self.topic.entity.key
                or not R.ALLERGEN_BEFORE.search(self.text, 0, self.rel(m))
            )
        ]

    def interactions(self, rule: R.Rule, *, cue: bool = True) -> Iterator[Claim]:
        """Pair the drugs the sentence names (interactions.py); else pair the topic.

        ``cue`` False: no interaction cue matched, so only the model's own pairs count.
        """
        drugs = with_class_mentions(self.text, self.sentence.start, self.partners)
        model = get_model()
        if model is None:
            pairs = interaction_pairs(self.text, self.sentence.start, drugs)
        else:  # the trained model chooses among the pairs, the rules' verdict one input
            pairs = model_pairs(self.text, self.sentence.start, drugs, model, cue=cue)
        inferred = not pairs and self.inferred
        if model is not None and len({m.entity.key for m in drugs}) > 1:
            inferred = False  # the model judged the named drugs; none is the topic's partner
        if inferred:  # "Combining it with alcohol ...": the other drug is the topic
            named = [m for m in self.others(PARTNERS) if m in self.partners]
            pairs = topic_pairs(self.text, self.sentence.start, self.topic, named)
        consequences = tuple(self.others(CONSEQUENCES))
        advice = R.ADVICE.search(self.text)
        for pair in pairs:
            first, second = pair.first, pair.second
            if second.entity.key == self.topic.entity.key:  # the topic drug leads
                first, second = second, first
            qualifiers: list[tuple[str, str]] = [("interaction_type", pair.kind)]
            if advice:
                qualifiers.append(("advice", advice.group()))
            yield Claim(
                relation="interacts_with",
                subject=first,
                sentence=self.sentence,
                rule="ddi-model" if pair.by_model else rule.name,
                obj=second,
                hedge=self.hedge_for(second),
                negated=pair.negated,
                consequences=consequences,
                qualifiers=tuple(qualifiers),
                subject_inferred_from_topic=inferred,
            )
