"""Contact details and identifying numbers in free text: e-mail, URLs, IPs, 身份证号, phones, record numbers, ages."""

from __future__ import annotations

import re

from cdss.records.deid.spans import Span

# The look-behind makes a match start only at the start of a run: without it a long run is quadratic.
EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_URL_CHAR = r"[^\s，。；、）)\]<>\"',;]"
URL_RE = re.compile(rf"(?:https?://|ftp://|www\.){_URL_CHAR}{{0,2000}}(?<!\.)(?<=[^.])", re.IGNORECASE)
IPV4_RE = re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\.?\d)")
IPV6_RE = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:)+:"
                     r"(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\w:])")  # fmt: skip
RESIDENT_ID_RE = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
# Mobile 1[3-9]x with optional +86 and separators; landline with a 0-prefixed area code; international +cc.
MOBILE_RE = re.compile(r"(?<![\d+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")
LANDLINE_RE = re.compile(r"(?<![\d-])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[\s-]?\d{7,8}(?:[-转]\d{1,5})?(?!\d)")
INTL_RE = re.compile(r"(?<![\w+])\+\d{1,3}[\s-]?(?:\(\d{1,4}\)[\s-]?)?\d{1,4}(?:[\s-]?\d{2,4}){2,4}(?!\d)")
US_PHONE_RE = re.compile(r"(?<![\d-])(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}(?![\d-])")
SSN_RE = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
# Bank and payment cards are written in groups of four (6228 4800 1234 5678 901); a run without spaces is a long number.
BANK_CARD_RE = re.compile(r"(?<![\d-])\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?(?![\d-])")
PLATE_RE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]·?[A-Z0-9]{5,6}(?![A-Za-z0-9])"
)
_ID_LABELS = (
    r"住院号|门诊号|病案号|病历号|急诊号|登记号|就诊卡号|就诊号|卡号|医保号|医保卡号|社保号|社保卡号|医疗保险号|身份证号码?|身份证|"
    r"证件号码?|护照号?|档案号|床号|账号|帐号|序列号|执照号?|执业证号|工号|MRN|Medical record (?:number|no\.?)|"
    r"Hospital (?:number|no\.?)|Patient ID|Record (?:number|no\.?)|Account(?: number| no\.?)?|"
    r"Policy(?: number| no\.?)?|Member ID|Insurance (?:ID|number|no\.?)|Passport(?: number| no\.?)?|"
    r"SSN|Social security(?: number)?|License(?: number| no\.?)?|Serial(?: number| no\.?)?|"
    r"S/N|SN|Device ID|ID(?: number| no\.?)?|编号|设备编号|设备号|银行卡号|NHS (?:number|no\.?)|"
    r"\b(?:Licen[cs]e |Number |Registration )?plate\b(?: number| no\.?)?|Licence(?: number| no\.?)?"
)
LABELLED_ID_RE = re.compile(
    # The label is a word of its own: "acid 1000 mg" and "rapid CYP2D6" hold no "ID".
    rf"(?P<label>(?<![A-Za-z])(?:{_ID_LABELS})(?:(?<![A-Za-z])|(?![A-Za-z]))\s*(?:[:：#]|is|为|是)?\s*)"
    # A code (ZY20230105001, MMT-1234567) or digits in spaced groups (943 476 5919, 3301 0619 8203 1577 19).
    r"(?P<value>[A-Za-z]{0,4}[-#]?\d[\dA-Za-z-]{2,24}|\d{2,6}(?: \d{2,6}){1,5}(?![\d.]))",
    re.IGNORECASE,
)
# A number after a phone label, whatever its shape (电话：8765-4321, Tel 555 0199, 传真 …).
LABELLED_PHONE_RE = re.compile(
    r"(?:电话|手机|座机|联系方式|联系电话|传真|Tel|Phone|Mobile|Cell|Fax)\s*(?:号码?|number|no\.?)?\s*[:：]?\s*"
    r"(?P<value>\+?[\d(（][\d\s()（）-]{4,18}\d)",
    re.IGNORECASE,
)
# Messaging accounts are identifiers too, and a WeChat id need not contain a digit.
ACCOUNT_RE = re.compile(
    r"(?:微信号?|WeChat(?:\s*ID)?|QQ号?|微博|Skype)\s*[:：]?\s*(?P<value>[A-Za-z0-9_.-]{5,30})", re.IGNORECASE
)
# An alphanumeric code such as ZY20230105001 or A1234567: letters then at least six digits.
CODE_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,4}-?\d{6,}(?![A-Za-z0-9])")
# Any other long run of digits is an identifier unless a unit shows a measurement (HBV DNA 1200000 IU/mL).
LONG_NUMBER_RE = re.compile(
    r"(?<![\d.,])\d{7,}(?![\d.,])(?!\s*(?:IU|copies|拷贝|cps|cells|个|/|×|x10|U/|mg|g/|ml|mL|μ))"
)
_AGE_PATTERNS = (
    re.compile(r"(?P<n>\d{2,3})\s*(?P<unit>岁|周岁)"),
    re.compile(r"(?P<prefix>年龄\s*[:：]?\s*|享年\s*)(?P<n>\d{2,3})"),
    re.compile(
        r"(?P<n>\d{2,3})(?P<unit>[\s-]*(?:years?|yrs?)[\s-]*old|[\s-]*year-old|\s*y/?o\b|\s*yo\b)", re.IGNORECASE
    ),
    re.compile(r"(?P<prefix>\b(?:aged?|age:)\s*)(?P<n>\d{2,3})\b", re.IGNORECASE),
)
# Ages written in Chinese numerals: 九十二岁, 一百零一岁.
_CN_AGE_RE = re.compile(r"(?P<n>[一二三四五六七八九十百零〇两]{2,6})(?:周岁|岁)")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}  # fmt: skip

_CN_NAMES = {"email": "[邮箱]", "url": "[网址]", "ip": "[IP]", "resident_id": "[身份证号]", "phone": "[电话]",
             "identifier": "[编号]", "ssn": "[编号]", "vehicle": "[车牌]", "bank_card": "[卡号]"}  # fmt: skip
_EN_NAMES = {"email": "[email]", "url": "[URL]", "ip": "[IP]", "resident_id": "[ID number]", "phone": "[phone]",
             "identifier": "[ID]", "ssn": "[ID]", "vehicle": "[plate]", "bank_card": "[card]"}  # fmt: skip


def resident_id_checksum_ok(value: str) -> bool:
    """GB 11643 check digit of an 18-digit 身份证号."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    if len(value) != 18 or not value[:17].isdigit():
        return False
    check = "10X98765432"[sum(int(c) * w for c, w in zip(value[:17], weights, strict=True)) % 11]
    return value[17].upper() == check


def placeholder(kind: str, chinese: bool) -> str:
    return (_CN_NAMES if chinese else _EN_NAMES)[kind]


def find_numbers(text: str, chinese: bool) -> list[Span]:
    spans: list[Span] = []

    def add_all(regex: re.Pattern[str], kind: str, group: str | int = 0) -> None:
        for m in regex.finditer(text):
            spans.append(Span(m.start(group), m.end(group), placeholder(kind, chinese), kind))

    add_all(EMAIL_RE, "email")
    add_all(URL_RE, "url")
    add_all(IPV4_RE, "ip")
    add_all(IPV6_RE, "ip")
    # Every 18/15-digit run goes: a wrong check digit is a typo far more often than a lab value.
    add_all(RESIDENT_ID_RE, "resident_id")
    add_all(MOBILE_RE, "phone")
    add_all(LANDLINE_RE, "phone")
    add_all(INTL_RE, "phone")
    add_all(US_PHONE_RE, "phone")
    add_all(SSN_RE, "ssn")
    add_all(PLATE_RE, "vehicle")
    add_all(BANK_CARD_RE, "bank_card")
    add_all(LABELLED_ID_RE, "identifier", "value")
    add_all(LABELLED_PHONE_RE, "phone", "value")
    add_all(ACCOUNT_RE, "identifier", "value")
    add_all(CODE_RE, "identifier")
    add_all(LONG_NUMBER_RE, "identifier")
    return spans


def find_old_ages(text: str) -> list[Span]:
    """Ages over 89 become 90+ (Safe Harbor); younger ages are clinical content and stay."""
    spans: list[Span] = []
    for regex in _AGE_PATTERNS:
        for m in regex.finditer(text):
            if int(m["n"]) > 89:
                spans.append(Span(m.start("n"), m.end("n"), "90+", "age"))
    for m in _CN_AGE_RE.finditer(text):
        if (value := chinese_number(m["n"])) is not None and value > 89:
            spans.append(Span(m.start("n"), m.end("n"), "90+", "age"))
    return spans


def chinese_number(written: str) -> int | None:
    """九十二 → 92, 一百零一 → 101, 二〇二三 → 2023 (digit by digit); ``None`` when it is not a number."""
    if "十" not in written and "百" not in written:
        digits = [_CN_DIGITS.get(c) for c in written]
        return None if None in digits else int("".join(map(str, digits)))
    total, current = 0, 0
    for char in written:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
