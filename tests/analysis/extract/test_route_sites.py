"""Routes from the target an injection puts the intervention into (sentences from the full texts of dev articles)."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.analysis.extract import make_context, routes
from ketamine_evidence.analysis.extract.regimen_text import mentions
from ketamine_evidence.analysis.extract.route_sites import INGESTED, site_routes
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.records import Article, Section
from tests.conftest import EVAL


@pytest.mark.parametrize("sentence, expected", [
    ("Cells were injected into the L5–S1 intervertebral disc.", ["other"]),  # chronic dev PMC5009698
    ("10 mL of BMAC was instilled into the necrotic zone through the canulated trephine.", ["other"]),  # b4 PMC4821226
    ("The sclerosing agent was injected into the pleural cavity through the needle.", ["other"]),  # b4 PMC4004388
    ("We hypothesized that needle injection of a loading dose of bupivacaine directly into the epidural space would "
     "shorten analgesic onset.", ["neuraxial"]),  # b4 PMC5732563
    ("At the same time, a sclerosing agent is injected through the hollow wire into the vein.", ["intravenous"]),
    # a limb may take an injection under the skin or into a muscle: no route beyond doubt (b5 PMC270000)
    ("Leuprolide acetate was injected into the thigh or arm, beginning 7 days before the antagonist.", []),
])
def test_the_target_of_an_injection_gives_its_route(sentence, expected):
    assert [term for term, _ in site_routes(sentence, [])] == expected


def test_only_the_interventions_injection_counts():
    # pool dev PMC5789491: lidocaine is injected into the nerve plexus, diazepam is given by vein
    sentence = ("Group III received diazepam 5 mg slowly and 10 ml of 1% lidocaine injected into the periprostatic "
                "nerve plexus bilaterally under ultrasound guidance.")
    lidocaine = mentions(sentence, re.compile(r"lidocaine", re.I))
    assert [term for term, _ in site_routes(sentence, lidocaine)] == ["other"]
    diazepam = mentions(sentence, re.compile(r"diazepam", re.I))
    assert any(not d.is_intervention for d in diazepam)  # lidocaine is read as another drug there
    assert site_routes(sentence, diazepam) == []


def test_the_injected_target_is_the_route_where_no_sentence_names_one():
    sentence = ("The second aim of our study is the effect of the additional injection of BMAC into the femoral head on "
                "the clinical and radiological outcome.")  # b4 PMC4821226, full text
    article = Article(pmid="1", pmcid=None, doi=None, title="Core decompression and BMAC",
                      abstract=[Section("METHODS", "METHODS", sentence)])
    found = routes.extract(make_context(article, "bone marrow aspirate concentrate (BMAC)"))
    assert [f.value for f in found] == ["other"]
    start = article.text.index(sentence)
    assert (found[0].evidence.start, found[0].evidence.end) == (start, start + len(sentence))



@pytest.mark.parametrize("pmcid, intervention, sentence", [
    # b5 dev PMC2781775 and b4 dev PMC3391000 (gold oral): what the arms are given, fed or drunk (rule j)
    ("PMC2781775", "homeopathic combination preparation Zeel (dogs)",
     "All dogs were fed test products or placebo for 8 weeks."),
    ("PMC3391000", "Gatorade/polyethylene glycol bowel preparation with or without bisacodyl (vs NuLYTELY)",
     "A total of 600 outpatients consumed their preparation the day before a morning colonoscopy."),
])
def test_drinking_or_being_fed_the_arms_product_is_oral(pmcid, intervention, sentence):
    article = next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml"))
    found = {f.value: f for f in routes.extract(make_context(article, intervention))}
    assert list(found) == ["oral"]
    assert found["oral"].evidence.text == sentence


@pytest.mark.parametrize("sentence", [
    # b5 dev PMC3050701: swallowing as a symptom rated, not an act of giving
    "Sore throat relief, improvements in throat soreness and difficulty in swallowing, and throat numbness were "
    "observed as early as 1-5 minutes, and lasted up to 2 hours post dose.",
    "Difficulty in swallowing, throat numbness, functional, sensorial and emotional benefits were also assessed.",
])
def test_swallowing_as_a_symptom_is_no_route(sentence):
    assert not any(m.group("generic") or m.group("words").strip() for m in INGESTED.finditer(sentence))


@pytest.mark.parametrize("sentence, expected", [
    # dev full text PMC4631431: administering 'into' a vein
    ("Administering the drug into a large lumen vein (eg, antecubital vs hand) may decrease infusion site discomfort.",
     ["intravenous"]),
    # an injection 'in', 'at' or 'around' its target (the same anatomical classes)
    ("The drug was injected in the deltoid muscle.", ["intramuscular"]),
    ("The solution was infiltrated around the incision.", ["other"]),
    # no target: a time, or the people injected ('in patients with knee osteoarthritis')
    ("The drug was administered in the morning.", []),
    ("Hyaluronic acid injections in patients with knee osteoarthritis were compared.", []),
])
def test_an_injection_in_at_or_around_its_target(sentence, expected):
    assert [term for term, _ in site_routes(sentence, [])] == expected


def test_a_drug_in_a_carrier_gas_is_inhaled():
    """Batch 7 PMC2911596: 'receive sevoflurane (n = 20) or isoflurane (n = 20) in 30% oxygen/air'; the gas follows the
    comparator, which is listed with the intervention."""
    from ketamine_evidence.analysis.extract import make_context
    from ketamine_evidence.analysis.extract.route_sites import inhaled_routes
    from ketamine_evidence.analysis.records import Article, Section
    sentence = "Patients were randomly allocated to receive sevoflurane (n = 20) or isoflurane (n = 20) in 30% oxygen/air."
    article = Article(pmid="1", pmcid=None, doi=None, title="A trial", abstract=[Section("METHODS", "METHODS", sentence)])
    ctx = make_context(article, "sevoflurane")
    assert list(inhaled_routes(ctx, ctx.intervention_sentences())) == ["other"]
    ctx = make_context(article, "dexmedetomidine")  # not named with the gas
    assert inhaled_routes(ctx, ctx.sentences) == {}
