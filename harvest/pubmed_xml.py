"""Split and inspect PubMed and PMC XML into ``RawRecord``s, safely and without a DTD.

Used by the spider (efetch bodies) and the snapshot source (files), so both land identical
records. A body that is not one complete ``PubmedArticleSet`` raises ``TruncatedBody`` so the
caller can retry it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

from lxml import etree

from ketamine_evidence.harvest.items import RawRecord

PUBMED_TAGS = ("PubmedArticle", "PubmedBookArticle", "MedlineCitation")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


class TruncatedBody(ValueError):
    """The body is not a complete, well-formed XML document of the expected root."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                           remove_blank_text=False)


def _date(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    year = el.findtext("Year")
    if not year:
        return None
    month = (el.findtext("Month") or "1").strip()
    month_num = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower(), 1)
    day = (el.findtext("Day") or "1").strip()
    return f"{int(year):04d}-{month_num:02d}-{int(day) if day.isdigit() else 1:02d}"


def inspect_pubmed(el: etree._Element, source: str) -> RawRecord:
    """A ``RawRecord`` for one ``PubmedArticle``/``PubmedBookArticle``/``MedlineCitation`` element."""
    citation = el if el.tag == "MedlineCitation" else el.find("MedlineCitation")
    book = el.find("BookDocument") if citation is None else None
    holder = citation if citation is not None else book
    pmid = (holder.findtext("PMID") if holder is not None else None) or ""
    pmid = pmid.strip()
    if not pmid:
        raise TruncatedBody(f"a <{el.tag}> element has no PMID")
    date_revised = _date(holder.find("DateRevised")) if holder is not None else None
    pub_types = [t.text or "" for t in el.iter("PublicationType")]
    retracted = "Retracted Publication" in pub_types or any(
        c.get("RefType") == "RetractionIn" for c in el.iter("CommentsCorrections"))
    pmcid = None
    for aid in el.iterfind("PubmedData/ArticleIdList/ArticleId"):
        if aid.get("IdType") == "pmc" and aid.text:
            pmcid = aid.text.strip()
            break
    xml = etree.tostring(el, encoding="utf-8")
    return RawRecord(key=pmid, kind="pubmed", xml=xml, pmid=pmid, pmcid=pmcid,
                     date_revised=date_revised, retracted=retracted, source=source)


def inspect_pmc(root: etree._Element, source: str) -> RawRecord:
    """A ``RawRecord`` for one JATS ``article`` element (PMC full text)."""
    meta = root.find("front/article-meta")
    ids = {a.get("pub-id-type"): (a.text or "").strip() for a in (meta.findall("article-id") if meta is not None else [])}
    pmc = ids.get("pmc") or ids.get("pmcid")
    if not pmc:
        raise TruncatedBody("a JATS <article> has no PMC id")
    pmcid = pmc if pmc.upper().startswith("PMC") else f"PMC{pmc}"
    retracted = root.get("article-type") == "retraction"
    xml = etree.tostring(root, encoding="utf-8")
    return RawRecord(key=pmcid, kind="pmc", xml=xml, pmid=ids.get("pmid") or None, pmcid=pmcid,
                     date_revised=None, retracted=retracted, source=source)


def iter_pubmed_records(stream: IO[bytes], source: str) -> Iterator[RawRecord]:
    """Stream records out of a ``PubmedArticleSet``/``MedlineCitationSet`` file in constant memory.

    Raises ``TruncatedBody`` if the document is cut short or malformed.
    """
    context = etree.iterparse(stream, events=("end",), tag=PUBMED_TAGS, resolve_entities=False,
                              no_network=True, load_dtd=False, huge_tree=True)
    try:
        for _, el in context:
            parent = el.getparent()
            if el.tag == "MedlineCitation" and parent is not None and parent.tag == "PubmedArticle":
                continue  # handled with its PubmedArticle
            yield inspect_pubmed(el, source)
            el.clear(keep_tail=True)
            while el.getprevious() is not None and parent is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        raise TruncatedBody(f"broken XML: {exc}") from None


def split_efetch(body: bytes, source: str = "pubmed") -> list[RawRecord]:
    """All records of one efetch body; raises ``TruncatedBody`` unless it is a complete ``PubmedArticleSet``."""
    stripped = body.rstrip()
    if not stripped.endswith(b"</PubmedArticleSet>"):
        raise TruncatedBody("efetch body does not end with </PubmedArticleSet>")
    return list(iter_pubmed_records(io.BytesIO(body), source))


def parse_pmc(data: bytes, source: str) -> RawRecord:
    """The record of one PMC JATS document (``<article>`` root, or the first article of a ``pmc-articleset``)."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise TruncatedBody(f"broken JATS XML: {exc}") from None
    article = root if root.tag == "article" else root.find("article")
    if article is None:
        raise TruncatedBody(f"expected a JATS <article>, found <{root.tag}>")
    return inspect_pmc(article, source)
