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
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

from graph_builder import rules as R
from graph_builder.extract.base import OWN_RELATIONS, PARTNERS
from graph_builder.extract.context import (
    SectionKinds,
    document_names,
    find_hedges,
    find_topic,
    heading_kinds,
    is_negated,
    section_kinds,
    studies_a_combination,
    title_topic,
)
from graph_builder.extract.groups import side_effect_group
from graph_builder.extract.interacting import PairHeadings, topic_under
from graph_builder.extract.metabolism import metabolism_claims
from graph_builder.extract.reader import SentenceReader
from graph_builder.extract.severity import with_severity
from graph_builder.lexicon import (
    abbreviation_mentions,
    find_abbreviations,
    find_mentions,
    named_mentions,
    select_longest,
)
from graph_builder.model import Claim, Document, Entity, EntityType, Mention, Section, Sentence

__all__ = [
    "Extraction",
    "SectionKinds",
    "extract",
    "find_hedges",
    "find_topic",
    "is_negated",
    "section_kinds",
    "side_effect_group",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one document states: its topic drug and its claims."""

    document: Document
    topic: Mention | None
    claims: tuple[Claim, ...]


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
    topic = find_topic(document) or title_topic(document)
    if topic is None:
        logger.warning("%s: no drug in the title; only interactions extracted", document.source)
        return Extraction(document, None, tuple(_dedupe(list(_interactions_only(document)))))
    claims: list[Claim] = []
    sections = SectionKinds()
    empty = _headings_without_sentences(document)
    headings = PairHeadings(document.text)
    previous: list[Mention] = []
    for sentence, mentions in document_mentions(document, document_names(document, topic)):
        while empty and empty[0].start <= sentence.start:
            sections.heading(empty.pop(0).heading)
        kinds = run_in_kinds(sentence) or sections.of(sentence)
        if _asks(sentence):
            continue
        pair = headings.at(sentence, mentions)  # "Warfarin <-> aspirin": about those two
        here = topic_under(topic, pair)
        read = SentenceReader(sentence, here, mentions, kinds, pair).read()
        claims.extend(_said_of_both(list(read), sentence, mentions, previous))
        claims.extend(metabolism_claims(sentence, here, mentions, kinds, pair))
        previous = mentions
    if studies_a_combination(document.title):
        claims = [c for c in claims if not _combination_finding(c)]
    claims = [with_severity(claim) for claim in claims]
    claims.extend(_warnings(claims))
    return Extraction(document, topic, tuple(_dedupe(claims)))


# "Both drugs enhance ...", "the main adverse effects of the two agents": the two drugs the
# sentence before named.
_BOTH_DRUGS = re.compile(
    r"\b(?:both|the\s+two)\s+(?:drugs|agents|medicines|medications|compounds)\b", re.I
)
_OF_BOTH = OWN_RELATIONS | {"binds"}


def _said_of_both(
    claims: list[Claim], sentence: Sentence, mentions: list[Mention], previous: list[Mention]
) -> list[Claim]:
    """Give each of the two drugs the sentence before named what "both drugs" do.

    "A and B are often compared. Both drugs enhance GABA.": A and B enhance GABA, not the
    document's drug alone; with no such pair just named, the claims stay as they are.
    """
    if not _BOTH_DRUGS.search(sentence.text) or any(m.entity.type in PARTNERS for m in mentions):
        return claims
    pair: dict[str, Mention] = {}
    for mention in previous:
        if mention.entity.type is EntityType.DRUG:
            pair.setdefault(mention.entity.key, mention)
    if len(pair) != 2:
        return claims
    said: list[Claim] = []
    for claim in claims:
        if claim.relation not in _OF_BOTH or not claim.subject_inferred_from_topic:
            said.append(claim)
            continue
        for drug in pair.values():
            if drug.entity.key == claim.subject.entity.key:
                said.append(claim)
            else:  # named in the sentence before: no span in this one
                subject = replace(drug, start=-1, end=-1)
                said.append(replace(claim, subject=subject, subject_inferred_from_topic=False))
    return said


def _combination_finding(claim: Claim) -> bool:
    """Tell whether a claim is what a study of two drugs found, given to its first drug.

    "Two subjects experienced prolonged drowsiness", naming no drug, in a study of A given
    with B: the drowsiness came of the pair, no side effect of A alone.
    """
    return claim.relation == "has_side_effect" and claim.subject_inferred_from_topic


def _asks(sentence: Sentence) -> bool:
    """Tell whether a sentence is a question ("Does it cause hair loss?"): it states nothing."""
    return sentence.text.rstrip().endswith("?")


def run_in_kinds(sentence: Sentence) -> frozenset[str]:
    """Return the kinds a label running a paragraph in names ("Contra-indications: ...").

    Only labels that name a list of conditions, effects, uses or partners: "Hepatic
    impairment: reduce the dose" names a group and keeps its section.
    """
    label = R.RUN_IN_LABEL.match(sentence.text)
    if label is None or sentence.label or not R.RUN_IN_SECTION.fullmatch(label.group("label")):
        return frozenset()
    return heading_kinds(label.group("label"))


def _headings_without_sentences(document: Document) -> list[Section]:
    """Return the sections no sentence sits in, in document order ("5 WARNINGS" before "5.1")."""
    starts = sorted(sentence.start for sentence in document.sentences)

    def is_empty(section: Section) -> bool:
        first = bisect_left(starts, section.start)
        return first == len(starts) or starts[first] >= section.end

    # the title names the drug, no kind of section ("Amoxicillin: uses and dosage")
    sections = [s for s in document.sections if s.heading.strip() != document.title.strip()]
    return [s for s in sorted(sections, key=lambda s: s.start) if is_empty(s)]


def document_mentions(
    document: Document, names: dict[str, Entity] | None = None
) -> list[tuple[Sentence, list[Mention]]]:
    """Find each sentence's mentions, with the abbreviations the document defines ("MTX").

    ``names`` are the names the document gives its drug beyond the lexicon's (a new drug's,
    its brands: ``document_names``).
    """
    found = [(s, find_mentions(s.text, s.start)) for s in document.sentences]
    if names:
        found = [
            (s, select_longest([*ms, *named_mentions(s.text, s.start, names, ms)]))
            for s, ms in found
        ]
    defined = find_abbreviations(document.text, [m for _, ms in found for m in ms])
    if not defined:
        return found
    return [
        (s, sorted([*ms, *abbreviation_mentions(s.text, s.start, defined, ms)], key=_start))
        for s, ms in found
    ]


def _start(mention: Mention) -> int:
    return mention.start


def _interactions_only(document: Document) -> Iterator[Claim]:
    """Read only the interactions of a document whose title names no drug."""
    for sentence, mentions in document_mentions(document):
        drugs = [m for m in mentions if m.entity.type in PARTNERS]
        if len(drugs) < 2:
            continue
        yield from SentenceReader(sentence, drugs[0], mentions).interaction_claims()


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
