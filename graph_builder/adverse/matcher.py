"""Find adverse-effect phrases in text: vocabulary, modifiers, qualifiers, lab changes."""

from __future__ import annotations

import re
from collections.abc import Container
from itertools import pairwise

from graph_builder.adverse.patterns import ADJECTIVE, DISORDER_WORD, NOT_NARROWING
from graph_builder.adverse.vocabulary import PATTERN_SOURCE, AdverseVocabulary, entity_for
from graph_builder.adverse.words import _JOINER, _Token, tokenize
from graph_builder.model import Entity, Mention

# "elevations in serum ALT", "prolongation of the QT interval": words between change and value.
_LINK_WORDS = frozenset({"in", "of", "the", "serum", "plasma", "blood", "total"})
# What a measured value is called after its name: "uric acid levels", "QTc interval".
_MEASURED = frozenset(
    (w,) for w in ("level", "value", "activity", "interval", "concentration", "count", "test")
)

# The words that may follow a changed value in running text ("... and AST were seen").
_AFTER_A_VALUE = frozenset(
    {"and", "or", "have", "has", "had", "were", "was", "are", "is", "may", "can", "in", "with"}
    | {"during", "at", "on", "from", "than", "which", "that", "been", "occurred", "occur"}
    | {"reported", "observed", "seen", "noted"}
)
_NOT_A_KIND = frozenset({"fatal", "serious", "severe", "acute", "life"})
# Prefixes that narrow a reaction only when a hyphen joins them: "intra-abdominal".
_PREFIXES = frozenset({"intra", "post", "peri"})


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
        self._words = tuple(t.word for t in self.tokens)
        # _breaks[k]: how many gaps before token k join no phrase (tokens i..j are one phrase
        # when no such gap lies between them)
        self._breaks = [0]
        for left, right in pairwise(self.tokens):
            self._breaks.append(self._breaks[-1] + (not _joined(text, left, right)))
        self.modifiers = vocabulary.kind("modifier")
        self.qualifiers = vocabulary.kind("qualifier")
        self.measurements = vocabulary.kind("measurement")
        self.changes = vocabulary.kind("change")
        self.heads = vocabulary.kind("head")
        self.courses = vocabulary.kind("course")
        self.sites = vocabulary.kind("site")

    def words(self, i: int, j: int) -> tuple[str, ...] | None:
        """Normalised words of tokens i..j-1 when they form one phrase, else None."""
        if j > len(self.tokens) or i >= j or self._breaks[j - 1] != self._breaks[i]:
            return None
        return self._words[i:j]

    def longest(
        self,
        i: int,
        phrases: Container[tuple[str, ...]],
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

    def known(self, i: int) -> int:
        """End of the vocabulary's longest phrase at token i, with a measured value's name.

        "increased triglyceride" is known; "increased triglyceride levels" is one change.
        """
        if self.tokens[i].word not in self.vocab.first_words:
            return i
        end = self.longest(i, self.vocab.effects, self.vocab.max_words)
        if end > i and self.longest(i, self.changes, 2) > i:
            return self.longest(end, _MEASURED, 1, start=i)
        return end

    def core(self, i: int) -> int:
        """End of an adverse-effect core starting at token i: vocabulary, lab change, word."""
        end = self.known(i)
        if end > i:
            return end
        change = self.longest(i, self.changes, 2)
        if change > i:  # "increased ALT", "decreased appetite", "elevations in serum ALT"
            at = change
            while True:  # "in blood pressure": "blood" links, or starts the value's name
                end = self.longest(at, self.measurements, 4, start=i)
                if end > at:
                    return self.longest(end, _MEASURED, 1, start=i)  # "uric acid levels"
                if at >= len(self.tokens) or self.tokens[at].word not in _LINK_WORDS:
                    break
                at += 1
        end = self.longest(i, self.measurements, 4)
        if end > i:  # "ALT increased", "weight decreased"
            end = self.longest(end, _MEASURED, 1, start=i)
            change = self.longest(end, self.changes, 2, start=i)
            if change > end:
                return change
        if DISORDER_WORD.fullmatch(self.tokens[i].word):
            return i + 1
        return i

    def phrase_at(self, i: int) -> tuple[int, int]:
        """Return the token span (i, j) of the effect phrase starting at token i, or (i, i).

        A course word in front ("worsening of", "reactivation of") is part of the reaction.
        """
        course = self.longest(i, self.courses, 4)
        if course > i:
            start, end = self.effect_at(course)
            if end > start and self.words(i, end) is not None:
                return i, end
        return self.effect_at(i)

    def modifiers_end(self, i: int) -> int:
        """Return the end of the modifiers at token i: "peripheral sensory", "upper abdominal"."""
        start = i
        while start < len(self.tokens):
            end = self.longest(start, self.modifiers, 4, start=i)
            if end == start:  # a body site in front: "thigh pain", "face edema"
                end = self.longest(start, self.sites, 2, start=i)
            if end == start and start - i < 2 and self.describes(start):
                end = start + 1  # words built like adjectives: "vulvovaginal mycotic"
            if self.tokens[start].word in _PREFIXES and not self.hyphen_after(start):
                break  # "intra-abdominal", "post-procedural", but not "post marketing"
            if end == start:
                break
            start = end
        return start

    def hyphen_after(self, i: int) -> bool:
        """Tell whether a hyphen joins token i to the next."""
        after = self.tokens[i + 1].start if i + 1 < len(self.tokens) else len(self.text)
        return self.text[self.tokens[i].end : after] == "-"

    def effect_at(self, i: int) -> tuple[int, int]:
        """Return the token span (i, j) of modifiers, core, qualifiers and site at token i."""
        start = self.modifiers_end(i)
        if start >= len(self.tokens):
            return i, i
        end = self.core(start)
        if end > start > i and self.words(i, end) is None:  # "varicella, gastroenteritis"
            return i, i  # a modifier is one phrase with its reaction, never across a comma
        if end == start and start > i:  # "skin reactions", "opportunistic infections"
            end = self.longest(start, self.heads, 1, start=i)
        if end == start:
            return i, i
        while True:  # MedDRA-style qualifiers after the effect: "rash macular", "pain upper"
            more = self.longest(end, self.qualifiers, 3, start=i)
            if more == end:
                break
            end = more
        head = self.longest(end, self.heads, 1, start=i)  # "hypersensitivity reactions"
        if head > end and "/" not in self.text[self.tokens[end - 1].end : self.tokens[end].start]:
            end = head  # but "pruritus/rash" names two reactions
        return i, self.site_after(i, end)

    def site_after(self, i: int, end: int) -> int:
        """Extend a reaction by the body site after it: "angioedema of the throat"."""
        if end >= len(self.tokens) or self.tokens[end].word != "of":
            return end
        at = end + 1
        if at < len(self.tokens) and self.tokens[at].word == "the":
            at += 1
        best = end
        while at < len(self.tokens):
            site = self.longest(at, self.sites, 2, start=i)
            if site > at:
                best = site
            more = max(site, self.longest(at, self.modifiers, 2, start=i))
            if more == at:
                break
            at = more
        return best

    def negated_kind(self, i: int) -> tuple[int, int]:
        """Return the span of "non-melanoma skin cancer" at a "non-" token i, or (i, i).

        What follows "non-" is no reaction by itself; with the reaction after it, it is one.
        """
        if (
            self.tokens[i].word != "non"
            or i + 1 >= len(self.tokens)
            or self.text[self.tokens[i].end : self.tokens[i + 1].start] != "-"
            or self.tokens[i + 1].word in _NOT_A_KIND  # "non-fatal", "non-serious": severity
        ):
            return i, i
        _, end = self.phrase_at(i + 1)
        if end == i + 1:
            return i, i
        _, more = self.phrase_at(end) if end < len(self.tokens) else (end, end)
        if more > end and self.words(i, more) is not None:
            end = more
        return i, end

    def mentions(self) -> list[Mention]:
        found: list[Mention] = []
        i = 0
        while i < len(self.tokens):
            start, end = self.negated_kind(i)
            if end == start:
                start, end = self.phrase_at(i)
            if end == start and i < len(self.tokens):
                end = self.core(i)
            if end > start:
                found.append(self.mention(start, end))
                shared = self.shared_change(start, end)
                found.extend(shared)
                i = self.tokens_end(shared[-1]) if shared else end
            else:
                i += 1
        return found

    def shared_change(self, i: int, j: int) -> list[Mention]:
        """Return the values that share the change of the lab change at tokens i..j.

        "raised cholesterol and triglycerides", "increased ALT, AST and bilirubin", "low
        sodium and potassium levels": each value after the first went the same way. Only a
        value the vocabulary measures ("raised cholesterol and weight gain" shares nothing),
        and only where the change and the value make a reaction the vocabulary knows
        (hypertriglyceridemia); a bare value is no reaction to report by itself.
        """
        change = self.longest(i, self.changes, 2)
        value = self.longest(change, self.measurements, 4, start=i) if change > i else i
        if value == change or self.longest(value, _MEASURED, 1, start=i) < j:
            return []
        said = self.text[self.tokens[i].start : self.tokens[change - 1].end]
        shared: list[Mention] = []
        at = j
        while at < len(self.tokens):
            gap = self.text[self.tokens[at - 1].end : self.tokens[at].start]
            joined = self.tokens[at].word in ("and", "or")
            if joined and re.fullmatch(r",?\s+", gap) and at + 1 < len(self.tokens):
                at += 1
            elif not (not joined and re.fullmatch(r",\s+", gap)):
                break
            end = self.longest(at, self.measurements, 4)
            if end == at or self.longest(end, self.changes, 2, start=at) > end:
                break  # "ALT and AST increased": the second names its own change
            if max(self.phrase_at(at)[1], self.core(at)) > end:
                break  # "weight gain": an effect of its own
            end = self.longest(end, _MEASURED, 1, start=at)
            if (
                end < len(self.tokens)
                and self.words(end - 1, end + 1) is not None
                and self.tokens[end].word not in _AFTER_A_VALUE
            ):
                break  # "low sodium and potassium supplements": another noun's word
            a, b = self.tokens[at].start, self.tokens[end - 1].end
            measured = self.text[a : self.tokens[self.longest(at, self.measurements, 4) - 1].end]
            entity = self.entity(f"{said} {measured}")
            if entity.source != PATTERN_SOURCE:  # a reaction the vocabulary knows
                shared.append(Mention(self.text[a:b], self.offset + a, self.offset + b, entity))
            at = end
        return shared

    def tokens_end(self, mention: Mention) -> int:
        """Return the index of the first token after ``mention``."""
        end = mention.end - self.offset
        return next((k for k, t in enumerate(self.tokens) if t.start >= end), len(self.tokens))

    def mention(self, i: int, j: int) -> Mention:
        a, b = self.tokens[i].start, self.tokens[j - 1].end
        if j - i > 1 and self.text[self.tokens[j - 2].end : self.tokens[j - 1].start] == "/":
            b = self.tokens[j - 2].end  # "weight decreased/increased": the first reading
        elif j - i > 2 and self.text[self.tokens[i].end : self.tokens[i + 1].start].strip() == "/":
            a = self.tokens[i + 1].start  # "anaphylactoid/anaphylactic reactions": the one whole
        surface = self.text[a:b]
        return Mention(surface, self.offset + a, self.offset + b, self.entity(surface))

    def entity(self, surface: str) -> Entity:
        return entity_for(surface, self.vocab)
