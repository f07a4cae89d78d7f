"""A drug's main interactions, generated from the interaction rules for its monograph page.

The dictionary does not keep a hand-written interaction list per drug (it would drift from what the checker says):
the page lists the rules this drug falls under, each with the catalog drugs on the other side, most severe first.
"""

from __future__ import annotations

from dataclasses import dataclass

from cdss.drugs import vocab
from cdss.drugs.catalog import Catalog
from cdss.i18n import pick


@dataclass(frozen=True)
class DrugInteraction:
    rule_id: str
    severity: str
    effect: str
    management: str
    partners: tuple[str, ...]  # drug names in the requested language, alphabetical
    partner_count: int  # all partners; ``partners`` may be cut short


def main_interactions(catalog: Catalog, drug_id: str, *, language: str = "en",
                      partners_shown: int = 8) -> list[DrugInteraction]:
    """Rules with ``drug_id`` on one side and at least one other catalog drug on the other, most severe first."""
    drug = catalog.get(drug_id)
    if drug is None:
        return []
    ruleset = catalog.rules
    on_a, on_b = ruleset.sides(drug)
    wanted = on_a | on_b
    partners: dict[int, list[str]] = {number: [] for number in wanted}
    for other in catalog:
        if other.id == drug_id:
            continue
        other_a, other_b = ruleset.sides(other)
        for number in (on_a & other_b) | (on_b & other_a):
            partners[number].append(str(pick(other, "name", language)))
    found = []
    for number, names in partners.items():
        if not names:
            continue
        rule = ruleset.rules[number]
        names.sort()
        found.append(DrugInteraction(rule.id, rule.severity, rule.text("effect", language),
                                     rule.text("management", language), tuple(names[:partners_shown]), len(names)))
    found.sort(key=lambda i: (vocab.SEVERITIES.index(i.severity), -i.partner_count, i.rule_id))
    return found
