"""Adding and correcting the structured parts of a record: lab values, follow-ups, allergies, and attaching files.

The buttons sit beside the quick-capture bar; the Labs tab's own Add/Edit/Delete come here too. A lab value entered
while a case is open becomes a "Tests" entry on that case's timeline (and a row of the Labs table), so it is dated
in the story of the case; with no case open it is stored on the patient. Every change can be undone from the
page's undo bar (see :mod:`cdss.ui.records.entry_editor`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from cdss.records.changes import AllergyChanges, LabChanges
from cdss.records.types import Allergy, Entry, EntryKind, LabResult, stored_id
from cdss.ui.records.entry_editor import TimelineEditor, UndoStep

if TYPE_CHECKING:
    from cdss.records.service import RecordsService
    from cdss.ui.records.labs_panel import LabsPanel
    from cdss.ui.records.selection import RecordSelection
    from cdss.ui.tasks import TaskHandle


class RecordActionsBar(QWidget):
    """"Attach… · Lab… · Follow-up… · Allergies…" next to the capture bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordActions")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.attach_button = QPushButton(self)
        self.attach_button.setObjectName("attachButton")
        self.lab_button = QPushButton(self)
        self.lab_button.setObjectName("addLabButton")
        self.follow_up_button = QPushButton(self)
        self.follow_up_button.setObjectName("addFollowUpButton")
        self.allergies_button = QPushButton(self)
        self.allergies_button.setObjectName("allergiesButton")
        for button in (self.attach_button, self.lab_button, self.follow_up_button, self.allergies_button):
            layout.addWidget(button)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.attach_button.setText(self.tr("Attach…"))
        self.attach_button.setToolTip(self.tr("Attach photos or PDFs to this case (or drop them on the timeline, or "
                                              "paste an image with Ctrl+V)"))
        self.lab_button.setText(self.tr("Lab value…"))
        self.follow_up_button.setText(self.tr("Follow-up…"))
        self.allergies_button.setText(self.tr("Allergies…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class RecordActions(QObject):
    def __init__(self, service: RecordsService, selection: RecordSelection, editor: TimelineEditor,
                 labs_panel: LabsPanel, attach_paths: Callable[[list[Path]], object],
                 recheck_after_lab: Callable[[int, int | None], TaskHandle | None], view: QWidget) -> None:
        """``attach_paths`` attaches files to the case on screen (the attachment drop handler);
        ``recheck_after_lab(patient_id, lab_id)`` re-checks the medications after a new lab value; ``view`` (the
        page) holds the bar and the dialogs."""
        super().__init__(view)
        self.view = view
        self.selection = selection
        self.editor = editor
        self.service = service
        self.labs_panel = labs_panel
        self._attach_paths = attach_paths
        self._recheck_after_lab = recheck_after_lab
        self.bar = RecordActionsBar(view)
        self.dialog: QWidget | None = None  # the last dialog opened (tests fill it in)
        self.allergies_dialog = None
        self.last_recheck: TaskHandle | None = None  # the medication re-check started after the last new lab value
        self.bar.attach_button.clicked.connect(self.ask_attach)
        self.bar.lab_button.clicked.connect(self.ask_new_lab)
        self.bar.follow_up_button.clicked.connect(self.ask_new_follow_up)
        self.bar.allergies_button.clicked.connect(self.show_allergies)
        editor.changed.connect(self._refresh_allergies)
        panel = labs_panel
        panel.add_requested.connect(self.ask_new_lab)
        panel.edit_requested.connect(self.ask_edit_lab)
        panel.delete_requested.connect(self.delete_lab)
        selection.changed.connect(self._selection_changed)
        self._selection_changed()

    def _selection_changed(self) -> None:
        """Labs and allergies need an open patient; files and follow-ups a case."""
        patient_open, case_open = self.selection.patient is not None, self.selection.case is not None
        self.bar.lab_button.setEnabled(patient_open)
        self.bar.allergies_button.setEnabled(patient_open)
        self.bar.attach_button.setEnabled(case_open)
        self.bar.follow_up_button.setEnabled(case_open)
        self.labs_panel.set_editable(patient_open)

    def _show(self, dialog):
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- attachments ---------------------------------------------------------------------------------------------
    def ask_attach(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self.view, self.tr("Attach photos or PDFs"), str(Path.home()),
            self.tr("Photos and PDFs (*.jpg *.jpeg *.png *.gif *.webp *.pdf);;All files (*)"))
        if paths:
            self._attach_paths([Path(p) for p in paths])

    # -- labs ----------------------------------------------------------------------------------------------------
    def _patient_labs(self) -> list[LabResult]:
        return list(self.selection.labs)

    def ask_new_lab(self):
        from cdss.ui.records.lab_dialog import LabDialog

        if self.selection.patient is None:
            return None
        dialog = LabDialog(None, self._patient_labs(), self.view)
        dialog.accepted.connect(lambda: self.add_lab(dialog.value_result()))
        return self._show(dialog)

    def add_lab(self, lab: LabResult):
        patient_id = self.selection.patient_id()
        case = self.selection.case
        if case is not None:
            case_id = stored_id(case)

            def change():
                return self.service.cases.add_entry(
                    case_id, Entry(kind=EntryKind.TEST, occurred_at=lab.taken_at, lab=lab))

            def undo(entry: Entry) -> UndoStep:
                return UndoStep(self.tr("Lab value removed."),
                                lambda: self.service.cases.delete_entry(stored_id(entry)), patient_id, case_id)

            def stored(entry: Entry) -> None:
                self.last_recheck = self._recheck_after_lab(patient_id, entry.lab.id if entry.lab else None)
        else:
            def change():
                return self.service.labs.add(patient_id, lab)

            def undo(added: LabResult) -> UndoStep:
                return UndoStep(self.tr("Lab value removed."), lambda: self.service.labs.delete(stored_id(added)),
                                patient_id, None)

            def stored(added: LabResult) -> None:
                self.last_recheck = self._recheck_after_lab(patient_id, added.id)
        return self.editor.write(change, undo, self.tr("Lab value added."), after=stored)

    def _lab(self, lab_id: int) -> LabResult | None:
        return next((lab for lab in self._patient_labs() if lab.id == lab_id), None)

    def ask_edit_lab(self, lab_id: int):
        from cdss.ui.records.lab_dialog import LabDialog

        lab = self._lab(lab_id)
        if lab is None:
            return None
        dialog = LabDialog(lab, self._patient_labs(), self.view)
        dialog.accepted.connect(lambda: self.save_lab(lab, dialog.value_result()))
        return self._show(dialog)

    def save_lab(self, before: LabResult, after: LabResult):
        lab_id = stored_id(before)
        step = UndoStep(self.tr("Edit undone."),
                        lambda: self.service.labs.update(lab_id, LabChanges.replacing(before)), *self.selection.where())
        return self.editor.write(lambda: self.service.labs.update(lab_id, LabChanges.replacing(after)), step,
                                 self.tr("Lab value saved."))

    def delete_lab(self, lab_id: int):
        """A lab captured on the timeline goes with its entry (soft delete); any other lab row is removed."""
        patient = self.selection.patient
        if patient is None:
            return None
        for case in patient.cases:
            for entry in case.entries:
                if entry.lab is not None and entry.lab.id == lab_id:
                    step = UndoStep(self.tr("Lab value restored."),
                                    lambda e=entry.id: self.service.cases.restore_entry(e), patient.id, case.id)
                    return self.editor.write(lambda e=entry.id: self.service.cases.delete_entry(e), step,
                                             self.tr("Lab value deleted."))
        lab = self._lab(lab_id)
        if lab is None:
            return None
        home = next((c.id for c in patient.cases if any(x.id == lab_id for x in c.labs)), None)
        step = UndoStep(self.tr("Lab value restored."),
                        lambda: self.service.labs.add(stored_id(patient), lab, case_id=home), patient.id, home)
        return self.editor.write(lambda: self.service.labs.delete(lab_id), step, self.tr("Lab value deleted."))

    # -- follow-ups ----------------------------------------------------------------------------------------------
    def ask_new_follow_up(self):
        from cdss.ui.records.follow_up_dialog import FollowUpDialog

        case = self.selection.case
        if case is None:
            return None
        dialog = FollowUpDialog(case.opened_on, None, self.view)
        dialog.accepted.connect(lambda: self.add_follow_up(stored_id(case), *dialog.value()))
        return self._show(dialog)

    def add_follow_up(self, case_id: int, due, note: str):
        patient_id = self.selection.patient_id()

        def undo(added) -> UndoStep:
            return UndoStep(self.tr("Follow-up removed."), lambda: self.service.follow_ups.delete(added.id),
                            patient_id, case_id)

        return self.editor.write(lambda: self.service.follow_ups.add(case_id, due, note), undo,
                                 self.tr("Follow-up set for {date}.").format(date=due.isoformat()))

    # -- allergies -----------------------------------------------------------------------------------------------
    def show_allergies(self):
        from cdss.ui.records.allergy_dialog import AllergiesDialog

        if self.selection.patient is None:
            return None
        if self.allergies_dialog is not None:
            self.allergies_dialog.close()
            self.allergies_dialog.deleteLater()
        self.allergies_dialog = AllergiesDialog(self.selection.patient.allergies, self.save_allergy,
                                                self.delete_allergy, self.view)
        self.allergies_dialog.show()
        return self.allergies_dialog

    def _refresh_allergies(self) -> None:
        if self.allergies_dialog is not None and self.selection.patient is not None:
            self.allergies_dialog.set_allergies(self.selection.patient.allergies)

    def save_allergy(self, allergy: Allergy):
        patient_id = self.selection.patient_id()
        if allergy.id is None:
            def undo(added: Allergy) -> UndoStep:
                return UndoStep(self.tr("Allergy removed."), lambda: self.service.allergies.delete(stored_id(added)),
                                *self.selection.where())

            return self.editor.write(lambda: self.service.allergies.add(patient_id, allergy), undo,
                                     self.tr("Allergy added."))
        before = next(a for a in self.selection.patient.allergies if a.id == allergy.id)
        step = UndoStep(self.tr("Edit undone."),
                        lambda: self.service.allergies.update(stored_id(before), AllergyChanges.replacing(before)),
                        *self.selection.where())
        return self.editor.write(
            lambda: self.service.allergies.update(stored_id(allergy), AllergyChanges.replacing(allergy)), step,
            self.tr("Allergy saved."))

    def delete_allergy(self, allergy: Allergy):
        patient_id = self.selection.patient_id()
        step = UndoStep(self.tr("Allergy restored."), lambda: self.service.allergies.add(patient_id, allergy),
                        *self.selection.where())
        return self.editor.write(lambda: self.service.allergies.delete(stored_id(allergy)), step,
                                 self.tr("Allergy deleted."))
