"""Settings: interface language, database backups (back up now, restore one) and where the workspace lives."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cdss.db.backup import BackupInfo, list_backups
from cdss.ui.context import AppContext
from cdss.ui.i18n import LANGUAGE_NAMES
from cdss.ui.tasks import while_alive


class SettingsDialog(QDialog):
    language_chosen = Signal(str)
    restored = Signal(object)  # BackupInfo of the safety copy taken before restoring

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        layout = QVBoxLayout(self)

        self.general_box = QGroupBox(self)
        form = QFormLayout(self.general_box)
        self.language_combo = QComboBox(self.general_box)
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(ctx.languages.language))
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language_combo.currentData()))
        self.language_label = QLabel(self.general_box)
        form.addRow(self.language_label, self.language_combo)
        self.hide_minor = QCheckBox(self.general_box)
        self.hide_minor.setObjectName("hideMinorAlerts")
        self.hide_minor.setChecked(bool(ctx.settings.get("drugs.hide_minor_alerts")))
        self.hide_minor.toggled.connect(lambda on: ctx.settings.set("drugs.hide_minor_alerts", on))
        form.addRow(self.hide_minor)
        # printed on case PDFs (heading and signature line); never in a de-identified report
        self.clinic_label, self.clinic_edit = QLabel(self.general_box), QLineEdit(self.general_box)
        self.doctor_label, self.doctor_edit = QLabel(self.general_box), QLineEdit(self.general_box)
        for edit, key, name in ((self.clinic_edit, "report.clinic", "reportClinic"),
                                (self.doctor_edit, "report.doctor", "reportDoctor")):
            edit.setObjectName(name)
            edit.setText(str(ctx.settings.get(key)))
            edit.editingFinished.connect(lambda e=edit, k=key: ctx.settings.set(k, e.text().strip()))
        form.addRow(self.clinic_label, self.clinic_edit)
        form.addRow(self.doctor_label, self.doctor_edit)
        # the app lock exists only for an encrypted workspace (it asks for the passphrase)
        self.lock_label, self.lock_combo = QLabel(self.general_box), QComboBox(self.general_box)
        self.lock_combo.setObjectName("lockMinutes")
        for minutes in (0, 5, 10, 15, 30, 60):
            self.lock_combo.addItem("", minutes)
        self.lock_combo.setCurrentIndex(max(0, self.lock_combo.findData(ctx.settings.get("security.lock_minutes"))))
        self.lock_combo.currentIndexChanged.connect(
            lambda _i: ctx.settings.set("security.lock_minutes", self.lock_combo.currentData()))
        form.addRow(self.lock_label, self.lock_combo)
        self.lock_label.setVisible(ctx.workspace.key is not None)
        self.lock_combo.setVisible(ctx.workspace.key is not None)
        self.workspace_label = QLabel(self.general_box)
        self.workspace_value = QLabel(str(ctx.workspace.root), self.general_box)
        self.workspace_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.workspace_label, self.workspace_value)
        layout.addWidget(self.general_box)

        from cdss.ui.security_dialog import SecurityBox

        self.security = SecurityBox(ctx, self)
        self.security.changed.connect(self._security_changed)
        layout.addWidget(self.security)

        self.backup_box = QGroupBox(self)
        backup_layout = QVBoxLayout(self.backup_box)
        self.backup_hint = QLabel(self.backup_box)
        self.backup_hint.setWordWrap(True)
        backup_layout.addWidget(self.backup_hint)
        self.backup_list = QListWidget(self.backup_box)
        self.backup_list.setObjectName("backupList")
        backup_layout.addWidget(self.backup_list)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.backup_box)
        self.backup_button.setObjectName("backupNowButton")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.backup_box)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self._confirm_restore)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        backup_layout.addLayout(row)
        layout.addWidget(self.backup_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate_ui()
        self.refresh_backups()
        self.resize(560, 480)

    # -- backups -------------------------------------------------------------------------------------------------
    def refresh_backups(self) -> None:
        self.backup_list.clear()
        for info in list_backups(self.ctx.workspace.backups_dir):
            local = info.taken_at.astimezone()
            item = QListWidgetItem(f"{local:%Y-%m-%d %H:%M:%S}  ·  {self._reason_text(info.reason)}  ·  "
                                   f"{info.size / 1024:.0f} KB")
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.backup_list.addItem(item)
        self.restore_button.setEnabled(self.backup_list.count() > 0)

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        handle = self.ctx.tasks.run_write(self.ctx.workspace.backup_now, "manual", name="backup")
        handle.done.connect(while_alive(self, lambda: (self.backup_button.setEnabled(True), self.refresh_backups())))

    def selected_backup(self) -> BackupInfo | None:
        item = self.backup_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def restore_selected(self) -> None:
        """Restore the selected backup without asking (the confirmation is in the button's handler)."""
        info = self.selected_backup()
        if info is None:
            return
        handle = self.ctx.tasks.run_write(self.ctx.workspace.restore, info.path, name="restore")
        handle.finished.connect(while_alive(self, lambda safety: (self.restored.emit(safety), self.refresh_backups())))

    def _confirm_restore(self) -> None:
        info = self.selected_backup()
        if info is None:
            QMessageBox.information(self, self.tr("Restore a backup"), self.tr("Choose a backup in the list first."))
            return
        answer = QMessageBox.question(self, self.tr("Restore a backup"), self.tr(
            "Replace the current data with the backup from {when}? The current state is backed up first, so this "
            "can be undone.").format(when=f"{info.taken_at.astimezone():%Y-%m-%d %H:%M}"))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_selected()

    def _reason_text(self, reason: str) -> str:
        return {
            "daily": self.tr("daily"),
            "manual": self.tr("manual"),
            "pre-migration": self.tr("before upgrade"),
            "before-restore": self.tr("before restore"),
        }.get(reason, reason)

    def _security_changed(self) -> None:
        encrypted = self.ctx.workspace.key is not None
        self.lock_label.setVisible(encrypted)
        self.lock_combo.setVisible(encrypted)

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.general_box.setTitle(self.tr("General"))
        self.language_label.setText(self.tr("Language"))
        self.workspace_label.setText(self.tr("Workspace folder"))
        self.hide_minor.setText(self.tr("Hide minor-tier drug alerts"))
        self.lock_label.setText(self.tr("Lock after"))
        for i in range(self.lock_combo.count()):
            minutes = self.lock_combo.itemData(i)
            self.lock_combo.setItemText(i, self.tr("never") if minutes == 0 else
                                        self.tr("{minutes} minutes without use").format(minutes=minutes))
        self.clinic_label.setText(self.tr("Clinic (on case PDFs)"))
        self.doctor_label.setText(self.tr("Doctor (on case PDFs)"))
        self.clinic_edit.setPlaceholderText(self.tr("e.g. City Hospital, cardiology clinic"))
        self.backup_box.setTitle(self.tr("Backups"))
        self.backup_hint.setText(self.tr("The database is backed up once a day on start and before every upgrade; "
                                         "the newest ten backups are kept."))
        self.backup_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore selected…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh_backups()
        super().changeEvent(event)
