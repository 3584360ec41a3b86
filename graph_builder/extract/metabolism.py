"""Reading which enzymes metabolise a drug: ``metabolised_by`` (``biolink:is_substrate_of``).

"Zolpidem is cleared largely by CYP3A4 and to a lesser extent by CYP2C9": zolpidem is a
substrate of CYP3A4 (``dkg:extent`` major) and of CYP2C9 (minor). The cues are data (``CUES``), each
with examples and counter-examples a test reads. A drug that inhibits or induces an enzyme is
no substrate of it ("ketoconazole inhibits CYP3A4"); drugs named as a kind ("drugs metabolised
by CYP3A4") are nobody's. The subject is the drug named before the cue, else the topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph_builder.extract.base import PARTNERS, ReaderBase
from graph_builder.extract.context import is_negated
from graph_builder.lexicon import read_lexicon
from graph_builder.model import Claim, EntityType, Mention, Sentence

RELATION = "metabolised_by"

# The drug-metabolising cytochromes: the lexicon's targets keyed "cyp..." (data/lexicon.tsv).
ENZYMES = frozenset(
    key
    for key, entity in read_lexicon().items()
    if entity.type is EntityType.TARGET and key.startswith("cyp")
)


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that make the enzyme named right after them one that metabolises the drug."""

    name: str
    pattern: re.Pattern[str]
    examples: tuple[tuple[str, str, str | None], ...]  # sentence, enzyme label, extent
    counterexamples: tuple[str, ...] = ()
    names_its_drug: bool = False  # "the metabolism of X by": X, or no drug at all


# The words that may stand between a cue and the enzyme: "by the hepatic CYP3A4",
# "through the cytochrome P450 isoenzyme".
_TO_ENZYME = (
    r"(?:the\s+|hepatic\s+|liver\s+|isoenzymes?\s+|isozymes?\s+|enzymes?\s+|cytochromes?\s+)*"
)
_ADVERBS = (
    r"(?:[a-z]+ly\s+|almost\s+|nearly\s+|also\s+|at\s+least\s+|in\s+part\s+"
    r"|to\s+a\s+(?:lesser|minor|small|large)\s+extent\s+)"
)

CUES: tuple[Cue, ...] = (
    Cue(
        "metabolised-by",
        re.compile(
            r"\b(?:metaboli[sz]ed|biotransformed|oxidi[sz]ed|hydroxylated|(?:[NO]-)?demethylated"
            rf"|cleared|eliminated)\s+{_ADVERBS}*(?:in\s+the\s+liver\s+)?{_ADVERBS}*"
            # "metabolised to norfentanyl by": the metabolite it is turned into
            r"(?:to\s+(?:its\s+|an?\s+)?[\w-]+(?:\s+metabolites?)?\s+)?"
            rf"(?:by|via|through)\s+{_TO_ENZYME}$",
            re.I,
        ),
        examples=(
            ("Tramadol is metabolised mainly by CYP2D6.", "cytochrome P450 2D6", "major"),
            ("Sildenafil is cleared predominantly by CYP3A4.", "cytochrome P450 3A4", "major"),
            ("It is metabolized in the liver by CYP2C9.", "cytochrome P450 2C9", None),
            ("Ondansetron is partly metabolised via CYP1A2.", "cytochrome P450 1A2", "minor"),
            ("Fentanyl is metabolised to norfentanyl by CYP3A4.", "cytochrome P450 3A4", None),
            (
                "Quetiapine is metabolised to its major metabolite by CYP3A4.",
                "cytochrome P450 3A4",
                None,
            ),
            # "at least in part" sets a floor, no share: no extent
            ("Caffeine is metabolised at least in part by CYP1A2.", "cytochrome P450 1A2", None),
            (
                "Lurasidone is an atypical antipsychotic which is metabolised by CYP3A4.",
                "cytochrome P450 3A4",
                None,
            ),
            (
                "Midazolam is hydroxylated almost exclusively by cytochrome P450 3A4.",
                "cytochrome P450 3A4",
                "major",
            ),
        ),
        counterexamples=(
            "Ketoconazole inhibits CYP3A4.",
            "Drugs metabolised by CYP3A4 may reach higher levels.",
            "It raises levels of other drugs that are known to be metabolised by CYP2C9.",
            "It raises levels of medicinal products that are metabolised through CYP3A4.",
            "Levels of midazolam and other benzodiazepines metabolised by CYP3A4 rise.",
            "Its levels change with compounds that induce, inhibit, or are metabolised by CYP3A4.",
            "Rifampicin induces CYP3A4, lowering levels of medicines cleared by it.",
        ),
    ),
    Cue(
        "substrate-of",
        re.compile(
            rf"\bsubstrate\s+(?:of|for)\s+{_TO_ENZYME}$",
            re.I,
        ),
        examples=(
            ("Metoprolol is a substrate of CYP2D6.", "cytochrome P450 2D6", None),
            ("It is a sensitive substrate for CYP3A4.", "cytochrome P450 3A4", None),
            ("Substrate of CYP2C19 (minor).", "cytochrome P450 2C19", "minor"),
            (
                "Quetiapine is a substrate of the hepatic enzyme CYP3A4.",
                "cytochrome P450 3A4",
                None,
            ),
        ),
        counterexamples=(
            "Avoid other substrates of CYP2D6.",
            "Fluoxetine is a potent inhibitor of CYP2D6.",
        ),
    ),
    Cue(
        "metabolism-via",
        re.compile(
            r"(?:\b(?:undergoes|undergo|its|their)\s+(?:[\w-]+\s+){0,2}?|'s\s+(?:[\w-]+\s+)?)"
            r"metabolism\s+(?:is\s+|occurs\s+)?(?:mainly\s+|mostly\s+|largely\s+|partly\s+)?"
            rf"(?:mediated\s+|catalysed\s+|catalyzed\s+)?(?:by|via|through)\s+{_TO_ENZYME}$",
            re.I,
        ),
        examples=(
            ("Celecoxib undergoes hepatic metabolism via CYP2C9.", "cytochrome P450 2C9", None),
            ("Its metabolism is mediated by CYP2B6.", "cytochrome P450 2B6", None),
        ),
        counterexamples=("Grapefruit juice slows metabolism by CYP3A4 in the gut wall.",),
    ),
    Cue(
        "metabolism-of",
        re.compile(
            r"\bmetabolism\s+of\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is\s+)?(?:\w+ly\s+)?"
            rf"(?:mediated\s+)?(?:by|via|through)\s+{_TO_ENZYME}$",
            re.I,
        ),
        examples=(
            (
                "Clarithromycin slows the metabolism of simvastatin by CYP3A4.",
                "cytochrome P450 3A4",
                None,
            ),
        ),
        counterexamples=("It slows the metabolism of other drugs by CYP3A4.",),
        names_its_drug=True,
    ),
    Cue(
        "pathway-is",
        re.compile(
            r"\b(?:main|major|principal|primary|predominant|minor)\s+(?:metabolic\s+)?"
            r"(?:pathway|route)\b[^.;:]{0,40}?\b(?:is|involves)\s+(?:via\s+|through\s+)?"
            rf"{_TO_ENZYME}$",
            re.I,
        ),
        examples=(
            (
                "For omeprazole the major metabolic pathway is CYP2C19.",
                "cytochrome P450 2C19",
                "major",
            ),
            ("Its minor route of metabolism is CYP3A4.", "cytochrome P450 3A4", "minor"),
        ),
        counterexamples=("The main pathway is renal excretion, not CYP3A4.",),
    ),
)

# What makes an enzyme a large or a small part of the drug's metabolism.
EXTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "minor",
        re.compile(
            # "at least in part": a floor, no share ("at least in part by CYP1A2")
            r"\b(?<!\bat\sleast\s)(?:in\s+part|partly|partially|to\s+a\s+(?:lesser|minor|small)\s+(?:extent|degree)"
            r"|minor|lesser)\b",
            re.I,
        ),
    ),
    (
        "major",
        re.compile(
            r"\b(?:mainly|primarily|predominantly|principally|largely|chiefly|mostly"
            r"|(?:almost\s+)?exclusively|main|major|principal|primary|predominant"
            r"|to\s+a\s+(?:large|major|great)\s+(?:extent|degree))\b",
            re.I,
        ),
    ),
)

# Drugs named as a kind before the cue: "drugs metabolised by", "medicines that are substrates".
_KIND_OF_DRUG = re.compile(
    r"\b(?:drugs?|medicines?|medications?|agents?|substances?|compounds?|products?|those"
    r"|others?|ones)\s+(?:(?:that|which|are|is|being|known|to|be|also|an?|sensitive|\w+ly)\s+)*$",
    re.I,
)
# A class the drug is said to be of ("Lurasidone is an atypical antipsychotic which is
# metabolised by", "X, an azole antifungal, is metabolised by"): the drug's own, no other actor.
_OWN_CLASS = re.compile(
    r"(?:,\s*(?:an?|the)|\b(?:is|as)\s+(?:an?|the))\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:that|which)\b", re.I)
# An extent in brackets after the enzyme: "Substrate of CYP2D6 (minor)".
_EXTENT_AFTER = re.compile(r"\s*\(\s*(major|minor)\s*\)", re.I)
# The words that join a listed enzyme to the one before: "CYP3A4 and in part by CYP2D6",
# "CYP2C9, CYP2C19 and CYP3A4"; its own adverbs give its own extent.
_JOINED = re.compile(
    r"^\s*(?:,|/|and|or|as\s+well\s+as|,\s*and|,\s*or)\s+(?:also\s+)?"
    rf"(?:{_ADVERBS}|also\s+|(?:to\s+)?some\s+extent\s+)*(?:(?:by|via|through)\s+)?{_TO_ENZYME}$",
    re.I,
)
_PLAIN_JOIN = re.compile(r"^\s*(?:,|/|and|or|,\s*and|,\s*or)\s*$", re.I)
_CLAUSE_BREAK = re.compile(r"[;:,()]")
# a metabolite's rank is no extent of the enzyme's part: "to its major metabolite by CYP3A4"
_NAMED_METABOLITE = re.compile(
    r"\b(?:main|major|minor|primary|principal|predominant)\s+(?:active\s+|inactive\s+)?"
    r"metabolites?\b",
    re.I,
)
# how far before the cue an adverb still qualifies it ("mainly metabolised by")
_EXTENT_BEFORE = 25


class MetabolismReading(ReaderBase):
    """The enzymes a sentence says metabolise a drug."""

    def substrate_claims(self) -> Iterator[Claim]:
        """Yield a ``metabolised_by`` claim for each enzyme the sentence says clears a drug."""
        enzymes = enzyme_mentions(self.mentions)
        previous: tuple[Mention, str | None, Cue, int] | None = None
        for enzyme in enzymes:
            at = self.rel(enzyme)
            found = self._cued(at, previous)
            if found is None:
                previous = None
                continue
            cue, cue_at, extent = found
            subject = self._substrate(cue, cue_at, at)
            previous = (enzyme, extent, cue, cue_at)
            if subject is None:
                continue
            negated = is_negated(self.text, at) or is_negated(self.text, cue_at)
            bracketed = _EXTENT_AFTER.match(self.text, at + len(enzyme.text))
            if bracketed:
                extent = bracketed.group(1).lower()
            qualifiers = (("extent", extent),) if extent else ()
            yield Claim(
                RELATION,
                subject,
                self.sentence,
                cue.name,
                obj=enzyme,
                hedge=self.hedge_for(enzyme),
                negated=negated,
                qualifiers=(*qualifiers, *self.qualifiers(RELATION, enzyme)),
                subject_inferred_from_topic=subject is self.subject and self.inferred,
            )

    def _cued(
        self, at: int, previous: tuple[Mention, str | None, Cue, int] | None
    ) -> tuple[Cue, int, str | None] | None:
        """Return the cue an enzyme at ``at`` follows, where it starts and the extent given."""
        before = self.text[:at]
        for cue in CUES:
            match = cue.pattern.search(before)
            if match is not None:
                start = max(0, match.start() - _EXTENT_BEFORE)
                window = _CLAUSE_BREAK.split(self.text[start:at])[-1]
                window = _NAMED_METABOLITE.sub(" ", window)  # "to its major metabolite"
                return cue, match.start(), extent_of(window)
        if previous is None:
            return None
        last, last_extent, cue, cue_at = previous
        gap = self.text[self.rel(last) + len(last.text) : at]
        if not _JOINED.match(gap):
            return None
        own = extent_of(gap)
        if own is None and _PLAIN_JOIN.match(gap):
            own = last_extent  # "mainly by CYP3A4 and CYP3A5": the two together
        return cue, cue_at, own

    def _substrate(self, cue: Cue, cue_at: int, enzyme_at: int) -> Mention | None:
        """Return the drug metabolised: one named in the cue, the last before it, or the topic.

        "the metabolism of midazolam by CYP3A4" names its drug inside; "drugs metabolised by
        CYP3A4" names a kind of drug, nobody's.
        """
        inside = [m for m in self._drugs() if cue_at <= self.rel(m) < enzyme_at]
        if inside:
            return inside[-1]
        if cue.names_its_drug or _KIND_OF_DRUG.search(self.text, 0, cue_at):
            return None
        before = [m for m in self.mentions if m.entity.type in PARTNERS and self.rel(m) < cue_at]
        if self._of_something_else(before, cue_at):
            return None
        for last in reversed(before):
            if last.entity.type is EntityType.DRUG:
                return self.subject if last.entity.key == self.topic.entity.key else last
            if not _OWN_CLASS.search(self.text, 0, self.rel(last)):
                return None  # "other benzodiazepines cleared by CYP3A4": the class's, no drug's
        return self.subject

    def _of_something_else(self, before: list[Mention], cue_at: int) -> bool:
        """Tell whether the cue sits in a relative clause about no named drug.

        "compounds that induce, inhibit, or are metabolised by CYP3A4": the clause is about
        the compounds; "tolbutamide, which is metabolised by CYP2C9" is about tolbutamide.
        """
        start = self.rel(before[-1]) + len(before[-1].text) if before else 0
        relatives = list(_RELATIVE.finditer(self.text, start, cue_at))
        if not relatives:
            return False
        antecedent = self.text[start : relatives[-1].start()].strip(" ,")
        return bool(antecedent)

    def _drugs(self) -> list[Mention]:
        """Return the drugs the sentence names."""
        return [m for m in self.mentions if m.entity.type is EntityType.DRUG]


def metabolism_claims(
    sentence: Sentence,
    topic: Mention,
    mentions: list[Mention],
    kinds: frozenset[str] | None = None,
    heading_pair: tuple[Mention, Mention | None] | None = None,
) -> Iterator[Claim]:
    """Yield the ``metabolised_by`` claims of a sentence that names a metabolising enzyme."""
    if enzyme_mentions(mentions):
        yield from MetabolismReading(
            sentence, topic, mentions, kinds, heading_pair
        ).substrate_claims()


def enzyme_mentions(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions of drug-metabolising enzymes, in text order."""
    return [m for m in mentions if is_metabolising_enzyme(m)]


def is_metabolising_enzyme(mention: Mention) -> bool:
    """Tell whether a mention names a drug-metabolising enzyme (CYP3A4, CYP2D6 ...)."""
    return mention.entity.type is EntityType.TARGET and mention.entity.key in ENZYMES


def extent_of(text: str) -> str | None:
    """Return how large a part of the metabolism the words give the enzyme, if they say.

    >>> extent_of("is metabolised mainly by ")
    'major'
    >>> extent_of(" and to a lesser extent by ")
    'minor'
    >>> extent_of("is metabolised by ") is None
    True
    """
    for extent, pattern in EXTENTS:
        if pattern.search(text):
            return extent
    return None
