"""Synthetic demo patients for the Records room (registered in cdss.demo as "cdss.records.demo:seed").

Every patient is invented: names are random combinations, identifiers are demo numbers. The clinical content follows
common textbook presentations so that the Drugs checker has something real to reason about: a warfarin patient with
atrial fibrillation and an INR series, diabetics on metformin with HbA1c trends, a CKD patient on losartan whose serum
creatinine and potassium rise, penicillin and sulfonamide allergies. Dates are relative to today, so some follow-ups
are always due or overdue. The same date always yields the same patients (seeded random).

LOINC codes used (only ones we are sure of): 6301-6 INR, 4548-4 HbA1c, 14682-9 creatinine (µmol/L),
2823-3 potassium, 8480-6 systolic and 8462-4 diastolic blood pressure. Reference ranges are typical adult ranges;
real laboratories differ.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from cdss.records.types import (
    Allergy,
    Case,
    Entry,
    EntryKind,
    FollowUp,
    Identifier,
    LabResult,
    Medication,
    PatientRecord,
    Sex,
)

DEMO_PATIENTS = 36
_SEED = 20240601

_ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_ZH_GIVEN_M = ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "建国", "志强", "国华"]
_ZH_GIVEN_F = ["芳", "娜", "秀英", "敏", "静", "丽", "艳", "娟", "秀兰", "霞", "桂英", "玉兰", "淑珍", "慧"]
_EN_FIRST_M = ["James", "Robert", "John", "Michael", "David", "William", "Richard", "Thomas", "Peter", "George"]
_EN_FIRST_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Margaret", "Sarah", "Helen", "Anne"]
_EN_LAST = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Walker", "Wright", "Thompson",
            "Hughes", "Clarke", "Harris", "Martin", "Cooper", "Ward"]


@dataclass
class _Draft:
    """What one case template adds to a patient: the case, and the medications it starts."""

    case: Case
    medications: list[Medication] = field(default_factory=list)


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _entries(lang: str, day: dt.date, items: list[tuple[EntryKind, str, str, str | None]]) -> tuple[Entry, ...]:
    # Entries of the first visit are a few minutes apart, in the order a clinician writes them.
    return tuple(Entry(kind, _at(day, 9, 5 * i), _t(lang, zh, en), icd10)
                 for i, (kind, zh, en, icd10) in enumerate(items))


def _series(name: str, loinc: str | None, unit: str, values: list[float], start: dt.date, step_days: int,
            ref: tuple[float | None, float | None]) -> tuple[LabResult, ...]:
    return tuple(LabResult(name, _at(start + dt.timedelta(days=i * step_days), 8, 30), value=v, unit=unit,
                           ref_low=ref[0], ref_high=ref[1], loinc=loinc) for i, v in enumerate(values))


def _follow_up(today: dt.date, rng: random.Random, lang: str, zh: str, en: str) -> FollowUp:
    # Some overdue, some due today, some ahead: the reminder list always has something to show.
    offset = rng.choice([-12, -5, -1, 0, 0, 7, 14, 30])
    return FollowUp(today + dt.timedelta(days=offset), _t(lang, zh, en))


# -- case templates ---------------------------------------------------------------------------------------------------
def _atrial_fibrillation(lang: str, opened: dt.date, today: dt.date, rng: random.Random, _allergies) -> _Draft:
    K = EntryKind
    entries = _entries(lang, opened, [
        (K.COMPLAINT, "心悸、胸闷3天", "Palpitations and chest tightness for 3 days", None),
        (K.HISTORY, "高血压病史10年。3天前无明显诱因出现阵发性心悸，无晕厥、无胸痛。",
         "Hypertension for 10 years. Intermittent palpitations for 3 days, no syncope or chest pain.", None),
        (K.EXAM, "BP 146/88 mmHg，心率 112 次/分，心律绝对不齐，第一心音强弱不等。",
         "BP 146/88 mmHg, heart rate 112/min, irregularly irregular rhythm, variable first heart sound.", None),
        (K.TEST, "心电图：心房颤动，心室率约 110 次/分。超声心动图：左房增大，LVEF 58%。",
         "ECG: atrial fibrillation, ventricular rate about 110/min. Echocardiogram: enlarged left atrium, LVEF 58%.",
         None),
        (K.DIAGNOSIS, "心房颤动", "Atrial fibrillation", "I48.9"),
        (K.DIAGNOSIS, "原发性高血压", "Essential hypertension", "I10"),
        (K.TREATMENT, "CHA₂DS₂-VASc 评分 ≥2 分，启动华法林抗凝，目标 INR 2.0–3.0；β 受体阻滞剂控制心室率。",
         "CHA₂DS₂-VASc score ≥2: start warfarin, target INR 2.0–3.0; beta-blocker for rate control.", None),
        (K.MEDICATION, "华法林 3 mg 每日一次（按 INR 调整）；美托洛尔缓释片 47.5 mg 每日一次",
         "Warfarin 3 mg once daily (adjusted to INR); metoprolol succinate 47.5 mg once daily", None),
    ])
    inr = _series(_t(lang, "国际标准化比值 INR", "INR"), "6301-6", "", [1.1, 1.7, 2.4, 2.8, 2.3],
                  opened, 14, (0.8, 1.2))
    progress = Entry(K.PROGRESS, _at(opened + dt.timedelta(days=42), 10), _t(
        lang, "INR 2.3，达目标范围；心室率 76 次/分，无出血表现。继续华法林 3 mg 每日一次。",
        "INR 2.3, in target range; heart rate 76/min, no bleeding. Continue warfarin 3 mg daily."))
    case = Case(_t(lang, "心房颤动（华法林抗凝）", "Atrial fibrillation on warfarin"), opened,
                entries=entries + (progress,), labs=inr, tags=(_t(lang, "抗凝", "anticoagulation"),),
                follow_ups=(_follow_up(today, rng, lang, "复查 INR", "Check INR"),))
    meds = [Medication(_t(lang, "华法林", "warfarin"), "3 mg qd", "oral", opened),
            Medication(_t(lang, "美托洛尔缓释片", "metoprolol succinate"), "47.5 mg qd", "oral", opened)]
    return _Draft(case, meds)


def _type2_diabetes(lang: str, opened: dt.date, today: dt.date, rng: random.Random, _allergies) -> _Draft:
    K = EntryKind
    entries = _entries(lang, opened, [
        (K.COMPLAINT, "口干、多饮、多尿2个月", "Thirst, polydipsia and polyuria for 2 months", None),
        (K.HISTORY, "近2个月体重下降约 3 kg。父亲有糖尿病史。",
         "Weight loss of about 3 kg in 2 months. Father has diabetes.", None),
        (K.EXAM, "BMI 27.8 kg/m²，BP 132/80 mmHg，双足背动脉搏动正常，足部感觉正常。",
         "BMI 27.8 kg/m², BP 132/80 mmHg, foot pulses present, normal foot sensation.", None),
        (K.TEST, "空腹血糖 9.8 mmol/L，HbA1c 8.4%，尿酮体阴性。",
         "Fasting glucose 9.8 mmol/L, HbA1c 8.4%, urine ketones negative.", None),
        (K.DIAGNOSIS, "2型糖尿病", "Type 2 diabetes mellitus", "E11.9"),
        (K.TREATMENT, "糖尿病教育，饮食与运动指导；起始二甲双胍，随餐服用，逐步加量。",
         "Diabetes education, diet and exercise advice; start metformin with meals and titrate.", None),
        (K.MEDICATION, "二甲双胍 500 mg 每日两次，随餐", "Metformin 500 mg twice daily with meals", None),
    ])
    hba1c = _series("HbA1c", "4548-4", "%", [8.4, 7.6, 7.1], opened, 90, (4.0, 6.0))
    progress = Entry(K.PROGRESS, _at(opened + dt.timedelta(days=90), 10), _t(
        lang, "HbA1c 降至 7.6%，无胃肠道不适，继续二甲双胍。", "HbA1c down to 7.6%, no GI upset; continue metformin."))
    case = Case(_t(lang, "2型糖尿病", "Type 2 diabetes"), opened, entries=entries + (progress,), labs=hba1c,
                tags=(_t(lang, "糖尿病", "diabetes"),),
                follow_ups=(_follow_up(today, rng, lang, "复查 HbA1c", "Repeat HbA1c"),))
    return _Draft(case, [Medication(_t(lang, "二甲双胍", "metformin"), "500 mg bid", "oral", opened)])


def _ckd(lang: str, opened: dt.date, today: dt.date, rng: random.Random, _allergies) -> _Draft:
    K = EntryKind
    entries = _entries(lang, opened, [
        (K.COMPLAINT, "体检发现血肌酐升高1年", "Raised serum creatinine found at a health check a year ago", None),
        (K.HISTORY, "高血压病史15年，血压控制欠佳。无肉眼血尿，无水肿。",
         "Hypertension for 15 years, poorly controlled. No visible haematuria, no oedema.", None),
        (K.EXAM, "BP 152/90 mmHg，双下肢无水肿。", "BP 152/90 mmHg, no leg oedema.", None),
        (K.TEST, "血肌酐 128 µmol/L，尿蛋白 (+)；肾脏超声：双肾体积略缩小。",
         "Serum creatinine 128 µmol/L, urine protein 1+; renal ultrasound: both kidneys slightly small.", None),
        (K.DIAGNOSIS, "慢性肾脏病 3 期", "Chronic kidney disease, stage 3", "N18.3"),
        (K.DIAGNOSIS, "原发性高血压", "Essential hypertension", "I10"),
        (K.TREATMENT, "低盐饮食，控制血压，避免肾毒性药物（如 NSAIDs），定期复查肾功能和血钾。",
         "Low-salt diet, blood pressure control, avoid nephrotoxic drugs (e.g. NSAIDs), monitor renal function "
         "and potassium.", None),
        (K.MEDICATION, "氯沙坦 50 mg 每日一次", "Losartan 50 mg once daily", None),
    ])
    creatinine = _series(_t(lang, "血肌酐", "Serum creatinine"), "14682-9", "µmol/L", [128, 142, 161, 178],
                         opened, 120, (59, 104))
    potassium = _series(_t(lang, "血钾", "Potassium"), "2823-3", "mmol/L", [4.6, 4.8, 5.1, 5.3], opened, 120,
                        (3.5, 5.5))
    systolic = _series(_t(lang, "收缩压", "Systolic blood pressure"), "8480-6", "mmHg", [152, 144, 140, 138],
                       opened, 120, (None, None))
    last = opened + dt.timedelta(days=360)
    progress = Entry(K.PROGRESS, _at(last, 10), _t(
        lang, "血肌酐逐步升高至 178 µmol/L，血钾 5.3 mmol/L。需复查并评估用药剂量。",
        "Creatinine has risen steadily to 178 µmol/L, potassium 5.3 mmol/L. Recheck and review drug doses."))
    case = Case(_t(lang, "慢性肾脏病 3 期", "CKD stage 3"), opened, entries=entries + (progress,),
                labs=creatinine + potassium + systolic, tags=(_t(lang, "慢病", "chronic"),),
                follow_ups=(_follow_up(today, rng, lang, "复查肾功能、血钾", "Repeat creatinine and potassium"),))
    return _Draft(case, [Medication(_t(lang, "氯沙坦", "losartan"), "50 mg qd", "oral", opened)])


def _hypertension(lang: str, opened: dt.date, today: dt.date, rng: random.Random, _allergies) -> _Draft:
    K = EntryKind
    entries = _entries(lang, opened, [
        (K.COMPLAINT, "头晕1个月，多次测血压升高", "Dizziness for a month, several high blood pressure readings",
         None),
        (K.EXAM, "BP 158/96 mmHg（两次测量），心肺听诊无异常。",
         "BP 158/96 mmHg (two readings), heart and lungs normal.", None),
        (K.TEST, "心电图：窦性心律，未见明显异常。血钾 4.1 mmol/L，血肌酐正常。",
         "ECG: sinus rhythm, no abnormality. Potassium 4.1 mmol/L, creatinine normal.", None),
        (K.DIAGNOSIS, "原发性高血压", "Essential hypertension", "I10"),
        (K.TREATMENT, "限盐、减重、规律运动；起始钙通道阻滞剂。",
         "Salt restriction, weight loss, regular exercise; start a calcium-channel blocker.", None),
        (K.MEDICATION, "氨氯地平 5 mg 每日一次", "Amlodipine 5 mg once daily", None),
    ])
    systolic = _series(_t(lang, "收缩压", "Systolic blood pressure"), "8480-6", "mmHg", [158, 146, 134], opened, 30,
                       (None, None))
    diastolic = _series(_t(lang, "舒张压", "Diastolic blood pressure"), "8462-4", "mmHg", [96, 90, 84], opened, 30,
                        (None, None))
    progress = Entry(K.PROGRESS, _at(opened + dt.timedelta(days=60), 10), _t(
        lang, "血压 134/84 mmHg，无踝部水肿，继续氨氯地平。", "BP 134/84 mmHg, no ankle oedema; continue amlodipine."))
    case = Case(_t(lang, "高血压", "Hypertension"), opened, entries=entries + (progress,), labs=systolic + diastolic,
                tags=(_t(lang, "慢病", "chronic"),),
                follow_ups=(_follow_up(today, rng, lang, "复诊测血压", "Blood pressure review"),))
    return _Draft(case, [Medication(_t(lang, "氨氯地平", "amlodipine"), "5 mg qd", "oral", opened)])


def _pneumonia(lang: str, opened: dt.date, today: dt.date, rng: random.Random, allergies: list[Allergy]) -> _Draft:
    K = EntryKind
    penicillin_allergic = any("青霉素" in a.substance or "penicillin" in a.substance.lower() for a in allergies)
    if penicillin_allergic:  # a penicillin allergy rules amoxicillin out; doxycycline is the usual oral alternative
        drug = Medication(_t(lang, "多西环素", "doxycycline"), "200 mg day 1, then 100 mg qd × 4 days", "oral", opened,
                          opened + dt.timedelta(days=4), active=False)
        rx = _t(lang, "青霉素过敏，予多西环素：首日 200 mg，之后 100 mg 每日一次，共 5 天",
                "Penicillin allergy: doxycycline 200 mg on day 1, then 100 mg once daily, 5 days in total")
    else:
        drug = Medication(_t(lang, "阿莫西林", "amoxicillin"), "500 mg tid × 5 days", "oral", opened,
                          opened + dt.timedelta(days=4), active=False)
        rx = _t(lang, "阿莫西林 500 mg 每日三次，共 5 天", "Amoxicillin 500 mg three times daily for 5 days")
    entries = _entries(lang, opened, [
        (K.COMPLAINT, "发热、咳嗽、咳黄痰4天", "Fever and cough with yellow sputum for 4 days", None),
        (K.HISTORY, "近期无住院史，无抗生素使用史。", "No recent hospital stay or antibiotic use.", None),
        (K.EXAM, "T 38.6 ℃，R 22 次/分，SpO₂ 95%（未吸氧），右下肺可闻及湿啰音。",
         "T 38.6 °C, RR 22/min, SpO₂ 95% on air, crackles at the right lung base.", None),
        (K.TEST, "胸片：右下肺斑片状阴影。WBC 13.2×10⁹/L，中性粒细胞 82%，CRP 68 mg/L。",
         "Chest X-ray: right lower zone consolidation. WBC 13.2×10⁹/L, neutrophils 82%, CRP 68 mg/L.",
         None),
        (K.DIAGNOSIS, "社区获得性肺炎", "Community-acquired pneumonia", "J18.9"),
        (K.TREATMENT, "门诊口服抗生素治疗，补液，对症退热。",
         "Oral antibiotics as an outpatient, fluids, antipyretics.", None),
        (K.MEDICATION, rx, rx, None),
    ])
    progress = Entry(K.PROGRESS, _at(opened + dt.timedelta(days=3), 10), _t(
        lang, "3 天后体温正常，咳嗽减轻。", "Afebrile after 3 days, cough improving."))
    case = Case(_t(lang, "社区获得性肺炎", "Community-acquired pneumonia"), opened, entries=entries + (progress,),
                closed_on=opened + dt.timedelta(days=14),
                follow_ups=(FollowUp(opened + dt.timedelta(days=7), _t(lang, "复诊评估症状", "Symptom review"),
                                     done=True),))
    return _Draft(case, [drug])


def _cystitis(lang: str, opened: dt.date, today: dt.date, rng: random.Random, allergies: list[Allergy]) -> _Draft:
    K = EntryKind
    sulfa = any("磺胺" in a.substance or "sulfonamide" in a.substance.lower() for a in allergies)
    plan = _t(lang, "呋喃妥因 100 mg 每日两次，共 5 天。", "Nitrofurantoin 100 mg twice daily for 5 days.")
    if sulfa:
        plan += _t(lang, "磺胺类过敏，避免复方磺胺甲噁唑。", " Sulfonamide allergy: avoid co-trimoxazole.")
    entries = _entries(lang, opened, [
        (K.COMPLAINT, "尿频、尿急、尿痛2天", "Frequency, urgency and dysuria for 2 days", None),
        (K.HISTORY, "无发热、无腰痛，非妊娠。", "No fever or loin pain; not pregnant.", None),
        (K.EXAM, "T 36.8 ℃，耻骨上轻压痛，肾区无叩痛。", "T 36.8 °C, mild suprapubic tenderness, no renal angle "
         "tenderness.", None),
        (K.TEST, "尿常规：白细胞酯酶阳性，亚硝酸盐阳性。",
         "Urine dipstick: leukocyte esterase and nitrite positive.", None),
        (K.DIAGNOSIS, "尿路感染", "Urinary tract infection", "N39.0"),
        (K.MEDICATION, plan, plan, None),
    ])
    case = Case(_t(lang, "急性膀胱炎", "Acute cystitis"), opened, entries=entries,
                closed_on=opened + dt.timedelta(days=7))
    drug = Medication(_t(lang, "呋喃妥因", "nitrofurantoin"), "100 mg bid × 5 days", "oral", opened,
                      opened + dt.timedelta(days=4), active=False)
    return _Draft(case, [drug])


_Template = Callable[[str, dt.date, dt.date, random.Random, list[Allergy]], _Draft]
_CHRONIC: tuple[_Template, ...] = (_atrial_fibrillation, _type2_diabetes, _ckd, _hypertension)
_ACUTE: tuple[_Template, ...] = (_pneumonia, _cystitis)
# The histories say "hypertension for 10 (AF) / 15 (CKD) years" and the AF plan relies on CHA₂DS₂-VASc ≥ 2 (age ≥ 65
# plus hypertension), so those templates need an older patient.
_MIN_AGE: dict[_Template, int] = {_atrial_fibrillation: 65, _ckd: 50}
# A second chronic problem that does not repeat the first one's diagnoses (AF and CKD already include hypertension).
_SECOND: dict[_Template, tuple[_Template, ...]] = {
    _atrial_fibrillation: (_type2_diabetes,),
    _ckd: (_type2_diabetes,),
    _type2_diabetes: (_hypertension, _atrial_fibrillation, _ckd),
    _hypertension: (_type2_diabetes,),
}


def _allergies_for(rng: random.Random, lang: str, today: dt.date) -> list[Allergy]:
    roll = rng.random()
    recorded = today - dt.timedelta(days=rng.randint(400, 3000))
    if roll < 0.2:
        return [Allergy(_t(lang, "青霉素", "penicillin"), _t(lang, "荨麻疹", "urticaria"), "moderate", True, recorded)]
    if roll < 0.32:
        return [Allergy(_t(lang, "磺胺类药物", "sulfonamide antibiotics"), _t(lang, "皮疹", "rash"), "mild", False,
                        recorded)]
    return []


def demo_records(today: dt.date | None = None, count: int = DEMO_PATIENTS) -> list[PatientRecord]:
    today = today or dt.date.today()
    rng = random.Random(_SEED)
    records = []
    for index in range(count):
        lang = "zh" if index % 2 == 0 else "en"
        sex = Sex.FEMALE if rng.random() < 0.5 else Sex.MALE
        primary = _CHRONIC[(index // 2) % len(_CHRONIC)]  # // 2: each language gets every template
        age = rng.randint(max(_MIN_AGE.get(primary, 32), 32) + 1, 84)
        birth = today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        if lang == "zh":
            name = rng.choice(_ZH_SURNAMES) + rng.choice(_ZH_GIVEN_F if sex is Sex.FEMALE else _ZH_GIVEN_M)
            ident = Identifier("outpatient-no", f"MZ{today.year}{index + 1:05d}")
        else:
            first = rng.choice(_EN_FIRST_F if sex is Sex.FEMALE else _EN_FIRST_M)
            name = f"{first} {rng.choice(_EN_LAST)}"
            ident = Identifier("mrn", f"DEMO-{index + 1:05d}")
        allergies = _allergies_for(rng, lang, today)
        templates: list[_Template] = [primary]
        seconds = [t for t in _SECOND[primary] if age >= _MIN_AGE.get(t, 0)]
        if seconds and rng.random() < 0.5:
            templates.append(rng.choice(seconds))
        if rng.random() < 0.5:
            # Nitrofurantoin is avoided when renal function is poor, so CKD patients get no cystitis episode.
            cystitis_ok = sex is Sex.FEMALE and _ckd not in templates
            templates.append(_cystitis if cystitis_ok and rng.random() < 0.5 else _pneumonia)
        cases, medications = [], []
        for template in templates:
            acute = template in _ACUTE
            opened = today - dt.timedelta(days=rng.randint(20, 120) if acute else rng.randint(380, 700))
            draft = template(lang, opened, today, rng, allergies)
            cases.append(draft.case)
            medications += draft.medications
        tags = tuple(sorted({tag for case in cases for tag in case.tags}))
        records.append(PatientRecord(
            name=name, sex=sex, birth_date=birth, identifiers=(ident,),
            # Ofcom reserves 07700 900000-900999 for fiction; China has no such range, so no phone there.
            phone=None if lang == "zh" else f"07700 900{index:03d}",
            allergies=tuple(allergies), medications=tuple(medications), cases=tuple(cases), tags=tags,
            notes=_t(lang, "演示病例，虚构数据。", "Demo patient; invented data."),
            source_ref=f"demo:{index + 1}",
        ))
    return records


def seed(workspace) -> str:
    """Store the demo patients in ``workspace`` (all in one transaction); returns a one-line summary."""
    from cdss.records.service import RecordsService

    records = demo_records()
    outcome = RecordsService(workspace, actor="demo").patients.save_records(records)
    skipped = {s.source_ref for s in outcome.skipped}  # already there from an earlier, interrupted seeding
    cases = sum(len(r.cases) for r in records if r.source_ref not in skipped)
    return f"{len(outcome.added)} demo patients with {cases} cases"
