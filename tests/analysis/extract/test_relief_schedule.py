"""Which stated times date a benefit (analysis/extract/relief_schedule.py; additions rules ax, ay, az), on dev records."""

from __future__ import annotations

from pathlib import Path

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract import relief, relief_schedule
from ketamine_evidence.analysis.extract.relief_schedule import ASSESSED, against_inactive, level_reached_by_all, window
from ketamine_evidence.analysis.parse.files import parse_file
from ketamine_evidence.analysis.records import Article, Section

_POOL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"


def _relief(pmcid: str, intervention: str) -> float | None:
    article = next(parse_file(_POOL / f"{pmcid}.nxml"))
    found = {f.field: f for f in extract_findings(article, intervention)}
    return found["relief_duration_days"].value if "relief_duration_days" in found else None


def test_an_assessment_window_is_no_time_point() -> None:
    # pool blind2 PMC4565804 (rule ax): the span over which rescue doses were counted
    text = "Postoperative analgesia was evaluated for 72 hr."
    assert window(text, text.index("72 hr"))
    # ketamine dev PMC4940009: an assessment at a time after surgery
    text = "The incidence and severity of myalgia were assessed by a blinded observer 24 hours after surgery."
    assert not window(text, text.index("24 hours"))
    # batch 6 PMC3276927: 'for three months' spans the treatment, not the assessment
    text = ("A quasi experimental trail of 19 males through consecutive sampling was done with selected asanas for three "
            "months and the outcome was measured by a questionnaire")
    assert not window(text, text.index("three months"))


def test_fewer_rescue_doses_over_a_window_date_no_relief() -> None:
    # pool blind2 PMC4565804 (gold relief null): 'Postoperative analgesia was evaluated for 72 hr' was read as the
    # single assessment time
    assert _relief("PMC4565804", "perioperative oral gabapentin in dogs undergoing mastectomy") is None


def test_an_undated_benefit_over_placebo_lasts_to_the_last_listed_day() -> None:
    # pool blind2 PMC5149084 (gold 5, rule ay): 'All treatment modalities reduced pain and ulcer size than placebo
    # group' with 'pain score were recorded on days 1, 2 and 5'; before, no relief was read
    assert _relief("PMC5149084", "diode laser (vs herbal Acacia nilotica/licorice, amlexanox, placebo) for recurrent "
                                 "aphthous stomatitis") == 5.0


def test_a_level_every_arm_reached_is_no_relief() -> None:
    # pool blind2 PMC5504600 (rule az, gold relief null): the level both arms reached is no relief from baseline, and
    # the arms' pain told only so gives no reading, though 'non-inferior but not superior' alone would give 0 (rule e)
    both = ("With both concepts, mean maximum pain intensity during exercise within the first 24 h after "
            "orthopedic/trauma surgery was reduced to a score of <4.")
    assert level_reached_by_all(both)
    assert not level_reached_by_all(both.replace("With both concepts, m", "M"))  # one arm's level: not this rule
    assert not level_reached_by_all(both.replace("to a score of <4", "from 6.1 to a score of <4"))  # from a value
    assert _relief("PMC5504600", "perioperative oral extended-release tapentadol (vs extended-release "
                                 "oxycodone/naloxone)") is None


def test_a_benefit_at_all_times_lasts_to_the_last_assessment_not_the_stated_follow_up_length() -> None:
    # batch 5 PMC5712123 (gold relief 2, rule ac: 'at all times', last time point 'at rest at 24 h and 48 h'), with
    # pool blind2 PMC4045368's sentence added (its range left out): a length stated for the follow-up itself is the
    # follow-up (round 11, follow_up_length) but no assessment time; before, the benefit was read as lasting 402 days
    article = next(parse_file(_POOL / "PMC5712123.nxml"))
    stated = Section("Results", "Results", "The mean duration of follow-up was 13.4 months.")
    longer = Article(pmid=article.pmid, pmcid=article.pmcid, doi=None, title=article.title,
                     abstract=[*article.abstract, stated])
    found = {f.field: f.value for f in extract_findings(longer, "perioperative duloxetine plus etoricoxib combination")}
    assert found["relief_duration_days"] == 2.0
    assert found["follow_up_days"] == 402.0  # the follow-up itself keeps the stated length


def test_an_inactive_control_is_an_arm_not_what_a_treatment_achieves() -> None:
    """rv12: rule ay's benefit over an inactive control reads 'control' as ``relief_controls`` reads a control arm,
    not as achieved pain control or a design's name (blind2 PMC3846239 and PMC3649350, dev); before, the bare word
    'control' counted."""
    assert against_inactive("All treatment modalities reduced pain and ulcer size than placebo group")  # PMC5149084
    assert not against_inactive("Local nerve blockade added to general anesthesia can provide excellent pain control "
                                "during and after most nasal surgical procedures.")
    assert not against_inactive("Impact of Self-Watching Double J Stent Insertion on Pain Experience of Male Patients: "
                                "A Randomized Control Study Using Visual Analog Scale")


def test_one_reading_of_an_assessment_serves_the_schedule_and_the_single_time() -> None:
    """rv12: relief's single assessment time and rule ay's schedule read 'pain was assessed' with one pattern (they
    were two lists of verbs); a study that 'examined' something states its aim (pool dev PMC3821116), no rating."""
    assert repr(relief.ASSESSED) == repr(relief_schedule.ASSESSED)  # (each module holds its own fast wrapper)
    assert ASSESSED.search("A blinded observer assessed pain and incision redness, swelling, and discharge at 24 and 48 "
                           "hours postoperative (graded 0-3)")  # pool dev PMC5516192
    assert ASSESSED.search("Ulcer size, pain score were recorded on days 1, 2 and 5")  # blind2 PMC5149084
    assert not ASSESSED.search("The present study examined the efficacy of pregabalin in alleviating the postoperative "
                               "pain of DCA surgery")
