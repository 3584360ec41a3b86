"""The project's terms: namespaces, ontology terms and the relation table.

The namespace IRIs are part of the graph contract (``ontology/README.md``): never change
them. Every ``DKG`` term used here is defined, with a label and a definition, in
``ontology/drugkg.ttl``; a test checks that.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

from graph_builder.model import EntityType

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
DATA_DIR = ROOT_DIR / "data"
ONTOLOGY_DIR = ROOT_DIR / "ontology"

DKG = Namespace("https://w3id.org/drugkg/vocab#")  # the ontology: classes and properties
DKGID = Namespace("https://w3id.org/drugkg/id/")  # instances: entities, statements, doses
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")
SCHEMA = Namespace("https://schema.org/")

# External identifier prefixes (CURIE prefix -> IRI base), as the Bioregistry writes them.
IDENTIFIER_BASES = {
    "DRUGBANK": "https://go.drugbank.com/drugs/",
    "CHEBI": "http://purl.obolibrary.org/obo/CHEBI_",
    "ATC": "http://purl.bioontology.org/ontology/ATC/",
    "MESH": "http://id.nlm.nih.gov/mesh/",
    "HP": "http://purl.obolibrary.org/obo/HP_",
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
    "UBERON": "http://purl.obolibrary.org/obo/UBERON_",
    "GO": "http://purl.obolibrary.org/obo/GO_",
    "NCIT": "http://purl.obolibrary.org/obo/NCIT_",
    "PUBCHEM.COMPOUND": "http://rdf.ncbi.nlm.nih.gov/pubchem/compound/CID",
    "UNIPROT": "http://purl.uniprot.org/uniprot/",
}

PREFIXES = {
    "dkg": DKG,
    "dkgid": DKGID,
    "biolink": BIOLINK,
    "schema": SCHEMA,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "xsd": XSD,
    "sh": SH,
}

ENTITY_CLASSES = {entity_type: DKG[entity_type.value] for entity_type in EntityType}


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation the extractor emits, and how it is written in RDF."""

    name: str
    predicate: str  # a CURIE: biolink:treats, dkg:cautionIn ...
    symmetric: bool = False
    literal: bool = False  # the object is text, not an entity


RELATIONS = {
    r.name: r
    for r in (
        Relation("treats", "biolink:treats"),
        Relation("has_side_effect", "biolink:has_side_effect"),
        Relation("interacts_with", "biolink:pharmacologically_interacts_with", symmetric=True),
        Relation("contraindicated_in", "biolink:contraindicated_in"),
        Relation("caution_in", "dkg:cautionIn"),
        Relation("member_of", "biolink:member_of"),
        Relation("subclass_of", "biolink:subclass_of"),
        Relation("binds", "biolink:directly_physically_interacts_with"),
        Relation("affects", "biolink:affects"),
        Relation("metabolised_by", "biolink:is_substrate_of"),
        Relation("has_effect", "dkg:hasPharmacologicalEffect"),
        Relation("has_symptom", "dkg:hasSymptom"),
        Relation("rebound", "dkg:worsensOnAbruptWithdrawal"),
        Relation("crosses_into", "dkg:passesInto"),
        Relation("has_brand_name", "dkg:brandName", literal=True),
        Relation("pregnancy_category", "schema:pregnancyCategory"),
        Relation("pregnancy_warning", "schema:pregnancyWarning", literal=True),
        Relation("breastfeeding_warning", "schema:breastfeedingWarning", literal=True),
        Relation("alcohol_warning", "schema:alcoholWarning", literal=True),
        Relation("administration", "dkg:administrationInstruction", literal=True),
        Relation("dose", "schema:doseSchedule"),
        Relation("maximum_dose", "schema:maximumIntake"),
    )
}


def expand(curie: str) -> str:
    """Expand a project CURIE (``biolink:treats``) to its IRI."""
    prefix, _, local = curie.partition(":")
    if prefix in PREFIXES:
        return str(PREFIXES[prefix]) + local
    if prefix in IDENTIFIER_BASES:
        return IDENTIFIER_BASES[prefix] + local
    raise ValueError(f"unknown prefix in {curie!r}")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the contract's prefixes on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def data_checksums(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Return the SHA-256 of each vocabulary table and model a build reads, by file name.

    A graph records them (``dkg:builtFromData``), so two graphs of the same documents that
    differ can be traced to the lexicon, the adverse-effect table or the pair model.

    >>> sorted(data_checksums())[:2]
    ['adverse_effects.tsv', 'boilerplate.tsv']
    """
    files = [*sorted(data_dir.glob("*.tsv")), *sorted((data_dir / "models").glob("*.json"))]
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}
