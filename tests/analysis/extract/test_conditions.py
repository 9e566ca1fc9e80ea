"""Conditions: lexicon terms, the chronic mappings, acute settings, and when nothing is returned."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import conditions, make_context
from ketamine_evidence.analysis.extract.pain_roles import pain_beyond_population
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.records import Article, Section
from tests.conftest import EVAL, PMC_KETAMINE


def _article(title: str, *parts: tuple[str | None, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def _conditions(article: Article) -> dict[str, object]:
    return {f.value: f for f in conditions.extract(make_context(article))}


@pytest.mark.parametrize("title, expected", [
    ("A Randomized Controlled Trial of Tai Chi for Tension Headaches", ["migraine_headache"]),
    ("Cannabis in Painful Diabetic Neuropathy", ["neuropathic"]),
    ("Duloxetine for trigeminal neuralgia pain", ["neuropathic"]),
    ("Comparative study of nerve blocks in chronic shoulder pain", ["other"]),
    ("Comfrey cream in patients with acute upper or low back pain", ["low_back", "other"]),
    ("A group intervention for chronic musculoskeletal pain", ["mixed_chronic"]),
    ("Ketamine for complex regional pain syndrome", ["crps"]),
    ("Oral hydromorphone for chronic cancer pain", ["cancer_pain"]),
    ("Preemptive use of ketamine on post operative pain of appendectomy", ["postoperative_acute"]),
    ("Ketamine for fibromyalgia pain", ["fibromyalgia"]),
    ("Ketamine for refractory chronic pain", ["mixed_chronic"]),
    ("Ketamine for neuropathic pain after spinal cord injury", ["spinal_cord_injury"]),
    ("Ketamine gargle reduces postoperative sore throat after intubation", ["postoperative_acute"]),
    ("Ketamine for dressing changes in burn patients: pain scores", ["postoperative_acute"]),
])
def test_condition_named_in_the_title(title, expected):
    article = _article(title, ("METHODS", "Patients were randomly assigned to the treatment or placebo."))
    found = _conditions(article)
    assert sorted(found) == sorted(expected)
    for finding in found.values():
        assert (finding.evidence.start, finding.evidence.end) == (0, len(title))


def test_acute_setting_with_a_pain_outcome():
    sentence = "The VAS pain score after surgery was lower in the ketamine group."
    article = _article("Ketamine and remifentanil", ("RESULTS", sentence))
    found = _conditions(article)
    assert list(found) == ["postoperative_acute"]
    start = article.text.index(sentence)
    assert (found["postoperative_acute"].evidence.start, found["postoperative_acute"].evidence.end) == \
        (start, start + len(sentence))


def test_emergency_setting_of_a_named_condition_is_not_acute_pain():
    article = _article("Intranasal ketamine for migraine in the emergency department",
                       ("METHODS", "Adults with migraine pain presenting to the emergency department were randomized."))
    assert list(_conditions(article)) == ["migraine_headache"]
    surgery = _article("Ketamine for postoperative pain in patients with fibromyalgia",
                       ("METHODS", "Patients with fibromyalgia undergoing surgery were randomized."))
    assert sorted(_conditions(surgery)) == ["fibromyalgia", "postoperative_acute"]


def test_outcome_pain_site_after_surgery_is_not_a_condition():
    article = _article("Intraperitoneal bupivacaine for post-laparoscopic cholecystectomy analgesia",
                       ("METHODS", "Post-operative pain, rescue analgesic use and presence of shoulder pain were recorded."))
    assert list(_conditions(article)) == ["postoperative_acute"]


def test_pain_in_an_unlisted_condition_is_other():
    article = _article("Bupivacaine lozenges for oral mucositis pain",
                       ("RESULTS", "Patients using lozenges reported lower mucositis pain scores."))
    assert list(_conditions(article)) == ["other"]


def test_experimental_pain_in_volunteers_is_other():
    article = _article("Ketamine and fentanyl in experimental pain",
                       ("METHODS", "Ten healthy volunteers had electrical pain thresholds measured."))
    assert list(_conditions(article)) == ["other"]


def test_pain_word_describing_the_drug_is_not_a_pain_outcome():
    article = _article("Ketamine for treatment-resistant depression",
                       ("METHODS", "Forty patients received ketamine, a drug also used for analgesia."))
    assert _conditions(article) == {}


def test_no_pain_outcome_gives_no_condition():
    article = _article("Ketamine and eye movements in healthy volunteers",
                       ("RESULTS", "Ketamine increased saccadic frequency after surgery."))
    assert _conditions(article) == {}


def test_rescue_drug_consumption_in_an_agitation_trial_is_not_pain():
    article = _article("Sevoflurane emergence agitation: effect of oral ketamine premedication in dental surgery",
                       ("RESULTS", "Agitation score and rescue fentanyl consumption were higher in group M."))
    assert _conditions(article) == {}
    pain = _article("Ketamine premedication in dental surgery",
                    ("RESULTS", "Rescue fentanyl consumption after surgery was higher in group M."))
    assert list(_conditions(pain)) == ["postoperative_acute"]


def test_background_and_adverse_event_mentions_do_not_count():
    article = _article("Sterile water injections for acute low back pain",
                       (None, "Sterile water is used for relief of neck pain and chronic myofascial pain syndrome."),
                       (None, "We randomized 68 patients with acute low back pain to the injections."),
                       (None, "Headache occurred in two patients."))
    assert list(_conditions(article)) == ["low_back"]


def test_real_articles():
    found = _conditions(next(parse_file(PMC_KETAMINE / "PMC4940009.nxml")))
    assert list(found) == ["postoperative_acute"]
    assert found["postoperative_acute"].evidence.source == "title"
    assert _conditions(next(parse_file(PMC_KETAMINE / "PMC4644613.nxml"))) == {}  # depression only
    cwp = _conditions(next(parse_file(EVAL / "chronic_pain_articles" / "PMC4613171.nxml")))
    assert list(cwp) == ["other"]  # chronic widespread pain


def test_pain_during_lithotripsy_is_procedural_acute_pain():
    title = "Tamsulosin for pain during shock wave lithotripsy"
    article = _article(title, ("RESULTS", "Pain scores during ESWL were lower with tamsulosin."))
    found = {f.value: f for f in conditions.extract(make_context(article, "tamsulosin"))}
    assert list(found) == ["postoperative_acute"]
    assert (found["postoperative_acute"].evidence.start, found["postoperative_acute"].evidence.end) == (0, len(title))


def test_pain_listed_among_signs_at_a_treated_skin_area_is_no_condition():
    title = "Platelet-rich plasma after fractional laser for acne scars"
    signs = "Patients reported pain, erythema and edema for two days after each session, less with PRP."
    assert conditions.extract(make_context(_article(title, ("RESULTS", signs)), "platelet-rich plasma")) == []
    # Pain studied as an outcome still counts.
    outcome = "Pain scores were lower on the PRP side."
    article = _article(title, ("RESULTS", outcome))
    found = {f.value: f for f in conditions.extract(make_context(article, "platelet-rich plasma"))}
    assert list(found) == ["other"]
    start = article.text.index(outcome)
    assert (found["other"].evidence.start, found["other"].evidence.end) == (start, start + len(outcome))


# Pool dev articles (data/eval/pool/gold_dev.jsonl) that the mechanisms below settle.
@pytest.mark.parametrize("pmcid, intervention, expected", [
    ("PMC3581780", "palonosetron (vs ondansetron)", []),  # PONV trial: 'receiving ... patient-controlled analgesia'
    ("PMC3714385", "high-dose intraoperative remifentanil", []),  # 'as intraoperative analgesia'
    ("PMC5658281", "naloxegol", []),  # 'in adults with chronic noncancer pain': who, not what is measured
    ("PMC5132127", "hands and knees maternal position", ["other"]),  # labour, 'report their perceived pain'
    ("PMC4914730", "Kangfuxin Solution", ["other"]),  # unlabelled parts after 'Results.'; 'lower incidence of oral pain'
    ("PMC5863413", "topical propolis gel", ["other"]),  # 'evaluated for pain and erythema ... using numerical rating scale'
    ("PMC1968469", "oral medroxyprogesterone acetate (MPA)", ["cancer_pain"]),  # pain assessed in cancer cachexia
    ("PMC3506580", "single session transcranial direct current stimulation (tDCS)", ["low_back", "other"]),
    ("PMC5077078", "none (laser-evoked pain fMRI in early Parkinson's disease)", ["other"]),  # 'central pain matrix'
    ("PMC4163237", "low pressure carbon dioxide pneumoperitoneum", ["postoperative_acute"]),  # shoulder pain after surgery
    # pain named among what was monitored or compared is a measured outcome (rule aa)
    ("PMC4324478", "phase II (orthognathic) surgery for OSAS", ["postoperative_acute"]),  # 'monitored and compared ...: pain'
    ("PMC4173331", "epidural ropivacaine with clonidine and fentanyl", ["postoperative_acute"]),  # 'analgesic properties ... compared'
    # signs that disappear after an operation named by general surgical vocabulary ('after phacoemulsification')
    ("PMC4734805", "bromfenac 0.09% ophthalmic solution", ["postoperative_acute"]),
])
def test_pool_dev_conditions(pmcid, intervention, expected):
    article = next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml"))
    assert sorted(f.value for f in conditions.extract(make_context(article, intervention))) == expected


# Batch 4 dev articles (data/eval/pool/gold_dev_batch4.jsonl): no pain outcome (additions rule aa: a pain population keeps
# its condition since round 14, pain named only as an example or a purpose gives none), carpal tunnel syndrome (rule s),
# labour analgesia (rule h) and pain named among toxicities.
@pytest.mark.parametrize("pmcid, intervention, expected", [
    ("PMC1142309", "telling patient and physician the computerized PRIME-MD psychiatric screening result", []),
    # revised rule aa (round 14): the population's pain condition, named in the title, counts without a pain outcome
    ("PMC3309311", "lumbar MRI findings", ["low_back"]),  # 'Magnetic Resonance Findings of Acute Severe Lower Back Pain'
    ("PMC3805012", "deep abdominal muscle strengthening exercises", []),  # 'for lower back pain patients'
    ("PMC3838646", "Knifelight carpal tunnel release (vs conventional open surgery)", ["neuropathic",
                                                                                   "postoperative_acute"]),
    ("PMC4004388", "intrapleural mistletoe preparation Viscum Fraxini-2 (vs bleomycin)", []),  # 'toxicity ... headache'
    # pain that names a treatment's aim in a list of what is assessed, not an outcome (rule aa): 'medications for pain and
    # cachexia'
    ("PMC3517324", "E-MOSAIC real-time electronic symptom monitoring sheet for oncologists", []),
    ("PMC5732563", "initiation of labour epidural analgesia through the epidural needle (vs through the catheter)",
     ["other"]),
    # a pain symptom in a list of measured or planned outcomes (rule w), whatever else the list holds
    ("PMC4198325", "laparoscopic adhesiolysis (vs open surgery) for adhesive small bowel obstruction",
     ["postoperative_acute"]),  # 'Secondary endpoints include ... complications, postoperative pain'
    ("PMC5434517", "improved low-smoke cookstove (chulha)", ["migraine_headache"]),
    ("PMC4293505", "ramosetron plus dexamethasone (vs ramosetron alone and saline control)", ["postoperative_acute"]),
    # batch 5: pain relief after arthroscopic debridement in osteoarthritis (additions rule s)
    ("PMC5626376", "intra-articular viscosupplementation (hyaluronic acid) after knee arthroscopic debridement (vs PRP or "
     "standard care)", ["other", "postoperative_acute"]),
    # the patients' condition named a few words after them: 'Patients from 3 centers (...) with end-stage osteoarthritis'
    ("PMC4711101", "mini-midvastus (MIS) approach for computer-assisted TKA (vs medial parapatellar)",
     ["other", "postoperative_acute"]),
    # rule af: pain persisting after surgery is a chronic condition ('Chronic inguinodynia (groin pain) is a common
    # complication following open inguinal hernia repair')
    ("PMC5237574", "spinal anaesthesia (vs general anaesthesia) for remedial inguinodynia surgery", ["other"]),
])
def test_batch_4_dev_conditions(pmcid, intervention, expected):
    article = next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml"))
    assert sorted(f.value for f in conditions.extract(make_context(article, intervention))) == expected


@pytest.mark.parametrize("text", ["severe persistent inguinal postherniorrhaphy pain",  # batch 5 dev PMC4188585 (rule af)
                                  "Chronic inguinodynia (groin pain) is a common complication"])
def test_chronic_post_surgical_pain_is_other(text):
    assert {term for term, _ in conditions.named_conditions(text)} == {"other"}  # 'groin pain' is other as well


def test_a_title_only_record_about_pain_keeps_its_condition():
    article = _article("Pain during phacoemulsification with and without cryoanalgesia.")  # MEDLINE 26432153
    # pain during an operation is acute pain in a surgical setting (guideline ``postoperative_acute``)
    assert list(_conditions(article)) == ["postoperative_acute"]


@pytest.mark.parametrize("sentence, used", [
    # guideline: analgesic or opioid consumption is a pain outcome, whichever analgesic (batch 4 dev sentences)
    ("Compared to OP group, the post operative diclofenac requirement was significantly less in LP group (mean 107.14 "
     "mg) and OP group required mean of (682.35 mg).", True),
    ("Mean arterial pressure (MAP), heart rate (HR), time to bowel recovery, length of hospitalization after surgery, "
     "cumulative sufentanil consumption, and incidence of nausea and vomiting were compared between the two groups.", True),
    # ketamine dev PMC3695250: fentanyl given by the PCA is a technique until its use is measured
    ("For postoperative pain control, patients were administered fentanyl using IV-PCA (bolus dose 15 µg of fentanyl, "
     "lockout interval of 5 min, no basal infusion).", False),
    ("Incidence of nausea and the need for rescue antiemetics, verbal rating scale (VRS) 1 hour pain value, ketorolac "
     "consumption, and incidence of shivering were significantly lower in group R and group RD", True),
    ("Incidence of nausea and the need for rescue antiemetics", False),
    # pool and batch 5 dev: analgesics required are analgesic use
    ("The number of patients requiring intraoperative supplemental fentanyl in TAP group was 8 and in local "
     "infiltration group was 16 (P = 0.028).", True),
    ("Again, number of patients requiring fentanyl and dosage of the same drug was significantly lower in Group F.", True),
    # batch 4 dev PMC3805012: a need that is no analgesic
    ("The clinical application of deep abdominal muscle strengthening exercises along with lumbar stabilization "
     "exercises should be effective for lower back pain patients in need of lumbar stabilization.", False),
])
def test_analgesic_use_is_a_measured_pain_outcome(sentence, used):
    assert bool(conditions.CONSUMED.search(sentence)) is used


# Branch fields3: pain listed as its own outcome beside adverse events (rule w), real batch 6 dev sentences.
@pytest.mark.parametrize("sentence", [
    "The incidence of PONV, the need for rescue antiemetics, pain score, patient-controlled analgesia (PCA) "
    "consumption, and adverse events were recorded 48 h postoperatively.",
    "The overall early (0–2 h) and late (2–24 h) incidences of nausea, vomiting, rescue anti-emetic administration, "
    "pain, and adverse effects (cardiac arrhythmias and extrapyramidal effects) were assessed postoperatively.",
    "Group 2 patients required more analgesics and had more complications like hematuria and wound infection.",
    "All adverse events were recorded and injection site pain was recorded daily using a patient, self-assessment diary.",
    "In SG, a significant advantage is observed for nausea (βS − βP = −0.398 u, P < 0.001), epigastric fullness "
    "(βS − βP = −0.241, P < 0.001), epigastric pain (βS − βP = −0.242, P < 0.001) and heartburn.",
])
def test_pain_outcome_beside_adverse_events_is_listed(sentence):
    assert conditions.listed_pain_outcome(sentence)


@pytest.mark.parametrize("sentence", [
    "Adverse events with a frequency of ≥5.0 % that were more prevalent in the memantine group were headache "
    "(5.6 vs. 5.1 %) and diarrhea (5.0 vs. 3.9 %).",
    "The cumulative frequency of abdominal pain, diarrhoea, and nasal congestion after all three vaccinations was "
    "significantly higher in vaccinees than placebo recipients.",
])
def test_pain_word_that_is_an_adverse_event_is_not_listed(sentence):
    assert not conditions.listed_pain_outcome(sentence)


def test_pain_and_pca_recorded_with_adverse_events_give_the_surgical_setting():
    article = _article(
        "Prophylactic effects of ramosetron on postoperative nausea and vomiting (PONV) after craniotomy",
        ("METHODS", "The incidence of PONV, the need for rescue antiemetics, pain score, patient-controlled analgesia "
                    "(PCA) consumption, and adverse events were recorded 48 h postoperatively."),
        ("RESULTS", "No statistically significant intergroup differences were observed in postoperative pain, PCA "
                    "consumption, or adverse events."))
    assert list(_conditions(article)) == ["postoperative_acute"]


def test_what_earlier_studies_found_is_background():
    # batch 6 16951722: unlabelled abstract whose only pain word is in a sentence about earlier work
    article = _article(
        "Evaluating Effects of Aromatherapy Massage on Sleep in Children with Autism: A Pilot Study",
        (None, "Previous studies have found beneficial effects of aromatherapy massage for agitation in people with "
               "dementia, for pain relief and for poor sleep."),
        (None, "Repeated measures analysis revealed no differences in any of the sleep measures between the nights."))
    assert _conditions(article) == {}


def test_a_condition_word_in_an_instrument_name_names_no_condition():
    # batch 6 26674497: pain in peripheral arterial occlusive disease rated with the Neuropathic Pain Scale
    sentence = ("Patients will be evaluated on days 0, 2, 4, 6, 8, 12 and 14; the following information will being "
                "collected: daily oxycodone dose; average and maximum pain (Numerical Rating Scale); pain relief (Pain "
                "Relief Scale); characteristics of the pain (Neuropathic Pain Scale); impact of pain on the patient's "
                "daily activities (Brief Pain Inventory).")
    assert [t for t, _ in conditions.named_conditions(sentence)] == []
    assert [t for t, _ in conditions.named_conditions("patients with neuropathic pain")] == ["neuropathic"]


def test_painful_metastases_are_cancer_pain():
    article = _article("Fractionated radiosurgery for painful spinal metastases: DOSIS - a phase II trial",
                       ("METHODS", "Primary endpoint is pain response 3 months after radiosurgery, which is defined as "
                                   "pain reduction of ≥ 2 points at the treated vertebral site."))
    assert list(_conditions(article)) == ["cancer_pain"]


def test_hyphenated_pain_compounds_are_pain_words():
    # batch 6 28327114 (protocol) and batch 5 28210056: 'leg-pain and back-pain', 'pressure-pain threshold'
    article = _article(
        "Study-protocol for a randomized controlled trial comparing three posterior decompression techniques for "
        "lumbar spinal stenosis",
        (None, "Secondary outcomes are change in EQ-5D, Zurich Claudication Questionnaire, and Numeric Rating Scale "
               "for leg-pain and back-pain."))
    assert "low_back" in _conditions(article)
    assert not conditions.STRONG_PAIN.search("non-pain outcomes")


@pytest.mark.parametrize("sentence, measured", [
    # batch 4 dev PMC5816547 and PMC3517324: pain naming the care given or a treatment's aim (rule aa)
    ("For each of four new pain management indicators, we collected professionals’ perceptions about their clinical "
     "performance; peer performance; targets; and improvement intentions before and after receiving feedback.", False),
    ("Immediately before the weekly visit to oncologists, all patients complete with nurse assistance the E-MOSAIC "
     "Assessment: Edmonton Symptom Assessment Scale, ≤3 additional symptoms, estimated nutritional intake, body weight, "
     "Karnofsky and medications for pain and cachexia.", False),
    # batch 5 dev PMC5873424: pain treatment as the exposure whose effect on sleep is studied
    ("To investigate the effects of pain treatment on sleep in nursing home (NH) patients with dementia and "
     "depression.", False),
    # pain management as what the treatment improves is an outcome (pool dev PMC5578640, PMC4724107)
    ("The aim of this case-controlled study was to investigate if vitamin D supplementation could improve pain "
     "management, quality of life (QoL) and decrease infections in palliative cancer patients.", True),
    ("This study was designed to examine the effects of celecoxib administration immediately after surgery, in "
     "addition to multimodal analgesia, on postoperative pain management after TKA.", True),
])
def test_pain_that_names_the_care_given_is_not_measured(sentence, measured):
    assert conditions._measured_pain(sentence) is measured


@pytest.mark.parametrize("sentence, measured", [
    # what a treatment or a practice is for (b4 PMC2836470, b5 PMC5088157, pool PMC3558645): no pain measured
    ("The efficacy of ATP on fast ventricular arrhythmias confirmed once more the striking importance of careful "
     "device programming in order to reduce painful shocks.", False),
    ("Therefore an effective intervention method to improve neck pain and daily activities.", False),
    ("40 mg of lidocaine mixed with propofol to prevent injection pain did not affect the onset time of rocuronium, "
     "intubating conditions and intubation related hemodynamic changes.", False),
    # the study's own aim, or what its efficacy is judged on, is a planned pain outcome (pool PMC5926629, b5 PMC4748830)
    ("The objective of this study is to make a comparison between the effectiveness of the diclo- fenac suppository "
     "alone and periprostatic local anaesthesia infiltration alone to reduce the pain during a transrectal "
     "ultrasound-guided prostate biopsy procedure.", True),
    ("We carried out a double-blinded, randomised controlled trial to assess the efficacy of using corticosteroid in a "
     "periarticular injection to control pain after TKA.", True),
])
def test_pain_a_treatment_is_for_is_not_measured(sentence, measured):
    assert conditions._measured_pain(sentence) is measured


@pytest.mark.parametrize("sentence, measured", [
    # pool dev PMC3953472: pain as who the women are, and 'painful' before the muscle whose function is measured
    ("High-Intensity Strength Training Improves Function of Chronically Painful Muscles: Case-Control and RCT Studies",
     False),
    ("Women with trapezius myalgia have lower strength capacity during repetitive MVC of the trapezius muscle than "
     "healthy controls.", False),
    # 'painful' as a predicate rates the pain (b5 PMC270000)
    ("There were no differences in the nature or number of adverse events between the treatment groups although "
     "Bravelle(R) injections were reported to be significantly less painful.", True),
])
def test_painful_thing_and_pain_population_are_not_measured(sentence, measured):
    assert conditions._measured_pain(sentence) is measured


@pytest.mark.parametrize("title", [
    "Massive rotator cuff tears: functional outcome after debridement or arthroscopic partial repair",  # b5 PMC2837810
    "Core Decompression and Autologous Bone Marrow Concentrate for Treatment of Femoral Head Osteonecrosis: A "
    "Randomized Prospective Study",  # b4 PMC4821226
    "Effectiveness of telerehabilitation programme following surgery in shoulder impingement syndrome (SIS): study "
    "protocol for a randomized controlled non-inferiority trial",  # b4 PMC5324280
])
def test_a_disorder_named_by_a_joint_or_soft_tissue_structure_is_other(title):
    assert [term for term, _ in conditions.named_conditions(title)] == ["other"]


@pytest.mark.parametrize("name, operation", [
    ("arthroscopic debridement (vs arthroscopic partial repair) of massive rotator cuff tears", True),  # b5 dev
    ("autologous bone marrow concentrate injection added to core decompression", False),  # b4 dev: the base's operation
    ("telerehabilitation programme with videoconferences after subacromial decompression (vs traditional "
     "physiotherapy)", False),  # b4 dev: the setting
    ("protocol of not performing episiotomy (vs selective episiotomy)", False),  # b5 dev: an operation not done
    ("spinal anaesthesia (vs general anaesthesia) for remedial inguinodynia surgery", False),  # b4 dev
    ("Superion InterSpinous Spacer", True),  # pool dev PMC4599047: an implanted device
    ("Trabecular Metal cervical fusion (vs Smith-Robinson autograft)", True),  # b6 dev PMC2899760
    # review10: a drug's release and a replacement therapy are no operation
    ("tapentadol prolonged release", False),
    ("oxycodone sustained release (vs placebo)", False),
    ("nicotine replacement therapy", False),
    ("total knee replacement", True),
    ("carpal tunnel release", True),
])
def test_the_interventions_own_operation(name, operation):
    assert conditions.operation_studied(name) is operation


def test_an_operation_that_treats_a_named_condition_adds_the_surgical_setting():
    # additions rules s and af: the trial's own operation, pain measured after it ('similar pain relief')
    article = next(parse_file(EVAL / "pain_trials_pool" / "PMC2837810.nxml"))
    intervention = "arthroscopic debridement (vs arthroscopic partial repair) of massive rotator cuff tears"
    found = {f.value: f for f in conditions.extract(make_context(article, intervention))}
    assert sorted(found) == ["other", "postoperative_acute"]
    assert found["postoperative_acute"].evidence.text == ("Massive rotator cuff tears: functional outcome after "
                                                         "debridement or arthroscopic partial repair")


def test_an_implanted_device_is_the_trials_own_operation():
    # pool dev PMC4599047 (gold low_back and postoperative_acute): lumbar stenosis treated by an implanted spacer (rule s)
    article = next(parse_file(EVAL / "pain_trials_pool" / "PMC4599047.nxml"))
    found = sorted(f.value for f in conditions.extract(make_context(article, "Superion InterSpinous Spacer")))
    assert found == ["low_back", "postoperative_acute"]


def test_signs_that_disappear_with_treatment_are_a_listed_pain_outcome():
    # pool dev PMC4734805 (gold postoperative_acute): symptoms relieved, like 'a significant advantage ... epigastric pain'
    assert conditions.listed_pain_outcome("The presence of pain, photophobia, conjunctival hyperemia, chemosis, "
                                          "cellularity, and corneal edema disappeared by day 30 in both groups.")


def test_operations_by_general_surgical_vocabulary():
    assert conditions.ACUTE.scan("clinical signs of ocular inflammation after phacoemulsification")  # PMC4734805 title


def _named_before(text: str) -> list[tuple[str, tuple[int, int]]]:
    """``conditions.named_conditions`` as it was: every term's ``scan_iter`` in lexicon order."""
    if any(w in text for w in ("Scale", "Inventory", "Questionnaire", "Index", "Profile")):
        text = conditions._INSTRUMENT_NAME.sub(lambda m: " " * len(m[0]), text)
    taken: list[tuple[int, int]] = []
    found = []
    for term, pattern in conditions.NAMED:
        for m in pattern.scan_iter(text):
            if any(s <= m.start() and m.end() <= e for s, e in taken):
                continue
            taken.append(m.span())
            found.append((term, m.span()))
    return found


def test_named_conditions_skip_terms_by_one_key_lookup_with_the_same_matches() -> None:
    """The terms whose needed words a sentence lacks are skipped on one shared key lookup: the same conditions,
    spans and order as every term's ``scan_iter`` (the sentences of the chronic pain dev articles)."""
    from ketamine_evidence.analysis.parse.sentences import split_article

    checked = found = 0
    for path in sorted((EVAL / "chronic_pain_articles").glob("*.nxml")):
        for article in parse_file(path):
            for s in split_article(article, article.text):
                got = [(term, m.span()) for term, m in conditions.named_conditions(s.text)]
                assert got == _named_before(s.text), s.text
                checked += 1
                found += bool(got)
    assert checked > 250 and found > 20


@pytest.mark.parametrize("sentence, expected", [
    # dev sentences with a condition word swapped for a clinical synonym of the same class (invariance rewrite
    # ``condition_synonyms``): batch 4 19775434, pool dev 29316960, batch 5 26762175, batch 4 28511647
    ("patients with a combination of cephalalgia and cervical pain", ["migraine_headache", "other"]),
    ("in reducing pain in people with sciatic pain", ["neuropathic"]),
    ("Patients with end-stage osteoarthrosis of the knee were randomized", ["other"]),
    ("chronic lumbago and lumbar facet joint pain", ["low_back"]),
    ("painful diabetic polyneuropathy or cubital tunnel syndrome", ["neuropathic"]),
    ("chronic tendonitis, de Quervain's tenosynovitis and greater trochanteric pain syndrome", ["other"]),
    ("metastatic bone pain in breast cancer", ["cancer_pain"]),
    # adjectival forms: 'osteoarthritic', 'lumbar spine', 'endometriotic'
    ("osteoarthritic knees, lumbar spine pain and endometriotic lesions", ["low_back", "other"]),
])
def test_clinical_synonyms_of_a_class(sentence, expected):
    assert sorted({term for term, _ in conditions.named_conditions(sentence)}) == expected


def test_medical_pain_word_forms_count_as_pain():
    """-algia, -dynia and aches are pain words (cephalalgia rated like headache); the condition names fibromyalgia and
    polymyalgia, and 'nostalgia', are not."""
    from ketamine_evidence.analysis.extract.study_text import PAIN

    for text in ("prevalence of other related symptoms (cephalalgia and burning eyes)", "coccydynia scores",
                 "backache intensity"):
        assert PAIN.pattern.search(text), text
    for text in ("fibromyalgia impact questionnaire", "polymyalgia rheumatica", "nostalgia"):
        assert not PAIN.pattern.search(text), text


def test_pain_naming_the_people_in_either_order_is_no_pain_outcome():
    # pool dev 28782266 (gold []), and its 'population_order' rewrite
    for text in ("Naloxegol is approved for the treatment of opioid-induced constipation (OIC) in adults with chronic "
                 "noncancer pain.", "Naloxegol is approved for the treatment of opioid-induced constipation (OIC) in "
                 "chronic noncancer pain adults."):
        assert not pain_beyond_population(text)


def test_pain_during_an_injection_is_a_procedural_setting():
    # ketamine dev 25302093's setting written the other way round ('withdrawal response' to rocuronium injection)
    assert conditions.ACUTE.scan("Pain during rocuronium injection was graded on a four-point scale.")


def test_unlabelled_between_group_comparison_reports_results():
    # pool dev PMC4450164 with its part labels removed (invariance ``labels_removed``): the flank pain compared between
    # the stented and unstented groups is still a result of this study
    article = _article(
        "Surgical Results of Anderson-Hynes Dismembered Pyeloplasty Without Internal Drainage in Adults With "
        "Ureteroplevic Junction Obstruction",
        (None, "We have compared the surgical outcome of Anderson-Hynes dismembered pyeloplasty for UPJO repair, with or "
               "without internal stenting. Eighty-two patients with UPJO were evaluated from 1996 to 2002. However, a "
               "higher incidence of catheter related urinary symptoms and flank pain was reported among those with "
               "internal stent."))
    assert list(_conditions(article)) == ["postoperative_acute"]


# Batch 7 dev articles (data/eval/pool/gold_blind.jsonl, the retired first blind split), and batch 4 and 5 records that the
# same mechanisms read: the enzyme AChE is no ache; the rationale in a Background part is no outcome (rule w); pain
# compared or given as a rate is measured; arthroscopy and ablation are operations (rules s, af); 'screening procedures'
# set no procedural pain; chronic pain after the trial's operation is post-surgical (rule af); 'painless' in a title, a
# guideline for a pain and people who visit a practitioner for a pain are no pain outcome (rule aa).
@pytest.mark.parametrize("pmcid, intervention, expected", [
    ("PMC3635594", "methanesulfonyl fluoride (MSF)", []),  # 'erythrocyte AChE was inhibited'
    ("PMC3655094", "mindfulness-based meditation intervention", []),  # 'emotional pain' in the Background only
    ("PMC3606616", "mother-infant skin-to-skin contact during breastfeeding", ["other"]),  # 'compare ... maternal ... pain'
    ("PMC2249589", "knee arthroscopy plus home exercise", ["other", "postoperative_acute"]),
    ("PMC5041956", "preoperative mathematic model for CT-guided microwave ablation", ["postoperative_acute"]),
    ("PMC3516972", "Glubran 2 cyanoacrylate glue mesh fixation", ["other", "postoperative_acute"]),
    ("PMC2836470", "prolonged (15-pulse) anti-tachycardia burst pacing (vs conventional 8-pulse)", []),  # batch 4
    # batch 5, revised rule aa (round 14): 'Patients ... who visit a participating practitioner for acute non-specific low
    # back pain ... will be eligible for inclusion' defines the population; the guideline's name measures nothing
    ("PMC2291069", "theory-based intervention for implementing an acute low back pain guideline in general practice "
     "(facilitated workshops)", ["low_back"]),
])
def test_batch_7_dev_conditions(pmcid, intervention, expected):
    article = next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml"))
    assert sorted(f.value for f in conditions.extract(make_context(article, intervention))) == expected


# dc12, round 12: whether pain is a measured outcome of this study. Pain named as a criterion (the definition of another
# state, a target care is titrated to) is not; pain in a collected-data list or a comparison's (non-)significant
# finding is (additions rules w, aa).
@pytest.mark.parametrize("pmcid, intervention, expected", [
    ("PMC5066795", "golimumab", []),  # pool dev: 'MDA was defined by ... patient pain score <=15, ...'
    ("PMC420060", "remifentanil infusion in ICU patients with renal impairment", []),  # batch 6: 'to achieve a target ...'
    ("PMC4607172", "clinically assisted hydration added to oral intake and mouth care at end of life",
     ["cancer_pain"]),  # blind2: 'Other data to be collected include the frequency of pain'
    ("PMC5116111", "topical gel with chitosan, 0.2% chlorhexidine, allantoin and dexpanthenol after third molar "
     "extraction", ["postoperative_acute"]),  # blind2: 'No significant findings were found regarding ... pain'
])
def test_whether_pain_is_this_studys_measured_outcome(pmcid, intervention, expected):
    article = next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml"))
    assert sorted(f.value for f in conditions.extract(make_context(article, intervention))) == expected


@pytest.mark.parametrize("sentence, measured", [
    ("No significant findings were found regarding postoperative swelling and pain.", True),  # blind2 PMC5116111
    ("In group 1, pain manifestation was significantly delayed in comparison with group 2.", True),  # pool dev PMC4789479
    ("Postoperative pain remains a significant clinical problem.", False),  # batch 4 PMC1187870 (background)
    ("Ureteric stones are associated with severe pain as they pass through the urinary tract and have significant "
     "impact on patients' quality of life.", False),  # pool dev PMC5964896
])
def test_a_significant_finding_measures_pain(sentence, measured):
    assert conditions._measured_pain(sentence) is measured


def test_an_unlabelled_abstracts_finding_is_this_studys_result():
    """batch 4 PMC4821226 (gold ['other']): 'Postoperatively, significant decrease in pain ... was observed' in an
    abstract without parts reports this study's result (its 'postoperative_acute' is rule s's reading, left as is)."""
    article = next(parse_file(EVAL / "pain_trials_pool" / "PMC4821226.nxml"))
    assert "other" in {f.value for f in conditions.extract(make_context(article))}
    assert conditions._RESULT_CUE.search("Postoperatively, significant decrease in pain associated with a functional "
                                         "benefit lasting was observed.")
    assert not conditions._RESULT_CUE.search("Postoperative pain management remains a significant challenge for all "
                                             "healthcare providers.")  # batch 4 PMC3403627, background


_PIL_ESI = "parasagittal interlaminar (PIL) epidural steroid injection"


def test_radicular_pain_of_a_low_back_pain_trial_is_low_back():
    # chronic dev PMC4644318 (the issue author's gold ['low_back'], 'radicular low back pain -> low_back'): the title
    # names 'Radicular Low Back Pain'; 'lumbosacral radicular pain' is part of it, not another condition
    article = next(parse_file(EVAL / "chronic_pain_articles" / "PMC4644318.nxml"))
    found = {f.value: f for f in conditions.extract(make_context(article, _PIL_ESI))}
    assert list(found) == ["low_back"]
    assert found["low_back"].evidence.source == "title"


def test_radicular_back_pain_needs_a_low_back_title_and_radicular_words_only():
    ctx = make_context(next(parse_file(EVAL / "chronic_pain_articles" / "PMC4644318.nxml")), _PIL_ESI)
    title, background, methods = ctx.sentences[0], ctx.sentences[1], ctx.sentences[4]
    assert "lumbosacral radicular pain" in methods.text and title.section == "TITLE"
    assert conditions.radicular_back_pain(title, background, {"lumbosacral radicular pain"})
    assert not conditions.radicular_back_pain(methods, background, {"lumbosacral radicular pain"})  # not the title's
    assert not conditions.radicular_back_pain(None, background, {"lumbosacral radicular pain"})
    assert not conditions.radicular_back_pain(title, title, {"radicular pain"})  # the title names the nerve pain
    assert not conditions.radicular_back_pain(title, background, {"lumbosacral radicular pain", "neuropathic pain"})


def test_a_trial_titled_by_sciatica_keeps_neuropathic():
    # pool dev PMC5759865 (gold ['neuropathic'], additions rule h): 'Pregabalin versus gabapentin in the treatment of
    # sciatica'
    article = next(parse_file(EVAL / "pain_trials_pool" / "PMC5759865.nxml"))
    found = sorted(f.value for f in conditions.extract(make_context(article, "pregabalin")))
    assert found == ["neuropathic"]
