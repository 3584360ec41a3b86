"""The records that flow through the pipeline, and the project's errors.

Every stage takes and returns these frozen records, so the data flows one way:
``Document`` (ingest) -> ``Sentence`` -> ``Claim`` (extract) -> entities (link) -> RDF.
Offsets are character offsets into ``Document.text``, end-exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class GraphBuilderError(Exception):
    """Base class of every error the project raises on purpose."""


class InputError(GraphBuilderError):
    """A document could not be read (missing, empty, binary, not UTF-8 ...)."""


class GraphError(GraphBuilderError):
    """A built graph is missing, unreadable or fails its checks."""


class QueryError(GraphBuilderError):
    """A SPARQL query is malformed, refused, or timed out."""


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a document's text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or one list item) with the headings it sits under.

    ``headings`` runs from the outermost section heading to the innermost list-item
    label, e.g. "Dosage", "Panic Disorder", "Initial Dose", each with its offsets.
    ``lead_in`` is the
    sentence that introduces the list this item belongs to ("... used with caution in
    individuals with:").
    """

    text: str
    start: int
    end: int
    headings: tuple[Span, ...] = ()
    lead_in: str | None = None
    label: Span | None = None  # the item's own label ("Liver Disease") when it has one

    @property
    def heading_texts(self) -> tuple[str, ...]:
        """The headings as plain strings, outermost first."""
        return tuple(span.text for span in self.headings)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the document and the character range it governs."""

    heading: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A drug-information document as read: its identity, text and structure."""

    source: str  # the file name it was read from
    sha256: str
    title: str
    text: str
    sentences: tuple[Sentence, ...] = ()
    sections: tuple[Section, ...] = ()
    media_type: str = "text/plain"


class EntityType(StrEnum):
    """The kinds of thing a mention can name (classes of the ontology)."""

    DRUG = "Drug"
    DRUG_CLASS = "DrugClass"
    CONDITION = "Condition"
    ADVERSE_EFFECT = "AdverseEffect"
    TARGET = "MolecularTarget"
    NEUROTRANSMITTER = "Neurotransmitter"
    PROCESS = "PhysiologicalProcess"
    EFFECT = "PharmacologicalEffect"
    POPULATION = "Population"
    ANATOMY = "AnatomicalEntity"
    OUTCOME = "ClinicalOutcome"


@dataclass(frozen=True, slots=True)
class Entity:
    """One concept: a stable key, a preferred label and external identifiers."""

    key: str
    type: EntityType
    label: str
    synonyms: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()  # CURIEs, e.g. "DRUGBANK:DB01068"
    close_matches: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an entity."""

    text: str
    start: int
    end: int
    entity: Entity
    names_entity: bool = True  # False: words that point at the entity but are no name for it


@dataclass(frozen=True, slots=True)
class Dose:
    """A dose statement, with every part the sentence gives (``None`` where silent)."""

    kind: str  # initial | maintenance | maximum | usual | threshold
    value_min: str | None = None  # decimal strings, so "0.5" stays "0.5"
    value_max: str | None = None
    # "more than 10 mg": the amount is a bound (gt, ge, lt, le), not the dose itself
    comparator: str | None = None
    unit: str | None = None
    per: str | None = None  # "dose" | "day"
    frequency: str | None = None
    times_per_day_min: int | None = None
    times_per_day_max: int | None = None
    divided_into: int | None = None
    population: str | None = None
    age_min_years: str | None = None
    age_max_years: str | None = None
    duration: str | None = None
    duration_max_months: str | None = None
    setting: str | None = None
    circumstance: str | None = None  # "during acute conditions": when the dose applies
    instruction: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement a document makes, with the evidence for it.

    ``relation`` names a relation of ``vocabulary.RELATIONS``. ``obj`` is a mention for
    entity-to-entity relations; a dose claim carries ``dose`` and a text claim ``value``.
    """

    relation: str
    subject: Mention
    sentence: Sentence
    rule: str
    obj: Mention | None = None
    dose: Dose | None = None
    value: str | None = None
    negated: bool = False
    hedge: str | None = None
    qualifiers: tuple[tuple[str, str], ...] = ()
    consequences: tuple[Mention, ...] = ()
    group: str | None = None  # how the text groups it: "common", "serious" ...
    subject_inferred_from_topic: bool = False
    extra: tuple[tuple[str, str], ...] = field(default=())
