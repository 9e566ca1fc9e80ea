"""How far a route word reaches where the phrase rules of ``routes.named_routes`` find no drug next to it, and what a
treatment's form or name shows of its route (guideline additions rule j) beyond the words of the route lexicon.

Reach (asked by ``routes.named_routes`` for each route word of a sentence naming the intervention):
- a list of drugs ('1.5 mg/kg of fentanyl and 2 mg/kg of propofol intravenously', 'intrathecal bupivacaine 12.5 mg +
  dexmedetomidine 5 μg', 'ropivacaine-fentanyl') shares the route word that closes or opens it;
- a route adverb right after a verb of giving reaches every arm its clause lists ('The patients were treated
  intravenously with ... (group C); or ... ramosetron (group R); or ...');
- a route phrase after 'administered in / via / by', or right after 'X for (the)', is the clause's drugs' route;
- an adjunct takes the route of the drug it is added to, as an adjuvant does (``route_gaps``);
- a route adjective on a regimen noun with no drug after it belongs to the clause's drug ('X was well tolerated at
  once-daily oral doses').
Forms and names: a spray of the intervention is topical unless nasal, oral, buccal or sublingual; an enema, pessary,
inhaler or nebuliser is ``other``; a tablet or capsule reaches its drug across a stated amount; blocks named by an
abbreviation ('LFCN-block') and injection-site adjectives ('intrauterine', 'submucosal') are ``other``; a treatment
whose own name is a food or a drink is oral.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from ketamine_evidence.analysis.extract.regimen_text import Mention, mentions, preceding
from ketamine_evidence.analysis.extract.route_gaps import added_to_vehicle
from ketamine_evidence.analysis.extract.route_words import _route_matches

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence


# A regimen noun right after the route word, with at most a frequency or count word between ('once-daily oral doses'
# has the frequency before the route word; 'oral single doses', 'intravenous loading dose').
REGIMEN_NOUN = re.compile(r"\s+(?:(?:single|repeated|multiple|daily|loading|maintenance|divided|escalating|fixed|"
                          r"bolus)\s+)?(?:doses?|dosing|administrations?|formulations?|regimens?|route)\b", re.I)
# The regimen is a setting, not the drug's own ('for oral administration of the rescue drug' is caught as a drug after
# it; 'in patients unable to take oral doses' gives no owner): a negation or inability between owner and route word.
_NOT_GIVEN = re.compile(r"\b(?:unable|cannot|could not|not|no|without|instead of|rather than|switch\w*|convert\w*)\b", re.I)


def regimen_owner(text: str, m: re.Match[str], found: Sequence[Mention]) -> bool:
    """Whether the route word ``m`` on a regimen noun, with no drug after it, belongs to the intervention."""
    if REGIMEN_NOUN.match(text, m.end()) is None:
        return False
    before = preceding(text, m.start(), list(found))
    return before is not None and before.is_intervention and not _NOT_GIVEN.search(text, before.end, m.start())


# The verb of giving right before a route adverb, and what opens the list of arms after it.
_GIVING_BEFORE = re.compile(r"\b(?:treated|given|administered|administrated|received|receiving|premedicated|pretreated|"
                            r"injected|infused|dosed)\s+$", re.I)
_LIST_OPENS = re.compile(r"\s*(?:with\b|:)", re.I)
# A later clause that is no longer the arms' list: 'whereas', 'followed by' (the next step may go by another route).
_LIST_ENDS = re.compile(r"\b(?:whereas|while|but|followed by|then|after which)\b", re.I)


def arm_list_scope(text: str, m: re.Match[str], found: Sequence[Mention]) -> bool:
    """Whether the route adverb ``m`` after a verb of giving reaches the intervention among the arms its clause lists."""
    if _GIVING_BEFORE.search(text, max(0, m.start() - 30), m.start()) is None or _LIST_OPENS.match(text, m.end()) is None:
        return False
    if any(other.start() > m.end() for _, other in _route_matches(text)):
        return False  # the sentence gives some arm another route ('... intravenously with X; or orally with Y')
    end = _LIST_ENDS.search(text, m.end())
    stop = end.start() if end is not None else len(text)
    return any(d.is_intervention and m.end() <= d.start < stop for d in found)


_FORMS = (("topical", re.compile(r"(?<!nasal )(?<!nose )(?<!oral )(?<!buccal )(?<!sublingual )(?<!oromucosal )"
                                 r"\bsprays?\b", re.I)),
          ("other", re.compile(r"\b(?:enemas?|pessar(?:y|ies)|inhalers?|nebuli[sz]ers?)\b", re.I)))
_NASAL = re.compile(r"\b(?:intra-?nasal\w*|nasal\w*|nostrils?|nose)\b", re.I)
# What may stand between the drug and its form: a strength and one word ('lidocaine 10% throat spray').
_FORM_GAP = re.compile(r"[\u00ae\u2122]?\s*(?:[\d.,]+\s*(?:%|mg|µg|μg|mcg|g|ml|mL)(?:\s*/\s*\w+)?\s*)?"
                       r"(?:(?!(?:and|or|with|than|versus|vs|plus)\b)[\w\-]+\s+)?$", re.I)


def form_routes(ctx: "Context", sentences: list["Sentence"]) -> dict[str, "Sentence"]:
    """Route -> the first sentence that names the intervention in one of the dosage forms above."""
    chosen: dict[str, "Sentence"] = {}
    for s in sentences:
        for term, form in _FORMS:
            if term in chosen or (term == "topical" and _NASAL.search(s.text)):
                continue
            for m in form.finditer(s.text):
                found = mentions(s.text, ctx.intervention.pattern)
                before = preceding(s.text, m.start(), found)
                if any(d.is_intervention and d.start <= m.start() and m.end() <= d.end for d in found) or (
                        before is not None and before.is_intervention and m.start() - before.end <= 20
                        and _FORM_GAP.fullmatch(s.text, before.end, m.start())):  # 'lidocaine spray', 'lidocaine 10% spray'
                    chosen[term] = s
                    break
    return chosen


# A dosage form reaches its drug across a stated amount: 'capsules containing 500 mg of X', 'tablets of 50 mg X'
# (form before the drug), 'X (500 mg tablets)', 'X was given as 300 mg tablets', 'X was administered in capsule form'
# (form after it).
_AMOUNT = r"[\d.,]+\s*(?:mg|g|µg|μg|mcg|IU|IE|ml|mL)\S*"
FORM_TO_DRUG = re.compile(rf"\s*(?:(?:containing|of|with)\s+)?(?:(?:each|an?)\s+)?{_AMOUNT}\s+(?:of\s+)?$", re.I)
DRUG_TO_FORM = re.compile(rf"\s*[\u00ae\u2122]?\s*(?:\(\s*|,\s*)?(?:(?:was|were|is|are)\s+(?:given|administered|taken|provided|"
                          rf"supplied|dispensed|prescribed)\s+(?:as|in)\s+(?:an?\s+|the\s+)?)?(?:(?:{_AMOUNT})\s*)?"
                          r"(?:(?:film-coated|coated|chewable|effervescent|soft|hard|gelatin|enteric-coated|oral)\s+)?$", re.I)


# --- a route word's reach over a list of drugs ------------------------------------------------------------------------
_DOSE_TEXT = r"[\d.,]+\s*(?:%|mg|µg|μg|mcg|g|ml|mL|IU|units?)\S*"
# What may separate two drugs of one list: a dose, a bracket, an arm ('in group M'), a comma, 'and', 'or', '+'.
_LIST_GAP = re.compile(rf"\s*(?:{_DOSE_TEXT}\s*)*(?:\([^()]*\)\s*)?(?:in\s+group\s+\S+\s*)?(?:\([^()]*\)\s*)?,?\s*"
                       rf"(?:(?:and|or|and/or)\s+|\+\s*)?(?:{_DOSE_TEXT}\s*(?:of\s+)?)*$|[\-\u2013/]", re.I)  # 'ropivacaine-fentanyl'


def listed_before(text: str, last: Mention, found: Sequence[Mention]) -> list[Mention]:
    """``last`` and the drugs listed before it ('1.5 mg/kg of fentanyl and 2 mg/kg of propofol')."""
    out = [last]
    for d in reversed([d for d in found if d.end <= last.start]):
        if not _LIST_GAP.fullmatch(text, d.end, out[-1].start):
            break
        out.append(d)
    return out


def listed_after(text: str, first: Mention, found: Sequence[Mention]) -> list[Mention]:
    """``first`` and the drugs listed after it ('5ml lignocaine 2% +3 ml bupivacaine 0.5%')."""
    out = [first]
    for d in [d for d in found if d.start >= first.end]:
        if not _LIST_GAP.fullmatch(text, out[-1].end, d.start):
            break
        out.append(d)
    return out


# A singular verb between a list and its route adverb gives the adverb to the last drug only ('received X, and Y was
# given intravenously'); a plural one or none gives it to the list ('X and Y were administered intravenously').
_SINGULAR = re.compile(r"\b(?:was|is|has been)\b", re.I)


def adverb_list(text: str, m: re.Match[str], before: Mention, found: Sequence[Mention]) -> list[Mention]:
    """The drugs a route adverb after ``before`` reaches: the list ``before`` closes, unless a singular verb stands
    between them."""
    if _SINGULAR.search(text, before.end, m.start()):
        return [before]
    return listed_before(text, before, found)


# 'X was administered in axillary plexus block', 'given via the epidural catheter', 'injected by the intrathecal route',
# 'X (0.25%) for the TAP block': the route phrase after a verb of giving, or after 'for' right behind the drug, is the
# route of the clause's drugs. Not after 'during': 'X or saline was given during spinal anaesthesia' is its setting.
# A word of the route phrase, not a preposition or conjunction that opens another phrase ('for sedation during spinal
# anaesthesia' gives no route to the sedative).
_WORD = r"(?!(?:during|under|in|of|with|for|and|or|after|before|to|on|at|by)\b)[\w\-/]+"
_GIVEN_VIA = re.compile(r"\b(?:administ\w+|given|injected|infused|delivered|applied|instilled|used|performed)\s+"
                        r"(?:\w+ly\s+)?(?:in|into|via|through|by|for|as|with)\s+(?:the\s+|a\s+|an\s+|each\s+|both\s+)?"
                        rf"(?:{_WORD}\s+){{0,3}}$", re.I)
_FOR_ROUTE = re.compile(rf"\s*(?:\([^()]*\)\s*)?(?:solution\s+)?(?:with\s+[\w\-/,.:]+\s+)?for\s+(?:the\s+|a\s+|an\s+)?(?:{_WORD}\s+){{0,2}}$",
                        re.I)


def via_owner(text: str, m: re.Match[str], found: Sequence[Mention]) -> bool:
    """Whether the route phrase ``m`` after 'administered in / via / by ...' or 'X for the ...' is the intervention's."""
    before = preceding(text, m.start(), list(found))
    if before is None:
        return False
    given = _GIVEN_VIA.search(text, before.end, m.start())
    if given is None and not _FOR_ROUTE.fullmatch(text, before.end, m.start()):
        return False
    if given is not None and any(d.start >= before.end and d.end <= m.start() for d in found):
        return False
    return any(d.is_intervention for d in listed_before(text, before, found))


# Blocks named by an abbreviation ('LFCN-block', 'SSNB block', 'II/IH block'): a regional block, route ``other`` like
# the named blocks of the route lexicon.
_ABBREVIATED_BLOCK = re.compile(r"\b[A-Z][A-Za-z]{0,5}[A-Z](?:/[A-Z]{1,5})?[- ]blocks?\b")


def block_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """(``other``, match) for each block named by an abbreviation in ``text``."""
    if "block" not in text.lower():
        return []
    return [("other", m) for m in _ABBREVIATED_BLOCK.finditer(text) if not m.group(0).startswith(("AV", "SA", "LBB", "RBB"))]


# --- what a treatment is --------------------------------------------------------------------------------------------------
# Where an injection or instillation puts a drug, named by the adjective of its site (general anatomical vocabulary,
# as intra-articular and perineural in the route lexicon): a tendon, ligament, capsule, the uterus, cervix, prostate,
# rectum, a tooth's canal or pulp, the gum or the mucosa is route ``other``.
_SITE_WORDS = re.compile(r"\b(?:intra-?uterine|intra-?cervical(?:ly)?|intra-?prostatic|intra-?tendinous|peri-?tendinous|"
                         r"intra-?ligament(?:ary|ous)|intra-?capsular(?:ly)?|intra-?cavernos(?:al|ous)(?:ly)?|"
                         r"intra-?tumou?ral(?:ly)?|intra-?rectal(?:ly)?|intra-?canal|intra-?pulpal|intra-?synovial|"
                         r"peri-?prostatic|peri-?lesional(?:ly)?|sub-?mucos(?:al|ally)|submucous|sub-?gingival(?:ly)?|"
                         r"intra-?gingival|intra-?alveolar|intra-?septal)\b", re.I)


# A catheter or infusion named by the body site it lies at ('continuous presternal bupivacaine infusion through a
# single catheter', 'preperitoneal catheter', 'subfascial infusion'): a positional prefix, a stem and an adjective
# ending, before a catheter, infusion, perfusion or instillation within two words. The drug flows into that site,
# not into a vein (route ``other``); a vein, an artery or a word of time or kind ('peripheral', 'presurgical',
# 'periprocedural') is no such site.
_SITE_CATHETER = re.compile(r"\b(?:pre|para|peri|retro|supra|infra|sub|inter)-?(?!(?:pheral|surgic|clinic|procedur|operat|"
                            r"natal|nation|optim|tot|vascul|arteri|venul|dur|arachn)\w*\b)[a-z]{4,}(?:al|ar|ic)\b"
                            r"(?=(?:\s+[\w-]+){0,2}?\s+(?:catheters?|infusions?|perfusions?|instillations?)\b)", re.I)


def _names_catheter(low: str) -> bool:
    """A lower-cased text holds a word every ``_SITE_CATHETER`` match needs after it (a cheap pre-check)."""
    return "cathet" in low or "fusion" in low or "instill" in low


def site_catheter_routes(sentences: list["Sentence"], pattern: re.Pattern[str]) -> dict[str, "Sentence"]:
    """{'other': sentence} for the first sentence where a site-named catheter or infusion carries the intervention:
    the first drug named after the site word is the intervention ('A presternal catheter was inserted with continuous
    infusion of 5 mL/h bupivacaine 0.25%')."""
    for s in sentences:
        if not _names_catheter(s.text.lower()):
            continue
        for m in _SITE_CATHETER.finditer(s.text):
            later = [d for d in mentions(s.text, pattern) if d.start >= m.end()]
            if later and later[0].is_intervention:
                return {"other": s}
    return {}


def site_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """(``other``, match) for each injection-site adjective in ``text`` and each site that names a catheter or an
    infusion."""
    low = text.lower()
    out = []
    if "intra" in low or "peri" in low or "sub" in low:
        out = [("other", m) for m in _SITE_WORDS.finditer(text)]
    if _names_catheter(low):
        out += [("other", m) for m in _SITE_CATHETER.finditer(text)]
    return out


# Food and drink are taken by mouth (additions rule j: 'food or diet'; rule ad): a treatment whose own name is a food or
# a drink ('cherry juice', 'ginger tea', 'honey') is oral, unless its name puts it on the skin or in the mouth as a rinse.
_FOOD = re.compile(r"\b(?:juices?|teas?(?!\s+tree)|honey|milk|coffee|cocoa|chocolate|soups?|broth|beverages?|drinks?|"
                   r"smoothies?|yog(?:h)?urts?|kefir|porridge)\b", re.I)
_NOT_SWALLOWED = re.compile(r"\b(?:dressings?|gels?|creams?|ointments?|lotions?|patch(?:es)?|mouth ?wash\w*|rinses?|gargles?|"
                            r"applied|topical\w*|compress\w*|massage|inhal\w*|aroma\w*|bath\w*|spray\w*|drops)\b", re.I)


def food_route(name: str) -> set[str]:
    """{'oral'} when the treatment's name is a food or a drink, else empty."""
    if _FOOD.search(name) and not _NOT_SWALLOWED.search(name):
        return {"oral"}
    return set()


# An adjuvant named as an adjunct, or its addition stated with a dose ('buprenorphine as an adjunct with plain local
# anesthetic solution in supraclavicular brachial plexus block', 'Addition of 3 μg/kg buprenorphine to 0.5%
# bupivacaine for supraclavicular brachial plexus block'), takes the route of the drug it is added to, as
# ``route_gaps.adjuvant_of_vehicle`` reads 'as an adjuvant to' and 'Addition of X to'.
_ADJUNCT_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:is|was|were)\s+)?(?P<how>as\s+(?:an?\s+)?adjuncts?\s+)?(?:to|with|into)\s+"
                          r"(?:(?:the|a|an)\s+)?(?:[\w.%\-]+\s+){0,8}", re.I)
_ADDED_WITH_DOSE = re.compile(rf"\b(?:addition|adding|admixture)\s+of\s+(?:{_DOSE_TEXT}\s+(?:of\s+)?)$", re.I)


def adjunct_of_vehicle(text: str, m: re.Match[str], own: Sequence[Mention]) -> bool:
    """Whether the route word ``m`` belongs to the drug that the intervention (one of ``own``) is an adjunct to."""
    return added_to_vehicle(text, m, own, _ADJUNCT_GAP, _ADDED_WITH_DOSE, 30)
