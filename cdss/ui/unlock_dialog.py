"""The passphrase prompt of an encrypted workspace, shown before the main window (and by the app lock)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from cdss.errors import UserError

MAX_TRIES = 5


class UnlockDialog(QDialog):
    """Asks for the passphrase of ``root``; on a right one the key is remembered for this process and the dialog
    accepts. A wrong one says so and lets the doctor try again (up to :data:`MAX_TRIES`)."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.root = Path(root)
        self.tries = 0
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setObjectName("unlockProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Unlock the workspace"))
        self.explain.setText(self.tr("The workspace {path} is encrypted. Enter its passphrase to open the records.")
                             .format(path=self.root))

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
            if self.tries >= MAX_TRIES:
                self.reject()
                return False
            self.problem.setText(self.tr("That passphrase is not right for this workspace (try {n} of {max}).")
                                 .format(n=self.tries, max=MAX_TRIES))
            return False
        crypto.remember(self.root, key)
        self.accept()
        return True
