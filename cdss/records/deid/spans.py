"""The span type every detector returns, and the overlap resolution that merges them."""

from __future__ import annotations

import re
from dataclasses import dataclass

CJK_RE = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` is an identifier to be replaced by ``replacement``; ``kind`` names what it was."""

    start: int
    end: int
    replacement: str
    kind: str


def is_chinese(text: str) -> bool:
    """Placeholders follow the field's language: a Chinese note reads [电话], an English one [phone]."""
    return CJK_RE.search(text) is not None


def resolve(spans: list[Span]) -> list[Span]:
    """Keep the longest spans and drop any that overlap one already kept (a date inside a URL goes with the URL)."""
    kept: list[Span] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if span.end <= span.start:
            continue
        if any(span.start < end and start < span.end for start, end in taken):
            continue
        kept.append(span)
        taken.append((span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def apply(text: str, spans: list[Span]) -> str:
    """Rebuild ``text`` with each (already non-overlapping, sorted) span replaced."""
    out: list[str] = []
    pos = 0
    for span in spans:
        out.append(text[pos : span.start])
        out.append(span.replacement)
        pos = span.end
    out.append(text[pos:])
    return "".join(out)
