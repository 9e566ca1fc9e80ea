"""An unlabelled abstract's opening background, and enrolment sentences, on real dev abstracts with their headings
taken away (the ``labels_removed`` invariance rewrite)."""

from __future__ import annotations

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
