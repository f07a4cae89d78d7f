"""Hospitals and clinics by name: 北京协和医院, 杭州市第一人民医院, 浙江大学医学院附属第一医院, Mayo Clinic, St Mary's
Hospital.

Where a patient was treated narrows down who they are as much as where they live, so a named hospital goes like an
address: it becomes [医院]/[hospital], and a province at its start stays (浙江省人民医院 → 浙江省[医院]) since addresses
keep theirs. A hospital that names nobody in particular stays: 当地医院, 县人民医院, 上级医院, our hospital, a local
hospital.

Chinese names are found from their ending (医院, 卫生院, 诊所 …) and read backwards to where the name starts. Chinese
has no spaces, so the start is the last of the small words that introduce a place (在, 于, 转至 …); the helper for that
is shared with :mod:`cdss.records.deid.workplaces`.
"""

from __future__ import annotations

import re

from cdss.records.deid.places import province_of
from cdss.records.deid.spans import Span

_CN_SUFFIXES = (
    "医院", "卫生院", "保健院", "卫生服务中心", "卫生服务站", "卫生室", "卫生所", "诊所", "门诊部", "医疗中心",
    "医学中心", "疾病预防控制中心", "疾控中心", "急救中心", "体检中心", "康复中心", "医务室", "防治院", "防治所",
)  # fmt: skip
# 医院获得性肺炎 and 医院感染 are kinds of infection, not a hospital's name.
_CN_SUFFIX_RE = re.compile("(?:" + "|".join(sorted(_CN_SUFFIXES, key=len, reverse=True)) + ")(?!获得|感染|内感染)")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
_CLOSE_TO_OPEN = {"）": "（", ")": "("}
# The small words after which a name starts (曾于|北京协和医院, 转至|浙江省人民医院). 和 and 同 are left out: they
# begin 和睦家 and 同济, and cutting there would leave the rest of the name behind.
BOUNDARY_CHARS = set("在于到至往去赴从自经由转入送及与或曾即后并就为是的向回来被每请等则但又再把将让给对")
# Words that, alone or together, make a hospital that could be anyone's.
_GENERIC_CN = (
    "当地", "外地", "本地", "外", "我", "本", "该", "此", "上级", "下级", "附近", "基层", "某", "某某", "省", "市",
    "县", "区", "乡", "镇", "村", "私人", "专科", "综合", "三甲", "二甲", "三级", "二级", "一级", "甲等", "乙等",
    "定点", "其他", "多家", "各", "大", "小", "民营", "公立", "私立", "社区", "精神病", "精神", "肿瘤", "儿童", "妇幼",
    "妇产", "口腔", "眼科", "传染病", "胸科", "骨科", "中西医结合", "中医", "中", "西医", "人民", "第一", "第二",
    "第三", "中心", "当地县", "当地市", "县级", "市级", "省级", "乡镇", "一家", "家", "这家", "那家", "大型",
    "知名", "附属", "教学", "部队", "军队", "医科", "兽", "宠物", "美容", "整形", "牙科", "个体", "黑", "部分",
    "各级", "大多数", "多数", "少数", "许多", "一些", "有些", "所有", "基层", "该类", "同级", "上述", "全国", "国内",
    "国外", "境外", "多", "少", "个别",
)  # fmt: skip
_GENERIC_CN_RE = re.compile("(?:" + "|".join(sorted(_GENERIC_CN, key=len, reverse=True)) + ")*")

_EN_SUFFIX = (r"(?:Children's Hospital|Hospital|Medical Center|Medical Centre|Health Center|Health Centre|Clinic"
              r"|Infirmary|Health System|Healthcare|Cancer Center|Cancer Centre|Hospice|Sanatorium|Surgery"
              r"|Medical Group)")  # fmt: skip
_EN_WORD = r"(?:St\.?|Saint|Mt\.?|[A-Z][A-Za-z'’&-]*)"
_EN_HOSPITAL_RE = re.compile(
    rf"(?P<name>(?:{_EN_WORD}\s+){{1,6}}){_EN_SUFFIX}\b(?!-)"
    r"|\b(?:Hospital|Clinic|Infirmary)\s+of\s+(?:the\s+)?(?P<of>[A-Z][A-Za-z'’.-]*(?:\s+(?:of\s+)?[A-Z][A-Za-z'’.-]*){0,4})"
)
_GENERIC_EN = {
    "The", "A", "An", "Our", "This", "That", "Local", "Outside", "Other", "Another", "Community", "General",
    "District", "County", "Regional", "University", "Teaching", "Private", "Public", "City", "State", "Children's",
    "Women's", "Mental", "Psychiatric", "Rehabilitation", "Cancer", "Eye", "Dental", "Same", "Previous", "Referring",
    "Nearest", "Tertiary", "Rural", "Urban", "Veterans", "Military", "Army", "Pain", "Fertility", "Walk-in", "Urgent",
    "Care", "Primary", "Day", "Family", "Outpatient", "Specialist", "Diabetes", "Heart", "Cardiology", "Oncology",
    "Sleep", "Memory", "Travel", "Vaccination", "Antenatal", "Vascular", "Admitted", "Seen", "At",
    "To", "From", "In", "Transferred", "Discharged", "Attends", "Visited", "Referred", "Second", "Opinion",
    "Diagnosed", "Biopsy", "Renal", "Transplant", "Hospital", "Clinic", "GP", "ED", "ER", "ICU", "Emergency",
    # clinics named after what they treat, found in every hospital
    "Failure", "Anticoagulation", "Warfarin", "Diabetic", "Respiratory", "Asthma", "COPD", "Fracture", "Breast",
    "Colposcopy", "Stroke", "TIA", "Falls", "Chest", "Lipid", "Hypertension", "Endocrine", "Rheumatology",
    "Neurology", "Haematology", "Hematology", "Dermatology", "Urology", "Gastroenterology", "ENT", "Orthopaedic",
    "Orthopedic", "Sexual", "Health", "GUM", "HIV", "Hepatology", "Liver", "Kidney", "Dialysis", "Pre-assessment",
    "Preoperative", "Wound", "Podiatry", "Physiotherapy", "Smoking", "Cessation", "Weight", "Obesity", "Bariatric",
    "Eating", "Disorders", "Child", "Paediatric", "Pediatric", "Infectious", "Diseases", "Surgical", "Medical",
}  # fmt: skip


def name_start(text: str, end: int, floor: int = 0, longest: int = 30) -> int:
    """Where a Chinese name ending at ``end`` starts: back over name characters, then after the last boundary word."""
    start, opened = end, ""
    while start > max(floor, end - longest):
        char = text[start - 1]
        if char in _CLOSE_TO_OPEN and not opened:
            opened = _CLOSE_TO_OPEN[char]  # (北京)有限公司: a bracket inside the name, if it opens within it
        elif opened and char == opened:
            opened = ""
        elif not _NAME_CHAR.match(char):
            break
        start -= 1
    if opened:  # a closing bracket whose opening one is not in the name: the name starts after it
        start = next(i for i in range(end - 1, start - 1, -1) if text[i] in _CLOSE_TO_OPEN) + 1
    cut = max((i + 1 for i in range(start, end) if text[i] in BOUNDARY_CHARS), default=start)
    return cut


def is_generic(name: str, generic_re: re.Pattern[str]) -> bool:
    """True when ``name`` (the part before the ending) says nothing about which one: 当地, 县人民, 上级. A province
    makes it one in particular (浙江省人民医院)."""
    return province_of(name) is None and generic_re.fullmatch(name) is not None


def _province_kept(name: str, placeholder: str) -> str:
    province = province_of(name)
    return f"{province}{placeholder}" if province else placeholder


def find_hospitals(text: str, chinese: bool) -> list[Span]:
    spans: list[Span] = []
    floor = 0
    for m in _CN_SUFFIX_RE.finditer(text):
        start = name_start(text, m.start(), floor)
        floor = m.end()  # the next hospital's name cannot reach back into this one
        name = text[start : m.start()]
        if not name or is_generic(name, _GENERIC_CN_RE):
            continue
        spans.append(Span(start, m.end(), _province_kept(name, "[医院]"), "hospital"))
    for m in _EN_HOSPITAL_RE.finditer(text):
        if m["of"]:
            spans.append(Span(m.start(), m.end(), "[医院]" if chinese else "[hospital]", "hospital"))
            continue
        words = m["name"].split()
        # Leading capitalised words that name no place (Admitted, The, Community …) are not part of the name.
        while words and words[0] in _GENERIC_EN:
            words.pop(0)
        if not words:
            continue
        start = m.start("name") + m["name"].find(words[0])
        spans.append(Span(start, m.end(), "[医院]" if chinese else "[hospital]", "hospital"))
    return spans
