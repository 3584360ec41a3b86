"""The graph contract (shared/docs/graph-contract.md), checked on the seed graph."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph_builder.rdf import serialize
from graph_builder.vocabulary import BIOLINK, DKG, ENTITY_CLASSES, SCHEMA

from .conftest import SEED_DIR
from .constants import CLONAZEPAM, ETHANOL, INTERACTS_WITH

CONTRACT_PREFIXES = {
    "biolink": "https://w3id.org/biolink/vocab/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dkg": "https://w3id.org/drugkg/vocab#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def test_prefixes_are_bound_in_the_turtle(seed_graph: Graph) -> None:
    text = serialize(seed_graph).decode("utf-8")
    for prefix, namespace in CONTRACT_PREFIXES.items():
        assert f"@prefix {prefix}: <{namespace}> ." in text, prefix
    assert len(Graph().parse(data=text, format="turtle")) == len(seed_graph)


def test_every_entity_has_one_label_and_an_ontology_class(seed_graph: Graph) -> None:
    classes = set(ENTITY_CLASSES.values())
    entities = {s for c in classes for s in seed_graph.subjects(RDF.type, c)}
    assert len(entities) > 40
    for entity in entities:
        assert len(list(seed_graph.objects(entity, RDFS.label))) == 1, entity


def test_every_extracted_statement_carries_its_sentence_and_mentions(seed_graph: Graph) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEED_DIR.glob("*.txt")}
    statements = list(seed_graph.subjects(RDF.type, RDF.Statement))
    assert len(statements) > 100
    for st in statements:
        doc = seed_graph.value(st, PROV.wasDerivedFrom)
        assert (doc, RDF.type, DKG.SourceDocument) in seed_graph
        text = texts[str(seed_graph.value(doc, DCTERMS.source))]
        sentence = str(seed_graph.value(st, BIOLINK.supporting_text))
        start = int(seed_graph.value(st, DKG.sentenceStart))
        assert text[start : start + len(sentence)] == sentence
        assert seed_graph.value(st, DKG.subjectText) is not None
        end_of_sentence = start + len(sentence)
        for begin_p, end_p, text_p in (
            (DKG.subjectStart, DKG.subjectEnd, DKG.subjectText),
            (DKG.objectStart, DKG.objectEnd, DKG.objectText),
        ):
            begin = seed_graph.value(st, begin_p)
            if begin is not None:  # inside its sentence, or in a heading above it (a dose's
                end = int(seed_graph.value(st, end_p))  # indication under "Panic Disorder")
                surface = str(seed_graph.value(st, text_p))
                in_sentence = start <= int(begin) and end <= end_of_sentence
                in_heading = end <= start and surface in str(seed_graph.value(st, DKG.section))
                assert in_sentence or in_heading, st
                assert text[int(begin) : end] == surface


def test_a_sentence_without_a_subject_takes_the_topic_drug(seed_graph: Graph) -> None:
    inferred = [st for st in seed_graph.subjects(DKG.subjectFromTopic, Literal(True))]
    assert inferred
    assert {str(seed_graph.value(st, DKG.subjectText)) for st in inferred} == {"Klonopin"}


def test_interactions_are_materialised_both_ways(seed_graph: Graph) -> None:
    for s, o in seed_graph.subject_objects(INTERACTS_WITH):
        assert (o, INTERACTS_WITH, s) in seed_graph


def test_dose_values_are_decimals(seed_graph: Graph) -> None:
    values = list(seed_graph.objects(None, SCHEMA.doseValue))
    assert values and all(v.datatype == XSD.decimal for v in values)


def test_identifiers_are_right_or_absent(seed_graph: Graph) -> None:
    clonazepam = {str(o) for o in seed_graph.objects(CLONAZEPAM, SKOS.exactMatch)}
    assert "https://go.drugbank.com/drugs/DB01068" in clonazepam
    assert "http://purl.bioontology.org/ontology/ATC/N03AE01" in clonazepam
    assert not any("D018757" in iri for iri in clonazepam)  # MeSH "GABA Modulators"
    ethanol = {str(o) for o in seed_graph.objects(ETHANOL, SKOS.exactMatch)}
    assert "https://go.drugbank.com/drugs/DB00898" in ethanol
    assert not any("DB06770" in iri for iri in ethanol)  # benzyl alcohol


def test_documents_have_identity(seed_graph: Graph) -> None:
    docs = list(seed_graph.subjects(RDF.type, DKG.SourceDocument))
    assert len(docs) == 2
    for doc in docs:
        assert len(str(seed_graph.value(doc, DKG.sha256))) == 64
        assert seed_graph.value(doc, DCTERMS.title) is not None
        assert isinstance(seed_graph.value(doc, DKG.topicDrug), URIRef)


def test_the_graph_names_the_lexicon_and_model_it_was_built_with(seed_graph: Graph) -> None:
    import hashlib

    from graph_builder.vocabulary import DATA_DIR

    recorded = {str(value) for value in seed_graph.objects(None, DKG.builtFromData)}
    lexicon = hashlib.sha256((DATA_DIR / "lexicon.tsv").read_bytes()).hexdigest()
    model = hashlib.sha256((DATA_DIR / "models" / "ddi-pairs.json").read_bytes()).hexdigest()
    assert f"lexicon.tsv sha256:{lexicon}" in recorded
    assert f"ddi-pairs.json sha256:{model}" in recorded
