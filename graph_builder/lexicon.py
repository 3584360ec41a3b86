"""Find mentions of known concepts in text: the curated lexicon and a drug-name package.

The lexicon (``data/lexicon.tsv``) names each concept once, with its synonyms (a
synonym starting ``re:`` is a regular expression) and its identifiers. Drug names that
the lexicon lacks come from the ``drug-named-entity-recognition`` package; the lexicon
wins where both match, so "alcohol" is ethanol, never benzyl alcohol.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from graph_builder.model import Entity, EntityType, Mention
from graph_builder.vocabulary import DATA_DIR

logger = logging.getLogger(__name__)

LEXICON_PATH = DATA_DIR / "lexicon.tsv"
_ACRONYM = re.compile(r"[A-Z]{2,}s?")  # "GAD", "RLS", "AEDs": matched case-sensitively


def _split(cell: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell; a ``|`` inside a regex's brackets stays."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in cell:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return tuple(part.strip() for part in parts if part.strip())


def read_lexicon(path: Path = LEXICON_PATH) -> dict[str, Entity]:
    """Read the lexicon table into entities keyed by their stable key."""
    entities: dict[str, Entity] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            key = row["key"]
            if key in entities:
                raise ValueError(f"{path}: duplicate key {key!r}")
            entities[key] = Entity(
                key=key,
                type=EntityType(row["type"]),
                label=row["label"],
                synonyms=_split(row["synonyms"]),
                identifiers=_split(row["identifiers"]),
                close_matches=_split(row["close_matches"]),
                source=row["source"],
            )
    return entities


_TOKEN = re.compile(r"\w+|[^\w\s-]")  # hyphens are dropped: "anti-convulsive" = "anti convulsive"


def tokenize(text: str) -> list[re.Match[str]]:
    """Split text into word and punctuation tokens, with their offsets."""
    return list(_TOKEN.finditer(text))


def _variants(synonym: str) -> Iterator[tuple[tuple[str, ...], bool]]:
    """Yield the token sequences a synonym matches, and whether case matters."""
    tokens = tuple(m.group() for m in tokenize(synonym))
    if not tokens:
        return
    if _ACRONYM.fullmatch(synonym):  # "GAD", "RLS", "AEDs": exactly as written
        yield tokens, True
        if not synonym.endswith("s"):
            yield (*tokens[:-1], tokens[-1] + "s"), True
        return
    lowered = tuple(t.lower() for t in tokens)
    yield lowered, False
    last = lowered[-1]
    if last[-1].isalpha() and not last.endswith("s"):
        yield (*lowered[:-1], last + "s"), False
        yield (*lowered[:-1], last + "es"), False


class _Trie:
    """Token sequences to entity keys; walks the longest match from a position."""

    def __init__(self) -> None:
        self.root: dict[str, object] = {}

    def add(self, tokens: tuple[str, ...], key: str) -> None:
        node = self.root
        for token in tokens:
            node = node.setdefault(token, {})  # type: ignore[assignment]
        node.setdefault("\0", key)  # the first entity to claim a phrase keeps it

    def longest(self, words: list[str], start: int) -> tuple[int, str] | None:
        node: dict[str, object] = self.root
        best = None
        for index in range(start, len(words)):
            child = node.get(words[index])
            if not isinstance(child, dict):
                break
            node = child
            if "\0" in node:
                best = (index + 1, str(node["\0"]))
        return best


class Lexicon:
    """Match the lexicon's synonyms in text, longest match first.

    Plain synonyms are matched token by token (case-insensitively, with simple plurals;
    acronyms exactly); synonyms written ``re:...`` are regular expressions.
    """

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self._folded = _Trie()
        self._exact = _Trie()
        patterns: list[str] = []
        self._pattern_keys: dict[str, str] = {}  # regex group name -> entity key
        plurals: list[tuple[tuple[str, ...], bool, str]] = []
        for key, entity in sorted(entities.items()):
            for synonym in (entity.label, *entity.synonyms):
                if synonym.startswith("re:"):
                    name = f"g{len(patterns)}"
                    self._pattern_keys[name] = key
                    patterns.append(f"(?P<{name}>{synonym[3:]})")
                    continue
                for index, (tokens, exact) in enumerate(_variants(synonym)):
                    if index == 0:
                        (self._exact if exact else self._folded).add(tokens, key)
                    else:
                        plurals.append((tokens, exact, key))
        # A plural the lexicon makes up ("hypnotic" -> "hypnotics") never takes a phrase
        # another entity lists as written (the "hypnotics" drug class).
        for tokens, exact, key in plurals:
            (self._exact if exact else self._folded).add(tokens, key)
        body = "|".join(patterns)
        self._regex = re.compile(rf"(?<![\w-])(?:{body})(?!\w)", re.IGNORECASE) if body else None

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Return the non-overlapping mentions in ``text``, longest first, in text order."""
        tokens = tokenize(text)
        exact_words = [t.group() for t in tokens]
        folded_words = [w.lower() for w in exact_words]
        found: list[Mention] = []
        for index in range(len(tokens)):
            for trie, words in ((self._folded, folded_words), (self._exact, exact_words)):
                hit = trie.longest(words, index)
                if hit is not None:
                    end_index, key = hit
                    start, end = tokens[index].start(), tokens[end_index - 1].end()
                    found.append(
                        Mention(text[start:end], offset + start, offset + end, self.entities[key])
                    )
        if self._regex is not None:
            for match in self._regex.finditer(text):
                if match.lastgroup is not None:
                    entity = self.entities[self._pattern_keys[match.lastgroup]]
                    found.append(
                        Mention(match.group(), offset + match.start(), offset + match.end(), entity)
                    )
        found = select_longest(found)
        return select_longest([*found, *self._elided(text, offset, found)])

    def _elided(self, text: str, offset: int, found: list[Mention]) -> list[Mention]:
        """Return the conditions named with the head noun of the next one left out.

        "hepatic or renal impairment" names hepatic impairment too, "cardiac, hepatic or
        renal disease" three diseases: each word before the "or" takes the last one's head.
        """
        elided: list[Mention] = []
        for mention in found:
            if mention.entity.type not in _ELIDABLE:
                continue
            words = [t.group().lower() for t in tokenize(mention.text)]
            lead = _ELIDED_LEAD.search(text, 0, mention.start - offset)
            if len(words) < 2 or lead is None:
                continue
            for word in re.finditer(r"[A-Za-z]+", lead.group("words")):
                hit = self._folded.longest([word.group().lower(), *words[1:]], 0)
                if hit is not None and hit[0] == len(words):
                    start = lead.start("words") + word.start()
                    entity = self.entities[hit[1]]
                    end = start + len(word.group())
                    elided.append(Mention(word.group(), offset + start, offset + end, entity))
        return elided


_ELIDABLE = frozenset({EntityType.CONDITION})
# The words before "or"/"and" that share the next phrase's head: "hepatic or ", "cardiac,
# hepatic, and ".
_ELIDED_LEAD = re.compile(
    r"(?<![\w-])(?P<words>[A-Za-z]+(?:\s*,\s*[A-Za-z]+)*)\s*,?\s+(?:and/or|or|and)\s+$"
)


def select_longest(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep leftmost-longest mentions that do not overlap, in text order.

    >>> from graph_builder.model import Entity, EntityType
    >>> e = Entity("x", EntityType.DRUG, "x")
    >>> [m.text for m in select_longest([Mention("a b", 0, 3, e), Mention("b c", 2, 5, e)])]
    ['a b']
    """
    chosen: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")
# A drug name heading a compound word or a possessive: "theophylline-related",
# "succinylcholine-induced", "ergotamine-containing", "captopril's" (four letters or more).
_COMPOUND_HEAD = re.compile(r"([A-Za-z]{4,})(?:-[A-Za-z]|'s?$)")


class DrugNameFinder:
    """Find drug names with the ``drug-named-entity-recognition`` package.

    The package links names to DrugBank and MeSH; only its DrugBank id is kept, because
    its MeSH id is often a pharmacological-action heading (clonazepam -> "GABA
    Modulators"), which would be a wrong identifier.
    """

    def __init__(self) -> None:
        from drug_named_entity_recognition import find_drugs

        self._find_drugs = find_drugs

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Return drug mentions in ``text`` as entities keyed by the drug's name."""
        words = list(_WORD.finditer(text))
        if not words:
            return []
        mentions = []
        for record, start_word, end_word in self._find_drugs([w.group() for w in words]):
            name = str(record.get("name", "")).strip()
            drugbank = record.get("drugbank_id")
            if not name or not drugbank:  # MeSH headings ("Analgesics, Opioid") are no drugs
                continue
            start, end = words[start_word].start(), words[end_word - 1].end()
            entity = get_drug_entity(name, _drugbank_id(record))
            mentions.append(Mention(text[start:end], offset + start, offset + end, entity))
        return [*mentions, *self._leading_names(words, mentions, offset)]

    def _leading_names(
        self, words: list[re.Match[str]], found: list[Mention], offset: int
    ) -> list[Mention]:
        """Find a drug named at the head of a compound word ("theophylline-related")."""
        mentions = []
        for word in words:
            head = _COMPOUND_HEAD.match(word.group())
            if head is None or any(
                m.start < offset + word.end() and offset + word.start() < m.end for m in found
            ):
                continue
            entity = self._single_name(head.group(1))
            if entity is not None:
                start = offset + word.start()
                mentions.append(Mention(head.group(1), start, start + len(head.group(1)), entity))
        return mentions

    def _single_name(self, word: str) -> Entity | None:
        """Return the drug one word names, or None."""
        for record, _, _ in self._find_drugs([word]):
            name = str(record.get("name", "")).strip()
            drugbank = record.get("drugbank_id")
            if name and drugbank:
                return get_drug_entity(name, _drugbank_id(record))
        return None


# An unnatural single enantiomer marketed on its own (dexverapamil, (2R)-propranolol); not
# "l-" or "d-", which name the natural form of amino acids and sugars (l-lysine, d-mannitol).
_STEREO_PREFIX = re.compile(r"^(?:dex|2[rs]-|\([rs+-]\)-)", re.I)


_RACEMATE_OF = re.compile(r"lev|levo|dex|dextro|es|ar|[slrd]-", re.I)


def _drugbank_id(record: dict[str, object]) -> str | None:
    """Return the record's DrugBank id, unless it is a single enantiomer's.

    The package files some racemic names under the enantiomer's record: "propranolol"
    under DB03322, whose own names ("2r-propranolol", "d-propranolol") come first, and
    "verapamil" under dexverapamil's. A wrong identifier is worse than none.

    >>> _drugbank_id({"name": "Propranolol", "drugbank_id": "DB03322",
    ...               "synonyms": ["2r-propranolol", "propranolol"]}) is None
    True
    >>> _drugbank_id({"name": "Levetiracetam", "drugbank_id": "DB11868",
    ...               "wikipedia_url": "https://en.wikipedia.org/wiki/Etiracetam"}) is None
    True
    >>> _drugbank_id({"name": "Sertraline", "drugbank_id": "DB01104",
    ...               "synonyms": ["sertraline", "zoloft"]})
    'DB01104'
    """
    synonyms = record.get("synonyms")
    first = str(synonyms[0]).lower() if isinstance(synonyms, list) and synonyms else ""
    name = str(record.get("name", "")).lower()
    prefix = _STEREO_PREFIX.match(first)
    if prefix and first[prefix.end() :].startswith(name[: max(4, len(name) - 2)]):
        return None
    # ... or the enantiomer's name on the racemate's record ("Levetiracetam" under etiracetam's
    # DB11868, its encyclopedia page "Etiracetam")
    page = str(record.get("wikipedia_url", "")).rsplit("/", 1)[-1].lower().replace("_", " ")
    if page and page != name and name.endswith(page) and _RACEMATE_OF.fullmatch(name[: -len(page)]):
        return None
    return str(record["drugbank_id"])


@cache
def get_drug_entity(name: str, drugbank_id: str | None) -> Entity:
    """Make the entity for a drug found by the drug-name package."""
    key = slugify(name)
    identifiers = (f"DRUGBANK:{drugbank_id}",) if drugbank_id else ()
    return Entity(
        key=key,
        type=EntityType.DRUG,
        label=name.lower(),
        identifiers=identifiers,
        source="drug-named-entity-recognition",
    )


def slugify(name: str) -> str:
    """Turn a name into a stable IRI-safe key: ``"Valproic Acid" -> "valproic-acid"``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unnamed"


@cache
def get_lexicon() -> Lexicon:
    """Return the project lexicon, read once."""
    return Lexicon(read_lexicon())


@cache
def get_drug_finder() -> DrugNameFinder:
    """Return the drug-name finder, loaded once (loading takes about two seconds)."""
    return DrugNameFinder()


def find_mentions(text: str, offset: int = 0, *, drug_names: bool = True) -> list[Mention]:
    """Find every concept mention in ``text``: lexicon first, then other drug names."""
    mentions = get_lexicon().find(text, offset)
    if drug_names:
        extra = [
            m
            for m in get_drug_finder().find(text, offset)
            if all(m.end <= c.start or m.start >= c.end for c in mentions)
            and m.entity.key not in get_lexicon().entities
        ]
        mentions = sorted([*mentions, *extra], key=lambda m: m.start)
    # "serotonin syndrome", "protein C deficiency": a condition, no drug ("digoxin toxicity"
    # is still digoxin's doing); "the reuptake of serotonin": the body's messenger, no drug
    kept = []
    for m in mentions:
        if m.entity.type is EntityType.DRUG:
            if _NAMES_A_CONDITION.match(text, m.end - offset):
                continue
            if _names_the_transmitter(text, m.start - offset, m.end - offset, m.entity.key):
                m = Mention(m.text, m.start, m.end, TRANSMITTERS[m.entity.key])
        kept.append(m)
    return kept


def _transmitter(name: str, *identifiers: str) -> Entity:
    return Entity(
        key=f"{name}-neurotransmitter",
        type=EntityType.NEUROTRANSMITTER,
        label=name,
        identifiers=identifiers,
        source="curated: ChEBI, MeSH; the body's messenger, named in a drug's mechanism",
    )


# The body's own messengers, which are drugs only as medicines given ("a dopamine infusion"):
# named in a mechanism ("blocks the reuptake of serotonin") they are neurotransmitters, keyed
# apart from the drug of the same name. Identifiers only where checked (a wrong one is worse
# than none).
TRANSMITTERS: dict[str, Entity] = {
    "serotonin": _transmitter("serotonin", "CHEBI:28790", "MESH:D012701"),
    "dopamine": _transmitter("dopamine", "CHEBI:18243", "MESH:D004298"),
    "norepinephrine": _transmitter("norepinephrine", "MESH:D009638"),
    "epinephrine": _transmitter("epinephrine", "MESH:D004837"),
    "acetylcholine": _transmitter("acetylcholine", "CHEBI:15355", "MESH:D000109"),
    "histamine": _transmitter("histamine", "MESH:D006632"),
}
_TRANSMITTER_NAME = (
    r"(?:dopamine|nor-?adrenaline|norepinephrine|serotonin|5-HT|adrenaline|epinephrine"
    r"|acetylcholine|histamine)"
)
# What the body does with its transmitter, said of a drug's mechanism: "dopamine reuptake",
# "noradrenaline and dopamine uptake", "the reuptake of serotonin and noradrenaline".
_TRANSMITTER_WORK = (
    r"(?:re-?)?uptake|release|transporters?|neurotransmission|signall?ing|turnover|synthesis"
    r"|depletion|transmission|receptors?|activity"
)
_BRACKETED = r"(?:\s*\([^()]{1,12}\))?"  # "serotonin (5-HT) reuptake"
_LIST_AFTER = re.compile(
    rf"{_BRACKETED}(?:\s*(?:,|and|or|/)\s*(?:and\s+|or\s+)?{_TRANSMITTER_NAME}{_BRACKETED})*"
    rf"\s*-?\s*(?:{_TRANSMITTER_WORK})\b"
    # "serotonin available in the brain", "dopamine levels in the synapse"
    r"|(?:\s+[\w-]+){0,3}?\s+(?:in|within|into)\s+the\s+(?:brain|synap\w*|synaptic cleft"
    r"|(?:central\s+)?nervous\s+system|nerve\s+endings?)\b",
    re.I,
)
_WORK_OF_BEFORE = re.compile(
    rf"\b(?:{_TRANSMITTER_WORK})\s+of\s+(?:the\s+)?(?:neurotransmitters?\s+|monoamines?\s+)?"
    rf"(?:{_TRANSMITTER_NAME}\s*(?:,|and|or|/)\s*(?:and\s+|or\s+)?)*$",
    re.I,
)


def _names_the_transmitter(text: str, start: int, end: int, key: str) -> bool:
    """Tell whether a transmitter's name at ``start:end`` means the body's messenger.

    >>> _names_the_transmitter("weak effects on dopamine reuptake", 16, 24, "dopamine")
    True
    >>> _names_the_transmitter("blocks the release of histamine", 22, 31, "histamine")
    True
    >>> _names_the_transmitter("a dopamine infusion", 2, 10, "dopamine")
    False
    """
    if key not in TRANSMITTERS:
        return False
    return bool(
        _LIST_AFTER.match(text, end) or _WORK_OF_BEFORE.search(text[max(0, start - 120) : start])
    )


_NAMES_A_CONDITION = re.compile(
    r"[\s-]+(?:syndrome|deficiency|deficient|use\s+disorder)\b",
    re.I,
)


# An abbreviation defined in the text: a drug name, then its short form in brackets
# ("methotrexate (MTX)"). Later, the short form alone names the same drug.
_DEFINITION = re.compile(r"\s*\(\s*([A-Za-z][A-Za-z0-9-]{1,9})\s*\)")
_ABBREVIATED = frozenset({EntityType.DRUG, EntityType.DRUG_CLASS})
# A reaction or a disease is abbreviated by its initials: "thrombotic thrombocytopenic purpura
# (TTP)", "obsessive-compulsive disorder (OCD)"; never "seizures (see WARNINGS)".
_BY_INITIALS = frozenset({EntityType.ADVERSE_EFFECT, EntityType.CONDITION})


def is_initialism(short: str, long: str) -> bool:
    """Tell whether ``short`` is the initials of the words of ``long``.

    >>> is_initialism("TTP", "Thrombotic thrombocytopenic purpura")
    True
    >>> is_initialism("OCD", "obsessive-compulsive disorder")
    True
    >>> is_initialism("WARNINGS", "seizures")
    False
    """
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z]+", long))
    return short.isupper() and short.rstrip("s") == initials.upper()


def find_abbreviations(text: str, mentions: Iterable[Mention]) -> dict[str, Entity]:
    """Read the definitions "drug name (SHORT)" of a document: short form -> its entity.

    A reaction or disease is defined by its initials only ("thrombotic thrombocytopenic
    purpura (TTP)").

    ``mentions`` carry offsets into ``text``; the first definition of a short form wins.
    """
    found: dict[str, Entity] = {}
    for mention in mentions:
        if mention.entity.type not in _ABBREVIATED | _BY_INITIALS:
            continue
        match = _DEFINITION.match(text, mention.end)
        if match is None:
            continue
        short = match.group(1)
        if mention.entity.type in _BY_INITIALS and not is_initialism(short, mention.text):
            continue
        if (
            any(c.isupper() for c in short)
            and short.lower() != mention.text.lower()
            and short not in found
        ):
            found[short] = mention.entity
    return found


def abbreviation_mentions(
    text: str, offset: int, abbreviations: dict[str, Entity], known: Iterable[Mention] = ()
) -> list[Mention]:
    """Find the defined short forms in ``text`` that no known mention covers.

    The short form inside its own definition's brackets is not a second mention.
    """
    if not abbreviations:
        return []
    shorts = "|".join(re.escape(s) for s in sorted(abbreviations, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{shorts})(?![\w-])")
    taken = [(m.start - offset, m.end - offset) for m in known]
    found = []
    for match in pattern.finditer(text):
        begin, end = match.span()
        if any(s < end and begin < e for s, e in taken):
            continue
        if re.search(r"\(\s*$", text[:begin]) and re.match(r"\s*\)", text[end:]):
            before = text[:begin].rstrip().removesuffix("(").rstrip()
            if any(e == len(before) for _, e in taken):
                continue  # "methotrexate (MTX)": the definition itself
        entity = abbreviations[match.group()]
        found.append(Mention(match.group(), offset + begin, offset + end, entity))
    return found


def named_mentions(
    text: str, offset: int, names: dict[str, Entity], known: Iterable[Mention] = ()
) -> list[Mention]:
    """Find the names a document gives a drug (``names``: name -> drug) that no mention covers.

    Case does not matter ("MOVEXA" in a heading, "Movexa" in the text); the longest name wins,
    over a known mention of the same drug inside it too ("Movexa XL" over "Movexa").

    >>> e = Entity("movexa", EntityType.DRUG, "Movexa")
    >>> [m.text for m in named_mentions("MOVEXA XL and Movexa differ.", 0,
    ...                                 {"Movexa": e, "Movexa XL": e})]
    ['MOVEXA XL', 'Movexa']
    """
    if not names:
        return []
    alternatives = "|".join(
        r"\s+".join(map(re.escape, name.split())) for name in sorted(names, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)
    by_lower = {" ".join(name.lower().split()): entity for name, entity in names.items()}
    found = []
    for match in pattern.finditer(text):
        begin, end = match.span()
        entity = by_lower[" ".join(match.group().lower().split())]
        if any(
            m.start - offset < end
            and begin < m.end - offset
            and not (begin <= m.start - offset and m.end - offset <= end and m.entity == entity)
            for m in known
        ):
            continue
        found.append(Mention(match.group(), offset + begin, offset + end, entity))
    return found
