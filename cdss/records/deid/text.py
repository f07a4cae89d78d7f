"""Free-text scrubbing: every detector runs on the original text, overlaps are resolved, and each replacement is
reported with its offsets so a UI can highlight it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cdss.records.deid.clinicians import find_clinicians
from cdss.records.deid.dates import find_dates
from cdss.records.deid.institutions import find_hospitals
from cdss.records.deid.names import name_patterns
from cdss.records.deid.numbers import find_numbers, find_old_ages
from cdss.records.deid.places import HOUSE_NUMBER_TAIL, find_addresses, province_of
from cdss.records.deid.spans import CJK_RE, Span, apply, is_chinese, resolve
from cdss.records.deid.workplaces import find_workplaces

_PATIENT_PREFIX_RE = re.compile(r"(?:患者|病人|患儿|Patient|patient|Pt\.?)\s*$")
_BIRTH_LABEL_RE = re.compile(
    r"(?:出生日期|出生年月日?|出生于|(?<![发产])生于|出生|DOB|D\.O\.B\.|Date of birth|Birth ?date|born(?: on| in)?)"
    r"\s*[:：]?\s*$",
    re.IGNORECASE,
)
_BIRTH_YEAR_RE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?:出生|生)")
_ADDRESS_UNIT_RE = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:市|区|县|镇|乡|街道|村|路|街|大道|巷|弄|小区|花园|苑|大厦)"
)


@dataclass(frozen=True)
class FoundChange:
    original: str
    replacement: str
    kind: str
    start: int
    end: int


@dataclass
class KnownIdentifiers:
    """What the structured record tells us to look for in its own free text."""

    patient_names: list[str] = field(default_factory=list)
    other_names: set[str] = field(default_factory=set)
    clinician_names: set[str] = field(default_factory=set)
    values: list[tuple[str, str]] = field(default_factory=list)  # (literal value, kind)
    address: str | None = None
    birth_year: int | None = None
    pooled_age: bool = False  # the patient is over 89: no birth year may remain either


def _digits_pattern(value: str) -> re.Pattern[str] | None:
    """The value's digits with any spacing or dashes between them (138 1234 5678 ≡ 13812345678)."""
    digits = re.sub(r"\D", "", value)
    if len(digits) < 6:
        return None
    return re.compile(r"(?<!\d)" + r"[\s-]?".join(digits) + r"(?!\d)")


class TextScrubber:
    """Scrubs free text of one record; build it once per record (it compiles that record's name patterns)."""

    def __init__(self, known: KnownIdentifiers, offset_days: int) -> None:
        self._offset = offset_days
        self._known = known
        self._patient = [p for name in known.patient_names for p in name_patterns(name)]
        self._others = [(p, "relative_name") for name in sorted(known.other_names) for p in name_patterns(name)[:1]]
        self._others += [(p, "clinician") for name in sorted(known.clinician_names) for p in name_patterns(name)[:1]]
        self._literals: list[tuple[re.Pattern[str], str]] = []
        for value, kind in known.values:
            value = value.strip()
            if len(value) < 3:
                continue
            self._literals.append((re.compile(re.escape(value), re.IGNORECASE), kind))
            if (digits := _digits_pattern(value)) is not None:
                self._literals.append((digits, kind))
        self._address_units: list[str] = []
        if known.address:
            province = province_of(known.address)
            rest = known.address.strip()[len(province or "") :] if province else known.address
            self._address_units = [u for u in _ADDRESS_UNIT_RE.findall(rest) if len(u) >= 3]

    def scrub(self, text: str, reference_year: int) -> tuple[str, list[FoundChange]]:
        if not text:
            return text, []
        chinese = is_chinese(text)
        spans = [*find_numbers(text, chinese), *find_old_ages(text), *find_addresses(text)]
        spans += [*find_clinicians(text, chinese), *find_hospitals(text, chinese), *find_workplaces(text, chinese)]
        spans += self._date_spans(text, reference_year)
        spans += self._name_spans(text, chinese)
        for pattern, kind in self._literals:
            spans += [Span(m.start(), m.end(), _placeholder(kind, chinese), kind) for m in pattern.finditer(text)]
        if self._known.address:
            replacement = province_of(self._known.address) or ("[地址]" if chinese else "[address]")
            for m in re.finditer(re.escape(self._known.address.strip()), text):
                spans.append(Span(m.start(), m.end(), replacement, "address"))
            for unit in self._address_units:
                # The unit plus any house number after it: 文三路 must not leave 88号 behind.
                for m in re.finditer(re.escape(unit) + HOUSE_NUMBER_TAIL + "*", text):
                    spans.append(Span(m.start(), m.end(), "[地址]" if chinese else "[address]", "address"))
        kept = resolve(spans)
        changes = [FoundChange(text[s.start : s.end], s.replacement, s.kind, s.start, s.end) for s in kept]
        return apply(text, kept), changes

    def _name_spans(self, text: str, chinese: bool) -> list[Span]:
        spans: list[Span] = []
        for pattern in self._patient:
            for m in pattern.finditer(text):
                start = m.start()
                # 患者张三 → 患者 rather than 患者患者.
                if (prefix := _PATIENT_PREFIX_RE.search(text, 0, start)) is not None:
                    start = prefix.start()
                # The placeholder follows the script of the name as written: 张三 → 患者, Zhang San → [patient].
                cjk = CJK_RE.search(m.group()) is not None
                spans.append(Span(start, m.end(), "患者" if cjk else "[patient]", "name"))
        for pattern, kind in self._others:
            for m in pattern.finditer(text):
                cjk = CJK_RE.search(m.group()) is not None
                spans.append(Span(m.start(), m.end(), "[姓名]" if cjk or chinese else "[name]", kind))
        return spans

    def _date_spans(self, text: str, reference_year: int) -> list[Span]:
        spans = find_dates(text, self._offset, reference_year)
        out: list[Span] = []
        for span in spans:
            if _BIRTH_LABEL_RE.search(text, max(0, span.start - 20), span.start):
                # A birth date keeps only its year (Safe Harbor), and not even that past 89.
                year = re.search(r"(?:19|20)\d\d", text[span.start : span.end])
                kept = "[90+]" if self._known.pooled_age or year is None else year.group()
                out.append(Span(span.start, span.end, kept, "birth_date"))
            else:
                out.append(span)
        if self._known.pooled_age:
            out += [Span(m.start("y"), m.end("y"), "[90+]", "birth_date") for m in _BIRTH_YEAR_RE.finditer(text)]
            if self._known.birth_year:
                for m in re.finditer(rf"(?<!\d){self._known.birth_year}(?!\d)", text):
                    if _BIRTH_LABEL_RE.search(text, max(0, m.start() - 20), m.start()):
                        out.append(Span(m.start(), m.end(), "[90+]", "birth_date"))
        return out


_PLACEHOLDERS = {
    "identifier": ("[编号]", "[ID]"), "phone": ("[电话]", "[phone]"), "email": ("[邮箱]", "[email]"),
    "resident_id": ("[身份证号]", "[ID number]"), "address": ("[地址]", "[address]"),
}  # fmt: skip


def _placeholder(kind: str, chinese: bool) -> str:
    zh, en = _PLACEHOLDERS.get(kind, ("[编号]", "[ID]"))
    return zh if chinese else en
