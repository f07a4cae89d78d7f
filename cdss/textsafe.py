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


MAX_JSON_INT_DIGITS = 40  # no count, year or identifier an importer reads as a JSON number is longer


class NumberTooLong(ValueError):
    """A JSON number with more digits than any value an importer reads (a hostile or broken file)."""

    def __init__(self, digits: int) -> None:
        super().__init__(f"a number with {digits} digits")
        self.digits = digits


def bounded_int(text: str) -> int:
    """``parse_int`` for :func:`json.loads`: refuses an integer of more than :data:`MAX_JSON_INT_DIGITS` digits as
    :class:`NumberTooLong`, instead of Python's own 4,300-digit limit surfacing as a bare ValueError mid-parse."""
    digits = len(text.lstrip("-"))
    if digits > MAX_JSON_INT_DIGITS:
        raise NumberTooLong(digits)
    return int(text)
