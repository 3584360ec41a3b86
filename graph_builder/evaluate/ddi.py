"""Score the interactions a built graph states against the DDI-2013 gold pairs.

Only the graph is read: each interaction statement's subject and object offsets
(``dkg:subjectStart/End``, ``dkg:objectStart/End``) are aligned with the gold mentions
they overlap, and the two gold mentions must sit in the same gold sentence. A pair the
graph states is a true positive when the gold says the two mentions interact; typed
scores also need ``dkg:interactionType`` to equal the gold type. A statement that cannot
be aligned (a subject taken from the title with no mention in the sentence, a mention
the gold does not annotate, mentions in two sentences) counts as a false positive.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from graph_builder.evaluate.corpus_ddi import TYPES, GoldDocument, GoldEntity, GoldSentence
from graph_builder.evaluate.scoring import Score, score_sets
from graph_builder.vocabulary import BIOLINK, DKG

INTERACTS = BIOLINK.pharmacologically_interacts_with

PairKey = tuple[str, str, str]  # (sentence id, entity id, entity id), ids sorted


@dataclass(frozen=True, slots=True)
class Stated:
    """One interaction statement as the graph states it."""

    source: str  # the document's file name
    sentence_start: int
    subject: tuple[str, int | None, int | None]  # text, start, end
    obj: tuple[str, int | None, int | None]
    type: str | None
    negated: bool


@dataclass(slots=True)
class DdiResult:
    """The scores, and per document what was found, wrong and missed."""

    detection: Score
    typed: Score
    per_type: dict[str, Score]
    statements: int
    unaligned: int
    false_positives: dict[str, list[str]] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def table(self) -> str:
        """Format the scores as a small table."""
        lines = [
            self.detection.row("detection"),
            self.typed.row("typed"),
            *(self.per_type[name].row(f"  {name}") for name in TYPES),
            f"interaction statements (each direction): {self.statements}; pairs not alignable"
            f" with two gold mentions of one sentence (false positives): {self.unaligned}",
        ]
        return "\n".join(lines)

    def error_listing(self) -> str:
        """List false positives and misses per document."""
        lines = []
        for name in sorted(set(self.false_positives) | set(self.misses)):
            lines.append(f"== {name}")
            lines += [f"  FP   {line}" for line in self.false_positives.get(name, [])]
            lines += [f"  MISS {line}" for line in self.misses.get(name, [])]
        return "\n".join(lines)


def _int(value: object) -> int | None:
    return int(value.toPython()) if isinstance(value, Literal) else None


def _mention(
    values: dict[object, object], text: URIRef, start: URIRef, end: URIRef
) -> tuple[str, int | None, int | None]:
    return (str(values.get(text, "")), _int(values.get(start)), _int(values.get(end)))


def read_statements(graph: Graph) -> list[Stated]:
    """Read every (non-negated or negated) interaction statement from ``graph``."""
    sources: dict[object, str] = {
        doc: str(title) for doc, title in graph.subject_objects(DCTERMS.source)
    }
    stated = []
    for node in graph.subjects(RDF.predicate, INTERACTS):
        if not isinstance(node, URIRef):
            continue
        values: dict[object, object] = dict(graph.predicate_objects(node))

        kind = values.get(DKG.interactionType)
        stated.append(
            Stated(
                source=sources.get(values.get(PROV.wasDerivedFrom), ""),
                sentence_start=_int(values.get(DKG.sentenceStart)) or 0,
                subject=_mention(values, DKG.subjectText, DKG.subjectStart, DKG.subjectEnd),
                obj=_mention(values, DKG.objectText, DKG.objectStart, DKG.objectEnd),
                type=str(kind) if kind is not None else None,
                negated=values.get(BIOLINK.negated) == Literal(True),
            )
        )
    return sorted(stated, key=lambda s: (s.source, s.sentence_start, s.subject, s.obj))


def align(
    sentence: GoldSentence, text: str, start: int | None, end: int | None
) -> GoldEntity | None:
    """Return the gold mention of ``sentence`` a stated mention overlaps most.

    A mention without offsets (a subject taken from the title) aligns only with a gold
    mention of the same text in the sentence: the sentence must name it.
    """
    if start is None or end is None:
        same = [e for e in sentence.entities if e.text.lower() == text.lower()]
        return same[0] if same else None
    best, best_overlap = None, 0
    for entity in sentence.entities:
        overlap = sum(max(0, min(end, b) - max(start, a)) for a, b in entity.spans)
        if overlap > best_overlap:
            best, best_overlap = entity, overlap
    return best


def _sentence_at(document: GoldDocument, position: int) -> GoldSentence | None:
    for sentence in document.sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    return None


def gold_pairs(documents: Iterable[GoldDocument]) -> dict[PairKey, str]:
    """Map each interacting gold pair to its type."""
    pairs: dict[PairKey, str] = {}
    for document in documents:
        for sentence in document.sentences:
            for pair in sentence.pairs:
                if pair.ddi:
                    a, b = sorted((pair.e1, pair.e2))
                    pairs[(sentence.id, a, b)] = pair.type or "int"
    return pairs


def _describe(sentence: GoldSentence, a: GoldEntity, b: GoldEntity, kind: str | None) -> str:
    return f"{a.text} ~ {b.text} [{kind}] | {sentence.text}"


def score_ddi(documents: list[GoldDocument], statements: list[Stated]) -> DdiResult:
    """Score the stated interactions against the gold pairs of ``documents``."""
    by_source = {f"{d.name}.txt": d for d in documents}
    gold = gold_pairs(documents)
    predicted: dict[PairKey, str] = {}
    result = DdiResult(Score(0, 0, 0), Score(0, 0, 0), {}, 0, 0)
    unaligned: set[tuple[object, ...]] = set()
    entity_of: dict[tuple[str, str], GoldEntity] = {}
    for statement in statements:
        if statement.negated:
            continue
        result.statements += 1
        document = by_source.get(statement.source)
        anchor = statement.subject[1]
        if anchor is None:
            anchor = statement.obj[1] if statement.obj[1] is not None else statement.sentence_start
        sentence = _sentence_at(document, anchor) if document is not None else None
        a = align(sentence, *statement.subject) if sentence else None
        b = align(sentence, *statement.obj) if sentence else None
        if sentence is None or a is None or b is None or a.id == b.id:
            texts = sorted((statement.subject[0].lower(), statement.obj[0].lower()))
            key = (statement.source, statement.sentence_start, *texts)
            if key not in unaligned:
                unaligned.add(key)
                result.false_positives.setdefault(statement.source, []).append(
                    f"{statement.subject[0]} ~ {statement.obj[0]} [{statement.type}]"
                    " (not alignable with two gold mentions of one sentence)"
                )
            continue
        first, second = sorted((a.id, b.id))
        pair = (sentence.id, first, second)
        entity_of[(sentence.id, a.id)] = a
        entity_of[(sentence.id, b.id)] = b
        predicted.setdefault(pair, statement.type or "int")
    result.unaligned = len(unaligned)
    extra = Score(0, len(unaligned), 0)
    result.detection = score_sets(gold, predicted) + extra
    result.typed = score_sets(gold.items(), predicted.items()) + extra
    for kind in TYPES:
        result.per_type[kind] = score_sets(
            {k for k, v in gold.items() if v == kind},
            {k for k, v in predicted.items() if v == kind},
        )
    _list_errors(result, documents, gold, predicted)
    return result


def _list_errors(
    result: DdiResult,
    documents: list[GoldDocument],
    gold: dict[PairKey, str],
    predicted: dict[PairKey, str],
) -> None:
    for document in documents:
        source = f"{document.name}.txt"
        for sentence in document.sentences:
            entities = {e.id: e for e in sentence.entities}
            keys = (
                {k for k in (*gold, *predicted) if k[0] == sentence.id} if sentence.pairs else set()
            )
            for key in sorted(keys):
                a, b = entities[key[1]], entities[key[2]]
                if key in predicted and gold.get(key) != predicted[key]:
                    label = f"{predicted[key]}, gold {gold.get(key, 'none')}"
                    result.false_positives.setdefault(source, []).append(
                        _describe(sentence, a, b, label)
                    )
                elif key in gold and key not in predicted:
                    result.misses.setdefault(source, []).append(
                        _describe(sentence, a, b, gold[key])
                    )


def evaluate_ddi(corpus: Path, workdir: Path | None = None) -> DdiResult:
    """Convert the corpus to plain text, build the graph, and score what it states."""
    from graph_builder.evaluate.corpus_ddi import iter_ddi_documents, write_documents
    from graph_builder.pipeline import build_graph

    documents = list(iter_ddi_documents(corpus))
    with tempfile.TemporaryDirectory(prefix="drugkg-ddi-") as tmp:
        folder = workdir or Path(tmp)
        paths = write_documents(documents, folder)
        graph = build_graph(paths, on_error=lambda _error: None).graph
    return score_ddi(documents, read_statements(graph))
