"""Resolve mentions to one entity per concept, with external identifiers.

Extraction already knows which concept a mention names (the lexicon or the drug-name
package said so). Linking gathers every concept the claims use, with every surface form
seen for it ("Klonopin", "clonazepam"), and the identifiers that name it elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph_builder.extract import Extraction
from graph_builder.model import Claim, Entity, Mention


@dataclass(frozen=True, slots=True)
class LinkedEntity:
    """An entity with every surface form the documents used for it."""

    entity: Entity
    surface_forms: tuple[str, ...]


def iter_claim_mentions(claim: Claim) -> Iterable[Mention]:
    """Yield every mention a claim uses: subject, object and consequences."""
    yield claim.subject
    if claim.obj is not None:
        yield claim.obj
    yield from claim.consequences


def link(extractions: Iterable[Extraction]) -> dict[str, LinkedEntity]:
    """Gather the entities that the claims of ``extractions`` name, keyed by entity key.

    >>> link([])
    {}
    """
    entities: dict[str, Entity] = {}
    forms: dict[str, set[str]] = {}
    for extraction in extractions:
        mentions: list[Mention] = [extraction.topic] if extraction.topic else []
        for claim in extraction.claims:
            mentions.extend(iter_claim_mentions(claim))
        for mention in mentions:
            entities.setdefault(mention.entity.key, mention.entity)
            names = forms.setdefault(mention.entity.key, set())
            if mention.names_entity:
                names.add(" ".join(mention.text.split()))
    return {
        key: LinkedEntity(entity, tuple(sorted(forms[key] - {entity.label})))
        for key, entity in sorted(entities.items())
    }
