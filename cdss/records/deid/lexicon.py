"""jieba's dictionary, read once: place names for the address rules and common words for the name rules.

jieba already ships with the app (literature search uses it), so its ~350,000-word dictionary with part-of-speech
tags costs nothing to distribute. Without jieba both lists are empty and the rules fall back to safer behaviour.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Lexicon:
    places: frozenset[str]  # ``ns`` words (place names)
    words: dict[str, str]  # 2-3 character words → part-of-speech tag, only those starting with ``initials``


@functools.cache
def load_lexicon(initials: frozenset[str]) -> Lexicon:
    places: set[str] = set()
    words: dict[str, str] = {}
    spec = importlib.util.find_spec("jieba")  # only its file is needed: importing jieba costs ~0.1 s
    if spec is None or spec.origin is None:
        return Lexicon(frozenset(), {})
    try:
        with (Path(spec.origin).parent / "dict.txt").open(encoding="utf-8") as lines:
            for line in lines:
                parts = line.split()
                if len(parts) != 3:
                    continue
                word, tag = parts[0], parts[2]
                if tag == "ns":
                    places.add(word)
                if 2 <= len(word) <= 3 and word[0] in initials:
                    words[word] = tag
    except OSError:
        pass
    return Lexicon(frozenset(places), words)
