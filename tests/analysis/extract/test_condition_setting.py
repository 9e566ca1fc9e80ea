"""condition_setting: setting words that name the treatment under study, or a medical therapy undergone, name no acute
setting (sentences and intervention names from dev records)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import condition_setting, conditions


def _setting_words(text: str) -> list[str]:
    return [m.group(0).lower() for m in conditions.ACUTE.scan_iter(text)]


@pytest.mark.parametrize("mode, expected", [("old", ["nerve block"]), ("treatment", []), ("therapy", ["nerve block"]),
                                            ("all", [])])
def test_the_treatment_is_no_setting(mode, expected, monkeypatch):
    # chronic PMC5789501: the block is what the trial tests in chronic shoulder pain
    monkeypatch.setenv("KE_COND_SETTING", mode)
    title = ("Comparative study of anatomical landmark-guided versus ultrasound-guided suprascapular nerve block in "
             "chronic shoulder pain")
    name = "ultrasound-guided suprascapular nerve block (bupivacaine and methylprednisolone)"
    out = condition_setting.setting_text(title, name, operation=False)
    assert len(out) == len(title)
    assert _setting_words(out) == expected


def test_an_operation_keeps_its_name(monkeypatch):
    monkeypatch.setenv("KE_COND_SETTING", "all")
    text = "Effect of lateral femoral cutaneous nerve-block on pain after total hip arthroplasty"  # b6 PMC4804512
    assert _setting_words(condition_setting.setting_text(text, "nerve block", operation=True)) == _setting_words(text)


def test_the_setting_of_the_name_stays(monkeypatch):
    # b5 PMC5393542: the extraction is where the pain comes from; the treatment is the hyaluronic acid
    monkeypatch.setenv("KE_COND_SETTING", "all")
    text = "To explore the effects of hyaluronic acid (HA) on bleeding and associated outcomes after third molar extraction."
    out = condition_setting.setting_text(text, "local 0.8% hyaluronic acid after third molar extraction", operation=False)
    assert _setting_words(out) == ["extraction"]


@pytest.mark.parametrize("text, kept", [
    # b6 PMC5100075: a treatment undergone is no operation
    ("to usual outpatient care, on the clinical outcomes of young active adults undergoing treatment for non-arthritic "
     "intra-articular hip pain.", []),
    # pool PMC3714385 and b5 PMC270000: an operation or a procedure undergone stays
    ("Thirty-seven patients undergoing elective gastrectomy were randomly assigned to 2 groups", ["undergoing", "gastrectomy"]),
    ("follitropin-beta (Follistim) in infertile women undergoing in vitro fertilization", ["undergoing"]),
])
def test_a_therapy_undergone_is_no_setting(text, kept, monkeypatch):
    monkeypatch.setenv("KE_COND_SETTING", "therapy")
    assert _setting_words(condition_setting.setting_text(text, "x", operation=False)) == kept


def test_default_reads_as_before(monkeypatch):
    monkeypatch.delenv("KE_COND_SETTING", raising=False)
    assert not condition_setting.enabled()
    text = "young active adults undergoing treatment for hip pain"
    assert condition_setting.setting_text(text, "x", operation=False) == text
