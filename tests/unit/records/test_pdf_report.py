"""Case PDF export: Chinese and English text, de-identification, pagination, photos, font discovery."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from cdss.errors import UserError
from cdss.records import pdf_fonts
from cdss.records.attachments import AttachmentStore, attachment_path
from cdss.records.pdf_report import export_case_pdf
from cdss.records.types import (
    Allergy,
    Attachment,
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

SECRET = b"pdf-test-secret-0123456789"
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)


needs_font = pytest.mark.usefixtures("cjk_font")


def store_photo(attachments_dir: Path, colour: tuple[int, int, int], gps: bool = False) -> Attachment:
    from PIL import Image

    image = Image.new("RGB", (800, 600), colour)
    exif = Image.Exif()
    if gps:
        exif.get_ifd(0x8825)[2] = (30.0, 15.0, 12.5)
        exif[0x010E] = "张三 wound photo"  # ImageDescription carrying a name
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    data = out.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    path = attachment_path(attachments_dir, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return Attachment(sha, f"张三_{sha[:6]}.jpg", "image/jpeg", len(data), caption="伤口照片 wound")


def make_patient(attachments_dir: Path, n_entries: int = 8, n_photos: int = 2) -> PatientRecord:
    start = dt.datetime(2023, 3, 1, 9, 0)
    long_text = (
        "患者张三，男，68岁，因“反复胸闷气短2年，加重3天”于2023年3月1日入院。其妻李四陪同。联系电话13812345678。"
        "The patient Zhang San reports exertional dyspnoea and orthopnoea; echocardiography showed LVEF 35%. "
    ) * 3
    entries = [
        Entry(EntryKind.HISTORY, start, long_text),
        Entry(EntryKind.DIAGNOSIS, start + dt.timedelta(hours=2), "慢性心力衰竭 Chronic heart failure", icd10="I50.9"),
    ]
    kinds = [EntryKind.PROGRESS, EntryKind.TREATMENT, EntryKind.MEDICATION, EntryKind.EXAM, EntryKind.TEST]
    for i in range(max(0, n_entries - 2 - n_photos)):
        entries.append(
            Entry(
                kinds[i % len(kinds)],
                start + dt.timedelta(days=i + 1),
                f"第{i + 1}天：呋塞米 20 mg iv，尿量增加。Day {i + 1}.",
            )
        )
    colours = [(200, 60, 60), (60, 160, 90), (60, 90, 200), (220, 180, 40), (120, 60, 160)]
    for i in range(n_photos):
        photo = store_photo(attachments_dir, colours[i % len(colours)], gps=i == 0)
        entries.append(Entry(EntryKind.ATTACHMENT, start + dt.timedelta(days=i, hours=5), attachment=photo))
    labs = tuple(
        LabResult("NT-proBNP", start + dt.timedelta(days=3 * i), value=v, unit="pg/mL", ref_high=125)
        for i, v in enumerate((4500, 3200, 1800, 900))
    ) + tuple(
        LabResult("血钾 K", start + dt.timedelta(days=2 * i), value=v, unit="mmol/L", ref_low=3.5, ref_high=5.3)
        for i, v in enumerate((3.2, 3.9, 4.4))
    )
    case = Case(
        "慢性心力衰竭急性加重 Acute decompensated heart failure",
        start.date(),
        entries=tuple(entries),
        labs=labs,
        follow_ups=(FollowUp(dt.date(2023, 4, 1), "心内科门诊复查 BNP，电话 0571-87654321"),),
        id=7,
    )
    return PatientRecord(
        name="张三",
        sex=Sex.MALE,
        birth_date=dt.date(1955, 6, 15),
        identifiers=(Identifier("inpatient-no", "ZY2023000123"), Identifier("cn-resident-id", "11010519491231002X")),
        phone="13812345678",
        address="浙江省杭州市西湖区文三路100号",
        allergies=(Allergy("青霉素 penicillin", "皮疹 rash", "moderate", recorded_on=dt.date(2010, 5, 1)),),
        medications=(Medication("呋塞米 furosemide", "20 mg qd", "po", start=dt.date(2023, 3, 1)),),
        cases=(case,),
    )


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def flat(text: str) -> str:
    """pdftotext drops or adds spaces around CJK and at line wraps: compare without whitespace."""
    return re.sub(r"\s+", "", text)


def test_attachment_path_layout(tmp_path):
    sha = "ab" + "cd" + "e" * 60
    assert attachment_path(tmp_path, sha) == tmp_path / "ab" / "cd" / sha
    with pytest.raises(UserError):
        attachment_path(tmp_path, "../../etc/passwd")


@needs_font
@needs_pdftotext
def test_export_contains_chinese_and_english(tmp_path):
    patient = make_patient(tmp_path / "att")
    out = export_case_pdf(patient, patient.cases, tmp_path / "r.pdf", attachments=AttachmentStore(tmp_path / "att"),
                          deidentified=False, secret=None)  # fmt: skip
    text = pdf_text(out)
    for expected in ("病例报告", "慢性心力衰竭", "Chronic heart failure", "I50.9", "呋塞米", "NT-proBNP", "张三",
                     "ZY2023000123", "青霉素", "随访", "第1/"):  # fmt: skip
        assert flat(expected) in flat(text), expected
    assert not list(tmp_path.glob("*.part"))


@needs_font
@needs_pdftotext
def test_english_labels(tmp_path):
    patient = make_patient(tmp_path / "att", n_photos=0)
    out = export_case_pdf(patient, patient.cases, tmp_path / "r.pdf", attachments=None, deidentified=False,
                          secret=None, labels_language="en")  # fmt: skip
    text = pdf_text(out)
    assert "Case report" in text and "Timeline" in text and "Page 1 of" in text


@needs_font
@needs_pdftotext
def test_deidentified_export_has_no_identifiers(tmp_path):
    patient = make_patient(tmp_path / "att")
    out = export_case_pdf(patient, patient.cases, tmp_path / "d.pdf", attachments=AttachmentStore(tmp_path / "att"),
                          deidentified=True, secret=SECRET, today=dt.date(2024, 1, 1))  # fmt: skip
    raw = out.read_bytes()
    text = pdf_text(out)
    for planted in ("张三", "李四", "Zhang San", "13812345678", "ZY2023000123", "11010519491231002X", "杭州市",
                    "西湖区", "文三路", "0571-87654321", "2023-03-01", "2023年3月1日", "1955-06-15"):  # fmt: skip
        assert planted not in text, planted
    assert "浙江省" in text and "慢性心力衰竭" in text and "呋塞米" in text and "I50.9" in text
    assert "已去标识化" in text
    assert b"Exif" not in raw and "张三 wound".encode() not in raw  # photos re-encoded without EXIF/GPS


@needs_font
@needs_pdftotext
def test_long_timeline_paginates_and_wraps(tmp_path):
    patient = make_patient(tmp_path / "att", n_entries=60, n_photos=0)
    out = export_case_pdf(patient, patient.cases, tmp_path / "long.pdf", attachments=None, deidentified=False,
                          secret=None)  # fmt: skip
    text = pdf_text(out)
    pages = text.count("\f")
    assert pages >= 3
    assert f"第{pages}/{pages}页" in flat(text)


def test_deidentified_export_needs_secret(tmp_path):
    patient = make_patient(tmp_path / "att", n_photos=0)
    with pytest.raises(UserError) as info:
        export_case_pdf(
            patient, patient.cases, tmp_path / "x.pdf", attachments=None, deidentified=True, secret=None
        )
    assert info.value.code == "deid_secret_missing"
    assert not (tmp_path / "x.pdf").exists()


def test_font_discovery_skips_cff_font_and_uses_next(tmp_path):
    cff = tmp_path / "NotoSansCJK-Regular.otf"
    cff.write_bytes(b"OTTO" + b"\x00" * 200)  # an OpenType/CFF header: reportlab refuses these
    candidates = [tmp_path / "absent.ttc", cff]
    real = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    if real.is_file():
        found = pdf_fonts.find_cjk_font(candidates=[*candidates, real])
        assert found.path == real
    with pytest.raises(UserError) as info:
        pdf_fonts.find_cjk_font(candidates=candidates)
    assert info.value.code == "no_cjk_font"
    assert "fonts-wqy-microhei" in info.value.message and str(cff) in info.value.params["tried"]


def test_no_font_anywhere_raises_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_fonts, "candidate_fonts", lambda: [tmp_path / "none.ttf"])
    patient = make_patient(tmp_path / "att", n_photos=0)
    with pytest.raises(UserError) as info:
        export_case_pdf(
            patient, patient.cases, tmp_path / "x.pdf", attachments=None, deidentified=False, secret=None
        )
    assert info.value.code == "no_cjk_font"
    assert not (tmp_path / "x.pdf").exists()


def test_explicit_unusable_font_is_named(tmp_path):
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"OTTO" + b"\x00" * 64)
    with pytest.raises(UserError) as info:
        pdf_fonts.find_cjk_font(bad)
    assert info.value.code == "cjk_font_unusable"


@needs_font
@needs_pdftotext
def test_inr_on_warfarin_is_judged_against_its_target_not_the_reference_range(tmp_path):
    from cdss.records.types import LabResult, Medication

    base = make_patient(tmp_path / "att", n_photos=0)
    inr = LabResult("INR", dt.datetime(2024, 1, 8, 8), value=2.3, unit="", ref_low=0.8, ref_high=1.2,
                    loinc="6301-6")
    low = LabResult("INR", dt.datetime(2024, 1, 9, 8), value=1.5, unit="", ref_low=0.8, ref_high=1.2, loinc="6301-6")
    case = replace(base.cases[0], labs=(*base.cases[0].labs, inr, low))
    patient = replace(base, cases=(case,), medications=(Medication("warfarin", "3 mg qd"),))
    out = export_case_pdf(patient, patient.cases, tmp_path / "inr.pdf", attachments=None, deidentified=False,
                          secret=None, labels_language="en")
    text = flat(pdf_text(out))
    assert "2.3" in text and "2.3↑" not in text  # on target: no arrow against the 0.8–1.2 laboratory range
    assert "1.5↓" in text and "target2–3" in text


@needs_font
@needs_pdftotext
def test_the_report_reads_like_a_clinic_document(tmp_path):
    from cdss.records.pdf_clinic import OverrideLine, ReportExtras

    patient = make_patient(tmp_path / "att", n_photos=0)
    extras = ReportExtras(clinic="杭州市第一人民医院 心内科门诊", doctor="王医生", overrides=(
        OverrideLine(dt.datetime(2023, 3, 2, 10, 5), "Simvastatin + Clarithromycin: myopathy", "Short course only",
                     "wangdoc"),))
    out = export_case_pdf(patient, patient.cases, tmp_path / "clinic.pdf", attachments=None, deidentified=False,
                          secret=None, labels_language="en", extras=extras, today=dt.date(2023, 3, 10))
    text = flat(pdf_text(out))
    assert "杭州市第一人民医院心内科门诊" in text and "Doctor:王医生" in text
    assert "Problemlist" in text and "I50.9" in text and "2023-03-01" in text
    assert "Currentmedications" in text and "呋塞米furosemide" in text and "20mgqd" in text
    assert "Safetyalertsoverridden" in text and "Shortcourseonly" in text and "wangdoc" in text
    assert "Doctor'ssignature:王医生" in text and "2023-03-10" in text  # the export date, identified report

    deid = export_case_pdf(patient, patient.cases, tmp_path / "deid.pdf", attachments=None, deidentified=True,
                           secret=b"k" * 32, labels_language="en", extras=extras, today=dt.date(2023, 3, 10))
    text = flat(pdf_text(deid))
    for leak in ("人民医院", "王医生", "wangdoc", "2023-03-10", "2023-03-02"):
        assert leak not in text, leak  # clinic, doctor, who overrode, real export and override dates left out
    assert "Safetyalertsoverridden" in text and "Doctor'ssignature:" in text
