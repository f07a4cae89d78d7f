"""HTML for the Literature room's result list and paper detail (shown in QTextBrowsers)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from cdss.literature.reference import Reference
from cdss.literature.search import SearchHit, SearchResults

translate = QCoreApplication.translate


def results_html(results: SearchResults) -> str:
    parts = []
    if results.suggestion:
        did_you_mean = html.escape(translate("LiteratureResults", "Did you mean"))
        parts.append(f"<p>{did_you_mean} <a href='suggest:{html.escape(results.suggestion)}'>"
                     f"{html.escape(results.suggestion)}</a>?</p>")
    for hit in results.hits:
        parts.append(_hit_html(hit))
    if not results.hits:
        nothing = html.escape(translate("LiteratureResults", "No papers match. Try fewer words or another spelling."))
        parts.append(f"<p style='color:#5b7083'>{nothing}</p>")
    return "".join(parts)


def _hit_html(hit: SearchHit) -> str:
    meta = " · ".join(part for part in (hit.journal, str(hit.year or "")) if part)
    ids = " ".join(part for part in (f"PMID {hit.pmid}" if hit.pmid else "", f"doi:{hit.doi}" if hit.doi else "")
                   if part)
    # The snippet comes from Whoosh's HtmlFormatter: text escaped, matches wrapped in <b>.
    return (f"<p style='margin-bottom:2px'><a href='ref:{hit.id}' style='font-weight:600; color:#1f4f56'>"
            f"{html.escape(hit.title)}</a></p>"
            f"<p style='color:#5b7083; margin:0'>{html.escape(meta)}  <span style='color:#8a979c'>"
            f"{html.escape(ids)}</span></p>"
            f"<p style='margin-top:2px'>{hit.snippet}</p>")


def reference_html(ref: Reference, similar: list[SearchHit]) -> str:
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
    if links:
        rows.append(f"<p style='color:#5b7083'>{' · '.join(links)}</p>")
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
