"""PubMed/MEDLINE records (PubmedArticle, PubmedBookArticle, MedlineCitation) -> ``Article``: one ``parse_<field>()`` per field."""

from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Iterable

from lxml import etree

from ketamine_evidence.analysis.records import Article, Section
from ketamine_evidence.analysis.parse.xml_text import _Index, _YEAR, _child_text, _date, _index, _one, _text, clean, section_category

_AuthorParts = tuple[str | None, str | None, str | None, etree._Element | None]


@dataclass(slots=True)
class PubmedParts:
    """One PubMed record's main elements and their children, indexed once.

    ``cit`` is the ``MedlineCitation`` (or the ``BookDocument`` of a book record); ``art`` its
    ``Article`` (None for books); ``book`` the ``Book`` children of a book record; ``ids`` the
    ``ArticleIdList`` of ``PubmedData``/``PubmedBookData`` and of the ``BookDocument``.
    """

    cit: etree._Element | None
    art: etree._Element | None
    c: _Index
    a: _Index
    book: _Index
    ids: dict[str, str]
    journal: _Index | None = None  # the children of ``Journal`` and of its ``JournalIssue``, indexed on first
    journal_issue: _Index | None = None  # use (five fields read them: title, abbreviation, ISSN, volume, issue)
    authors: tuple[list[_AuthorParts] | None] | None = None  # ``_author_parts``, read on first use (two fields)

    @property
    def holder(self) -> _Index:
        """Where article-level fields sit: the ``Article``, or the ``BookDocument`` of a book."""
        return self.a if self.art is not None else self.c


def pubmed_parts(el: etree._Element) -> PubmedParts:
    if el.tag == "MedlineCitation":
        cit, data = el, None
    else:
        top = _index(el)
        cit = _one(top, "MedlineCitation")
        if cit is None:
            cit = _one(top, "BookDocument")
        data = _one(top, "PubmedData")
        if data is None:
            data = _one(top, "PubmedBookData")
    c = _index(cit)
    art = _one(c, "Article") if cit is not None and cit.tag == "MedlineCitation" else None
    book = _index(_one(c, "Book")) if art is None else {}
    ids: dict[str, str] = {}
    for id_list in _children(data, "ArticleIdList") + c.get("ArticleIdList", []):
        for aid in id_list:
            if aid.tag == "ArticleId":
                kind, value = aid.get("IdType"), clean(aid.text)
                if kind and value and kind not in ids:
                    ids[kind] = value
    return PubmedParts(cit=cit, art=art, c=c, a=_index(art), book=book, ids=ids)


def _children(el: etree._Element | None, tag: str) -> list[etree._Element]:
    """The direct children ``tag`` of ``el``: a loop over a few children costs less than ``iterchildren(tag)``."""
    return [] if el is None else [child for child in el if child.tag == tag]


def parse_pmid(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    pmid = _one(p.c, "PMID")
    return clean(pmid.text) if pmid is not None else None


def parse_pmcid(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    pmc = p.ids.get("pmc")
    if pmc is None:
        for other in p.c.get("OtherID", ()):
            value = (clean(other.text) or "").split(" ")[0]  # "PMC4688250 [Available on 12/22/16]"
            if value.upper().startswith("PMC") and value[3:].isdigit():
                pmc = value
                break
    if not pmc:
        return None
    return pmc if pmc.upper().startswith("PMC") else f"PMC{pmc}"


def parse_doi(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    doi = p.ids.get("doi")
    if doi:
        return doi
    for loc in (p.a if p.art is not None else p.book).get("ELocationID", ()):
        if loc.get("EIdType") == "doi":
            return clean(loc.text)
    return None


def parse_title(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    if p.art is not None:
        return _text(_one(p.a, "ArticleTitle")) or _text(_one(p.a, "VernacularTitle"))
    return _text(_one(p.c, "ArticleTitle")) or _text(_one(p.book, "BookTitle"))


def parse_abstract(el: etree._Element, parts: PubmedParts | None = None) -> list[Section] | None:
    """Abstract parts (``AbstractText`` with ``Label``/``NlmCategory``); None when there is no abstract."""
    p = parts or pubmed_parts(el)
    abstract = _one(p.holder, "Abstract")
    if abstract is None:
        return None
    sections = []
    for part in abstract:
        if part.tag != "AbstractText":
            continue
        text = _text(part)
        if not text:
            continue
        label = clean(part.get("Label"))
        category = part.get("NlmCategory") or (section_category(label) if label else None)
        sections.append(Section(label=label, category=category, text=text))
    return sections or None


def parse_journal(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    if p.art is not None:
        if _one(p.a, "Journal") is None:
            return None
        found = _journal(p)
        return _text(_one(found, "Title")) or _text(_one(found, "ISOAbbreviation"))
    return _text(_one(p.book, "BookTitle"))


def parse_year(el: etree._Element, parts: PubmedParts | None = None) -> int | None:
    """Publication year: the journal issue date, else the electronic date, else the book's date."""
    p = parts or pubmed_parts(el)
    if p.art is not None:
        pub = _one(_journal_issue(p), "PubDate")
        if pub is not None:
            year = _first_year((_child_text(pub, "Year"), _child_text(pub, "MedlineDate")))
            if year is not None:
                return year
        return _first_year(_child_text(d, "Year") for d in p.a.get("ArticleDate", ()))
    pub = _one(p.book, "PubDate")
    if pub is None:
        return None
    return _first_year((_child_text(pub, "Year"), _child_text(pub, "MedlineDate")))


def _first_year(values: Iterable[str | None]) -> int | None:
    for value in values:
        if value:
            value = value.strip()
            if len(value) == 4 and value.isdigit():
                return int(value)
            match = _YEAR.search(value)
            if match:
                return int(match.group(1))
    return None


def _author_parts(p: PubmedParts) -> list[_AuthorParts] | None:
    """(LastName, ForeName, Initials texts, CollectiveName element) of each valid author, in order.

    One pass over each author's children (no ``find`` per field: this runs for every record), kept on ``p``
    for the second field that reads them."""
    if p.authors is None:
        p.authors = (_read_authors(p),)
    return p.authors[0]


def _read_authors(p: PubmedParts) -> list[_AuthorParts] | None:
    author_list = _one(p.holder, "AuthorList")
    if author_list is None and p.art is None:  # a whole book: its authors sit on the Book
        author_list = _one(p.book, "AuthorList")
    if author_list is None:
        return None
    out = []
    for author in author_list:
        if author.tag != "Author" or author.get("ValidYN") == "N":
            continue
        last = fore = initials = collective = None
        for child in author:
            tag = child.tag
            if tag == "LastName":
                last = child.text
            elif tag == "ForeName":
                fore = child.text
            elif tag == "Initials":
                initials = child.text
            elif tag == "CollectiveName":
                collective = child
        out.append((last, fore, initials, collective))
    return out


def parse_authors(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    """``"Surname Initials"`` (as PubMed shows them) or the collective name, in order."""
    found = _author_parts(parts or pubmed_parts(el))
    if found is None:
        return None
    authors = []
    for last, _, initials, collective in found:
        last = last.strip() if last else None  # names are single text nodes: strip, no need to collapse whitespace
        if last:
            initials = initials.strip() if initials else None
            authors.append(f"{last} {initials}" if initials else last)
        elif collective is not None:
            name = _text(collective)
            if name:
                authors.append(name)
    return authors or None


def parse_author_names(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    """``"Surname, ForeName"`` (initials when there is no fore name) or the collective name, in order."""
    found = _author_parts(parts or pubmed_parts(el))
    if found is None:
        return None
    names = []
    for last, fore, initials, collective in found:  # ``clean`` inlined (a call per name part cost a third of this)
        last = " ".join(last.split()) if last else None
        if last:
            given = (" ".join(fore.split()) if fore else None) or (" ".join(initials.split()) if initials else None)
            names.append(f"{last}, {given}" if given else last)
        else:
            name = _text(collective)
            if name:
                names.append(name)
    return names or None


def _journal(p: PubmedParts) -> _Index:
    if p.journal is None:
        p.journal = _index(_one(p.a, "Journal")) if p.art is not None else {}
    return p.journal


def parse_journal_abbrev(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    """The ISO abbreviation, else the NLM title abbreviation (``MedlineTA``)."""
    p = parts or pubmed_parts(el)
    abbrev = _text(_one(_journal(p), "ISOAbbreviation"))
    if abbrev:
        return abbrev
    return clean(_child_text(_one(p.c, "MedlineJournalInfo"), "MedlineTA")) if p.art is not None else None


def _journal_issue(p: PubmedParts) -> _Index:
    if p.journal_issue is None:
        p.journal_issue = _index(_one(_journal(p), "JournalIssue"))
    return p.journal_issue


def parse_volume(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    return clean(_text(_one(_journal_issue(p), "Volume")))


def parse_issue(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    return clean(_text(_one(_journal_issue(p), "Issue")))


def parse_pages(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    """``MedlinePgn`` as PubMed prints it, else ``StartPage-EndPage``, else an electronic location id."""
    p = parts or pubmed_parts(el)
    pagination = _one(p.a, "Pagination") if p.art is not None else None
    if pagination is not None:
        pages = clean(_child_text(pagination, "MedlinePgn"))
        if pages:
            return pages
        start, end = (clean(_child_text(pagination, t)) for t in ("StartPage", "EndPage"))
        if start:
            return f"{start}-{end}" if end and end != start else start
    for loc in p.a.get("ELocationID", ()) if p.art is not None else ():
        if loc.get("EIdType") == "pii" and clean(loc.text):
            return clean(loc.text)
    return None


def parse_issn(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    """The journal's ISSN (print or electronic, as the record gives it), else the linking ISSN."""
    p = parts or pubmed_parts(el)
    issn = _text(_one(_journal(p), "ISSN"))
    if issn:
        return issn
    return clean(_child_text(_one(p.c, "MedlineJournalInfo"), "ISSNLinking")) if p.art is not None else None


def parse_mesh_terms(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    p = parts or pubmed_parts(el)
    terms = []
    for heading_list in p.c.get("MeshHeadingList", ()):
        for heading in heading_list:
            if heading.tag == "MeshHeading":
                for name in heading:
                    if name.tag == "DescriptorName":
                        term = _text(name)
                        if term:
                            terms.append(term)
    return terms or None


def parse_publication_types(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    p = parts or pubmed_parts(el)
    if p.art is not None:
        found = [t for lst in p.a.get("PublicationTypeList", ()) for t in lst if t.tag == "PublicationType"]
    else:
        found = p.c.get("PublicationType", [])
    types = [t for t in (_text(x) for x in found) if t]
    return types or None


def parse_keywords(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    p = parts or pubmed_parts(el)
    words = []
    for lst in p.c.get("KeywordList", ()):
        for x in lst:
            if x.tag == "Keyword":
                k = _text(x)
                if k:
                    words.append(k)
    return words or None


def parse_language(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    lang = _one(p.holder, "Language")
    return clean(lang.text) if lang is not None else None


def parse_retracted(el: etree._Element, parts: PubmedParts | None = None,
                    types: list[str] | None = None) -> bool:
    """Publication type 'Retracted Publication' or a ``RetractionIn`` comment (``types``: the record's
    publication types when the caller has them already)."""
    p = parts or pubmed_parts(el)
    if "Retracted Publication" in (types if types is not None else parse_publication_types(el, p) or ()):
        return True
    return any(c.get("RefType") == "RetractionIn" and c.tag == "CommentsCorrections"
               for lst in p.c.get("CommentsCorrectionsList", ()) for c in lst)


def parse_date_revised(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    return _date(_one(p.c, "DateRevised"))


def parse_pubmed_element(el: etree._Element) -> Article:
    """One ``PubmedArticle``, ``PubmedBookArticle`` or bare ``MedlineCitation`` element as an ``Article``."""
    fmt = {"PubmedBookArticle": "book", "MedlineCitation": "medline"}.get(el.tag, "pubmed")
    p = pubmed_parts(el)
    types = parse_publication_types(el, p) or []  # read once: the retraction check needs them too
    return Article(
        pmid=parse_pmid(el, p), pmcid=parse_pmcid(el, p), doi=parse_doi(el, p),
        title=parse_title(el, p) or "", abstract=parse_abstract(el, p) or [],
        journal=parse_journal(el, p), year=parse_year(el, p), authors=parse_authors(el, p) or [],
        author_names=parse_author_names(el, p) or [], journal_abbrev=parse_journal_abbrev(el, p),
        volume=parse_volume(el, p), issue=parse_issue(el, p), pages=parse_pages(el, p), issn=parse_issn(el, p),
        mesh_terms=parse_mesh_terms(el, p) or [], publication_types=types,
        keywords=parse_keywords(el, p) or [], language=parse_language(el, p),
        retracted=parse_retracted(el, p, types), date_revised=parse_date_revised(el, p), source_format=fmt,
    )


# ---------------------------------------------------------------- PMC JATS fields
