"""Settings → Security: encrypt the workspace, or change its passphrase, from the app.

Both run on the single writer (they rewrite the database file): the engine is closed first, so no connection keeps
reading the old file, and the workspace reopens under the new key when they are done.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cdss.db import crypto
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.tasks import TaskHandle, while_alive


class PassphraseDialog(QDialog):
    """New passphrase twice (and the current one when changing); the check happens when it is accepted."""

    def __init__(self, changing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.changing = changing
        self.current = QLineEdit(self)
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for edit, name in ((self.current, "currentPassphrase"), (self.first, "newPassphrase"),
                           (self.second, "repeatPassphrase")):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("passphraseProblem")
        palette.set_tone(self.problem, "danger")
        form = QFormLayout()
        if changing:
            form.addRow(self.tr("Current passphrase"), self.current)
        else:
            self.current.hide()
        form.addRow(self.tr("New passphrase"), self.first)
        form.addRow(self.tr("Repeat it"), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if changing:
            self.setWindowTitle(self.tr("Change the passphrase"))
        else:
            self.setWindowTitle(self.tr("Encrypt this workspace"))
        if changing:
            self.explain.setText(self.tr("The database and every backup are re-encrypted under the new passphrase."))
        else:
            self.explain.setText(self.tr(
                "The database, every backup and the attached photos and files will be encrypted (a backup is taken "
                "first). Without the passphrase nobody — you included — can read these records: keep it safe."))

    def check(self) -> bool:
        if self.first.text() != self.second.text():
            self.problem.setText(self.tr("The two new passphrases differ."))
            return False
        if len(self.first.text()) < crypto.MIN_PASSPHRASE:
            self.problem.setText(self.tr("The passphrase must have at least {n} characters.")
                                 .format(n=crypto.MIN_PASSPHRASE))
            return False
        self.accept()
        return True


class SecurityBox(QGroupBox):
    """The Security group of the settings dialog: whether the workspace is encrypted, and the action that fits."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = QLabel(self)
        self.status.setObjectName("securityStatus")
        self.status.setWordWrap(True)
        self.encrypt_button = QPushButton(self)
        self.encrypt_button.setObjectName("encryptWorkspace")
        self.encrypt_button.clicked.connect(lambda: self.ask(changing=False))
        self.passphrase_button = QPushButton(self)
        self.passphrase_button.setObjectName("changePassphrase")
        self.passphrase_button.clicked.connect(lambda: self.ask(changing=True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.encrypt_button)
        layout.addWidget(self.passphrase_button)
        self.dialog: PassphraseDialog | None = None
        self.last_task: TaskHandle | None = None
        self.retranslate_ui()

    @property
    def encrypted(self) -> bool:
        return self.ctx.workspace.key is not None

    def ask(self, *, changing: bool) -> PassphraseDialog:
        dialog = PassphraseDialog(changing, self)
        dialog.accepted.connect(lambda: self.run(dialog.current.text(), dialog.first.text(), changing))
        self.dialog = dialog
        dialog.open()
        return dialog

    def run(self, current: str, new: str, changing: bool) -> TaskHandle:
        workspace = self.ctx.workspace

        def work() -> None:
            from cdss.db.encrypt import change_passphrase, encrypt_workspace

            workspace.close()  # no connection may keep reading the file that is about to be replaced
            if changing:
                change_passphrase(workspace.root, current, new)
            else:
                encrypt_workspace(workspace.root, new)
            workspace.key = crypto.key_for(workspace.root)  # the engine reopens under the new key on next use

        self.status.setText(self.tr("Working… (the whole database is rewritten)"))
        handle = self.ctx.tasks.run_write(work, name="workspace-encryption")
        handle.finished.connect(while_alive(self, lambda _r: self._done()))
        handle.failed.connect(while_alive(self, lambda _e: self.retranslate_ui()))
        self.last_task = handle
        return handle

    def _done(self) -> None:
        self.retranslate_ui()
        self.changed.emit()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Security"))
        if self.encrypted:
            self.status.setText(self.tr("This workspace is encrypted: the database, its backups and the attached "
                                        "photos and files."))
        else:
            self.status.setText(self.tr("This workspace is not encrypted: anyone who can read this computer's disk "
                                        "can read the records."))
        self.encrypt_button.setText(self.tr("Encrypt this workspace…"))
        self.passphrase_button.setText(self.tr("Change the passphrase…"))
        self.encrypt_button.setVisible(not self.encrypted)
        self.passphrase_button.setVisible(self.encrypted)
