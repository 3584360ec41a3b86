"""Plain text: headings are short lines before a blank line; items start with 1. or a bullet."""

from __future__ import annotations

import re

from graph_builder.ingest.blocks import Block

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>\d{1,2}[.)]|[•\-*·●▪◦‣])[ \t]+(?=\S)")


# A table row ("Somnolence 22% 9%"), an inline list ("Skin: rash, pruritus", "Cautions:
# asthma; glaucoma") or a monograph's labelled line ("Indications: schizophrenia") is no heading.
_NOT_HEADING = re.compile(
    r"\d\s*%|\d$|:\s*\S+,|:[^,:]*\S,|:[^:]*;|\bdisorders?\s*:\s*\S|\t|\s{3,}\S"
    r"|^(?:side[- ]effects|contra[- ]?indications|cautions|indications|uses|interactions)\s*:\s*\S",
    re.IGNORECASE,
)


# The name of a section of a label or monograph, alone on its line ("Contraindications").
_SECTION_NAME = re.compile(
    r"(?:side[- ]effects?|adverse (?:effects|reactions)|undesirable effects"
    r"|contra[- ]?indications?|(?:special )?warnings?(?: and precautions)?|precautions?|cautions"
    r"|indications?(?: and (?:usage|dos(?:e|es|age)))?"
    r"|uses|dosage(?: and administration)?|(?:drug )?interactions?|overdos(?:e|age)"
    r"|pregnancy(?: and (?:lactation|breast-?feeding))?)",
    re.IGNORECASE,
)
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\s+")  # "6.1 Clinical Trials Experience"
# A question a leaflet or a consumer page heads its sections with ("What is X used for?",
# "Can I drink alcohol with X?").
_QUESTION = re.compile(
    r"(?:What|How|Can|Could|Should|Is|Are|Who|When|Why|Do|Does|Will|Which|Where)\b[^.!?:;]*\?"
)


def _looks_like_heading(line: str, next_blank: bool, previous_blank: bool = False) -> bool:
    stripped = _SECTION_NUMBER.sub("", line.strip())
    # with text right under it: a heading in capitals ("SIDE EFFECTS") or a numbered one
    # ("5.1 Serotonin Syndrome") after a blank line
    standalone = next_blank or (
        previous_blank
        and (
            stripped.upper() == stripped
            or stripped != line.strip()
            or _SECTION_NAME.fullmatch(stripped) is not None
        )
        and sum(c.isalpha() for c in stripped) >= 4
    )
    if previous_blank and _QUESTION.fullmatch(stripped) and len(stripped.split()) <= 14:
        return True
    return (
        standalone
        and 0 < len(stripped) <= 80
        and stripped[0].isupper()
        and stripped[-1] not in ".:;,!?"
        and len(stripped.split()) <= 10
        and not _NOT_HEADING.search(stripped)
    )


# A band of frequency alone on its line ("Common or very common", "Frequency not known").
_BAND_LINE = re.compile(
    r"(?:very\s+)?(?:common|frequent|uncommon|infrequent|rare)"
    r"(?:\s+(?:or|and|to)\s+(?:very\s+)?(?:common|frequent|uncommon|rare))?"
    r"|(?:frequency\s+)?(?:not\s+known|unknown)",
    re.IGNORECASE,
)


def _named_section(line: str, previous: str) -> bool:
    """Tell whether a line names a section or a band with no blank line around it.

    A terse monograph runs "...twice daily." / "Side-effects" / "Common or very common" /
    "Constipation; nausea." together: the name alone on its line, after a sentence or another
    such name, heads what follows.
    """
    stripped = line.strip()
    named = _SECTION_NAME.fullmatch(stripped) or _BAND_LINE.fullmatch(stripped)
    before = previous.strip()
    return bool(named) and (
        not before
        or before[-1] in ".:;!?"
        or bool(_SECTION_NAME.fullmatch(before) or _BAND_LINE.fullmatch(before))
    )


# What a terse monograph puts under an indication: the route ("By mouth", "By intravenous
# infusion") alone on its line, or a population's dose ("Adult: Initially 300 mg ...").
_ROUTE_LINE = re.compile(
    r"(?:by|via)\s+[a-z][a-z -]{2,40}|(?:orally|intravenously|topically)", re.I
)
_POPULATION = (
    r"(?:adults?|child(?:ren)?|neonates?|newborns?|infants?|adolescents?|elderly|older\s+\w+"
    r"|patients|men|women)\b"
)
_POPULATION_LINE = re.compile(_POPULATION, re.I)
_POPULATION_DOSE = re.compile(_POPULATION + r"[^:]{0,40}:\s*\S", re.I)


def _indication_line(line: str, previous: str, following: str) -> bool:
    """Tell whether a verbless line names the indication that heads its dose lines.

    "Indications and dose" / "Neuropathic pain" / "By mouth" / "Adult: Initially 300 mg ...":
    the indication stands alone, after a section's name or a finished dose line, with a
    route or a population's dose right under it. A route ("By mouth") or a population
    ("Child 12-17 years") alone on its line heads nothing of its own.
    """
    stripped = line.strip()
    before = previous.strip()
    after = following.strip()
    return (
        0 < len(stripped) <= 60
        and stripped[0].isupper()
        and stripped[-1] not in ".:;,!?"
        and len(stripped.split()) <= 8
        and not _ROUTE_LINE.fullmatch(stripped)
        and not _POPULATION_LINE.match(stripped)
        and not _NOT_HEADING.search(stripped)
        and not _SECTION_NAME.fullmatch(stripped)
        and not _BAND_LINE.fullmatch(stripped)
        and (not before or before[-1] in ".:;!?)" or bool(_SECTION_NAME.fullmatch(before)))
        and bool(_ROUTE_LINE.fullmatch(after) or _POPULATION_DOSE.match(after))
    )


def _numbered_heading(lines: list[str], i: int, marker: str, rest: str) -> bool:
    """Tell whether a numbered line is a leaflet's section heading, not an item of a list.

    "4. Possible side effects" heads the text under it; "1. Take it with food" followed by
    "2. ..." is a list. A heading stands after a blank line, with no item right before or
    after it, no lead-in ending in ":" before it, and no number in its words (a dose).
    """
    if not marker[0].isdigit() or (i and lines[i - 1].strip()) or any(c.isdigit() for c in rest):
        return False
    # (indexes, not slices: a long numbered list would copy the document once per item)
    following = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    # a loose list's next item ("3. Skin rash" after "2. Feeling sick"; a contents list's
    # "2." before the first heading "1." goes on no list), a list's only item after its
    # lead-in ("The most common are:")
    previous = _ITEM.match(before)
    goes_on = previous is not None and previous.group("marker")[:-1] == str(int(marker[:-1]) - 1)
    return (
        not _ITEM.match(following)
        and not goes_on
        and not before.rstrip().endswith(":")
        and _looks_like_heading(rest, next_blank=True)
    )


def blocks_from_text(text: str) -> list[Block]:
    """Split plain text into blocks: headings, paragraphs and (nested) list items."""
    blocks: list[Block] = []
    lines = text.splitlines(keepends=True)
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    indents: list[int] = []
    for i, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        start = offsets[i] + len(line) - len(line.lstrip())
        end = offsets[i] + len(line.rstrip())
        previous = lines[i - 1].rstrip("\r\n") if i else ""
        if blocks[1:] and blocks[-1].kind != "heading" and _wraps(previous, line):
            # a paragraph or an item hard-wrapped onto this line goes on here
            last = blocks[-1]
            blocks[-1] = Block(last.kind, last.start, end, last.depth)
            continue
        cells = _pipe_cells(line)
        if cells and (
            cells == _pipe_cells(previous)
            or cells == _pipe_cells(lines[i + 1] if lines[i + 1 :] else "")
        ):
            # a table written with bars and no rule: its first line heads the rows below it
            blocks.append(Block("row", start, end, 1 if cells == _pipe_cells(previous) else 0))
            continue
        match = _ITEM.match(line)
        if match and _numbered_heading(lines, i, match.group("marker"), line[match.end() :]):
            blocks.append(Block("heading", start, end))
            continue
        if match:
            indent = len(match.group("indent").expandtabs(4))
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            blocks.append(Block("item", offsets[i] + match.end(), end, len(indents)))
            continue
        indents.clear()
        next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
        previous_blank = not previous.strip()
        following = lines[i + 1].rstrip("\r\n") if i + 1 < len(lines) else ""
        heading = (
            _looks_like_heading(line, next_blank, previous_blank)
            or _named_section(line, previous)
            or _indication_line(line, previous, following)
        )
        kind = "heading" if heading else "para"
        blocks.append(Block(kind, start, end))
    return blocks


_SENTENCE_END = re.compile(r"[.:;!?)]\s*$")
# a bar between two cells of a table written in plain text: "Dizziness | 28% | 8%"
_BAR = re.compile(r"(?<=\S)\s+\|\s+(?=\S)")  # lookarounds: "a | b | c" has two bars


def _pipe_cells(line: str) -> int:
    """Count the cells of a line written as a table row with bars, 0 for no such line.

    >>> _pipe_cells("Nausea | 12% | 3%"), _pipe_cells("| Nausea | 12% |"), _pipe_cells("a | b")
    (3, 2, 2)
    >>> _pipe_cells("Nausea | 5 | 3"), _pipe_cells("a | b | c")
    (3, 3)
    >>> _pipe_cells("Take it with food.")
    0
    """
    bars = len(_BAR.findall(line.strip().strip("|")))
    return bars + 1 if bars else 0


def _wraps(previous: str, line: str) -> bool:
    """Tell whether ``line`` goes on with the sentence of the long line before it.

    Text wrapped at a fixed width breaks sentences anywhere; a short line, a line ending a
    sentence, a table row and a new list item stand alone.

    >>> _wraps("Drugx may cause severe hepatotoxicity, which has been fatal in", "some cases.")
    True
    >>> _wraps("Common side effects", "nausea")
    False
    >>> _wraps("In volunteers the trough level of drugx dropped by nearly 30%", "within a week.")
    True
    >>> _wraps("Headache                                 12%        4%", "dizziness 8% 3%")
    False
    """
    return (
        len(previous.strip()) >= 40
        and _GOES_ON.match(line.lstrip()) is not None  # a capital may start a heading's text
        and not _SENTENCE_END.search(previous)
        and not _TABLE_ROW.search(previous)
        and not _TABLE_ROW.search(line)
        and not _ITEM.match(line)
    )


_GOES_ON = re.compile(r"[a-z(\d]")
# A table row has columns: two percentages ("Somnolence 22% 9%"), a tab or a wide gap; one
# percentage is a sentence's figure ("fell by about 25% after ten days").
_TABLE_ROW = re.compile(r"\d\s*%.*\d\s*%|\t|\S\s{3,}\S")
