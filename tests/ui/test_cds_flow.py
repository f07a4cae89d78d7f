"""Decision support in a case, end to end on a demo patient: prescribe an interacting drug, get interrupted, override
with a monitoring reason (→ follow-up + timeline entry + audit), not be interrupted twice for the same pair, and see a
renal alert appear on the case after a creatinine rise. Alert statistics then show up in the Drugs room."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cdss.db.models import AuditLogRow
from cdss.records.demo import seed
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, LabResult, Medication


@pytest.fixture()
def warfarin_patient(qtbot, main_window):
    """An English demo patient with atrial fibrillation on warfarin, plus simvastatin and a recorded weight."""
    workspace = main_window.ctx.workspace
    seed(workspace)
    service = RecordsService(workspace)
    patient = case = None
    for summary in service.patients.page(0, 100):
        record = service.patients.get(summary.id)
        case = next((c for c in record.cases if c.title == "Atrial fibrillation on warfarin"), None)
        if case is not None:
            patient = record
            break
    assert patient is not None, "the demo seeds an English warfarin patient"
    assert any(m.name == "warfarin" and m.active for m in patient.medications)
    service.medications.add(patient.id, Medication("Simvastatin 20 MG Oral Tablet", "20 mg qn"))
    service.labs.add(patient.id, LabResult("Body Weight", dt.datetime(2025, 1, 2), value=78, unit="kg",
                                          loinc="29463-7"), case.id)
    page = main_window.room_pages["records"]
    page.open_patient(patient.id)
    page._select_case(case.id)
    page.tabs.setCurrentWidget(page.medications_panel)
    panel = page.medications_panel
    qtbot.waitUntil(lambda: panel.case_context is not None and panel.search_index is not None, timeout=15000)
    return page, panel, service, patient, case


def _prescribe(qtbot, panel, text: str) -> None:
    panel.search_box.setText(text)
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=3000)
    panel.prescribe_button.click()


def test_override_flow_follow_up_timeline_and_memory(qtbot, main_window, warfarin_patient):
    page, panel, service, patient, case = warfarin_patient
    # The context comes from the record: warfarin and simvastatin are active, the weight is used for CrCl.
    assert {"warfarin", "simvastatin"} <= set(panel.case_context.active_drug_ids)
    assert panel.case_context.weight is not None and panel.case_context.weight.value == 78
    assert any(item.medication.name == "warfarin" for item in panel.items)

    _prescribe(qtbot, panel, "clarithromycin")
    qtbot.waitUntil(lambda: panel.override_dialog is not None and panel.override_dialog.isVisible(), timeout=5000)
    dialog = panel.override_dialog
    rules = {box.alert.rule_id for box in dialog.boxes}
    assert "statin3a4_strong_cyp3a4_inhibitor" in rules  # simvastatin + clarithromycin: contraindicated
    assert not dialog.prescribe_button.isEnabled()  # no reason yet
    due = dt.date.today() + dt.timedelta(days=3)
    for box in dialog.boxes:
        box.choose("will_monitor", "INR and CK", due)
    assert dialog.prescribe_button.isEnabled()
    dialog.prescribe_button.click()
    qtbot.waitUntil(lambda: panel.last_store is not None and panel.last_store.is_done, timeout=5000)
    qtbot.waitUntil(lambda: "prescribed" in panel.status_text, timeout=3000)

    stored = service.cases.get(case.id)
    follow_ups = [f for f in stored.follow_ups if "INR and CK" in f.note]
    assert follow_ups and follow_ups[0].due == due
    entries = [e for e in stored.entries if e.kind is EntryKind.MEDICATION and "Alert overridden" in e.text]
    assert len(entries) == 1 and "Simvastatin + Clarithromycin" in entries[0].text
    assert "Will monitor: INR and CK" in entries[0].text
    qtbot.waitUntil(lambda: "Alert overridden" in page.timeline.toPlainText(), timeout=5000)
    with main_window.ctx.workspace.unit_of_work() as session:
        overrides = session.scalars(select(AuditLogRow).where(AuditLogRow.action == "override")).all()
    assert any("statin3a4_strong_cyp3a4_inhibitor" in (row.detail or "") for row in overrides)
    assert any(m.drug_id == "clarithromycin" and m.active for m in service.medications.for_patient(patient.id))

    # The same drug pair for the same patient does not interrupt again; the alert is shown inline instead.
    first_dialog = panel.override_dialog
    panel.last_store = None
    _prescribe(qtbot, panel, "clarithromycin")
    qtbot.waitUntil(lambda: panel.last_store is not None and panel.last_store.is_done, timeout=5000)
    assert panel.override_dialog is first_dialog and not panel.last_check.interrupting
    assert any(a.rule_id == "statin3a4_strong_cyp3a4_inhibitor" for a in panel.last_check.remembered)

    # The inline alerts are on the medication entries, collapsed until opened.
    # A prescription reloads the list twice (the panel and the page's patient reload): wait for both to land.
    qtbot.waitUntil(lambda: main_window.ctx.tasks.pending == 0 and any(item.alerts for item in panel.items),
                    timeout=5000)
    simvastatin = next(item for item in panel.items if item.medication.drug_ids == ("simvastatin",))
    qtbot.waitUntil(simvastatin.isVisible, timeout=3000)  # a widget added to a layout is shown by a queued call
    assert simvastatin.alerts and not simvastatin.cards_host.isVisible()
    simvastatin.toggle.click()
    assert simvastatin.cards_host.isVisible()

    # Alert statistics in the Drugs room count the override.
    stats_dialog = main_window.room_pages["drugs"].open_alert_stats()
    qtbot.waitUntil(lambda: bool(stats_dialog.stats), timeout=5000)
    rule = next(r for r in stats_dialog.stats if r.rule_id == "statin3a4_strong_cyp3a4_inhibitor")
    assert rule.overridden == 1 and rule.remembered == 1 and rule.fired == 2
    stats_dialog.close()


def test_cancel_counts_as_accepted(qtbot, main_window, warfarin_patient):
    _page, panel, service, patient, _case = warfarin_patient
    _prescribe(qtbot, panel, "clarithromycin")
    qtbot.waitUntil(lambda: panel.override_dialog is not None and panel.override_dialog.isVisible(), timeout=5000)
    panel.override_dialog.cancel_button.click()
    qtbot.waitUntil(lambda: "not prescribed" in panel.status_text, timeout=3000)
    main_window.ctx.tasks.wait_all()
    assert not any(m.drug_id == "clarithromycin" for m in service.medications.for_patient(patient.id))
    from cdss.cds.stats import rule_statistics

    qtbot.waitUntil(lambda: any(r.accepted for r in rule_statistics(main_window.ctx.workspace)), timeout=3000)


def test_creatinine_rise_raises_a_renal_alert_on_the_case(qtbot, main_window, warfarin_patient):
    page, _panel, service, patient, case = warfarin_patient
    service.medications.add(patient.id, Medication("metformin", "500 mg bid"))
    service.labs.add(patient.id, LabResult("Serum creatinine", dt.datetime(2025, 1, 2), value=80, unit="µmol/L",
                                          loinc="14682-9"), case.id)
    banner = page.case_alerts
    handle = banner.recheck_after_lab()
    qtbot.waitUntil(lambda: handle.is_done, timeout=5000)
    assert not banner.alerts  # a normal creatinine raises nothing
    risen = service.labs.add(patient.id, LabResult("Serum creatinine", dt.datetime(2025, 3, 2), value=260,
                                                  unit="µmol/L", loinc="14682-9"), case.id)
    handle = banner.recheck_after_lab(risen.id)
    qtbot.waitUntil(lambda: handle.is_done, timeout=5000)
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=3000)
    renal = [a for a in banner.alerts if a.alert.kind == "renal" and a.alert.drugs == ("metformin",)]
    assert renal and renal[0].alert.severity == "contraindicated" and renal[0].case_id == case.id
    # Reviewing it removes it from the header.
    handle = banner.mark_reviewed(renal[0].id)
    qtbot.waitUntil(lambda: handle.is_done, timeout=5000)
    assert all(a.id != renal[0].id for a in banner.alerts)


def test_every_context_note_has_a_translatable_text():
    from cdss.cds.context import NOTE_TEXTS
    from cdss.ui.records.cds_texts import _NOTES

    assert _NOTES == NOTE_TEXTS  # same codes and the same English source text


def test_an_overridden_alert_shows_once_with_reason_who_and_when(qtbot, main_window, warfarin_patient):
    page, panel, service, patient, case = warfarin_patient
    _prescribe(qtbot, panel, "clarithromycin")
    qtbot.waitUntil(lambda: panel.override_dialog is not None and panel.override_dialog.isVisible(), timeout=5000)
    for box in panel.override_dialog.boxes:
        box.choose("short_course", "5 days only")
    panel.override_dialog.prescribe_button.click()
    qtbot.waitUntil(lambda: panel.last_store is not None and panel.last_store.is_done, timeout=5000)
    qtbot.waitUntil(lambda: main_window.ctx.tasks.pending == 0
                    and any(i.medication.drug_ids == ("clarithromycin",) for i in panel.items), timeout=5000)
    # The simvastatin + clarithromycin alert is listed once, under the newer drug, not under each of the two.
    holders = [item for item in panel.items
               for card in item.cards if set(card.alert["drugs"]) == {"simvastatin", "clarithromycin"}]
    assert [h.medication.drug_ids for h in holders] == [("clarithromycin",)]
    card = next(c for c in holders[0].cards if set(c.alert["drugs"]) == {"simvastatin", "clarithromycin"})
    assert "interruptive" not in card.badge.text() and "overridden" in card.badge.text()
    assert card.override_label.isVisibleTo(card)
    text = card.override_label.text()
    assert text.startswith("Overridden: Short course only (5 days only) — ") and dt.date.today().isoformat() in text
