"""Search-as-you-type over drug names: Chinese (华法林), pinyin full (huafalin) and initials (hfl), English INN,
synonyms and brands, with typo tolerance from rapidfuzz.

Speed: exact and prefix hits come from a sorted key list (bisect), substring hits from one pass over a joined text
of the keys, and the typo passes run only for Latin queries of 3+ characters when the cheap passes found too little.
The typo passes (rapidfuzz ``fuzz.ratio`` of the whole name, and of the first len(query) letters while typing) score
only the names a letter count allows: ratio is 200·LCS/(len(a)+len(b)), and the longest common subsequence cannot be
longer than the letters the two strings share, so a name whose shared letters put even that bound under the cutoff
can never reach it. The filter is lossless (same hits, same scores, same order as scoring all ~20,000 names) and
leaves a few dozen to a few hundred names to score, so a keystroke stays well under 10 ms (bench/drugs.py over
~20,000 keys on a slow shared VM: p50 ~0.3 ms, p99 ~0.6 ms). The letter index is built at the first typo pass
(~40 ms, plus importing numpy if nothing has yet), so searches that never need one never pay for it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from cdss.drugs.catalog import Catalog, _pinyin, normalise_name


@dataclass(frozen=True)
class SearchHit:
    id: str
    name_en: str
    name_zh: str
    score: float
    matched_text: str

    @property
    def confident(self) -> bool:
        """An exact or prefix match of one of the drug's names (not a substring or typo match)."""
        return self.score >= CONFIDENT_SCORE

    @property
    def matched_other_name(self) -> bool:
        """True when the name that matched is not the generic name shown (a brand, synonym or pinyin)."""
        return self.matched_text not in (self.name_en, self.name_zh)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "name_en": self.name_en, "name_zh": self.name_zh, "score": round(self.score, 1),
                "matched_text": self.matched_text}


#: Name tiers: a prefix of a generic name outranks one of a synonym, which outranks one of a brand.
GENERIC, SYNONYM, BRAND, PACK_NAME = 0, 1, 2, 3
PREFIX_BASE = {GENERIC: 93.0, SYNONYM: 87.0, BRAND: 81.0, PACK_NAME: 80.0}
#: Scores from here up are exact or prefix matches; below are substring and typo (fuzzy) matches, which a
#: prescribing form must never take without the doctor choosing them.
CONFIDENT_SCORE = 80.0


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


MAX_HEAD_LENGTH = 24  # longest typed prefix compared with the first letters of every name (typos while typing)
#: fuzz.ratio cutoffs of the typo passes: whole name (5+ letters typed, and 3-4 letters), and first letters
WHOLE_CUTOFF, SHORT_WHOLE_CUTOFF, HEAD_CUTOFF = 70, 80, 75


class DrugSearch:
    """Index over catalog names plus optional extra ``(id, names)`` entries from imported packs."""

    def __init__(self, catalog: Catalog | None = None,
                 extra: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        self._display: dict[str, tuple[str, str]] = {}
        key_to: dict[str, list[tuple[str, str, int]]] = {}  # key -> [(id, shown text, priority)]

        def add(drug_id: str, key: str, shown: str, priority: int) -> None:
            if key:
                key_to.setdefault(key, []).append((drug_id, shown, priority))

        pinyin = catalog.pinyin_of if catalog is not None else _pinyin

        def add_names(drug_id: str, names: Iterable[tuple[str, int]]) -> None:
            for name, tier in names:
                key = normalise_name(name)
                add(drug_id, key, name, tier)
                if " " in key:  # "warfarin sodium" also found as "warfarinsodium"
                    add(drug_id, key.replace(" ", ""), name, tier)
                if _has_han(name):
                    full, initials = pinyin(name)
                    add(drug_id, full, name, tier)
                    if len(initials) >= 2:
                        add(drug_id, initials, name, min(tier + 1, BRAND))

        if catalog is not None:
            for drug in catalog:
                self._display[drug.id] = (drug.name_en, drug.name_zh)
                add_names(drug.id, [(drug.name_en, GENERIC), (drug.name_zh, GENERIC)]
                          + [(n, SYNONYM) for n in (*drug.synonyms_en, *drug.synonyms_zh)]
                          + [(n, BRAND) for n in (*drug.brands_cn, *drug.brands_intl)])
        for drug_id, names in extra:
            names = [n for n in names if n and n.strip()]
            if not names:
                continue
            if drug_id not in self._display:
                name_en = next((n for n in names if not _has_han(n)), names[0])
                name_zh = next((n for n in names if _has_han(n)), "")
                self._display[drug_id] = (name_en, name_zh)
            add_names(drug_id, [(n, PACK_NAME) for n in names])
        self._keys = sorted(key_to)
        self._entries = [key_to[k] for k in self._keys]
        self._latin_keys = [k for k in self._keys if k.isascii()]
        self._latin_positions = [i for i, k in enumerate(self._keys) if k.isascii()]  # _latin_keys[j] is _keys[that]
        self._letters: _LetterIndex | None = None
        # keys joined by a separator that never occurs in a query, with each key's start offset
        self._blob = "\x00".join(self._keys)
        self._starts = []
        offset = 0
        for key in self._keys:
            self._starts.append(offset)
            offset += len(key) + 1
        # shortest keys for each one- and two-letter prefix, so the first keystrokes stay cheap
        short: dict[str, list[int]] = {}
        for i, key in enumerate(self._keys):
            for n in (1, 2):
                if len(key) >= n:
                    short.setdefault(key[:n], []).append(i)
        self._short_prefix = {p: sorted(ix, key=lambda i: len(self._keys[i]))[:60] for p, ix in short.items()}
        self._pinyin_exact: dict[str, set[str]] = {}
        if catalog is not None:
            for drug in catalog:
                if drug.pinyin:
                    self._pinyin_exact.setdefault(drug.pinyin, set()).add(drug.id)

    def _substring_hits(self, q: str) -> list[int]:
        """Indices of keys containing ``q``: str.find over one joined text is far cheaper than a loop over keys."""
        blob, starts = self._blob, self._starts
        found: list[int] = []
        pos = blob.find(q)
        while pos != -1:
            index = bisect.bisect_right(starts, pos) - 1
            found.append(index)
            pos = blob.find(q, starts[index + 1] if index + 1 < len(starts) else len(blob))
        return found

    def __len__(self) -> int:
        return len(self._keys)

    def exact_pinyin(self, query: str) -> str | None:
        ids = self._pinyin_exact.get(normalise_name(query).replace(" ", ""))
        return next(iter(ids)) if ids and len(ids) == 1 else None

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        q = normalise_name(query)
        if not q:
            return []
        best: dict[str, tuple[float, int, str]] = {}  # id -> (score, -tier, shown)

        def offer(index: int, score_of: Callable[[int], float]) -> None:
            for drug_id, shown, tier in self._entries[index]:
                current = best.get(drug_id)
                candidate = (score_of(tier), -tier, shown)
                if current is None or candidate > current:
                    best[drug_id] = candidate

        keys = self._keys
        if len(q) <= 2:  # one or two letters: the precomputed shortest matches, not thousands of keys
            prefix_hits = self._short_prefix.get(q, [])
        else:
            prefix_hits = range(bisect.bisect_left(keys, q), bisect.bisect_left(keys, q + "\uffff"))
        for i in prefix_hits:  # exact and prefix: generic names, then synonyms, then brands ("clari": the
            key = keys[i]      # INN clarithromycin before the brand Claritin of loratadine)
            share = len(q) / len(key)
            offer(i, (lambda tier: 100.0 - tier) if key == q else
                  (lambda tier, share=share: PREFIX_BASE[tier] + 5.0 * share))
        if (len(q) >= 3 or _has_han(q)) and len(best) < limit:
            for i in self._substring_hits(q):  # substring (e.g. 法林, "farin")
                key = keys[i]
                if not key.startswith(q):
                    share = len(q) / len(key)
                    offer(i, lambda tier, share=share: 70.0 + 8.0 * share - tier)
        if len(best) < limit and q.isascii() and len(q) >= 3:
            from rapidfuzz import fuzz, process

            latin = self._latin_keys
            positions = self._latin_positions
            if self._letters is None:  # built at the first typo pass, see the module docstring
                self.prepare_typo_index()
                assert self._letters is not None
            cutoff = WHOLE_CUTOFF if len(q) >= 5 else SHORT_WHOLE_CUTOFF  # short queries match almost anything
            # whole-name typos ("warfrin") ... (candidates in key order, so ties rank as over the full list)
            candidates = self._letters.could_reach(q, cutoff)
            choices = [latin[j] for j in candidates]
            for _, score, k in process.extract(q, choices, scorer=fuzz.ratio, processor=None, limit=limit * 2,
                                               score_cutoff=cutoff):
                # scaled under the prefix band so a real prefix always outranks a typo match
                offer(positions[candidates[k]], lambda tier, score=score: min(score, 99.0) * 0.69 - tier)
            # ... and typos while still typing ("clopidg" against the first letters of each name)
            # (up to 24 letters: past that the whole-name pass above already scores a long name with one slip high)
            if 4 <= len(q) <= MAX_HEAD_LENGTH:
                candidates = self._letters.head_could_reach(q, HEAD_CUTOFF)
                heads = [latin[j][:len(q)] for j in candidates]
                for _, score, k in process.extract(q, heads, scorer=fuzz.ratio, processor=None, limit=limit,
                                                   score_cutoff=HEAD_CUTOFF):
                    offer(positions[candidates[k]], lambda tier, score=score: score * 0.6 - tier)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], len(item[1][2]), item[0]))[:limit]
        return [SearchHit(drug_id, *self._display[drug_id], score=score, matched_text=shown)
                for drug_id, (score, _, shown) in ranked]

    def prepare_typo_index(self) -> None:
        """Build the index the typo passes filter with (numpy, tens of milliseconds) now, e.g. on a loader thread,
        rather than on the doctor's first misspelt keystroke."""
        if self._letters is None:
            self._letters = _LetterIndex(self._latin_keys)

    def all_keys(self) -> list[str]:
        return list(self._keys)


class _LetterIndex:
    """Letter counts of the Latin keys, to skip keys that cannot reach a ``fuzz.ratio`` cutoff.

    ``fuzz.ratio(a, b) = 200 * LCS(a, b) / (len(a) + len(b))``, and LCS(a, b) is at most the number of letters a and
    b share (for each letter, the smaller of its two counts). So a key passes only if
    ``200 * shared >= cutoff * (len(a) + len(b))``: an upper bound, never a guess, so no key that rapidfuzz would
    have kept is dropped. numpy does the counting for all keys at once (a few dozen array operations per keystroke
    instead of ~20,000 rapidfuzz calls).
    """

    #: per key and letter, where its first, second and third occurrences are: enough to count a letter in the first n
    #: characters of a key (a letter typed more often is bounded from above, see head_could_reach)
    OCCURRENCES = 3

    def __init__(self, keys: Sequence[str]) -> None:
        import numpy as np

        self._np = np
        count = len(keys)
        lengths = np.fromiter((len(key) for key in keys), dtype=np.int32, count=count)
        self._lengths = lengths
        alphabet = sorted(set("".join(keys)))  # keys are ASCII: letters, digits and a little punctuation
        self._column = {ch: i for i, ch in enumerate(alphabet)}
        column_of_code = np.zeros(128, dtype=np.int64)
        for ch, column in self._column.items():
            column_of_code[ord(ch)] = column
        # one entry per character of every key: its letter's column, the key it belongs to, its position in the key
        letter = column_of_code[np.frombuffer("".join(keys).encode("ascii"), dtype=np.uint8)]
        owner = np.repeat(np.arange(count, dtype=np.int64), lengths)
        position = np.arange(len(letter)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        # how often each letter occurs in each key (row per letter, so a query's letters are whole rows)
        self._counts = np.bincount(letter * count + owner, minlength=len(alphabet) * count) \
            .astype(np.uint16).reshape(len(alphabet), count)
        # the rank of each character among the same letters of its key (0 = first occurrence)
        order = np.lexsort((position, letter, owner))
        group = (owner * len(alphabet) + letter)[order]
        starts_group = np.ones(len(order), dtype=bool)
        starts_group[1:] = group[1:] != group[:-1]
        rank = np.arange(len(order)) - np.maximum.accumulate(np.where(starts_group, np.arange(len(order)), 0))
        ranked = order[rank < self.OCCURRENCES]
        # positions past 254 are stored as 254: only compared with head lengths up to MAX_HEAD_LENGTH
        occurrence = np.full((len(alphabet), self.OCCURRENCES, count), 255, dtype=np.uint8)
        occurrence[letter[ranked], rank[rank < self.OCCURRENCES], owner[ranked]] = np.minimum(position[ranked], 254)
        self._occurrence = occurrence.reshape(len(alphabet) * self.OCCURRENCES, count)

    def _typed_letters(self, q: str) -> dict[int, int]:
        """Column -> how often the query has that letter (letters in no key cannot be shared, so they are left out)."""
        typed: dict[int, int] = {}
        for ch in q:
            column = self._column.get(ch)
            if column is not None:
                typed[column] = typed.get(column, 0) + 1
        return typed

    def could_reach(self, q: str, cutoff: int) -> list[int]:
        """Keys (ascending) whose ``fuzz.ratio`` with the whole of ``q`` can be ``cutoff`` or more."""
        np = self._np
        typed = self._typed_letters(q)
        if not typed:
            return []
        columns = list(typed)
        times = np.array([typed[c] for c in columns], dtype=np.uint16)[:, None]
        shared = np.minimum(self._counts[columns], times).sum(axis=0, dtype=np.int32)
        found: list[int] = np.flatnonzero(200 * shared >= cutoff * (len(q) + self._lengths)).tolist()
        return found

    def head_could_reach(self, q: str, cutoff: int) -> list[int]:
        """Keys (ascending) whose first ``len(q)`` characters can have a ``fuzz.ratio`` of ``cutoff`` or more."""
        np = self._np
        n = len(q)
        typed = self._typed_letters(q)
        if not typed:
            return []
        rows = [column * self.OCCURRENCES + k for column, times in typed.items()
                for k in range(min(times, self.OCCURRENCES))]
        in_head = self._occurrence[rows] < n  # the k-th occurrence of a typed letter lies in the first n characters
        shared = in_head.sum(axis=0, dtype=np.int32)
        for column, times in typed.items():
            if times > self.OCCURRENCES:  # typed more often than ranked: count every extra one as shared (a bound)
                shared += (times - self.OCCURRENCES) * in_head[rows.index((column + 1) * self.OCCURRENCES - 1)]
        head_lengths = np.minimum(self._lengths, n)
        found: list[int] = np.flatnonzero(200 * shared >= cutoff * (n + head_lengths)).tolist()
        return found
