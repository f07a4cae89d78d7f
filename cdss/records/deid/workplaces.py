"""Employers and schools by name: 在华为公司工作, 就读于北京市第四中学, works at Acme Corp, student at Lincoln High
School.

Safe Harbor lists employers among the identifiers, and a school is the same kind of clue. The kind of work stays,
because it is clinical: 在化工厂工作20年 (an exposure), works at a farm; only a name that singles one place out goes,
to [单位]/[employer] or [学校]/[school]. A name is recognised by its ending (公司, 集团, 中学, 大学, Inc, High School)
or by the phrase around it (就职于…, 在…上班, works at …).
"""

from __future__ import annotations

import re

from cdss.records.deid.institutions import is_generic, name_start
from cdss.records.deid.spans import Span

_EMPLOYER_SUFFIXES = (
    "有限责任公司", "股份有限公司", "有限公司", "分公司", "公司", "集团", "分行", "支行", "银行", "研究所",
    "研究院", "设计院", "事务所", "出版社", "报社", "电视台", "电台", "商场", "超市", "酒店", "饭店",
)  # fmt: skip
_SCHOOL_SUFFIXES = (
    "大学", "学院", "中学", "小学", "幼儿园", "学校", "高中", "初中", "附中", "附小", "职高", "技校", "中专", "党校",
)  # fmt: skip
# 厂 ends a factory's name (工厂 included: 化工厂 is 化工 + 厂), but not in 厂家, 厂区, 厂长.
_CN_SUFFIX_RE = re.compile(
    "(?P<school>" + "|".join(sorted(_SCHOOL_SUFFIXES, key=len, reverse=True)) + ")"
    "|(?P<employer>" + "|".join(sorted(_EMPLOYER_SUFFIXES, key=len, reverse=True)) + r"|厂(?![家商区房长内外]))"
)
# Kinds of workplace and of school, which say what the work was but not where.
_GENERIC = (
    "化工", "纺织", "石棉", "农药", "水泥", "钢铁", "电子", "印刷", "家具", "皮革", "机械", "造纸", "化肥", "塑料",
    "橡胶", "制药", "药", "玻璃", "陶瓷", "服装", "食品", "电池", "蓄电池", "冶炼", "炼油", "铸造", "砖", "砖瓦", "煤",
    "煤矿", "矿", "油漆", "涂料", "电镀", "制鞋", "鞋", "木材", "汽车", "汽配", "五金", "建材", "酒", "啤酒", "卷烟",
    "烟草", "制衣", "纸", "焦化", "铅", "粮食", "饲料", "肉联", "屠宰", "养殖", "印染", "染料", "石化", "钢", "铝",
    "铜", "金属", "核电", "发电", "电", "水", "建筑", "物流", "快递", "科技", "网络", "软件", "贸易", "房地产",
    "保险", "装修", "运输", "餐饮", "服务", "投资", "咨询", "外贸", "私营", "个体", "国营", "国有", "外资", "合资",
    "民营", "一家", "某", "某某", "当地", "附近", "本地", "外地", "老家", "一所", "普通", "重点", "私立", "公立",
    "民办", "农村", "乡村", "城市", "国外", "大", "小", "中", "初", "高", "职业", "技术", "师范", "医科", "理工",
    "综合", "体育", "艺术", "寄宿", "成人", "夜", "函授", "上", "读", "考", "念", "考上", "他", "她", "我", "其",
    "患者", "病人", "患儿", "本人", "文化", "程度", "学历", "毕业", "家", "家里", "工地", "医院", "单位", "公司",
    "工厂", "学校", "厂", "外企", "私企", "国企", "政府", "机关", "车间", "农场", "田间", "地里", "矿上", "工", "县",
    "市", "乡", "镇", "村", "区", "省", "附属", "第一", "第二", "第三", "实验", "中心", "子弟", "特殊教育", "聋哑",
    "盲人", "培训", "驾校", "驾驶", "医学", "护理", "卫生", "工商", "财经", "广播电视", "开放", "网吧", "餐馆",
)  # fmt: skip
_GENERIC_RE = re.compile("(?:" + "|".join(sorted(_GENERIC, key=len, reverse=True)) + ")*")
_ALL_SUFFIXES = (*_EMPLOYER_SUFFIXES, *_SCHOOL_SUFFIXES, "厂", "医院")
_CN_TRIGGER_RE = re.compile(
    r"(?P<trigger>就职于|任职于|供职于|受雇于|工作于|服务于|就读于|毕业于|求学于|(?:工作单位|就读学校|单位|学校|雇主)\s*[:：]"
    r"|工作单位[为是])\s*(?P<org>[^，,。；;\s、：:]{2,30})"
    r"|(?<![存现])(?:在|于)(?P<org2>[^，,。；;\s、在于]{2,20}?)(?P<verb>工作|上班|任职|就职|读书|上学|就读|打工|实习)"
)
_SCHOOL_TRIGGERS = ("就读", "毕业", "求学", "学校", "读书", "上学")

_CAP = r"(?:St\.?|Saint|[A-Z][A-Za-z'’&-]*)"
# Bounded repetitions throughout: a long run of capitalised words must not make the search quadratic.
_CAP_WORDS = rf"{_CAP}(?:\s+(?:{_CAP}|&|of|and|de)){{0,5}}?"
_EN_SCHOOL_RE = re.compile(
    rf"\b(?P<name>{_CAP_WORDS})\s+(?:High School|Middle School|Elementary School|Primary School|Secondary School"
    r"|Junior High|Grammar School|Academy|University|College|School|Kindergarten|Preschool)\b"
    r"|\bUniversity\s+of\s+(?:the\s+)?[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){0,3}"
)
_EN_EMPLOYER_RE = re.compile(
    rf"\b(?P<name>{_CAP_WORDS})\s+(?:Inc|Corp|Corporation|LLC|Ltd|Limited|Company|Co|Group|Industries"
    r"|Technologies|Bank|Plc|PLC|GmbH)\b(?!-)\.?"
)
_EN_TRIGGER_RE = re.compile(
    r"\b(?P<trigger>(?i:works?|working|worked|employed|employee|retired|job|volunteers?|student|pupil|studies|studying"
    r"|attends|attending|graduated?|enrolled|teacher|employer|school))\b(?:\s+as\s+(?:an?\s+)?[a-z]+(?:\s[a-z]+)?)?"
    r"\s*(?:(?i:at|for|by|from|with|of|in)\s+(?:the\s+)?|[:：]\s*)(?P<org>[A-Z][A-Za-z'’&-]*(?:\s+(?:[A-Z][A-Za-z'’&-]*|&)){0,5})"
)
_EN_LEADING = {"The", "A", "An", "Attends", "Student", "Pupil", "Studies", "Graduate", "Works", "Worked",
               "Employed", "Retired", "At", "Of", "From", "For", "In", "Employer", "Our", "This", "Local", "Medical",
               "Nursing", "Community", "Public", "Private", "State", "High", "Primary"}  # fmt: skip
_EN_GENERIC = {"Home", "Farm", "School", "Hospital", "Church", "Army", "Navy", "Police", "Government", "Mom", "Dad"}


def _cn_spans(text: str, chinese: bool) -> list[Span]:
    spans: list[Span] = []
    floor = 0
    for m in _CN_SUFFIX_RE.finditer(text):
        start = name_start(text, m.start(), floor)
        floor = m.end()
        name = text[start : m.start()]
        if not name or is_generic(name, _GENERIC_RE):
            continue
        school = m["school"] is not None
        spans.append(_span(start, m.end(), school, chinese))
    for m in _CN_TRIGGER_RE.finditer(text):
        group = "org" if m["org"] else "org2"
        org = m[group]
        if _generic_org(org):
            continue
        trigger = m["trigger"] or m["verb"] or ""
        school = trigger.startswith(_SCHOOL_TRIGGERS) or org.endswith(_SCHOOL_SUFFIXES)
        spans.append(_span(m.start(group), m.end(group), school, chinese))
    return spans


def _generic_org(org: str) -> bool:
    """化工厂, 一家公司, 当地: the kind of place without its name, whichever ending is taken off."""
    bare = [org] + [org[: -len(suffix)] for suffix in _ALL_SUFFIXES if org.endswith(suffix)]
    return any(not name or is_generic(name, _GENERIC_RE) for name in bare)


def _end_without_full_stop(text: str, end: int) -> int:
    """A name's last word keeps its dot only when it is an abbreviation (Corp., St.), not a sentence's full stop."""
    if text[end - 1 : end] == "." and not re.search(r"\b(?:Inc|Corp|Co|Ltd|St|Jr)\.$", text[max(0, end - 6) : end]):
        return end - 1
    return end


def _en_spans(text: str, chinese: bool) -> list[Span]:
    spans: list[Span] = []
    for regex, school in ((_EN_SCHOOL_RE, True), (_EN_EMPLOYER_RE, False)):
        for m in regex.finditer(text):
            start = m.start()
            if m["name"]:
                words = m["name"].split()
                while words and words[0] in _EN_LEADING | {"of", "and", "&"}:
                    words.pop(0)
                if not words:
                    continue
                start = m.start("name") + m["name"].find(words[0])
            spans.append(_span(start, _end_without_full_stop(text, m.end()), school, chinese))
    for m in _EN_TRIGGER_RE.finditer(text):
        words = m["org"].split()
        if not words or all(w in _EN_GENERIC | _EN_LEADING for w in words):
            continue
        school = m["trigger"].lower().startswith(("stud", "pupil", "attend", "gradua", "enrol", "school"))
        spans.append(_span(m.start("org"), _end_without_full_stop(text, m.end("org")), school, chinese))
    return spans


def _span(start: int, end: int, school: bool, chinese: bool) -> Span:
    if school:
        return Span(start, end, "[学校]" if chinese else "[school]", "school")
    return Span(start, end, "[单位]" if chinese else "[employer]", "employer")


def find_workplaces(text: str, chinese: bool) -> list[Span]:
    return [*_cn_spans(text, chinese), *_en_spans(text, chinese)]
