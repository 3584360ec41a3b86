"""Reading a drug's molecular targets: what it binds, and what it does there.

"Apixaban is a selective inhibitor of factor Xa", "it blocks voltage-gated sodium channels",
"a factor Xa inhibitor": the drug binds the target, and the words say how (``dkg:action``:
inhibitor, blocker, antagonist, agonist ...). Items that share one head noun ("blocks
muscarinic, histamine H1 and alpha-1 adrenergic receptors") are three targets. A target another
drug acts on ("allopurinol inhibits xanthine oxidase" in a page about azathioprine) is that
drug's, never the page's; one a drug class acts on is nobody's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph_builder import rules as R
from graph_builder.extract.base import PARTNERS, ReaderBase
from graph_builder.extract.context import is_negated
from graph_builder.extract.metabolism import is_metabolising_enzyme
from graph_builder.lexicon import get_lexicon
from graph_builder.model import Claim, EntityType, Mention

TARGETS = frozenset({EntityType.TARGET})
# a class named in apposition to the drug ("lisinopril, an ACE inhibitor, ...") or as its
# peers ("like other SSRIs") is no other actor
_APPOSED_CLASS = re.compile(
    r"(?:,\s*(?:an?|the)|\blike(?: other)?|\bas (?:an?|other)|\bis (?:an?|the))\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)


# an action noun in the plural names a class of drugs: "Inhibitors of ACE", "antagonists at"
_CLASS_OF_ACTORS = re.compile(
    r"(?:inhibitors|antagonists|agonists|blockers|activators|modulators|openers)\b", re.I
)


class MechanismReading(ReaderBase):
    """The molecular targets a sentence says a drug binds."""

    def targets(self, rule: R.Rule) -> Iterator[Claim]:
        """Yield a binding claim for each target the sentence says a drug acts on."""
        named = self.target_mentions()
        for obj in named:
            if is_metabolising_enzyme(obj):
                continue  # "drugs that inhibit CYP3A4": a class and a metabolism, no target
            found = target_action(self.text, self.rel(obj), self.rel(obj) + len(obj.text))
            if found is None:
                continue
            action, cue_at = found
            if _CLASS_OF_ACTORS.match(self.text, cue_at):
                continue  # "Inhibitors of ACE may raise lithium levels": a class acts, no drug
            if self.drug_between(cue_at, self.rel(obj), named):
                continue  # "by inhibiting factor Xa, apixaban decreases thrombin generation"
            subject = self.acting_drug(min(cue_at, self.rel(obj)))
            if subject is None:
                continue
            negated = is_negated(self.text, self.rel(obj)) or is_negated(self.text, cue_at)
            qualifiers = self.qualifiers("binds", obj)
            if action != "binder":
                qualifiers = (*qualifiers, ("action", action))
            yield Claim(
                "binds",
                subject,
                self.sentence,
                rule.name,
                obj=obj,
                hedge=self.hedge_for(obj),
                negated=negated,
                qualifiers=qualifiers,
                subject_inferred_from_topic=subject is self.subject and self.inferred,
            )

    def target_mentions(self) -> list[Mention]:
        """Return the sentence's targets, with those named by items sharing a head noun."""
        named = self.others(TARGETS)
        shared = [m for t in named for m in shared_head_items(self.text, t, self.sentence.start)]
        seen = {m.entity.key for m in named}
        extra = []
        for mention in shared:
            if mention.entity.key not in seen:
                seen.add(mention.entity.key)
                extra.append(mention)
        return sorted([*named, *extra], key=lambda m: m.start)

    def drug_between(self, start: int, end: int, targets: list[Mention]) -> bool:
        """Tell whether a drug is named between an action and its target: a new clause.

        A word inside a target's name is none ("histamine" in "histamine H1").
        """
        return any(
            m.entity.type in PARTNERS
            and start < self.rel(m) < end
            and not any(t.start <= m.start < t.end for t in targets)
            for m in self.mentions
        )

    def acting_drug(self, at: int) -> Mention | None:
        """Return the drug that acts at ``at``: the last one named before, else the topic.

        A drug class named last ("NSAIDs inhibit cyclooxygenase") acts itself: no drug's.
        """
        before = [m for m in self.mentions if m.entity.type in PARTNERS and self.rel(m) < at]
        for mention in reversed(before):
            if mention.entity.key == self.topic.entity.key:
                return self.subject
            if mention.entity.type is EntityType.DRUG:
                return mention
            if not _APPOSED_CLASS.search(self.text[: self.rel(mention)]):
                return None
        return self.subject


def target_action(text: str, start: int, end: int) -> tuple[str, int] | None:
    """Return what the words around a target at ``start:end`` say the drug does, and where.

    >>> target_action("It is a selective inhibitor of factor Xa.", 31, 40)
    ('inhibitor', 18)
    >>> target_action("Factor Xa is an enzyme.", 0, 9) is None
    True
    """
    after = R.TARGET_NOUN_AFTER.match(text, end)
    if after and R.IS_A_BEFORE_TARGET.search(text[:start]):
        noun = after.group("noun").lower()
        return ("binder" if noun == "opener" else noun, after.start("noun"))
    best: tuple[int, str, int] | None = None
    for action, pattern in R.TARGET_ACTIONS:
        for match in pattern.finditer(text, 0, start):
            gap = text[match.end() : start]
            if not R.TARGET_GAP.match(gap) or R.TARGET_GAP_BREAK.search(gap):
                continue
            # the nearest cue; "partial agonist" before "agonist", which ends where it does
            if best is None or match.end() > best[0]:
                best = (match.end(), action, match.start())
    return None if best is None else (best[1], best[2])


def shared_head_items(text: str, target: Mention, offset: int) -> list[Mention]:
    """Return the targets named by items before ``target`` that share its head noun."""
    head = R.SHARED_HEAD.search(target.text)
    at = target.start - offset
    items = R.SHARED_HEAD_ITEMS.search(text[:at]) if head else None
    if head is None or items is None:
        return []
    found = []
    cursor = items.start()
    for piece in R.SHARED_HEAD_SEPARATOR.split(text[items.start() : at]):
        begin = text.find(piece, cursor) if piece else -1
        if begin < 0:
            continue
        cursor = begin + len(piece)
        mention = _item_target(piece, head.group(1), offset + begin)
        if mention is not None:
            found.append(mention)
    return found


def _item_target(item: str, head: str, start: int) -> Mention | None:
    """Return the target an item names with the head noun added, from its last words."""
    words = item.split()
    for first in range(len(words)):
        phrase = " ".join(words[first:])
        hits = get_lexicon().find(f"{phrase} {head}")
        if (
            len(hits) == 1
            and hits[0].entity.type is EntityType.TARGET
            and hits[0].start == 0
            and hits[0].end == len(phrase) + 1 + len(head)
        ):
            at = start + item.rfind(phrase)
            return Mention(phrase, at, at + len(phrase), hits[0].entity)
    return None
