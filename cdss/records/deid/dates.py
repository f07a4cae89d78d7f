"""Exact dates in free text, shifted by the case's secret offset so intervals between them survive.

Safe Harbor allows the year alone, so a bare year (``2019年``) is kept, but every date that carries a month or a day
is moved by the same number of days as the structured dates. A written date that is not a real calendar date
(2023-02-30) is left alone rather than guessed at.
"""

from __future__ import annotations

import datetime as dt
import re

from cdss.records.deid.numbers import chinese_number
from cdss.records.deid.spans import Span

MONTHS_EN = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]  # fmt: skip
_MON_NAME = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?" \
            r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"  # fmt: skip
_MON = _MON_NAME + r"\.?"
_ORD = r"(?:st|nd|rd|th)?"

# Order matters only for readability: overlaps are resolved by length afterwards.
ISO_RE = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])")
CN_YMD_RE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*(?P<suffix>[日号])?")
CN_YM_RE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)")
CN_MD_RE = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*(?P<suffix>[日号])")
# 1/5/2023 is read month-first (the common English convention) unless the first number cannot be a month.
US_RE = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
# 05.01.2023 is read day-first, the European convention for dots.
EU_RE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?![\d])")
COMPACT_RE = re.compile(r"(?<![\dA-Za-z])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])")
EN_MDY_RE = re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
EN_DMY_RE = re.compile(
    rf"\b(?P<d>\d{{1,2}}){_ORD}(?:\s+(?:of\s+)?|-){_MON}(?:,?\s+|-)(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
)
EN_MY_RE = re.compile(rf"\b{_MON},?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
EN_MD_RE = re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}}){_ORD}\b(?!\s*,?\s*\d)")
# Day before month without a year (12 Aug, the 3rd of May); capitalised only, so "5 may" stays a verb.
# The month's dot is left alone: at the end of a sentence it is the full stop.
EN_DM_RE = re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON_NAME}(?![A-Za-z])(?!\.?\s*,?\s*\d)")
# A month of a year without its day: 2022-11, 2022/11, 11/2022. The day is what is missing, the month still tells.
ISO_YM_RE = re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?![\d]|[-/.]\d)")
MY_RE = re.compile(r"(?<![\d/.\-])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\d/])")
# Dates in Chinese numerals, as formal documents write them: 二〇二三年五月三日, 五月三日.
_CN_NUM = "〇零一二三四五六七八九十"
CN_NUM_YMD_RE = re.compile(
    rf"(?P<y>[〇零一二三四五六七八九]{{4}})\s*年\s*(?P<m>[{_CN_NUM}]{{1,3}})\s*月"
    rf"(?:\s*(?P<d>[{_CN_NUM}]{{1,3}})\s*(?P<suffix>[日号]))?"
)
CN_NUM_MD_RE = re.compile(
    rf"(?<![{_CN_NUM}年])(?P<m>[{_CN_NUM}]{{1,3}})\s*月\s*(?P<d>[{_CN_NUM}]{{1,3}})\s*(?P<suffix>[日号])"
)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # '23 -> 2023, '85 -> 1985
        year += 2000 if year < 50 else 1900
    return year


def _month_from_name(name: str) -> int:
    return MONTHS_EN[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def shifted(value, shift: dt.timedelta):
    """``value + shift``, held at the calendar's ends: 9999-12-31 or 0001-01-01 (placeholders for "open" or "unknown")
    must not crash a preview, and shifting them would reveal nothing."""
    try:
        return value + shift
    except OverflowError:
        bound = type(value).max if shift > dt.timedelta(0) else type(value).min
        return bound


def _cn_numerals(value: int, digit_by_digit: bool = False) -> str:
    """2023 → 二〇二三 (years are read digit by digit); 5 → 五, 12 → 十二, 30 → 三十."""
    digits = "〇一二三四五六七八九"
    if digit_by_digit:
        return "".join(digits[int(c)] for c in str(value))
    tens, ones = divmod(value, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones or not tens else "")


def _find_chinese_numeral_dates(text: str, shift: dt.timedelta, reference_year: int) -> list[Span]:
    spans: list[Span] = []
    for m in CN_NUM_YMD_RE.finditer(text):
        year, month = chinese_number(m["y"]), chinese_number(m["m"])
        day = chinese_number(m["d"]) if m["d"] else 15
        if None in (year, month, day) or (d := _safe_date(year, month, day)) is None:
            continue
        n = shifted(d, shift)
        new = f"{_cn_numerals(n.year, True)}年{_cn_numerals(n.month)}月"
        if m["d"]:
            new += f"{_cn_numerals(n.day)}{m['suffix']}"
        spans.append(Span(m.start(), m.end(), new, "date"))
    for m in CN_NUM_MD_RE.finditer(text):
        month, day = chinese_number(m["m"]), chinese_number(m["d"])
        if None in (month, day) or (d := _safe_date(reference_year, month, day)) is None:
            continue
        n = shifted(d, shift)
        spans.append(Span(m.start(), m.end(), f"{_cn_numerals(n.month)}月{_cn_numerals(n.day)}{m['suffix']}", "date"))
    return spans


def find_dates(text: str, offset_days: int, reference_year: int) -> list[Span]:
    """Every date in ``text`` with its shifted rewrite in the same written format."""
    shift = dt.timedelta(days=offset_days)
    spans: list[Span] = []

    def add(match: re.Match[str], new_text: str) -> None:
        spans.append(Span(match.start(), match.end(), new_text, "date"))

    for m in ISO_RE.finditer(text):
        if (d := _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))) is not None:
            n, sep = shifted(d, shift), m["sep"]
            pad_m, pad_d = len(m["m"]) == 2, len(m["d"]) == 2
            add(m, f"{n.year}{sep}{n.month:0{2 if pad_m else 1}d}{sep}{n.day:0{2 if pad_d else 1}d}")
    for m in CN_YMD_RE.finditer(text):
        if (d := _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))) is not None:
            n = shifted(d, shift)
            add(m, f"{n.year}年{n.month}月{n.day}{m['suffix'] or ''}")
    for m in CN_YM_RE.finditer(text):
        # A month without a day: shift its middle, so the month moves only when the offset is large enough to.
        if (d := _safe_date(int(m["y"]), int(m["m"]), 15)) is not None:
            n = shifted(d, shift)
            add(m, f"{n.year}年{n.month}月")
    for m in CN_MD_RE.finditer(text):
        if (d := _safe_date(reference_year, int(m["m"]), int(m["d"]))) is not None:
            n = shifted(d, shift)
            add(m, f"{n.month}月{n.day}{m['suffix']}")
    for m in US_RE.finditer(text):
        a, b, year = int(m["a"]), int(m["b"]), _full_year(m["y"])
        month_first = a <= 12
        d = _safe_date(year, a, b) if month_first else _safe_date(year, b, a)
        if d is not None:
            n, sep = shifted(d, shift), m["sep"]
            first, second = (n.month, n.day) if month_first else (n.day, n.month)
            add(m, f"{first}{sep}{second}{sep}{n.year if len(m['y']) == 4 else f'{n.year % 100:02d}'}")
    for m in EU_RE.finditer(text):
        if (d := _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))) is not None:
            n = shifted(d, shift)
            add(m, f"{n.day:02d}.{n.month:02d}.{n.year}")
    for m in COMPACT_RE.finditer(text):
        if (d := _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))) is not None:
            add(m, shifted(d, shift).strftime("%Y%m%d"))
    for regex in (EN_MDY_RE, EN_DMY_RE):
        for m in regex.finditer(text):
            if (d := _safe_date(int(m["y"]), _month_from_name(m["mon"]), int(m["d"]))) is not None:
                n = shifted(d, shift)
                add(m, f"{_MONTH_NAMES[n.month - 1]} {n.day}, {n.year}")
    for m in EN_MY_RE.finditer(text):
        if (d := _safe_date(int(m["y"]), _month_from_name(m["mon"]), 15)) is not None:
            n = shifted(d, shift)
            add(m, f"{_MONTH_NAMES[n.month - 1]} {n.year}")
    for m in EN_MD_RE.finditer(text):
        if (d := _safe_date(reference_year, _month_from_name(m["mon"]), int(m["d"]))) is not None:
            n = shifted(d, shift)
            add(m, f"{_MONTH_NAMES[n.month - 1]} {n.day}")
    for m in EN_DM_RE.finditer(text):
        if (d := _safe_date(reference_year, _month_from_name(m["mon"]), int(m["d"]))) is not None:
            n = shifted(d, shift)
            add(m, f"{n.day} {_MONTH_NAMES[n.month - 1]}")
    for regex in (ISO_YM_RE, MY_RE):
        for m in regex.finditer(text):
            if (d := _safe_date(int(m["y"]), int(m["m"]), 15)) is not None:
                n = shifted(d, shift)
                month = f"{n.month:0{len(m['m'])}d}"
                add(m, f"{n.year}{m['sep']}{month}" if regex is ISO_YM_RE else f"{month}/{n.year}")
    spans += _find_chinese_numeral_dates(text, shift, reference_year)
    return spans
