"""Records benchmark: search latency on a big synthetic workspace, FTS5 versus a LIKE scan, the first list page,
the FHIR import rate and the PDF export time of a 50-entry case with 5 photos.

    .venv/bin/python bench/records.py                   # 10,000 patients / 200,000 entries
    .venv/bin/python bench/records.py --patients 2000   # smaller run (entries scale: 20 per patient)

The generator writes rows with executemany (the fast bulk path), then builds the search index with the same code the
service uses. Targets: search p50/p99 < 30 ms, first page of list_patients (50 rows) < 100 ms, PDF < 1 s.
Peers measured in the same run: a LIKE scan for search; ``json.loads`` of the same files for the FHIR import (the
floor any importer pays: parsing); a bare reportlab canvas drawing the same text and photos for the PDF (the floor
of the PDF library without layout, tables or charts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peers import like_scan_patient_ids  # noqa: E402  (bench/ is on sys.path when a bench runs)
from sqlalchemy import text  # noqa: E402

from cdss.records import search  # noqa: E402
from cdss.records.record_values import pinyin_of  # noqa: E402
from cdss.records.service import RecordsService  # noqa: E402
from cdss.workspace import Workspace  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国玉兰志淑珍秀慧红梅丹鹏飞宇浩然子涵欣怡晨"
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Susan", "William",
         "Sarah", "Thomas", "Helen", "George", "Anne", "Peter", "Margaret", "Richard", "Elizabeth"]
LAST = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Walker", "Wright", "Thompson", "Hughes",
        "Clarke", "Harris", "Martin", "Cooper", "Ward", "Morgan", "Baker", "Hill", "Wood"]
DIAGNOSES_ZH = [("社区获得性肺炎", "J18.9"), ("2型糖尿病", "E11.9"), ("原发性高血压", "I10"), ("心房颤动", "I48.9"),
                ("慢性肾脏病3期", "N18.3"), ("尿路感染", "N39.0"), ("慢性阻塞性肺疾病", "J44.9"), ("痛风", "M10.9")]
DIAGNOSES_EN = [("Community-acquired pneumonia", "J18.9"), ("Type 2 diabetes mellitus", "E11.9"),
                ("Essential hypertension", "I10"), ("Atrial fibrillation", "I48.9"),
                ("Chronic kidney disease stage 3", "N18.3"), ("Urinary tract infection", "N39.0"),
                ("Chronic obstructive pulmonary disease", "J44.9"), ("Gout", "M10.9")]
NOTES_ZH = [
    "患者诉咳嗽咳痰三天，伴发热", "血压控制尚可，继续原方案", "复查血常规，白细胞较前下降",
    "无胸痛，无呼吸困难", "睡眠饮食可，二便正常", "双下肢无水肿", "心率整齐，未闻及杂音",
    "嘱低盐低脂饮食，规律运动", "空腹血糖较前下降", "肾功能较前变化不大",
    "华法林剂量不变，复查INR", "症状明显好转，准予出院",
]
NOTES_EN = ["Cough with sputum for three days, with fever", "Blood pressure controlled, continue current plan",
            "Repeat blood count shows falling white cells", "No chest pain or breathlessness",
            "Sleeping and eating well", "No ankle oedema", "Heart sounds normal, no murmur",
            "Advised low-salt diet and regular exercise", "Fasting glucose improving",
            "Renal function stable", "Warfarin dose unchanged, recheck INR", "Much improved, discharged home"]
KINDS = ["complaint", "history", "exam", "test", "treatment", "medication", "progress", "progress", "note"]

QUERIES = ["张", "王伟", "肺炎", "糖尿病", "高血压", "华法林", "zw", "lj", "zhang", "pneumonia", "diabetes",
           "infections", "warfarin", "J18.9", "E11", "Smith", "Thompson", "ZY0001234", "MRN-07777", "低盐", "oedema",
           "hypertension control", "复查 INR", "discharged"]


def generate(ws: Workspace, patients: int, entries_per_patient: int = 20) -> None:
    rng = random.Random(7)
    now = dt.datetime(2025, 3, 1, 12)
    patient_rows, ident_rows, case_rows, entry_rows = [], [], [], []
    case_id = entry_id = 0
    for pid in range(1, patients + 1):
        chinese = pid % 2 == 0
        if chinese:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
            ident_rows.append((pid, "inpatient-no", f"ZY{pid:07d}"))
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            ident_rows.append((pid, "mrn", f"MRN-{pid:05d}"))
        pinyin, initials = pinyin_of(name)
        updated = now - dt.timedelta(minutes=rng.randint(0, 500_000))
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randint(0, 30_000))
        patient_rows.append((pid, name, pinyin, initials, rng.choice(["male", "female"]), birth, "", updated,
                             updated))
        diagnoses, notes = (DIAGNOSES_ZH, NOTES_ZH) if chinese else (DIAGNOSES_EN, NOTES_EN)
        for c in range(2):
            case_id += 1
            opened = (updated - dt.timedelta(days=400 - c * 200)).date()
            case_rows.append((case_id, pid, rng.choice(diagnoses)[0], opened, updated, updated))
            for e in range(entries_per_patient // 2):
                entry_id += 1
                at = dt.datetime.combine(opened, dt.time(9)) + dt.timedelta(days=e * 3)
                if e == 3:
                    dx, code = rng.choice(diagnoses)
                    entry_rows.append((entry_id, case_id, "diagnosis", at, dx, code, updated, updated))
                else:
                    body = "，".join(rng.sample(notes, 2)) if chinese else ". ".join(rng.sample(notes, 2))
                    entry_rows.append((entry_id, case_id, rng.choice(KINDS), at, body, None, updated, updated))
    with ws.engine.begin() as conn:
        raw = conn.connection.driver_connection
        raw.executemany("INSERT INTO patient(id, name, name_pinyin, name_initials, sex, birth_date, notes, "
                        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)", patient_rows)
        raw.executemany("INSERT INTO patient_identifier(patient_id, system, value) VALUES (?,?,?)", ident_rows)
        raw.executemany("INSERT INTO clinical_case(id, patient_id, title, opened_on, created_at, updated_at) "
                        "VALUES (?,?,?,?,?,?)", case_rows)
        raw.executemany("INSERT INTO entry(id, case_id, kind, occurred_at, text, icd10, created_at, updated_at) "
                        "VALUES (?,?,?,?,?,?,?,?)", entry_rows)
    with ws.unit_of_work() as session:
        search.rebuild_index(session)
        session.execute(text("INSERT INTO patient_fts(patient_fts) VALUES ('optimize')"))
    with ws.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def timed(fn, repeat: int = 1) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass(frozen=True)
class FhirFigures:
    bundles: int
    megabytes: float
    patients: int
    seconds: float  # read + map + store, every file
    read_seconds: float
    store_seconds: float
    parse_seconds: float  # the peer: json.loads of the same files


def fhir_import_figures(files: list[Path], workspace_root: Path) -> FhirFigures:
    """Import every bundle into an empty workspace the way ``cdss records import`` does (one transaction a file)."""
    import json

    from cdss.records.fhir_import import read_fhir_file

    ws = Workspace.open(workspace_root)
    service = RecordsService(ws)
    read_seconds = store_seconds = 0.0
    patients = 0
    for path in files:
        start = time.perf_counter()
        records = read_fhir_file(path)
        middle = time.perf_counter()
        patients += len(service.patients.save_records(records).added)
        read_seconds += middle - start
        store_seconds += time.perf_counter() - middle
    ws.close()
    start = time.perf_counter()
    for path in files:
        json.loads(path.read_bytes())
    parse_seconds = time.perf_counter() - start
    size = sum(path.stat().st_size for path in files) / 1e6
    return FhirFigures(len(files), size, patients, read_seconds + store_seconds, read_seconds, store_seconds,
                       parse_seconds)


@dataclass(frozen=True)
class PdfFigures:
    pages: int
    # First export in the process: imports, font registration and the photos' print renditions (made once, then
    # cached by content hash in the attachment store) included; p50 is what every later export costs.
    first_ms: float
    p50_ms: float
    peer_p50_ms: float


def _pdf_case(workspace: Workspace, entries: int, photos: int):
    """A stored patient with one case of ``entries`` timeline entries, ``photos`` of them JPEG photos, and labs."""
    import io

    from PIL import Image

    from cdss.records.attachment_intake import attach_bytes
    from cdss.records.attachments import AttachmentStore
    from cdss.records.types import Allergy, LabResult

    service = RecordsService(workspace)
    patient = service.patients.create("张三", birth_date=dt.date(1955, 6, 15))
    service.allergies.add(patient.id, Allergy("青霉素", "皮疹", "moderate", True))
    case = service.cases.create(patient.id, "慢性心力衰竭急性加重 Acute decompensated heart failure",
                               opened_on=dt.date(2024, 3, 1))
    start = dt.datetime(2024, 3, 1, 9)
    rng = random.Random(11)
    store = AttachmentStore.of(workspace)
    for i in range(photos):
        buffer = io.BytesIO()
        Image.new("RGB", (1600, 1200), (40 * i % 255, 120, 200 - 30 * i)).save(buffer, "JPEG", quality=85)
        attach_bytes(service, store, case.id, buffer.getvalue(), f"photo-{i + 1}.jpg",
                     occurred_at=start + dt.timedelta(days=i, hours=3))
    for i in range(entries - photos):
        text = "，".join(rng.sample(NOTES_ZH, 3)) + "。" + ". ".join(rng.sample(NOTES_EN, 2)) + "."
        service.cases.add_entry(case.id, rng.choice(KINDS), text, occurred_at=start + dt.timedelta(hours=7 * i))
    for i in range(8):
        service.labs.add(patient.id, LabResult("NT-proBNP", start + dt.timedelta(days=2 * i), 4500 - 500 * i,
                                              unit="pg/mL", ref_high=125), case_id=case.id)
    return service.patients.get(patient.id)


def _bare_reportlab(out: Path, font_name: str, lines: list[str], images: list[Path]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(out), pagesize=A4)
    y = 800
    for line in lines:
        pdf.setFont(font_name, 9)
        pdf.drawString(40, y, line[:90])
        y -= 14
        if y < 60:
            pdf.showPage()
            y = 800
    for image in images:
        pdf.drawImage(str(image), 40, 300, width=240, height=180)
        pdf.showPage()
    pdf.save()


def pdf_export_figures(workspace_root: Path, entries: int, photos: int, rounds: int = 5) -> PdfFigures:
    from cdss.records.attachments import AttachmentStore, attachment_path
    from cdss.records.pdf_fonts import find_cjk_font
    from cdss.records.pdf_report import export_case_pdf

    workspace = Workspace.open(workspace_root)
    patient = _pdf_case(workspace, entries, photos)
    out = workspace_root / "case.pdf"

    def ours() -> None:
        export_case_pdf(patient, patient.cases, out, attachments=AttachmentStore.of(workspace), deidentified=False,
                        secret=None)

    first = timed(ours)[0]
    samples = timed(ours, rounds)
    font = find_cjk_font()
    case = patient.cases[0]
    lines = [e.text for e in case.entries if e.text]
    images = [attachment_path(workspace.attachments_dir, e.attachment.sha256) for e in case.entries if e.attachment]
    peer = timed(lambda: _bare_reportlab(workspace_root / "bare.pdf", font.name, lines, images), rounds)
    pages = out.read_bytes().count(b"/Type /Page") - out.read_bytes().count(b"/Type /Pages")
    workspace.close()
    return PdfFigures(pages, first, percentile(samples, 50), percentile(peer, 50))


DEFAULT_FHIR_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "synthea-fhir-r4" / "bundles"


def print_ui_first_page(root: Path, service_first_page: list[float]) -> None:
    """The Records room's own list model: reload (count + first page + alert badges) and the 50 cards' texts read
    as the view paints them, next to the bare service call measured above."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt

    from cdss.app import build_main_window

    _app, window = build_main_window(root, language="en")
    window.show_room("records")
    page = window.room_pages["records"]
    model = page.model

    def first_page() -> None:
        model.reload()
        for row in range(min(50, model.rowCount())):
            model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)

    first_page()  # warm-up, as above
    samples = timed(first_page, 20)
    print(f"UI list model first page (50)    p50 {percentile(samples, 50):6.2f} ms   max {max(samples):6.2f} ms   "
          f"(target < 100 ms; {model.total} patients) | ratio to the service call "
          f"{percentile(samples, 50) / percentile(service_first_page, 50):.2f}x")
    window.ctx.tasks.wait_all()
    window.close()
    window.ctx.workspace.close()


def print_fhir_import(folder: Path, scratch: Path) -> None:
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        print(f"FHIR import: skipped (no bundles in {folder})")
        return
    figures = fhir_import_figures(files, scratch / "fhir-ws")
    print(f"FHIR import ({figures.bundles} bundles, {figures.megabytes:.0f} MB, {figures.patients} patients): "
          f"{figures.seconds:.2f} s = {figures.bundles / figures.seconds:.1f} bundles/s "
          f"(read+map {figures.read_seconds:.2f} s, store {figures.store_seconds:.2f} s)")
    print(f"  peer json.loads only           {figures.parse_seconds:.2f} s = "
          f"{figures.bundles / figures.parse_seconds:.1f} bundles/s; ratio import / parse "
          f"{figures.seconds / figures.parse_seconds:.1f}x")


def print_pdf_export(scratch: Path) -> None:
    from cdss.errors import UserError

    try:
        figures = pdf_export_figures(scratch / "pdf-ws", entries=50, photos=5)
    except UserError as error:  # no CJK TrueType font on this machine
        print(f"PDF export: skipped ({error})")
        return
    print(f"PDF export (50 entries, 5 photos, {figures.pages} pages)  first {figures.first_ms:6.0f} ms   "
          f"p50 {figures.p50_ms:6.0f} ms   (target < 1000 ms)")
    print(f"  peer bare reportlab canvas     p50 {figures.peer_p50_ms:6.0f} ms; ratio ours / bare "
          f"{figures.p50_ms / figures.peer_p50_ms:.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5, help="times each query is run")
    parser.add_argument("--workspace", type=Path, default=None, help="keep the generated workspace here")
    parser.add_argument("--fhir-dir", type=Path, default=DEFAULT_FHIR_DIR,
                        help="folder of FHIR R4 bundles for the import rate (default: the shared Synthea subset)")
    args = parser.parse_args()

    root = args.workspace or Path(tempfile.mkdtemp(prefix="cdss-bench-records-")) / "ws"
    ws = Workspace.open(root)
    start = time.perf_counter()
    generate(ws, args.patients)
    with ws.unit_of_work() as session:
        entries = session.execute(text("SELECT count(*) FROM entry")).scalar_one()
    print(f"generated {args.patients} patients / {entries} entries (with index) in {time.perf_counter() - start:.1f} s")

    service = RecordsService(ws, today=lambda: dt.date(2025, 3, 1))
    # Warm-up: the first call compiles SQLAlchemy statements (~20-40 ms, once per process), not what a user waits for
    # on each keystroke.
    service.patients.page(0, 50, search="a")
    service.patients.count("a")

    fts, fts_page, like, hits = [], [], [], []
    slowest = (0.0, "")
    for query in QUERIES:
        with ws.unit_of_work() as session:
            fts += timed(lambda q=query, s=session: search.search_patient_ids(s, q, 0, 50), args.rounds)
            like += timed(lambda q=query, s=session: like_scan_patient_ids(s, q), 1)
            hits.append(len(search.search_patient_ids(session, query)))
        samples = timed(lambda q=query: (service.patients.page(0, 50, search=q), service.patients.count(q)),
                        args.rounds)
        fts_page += samples
        slowest = max(slowest, (max(samples), query))
    first_page = timed(lambda: service.patients.page(0, 50), 20)
    deep_page = timed(lambda: service.patients.page(args.patients - 60, 50), 5)

    print(f"queries: {len(QUERIES)} (Chinese names/diagnoses/pinyin, English words, ICD-10, identifiers); "
          f"median hits {statistics.median(hits):.0f}")
    print(f"FTS search (top 50 ids)          p50 {percentile(fts, 50):6.2f} ms   p99 {percentile(fts, 99):6.2f} ms")
    print(f"list_patients(search) + count    p50 {percentile(fts_page, 50):6.2f} ms   "
          f"p99 {percentile(fts_page, 99):6.2f} ms   (target < 30 ms; slowest {slowest[0]:.1f} ms for {slowest[1]!r})")
    print(f"LIKE scan (same queries)         p50 {percentile(like, 50):6.2f} ms   p99 {percentile(like, 99):6.2f} ms")
    print(f"ratio LIKE / FTS (mean per query) {statistics.mean(like) / statistics.mean(fts):.1f}x")
    print(f"list_patients first page (50)    p50 {percentile(first_page, 50):6.2f} ms   "
          f"max {max(first_page):6.2f} ms   (target < 100 ms)")
    print(f"list_patients last page (50)     p50 {percentile(deep_page, 50):6.2f} ms")
    print_ui_first_page(root, first_page)
    print_fhir_import(args.fhir_dir, root.parent)
    print_pdf_export(root.parent)
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
