"""Which drug mentions of a sentence interact, how, and whether the sentence denies it.

The way drug labels write interactions, read as rules:

- Mentions joined by commas, "and", "or", "such as", "including" or brackets form one
  *group* ("ketoconazole, itraconazole, or erythromycin"); a group's members do not
  interact with each other but each interacts with every mention of the other groups
  ("X increases the plasma levels of A, B and C" is three pairs).
- A sentence that says an interaction was not found or not studied ("does not appear to
  alter", "has not been investigated", "no clinically significant interaction") states
  its pairs negated: they are recorded, never asserted.
- The type follows the DDI-2013 guidelines: advice (a recommendation: caution, avoid,
  adjust the dose), mechanism (a pharmacokinetic change: levels, clearance, metabolism),
  effect (a pharmacodynamic consequence: potentiation, toxicity, risk) or a bare "int".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from graph_builder.ddi_model import Model, SentenceLayout, SentenceView, features
from graph_builder.model import EntityType, Mention

# What may sit between two mentions of one coordinated group.
GROUP_GLUE = re.compile(
    r"^(?:[\s,/]|\band/or\b|\band\b|\bor\b|\bnor\b|\bas well as\b|\bsuch as\b|\bincluding\b"
    r"|\bincl\.|\be\.g\.|\bi\.e\.|\blike\b|\bother\b|\bthe\b|\bcertain\b|\bsome\b|\beither\b"
    r"|\bneither\b|\bagents?\b|\bdrugs?\b|\bvs\.?|[()\[\]:]"
    # "opioid painkillers such as codeine": the head noun a class is written with
    r"|\b(?:painkillers?|medicines?|medications?|tablets?|products?|preparations?)\b"
    # "Class IA (A, B) or Class III (C, D) antiarrhythmics": a numbered class opens its examples
    r"|\bclass\s+(?:I{1,3}|IV|V)[a-d]?\b"
    # "A, thrombolytics, B": a plural word between commas is a list item no vocabulary knows
    r"|,\s*[a-z][a-z-]{3,}s\b(?=\s*,))*$",
    re.I,
)

# A sentence (or clause) that says no interaction was found, or that none was studied.
NO_INTERACTION = re.compile(
    r"(?:\b(?:do|does|did|was|were|is|are|has|have|had|could|would|will|may)\s+not"
    r"|\b(?:do|does|did|was|were|is|are|has|have|had|could|would|wo)n[\'’]t"
    # "X cannot/never raises Y levels" denies; "you should never increase the dose" advises
    r"|(?<!should )(?<!must )(?<!you )(?<!to )\b(?:cannot|can[\'’]t|never))\s+"
    r"(?:(?:\w+ly|be|been|appear|seem|seems|appear(?:s|ed)? to|seem(?:s|ed)? to|to)\s+){0,3}"
    r"(?:alter\w*|affect\w*|chang\w*|influenc\w*|modif\w*|increas\w*|decreas\w*|reduc\w*"
    r"|inhibit\w*|induc\w*|interact\w*|produc\w*|result\w*|caus\w*|show\w*|potentiat\w*"
    r"|rais\w*|elevat\w*|lower\w*"
    r"|investigated|studied|established|evaluated|examined|assessed|determined|reported"
    r"|confirmed|proven|demonstrated"
    r"|observed|identified|known|differ\w*|impair\w*|prolong\w*|enhanc\w*|significant\w*"
    r"|clinically)\b"
    r"|\bno\s+(?:\w+\s+){0,3}?(?:interactions?|effects?|changes?|differences?|alterations?"
    r"|influence|evidence|data|studies|information|significant|clinically|pharmacokinetic"
    r"|relevant|apparent|appreciable|meaningful)\b"
    r"|\bnot\s+(?:been\s+)?(?:\w+ly\s+)?(?:investigated|studied|established|evaluated|examined)\b"
    r"|\bunaffected\b|\bnot (?:significantly |appreciably |markedly )?affected\b|\bunchanged\b"
    r"|\bunlikely\b|\bfailed to\b|\bwithout (?:\w+ )?(?:affecting|altering|changing|any)\b"
    r"|\bnot (?:clinically )?(?:significant|relevant|important)\b|\bnot expected\b"
    r"|\bnegligible\b|\bnone of\b"
    # "neither caffeine nor modafinil altered its levels"
    r"|\bneither\b[^.;]{0,80}?\b(?:interact|alter|affect|chang|influenc|potentiat|increas"
    r"|decreas|inhibit|induc|modif|reduc|rais|elevat|lower)\w*",
    re.I,
)
# "Coadministration of A and B", "the combination of A and B": one group, yet a pair.
JOINT_USE = re.compile(
    r"\b(?:co-?administ\w*|coadminist\w*|combin\w*|concomitant\w*|concurrent\w*|between"
    r"|together|interact\w*|taking|receiving|given|using"
    r"|(?:use|administration|treatment) (?:of|with))\b",
    re.I,
)
CLAUSE = re.compile(r";|\bbut\b|\bwhereas\b|\balthough\b|\bhowever\b|\bwhile\b", re.I)

ADVISE = re.compile(
    r"\bshould\b|\bmust\b|caution|\bavoid\w*|contraindicat\w*|\brecommend\w*|\bmonitor\w*"
    r"|\badjust\w*|\bconsider\w*|\bnecessary\b|\brequired?\b|\bcare(?:ful\w*)?\b|\bwarn\w*"
    r"|\bneed(?:s|ed)? to\b|\bdiscontinu\w*|\breduc(?:e|ing) the dos\w*"
    r"|\bnot (?:be )?(?:used|given|administered|taken|co-?administered)\b"
    r"|\bprudent\b|\badvis\w*|\bobserv(?:e|ed) (?:closely|carefully)"
    # a leaflet's prohibition to the patient: "Do not take X if you are taking Y"
    r"|\b(?:do\s+not|don[\'’]t)\s+(?:take|use|drink|combine|give)\b"
    r"|\b(?:cannot|can[\'’]t|never)\s+(?:(?:be|\w+ly)\s+){0,2}(?:combined|taken|given|used"
    r"|co-?administered|mixed)\b",
    re.I,
)
MECHANISM = re.compile(
    r"\blevels?\b|concentration|\bAUC\b|\bC ?max\b|clearance|metabolism|metaboli[sz]\w*"
    r"|absorption|absorbed|half-?li(?:fe|ves)|bioavailability|excretion|elimination"
    r"|\bplasma\b|\bserum\b|\bCYP\w*|cytochrome|pharmacokinetic\w*|\bexposure\b|protein binding"
    r"|tubular secretion|\bexcreted\b|\bbinding\b|\buptake\b|\bP-?gp\b|P-glycoprotein"
    r"|\bbreakdown\b|\bbr(?:eak|eaks|eaking|oken|oke)\s+(?:it\s+|them\s+)?down\b",
    re.I,
)
EFFECT = re.compile(
    r"\beffects?\b|potentiat\w*|\benhanc\w*|\badditive\b|\brisk\b|toxicity|\btoxic\b|syndrome"
    r"|\bantagoni\w*|\bsynerg\w*|\bresponse\b|\bactivity\b|\baction\b|hypo\w+|hyper\w+"
    r"|bleeding|\bbleed\b|\bbruis\w*|sedation|depression|\bblunt\w*|\battenuat\w*|\bprolong\w*|\bincidence\b"
    r"|arrhythmi\w*|seizures?|\bcause[sd]?\b|\bproduce[sd]?\b|\breports?\b|\breported\b"
    # "makes it less effective", "stops it working properly", "makes it work less well"
    r"|\beffective(?:ness)?\b|\befficacy\b|\bworking\b|\bwork\s+(?:less|more)\s+well\b",
    re.I,
)


# A treatment regimen, not an interaction: two drugs given together FOR a disease. "X is
# indicated in combination with Y for ...", "it is used together with antibiotics to get rid
# of an infection", "take the combination of A and B for hepatitis C". The joint use ...
REGIMEN_JOINT = re.compile(
    r"\b(?:in\s+combination|together|in\s+conjunction|combined|along)\s+with\b"
    r"|\b(?:given|used|taken|administered|prescribed|indicated)\s+with\b"
    r"|\bthe\s+combination\s+of\b",
    re.I,
)
# ... the purpose it serves (or an indications section) ...
REGIMEN_PURPOSE = re.compile(
    r"\bindicated\s+(?:[\w-]+\s+){0,5}?(?:for|as|in\s+(?:the\s+)?(?:treatment|prevention"
    r"|management|adults|patients|children))\b"
    r"|\bto\s+(?:treat|prevent|eradicate|cure|get\s+rid\s+of|clear|manage)\b"
    r"|\bfor\s+the\s+(?:treatment|prevention|management|eradication|therapy)\s+of\b",
    re.I,
)
# ... and no word of harm, change or advice: "... in combination with Y increases the risk"
# is an interaction whatever section it is in.
_HARM = re.compile(
    r"\brisks?\b|potentiat\w*|toxic\w*|\badditive\b|antagoni(?:[sz](?:e|es|ed|ing|m)|stic)\b|synerg\w*|\benhanc\w*"
    r"|\binteract\w*|\badverse\b|\bbleed\w*|\bharm\w*|\bincreas\w*|\bdecreas\w*"
    r"|\bserious\b|\bdanger\w*",
    re.I,
)


def states_harm(text: str) -> bool:
    """Tell whether the text names a harm, a change or advice: what makes use together matter.

    >>> states_harm("Some medicines raise the risk of muscle damage when taken with it:")
    True
    >>> states_harm("These are fine when taken with it:")
    False
    """
    return bool(_HARM.search(text) or ADVISE.search(text) or MECHANISM.search(text))


def states_regimen(text: str, *, for_disease: bool = False) -> bool:
    """Tell whether the sentence gives two drugs together as a treatment, no interaction.

    ``for_disease``: the sentence stands in an indications section, or names the disease
    the drugs are taken for ("... for hepatitis C").

    >>> states_regimen("It is used together with antibiotics to treat ulcers.")
    True
    >>> states_regimen("Used together with antibiotics it raises the risk of colitis.")
    False
    """
    if not REGIMEN_JOINT.search(text):
        return False
    if not (for_disease or REGIMEN_PURPOSE.search(text)):
        return False
    return not states_harm(text)


# A class that groups drugs by an effect they add to each other's: a CNS depressant with "CNS
# depressants" is the additive interaction labels warn of, not the drug's own kind named.
# Kept in code, not in data/: it is a rule about how the curated taxonomy is read (which
# superclass is a partner class rather than the drug's own kind), one key of that taxonomy,
# and no vocabulary a text is matched against.
ADDITIVE_CLASSES = frozenset({"cns-depressants"})


@lru_cache(maxsize=1)
def _curated_parents() -> dict[str, frozenset[str]]:
    """Return each entity key's own classes in the curated taxonomy (not their superclasses).

    "Oxycodone ... opioid analgesics" names oxycodone's own class; a superclass such as the
    CNS depressants (ADDITIVE_CLASSES) is what labels warn it adds to.
    """
    from graph_builder.reason import TAXONOMY_PATH, read_taxonomy
    from graph_builder.vocabulary import DKG, DKGID

    taxonomy = read_taxonomy(TAXONOMY_PATH)
    parents: dict[str, set[str]] = {}
    for via in (DKG.curatedMembership, DKG.curatedSubclass):
        for child, node in taxonomy.subject_objects(via):
            parent = taxonomy.value(node, DKG.inClass)
            if str(child).startswith(str(DKGID)) and str(parent).startswith(str(DKGID)):
                key, up = str(child)[len(str(DKGID)) :], str(parent)[len(str(DKGID)) :]
                if up not in ADDITIVE_CLASSES:
                    parents.setdefault(key, set()).add(up)
    return {key: frozenset(ups) for key, ups in parents.items()}


def own_class(first: Mention, second: Mention) -> bool:
    """Tell whether one mention is a class the other (a drug or a class) belongs to.

    The curated taxonomy (ontology/drug-classes.ttl) decides: oxycodone is an opioid and
    lorazepam a benzodiazepine, so "opioid analgesics" or "every benzodiazepine dose" in an
    oxycodone or lorazepam sentence names the drug's own kind, no partner of it.
    """
    parents = _curated_parents()
    return second.entity.key in parents.get(first.entity.key, ()) or (
        first.entity.key in parents.get(second.entity.key, ())
    )


@dataclass(frozen=True, slots=True)
class Pair:
    """Two mentions of one sentence that the sentence says interact (or denies it)."""

    first: Mention
    second: Mention
    kind: str  # mechanism | effect | advise | int
    negated: bool
    by_model: bool = False  # chosen by the trained pair model (ddi_model.py), not the rules


@lru_cache(maxsize=4096)  # asked for every pair of a sentence: the answer is the sentence's
def interaction_type(text: str) -> str:
    """Type an interaction the DDI-2013 way: advise, mechanism, effect or int.

    >>> interaction_type("Caution should be used when X is given with Y.")
    'advise'
    >>> interaction_type("X increases the plasma levels of Y.")
    'mechanism'
    >>> interaction_type("X may potentiate the sedative effects of Y.")
    'effect'
    >>> interaction_type("X interacts with Y.")
    'int'
    """
    if ADVISE.search(text):
        return "advise"
    if MECHANISM.search(text):
        return "mechanism"
    if EFFECT.search(text):
        return "effect"
    return "int"


def coordinated_groups(text: str, start: int, mentions: list[Mention]) -> list[list[Mention]]:
    """Split a sentence's mentions into coordinated groups ("A, B, or C" is one group)."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups:
            gap = text[groups[-1][-1].end - start : mention.start - start]
            if GROUP_GLUE.match(gap):
                groups[-1].append(mention)
                continue
        groups.append([mention])
    return groups


# Subjects that open their sentence ("A and B can lower C levels"), and the verb after them.
_GROUP_OPENS = re.compile(r"[\W_]*(?:(?:both|either|the|concomitant|also)\s+)?", re.I)
_VERB_NEXT = re.compile(
    r"\s+(?:(?:both|each|together|also|all)\s+)?(?:may|might|can|could|will|would|do|does|did"
    r"|have|has|had|are|is|were|was|increas\w*|decreas\w*|rais\w*|lower\w*|reduc\w*"
    r"|inhibit\w*|induc\w*|potentiat\w*|enhanc\w*|impair\w*|cause\w*)\b",
    re.I,
)


def coordinated_subjects(
    text: str, start: int, mentions: list[Mention], pair: Pair, pairs: list[Pair]
) -> bool:
    """Tell whether the model paired two drugs of one coordinated group sharing a partner.

    "A and B can lower C levels": A and B each interact with C (the rules pair them so), and
    the model's A-B is the coordination, no interaction of its own.
    """
    if not pair.by_model:
        return False
    keys = {pair.first.entity.key, pair.second.entity.key}
    group = next((g for g in coordinated_groups(text, start, mentions) if pair.first in g), [])
    if pair.second not in group or not _GROUP_OPENS.fullmatch(text, 0, group[0].start - start):
        return False  # "patients treated with A and B": a joint use, not two subjects
    if not _VERB_NEXT.match(text, group[-1].end - start):
        return False
    after = group[-1].end
    partners: dict[str, set[str]] = {key: set() for key in keys}
    for other in pairs:
        if other.by_model or other.negated:
            continue
        one, two = other.first.entity.key, other.second.entity.key
        if (
            min(other.first.start, other.second.start) < group[0].start
            or max(other.first.start, other.second.start) < after
        ):
            continue  # the shared partner comes after the subjects
        if one in keys and two not in keys:
            partners[one].add(two)
        elif two in keys and one not in keys:
            partners[two].add(one)
    first, second = partners.values()
    return bool(first & second)


def clause_of(text: str, position: int) -> tuple[int, int]:
    """Return the (start, end) of the clause holding ``position`` (relative to ``text``)."""
    begin, finish = 0, len(text)
    for match in CLAUSE.finditer(text):
        if match.end() <= position:
            begin = match.end()
        elif match.start() >= position:
            finish = match.start()
            break
    return begin, finish


@lru_cache(maxsize=4096)
def denies_interaction(text: str, positions: tuple[int, ...]) -> bool:
    """Tell whether the clause of the pair's later mention says that there is no interaction.

    A later clause speaks of the earlier one's drug ("Cimetidine raises diazepam levels,
    whereas famotidine does not alter them": famotidine and diazepam do not interact), so
    the later mention's clause decides: "Levetiracetam does not affect phenytoin, but
    carbamazepine lowers its levels" denies levetiracetam-phenytoin, not
    carbamazepine-phenytoin.
    """
    if not positions:
        return False
    return bool(NO_INTERACTION.search(text, *clause_of(text, max(positions))))


# What follows a denial and still states the interaction: advice against the combination
# ("...; however, concomitant use is not recommended", "has not been evaluated, but should be
# avoided") or a harm it brings ("did not alter its levels, but tremor was more frequent").
# A change in a measure ("but the rate of absorption fell") is the study's detail, no more.
_AFFIRMS = re.compile(
    r"\bavoid\w*|contraindicat\w*|\bcaution\w*|\bcareful\w*|\balert\b"
    r"|\bnot\s+(?:be\s+)?(?:recommended|advised|used|given|combined|co-?administered)\b"
    r"|\b(?:should|must)\s+not\b|\bmore\s+(?:frequent\w*|common\w*|often|likely)\b"
    r"|\brisk\b|\btoxicity\b|\bsyndrome\b|\bbleeding\b|\bseizures?\b",
    re.I,
)
# A negation left in that later clause, other than a prohibition ("is not recommended",
# "should not be used"): "..., and no dose adjustment is necessary" affirms nothing.
_STILL_DENIES = re.compile(
    r"\b(?:no|none|neither|nor|unnecessary|without)\b|n[\'’]t\b|\bnot\s+(?!(?:be\s+)?"
    r"(?:recommended|advised|advisable|used|given|taken|combined|co-?administered|administered"
    r"|prescribed|take|use|give|combine)\b)",
    re.I,
)
_AFTER_DENIAL = re.compile(CLAUSE.pattern + r"|,\s*and\b", re.I)


def affirmed_after_denial(text: str, others: tuple[int, ...] = ()) -> bool:
    """Tell whether a clause after the sentence's last denial states the interaction after all.

    "A did not change B levels, but tremor was more frequent": the denial is of one aspect,
    the clause after "but" (or "however", ", and") states a harm or advice against the use
    together, with no denial of its own and no change of a measure. ``others`` are the
    offsets of drugs outside the pair: a later clause naming one ("..., but C lowers its
    levels") speaks of another pair.
    """
    denials = list(NO_INTERACTION.finditer(text))
    if not denials:
        return False
    cut = _AFTER_DENIAL.search(text, denials[-1].end())
    if cut is None:
        return False
    rest = text[cut.end() :]
    return (
        bool(_AFFIRMS.search(rest))
        and not _STILL_DENIES.search(rest)
        and not MECHANISM.search(rest)
        and not any(at >= cut.end() for at in others)
    )


# Advice to space the doses of two drugs: "take A at least 2 hours before or 6 hours after
# B", "separate the doses by 4 hours", "leave 4 hours between A and B". Spacing doses is
# what one does for an interaction (a chelation, an adsorption).
SPACED_DOSES = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:(?:to|-|\u2013|or)\s*\d+(?:\.\d+)?\s*)?(?:hours?|hrs?|h)\s+"
    r"(?:before|after|apart\s+from|between)\b"
    r"|\bseparat\w*\s+(?:the\s+)?(?:doses?|administration|intake)\b",
    re.I,
)
# ... said as advice, not as a study's timing ("given 2 hours after omeprazole, it ..."):
# an imperative, or what should or must be done.
SPACING_ADVICE = re.compile(
    r"^\W*(?:(?:please|always)\s+)?(?:take|administer|give|dose|separate|leave|wait|space"
    r"|allow)\b|\b(?:should|must|need\s+to|needs\s+to|ha(?:s|ve)\s+to)\s+(?:(?:be|also|always"
    r"|only)\s+)*(?:taken|given|administered|dosed|separated|spaced|take|give|leave|wait"
    r"|separate)\b",
    re.I,
)


# Words that name a drug as a substance something acts on, not a partner taken with it: "both
# block folate and ...", "an enzyme which cells need to make folate" (no measure after it:
# "blocks warfarin metabolism" pairs the two).
_ACTED_ON = re.compile(
    r"\b(?:block(?:s|ed|ing)?|make|makes|made|making|produc(?:e|es|ed|ing)|synthesi[sz]\w*"
    r"|need|needs|needed)\s+(?:the\s+)?$",
    re.I,
)
# A constituent of the herb or product the text is about: "the main constituent responsible
# is hyperforin", "depends on the hyperforin content", "X, an active ingredient, ..."
_CONSTITUENT_BEFORE = re.compile(
    r"\b(?:constituents?|components?|ingredients?|compounds?)\b[^,;:.()]{0,40}"
    r"\b(?:is|are|was|were|include|includes|including|such\s+as|like)\s+$",
    re.I,
)
_CONTENT_AFTER = re.compile(r"\s+(?:content|concentration\s+of\s+the\s+extract)\b", re.I)
# A supplement taken to lessen the drug's harm: "folic acid helps to reduce side effects",
# "X may help prevent the mouth ulcers": a supportive treatment, no interaction.
_HELPS_AGAINST = re.compile(
    r"\s+(?:(?:may|can|will|is\s+given\s+to|is\s+used\s+to)\s+)?(?:helps?|help(?:ing)?)\s+"
    r"(?:to\s+)?(?:reduce|prevent|lessen|ease|limit|protect|relieve|stop)\b",
    re.I,
)
# A supplement advised for prevention, or given to the mother or newborn: "folic acid
# supplements are recommended before and during pregnancy", "supplements given to prevent
# deficiency", "Vitamin K should be given to the newborn at birth". Prophylaxis, not a drug
# taken with the other; "vitamin K supplements should be avoided" or "taken apart from" is
# advice on the pair, so the purpose must be said and no avoiding or separating word come first.
_NOT_AVOIDED = r"(?:(?!\b(?:avoid\w*|not|separat\w*|apart|away)\b)[^;.])"
_PROPHYLAXIS_AFTER = re.compile(
    r"\s+(?:supplements?|supplementation)\b" + _NOT_AVOIDED + r"{0,40}?"
    r"\b(?:advised|recommended|needed|required|given|taken|prescribed)\b"
    + _NOT_AVOIDED
    + r"{0,40}?\b(?:(?:before|during)\s+(?:\w+\s+){0,3}?(?:pregnancy|conception)|to\s+prevent)\b"
    r"|\s+(?:should|must|is\s+to)\s+be\s+given\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?"
    r"(?:mother|neonate|newborn|infant|baby|fetus)\b",
    re.I,
)
# The patient's misuse of a substance, not a drug taken with the other: "alcohol or drug
# abuse", "alcohol dependence", "alcohol use disorder".
_MISUSE_AFTER = re.compile(
    r"\s+(?:(?:or|and|and/or)\s+(?:other\s+)?(?:drug|substance|opioid)s?\s+(?:abuse|misuse)"
    # (not "chronic alcohol abuse", which induces the enzymes that clear a drug)
    r"|(?:(?:or|and|and/or)\s+(?:other\s+)?(?:drug|substance|opioid)s?\s+)?(?:dependence"
    r"|addiction|use\s+disorders?|withdrawal))\b",
    re.I,
)
# "a history of alcohol abuse": bare "abuse" is misuse only in a history ("a history of MAOI
# therapy" is a drug taken, a partner)
_HISTORY_BEFORE = re.compile(r"\bhistory\s+of\s+(?:\w+\s+){0,2}$", re.I)
_ABUSE_AFTER = re.compile(r"\s+(?:abuse|misuse)\b", re.I)


def _misused(text: str, at: int, end: int) -> bool:
    """Tell whether the substance at ``at``..``end`` is named as the patient's misuse."""
    if _MISUSE_AFTER.match(text, end):
        return True
    return bool(_HISTORY_BEFORE.search(text, 0, at) and _ABUSE_AFTER.match(text, end))


# A nutrient's own level or store, lowered by long use of the drug: an effect of the drug
# ("can lower vitamin B12 levels", "folate deficiency"), not a second drug. WHO ATC groups the
# vitamins (A11) and vitamin B12 and folic acid (B03B).
_NUTRIENT_ATC = ("ATC:A11", "ATC:B03B")
_DEPLETES_BEFORE = re.compile(
    r"\b(?:lower\w*|reduc\w*|decreas\w*|deplet\w*|deficien\w*|low|fall\w*|drop\w*)\s+"
    r"(?:(?:the|your|blood|body|serum|plasma)\s+)*(?:levels?\s+of\s+|stores?\s+of\s+)?$",
    re.I,
)
_LEVEL_AFTER = re.compile(r"\s+(?:levels?|stores?|deficiency|status)\b", re.I)


def named_as_no_partner(text: str, start: int, mention: Mention, *, named_topic: bool) -> bool:
    """Tell whether a drug is named as a substance, a constituent or a supplement, no partner.

    "Both block folate", "the constituent responsible is hyperforin", "the hyperforin
    content", "Folic acid helps to reduce side effects" and, where the sentence does not name
    the topic, "long-term use can lower vitamin B12 levels" (the drug's own effect).
    """
    at, end = mention.start - start, mention.end - start
    if _ACTED_ON.search(text, 0, at) and not DIRECT_AFTER.match(text, end):
        return True
    if _CONSTITUENT_BEFORE.search(text, 0, at) or _CONTENT_AFTER.match(text, end):
        return True
    if _HELPS_AGAINST.match(text, end) or _PROPHYLAXIS_AFTER.match(text, end):
        return True  # "folate supplements advised", "vitamin K should be given to the neonate"
    if _misused(text, at, end):
        return True  # "a history of alcohol or drug abuse": the patient's past, no partner
    nutrient = any(i.startswith(_NUTRIENT_ATC) for i in mention.entity.identifiers)
    return (
        nutrient
        and not named_topic
        and (
            bool(_DEPLETES_BEFORE.search(text, 0, at))
            and bool(_LEVEL_AFTER.match(text, end) or re.search(r"\bof\s+$", text[:at]))
        )
    )


# A study's aim or method, which names the interaction it looks at and finds nothing yet: "We
# reviewed interactions between A and drugs", "The objective was to examine the interaction
# between A and B", "This study was designed to evaluate the interaction".
STUDY_AIM = re.compile(
    r"\b(?:we|this\s+(?:study|paper|review|article|trial)|the\s+(?:present\s+)?(?:study|review)"
    r"|(?:the|our)\s+(?:aim|objective|purpose|goal)\b[^.;]{0,40}?)\s+(?:(?:was|were|is)\s+)?"
    r"(?:designed\s+)?(?:to\s+)?(?:review\w*|stud(?:y|ied)|examin\w*|investigat\w*|evaluat\w*"
    r"|assess\w*|determin\w*|search\w*|explor\w*|describ\w*)\b[^.;]{0,80}?\binteractions?\b",
    re.I,
)


# Where one statement ends inside a run of text: a semicolon, or a full stop that ends no
# abbreviation ("e.g.", "vs."); pairs are never made across it.
STATEMENT_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bca)(?<!\bno)[;.](?=\s+\S)", re.I)


def statements_of(text: str) -> list[tuple[int, int]]:
    """Split a sentence into the (start, end) of the statements a semicolon or stop ends.

    >>> t = "A raises B levels; C is unaffected. D follows."
    >>> [t[a:b].strip() for a, b in statements_of(t)]
    ['A raises B levels;', 'C is unaffected.', 'D follows.']
    """
    spans, begin = [], 0
    for match in STATEMENT_END.finditer(text):
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, len(text)))
    return spans


# A change verb and what it changes, written straight from one drug to the other: "A raises
# B levels", "A may increase the plasma concentrations of B", "A potentiates the effects of B".
_CHANGE = (
    r"(?:increas|rais|elevat|decreas|reduc|lower|inhibit|induc|potentiat|enhanc|antagoni[sz]"
    r"|prolong|impair|block|augment|diminish|doubl|tripl|halv)\w*"
)
_MEASURE = (
    r"(?:(?:plasma|serum|blood|steady[- ]state|peak|mean|systemic|trough|sedative|CNS"
    r"|depressant|anticoagulant|hypotensive|hypoglycemic|therapeutic|pharmacologic(?:al)?)\s+)*"
    r"(?:levels?|concentrations?|AUC|C ?max|exposure|clearance|metabolism|effects?|half-?life"
    r"|bioavailability|absorption|elimination|toxicity|activity|actions?)"
)
DIRECT_BEFORE = re.compile(
    # "A | raises B levels |", "A: raises B levels": a table row or a labelled line
    r"^\s*(?:[|:]\s*)?(?:(?:may|can|could|might|will|also|has|have|been|shown|to|significantly|markedly"
    r"|each|both|all|together"
    r"|substantially|greatly|further|reportedly|\w+ly)\s+){0,4}"
    + _CHANGE
    + r"\s+(?:the\s+)?(?:"
    + _MEASURE
    + r"\s+(?:of|to)\s+)?$",
    re.I,
)
DIRECT_AFTER = re.compile(r"(?:'s)?\s+" + _MEASURE + r"\b", re.I)  # matched where B ends
# "A can make B less effective", "A may stop B working properly", "A makes B work less well":
# what A does to B's effect, said in the words consumer pages use.
MAKES_BEFORE = re.compile(
    r"^\s*(?:(?:may|can|could|might|will|also|often|sometimes|\w+ly)\s+){0,3}"
    r"(?:make|makes|made|making|stop|stops|stopped|stopping|keep|keeps|prevent|prevents)\s+$",
    re.I,
)
MAKES_AFTER = re.compile(
    r"\s+(?:(?:much|far|a lot|slightly)\s+)?(?:less|more)\s+effective\b(?!\s+than\b)"
    r"|\s+(?:from\s+)?working\b|\s+work(?:ing)?\s+(?:\w+\s+)?(?:less|more)\s+well\b",
    re.I,
)
# The examples a class is named with, open up to the drug: "Inhibitors of X, such as A and "
_EXAMPLES_BEFORE = re.compile(
    r"(?:\bsuch as|\bincluding|\be\.g\.,?|\bfor example,?|\blike)\s[^,;:.()]*$", re.I
)
_ENDS_WITH_OF = re.compile(r"\b(?:of|to)\s*$", re.I)
# What makes the statement one the sentence reports or doubts rather than makes: "that",
# "whether" or "if" before the first drug; "unknown", "not confirmed" after the second.
_REPORTED = re.compile(r"\b(?:that|whether|if|claims?|no (?:study|studies|evidence|data))\b", re.I)
# "Certain antiepileptic drugs can interact with diazepam": said in so many words
_INTERACTS_WITH = re.compile(
    r"\s+(?:(?:may|can|could|might|will|also|often)\s+){0,2}interacts?\s+with\s+", re.I
)
_DOUBTED = re.compile(
    r"\b(?:unknown|unclear|uncertain|not (?:been |yet )?(?:shown|confirmed|established|proven"
    r"|known|clear))\b",
    re.I,
)


def states_directly(text: str, start: int, first: Mention, second: Mention) -> bool:
    """Tell whether the sentence goes straight from one drug to the other with a change verb.

    Such a pair is the sentence's plain statement ("Cimetidine raises diazepam levels"),
    whatever else the sentence goes on to say, so the trained model does not veto it.
    """
    gap = text[first.end - start : second.start - start]
    if gap.lstrip().startswith(",") and _EXAMPLES_BEFORE.search(text, 0, first.start - start):
        gap = gap.lstrip()[1:]  # "Inhibitors of X, such as A and B, raise C levels"
    makes = bool(MAKES_BEFORE.match(gap) and MAKES_AFTER.match(text, second.end - start))
    if not (DIRECT_BEFORE.match(gap) or makes or _INTERACTS_WITH.fullmatch(gap)):
        return False
    begin, end = clause_of(text, first.start - start)
    if _REPORTED.search(text, begin, first.start - start) or _DOUBTED.search(
        text, second.end - start, end
    ):
        return False  # "No study has shown that A raises B levels": reported, not stated
    if makes or _ENDS_WITH_OF.search(gap) or _INTERACTS_WITH.fullmatch(gap):  # "levels of B"
        return True
    return bool(DIRECT_AFTER.match(text, second.end - start))  # "... B levels"


def interaction_pairs(text: str, start: int, mentions: list[Mention]) -> list[Pair]:
    """Pair the drug mentions of one sentence that interact, each with its type.

    ``mentions`` are the sentence's drug and drug-class mentions (document offsets);
    ``start`` is where the sentence starts in the document. Pairs stay within one
    statement (see ``statements_of``).
    """
    pairs: list[Pair] = []
    for begin, end in statements_of(text):
        inside = [m for m in mentions if begin <= m.start - start < end]
        pairs += _statement_pairs(text, start, inside)
    return without_one_class_pairs(text, start, mentions, pairs)


def _statement_pairs(text: str, start: int, mentions: list[Mention]) -> list[Pair]:
    groups = coordinated_groups(text, start, mentions)
    pairs: list[Pair] = []
    for index, group in enumerate(groups):
        for other in groups[index + 1 : index + 2]:  # a group pairs with the next one
            for first in group:
                for second in other:
                    if first.entity.key == second.entity.key:
                        continue
                    pairs.append(_pair(text, start, first, second))
    if not pairs and len(groups) == 1 and len(groups[0]) == 2:
        first, second = groups[0]
        if first.entity.key != second.entity.key and JOINT_USE.search(
            text, 0, second.start - start
        ):
            pairs.append(_pair(text, start, first, second))
    return pairs


def _pair(text: str, start: int, first: Mention, second: Mention) -> Pair:
    if states_directly(text, start, first, second):
        negated = denies_directly(text, start, first, second)
    else:
        negated = denies_interaction(text, (first.start - start, second.start - start))
    return Pair(first, second, interaction_type(text), negated)


# Where a statement made straight from one drug to the other ends: the next comma, "and",
# "but" or "whereas" after the second drug ("A raises B levels, and C does not affect them").
_DIRECT_END = re.compile(r",|;|\band\b|\bbut\b|\bwhereas\b|\bwhile\b", re.I)


def denies_directly(text: str, start: int, first: Mention, second: Mention) -> bool:
    """Tell whether a statement made straight from ``first`` to ``second`` is denied.

    Only its own words count, from the start of its clause ("It is not known whether A
    raises B levels") to where it ends after the second drug; a denial of another pair
    later in the sentence does not reach it.
    """
    begin, _ = clause_of(text, first.start - start)
    end = _DIRECT_END.search(text, second.end - start)
    return bool(NO_INTERACTION.search(text, begin, end.start() if end else len(text)))


def rule_verdicts(
    text: str, start: int, mentions: list[Mention]
) -> dict[tuple[int, int], tuple[bool, str, bool]]:
    """Say for every two mentions (by index) whether the rules pair them, the type, negation."""
    paired = {(p.first.start, p.second.start): p for p in interaction_pairs(text, start, mentions)}
    kind = interaction_type(text)
    verdicts: dict[tuple[int, int], tuple[bool, str, bool]] = {}
    for a, first in enumerate(mentions):
        for b in range(a + 1, len(mentions)):
            pair = paired.get((first.start, mentions[b].start))
            if pair is None:
                verdicts[(a, b)] = (False, kind, False)
            else:
                verdicts[(a, b)] = (True, pair.kind, pair.negated)
    return verdicts


def sentence_view(text: str, start: int, mentions: list[Mention]) -> SentenceView:
    """Return the model's view of a sentence, with each mention's group and statement."""
    group_of: dict[int, int] = {}
    for index, group in enumerate(coordinated_groups(text, start, mentions)):
        for mention in group:
            group_of[id(mention)] = index
    spans = statements_of(text)
    statements = tuple(
        next((k for k, (_, end) in enumerate(spans) if m.start - start < end), len(spans) - 1)
        for m in mentions
    )
    layout = SentenceLayout(tuple(group_of[id(m)] for m in mentions), statements, len(spans))
    return SentenceView(text, start, mentions, layout)


def model_pairs(
    text: str, start: int, mentions: list[Mention], model: Model, *, cue: bool = True
) -> list[Pair]:
    """Let the rules and the trained model decide together which mentions interact.

    A pair the rules state stays theirs unless the model is sure it is no interaction
    (``model.veto``); the model adds the pairs the rules miss (``model.threshold``) and
    types every asserted pair. A pair the rules record as denied ("did not alter") stays
    recorded, negated. A class named with its examples ("sedatives like alcohol or
    zolpidem") is one partner: a vetoed pair with the class or with one of its examples is
    given back when the drug's pair with the class or another of the examples stands. In a
    sentence with no interaction cue (``cue`` False) the model alone decides: every pair it
    asserts is its own, whatever the rules say.
    """
    view = sentence_view(text, start, mentions)
    pairs: list[Pair] = []
    vetoed: list[tuple[int, int, str]] = []
    for (a, b), rule in rule_verdicts(text, start, mentions).items():
        first, second = mentions[a], mentions[b]
        if first.entity.key == second.entity.key:
            continue
        paired, kind, negated = rule
        verdict = model.verdict(features(view, a, b, rule))
        if not cue:
            if not negated and verdict.none < model.quiet_threshold():
                pairs.append(Pair(first, second, verdict.kind, False, by_model=True))
        elif paired and negated:
            pairs.append(Pair(first, second, kind, True))
        elif paired and (
            verdict.none < model.veto
            or _states_directly(view, a, b)
            or _advised_for_users(view, a, b)
        ):
            pairs.append(Pair(first, second, verdict.kind if verdict.none < 0.5 else kind, False))
        elif paired:
            vetoed.append((a, b, kind))
        elif verdict.none < model.threshold:
            pairs.append(Pair(first, second, verdict.kind, False, by_model=True))
    classes = _classes_of_kept_examples(text, start, mentions, pairs, vetoed)
    given_back = {(a, b) for a, b, _ in classes}
    vetoed = [v for v in vetoed if (v[0], v[1]) not in given_back]
    pairs += [Pair(mentions[a], mentions[b], kind, False) for a, b, kind in classes]
    pairs += _examples_of_kept_classes(text, start, mentions, pairs, vetoed)
    return without_one_class_pairs(text, start, mentions, pairs)


def one_class_pairs(text: str, start: int, mentions: list[Mention]) -> set[tuple[int, int]]:
    """Return the (start, start) of the mentions that a class and its examples make one partner.

    "Penicillins, including amoxicillin and piperacillin, ...": the class and each example,
    and any two examples, are one partner of the drug the sentence pairs them with, never
    partners of each other.
    """
    together: set[tuple[int, int]] = set()
    lists = [[c, *_examples_of(text, start, mentions, c)] for c in range(len(mentions))]
    for cue in _UNNAMED_CLASS_CUE.finditer(text):  # "medicines for gout such as A and B"
        after = [k for k, m in enumerate(mentions) if m.start - start >= cue.end()]
        if after and not text[cue.end() : mentions[after[0]].start - start].strip():
            lists.append(_list_from(text, start, mentions, after[0]))
    for members in lists:
        for i, one in enumerate(members):
            for other in members[i + 1 :]:
                together.add(_ordered(mentions[one].start, mentions[other].start))
    return together


# "A ... with B, with C, and with D": each "with" after the first, after a comma or "and"/"or",
# opens one more partner of the same drug.
_WITH_AGAIN = re.compile(r"(?:,\s*+(?:(?:and|or)\s++)?|\s(?:and|or)\s++)with\s", re.I)
_WITH = re.compile(r"\bwith\s", re.I)


def parallel_partners(
    text: str, start: int, mentions: list[Mention]
) -> tuple[int, list[list[int]]] | None:
    """Return the drug that a chain of "with" phrases pairs, and each phrase's mentions.

    "Tramadol raises the risk when given with SSRIs such as X, with SNRIs such as Y, and with
    Z": tramadol (its index) and [[SSRIs, X], [SNRIs, Y], [Z]]; the phrases are partners of
    tramadol, not of each other. None when the sentence has no such chain.
    """
    again = list(_WITH_AGAIN.finditer(text))
    if not again:
        return None
    first = None
    for match in _WITH.finditer(text, 0, again[0].start() + 1):
        first = match
    if first is None:
        return None
    cuts = [first.end(), *(m.end() for m in again), len(text)]
    phrases = [
        [k for k, m in enumerate(mentions) if low <= m.start - start < high]
        for low, high in pairwise(cuts)
    ]
    before = [k for k, m in enumerate(mentions) if m.start - start < first.start()]
    if not before or sum(1 for p in phrases if p) < 2:
        return None
    return before[0], [p for p in phrases if p]


# What opens the examples of a kind of medicine no vocabulary names ("medicines for gout
# such as A and B").
_UNNAMED_CLASS_CUE = re.compile(r"[a-z],?\s++(?:such as|including|e\.g\.,?)\s++", re.I)


# A relative clause said of one example, inside the list: "some medicines, including A,
# which it may make less effective, and B" lists A and B.
_RELATIVE_ASIDE = re.compile(r"\s*,\s*(?:which|whose)\b[^,;:()]{1,60},\s*(?:and|or)\s+", re.I)


def _list_from(text: str, start: int, mentions: list[Mention], first: int) -> list[int]:
    """Return ``first`` and the mentions joined to it as one list of examples."""
    members, gaps = [first], list[str]()
    for k in range(first + 1, len(mentions)):
        gap = text[mentions[k - 1].end - start : mentions[k].start - start]
        if _RELATIVE_ASIDE.fullmatch(gap):  # "A, which it makes less effective, and B"
            gap = " and "  # the aside's own commas close no list
        if not _EXAMPLES_GLUE.fullmatch("\x00" + gap.lstrip()) or not gap.strip(" ,"):
            break
        if examples_end([*gaps, gap]) or JOINT_AFTER.match(text, mentions[k].end - start):
            break
        if "," in gap and _CLAUSE_AFTER.match(text, mentions[k].end - start):
            break  # "such as A, and B does not ...": B opens a clause of its own
        gaps.append(gap)
        members.append(k)
    return members


# "Medicines that block CYP2D6, like A, B or C, ...", "Some antibiotics, such as A, ...": a
# kind of medicine no vocabulary names opens the sentence with its examples.
_KIND_OPENING = re.compile(
    r"[\W_]*(?:(?:some|other|certain|any|many)\s+)?(?:medicines|drugs|medications|tablets"
    r"|products|remedies)\b[^,;:.()]{0,60}?\s*[,(]?\s*(?:like|such\s+as|including|e\.g\.,?"
    r"|for\s+example,?)\s+",
    re.I,
)


_TOPIC_WORD = re.compile(r"\b(?:its|it|this\s+(?:medicine|drug))\b", re.I)


def kind_examples_opening(text: str, start: int, mentions: list[Mention]) -> bool:
    """Tell whether the sentence opens with an unnamed kind of medicine and all its drugs.

    "Medicines that block CYP2D6, like A, B or C, can weaken its effect": A, B and C are
    examples of one kind, partners of the drug the text is about ("its"), not of each other.
    Without such a word ("... may raise the risk of a rash") the topic is no partner.
    """
    if len(mentions) < 2 or not _KIND_OPENING.fullmatch(text, 0, mentions[0].start - start):
        return False
    # the sentence says what they do to the drug the text is about: "its effect", "make it"
    if not _TOPIC_WORD.search(text, mentions[-1].end - start):
        return False
    return len(coordinated_groups(text, start, mentions)) == 1


def one_examples_list(text: str, start: int, mentions: list[Mention]) -> bool:
    """Tell whether the sentence names its drugs only as one class's (or kind's) examples."""
    keys = {m.entity.key for m in mentions}
    together = one_class_pairs(text, start, mentions)
    return len(keys) > 1 and all(
        _ordered(one.start, other.start) in together
        for i, one in enumerate(mentions)
        for other in mentions[i + 1 :]
        if one.entity.key != other.entity.key
    )


def without_one_class_pairs(
    text: str, start: int, mentions: list[Mention], pairs: list[Pair]
) -> list[Pair]:
    """Drop the pairs of a class with its own examples, and of two examples of one class.

    The phrases of a "with" chain ("A with B, with C") are partners of A, not of each other:
    their pairs with each other go, and A is paired with each of them.
    """
    together = one_class_pairs(text, start, mentions)
    kept = [p for p in pairs if _ordered(p.first.start, p.second.start) not in together]
    chain = parallel_partners(text, start, mentions)
    if chain is None:
        return kept
    head, phrases = chain
    if not any(  # only a chain of classes named with their examples ("with SSRIs such as X")
        _ordered(mentions[one].start, mentions[other].start) in together
        for phrase in phrases
        for one in phrase
        for other in phrase
    ):
        return kept
    apart = {
        _ordered(mentions[one].start, mentions[other].start)
        for i, phrase in enumerate(phrases)
        for later in phrases[i + 1 :]
        for one in phrase
        for other in later
    }
    kept = [p for p in kept if _ordered(p.first.start, p.second.start) not in apart]
    have = {_ordered(p.first.start, p.second.start) for p in kept}
    drug = mentions[head]
    for phrase in phrases:
        for k in phrase:
            partner = mentions[k]
            if partner.entity.key == drug.entity.key:
                continue
            if _ordered(drug.start, partner.start) not in have:
                kept.append(_pair(text, start, drug, partner))
    return kept


def _states_directly(view: SentenceView, a: int, b: int) -> bool:
    """Tell whether a pair is stated directly, each drug standing for the list it is in.

    "A, B and C each raised D levels": the statement goes from the list's last drug to D;
    "A raises the levels of B, C and D": from A to the list's first drug. A list is drugs
    joined by commas ending in "and" or "or" ("Antacids, tricyclic X" is none).
    """
    last, first = a, b
    low, high = _list_around(view, a)
    if high > a:
        last = min(high, b - 1)
    low, high = _list_around(view, b)
    if low < b:
        first = max(low, last + 1)
    return states_directly(view.text, view.start, view.mentions[last], view.mentions[first])


# "Avoid A in patients receiving B", "A is contraindicated in patients taking class IA (B,
# C) antiarrhythmics": advice on one drug for the patients who take the other.
_IN_USERS_OF = re.compile(
    r"\s+(?:(?:is|are|should\s+be|must\s+be)\s+)?(?:[\w-]+\s+){0,4}?"
    # "... in patients with QT prolongation, low potassium, and in patients receiving B"
    r"(?:in\s+(?:patients|people|those)\s+with\b[^;.:]{0,100}?,?\s+(?:and|or)\s+)?"
    r"(?:in\s+(?:patients|people|those|anyone|adults|children)\s+(?:who\s+are\s+)?"
    # "Do not take A if you are taking B", "while you are using B"
    r"|(?:if|while|when)\s+(?:you\s+are|you(?:['’]re)?|they\s+are)\s+(?:also\s+)?)"
    r"(?:already\s+)?(?:receiving|taking|treated\s+with|using|on)\s+[^,;.:]{0,40}",
    re.I,
)


def _advised_for_users(view: SentenceView, a: int, b: int) -> bool:
    """Tell whether the sentence advises on one drug in patients taking the other.

    "Avoid A in patients receiving B or C": the advice holds for A with each drug of the
    coordinated group B is in, so the trained model does not veto it.
    """
    if view.layout is None:
        return False
    groups = view.layout.groups
    first = next(k for k in range(a + 1, b + 1) if groups[k] == groups[b])
    gap = _gap(view, a, first)
    begin, _ = clause_of(view.text, view.mentions[a].start - view.start)
    advice = ADVISE.search(view.text, begin, view.mentions[first].start - view.start)
    return advice is not None and _IN_USERS_OF.fullmatch(gap) is not None


_LIST_GLUE = re.compile(r"(?:\s|,|\band\b|\bor\b)*", re.I)
_LIST_END = re.compile(r"\b(?:and|or)\b", re.I)


def _list_around(view: SentenceView, k: int) -> tuple[int, int]:
    """Return the first and last index of the list of drugs holding mention ``k``."""
    low, high = k, k
    while low > 0 and _LIST_GLUE.fullmatch(_gap(view, low - 1, low)):
        low -= 1
    while high + 1 < len(view.mentions) and _LIST_GLUE.fullmatch(_gap(view, high, high + 1)):
        high += 1
    if not any(_LIST_END.search(_gap(view, i, i + 1)) for i in range(low, high)) and not (
        high > low and _cell_list(view, low, high)
    ):
        return k, k
    return low, high


# "| A, B | raise X levels |", "A, B: raise X levels": a cell, or a line's label, that holds
# nothing but drugs joined by commas is a list without "and".
_CELL_OPEN = re.compile(r"(?:^|\|)[\s*_-]*$")
_CELL_CLOSE = re.compile(r"[\s*_]*[|:]")


def _cell_list(view: SentenceView, low: int, high: int) -> bool:
    """Tell whether mentions ``low`` to ``high`` fill a table cell or a line's label."""
    before = view.text[: view.mentions[low].start - view.start]
    return bool(_CELL_OPEN.search(before)) and bool(
        _CELL_CLOSE.match(view.text, view.mentions[high].end - view.start)
    )


def _gap(view: SentenceView, one: int, other: int) -> str:
    """Return the text between two mentions of a sentence."""
    return view.text[view.mentions[one].end - view.start : view.mentions[other].start - view.start]


# "with other CNS depressants like alcohol or opioids", "azole antifungals (e.g. fluconazole)":
# the words that open a class's examples, and the glue between the examples before the one
# in question.
_EXAMPLES_CUE = re.compile(
    r"(?:\s++(?:painkillers?|medicines?|medications?|tablets?))?+"
    r"\s*+[,(]?\s*+(?:like|such as|including|e\.g\.,?|for example,?)\s++",
    re.I,
)
# A verb right after the name: it starts a clause of its own, it ends no list.
_CLAUSE_AFTER = re.compile(
    r"\s+(?:does|did|do|is|was|are|were|has|have|had|may|might|can|could|should|will|would"
    r"|must)\b",
    re.I,
)
_EXAMPLES_GLUE = re.compile(r"(?:\x00\s*+(?:,\s*+(?:(?:and|or)\s++)?|(?:and|or)\s++))*+", re.I)


def _examples_of_kept_classes(
    text: str,
    start: int,
    mentions: list[Mention],
    pairs: list[Pair],
    vetoed: list[tuple[int, int, str]],
) -> list[Pair]:
    """Give back the rule pairs the model vetoed whose partner exemplifies a kept class.

    "X with other CNS depressants like alcohol or opioids": when X's pair with the class
    stands, its pairs with the class's examples stand too, of the same kind. Only other drug
    names, joined by commas, "and" or "or", may come between the class and the example.
    """
    kept = {(p.first.start, p.second.start): p for p in pairs if not p.negated}
    restored = []
    for a, b, _ in vetoed:
        for c, cls in enumerate(mentions[:b]):
            pair = kept.get((mentions[a].start, cls.start)) or kept.get(
                (cls.start, mentions[a].start)
            )
            if pair is None or cls.entity.type is not EntityType.DRUG_CLASS or c == a:
                continue
            if _only_examples_between(text, start, cls, mentions[c + 1 : b], mentions[b]):
                restored.append(Pair(mentions[a], mentions[b], pair.kind, False))
                break
    return restored


def _examples_of(
    text: str, start: int, mentions: list[Mention], c: int, *, lead: bool = False
) -> list[int]:
    """Return the indices of the mentions the class ``mentions[c]`` names as its examples."""
    cls = mentions[c]
    if cls.entity.type is not EntityType.DRUG_CLASS:
        return []
    return [
        e
        for e in range(c + 1, len(mentions))
        if _only_examples_between(text, start, cls, mentions[c + 1 : e], mentions[e], lead=lead)
    ]


_OPENING = re.compile(
    r"[\W_]*"
    # "Concomitant use of strong or moderate CYP2C19 inhibitors such as A and B is
    # discouraged": the classes are still what the sentence is about
    r"(?:(?:the\s+)?(?:(?:concomitant|concurrent|simultaneous|combined)\s+)?"
    r"(?:use|administration|co-?administration|treatment)\s+(?:of|with)\s+"
    # "Taking it with SSRIs such as A may ...": the unnamed drug is the text's topic
    r"|(?:taking|using|giving|combining|mixing)\s+(?:it|this\s+(?:medicine|drug))\s+with\s+)?"
    r"(?:(?:other|the|some|certain|all)\s+)?"
    r"(?:(?:strong|potent|moderate|weak|mild)\s+(?:(?:or|and|to)\s+)?)*"
    # "Other sleeping tablets and benzodiazepines such as B:": a kind of medicine no
    # vocabulary knows may open the list
    r"(?:(?:[a-z-]+\s+){0,2}(?:tablets|pills|medicines|medications|drugs|painkillers)"
    r"\s*(?:,\s*)?(?:and|or|,)\s+(?:other\s+)?)?",
    re.I,
)


def one_class_with_examples(text: str, start: int, mentions: list[Mention]) -> bool:
    """Tell whether the sentence opens with classes and their examples ("Opioids such as A:").

    "Other hypnotics and benzodiazepines such as B:" names two classes, the second with its
    example. Such a sentence (or list item) is about what the classes do with the topic drug.
    """
    keys = {m.entity.key for m in mentions}
    if len(keys) < 2 or len(coordinated_groups(text, start, mentions)) > 1:
        return False
    if not _OPENING.fullmatch(text, 0, mentions[0].start - start):
        return False
    if mentions[0].entity.type is not EntityType.DRUG_CLASS:
        return False
    classes: set[int] = set()
    examples: set[int] = set()
    for c, mention in enumerate(mentions):
        if mention.entity.type is EntityType.DRUG_CLASS:
            classes.add(c)
            examples |= set(_examples_of(text, start, mentions, c, lead=True))
    return bool(examples) and classes | examples == set(range(len(mentions)))


def _classes_of_kept_examples(
    text: str,
    start: int,
    mentions: list[Mention],
    pairs: list[Pair],
    vetoed: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """Give back the vetoed rule pairs of a drug with a class whose listed example it keeps.

    "X with other CNS depressants like alcohol or opioids": the class and the examples it
    lists are one partner of X, so the model's verdict on the best of them decides for the
    class too. Returns (index, index, kind) of each pair given back.
    """
    kept = {(p.first.start, p.second.start): p for p in pairs if not p.negated}
    restored = []
    for a, b, _ in vetoed:
        for c, d in ((b, a), (a, b)):
            examples, drug = _examples_of(text, start, mentions, c), mentions[d]
            shared = [
                pair
                for e in examples
                if d not in examples
                and mentions[e].entity.key != drug.entity.key
                and (pair := kept.get(_ordered(drug.start, mentions[e].start))) is not None
            ]
            if shared:
                restored.append((a, b, shared[0].kind))
                break
    return restored


def _ordered(one: int, other: int) -> tuple[int, int]:
    return (one, other) if one <= other else (other, one)


def _only_examples_between(
    text: str,
    start: int,
    cls: Mention,
    between: list[Mention],
    example: Mention,
    *,
    lead: bool = False,
) -> bool:
    """Tell whether ``example`` is one of the examples ``cls`` introduces ("like A, B or C").

    ``lead``: the class opens the sentence, so a verb right after its first example is the
    sentence's own ("SSRIs such as A may raise ..."), which ends no list.
    """
    cue = _EXAMPLES_CUE.match(text, cls.end - start)
    if cue is None:
        return False
    gap, cursor = [], cue.end()
    for mention in between:  # every drug named in between becomes one placeholder
        gap.append(text[cursor : mention.start - start])
        gap.append("\x00")
        cursor = mention.end - start
    gap.append(text[cursor : example.start - start])
    if (between or not lead) and _CLAUSE_AFTER.match(text, example.end - start):
        return False  # "..., and caffeine does not ..."
    if JOINT_AFTER.match(text, example.end - start) or examples_end(gap[2::2]):
        return False
    return _EXAMPLES_GLUE.fullmatch("".join(gap)) is not None


# "such as X and Y both lower ...": the drugs that act together are the sentence's subjects,
# not examples; ", and" after a single example closes the list around the class instead
# ("potassium salts, diuretics such as X, and Y": Y is the outer list's).
JOINT_AFTER = re.compile(r"\s+(?:both|together)\b", re.I)
_COMMA_AND = re.compile(r"\s*,\s*and\s+$", re.I)  # ", or" may add an example
_BARE_COMMA = re.compile(r"\s*,\s*$")


def examples_end(gaps: list[str]) -> bool:
    """Tell whether the gaps between a class's examples show the list ended before the last.

    ``gaps`` are the texts between one example and the next. "X, Y, and Z" (a comma list
    closed by ", and") goes on; "X, and Z" after a single example has ended ("X, or Z" has not).
    """
    for k, gap in enumerate(gaps):
        if _COMMA_AND.fullmatch(gap) and not any(_BARE_COMMA.fullmatch(g) for g in gaps[:k]):
            return True
    return False


# ", because SSRIs impair platelet function": a class named in a clause that explains the
# mechanism of what the sentence has already said; "Do not combine it with other SSRIs" names
# a partner.
_EXPLAINING = re.compile(
    r",\s*(?:because|since|as|given that)\s+(?:the\s+|all\s+|these\s+|such\s+)?$", re.I
)


def explains_only(text: str, start: int, mention: Mention) -> bool:
    """Tell whether a class is only named to explain the mechanism ("..., because SSRIs ...")."""
    return mention.entity.type is EntityType.DRUG_CLASS and bool(
        _EXPLAINING.search(text, 0, mention.start - start)
    )


# A heading, or a line of its own, naming two drugs: "Warfarin <-> aspirin", "Lithium and
# NSAIDs", "Digoxin with amiodarone:"; what follows it is about that pair.
_PAIR_JOIN = re.compile(
    r"\s*(?:<-+>|<=+>|\u2194|\u27f7|\+|&|\band\b|\bwith\b|\bvs\.?|\bversus\b)\s*", re.I
)
_PAIR_TAIL = re.compile(r"\s*(?:interactions?)?\s*:?\s*", re.I)
_HEADING_MARK = re.compile(r"[\s#*_>-]*")


def heading_pair(
    text: str, start: int, mentions: list[Mention]
) -> tuple[Mention, Mention | None] | None:
    """Return the drug a heading line opens with and the drug it is joined to, if one.

    "Tramadol <-> seizure disorders" joins a drug to a condition: (tramadol, None). A line
    that ends as a sentence does, or says more than a few words, is no such heading.
    """
    drugs = [m for m in mentions if m.entity.type in (EntityType.DRUG, EntityType.DRUG_CLASS)]
    if not drugs or text.rstrip().endswith((".", "!", "?", ";")) or len(text.split()) > 8:
        return None
    first = drugs[0]
    if first.entity.type is not EntityType.DRUG or not _HEADING_MARK.fullmatch(
        text, 0, first.start - start
    ):
        return None
    join = _PAIR_JOIN.match(text, first.end - start)
    if join is None:
        return None
    second = next((m for m in drugs[1:] if m.start - start == join.end()), None)
    if second is not None and _PAIR_TAIL.fullmatch(text, second.end - start):
        return first, second
    rest = text[join.end() :]
    if second is not None and text[second.end - start : second.end - start + 1] == "-":
        return first, None  # "warfarin <-> vitamin K-rich foods": no drug, a kind of food
    if len(rest.split()) <= 4 and not any(m.start - start >= join.end() for m in drugs):
        return first, None
    return None


# "Oral anticoagulants: the combination with warfarin ...": a label naming a class, then a
# combination whose first drug is left unsaid (the topic's) and whose second is the class's
# example.
_SUBJECTLESS_WITH = re.compile(
    r"\s*:\s*(?:the\s+)?(?:(?:concomitant|concurrent|simultaneous|combined)\s+)?"
    r"(?:combination|use|administration|co-?administration|coadministration|treatment)"
    r"\s+with\s+(?:the\s+)?",
    re.I,
)


def label_class_example(text: str, start: int, mentions: list[Mention]) -> list[Mention]:
    """Return the class a label names and the drugs an unsaid drug is combined with under it.

    "Oral anticoagulants: the combination with warfarin is not advised": the anticoagulants
    and warfarin, partners both of the drug the text is about, not of each other. An empty
    list when the sentence is not written so.
    """
    if len(mentions) < 2 or mentions[0].entity.type is not EntityType.DRUG_CLASS:
        return []
    label = mentions[0]
    if not _HEADING_MARK.fullmatch(text, 0, label.start - start):
        return []
    if not _SUBJECTLESS_WITH.fullmatch(text, label.end - start, mentions[1].start - start):
        return []
    group = next(g for g in coordinated_groups(text, start, mentions[1:]))
    return [label, *group]


def topic_pairs(text: str, start: int, topic: Mention, partners: list[Mention]) -> list[Pair]:
    """Pair the document's topic drug, unnamed in the sentence, with each drug it names."""
    kind = interaction_type(text)
    return [
        Pair(topic, partner, kind, denies_interaction(text, (partner.start - start,)))
        for partner in partners
        if partner.entity.key != topic.entity.key
    ]


# Drug classes written the way labels write them: "CYP3A4 inhibitors", "potassium-sparing
# diuretics", "oral antifungal agents", "HMG-CoA reductase inhibitors", "beta-blockers".
_TARGETED = r"inhibitors?|inducers?|blockers?|blocking agents?|antagonists?|agonists?|substrates?"
_ADJECTIVE = r"[a-z0-9-]*(?:ic|al|ive|ant|ory|ar|oid|ergic|tic|lytic|mimetic|sparing|type)"
_GENERIC_HEAD = (
    r"agents?|drugs?|medications?|medicines?|antibiotics?|diuretics?|glycosides?"
    r"|contraceptives?|anesthetics?|analgesics?|steroids?|hormones?|supplements?|vaccines?"
    r"|antidepressants?|antipsychotics?|antihistamines?|anticonvulsants?|sedatives?"
)
CLASS_PHRASE = re.compile(
    rf"\b(?:(?:[A-Za-z0-9()/-]+\s+){{0,2}}?[A-Za-z0-9()/-]+[\s-]+(?:{_TARGETED})"
    rf"|(?:{_ADJECTIVE})(?:\s+(?:{_ADJECTIVE}))?\s+(?:{_GENERIC_HEAD}))\b",
    re.I,
)
_NOT_A_CLASS = re.compile(
    r"^(?:other|these|those|such|the|this|that|some|all|any|many|several|certain|both|concomitant"
    r"|potent|strong|moderate|weak|known|selective|specific|competitive|non-?competitive|mild"
    r"|potential|possible|likely|putative"
    r"|multiple|various|similar|individual|a|an|of|and|or|with|by|to|in|on|for|as|is|are|be"
    r"|drug|drugs|medical|clinical|typical|usual|general|total|original|oral|topical|several)$",
    re.I,
)


# What a class phrase cannot start with: a target noun that needs its own modifier ("pump
# inhibitors" of "proton pump inhibitors", "channel blockers" of "calcium channel blockers");
# "enzyme" only before an acronym its cut-off name spelled ("enzyme (ACE) inhibitors"), as
# "enzyme inhibitors" alone is a class
_CUT_HEADS = frozenset({"pump", "channel"})
# A word that can modify a class head: an acronym ("CYP3A4", "MAO", "HMG-CoA") or a word
# shaped like a pharmacological adjective or target noun ("antifungal", "reductase").
_MODIFIER = re.compile(
    r"(?:(?=(?:[^A-Z0-9]*[A-Z0-9]){2})[A-Za-z0-9()/-]+"
    r"|[a-z0-9()/-]*(?:ase|ic|al|ive|ant|ar|oid|ergic|sparing|channel|pump|receptor|uptake"
    r"|enzyme|ine|in|one|ide|ate|ol|beta|alpha|[0-9]|calcium|sodium|potassium|chloride"
    r"|proton))",
)


def class_mentions(text: str, start: int) -> list[Mention]:
    """Find drug-class phrases ("CYP3A4 inhibitors") as mentions of drug-class entities."""
    from graph_builder.lexicon import slugify
    from graph_builder.model import Entity

    found = []
    for match in CLASS_PHRASE.finditer(text):
        words = match.group().split()
        keep = 1
        while (
            keep < len(words)
            and _MODIFIER.fullmatch(words[-keep - 1])
            and not (_NOT_A_CLASS.match(words[-keep - 1]))
        ):
            keep += 1
        words = words[-keep:]
        if len(words) < 2 and "-" not in words[0]:
            continue
        if words[0].lower() in _CUT_HEADS or (
            words[0].lower() == "enzyme" and any(w.startswith("(") for w in words)
        ):
            continue  # "(angiotensin converting) enzyme (ACE) inhibitors": a name cut short
        phrase = " ".join(words)
        begin = match.end() - len(phrase) if match.group().endswith(phrase) else match.start()
        label = phrase.lower()
        entity = Entity(
            key=slugify(label.removesuffix("s")),
            type=EntityType.DRUG_CLASS,
            label=label,
            source="drug-class pattern (interactions.py)",
        )
        found.append(Mention(text[begin : match.end()], start + begin, start + match.end(), entity))
    return found


# A brand name as labels print it: one capitalised word of five letters or more, perhaps
# with a trade-mark sign ("NIMBEX", "EQUETRO(TM)"); the words of headings and of the labels'
# and abstracts' own vocabulary are no brands. An experimental compound: letters and a
# number of three digits or more ("SCH 58235", "LY-335979", "CI-1008"), not an enzyme
# ("P450", "CYP450").
BRAND_WORD = re.compile(r"(?<![\w-])[A-Z]{5,}(?:TM|\u00ae|\u2122)?(?![\w-])")
CODE_NAME = re.compile(r"(?<![\w-])(?!CYP|UGT|HLA|USP)[A-Z]{2,5}[- ]?[0-9]{3,7}[A-Z]?(?![\w-])")
_HEADING_WORDS = (
    "ABSTRACT ADMINISTRATION ADVERSE AGENTS ANOVA BACKGROUND BOXED CAUTION CLINICAL"
    " CONCLUSION CONCLUSIONS CONCOMITANT CONJUNCTION CONTRAINDICATED CONTRAINDICATIONS"
    " DESIGN DETERMINED DOSAGE DRUGS EFFECTS GENERAL GIVEN INDICATIONS INFORMATION"
    " INTERACTIONS LABORATORY LEVEL LEVELS MEASUREMENTS METHODS NOTICE OBJECTIVE OBJECTIVES"
    " OTHER OVERDOSAGE PATIENT PATIENTS PHARMACOKINETICS PHARMACOLOGY PRECAUTIONS PURPOSE"
    " REACTIONS RESULTS SERUM SETTING SHOULD SINCE STUDIES STUDY TABLE TABLES THERAPY"
    " TREATMENT TRUNCATED USAGE WARNING WARNINGS WORDS"
    # the literature databases a review says it searched
    " MEDLINE EMBASE PUBMED COCHRANE CINAHL SCOPUS PSYCINFO LILACS"
)
_NOT_A_BRAND = frozenset(_HEADING_WORDS.split())


def name_pattern_mentions(text: str, start: int) -> list[Mention]:
    """Find printed brand names ("NIMBEX") and experimental codes ("SCH 58235") as drugs."""
    from graph_builder.lexicon import slugify
    from graph_builder.model import Entity

    found = []
    for pattern, source in ((BRAND_WORD, "brand-name pattern"), (CODE_NAME, "compound-code")):
        for match in pattern.finditer(text):
            word = match.group()
            if pattern is BRAND_WORD and (
                re.sub("(?:TM|\u00ae|\u2122)$", "", word).upper() in _NOT_A_BRAND
                or word in _NOT_A_BRAND
                or _in_capitals(text, match.start(), match.end())
            ):
                continue
            entity = Entity(
                key=slugify(word),
                type=EntityType.DRUG,
                label=word,
                source=f"{source} (interactions.py)",
            )
            found.append(Mention(word, start + match.start(), start + match.end(), entity))
    return found


def _in_capitals(text: str, begin: int, end: int) -> bool:
    """Say whether a capitalised word stands in a heading: a neighbouring word is capitals."""
    before = re.search(r"([A-Za-z]{2,})\W*$", text[:begin])
    after = re.match(r"\W*([A-Za-z]{2,})", text[end:])
    return any(m is not None and m.group(1).isupper() for m in (before, after))


# A class name used as an adjective names a kind of effect, not the class: "the
# CNS-depressant effects of narcotics", "anticholinergic activity".
# "opioid overdose", "barbiturate poisoning": a condition the class's name qualifies. Not
# "toxicity": DDI-2013 marks "digitalis toxicity" a mention of digitalis as a partner.
_ADJECTIVAL_USE = re.compile(
    r"\s*(?:effects?|actions?|activity|activities|properties"
    r"|overdoses?|overdosage|poisoning)\b",
    re.I,
)


def with_class_mentions(text: str, start: int, mentions: list[Mention]) -> list[Mention]:
    """Add the class phrases, brands and codes that no known mention overlaps (known win).

    A class named as an adjective ("CNS-depressant effects") is left out.
    """
    extra: list[Mention] = []
    for phrase in [*class_mentions(text, start), *name_pattern_mentions(text, start)]:
        if not any(m.start < phrase.end and phrase.start < m.end for m in [*mentions, *extra]):
            extra.append(phrase)
    return [
        m
        for m in sorted([*mentions, *extra], key=lambda m: m.start)
        if not (
            m.entity.type is EntityType.DRUG_CLASS and _ADJECTIVAL_USE.match(text, m.end - start)
        )
    ]
