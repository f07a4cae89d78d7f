"""One Whoosh analyzer for mixed Chinese and English text.

Latin-script words are lower-cased, stop-listed and stemmed (Porter2/Snowball English); runs of Han characters are
segmented by jieba with a medical user dictionary. At index time the dictionary sub-words of a long Chinese word are
added at the same position (jieba's "search" mode), so 糖尿病 finds 糖尿病肾病 while phrase positions stay intact.

jieba is imported and its dictionary loaded only on the first Chinese text, with its start-up chatter silenced, so
opening the index or searching in English costs nothing extra.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import threading
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Composable, StemFilter, Token, Tokenizer
from whoosh.lang.porter2 import stem as porter2_stem

# Han ideographs (incl. extension A and compatibility) as one class; everything else that is a word char is Latin.
_TOKEN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|([^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)")

# A general English stop list (function words only). Domain words such as "patient" stay searchable.
ENGLISH_STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just may me might more most must my myself no nor
not of off on once only or other our ours ourselves out over own same shall she should so some such than that the
their theirs them themselves then there these they this those through to too under until up upon very was we were
what when where which while who whom why will with within without would you your yours yourself yourselves
""".split())
# Chinese function words that carry no topic (particles, conjunctions); no content word is listed.
CHINESE_STOP_WORDS = frozenset("的 了 和 与 及 或 在 是 对 于 为 以 其 之 而 并 等 中 着 也 将 被 把 从 由 所".split())

_jieba_lock = threading.Lock()
_jieba_tokenizer: Any = None


def _load_jieba() -> Any:
    """The shared jieba tokenizer, initialised once, quietly, with the medical user dictionary."""
    global _jieba_tokenizer
    if _jieba_tokenizer is not None:
        return _jieba_tokenizer
    with _jieba_lock:
        if _jieba_tokenizer is None:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                userdict = _userdict_path()
                if userdict.is_file():
                    tokenizer.load_userdict(str(userdict))
            _jieba_tokenizer = tokenizer
    return _jieba_tokenizer


def _userdict_path():
    from cdss.paths import data_path

    return data_path("literature", "medical_userdict.txt")


def segment_chinese(text: str, *, for_index: bool) -> list[tuple[str, int, int, int]]:
    """(word, start, end, word_number) for a run of Han characters; sub-words share their word's number."""
    tokenizer = _load_jieba()
    out: list[tuple[str, int, int, int]] = []
    number = 0
    for word, start, end in tokenizer.tokenize(text, HMM=True):
        if word in CHINESE_STOP_WORDS:
            continue
        if for_index and len(word) > 2:
            # The dictionary sub-words of a long word share its position (what jieba's search mode finds), so a
            # query for 糖尿病 finds 糖尿病肾病 while phrase positions stay those of the whole words.
            for size in (2, 3):
                for offset in range(len(word) - size + 1 if size < len(word) else 0):
                    sub = word[offset:offset + size]
                    if tokenizer.FREQ.get(sub):
                        out.append((sub, start + offset, start + offset + size, number))
        out.append((word, start, end, number))
        number += 1
    return out


class MixedTokenizer(Tokenizer):
    """Latin words by regex (lower-cased, stop words dropped), Han runs by jieba.

    Stop words are dropped here rather than by Whoosh's StopFilter because its renumbering would pull apart the
    shared positions of Chinese sub-words; positions and character offsets are kept for phrases and highlights.
    """

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__

    def __hash__(self) -> int:
        return hash(self.__class__.__name__)

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        pos = start_pos
        for match in _TOKEN.finditer(value):
            base = match.start()
            if match.group(1):
                pieces = segment_chinese(match.group(1), for_index=mode != "query")
            else:
                word = match.group(2).lower()
                if word in ENGLISH_STOP_WORDS:
                    continue
                pieces = [(word, 0, len(word), 0)]
            if not pieces:
                continue
            for word, start, end, number in pieces:
                token.text = word
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = word
                if positions:
                    token.pos = pos + number
                if chars:
                    token.startchar, token.endchar = start_char + base + start, start_char + base + end
                yield token
            pos += pieces[-1][3] + 1


class _LatinStemFilter(StemFilter):
    """Porter2 stemming for Latin words only (a stemmer would mangle nothing in Han text, but skip the cost)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        stem = self._stem
        for token in tokens:
            text = token.text
            if not token.stopped and text.isascii() and text.isalpha():
                token.text = stem(text)
            yield token


def MixedAnalyzer(stem: bool = True) -> Composable:  # noqa: N802 — a factory named like Whoosh's analyzers
    chain: Composable = MixedTokenizer()
    if stem:
        chain = chain | _LatinStemFilter(stemfn=porter2_stem, cachesize=50_000)
    return chain


def analyze(text: str, *, mode: str = "index") -> list[str]:
    """The terms a text becomes in the index (handy in tests and for debugging queries)."""
    return [token.text for token in MixedAnalyzer()(text, mode=mode)]
