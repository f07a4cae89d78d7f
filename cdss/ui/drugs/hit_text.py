"""How a drug search hit reads in a list: the generic names, led by the name that matched when it was another one
("Claritin → 氯雷他定  Loratadine"), so a brand or synonym match is never mistaken for the drug typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the search module is loaded with the catalog, in the background
    from cdss.drugs.search import SearchHit


def hit_label(hit: SearchHit) -> str:
    names = f"{hit.name_zh}  {hit.name_en}" if hit.name_zh else hit.name_en
    if hit.matched_text and hit.matched_other_name and hit.matched_text.casefold() != hit.name_en.casefold():
        return f"{hit.matched_text} → {names}"
    return names
