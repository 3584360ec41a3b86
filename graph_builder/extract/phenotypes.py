"""The phenotypes a sentence names, and what each is to the drug: effect, condition or use.

The side-effect vocabulary (``graph_builder.adverse``) names reactions, but also the diseases
a drug is used for ("indicated for the treatment of hypertension") and the conditions it is
advised against ("contraindicated in glaucoma"). The vocabulary is read once per sentence here;
``effects.py`` decides which phenotypes are side effects, ``reader.py`` which are the objects of
advice and uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property

from graph_builder import adverse
from graph_builder import rules as R
from graph_builder.extract.base import ReaderBase
from graph_builder.extract.context import is_negated
from graph_builder.lexicon import select_longest
from graph_builder.model import Claim, EntityType, Mention

# "risk factors for QT prolongation", "treatment of seizures": the effect is no condition the
# patients have.
_NOT_A_CONDITION = re.compile(
    r"\b(?:risk factors? (?:for|of)|(?:treatment|prophylaxis|prevention) of|indicated for"
    r"|(?:therapy|treated|used|given|prescribed) for"
    # a risk the drug brings, as in owing to the risk of falls, but not patients at risk
    r"|(?<!at )(?<!high )(?<!increased )(?<!elevated )risk (?:of|for))\s+(?:\w+\s+){0,3}$",
    re.I,
)


# What the condition named before it is: "(to X or to any of the excipients) is a
# contraindication", "is an absolute contraindication".
_IS_A_CONTRAINDICATION = re.compile(
    r"(?:\s+(?:to|with|of)\s+[^.;:]{0,80}?)?\s+(?:is|are)\s+(?:an?\s+)?(?:absolute\s+)?"
    r"contra-?indications?\b(?!\s+(?:to|for)\b)",
    re.I,
)
# "... are at higher risk", "is at increased risk": the groups before it are at risk.
_AT_HIGHER_RISK = re.compile(
    r"\b(?:is|are)\s+(?:at\s+(?:an?\s+)?|(?:at\s+)?(?:a\s+)?)(?:higher|increased|greater|special"
    r"|particular)\s+risk\b",
    re.I,
)


# An item under "Do not take it if you:" starts with the verb of having, its subject in the
# lead-in: "have asthma", "have ever had angioedema", "suffer from gout".
_HAVING_ITEM = re.compile(
    r"^\s*(?:(?:have|has)\s+(?:ever\s+)?had|have|has|had|suffer\w*\s+from)\s+", re.I
)


class PhenotypeReading(ReaderBase):
    """The vocabulary's phenotypes of one sentence, read once, and their roles."""

    def listed_condition(self, mention: Mention) -> bool:
        """Tell whether a verbless item under a list of conditions names ``mention``.

        "Contra-indications: asthma; marked bradycardia; diabetes (may mask hypoglycaemia)":
        each item between semicolons is read alone.
        """
        if not self.under_conditions_heading:
            return False
        at = self.rel(mention)
        start = max(self.text.rfind(";", 0, at), self.text.rfind(":", 0, at)) + 1
        end = self.text.find(";", at)
        item = self.text[start : end if end >= 0 else len(self.text)]
        return not (R.CLAUSE_VERB.search(item) or R.NOT_A_LISTED_CONDITION.search(item))

    def names_the_item(self, mention: Mention) -> bool:
        """Tell whether a list item is the condition itself, not a finding about a group.

        "you have severely reduced kidney function" names it; in "Older adults: falls are
        more likely" the label names the group and the falls are a finding.
        """
        label = self.sentence.label
        if label is not None:
            return label.start <= mention.start < label.end
        if describes_the_item(self.text, self.rel(mention), self.rel(mention) + len(mention.text)):
            return False  # "you have myasthenia gravis, a muscle weakness disease"
        item = _HAVING_ITEM.sub("", R.HAVING_IT.sub("", self.text))
        return not R.CLAUSE_VERB.search(item)

    @cached_property
    def item_of_advice(self) -> bool:
        """Tell whether the sentence is an item of a list led in by advice before use.

        "Do not take it:", "Talk to your doctor before taking it:": each item names the
        patient's condition ("if you have low blood pressure, which you may notice as
        dizziness"), never an effect of the drug, unless the item says the drug causes it.
        """
        lead_in = self.sentence.lead_in
        return bool(
            lead_in
            and (R.CONTRAINDICATION_CUE.search(lead_in) or R.CAUTION_CUE.search(lead_in))
            # "use with caution because it can cause:" lists effects
            and not R.SIDE_EFFECT_CUE.search(lead_in)
            and not R.SIDE_EFFECT_CUE.search(self.text)
        )

    @cached_property
    def under_conditions_heading(self) -> bool:
        """Tell whether a heading, or the label running the sentence in, lists conditions.

        "Contraindications", "Contra-indications: asthma; ...", "Cautions: ...".
        """
        label = R.RUN_IN_LABEL.match(self.text)
        headings = (*self.sentence.heading_texts, *([label.group("label")] if label else []))
        return any(R.CONDITIONS_HEADING.search(heading) for heading in headings)

    @cached_property
    def found_effects(self) -> list[Mention]:
        """Return the effects the vocabulary finds in the sentence, found once per sentence."""
        return adverse.find_adverse_effects(
            self.text,
            self.sentence.start,
            table_rows=bool({"adverse", "precaution"} & self.kinds),
        )

    def adverse_objects(
        self, types: frozenset[EntityType], *, each_mention: bool = False
    ) -> list[Mention]:
        """Return the effects a sentence names, the lexicon's and the vocabulary's, one each.

        With ``each_mention`` an effect named twice is returned twice ("stopped abruptly in
        hypertension may cause rebound hypertension": the population, then the symptom).
        """
        key = (types, each_mention)
        if key not in self.adverse_memo:
            self.adverse_memo[key] = self._adverse_objects(types, each_mention=each_mention)
        return self.adverse_memo[key]

    @cached_property
    def adverse_memo(self) -> dict[tuple[frozenset[EntityType], bool], list[Mention]]:
        """Remember the effects found per kind, for the rules asking again."""
        return {}

    def _adverse_objects(
        self, types: frozenset[EntityType], *, each_mention: bool
    ) -> list[Mention]:
        chosen: list[Mention] = []
        seen: set[str] = set()
        for mention in select_longest([*self.mentions, *self.found_effects]):
            key = mention.entity.key
            if adverse.too_generic(mention.text):  # "infection", "adverse reactions"
                continue
            if (
                mention.entity.type in types
                and key != self.topic.entity.key
                and (each_mention or key not in seen)
            ):
                seen.add(key)
                chosen.append(adverse.without_severity(mention))
        return chosen

    @cached_property
    def advised_conditions(self) -> list[Mention]:
        """Return the effects named as a patient's condition, the object of advice.

        "contraindicated in glaucoma", "use with caution in patients with myasthenia gravis":
        the condition the advice is about (Biolink lets a phenotype be contraindicated), not
        the drug's effect; not a risk the drug is given against ("risk factors for X").
        """
        return _first_per_entity(
            mention
            for mention in self.adverse_objects(R.ADVERSE, each_mention=True)
            # ("type 1 diabetes mellitus" is no "diabetes mellitus")
            if not R.QUALIFIED_TYPE.search(self.text, 0, self.rel(mention))
            and (
                (self.listed_condition(mention) and _names_a_condition(mention))
                or (
                    adverse.is_risk_factor(self.text, self.rel(mention))
                    and not _NOT_A_CONDITION.search(self.text, 0, self.rel(mention))
                )
                # "Hypersensitivity to it or its excipients is a contraindication"
                or _IS_A_CONTRAINDICATION.match(self.text, self.rel(mention) + len(mention.text))
            )
        )

    def groups_at_higher_risk(self) -> Iterator[Claim]:
        """Yield cautions for the patients a warning says are at higher risk of it.

        "Patients with respiratory impairment and elderly patients are at higher risk": the
        groups named before the words of risk need caution (not what they are at risk of).
        """
        if "precaution" not in self.kinds:
            return
        cue = _AT_HIGHER_RISK.search(self.text)
        if cue is None:
            return
        named = [
            *(m for m in self.mentions if m.entity.type is EntityType.POPULATION),
            *self.advised_conditions,
        ]
        for mention in _first_per_entity(m for m in named if self.rel(m) < cue.start()):
            yield self.claim("caution_in", "group-at-higher-risk", mention)

    def pregnancy_risk_warning(self) -> Iterator[Claim]:
        """Yield the pregnancy warning of a pregnancy entry that names a risk of harm.

        "Pregnancy: Risk of neural tube defects; ..." warns against use in pregnancy as a
        "should not be used" would, without advice of its own.
        """
        risk = R.PREGNANCY_RISK.search(self.text) if "pregnancy" in self.kinds else None
        if risk is None or is_negated(self.text, risk.end()):
            return
        if self.adverse_objects(R.ADVERSE):
            yield self.claim("pregnancy_warning", "warning-text", value=self.text)

    @cached_property
    def treated_conditions(self) -> list[Mention]:
        """Return the phenotypes the sentence names as uses of the drug.

        "indicated for the treatment of hypertension", "used to treat type 2 diabetes": the
        side-effect vocabulary names most diseases a drug is used for; a bare list under a
        uses heading ("Hypertension; angina; migraine") names uses too.
        """
        listed = (
            "indication" in self.kinds
            and not R.CLAUSE_VERB.search(self.text)
            and not R.NOT_A_USES_LIST.search(self.text)
        )
        chosen = []
        for mention in self.adverse_objects(R.ADVERSE, each_mention=True):
            if mention.entity.source == adverse.PATTERN_SOURCE:  # "migraine prophylaxis"
                continue  # a phrase read as a reaction by its shape names no known disease
            at = self.rel(mention)
            if _in_brackets(self.text, at) or R.QUALIFIED_TYPE.search(self.text, 0, at):
                continue  # "Severe pain (avoid in respiratory depression)", "type 1 diabetes"
            if adverse.names_population(self.text, at):
                continue  # "particularly in overweight patients": the patients, no use
            if R.CAUSE_OF_THE_USE.search(self.text, 0, at):
                continue  # "kidney problems caused by type 2 diabetes": the cause, no use
            leads = list(R.TREATED_PHENOTYPE_LEAD.finditer(self.text, 0, at))
            if listed:
                chosen.append(mention)
                continue
            if not leads or R.TREATED_PHENOTYPE_GAP_END.search(self.text, leads[-1].end(), at):
                continue
            # "used for hypertension, and bradycardia may occur": after the first use, a
            # phrase with a verb of its own is a finding
            later = _LATER_ITEM.search(self.text, leads[-1].end(), at)
            if not (later and adverse.finding_follows(self.text, at)):
                chosen.append(mention)
        return _first_per_entity(chosen)


# ", a muscle weakness disease": an apposition that says what the item before it is; the
# phenotype it names is a word of the description, no condition of its own.
_APPOSITION_BEFORE = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$", re.I)
_DESCRIPTION_AFTER = re.compile(
    r"\s+(?:disease|disorder|condition|illness|problem|syndrome)s?\b(?!\s+(?:and|or)\b)", re.I
)


_DESCRIPTION_END = re.compile(r"\b(?:disease|disorder|condition|illness|problem)s?$", re.I)


def describes_the_item(text: str, start: int, end: int) -> bool:
    """Tell whether the words at ``start:end`` describe the item named before them.

    >>> t = "you have myasthenia gravis, a rare muscle weakness disease"
    >>> describes_the_item(t, t.index("muscle"), t.index(" disease"))
    True
    >>> t = "you have asthma, a lung disease, or epilepsy"
    >>> describes_the_item(t, t.index("lung"), t.index(", or"))
    True
    >>> describes_the_item(t, t.index("epilepsy"), len(t))
    False
    """
    if not _APPOSITION_BEFORE.search(text, 0, start):
        return False
    return bool(_DESCRIPTION_AFTER.match(text, end) or _DESCRIPTION_END.search(text, start, end))


def _first_per_entity(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep the first mention of each entity."""
    chosen: dict[str, Mention] = {}
    for mention in mentions:
        chosen.setdefault(mention.entity.key, mention)
    return list(chosen.values())


def _in_brackets(text: str, at: int) -> bool:
    """Tell whether the words at ``at`` sit inside an open bracket."""
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


_LATER_ITEM = re.compile(r",|\band\b|\bor\b")


def _names_a_condition(mention: Mention) -> bool:
    """Tell whether a listed item names a condition: a known term, or a phrase of two words.

    (An item read by its shape alone: "marked bradycardia", "Prinzmetal's angina"; not a
    stray "second-" of "second- or third-degree AV block".)
    """
    return mention.entity.source != adverse.PATTERN_SOURCE or len(mention.text.split()) > 1
