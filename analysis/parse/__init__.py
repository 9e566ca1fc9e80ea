"""Parse PubMed/MEDLINE XML and PMC JATS full text into ``Article`` records, streaming and safely.

One small ``parse_<field>()`` per field, each returning ``None`` (or an empty list) when the field is
absent, composed by ``parse_pubmed_element`` (PubmedArticle, PubmedBookArticle, MedlineCitation) and
``parse_jats_element`` (JATS ``article``). Files are read with ``lxml.etree.iterparse(tag=...)`` and
every record element is cleared after use, so memory stays flat however large the file; the parser
never loads a DTD, resolves an entity or touches the network.

Text: inline markup (``<sub>``, ``<i>``, MathML...) keeps its text and loses its tags; runs of
whitespace collapse to one space. JATS full text: every ``<sec>`` that holds paragraphs becomes one
``Section`` labelled with its title path (``"Methods > Patients"``); tables, figures, formulas,
footnotes and the back matter are skipped (captions are not the study's running text).
JATS abstracts: ``graphical``/``toc``/``teaser``/``summary`` (lay) abstracts are skipped; a ``<sec>``
or a bold lead-in (``<bold>Results:</bold>``) becomes the section label, mapped to an NLM category with
``lexicons/section_categories.toml``.

Modules: ``xml_text`` (shared helpers), ``pubmed``, ``jats``, ``files`` (documents and stored records),
``sentences`` (sentence offsets).
"""

from __future__ import annotations

from ketamine_evidence.analysis.parse.xml_text import (  # noqa: F401
    JATS_TAG,
    KNOWN_ROOTS,
    PUBMED_TAGS,
    RECORD_TAGS,
    SUFFIXES,
    clean,
    section_category,
)
from ketamine_evidence.analysis.parse.pubmed import (  # noqa: F401
    PubmedParts,
    parse_abstract,
    parse_authors,
    parse_date_revised,
    parse_doi,
    parse_journal,
    parse_keywords,
    parse_language,
    parse_mesh_terms,
    parse_pmcid,
    parse_pmid,
    parse_publication_types,
    parse_pubmed_element,
    parse_retracted,
    parse_title,
    parse_year,
    pubmed_parts,
)
from ketamine_evidence.analysis.parse.jats import (  # noqa: F401
    parse_jats_abstract,
    parse_jats_authors,
    parse_jats_doi,
    parse_jats_element,
    parse_jats_fulltext,
    parse_jats_journal,
    parse_jats_keywords,
    parse_jats_language,
    parse_jats_pmcid,
    parse_jats_pmid,
    parse_jats_publication_types,
    parse_jats_retracted,
    parse_jats_title,
    parse_jats_year,
)
from ketamine_evidence.analysis.parse.files import (  # noqa: F401
    input_files,
    iter_input,
    parse_file,
    parse_pmc_bytes,
    parse_pubmed_bytes,
    parse_record,
)

__all__ = ['JATS_TAG', 'KNOWN_ROOTS', 'PUBMED_TAGS', 'PubmedParts', 'RECORD_TAGS', 'SUFFIXES', 'clean', 'input_files', 'iter_input', 'parse_abstract', 'parse_authors', 'parse_date_revised', 'parse_doi', 'parse_file', 'parse_jats_abstract', 'parse_jats_authors', 'parse_jats_doi', 'parse_jats_element', 'parse_jats_fulltext', 'parse_jats_journal', 'parse_jats_keywords', 'parse_jats_language', 'parse_jats_pmcid', 'parse_jats_pmid', 'parse_jats_publication_types', 'parse_jats_retracted', 'parse_jats_title', 'parse_jats_year', 'parse_journal', 'parse_keywords', 'parse_language', 'parse_mesh_terms', 'parse_pmc_bytes', 'parse_pmcid', 'parse_pmid', 'parse_publication_types', 'parse_pubmed_bytes', 'parse_pubmed_element', 'parse_record', 'parse_retracted', 'parse_title', 'parse_year', 'pubmed_parts', 'section_category']
