"""Patterns around a reaction: its shape, severity, table rows, trial design, risk, animals."""

from __future__ import annotations

import re

from graph_builder.model import Mention

# A finding in animals, not in people ("in rats", "in animal studies").
ANIMAL = re.compile(
    r"\b(?:rats?|mice|mouse|rabbits?|dogs?|monkeys?|animals?|hamsters?|primates?|rodents?"
    r"|cynomolgus|minipigs?|guinea pigs?)\b",
    re.I,
)
ANIMAL_STUDY = re.compile(
    r"\b(?:in|to) (?:pregnant |juvenile |male |female |neonatal |young )?"
    r"(?:rats?|mice|rabbits?|dogs?|monkeys?|animals?|hamsters?|rodents?|cynomolgus monkeys?)\b"
    r"|\banimal (?:studies|reproduction|data|models?)\b|\b(?:rats?|mice|rabbits?|dogs?|monkeys?)"
    r" (?:given|treated|administered|dosed|that received)\b"
    r"|\b(?:carcinogenicity|fertility|teratogenicity|toxicology) stud(?:y|ies)\b",
    re.I,
)

# Words built like the name of a disorder: "-itis", "-penia", "-algia" ...
DISORDER_WORD = re.compile(
    r"[a-z]{3,}(?:itis|penia|emia|algia|pathy|rrhea|rrhage|plegia|paresis|esthesia|uria"
    r"|cytosis|megaly|spasm|toxicity|ptysis|phagia|phasia|kinesia|tonia|cardia|pnea|opia"
    r"|(?<!diagn)(?<!progn)(?<!hypn)osis)"
)
# Words built like adjectives that narrow a reaction: "aphthous stomatitis", "lobar pneumonia".
ADJECTIVE = re.compile(r"[a-z]{3,}(?:al|ic|ous|ary|oid|ive|form|ar)")
NOT_NARROWING = frozenset(
    [
        "clinical",
        "several",
        "general",
        "potential",
        "additional",
        "total",
        "usual",
        "initial",
        "typical",
        "medical",
        "critical",
        "individual",
        "various",
        "previous",
        "serious",
        "similar",
        "particular",
        "numerous",
        "fatal",
        "other",
        "prior",
        "systemic",
        "overall",
        "dual",
        "annual",
        "causal",
        "rare",
        "regular",
        "normal",
        "actual",
        "visual",
        "ocular",
        "cumulative",
        "positive",
        "negative",
        "respective",
        "relative",
        "comparative",
        "consecutive",
        "national",
    ]
)
# Severity is no part of the reaction's name: "severe rash" is a rash.
SEVERITY = re.compile(
    r"^(?:(?:severe|serious|mild|moderate|life[- ]threatening|fatal|significant|possible"
    r"|clinically significant|substantial|marked|rare|new(?! onset)|acute onset of)\s+)+",
    re.I,
)
# "Somnolence 22% 9%": a table row, its first cell and the frequency cells that follow.
TABLE_ROW = re.compile(
    r"^\s*(?P<term>[A-Za-z][A-Za-z ,'/()-]*?[A-Za-z)])(?:\s+[a-h](?:\s*,\s*[a-h])*)?[\s*†‡§¶#]*"
    r"(?:\s+(?:[<>≤≥]\s*)?(?:\d[\d.,]*\s*%?|\(\s*[<>≤≥]?\s*\d[\d.,]*\s*%?\s*\)|[-–—]{1,2}"
    r"|NA|N/A)){1,}\s*$"
)
# First cells of a table that are no reaction: groupings, totals and column headings.
NOT_A_REACTION_ROW = re.compile(
    r"\b(?:disorders|infestations|conditions|system|total|any|patients?|subjects?|placebo"
    r"|grade|body as a whole|preferred term|adverse (?:reactions?|events?)|n\b|number|dose"
    r"|week|month|year|day|study|trial|treatment|mg|percent|table|figure|overall|incidence)\b",
    re.I,
)
# A sentence about the trial or the reason, not a finding: "The data described below reflect
# exposure ...", "These side effects are related to the inhibition of ...".
STUDY_DESIGN = re.compile(
    r"\b(?:(?:are|is) related to|mechanism|inhibition of"
    r"|exposure to|exposed to|enrolled|randomi[sz]ed|evaluated in|studied in|participated"
    r"|population|demographics?|median age|mean age|immunogenicity|antibod(?:y|ies)"
    r"|assay|data (?:described|presented)|safety (?:data|database|profile|evaluation))\b",
    re.I,
)
# "in patients with X", "a history of X": X is the patient's condition, not the drug's effect.
# Advice a leaflet gives before the drug is used: do not take it, take special care, ask the
# doctor first.
_ADVICE_BEFORE_USE = (
    r"\b(?:(?:do not|don['’]t|never|must not|should not) (?:take|use|give)"
    r"(?!\s+(?:more|another|any more|the next|again)\b)"  # advice after use: "take no more"
    r"|(?:take|taking) (?:special )?care"
    r"|(?:tell|talk to|talk with|check with|speak to|speak with|ask) (?:your )?(?:doctor|pharmacist"
    r"|nurse)[^.;]{0,40}?\bbefore (?:you )?(?:take|taking|use|using|start|starting)"
    r"(?!\s+(?:another|the next|more|any more)\b)"
    # "Talk to your doctor first if you have X"
    r"|(?:talk to|talk with|check with|speak to|speak with|ask) (?:your )?(?:doctor|pharmacist"
    r"|nurse)[^.;]{0,30}?\b(?:first|beforehand))\b"
)
RISK_FACTOR_BEFORE = re.compile(
    r"(?:\b(?:patients?|subjects?|individuals?|those|women|men|children|adults|adolescents"
    r"|infants|neonates|people|persons)\b) (?:with|who have|who had|having)\b"
    r"(?:\s+(?:a|an|known|pre-?existing|underlying|severe"
    r"|moderate|mild|active|chronic|significant|history of|or|and|[a-z]+,))*"
    r"(?:\s+(?!(?:as|whom|where|since|because|although|though|but|while|when|unless|may|can"
    r"|could|is|are|was|were)\b)[A-Za-z][\w+/-]*){0,3}\s+$"
    r"|\bhistory of\s+(?:\w+\s+){0,2}$"
    # what the patient's family has had: "anyone in your family has", "a close relative who
    # died of", "you or a family member have"
    r"|\b(?:in (?:your|the|his|her|their) family|family members?|relatives?|parents?|siblings?"
    r"|brothers?|sisters?)\s+(?:who\s+)?(?:(?:has|have)\s+)?(?:had|has|have|suffered from"
    r"|died (?:of|from))\s+(?:(?:a|an)\s+)?(?:\w+\s+){0,2}$"
    r"|\b(?:have|has)\s+(?:ever|recently|previously|once)\s+had\s+(?:an?\s+)?(?:\w+\s+){0,2}$"
    r"|\b(?:treatment|prophylaxis|prevention) of\s+(?:\w+\s+){0,2}$"
    r"|\b(?:therapy|treatment|treated|indicated|used|given|prescribed) for\s+(?:\w+\s+){0,2}$"
    r"|\breduc\w+ (?:of|in) (?:the )?risk of\s+(?:\w+\s+){0,2}$"
    r"|\bindicated for\s+(?:\w+\s+){0,3}$|\brisk factors? (?:for|of)\s+(?:\w+\s+){0,2}$"
    # a leaflet's advice before use: "Do not take X if you have ever had angioedema", "Talk to
    # your doctor before taking X if you have kidney disease" (not "if you get a rash", a
    # reaction, nor "if you have diarrhoea, stop taking it", advice after use)
    rf"|{_ADVICE_BEFORE_USE}[^.;]{{0,50}}?\bif (?:you|your child|the patient|he|she|they)"
    r" (?:(?:have|has) (?:ever |recently |previously )?had|have|has|had|suffer(?:s|ed)? from"
    r"|are allergic to"
    r"|(?:have|has) been told (?:that )?(?:you|they|he|she) (?:have|has))"
    r"(?:\s+(?:a|an|any|known|severe|moderate|mild|chronic|serious|history of|problems? with))*"
    r"(?:\s+[A-Za-z][\w+/-]*){0,3}\s+$"
    # the cause of a state the patient is in, in the same advice: "ask your doctor before
    # using it if you are losing water through A, B or C"
    rf"|{_ADVICE_BEFORE_USE}[^.;]{{0,80}}?\bif (?:you|your child|the patient|he|she|they)"
    r" (?:are|is|were|have been|has been)\b[^.;]{0,40}?\b(?:because of|due to|through|from)"
    r"(?:\s+[\w'-]+,?(?:\s+(?:or|and))?){0,8}\s+$"
    # losing body water or salt is the patient's state, whatever the cause named
    r"|\b(?:los(?:e|es|ing|t)|loss of)\s+(?:(?:body|too much|a lot of)\s+)?(?:fluids?|water"
    r"|salt|sodium)\s+(?:because of|due to|through|from|with|by)"
    r"(?:\s+[\w'-]+,?(?:\s+(?:or|and))?){0,8}\s+$",
    re.I,
)
# "A and a low-salt diet can make the drug's levels rise", "B may raise its blood levels": what
# changes the level of a drug is a risk of the patient, no effect of the drug.
CHANGES_A_LEVEL_AFTER = re.compile(
    r"(?:\s*(?:,|\band\b|\bor\b)\s*(?:an?\s+)?[\w'-]+(?:\s+[\w'-]+)?)*\s+"
    r"(?:(?:can|may|could|will|might|often|also)\s+){0,2}"
    r"(?:make|makes|raise|raises|increase|increases|push|pushes|lift|lifts|reduce|reduces"
    r"|lower|lowers)\s+(?:the\s+)?(?:(?:blood|serum|plasma)\s+)?(?:[\w'-]+\s+)?"
    r"(?:(?:blood|serum|plasma)\s+)?(?:levels?|concentrations?)\b",
    re.I,
)
# A verb before the phrase makes it an object, no subject of such a change.
_VERB_BEFORE = re.compile(
    r"\b(?:cause[sd]?|causing|lead\s+to|leads\s+to|result\s+in|include[sd]?|including|such\s+as"
    r"|get|develop|experience|report|reported|is|are|was|were)\b",
    re.I,
)


def changes_a_level(text: str, position: int, length: int) -> bool:
    """Tell whether the phrase at ``position`` is what raises or lowers a drug's level.

    >>> changes_a_level("Fever and fasting can make theophylline levels rise.", 0, 5)
    True
    >>> changes_a_level("It may cause fever that can raise blood levels of it.", 13, 5)
    False
    """
    if _VERB_BEFORE.search(text, 0, position):
        return False
    return CHANGES_A_LEVEL_AFTER.match(text, position + length) is not None


def without_severity(mention: Mention) -> Mention:
    """Drop the severity words in front of a reaction ("severe rash" -> "rash").

    >>> from graph_builder.model import Entity, EntityType
    >>> rash = Entity("rash", EntityType.ADVERSE_EFFECT, "rash")
    >>> without_severity(Mention("Severe rash", 10, 21, rash)).text
    'rash'
    """
    match = SEVERITY.match(mention.text)
    if match is None or match.end() >= len(mention.text):
        return mention
    return Mention(
        mention.text[match.end() :], mention.start + match.end(), mention.end, mention.entity
    )


# "If a hypersensitivity reaction occurs, ...": a reaction supposed, not reported.
SUPPOSED_BEFORE = re.compile(r"\b(?:if|should)\s+(?:an?\s+|any\s+)?(?:[\w-]+\s+){0,2}$", re.I)


# "report symptoms that may indicate liver injury, including fatigue, ... dark urine": the
# signs a patient is told to watch for, or that tell to stop the drug ("if signs of X develop
# (including A, B)"), are no findings of their own.
WATCH_FOR = re.compile(
    r"\b(?:monitor\w*|report(?:s|ing)?|advise\w*|instruct\w*|inform\w*|seek\w*|tell"
    r"|counsel\w*|discontinue|stop|interrupt|withhold)\b"
    r"|\bif\b[^.;]{0,80}?\b(?:signs?|symptoms?)\b[^.;]{0,150}?\b(?:develop|appear|occur)\w*",
    re.I,
)
SIGNS_LISTED_BEFORE = re.compile(
    r"\b(?:signs?|symptoms?)\b[^.;]*?(?:such as|e\.g\.|including|\()[^.;)]*$", re.I
)


def is_sign_to_watch(text: str, position: int) -> bool:
    """Tell whether the phrase at ``position`` is a sign to watch for ("symptoms (e.g., X)")."""
    return bool(WATCH_FOR.search(text)) and bool(
        SIGNS_LISTED_BEFORE.search(text[max(0, position - 300) : position])
    )


# "The differential diagnosis includes heat stroke, drug fever ...": conditions to rule out;
# "Monitor patients for fever": what to look out for, not what was seen.
CONSIDERED_BEFORE = re.compile(
    r"\bdifferential diagnos[ei]s\b[^.;]*$"
    r"|\b(?:monitor|observe|evaluate)\w*\s+(?:\w+\s+){0,3}?for\s+(?:the\s+)?$"
    # An instruction covers every item of its list: "Monitor patients for A, B and C" (not a
    # report of what a trial watched: "were monitored for safety, and X occurred").
    r"|(?:^|[.;:]\s*)(?:\w+\s+){0,2}?(?:monitor|watch|observe)\s+(?:\w+\s+){0,3}?for\s+(?:the\s+)?"
    r"(?:(?!\d)[\w-]+(?:\s+(?!(?:and|or|weeks?|days?|months?|hours?|years?)\b)[\w-]+){0,3}+"
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\band\s+|\bor\s+))*+$",
    re.I,
)


def is_supposed(text: str, position: int) -> bool:
    """Tell whether the phrase at ``position`` is supposed in a condition ("If a rash occurs").

    So is a condition to rule out ("the differential diagnosis includes X") or to watch for
    ("monitor patients for X").
    """
    return bool(SUPPOSED_BEFORE.search(text[max(0, position - 40) : position])) or bool(
        CONSIDERED_BEFORE.search(text[max(0, position - 200) : position])
    )


# "patients with known cardiovascular disease (e.g., heart failure, ischemia, ...)", "risk
# factors (for example, hypertension, diabetes mellitus)": every item of the patients' list.
RISK_LIST_LEAD = re.compile(
    r"(?:\b(?:patients?|subjects?|individuals?|those|women|men|children|people|persons|anyone)"
    r"\s+(?:with|who have"
    r"|who had|having|at risk)|\brisk factors?|\bhistory of"
    # what makes a harm worse or likelier: "toxicity is increased by hypokalaemia"
    r"|\b(?:increased|enhanced|worsened|potentiated|exacerbated|aggravated|precipitated"
    r"|predisposed)\s+by"
    # what the drug is contraindicated or to be used with caution in: "contraindicated in
    # glaucoma", "use cautiously in myasthenia gravis", "not recommended in porphyria"
    r"|(?P<advice>\bcontra-?indicat\w*\s+(?:for\s+use\s+)?(?:in|with)"
    r"|\b(?:with\s+caution|cautiously|caution(?:\s+(?:is|should\s+be)\s+\w+)?)\s+in"
    r"|\bnot\s+(?:be\s+)?(?:(?:(?:usually|generally|normally|routinely)\s+)?(?:be\s+)?recommended"
    r"|used|given|administered|prescribed)\s+in"
    r"|\bavoid(?:ed)?\s+(?:(?:its\s+)?use\s+|it\s+|(?:this|the)\s+(?:drug|medicine)\s+)?in"
    # a leaflet's advice before use with its list: "talk to your doctor first if you have A, B
    # or C" (not "if you have A, stop taking it": advice after use)
    rf"|{_ADVICE_BEFORE_USE}[^.;]{{0,50}}?\bif (?:you|your child|the patient|he|she|they)"
    r" (?:have|has|had|suffer(?:s|ed)? from)))\b"
    r"(?P<gap>(?:[^.;:*%]|\b[ei]\.[ge]\.)*)$",
    re.I,
)
# Words that end the patients' list: what follows says what happened to them.
_RISK_LIST_END = re.compile(
    r"\b(?:develop\w*|experienc\w*|occur\w*|report\w*|receiv\w*|treated|taking|given"
    r"|were|was|had|has|have|is|are|who|which|that|may|can|could|if|should|led|leading"
    r"|resulting|due|caused|associated|following|after|during|than"
    r"|since|because|although|though|but|whereas|while|when|unless"
    # a reason, a risk or advice of another kind: "..., as X is more frequent", "in whom X",
    # "owing to the risk of X", "and monitor for X", "drugs known to cause X"
    r"|(?<!such )as|whom|where|owing|view|monitor\w*|discontinu\w*|stop\w*|watch\w*"
    r"|driving|having|being)\b"
    # "(risk of lactic acidosis)": the drug's risk, in brackets after the condition
    r"|\(\s*(?:an?\s+)?(?:increased\s+)?risk\b",
    re.I,
)


# "heart failure patients", "the asthma adult trial": a condition that names the
# patients or the trial is theirs, not the drug's.
POPULATION_AFTER = re.compile(
    r"(?P<lead>(?:[A-Za-z][\w'-]*\s+){1,4}?)(?:(?:pediatric|adult|clinical|controlled|placebo-controlled"
    r"|treatment)\s+)?(?:patients|subjects|population|trials?|stud(?:y|ies)|program)\b",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"\b(?:in|of|for|was|were|is|are|has|have|had|occurred|reported|observed|among|to|and|or"
    r"|with|than|by|from|at|on|the|a|an|all|most|who|that|which"
    # "Somnolence caused study discontinuation": a verb, so what follows is no name.
    r"|caus\w*|prompt\w*|requir\w*|led|lead\w*|result\w*|necessitat\w*|forc\w*|warrant\w*)\b",
    re.I,
)


# "the proportion of patients with ALT elevations": the patients are counted by what
# happened to them, a finding.
COUNTED_BEFORE = re.compile(
    r"\b(?:proportion|percentage|percent|number|incidence)\s+of"
    r"\s+(?:[\w-]+\s+){0,2}?(?:patients?|subjects?)\s+(?:with|who had)\s+(?:\w+\s+){0,3}$",
    re.I,
)


def names_population(text: str, position: int) -> bool:
    """Tell whether the phrase at ``position`` names patients or a trial ("COPD patients")."""
    match = POPULATION_AFTER.match(text, position)
    return match is not None and not _NOT_A_NAME.search(match.group("lead"))


def is_risk_factor(text: str, position: int) -> bool:
    """Tell whether the phrase at ``position`` is a patient's condition ("patients with X")."""
    if names_population(text, position):
        return True
    before = text[max(0, position - 200) : position]
    if COUNTED_BEFORE.search(before[-80:]):
        return False
    if RISK_FACTOR_BEFORE.search(before[-160:]):  # the advice may lead in a long way before
        return True
    # the nearest lead whose list runs on to the phrase ("contraindicated in patients with X
    # and should be used with caution in Y": Y is of the second lead)
    listed = RISK_LIST_LEAD.search(before)
    while listed is not None and _RISK_LIST_END.search(listed.group("gap")):
        listed = RISK_LIST_LEAD.search(before, listed.start() + 1)
    if listed is None:
        return False
    # "In trials in patients with hepatitis C and thrombocytopenia, ascites occurred": the
    # comma closes the opening phrase, and what follows is what happened to them.
    opening = INTRODUCTORY.match(text[: max(0, position - 200) + listed.start()])
    gap = _BRACKETED.sub("", listed.group("gap"))
    if opening and "," in gap:
        return False
    # "Caution in the elderly, sedation and ataxia may occur": after a comma, a phrase with a
    # verb of its own is a finding, not one more item of the advice's list ("Patients with A,
    # B or C are at risk" lists the patients' conditions)
    opening = _OPENING_LEAD.search(before, 0, listed.start())  # "Rarely, in patients with X,"
    return not (
        (listed.group("advice") or opening) and "," in gap and finding_follows(text, position)
    )


# A lead inside an opening phrase: "In patients with X, Y occurred", "When used in patients
# with X, Y may develop" (not the subject: "Patients with A, B or C are at risk").
_OPENING_LEAD = re.compile(r"\b(?:in|for|among|when\s+(?:used|given)\s+in)\s+$", re.I)


# A verb that makes a listed phrase the subject of a finding ("X may occur", "X having been
# reported", "X being more common").
_OWN_VERB = re.compile(
    r"\b(?:is|are|was|were|may|can|could|might|will|would|must|should|shall|has|have|had"
    r"|having|being|occur\w*"
    r"|develop\w*|result\w*|reported|observed|seen|described)\b",
    re.I,
)
# Where a list and its clause end: a stop, a new clause after a comma, a relative clause.
_LIST_END = re.compile(
    r"[;.()]|,\s*(?:and|but|or|as|since|because|while|whereas|although|though|unless|if|when"
    r"|except)\b|\b(?:and|or)\s+(?:in|with|for)\b|\b(?:who|which|that|whose)\b"
    r"|\s(?:and|but)\s+(?=(?:is|are|was|were|should|must|may|can|could|will|has|have)\b)"
)


def finding_follows(text: str, position: int) -> bool:
    """Tell whether the list holding the phrase at ``position`` is the subject of a verb.

    "Caution in the elderly, sedation and ataxia may occur": the listed phrases are findings,
    not more of the patients' conditions; "In trials for depression, somnolence and dizziness
    were reported": findings, not uses.

    >>> finding_follows("Use with caution in the elderly, sedation may occur.", 33)
    True
    >>> finding_follows("Use with caution in asthma, glaucoma and epilepsy.", 28)
    False
    """
    end = _LIST_END.search(text, position)
    return bool(_OWN_VERB.search(text, position, end.start() if end else len(text)))


# An opening phrase that a comma closes: "In patients with ...", "Among subjects with ...".
INTRODUCTORY = re.compile(r"\s*(?:in|among|across|during)\b[^,;]*$", re.I)
_BRACKETED = re.compile(r"\([^()]*\)?")


def animal_finding(text: str) -> str | None:
    """Return the words that place a finding in animals ("in rats"), or None."""
    match = ANIMAL_STUDY.search(text)
    return match.group() if match else None
