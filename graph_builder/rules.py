"""Extraction rules, as data a pharmacologist can read.

Each ``Rule`` names the relation it emits, the section kinds it applies in, the cue words
that must appear, and the entity types it takes as objects. Its ``examples`` must yield
the relation to the object they name and its ``counterexamples`` must not: every one is a
test (``tests/test_rules.py``). The section a sentence sits in is classified from its
headings with ``SECTION_CUES``; the engine that applies the rules is ``extract.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.model import EntityType as T

# A heading that names contraindications, alone or with warnings ("Contraindications and
# Warnings"): what it lists without a verb ("Anuria.", "Severe renal impairment.") are groups
# the drug must not be given to, no risks of the drug (``extract.effects``).
CONTRAINDICATION_HEADING = re.compile(r"contra[- ]?indicat", re.I)
# A heading, or a label leading a paragraph, that lists conditions: "Contra-indications:",
# "Cautions:" (a BNF-style monograph); its verbless items are no side effects.
CONDITIONS_HEADING = re.compile(
    r"contra[- ]?indicat|^\W*cautions\W*$|^\W*who (?:should|must) not (?:take|use|be given)\b"
    r"|^\W*take (?:special )?care\b",
    re.I,
)
# "Contra-indications: asthma; heart block", "Side-effects: nausea": a label that runs a
# paragraph in, as a heading of its own.
RUN_IN_LABEL = re.compile(r"\s*(?P<label>[A-Z][\w'/-]*(?:[ -][\w'/-]+){0,2})\s*:\s")
# The labels that name a section this way (not "Hepatic impairment:", a group of patients).
RUN_IN_SECTION = re.compile(
    r"side[- ]effects|adverse (?:effects|reactions)|undesirable effects|contra[- ]?indications"
    r"|cautions|indications|uses|(?:drug )?interactions"
    # "Overdose: toxicity causes ...": what too much does, no side effect
    r"|overdos(?:e|age)",
    re.I,
)

# Which kind of section a heading introduces (innermost matching heading wins).
SECTION_CUES: dict[str, re.Pattern[str]] = {
    "pregnancy": re.compile(r"pregnan|breast|lactation|nursing", re.I),
    # leaflets and consumer pages: "Other medicines and X", "Can I drink alcohol with X?"
    "interaction": re.compile(
        r"interaction|concomitant|\bdepressants?\b"
        r"|(?<!compares with )(?<!compared with )\bother (?:medicines|drugs|medications)\b"
        r"|\b(?:drink|with|and)\s+alcohol\b",
        re.I,
    ),
    "adverse": re.compile(
        r"side[- ]effects?|adverse|undesirable|dependence|withdrawal|impairment", re.I
    ),
    "dosage": re.compile(
        r"\bdos(?:e|es|age|ing)\b|administration|how to (?:take|use)"
        r"|how (?:should|do|much)\b[^?]*\b(?:take|use)\b",
        re.I,
    ),
    # "Indications", never inside "contraindications", "contra-indications", "contra indications"
    "indication": re.compile(
        r"\buses\b|^use of\b|(?<!contra)(?<!contra-)(?<!contra )\b(?:indications?|indicated)\b"
        r"|used for",
        re.I,
    ),
    # A heading that names contraindications and nothing else ("4 CONTRAINDICATIONS"): its
    # section lists groups and conditions, no risks of the drug ("Contraindications and
    # Warnings" is a warnings section too).
    "contraindication": re.compile(
        r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?contra[- ]?indications?\W*$"
        r"|^\W*who (?:should|must) not (?:take|use|be given)\b",  # a consumer page's question
        re.I,
    ),
    "precaution": re.compile(
        r"precaution|warning|caution|contra[- ]?indication|recommendations|medical conditions"
        # a leaflet's "What you need to know before you take X", "Who should not take X?"
        r"|\bbefore (?:you )?(?:take|taking|use|using|start|starting)\b"
        r"|\bshould(?: not|n't) (?:take|use)\b|\bavoid\b",
        re.I,
    ),
    "mechanism": re.compile(r"mechanism|pharmacolog|how .* works|mode of action", re.I),
    # "Cautions" and nothing else (a BNF-style list of conditions needing caution)
    "caution": re.compile(
        r"^\W*(?:\d+(?:\.\d+)*\.?\s*)?cautions\W*$|^\W*take (?:special )?care\b", re.I
    ),
    # what too much of the drug does ("10 OVERDOSAGE", "If you take more X than you should"):
    # no side effects (``extract.context`` keeps it to its own heading, and drops it from a
    # heading naming another kind too: "Risk of accidental overdose" under warnings)
    "overdose": re.compile(
        r"overdos|\b(?:take|taken|taking|took|use|used|using)\b[^.]{0,30}?\b(?:too much"
        r"|more\b[^.]{0,30}?\bthan you should)",
        re.I,
    ),
}

# How a side-effects heading groups its effects (a rare effect is no serious one, nor an
# uncommon one common).
GROUP_CUES: dict[str, re.Pattern[str]] = {
    "serious": re.compile(r"serious|severe", re.I),
    "common": re.compile(r"(?<!un)common|(?<!in)frequent|mild", re.I),
    "dependence": re.compile(r"dependence|withdrawal|addiction|abuse", re.I),
    "cognitive": re.compile(r"cognitive|memory|mental function", re.I),
}
# How often, as an SmPC or a leaflet bands side effects (the CIOMS frequency conventions: very
# common >= 1/10, common, uncommon, rare, very rare < 1/10,000, not known); each band's words.
FREQUENCY_BANDS: dict[str, str] = {
    "very common": r"very\s+(?:common|frequent)",
    "very rare": r"very\s+rare",
    "uncommon": r"uncommon|infrequent|less\s+common",
    "common": r"common|frequent",
    "rare": r"rare",
    "not known": r"(?:frequency\s+)?not\s+known|(?:frequency\s+)?unknown(?:\s+frequency)?",
}
_BAND = "|".join(f"(?P<{key.replace(' ', '_')}>{words})" for key, words in FREQUENCY_BANDS.items())
# The band alone, perhaps with its rate ("Uncommon (>= 1/1,000 to < 1/100)", "Rare:"): a
# heading, a table cell or the label running a line in ("Common (may affect up to 1 in 10
# people): headache").
_OR_BAND = r"(?:\s+(?:or|and|to)\s+(?:very\s+)?(?:common|frequent|uncommon|rare))?"  # first band
FREQUENCY_BAND = re.compile(
    rf"\W*(?:{_BAND})\b{_OR_BAND}(?:\s*\([^)]*\))?(?:\s+side[- ]effects)?\W*", re.I
)
# ... or leading in a line or a sentence: "Rare: hepatitis", "Very common side effects (more
# than 1 in 10 people): ...", "Common side effects, which happen in up to 1 in 10 people,
# include ..."
FREQUENCY_LABEL = re.compile(
    rf"\W*(?:{_BAND})\b{_OR_BAND}"
    r"(?:\s+(?:side[- ]effects|adverse (?:effects|reactions|events)|reactions))?"
    r"(?:\s*\([^)]*\)|\s*,[^,:;]{0,60},)?\s*(?::|\binclude[sd]?\b|\bare\b)",
    re.I,
)

# The words that stand for the page's own drug: "it", "this medicine", "this drug".
TOPIC_WORDS = r"it|this\s+(?:medicine|drug)"
TOPIC_WORD_OPENS = re.compile(rf"(?:{TOPIC_WORDS})\b", re.I)

# Hedges that limit the claim itself (when it holds, whether it is the drug of choice): said in
# a concessive clause ("it treats X, although it is not first-line"), they still hedge the
# main clause (``extract.context.scoped_hedges``).
_CLAIM_HEDGE = (
    r"\bnot (?:the |a )?first[- ]line(?: treatment| therapy| choice)?"
    r"|\bonly if\b[^,;.]*|\bunless\b[^,;.]*|\boff[- ]label\b"
)
CLAIM_HEDGE = re.compile(_CLAIM_HEDGE, re.I)
CONCESSIVE_CLAUSE = re.compile(r"^[\s,]*(?:(?:even )?(?:al)?though|but)\b", re.I)

# Words that weaken how certain or how frequent a claim is, or make it conditional: modals
# ("may", "might", "could"), frequency ("rarely", "occasionally", "usually"), part of the
# patients ("in some patients"), "not first-line", "only if ...", "unless ...". Focus words
# ("especially", "particularly") and the determiner "certain" ("certain types of seizures")
# narrow a claim without doubting it: they are no hedges. The hedge a claim carries is the
# one in its own clause (``HEDGE_CLAUSE_BREAK``, ``extract.context.scoped_hedges``).
# The auxiliary a negation may start with ("was not", "does not"): ``NEGATION`` matches there.
_NEGATED_AUX = r"(?:\b(?:is|are|was|were|has|have|had|did|does|do)\s+)?"
# "not commonly cause", "not often seen": a frequency denied, the finding itself stated
_NOT_OFTEN = (
    r"\bnot\s+(?:commonly|often|frequently|usually|typically|generally)\s+"
    r"(?=(?:be\s+)?(?:caus|lead|result|produc|occur|seen|report|observ|associat|induc)\w*\b)"
)
HEDGE = re.compile(
    rf"{_NOT_OFTEN}|{_CLAIM_HEDGE}|\bless (?:often|frequently|commonly)\b|\brarely\b|\bseldom\b"
    r"|\boccasionally\b|\bsometimes\b|\binfrequently\b|\buncommonly\b|\bmay\b|\bmight\b"
    r"|\bcould\b|\bgenerally\b|\b(?<!more )often\b|\btypically\b|\busually\b|\bpossibly\b|\bpotentially\b"
    r"|\bperhaps\b|\bprobably\b|\b(?:appears?|seems?) to\b"
    # a claim reported from unnamed others: "some websites say", "it is claimed that"
    r"|\b(?:some|many|other|certain) (?:websites|sites|sources|forums|blogs|articles|people"
    r"|users) (?:say|said|claim|claimed|state|stated|suggest|suggested)s?\b"
    r"|\bit is (?:often |sometimes )?(?:claimed|said|rumou?red) that\b"
    r"|\b(?:in )?(?:some|a few|rare) (?:individuals|users|patients|people|cases|children|adults)\b"
    r"|\bless well[- ]defined\b",
    re.I,
)
# Frequency words. Said of one conjunct ("rash and rarely seizures"), they qualify that one
# only (``extract.context.scoped_hedges``).
FREQUENCY = (
    r"(?:(?:less|more) (?:often|frequently|commonly)|often|usually|rarely|seldom|sometimes"
    r"|occasionally|infrequently|uncommonly|frequently|commonly|typically|generally)"
)
# "Certain antiepileptic drugs", "some types of seizures": a determiner right before the object
# says the claim holds for part of it only; it qualifies that object, nothing else.
PARTIAL_DETERMINER = re.compile(
    r"\b(?:certain|some)\s+(?:(?:types?|kinds?|forms?|classes|groups?) of\s+)?$", re.I
)

# Where one clause of a sentence ends and the next begins, for the scope of a hedge: "...,
# although it is generally prescribed for short-term use" does not hedge what came before.
# A second verb phrase ("is effective in X and is often used in Y") is a clause of its own;
# "while taking it" is an adjunct, no clause; a sentence that opens with "Although ..., "
# is one clause with its main clause (``scoped_hedges`` never splits at the start).
HEDGE_CLAUSE_BREAK = re.compile(
    r";|\bbut\b|\b(?:al)?though\b|\bhowever\b|\bwhereas\b"
    r"|(?<!i\.e\.)(?<!e\.g\.),\s*(?:as(?!\s+well)|since)\b"
    r"|\bwhile\b(?!\s+(?:\w+ing|on|under|receiving)\b)"
    r"|,\s*(?:and\s+)?(?:therefore|thus|hence|so|consequently)\b|,\s*which\b"
    r"|\band\s+(?=(?:is|are|was|were|has|have|can|should|must|will)\b"
    # "treats anxiety and may help insomnia", "and often causes rash": a hedged second verb
    r"|(?:may|might|could)\s+\w|(?:often|usually|rarely|sometimes|occasionally)\s+\w+(?:s|ed)\b"
    r"(?<!ss)(?<!ness))"
    # ", and hepatitis has been reported": a new subject with a finite verb is a new clause
    r"|,\s*and\s+(?=(?:[\w-]+\s+){1,3}?(?:is|are|was|were|has|have|had|can|may|might|could"
    r"|will|would|should|must|does|do|did)\b)",
    re.I,
)

# Words that negate a claim, and phrases with "not" that do not.
NEGATION = re.compile(
    r"\b(?:no|not|never|neither|nor|without|cannot|unlikely to|failed to|absence of"
    r"|did not|does not|do not|has not|have not|is not|are not|was not|were not)\b",
    re.I,
)
# "not usually recommended": a hedge between the "not" and the advice
_USUALLY = r"(?:(?:usually|generally|normally|routinely|ordinarily) )?"
NOT_NEGATION = re.compile(
    r"\bnot (?:the |a )?first[- ]line|\bnot (?:more|less) than|\bnot only\b|\bno more than"
    # ("is not usually recommended": advice with a hedge, no denial)
    rf"|\bnot (?:be )?(?:exceed|{_USUALLY}(?:be )?recommended|prescribed)|\bnot to exceed"
    # "a disorder with or without its complication", "with or without food": both ways, no
    # denial; "without food", "without regard to meals": how it is taken, nothing denied after
    r"|(?<=\bwith or )without\b|(?<=\bwith and )without\b"
    r"|\bwithout (?:regard to |respect to )?(?:food|meals?|a meal|water|milk|chewing|crushing)\b"
    # "X was not associated with more sedation than Y": a comparison, no denial of sedation
    rf"|{_NEGATED_AUX}not\s+(?:[\w-]+\s+){{0,3}}?(?:more|less|fewer|greater|higher|lower|worse)"
    r"\b(?:(?!\bthan\b)[^.;]){0,80}\bthan\b"
    # "does not commonly cause diarrhoea": how often, no denial (``HEDGE`` keeps the words)
    rf"|{_NEGATED_AUX}{_NOT_OFTEN}",
    re.I,
)
# "X was not associated with more Y than Z": the words before Y of a comparison that states
# no difference; Y is neither the drug's finding nor denied (``extract.effects``)
COMPARISON_BEFORE = re.compile(
    rf"{_NEGATED_AUX}not\s+(?:[\w-]+\s+){{0,3}}?(?:more|less|fewer|greater|higher|lower|worse)"
    r"\b(?:\s+[\w-]+){0,3}\s+$",
    re.I,
)
THAN_AFTER = re.compile(r"[^.;]{0,80}?\bthan\b", re.I)
# Where a negation's reach ends: "should not be used in X because it may cause Y" denies no Y.
CLAUSE_BREAK = re.compile(
    r";|\bbut\b|\balthough\b|\bhowever\b|\bwhereas\b|\bwhile\b|\bbecause\b"
    # "should not be used in children, as growth retardation may result": the reason is
    # stated, not denied; so is a new clause after a comma with a verb of its own
    r"|(?<!i\.e\.)(?<!e\.g\.),\s*(?:as(?!\s+well)|since)\b"
    # 3: a new clause with a modal, not the next items of a list ("dry mouth, constipation or
    # urinary retention which can occur")
    r"|,\s*(?:and\s+)?(?=(?:(?!(?:or|nor|which|that|who)\b)[\w-]+\s+){1,5}?"
    r"(?:may|can|could|might|will)"
    r"\s+(?:result|occur|develop"
    r"|follow|cause)\b)",
    re.I,
)
# A finding denied after it is named, as the subject of a negated report: "weight gain has not
# been observed", "seizures were not reported", "hepatotoxicity did not occur". Only when
# nothing with a verb of its own stands between the finding and the denial and no new subject
# starts there (``DENIED_AFTER_GAP``; ``extract.context.is_negated``): "a rash that has not been
# reported before" and "it causes nausea, and hepatotoxicity has not been reported" deny no
# rash and no nausea. "Not established/shown" says the evidence is missing and "not associated
# with Y" denies a link to Y: neither denies the finding before it.
DENIED_AFTER = re.compile(
    r"\b(?:has|have|had|was|were|is|are)\s+(?:not|never)\s+(?:been\s+)?"
    r"(?:(?:clearly|consistently|previously|so far)\s+)?"
    r"(?:observed|reported|seen|described|documented|noted|found|detected|identified)\b"
    r"|\b(?:did|does|do)\s+not\s+(?:occur|develop|appear|emerge)\b",
    re.I,
)
DENIED_AFTER_GAP = re.compile(
    r",\s*(?:and|or|as|because|since|which|who)\b"
    r"|\b(?:and|or)\s+(?:its|their|the|a|an|this|these|his|her|no|any)\b",
    re.I,
)
# "has not been reported in children": a denial for one group is no denial of the finding
# ("in patients receiving it" is everyone).
DENIED_FOR_A_GROUP = re.compile(
    r"\s+(?:in|among|for)\s+(?:the\s+)?(?P<group>(?:pediatric|paediatric|geriatric|elderly"
    r"|adult)\s+patients|older\s+(?:adults|patients|people)|children|infants|neonates"
    r"|adolescents|elderly|adults|pregnan\w*|women|men|animals|rats|mice)\b",
    re.I,
)

# "hypersensitivity to benzodiazepines", "patients allergic to penicillins or cephalosporins":
# the drug is what the patient reacts to, no partner of an interaction.
ALLERGEN_BEFORE = re.compile(
    # the patient's allergy: "patients with known hypersensitivity to", "a history of allergy
    # to", "Allergy to aspirin is ..."; not "the risk of hypersensitivity to X increases"
    r"(?<!risk of )(?<!risk of a )(?<!risk of an )(?<!incidence of )(?<!rate of )"
    r"\b(?:hypersensitiv\w*|allerg\w*|intolerance|anaphyla\w*|idiosyncra\w*"
    r"|(?:cross-?)?react(?:s|ed)?)"
    # "an allergic reaction such as anaphylaxis or angioedema to any penicillin"
    r"(?:\s+(?!(?:is|are|was|were|has|have|had|be|been|reported|occurred|due|should|must|may"
    r"|can|could|not|tak\w*|us\w*|given|receiv\w*|avoid\w*|combin\w*|co-?administ\w*)\b)"
    r"[\w-]+){0,6}?"
    r"\s+to\s+"
    r"(?:(?!(?:is|are|was|were|has|have|may|can|should|must|will|and\s+in|or\s+in)\b)"
    r"[^.;:()])*$",
    re.I,
)

# A drug stopped suddenly: what follows are withdrawal symptoms, not side effects.
WITHDRAWAL = re.compile(
    r"\b(?:(?:abrupt|sudden)(?:ly)?\s+(?:discontinu\w*|terminat\w*|stop\w*|cessation"
    r"|withdraw\w*)"
    r"|(?:discontinu\w*|stop|stopp\w*|terminat\w*|withdraw\w*)\s+(?:\w+\s+){0,3}"
    r"(?:abruptly|suddenly)"
    r"|withdrawal (?:symptoms|syndrome|reactions|seizures))"
    # stopping as the cause: "Stopping venlafaxine may cause dizziness", "discontinuation of
    # paroxetine can lead to ..." (not "stopping treatment if X occurs")
    r"|\b(?:stopping|discontinuing|discontinuation\s+of|cessation\s+of|withdrawing|withdrawal"
    r"\s+of|coming\s+off)\s+(?:[\w-]+\s+){1,4}?(?:(?:may|can|could|might|will|often"
    r"|commonly|frequently|sometimes)\s+){0,2}(?:cause[sd]?|lead\s+to|leads\s+to|result"
    r"\s+in|results\s+in|produce[sd]?|precipitate[sd]?|trigger(?:s|ed)?|bring\s+on)\b"
    # not what stopping does to another drug's levels ("may cause theophylline levels to
    # rise"), nor a side effect that goes away ("caused the myalgia to resolve")
    r"(?!\s+(?:[\w-]+\s+){0,3}?(?:levels?|concentrations?|exposure)\b)"
    r"(?![^.;,]{0,40}?\bto\s+(?:resolve|disappear|improve|subside|fade|abate|normali[sz]e"
    r"|go\s+away|clear)\b)"
    # the words of other drug classes too: discontinuation symptoms of SSRIs, withdrawal signs
    r"|\b(?:withdrawal|discontinuation) (?:signs|effects|phenomena)\b"
    r"|\bdiscontinuation (?:symptoms|syndrome|reactions)\b"
    r"|\b(?:symptoms|signs) (?:of|upon|on) (?:withdrawal|discontinuation)\b",
    re.I,
)
# Where a sentence about stopping a drug turns to something else: a semicolon, a contrast,
# or "and" going on with the same subject ("..., and is contraindicated in ...").
WITHDRAWAL_LIST_END = re.compile(
    r";|\b(?:but|whereas|however)\b"
    # ", although X is common during treatment": a contrast with what the drug does while it is
    # taken; ", though seizures are rare" still tells of the withdrawal, and so does an aside
    r"|,\s*(?:although|though|while)\b(?!\s+\w+\s*,)(?=[^.;]*?\b(?:during (?:treatment|therapy)"
    r"|with (?:continued|long-term|regular|chronic) use|on (?:the drug|treatment|therapy)"
    r"|while (?:taking|on|using))\b)"
    r"|,?\s+and\s+(?=(?:is|are|was|were|should|must|can|may|has|have)\b)"
    # ", and it may cause X", ", and the drug itself can cause X": a new subject with a verb of
    # its own; ", and X may cause Y" names a cause, where ", and X may occur" goes on listing
    r"|,\s*and\s+(?=(?:it|they|this|these|(?:the|this)\s+(?:drug|medicine|medication))\s+"
    r"(?:\w+\s+)?(?:is|are|can|could|may|might|will|would|does|do|has|have|causes?)\b)"
    r"|,\s*and\s+(?=\w+\s+(?:(?:itself|also|can|could|may|might|will|often|commonly|frequently"
    r"|sometimes)\s+){1,2}(?:cause|produce|induce|lead\s+to|result\s+in|bring\s+on)\b)"
    # ", and lorazepam is not recommended in pregnancy", ", and patients with X should be
    # monitored": advice about someone or something else; ", and seizures have been reported"
    # goes on listing symptoms
    r"|,\s*and\s+(?=[^,;.]{0,60}?\b(?:should|must|need|recommended|contraindicated"
    r"|caution\w*|monitor\w*|avoid\w*|not be)\b)",
    re.I,
)
# "should not be stopped abruptly in hypertension", "... in elderly patients with angina": the
# condition right after the stopping is the one treated, a population, no symptom of stopping.
WITHDRAWAL_POPULATION = re.compile(
    r"\s+in\s+(?:(?:\w+\s+){0,2}?(?:patients|people|adults|children|those|anyone)\s+"
    r"(?:with|who\s+have|(?:being\s+)?treated\s+for)\s+)?(?:\w+\s+)?",
    re.I,
)

# Stopping the drug brings a treated condition back worse: "the increase of the symptoms of".
REBOUND = re.compile(
    r"\b(?:increase|worsening|exacerbation|aggravation|return|recurrence|relapse|rebound)\s+"
    r"(?:of\s+)?(?:the\s+)?(?:symptoms\s+of\s+)?(?:the\s+)?$",
    re.I,
)
# ... or the condition is said to come back: "stopping it can make seizures come back".
COMES_BACK = re.compile(
    r"\s+(?:(?:can|may|will|could)\s+)?(?:come|comes|came|coming)\s+back\b"
    r"|\s+(?:return|returns|returned|recur|recurs|recurred|reappear\w*)\b",
    re.I,
)
# A "return of" governs the list after it; a "rebound" before a noun qualifies that noun.
REBOUND_GOVERNS = re.compile(r"\bof\b", re.I)
LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*(?:the\s+)?", re.I)
# The word that brings in a list's last item: a "return of" governs no item after it.
LIST_CLOSE = re.compile(r"\b(?:and|or)\b", re.I)
# A bare "and"/"or", no comma: "rebound insomnia and anxiety", "in angina or hypertension".
LIST_AND = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?", re.I)

ADVICE = re.compile(
    r"caution is (?:advised|recommended)|use(?:d)? with caution|(?:strictly )?contraindicated"
    r"|should (?:not|be avoided)|avoid\w*|not recommended|monitor\w*|dose adjustments?"
    # "Do not take X if you are taking Y", "Do not drink alcohol while ...", "the dose and
    # duration should be limited", "use an alternative method of contraception"
    r"|(?:do not|don[\'’]t) (?:take|use|drink|combine|mix|give)\b|should be (?:limited|reduced)"
    r"|use an? (?:alternative|additional|non-hormonal|barrier) (?:method|form)\w*",
    re.I,
)

PHARMACOKINETIC = re.compile(
    r"metabolism|metaboli[sz]ed|plasma (?:level|concentration)s?|clearance|absorption|\bAUC\b"
    r"|half-life|bioavailability|CYP\w*|cytochrome|excretion|blood levels",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One extraction rule: when it fires, and what it links the subject drug to."""

    name: str
    relation: str
    description: str
    objects: frozenset[T]
    sections: frozenset[str] = frozenset()  # empty: any section
    cue: re.Pattern[str] | None = None  # must match the sentence (or its lead-in)
    cue_in_lead_in: bool = False
    excluded_sections: frozenset[str] = frozenset()
    # the rule does not apply to an object named in a clause where this matches (and its cue
    # must match outside such clauses)
    unless: re.Pattern[str] | None = None
    # a cue that holds only for the objects named in the clause where it matches
    clause_cue: re.Pattern[str] | None = None
    negatable: bool = True
    examples: tuple[tuple[str, str, str], ...] = ()  # (heading, sentence, object label)
    counterexamples: tuple[tuple[str, str], ...] = ()  # (heading, sentence)


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# "used at low weekly doses in rheumatoid arthritis", "given in small doses for psoriasis":
# the phrase of the dose between the verb of use and the disease it is used in.
USED_AT_DOSES = r"(?:used|given|prescribed)\s+(?:at|in)\s+(?:[\w-]+\s+){0,3}?doses?\s+(?:for|in)"
# A drug that "may also help with" a disease, said of the drug itself ("It may help with",
# "Fluoxetine can also help with"), never of someone else ("your doctor can help with").
MAY_HELP_WITH = (
    r"(?<![\w ])(?:it|this medicine|[A-Z][a-z-]+)\s+(?:(?:may|can|might|could|also|often|does)\s+){1,2}"
    r"helps?\s+(?:with|in)"
)
TREATS_CUE = _cue(
    rf"\b(?:{USED_AT_DOSES}\b|"
    r"treat(?:s|ed|ing|ment of)?|manag(?:e|es|ed|ing)|prescribed (?:to manage|for)"
    r"|indicated (?:for|in)|used (?:to treat|for|in the treatment of|to control)|(?:to )?control"
    r"|effective (?:in|for|against)|inhibits? the|alleviat\w*|reliev\w*|prevent(?:s|ion of)?"
    r"|reduc(?:es|ing) (?:the )?(?:frequency|attacks|symptoms|number|severity)|reduces\b"
    r"|for the (?:treatment|management) of"
    # "remains in use for focal seizures", "it may also help with bulimia", "used with an
    # antibiotic to get rid of the infection"
    rf"|in use (?:for|in)|{MAY_HELP_WITH}|to (?:get rid of|eradicate)"
    r"|reserved for|reserve (?!(?:a|an|the|some|your|its|their|beds?|places?|seats?|time|supplies|supply|stocks?)\b)[\w-]+ for)"
)
# "Risk of neural tube defects", "Increased risk of cleft palate": a BNF-style pregnancy entry
PREGNANCY_RISK = _cue(
    r"^\W*(?:(?:an?\s+)?(?:increased|higher|small|possible|potential)\s+)?risks?\s+of\b"
)
# "Quetiapine can prolong the QT interval", "It may cause drowsiness": the sentence's subject
# (the drug, ``extract.effects`` checks) with a verb of causing right after it
SUBJECT_CAUSES = _cue(
    r"^\W*(?:it|this\s+(?:medicine|drug)|[\w-]+)\s+(?:(?:may|can|could|might|will|also|often"
    r"|sometimes|commonly|rarely)\s+){0,2}(?:cause[sd]?|induce[sd]?|produce[sd]?|lead\s+to"
    r"|leads\s+to|result\s+in|results\s+in|prolong[sd]?|trigger[sd]?)\b"
)
# "Clonazepam is a benzodiazepine used to treat panic disorder": the drug defined by its
# class and its use, the sentence's subject
DEFINED_BY_USE = _cue(
    r"^\W*[\w-]+(?:\s+\([^()]{1,40}\))?\s+(?:is|are)\s+(?:an?\s+)?(?:[\w-]+\s+){1,3}?"
    r"(?:medicines?\s+|drugs?\s+|medications?\s+)?(?:used|prescribed|indicated)\s+"
    r"(?:to\s+(?:treat|manage|control|prevent)|for|in\s+the\s+treatment\s+of)\b"
)
# "Warfarin is indicated for ...", "It is also indicated in ...": the drug, as the subject,
# is indicated (not "a lower dose is indicated in", "monitoring is indicated in").
INDICATED_SUBJECT = _cue(
    r"^\W*(?:it|this medicine|(?![\w-]*(?:ing|ion|ment|ance|ence)\b)[a-z][\w-]*)\s+(?:is|are)\s+"
    r"(?:(?:also|only|mainly|usually)\s+)?indicated\s+(?:for|in|to)\b"
)
# What a phenotype of the side-effect vocabulary must follow to be a use of the drug
# ("indicated for the treatment of hypertension", "used to treat type 2 diabetes", "for the
# prophylaxis of systemic embolism"), and what ends that phrase before it ("in patients with
# atrial fibrillation", a verb, a reason): the list between may name several.
TREATED_PHENOTYPE_LEAD = re.compile(
    rf"\b(?:{USED_AT_DOSES}|"
    r"(?:indicated|approved|used|prescribed|effective|licensed)\s+(?:\w+\s+){0,3}?"
    r"(?:for|in|after|following|to\s+(?:treat|prevent|manage|control|relieve"
    r"|reduce\s+the\s+risk\s+of|get\s+rid\s+of|eradicate)|against)"
    rf"|in\s+use\s+(?:for|in)|{MAY_HELP_WITH}"
    r"|(?:treatment|therapy|management|relief|prophylaxis|prevention|control)\s+(?:of|for)"
    # "to prevent further episodes in people with bipolar disorder": the disease whose
    # episodes it prevents is its use (not "stroke in patients with atrial fibrillation")
    r"|(?:to\s+)?prevent\w*\s+(?:(?:further|new|future)\s+)?(?:episodes|relapses?|recurrences?|attacks)"
    r"(?:\s+of\s+(?:the\s+)?illness)?\s+in\s+(?:people|patients|adults|those)\s+with"
    # "reserve it for uncomplicated cystitis": a use kept for when nothing else will do
    r"|reserved\s+for|reserve\s+(?!(?:a|an|the|some|your|its|their|beds?|places?|seats?|time|supplies|supply|stocks?)\b)[\w-]+\s+for"
    r"|treats?|to\s+(?:treat|prevent|relieve|manage|control))\b",
    re.I,
)
# "usually ineffective in absence seizures and may aggravate myoclonic seizures": a condition
# the drug fails in or makes worse, up to a clause that turns ("..., but it treats X").
NOT_TREATED = re.compile(
    r"\b(?:ineffective (?:in|for|against)|aggravat(?:e|es|ed|ing)"
    r"|worsen(?:s|ed|ing)?|exacerbat(?:e|es|ed|ing)|precipitat(?:e|es|ed|ing)|unmask(?:s|ed|ing)?)"
    r"\s+(?:(?!(?:but|and|or)\b)[\w-]+\s+){0,3}$",
    re.I,
)
# The state of the condition advice names, said after it ("people whose epilepsy is not
# controlled", "asthma that is poorly controlled"): kept like ``CONDITION_QUALIFIER``; its
# "controlled" is the disease's state, no use of the drug.
CONDITION_STATE_AFTER = _cue(
    r"\s+(?:(?:that|which)\s+)?(?:is|are)\s+(?P<qualifier>(?:not|poorly|badly)\s+(?:well\s+)?controlled|uncontrolled"
    r"|untreated|severe)\b"
)
# "kidney problems caused by type 2 diabetes": the cause of a use is no use
CAUSE_OF_THE_USE = re.compile(
    r"\b(?:caused by|due to|secondary to|resulting from|induced by|associated with"
    r"|(?<!used )(?<!given )(?<!prescribed )(?:after|following))"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "may mask the signs of hypoglycaemia": a condition whose signs the drug hides, no effect
MASKED_SIGNS = re.compile(
    r"\bmask(?:s|ed|ing)?\s+(?:the\s+)?(?:(?:warning\s+)?signs?|symptoms?)"
    r"(?:\s+(?:and|or)\s+symptoms?)?\s+of\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "diabetes should be treated with insulin": the drug named after it treats, not the topic.
TREATED_WITH = re.compile(
    r"\b(?:treat\w*|manag\w*|controll?\w*|revers\w*)\b[^.;]{0,40}?\bwith\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "may precipitate seizures and is therefore not recommended in epilepsy": what the drug may
# cause is the reason for the advice, no condition of the patients it is about
CAUSED_BEFORE = re.compile(
    r"\b(?:may|can|could|might|will)\s+(?:\w+\s+)?(?:cause|induce|precipitate|provoke"
    r"|trigger|lead\s+to|result\s+in)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "pain which can be managed only with opioids": what the use needs, no other drug's use
ONLY_WITH = re.compile(r"\bonly\s+(?:by|with)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "type 1 diabetes mellitus": a type the vocabulary does not tell apart from the disease
QUALIFIED_TYPE = re.compile(r"\btype\s+(?:\d|i{1,3}v?)\s*$", re.I)
# An item of a "Cautions:" list that is advice or a risk, no condition of the patient: the
# elderly with a risk of falls, diarrhoea with the advice to withdraw, grapefruit to avoid.
NOT_A_LISTED_CONDITION = re.compile(
    r"\b(?:risks?|withdraw\w*|monitor\w*|avoid\w*|maintain\w*|during|stop\w*|reduce|increase)\b",
    re.I,
)
ADVERSE = frozenset({T.ADVERSE_EFFECT})
# States a drug is used in, never treated: "except in pregnancy", "during breastfeeding".
NEVER_TREATED = frozenset({"pregnancy", "breastfeeding"})
# A line under a uses heading that is no bare list of uses: advice, a cross-reference, a
# finding ("Monitor for growth retardation", "see section 4.4", "with prolonged use").
NOT_A_USES_LIST = re.compile(
    r"\b(?:monitor\w*|see|avoid\w*|caution\w*|risks?|except|with\s+prolonged|warning\w*"
    r"|withdrawal)\b",
    re.I,
)
# "you have liver problems", "if you are dehydrated": an item that says the patient has it.
HAVING_IT = re.compile(
    r"^\s*(?:if\s+)?(?:you|they|the\s+patient|patients?)\s+(?:(?:have|has)\s+(?:ever\s+)?had"
    r"|have|has|had|are|is|were|get|suffer\w*\s+from)\s+",
    re.I,
)
# Conditions that name a group of patients a dose is adjusted for ("Renal impairment: 2.5 mg"),
# not a use of the dose.
PATIENT_GROUP_CONDITIONS = frozenset({"kidney-disease", "liver-disease"})
# "if you are taking sacubitril/valsartan, a medicine used to treat heart failure in adults",
# "medicines for diabetes": what another drug is used for names no group or condition of the
# patient the advice is about.
ANOTHER_DRUGS_USE = re.compile(
    r"\b(?:medicines?|drugs?|medications?)\s+(?:used\s+)?(?:to\s+treat|for)\b[^;]*$"
    # "(if you) take the combination of A and B for hepatitis C", "are treated with X for Y":
    # the use of the medicine named, not the patient's contraindication for this one
    r"|\b(?:take|takes|taking|took|treated\s+with)\s+"
    r"(?:(?!(?:it|this|them|for|to|if|when|with|in|more|less|longer)\b)[\w/-]+\s+){1,6}?"
    r"(?:to\s+treat|for)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# ... right before the phenotype ("medicines for diabetes such as insulin"): no side effect.
ANOTHER_DRUGS_USE_NEAR = re.compile(
    r"\b(?:medicines?|drugs?|medications?|tablets)\s+(?:used\s+)?(?:to\s+treat|for)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
TREATED_PHENOTYPE_GAP_END = re.compile(
    r"[;:()]|\b(?:is|are|was|were|may|can|could|might|will|has|have|had|who|which|that|with"
    # ("some cancers, such as leukaemia": an example of the use, no reason)
    r"|caus\w*|due|associated|induced|but|although|however|whereas|while|because|since"
    r"|(?<!such )as|if"
    r"|when|unless|not|no|patients|adults|children|people|those|combination|risks?|side"
    r"|monitor\w*|see|avoid\w*|caution\w*|except|during)\b",
    re.I,
)
SIDE_EFFECT_CUE = _cue(
    r"\b(?:cause[sd]?|causing|produce[sd]?|lead(?:s)? to|result(?:s)? in|side effects?"
    r"|adverse (?:effects?|reactions?|events?)|experience[sd]?|report(?:s|ed)?|occur(?:s|red)?"
    r"|(?:are|is) common|associated with"
    # a review's prose: "its toxicity presents with nystagmus", "serious reactions include SJS"
    r"|(?:toxicity|poisoning|intoxication)\s+(?:presents|manifests)\s+(?:with|as)"
    r"|reactions\s+(?:include|included|including))\b"
)
# In a side-effects section, a sentence that is no list item needs a verb of causing.
SECTION_SIDE_EFFECT_CUE = _cue(
    r"\b(?:cause[sd]?|causing|produce[sd]?|lead(?:s)? to|result(?:s)? in|experience[sd]?"
    r"|report(?:s|ed)?|occur(?:s|red)?|(?:are|is) common|include[sd]?|including)\b"
)
INTERACTION_CUE = _cue(
    r"\b(?:combin(?:e|es|ed|ing|ation)|concomitant(?:ly)?|co-?administ\w*|coadminist\w*"
    r"|together with|interact(?:s|ion|ions|ing)?|potentiat\w*|when (?:used|taken|given) with"
    # "if you take fluoxetine with aspirin": the patient's own combining
    r"|additive|(?:using|taking|(?:you|to) (?:use|take)) \w+ with)\b"
)
PK_CHANGE_CUE = _cue(
    r"\b(?:increas|decreas|reduc|elevat|rais|lower|alter|affect|inhibit|induc|impair|prolong"
    r"|shorten|doubl|enhanc|accelerat|diminish|chang|delay|interfer|displac)\w*\b[^.;]{0,80}?"
    r"\b(?:levels?|concentrations?|AUC|C ?max|clearance|metabolism|absorption|half-li(?:fe|ves)"
    r"|bioavailability|excretion|elimination|exposure|pharmacokinetics?|protein binding"
    r"|availability|uptake)\b"
    r"|\b(?:levels?|concentrations?|AUC|C ?max|clearance|metabolism|absorption|half-li(?:fe|ves)"
    r"|bioavailability|excretion|elimination|exposure|pharmacokinetics?)\b[^.;]{0,60}?\b(?:"
    r"(?:was|were|is|are|be|been)\s+(?:\w+ly\s+)?(?:increas|decreas|reduc|elevat|rais|lower"
    r"|alter|affect|inhibit|prolong|doubl|enhanc|diminish|chang)\w*)"
    r"|\b(?:inhibitors?|inducers?|substrates?) of (?:CYP|cytochrome|P-?gp|P-glycoprotein)"
)
PD_CHANGE_CUE = _cue(
    r"\b(?:potentiat|antagoni[sz]|augment|attenuat|blunt|revers|counteract|intensif|enhanc"
    r"|increas|decreas|reduc|inhibit|block|diminish|prolong|abolish|prevent|oppos)\w*\b"
    r"[^.;]{0,60}?\b(?:effects?|actions?|activity|response|efficacy|toxicity|risk|incidence"
    r"|hypotensi\w+|sedation|depression|bleeding)\b"
    r"|\b(?:additive|synergistic|antagonistic|opposing)\b|\brisk of\b|\bserotonin syndrome\b"
    # "A can make B less effective", "may stop B working properly", "makes B work less well"
    r"|\b(?:less|more) effective\b(?!\s+than\b)|\bstop\w*\s+(?:[\w'’-]+\s+){1,4}?working\b"
    r"|\bwork(?:s|ing)?\s+(?:less|more)\s+well\b(?!\s+than\b)"
)
ADVICE_WITH_CUE = _cue(
    r"\b(?:caution|cautious\w*|careful\w*|avoid\w*|contraindicat\w*|monitor\w*|adjust\w*"
    r"|not (?:be )?recommended|should not|should be|must not|reduc\w* (?:the )?dos\w*"
    r"|cannot|can[\'’]t|never|do not|don[\'’]t)\b"
    r"[^.]*\b(?:receiving|taking|treated with|on|given|with|and|plus)\b"
    r"|\b(?:receiving|taking|treated with|given|use of|in combination with)\b[^.]*\b(?:caution"
    r"|cautious\w*|careful\w*|avoid\w*|contraindicat\w*|monitor\w*|adjust\w*|should)\b"
)
# "Do not take/give it": a prohibition, but not "do not give up/take up/take off" (stopping or
# starting something, the opposite of a prohibition of the drug), also with up to three words
# before the "up"/"off" ("do not take the patch off", "do not give it up abruptly"). "Up to"
# an age or "off-label" use are still prohibitions.
_DO_NOT_GIVE = (
    r"do not (?:use|take|give|prescribe|administer)\b"
    r"(?!(?:\s+[\w-]+){0,3}?\s+(?:up(?!\s+to\b)|off(?![\s-]+label\b))\b)"
)
# Advice against a use that allows an exception ("not recommended unless essential", "unless
# clearly needed, avoid ...") is a caution: the drug can be used when the exception holds. So
# is a use the doctor may allow ("do not take it without first asking your doctor"), but not
# "it should not be stopped without consulting the doctor", which prohibits no use.
# "Should not be stopped abruptly", "must not be changed", "avoid stopping it suddenly": advice on
# stopping or changing the drug, not a prohibition of its use.
_NOT_STOPPING = (
    r"(?!\s+(?:be\s+)?(?:\w+ly\s+)?(?:stop|discontinu|withdr[ae]w|chang|switch|interrupt)\w*)"
)
_SHOULD_NOT = rf"(?:must|should) not{_NOT_STOPPING}"
_PROHIBITION = (
    rf"(?:not (?:be )?(?:{_USUALLY}(?:be )?(?:recommended|advised)|prescribed|used|given|taken)"
    rf"|{_SHOULD_NOT}|avoid\w*{_NOT_STOPPING}|contraindicated|{_DO_NOT_GIVE})"
)
_EXCEPTION = (
    r"\b(?:unless|except (?:when|where|if|in cases where))\b[^.;]{0,60}?"
    r"\b(?:essential|necessary|needed|required|indicated|justified|benefits?|outweighs?"
    r"|no (?:suitable |safer )?alternative)\b"
)
_USE_PROHIBITION = rf"(?:not (?:be )?(?:prescribed|used|given|taken)|{_DO_NOT_GIVE})"
# ... or "unless your doctor tells you to", "unless directed by a doctor".
_DOCTOR = (
    r"(?:your |a |the )?(?:doctor|physician|pharmacist|prescriber"
    r"|health ?care (?:provider|professional))\b"
)
_DOCTOR_FIRST = (
    r"(?:\bwithout (?:first )?(?:(?:talking|speaking|checking) (?:to|with)|consulting|asking)"
    rf" {_DOCTOR}|\bunless {_DOCTOR} (?:(?:has|have) )?(?:tells|told|advises|advised|says|said"
    r"|recommends|recommended|prescribes|prescribed|instructs|instructed|directs|directed)\b"
    rf"|\bunless (?:directed|advised|told|instructed|prescribed|recommended) (?:to )?(?:so )?by {_DOCTOR})"
)
SOFTENED_PROHIBITION = _cue(
    rf"\b{_PROHIBITION}\b[^.;]{{0,80}}?{_EXCEPTION}"
    rf"|{_EXCEPTION}[^.;]{{0,20}},[^.;]{{0,80}}?\b{_PROHIBITION}\b"
    rf"|\b{_USE_PROHIBITION}\b[^.;]{{0,80}}?{_DOCTOR_FIRST}"
)
# The finite verbs that make a piece of a sentence a clause of its own (``CLAUSE_VERB``) and
# start a new subject after a comma (``NEW_SUBJECT_BREAK``), among them the verbs that ask for
# caution ("breastfeeding requires caution", "the elderly need caution"). Only one followed by
# its object is a verb: "in need of", "children with special needs, and" are nouns.
_CAUTION_VERB = r"(?:(?:requires?|needs?|warrants?|calls? for)(?=\s+(?!(?:of|and|or|nor|in)\b)\w))"
_FINITE_VERB = (
    r"(?:is|are|was|were|isn[\'’]t|aren[\'’]t|has|have|had|can|cannot|could|may|might|must"
    r"|shall|should|will|would|does|do|did|seems?|appears?|remains?|becomes?|poses?|carries"
    rf"|occur(?:s|red)?|{_CAUTION_VERB})"
)
# A verb the drug is the object of ("children tolerate it poorly", "the elderly clear it
# slowly"): a word before "it"/"them" that is no preposition, conjunction, imperative,
# participle ("patients receiving it", "children given it") or adverb ("especially it").
_VERB_OF_IT = (
    r"(?!(?:in|into|with|within|without|of|to|for|from|on|onto|upon|at|by|about|than|as|and|or"
    r"|nor|but|if|when|while|since|because|unless|whether|avoid|use|take|give|stop|make|keep"
    r"|let|do|does|did|given|taken|shown|seen)\b)[a-z]+(?<!ing)(?<!ed)(?<!ly)\s+(?:it|them)\b"
)
# Caution words that hold for every object of the sentence; a softened prohibition holds
# only for the objects of its own clause ("contraindicated in X and should not be used in Y
# unless essential": X stays a contraindication).
CAUTION_WORDS = _cue(
    r"with caution|caution is (?:advised|recommended|required|needed|necessary|warranted)"
    r"|caution should be (?:used|exercised|taken|observed)|(?:use|exercise|take) caution"
    rf"|(?:{_CAUTION_VERB}|required) (?:(?!no\b)\w+ )?caution"
    r"|(?:use|used|given|prescribed|administered)(?: it| them| this \w+)? cautiously|only if (?:the )?(?:potential )?benefits?"
    # "should be used with care in X": caution in other words
    r"|(?:use|used|given|prescribed|administered)(?: it| them| this \w+)? with"
    r" (?:(?:special|particular|great|extra) )?care\b"
    r"|monitored closely|close(?:ly)? monitor\w*|careful(?:ly)? monitor\w*|dose adjustments?"
    # a leaflet's "Take special care if you have X", "Talk to your doctor before taking it if"
    r"|\b(?:take|taking) special care\b|\b(?:tell|talk to|talk with|check with|speak to|speak with"
    r"|ask) (?:your )?(?:doctor|pharmacist|nurse)[^.;]{0,40}?\bbefore (?:you )?(?:take|taking"
    r"|use|using|start|starting)\b(?!\s+(?:another|the next|more|any more)\b)"
    # "Talk to your doctor first if you have X": the same advice, before use
    r"|\b(?:talk to|talk with|check with|speak to|speak with|ask) (?:your )?(?:doctor|pharmacist"
    r"|nurse)[^.;]{0,30}?\b(?:first|beforehand)\b(?=[^.;]{0,10}?\bif\b)"
)
CAUTION_CUE = _cue(rf"{CAUTION_WORDS.pattern}|{SOFTENED_PROHIBITION.pattern}")
# A limit on how long ("do not take it for longer than four weeks") prohibits no group; a
# relative clause's duration is not one ("avoid in patients who took X for more than a week"),
# and "contraindicated" is never one.
_NO_DURATION_LIMIT = (
    r"(?!(?:(?!\b(?:who|whom|whose|which|that)\b)[^.;,]){0,60}?\bfor (?:longer|more) than\b)"
)
# Nor is a limit on the dose ("do not take more than eight tablets a day in X", "should not be
# given in doses higher than 2 mg", "must not exceed"): the dose reader records it as the
# group's maximum dose, as it does "do not exceed 2 g a day in X". "Avoid it in patients with
# more than one ..." names a group.
_NO_DOSE_LIMIT = (
    r"(?!(?:\s+(?!(?:in|to|during|by|for|with|while|at)\b)[\w-]+){0,2}?\s+"
    r"(?:(?:in|at) (?:doses?|amounts?) (?:of )?)?(?:(?:more|higher|greater|larger) than\b|exceed"
    # nor a limit on the rate ("must not be infused faster than 50 mg a minute in adults")
    r"|(?:faster|quicker|more (?:quickly|rapidly)) than\b))"
)
CONTRAINDICATION_CUE = _cue(
    rf"contraindicated|(?:{_SHOULD_NOT}|not (?:be )?(?:prescribed|{_USUALLY}(?:be )?recommended"
    r"|used|given"
    rf"|taken)|\bavoid(?:ed)?\b{_NOT_STOPPING}|{_DO_NOT_GIVE}){_NO_DURATION_LIMIT}{_NO_DOSE_LIMIT}"
    # "it is not suitable for children under 12": unsuitable for the group
    r"|\b(?:not|never) (?:be )?suitable for\b|\bunsuitable for\b"
    # "Do not breast-feed while taking it": breastfeeding is what the advice forbids
    r"|\b(?:do|should|must) not (?:be )?breast-?\s?feed(?:ing)?\b"
    # "breastfeeding should be discontinued", "stop breastfeeding": the same, said of stopping
    r"|\bbreast-?\s?feeding\s+(?:should|must)\s+be\s+(?:discontinued|stopped|interrupted"
    # ... but not "whether to discontinue breastfeeding or to discontinue the drug": a weighing
    r"|suspended|avoided)\b|(?<!whether to )\b(?:discontinue|stop|interrupt)\s+breast-?\s?feeding\b"
    # "Hypersensitivity to it is a contraindication": the condition before it
    r"|\b(?:is|are)\s+(?:an?\s+)?(?:absolute\s+)?contra-?indications?\b(?!\s+(?:to|for)\b)"
)
# "It is not contraindicated in X", "no contraindication in X", "X is not a contraindication":
# a denial of the contraindication, recorded negated (not the prohibition "should not").
DENIED_CONTRAINDICATION = _cue(
    r"\b(?:not|never)\s+(?:\w+\s+)?contraindicated\b|\bno\s+(?:\w+\s+)?contraindications?\b"
    r"|\bnot\s+an?\s+(?:\w+\s+)?contraindication\b"
)
# The word that narrows the condition advice is about ("severe kidney disease", "untreated
# underactive thyroid", "uncorrected adrenal insufficiency", "serious liver or kidney disease"):
# kept on the claim as its qualification, so the advice is not widened to the whole condition.
CONDITION_QUALIFIER = _cue(
    r"\b(?P<qualifier>(?:moderate(?:ly)? (?:or|to) )?(?:severe(?:ly)?|serious|significant|marked"
    r"|advanced|end[- ]stage|untreated|uncorrected|uncontrolled|poorly[- ]controlled"
    r"|decompensated|unstable|active|recent|clinically significant))"
    r"\s+(?:[\w-]+\s+(?:or|and)\s+|[\w-]+,\s+)?$"
)
# Where one piece of advice ends and the next begins: at a clause break (``HEDGE_CLAUSE_BREAK``),
# a ";", a ", but", or an "and" a new caution or prohibition follows ("contraindicated in X and
# should be used with caution in Y", "avoid in X unless needed, and contraindicated in Y").
_ADVICE_WORD = (
    r"(?:caution\w*|contraindicat\w*|should not|do not|must not|avoid\w*"
    rf"|not (?:be )?{_USUALLY}(?:be )?recommended)"
)
ADVICE_CLAUSE_BREAK = _cue(rf";|,\s*but\b|,?\s+and\s+(?=(?:[\w-]+\s+){{0,4}}?{_ADVICE_WORD}\b)")
# "Avoid in pregnancy, breastfeeding is fine": a comma, then a new subject and its verb, is a
# new piece of advice too, unless what comes before it is a clause that leads in the main one
# (``LEADING_CLAUSE``: "unless there is no alternative, it should not be given").
NEW_SUBJECT_BREAK = _cue(
    r",\s*(?=(?:(?!(?:who|whom|whose|which|that|and|or)\b)[\w-]+\s+){1,3}?"
    rf"(?:{_FINITE_VERB}\b|{_VERB_OF_IT}))"
)
LEADING_CLAUSE = _cue(
    r"[\s;,]*(?:unless|if|when|whenever|where|while|whereas|although|though|as|because|since"
    r"|except|once|before|after|until|even)\b"
)
# A finite verb makes a piece of a sentence a clause that says something of its own
# ("breastfeeding is fine", "it appears safe"); a piece with none is a phrase that takes its
# verdict from elsewhere ("and in children", "in pregnancy"). The verb of a relative clause
# ("women who are pregnant", ``RELATIVE_CLAUSE``) belongs to the phrase, not to a clause.
CLAUSE_VERB = _cue(rf"\b(?:{_FINITE_VERB}|be|been)\b")
# For the pieces of advice only: a verb the drug is the object of makes a clause too
# ("children tolerate it poorly"); a denial's reach is decided by finite verbs alone.
ADVICE_CLAUSE_VERB = _cue(rf"\b(?:{_FINITE_VERB}|be|been)\b|\b{_VERB_OF_IT}")
RELATIVE_CLAUSE = _cue(r"\b(?:who|whom|whose|which|that)\b[^,;:]*")
# A clause that states something of its own ("breastfeeding is fine") takes advice from no
# other clause, except one that goes on with the same subject after "and": "X may worsen
# asthma and should be used with caution", "not studied in Y and therefore is not recommended".
SAME_SUBJECT_ADVICE = _cue(
    r"[\s,]*and\s+(?:(?:therefore|thus|hence|so|also|consequently|then)\s+)?"
    r"(?:is|are|should|must|may|might|can|cannot|could|need|needs|requires?|will|would)\b"
)
# ... or one after "and" that points back at what the clause named, with no object of its own:
# "effects may be more severe in the elderly, and caution is advised in this population".
REFERS_BACK = _cue(
    r"\b(?:this|these|such|those) (?:patients?|population|group|individuals|women|cases"
    r"|conditions?|disorders?|diseases?)\b"
)
# A lead-in cut off by a semicolon takes the advice after it ("In pregnancy; use with caution"),
# and a list goes on after one ("use with caution in heart disease; and (2) in the elderly"):
# a phrase that opens with a preposition of circumstance or names patients ("Elderly patients;
# avoid"), holds nothing but the groups it names and ``LEAD_IN_WORD``, and has no verb of its
# own (``CLAUSE_VERB``). "In pregnancy, consult a doctor; ..." is none.
_LEAD_IN_PREPOSITION = r"(?:in|during|for|among|while|when|with|before|after|throughout)\b"
_PATIENT_WORD = (
    r"\b(?:patients?|people|persons?|individuals|those|women|men|mothers|children|adults"
    r"|infants|elderly|users)\b"
)
PATIENT_WORD = _cue(_PATIENT_WORD)
ADVICE_LEAD_IN = _cue(
    r"[\s;,]*(?:(?:and|or)\s+)?(?:\(?[0-9a-z]{1,2}\)\s*)?"
    rf"(?:(?P<preposition>{_LEAD_IN_PREPOSITION})|(?=[\s\S]*?{_PATIENT_WORD}))"
)
# A reason given after a comma ("avoid in X, as it may harm the fetus, and in Y") ends where
# the list of the advice before it goes on: ", and"/", or" then a circumstance or a group of
# patients, with no verb of its own (``REASON_CLAUSE``, ``LIST_GOES_ON``).
REASON_CLAUSE = _cue(r"\s*,\s*(?:as|since|because)\b")
LIST_GOES_ON = _cue(
    rf",\s*(?:and|or)\s+(?={_LEAD_IN_PREPOSITION}|(?:[\w-]+\s+){{0,2}}?{_PATIENT_WORD})"
)
# After a piece with no advice, ", and" or "and" goes on with the list of the advice before it.
AND_GOES_ON = _cue(r"[\s,]*and\b")
LEAD_IN_WORD = _cue(
    r"\b(?:the|a|an|and|or|of|with|known|history|severe|mild|moderate|significant"
    r"|pre-?existing|underlying)\b|\(?\b[0-9a-z]{1,2}\)"
)
# The words that may stand beside the advice of a piece that has no object of its own
# ("; use with caution", "; it should be avoided", "; avoid use"): anything else (alcohol,
# driving, high doses) is an object of that advice, and the lead-in before it takes nothing.
BARE_ADVICE_WORD = _cue(
    r"\b(?:it|its|this|these|that|the|a|drug|medicine|medication|product|treatment|therapy|use"
    r"|used|using|be|been|is|are|should|must|only|generally|strictly|best|also|then|please"
    r"|always|and|or|closely|carefully|monitor\w*|patients?|them|they|so|here|too|in|of|for"
    r"|during|when|exercised|observed|taken|advised|needed|required)\b"
)
BINDS_CUE = _cue(
    r"\b(?:bind\w*|bound|agonis\w*|antagoni\w*|modulat\w*|(?:acts?|works?) (?:on|at)|attach\w*"
    r"|inhibit\w*|block\w*|activat\w*|stimulat\w*|affinity|occup\w*|open\w*|clos(?:es|ing)"
    r"|interacts? with)\b"
)
# What a drug does to its target, by the words a label uses for it: a verb before the target
# ("inhibits factor Xa", "blocks sodium channels"), a noun with "of"/"at" ("a selective inhibitor
# of ...", "antagonist at ..."), or a noun after it ("a factor Xa inhibitor"). The first pattern
# that matches names the action, recorded as the statement's dkg:action; binding says none.
TARGET_ACTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("partial agonist", _cue(r"\bpartial agonis(?:t|ts|m)\b")),
    ("inverse agonist", _cue(r"\binverse agonis(?:t|ts|m)\b")),
    ("positive allosteric modulator", _cue(r"\bpositive allosteric modulat\w*")),
    ("inhibitor", _cue(r"\binhibit(?:s|ed|ing|ion|ions|or|ors|ory)?\b")),
    ("blocker", _cue(r"\b(?:block(?:s|ed|ing|er|ers|ade)?|clos(?:es|ing))\b")),
    ("antagonist", _cue(r"\bantagoni(?:st|sts|sm|ses|zes|sed|zed|sing|zing|se|ze)\b")),
    ("agonist", _cue(r"\bagonis(?:t|ts|m)\b")),
    ("activator", _cue(r"\b(?:activat(?:es|ed|ing|ion|or|ors|e)|stimulat(?:es|ed|ing|ion|e))\b")),
    ("opener", _cue(r"\bopen(?:s|er|ers|ing)\b")),
    ("modulator", _cue(r"\bmodulat(?:es|ed|ing|ion|or|ors|e)\b")),
    (
        "binder",
        _cue(
            r"\b(?:bind(?:s|ing)?|bound|attach(?:es|ing)?|affinity|occup(?:ies|ying|ancy)"
            r"|(?:acts?|works?) (?:on|at)|interacts? with)\b"
        ),
    ),
)
# An action noun after the target ("a factor Xa inhibitor", "an H1-receptor antagonist") says
# what the drug is only where the sentence says the drug is one: "X is a/an", "X, a/an", "as a".
TARGET_NOUN_AFTER = _cue(
    r"\s*(?:receptor\s+)?(?P<noun>(?:partial |inverse )?agonist|antagonist|inhibitor|blocker"
    r"|activator|modulator|opener)s?\b"
)
IS_A_BEFORE_TARGET = _cue(
    r"(?:\b(?:is|was|acts as|as)|,)\s+(?:a|an)\s+(?:(?:highly|potent|selective|direct|oral|orally"
    r"active|reversible|irreversible|competitive|non-?competitive|specific|new|novel|peripheral"
    r"|centrally acting|long-acting|short-acting|weak|strong|mixed|dual|non-selective|nonselective"
    r"|and|,)\s+){0,5}$"
)
# Between an action and its target: objects of the same verb in a list ("inhibits free and
# clot-bound factor Xa"); not a new clause, another verb, or another drug's metabolism.
TARGET_GAP = _cue(r"^[^;:.()]{0,80}$")
TARGET_GAP_BREAK = _cue(
    r"[,;]\s*(?:which|that|who|while|whereas|but)\b|\b(?:and|but)\s+(?:it|is|are|was|has|may"
    r"|can|does|do|also)\b|\b(?:by|through|via|because|leading|resulting|causing)\b"
    r"|\b(?:decreas|increas|reduc|prevent|caus|produc|rais|lower|improv|enhanc)\w*"
)
# Items sharing one head noun: "blocks muscarinic, histamine H1 and alpha-1 adrenergic
# receptors" names three receptors; each item is looked up with the head noun added.
SHARED_HEAD = re.compile(r"\b(receptors?|channels?|transporters?|adrenoceptors?)$", re.I)
SHARED_HEAD_ITEMS = re.compile(
    r"(?:(?:[\w+/α-ωΑ-Ω-]+\s+){0,2}[\w+/α-ωΑ-Ω-]+(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+$"
)
SHARED_HEAD_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
AFFECTS_CUE = _cue(
    r"\b(?:enhanc\w*|increas\w*|potentiat\w*|affect\w*|inhibit\w*|reduc\w*|decreas\w*"
    r"|sensitivity|synthesis|modulat\w*|related to|release|block\w*|rais\w*|boost\w*"
    r"|(?:re-?)?uptake)\b"
)
EFFECT_CUE = _cue(
    r"\b(?:effects?|action|activity|properties|results? in|provides?|produces?|exerts?|relax\w*"
    r"|has)\b"
)
PASSES_CUE = _cue(r"\b(?:excreted|secreted|pass(?:es)?|penetrat\w*|cross(?:es)?|distributed)\b")

# "Drug class: Thyroid hormones.", "Pharmacotherapeutic group: ...": a label naming the class
CLASS_LABEL = _cue(
    r"^\W*(?:(?:drug|pharmacological|pharmacologic|therapeutic|pharmacotherapeutic)\s+"
    r"(?:class|group)|class)\s*:"
)
CONDITION = frozenset({T.CONDITION})
PHENOTYPES = frozenset({T.ADVERSE_EFFECT, T.CONDITION})
AT_RISK = frozenset({T.CONDITION, T.POPULATION})

RULES: tuple[Rule, ...] = (
    Rule(
        "indication-section",
        "treats",
        "A condition named in a 'Uses' or 'Indications' section is treated by the drug.",
        CONDITION,
        sections=frozenset({"indication"}),
        excluded_sections=frozenset({"adverse", "overdose"}),
        examples=(
            (
                "Uses",
                "Panic Disorder: it is effective in managing panic attacks.",
                "panic disorder",
            ),
            (
                "Indications",
                "Restless Legs Syndrome (RLS): sometimes used.",
                "restless legs syndrome",
            ),
        ),
        counterexamples=(("Side Effects", "Seizures may occur on abrupt withdrawal."),),
    ),
    Rule(
        "treats-verb",
        "treats",
        "A verb of treatment (treats, manages, controls, is indicated for ...) links drug and condition.",
        CONDITION,
        cue=TREATS_CUE,
        excluded_sections=frozenset({"adverse", "interaction", "precaution", "dosage", "overdose"}),
        examples=(
            (
                "",
                "Diazepam is indicated for the management of anxiety disorders.",
                "anxiety disorder",
            ),
            (
                "",
                "It effectively inhibits the attacks of generalized epilepsy.",
                "generalized epilepsy",
            ),
            ("", "Using the drug reduces the attacks of epilepsy.", "epilepsy"),
            ("", "Diazepam remains in use for status epilepticus in hospital.", "status epilepticus"),
            ("", "It may also help with panic disorder in some adults.", "panic disorder"),
            # an example of a use is a use ("such as" gives no reason)
            (
                "",
                "At high doses it is used to treat some blood cancers, such as acute"
                " lymphoblastic leukaemia.",
                "acute lymphoblastic leukemia",
            ),
            # the illness whose episodes it prevents, named after "in patients with"
            (
                "",
                "It is also taken to prevent new episodes in patients with bipolar affective"
                " disorder.",
                "bipolar affective disorder",
            ),
            ("", "Reserve it for cystitis when other antibiotics have failed.", "cystitis"),
        ),
        counterexamples=(
            ("", "Abrupt discontinuation can cause seizures."),
            # "reserve" with something else as its object
            ("", "Hospitals reserve beds for cystitis."),
            ("", "Diazepam is not indicated for the treatment of panic disorder."),
            ("", "Your pharmacist can help with questions about epilepsy."),
        ),
    ),
    Rule(
        "class-used-to-treat",
        "treats",
        "A definition naming the drug's class and use ('X is a benzodiazepine used to treat"
        " panic disorder') states the use, whatever page it opens (an interactions page too).",
        CONDITION,
        cue=DEFINED_BY_USE,
        excluded_sections=frozenset({"adverse", "precaution", "dosage", "overdose"}),
        examples=(
            (
                "Drug interactions",
                "Clonazepam is a benzodiazepine used to treat panic disorder.",
                "panic disorder",
            ),
            (
                "Interactions",
                "Diazepam is an anxiolytic medicine prescribed for anxiety disorders.",
                "anxiety disorder",
            ),
        ),
        counterexamples=(
            # another drug's use, named as the partner of an interaction
            ("Interactions", "Diazepam interacts with drugs used to treat epilepsy."),
            ("Interactions", "It is a benzodiazepine; avoid it with drugs for panic disorder."),
        ),
    ),
    Rule(
        "indicated-under-dosage",
        "treats",
        "A dosage section that opens with what the drug is indicated for names its uses.",
        CONDITION,
        sections=frozenset({"dosage"}),
        cue=INDICATED_SUBJECT,
        examples=(
            (
                "Dosage and administration",
                "Diazepam is indicated for the short-term relief of status epilepticus.",
                "status epilepticus",
            ),
        ),
        counterexamples=(
            ("Dosage", "A lower dose is indicated in liver disease."),
            ("Dosage", "Monitoring is indicated in epilepsy."),
        ),
    ),
    Rule(
        "side-effect-section",
        "has_side_effect",
        "An effect named in a side-effects section, as an item or with a verb of causing, is a side effect.",
        PHENOTYPES,
        sections=frozenset({"adverse"}),
        examples=(
            ("Side Effects", "Dizziness: Patients may experience dizziness.", "dizziness"),
            (
                "Side effect",
                "Using it may cause nausea, indigestion, lowering blood pressure.",
                "hypotension",
            ),
        ),
        counterexamples=(
            (
                "Side effect",
                "All these side effects are related to the inhibition of the central nervous system.",
            ),
        ),
    ),
    Rule(
        "side-effect-verb",
        "has_side_effect",
        "Outside a side-effects section, the drug 'may cause' or 'is associated with' an effect.",
        frozenset({T.ADVERSE_EFFECT}),
        cue=SIDE_EFFECT_CUE,
        excluded_sections=frozenset(
            {"adverse", "dosage", "interaction", "indication", "overdose", "caution"}
        ),
        examples=(("", "Diazepam may cause drowsiness and fatigue.", "fatigue"),),
        counterexamples=(
            (
                "",
                "Even a little alcohol may cause a severe inhibition of the central nervous system.",
            ),
            ("", "Diazepam does not cause respiratory depression."),
            # what too much of it does is no side effect of the dose a patient takes
            ("10 OVERDOSAGE", "An overdose may cause somnolence, confusion and coma."),
            ("If you take too much", "It may cause deep sleep and slow breathing."),
        ),
    ),
    Rule(
        "pregnancy-risk",
        "has_side_effect",
        "Under a pregnancy heading, 'Risk of X' names a harm of use in pregnancy (to the"
        " fetus or the newborn), kept with the population 'pregnancy'.",
        frozenset({T.ADVERSE_EFFECT}),
        sections=frozenset({"pregnancy"}),
        cue=PREGNANCY_RISK,
        examples=(
            (
                "Pregnancy",
                "Risk of neural tube defects in the fetus; high-dose folic acid is advised.",
                "neural tube defect",
            ),
            ("Pregnancy", "Increased risk of cleft palate.", "cleft palate"),
        ),
        counterexamples=(
            ("Pregnancy", "No risk of neural tube defects has been found."),
            ("Side effects", "Risk of neural tube defects."),
        ),
    ),
    Rule(
        "caution-side-effect-verb",
        "has_side_effect",
        "Under 'Cautions', the drug as the subject of a verb of causing ('X can prolong the QT"
        " interval, so take care ...') states its own risk, not a condition of the patient.",
        frozenset({T.ADVERSE_EFFECT}),
        sections=frozenset({"caution"}),
        cue=SUBJECT_CAUSES,
        examples=(
            (
                "Cautions",
                # the examples run in a diazepam monograph, which does not prolong the QT
                "This medicine can prolong the QT interval, so take care with other such drugs.",
                "qt prolongation",
            ),
            ("Cautions", "It may cause drowsiness; do not drive.", "drowsiness"),
        ),
        counterexamples=(
            ("Cautions", "Cardiac disease; glaucoma; sleep apnoea."),
            # the subject is the patient's condition, no drug causing it
            ("Cautions", "Epilepsy may cause falls in the elderly."),
            ("Cautions", "It is not thought to cause hepatotoxicity."),
            # another drug's doing
            ("Cautions", "Ziprasidone can prolong the QT interval; take care with it."),
        ),
    ),
    Rule(
        "warning-section",
        "has_side_effect",
        "An adverse effect named in a warnings section (boxed warning, warnings and precautions) is a risk of the drug.",
        frozenset({T.ADVERSE_EFFECT}),
        sections=frozenset({"precaution"}),
        excluded_sections=frozenset(
            {
                "adverse",
                "dosage",
                "interaction",
                "indication",
                "contraindication",
                "overdose",
                "caution",
            }
        ),
        examples=(
            ("Warnings and Precautions", "Severe hepatotoxicity has been seen.", "hepatotoxicity"),
            ("Boxed Warning", "Monitor patients for signs of lactic acidosis.", "lactic acidosis"),
            # a warning about the class or a related drug is the drug's warning too
            ("Warnings", "Lorazepam has caused agranulocytosis.", "agranulocytosis"),
        ),
        counterexamples=(
            ("Warnings and Precautions", "Use it with care in patients with renal impairment."),
            ("Warnings and Precautions", "No cases of hepatotoxicity were reported."),
            # the condition the drug must not be given in, not an effect of it
            ("Warnings and Precautions", "It is contraindicated in acute narrow-angle glaucoma."),
            (
                "Warnings and Precautions",
                "Use it cautiously in myocardial infarction or in sleep apnea.",
            ),
        ),
    ),
    Rule(
        "interaction",
        "interacts_with",
        "Another drug or class named with a cue of combination or interaction interacts with the drug.",
        frozenset({T.DRUG, T.DRUG_CLASS}),
        cue=INTERACTION_CUE,
        examples=(
            ("Drug Interactions", "Combining it with alcohol can enhance sedation.", "ethanol"),
            ("", "Certain antiepileptic drugs can interact with diazepam.", "antiepileptic drug"),
        ),
        counterexamples=(("", "Diazepam is a benzodiazepine."),),
    ),
    Rule(
        "interaction-warning",
        "interacts_with",
        "In a precautions section, another drug said to cause a harm with the drug interacts with it.",
        frozenset({T.DRUG, T.DRUG_CLASS}),
        sections=frozenset({"precaution", "interaction"}),
        cue=_cue(r"\b(?:may|can|could|will) (?:cause|increase|enhance)|contraindicated|avoid"),
        examples=(
            (
                "Recommendations for the use",
                "Even a little of alcohol may cause a severe inhibition of the central nervous system.",
                "ethanol",
            ),
        ),
        counterexamples=(("Recommendations for the use", "Take it with water."),),
    ),
    Rule(
        "interaction-pharmacokinetic",
        "interacts_with",
        "One drug changing another's levels, clearance, metabolism or absorption interacts with it.",
        frozenset({T.DRUG, T.DRUG_CLASS}),
        cue=PK_CHANGE_CUE,
        examples=(
            ("", "Cimetidine increases the plasma levels of diazepam.", "cimetidine"),
            ("", "Rifampin may induce the metabolism of diazepam.", "rifampin"),
            ("", "Diazepam reduced the clearance of phenytoin by 30%.", "phenytoin"),
        ),
        counterexamples=(
            ("", "Diazepam does not appear to alter the pharmacokinetics of phenytoin."),
            (
                "",
                "The effect of diazepam on the metabolism of other drugs has not been investigated.",
            ),
        ),
    ),
    Rule(
        "interaction-pharmacodynamic",
        "interacts_with",
        "One drug potentiating, antagonising or adding to the effects of another interacts with it.",
        frozenset({T.DRUG, T.DRUG_CLASS}),
        cue=PD_CHANGE_CUE,
        examples=(
            ("", "Diazepam may increase the CNS-depressant effects of narcotics.", "opioid"),
            ("", "Flumazenil antagonizes the sedative effect of diazepam.", "flumazenil"),
            # the words consumer pages use for a weaker effect
            ("", "Rifampin can make diazepam less effective.", "rifampin"),
            ("", "Phenytoin may stop diazepam working properly.", "phenytoin"),
        ),
        counterexamples=(
            ("", "Diazepam has a sedative effect."),
            ("", "Diazepam was less effective than lorazepam in this trial."),  # a comparison
        ),
    ),
    Rule(
        "interaction-advice",
        "interacts_with",
        "Advice about giving two drugs together (caution, avoid, adjust the dose) is an interaction.",
        frozenset({T.DRUG, T.DRUG_CLASS}),
        cue=ADVICE_WITH_CUE,
        examples=(
            (
                "",
                "Diazepam should be used cautiously in patients receiving MAO inhibitors.",
                "monoamine oxidase inhibitor",
            ),
            ("", "Patients taking warfarin and diazepam should be monitored.", "warfarin"),
            ("", "Diazepam cannot be given with alcohol because sedation increases.", "ethanol"),
            # a leaflet's prohibition to the patient, each drug of the list a partner
            ("", "Do not take diazepam if you are taking opioids or clozapine.", "clozapine"),
        ),
        counterexamples=(("", "Diazepam should be taken at bedtime."),),
    ),
    Rule(
        "caution-lead-in",
        "caution_in",
        "An item of a list introduced by 'use with caution in ...' names a condition needing caution.",
        AT_RISK,
        cue=CAUTION_CUE,
        cue_in_lead_in=True,
        examples=(),
        counterexamples=(),
    ),
    Rule(
        "contraindication-lead-in",
        "contraindicated_in",
        "An item of a list introduced by 'Do not take it if:' names a condition it is contraindicated in.",
        AT_RISK,
        cue=CONTRAINDICATION_CUE,
        cue_in_lead_in=True,
        examples=(),
        counterexamples=(),
    ),
    Rule(
        "caution-verb",
        "caution_in",
        "'Use with caution', 'only if the benefits outweigh', 'monitor closely' in a patient group;"
        " 'not recommended unless essential' for the groups of its own clause.",
        AT_RISK,
        cue=CAUTION_WORDS,
        clause_cue=SOFTENED_PROHIBITION,
        excluded_sections=frozenset({"dosage"}),
        examples=(
            (
                "",
                "It should be used during pregnancy only if the potential benefits outweigh the risks.",
                "pregnancy",
            ),
            ("", "Patients with liver impairment may require dose adjustments.", "liver disease"),
            (
                "",
                "Lactation is usually not advised while on this medicine unless the doctor finds it necessary.",
                "breastfeeding",
            ),
            (
                "",
                "Unless there is no safer alternative, it should not be given during pregnancy.",
                "pregnancy",
            ),
            (
                "",
                "It is contraindicated in liver disease and should not be taken in pregnancy"
                " unless clearly needed.",
                "pregnancy",
            ),
            # a denied contraindication leaves the caution of the next clause asserted
            ("", "It is not contraindicated in pregnancy, but caution is advised.", "pregnancy"),
            # a lead-in before a semicolon takes the advice after it
            ("", "In pregnancy; use it with caution.", "pregnancy"),
            ("", "Renal impairment requires particular caution.", "kidney disease"),
            ("", "Use it cautiously in the elderly.", "older adults"),
            ("", "It should be used with great care in people with epilepsy.", "epilepsy"),
            # a phenotype the patient has is the object of the caution too
            (
                "",
                "It is contraindicated in pregnancy and should be used with caution in glaucoma.",
                "glaucoma",
            ),
            ("", "Do not take it in pregnancy without first asking your doctor.", "pregnancy"),
            (
                "",
                "Do not use it while breastfeeding unless your doctor advises it.",
                "breastfeeding",
            ),
            # "needs" with no object after it is a noun, not a new clause
            (
                "",
                "Use it with caution in the elderly, children with special needs, and pregnancy.",
                "pregnancy",
            ),
        ),
        counterexamples=(
            ("", "Panic disorder responds to the drug."),
            # the caution is about something else: the clause naming pregnancy prohibits
            ("", "Caution is advised when driving, and it is contraindicated in pregnancy."),
            ("", "It must not be taken by nursing mothers."),
            ("", "It should not be given during pregnancy, unless you want harm."),
            ("", "It is contraindicated during pregnancy."),
            # a full clause before the semicolon takes none of the advice after it
            ("", "Insomnia and tremor can occur; use it with caution."),
            ("", "Kidney disease requires no caution."),
            # what the patients are at risk of is no condition they have
            ("", "Use it with caution in patients with risk factors for hypotension."),
            # the caution after the comma is a clause of its own, not said of pregnancy
            ("", "It is contraindicated in pregnancy, its use requires caution."),
            # a prohibition of stopping, not of a use
            ("", "It should not be stopped in pregnancy without consulting your doctor."),
            # care in handling the product is no caution in a group
            ("", "Open the blister with care if you have epilepsy."),
        ),
    ),
    Rule(
        "contraindication-section",
        "contraindicated_in",
        "A condition or group listed without a verb under 'Contraindications' is one.",
        AT_RISK,
        sections=frozenset({"contraindication"}),
        examples=(
            ("Contraindications", "Severe hepatic impairment.", "liver disease"),
            (
                "Contraindications",
                "Acute narrow-angle glaucoma; severe liver disease.",
                "acute narrow-angle glaucoma",
            ),
            ("", "Contra-indications: pregnancy; sleep apnoea.", "pregnancy"),
        ),
        counterexamples=(
            ("Contraindications", "Not contraindicated in pregnancy."),
            ("Side effects", "Glaucoma."),
        ),
    ),
    Rule(
        "caution-section",
        "caution_in",
        "A condition or group listed without a verb under a 'Cautions' heading or label needs caution.",
        AT_RISK,
        sections=frozenset({"caution"}),
        examples=(
            ("Cautions", "Sleep apnoea; pregnancy.", "pregnancy"),
            ("", "Cautions: pregnancy; renal impairment.", "kidney disease"),
        ),
        counterexamples=(("Precautions", "Psoriasis."),),
    ),
    Rule(
        "contraindication-verb",
        "contraindicated_in",
        "'Contraindicated', 'not recommended', 'not prescribed' or 'avoid' in a patient group.",
        AT_RISK,
        cue=_cue(rf"{CONTRAINDICATION_CUE.pattern}|{DENIED_CONTRAINDICATION.pattern}"),
        unless=SOFTENED_PROHIBITION,  # "not recommended unless essential" is a caution
        negatable=False,
        excluded_sections=frozenset({"dosage"}),
        examples=(
            ("", "It is not prescribed during pregnancy and lactation.", "breastfeeding"),
            (
                "",
                "It is contraindicated in acute narrow-angle glaucoma.",
                "acute narrow-angle glaucoma",
            ),
            ("", "It is not recommended in patients with sleep apnea.", "sleep apnea"),
            ("", "This medicine is unsuitable for people with glaucoma.", "glaucoma"),
            ("", "It is not suitable for anyone whose epilepsy is poorly controlled.", "epilepsy"),
            ("", "You must not be breastfeeding during a course of it.", "breastfeeding"),
            ("", "Breastfeeding while taking it is generally not recommended.", "breastfeeding"),
            ("", "Lactating women must not take this medicine.", "breastfeeding"),
            ("", "It is contraindicated in nursing mothers.", "breastfeeding"),
            ("", "Do not give it to nursing mothers.", "breastfeeding"),
            ("", "During breastfeeding; avoid it.", "breastfeeding"),
            # a reason clause does not end the list of the advice before it
            (
                "",
                "Avoid it in pregnancy, as it may harm the baby, and in nursing mothers.",
                "breastfeeding",
            ),
            (
                "",
                "Avoid it in pregnancy; breastfeeding is fine unless the infant is premature.",
                "pregnancy",
            ),
            # the exception softens only the advice of its own clause
            (
                "",
                "It is contraindicated in liver disease and should not be taken in pregnancy"
                " unless clearly needed.",
                "liver disease",
            ),
            # ", and contraindicated in ..." is advice of its own, not part of the exception
            (
                "",
                "Avoid it in gout unless clearly necessary, and contraindicated in pregnancy.",
                "pregnancy",
            ),
        ),
        counterexamples=(
            ("", "It is suitable for people with glaucoma."),
            ("", "It is used in pregnancy when needed."),
            # a denial of the contraindication, recorded negated
            ("", "It is not contraindicated in pregnancy."),
            # the caution's own clause names the elderly; the prohibition's names no group
            ("", "Use it with caution in the elderly and avoid alcohol."),
            ("", "Breast-feeding is not advised during treatment unless it is judged essential."),
            ("", "Except where the benefits justify it, avoid use in pregnancy."),
            # the advice after the semicolon has an object of its own
            ("", "During breastfeeding; avoid alcohol."),
            # stopping the drug, a limit on how long, a use the doctor may allow
            ("", "Do not give up this medicine in pregnancy."),
            ("", "Do not take it for longer than two weeks in the elderly."),
            ("", "Do not take it in pregnancy without first asking your doctor."),
            ("", "Do not take it in pregnancy unless directed by your doctor."),
            # taking a patch off, a dose limit, stopping: no prohibition of the use
            ("", "Do not take the patch off while breastfeeding."),
            ("", "Do not take more than six tablets a day in kidney disease."),
            ("", "It should not be stopped suddenly in the elderly."),
        ),
    ),
    Rule(
        "binds-target",
        "binds",
        "A verb of binding or modulation links the drug to a receptor or other molecular target.",
        frozenset({T.TARGET}),
        cue=BINDS_CUE,
        examples=(
            (
                "",
                "By binding to a specific site on the GABA-A receptor, it acts.",
                "GABA-A receptor",
            ),
            ("", "It is a reversible inhibitor of thrombin.", "thrombin"),
            ("", "It blocks voltage-gated sodium channels.", "voltage-gated sodium channel"),
            ("", "It is a selective 5-HT3 receptor antagonist.", "5-HT3 receptor"),
            ("", "It blocks muscarinic and H1 receptors.", "muscarinic acetylcholine receptor"),
        ),
        counterexamples=(
            ("", "The GABA-A receptor is a chloride channel."),
            ("", "Avoid other factor Xa inhibitors."),
            ("", "Thrombin turns fibrinogen into fibrin."),
            ("", "It does not bind to opioid receptors."),
        ),
    ),
    Rule(
        "affects-transmitter",
        "affects",
        "A verb of change (enhances, increases, affects ...) links the drug to a neurotransmitter or process.",
        frozenset({T.NEUROTRANSMITTER, T.PROCESS}),
        cue=AFFECTS_CUE,
        examples=(
            ("", "It works by enhancing the effects of GABA.", "gamma-aminobutyric acid"),
            (
                "",
                "It increases the frequency of chloride channel openings.",
                "chloride channel opening",
            ),
        ),
        counterexamples=(("", "GABA is a neurotransmitter."),),
    ),
    Rule(
        "pharmacological-effect",
        "has_effect",
        "An effect word (sedative, anxiolytic, anticonvulsant ...) with 'effect', 'action' or a verb.",
        frozenset({T.EFFECT}),
        cue=EFFECT_CUE,
        sections=frozenset(),
        examples=(
            ("", "This results in a sedative and anticonvulsant effect.", "anticonvulsant effect"),
            ("", "It relaxes the muscle tissue.", "muscle relaxant effect"),
        ),
        counterexamples=(("", "Sedative drugs are many."),),
    ),
    Rule(
        "passes-into",
        "crosses_into",
        "The drug is excreted in, or passes through, a tissue or fluid (placenta, breast milk).",
        frozenset({T.ANATOMY}),
        cue=PASSES_CUE,
        examples=(("", "It is also excreted in breast milk.", "breast milk"),),
        counterexamples=(("", "Breast milk is the best food for infants."),),
    ),
    Rule(
        "class-label",
        "member_of",
        "A 'Drug class:' or 'Pharmacotherapeutic group:' label names the drug's class.",
        frozenset({T.DRUG_CLASS}),
        cue=CLASS_LABEL,
        examples=(
            ("", "Drug class: Benzodiazepines.", "benzodiazepine"),
            (
                "",
                "Pharmacotherapeutic group: anxiolytics, benzodiazepine derivatives.",
                "benzodiazepine",
            ),
        ),
        counterexamples=(
            ("", "Interacting class: Benzodiazepines."),
            ("", "Avoid in patients taking a drug of another class, such as opioids."),
        ),
    ),
)

RULES_BY_NAME = {rule.name: rule for rule in RULES}

# Administration instructions, kept as the phrase the document uses.
INSTRUCTIONS: tuple[re.Pattern[str], ...] = (
    _cue(r"\btaper(?:ed|ing)? (?:the )?(?:dose|dosage)?(?: gradually)?"),
    _cue(r"\b(?:gradually|slowly) (?:taper\w*|reduc\w*|decreas\w*)(?: the dose)?"),
    _cue(r"\bdo not (?:stop|terminate|discontinue|quit)\b[^.;]*?\babruptly\b"),
    _cue(r"\bbetween meals(?: and)?(?: with water(?: only)?)?"),
    _cue(r"\bwith (?:food|meals|water)(?: only)?\b"),
    _cue(r"\bon an empty stomach\b"),
    _cue(r"\b(?:the )?(?:daily )?dose is increased gradually\b"),
    _cue(r"\bdo not increase (?:a|the|your) (?:daily )?dose\b"),
    # timing against a meal or another medicine: "30 to 60 minutes before breakfast", "at
    # least 4 hours apart from iron supplements", "separate the doses by 4 hours"
    _cue(
        r"\b(?:at least |about |around )?\d+(?:\s*(?:to|-|–|or)\s*\d+)?\s*(?:minutes?|mins?|hours?)"
        r"\s+(?:before|after)\s+(?:(?:a|your|the)\s+)?(?:breakfast|lunch|dinner|supper|food|meals?"
        r"|bedtime)\b"
    ),
    _cue(
        r"\b(?:at least |about )?\d+(?:\s*(?:to|-|–)\s*\d+)?\s*hours?\s+apart\b(?:\s+from\s+"
        r"(?:taking\s+)?[\w-]+(?:\s+(?:or|and)\s+[\w-]+)?(?:\s+(?:salts?|supplements?"
        r"|preparations?|medicines?|tablets?))?)?"
        r"|\bseparate (?:the |their |your )?doses (?:by|of)\s+(?:at least )?\d+\s*hours?"
        r"|\b(?:at least )?\d+\s*hours?\s+before\s+or\s+(?:at least )?\d+\s*hours?\s+after"
        r"(?:\s+(?:taking\s+)?[\w-]+(?:\s+(?:or|and)\s+[\w-]+)?)?"
    ),
    _cue(
        r"\bat (?:about |around )?the same time (?:each|every) (?:day|week|night|morning|evening)"
    ),
)

PREGNANCY_CATEGORY = _cue(r"\b(?:pregnancy )?category ([ABCDX])\b")
