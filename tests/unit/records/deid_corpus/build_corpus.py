"""Builds corpus.json: synthetic patients with planted identifiers, for the de-identification tests.

Everything here is invented: names, numbers, addresses and dates are made up, and the clinical snippets are generic
textbook phrases (no real patient). Run it again after editing: ``python build_corpus.py`` (deterministic).

Each case lists ``planted`` strings (identifiers that must not survive anywhere in the output) and ``clinical``
strings (content that must survive unchanged).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from pypinyin import lazy_pinyin

CN_NAMES = ["张三丰", "李晓红", "王建国", "欧阳娜娜", "赵丽颖", "陈志强", "刘德明", "黄美玲", "周小川", "吴桂芳",
            "徐海涛", "孙丽萍", "马文军", "朱红梅", "胡志明", "郭靖宇", "何秀英", "高建华", "林小燕", "罗国栋",
            "司马云飞", "郑春花", "梁思成", "谢玉兰", "宋家豪"]  # fmt: skip
CN_RELATIVES = ["李四海", "王秀兰", "张伟", "刘芳", "陈静", "杨洋", "赵敏", "孙强", "周杰", "吴霞", "郑浩", "冯玉珍",
                "韩梅", "曹冬", "彭丽", "邓超", "许晴", "沈腾", "姚明辉", "蒋雯", "蔡文", "余华", "潘红", "杜鹃",
                "叶青"]  # fmt: skip
EN_NAMES = ["John Carter", "Mary Whitfield", "Robert Lindqvist", "Susan Okafor", "David Brennan", "Linda Moreau",
            "James Holloway", "Patricia Nguyen", "Michael Strand", "Barbara Kowalski", "William Ashby",
            "Elizabeth Drummond", "Richard Fairbanks", "Jennifer Castellano", "Thomas Pemberton"]  # fmt: skip
EN_RELATIVES = ["Helen Carter", "George Whitfield", "Anna Lindqvist", "Peter Okafor", "Grace Brennan",
                "Louis Moreau", "Clara Holloway", "Daniel Nguyen", "Ingrid Strand", "Marek Kowalski", "Rose Ashby",
                "Ewan Drummond", "Alice Fairbanks", "Marco Castellano", "Julia Pemberton"]  # fmt: skip
ADDRESSES = [
    ("浙江省", "杭州市", "西湖区", "文三路", "100号3幢2单元501室"),
    ("江苏省", "南京市", "鼓楼区", "中山路", "88号"),
    ("广东省", "深圳市", "南山区", "科技园南路", "12号"),
    ("四川省", "成都市", "武侯区", "人民南路", "4段6号"),
    ("湖北省", "武汉市", "洪山区", "珞喻路", "1037号"),
    ("山东省", "济南市", "历下区", "经十路", "16号"),
    ("北京市", "", "海淀区", "学院路", "38号院5号楼"),
    ("上海市", "", "徐汇区", "漕溪北路", "600弄7号"),
]
EN_STREETS = ["42 Elm Street, Springfield, IL 62704", "1600 Oak Avenue, Madison, WI 53703",
              "77 Harbor Road, Portland, ME 04101", "310 Maple Drive, Austin, TX 78701"]  # fmt: skip
CLINICAL_CN = [
    ("高血压", "I10", "氨氯地平", "5 mg qd", "血压 150/95 mmHg"),
    ("2型糖尿病", "E11.9", "二甲双胍", "0.5 g tid", "糖化血红蛋白 8.2%"),
    ("急性心肌梗死", "I21.9", "阿司匹林", "100 mg qd", "肌钙蛋白I 2.3 ng/mL"),
    ("社区获得性肺炎", "J18.9", "头孢曲松", "2 g qd", "C反应蛋白 86 mg/L"),
    ("慢性肾脏病3期", "N18.3", "缬沙坦", "80 mg qd", "肌酐 156 μmol/L"),
]
CLINICAL_EN = [
    ("Hypertension", "I10", "lisinopril", "10 mg daily", "BP 152/94 mmHg"),
    ("Type 2 diabetes mellitus", "E11.9", "metformin", "500 mg bid", "HbA1c 8.4%"),
    ("Community-acquired pneumonia", "J18.9", "amoxicillin", "1 g tid", "CRP 92 mg/L"),
    ("Atrial fibrillation", "I48.91", "apixaban", "5 mg bid", "heart rate 112 bpm"),
]


def resident_id(rng: random.Random, birth: str) -> str:
    region = rng.choice(["330106", "320102", "440305", "510107", "110108"])
    body = f"{region}{birth.replace('-', '')}{rng.randint(100, 999)}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def pinyin_name(name: str) -> str:
    syllables = lazy_pinyin(name)
    surname_len = 2 if len(name) == 4 else 1
    return "".join(syllables[:surname_len]).capitalize() + " " + "".join(syllables[surname_len:]).capitalize()


def chinese_case(i: int, rng: random.Random) -> dict:
    name, relative = CN_NAMES[i % len(CN_NAMES)], CN_RELATIVES[i % len(CN_RELATIVES)]
    old = i % 7 == 3  # some patients are over 89
    year = rng.randint(1928, 1933) if old else rng.randint(1950, 1990)
    birth = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    rid = resident_id(rng, birth)
    mobile = f"1{rng.choice('3456789')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
    mobile_written = f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}" if i % 2 else mobile
    landline = f"0571-{rng.randint(80000000, 89999999)}"
    province, city, district, road, number = ADDRESSES[i % len(ADDRESSES)]
    address = province + city + district + road + number
    inpatient, outpatient = f"ZY{rng.randint(10**8, 10**9 - 1)}", str(rng.randint(10**7, 10**8 - 1))
    insurance = f"YB{rng.randint(10**9, 10**10 - 1)}"
    email = f"{lazy_pinyin(name)[0]}{i}@example.cn"
    url = f"https://pacs.example-hospital.cn/study/{rng.randint(10000, 99999)}"
    ip = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    diag, icd, drug, dose, lab = CLINICAL_CN[i % len(CLINICAL_CN)]
    y, m, d = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
    admit_iso = f"{y}-{m:02d}-{d:02d}"
    admit_cn = f"{y}年{m}月{d}日"
    m2, d2 = (m % 12) + 1, rng.randint(1, 28)
    y2 = y + (1 if m == 12 else 0)
    later_cn = f"{m2}月{d2}日"
    later_iso = f"{y2}-{m2:02d}-{d2:02d}"
    age = 2024 - year
    age_text = f"{age}岁"
    pinyin = pinyin_name(name)
    surname = name[:2] if len(name) == 4 else name[0]
    old_id = "".join(str(rng.randint(0, 9)) for _ in range(15))
    texts = [
        f"患者{name}，{'男' if i % 2 else '女'}，{age_text}，因“{diag}”于{admit_cn}入院。身份证号{rid}，"
        f"联系电话{mobile_written}，住址：{address}。其妻{relative}陪同就诊，电话{landline}。",
        f"住院号：{inpatient}，门诊号{outpatient}，医保号{insurance}。{admit_iso}查：{lab}。诊断：{diag}。",
        f"予{drug} {dose}口服。{later_cn}复查，{relative}代诉患者夜间睡眠可。旧身份证{old_id}。",
        f"Patient {pinyin} ({name}) was reviewed by e-mail {email}; images at {url}, uploaded from {ip}.",
        f"{surname}先生家属{relative}于{later_iso}来电询问{drug}用法。张某等其他患者不在此列。",
    ]
    planted = [name, relative, rid, mobile_written, mobile, landline, address, city + district if city else district,
               district + road, road + number, inpatient, outpatient, insurance, email, url, ip, admit_iso, admit_cn,
               later_iso, birth, pinyin, old_id, f"{surname}先生"]  # fmt: skip
    if age > 89:
        planted.append(age_text)
    return {
        "key": f"cn-{i:02d}",
        "record": {
            "name": name,
            "sex": "male" if i % 2 else "female",
            "birth_date": birth,
            "identifiers": [
                ["cn-resident-id", rid],
                ["inpatient-no", inpatient],
                ["outpatient-no", outpatient],
                ["insurance-no", insurance],
            ],  # fmt: skip
            "phone": mobile_written,
            "address": address,
            "email": email,
            "notes": f"紧急联系人：{relative}，{landline}",
            "extra": {"联系人": relative, "blood_type": "A"},
            "allergies": [{"substance": "青霉素", "reaction": "皮疹", "recorded_on": admit_iso}],
            "medications": [{"name": drug, "dose": dose, "start": admit_iso}],
            "cases": [
                {
                    "title": f"{diag}（{admit_cn}入院）",
                    "opened_on": admit_iso,
                    "entries": [
                        {
                            "kind": kind,
                            "occurred_at": f"{admit_iso}T{8 + n:02d}:30:00",
                            "text": text,
                            "icd10": icd if kind == "diagnosis" else None,
                        }
                        for n, (kind, text) in enumerate(
                            zip(["history", "diagnosis", "treatment", "note", "progress"], texts, strict=True)
                        )
                    ],  # fmt: skip
                    "labs": [
                        {"name": "WBC", "taken_at": f"{admit_iso}T07:00:00", "value": 12.5, "unit": "10^9/L"},
                        {"name": "WBC", "taken_at": f"{later_iso}T07:00:00", "value": 7.1, "unit": "10^9/L"},
                    ],
                    "follow_ups": [{"due": later_iso, "note": f"电话随访 {mobile_written}"}],
                }
            ],
        },
        "planted": planted,
        "clinical": [diag, icd, drug, dose, lab, "青霉素", "皮疹", "陪同就诊", "夜间睡眠可"],
    }


def english_case(i: int, rng: random.Random) -> dict:
    name, relative = EN_NAMES[i % len(EN_NAMES)], EN_RELATIVES[i % len(EN_RELATIVES)]
    old = i % 5 == 2
    year = rng.randint(1926, 1932) if old else rng.randint(1945, 1995)
    birth = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    mrn = f"MRN{rng.randint(10**6, 10**7 - 1)}"
    ssn = f"{rng.randint(100, 899)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
    phone = f"({rng.randint(200, 989)}) {rng.randint(200, 989)}-{rng.randint(1000, 9999)}"
    intl = f"+44 20 {rng.randint(7000, 7999)} {rng.randint(1000, 9999)}"
    street = EN_STREETS[i % len(EN_STREETS)]
    email = f"{name.split()[0].lower()}.{name.split()[1].lower()}{i}@mail.example.com"
    ip = f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    url = f"http://portal.example.org/patient?id={rng.randint(1000, 9999)}"
    diag, icd, drug, dose, lab = CLINICAL_EN[i % len(CLINICAL_EN)]
    y, m, d = rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28)
    admit_iso = f"{y}-{m:02d}-{d:02d}"
    us_date = f"{m}/{d}/{y}"
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]  # fmt: skip
    long_date = f"{months[m - 1]} {d}, {y}"
    age = 2024 - year
    age_text = f"{age}-year-old"
    first, last = name.split()
    texts = [
        f"{name} is a {age_text} seen on {us_date} for {diag.lower()}. MRN: {mrn}. SSN {ssn}. Phone {phone}, "
        f"mobile {intl}. Address: {street}. E-mail {email}.",
        f"His wife {relative} states he has been taking {drug} {dose}. {lab}. Mr. {last} denies chest pain.",
        f"On {long_date} {first} was reviewed remotely from {ip}; report at {url}. {relative} will call back.",
        "患者诉头晕，予对症处理。",
    ]
    planted = [name, first, last, relative, mrn, ssn, phone, intl, street, "62704" if "62704" in street else street,
               email, ip, url, admit_iso, us_date, long_date, birth, f"Mr. {last}", relative.split()[0]]  # fmt: skip
    if age > 89:
        planted.append(age_text)
    return {
        "key": f"en-{i:02d}",
        "record": {
            "name": name,
            "sex": "male",
            "birth_date": birth,
            "identifiers": [["mrn", mrn], ["ssn", ssn]],
            "phone": phone,
            "address": street,
            "email": email,
            "notes": f"Next of kin: {relative}, {intl}",
            "extra": {},
            "allergies": [{"substance": "penicillin", "reaction": "urticaria", "recorded_on": admit_iso}],
            "medications": [{"name": drug, "dose": dose, "start": admit_iso}],
            "cases": [
                {
                    "title": f"{diag} follow-up",
                    "opened_on": admit_iso,
                    "entries": [
                        {
                            "kind": kind,
                            "occurred_at": f"{admit_iso}T{9 + n:02d}:00:00",
                            "text": text,
                            "icd10": icd if kind == "diagnosis" else None,
                        }
                        for n, (kind, text) in enumerate(
                            zip(["history", "diagnosis", "progress", "note"], texts, strict=True)
                        )
                    ],  # fmt: skip
                    "labs": [],
                    "follow_ups": [{"due": admit_iso, "note": f"Call {relative} at {phone}"}],
                }
            ],
        },
        "planted": planted,
        "clinical": [diag.lower(), icd, drug, dose, lab, "penicillin", "urticaria", "denies chest pain"],
    }


def build() -> list[dict]:
    rng = random.Random(20240601)
    cases = [chinese_case(i, rng) for i in range(28)]
    cases += [english_case(i, rng) for i in range(15)]
    return cases


if __name__ == "__main__":
    out = Path(__file__).with_name("corpus.json")
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {out}")
