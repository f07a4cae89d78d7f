"""Addresses and place names below province level (Safe Harbor: every geographic subdivision smaller than a state).

Chinese addresses are found from an anchor — a province or a city/county/district name — followed by the street,
building and room units that make a postal address. City and district names come from jieba's dictionary (words it
tags ``ns``, place name), which already ships with the app; that list is noisy, so only names of three or more
characters ending in 市/县/区/州/盟/旗 are used. The province is kept (浙江省杭州市西湖区XX路1号 → 浙江省).
"""

from __future__ import annotations

import functools
import re

from cdss.records.deid.lexicon import load_lexicon
from cdss.records.deid.names import SURNAME_INITIALS
from cdss.records.deid.spans import Span, is_chinese

PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省",
    "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省",
    "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区",
    "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)  # fmt: skip
# Short forms as people write them: 浙江杭州…, 北京朝阳区…
_PROVINCE_SHORT = {
    p: re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", p) for p in PROVINCES
}
_PROVINCE_RE = "|".join(sorted({*PROVINCES, *_PROVINCE_SHORT.values()}, key=len, reverse=True))

# One address unit after the anchor: a named road/village/estate, or a number with its unit.
_UNIT = (
    r"(?:[\u4e00-\u9fffA-Za-z]{1,8}?(?:市|区|县|镇|乡|街道|村|社区|组|路|街|大道|道|巷|弄|胡同|里|小区|花园|新村|苑|公寓|大厦|广场)"
    r"|[0-9０-９A-Za-z\-]{1,6}\s*(?:号院|号楼|号|栋|幢|座|单元|室|楼|层|弄|组)|[东南西北中]?段)"
)
_ADDRESS_TAIL_RE = re.compile(rf"(?:{_UNIT})+")
_LABELLED_RE = re.compile(
    r"(?P<label>(?:家庭|现|常|户籍|居住|联系|通讯)?(?:住址|地址)\s*[:：为是]?\s*|家住|现住|住在|居住于|居住在|户籍地\s*[:：]?\s*)"
    r"(?P<value>[^，,。；;\n]{2,60})"
)
_EN_STREET_RE = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][A-Za-z]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
    r"|Way|Place|Pl|Terrace|Highway|Hwy)\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Unit|#)\.?\s*[\w-]+)?"
    r"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?(?:,\s*[A-Z]{2})?(?:\s+\d{5}(?:-\d{4})?)?"
)
_EN_LABELLED_RE = re.compile(
    # The label is a whole word: "not addressed in the label" gives no address.
    r"(?P<label>\b(?:Address|Home address|Lives at|Residing at)\b\s*[:：]?\s*)(?P<value>(?:(?!\.\s)[^;\n]){4,80})",
    re.IGNORECASE,
)
_ZIP_RE = re.compile(
    r"(?P<label>(?:邮编|邮政编码|ZIP(?:\s*code)?|Postal code)\s*[:：]?\s*)(?P<value>\d{5,6}(?:-\d{4})?)", re.IGNORECASE
)
# A street with a house number is an address even with no province or city before it: 住文三路88号3栋.
# The street name may not contain the small words that usually precede it (住, 在, 家, 患者 …), so they stay.
HOUSE_NUMBER_TAIL = r"(?:[0-9０-９A-Za-z\-]{1,6}\s*(?:号院|号楼|号|栋|幢|座|单元|室|楼|层|弄))"
_STREET_NUMBER_RE = re.compile(
    r"(?:(?![住在于家者患至到从往的和及与是])[\u4e00-\u9fff]){1,6}(?:路|街|大道|巷|弄|胡同)"
    + HOUSE_NUMBER_TAIL + "{1,4}"
)
_EXCLUDED_ENDINGS = ("地区", "库区", "半区", "角区", "特区", "山区", "城区", "郊区", "市区", "小区", "灾区", "景区")


@functools.cache
def gazetteer() -> dict[str, frozenset[str]]:
    """City/county/district names keyed by first character, for a fast scan without a giant regex."""
    places = load_lexicon(SURNAME_INITIALS).places
    names = {w for w in places if len(w) >= 3 and w[-1] in "市县区州盟旗" and not w.endswith(_EXCLUDED_ENDINGS)}
    by_first: dict[str, set[str]] = {}
    for name in names:
        by_first.setdefault(name[0], set()).add(name)
    return {first: frozenset(words) for first, words in by_first.items()}


def province_of(address: str) -> str | None:
    """The province-level division an address starts with, in its full form, or ``None``."""
    text = address.strip()
    for full, short in _PROVINCE_SHORT.items():
        if text.startswith(full) or (short and text.startswith(short)):
            return full
    return None


def _place_at(text: str, pos: int, names: dict[str, frozenset[str]]) -> int:
    """Length of the longest gazetteer name starting at ``pos`` (0 if none)."""
    words = names.get(text[pos])
    if not words:
        return 0
    for length in range(min(10, len(text) - pos), 2, -1):
        if text[pos : pos + length] in words:
            return length
    return 0


def _replacement(original: str, chinese: bool) -> str:
    province = province_of(original) if chinese else None
    if province:
        return province
    return "[地址]" if chinese else "[address]"


def find_addresses(text: str) -> list[Span]:
    chinese = is_chinese(text)
    spans: list[Span] = []
    for m in _LABELLED_RE.finditer(text):
        spans.append(Span(m.start("value"), m.end("value"), _replacement(m["value"], True), "address"))
    for m in _EN_LABELLED_RE.finditer(text):
        spans.append(Span(m.start("value"), m.end("value"), _replacement(m["value"], chinese), "address"))
    for m in _EN_STREET_RE.finditer(text):
        spans.append(Span(m.start(), m.end(), "[地址]" if chinese else "[address]", "address"))
    for m in _ZIP_RE.finditer(text):
        spans.append(Span(m.start("value"), m.end("value"), "[邮编]" if chinese else "[ZIP]", "zip"))
    if chinese:
        spans.extend(_find_chinese_places(text))
        spans.extend(Span(m.start(), m.end(), "[地址]", "address") for m in _STREET_NUMBER_RE.finditer(text))
    return spans


_PROVINCE_AT_RE = re.compile(_PROVINCE_RE)


def _find_chinese_places(text: str) -> list[Span]:
    names = gazetteer()
    spans: list[Span] = []
    pos = 0
    while pos < len(text):
        start = pos
        province = _PROVINCE_AT_RE.match(text, pos)
        anchor_end = province.end() if province else pos
        place_len = _place_at(text, anchor_end, names) if anchor_end < len(text) else 0
        if not (province or place_len):
            pos += 1
            continue
        tail = _ADDRESS_TAIL_RE.match(text, anchor_end + place_len, min(len(text), anchor_end + place_len + 80))
        tail_len = tail.end() - tail.start() if tail else 0
        if place_len or (province and tail_len and _looks_like_street(text[anchor_end : anchor_end + tail_len])):
            end = anchor_end + place_len + tail_len
            keep = _full_province(province.group()) if province else None
            spans.append(Span(start, end, keep or "[地址]", "address"))
            pos = end
            continue
        pos += 1
    return spans


def _full_province(written: str) -> str:
    for full, short in _PROVINCE_SHORT.items():
        if written in (full, short):
            return full
    return written


def _looks_like_street(tail: str) -> bool:
    """After a bare province, only a real address (a city, a road, a house number) counts — not 浙江省内."""
    return re.search(r"(市|县|区|路|街|号|村|镇)", tail) is not None
