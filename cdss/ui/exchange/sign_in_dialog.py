"""Sign in to an exchange server: address, user name, password; the request runs off the GUI thread.

The password lives only in the line edit until the request is sent; the workspace keeps the tokens the server
returns, never the password. Refusals and network trouble are shown inside the dialog, which stays open to retry.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cdss.errors import UserError
from cdss.exchange.client.service import ExchangeService
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.error_texts import user_error_text
from cdss.ui.tasks import while_alive


class SignInDialog(QDialog):
    def __init__(self, ctx: AppContext, service: ExchangeService, server_url: str, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeSignInDialog")
        self.setWindowTitle(self.tr("Sign in to the exchange"))
        self.ctx, self.service = ctx, service
        self.session = None
        form = QFormLayout(self)
        self.server = QLineEdit(server_url, self)
        self.server.setObjectName("exchangeServerUrl")
        self.server.setPlaceholderText("https://exchange.example.org")
        self.username = QLineEdit(username, self)
        self.username.setObjectName("exchangeUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("exchangePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("exchangeSignInError")
        self.error.setWordWrap(True)
        palette.set_tone(self.error, "danger")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.error)
        form.addRow(self.buttons)
        (self.password if username else self.username).setFocus()
        self.resize(440, self.sizeHint().height())

    def submit(self):
        """Send the sign-in; returns the task handle (None when a field is empty)."""
        if not (self.server.text().strip() and self.username.text().strip() and self.password.text()):
            self.error.setText(self.tr("Fill in the server, the user name and the password."))
            return None
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Signing in…"))
        handle = self.ctx.tasks.run_write(self.service.sign_in, self.server.text(), self.username.text(),
                                          self.password.text(), name="exchange-sign-in",
                                          on_error=while_alive(self, self._failed))
        handle.finished.connect(while_alive(self, self._signed_in))
        return handle

    def _signed_in(self, session) -> None:
        self.session = session
        self.password.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, UserError):
            self.error.setText(user_error_text(error))
        else:
            self.error.setText("")
            self.ctx.errors.report(error)
