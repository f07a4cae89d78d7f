"""HTML for the Literature room's result list and paper detail (shown in QTextBrowsers)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from cdss.literature.reference import Reference
from cdss.literature.search import SearchHit, SearchResults
from cdss.ui import palette

translate = QCoreApplication.translate


def results_html(results: SearchResults, selected: frozenset[int] | set[int] = frozenset()) -> str:
    """The hit list; each hit has a tick box (a ``select:<id>`` link) that marks it for export."""
    parts = []
    if results.suggestion:
        did_you_mean = html.escape(translate("LiteratureResults", "Did you mean"))
        parts.append(f"<p>{did_you_mean} <a href='suggest:{html.escape(results.suggestion)}'>"
                     f"{html.escape(results.suggestion)}</a>?</p>")
    for hit in results.hits:
        parts.append(_hit_html(hit, hit.id in selected))
    if not results.hits:
        nothing = html.escape(translate("LiteratureResults", "No papers match. Try fewer words or another spelling."))
        parts.append(f"<p style='color:{palette.current().text_muted}'>{nothing}</p>")
    return "".join(parts)


def _hit_html(hit: SearchHit, selected: bool = False) -> str:
    meta = " · ".join(part for part in (hit.journal, str(hit.year or "")) if part)
    ids = " ".join(part for part in (f"PMID {hit.pmid}" if hit.pmid else "", f"doi:{hit.doi}" if hit.doi else "")
                   if part)
    # The snippet comes from Whoosh's HtmlFormatter: text escaped, matches wrapped in <b>.
    box = "☑" if selected else "☐"
    colours = palette.current()
    return (f"<p style='margin-bottom:2px'><a href='select:{hit.id}' style='text-decoration:none'>{box}</a> "
            f"<a href='ref:{hit.id}' style='font-weight:600; color:{colours.title}'>"
            f"{html.escape(hit.title)}</a></p>"
            f"<p style='color:{colours.text_muted}; margin:0'>{html.escape(meta)}  "
            f"<span style='color:{colours.text_subtle}'>"
            f"{html.escape(ids)}</span></p>"
            f"<p style='margin-top:2px'>{hit.snippet}</p>")


def reference_html(ref: Reference, similar: list[SearchHit], *, pdf: bool = False, after_header: str = "") -> str:
    """A paper's detail; ``after_header`` (e.g. its linked cases) goes between the citation and the abstract."""
    label = {
        "authors": translate("LiteratureResults", "Authors"),
        "journal": translate("LiteratureResults", "Journal"),
        "abstract": translate("LiteratureResults", "Abstract"),
        "keywords": translate("LiteratureResults", "Keywords"),
        "mesh": translate("LiteratureResults", "MeSH"),
        "similar": translate("LiteratureResults", "More like this"),
        "no_abstract": translate("LiteratureResults", "No abstract in the imported record."),
    }
    authors = "; ".join(ref.authors[:12]) + (" …" if len(ref.authors) > 12 else "")
    journal = ", ".join(str(p) for p in (ref.journal, ref.year, ref.volume, ref.pages) if p)
    rows = [f"<h3>{html.escape(ref.title)}</h3>",
            f"<p><b>{html.escape(label['authors'])}:</b> {html.escape(authors)}</p>",
            f"<p><b>{html.escape(label['journal'])}:</b> {html.escape(journal)}</p>"]
    links = []
    if ref.pmid:
        links.append(f"PMID {html.escape(ref.pmid)}")
    if ref.doi:
        links.append(f"doi:{html.escape(ref.doi)}")
    if pdf:
        links.append(html.escape(translate("LiteratureResults", "PDF attached")))
    if links:
        rows.append(f"<p style='color:{palette.current().text_muted}'>{' · '.join(links)}</p>")
    rows.append(after_header)
    abstract = html.escape(ref.abstract) if ref.abstract else f"<i>{html.escape(label['no_abstract'])}</i>"
    rows.append(f"<h4>{html.escape(label['abstract'])}</h4><p>{abstract}</p>")
    if ref.keywords:
        rows.append(f"<p><b>{html.escape(label['keywords'])}:</b> {html.escape('; '.join(ref.keywords))}</p>")
    if ref.mesh_terms:
        rows.append(f"<p><b>{html.escape(label['mesh'])}:</b> {html.escape('; '.join(ref.mesh_terms))}</p>")
    if similar:
        rows.append(f"<h4>{html.escape(label['similar'])}</h4><ul>")
        rows.extend(f"<li><a href='ref:{h.id}'>{html.escape(h.title)}</a> ({h.year or ''})</li>" for h in similar)
        rows.append("</ul>")
    return "".join(rows)


def linked_cases_html(links) -> str:
    """The cases a paper is linked to (``cdss.literature.links.CaseLink`` values), for the paper's detail."""
    title = html.escape(translate("LiteratureResults", "Linked cases"))
    if not links:
        none = html.escape(translate("LiteratureResults",
                                     "Not linked to any case yet."))
        return f"<h4>{title}</h4><p style='color:{palette.current().text_muted}'>{none}</p>"
    rows = [f"<h4>{title}</h4><ul>"]
    for link in links:
        where = html.escape(link.entry_label) if link.entry_id is not None else ""
        rows.append(f"<li>{html.escape(link.patient_name)} · {html.escape(link.case_title)}"
                    + (f" <span style='color:{palette.current().text_muted}'>({where})</span>" if where else "")
                    + "</li>")
    rows.append("</ul>")
    return "".join(rows)
