"""Person names: the patient's (Chinese characters and their pinyin/English forms) and relatives' names.

A relative's name is recognised from the relation word in front of it (其妻李四, 联系人：王五, his wife Mary Smith);
every name found that way is then removed from all other fields too, so 李四代诉 in a later entry goes as well.
"""

from __future__ import annotations

import itertools
import re

from cdss.records.deid.dotted_names import DOTS, dotted_name_pattern, find_dotted_names
from cdss.records.deid.lexicon import load_lexicon
from cdss.records.deid.spans import CJK_RE

COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "长孙", "宇文",
    "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "公冶", "申屠", "太史", "闻人", "万俟", "钟离",
)  # fmt: skip
# The ~150 commonest single-character surnames cover well over 90% of people in China.
SINGLE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆"
    "汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍"
    "庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇"
    "栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_FUNCTION_FOLLOWERS = set("今昨明当本上下次前后同此外我院家门晨晚午夜")
SURNAME_INITIALS = frozenset(SINGLE_SURNAMES) | {s[0] for s in COMPOUND_SURNAMES}
# Characters that follow a name in clinical prose far more often than they end one (李四陪同, 王五代诉).
_AFTER_NAME = set("陪代诉述称签同说告电来去在于已为是的之及和与等也都因曾现今患有无诉诊住及因此随即并均")
# Single-character relations (妻, 子, 父 …) only count after 其/之/患者, or 子宫 and 父母 would start "names".
_RELATION = (
    r"(?:(?:其|患者|病人|患儿)?之?(?:丈夫|妻子|爱人|配偶|老伴|儿子|女儿|儿媳|女婿|孙子|孙女|外孙女|外孙|父亲|母亲|哥哥|姐姐"
    r"|弟弟|妹妹|家属|联系人|监护人|紧急联系人|陪护|陪同人|朋友|同事|邻居|祖父|祖母|爷爷|奶奶|外公|外婆|叔叔|伯父|舅舅"
    r"|姑姑|姨妈|阿姨|侄子|侄女|外甥女|外甥|表哥|表姐|表弟|表妹|堂兄|堂姐|岳父|岳母|公公|婆婆|继父|继母|养父|养母|男友|女友"
    r"|男朋友|女朋友|未婚夫|未婚妻|前夫|前妻|室友|保姆|护工)"
    r"|(?:其|之|患者|病人|患儿)(?:兄|弟|姐|妹|夫|妻|子|女|父|母))"
)
SURNAME_RE = "(?:" + "|".join(COMPOUND_SURNAMES) + "|[" + SINGLE_SURNAMES + "])"
_CN_RELATIVE_RE = re.compile(rf"{_RELATION}\s*(?P<colon>[:：])?\s*(?P<name>{SURNAME_RE}[\u4e00-\u9fff]{{1,2}})")
_CN_LABELLED_RE = re.compile(
    rf"(?:姓名|患者姓名|病人姓名|签名|签字)\s*[:：]?\s*(?P<name>{SURNAME_RE}[\u4e00-\u9fff]{{1,2}})"
)
_EN_RELATIONS = (
    "wife", "husband", "spouse", "partner", "son", "daughter", "mother", "father", "brother", "sister", "grandson",
    "granddaughter", "grandmother", "grandfather", "grandma", "grandpa", "mum", "mom", "dad", "aunt", "uncle",
    "cousin", "nephew", "niece", "stepmother", "stepfather", "fiancée?", "boyfriend", "girlfriend", "guardian",
    "caregiver", "carer", "friend", "neighbou?r", "colleague", "roommate", "next of kin", "emergency contact",
    "contact person", "health care proxy", "accompanied by",
)  # fmt: skip
# A relation word opens a sentence or a label as often as it follows "his" (Friend Jane Roe…, Mother: Mary Smith), so
# its first letter may be a capital; the name itself must still be capitalised.
# Name labels keep their capital: "brand name Lipitor" names a drug.
_EN_RELATION_RE = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _EN_RELATIONS) + "|Name|Patient name|Patient"
_EN_RELATIVE_RE = re.compile(
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he patient's)?\s*(?:{_EN_RELATION_RE})\s*[,:：]?\s*"
    r"(?P<name>(?:Mr|Mrs|Ms|Miss|Dr)?\.?\s*[A-Z][a-z]+(?:'[A-Z][a-z]+)?(?:[ -][A-Z][a-z]+(?:'[A-Z][a-z]+)?){0,2})"
)
_EN_NOT_NAMES = {"The", "He", "She", "They", "Was", "Is", "Has", "Had", "Reports", "Reported", "States", "Stated",
                 "Who", "And", "With", "Denies", "Says", "Presented", "Presents", "Brought", "Died", "Gave", "Called",
                 "Came", "Visited", "Also", "Not", "Unknown", "Alive", "Deceased", "Lives", "Does", "Did", "In", "At",
                 "On", "Of", "For", "To", "From", "By", "History", "Hx", "Age", "Aged", "Present", "Absent", "None",
                 "Healthy", "Well", "Medical", "Signed", "Consent", "Number", "Phone", "Tel", "Contact"}  # fmt: skip


# Diseases named after people: a lone one after a relation word is a family history, not a relative.
EPONYMS = {"Alzheimer", "Parkinson", "Crohn", "Graves", "Hodgkin", "Down", "Huntington", "Addison", "Cushing",
           "Marfan", "Turner", "Klinefelter", "Wilson", "Bell", "Guillain", "Kawasaki", "Raynaud", "Sjogren",
           "Hashimoto", "Lynch", "Paget", "Tourette", "Asperger", "Behcet", "Meniere", "Wegener", "Hirschsprung",
           "Tay", "Fabry", "Gaucher", "Pompe", "Duchenne", "Becker", "Lyme", "Kaposi", "Burkitt", "Ewing", "Wilms",
           "Bright", "Barrett", "Buerger", "Conn", "Dressler", "Hunter", "Hurler", "Menkes", "Reye",
           "Still"}  # fmt: skip


def trim_chinese_name(candidate: str) -> str:
    """Drop a third character that is more likely the next word (李四陪 → 李四)."""
    surname_len = 2 if candidate[:2] in COMPOUND_SURNAMES else 1
    if len(candidate) > surname_len + 1 and candidate[-1] in _AFTER_NAME:
        return candidate[:-1]
    return candidate


def _common_words() -> dict[str, str]:
    """jieba's dictionary words of 2-3 characters that start with a surname, with their part-of-speech tag."""
    return load_lexicon(SURNAME_INITIALS).words


def is_ordinary_word(candidate: str) -> bool:
    """父亲高血压 is a family history, not a father called 高血压: reject dictionary words that are not names."""
    # 于今日, 于当地: the preposition, not someone surnamed 于.
    if candidate[0] in "于和" and candidate[1] in _FUNCTION_FOLLOWERS:
        return True
    words = _common_words()
    # 16 of the compound surnames are dictionary words themselves (东方, 司马, 上官 …): after a relation word they are
    # the surname, so only the whole candidate may reveal an ordinary word.
    prefixes = (candidate,) if candidate[:2] in COMPOUND_SURNAMES else (candidate, candidate[:2])
    for word in prefixes:
        tag = words.get(word)
        if tag is not None and not tag.startswith("nr"):
            return True
    return False


# Characters that begin the verb or symptom after a relation word rather than a given name: 其父曾患肺癌 (曾 is a
# surname, 患 starts "had"), 母亲常头痛, 儿童应在医师指导下 (童 is a surname too).
NOT_GIVEN_NAME_STARTS = set("患因服在住做诊遵咨按听询告头胸腹腰背咳喘呕吐晕痛肿应须需可要将已均请")


def find_named_people(text: str) -> set[str]:
    """Names introduced by a relation word or a name label, to be removed everywhere in the record."""
    found: set[str] = set()
    for m in _CN_RELATIVE_RE.finditer(text):
        name = trim_chinese_name(m["name"])
        # After a colon (联系人：高明) it is a name whatever the dictionary says.
        given = name[2:] if name[:2] in COMPOUND_SURNAMES else name[1:]
        if m["colon"] or not (is_ordinary_word(name) or given[:1] in NOT_GIVEN_NAME_STARTS):
            found.add(name)
    for m in _CN_LABELLED_RE.finditer(text):
        found.add(trim_chinese_name(m["name"]))
    for m in _EN_RELATIVE_RE.finditer(text):
        if (name := clean_english_name(m["name"])) is not None:
            found.add(name)
    return found | find_dotted_names(text)


def clean_english_name(written: str) -> str | None:
    """``Mr. John Smith Reports`` → ``John Smith``; ``None`` when what follows the label is not a name."""
    words = [w for w in re.split(r"[ .]+", written) if w and w not in {"Mr", "Mrs", "Ms", "Miss", "Dr"}]
    while words and words[-1] in _EN_NOT_NAMES:
        words.pop()
    if not words or words[0] in _EN_NOT_NAMES:
        return None
    # "mother Parkinson disease" is a family history: a lone eponym is not taken for a name.
    if len(words) == 1 and words[0].removesuffix("'s") in EPONYMS:
        return None
    return " ".join(words)


def _pinyin_readings(name: str) -> list[list[str]]:
    from pypinyin import Style, pinyin

    # Heteronyms matter for surnames (单 shan/dan, 曾 zeng/ceng); cap the combinations to keep the regex small.
    return [r[:3] for r in pinyin(name, style=Style.NORMAL, heteronym=True)]


def _split_surname(name: str) -> tuple[str, str]:
    if name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def name_patterns(name: str) -> list[re.Pattern[str]]:
    """Regexes for every written form of ``name``: the characters, 张先生-style forms and pinyin/English orders."""
    name = name.strip()
    if not name:
        return []
    patterns: list[re.Pattern[str]] = []
    if CJK_RE.search(name) and (dotted := dotted_name_pattern(name)) is not None:
        # 买买提·吐尔逊: no surname to split off, but each part is used alone as a name.
        parts = [p for p in re.split(rf"\s?[{DOTS}]\s?", name) if len(p) >= 2]
        return [re.compile(dotted), *(re.compile(re.escape(p)) for p in parts)]
    if CJK_RE.search(name):
        compact = re.sub(r"\s+", "", name)
        if len(compact) < 2:  # a lone surname would match inside ordinary words (张 in 扩张)
            return []
        patterns.append(re.compile(r"\s?".join(map(re.escape, compact))))
        surname, given = _split_surname(compact)
        patterns.append(
            re.compile(re.escape(surname) + r"(?:先生|女士|小姐|老先生|老太太|老人|大爷|大妈|阿姨|师傅|某某|某)")
        )
        if given:
            sur_py = _pinyin_readings(surname)
            giv_py = _pinyin_readings(given)
            forms: set[str] = set()
            for sur in itertools.product(*sur_py):
                for giv in itertools.product(*giv_py):
                    s, g = "".join(sur), "".join(giv)
                    g_spaced = r"[\s-]?".join(giv)
                    forms.update({rf"{s}[\s,]*{g_spaced}", rf"{g_spaced}[\s,]*{s}", rf"{s}\s+{g[0]}\.?(?![a-z])"})
                    forms.add(rf"(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+{s}")
            patterns.append(re.compile(r"\b(?:" + "|".join(sorted(forms)) + r")\b", re.IGNORECASE))
    else:
        words = [w for w in re.split(r"[\s,]+", name) if w]
        if words:
            full = r"[\s,]+".join(map(re.escape, words))
            rev = r"[\s,]+".join(map(re.escape, reversed(words)))
            patterns.append(re.compile(rf"\b(?:{full}|{rev})\b", re.IGNORECASE))
            # Each part alone too, when capitalised as a name and long enough not to be a common word.
            for word in words:
                if len(word) >= 3:
                    patterns.append(re.compile(rf"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?\b{re.escape(word.capitalize())}\b"))
                    patterns.append(re.compile(rf"\b{re.escape(word.upper())}\b"))
    return patterns
