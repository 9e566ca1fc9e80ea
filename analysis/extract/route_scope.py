"""How far a route word reaches, where the phrase rules of ``routes.named_routes`` find no drug next to it, and the
dosage forms that show a route (guideline additions rule j) beyond those the route lexicon names.

- A route adjective on a regimen noun ('oral doses', 'repeated oral dosing', 'intravenous administration') with no
  drug after it belongs to the drug its clause is about: the nearest drug named before it ('Elobixibat was well
  tolerated at once-daily oral doses up to 15 mg').
- A route adverb right after a verb of giving reaches every arm the clause then lists ('The patients were treated
  intravenously with 1 and 2 ml of 0.9% NaCl (group C); or 2 ml of ... ramosetron (group R); or ...'), unless the
  sentence names another route for some of them.
- A spray is put on a body surface (``topical``) unless it is a nasal, oral, buccal or sublingual spray; an enema or
  a pessary is given into a body cavity and an inhaler or a nebuliser is breathed in (``other``, as rectal, vaginal
  and inhaled are). The form must be the intervention's: its name stands right before it ('lidocaine 10% spray').

Selected by ``KE_ROUTE_SCOPE`` (``new``; default ``old``: the rules as before) while the check set judges it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from ketamine_evidence.analysis.extract.reader_options import choice
from ketamine_evidence.analysis.extract.regimen_text import Mention, mentions, preceding
from ketamine_evidence.analysis.extract.route_words import _route_matches

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence


def enabled() -> bool:
    """Whether the scope rules are asked (``KE_ROUTE_SCOPE=new``)."""
    return choice("KE_ROUTE_SCOPE", ("old", "new"), "old") == "new"


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
_FORM_GAP = re.compile(r"[\u00ae\u2122]?\s*(?:[\d.,]+\s*(?:%|mg|µg|μg|mcg|g|ml|mL)(?:\s*/\s*\w+)?\s*)?(?:(?!(?:and|or|with|than|versus|vs|plus)\b)[\w\-]+\s+)?$", re.I)


def form_routes(ctx: "Context", sentences: list["Sentence"]) -> dict[str, "Sentence"]:
    """Route -> the first sentence that names the intervention in one of the dosage forms above."""
    chosen: dict[str, "Sentence"] = {}
    for s in sentences:
        for term, form in _FORMS:
            if term in chosen or (term == "topical" and _NASAL.search(s.text)):
                continue
            for m in form.finditer(s.text):
                before = preceding(s.text, m.start(), mentions(s.text, ctx.intervention.pattern))
                if before is not None and before.is_intervention and m.start() - before.end <= 20 \
                        and _FORM_GAP.fullmatch(s.text, before.end, m.start()):
                    chosen[term] = s
                    break
    return chosen
