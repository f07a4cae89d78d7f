"""Text that can be stored: JSON may carry a lone UTF-16 surrogate ("\\ud800"), which Python accepts in a str but
SQLite, UTF-8 files and PostgreSQL cannot hold — the write then fails half-way. Importers pass what they parsed
through :func:`without_lone_surrogates` first; each lone surrogate becomes U+FFFD (the replacement character)."""

from __future__ import annotations

import re
from typing import Any

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_DEPTH = 64  # deeper than any real bundle or citation file; the structure below is left as it is


def has_lone_surrogate(text: str) -> bool:
    return _LONE_SURROGATE.search(text) is not None


def without_lone_surrogates(value: Any, depth: int = 0) -> Any:
    """``value`` (str, or dicts and lists of them) with every lone surrogate replaced by U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value) if has_lone_surrogate(value) else value
    if depth >= MAX_DEPTH:
        return value
    if isinstance(value, dict):
        return {without_lone_surrogates(k, depth + 1): without_lone_surrogates(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [without_lone_surrogates(v, depth + 1) for v in value]
    return value
