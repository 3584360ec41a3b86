"""Reading drug-drug interactions: the pairing itself lives in ``interactions.py``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from graph_builder import adverse
from graph_builder import rules as R
from graph_builder.ddi_model import get_model
from graph_builder.extract.base import CONSEQUENCES, PARTNERS, ReaderBase
from graph_builder.extract.phenotypes import PhenotypeReading
from graph_builder.extract.tables import OTHER_ARM, table_cells
from graph_builder.interactions import (
    CLAUSE,
    JOINT_USE,
    NO_INTERACTION,
    SPACED_DOSES,
    SPACING_ADVICE,
    STUDY_AIM,
    Pair,
    affirmed_after_denial,
    coordinated_subjects,
    denies_interaction,
    explains_only,
    heading_pair,
    interaction_pairs,
    interaction_type,
    kind_examples_opening,
    label_class_example,
    model_pairs,
    named_as_no_partner,
    one_class_with_examples,
    one_examples_list,
    own_class,
    states_harm,
    states_regimen,
    topic_pairs,
    with_class_mentions,
)
from graph_builder.lexicon import find_mentions
from graph_builder.model import Claim, EntityType, Mention, Sentence

HeadingPair = tuple[Mention, Mention | None]


# "Whether A raises B levels is unknown", "It is not known whether ...": a question left open
# states no interaction either way
_LEFT_OPEN = re.compile(
    r"\bwhether\b[^.;]*\b(?:is|are|was|remains?)\s+(?:still\s+)?(?:unknown|unclear|uncertain"
    r"|not\s+(?:known|clear|established))\b"
    r"|\b(?:unknown|unclear|uncertain|not\s+(?:known|clear|established))\s+whether\b",
    re.I,
)
# Where one claim ends and the next begins, within a sentence: a clause's end, or ", and"
_CLAUSE_BREAK = re.compile(CLAUSE.pattern + r"|,\s*and\b", re.I)
# A checker's heading over the pairs it found harmless: "No interactions found", "No known
# interaction"
_NONE_FOUND = re.compile(
    r"^\W*no\s+(?:known\s+|clinically\s+(?:relevant|significant)\s+)?interactions?\b", re.I
)
# Two drugs compared, not combined: "less effective than", "as potent as".
_COMPARES_THEM = re.compile(
    r"\b(?:less|more|as|equally)\s+(?:effective|efficacious|potent|well\s+tolerated)\s+(?:than|as)\b"
    # "blocks calcium channels in the same way as B", "a longer half-life than B", "B instead",
    # "switching from A to B", "fine to take with B": compared, replaced or harmless
    r"|\bin\s+the\s+same\s+way\s+as\b|\bsimilar\s+to\b|\bcompared\s+(?:with|to)\b"
    r"|\b(?:longer|shorter)\s+(?:half-life\s+)?than\b|\binstead\b|\balternatives?\s+to\b"
    r"|\bswitch(?:es|ed|ing)?\s+(?:from|to)\b|\bchang(?:e|es|ed|ing)\s+from\b"
    r"|\b(?:fine|safe|ok|okay)\s+to\s+(?:take|use|give)\b"
    # "after two doses of A, second-line treatment with B": one drug after the other
    r"|\b(?:second|third)[- ]line\b",
    re.I,
)
# Said of one of the pair's drugs: "B is an effective alternative", "B remains a reasonable
# choice", "A is preferred", "when A is unavailable": one drug in place of the other, not the
# two together ("... where level monitoring is not available" says it of no drug). Up to four
# words (no clause word) may stand between the drug and its verb: "B at 20 mg is ...".
_IN_PLACE_OF = re.compile(
    r"(?:\s+(?!(?:where|when|if|unless|because|as|since|while|and|but|or|which|that)\b)"
    r"[\w./-]+){0,4}?\s+(?:is|are|was|be|remains?|seems?)\s+(?:(?:generally|usually|often"
    r"|also|then|still)\s+)?(?:preferred|not\s+available|unavailable|(?:an?\s+|the\s+)?"
    r"(?:(?:effective|reasonable|suitable|acceptable|safer|good|useful|possible)\s+)?"
    r"(?:alternative|choice|option|substitute)s?)\b",
    re.I,
)


# A lead-in that says its items are taken with the topic drug: "Some medicines raise the
# risk of muscle problems when taken with X:", "X may interact with:".
_LEAD_IN_WITH = re.compile(
    r"\b(?:taken|used|given|combined|taking|using)\s+(?:together\s+)?with\b|\binteract\w*",
    re.I,
)
# A lead-in that says use together is harmless or usual: no interaction
_REASSURES = re.compile(
    r"\b(?:fine|safe|okay|OK|no\s+(?:dose\s+)?(?:change|adjustment)s?|not\s+known\s+to"
    r"|commonly|often|usually|routinely)\b"
)
# A leaflet's lead-in asking the patient to say which medicines they take ("Tell your doctor
# if you take:", "Check with your pharmacist if you are using any of these medicines:"): its
# items are the medicines that matter with the drug the leaflet is about.
_TELL_IF_TAKING = re.compile(
    r"\b(?:tell|inform|ask|check\s+with|talk\s+to|speak\s+to|let)\b[^:.;]{0,60}?"
    r"\bif\s+you\s+(?:are\s+|have\s+(?:recently\s+)?|(?:recently\s+)?)"
    r"(?:tak(?:e|en|ing)|us(?:e|ed|ing))\b[^:.;]{0,60}:?\s*$",
    re.I,
)
# An item that says the patient takes a drug: "take A and B for hepatitis C", "are taking A".
_TAKES_ITEM = re.compile(
    r"\W*(?:(?:are|were|have(?:\s+recently)?|had)\s+)?(?:(?:been|also)\s+)?"
    r"(?:take|takes|taking|taken|use|uses|using|used|on)\b",
    re.I,
)
# "Phenytoin is itself a potent inducer of CYP3A4": the class the subject is said to be is
# what it is, no partner (a membership); "X, a CYP3A4 inhibitor, raises Y levels" too.
_KIND_OF = (
    # "a mild to moderate inhibitor of CYP2D6", "a strong or moderate inducer"
    r"an?\s+(?:(?:potent|strong|moderate|weak|mild|powerful|selective|known"
    r"|competitive|reversible|irreversible)\s+(?:(?:to|or|and)\s+)?)*$"
)
_IS_A = re.compile(
    r"\b(?:is|are|was|were|being|be)\s+(?:(?:itself|themselves|also|both|known\s+to\s+be)\s+)?"
    + _KIND_OF,
    re.I,
)
_APPOSITIVE = re.compile(r",\s*" + _KIND_OF, re.I)
# "for hepatitis C", "for the treatment of gout": the disease a regimen is given for
_FOR_USE = re.compile(r"\bfor\s+(?:the\s+(?:treatment|prevention|management)\s+of\s+)?$", re.I)

_OVERDOSE_OF = re.compile(
    r"\b(?:overdoses?|overdosage|poisoning|intoxication)\s+(?:of|with)\s+$", re.I
)


# A trial's other arm as the subject of its clause ("Placebo left the clearance of X
# unchanged", "the vehicle alone did not ...", "the control group showed ..."): no drug, so the
# sentence says nothing of the unnamed topic drug with X. The arm must open the clause and be
# followed by its verb: "in a placebo-controlled study, X exposure rose" names no arm as agent.
_OTHER_ARM_AGENT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:while|whereas|but)\s+)(?:the\s+|a\s+)?"
    r"(?:" + OTHER_ARM.pattern + r"|sham|dummy\s+(?:tablets?|capsules?))(?![-\w])"
    r"(?:\s+(?:group|arm|subjects|recipients|phase|period|treatment|condition|alone"
    r"|tablets?|capsules?|infusion))*"
    r"\s+(?:\w+ly\s+)?(?:had|has|have|did|does|do|was|were|is|are|could|can|may|might"
    r"|would|will|left|\w+ed|\w+es)\b",
    re.I,
)


# Advice on the drug a sentence opens with, for patients with an illness or by a route: "is
# contraindicated in patients with", "should be avoided in children with", "should not be given
# by intramuscular injection".
_OWN_ADVICE = re.compile(
    r"\s+(?:is|are|should|must|may)\s+(?:(?:not|be|also|generally|usually|therefore)\s+)*"
    r"(?:contraindicated|avoided|used\s+with\s+caution|given|used|administered|prescribed)\s+"
    r"(?:in\s+(?:patients|people|children|adults|infants|neonates|women|those|anyone)"
    r"\s+(?:with|who\s+have|who\s+are\s+(?!taking|receiving|using|on\b))"
    r"|by\s+(?:the\s+)?(?:intramuscular|intravenous|subcutaneous|rectal|oral|intrathecal)\b"
    r"|(?:intramuscularly|intravenously|subcutaneously|rectally)\b)",
    re.I,
)
_TOPIC_WORD = re.compile(rf"\b(?:{R.TOPIC_WORDS}|its)\b", re.I)
# A class's name qualifying the noun after it: "opioid excess", "a benzodiazepine dose"
# ("benzodiazepine withdrawal", "opioid tolerance" are states of the patient); not "opioid
# use", "benzodiazepine therapy": "added to existing benzodiazepine therapy" is a partner taken
_CLASS_AS_MODIFIER = re.compile(
    r"\s+(?:excess|overdose|overdosage|dose|doses|dosing|toxicity|withdrawal|dependence"
    r"|tolerance)\b",
    re.I,
)
# "with other opioids", "another benzodiazepine": the other members of the drug's own class
_OTHER_MEMBERS = re.compile(r"\b(?:other|another|additional|further)\s+(?:[\w-]+\s+){0,2}$", re.I)
_COMPARED_WITH = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|than|relative\s+to|over)\s+(?:the\s+|a\s+)?$", re.I
)


# A table's column of the drugs that interact with the page's drug ("Interacting drug",
# "Drug", "Interacts with", "Other medicine").
_PARTNER_COLUMN = re.compile(
    r"\W*(?:interacting|other|co-?administered|concomitant)\s+(?:drugs?|medicines?|medications?"
    r"|agents?|substances?)\W*|\W*interacts?\s+with\W*|\W*(?:drug|medicine)\s+interacting\W*",
    re.I,
)


# A class that opens its sentence as its subject ("SSRIs may ...", "All NSAIDs can ...").
_SUBJECT_OPENING = re.compile(r"[\W_]*(?:(?:the|all|most|some)\s+)?", re.I)
_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|all|themselves|as\s+a\s+class)\s+)?(?:may|might|can|could|will|do|does"
    r"|have|has|are|is|increase\w*|raise\w*|cause\w*)\b",
    re.I,
)


# "No. Alcohol and X together ...": a reply's first word may come before the subject
_ANSWER_OPENING = re.compile(r"[\W_]*(?:(?:no|yes)[.,!]\s*)?", re.I)
# "... together can make you drowsy", "... combined may cause": the two act as one subject
_TOGETHER_VERB = re.compile(
    r"\s+(?:taken\s+|used\s+)?(?:together|combined|in\s+combination)\s+"
    r"(?:(?:can|may|might|could|will|often|also)\s+)*(?:make|cause|lead|increase|raise|slow"
    r"|stop|produce|result|add|worsen|deepen)\w*\b",
    re.I,
)


class PairHeadings:
    """Follow the headings that name two drugs ("Warfarin <-> aspirin") through a document.

    A section heading naming them holds for its section; a line of its own naming them holds
    for the lines after it, up to the next blank line or the next such line.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pair: HeadingPair | None = None
        self.until = -1

    def at(self, sentence: Sentence, mentions: list[Mention]) -> HeadingPair | None:
        """Return the pair of drugs the sentence is under, if any (none for the line itself)."""
        if sentence.headings:
            inner = sentence.headings[-1]
            found = heading_pair(inner.text, inner.start, find_mentions(inner.text, inner.start))
            if found is not None:
                return found
        line = None
        if sentence.label is None and sentence.lead_in is None:
            line = heading_pair(sentence.text, sentence.start, mentions)
        if line is not None:
            blank = re.search(r"\n[ \t]*\n", self.text[sentence.end :])
            self.pair = line
            self.until = sentence.end + blank.start() if blank else len(self.text)
            return None
        if self.pair is not None and sentence.start < self.until:
            return self.pair
        self.pair = None
        return None


def topic_under(topic: Mention, pair: HeadingPair | None) -> Mention:
    """Return the drug a sentence is about: the document's, unless a pair heading names others."""
    if pair is None or topic.entity.key in {m.entity.key for m in pair if m is not None}:
        return topic
    return pair[0]


# "taking them together can cause X", "concomitant use of A with B has been associated with
# X", "co-administration ... resulted in X", "A combined with B may lead to X", "when used with
# A, B can cause X": the combination, not one drug, is the cause of the effects the clause
# names after it. A regimen ("in combination with trametinib", "combination antiretroviral
# treatment") is the treatment whose effects a label lists as the drug's own.
COMBINATION_CAUSES = re.compile(
    r"\b(?:(?:taking|taken|using|used|giving|given|combining)\s+(?:\w+\s+){0,4}?together"
    r"|(?:taking|taken|using|used|giving|given|combining|mixing)\s+(?:it|them|this)\s+with"
    r"|together\s+with|co-?administ\w*|coadminist\w*"
    # "concomitant use of A with B", "used concurrently"; "concomitant medication" names a drug
    r"|(?:concomitant|concurrent|simultaneous|joint)\s+(?:use|administration|intake|treatment)"
    r"|(?:used|taken|given|administered)\s+(?:concomitantly|concurrently|simultaneously)"
    r"|combin(?:ed|ing)\s+(?:with|use)"
    # "because the combination can cause coma", "A taken with B can prolong the QT interval",
    # "Lithium with carbamazepine: risk of neurotoxicity" (a formulary's label for the pair)
    r"|(?:the|this|that)\s+combination|(?:taken|used|given)\s+with"
    r"|\bwith\s+[\w' -]{2,40}:\s+(?=\w)"
    r"|(?:when|if)\s+(?:\w+\s+)?(?:used|taken|given|administered|combined)\s+with)\b",
    re.I,
)
# "a fall in blood pressure", "a rise in potassium": the change of a measure, named by it
_CHANGE_OF = re.compile(r"(?<=fall|drop|rise)\s+(?:in|of)\b", re.I)
# "concurrent use of A mitigates the risk of X": the combination lessens what the drug causes
_LESSENS = re.compile(
    r"\b(?:mitigat|reduc|decreas|lower|prevent|attenuat|protect|lessen|diminish)\w*", re.I
)
# What ends the reach of such a cue: a new statement or a clause of contrast.
_COMBINATION_END = re.compile(r"[;.]\s|\bbut\b|\bwhereas\b|\bwhile\b|\bhowever\b", re.I)


def combination_causes(reader: ReaderBase, at: int) -> bool:
    """Tell whether the effect at ``at`` is the combination's, not the drug's own.

    "Taking them together can cause coma", "Concomitant use of A with B has been associated
    with X": the cue of using two drugs together stands before the effect, in the same
    statement, and another drug or class is named before the effect (or a heading joins one
    to the drug). "A causes drowsiness; alcohol increases it" keeps A's own.
    """
    text, begin = reader.text, 0
    for end in _COMBINATION_END.finditer(text, 0, at):
        begin = end.end()
    cue = COMBINATION_CAUSES.search(text, begin, at)
    if cue is None or _LESSENS.search(text, cue.end(), at):
        return False  # "whether concurrent use of A mitigates the risk of X": no cause
    pair = reader.heading_pair
    return (pair is not None and pair[1] is not None) or any(
        m.entity.type in PARTNERS and m.entity.key != reader.topic.entity.key
        for m in reader.mentions
        if m.start - reader.sentence.start < at
    )


# "... raise the risk of sleep-walking", "an increased chance of falls": what the effect is
_RISK_OF_BEFORE = re.compile(
    r"\b(?:risk|danger|chance|likelihood)\s+of\s+(?:(?:a|an|the|serious|severe)\s+)?$", re.I
)


class InteractionReading(PhenotypeReading):
    """Interactions between the drugs a sentence names, or with the topic drug."""

    def interaction_consequences(self) -> tuple[Mention, ...]:
        """Return what the interaction brings about: the lexicon's effects and the vocabulary's.

        The vocabulary's ("breathing difficulties", "coma") count where the combination is
        their cause, not where a patient has them ("in patients with epilepsy") or they are
        only supposed ("if drowsiness occurs").
        """
        named = self.others(CONSEQUENCES)
        keys = {m.entity.key for m in named}
        uses = {m.start for m in self.treated_conditions}
        row = self.partner_column() is not None  # a row of a table of interacting drugs
        extra = [
            m
            for m in self.adverse_objects(CONSEQUENCES)
            if m.entity.key not in keys
            and m.start not in uses
            and not any(n.start < m.end and m.start < n.end for n in named)
            and not adverse.is_risk_factor(self.text, self.rel(m))
            and not adverse.is_supposed(self.text, self.rel(m))
            and not _CHANGE_OF.match(self.text, m.end - self.sentence.start)
            and (row or combination_causes(self, self.rel(m)) or self.pair_risk(self.rel(m)))
        ]
        return (*named, *extra)

    def pair_risk(self, at: int) -> bool:
        """Tell whether the effect at ``at`` is a risk the sentence names after two drugs.

        "Opioids may deepen the sedation X causes and add to the risk of falls": both drugs
        stand before "risk of" in the same statement, so the risk is the pair's.
        """
        if not _RISK_OF_BEFORE.search(self.text, 0, at):
            return False
        begin = 0
        for end in _COMBINATION_END.finditer(self.text, 0, at):
            begin = end.end()
        keys = {
            m.entity.key
            for m in self.mentions
            if m.entity.type in PARTNERS and begin <= self.rel(m) < at
        }
        return len(keys) >= 2

    def model_only_interactions(self) -> Iterator[Claim]:
        """With a trained model, judge sentences naming two drugs even without a cue word.

        An item of a list whose lead-in gives the cue ("... when taken with X:") needs none;
        where the model finds nothing, advice to space the doses pairs the drugs it spaces.
        """
        listed = self.lead_in_partners()
        if listed is not None:
            rule = R.RULES_BY_NAME["interaction"]
            yield from self.claims_of(rule, listed, inferred=True, lead_in=True)
            return
        rule = R.RULES_BY_NAME["interaction"]
        drugs = self.candidates()
        found: list[Claim] = []
        if get_model() is not None and len({m.entity.key for m in drugs}) >= 2:
            found = list(self.interactions(rule, cue=False))
        # "Take A 2 hours before antacids or iron": spacing the doses pairs what the model
        # left out, where the sentence names the drug it spaces (else only if nothing is found)
        paired = {frozenset((c.subject.entity.key, c.obj.entity.key)) for c in found if c.obj}
        spaced = [
            p
            for p in self.spaced_partners()
            if frozenset((p.first.entity.key, p.second.entity.key)) not in paired
        ]
        if found and self.inferred:
            spaced = []
        if not found and not spaced:
            spaced = self.joint_subjects()
        yield from found
        yield from self.claims_of(rule, spaced, inferred=self.inferred)

    def joint_subjects(self) -> list[Pair]:
        """Pair two drugs the sentence opens with as one subject acting together.

        "Alcohol and X together can make you very drowsy": the pair, with the harm it names,
        where no cue word and no model verdict found it. The harm must be named.
        """
        drugs = self.candidates()
        keys = {m.entity.key for m in drugs}
        if len(drugs) != 2 or len(keys) != 2 or not self.others(CONSEQUENCES):
            return []
        first, second = drugs
        glue = self.text[self.rel(first) + len(first.text) : self.rel(second)]
        if not _ANSWER_OPENING.fullmatch(self.text, 0, self.rel(first)):
            return []
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and|with|plus)\s+", glue, re.I):
            return []
        if not _TOGETHER_VERB.match(self.text, self.rel(second) + len(second.text)):
            return []
        return [Pair(first, second, "effect", denies_interaction(self.text, (self.rel(second),)))]

    @cached_property
    def partners(self) -> list[Mention]:
        """Return the drugs and classes that may interact: not what a patient is allergic to."""
        return [
            m
            for m in self.mentions
            if m.entity.type in PARTNERS
            and (
                m.entity.key == self.topic.entity.key
                or not R.ALLERGEN_BEFORE.search(self.text, 0, self.rel(m))
            )
            # "an overdose of antidepressants can cause bleeding": the overdose, no partner
            and not (
                m.entity.type is EntityType.DRUG_CLASS
                and _OVERDOSE_OF.search(self.text, 0, self.rel(m))
            )
        ]

    def lead_in_partners(self) -> list[Pair] | None:
        """Pair the topic with the drugs of a list item whose lead-in states the interaction.

        "Some medicines raise the risk of muscle problems when taken with X:" (each item is a
        partner of X), "Do not take X if you:" (an item saying the patient takes a drug): such a
        lead-in names the topic. "Tell your doctor if you take:" asks for the medicines that
        matter with the leaflet's drug, named or not. None when the item is no such item.
        """
        lead_in = self.sentence.lead_in
        if lead_in is None:
            return None
        column = self.partner_column()
        if column is not None:
            return column
        named = self.topic.entity.key in {m.entity.key for m in find_mentions(lead_in)}
        if named and _LEAD_IN_WITH.search(lead_in):
            # "does not interact with:", "fine when taken with:", "commonly used with:", "can
            # be combined with these antibiotics to treat H. pylori:" list no partners
            if (
                not states_harm(lead_in)
                or NO_INTERACTION.search(lead_in)
                or _REASSURES.search(lead_in)
                or states_regimen(lead_in)
            ):
                return None
            own = interaction_type(self.text)  # the item's own words type it, else the lead-in
            kind = own if own != "int" else interaction_type(lead_in)
        elif named and R.CONTRAINDICATION_CUE.search(lead_in) and _TAKES_ITEM.match(self.text):
            kind = "advise"
        elif _TELL_IF_TAKING.search(lead_in) and not _REASSURES.search(lead_in):
            kind = interaction_type(self.text)
        else:
            return None
        partners = [m for m in self.candidates() if m.entity.key != self.topic.entity.key]
        if not partners:
            return None
        return [
            Pair(self.topic, m, kind, denies_interaction(self.text, (self.rel(m),)))
            for m in partners
        ]

    def partner_column(self) -> list[Pair] | None:
        """Pair the topic with the drug a table row names in its column of interacting drugs.

        "| Interacting drug | Severity | What may happen |" over "| Warfarin | Major | Bleeding |":
        each row names one partner of the drug the page is about, whatever its other cells say.
        None when the sentence is no such row.
        """
        cells = table_cells(self.text)
        titles = table_cells(self.sentence.lead_in or "")
        if not cells or len(titles) != len(cells):
            return None
        column = next((k for k, t in enumerate(titles) if _PARTNER_COLUMN.fullmatch(t)), None)
        if column is None or NO_INTERACTION.search(self.sentence.lead_in or ""):
            return None
        begin = sum(len(c) for c in self.text.split("|")[: column + 1]) + column + 1
        end = begin + len(self.text.split("|")[column + 1])
        partners = [
            m
            for m in self.candidates()
            if begin <= self.rel(m) < end and m.entity.key != self.topic.entity.key
        ]
        if not partners:
            return None
        kind = interaction_type(self.text)
        return [
            Pair(self.topic, m, kind, denies_interaction(self.text, (self.rel(m),)))
            for m in partners
        ]

    def spaced_partners(self) -> list[Pair]:
        """Pair the drug whose doses the sentence spaces with each drug named after the cue.

        "Take A at least 2 hours before or 6 hours after B, C or products containing D": the
        topic (or, unnamed, the first drug named before the cue) with B, C and D, advice.
        """
        cue = SPACED_DOSES.search(self.text)
        if cue is None or not SPACING_ADVICE.search(self.text) or NO_INTERACTION.search(self.text):
            return []  # "given 2 hours after omeprazole, its levels were unchanged": a study
        drugs = self.candidates()
        before = [m for m in drugs if self.rel(m) < cue.start()]
        after = [m for m in drugs if self.rel(m) >= cue.start()]
        spaced, partners = self.topic, drugs  # "Iron: separate the doses by 4 hours."
        if self.inferred and before and after:
            spaced, partners = before[0], after
        return [
            Pair(spaced, m, "advise", False) for m in partners if m.entity.key != spaced.entity.key
        ]

    def heading_partner(self) -> Mention | None:
        """Return the drug a pair heading joins to the sentence's topic, if any."""
        if self.heading_pair is None or self.heading_pair[1] is None:
            return None
        first, second = self.heading_pair
        return second if first.entity.key == self.topic.entity.key else first

    def labelled_item(self) -> bool:
        """Tell whether the sentence is an item of an interactions list led by its label."""
        return "interaction" in self.kinds and self.sentence.label is not None

    def denies(self) -> bool:
        """Tell whether the sentence says there is no interaction."""
        return bool(NO_INTERACTION.search(self.text))

    def left_open(self, pair: Pair) -> bool:
        """Tell whether the clause holding the pair leaves the question open ("whether ...")."""
        spans = [(self.rel(m), self.rel(m) + len(m.text)) for m in (pair.first, pair.second)]
        for question in _LEFT_OPEN.finditer(self.text):
            if all(
                begin >= 0
                and not _CLAUSE_BREAK.search(
                    self.text, min(begin, question.start()), max(end, question.end())
                )
                for begin, end in spans
            ):
                return True
        return False

    def states_no_interaction(self, pair: Pair) -> bool:
        """Tell whether the pair, found in the sentence, is no interaction it states."""
        if pair.by_model and (_COMPARES_THEM.search(self.text) or self.in_place_of(pair)):
            return True  # "X is less effective than Y", "Y is an alternative": no interaction
        if self.left_open(pair):
            return True  # "whether A raises B levels is unknown": no claim either way
        if pair.by_model and self.denies_pair(pair):
            return True  # "A and B do not interact": the model's pair is not what is denied
        if self.no_partner_in(pair):
            return True  # "Both block folate", "its constituent hyperforin": no partner
        between = self.text[self.rel(pair.first) + len(pair.first.text) : self.rel(pair.second)]
        return between == "/"  # "sacubitril/valsartan": one combined product, not two partners

    def in_place_of(self, pair: Pair) -> bool:
        """Tell whether the sentence says a drug of the pair is preferred, an option or lacking.

        "A is usually preferred, but B remains a good choice": one in place of the other.
        """
        keys = {pair.first.entity.key, pair.second.entity.key}
        end = self.sentence.start + len(self.text)
        return any(
            m.entity.key in keys
            and self.sentence.start <= m.start < end
            and _IN_PLACE_OF.match(self.text, self.rel(m) + len(m.text)) is not None
            for m in self.mentions
        )

    def pair_hedge(self, first: Mention, second: Mention) -> str | None:
        """Return the hedge of the partner's clause, else of the later drug's own clause.

        "St John's wort, which can weaken the effect of X": the relative clause that names
        the topic after the partner states the interaction, with its "can".
        """
        hedge = self.hedge_for(second)
        end = self.sentence.start + len(self.text)
        later = any(
            m.entity.key == first.entity.key and second.start < m.start < end for m in self.mentions
        )
        return self.hedge_for(first) if hedge is None and later else hedge

    def with_own_class(self, pair: Pair) -> bool:
        """Tell whether the pair is a drug with its own class, not named as "other" members.

        "... a pain that needs an opioid analgesic" in a morphine label names morphine's own
        class; "morphine with other opioids" names the other members, a partner.
        """
        if not own_class(pair.first, pair.second):
            return False
        cls = max(pair.first, pair.second, key=lambda m: m.entity.type is EntityType.DRUG_CLASS)
        if cls.text.lower().startswith(("other ", "another ")):
            return False
        if _OTHER_MEMBERS.search(self.text, 0, max(self.rel(cls), 0)):
            return False
        # the model's pair, or the class's name qualifying a noun ("opioid excess", "after
        # every benzodiazepine dose"); "combining it with benzodiazepines" names a partner
        return pair.by_model or bool(
            _CLASS_AS_MODIFIER.match(self.text, self.rel(cls) + len(cls.text))
        )

    def no_partner_in(self, pair: Pair) -> bool:
        """Tell whether a drug of the pair is named as a substance or supplement, no partner."""
        end = self.sentence.start + len(self.text)
        return any(
            m.entity.key != self.topic.entity.key
            and self.sentence.start <= m.start < end
            and named_as_no_partner(
                self.text, self.sentence.start, m, named_topic=not self.inferred
            )
            for m in (pair.first, pair.second)
        )

    def affirmed_later(self, pair: Pair) -> bool:
        """Tell whether a clause after the denial states the pair's interaction after all."""
        keys = {pair.first.entity.key, pair.second.entity.key}
        others = tuple(
            self.rel(m)
            for m in self.mentions
            if m.entity.type in PARTNERS and m.entity.key not in keys
        )
        return affirmed_after_denial(self.text, others)

    def denies_pair(self, pair: Pair) -> bool:
        """Tell whether a denial follows both drugs of the pair in their own clause.

        "A and B do not interact" denies A-B; "A raises B levels, whereas C does not alter
        them" does not deny A-B.
        """
        start = self.rel(pair.first)
        for denial in NO_INTERACTION.finditer(self.text):
            if start < 0 or denial.start() < self.rel(pair.second):
                continue
            if not _CLAUSE_BREAK.search(self.text, start, denial.start()):
                return True
        return False

    def candidates(self) -> list[Mention]:
        """Return the drugs and classes that may interact, with the classes the text shapes.

        A class named only to explain the mechanism ("..., because SSRIs impair ...") is none.
        """
        start = self.sentence.start
        # a class phrase is found against every drug and class, partners or not: "allergic to
        # other proton pump inhibitors" must not leave "pump inhibitors" to be read as a class
        named = [m for m in self.mentions if m.entity.type in PARTNERS]
        return [
            m
            for m in with_class_mentions(self.text, start, named)
            if (m in self.partners or (m not in named and self._may_partner(m)))
            and not explains_only(self.text, start, m)
            and not self.said_to_be(m)
        ]

    def said_to_be(self, mention: Mention) -> bool:
        """Tell whether a class is what a drug of the sentence is said to be ("X is a Y")."""
        if mention.entity.type is not EntityType.DRUG_CLASS:
            return False
        at = self.rel(mention)
        if _IS_A.search(self.text, 0, at):
            return True
        comma = _APPOSITIVE.search(self.text, 0, at)  # "X, a CYP3A4 inhibitor, ..."
        return comma is not None and any(
            m.entity.type in PARTNERS and self.rel(m) + len(m.text) == comma.start()
            for m in self.mentions
        )

    def _may_partner(self, mention: Mention) -> bool:
        """Tell whether a class phrase the text shapes may interact: not an allergen."""
        return not R.ALLERGEN_BEFORE.search(self.text, 0, self.rel(mention))

    def for_disease(self) -> bool:
        """Tell whether the sentence says what disease its drugs are given for.

        In an indications section, or naming a condition after "for" ("... for hepatitis C").
        """
        return "indication" in self.kinds or any(
            m.entity.type in (EntityType.CONDITION, EntityType.ADVERSE_EFFECT)
            and _FOR_USE.search(self.text, 0, self.rel(m))
            for m in self.mentions
        )

    def interactions(self, rule: R.Rule, *, cue: bool = True) -> Iterator[Claim]:
        """Pair the drugs the sentence names (interactions.py); else pair the topic.

        ``cue`` False: no interaction cue matched, so only the model's own pairs count.
        """
        listed = self.lead_in_partners()
        if listed is not None:  # an item of "Do not take X if you:", "... taken with X:"
            yield from self.claims_of(rule, listed, inferred=True, lead_in=True)
            return
        drugs = self.candidates()
        alone = len({m.entity.key for m in drugs}) < 2
        if alone and any(self.said_to_be(m) for m in self.mentions):
            return  # "Ketoconazole is a strong CYP3A4 inhibitor.": what it is, no interaction
        if states_regimen(self.text, for_disease=self.for_disease()):
            return  # "it is given in combination with Y for X": a treatment, no interaction
        labelled = label_class_example(self.text, self.sentence.start, drugs)
        if labelled and self.topic.entity.key not in {m.entity.key for m in drugs}:
            # "Oral anticoagulants: the combination with warfarin ...": the topic's partners
            topic = topic_pairs(self.text, self.sentence.start, self.topic, labelled)
            yield from self.claims_of(rule, topic, inferred=True)
            return
        model = get_model()
        if model is None:
            pairs = interaction_pairs(self.text, self.sentence.start, drugs)
        else:  # the trained model chooses among the pairs, the rules' verdict one input
            pairs = model_pairs(self.text, self.sentence.start, drugs, model, cue=cue)
        pairs = pairs or self.joint_subjects()  # "A and B together can cause X"
        if self.inferred and self.kind_list(drugs, cue=cue):
            pairs = []  # "Medicines that block X, like A or B, weaken its effect": the topic's
        inferred = not pairs and self.inferred
        several = len({m.entity.key for m in drugs}) > 1
        if several and model is not None and not self.listed_for_topic(drugs, cue=cue):
            # the model judged the named drugs; none is the topic's partner. A class named with
            # its examples ("opioids such as codeine or morphine: ...") is the topic's partner.
            inferred = False
        partner = self.heading_partner()
        if partner is not None:  # under "Warfarin <-> aspirin": the pair the heading names
            named_keys = {m.entity.key for m in drugs}
            inferred = not pairs
            pairs = pairs or (
                [Pair(self.topic, partner, interaction_type(self.text), self.denies())]
                if named_keys <= {self.topic.entity.key, partner.entity.key}
                else []
            )
        elif inferred:  # "Combining it with alcohol ...": the other drug is the topic
            pairs = self.unnamed_topic_pairs()
        yield from self.claims_of(rule, pairs, inferred=inferred)

    def kind_list(self, drugs: list[Mention], *, cue: bool) -> bool:
        """Tell whether the drugs are examples of an unnamed kind said to act on the topic."""
        return (cue or interaction_type(self.text) != "int") and kind_examples_opening(
            self.text, self.sentence.start, drugs
        )

    def listed_for_topic(self, drugs: list[Mention], *, cue: bool) -> bool:
        """Tell whether the sentence names its drugs as examples, each the topic's partner."""
        start = self.sentence.start
        return (
            ((cue or self.labelled_item()) and one_class_with_examples(self.text, start, drugs))
            # an item of an interactions list naming only examples of one kind of medicine
            # ("- medicines for gout such as A and B"): they are the topic's partners
            or (
                (self.labelled_item() or (cue and self.sentence.lead_in is not None))
                and one_examples_list(self.text, start, drugs)
            )
            or self.kind_list(drugs, cue=cue)
        )

    def unnamed_topic_pairs(self) -> list[Pair]:
        """Pair the topic, unnamed in the sentence, with each drug or class it names."""
        named = [
            m
            for m in self.others(PARTNERS)
            if m in self.partners and not explains_only(self.text, self.sentence.start, m)
        ]
        if self.class_says_own_effect(named):
            return []  # "SSRIs may increase the risk of bleeding" under warnings: its class's
        if len(named) == 1 and self.advice_on_named_only(named[0]):
            return []  # "Phenytoin is contraindicated in heart block": phenytoin's own advice
        if self.other_arm_agent():
            return []  # "Placebo did not change X levels": the other arm, not the topic drug
        return topic_pairs(self.text, self.sentence.start, self.topic, named)

    def advice_on_named_only(self, named: Mention) -> bool:
        """Tell whether the sentence advises on the drug it opens with, alone: no partner.

        "Phenytoin is contraindicated in patients with heart block", "Valproate should be
        avoided in children with mitochondrial disease", "Diazepam should not be given by
        intramuscular injection": the drug's own contraindication or route, said of patients
        with an illness (not "in patients taking it"), with no word of using it with another.
        """
        if not _SUBJECT_OPENING.fullmatch(self.text, 0, self.rel(named)):
            return False
        rest = self.text[self.rel(named) + len(named.text) :]
        advice = _OWN_ADVICE.match(rest)
        return (
            advice is not None
            and not JOINT_USE.search(rest, advice.end())
            and not COMBINATION_CAUSES.search(self.text)
            and not _TOPIC_WORD.search(rest)
        )

    def other_arm_agent(self) -> bool:
        """Tell whether a trial's other arm (placebo, vehicle, control) is what acted.

        "Compared with placebo, it doubled X levels" names the arm only as the comparison.
        """
        return any(
            not _COMPARED_WITH.search(self.text, 0, arm.start())
            for arm in _OTHER_ARM_AGENT.finditer(self.text)
        )

    def class_says_own_effect(self, named: list[Mention]) -> bool:
        """Tell whether a warning says what a class does, the unnamed topic's own class.

        Outside an interactions section, "SSRIs may increase the risk of bleeding" (a class as
        the subject, alone, with no word of using it with anything) warns of the class the
        document's drug belongs to; "Alcohol may increase the risk of bleeding" names a drug,
        and an interactions section's sentences are about partners.
        """
        if "interaction" in self.kinds or len(named) != 1:
            return False
        only = named[0]
        if only.entity.type is not EntityType.DRUG_CLASS:
            return False
        return (
            _SUBJECT_OPENING.fullmatch(self.text, 0, self.rel(only)) is not None
            and _VERB_AFTER.match(self.text, self.rel(only) + len(only.text)) is not None
            and not JOINT_USE.search(self.text)
            and not COMBINATION_CAUSES.search(self.text)
        )

    def claims_of(
        self, rule: R.Rule, pairs: list[Pair], *, inferred: bool, lead_in: bool = False
    ) -> Iterator[Claim]:
        """Turn the sentence's pairs into interaction claims, the topic drug leading.

        ``lead_in``: the advice is the lead-in's ("Do not take X if you:"), not the item's.
        """
        if STUDY_AIM.search(self.text):
            return  # "We reviewed interactions between A and B": the aim, no finding yet
        consequences = self.interaction_consequences() if pairs else ()
        advice = R.ADVICE.search(self.text)
        if advice is None and lead_in and self.sentence.lead_in is not None:
            advice = R.ADVICE.search(self.sentence.lead_in)
        denied_above = any(_NONE_FOUND.search(h.text) for h in self.sentence.headings)
        for pair in pairs:
            if self.states_no_interaction(pair) or self.with_own_class(pair):
                continue
            if coordinated_subjects(self.text, self.sentence.start, self.candidates(), pair, pairs):
                continue  # "A and B can lower C levels": A-C and B-C, not A-B
            first, second = pair.first, pair.second
            if second.entity.key == self.topic.entity.key:  # the topic drug leads
                first, second = second, first
            qualifiers: list[tuple[str, str]] = [("interaction_type", pair.kind)]
            if advice:
                qualifiers.append(("advice", advice.group()))
            yield Claim(
                relation="interacts_with",
                subject=first,
                sentence=self.sentence,
                rule="ddi-model" if pair.by_model else rule.name,
                obj=second,
                hedge=self.pair_hedge(first, second),
                negated=(pair.negated and not self.affirmed_later(pair)) or denied_above,
                consequences=consequences,
                qualifiers=tuple(qualifiers),
                subject_inferred_from_topic=inferred,
            )
