"""Where a sentence sits and how it speaks: section kinds, hedges, negation, topic drug."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from graph_builder import rules as R
from graph_builder.adverse import find_adverse_effects
from graph_builder.lexicon import find_mentions, slugify
from graph_builder.model import Document, Entity, EntityType, Mention, Sentence
from graph_builder.product_names import NEW_DRUG_SOURCE, brand_line_names, read_product_title

logger = logging.getLogger(__name__)


def section_kinds(sentence: Sentence) -> frozenset[str]:
    """Classify a sentence's section from its innermost heading that says what it is."""
    for heading in reversed(sentence.heading_texts):
        kinds = frozenset(kind for kind, cue in R.SECTION_CUES.items() if cue.search(heading))
        if kinds:
            return kinds
    return frozenset()


def find_hedges(text: str) -> str | None:
    """Return the hedging words of a sentence or clause ("rarely; may"), or None."""
    return _join(_hedge_phrases(text))


def _hedge_phrases(text: str) -> list[str]:
    seen: list[str] = []
    for match in R.HEDGE.finditer(text):
        phrase = match.group().strip()
        if phrase.lower() not in (s.lower() for s in seen):
            seen.append(phrase)
    return seen


def _join(phrases: list[str]) -> str | None:
    return "; ".join(phrases) or None


# "Severe Allergic Reactions: Rarely, ...": an item's label names what its first clause says.
_ITEM_LABEL = re.compile(r"^[^:;.]{1,80}:\s+")


def clauses(text: str) -> list[tuple[int, int]]:
    """Split a sentence into the spans of its clauses, as a hedge's scope.

    An item's label ("Dizziness: ...") belongs to the clause after it; a clause that opens
    the sentence ("Although not first-line, it helps") runs on into its main clause.

    >>> t = "It helps, although it is generally given briefly."
    >>> [t[a:b] for a, b in clauses(t)]
    ['It helps, ', 'although it is generally given briefly.']
    """
    label = _ITEM_LABEL.match(text)
    body = label.end() if label else 0
    breaks = [*R.HEDGE_CLAUSE_BREAK.finditer(text, body), *_NEW_CLAUSE.finditer(text, body)]
    cuts = {
        m.start()
        for m in breaks
        if text[body : m.start()].strip(" ,")
        and not _adds_an_object(text, m.start())
        and not _ends_subject_list(text, body, m)
    }
    bounds = [0, *sorted(cuts), len(text)]
    return [(a, b) for a, b in pairwise(bounds) if a < b]


# "may cause rash and often headaches", "nausea and, rarely, seizures": after "and"/"or" a
# frequency word opens one more object of the same verb when a finding follows it
# (``_adds_an_object``), not a second verb.
_CONJUNCT_FREQUENCY = re.compile(
    rf",?\s*\b(?:and|or)\s*,?\s*(?:very\s+)?(?P<word>{R.FREQUENCY})\s*,?\s+",
    re.I,
)
# ", and patients often report headaches", "and it often causes headaches": a subject and a
# hedged verb of its own make a new clause ("less often", "more often" compare, no subject);
# without a comma only a subject pronoun does, so "rash and dizziness often occur" stays whole.
_NEW_CLAUSE = re.compile(
    rf",\s*and\s+(?=(?:(?!(?:less|more|very|most|and|or)\b)[\w-]+\s+){{1,3}}?"
    rf"{R.FREQUENCY}\s+[a-z]+\b)"
    rf"|\b(?:and|or)\s+(?=(?:it|they|he|she|we|this|these)\s+(?:{R.FREQUENCY}\s+)?[a-z]+\b)",
    re.I,
)
# "Drowsiness, dizziness, and fatigue may occur": ", and" ends a list of subjects (two or more
# short items, no verb among them), no clause.
_LIST_WORD = r"(?!(?:is|are|was|were|has|have|can|may|might|could|will|should|must)\b)[\w'/-]+"
_LIST_ITEM = rf"{_LIST_WORD}(?:\s+{_LIST_WORD}){{0,3}}"
_SUBJECT_LIST = re.compile(rf"\s*(?:{_LIST_ITEM}\s*,\s*)+{_LIST_ITEM}\s*", re.I)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:and\s+)?(?:it|they|he|she|we|this|these)\b", re.I)
_PHRASE_END = re.compile(r"[,;:.()]|\b(?:and|or)\b")
_RELATIVE_CUT = re.compile(r",\s*which", re.I)
_FREQUENCY_WORD = re.compile(rf"\b{R.FREQUENCY}\b", re.I)


def _ends_subject_list(text: str, body: int, cut: re.Match[str]) -> bool:
    """Tell whether ", and" at ``cut`` ends a list of subjects ("A, B, and C may occur").

    ", which" opens a relative clause, never the verb of a list: in "It causes A, B and C,
    which may impair driving" the "may" is the clause's own.
    """
    if not cut.group().startswith(",") or _PRONOUN_SUBJECT.match(text, cut.end()):
        return False
    if _RELATIVE_CUT.fullmatch(cut.group()):
        return False
    return _SUBJECT_LIST.fullmatch(text, body, cut.start()) is not None


def _adds_an_object(text: str, at: int) -> bool:
    """Tell whether "and"/"or" at ``at`` adds an object with its frequency ("and often rash")."""
    conjunct = _CONJUNCT_FREQUENCY.match(text, at)
    if conjunct is None:
        # ", and patients often report X" is a clause; ", and often rash" is no subject
        return False
    return _names_a_finding(text, conjunct.end())


@lru_cache(maxsize=4096)  # asked again for each object of the sentence
def _names_a_finding(text: str, at: int) -> bool:
    """Tell whether a known reaction or condition is named right at ``at`` ("headaches")."""
    end = _PHRASE_END.search(text, at)
    phrase = text[at : end.start() if end else len(text)]
    found = [*find_mentions(phrase, 0), *find_adverse_effects(phrase)]
    return any(m.start == 0 for m in found)


def scoped_hedges(text: str, positions: list[int]) -> str | None:
    """Return the hedges of the clauses at ``positions`` (where a claim's object is named).

    A claim the sentence states plainly in one clause is not hedged by another: "Alcohol may
    cause sedation, and therefore it is strictly contraindicated to drink alcohol" states the
    interaction without doubt. With no position (an object from a heading, none at all), the
    whole sentence is the scope.

    >>> t = "It eases anxiety, although it is usually given briefly."
    >>> scoped_hedges(t, [t.index("anxiety")]) is None
    True
    >>> t = "Rarely, patients may get a rash."
    >>> scoped_hedges(t, [t.index("rash")])
    'Rarely; may'
    """
    if not positions:
        return find_hedges(text)
    label = _ITEM_LABEL.match(text)
    if label and any(p >= label.end() for p in positions):  # the body says it, not the label
        positions = [p for p in positions if p >= label.end()]
    spans = clauses(text)
    found: list[str] = []
    for position in positions:
        start, end = next(((a, b) for a, b in spans if a <= position < b), (0, len(text)))
        phrases = _hedge_phrases(_own_conjunct(text, start, end, position))
        phrases.extend(p for p in _conceded(text, spans, start) if p not in phrases)
        partial = R.PARTIAL_DETERMINER.search(text[max(0, position - 40) : position])
        if partial:  # "certain types of seizures": only part of what the object names
            phrases.append(partial.group().strip())
        if not phrases:
            return None
        found.extend(p for p in phrases if p.lower() not in (f.lower() for f in found))
    return _join(found)


def _own_conjunct(text: str, start: int, end: int, position: int) -> str:
    """Return the clause with the frequency words of other conjuncts than ``position``'s blanked.

    In "it often causes drowsiness and rarely seizures" drowsiness is often, seizures rare:
    a conjunct's own frequency word replaces the clause's, and qualifies nothing else.
    """
    chars = list(text[start:end])
    own: tuple[int, int] | None = None
    others: list[tuple[int, int]] = []
    for conjunct in _CONJUNCT_FREQUENCY.finditer(text, start, end):
        if not _names_a_finding(text, conjunct.end()):
            continue
        stop = _PHRASE_END.search(text, conjunct.end(), end)
        word = conjunct.span("word")
        if conjunct.start() <= position < (stop.start() if stop else end):
            own = word
        else:
            others.append(word)
    if own is not None:
        others = [m.span() for m in _FREQUENCY_WORD.finditer(text, start, end) if m.span() != own]
    for a, b in others:
        chars[a - start : b - start] = " " * (b - a)
    return "".join(chars)


def _conceded(text: str, spans: list[tuple[int, int]], start: int) -> list[str]:
    """Return the claim's own limits said in a concession to the clause at ``start``."""
    # "It treats X, although it is not first-line": "not first-line" limits treating X; a
    # concession in another part of the sentence (after a ";") limits nothing here
    if R.CONCESSIVE_CLAUSE.match(text[start:]):
        return []
    part = text.rfind(";", 0, start + 1) + 1, _find(text, ";", start + 1)
    return [
        match.group().strip()
        for a, b in spans
        if part[0] <= a < part[1] and a != start and R.CONCESSIVE_CLAUSE.match(text[a:b])
        for match in R.CLAIM_HEDGE.finditer(text, a, b)
        if not _OWN_OBJECT.match(text, match.end())  # "but is not first-line for insomnia"
    ]


# A limit that names what it limits ("not first-line for insomnia") limits that, not the claim.
_OWN_OBJECT = re.compile(r"\s+(?:for|in|as)\s+\w", re.I)


def _find(text: str, char: str, start: int) -> int:
    at = text.find(char, start)
    return len(text) if at < 0 else at


# A "not" that concedes or limits negates nothing: "though not only in the elderly, occurs
# with", "including but not limited to", "most, if not all,", "not uncommon"; "Red No. 40" is a
# name. ("not necessarily", "not always" limit a claim without affirming it: still negations.)
_CONCESSION = re.compile(
    r"\b(?:(?:is|are|was|were|be)\s+)?not\s+(?:exclusively|solely|only"
    r"|limited to|restricted to|(?:un|in)(?:common|usual|frequent)(?:ly)?|rare(?:ly)?"
    r"|(?:the\s+|a\s+)?first[- ]line)\b"
    r"|(?:(?<=\balthough )|(?<=\bthough )|(?<=\bwhile )|(?<=\balbeit ))"
    r"not\s+(?:always|necessarily)\b"
    r"|(?<=\bif )not\b|\bno\.\s*\d",
    re.I,
)
# "in no patients on placebo and in 4 patients on the drug", "no placebo recipients and 4.2%
# of treated ones": a count starts a new conjunct; a dose ("at 1 and 2 mg/kg") does not.
_COUNTED_CONJUNCT = re.compile(
    r"\band\s+(?:in\s+)?\d+(?:\.\d+)?(?!\.?\d)(?!\s*(?:mg|mcg|µg|micrograms?|g|kg|mL|ml|L|units?"
    r"|IU|mmol|mEq|times|hours?|days?|weeks?|months?|years?)\b)",
    re.I,
)


def _clause_start(text: str, position: int) -> int:
    """Return where the clause holding ``position`` starts, for the reach of a negation."""
    # (the whole text is searched: a break may look ahead past ``position``)
    starts = [m.end() for m in R.CLAUSE_BREAK.finditer(text) if m.end() <= position]
    return starts[-1] if starts else 0


def is_negated(text: str, position: int) -> bool:
    """Tell whether a negation governs the words at ``position`` (relative to ``text``)."""
    clause_start = _clause_start(text, position)
    for match in R.NEGATION.finditer(text, clause_start, position):
        at = match.start()
        if R.NOT_NEGATION.match(text, at) or _CONCESSION.match(text, at):
            continue
        if not _COUNTED_CONJUNCT.search(text, match.end(), position):
            return True
    return _denied_after(text, position, clause_start)


def _denied_after(text: str, position: int, clause_start: int = 0) -> bool:
    """Tell whether the words at ``position`` are the subject of a denial after them.

    >>> _denied_after("Weight gain has not been observed.", 0)
    True
    >>> _denied_after("Drowsiness is common, but weight gain has not been observed.", 0)
    False
    >>> _denied_after("A rash that has not been reported before may occur.", 2)
    False
    >>> _denied_after("It causes nausea, and hepatotoxicity has not been reported.", 10)
    False
    >>> _denied_after("Seizures were not reported in children.", 0)
    False
    """
    denial = _denial_after(text, position, clause_start)
    return denial is not None and R.DENIED_FOR_A_GROUP.match(text, denial.end()) is None


def denied_for_a_group(text: str, position: int) -> str | None:
    """Return the group a denial after the words at ``position`` holds for, if it is one.

    "Seizures were not reported in children" denies seizures in children only: no finding in
    everyone, and no finding of seizures either.

    >>> denied_for_a_group("Seizures were not reported in children.", 0)
    'children'
    >>> denied_for_a_group("Seizures were not reported.", 0) is None
    True
    """
    denial = _denial_after(text, position, _clause_start(text, position))
    group = R.DENIED_FOR_A_GROUP.match(text, denial.end()) if denial else None
    if group is None or _BUT_IN_OTHERS.match(text, group.end()):
        return None  # "... in children but occurs in adults": stated, for the others
    if _COMPARED.match(text, group.end()) or _DIFFERENCE_IN.search(text, 0, position):
        return None  # "differences in X were not seen in the elderly": a comparison
    return group.group("group")


_BUT_IN_OTHERS = re.compile(r"\s*,?\s*(?:but|whereas|while|although|though|however)\b", re.I)
_COMPARED = re.compile(r"\s*,?\s*(?:compared|than|relative|versus|vs\b)", re.I)
_DIFFERENCE_IN = re.compile(r"\bdifferen\w+\s+(?:in|between)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _denial_after(text: str, position: int, clause_start: int) -> re.Match[str] | None:
    """Return the denial after ``position`` whose subject the words there are, if any."""
    clause_break = R.CLAUSE_BREAK.search(text, position)
    end = clause_break.start() if clause_break else len(text)
    denial = R.DENIED_AFTER.search(text, position, end)
    if denial is None:
        return None
    between = text[position : denial.start()]
    if R.CLAUSE_VERB.search(between) or R.RELATIVE_CLAUSE.search(between):
        return None
    # a new subject between ("it causes nausea, and hepatotoxicity has not ...") only when the
    # finding is the object of a verb before it; "Hepatotoxicity and the elevation of liver
    # enzymes have not been observed" is one subject of one denial
    before = text[clause_start:position]
    is_object = any(cue.search(before) for cue in (R.CLAUSE_VERB, R.SIDE_EFFECT_CUE, R.TREATS_CUE))
    if is_object and R.DENIED_AFTER_GAP.search(between):
        return None
    return denial


def find_topic(document: Document) -> Mention | None:
    """Find the drug a document is about: the first drug its title names.

    A title naming a product the lexicon does not know ("Movexa (dulorexine) capsules"),
    whose name the text uses again, names a new drug: the document is about it, never about
    a drug its text happens to name (one warning line says so). Else the drug the first
    sentences name most is the topic.
    """
    title_at = document.text.find(document.title)
    offset = max(title_at, 0)
    for mention in find_mentions(document.title, offset):
        if mention.entity.type is EntityType.DRUG:
            return mention if title_at >= 0 else replace(mention, start=-1, end=-1)
    new = unknown_product_topic(document)
    if new is not None:
        names = " / ".join((new.entity.label, *new.entity.synonyms))
        logger.warning(
            "%s: the title names a drug the lexicon does not know (%s); taken as the"
            " document's drug, with no identifiers",
            document.source,
            names,
        )
        return new
    counts: dict[str, tuple[int, Mention]] = {}
    for sentence in document.sentences[:20]:
        for mention in find_mentions(sentence.text, sentence.start):
            if mention.entity.type is EntityType.DRUG:
                count, first = counts.get(mention.entity.key, (0, mention))
                counts[mention.entity.key] = (count + 1, first)
    if not counts:
        return None
    return max(counts.values(), key=lambda item: item[0])[1]


# "5.3 Infections": a numbered heading sits in section 5 ("5 Warnings and Precautions").
_HEADING_NUMBER = re.compile(r"^\s*(\d{1,2})\.\d+(?:\.\d+)*\.?\s+\S|^\s*(\d{1,2})\.?\s+[A-Za-z]")
# A grouping of reactions by organ ("General Disorders and Administration Site Conditions")
# names no kind of section, whatever words it contains.
_ORGAN_GROUPING = re.compile(r"\bdisorders?\b|\binfestations\b|\bsite conditions\b", re.I)


class SectionKinds:
    """Say which kind of section each sentence of a document is in, heading by heading.

    Plain text gives no heading levels, so a heading's kind comes from its own words, else
    from the heading above it, else from its number ("5.3" sits in "5"), else from the
    last top-level heading that named a kind. A sub-heading's words ("Renal Impairment",
    "Administration Site Conditions") never move a numbered subsection out of its section.
    """

    def __init__(self) -> None:
        self.last: frozenset[str] = frozenset()
        self.numbered: dict[str, frozenset[str]] = {}
        self.named_by_top: set[str] = set()  # section numbers whose own heading named a kind
        self.last_numbered = False

    def of(self, sentence: Sentence) -> frozenset[str]:
        """Return the kinds of the section a sentence sits in."""
        if not sentence.headings:
            return frozenset()
        return self._kinds(sentence.heading_texts)

    def heading(self, text: str) -> None:
        """Take note of a heading with no sentence of its own.

        In a label "5 WARNINGS AND PRECAUTIONS" is followed at once by "5.1 ...": its
        subsections are warnings, not the dosage of the section before it.
        """
        self._kinds((text,))

    def _kinds(self, headings: tuple[str, ...]) -> frozenset[str]:
        """Return the kinds named by headings, outermost first, and remember what they set."""
        kinds: frozenset[str] | None = None
        for depth, heading in enumerate(headings):
            own = heading_kinds(heading)
            number = _HEADING_NUMBER.match(heading)
            if number and number.group(1):  # "5.3 Infections"
                parent = self.numbered.get(number.group(1))
                if parent is None:
                    parent = own or (kinds if kinds is not None else self.last - _OWN_SECTION_ONLY)
                    self.numbered[number.group(1)] = parent
                elif number.group(1) not in self.named_by_top:
                    # a sibling's list of uses or contraindications is no kind of the section:
                    # "4.3 Contraindications" after "4.1 Therapeutic indications" (an SmPC);
                    # a subsection naming such a list is one, for each of its sentences
                    parent = (
                        own
                        if own & _SUBSECTION_ONLY
                        else (parent - _SUBSECTION_ONLY) or own or parent
                    )
                kinds = parent
            elif number and number.group(2) and own:  # "5 WARNINGS AND PRECAUTIONS"
                self.numbered[number.group(2)] = kinds = own
                self.named_by_top.add(number.group(2))
            elif number and number.group(2) and heading.isupper():
                # "8 USE IN SPECIFIC POPULATIONS": a new section, of no kind (a footnote of a
                # table, "1 Includes hypokalemia", stays in its section)
                self.numbered[number.group(2)] = kinds = frozenset()
                self.last, self.last_numbered = kinds, True
            elif own:
                kinds = own
            elif kinds is None:
                kinds = self._inherited(heading, numbered=number is not None)
            if depth == 0 and kinds and (own or number):  # an inherited kind changes nothing
                self.last, self.last_numbered = kinds, number is not None
        return kinds or frozenset()

    def _inherited(self, heading: str, *, numbered: bool) -> frozenset[str]:
        """Return the kinds a heading naming none takes from the section before it.

        An unnumbered sub-heading sits in the section before it (headings with no text of
        their own are seen too: "WARNINGS" before "Tardive Dyskinesia"); a numbered line that
        is no heading of a section keeps no list of its own. "Abstract" after a review's title
        ("... drug interactions: a review") starts the article's own text: no kind of the
        title's words carries on into it.
        """
        if _ARTICLE_PART.fullmatch(heading):
            self.last = frozenset()
            return self.last
        return self.last - _OWN_SECTION_ONLY if numbered else self.last


# The parts of an article, which name no kind of section and inherit none.
_ARTICLE_PART = re.compile(
    r"\W*(?:abstract|summary|introduction|background|methods?|discussion"
    r"|conclusions?)\W*",
    re.I,
)
# A contraindications section's kind never carries over to a numbered heading of another
# section: in a label "5.1 Hepatotoxicity" follows "4 CONTRAINDICATIONS" when "5 WARNINGS"
# has no text. An unnumbered sub-heading ("Glaucoma") stays in its contraindications section.
_OWN_SECTION_ONLY = frozenset({"contraindication", "overdose"})
# Kinds of one numbered subsection that its siblings do not share.
_SUBSECTION_ONLY = frozenset({"indication", "contraindication"})


def heading_kinds(heading: str) -> frozenset[str]:
    """Return the kinds of section a heading's own words name."""
    if _ORGAN_GROUPING.search(heading):
        return frozenset()
    kinds = frozenset(kind for kind, cue in R.SECTION_CUES.items() if cue.search(heading))
    # "Risk of accidental overdose" under warnings, "Abuse, dependence and overdose": the
    # other kind rules
    return kinds - {"overdose"} if len(kinds) > 1 else kinds


GENERIC_TITLE = re.compile(
    r"(?:abstract|summary|introduction|background|overview|label|labeling|monograph"
    r"|prescribing information|highlights|full prescribing information|package insert"
    r"|drug interactions|adverse reactions|warnings|precautions|contents|untitled)",
    re.IGNORECASE,
)


def title_topic(document: Document) -> Mention | None:
    """Take a title that is just a name ("ACME", "Zyxo XR") as the drug, known or not."""
    title = document.title.strip()
    at = document.text.find(title)
    if at < 0 or not re.fullmatch(r"[A-Z][\w-]*(?: [\w-]+){0,2}", title):
        return None
    if GENERIC_TITLE.fullmatch(title):  # "Abstract", "Prescribing Information": no drug
        return None
    entity = Entity(key=slugify(title), type=EntityType.DRUG, label=title, source="title")
    return Mention(title, at, at + len(title), entity)


_DOSE_FORM_WORD = re.compile(
    r"tablets?|capsules?|solution|suspension|injection|cream|ointment|syrup|drops|leaflet"
    r"|information|medicines?|drugs?|treatment|patients?",
    re.I,
)


def unknown_product_topic(document: Document) -> Mention | None:
    """Take the product an unknown title names as the document's drug, if its text names it.

    "Movexa (dulorexine) capsules" with "Movexa may cause nausea." below: the drug Movexa,
    also called dulorexine. A title whose words the lexicon knows in any way ("Depression"),
    a generic title ("Abstract") or a name the text never uses again names no new drug.
    """
    product = read_product_title(document.title)
    if product is None:
        return None
    head = product.brand.split()[0]
    generic = product.generic
    if _no_new_name(product.brand) or (generic and _no_new_name(generic)):
        return None  # a known concept, or a known generic the title names in brackets
    title_at = document.text.find(document.title)
    body = document.text[title_at + len(document.title) :] if title_at >= 0 else document.text
    names = [head, *([generic] if generic else [])]
    if not any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", body, re.I) for n in names):
        return None
    entity = Entity(
        key=slugify(product.brand),
        type=EntityType.DRUG,
        label=product.brand,
        synonyms=(generic,) if generic else (),
        source=NEW_DRUG_SOURCE,
    )
    at = document.title.lower().find(head.lower())
    if title_at < 0:
        return Mention(document.title[at : at + len(head)], -1, -1, entity)
    start = title_at + at
    return Mention(document.text[start : start + len(head)], start, start + len(head), entity)


def _no_new_name(name: str) -> bool:
    """Tell whether ``name`` is a generic title's, a dose form's or a known concept's."""
    head = name.split()[0]
    return bool(
        GENERIC_TITLE.fullmatch(head)
        or _DOSE_FORM_WORD.fullmatch(head)
        or find_mentions(name)
        or find_adverse_effects(name)
    )


def document_names(document: Document, topic: Mention | None) -> dict[str, Entity]:
    """Return the names a document gives its drug beyond the lexicon's: name -> the drug.

    A new drug's own names (its title's brand and generic name); the brands a product title
    or heading prints beside the known generic ("Movexa 20 mg tablets (dulorexine)"); and the
    brands a "Brand names: A, B" line lists. A name the lexicon knows as something else is
    left to the lexicon.
    """
    if topic is None or topic.entity.type is not EntityType.DRUG:
        return {}
    entity = topic.entity
    names: dict[str, Entity] = {}
    if entity.source == NEW_DRUG_SOURCE:
        names.update(dict.fromkeys((entity.label, *entity.synonyms), entity))
    headings = [document.title, *(s.heading for s in document.sections[:8])]
    for heading in headings:
        # a product as sold, "Movexa 20 mg tablets (dulorexine)"; never "Overdose (X toxicity)"
        product = read_product_title(heading.strip()) if heading else None
        if product is None or product.generic is None or not product.as_sold:
            continue
        if _no_new_name(product.brand):
            continue
        if any(m.entity.key == entity.key for m in find_mentions(product.generic)):
            names.setdefault(product.brand, entity)
    for sentence in document.sentences:
        for brand in brand_line_names(sentence.text):
            known = find_mentions(brand)
            if all(m.entity.key == entity.key for m in known):
                names.setdefault(brand, entity)
    return names


# Who a sentence is about when it names another drug, not the document's, as its subject.
# The words that may stand before that drug: a run-in label ("RESULTS:"), "the", a route or
# form ("Rectal diazepam", "Oral valproate"); none of a clause ("If", "When", "With").
_SUBJECT_LEAD = re.compile(
    r"\s*(?:[A-Z][A-Za-z ]{0,30}:\s+)?(?:(?:the|oral|intravenous|intramuscular|rectal|buccal"
    r"|intranasal|sublingual|topical|transdermal|inhaled|parenteral|high-dose|low-dose)\s+){0,2}",
    re.I,
)
# What follows the subject: a bracketed name or an apposition, then its verb ("Phenytoin
# (Dilantin) is", "Flumazenil, a GABA-A antagonist, can"); a noun after the name ("Phenytoin
# levels rise") makes the drug no subject.
_SUBJECT_VERB = re.compile(
    r"(?:\s*\([^()]{1,60}\))?(?:\s*,\s*(?:an?|the)\s[^,;:.()]{1,60},)?\s+"
    r"(?:(?:also|itself|alone|therefore|generally|usually|often|then)\s+)?"
    r"(?:is|are|was|were|has|have|had|can|cannot|may|might|could|should|must|will|would"
    r"|does|do|did|causes?|produces?|reverses?|blocks?|inhibits?|induces?|enhances?"
    r"|reduces?|increases?|decreases?|lowers?|raises?|crosses?|acts?|works?|treats?"
    r"|prevents?|enters?|binds?|remains?)\b",
    re.I,
)


def sentence_subject(
    text: str, offset: int, mentions: list[Mention], topic: Mention
) -> Mention | None:
    """Return the other drug a sentence that never names the topic has as its subject.

    In a review of lorazepam, "Phenytoin is contraindicated in heart block" is about
    phenytoin; a sentence naming no drug, one the topic is named in, and one opening with a
    class ("Benzodiazepines such as X can cause ...") keep the topic.

    >>> from graph_builder.lexicon import find_mentions
    >>> def who(text: str, topic: str = "Lorazepam") -> str | None:
    ...     found = sentence_subject(text, 0, find_mentions(text), find_mentions(topic)[0])
    ...     return found.entity.key if found else None
    >>> who("Phenytoin is contraindicated in heart block.")
    'phenytoin'
    >>> who("Oral valproate, an antiepileptic, should be avoided in children.")
    'valproic-acid'
    >>> who("Phenytoin levels may rise.") is None
    True
    >>> who("If phenytoin is given, monitor the ECG.") is None
    True
    >>> who("Diazepam acts faster than lorazepam.") is None
    True
    """
    if any(m.entity.key == topic.entity.key for m in mentions):
        return None
    first = next((m for m in mentions if m.entity.type in _ACTORS), None)
    if first is None or first.entity.type is not EntityType.DRUG:
        return None
    at = first.start - offset
    lead = _SUBJECT_LEAD.match(text)
    if lead is None or lead.end() != at:
        return None
    return first if _SUBJECT_VERB.match(text, at + len(first.text)) else None


_ACTORS = frozenset({EntityType.DRUG, EntityType.DRUG_CLASS})
# "the sedative effect of midazolam", "effects of oral midazolam": the drug whose effect it is
_EFFECT_OF = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?(?:(?:oral|intravenous|intramuscular|rectal|buccal)\s+)?",
    re.I,
)
# "midazolam's sedative effect"
_POSSESSIVE = re.compile(r"['’]s\s+$")


def effect_possessor(
    text: str, offset: int, mentions: list[Mention], obj: Mention
) -> Mention | None:
    """Return the drug an effect is said to belong to ("the sedative effect of midazolam").

    Whoever the sentence is about, "Drinking alcohol adds to the sedative effect of
    alprazolam" says that alprazolam is sedative, and says it without doubt whatever the
    verb's hedge.

    >>> from graph_builder.lexicon import find_mentions
    >>> t = "Alcohol increases the sedative effect of alprazolam."
    >>> found = find_mentions(t)
    >>> effect = next(m for m in found if m.text == "sedative effect")
    >>> effect_possessor(t, 0, found, effect).entity.key
    'alprazolam'
    >>> t = "Alcohol increases the sedative effect."
    >>> found = find_mentions(t)
    >>> effect_possessor(t, 0, found, found[-1]) is None
    True
    """
    end = obj.end - offset
    after = _EFFECT_OF.match(text, end)
    before = text[: obj.start - offset]
    for mention in mentions:
        if mention.entity.type is not EntityType.DRUG:
            continue
        at = mention.start - offset
        if after is not None and at == after.end():
            return mention
        possessive = _POSSESSIVE.search(before)
        if possessive is not None and at + len(mention.text) == possessive.start():
            return mention
    return None


# A title that names a study of two drugs given together: "Effect of A on the
# pharmacokinetics of B", "Interaction between A and B", "A-B interaction".
_COMBINATION_TITLE = re.compile(
    r"\b(?:effects?|influence|impact)\s+of\s+(?P<a>.+?)\s+on\s+(?P<b>.+)"
    r"|\binteractions?\s+(?:between|of)\s+(?P<c>.+?)\s+(?:and|with)\s+(?P<d>.+)"
    r"|(?P<e>.+?)\s*(?:-|–|\band\b|\bwith\b)\s*(?P<f>.+?)\s+(?:drug\s+)?interactions?\b"
    r"|\bco-?administration\s+of\s+(?P<g>.+?)\s+(?:and|with)\s+(?P<h>.+)",
    re.I,
)


def studies_a_combination(title: str) -> bool:
    """Tell whether a title names a study of two drugs given together.

    Then what the study's subjects experienced, in a sentence naming no drug, is the
    combination's doing, no effect of the title's first drug alone.

    >>> studies_a_combination("Effect of rifampicin on the pharmacokinetics of oral zolpidem")
    True
    >>> studies_a_combination("Interaction between warfarin and aspirin in the elderly")
    True
    >>> studies_a_combination("Effect of rifampicin on liver enzymes")
    False
    >>> studies_a_combination("Zolpidem tartrate tablets")
    False
    """
    match = _COMBINATION_TITLE.search(title)
    if match is None:
        return False
    parts = [p for p in match.groups() if p]
    drugs = [
        {m.entity.key for m in find_mentions(p) if m.entity.type is EntityType.DRUG} for p in parts
    ]
    return len(drugs) == 2 and bool(drugs[0]) and bool(drugs[1]) and drugs[0] != drugs[1]


# "Cimetidine may increase the sedative effect", "Alcohol can enhance drowsiness": a drug that
# changes an effect named after it, whose it is unsaid, changes the document's drug's.
_CHANGE_VERB = re.compile(
    r"\b(?:increas|enhanc|potentiat|augment|intensif|prolong|reduc|decreas|diminish|weaken"
    r"|lessen|attenuat|antagoni[sz]|revers|counteract|block)\w*",
    re.I,
)
_NEW_PREDICATE = re.compile(
    r";|\bbut\b|\bwhereas\b|\bwhile\b|\band\s+(?:\w+\s+)?(?:is|are|was|were|may|can|should|must"
    r"|will|could|might)\b",
    re.I,
)


def changed_by_subject(text: str, subject_end: int, at: int) -> bool:
    """Tell whether the subject ending at ``subject_end`` changes what is named at ``at``.

    >>> t = "Cimetidine may increase the sedative effect."
    >>> changed_by_subject(t, 10, t.index("sedative"))
    True
    >>> t = "Flumazenil can reverse sedation but may precipitate seizures."
    >>> changed_by_subject(t, 10, t.index("seizures"))
    False
    """
    verbs = list(_CHANGE_VERB.finditer(text, subject_end, at))
    return bool(verbs) and _NEW_PREDICATE.search(text, verbs[-1].end(), at) is None
