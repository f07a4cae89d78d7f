"""How drug names read in lists: one name, in the interface language, and — for a search hit — led by the name
that matched when it was another one ("Claritin → Loratadine"), so a brand or synonym match is never mistaken for
the drug typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdss.ui.drugs.messages_text import is_chinese

if TYPE_CHECKING:  # the search module is loaded with the catalog, in the background
    from cdss.drugs.search import SearchHit


def display_name(name_en: str, name_zh: str | None) -> str:
    """The drug's generic name in the interface language (English when it has no Chinese name)."""
    return name_zh if is_chinese() and name_zh else name_en


def hit_label(hit: SearchHit) -> str:
    name = display_name(hit.name_en, hit.name_zh)
    if hit.matched_text and hit.matched_text.casefold() != name.casefold() and (
            hit.matched_other_name or hit.matched_text != name):
        return f"{hit.matched_text} → {name}"
    return name
