"""Write claims as RDF following the graph contract; read and write graphs.

This is the only module that builds triples. Every node gets an IRI derived from what it
is (no blank nodes), so the same input gives the same graph and the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph_builder._version import __version__
from graph_builder.conflicts import Conflict
from graph_builder.extract import Extraction
from graph_builder.link import LinkedEntity
from graph_builder.model import Claim, Document, Dose, EntityType, GraphError, Mention
from graph_builder.product_names import NEW_DRUG_SOURCE
from graph_builder.vocabulary import (
    BIOLINK,
    DKG,
    DKGID,
    ENTITY_CLASSES,
    PREFIXES,
    RELATIONS,
    SCHEMA,
    bind_prefixes,
    data_checksums,
    expand,
)

DOSE_KINDS = {
    "initial": DKG.InitialDose,
    "maintenance": DKG.MaintenanceDose,
    "maximum": DKG.MaximumDose,
    "usual": DKG.UsualDose,
    "course": DKG.TreatmentCourse,
    "hospital-threshold": DKG.HospitalOnlyDose,
    "overdose-risk": DKG.OverdoseRiskDose,
}
DOSE_BASIS = {"dose": DKG.PerDose, "day": DKG.PerDay}
DOSE_COMPARATORS = {
    "gt": DKG.MoreThan,
    "ge": DKG.AtLeast,
    "lt": DKG.LessThan,
    "le": DKG.AtMost,
}
# the relations whose object is a condition of the patient (a dose's indication too)
_OF_A_CONDITION = frozenset({"treats", "contraindicated_in", "caution_in", "dose", "maximum_dose"})
QUALIFIERS = {
    "aspect": DKG.aspect,
    "direction": DKG.direction,
    "population": DKG.population,
    "species": DKG.species,
    "binding_site": DKG.bindingSite,
    "action": DKG.action,
    "extent": DKG.extent,
    "lead_in": DKG.leadIn,
    "advice": DKG.advice,
    "interaction_type": DKG.interactionType,
    "severity": DKG.severity,
}
PREGNANCY_CATEGORIES = {letter: SCHEMA[f"FDAcategory{letter}"] for letter in "ABCDX"}


def digest(*parts: object) -> str:
    """Return a short stable hash of ``parts``, for IRIs derived from what a node is."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]  # noqa: S324


def _span(mention: Mention | None) -> tuple[int, int]:
    """Return where a mention sits, as a part of the IRI of what it evidences."""
    return (mention.start, mention.end) if mention is not None else (-1, -1)


def entity_iri(key: str) -> URIRef:
    """Return the IRI of the entity with ``key``."""
    return DKGID[key]


def document_iri(document: Document) -> URIRef:
    """Return the IRI of a source document (from its content hash)."""
    return DKGID[f"doc-{document.sha256[:16]}"]


class _GraphWriter:
    def __init__(self) -> None:
        self.graph = bind_prefixes(Graph())
        self.statements: dict[int, list[URIRef]] = {}  # id(claim) -> statement IRIs

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.graph.add((s, p, o))

    # ---------------------------------------------------------------- nodes

    def document(self, document: Document, topic: Mention | None) -> URIRef:
        node = document_iri(document)
        self.add(node, RDF.type, DKG.SourceDocument)
        self.add(node, DCTERMS.title, Literal(document.title))
        self.add(node, DCTERMS.source, Literal(document.source))
        self.add(node, DCTERMS["format"], Literal(document.media_type))
        self.add(node, DKG.sha256, Literal(document.sha256))
        if topic is not None:
            self.add(node, DKG.topicDrug, entity_iri(topic.entity.key))
        return node

    def entity(self, linked: LinkedEntity) -> None:
        entity = linked.entity
        node = entity_iri(entity.key)
        self.add(node, RDF.type, ENTITY_CLASSES[entity.type])
        self.add(node, RDFS.label, Literal(entity.label))
        for form in linked.surface_forms:
            self.add(node, SKOS.altLabel, Literal(form))
        if entity.source == NEW_DRUG_SOURCE:  # a new drug's generic name, from its title
            for synonym in entity.synonyms:
                self.add(node, SKOS.altLabel, Literal(synonym))
        for curie in entity.identifiers:
            self.add(node, SKOS.exactMatch, URIRef(expand(curie)))
        for curie in entity.close_matches:
            self.add(node, SKOS.closeMatch, URIRef(expand(curie)))
        if entity.source:
            self.add(node, DKG.mappingSource, Literal(entity.source))

    def condition(self, mention: Mention) -> None:
        """Type a phenotype a drug is used for or advised against as a condition too.

        "indicated for hypertension", "contraindicated in glaucoma": the vocabulary of side
        effects names them, but here they are the patients' conditions.
        """
        if mention.entity.type is EntityType.ADVERSE_EFFECT:
            self.add(entity_iri(mention.entity.key), RDF.type, DKG.Condition)

    def dose(self, claim: Claim, dose: Dose) -> URIRef:
        node = DKGID[f"dose-{digest(claim.sentence.start, claim.sentence.text, dose, claim.obj)}"]
        kind_class = SCHEMA.MaximumDoseSchedule if dose.kind == "maximum" else SCHEMA.DoseSchedule
        self.add(node, RDF.type, kind_class)
        self.add(node, DKG.scheduleKind, DOSE_KINDS[dose.kind])
        self.dose_values(node, dose)
        if dose.unit:
            self.add(node, SCHEMA.doseUnit, Literal(dose.unit))
        if dose.per:
            self.add(node, DKG.doseBasis, DOSE_BASIS[dose.per])
        texts = {
            SCHEMA.frequency: dose.frequency,
            SCHEMA.targetPopulation: dose.population,
            DKG.duration: dose.duration,
            DKG.setting: dose.setting,
            DKG.circumstance: dose.circumstance,
        }
        for predicate, text in texts.items():
            if text:
                self.add(node, predicate, Literal(text))
        numbers = {
            DKG.timesPerDayMin: (dose.times_per_day_min, XSD.integer),
            DKG.timesPerDayMax: (dose.times_per_day_max, XSD.integer),
            DKG.dividedInto: (dose.divided_into, XSD.integer),
            DKG.minAgeYears: (dose.age_min_years, XSD.decimal),
            DKG.maxAgeYears: (dose.age_max_years, XSD.decimal),
            DKG.maxDurationMonths: (dose.duration_max_months, XSD.decimal),
        }
        for predicate, (value, datatype) in numbers.items():
            if value is not None:
                self.add(node, predicate, Literal(value, datatype=datatype))
        if claim.obj is not None:
            self.add(node, DKG.forIndication, entity_iri(claim.obj.entity.key))
        return node

    def dose_values(self, node: URIRef, dose: Dose) -> None:
        """Record a dose's amount; a bound keeps only its own end ("more than 10 mg": a minimum)."""
        stated = dose.value_max if dose.value_max is not None else dose.value_min
        values = {SCHEMA.doseValue: stated, DKG.doseValueMin: dose.value_min}
        values[DKG.doseValueMax] = dose.value_max
        for predicate, value in values.items():
            if value is not None:
                self.add(node, predicate, Literal(value, datatype=XSD.decimal))
        if dose.comparator is not None:
            self.add(node, DKG.doseComparator, DOSE_COMPARATORS[dose.comparator])

    def interaction(self, claim: Claim, doc: URIRef) -> URIRef:
        assert claim.obj is not None
        a, b = sorted((claim.subject.entity.key, claim.obj.entity.key))
        # one node per pair of mentions (and type): a sentence naming a pair twice states two
        spans = sorted((_span(claim.subject), _span(claim.obj)))
        kind = dict(claim.qualifiers).get("interaction_type")
        node = DKGID[f"ixn-{digest(doc, claim.sentence.start, a, b, *spans, kind)}"]
        self.add(node, RDF.type, DKG.DrugInteraction)
        self.add(node, DKG.participant, entity_iri(a))
        self.add(node, DKG.participant, entity_iri(b))
        self.add(node, PROV.wasDerivedFrom, doc)
        self.add(node, BIOLINK.supporting_text, Literal(claim.sentence.text))
        for consequence in claim.consequences:
            self.add(node, DKG.hasConsequence, entity_iri(consequence.entity.key))
        qualifiers = dict(claim.qualifiers)
        if "advice" in qualifiers:
            self.add(node, DKG.advice, Literal(qualifiers["advice"]))
        if "interaction_type" in qualifiers:
            self.add(node, DKG.interactionType, Literal(qualifiers["interaction_type"]))
        if "severity" in qualifiers:
            self.add(node, DKG.severity, Literal(qualifiers["severity"]))
        if claim.negated:
            self.add(node, BIOLINK.negated, Literal(True))
        return node

    # ---------------------------------------------------------------- claims

    def claim(self, claim: Claim, doc: URIRef) -> None:
        relation = RELATIONS[claim.relation]
        predicate = URIRef(expand(relation.predicate))
        subject = entity_iri(claim.subject.entity.key)
        extra: list[tuple[URIRef, URIRef | Literal]] = []
        obj: URIRef | Literal
        if claim.dose is not None:
            obj = self.dose(claim, claim.dose)
        elif claim.relation == "pregnancy_category" and claim.value:
            obj = PREGNANCY_CATEGORIES[claim.value]
        elif relation.literal:
            obj = Literal(claim.value or "")
        else:
            assert claim.obj is not None
            obj = entity_iri(claim.obj.entity.key)
        if claim.relation == "interacts_with":
            extra.append((DKG.interaction, self.interaction(claim, doc)))
        if claim.relation in _OF_A_CONDITION and claim.obj is not None:
            self.condition(claim.obj)
        directions = [(subject, obj, claim.subject, claim.obj)]
        if relation.symmetric and isinstance(obj, URIRef) and claim.obj is not None:
            directions.append((obj, subject, claim.obj, claim.subject))
        nodes = []
        # A negated claim, or a finding in animals only, is evidence but no direct triple.
        asserted = not claim.negated and "species" not in dict(claim.qualifiers)
        for s, o, s_mention, o_mention in directions:
            if asserted:
                self.add(s, predicate, o)
            nodes.append(self.statement(claim, doc, (s, predicate, o), s_mention, o_mention, extra))
        self.statements[id(claim)] = nodes

    def statement(
        self,
        claim: Claim,
        doc: URIRef,
        triple: tuple[URIRef, URIRef, URIRef | Literal],
        s_mention: Mention,
        o_mention: Mention | None,
        extra: list[tuple[URIRef, URIRef | Literal]],
    ) -> URIRef:
        s, p, o = triple
        # Two claims of one sentence about the same triple ("Digoxin ... with digoxin and
        # nimodipine") are two statements: the mentions they rest on tell them apart.
        spans = _span(s_mention), _span(o_mention)
        node = DKGID[f"stmt-{digest(doc, claim.sentence.start, s, p, o, claim.rule, *spans)}"]
        add = self.add
        add(node, RDF.type, RDF.Statement)
        add(node, RDF.subject, s)
        add(node, RDF.predicate, p)
        add(node, RDF.object, o)
        add(node, PROV.wasDerivedFrom, doc)
        add(node, BIOLINK.supporting_text, Literal(claim.sentence.text))
        add(node, DKG.sentenceStart, Literal(claim.sentence.start, datatype=XSD.integer))
        add(node, DKG.sentenceEnd, Literal(claim.sentence.end, datatype=XSD.integer))
        add(node, DKG.extractedBy, Literal(claim.rule))
        self.mentions(node, claim, s_mention, o_mention)
        self.annotations(node, claim)
        for predicate, value in extra:
            add(node, predicate, value)
        return node

    def mentions(
        self, node: URIRef, claim: Claim, s_mention: Mention, o_mention: Mention | None
    ) -> None:
        """Record the surface strings of subject and object, with their offsets."""
        self.add(node, DKG.subjectText, Literal(s_mention.text))
        from_topic = claim.subject_inferred_from_topic and s_mention is claim.subject
        if from_topic:
            self.add(node, DKG.subjectFromTopic, Literal(True))
        elif s_mention.start >= 0:
            self.add(node, DKG.subjectStart, Literal(s_mention.start, datatype=XSD.integer))
            self.add(node, DKG.subjectEnd, Literal(s_mention.end, datatype=XSD.integer))
        if o_mention is not None:
            self.add(node, DKG.objectText, Literal(o_mention.text))
            if claim.subject_inferred_from_topic and o_mention is claim.subject:
                # the reverse of "it interacts with alcohol": the topic is named in the title
                self.add(node, DKG.objectFromTopic, Literal(True))
            else:
                self.add(node, DKG.objectStart, Literal(o_mention.start, datatype=XSD.integer))
                self.add(node, DKG.objectEnd, Literal(o_mention.end, datatype=XSD.integer))
        elif claim.value is not None:
            self.add(node, DKG.objectText, Literal(claim.value))

    def annotations(self, node: URIRef, claim: Claim) -> None:
        """Record where the sentence sits and how it qualifies the claim."""
        texts = {
            DKG.section: " > ".join(claim.sentence.heading_texts),
            DKG.hedge: claim.hedge,
            DKG.sideEffectGroup: claim.group,
        }
        for predicate, text in texts.items():
            if text:
                self.add(node, predicate, Literal(text))
        if claim.negated:
            self.add(node, BIOLINK.negated, Literal(True))
        for name, value in claim.qualifiers:
            self.add(node, QUALIFIERS[name], Literal(value))

    def conflict(self, conflict: Conflict, claim_nodes: dict[int, list[URIRef]]) -> None:
        members = sorted(str(n) for _, c in conflict.claims for n in claim_nodes.get(id(c), [])[:1])
        node = DKGID[f"conflict-{digest(conflict.kind, *members)}"]
        self.add(node, RDF.type, DKG.SourceConflict)
        self.add(node, RDFS.label, Literal(conflict.description))
        self.add(node, DKG.conflictKind, Literal(conflict.kind))
        for member in members:
            self.add(node, DKG.conflictingStatement, URIRef(member))


def to_rdf(
    extractions: Iterable[Extraction],
    entities: dict[str, LinkedEntity],
    conflicts: Iterable[Conflict] = (),
) -> Graph:
    """Build the RDF graph of the extracted claims, their evidence and the conflicts.

    >>> len(to_rdf([], {})) > 0
    True
    """
    writer = _GraphWriter()
    graph_node = DKGID["graph"]
    writer.add(graph_node, RDF.type, DKG.KnowledgeGraph)
    writer.add(graph_node, DKG.builtWith, Literal(f"drugkg {__version__}"))
    for name, checksum in data_checksums().items():
        writer.add(graph_node, DKG.builtFromData, Literal(f"{name} sha256:{checksum}"))
    writer.add(
        graph_node,
        DKG.inferenceNote,
        Literal(
            "Extracted statements carry biolink:supporting_text; inferred ones carry "
            "prov:wasGeneratedBy and no supporting text."
        ),
    )
    for linked in entities.values():
        writer.entity(linked)
    for extraction in extractions:
        doc = writer.document(extraction.document, extraction.topic)
        writer.add(graph_node, DKG.hasSource, doc)
        for claim in extraction.claims:
            writer.claim(claim, doc)
    for conflict in conflicts:
        writer.conflict(conflict, writer.statements)
    return writer.graph


# -------------------------------------------------------------------- reading and writing


def serialize(graph: Graph) -> bytes:
    """Serialise ``graph`` as Turtle whose bytes depend only on its triples."""
    bind_prefixes(graph)
    text = graph.serialize(format="turtle", encoding="utf-8").decode("utf-8")
    # rdflib writes only the prefixes the triples use; the contract binds them all.
    declared = [line for line in text.splitlines() if line.startswith("@prefix ")]
    wanted = [f"@prefix {name}: <{namespace}> ." for name, namespace in PREFIXES.items()]
    header = sorted(set(declared) | set(wanted))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix "))
    return ("\n".join(header) + "\n\n" + body.strip("\n") + "\n").encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes 0600; outputs are for sharing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_graph(graph: Graph, path: Path) -> None:
    """Write ``graph`` as sorted, stable Turtle to ``path`` atomically."""
    write_atomic(path, serialize(graph))


def read_graph(path: Path) -> Graph:
    """Read a Turtle graph written by ``write_graph``."""
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise GraphError(f"{path}: no graph here; run 'drugkg build' first")
    graph = bind_prefixes(Graph())
    try:
        graph.parse(path, format="turtle")
    except Exception as error:  # rdflib raises many parser types
        raise GraphError(f"{path}: not a readable Turtle graph ({type(error).__name__})") from None
    return graph
