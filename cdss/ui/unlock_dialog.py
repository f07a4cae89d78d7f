"""The passphrase prompt of an encrypted workspace, shown before the main window (and by the app lock)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cdss.errors import UserError
from cdss.ui import palette

MAX_TRIES = 5


class UnlockDialog(QDialog):
    """Asks for the passphrase of ``root``; on a right one the key is remembered for this process and the dialog
    accepts. A wrong one says so and lets the doctor try again (up to :data:`MAX_TRIES`)."""

    def __init__(self, root: Path, parent: QWidget | None = None, *, locked: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.root = Path(root)
        self.locked = locked  # the app lock: wrong tries never close it (nothing else is on screen)
        self.tries = 0
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setObjectName("unlockProblem")
        palette.set_tone(self.problem, "danger")
        self.problem.setWordWrap(True)
        from cdss.db import crypto

        # the OS keyring can keep the key for this computer's account, if the doctor wants (never in the lock)
        self.remember = QCheckBox(self)
        self.remember.setObjectName("unlockRemember")
        self.remember.setVisible(not locked and crypto.keyring_available())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.problem)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Unlock the workspace"))
        self.remember.setText(self.tr("Remember on this computer (in the system keyring): open without asking"))
        if locked:
            self.explain.setText(self.tr("CDSS Desk is locked: patient data is hidden until the workspace's "
                                         "passphrase is entered."))
        else:
            self.explain.setText(self.tr("The workspace {path} is encrypted. Enter its passphrase to open the "
                                         "records.").format(path=self.root))

    def try_unlock(self) -> bool:
        from cdss.db import crypto

        self.tries += 1
        try:
            key = crypto.unlock(self.root, self.passphrase.text())
        except UserError as exc:
            if exc.code != "workspace_passphrase_wrong":
                self.problem.setText(str(exc))
                return False
            self.passphrase.clear()
            if self.tries >= MAX_TRIES and not self.locked:
                self.reject()
                return False
            self.problem.setText(self.tr("That passphrase is not right for this workspace (try {n} of {max}).")
                                 .format(n=self.tries, max=MAX_TRIES))
            return False
        crypto.remember(self.root, key)
        if self.remember.isVisible():
            if self.remember.isChecked():
                crypto.remember_in_keyring(self.root, key)
            else:
                crypto.forget_in_keyring(self.root)
        self.accept()
        return True
