"""PMC JATS ``<article>`` -> ``Article``: abstract sections with NLM categories, full-text sections, metadata."""

from __future__ import annotations

import re

from lxml import etree

from ketamine_evidence.analysis.records import Article, Section
from ketamine_evidence.analysis.parse.xml_text import _ABSTRACT_MAIN, _ABSTRACT_SKIP, _LANGUAGES, _NOT_ABSTRACT, _PUB_DATE_RANK, _XML_LANG, _YEAR, _jats_text, clean, section_category

def _meta(el: etree._Element) -> etree._Element | None:
    return el.find("front/article-meta")


def _jats_ids(el: etree._Element) -> dict[str, str]:
    meta = _meta(el)
    ids: dict[str, str] = {}
    for aid in meta.iterfind("article-id") if meta is not None else ():
        kind, value = aid.get("pub-id-type"), clean(aid.text)
        if kind and value and kind not in ids:
            ids[kind] = value
    return ids


def parse_jats_pmid(el: etree._Element) -> str | None:
    return _jats_ids(el).get("pmid")


def parse_jats_pmcid(el: etree._Element) -> str | None:
    ids = _jats_ids(el)
    pmc = ids.get("pmc") or ids.get("pmcid")
    if not pmc:
        return None
    return pmc if pmc.upper().startswith("PMC") else f"PMC{pmc}"


def parse_jats_doi(el: etree._Element) -> str | None:
    return _jats_ids(el).get("doi")


def parse_jats_title(el: etree._Element) -> str | None:
    meta = _meta(el)
    return _jats_text(meta.find("title-group/article-title")) if meta is not None else None


def _lead_label(p: etree._Element) -> tuple[str | None, etree._Element]:
    """A paragraph opening with a bold heading (``<bold>Results:</bold> ...``): its label, and the paragraph."""
    first = p[0] if len(p) else None
    if first is None or (p.text or "").strip() or first.tag not in ("bold", "b"):
        return None, p
    label = _jats_text(first)
    if not label or len(label) > 60 or not label.rstrip().endswith((":", ".", "\u2002")) and not (
            first.tail or "").lstrip().startswith((":", ".")):
        return None, p
    return label.rstrip(" :.\u2002"), first


def _abstract_sections(abstract: etree._Element) -> list[Section]:
    sections: list[Section] = []
    for child in abstract:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "sec":
            label = _jats_text(child.find("title"))
            label = label.rstrip(" :.") or None if label else None
            if label and _NOT_ABSTRACT.match(label):
                continue  # a conference abstract's reference list is not abstract text
            parts = [t for t in (_jats_text(c) for c in child if c.tag != "title") if t]
            if parts:
                sections.append(Section(label, section_category(label), " ".join(parts)))
        elif tag == "p":
            label, lead = _lead_label(child)
            text = _jats_text(child)
            if label is not None and text:
                head = _jats_text(lead) or ""
                text = clean(text[len(head):].lstrip(" :.\u2002")) if text.startswith(head) else text
            if text:
                sections.append(Section(label, section_category(label), text))
        elif tag in ("list", "disp-quote", "boxed-text"):
            text = _jats_text(child)
            if text:
                sections.append(Section(None, None, text))
    return sections


def parse_jats_abstract(el: etree._Element) -> list[Section] | None:
    """The main abstract's parts; other abstracts (graphical, table-of-contents, lay summary) are skipped."""
    meta = _meta(el)
    if meta is None:
        return None
    abstracts = meta.findall("abstract")
    chosen = [a for a in abstracts if (a.get("abstract-type") or "").lower() in _ABSTRACT_MAIN]
    if not chosen:
        chosen = [a for a in abstracts if (a.get("abstract-type") or "").lower() not in _ABSTRACT_SKIP][:1]
    sections = [s for a in chosen for s in _abstract_sections(a)]
    return sections or None


def _body_sections(sec: etree._Element, path: tuple[str, ...], out: list[Section], kind: str | None = None) -> None:
    """Flatten ``sec`` depth-first; a section's category is its ``sec-type`` or its nearest ancestor's."""
    title = _jats_text(sec.find("title"))
    here = (*path, title) if title else path
    kind = sec.get("sec-type") or kind
    paragraphs: list[str] = []
    for child in sec:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "sec":
            if paragraphs:
                out.append(Section(" > ".join(here) or None, kind, "\n".join(paragraphs)))
                paragraphs = []
            _body_sections(child, here, out, kind)
        elif tag in ("p", "list", "disp-quote", "boxed-text", "statement", "def-list"):
            text = _jats_text(child)
            if text:
                paragraphs.append(text)
    if paragraphs:
        out.append(Section(" > ".join(here) or None, kind, "\n".join(paragraphs)))


def parse_jats_fulltext(el: etree._Element) -> list[Section] | None:
    """Body sections, nested ``sec``s flattened with ``"Parent > Child"`` labels; tables and figures skipped."""
    body = el.find("body")
    if body is None:
        return None
    out: list[Section] = []
    _body_sections(body, (), out)
    return out or None


def parse_jats_journal(el: etree._Element) -> str | None:
    jm = el.find("front/journal-meta")
    if jm is None:
        return None
    return (_jats_text(jm.find("journal-title-group/journal-title")) or _jats_text(jm.find("journal-title"))
            or clean(jm.findtext("journal-id[@journal-id-type='nlm-ta']")))


def parse_jats_year(el: etree._Element) -> int | None:
    """Publication year as PubMed gives it: the print/issue date first, then the electronic one."""
    meta = _meta(el)
    if meta is None:
        return None
    ranked = []
    for d in meta.iterfind("pub-date"):
        m = _YEAR.search(d.findtext("year") or "")
        if m:
            kind = d.get("pub-type") or d.get("date-type") or ""
            if kind == "pub" and d.get("publication-format") == "electronic":
                kind = "epub"
            ranked.append((_PUB_DATE_RANK.get(kind, len(_PUB_DATE_RANK)), int(m.group(1))))
    return min(ranked)[1] if ranked else None


def _jats_authors(el: etree._Element) -> list[tuple[str | None, str | None, str | None]] | None:
    """(surname, given names, collaboration) of each author contrib, in order; None without article-meta."""
    meta = _meta(el)
    if meta is None:
        return None
    out = []
    for contrib in meta.iterfind("contrib-group/contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        name = contrib.find("name")
        if name is None:
            name = contrib.find("name-alternatives/name")
        if name is not None:
            out.append((_jats_text(name.find("surname")), _jats_text(name.find("given-names")), None))
        else:
            out.append((None, None, _jats_text(contrib.find("collab"))))
    return out


def parse_jats_authors(el: etree._Element) -> list[str] | None:
    """``"Surname Initials"`` (PubMed's short form) or the collaboration's name, in order."""
    authors = []
    for surname, given, collab in _jats_authors(el) or ():
        if surname:
            initials = "".join(w[0] for w in re.split(r"[\s.\-]+", given or "") if w)
            authors.append(f"{surname} {initials}".strip())
        elif collab:
            authors.append(collab)
    return authors or None


def parse_jats_author_names(el: etree._Element) -> list[str] | None:
    """``"Surname, Given names"`` (or the collaboration's name), in order."""
    names = []
    for surname, given, collab in _jats_authors(el) or ():
        if surname:
            names.append(f"{surname}, {given}" if given else surname)
        elif collab:
            names.append(collab)
    return names or None


def parse_jats_journal_abbrev(el: etree._Element) -> str | None:
    """``abbrev-journal-title``, else the ISO or NLM journal id."""
    jm = el.find("front/journal-meta")
    if jm is None:
        return None
    return (_jats_text(jm.find("journal-title-group/abbrev-journal-title")) or _jats_text(jm.find("abbrev-journal-title"))
            or clean(jm.findtext("journal-id[@journal-id-type='iso-abbrev']"))
            or clean(jm.findtext("journal-id[@journal-id-type='nlm-ta']")))


def parse_jats_volume(el: etree._Element) -> str | None:
    meta = _meta(el)
    return clean(meta.findtext("volume")) if meta is not None else None


def parse_jats_issue(el: etree._Element) -> str | None:
    meta = _meta(el)
    return clean(meta.findtext("issue")) if meta is not None else None


def parse_jats_pages(el: etree._Element) -> str | None:
    """``fpage-lpage`` (one page: ``fpage``), else the electronic location id."""
    meta = _meta(el)
    if meta is None:
        return None
    first, last = clean(meta.findtext("fpage")), clean(meta.findtext("lpage"))
    if first:
        return f"{first}-{last}" if last and last != first else first
    return clean(meta.findtext("elocation-id"))


def parse_jats_issn(el: etree._Element) -> str | None:
    """The print ISSN, else the electronic one, else any."""
    jm = el.find("front/journal-meta")
    if jm is None:
        return None
    issns = {(i.get("pub-type") or i.get("publication-format") or ""): clean(i.text) for i in jm.iterfind("issn")}
    for kind in ("ppub", "print", "epub", "electronic"):
        if issns.get(kind):
            return issns[kind]
    return next((v for v in issns.values() if v), None)


def parse_jats_keywords(el: etree._Element) -> list[str] | None:
    meta = _meta(el)
    if meta is None:
        return None
    words = [k for k in (_jats_text(k) for k in meta.iterfind("kwd-group/kwd")) if k]
    return words or None


def parse_jats_publication_types(el: etree._Element) -> list[str] | None:
    """The JATS ``article-type`` (``research-article``, ``review-article``...): not PubMed's types."""
    kind = el.get("article-type")
    return [kind] if kind else None


def parse_jats_language(el: etree._Element) -> str | None:
    """PubMed's three-letter code (``eng``) for the article's ``xml:lang``; JATS defaults it to English."""
    lang = (el.get(_XML_LANG) or "en").lower().split("-")[0]
    return _LANGUAGES.get(lang, lang)


def parse_jats_retracted(el: etree._Element) -> bool:
    """A retraction notice (``article-type="retraction"``), as the harvester flags it."""
    return el.get("article-type") == "retraction"


def parse_jats_element(el: etree._Element) -> Article:
    """One JATS ``article`` element as an ``Article`` (``source_format="pmc"``)."""
    return Article(
        pmid=parse_jats_pmid(el), pmcid=parse_jats_pmcid(el), doi=parse_jats_doi(el),
        title=parse_jats_title(el) or "", abstract=parse_jats_abstract(el) or [],
        fulltext=parse_jats_fulltext(el) or [], journal=parse_jats_journal(el), year=parse_jats_year(el),
        authors=parse_jats_authors(el) or [], author_names=parse_jats_author_names(el) or [],
        journal_abbrev=parse_jats_journal_abbrev(el), volume=parse_jats_volume(el), issue=parse_jats_issue(el),
        pages=parse_jats_pages(el), issn=parse_jats_issn(el), keywords=parse_jats_keywords(el) or [],
        publication_types=parse_jats_publication_types(el) or [], language=parse_jats_language(el),
        retracted=parse_jats_retracted(el), source_format="pmc",
    )
