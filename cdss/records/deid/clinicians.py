"""Clinicians' names: 主治医师王某某, 由李医生接诊, 张主任, Dr. John Smith, Michael Brown, MD.

A clinician's name identifies the hospital and, with the date, the patient's visit, so Safe Harbor counts it among
the names to remove. The title is what gives a name away — before it (医师王某某, Dr Lee) or after it (李医生,
Karen White, RN) — and the title stays: 由[姓名]医生接诊 still says a doctor saw the patient. A full name found this way
is also removed wherever else it appears in the record; a bare surname (李医生) is not, or every 李 would go.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cdss.records.deid.names import (
    COMPOUND_SURNAMES,
    NOT_GIVEN_NAME_STARTS,
    SINGLE_SURNAMES,
    SURNAME_RE,
    clean_english_name,
    is_ordinary_word,
    trim_chinese_name,
)
from cdss.records.deid.spans import Span

_CN_TITLES_BEFORE = (
    "主治医师", "主任医师", "副主任医师", "住院医师", "主治医生", "经治医生", "经治医师", "管床医生", "管床医师",
    "值班医生", "值班医师", "上级医师", "上级医生", "会诊医师", "会诊医生", "接诊医生", "接诊医师", "主刀医生", "主刀",
    "术者", "麻醉医师", "麻醉医生", "责任护士", "护士长", "主管护师", "护师", "护士", "医师", "医生", "大夫", "主任",
    "教授", "院长", "药师", "记录者", "记录人", "审核人", "审核医师", "报告医师", "报告医生", "签名医生",
)  # fmt: skip
_CN_TITLES_AFTER = (
    "医生", "医师", "大夫", "主任", "教授", "护士长", "护士", "院长", "主治", "药师", "副主任医师", "主任医师",
    "副主任", "副教授", "主治医师", "住院医师", "副院长", "主管护师",
)  # fmt: skip
_TITLE_BEFORE_RE = re.compile(
    "(?:" + "|".join(sorted(_CN_TITLES_BEFORE, key=len, reverse=True)) + r")\s*(?P<colon>[:：])?\s*"
    rf"(?P<name>{SURNAME_RE}[\u4e00-\u9fff]{{1,2}})"
)
_TITLE_AFTER_RE = re.compile(
    rf"(?P<name>(?:小|老)?{SURNAME_RE}[\u4e00-\u9fff]{{0,2}}?)(?:"
    + "|".join(sorted(_CN_TITLES_AFTER, key=len, reverse=True)) + ")"
)
# Two-character verbs that follow a clinician's name (王强查房, 赵磊汇报): the first character is not the name's.
_VERBS_AFTER = {
    "查房", "查看", "查体", "指示", "汇报", "建议", "会诊", "接诊", "记录", "处理", "执行", "完成", "开具", "评估",
    "签字", "签名", "审核", "主刀", "操作", "复核", "诊断", "说明", "告知", "考虑", "认为", "同意", "看过", "行走",
    "随访", "交代", "嘱咐", "询问", "检查", "换药", "宣教",
}  # fmt: skip
# What may stand in front of a bare surname before a title: a preposition, a department (本院赵医生, 我科李主任) or
# nothing. 主管医生 and 副主任 are not people called 管 and 任.
_BEFORE_BARE_SURNAME = set("由经请向被找与和及、，。,；;：:（(请让叫给对为据询问示同院科室的位名是 \n")
# Not names although they start with a surname character: 管床医生, 高年资医师, 全科医生.
_PREPOSITION_SURNAMES = set("向和于经由与")
_NOT_NAMES = {"管床", "高年资", "高年", "全科", "白班", "麻醉", "康复", "管理", "高级", "石膏", "伍德", "时间"}
_NOT_GIVEN_STARTS = ("患", "病", "家属", "护", "医", "主任", "教授", "院", "科", "的", "了", "们", "和", "与", "及",
                     "等", "说", "在", "是", "有", "我", "您", "他", "她", "其", "咨询", "遵", "按照", "听从", "询问",
                     "联系", "告知")  # fmt: skip
# Surnames that are also common words (应咨询医师 "should consult a doctor", 向医生 "to the doctor"): before a title
# they count as a name only where a name can start.
_WORDLIKE_SURNAMES = set("应向和于经管方全常时成解单车同")

_EN_TITLES = r"(?:Dr|Doctor|Prof|Professor|Nurse|Practitioner|Matron|Surgeon|Consultant|Attending|Resident|Physician" \
             r"|Registrar|Midwife|Pharmacist|Dietitian|Therapist)"  # fmt: skip
_EN_NAME = r"(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_EN_TITLE_RE = re.compile(
    rf"\b(?:{_EN_TITLES}\.?\s*[:,]?\s+){{1,3}}(?P<name>(?:[A-Z]\.\s*){{0,2}}{_EN_NAME}(?:\s+[A-Z]\.)?(?:\s+{_EN_NAME}){{0,2}})"
)
_EN_POSTNOMINAL_RE = re.compile(
    rf"(?P<name>{_EN_NAME}(?:\s+[A-Z]\.)?(?:\s+{_EN_NAME}){{1,2}}),?\s+(?:MD|M\.D\.|DO|RN|NP|PA-C|MBBS|FRCP|FRCS"
    r"|PhD|PharmD)\b"
)


def _plausible_chinese(name: str) -> bool:
    surname_len = 2 if name[:2] in COMPOUND_SURNAMES else 1
    given = name[surname_len:].lstrip("小老")
    if name in _NOT_NAMES or name[:2] in _NOT_NAMES or name[:3] in _NOT_NAMES:
        return False
    return not given.startswith(_NOT_GIVEN_STARTS) and given[:1] not in NOT_GIVEN_NAME_STARTS


def _trim_before_verb(text: str, start: int, name: str) -> str:
    """赵磊汇报 → 赵磊: a three-character candidate whose last character begins the verb after it."""
    end = start + len(name)
    if len(name) == 3 and name[:2] not in COMPOUND_SURNAMES and text[end - 1 : end + 1] in _VERBS_AFTER:
        return name[:2]
    return trim_chinese_name(name)


def _matches(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, name, learnable) for each clinician's name; learnable when it is a full name."""
    for m in _TITLE_BEFORE_RE.finditer(text):
        name = _trim_before_verb(text, m.start("name"), m["name"])
        if _plausible_chinese(name) and (m["colon"] or not is_ordinary_word(name)):
            yield m.start("name"), m.start("name") + len(name), name, True
    for m in _TITLE_AFTER_RE.finditer(text):
        name, start = m["name"], m.start("name")
        if len(name) == 2 and name[0] in _PREPOSITION_SURNAMES and name[1] in SINGLE_SURNAMES:
            name, start = name[1], start + 1  # 向高主任 is 向 + 高主任, not a Mr 向高
        bare = len(name.lstrip("小老")) == (2 if name.lstrip("小老")[:2] in COMPOUND_SURNAMES else 1)
        if (bare or name[0] in _WORDLIKE_SURNAMES) and start > 0 and text[start - 1] not in _BEFORE_BARE_SURNAME:
            continue
        if not _plausible_chinese(name) or (not bare and is_ordinary_word(name.lstrip("小老"))):
            continue
        yield start, m.end("name"), name, not bare
    for regex in (_EN_TITLE_RE, _EN_POSTNOMINAL_RE):
        for m in regex.finditer(text):
            name = clean_english_name(m["name"])
            if name is None:
                continue
            start = m.start("name") + m["name"].find(name.split()[0])
            end = m.start("name") + m["name"].rfind(name.split()[-1]) + len(name.split()[-1])
            yield start, end, text[start:end], True


def find_clinicians(text: str, chinese: bool) -> list[Span]:
    return [Span(s, e, "[姓名]" if chinese else "[name]", "clinician") for s, e, _name, _full in _matches(text)]


def clinician_names(text: str) -> set[str]:
    """Full clinicians' names in ``text``, to be removed from every field of the record."""
    return {name for _s, _e, name, full in _matches(text) if full}
