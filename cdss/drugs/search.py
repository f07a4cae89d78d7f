"""Search-as-you-type over drug names: Chinese (华法林), pinyin full (huafalin) and initials (hfl), English INN,
synonyms and brands, with typo tolerance from rapidfuzz.

Speed: exact and prefix hits come from a sorted key list (bisect), substring hits from one pass over the keys,
and the fuzzy pass (the slow part) runs only for Latin queries of 3+ characters when the cheap passes found too
little — so a keystroke stays well under 10 ms over ~10,000 keys.
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
        self._latin_index = {k: i for i, k in enumerate(self._keys) if k.isascii()}
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
        self._heads: dict[int, list[str]] = {}
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
            cutoff = 70 if len(q) >= 5 else 80  # short queries match almost anything loosely
            # whole-name typos ("warfrin") ...
            for key, score, _ in process.extract(q, latin, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=cutoff):
                # scaled under the prefix band so a real prefix always outranks a typo match
                offer(self._latin_index[key], lambda tier, score=score: min(score, 99.0) * 0.69 - tier)
            # ... and typos while still typing ("clopidg" against the first letters of each name)
            # (up to 24 letters: past that the whole-name pass above already scores a long name with one slip high,
            # and cutting 20,000 heads of a new length at every keystroke cost more than the search itself)
            if 4 <= len(q) <= MAX_HEAD_LENGTH:
                heads = self._heads.get(len(q))
                if heads is None:
                    heads = self._heads[len(q)] = [k[:len(q)] for k in latin]  # cached: lengths recur
                for _, score, j in process.extract(q, heads, scorer=fuzz.ratio, limit=limit, score_cutoff=75):
                    offer(self._latin_index[latin[j]], lambda tier, score=score: score * 0.6 - tier)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], len(item[1][2]), item[0]))[:limit]
        return [SearchHit(drug_id, *self._display[drug_id], score=score, matched_text=shown)
                for drug_id, (score, _, shown) in ranked]

    def all_keys(self) -> list[str]:
        return list(self._keys)
