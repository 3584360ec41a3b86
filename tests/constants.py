"""Entities the tests talk about, by their IRIs in built graphs."""

from graph_builder.vocabulary import BIOLINK, DKG, DKGID, SCHEMA

CLONAZEPAM = DKGID["clonazepam"]
ETHANOL = DKGID["ethanol"]
BENZODIAZEPINES = DKGID["benzodiazepines"]
OPIOIDS = DKGID["opioids"]
CNS_DEPRESSANTS = DKGID["cns-depressants"]
ANTIDEPRESSANTS = DKGID["antidepressants"]
ANTIEPILEPTICS = DKGID["antiepileptics"]
GABA = DKGID["gaba"]
GABA_A_RECEPTOR = DKGID["gaba-a-receptor"]
CHLORIDE_CHANNEL_OPENING = DKGID["chloride-channel-opening"]
PANIC_DISORDER = DKGID["panic-disorder"]
GAD = DKGID["generalized-anxiety-disorder"]
SEIZURE_DISORDER = DKGID["seizure-disorder"]
EPILEPSY = DKGID["epilepsy"]
GENERALIZED_EPILEPSY = DKGID["generalized-epilepsy"]
ABSENCE_SEIZURE = DKGID["absence-seizure"]
MYOCLONIC_SEIZURE = DKGID["myoclonic-seizure"]
SEIZURE = DKGID["seizure"]
ANXIETY = DKGID["anxiety"]
RLS = DKGID["restless-legs-syndrome"]
RESPIRATORY_DEPRESSION = DKGID["respiratory-depression"]
SEVERE_SEDATION = DKGID["severe-sedation"]
WITHDRAWAL = DKGID["withdrawal"]
PREGNANCY = DKGID["pregnancy"]
BREASTFEEDING = DKGID["breastfeeding"]
OLDER_ADULTS = DKGID["older-adults"]

TREATS = BIOLINK.treats
HAS_SIDE_EFFECT = BIOLINK.has_side_effect
INTERACTS_WITH = BIOLINK.pharmacologically_interacts_with
CONTRAINDICATED_IN = BIOLINK.contraindicated_in
MEMBER_OF = BIOLINK.member_of
BINDS = BIOLINK.directly_physically_interacts_with
AFFECTS = BIOLINK.affects
CAUTION_IN = DKG.cautionIn
HAS_EFFECT = DKG.hasPharmacologicalEffect
HAS_SYMPTOM = DKG.hasSymptom
DOSE_SCHEDULE = SCHEMA.doseSchedule
MAXIMUM_INTAKE = SCHEMA.maximumIntake
