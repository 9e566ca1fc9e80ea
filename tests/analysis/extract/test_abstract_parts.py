"""An unlabelled abstract's opening background, and enrolment sentences, on real dev abstracts with their headings
taken away (the ``labels_removed`` invariance rewrite)."""

from __future__ import annotations

from dataclasses import replace

from ketamine_evidence.analysis.extract import extract_findings, make_context
from ketamine_evidence.analysis.extract.abstract_parts import ENROLMENT, STUDY_START, unlabelled_background
from ketamine_evidence.analysis.extract.event_sections import background
from ketamine_evidence.analysis.extract.study_text import is_background_sentence, study_sentences
from ketamine_evidence.analysis.records import Article, Section

# pool dev 20075020 (Background, Objectives, Methods; gold adverse_events [])
TETRA_TITLE = ("Do TETRA (Airwave) Base Station Signals Have a Short-Term Impact on Health and Well-Being? A Randomized "
               "Double-Blind Provocation Study")
TETRA = ("“Airwave” is the new communication system currently being rolled out across the United Kingdom for the police "
         "and emergency services, based on the Terrestrial Trunked Radio Telecommunications System (TETRA). Some police "
         "officers have complained about skin rashes, nausea, headaches, and depression as a consequence of using their "
         "Airwave handsets. In addition, a small subgroup in the population self-report being sensitive to "
         "electromagnetic fields (EMFs) in general. We conducted a randomized double-blind provocation study to "
         "establish whether short-term exposure to a TETRA base station signal has an impact on the health and "
         "well-being of individuals with self-reported “electrosensitivity” and of participants who served as controls.")
# pool dev 26803746 (Background; gold pain_effect not_reported: a protocol)
CELECOXIB_TITLE = ("Effects of postoperative administration of celecoxib on pain management in patients after total knee "
                   "arthroplasty: study protocol for an open-label randomized controlled trial")
CELECOXIB = ("Multimodal analgesia is achieved by combining different analgesics and different methods of analgesic "
             "administration, synergistically providing superior pain relief when compared with conventional analgesia. "
             "However COX-2 inhibitors are not approved for use as preventive analgesia in Japan. This study was designed "
             "to examine the effects of celecoxib administration immediately after surgery, in addition to multimodal "
             "analgesia, on postoperative pain management after TKA. This randomized, prospective, open-label controlled "
             "study will include 120 patients undergoing unilateral TKA.")


def unlabelled(title: str, *parts: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(None, None, p) for p in parts])


def test_sentences_before_the_study_is_named_are_background() -> None:
    ctx = make_context(unlabelled(TETRA_TITLE, TETRA))
    body = [s for s in ctx.sentences if s.section != "TITLE"]
    assert unlabelled_background(ctx) == {s.index for s in body[:3]}  # 'We conducted ...' starts the study
    assert {s.index for s in body[:3]} <= background(ctx)  # the complaints of nausea are no events of this study


def test_no_event_or_pain_effect_from_an_unlabelled_background() -> None:
    tetra = [f for f in extract_findings(unlabelled(TETRA_TITLE, TETRA), "TETRA base station signal exposure (vs sham)")
             if f.field == "adverse_events"]
    assert not tetra
    celecoxib = [f.value for f in extract_findings(unlabelled(CELECOXIB_TITLE, CELECOXIB),
                                                   "immediate postoperative oral celecoxib") if f.field == "pain_effect"]
    assert celecoxib in ([], ["not_reported"])


def test_labelled_parts_or_written_headings_set_nothing_aside() -> None:
    labelled = Article(pmid="1", pmcid=None, doi=None, title=TETRA_TITLE, abstract=[Section("Background", "BACKGROUND", TETRA)])
    assert unlabelled_background(make_context(labelled)) == frozenset()
    # batch 5 29560297: its headings are parts of their own ('Introduction', 'Aim', ...)
    headed = unlabelled("Harmonic Scalpel-Assisted Laparoscopic Cholecystectomy vs. Conventional Laparoscopic "
                        "Cholecystectomy - A Non-randomized Control Trial", "Introduction",
                        "Laparoscopic cholecystectomy (LC) is the most commonly done, minimally invasive surgical procedure.")
    assert unlabelled_background(make_context(headed)) == frozenset()


def test_enrolment_sentence() -> None:
    # batch 4 17391505: methods, though no heading says so
    assert ENROLMENT.search("Six hundred and ten patients with a chronic condition requiring anti-inflammatory therapy who "
                            "achieved relief of NSAID-associated symptoms of pain, discomfort, or burning in the upper "
                            "abdomen during two previous studies were enrolled and randomly assigned into two identical, "
                            "multicentre, parallel-group, placebo-controlled studies of esomeprazole 20 mg or 40 mg treatment")
    assert not ENROLMENT.search("Esomeprazole was significantly more effective than placebo in maintaining relief of upper "
                                "GI symptoms throughout 6 months of treatment.")


# batch 5 29347947 (Background; gold conditions [])
QUADX_TITLE = ("Efficacy of pre-operative quadriceps strength training on knee-extensor strength before and shortly following "
               "total knee arthroplasty: protocol for a randomized, dose-response trial (The QUADX-1 trial)")
QUADX = ("Patients with knee osteoarthritis (OA) report knee pain, limitation in physical activities and low quality of "
         "life. The two primary treatments for knee OA are non-surgical treatment (e.g., exercise) and surgery (total knee "
         "arthroplasty (TKA)); however, national guidelines recommend non-surgical treatment to be tried prior to surgical "
         "procedures. The purpose of the present trial is to investigate the efficacy of three different exercise dosages "
         "of pre-operative, home-based, knee-extensor strength exercise on knee-extensor strength before and shortly after "
         "surgery in patients eligible for TKA due to end-stage knee OA.")


def test_study_sentences_leave_out_an_unlabelled_background() -> None:
    ctx = make_context(unlabelled(QUADX_TITLE, QUADX))
    body = [s for s in ctx.sentences if s.section != "TITLE"]
    kept = study_sentences(ctx)
    assert body[0] not in kept and body[1] not in kept and body[2] in kept  # the knee pain patients report is background
    assert is_background_sentence(ctx, body[0]) and not is_background_sentence(ctx, body[2])


def test_a_count_of_people_starts_the_study() -> None:
    # pool dev 24082786: 'mortality in elderly people' counts nobody; 'Forty patients were admitted' is its sample
    assert not STUDY_START.search("Hip fractures represent one of the most important causes of morbidity and mortality "
                                  "in elderly people.")
    assert STUDY_START.search("Forty patients were admitted to the Orthopedic and Trauma Surgery ward for hip fracture.")


# chronic dev 25092964 (Background, Materials and methods, Results, Conclusion; gold pain_effect 'mixed'): its methods,
# results and conclusions (some sentences left out), the headings taken away
FROVA_METHODS = ("In this single-center double-blind study, 18 subjects (ten female) were treated for a single migraine "
                 "attack with frovatriptan 2.5 mg or rizatriptan 10 mg. The primary end point of this study was to "
                 "evaluate the association between PK parameters and efficacy measures and recurrence rate. Secondary end "
                 "points were pain-free and pain-relief episodes at 2 and 4 hours, recurrent episodes within 48 hours, and "
                 "cumulative hazard of recurrence within 72 hours.")
FROVA_RESULTS = ("The proportion of patients who were pain-free at 4 hours without rescue medication was higher in the "
                 "frovatriptan-treated group, (38.9 versus 5.6%, P =0.045). The cumulative hazard of recurrence over 72 h "
                 "was reduced by frovatriptan compared to rizatriptan-treated patients (log-rank test, P =0.04). Fewer "
                 "adverse events were observed for frovatriptan compared to rizatriptan (one versus eight, P =0.021).")
FROVA_CONCLUSION = ("This pilot study indicates that a similar extent of initial pain relief is afforded by both triptans "
                    "in migraine treatment. The longer duration of action of frovatriptan parallels and correlates with "
                    "its PK profile.")


def test_unlabelled_conclusions_by_their_opening_cue_or_as_the_closing_sentences_without_figures() -> None:
    from ketamine_evidence.analysis.extract.abstract_parts import unlabelled_conclusions
    title = "Efficacy and pharmacokinetic activity of frovatriptan compared to rizatriptan"
    unlabelled = Article(pmid="1", pmcid=None, doi=None, title=title,
                         abstract=[Section(None, None, " ".join((FROVA_METHODS, FROVA_RESULTS, FROVA_CONCLUSION)))])
    ctx = make_context(unlabelled, "frovatriptan")
    assert [s.text[:18] for s in ctx.sentences if s.index in unlabelled_conclusions(ctx)] == [
        "This pilot study i", "The longer duratio"]
    # without the cue, the closing sentence that gives no figures; a results sentence never
    plain = FROVA_CONCLUSION.replace("This pilot study indicates that a", "A")
    ctx = make_context(replace(unlabelled, abstract=[Section(None, None, " ".join((FROVA_METHODS, FROVA_RESULTS, plain)))]),
                       "frovatriptan")
    assert [s.text[:18] for s in ctx.sentences if s.index in unlabelled_conclusions(ctx)] == [
        "A similar extent o", "The longer duratio"]
    # a labelled abstract has its own parts
    labelled = replace(unlabelled, abstract=[Section("METHODS", "Materials and methods", FROVA_METHODS),
                                             Section("RESULTS", "Results", FROVA_RESULTS),
                                             Section("CONCLUSIONS", "Conclusion", FROVA_CONCLUSION)])
    assert unlabelled_conclusions(make_context(labelled, "frovatriptan")) == frozenset()
    # and the pain_effect the labels gave stays without them
    assert [f.value for f in extract_findings(labelled, "frovatriptan") if f.field == "pain_effect"] == ["mixed"]
    assert [f.value for f in extract_findings(unlabelled, "frovatriptan") if f.field == "pain_effect"] == ["mixed"]


def test_a_sentence_about_this_study_is_told_from_background_knowledge() -> None:
    from ketamine_evidence.analysis.extract.abstract_parts import about_this_study
    assert about_this_study("This study investigates the interstitial concentrations of algesics in 29 women with FMS.")
    assert about_this_study("The aim was to compare two exercise programmes.")
    assert not about_this_study("Short-term treatment (7-14 days) with oral prednisone is used for acute gout.")


def test_other_studies_randomised_trials_do_not_start_the_study() -> None:
    """A random word of other studies' trials (design_whose) is background, not this study's randomisation."""
    others = ("Randomised controlled trials comparing treatment interventions have failed to indicate the best "
              "therapeutic practices for these fractures.")  # batch 7 PMC4855803
    ctx = make_context(unlabelled(TETRA_TITLE, f"{others} {TETRA}"))
    body = [s for s in ctx.sentences if s.section != "TITLE"]
    assert body[3].text.startswith("We conducted")  # the added sentence runs on into TETRA's first (its opening quote)
    assert unlabelled_background(ctx) == {s.index for s in body[:3]}  # still 'We conducted ...' starts the study


# batch 6 22021729 with its headings taken away (``labels_removed``; gold pain_effect no_difference)
REIKI_TITLE = ("The effect of distant reiki on pain in women after elective Caesarean section: a double-blinded "
               "randomised controlled trial")
REIKI = ("Approximately 25% of all babies in North America are delivered via Caesarean section (C-section). Though a "
         "common surgical procedure, C-section recovery can be painful. Reiki is an ancient Japanese form of healing "
         "where practitioners transfer healing energy through light touch and positive healing intention. A recent "
         "systematic review showed existing studies to be of poor methodological quality, with the common limitation of "
         "lack of blinding. To overcome this issue, the authors used distant reiki to assess its effectiveness in "
         "reducing pain following an elective C-section. In this randomised, double-blinded study, women who underwent "
         "an elective C-section were allocated to either usual care (control, n=40) or three distant reiki sessions in "
         "addition to usual care (n=40). Pain was assessed using a visual analogue scale (VAS). AUC for pain was not "
         "significantly different in the distant reiki and control groups (mean±SD; 212.1±104.7 vs 223.1±117.8; "
         "p=0.96). Distant reiki had no significant effect on pain following an elective C-section.")


def test_the_aim_of_an_unlabelled_abstract_is_no_finding() -> None:
    from ketamine_evidence.analysis.extract.abstract_parts import unlabelled_aim
    article = unlabelled(REIKI_TITLE, REIKI)
    ctx = make_context(article, "distant reiki added to usual care")
    aim = unlabelled_aim(ctx)
    assert aim is not None and ctx.sentences[aim].text.startswith("To overcome this issue")
    found = [f.value for f in extract_findings(article, "distant reiki added to usual care") if f.field == "pain_effect"]
    assert found == ["no_difference"]  # the aim's 'effectiveness in reducing pain' is no benefit found
    # a labelled abstract keeps its own parts
    labelled = replace(article, abstract=[Section("Introduction", "BACKGROUND", REIKI)])
    assert unlabelled_aim(make_context(labelled, "distant reiki added to usual care")) is None

