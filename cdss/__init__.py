"""CDSS Desk: an offline-first clinical decision support workstation."""

from __future__ import annotations

__version__ = "0.1.0"
