"""Reading class membership, brand names, doses, instructions and pregnancy statements."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from graph_builder import adverse
from graph_builder import rules as R
from graph_builder.dosing import AMOUNT, MAX_DURATION, read_dose_spans, read_row, read_table
from graph_builder.extract.base import PARTNERS
from graph_builder.extract.context import scoped_hedges
from graph_builder.extract.mechanism import MechanismReading
from graph_builder.interactions import JOINT_AFTER, examples_end
from graph_builder.lexicon import find_mentions
from graph_builder.model import Claim, Dose, EntityType, Mention
from graph_builder.product_names import brand_line_names

BRAND_CUE = re.compile(r"brand name|trade name|marketed as|\bcontains\b|\(", re.I)
# A species' Latin name, genus and epithet ("Hypericum perforatum", "Ginkgo biloba").
_BINOMIAL = re.compile(r"[A-Z][a-z]{2,}\s+[a-z]{3,}")
MEMBERSHIP_CUE = re.compile(
    r"belong\w* to|member of(?! (?:your|his|her|their|the|a|my) family)|class of|group of|family of"
    r"|\b(?:is|as) an?\b|,\s*an?\b|\bas (?:the )?other\b",
    re.I,
)
# a comma and up to two words of the next item's name ("..., azole antifungals")
_OUTER_COMMA = re.compile(r"\s*,\s*(?:[\w-]+\s+){0,2}", re.I)
EXAMPLES_CUE = re.compile(r"^\s*,?\s*(?:like|such as|including|e\.g\.,?)\s+", re.I)
LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or)\s*$", re.I)


# "other" and perhaps one adjective before a class ("other strong CYP3A4 inhibitors"); what
# joins a drug named right before it ("ketoconazole and other ...", "aspirin, or other ...").
_OTHER = re.compile(r"other\s+(?:(?:strong|potent|moderate|weak|similar|related)\s+)?$", re.I)
# what may stand between "is a", "belongs to" or ", a" and the class it names: a few words
# of one noun phrase ("a group of medicines known as statins", "an older antiepileptic
# drug"), no clause break
_CLASS_HEAD = re.compile(r"[^,;:.()]{0,60}", re.I)
# A verb right after a noun: the noun ends the subject of the sentence ("... and diuretics
# may raise blood sugar")
_VERB_NEXT = re.compile(
    r"\s+(?:may|might|can|could|will|would|should|must|do|does|also|are|is|have|has"
    r"|increase|raise|reduce|lower|cause)\b",
    re.I,
)
_JOINED_TO_OTHER = re.compile(r"\s*(?:,\s*)?(?:and|or|and/or)?\s*", re.I)


# What may stand between a drug's name and its own amount: "simvastatin 20 mg", "the
# simvastatin dose should not be more than 20 mg"
_DOSE_OF = re.compile(
    r"\s*(?:dose\s+(?:of\s+)?|at\s+|dose\s+(?:should|must)\s+not\s+(?:be\s+)?"
    r"(?:more\s+than|exceed|go\s+(?:above|over))\s+)?",
    re.I,
)
# "High blood pressure: the usual starting dose is ...": the label a dose line starts with.
_DOSE_LABEL = re.compile(r"\s*(?P<label>[A-Z][\w' -]{2,60}?)\s*:\s")


# A formulary's entry names its uses first, then the route or the patients its doses are for:
# "Focal seizures; by mouth, adult: to start ...", "Migraine prophylaxis; adult: 25 mg ...".
_USES_LABEL = re.compile(
    r"\s*(?P<label>[A-Z][^;:.()]{2,80}(?:;\s*[^;:.()]{2,80})*?);\s*"
    r"(?=(?:by\s+(?:mouth|[a-z]+\s+(?:injection|infusion))|(?:adults?|child(?:ren)?)\b)"
    r"[^;:.]{0,40}:)",
    re.I,
)
# A drug named as part of a word that describes the patients names no dose of that drug:
# "opioid-naive patients", "statin-tolerant", "steroid-free".
_DRUG_AS_MODIFIER = re.compile(
    r"[-\u2010](?:naive|naïve|tolerant|experienced|free|intolerant)\b", re.I
)


# The most words a heading over doses may have and still name their use ("Mania in bipolar
# disorder"), not a section's sentence-long title.
_DOSE_HEADING_WORDS = 6


# How a drug's own amount follows its name: "X is given as 4 mg", "X can be given at 0.5 mg/kg",
# "and X as 10 mg", "X at 0.3 mg/kg"; "the dose of X in children is 0.2 mg/kg".
_GIVEN_AS = re.compile(
    r"\s+(?:(?:is|are|can|may|should|will)\s+(?:be\s+)?(?:usually\s+)?"
    r"(?:given|administered|used|taken)\s+)?(?:as|at)\s+(?:a\s+(?:dose\s+of\s+)?)?",
    re.I,
)
_DOSE_NOUN_OF = re.compile(r"\b(?:dose|dosage)\s+of\s+$", re.I)
_DOSE_IS = re.compile(r"\s+(?:(?:in|for)\s+[\w\s-]{1,40}?\s+)?(?:is|are)\s+(?:usually\s+)?", re.I)


# what follows a use's label on a dose line: the dose itself ("the usual starting dose is",
# "Initially 10 mg", "5 mg once daily"), not a remark on a side effect at some dose
_DOSE_AFTER_LABEL = re.compile(
    r"(?:the\s+)?(?:(?:usual|recommended|normal|starting|initial|maintenance|adult)\s+){0,2}"
    r"(?:dose|dosage)\b|\d|(?:initially|take|give|start|adults?)\b",
    re.I,
)


class StatementReading(MechanismReading):
    """The statements that are not side effects or interactions (targets: ``mechanism``)."""

    def class_examples(self) -> Iterator[Claim]:
        """'CLASS like/such as X, Y or Z': each of X, Y, Z is a member (or a subclass)."""
        for index, mention in enumerate(self.mentions):
            if mention.entity.type is not EntityType.DRUG_CLASS:
                continue
            cue = EXAMPLES_CUE.match(self.text[mention.end - self.sentence.start :])
            if not cue:
                continue
            cursor = mention.end + cue.end()
            gaps: list[str] = []
            inner = index > 0 and self._inner_item(self.mentions[index - 1], mention)
            for member in self.mentions[index + 1 :]:
                gap = self.text[cursor - self.sentence.start : member.start - self.sentence.start]
                if gap.strip() and not LIST_GLUE.match(gap):
                    break
                if inner and "," in gap:
                    break  # "A, Bs such as C, D or E": the outer list goes on after C
                if examples_end([*gaps, gap][1:]) or JOINT_AFTER.match(
                    self.text, self.rel(member) + len(member.text)
                ):
                    break  # "such as X, and Y" / "such as X and Y both ...": Y is no example
                passed = self.mentions[index + 1 : index + 1 + len(gaps)]
                if (
                    member.entity.type is EntityType.DRUG_CLASS
                    and any(m.entity.type is EntityType.DRUG for m in passed)
                    and self._coordinated_class(member, gap)
                ):
                    break  # "Xs such as A and Ys like B": Y is coordinated with X
                gaps.append(gap)
                if member.entity.type in PARTNERS and member.entity.key != mention.entity.key:
                    relation = (
                        "member_of" if member.entity.type is EntityType.DRUG else "subclass_of"
                    )
                    yield Claim(relation, member, self.sentence, "class-examples", obj=mention)
                cursor = member.end

    def _inner_item(self, before: Mention, cls: Mention) -> bool:
        """Tell whether a class is an item of a comma list opened before it ("A, Bs such as").

        Its examples then end at the next comma: "protease inhibitors, azole antifungals
        such as ketoconazole, erythromycin or clarithromycin" gives the azoles one example.
        """
        gap = self.text[self.rel(before) + len(before.text) : self.rel(cls)]
        return before.entity.type in PARTNERS and bool(_OUTER_COMMA.fullmatch(gap))

    def _coordinated_class(self, member: Mention, gap: str) -> bool:
        """Tell whether a class after a drug example is the list's second class, no example.

        "Penicillins such as A and PPIs like B": it has examples of its own; "Steroids such
        as A and diuretics may ...": joined by "and", the verb after it is the sentence's.
        "Sedatives like alcohol or opioids" keeps the opioids an example.
        """
        after = self.text[member.end - self.sentence.start :]
        if EXAMPLES_CUE.match(after):
            return True
        return bool(re.search(r"\band\b", gap, re.I)) and bool(_VERB_NEXT.match(after))

    def memberships(self) -> Iterator[Claim]:
        """Yield class memberships: examples of a class, "belongs to", "other Xs"."""
        yield from self.class_examples()
        yield from self.other_members()
        if R.INTERACTION_CUE.search(self.text):
            return
        drugs = [m for m in self.mentions if m.entity.type is EntityType.DRUG]
        classes = self.others(frozenset({EntityType.DRUG_CLASS}))
        named: set[str] = set()
        for cue in MEMBERSHIP_CUE.finditer(self.text):
            subject = drugs[0] if drugs else self.topic
            if cue.group().startswith(",") or cue.group().lower().startswith("is"):
                # an apposition names its drug right before the comma ("rifampin, a
                # CYP450 inducer"), not a clause ("if you have taken in the last 2 weeks, a
                # MAOI"); "is a" says what the noun right before it is ("Klonopin
                # (clonazepam) is a", "It is a"), not "if the other medicine is a CYP3A4
                # inhibitor"
                anchor = self._named_right_before(drugs, cue.start())
                if anchor is None:
                    continue
                subject = anchor
            for obj in classes:
                if obj.entity.key in named or not self._named_by(cue, obj):
                    continue
                named.add(obj.entity.key)
                yield Claim(
                    "member_of",
                    subject,
                    self.sentence,
                    "belongs-to-class",
                    obj=obj,
                    subject_inferred_from_topic=not drugs,
                )

    def _named_right_before(self, drugs: list[Mention], at: int) -> Mention | None:
        """Return the drug (or, for "It", the topic) that the text names right before ``at``."""
        before = self.text[:at].rstrip().rstrip(")").rstrip(",").rstrip()
        named = next((m for m in drugs if self.rel(m) + len(m.text) == len(before)), None)
        if named is None and re.fullmatch(r"\W*(?:it|this (?:medicine|drug))", before, re.I):
            return self.topic
        return named

    def _named_by(self, cue: re.Match[str], obj: Mention) -> bool:
        """Whether a membership cue names the class: it heads the phrase right after the cue.

        "as other CLASSES" names a class before it too ("the CNS-depressant effects of
        benzodiazepines, as other sedatives").
        """
        at = self.rel(obj)
        if at < cue.start():
            return bool(re.match(r"\bas (?:the )?other", cue.group(), re.I))
        # "a CYP450 inducer, decreases ... its anticoagulant effect": past the phrase
        return at >= cue.end() and _CLASS_HEAD.fullmatch(self.text, cue.end(), at) is not None

    def other_members(self) -> Iterator[Claim]:
        """'X with other CNS depressants' says that X is a CNS depressant too.

        The drug named right before ("ketoconazole and other strong CYP3A4 inhibitors",
        "aspirin or other NSAIDs") is the member, not the topic; a class there leaves none.
        """
        for mention in self.others(frozenset({EntityType.DRUG_CLASS})):
            at = self.rel(mention)
            preceded = re.search(r"\bother\s+(?:[\w-]+\s+)?$", self.text[:at], re.I)
            if mention.text.lower().startswith("other "):
                preceded = re.search(r"$", self.text[:at])
            if preceded is None or (preceded.group() and not _OTHER.match(preceded.group())):
                continue
            before = [
                m
                for m in self.mentions
                if self.rel(m) + len(m.text) <= preceded.start()
                and _JOINED_TO_OTHER.fullmatch(
                    self.text, self.rel(m) + len(m.text), preceded.start()
                )
            ]
            if not before:
                yield self.claim("member_of", "other-members", mention)
            elif before[-1].entity.type is EntityType.DRUG:
                yield Claim(
                    "member_of",
                    before[-1],
                    self.sentence,
                    "other-members",
                    obj=mention,
                    subject_inferred_from_topic=False,
                )

    def brand_names(self) -> Iterator[Claim]:
        """Yield brand names stated beside the generic name."""
        if not BRAND_CUE.search(self.text):
            return
        drugs = [m for m in self.mentions if m.entity.type is EntityType.DRUG]
        by_entity: dict[str, list[Mention]] = {}
        for mention in drugs:
            by_entity.setdefault(mention.entity.key, []).append(mention)
        listed = {name.lower() for name in brand_line_names(self.text)}
        if listed:  # "Brand names: A, B, C": each a brand of the document's drug
            for mention in drugs:
                if (
                    mention.entity.key == self.topic.entity.key
                    and mention.text.lower() in listed
                    and mention.text.lower() != mention.entity.label.lower()
                ):
                    yield Claim(
                        "has_brand_name",
                        self.topic,
                        self.sentence,
                        "brand-name",
                        obj=mention,
                        value=mention.text,
                        subject_inferred_from_topic=True,
                    )
            return
        for mentions in by_entity.values():
            entity = mentions[0].entity
            if any(_BINOMIAL.fullmatch(m.text) for m in mentions):
                continue  # "St John's wort (Hypericum perforatum)": a plant's names, no brand
            # a name written in lower case mid-sentence is generic ("lithium carbonate"), no brand
            generic = [
                m for m in mentions if m.text.lower() == entity.label.lower() or m.text[0].islower()
            ]
            brands = [m for m in mentions if m not in generic]
            if generic and brands:
                yield Claim(
                    "has_brand_name",
                    generic[0],
                    self.sentence,
                    "brand-name",
                    obj=brands[0],
                    value=brands[0].text,
                )

    def doses(self) -> Iterator[Claim]:
        """Yield dose statements, each for the indication its heading or sentence names."""
        if not (
            "dosage" in self.kinds or AMOUNT.search(self.text) or MAX_DURATION.search(self.text)
        ):
            return
        others_lead = self.other_drug_leads_dose() and not self.leads_dose_clause()
        # a table row names its own population and indication ("| Adults, epilepsy | 100 mg |")
        # and, by its column's header (the row's lead-in), its kind of dose
        headings = self.sentence.heading_texts
        if self.sentence.lead_in is None and self.text.startswith("|"):
            return  # a table's header row ("| Reaction | Drug 10 mg (N=4487) | Placebo |")
        table = self.table_doses(headings)
        doses = table or read_dose_spans(self.text, headings)
        # "diazepam is given as 10 mg": the dose of the drug named with it, not the topic's
        owners = self.dose_owners(doses)
        # "If you take amlodipine, do not exceed simvastatin 20 mg a day": not the topic's
        doses = [
            dose
            for dose in doses
            if owners[dose[0]] is not None
            or not (others_lead or self.dose_of_another_drug(dose[0], dose[1]))
        ]
        if not doses:
            return
        # The heading a dose sits under ("Panic Disorder") names its indication best.
        heading_mentions = self.heading_indications()
        headed = self.dose_heading_use(heading_mentions)
        indications = (
            headed or self.labelled_use() or self.others(frozenset({EntityType.CONDITION}))
        )
        targets: list[Mention | None] = [*indications] or [None]
        # "1 mg up to 3 times a day, not more than 4 mg in 24 hours": a dose and a maximum
        conditions = self.others(frozenset({EntityType.CONDITION})) if table else []
        if table:  # another row's indication is not this row's
            targets = [*headed] or [None]
        own_clause = not table and len(doses) > 1  # each dose hedged by its own clause only
        for start, end, found in doses:
            relation = "maximum_dose" if found.kind == "maximum" else "dose"
            row = [m for m in conditions if start <= self.rel(m) < end]
            for indication in row or targets:
                if indication is not None and indication.entity.key in R.PATIENT_GROUP_CONDITIONS:
                    # "Renal impairment: 2.5 mg": whom the dose is for, no use of it
                    group = (
                        found if found.population else replace(found, population=indication.text)
                    )
                    claim = self.claim(relation, "dose-statement", None, dose=group)
                    yield self.owned(
                        self.hedged_at(claim, start) if own_clause else claim, owners[start]
                    )
                else:
                    claim = self.claim(relation, "dose-statement", indication, dose=found)
                    yield self.owned(
                        self.hedged_at(claim, start) if own_clause else claim, owners[start]
                    )
        yield from self.headed_uses(heading_mentions[-1:])

    def table_doses(self, headings: tuple[str, ...]) -> list[tuple[int, int, Dose]] | None:
        """Return the doses of a table row under its header (the row's lead-in); None if none.

        A row written with bars and no outer bars ("a | b") is a row as well.
        """
        header = self.sentence.lead_in
        if header and "|" in header and "|" in self.text:
            in_row = read_row(self.text, header, headings)
            return None if in_row is None else [(0, len(self.text), dose) for dose in in_row]
        return read_table(self.text, headings)

    def dose_owners(self, doses: list[tuple[int, int, Dose]]) -> dict[int, Mention | None]:
        """Return the other drug each dose (by its start) is of, None for the topic's own.

        A later maximum is the dose's before it: "X 0.2 mg/kg (maximum 10 mg)" is X's maximum.
        """
        owners: dict[int, Mention | None] = {}
        for start, _, found in doses:
            owner = self.dose_owner(start)
            if owner is None and found.kind == "maximum" and owners:
                owner = list(owners.values())[-1]
            owners[start] = owner
        return owners

    def dose_owner(self, at: int) -> Mention | None:
        """Return the other drug whose dose the amount at ``at`` is, named as given at it.

        "lorazepam is given as 4 mg", "buccal midazolam can be given at 0.3 mg/kg", "and
        lorazepam as 2 mg", "the rectal dose of midazolam for children is 0.5 mg/kg": the
        amount is that drug's, on any page. None for the topic's own dose.
        """
        before = [
            m
            for m in self.mentions
            if m.entity.type is EntityType.DRUG and self.rel(m) + len(m.text) <= at
        ]
        if not before or before[-1].entity.key == self.topic.entity.key:
            return None
        drug = before[-1]
        gap = self.text[self.rel(drug) + len(drug.text) : at]
        lead = self.text[max(0, self.rel(drug) - 30) : self.rel(drug)]
        if _GIVEN_AS.fullmatch(gap) or (_DOSE_NOUN_OF.search(lead) and _DOSE_IS.fullmatch(gap)):
            return drug
        return None

    def owned(self, claim: Claim, owner: Mention | None) -> Claim:
        """Make a dose claim the ``owner``'s, when the amount is another drug's."""
        if owner is None:
            return claim
        return replace(claim, subject=owner, subject_inferred_from_topic=False)

    def other_drug_leads_dose(self) -> bool:
        """Tell whether another drug, not the topic, leads the sentence's dose.

        A formulary entry's uses ("Mania not controlled by lithium; by mouth, adult: ...")
        and a word describing the patients ("opioid-naive patients") lead no dose.
        """
        label = _USES_LABEL.match(self.text)
        skip = label.end() if label else 0
        first = next(
            (
                m
                for m in self.mentions
                if m.entity.type in PARTNERS
                and self.rel(m) >= skip
                and not _DRUG_AS_MODIFIER.match(self.text, self.rel(m) + len(m.text))
            ),
            None,
        )
        return first is not None and first.entity.key != self.topic.entity.key

    def dose_of_another_drug(self, start: int, end: int) -> bool:
        """Tell whether the amount is written right after another drug's name.

        "do not exceed simvastatin 20 mg", "the simvastatin dose should not be more than
        20 mg" on the amlodipine page: the dose is simvastatin's, not the topic's.
        """
        amount = AMOUNT.search(self.text, start, end)
        if amount is None:
            return False
        before = [
            m
            for m in self.mentions
            if m.entity.type in PARTNERS and self.rel(m) + len(m.text) <= amount.start()
        ]
        if not before or before[-1].entity.key == self.topic.entity.key:
            return False
        gap = self.text[self.rel(before[-1]) + len(before[-1].text) : amount.start()]
        return _DOSE_OF.fullmatch(gap) is not None

    def hedged_at(self, claim: Claim, at: int) -> Claim:
        """Give a claim the hedges of the clause at ``at`` ("80 mg, but usually 60 mg")."""
        return replace(claim, hedge=scoped_hedges(self.text, [at]))

    def leads_dose_clause(self) -> bool:
        """Tell whether the drug leads a dose's clause ("X raises it; the simvastatin dose")."""
        amount = AMOUNT.search(self.text)
        cut = self.text.rfind(";", 0, amount.start()) if amount else -1
        first = next(
            (m for m in self.mentions if m.entity.type in PARTNERS and self.rel(m) > cut), None
        )
        return cut >= 0 and first is not None and first.entity.key == self.topic.entity.key

    def heading_indications(self) -> list[Mention]:
        """Return the conditions the headings above a dose name, outermost first.

        The lexicon's conditions in any heading; under an indications section, also a heading
        the side-effect vocabulary reads whole as a known disease ("Neuropathic pain" between
        "Indications and dose" and "Adult: 300 mg ...").
        """
        found: list[Mention] = []
        for span in self.sentence.headings:
            named = [
                m
                for m in find_mentions(span.text, span.start, drug_names=False)
                if m.entity.type is EntityType.CONDITION
            ]
            whole = self.whole_use(span.text, span.start) if "indication" in self.kinds else []
            if whole and not any(len(m.text) == len(whole[0].text) for m in named):
                named = whole
            found.extend(named)
        return found

    def dose_heading_use(self, named: list[Mention]) -> list[Mention]:
        """Return the use the nearest heading over a dose names, if any.

        ``named`` are the lexicon's conditions in the headings. A short heading read whole as
        a known disease comes first ("Bipolar depression", not its "depression"), then the
        lexicon's, then the first known disease of a short heading's label (its words before
        a colon): "Schizophrenia: dose titration" over "Day 1: 50 mg", "Mania in bipolar
        disorder" over "The total daily dose is ...".
        """
        for span in reversed(self.sentence.headings):
            label = span.text.split(":")[0]
            short = len(label.split()) <= _DOSE_HEADING_WORDS
            whole = self.whole_use(label, span.start) if short else []
            inside = [m for m in named if span.start <= m.start < span.start + len(span.text)]
            known = [
                m
                for m in (adverse.find_adverse_effects(label, span.start) if short else [])
                if m.entity.source != adverse.PATTERN_SOURCE
            ]
            found = whole[:1] or inside[-1:] or known[:1]
            if found:
                return found
        return []

    def whole_use(self, words: str, start: int) -> list[Mention]:
        """Return the known phenotype that ``words`` name whole ("Neuropathic pain"), if any."""
        words = words.rstrip(": ")
        return [
            m
            for m in adverse.find_adverse_effects(words, start)
            if m.entity.source != adverse.PATTERN_SOURCE and len(m.text) == len(words)
        ]

    def headed_uses(self, headings: list[Mention]) -> Iterator[Claim]:
        """Yield the use an indication heading names over the dose lines of its section."""
        if "indication" not in self.kinds:
            return
        for indication in headings:
            if indication.entity.key not in R.PATIENT_GROUP_CONDITIONS:
                yield self.claim("treats", "dose-indication-heading", indication)

    def labelled_use(self) -> list[Mention]:
        """Return the use a dose line's label names ("High blood pressure: 10 mg once a day").

        Only a label the side-effect vocabulary reads whole as a known phenotype.
        """
        uses = _USES_LABEL.match(self.text)
        if uses is not None:
            return self.uses_named(uses.start("label"), uses.end("label"))
        label = _DOSE_LABEL.match(self.text)
        if label is None or not _DOSE_AFTER_LABEL.match(self.text, label.end()):
            return []  # "Headache: this is common at 10 mg", "Overdose: more than 200 mg"
        return self.whole_use(label.group("label"), self.sentence.start + label.start("label"))

    def uses_named(self, start: int, end: int) -> list[Mention]:
        """Return the uses a formulary entry's label names: the lexicon's, else known diseases.

        "Trigeminal neuralgia; by mouth" names trigeminal neuralgia; "Prophylaxis of bipolar
        disorder unresponsive to lithium; by mouth" bipolar disorder, not lithium.
        """
        named = [
            m for m in self.others(frozenset({EntityType.CONDITION})) if start <= self.rel(m) < end
        ]
        if named:
            return named
        return [
            m
            for m in adverse.find_adverse_effects(self.text[start:end], self.sentence.start + start)
            if m.entity.source != adverse.PATTERN_SOURCE
        ][:1]

    def instructions(self) -> Iterator[Claim]:
        """Yield administration instructions, as the document phrases them."""
        spans: list[tuple[int, int]] = []
        matches = [m for pattern in R.INSTRUCTIONS for m in pattern.finditer(self.text)]
        for match in sorted(matches, key=lambda m: (m.start() - m.end(), m.start())):
            if all(match.end() <= a or match.start() >= b for a, b in spans):
                spans.append((match.start(), match.end()))
                yield self.claim(
                    "administration", "administration-instruction", value=match.group()
                )

    def pregnancy(self) -> Iterator[Claim]:
        """Yield the FDA pregnancy category a sentence states."""
        match = R.PREGNANCY_CATEGORY.search(self.text)
        if match and ("pregnancy" in self.kinds or re.search(r"\bFDA\b|pregnan", self.text, re.I)):
            yield self.claim(
                "pregnancy_category", "pregnancy-category", value=match.group(1).upper()
            )

    def at_risk_populations(self) -> Iterator[Claim]:
        """Yield cautions for populations a side-effects section singles out."""
        if "adverse" not in self.kinds:
            return
        population = self.population_at_risk()
        if population is not None:
            yield self.claim("caution_in", "population-at-risk", population)
