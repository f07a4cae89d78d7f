"""Severity ratings of a drug pair from one source (the shipped rules, or an imported pack).

This module is the fixed interface between the checker and the pack importers: an importer hands the checker
``extra_ratings: Mapping[frozenset[str], Sequence[PairRating]]`` keyed by the two *catalog ids* of a pair. Kept
dependency-free so importers can use it without pulling in the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Severities from most to least severe; ``unknown`` means the source lists the pair without grading it.
SEVERITIES: tuple[str, ...] = ("contraindicated", "major", "moderate", "minor", "unknown")

#: Higher rank = more severe. ``unknown`` ranks below ``minor`` so any graded source leads.
SEVERITY_RANK: dict[str, int] = {"contraindicated": 4, "major": 3, "moderate": 2, "minor": 1, "unknown": 0}


@dataclass(frozen=True)
class PairRating:
    """One source's view of one drug pair. ``severity`` is one of :data:`SEVERITIES`."""

    source: str
    severity: str  # contraindicated|major|moderate|minor|unknown
    mechanism: str | None = None
    effect: str | None = None
    management: str | None = None
    evidence: str | None = None
    reference: str | None = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITY_RANK:
            raise ValueError(f"PairRating.severity must be one of {SEVERITIES}, got {self.severity!r}")


ExtraRatings = Mapping[frozenset[str], Sequence[PairRating]]


def severity_rank(severity: str) -> int:
    """Rank of a severity string (unknown strings rank as ``unknown``)."""
    return SEVERITY_RANK.get(severity, 0)
