"""The wording that tells a study's design (guideline ``design``; additions rules d, l, m): compiled cue patterns,
each with its cheap key-word pre-check (``Gated``). ``design.classify`` reads them in its order of checks."""
from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.study_text import Gated
from ketamine_evidence.analysis.extract.text_patterns import NUM

ANIMALS = (r"rats?|mice|mouse|murine|rodents?|rabbits?|dogs?|canine|cats?|feline|pigs?|piglets?|swine|porcine|"
            r"sheep|ovine|goats?|horses?|equine|ponies|pony|cattle|calves|bovine|cows?|monkeys?|macaques?|"
            r"primates?|baboons?|guinea pigs?|hamsters?|ferrets?|zebrafish|animals?|rhesus|beagles?|"
            r"sprague[- ]dawley|wistar|c57bl\S*|ewes?|lambs?|foals?|birds?|chickens?")
ANIMAL = re.compile(rf"\b(?:{ANIMALS})\b", re.I)
HUMAN = re.compile(r"\b(?:patients?|volunteers?|participants?|humans?|children|adults?|women|men|infants?|"
                   r"neonates?|parturients?|subjects? with|outpatients?|inpatients?|persons?|people|"
                   r"individuals|clinical trial|cases? of|clinicians|physicians)\b", re.I)
GUIDELINE = re.compile(r"\b(?:guidelines?|consensus statement|recommendations from|practice advisory|"
                       r"position statement|expert consensus)\b", re.I)
SYSTEMATIC = re.compile(r"\b(?:systematic(?:al)? (?:literature )?review|meta-?analys[ie]s|meta-?regression|"
                        r"pooled analysis of (?:randomi[sz]ed )?trials|umbrella review|network meta)", re.I)
REVIEW = re.compile(r"\b(?:(?:narrative|literature|comprehensive|critical|clinical|brief|mini-?) ?review|"
                    r"review of the literature|we review|this review|"
                    r"(?:this|the present|our) (?:article|paper|chapter) "
                    r"(?:reviews|summari[sz]es|discusses|describes|provides)|reviews? the "
                    r"(?:current|available|evidence|literature|role|use|data)|overview|state of the art|update on|"
                    r"we (?:summari[sz]e|discuss|outline)|(?:is|are) (?:reviewed|summari[sz]ed)|"
                    r"(?:recent|current) (?:advances|concepts|developments)|past,? present,? and future|"
                    r"^(?:a )?review|: a review)\b", re.I)
# Guideline additions, rule d: a pooled or integrated analysis of a sponsor's trials, not built on a systematic
# search, is 'other' ('an integrated analysis of individual patient data from six randomized clinical trials',
# 'efficacy data were pooled from 8 double-blind, placebo-controlled clinical trials').
# The trials may be listed with their design words ('the pooled data from two, nearly identical, randomized, controlled,
# parallel-group, multicenter studies'; 'a combined analysis of 2 prospective, randomized, double-blind ... studies').
POOLED = re.compile(r"\b(?:(?:pooled|integrated|combined) (?:\w+ ){0,2}(?:analys[ie]s|data)|(?:data|results) (?:were|was) "
                    r"(?:pooled|integrated|combined))\b[^.;]{0,80}?\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                    r"several|multiple),? (?:[\w-]+[-,]?\s){0,7}(?:trials|studies)|(?:trials|studies) (?:of|in|with))", re.I)
SEARCHED = re.compile(r"\b(?:systematic|literature search|searched|databases?|MEDLINE|Embase|Cochrane)\b", re.I)
# Guideline additions, rule m: laboratory, ex vivo, modelling and methods studies test no treatment: 'other'. In vitro
# fertilisation is a clinical procedure (analgesia for oocyte retrieval is tested in patients), not a laboratory study.
NO_TREATMENT_STUDY = re.compile(r"\b(?:ex vivo|in vitro(?! fertili[sz]ation)|diagnostic (?:models?|accuracy)|exposure[-\u2010\u2011 ]response model\w*|pharmacometric|population "
                                r"pharmacokinetic model\w*|(?:comparison|evaluation) of (?:\w+ ){0,3}(?:adjustment|"
                                r"statistical|analytic\w*) methods)\b", re.I)
POOLED = Gated(POOLED, ("pooled", "integrated", "combined"))
NO_TREATMENT_STUDY = Gated(NO_TREATMENT_STUDY, ("vivo", "vitro", "diagnostic", "response model", "pharmacokinetic model",
                                                "pharmacometric", "adjustment methods", "statistical methods",
                                                "analytic"))
RANDOM = re.compile(r"\b(?:randomi[sz]\w*|randomly|random (?:allocation|assignment|allotment|order|sequence)|"
                    r"(?:allocated|assigned) at random|RCTs?)\b", re.I)  # 'this RCT' states random allocation too
NOT_RANDOM = re.compile(r"\b(?:non[- ]?randomi[sz]\w*|not randomi[sz]\w*|without randomi[sz]\w*|quasi-?randomi[sz]\w*)",
                        re.I)
CASE_REPORT = re.compile(r"\b(?:case reports?|a case of|(?:a|an)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)[- ]year[- ]old\s+(?:man|woman|male|female|boy|"
                         r"girl|patient|child|gentleman|lady|infant)\b|"
                         r"we (?:report|describe|present) (?:a|an|the|one)\s+(?:[\w-]+\s+){0,4}?"
                         r"(?:case|patient|man|woman|male|female|boy|"
                         r"girl|child|infant|neonate|adolescent)\b|"
                         r"(?:a|an)\s+(?:\d+|[a-z]+-year-old|[a-z]+ year old)\b[^.]{0,80}\b(?:presented|was admitted|"
                         r"developed|with a history)|this case(?!-))\b", re.I)
CASE_SERIES = re.compile(r"\b(?:case series|series of (?:\w+ )?(?:patients|cases)|(?:we|this) (?:report|describe|"
                         r"present)s? (?:\w+ )?(?:\w+ )?(?:cases|patients))\b", re.I)
RETROSPECTIVE = re.compile(r"\b(?:retrospective\w*|chart reviews?|medical records?|case notes|registry|registries|"
                           r"database|claims data|records were reviewed|data (?:of|from|on) [^.]{0,200}?"
                           r"(?:were|was) (?:gathered|collected|retrieved|extracted|analy[sz]ed|reviewed))\b", re.I)
PROSPECTIVE_OBS = re.compile(r"\b(?:prospective (?:\w+ )?(?:observational|cohort|audit|registry|survey)|"
                             r"observational (?:\w+ )?(?:study|cohort|design)|cohort study|cross-sectional|"
                             r"longitudinal (?:cohort|study)|case-control|survey|"
                             r"(?:data|outcomes?) (?:were|was) prospectively (?:collected|recorded|gathered))\b", re.I)
# Weaker observational wording, read only where no trial wording is found: a cohort, people followed or
# observed over time, or users of something compared with non-users ('consumers vs abstainers').
PEOPLE = (r"(?:patients|subjects|participants|individuals|people|persons|men|women|children|adults|infants|"
           r"adolescents|mothers|workers|residents|employees|students|veterans|volunteers|users|consumers|smokers|"
           r"drinkers|chewers|members|cases|controls|they)")
OBSERVED = re.compile(rf"\b(?:cohorts? (?:study|studies|design|data|analysis|follow-?up)|cohorts? of (?:\w+ ){{0,3}}?{PEOPLE}|"
                      r"(?:in|from|within|studied|followed|enrolled|recruited) (?:a|this|the|our|one) (?:[\w-]+ ){0,3}?cohorts?|"
                      r"^cohorts?\b|"
                      r"prospective,? (?:[\w-]+,? ){0,3}?(?:study|analysis|evaluation|assessment|review|design|investigation|"
                      r"data|follow-?up)|"
                      r"prospectively (?:collected|evaluated|implemented|recorded|enrolled|followed|studied|assessed|"
                      r"analy[sz]ed|observed|included)|(?:evaluated|assessed|studied|followed|collected|recorded) prospectively|"
                      r"follow-?up study|"
                      rf"{PEOPLE} (?:[\w-]+ ){{0,3}}?(?:were|was) (?:prospectively )?(?:followed|observed|monitored) "
                      r"(?:up|for|over|during|until|from|at|prospectively|longitudinally)|"
                      r"(?:users|consumers|drinkers|smokers|chewers|takers) (?:and|or|vs\.?|versus|compared (?:with|to)) "
                      r"(?:non-?[a-z]+|abstainers|never[- ]users)|"
                      r"(?:who|that) (?:had|did|were|used|consumed|took|received)\b[^.;]{0,120}\b(?:with|to|and) "
                      r"(?:those|subjects|patients|participants|individuals|people|persons|controls) "
                      r"(?:who|that) (?:had not|did not|were not|never|didn't|had no))\b", re.I)
OBSERVED = Gated(OBSERVED, ("cohort", "prospective", "follow", "observed", "monitored", "users", "consumers",
                            "drinkers", "smokers", "chewers", "takers", "had not", "did not", "were not", "never",
                            "didn't", "had no"))

# The leading look-ahead lists every alternative's first character: it lets ``re`` skip other positions
# fast (about twice as quick on MEDLINE abstracts, same matches).
TRIAL = re.compile(r"(?=[tdsbpcoagrwifqmnTDSBPCOAGRWIFQMN234])\b(?:trials?|double[- ]blind\w*|single[- ]blind\w*|"
                   r"triple[- ]blind\w*|blinded|"
                   r"placebo[- ]controlled|controlled (?:\w+ )?(?:study|trial|design)|cross-?over|open[- ]label|"
                   r"single[- ]arm|dose[- ](?:finding|"
                   r"escalation|ranging)|phase (?:i|ii|iii|iv|[1-4])\b|pilot study|(?:assigned|allocated|divided) "
                   r"(?:in)?to|groups? (?:[a-z0-9]{1,3}|i{1,3}|iv) (?:received|was given)|received either|"
                   r"groups? (?:\w{1,3} )?(?:received|was given|were given)|compared (?:with|to) (?:placebo|saline)|or saline|"
                   r"control group|(?:two|three|four|2|3|4) (?:equal |parallel )?groups|"
                   r"(?:were|was) (?:given|administered|treated)|intervention (?:phase|period)|"
                   r"single[- ](?:subject|case) (?:experimental )?design|multiple[- ]baseline|n-of-1|study drugs?|quasi[- ]?experiment\w*)\b", re.I)
ENROLMENT = re.compile(r"\b(?:enrolled|recruited|were included|participated|we (?:studied|examined|investigated|"
                         r"analy[sz]ed|measured|tested)|were (?:studied|examined|analy[sz]ed|measured|tested))\b", re.I)
PLANNED = re.compile(r"\b(?:will|envisaged|pre-?specified|planned)\b", re.I)  # 'pre-specified meta-analyses will'
THIS_STUDY = re.compile(r"\b(?:(?:this|our|the present|the current) (?:[\w-]+,? ){0,3}(?:study|trial)|we)\b", re.I)
PART_OF_BIGGER = re.compile(r"(?:hundred|thousand)(?:\s+and)?\s*$|[\d,.]\s*$", re.I)
SMALL_N = re.compile(rf"(?=[0-9.otfsenhzOTFSENHZ])\b(?P<n>{NUM})\s+(?:consecutive\s+)?(?:\w+\s+)?"
                      r"(?:patients|cases|subjects|children|"
                      r"adults|women|men|individuals)\b", re.I)

# Cheap pre-checks: each pattern runs only on sentences holding one of these substrings.
ANIMAL = Gated(ANIMAL, ("c57", "sprague", "guinea"), frozenset(
    "rat rats mice mouse murine rodent rodents rabbit rabbits dog dogs canine cat cats feline pig pigs piglet "
    "piglets swine porcine sheep ovine goat goats horse horses equine pony ponies cattle calves bovine cow cows "
    "monkey monkeys macaque macaques primate primates baboon baboons hamster hamsters ferret ferrets zebrafish "
    "animal animals rhesus beagle beagles dawley wistar ewe ewes lamb lambs foal foals bird birds chicken "
    "chickens".split()))
SYSTEMATIC = Gated(SYSTEMATIC, ("systematic", "meta", "pooled", "umbrella"))
REVIEW = Gated(REVIEW, ("review", "overview", "state of the art", "update on", "summari", "we discuss", "we outline",
                        "advances", "concepts", "developments", "and future", "article", "paper", "chapter"))
RANDOM = Gated(RANDOM, ("random", "rct"))
# 'A 35 ... presented' needs no key word: sentences are not pre-checked one by one.
CASE_REPORT = Gated(CASE_REPORT, ("case", "we report", "we describe", "we present", "year-old", "year old"),
                    exact=False)
CASE_SERIES = Gated(CASE_SERIES, ("case", "series", "we report", "we describe", "we present", "this report",
                                  "this describe", "this present"))
RETROSPECTIVE = Gated(RETROSPECTIVE, ("retrospective", "chart", "record", "case notes", "registr", "database",
                                      "claims", "data of", "data from", "data on"))
PROSPECTIVE_OBS = Gated(PROSPECTIVE_OBS, ("observational", "cohort", "cross-sectional", "longitudinal",
                                          "case-control", "survey", "audit", "prospectively", "registry"))
# Arm labels are read case-sensitively ('group II', not 'group i'), apart from the rest of TRIAL.
TRIAL = Gated(TRIAL, ("trial", "blind", "placebo", "control", "cross", "open", "single", "dose", "phase", "pilot", "quasi",
                      "baseline", "n-of-1",
                      "assigned", "allocated", "divided", "group", "received", "compared", "given", "administered", "saline",
                      "treated", "intervention", "study drug"),
              also=re.compile(r"\bgroups? (?:I{1,3}|IV|[A-D1-4])\b"))

HUMAN = Gated(HUMAN, ("patient", "volunteer", "participant", "human", "children", "adult", "men", "infant",
                      "neonate", "parturient", "subject", "person", "people", "individuals", "clinical trial",
                      "case", "clinician", "physician"))
SMALL_N = Gated(SMALL_N, ("patients", "cases", "subjects", "children", "adults", "women", " men", "individuals"))
