"""Buttons for one's own shared case in the Exchange room: update it from the current record, or withdraw it.

Both ask first. "Update from my record" opens the share dialog in update mode: the current record de-identified exactly
as sharing does it, side by side with the original, and the consent box, before anything is queued; the update carries
the revision the server last confirmed, so an edit made on another workstation meanwhile becomes a visible conflict in
the outbox.
Either action is queued in the outbox and sent at once when the server can be reached.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from cdss.errors import UserError
from cdss.exchange.client.service import ActionOutcome, CaseThread, ExchangeService
from cdss.ui.context import AppContext
from cdss.ui.error_texts import user_error_text
from cdss.ui.tasks import while_alive


class OwnCaseActions(QWidget):
    def __init__(self, ctx: AppContext, service: ExchangeService, *, on_status: Callable[[str], object],
                 on_changed: Callable[[str, ActionOutcome], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeOwnCaseActions")
        self.ctx, self.service = ctx, service
        self._on_status, self._on_changed = on_status, on_changed
        self.thread: CaseThread | None = None
        self.confirm_box: QMessageBox | None = None
        self.confirm_button: QPushButton | None = None
        self.handle = None  # the last background task (tests wait on it)
        self.update_dialog = None  # the open update dialog, if any

        self.update_button = QPushButton(self)
        self.update_button.setObjectName("exchangeUpdateShared")
        self.update_button.clicked.connect(self.update_from_record)
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setObjectName("exchangeWithdrawShared")
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.update_button)
        layout.addWidget(self.withdraw_button)
        self.retranslate_ui()
        self.show_for(None)

    def show_for(self, thread: CaseThread | None) -> None:
        """Visible only on the signed-in user's own, still published case that was shared from this workspace."""
        self.thread = thread
        own = thread is not None and thread.own_case_id is not None and thread.case.status == "published"
        self.setVisible(own)
        self._set_busy(False)

    # -- update ---------------------------------------------------------------------------------------------------
    def update_from_record(self):
        """Open the share dialog in update mode: the side-by-side preview of the new revision and the consent box;
        nothing is queued until the doctor confirms. Returns the dialog (None when this is not one's own case)."""
        if self.thread is None or self.thread.own_case_id is None:
            return None
        from cdss.ui.exchange.share_dialog import open_share_dialog

        dialog = open_share_dialog(self.ctx, self.thread.own_case_id, self, update=True, service=self.service)
        dialog.send_attempted.connect(while_alive(
            self, lambda outbox_id, sent: self._done("exchange-update", ActionOutcome(outbox_id, sent))))
        self.update_dialog = dialog
        return dialog

    # -- withdraw -------------------------------------------------------------------------------------------------
    def ask_withdraw(self) -> QMessageBox | None:
        if self.thread is None or self.thread.own_case_id is None:
            return None
        case_id = self.thread.own_case_id
        text = self.tr("Withdraw “{title}” from the exchange? It is marked as withdrawn for every colleague.").format(
            title=self.thread.case.title)
        return self._confirm(text, self.tr("Withdraw"), None,
                             lambda: self._run(self.service.withdraw_shared, case_id, "exchange-withdraw"))

    # -- shared steps ---------------------------------------------------------------------------------------------
    def _confirm(self, text: str, action: str, details: str | None, on_yes: Callable[[], object]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Exchange"), text, parent=self)
        box.setObjectName("exchangeOwnCaseConfirm")
        if details is not None:
            box.setDetailedText(details)
        confirm = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # a stray Enter must not send or withdraw

        def finished(_result: int) -> None:
            if box.clickedButton() is confirm:
                on_yes()
            else:
                self._set_busy(False)

        box.finished.connect(finished)
        self.confirm_box, self.confirm_button = box, confirm
        self._set_busy(True)
        box.open()
        return box

    def _run(self, action: Callable[[int], ActionOutcome], case_id: int, name: str):
        self.handle = self.ctx.tasks.run_write(action, case_id, name=name, on_error=while_alive(self, self._failed))
        self.handle.finished.connect(while_alive(self, lambda outcome: self._done(name, outcome)))
        return self.handle

    def _done(self, name: str, outcome: ActionOutcome) -> None:
        self._set_busy(False)
        if name == "exchange-withdraw":
            message = self.tr("Case withdrawn.") if outcome.sent else self.tr(
                "Withdrawal saved in the outbox; it is sent at the next sync.")
        else:
            message = self.tr("Update sent.") if outcome.sent else self.tr(
                "Update saved in the outbox; it is sent at the next sync (see the outbox if it is in conflict).")
        self._on_status(message)
        self._on_changed("withdraw" if name == "exchange-withdraw" else "update", outcome)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, UserError):
            self._on_status(user_error_text(error))
        else:
            self.ctx.errors.report(error)

    def _set_busy(self, busy: bool) -> None:
        self.update_button.setEnabled(not busy)
        self.withdraw_button.setEnabled(not busy)

    # -- text -----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.update_button.setText(self.tr("Update from my record…"))
        self.update_button.setToolTip(self.tr("Send a new revision built from the current record, de-identified "
                                              "again; you see what will be sent first."))
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.withdraw_button.setToolTip(self.tr("Withdraw this case from the exchange (asks first)."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
