"""The sentence reader: every rule and every special reading, applied to one sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from graph_builder import adverse
from graph_builder import rules as R
from graph_builder.extract.advice import ADVICE_RELATIONS, advice_kinds, mask_advice
from graph_builder.extract.base import PARTNERS, within
from graph_builder.extract.context import clauses, is_negated
from graph_builder.extract.effects import SideEffectReading
from graph_builder.extract.interacting import InteractionReading
from graph_builder.extract.phenotypes import describes_the_item
from graph_builder.extract.statements import StatementReading
from graph_builder.lexicon import find_mentions
from graph_builder.model import Claim, EntityType, Mention, Sentence

_MAY_HELP = re.compile(R.MAY_HELP_WITH)

# The most words a heading may have and still name only the group its advice is for.
_HEADED_GROUP_WORDS = 4
_CAUSED_BY = re.compile(r"\s+by\b", re.I)
ADVICE_KIND = {"caution_in": "caution", "contraindicated_in": "contraindication"}


class SentenceReader(SideEffectReading, InteractionReading, StatementReading):
    """Apply every rule to one sentence."""

    def __init__(
        self,
        sentence: Sentence,
        topic: Mention,
        mentions: list[Mention],
        kinds: frozenset[str] | None = None,
        heading_pair: tuple[Mention, Mention | None] | None = None,
    ) -> None:
        super().__init__(heading_as_lead_in(sentence), topic, mentions, kinds, heading_pair)
        self.kinds = self.kinds | listed_advice(sentence, self.kinds)

    def iter_rule_claims(self) -> Iterator[Claim]:
        """Yield the claims of every rule that applies to the sentence."""
        for rule in R.RULES:
            if rule.relation == "interacts_with":
                continue
            cue = self.applies(rule)
            if not cue:
                continue
            if rule.relation == "has_side_effect":
                yield from self.side_effects(rule)
            elif rule.relation == "binds":
                yield from self.targets(rule)
            else:
                yield from self.simple(rule, cue)
        yield from self.interaction_claims()

    def interaction_claims(self) -> Iterator[Claim]:
        """Yield the interactions of every interaction rule that applies, else the model's."""
        cued = False
        for rule in R.RULES:
            if rule.relation == "interacts_with" and self.applies(rule):
                cued = True
                yield from self.interactions(rule)
        if cued:
            return
        claims = list(self.model_only_interactions())
        if not claims:
            return
        # "Like other benzodiazepines, diazepam acts on GABA", "Lisinopril belongs to a group
        # of medicines called ACE inhibitors": with no interaction cue, a drug compared with
        # or said to be of its own class is no interaction, whatever the model says.
        members = {_pair(c) for c in self.memberships() if c.obj is not None}
        yield from (c for c in claims if c.obj is None or _pair(c) not in members)

    def helps_someone_else(self, cue: re.Match[str]) -> bool:
        """Tell whether "X can help with" names something other than a drug as X."""
        if not _MAY_HELP.fullmatch(cue.group()):
            return False
        if re.match(r"(?:it|this medicine)\b", cue.group(), re.I):
            return False
        return not any(
            self.rel(m) == cue.start() and m.entity.type in PARTNERS for m in self.mentions
        )

    def simple(self, rule: R.Rule, cue: re.Match[str] | bool) -> Iterator[Claim]:
        """Yield subject-relation-object claims for a rule with no special reading."""
        if rule.relation in ("treats",) and (self.withdrawal or self.treated_by_another()):
            return
        if rule.relation == "treats" and isinstance(cue, re.Match) and self.helps_someone_else(cue):
            return  # "Exercise can help with weight loss": not the drug
        # "not recommended unless essential": the "not" is the advice itself, not a negation
        prohibition = isinstance(cue, re.Match) and R.SOFTENED_PROHIBITION.fullmatch(cue.group())
        softened = self.clauses_where(R.SOFTENED_PROHIBITION)
        # advice that allows an exception, and a cue that holds for its own clause only, are
        # decided per object: by the clause that names it
        excluded = self.clauses_where(rule.unless)
        scoped = isinstance(cue, re.Match) and cue.re is rule.clause_cue
        scope = self.clauses_where(rule.clause_cue) if scoped else []
        advice = rule.relation in ADVICE_RELATIONS and not rule.cue_in_lead_in
        text = mask_advice(self.text) if advice else self.text
        objects, phenotypes = self.rule_objects(rule, advice=advice)
        for obj in objects:
            at = self.rel(obj)
            denied = False
            if advice:  # caution or contraindication: the advice of the clause naming it
                verdict = self.advice_verdict(rule.relation, at, listed=rule.cue is None)
                if verdict is None:
                    continue
                denied = verdict == "denied"
            elif within(at, excluded) or (scoped and not within(at, scope)):
                continue
            elif rule.relation == "treats" and (
                self.caused_here(at)
                or obj.entity.key in R.NEVER_TREATED
                or R.NOT_TREATED.search(self.text, 0, at)
                # "people whose epilepsy is not controlled": the disease's state, no use
                or R.CONDITION_STATE_AFTER.match(self.text, at + len(obj.text))
                # "kidney problems caused by diabetes": the cause is no use, unless treating
                # what a withdrawal causes ("tremor caused by alcohol withdrawal") treats it
                or (
                    R.CAUSE_OF_THE_USE.search(self.text, 0, at)
                    and not obj.entity.key.endswith("withdrawal")
                )
            ):
                continue  # "used for anxiety but may cause insomnia", "except in pregnancy"
            negatable = rule.negatable and not prohibition and not within(at, softened)
            negated = denied or (negatable and is_negated(text, at))
            if isinstance(cue, re.Match) and negatable:
                negated = negated or is_negated(text, cue.start())
            if negated and not denied and obj in phenotypes:
                continue  # "not studied in heart failure; use with caution in it": no denial

            qualifiers = self.qualifiers(rule.relation, obj)
            claim = self.claim(
                rule.relation, rule.name, obj, negated=negated, qualifiers=qualifiers
            )
            yield _narrowed(claim, self.text, at, at + len(obj.text))

    def rule_objects(self, rule: R.Rule, *, advice: bool) -> tuple[list[Mention], list[Mention]]:
        """Return a rule's objects, and which of them are phenotypes of the effect vocabulary.

        The lexicon's conditions and groups first; then what the side-effect vocabulary names
        as the patient's condition (advice) or as a use of the drug (treats).
        """
        # a lexicon word inside a longer phrase of the vocabulary names nothing of its own:
        # "depression" in "bone-marrow depression"
        longer = self.adverse_objects(R.ADVERSE, each_mention=True)
        objects = [
            m
            for m in (self.each_other(rule.objects) if advice else self.others(rule.objects))
            if not any(
                o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                for o in longer
            )
        ]
        named = {m.entity.key for m in objects}
        phenotypes: list[Mention] = []
        if advice:
            phenotypes = self.advised_conditions
        elif rule.relation in ADVICE_RELATIONS:  # an item of "Do not take it if:" is the condition
            phenotypes = [
                m
                for m in self.adverse_objects(R.ADVERSE)
                if (len(m.text.split()) > 1 or m.entity.source != adverse.PATTERN_SOURCE)
                and self.names_the_item(m)
            ]
        elif rule.relation == "treats":
            phenotypes = self.treated_conditions
        phenotypes = [m for m in phenotypes if m.entity.key not in named]
        if rule.relation in ADVICE_RELATIONS:
            # "stopping suddenly may cause insomnia": a symptom of withdrawal, no condition
            lists = [(cue.start(), end) for cue, end in self.withdrawal_lists()]
            objects = [
                m
                for m in objects
                if not within(self.rel(m), lists)
                and not R.CAUSED_BEFORE.search(self.text, 0, self.rel(m))
            ]
            phenotypes = [m for m in phenotypes if not within(self.rel(m), lists)]
            objects = [
                m
                for m in objects
                if not R.ANOTHER_DRUGS_USE.search(self.text, 0, self.rel(m))
                # "asthma, a lung disease": the apposition says what the condition is
                and not describes_the_item(self.text, self.rel(m), self.rel(m) + len(m.text))
            ]
            phenotypes = [
                m for m in phenotypes if not R.ANOTHER_DRUGS_USE.search(self.text, 0, self.rel(m))
            ]
        return [*objects, *phenotypes], phenotypes

    def headed_advice(self) -> Iterator[Claim]:
        """Yield the advice a bare sentence gives the group its heading names.

        "Renal impairment" over "Use with caution.": the caution is for renal impairment;
        "Severe hepatic impairment" over "Avoid.": a contraindication. Only a short heading
        that names the group and nothing else, and a sentence that names no object itself.
        """
        if not self.sentence.headings or self.sentence.label is not None:
            return
        heading = self.sentence.headings[-1]
        if len(heading.text.split()) > _HEADED_GROUP_WORDS or not self._bare_advice(
            0, len(self.text)
        ):
            return
        if any(
            m.entity.type in R.AT_RISK
            for m in self.mentions
            if m.entity.key != self.topic.entity.key
        ):
            return
        kinds = advice_kinds(self.text, 0, len(self.text))
        relation = (
            "contraindicated_in"
            if "contraindication" in kinds
            else "caution_in"
            if "caution" in kinds
            else None
        )
        if relation is None:
            return
        named = [
            m
            for m in find_mentions(heading.text, heading.start, drug_names=False)
            if m.entity.type in R.AT_RISK
        ]
        if len(named) == 1:
            claim = self.claim(relation, "advice-under-heading", named[0])
            yield _narrowed(
                claim, heading.text, named[0].start - heading.start, named[0].end - heading.start
            )

    def each_other(self, types: frozenset[EntityType]) -> list[Mention]:
        """Return every mention of ``types`` but the subject's, each with its own advice.

        "Use with caution in mild hepatic impairment; avoid in severe hepatic impairment"
        names it twice, under two pieces of advice.
        """
        return [
            m
            for m in self.mentions
            if m.entity.type in types and m.entity.key != self.topic.entity.key
        ]

    def treated_by_another(self) -> bool:
        """Tell whether another drug is the one treating ("should be treated with insulin")."""
        return any(
            m.entity.type in PARTNERS
            and m.entity.key != self.topic.entity.key
            and R.TREATED_WITH.search(self.text, 0, self.rel(m))
            # "severe pain which can be managed only with opioid analgesics": how severe the
            # use is, a class the drug is of; no other drug treating it
            and not R.ONLY_WITH.search(self.text, 0, self.rel(m))
            for m in self.mentions
        )

    def caused_here(self, at: int) -> bool:
        """Tell whether the clause naming the words at ``at`` says the drug causes them."""
        start = next((a for a, b in clauses(self.text) if a <= at < b), 0)
        # "tremor caused by alcohol withdrawal": the withdrawal causes it, not the drug
        return any(
            not _CAUSED_BY.match(self.text, cue.end())
            for cue in R.SIDE_EFFECT_CUE.finditer(self.text, start, at)
        )

    def advice_verdict(self, relation: str, at: int, *, listed: bool = False) -> str | None:
        """Say whether the advice at ``at`` makes ``relation``: "asserted", "denied" or None.

        ``listed``: the section (or a label) is the advice, unless the item says otherwise.
        """
        own, ruling = self.advice_at(at)
        if relation == "contraindicated_in":
            if "contraindication" in own:
                return "asserted"
            if "denied" in own:
                return "denied"
            if "caution" in own:
                return None
        elif "caution" in own:
            return "asserted"
        elif "contraindication" in own:
            return None
        if not ruling or listed:  # no clause says which: the sentence's cue rules every object
            return "asserted"
        return "asserted" if ADVICE_KIND[relation] in ruling else None

    def read(self) -> Iterator[Claim]:
        """Yield every claim the sentence makes."""
        yield from self.iter_rule_claims()
        yield from self.withdrawal_symptoms()
        yield from self.memberships()
        yield from self.brand_names()
        yield from self.doses()
        yield from self.instructions()
        yield from self.pregnancy()
        yield from self.at_risk_populations()
        yield from self.groups_at_higher_risk()
        yield from self.headed_advice()
        yield from self.pregnancy_risk_warning()


def condition_qualifier(text: str, at: int) -> str | None:
    """Return the word narrowing the condition at ``at`` ("severe", "untreated"), if any.

    >>> condition_qualifier("Avoid in severe kidney disease.", 16)
    'severe'
    >>> condition_qualifier("Avoid in serious liver or kidney disease.", 26)
    'serious'
    >>> condition_qualifier("Avoid in kidney disease.", 9) is None
    True
    """
    match = R.CONDITION_QUALIFIER.search(text, max(0, at - 60), at)
    return match.group("qualifier").lower() if match else None


def _narrowed(claim: Claim, text: str, at: int, end: int) -> Claim:
    """Keep on advice the word that narrows its condition ("severe"), as its qualification."""
    if claim.relation not in ADVICE_RELATIONS:
        return claim
    after = R.CONDITION_STATE_AFTER.match(text, end)
    narrowed = condition_qualifier(text, at) or (
        after.group("qualifier").lower() if after else None
    )
    if narrowed is None or narrowed in (claim.hedge or ""):
        return claim
    return replace(claim, hedge="; ".join(filter(None, (claim.hedge, narrowed))))


_LIST_OF_ADVICE = frozenset({"contraindication", "caution"})


def heading_as_lead_in(sentence: Sentence) -> Sentence:
    """Read a heading that ends in a colon and gives advice as the lead-in of its items.

    A leaflet's "### Do not take it if:" over bullets "you have asthma" introduces a list
    as "Do not take it if:" written as a sentence would: each item names a condition the
    drug is contraindicated in, no side effect. Only a heading with the advice's own words
    (a contraindication or a caution), not "Side effects:" or "It can cause:".
    """
    if sentence.lead_in is not None or not sentence.headings:
        return sentence
    heading = sentence.headings[-1].text.strip()
    if not heading.endswith(":") or sentence.label is not None:
        return sentence
    advice = R.CONTRAINDICATION_CUE.search(heading) or R.CAUTION_CUE.search(heading)
    if advice is None or R.SIDE_EFFECT_CUE.search(heading):
        return sentence
    return replace(sentence, lead_in=heading)


def listed_advice(sentence: Sentence, kinds: frozenset[str]) -> frozenset[str]:
    """Return the advice a list gives an item whose own label names a group, not a section.

    Under "Who should not take it", "Women who are pregnant: it can harm the baby" is an item
    of the list, its label the group: still a contraindication, as its label's words say no
    section of their own.
    """
    label = sentence.label
    headings = sentence.heading_texts
    if label is None or not headings or headings[-1] != label.text or kinds & _LIST_OF_ADVICE:
        return frozenset()
    for heading in reversed(headings[:-1]):
        outer = frozenset(kind for kind, cue in R.SECTION_CUES.items() if cue.search(heading))
        if outer:
            return outer & _LIST_OF_ADVICE
    return frozenset()


def _pair(claim: Claim) -> frozenset[str]:
    """Return the two entities a claim joins, in no order."""
    return frozenset((claim.subject.entity.key, claim.obj.entity.key if claim.obj else ""))
