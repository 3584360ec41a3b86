"""Recognise adverse effects in drug-label text: prose, lists and table rows.

The vocabulary is open and maintained: the Human Phenotype Ontology's phenotypes with their
EXACT synonyms (``hpo``), the label-style terms of ``data/adverse_effects.tsv`` that HPO lacks
("somnolence", "dry mouth", "injection site reaction"), and the project lexicon, which wins
where it knows the concept (``vocabulary``). On top of the vocabulary, patterns a
pharmacologist reads the same way (``matcher``, ``patterns``): a known effect with a
MedDRA-style qualifier ("rash macular", "edema peripheral"), a laboratory value that went up
or down ("ALT increased", "decreased appetite"), a site and a reaction ("injection site
pain"), words built like diagnoses ("-itis", "-penia", "-algia"), and the first cell of a
table row that gives frequencies ("Somnolence 22% 9%", ``lists``).

Words are matched after normalisation (lower case, US spelling, singular, ``words``), so
"Anaemias" matches "anemia"; the mention keeps the text as written.
"""

from graph_builder.adverse.find import find_adverse_effects, with_abbreviations
from graph_builder.adverse.hpo import (
    CACHE_DIR,
    HpoTerm,
    fetch_hpo,
    hpo_cache_path,
    hpo_terms,
    parse_hpo_obo,
)
from graph_builder.adverse.lists import LIST_LEAD, complete_list, list_items, table_row_term
from graph_builder.adverse.patterns import (
    ANIMAL,
    ANIMAL_STUDY,
    RISK_FACTOR_BEFORE,
    SEVERITY,
    STUDY_DESIGN,
    TABLE_ROW,
    animal_finding,
    changes_a_level,
    finding_follows,
    is_risk_factor,
    is_sign_to_watch,
    is_supposed,
    names_population,
    without_severity,
)
from graph_builder.adverse.vocabulary import (
    PATTERN_SOURCE,
    TERMS_PATH,
    AdverseVocabulary,
    VocabularyRow,
    entity_for,
    get_vocabulary,
    read_terms,
    too_generic,
)
from graph_builder.adverse.words import normalise_phrase, normalise_word, slugify, tokenize

__all__ = [
    "ANIMAL",
    "ANIMAL_STUDY",
    "CACHE_DIR",
    "LIST_LEAD",
    "PATTERN_SOURCE",
    "RISK_FACTOR_BEFORE",
    "SEVERITY",
    "STUDY_DESIGN",
    "TABLE_ROW",
    "TERMS_PATH",
    "AdverseVocabulary",
    "HpoTerm",
    "VocabularyRow",
    "animal_finding",
    "changes_a_level",
    "complete_list",
    "entity_for",
    "fetch_hpo",
    "find_adverse_effects",
    "finding_follows",
    "get_vocabulary",
    "hpo_cache_path",
    "hpo_terms",
    "is_risk_factor",
    "is_sign_to_watch",
    "is_supposed",
    "list_items",
    "names_population",
    "normalise_phrase",
    "normalise_word",
    "parse_hpo_obo",
    "read_terms",
    "slugify",
    "table_row_term",
    "tokenize",
    "too_generic",
    "with_abbreviations",
    "without_severity",
]
