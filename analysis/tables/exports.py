"""Exports of the included studies: CSV, RIS, BibTeX and JSON Lines.

``write_export(fmt, tables_dir, out)`` is what ``ketamine-evidence export --format ...`` calls;
``export_frames(fmt, studies, findings, out)`` does the same from tables already in memory; both
return how many records they wrote.

- ``csv``: the studies table's columns, one row per included study; every text cell that a
  spreadsheet would read as a formula (starting with ``= + - @``, tab or carriage return) is
  prefixed with ``'`` (OWASP's CSV-injection advice).
- ``ris``: written by rispy, one ``TY  - JOUR`` record per study, each field in the tag Zotero's RIS
  import reads for a journal article: TI, AU (``Surname, Given names``), PY, T2 (full journal
  title: publicationTitle), J2 (abbreviation: journalAbbreviation), VL, IS, SP/EP, SN (ISSN), LA,
  AB, DO, AN and ID (PMID), UR (the PubMed page), KW (design and conditions), one N1 note per
  extracted field. Every value is one line (whitespace collapsed), so no value can end a record.
- ``bibtex``: ``@article`` entries keyed ``<FirstAuthor><year>_<pmid>``, with LaTeX-escaped text
  fields (pylatexenc, so ``&``, ``%``, ``{`` and accented letters survive a BibTeX run): title,
  author, journal, shortjournal (biblatex), volume, number, pages, year, issn, language, abstract,
  doi, pmid, pmcid, url and a ``note`` with the extracted fields; written by bibtexparser.
- ``jsonl``: one JSON object a line: the guideline's gold fields (``../shared/eval/GUIDELINES.md``)
  with lists as lists, the bibliographic fields, and ``evidence``: for each field, the sentence and
  character offsets it was read from.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from pathlib import Path
from typing import IO, Any, Iterable

import bibtexparser
import pandas as pd
import rispy
from bibtexparser.model import Entry, Field
from pylatexenc.latexencode import UnicodeToLatexEncoder

from ketamine_evidence.analysis.records import LIST_FIELDS, SCALAR_DEFAULTS
from ketamine_evidence.base.errors import ConfigError

FORMATS = ("csv", "ris", "bibtex", "jsonl")
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
PMC_URL = "https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/"
GOLD_FIELDS = ("pmid", "pmcid", "relevant", "design", "conditions", "routes", "n_participants",
               "relief_duration_days", "relief_duration_text", "follow_up_days", "dose_mg_per_kg",
               "infusion_mg_per_kg_h", "pain_effect", "responder_rate_pct", "adverse_events",
               "negated_adverse_events", "intervention")
BIBLIOGRAPHIC_FIELDS = ("study_id", "title", "authors", "author_names", "journal", "journal_abbrev", "year",
                        "volume", "issue", "pages", "issn", "doi", "language", "publication_types",
                        "mesh_terms", "retracted")
_LIST_COLUMNS = (*LIST_FIELDS, "authors", "author_names", "publication_types", "mesh_terms")
# A CSV cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# pylatexenc's default rules escape BibTeX's specials (& % { } $ # _ ~ ^ \\) and accented letters;
# characters it has no macro for are kept as UTF-8 (biber and modern BibTeX read them).
_LATEX = UnicodeToLatexEncoder(unknown_char_policy="keep", unknown_char_warning=False)


# ---------------------------------------------------------------------------------------------
# Values


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, dict, str)) else False
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """A JSON-ready Python value (numpy scalars unwrapped, NaN/NA -> None, 3.0 -> 3)."""
    if _missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _split(value: Any) -> list[str]:
    if _missing(value):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if not _missing(v) and str(v).strip()]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _text(value: Any) -> str:
    return "" if _missing(value) else " ".join(str(value).split())


def _year(study: dict[str, Any]) -> str:
    year = _plain(study.get("year"))
    return str(year) if year is not None else ""


def _number(value: Any) -> str:
    """A number as short text (``40``, ``0.5``); empty when missing."""
    value = _plain(value)
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def included_studies(studies: pd.DataFrame) -> pd.DataFrame:
    """The rows marked ``included`` (all rows when the table has no such column)."""
    if "included" not in studies.columns:
        return studies
    return studies[studies["included"].fillna(False).astype(bool)]


def extracted_summary(study: dict[str, Any]) -> list[str]:
    """The extracted fields of one study as short ``"Label: value"`` notes, skipping empty ones."""
    notes: list[tuple[str, str]] = [
        ("Intervention", _text(study.get("intervention"))),
        ("Design", _text(study.get("design"))),
        ("Conditions", ", ".join(_split(study.get("conditions")))),
        ("Routes", ", ".join(_split(study.get("routes")))),
        ("Participants", _number(study.get("n_participants"))),
        ("Dose (mg/kg)", _number(study.get("dose_mg_per_kg"))),
        ("Infusion (mg/kg/h)", _number(study.get("infusion_mg_per_kg_h"))),
        ("Pain effect", _text(study.get("pain_effect"))),
        ("Responders (%)", _number(study.get("responder_rate_pct"))),
        ("Relief (days)", _number(study.get("relief_duration_days"))),
        ("Relief as stated", _text(study.get("relief_duration_text"))),
        ("Follow-up (days)", _number(study.get("follow_up_days"))),
        ("Adverse events", ", ".join(_split(study.get("adverse_events")))),
        ("Adverse events stated absent", ", ".join(_split(study.get("negated_adverse_events")))),
    ]
    out = [f"{label}: {value}" for label, value in notes if value]
    if _plain(study.get("retracted")):
        out.append("RETRACTED publication")
    return out


def _author_parts(author: str) -> tuple[str, str | None]:
    """``"Smith JA"`` -> ``("Smith", "J. A.")``; a collective name -> ``(name, None)``."""
    words = author.split()
    if len(words) >= 2 and re.fullmatch(r"[A-Z]{1,4}", words[-1]):
        return " ".join(words[:-1]), " ".join(f"{c}." for c in words[-1])
    if "," in author:
        last, first = author.split(",", 1)
        return last.strip(), first.strip() or None
    return author.strip(), None


def author_names(study: dict[str, Any]) -> list[str]:
    """Full names ``"Surname, Given names"`` (collective names as they are); from the initials form
    (``"Smith JA"`` -> ``"Smith, J. A."``) when a table has no ``author_names``."""
    full = _split(study.get("author_names"))
    if full:
        return full
    out = []
    for author in _split(study.get("authors")):
        last, first = _author_parts(author)
        out.append(f"{last}, {first}" if first else last)
    return out


def page_range(pages: str) -> tuple[str, str]:
    """``"259-65"`` -> ``("259", "265")`` (MEDLINE shortens the last page); ``"e0180707"`` -> ``("e0180707", "")``."""
    first, _, last = (p.strip() for p in pages.partition("-"))
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return first, last


# ---------------------------------------------------------------------------------------------
# Formats


def neutralise_formula(value: Any) -> Any:
    """``'=cmd'`` for ``=cmd``: a text cell a spreadsheet would run as a formula, made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(studies: pd.DataFrame, out: IO[str]) -> None:
    safe = studies.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_formula, na_action="ignore")
    safe.to_csv(out, index=False, lineterminator="\n")


def _url(study: dict[str, Any]) -> str:
    """The PubMed page, else the PMC page for an article without a PMID."""
    pmid, pmcid = _text(study.get("pmid")), _text(study.get("pmcid"))
    if pmid:
        return PUBMED_URL.format(pmid=pmid)
    return PMC_URL.format(pmcid=pmcid) if pmcid else ""


def ris_record(study: dict[str, Any]) -> dict[str, Any]:
    """One study as a rispy record (rispy's field names; empty fields left out)."""
    pmid = _text(study.get("pmid"))
    start, end = page_range(_text(study.get("pages")))
    record: dict[str, Any] = {
        "type_of_reference": "JOUR", "title": _text(study.get("title")),
        "authors": [_text(name) for name in author_names(study)], "year": _year(study),
        "secondary_title": _text(study.get("journal")), "alternate_title1": _text(study.get("journal_abbrev")),
        "volume": _text(study.get("volume")), "number": _text(study.get("issue")),
        "start_page": start, "end_page": end, "issn": _text(study.get("issn")),
        "language": _text(study.get("language")), "abstract": _text(study.get("abstract")),
        "doi": _text(study.get("doi")), "accession_number": pmid, "id": pmid or _text(study.get("study_id")),
        "urls": [u for u in [_url(study)] if u],
        "keywords": [kw for kw in [_text(study.get("design")), *map(_text, _split(study.get("conditions")))] if kw],
        "notes": [_text(note) for note in extracted_summary(study)],
    }
    return {key: value for key, value in record.items() if value}


class RisWriter(rispy.RisWriter):
    """rispy's writer without its ``1.``, ``2.``... line before each record: Zotero's RIS import
    reads an untagged line as the continuation of the previous record's last value."""

    def set_header(self, count: int) -> str:
        return ""


def write_ris(studies: pd.DataFrame, out: IO[str]) -> None:
    records = [ris_record(study) for study in studies.to_dict("records")]
    if records:
        out.write(rispy.dumps(records, implementation=RisWriter))


def bibtex_key(study: dict[str, Any]) -> str:
    """``<FirstAuthorSurname><year>_<pmid>`` in ASCII letters and digits."""
    authors = _split(study.get("authors"))
    surname = _author_parts(authors[0])[0] if authors else "Anon"
    ascii_name = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9]", "", ascii_name) or "Anon"
    ident = _text(study.get("pmid")) or _text(study.get("study_id"))
    return f"{name}{_year(study)}_{re.sub(r'[^A-Za-z0-9]', '', ident)}"


def latex(text: str) -> str:
    """``text`` escaped for a BibTeX field: specials (& % { } $ # _ ~ ^ \\) and non-ASCII letters."""
    return _LATEX.unicode_to_latex(text)


def _verbatim(text: str) -> str:
    """A DOI or id kept verbatim (biblatex reads ``doi`` as such), with braces percent-encoded so
    they cannot unbalance the entry."""
    return text.replace("{", "%7B").replace("}", "%7D")


def _bibtex_entry(study: dict[str, Any], key: str) -> Entry:
    names = []
    for name in author_names(study):
        last, _, first = name.partition(", ")
        names.append(f"{latex(last)}, {latex(first)}" if first else "{" + latex(last) + "}")
    pmid = _text(study.get("pmid"))
    start, end = page_range(_text(study.get("pages")))
    fields = [("title", latex(_text(study.get("title")))), ("author", " and ".join(names)),
              ("journal", latex(_text(study.get("journal")))),
              ("shortjournal", latex(_text(study.get("journal_abbrev")))), ("year", _year(study)),
              ("volume", latex(_text(study.get("volume")))), ("number", latex(_text(study.get("issue")))),
              ("pages", latex(f"{start}--{end}" if end else start)), ("issn", latex(_text(study.get("issn")))),
              ("language", latex(_text(study.get("language")))),
              ("abstract", latex(_text(study.get("abstract")))),
              ("doi", _verbatim(_text(study.get("doi")))), ("pmid", _verbatim(pmid)),
              ("pmcid", _verbatim(_text(study.get("pmcid")))), ("url", _url(study)),
              ("note", latex("; ".join(extracted_summary(study))))]
    return Entry("article", key, [Field(name, value) for name, value in fields if value])


def write_bibtex(studies: pd.DataFrame, out: IO[str]) -> None:
    library = bibtexparser.Library()
    seen: dict[str, int] = {}
    for study in studies.to_dict("records"):
        key = bibtex_key(study)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:  # the same PMID twice (should not happen in included studies): stay unique
            key = f"{key}_{seen[key]}"
        library.add(_bibtex_entry(study, key))
    out.write(bibtexparser.write_string(library))


def _evidence_by_study(findings: pd.DataFrame | None) -> dict[Any, dict[str, dict[str, Any]]]:
    """For each study, the evidence of each guideline field (``field`` or ``field:value``)."""
    out: dict[Any, dict[str, dict[str, Any]]] = {}
    if findings is None or findings.empty:
        return out
    wanted = findings[findings["field"].isin([*SCALAR_DEFAULTS, *LIST_FIELDS])]
    for row in wanted.to_dict("records"):
        if _missing(row.get("evidence_text")):
            continue
        key = row["field"] if row["field"] in SCALAR_DEFAULTS else f"{row['field']}:{row['value']}"
        out.setdefault(row["study_id"], {}).setdefault(key, {
            "text": row["evidence_text"], "start": _plain(row.get("evidence_start")),
            "end": _plain(row.get("evidence_end")), "source": _plain(row.get("evidence_source")),
            "extractor": _plain(row.get("extractor")),
        })
    return out


def jsonl_records(studies: pd.DataFrame, findings: pd.DataFrame | None = None) -> Iterable[dict[str, Any]]:
    """One dict per study: gold-format fields, bibliographic fields, evidence."""
    evidence = _evidence_by_study(findings)
    for study in studies.to_dict("records"):
        record: dict[str, Any] = {}
        for name in (*GOLD_FIELDS, *BIBLIOGRAPHIC_FIELDS):
            if name not in study:
                continue
            value = study[name]
            record[name] = _split(value) if name in _LIST_COLUMNS else _plain(value)
        for name in ("pmid", "pmcid"):
            if record.get(name) is not None:
                record[name] = str(record[name])
        record["evidence"] = evidence.get(study.get("study_id"), {})
        yield record


def write_jsonl(studies: pd.DataFrame, out: IO[str], findings: pd.DataFrame | None = None) -> None:
    for record in jsonl_records(studies, findings):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def export_frames(fmt: str, studies: pd.DataFrame, findings: pd.DataFrame | None, out: IO[str]) -> int:
    """Write the included studies of ``studies`` to ``out`` as ``fmt``; returns how many."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    rows = included_studies(studies)
    if fmt == "csv":
        write_csv(rows, out)
    elif fmt == "ris":
        write_ris(rows, out)
    elif fmt == "bibtex":
        write_bibtex(rows, out)
    else:
        write_jsonl(rows, out, findings)
    return len(rows)


def write_export(fmt: str, tables_dir: str | Path | None, out: IO[str]) -> int:
    """Load the tables from ``tables_dir`` (default ``data/processed``) and export their included studies."""
    from ketamine_evidence.analysis import load_tables

    tables = load_tables(tables_dir)
    return export_frames(fmt, tables.studies, tables.findings, out)
