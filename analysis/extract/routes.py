"""Extractor: routes by which the intervention was given (guideline ``routes``), from ``lexicons/routes.toml``.

A route word counts when it belongs to the intervention: an adjective before it in the same phrase ('intravenous
ketamine', 'IV 0.3 mg/kg ketamine'), an adverb after it in the same clause ('ketamine ... was injected
intravenously'), or a word inside the intervention's own name ('intracutaneous sterile water injection'). A route word
naming a device of a co-medication ('IV-PCA fentanyl') does not. A drug 'applied to' the skin is topical; an
apposition names the route too ('droxidopa, an oral norepinephrine precursor'); a diet supplement or decoction is oral
(guideline additions, rule j). With no route named, one is implied beyond doubt where the guideline says so: an
infusion, a bolus, a rate per kg and time, a target plasma level, PCA with the intervention, an injection at induction
of anaesthesia, or a per-kg dose whose sentence speaks of induction, pretreatment, premedication or intubation, is
``intravenous`` (never where a block, infiltration or other local route is named). Non-drug interventions have no
route. A route the intervention's name gives its comparator ('oral X (vs intravenous X)') is dropped; other routes of
the drug stay (additions rule ak). How far a route word reaches beyond its phrase (a list of drugs, the arms a clause
lists, 'administered in ...'), dosage forms and food names are read in ``route_scope``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract import route_reader, route_scope
from ketamine_evidence.analysis.extract.intervention_names import combination_parts
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.extract.route_gaps import adjuvant_of_vehicle, regimen_next
from ketamine_evidence.analysis.extract.route_sites import (ORAL_FORM, PHRASE_BREAK as _PHRASE_BREAK, implied_oral,
                                                             ingested_routes, inhaled_routes, injected_routes)
from ketamine_evidence.analysis.extract.regimen_text import coordinated, drug_list, mentions, next_drug, preceding
from ketamine_evidence.analysis.records import ROUTES, Finding
from ketamine_evidence.analysis.extract.route_words import _SHORT_FORM, _route_matches, other_abbreviations

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "routes"
VERSION = "1.0"

_DEVICE_AFTER = re.compile(r"[\s\-]*(?:pca|patient[- ]controlled|line|cannula|catheter|access|fluids?|"
                           r"port|surg\w*|cavity|mucos\w*|hygiene|health|lesions?|procedures?|"
                           r"mucositis|glucose tolerance|intake|contraceptives?)\b", re.I)
# Dosage forms named after the drug ('lidocaine 5% patch', 'diclofenac gel'): the drug must be right before.
_FORM = re.compile(r"^(?:patch(?:es)?|cream|gel|ointment|lotions?|plasters?|mouth ?wash(?:es)?|gargles?|eye ?drops)$", re.I)
# The intervention described by an apposition that names its route: 'droxidopa, an oral norepinephrine
# precursor', 'Tofacitinib is an oral Janus kinase inhibitor'.
_APPOSITION = re.compile(r"[\u00ae\u2122]?(?:\s*,\s*|\s+(?:is|was)\s+)(?:an?|the)\s+", re.I)
_ALL_BEFORE = re.compile(r"\b(?:both|all|each)\s*$", re.I)
_ADVERB = re.compile(r"ly$|^(?:i\.v|i\.m|s\.c|p\.o|i\.n)\.?$|^(?:iv|im|sc|po|by mouth|per os|by vein)$|^(?:applied|rubbed|massaged|"
                     r"spread|painted|sprayed)\b", re.I)  # route words that follow the drug they belong to
# Split in two so each is gated ('implied' = either matches): a rate per kg and time, a plasma level or a
# concentration in ng/ml holds a digit; the other wordings hold one of their key words.
_IMPLIED_IV_DOSE = re.compile(
    r"\d\s?(?:mg|µg|μg|mcg|γ|ug)\s?(?:/|\.|\u00b7|\s)\s?kg\S*?\s?(?:/|\.|\u00b7|\s)\s?(?:h|hr|min)\b|"
    r"\b(?:plasma|serum|blood) (?:level|concentration) of \d|\d\s?ng\s?/?\s?ml\b|\d\s?ng ml", re.I)
_IMPLIED_IV_WORDS = re.compile(
    r"\binfus\w*|\bbolus\w*|\bCRI\b|\btarget[- ]controlled|\btarget (?:plasma|serum|blood|effect[- ]site) "
    r"(?:level|concentration)|\b(?:at|during|before|after|following|on) (?:the )?(?:an(?:a)?esthe\w* )?induction|"
    r"\bco-?induction|\binduction (?:of (?:general )?an(?:a)?esthesia|agent)|\bfor (?:the )?induction(?! of labou?r)|"
    r"\brapid[- ]sequence (?:induction|intubation)|\bslow(?:ly)? (?:injection|push)|\binjected slowly|"
    # rule ao: given in a named infusion fluid ('in 500 cc Ringer lactate', 'in 500 cc serum'), not a bare '2% lidocaine'
    r"\bin (?:\d+\s?(?:cc|ml|mL|L)\s+(?:of\s+)?(?:(?:normal|physiological|isotonic)\s+)?(?:saline|serum|dextrose)|"
    r"(?:\d+\s?(?:cc|ml|mL|L)\s+(?:of\s+)?)?(?:lactated\s+)?Ringer)",
    re.I)
_NOT_IV = re.compile(r"infiltrat\w*|nerve block|\bblock\b|\bintra-?(?:nasal|muscular|thecal|articular|discal|dermal|"
                     r"cutaneous|peritoneal|vesical|osseous|oral|lesional)\w*|\blocal(?:ly)?\b|subcutaneous|"
                     r"epidural|caudal|topical|\bIANB\b", re.I)
PCA = re.compile(r"\bPCA\b|\bpatient[- ]controlled (?:intravenous )?analgesia\b", re.I)
_PCA_CONTENTS = re.compile(r"\s*(?:\([A-Z\-]+\)\s*)?(?:with|containing|of|using|consisting of)\b", re.I)
# A per-kg dose is an intravenous injection only where its sentence gives it around induction of
# anaesthesia ('pretreatment ... before injection of rocuronium', 'at intubation'); a per-kg dose in a
# surgical trial without such wording ('1 mg/kg ketorolac') may be intramuscular or oral.
INDUCTION = re.compile(r"\binduction\b|\bintubat\w*|\bpre-?treat\w*|\bpremedicat\w*", re.I)
PER_KG = re.compile(r"\d\s?(?:mg|µg|μg|mcg)\s?(?:/|\.|\u00b7|\s|per\s)\s?kg(?!\s?(?:/|per\s)\s?d)", re.I)


def named_routes(ctx: "Context", s: "Sentence") -> list[str]:
    """Routes the sentence names for the intervention."""
    text = s.text
    # the lexicon's route words, blocks named by an abbreviation ('LFCN-block') and injection sites ('intrauterine')
    matches = [*_route_matches(text), *route_scope.block_matches(text), *route_scope.site_matches(text)]
    if not matches:
        return []  # most sentences: their drug mentions are not needed (nor found here)
    found = mentions(text, ctx.intervention.pattern)
    own = [m for m in found if m.is_intervention]
    routes = []
    defined = other_abbreviations(ctx.text)
    for term, m in matches:
        if defined and m.group(0) in defined:
            continue  # 'SC' for 'single cartridge'
        if any((o.start <= m.start() and m.end() <= o.end and not _NAME_TIMING.search(text, o.start, m.start()))
               or (m.start() <= o.start and o.end <= m.end()) for o in own):
            routes.append(term)  # part of the intervention's name (not its timing: 'X before spinal anaesthesia')
            continue
        if adjuvant_of_vehicle(text, m, own) or route_scope.adjunct_of_vehicle(text, m, own):
            routes.append(term)  # 'dexmedetomidine as an adjuvant to ropivacaine in ... plexus block'
            continue
        if _DEVICE_AFTER.match(text, m.end()):
            continue
        word = m.group(0)
        if _FORM.match(word):
            before = preceding(text, m.start(), found)
            if before is not None and before.is_intervention and m.start() - before.end <= 15:
                routes.append(term)
            continue
        if _ADVERB.search(word):
            before = preceding(text, m.start(), found)
            after = next_drug(text, m.end(), found, limit=25) or regimen_next(text, m.end(), found)
            if _ALL_BEFORE.search(text, 0, m.start()):  # 'received either X or Y ... both IM'
                who_all = [d for d in found if d.start < m.start()]
            elif after is not None and after.start - m.end() <= 25:
                # 'to receive intravenously placebo (saline), lidocaine (20 mg), ketorolac (10 mg), or both'
                who_all = drug_list(text, after, found)
            elif before is None:  # 'premedicated intravenously with saline, fentanyl or ketamine'
                who_all = drug_list(text, after, found) if after is not None else []
            else:
                who_all = route_scope.adverb_list(text, m, before, found)  # 'X and Y intravenously'
                if before.is_control:  # 'duloxetine or placebo was given orally'
                    earlier = preceding(text, before.start, found)
                    if earlier is not None and earlier.is_intervention:
                        who_all.append(earlier)
            if any(d.is_intervention for d in who_all) or route_scope.arm_list_scope(text, m, found):
                routes.append(term)
            continue
        before = preceding(text, m.start(), found)
        if before is not None and before.is_intervention and _APPOSITION.fullmatch(text, before.end, m.start()):
            routes.append(term)  # 'droxidopa, an oral norepinephrine precursor'
            continue
        who = next_drug(text, m.end(), found) or regimen_next(text, m.end(), found)
        if who is not None and not who.is_intervention:
            who = coordinated(text, who, found) or who  # 'caudal dexamethasone and magnesium'
            if not who.is_intervention:  # '5ml lignocaine 2% +3 ml bupivacaine 0.5%'
                who = next((d for d in route_scope.listed_after(text, who, found) if d.is_intervention), who)
        if who is None:  # 'tapentadol 50 mg oral'; not 'magnesium infusion on thoracic epidural analgesia'
            who = preceding(text, m.start(), found)
            if who is not None and (m.start() - who.end > 30 or _PHRASE_BREAK.search(text, who.end, m.start())
                                    or _PREPOSITION.search(text, who.end, m.start())):
                who = None
        if who is None:  # 'an oral adenovirus serotype 4 vector vaccine candidate (Ad4-H5-Vtn)'
            who = next((d for d in own if _NAMED_IN_BRACKETS.fullmatch(text, m.end(), d.start)), None)
        if (who is not None and who.is_intervention) or (who is None and (
                route_scope.regimen_owner(text, m, found) or route_scope.via_owner(text, m, found))):
            routes.append(term)
    return routes


_PREPOSITION = re.compile(r"\b(?:on|for|during|after|before|under|of|to)\b", re.I)
_NAMED_IN_BRACKETS = re.compile(r"(?:[\s,]+[\w\-]+){1,8}\s*\(", re.I)


# The vehicle a treatment's own name gives its substance in: a supplement is swallowed (rule j: 'combined training
# with vitamin D supplement'); a dressing, or an oil, cream or gel put on by massage, is on the skin or mucosa
# (rules p, an: 'propolis extract added to Coe-Pak periodontal dressing').
_SKIN_VEHICLE = re.compile(r"\b(?:dressings?|massage\b.*\b(?:oils?|creams?|gels?|lotions?)|(?:oils?|creams?|gels?|lotions?)\b"
                           r".*\bmassage)\b", re.I)


def vehicle_routes(name: str) -> set[str]:
    """Routes implied by the vehicle that the intervention's name carries its substance in (none when the name
    names a route itself: 'inhaled lavender oil')."""
    if _route_matches(name):
        return set()
    return {term for term, rx in (("oral", ORAL_FORM), ("topical", _SKIN_VEHICLE)) if rx.search(name)} \
        or route_scope.food_route(name)


def extract(ctx: "Context") -> list[Finding]:
    """The rules' routes, read again by the learned model where ``KE_ROUTE_READER`` asks (``route_reader``)."""
    return route_reader.read(ctx, _rules(ctx), NAME, VERSION)


def _rules(ctx: "Context") -> list[Finding]:
    sentences = ctx.intervention_sentences()
    vehicle = vehicle_routes(_COMPARATOR_REMARK.sub(" ", ctx.intervention.given_name or ctx.intervention.name))
    if not ctx.intervention.is_drug or not sentences:  # a procedure that carries a substance (rules j, an)
        evidence = sentences[0] if sentences else ctx.sentences[0] if ctx.sentences else None
        return [Finding(NAME, term, ctx.evidence(evidence, NAME, VERSION), ctx.intervention.name)
                for term in sorted(vehicle)] if evidence is not None else []
    chosen: dict[str, "Sentence"] = {}
    for s in sentences:
        for term in named_routes(ctx, s):
            chosen.setdefault(term, s)
    for part in combination_parts(ctx.intervention.given_name or ctx.intervention.name):
        # each drug of a combination brings its own route ('dexamethasone (... 4 mg IV) and diclofenac K (50 mg Oral')
        part_ctx = replace(ctx, intervention=resolve_intervention(part), _intervention_sentences=None)
        for s in part_ctx.intervention_sentences():
            for term in named_routes(part_ctx, s):
                chosen.setdefault(term, s)
    oral = implied_oral(ctx, sentences)  # a dosage form of the intervention is wording of its route
    if oral is not None:
        chosen.setdefault("oral", oral)
    for term, s in route_scope.form_routes(ctx, sentences).items():  # a spray, enema, pessary or inhaler of it
        chosen.setdefault(term, s)
    if not chosen:  # a route stated for every arm; else the target the intervention is injected into, or its carrier gas
        chosen = _every_arms_route(ctx) or injected_routes(ctx, sentences) or inhaled_routes(ctx, sentences)
    if not chosen:  # a catheter at a named body site that carries it: that site, not a vein ('presternal catheter')
        chosen = route_scope.site_catheter_routes(sentences, ctx.intervention.pattern)
    if not chosen:
        implied = _implied_intravenous(ctx, sentences)
        if implied is not None:
            chosen["intravenous"] = implied
    if not chosen:  # drinking or being fed what the arms are given (rule j); else the vehicle the name states
        chosen = ingested_routes(ctx) or {term: sentences[0] for term in vehicle}
    stated, theirs = name_routes(ctx.intervention.given_name or ctx.intervention.name)
    if stated and not chosen:  # the route the intervention's own name states ('oral paracetamol 1 g')
        chosen = {term: sentences[0] for term in stated}
    if stated and stated & set(chosen):  # 'oral X (vs intravenous X)': the comparator's route is dropped; one the
        chosen = {term: sent for term, sent in chosen.items() if term not in theirs}  # name gives it not stays (ak)
    order = {r: i for i, r in enumerate(ROUTES)}
    return [Finding(NAME, term, ctx.evidence(s, NAME, VERSION), ctx.intervention.name)
            for term, s in sorted(chosen.items(), key=lambda kv: order[kv[0]])]


def name_routes(name: str) -> tuple[set[str], set[str]]:
    """Routes the intervention's own name states ('intralesional triamcinolone' -> other), and those it gives a
    comparator ('(vs iv dexamethasone or ropivacaine alone)'; a name may be lower-cased: short forms in any case).
    A route word of the name's setting is not the intervention's: the time of another procedure ('before spinal
    anaesthesia', 'after subacromial decompression'), a site or device ('for painful oral cavity sites'), or, once the
    head names a route, what it is an adjunct to ('intravenous magnesium ... adjunct to thoracic epidural analgesia');
    with no route in the head the setting may give it ('ketorolac added to lidocaine for intravenous regional
    anaesthesia')."""
    name_only = _NAME_TIMING.sub(" ", _COMPARATOR_REMARK.sub(" ", name))
    own = {term for term, m in _route_matches(name_only) if not _FORM.match(m.group(0))
           and not _DEVICE_AFTER.match(name_only, m.end())}
    head = _NAME_SETTING.sub(" ", name_only)
    if own and head != name_only:
        own = {term for term, m in _route_matches(head) if not _FORM.match(m.group(0))} or own
    return own, {term for m in _COMPARATOR_REMARK.finditer(name)
                 for term, _ in _route_matches(_SHORT_FORM.sub(lambda w: w[0].upper(), m.group(0)))} - own


_NAME_TIMING = re.compile(r"\s(?:before|after|during|following|prior to)\s.*", re.I)
_NAME_SETTING = re.compile(r"\s(?:for|in|under|adjunct to|as (?:an? )?(?:adjuvant|adjunct) to|added to|in addition to)\s.*$",
                           re.I)
_COMPARATOR_REMARK = re.compile(r"\((?:vs\.?|versus|compared)\b[^()]*\)|\b(?:vs\.?|versus)\s.*$", re.I)


def _implied_intravenous(ctx: "Context", sentences: list["Sentence"]) -> "Sentence | None":
    """The sentence that implies an intravenous route beyond doubt, if any."""
    if any(_local_route_of_intervention(ctx, s) for s in sentences):
        return None
    sentences = [s for s in sentences if not _NOT_IV.search(_UNDER_SETTING.sub(" ", s.text))]
    for s in sentences:  # 'ketamine PCA', 'PCA containing morphine and ketamine'
        found = mentions(s.text, ctx.intervention.pattern)
        for m in PCA.finditer(s.text):
            before = preceding(s.text, m.start(), found)
            if before is not None and before.is_intervention and m.start() - before.end <= 30 \
                    and not _PHRASE_BREAK.search(s.text, before.end, m.start()):
                return s
            contents = _PCA_CONTENTS.match(s.text, m.end())
            if contents is not None:
                clause_end = min((i for i in (s.text.find(";", m.end()), s.text.find(".", m.end())) if i >= 0),
                                 default=len(s.text))
                if any(d.is_intervention and m.end() <= d.start <= min(clause_end, m.end() + 60) for d in found):
                    return s
    for s in sentences:
        if _IMPLIED_IV_DOSE.search(s.text) or _IMPLIED_IV_WORDS.search(s.text):
            return s
    for s in sentences:  # 'pretreatment drugs (... Group K, ketamine 0.5 mg/kg ...)'
        if PER_KG.search(s.text) and INDUCTION.search(s.text):
            return s
    return None


# The setting every patient is operated under ('scheduled for retinal surgery under peribulbar block', batch 6
# PMC4787139) is a co-intervention: its local route does not rule out that the intervention went into a vein.
_UNDER_SETTING = re.compile(r"\bunder\s+(?:(?:general|local|regional|spinal|peribulbar|retrobulbar|sub-tenon|topical|"
                            r"combined|[\w-]+al)\s+){1,3}(?:an(?:a)?esthesia|blocks?|anesthetic|anaesthetic)\b", re.I)


def _local_route_of_intervention(ctx: "Context", s: "Sentence") -> bool:
    """A local route word (block, infiltration, epidural...) that belongs to the intervention in ``s``; one that
    belongs to a co-intervention ('fentanyl along with LA field infiltration') does not rule out a vein."""
    if not _NOT_IV.search(s.text):
        return False
    text = s.text
    found = mentions(text, ctx.intervention.pattern)
    for m in _NOT_IV.finditer(text):
        if any(d.is_intervention and d.start <= m.start() and m.end() <= d.end for d in found):
            return True
        who = next_drug(text, m.end(), found) or regimen_next(text, m.end(), found)
        if who is None:
            who = preceding(text, m.start(), found)
            if who is not None and (m.start() - who.end > 40 or _PHRASE_BREAK.search(text, who.end, m.start())):
                who = None
        if who is not None and who.is_intervention:
            return True
    return False


# A route stated for every arm at once is the intervention's route too ('Each group was administrated
# intravenously during induction'), and so is the dosage form of a regimen sentence that names no drug but
# a control ('Two capsules/day were supplied ... (supplementation/placebo: 65/61)', 'Subjects instilled a
# drop three times a day', 'They applied a 12 cm layer of cream three times daily').
_EVERY_ARM = re.compile(r"\b(?:each|both|all|the two|the three|either|the|\w+ types of) (?:(?:study|test|trial) )?"
                        r"(?:groups?|arms?|solutions?|drugs?|medications?|treatments?|products?)\b", re.I)
_CLAUSE_END = re.compile(r"[;:]|\b(?:whereas|while|but)\b")
_FREQUENCY = re.compile(r"\b(?:daily|a day|per day|times|once|twice|every)\b|/\s?day\b", re.I)
# A dose timed to meals is swallowed ('twice daily after a meal', 'with food'): a form of taking it by mouth (rule j).
REGIMEN_FORMS = (("oral", re.compile(r"\b(?:capsules?|tablets?|pills?|lozenges?)\b|\b(?:after|before|with|following)\s+"
                                     r"(?:a\s+|each\s+|the\s+|their\s+|every\s+)?(?:meals?|breakfast|food)\b", re.I)),
                 ("topical", re.compile(r"\binstill\w* (?:a |one |two )?drops?\b|\bapplied (?:a |an |the )?[^.;]{0,30}"
                                        r"\b(?:cream|gel|ointment|patch)", re.I)))


def _every_arms_route(ctx: "Context") -> dict[str, "Sentence"]:
    chosen: dict[str, "Sentence"] = {}
    for s in ctx.sentences:
        text = s.text
        found = None
        for arms in _EVERY_ARM.finditer(text):
            found = found if found is not None else mentions(text, ctx.intervention.pattern)
            for term, m in _route_matches(text):
                if arms.end() <= m.start() <= arms.end() + 60 and _ADVERB.search(m.group(0)) \
                        and not any(arms.end() <= d.start < m.start() for d in found) \
                        and not _CLAUSE_END.search(text[arms.end():m.start()]):
                    chosen.setdefault(term, s)
        if not _FREQUENCY.search(text):
            continue
        for term, form in REGIMEN_FORMS:
            if form.search(text) and all(d.is_control for d in mentions(text, ctx.intervention.pattern)):
                chosen.setdefault(term, s)
    return chosen
