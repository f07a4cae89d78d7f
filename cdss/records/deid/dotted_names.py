"""Names written with a middle dot: Uyghur, Kazakh, Tibetan and other minority names and transliterated foreign names
(买买提·吐尔逊, 古丽娜尔·艾力, 阿卜杜热合曼·买买提明).

In Chinese text a dot between two runs of characters is used for nothing but such names, so the dot itself is the
evidence and no surname list is needed. Each part is also a name on its own (the given name and the father's name),
and notes go on to use them alone (吐尔逊今日腹痛缓解), so the parts are returned for removal everywhere too. What is
hard is where the name starts and ends, since Chinese has no spaces: the words that commonly run into it (患者, 其妻,
由, 陪同, 代诉 …) are cut off.
"""

from __future__ import annotations

import re

DOTS = "·•・‧∙⋅．."
_PART = r"[\u4e00-\u9fff]{2,12}"
_DOTTED_RE = re.compile(rf"{_PART}(?:\s?[{DOTS}]\s?{_PART}){{1,4}}")  # a name has at most five parts
# Words that end up glued to the front of the name: the patient, a relation, a clinician title, a preposition.
_LEADING = (
    "患者", "病人", "患儿", "姓名", "家属", "联系人", "监护人", "陪同人", "紧急联系人", "丈夫", "妻子", "爱人", "儿子",
    "女儿", "父亲", "母亲", "哥哥", "姐姐", "弟弟", "妹妹", "朋友", "同事", "主治医师", "主任医师", "医师", "医生",
    "护士", "教授", "主任", "其", "之", "由", "与", "和", "及", "经", "请", "向", "给", "为", "是", "被", "让", "叫",
    "妻", "夫", "子", "女", "父", "母", "兄", "弟", "姐", "妹", "、",
)  # fmt: skip
_LEADING_RE = re.compile("^(?:" + "|".join(sorted(_LEADING, key=len, reverse=True)) + ")+")
# Characters that begin the words that follow a name (陪同, 代诉, 今日, 女士, 医生 …) and that transliterations avoid
# (都 is left out: 阿不都 is a name).
_TRAILING_STARTS = set("陪代诉述称签同说告电来去在于已为是的之及和与等也因曾现今昨患病有无诊住此随即并均"
                       "先女男医主护教要")  # fmt: skip
_EPONYM_WORDS = ("综合征", "综合症", "氏", "试验", "反射", "定律", "手术", "分类", "评分")


def _trim_right(part: str) -> str:
    """The last part runs into the next word: stop at the first character that starts one (吐尔逊陪同 → 吐尔逊)."""
    for i in range(2, len(part)):
        if part[i] in _TRAILING_STARTS:
            return part[:i]
    return part


def find_dotted_names(text: str) -> set[str]:
    """Every dotted name in ``text`` and each of its parts of two characters or more."""
    found: set[str] = set()
    for m in _DOTTED_RE.finditer(text):
        parts = re.split(rf"\s?[{DOTS}]\s?", m.group())
        if any(word in parts[-1][1:] for word in _EPONYM_WORDS):
            continue  # 吉兰·巴雷综合征 names a disease, not a person
        parts[0] = _LEADING_RE.sub("", parts[0])
        parts[-1] = _trim_right(parts[-1])
        if any(len(p) < 2 for p in parts):
            continue
        found.add("·".join(parts))
        found.update(parts)
    return found


def dotted_name_pattern(name: str) -> str | None:
    """A regex for ``name`` written with any of the dots, or none, between its parts (买买提.吐尔逊, 买买提吐尔逊)."""
    parts = re.split(rf"\s?[{DOTS}]\s?", name.strip())
    if len(parts) < 2:
        return None
    return rf"\s?[{DOTS}]?\s?".join(map(re.escape, parts))
