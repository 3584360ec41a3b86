"""Reactions in table rows and lists, however unknown the words ("Somnolence 22% 9%")."""

from __future__ import annotations

import re
from functools import cache

from graph_builder.adverse.patterns import NOT_A_REACTION_ROW, TABLE_ROW
from graph_builder.adverse.vocabulary import entity_for, get_vocabulary
from graph_builder.adverse.words import normalise_phrase
from graph_builder.lexicon import find_mentions
from graph_builder.model import EntityType, Mention

# A grouping of reactions by organ class ("Eye disorders", "Metabolism and nutrition
# disorders"), no reaction; "sleep disorders", "autoimmune disorders" are reactions.
_GROUPING = re.compile(
    r"\b(?:cardiac|vascular|eye|ear|gastrointestinal|psychiatric|system|skin|tissue|blood"
    r"|lymphatic|hepatobiliary|renal|urinary|respiratory|mediastinal|musculoskeletal|breast"
    r"|endocrine|metabolism|nutrition|general|congenital|pregnancy|reproductive|hepatic"
    r"|cutaneous|subcutaneous|hematologic|labyrinth|thoracic|investigations?|site|metabolic"
    r"|nutritional|tract|pancreatic|bone|vision|neuromuscular|junctional|genetic)\s+disorders\s*$"
    r"|\band\b.*\bdisorders?\b",
    re.I,
)


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


# What separates the items of a coordinated list: "A, B, and C", "A; B or C", "A/B"; in
# table cells run together, a gap and the grouping cell in it ("A    Eye Disorders:    B").
_CELL_GAP = (
    r"(?<!\s)\s{2,}(?:[^\s:,]+,? ){0,7}(?:disorders?|conditions|infestations|investigations|system"
    r"|complications|procedures|general|cardiovascular|digestive|respiratory|musculoskeletal"
    r"|psychiatric|urogenital|metabolic|nutritional|skin) ?:\s*"
)
_ITEM_SEPARATOR = re.compile(
    r"\s*(?:[,;]\s*(?:and/or\b|and\b|or\b)?|\band/or\b|\band\b|\bor\b|/|\s-\s)\s*|" + _CELL_GAP,
    re.I,
)
# What ends the lead-in of a list's first item ("... have included A, B and C").
_ITEM_LEAD = re.compile(
    r"^.*\b(?:include[sd]?|including|such as|e\.g\.,?|i\.e\.,?|like|were|was|are|of"
    r"|reported|observed|disorders"
    # the verb of causing ends its subject: "X causes A, B and C" lists A, not "X causes A"
    r"|causes|caused|produces|produced)\s+|^.*:\s*",
    re.I,
)
# What ends the last item ("... and C were reported", "C (5%)", "C [see ...]").
_ITEM_TAIL = re.compile(
    r"\s*(?:\(|\[|\b(?:were|was|have|has|had|is|are|may|can|occur|occurs|occurred|occurring|in|at|that"
    r"|which|during|after|with|among|led|leading|resulting|requiring)\b|[.:]\s*$).*$",
    re.I,
)
_CAUSE_VERB = re.compile(r"\s*(?:may|can|could|will)\s+\w+", re.I)
_GROUPING_LEAD = re.compile(
    r"^[^:]{0,100}\b(?:disorders?|conditions|infestations|investigations|system|complications"
    r"|procedures)\s*[:-]\s*",
    re.I,
)
# A frequency by itself ("Infrequent", "Rare") heads a group of items and is none.
_FREQUENCY = re.compile(r"(?:very\s+|in)?(?:frequent|rare|common|uncommon)\Z", re.I)
_ITEM_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*\Z")
# A contrast that opens a segment starts a clause of its own, and is no part of the item after
# it: in "..., but constipation is common" the item is "constipation".
_CONTRAST = re.compile(r"(?:but|whereas|while|although|though|however|yet)\b,?\s*", re.I)


def _item_span(text: str, a: int, b: int, *, first: bool = False) -> tuple[int, int] | None:
    """Return the span of the reaction named by one list segment, or None if it names none.

    The segment loses the words that lead into the list ("... have included") and those
    that follow its reaction ("(5%)", "were reported").
    """
    segment = text[a:b]
    lead = _ITEM_LEAD.match(segment)
    if lead:
        a, segment = a + lead.end(), segment[lead.end() :]
    contrast = _CONTRAST.match(segment.lstrip())
    if contrast:
        skip = len(segment) - len(segment.lstrip()) + contrast.end()
        a, segment = a + skip, segment[skip:]
    tail = _ITEM_TAIL.search(segment)
    if tail:
        if first and _CAUSE_VERB.match(segment, tail.start()):  # "Using X may cause A, B"
            return None  # the subject of the sentence, no item
        segment = segment[: tail.start()]
    stripped = segment.strip(" \t*\u2020\u2021\u00a7\"'")
    if not stripped:
        return None
    words = stripped.split()
    if not 1 <= len(words) <= 4 or _NOT_AN_ITEM.search(stripped) or _FREQUENCY.match(stripped):
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


# A bracket's own commas separate no items of the list around it: "A (0.7%, 3.9%), B".
_BRACKETED = re.compile(r"\([^()a-zA-Z]*\d[^()a-zA-Z]*\)")


def _blank_inside(match: re.Match[str]) -> str:
    """Blank out what a bracket holds, keeping its length and the brackets themselves."""
    return "(" + " " * (len(match.group()) - 2) + ")"


def complete_list(text: str, offset: int, found: list[Mention]) -> list[Mention]:
    """Add the unknown items of a list of reactions whose other items are known.

    In "stomatitis, glossodynia, gingival pain and dysgeusia" the vocabulary may lack
    "glossodynia"; a list whose items are mostly known reactions names reactions only.

    >>> from graph_builder.adverse.matcher import _Matcher
    >>> vocab = get_vocabulary()
    >>> t = "Reactions included nausea, vomiting, glossodynia, and rash."
    >>> [m.text for m in complete_list(t, 0, _Matcher(t, 0, vocab).mentions())]
    ['nausea', 'vomiting', 'glossodynia', 'rash']
    """
    grouping = _GROUPING_LEAD.match(text)  # "Respiratory, thoracic and mediastinal disorders:"
    bounds = [grouping.end() if grouping else 0]
    masked = _BRACKETED.sub(_blank_inside, text)  # "A (0.7%, 3.9%), B (1.4%, 2.9%) and C"
    for sep in _ITEM_SEPARATOR.finditer(masked, bounds[0]):
        bounds += [sep.start(), sep.end()]
    bounds.append(len(text))
    segments = list(zip(bounds[::2], bounds[1::2], strict=True))
    if len(segments) < 3:
        return found
    spans = [_item_span(text, a, b, first=k == 0) for k, (a, b) in enumerate(segments)]
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
            words = normalise_phrase(surface)
            if words in vocabulary.kind("modifier") or words in vocabulary.kind("change"):
                continue  # "skin", "renal": a site, no reaction; "increased" alone: no value
            if _names_a_drug(surface):
                continue  # "start X at the lowest dose, and monitor for A and B": advice
            added.append(Mention(surface, offset + a, offset + b, entity_for(surface, vocabulary)))
    if not added:
        return found
    kept = [m for m in found if not any(n.start <= m.start and m.end <= n.end for n in added)]
    return sorted([*kept, *added], key=lambda m: m.start)


@cache
def _change_words() -> frozenset[tuple[str, ...]]:
    """Return the vocabulary's words for a change of a value or for a measured value."""
    vocabulary = get_vocabulary()
    return frozenset(vocabulary.kind("change") | vocabulary.kind("measurement"))


def _names_a_drug(surface: str) -> bool:
    """Tell whether an unknown list item is an instruction about a drug, no reaction.

    "initiate gabapentin", "withhold it": a drug's name with words that say no change of a
    value ("blood alkaline phosphatase increased" names the enzyme, a laboratory finding).

    >>> _names_a_drug("initiate gabapentin"), _names_a_drug("glossodynia")
    (True, False)
    """
    changes = _change_words()
    for mention in find_mentions(surface):
        if mention.entity.type is not EntityType.DRUG:
            continue
        rest = surface[: mention.start] + " " + surface[mention.end :]
        if not any((word,) in changes for word in normalise_phrase(rest)):
            return True
    return False


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
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\band/or\b)\s*|" + _CELL_GAP, re.I)
_NOT_AN_ITEM = re.compile(
    r"\d|\b(?:the|a|an|of patients|patients|which|that|were|was|is|are|be|been|have|has|with"
    r"|than|more|most|common|following|reported|see|in|at|for|other|these|this|those|who"
    r"|during|after|treatment|placebo|study|studies|trial|respectively|e\.g|including"
    r"|described|below|above|mild|moderate|severe|serious|such|as|any|all|each|both|it|its"
    r"|some|frequency|precautions?|warnings?|monitor\w*|recommended|outcomes?|size|risk|use"
    r"|doses?|therapy|drugs?|information|data|number|rate|incidence|cause|consider|advise"
    r"|discontinu\w*|followed|by|not|no|unknown|cases?|deaths?|hospitali[sz]ation|signs"
    r"|symptoms|causality|regardless|contact|fda|treated|grading|version|when|used|similar"
    r"|(?<!-)related|duration|(?<!-)age|documented|occur\w*|resulted|especially|sometimes|chemically"
    r"|according|from|to|if|you|less|greater|also|normal|mean|baseline|derived|suspected"
    r"|develops?|either|neither|limited|measure\w*|presents|presenting|\A[a-z]\Z"
    r"|seen|noted|observed|experienced|found|identified|recorded|described"
    r"|period|phase|stage|course"  # "immediate recovery period after infarction"
    # advice, no reaction: "don't stop suddenly", "never double up"
    r"|\w+n['\u2019]t|suddenly|abruptly|stop(?:ping)?|never|caution|care"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)(?:-\w+)?)\b",
    re.I,
)


# What stands before an item of a list but names no reaction: a grouping cell or word
# ("Cardiac Disorders    bradycardia", "Cardiac: angina") or a frequency ("Infrequent - anemia").
_ITEM_GROUPING = re.compile(
    r"^(?:.*\S\s{2,}|[^:]*:\s*|\s*(?:very |in)?(?:frequent|rare|common|uncommon)\s*[-\u2013:])+",
    re.I,
)


_ITEM_VERB = re.compile(r"\s*(?:include[sd]?|including|such as)\s+", re.I)


def list_items(text: str) -> list[tuple[int, int]]:
    """Return the spans of the items of a list of reactions, however unknown the words.

    >>> t = "Psychiatric Disorders: agitation, panic attack, personality change."
    >>> [t[a:b] for a, b in list_items(t)]
    ['agitation', 'panic attack', 'personality change']
    >>> t = "Eye Disorders: Frequent - conjunctivitis; Rare - diplopia"
    >>> [t[a:b] for a, b in list_items(t)]
    ['conjunctivitis', 'diplopia']
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
        verb = _ITEM_VERB.match(item)  # "... were hypersensitivity reactions and included A"
        if verb:
            cursor, item = cursor + verb.end(), item[verb.end() :]
        group = _ITEM_GROUPING.match(item)  # "Cardiac: angina", "Infrequent - anemia"
        if group:
            cursor, item = cursor + group.end(), item[group.end() :]
        stripped = item.strip(" \t:*-\u2013")
        if stripped:
            a = cursor + item.index(stripped)
            words = stripped.split()
            if 1 <= len(words) <= 4 and not _NOT_AN_ITEM.search(stripped) and stripped[0].isalpha():
                spans.append((a, a + len(stripped)))
        if sep is None:
            break
        cursor = sep.end()
    return spans
