"""How drug names read in lists: one name, in the interface language, and — for a search hit — led by the name
that matched when it was another one ("Claritin → Loratadine"), so a brand or synonym match is never mistaken for
the drug typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdss.i18n import pick
from cdss.ui.i18n import shown_language

if TYPE_CHECKING:  # the search module is loaded with the catalog, in the background
    from cdss.drugs.search import SearchHit


def display_name(drug: object) -> str:
    """The generic name of ``drug`` (a catalog drug, a search hit: anything with ``name_<language>`` fields) in the
    interface language, English when it has no name in that language."""
    return pick(drug, "name", shown_language())


def hit_label(hit: SearchHit) -> str:
    name = display_name(hit)
    if hit.matched_text and hit.matched_text.casefold() != name.casefold() and (
            hit.matched_other_name or hit.matched_text != name):
        return f"{hit.matched_text} → {name}"
    return name
