"""Find mentions of known concepts in text: the curated lexicon and a drug-name package.

The lexicon (``data/lexicon.tsv``) names each concept once, with its synonyms (a
synonym starting ``re:`` is a regular expression) and its identifiers. Drug names that
the lexicon lacks come from the ``drug-named-entity-recognition`` package; the lexicon
wins where both match, so "alcohol" is ethanol, never benzyl alcohol.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph_builder.model import Entity, EntityType, Mention
from graph_builder.vocabulary import DATA_DIR

logger = logging.getLogger(__name__)

LEXICON_PATH = DATA_DIR / "lexicon.tsv"
_ACRONYM = re.compile(r"[A-Z]{2,}s?")  # "GAD", "RLS", "AEDs": matched case-sensitively


def _split(cell: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell; a ``|`` inside a regex's brackets stays."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in cell:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return tuple(part.strip() for part in parts if part.strip())


def read_lexicon(path: Path = LEXICON_PATH) -> dict[str, Entity]:
    """Read the lexicon table into entities keyed by their stable key."""
    entities: dict[str, Entity] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            key = row["key"]
            if key in entities:
                raise ValueError(f"{path}: duplicate key {key!r}")
            entities[key] = Entity(
                key=key,
                type=EntityType(row["type"]),
                label=row["label"],
                synonyms=_split(row["synonyms"]),
                identifiers=_split(row["identifiers"]),
                close_matches=_split(row["close_matches"]),
                source=row["source"],
            )
    return entities


def _synonym_pattern(synonym: str) -> tuple[str, bool]:
    """Return (regex, case_sensitive) for a lexicon synonym."""
    if synonym.startswith("re:"):
        return synonym[3:], False
    escaped = re.escape(synonym).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
    if _ACRONYM.fullmatch(synonym):
        return escaped + "s?", True
    if synonym[-1].isalpha() and not synonym.endswith("s"):
        escaped += "(?:s|es)?"
    return escaped, False


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    groups: tuple[str, ...]  # group name -> entity key, by position


class Lexicon:
    """Match the lexicon's synonyms in text, longest match first."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self._by_group: dict[str, str] = {}
        insensitive: list[tuple[int, str]] = []
        sensitive: list[tuple[int, str]] = []
        for key, entity in sorted(entities.items()):
            for index, synonym in enumerate((entity.label, *entity.synonyms)):
                pattern, case_sensitive = _synonym_pattern(synonym)
                group = f"g{len(self._by_group)}"
                self._by_group[group] = key
                alternative = f"(?P<{group}>{pattern})"
                weight = -len(synonym) if not synonym.startswith("re:") else -len(synonym) * 2
                (sensitive if case_sensitive else insensitive).append(
                    (weight + index * 0, alternative)
                )
        self._insensitive = self._compile(insensitive, re.IGNORECASE)
        self._sensitive = self._compile(sensitive, 0)

    @staticmethod
    def _compile(alternatives: list[tuple[int, str]], flags: int) -> re.Pattern[str] | None:
        if not alternatives:
            return None
        body = "|".join(alt for _, alt in sorted(alternatives, key=lambda item: item[0]))
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Return the non-overlapping mentions in ``text``, longest first, in text order."""
        found: list[Mention] = []
        for regex in (self._insensitive, self._sensitive):
            if regex is None:
                continue
            for match in _overlapping_matches(regex, text):
                group = match.lastgroup
                if group is None:
                    continue
                entity = self.entities[self._by_group[group]]
                found.append(
                    Mention(match.group(), offset + match.start(), offset + match.end(), entity)
                )
        return select_longest(found)


def _overlapping_matches(regex: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """Yield matches of ``regex`` starting at every word start, so longer ones can win."""
    pos = 0
    while pos < len(text):
        match = regex.search(text, pos)
        if match is None:
            return
        yield match
        pos = match.start() + 1


def select_longest(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (earliest on ties), in text order."""
    chosen: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")


class DrugNameFinder:
    """Find drug names with the ``drug-named-entity-recognition`` package.

    The package links names to DrugBank and MeSH; only its DrugBank id is kept, because
    its MeSH id is often a pharmacological-action heading (clonazepam -> "GABA
    Modulators"), which would be a wrong identifier.
    """

    def __init__(self) -> None:
        from drug_named_entity_recognition import find_drugs

        self._find_drugs = find_drugs

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Return drug mentions in ``text`` as entities keyed by the drug's name."""
        words = list(_WORD.finditer(text))
        if not words:
            return []
        mentions = []
        for record, start_word, end_word in self._find_drugs([w.group() for w in words]):
            name = str(record.get("name", "")).strip()
            drugbank = record.get("drugbank_id")
            if not name or not drugbank:  # MeSH headings ("Analgesics, Opioid") are no drugs
                continue
            start, end = words[start_word].start(), words[end_word - 1].end()
            entity = get_drug_entity(name, str(drugbank))
            mentions.append(Mention(text[start:end], offset + start, offset + end, entity))
        return mentions


@cache
def get_drug_entity(name: str, drugbank_id: str | None) -> Entity:
    """Make the entity for a drug found by the drug-name package."""
    key = slugify(name)
    identifiers = (f"DRUGBANK:{drugbank_id}",) if drugbank_id else ()
    return Entity(
        key=key,
        type=EntityType.DRUG,
        label=name.lower(),
        identifiers=identifiers,
        source="drug-named-entity-recognition",
    )


def slugify(name: str) -> str:
    """Turn a name into a stable IRI-safe key: ``"Valproic Acid" -> "valproic-acid"``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unnamed"


@cache
def get_lexicon() -> Lexicon:
    """Return the project lexicon, read once."""
    return Lexicon(read_lexicon())


@cache
def get_drug_finder() -> DrugNameFinder:
    """Return the drug-name finder, loaded once (loading takes about two seconds)."""
    return DrugNameFinder()


def find_mentions(text: str, offset: int = 0, *, drug_names: bool = True) -> list[Mention]:
    """Find every concept mention in ``text``: lexicon first, then other drug names."""
    mentions = get_lexicon().find(text, offset)
    if drug_names:
        extra = [
            m
            for m in get_drug_finder().find(text, offset)
            if all(m.end <= c.start or m.start >= c.end for c in mentions)
            and m.entity.key not in get_lexicon().entities
        ]
        mentions = sorted([*mentions, *extra], key=lambda m: m.start)
    return mentions
