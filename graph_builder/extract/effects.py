"""Reading side effects and withdrawal symptoms (recognition itself: ``graph_builder.adverse``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from graph_builder import adverse
from graph_builder import rules as R
from graph_builder.extract.base import PARTNERS
from graph_builder.extract.context import denied_for_a_group, is_negated
from graph_builder.extract.groups import side_effect_group
from graph_builder.extract.interacting import combination_causes
from graph_builder.extract.phenotypes import PhenotypeReading
from graph_builder.extract.tables import table_row
from graph_builder.lexicon import get_lexicon
from graph_builder.model import Claim, Entity, EntityType, Mention, Sentence

# "alcohol may cause ...": the drug named first may be the cause (a case it "has caused" is
# reported for a related drug, and counts as a warning of the drug's own).
_CAUSES = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:may|can|could|will)\s+(?:\w+\s+)?"
    r"(?:cause|induce|produce|lead to|result in)\b"
)


_ANIMALS = re.compile(r"animals|rats|mice", re.I)
# What opens a clause of its own before the drug: "..., as X can cause", "because X may cause".
_CLAUSE_OPENING = re.compile(
    r"(?:,\s*(?:as|since|because|and)|\b(?:because|since|as))\s+(?:\w+\s+){0,2}$", re.I
)


# "bleeding, which can be fatal", "the reaction may prove lethal": the outcome the effect
# named before it may have, a measure of how serious that is, not a reaction of its own.
# ("One of these events was fatal" reports deaths: a finding.)
_OUTCOME_WORD = re.compile(r"fatal|lethal|deadly", re.I)
_SAID_OF_WHAT_WENT_BEFORE = re.compile(
    r"\b(?:can|may|could|might)\s+(?:(?:potentially|sometimes|occasionally|rarely|even)\s+)?"
    r"(?:be|prove|become)\s+(?:(?:potentially|even)\s+)?$",
    re.I,
)


def outcome_of_another(text: str, at: int, surface: str) -> bool:
    """Tell whether a word of outcome ("fatal") is said of an effect named before it.

    >>> outcome_of_another("Bleeding, which can be fatal, may occur.", 23, "fatal")
    True
    >>> outcome_of_another("Fatal outcomes have been reported.", 0, "Fatal")
    False
    """
    return bool(_OUTCOME_WORD.fullmatch(surface)) and bool(
        _SAID_OF_WHAT_WENT_BEFORE.search(text, max(0, at - 40), at)
    )


# "ACE inhibitors for high blood pressure": what another drug or class named just before is
# for, its use, no effect of the topic drug.
_USED_FOR_GAP = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?:which\s+(?:are|is)\s+)?(?:used|taken|given|prescribed)\s+)?"
    r"(?:for|to\s+(?:treat|control|prevent))\s+(?:(?:your|the|a|an)\s+)?"
    r"(?:[\w'-]+\s+){0,2}",
    re.I,
)
# "withhold trametinib for fever", "a lower dose of insulin for X": what is done to a drug
# because of an effect, no use of it.
_ACTED_ON_BEFORE = re.compile(
    r"\b(?:discontinu\w*|withh[oe]ld\w*|interrupt\w*|stop\w*|reduc\w*|doses?|dosing|resum\w*"
    r"|hold|switch\w*|adjust\w*)\b[^.;]{0,60}$",
    re.I,
)
# "other drugs that prolong the QT interval", "medicines known to cause X": what other drugs
# do, no effect of the topic drug.
OTHER_DRUGS_DOING = re.compile(
    r"\b(?:drugs?|medications?|medicines?|agents?|products?|therapies|classes)\s+"
    r"(?:that|which|known\s+to|able\s+to)\s+(?:(?:also|can|may|could|might|are|is|known"
    r"|to)\s+){0,3}$",
    re.I,
)
# "Taking it with X can cause Y", "using the drug with X": the drug is taken with another.
_TAKEN_WITH = re.compile(
    r"\b(?:tak(?:e|es|ing|en)|us(?:e|es|ing|ed)|combin(?:e|es|ing|ed)|mix(?:es|ing|ed)?)\s+"
    r"(?P<what>(?:this|the)\s+(?:medicine|drug)|[\w-]+)\s+(?:together\s+)?(?:with|alongside|and)\b",
    re.I,
)
_PRONOUN = re.compile(r"it|this|them|(?:this|the)\s+(?:medicine|drug)", re.I)
_CLAUSE_END = re.compile(r"[;.]\s|\bbut\b|\bwhereas\b|\bhowever\b", re.I)
# "Symptoms of X include A, B": the signs of the reaction X, not the drug's effects.
_SYMPTOMS_LEAD = re.compile(
    r"\b(?:signs?|symptoms?)(?:\s+and\s+(?:signs?|symptoms?))?"
    r"(?P<of>\s+of\s+(?:(?:this|these|it|the)\s+)?(?:[\w-]+\s+){0,4}?)?"
    r"\s*(?:(?:may|can|might|could|often|usually|typically)\s+)?"
    r"(?:include[sd]?|(?:are|were)\s*:|such\s+as|consist\s+of)[^.;]*$",
    re.I,
)
_SYMPTOMS_OF_A_CAUSE = re.compile(
    r"\b(?:side|adverse|withdrawal|discontinuation|early|first|warning|common|following)\s*$",
    re.I,
)


# A reaction named by its set of signs: "neuroleptic malignant syndrome" (not "allergic
# reactions (angioedema, rash, urticaria)", which lists reactions of their own).
_SYNDROME = re.compile(r"\bsyndrome$", re.I)


def symptoms_lead(text: str, at: int) -> re.Match[str] | None:
    """Return the lead of a list of signs of a reaction ("Symptoms include") before ``at``.

    >>> symptoms_lead("Symptoms include cramps and weakness.", 17) is not None
    True
    >>> symptoms_lead("Side effects include cramps.", 21) is None
    True
    """
    lead = _SYMPTOMS_LEAD.search(text, 0, at)
    if lead is None or _SYMPTOMS_OF_A_CAUSE.search(text, 0, lead.start()):
        return None
    return lead


# "Usually only at excessive dosage: A, B": a lead that limits the list to overdose; it says
# when the effects come, not how likely they are ("usually" is no hedge of theirs).
_OVERDOSE_LEAD = re.compile(
    r"(?:\b(?:usually|mainly|mostly|generally|chiefly)\s+)?(?P<when>(?:\bonly\s+)?"
    r"\b(?:at|with|in|after|on)\s+(?:(?:an?|the)\s+)?(?:(?:very|too)\s+)?"
    r"(?:excessive|high|toxic|large|supratherapeutic)\s+(?:doses?|dosages?|dosing)\b"
    r"|\b(?:only\s+)?(?:in|after|with|on)\s+(?:an?\s+)?overdos(?:e|es|age)\b)\s*[:,]",
    re.I,
)


def overdose_lead(text: str, at: int) -> str | None:
    """Return the words that limit a list to overdose ("only at excessive dosage"), or None.

    >>> overdose_lead("Mostly only at high doses: tremor, sweating.", 27)
    'only at high doses'
    >>> overdose_lead("Tremor and sweating at high doses.", 11) is None
    True
    """
    found = None
    for match in _OVERDOSE_LEAD.finditer(text, 0, at):
        found = match  # the nearest lead before the effect
    if found is None or _CLAUSE_END.search(text, found.end(), at):
        return None
    return found.group("when")


# "withdrawal symptoms in the newborn baby", "pulmonary hypertension of the newborn": the
# effect is the child's, exposed before birth; the population says so.
_IN_OFFSPRING = re.compile(
    r"\s+(?:in|of)\s+(?:(?:the|a|your)\s+)?(?P<who>(?:(?:newborn|neonatal|unborn|new-born)\s+)?"
    r"(?:newborns?|neonates?|infants?|bab(?:y|ies)|fetus|foetus|fetuses|foetuses))\b",
    re.I,
)


def offspring_after(text: str, end: int) -> str | None:
    """Return the exposed child named right after an effect ("in the newborn baby"), or None.

    >>> offspring_after("jaundice in the newborn baby.", 8)
    'newborn baby'
    >>> offspring_after("jaundice in adults.", 8) is None
    True
    """
    match = _IN_OFFSPRING.match(text, end)
    return match.group("who") if match else None


# A cell that says the drug's arm had none of the effect.
_DENYING_CELL = re.compile(
    r"\s*(?:none|no|nil|not (?:reported|observed|seen|known to occur)|0(?:\.0)?\s*%?|-|–|—)\s*",
    re.I,
)


class SideEffectReading(PhenotypeReading):
    """Side effects as the text groups them; withdrawal symptoms kept apart."""

    def side_effects(self, rule: R.Rule) -> Iterator[Claim]:
        """Yield the side effects a side-effect rule finds, grouped as the headings say."""
        if not self.names_own_effects(rule) or self.item_of_advice:
            return
        population = self.population_at_risk()
        animal = adverse.animal_finding(self.text)
        # what a list of withdrawal symptoms names is read there; what follows its end is not
        lists = [(cue.start(), end) for cue, end in self.withdrawal_lists()]
        # "Prazosin, used to treat hypertension, may cause fainting": a use is no side effect
        uses = {m.start for m in self.treated_conditions}
        # "..., as carbamazepine can cause X": only what the drug's own clause names
        own_from = self.topic_causes_from() if self.other_drug_leads_outside_effects() else 0
        for obj in self.adverse_objects(rule.objects):
            at = self.rel(obj)  # a risk factor or a supposed case ("If a rash occurs") is none
            if (
                at < own_from
                or obj.start in uses
                # "A was not associated with more X than B": no finding of X either way
                or (
                    R.COMPARISON_BEFORE.search(self.text, 0, at)
                    and R.THAN_AFTER.match(self.text, at + len(obj.text))
                )
                or (obj.entity.key != "withdrawal" and any(s <= at < e for s, e in lists))
                or adverse.is_risk_factor(self.text, at)
                or outcome_of_another(self.text, at, obj.text)  # "bleeding, which can be fatal"
                or adverse.is_supposed(self.text, at)
                or adverse.is_sign_to_watch(self.text, at)
                or R.ANOTHER_DRUGS_USE_NEAR.search(self.text, 0, at)  # "medicines for diabetes"
                or self.advice_in_another_cell(at)  # "| Heart failure | Not recommended |"
                or R.MASKED_SIGNS.search(self.text, 0, at)  # "may mask the signs of X"
                # "taking them together can cause X"; a label's side effects and warnings
                # sections list the risks of every combination as the drug's own
                or (not {"adverse", "precaution"} & self.kinds and combination_causes(self, at))
                or adverse.changes_a_level(self.text, at, len(obj.text))  # "A can raise its levels"
                or self.another_drugs_use(at)  # "ACE inhibitors for high blood pressure"
                or OTHER_DRUGS_DOING.search(self.text, max(0, at - 60), at)
                or self.taken_with_another(at)  # "taking it with fluoxetine may cause X"
                or self.outcome_of_the_next(obj, at)  # "fatal colitis": colitis, which was fatal
                or self.symptom_of_a_reaction(obj, at)  # "Symptoms include A, B"
            ):
                continue
            qualifiers: tuple[tuple[str, str], ...] = ()
            negated = self.negated_at(at)
            # "seizures were not reported in children": denied for that group, stated for none
            denied_group = None if negated else denied_for_a_group(self.text, at)
            if denied_group:
                negated = True
                qualifiers = (
                    ("species" if _ANIMALS.match(denied_group) else "population", denied_group),
                )
            elif animal:  # a finding in animal studies, kept apart from effects in people
                qualifiers = (("species", animal),)
            elif population:
                qualifiers = (("population", population.text),)
            elif child := offspring_after(self.text, at + len(obj.text)):
                qualifiers = (("population", child),)
            elif rule.name == "pregnancy-risk":
                qualifiers = (("population", "pregnancy"),)
            claim = self.claim(
                "has_side_effect",
                rule.name,
                obj,
                negated=negated,
                group=side_effect_group(self.sentence, at),
                qualifiers=qualifiers,
            )
            overdose = overdose_lead(self.text, at)
            yield claim if overdose is None else replace(claim, hedge=overdose)

    def another_drugs_use(self, at: int) -> bool:
        """Tell whether the phenotype at ``at`` is what another drug named before it is for."""
        for m in self.mentions:
            if m.entity.type not in PARTNERS or m.entity.key == self.topic.entity.key:
                continue
            start = self.rel(m)
            end = start + len(m.text)
            if (
                end <= at
                and _USED_FOR_GAP.fullmatch(self.text, end, at)
                and not _ACTED_ON_BEFORE.search(self.text, 0, start)
            ):
                return True
        return False

    def taken_with_another(self, at: int) -> bool:
        """Tell whether the effect at ``at`` follows taking the drug with another one named.

        "Taking it with an SSRI may bring on X": the combination's consequence, no effect of
        the drug alone (the interactions stage reads the pair).
        """
        begin = 0
        for end in _CLAUSE_END.finditer(self.text, 0, at):
            begin = end.end()
        for found in _TAKEN_WITH.finditer(self.text, begin, at):
            what = found.start("what")
            the_drug = _PRONOUN.fullmatch(found.group("what")) or any(
                self.rel(m) == what and m.entity.key == self.topic.entity.key for m in self.mentions
            )
            if the_drug and any(
                m.entity.type in PARTNERS
                and m.entity.key != self.topic.entity.key
                and found.end() <= self.rel(m) < at
                for m in self.mentions
            ):
                return True
        return False

    def outcome_of_the_next(self, obj: Mention, at: int) -> bool:
        """Tell whether "fatal" qualifies the reaction right after it ("fatal colitis")."""
        if not _OUTCOME_WORD.fullmatch(obj.text):
            return False
        after = at + len(obj.text)
        gap = re.match(r"[\s-]+", self.text[after:])
        start = after + (gap.end() if gap else 0)
        return any(
            self.rel(m) == start and m is not obj
            for m in self.adverse_objects(R.PHENOTYPES, each_mention=True)
        )

    def symptom_of_a_reaction(self, obj: Mention, at: int) -> bool:
        """Tell whether the effect at ``at`` is listed as a sign of a reaction the sentence names.

        "Symptoms of X include A, B": A and B are X's (``reaction_symptoms``), not the drug's.
        A bare "Symptoms include A" is left as the drug's: the reaction is in another sentence,
        and a label lists the signs of the drug's own reaction that way.
        """
        return self.reaction_of(obj) is not None

    def reaction_of(self, obj: Mention) -> Mention | None:
        """Return the reaction a "signs/symptoms of X include" lead gives the effect ``obj``."""
        if self.withdrawal:
            return None
        bracketed = self.bracketed_reaction(obj)
        if bracketed is not None:
            return bracketed
        lead = symptoms_lead(self.text, self.rel(obj))
        if lead is None or lead.group("of") is None:
            return None
        a, b = lead.start("of"), lead.end("of")
        found = self.adverse_objects(R.PHENOTYPES, each_mention=True)
        subject = next((m for m in found if a <= self.rel(m) < b), None)
        if subject is None or subject.entity.key == obj.entity.key:
            return None
        return subject

    def bracketed_reaction(self, obj: Mention) -> Mention | None:
        """Return the syndrome whose signs a bracket after it lists, ``obj`` among them.

        "Serotonin syndrome (shivering, a fast heartbeat, confusion)": the shivering and the
        confusion are the syndrome's, no reactions of their own. A bracket with one item
        names the same reaction in other words ("Restlessness (akathisia)").
        """
        at = self.rel(obj)
        opening = self.text.rfind("(", 0, at)
        if opening < 0 or ")" in self.text[opening:at]:
            return None
        closing = self.text.find(")", at)
        inside = self.text[opening + 1 : closing if closing >= 0 else len(self.text)]
        if "," not in inside:
            return None
        before = self.text[:opening].rstrip()
        found = self.adverse_objects(R.PHENOTYPES, each_mention=True)
        named = next((m for m in found if self.rel(m) + len(m.text) == len(before)), None)
        if named is None or not _SYNDROME.search(named.text) or named.entity.key == obj.entity.key:
            return None
        return named

    def reaction_symptoms(self) -> Iterator[Claim]:
        """Yield the symptoms a sentence lists for a reaction it names ("signs of X include A")."""
        for obj in self.adverse_objects(R.PHENOTYPES, each_mention=True):
            subject = self.reaction_of(obj)
            if subject is not None:
                yield Claim(
                    relation="has_symptom",
                    subject=subject,
                    sentence=self.sentence,
                    rule="reaction-symptoms",
                    obj=obj,
                    hedge=self.hedge_for(obj),
                )

    def negated_at(self, at: int) -> bool:
        """Tell whether a negation governs the effect at ``at``; a colon or a cell ends its reach.

        "... it is not always possible to estimate their frequency: A, B" lists A and B.
        """
        colon = max(self.text.rfind(":", 0, at), self.text.rfind("|", 0, at)) + 1
        return is_negated(self.text[colon:], at - colon) or self.denied_by_a_cell(at)

    def advice_in_another_cell(self, at: int) -> bool:
        """Tell whether a table row advises against use in another cell of the row.

        Its phenotype is then the patient's condition, no effect ("| Glaucoma | Do not take it |").
        """
        row = table_row(self.sentence, at)
        return row is not None and any(
            R.CONTRAINDICATION_CUE.search(cell) or R.CAUTION_CUE.search(cell)
            for cell, _ in row.other_cells()
        )

    def denied_by_a_cell(self, at: int) -> bool:
        """Tell whether the drug's cell of a table row denies the effect ("| Headache | None |").

        A column of another arm of a trial ("Placebo") denies nothing for the drug.
        """
        row = table_row(self.sentence, at)
        return row is not None and any(_DENYING_CELL.fullmatch(c) for c in row.drugs_cells())

    def names_own_effects(self, rule: R.Rule) -> bool:
        """Tell whether the sentence can name the topic's effects for this rule."""
        if rule.name == "side-effect-section":
            return self.lists_side_effects()
        if rule.name == "pregnancy-risk":  # "Risk of X; ...": the entry's own drug's
            return True
        if rule.name == "caution-side-effect-verb":  # "X can prolong the QT interval"
            return self.topic_leads()
        if rule.name == "warning-section":  # class warnings count, another drug's doing not
            return not self.other_drug_causes() and not self.lists_contraindications()
        # "Contra-indications: arrhythmias associated with accessory pathways": a verbless
        # list of the patient's conditions, whatever cue of causing its items hold
        if self.lists_contraindications():
            return False
        return not self.other_drug_leads_outside_effects() or self.topic_causes_from() > 0

    def topic_causes_from(self) -> int:
        """Return where the drug's own clause of causing starts, after another drug leads.

        "Give the newborn vitamin K at birth, because phenytoin may cause neonatal bleeding":
        the bleeding is phenytoin's; 0 when no such clause follows.
        """
        for m in self.mentions:
            if m.entity.key != self.topic.entity.key or self.rel(m) == 0:
                continue
            end = self.rel(m) + len(m.text)
            cause = _CAUSES.match(self.text, end)
            if cause and _CLAUSE_OPENING.search(self.text, 0, self.rel(m)):
                return cause.end()
        return 0

    def other_drug_leads_outside_effects(self) -> bool:
        """Tell whether another drug leads the sentence, not a word of an effect's name.

        In "... may cause neonatal opioid withdrawal syndrome" the class names the syndrome.
        """
        effects = [(m.start, m.end) for m in self.found_effects if " " in m.text]
        first = next(
            (
                m
                for m in self.mentions
                if m.entity.type in PARTNERS
                and not any(a <= m.start and m.end <= b for a, b in effects)
            ),
            None,
        )
        return first is not None and first.entity.key != self.topic.entity.key

    def topic_leads(self) -> bool:
        """Tell whether the sentence opens with the drug, or "it", as its subject."""
        opening = re.match(r"\W*", self.text)
        at = opening.end() if opening else 0
        if R.TOPIC_WORD_OPENS.match(self.text, at):
            return True
        return any(
            self.rel(m) == at and m.entity.key == self.topic.entity.key for m in self.mentions
        )

    def lists_contraindications(self) -> bool:
        """Tell whether the sentence lists groups under a contraindications heading ("Anuria.")."""
        return self.under_conditions_heading and not R.CLAUSE_VERB.search(self.text)

    def other_drug_causes(self) -> bool:
        """Tell whether another drug, not a class, is the cause ("alcohol may cause ...")."""
        first = next((m for m in self.mentions if m.entity.type in PARTNERS), None)
        if first is None or first.entity.key == self.topic.entity.key:
            return False
        after = self.text[self.rel(first) + len(first.text) :][:40]
        return first.entity.type is EntityType.DRUG and bool(_CAUSES.match(after))

    def lists_side_effects(self) -> bool:
        """Tell whether a side-effects section sentence lists effects, not the trial design.

        An item, a table row, a list or a verb of occurrence lists effects; so does any other
        sentence of the section, unless it describes the trial ("patients were enrolled").
        """
        return (
            self.sentence.label is not None
            or self.sentence.lead_in is not None
            or bool(R.SECTION_SIDE_EFFECT_CUE.search(self.text))
            or adverse.table_row_term(self.text) is not None
            or adverse.LIST_LEAD.search(self.text) is not None
            or not adverse.STUDY_DESIGN.search(self.text)
        )

    def withdrawal_lists(self) -> list[tuple[re.Match[str], int]]:
        """Return each list of withdrawal symptoms: the cue that opens it and where it ends.

        In "X should not be stopped abruptly, and is contraindicated in pregnancy" the drug goes
        on to a new predicate, so pregnancy is no symptom; "..., and seizures have been
        reported" still lists them (``WITHDRAWAL_LIST_END``). A cue after the end opens a list
        of its own ("withdrawal symptoms include X; on abrupt discontinuation Y may occur").
        """
        lists: list[tuple[re.Match[str], int]] = []
        at = 0
        while cue := R.WITHDRAWAL.search(self.text, at):
            end = R.WITHDRAWAL_LIST_END.search(self.text, cue.end())
            limit = end.start() if end else len(self.text)
            lists.append((cue, limit))
            at = limit
        return lists

    def withdrawal_symptoms(self) -> Iterator[Claim]:
        """Yield symptoms that follow stopping the drug (withdrawal's), or a named reaction's."""
        yield from self.reaction_symptoms()
        if not self.withdrawal:
            return
        named = next((m for m in self.mentions if m.entity.key == "withdrawal"), None)
        # the side effects' vocabulary names them ("irritability", "sweating"), not the lexicon's
        found_all = self.adverse_objects(R.PHENOTYPES, each_mention=True)
        # one claim per effect and relation, whichever mention says it first: "anxiety ... and
        # rebound anxiety" is a symptom and a rebound
        said: set[tuple[str, str]] = set()
        for cue, limit in self.withdrawal_lists():
            subject = named or _withdrawal_mention(self.sentence, cue)
            # "Abrupt discontinuation or rapid dose reduction may precipitate X": the list
            # starts after its verb; what stands before it is another way of stopping
            verb = _LIST_VERB.search(self.text, cue.end(), limit)
            start = verb.end() if verb else cue.start()
            listed = [
                f
                for f in found_all
                if cue.start() <= self.rel(f) < cue.end() or start <= self.rel(f) < limit
            ]
            for claim in self._symptoms_of(cue, subject, listed):
                key = (claim.relation, claim.obj.entity.key if claim.obj else "")
                if key not in said:
                    said.add(key)
                    yield claim

    def _symptoms_of(
        self, cue: re.Match[str], subject: Mention, listed: list[Mention]
    ) -> Iterator[Claim]:
        """Yield the symptoms (or conditions coming back) of one list of withdrawal symptoms."""
        rebound = governs = paired = population = False
        cursor = cue.end()
        for found in listed:
            obj = _without_rebound(found)
            if _NAMES_WITHDRAWAL.match(obj.entity.key) or _STOPPING.match(obj.text):
                continue
            gap = self.text[cursor : self.rel(obj)]
            # "stopped abruptly in hypertension (or angina)": the treated condition, no symptom
            population = bool(
                R.WITHDRAWAL_POPULATION.fullmatch(gap)
                if cursor == cue.end()
                else population and R.LIST_AND.fullmatch(gap)
            )
            if population or adverse.is_risk_factor(self.text, self.rel(obj)):
                cursor = obj.end - self.sentence.start  # "... in people with epilepsy"
                continue
            # "... the increase of the symptoms of epilepsy and panic attacks": the treated
            # conditions come back worse (rebound); they are no symptoms of withdrawal. A
            # "return of" governs the list after it; "rebound anxiety" qualifies its noun and
            # one joined to it by a bare "and" ("rebound insomnia and anxiety"), no more
            # ("rebound insomnia, anxiety and tremor": anxiety and tremor are symptoms).
            if R.COMES_BACK.match(self.text, obj.end - self.sentence.start):
                rebound = True  # "can make seizures come back"
                paired = governs = False
            elif came_back := R.REBOUND.search(gap):
                governs = bool(R.REBOUND_GOVERNS.search(came_back.group()))
                rebound, paired = True, not governs
            else:
                rebound = rebound and bool(
                    (governs and R.LIST_GAP.fullmatch(gap))
                    or (paired and R.LIST_AND.fullmatch(gap))
                )
                paired = False
                # the "and" closes the list it governs: in "a return of A and B, and C" C is
                # the next item of the withdrawal list; "a return of A, B, and C" runs to C
                governs = governs and not R.LIST_CLOSE.search(gap)
            cursor = obj.end - self.sentence.start
            if rebound:
                yield self.claim("rebound", "withdrawal-rebound", obj)
                continue
            yield Claim(
                relation="has_symptom",
                subject=subject,
                sentence=self.sentence,
                rule="withdrawal-symptoms",
                obj=obj,
                hedge=self.hedge_for(obj),
            )


# The verb that opens a list of what stopping brings on.
_LIST_VERB = re.compile(
    r"\b(?:cause[sd]?|precipitat\w+|lead\s+to|leads\s+to|result\s+in|results\s+in|produce[sd]?"
    r"|include[sd]?|including|such\s+as|trigger\w*|bring\s+on)\b",
    re.I,
)
# "withdrawal", "acute withdrawal reactions", "discontinuation syndrome": the syndrome itself
_NAMES_WITHDRAWAL = re.compile(
    r"^(?:[a-z]+-)?(?:withdrawal|discontinuation)(?:-(?:reactions?|symptoms?|syndrome|effects"
    r"|signs|phenomena))?$"
)


# "stopping steroids": the stopping itself, read as a phrase, is no symptom of it
_STOPPING = re.compile(r"(?:stopp|discontinu|cessation|abrupt)", re.I)
# "rebound anxiety", "rebound insomnia": the vocabulary may name the rebound with its condition
_REBOUND_WORD = re.compile(r"rebound\s+", re.I)


def _without_rebound(mention: Mention) -> Mention:
    """Return the condition a "rebound ..." mention names, without the word "rebound"."""
    lead = _REBOUND_WORD.match(mention.text)
    if lead is None or lead.end() == len(mention.text):
        return mention
    rest = mention.text[lead.end() :]
    entity = adverse.entity_for(rest, adverse.get_vocabulary())
    return Mention(rest, mention.start + lead.end(), mention.end, entity)


def _withdrawal_mention(sentence: Sentence, cue: re.Match[str]) -> Mention:

    entity: Entity = get_lexicon().entities["withdrawal"]
    start, end = sentence.start + cue.start(), sentence.start + cue.end()
    return Mention(cue.group(), start, end, entity, names_entity=False)  # a cause, not a name
