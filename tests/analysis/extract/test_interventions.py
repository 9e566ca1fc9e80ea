"""Interventions: the packaged lexicon, a user's config entry, non-drug and unknown names, and the
literal matching of gold-style names."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import extract_article
from ketamine_evidence.analysis.extract.interventions import lexicon, resolve_intervention
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.records import Article, Section
from ketamine_evidence.base.config import load_config
from ketamine_evidence.base.errors import ConfigError
from tests.conftest import EVAL, PMC_KETAMINE


def test_default_run_reads_for_ketamine_and_its_synonyms():
    ketamine = resolve_intervention("ketamine")
    assert ketamine.name == "ketamine" and ketamine.is_drug
    assert ketamine.drug_class == "NMDA receptor antagonist"
    assert resolve_intervention("Esketamine") is ketamine or resolve_intervention("esketamine").name == "ketamine"
    text = "S-ketamine 0.25 mg/kg, Ketalar® and A-ketamine group"
    assert [m.group(0) for m in ketamine.pattern.finditer(text)] == ["S-ketamine", "Ketalar®", "ketamine"]
    assert not ketamine.mentioned_in("ketorolac and lidocaine")
    assert resolve_intervention("intravenous lidocaine").name == "lidocaine"


def test_configured_synonym_is_matched_without_code(home: Path):
    (home / "ketamine-evidence.toml").write_text(
        '[extract]\nintervention = "pregabalin"\n'
        '[interventions.pregabalin]\nsynonyms = ["Lyrica"]\ndrug_class = "gabapentinoid"\n')
    config = load_config()
    pregabalin = resolve_intervention(config.intervention, config.interventions)
    assert pregabalin.drug_class == "gabapentinoid"
    assert pregabalin.mentioned_in("patients took Lyrica twice daily")
    # a configured synonym extends a packaged entry instead of replacing it
    more = lexicon({"ketamine": {"synonyms": ["K-hole"]}})["ketamine"]
    assert "K-hole" in more.synonyms and "esketamine" in more.synonyms


def test_non_drug_treatment_gets_no_route_or_dose():
    tai_chi = resolve_intervention("Tai Chi")
    assert not tai_chi.is_drug
    article = Article(pmid="1", pmcid=None, doi=None, title="Tai Chi for tension headache",
                      abstract=[Section(None, None, "Forty patients were randomly assigned to Tai Chi "
                                        "given orally at 0.5 mg/kg or a wait-list control.")])
    record, _ = extract_article(article, tai_chi)
    assert record.routes == [] and record.dose_mg_per_kg is None
    assert not resolve_intervention("individualized acupuncture (vs standardized acupuncture)").is_drug
    assert not resolve_intervention("H-Wave device stimulation (vs TENS and sham electrotherapy)").is_drug


@pytest.mark.parametrize("name, is_drug", [
    ("virtual reality", False), ("music therapy", False), ("dry needling", False), ("pulsed radiofrequency", False),
    ("spinal cord stimulation", False), ("strengthening exercises", False), ("botulinum toxin", True),
    ("platelet-rich plasma injection", True), ("epidural steroid injection", True), ("pregabalin", True),
    # pool dev names: what the treatment is stands before 'for'; devices, operations and care settings
    ("echogenic needle for ultrasound-guided axillary brachial plexus block", False),
    ("alongside midwife-led birth unit", False), ("ureteral stent attached to Foley catheter", False),
    ("ultrasound-guided bilateral transversus abdominis plane block with ropivacaine", True),
    ("lidocaine 40 mg mixed with propofol", True),
    # batch 4/5 dev names: the context after 'after'/'for' is not the treatment; measures and exposures are not drugs
    ("oral tapentadol (vs oral tramadol) after cardiac surgery", True),
    ("initiation of labour epidural analgesia through the epidural needle (vs through the catheter)", True),
    ("electrophysiological (EMG) analysis of myofascial trigger points", False),
    ("acute psychosocial stress (Trier Social Stress Test) vs control", False),
    # general kinds that give no substance (operations, physical agents, devices), and no comparator's dose
    ("gallium-aluminum-arsenide diode laser (vs 5% potassium nitrate, combination, placebo)", False),
    ("Knifelight carpal tunnel release (vs conventional open surgery)", False),
    ("lag screw osteosynthesis (vs miniplates) for mandibular anterior fractures", False),
    ("laparoscopic adhesiolysis (vs open surgery) for adhesive small bowel obstruction", False),
    ("auricular acupressure (vs sham acupressure)", False),
    ("prolonged (15-pulse) anti-tachycardia burst pacing (vs conventional 8-pulse)", False),
    ("improved low-smoke cookstove (chulha)", False),
    ("paracetamol/controlled-release oxycodone", True),
    ("fast-release micronized effervescent aspirin tablet (vs regular aspirin, placebo) in dental pain", True),
])
def test_drug_or_not_from_the_name(name, is_drug):
    assert resolve_intervention(name).is_drug is is_drug


def test_unknown_name_is_matched_literally():
    drug = resolve_intervention("mirodenafil (50 mg/day) plus levofloxacin")
    assert drug.is_drug and drug.name.startswith("mirodenafil")
    assert drug.mentioned_in("levofloxacin and mirodenafil (50 mg/d) for six weeks")
    assert not drug.mentioned_in("levofloxacin (500 mg/d) alone")  # the comparator component is not the drug
    block = resolve_intervention("ultrasound-guided suprascapular nerve block (bupivacaine and methylprednisolone)")
    assert block.is_drug  # an injected block, although 'ultrasound' is in the name
    assert block.mentioned_in("Suprascapular nerve block (SSNB) is an effective method")


@pytest.mark.parametrize("name, text", [
    ("preemptive oral pregabalin-acetaminophen-naproxen (PAN)",
     "the preemptive use of oral pregabalin-acetaminophen-naproxen on pain control"),
    ("Sativex (cannabis-based medicinal extract)", "Sativex®, a cannabis-based medicinal extract"),
    ("OROS hydromorphone", "OROS® hydromorphone is a sustained-release formulation of hydromorphone"),
    ("buccal buprenorphine (BBUP)", "randomized to receive BBUP or placebo buccal film"),
    ("intracutaneous sterile water injection (ISWI)", "intracutaneous injections of sterile water"),
    ("intra-discal injection of autologous, hypoxic cultured bone marrow-derived mesenchymal stem cells",
     "post mesenchymal stem cell infusion"),
    ("strengthening exercises", "the STRE strengthening exercise group"),
])
def test_gold_style_names_match_the_words_abstracts_use(name, text):
    assert resolve_intervention(name).mentioned_in(text)


def test_abbreviation_defined_in_the_abstract_is_added():
    sativex = resolve_intervention("cannabis-based medicinal extract")
    text = "We tested a cannabis-based medicinal extract (CBME) against placebo. CBME reduced pain."
    with_abbr = sativex.with_abbreviations(text)
    assert "CBME" in with_abbr.synonyms
    assert [m.start() for m in with_abbr.pattern.finditer(text)].count(text.rindex("CBME")) == 1
    # numbers, units and lower-case words in brackets are not abbreviations
    assert sativex.with_abbreviations("a cannabis-based medicinal extract (10 mg) was given") is sativex
    # the same names added again (another article): the same object, so the same compiled pattern
    again = sativex.with_abbreviations(text)
    assert again is with_abbr and again.pattern is with_abbr.pattern and again.mentioned_in(text)


def test_first_of_several_arms_and_no_function_word_tails():
    meloxicam = resolve_intervention("30 mg meloxicam IV; 60 mg meloxicam IV")
    assert "meloxicam" in meloxicam.synonyms
    magnesium = resolve_intervention("magnesium 50 mg in normal saline 1 mL or dexamethasone 0.1 mg/kg in normal saline")
    assert magnesium.name == "magnesium"
    assert not magnesium.mentioned_in("dexamethasone 0.1 mg/kg in normal saline 1 mL")


def test_first_drug_word_of_a_descriptive_name():
    dex = resolve_intervention("group D received dexmedetomidine 0.04 ug/(kg·h) plus sufentanil 0.02 ug/(kg·h)")
    assert dex.mentioned_in("Dexmedetomidine has sedative effects") and not dex.mentioned_in("sufentanil only")
    assert "water" not in resolve_intervention("intracutaneous sterile water injection (ISWI)").synonyms


def test_bracketed_regimen_remarks_are_not_names():
    assert "once daily" not in resolve_intervention("alfuzosin 10 mg (once daily)").synonyms
    assert "maximum 100 units" not in resolve_intervention("botulinum toxin (maximum 100 units)").synonyms


def test_very_short_unknown_name_still_resolves():
    short = resolve_intervention("x")
    assert short.name == "x" and short.synonyms == ("x",)


def test_bad_names_and_entries_are_config_errors():
    with pytest.raises(ConfigError):
        resolve_intervention("   ")
    with pytest.raises(ConfigError):
        resolve_intervention("ketamine", {"ketamine": {"synonyms": "not a list"}})


def test_real_articles_name_their_interventions():
    article = next(parse_file(PMC_KETAMINE / "PMC3172326.nxml"))
    assert resolve_intervention("ketamine").mentioned_in(article.text)
    trial = next(parse_file(EVAL / "chronic_pain_articles" / "PMC5065057.nxml"))
    assert resolve_intervention("buccal buprenorphine (BBUP)").mentioned_in(trial.text)


def test_a_route_word_in_a_known_name_is_kept_as_the_given_name():
    iv = resolve_intervention("intravenous lidocaine")
    assert iv.name == "lidocaine" and iv.given_name == "intravenous lidocaine"
    assert resolve_intervention("lidocaine").given_name is None
    assert iv == resolve_intervention("lidocaine")  # the same treatment for comparisons


def test_context_and_population_remarks_are_not_names():
    zeel = resolve_intervention("homeopathic combination preparation Zeel (dogs)")
    assert not zeel.mentioned_in("All dogs were fed test products or placebo for 8 weeks.")
    tapentadol = resolve_intervention("oral tapentadol (vs oral tramadol) after cardiac surgery")
    assert "tapentadol" in tapentadol.synonyms
    assert not tapentadol.mentioned_in("Sixty adults undergoing cardiac surgery were divided into 2 groups")


def test_a_short_form_shared_with_the_bracketed_comparator_is_no_name():
    """Batch 6 PMC5791397: 'Group 2 were treated with conventional PCCL' is the comparator, so 'cystolithotripsy'
    (also 'percutaneous cystolithotripsy (PCCL)') must not name the intervention; a combination keeps its drugs."""
    new = resolve_intervention(
        "cystolithotripsy with transurethral nephroscope via resectoscope sheath (vs percutaneous cystolithotripsy)")
    assert "cystolithotripsy" not in new.synonyms
    assert not new.mentioned_in("We devised a new technique and compared its efficacy with conventional percutaneous "
                                "cystolithotripsy (PCCL) technique.")
    assert new.mentioned_in("Results showed that cystolithotripsy with transurethral nephroscope via resectoscope sheath "
                            "is an alternative")
    combo = resolve_intervention("midazolam-ondansetron combination for PONV prophylaxis (vs midazolam, ondansetron, saline)")
    assert "midazolam" in combo.synonyms


def test_names_grouped_by_first_character_match_as_the_plain_alternation():
    """The names pattern opens with its names' first characters (for speed): every abstract of the ketamine corpus
    is matched at the same spans as by ``(?<!\\w)(?:names)(?!\\w)``, including 'S-ketamine' and 'R-ketamine'
    (PMC4056626) and a name's letters inside a word ('esketamine' is not 'ketamine' at its fourth letter)."""
    import re

    from ketamine_evidence.analysis.extract.interventions import _name_regex

    ketamine = resolve_intervention("ketamine")
    parts = sorted({_name_regex(n) for n in {ketamine.name, *ketamine.synonyms}}, key=len, reverse=True)
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.I)
    texts = [a.text for path in sorted(PMC_KETAMINE.glob("*.nxml"))[:40] for a in parse_file(path)]
    for text in texts + ["3 mg/kg) of S-ketamine increased CMR, whereas R-ketamine decreased it; esketamine"]:
        assert [m.span() for m in ketamine.pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    found = [m.group() for m in ketamine.pattern.finditer("of S-ketamine increased CMR, whereas R-ketamine and esketamine")]
    assert found == ["S-ketamine", "R-ketamine", "esketamine"]


def test_a_pairs_slashed_short_form_after_its_name_is_the_interventions():
    # batch 5 27932894 (and the same text with the drug renamed, where the short form no longer spells the name)
    text = ("placebo-controlled study of parecoxib/valdecoxib (PAR/VAL) for postoperative pain. "
            "Pain scores were reduced in the PAR/VAL group (n=98), relative to placebo (n=97)")
    for name in ("parecoxib/valdecoxib (vs placebo) after gynecologic surgery",
                 "Zorvatex/valdecoxib (vs placebo) after gynecologic surgery"):
        given = text.replace("parecoxib", name.split("/")[0])
        wider = resolve_intervention(name).with_abbreviations(given)
        assert "PAR/VAL" in wider.synonyms and wider.pattern.search("reduced in the PAR/VAL group")
    dosed = resolve_intervention("Zorvatex/valdecoxib (vs placebo)").with_abbreviations("Zorvatex/valdecoxib (mg/kg) was")
    assert "mg/kg" not in dosed.synonyms


@pytest.mark.parametrize("name", [
    # parts of dev intervention names that name a non-drug kind by a general word: pool dev 'home-based transcranial
    # direct current stimulation (tDCS)', 'massage and breastfeeding before venipuncture'; batch 5 'aquatic therapy added
    # to land-based exercise', '... quadriceps strengthening exercise'; batch 4 'telerehabilitation programme with
    # videoconferences'
    "tDCS", "breastfeeding before venipuncture", "aquatic therapy", "quadriceps strengthening", "telerehabilitation",
    "videoconferences",
])
def test_general_non_drug_kinds(name):
    assert not resolve_intervention(name).is_drug


def test_packaged_lexicon_is_parsed_once_and_equals_a_fresh_parse():
    """The cached packaged entries equal those built from a fresh TOML parse, field by field (equality ignores
    ``given_name``, so it is compared too), and what a caller does to the returned dict never reaches the next."""
    from ketamine_evidence.analysis.extract import interventions as iv

    fresh = {name: iv._entry(name, raw) for name, raw in iv._load_packaged().items()}
    first = lexicon()
    assert list(first) == list(fresh)
    for name, entry in fresh.items():
        got = first[name]
        assert (got.name, got.synonyms, got.drug_class, got.is_drug, got.given_name) == \
            (entry.name, entry.synonyms, entry.drug_class, entry.is_drug, entry.given_name)
    first.pop("ketamine")
    first["lidocaine"] = first["morphine"]
    again = lexicon()
    assert again["ketamine"] == fresh["ketamine"] and again["lidocaine"] == fresh["lidocaine"]
    assert iv._packaged_entries.cache_info().misses == 1


def test_each_resolution_is_a_fresh_entry_that_pickles():
    """An entry another caller has used keeps its compiled pattern and last answer; a new resolution must not share
    them (the baseline command pickles the intervention to its Dask workers, and a compiled-later pattern copy
    does not unpickle)."""
    import pickle

    used = resolve_intervention("ketamine")
    assert used.mentioned_in("ketamine 0.5 mg/kg") and "pattern" in vars(used)
    again = resolve_intervention("ketamine")
    assert again is not used and again == used and "pattern" not in vars(again)
    assert pickle.loads(pickle.dumps(again)) == again


def test_config_overlay_is_not_cached_into_the_packaged_lexicon():
    """An overlay extends its entry for that call only; later calls without it see the packaged entry."""
    plain = lexicon()["ketamine"].synonyms
    more = lexicon({"Ketamine": {"synonyms": ["K-hole"], "drug_class": "dissociative"}})["ketamine"]
    assert more.synonyms == (*plain, "K-hole") and more.drug_class == "dissociative"
    assert lexicon()["ketamine"].synonyms == plain and "K-hole" not in plain
    assert lexicon()["ketamine"].drug_class == "NMDA receptor antagonist"
    assert resolve_intervention("K-hole", {"ketamine": {"synonyms": ["K-hole"]}}).name == "ketamine"
    assert resolve_intervention("K-hole").name == "k-hole"  # the overlay did not stay
