"""Turn a document's sentences into claims, each with its evidence.

The rules themselves are data in ``rules.py``; this module applies them. A sentence is
read with the headings it sits under: an item "Respiratory Depression: ..." under
"Serious Side Effects" is a serious side effect, a dose under "Panic Disorder" is a dose
for panic disorder. Where a sentence names no drug, its subject is the document's topic
drug, the one its title names.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from graph_builder import adverse
from graph_builder import rules as R
from graph_builder.ddi_model import get_model
from graph_builder.dosing import AMOUNT, MAX_DURATION, parse_dose
from graph_builder.interactions import (
    interaction_pairs,
    model_pairs,
    topic_pairs,
    with_class_mentions,
)
from graph_builder.lexicon import find_mentions, select_longest
from graph_builder.model import Claim, Document, Entity, EntityType, Mention, Sentence

logger = logging.getLogger(__name__)

PARTNERS = frozenset({EntityType.DRUG, EntityType.DRUG_CLASS})
CONSEQUENCES = frozenset({EntityType.ADVERSE_EFFECT, EntityType.OUTCOME})
ASPECT = re.compile(
    r"\b(effects?|synthesis|sensitivity|frequency|duration|release|levels?|activity|reuptake|action)\b",
    re.I,
)
ASPECT_NAMES = {"effects": "effect", "levels": "level", "action": "effect"}
INCREASE = re.compile(r"\b(enhanc\w*|increas\w*|potentiat\w*|augment\w*|stimulat\w*)\b", re.I)
DECREASE = re.compile(r"\b(inhibit\w*|reduc\w*|decreas\w*|lower\w*|block\w*)\b", re.I)
BRAND_CUE = re.compile(r"brand name|trade name|marketed as|\bcontains\b|\(", re.I)
MEMBERSHIP_CUE = re.compile(
    r"belong\w* to|member of|class of|group of|family of"
    r"|(?:is|as) an?\b|,\s*an?\b|\bas (?:the )?other\b",
    re.I,
)
EXAMPLES_CUE = re.compile(r"^\s*,?\s*(?:like|such as|including|e\.g\.,?)\s+", re.I)
LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or)\s*$", re.I)
AT_RISK_POPULATION = re.compile(r"\b(?:especially|particularly) (?:in|among|for) ", re.I)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one document states: its topic drug and its claims."""

    document: Document
    topic: Mention | None
    claims: tuple[Claim, ...]


def section_kinds(sentence: Sentence) -> frozenset[str]:
    """Classify a sentence's section from its innermost heading that says what it is."""
    for heading in reversed(sentence.heading_texts):
        kinds = frozenset(kind for kind, cue in R.SECTION_CUES.items() if cue.search(heading))
        if kinds:
            return kinds
    return frozenset()


def side_effect_group(sentence: Sentence) -> str | None:
    """Say how the headings group a side effect: common, serious, dependence, cognitive."""
    for heading in reversed(sentence.heading_texts):
        for group, cue in R.GROUP_CUES.items():
            if cue.search(heading):
                return group
    return None


def find_hedges(text: str) -> str | None:
    """Return the hedging words of a sentence ("rarely; may"), or None."""
    seen: list[str] = []
    for match in R.HEDGE.finditer(text):
        phrase = match.group().strip()
        if phrase.lower() not in (s.lower() for s in seen):
            seen.append(phrase)
    return "; ".join(seen) or None


def is_negated(text: str, position: int) -> bool:
    """Tell whether a negation governs the words at ``position`` (relative to ``text``)."""
    clause_start = 0
    for match in R.CLAUSE_BREAK.finditer(text, 0, position):
        clause_start = match.end()
    for match in R.NEGATION.finditer(text, clause_start, position):
        if not R.NOT_NEGATION.match(text, match.start()):
            return True
    return False


def find_topic(document: Document) -> Mention | None:
    """Find the drug a document is about: the first drug its title names."""
    title_at = document.text.find(document.title)
    offset = max(title_at, 0)
    for mention in find_mentions(document.title, offset):
        if mention.entity.type is EntityType.DRUG:
            return mention if title_at >= 0 else replace(mention, start=-1, end=-1)
    counts: dict[str, tuple[int, Mention]] = {}
    for sentence in document.sentences[:20]:
        for mention in find_mentions(sentence.text, sentence.start):
            if mention.entity.type is EntityType.DRUG:
                count, first = counts.get(mention.entity.key, (0, mention))
                counts[mention.entity.key] = (count + 1, first)
    if not counts:
        return None
    return max(counts.values(), key=lambda item: item[0])[1]


class _SentenceReader:
    """Apply every rule to one sentence."""

    def __init__(
        self,
        sentence: Sentence,
        topic: Mention,
        mentions: list[Mention],
        kinds: frozenset[str] | None = None,
    ) -> None:
        self.sentence = sentence
        self.text = sentence.text
        self.topic = topic
        self.mentions = mentions
        self.kinds = section_kinds(sentence) if kinds is None else kinds
        self.hedge = find_hedges(self.text)
        own = [m for m in mentions if m.entity.key == topic.entity.key]
        self.subject = own[0] if own else topic
        self.inferred = not own
        self.withdrawal = R.WITHDRAWAL.search(self.text)

    # -- helpers

    def rel(self, mention: Mention) -> int:
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

    def claim(
        self, relation: str, rule: str, obj: Mention | None = None, **fields: object
    ) -> Claim:
        negated = bool(fields.pop("negated", False))
        return Claim(
            relation=relation,
            subject=self.subject,
            sentence=self.sentence,
            rule=rule,
            obj=obj,
            hedge=self.hedge,
            negated=negated,
            subject_inferred_from_topic=self.inferred,
            **fields,  # type: ignore[arg-type]
        )

    def other_drug_leads(self) -> bool:
        """Tell whether another drug, not the topic, is what the sentence is about."""
        first = next((m for m in self.mentions if m.entity.type in PARTNERS), None)
        return first is not None and first.entity.key != self.topic.entity.key

    # -- rule application

    def applies(self, rule: R.Rule) -> re.Match[str] | bool:
        if rule.sections and not rule.sections & self.kinds:
            return False
        if rule.excluded_sections & self.kinds:
            return False
        if rule.cue is None:
            return True
        if rule.cue_in_lead_in:
            return bool(self.sentence.lead_in and rule.cue.search(self.sentence.lead_in))
        return rule.cue.search(self.text) or False

    def iter_rule_claims(self) -> Iterator[Claim]:
        read_interactions = False
        for rule in R.RULES:
            cue = self.applies(rule)
            if not cue:
                continue
            if rule.relation == "has_side_effect":
                yield from self.side_effects(rule)
            elif rule.relation == "interacts_with":
                read_interactions = True
                yield from self.interactions(rule)
            else:
                yield from self.simple(rule, cue)
        if not read_interactions:
            yield from self.model_only_interactions()

    def model_only_interactions(self) -> Iterator[Claim]:
        """With a trained model, judge sentences naming two drugs even without a cue word."""
        named = {m.entity.key for m in self.mentions if m.entity.type in PARTNERS}
        if get_model() is None or len(named) < 2:
            return
        for claim in self.interactions(R.RULES_BY_NAME["interaction"]):
            if claim.rule == "ddi-model":
                yield claim

    def simple(self, rule: R.Rule, cue: re.Match[str] | bool) -> Iterator[Claim]:
        if rule.relation in ("treats",) and self.withdrawal:
            return
        for obj in self.others(rule.objects):
            negated = rule.negatable and is_negated(self.text, self.rel(obj))
            if isinstance(cue, re.Match) and rule.negatable:
                negated = negated or is_negated(self.text, cue.start())
            qualifiers = self.qualifiers(rule.relation, obj)
            yield self.claim(rule.relation, rule.name, obj, negated=negated, qualifiers=qualifiers)

    def qualifiers(self, relation: str, obj: Mention) -> tuple[tuple[str, str], ...]:
        found: list[tuple[str, str]] = []
        before = self.text[max(0, self.rel(obj) - 60) : self.rel(obj)]
        if relation == "affects":
            aspects = ASPECT.findall(before)
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

    def side_effects(self, rule: R.Rule) -> Iterator[Claim]:
        if rule.name == "side-effect-section":
            if not self.lists_side_effects():
                return
        elif rule.name != "warning-section" and self.other_drug_leads():  # class warnings count
            return
        group = side_effect_group(self.sentence)
        population = self.population_at_risk()
        animal = adverse.animal_finding(self.text)
        limit = self.withdrawal.start() if self.withdrawal else len(self.text)
        for obj in self.adverse_objects(rule.objects):
            in_withdrawal = self.rel(obj) >= limit and obj.entity.key != "withdrawal"
            if in_withdrawal or adverse.is_risk_factor(self.text, self.rel(obj)):
                continue
            qualifiers: tuple[tuple[str, str], ...] = ()
            if animal:  # a finding in animal studies, kept apart from effects in people
                qualifiers = (("species", animal),)
            elif population:
                qualifiers = (("population", population.text),)
            yield self.claim(
                "has_side_effect",
                rule.name,
                obj,
                negated=is_negated(self.text, self.rel(obj)),
                group=group,
                qualifiers=qualifiers,
            )

    def lists_side_effects(self) -> bool:
        """Tell whether a side-effects section sentence lists effects, not the trial design.

        An item, a table row, a list or a verb of occurrence lists effects; so does any other
        sentence of the section, unless it describes the trial ("patients were enrolled").
        """
        return (
            self.sentence.label is not None
            or self.sentence.lead_in is not None
            or bool(R.SECTION_SIDE_EFFECT_CUE.search(self.text))
            or adverse.table_row_term(self.text) is not None
            or adverse.LIST_LEAD.search(self.text) is not None
            or not adverse.STUDY_DESIGN.search(self.text)
        )

    def adverse_objects(self, types: frozenset[EntityType]) -> list[Mention]:
        """Return the effects a sentence names, the lexicon's and the vocabulary's, one each."""
        found = adverse.find_adverse_effects(
            self.text,
            self.sentence.start,
            table_rows=bool({"adverse", "precaution"} & self.kinds),
        )
        chosen: list[Mention] = []
        seen: set[str] = set()
        for mention in select_longest([*self.mentions, *found]):
            key = mention.entity.key
            if adverse.too_generic(mention.text):  # "infection", "adverse reactions"
                continue
            if mention.entity.type in types and key != self.topic.entity.key and key not in seen:
                seen.add(key)
                chosen.append(adverse.without_severity(mention))
        return chosen

    def population_at_risk(self) -> Mention | None:
        match = R.HEDGE.pattern and AT_RISK_POPULATION.search(self.text)
        if not match:
            return None
        for mention in self.mentions:
            if (
                mention.entity.type is EntityType.POPULATION
                and self.rel(mention) >= match.end() - 1
            ):
                return mention
        return None

    def interactions(self, rule: R.Rule) -> Iterator[Claim]:
        """Pair the drugs the sentence names (interactions.py); else pair the topic."""
        known = [m for m in self.mentions if m.entity.type in PARTNERS]
        drugs = with_class_mentions(self.text, self.sentence.start, known)
        model = get_model()
        if model is None:
            pairs = interaction_pairs(self.text, self.sentence.start, drugs)
        else:  # the trained model chooses among the pairs, the rules' verdict one input
            pairs = model_pairs(self.text, self.sentence.start, drugs, model)
        inferred = not pairs and self.inferred
        if model is not None and len({m.entity.key for m in drugs}) > 1:
            inferred = False  # the model judged the named drugs; none is the topic's partner
        if inferred:  # "Combining it with alcohol ...": the other drug is the topic
            pairs = topic_pairs(self.text, self.sentence.start, self.topic, self.others(PARTNERS))
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
                hedge=self.hedge,
                negated=pair.negated,
                consequences=consequences,
                qualifiers=tuple(qualifiers),
                subject_inferred_from_topic=inferred,
            )

    # -- special readers

    def withdrawal_symptoms(self) -> Iterator[Claim]:
        if not self.withdrawal:
            return
        cue = self.withdrawal
        named = next((m for m in self.mentions if m.entity.key == "withdrawal"), None)
        subject = named or _withdrawal_mention(self.sentence, cue)
        for obj in self.others(R.PHENOTYPES):
            if obj.entity.key == "withdrawal" or self.rel(obj) < cue.start():
                continue
            yield Claim(
                relation="has_symptom",
                subject=subject,
                sentence=self.sentence,
                rule="withdrawal-symptoms",
                obj=obj,
                hedge=self.hedge,
            )

    def class_examples(self) -> Iterator[Claim]:
        """'CLASS like/such as X, Y or Z': each of X, Y, Z is a member (or a subclass)."""
        for index, mention in enumerate(self.mentions):
            if mention.entity.type is not EntityType.DRUG_CLASS:
                continue
            cue = EXAMPLES_CUE.match(self.text[mention.end - self.sentence.start :])
            if not cue:
                continue
            cursor = mention.end + cue.end()
            for member in self.mentions[index + 1 :]:
                gap = self.text[cursor - self.sentence.start : member.start - self.sentence.start]
                if gap.strip() and not LIST_GLUE.match(gap):
                    break
                if member.entity.type in PARTNERS and member.entity.key != mention.entity.key:
                    relation = (
                        "member_of" if member.entity.type is EntityType.DRUG else "subclass_of"
                    )
                    yield Claim(relation, member, self.sentence, "class-examples", obj=mention)
                cursor = member.end

    def memberships(self) -> Iterator[Claim]:
        yield from self.class_examples()
        yield from self.other_members()
        if R.INTERACTION_CUE.search(self.text):
            return
        cue = MEMBERSHIP_CUE.search(self.text)
        if not cue:
            return
        drugs = [m for m in self.mentions if m.entity.type is EntityType.DRUG]
        subject = drugs[0] if drugs else self.topic
        for obj in self.others(frozenset({EntityType.DRUG_CLASS})):
            if self.rel(obj) < cue.start() and not re.match(
                r"\bas (?:the )?other", cue.group(), re.I
            ):
                continue
            yield Claim(
                "member_of",
                subject,
                self.sentence,
                "belongs-to-class",
                obj=obj,
                subject_inferred_from_topic=not drugs,
            )

    def other_members(self) -> Iterator[Claim]:
        """'X with other CNS depressants' says that X is a CNS depressant too."""
        for mention in self.others(frozenset({EntityType.DRUG_CLASS})):
            preceded = re.search(r"\bother\s+$", self.text[: self.rel(mention)], re.I)
            if preceded or mention.text.lower().startswith("other "):
                yield self.claim("member_of", "other-members", mention)

    def brand_names(self) -> Iterator[Claim]:
        if not BRAND_CUE.search(self.text):
            return
        drugs = [m for m in self.mentions if m.entity.type is EntityType.DRUG]
        by_entity: dict[str, list[Mention]] = {}
        for mention in drugs:
            by_entity.setdefault(mention.entity.key, []).append(mention)
        for mentions in by_entity.values():
            entity = mentions[0].entity
            generic = [m for m in mentions if m.text.lower() == entity.label.lower()]
            brands = [m for m in mentions if m.text.lower() != entity.label.lower()]
            if generic and brands:
                yield Claim(
                    "has_brand_name",
                    generic[0],
                    self.sentence,
                    "brand-name",
                    obj=brands[0],
                    value=brands[0].text,
                )

    def doses(self) -> Iterator[Claim]:
        if not (
            "dosage" in self.kinds or AMOUNT.search(self.text) or MAX_DURATION.search(self.text)
        ):
            return
        if self.other_drug_leads():
            return
        dose = parse_dose(self.text, self.sentence.heading_texts)
        if dose is None:
            return
        # The heading a dose sits under ("Panic Disorder") names its indication best.
        heading_mentions = [
            m
            for span in self.sentence.headings
            for m in find_mentions(span.text, span.start, drug_names=False)
            if m.entity.type is EntityType.CONDITION
        ]
        indications = heading_mentions[-1:] or self.others(frozenset({EntityType.CONDITION}))
        relation = "maximum_dose" if dose.kind == "maximum" else "dose"
        targets: list[Mention | None] = [*indications] or [None]
        for indication in targets:
            yield self.claim(relation, "dose-statement", indication, dose=dose)

    def instructions(self) -> Iterator[Claim]:
        spans: list[tuple[int, int]] = []
        matches = [m for pattern in R.INSTRUCTIONS for m in pattern.finditer(self.text)]
        for match in sorted(matches, key=lambda m: (m.start() - m.end(), m.start())):
            if all(match.end() <= a or match.start() >= b for a, b in spans):
                spans.append((match.start(), match.end()))
                yield self.claim(
                    "administration", "administration-instruction", value=match.group()
                )

    def pregnancy(self) -> Iterator[Claim]:
        match = R.PREGNANCY_CATEGORY.search(self.text)
        if match and ("pregnancy" in self.kinds or re.search(r"\bFDA\b|pregnan", self.text, re.I)):
            yield self.claim(
                "pregnancy_category", "pregnancy-category", value=match.group(1).upper()
            )

    def at_risk_populations(self) -> Iterator[Claim]:
        if "adverse" not in self.kinds:
            return
        population = self.population_at_risk()
        if population is not None:
            yield self.claim("caution_in", "population-at-risk", population)

    def read(self) -> Iterator[Claim]:
        yield from self.iter_rule_claims()
        yield from self.withdrawal_symptoms()
        yield from self.memberships()
        yield from self.brand_names()
        yield from self.doses()
        yield from self.instructions()
        yield from self.pregnancy()
        yield from self.at_risk_populations()


def _withdrawal_mention(sentence: Sentence, cue: re.Match[str]) -> Mention:
    from graph_builder.lexicon import get_lexicon

    entity: Entity = get_lexicon().entities["withdrawal"]
    return Mention(cue.group(), sentence.start + cue.start(), sentence.start + cue.end(), entity)


WARNINGS = {"pregnancy": "pregnancy_warning", "breastfeeding": "breastfeeding_warning"}


def _warnings(claims: list[Claim]) -> Iterator[Claim]:
    """Add the schema.org warning texts that the contraindication claims support."""
    seen: set[tuple[str, int]] = set()
    for claim in claims:
        relation = None
        if claim.relation in ("contraindicated_in", "caution_in") and claim.obj is not None:
            relation = WARNINGS.get(claim.obj.entity.key)
        elif claim.relation == "pregnancy_category":
            relation = "pregnancy_warning"
        elif (
            claim.relation == "interacts_with"
            and claim.obj is not None
            and claim.obj.entity.key == "ethanol"
            and R.ADVICE.search(claim.sentence.text)
        ):
            relation = "alcohol_warning"
        if relation and (relation, claim.sentence.start) not in seen:
            seen.add((relation, claim.sentence.start))
            yield replace(
                claim,
                relation=relation,
                rule="warning-text",
                obj=None,
                value=claim.sentence.text,
                consequences=(),
                qualifiers=(),
                dose=None,
            )


def extract(document: Document) -> Extraction:
    r"""Extract every claim a document makes.

    >>> from graph_builder.ingest import read_document
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "diazepam.txt"
    >>> _ = p.write_text("Diazepam\n\nDiazepam may cause drowsiness.\n")
    >>> [(c.relation, c.obj.entity.label) for c in extract(read_document(p)).claims]
    [('has_side_effect', 'drowsiness')]
    """
    topic = find_topic(document) or _title_topic(document)
    if topic is None:
        logger.warning("%s: no drug in the title; only interactions extracted", document.source)
        return Extraction(document, None, tuple(_dedupe(list(_interactions_only(document)))))
    claims: list[Claim] = []
    sections = SectionKinds()
    for sentence in document.sentences:
        mentions = find_mentions(sentence.text, sentence.start)
        kinds = sections.of(sentence)
        claims.extend(_SentenceReader(sentence, topic, mentions, kinds).read())
    claims.extend(_warnings(claims))
    return Extraction(document, topic, tuple(_dedupe(claims)))


# "5.3 Infections": a numbered heading sits in section 5 ("5 Warnings and Precautions").
_HEADING_NUMBER = re.compile(r"^\s*(\d{1,2})\.\d+(?:\.\d+)*\.?\s+\S|^\s*(\d{1,2})\.?\s+[A-Za-z]")
# A grouping of reactions by organ ("General Disorders and Administration Site Conditions")
# names no kind of section, whatever words it contains.
_ORGAN_GROUPING = re.compile(r"\bdisorders?\b|\binfestations\b|\bsite conditions\b", re.I)


class SectionKinds:
    """Say which kind of section each sentence of a document is in, heading by heading.

    Plain text gives no heading levels, so a heading's kind comes from its own words, else
    from the heading above it, else from its number ("5.3" sits in "5"), else from the
    last top-level heading that named a kind. A sub-heading's words ("Renal Impairment",
    "Administration Site Conditions") never move a numbered subsection out of its section.
    """

    def __init__(self) -> None:
        self.last: frozenset[str] = frozenset()
        self.numbered: dict[str, frozenset[str]] = {}

    def of(self, sentence: Sentence) -> frozenset[str]:
        """Return the kinds of the section a sentence sits in."""
        if not sentence.headings:
            return frozenset()
        kinds: frozenset[str] | None = None
        for depth, heading in enumerate(sentence.heading_texts):
            own = _heading_cues(heading)
            number = _HEADING_NUMBER.match(heading)
            if number and number.group(1):  # "5.3 Infections"
                parent = self.numbered.get(number.group(1))
                if parent is None:
                    parent = own or (kinds if kinds is not None else self.last)
                    self.numbered[number.group(1)] = parent
                kinds = parent
            elif number and number.group(2) and own:  # "5 WARNINGS AND PRECAUTIONS"
                self.numbered[number.group(2)] = kinds = own
            elif own:
                kinds = own
            elif kinds is None:
                kinds = self.last
            if depth == 0 and kinds:
                self.last = kinds
        return kinds or frozenset()


def _heading_cues(heading: str) -> frozenset[str]:
    """Return the kinds of section a heading's own words name."""
    if _ORGAN_GROUPING.search(heading):
        return frozenset()
    return frozenset(kind for kind, cue in R.SECTION_CUES.items() if cue.search(heading))


def _title_topic(document: Document) -> Mention | None:
    """Take a title that is just a name ("ACME", "Zyxo XR") as the drug, known or not."""
    title = document.title.strip()
    at = document.text.find(title)
    if at < 0 or not re.fullmatch(r"[A-Z][\w-]*(?: [\w-]+){0,2}", title):
        return None
    from graph_builder.lexicon import slugify

    entity = Entity(key=slugify(title), type=EntityType.DRUG, label=title, source="title")
    return Mention(title, at, at + len(title), entity)


def _interactions_only(document: Document) -> Iterator[Claim]:
    """Read only the interactions of a document whose title names no drug."""
    for sentence in document.sentences:
        mentions = find_mentions(sentence.text, sentence.start)
        drugs = [m for m in mentions if m.entity.type in PARTNERS]
        if len(drugs) < 2:
            continue
        reader = _SentenceReader(sentence, drugs[0], mentions)
        for rule in R.RULES:
            if rule.relation == "interacts_with" and reader.applies(rule):
                yield from reader.interactions(rule)


def _dedupe(claims: list[Claim]) -> Iterator[Claim]:
    """Keep one claim per (relation, subject, object, value, sentence)."""
    seen: set[tuple[object, ...]] = set()
    for claim in claims:
        key = (
            claim.relation,
            claim.subject.entity.key,
            claim.obj.entity.key if claim.obj else None,
            claim.value,
            claim.dose,
            claim.sentence.start,
        )
        if key not in seen:
            seen.add(key)
            yield claim
