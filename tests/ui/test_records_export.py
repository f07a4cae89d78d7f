"""Export the open case to PDF (de-identified or not) and to FHIR, on the read pool, with the workspace secret."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest

from cdss.errors import UserError
from cdss.records.deid_secret import workspace_secret
from cdss.records.pdf_fonts import find_cjk_font
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind
from tests.ui.conftest import settle


def _has_cjk_font() -> bool:
    try:
        find_cjk_font()
    except UserError:
        return False
    return True


@pytest.fixture()
def opened(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    patient = service.patients.create("张三", birth_date=dt.date(1960, 3, 1))
    case = service.cases.create(patient.id, "社区获得性肺炎", opened_on=dt.date(2024, 5, 1))
    service.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "社区获得性肺炎", icd10="J18.9",
                      occurred_at=dt.datetime(2024, 5, 1, 9, 0))
    page = main_window.room_pages["records"]
    page.search()
    settle(qtbot, page.ctx.tasks)
    return main_window, page, case


def test_deid_secret_is_created_once_private_and_reused(main_window):
    workspace = main_window.ctx.workspace
    first = workspace_secret(workspace)
    path = workspace.subdir("exchange") / "deid-secret"
    assert len(first) == 32 and path.read_bytes() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert workspace_secret(workspace) == first
    path.write_bytes(b"short")
    with pytest.raises(UserError) as caught:
        workspace_secret(workspace)
    assert caught.value.code == "deid_secret_damaged"


def test_fhir_export_writes_a_bundle(qtbot, opened, tmp_path):
    _window, page, case = opened
    out = tmp_path / "case.json"
    handle = page.export.export_fhir(out)
    with qtbot.waitSignal(handle.done, timeout=10_000):
        pass
    assert handle.error is None, handle.error
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    assert "J18.9" in out.read_text(encoding="utf-8")
    assert str(out) in page.export.export_status


def test_fhir_export_to_a_missing_folder_is_a_user_error(qtbot, opened, tmp_path):
    window, page, _case = opened
    shown = []
    window.ctx.tasks.default_error_handler = shown.append
    handle = page.export.export_fhir(tmp_path / "nope" / "case.json")
    with qtbot.waitSignal(handle.done, timeout=10_000):
        pass
    assert isinstance(handle.error, UserError) and handle.error.code == "export_folder_missing"
    assert shown and shown[0] is handle.error


def test_pdf_export_deidentified_uses_the_workspace_secret(qtbot, opened, tmp_path):
    window, page, _case = opened
    shown = []
    window.ctx.tasks.default_error_handler = shown.append
    out = tmp_path / "case.pdf"
    handle = page.export.export_pdf(out, deidentified=True)
    with qtbot.waitSignal(handle.done, timeout=30_000):
        pass
    if not _has_cjk_font():
        # No Chinese font on this machine: the user gets the coded, translatable error and no half-written file.
        assert isinstance(handle.error, UserError) and handle.error.code == "no_cjk_font" and shown
        assert not out.exists()
        return
    assert handle.error is None, handle.error
    assert out.read_bytes().startswith(b"%PDF")
    assert (window.ctx.workspace.subdir("exchange") / "deid-secret").exists()
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "张三" not in text


def test_export_buttons_follow_the_open_patient(qtbot, main_window):
    page = main_window.room_pages["records"]
    page.search()
    settle(qtbot, page.ctx.tasks)
    assert not page.export.pdf_button.isEnabled() and not page.export.fhir_button.isEnabled()
    assert page.export.export_pdf(main_window.ctx.workspace.root / "x.pdf", deidentified=False) is None


@pytest.mark.skipif(not _has_cjk_font(), reason="no CJK TrueType font (fonts-wqy-microhei) installed")
def test_export_remembers_deidentified_choice_and_prints_clinic_from_settings(qtbot, opened, tmp_path):
    import subprocess

    from cdss.ui.records.page import RecordsPage
    from cdss.ui.settings_dialog import SettingsDialog

    window, page, case = opened
    assert page.export.deidentify_check.isChecked()  # the safer choice first
    page.export.deidentify_check.setChecked(False)
    assert RecordsPage(window.ctx).export.deidentify_check.isChecked() is False  # remembered for the next export
    dialog = SettingsDialog(window.ctx, window)
    dialog.clinic_edit.setText("仁济医院 呼吸科")
    dialog.clinic_edit.editingFinished.emit()
    dialog.doctor_edit.setText("李医生")
    dialog.doctor_edit.editingFinished.emit()
    dialog.close()
    handle = page.export.export_pdf(tmp_path / "case.pdf", deidentified=page.export.deidentify_check.isChecked())
    qtbot.waitUntil(lambda: handle.is_done, timeout=20000)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "case.pdf"), "-"], capture_output=True,
                          check=True).stdout.decode()
    flat = "".join(text.split())
    assert "仁济医院呼吸科" in flat and "李医生" in flat and "J18.9" in flat
