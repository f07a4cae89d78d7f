"""Case report PDF: patient header, then per case its timeline, labs with trend charts, photos and follow-ups.

reportlab is imported inside functions so importing this module stays cheap. Chinese text needs an embedded CJK
TrueType font (see :mod:`cdss.records.pdf_fonts`). With ``deidentified=True`` the PDF is built from the output of
:func:`cdss.records.deidentify.deidentify`, and photos are always re-encoded from pixels so no EXIF/GPS reaches the
PDF (reportlab would otherwise copy a JPEG's bytes, metadata included).

Photos come from the workspace's :class:`AttachmentStore` (which decrypts them in an encrypted workspace).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from cdss.errors import UserError
from cdss.progress import Progress, ensure_progress
from cdss.records.attachments import AttachmentStore
from cdss.records.charts import trend_drawing, trend_series
from cdss.records.pdf_clinic import ClinicSections, ReportExtras
from cdss.records.pdf_fonts import find_cjk_font
from cdss.records.targets import target_for, target_ranges
from cdss.records.types import Case, Entry, EntryKind, LabResult, PatientRecord, Sex, age_on

THUMB_PX = 480  # long side of the embedded photo: sharp at ~55 mm wide, small in the file
PHOTOS_PER_ROW = 3


# Report labels live here, not in Qt .ts files: this module is Qt-free and also runs from the CLI.
LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "病例报告",
        "deid_banner": "本报告已去标识化：姓名、证件号、联系方式及详细地址已删除，所有日期按同一随机偏移平移。",
        "footer": "CDSS Desk 病例报告 · 含患者身份信息，请妥善保管", "footer_deid": "CDSS Desk 病例报告 · 已去标识化",
        "page": "第 {n} / {total} 页", "name": "姓名", "sex": "性别", "age": "年龄", "birth_date": "出生日期",
        "identifiers": "证件/编号", "phone": "电话", "address": "地址", "exported": "导出日期", "notes": "备注",
        "allergies": "过敏史", "substance": "过敏原", "reaction": "反应", "severity": "严重程度", "date": "日期",
        "medications": "用药", "drug": "药品", "dose": "剂量", "route": "途径", "period": "时间", "status": "状态",
        "active": "在用", "stopped": "已停", "none_recorded": "无记录", "tags": "标签", "timeline": "病程时间线",
        "kind": "类别", "content": "内容", "labs": "检验结果", "test": "项目", "result": "结果", "unit": "单位",
        "reference": "参考范围", "target": "目标", "trends": "趋势图", "photos": "图片",
        "photo_missing": "（图片文件缺失）",
        "follow_ups": "随访", "due": "计划日期", "note": "内容", "done": "已完成", "pending": "待随访",
    },
    "en": {
        "title": "Case report", "deid_banner": "De-identified report: names, identifiers, contact details and "
        "detailed addresses removed; all dates shifted by one random offset.",
        "footer": "CDSS Desk case report · contains patient identifiers, keep confidential",
        "footer_deid": "CDSS Desk case report · de-identified", "page": "Page {n} of {total}", "name": "Name",
        "sex": "Sex", "age": "Age", "birth_date": "Born", "identifiers": "Identifiers", "phone": "Phone",
        "address": "Address", "exported": "Exported", "notes": "Notes", "allergies": "Allergies",
        "substance": "Substance", "reaction": "Reaction", "severity": "Severity", "date": "Date",
        "medications": "Medications", "drug": "Drug", "dose": "Dose", "route": "Route", "period": "Period",
        "status": "Status", "active": "active", "stopped": "stopped", "none_recorded": "None recorded.",
        "tags": "Tags", "timeline": "Timeline", "kind": "Kind", "content": "Content", "labs": "Laboratory results",
        "test": "Test", "result": "Result", "unit": "Unit", "reference": "Reference", "target": "target",
        "trends": "Trends",
        "photos": "Photos", "photo_missing": "(photo file missing)", "follow_ups": "Follow-ups", "due": "Due",
        "note": "Note", "done": "done", "pending": "pending",
    },
}  # fmt: skip
_KIND_LABELS = {
    EntryKind.COMPLAINT: ("主诉", "Complaint"), EntryKind.HISTORY: ("病史", "History"),
    EntryKind.EXAM: ("查体", "Exam"), EntryKind.TEST: ("辅助检查", "Tests"), EntryKind.DIAGNOSIS: ("诊断", "Diagnosis"),
    EntryKind.TREATMENT: ("治疗", "Treatment"), EntryKind.MEDICATION: ("用药", "Medication"),
    EntryKind.PROGRESS: ("病程", "Progress"), EntryKind.ATTACHMENT: ("图片/文件", "Attachment"),
    EntryKind.FOLLOW_UP: ("随访", "Follow-up"), EntryKind.NOTE: ("备注", "Note"),
}  # fmt: skip
# Identifier systems and routes as people read them; an unknown system or route is printed as recorded.
_ID_SYSTEM_LABELS = {
    "cn-resident-id": ("居民身份证", "Resident ID"), "inpatient-no": ("住院号", "Inpatient no."),
    "outpatient-no": ("门诊号", "Outpatient no."), "record-no": ("病案号", "Record no."),
    "insurance-no": ("医保号", "Insurance no."), "mrn": ("病历号", "MRN"),
}
_ROUTE_LABELS = {
    "oral": ("口服", "oral"), "po": ("口服", "oral"), "iv": ("静脉", "IV"), "intravenous": ("静脉", "IV"),
    "im": ("肌注", "IM"), "intramuscular": ("肌注", "IM"), "sc": ("皮下", "SC"), "subcutaneous": ("皮下", "SC"),
    "inhaled": ("吸入", "inhaled"), "inhalation": ("吸入", "inhaled"), "topical": ("外用", "topical"),
    "rectal": ("直肠", "rectal"), "sublingual": ("舌下", "sublingual"), "transdermal": ("经皮", "transdermal"),
}


def _localised(table: dict[str, tuple[str, str]], value: str | None, language: str) -> str:
    if not value:
        return ""
    names = table.get(value.strip().casefold())
    return (names[0] if language == "zh" else names[1]) if names else value


_SEX_LABELS = {Sex.MALE: ("男", "male"), Sex.FEMALE: ("女", "female"), Sex.OTHER: ("其他", "other"),
               Sex.UNKNOWN: ("未知", "unknown")}  # fmt: skip


def kind_label(kind: EntryKind, language: str) -> str:
    zh, en = _KIND_LABELS.get(kind, (str(kind), str(kind)))
    return zh if language == "zh" else en


def sex_label(sex: Sex, language: str) -> str:
    zh, en = _SEX_LABELS.get(sex, (str(sex), str(sex)))
    return zh if language == "zh" else en


def _default_case_key(cases: Sequence[Case]) -> str:
    if cases and all(c.id is not None for c in cases):
        return "case:" + ",".join(str(c.id) for c in cases)
    basis = "|".join(f"{c.title}|{c.opened_on.isoformat()}" for c in cases)
    return "case-sha:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def export_case_pdf(
    patient: PatientRecord,
    cases: Sequence[Case],
    out_path: Path,
    *,
    attachments: AttachmentStore | None,
    deidentified: bool,
    secret: bytes | None,
    font_path: Path | None = None,
    labels_language: Literal["zh", "en"] = "zh",
    case_key: str | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    extras: ReportExtras | None = None,
) -> Path:
    """Write the report for ``cases`` of ``patient`` to ``out_path`` (atomically) and return the path.

    ``case_key`` fixes the de-identification date shift (default: derived from the case ids), so exporting the same
    case twice shifts its dates the same way. ``secret`` is required when ``deidentified``.
    """
    progress = ensure_progress(progress)
    if labels_language not in LABELS:
        raise UserError("bad_language", "The report language must be 'zh' or 'en'.", language=labels_language)
    today = today or dt.date.today()
    record = replace(patient, cases=tuple(cases))
    if deidentified:
        if not secret:
            raise UserError("deid_secret_missing", "A de-identified export needs the workspace secret.")
        from cdss.records.deidentify import deidentify

        record = deidentify(record, secret, case_key=case_key or _default_case_key(cases), today=today).record
    font = find_cjk_font(font_path)
    labels = LABELS[labels_language]
    out_path = Path(out_path)
    if not out_path.parent.is_dir():
        raise UserError("export_folder_missing", "The folder to save the PDF in does not exist.", folder=str(out_path))
    builder = _ReportBuilder(font.name, labels, labels_language, attachments, deidentified, today, progress)
    story = builder.build(record, extras or ReportExtras())
    # Written beside the target and renamed into place: a crash or cancel never leaves half a PDF under its name.
    tmp_name = out_path.with_name(f".{out_path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        _write(story, Path(tmp_name), font.name, labels, deidentified)
        os.replace(tmp_name, out_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return out_path


def _write(story: list, path: Path, font_name: str, labels: dict[str, str], deidentified: bool) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    footer_left = labels["footer_deid"] if deidentified else labels["footer"]
    page_text = labels["page"]

    class NumberedCanvas(Canvas):
        """Defers each page so the footer can say 'page n of N' once N is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(font_name, 7.5)
                self.setFillGray(0.45)
                self.drawString(18 * mm, 10 * mm, footer_left)
                self.drawRightString(A4[0] - 18 * mm, 10 * mm, page_text.format(n=number, total=total))
                super().showPage()
            super().save()

    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=labels["title"],
        author="CDSS Desk",
        creator="CDSS Desk",
    )
    doc.build(story, canvasmaker=NumberedCanvas)


def _text(value: str) -> str:
    """Escape for reportlab's mini-markup and keep line breaks."""
    return escape(value).replace("\r\n", "\n").replace("\n", "<br/>")


class _ReportBuilder:
    def __init__(
        self,
        font_name: str,
        labels: dict[str, str],
        language: str,
        attachments: AttachmentStore | None,
        deidentified: bool,
        today: dt.date,
        progress: Progress,
    ) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        self.font = font_name
        self.labels = labels
        self.language = language
        self.attachments = attachments
        self.deidentified = deidentified
        self.today = today
        self.progress = progress
        self.targets: dict = {}  # the patient's therapeutic targets, set by build()
        self.colors = colors
        base = ParagraphStyle("base", fontName=font_name, fontSize=9, leading=12.5, wordWrap="CJK")
        self.styles = {
            "body": base,
            "small": ParagraphStyle(
                "small", parent=base, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")
            ),
            "title": ParagraphStyle("title", parent=base, fontSize=17, leading=22, spaceAfter=4),
            "h1": ParagraphStyle(
                "h1",
                parent=base,
                fontSize=13,
                leading=17,
                spaceBefore=10,
                spaceAfter=4,
                textColor=colors.HexColor("#1F3F6B"),
            ),  # fmt: skip
            "h2": ParagraphStyle(
                "h2",
                parent=base,
                fontSize=10.5,
                leading=14,
                spaceBefore=8,
                spaceAfter=3,
                textColor=colors.HexColor("#1F3F6B"),
            ),  # fmt: skip
            "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
            "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=11.5, textColor=colors.white),
            "banner": ParagraphStyle(
                "banner", parent=base, fontSize=8.5, leading=11.5, textColor=colors.HexColor("#7A4B00")
            ),  # fmt: skip
        }

    # -- helpers --------------------------------------------------------------------------------------------------
    def p(self, text: str, style: str = "body"):
        from reportlab.platypus import Paragraph

        return Paragraph(_text(text), self.styles[style])

    def heading(self, text: str, style: str = "h2", room_mm: float = 28) -> list:
        """A heading that moves to the next page unless ``room_mm`` is left below it, so it is never orphaned."""
        from reportlab.lib.units import mm
        from reportlab.platypus import CondPageBreak

        return [CondPageBreak(room_mm * mm), self.p(text, style)]

    def table(self, header: list[str], rows: list[list], widths: list[float]):
        from reportlab.platypus import Table, TableStyle

        data = [[self.p(h, "head") for h in header], *rows]
        table = Table(data, colWidths=widths, repeatRows=1)
        c = self.colors
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), c.HexColor("#3B5F8A")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [c.white, c.HexColor("#F3F6FA")]),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, c.HexColor("#C9D3DF")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return table

    def L(self, key: str) -> str:  # noqa: N802 - short on purpose, used on every line
        return self.labels[key]

    # -- sections -------------------------------------------------------------------------------------------------
    def build(self, record: PatientRecord, extras: ReportExtras | None = None) -> list:
        from reportlab.platypus import Spacer

        self.targets = target_ranges(record)
        clinic = ClinicSections(self, extras or ReportExtras())
        story: list = [self.p(self.L("title"), "title"), *clinic.heading_lines()]
        if self.deidentified:
            story.append(self.p(self.L("deid_banner"), "banner"))
        story += self.header(record)
        story += clinic.problems(record)
        story += clinic.current_medications(record)
        story += self.allergies_and_medications(record)
        total = len(record.cases)
        for number, case in enumerate(record.cases, start=1):
            self.progress.update(number - 1, total, case.title)
            story += self.case(case)
            story.append(Spacer(1, 6))
        story += clinic.overrides()
        story += clinic.signature()
        self.progress.update(total, total, "")
        return story

    def route_text(self, route: str | None) -> str:
        return _localised(_ROUTE_LABELS, route, self.language)

    def _age(self, record: PatientRecord) -> str:
        if record.extra.get("age_group") == "90+":
            return "90+"
        if record.birth_date is None:
            return "—"
        if record.extra.get("birth_date_precision") == "year":
            age = self.today.year - record.birth_date.year
            return "90+" if age > 89 else f"{age - 1}–{age}" if age > 0 else str(age)
        age = age_on(record.birth_date, self.today)
        return "90+" if self.deidentified and age > 89 else str(age)

    def header(self, record: PatientRecord) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import Table, TableStyle

        birth = "—"
        if record.extra.get("age_group") == "90+":
            birth = "90+"
        elif record.birth_date is not None:
            precise = record.extra.get("birth_date_precision") != "year"
            birth = record.birth_date.isoformat() if precise else str(record.birth_date.year)
        idents = "; ".join(f"{_localised(_ID_SYSTEM_LABELS, i.system, self.language)}: {i.value}"
                           for i in record.identifiers) or "—"
        rows = [
            (self.L("name"), record.name, self.L("sex"), sex_label(record.sex, self.language)),
            (self.L("age"), self._age(record), self.L("birth_date"), birth),
            (self.L("identifiers"), idents, self.L("phone"), record.phone or "—"),
            # A de-identified report leaves the export date out on purpose: beside shifted dates, the real one
            # would help undo the shift.
            (self.L("address"), record.address or "—", self.L("exported"),
             "—" if self.deidentified else self.today.isoformat()),
        ]
        data = [[self.p(a, "small"), self.p(b), self.p(c, "small"), self.p(d)] for a, b, c, d in rows]
        table = Table(data, colWidths=[22 * mm, 70 * mm, 22 * mm, 60 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.5, self.colors.HexColor("#9FB0C4")),
                    ("BACKGROUND", (0, 0), (-1, -1), self.colors.HexColor("#F7F9FC")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        out = [table]
        if record.notes.strip():
            out.append(self.p(f"{self.L('notes')}: {record.notes}", "small"))
        return out

    def allergies_and_medications(self, record: PatientRecord) -> list:
        from reportlab.lib.units import mm

        out: list = []
        out += self.heading(self.L("allergies"))
        if record.allergies:
            rows = [
                [self.p(a.substance, "cell"), self.p(a.reaction or "", "cell"), self.p(a.severity or "", "cell"),
                 self.p(a.recorded_on.isoformat() if a.recorded_on else "", "cell")]
                for a in record.allergies
            ]  # fmt: skip
            header = [self.L("substance"), self.L("reaction"), self.L("severity"), self.L("date")]
            out.append(self.table(header, rows, [50 * mm, 60 * mm, 30 * mm, 34 * mm]))
        else:
            out.append(self.p(self.L("none_recorded"), "small"))
        out += self.heading(self.L("medications"))
        if record.medications:
            rows = []
            for m in record.medications:
                period = " – ".join(d.isoformat() if d else "" for d in (m.start, m.end)) if m.start or m.end else ""
                status = self.L("active") if m.active else self.L("stopped")
                route = self.route_text(m.route)
                rows.append([self.p(m.name, "cell"), self.p(m.dose or "", "cell"), self.p(route, "cell"),
                             self.p(period, "cell"), self.p(status, "cell")])  # fmt: skip
            header = [self.L("drug"), self.L("dose"), self.L("route"), self.L("period"), self.L("status")]
            out.append(self.table(header, rows, [46 * mm, 38 * mm, 20 * mm, 50 * mm, 20 * mm]))
        else:
            out.append(self.p(self.L("none_recorded"), "small"))
        return out

    def case(self, case: Case) -> list:
        from reportlab.lib.units import mm

        period = case.opened_on.isoformat() + (f" – {case.closed_on.isoformat()}" if case.closed_on else "")
        out: list = [*self.heading(case.title, "h1", room_mm=45), self.p(f"{self.L('period')}: {period}", "small")]
        if case.tags:
            out.append(self.p(f"{self.L('tags')}: {', '.join(case.tags)}", "small"))
        entries = sorted(case.entries, key=lambda e: e.occurred_at)
        out += self.heading(self.L("timeline"))
        if entries:
            rows = [self._timeline_row(e) for e in entries]
            header = [self.L("date"), self.L("kind"), self.L("content"), "ICD-10"]
            out.append(self.table(header, rows, [27 * mm, 18 * mm, 111 * mm, 18 * mm]))
        else:
            out.append(self.p(self.L("none_recorded"), "small"))
        labs = sorted(case.all_labs(), key=lambda lab: lab.taken_at)
        if labs:
            out += self.heading(self.L("labs"))
            out.append(self.table(
                [self.L("test"), self.L("result"), self.L("unit"), self.L("reference"), self.L("date")],
                [self._lab_row(lab) for lab in labs], [52 * mm, 28 * mm, 26 * mm, 30 * mm, 38 * mm]))  # fmt: skip
            out += self.trend_charts(labs)
        photos = [e for e in entries if e.attachment is not None and e.attachment.media_type.startswith("image/")]
        if photos:
            out += self.heading(self.L("photos"), room_mm=72)
            out.append(self.photo_grid(photos))
        if case.follow_ups:
            out += self.heading(self.L("follow_ups"))
            rows = [[self.p(f.due.isoformat(), "cell"), self.p(f.note, "cell"),
                     self.p(self.L("done") if f.done else self.L("pending"), "cell")]
                    for f in sorted(case.follow_ups, key=lambda f: f.due)]  # fmt: skip
            out.append(
                self.table([self.L("due"), self.L("note"), self.L("status")], rows, [30 * mm, 124 * mm, 20 * mm])
            )
        return out

    def _timeline_row(self, e: Entry) -> list:
        text = e.text
        if e.attachment is not None and not text:
            text = e.attachment.caption or e.attachment.filename
        if e.lab is not None:
            text = (text + "\n" if text else "") + _lab_summary(e.lab)
        when = e.occurred_at.strftime("%Y-%m-%d %H:%M") if (e.occurred_at.hour, e.occurred_at.minute) != (0, 0) else (
            e.occurred_at.strftime("%Y-%m-%d"))  # fmt: skip
        return [self.p(when, "cell"), self.p(kind_label(e.kind, self.language), "cell"), self.p(text, "cell"),
                self.p(e.icd10 or "", "cell")]  # fmt: skip

    def _lab_row(self, lab: LabResult) -> list:
        value = lab.value_text or (f"{lab.value:g}" if lab.value is not None else "")
        flag = ""
        target = target_for(lab, self.targets)
        if target is not None:  # the patient's therapeutic target decides the arrow, not the laboratory's range
            flag = {"below": " ↓", "above": " ↑"}.get(target.position(lab.value) or "", "")
        elif lab.value is not None and lab.ref_high is not None and lab.value > lab.ref_high:
            flag = " ↑"
        elif lab.value is not None and lab.ref_low is not None and lab.value < lab.ref_low:
            flag = " ↓"
        ref = ""
        if lab.ref_low is not None or lab.ref_high is not None:
            ref = _reference_range(lab.ref_low, lab.ref_high)
        if target is not None:
            ref = (ref + "; " if ref else "") + f"{self.L('target')} {target.text()}"
        return [self.p(lab.name, "cell"), self.p(value + flag, "cell"), self.p(lab.unit or "", "cell"),
                self.p(ref, "cell"), self.p(lab.taken_at.strftime("%Y-%m-%d %H:%M"), "cell")]  # fmt: skip

    def trend_charts(self, labs: list[LabResult]) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import Table, TableStyle

        series = trend_series(labs, targets=self.targets)
        if not series:
            return []
        drawings = [trend_drawing(s, self.font, width=84 * mm, height=46 * mm) for s in series]
        rows = [drawings[i : i + 2] + [""] * (2 - len(drawings[i : i + 2])) for i in range(0, len(drawings), 2)]
        table = Table(rows, colWidths=[87 * mm, 87 * mm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4)]))
        return [*self.heading(self.L("trends"), room_mm=62), table]

    def photo_grid(self, photos: list[Entry]):
        from reportlab.lib.units import mm
        from reportlab.platypus import Table, TableStyle

        width = 56 * mm
        cells = []
        for e in photos:
            att = e.attachment
            assert att is not None
            caption = f"{e.occurred_at.strftime('%Y-%m-%d')} {att.caption or att.filename}"
            cells.append([self._thumbnail(att.sha256, width), self.p(caption, "small")])
        rows = []
        for i in range(0, len(cells), PHOTOS_PER_ROW):
            chunk = cells[i : i + PHOTOS_PER_ROW]
            rows.append(chunk + [""] * (PHOTOS_PER_ROW - len(chunk)))
        table = Table(rows, colWidths=[58 * mm] * PHOTOS_PER_ROW)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 1)]))
        return table

    def _thumbnail(self, sha256: str, width: float):
        """The photo re-encoded from pixels (no metadata), or a note when the file is missing or unreadable.

        The print-size JPEG is cached in the attachment store by content hash, so exporting again (or another case
        with the same photo) reuses it instead of decoding and shrinking a 10-megapixel original every time.
        """
        from PIL import Image as PILImage
        from PIL import UnidentifiedImageError
        from reportlab.platypus import Image

        if self.attachments is None:
            return self.p(self.L("photo_missing"), "small")
        try:
            rendition = self.attachments.print_rendition(sha256, THUMB_PX)
            if rendition is None:
                return self.p(self.L("photo_missing"), "small")
            source = io.BytesIO(rendition)
            with PILImage.open(source) as image:  # reads the header only, for the aspect ratio
                w, h = image.size
        except (OSError, UnidentifiedImageError, UserError, ValueError):
            return self.p(self.L("photo_missing"), "small")
        source.seek(0)
        height = width * h / w
        max_height = width * 1.2
        if height > max_height:
            width, height = max_height * w / h, max_height
        return Image(source, width=width, height=height)


def _lab_summary(lab: LabResult) -> str:
    value = lab.value_text or (f"{lab.value:g}" if lab.value is not None else "")
    return f"{lab.name}: {value} {lab.unit or ''}".strip()


def _reference_range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g}–{high:g}"
    return f"≤ {high:g}" if high is not None else f"≥ {low:g}" if low is not None else ""
