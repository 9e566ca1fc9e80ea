"""The whole report from the real snapshot tables: files, sections, escaping, PubMed links, store changes."""

from __future__ import annotations

import re
from pathlib import Path

from ketamine_evidence.analysis.report import build_context, build_report
from ketamine_evidence.analysis.report.evidence_tables import included_studies
from ketamine_evidence.analysis.report.render import md_escape
from tests.analysis.report.conftest import XSS_EVIDENCE, XSS_TITLE, build_small_tables, with_xss_probe

SECTIONS = ("How to read this report", "Record flow (PRISMA 2020)", "Summary of findings, by outcome",
            "What popular articles claim", "Evidence tables",
            "How long relief lasted", "Side effects", "Pooled estimates", "What changed since the previous harvest")


def test_report_from_snapshot_tables_is_self_contained(snapshot_tables, tmp_path):
    files = build_report(snapshot_tables, tmp_path, tables_source="snapshot")
    html = files.html.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert section in html
        assert section in files.markdown.read_text(encoding="utf-8")
    # offline: no stylesheet, script or image from elsewhere; the only external links go to PubMed
    assert not re.search(r"<(link|script)[^>]+(href|src)=", html)
    assert all(src.startswith("data:image/png;base64,") for src in re.findall(r'<img[^>]+src="([^"]+)"', html))
    external = set(re.findall(r'href="(https?://[^/"]+)', html))
    assert external <= {"https://pubmed.ncbi.nlm.nih.gov"}
    # the PRISMA diagram is inline SVG and adds up to what the tables hold
    studies = snapshot_tables.studies
    assert html.count("<svg") == 1 and "PRISMA 2020 flow diagram" in html
    assert f">Total (n = {len(studies)})</text>" in html
    assert f">Studies included in review (n = {len(included_studies(studies))})</text>" in html
    assert f"<b>{len(included_studies(studies))}</b>studies included" in html
    assert (tmp_path / "figures" / "prisma_flow.svg").read_text(encoding="utf-8").startswith("<svg")
    assert "](figures/prisma_flow.svg)" in files.markdown.read_text(encoding="utf-8")
    assert "Findings belong to the intervention" in html and "ketamine" in html


def test_every_included_study_links_to_pubmed(snapshot_tables, tmp_path):
    tables = with_xss_probe(snapshot_tables)
    html = build_report(tables, tmp_path).html.read_text(encoding="utf-8")
    for pmid in included_studies(tables.studies)["pmid"].dropna():
        assert f'href="https://pubmed.ncbi.nlm.nih.gov/{pmid}/"' in html


def test_record_text_is_escaped_in_html_and_markdown(snapshot_tables, tmp_path):
    files = build_report(with_xss_probe(snapshot_tables), tmp_path)
    html = files.html.read_text(encoding="utf-8")
    assert XSS_TITLE not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; probe title" in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt; probe sentence" in html
    assert len(re.findall(r"<script", html)) == 1          # only the report's own sorting script
    md = files.markdown.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<(img|script)", md)   # every '<' of record text is backslash-escaped
    assert md_escape(XSS_TITLE) in md and md_escape(XSS_EVIDENCE) in md


def test_markdown_escape_keeps_table_cells_whole():
    assert md_escape("a | b\nc") == r"a \| b c"
    assert md_escape("<b>x</b> & y") == r"\<b\>x\</b\> &amp; y"


def test_report_names_the_intervention_of_the_findings(tmp_path):
    tables = build_small_tables()
    tables.studies["intervention"] = "lidocaine"
    tables.findings["intervention"] = "lidocaine"
    context = build_context(tables)
    assert context["interventions"] == ["lidocaine"]
    html = build_report(tables, tmp_path).html.read_text(encoding="utf-8")
    assert 'Findings belong to the intervention: <span class="intervention">lidocaine</span>' in html
    assert "<th>Intervention</th>" in html
    assert "Lidocaine has few side effects" in html


def test_pooling_section_says_plainly_when_data_are_short(tmp_path):
    html = build_report(build_small_tables(), tmp_path).html.read_text(encoding="utf-8")
    assert "Not enough data to pool" in html
    assert "0 included RCTs give such data" in html


def _pain_score(sid: str, arm: str, mean: float, sd: float, n: int) -> dict:
    return {"study_id": sid, "field": "pain_score", "value": str(mean), "arm": arm, "timepoint": "24 h",
            "detail": {"arm": arm, "timepoint": "24 h", "mean": mean, "sd": sd, "n": n, "scale": "0-10"},
            "evidence_text": f"Pain at 24 h was {mean} ({sd}) with {arm}.", "evidence_start": 0}


def test_forest_plot_and_pooled_estimate_with_two_rcts(tmp_path):
    tables = build_small_tables()
    extra = [_pain_score("s1", "ketamine", 3.0, 2.0, 30), _pain_score("s1", "placebo", 5.0, 2.0, 30),
             _pain_score("s2", "ketamine", 4.0, 2.5, 20), _pain_score("s2", "placebo", 4.5, 2.5, 20)]
    from tests.analysis.report.conftest import make_tables
    tables = make_tables(tables.studies.to_dict("records"), extra, tables.adverse_events.to_dict("records"))
    context = build_context(tables)
    analyses = context["pooled"].analyses
    assert len(analyses) == 1 and analyses[0].result.k == 2
    # inverse-variance weights: MD -2 (var 0.2667) and -0.5 (var 0.625)
    assert -2.0 < analyses[0].result.estimate < -0.5
    result = analyses[0].result
    assert result.hartung_knapp and result.ci_low < 0 < result.ci_high     # t with 1 df: a wide interval
    pain = next(o for o in context["summary"] if o.key == "pain")       # the same two trials, over all conditions
    assert pain.effect.startswith(f"MD {result.estimate:.2f} (95% CI {result.ci_low:.2f} to {result.ci_high:.2f}) "
                                  "points, 2 RCTs")
    assert f"I² = {result.i2:.0f}%" in " ".join(pain.certainty.reasons)
    assert any("the 95% CI includes no effect" in r for r in pain.certainty.reasons)
    files = build_report(tables, tmp_path)
    assert any(p.name.startswith("forest_crps_MD") for p in files.figures)
    assert build_report(build_small_tables(), tmp_path).figures       # without the effect data: no forest plot
    assert not list((tmp_path / "figures").glob("forest_*.png"))
    files = build_report(tables, tmp_path)
    html = files.html.read_text(encoding="utf-8")
    assert "Pooled estimates" in html and "2 RCTs" in html and "prediction interval" in html


def test_pain_scales_that_differ_are_pooled_as_smd_in_the_report(tmp_path):
    tables = build_small_tables()
    on_100 = [_pain_score("s2", "ketamine", 40.0, 25.0, 20), _pain_score("s2", "placebo", 45.0, 25.0, 20)]
    for row in on_100:
        row["detail"]["scale"] = "0-100"
    extra = [_pain_score("s1", "ketamine", 3.0, 2.0, 30), _pain_score("s1", "placebo", 5.0, 2.0, 30), *on_100]
    from tests.analysis.report.conftest import make_tables
    tables = make_tables(tables.studies.to_dict("records"), extra, tables.adverse_events.to_dict("records"))
    context = build_context(tables)
    (analysis,) = context["pooled"].analyses
    assert analysis.measure == "SMD" and analysis.result.k == 2
    assert "Hedges' g" in analysis.measure_text
    pain = next(o for o in context["summary"] if o.key == "pain")
    assert pain.effect.startswith("SMD (Hedges' g) ")
    assert pain.absolute == "not on one scale: the trials used different pain scales"
    files = build_report(tables, tmp_path)
    assert any(p.name == "forest_crps_SMD.png" for p in files.figures)


def test_report_without_store_says_so(tmp_path):
    html = build_report(build_small_tables(), tmp_path, store_path=tmp_path / "absent.sqlite").html.read_text()
    assert "No harvest store was found" in html


def test_changes_come_from_the_store(tmp_path, home):
    from ketamine_evidence.harvest.snapshot import load_snapshot
    from ketamine_evidence.harvest.store import Store

    store_path = tmp_path / "store.sqlite"
    with Store(store_path) as store:
        run_id = store.begin_run("snapshot", None)
        load_snapshot(store, run_id, Path(__file__).resolve().parents[3] / "data" / "snapshot", progress=False)
        store.finish_run(run_id, "ok")
        keys = store.changes(run_id)["new"]
    tables = build_small_tables()
    tables.studies.loc[0, "pmid"] = keys[0]            # s1, included, is one of the new records
    tables.studies.loc[3, "pmid"] = keys[1]            # s4, excluded, is another
    html = build_report(tables, tmp_path / "out", store_path=store_path).html.read_text()
    assert f'<td>new</td><td class="num">{len(keys)}</td><td class="num">1</td>' in html
    assert f'PMID {keys[0]}</a> <b>(included)</b> Trial one' in html
    assert f'PMID {keys[1]}</a> Depression trial' in html
    assert "This is the first harvest in the store" in html


def test_unwritable_output_is_an_input_error(tmp_path, home):
    from ketamine_evidence.cli import main

    target = tmp_path / "file"
    target.write_text("not a folder")
    assert main(["report", "--tables", str(tmp_path / "none"), "--out", str(target)]) == 7


def test_report_of_empty_tables_says_there_is_nothing(tmp_path):
    from tests.analysis.report.conftest import make_tables

    files = build_report(make_tables([]), tmp_path)
    html = files.html.read_text(encoding="utf-8")
    assert "No study is included, so there is no evidence table." in html
    assert "None of the 0 included studies states how long relief lasted." in html
    assert [p.name for p in files.figures] == ["prisma_flow.svg"]          # the flow, with zeros
    assert html.count("The store cannot answer this: no included study reports") == 4


def test_markdown_tables_keep_their_columns_when_record_text_has_pipes(snapshot_tables, tmp_path):
    tables = with_xss_probe(snapshot_tables)
    tables.studies.loc[tables.studies.index[0], "title"] = "A | B trial\nwith a line break"
    md = build_report(tables, tmp_path).markdown.read_text(encoding="utf-8")
    assert r"A \| B trial with a line break" in md
    cells = lambda line: len(re.findall(r"(?<!\\)\|", line))  # noqa: E731
    block: list[str] = []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            assert {cells(row) for row in block} == {cells(block[0])}, block[0]
            block = []


def test_report_files_are_replaced_atomically_keeping_their_mode(snapshot_tables, tmp_path) -> None:
    """A rewrite goes through a temporary file and a rename: same mode, no temporary file left."""
    import os

    from ketamine_evidence.analysis.report import build_report

    files = build_report(snapshot_tables, tmp_path, generated="2026-12-06")
    os.chmod(files.markdown, 0o644)
    os.chmod(files.html, 0o604)
    inode = os.stat(files.markdown).st_ino
    again = build_report(snapshot_tables, tmp_path, generated="2026-12-06")
    assert os.stat(again.markdown).st_mode & 0o777 == 0o644 and os.stat(again.html).st_mode & 0o777 == 0o604
    assert os.stat(again.markdown).st_ino != inode  # a new file renamed into place, not rewritten in place
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
