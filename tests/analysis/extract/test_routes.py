"""Routes: named routes attached to the intervention (not to a co-medication), and implied ones."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import make_context, route_words, routes
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.records import Article, Section
from tests.conftest import EVAL, PMC_KETAMINE


def _article(*sentences: str, title: str = "A trial") -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section("METHODS", "METHODS", " ".join(sentences))])


def _routes(article: Article, intervention: str = "ketamine") -> dict[str, object]:
    return {f.value: f for f in routes.extract(make_context(article, intervention))}


@pytest.mark.parametrize("sentence, expected", [
    ("Patients received intravenous ketamine (0.25 mg/kg) after induction.", ["intravenous"]),
    ("Children randomly received intranasal ketamine (0.5mg/kg) or midazolam.", ["intranasal"]),
    ("In the ketamine group, 0.5 mg/kg of ketamine was injected intravenously.", ["intravenous"]),
    ("Group KM received oral midazolam 0.5 mg/kg in addition to oral ketamine 2 mg/kg.", ["oral"]),
    ("Patients were premedicated intravenously with normal saline, fentanyl or 0.5 mg/kg ketamine.",
     ["intravenous"]),
    ("Monkeys received either ketamine (10 mg/kg) or fentanyl-midazolam (10 μg/kg) both IM.", ["intramuscular"]),
    ("10 mL of 0.25% bupivacaine plus 0.5 mg/kg ketamine was infiltrated into the nephrostomy tract.", ["other"]),
    ("Ketamine infusion of 2 µg/kg/min followed a bolus of 0.5 mg/kg.", ["intravenous"]),
    ("A ketamine serum concentration of 30 ng/ml was targeted.", ["intravenous"]),
    ("Patients received ketamine PCA after surgery.", ["intravenous"]),
    ("Patient-controlled analgesia (PCA) containing morphine and ketamine was started.", ["intravenous"]),
])
def test_route_of_the_intervention(sentence, expected):
    article = _article(sentence)
    found = _routes(article)
    assert sorted(found) == expected
    start = article.text.index(sentence)
    for finding in found.values():
        assert (finding.evidence.start, finding.evidence.end) == (start, start + len(sentence))


@pytest.mark.parametrize("sentence", [
    "Patients were administered fentanyl using IV-PCA after ketamine.",
    "Intravenous hyoscine 20 mg was more effective than ketamine.",
    "Ketamine and oral risperidone were compared.",
    "Patients with MDD received ketamine and propofol in ECT.",
    "Bupivacaine with ketamine was used in minor oral surgical procedures.",
    "Ketamine was given before the Lichtenstein patch repair.",
    "Morphine PCA was given; ketamine was not.",
])
def test_route_of_a_co_medication_or_none_stated(sentence):
    assert _routes(_article(sentence)) == {}


@pytest.mark.parametrize("sentence, drug", [
    ("Patients received a subacromial injection of triamcinolone.", "triamcinolone"),
    ("Trigger point injections of lidocaine were given.", "lidocaine"),
])
def test_local_injection_sites_are_other(sentence, drug):
    assert list(_routes(_article(sentence), drug)) == ["other"]


def test_route_word_inside_the_intervention_name():
    article = _article("Patients received either intracutaneous sterile water injection (ISWI) or saline.",
                       title="Sterile water for back pain")
    assert list(_routes(article, "intracutaneous sterile water injection (ISWI)")) == ["other"]


def test_route_adjective_shared_by_coordinated_drugs():
    article = _article("Caudal dexamethasone and magnesium could offer analgesic benefits.")
    assert list(_routes(article, "magnesium")) == ["neuraxial"]


def test_dosage_form_right_after_the_drug():
    assert list(_routes(_article("Patients applied lidocaine 5% patch daily."), "lidocaine")) == ["topical"]


def test_route_adjective_over_a_list_of_arms():
    article = _article("Patients were randomized to receive intravenous 4 mg ondansetron (n = 35), 0.3 mg ramosetron "
                       "(n = 38), or 75 µg palonosetron (n = 36).")
    assert list(_routes(article, "palonosetron")) == ["intravenous"]


def test_tablet_or_modified_release_form_of_the_intervention_is_oral():
    article = _article("OROS hydromorphone is a sustained-release formulation of hydromorphone taken once daily.")
    assert list(_routes(article, "OROS hydromorphone")) == ["oral"]
    assert _routes(_article("Mirodenafil (50 mg once daily) was well tolerated."), "mirodenafil") == {}
    assert _routes(_article("Ketamine was compared with extended-release oxycodone tablets.")) == {}


def test_control_agent_shares_the_adverb():
    article = _article("Duloxetine 40 or 60 mg/day or placebo was given orally once daily for 12 weeks.")
    assert list(_routes(article, "duloxetine")) == ["oral"]


def test_non_drug_intervention_has_no_route():
    assert _routes(_article("Tai Chi was given orally twice weekly."), "Tai Chi") == {}


def test_real_articles():
    assert list(_routes(next(parse_file(PMC_KETAMINE / "PMC3695250.nxml")))) == ["intravenous"]
    assert list(_routes(next(parse_file(PMC_KETAMINE / "PMC5557991.nxml")))) == ["intranasal"]
    epidural = next(parse_file(EVAL / "chronic_pain_articles" / "PMC4644318.nxml"))
    assert list(_routes(epidural, "parasagittal interlaminar (PIL) epidural steroid injection")) == ["neuraxial"]


def _routes_for(title: str, sentence: str, intervention: str) -> tuple[Article, dict[str, object]]:
    article = _article(sentence, title=title)
    return article, {f.value: f for f in routes.extract(make_context(article, intervention))}


def test_a_bare_per_kg_dose_in_a_surgical_trial_is_no_route():
    # Only an infusion, a bolus, a target level or an injection at induction implies intravenous.
    _, found = _routes_for("Ketorolac after surgery",
                           "Patients undergoing surgery received ketorolac 1 mg/kg or saline at the end of surgery.",
                           "ketorolac")
    assert found == {}


def test_a_per_kg_dose_given_as_pretreatment_before_induction_is_intravenous():
    sentence = "Group K received ketamine 0.5 mg/kg as pretreatment before injection of rocuronium."
    article, found = _routes_for("Ketamine pretreatment", sentence, "ketamine")
    assert list(found) == ["intravenous"]
    start = article.text.index(sentence)
    assert (found["intravenous"].evidence.start, found["intravenous"].evidence.end) == (start, start + len(sentence))


def test_the_comparators_route_for_the_same_drug_is_dropped_where_the_name_gives_it_the_comparator():
    title = "Comparing intramuscular triamcinolone and intralesional triamcinolone for alopecia areata"
    article, found = _routes_for(title, "Sixty patients were randomized.",
                                 "intralesional triamcinolone (vs intramuscular triamcinolone)")
    assert list(found) == ["other"]
    assert (found["other"].evidence.start, found["other"].evidence.end) == (0, len(title))
    # The name states one route and gives the comparator none: one drug by two routes lists both (additions rule ak).
    _, found = _routes_for(title, "Sixty patients were randomized.", "intralesional triamcinolone")
    assert sorted(found) == ["intramuscular", "other"]
    _, found = _routes_for(title, "Sixty patients were randomized.", "triamcinolone")
    assert sorted(found) == ["intramuscular", "other"]


def test_a_lower_cased_short_form_in_the_comparator_remark_is_its_route():
    # batch 5 dev PMC5490116 (gold neuraxial only): 'Comparing the Efficacy of Caudal with Intravenous Dexamethasone'
    assert routes.name_routes("caudal dexamethasone with ropivacaine (vs iv dexamethasone or ropivacaine alone)") \
        == ({"neuraxial"}, {"intravenous"})
    assert routes.name_routes("caudal dexamethasone with ropivacaine") == ({"neuraxial"}, set())


def test_a_short_form_the_abstract_defines_for_other_words_is_no_route():
    # pool dev PMC5564145: 'SC' is the single cartridge of articaine, not a subcutaneous route
    text = ("This study aimed to evaluate the efficacy of infiltration using 1.7 ml (single cartridge: SC) of 4% "
            "articaine versus 3.4 ml (double cartridges: DC) of 4% articaine with 1:100,000 epinephrine in LITM surgery.")
    assert routes.other_abbreviations(text) == frozenset({"SC"})
    assert routes.other_abbreviations("Enoxaparin was given by subcutaneous (SC) injection.") == frozenset()


def test_a_drug_applied_to_the_skin_is_topical():
    sentence = "Platelet-rich plasma was applied to the treated skin of one side of the face after each session."
    article, found = _routes_for("Platelet-rich plasma after fractional laser for acne scars", sentence,
                                 "platelet-rich plasma")
    assert list(found) == ["topical"]
    start = article.text.index(sentence)
    assert (found["topical"].evidence.start, found["topical"].evidence.end) == (start, start + len(sentence))
    # 'applied' to something else (a method) is no route.
    _, found = _routes_for("Platelet-rich plasma for acne scars",
                           "The same scoring method was applied to all patients treated with platelet-rich plasma.",
                           "platelet-rich plasma")
    assert found == {}


def test_one_drug_by_two_routes_lists_both_unless_the_name_gives_one_to_the_comparator():
    # additions rule ak; the comparator's own route is dropped where the name says so (PMC3612585 below)
    sentence = "Patients received topical lidocaine or intravenous lidocaine."
    article, found = _routes_for("Intravenous versus topical lidocaine for pain", sentence, "intravenous lidocaine")
    assert sorted(found) == ["intravenous", "topical"]
    start = article.text.index(sentence)
    assert (found["intravenous"].evidence.start, found["intravenous"].evidence.end) == (start, start + len(sentence))
    _, found = _routes_for("Intravenous versus topical lidocaine for pain", sentence, "lidocaine")
    assert sorted(found) == ["intravenous", "topical"]


def test_induction_wording_elsewhere_does_not_make_a_per_kg_dose_intravenous():
    article = _article("All patients were intubated after induction of general anaesthesia.",
                       "Ketorolac 1 mg/kg or saline was given at the end of surgery.", title="Ketorolac after surgery")
    assert {f.value for f in routes.extract(make_context(article, "ketorolac"))} == set()


# Pool dev sentences (data/eval/pool/gold_dev.jsonl): the route reaches the drug through a regimen noun,
# a dose or a list, and a Roman numeral 'IV' is no route.
@pytest.mark.parametrize("sentence, intervention, expected", [
    ("Thirty patients were given daily intramuscular injections of 0.035 mg/kg of body weight BP-C1 or placebo "
     "for 32 days.", "BP-C1", ["intramuscular"]),
    ("Forty-two patients undergoing SILC were randomized to receive either ultrasound-guided (USG) bilateral "
     "mid-axillary TAP blocks with 0.375% ropivacaine or local anesthetic infiltration of the port site.",
     "ropivacaine", ["other"]),
    ("Patients were allocated randomly into two groups (60 patients each) to receive, besides general anesthesia: "
     "continuous intra and postoperative intravenous (IV) infusion with fentanyl for 72 h postoperatively (patient "
     "controlled intravenous analgesia [PCIA] group) or continuous intra and postoperative epidural infusion with "
     "bupivacaine 0.125% and fentanyl (PCEA group) for 72 h postoperatively.", "bupivacaine", ["neuraxial"]),
    ("For this prospective, randomized, placebo-controlled, double-blind study a total of 140 patients were randomly "
     "allocated to one of 4 treatment groups to receive intravenously placebo (saline), lidocaine (20 mg), ketorolac "
     "(10 mg), or both (n = 35 for each group), with venous occlusion.", "ketorolac", ["intravenous"]),
    ("BP-C1 in the treatment of patients with stage IV breast cancer: a randomized, double-blind, "
     "placebo-controlled multicenter study", "BP-C1", []),
    ("Patients (aged ≥ 18 years) meeting DSM-IV criteria for major depressive disorder (MDD) received duloxetine "
     "(40–120 mg/d; melancholic, N = 759; non-melancholic, N = 379) or placebo for up to 9 weeks.", "duloxetine", []),
])
def test_route_through_a_regimen_noun_dose_or_list(sentence, intervention, expected):
    assert sorted(_routes(_article(sentence), intervention)) == expected


def test_an_oral_form_inside_the_interventions_name():
    title = ("Clinical study on the effect of decoction of Pavetta indica Linn. in treatment of Purishaja Krimi with "
             "special reference to Enterobius vermicularis infestation")
    assert list(_routes(_article("Two decoction of the trail drug with different concentration was prepared.",
                                 title=title), "decoction of Pavetta indica")) == ["oral"]


def test_a_local_route_of_a_co_intervention_leaves_the_infusion_intravenous():
    article = _article("The aim of this study is to evaluate the efficacy of fentanyl along with LA field infiltration "
                       "in controlling pain and discomfort associated with CVC insertion.",
                       "Preprocedural bolus fentanyl infusion provides adequate analgesia and can be safely used for "
                       "alleviating pain during CVC insertion in conscious patients.", title="Fentanyl for CVC")
    assert list(_routes(article, "intravenous fentanyl 2 µg/kg")) == ["intravenous"]
    # A local route of the intervention itself still rules the vein out.
    local = _article("10 mL of 0.25% bupivacaine plus 0.5 mg/kg ketamine was infiltrated into the nephrostomy tract.",
                     "Ketamine infusion of 2 µg/kg/min followed a bolus of 0.5 mg/kg.")
    assert list(_routes(local)) == ["other"]


def test_a_route_stated_for_every_arm_is_the_interventions():
    article = _article("All the patients were randomly allocated into two groups: propofol 2 mg/kg plus normal saline "
                       "2 ml (Group C) and propofol 2 mg/kg plus 2% lidocaine 40 mg (Group L).",
                       "Each group was administrated intravenously during induction and the patient was intubated 1 "
                       "minute after an injection of 0.6 mg/kg of rocuronium.", title="Lidocaine mixed with propofol")
    found = _routes(article, "lidocaine 40 mg mixed with propofol")
    assert list(found) == ["intravenous"]
    assert found["intravenous"].evidence.text.startswith("Each group was administrated intravenously")


@pytest.mark.parametrize("folder, pmcid, intervention, expected", [
    ("pain_trials_pool", "PMC4411465", "ginger and artichoke extract supplementation", ["oral"]),  # 'Two capsules/day'
    ("pain_trials_pool", "PMC3558645", "lidocaine 40 mg mixed with propofol", ["intravenous"]),  # 'Each group ...'
    ("pain_trials_pool", "PMC3578670", "brinzolamide/timolol fixed combination", ["topical"]),  # 'one drop of X in'
    ("pain_trials_pool", "PMC4608345", "ondansetron (vs metoclopramide)", ["intravenous"]),  # '(4mg/2ml, slow injection)'
    ("chronic_pain_articles", "PMC3747459", "topical comfrey root extract 35% plus methyl nicotinate 1.2% cream",
     ["topical"]),
])
def test_routes_of_pool_and_chronic_dev_articles(folder, pmcid, intervention, expected):
    article = next(parse_file(EVAL / folder / f"{pmcid}.nxml"))
    assert sorted(_routes(article, intervention)) == expected


def test_dosage_form_of_a_regimen_sentence_naming_no_drug():
    sentence = "Two capsules/day were supplied (before lunch and dinner) to 126 FD patients (supplementation/placebo: 65/61)."
    named = ("The association between ginger and artichoke leaf extracts appears safe and efficacious in the treatment "
             "of FD and could represent a promising treatment for this disease.")
    found = _routes(_article(named, sentence), "ginger and artichoke extract supplementation")
    assert list(found) == ["oral"] and found["oral"].evidence.text == sentence
    # without a form in the sentence, only the name's vehicle ('supplementation', rule j) tells the route
    assert _routes(_article(named, sentence.replace("Two capsules/day were", "Two sessions a day were")),
                   "ginger and artichoke extract") == {}



# Batch 4 and 5 dev articles (data/eval/pool/gold_dev_batch4.jsonl, gold_dev_batch5.jsonl).
@pytest.mark.parametrize("pmcid, intervention, expected", [
    ("PMC5735483", "intrathecal buprenorphine 60 µg added to bupivacaine spinal (vs dexmedetomidine, vs control)",
     ["neuraxial"]),  # 'Addition of buprenorphine (60 μg) or dexmedetomidine (5 μg) to intrathecal bupivacaine'
    ("PMC5599918", "dexmedetomidine added to fentanyl-based IV-PCA (vs thoracic epidural PCA or IV-PCA alone)",
     ["intravenous"]),  # 'in combination with fentanyl-based intravenous patient-controlled analgesia'
    ("PMC3101755", "intravenous magnesium sulfate infusion adjunct to thoracic epidural analgesia", ["intravenous"]),
    ("PMC5117579", "intravenous dexmedetomidine before spinal anaesthesia (vs after)", ["intravenous"]),
    ("PMC5735486", "preoperative oral flupirtine", ["oral"]),  # 'identical-looking placebo capsule per oral'
    ("PMC5712123", "perioperative duloxetine plus etoricoxib combination", ["oral"]),  # 'duloxetine 60 mg capsules'
    ("PMC1784583", "butoconazole nitrate 2% site release vaginal cream (vs oral fluconazole)", ["other"]),
    ("PMC5380284", "postoperative gum-chewing (vs no gum)", ["oral"]),  # additions rule u
    ("PMC5781260", "lemon verbena extract (Recoverben) supplementation", ["oral"]),  # additions rule ad
    ("PMC3050701", "AMC/DCBA Warm lozenge (vs Cool lozenge, non-medicated lozenge) for acute sore throat", ["oral"]),
    ("PMC3430047", "subpleural patient-controlled analgesia with bupivacaine (vs subpleural intermittent bupivacaine)",
     ["other"]),
    ("PMC5153686", "lumbar TAP block with different ropivacaine volumes/concentrations", ["other"]),
    ("PMC5771358", "ketorolac added to lidocaine for intravenous regional anaesthesia (vs lidocaine alone)",
     ["intravenous"]),
    ("PMC3612585", "oral palonosetron (vs intravenous palonosetron)", ["oral"]),
    # one drug by two routes (rule ak): perineural and intravenous dexmedetomidine arms
    ("PMC4374219", "dexmedetomidine as adjuvant to ropivacaine in supraclavicular brachial plexus block",
     ["intravenous", "other"]),
    ("PMC5490116", "caudal dexamethasone with ropivacaine (vs IV dexamethasone or ropivacaine alone)", ["neuraxial"]),
    ("PMC5564145", "double cartridge 4% articaine infiltration", ["other"]),
    ("PMC5578640", "vitamin D supplementation 4000 IE/day", ["oral"]),  # 'were supplemented with vitamin D 4000 IE/day'
    # each drug of a combination brings its route: 'dexamethasone (... 4 mg IV) and diclofenac K (50 mg Oral ...)'
    ("PMC1291385", "dexamethasone co-administered with diclofenac potassium (vs diclofenac potassium alone)",
     ["intravenous", "oral"]),
    ("PMC4776542", "midazolam-ondansetron combination for PONV prophylaxis (vs midazolam, ondansetron, saline)",
     ["intravenous"]),
    # the route the intervention's own name states, where the abstract names none for it
    ("PMC5387905", "oral paracetamol 1 g (vs ibuprofen 400 mg and diclofenac potassium 50 mg)", ["oral"]),
    ("PMC5626376", "intra-articular viscosupplementation (hyaluronic acid) after knee arthroscopic debridement (vs PRP or "
     "standard care)", ["other"]),
])
def test_routes_of_batch_4_and_5_dev_articles(pmcid, intervention, expected):
    article = next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml"))
    assert sorted(_routes(article, intervention)) == expected



def _route_matches_before(text: str) -> list[tuple[str, tuple[int, int]]]:
    """``routes._route_matches`` as it was: every term pattern over the whole text."""
    out = []
    for term, pattern in route_words.ROUTE_WORDS:
        for m in pattern.finditer(text):
            word = m.group(0)
            if word.lower() in route_words._CASE_SENSITIVE_SHORT and not word.isupper():
                continue
            if word == "IV" and (route_words._ROMAN_BEFORE.search(text, max(0, m.start() - 20), m.start())
                                 or text[m.end():m.end() + 1] in ("-", "\u2013")):
                continue
            out.append((term, m.span()))
    return out


def test_route_matches_are_those_of_every_term_pattern_on_the_whole_text() -> None:
    """Terms with short abbreviations skipped where none of their words is present (nor the abbreviation in
    capitals), matches kept per article: the same route words, in the same order, as every term pattern run
    over the whole sentence."""
    from pathlib import Path

    from ketamine_evidence.analysis.parse.sentences import split_article

    snapshot = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"
    checked = found = 0
    for path in sorted(snapshot.glob("*.nxml")):
        for article in parse_file(path):
            for s in split_article(article, article.text):
                got = [(term, m.span()) for term, m in routes._route_matches(s.text)]
                assert got == _route_matches_before(s.text), s.text
                checked += 1
                found += bool(got)
    assert checked > 300 and found > 30
    assert route_words._ANY_ROUTE is not None  # the one shared pre-check for every term is in force
    # data/snapshot/pmc/PMC3172326.nxml: a route only in capitals, no lower-case route word (the shared check
    # looks for the capitals in the text itself)
    text = ("In the operating room, patients in the ketamine group received 0.5 mg/kg of ketamine IV 10 minutes "
            "before the surgical incision.")
    assert [(t, m.group(0)) for t, m in routes._route_matches(text)] == [("intravenous", "IV")]
    assert routes._route_matches(text.replace(" IV ", " iv ")) == []
    # data/snapshot/pmc/PMC5103151.nxml
    text = ("Group 1 received intravenous ketamine anesthesia (n=822), Group 2 received inhalation anesthesia with "
            "sevoflurane (n=100).")
    assert [(t, m.group(0)) for t, m in routes._route_matches(text)] == [("intravenous", "intravenous"),
                                                                         ("other", "inhalation")]


# Branch fields3, real batch 6 dev sentences.
def test_wound_infusion_is_a_local_route():
    sentence = ("Surgical wound infusion with ropivacaine after hepatectomy can improve pain relief at rest and "
                "accelerate recovery and discharge.")
    _, found = _routes_for("Continuous wound infiltration after open hepatectomy", sentence, "ropivacaine")
    assert list(found) == ["other"]


def test_a_drug_in_a_named_infusion_fluid_is_intravenous():
    # additions rule ao; a bare concentration ('2% lidocaine') shows no route
    sentence = ("They were randomly divided into group A (n = 99) received 10 units of Syntocinon in 500 cc Ringer "
                "lactate, and group B (n = 99) received 10 units of Oxytip in 500 cc serum.")
    _, found = _routes_for("Induction of labor using Oxytip", sentence, "Oxytip")
    assert list(found) == ["intravenous"]
    _, bare = _routes_for("Lidocaine for extraction", "Patients received 2% lidocaine with epinephrine.", "lidocaine")
    assert bare == {}


@pytest.mark.parametrize("title, sentence, intervention, expected", [
    # rule an, batch 6 16951722: a non-drug intervention that carries an oil put on by massage
    ("Evaluating Effects of Aromatherapy Massage on Sleep in Children with Autism: A Pilot Study",
     "3 nights when the children were given aromatherapy massage with lavender oil were compared with 14 nights when "
     "it was not given.", "aromatherapy massage with lavender oil", ["topical"]),
    # rule j, pool 28553628: a supplement added to training is swallowed
    ("The Comparison between Effects of 12 weeks Combined Training and Vitamin D Supplement on Improvement of "
     "Sensory-motor Neuropathy in type 2 Diabetic Women",
     "The experimental group received Vitamin D and 12 weeks training program (3 days a week, 60 min/session).",
     "12 weeks combined training with vitamin D supplement", ["oral"]),
    # rule p, batch 4 29034271: a substance carried by a periodontal dressing
    ("Effect of Propolis Extract in Combination with Eugenol-Free Dressing (Coe-PakTM) on Pain and Wound Healing",
     "This randomized clinical trial was performed on 36 patients who were randomly divided into two groups of "
     "Coe-PakTM dressing with (trial group) and without (control group) propolis extract.",
     "propolis extract added to Coe-Pak periodontal dressing", ["topical"]),
    # a route the name states is no vehicle ('inhaled ... oil' is read by the route words)
    ("Aromatherapy in labour", "Women inhaled lavender oil during labour.", "inhaled lavender oil", []),
])
def test_the_vehicle_in_the_interventions_name_gives_the_route(title, sentence, intervention, expected):
    assert routes.vehicle_routes(intervention) == set(expected)
    if expected:
        assert sorted(_routes(_article(sentence, title=title), intervention)) == expected


def test_implied_intravenous_wording_split_in_two_gated_patterns_finds_the_same_sentences() -> None:
    """The rate/level patterns (a digit) and the worded ones (a key word), each run only where its pre-check
    allows, hold for the same snapshot sentences as the one alternation of both without pre-checks."""
    import re
    from pathlib import Path

    from ketamine_evidence.analysis.parse.sentences import split_article

    both = re.compile(f"{routes._IMPLIED_IV_DOSE.pattern}|{routes._IMPLIED_IV_WORDS.pattern}", re.I)
    snapshot = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"
    checked = found = 0
    for path in sorted(snapshot.glob("*.nxml")):
        for article in parse_file(path):
            for s in split_article(article, article.text):
                got = bool(routes._IMPLIED_IV_DOSE.search(s.text) or routes._IMPLIED_IV_WORDS.search(s.text))
                assert got == bool(both.search(s.text)), s.text
                checked += 1
                found += got
    assert checked > 300 and found > 20


@pytest.mark.parametrize("sentence, expected", [
    # chronic dev 24843472, its 'orally' written 'by mouth' (invariance rewrite ``route_forms``)
    ("Ketamine 40 or 60 mg/day or placebo was given by mouth once daily for 12 weeks.", ["oral"]),
    ("Patients received ketamine 5% plaster or placebo plaster on the painful area.", ["topical"]),
    ("Ketamine was given peridurally before incision.", ["neuraxial"]),
    ("Patients received an erector spinae plane block with ketamine and ropivacaine.", ["other"]),
    ("Patients received a pudendal block with ketamine.", ["other"]),
    ("Ketamine suppositories were given twice daily.", ["other"]),
])
def test_route_words_of_general_vocabulary(sentence, expected):
    assert sorted(_routes(_article(sentence))) == expected


@pytest.mark.parametrize("name, own", [
    # dev intervention names whose setting names a route that is not the intervention's
    ("lidocaine 2% gel (vs placebo) for painful oral cavity sites in children", set()),  # batch 4 26693229
    ("intravenous dexmedetomidine before spinal anaesthesia (vs after)", {"intravenous"}),  # batch 5 27871236
    ("intravenous magnesium sulfate infusion adjunct to thoracic epidural analgesia", {"intravenous"}),  # b5 21655018
    ("telerehabilitation programme with videoconferences after subacromial decompression", set()),  # b4 28231815
    # with no route in the head, the setting gives it: batch 4 29387317
    ("ketorolac added to lidocaine for intravenous regional anaesthesia (vs lidocaine alone)", {"intravenous"}),
])
def test_routes_of_a_names_setting_are_not_its_own(name, own):
    assert routes.name_routes(name)[0] == own


def test_a_route_in_the_timing_part_of_a_matched_name_is_not_read():
    # batch 5 27871236 with the name's spelling in the text (the 'spelling' invariance rewrite found it)
    article = _article("The intravenously administration of dexmedetomidine before spinal anaesthesia has no advantages "
                       "in hemodynamic status compared to that after spinal anaesthesia.")
    assert sorted(_routes(article, "intravenous dexmedetomidine before spinal anaesthesia (vs after)")) == ["intravenous"]


# Batch 7 dev articles (data/eval/pool/gold_blind.jsonl, the retired first blind split): a block named in the plural is an
# injected drug; a prescription's lower-case 'po'; 'for induction' and rapid sequence induction; a food product; a dose timed
# to meals; a drug given in a carrier gas (and named in a hyphenated pair of drugs).
@pytest.mark.parametrize("pmcid, intervention, expected", [
    ("PMC5654031", "caudal and ultrasound-guided TAP blocks", ["neuraxial", "other"]),
    ("PMC5370803", "alogliptin added to metformin", ["oral"]),  # 'alogliptin (25 mg, qd po)'
    ("PMC4183082", "high dose cisatracurium for rapid sequence induction", ["intravenous"]),
    ("PMC5984011", "Daucus carota food product (wild carrot halva)", ["oral"]),
    ("PMC4139977", "multi-strain probiotic compound", ["oral"]),  # 'twice daily after a meal'
    ("PMC2911596", "sevoflurane-fentanyl anaesthesia (vs isoflurane-fentanyl)", ["other"]),  # 'in 30% oxygen/air'
    # the same wordings, for the comparator only, give the intervention nothing
    ("PMC3502183", "multispecies probiotic mixture (Ecologic Relief)", []),  # batch 4: 'a daily dose', no meal or form
])
def test_routes_of_batch_7_dev_articles(pmcid, intervention, expected):
    article = next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml"))
    assert sorted(_routes(article, intervention)) == expected


@pytest.mark.parametrize("sentence, intervention, expected", [
    # batch 7 PMC5370803: the control arm's 'bid po' belongs to metformin, not to the intervention
    ("The patients in the control group were given metformin (1000 mg, bid po) and the patients in the intervention group "
     "were given metformin (500\u200amg, bid po) combined with alogliptin (25\u200amg, qd po).", "alogliptin", ["oral"]),
    ("To observe the effect of alogliptin combined with metformin on pulmonary function in obese patients with type 2 "
     "diabetes inadequately controlled by metformin monotherapy (500\u200amg, bid po, for at least 3 months), and evaluate "
     "its efficacy and safety.", "alogliptin", []),
])
def test_a_lower_case_short_form_after_a_dose_or_frequency_is_a_route(sentence, intervention, expected):
    assert sorted(_routes(_article(sentence), intervention)) == expected


def test_a_lower_case_short_form_as_an_ordinary_word_is_no_route():
    # pool dev PMC5827507: a list numeral
    assert routes._route_matches("(iii) Group 3 - combined 5% KNO3 and the diode laser; and (iv) Group 4 - placebo "
                                 "(control)") == []
