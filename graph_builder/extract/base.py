"""The state a sentence is read with, and the helpers every reading uses."""

from __future__ import annotations

import re
from functools import cached_property

from graph_builder import rules as R
from graph_builder.dosing import population_of
from graph_builder.extract.advice import (
    ADVICE,
    ADVICE_RELATIONS,
    advice_clauses,
    advice_kinds,
    blank_spans,
    mask_advice,
    states_own,
)
from graph_builder.extract.context import (
    changed_by_subject,
    effect_possessor,
    find_hedges,
    scoped_hedges,
    section_kinds,
    sentence_subject,
)
from graph_builder.model import Claim, EntityType, Mention, Sentence

PARTNERS = frozenset({EntityType.DRUG, EntityType.DRUG_CLASS})
CONSEQUENCES = frozenset({EntityType.ADVERSE_EFFECT, EntityType.OUTCOME})
ASPECT = re.compile(
    r"\b(effects?|synthesis|sensitivity|frequency|duration|release|levels?|activity|reuptake|action)\b",
    re.I,
)
_ASPECT_AFTER = re.compile(
    # after the transmitter: its reuptake, also past a bracket or a list of others
    r"(?:\s*\([^()]{1,12}\))?(?:\s*(?:,|and|or)\s+[\w-]+(?:\s*\([^()]{1,12}\))?){0,3}"
    r"\s*-?\s*(reuptake|re-uptake|uptake|release|synthesis|levels?)\b",
    re.I,
)
ASPECT_NAMES = {"effects": "effect", "levels": "level", "action": "effect", "re-uptake": "reuptake"}
INCREASE = re.compile(r"\b(enhanc\w*|increas\w*|potentiat\w*|augment\w*|stimulat\w*)\b", re.I)
DECREASE = re.compile(r"\b(inhibit\w*|reduc\w*|decreas\w*|lower\w*|block\w*)\b", re.I)
AT_RISK_POPULATION = re.compile(r"\b(?:especially|particularly) (?:in|among|for) ", re.I)
_CHANGED_EFFECTS = frozenset({"has_effect", "has_side_effect"})
_ITS = re.compile(r"\b(?:its|their)\s+$", re.I)
# What a drug is or does itself: said of the drug a sentence has as its subject, when that is
# another drug than the document's ("Phenytoin is contraindicated in heart block" in a
# lorazepam review). Interactions pair their own drugs; doses are read by their own rules.
OWN_RELATIONS = frozenset(
    {
        "contraindicated_in",
        "caution_in",
        "has_effect",
        "affects",
        "treats",
        "has_side_effect",
        "administration",
        "crosses_into",
        "pregnancy_category",
    }
)


class ReaderBase:
    """One sentence, its mentions, its section and its subject (the topic drug or a mention)."""

    def __init__(
        self,
        sentence: Sentence,
        topic: Mention,
        mentions: list[Mention],
        kinds: frozenset[str] | None = None,
        heading_pair: tuple[Mention, Mention | None] | None = None,
    ) -> None:
        self.sentence = sentence
        self.heading_pair = heading_pair  # "Warfarin <-> aspirin": the drugs a heading joins
        self.text = sentence.text
        self.topic = topic
        self.mentions = mentions
        self.kinds = section_kinds(sentence) if kinds is None else kinds
        self.hedge = find_hedges(self.text)
        own = [m for m in mentions if m.entity.key == topic.entity.key]
        self.subject = own[0] if own else topic
        self.inferred = not own
        # another drug the sentence opens with as its subject, the topic unnamed
        self.other_subject = sentence_subject(self.text, sentence.start, mentions, topic)
        self.withdrawal = R.WITHDRAWAL.search(self.text)

    # -- helpers

    def rel(self, mention: Mention) -> int:
        """Return a mention's offset within the sentence."""
        return mention.start - self.sentence.start

    def others(self, types: frozenset[EntityType]) -> list[Mention]:
        """Mentions of ``types``, one per entity, other than the subject."""
        seen: set[str] = set()
        chosen = []
        for mention in self.mentions:
            key = mention.entity.key
            if mention.entity.type in types and key != self.topic.entity.key and key not in seen:
                seen.add(key)
                chosen.append(mention)
        return chosen

    def hedge_for(self, obj: Mention | None) -> str | None:
        """Return the hedges of the clauses that name ``obj`` (the sentence's, without one)."""
        if obj is None:
            return self.hedge
        end = self.sentence.start + len(self.text)
        positions = [
            self.rel(m)
            for m in self.mentions
            if m.entity.key == obj.entity.key and self.sentence.start <= m.start < end
        ]
        if not positions and self.sentence.start <= obj.start < end:  # found by another reader
            positions = [self.rel(obj)]
        return scoped_hedges(self.text, positions)

    def advice_hedge(self, obj: Mention | None) -> str | None:
        """Return the hedges of the piece of advice that names ``obj``, as ``hedge_for`` does."""
        if obj is None or not self.sentence.start <= obj.start < self.sentence.start + len(
            self.text
        ):
            return self.hedge_for(obj)
        at = self.rel(obj)
        a, b = next(
            ((a, b) for a, b in advice_clauses(self.text) if a <= at < b), (0, len(self.text))
        )
        return scoped_hedges(self.text[a:b], [at - a])

    def claim(
        self, relation: str, rule: str, obj: Mention | None = None, **fields: object
    ) -> Claim:
        """Make a claim with this sentence as evidence and the sentence's subject."""
        negated = bool(fields.pop("negated", False))
        subject, inferred = self.subject, self.inferred
        changed = False  # an effect another drug changes is the topic's, without doubt
        if relation in OWN_RELATIONS and self.other_subject is not None:
            subject, inferred = self.other_subject, False
            if self.changes_the_topics(relation, obj):  # "X may enhance the sedative effect"
                subject, inferred = self.subject, self.inferred
                changed = relation == "has_effect"
        hedge = self.advice_hedge(obj) if relation in ADVICE_RELATIONS else self.hedge_for(obj)
        if relation == "has_effect" and obj is not None:
            owner = self.effect_owner(obj)
            if owner is not None:  # "X increases the sedative effect of Y": Y's, without doubt
                subject, inferred = owner, False
            if owner is not None or changed or self.owned_by_subject(obj):  # "its effect"
                hedge, negated = None, False
        if relation in ADVICE_RELATIONS and obj is not None:
            # "children under 6 years": the advice keeps the age limit its population has
            given: tuple[tuple[str, str], ...] = fields.get("qualifiers", ())  # type: ignore[assignment]
            fields["qualifiers"] = (*given, *_age_limit(self.text, obj))
        return Claim(
            relation=relation,
            subject=subject,
            sentence=self.sentence,
            rule=rule,
            obj=obj,
            hedge=hedge,
            negated=negated,
            subject_inferred_from_topic=inferred,
            **fields,  # type: ignore[arg-type]
        )

    def effect_owner(self, obj: Mention | None) -> Mention | None:
        """Return the drug an effect is said to belong to in this sentence, if one is named."""
        if obj is None or not self.sentence.start <= obj.start < self.sentence.start + len(
            self.text
        ):
            return None
        return effect_possessor(self.text, self.sentence.start, self.mentions, obj)

    def changes_the_topics(self, relation: str, obj: Mention | None) -> bool:
        """Tell whether the other drug the sentence opens with changes the topic's effect."""
        if relation not in _CHANGED_EFFECTS or obj is None or self.other_subject is None:
            return False
        subject_end = self.rel(self.other_subject) + len(self.other_subject.text)
        return changed_by_subject(self.text, subject_end, self.rel(obj))

    def owned_by_subject(self, obj: Mention) -> bool:
        """Tell whether the sentence gives an effect as its subject's ("its sedative effect")."""
        return _ITS.search(self.text, 0, max(0, self.rel(obj))) is not None

    def other_drug_leads(self) -> bool:
        """Tell whether another drug, not the topic, is what the sentence is about."""
        first = next((m for m in self.mentions if m.entity.type in PARTNERS), None)
        return first is not None and first.entity.key != self.topic.entity.key

    # -- rule application

    def applies(self, rule: R.Rule) -> re.Match[str] | bool:
        """Tell whether a rule applies here: its sections, and its cue (the match)."""
        if rule.sections and not rule.sections & self.kinds:
            return False
        if rule.excluded_sections & self.kinds:
            return False
        if rule.cue is None:
            return True
        if (
            rule.cue_in_lead_in
        ):  # not "use it with caution because it can cause:", a list of effects
            lead_in = self.sentence.lead_in
            return bool(
                lead_in and rule.cue.search(lead_in) and not R.SIDE_EFFECT_CUE.search(lead_in)
            )
        excluded = self.clauses_where(rule.unless)
        for match in rule.cue.finditer(self.text):
            if not within(match.start(), excluded):  # "unless" clauses hold no cue of the rule
                return match
        if rule.clause_cue is not None:
            for start, end in self.clauses_where(rule.clause_cue):
                return rule.clause_cue.search(self.text, start, end) or False
        return False

    def clauses_where(self, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
        """Return the spans of the sentence's pieces of advice in which ``pattern`` matches."""
        if pattern is None:
            return []
        return [(a, b) for a, b in advice_clauses(self.text) if pattern.search(self.text, a, b)]

    @cached_property
    def _advice_pieces(self) -> tuple[list[tuple[int, int]], list[frozenset[str]]]:
        """The sentence's pieces of advice and what each advises, read once per sentence."""
        spans = advice_clauses(self.text)
        return spans, [advice_kinds(self.text, a, b) for a, b in spans]

    def advice_at(self, position: int) -> tuple[frozenset[str], frozenset[str]]:
        """Return the advice kinds of the clause at ``position``, and the kinds ruling it.

        A phrase with no caution or prohibition of its own ("and in children") takes those of
        the nearest piece before it that has one, else of the nearest after it, never across a
        semicolon, except a lead-in's: "In pregnancy; use with caution". A clause that says
        something of its own ("breastfeeding is fine") takes only the advice that goes on with
        its subject ("... and should be used with caution").
        """
        spans, kinds = self._advice_pieces
        here = next((i for i, (a, b) in enumerate(spans) if a <= position < b), len(spans) - 1)
        ruling: frozenset[str] = next(
            (kinds[i] for i in self._advice_sources(here) if kinds[i] & ADVICE), frozenset()
        )
        if not ruling and any(k & ADVICE for k in kinds):
            ruling = frozenset({"elsewhere"})  # advice only for other clauses: none for this one
        return kinds[here], ruling

    def _advice_sources(self, here: int) -> list[int]:
        """Return the pieces whose advice the piece ``here`` may take, nearest first."""
        spans, kinds = self._advice_pieces
        if not kinds[here] and states_own(self.text, *spans[here]):
            return self._clause_sources(here)
        return self._phrase_sources(here)

    def _clause_sources(self, here: int) -> list[int]:
        """Return the sources of a clause with a verb and no advice: itself, and what goes on.

        Past the rest of its own list ("asthma, epilepsy, and porphyria and should ..."), the
        next piece that says something, if it goes on with the same subject ("and should be
        used with caution") or points back at it ("and caution is advised in these patients").
        """
        spans, kinds = self._advice_pieces
        text = self.text
        going_on = range(here + 1, len(spans))
        nxt = next((i for i in going_on if kinds[i] or states_own(text, *spans[i])), None)
        if nxt is None or ";" in text[spans[here][1] : spans[nxt][0] + 1]:
            return [here]
        a, b = spans[nxt]
        same = R.SAME_SUBJECT_ADVICE.match(text, a) or (
            R.AND_GOES_ON.match(text, spans[here][1], b)
            and R.REFERS_BACK.search(text, a, b)
            and self._bare_advice(a, b)
        )
        return [here, nxt] if same else [here]

    def _phrase_sources(self, here: int) -> list[int]:
        """Return the sources of a phrase or a piece with advice: itself, then nearest reachable.

        Never across a semicolon ("tremor can occur; use with caution in the elderly"), but a
        lead-in takes the bare advice after one ("During breastfeeding; avoid.") and a list goes
        on after one ("use with caution in heart disease; and in the elderly"); not "...; in
        children, safety is unknown": that phrase leads in its own clause.
        """
        spans, kinds = self._advice_pieces
        text = self.text
        after = here + 1 if here + 1 < len(spans) else None
        lead_in = not kinds[here] and self._lead_in(*spans[here])
        if lead_in and after is not None and self._bare_advice(*spans[after]):
            return [here, after]
        start = spans[here][0]
        goes_on = lead_in and (after is None or text[spans[after][0] :].lstrip().startswith(";"))
        semicolons = [i for i, c in enumerate(text) if c == ";" and not (goes_on and i == start)]
        reachable = [
            not any(min(a, start) <= s <= max(a, start) for s in semicolons) for a, _ in spans
        ]
        order = (*range(here - 1, -1, -1), *range(here + 1, len(spans)))
        return [here, *(i for i in order if reachable[i])]

    def _lead_in(self, start: int, end: int) -> bool:
        """Tell whether a piece only names a circumstance or a group of patients, with no verb."""
        named = self._named(start, end)
        if not named or states_own(self.text, start, end):
            return False
        opening = R.ADVICE_LEAD_IN.match(self.text, start, end)
        if opening is None:  # no preposition of circumstance, and no patients named
            return False
        rest = blank_spans(self.text[:end], named)[opening.end() :]
        rest = R.LEAD_IN_WORD.sub(" ", R.PATIENT_WORD.sub(" ", rest))
        return not rest.strip(" ;,.()")

    def _bare_advice(self, start: int, end: int) -> bool:
        """Tell whether a piece advises with no object of its own: "; use it with caution"."""
        if self._named(start, end, others_only=True):
            return False
        rest = blank_spans(self.text[:end], self._named(start, end))[start:]  # the drug's own name
        rest = R.REFERS_BACK.sub(" ", R.CAUTION_WORDS.sub(" ", mask_advice(rest)))
        return not R.BARE_ADVICE_WORD.sub("", rest).strip(" ;,.:!()")

    def _named(self, start: int, end: int, *, others_only: bool = False) -> list[tuple[int, int]]:
        """Return the spans of the mentions in a piece (other than the subject's, if told)."""
        return [
            (self.rel(m), self.rel(m) + len(m.text))
            for m in self.mentions
            if start <= self.rel(m) < end
            and not (others_only and m.entity.key == self.topic.entity.key)
        ]

    def qualifiers(self, relation: str, obj: Mention) -> tuple[tuple[str, str], ...]:
        """Return the qualifiers the text gives a relation: aspect, direction, site, lead-in."""
        found: list[tuple[str, str]] = []
        before = self.text[max(0, self.rel(obj) - 60) : self.rel(obj)]
        if relation == "affects":
            aspects = ASPECT.findall(before)
            end = self.rel(obj) + len(obj.text)
            after = _ASPECT_AFTER.match(self.text, end)  # "serotonin (5-HT) reuptake"
            if after:
                aspects.append(after.group(1))
            if aspects:
                aspect = aspects[-1].lower()
                found.append(("aspect", ASPECT_NAMES.get(aspect, aspect)))
            ups, downs = list(INCREASE.finditer(before)), list(DECREASE.finditer(before))
            last_up = ups[-1].start() if ups else -1
            last_down = downs[-1].start() if downs else -1
            if last_up > last_down:
                found.append(("direction", "increased"))
            elif last_down > last_up:
                found.append(("direction", "decreased"))
        if relation == "binds":
            site = re.search(
                r"\b(?:a |the )?(?:specific |benzodiazepine |allosteric )?(?:binding )?site\b",
                before,
                re.I,
            )
            if site:
                found.append(("binding_site", site.group().strip()))
        if self.sentence.lead_in:
            found.append(("lead_in", self.sentence.lead_in))
        return tuple(found)

    def population_at_risk(self) -> Mention | None:
        """Return the population a sentence says is especially at risk, if any."""
        match = AT_RISK_POPULATION.search(self.text)
        if not match:
            return None
        for mention in self.mentions:
            if (
                mention.entity.type is EntityType.POPULATION
                and self.rel(mention) >= match.end() - 1
            ):
                return mention
        return None


def within(position: int, spans: list[tuple[int, int]]) -> bool:
    """Tell whether a position lies in one of ``spans``."""
    return any(start <= position < end for start, end in spans)


def _age_limit(text: str, obj: Mention) -> tuple[tuple[str, str], ...]:
    """Keep the age limit of a population the advice names ("children under 6 years")."""
    if obj.entity.type is not EntityType.POPULATION:
        return ()
    phrase, age_min, age_max = population_of(text)
    if phrase and (age_min or age_max) and obj.text.lower() in phrase.lower():
        return (("population", phrase),)
    return ()
