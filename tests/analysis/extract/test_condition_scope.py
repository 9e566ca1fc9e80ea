"""Which pain a trial studies (cond11, round 11): setting words that are not this trial's setting, and people with
cancer. Sentences from the MEDLINE sample and dev records."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation.invariance import rewrite_article
from ketamine_evidence.analysis.evaluation.invariance_text import malignancy_words
from ketamine_evidence.analysis.extract import condition_scope, conditions, extract_article
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import Sentence
from ketamine_evidence.analysis.records import Article, Section
from tests.conftest import EVAL


def _acute(text: str) -> bool:
    return conditions.ACUTE.scan(text) is not None


@pytest.mark.parametrize("sentence", [
    # MEDLINE 26432129, 26702231: the participants' history; the alternative the treatment is compared with
    "An age-related cataract was defined as the presence of a cortical, nuclear, anterior subcapsular, posterior "
    "subcapsular, or mixed cataract or a history of cataract surgery.",
    "However, treatment without surgery offers no possibility of cure, and furthermore, symptom control may be poor.",
    # MEDLINE 26206344: a course of treatment undergone, no operation
    "To study the relationship between men's meat intake and clinical outcomes in couples undergoing infertility "
    "treatment with the use of assisted reproductive technology (ART).",
    # batch 4 PMC5623423: an eligibility criterion
    "Main exclusion criteria are habitual opioid use, impaired pain sensation, other painful injuries or cognitive "
    "impairment.",
])
def test_setting_words_of_something_else_are_not_a_setting(sentence):
    assert _acute(sentence)
    blanked = condition_scope.setting_text(sentence)
    assert len(blanked) == len(sentence) and not _acute(blanked)


@pytest.mark.parametrize("sentence, kept", [
    # MEDLINE 26231464: 'past' is 'after' here
    ("Among the recipients there was a reversible decline in score of physical activity and increased bodily pain at "
     "3 months past surgery.", "past surgery"),
    # pool dev PMC4631431: a premedication's timing
    ("Overall, IV ibuprofen has been well tolerated by hospitalized and outpatient patients when administered both prior "
     "to surgery and postoperatively as well as for nonsurgical pain or fever.", "prior to surgery"),
    # MEDLINE 26335131: an arm of the operation, not its absence
    ("Given the low incidence of OVCA and the rather moderate increase in risk of mostly type I tumors, screening seems to "
     "be ill-advised, and risk-reducing surgery such as salpingectomy with or without oophorectomy does not seem to yield "
     "any substantial benefit to women with endometriosis.", "with or without oophorectomy"),
])
def test_the_trials_own_setting_is_kept(sentence, kept):
    assert kept in condition_scope.setting_text(sentence)


def test_a_clause_of_exclusions_is_blanked_and_not_the_clause_before_it():
    # pool dev PMC5856421 (gold ["postoperative_acute"]): its exclusion sentence, after a clause of this trial's operation
    sentence = ("Patients underwent laparoscopic cholecystectomy; patients with acute cholecystitis, common bile duct "
                "calculi, chronic liver disease/cirrhosis, suspected GB carcinoma, and pregnant women were excluded from "
                "the study.")
    blanked = condition_scope.setting_text(sentence)
    assert blanked.startswith("Patients underwent laparoscopic cholecystectomy;") and "carcinoma" not in blanked


def test_a_local_anaesthetic_is_a_drug_and_the_operation_stays_the_setting():
    # batch 6 PMC4053826
    sentence = ("Local anesthetic wound infiltration is widely used as an effective adjunct during multimodal postoperative "
                "pain management.")
    blanked = condition_scope.setting_text(sentence)
    assert "Local anesthetic" not in blanked and "postoperative" in blanked


def test_malignancy_words_and_cancer_people():
    # batch 6 PMC529310: a cytokine is no tumour
    title = "The effect of chemotherapy combined with recombination mutant human tumor necrosis factor on advanced cancer."
    assert [m[0] for m in condition_scope.CANCER.finditer(title)] == ["cancer"]
    assert condition_scope.CANCER.search("Glutamine delays oral mucositis in the head neck carcinoma patients.")
    # batch 5 PMC4584261, pool dev PMC5578640
    assert condition_scope.cancer_people("symptoms of depression, anxiety, pain, fatigue and sleep disturbances in women "
                                         "receiving chemotherapy for early-stage breast cancer")
    assert condition_scope.cancer_people("Vitamin D supplementation to palliative cancer patients shows positive effects")
    assert not condition_scope.cancer_people("Patients with breast cancer treated with MPA often report an improvement")


def test_disease_events_are_no_setting_of_their_own():
    # MEDLINE 24597993: fractures as a risk; batch 4 PMC5623423: the trial's operation
    risk = ("Although the observational studies have shown linkages between vitamin K intake and lower risk of fractures "
            "in this population, the current evidence from randomized controlled trials is not strongly supportive of "
            "vitamin K supplementation in older adults for the intent of improving bone health.")
    assert condition_scope.disease_events_only([risk], conditions.ACUTE)
    operation = ("Ankle fracture surgery is a common procedure, but the influence of anaesthesia choice on postoperative "
                 "pain and quality of recovery is poorly understood.")
    assert not condition_scope.disease_events_only([risk, operation], conditions.ACUTE)


def _pool_article(pmcid: str):
    return next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml"))


def test_cancer_pain_whatever_word_names_the_malignancy():
    # pool dev PMC1968186 (gold ["cancer_pain"]), 'advanced breast cancer' written 'advanced breast carcinoma' (invariance
    # rewrite malignancy_words): the rules before round 11 read cancer pain from the word 'cancer' only and gave 'other'
    article = rewrite_article(_pool_article("PMC1968186"), malignancy_words)
    assert article is not None and "cancer" not in article.text.lower()
    assert extract_article(article, "CMF combination chemotherapy (vs weekly low dose epirubicin)")[0].conditions == \
        ["cancer_pain"]


def _sentence(text: str, section: str | None = "METHODS") -> Sentence:
    return Sentence(text, 0, len(text), section, 0)


def test_pain_with_no_site_of_its_own_in_people_with_cancer():
    # pool dev PMC1968469 (gold ["cancer_pain"]): the people named with their cancer, the pain with no site
    people = _sentence("These data indicate that there was a significant increase in appetite in anorexic patients with "
                       "advanced cancer treated with MPA which was reflected in increases in rapid turnover proteins "
                       "reported to reflect nutritional status.")
    cancer = condition_scope.with_cancer([people], conditions.POPULATION)
    assert cancer
    # batch 4 PMC5380284 (gold ["postoperative_acute"]): 'The postoperative pain score at 48 hours' names its setting
    scored = _sentence("The postoperative pain score at 48 hours (P = 0.032) in the Gum group was significantly higher than "
                       "in the no gum group.", "RESULTS")
    assert not condition_scope.cancer_pain([scored], cancer)
    # pool dev PMC4914730 (gold ["other"]): 'oral pain' of mucositis has a site
    oral = _sentence("Oral mucositis, upper gastrointestinal mucositis, and oral pain were evaluated by Common Terminology "
                     "Criteria for Adverse Events (CTCAE) v3.")
    assert not condition_scope.cancer_pain([oral], cancer)
    bare = _sentence("Patients were treated for 6 weeks and were assessed at weeks 0, 3 and 6 for appetite, energy, mood and "
                     "pain using visual analogue scales.")  # PMC1968469
    assert condition_scope.cancer_pain([oral, bare], cancer)


# review11, round 11: pool dev PMC5396972 (gold ["postoperative_acute"]), its people scheduled for cancer surgery and a
# pain sentence with no setting of its own, under the title of pool dev PMC4574984 (gold ["postoperative_acute"])
_SURGERY_PEOPLE = ("One hundred and twenty patients (American Society of Anesthesiologists grade II and III) of either sex "
                   "were scheduled for elective upper gastrointestinal cancer surgeries.")
_ALLOCATED = ("Patients were allocated randomly into two groups (60 patients each) to receive, besides general anesthesia: "
              "continuous intra and postoperative intravenous (IV) infusion with fentanyl for 72 h postoperatively (patient "
              "controlled intravenous analgesia [PCIA] group) or continuous intra and postoperative epidural infusion with "
              "bupivacaine 0.125% and fentanyl (PCEA group) for 72 h postoperatively.")
_UNSITED = ("Also, there was a significant reduction in dynamic VAS pain score in group PCEA in comparison to PCIA at all "
            "measured time points.")


def test_people_with_cancer_having_their_operation_have_postoperative_pain():
    sentences = [_sentence(_SURGERY_PEOPLE), Sentence(_UNSITED, 0, len(_UNSITED), "RESULTS", 1)]
    setting = {s.index: condition_scope.setting_text(s.text) for s in sentences}
    assert condition_scope.own_operation(sentences, setting, conditions.POPULATION, conditions.SURGICAL) is sentences[0]
    # an operation named only in a results sentence (pool dev PMC4574984) is not the participants' own
    results = _sentence("Independent predictors for LOS were identified as severity of surgery, length of anesthesia, major "
                        "postoperative complications, nutritional state, and pre-operative physical functional capacity "
                        "measured by the Timed Up and Go-test by multiple robust regressions.", "RESULTS")
    assert condition_scope.own_operation([results], {results.index: results.text}, conditions.POPULATION,
                                         conditions.SURGICAL) is None
    article = Article(pmid="1", pmcid=None, doi=None,
                      title="Patient Empowerment Improved Perioperative Quality of Care in Cancer Patients Aged ≥ 65 Years",
                      abstract=[Section("METHODS", "METHODS", f"{_SURGERY_PEOPLE} {_ALLOCATED}"),
                                Section("RESULTS", "RESULTS", _UNSITED)])
    assert extract_article(article, "thoracic epidural analgesia")[0].conditions == ["postoperative_acute"]


def test_a_malignancy_the_participants_do_not_have_is_no_cancer_population():
    # pool dev PMC5856421: carcinoma in an exclusion clause; pool dev PMC5153686: a non-malignant pathology
    excluded = _sentence("Patients underwent laparoscopic cholecystectomy; patients with acute cholecystitis, common bile duct "
                         "calculi, chronic liver disease/cirrhosis, suspected GB carcinoma, and pregnant women were excluded "
                         "from the study.")
    assert not condition_scope.with_cancer([excluded], conditions.POPULATION)
    benign = _sentence("We planned to recruit 30 females undergoing total abdominal hysterectomy for non-malignant pathology, "
                       "who would then receive bilateral ultrasound-guided midaxillary TAP blocks at the completion of "
                       "surgery.", "TITLE")
    assert not condition_scope.with_cancer([benign], conditions.POPULATION)
    assert condition_scope.with_cancer([_sentence(benign.text.replace("non-malignant", "malignant"), "TITLE")],
                                       conditions.POPULATION)
    # 'tumour-necrosis factor' is the cytokine, hyphenated or not
    assert not condition_scope.CANCER.search("an inadequate response to tumour-necrosis factor inhibitors")


def test_pain_in_people_with_dementia_and_an_exclusion_of_carcinoma_is_not_cancer_pain():
    # pool dev PMC4232010 (gold ["other"]) with the exclusion sentence of pool dev PMC5856421 beside its methods
    title = ("Impact of a stepwise protocol for treating pain on pain intensity in nursing home patients with dementia: A "
             "cluster randomized trial")
    methods = ("Three hundred fifty-two people with dementia and significant agitation from 60 nursing home units were "
               "included in this study. Patients with acute cholecystitis, common bile duct calculi, chronic liver "
               "disease/cirrhosis, suspected GB carcinoma, and pregnant women were excluded from the study. These units, "
               "representing 18 nursing homes in western Norway, were randomized to a stepwise protocol of treating pain "
               "(SPTP) or usual care.")
    conclusion = ("Pain medication significantly improved pain in the intervention group, with indications that "
                  "acetaminophen also improved ADL function.")
    article = Article(pmid="1", pmcid=None, doi=None, title=title,
                      abstract=[Section("Methods", "Methods", methods), Section("Conclusion", "Conclusion", conclusion)])
    assert extract_article(article, "stepwise protocol of treating pain")[0].conditions == ["other"]


@pytest.mark.parametrize("sentence", [
    # pool dev PMC4691781 (body text) and chronic dev PMC4266769 (a reference's title): pain that is not cancer's
    "Opioid analgaesics are risky drugs in patients with chronic non-cancer pain; they can be effective in treating a "
    "variety of chronic pain conditions",
    "Medication adherence in patients with chronic non-malignant pain: is there a problem?",
])
def test_non_cancer_pain_is_not_cancer_pain(sentence):
    assert "cancer_pain" not in [term for term, _ in conditions.named_conditions(sentence)]


def test_an_exclusion_joined_by_and_leaves_the_inclusion_before_it():
    # MEDLINE 26209829, its procedure written as pool dev PMC5856421's operation: the inclusion names the setting
    sentence = ("We included 30 women undergoing laparoscopic cholecystectomy and excluded patients with polycystic ovarian "
                "syndrome, endometriosis, severe male factor, and low ovarian reserve.")
    blanked = condition_scope.setting_text(sentence)
    assert len(blanked) == len(sentence) and _acute(blanked) and "endometriosis" not in blanked
