"""The adverse-effect vocabulary: the curated table, HPO and the project lexicon, keyed by words."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph_builder.adverse.hpo import HpoTerm, hpo_terms
from graph_builder.adverse.words import normalise_phrase, slugify
from graph_builder.model import Entity, EntityType
from graph_builder.vocabulary import DATA_DIR

TERMS_PATH = DATA_DIR / "adverse_effects.tsv"


@dataclass(frozen=True, slots=True)
class VocabularyRow:
    """One curated row: a term, its kind (effect, qualifier, measurement, site ...)."""

    term: str
    kind: str
    synonyms: tuple[str, ...]
    identifiers: tuple[str, ...]
    source: str


def read_terms(path: Path = TERMS_PATH) -> list[VocabularyRow]:
    """Read the curated adverse-effect table (``data/adverse_effects.tsv``)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.append(
                VocabularyRow(
                    term=row["term"],
                    kind=row["kind"],
                    synonyms=tuple(s.strip() for s in row["synonyms"].split("|") if s.strip()),
                    identifiers=tuple(
                        s.strip() for s in row["identifiers"].split("|") if s.strip()
                    ),
                    source=row["source"],
                )
            )
    return rows


# HPO names that read as something else in a drug label.
_HPO_SKIP = frozenset(
    {
        ("abnormality",),
        ("obesity",),
        ("death",),
        ("pain",),
        ("fever",),
        ("infection",),
        ("fall",),  # "a fall in blood pressure" is no fall (HPO's Falls)
    }
)


_COORDINATED = frozenset({"and", "or", "with", "without", "due", "by", "in", "of", "the", "to"})


def _hpo_by_name(hpo: Iterable[HpoTerm]) -> dict[tuple[str, ...], HpoTerm]:
    """Index HPO terms by their normalised primary name; names two terms share are left out."""
    named: dict[tuple[str, ...], list[HpoTerm]] = {}
    for term in hpo:
        named.setdefault(normalise_phrase(term[1]), []).append(term)
    return {words: terms[0] for words, terms in named.items() if len(terms) == 1}


def _same_concept(row: VocabularyRow, term: HpoTerm) -> bool:
    """Say whether a curated row means exactly ``term``: HPO's identifier may then be used.

    The row's term is HPO's name, and every other wording the row maps to it is HPO's name or
    one of its exact synonyms ("visual impairment" with "visual disturbance" is broader than
    HPO's Visual impairment, so it keeps no identifier).
    """
    _, name, synonyms = term
    words = normalise_phrase(row.term)
    if words in _HPO_SKIP:
        return False
    same = {normalise_phrase(phrase) for phrase in (name, *synonyms)}
    return all(normalise_phrase(synonym) in same for synonym in row.synonyms)


# "Low blood magnesium levels" (an HPO exact synonym) is said "low magnesium levels"; the
# blood is understood when a level is measured (never "low blood pressure" -> "low pressure").
_BLOOD_LEVEL = re.compile(
    r"^(low|high|raised|elevated|increased|decreased|reduced) blood"
    r" (\w+ (?:levels?|concentrations?))$",
    re.I,
)
# "Intracranial hemorrhage" is "intracranial bleeding": a site and the bleeding there.
_SITE_HEMORRHAGE = re.compile(r"^([\w-]+) ha?emorrhage$", re.I)


def plain_wordings(phrases: Iterable[str]) -> list[str]:
    """Return the everyday wordings of HPO names that say the same phenotype in other words.

    >>> plain_wordings(["Hypomagnesemia", "Low blood magnesium levels", "Low blood pressure"])
    ['low magnesium levels']
    >>> plain_wordings(["Intracranial hemorrhage", "Bleeding within the skull"])
    ['intracranial bleeding']
    """
    found: list[str] = []
    for phrase in phrases:
        level = _BLOOD_LEVEL.match(phrase)
        site = _SITE_HEMORRHAGE.match(phrase)
        if level:
            found.append(f"{level.group(1)} {level.group(2)}".lower())
        elif site:
            found.append(f"{site.group(1)} bleeding".lower())
    return [w for i, w in enumerate(found) if w not in found[:i]]


class AdverseVocabulary:
    """Every known adverse-effect phrase, keyed by its normalised words."""

    def __init__(self, rows: Iterable[VocabularyRow], hpo: Iterable[HpoTerm]) -> None:
        self.effects: dict[tuple[str, ...], Entity] = {}
        self.kinds: dict[str, set[tuple[str, ...]]] = {}
        hpo = tuple(hpo)
        hpo_by_name = _hpo_by_name(hpo)
        for row in rows:
            if row.kind == "effect":
                identifiers, source = row.identifiers, row.source
                same = hpo_by_name.get(normalise_phrase(row.term))
                if not identifiers and same is not None and _same_concept(row, same):
                    identifiers = (same[0],)
                    source = f"{source}; identifier: HPO term of the same name"
                entity = Entity(
                    key=slugify(row.term),
                    type=EntityType.ADVERSE_EFFECT,
                    label=row.term,
                    synonyms=row.synonyms,
                    identifiers=identifiers,
                    source=source,
                )
                for phrase in (row.term, *row.synonyms):
                    self.effects.setdefault(normalise_phrase(phrase), entity)
            else:
                for phrase in (row.term, *row.synonyms):
                    self.kinds.setdefault(row.kind, set()).add(normalise_phrase(phrase))
        for hpo_id, name, synonyms in hpo:
            entity = Entity(
                key=slugify(name),
                type=EntityType.ADVERSE_EFFECT,
                label=name.lower() if not name.isupper() else name,
                synonyms=synonyms,
                identifiers=(hpo_id,),
                source="HPO",
            )
            # EXACT synonyms only: the same phenotype (and their plain-word wordings)
            for phrase in (*(name, *synonyms), *plain_wordings((name, *synonyms))):
                words = normalise_phrase(phrase)
                if (
                    words in _HPO_SKIP
                    or words in self.kind("ignore")
                    or words in self.effects
                    or not words
                    or _COORDINATED & set(words)
                ):
                    continue
                self.effects[words] = entity
        self._adopt_lexicon()
        self.max_words = max((len(k) for k in self.effects), default=1)
        self.first_words = frozenset(k[0] for k in self.effects)

    def _adopt_lexicon(self) -> None:
        """Use the lexicon's entity wherever the lexicon already knows the concept."""
        from graph_builder.lexicon import get_lexicon

        wanted = {EntityType.ADVERSE_EFFECT, EntityType.CONDITION, EntityType.OUTCOME}
        for entity in get_lexicon().entities.values():
            if entity.type not in wanted:
                continue
            for synonym in (entity.label, *entity.synonyms):
                if synonym.startswith("re:"):
                    continue
                words = normalise_phrase(synonym)
                if words and (entity.type is EntityType.ADVERSE_EFFECT or words in self.effects):
                    self.effects[words] = entity

    def kind(self, name: str) -> set[tuple[str, ...]]:
        """Return the phrases of one kind of the curated table (qualifier, site ...)."""
        return self.kinds.get(name, set())


@cache
def get_vocabulary() -> AdverseVocabulary:
    """Return the adverse-effect vocabulary, built once."""
    return AdverseVocabulary(read_terms(), hpo_terms())


# The source of an effect read by its shape alone, with no entry in any vocabulary.
PATTERN_SOURCE = "adverse-effect pattern"


def too_generic(surface: str) -> bool:
    """Tell whether a phrase is too generic to be a reaction by itself ("infection")."""
    return normalise_phrase(surface) in get_vocabulary().kind("ignore")


def entity_for(surface: str, vocabulary: AdverseVocabulary) -> Entity:
    """Return the vocabulary's entity for a phrase, or a new one keyed by its words."""
    words = normalise_phrase(surface)
    known = vocabulary.effects.get(words)
    if known is not None:
        return known
    label = " ".join(surface.lower().split())
    return Entity(
        key=slugify(label),
        type=EntityType.ADVERSE_EFFECT,
        label=label,
        source=PATTERN_SOURCE,
    )
