"""Routes, round 8 (xev): the setting all patients are operated under is a co-intervention, whose local route does
not rule out the intervention's implied vein. Sentences from batch 6 dev PMC4787139 (gold ``["intravenous"]``)."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import make_context, routes
from ketamine_evidence.analysis.records import Article, Section

_TITLE = ("Comparative evaluation of two different loading doses of dexmedetomidine with midazolam-fentanyl for "
          "sedation in vitreoretinal surgery under peribulbar anaesthesia")
_METHODS = ("In a prospective study, 60 patients aged 50-70 years, scheduled for retinal surgery under peribulbar block "
            "were divided equally to receive either MDZ:FEN or dexmedetomidine 0.5 μg/kg (DEX full) or dexmedetomidine "
            "0.25 μg/kg (DEX half) loading dose over 10 min followed by titrated maintenance dose of 0.25-0.4 μg/kg/h.")
_NAME = "dexmedetomidine full or half loading dose with maintenance infusion for sedation (vs midazolam-fentanyl)"


def _routes(methods: str) -> list[str]:
    article = Article(pmid="1", pmcid=None, doi=None, title=_TITLE, abstract=[Section("Methods", "METHODS", methods)])
    return [f.value for f in routes.extract(make_context(article, _NAME))]


def test_a_rate_per_kg_and_hour_is_intravenous_though_the_operation_is_done_under_a_block():
    assert _routes(_METHODS) == ["intravenous"]


def test_a_block_that_is_not_the_setting_still_rules_the_vein_out():
    # the same sentence with the block given as the drug's own route ('by peribulbar block') names a local route
    assert _routes(_METHODS.replace("under peribulbar block were", "were")
                   .replace("loading dose over 10 min", "loading dose by peribulbar block over 10 min")) == []


_MOLAR_TITLE = ("Comparison of the efficacy and safety of 2% lidocaine HCl with different epinephrine concentration for local "
                "anesthesia in participants undergoing surgical extraction of impacted mandibular third molars")
_MOLAR = ("Sixty-five healthy participants underwent surgical extraction of bilateral impacted mandibular third molars in 2 "
          "separate visits while under local anesthesia with 2% lidocaine with different epinephrine concentration "
          "(1:80,000 or 1:200,000) in a double-blind, randomized, crossover trial.")


def _named(sentence: str, intervention: str) -> list[str]:
    article = Article(pmid="1", pmcid=None, doi=None, title=_MOLAR_TITLE, abstract=[Section("Methods", "METHODS", sentence)])
    return [f.value for f in routes.extract(make_context(article, intervention))]


def test_local_anaesthesia_with_the_intervention_is_a_local_route():
    # batch 6 PMC5457851 (gold ["other"]): 'local anesthesia with 2% lidocaine' names the drug's route (local injection)
    assert _named(_MOLAR, "2% lidocaine with 1:80,000 epinephrine (vs 1:200,000) for third molar extraction") == ["other"]
    # local anaesthesia with another drug is the setting of a trial of something else
    assert _named(_MOLAR.replace("with 2% lidocaine with different epinephrine concentration", "with articaine")
                  + " Participants took ibuprofen tablets or placebo tablets after surgery.", "ibuprofen") == ["oral"]
