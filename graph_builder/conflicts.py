"""Find where sources disagree: the graph keeps both claims and records the disagreement.

The kinds of disagreement looked for, each between claims about the same drug:

- ``maximum-dose``: different maximum doses for the same indication and basis (per day).
- ``mechanism``: one source says the drug changes how much of a neurotransmitter there is
  (synthesis, release, level), another that it changes the response to it (effect,
  sensitivity).
- ``use-in-condition``: one source allows use with caution, another contraindicates it.
- ``negation``: one source states what another denies, or one document both states and
  denies it (a contradiction inside a source, or a misread sentence: either way a reviewer
  should see it).

All but ``negation`` need two documents: one page that allows a drug with caution and
contraindicates it elsewhere is being thorough, not contradicting itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from graph_builder.extract import Extraction
from graph_builder.model import Claim

AMOUNT_ASPECTS = frozenset({"synthesis", "release", "level"})
RESPONSE_ASPECTS = frozenset({"effect", "sensitivity", "activity"})


@dataclass(frozen=True, slots=True)
class Conflict:
    """Claims from different sources that cannot all be right."""

    kind: str
    description: str
    claims: tuple[tuple[str, Claim], ...]  # (document sha256, claim)


def _label(claim: Claim) -> str:
    return claim.obj.entity.label if claim.obj is not None else ""


def _by_source(extractions: Iterable[Extraction]) -> list[tuple[str, str, Claim]]:
    return [(e.document.sha256, e.document.source, c) for e in extractions for c in e.claims]


def _when(claim: Claim) -> str:
    """Say when a source limits its dose (" during acute conditions"), or nothing."""
    return f" {claim.dose.circumstance}" if claim.dose and claim.dose.circumstance else ""


def _max_dose_conflicts(claims: list[tuple[str, str, Claim]]) -> Iterator[Conflict]:
    groups: dict[tuple[str, str, str, str], list[tuple[str, str, Claim]]] = defaultdict(list)
    for sha, source, claim in claims:
        # a maximum with no value (a bound read wrongly) disagrees with nothing
        if (
            claim.relation == "maximum_dose"
            and claim.dose
            and claim.dose.value_max is not None
            and claim.obj is not None
        ):
            key = (
                claim.subject.entity.key,
                claim.obj.entity.key,
                claim.dose.population or "",  # adults' and children's maxima differ by design
                f"{claim.dose.unit}/{claim.dose.per}",
            )
            groups[key].append((sha, source, claim))
    for (_, indication, _, basis), members in sorted(groups.items()):
        values = {c.dose.value_max for _, _, c in members if c.dose}
        if len(values) > 1 and len({sha for sha, _, _ in members}) > 1:
            label = members[0][2].obj.entity.label if members[0][2].obj else indication
            said = "; ".join(
                f"{source}: {c.dose.value_max} {basis}{_when(c)}"
                for _, source, c in members
                if c.dose
            )
            yield Conflict(
                "maximum-dose",
                f"Maximum dose of {members[0][2].subject.entity.label} for {label}: {said}",
                tuple((sha, c) for sha, _, c in members),
            )


def _mechanism_conflicts(claims: list[tuple[str, str, Claim]]) -> Iterator[Conflict]:
    groups: dict[tuple[str, str], list[tuple[str, str, Claim, str]]] = defaultdict(list)
    for sha, source, claim in claims:
        aspect = dict(claim.qualifiers).get("aspect")
        if claim.relation == "affects" and claim.obj is not None and aspect and not claim.negated:
            groups[(claim.subject.entity.key, claim.obj.entity.key)].append(
                (sha, source, claim, aspect)
            )
    for _, members in sorted(groups.items()):
        amount = [m for m in members if m[3] in AMOUNT_ASPECTS]
        amount_sources = {m[0] for m in amount}
        # A source that says both (page 2: synthesis and sensitivity) disagrees only with
        # the others; its own response claim is no side of the conflict.
        response = [m for m in members if m[3] in RESPONSE_ASPECTS and m[0] not in amount_sources]
        if amount and response:
            chosen = [*response, *amount]
            first = chosen[0][2]
            said = "; ".join(f"{source}: {aspect}" for _, source, _, aspect in chosen)
            yield Conflict(
                "mechanism",
                f"How {first.subject.entity.label} acts on {_label(first)}"
                f" (the response to it, or the amount of it): {said}",
                tuple((sha, c) for sha, _, c, _ in chosen),
            )


def _pairwise_conflicts(claims: list[tuple[str, str, Claim]]) -> Iterator[Conflict]:
    groups: dict[tuple[str, str], list[tuple[str, str, Claim]]] = defaultdict(list)
    for sha, source, claim in claims:
        if claim.obj is not None and claim.dose is None:
            groups[(claim.subject.entity.key, claim.obj.entity.key)].append((sha, source, claim))
    for (_, _), members in sorted(groups.items()):
        caution = [m for m in members if m[2].relation == "caution_in"]
        contra = [m for m in members if m[2].relation == "contraindicated_in" and not m[2].hedge]
        if caution and contra and {m[0] for m in caution}.isdisjoint({m[0] for m in contra}):
            first = contra[0][2]
            yield Conflict(
                "use-in-condition",
                f"Use of {first.subject.entity.label} in {_label(first)}:"
                f" {caution[0][1]} allows it with caution; {contra[0][1]} contraindicates it",
                tuple((sha, c) for sha, _, c in (*caution, *contra)),
            )
        by_relation: dict[str, list[tuple[str, str, Claim]]] = defaultdict(list)
        for member in members:
            by_relation[member[2].relation].append(member)
        for _, same in sorted(by_relation.items()):
            stated = [m for m in same if not m[2].negated]
            # a denial for one group ("not reported in children") contradicts no statement
            denied = [m for m in same if m[2].negated and not _for_a_group(m[2])]
            if stated and denied:
                yield _negation_conflict(stated, denied)


def _negation_conflict(
    stated: list[tuple[str, str, Claim]], denied: list[tuple[str, str, Claim]]
) -> Conflict:
    """Say who states a claim and who denies it; a document may do both."""
    first = stated[0][2]
    what = (
        f"{first.subject.entity.label} {first.relation.replace('_', ' ')}"
        f" {first.obj.entity.label if first.obj else ''}"
    )
    both = sorted({m[1] for m in stated} & {m[1] for m in denied})
    if both:
        said = f"{both[0]} both states and denies it"
    else:
        said = f"{stated[0][1]} states it; {denied[0][1]} denies it"
    return Conflict(
        "negation", f"{what}: {said}", tuple((sha, c) for sha, _, c in (*stated, *denied))
    )


def _for_a_group(claim: Claim) -> bool:
    """Tell whether a claim holds for one population or species only."""
    return any(key in ("population", "species") for key, _ in claim.qualifiers)


def find_conflicts(extractions: Iterable[Extraction]) -> list[Conflict]:
    """Find every disagreement between the documents' claims, in a stable order.

    >>> find_conflicts([])
    []
    """
    claims = _by_source(extractions)
    found = [
        *_max_dose_conflicts(claims),
        *_mechanism_conflicts(claims),
        *_pairwise_conflicts(claims),
    ]
    return sorted(found, key=lambda c: (c.kind, c.description))
